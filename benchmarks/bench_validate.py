"""Validation speed, measured against baselines in the same run (`nox -s bench`).

1. 50,000 generated Absorb course-enrollment responses, validated four ways on the same objects:
   lmskit.validate (end to end), schemathesis validate_response, plain cached jsonschema, and bare
   jsonschema-rs (the ceiling). Figures are ratios to the ceiling.
2. A generated HAR of about 100 MB mixing all three vendors, through `lmskit validate` in a child
   process: wall time and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

STATUSES = list(range(13))


def enrollment(rng: random.Random) -> dict[str, Any]:
    ticks = rng.randrange(0, 10**12)
    # What Absorb's .NET API sends: a TimeSpan, offset-less date-times, nulls for unset optional values.
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "courseId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "courseName": rng.choice(["Safety Basics", "Fire Drill", "Data Privacy", "Onboarding"]),
        "progress": round(rng.random() * 100, 2),
        "score": round(rng.random() * 100, 2),
        "status": rng.choice(STATUSES),
        "dateEdited": f"2024-{rng.randrange(1, 13):02}-{rng.randrange(1, 29):02}T{rng.randrange(24):02}:15:22.1234567",
        "dateAdded": "2023-08-24T14:15:22",
        "dateCompleted": None,
        "certificateId": None,
        "fullName": rng.choice(["Ada Lovelace", "Alan Turing", "Grace Hopper"]),
        "userId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "acceptedTermsAndConditions": rng.random() < 0.5,
        "timeSpentTicks": ticks,
        "timeSpent": timespan(ticks),
        "isActive": True,
        "credits": rng.randrange(0, 5),
        "jobTitle": "Analyst",
    }


def timespan(ticks: int) -> str:
    from lmskit.fakes.absorb.resources import timespan as dotnet_timespan

    return dotnet_timespan(ticks)


def best_rates(functions: dict[str, tuple[Callable[[Any], Any], list[Any]]], rounds: int = 5) -> dict[str, float]:
    """Objects per second for each function, the best of ``rounds`` passes.

    The passes are interleaved (A, B, C, A, B, C, ...) so a slow moment of the machine hits every
    contender alike instead of skewing one ratio.
    """
    best = {name: float("inf") for name in functions}
    for function, objects in functions.values():
        function(objects[0])
    for _ in range(rounds):
        for name, (function, objects) in functions.items():
            started = time.perf_counter()
            for item in objects:
                function(item)
            best[name] = min(best[name], time.perf_counter() - started)
    return {name: len(functions[name][1]) / best[name] for name in functions}


def bench_objects(count: int) -> dict[str, float]:
    import httpx
    import jsonschema
    import jsonschema_rs
    import referencing
    import schemathesis
    from referencing.jsonschema import DRAFT202012

    import lmskit
    from lmskit.spec.loader import load_spec
    from lmskit.vendors import VENDORS

    rng = random.Random(7)
    objects = [enrollment(rng) for _ in range(count)]
    spec_path = VENDORS["absorb"].spec_path
    document = load_spec(spec_path).document
    pointer = "/paths/~1enrollments~1{id}/get/responses/200/content/application~1json/schema"

    bare = jsonschema_rs.validator_for(
        {"$ref": "urn:spec#" + quote(pointer, safe="/~")},
        registry=jsonschema_rs.Registry([("urn:spec", document)]),
        validate_formats=True,
    )
    registry = referencing.Registry().with_resource(
        "urn:spec", referencing.Resource.from_contents(document, default_specification=DRAFT202012)
    )
    plain = jsonschema.Draft202012Validator(
        {"$ref": "urn:spec#" + pointer},
        registry=registry,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    schema = schemathesis.openapi.from_path(str(spec_path))
    operation = schema["/enrollments/{id}"]["GET"]

    def schemathesis_check(body: Any) -> bool:
        response = httpx.Response(200, json=body, request=httpx.Request("GET", "http://bench/enrollments/x"))
        response.elapsed = timedelta(0)
        return bool(operation.is_valid_response(response))

    few = objects[: max(count // 10, 1000)]  # the slow baselines get a tenth: same objects, same ratio
    results = best_rates(
        {
            "jsonschema-rs (bare, the ceiling)": (bare.is_valid, objects),
            "lmskit.validate (end to end)": (partial(lmskit.validate, "absorb", "getCourseEnrollment", 200), objects),
            "jsonschema (cached validator)": (plain.is_valid, few),
            "schemathesis validate_response": (schemathesis_check, few),
        }
    )
    assert all(lmskit.validate("absorb", "getCourseEnrollment", 200, body).valid for body in objects[:1000])
    return results


def write_har(path: Path, megabytes: int) -> int:
    """A HAR of about ``megabytes`` MB: Absorb pages, DigitalChalk registrations, Bridge learners, another host."""
    rng = random.Random(11)
    entries = 0
    with path.open("w", encoding="utf-8") as out:
        out.write('{"log": {"version": "1.2", "creator": {"name": "lmskit bench", "version": "1"}, "entries": [\n')
        first = True
        while out.tell() < megabytes * 1_000_000:
            kind = entries % 4
            if kind == 0:
                url = "https://rest.myabsorb.eu/courses/7c9e6679-7425-40de-944b-e07fc1f90ae7/enrollments"
                items = [enrollment(rng) for _ in range(8)]
                body: Any = {"totalItems": 8, "returnedItems": 8, "limit": 20, "offset": 0, "enrollments": items}
            elif kind == 1:
                url = "https://api.digitalchalk.com/dc/api/v5/registrations"
                body = {
                    "results": [
                        {
                            "id": uuid.uuid4().hex,
                            "userId": uuid.uuid4().hex,
                            "offeringId": uuid.uuid4().hex,
                            "status": "active",
                            "title": "Course 1",
                            "createdDate": "2012-03-01T06:03:10Z",
                        }
                        for _ in range(10)
                    ]
                }
            elif kind == 2:
                url = "https://acme.bridgeapp.com/api/author/programs/1/learners"
                body = {
                    "meta": {},
                    "enrollments": [
                        {"id": str(i), "enrollment_id": str(i), "state": "active", "email": f"l{i}@example.com"}
                        for i in range(1, 13)
                    ],
                }
            else:
                url = "https://cdn.example.com/app.js"
                body = {"ignored": True}
            entry = {
                "startedDateTime": "2024-01-01T00:00:00Z",
                "request": {"method": "GET", "url": url, "headers": []},
                "response": {
                    "status": 200,
                    "headers": [{"name": "Content-Type", "value": "application/json"}],
                    "content": {"mimeType": "application/json", "text": json.dumps(body)},
                },
            }
            out.write(("" if first else ",\n") + json.dumps(entry))
            first = False
            entries += 1
        out.write("\n]}}\n")
    return entries


def bench_har(megabytes: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="lmskit-bench-") as scratch:
        har = Path(scratch) / "mixed.har"
        entries = write_har(har, megabytes)
        size = har.stat().st_size / 1_000_000
        started = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "lmskit", "validate", str(har), "--format", "json"],
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        payload = json.loads(completed.stdout)
        if completed.returncode != 0:
            raise SystemExit(f"the HAR did not validate clean: {completed.stderr or payload['invalid']} invalid")
    return {
        "entries": entries,
        "megabytes": size,
        "seconds": elapsed,
        "peak_rss_mb": peak_mb,
        "validated": payload["valid"],
        "skipped": payload["skipped"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--objects", type=int, default=50_000)
    parser.add_argument("--har-mb", type=int, default=100)
    options = parser.parse_args()
    print(f"lmskit validation benchmark (Python {sys.version.split()[0]}, {os.cpu_count()} cores)")
    objects = bench_objects(options.objects)
    ceiling = objects["jsonschema-rs (bare, the ceiling)"]
    print(f"\n{options.objects:,} Absorb course-enrollment responses (26-field objects, formats checked):")
    for name, rate in objects.items():
        print(f"  {name:36} {rate:>12,.0f}/s   {rate / ceiling:6.1%} of the ceiling")
    har = bench_har(options.har_mb)
    counts = f"{har['validated']:,} validated, {har['skipped']:,} other host"
    print(f"\nHAR: {har['megabytes']:.0f} MB, {har['entries']:,} entries ({counts})")
    print(
        f"  lmskit validate: {har['seconds']:.1f} s, peak RSS {har['peak_rss_mb']:.0f} MB"
        " (targets: under 10 s, under 300 MB)"
    )
    ratio = objects["lmskit.validate (end to end)"] / ceiling
    print(f"\nlmskit.validate reaches {ratio:.0%} of bare jsonschema-rs (target: at least 50%)")


if __name__ == "__main__":
    main()

"""Validation speed, measured against baselines in the same run (`nox -s bench`).

1. 50,000 generated Absorb course-enrollment responses, validated five ways on the same objects:
   lmskit.validate (one call per body), lmskit.validate_many (one call for the batch), schemathesis
   validate_response, plain cached jsonschema, and bare jsonschema-rs (the ceiling). Figures are ratios to
   the ceiling.
2. Generated HARs of 10 MB and 300 MB mixing all three vendors, through `lmskit validate` in a child process
   for each output format (text, json, junit): wall time and that child's own peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import random
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
    return {name: _count(functions[name][1]) / best[name] for name in functions}


def _count(objects: list[Any]) -> int:
    # A batch entry is one list holding every object: count the objects, not the call.
    return len(objects[0]) if len(objects) == 1 and isinstance(objects[0], list) else len(objects)


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

    def batch(bodies: list[Any]) -> None:
        for _ in lmskit.validate_many("absorb", "getCourseEnrollment", 200, bodies):
            pass

    few = objects[: max(count // 10, 1000)]  # the slow baselines get a tenth: same objects, same ratio
    results = best_rates(
        {
            "jsonschema-rs (bare, the ceiling)": (bare.is_valid, objects),
            "lmskit.validate (end to end)": (partial(lmskit.validate, "absorb", "getCourseEnrollment", 200), objects),
            "lmskit.validate_many (batch)": (batch, [objects]),
            "jsonschema (cached validator)": (plain.is_valid, few),
            "schemathesis validate_response": (schemathesis_check, few),
        }
    )
    assert all(lmskit.validate("absorb", "getCourseEnrollment", 200, body).valid for body in objects[:1000])
    return results


def write_har(path: Path, megabytes: int) -> int:
    """A HAR of about ``megabytes`` MB: Absorb pages (1 in 25 with a drifted status), DigitalChalk registrations,
    Bridge learners, another host."""
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
                if entries % 100 == 0:  # one Absorb page in 25 carries drift, so the reports have findings
                    items[0]["status"] = "Complete"
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


# Runs one command and prints its own peak RSS in KiB: RUSAGE_CHILDREN of a fresh process covers that command
# alone, where this process's would be the largest of every child it ever waited for.
_PEAK_RSS = (
    "import resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.stderr[-300:].strip())"
)
FORMATS = ("text", "json", "junit")


def validate_har(har: Path, output_format: str) -> dict[str, float]:
    started = time.perf_counter()
    command = [sys.executable, "-m", "lmskit", "validate", str(har), "--format", output_format]
    measured = subprocess.run([sys.executable, "-c", _PEAK_RSS, *command], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - started
    code, peak_kib, *stderr = measured.stdout.split(" ", 2)
    if code != "1":  # 1: the planted drift was found
        raise SystemExit(f"lmskit validate --format {output_format} exited {code}: {' '.join(stderr)}")
    return {"seconds": elapsed, "peak_rss_mb": int(peak_kib) / 1024}


# The floor, in a fresh process as lmskit's runs are: CPython's own C decoder reading the whole HAR and every
# response body in it, nothing validated. lmskit streams instead (it never holds the HAR whole).
_PARSE_FLOOR = (
    "import json, sys; har = json.load(open(sys.argv[1], encoding='utf-8')); "
    "[json.loads(e['response']['content']['text']) for e in har['log']['entries'] "
    "if e['response']['content'].get('text')]"
)


def parse_floor(har: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", _PARSE_FLOOR, str(har)], check=True)
    return time.perf_counter() - started


def bench_har(sizes: list[int]) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="lmskit-bench-") as scratch:
        for megabytes in sizes:
            har = Path(scratch) / f"mixed-{megabytes}.har"
            entries = write_har(har, megabytes)
            floor = parse_floor(har)
            for output_format in FORMATS:
                measured = validate_har(har, output_format)
                measured["floor_ratio"] = measured["seconds"] / floor
                rows.append({"megabytes": megabytes, "entries": entries, "format": output_format, **measured})
            har.unlink()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--objects", type=int, default=50_000)
    parser.add_argument("--har-mb", type=int, nargs="+", default=[10, 100, 300])
    options = parser.parse_args()
    print(f"lmskit validation benchmark (Python {sys.version.split()[0]}, {os.cpu_count()} cores)")
    objects = bench_objects(options.objects)
    ceiling = objects["jsonschema-rs (bare, the ceiling)"]
    print(f"\n{options.objects:,} Absorb course-enrollment responses (26-field objects, formats checked):")
    for name, rate in objects.items():
        print(f"  {name:36} {rate:>12,.0f}/s   {rate / ceiling:6.1%} of the ceiling")
    ratio = objects["lmskit.validate (end to end)"] / ceiling
    print(f"  lmskit.validate reaches {ratio:.0%} of bare jsonschema-rs (target: at least 70%)")
    print("\nlmskit validate on a generated HAR (all three vendors and another host), per output format:")
    print(f"  {'HAR':>8} {'entries':>9} {'format':>7} {'seconds':>8} {'x floor':>8} {'peak RSS':>9}")
    for row in bench_har(options.har_mb):
        print(
            f"  {row['megabytes']:>5} MB {row['entries']:>9,} {row['format']:>7} {row['seconds']:>8.1f}"
            f" {row['floor_ratio']:>7.1f}x {row['peak_rss_mb']:>6.0f} MB"
        )
    print("  (x floor: against json.load of the HAR and json.loads of every body, in the same run)")
    print("  (targets: 100 MB in under 3 s in text format; at most 100 MB peak RSS for 300 MB in any format)")


if __name__ == "__main__":
    main()

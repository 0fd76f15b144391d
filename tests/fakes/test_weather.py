"""Vendor weather: every fault of each vendor's catalogue switched on from the control API, the CLI and the pytest
marker, met by real requests over loopback and named in the request log; schedules checked whole and applied
atomically; the same seed giving the same faults at the same requests."""

from __future__ import annotations

import ast
import contextlib
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app
from lmskit.fakes.server import FakeServer
from lmskit.fakes.weather import catalogue
from lmskit.pytest_plugin import RunningFake
from lmskit.vendors import VENDORS
from tests.conftest import REPO, run_lmskit, run_pytest

COURSE = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
ABSORB_KEY = "2f6a1d3c-8b4e-4f1a-9c7d-5e3b2a1f0d9c"
# One operation every fault of a vendor's catalogue applies to, with what a request to it needs.
LIST = {
    "absorb": ("listCourseEnrollments", f"/courses/{COURSE}/enrollments"),
    "digitalchalk": ("listRegistrations", "/registrations"),
    "bridge": ("listProgramEnrollments", "/api/author/programs/1/learners"),
}


def every_fault(vendor: str) -> dict[str, Any]:
    """A schedule that meets the catalogue's faults one by one: fault k at the list's request k."""
    names = sorted(catalogue(get_fake(vendor).folder))
    operation = LIST[vendor][0]
    rules = [
        {"fault": name, "operations": [operation], "at": [index], "with": _quick(name)}
        for index, name in enumerate(names, 1)
    ]
    return {"seed": 1, "faults": rules}


def _quick(name: str) -> dict[str, int]:
    if name == "latency":
        return {"ms": 20, "jitter_ms": 10}
    return {"retry_after": 0} if name in ("maintenance", "rate-limit-storm") else {}


def _headers(vendor: str, base_url: str) -> dict[str, str]:
    if vendor == "absorb":
        token = httpx.post(
            f"{base_url}/authenticate",
            headers={"x-api-key": ABSORB_KEY, "x-api-version": "2"},
            json={"username": "api.admin", "password": "fake-admin-password", "privateKey": ABSORB_KEY},
        ).json()
        return {"x-api-key": ABSORB_KEY, "authorization": f"Bearer {token}", "x-api-version": "2"}
    token = "dc-demo-token" if vendor == "digitalchalk" else "bridge-demo-token"
    return {"authorization": f"Bearer {token}"}


def meet_every_fault(vendor: str, base_url: str, root_url: str) -> list[str]:
    """Send the list request once per fault (plain httpx: nothing retried) and read the faults the log names."""
    httpx.delete(f"{root_url}/_lmskit/requests")
    headers = _headers(vendor, base_url)
    for _ in catalogue(get_fake(vendor).folder):
        # connection-reset and truncated-body end the answer early: that is the fault
        with contextlib.suppress(httpx.RemoteProtocolError):
            httpx.get(base_url + LIST[vendor][1], headers=headers, timeout=10)
    log = httpx.get(f"{root_url}/_lmskit/requests").json()["requests"]
    return [entry.get("fault") for entry in log if entry["method"] == "GET"]


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_fault_of_the_catalogue_is_met_through_the_control_api(vendor: str) -> None:
    with FakeServer(build_app(get_fake(vendor))) as server:
        loaded = httpx.put(f"{server.root_url}/_lmskit/weather", json=every_fault(vendor))
        assert loaded.status_code == 200, loaded.text
        met = meet_every_fault(vendor, server.base_url, server.root_url)
        report = httpx.get(f"{server.root_url}/_lmskit/weather").json()
    assert met == sorted(catalogue(get_fake(vendor).folder))
    assert all(rule["fired"] == 1 for rule in report["rules"])


@pytest.mark.slow  # a server in a child process per vendor
@pytest.mark.parametrize("vendor", VENDORS)
def test_every_fault_is_met_from_lmskit_serve_weather(tmp_path: Path, vendor: str) -> None:
    schedule = tmp_path / "weather.yaml"
    schedule.write_text(yaml.safe_dump(every_fault(vendor)), encoding="utf-8")
    command = [sys.executable, "-m", "lmskit", "serve", vendor, "--port", "0", "--weather", str(schedule)]
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
    ) as served:
        try:
            assert served.stdout is not None
            lines = [served.stdout.readline() for _ in range(3)]
            base_url = re.search(r"at (http://\S+)", lines[0]).group(1)  # type: ignore[union-attr]
            root_url = re.search(r"control API: (http://[^/]+)", lines[1]).group(1)  # type: ignore[union-attr]
            rules = len(every_fault(vendor)["faults"])
            assert lines[2].startswith(f"lmskit: weather: {rules} rule(s) from {schedule}, seed 1")
            met = meet_every_fault(vendor, base_url, root_url)
        finally:
            served.terminate()
            served.wait(timeout=10)
    assert met == sorted(catalogue(get_fake(vendor).folder))


@pytest.mark.parametrize(
    "vendor", [pytest.param(vendor, marks=pytest.mark.lmskit_weather(every_fault(vendor))) for vendor in VENDORS]
)
def test_every_fault_is_met_under_the_pytest_marker(vendor: str, request: pytest.FixtureRequest) -> None:
    fake: RunningFake = request.getfixturevalue(f"{vendor}_fake")
    expected = sorted(catalogue(get_fake(vendor).folder))
    assert meet_every_fault(vendor, fake.base_url, fake.server.root_url) == expected
    assert fake.faults_met() == expected


@pytest.mark.lmskit_weather(
    {"faults": [{"fault": "maintenance", "at": [1], "with": {"retry_after": 0}}]}, vendor="bridge"
)
def test_the_marker_can_name_its_vendor(absorb_fake: RunningFake, bridge_fake: RunningFake) -> None:
    assert httpx.get(f"{absorb_fake.server.root_url}/_lmskit/weather").json()["schedule"] is None
    answered = httpx.get(bridge_fake.base_url + LIST["bridge"][1], headers=bridge_fake.headers)
    assert (answered.status_code, answered.headers["retry-after"]) == (503, "0")


@pytest.mark.parametrize("vendor", VENDORS)
def test_each_catalogue_entry_names_its_evidence_and_confidence(vendor: str) -> None:
    for name, fault in catalogue(get_fake(vendor).folder).items():
        assert fault.parameters.get("evidence") and fault.parameters.get("confidence"), f"{vendor} {name}"
        assert fault.parameters.get("summary"), f"{vendor} {name}"


def _probability_run() -> list[int]:
    schedule = {"seed": 42, "faults": [{"fault": "server-error", "probability": 0.3}]}
    with FakeServer(build_app(get_fake("digitalchalk"))) as server:
        httpx.put(f"{server.root_url}/_lmskit/weather", json=schedule)
        headers = {"authorization": "Bearer dc-demo-token"}
        return [httpx.get(server.base_url + "/registrations", headers=headers).status_code for _ in range(40)]


def test_the_same_seed_and_schedule_give_the_same_faults_at_the_same_requests() -> None:
    first, second = _probability_run(), _probability_run()
    assert first == second
    assert 5 <= first.count(500) <= 20 and set(first) == {200, 500}


BROKEN_SCHEDULES = [
    ({"faults": [{"fault": "hail"}]}, "weather: faults[0].fault: 'hail' is not in this fake's catalogue"),
    ({"faults": [{"fault": "latency", "operations": ["nothing"]}]}, "faults[0].operations: 'nothing' is no operation"),
    ({"faults": [{"fault": "page-shift-insert"}]}, "page-shift-insert applies to listCourseEnrollments only"),
    ({"faults": [{"fault": "latency", "at": [1], "every": 2}]}, "faults[0]: one of at, every or probability"),
    ({"faults": [{"fault": "latency", "at": [0]}]}, "faults[0].at: a list of request numbers, 1 or more"),
    ({"faults": [{"fault": "latency", "probability": 2}]}, "faults[0].probability: a number from 0 to 1"),
    ({"faults": [{"fault": "latency", "with": {"status": 200}}]}, "faults[0].with.status: a whole number from 400"),
    ({"faults": [{"fault": "latency", "when": 3}]}, "faults[0]: unknown key 'when'"),
    ({"seed": "x", "faults": []}, "weather: seed is a whole number"),
    ([1, 2], "weather: a schedule is an object"),
]


def test_a_broken_schedule_is_refused_whole_and_the_one_in_force_stays() -> None:
    good = {"seed": 5, "faults": [{"fault": "maintenance", "at": [99]}]}
    with FakeServer(build_app(get_fake("absorb"))) as server:
        url = f"{server.root_url}/_lmskit/weather"
        assert httpx.put(url, json=good).status_code == 200
        for schedule, message in BROKEN_SCHEDULES:
            refused = httpx.put(url, json=schedule)
            assert refused.status_code == 400 and message in refused.json()["error"], (schedule, refused.text)
            assert httpx.get(url).json()["schedule"] == good
        assert httpx.delete(url).json() == {"weather": None}
        assert httpx.get(url).json()["schedule"] is None
        assert httpx.put(url, content=b"seed: 1", headers={"content-type": "text/yaml"}).status_code == 415


def test_the_docs_show_the_catalogue_and_the_worked_example_as_they_are() -> None:
    from lmskit.fakes.weather import catalogue_markdown

    page = (REPO / "docs" / "weather.md").read_text(encoding="utf-8")
    shown = page.split("<!-- lmskit:weather-catalogue:start -->\n", 1)[1].split("<!-- lmskit:weather-catalogue:end", 1)[
        0
    ]
    assert shown == catalogue_markdown()
    example = (REPO / "examples" / "weather" / "test_sync_loop.py").read_text(encoding="utf-8")
    assert f"```python\n{example}```" in page
    shown_schedule = yaml.safe_load(page.split("```yaml\n", 1)[1].split("```", 1)[0])
    state = build_app(get_fake("absorb")).state
    assert state.forecast(shown_schedule, "docs/weather.md").rules  # the page's schedule is one the fake takes
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    marker = ast.parse(readme.split("```python\n@pytest.mark.lmskit_weather", 1)[1].split("\n", 1)[0]).body[0]
    schedule = ast.literal_eval(marker.value.elts[0] if isinstance(marker.value, ast.Tuple) else marker.value)  # type: ignore[attr-defined]
    assert state.forecast(schedule, "README.md").rules  # so is the README's


@pytest.mark.slow
def test_the_worked_example_passes() -> None:
    result = run_pytest("examples/weather", cwd=REPO)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "9 passed" in result.stdout


def test_a_storm_answers_in_the_vendors_own_words() -> None:
    storm = {"faults": [{"fault": "rate-limit-storm"}]}
    with FakeServer(build_app(get_fake("bridge"))) as server:
        httpx.put(f"{server.root_url}/_lmskit/weather", json=storm)
        bridge = httpx.get(server.base_url + LIST["bridge"][1], headers=_headers("bridge", server.base_url))
    assert bridge.status_code == 429
    assert (bridge.headers["retry-after"], bridge.headers["x-rate-limit-remaining"]) == ("1", "0")
    with FakeServer(build_app(get_fake("absorb"))) as server:
        headers = _headers("absorb", server.base_url)
        httpx.put(f"{server.root_url}/_lmskit/weather", json=storm)
        absorb = httpx.get(server.base_url + LIST["absorb"][1], headers=headers)
    assert absorb.status_code == 429 and absorb.json()["term"] == "TooManyRequests"


USER_TESTS = """
import httpx
import pytest


@pytest.mark.lmskit_weather("weather.yaml")
def test_a_schedule_file_beside_the_test(digitalchalk_fake):
    answer = httpx.get(digitalchalk_fake.base_url + "/registrations", headers=digitalchalk_fake.headers)
    assert answer.status_code == 503 and digitalchalk_fake.faults_met() == ["maintenance"]


@pytest.mark.lmskit_weather({"faults": [{"fault": "hail"}]})
def test_an_unknown_fault(digitalchalk_fake):
    pass


@pytest.mark.lmskit_weather("missing.yaml")
def test_a_missing_file(digitalchalk_fake):
    pass
"""


@pytest.mark.slow  # a pytest run of its own, as a user's suite is
def test_the_marker_reads_a_file_beside_the_test_and_a_broken_schedule_fails_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "test_sync.py").write_text(USER_TESTS, encoding="utf-8")
    (tmp_path / "weather.yaml").write_text("faults: [{fault: maintenance, at: [1]}]\n", encoding="utf-8")
    result = run_pytest("-rE", cwd=tmp_path)
    assert "1 passed, 2 errors" in result.stdout, result.stdout[-3000:]
    assert "lmskit_weather: faults[0].fault: 'hail' is not in this fake's catalogue" in result.stdout
    assert f"lmskit_weather: {tmp_path / 'missing.yaml'}: no such file" in result.stdout
    assert "Traceback" not in result.stdout and "During handling" not in result.stdout


HOSTILE_SCHEDULES = {
    "deep.yaml": ("faults: " + "[" * 20_000 + "]" * 20_000 + "\n", "deep.yaml:1:1008: nested deeper than YAML readers"),
    "bomb.yaml": (
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)),
        "bomb.yaml:1:11: expands to more than 1,000,000 nodes",
    ),
    "broken.yaml": (": : :\n  - [\n", "broken.yaml:1:1: YAML syntax error"),
    "types.yaml": ("faults: {fault: 3}\n", "types.yaml: faults is a list of rules"),
    "at.yaml": ("faults:\n  - fault: latency\n    at: x\n", "at.yaml: faults[0].at: a list of request numbers"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_SCHEDULES))
def test_a_hostile_schedule_file_is_one_line_and_exit_2(tmp_path: Path, name: str) -> None:
    text, message = HOSTILE_SCHEDULES[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_lmskit("serve", "absorb", "--port", "0", "--weather", name, cwd=tmp_path)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"lmskit: {message}"), result.stderr

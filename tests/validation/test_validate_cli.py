"""`lmskit validate` over files, envelopes, HAR, folders and stdin; routing; fixtures; drift; bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.conftest import REPO, run_lmskit

FIXTURES = REPO / "contracts" / "fixtures"
ENROLLMENT = {
    "id": "a14c149a-2ce0-41d4-b532-02189ad3cb22",
    "courseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    "status": 3,
}


def har(entries: list[tuple[str, str, int, object]]) -> dict:
    return {
        "log": {
            "version": "1.2",
            "creator": {"name": "test", "version": "1"},
            "entries": [
                {
                    "request": {"method": method, "url": url, "headers": []},
                    "response": {
                        "status": status,
                        "headers": [{"name": "Content-Type", "value": "application/json"}],
                        "content": {"mimeType": "application/json", "text": json.dumps(body)},
                    },
                }
                for method, url, status, body in entries
            ],
        }
    }


REALITY = {
    "200-dotnet-serialised",
    "200-open-attempt",
    "200-quoted-ids-and-nulls",
    "200-learners-2017-serialiser",
}


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_docs_fixtures_validate_with_their_errata_reproduced() -> None:
    result = run_lmskit("validate", FIXTURES, "--format", "json")
    assert result.exit_code == 0, result.stdout[-2000:]
    payload = json.loads(result.stdout)
    assert set(payload) == {"files", "valid", "invalid", "skipped", "not_covered", "unusable", "results"}
    assert payload["invalid"] == 0 and payload["files"] == payload["valid"] >= 105
    expected = {
        Path(r["source"]).name: [e["pointer"] for e in r["expected"]] for r in payload["results"] if r["expected"]
    }
    assert expected == {
        "digitalchalk-ejected-five-digit-year.json": ["/lastActiveDate"],
        "digitalchalk-unquoted-keys.json": [""],
        "bridge-placeholder-enrollment.json": ["/enrollments/0"],
        "absorb-string-placeholders.json": ["/courseId", "/id", "/timeSpent", "/userId"],
        # Evidence the spec weighed and rejected (x-lmskit-evidence): it must keep failing exactly so.
        "absorb-placeholder-ids.json": ["/courseId", "/id", "/userId"],
        "absorb-foreign-error-body.json": [""],
    }
    # The shapes the vendors really send validate with nothing undocumented.
    reality = [r for r in payload["results"] if Path(r["source"]).stem in REALITY]
    assert len(reality) == 4 and all(r["valid"] and not r["warnings"] for r in reality)


def test_an_erratum_that_stops_reproducing_fails(tmp_path) -> None:
    errata = tmp_path / "errata"
    shutil.copytree(FIXTURES / "errata", errata)
    fixed = errata / "digitalchalk-ejected-five-digit-year.json"
    fixed.write_text(fixed.read_text().replace("22012", "2012"))
    result = run_lmskit("validate", errata)
    assert result.exit_code == 1
    assert "recorded violations changed; missing: ['/lastActiveDate" in result.stdout


def test_har_entries_route_by_host_base_path_and_template(tmp_path) -> None:
    capture = write(
        tmp_path / "capture.har",
        har(
            [
                ("GET", "https://rest.myabsorb.eu/enrollments/a14c149a-2ce0-41d4-b532-02189ad3cb22", 200, ENROLLMENT),
                (
                    "GET",
                    "https://rest.sandbox.myabsorb.com.au/enrollments/a14c149a-2ce0-41d4-b532-02189ad3cb22",
                    200,
                    ENROLLMENT,
                ),
                ("POST", "https://rest.myabsorb.com/enrollments/unenroll", 204, None),
                ("GET", "https://api.digitalchalk.com/api/v5/registrations", 200, {"results": []}),
                (
                    "GET",
                    "https://api.digitalchalk.com/dc/api/v5/registrations/abc",
                    200,
                    {"id": "abc", "userId": "u", "offeringId": "o", "status": "active"},
                ),
                (
                    "GET",
                    "https://acme.bridgeapp.com/api/author/programs/1/learners",
                    200,
                    {"meta": {}, "enrollments": []},
                ),
                ("GET", "https://cdn.example.com/app.js", 200, {}),
                ("GET", "https://rest.myabsorb.com/enrollments/a14c149a-2ce0-41d4-b532-02189ad3cb22/notes", 200, {}),
            ]
        ),
    )
    result = run_lmskit("validate", capture, "--format", "json")
    payload = json.loads(result.stdout)
    routed = [(Path(r["source"]).name, r["operation"]) for r in payload["results"]]
    assert routed[:6] == [
        ("capture.har entry 0", "getCourseEnrollment (GET /enrollments/{id})"),
        ("capture.har entry 1", "getCourseEnrollment (GET /enrollments/{id})"),
        ("capture.har entry 2", "unenrollCourseEnrollments (POST /enrollments/unenroll)"),
        ("capture.har entry 3", "listRegistrations (GET /registrations)"),
        ("capture.har entry 4", "getRegistration (GET /registrations/{id})"),
        ("capture.har entry 5", "listProgramEnrollments (GET /api/author/programs/{program_id}/learners)"),
    ]
    assert payload["skipped"] == 1  # the CDN entry: another host
    # An Absorb host on a path the spec does not describe: counted as not covered, not a failure.
    assert len(payload["results"]) == 6
    assert payload["not_covered"] == [{"vendor": "absorb", "route": "GET /enrollments/{id}/notes", "calls": 1}]
    assert result.exit_code == 0, result.stdout[-2000:]
    strict = run_lmskit("validate", capture, "--format", "json", "--strict")
    [failure] = [r for r in json.loads(strict.stdout)["results"] if not r["valid"]]
    assert failure["errors"][0]["message"].startswith("GET /enrollments/a14c149a-2ce0-41d4-b532-02189ad3cb22/notes")
    assert "not covered; --strict makes it a failure" in failure["errors"][0]["message"]
    assert strict.exit_code == 1


def test_envelopes_bare_bodies_and_stdin(tmp_path) -> None:
    envelope = {
        "request": {"method": "GET", "url": "https://rest.myabsorb.com/enrollments/x"},
        "response": {"status": 200, "body": ENROLLMENT},
    }
    assert run_lmskit("validate", write(tmp_path / "e.json", envelope)).exit_code == 0
    bare = write(tmp_path / "b.json", {**ENROLLMENT, "status": 99})
    result = run_lmskit("validate", bare, "--vendor", "absorb", "--operation", "GET /enrollments/{id}")
    assert result.exit_code == 1 and "99 is not one of" in result.stdout
    piped = subprocess.run(
        [sys.executable, "-m", "lmskit", "validate", "-", "--vendor", "absorb", "--operation", "getCourseEnrollment"],
        input=json.dumps(ENROLLMENT), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert piped.returncode == 0, piped.stdout + piped.stderr


def test_junit_output_has_a_failure_per_invalid_response(tmp_path) -> None:
    bare = write(tmp_path / "b.json", {"results": "nope"})
    result = run_lmskit(
        "validate", bare, "--vendor", "digitalchalk", "--operation", "listRegistrations", "--format", "junit"
    )
    assert result.exit_code == 1
    assert result.stdout.startswith("<?xml")
    suite = ElementTree.fromstring(result.stdout).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("1", "1")
    (case,) = suite.findall("testcase")
    assert case.get("classname") == "digitalchalk listRegistrations (GET /registrations)"
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == '"nope" is not of type "array"'
    assert failure.text == '/results: "nope" is not of type "array"'


@pytest.mark.parametrize(
    ("content", "arguments", "message"),
    [
        ('{"a": 1,,}', [], "bad.json:1:9: not valid JSON (Expecting property name enclosed in double quotes)"),
        ("{}", [], "bad.json: a bare JSON body; pass --vendor and --operation"),
        (
            "{}",
            ["--vendor", "absorb", "--operation", "getEnrolment"],
            "absorb has no operation 'getEnrolment'; did you mean",
        ),
        ("{}", ["--vendor", "moodle", "--operation", "x"], "unknown vendor 'moodle'"),
        (
            '{"response": {"status": "200"}}',
            [],
            "bad.json: /response/status must be an HTTP status (an integer 100 to 599)",
        ),
        ('{"log": {"entries": [{"request": {}}]}}', [], "bad.json entry 0: not a HAR entry"),
    ],
)
def test_malformed_input_exits_2_with_one_line(tmp_path, content: str, arguments: list[str], message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = run_lmskit("validate", bad, *arguments)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert message in line


def test_a_missing_input_and_a_truncated_har_exit_2(tmp_path) -> None:
    assert run_lmskit("validate", tmp_path / "nope.json").exit_code == 2
    truncated = tmp_path / "cut.har"
    truncated.write_text(json.dumps(har([("GET", "https://rest.myabsorb.com/myenrollments", 200, {})]))[:-30])
    result = run_lmskit("validate", truncated)
    assert result.exit_code == 2
    assert "cut.har: the file ends inside the entries list (truncated)" in result.stderr


def test_a_run_that_validated_nothing_exits_2_with_the_hint(tmp_path) -> None:
    capture = write(
        tmp_path / "local.har",
        har([("GET", "http://127.0.0.1:8000/enrollments/a14c149a-2ce0-41d4-b532-02189ad3cb22", 200, ENROLLMENT)]),
    )
    result = run_lmskit("validate", capture)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "lmskit: nothing was validated: 1 skipped (hosts no vendor spec names: 127.0.0.1); "
        "pass --vendor VENDOR to claim a host (a fake on localhost, a proxy)"
    )
    claimed = run_lmskit("validate", capture, "--vendor", "absorb")
    assert claimed.exit_code == 0, claimed.stdout
    assert "1 response(s) from 1 file(s): 1 valid" in claimed.stdout


def test_a_null_body_on_a_response_documented_without_one_means_no_body(tmp_path) -> None:
    envelope = {
        "request": {"method": "POST", "url": "https://rest.myabsorb.com/enrollments/unenroll"},
        "response": {"status": 204, "headers": {}, "body": None},
    }
    result = run_lmskit("validate", write(tmp_path / "unenroll.json", envelope))
    assert result.exit_code == 0, result.stdout
    envelope["response"]["body"] = {"done": True}
    result = run_lmskit("validate", write(tmp_path / "unenroll.json", envelope))
    assert result.exit_code == 1
    assert "documented without a body, but one was sent" in result.stdout

"""The drift report: findings backed by counts, patches that propose the shape seen, exact locations, foreign
bodies left alone, and --drift-overlay writing an overlay that --overlay accepts and that corrects the spec."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.conftest import REPO, run_lmskit
from tests.validation.test_validate_cli import har, write

ENROLLMENT_URL = "https://rest.myabsorb.com/enrollments/a14c149a-2ce0-41d4-b532-02189ad3cb22"
ENROLLMENT = {
    "id": "a14c149a-2ce0-41d4-b532-02189ad3cb22",
    "courseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    "status": 3,
    "progress": 100,
    "timeSpent": "00:30:00",
    "dateEdited": "2026-01-15T10:00:00",
}


def drift_of(*inputs: Path, extra: tuple[str, ...] = (), exit_code: int = 1) -> list[dict]:
    """The drift report; the run exits 1 (responses failed) unless told otherwise."""
    result = run_lmskit("validate", *inputs, "--drift", "--format", "json", *extra)
    assert result.exit_code == exit_code, result.stderr
    return list(json.loads(result.stdout)["drift"])


def line_at(location: str) -> str:
    """The text of the spec line a location names (``specs/absorb.yaml:12:7``)."""
    path, line, _ = location.rsplit(":", 2)
    return (REPO / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]


def test_a_new_field_and_enum_value_are_counted_by_response_and_file_and_located_exactly(tmp_path) -> None:
    week = [{**ENROLLMENT, "status": 14, "region": "emea"}, {**ENROLLMENT, "region": "apac"}]
    monday = write(tmp_path / "monday.har", har([("GET", ENROLLMENT_URL, 200, body) for body in week]))
    tuesday = write(tmp_path / "tuesday.har", har([("GET", ENROLLMENT_URL, 200, {**ENROLLMENT, "region": "amer"})]))
    drift = drift_of(monday, tuesday)
    [field] = [d for d in drift if d["kind"] == "undocumented-field"]
    assert (field["path"], field["count"], field["responses"], field["files"]) == ("/region", 3, 3, 2)
    # The place to add it: the schema's own `properties:` line, not the line above it.
    assert field["location"].startswith("specs/absorb.yaml:")
    assert line_at(field["location"]).strip() == "properties:"
    assert field["actions"] == [
        {
            "target": "$['components']['schemas']['CourseEnrollment']['properties']",
            "update": {
                "region": {
                    "type": "string",
                    "description": "Seen in 3 captured response(s) in 2 file(s); not in the vendor docs.",
                }
            },
        }
    ]
    [enum] = [d for d in drift if d["kind"] == "enum-value"]
    assert (enum["path"], enum["detail"], enum["responses"], enum["files"]) == ("/status", "14 x1", 1, 1)
    assert line_at(enum["location"]).strip().startswith("enum: [0, 1, 2")
    assert enum["actions"] == [
        {
            "target": "$['components']['schemas']['EnrollmentStatus']",
            "update": {"enum": [14], "x-enum-varnames": ["Unknown14"]},
        }
    ]
    never = {d["path"] for d in drift if d["kind"] == "never-seen"}
    assert "/courseName" in never and "/id" not in never


def test_a_null_on_a_shared_schema_is_allowed_at_that_field_only(tmp_path) -> None:
    capture = write(tmp_path / "c.har", har([("GET", ENROLLMENT_URL, 200, {**ENROLLMENT, "dateEdited": None})]))
    [null] = [d for d in drift_of(capture) if d["kind"] == "null"]
    assert null["pointer"] == "/components/schemas/CourseEnrollment/properties/dateEdited"
    assert line_at(null["location"]).strip().startswith("dateEdited:")
    target = "$['components']['schemas']['CourseEnrollment']['properties']"
    assert null["actions"] == [
        {"target": target + "['dateEdited']", "remove": True},
        {
            "target": target,
            "update": {
                "dateEdited": {
                    "description": "The date the enrollment was last edited.",
                    "anyOf": [{"$ref": "#/components/schemas/DateTime"}, {"type": "null"}],
                }
            },
        },
    ]


def test_the_shape_actually_seen_is_proposed_for_a_format_mismatch(tmp_path) -> None:
    # The spec as the docs would have it: timeSpent an ISO 8601 duration, DigitalChalk dates RFC 3339.
    docs_reading = write(
        tmp_path / "docs.yaml",
        {
            "overlay": "1.0.0",
            "info": {"title": "the docs' claim", "version": "1"},
            "extends": "absorb.yaml",
            "actions": [
                {"target": "$.components.schemas.TimeSpan.pattern", "remove": True},
                {"target": "$.components.schemas.TimeSpan", "update": {"format": "duration"}},
            ],
        },
    )
    timespans = [{**ENROLLMENT, "timeSpent": value} for value in ("1.13:02:39.9878697", "00:00:00")]
    absorb = write(tmp_path / "a.har", har([("GET", ENROLLMENT_URL, 200, body) for body in timespans]))
    [timespan] = [d for d in drift_of(absorb, extra=("--overlay", str(docs_reading))) if d["kind"] == "format"]
    assert timespan["detail"].endswith("every value is a .NET TimeSpan")
    assert timespan["location"].startswith(f"{docs_reading}:")  # the node the overlay wrote
    assert timespan["actions"][0]["update"] == {
        "pattern": r"^([0-9]+\.)?([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,7})?$"
    }
    assert timespan["actions"][1] == {"target": "$['components']['schemas']['TimeSpan']['format']", "remove": True}

    registration = {
        "id": "r1",
        "userId": "u",
        "offeringId": "o",
        "status": "active",
        "createdDate": "2024-01-01T09:00:00",
    }
    url = "https://api.digitalchalk.com/dc/api/v5/registrations/r1"
    dc = write(tmp_path / "dc.har", har([("GET", url, 200, registration)]))
    [local] = [d for d in drift_of(dc) if d["kind"] == "format"]
    assert local["pointer"] == "/components/schemas/Registration/properties/createdDate"
    assert local["detail"].endswith("every value is a date-time, with or without a UTC offset")
    assert local["actions"][0]["update"]["x-lmskit-client-format"] == "date-time"
    assert local["actions"][1]["remove"] is True


def test_a_foreign_error_body_is_named_and_proposes_nothing(tmp_path) -> None:
    # FastAPI's default body, from a mock standing in for the tenant: not Absorb's error shape.
    url = "https://rest.myabsorb.com/courses/7c9e6679-7425-40de-944b-e07fc1f90ae7/enrollments"
    capture = write(tmp_path / "c.har", har([("GET", url, 404, {"detail": "Unknown mock course"})]))
    result = run_lmskit("validate", capture, "--drift", "--format", "json")
    payload = json.loads(result.stdout)
    assert result.exit_code == 1
    assert payload["results"][0]["errors"][0]["message"] == '"message" is a required property'
    [foreign] = payload["drift"]
    assert foreign["kind"] == "foreign-body" and foreign["actions"] == []
    assert "shares no field with GenericErrorResponse" in foreign["detail"]


def test_the_drift_overlay_is_accepted_by_overlay_and_corrects_the_spec(tmp_path) -> None:
    bodies = [{**ENROLLMENT, "status": 15, "region": "emea", "dateEdited": None}]
    capture = write(tmp_path / "c.har", har([("GET", ENROLLMENT_URL, 200, body) for body in bodies]))
    before = run_lmskit("validate", capture, "--drift-overlay", tmp_path / "fix.yaml")
    assert before.exit_code == 1
    assert "3 correction(s) (4 overlay action(s)) written to" in before.stderr
    overlay = yaml.safe_load((tmp_path / "fix.yaml").read_text())
    assert overlay["overlay"] == "1.0.0" and overlay["extends"] == "absorb.yaml"
    after = run_lmskit("validate", capture, "--overlay", tmp_path / "fix.yaml", "--strict")
    assert after.exit_code == 0, after.stdout
    assert run_lmskit("lint", "absorb", "--overlay", tmp_path / "fix.yaml").exit_code == 0

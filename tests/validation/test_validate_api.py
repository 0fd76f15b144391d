"""lmskit.validate(): valid and invalid responses per vendor, strict formats, statuses, headers."""

from __future__ import annotations

import copy

import pytest

import lmskit

REGISTRATION = {
    "id": "65ade781cc98d136543678191005431a",
    "userId": "6629aeada89133acedfad6d7d110123d",
    "offeringId": "89cd2eada89133acedfad6d766a2d931",
    "status": "active",
    "createdDate": "2012-03-01T06:03:10Z",
}
ENROLLMENT = {
    "id": "a14c149a-2ce0-41d4-b532-02189ad3cb22",
    "courseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    "status": 3,
    "progress": 100,
    "timeSpent": "01:30:00",
    "dateEdited": "2024-01-01T00:00:00",
    "dateCompleted": None,
}
LEARNER = {"id": "42", "enrollment_id": "7", "state": "active", "created_at": "2017-11-01T07:00:00Z", "email": None}


def errors(result: lmskit.ValidationResult) -> list[tuple[str, str]]:
    return [(issue.pointer, issue.message) for issue in result.errors]


def test_valid_responses_of_each_vendor() -> None:
    assert lmskit.validate("digitalchalk", "getRegistration", 200, REGISTRATION).valid
    assert lmskit.validate("absorb", "getCourseEnrollment", 200, ENROLLMENT).valid
    assert lmskit.validate("bridge", "listProgramEnrollments", 200, {"meta": {}, "enrollments": [LEARNER]}).valid
    assert lmskit.validate("absorb", "POST /authenticate", 200, "token-text").valid


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"timeSpent": "1.13:02:39.9878697"}, "a TimeSpan with days and 7 fractional digits"),
        ({"timeSpent": "00:00:00.0000000"}, "a zero TimeSpan as .NET writes it"),
        ({"dateEdited": "2026-01-15T10:00:00.1234567"}, "an unspecified-kind .NET DateTime"),
        ({"dateEdited": "2026-01-15T10:00:00Z"}, "an RFC 3339 date-time"),
        ({"dateEdited": "2026-01-15T10:00:00.123+02:00"}, "an RFC 3339 date-time with an offset"),
        ({"score": None, "credits": None, "dateExpires": None, "enrollmentKeyId": None}, ".NET nulls"),
    ],
)
def test_what_absorb_really_sends_validates(change, why) -> None:
    result = lmskit.validate("absorb", "getCourseEnrollment", 200, {**ENROLLMENT, **change})
    assert result.valid, (why, errors(result))


def test_what_bridge_really_sends_validates() -> None:
    legacy = {"id": "2", "name": "n", "email": None, "avatar_url": None, "state": "active", "program_due": None}
    legacy |= {"current_program_item_index": 0, "total_program_items": 1, "group_ids": [], "courses_complete": 0}
    result = lmskit.validate("bridge", "listProgramEnrollments", 200, {"meta": {}, "learners": [legacy]})
    assert result.valid and not result.warnings, errors(result)
    integers = lmskit.validate("bridge", "listProgramEnrollments", 200, {"meta": {}, "enrollments": [{"id": 42}]})
    assert integers.valid
    neither = lmskit.validate("bridge", "listProgramEnrollments", 200, {"meta": {}})
    assert not neither.valid


@pytest.mark.parametrize(
    ("vendor", "operation", "body", "change", "expected"),
    [
        ("digitalchalk", "getRegistration", REGISTRATION, {"status": "done"}, ("/status", '"done" is not one of')),
        (
            "digitalchalk",
            "getRegistration",
            REGISTRATION,
            {"createdDate": "2012-03-01 06:03:10"},
            ("/createdDate", 'is not a "date-time"'),
        ),
        ("absorb", "getCourseEnrollment", ENROLLMENT, {"courseId": "7c9e6679"}, ("/courseId", 'is not a "uuid"')),
        ("absorb", "getCourseEnrollment", ENROLLMENT, {"progress": "100"}, ("/progress", 'is not of type "number"')),
        # An ISO 8601 duration is what the docs claim; Absorb sends a .NET TimeSpan, so this is drift.
        ("absorb", "getCourseEnrollment", ENROLLMENT, {"timeSpent": "PT1H30M"}, ("/timeSpent", "does not match")),
        ("absorb", "getCourseEnrollment", ENROLLMENT, {"timeSpent": "25:00:00"}, ("/timeSpent", "does not match")),
        ("absorb", "getCourseEnrollment", ENROLLMENT, {"dateEdited": "2024-13-01T00:00:00"}, ("/dateEdited", "match")),
        ("absorb", "getCourseEnrollment", ENROLLMENT, {"dateEdited": "01/02/2024"}, ("/dateEdited", "does not match")),
        ("absorb", "getCourseEnrollment", ENROLLMENT, {"dateEdited": None}, ("/dateEdited", 'is not of type "string"')),
        ("absorb", "getCourseEnrollment", ENROLLMENT, {"id": None}, ("/id", 'null is not of type "string"')),
        ("absorb", "getCourseEnrollment", ENROLLMENT, {"status": 13}, ("/status", "13 is not one of")),
        ("absorb", "getCourseEnrollment", ENROLLMENT, {"score": "90"}, ("/score", 'is not of types "null", "number"')),
        (
            "bridge",
            "listProgramEnrollments",
            {"meta": {}, "enrollments": [LEARNER]},
            {"enrollments": [{"enrollment_id": "7"}]},
            ("/enrollments/0", '"id" is a required property'),
        ),
        (
            "bridge",
            "listProgramEnrollments",
            {"meta": {}, "enrollments": [LEARNER]},
            {"enrollments": [{**LEARNER, "id": None}]},
            ("/enrollments/0/id", "null is not of type"),
        ),
        (
            "bridge",
            "listProgramEnrollments",
            {"meta": {}, "enrollments": [LEARNER]},
            {"enrollments": [{**LEARNER, "id": "4x2"}]},
            ("/enrollments/0/id", "does not match"),
        ),
        (
            "bridge",
            "listProgramEnrollments",
            {"meta": {}, "enrollments": [LEARNER]},
            {"enrollments": [{**LEARNER, "state": "paused"}]},
            ("/enrollments/0/state", '"paused" is not one of'),
        ),
        (
            "bridge",
            "listProgramEnrollments",
            {"meta": {}, "enrollments": [LEARNER]},
            {"enrollments": None, "meta": {}},
            ("/enrollments", "null is not of type"),
        ),
    ],
)
def test_each_kind_of_violation_names_its_pointer(vendor, operation, body, change, expected) -> None:
    broken = {**copy.deepcopy(body), **change}
    result = lmskit.validate(vendor, operation, 200, broken)
    assert not result.valid
    [(pointer, message)] = errors(result)
    assert pointer == expected[0]
    assert expected[1] in message


def test_an_undeclared_status_is_an_error() -> None:
    result = lmskit.validate("digitalchalk", "getRegistration", 418, {})
    assert errors(result) == [
        ("", "status 418 is not documented for GET /registrations/{id} (documented: 200, 401, 404)")
    ]


def test_documented_headers_are_checked() -> None:
    missing = lmskit.validate("digitalchalk", "createRegistration", 201, None, headers={})
    assert errors(missing) == [("", "the documented header location is missing")]
    present = lmskit.validate(
        "digitalchalk", "createRegistration", 201, None, headers={"Location": "/dc/api/v5/registrations/x"}
    )
    assert present.valid
    with_body = lmskit.validate("digitalchalk", "createRegistration", 201, {"id": "x"}, headers={"Location": "/x"})
    assert "documented without a body" in errors(with_body)[0][1]


def test_the_content_type_must_be_documented() -> None:
    result = lmskit.validate("absorb", "getCourseEnrollment", 200, ENROLLMENT, headers={"Content-Type": "text/html"})
    assert errors(result) == [("", "content type text/html is not documented (documented: application/json)")]


def test_undocumented_fields_warn_and_fail_with_strict() -> None:
    body = {**ENROLLMENT, "newVendorField": 1}
    lenient = lmskit.validate("absorb", "getCourseEnrollment", 200, body)
    assert lenient.valid and [w.pointer for w in lenient.warnings] == ["/newVendorField"]
    strict = lmskit.validate("absorb", "getCourseEnrollment", 200, body, strict=True)
    assert not strict.valid and strict.errors[0].pointer == "/newVendorField"


def test_undocumented_fields_are_found_inside_arrays_and_allof_envelopes() -> None:
    page = {
        "totalItems": 1,
        "returnedItems": 1,
        "limit": 20,
        "offset": 0,
        "enrollments": [{**ENROLLMENT, "extra": True}],
        "more": 1,
    }
    result = lmskit.validate("absorb", "listCourseEnrollments", 200, page)
    assert sorted(w.pointer for w in result.warnings) == ["/enrollments/0/extra", "/more"]


def test_an_unknown_operation_suggests_the_closest() -> None:
    with pytest.raises(lmskit.OperationNotFound, match="did you mean getRegistration"):
        lmskit.validate("digitalchalk", "getRegistrations", 200, {})

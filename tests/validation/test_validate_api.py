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
    "timeSpent": "PT1H30M",
    "dateEdited": "2024-01-01T00:00:00Z",
}
LEARNER = {"id": 42, "enrollment_id": 7, "state": "active", "created_at": "2017-11-01T07:00:00Z"}


def errors(result: lmskit.ValidationResult) -> list[tuple[str, str]]:
    return [(issue.pointer, issue.message) for issue in result.errors]


def test_valid_responses_of_each_vendor() -> None:
    assert lmskit.validate("digitalchalk", "getRegistration", 200, REGISTRATION).valid
    assert lmskit.validate("absorb", "getCourseEnrollment", 200, ENROLLMENT).valid
    assert lmskit.validate("bridge", "listProgramEnrollments", 200, {"meta": {}, "enrollments": [LEARNER]}).valid
    assert lmskit.validate("absorb", "POST /authenticate", 200, "token-text").valid


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
        ("absorb", "getCourseEnrollment", ENROLLMENT, {"timeSpent": "P1.5D"}, ("/timeSpent", 'is not a "duration"')),
        ("absorb", "getCourseEnrollment", ENROLLMENT, {"status": 13}, ("/status", "13 is not one of")),
        (
            "bridge",
            "listProgramEnrollments",
            {"meta": {}, "enrollments": [LEARNER]},
            {"enrollments": [{"id": 42}]},
            ("/enrollments/0", '"enrollment_id" is a required property'),
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
    with pytest.raises(lmskit.InputError, match="did you mean getRegistration"):
        lmskit.validate("digitalchalk", "getRegistrations", 200, {})

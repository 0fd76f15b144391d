"""What the issue promised the specs carry: every operation, the docs' examples, the errata, auth, servers."""

from __future__ import annotations

from typing import Any

import pytest

from lmskit.spec.loader import load_spec
from lmskit.spec.operations import iter_operations
from lmskit.spec.refs import resolve
from lmskit.vendors import VENDORS


def document(vendor: str) -> dict[str, Any]:
    return load_spec(VENDORS[vendor].spec_path).document


def operations(vendor: str) -> dict[str, tuple[str, str]]:
    return {op.operation_id or "": (op.method.upper(), op.path) for op in iter_operations(document(vendor))}


def operation(vendor: str, operation_id: str) -> dict[str, Any]:
    [found] = [op.definition for op in iter_operations(document(vendor)) if op.operation_id == operation_id]
    return found


def errata_text(node: dict[str, Any]) -> str:
    return " ".join(" ".join(str(value) for value in entry.values()) for entry in node.get("x-lmskit-errata", []))


def test_digitalchalk_has_its_four_operations() -> None:
    assert operations("digitalchalk") == {
        "listRegistrations": ("GET", "/registrations"),
        "getRegistration": ("GET", "/registrations/{id}"),
        "createRegistration": ("POST", "/registrations"),
        "updateRegistration": ("PUT", "/registrations/{id}"),
    }


def test_bridge_has_its_five_operations() -> None:
    learners = "/api/author/programs/{program_id}/learners"
    assert operations("bridge") == {
        "listProgramEnrollments": ("GET", learners),
        "enrollProgramLearners": ("POST", learners),
        "updateProgramEnrollment": ("PATCH", learners + "/{id}"),
        "replaceProgramEnrollment": ("PUT", learners + "/{id}"),
        "deleteProgramEnrollment": ("DELETE", learners + "/{id}"),
    }


# The 27 rows of the research table, plus /authenticate.
ABSORB_ROUTES = {
    ("GET", "/users/{userId}/enrollments/{courseId}/sessions"),
    ("GET", "/users/{userId}/enrollments/{courseId}/sessions/{sessionId}"),
    ("POST", "/users/{userId}/enrollments/{courseId}/session/{sessionId}"),
    ("GET", "/courses/{courseId}/sessions/{sessionId}/enrollments"),
    ("GET", "/users/{userId}/enrollments/{courseId}/chapters"),
    ("GET", "/users/{userId}/enrollments/{courseId}/chapters/{chapterId}"),
    ("POST", "/users/{userId}/enrollments/{courseId}"),
    ("GET", "/users/{userId}/enrollments/{courseId}"),
    ("POST", "/users/{userId}/enrollments"),
    ("GET", "/users/{userId}/enrollments"),
    ("POST", "/enrollments/unenroll"),
    ("GET", "/enrollments/{id}"),
    ("GET", "/courses/{courseId}/enrollments"),
    ("GET", "/users/{userId}/grades/{courseId}"),
    ("GET", "/bulk/studentcourses"),
    ("GET", "/courses/{courseId}/lessons/{lessonId}/enrollments"),
    ("GET", "/users/{userId}/enrollments/{courseId}/chapters/{chapterId}/lessons/{lessonId}"),
    ("GET", "/users/{userId}/enrollments/{courseId}/lessons"),
    ("GET", "/users/{userId}/enrollments/{courseId}/lessons/{lessonId}"),
    ("GET", "/users/{userId}/enrollments/{courseId}/chapters/{chapterId}/lessons"),
    ("GET", "/users/{userId}/enrollments/{courseId}/lessons/{lessonId}/attempts"),
    ("POST", "/users/{userId}/enrollments/{courseId}/lessons/{lessonId}/startattempt"),
    ("POST", "/attempts/{attemptId}/finish"),
    ("POST", "/users/{userId}/enrollments/{courseId}/lessons/{lessonId}/attempts/{attemptId}/finish"),
    ("GET", "/myenrollments/{courseId}"),
    ("POST", "/enroll/{courseId}"),
    ("GET", "/myenrollments"),
    ("POST", "/authenticate"),
}


def test_absorb_has_all_27_enrollment_operations_and_authenticate() -> None:
    routes = operations("absorb")
    assert len(routes) == 28
    assert set(routes.values()) == ABSORB_ROUTES


def test_absorb_security_is_api_key_plus_bearer_except_authenticate() -> None:
    spec = document("absorb")
    schemes = spec["components"]["securitySchemes"]
    assert schemes["apiKey"] == {**schemes["apiKey"], "type": "apiKey", "in": "header", "name": "x-api-key"}
    assert schemes["bearerToken"]["scheme"] == "bearer"
    assert spec["security"] == [{"apiKey": [], "bearerToken": []}]
    assert operation("absorb", "authenticate")["security"] == [{"apiKey": []}]
    token = operation("absorb", "authenticate")["responses"]["200"]["content"]["application/json"]["schema"]
    assert resolve(spec, token, "").value["type"] == "string"


def test_every_absorb_operation_sends_x_api_version_2() -> None:
    spec = document("absorb")
    for op in iter_operations(spec):
        parameters = [resolve(spec, p, "").value for p in op.definition.get("parameters", [])]
        [version] = [p for p in parameters if p["name"] == "x-api-version"]
        # Optional (the vendor answers unversioned calls, in another contract), and sent by default.
        assert version["in"] == "header" and version["required"] is False, op.label
        assert version["schema"]["default"] == "2", op.label


def test_bridge_accepts_bearer_or_basic_and_digitalchalk_bearer() -> None:
    bridge = document("bridge")
    assert bridge["security"] == [{"bearerAuth": []}, {"basicAuth": []}]
    assert bridge["components"]["securitySchemes"]["basicAuth"]["scheme"] == "basic"
    assert document("digitalchalk")["security"] == [{"bearerAuth": []}]


def test_servers_cover_regions_tenants_and_both_digitalchalk_base_paths() -> None:
    absorb = document("absorb")["servers"]
    assert [s["url"] for s in absorb] == ["https://rest.myabsorb.{region}", "https://rest.sandbox.myabsorb.{region}"]
    assert all(s["variables"]["region"]["enum"] == ["com", "ca", "eu", "com.au"] for s in absorb)
    assert document("bridge")["servers"][0]["url"] == "https://{subdomain}.bridgeapp.com"
    assert [s["url"] for s in document("digitalchalk")["servers"]] == [
        "https://api.digitalchalk.com/dc/api/v5",
        "https://api.digitalchalk.com/api/v5",
        "https://api.digitalchalksandbox.com/dc/api/v5",
    ]


def test_absorb_status_enum_has_thirteen_named_values() -> None:
    status = document("absorb")["components"]["schemas"]["EnrollmentStatus"]
    assert status["enum"] == list(range(13))
    assert status["x-enum-varnames"][0] == "NotStarted" and status["x-enum-varnames"][12] == "ReadyForReview"
    assert document("absorb")["components"]["schemas"]["AttemptStatus"]["enum"] == [1, 3, 5]


def test_digitalchalk_create_answers_201_with_a_location_header_and_no_body() -> None:
    created = operation("digitalchalk", "createRegistration")["responses"]["201"]
    assert "content" not in created
    assert created["headers"]["Location"]["required"] is True


def test_digitalchalk_update_is_grade_or_eject() -> None:
    spec = document("digitalchalk")
    body = operation("digitalchalk", "updateRegistration")["requestBody"]["content"]["application/json"]
    one_of = resolve(spec, body["schema"], "").value["oneOf"]
    branches = [resolve(spec, branch, "").value for branch in one_of]
    assert [sorted(b["properties"]) for b in branches] == [["grade"], ["status"]]
    assert branches[0]["properties"]["grade"] == {**branches[0]["properties"]["grade"], "minimum": 0, "maximum": 100}
    assert set(body["examples"]) == {"assignGrade", "eject"}


def test_digitalchalk_docs_examples_are_all_present() -> None:
    examples = operation("digitalchalk", "getRegistration")["responses"]["200"]["content"]["application/json"][
        "examples"
    ]
    assert {name: example["value"]["status"] for name, example in examples.items()} == {
        "inProgress": "active",
        "completed": "passed",
        "ejected": "ejected",
    }
    assert examples["completed"]["value"]["grade"] == 97.15


@pytest.mark.parametrize(
    ("vendor", "operation_id", "words"),
    [
        ("digitalchalk", "getRegistration", ["22012-01-04T06:07:14Z", "unquoted keys", "gradePercentage"]),
        ("digitalchalk", "updateRegistration", ["gradePercentage"]),
        ("bridge", "enrollProgramLearners", ["No documentation available yet"]),
        ("bridge", "deleteProgramEnrollment", ["No documentation available yet"]),
        (
            "bridge",
            "updateProgramEnrollment",
            ["2017-12-31 07:00:00", "program_enrollment_id", "{API::ProgramEnrollmentResponse}"],
        ),
        ("bridge", "listProgramEnrollments", ["{API::ProgramEnrollmentResponse}"]),
        ("absorb", "getUserCourseEnrollment", ["Get user's enrollment for specific course"]),
        ("absorb", "getUserCourseGradeEnrollment", ["Get user's enrollment for specific course"]),
        ("absorb", "unenrollCourseEnrollments", ["GenericErrorResponse"]),
        ("absorb", "listUserLessonAttempts", ["The course ID."]),
    ],
)
def test_known_doc_defects_are_recorded_as_errata(vendor: str, operation_id: str, words: list[str]) -> None:
    text = errata_text(operation(vendor, operation_id))
    for word in words:
        assert word in text, f"{vendor} {operation_id}: no erratum mentions {word!r}"


def test_inferred_operations_carry_low_confidence_and_a_source() -> None:
    for vendor, operation_id in [
        ("bridge", "enrollProgramLearners"),
        ("bridge", "deleteProgramEnrollment"),
        ("absorb", "listUserChapterLessonEnrollments"),
    ]:
        definition = operation(vendor, operation_id)
        assert definition["x-lmskit-confidence"] == "low"
        assert definition["x-lmskit-source"]


def test_links_chain_the_documented_workflows() -> None:
    def targets(vendor: str, operation_id: str, status: str) -> set[str]:
        links = operation(vendor, operation_id)["responses"][status].get("links", {})
        return {link["operationId"] for link in links.values()}

    assert {"getRegistration", "updateRegistration"} <= targets("digitalchalk", "createRegistration", "201")
    assert "listProgramEnrollments" in targets("bridge", "enrollProgramLearners", "204")
    assert {"updateProgramEnrollment", "deleteProgramEnrollment"} <= targets("bridge", "listProgramEnrollments", "200")
    assert targets("absorb", "authenticate", "200")
    assert {"finishAttempt", "finishUserLessonAttempt"} <= targets("absorb", "startLessonAttempt", "200")


def test_absorb_date_time_and_timespan_patterns_are_the_kits_own() -> None:
    from lmskit.spec.patterns import DATE_TIME_ANY_OFFSET, DOTNET_TIMESPAN

    schemas = load_spec(VENDORS["absorb"].spec_path).document["components"]["schemas"]
    # One definition: the drift report proposes these same patterns for values of these shapes.
    assert schemas["DateTime"]["pattern"] == DATE_TIME_ANY_OFFSET
    assert schemas["TimeSpan"]["pattern"] == DOTNET_TIMESPAN

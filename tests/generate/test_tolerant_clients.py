"""The generated clients are tolerant readers: every response model of all three clients, reached through the
public ``sync_detailed`` call over an ``httpx.MockTransport``, survives an unknown value in every enum field and
a null in every optional field, and keeps the values readable; a missing required field names itself."""

from __future__ import annotations

import datetime
import functools
import importlib
import inspect
import json
import logging
import pkgutil
import re
import typing
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from lmskit.spec.api import Api, load_api
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import resolve
from tests.conftest import REPO

UNKNOWN_INT = 987
UNKNOWN_STR = "lmskit-unknown-value"
GUID = "a14c149a-2ce0-41d4-b532-02189ad3cb22"


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def endpoint(vendor: str, operation_id: str) -> Any:
    package = importlib.import_module(f"{vendor}_client.api")
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name.rsplit(".", 1)[-1] == snake(operation_id):
            return importlib.import_module(info.name)
    raise AssertionError(f"no generated module for {vendor} {operation_id}")


class Body:
    """A response body built from its schema, remembering where it put unknown enum values."""

    def __init__(self, api: Api, *, nulls: bool) -> None:
        self.api = api
        self.nulls = nulls  # True: every optional scalar is null; False: every field present
        self.unknown: dict[str, Any] = {}

    def build(self, pointer: str, at: str = "", depth: int = 0) -> Any:
        schema, pointer = self._resolve(pointer)
        if depth > 12:
            return None
        if "enum" in schema:
            value = UNKNOWN_INT if all(isinstance(v, int) for v in schema["enum"]) else UNKNOWN_STR
            self.unknown[at] = value
            return value
        branches = [join_pointer(pointer, k, i) for k in ("anyOf", "oneOf") for i, _ in enumerate(schema.get(k) or [])]
        concrete = [b for b in branches if self._resolve(b)[0].get("type") != "null"]
        if concrete and not schema.get("properties"):
            return self.build(concrete[0], at, depth + 1)
        kind = schema.get("type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "object" in kinds or "properties" in schema or "allOf" in schema:
            return self._object(schema, pointer, at, depth)
        if "array" in kinds:
            return [self.build(join_pointer(pointer, "items"), at + "/0", depth + 1)]
        if "string" in kinds:
            return self._string(schema)
        if "integer" in kinds:
            return max(1, int(schema.get("minimum", 1)))
        if "number" in kinds:
            return 1.5
        if "boolean" in kinds:
            return True
        return "text"

    def _object(self, schema: dict[str, Any], pointer: str, at: str, depth: int) -> dict[str, Any]:
        properties: dict[str, str] = {}
        required: set[str] = set(schema.get("required") or [])
        for index, _ in enumerate(schema.get("allOf") or []):
            branch, branch_at = self._resolve(join_pointer(pointer, "allOf", index))
            properties |= {name: join_pointer(branch_at, "properties", name) for name in branch.get("properties") or {}}
            required |= set(branch.get("required") or [])
        properties |= {name: join_pointer(pointer, "properties", name) for name in schema.get("properties") or {}}
        body: dict[str, Any] = {}
        for name, child in properties.items():
            child_schema, _ = self._resolve(child)
            container = child_schema.get("type") in ("object", "array") or "properties" in child_schema
            if self.nulls and name not in required and not container:
                body[name] = None
            else:
                body[name] = self.build(child, f"{at}/{name}", depth + 1)
        return body

    def _string(self, schema: dict[str, Any]) -> str:
        if schema.get("format") == "uuid":
            return GUID
        if "date-time" in (schema.get("format"), schema.get("x-lmskit-client-format")):
            return "2026-01-15T10:00:00.1234567"  # offset-less, 7 digits: what .NET sends
        if schema.get("format") in ("uri", "uri-reference"):
            return "https://example.com/next"
        pattern = str(schema.get("pattern", ""))
        if ":[0-5][0-9]:" in pattern:
            return "1.13:02:39.9878697"
        if pattern.startswith("^[1-9]"):
            return "42"
        return "text"

    def _resolve(self, pointer: str) -> tuple[dict[str, Any], str]:
        found = resolve(self.api.document, {"$ref": "#" + pointer}, pointer)
        return (found.value if isinstance(found.value, dict) else {}), found.pointer


def arguments(module: Any, api: Api, operation: Any) -> dict[str, Any]:
    """Values for the call's required parameters, the body built from the request schema."""
    found: dict[str, Any] = {}
    for name, parameter in inspect.signature(module.sync_detailed).parameters.items():
        if name == "client" or parameter.default is not inspect.Parameter.empty:
            continue
        annotation = parameter.annotation
        if name == "body":
            shape = api.request_shape(operation)
            assert shape.body is not None and shape.body.schema_pointer is not None
            value = Body(api, nulls=False).build(shape.body.schema_pointer)
            # A model, a union of models (a oneOf body) or a list of ids.
            models = [a for a in typing.get_args(annotation) or (annotation,) if hasattr(a, "from_dict")]
            found[name] = [uuid.UUID(GUID)]
            for model in models:
                try:
                    found[name] = model.from_dict(value)
                    break
                except ValueError:
                    continue
        elif annotation is uuid.UUID:
            found[name] = uuid.UUID(GUID)
        elif annotation is int:
            found[name] = 1
        else:
            found[name] = "x"
    return found


def plain(value: Any) -> Any:
    """A parsed response (a model, a list of models, a string) as JSON values."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


@functools.cache
def api_of(vendor: str) -> Api:
    return load_api(vendor)


def cases() -> Iterator[tuple[str, str, int]]:
    for vendor in ("digitalchalk", "bridge", "absorb"):
        api = api_of(vendor)
        for operation in api.operations.values():
            for status in operation.definition.get("responses") or {}:
                shape = api.response_shape(operation, int(status))
                if shape is not None and shape.json_media is not None:
                    yield vendor, operation.operation_id or "", int(status)


CASES = list(cases())


def test_every_documented_json_response_of_every_client_is_covered() -> None:
    assert len(CASES) > 150
    assert {vendor for vendor, _, _ in CASES} == {"digitalchalk", "bridge", "absorb"}


@pytest.mark.parametrize("nulls", [True, False], ids=["null-in-every-optional-field", "every-field-present"])
@pytest.mark.parametrize(("vendor", "operation_id", "status"), CASES)
def test_unknown_enum_values_and_nulls_never_crash_a_client(vendor, operation_id, status, nulls) -> None:
    api = api_of(vendor)
    operation = api.operation(operation_id)
    shape = api.response_shape(operation, status)
    assert shape is not None and shape.schema_pointer is not None
    builder = Body(api, nulls=nulls)
    body = builder.build(shape.schema_pointer)
    module = endpoint(vendor, operation_id)
    package = importlib.import_module(f"{vendor}_client")
    client = package.Client(
        base_url="https://tenant.example",
        httpx_args={"transport": httpx.MockTransport(lambda request: httpx.Response(status, json=body))},
    )
    response = module.sync_detailed(client=client, **arguments(module, api, operation))
    assert response.status_code == status
    assert response.parsed is not None
    readable = plain(response.parsed)
    for path, value in builder.unknown.items():
        node = readable
        for token in path.split("/")[1:]:
            node = node[int(token)] if isinstance(node, list) else node[token]
        assert node == value, f"{path} reads {node!r}, not the unknown value {value!r}"


def test_an_unknown_enum_value_stays_readable_on_the_model_and_warns_once(caplog) -> None:
    from absorb_client.models import CourseEnrollment, EnrollmentStatus
    from bridge_client.models import ProgramEnrollmentState

    with caplog.at_level(logging.WARNING):
        enrollment = CourseEnrollment.from_dict({"id": GUID, "status": 14, "dateCompleted": None, "credits": None})
        again = CourseEnrollment.from_dict({"id": GUID, "status": 14})
        paused = ProgramEnrollmentState("on hold")
    assert enrollment.status == 14 and enrollment.status.name == "UNKNOWN_14" and not enrollment.status.is_known
    assert EnrollmentStatus(14) is enrollment.status is again.status and EnrollmentStatus.COMPLETE.is_known
    assert enrollment.date_completed is None and enrollment.to_dict()["status"] == 14
    assert paused == "on hold" and paused.name == "UNKNOWN_ON_HOLD" and not paused.is_known
    assert caplog.text.count("EnrollmentStatus: 14 is not a value the spec lists; kept as UNKNOWN_14") == 1
    assert "ProgramEnrollmentState: 'on hold' is not a value the spec lists" in caplog.text


def test_a_null_where_the_spec_promises_a_value_is_read_as_absent(caplog) -> None:
    from absorb_client import types
    from absorb_client.models import CourseEnrollment
    from absorb_client.types import Unset

    types._warned.clear()  # each (model, field) warns once per process; other tests may have used this one
    with caplog.at_level(logging.WARNING, logger="absorb_client"):
        enrollment = CourseEnrollment.from_dict({"id": GUID, "dateEdited": None, "timeSpent": None})
    assert isinstance(enrollment.date_edited, Unset) and isinstance(enrollment.time_spent, Unset)
    assert "CourseEnrollment.dateEdited is null, which the spec does not allow; read as UNSET" in caplog.text


def test_offset_less_dotnet_dates_become_datetimes() -> None:
    from absorb_client.models import CourseEnrollment

    enrollment = CourseEnrollment.from_dict(
        {"dateAdded": "2026-01-15T10:00:00.1234567", "dateEdited": "2026-01-15T10:00:00Z"}
    )
    assert (enrollment.date_added.isoformat(), enrollment.date_edited.isoformat()) == (
        "2026-01-15T10:00:00.123456",
        "2026-01-15T10:00:00+00:00",
    )


def test_a_missing_required_field_names_the_model_and_the_field() -> None:
    from absorb_client.api.my_enrollments import list_my_course_enrollments
    from absorb_client.errors import ResponseFieldError

    page = {"totalItems": 1, "returnedItems": 1, "limit": 20, "enrollments": []}
    client_module = importlib.import_module("absorb_client")
    client = client_module.Client(
        base_url="https://tenant.example",
        httpx_args={"transport": httpx.MockTransport(lambda request: httpx.Response(200, json=page))},
    )
    with pytest.raises(ResponseFieldError) as caught:
        list_my_course_enrollments.sync_detailed(client=client)
    assert "CourseEnrollmentPage.offset is missing from the response; the spec requires it" in str(caught.value)
    assert (caught.value.model, caught.value.field) == ("CourseEnrollmentPage", "offset")
    with pytest.raises(ResponseFieldError, match=r"^CourseEnrollment is an array in the response, not the object"):
        importlib.import_module("absorb_client.models").CourseEnrollment.from_dict([1])


def replay(fixture: str, call: Any, **arguments: Any) -> Any:
    envelope = json.loads((REPO / "contracts" / "fixtures" / fixture).read_text(encoding="utf-8"))
    response = envelope["response"]
    vendor = fixture.split("/", 1)[0]
    package = importlib.import_module(f"{vendor}_client")
    transport = httpx.MockTransport(lambda request: httpx.Response(response["status"], json=response["body"]))
    client = package.Client(base_url="https://tenant.example", httpx_args={"transport": transport})
    return call(client=client, **arguments).parsed


def test_what_the_vendors_really_send_parses_into_typed_values_without_a_warning(caplog) -> None:
    from absorb_client.api.attempts import list_user_lesson_attempts
    from absorb_client.api.enrollments import list_course_enrollments
    from bridge_client.api.program_enrollments import list_program_enrollments

    with caplog.at_level(logging.WARNING):
        page = replay(
            "absorb/listCourseEnrollments/200-dotnet-serialised.json",
            list_course_enrollments.sync_detailed,
            course_id=uuid.UUID(GUID),
        )
        attempts = replay(
            "absorb/listUserLessonAttempts/200-open-attempt.json",
            list_user_lesson_attempts.sync_detailed,
            user_id=uuid.UUID(GUID),
            course_id=uuid.UUID(GUID),
            lesson_id=uuid.UUID(GUID),
        )
        learners = replay(
            "bridge/listProgramEnrollments/200-quoted-ids-and-nulls.json",
            list_program_enrollments.sync_detailed,
            program_id=12,
        )
        legacy = replay(
            "bridge/listProgramEnrollments/200-learners-2017-serialiser.json",
            list_program_enrollments.sync_detailed,
            program_id=3,
        )
    done, fresh = page.enrollments
    assert done.date_completed == datetime.datetime(2025, 11, 3, 14, 22, 5, 413000)
    assert done.time_spent == "1.02:37:04.5000000" and done.credits_ == 1.5
    assert fresh.score is None and fresh.date_started is None and fresh.date_completed is None
    assert attempts[1].completion_date is None and attempts[1].start_date.microsecond == 123456
    assert [(e.id, e.enrollment_id, e.email) for e in learners.enrollments] == [
        ("501", "7702", None),
        ("502", "7703", "learner.two@example.com"),
    ]
    assert legacy.learners[0].id == "31" and legacy.learners[0].courses_complete == 2
    assert caplog.text == ""


@pytest.mark.parametrize(
    ("status", "body", "reason"),
    [
        (401, {"detail": "Not authenticated"}, "GenericErrorResponse"),  # a gateway's foreign error body
        (
            200,
            {"totalItems": 1, "returnedItems": 1, "limit": 20, "offset": 0, "enrollments": [{"id": "e1"}]},
            "ValueError",
        ),  # an id that is not a GUID
    ],
    ids=["foreign-401", "non-guid-ids"],
)
def test_an_answer_no_model_can_read_keeps_its_status_and_body(status: int, body: Any, reason: str) -> None:
    from absorb_client.api.my_enrollments import list_my_course_enrollments
    from absorb_client.errors import UnparseableResponse

    client = importlib.import_module("absorb_client").Client(
        base_url="https://tenant.example",
        httpx_args={"transport": httpx.MockTransport(lambda request: httpx.Response(status, json=body))},
    )
    with pytest.raises(UnparseableResponse) as caught:
        list_my_course_enrollments.sync_detailed(client=client)
    assert caught.value.status_code == status and json.loads(caught.value.content) == body
    assert str(caught.value).startswith(f"HTTP {status}: the answer could not be read") and reason in str(caught.value)


def test_a_status_outside_http_status_is_kept_as_a_number() -> None:
    from absorb_client.api.my_enrollments import list_my_course_enrollments

    client = importlib.import_module("absorb_client").Client(
        base_url="https://tenant.example",
        httpx_args={"transport": httpx.MockTransport(lambda request: httpx.Response(599, content=b""))},
    )
    answer = list_my_course_enrollments.sync_detailed(client=client)
    assert answer.status_code == 599 and answer.parsed is None

"""The documented way (docs/clients.md) of calling each vendor with the generated clients sends what the specs need."""

from __future__ import annotations

import base64
import json

import httpx
from absorb_client import AuthenticatedClient as Absorb
from absorb_client import Client as AbsorbAnonymous
from absorb_client.api.authentication import authenticate
from absorb_client.api.enrollments import get_course_enrollment, unenroll_course_enrollments
from absorb_client.models import AuthenticateRequest, CourseEnrollment, EnrollmentStatus
from bridge_client import AuthenticatedClient as Bridge
from bridge_client.api.program_enrollments import list_program_enrollments
from bridge_client.models import ListProgramEnrollmentsSort, ProgramEnrollmentPage
from digitalchalk_client import AuthenticatedClient as DigitalChalk
from digitalchalk_client.api.registrations import update_registration
from digitalchalk_client.models import Ejection, EjectionStatus

ENROLLMENT_ID = "a14c149a-2ce0-41d4-b532-02189ad3cb22"
API_KEY_UUID = "2f6a1d3c-8b4e-4f1a-9c7d-5e3b2a1f0d9c"


class Recorder:
    def __init__(self, answer: httpx.Response) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer


def test_absorb_authenticates_then_calls_with_bearer_api_key_and_version() -> None:
    token_answer = Recorder(httpx.Response(200, json="tok-1"))
    anonymous = AbsorbAnonymous(
        base_url="https://rest.myabsorb.com",
        headers={"x-api-key": "key-1"},
        httpx_args={"transport": httpx.MockTransport(token_answer)},
    )
    body = AuthenticateRequest(username="admin", password="pw", private_key=API_KEY_UUID)  # type: ignore[arg-type]
    token = authenticate.sync(client=anonymous, body=body)
    assert token == "tok-1"
    [sent] = token_answer.requests
    assert (sent.method, sent.url.path) == ("POST", "/authenticate")
    assert sent.headers["x-api-key"] == "key-1" and sent.headers["x-api-version"] == "2"
    assert json.loads(sent.content) == {"username": "admin", "password": "pw", "privateKey": API_KEY_UUID}

    enrollment_answer = Recorder(httpx.Response(200, json={"id": ENROLLMENT_ID, "status": 3, "timeSpent": "PT1H"}))
    absorb = Absorb(
        base_url="https://rest.myabsorb.com",
        token=token,
        headers={"x-api-key": "key-1"},
        httpx_args={"transport": httpx.MockTransport(enrollment_answer)},
    )
    enrollment = get_course_enrollment.sync(id=ENROLLMENT_ID, client=absorb)  # type: ignore[arg-type]
    assert isinstance(enrollment, CourseEnrollment)
    assert enrollment.status is EnrollmentStatus.COMPLETE
    assert enrollment.time_spent == "PT1H"
    [sent] = enrollment_answer.requests
    assert sent.url.path == f"/enrollments/{ENROLLMENT_ID}"
    assert sent.headers["authorization"] == "Bearer tok-1"
    assert sent.headers["x-api-key"] == "key-1" and sent.headers["x-api-version"] == "2"


def test_absorb_unenroll_sends_a_bare_array_of_ids() -> None:
    answer = Recorder(httpx.Response(204))
    absorb = Absorb(
        base_url="https://rest.myabsorb.com", token="t", httpx_args={"transport": httpx.MockTransport(answer)}
    )
    response = unenroll_course_enrollments.sync_detailed(client=absorb, body=[ENROLLMENT_ID])  # type: ignore[list-item]
    assert response.status_code == 204
    assert json.loads(answer.requests[0].content) == [ENROLLMENT_ID]


def test_bridge_basic_auth_and_list_filters() -> None:
    answer = Recorder(
        httpx.Response(200, json={"meta": {}, "enrollments": [{"id": 1, "enrollment_id": 2, "state": "complete"}]})
    )
    secret = base64.b64encode(b"key:secret").decode()
    bridge = Bridge(
        base_url="https://acme.bridgeapp.com",
        token=secret,
        prefix="Basic",
        httpx_args={"transport": httpx.MockTransport(answer)},
    )
    page = list_program_enrollments.sync(
        program_id=7, client=bridge, sort=ListProgramEnrollmentsSort.NAME_DESC, with_deleted=True
    )
    assert isinstance(page, ProgramEnrollmentPage)
    assert page.enrollments[0].enrollment_id == 2
    [sent] = answer.requests
    assert sent.headers["authorization"] == f"Basic {secret}"
    assert sent.url.path == "/api/author/programs/7/learners"
    assert dict(sent.url.params) == {"sort": "-name", "with_deleted": "true"}


def test_digitalchalk_eject_sends_only_the_status() -> None:
    answer = Recorder(httpx.Response(204))
    dc = DigitalChalk(
        base_url="https://api.digitalchalk.com/dc/api/v5",
        token="dc",
        httpx_args={"transport": httpx.MockTransport(answer)},
    )
    response = update_registration.sync_detailed(id="abc", client=dc, body=Ejection(status=EjectionStatus.EJECTED))
    assert response.status_code == 204
    [sent] = answer.requests
    assert (sent.method, sent.url.path) == ("PUT", "/dc/api/v5/registrations/abc")
    assert sent.headers["authorization"] == "Bearer dc"
    assert json.loads(sent.content) == {"status": "ejected"}

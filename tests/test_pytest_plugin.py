"""The pytest plugin, used the way docs/validation.md shows, in a separate pytest run."""

from __future__ import annotations

import textwrap

from lmskit.pytest_plugin import RunningFake
from tests.conftest import run_pytest

USER_TEST = """
from absorb_client.api.my_enrollments import list_my_course_enrollments
from digitalchalk_client.api.registrations import get_registration


def test_absorb_fake_and_client(absorb_fake, lmskit_validate):
    page = list_my_course_enrollments.sync_detailed(client=absorb_fake.client)
    assert page.status_code == 200
    lmskit_validate("absorb", "listMyCourseEnrollments", 200, page.parsed.to_dict())
    sent = [(r["method"], r["path"]) for r in absorb_fake.requests()]
    assert sent == [("POST", "/authenticate"), ("GET", "/myenrollments")]


def test_digitalchalk_fake_control(digitalchalk_fake):
    registration = "65ade781cc98d136543678191005431a"
    done = digitalchalk_fake.control("POST", "advance", {"registrationId": registration, "grade": 95})
    assert done["status"] == "passed"
    assert get_registration.sync(id=registration, client=digitalchalk_fake.client).grade == 95


def test_bridge_fake_credentials(bridge_fake):
    assert bridge_fake.credentials["TOKEN"] == "bridge-demo-token"


def test_validate_fixture_fails_with_the_violations(lmskit_validate):
    body = {"id": "x", "userId": "u", "offeringId": "o", "status": "gone"}
    lmskit_validate("digitalchalk", "getRegistration", 200, body)
"""


def test_the_plugin_fixtures_work_in_a_users_test_suite(tmp_path) -> None:
    (tmp_path / "test_user.py").write_text(textwrap.dedent(USER_TEST), encoding="utf-8")
    result = run_pytest(str(tmp_path / "test_user.py"), cwd=tmp_path, timeout=120)
    assert "1 failed, 3 passed" in result.stdout, result.stdout[-3000:]
    assert 'digitalchalk getRegistration 200 does not match the spec:\n  /status: "gone" is not one of' in result.stdout


def test_a_running_fakes_repr_names_it_but_holds_no_credential() -> None:
    class _Server:
        base_url = "http://127.0.0.1:9/dc/api/v5"

    fake = RunningFake(
        "digitalchalk", _Server(), {"TOKEN": "canary-token-1"}, {"Authorization": "Bearer canary-token-1"}
    )  # type: ignore[arg-type]
    text = repr(fake)
    assert "canary-token-1" not in text
    assert text == "RunningFake('digitalchalk', base_url='http://127.0.0.1:9/dc/api/v5', credentials=[TOKEN])"

"""Redaction: canary secrets and canary personal data go in; none comes out, the capture still validates, and the
same person has the same pseudonym in every file."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

import lmskit
from lmskit.redaction.redactor import Redactor
from lmskit.redaction.salt import project_salt
from lmskit.spec.api import load_api
from tests.conftest import ABSORB_ENROLLMENT, run_lmskit

TOKEN = "canary-token-7f3e9a"
PASSWORD = "canary-password-51c2"
API_KEY = "2f6a1d3c-8b4e-4f1a-9c7d-5e3b2a1f0d9c"
NAME = "Canaryperson Zyxwv"
EMAIL = "canary.zyxwv@learners.example.com"
AVATAR = "https://cdn.example.com/avatars/canary-zyxwv.png"
JOB = "Canary job title Qwerty"
COMMENT = "Canary grader comment Asdfg"
CANARIES = (TOKEN, PASSWORD, NAME, EMAIL, AVATAR, JOB, COMMENT, "Zyxwv", "Qwerty", "Asdfg")


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    apis = {vendor: load_api(vendor) for vendor in ("digitalchalk", "bridge", "absorb")}
    found = Redactor(apis, b"test-salt-0123456789abcdef")
    found.remember([TOKEN, PASSWORD])
    return found


def bridge_page(user_id: int, name: Any = NAME, email: Any = EMAIL) -> dict[str, Any]:
    return {
        "request": {
            "method": "GET",
            "url": f"https://acme.bridgeapp.com/api/author/programs/1/learners?access_token={TOKEN}&limit=2",
            "headers": {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"},
        },
        "response": {
            "status": 200,
            "headers": {"Content-Type": "application/json", "Set-Cookie": f"session={TOKEN}"},
            "body": {
                "meta": {},
                "enrollments": [
                    {
                        "id": user_id,
                        "name": name,
                        "email": email,
                        "avatar_url": AVATAR,
                        "state": "active",
                        "enrollment_id": 7,
                        "current_program_item_index": 1,
                        "total_program_items": 4,
                        "pending_approval_item_count": 0,
                        "group_ids": [],
                        "created_at": "2017-11-01T07:00:00Z",
                        "updated_at": "2017-11-02T07:00:00Z",
                    }
                ],
            },
        },
    }


def no_canary(data: Any) -> None:
    text = json.dumps(data)
    for canary in CANARIES:
        assert canary not in text, canary


def test_a_bridge_page_loses_every_secret_and_name_and_still_validates(redactor: Redactor) -> None:
    original = bridge_page(42)
    assert lmskit.validate("bridge", "listProgramEnrollments", 200, original["response"]["body"]).valid
    redacted, counts = redactor.envelope(original)
    no_canary(redacted)
    learner = redacted["response"]["body"]["enrollments"][0]
    assert learner["email"].endswith("@example.invalid") and learner["name"].startswith("Person ")
    assert learner["id"] == 42 and learner["enrollment_id"] == 7  # ids and references stay
    assert redacted["request"]["headers"]["Authorization"] == "[redacted]"
    assert "access_token=redacted" in redacted["request"]["url"] and "limit=2" in redacted["request"]["url"]
    assert lmskit.validate("bridge", "listProgramEnrollments", 200, redacted["response"]["body"]).valid
    assert counts.personal == 3 and counts.secrets >= 2 and counts.replaced >= 1
    assert original["response"]["body"]["enrollments"][0]["name"] == NAME  # the input is not changed


def test_one_person_has_one_pseudonym_across_captures(redactor: Redactor) -> None:
    first, _ = redactor.envelope(bridge_page(42))
    again, _ = redactor.envelope(bridge_page(43))
    other, _ = redactor.envelope(bridge_page(44, name="Someone Else", email="else@example.com"))
    pick = lambda data: data["response"]["body"]["enrollments"][0]  # noqa: E731
    assert pick(first)["name"] == pick(again)["name"] and pick(first)["email"] == pick(again)["email"]
    assert pick(first)["name"] != pick(other)["name"]
    different_key = Redactor(redactor.apis, b"another-salt-0123456789")
    assert pick(different_key.envelope(bridge_page(42))[0])["name"] != pick(first)["name"]


def test_absorb_login_and_learner_fields(redactor: Redactor) -> None:
    login = {
        "request": {
            "method": "POST",
            "url": "https://rest.myabsorb.com/authenticate",
            "headers": {"x-api-key": API_KEY},
            "body": {"username": "api.admin", "password": PASSWORD, "privateKey": API_KEY},
        },
        "response": {"status": 200, "headers": {}, "body": TOKEN},
    }
    redacted, _ = redactor.envelope(login)
    no_canary(redacted)
    assert API_KEY not in json.dumps(redacted)
    assert redacted["response"]["body"] == "[redacted]"
    enrollment = {**ABSORB_ENROLLMENT, "fullName": NAME, "jobTitle": JOB, "avatar": AVATAR}
    page = {
        "request": {
            "method": "GET",
            "url": "https://rest.myabsorb.com/enrollments/a14c149a-2ce0-41d4-b532-02189ad3cb22",
        },
        "response": {"status": 200, "headers": {"content-type": "application/json"}, "body": enrollment},
    }
    before = lmskit.validate("absorb", "getCourseEnrollment", 200, enrollment)
    redacted, counts = redactor.envelope(page)
    no_canary(redacted)
    after = lmskit.validate("absorb", "getCourseEnrollment", 200, redacted["response"]["body"])
    assert [issue.message for issue in after.errors] == [issue.message for issue in before.errors]
    assert counts.personal == 3


def test_a_har_loses_headers_cookies_query_secrets_and_base64_bodies(redactor: Redactor) -> None:
    envelope = bridge_page(42)
    body = json.dumps(envelope["response"]["body"])
    har = {
        "log": {
            "version": "1.2",
            "creator": {"name": "test", "version": "1"},
            "entries": [
                {
                    "request": {
                        "method": "GET",
                        "url": envelope["request"]["url"],
                        "headers": [{"name": "Authorization", "value": f"Bearer {TOKEN}"}],
                        "cookies": [{"name": "session", "value": TOKEN}],
                        "queryString": [{"name": "access_token", "value": TOKEN}, {"name": "limit", "value": "2"}],
                    },
                    "response": {
                        "status": 200,
                        "headers": [{"name": "Content-Type", "value": "application/json"}],
                        "cookies": [],
                        "content": {
                            "mimeType": "application/json",
                            "encoding": "base64",
                            "text": base64.b64encode(body.encode()).decode(),
                        },
                    },
                }
            ],
        }
    }
    redacted, counts = redactor.har(har)
    no_canary(redacted)
    assert counts.exchanges == 1 and counts.personal == 3
    entry = redacted["log"]["entries"][0]
    assert entry["request"]["queryString"][1] == {"name": "limit", "value": "2"}
    page = json.loads(entry["response"]["content"]["text"])
    assert lmskit.validate("bridge", "listProgramEnrollments", 200, page).valid


def test_digitalchalk_grader_comments_are_pseudonymised(redactor: Redactor) -> None:
    registration = {
        "id": "r1",
        "userId": "u1",
        "offeringId": "o1",
        "status": "passed",
        "grade": 90,
        "graderId": "g1",
        "graderComment": COMMENT,
        "createdDate": "2012-03-01T06:03:10Z",
    }
    envelope = {
        "request": {"method": "GET", "url": "https://api.digitalchalk.com/dc/api/v5/registrations/r1"},
        "response": {"status": 200, "headers": {}, "body": registration},
    }
    redacted, _ = redactor.envelope(envelope)
    no_canary(redacted)
    assert lmskit.validate("digitalchalk", "getRegistration", 200, redacted["response"]["body"]).valid


def test_the_cli_writes_redacted_copies_with_no_canary_anywhere(tmp_path: Path) -> None:
    captures = tmp_path / "in" / "bridge"
    captures.mkdir(parents=True)
    for index in range(3):
        (captures / f"page{index}.json").write_text(json.dumps(bridge_page(40 + index)), encoding="utf-8")
    salt = "0123456789abcdef0123456789abcdef"
    env = {"LMSKIT_REDACT_SALT": salt, "LMSKIT_BRIDGE_TOKEN": TOKEN}
    result = run_lmskit("redact", tmp_path / "in", "--out", tmp_path / "out", env=env)
    assert result.exit_code == 0, result.stderr
    assert "redacted 3 file(s), 3 exchange(s)" in result.stderr
    written = sorted((tmp_path / "out").rglob("*.json"))
    assert [path.relative_to(tmp_path / "out").as_posix() for path in written] == [
        f"bridge/page{index}.json" for index in range(3)
    ]
    everything = b"".join(path.read_bytes() for path in written) + result.stdout.encode() + result.stderr.encode()
    for canary in CANARIES:
        assert canary.encode() not in everything, canary
    names = {json.loads(path.read_text())["response"]["body"]["enrollments"][0]["name"] for path in written}
    assert len(names) == 1  # one person, one pseudonym, in every file
    checked = run_lmskit("validate", tmp_path / "out")
    assert checked.exit_code == 0, checked.stdout[-2000:]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([], "--out DIR, or --in-place"),
        (["--in-place", "--out", "x"], "--out DIR, or --in-place"),
    ],
)
def test_the_cli_needs_to_know_where_copies_go(tmp_path: Path, arguments: list[str], message: str) -> None:
    capture = tmp_path / "c.json"
    capture.write_text(json.dumps(bridge_page(1)), encoding="utf-8")
    result = run_lmskit("redact", capture, *arguments, cwd=tmp_path)
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_the_cli_refuses_what_is_not_a_capture(tmp_path: Path) -> None:
    body = tmp_path / "body.json"
    body.write_text('{"results": []}', encoding="utf-8")
    result = run_lmskit("redact", body, "--in-place", cwd=tmp_path)
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"lmskit: {body}: neither an exchange envelope ({{request, response}}) nor a HAR file ({{log: …}})"
    )


def test_the_key_is_made_once_per_project_and_kept_out_of_git(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "sub").mkdir()
    first = project_salt(tmp_path / "sub", environ={})  # found from a subfolder, kept at the project root
    again = project_salt(tmp_path, environ={})
    assert first == again and len(first) == 64
    assert (tmp_path / ".lmskit" / ".gitignore").read_text().splitlines()[-1] == "*"
    assert project_salt(tmp_path, environ={"LMSKIT_REDACT_SALT": "x" * 20}) == b"x" * 20

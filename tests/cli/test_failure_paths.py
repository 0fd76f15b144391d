"""The new commands on their failure paths: canary credentials and canary learners pushed through wrong
credentials, an unreachable tenant and a spent budget leave no trace in any output or file; every malformed input
is one line naming the file and the field, exit 2, no traceback."""

from __future__ import annotations

import json
import socket
import uuid
from pathlib import Path

import pytest

from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app
from lmskit.fakes.server import FakeServer
from lmskit.spec.paging import NextPage, UnsafeLink, next_page, read_pagination
from tests.conftest import run_lmskit

SALT = {"LMSKIT_REDACT_SALT": "0123456789abcdef0123456789abcdef"}


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def everything(folder: Path, *texts: str) -> str:
    written = "".join(path.read_text(errors="replace") for path in folder.rglob("*") if path.is_file())
    return written + "".join(texts)


def test_record_failure_paths_leak_no_canary(tmp_path: Path) -> None:
    fake = get_fake("absorb")
    seed = build_app(fake).state.seed
    key, password = str(uuid.uuid4()), f"canary-pw-{uuid.uuid4().hex}"
    learner = f"Canarylearner {uuid.uuid4().hex[:8]}"
    seed["credentials"]["api_key"] = key
    seed["credentials"]["admins"][0]["password"] = password
    seed["users"][1]["full_name"] = learner  # enrolled in the seeded course: every list carries the name
    app = build_app(fake, seed=seed)
    env = {"LMSKIT_ABSORB_API_KEY": key, "LMSKIT_ABSORB_USERNAME": "api.admin", "LMSKIT_ABSORB_PASSWORD": password}
    outcomes = {}
    with FakeServer(app) as server:
        for name, target, extra, budget in (
            ("wrong-password", server.base_url, {"LMSKIT_ABSORB_PASSWORD": password + "-wrong"}, "50"),
            ("budget", server.base_url, {}, "6"),
        ):
            outcomes[name] = run_lmskit(
                "record", "absorb", "--target", target, "--out", tmp_path / name, "--budget", budget,
                env={**env, **extra, **SALT}, cwd=tmp_path, without_lmskit_env=True,
            )  # fmt: skip
        tokens = [row["token"] for row in app.state.store.rows("SELECT token FROM absorb_tokens")]
    outcomes["unreachable"] = run_lmskit(
        "record", "absorb", "--target", f"http://127.0.0.1:{closed_port()}", "--out", tmp_path / "unreachable",
        env={**env, **SALT}, cwd=tmp_path, without_lmskit_env=True, timeout=180,
    )  # fmt: skip
    assert outcomes["wrong-password"].exit_code == 2
    assert outcomes["wrong-password"].stderr.strip() == (
        "lmskit: POST /authenticate (authenticate) answered 401; check the credentials"
    )
    assert outcomes["budget"].exit_code == 0 and "the request budget of 6 is spent" in outcomes["budget"].stderr
    assert outcomes["unreachable"].exit_code == 2
    assert outcomes["unreachable"].stderr.strip().endswith(": cannot connect (Connection refused); check --target")
    assert tokens
    for name, result in outcomes.items():
        assert "Traceback" not in result.stdout + result.stderr, name
        text = everything(tmp_path / name, result.stdout, result.stderr) if (tmp_path / name).exists() else ""
        text += result.stdout + result.stderr
        for secret in (key, password, learner, *tokens):
            assert secret not in text, (name, secret[:12])
    kept = everything(tmp_path / "budget")
    assert "Person " in kept  # the learner was in what was recorded, and came out a pseudonym


def test_proxy_with_the_vendor_unreachable_answers_502_and_logs_no_secret(tmp_path: Path) -> None:
    import io

    import httpx

    from lmskit.proxy.app import ValidatingProxy
    from lmskit.spec.api import load_api

    canary = f"canary-token-{uuid.uuid4().hex}"
    stderr = io.StringIO()
    proxy = ValidatingProxy(load_api("digitalchalk"), f"http://127.0.0.1:{closed_port()}/dc/api/v5", stderr=stderr)
    with FakeServer(proxy, base_path="/dc/api/v5") as server:
        answer = httpx.get(
            f"{server.base_url}/registrations?token={canary}", headers={"Authorization": f"Bearer {canary}"}
        )
    assert answer.status_code == 502
    assert answer.json() == {"lmskit_proxy": "the vendor did not answer (ConnectError)"}
    assert canary not in stderr.getvalue() + answer.text
    assert proxy.stats.upstream_errors == 1


def envelope(**request: object) -> dict:
    return {"request": {"method": "GET", "url": "https://acme.bridgeapp.com/api/author/programs/1/learners", **request},
            "response": {"status": 200, "headers": {}, "body": {"meta": {}, "enrollments": []}}}  # fmt: skip


REQUEST = {"method": "GET", "url": "https://x.example/"}
BAD_CAPTURES = {
    "request a string": (
        "e.json",
        json.dumps({"request": "GET /", "response": {"status": 200}}),
        "/request must be an object",
    ),
    "headers a list": (
        "e.json",
        json.dumps({**envelope(), "response": {"status": 200, "headers": [["a", "b"]]}}),
        "/response/headers must be an object",
    ),
    "status not a status": ("e.json", json.dumps({**envelope(), "response": {"status": "ok"}}), "/response/status"),
    "url not a url": ("e.json", json.dumps(envelope(url=5)), "/request/url must be a URL string"),
    "nested 5,000 deep": ("e.json", "[" * 5000 + "]" * 5000, "nested deeper than 200 levels"),
    "har entries not a list": ("c.har", json.dumps({"log": {"entries": {"a": 1}}}), "/log/entries must be a list"),
    "har headers strings": (
        "c.har",
        json.dumps(
            {
                "log": {
                    "entries": [
                        {
                            "request": {"method": "GET", "url": "https://x.example/"},
                            "response": {"status": 200, "headers": ["a: b"]},
                        }
                    ]
                }
            }
        ),
        "entry 0: /response/headers must be an object {name: value} or a list of {name, value} objects; an item is "
        "a string",
    ),
    "a bare body": ("b.json", '{"results": []}', "neither an exchange envelope"),
    "not json": ("n.json", "{nope", "not JSON"),
}


@pytest.mark.parametrize("case", list(BAD_CAPTURES), ids=list(BAD_CAPTURES))
def test_redact_refuses_a_malformed_capture_in_one_line(case: str, tmp_path: Path) -> None:
    name, text, message = BAD_CAPTURES[case]
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_lmskit("redact", tmp_path / name, "--out", tmp_path / "out", cwd=tmp_path, env=SALT)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert str(tmp_path / name) in lines[0] and message in lines[0], lines[0]
    assert not (tmp_path / "out").exists()  # nothing half-written


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["record", "absorb", "--target", "notaurl"], "--target 'notaurl': the tenant's base URL"),
        (["record", "bridge", "--param", "program_id"], "--param 'program_id': write NAME=VALUE"),
        (["record", "nobody"], "nobody"),
        (["proxy", "absorb", "--target", "notaurl"], "--target 'notaurl': the vendor's base URL"),
        (["proxy", "absorb", "--target", "https://x.example", "--host", "0.0.0.0"], "pass --expose"),
        (["diff", "nofile.yaml", "specs/absorb.yaml"], "nofile.yaml: no such file"),
        (["diff", "HEAD~99999:specs/absorb.yaml", "specs/absorb.yaml"], "not a spec at that revision"),
        (["fixtures", "check", "no/such/folder"], "no/such/folder: no such file or folder"),
    ],
)
def test_bad_arguments_to_the_new_commands_are_one_line(arguments: list[str], message: str) -> None:
    result = run_lmskit(*arguments, without_lmskit_env=True)
    assert result.exit_code == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert message in lines[0], lines[0]


@pytest.mark.parametrize(
    ("text", "exit_code", "message"),
    [
        ("openapi: 3.1.0\npaths: [1, 2]\n", 0, "0 breaking"),  # no operation the old side had can break
        ("openapi: 3.1.0\npaths:\n  /a:\n    get:\n      parameters: {x: 1}\n      responses: [1]\n", 1, "GET /a"),
        ("- just a list\n", 2, "the document is not a mapping"),
        ("a: " + "[" * 3000 + "]" * 3000 + "\n", 2, "nested deeper"),
    ],
)
def test_diff_takes_odd_specs_without_a_traceback(text: str, exit_code: int, message: str, tmp_path: Path) -> None:
    odd = tmp_path / "odd.yaml"
    odd.write_text(text, encoding="utf-8")
    result = run_lmskit("diff", odd, "specs/bridge.yaml")
    assert "Traceback" not in result.stderr
    assert result.exit_code == exit_code, result.stdout + result.stderr
    assert message in result.stdout + result.stderr


def test_fixtures_check_names_the_field_of_a_malformed_recording(tmp_path: Path) -> None:
    bad = tmp_path / "r.json"
    bad.write_text(json.dumps({"lmskit": "x", "request": {"method": 5, "url": "x"}, "response": {"status": 200}}))
    result = run_lmskit("fixtures", "check", bad)
    assert result.exit_code == 2
    assert result.stderr.strip() == f'lmskit: {bad}: /request/method must be a string such as "GET", not a number'


# --- the spec's paging decision, shared by the pager and the recorder ---------------------------------------

LINKS = read_pagination(
    {"items": ["/results"], "page-size": {"parameter": "limit", "maximum": 100}, "next-link": "/next"}
)
OFFSETS = read_pagination(
    {"items": ["/e"], "page-size": {"parameter": "_limit"}, "offset": {"parameter": "_offset", "counts": "pages"},
     "total": "/totalItems"}
)  # fmt: skip
HERE = "https://api.digitalchalk.com/dc/api/v5/registrations?limit=2"


def test_a_next_link_is_followed_relative_or_absolute_and_only_to_the_same_origin() -> None:
    step = {"count": 2, "size": 2, "offset": 0, "total": None}
    assert next_page(LINKS, HERE, link="registrations?offset=2", **step) == NextPage(
        url="https://api.digitalchalk.com/dc/api/v5/registrations?offset=2"
    )
    assert next_page(LINKS, HERE, link=None, **step) is None
    assert next_page(LINKS, HERE, link="?offset=2", **{**step, "count": 0}) is None  # an empty page ends it
    with pytest.raises(UnsafeLink, match="another host"):
        next_page(LINKS, HERE, link="https://evil.example/steal", **step)
    with pytest.raises(UnsafeLink, match="itself"):
        next_page(LINKS, HERE, link=HERE, **step)


def test_an_offset_moves_by_a_page_until_a_short_page_or_the_total() -> None:
    assert next_page(OFFSETS, HERE, count=2, size=2, offset=0, link=None, total=10) == NextPage(offset=1)
    assert next_page(OFFSETS, HERE, count=2, size=2, offset=4, link=None, total=10) is None  # 10 of 10 seen
    assert next_page(OFFSETS, HERE, count=1, size=2, offset=0, link=None, total=None) is None  # a short page
    assert next_page(OFFSETS, HERE, count=2, size=2, offset=0, link=None, total=True) == NextPage(offset=1)

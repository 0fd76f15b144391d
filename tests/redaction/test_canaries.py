"""No canary leaves the kit: secrets and personal data placed everywhere a hostile capture can carry them, pushed
through ``lmskit redact``, ``lmskit record`` and ``lmskit proxy --record``; every byte written or printed is then
searched for each canary in every spelling (as is, any case, percent-encoded, ``+`` for space, JSON and HTML
escapes, base64 at any alignment, a GUID without dashes). The redacted copies still validate as the originals did.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import html
import io
import json
import uuid
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest

import lmskit
from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app
from lmskit.fakes.server import FakeServer
from lmskit.proxy.app import ValidatingProxy, recorder
from lmskit.redaction.redactor import Redactor
from lmskit.spec.api import load_api
from tests.conftest import ABSORB_ENROLLMENT, invoke_lmskit
from tests.redaction.test_redact import bridge_page

# Configured credentials (the environment gives them to the kit), in spellings that test every encoding.
PASSWORD = "canary pass&Wd7<q>"
API_KEY = "5f0c2a9e-7b1d-4c3e-9a8f-1d2e3c4b5a69"
BRIDGE_KEY, BRIDGE_SECRET = "CanaryBrKey3Hj", "CanaryBrSecret8Pq"
# Secrets the kit is not told about: only the allowlist can keep them out.
TOKEN = "CanaryTok9x7Q2wLm"
HIDDEN = "CanaryHidden6Tz"
FETCHED = "FetchedTok4k8Zp1Rv"
# A learner.
NAME = "Zyxwvut Canaryperson"
EMAIL = "zyxwvut.canary@learners.example.com"
SECRETS = (PASSWORD, API_KEY, BRIDGE_KEY, BRIDGE_SECRET, TOKEN, HIDDEN, FETCHED)
PERSONAL = (NAME, EMAIL, "Zyxwvut", "Canaryperson")
USER = "0f8fad5b-d9cb-469f-a165-70867728950e"
ENVIRONMENT = {
    "LMSKIT_ABSORB_API_KEY": API_KEY,
    "LMSKIT_ABSORB_USERNAME": "api.admin",
    "LMSKIT_ABSORB_PASSWORD": PASSWORD,
    "LMSKIT_BRIDGE_KEY": BRIDGE_KEY,
    "LMSKIT_BRIDGE_SECRET": BRIDGE_SECRET,
    "LMSKIT_REDACT_SALT": "canary-test-salt-0123456789abcdef",
}


def spellings(value: str) -> set[str]:
    """The test's own list of the forms a value can take in a capture (not the kit's)."""
    forms = {value, quote(value, safe=""), quote_plus(value), html.escape(value), json.dumps(value)[1:-1]}
    forms.add(quote(value, safe="").lower())
    with contextlib.suppress(ValueError):
        forms.add(uuid.UUID(value).hex)
    raw = value.encode()
    for shift in range(3):
        encoded = base64.b64encode(b"\xff" * shift + raw).decode()
        start, end = -(-8 * shift // 6), 8 * (shift + len(raw)) // 6
        fragment = encoded[start:end]
        forms |= {fragment, fragment.replace("+", "-").replace("/", "_")}
    return {form.lower() for form in forms if len(form) >= 6}


def leaks(texts: Iterable[str], canaries: Iterable[str]) -> list[str]:
    """Every (canary, form) found in any of the texts, compared without case."""
    haystack = "\n".join(texts).lower()
    return [f"{canary!r} as {form!r}" for canary in canaries for form in spellings(canary) if form in haystack]


def written(folder: Path) -> list[str]:
    return [path.read_bytes().decode("utf-8", errors="replace") for path in sorted(folder.rglob("*")) if path.is_file()]


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


# --- hostile captures -------------------------------------------------------------------------------------------


def hostile_absorb_envelope() -> dict[str, Any]:
    enrollment = {**ABSORB_ENROLLMENT, "fullName": NAME}
    as_object = {**ABSORB_ENROLLMENT, "fullName": {"first": NAME, "email": EMAIL}}
    as_list = {**ABSORB_ENROLLMENT, "fullName": [NAME, EMAIL]}
    return {
        "request": {
            "method": "GET",
            "url": (
                f"https://admin:{quote(PASSWORD)}@rest.myabsorb.com/users/{USER}/enrollments"
                f"?_filter=fullName eq '{quote(NAME)}'&access_token[]={TOKEN}&user[password]={quote_plus(PASSWORD)}"
                f";session={HIDDEN}&limit=2#access_token={TOKEN}"
            ),
            "headers": [
                {"name": "Authorization", "value": f"Bearer {TOKEN}"},
                {"name": "X-Access-Token", "value": HIDDEN},
                {"name": "X-Amz-Security-Token", "value": HIDDEN},
                {"name": "Ocp-Apim-Subscription-Key", "value": API_KEY.upper()},
                {"name": "X-CSRF-Token", "value": HIDDEN},
                {"name": "Api-Token", "value": HIDDEN},
                {"name": "Authorization ", "value": f"Bearer {TOKEN}"},
                {"name": ":path", "value": f"/users?token={TOKEN}"},
                {"name": "x-api-key", "value": API_KEY},
                {"name": "Cookie", "value": f"session={TOKEN}"},
                {"name": "x-api-version", "value": "2"},
            ],
            "body": f"username={quote_plus(EMAIL)}&password={quote_plus(PASSWORD)}",
        },
        "response": {
            "status": 200,
            "headers": {
                "Content-Type": "application/json",
                "Location": f"https://rest.myabsorb.com/sessions/{TOKEN}",
                "Link": f'<https://rest.myabsorb.com/users?token={TOKEN}>; rel="next"',
                "WWW-Authenticate": f'Bearer token="{HIDDEN}"',
                "Referer": f"https://rest.myabsorb.com/?user={quote(EMAIL)}",
                "Set-Cookie": f"session={HIDDEN}; HttpOnly",
            },
            "body": {
                "enrollments": [enrollment, as_object, as_list],
                "totalItems": 3,
                "managerEmail": EMAIL,
                "notes": {"owner": NAME, "count": 5551234},
                TOKEN: 1,
                "pwd": PASSWORD,
                "passphrase": PASSWORD.upper(),
                "apiToken": HIDDEN,
                "authToken": TOKEN,
                "jwt": TOKEN,
                "sessionId": HIDDEN,
                "secretKey": BRIDGE_SECRET,
                "accessKey": BRIDGE_KEY,
                "bearer": TOKEN,
                "credentials": {
                    "Cookie": TOKEN,
                    "X-Auth-Token": HIDDEN,
                    "Proxy-Authorization": f"Basic {b64('a:' + HIDDEN)}",
                },
                "message": f"token {TOKEN} expired for {EMAIL}",
                "encoded": [
                    b64(PASSWORD),
                    html.escape(PASSWORD),
                    API_KEY.replace("-", "").upper(),
                    quote_plus(PASSWORD),
                ],
                "basic": "Basic " + b64(f"{BRIDGE_KEY}:{BRIDGE_SECRET}"),
            },
        },
        "curl": f"curl -u admin:{PASSWORD} -H 'Authorization: Bearer {TOKEN}' -H 'X-Access-Token: {HIDDEN}'",
    }


def login_envelope(url: str, body: Any) -> dict[str, Any]:
    return {
        "request": {
            "method": "POST",
            "url": url,
            "headers": {"Content-Type": "application/json", "x-api-key": API_KEY},
            "body": {"Username": EMAIL, "Password": PASSWORD, "PrivateKey": API_KEY, "username": "api.admin"},
        },
        "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": body},
    }


def hostile_har() -> dict[str, Any]:
    login_form = f"username={quote_plus(EMAIL)}&password={quote_plus(PASSWORD)}"
    multipart = f'--b\r\nContent-Disposition: form-data; name="password"\r\n\r\n{PASSWORD}\r\n--b--'
    page = json.dumps({"enrollments": [{**ABSORB_ENROLLMENT, "fullName": NAME}], "totalItems": 1})

    def entry(method: str, url: str, **extra: Any) -> dict[str, Any]:
        request = {
            "method": method,
            "url": url,
            "httpVersion": "HTTP/1.1",
            "headers": [{"name": "Authorization", "value": f"Bearer {TOKEN}"}, {"name": "X-Session", "value": HIDDEN}],
            "cookies": [{"name": "session", "value": HIDDEN}],
            "queryString": [{"name": "token", "value": TOKEN}],
            "headersSize": -1,
            "bodySize": 0,
            **extra.pop("request", {}),
        }
        response = {
            "status": 200,
            "statusText": f"OK {NAME}",
            "httpVersion": "HTTP/1.1",
            "headers": [{"name": "Content-Type", "value": "application/json"}, {"name": "X-Echo", "value": TOKEN}],
            "cookies": [{"name": "session", "value": HIDDEN}],
            "content": {"size": 0, "mimeType": "application/json", "text": "{}"},
            "redirectURL": f"https://rest.myabsorb.com/next?token={TOKEN}",
            "headersSize": -1,
            "bodySize": 0,
            **extra.pop("response", {}),
        }
        return {
            "startedDateTime": "2026-01-01T00:00:00Z",
            "time": 1,
            "request": request,
            "response": response,
            "cache": {},
            "timings": {"send": 0, "wait": 1, "receive": 0},
            "_initiator": {"type": "script", "url": f"https://app.example.com/?t={TOKEN}"},
            "comment": f"captured while logged in as {EMAIL}",
            "_webSocketMessages": [{"type": "send", "data": json.dumps({"token": TOKEN, "user": NAME})}],
            **extra,
        }

    entries = [
        entry(
            "POST",
            "https://gw.example.com/lms/Authenticate/",
            request={"postData": {"mimeType": "application/x-www-form-urlencoded", "text": login_form}},
            response={"content": {"size": 20, "mimeType": "text/plain", "text": FETCHED}},
        ),
        entry(
            "POST",
            "https://rest.myabsorb.com/authenticate",
            request={
                "postData": {
                    "mimeType": "application/x-www-form-urlencoded",
                    "params": [{"name": "username", "value": EMAIL}, {"name": "password", "value": PASSWORD}],
                }
            },
            response={"content": {"size": 20, "mimeType": "application/json", "text": json.dumps(FETCHED)}},
        ),
        entry(
            "POST",
            "https://rest.myabsorb.com/users/upload",
            request={"postData": {"mimeType": "multipart/form-data; boundary=b", "text": multipart}},
        ),
        entry(
            "GET",
            f"https://rest.myabsorb.com/users/{USER}/enrollments?_filter=email eq '{quote(EMAIL)}'",
            response={
                "content": {"size": len(page), "mimeType": "application/json", "text": b64(page), "encoding": "base64"}
            },
        ),
        entry(
            "GET",
            f"https://rest.myabsorb.com/users/{USER}/profile",
            response={
                "content": {
                    "size": 1,
                    "mimeType": "application/json",
                    "text": json.dumps({"email": EMAIL, "name": NAME, "phone": 5551234}),
                }
            },
        ),
    ]
    return {
        "log": {
            "version": "1.2",
            "creator": {"name": "browser", "version": "1"},
            "pages": [{"id": "page_1", "title": f"Enrollments of {NAME}", "startedDateTime": "2026-01-01T00:00:00Z"}],
            "entries": entries,
        }
    }


def hostile_bridge_envelope() -> dict[str, Any]:
    """A Bridge page whose personal fields hold an object and a list, behind Basic key:secret credentials."""
    page = bridge_page(42, name={"given": NAME}, email=[EMAIL])
    page["request"] = {
        "method": "GET",
        "url": f"https://acme.bridgeapp.com/api/author/programs/1/learners?search={quote(NAME)}&limit=2",
        "headers": {"Authorization": "Basic " + b64(f"{BRIDGE_KEY}:{BRIDGE_SECRET}")},
    }
    page["response"]["headers"] = {"content-type": "application/json", "x-rate-limit-remaining": "4"}
    page["response"]["body"]["meta"] = {
        "next": f"https://acme.bridgeapp.com/api/author/programs/1/learners?after={HIDDEN}&search={quote(NAME)}"
    }
    page["response"]["body"]["enrollments"][0]["avatar_url"] = None
    return page


# --- lmskit redact --------------------------------------------------------------------------------------------


def test_redact_leaves_no_canary_in_any_place_or_spelling(tmp_path: Path) -> None:
    captures = tmp_path / "in"
    captures.mkdir()
    files = {
        "absorb.json": hostile_absorb_envelope(),
        "login-gateway.json": login_envelope("https://gw.example.com/lms/Authenticate/", FETCHED),
        "login-case.json": login_envelope("https://rest.myabsorb.com/Authenticate", {"token": FETCHED}),
        "bridge.json": hostile_bridge_envelope(),
        "CAPTURE.HAR": hostile_har(),
    }
    for name, data in files.items():
        (captures / name).write_text(json.dumps(data))
    out = tmp_path / "out"
    result = invoke_lmskit("redact", captures, "--out", out, env=ENVIRONMENT)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(files)  # CAPTURE.HAR is not skipped
    found = leaks([*written(out), result.stdout, result.stderr], SECRETS + PERSONAL)
    assert found == []
    # The redacted copies still say what the originals said about the spec.
    before = lmskit.validate("bridge", "listProgramEnrollments", 200, files["bridge.json"]["response"]["body"])
    redacted = json.loads((out / "bridge.json").read_text())
    after = lmskit.validate("bridge", "listProgramEnrollments", 200, redacted["response"]["body"])
    assert [(i.pointer, i.keyword) for i in after.errors] == [(i.pointer, i.keyword) for i in before.errors]
    checked = invoke_lmskit("validate", out / "bridge.json", "--vendor", "bridge")
    assert "lmskit:" not in checked.stderr or checked.exit_code in (0, 1), checked.stderr


def test_what_the_allowlist_keeps(tmp_path: Path) -> None:
    apis = {vendor: load_api(vendor) for vendor in ("absorb", "bridge")}
    redactor = Redactor(apis, b"canary-salt-0123456789")
    redacted, counts = redactor.envelope(hostile_absorb_envelope())
    request, response = redacted["request"], redacted["response"]
    assert "curl" not in redacted and request["url"].startswith("https://rest.myabsorb.com/users/" + USER)
    assert "limit=2" in request["url"] and "#" not in request["url"] and "@" not in request["url"]
    kept = {item["name"]: item["value"] for item in request["headers"]}
    assert kept["x-api-version"] == "2" and kept["Authorization"] == "[redacted]"
    assert response["headers"]["Content-Type"] == "application/json"
    first = response["body"]["enrollments"][0]
    assert first["id"] == ABSORB_ENROLLMENT["id"] and first["status"] == 1 and first["courseName"] == "Safety Basics"
    assert first["fullName"].startswith("Person ")
    assert response["body"]["totalItems"] == 3 and response["body"]["notes"]["count"] == 0
    assert counts.personal >= 5 and counts.replaced > 10 and counts.secrets > 10


def test_a_secret_named_only_in_the_environment_is_masked_in_every_spelling() -> None:
    apis = {"absorb": load_api("absorb")}
    redactor = Redactor(apis, b"canary-salt-0123456789")
    redactor.remember([PASSWORD, API_KEY])
    text = " ".join(
        [
            quote_plus(PASSWORD),
            quote(PASSWORD).lower(),
            html.escape(PASSWORD),
            b64(PASSWORD),
            API_KEY.upper(),
            API_KEY.replace("-", ""),
            b64("x:" + PASSWORD),
        ]
    )
    assert leaks([redactor.known.scrub(text)], [PASSWORD, API_KEY]) == []


# --- lmskit record against a vendor that echoes what it is sent ----------------------------------------------


class Echoing:
    """An ASGI vendor that wraps a fake: every answer echoes the request's credentials (a token in a header, a
    Location, an error text) and carries canary personal data in undeclared fields."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.credentials: set[str] = set()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = {name.decode().lower(): value.decode() for name, value in scope["headers"]}
        secret = sent.get("authorization", "").partition(" ")[2] or sent.get("x-api-key", "")
        if secret:
            self.credentials.add(secret)
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Any) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            else:
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    body = b"".join(chunks)
                    try:
                        data = json.loads(body) if body else None
                    except ValueError:
                        data = None
                    if isinstance(data, (dict, list)):
                        _plant(data, secret)
                        body = json.dumps(data).encode()
                    headers = [(n, v) for n, v in started["headers"] if n.lower() != b"content-length"]
                    headers += [
                        (b"content-length", str(len(body)).encode()),
                        (b"x-echo-token", secret.encode()),
                        (b"location", f"/sessions/{secret}?user={quote(EMAIL)}".encode()),
                    ]
                    await send({**started, "headers": headers})
                    await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, capture)


def _plant(data: Any, secret: str) -> None:
    """Echoes and canaries in every object: undeclared fields, and a learner's name given as an object where the
    spec declares a string (a violation whose message would quote it)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
            item["echo"] = f"session {secret} of {EMAIL}"
            if "fullName" in item:
                item["fullName"] = {"first": NAME, "email": EMAIL}
        elif isinstance(item, list):
            stack.extend(item)


def test_record_masks_the_token_it_fetched_when_the_vendor_echoes_it(tmp_path: Path) -> None:
    fake = get_fake("absorb")
    app = build_app(fake)
    echoing = Echoing(app)
    environment = {f"LMSKIT_ABSORB_{key}": value for key, value in fake.credentials(app.state.seed).items()}
    environment["LMSKIT_REDACT_SALT"] = ENVIRONMENT["LMSKIT_REDACT_SALT"]
    with FakeServer(echoing, base_path="") as server:
        result = invoke_lmskit(
            "record", "absorb", "--target", server.base_url, "--out", tmp_path, "--budget", "40", env=environment
        )
    assert result.exit_code == 0, result.stderr
    secrets = sorted(echoing.credentials)
    assert len(secrets) >= 2  # the configured key and the token record fetched itself
    files = written(tmp_path)
    assert len(files) >= 5
    assert leaks([*files, result.stdout, result.stderr], [*secrets, *PERSONAL]) == []


# --- lmskit proxy --record --------------------------------------------------------------------------------------


def test_the_proxy_records_and_logs_no_canary(tmp_path: Path) -> None:
    fake = get_fake("absorb")
    upstream = Echoing(build_app(fake))
    api = load_api("absorb")
    redactor = Redactor({"absorb": api}, b"canary-salt-0123456789", default_vendor="absorb")
    log = io.StringIO()
    stderr = io.StringIO()
    proxy = ValidatingProxy(
        api,
        "http://absorb.test",
        log=log,
        stderr=stderr,
        record=recorder(tmp_path / "rec"),
        redactor=redactor,
        transport=httpx.ASGITransport(app=upstream),
    )

    async def calls() -> list[int]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=proxy), base_url="http://proxy") as client:
            seed = fake.credentials(build_app(fake).state.seed)
            login = await client.post(
                "/authenticate",
                json={"username": seed["USERNAME"], "password": seed["PASSWORD"], "privateKey": seed["API_KEY"]},
                headers={"x-api-key": seed["API_KEY"], "x-api-version": "2"},
            )
            token = login.json()
            headers = {"Authorization": f"Bearer {token}", "x-api-key": seed["API_KEY"], "x-api-version": "2"}
            first = await client.get("/myenrollments", headers=headers)
            listed = await client.get(
                "/myenrollments", params={"_filter": f"fullName eq '{NAME}'", "_limit": 2}, headers=headers
            )
            return [login.status_code, first.status_code, listed.status_code]

    statuses = asyncio.run(calls())
    assert statuses[0] == 200  # the read-only proxy lets the login through
    assert upstream.credentials
    recorded = written(tmp_path / "rec")
    assert recorded and "fullName" in stderr.getvalue()  # the planted object is a violation: a line was printed
    found = leaks([*recorded, log.getvalue(), stderr.getvalue()], [*upstream.credentials, *PERSONAL])
    assert found == []


def _proxy_before_a_vendor(target: str) -> tuple[ValidatingProxy, list[str]]:
    """A read-only proxy and the URLs its vendor was asked for (none, when the proxy refuses)."""
    seen: list[str] = []

    def vendor(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json=[])

    proxy = ValidatingProxy(load_api("absorb"), target, stderr=io.StringIO(), transport=httpx.MockTransport(vendor))
    return proxy, seen


@pytest.mark.parametrize(
    ("method", "path", "headers", "expected"),
    [
        ("GET", "/users", {"X-HTTP-Method-Override": "DELETE"}, 403),
        ("GET", "/users?_method=DELETE", {}, 403),
        ("DELETE", "/users/1", {}, 403),
        ("GET", "/%2e%2e/%2e%2e/etc/passwd", {}, 400),
        ("GET", "/users/%0d%0aX-Injected:%201", {}, 400),
        ("GET", "/users/%00", {}, 400),
    ],
)
def test_the_proxy_refuses_what_would_break_its_promises(
    method: str, path: str, headers: dict[str, str], expected: int
) -> None:
    proxy, seen = _proxy_before_a_vendor("http://absorb.test/base")

    async def call() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=proxy), base_url="http://proxy") as client:
            request = client.build_request(method, "http://proxy" + path, headers=headers)
            return await client.send(request)

    answer = asyncio.run(call())
    assert answer.status_code == expected and "lmskit_proxy" in answer.json()
    assert seen == []


async def _asgi(app: Any, scope: dict[str, Any], chunks: list[bytes]) -> tuple[int, bytes]:
    """One raw ASGI request: the body in ``chunks``, then the client goes away."""
    pending = [{"type": "http.request", "body": chunk, "more_body": True} for chunk in chunks]
    pending.append({"type": "http.disconnect"})
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return pending.pop(0) if pending else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def _scope(method: str, path: str, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": headers,
        "http_version": "1.1",
        "scheme": "http",
        "server": ("127.0.0.1", 8080),
        "client": ("127.0.0.1", 5000),
    }


@pytest.mark.parametrize(
    ("method", "path", "headers", "chunks", "expected"),
    [
        ("OPTIONS", "*", [], [], 400),
        ("GET", "/users", [(b"x-h%d" % i, b"v") for i in range(12_000)], [], 431),
        ("GET", "/users", [(b"content-length", b"100")], [b"short"], 400),
    ],
    ids=["options-star", "12000-headers", "short-body"],
)
def test_the_proxy_answers_hostile_requests_itself(
    method: str, path: str, headers: list[tuple[bytes, bytes]], chunks: list[bytes], expected: int
) -> None:
    proxy, seen = _proxy_before_a_vendor("http://absorb.test")
    status, body = asyncio.run(_asgi(proxy, _scope(method, path, headers), chunks))
    assert status == expected and b"lmskit_proxy" in body and seen == []


def test_the_proxy_stops_reading_an_endless_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    import lmskit.proxy.app as proxy_app

    monkeypatch.setattr(proxy_app, "MAX_ANSWER", 1024 * 1024)

    async def endless() -> AsyncIterator[bytes]:
        while True:
            yield b"x" * 65536

    def vendor(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())

    stderr = io.StringIO()
    proxy = ValidatingProxy(
        load_api("absorb"), "http://absorb.test", stderr=stderr, transport=httpx.MockTransport(vendor)
    )
    status, body = asyncio.run(_asgi(proxy, _scope("GET", "/myenrollments", []), []))
    assert status == 502 and b"larger than 1 MiB" in body and "larger than" in stderr.getvalue()

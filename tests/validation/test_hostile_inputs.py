"""`lmskit validate` against hostile and careless inputs: every one gets exit 2 and one line on stderr that names
where the problem is — never a traceback, a hang or a silent pass."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmskit.errors import InputError
from lmskit.validation.sources import envelope_exchange, har_exchange
from tests.conftest import REPO, run_lmskit

URL = "https://api.digitalchalk.com/dc/api/v5/registrations"
ENVELOPE_START = f'{{"request": {{"method": "GET", "url": "{URL}"}}, '


def envelope(request: object = None, response: object = None) -> dict:
    return {
        "request": {"method": "GET", "url": URL} if request is None else request,
        "response": {"status": 200, "headers": {}, "body": {"results": []}} if response is None else response,
    }


def har_of(entry: object) -> dict:
    return {"log": {"version": "1.2", "entries": [entry]}}


def har_entry(**response: object) -> dict:
    base = {"status": 200, "headers": [], "content": {"mimeType": "application/json", "text": "{}"}}
    return {"request": {"method": "GET", "url": URL, "headers": []}, "response": {**base, **response}}


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


CASES = {
    "json nested 10,000 deep": ("deep.json", deep(10_000), "nested deeper than 200 levels"),
    "json nested 100,000 deep": ("deep.json", deep(100_000), "nested deeper than 200 levels"),
    "envelope body nested deep": (
        "e.json",
        f'{{"request": {{"method": "GET", "url": "{URL}"}}, "response": {{"status": 200, "body": {deep(5000)}}}}}',
        "nested deeper",
    ),
    "har entry nested deep": ("c.har", f'{{"log": {{"entries": [{deep(5000)}]}}}}', "nested deeper"),
    "har content.text nested deep": (
        "c.har",
        json.dumps(har_of(har_entry(content={"text": deep(5000)}))),
        "/response/content/text: nested deeper",
    ),
    "har base64 that is not": (
        "c.har",
        json.dumps(har_of(har_entry(content={"text": "***", "encoding": "base64"}))),
        "is marked base64 but is not valid base64",
    ),
    "envelope url with a broken IPv6 host": (
        "e.json",
        json.dumps(envelope(request={"method": "GET", "url": "http://[::1/users/x"})),
        "/request/url is not a URL",
    ),
    "envelope url that is a number": (
        "e.json",
        json.dumps(envelope(request={"method": "GET", "url": 5})),
        "/request/url must be a URL string, not a number",
    ),
    "envelope url without a scheme": (
        "e.json",
        json.dumps(envelope(request={"method": "GET", "url": "api.digitalchalk.com/x"})),
        "/request/url must be an absolute http(s) URL",
    ),
    "envelope request that is a string": (
        "e.json",
        json.dumps(envelope(request="GET /")),
        "/request must be an object",
    ),
    "envelope request that is a list": ("e.json", json.dumps(envelope(request=[])), "/request must be an object"),
    "envelope headers that are a list": (
        "e.json",
        json.dumps(envelope(response={"status": 200, "headers": [["a", "b"]], "body": {}})),
        "/response/headers must be an object {name: value} or a list of {name, value} objects; an item is a list",
    ),
    "envelope status true": (
        "e.json",
        json.dumps(envelope(response={"status": True, "body": {}})),
        "/response/status must be an HTTP status",
    ),
    "envelope NaN": (
        "e.json",
        ENVELOPE_START + '"response": {"status": 200, "body": {"grade": NaN}}}',
        "NaN is not JSON",
    ),
    "envelope duplicate key": (
        "e.json",
        ENVELOPE_START + '"response": {"status": 200, "status": 500}}',
        "the key 'status' appears twice",
    ),
    "har headers as strings": (
        "c.har",
        json.dumps(har_of(har_entry(headers=["Content-Type: application/json"]))),
        "/response/headers must be an object {name: value} or a list of {name, value} objects; an item is a string",
    ),
    "har content as a string": (
        "c.har",
        json.dumps(har_of(har_entry(content="{}"))),
        "/response/content must be an object, not a string",
    ),
    "har request as a list": (
        "c.har",
        json.dumps(har_of({"request": [], "response": {"status": 200}})),
        "not a HAR entry",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_hostile_input_is_one_line_naming_where_and_exit_2(case: str, tmp_path: Path) -> None:
    name, text, message = CASES[case]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run_lmskit("validate", path, timeout=60)
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert str(path) in lines[0] and message in lines[0], lines[0]


def test_an_envelope_whose_body_mentions_log_and_entries_is_still_an_envelope(tmp_path: Path) -> None:
    body = {"results": [{"id": "x", "title": 'a "log" with "entries"', "status": "active"}]}
    path = tmp_path / "e.json"
    path.write_text(json.dumps(envelope(response={"status": 200, "body": body})), encoding="utf-8")
    result = run_lmskit("validate", path)
    assert "HAR" not in result.stderr and "entries" not in result.stderr
    assert result.exit_code in (0, 1), result.stderr  # validated (valid or not), not refused as a broken HAR
    assert "GET /registrations" in result.stdout


def test_a_fifo_named_directly_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "capture.json"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [sys.executable, "-m", "lmskit", "validate", str(fifo)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    fifo.write_text(json.dumps(envelope()), encoding="utf-8")
    _, stderr = process.communicate(timeout=60)
    assert "no such file" not in stderr.decode()
    assert process.returncode == 0, stderr.decode()


def test_validate_with_stdin_closed_says_so() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lmskit", "validate", "-"],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    closed = subprocess.run(
        f"{sys.executable} -m lmskit validate - <&-",
        shell=True,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert closed.returncode == 2 and "Traceback" not in closed.stderr
    assert "<stdin>" in closed.stderr
    assert result.returncode == 2 and "Traceback" not in result.stderr


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)
FIELDS = st.sampled_from(["request", "response", "status", "headers", "content", "text", "url", "method", "body"])


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.dictionaries(
        FIELDS, JSON | st.dictionaries(FIELDS, JSON | st.dictionaries(FIELDS, JSON, max_size=4), max_size=5)
    )
)
def test_any_json_value_in_an_envelope_or_har_entry_is_an_exchange_or_one_input_error(value: dict) -> None:
    for reader in (envelope_exchange, har_exchange):
        try:
            if reader is envelope_exchange and not isinstance(value.get("response"), dict):
                value = {**value, "response": value.get("response") or {}}
            reader(value, "x.json")
        except InputError as error:
            assert "\n" not in str(error)


def _registration(status: str = "active") -> dict:
    return {"id": "r", "userId": "u", "offeringId": "o", "status": status, "createdDate": "2020-01-01T00:00:00Z"}


def test_a_violation_deep_in_a_long_list_is_named_at_its_own_index() -> None:
    import lmskit

    rows = [_registration() for _ in range(2000)]
    rows[1234] = _registration("gone")
    result = lmskit.validate("digitalchalk", "listRegistrations", 200, {"results": rows})
    assert [(issue.pointer, issue.keyword) for issue in result.errors] == [("/results/1234/status", "enum")]


def test_a_body_broken_everywhere_stops_at_the_findings_limit() -> None:
    import lmskit
    from lmskit.settings import current

    limit = current().max_findings

    rows = [{"id": 5, "status": "bogus"} for _ in range(50_000)]
    result = lmskit.validate("digitalchalk", "listRegistrations", 200, {"results": rows})
    assert len(result.errors) == limit + 1
    assert result.errors[-1].kind == "limit" and "LMSKIT_MAX_FINDINGS" in result.errors[-1].message
    assert result.errors[0].pointer.startswith("/results/0")
    assert {issue.pointer.split("/")[2] for issue in result.errors[:-1]} <= {str(n) for n in range(1000)}


@pytest.mark.parametrize("depth", [201, 200_000])
def test_a_har_entry_nested_past_the_limit_is_one_line_in_linear_memory(tmp_path: Path, depth: int) -> None:
    # ijson.items gives each nested value a prefix as long as its path: 200,000 levels took gigabytes before
    # the HAR reader counted depth itself.
    har = tmp_path / "deep.har"
    entry = '{"request": {"method": "GET", "url": "http://x/"}, "response": {"status": 200, "x": %s}}'
    har.write_text('{"log": {"entries": [' + entry % ("[" * depth + "]" * depth) + "]}}", encoding="utf-8")
    result = run_lmskit("validate", har)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"lmskit: {har}: an entry is nested deeper than 200 levels; LMSKIT_MAX_DEPTH raises the limit"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"log": {"entries": {}}}', '"log.entries" is not a list; is this a HAR 1.2 file?'),
        ('{"log": {"entries": 3}}', '"log.entries" is not a list; is this a HAR 1.2 file?'),
        ('{"log": {"title": "entries", "pages": []}}', 'no "log.entries" list; is this a HAR 1.2 file (log.entries)?'),
        ('{"entries": [], "log": {}}', 'no "log.entries" list; is this a HAR 1.2 file (log.entries)?'),
    ],
)
def test_a_har_without_an_entries_list_says_so(tmp_path: Path, text: str, message: str) -> None:
    har = tmp_path / "odd.har"
    har.write_text(text, encoding="utf-8")
    result = run_lmskit("validate", har)
    assert (result.exit_code, result.stderr.strip()) == (2, f"lmskit: {har}: {message}")


CANARY = "canary-7f3a9c-SECRET"


@pytest.mark.parametrize(
    "text",
    [
        # a syntax error just after a token: yajl's message quotes the text around the error
        '{"log": {"entries": [{"request": {"method": "GET", "url": "http://x/", "headers": [{"name": "Authorization",'
        f' "value": "Bearer {CANARY}" "comment": 1}}]}}}}]}}}}',
        # a control character inside the token itself
        '{"log": {"entries": [{"request": {"method": "GET", "url": "http://x/", "headers": [{"name": "Authorization",'
        f' "value": "Bearer {CANARY}\x01"}}]}}}}]}}}}',
        # cut off inside a learner's e-mail
        f'{{"log": {{"entries": [{{"request": {{"method": "GET", "url": "http://x/?email={CANARY}@example.com',
    ],
    ids=["syntax", "control-character", "truncated"],
)
def test_a_malformed_har_never_quotes_its_text_in_the_error(tmp_path: Path, text: str) -> None:
    har = tmp_path / "broken.har"
    har.write_text(text, encoding="utf-8")
    for output in ("text", "json"):
        result = run_lmskit("validate", "--format", output, har)
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
        assert CANARY not in result.stdout + result.stderr, result.stderr

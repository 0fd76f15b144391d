"""Files → exchanges: exchange envelopes, HAR 1.2 captures (streamed), bare JSON bodies, folders, stdin.

Every unreadable input raises InputError naming the file and, for bad JSON, the line and column.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from lmskit import bounded, inputs
from lmskit.errors import InputError
from lmskit.settings import current
from lmskit.validation.exchange import Exchange
from lmskit.validation.har_stream import HarShapeError, iter_entries


@dataclass(frozen=True, slots=True)
class BareTarget:
    """What a bare JSON body is a response of, from --vendor/--operation/--status."""

    vendor: str | None
    operation: str | None
    status: int = 200


EXPECTATION_SUFFIX = ".expected.json"


def iter_inputs(inputs: list[str]) -> Iterator[Path | None]:
    """Files to read (folders expanded, recursively); ``None`` for stdin. Expectation sidecars are not inputs."""
    for name in inputs:
        if name == "-":
            yield None
            continue
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix in (".json", ".har") and not p.name.endswith(EXPECTATION_SUFFIX)
            )
        elif path.exists():  # a file, or a FIFO / process substitution named directly
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")


def exchanges_of(item: Path | None, bare: BareTarget) -> Iterator[Exchange]:
    if item is None:
        if sys.stdin is None or sys.stdin.closed:
            raise InputError("<stdin>: standard input is closed; pipe a capture in, or name the file")
        try:
            text = sys.stdin.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"<stdin>: cannot read it ({exc.__class__.__name__}); pipe UTF-8 JSON") from None
        yield from _from_text(text, "<stdin>", bare)
    else:
        yield from _from_file(item, bare)


def iter_exchanges(inputs: list[str], bare: BareTarget) -> Iterator[Exchange]:
    for item in iter_inputs(inputs):
        yield from exchanges_of(item, bare)


def _from_file(path: Path, bare: BareTarget) -> Iterator[Exchange]:
    if path.suffix == ".har":
        yield from iter_har(path)
        return
    try:
        text = inputs.read_text(path, "a capture (an envelope, a HAR file or a body)", pipes=True)
    except inputs.UnreadableInput as exc:
        raise InputError(f"{path}: {exc}") from None
    if _HAR_START.match(text):
        yield from iter_har(path)
        return
    yield from _from_text(text, str(path), bare)


# A HAR's top-level object opens with its "log" key; an envelope whose body mentions "log" does not.
_HAR_START = re.compile(r'^\ufeff?\s*\{\s*"log"\s*:')


def _from_text(text: str, source: str, bare: BareTarget) -> Iterator[Exchange]:
    data = parse_json(text, source)
    if isinstance(data, dict) and isinstance(data.get("log"), dict):
        for index, entry in enumerate(data["log"].get("entries") or []):
            yield har_exchange(entry, f"{source} entry {index}")
    elif isinstance(data, dict) and isinstance(data.get("response"), dict):
        yield envelope_exchange(data, source)
    else:
        if not bare.vendor or not bare.operation:
            raise InputError(
                f"{source}: a bare JSON body; pass --vendor and --operation (and --status if not 200), "
                'or wrap it as {"request": {"method", "url"}, "response": {"status", "headers", "body"}}'
            )
        yield Exchange(
            source,
            bare.status,
            data,
            True,
            {"content-type": "application/json"},
            vendor=bare.vendor,
            operation=bare.operation,
        )


def parse_json(text: str, source: str) -> Any:
    try:
        return bounded.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}); fix the file or re-export it"
        ) from None
    except bounded.LimitError as exc:
        raise InputError(f"{source}: {exc}") from None


def _object(value: Any, source: str, pointer: str, required: bool = False) -> dict[str, Any]:
    """The value at ``pointer`` as an object ({} when absent and optional), or one line saying what it is."""
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise InputError(f"{source}: {pointer} must be an object, not {_kind(value)}")
    return value


def _headers(value: Any, source: str, pointer: str) -> dict[str, str]:
    """Headers as an object ``{name: value}`` or, as HAR writes them, a list of ``{name, value}`` objects."""
    wanted = f"{source}: {pointer} must be an object {{name: value}} or a list of {{name, value}} objects"
    if isinstance(value, list):
        if not all(isinstance(item, dict) and isinstance(item.get("name"), str) for item in value):
            odd = next(item for item in value if not (isinstance(item, dict) and isinstance(item.get("name"), str)))
            raise InputError(
                f"{wanted}; an item is {_kind(odd)}" + (" without a name" if isinstance(odd, dict) else "")
            )
        return {item["name"].lower(): str(item.get("value", "")) for item in value}
    if value is not None and not isinstance(value, dict):
        raise InputError(f"{wanted}, not {_kind(value)}")
    return {str(k).lower(): str(v) for k, v in (value or {}).items()}


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _status(value: Any, source: str, pointer: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 100 <= value <= 599:
        raise InputError(f"{source}: {pointer} must be an HTTP status (an integer 100 to 599), not {value!r:.40}")
    return value


def _url(value: Any, source: str, pointer: str) -> str | None:
    """An absolute http(s) URL, checked here so a malformed one is one line, not a crash in routing."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{source}: {pointer} must be a URL string, not {_kind(value)}")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError as exc:
        raise InputError(f"{source}: {pointer} is not a URL ({exc}): {value[:80]!r}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{source}: {pointer} must be an absolute http(s) URL (https://host/path), not {value[:80]!r}")
    return value


def envelope_exchange(data: dict[str, Any], source: str) -> Exchange:
    """``{"request": {"method", "url"}, "response": {"status", "headers", "body"}}`` → Exchange."""
    request = _object(data.get("request"), source, "/request")
    response = _object(data["response"], source, "/response", required=True)
    status = _status(response.get("status"), source, "/response/status")
    headers = _headers(response.get("headers"), source, "/response/headers")
    has_body = "body" in response
    if has_body and "content-type" not in headers:
        headers["content-type"] = "application/json"
    method = request.get("method")
    if method is not None and not isinstance(method, str):
        raise InputError(f'{source}: /request/method must be a string such as "GET", not {_kind(method)}')
    url = _url(request.get("url"), source, "/request/url")
    # An envelope `lmskit record` wrote says which vendor it was recorded from (its host may be a fake's).
    recorded = data.get("lmskit")
    vendor = recorded.get("vendor") if isinstance(recorded, dict) and isinstance(recorded.get("vendor"), str) else None
    method_name = method.upper() if method else None
    return Exchange(source, status, response.get("body"), has_body, headers, method_name, url, vendor=vendor)


def har_exchange(entry: Any, source: str) -> Exchange:
    if not isinstance(entry, dict) or not all(isinstance(entry.get(key), dict) for key in ("request", "response")):
        raise InputError(f"{source}: not a HAR entry (it needs request.method, request.url and response.status)")
    request = entry["request"]
    response = _object(entry.get("response"), source, "/response", required=True)
    status = _status(response.get("status"), source, "/response/status")
    headers = _headers(response.get("headers") or [], source, "/response/headers")
    content = _object(response.get("content"), source, "/response/content")
    text = content.get("text")
    if not isinstance(text, str):
        text = None
    if content.get("encoding") == "base64" and text is not None:
        try:
            text = base64.b64decode(text, validate=True).decode("utf-8", errors="replace")
        except (binascii.Error, ValueError):
            raise InputError(f"{source}: /response/content/text is marked base64 but is not valid base64") from None
    if content.get("mimeType") and "content-type" not in headers:
        headers["content-type"] = str(content["mimeType"])
    has_body = bool(text)
    body: Any = None
    if text:
        try:
            body = bounded.loads(text)
        except (json.JSONDecodeError, bounded.LimitError) as exc:
            if isinstance(exc, bounded.LimitError) and not str(exc).startswith(("NaN", "Infinity", "-Infinity")):
                raise InputError(f"{source}: /response/content/text: {exc}") from None
            body = text  # not JSON: the content-type and schema checks report it
    method = request.get("method", "")
    url = _url(request.get("url"), source, "/request/url")
    return Exchange(source, status, body, has_body, headers, str(method).upper(), url)


def iter_har(path: Path) -> Iterator[Exchange]:
    """HAR entries one at a time, streamed by ijson: a 100 MB capture never sits in memory whole."""
    try:
        inputs.check_readable(path, "a HAR file", pipes=True)
    except inputs.UnreadableInput as exc:
        raise InputError(f"{path}: {exc}") from None
    try:
        with path.open("rb") as handle:
            for index, entry in enumerate(_stream_entries(handle, str(path))):
                if not isinstance(entry, dict):
                    raise InputError(f"{path} entry {index}: not a HAR entry object")
                yield har_exchange(entry, f"{path} entry {index}")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.__class__.__name__})") from None


def _stream_entries(handle: IO[bytes], source: str) -> Iterator[Any]:
    """The items of ``log.entries``, one at a time, from an incremental JSON parser (ijson): a page title that
    says "entries" is just text, no entry is decoded twice, and nesting stops at the depth limit."""
    import ijson

    try:
        yield from iter_entries(ijson.basic_parse(handle, use_float=True), current().max_depth)
    except HarShapeError as exc:
        limit = "; LMSKIT_MAX_DEPTH raises the limit" if "deeper" in str(exc) else ""
        raise InputError(f"{source}: {exc}{limit}") from None
    except ijson.IncompleteJSONError as exc:
        if "premature EOF" in str(exc):
            raise InputError(
                f"{source}: the file ends inside the entries list (truncated); re-export the HAR"
            ) from None
        raise InputError(
            f"{source}: not valid JSON in the entries list ({_parser_says(exc)}); re-export the HAR"
        ) from None
    except ijson.JSONError as exc:
        raise InputError(f"{source}: not valid JSON ({_parser_says(exc)}); re-export the HAR") from None
    except UnicodeDecodeError:
        raise InputError(f"{source}: not UTF-8 text; re-export the HAR") from None


def _parser_says(exc: Exception) -> str:
    """The parser's verdict without the text it quotes: yajl's message shows the input around the error, and a
    HAR's text around any point may be a bearer token or a learner's e-mail."""
    lines = str(exc).strip().splitlines()
    return " ".join(lines[0].split())[:160] if lines else type(exc).__name__

"""Files → exchanges: exchange envelopes, HAR 1.2 captures (streamed), bare JSON bodies, folders, stdin.

Every unreadable input raises InputError naming the file and, for bad JSON, the line and column.
"""

from __future__ import annotations

import base64
import codecs
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from lmskit.errors import InputError
from lmskit.validation.exchange import Exchange

_CHUNK = 1 << 20


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
        elif path.is_file():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")


def exchanges_of(item: Path | None, bare: BareTarget) -> Iterator[Exchange]:
    if item is None:
        yield from _from_text(sys.stdin.read(), "<stdin>", bare)
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
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{path}: cannot read the file ({exc.__class__.__name__}); check its permissions and encoding"
        ) from None
    if text.lstrip().startswith("{") and '"log"' in text[:4096] and '"entries"' in text:
        yield from iter_har(path)
        return
    yield from _from_text(text, str(path), bare)


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
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}); fix the file or re-export it"
        ) from None


def envelope_exchange(data: dict[str, Any], source: str) -> Exchange:
    """``{"request": {"method", "url"}, "response": {"status", "headers", "body"}}`` → Exchange."""
    request = data.get("request") or {}
    response = data["response"]
    status = response.get("status")
    if not isinstance(status, int):
        raise InputError(f"{source}: /response/status must be an integer HTTP status, not {status!r}")
    headers = {str(k).lower(): str(v) for k, v in (response.get("headers") or {}).items()}
    has_body = "body" in response
    if has_body and "content-type" not in headers:
        headers["content-type"] = "application/json"
    method = request.get("method")
    url = request.get("url")
    return Exchange(
        source, status, response.get("body"), has_body, headers, str(method).upper() if method else None, url
    )


def har_exchange(entry: dict[str, Any], source: str) -> Exchange:
    try:
        request, response = entry["request"], entry["response"]
        status = int(response["status"])
    except (KeyError, TypeError, ValueError):
        raise InputError(
            f"{source}: not a HAR entry (it needs request.method, request.url and response.status)"
        ) from None
    headers = {str(h.get("name", "")).lower(): str(h.get("value", "")) for h in response.get("headers") or []}
    content = response.get("content") or {}
    text = content.get("text")
    if not isinstance(text, str):
        text = None
    if content.get("encoding") == "base64" and text is not None:
        text = base64.b64decode(text).decode("utf-8", errors="replace")
    if content.get("mimeType") and "content-type" not in headers:
        headers["content-type"] = str(content["mimeType"])
    has_body = bool(text)
    body: Any = None
    if text:
        try:
            body = json.loads(text)
        except json.JSONDecodeError:
            body = text  # not JSON: the content-type and schema checks report it
    return Exchange(source, status, body, has_body, headers, str(request.get("method", "")).upper(), request.get("url"))


def iter_har(path: Path) -> Iterator[Exchange]:
    """HAR entries one at a time, reading the file in 1 MiB chunks: a 100 MB capture never sits in memory whole."""
    try:
        with path.open("rb") as handle:
            for index, entry in enumerate(_stream_entries(handle, str(path))):
                if not isinstance(entry, dict):
                    raise InputError(f"{path} entry {index}: not a HAR entry object")
                yield har_exchange(entry, f"{path} entry {index}")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.__class__.__name__})") from None


def _stream_entries(handle: IO[bytes], source: str) -> Iterator[Any]:
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    json_decoder = json.JSONDecoder()
    buffer = ""
    position = 0
    eof = False
    lines_before = 0  # newlines in text already dropped from the buffer, for error positions

    def more() -> bool:
        nonlocal buffer, position, eof, lines_before
        if eof:
            return False
        chunk = handle.read(_CHUNK)
        if not chunk:
            eof = True
            buffer += decoder.decode(b"", final=True)
            return False
        if position > len(buffer) // 2:
            lines_before += buffer.count("\n", 0, position)
            buffer, position = buffer[position:], 0
        try:
            buffer += decoder.decode(chunk)
        except UnicodeDecodeError:
            raise InputError(f"{source}: not UTF-8 text; re-export the HAR") from None
        return True

    marker = '"entries"'
    while (found := buffer.find(marker)) < 0:
        if not more():
            raise InputError(f'{source}: no "entries" list; is this a HAR 1.2 file (log.entries)?')
    position = found + len(marker)
    while (bracket := buffer.find("[", position)) < 0:
        if not more():
            raise InputError(f'{source}: "entries" is not followed by a list; is this a HAR 1.2 file?')
    if buffer[position:bracket].strip() != ":":
        raise InputError(f'{source}: "entries" is not followed by a list; is this a HAR 1.2 file?')
    position = bracket + 1
    while True:
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n,":
                position += 1
            if position < len(buffer) or not more():
                break
        if position >= len(buffer):
            raise InputError(f"{source}: the entries list is not closed; the file is truncated")
        if buffer[position] == "]":
            return
        while True:
            try:
                entry, end = json_decoder.raw_decode(buffer, position)
                break
            except json.JSONDecodeError as exc:
                if more():
                    continue
                line = lines_before + buffer.count("\n", 0, exc.pos) + 1
                raise InputError(f"{source}:{line}: not valid JSON in the entries list ({exc.msg})") from None
        yield entry
        position = end

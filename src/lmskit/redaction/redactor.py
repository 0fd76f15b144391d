"""Captures a team can commit: every value judged by the allowlist, the kit's own credentials masked everywhere.

A redacted capture is rebuilt, not patched: only the fields an envelope or a HAR log defines are copied, and each
value in them is kept only where ``lmskit.redaction.allowlist`` allows it:

- **URLs**: scheme, host and port kept; user info and fragment dropped; a path segment kept when it is a literal
  of the spec's paths or base paths, or the value of a path parameter whose schema is safe; a query value kept
  when it is a declared parameter of the operation with a safe schema. Everything else is ``redacted``.
- **Headers**: the names kept; a value kept only for ``SAFE_HEADERS`` and the headers the operation declares
  with a safe schema. Every other request header's value is also learnt as a secret, so an echo of it (a token
  in a ``Location``, an error text) is masked wherever it appears.
- **Bodies**: walked with the schema of the operation and status (``lmskit.spec.walk``); declared personal
  fields (``x-lmskit-personal``, objects and lists included) get keyed pseudonyms of their format, safe values
  stay, every other string becomes a typed placeholder and every undeclared number 0. A token operation's request
  and answer keep their keys only. Text that is not JSON is parsed as a form when it is one, else replaced whole.

Last, every known secret (``KnownSecrets``: configured, fetched, seen) is masked in every spelling, in keys too.
The redacted capture validates against the spec as the original did.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from lmskit import bounded
from lmskit.redaction import allowlist
from lmskit.redaction.allowlist import PERSONAL_KINDS, SAFE_HEADERS
from lmskit.redaction.secrets import MASK, KnownSecrets
from lmskit.spec.api import Api
from lmskit.spec.operations import Operation
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve
from lmskit.spec.walk import iter_described
from lmskit.validation.routing import ExchangeRouter, Routed

# (vendor, operation) of an exchange, or None when no spec describes it.
Route = tuple[str, Operation] | None
REDACTED = "redacted"
# Request headers about the connection, not the caller: masked like any header off the allowlist, but not
# learnt as secrets (a host name learnt as one would mask every URL).
_CONNECTION_HEADERS = frozenset(
    {"host", ":authority", ":scheme", ":method", "connection", "keep-alive", "te", "transfer-encoding", "upgrade"}
)

__all__ = ["MASK", "PERSONAL_KINDS", "Pseudonyms", "RedactionCounts", "Redactor"]


@dataclass
class RedactionCounts:
    secrets: int = 0  # credential values masked (headers, token bodies, known secrets in text)
    personal: int = 0  # declared personal values pseudonymised
    replaced: int = 0  # values the spec does not call safe, replaced by placeholders
    exchanges: int = 0
    unrouted: int = 0  # exchanges no spec describes: every value in them replaced

    def add(self, other: RedactionCounts) -> None:
        self.secrets += other.secrets
        self.personal += other.personal
        self.replaced += other.replaced
        self.exchanges += other.exchanges
        self.unrouted += other.unrouted


class Pseudonyms:
    """Deterministic, format-keeping replacements: ``("email", "ada@example.com")`` → ``person-…@example.invalid``."""

    def __init__(self, salt: bytes) -> None:
        self._salt = salt

    def __repr__(self) -> str:
        return "Pseudonyms(<salt>)"

    def digest(self, kind: str, value: str) -> bytes:
        return hmac.new(self._salt, f"{kind}\0{value}".encode(), hashlib.sha256).digest()

    def replace(self, kind: str, value: Any) -> Any:
        if not isinstance(value, str) or not value:
            return value
        digest = self.digest(kind, value)
        text = digest.hex()
        if kind == "email":
            return f"person-{text[:12]}@example.invalid"
        if kind == "name":
            return f"Person {text[:8]}"
        if kind == "url":
            return f"https://example.invalid/p/{text[:16]}" if "://" in value else f"/redacted/{text[:16]}"
        if kind == "uuid":
            return str(uuid.UUID(bytes=digest[:16], version=4))
        return f"redacted {text[:12]}"


@dataclass
class Redactor:
    apis: Mapping[str, Api]
    salt: bytes = field(repr=False)
    known: KnownSecrets = field(default_factory=KnownSecrets, repr=False)
    default_vendor: str | None = None

    def __post_init__(self) -> None:
        self.pseudonyms = Pseudonyms(self.salt)
        self.router = ExchangeRouter(self.apis, self.default_vendor)
        self.token_operations = {
            (vendor, scheme.token.operation_id)
            for vendor, api in self.apis.items()
            for scheme in api.security.schemes.values()
            if scheme.token is not None
        }
        # Path segments that are the spec's words, not values: kept in any URL.
        self.vocabulary = {
            segment
            for api in self.apis.values()
            for path in [*(op.path for op in api.operations.values()), *api.base_paths]
            for segment in path.split("/")
            if segment and not segment.startswith("{")
        }
        # Headers that carry the specs' credentials: never kept, whatever else says they are safe.
        self.credential_headers = {name.lower() for api in self.apis.values() for name in _credential_header_names(api)}

    def remember(self, values: Iterable[str]) -> None:
        """Credential values to mask wherever they appear (configured ones, canaries), pairs as Basic too."""
        self.known.add_credentials(list(values))

    # --- whole captures -----------------------------------------------------------------------------------

    def envelope(self, data: dict[str, Any]) -> tuple[dict[str, Any], RedactionCounts]:
        """A redacted copy of ``{lmskit?, request: {method, url, headers?, body?}, response: {status, headers?,
        body?}}``; other keys are left out."""
        counts = RedactionCounts(exchanges=1)
        request, response = _mapping(data.get("request")), _mapping(data.get("response"))
        method = str(request.get("method") or "GET").upper()
        url = str(request["url"]) if isinstance(request.get("url"), str) else ""
        meta = _mapping(data.get("lmskit"))
        claimed = meta.get("vendor") if isinstance(meta.get("vendor"), str) else None
        routed = self._route(method, url, counts, claimed)
        self._learn(request.get("headers"))
        out_request: dict[str, Any] = {"method": self._method(method)}
        if url:
            out_request["url"] = self._url(url, routed, counts)
        if "headers" in request:
            out_request["headers"] = self._headers(request["headers"], routed, None, counts)
        if "body" in request:
            out_request["body"] = self._body(request["body"], routed, None, counts, _content_type(request))
        out_response: dict[str, Any] = {}
        if "status" in response:
            out_response["status"] = response["status"] if isinstance(response["status"], int) else 0
        status = out_response.get("status", 0)
        if "headers" in response:
            out_response["headers"] = self._headers(response["headers"], routed, status, counts)
        if "body" in response:
            out_response["body"] = self._body(response["body"], routed, status, counts, _content_type(response))
        out: dict[str, Any] = {}
        if meta:
            out["lmskit"] = self._metadata(meta, counts)
        out["request"], out["response"] = out_request, out_response
        return self._final(out, counts), counts

    def har(self, data: dict[str, Any]) -> tuple[dict[str, Any], RedactionCounts]:
        """A redacted copy of a HAR 1.2 log: the fields HAR defines for each entry, pages and extras left out."""
        counts = RedactionCounts()
        log = _mapping(data.get("log"))
        entries = []
        for entry in log.get("entries") or []:
            if isinstance(entry, dict):
                counts.exchanges += 1
                entries.append(self._har_entry(entry, counts))
        creator = _mapping(log.get("creator"))
        out_log: dict[str, Any] = {
            "version": str(log.get("version") or "1.2"),
            "creator": {
                "name": self._word(creator.get("name"), "unknown"),
                "version": self._word(creator.get("version"), ""),
            },
            "entries": entries,
        }
        return self._final({"log": out_log}, counts), counts

    # --- HAR ------------------------------------------------------------------------------------------------

    def _har_entry(self, entry: dict[str, Any], counts: RedactionCounts) -> dict[str, Any]:
        request, response = _mapping(entry.get("request")), _mapping(entry.get("response"))
        method = str(request.get("method") or "GET").upper()
        url = str(request["url"]) if isinstance(request.get("url"), str) else ""
        routed = self._route(method, url, counts, None)
        self._learn(request.get("headers"))
        out_request: dict[str, Any] = {
            "method": self._method(method),
            "url": self._url(url, routed, counts) if url else "",
            "httpVersion": self._word(request.get("httpVersion"), "HTTP/1.1"),
            "cookies": [],
            "headers": self._headers(request.get("headers") or [], routed, None, counts, as_list=True),
            "queryString": [],
            "headersSize": -1,
            "bodySize": _number(request.get("bodySize"), -1),
        }
        out_request["queryString"] = [
            {"name": name, "value": value} for name, value in parse_qsl(urlsplit(out_request["url"]).query, True)
        ]
        counts.secrets += len(request.get("cookies") or []) if isinstance(request.get("cookies"), list) else 0
        posted = _mapping(request.get("postData"))
        if posted:
            mime = str(posted.get("mimeType") or "")
            out_posted: dict[str, Any] = {"mimeType": self._word(mime, "")}
            if isinstance(posted.get("text"), str):
                out_posted["text"] = self._text(posted["text"], routed, None, counts, mime)
            if isinstance(posted.get("params"), list):
                out_posted["params"] = self._form_params(posted["params"], routed, counts)
            out_request["postData"] = out_posted
        status = int(response["status"]) if isinstance(response.get("status"), int) else 0
        content = _mapping(response.get("content"))
        out_content: dict[str, Any] = {
            "size": _number(content.get("size"), 0),
            "mimeType": self._word(content.get("mimeType"), ""),
        }
        text = content.get("text")
        if isinstance(text, str):
            if content.get("encoding") == "base64":
                try:
                    text = base64.b64decode(text, validate=True).decode("utf-8")
                except (binascii.Error, ValueError):
                    text = None
                    counts.replaced += 1
                    out_content["text"] = REDACTED
            if text is not None:
                out_content["text"] = self._text(text, routed, status, counts, str(content.get("mimeType") or ""))
        counts.secrets += len(response.get("cookies") or []) if isinstance(response.get("cookies"), list) else 0
        redirect = response.get("redirectURL")
        out_response = {
            "status": status,
            "statusText": _reason(status),
            "httpVersion": self._word(response.get("httpVersion"), "HTTP/1.1"),
            "cookies": [],
            "headers": self._headers(response.get("headers") or [], routed, status, counts, as_list=True),
            "content": out_content,
            "redirectURL": self._url(redirect, None, counts) if isinstance(redirect, str) and redirect else "",
            "headersSize": -1,
            "bodySize": _number(response.get("bodySize"), -1),
        }
        timings = _mapping(entry.get("timings"))
        return {
            "startedDateTime": self._safe_text(
                entry.get("startedDateTime"), [{"format": "date-time"}], "1970-01-01T00:00:00Z"
            ),
            "time": _number(entry.get("time"), 0),
            "request": out_request,
            "response": out_response,
            "cache": {},
            "timings": {key: _number(timings.get(key), -1) for key in ("send", "wait", "receive")},
        }

    # --- parts --------------------------------------------------------------------------------------------

    def _route(self, method: str, url: str, counts: RedactionCounts, vendor: str | None) -> Route:
        found = None
        if url:
            try:
                found = self.router.route(method, url, vendor)
            except ValueError:
                found = None
        if isinstance(found, Routed):
            return found.vendor, found.operation
        counts.unrouted += 1
        return None

    def _learn(self, headers: Any) -> None:
        """Every request header value the allowlist does not keep (but the connection's own) is a secret for the
        rest of the capture: an echo of it in an answer is masked wherever it appears."""
        for name, value in _header_pairs(headers):
            lower = name.strip().lower()
            if lower not in SAFE_HEADERS and lower not in _CONNECTION_HEADERS:
                self.known.learn_header(str(value))

    def _method(self, method: str) -> str:
        return method if method.isalpha() and len(method) <= 16 else REDACTED

    def _word(self, value: Any, default: str) -> str:
        """A HAR descriptor (an HTTP version, a MIME type, the creator's name): short printable words only."""
        if isinstance(value, str) and len(value) <= 100 and all(c.isalnum() or c in " ./;=+-_,*" for c in value):
            return self.known.scrub(value)
        return default

    def _safe_text(self, value: Any, nodes: list[dict[str, Any]], default: str) -> str:
        return value if isinstance(value, str) and allowlist.string_is_safe(nodes, value) else default

    def _metadata(self, meta: dict[str, Any], counts: RedactionCounts) -> dict[str, Any]:
        """The ``lmskit`` block ``record`` and ``proxy`` write: known keys, URLs by the URL rules."""
        out: dict[str, Any] = {}
        for key in ("vendor", "operationId", "spec_sha256", "kit_version", "recorded_at", "via"):
            if isinstance(meta.get(key), str):
                out[key] = self._word(meta[key], REDACTED) if key != "recorded_at" else meta[key][:40]
        if isinstance(meta.get("target"), str):
            target = meta["target"]
            out["target"] = target if target == "fake" else self._url(target, None, counts)
        return out

    def _url(self, url: str, routed: Route, counts: RedactionCounts) -> str:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            counts.replaced += 1
            return REDACTED
        host = parts.hostname or ""
        if host and not all(c.isalnum() or c in ".-_[]:" for c in host):
            host, counts.replaced = "redacted.invalid", counts.replaced + 1
        if parts.username is not None or parts.password is not None:
            counts.secrets += 1
        netloc = host + (f":{port}" if port is not None else "")
        path = self._path(parts.path, routed, counts)
        query = self._query(parts.query, routed, counts)
        return urlunsplit((parts.scheme if parts.scheme in ("http", "https") else "", netloc, path, query, ""))

    def _path(self, path: str, routed: Route, counts: RedactionCounts) -> str:
        segments = path.split("/")
        template: list[str] = routed[1].path.split("/") if routed is not None else []
        parameters = self._parameters(routed, "path")
        out = []
        # The template matches the path's last segments; the server's base path comes before them.
        offset = len(segments) - len(template)
        for index, segment in enumerate(segments):
            at = index - offset
            word = template[at] if routed is not None and 0 <= at < len(template) else None
            if (
                not segment
                or segment in self.vocabulary
                or (
                    word is not None
                    and word.startswith("{")
                    and allowlist.parameter_is_safe(parameters.get(word.strip("{}")), _unquote(segment))
                )
            ):
                out.append(segment)
            else:
                counts.replaced += 1
                out.append(REDACTED)
        return "/".join(out)

    def _query(self, query: str, routed: Route, counts: RedactionCounts) -> str:
        if not query:
            return ""
        parameters = self._parameters(routed, "query")
        pairs = []
        for key, value in parse_qsl(query, keep_blank_values=True):
            name = key if all(c.isalnum() or c in "._-[]$" for c in key) and len(key) <= 64 else REDACTED
            if value and not allowlist.parameter_is_safe(parameters.get(key), value):
                value = REDACTED
                counts.replaced += 1
            pairs.append((name, value))
        return urlencode(pairs, quote_via=quote)

    def _parameters(self, routed: Route, location: str) -> dict[str, dict[str, Any]]:
        if routed is None:
            return {}
        vendor, operation = routed
        schemes = self.apis[vendor].security
        credential_names = {name.lower() for name in _credential_names(schemes, location)}
        return {
            parameter.name: parameter.schema
            for parameter in self.apis[vendor].request_shape(operation).parameters
            if parameter.location == location and parameter.name.lower() not in credential_names
        }

    def _headers(
        self, headers: Any, routed: Route, status: int | None, counts: RedactionCounts, as_list: bool = False
    ) -> Any:
        """Names kept, values by the allowlist; the input's form (a mapping or a list of ``{name, value}``) kept."""
        declared = self._declared_headers(routed, status)
        kept: list[tuple[str, str]] = []
        for name, value in _header_pairs(headers):
            lower = name.strip().lower()
            text = str(value)
            safe = lower not in self.credential_headers and (
                lower in SAFE_HEADERS or allowlist.parameter_is_safe(declared.get(lower), text)
            )
            if not safe:
                counts.secrets += 1
                text = MASK
            kept.append((name if _printable_name(name) else REDACTED, text))
        if as_list or isinstance(headers, list):
            return [{"name": name, "value": value} for name, value in kept]
        return dict(kept)

    def _declared_headers(self, routed: Route, status: int | None) -> dict[str, dict[str, Any]]:
        if routed is None:
            return {}
        vendor, operation = routed
        api = self.apis[vendor]
        if status is None:
            return {name.lower(): schema for name, schema in self._parameters(routed, "header").items()}
        shape = api.response_shape(operation, status)
        if shape is None:
            return {}
        declared: dict[str, dict[str, Any]] = {}
        for name, (_, pointer) in shape.headers.items():
            schema = _schema_at(api, pointer)
            if schema is not None:
                declared[name.lower()] = schema
        return declared

    def _form_params(self, params: list[Any], routed: Route, counts: RedactionCounts) -> list[dict[str, str]]:
        text = urlencode([(str(p.get("name", "")), str(p.get("value", ""))) for p in params if isinstance(p, dict)])
        cleaned = self._text(text, routed, None, counts, "application/x-www-form-urlencoded")
        return [{"name": name, "value": value} for name, value in parse_qsl(cleaned, keep_blank_values=True)]

    def _text(self, text: str, routed: Route, status: int | None, counts: RedactionCounts, mime: str) -> str:
        """A body as text: JSON judged by the schema, a form field by field, anything else replaced whole."""
        try:
            body = bounded.loads(text)
        except (ValueError, bounded.LimitError):
            body = None
        else:
            return json.dumps(self._body(body, routed, status, counts, mime), ensure_ascii=False)
        if "x-www-form-urlencoded" in mime.lower() or (not mime and "=" in text and " " not in text.strip()):
            pairs = parse_qsl(text, keep_blank_values=True)
            cleaned = self._body(dict(pairs), routed, status, counts, mime)
            if isinstance(cleaned, dict):
                return urlencode([(str(k), str(v)) for k, v in cleaned.items()])
        if text:
            counts.replaced += 1
            return f"{REDACTED} ({len(text.encode())} bytes)"
        return text

    def _body(self, body: Any, routed: Route, status: int | None, counts: RedactionCounts, mime: str = "") -> Any:
        """``status`` None: a request body; an int: the response body of that status."""
        token_operation = routed is not None and (routed[0], routed[1].operation_id) in self.token_operations
        if isinstance(body, str) and token_operation:
            self.known.add(body.strip().strip('"'))  # the token itself, as a JSON string or bare text
            counts.secrets += 1
            return MASK
        if isinstance(body, str) and not (mime and "json" in mime.lower()):
            return self._text(body, routed, status, counts, mime)
        described: dict[str, list[dict[str, Any]]] = {}
        if routed is not None:
            vendor, operation = routed
            pointer = self._schema_pointer(self.apis[vendor], operation, status)
            if pointer is not None:
                for at, node in iter_described(self.apis[vendor].document, pointer, body):
                    described.setdefault(at, []).append(node)
        if token_operation:
            self._learn_values(body)
        return _rebuild(
            body,
            described,
            lambda at, value, personal: self._leaf(at, value, personal, described, token_operation, counts),
        )

    def _schema_pointer(self, api: Api, operation: Operation, status: int | None) -> str | None:
        if status is None:
            shape = api.request_shape(operation).body
            return shape.schema_pointer if shape is not None else None
        response = api.response_shape(operation, status)
        return response.schema_pointer if response is not None else None

    def _learn_values(self, body: Any) -> None:
        """A token operation's strings (the credentials it receives, the token it answers) are secrets."""
        stack = [body]
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, str):
                self.known.add(value)

    def _leaf(
        self,
        at: str,
        value: Any,
        personal: str | None,
        described: dict[str, list[dict[str, Any]]],
        token_operation: bool,
        counts: RedactionCounts,
    ) -> Any:
        """The kept or replaced value of one scalar at body pointer ``at``."""
        nodes = described.get(at, [])
        if value is None or isinstance(value, bool):
            return value
        if token_operation:
            counts.secrets += 1
            return MASK if isinstance(value, str) else 0
        if personal is not None:
            counts.personal += 1
            return self.pseudonyms.replace(personal, value) if isinstance(value, str) else 0
        if isinstance(value, (int, float)):
            if allowlist.number_is_declared(nodes):
                return value
            counts.replaced += 1
            return 0
        if not isinstance(value, str):
            counts.replaced += 1
            return REDACTED
        if allowlist.string_is_safe(nodes, value):
            return value
        if allowlist.is_url(nodes) and not allowlist.never_kept(nodes):
            return self._url(value, self._route_link(value), counts)
        counts.replaced += 1
        return allowlist.placeholder(nodes, self.pseudonyms.digest("placeholder", value).hex())

    def _route_link(self, url: str) -> Route:
        try:
            found = self.router.route("GET", url)
        except ValueError:
            return None
        return (found.vendor, found.operation) if isinstance(found, Routed) else None

    def _final(self, out: dict[str, Any], counts: RedactionCounts) -> dict[str, Any]:
        """Every key and string of the rebuilt capture through the known secrets, last."""

        def scrub(text: str) -> str:
            cleaned = self.known.scrub(text)
            if cleaned != text:
                counts.secrets += 1
            return cleaned

        cleaned = _rebuild_strings(out, scrub)
        return cleaned if isinstance(cleaned, dict) else out


def _rebuild(
    body: Any, described: Mapping[str, list[dict[str, Any]]], leaf: Callable[[str, Any, str | None], Any]
) -> Any:
    """A copy of ``body`` with each scalar replaced by ``leaf(pointer, value, personal kind)``: a container the
    spec marks personal passes its kind to everything inside it (iteratively: bodies can be deep)."""
    root: list[Any] = [None]
    stack: list[tuple[Any, str, str | None, Any, Any]] = [(body, "", None, root, 0)]
    while stack:
        value, at, inherited, parent, key = stack.pop()
        personal = inherited or allowlist.personal_kind(described.get(at, []))
        if isinstance(value, dict):
            copy: dict[Any, Any] = {}
            parent[key] = copy
            for child_key, child in value.items():
                copy[child_key] = None
                stack.append((child, join_pointer(at, str(child_key)), personal, copy, child_key))
        elif isinstance(value, list):
            items: list[Any] = [None] * len(value)
            parent[key] = items
            stack.extend((child, join_pointer(at, index), personal, items, index) for index, child in enumerate(value))
        else:
            parent[key] = leaf(at, value, personal)
    return root[0]


def _rebuild_strings(value: Any, change: Callable[[str], str]) -> Any:
    """A copy with every string, keys included, passed through ``change`` (iteratively: bodies can be deep)."""
    root: list[Any] = [None]
    stack: list[tuple[Any, Any, Any]] = [(value, root, 0)]
    while stack:
        item, parent, key = stack.pop()
        if isinstance(item, dict):
            copy: dict[str, Any] = {}
            parent[key] = copy
            for child_key, child in item.items():
                new_key = change(child_key) if isinstance(child_key, str) else child_key
                copy[new_key] = None
                stack.append((child, copy, new_key))
        elif isinstance(item, list):
            items: list[Any] = [None] * len(item)
            parent[key] = items
            stack.extend((child, items, index) for index, child in enumerate(item))
        elif isinstance(item, str):
            parent[key] = change(item)
        else:
            parent[key] = item
    return root[0]


def _header_pairs(headers: Any) -> list[tuple[str, Any]]:
    if isinstance(headers, dict):
        return [(str(name), value) for name, value in headers.items()]
    if isinstance(headers, list):
        return [(str(item.get("name", "")), item.get("value", "")) for item in headers if isinstance(item, dict)]
    return []


def _printable_name(name: str) -> bool:
    stripped = name.strip()
    return bool(stripped) and len(stripped) <= 100 and all(c.isalnum() or c in "-_:." for c in stripped)


def _credential_names(security: Any, location: str) -> list[str]:
    """The parameter names the spec's security schemes carry credentials in (schemes are headers today)."""
    return [scheme.header for scheme in security.schemes.values() if location == "header" and scheme.header]


def _credential_header_names(api: Api) -> list[str]:
    return ["authorization", "proxy-authorization", "cookie", "set-cookie", *_credential_names(api.security, "header")]


def _schema_at(api: Api, pointer: str | None) -> dict[str, Any] | None:
    if not pointer:
        return None
    try:
        found = resolve(api.document, {"$ref": "#" + pointer}, pointer)
    except RefError:
        return None
    return found.value if isinstance(found.value, dict) else None


def _content_type(part: dict[str, Any]) -> str:
    for name, value in _header_pairs(part.get("headers")):
        if name.strip().lower() == "content-type":
            return str(value)
    return "application/json" if not isinstance(part.get("body"), str) else ""


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _number(value: Any, default: int) -> Any:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else default


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _unquote(segment: str) -> str:
    return unquote(segment)

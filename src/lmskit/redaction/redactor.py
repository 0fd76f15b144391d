"""Taking secrets and personal data out of a capture, keeping it valid against the spec.

Secrets go wherever they appear: credential headers and cookies, secret-named query parameters and body keys
(``password``, ``privateKey``, ``token``, …), the answer of a token operation (Absorb's ``POST /authenticate``),
and any credential value the caller knows (a canary, the run's own token) in any text, URL or body.

Personal data is pseudonymised where the spec says a field is personal (``x-lmskit-personal: name | email | url |
free-text | uuid``): each value becomes a keyed hash of itself (``lmskit.redaction.salt``) in the same format, so
an email stays an email, one learner has one pseudonym across every file, and the capture still validates.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import hmac
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lmskit import bounded
from lmskit.contract.redact import MASK, SENSITIVE_HEADERS
from lmskit.contract.redact import Redactor as KnownSecrets
from lmskit.spec.api import Api
from lmskit.spec.operations import Operation
from lmskit.spec.pointers import PointerError, resolve_pointer
from lmskit.spec.walk import iter_described
from lmskit.validation.routing import ExchangeRouter, Routed

# (vendor, operation) of an exchange, or None when no spec describes it.
Route = tuple[str, Operation] | None

PERSONAL_KINDS = frozenset({"name", "email", "url", "free-text", "uuid"})
# Keys whose values are credentials, in query strings and JSON bodies alike (compared without case, - and _).
SECRET_KEYS = frozenset(
    {
        "password",
        "passwd",
        "privatekey",
        "secret",
        "clientsecret",
        "token",
        "accesstoken",
        "refreshtoken",
        "idtoken",
        "sessiontoken",
        "apikey",
        "xapikey",
        "authorization",
        "signature",
        "sig",
    }
)


def _normal(key: str) -> str:
    return key.lower().replace("_", "").replace("-", "")


def is_secret_key(key: str) -> bool:
    return _normal(key) in SECRET_KEYS


@dataclass
class RedactionCounts:
    secrets: int = 0
    personal: int = 0
    exchanges: int = 0
    unrouted: int = 0  # exchanges no spec describes: secrets removed, personal data not recognised

    def add(self, other: RedactionCounts) -> None:
        self.secrets += other.secrets
        self.personal += other.personal
        self.exchanges += other.exchanges
        self.unrouted += other.unrouted


class Pseudonyms:
    """Deterministic, format-keeping replacements: ``("email", "ada@example.com")`` → ``person-…@example.invalid``."""

    def __init__(self, salt: bytes) -> None:
        self._salt = salt

    def __repr__(self) -> str:
        return "Pseudonyms(<salt>)"

    def replace(self, kind: str, value: Any) -> Any:
        if not isinstance(value, str) or not value:
            return value
        digest = hmac.new(self._salt, f"{kind}\0{value}".encode(), hashlib.sha256).digest()
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

    def remember(self, values: Iterable[str]) -> None:
        """Credential values to mask wherever they appear (the run's own, or canaries)."""
        self.known.add(*values)

    # --- whole captures -----------------------------------------------------------------------------------

    def envelope(self, data: dict[str, Any]) -> tuple[dict[str, Any], RedactionCounts]:
        """A redacted copy of ``{request: {method, url, headers?, body?}, response: {status, headers, body}}``."""
        out = copy.deepcopy(data)
        counts = RedactionCounts(exchanges=1)
        request, response = _mapping(out.get("request")), _mapping(out.get("response"))
        routed = self._route_and_mask_url(request, counts)
        for part in (request, response):
            if isinstance(part.get("headers"), dict):
                part["headers"] = self._header_map(part["headers"], counts)
        if "body" in request:
            request["body"] = self._body(request["body"], routed, None, counts)
        if "body" in response:
            status = response.get("status")
            response["body"] = self._body(response["body"], routed, status if isinstance(status, int) else 0, counts)
        return out, counts

    def har(self, data: dict[str, Any]) -> tuple[dict[str, Any], RedactionCounts]:
        """A redacted copy of a HAR 1.2 log: headers, cookies, query strings, posted and returned bodies."""
        out = copy.deepcopy(data)
        counts = RedactionCounts()
        log = _mapping(out.get("log"))
        for entry in log.get("entries") or []:
            if not isinstance(entry, dict):
                continue
            counts.exchanges += 1
            request, response = _mapping(entry.get("request")), _mapping(entry.get("response"))
            routed = self._route_and_mask_url(request, counts)
            for part in (request, response):
                part["headers"] = self._header_list(part.get("headers"), counts)
                if part.get("cookies"):
                    counts.secrets += len(part["cookies"]) if isinstance(part["cookies"], list) else 1
                    part["cookies"] = []
            for pair in request.get("queryString") or []:
                if isinstance(pair, dict) and (is_secret_key(str(pair.get("name", ""))) or self._known(pair)):
                    pair["value"] = MASK
                    counts.secrets += 1
            posted = request.get("postData")
            if isinstance(posted, dict) and isinstance(posted.get("text"), str):
                posted["text"] = self._text(posted["text"], routed, None, counts)
                for pair in posted.get("params") or []:
                    if isinstance(pair, dict) and is_secret_key(str(pair.get("name", ""))):
                        pair["value"] = MASK
                        counts.secrets += 1
            content = response.get("content")
            if isinstance(content, dict) and isinstance(content.get("text"), str):
                status = response.get("status") if isinstance(response.get("status"), int) else 0
                if content.get("encoding") == "base64":
                    try:
                        text = base64.b64decode(content["text"], validate=True).decode("utf-8")
                    except (binascii.Error, ValueError):
                        content["text"], content["encoding"] = MASK, None
                        counts.secrets += 1
                        continue
                    content["text"] = self._text(text, routed, status, counts)
                    content.pop("encoding")
                else:
                    content["text"] = self._text(content["text"], routed, status, counts)
        return out, counts

    # --- parts --------------------------------------------------------------------------------------------

    def _route_and_mask_url(self, request: dict[str, Any], counts: RedactionCounts) -> Route:
        """The exchange's operation (from the URL as captured), then the URL's secrets masked in place."""
        method = str(request.get("method") or "GET").upper()
        url = request["url"] if isinstance(request.get("url"), str) else ""
        routed = self._route(method, url, counts)
        if url:
            request["url"] = self._url(url, counts)
        return routed

    def _route(self, method: str, url: str, counts: RedactionCounts) -> Route:
        if not url:
            counts.unrouted += 1
            return None
        try:
            found = self.router.route(method, url)
        except ValueError:
            found = None
        if isinstance(found, Routed):
            return found.vendor, found.operation
        counts.unrouted += 1
        return None

    def _url(self, url: str, counts: RedactionCounts) -> str:
        try:
            parts = urlsplit(url)
        except ValueError:
            counts.secrets += 1
            return MASK
        query = []
        changed = False
        for key, value in parse_qsl(parts.query, keep_blank_values=True):
            if is_secret_key(key) or self.known.scrub(value) != value:
                counts.secrets += 1
                value, changed = MASK, True
            query.append((key, value))
        if changed:  # the query is re-encoded only when a value had to go
            url = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))
        return self._scrub_text(url, counts)

    def _header_map(self, headers: dict[str, Any], counts: RedactionCounts) -> dict[str, Any]:
        out = {}
        for name, value in headers.items():
            if str(name).lower() in SENSITIVE_HEADERS:
                counts.secrets += 1
                out[name] = MASK
            else:
                out[name] = self._scrub_text(str(value), counts)
        return out

    def _header_list(self, headers: Any, counts: RedactionCounts) -> list[Any]:
        if not isinstance(headers, list):
            return []
        out = []
        for header in headers:
            if not isinstance(header, dict):
                continue
            name = str(header.get("name", ""))
            if name.lower() in SENSITIVE_HEADERS:
                counts.secrets += 1
                out.append({**header, "value": MASK})
            else:
                out.append({**header, "value": self._scrub_text(str(header.get("value", "")), counts)})
        return out

    def _known(self, pair: dict[str, Any]) -> bool:
        value = str(pair.get("value", ""))
        return self.known.scrub(value) != value

    def _text(
        self, text: str, routed: tuple[str, Operation] | None, status: int | None, counts: RedactionCounts
    ) -> str:
        try:
            body = bounded.loads(text)
        except (ValueError, bounded.LimitError):
            return self._scrub_text(text, counts)  # not JSON: known secrets only
        return json.dumps(self._body(body, routed, status, counts), ensure_ascii=False)

    def _body(
        self, body: Any, routed: tuple[str, Operation] | None, status: int | None, counts: RedactionCounts
    ) -> Any:
        """``status`` None: a request body; an int: the response body of that status."""
        if routed is not None:
            vendor, operation = routed
            if status is not None and 200 <= status < 300 and (vendor, operation.operation_id) in self.token_operations:
                counts.secrets += 1
                return MASK if not isinstance(body, dict) else {key: MASK for key in body}
            body = self._personal(self.apis[vendor], operation, status, body, counts)
        return self._secret_keys(body, counts)

    def _personal(self, api: Api, operation: Operation, status: int | None, body: Any, counts: RedactionCounts) -> Any:
        if status is None:
            shape = api.request_shape(operation).body
            pointer = shape.schema_pointer if shape is not None else None
        else:
            response = api.response_shape(operation, status)
            pointer = response.schema_pointer if response is not None else None
        if pointer is None:
            return body
        found = [
            (at, node["x-lmskit-personal"])
            for at, node in iter_described(api.document, pointer, body)
            if node.get("x-lmskit-personal") in PERSONAL_KINDS
        ]
        for at, kind in dict(found).items():
            body = _replace_at(body, at, lambda value, kind=kind: self.pseudonyms.replace(kind, value), counts)
        return body

    def _secret_keys(self, body: Any, counts: RedactionCounts) -> Any:
        """Secret-named keys masked and known secrets scrubbed, anywhere in the body (iteratively)."""
        root = [body]
        stack: list[tuple[Any, Any]] = [(root, 0)]
        while stack:
            container, key = stack.pop()
            value = container[key]
            if isinstance(value, dict):
                for child in list(value):
                    if is_secret_key(str(child)) and value[child] not in (None, ""):
                        value[child] = MASK
                        counts.secrets += 1
                    else:
                        stack.append((value, child))
            elif isinstance(value, list):
                stack.extend((value, index) for index in range(len(value)))
            elif isinstance(value, str):
                container[key] = self._scrub_text(value, counts)
        return root[0]

    def _scrub_text(self, text: str, counts: RedactionCounts) -> str:
        scrubbed = self.known.scrub(text)
        if scrubbed != text:
            counts.secrets += 1
        return scrubbed


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _replace_at(body: Any, pointer: str, change: Any, counts: RedactionCounts) -> Any:
    if not pointer:
        new = change(body)
        counts.personal += int(new != body)
        return new
    parent_pointer, _, last = pointer.rpartition("/")
    try:
        parent = resolve_pointer(body, parent_pointer)
    except PointerError:
        return body
    key: Any = last.replace("~1", "/").replace("~0", "~")
    if isinstance(parent, list):
        key = int(key)
    elif not isinstance(parent, dict) or key not in parent:
        return body
    new = change(parent[key])
    if new != parent[key]:
        parent[key] = new
        counts.personal += 1
    return body

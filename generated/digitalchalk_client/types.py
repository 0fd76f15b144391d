"""Contains some shared types for properties"""

import logging
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define

from .errors import ResponseFieldError

# Warnings about responses that depart from the spec (unknown enum values, unexpected nulls) go here.
logger = logging.getLogger("digitalchalk_client")


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


def status_of(code: int) -> HTTPStatus:
    """The status as an HTTPStatus; a code outside the standard ones (599, 799) stays a plain int that compares
    equal, instead of the ValueError HTTPStatus() raises."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code  # type: ignore[return-value]


_warned: set[tuple[str, str]] = set()


def read_required(data: dict[str, Any], key: str, model: str, nullable: bool = False) -> Any:
    """The value of a required field; ResponseFieldError when it is missing (or null and the spec forbids null)."""
    if key not in data:
        raise ResponseFieldError(model, key, "is missing from the response; the spec requires it")
    value = data.pop(key)
    if value is None and not nullable:
        raise ResponseFieldError(model, key, "is null in the response; the spec requires a value")
    return value


def read_optional(value: Any, model: str, key: str) -> Any:
    """An optional field the spec says is never null: a null is read as absent (UNSET), with one warning."""
    if value is None:
        if (model, key) not in _warned:
            _warned.add((model, key))
            logger.warning("%s.%s is null, which the spec does not allow; read as UNSET", model, key)
        return UNSET
    return value


_JSON_NAMES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}


def require_object(data: object, model: str) -> Mapping[str, Any]:
    """The body of a model must be a JSON object; anything else is named, not a bare TypeError."""
    if not isinstance(data, Mapping):
        kind = "null" if data is None else _JSON_NAMES.get(type(data), type(data).__name__)
        raise ResponseFieldError(model, "", f"is {kind} in the response, not the object the spec describes")
    return data


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset", "status_of"]

"""JSON pointers (RFC 6901): building, splitting and resolving them inside a document."""

from __future__ import annotations

from typing import Any


class PointerError(LookupError):
    """The pointer leads nowhere in the document."""


def escape(token: str) -> str:
    """``/users/{id}`` → ``~1users~1{id}``."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(pointer: str, *tokens: str | int) -> str:
    """``join_pointer("/paths", "/users/{id}", "get")`` → ``/paths/~1users~1{id}/get``."""
    return pointer + "".join("/" + escape(str(token)) for token in tokens)


def split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    if not pointer.startswith("/"):
        raise PointerError(f"{pointer!r} is not a JSON pointer (it must start with '/')")
    return [unescape(token) for token in pointer[1:].split("/")]


def resolve_pointer(document: Any, pointer: str) -> Any:
    """The value at ``pointer``; raises PointerError naming the first token that is missing."""
    node = document
    for token in split_pointer(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise PointerError(f"{token!r} does not exist")
    return node

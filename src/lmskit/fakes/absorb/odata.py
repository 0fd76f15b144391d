"""The OData subset Absorb's ``_filter`` documents, as a predicate over the JSON objects a list returns.

Operators eq ne gt ge lt le, and or not, parentheses; functions substringof('v',f), startswith(f,'v'),
endswith(f,'v'), tolower(f), toupper(f); literals 'text' ('' escapes a quote), numbers, true, false,
null, guid'…' and datetime'…'. Field names match case-insensitively; a/b reaches a nested field.

    parse_filter("startsWith(fullName,'ada') or dateAdded ge datetime'1998-03-06T20:38:07Z'")
    → a function taking {"fullName": "Ada Lovelace", ...} and returning True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any


class FilterError(ValueError):
    """The filter text is not in the documented subset."""


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # string | number | guid | datetime | name | punct | word
    value: Any
    position: int


_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<typed>(?i:guid|datetime))'(?P<typed_value>[^']*)'"
    r"|'(?P<string>(?:[^']|'')*)'"
    r"|(?P<number>-?\d+(?:\.\d+)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:/[A-Za-z_][A-Za-z0-9_]*)*)"
    r"|(?P<punct>[(),])"
    r")"
)
_COMPARISONS = {"eq", "ne", "gt", "ge", "lt", "le"}
_FUNCTIONS = {"substringof", "startswith", "endswith", "tolower", "toupper"}
Predicate = Callable[[dict[str, Any]], bool]
_Expr = Callable[[dict[str, Any]], Any]


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        found = _TOKEN.match(text, position)
        if found is None or found.end() == position:
            raise FilterError(f"unexpected character {text[position:].strip()[:1]!r} at position {position}")
        if found["typed"]:
            kind = found["typed"].lower()
            tokens.append(_Token(kind, found["typed_value"], position))
        elif found["string"] is not None:
            tokens.append(_Token("string", found["string"].replace("''", "'"), position))
        elif found["number"]:
            number = found["number"]
            tokens.append(_Token("number", float(number) if "." in number else int(number), position))
        elif found["name"]:
            tokens.append(_Token("name", found["name"], position))
        else:
            tokens.append(_Token("punct", found["punct"], position))
        position = found.end()
    return tokens


class _Parser:
    def __init__(self, text: str, fields: set[str]) -> None:
        self.tokens = _tokenize(text)
        self.index = 0
        self.fields = {name.lower(): name for name in fields}

    def parse(self) -> Predicate:
        if not self.tokens:
            raise FilterError("the filter is empty")
        expression = self._or()
        if self.index != len(self.tokens):
            raise FilterError(
                f"unexpected {self.tokens[self.index].value!r} at position {self.tokens[self.index].position}"
            )
        return lambda item: bool(expression(item))

    def _peek_word(self) -> str | None:
        if self.index < len(self.tokens) and self.tokens[self.index].kind == "name":
            return str(self.tokens[self.index].value).lower()
        return None

    def _expect(self, punct: str) -> None:
        if (
            self.index >= len(self.tokens)
            or self.tokens[self.index].value != punct
            or self.tokens[self.index].kind != "punct"
        ):
            raise FilterError(f"expected {punct!r}")
        self.index += 1

    def _or(self) -> _Expr:
        left = self._and()
        while self._peek_word() == "or":
            self.index += 1
            left = _either(left, self._and())
        return left

    def _and(self) -> _Expr:
        left = self._not()
        while self._peek_word() == "and":
            self.index += 1
            left = _both(left, self._not())
        return left

    def _not(self) -> _Expr:
        if self._peek_word() == "not":
            self.index += 1
            inner = self._not()
            return lambda item: not inner(item)
        return self._comparison()

    def _comparison(self) -> _Expr:
        left = self._operand()
        word = self._peek_word()
        if word in _COMPARISONS:
            self.index += 1
            right = self._operand()
            return lambda item: _compare(word, left(item), right(item))
        return left

    def _operand(self) -> _Expr:
        if self.index >= len(self.tokens):
            raise FilterError("the filter ends too early")
        token = self.tokens[self.index]
        self.index += 1
        if token.kind == "punct" and token.value == "(":
            inner = self._or()
            self._expect(")")
            return inner
        if token.kind in ("string", "number"):
            return _constant(token.value)
        if token.kind == "guid":
            return _constant(str(token.value).lower())
        if token.kind == "datetime":
            return _constant(_parse_datetime(str(token.value)))
        if token.kind == "name":
            name = str(token.value)
            lowered = name.lower()
            if lowered in _FUNCTIONS and self.index < len(self.tokens) and self.tokens[self.index].value == "(":
                return self._function(lowered)
            if lowered in ("true", "false"):
                return _constant(lowered == "true")
            if lowered == "null":
                return _constant(None)
            return self._field(name)
        raise FilterError(f"unexpected {token.value!r} at position {token.position}")

    def _function(self, name: str) -> _Expr:
        self._expect("(")
        arguments = [self._or()]
        while self.index < len(self.tokens) and self.tokens[self.index].value == ",":
            self.index += 1
            arguments.append(self._or())
        self._expect(")")
        arity = 1 if name in ("tolower", "toupper") else 2
        if len(arguments) != arity:
            raise FilterError(f"{name} takes {arity} argument(s)")
        if name == "tolower":
            return lambda item: _text(arguments[0](item)).lower()
        if name == "toupper":
            return lambda item: _text(arguments[0](item)).upper()
        if name == "substringof":
            return lambda item: _text(arguments[0](item)).lower() in _text(arguments[1](item)).lower()
        if name == "startswith":
            return lambda item: _text(arguments[0](item)).lower().startswith(_text(arguments[1](item)).lower())
        return lambda item: _text(arguments[0](item)).lower().endswith(_text(arguments[1](item)).lower())

    def _field(self, name: str) -> _Expr:
        head = name.split("/", 1)[0].lower()
        if head not in self.fields:
            raise FilterError(
                f"{name!r} is not a field that can be filtered; use one of {', '.join(sorted(self.fields.values()))}"
            )
        path = [self.fields[head], *name.split("/")[1:]]

        def read(item: dict[str, Any]) -> Any:
            value: Any = item
            for part in path:
                value = value.get(part) if isinstance(value, dict) else None
            return value

        return read


def _constant(value: Any) -> _Expr:
    return lambda item: value


def _either(left: _Expr, right: _Expr) -> _Expr:
    return lambda item: bool(left(item)) or bool(right(item))


def _both(left: _Expr, right: _Expr) -> _Expr:
    return lambda item: bool(left(item)) and bool(right(item))


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _parse_datetime(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FilterError(f"datetime'{text}' is not a date-time") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _comparable(value: Any) -> Any:
    if isinstance(value, str):
        try:
            if re.match(r"^\d{4}-\d{2}-\d{2}T", value):
                return _parse_datetime(value)
        except FilterError:
            return value.lower()
        return value.lower()
    return value


def _compare(operator: str, left: Any, right: Any) -> bool:
    left, right = _comparable(left), _comparable(right)
    if operator == "eq":
        return bool(left == right)
    if operator == "ne":
        return bool(left != right)
    if left is None or right is None:
        return False
    try:
        if operator == "gt":
            return bool(left > right)
        if operator == "ge":
            return bool(left >= right)
        if operator == "lt":
            return bool(left < right)
        return bool(left <= right)
    except TypeError:
        raise FilterError(f"cannot compare {left!r} with {right!r}") from None


def parse_filter(text: str, fields: set[str]) -> Predicate:
    return _Parser(text, fields).parse()


def parse_sort(text: str, fields: set[str]) -> list[tuple[str, bool]]:
    """``"courseName,-dateEdited"`` → ``[("courseName", False), ("dateEdited", True)]`` (True: descending)."""
    known = {name.lower(): name for name in fields}
    keys: list[tuple[str, bool]] = []
    for part in text.split(","):
        part = part.strip()
        descending = part.startswith("-")
        name = part.lstrip("-")
        if name.lower() not in known:
            raise FilterError(f"{name!r} is not a field that can be sorted")
        keys.append((known[name.lower()], descending))
    return keys

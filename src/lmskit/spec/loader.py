"""YAML → Spec, keeping the file position of every node so findings can name a line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lmskit.errors import SpecError
from lmskit.spec.pointers import join_pointer


@dataclass(frozen=True, slots=True)
class Position:
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    pointer: str
    first: Position
    again: Position


@dataclass(frozen=True, slots=True)
class Spec:
    """A parsed spec: the document, where it came from, and where each JSON pointer sits in the file."""

    path: Path
    document: dict[str, Any]
    positions: dict[str, Position] = field(repr=False)
    duplicate_keys: tuple[DuplicateKey, ...] = ()

    def position_of(self, pointer: str) -> Position | None:
        """The position of ``pointer``, or of its nearest ancestor that has one."""
        while True:
            if pointer in self.positions:
                return self.positions[pointer]
            if not pointer:
                return None
            pointer = pointer.rsplit("/", 1)[0]

    def locate(self, pointer: str) -> str:
        """``specs/bridge.yaml:41:7`` for a pointer (or the file alone when nothing matches)."""
        position = self.position_of(pointer)
        if position is None:
            return str(self.path)
        return f"{self.path}:{position.line}:{position.column}"

    @property
    def title(self) -> str:
        info = self.document.get("info")
        return str(info.get("title", self.path.stem)) if isinstance(info, dict) else self.path.stem


def load_spec(path: Path | str) -> Spec:
    """Read and parse a YAML (or JSON) spec.

    Raises SpecError naming file, line and column for unreadable files and YAML syntax errors.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError(path, "no such file; pass the path of an OpenAPI YAML file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(
            path, f"cannot read the file ({exc.__class__.__name__}: {exc}); check its permissions and encoding"
        ) from exc
    return parse_spec(text, path)


def parse_spec(text: str, path: Path) -> Spec:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise SpecError(path, "the file is empty; an OpenAPI document starts with `openapi: 3.1.0`")
        document = loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise SpecError.from_yaml_error(exc, path) from exc
    finally:
        loader.dispose()
    if not isinstance(document, dict):
        raise SpecError(path, "the document is not a mapping; an OpenAPI document starts with `openapi: 3.1.0`", 1, 1)
    positions: dict[str, Position] = {"": _position(node)}
    duplicates: list[DuplicateKey] = []
    for pointer, position, duplicate in _walk(node, ""):
        if duplicate is not None:
            duplicates.append(DuplicateKey(pointer, duplicate, position))
        else:
            positions.setdefault(pointer, position)
    return Spec(path, document, positions, tuple(duplicates))


def _position(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _walk(node: yaml.Node, pointer: str, depth: int = 0) -> Iterator[tuple[str, Position, Position | None]]:
    # Aliases share node objects, so a self-referencing anchor would recurse forever; real specs are
    # far shallower than this bound.
    if depth > 200:
        return
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = str(key_node.value)
            child = join_pointer(pointer, key)
            position = _position(key_node)
            yield child, position, seen.get(key)
            seen.setdefault(key, position)
            yield from _walk(value_node, child, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = join_pointer(pointer, str(index))
            yield child, _position(item), None
            yield from _walk(item, child, depth + 1)

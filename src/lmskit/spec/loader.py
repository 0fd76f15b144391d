"""YAML → Spec, keeping the file position of every node so findings can name a line.

A node's position also names its file: after an overlay is applied (``lmskit.spec.overlay``), the nodes
it added point into the overlay, the rest into the spec.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lmskit import inputs
from lmskit.errors import SpecError
from lmskit.settings import current
from lmskit.spec.pointers import join_pointer

# libyaml's loader when PyYAML was built with it: ten times faster, with the same marks and errors.
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Position:
    line: int
    column: int
    # The file the node was read from; None means the spec's own file.
    source: Path | None = None


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
    # The text it was read from, for fingerprints (an overlay changes the document, not this).
    text: str = field(default="", repr=False, compare=False)

    def position_of(self, pointer: str) -> Position | None:
        """The position of ``pointer``, or of its nearest ancestor that has one."""
        while True:
            if pointer in self.positions:
                return self.positions[pointer]
            if not pointer:
                return None
            pointer = pointer.rsplit("/", 1)[0]

    def source_of(self, pointer: str) -> Path:
        """The file the node at ``pointer`` was read from (the spec, or the overlay that put it there)."""
        position = self.position_of(pointer)
        return position.source if position is not None and position.source is not None else self.path

    def locate(self, pointer: str) -> str:
        """``specs/bridge.yaml:41:7`` for a pointer (or the file alone when nothing matches)."""
        position = self.position_of(pointer)
        if position is None:
            return display_path(self.path)
        return f"{display_path(position.source or self.path)}:{position.line}:{position.column}"

    @property
    def title(self) -> str:
        info = self.document.get("info")
        return str(info.get("title", self.path.stem)) if isinstance(info, dict) else self.path.stem


def display_path(path: Path) -> str:
    """A path as a user should read it: relative to the working folder when it is inside it.

    The specs shipped inside an installed kit are shown as ``lmskit/_specs/absorb.yaml``, not as a path
    deep in site-packages that nobody would edit.
    """
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        pass
    parts = path.parts
    if "_specs" in parts and "lmskit" in parts:
        return "/".join(parts[parts.index("lmskit") :])
    return str(path)


def load_spec(path: Path | str) -> Spec:
    """Read and parse a YAML (or JSON) spec.

    Raises SpecError naming file, line and column for unreadable files and YAML syntax errors.
    """
    path = Path(path)
    return parse_spec(read_text(path, "an OpenAPI YAML file"), path)


def read_text(path: Path, what: str) -> str:
    try:
        return inputs.read_text(path, what)
    except inputs.UnreadableInput as exc:
        raise SpecError(path, str(exc)) from None


def parse_spec(text: str, path: Path) -> Spec:
    document, node = parse_yaml(text, path)
    if not isinstance(document, dict):
        raise SpecError(path, "the document is not a mapping; an OpenAPI document starts with `openapi: 3.1.0`", 1, 1)
    positions, duplicates = node_positions(node)
    return Spec(path, document, positions, duplicates, text)


def parse_yaml(text: str, path: Path) -> tuple[Any, yaml.Node]:
    """The document and its node tree; SpecError with line and column for a syntax error or an empty file."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise SpecError(path, "the file is empty; an OpenAPI document starts with `openapi: 3.1.0`")
        check_node_shape(node, path)
        document = loader.construct_document(node)
    except yaml.YAMLError as exc:
        if "nesting depth" in str(exc):  # libyaml's own bound, reached before ours
            mark = getattr(exc, "problem_mark", None)
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
            raise SpecError(path, "nested deeper than YAML readers allow (1,000 levels)", line, column) from None
        raise SpecError.from_yaml_error(exc, path) from exc
    except RecursionError:
        depth = current().max_depth
        raise SpecError(path, f"nested deeper than {depth} levels; LMSKIT_MAX_DEPTH raises the limit") from None
    finally:
        loader.dispose()
    return document, node


def check_node_shape(root: yaml.Node, path: Path, max_depth: int | None = None, max_nodes: int | None = None) -> None:
    """Before anything walks the document: no deeper than ``max_depth``, and no more than ``max_nodes`` nodes with
    every alias counted each time it is used — a few hundred bytes of nested aliases (an alias bomb) expand to
    billions. Iterative, and it stops at the limit, so a hostile spec costs milliseconds. (A spec's nodes, every
    alias counted each time it is used: the shipped specs have 1,000 to 5,300; the limit is the settings'.)"""
    max_depth = current().max_depth if max_depth is None else max_depth
    max_nodes = current().max_spec_nodes if max_nodes is None else max_nodes
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    visited = 0
    while stack:
        node, depth = stack.pop()
        visited += 1
        if visited > max_nodes:
            raise SpecError(
                path,
                f"expands to more than {max_nodes:,} nodes (YAML aliases repeat what they point to; an alias bomb?);"
                " LMSKIT_MAX_SPEC_NODES raises the limit",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            )
        if depth > max_depth:
            raise SpecError(
                path,
                f"nested deeper than {max_depth} levels; LMSKIT_MAX_DEPTH raises the limit",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            )
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


def node_positions(node: yaml.Node, source: Path | None = None) -> tuple[dict[str, Position], tuple[DuplicateKey, ...]]:
    """Every JSON pointer under ``node`` → where it is written, and the keys written twice."""
    positions: dict[str, Position] = {"": _position(node, source)}
    duplicates: list[DuplicateKey] = []
    for pointer, position, duplicate in _walk(node, "", source):
        if duplicate is not None:
            duplicates.append(DuplicateKey(pointer, duplicate, position))
        else:
            positions.setdefault(pointer, position)
    return positions, tuple(duplicates)


def _position(node: yaml.Node, source: Path | None) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1, source)


def _walk(
    node: yaml.Node, pointer: str, source: Path | None, depth: int = 0
) -> Iterator[tuple[str, Position, Position | None]]:
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
            position = _position(key_node, source)
            yield child, position, seen.get(key)
            seen.setdefault(key, position)
            yield from _walk(value_node, child, source, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = join_pointer(pointer, str(index))
            yield child, _position(item, source), None
            yield from _walk(item, child, source, depth + 1)

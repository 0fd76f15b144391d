"""The entries of a HAR file, one at a time, from ijson's event stream (its C backend where installed).

Built here rather than with ``ijson.items``: ``items`` gives every nested value a prefix string as long as its
path, so memory grows with the square of the nesting depth (20,000 levels of ``[`` cost a gigabyte); this
builder keeps a depth count instead and stops at ``LMSKIT_MAX_DEPTH``, at a fifth less time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

_OPEN = frozenset({"start_map", "start_array"})
_CLOSE = frozenset({"end_map", "end_array"})
_ENTRIES_DEPTH = 3  # the root object, "log", then the "entries" list


class HarShapeError(ValueError):
    """The document is no HAR (no ``log.entries`` list), or nests deeper than the limit; the message says which."""


def iter_entries(events: Iterable[tuple[str, Any]], max_depth: int) -> Iterator[Any]:
    """The items of ``log.entries`` from ``ijson.basic_parse`` events, as Python values."""
    depth = 0
    path: list[Any] = []  # the keys of the containers above the entries list (root, "log")
    key: Any = None
    building: list[Any] = []  # the containers of the entry being built, outermost first
    keys: list[Any] = []  # the current key in each of them (None in a list)
    in_entries = found = False
    for event, value in events:
        if building:
            if event == "map_key":
                keys[-1] = value
            elif event in _OPEN:
                depth += 1
                if depth > max_depth:
                    raise HarShapeError(f"an entry is nested deeper than {max_depth} levels")
                child: Any = {} if event == "start_map" else []
                _put(building[-1], keys[-1], child)
                building.append(child)
                keys.append(None)
            elif event in _CLOSE:
                depth -= 1
                done = building.pop()
                keys.pop()
                if not building:
                    yield done
            else:
                _put(building[-1], keys[-1], value)
            continue
        if in_entries and depth == _ENTRIES_DEPTH:
            if event == "end_array":
                in_entries = False
                depth -= 1
                path.pop()
            elif event in _OPEN:
                depth += 1
                building.append({} if event == "start_map" else [])
                keys.append(None)
            else:
                yield value  # an entry that is no object: the caller says so
            continue
        entries_here = depth == _ENTRIES_DEPTH - 1 and path == [None, "log"] and key == "entries"
        if event == "map_key":
            key = value
        elif event in _OPEN:
            if entries_here:
                if event != "start_array":
                    raise HarShapeError('"log.entries" is not a list; is this a HAR 1.2 file?')
                in_entries = found = True
            depth += 1
            if depth > max_depth:
                raise HarShapeError(f"nested deeper than {max_depth} levels")
            path.append(key)
            key = None
        elif event in _CLOSE:
            depth -= 1
            path.pop()
        elif entries_here:
            raise HarShapeError('"log.entries" is not a list; is this a HAR 1.2 file?')
    if not found:
        raise HarShapeError('no "log.entries" list; is this a HAR 1.2 file (log.entries)?')


def _put(container: Any, key: Any, value: Any) -> None:
    if type(container) is dict:
        container[key] = value
    else:
        container.append(value)

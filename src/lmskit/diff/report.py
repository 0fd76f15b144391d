"""A diff as text (a terminal), Markdown (a pull-request comment) or JSON (a pipeline).

Text and Markdown group a change that reaches many operations through one shared schema (a new enum value in
``EnrollmentStatus`` touches every enrollment read) into one entry listing the operations; JSON keeps one entry
per operation and place.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from lmskit.diff.compare import SEVERITIES, Change


@dataclass(frozen=True, slots=True)
class Group:
    severity: str
    kind: str
    message: str
    symbols: tuple[str, ...]
    places: tuple[tuple[str, str], ...]  # (operation, where)


def summary(changes: list[Change]) -> dict[str, int]:
    counts = Counter(change.severity for change in changes)
    return {severity: counts.get(severity, 0) for severity in SEVERITIES}


def grouped(changes: list[Change]) -> list[Group]:
    found: dict[tuple[str, str, str, tuple[str, ...]], list[tuple[str, str]]] = {}
    for change in changes:
        key = (change.severity, change.kind, change.message, change.symbols)
        found.setdefault(key, []).append((change.operation, change.where))
    return [Group(*key, tuple(places)) for key, places in found.items()]


def _headline(changes: list[Change]) -> str:
    """Entries by severity, then the changes they stand for when a shared schema groups several into one."""
    entries = Counter(group.severity for group in grouped(changes))
    counts = summary(changes)
    headline = ", ".join(f"{entries.get(severity, 0)} {severity}" for severity in SEVERITIES)
    if sum(counts.values()) != sum(entries.values()):
        headline += (
            f" ({sum(counts.values())} changes by operation: "
            + ", ".join(f"{counts[severity]} {severity}" for severity in SEVERITIES)
            + ")"
        )
    return headline


def as_text(old: str, new: str, changes: list[Change]) -> str:
    lines = [f"lmskit diff {old} -> {new}: {_headline(changes)}"]
    for group in grouped(changes):
        operation, where = group.places[0]
        more = f" (and {len(group.places) - 1} more operation(s))" if len(group.places) > 1 else ""
        lines.append(f"{group.severity:9} {operation or '(document)'}{more}")
        lines.append(f"          {where + ': ' if where else ''}{group.message}")
        if group.symbols:
            lines.append(f"          client: {', '.join(group.symbols)}")
    if not changes:
        lines.append("no change a consumer would notice")
    return "\n".join(lines) + "\n"


def as_markdown(old: str, new: str, changes: list[Change]) -> str:
    lines = [f"### lmskit diff: {_headline(changes)}", "", f"`{old}` → `{new}`", ""]
    if not changes:
        lines.append("No change a consumer of this API would notice.")
        return "\n".join(lines) + "\n"
    lines += ["| severity | change | where | client symbols |", "|---|---|---|---|"]
    for group in grouped(changes):
        severity = f"**{group.severity}**" if group.severity == "breaking" else group.severity
        places = [f"{operation} {where}".strip() for operation, where in group.places]
        shown = "<br>".join(_cell(place) for place in places[:5])
        if len(places) > 5:
            shown += f"<br>… and {len(places) - 5} more"
        symbols = "<br>".join(f"`{symbol}`" for symbol in group.symbols)
        lines.append(f"| {severity} | {_cell(group.message)} | {shown} | {symbols} |")
    return "\n".join(lines) + "\n"


def as_json(old: str, new: str, changes: list[Change]) -> str:
    document = {"old": old, "new": new, "summary": summary(changes), "changes": [c.to_json() for c in changes]}
    return json.dumps(document, indent=2) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")

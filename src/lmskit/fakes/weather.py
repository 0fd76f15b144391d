"""Vendor weather: a fake's bad days, switched on by a schedule and reproduced exactly by its seed.

A *catalogue* names the faults a vendor's fake can show, each with the evidence it rests on: the generic ones
any HTTP API has (latency, 5xx, maintenance, dropped connections, cut bodies) are here; each vendor's own (its
429 headers, its session model, its paging under concurrent writes, its "known bug" states) are data in
``fakes/<vendor>/weather.yaml``. A *schedule* picks faults from it:

    seed: 7
    faults:
      - fault: rate-limit-storm          # a name from the catalogue
        operations: [listCourseEnrollments]   # default: every operation
        at: [2, 3, 4]                    # the rule's 2nd, 3rd and 4th matching requests; or every: N,
                                         # or probability: 0.2 (drawn from the seed); after: N skips the first N
        times: 3                         # at most this many
        with: {retry_after: 0}           # the fault's parameters, overridden

The same seed and schedule give the same faults at the same requests. ``lmskit serve VENDOR --weather FILE``,
``PUT /_lmskit/weather`` and the pytest marker ``lmskit_weather`` all load a schedule through ``parse_schedule``,
which checks all of it before anything changes. Every fault met is in the request log under its name.
"""

from __future__ import annotations

import functools
import random
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lmskit.spec.walk import iter_tree

KINDS = ("latency", "status", "reset", "truncate", "sql", "patch")

# Faults every HTTP API can show; the vendors' catalogues add theirs (and may override these).
GENERIC: dict[str, dict[str, Any]] = {
    "latency": {
        "kind": "latency",
        "ms": 500,
        "jitter_ms": 250,
        "summary": "the answer comes late (fixed delay plus seeded jitter)",
        "evidence": "generic: any API under load; no vendor publishes its latency",
        "confidence": "high that it happens, no figure known",
    },
    "server-error": {
        "kind": "status",
        "status": 500,
        "summary": "500 with the vendor's error body",
        "evidence": "generic: no vendor documents its 5xx bodies",
        "confidence": "medium",
    },
    "bad-gateway": {
        "kind": "status",
        "status": 502,
        "summary": "502 from the vendor's gateway",
        "evidence": "generic: every vendor sits behind a gateway or load balancer",
        "confidence": "medium",
    },
    "maintenance": {
        "kind": "status",
        "status": 503,
        "retry_after": 2,
        "summary": "503 with Retry-After during maintenance",
        "evidence": "generic: HTTP's answer for planned downtime (RFC 9110 15.6.4); no vendor documents its windows",
        "confidence": "medium",
    },
    "connection-reset": {
        "kind": "reset",
        "summary": "the connection closes after the status line, before any body byte",
        "evidence": "generic: load balancers drop idle or long connections",
        "confidence": "medium",
    },
    "truncated-body": {
        "kind": "truncate",
        "summary": "the body stops halfway and the connection closes",
        "evidence": "generic: a proxy or the vendor times out mid-answer",
        "confidence": "medium",
    },
}


class WeatherError(ValueError):
    """A schedule or a catalogue that does not say what it must; the message names the place and the fix."""


@dataclass(frozen=True)
class Fault:
    name: str
    kind: str
    parameters: dict[str, Any]
    operations: tuple[str, ...] = ()  # those it can apply to (a sql fault reads their path parameters); () = any


@dataclass
class Rule:
    fault: Fault
    operations: frozenset[str] | None
    at: frozenset[int] = frozenset()
    every: int | None = None
    probability: float | None = None
    after: int = 0
    times: int | None = None
    rng: random.Random = field(default_factory=random.Random, repr=False)
    seen: int = 0
    fired: int = 0

    def draw(self, operation_id: str) -> bool:
        """Whether this request meets the fault; counts it either way (deterministic for a request order)."""
        if self.operations is not None and operation_id not in self.operations:
            return False
        self.seen += 1
        roll = self.rng.random() if self.probability is not None else 1.0  # drawn for every request it sees
        if self.seen <= self.after or (self.times is not None and self.fired >= self.times):
            return False
        if self.at:
            hit = self.seen in self.at
        elif self.every is not None:
            hit = (self.seen - self.after) % self.every == 0
        elif self.probability is not None:
            hit = roll < self.probability
        else:
            hit = True
        self.fired += hit
        return hit


@dataclass
class Drawn:
    """The fault one request meets, with its parameters; ``delay`` in seconds for latency (jitter drawn)."""

    fault: Fault
    delay: float = 0.0

    @property
    def name(self) -> str:
        return self.fault.name


class Weather:
    """A loaded schedule: the rules, their counters, and what they have done (``GET /_lmskit/weather``)."""

    def __init__(self, rules: list[Rule], seed: int, source: Any) -> None:
        self.rules = rules
        self.seed = seed
        self.source = source  # the schedule as given, for GET
        self._lock = threading.Lock()
        self._jitter = random.Random(f"{seed}:jitter")

    def draw(self, operation_id: str) -> Drawn | None:
        """The first rule's fault that this request meets; every rule counts the request."""
        with self._lock:
            met = [rule for rule in self.rules if rule.draw(operation_id)]
            if not met:
                return None
            fault = met[0].fault
            delay = 0.0
            if fault.kind == "latency":
                jitter = float(fault.parameters.get("jitter_ms", 0))
                delay = (float(fault.parameters.get("ms", 0)) + self._jitter.uniform(0, jitter)) / 1000
            return Drawn(fault, delay)

    def report(self) -> dict[str, Any]:
        with self._lock:
            fired = [{"fault": rule.fault.name, "seen": rule.seen, "fired": rule.fired} for rule in self.rules]
        return {"schedule": self.source, "rules": fired}


@functools.cache
def catalogue(folder: Path) -> dict[str, Fault]:
    """The vendor's faults: the generic ones and those of ``folder/weather.yaml`` (read once per process; the
    Faults are frozen, the dict is not to be changed)."""
    entries = dict(GENERIC)
    path = folder / "weather.yaml"
    if path.exists():
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        entries.update(loaded.get("faults") or {})
    found: dict[str, Fault] = {}
    for name, entry in entries.items():
        kind = entry.get("kind")
        if kind not in KINDS:
            raise WeatherError(f"{path}: fault {name!r} has kind {kind!r}; one of {', '.join(KINDS)}")
        parameters = {k: v for k, v in entry.items() if k not in ("kind", "operations")}
        found[name] = Fault(name, kind, parameters, tuple(entry.get("operations") or ()))
    return found


_RULE_KEYS = frozenset({"fault", "operations", "at", "every", "probability", "after", "times", "with"})
_OVERRIDABLE = frozenset({"ms", "jitter_ms", "status", "retry_after"})


def parse_schedule(value: Any, faults: dict[str, Fault], operation_ids: set[str], where: str) -> Weather:
    """A ``Weather`` from a schedule (a mapping, as YAML or JSON gives it); WeatherError naming the first thing
    wrong (``<where>: faults[1].at: …``), before anything is applied."""
    if not isinstance(value, dict) or set(value) - {"seed", "faults"}:
        raise WeatherError(f"{where}: a schedule is an object with `seed` (a whole number) and `faults` (a list)")
    seed = value.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise WeatherError(f"{where}: seed is a whole number")
    listed = value.get("faults", [])
    if not isinstance(listed, list):
        raise WeatherError(f"{where}: faults is a list of rules")
    rules = [_rule(entry, index, seed, faults, operation_ids, where) for index, entry in enumerate(listed)]
    return Weather(rules, seed, value)


def _rule(entry: Any, index: int, seed: int, faults: dict[str, Fault], operation_ids: set[str], where: str) -> Rule:
    at = f"{where}: faults[{index}]"
    if not isinstance(entry, dict):
        raise WeatherError(f"{at}: a rule is an object with `fault` and when it happens")
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise WeatherError(f"{at}: unknown key {sorted(unknown)[0]!r}; a rule has {', '.join(sorted(_RULE_KEYS))}")
    name = entry.get("fault")
    if name not in faults:
        raise WeatherError(f"{at}.fault: {name!r} is not in this fake's catalogue; one of {', '.join(sorted(faults))}")
    fault = faults[name]
    operations = entry.get("operations")
    chosen: frozenset[str] | None = None
    if operations is not None:
        if not isinstance(operations, list) or not all(isinstance(op, str) for op in operations):
            raise WeatherError(f"{at}.operations: a list of operationIds")
        strangers = sorted(set(operations) - operation_ids)
        if strangers:
            raise WeatherError(f"{at}.operations: {strangers[0]!r} is no operation of this fake's spec")
        chosen = frozenset(operations)
    if fault.operations:
        outside = (chosen if chosen is not None else frozenset(operation_ids)) - set(fault.operations)
        if outside:
            raise WeatherError(
                f"{at}.operations: {name} applies to {', '.join(fault.operations)} only; list those in operations"
            )
    when = [key for key in ("at", "every", "probability") if key in entry]
    if len(when) > 1:
        raise WeatherError(f"{at}: one of at, every or probability, not {' and '.join(when)}")
    rule = Rule(fault, chosen, rng=random.Random(f"{seed}:{index}"))
    if "at" in entry:
        numbers = entry["at"]
        if not isinstance(numbers, list) or not all(_count(n, 1) for n in numbers) or not numbers:
            raise WeatherError(f"{at}.at: a list of request numbers, 1 or more")
        rule.at = frozenset(numbers)
    if "every" in entry:
        if not _count(entry["every"], 1):
            raise WeatherError(f"{at}.every: a whole number, 1 or more")
        rule.every = entry["every"]
    if "probability" in entry:
        p = entry["probability"]
        if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 <= p <= 1:
            raise WeatherError(f"{at}.probability: a number from 0 to 1")
        rule.probability = float(p)
    for key in ("after", "times"):
        if key in entry and not _count(entry[key], 0):
            raise WeatherError(f"{at}.{key}: a whole number, 0 or more")
    rule.after = int(entry.get("after", 0))
    rule.times = entry.get("times")
    overrides = entry.get("with", {})
    if not isinstance(overrides, dict) or set(overrides) - _OVERRIDABLE:
        raise WeatherError(f"{at}.with: an object of {', '.join(sorted(_OVERRIDABLE))}")
    for key, number in overrides.items():
        if not _count(number, 0) or (key == "status" and not 400 <= number <= 599):
            raise WeatherError(f"{at}.with.{key}: a whole number{' from 400 to 599' if key == 'status' else ''}")
    if overrides:
        rule.fault = Fault(fault.name, fault.kind, {**fault.parameters, **overrides}, fault.operations)
    return rule


def _count(value: Any, low: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= 10**9


def read_schedule(path: Path) -> Any:
    """A schedule file (YAML or JSON) as data, read as specs and seeds are: bounded in size, depth and alias
    expansion before anything is built, each problem one line with the file and, for syntax, line and column."""
    from lmskit.errors import SpecError
    from lmskit.spec.loader import parse_yaml, read_text

    try:
        text = read_text(path, "a weather schedule (YAML or JSON)")
        if not text.strip():
            return {"faults": []}
        loaded, _ = parse_yaml(text, path)
    except SpecError as exc:
        raise WeatherError(str(exc)) from None
    return loaded


def patch_body(body: Any, match: dict[str, Any], changes: dict[str, Any]) -> int:
    """Set ``changes`` on every object in ``body`` that has ``match``'s keys (and values, where not None);
    how many objects changed."""
    changed = 0
    for _, node in iter_tree(body, max_depth=10_000):
        if isinstance(node, dict) and all(k in node and (v is None or node[k] == v) for k, v in match.items()):
            node.update(changes)
            changed += 1
    return changed


def catalogue_markdown() -> str:
    """The catalogues as docs/weather.md shows them (a test keeps the page in step): per vendor, each fault's
    kind, what it does, its evidence and confidence."""
    from lmskit.fakes import get_fake
    from lmskit.vendors import VENDORS

    lines: list[str] = []
    for vendor in VENDORS:
        lines += [
            f"### {vendor}",
            "",
            "| fault | kind | what happens | evidence | confidence |",
            "|---|---|---|---|---|",
        ]
        for name, fault in sorted(catalogue(get_fake(vendor).folder).items()):
            cells = [
                str(fault.parameters.get(key, "")).replace("|", "\\|").replace("\n", " ")
                for key in ("summary", "evidence", "confidence")
            ]
            only = f" (only {', '.join(fault.operations)})" if fault.operations else ""
            lines.append(f"| `{name}` | {fault.kind} | {cells[0]}{only} | {cells[1]} | {cells[2]} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

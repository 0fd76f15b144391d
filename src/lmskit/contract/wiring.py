"""A vendor's schemathesis schema, wired to a target and a run's options: what is generated, which operations
and checks run, and the live-safety rules.

The configuration is built here, explicitly: a ``schemathesis.toml`` in the working folder does not change a run
(schemathesis would otherwise discover and apply it silently).
"""

from __future__ import annotations

import copy
from typing import Any

import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode

from lmskit.contract.options import RunOptions
from lmskit.contract.profiles import Profile
from lmskit.contract.targets import Target
from lmskit.errors import UsageError
from lmskit.spec.api import Api
from lmskit.spec.links import read_links
from lmskit.spec.operations import Operation

_STANDARD_ACCEPTANCE = ["2xx", "3xx", "401", "403", "404", "409", "429"]

# Checks whose extra requests leave the run's session (so no budget could count them): never against a tenant.
# The plain auth tests (valid credentials → 2xx, wrong ones → 401) cover what ``ignored_auth`` would.
LIVE_EXCLUDED_CHECKS = ["ignored_auth"]
# A read-only run also sends no undocumented methods.
READ_ONLY_EXCLUDED_CHECKS = ["unsupported_method", "ignored_auth"]


def matches(operation: Operation, selector: str) -> bool:
    """``listMyCourseEnrollments``, ``/users/{userId}/enrollments`` or ``GET /users/{userId}/enrollments``."""
    selector = selector.strip()
    if selector == operation.operation_id or selector == operation.path:
        return True
    method, _, path = selector.partition(" ")
    return method.lower() == operation.method and path.strip() == operation.path


def selected_operations(api: Api, target: Target, options: RunOptions) -> list[Operation]:
    """The operations a run covers: the target's (GETs when read-only), narrowed by --include / --exclude."""
    operations = [op for op in api.operations.values() if not target.read_only or op.method == "get"]
    for selector in (*options.include, *options.exclude):
        if not any(matches(op, selector) for op in api.operations.values()):
            known = ", ".join(sorted(op.operation_id or op.label for op in api.operations.values()))
            raise UsageError(f"{api.vendor}: no operation matches {selector!r}; operations: {known}")
    if options.include:
        operations = [op for op in operations if any(matches(op, s) for s in options.include)]
    return [op for op in operations if not any(matches(op, s) for s in options.exclude)]


def build_schema(api: Api, target: Target, profile: Profile, options: RunOptions, operations: list[Operation]) -> Any:
    # The Api's document (with any overlays), not the file: the spec is parsed once per run. A copy: schemathesis
    # rewrites the dict it is given (it inlines references), and every other stage reads the Api's.
    schema: Any = schemathesis.openapi.from_dict(copy.deepcopy(api.document), config=SchemathesisConfig())
    if target.app is not None:
        schema.app = target.app
    else:
        schema.config.update(base_url=target.base_url)
    labels = {(op.method.upper(), op.path) for op in operations}
    schema = schema.include(func=lambda ctx: (ctx.operation.method.upper(), ctx.operation.path) in labels)
    if target.read_only:
        # GET operations only, no probes with undocumented methods, no unauthenticated replays.
        schema.config.phases.coverage.unexpected_methods = set()
        schema.config.checks.update(excluded_check_names=READ_ONLY_EXCLUDED_CHECKS)
        # Negative steps in a workflow may drop the credentials (schemathesis then applies no auth); the single
        # operation tests skip those cases (Suite.call_and_validate), a workflow cannot skip a step.
        schema.config.phases.stateful.generation.update(modes=[GenerationMode.POSITIVE])
    elif target.is_live and not target.is_fake:
        schema.config.checks.update(excluded_check_names=LIVE_EXCLUDED_CHECKS)
    schema.config.checks.positive_data_acceptance.expected_statuses = accepted_statuses(api)
    examples = options.max_examples or profile.examples_per_operation(len(operations))
    # No example database: a run is seeded and derandomized, and it must not read or write a `.hypothesis/`
    # folder in the user's working directory.
    # A quick run reports the case that failed as it was; shrinking a failing stateful run to a minimal one can
    # take minutes (a thorough run still shrinks).
    schema.config.generation.update(max_examples=examples, database="none", no_shrink=not profile.shrink)
    schema.config.seed = options.seed
    if options.params:
        schema.config.parameters = dict(options.params)
    return schema


def accepted_statuses(api: Api) -> list[str]:
    """What a schema-valid request may get: schemathesis's own list, and the statuses the spec's
    ``x-lmskit-contract`` names for a request the data refuses (an unknown offering, a finished attempt)."""
    rejections = [str(status) for status in api.contract.get("state-rejection-statuses", [])]
    return [*_STANDARD_ACCEPTANCE, *rejections]


def schemathesis_toml(apis: list[Api]) -> str:
    """A ``schemathesis.toml`` that gives plain ``schemathesis run specs/<vendor>.yaml`` the kit's verdict: one
    ``[[project]]`` per spec (schemathesis picks it by the spec's title) with the statuses a valid request may
    get. Credentials stay out of it: pass them with ``-H``, as the README shows."""
    lines = [
        "# What `schemathesis run specs/<vendor>.yaml --url URL -H ...` needs to give lmskit's verdict.",
        "# Generated by `lmskit contract --schemathesis-config` from the specs' x-lmskit-contract; do not edit.",
    ]
    for api in apis:
        why = str(api.contract.get("why", "")).replace('"', "'")
        lines += ["", "[[project]]", f"title = {_toml_string(api.title)}", ""]
        if why:
            lines.append(f"# {why}")
        lines += [
            "[project.checks.positive_data_acceptance]",
            "expected-statuses = [" + ", ".join(_toml_string(status) for status in accepted_statuses(api)) + "]",
        ]
    return "\n".join(lines) + "\n"


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def has_links(api: Api, operations: list[Operation]) -> bool:
    """Whether the stateful phase has anything to walk: a link from one selected operation to another."""
    labels = {operation.label for operation in operations}
    targets = {operation.operation_id for operation in operations}
    return any(link.source.label in labels and link.target_operation_id in targets for link in read_links(api.document))

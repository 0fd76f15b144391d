"""Every ``$ref`` must resolve inside the file."""

from __future__ import annotations

from collections.abc import Iterator

from lmskit.spec.lint._problem import Problem
from lmskit.spec.loader import Spec
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve
from lmskit.spec.walk import iter_refs


def check_refs(spec: Spec) -> Iterator[Problem]:
    for owner, ref in iter_refs(spec.document):
        pointer = join_pointer(owner, "$ref")
        if not ref.startswith("#"):
            yield Problem(
                pointer,
                f"$ref {ref!r} points to another file",
                "copy the target into this file's components: openapi-python-client cannot follow multi-file $refs",
            )
            continue
        try:
            resolve(spec.document, {"$ref": ref}, owner)
        except RefError as exc:
            yield Problem(pointer, f"$ref {exc}", "point it at an existing node, e.g. '#/components/schemas/Name'")

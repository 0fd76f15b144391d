"""Every 2xx JSON response has a schema: the client, validation and contract runs all need one."""

from __future__ import annotations

from collections.abc import Iterator

from lmskit.spec.lint._problem import Problem
from lmskit.spec.loader import Spec
from lmskit.spec.media import is_json_media_type
from lmskit.spec.operations import iter_operations
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve


def check_success_schemas(spec: Spec) -> Iterator[Problem]:
    for operation in iter_operations(spec.document):
        responses = operation.definition.get("responses")
        if not isinstance(responses, dict):
            continue
        for status, response in responses.items():
            if not str(status).startswith("2"):
                continue
            pointer = join_pointer(operation.pointer, "responses", str(status))
            try:
                resolved = resolve(spec.document, response, pointer)
            except RefError:
                continue  # reported by the refs rule
            content = resolved.value.get("content") if isinstance(resolved.value, dict) else None
            if not isinstance(content, dict):
                continue
            for media_type, media in content.items():
                if is_json_media_type(str(media_type)) and not (isinstance(media, dict) and "schema" in media):
                    yield Problem(
                        join_pointer(resolved.pointer, "content", str(media_type)),
                        f"{operation.label} {status} {media_type} has no schema",
                        "add `schema:`; without it the client returns raw JSON and nothing is validated",
                    )

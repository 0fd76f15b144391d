"""Matching (method, path) to an operation: concrete paths beat templates, parameters come back by their
template names, a known path with another method is PARTIAL (405)."""

from __future__ import annotations

import pytest

from lmskit.spec.api import load_api
from lmskit.spec.router import Match, Router


def document(*paths: str) -> dict[str, object]:
    return {
        "openapi": "3.1.0",
        "paths": {
            path: {"get": {"operationId": f"get{i}", "responses": {}}, "post": {"operationId": f"post{i}"}}
            for i, path in enumerate(paths)
        },
    }


ROUTER = Router(
    document(
        "/enrollments/{id}",
        "/enrollments/unenroll",
        "/users/{userId}/enrollments/{courseId}",
        "/users/{user-id}/courses/{course.id}",
        "/users/{userId}/enrollments",
        "/users",
    )
)


@pytest.mark.parametrize(
    ("path", "operation", "params"),
    [
        ("/enrollments/unenroll", "get1", {}),
        ("/enrollments/42", "get0", {"id": "42"}),
        ("/users/u1/enrollments/c1", "get2", {"userId": "u1", "courseId": "c1"}),
        ("/users/u-2/courses/c.2", "get3", {"user-id": "u-2", "course.id": "c.2"}),
        ("/users/u3/enrollments", "get4", {"userId": "u3"}),
        ("/users", "get5", {}),
    ],
)
def test_each_path_finds_its_operation_and_parameters(path: str, operation: str, params: dict[str, str]) -> None:
    found = ROUTER.match("GET", path)
    assert found.match is Match.FULL
    assert found.operation is not None and found.operation.operation_id == operation
    assert found.path_params == params


@pytest.mark.parametrize("path", ["/enrollments", "/enrollments/1/2", "/users/u1/enrollments/c1/x", "/nope", "/"])
def test_unknown_paths_match_nothing(path: str) -> None:
    assert ROUTER.match("GET", path).match is Match.NONE


def test_a_known_path_with_another_method_is_partial_and_lists_the_allowed_ones() -> None:
    found = ROUTER.match("DELETE", "/enrollments/unenroll")
    assert (found.match, found.operation, found.allowed_methods) == (Match.PARTIAL, None, ("GET", "POST"))


def test_the_absorb_spec_routes_every_documented_path_to_its_own_operation() -> None:
    api = load_api("absorb")
    for operation in api.operations.values():
        concrete = operation.path.replace("{", "x").replace("}", "")
        found = api.router.match(operation.method, concrete)
        assert found.operation is not None and found.operation.pointer == operation.pointer, operation.path

"""Every operation's success path is reached: values harvested from the target's own lists and the spec's links,
explicit success cases built from them, and a fake back at its seed before each operation."""

from __future__ import annotations

import pytest

from lmskit.contract.auth import Authenticator
from lmskit.contract.harvest import AMBIGUOUS_NAME, APART, Harvest, Record, bindings, evaluate_at, harvest
from lmskit.contract.options import RunOptions
from lmskit.contract.success import MIN_SUCCESS_CASES, success_cases
from lmskit.contract.suite import Suite
from lmskit.contract.targets import fake_target
from lmskit.spec.api import load_api
from lmskit.vendors import VENDORS


@pytest.fixture(scope="module", params=VENDORS)
def found(request):
    api = load_api(request.param)
    target = fake_target(api)
    authenticator = Authenticator(api, target.credentials, target.send)
    probe = (api.contract.get("auth-probe") or {}).get("parameters") or {}
    seeds = [*target.records, *([Record(probe, "probe")] if probe else [])]
    return api, target, harvest(api, target.send, authenticator.current, seeds=seeds)


def test_every_operation_of_every_fake_has_values_for_its_path(found) -> None:
    api, _, harvested = found
    for operation in api.operations.values():
        assert bindings(api, operation, harvested, limit=5), f"{operation.label} has no binding"


def test_every_operation_gets_at_least_five_success_cases(found) -> None:
    api, target, harvested = found
    for operation in api.operations.values():
        cases = success_cases(api, operation, harvested, target.credentials.values, count=10)
        assert len(cases) >= MIN_SUCCESS_CASES, operation.label


def test_the_harvest_spends_no_more_than_its_budget() -> None:
    api = load_api("absorb")
    target = fake_target(api)
    authenticator = Authenticator(api, target.credentials, target.send)
    authenticator.current()
    before = target.app.state.log.total
    found = harvest(api, target.send, authenticator.current, seeds=list(target.records), budget=7)
    assert found.requests == 7
    assert target.app.state.log.total - before == 7


def test_a_link_is_followed_for_every_listed_item_not_only_the_first() -> None:
    body = {"results": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}
    assert [evaluate_at("$response.body#/results/0/id", i, {}, body) for i in range(3)] == ["a", "b", "c"]
    assert evaluate_at("$request.path.userId", 2, {"userId": "u"}, body) == "u"
    assert evaluate_at("literal", 1, {}, body) == "literal"


def test_an_id_is_matched_only_through_a_link_never_by_its_name() -> None:
    api = load_api("digitalchalk")
    found = Harvest()
    found.add_record(Record({"id": "not-a-registration", "userId": "u1"}, "a list of something else"))
    assert bindings(api, api.operation("getRegistration"), found, limit=5) == []
    assert AMBIGUOUS_NAME == "id"


def test_values_seen_together_come_before_values_seen_apart() -> None:
    api = load_api("absorb")
    found = Harvest()
    found.add_record(Record({"userId": "u-apart"}, "seed"))
    found.add_record(Record({"courseId": "c-apart"}, "seed"))
    found.add_record(Record({"userId": "u1", "courseId": "c1"}, "GET /bulk/studentcourses"))
    chosen = bindings(api, api.operation("getUserCourseEnrollment"), found, limit=5)
    assert dict(chosen[0].path) == {"userId": "u1", "courseId": "c1"}
    assert chosen[-1].source == APART


def test_a_create_body_takes_the_harvested_ids_and_keeps_the_examples_data() -> None:
    api = load_api("absorb")
    found = Harvest()
    found.add_record(Record({"userId": "u1", "courseId": "c1", "status": 3, "score": 88}, "GET /bulk/studentcourses"))
    case = success_cases(api, api.operation("createOrUpdateCourseEnrollment"), found, {}, count=5)[0]
    assert case.path == {"userId": "u1"}
    assert case.body["courseId"] == "c1"
    assert case.body["userId"] == "u1"
    # A data field keeps the example's value: the write changes something the next read can show.
    assert (case.body["status"], case.body["score"]) == (0, 0)


def test_the_token_operation_is_called_with_the_runs_own_credentials() -> None:
    api = load_api("absorb")
    credentials = {"USERNAME": "someone", "PASSWORD": "secret-1", "API_KEY": "key-1"}
    cases = success_cases(api, api.operation("authenticate"), Harvest(), credentials, count=5)
    assert len(cases) == MIN_SUCCESS_CASES
    assert cases[0].body == {"username": "someone", "password": "secret-1", "privateKey": "key-1"}


def test_a_list_gets_a_page_of_one_and_each_declared_filter() -> None:
    api = load_api("digitalchalk")
    operation = api.operation("listRegistrations")
    found = Harvest()
    found.add_record(Record({"id": "r1", "userId": "u1", "offeringId": "o1", "status": "active"}, operation.label))
    purposes = [case.purpose for case in success_cases(api, operation, found, {}, count=10)]
    assert "as listed" in purposes
    assert "page of 1" in purposes
    assert {"filter status=active", "filter userId=u1", "filter offeringId=o1"} <= set(purposes)


def test_a_fake_goes_back_to_its_seed_before_each_operation_and_the_token_is_renewed() -> None:
    api = load_api("absorb")
    suite = Suite(api, RunOptions())
    first = suite.authenticator.current()
    suite.target.send(
        "POST", "/enrollments/unenroll", {**first, "x-api-version": "2"}, ["a14c149a-2ce0-41d4-b532-02189ad3cb22"]
    )
    suite.before_operation()
    renewed = suite.authenticator.renew(first)
    assert renewed["Authorization"] != first["Authorization"]  # the reset forgot every token
    answer = suite.target.send(
        "GET", "/enrollments/a14c149a-2ce0-41d4-b532-02189ad3cb22", {**renewed, "x-api-version": "2"}, None
    )
    assert answer.status_code == 200  # the un-enrolled enrollment is back with the seed

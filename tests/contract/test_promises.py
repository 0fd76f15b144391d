"""The promise checks: each reads what an answer means and fails, in one line, on the fault it guards."""

from __future__ import annotations

from typing import Any

import pytest

from lmskit.contract.promises import Promises, Sent
from lmskit.spec.api import load_api
from lmskit.spec.promises import UNKNOWN, Exchange, PromiseError, evaluate, read_expectation, read_filter, same_value


class Recorded:
    """A fetch that answers from a table and remembers what was asked."""

    def __init__(self, answers: dict[str, tuple[int, Any]]) -> None:
        self.answers = answers
        self.asked: list[tuple[str, str, dict[str, Any]]] = []

    def __call__(self, method, url, headers, query, body):
        self.asked.append((method, url, dict(query)))
        key = url + ("?" + "&".join(f"{k}={v}" for k, v in sorted(query.items())) if query else "")
        status, answer = self.answers.get(key, self.answers.get(url, (404, None)))
        return status, {}, answer


def sent(api, operation_id, *, path=None, query=None, body=None, status=200, headers=None, answer=None, url=""):
    return Sent(api.operation(operation_id), url, path or {}, query or {}, body, status, headers or {}, answer)


def test_a_grade_that_is_not_kept_is_named_with_what_the_next_read_shows() -> None:
    api = load_api("digitalchalk")
    fetch = Recorded(
        {"http://x/registrations/r1": (200, {"id": "r1", "userId": "u", "offeringId": "o", "status": "active"})}
    )
    broken = Promises(api, fetch, "http://x").check(
        sent(api, "updateRegistration", path={"id": "r1"}, body={"grade": 99.7}, status=204)
    )
    assert [item.code for item in broken] == ["LMS101"]
    assert broken[0].message == (
        "PUT /registrations/{id} answered 204, but the next GET /registrations/{id} (link getUpdatedRegistration)"
        " shows /grade = (absent), not 99.7"
    )


def test_a_kept_grade_keeps_its_promise() -> None:
    api = load_api("digitalchalk")
    fetch = Recorded({"http://x/registrations/r1": (200, {"id": "r1", "grade": 99.7, "status": "passed"})})
    assert (
        Promises(api, fetch, "http://x").check(
            sent(api, "updateRegistration", path={"id": "r1"}, body={"grade": 99.7}, status=204)
        )
        == []
    )


def test_a_deleted_learner_still_listed_breaks_the_delete() -> None:
    api = load_api("bridge")
    listed = {"meta": {}, "enrollments": [{"id": "42", "enrollment_id": "7", "deleted_at": None}]}
    fetch = Recorded({"http://x/api/author/programs/1/learners": (200, listed)})
    broken = Promises(api, fetch, "http://x").check(
        sent(api, "deleteProgramEnrollment", path={"program_id": 1, "id": 7}, status=204)
    )
    messages = [item.message for item in broken]
    assert any("still lists the item with /enrollment_id = 7" in message for message in messages), messages
    assert any("/deleted_at = null, not a value" in message for message in messages), messages


def test_an_ignored_filter_names_the_item_that_does_not_match() -> None:
    api = load_api("digitalchalk")
    answer = {"results": [{"id": "a", "status": "active"}, {"id": "b", "status": "passed"}]}
    broken = Promises(api, Recorded({}), "http://x").check(
        sent(api, "listRegistrations", query={"status": "active"}, answer=answer)
    )
    assert broken[0].code == "LMS201"
    assert 'item 1 of the answer has /status = "passed", not "active"' in broken[0].message


def test_a_templated_filter_reads_its_value_back_from_the_query() -> None:
    api = load_api("absorb")
    answer = {
        "totalItems": 2,
        "returnedItems": 2,
        "limit": 20,
        "offset": 0,
        "enrollments": [{"id": "e1"}, {"id": "e2"}],
    }
    broken = Promises(api, Recorded({}), "http://x").check(
        sent(api, "listMyCourseEnrollments", query={"_filter": "id eq guid'e1'"}, answer=answer)
    )
    assert [item.code for item in broken] == ["LMS201"]
    # A _filter in any other form is not the promise's to judge.
    assert (
        Promises(api, Recorded({}), "http://x").check(
            sent(api, "listMyCourseEnrollments", query={"_filter": "status eq 3"}, answer=answer)
        )
        == []
    )


def test_a_next_link_that_repeats_an_item_is_caught_walking_the_pages() -> None:
    api = load_api("digitalchalk")
    items = [{"id": f"r{i}", "userId": "u", "offeringId": "o", "status": "active"} for i in range(4)]
    base = "http://x/registrations"
    fetch = Recorded(
        {
            f"{base}?limit=2": (200, {"results": items[0:2], "next": f"{base}?limit=2&offset=1"}),
            f"{base}?limit=2&offset=1": (200, {"results": items[1:3], "next": f"{base}?limit=2&offset=3"}),
        }
    )
    broken = Promises(api, fetch, "http://x").check(sent(api, "listRegistrations", url=base, answer={"results": items}))
    assert broken[0].code == "LMS203"
    assert "page 2 repeats an item of page 1 (id r1)" in broken[0].message


def test_a_total_that_miscounts_the_pages_is_caught() -> None:
    api = load_api("absorb")
    items = [{"id": f"e{i}"} for i in range(3)]
    base = "http://x/myenrollments"

    def page(part, offset):
        return {"totalItems": 4, "returnedItems": len(part), "limit": 2, "offset": offset, "enrollments": part}

    fetch = Recorded(
        {f"{base}?_limit=2": (200, page(items[:2], 0)), f"{base}?_limit=2&_offset=1": (200, page(items[2:], 1))}
    )
    whole = {"totalItems": 4, "returnedItems": 3, "limit": 20, "offset": 0, "enrollments": items}
    broken = Promises(api, fetch, "http://x").check(sent(api, "listMyCourseEnrollments", url=base, answer=whole))
    assert [item.code for item in broken] == ["LMS205"]


def test_a_location_that_leads_nowhere_is_caught_and_another_host_is_never_called() -> None:
    api = load_api("digitalchalk")
    fetch = Recorded({})
    created = sent(
        api,
        "createRegistration",
        status=201,
        url="http://x/registrations",
        headers={"location": "/registrations/nope"},
        body={"userId": "u", "offeringId": "o"},
    )
    codes = [item.code for item in Promises(api, fetch, "http://x").check(created)]
    assert "LMS102" in codes
    elsewhere = sent(
        api, "createRegistration", status=201, url="http://x/registrations", headers={"location": "http://evil/r/1"}
    )
    fetch.asked.clear()
    Promises(api, fetch, "http://x").check(elsewhere)
    assert all("evil" not in url for _, url, _ in fetch.asked)


def test_an_answer_without_what_its_link_reads_is_caught() -> None:
    api = load_api("absorb")
    created = sent(
        api, "createCourseEnrollment", path={"userId": "u", "courseId": "c"}, answer={"userId": "u", "courseId": "c"}
    )
    broken = Promises(api, Recorded({}), "http://x").check(created)
    assert broken[0].code == "LMS103"
    assert "without /enrollmentId" in broken[0].message


def test_values_compare_as_a_sync_compares_them() -> None:
    assert same_value("42", 42)
    assert same_value("A14C149A-2CE0-41D4-B532-02189AD3CB22", "a14c149a-2ce0-41d4-b532-02189ad3cb22")
    assert same_value("2017-12-31T07:00:00Z", "2017-12-31T07:00:00+00:00")
    assert same_value("2017-12-31T07:00:00.505Z", "2017-12-31T07:00:00Z")
    assert same_value("2017-12-31T07:00:00Z", "2017-12-31T07:00:00")  # .NET's UTC without an offset
    assert not same_value("2017-12-31T07:00:00+02:00", "2017-12-31T07:00:00")
    assert not same_value(True, 1)
    assert not same_value("2017-12-31T07:00:00Z", "2017-12-31T07:00:01Z")


def test_expressions_read_the_exchange_and_say_when_they_cannot() -> None:
    exchange = Exchange(
        path={"id": "7"}, request_body={"grade": 9}, headers={"location": "/dc/api/v5/registrations/abc"}
    )
    assert evaluate("$request.path.id", exchange) == "7"
    assert evaluate("$request.body#/grade", exchange) == 9
    assert evaluate("$response.header.Location#regex:/registrations/([^/?#]+)", exchange) == "abc"
    assert evaluate("$request.body#/missing", exchange) is UNKNOWN
    assert evaluate("$url", exchange) is UNKNOWN


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"field": "status"}, "not a JSON pointer"),
        ({"field": "/id", "template": "no placeholder"}, "{value} once"),
        ({"field": "/id", "compare": "like"}, "equals or since"),
        ("status", "write {field"),
    ],
)
def test_a_malformed_filter_is_one_line_naming_its_pointer(raw, message) -> None:
    with pytest.raises(PromiseError, match=r"^/p/x-lmskit-filter") as caught:
        read_filter(raw, "status", "/p/x-lmskit-filter")
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"status": 999}, "HTTP status"),
        ({"absent": True}, "needs `item`"),
        ({"body": {"grade": "$request.body#/grade"}}, "not a JSON pointer"),
        ({}, "expects nothing"),
        ({"status": 200, "colour": "red"}, "unknown key"),
    ],
)
def test_a_malformed_expectation_is_one_line_naming_its_pointer(raw, message) -> None:
    with pytest.raises(PromiseError, match=r"^/l/x-lmskit-expect") as caught:
        read_expectation(raw, "/l/x-lmskit-expect")
    assert message in str(caught.value)

"""The fakes' JSON writer, their transactions and their check for integers past 64 bits: what every request
passes through, rewritten for speed (`nox -s bench -- fakes`), held here to what they did before."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading

import httpx
import pytest

from lmskit.fakes import get_fake, incoming
from lmskit.fakes.app import build_app
from lmskit.fakes.incoming import encode_json
from lmskit.fakes.requests import parse_request
from lmskit.fakes.store import Store
from lmskit.spec.parameters import RequestBody, RequestShape
from lmskit.spec.schemas import SchemaValidators

SCHEMA = "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
VALUES = [
    {"id": "a14c149a", "score": None, "progress": 12.5, "isActive": True, "tags": ["x", 1, 2.0, False]},
    {"name": "Zoë Ærøskøbing 学生", "nested": {"deep": [{"k": "v"}]}, "big": 2**63 - 1, "small": -(2**63)},
    [],
    {},
    "plain",
    0,
]


@pytest.mark.parametrize("value", VALUES)
def test_answers_parse_back_to_what_the_handler_returned(value: object) -> None:
    written = encode_json(value)
    assert isinstance(written, bytes)
    assert json.loads(written) == value
    assert b": " not in written and b", " not in written  # compact, as before


def test_a_lone_surrogate_and_a_wide_integer_are_still_written() -> None:
    # orjson refuses both; a client may send "\ud800" in a body and read it back, and the answer must not fail.
    value = {"name": "\ud800", "n": 2**70}
    written = encode_json(value)
    assert b"\\ud800" in written
    assert json.loads(written) == value


def test_non_string_keys_are_written_as_strings_as_json_does() -> None:
    assert json.loads(encode_json({1: "a", 2: "b"})) == {"1": "a", "2": "b"}


@pytest.mark.parametrize("value", [*VALUES, {"name": "\ud800"}])
def test_without_orjson_the_standard_library_writes_the_same_values(
    monkeypatch: pytest.MonkeyPatch, value: object
) -> None:
    fast = encode_json(value)
    monkeypatch.setattr(incoming, "orjson", None)
    slow = encode_json(value)
    assert json.loads(slow) == json.loads(fast) == value


def test_a_served_answer_is_valid_utf8_json_with_its_length() -> None:
    app = build_app(get_fake("bridge"))

    async def get() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://fake") as client:
            headers = {"Authorization": "Bearer bridge-demo-token"}
            return await client.get("/api/author/programs/1/learners", headers=headers)

    response = asyncio.run(get())
    assert response.status_code == 200
    assert int(response.headers["content-length"]) == len(response.content)
    assert response.headers["content-type"] == "application/json"
    assert json.loads(response.content.decode("utf-8"))["enrollments"]


def names(store: Store) -> list[str]:
    return [row["name"] for row in store.rows("SELECT name FROM things ORDER BY id")]


def test_a_transaction_commits_everything_or_nothing() -> None:
    store = Store(SCHEMA)
    with store.transaction() as db:
        db.execute("INSERT INTO things (name) VALUES ('one')")
        db.execute("INSERT INTO things (name) VALUES ('two')")
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as db:
        db.execute("INSERT INTO things (name) VALUES ('three')")
        db.execute("INSERT INTO things (name) VALUES ('one')")  # duplicate: the whole unit goes
    assert names(store) == ["one", "two"]


def test_a_failed_inner_transaction_rolls_back_only_itself_when_caught() -> None:
    store = Store(SCHEMA)
    with store.transaction() as db:
        db.execute("INSERT INTO things (name) VALUES ('outer')")
        with pytest.raises(ValueError), store.transaction() as inner:
            inner.execute("INSERT INTO things (name) VALUES ('inner')")
            raise ValueError("handler refused")
        db.execute("INSERT INTO things (name) VALUES ('after')")
    assert names(store) == ["outer", "after"]


def test_a_failed_inner_transaction_takes_the_outer_one_with_it_when_not_caught() -> None:
    store = Store(SCHEMA)
    with pytest.raises(ValueError), store.transaction() as db:
        db.execute("INSERT INTO things (name) VALUES ('outer')")
        with store.transaction() as inner:
            inner.execute("INSERT INTO things (name) VALUES ('inner')")
            raise ValueError("seed broke halfway")
    assert names(store) == []


def test_a_failed_transaction_leaves_the_store_usable_from_another_thread() -> None:
    store = Store(SCHEMA)
    with pytest.raises(RuntimeError), store.transaction():
        raise RuntimeError("boom")
    finished = threading.Event()

    def write() -> None:
        with store.transaction() as db:
            db.execute("INSERT INTO things (name) VALUES ('from a thread')")
        finished.set()

    worker = threading.Thread(target=write, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert finished.is_set(), "the store's lock was not released by the failed transaction"
    assert names(store) == ["from a thread"]
    with store.transaction() as db:  # and no transaction was left open on the connection
        db.execute("INSERT INTO things (name) VALUES ('again')")
    assert names(store) == ["from a thread", "again"]


# --- request bodies: integers past 64 bits ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "pointer"),
    [
        (b'{"a": 9223372036854775808}', "/a"),  # 2**63: the first integer SQLite cannot store
        (b'{"a": [1, {"b": -9223372036854775809}]}', "/a/1/b"),
    ],
)
def test_a_body_integer_past_64_bits_is_a_problem_naming_where(raw: bytes, pointer: str) -> None:
    shape = RequestShape(parameters=(), body=RequestBody(required=True, schema_pointer=None))
    parsed, problems = parse_request(shape, SchemaValidators({}), {}, [], {}, raw, "application/json")
    assert parsed.body is None
    assert [(p.location, p.name, p.message) for p in problems] == [
        ("body", "a", f"{pointer}: the integer does not fit in 64 bits")
    ]


def test_a_body_with_long_digit_runs_that_fit_is_accepted() -> None:
    shape = RequestShape(parameters=(), body=RequestBody(required=True, schema_pointer=None))
    raw = b'{"a": 9223372036854775807, "b": "12345678901234567890123", "c": -9223372036854775808}'
    parsed, problems = parse_request(shape, SchemaValidators({}), {}, [], {}, raw, "application/json")
    assert problems == []
    assert parsed.body == {"a": 2**63 - 1, "b": "12345678901234567890123", "c": -(2**63)}

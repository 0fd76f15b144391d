"""The fakes' clock: whole seconds, one object per second, and an advance that takes effect at once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from lmskit.fakes import dates, get_fake
from lmskit.fakes.app import build_app

MOMENT = 1_767_225_600  # 2026-01-01T00:00:00Z


def test_now_is_the_wall_clock_second_and_one_object_within_it(monkeypatch: pytest.MonkeyPatch) -> None:
    state = build_app(get_fake("digitalchalk")).state
    monkeypatch.setattr("time.time", lambda: MOMENT + 0.25)
    first = state.now()
    monkeypatch.setattr("time.time", lambda: MOMENT + 0.75)
    assert state.now() is first
    assert first == datetime(2026, 1, 1, tzinfo=UTC)
    monkeypatch.setattr("time.time", lambda: MOMENT + 1.0)
    assert state.now() == datetime(2026, 1, 1, 0, 0, 1, tzinfo=UTC)


def test_an_advanced_clock_shows_within_the_same_second(monkeypatch: pytest.MonkeyPatch) -> None:
    app = build_app(get_fake("digitalchalk"))
    monkeypatch.setattr("time.time", lambda: MOMENT + 0.5)
    before = app.state.now()

    async def advance(seconds: int) -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://fake") as client:
            return await client.post("/_lmskit/clock", json={"advance_seconds": seconds})

    answer = asyncio.run(advance(172_800))
    assert answer.status_code == 200
    assert answer.json()["now"] == "2026-01-03T00:00:00+00:00"
    assert app.state.now() == before + timedelta(days=2)
    app.state.reset()
    assert app.state.now() == before


def test_the_text_of_a_moment_is_its_utc_second_whatever_its_zone() -> None:
    utc = datetime(2026, 1, 1, 6, 3, 10, tzinfo=UTC)
    plus_two = utc.astimezone(timezone(timedelta(hours=2)))
    assert dates.to_text(utc) == dates.to_text(plus_two) == "2026-01-01T06:03:10Z"
    assert dates.to_text(utc.replace(microsecond=999_999)) == "2026-01-01T06:03:10Z"
    assert dates.to_text(datetime(2026, 1, 1, 6, 3, 10)) == "2026-01-01T06:03:10Z"  # naive: taken as UTC

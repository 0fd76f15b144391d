"""Timestamps in the fakes: stored as RFC 3339 UTC text, so SQLite compares them as strings."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache


# A handler stamps rows with the request's time, which FakeState.now() hands out as one object per second: the
# text is then formatted once a second instead of once a write.
@lru_cache(maxsize=256)
def to_text(moment: datetime) -> str:
    """``datetime(2012, 3, 1, 6, 3, 10, tzinfo=UTC)`` → ``2012-03-01T06:03:10Z``."""
    if moment.utcoffset():
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def parse(text: str) -> datetime:
    """An RFC 3339 timestamp or a bare date (midnight UTC); raises ValueError otherwise."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def normalise(text: str) -> str:
    return to_text(parse(text))

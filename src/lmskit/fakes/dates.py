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
        try:
            moment = moment.astimezone(UTC)
        except OverflowError:
            # 0001-01-01T00:00:00+00:01 is a minute before the first instant Python has (and 9999-12-31T23:59
            # -00:01 one after the last): as a filter bound it means "before (after) everything", which the
            # first (last) representable second means too.
            return "0001-01-01T00:00:00Z" if moment.year == 1 else "9999-12-31T23:59:59Z"
    return moment.replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def parse(text: str) -> datetime:
    """An RFC 3339 timestamp or a bare date (midnight UTC); raises ValueError otherwise."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def normalise(text: str) -> str:
    return to_text(parse(text))

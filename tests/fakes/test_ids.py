"""Ids the fakes create: the vendors' shapes, unique, and led by the second (which keeps inserts cheap)."""

from __future__ import annotations

import re
import time
import uuid

from lmskit.fakes.ids import ordered_hex, ordered_uuid4

HEX32 = re.compile(r"^[0-9a-f]{32}$")


def test_digitalchalk_ids_are_32_hex_digits_led_by_the_second() -> None:
    before = int(time.time())
    made = [ordered_hex() for _ in range(2000)]
    after = int(time.time())
    assert all(HEX32.match(value) for value in made)
    assert len(set(made)) == len(made)
    assert all(before <= int(value[:8], 16) <= after for value in made)


def test_absorb_ids_are_version_4_uuids_led_by_the_second() -> None:
    before = int(time.time())
    made = [ordered_uuid4() for _ in range(2000)]
    after = int(time.time())
    assert len(set(made)) == len(made)
    for value in made:
        parsed = uuid.UUID(value)
        assert str(parsed) == value  # lower case, 8-4-4-4-12
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
        assert before <= parsed.int >> 96 <= after
    # 90 random bits: the part after the second differs between any two ids made in it
    assert len({value[9:] for value in made}) == len(made)

"""Patterns for wire formats no registered format describes, kept exact so that what matches also parses.

``DATE_TIME_ANY_OFFSET``: an RFC 3339 date and time, calendar-valid (month lengths and leap years; year
0001 to 9999, as .NET allows), with up to 7 fractional digits and an optional UTC offset: what Absorb's .NET
API sends. ``DOTNET_TIMESPAN``: ``[d.]hh:mm:ss[.fffffff]``. The Absorb spec uses both verbatim
(tests/spec/test_vendor_specs.py keeps them equal), and the drift report proposes them for values of
those shapes.
"""

from __future__ import annotations

_YEAR = "(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_LEAP_YEAR = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|([2468][048]|[13579][26]|0[48])00)"
_MONTH_DAY = "((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))"
_TIME = "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"

DATE_TIME_ANY_OFFSET = (
    f"^({_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)T{_TIME}(\\.[0-9]{{1,7}})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?$"
)
DOTNET_TIMESPAN = f"^([0-9]+\\.)?{_TIME}(\\.[0-9]{{1,7}})?$"

from __future__ import annotations

import logging
from enum import IntEnum
from typing import cast

logger = logging.getLogger("absorb_client")


class AttemptStatus(IntEnum):
    IN_PROGRESS = 1
    COMPLETE = 3
    FAILED = 5

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value the spec does not list (a member named UNKNOWN_<value>)."""
        return self._name_ in type(self).__members__

    @classmethod
    def _missing_(cls, value: object) -> AttemptStatus | None:
        # A value the vendor added after the spec was written: keep it readable instead of failing the response.
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        logger.warning("%s: %r is not a value the spec lists; kept as %s", cls.__name__, value, member._name_)
        return cast(AttemptStatus, cls._value2member_map_.setdefault(value, member))

from __future__ import annotations

import logging
from enum import IntEnum
from typing import cast

logger = logging.getLogger("absorb_client")


class EnrollmentStatus(IntEnum):
    NOT_STARTED = 0
    IN_PROGRESS = 1
    PENDING_APPROVAL = 2
    COMPLETE = 3
    NOT_COMPLETE = 4
    FAILED = 5
    DECLINED = 6
    PENDING_EVALUATION_REQUIRED = 7
    ON_WAITLIST = 8
    ABSENT = 9
    NOT_APPLICABLE = 10
    PENDING_PROCTOR = 11
    READY_FOR_REVIEW = 12

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value the spec does not list (a member named UNKNOWN_<value>)."""
        return self._name_ in type(self).__members__

    @classmethod
    def _missing_(cls, value: object) -> EnrollmentStatus | None:
        # A value the vendor added after the spec was written: keep it readable instead of failing the response.
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        logger.warning("%s: %r is not a value the spec lists; kept as %s", cls.__name__, value, member._name_)
        return cast(EnrollmentStatus, cls._value2member_map_.setdefault(value, member))

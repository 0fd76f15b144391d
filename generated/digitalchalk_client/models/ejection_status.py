from __future__ import annotations

import logging
import re
from enum import StrEnum
from typing import cast

logger = logging.getLogger("digitalchalk_client")


class EjectionStatus(StrEnum):
    EJECTED = "ejected"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value the spec does not list (a member named UNKNOWN_<value>)."""
        return self._name_ in type(self).__members__

    @classmethod
    def _missing_(cls, value: object) -> EjectionStatus | None:
        # A value the vendor added after the spec was written: keep it readable instead of failing the response.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN_" + re.sub(r"\W", "_", value).upper()
        member._value_ = value
        logger.warning("%s: %r is not a value the spec lists; kept as %s", cls.__name__, value, member._name_)
        return cast(EjectionStatus, cls._value2member_map_.setdefault(value, member))

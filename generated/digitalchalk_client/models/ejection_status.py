from enum import StrEnum


class EjectionStatus(StrEnum):
    EJECTED = "ejected"

    def __str__(self) -> str:
        return str(self.value)

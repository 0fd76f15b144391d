from enum import StrEnum


class RegistrationStatus(StrEnum):
    ACTIVE = "active"
    EJECTED = "ejected"
    FAILED = "failed"
    PASSED = "passed"

    def __str__(self) -> str:
        return str(self.value)

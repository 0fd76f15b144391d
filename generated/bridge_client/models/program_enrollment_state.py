from enum import StrEnum


class ProgramEnrollmentState(StrEnum):
    ACTIVE = "active"
    COMPLETE = "complete"

    def __str__(self) -> str:
        return str(self.value)

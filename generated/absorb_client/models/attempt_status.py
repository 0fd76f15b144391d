from enum import IntEnum


class AttemptStatus(IntEnum):
    IN_PROGRESS = 1
    COMPLETE = 3
    FAILED = 5

    def __str__(self) -> str:
        return str(self.value)

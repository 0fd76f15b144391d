from enum import StrEnum


class ListProgramEnrollmentsSort(StrEnum):
    COURSE_DUE_DATE = "course_due_date"
    DUE_DATE = "due_date"
    NAME = "name"
    PROGRESS = "progress"
    RENEW_DATE = "renew_date"
    VALUE_1 = "-name"
    VALUE_3 = "-progress"
    VALUE_5 = "-course_due_date"
    VALUE_7 = "-due_date"
    VALUE_9 = "-renew_date"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ListProgramEnrollmentsSort(StrEnum):
    COURSE_DUE_DATE = "course_due_date"
    COURSE_DUE_DATE_DESC = "-course_due_date"
    DUE_DATE = "due_date"
    DUE_DATE_DESC = "-due_date"
    NAME = "name"
    NAME_DESC = "-name"
    PROGRESS = "progress"
    PROGRESS_DESC = "-progress"
    RENEW_DATE = "renew_date"
    RENEW_DATE_DESC = "-renew_date"

    def __str__(self) -> str:
        return str(self.value)

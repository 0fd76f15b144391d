"""Contains all the data models used in inputs/outputs"""

from .error_item import ErrorItem
from .error_response import ErrorResponse
from .list_program_enrollments_sort import ListProgramEnrollmentsSort
from .page_meta import PageMeta
from .program_enrollment_create_for_group import ProgramEnrollmentCreateForGroup
from .program_enrollment_create_for_user import ProgramEnrollmentCreateForUser
from .program_enrollment_create_request import ProgramEnrollmentCreateRequest
from .program_enrollment_dates import ProgramEnrollmentDates
from .program_enrollment_page import ProgramEnrollmentPage
from .program_enrollment_page_linked import ProgramEnrollmentPageLinked
from .program_enrollment_response import ProgramEnrollmentResponse
from .program_enrollment_state import ProgramEnrollmentState
from .program_enrollment_update_request import ProgramEnrollmentUpdateRequest
from .program_enrollment_updated import ProgramEnrollmentUpdated
from .program_enrollment_updated_meta import ProgramEnrollmentUpdatedMeta

__all__ = (
    "ErrorItem",
    "ErrorResponse",
    "ListProgramEnrollmentsSort",
    "PageMeta",
    "ProgramEnrollmentCreateForGroup",
    "ProgramEnrollmentCreateForUser",
    "ProgramEnrollmentCreateRequest",
    "ProgramEnrollmentDates",
    "ProgramEnrollmentPage",
    "ProgramEnrollmentPageLinked",
    "ProgramEnrollmentResponse",
    "ProgramEnrollmentState",
    "ProgramEnrollmentUpdated",
    "ProgramEnrollmentUpdatedMeta",
    "ProgramEnrollmentUpdateRequest",
)

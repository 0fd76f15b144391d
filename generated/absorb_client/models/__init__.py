"""Contains all the data models used in inputs/outputs"""

from .attempt import Attempt
from .attempt_status import AttemptStatus
from .authenticate_request import AuthenticateRequest
from .chapter_enrollment import ChapterEnrollment
from .course_enrollment import CourseEnrollment
from .course_enrollment_credits_model import CourseEnrollmentCreditsModel
from .course_enrollment_page import CourseEnrollmentPage
from .course_enrollment_write import CourseEnrollmentWrite
from .enrollment_result import EnrollmentResult
from .enrollment_status import EnrollmentStatus
from .finish_attempt_request import FinishAttemptRequest
from .finish_attempt_result import FinishAttemptResult
from .generic_error_response import GenericErrorResponse
from .generic_error_response_meta import GenericErrorResponseMeta
from .ilc_enrollment_result import IlcEnrollmentResult
from .lesson_enrollment import LessonEnrollment
from .lesson_enrollment_page import LessonEnrollmentPage
from .page_envelope import PageEnvelope
from .session_enrollment import SessionEnrollment
from .session_enrollment_page import SessionEnrollmentPage
from .start_attempt_result import StartAttemptResult

__all__ = (
    "Attempt",
    "AttemptStatus",
    "AuthenticateRequest",
    "ChapterEnrollment",
    "CourseEnrollment",
    "CourseEnrollmentCreditsModel",
    "CourseEnrollmentPage",
    "CourseEnrollmentWrite",
    "EnrollmentResult",
    "EnrollmentStatus",
    "FinishAttemptRequest",
    "FinishAttemptResult",
    "GenericErrorResponse",
    "GenericErrorResponseMeta",
    "IlcEnrollmentResult",
    "LessonEnrollment",
    "LessonEnrollmentPage",
    "PageEnvelope",
    "SessionEnrollment",
    "SessionEnrollmentPage",
    "StartAttemptResult",
)

"""Contains all the data models used in inputs/outputs"""

from .ejection import Ejection
from .ejection_status import EjectionStatus
from .error import Error
from .error_field_errors import ErrorFieldErrors
from .grade_assignment import GradeAssignment
from .registration import Registration
from .registration_create import RegistrationCreate
from .registration_page import RegistrationPage
from .registration_status import RegistrationStatus

__all__ = (
    "Ejection",
    "EjectionStatus",
    "Error",
    "ErrorFieldErrors",
    "GradeAssignment",
    "Registration",
    "RegistrationCreate",
    "RegistrationPage",
    "RegistrationStatus",
)

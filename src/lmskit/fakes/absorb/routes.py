"""Absorb Integration API v2 enrollments, as documented: the operation table of the fake (operationId → handler),
each handler in the module of its resource (authentication, course enrollments, activities, attempts), and the
unversioned contract a production client reads when it sends no ``x-api-version``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lmskit.fakes.absorb.activities import (
    get_user_chapter_enrollment,
    get_user_chapter_lesson_enrollment,
    get_user_lesson_enrollment,
    get_user_session_enrollment,
    list_lesson_enrollments,
    list_session_enrollments,
    list_user_chapter_enrollments,
    list_user_chapter_lesson_enrollments,
    list_user_lesson_enrollments,
    list_user_session_enrollments,
)
from lmskit.fakes.absorb.attempts import (
    finish_attempt,
    finish_user_lesson_attempt,
    list_user_lesson_attempts,
    start_lesson_attempt,
)
from lmskit.fakes.absorb.authentication import authenticate
from lmskit.fakes.absorb.course_enrollments import (
    create_course_enrollment,
    create_ilc_enrollment,
    create_my_course_enrollment,
    create_or_update_course_enrollment,
    get_course_enrollment,
    get_my_course_enrollment,
    get_user_course_enrollment,
    list_bulk_course_enrollments,
    list_course_enrollments,
    list_my_course_enrollments,
    list_user_course_enrollments,
    unenroll,
)
from lmskit.fakes.vendor import Call, Reply


def unversioned(handler: Callable[[Call], Reply]) -> Callable[[Call], Reply]:
    """``handler`` answering a call without ``x-api-version`` in the unversioned contract a production client
    reads: course enrollments carry ``name`` where v2 has ``courseName`` (specs/absorb.yaml, the header's
    erratum)."""

    def answer(call: Call) -> Reply:
        reply = handler(call)
        if call.headers.get("x-api-version") is not None or not isinstance(reply.body, (dict, list)):
            return reply
        stack: list[Any] = [reply.body]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                if "courseName" in item:
                    item["name"] = item.pop("courseName")
                stack.extend(value for value in item.values() if isinstance(value, (dict, list)))
            elif isinstance(item, list):
                stack.extend(value for value in item if isinstance(value, (dict, list)))
        return reply

    return answer


_HANDLERS: dict[str, Callable[[Call], Reply]] = {
    "authenticate": authenticate,
    "listUserSessionEnrollments": list_user_session_enrollments,
    "getUserSessionEnrollment": get_user_session_enrollment,
    "createIlcEnrollment": create_ilc_enrollment,
    "listSessionEnrollments": list_session_enrollments,
    "listUserChapterEnrollments": list_user_chapter_enrollments,
    "getUserChapterEnrollment": get_user_chapter_enrollment,
    "listUserChapterLessonEnrollments": list_user_chapter_lesson_enrollments,
    "getUserChapterLessonEnrollment": get_user_chapter_lesson_enrollment,
    "createCourseEnrollment": create_course_enrollment,
    "getUserCourseEnrollment": get_user_course_enrollment,
    "createOrUpdateCourseEnrollment": create_or_update_course_enrollment,
    "listUserCourseEnrollments": list_user_course_enrollments,
    "unenrollCourseEnrollments": unenroll,
    "getCourseEnrollment": get_course_enrollment,
    "listCourseEnrollments": list_course_enrollments,
    "getUserCourseGradeEnrollment": get_user_course_enrollment,
    "listBulkCourseEnrollments": list_bulk_course_enrollments,
    "listLessonEnrollments": list_lesson_enrollments,
    "listUserLessonEnrollments": list_user_lesson_enrollments,
    "getUserLessonEnrollment": get_user_lesson_enrollment,
    "listUserLessonAttempts": list_user_lesson_attempts,
    "startLessonAttempt": start_lesson_attempt,
    "finishAttempt": finish_attempt,
    "finishUserLessonAttempt": finish_user_lesson_attempt,
    "getMyCourseEnrollment": get_my_course_enrollment,
    "createMyCourseEnrollment": create_my_course_enrollment,
    "listMyCourseEnrollments": list_my_course_enrollments,
}
HANDLERS = {operation_id: unversioned(handler) for operation_id, handler in _HANDLERS.items()}

"""Operation samples the live-path tests share."""

# Absorb's writes, reads and paged lists, its token fetch included: enough for what these runs assert about
# every request (one token, reads only) at a fifth of a whole run's cost.
ABSORB_SAMPLE = [
    f"--include={operation}"
    for operation in (
        "authenticate",
        "createCourseEnrollment",
        "unenrollCourseEnrollments",
        "getCourseEnrollment",
        "listCourseEnrollments",
        "listUserCourseEnrollments",
    )
]

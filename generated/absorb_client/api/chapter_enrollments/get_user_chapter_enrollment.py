import datetime
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chapter_enrollment import ChapterEnrollment
from ...models.enrollment_status import EnrollmentStatus
from ...models.generic_error_response import GenericErrorResponse
from ...types import UNSET, Response, Unset, status_of


def _get_kwargs(
    user_id: UUID,
    course_id: UUID,
    chapter_id: UUID,
    *,
    status: EnrollmentStatus | Unset = UNSET,
    modified_since: datetime.datetime | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_api_version, Unset):
        headers["x-api-version"] = x_api_version

    params: dict[str, Any] = {}

    json_status: int | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_modified_since: str | Unset = UNSET
    if not isinstance(modified_since, Unset):
        json_modified_since = modified_since.isoformat()
    params["modifiedSince"] = json_modified_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{user_id}/enrollments/{course_id}/chapters/{chapter_id}".format(
            user_id=quote(str(user_id), safe=""),
            course_id=quote(str(course_id), safe=""),
            chapter_id=quote(str(chapter_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChapterEnrollment | GenericErrorResponse | None:
    if response.status_code == 200:
        response_200 = ChapterEnrollment.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = GenericErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = GenericErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = GenericErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = GenericErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChapterEnrollment | GenericErrorResponse]:
    # lmskit: an answer no model can read (a foreign error body, an id that is not a GUID) raises
    # UnparseableResponse, which keeps the status code, the headers and the raw body; never a bare exception.
    try:
        parsed = _parse_response(client=client, response=response)
    except errors.UnexpectedStatus:
        raise
    except Exception as error:
        raise errors.UnparseableResponse(response.status_code, response.content, response.headers, error) from error
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    user_id: UUID,
    course_id: UUID,
    chapter_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    status: EnrollmentStatus | Unset = UNSET,
    modified_since: datetime.datetime | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> Response[ChapterEnrollment | GenericErrorResponse]:
    """Get chapter enrollment for a specified course

    Args:
        user_id (UUID):
        course_id (UUID):
        chapter_id (UUID):
        status (EnrollmentStatus | Unset): 0 NotStarted, 1 InProgress, 2 PendingApproval, 3
            Complete, 4 NotComplete, 5 Failed, 6 Declined,
            7 PendingEvaluationRequired, 8 OnWaitlist, 9 Absent, 10 NotApplicable, 11 PendingProctor,
            12 ReadyForReview.
        modified_since (datetime.datetime | Unset): A .NET DateTime: an RFC 3339 date and time
            with up to 7 fractional digits, with or without a UTC offset
            (`2026-01-15T10:00:00`, `2026-01-15T10:00:00.1234567`, `2019-08-24T14:15:22Z`). The
            pattern is
            calendar-exact (month lengths, leap years, years 0001-9999). The generated client reads it
            as a
            `datetime`, naive when the vendor sent no offset.
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChapterEnrollment | GenericErrorResponse]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        course_id=course_id,
        chapter_id=chapter_id,
        status=status,
        modified_since=modified_since,
        x_api_version=x_api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: UUID,
    course_id: UUID,
    chapter_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    status: EnrollmentStatus | Unset = UNSET,
    modified_since: datetime.datetime | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> ChapterEnrollment | GenericErrorResponse | None:
    """Get chapter enrollment for a specified course

    Args:
        user_id (UUID):
        course_id (UUID):
        chapter_id (UUID):
        status (EnrollmentStatus | Unset): 0 NotStarted, 1 InProgress, 2 PendingApproval, 3
            Complete, 4 NotComplete, 5 Failed, 6 Declined,
            7 PendingEvaluationRequired, 8 OnWaitlist, 9 Absent, 10 NotApplicable, 11 PendingProctor,
            12 ReadyForReview.
        modified_since (datetime.datetime | Unset): A .NET DateTime: an RFC 3339 date and time
            with up to 7 fractional digits, with or without a UTC offset
            (`2026-01-15T10:00:00`, `2026-01-15T10:00:00.1234567`, `2019-08-24T14:15:22Z`). The
            pattern is
            calendar-exact (month lengths, leap years, years 0001-9999). The generated client reads it
            as a
            `datetime`, naive when the vendor sent no offset.
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChapterEnrollment | GenericErrorResponse
    """

    return sync_detailed(
        user_id=user_id,
        course_id=course_id,
        chapter_id=chapter_id,
        client=client,
        status=status,
        modified_since=modified_since,
        x_api_version=x_api_version,
    ).parsed


async def asyncio_detailed(
    user_id: UUID,
    course_id: UUID,
    chapter_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    status: EnrollmentStatus | Unset = UNSET,
    modified_since: datetime.datetime | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> Response[ChapterEnrollment | GenericErrorResponse]:
    """Get chapter enrollment for a specified course

    Args:
        user_id (UUID):
        course_id (UUID):
        chapter_id (UUID):
        status (EnrollmentStatus | Unset): 0 NotStarted, 1 InProgress, 2 PendingApproval, 3
            Complete, 4 NotComplete, 5 Failed, 6 Declined,
            7 PendingEvaluationRequired, 8 OnWaitlist, 9 Absent, 10 NotApplicable, 11 PendingProctor,
            12 ReadyForReview.
        modified_since (datetime.datetime | Unset): A .NET DateTime: an RFC 3339 date and time
            with up to 7 fractional digits, with or without a UTC offset
            (`2026-01-15T10:00:00`, `2026-01-15T10:00:00.1234567`, `2019-08-24T14:15:22Z`). The
            pattern is
            calendar-exact (month lengths, leap years, years 0001-9999). The generated client reads it
            as a
            `datetime`, naive when the vendor sent no offset.
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChapterEnrollment | GenericErrorResponse]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        course_id=course_id,
        chapter_id=chapter_id,
        status=status,
        modified_since=modified_since,
        x_api_version=x_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: UUID,
    course_id: UUID,
    chapter_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    status: EnrollmentStatus | Unset = UNSET,
    modified_since: datetime.datetime | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> ChapterEnrollment | GenericErrorResponse | None:
    """Get chapter enrollment for a specified course

    Args:
        user_id (UUID):
        course_id (UUID):
        chapter_id (UUID):
        status (EnrollmentStatus | Unset): 0 NotStarted, 1 InProgress, 2 PendingApproval, 3
            Complete, 4 NotComplete, 5 Failed, 6 Declined,
            7 PendingEvaluationRequired, 8 OnWaitlist, 9 Absent, 10 NotApplicable, 11 PendingProctor,
            12 ReadyForReview.
        modified_since (datetime.datetime | Unset): A .NET DateTime: an RFC 3339 date and time
            with up to 7 fractional digits, with or without a UTC offset
            (`2026-01-15T10:00:00`, `2026-01-15T10:00:00.1234567`, `2019-08-24T14:15:22Z`). The
            pattern is
            calendar-exact (month lengths, leap years, years 0001-9999). The generated client reads it
            as a
            `datetime`, naive when the vendor sent no offset.
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChapterEnrollment | GenericErrorResponse
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            course_id=course_id,
            chapter_id=chapter_id,
            client=client,
            status=status,
            modified_since=modified_since,
            x_api_version=x_api_version,
        )
    ).parsed

from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.course_enrollment import CourseEnrollment
from ...models.generic_error_response import GenericErrorResponse
from ...types import UNSET, Response, Unset, status_of


def _get_kwargs(
    *,
    user_ids: list[UUID] | Unset = UNSET,
    course_ids: list[UUID] | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_api_version, Unset):
        headers["x-api-version"] = x_api_version

    params: dict[str, Any] = {}

    json_user_ids: list[str] | Unset = UNSET
    if not isinstance(user_ids, Unset):
        json_user_ids = []
        for user_ids_item_data in user_ids:
            user_ids_item = str(user_ids_item_data)
            json_user_ids.append(user_ids_item)

    params["userIds"] = json_user_ids

    json_course_ids: list[str] | Unset = UNSET
    if not isinstance(course_ids, Unset):
        json_course_ids = []
        for course_ids_item_data in course_ids:
            course_ids_item = str(course_ids_item_data)
            json_course_ids.append(course_ids_item)

    params["courseIds"] = json_course_ids

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/bulk/studentcourses",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GenericErrorResponse | list[CourseEnrollment] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = CourseEnrollment.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = GenericErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = GenericErrorResponse.from_dict(response.json())

        return response_401

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
) -> Response[GenericErrorResponse | list[CourseEnrollment]]:
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
    *,
    client: AuthenticatedClient | Client,
    user_ids: list[UUID] | Unset = UNSET,
    course_ids: list[UUID] | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> Response[GenericErrorResponse | list[CourseEnrollment]]:
    """List course enrollments for bulk user list

    Args:
        user_ids (list[UUID] | Unset):
        course_ids (list[UUID] | Unset):
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GenericErrorResponse | list[CourseEnrollment]]
    """

    kwargs = _get_kwargs(
        user_ids=user_ids,
        course_ids=course_ids,
        x_api_version=x_api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    user_ids: list[UUID] | Unset = UNSET,
    course_ids: list[UUID] | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> GenericErrorResponse | list[CourseEnrollment] | None:
    """List course enrollments for bulk user list

    Args:
        user_ids (list[UUID] | Unset):
        course_ids (list[UUID] | Unset):
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GenericErrorResponse | list[CourseEnrollment]
    """

    return sync_detailed(
        client=client,
        user_ids=user_ids,
        course_ids=course_ids,
        x_api_version=x_api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    user_ids: list[UUID] | Unset = UNSET,
    course_ids: list[UUID] | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> Response[GenericErrorResponse | list[CourseEnrollment]]:
    """List course enrollments for bulk user list

    Args:
        user_ids (list[UUID] | Unset):
        course_ids (list[UUID] | Unset):
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GenericErrorResponse | list[CourseEnrollment]]
    """

    kwargs = _get_kwargs(
        user_ids=user_ids,
        course_ids=course_ids,
        x_api_version=x_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    user_ids: list[UUID] | Unset = UNSET,
    course_ids: list[UUID] | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> GenericErrorResponse | list[CourseEnrollment] | None:
    """List course enrollments for bulk user list

    Args:
        user_ids (list[UUID] | Unset):
        course_ids (list[UUID] | Unset):
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GenericErrorResponse | list[CourseEnrollment]
    """

    return (
        await asyncio_detailed(
            client=client,
            user_ids=user_ids,
            course_ids=course_ids,
            x_api_version=x_api_version,
        )
    ).parsed

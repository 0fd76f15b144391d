from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_result import EnrollmentResult
from ...models.generic_error_response import GenericErrorResponse
from ...types import UNSET, Response, Unset, status_of


def _get_kwargs(
    user_id: UUID,
    course_id: UUID,
    *,
    re_enroll: bool | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_api_version, Unset):
        headers["x-api-version"] = x_api_version

    params: dict[str, Any] = {}

    params["reEnroll"] = re_enroll

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users/{user_id}/enrollments/{course_id}".format(
            user_id=quote(str(user_id), safe=""),
            course_id=quote(str(course_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentResult | GenericErrorResponse | None:
    if response.status_code == 200:
        response_200 = EnrollmentResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = GenericErrorResponse.from_dict(response.json())

        return response_400

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
) -> Response[EnrollmentResult | GenericErrorResponse]:
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
    *,
    client: AuthenticatedClient | Client,
    re_enroll: bool | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> Response[EnrollmentResult | GenericErrorResponse]:
    """Create enrollment for user and course

     Multi-Session ILCs are not supported. No request body.

    Args:
        user_id (UUID):
        course_id (UUID):
        re_enroll (bool | Unset):
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentResult | GenericErrorResponse]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        course_id=course_id,
        re_enroll=re_enroll,
        x_api_version=x_api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: UUID,
    course_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    re_enroll: bool | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> EnrollmentResult | GenericErrorResponse | None:
    """Create enrollment for user and course

     Multi-Session ILCs are not supported. No request body.

    Args:
        user_id (UUID):
        course_id (UUID):
        re_enroll (bool | Unset):
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentResult | GenericErrorResponse
    """

    return sync_detailed(
        user_id=user_id,
        course_id=course_id,
        client=client,
        re_enroll=re_enroll,
        x_api_version=x_api_version,
    ).parsed


async def asyncio_detailed(
    user_id: UUID,
    course_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    re_enroll: bool | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> Response[EnrollmentResult | GenericErrorResponse]:
    """Create enrollment for user and course

     Multi-Session ILCs are not supported. No request body.

    Args:
        user_id (UUID):
        course_id (UUID):
        re_enroll (bool | Unset):
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentResult | GenericErrorResponse]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        course_id=course_id,
        re_enroll=re_enroll,
        x_api_version=x_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: UUID,
    course_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    re_enroll: bool | Unset = UNSET,
    x_api_version: str | Unset = "2",
) -> EnrollmentResult | GenericErrorResponse | None:
    """Create enrollment for user and course

     Multi-Session ILCs are not supported. No request body.

    Args:
        user_id (UUID):
        course_id (UUID):
        re_enroll (bool | Unset):
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentResult | GenericErrorResponse
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            course_id=course_id,
            client=client,
            re_enroll=re_enroll,
            x_api_version=x_api_version,
        )
    ).parsed

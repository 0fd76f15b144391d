from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.course_enrollment import CourseEnrollment
from ...models.generic_error_response import GenericErrorResponse
from ...types import Response, Unset, status_of


def _get_kwargs(
    id: UUID,
    *,
    x_api_version: str | Unset = "2",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_api_version, Unset):
        headers["x-api-version"] = x_api_version

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/enrollments/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CourseEnrollment | GenericErrorResponse | None:
    if response.status_code == 200:
        response_200 = CourseEnrollment.from_dict(response.json())

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
) -> Response[CourseEnrollment | GenericErrorResponse]:
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
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    x_api_version: str | Unset = "2",
) -> Response[CourseEnrollment | GenericErrorResponse]:
    """Get course enrollment

    Args:
        id (UUID):
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CourseEnrollment | GenericErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        x_api_version=x_api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    x_api_version: str | Unset = "2",
) -> CourseEnrollment | GenericErrorResponse | None:
    """Get course enrollment

    Args:
        id (UUID):
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CourseEnrollment | GenericErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        x_api_version=x_api_version,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    x_api_version: str | Unset = "2",
) -> Response[CourseEnrollment | GenericErrorResponse]:
    """Get course enrollment

    Args:
        id (UUID):
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CourseEnrollment | GenericErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        x_api_version=x_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    x_api_version: str | Unset = "2",
) -> CourseEnrollment | GenericErrorResponse | None:
    """Get course enrollment

    Args:
        id (UUID):
        x_api_version (str | Unset):  Default: '2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CourseEnrollment | GenericErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            x_api_version=x_api_version,
        )
    ).parsed

from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.generic_error_response import GenericErrorResponse
from ...types import Response, Unset, status_of


def _get_kwargs(
    *,
    body: list[UUID],
    x_api_version: str | Unset = "2",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_api_version, Unset):
        headers["x-api-version"] = x_api_version

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/enrollments/unenroll",
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item = str(body_item_data)
        _kwargs["json"].append(body_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GenericErrorResponse | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | GenericErrorResponse]:
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
    body: list[UUID],
    x_api_version: str | Unset = "2",
) -> Response[Any | GenericErrorResponse]:
    """Un-enroll users from courses

     For types Online Course, ILC, Curriculum or Course Bundle. The body lists enrollment ids.

    Args:
        x_api_version (str | Unset):  Default: '2'.
        body (list[UUID]): The ids of the enrollments to remove.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GenericErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        x_api_version=x_api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: list[UUID],
    x_api_version: str | Unset = "2",
) -> Any | GenericErrorResponse | None:
    """Un-enroll users from courses

     For types Online Course, ILC, Curriculum or Course Bundle. The body lists enrollment ids.

    Args:
        x_api_version (str | Unset):  Default: '2'.
        body (list[UUID]): The ids of the enrollments to remove.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GenericErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        x_api_version=x_api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[UUID],
    x_api_version: str | Unset = "2",
) -> Response[Any | GenericErrorResponse]:
    """Un-enroll users from courses

     For types Online Course, ILC, Curriculum or Course Bundle. The body lists enrollment ids.

    Args:
        x_api_version (str | Unset):  Default: '2'.
        body (list[UUID]): The ids of the enrollments to remove.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GenericErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        x_api_version=x_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[UUID],
    x_api_version: str | Unset = "2",
) -> Any | GenericErrorResponse | None:
    """Un-enroll users from courses

     For types Online Course, ILC, Curriculum or Course Bundle. The body lists enrollment ids.

    Args:
        x_api_version (str | Unset):  Default: '2'.
        body (list[UUID]): The ids of the enrollments to remove.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GenericErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_api_version=x_api_version,
        )
    ).parsed

from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.program_enrollment_create_request import ProgramEnrollmentCreateRequest
from ...types import Response, status_of


def _get_kwargs(
    program_id: int,
    *,
    body: ProgramEnrollmentCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/author/programs/{program_id}/learners".format(
            program_id=quote(str(program_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorResponse | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorResponse]:
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
    program_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ProgramEnrollmentCreateRequest,
) -> Response[Any | ErrorResponse]:
    """Enroll learner into program

     Undocumented by Bridge ("No documentation available yet"). Modelled on the documented sibling
    `POST /api/author/course_templates/{id}/enrollments`: each item names a `user_id` or a `group_id`.

    Args:
        program_id (int):
        body (ProgramEnrollmentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    program_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ProgramEnrollmentCreateRequest,
) -> Any | ErrorResponse | None:
    """Enroll learner into program

     Undocumented by Bridge ("No documentation available yet"). Modelled on the documented sibling
    `POST /api/author/course_templates/{id}/enrollments`: each item names a `user_id` or a `group_id`.

    Args:
        program_id (int):
        body (ProgramEnrollmentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        program_id=program_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    program_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ProgramEnrollmentCreateRequest,
) -> Response[Any | ErrorResponse]:
    """Enroll learner into program

     Undocumented by Bridge ("No documentation available yet"). Modelled on the documented sibling
    `POST /api/author/course_templates/{id}/enrollments`: each item names a `user_id` or a `group_id`.

    Args:
        program_id (int):
        body (ProgramEnrollmentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    program_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ProgramEnrollmentCreateRequest,
) -> Any | ErrorResponse | None:
    """Enroll learner into program

     Undocumented by Bridge ("No documentation available yet"). Modelled on the documented sibling
    `POST /api/author/course_templates/{id}/enrollments`: each item names a `user_id` or a `group_id`.

    Args:
        program_id (int):
        body (ProgramEnrollmentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            program_id=program_id,
            client=client,
            body=body,
        )
    ).parsed

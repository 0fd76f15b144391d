from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ejection import Ejection
from ...models.error import Error
from ...models.grade_assignment import GradeAssignment
from ...types import Response, status_of


def _get_kwargs(
    id: str,
    *,
    body: Ejection | GradeAssignment,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/registrations/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    if isinstance(body, GradeAssignment):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
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
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Ejection | GradeAssignment,
) -> Response[Any | Error]:
    """Assign a grade to, or eject the user from, a registration

     Halts the user's progress in one of two ways. Assigning a grade (`{"grade": 0..100}`, no `status`)
    sets the status to `passed` or `failed` by the passing grade configured on the course. Ejecting
    (`{"status": "ejected"}`) is allowed only while the registration is `active`; otherwise the answer
    is 400 with `fieldErrors.status`.

    Args:
        id (str):
        body (Ejection | GradeAssignment): Either a grade assignment or an ejection, never both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Ejection | GradeAssignment,
) -> Any | Error | None:
    """Assign a grade to, or eject the user from, a registration

     Halts the user's progress in one of two ways. Assigning a grade (`{"grade": 0..100}`, no `status`)
    sets the status to `passed` or `failed` by the passing grade configured on the course. Ejecting
    (`{"status": "ejected"}`) is allowed only while the registration is `active`; otherwise the answer
    is 400 with `fieldErrors.status`.

    Args:
        id (str):
        body (Ejection | GradeAssignment): Either a grade assignment or an ejection, never both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Ejection | GradeAssignment,
) -> Response[Any | Error]:
    """Assign a grade to, or eject the user from, a registration

     Halts the user's progress in one of two ways. Assigning a grade (`{"grade": 0..100}`, no `status`)
    sets the status to `passed` or `failed` by the passing grade configured on the course. Ejecting
    (`{"status": "ejected"}`) is allowed only while the registration is `active`; otherwise the answer
    is 400 with `fieldErrors.status`.

    Args:
        id (str):
        body (Ejection | GradeAssignment): Either a grade assignment or an ejection, never both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Ejection | GradeAssignment,
) -> Any | Error | None:
    """Assign a grade to, or eject the user from, a registration

     Halts the user's progress in one of two ways. Assigning a grade (`{"grade": 0..100}`, no `status`)
    sets the status to `passed` or `failed` by the passing grade configured on the course. Ejecting
    (`{"status": "ejected"}`) is allowed only while the registration is `active`; otherwise the answer
    is 400 with `fieldErrors.status`.

    Args:
        id (str):
        body (Ejection | GradeAssignment): Either a grade assignment or an ejection, never both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

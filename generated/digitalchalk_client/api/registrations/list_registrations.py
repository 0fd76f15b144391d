from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.registration_page import RegistrationPage
from ...models.registration_status import RegistrationStatus
from ...types import UNSET, Response, Unset, status_of


def _get_kwargs(
    *,
    status: RegistrationStatus | Unset = UNSET,
    user_id: str | Unset = UNSET,
    offering_id: str | Unset = UNSET,
    created_date: str | Unset = UNSET,
    begin_date: str | Unset = UNSET,
    last_active_date: str | Unset = UNSET,
    end_date: str | Unset = UNSET,
    limit: int | Unset = 15,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["userId"] = user_id

    params["offeringId"] = offering_id

    params["createdDate"] = created_date

    params["beginDate"] = begin_date

    params["lastActiveDate"] = last_active_date

    params["endDate"] = end_date

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/registrations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | RegistrationPage | None:
    if response.status_code == 200:
        response_200 = RegistrationPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | RegistrationPage]:
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
    status: RegistrationStatus | Unset = UNSET,
    user_id: str | Unset = UNSET,
    offering_id: str | Unset = UNSET,
    created_date: str | Unset = UNSET,
    begin_date: str | Unset = UNSET,
    last_active_date: str | Unset = UNSET,
    end_date: str | Unset = UNSET,
    limit: int | Unset = 15,
    offset: int | Unset = 0,
) -> Response[Error | RegistrationPage]:
    """List registrations

     Retrieve registrations, optionally filtered. Paged with `limit` (default 15, at most 100) and a
    0-based
    item `offset`; `next` and `previous` (`prev` in the docs) are the same URL with the offset moved.

    Args:
        status (RegistrationStatus | Unset): `active` while the user is taking the course;
            `passed`/`failed` on completion or grading; `ejected` after an eject.
        user_id (str | Unset):
        offering_id (str | Unset):
        created_date (str | Unset):
        begin_date (str | Unset):
        last_active_date (str | Unset):
        end_date (str | Unset):
        limit (int | Unset):  Default: 15.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RegistrationPage]
    """

    kwargs = _get_kwargs(
        status=status,
        user_id=user_id,
        offering_id=offering_id,
        created_date=created_date,
        begin_date=begin_date,
        last_active_date=last_active_date,
        end_date=end_date,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: RegistrationStatus | Unset = UNSET,
    user_id: str | Unset = UNSET,
    offering_id: str | Unset = UNSET,
    created_date: str | Unset = UNSET,
    begin_date: str | Unset = UNSET,
    last_active_date: str | Unset = UNSET,
    end_date: str | Unset = UNSET,
    limit: int | Unset = 15,
    offset: int | Unset = 0,
) -> Error | RegistrationPage | None:
    """List registrations

     Retrieve registrations, optionally filtered. Paged with `limit` (default 15, at most 100) and a
    0-based
    item `offset`; `next` and `previous` (`prev` in the docs) are the same URL with the offset moved.

    Args:
        status (RegistrationStatus | Unset): `active` while the user is taking the course;
            `passed`/`failed` on completion or grading; `ejected` after an eject.
        user_id (str | Unset):
        offering_id (str | Unset):
        created_date (str | Unset):
        begin_date (str | Unset):
        last_active_date (str | Unset):
        end_date (str | Unset):
        limit (int | Unset):  Default: 15.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RegistrationPage
    """

    return sync_detailed(
        client=client,
        status=status,
        user_id=user_id,
        offering_id=offering_id,
        created_date=created_date,
        begin_date=begin_date,
        last_active_date=last_active_date,
        end_date=end_date,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: RegistrationStatus | Unset = UNSET,
    user_id: str | Unset = UNSET,
    offering_id: str | Unset = UNSET,
    created_date: str | Unset = UNSET,
    begin_date: str | Unset = UNSET,
    last_active_date: str | Unset = UNSET,
    end_date: str | Unset = UNSET,
    limit: int | Unset = 15,
    offset: int | Unset = 0,
) -> Response[Error | RegistrationPage]:
    """List registrations

     Retrieve registrations, optionally filtered. Paged with `limit` (default 15, at most 100) and a
    0-based
    item `offset`; `next` and `previous` (`prev` in the docs) are the same URL with the offset moved.

    Args:
        status (RegistrationStatus | Unset): `active` while the user is taking the course;
            `passed`/`failed` on completion or grading; `ejected` after an eject.
        user_id (str | Unset):
        offering_id (str | Unset):
        created_date (str | Unset):
        begin_date (str | Unset):
        last_active_date (str | Unset):
        end_date (str | Unset):
        limit (int | Unset):  Default: 15.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RegistrationPage]
    """

    kwargs = _get_kwargs(
        status=status,
        user_id=user_id,
        offering_id=offering_id,
        created_date=created_date,
        begin_date=begin_date,
        last_active_date=last_active_date,
        end_date=end_date,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: RegistrationStatus | Unset = UNSET,
    user_id: str | Unset = UNSET,
    offering_id: str | Unset = UNSET,
    created_date: str | Unset = UNSET,
    begin_date: str | Unset = UNSET,
    last_active_date: str | Unset = UNSET,
    end_date: str | Unset = UNSET,
    limit: int | Unset = 15,
    offset: int | Unset = 0,
) -> Error | RegistrationPage | None:
    """List registrations

     Retrieve registrations, optionally filtered. Paged with `limit` (default 15, at most 100) and a
    0-based
    item `offset`; `next` and `previous` (`prev` in the docs) are the same URL with the offset moved.

    Args:
        status (RegistrationStatus | Unset): `active` while the user is taking the course;
            `passed`/`failed` on completion or grading; `ejected` after an eject.
        user_id (str | Unset):
        offering_id (str | Unset):
        created_date (str | Unset):
        begin_date (str | Unset):
        last_active_date (str | Unset):
        end_date (str | Unset):
        limit (int | Unset):  Default: 15.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RegistrationPage
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            user_id=user_id,
            offering_id=offering_id,
            created_date=created_date,
            begin_date=begin_date,
            last_active_date=last_active_date,
            end_date=end_date,
            limit=limit,
            offset=offset,
        )
    ).parsed

import datetime
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_program_enrollments_sort import ListProgramEnrollmentsSort
from ...models.program_enrollment_page import ProgramEnrollmentPage
from ...types import UNSET, Response, Unset, status_of


def _get_kwargs(
    program_id: int,
    *,
    updated_after: datetime.datetime | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    deleted_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    deleted_before: datetime.datetime | Unset = UNSET,
    only_deleted: bool | Unset = UNSET,
    with_deleted: bool | Unset = UNSET,
    sort: ListProgramEnrollmentsSort | Unset = UNSET,
    search: str | Unset = UNSET,
    user_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    after: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_updated_after: str | Unset = UNSET
    if not isinstance(updated_after, Unset):
        json_updated_after = updated_after.isoformat()
    params["updated_after"] = json_updated_after

    json_created_after: str | Unset = UNSET
    if not isinstance(created_after, Unset):
        json_created_after = created_after.isoformat()
    params["created_after"] = json_created_after

    json_deleted_after: str | Unset = UNSET
    if not isinstance(deleted_after, Unset):
        json_deleted_after = deleted_after.isoformat()
    params["deleted_after"] = json_deleted_after

    json_updated_before: str | Unset = UNSET
    if not isinstance(updated_before, Unset):
        json_updated_before = updated_before.isoformat()
    params["updated_before"] = json_updated_before

    json_created_before: str | Unset = UNSET
    if not isinstance(created_before, Unset):
        json_created_before = created_before.isoformat()
    params["created_before"] = json_created_before

    json_deleted_before: str | Unset = UNSET
    if not isinstance(deleted_before, Unset):
        json_deleted_before = deleted_before.isoformat()
    params["deleted_before"] = json_deleted_before

    params["only_deleted"] = only_deleted

    params["with_deleted"] = with_deleted

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["search"] = search

    params["user_id"] = user_id

    params["limit"] = limit

    params["after"] = after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/author/programs/{program_id}/learners".format(
            program_id=quote(str(program_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ProgramEnrollmentPage | None:
    if response.status_code == 200:
        response_200 = ProgramEnrollmentPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ProgramEnrollmentPage]:
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
    updated_after: datetime.datetime | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    deleted_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    deleted_before: datetime.datetime | Unset = UNSET,
    only_deleted: bool | Unset = UNSET,
    with_deleted: bool | Unset = UNSET,
    sort: ListProgramEnrollmentsSort | Unset = UNSET,
    search: str | Unset = UNSET,
    user_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    after: str | Unset = UNSET,
) -> Response[ErrorResponse | ProgramEnrollmentPage]:
    """Fetch list of enrollments (learners) in a program

     Cursor-paged: follow `meta.next` (a full URL carrying an opaque `after` cursor) until it is absent.

    Args:
        program_id (int):
        updated_after (datetime.datetime | Unset):
        created_after (datetime.datetime | Unset):
        deleted_after (datetime.datetime | Unset):
        updated_before (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        deleted_before (datetime.datetime | Unset):
        only_deleted (bool | Unset):
        with_deleted (bool | Unset):
        sort (ListProgramEnrollmentsSort | Unset):
        search (str | Unset):
        user_id (int | Unset):
        limit (int | Unset):
        after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProgramEnrollmentPage]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        updated_after=updated_after,
        created_after=created_after,
        deleted_after=deleted_after,
        updated_before=updated_before,
        created_before=created_before,
        deleted_before=deleted_before,
        only_deleted=only_deleted,
        with_deleted=with_deleted,
        sort=sort,
        search=search,
        user_id=user_id,
        limit=limit,
        after=after,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    program_id: int,
    *,
    client: AuthenticatedClient | Client,
    updated_after: datetime.datetime | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    deleted_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    deleted_before: datetime.datetime | Unset = UNSET,
    only_deleted: bool | Unset = UNSET,
    with_deleted: bool | Unset = UNSET,
    sort: ListProgramEnrollmentsSort | Unset = UNSET,
    search: str | Unset = UNSET,
    user_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    after: str | Unset = UNSET,
) -> ErrorResponse | ProgramEnrollmentPage | None:
    """Fetch list of enrollments (learners) in a program

     Cursor-paged: follow `meta.next` (a full URL carrying an opaque `after` cursor) until it is absent.

    Args:
        program_id (int):
        updated_after (datetime.datetime | Unset):
        created_after (datetime.datetime | Unset):
        deleted_after (datetime.datetime | Unset):
        updated_before (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        deleted_before (datetime.datetime | Unset):
        only_deleted (bool | Unset):
        with_deleted (bool | Unset):
        sort (ListProgramEnrollmentsSort | Unset):
        search (str | Unset):
        user_id (int | Unset):
        limit (int | Unset):
        after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProgramEnrollmentPage
    """

    return sync_detailed(
        program_id=program_id,
        client=client,
        updated_after=updated_after,
        created_after=created_after,
        deleted_after=deleted_after,
        updated_before=updated_before,
        created_before=created_before,
        deleted_before=deleted_before,
        only_deleted=only_deleted,
        with_deleted=with_deleted,
        sort=sort,
        search=search,
        user_id=user_id,
        limit=limit,
        after=after,
    ).parsed


async def asyncio_detailed(
    program_id: int,
    *,
    client: AuthenticatedClient | Client,
    updated_after: datetime.datetime | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    deleted_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    deleted_before: datetime.datetime | Unset = UNSET,
    only_deleted: bool | Unset = UNSET,
    with_deleted: bool | Unset = UNSET,
    sort: ListProgramEnrollmentsSort | Unset = UNSET,
    search: str | Unset = UNSET,
    user_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    after: str | Unset = UNSET,
) -> Response[ErrorResponse | ProgramEnrollmentPage]:
    """Fetch list of enrollments (learners) in a program

     Cursor-paged: follow `meta.next` (a full URL carrying an opaque `after` cursor) until it is absent.

    Args:
        program_id (int):
        updated_after (datetime.datetime | Unset):
        created_after (datetime.datetime | Unset):
        deleted_after (datetime.datetime | Unset):
        updated_before (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        deleted_before (datetime.datetime | Unset):
        only_deleted (bool | Unset):
        with_deleted (bool | Unset):
        sort (ListProgramEnrollmentsSort | Unset):
        search (str | Unset):
        user_id (int | Unset):
        limit (int | Unset):
        after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProgramEnrollmentPage]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        updated_after=updated_after,
        created_after=created_after,
        deleted_after=deleted_after,
        updated_before=updated_before,
        created_before=created_before,
        deleted_before=deleted_before,
        only_deleted=only_deleted,
        with_deleted=with_deleted,
        sort=sort,
        search=search,
        user_id=user_id,
        limit=limit,
        after=after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    program_id: int,
    *,
    client: AuthenticatedClient | Client,
    updated_after: datetime.datetime | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    deleted_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    deleted_before: datetime.datetime | Unset = UNSET,
    only_deleted: bool | Unset = UNSET,
    with_deleted: bool | Unset = UNSET,
    sort: ListProgramEnrollmentsSort | Unset = UNSET,
    search: str | Unset = UNSET,
    user_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    after: str | Unset = UNSET,
) -> ErrorResponse | ProgramEnrollmentPage | None:
    """Fetch list of enrollments (learners) in a program

     Cursor-paged: follow `meta.next` (a full URL carrying an opaque `after` cursor) until it is absent.

    Args:
        program_id (int):
        updated_after (datetime.datetime | Unset):
        created_after (datetime.datetime | Unset):
        deleted_after (datetime.datetime | Unset):
        updated_before (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        deleted_before (datetime.datetime | Unset):
        only_deleted (bool | Unset):
        with_deleted (bool | Unset):
        sort (ListProgramEnrollmentsSort | Unset):
        search (str | Unset):
        user_id (int | Unset):
        limit (int | Unset):
        after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProgramEnrollmentPage
    """

    return (
        await asyncio_detailed(
            program_id=program_id,
            client=client,
            updated_after=updated_after,
            created_after=created_after,
            deleted_after=deleted_after,
            updated_before=updated_before,
            created_before=created_before,
            deleted_before=deleted_before,
            only_deleted=only_deleted,
            with_deleted=with_deleted,
            sort=sort,
            search=search,
            user_id=user_id,
            limit=limit,
            after=after,
        )
    ).parsed

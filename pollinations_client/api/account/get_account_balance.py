# Generated from openapi.yaml by `make generate`; do not edit.
from http import HTTPStatus

import httpx

from ... import types as _t
from ...client import AuthenticatedClient, Client
from ...models.balance import Balance
from ...models.error_response import ErrorResponse
from ...types import Response


def build_request() -> _t.RequestParts:
    """The request of GET /account/balance, before any I/O:
    method, URL (relative to the base URL), the query parameters that were given,
    headers and body. The four functions below send what this returns.
    """
    return _t.RequestParts(
        method="GET",
        url="/account/balance",
        params=_t.as_query({}),
        headers={},
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Balance | ErrorResponse:
    if response.status_code == 200:
        return _t.parse_json(response, _t.model("Balance"), dict)  # type: ignore[no-any-return]

    if response.status_code == 401:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 403:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 429:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Balance | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Balance | ErrorResponse]:
    """Get pollen balance. Returns the key's remaining budget if set, otherwise the user's total balance.
    Requires `account:balance` permission for API keys.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Balance | ErrorResponse]
    """

    parts = build_request()
    response = client.get_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Balance | ErrorResponse | None:
    """Get pollen balance. Returns the key's remaining budget if set, otherwise the user's total balance.
    Requires `account:balance` permission for API keys.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Balance | ErrorResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Balance | ErrorResponse]:
    """Get pollen balance. Returns the key's remaining budget if set, otherwise the user's total balance.
    Requires `account:balance` permission for API keys.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Balance | ErrorResponse]
    """

    parts = build_request()
    response = await client.get_async_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Balance | ErrorResponse | None:
    """Get pollen balance. Returns the key's remaining budget if set, otherwise the user's total balance.
    Requires `account:balance` permission for API keys.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Balance | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed

# Generated from openapi.yaml by `make generate`; do not edit.
from http import HTTPStatus

import httpx

from ... import types as _t
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.usage_format import UsageFormat
from ...models.usage_response import UsageResponse
from ...types import Response


def build_request(
    *,
    format_: UsageFormat | None = None,
    limit: float | None = None,
    before: str | None = None,
) -> _t.RequestParts:
    """The request of GET /account/usage, before any I/O:
    method, URL (relative to the base URL), the query parameters that were given,
    headers and body. The four functions below send what this returns.
    """
    return _t.RequestParts(
        method="GET",
        url="/account/usage",
        params=_t.as_query(
            {
                "format": format_,
                "limit": limit,
                "before": before,
            }
        ),
        headers={},
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | UsageResponse:
    if response.status_code == 200:
        return _t.parse_json(response, _t.model("UsageResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 401:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 403:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 429:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | UsageResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: UsageFormat | None = None,
    limit: float | None = None,
    before: str | None = None,
) -> Response[ErrorResponse | UsageResponse]:
    """Get request history and spending data. Supports JSON and CSV formats. Requires `account:usage`
    permission for API keys.

    Args:
        format_ (UsageFormat | None): None: not sent.
        limit (float | None): None: not sent (the server's default is 100.0).
        before (str | None): None: not sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UsageResponse]
    """

    parts = build_request(
        format_=format_,
        limit=limit,
        before=before,
    )
    response = client.get_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: UsageFormat | None = None,
    limit: float | None = None,
    before: str | None = None,
) -> ErrorResponse | UsageResponse | None:
    """Get request history and spending data. Supports JSON and CSV formats. Requires `account:usage`
    permission for API keys.

    Args:
        format_ (UsageFormat | None): None: not sent.
        limit (float | None): None: not sent (the server's default is 100.0).
        before (str | None): None: not sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UsageResponse
    """

    return sync_detailed(
        client=client,
        format_=format_,
        limit=limit,
        before=before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: UsageFormat | None = None,
    limit: float | None = None,
    before: str | None = None,
) -> Response[ErrorResponse | UsageResponse]:
    """Get request history and spending data. Supports JSON and CSV formats. Requires `account:usage`
    permission for API keys.

    Args:
        format_ (UsageFormat | None): None: not sent.
        limit (float | None): None: not sent (the server's default is 100.0).
        before (str | None): None: not sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UsageResponse]
    """

    parts = build_request(
        format_=format_,
        limit=limit,
        before=before,
    )
    response = await client.get_async_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: UsageFormat | None = None,
    limit: float | None = None,
    before: str | None = None,
) -> ErrorResponse | UsageResponse | None:
    """Get request history and spending data. Supports JSON and CSV formats. Requires `account:usage`
    permission for API keys.

    Args:
        format_ (UsageFormat | None): None: not sent.
        limit (float | None): None: not sent (the server's default is 100.0).
        before (str | None): None: not sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UsageResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            limit=limit,
            before=before,
        )
    ).parsed

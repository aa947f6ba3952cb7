# Generated from openapi.yaml by `make generate`; do not edit.
from http import HTTPStatus

import httpx

from ... import types as _t
from ...client import AuthenticatedClient, Client
from ...models.daily_usage_response import DailyUsageResponse
from ...models.error_response import ErrorResponse
from ...models.usage_format import UsageFormat
from ...types import Response


def build_request(
    *,
    format_: UsageFormat | None = None,
) -> _t.RequestParts:
    """The request of GET /account/usage/daily, before any I/O:
    method, URL (relative to the base URL), the query parameters that were given,
    headers and body. The four functions below send what this returns.
    """
    return _t.RequestParts(
        method="GET",
        url="/account/usage/daily",
        params=_t.as_query(
            {
                "format": format_,
            }
        ),
        headers={},
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DailyUsageResponse | ErrorResponse:
    if response.status_code == 200:
        return _t.parse_json(response, _t.model("DailyUsageResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 401:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 403:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 429:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DailyUsageResponse | ErrorResponse]:
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
) -> Response[DailyUsageResponse | ErrorResponse]:
    """Get daily aggregated usage data (last 90 days). Supports JSON and CSV formats. Requires
    `account:usage` permission for API keys. Results are cached for 1 hour.

    Args:
        format_ (UsageFormat | None): None: not sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DailyUsageResponse | ErrorResponse]
    """

    parts = build_request(
        format_=format_,
    )
    response = client.get_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: UsageFormat | None = None,
) -> DailyUsageResponse | ErrorResponse | None:
    """Get daily aggregated usage data (last 90 days). Supports JSON and CSV formats. Requires
    `account:usage` permission for API keys. Results are cached for 1 hour.

    Args:
        format_ (UsageFormat | None): None: not sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DailyUsageResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: UsageFormat | None = None,
) -> Response[DailyUsageResponse | ErrorResponse]:
    """Get daily aggregated usage data (last 90 days). Supports JSON and CSV formats. Requires
    `account:usage` permission for API keys. Results are cached for 1 hour.

    Args:
        format_ (UsageFormat | None): None: not sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DailyUsageResponse | ErrorResponse]
    """

    parts = build_request(
        format_=format_,
    )
    response = await client.get_async_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: UsageFormat | None = None,
) -> DailyUsageResponse | ErrorResponse | None:
    """Get daily aggregated usage data (last 90 days). Supports JSON and CSV formats. Requires
    `account:usage` permission for API keys. Results are cached for 1 hour.

    Args:
        format_ (UsageFormat | None): None: not sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DailyUsageResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
        )
    ).parsed

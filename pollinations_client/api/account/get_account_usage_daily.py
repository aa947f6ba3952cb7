from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.daily_usage_response import DailyUsageResponse
from ...models.error_response import ErrorResponse
from ...models.usage_format import UsageFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: UsageFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/account/usage/daily",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DailyUsageResponse | ErrorResponse | None:
    if response.status_code == 200:
        if not response.content or not response.headers.get(
            "content-type", "application/json"
        ).split(";")[0].strip().endswith("json"):
            return None
        response_200 = DailyUsageResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        if not response.content or not response.headers.get(
            "content-type", "application/json"
        ).split(";")[0].strip().endswith("json"):
            return None
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        if not response.content or not response.headers.get(
            "content-type", "application/json"
        ).split(";")[0].strip().endswith("json"):
            return None
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        if not response.content or not response.headers.get(
            "content-type", "application/json"
        ).split(";")[0].strip().endswith("json"):
            return None
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


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
    format_: UsageFormat | Unset = UNSET,
) -> Response[DailyUsageResponse | ErrorResponse]:
    """Get daily aggregated usage data (last 90 days). Supports JSON and CSV formats. Requires
    `account:usage` permission for API keys. Results are cached for 1 hour.

    Args:
        format_ (UsageFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DailyUsageResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: UsageFormat | Unset = UNSET,
) -> DailyUsageResponse | ErrorResponse | None:
    """Get daily aggregated usage data (last 90 days). Supports JSON and CSV formats. Requires
    `account:usage` permission for API keys. Results are cached for 1 hour.

    Args:
        format_ (UsageFormat | Unset):

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
    format_: UsageFormat | Unset = UNSET,
) -> Response[DailyUsageResponse | ErrorResponse]:
    """Get daily aggregated usage data (last 90 days). Supports JSON and CSV formats. Requires
    `account:usage` permission for API keys. Results are cached for 1 hour.

    Args:
        format_ (UsageFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DailyUsageResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: UsageFormat | Unset = UNSET,
) -> DailyUsageResponse | ErrorResponse | None:
    """Get daily aggregated usage data (last 90 days). Supports JSON and CSV formats. Requires
    `account:usage` permission for API keys. Results are cached for 1 hour.

    Args:
        format_ (UsageFormat | Unset):

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

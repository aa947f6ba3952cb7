"""`client.account`: balance, profile and usage history of the key's account."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import httpx

from pollinations_client.api.account import get_account_usage
from pollinations_client.models import UsageFormat
from pollinations_client.types import UNSET

from .._base_client import RequestOptions
from .._validation import USAGE_LIMIT_RANGE, check_int, check_str
from ._shared import AsyncTransport, SyncTransport, or_unset

if TYPE_CHECKING:
    from pollinations_client.models import AccountBalance, UsageRecord, UsageResponse, UserProfile

# The docs ask for a secret key on /account/*; a publishable key gets a warning.
_BALANCE = RequestOptions("GET", "/account/balance", "account.balance", secret_key_only=True)
_PROFILE = RequestOptions("GET", "/account/profile", "account.profile", secret_key_only=True)

#: Records per request when iterating over the whole history.
DEFAULT_PAGE_SIZE = 1000


def usage_request(limit: int | None, before: str | None, *, csv: bool) -> RequestOptions:
    kwargs = get_account_usage._get_kwargs(
        format_=UsageFormat.CSV if csv else UNSET,
        limit=or_unset(None if limit is None else check_int("limit", limit, *USAGE_LIMIT_RANGE)),
        before=or_unset(None if before is None else check_str("before", before)),
    )
    return RequestOptions(
        method="GET",
        path=kwargs["url"],
        params=kwargs["params"],
        operation="account.usage_csv" if csv else "account.usage",
        secret_key_only=True,
        accept="text/csv" if csv else "application/json",
    )


def parse_balance(response: httpx.Response) -> AccountBalance:
    from pollinations_client.models import AccountBalance

    return AccountBalance.from_dict(response.json())


def parse_profile(response: httpx.Response) -> UserProfile:
    from pollinations_client.models import UserProfile

    return UserProfile.from_dict(response.json())


def parse_usage(response: httpx.Response) -> UsageResponse:
    from pollinations_client.models import UsageResponse

    return UsageResponse.from_dict(response.json())


def parse_csv(response: httpx.Response) -> str:
    return response.text


def next_before(page: UsageResponse, page_size: int) -> str | None:
    """Where the next (older) page starts, or None when this page was the last.

    `before` is exclusive, so records that share the oldest timestamp of a full page
    with the next page are only seen once the server's timestamps differ: the API
    offers no finer cursor.
    """
    if len(page.usage) < page_size:
        return None
    return page.usage[-1].timestamp


class Account:
    def __init__(self, client: SyncTransport) -> None:
        self._client = client

    def balance(self) -> AccountBalance:
        """The remaining pollen: the key's budget if it has one, else the account's."""
        return self._client._request(_BALANCE, parse_balance)

    def profile(self) -> UserProfile:
        return self._client._request(_PROFILE, parse_profile)

    def usage(self, *, limit: int | None = None, before: str | None = None) -> UsageResponse:
        """One page of request history, newest first (server default: 100 records)."""
        return self._client._request(usage_request(limit, before, csv=False), parse_usage)

    def usage_csv(self, *, limit: int | None = None, before: str | None = None) -> str:
        """The same history as CSV text."""
        return self._client._request(usage_request(limit, before, csv=True), parse_csv)

    def iter_usage(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, before: str | None = None
    ) -> Iterator[UsageRecord]:
        """Every usage record, newest first, fetching older pages with `before`."""
        while True:
            page = self.usage(limit=page_size, before=before)
            yield from page.usage
            before = next_before(page, page_size)
            if before is None:
                return


class AsyncAccount:
    def __init__(self, client: AsyncTransport) -> None:
        self._client = client

    async def balance(self) -> AccountBalance:
        """The remaining pollen: the key's budget if it has one, else the account's."""
        return await self._client._request(_BALANCE, parse_balance)

    async def profile(self) -> UserProfile:
        return await self._client._request(_PROFILE, parse_profile)

    async def usage(self, *, limit: int | None = None, before: str | None = None) -> UsageResponse:
        """One page of request history, newest first (server default: 100 records)."""
        return await self._client._request(usage_request(limit, before, csv=False), parse_usage)

    async def usage_csv(self, *, limit: int | None = None, before: str | None = None) -> str:
        """The same history as CSV text."""
        return await self._client._request(usage_request(limit, before, csv=True), parse_csv)

    async def iter_usage(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, before: str | None = None
    ) -> AsyncIterator[UsageRecord]:
        """Every usage record, newest first, fetching older pages with `before`."""
        while True:
            page = await self.usage(limit=page_size, before=before)
            for record in page.usage:
                yield record
            before = next_before(page, page_size)
            if before is None:
                return

"""`client.account`: balance, profile and usage history of the key's account."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import attrs
import httpx

from pollinations_client.api.account import get_account_usage
from pollinations_client.models import UsageFormat

from .. import _json
from .._base_client import RequestOptions
from .._logging import logger
from .._validation import USAGE_LIMIT_RANGE, check_int, check_str
from ._shared import AsyncTransport, SyncTransport

if TYPE_CHECKING:
    from pollinations_client.models import Balance, UsageRecord, UsageResponse, UserProfile

# The docs ask for a secret key on /account/*; a publishable key gets a warning.
_BALANCE = RequestOptions("GET", "/account/balance", "account.balance", secret_key_only=True)
_PROFILE = RequestOptions("GET", "/account/profile", "account.profile", secret_key_only=True)

#: Records per request when iterating over the whole history.
DEFAULT_PAGE_SIZE = 1000


def usage_request(limit: int | None, before: str | None, *, csv: bool) -> RequestOptions:
    parts = get_account_usage.build_request(
        format_=UsageFormat.CSV if csv else None,
        limit=None if limit is None else check_int("limit", limit, *USAGE_LIMIT_RANGE),
        before=None if before is None else check_str("before", before),
    )
    return RequestOptions(
        method=parts.method,
        path=parts.url,
        params=parts.params,
        operation="account.usage_csv" if csv else "account.usage",
        secret_key_only=True,
        accept="text/csv" if csv else "application/json",
    )


def parse_balance(response: httpx.Response) -> Balance:
    from pollinations_client.models import Balance

    return Balance.from_dict(_json.response_json(response))


def parse_profile(response: httpx.Response) -> UserProfile:
    from pollinations_client.models import UserProfile

    return UserProfile.from_dict(_json.response_json(response))


def parse_usage(response: httpx.Response) -> UsageResponse:
    from pollinations_client.models import UsageResponse

    return UsageResponse.from_dict(_json.response_json(response))


def parse_csv(response: httpx.Response) -> str:
    return response.text


_TIMESTAMP = "%Y-%m-%d %H:%M:%S"


@attrs.define
class UsagePager:
    """Walks the history backwards, page by page, without losing or repeating a record.

    `before` is exclusive and timestamps have one-second resolution, so asking for the
    records before the oldest one of a page would skip those of the same second that did
    not fit on it. The pager asks for those before the *next* second instead and drops
    the ones it already gave out. A whole page within one second cannot be paged through
    that way; the rest of that second is then skipped, with a warning.
    """

    page_size: int
    before: str | None
    done: bool = False
    _boundary: str | None = None
    _skip: int = 0

    def take(self, page: UsageResponse) -> list[UsageRecord]:
        """The new records of `page`; moves `before` on, or sets `done`."""
        records = list(page.usage)
        dropped = 0
        while dropped < self._skip and dropped < len(records):
            if records[dropped].timestamp != self._boundary:
                break
            dropped += 1
        fresh = records[dropped:]
        if len(records) < self.page_size:
            self.done = True
            return fresh
        oldest = records[-1].timestamp
        same_second = sum(1 for record in reversed(records) if record.timestamp == oldest)
        later = _one_second_later(oldest)
        if same_second == len(records) or later is None:
            if same_second == len(records):
                logger.warning(
                    "usage: more than %d records at %s; the rest of that second is skipped "
                    "(page with a larger page_size to see them)",
                    self.page_size,
                    oldest,
                )
            self.before, self._boundary, self._skip = oldest, None, 0
        else:
            self.before, self._boundary, self._skip = later, oldest, same_second
        return fresh


def _one_second_later(timestamp: str) -> str | None:
    try:
        moment = datetime.strptime(timestamp, _TIMESTAMP)
    except ValueError:
        return None  # not the documented format: fall back to plain `before`
    return (moment + timedelta(seconds=1)).strftime(_TIMESTAMP)


class Account:
    def __init__(self, client: SyncTransport) -> None:
        self._client = client

    def balance(self) -> Balance:
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
        pager = UsagePager(check_int("page_size", page_size, *USAGE_LIMIT_RANGE), before)
        while not pager.done:
            yield from pager.take(self.usage(limit=page_size, before=pager.before))


class AsyncAccount:
    def __init__(self, client: AsyncTransport) -> None:
        self._client = client

    async def balance(self) -> Balance:
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
        pager = UsagePager(check_int("page_size", page_size, *USAGE_LIMIT_RANGE), before)
        while not pager.done:
            for record in pager.take(await self.usage(limit=page_size, before=pager.before)):
                yield record

"""`client.account`: balance, profile and usage history of the key's account."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

import attrs
import httpx

from pollinations_client.params import (
    GET_ACCOUNT_BALANCE,
    GET_ACCOUNT_KEY,
    GET_ACCOUNT_PROFILE,
    GET_ACCOUNT_USAGE,
    GET_ACCOUNT_USAGE_DAILY,
    GetAccountUsageDailyParams,
    GetAccountUsageParams,
)

from .. import _json
from .._logging import logger
from .._resource import AsyncAPIResource, CallOptions, Endpoint, SyncAPIResource, documented
from .._response import AsyncRawView, RawView, async_raw_method, raw_method
from .._types import TextResult
from .._validation import check_argument, check_int

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from pollinations_client.models import (
        Balance,
        DailyUsageResponse,
        KeyInfo,
        UsageRecord,
        UsageResponse,
        UserProfile,
    )


class UsageParams(GetAccountUsageParams, CallOptions, total=False):
    """The keyword arguments of `account.usage()` and `account.usage_csv()`: the spec's
    query parameters of GET /account/usage (`limit`, `before`), and the per-call options."""


class DailyUsageParams(GetAccountUsageDailyParams, CallOptions, total=False):
    """The keyword arguments of `account.usage_daily()` and `usage_daily_csv()`."""


#: Records per request when iterating over the whole history.
DEFAULT_PAGE_SIZE = 1000


def parse_balance(response: httpx.Response) -> Balance:
    from pollinations_client.models import Balance

    return Balance.from_dict(_json.response_json(response))


def parse_profile(response: httpx.Response) -> UserProfile:
    from pollinations_client.models import UserProfile

    return UserProfile.from_dict(_json.response_json(response))


def parse_key(response: httpx.Response) -> KeyInfo:
    from pollinations_client.models import KeyInfo

    return KeyInfo.from_dict(_json.response_json(response))


def parse_usage(response: httpx.Response) -> UsageResponse:
    from pollinations_client.models import UsageResponse

    return UsageResponse.from_dict(_json.response_json(response))


def parse_daily_usage(response: httpx.Response) -> DailyUsageResponse:
    from pollinations_client.models import DailyUsageResponse

    return DailyUsageResponse.from_dict(_json.response_json(response))


def parse_csv(response: httpx.Response) -> TextResult:
    return TextResult(response.text)


# The docs ask for a secret key on /account/*; a publishable key gets a warning.
_BALANCE = Endpoint(GET_ACCOUNT_BALANCE, "account.balance", parse_balance, secret_key_only=True)
_PROFILE = Endpoint(GET_ACCOUNT_PROFILE, "account.profile", parse_profile, secret_key_only=True)
_KEY = Endpoint(GET_ACCOUNT_KEY, "account.key", parse_key)
_USAGE = Endpoint(
    GET_ACCOUNT_USAGE, "account.usage", parse_usage, secret_key_only=True, params=UsageParams
)
_USAGE_CSV = Endpoint(
    GET_ACCOUNT_USAGE, "account.usage_csv", parse_csv, accept="text/csv",
    secret_key_only=True, params=UsageParams,
)  # fmt: skip
_DAILY = Endpoint(
    GET_ACCOUNT_USAGE_DAILY, "account.usage_daily", parse_daily_usage,
    secret_key_only=True, params=DailyUsageParams,
)  # fmt: skip
_DAILY_CSV = Endpoint(
    GET_ACCOUNT_USAGE_DAILY,
    "account.usage_daily_csv",
    parse_csv,
    accept="text/csv",
    secret_key_only=True,
    params=DailyUsageParams,
)


def _page_size(page_size: object) -> int:
    """A page size the spec's `limit` allows, and an integer (pages are counted)."""
    check_argument("page_size", page_size, GET_ACCOUNT_USAGE.parameter("limit").schema)
    return check_int("page_size", page_size)


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


class Account(SyncAPIResource):
    @documented(_BALANCE)
    def balance(self, **options: Unpack[CallOptions]) -> Balance:
        """The remaining pollen: the key's budget if it has one, else the account's."""
        return self._call(_BALANCE, options)

    @documented(_PROFILE)
    def profile(self, **options: Unpack[CallOptions]) -> UserProfile:
        """The account's name, email, tier and when it was created."""
        return self._call(_PROFILE, options)

    @documented(_KEY)
    def key(self, **options: Unpack[CallOptions]) -> KeyInfo:
        """The key itself: valid or not, its type, name, expiry, permissions and budget."""
        return self._call(_KEY, options)

    @documented(_USAGE)
    def usage(self, **params: Unpack[UsageParams]) -> UsageResponse:
        """One page of request history, newest first."""
        return self._call(_USAGE, params)

    @documented(_USAGE_CSV)
    def usage_csv(self, **params: Unpack[UsageParams]) -> TextResult:
        """The same history as CSV text."""
        return self._call(_USAGE_CSV, params, format="csv")

    @documented(_DAILY)
    def usage_daily(self, **params: Unpack[DailyUsageParams]) -> DailyUsageResponse:
        """Usage summed per day and model."""
        return self._call(_DAILY, params)

    @documented(_DAILY_CSV)
    def usage_daily_csv(self, **params: Unpack[DailyUsageParams]) -> TextResult:
        """The same daily sums as CSV text."""
        return self._call(_DAILY_CSV, params, format="csv")

    def iter_usage(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        before: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Iterator[UsageRecord]:
        """Every usage record, newest first, fetching older pages with `before` (each
        page a request with the call options given)."""
        pager = UsagePager(_page_size(page_size), before)
        while not pager.done:
            page = self.usage(limit=page_size, before=pager.before, **options)
            yield from pager.take(page)

    @cached_property
    def with_raw_response(self) -> AccountWithRawResponse:
        return AccountWithRawResponse(self)


class AsyncAccount(AsyncAPIResource):
    @documented(_BALANCE)
    async def balance(self, **options: Unpack[CallOptions]) -> Balance:
        """The remaining pollen: the key's budget if it has one, else the account's."""
        return await self._call(_BALANCE, options)

    @documented(_PROFILE)
    async def profile(self, **options: Unpack[CallOptions]) -> UserProfile:
        """The account's name, email, tier and when it was created."""
        return await self._call(_PROFILE, options)

    @documented(_KEY)
    async def key(self, **options: Unpack[CallOptions]) -> KeyInfo:
        """The key itself: valid or not, its type, name, expiry, permissions and budget."""
        return await self._call(_KEY, options)

    @documented(_USAGE)
    async def usage(self, **params: Unpack[UsageParams]) -> UsageResponse:
        """One page of request history, newest first."""
        return await self._call(_USAGE, params)

    @documented(_USAGE_CSV)
    async def usage_csv(self, **params: Unpack[UsageParams]) -> TextResult:
        """The same history as CSV text."""
        return await self._call(_USAGE_CSV, params, format="csv")

    @documented(_DAILY)
    async def usage_daily(self, **params: Unpack[DailyUsageParams]) -> DailyUsageResponse:
        """Usage summed per day and model."""
        return await self._call(_DAILY, params)

    @documented(_DAILY_CSV)
    async def usage_daily_csv(self, **params: Unpack[DailyUsageParams]) -> TextResult:
        """The same daily sums as CSV text."""
        return await self._call(_DAILY_CSV, params, format="csv")

    async def iter_usage(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        before: str | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncIterator[UsageRecord]:
        """Every usage record, newest first, fetching older pages with `before` (each
        page a request with the call options given)."""
        pager = UsagePager(_page_size(page_size), before)
        while not pager.done:
            page = await self.usage(limit=page_size, before=pager.before, **options)
            for record in pager.take(page):
                yield record

    @cached_property
    def with_raw_response(self) -> AsyncAccountWithRawResponse:
        return AsyncAccountWithRawResponse(self)


class AccountWithRawResponse(RawView):
    balance = raw_method(Account.balance)
    profile = raw_method(Account.profile)
    key = raw_method(Account.key)
    usage = raw_method(Account.usage)
    usage_csv = raw_method(Account.usage_csv)
    usage_daily = raw_method(Account.usage_daily)
    usage_daily_csv = raw_method(Account.usage_daily_csv)


class AsyncAccountWithRawResponse(AsyncRawView):
    balance = async_raw_method(AsyncAccount.balance)
    profile = async_raw_method(AsyncAccount.profile)
    key = async_raw_method(AsyncAccount.key)
    usage = async_raw_method(AsyncAccount.usage)
    usage_csv = async_raw_method(AsyncAccount.usage_csv)
    usage_daily = async_raw_method(AsyncAccount.usage_daily)
    usage_daily_csv = async_raw_method(AsyncAccount.usage_daily_csv)

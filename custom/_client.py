"""`Pollinations` and `AsyncPollinations`: one pooled httpx client each, and the resources.

The two classes differ only in how they wait and do I/O; what to send, when to retry and
how to judge an answer come from `BaseClient` and `retry_plan`, shared by both.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

import httpx

from ._base_client import (
    AuthMode,
    BaseClient,
    RequestOptions,
    is_event_stream,
)
from ._body import read_async, read_sync
from ._exceptions import cut_short
from ._retry import DEFAULT_MAX_RETRIES, Send, retry_plan
from ._streaming import AsyncStream, Stream

if TYPE_CHECKING:
    from .resources import (
        Account,
        AsyncAccount,
        AsyncChat,
        AsyncImages,
        AsyncModels,
        AsyncText,
        Chat,
        Images,
        Models,
        Text,
    )

__all__ = ["AsyncPollinations", "Pollinations"]

R = TypeVar("R")
T = TypeVar("T")


class Pollinations(BaseClient):
    """The pollinations.ai API.

    `api_key` defaults to $POLLINATIONS_API_KEY and `base_url` to $POLLINATIONS_BASE_URL
    (else https://gen.pollinations.ai). The key goes in the Authorization header; pass
    `auth="query"` only where a header cannot be set. Pass your own `http_client` to
    control proxies or transports; this client then leaves closing it to you.
    """

    # Each resource is made, and its module imported, on first use (as openai does).
    @cached_property
    def images(self) -> Images:
        from .resources.images import Images

        return Images(self)

    @cached_property
    def text(self) -> Text:
        from .resources.text import Text

        return Text(self)

    @cached_property
    def chat(self) -> Chat:
        from .resources.chat import Chat

        return Chat(self)

    @cached_property
    def models(self) -> Models:
        from .resources.models import Models

        return Models(self)

    @cached_property
    def account(self) -> Account:
        from .resources.account import Account

        return Account(self)

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        auth: AuthMode = "header",
    ) -> None:
        self._configure(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            auth=auth,
            http_client=http_client,
        )
        self._http = self._pool(http_client, httpx.Client)
        #: Waits between retries; tests replace it with a fake clock.
        self._sleep: Callable[[float], None] = time.sleep

    def with_options(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        auth: AuthMode | None = None,
    ) -> Pollinations:
        """A copy with some settings changed, sharing this client's connection pool.

        >>> client.with_options(max_retries=5, timeout=600).images.generate("a cat")
        """
        copy = Pollinations(
            **self._options_for_copy(
                api_key=api_key,
                base_url=base_url,
                timeout=timeout,
                max_retries=max_retries,
                auth=auth,
            ),
            http_client=self._http,
        )
        copy._sleep = self._sleep
        return copy

    def close(self) -> None:
        """Close the connection pool (unless it was passed in as `http_client`)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Pollinations:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _send(self, options: RequestOptions, *, stream: bool = False) -> httpx.Response:
        url, headers, params = self._prepare(options)
        timeout = self._request_timeout()
        plan = retry_plan(
            lambda: self._http.build_request(
                options.method,
                url,
                params=params or None,  # an empty dict still costs httpx a URL re-parse
                headers=headers,
                content=options.content,
                timeout=timeout,
            ),
            self._retry_policy,
        )
        step = next(plan)
        retries = 0
        while True:
            outcome: httpx.Response | Exception | None = None
            if isinstance(step, Send):
                try:
                    outcome = read_sync(
                        self._http.send(step.request, stream=True),
                        keep_open=stream,
                        download=options.download,
                    )
                except httpx.RequestError as exc:
                    outcome = exc
            else:
                if step.discard is not None:
                    step.discard.close()
                retries += 1
                self._log_retry(step.seconds, retries, self.max_retries)
                self._sleep(step.seconds)
            try:
                step = plan.send(outcome)
            except StopIteration as finished:
                response: httpx.Response = finished.value
                return response

    def _request(self, options: RequestOptions, parse: Callable[[httpx.Response], R]) -> R:
        return self._judge(self._send(options), parse)

    def _stream(self, options: RequestOptions, parse: Callable[[str], T | None]) -> Stream[T]:
        response = self._send(options, stream=True)
        if response.is_error:
            raise self._status_error(response)
        if not is_event_stream(response):
            try:
                response = read_sync(response, keep_open=False, download=False)
            except httpx.TransportError as exc:
                raise cut_short(exc, response.request, secrets=self._secrets()) from exc
            raise self._not_a_stream(response)
        return Stream(response, parse, secrets=self._secrets())


class AsyncPollinations(BaseClient):
    """The async twin of `Pollinations`: the same resources, with `await`."""

    @cached_property
    def images(self) -> AsyncImages:
        from .resources.images import AsyncImages

        return AsyncImages(self)

    @cached_property
    def text(self) -> AsyncText:
        from .resources.text import AsyncText

        return AsyncText(self)

    @cached_property
    def chat(self) -> AsyncChat:
        from .resources.chat import AsyncChat

        return AsyncChat(self)

    @cached_property
    def models(self) -> AsyncModels:
        from .resources.models import AsyncModels

        return AsyncModels(self)

    @cached_property
    def account(self) -> AsyncAccount:
        from .resources.account import AsyncAccount

        return AsyncAccount(self)

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        auth: AuthMode = "header",
    ) -> None:
        self._configure(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            auth=auth,
            http_client=http_client,
        )
        self._http = self._pool(http_client, httpx.AsyncClient)
        import asyncio  # here rather than at the top: sync users need not load it

        #: Waits between retries; tests replace it with a fake clock.
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    def with_options(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        auth: AuthMode | None = None,
    ) -> AsyncPollinations:
        """A copy with some settings changed, sharing this client's connection pool."""
        copy = AsyncPollinations(
            **self._options_for_copy(
                api_key=api_key,
                base_url=base_url,
                timeout=timeout,
                max_retries=max_retries,
                auth=auth,
            ),
            http_client=self._http,
        )
        copy._sleep = self._sleep
        return copy

    async def close(self) -> None:
        """Close the connection pool (unless it was passed in as `http_client`)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncPollinations:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _send(self, options: RequestOptions, *, stream: bool = False) -> httpx.Response:
        url, headers, params = self._prepare(options)
        timeout = self._request_timeout()
        plan = retry_plan(
            lambda: self._http.build_request(
                options.method,
                url,
                params=params or None,  # an empty dict still costs httpx a URL re-parse
                headers=headers,
                content=options.content,
                timeout=timeout,
            ),
            self._retry_policy,
        )
        step = next(plan)
        retries = 0
        while True:
            outcome: httpx.Response | Exception | None = None
            if isinstance(step, Send):
                try:
                    outcome = await read_async(
                        await self._http.send(step.request, stream=True),
                        keep_open=stream,
                        download=options.download,
                    )
                except httpx.RequestError as exc:
                    outcome = exc
            else:
                if step.discard is not None:
                    await step.discard.aclose()
                retries += 1
                self._log_retry(step.seconds, retries, self.max_retries)
                await self._sleep(step.seconds)
            try:
                step = plan.send(outcome)
            except StopIteration as finished:
                response: httpx.Response = finished.value
                return response

    async def _request(self, options: RequestOptions, parse: Callable[[httpx.Response], R]) -> R:
        return self._judge(await self._send(options), parse)

    async def _stream(
        self, options: RequestOptions, parse: Callable[[str], T | None]
    ) -> AsyncStream[T]:
        response = await self._send(options, stream=True)
        if response.is_error:
            raise self._status_error(response)
        if not is_event_stream(response):
            try:
                response = await read_async(response, keep_open=False, download=False)
            except httpx.TransportError as exc:
                raise cut_short(exc, response.request, secrets=self._secrets()) from exc
            raise self._not_a_stream(response)
        return AsyncStream(response, parse, secrets=self._secrets())

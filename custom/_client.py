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

from ._base_client import BaseClient, RequestOptions, is_event_stream
from ._body import DEADLINE_AT, read_async, read_sync
from ._exceptions import ClientClosedError, PollinationsError, cut_short, secure
from ._retry import Send, retry_plan
from ._streaming import AsyncStream, Stream

if TYPE_CHECKING:
    from .resources.account import (
        Account,
        AccountWithRawResponse,
        AsyncAccount,
        AsyncAccountWithRawResponse,
    )
    from .resources.audio import AsyncAudio, AsyncAudioWithRawResponse, Audio, AudioWithRawResponse
    from .resources.chat import AsyncChat, AsyncChatWithRawResponse, Chat, ChatWithRawResponse
    from .resources.images import (
        AsyncImages,
        AsyncImagesWithRawResponse,
        Images,
        ImagesWithRawResponse,
    )
    from .resources.models import (
        AsyncModels,
        AsyncModelsWithRawResponse,
        Models,
        ModelsWithRawResponse,
    )
    from .resources.text import AsyncText, AsyncTextWithRawResponse, Text, TextWithRawResponse

__all__ = [
    "AsyncPollinations",
    "AsyncPollinationsWithRawResponse",
    "Pollinations",
    "PollinationsWithRawResponse",
]

R = TypeVar("R")
T = TypeVar("T")


class Pollinations(BaseClient[httpx.Client]):
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

    @cached_property
    def audio(self) -> Audio:
        from .resources.audio import Audio

        return Audio(self)

    @cached_property
    def with_raw_response(self) -> PollinationsWithRawResponse:
        """The same resources, answering `APIResponse`s: status, headers, `.parse()`.

        >>> response = client.with_raw_response.images.generate("a cat")
        >>> response.request_id, response.parse().save("cat.jpg")
        """
        return PollinationsWithRawResponse(self)

    _pool_class = httpx.Client

    def _default_sleep(self) -> Callable[[float], None]:
        #: Waits between retries; tests replace `_sleep` with a fake clock.
        return time.sleep

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
        if self._http.is_closed:
            raise ClientClosedError(options.operation)
        url, headers, params = self._prepare(options)
        timeout = self._request_timeout(options)
        repeatable = self._repeatable(options)
        reading, deadline = self._reading(options, stream)
        plan = retry_plan(
            lambda: self._http.build_request(
                options.method,
                url,
                params=params or None,  # an empty dict still costs httpx a URL re-parse
                headers=headers,
                content=options.content,
                files=options.files,
                timeout=timeout,
            ),
            self._retry_policy,
            repeatable=repeatable,
            deadline=deadline,
        )
        step = next(plan)
        retries = 0
        while True:
            outcome: httpx.Response | Exception | None = None
            if isinstance(step, Send):
                try:
                    # Redirects are followed by the plan, which keeps the key at home.
                    outcome = read_sync(
                        self._http.send(step.request, stream=True, follow_redirects=False),
                        reading,
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
                if deadline is not None:  # a stream's body is read later, by then
                    response.extensions[DEADLINE_AT] = deadline
                return response

    def _request(self, options: RequestOptions, parse: Callable[[httpx.Response], R]) -> R:
        try:
            return self._judge(self._send(options), parse)
        except PollinationsError as exc:  # the key out of it, its request and its causes
            secure(exc, self._secrets())
            raise

    def _stream(self, options: RequestOptions, parse: Callable[[str], T | None]) -> Stream[T]:
        try:
            return self._open_stream(options, parse)
        except PollinationsError as exc:
            secure(exc, self._secrets())
            raise

    def _open_stream(self, options: RequestOptions, parse: Callable[[str], T | None]) -> Stream[T]:
        response = self._send(options, stream=True)
        if response.is_error:
            raise self._status_error(response)
        if not is_event_stream(response):
            try:
                response = read_sync(response, self._readings[False, False])
            except httpx.TransportError as exc:
                raise cut_short(exc, response.request, secrets=self._secrets()) from exc
            raise self._not_a_stream(response)
        return Stream(
            response,
            parse,
            secrets=self._secrets(),
            limit=self.max_response_size,
            deadline=response.extensions.get(DEADLINE_AT),
        )


class AsyncPollinations(BaseClient[httpx.AsyncClient]):
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

    @cached_property
    def audio(self) -> AsyncAudio:
        from .resources.audio import AsyncAudio

        return AsyncAudio(self)

    @cached_property
    def with_raw_response(self) -> AsyncPollinationsWithRawResponse:
        """The same resources, answering `APIResponse`s: status, headers, `.parse()`.

        >>> response = client.with_raw_response.images.generate("a cat")
        >>> response.request_id, response.parse().save("cat.jpg")
        """
        return AsyncPollinationsWithRawResponse(self)

    _pool_class = httpx.AsyncClient

    def _default_sleep(self) -> Callable[[float], Awaitable[None]]:
        import asyncio  # here rather than at the top: sync users need not load it

        return asyncio.sleep

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
        if self._http.is_closed:
            raise ClientClosedError(options.operation)
        url, headers, params = self._prepare(options)
        timeout = self._request_timeout(options)
        repeatable = self._repeatable(options)
        reading, deadline = self._reading(options, stream)
        plan = retry_plan(
            lambda: self._http.build_request(
                options.method,
                url,
                params=params or None,  # an empty dict still costs httpx a URL re-parse
                headers=headers,
                content=options.content,
                files=options.files,
                timeout=timeout,
            ),
            self._retry_policy,
            repeatable=repeatable,
            deadline=deadline,
        )
        step = next(plan)
        retries = 0
        while True:
            outcome: httpx.Response | Exception | None = None
            if isinstance(step, Send):
                try:
                    outcome = await read_async(
                        await self._http.send(step.request, stream=True, follow_redirects=False),
                        reading,
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
                if deadline is not None:  # a stream's body is read later, by then
                    response.extensions[DEADLINE_AT] = deadline
                return response

    async def _request(self, options: RequestOptions, parse: Callable[[httpx.Response], R]) -> R:
        try:
            return self._judge(await self._send(options), parse)
        except PollinationsError as exc:  # the key out of it, its request and its causes
            secure(exc, self._secrets())
            raise

    async def _stream(
        self, options: RequestOptions, parse: Callable[[str], T | None]
    ) -> AsyncStream[T]:
        try:
            return await self._open_stream(options, parse)
        except PollinationsError as exc:
            secure(exc, self._secrets())
            raise

    async def _open_stream(
        self, options: RequestOptions, parse: Callable[[str], T | None]
    ) -> AsyncStream[T]:
        response = await self._send(options, stream=True)
        if response.is_error:
            raise self._status_error(response)
        if not is_event_stream(response):
            try:
                response = await read_async(response, self._readings[False, False])
            except httpx.TransportError as exc:
                raise cut_short(exc, response.request, secrets=self._secrets()) from exc
            raise self._not_a_stream(response)
        return AsyncStream(
            response,
            parse,
            secrets=self._secrets(),
            limit=self.max_response_size,
            deadline=response.extensions.get(DEADLINE_AT),
        )


class PollinationsWithRawResponse:
    """`client.with_raw_response`: each resource's raw view (see _response.py)."""

    def __init__(self, client: Pollinations) -> None:
        self._client = client

    @cached_property
    def images(self) -> ImagesWithRawResponse:
        return self._client.images.with_raw_response

    @cached_property
    def text(self) -> TextWithRawResponse:
        return self._client.text.with_raw_response

    @cached_property
    def chat(self) -> ChatWithRawResponse:
        return self._client.chat.with_raw_response

    @cached_property
    def models(self) -> ModelsWithRawResponse:
        return self._client.models.with_raw_response

    @cached_property
    def account(self) -> AccountWithRawResponse:
        return self._client.account.with_raw_response

    @cached_property
    def audio(self) -> AudioWithRawResponse:
        return self._client.audio.with_raw_response


class AsyncPollinationsWithRawResponse:
    """`client.with_raw_response` of the async client."""

    def __init__(self, client: AsyncPollinations) -> None:
        self._client = client

    @cached_property
    def images(self) -> AsyncImagesWithRawResponse:
        return self._client.images.with_raw_response

    @cached_property
    def text(self) -> AsyncTextWithRawResponse:
        return self._client.text.with_raw_response

    @cached_property
    def chat(self) -> AsyncChatWithRawResponse:
        return self._client.chat.with_raw_response

    @cached_property
    def models(self) -> AsyncModelsWithRawResponse:
        return self._client.models.with_raw_response

    @cached_property
    def account(self) -> AsyncAccountWithRawResponse:
        return self._client.account.with_raw_response

    @cached_property
    def audio(self) -> AsyncAudioWithRawResponse:
        return self._client.audio.with_raw_response

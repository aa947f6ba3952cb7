"""The API key never shows up in logs, shareable URLs or warnings."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from _custom_helpers import (
    BASE_URL,
    KEY,
    PK_KEY,
    Harness,
    answer_everything,
    envelope,
    set_jitter,
)

from pollinations_client.custom import (
    AsyncPollinations,
    AuthenticationError,
    Pollinations,
    PublishableKeyWarning,
)

pytestmark = pytest.mark.anyio

USER = [{"role": "user", "content": "hi"}]


# --------------------------------------------------------------------------- logging


@pytest.mark.parametrize("auth", ["header", "query"])
async def test_debug_logging_never_shows_the_key(
    h: Harness, router: respx.MockRouter, caplog: pytest.LogCaptureFixture, auth: str
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "pollinations_client"):
        caplog.set_level(logging.DEBUG, logger=name)
    scripted = [
        httpx.Response(503),
        httpx.Response(200, text="fine"),
        httpx.Response(401, json=envelope(401, "UNAUTHORIZED", "bad key")),
    ]

    def answer(request: httpx.Request) -> httpx.Response:
        return scripted.pop(0) if scripted else answer_everything(request)

    router.route().mock(side_effect=answer)
    client = h.make(auth=auth)
    set_jitter(client, 0.0)
    assert await h.run(client.text.generate("hello there", seed=5)) == "fine"
    with pytest.raises(AuthenticationError):
        await h.run(client.text.generate("again"))
    await h.collect(client.text.stream("stream me"))
    await h.run(client.chat.completions.create(messages=USER))
    await h.run(client.images.generate("cat", width=64))
    await h.run(client.models.list())

    messages = [record.getMessage() for record in caplog.records]
    # The test means something only if the requests were logged at all.
    httpx_lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert any("/text/hello%20there" in line for line in httpx_lines)
    assert any("/v1/chat/completions" in line for line in httpx_lines)
    assert any("Retrying" in line for line in messages)
    for message in messages:
        assert KEY not in message
    assert KEY not in caplog.text


async def test_query_key_is_masked_in_the_httpx_request_log(
    h: Harness, router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="httpx")
    router.route().mock(side_effect=answer_everything)
    client = h.make(auth="query")
    await h.run(client.account.balance())
    lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert any("/account/balance?key=" in line for line in lines), lines
    assert all(KEY not in line for line in lines)


# ---------------------------------------------------------------------- images.url()


@pytest.mark.parametrize("auth", ["header", "query"])
async def test_images_url_never_contains_the_key(
    h: Harness, router: respx.MockRouter, auth: str
) -> None:
    client = h.make(auth=auth)
    for url in (
        client.images.url("cat"),
        client.images.url("a key=value cat", width=512, seed=3, model="flux", safe=True),
        client.with_options(auth="query").images.url("cat"),
    ):
        assert KEY not in url
        assert "key" not in httpx.URL(url).params
    assert not router.calls


# -------------------------------------------------------------------------- pk_ keys


WARNS: list[Any] = [
    pytest.param(lambda c: c.chat.completions.create(messages=USER), id="chat"),
    pytest.param(lambda c: c.chat.completions.create(messages=USER, stream=True), id="chat-stream"),
    pytest.param(lambda c: c.account.balance(), id="balance"),
    pytest.param(lambda c: c.account.profile(), id="profile"),
    pytest.param(lambda c: c.account.usage(), id="usage"),
    pytest.param(lambda c: c.account.usage_csv(), id="usage_csv"),
    pytest.param(lambda c: c.account.iter_usage(), id="iter_usage"),
]

QUIET: list[Any] = [
    pytest.param(lambda c: c.images.generate("cat"), id="images"),
    pytest.param(lambda c: c.text.generate("hi"), id="text"),
    pytest.param(lambda c: c.text.stream("hi"), id="text-stream"),
    pytest.param(lambda c: c.models.list(), id="models.list"),
    pytest.param(lambda c: c.models.image(), id="models.image"),
]


@pytest.mark.parametrize("auth", ["header", "query"])
@pytest.mark.parametrize("call", WARNS)
async def test_publishable_key_on_secret_only_endpoints_warns(
    h: Harness, router: respx.MockRouter, call: Callable[[Any], object], auth: str
) -> None:
    router.route().mock(side_effect=answer_everything)
    client = h.make(api_key=PK_KEY, auth=auth)
    with pytest.warns(PublishableKeyWarning) as caught:
        result = await h.drive(call(client))
        if hasattr(result, "response"):  # a stream: read it to the end
            await h.collect(result)
    assert router.calls.call_count >= 1
    for warning in caught:
        assert PK_KEY not in str(warning.message)
        assert PK_KEY[:10] not in str(warning.message)


NO_WARNING: list[Any] = [
    pytest.param(PK_KEY, param.values[0], id=f"pk-{param.id}") for param in QUIET
] + [pytest.param(KEY, param.values[0], id=f"sk-{param.id}") for param in WARNS]


@pytest.mark.parametrize(("key", "call"), NO_WARNING)
async def test_no_warning_where_it_does_not_apply(
    h: Harness, router: respx.MockRouter, call: Callable[[Any], object], key: str
) -> None:
    """pk_ keys are meant for images and text; sk_ keys may go anywhere."""
    router.route().mock(side_effect=answer_everything)
    client = h.make(api_key=key)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        result = await h.drive(call(client))
        if hasattr(result, "response"):
            await h.collect(result)
    assert router.calls.call_count >= 1
    assert [w for w in seen if issubclass(w.category, PublishableKeyWarning)] == []


def test_publishable_key_warning_points_at_the_callers_line(router: respx.MockRouter) -> None:
    """The warning is about the caller's code: its location is the line that made the call
    (what `warnings` shows and what filters match), not a line inside the client."""
    router.route().mock(side_effect=answer_everything)
    with Pollinations(api_key=PK_KEY, base_url=BASE_URL) as client:
        with pytest.warns(PublishableKeyWarning) as balance:
            client.account.balance()
        with pytest.warns(PublishableKeyWarning) as chat:
            client.chat.completions.create(messages=USER)
    assert [w.filename for w in balance] == [__file__]
    assert [w.filename for w in chat] == [__file__]


async def test_publishable_key_warning_points_at_the_callers_line_async(
    router: respx.MockRouter, anyio_backend: str
) -> None:
    router.route().mock(side_effect=answer_everything)
    async with AsyncPollinations(api_key=PK_KEY, base_url=BASE_URL) as client:
        with pytest.warns(PublishableKeyWarning) as balance:
            await client.account.balance()
        with pytest.warns(PublishableKeyWarning) as chat:
            await client.chat.completions.create(messages=USER)
    assert [w.filename for w in balance] == [__file__]
    assert [w.filename for w in chat] == [__file__]

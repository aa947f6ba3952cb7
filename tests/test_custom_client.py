"""The clients themselves: settings, environment, authentication, pools and copies."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import respx
from _custom_helpers import (
    BASE_URL,
    KEY,
    Client,
    Harness,
    answer_everything,
)

from pollinations_client.custom import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    GENERATION_TIMEOUT,
    LISTING_TIMEOUT,
    AsyncPollinations,
    InvalidParameterError,
    MissingAPIKeyError,
    Pollinations,
    PollinationsError,
)

pytestmark = pytest.mark.anyio


@pytest.fixture
def router(monkeypatch: pytest.MonkeyPatch) -> Iterator[respx.MockRouter]:
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)
    with respx.mock(assert_all_called=False) as mock:
        mock.route().mock(side_effect=answer_everything)
        yield mock


# --------------------------------------------------------------------- environment


async def test_api_key_and_base_url_come_from_the_environment(
    h: Harness, router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLLINATIONS_API_KEY", KEY)
    monkeypatch.setenv("POLLINATIONS_BASE_URL", "https://proxy.example/pollinations/")
    client = h.make(api_key=None, base_url=None)
    assert client.api_key == KEY
    assert client.base_url == "https://proxy.example/pollinations"
    await h.run(client.account.balance())
    request = router.calls.last.request
    assert str(request.url) == "https://proxy.example/pollinations/account/balance"
    assert request.headers["authorization"] == f"Bearer {KEY}"


async def test_arguments_win_over_the_environment(
    h: Harness, router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLLINATIONS_API_KEY", "sk_from_environment")
    monkeypatch.setenv("POLLINATIONS_BASE_URL", "https://env.example")
    client = h.make(api_key=KEY, base_url="http://localhost:8080")
    await h.run(client.account.balance())
    request = router.calls.last.request
    assert str(request.url) == "http://localhost:8080/account/balance"
    assert request.headers["authorization"] == f"Bearer {KEY}"


async def test_defaults_without_environment(h: Harness, router: respx.MockRouter) -> None:
    client = h.make(api_key=None, base_url=None)
    assert client.api_key is None
    assert client.base_url == DEFAULT_BASE_URL == "https://gen.pollinations.ai"
    assert client.max_retries == DEFAULT_MAX_RETRIES == 2
    assert client.timeout is None  # each operation's own default
    assert client.auth == "header"


async def test_empty_environment_variables_count_as_unset(
    h: Harness, router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLLINATIONS_API_KEY", "")
    monkeypatch.setenv("POLLINATIONS_BASE_URL", "")
    client = h.make(api_key=None, base_url=None)
    assert client.api_key is None
    assert client.base_url == DEFAULT_BASE_URL


# ---------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "base_url", ["gen.pollinations.ai", "ftp://gen.pollinations.ai", "https://", "/v1", " "]
)
async def test_base_url_must_be_an_absolute_http_url(
    h: Harness, router: respx.MockRouter, base_url: str
) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        h.make(base_url=base_url)
    assert caught.value.field == "base_url"
    assert "base_url" in str(caught.value)


async def test_base_url_from_the_environment_is_validated_too(
    h: Harness, router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLLINATIONS_BASE_URL", "gen.pollinations.ai")
    with pytest.raises(InvalidParameterError) as caught:
        h.make(base_url=None)
    assert caught.value.field == "base_url"


async def test_invalid_auth_is_refused(h: Harness, router: respx.MockRouter) -> None:
    with pytest.raises(ValueError, match="auth"):
        h.make(auth="cookie")


@pytest.mark.parametrize("max_retries", [-1, True, 1.5, "3"])
async def test_invalid_max_retries_is_refused(
    h: Harness, router: respx.MockRouter, max_retries: object
) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        h.make(max_retries=max_retries)
    assert caught.value.field == "max_retries"


LONG = {"connect": 10.0, "read": 1200.0, "write": 1200.0, "pool": 1200.0}
SHORT = {"connect": 10.0, "read": 30.0, "write": 30.0, "pool": 30.0}


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        # generations (they document 402: they cost pollen) wait for the slowest models
        pytest.param(lambda c: c.images.generate("a cat"), LONG, id="image"),
        pytest.param(lambda c: c.text.generate("hi"), LONG, id="text"),
        pytest.param(
            lambda c: c.chat.completions.create(messages=[{"role": "user", "content": "hi"}]),
            LONG,
            id="chat",
        ),
        pytest.param(lambda c: c.audio.speech.create(input="hi"), LONG, id="speech"),
        pytest.param(lambda c: c.audio.generate("hi"), LONG, id="audio"),
        # listings and the account answer at once
        pytest.param(lambda c: c.models.list(), SHORT, id="models"),
        pytest.param(lambda c: c.account.balance(), SHORT, id="balance"),
        pytest.param(lambda c: c.account.key(), SHORT, id="key"),
        pytest.param(lambda c: c.account.usage_daily(), SHORT, id="daily"),
    ],
)
async def test_each_kind_of_operation_has_its_default_timeout(
    h: Harness, router: respx.MockRouter, call: Any, expected: dict[str, float]
) -> None:
    assert (GENERATION_TIMEOUT.read, LISTING_TIMEOUT.read) == (1200.0, 30.0)
    client = h.make()
    await h.run(call(client))
    assert router.calls.last.request.extensions["timeout"] == expected


@pytest.mark.parametrize(
    ("timeout", "expected"),
    [
        (12.5, {"connect": 12.5, "read": 12.5, "write": 12.5, "pool": 12.5}),
        (
            httpx.Timeout(20.0, connect=3.0),
            {"connect": 3.0, "read": 20.0, "write": 20.0, "pool": 20.0},
        ),
    ],
)
async def test_a_client_timeout_applies_to_every_operation(
    h: Harness, router: respx.MockRouter, timeout: Any, expected: dict[str, float]
) -> None:
    client = h.make(timeout=timeout)
    await h.run(client.account.balance())
    assert router.calls.last.request.extensions["timeout"] == expected
    await h.run(client.images.generate("a cat"))
    assert router.calls.last.request.extensions["timeout"] == expected
    copy = client.with_options(timeout=5)
    await h.run(copy.images.generate("a cat"))
    assert router.calls.last.request.extensions["timeout"]["read"] == 5.0
    await h.run(client.images.generate("a cat"))  # the original keeps its own
    assert router.calls.last.request.extensions["timeout"] == expected


def _pool(h: Harness, **kwargs: Any) -> httpx.Client | httpx.AsyncClient:
    return httpx.AsyncClient(**kwargs) if h.is_async else httpx.Client(**kwargs)


async def test_a_passed_http_client_keeps_a_timeout_it_was_given(
    h: Harness, router: respx.MockRouter
) -> None:
    client = h.make(http_client=_pool(h, timeout=42.0))
    await h.run(client.images.generate("a cat"))
    assert router.calls.last.request.extensions["timeout"]["read"] == 42.0
    await h.run(client.models.list())
    assert router.calls.last.request.extensions["timeout"]["read"] == 42.0
    mine = h.make(http_client=_pool(h, timeout=42.0), timeout=7.0)  # an explicit one wins
    await h.run(mine.images.generate("a cat"))
    assert router.calls.last.request.extensions["timeout"]["read"] == 7.0


async def test_a_passed_http_client_with_httpx_default_timeout_gets_ours(
    h: Harness, router: respx.MockRouter
) -> None:
    """httpx's untouched 5 s would cut every generation short: it is not adopted."""
    client = h.make(http_client=_pool(h))
    await h.run(client.images.generate("a cat"))
    assert router.calls.last.request.extensions["timeout"]["read"] == GENERATION_TIMEOUT.read
    await h.run(client.models.list())
    assert router.calls.last.request.extensions["timeout"]["read"] == LISTING_TIMEOUT.read


async def test_a_call_timeout_wins_over_the_client_and_the_default(
    h: Harness, router: respx.MockRouter
) -> None:
    client = h.make(timeout=60)
    await h.run(client.images.generate("a cat", timeout=3))
    assert router.calls.last.request.extensions["timeout"]["read"] == 3.0
    await h.run(client.models.list(timeout=httpx.Timeout(7.0, connect=1.0)))
    sent = router.calls.last.request.extensions["timeout"]
    assert (sent["connect"], sent["read"]) == (1.0, 7.0)
    await h.run(client.models.list())
    assert router.calls.last.request.extensions["timeout"]["read"] == 60.0


@pytest.mark.parametrize("timeout", [0, -1, "10", True, math.nan])
async def test_a_bad_timeout_is_refused_naming_it(
    h: Harness, router: respx.MockRouter, timeout: Any
) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        h.make(timeout=timeout)
    assert caught.value.field == "timeout"
    client = h.make()
    with pytest.raises(InvalidParameterError) as caught:
        await h.run(client.models.list(timeout=timeout))
    assert caught.value.field == "timeout"
    assert not router.calls


# -------------------------------------------------------------------- authentication


async def test_header_auth_is_the_default(h: Harness, router: respx.MockRouter) -> None:
    client = h.make()
    await h.run(client.text.generate("hi", seed=1))
    request = router.calls.last.request
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert dict(request.url.params) == {"seed": "1"}


async def test_query_auth_sends_the_key_as_a_query_parameter(
    h: Harness, router: respx.MockRouter
) -> None:
    client = h.make(auth="query")
    await h.run(client.text.generate("hi", seed=1))
    await h.run(client.chat.completions.create(messages=[{"role": "user", "content": "hi"}]))
    for call in router.calls:
        assert "authorization" not in call.request.headers
        assert call.request.url.params["key"] == KEY
    assert dict(router.calls[0].request.url.params) == {"seed": "1", "key": KEY}


@pytest.mark.parametrize("auth", ["header", "query"])
async def test_every_keyed_call_authenticates_the_chosen_way(
    h: Harness, router: respx.MockRouter, auth: str
) -> None:
    client = h.make(auth=auth)
    for _, call in _needs_key_calls():
        before = router.calls.call_count
        result = await h.drive(call(client))
        if hasattr(result, "response"):  # a stream
            await h.collect(result)
        assert router.calls.call_count == before + 1
        request = router.calls.last.request
        if auth == "header":
            assert request.headers["authorization"] == f"Bearer {KEY}"
            assert "key" not in request.url.params
        else:
            assert "authorization" not in request.headers
            assert request.url.params.get_list("key") == [KEY]


# --------------------------------------------------------------------- the key missing


def _needs_key_calls() -> list[tuple[str, Callable[[Client], object]]]:
    """(operation named in the message, the call); iter_usage is iterated to start it."""
    messages = [{"role": "user", "content": "hi"}]
    return [
        ("images.generate", lambda c: c.images.generate("cat")),
        ("text.generate", lambda c: c.text.generate("hi")),
        ("text.stream", lambda c: c.text.stream("hi")),
        ("chat.completions.create", lambda c: c.chat.completions.create(messages=messages)),
        (
            "chat.completions.create",
            lambda c: c.chat.completions.create(messages=messages, stream=True),
        ),
        ("account.balance", lambda c: c.account.balance()),
        ("account.profile", lambda c: c.account.profile()),
        ("account.usage", lambda c: c.account.usage()),
        ("account.usage_csv", lambda c: c.account.usage_csv()),
        ("account.usage", lambda c: c.account.iter_usage()),
    ]


@pytest.mark.parametrize(("operation", "call"), _needs_key_calls())
async def test_missing_api_key_raises_before_any_request(
    h: Harness, router: respx.MockRouter, operation: str, call: Callable[[Client], object]
) -> None:
    client = h.make(api_key=None)
    with pytest.raises(MissingAPIKeyError) as caught:
        await h.drive(call(client))
    assert isinstance(caught.value, PollinationsError)
    assert "POLLINATIONS_API_KEY" in str(caught.value)
    assert operation in str(caught.value)
    assert not router.calls


@pytest.mark.parametrize("auth", ["header", "query"])
@pytest.mark.parametrize("method", ["list", "text", "image"])
async def test_models_work_without_a_key(
    h: Harness, router: respx.MockRouter, method: str, auth: str
) -> None:
    client = h.make(api_key=None, auth=auth)
    result = await h.run(getattr(client.models, method)())
    assert len(result) == 1
    request = router.calls.last.request
    assert "authorization" not in request.headers
    assert "key" not in request.url.params


@pytest.mark.parametrize("method", ["list", "text", "image"])
async def test_models_send_the_key_when_there_is_one(
    h: Harness, router: respx.MockRouter, method: str
) -> None:
    client = h.make()
    await h.run(getattr(client.models, method)())
    assert router.calls.last.request.headers["authorization"] == f"Bearer {KEY}"


# -------------------------------------------------------------------------- the pool


async def test_own_http_client_is_used_and_left_open(h: Harness, router: respx.MockRouter) -> None:
    headers = {"X-Caller": "mine"}
    http: httpx.Client | httpx.AsyncClient = (
        httpx.AsyncClient(headers=headers) if h.is_async else httpx.Client(headers=headers)
    )
    client = h.make(http_client=http)
    assert client._http is http
    await h.run(client.account.balance())
    assert router.calls.last.request.headers["x-caller"] == "mine"
    await h.run(client.close())
    assert not http.is_closed
    await h.run(client.account.balance())  # still usable
    if isinstance(http, httpx.AsyncClient):
        await http.aclose()
    else:
        http.close()


async def test_close_closes_the_owned_pool(h: Harness, router: respx.MockRouter) -> None:
    client = h.make()
    assert not client._http.is_closed
    await h.run(client.close())
    assert client._http.is_closed


async def test_sync_context_manager_closes_the_pool(router: respx.MockRouter) -> None:
    with Pollinations(api_key=KEY) as client:
        assert isinstance(client, Pollinations)
        client.account.balance()
        assert not client._http.is_closed
    assert client._http.is_closed


async def test_async_context_manager_closes_the_pool(router: respx.MockRouter) -> None:
    async with AsyncPollinations(api_key=KEY) as client:
        assert isinstance(client, AsyncPollinations)
        await client.account.balance()
        assert not client._http.is_closed
    assert client._http.is_closed


async def test_context_manager_closes_the_pool_on_error(router: respx.MockRouter) -> None:
    with pytest.raises(RuntimeError), Pollinations(api_key=KEY) as client:
        raise RuntimeError("boom")
    assert client._http.is_closed
    with pytest.raises(RuntimeError):
        async with AsyncPollinations(api_key=KEY) as async_client:
            raise RuntimeError("boom")
    assert async_client._http.is_closed


async def test_context_manager_leaves_a_passed_pool_open(router: respx.MockRouter) -> None:
    http = httpx.Client()
    with Pollinations(api_key=KEY, http_client=http):
        pass
    assert not http.is_closed
    http.close()
    async_http = httpx.AsyncClient()
    async with AsyncPollinations(api_key=KEY, http_client=async_http):
        pass
    assert not async_http.is_closed
    await async_http.aclose()


# ----------------------------------------------------------------------- with_options


async def test_with_options_returns_a_changed_copy_sharing_the_pool(
    h: Harness, router: respx.MockRouter
) -> None:
    client = h.make(timeout=30.0)
    copy = h.track(
        client.with_options(
            api_key="sk_other_key",
            base_url="https://other.example/",
            max_retries=5,
            timeout=99.0,
            auth="query",
        )
    )
    assert type(copy) is type(client)
    assert copy is not client
    assert copy._http is client._http
    assert (copy.api_key, copy.base_url, copy.max_retries, copy.auth) == (
        "sk_other_key",
        "https://other.example",
        5,
        "query",
    )
    assert copy.timeout == httpx.Timeout(99.0)
    assert copy._retry_policy.max_retries == 5
    # The original is unchanged.
    assert (client.api_key, client.base_url, client.max_retries, client.auth) == (
        KEY,
        BASE_URL,
        2,
        "header",
    )
    assert client.timeout == httpx.Timeout(30.0)
    assert client._retry_policy.max_retries == 2

    await h.run(copy.account.balance())
    request = router.calls.last.request
    assert str(request.url) == "https://other.example/account/balance?key=sk_other_key"
    assert "authorization" not in request.headers
    assert request.extensions["timeout"]["read"] == 99.0

    await h.run(copy.close())
    assert not client._http.is_closed
    await h.run(client.account.balance())
    assert router.calls.last.request.headers["authorization"] == f"Bearer {KEY}"


async def test_with_options_keeps_what_is_not_given(h: Harness, router: respx.MockRouter) -> None:
    client = h.make(auth="query", max_retries=4, timeout=7.0)
    copy = h.track(client.with_options(max_retries=0))
    assert (copy.api_key, copy.base_url, copy.auth, copy.timeout, copy.max_retries) == (
        KEY,
        BASE_URL,
        "query",
        httpx.Timeout(7.0),
        0,
    )
    assert copy._sleep is client._sleep


async def test_with_options_validates(h: Harness, router: respx.MockRouter) -> None:
    client = h.make()
    with pytest.raises(InvalidParameterError) as caught:
        client.with_options(base_url="not a url")
    assert caught.value.field == "base_url"
    with pytest.raises(InvalidParameterError) as caught:
        client.with_options(max_retries=-1)
    assert caught.value.field == "max_retries"


# ------------------------------------------------------------------------------ repr


@pytest.mark.parametrize("auth", ["header", "query"])
async def test_repr_never_shows_the_key(h: Harness, router: respx.MockRouter, auth: str) -> None:
    client = h.make(auth=auth)
    for text in (repr(client), str(client), repr(client.with_options(max_retries=1))):
        assert KEY not in text
        assert KEY[:12] not in text
        assert BASE_URL in text
        assert "Pollinations" in text
    assert "api_key=<set>" in repr(client)
    assert "api_key=<none>" in repr(h.make(api_key=None))

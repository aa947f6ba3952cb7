"""The per-call options every public method takes: extra_headers, extra_query, extra_body,
timeout (and retry_unsafe, in test_custom_retry_safety.py).

Each test is parametrized over every method that sends a request (`API_CALLS`), and
runs against both `Pollinations` and `AsyncPollinations` (see `Harness`).
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx
from _custom_helpers import (
    API_CALLS,
    API_CALLS_BY_NAME,
    BASE_URL,
    KEY,
    ApiCall,
    Harness,
    answer_everything,
)

from pollinations_client.custom import (
    AsyncStream,
    InvalidParameterError,
    Stream,
)

pytestmark = pytest.mark.anyio

CALL_IDS = [call.name for call in API_CALLS]
JSON_CALLS = [call for call in API_CALLS if call.json_body]
NO_JSON_CALLS = [call for call in API_CALLS if not call.json_body]


@pytest.fixture
def everything(router: respx.MockRouter) -> respx.Route:
    """One route that answers every endpoint plausibly."""
    return router.route().mock(side_effect=answer_everything)


async def finish(h: Harness, result: Any) -> Any:
    """A stream read to its end (so that its connection is released); anything else as is."""
    if isinstance(result, (Stream, AsyncStream)):
        await h.collect(result)
    return result


async def call_once(h: Harness, client: Any, call: ApiCall, **extra: Any) -> Any:
    return await finish(h, await h.run(call.call(client, **extra)))


def last_request(route: respx.Route) -> httpx.Request:
    assert route.call_count >= 1
    return route.calls.last.request


def json_body(request: httpx.Request) -> Any:
    assert request.headers["content-type"] == "application/json"
    return json.loads(request.content)


# ------------------------------------------------------------------------ extra_headers


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_extra_headers_are_sent_and_win_over_the_clients(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    await call_once(
        h,
        client,
        call,
        extra_headers={
            "X-Trace-Id": "trace-42",
            "Accept": "application/x-mine",
            "User-Agent": "my-app/2.0",
        },
    )
    request = last_request(everything)
    assert everything.call_count == 1
    assert request.method == call.http_method
    assert request.url.raw_path.partition(b"?")[0] == call.url_path.encode()
    assert request.headers["x-trace-id"] == "trace-42"
    assert request.headers.get_list("accept") == ["application/x-mine"]
    assert request.headers.get_list("user-agent") == ["my-app/2.0"]
    assert request.headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_extra_headers_can_replace_the_authorization(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    await call_once(h, client, call, extra_headers={"Authorization": "Bearer sk_other_key"})
    assert last_request(everything).headers.get_list("authorization") == ["Bearer sk_other_key"]


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_extra_headers_apply_to_that_call_only(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    await call_once(h, client, call, extra_headers={"X-Once": "1"})
    await call_once(h, client, call)
    assert [("x-once" in c.request.headers) for c in everything.calls] == [True, False]


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Bad": "a\r\nInjected: yes"},
        {"X-Bad\n": "v"},
        {"X Bad": "v"},
        {"X-Bad": 3},
        {"X-Bad": None},
    ],
    ids=["crlf in value", "newline in name", "space in name", "int value", "None value"],
)
@pytest.mark.parametrize("name", ["images.generate", "chat.completions.create", "account.key"])
async def test_extra_headers_that_cannot_be_sent_are_refused_before_any_request(
    h: Harness, everything: respx.Route, name: str, headers: dict[str, Any]
) -> None:
    """A bad argument of the caller's: InvalidParameterError naming it (as for a key with
    a line break), not an APIConnectionError from the HTTP layer after connecting."""
    client = h.make()
    with pytest.raises(InvalidParameterError) as caught:
        await call_once(h, client, API_CALLS_BY_NAME[name], extra_headers=headers)
    assert caught.value.field.startswith("extra_headers")
    assert everything.call_count == 0


# -------------------------------------------------------------------------- extra_query


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_extra_query_is_added_to_the_query(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    await call_once(h, client, call)
    base = dict(last_request(everything).url.params)
    await call_once(h, client, call, extra_query={"referrer": "tests", "private": True, "n": 3})
    request = last_request(everything)
    assert dict(request.url.params) == {**base, "referrer": "tests", "private": "true", "n": "3"}
    assert request.url.raw_path.partition(b"?")[0] == call.url_path.encode()
    assert "key" not in request.url.params


async def test_extra_query_wins_over_a_parameter_of_the_same_name(
    h: Harness, everything: respx.Route
) -> None:
    client = h.make()
    await h.run(client.images.generate("a cat", width=64, extra_query={"width": 128}))
    assert dict(last_request(everything).url.params) == {"width": "128"}


async def test_extra_query_reaches_images_url_but_never_the_key(
    h: Harness, everything: respx.Route
) -> None:
    client = h.make(auth="query")
    url = client.images.url("a cat", width=8, extra_query={"referrer": "docs"})
    assert url == f"{BASE_URL}/image/a%20cat?width=8&referrer=docs"
    assert KEY not in url
    assert everything.call_count == 0


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_extra_query_with_query_auth_keeps_the_key_in_the_query(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make(auth="query")
    await call_once(h, client, call, extra_query={"referrer": "tests"})
    params = last_request(everything).url.params
    assert params["referrer"] == "tests"
    assert params["key"] == KEY
    assert "authorization" not in last_request(everything).headers


# --------------------------------------------------------------------------- extra_body


@pytest.mark.parametrize("call", JSON_CALLS, ids=[c.name for c in JSON_CALLS])
async def test_extra_body_is_merged_into_the_json_body(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    await call_once(h, client, call)
    base = json_body(last_request(everything))
    extra = {"referrer": "tests", "private": True, "nested": {"a": [1, 2]}}
    await call_once(h, client, call, extra_body=extra)
    assert json_body(last_request(everything)) == {**base, **extra}


@pytest.mark.parametrize("call", JSON_CALLS, ids=[c.name for c in JSON_CALLS])
async def test_extra_body_wins_over_a_field_of_the_same_name(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    field = "messages" if call.name.startswith("chat") else "input"
    replaced: Any = [{"role": "user", "content": "other"}] if field == "messages" else "other"
    await call_once(h, client, call, extra_body={field: replaced})
    assert json_body(last_request(everything))[field] == replaced


async def test_extra_body_keeps_a_streamed_chat_a_stream(
    h: Harness, everything: respx.Route
) -> None:
    client = h.make()
    call = API_CALLS_BY_NAME["chat.completions.create(stream)"]
    await call_once(h, client, call, extra_body={"stream_options": {"include_usage": True}})
    body = json_body(last_request(everything))
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}
    assert last_request(everything).headers["accept"] == "text/event-stream"


@pytest.mark.parametrize("call", NO_JSON_CALLS, ids=[c.name for c in NO_JSON_CALLS])
async def test_extra_body_is_refused_where_there_is_no_json_body(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    with pytest.raises(InvalidParameterError) as caught:
        await call_once(h, client, call, extra_body={"referrer": "tests"})
    assert caught.value.field == "extra_body"
    assert call.name.split("(")[0] in str(caught.value)
    assert everything.call_count == 0


@pytest.mark.parametrize("call", NO_JSON_CALLS, ids=[c.name for c in NO_JSON_CALLS])
async def test_an_empty_extra_body_is_harmless_everywhere(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    await call_once(h, client, call, extra_body={})
    assert everything.call_count == 1


# ------------------------------------------------------------------------------ timeout


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_a_call_timeout_is_the_requests_timeout(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    await call_once(h, client, call, timeout=7.5)
    assert last_request(everything).extensions["timeout"] == {
        "connect": 7.5,
        "read": 7.5,
        "write": 7.5,
        "pool": 7.5,
    }
    await call_once(h, client, call, timeout=httpx.Timeout(3.0, connect=1.0))
    assert last_request(everything).extensions["timeout"] == {
        "connect": 1.0,
        "read": 3.0,
        "write": 3.0,
        "pool": 3.0,
    }
    await call_once(h, client, call)
    read = 1200.0 if call.billable else 30.0
    assert last_request(everything).extensions["timeout"] == {
        "connect": 10.0,
        "read": read,
        "write": read,
        "pool": read,
    }


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_a_call_timeout_wins_over_the_clients(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make(timeout=99.0)
    await call_once(h, client, call, timeout=2.0)
    assert last_request(everything).extensions["timeout"]["read"] == 2.0
    await call_once(h, client, call)
    assert last_request(everything).extensions["timeout"]["read"] == 99.0


@pytest.mark.parametrize("timeout", [-1.0, "soon", float("nan")])
@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_a_bad_call_timeout_is_refused_before_any_request(
    h: Harness, everything: respx.Route, call: ApiCall, timeout: Any
) -> None:
    client = h.make()
    with pytest.raises(InvalidParameterError) as caught:
        await call_once(h, client, call, timeout=timeout)
    assert caught.value.field == "timeout"
    assert everything.call_count == 0


# ---------------------------------------------------------------------- unknown keywords


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_an_unknown_keyword_is_a_type_error_before_any_request(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    with pytest.raises(TypeError) as caught:
        await call_once(h, client, call, extra_header={"X": "1"}, tiemout=3)
    assert "extra_header" in str(caught.value)
    assert "tiemout" in str(caught.value)
    assert everything.call_count == 0


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_every_call_option_is_accepted_together(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    options: dict[str, Any] = {
        "extra_headers": {"X-All": "1"},
        "extra_query": {"all": "1"},
        "timeout": 5.0,
        "retry_unsafe": False,
    }
    if call.json_body:
        options["extra_body"] = {"all": 1}
    await call_once(h, client, call, **options)
    request = last_request(everything)
    assert request.headers["x-all"] == "1"
    assert request.url.params["all"] == "1"
    assert request.extensions["timeout"]["read"] == 5.0
    if call.json_body:
        assert json_body(request)["all"] == 1


async def test_iter_usage_takes_the_call_options_too(h: Harness, everything: respx.Route) -> None:
    """CallOptions are "options every method takes"; iter_usage is a method."""
    client = h.make()
    options: dict[str, Any] = {
        "extra_headers": {"X-Trace-Id": "pages"},
        "extra_query": {"referrer": "tests"},
        "timeout": 4.0,
    }
    records = await h.collect(client.account.iter_usage(page_size=5, **options))
    assert len(records) == 1
    request = last_request(everything)
    assert request.headers["x-trace-id"] == "pages"
    assert dict(request.url.params) == {"limit": "5", "referrer": "tests"}
    assert request.extensions["timeout"]["read"] == 4.0


# ------------------------------------------------------------------------- with_options


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_with_options_copies_take_call_options_and_share_the_pool(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    copy = h.track(client.with_options(max_retries=0, timeout=11.0))
    assert copy._http is client._http
    await call_once(h, copy, call, extra_headers={"X-Copy": "yes"}, timeout=3.0)
    first = last_request(everything)
    assert first.headers["x-copy"] == "yes"
    assert first.extensions["timeout"]["read"] == 3.0
    await call_once(h, copy, call)
    assert last_request(everything).extensions["timeout"]["read"] == 11.0
    await call_once(h, client, call)
    read = 1200.0 if call.billable else 30.0
    assert last_request(everything).extensions["timeout"]["read"] == read
    assert everything.call_count == 3


async def test_closing_a_with_options_copy_leaves_the_shared_pool_open(
    h: Harness, everything: respx.Route
) -> None:
    client = h.make()
    copy = client.with_options(max_retries=1)
    await h.run(copy.close())
    assert not client._http.is_closed
    assert (await h.run(client.account.balance())).balance == 12.5

"""Hostile answers about the transport, against raw-socket servers on 127.0.0.1: redirects
that would carry the key away or lead nowhere, `Retry-After` values that are not
numbers, a call that must end by a deadline, a closed client, an exhausted pool.

Every test runs on both clients (the `h` fixture); retry waits go through the fake clock
unless a test says otherwise; every real wait is bounded by a short timeout.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from _custom_helpers import Harness
from _fault_server import FaultServer, chunked, redirect, respond, sse, stall

from pollinations_client.custom import (
    APIConnectionError,
    APITimeoutError,
    ClientClosedError,
    InternalServerError,
    InvalidParameterError,
    PollinationsError,
    RateLimitError,
)
from pollinations_client.custom._retry import MAX_REDIRECTS

KEY = "sk_hostile_transport_0123456789"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
MODELS = json.dumps({"object": "list", "data": [{"id": "openai", "object": "model"}]}).encode()


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)
    with FaultServer() as running:
        yield running


@pytest.fixture
def elsewhere() -> Iterator[FaultServer]:
    """Another origin (another port): where a hostile redirect points."""
    with FaultServer(default=respond(200, PNG, content_type="image/png")) as running:
        yield running


def make(h: Harness, server: FaultServer, **overrides: Any) -> Any:
    return h.make(api_key=KEY, base_url=server.url, **overrides)


# --------------------------------------------------------------------------- redirects


@pytest.mark.parametrize("auth", ["query", "header"])
async def test_a_redirect_to_another_origin_never_carries_the_key(
    h: Harness, server: FaultServer, elsewhere: FaultServer, auth: str
) -> None:
    """The Location keeps the query string, key and all (as a careless proxy does): the
    other origin gets the request without it, and the image comes back."""
    server.script(redirect(f"{elsewhere.url}/image/a%20cat?key={KEY}&width=64"))
    image = await h.run(make(h, server, auth=auth).images.generate("a cat", width=64))
    assert image.content == PNG
    (sent,) = elsewhere.requests
    assert KEY.encode() not in sent.target
    assert sent.header("authorization") is None
    assert b"width=64" in sent.raw_query
    first = server.requests[0]
    assert (KEY.encode() in first.target) == (auth == "query")


async def test_a_redirect_within_the_origin_keeps_authenticating(
    h: Harness, server: FaultServer
) -> None:
    server.script(redirect("/image/moved"), respond(200, PNG, content_type="image/png"))
    image = await h.run(make(h, server).images.generate("a cat"))
    assert image.content == PNG
    assert server.requests[1].raw_path == b"/image/moved"
    assert server.requests[1].header("authorization") == f"Bearer {KEY}"


async def test_a_redirect_loop_ends_in_a_typed_error(h: Harness, server: FaultServer) -> None:
    server.reset(redirect("/v1/models"))
    with pytest.raises(APIConnectionError, match="Too many redirects") as caught:
        await h.run(make(h, server, max_retries=2).models.list())
    assert len(server.requests) == MAX_REDIRECTS + 1  # one attempt: not retried
    assert KEY not in str(caught.value)


@pytest.mark.parametrize(
    "location", ["http://[::1", "http://127.0.0.1:abc/", "http://[zz]/"], ids=str
)
async def test_an_invalid_location_is_not_retried(
    h: Harness, server: FaultServer, location: str
) -> None:
    server.reset(redirect(location))
    with pytest.raises(APIConnectionError, match="redirected to an invalid URL"):
        await h.run(make(h, server, max_retries=3).models.list())
    assert len(server.requests) == 1
    assert h.sleeps == []


async def test_a_redirect_to_another_scheme_is_not_followed(
    h: Harness, server: FaultServer
) -> None:
    server.reset(redirect("ftp://example.com/file"))
    with pytest.raises(APIConnectionError, match="Request not sent"):
        await h.run(make(h, server, max_retries=3).models.list())
    assert len(server.requests) == 1


# ------------------------------------------------------------------------- Retry-After


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-1", "-inf", "1e999", "abc", ""])
async def test_a_retry_after_that_is_no_number_or_date_falls_back_to_backoff(
    h: Harness, server: FaultServer, value: str
) -> None:
    """Whatever the garbage, the same thing happens: the usual backoff (0.5 s, 1 s, less
    up to 25 % jitter), then the error."""
    limited = respond(429, b"{}", content_type="application/json", headers={"Retry-After": value})
    server.reset(limited)
    with pytest.raises(RateLimitError):
        await h.run(make(h, server, max_retries=2).models.list())
    assert len(server.requests) == 3
    assert len(h.sleeps) == 2
    assert 0.375 <= h.sleeps[0] <= 0.5 and 0.75 <= h.sleeps[1] <= 1.0


async def test_retry_after_ms_garbage_falls_back_to_retry_after(
    h: Harness, server: FaultServer
) -> None:
    headers = {"retry-after-ms": "nan", "Retry-After": "3"}
    server.script(
        respond(503, b"", headers=headers), respond(200, MODELS, content_type="application/json")
    )
    await h.run(make(h, server).models.list())
    assert h.sleeps == [3.0]


# ---------------------------------------------------------------------------- deadline


async def test_a_deadline_stops_a_wait_that_would_pass_it(h: Harness, server: FaultServer) -> None:
    """Retry-After: 30 is within the 60 s we wait out, but not within a 5 s deadline:
    the error is raised at once."""
    busy = respond(503, b"", headers={"Retry-After": "30"})
    server.reset(busy)
    with pytest.raises(InternalServerError):
        await h.run(make(h, server, max_retries=5, deadline=5).models.list())
    assert len(server.requests) == 1
    assert h.sleeps == []
    server.reset(busy)
    with pytest.raises(InternalServerError):  # the same, set for one call
        await h.run(make(h, server, max_retries=5).models.list(deadline=5))
    assert h.sleeps == []


async def test_a_deadline_cuts_a_stalled_answer_short(h: Harness, server: FaultServer) -> None:
    """A 10 s read timeout, but a 0.5 s deadline: the stalled server is given 0.5 s."""
    server.reset(stall(5, respond(200, MODELS, content_type="application/json")))
    client = make(h, server, timeout=10, max_retries=0)
    with pytest.raises(APITimeoutError):
        await h.run(client.models.list(deadline=0.5))


async def test_a_deadline_cuts_a_trickling_body_short(h: Harness, server: FaultServer) -> None:
    """Each piece arrives within the read timeout, but the whole takes longer than the
    deadline allows: that is a timeout too, not an endless read."""
    server.reset(chunked([PNG] * 3, content_type="image/png", stall_after=3.0))
    client = make(h, server, timeout=10, max_retries=0)
    with pytest.raises(APITimeoutError):
        await h.run(client.images.generate("a cat", deadline=0.5))


async def test_a_deadline_is_checked_and_an_answer_within_it_passes(
    h: Harness, server: FaultServer
) -> None:
    for bad in (0, -1, float("nan"), float("inf"), "5", True):
        with pytest.raises(InvalidParameterError, match="deadline"):
            make(h, server, deadline=bad)
        with pytest.raises(InvalidParameterError, match="deadline"):
            await h.run(make(h, server).models.list(deadline=bad))
    server.reset(respond(200, MODELS, content_type="application/json"))
    client = make(h, server, deadline=30)
    assert [m.id for m in await h.run(client.models.list())] == ["openai"]
    assert client.with_options(deadline=2).deadline == 2.0


# ------------------------------------------------------------------ closed client, pool


async def test_a_call_on_a_closed_client_raises_a_typed_error(
    h: Harness, server: FaultServer
) -> None:
    client = make(h, server)
    copy = client.with_options(max_retries=0)
    await h.run(client.close())
    for each in (client, copy):
        with pytest.raises(ClientClosedError, match="closed client") as caught:
            await h.run(each.models.list())
        assert isinstance(caught.value, PollinationsError)
        assert isinstance(caught.value, RuntimeError)
    assert server.requests == []


async def test_an_exhausted_pool_is_reported_as_such(h: Harness, server: FaultServer) -> None:
    """A one-connection pool held by an unfinished stream: the next call waits for the
    pool, and says so, with the pool's size."""
    server.reset(chunked(sse("a"), stall_after=5.0, finish=False))
    limits = httpx.Limits(max_connections=1)
    timeout = httpx.Timeout(5.0, pool=0.2)
    pool = (
        httpx.AsyncClient(limits=limits, timeout=timeout)
        if h.is_async
        else httpx.Client(limits=limits, timeout=timeout)
    )
    client = make(h, server, http_client=pool, max_retries=0)
    stream = await h.run(client.text.stream("hi"))
    try:
        with pytest.raises(APITimeoutError) as caught:
            await h.run(client.models.list())
        assert "free connection" in str(caught.value)
        assert "all 1 of the pool's connections" in str(caught.value)
    finally:
        await h.run(stream.close())
        if isinstance(pool, httpx.AsyncClient):
            await pool.aclose()
        else:
            pool.close()


# ------------------------------------------------------------- review: edge cases


async def test_query_auth_authenticates_every_hop_within_the_origin(
    h: Harness, server: FaultServer
) -> None:
    """Header auth keeps its header on a same-origin redirect; query auth keeps its key,
    though the Location leaves it out."""
    server.script(redirect("/image/moved"), respond(200, PNG, content_type="image/png"))
    image = await h.run(make(h, server, auth="query").images.generate("a cat"))
    assert image.content == PNG
    assert f"key={KEY}".encode() in server.requests[1].target


def test_only_an_upgrade_on_the_default_ports_keeps_the_key() -> None:
    from pollinations_client.custom._retry import _redirected

    origin = httpx.URL(f"http://api.test/text/hi?key={KEY}")
    for location, kept in [
        ("https://api.test/text/hi", True),
        ("https://api.test:8443/text/hi", False),
        (f"http://other.test/text/hi?key={KEY}", False),
        ("http://api.test/elsewhere", True),
    ]:
        request = _redirected(httpx.Request("GET", location), origin)
        assert (request.url.params.get("key") == KEY) is kept, location


async def test_a_deadline_bounds_a_stream_s_body_too(h: Harness, server: FaultServer) -> None:
    """The server stalls 5 s, then cuts the stream: without the 0.5 s deadline (the read
    timeout is 10 s) that is an IncompleteResponseError, with it a timeout."""
    server.reset(chunked(sse("a"), stall_after=5.0, finish=False))
    client = make(h, server, timeout=10, max_retries=0)
    stream = await h.run(client.text.stream("hi", deadline=0.5))
    with pytest.raises(APITimeoutError):
        await h.collect(stream)


async def test_a_key_echoed_in_a_header_is_masked_in_debug_logs(
    h: Harness, server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.script(respond(200, MODELS, content_type="application/json", headers={"X-Echo": KEY}))
    with caplog.at_level(logging.DEBUG):
        await h.run(make(h, server).models.list())
    messages = [record.getMessage() for record in caplog.records]
    assert any("X-Echo" in message for message in messages)  # httpcore logged the headers
    assert not any(KEY in message for message in messages)

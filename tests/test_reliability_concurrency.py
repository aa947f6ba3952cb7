"""Many requests at once on one client, against real servers on 127.0.0.1.

The fault server's echo mode answers each request with something derived from that
request alone (`echo:<prompt>`), so a caller can check that it got its own answer and
not a neighbour's. The server counts the TCP connections it accepted, which shows
whether the client's pool reused them.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from _fault_server import PNG_SIGNATURE, FaultServer

from pollinations_client.custom import AsyncPollinations, ImageResult, Pollinations
from pollinations_client.custom.mock import MockServer
from pollinations_client.custom.mock._text import text_answer

KEY = "sk_reliability_concurrency_0123456789"
#: Requests in flight at once in the async tests.
CONCURRENT = 100
#: Threads sharing one sync client, and the requests each of them makes.
THREADS = 8
PER_THREAD = 25
#: The bounded wait for the threads to finish.
THREAD_TIMEOUT = 30.0


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)
    with FaultServer() as running:
        yield running
    assert running.errors == []


def prompt(i: int) -> str:
    # Distinct, and not trivially similar: a prefix of one is never another.
    return f"request #{i:03d} / {'é' * (i % 5)} ? {i * 7919 % 1000}"


async def one_call(client: AsyncPollinations, i: int) -> tuple[int, Any]:
    """Request `i`: text, image or chat by turn, so answers of all kinds interleave."""
    kind = i % 3
    if kind == 0:
        return i, await client.text.generate(prompt(i))
    if kind == 1:
        return i, await client.images.generate(prompt(i))
    completion = await client.chat.completions.create(
        messages=[{"role": "user", "content": prompt(i)}], model="openai"
    )
    return i, completion.choices[0].message.content


def check_answer(i: int, answer: Any) -> None:
    if i % 3 == 1:
        assert isinstance(answer, ImageResult)
        assert answer.content == PNG_SIGNATURE + prompt(i).encode("utf-8")
    else:
        assert answer == f"echo:{prompt(i)}"


@pytest.mark.anyio
async def test_concurrent_async_requests_each_get_their_own_answer(server: FaultServer) -> None:
    async with AsyncPollinations(api_key=KEY, base_url=server.url, max_retries=0) as client:
        results = await asyncio.wait_for(
            asyncio.gather(*(one_call(client, i) for i in range(CONCURRENT))), timeout=30
        )
    assert [i for i, _ in results] == list(range(CONCURRENT))
    for i, answer in results:
        check_answer(i, answer)
    received = server.requests
    assert len(received) == CONCURRENT  # nothing lost, nothing repeated
    # The server saw each prompt exactly once.
    seen = [
        json.loads(r.body)["messages"][-1]["content"]
        if b"/chat/" in r.raw_path
        else r.decoded_prompt()
        for r in received
    ]
    assert sorted(seen) == sorted(prompt(i) for i in range(CONCURRENT))
    assert server.connections <= CONCURRENT


@pytest.mark.anyio
async def test_concurrent_async_requests_share_a_small_pool(server: FaultServer) -> None:
    """100 requests at once over at most 10 connections: every connection carries about
    ten requests in turn, and every answer still goes to the caller that asked."""
    pool = httpx.AsyncClient(limits=httpx.Limits(max_connections=10), timeout=30)
    async with pool:
        client = AsyncPollinations(api_key=KEY, base_url=server.url, http_client=pool)
        results = await asyncio.wait_for(
            asyncio.gather(*(one_call(client, i) for i in range(CONCURRENT))), timeout=30
        )
    for i, answer in results:
        check_answer(i, answer)
    assert len(server.requests) == CONCURRENT
    assert server.connections <= 10
    per_connection = {r.connection for r in server.requests}
    assert len(per_connection) == server.connections


@pytest.mark.anyio
async def test_idle_connections_are_reused_by_the_next_wave(server: FaultServer) -> None:
    async with AsyncPollinations(api_key=KEY, base_url=server.url) as client:
        await asyncio.gather(*(one_call(client, i) for i in range(CONCURRENT)))
        after_first_wave = server.connections
        for wave in range(3):
            results = await asyncio.gather(
                *(one_call(client, 1000 + wave * 10 + i) for i in range(10))
            )
            for i, answer in results:
                check_answer(i, answer)
    assert len(server.requests) == CONCURRENT + 30
    # The 30 later requests found kept-alive connections (the pool keeps 20 idle ones).
    assert server.connections == after_first_wave


def test_threads_sharing_one_sync_client(server: FaultServer) -> None:
    errors: list[BaseException] = []
    crossed: list[tuple[int, object]] = []
    done = [0] * THREADS

    def work(client: Pollinations, thread: int) -> None:
        try:
            for j in range(PER_THREAD):
                n = thread * PER_THREAD + j
                if n % 2:
                    image = client.images.generate(prompt(n))
                    if image.content != PNG_SIGNATURE + prompt(n).encode("utf-8"):
                        crossed.append((n, image))
                else:
                    text = client.text.generate(prompt(n))
                    if text != f"echo:{prompt(n)}":
                        crossed.append((n, text))
                done[thread] += 1
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    with Pollinations(api_key=KEY, base_url=server.url, max_retries=0) as client:
        threads = [threading.Thread(target=work, args=(client, t)) for t in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(THREAD_TIMEOUT)
        assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert crossed == []
    assert done == [PER_THREAD] * THREADS
    assert len(server.requests) == THREADS * PER_THREAD
    # Each thread has at most one request in flight, so at most THREADS connections
    # carry all 200 requests.
    assert server.connections <= THREADS


def mock_answer(text: str, seed: int) -> str:
    """What the mock answers to GET /text/{text}?model=openai&seed=..., computed locally."""
    content = text_answer(text, "openai", seed, None, False).content
    assert content is not None
    return content


def test_threads_sharing_one_client_against_the_mock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The mock's answers depend only on the request: each of 8 threads asking at once
    gets exactly the answer to its own prompt."""
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    prompts = [f"mock prompt {i}" for i in range(THREADS * 5)]
    expected = [mock_answer(p, 3) for p in prompts]
    assert len(set(expected)) == len(prompts)
    with (
        MockServer(stream_interval=0.0) as mock,
        Pollinations(api_key=KEY, base_url=mock.url, max_retries=0) as client,
    ):
        # The local computation agrees with the server, asked one at a time.
        for i in range(3):
            assert client.text.generate(prompts[i], model="openai", seed=3) == expected[i]
        parallel: dict[int, str] = {}
        errors: list[BaseException] = []

        def work(thread: int) -> None:
            try:
                for i in range(thread, len(prompts), THREADS):
                    parallel[i] = client.text.generate(prompts[i], model="openai", seed=3)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(THREAD_TIMEOUT)
        assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert [parallel[i] for i in range(len(prompts))] == expected


@pytest.mark.anyio
async def test_concurrent_async_requests_against_the_mock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """100 requests in flight at once through one client: each gets the mock's answer to
    its own prompt."""
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    prompts = [f"async mock prompt {i}" for i in range(CONCURRENT)]
    expected = [mock_answer(p, 5) for p in prompts]
    assert len(set(expected)) == CONCURRENT
    # The client's own pool (up to 100 connections): the whole burst at once, which the
    # mock's listen backlog (see the test below) must absorb.
    with MockServer(stream_interval=0.0) as mock:
        async with AsyncPollinations(api_key=KEY, base_url=mock.url, max_retries=0) as client:
            for i in range(3):
                assert await client.text.generate(prompts[i], model="openai", seed=5) == expected[i]
            parallel = await asyncio.wait_for(
                asyncio.gather(*(client.text.generate(p, model="openai", seed=5) for p in prompts)),
                timeout=30,
            )
    assert parallel == expected


def test_the_mock_can_queue_a_burst_of_concurrent_connections() -> None:
    """The mock's listening socket must queue as many connections as a client opens at
    once. `socketserver.TCPServer` listens with a backlog of 5 unless told otherwise;
    Linux then drops the SYNs (or final ACKs) of a burst of 100 connections, and the
    client waits out TCP retransmissions: 100 concurrent `AsyncPollinations` calls with
    the default pool took from 5 s to over 200 s against the mock on this machine,
    against 0.17 s with a backlog of 128."""
    with MockServer(stream_interval=0.0) as mock:
        mock.url  # noqa: B018 - binds the socket
        httpd = mock._httpd
        assert httpd is not None
        assert httpd.request_queue_size >= CONCURRENT

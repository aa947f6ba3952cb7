"""Fault injection: what a client's retry, timeout and stream-recovery code must survive."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest
from _mock_helpers import SECRET, assert_conforms, bearer, chunk_objects, sse_data

from pollinations_client.custom.mock import FAULT_HEADER, MockServer, parse_fault


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(stream_interval=0) as running:
        yield running


@pytest.fixture
def client(server: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


def fault(value: str, key: str | None = None) -> dict[str, str]:
    return {FAULT_HEADER: value, **bearer(key or SECRET)}


def test_the_grammar() -> None:
    parsed = parse_fault(" Status=429 ; retry-after=2.5, times=3;latency=0.1 ")
    assert (parsed.status, parsed.retry_after, parsed.times, parsed.latency) == (429, "2.5", 3, 0.1)
    assert parse_fault("status=503").retry_after == "1"
    assert parse_fault("drop-mid-stream").drop_mid_stream
    assert parse_fault("drop-before-headers").drop_before_headers
    for bad in (
        "status=200",
        "latency=-1",
        "latency=abc",
        "explode",
        "times=0",
        "drop-mid-stream=1",
    ):
        with pytest.raises(ValueError):
            parse_fault(bad)


def test_rate_limit_with_retry_after_charges_nothing(client: httpx.Client) -> None:
    key = f"sk_{uuid.uuid4().hex}"
    answer = client.get("/text/hi", headers=fault("status=429;retry-after=1", key))
    assert answer.status_code == 429
    assert answer.headers["retry-after"] == "1"
    body = answer.json()
    assert_conforms("ErrorResponse", body)
    assert body["error"]["code"] == "RATE_LIMITED"
    assert "requestId" not in body["error"] and "details" not in body["error"]
    assert client.get("/account/balance", headers=bearer(key)).json() == {"balance": 100.0}
    assert client.get("/account/usage", headers=bearer(key)).json()["count"] == 0


def test_server_error(client: httpx.Client) -> None:
    answer = client.post("/v1/chat/completions", json={}, headers=fault("status=500"))
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "INTERNAL_ERROR"


def test_times_lets_a_retry_succeed(client: httpx.Client) -> None:
    header = fault("status=503;times=2")
    statuses = [client.get("/text/retry", headers=header).status_code for _ in range(4)]
    assert statuses == [503, 503, 200, 200]


def test_latency_trips_a_client_timeout(client: httpx.Client) -> None:
    with pytest.raises(httpx.ReadTimeout):
        client.get("/v1/models", headers={FAULT_HEADER: "latency=2"}, timeout=0.2)


def test_drop_before_headers(client: httpx.Client) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/text/hi", headers=fault("drop-before-headers"))
    assert client.get("/text/hi", headers=bearer()).status_code == 200


def test_drop_mid_stream_cuts_an_event_stream(client: httpx.Client) -> None:
    received: list[str] = []
    with (
        pytest.raises(httpx.RemoteProtocolError),
        client.stream("GET", "/text/hi?stream=true", headers=fault("drop-mid-stream")) as answer,
    ):
        assert answer.status_code == 200
        received.extend(answer.iter_text())
    payloads = list(sse_data("".join(received)))
    assert payloads and "[DONE]" not in payloads
    whole = client.get("/text/hi?stream=true", headers=bearer()).text
    assert len(payloads) < len(chunk_objects(whole))


def test_drop_mid_stream_cuts_a_binary_body(client: httpx.Client) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/image/cat?width=64&height=64", headers=fault("drop-mid-stream"))


def test_bad_fault_header_is_a_400(client: httpx.Client) -> None:
    answer = client.get("/v1/models", headers={FAULT_HEADER: "status=teapot"})
    assert answer.status_code == 400
    assert "status" in answer.json()["error"]["details"]["formErrors"][0]


def test_server_wide_fault_option_yields_to_the_header() -> None:
    with (
        MockServer(fault="status=500;times=1") as server,
        httpx.Client(base_url=server.url) as http,
    ):
        assert http.get("/v1/models").status_code == 500
        assert http.get("/v1/models").status_code == 200
        assert http.get("/v1/models", headers={FAULT_HEADER: "status=429"}).status_code == 429
    with pytest.raises(ValueError):
        MockServer(fault="nonsense")

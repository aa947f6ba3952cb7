"""Edge cases found in review: keys that cannot be sent, streams dropped unread,
absurd Content-Length values, and streams that do not decode."""

from __future__ import annotations

import gc
import gzip
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx

from pollinations_client.custom import (
    APIError,
    AsyncPollinations,
    InvalidParameterError,
    Pollinations,
    Stream,
)
from pollinations_client.custom._body import _PRESIZE_LIMIT, Reading, _Body
from pollinations_client.custom._streaming import parse_chat_chunk

BASE = "https://robust.test"
KEY = "sk_robust_0123456789"
DONE = b"data: [DONE]\n\n"


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as mock:
        yield mock


@pytest.mark.parametrize(
    "key",
    [KEY + "\n", KEY + "\r", " " + KEY, "sk_with space", "sk_é_unicode", "", "sk_\x00nul"],
    ids=["newline", "cr", "leading-space", "space", "non-ascii", "empty", "nul"],
)
@pytest.mark.parametrize("cls", [Pollinations, AsyncPollinations])
def test_a_key_that_cannot_travel_in_a_header_is_refused_without_echoing_it(
    key: str, cls: type[Pollinations] | type[AsyncPollinations]
) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        cls(api_key=key, base_url=BASE)
    assert caught.value.field == "api_key"
    if key.strip():
        assert key.strip() not in str(caught.value)


def test_a_key_from_the_environment_is_checked_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLLINATIONS_API_KEY", KEY + "\n")
    with pytest.raises(InvalidParameterError, match="api_key"):
        Pollinations(base_url=BASE)


def test_a_stream_dropped_before_its_first_item_releases_the_connection(
    router: respx.MockRouter,
) -> None:
    chunk = b'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",'
    chunk += b'"choices":[]}\n\n'
    router.get(url__startswith=f"{BASE}/text/").mock(
        return_value=httpx.Response(
            200, content=chunk + DONE, headers={"content-type": "text/event-stream"}
        )
    )
    with Pollinations(api_key=KEY, base_url=BASE) as client:
        stream = client.text.stream("hello")
        response = stream.response
        assert not response.is_closed
        del stream
        gc.collect()
        assert response.is_closed


def test_an_absurd_content_length_is_not_allocated_up_front() -> None:
    def buffer(length: int) -> Any:
        response = httpx.Response(200, headers={"content-length": str(length)})
        return _Body(response, Reading(download=True))._file

    claimed = 10 * 1024**4  # 10 TiB
    assert len(buffer(claimed).getbuffer()) == _PRESIZE_LIMIT  # grows with what arrives
    assert _PRESIZE_LIMIT <= 1024 * 1024
    assert len(buffer(1024).getbuffer()) == 1024


def test_a_stream_that_does_not_decode_raises_a_typed_error() -> None:
    broken = gzip.compress(b"data: [DONE]\n\n")[:-12] + b"garbage!!!!!"
    response = httpx.Response(
        200,
        stream=httpx.ByteStream(broken),  # decoded while streamed, as from a real server
        headers={"content-type": "text/event-stream", "content-encoding": "gzip"},
        request=httpx.Request("POST", f"{BASE}/v1/chat/completions"),
    )
    stream = Stream(response, parse_chat_chunk, secrets=(KEY,))
    with pytest.raises(APIError) as caught:
        list(stream)
    assert "gzip" in str(caught.value)
    assert response.is_closed

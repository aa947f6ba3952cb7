"""iter_usage against a server that applies `before` exactly as documented: exclusive,
to the second. Every record comes back once, even when a second spans two pages."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
import respx

from pollinations_client.custom import AsyncPollinations, Pollinations

BASE = "https://usage.test"
FORMAT = "%Y-%m-%d %H:%M:%S"


def history(seconds: list[int]) -> list[dict[str, Any]]:
    """Records newest first; `seconds[i]` is record i's offset from a fixed start."""
    start = datetime(2026, 11, 1, 12, 0, 0)
    records: list[dict[str, Any]] = []
    for index, offset in enumerate(seconds):
        records.append(
            {
                "timestamp": (start + timedelta(seconds=offset)).strftime(FORMAT),
                "type": f"generate.text#{index}",  # tells the records apart
                "model": "openai",
                "api_key": "sk_***",
                "api_key_type": "secret",
                "meter_source": "tier",
                "input_text_tokens": 1,
                "input_cached_tokens": 0,
                "input_audio_tokens": 0,
                "input_image_tokens": 0,
                "output_text_tokens": 1,
                "output_reasoning_tokens": 0,
                "output_audio_tokens": 0,
                "output_image_tokens": 0,
                "cost_usd": 0.001,
                "response_time_ms": 10,
            }
        )
    records.sort(key=lambda r: str(r["timestamp"]), reverse=True)  # stable: ties keep order
    return records


def serve(router: respx.MockRouter, records: list[dict[str, Any]]) -> list[str | None]:
    """Answer /account/usage like the API: newest first, `before` exclusive, `limit`."""
    asked: list[str | None] = []

    def answer(request: httpx.Request) -> httpx.Response:
        before = request.url.params.get("before")
        limit = int(request.url.params.get("limit", "100"))
        asked.append(before)
        rows = [r for r in records if before is None or r["timestamp"] < before][:limit]
        return httpx.Response(200, json={"usage": rows, "count": len(rows)})

    router.get(f"{BASE}/account/usage").mock(side_effect=answer)
    return asked


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as mock:
        yield mock


# Offsets chosen so that seconds straddle page boundaries (page size 3 below), which a
# plain `before = oldest timestamp` would lose: [7, 6, 6] | [6, 5, 5] | ...
SECONDS = [0, 1, 1, 2, 3, 3, 4, 5, 5, 6, 6, 6, 7]


def test_every_record_once_when_seconds_straddle_pages(router: respx.MockRouter) -> None:
    records = history(SECONDS)
    asked = serve(router, records)
    with Pollinations(api_key="sk_x", base_url=BASE) as client:
        got = [r.type_ for r in client.account.iter_usage(page_size=3)]
    assert got == [r["type"] for r in records]
    assert len(asked) > 3  # it really paged


def test_async_twin_pages_the_same_way(router: respx.MockRouter) -> None:
    import asyncio

    records = history(SECONDS)
    serve(router, records)

    async def collect() -> list[str]:
        async with AsyncPollinations(api_key="sk_x", base_url=BASE) as client:
            return [r.type_ async for r in client.account.iter_usage(page_size=3)]

    assert asyncio.run(collect()) == [r["type"] for r in records]


def test_a_whole_page_in_one_second_is_reported_not_looped_on(
    router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    records = history([0, 1, 1, 1, 1, 1, 2])  # four records in second 1, page size 3
    serve(router, records)
    with (
        caplog.at_level(logging.WARNING, logger="pollinations_client"),
        Pollinations(api_key="sk_x", base_url=BASE) as client,
    ):
        got = [r.type_ for r in client.account.iter_usage(page_size=3)]
    # The newest three come back, the fourth of that second cannot, the older one does.
    assert got[0] == records[0]["type"]
    assert records[-1]["type"] in got
    assert len(got) == len(set(got))
    assert "the rest of that second is skipped" in caplog.text

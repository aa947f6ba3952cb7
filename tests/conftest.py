"""Fixtures shared by the custom-layer and reliability tests.

`h` runs a test once against `Pollinations` and once against `AsyncPollinations` (see
tests/_custom_helpers.py); `router` is a respx router on the helpers' base URL with the
client's environment variables cleared. A test module may define its own `router`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
import respx
from _custom_helpers import BASE_URL, Harness


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(params=["sync", "async"])
async def h(request: pytest.FixtureRequest, anyio_backend: str) -> AsyncIterator[Harness]:
    harness = Harness(request.param)
    yield harness
    await harness.aclose()


@pytest.fixture
def router(monkeypatch: pytest.MonkeyPatch) -> Iterator[respx.MockRouter]:
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as mock:
        yield mock

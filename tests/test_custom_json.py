"""JSON decoding with and without the `speedups` extra (custom/_json.py): same results.

orjson (in the development environment through the `bench` extra) refuses NaN, Infinity
and integers beyond 64 bits, which servers do send and the json module accepts: those
must come back exactly as json reads them. Both ways run here, in one process.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

import pytest

from pollinations_client.custom import _json

SAMPLES = [
    b'{"a": 1, "b": [true, false, null], "c": "\\u00e9\\ud83d\\ude00", "d": 1.5e-7}',
    b'{"huge": 123456789012345678901234567890, "negative": -18446744073709551617}',
    b'{"nan": NaN, "inf": Infinity, "minus": -Infinity}',
    b"[1, 2, 3]",
    b'"a string"',
    b'  {"padded": 1}  ',
]


@pytest.fixture(params=[True, False], ids=["orjson", "json"])
def decoder(request: pytest.FixtureRequest) -> Iterator[bool]:
    saved = _json.uses_orjson()
    _json.use_orjson(request.param)
    try:
        yield request.param
    finally:
        _json.use_orjson(saved)


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, float) and isinstance(right, float) and math.isnan(left):
        return math.isnan(right)
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(_same(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(map(_same, left, right))
    return type(left) is type(right) and left == right


@pytest.mark.parametrize("text", SAMPLES)
def test_loads_reads_what_json_reads(decoder: bool, text: bytes) -> None:
    assert _json.uses_orjson() is decoder
    assert _same(_json.loads(text), json.loads(text))
    assert _same(_json.loads(text.decode()), json.loads(text))


@pytest.mark.parametrize(
    "number",
    [
        123456789012345678901234567890,
        2**64 - 1,  # the largest orjson keeps
        2**64,
        -(2**63),  # the smallest orjson keeps
        -(2**63) - 1,  # 19 digits, and orjson's float
        -9999999999999999999,
    ],
)
def test_big_integers_stay_exact(decoder: bool, number: int) -> None:
    value = _json.loads(f'{{"n": {number}}}'.encode())["n"]
    assert value == number and isinstance(value, int)


@pytest.mark.parametrize("text", [b"{not json", b"", b'{"a": 1', b"\xff\xfe"])
def test_what_neither_reads_is_a_value_error(decoder: bool, text: bytes) -> None:
    with pytest.raises(ValueError):
        _json.loads(text)


def test_the_switch_refuses_what_is_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_json, "orjson", None)
    with pytest.raises(RuntimeError, match="speedups"):
        _json.use_orjson(True)

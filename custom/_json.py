"""Decoding JSON: with orjson when the `speedups` extra is installed, else the json module.

Answers and stream events are decoded here, so one switch speeds up both. orjson refuses
some JSON that servers do send and that json accepts (NaN and Infinity), and reads
integers beyond 64 bits as floats: the first are decoded again by json, and a text with a
number that long goes to json at once, so installing the extra changes speed, never
results. Anything neither accepts raises ValueError (json.JSONDecodeError).

`loads` is rebound by `use_orjson()`: callers look it up here (`_json.loads(...)`) on each
call, so switching takes effect everywhere (the benchmarks measure both ways in one run).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

try:  # the optional `speedups` extra
    import orjson
except ImportError:  # pragma: no cover - which branch runs depends on the environment
    orjson = None  # type: ignore[assignment]


# Each digit as "0", anything else as " ": a run of 19 zeros marks a number orjson may
# not keep exact (it reads an integer beyond 64 bits, or below -2**63, whose 19 digits
# are the shortest such, as a float, where json keeps it).
_DIGITS = bytes(0x30 if 0x30 <= code <= 0x39 else 0x20 for code in range(256))
_LONG_NUMBER = b"0" * 19


def _orjson_loads(data: bytes | str) -> Any:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if _LONG_NUMBER in raw.translate(_DIGITS):
        return json.loads(data)
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(data)  # NaN, Infinity...: json may still read it


#: The value a JSON text (bytes or str) holds.
loads: Callable[[bytes | str], Any] = json.loads if orjson is None else _orjson_loads


def use_orjson(enabled: bool) -> None:
    """Decode with orjson (when it is installed) or with the json module."""
    global loads
    if enabled and orjson is None:
        raise RuntimeError("orjson is not installed (pip install 'pollinations-client[speedups]')")
    loads = _orjson_loads if enabled else json.loads


def uses_orjson() -> bool:
    return loads is _orjson_loads


def response_json(response: Any) -> Any:
    """An httpx response's body as JSON (its bytes: orjson reads them without a decode)."""
    return loads(response.content)

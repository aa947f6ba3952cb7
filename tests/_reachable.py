"""Everything an exception lets its catcher see, as text, for the tests that the API key
never shows through one (tests/test_hostile_exceptions.py, test_reliability_secrets.py).

`reachable_texts` walks the exception the way a curious caller (or a logging or error
reporting tool) would: str and repr of the exception and of every attribute, recursively
through dicts, lists and tuples; the request (repr, URL, headers) and response (URL,
headers, body, history, request); the whole `__cause__` / `__context__` chain and their
requests; what `traceback.format_exception` prints; and the bytes `pickle.dumps` writes.
The walk is bounded in depth and stops at objects of other libraries (httpcore's
connections, sockets), which hold nothing the exception put there.
"""

from __future__ import annotations

import contextlib
import pickle
import traceback
from collections.abc import Iterable, Mapping
from urllib.parse import quote, quote_plus

import httpx

__all__ = ["forms_of", "leaks", "reachable_texts"]

MAX_DEPTH = 10
#: Objects of these packages are walked into through their attributes.
_WALKED_PACKAGES = ("httpx", "pollinations_client", "_custom_helpers", "_fault_server")


def forms_of(secret: str) -> set[str]:
    """The secret as it may be written: as is, and percent-encoded as a URL carries it."""
    encoded_by_httpx = str(httpx.QueryParams({"k": secret}))[len("k=") :]
    return {secret, quote(secret, safe=""), quote_plus(secret), encoded_by_httpx}


def reachable_texts(error: BaseException) -> list[tuple[str, str]]:
    """(where, text) for everything reachable from `error`."""
    found: list[tuple[str, str]] = [
        ("traceback.format_exception", "".join(traceback.format_exception(error))),
        ("pickle.dumps", pickle.dumps(error).decode("latin-1")),
    ]
    _walk(error, "exc", found, set(), 0)
    return found


def leaks(error: BaseException, secrets: Iterable[str]) -> list[str]:
    """Where any form of any secret shows; empty when nothing does."""
    forms = {form for secret in secrets for form in forms_of(secret)}
    return [
        f"{where}: {text[max(text.find(form) - 80, 0) : text.find(form) + 80]!r}"
        for where, text in reachable_texts(error)
        for form in forms
        if form in text
    ]


def _walk(
    value: object, where: str, found: list[tuple[str, str]], seen: set[int], depth: int
) -> None:
    if value is None or isinstance(value, (bool, int, float)):
        return
    if isinstance(value, str):
        found.append((where, value))
        return
    if isinstance(value, (bytes, bytearray, memoryview)):
        found.append((where, bytes(value).decode("latin-1")))
        return
    if id(value) in seen or depth > MAX_DEPTH:
        return
    seen.add(id(value))
    for how, show in (("repr", repr), ("str", str)):
        try:
            found.append((f"{how}({where})", show(value)))
        except Exception as exc:  # a broken __repr__ is a finding of its own
            found.append((f"{how}({where}) raised", repr(exc)))

    def walk(child: object, name: str) -> None:
        _walk(child, f"{where}{name}", found, seen, depth + 1)

    if isinstance(value, BaseException):
        walk(value.args, ".args")
        walk(value.__cause__, ".__cause__")
        walk(value.__context__, ".__context__")
    if isinstance(value, httpx.Request):
        walk(str(value.url), ".url")
        walk(value.headers, ".headers")
    if isinstance(value, httpx.Response):
        walk(value.headers, ".headers")
        walk(value.history, ".history")
        walk(value.next_request, ".next_request")
        if "_request" in vars(value) and value._request is not None:
            walk(value.request, ".request")
            walk(str(value.url), ".url")
        with contextlib.suppress(httpx.ResponseNotRead):  # a stream's body is not kept
            walk(value.content, ".content")
    if isinstance(value, httpx.Headers):
        walk(value.raw, ".raw")
        return
    if isinstance(value, Mapping):
        for key, item in list(value.items()):
            walk(key, f"[{key!r}] (key)")
            walk(item, f"[{key!r}]")
        return
    if isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(value):
            walk(item, f"[{index}]")
        return
    package = type(value).__module__.split(".")[0]
    if isinstance(value, BaseException) or package in _WALKED_PACKAGES:
        for name, item in list(getattr(value, "__dict__", {}).items()):
            walk(item, f".{name}")
        for name in getattr(type(value), "__slots__", ()):
            walk(getattr(value, name, None), f".{name}")

"""API keys as the gateway treats them: every key is looked up, and what it may do is its own.

Two modes:
- default (no keys file): any well-formed key (`sk_` or `pk_`, then the characters of an
  RFC 6750 bearer token) is a valid key with every permission: every model, every
  `account:*` permission the spec's account operations name, no rate limit; its type
  (`secret`, `publishable`) is its prefix. Anything else is 401. Existing uses of the
  mock keep working: a `pk_` key may read the account, as a gateway key with those
  permissions may.
- keys file (`--keys FILE`, `MockServer(keys=...)`): only the keys it declares exist,
  any other is 401, and each has the permissions, budget and rate limit declared.

In both modes pollen follows `_state`: `sk_empty...` keys start with none (402) and
`sk_budget...` keys have a budget of their own, unless the file gives `balance` or
`budget`.

The keys file (YAML; JSON is YAML too, so a JSON file reads the same):

    keys:
      sk_server_0123:                       # the key itself
        permissions: [account:profile, account:balance, account:usage]
        models: [openai, flux]              # allowed models (aliases count: tts-1)
        budget: 5                           # pollen of the key's own; 402 once spent
        balance: 100                        # the account's pollen (default --balance)
        rate_limit: {requests: 10, window: 60}   # at most 10 requests per 60 s
        type: secret                        # default: from the prefix
        name: Build server                  # what /account/key shows as `name`
      pk_site_0123: {permissions: [], rate_limit: {requests: 1, window: 1}}

Every field is optional; a field left out gives what the default mode gives (all
permissions, every model, no budget, no rate limit). `[]` means none; null is refused,
because the gateway's null means "none" for account permissions but "all" for models.

The key step of each request (`KeyCheck.check`, before its parameters are read):
- no key on an operation that needs one, or an unknown or malformed key: 401;
- over its rate limit: 429 RATE_LIMITED with Retry-After, the whole seconds until the
  oldest request of the window leaves it (a refused request does not count);
- an operation whose description says "Requires `account:NAME` permission" needs that
  permission: 403 otherwise (/account/key names none and describes any key);
- a model outside the key's `models` is 403, where the operation decides its model
  (`_operations`).
The key is `Authorization: Bearer <key>` or `?key=<key>`; the header wins.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ._errors import ApiError
from ._spec import Operation
from ._state import AccountTerms, key_type

# RFC 6750's b64token after the prefix: what a bearer header can carry.
WELL_FORMED = re.compile(r"^(sk|pk)_[A-Za-z0-9\-._~+/]+=*$")
TOKEN = re.compile(r"^[A-Za-z0-9\-._~+/]+=*$")
_PERMISSION = re.compile(r"`account:([A-Za-z_]+)`")
UNAUTHORIZED = (
    "You need to authenticate by providing a session cookie or Authorization header (Bearer token)."
)
INVALID_KEY = "Invalid API key"
KEY_FIELDS = ("permissions", "models", "budget", "balance", "rate_limit", "type", "name")


@dataclass(frozen=True)
class RateLimit:
    requests: int
    window: float
    """Seconds."""


@dataclass(frozen=True)
class KeyRecord:
    """What the gateway knows about one key."""

    key: str
    type: str
    name: str | None = None
    account: tuple[str, ...] = ()
    """Account permission names (`profile`, `balance`, `usage`)."""
    models: frozenset[str] | None = None
    """Allowed model names; None: every model."""
    rate_limit: RateLimit | None = None
    terms: AccountTerms = field(default_factory=AccountTerms)

    def may_use(self, *names: str) -> bool:
        """Whether the model, known by any of its names (name, aliases), is allowed."""
        return self.models is None or any(name in self.models for name in names)


def account_permissions(operations: Iterable[Operation]) -> tuple[str, ...]:
    """The `account:NAME` permissions the spec's account operations say they require."""
    found: list[str] = []
    for operation in operations:
        if "account" in operation.tags:
            for name in _PERMISSION.findall(operation.description):
                if name not in found:
                    found.append(name)
    return tuple(found)


def required_permission(operation: Operation) -> str | None:
    """The account permission the operation's description requires, if any."""
    found = _PERMISSION.search(operation.description)
    return found.group(1) if found else None


def presented_key(
    authorization: str | None, query: Iterable[tuple[str, str]], names: Iterable[str]
) -> str | None:
    """The request's key: a bearer `Authorization` header, else the first `?key=`."""
    scheme, _, token = (authorization or "").strip().partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    wanted = frozenset(names)
    for name, value in query:
        if name in wanted and value:
            return value
    return None


# ------------------------------------------------------------------ the keys file
def load_keys(
    source: str | Path | Mapping[str, Any],
    permissions: tuple[str, ...],
    models: Iterable[str],
) -> dict[str, KeyRecord]:
    """The keys a file (or its already-parsed content) declares; ValueError says what is
    wrong, naming the key and the field."""
    if isinstance(source, Mapping):
        data: Any = source
        where = "keys"
    else:
        where = str(source)
        try:
            data = yaml.safe_load(Path(source).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ValueError(f"cannot read the keys file {where}: {exc}") from None
    if (
        not isinstance(data, Mapping)
        or set(data) != {"keys"}
        or not isinstance(data["keys"], Mapping)
    ):
        raise ValueError(
            f"{where}: expected a mapping with one entry, `keys:`, of keys to their settings"
        )
    known_models = frozenset(models)
    records: dict[str, KeyRecord] = {}
    for key, settings in data["keys"].items():
        records[str(key)] = _record(where, str(key), settings, permissions, known_models)
    return records


def _record(
    where: str, key: str, settings: Any, permissions: tuple[str, ...], known_models: frozenset[str]
) -> KeyRecord:
    def fail(message: str) -> ValueError:
        return ValueError(f"{where}: key {key!r}: {message}")

    if not TOKEN.match(key):
        raise fail("a key is letters, digits and -._~+/ (what a bearer header can carry)")
    settings = {} if settings is None else settings
    if not isinstance(settings, Mapping):
        raise fail("expected a mapping of settings")
    unknown = sorted(set(settings) - set(KEY_FIELDS))
    if unknown:
        raise fail(f"unknown field {unknown[0]!r}; the fields are {', '.join(KEY_FIELDS)}")
    for name, value in settings.items():
        if value is None:
            none = ", or give [] for none" if name in ("permissions", "models") else ""
            raise fail(f"{name} is null: leave it out for the default{none}")
    kind = settings.get("type", key_type(key))
    if not isinstance(kind, str) or not kind.strip():
        raise fail("type must be a non-empty string (secret, publishable)")
    if kind == "unknown":
        raise fail("type must be given (secret or publishable) for a key without sk_ or pk_")
    account = permissions
    if "permissions" in settings:
        account = tuple(
            _permission(fail, item, permissions)
            for item in _strings(fail, "permissions", settings["permissions"])
        )
    allowed: frozenset[str] | None = None
    if "models" in settings:
        allowed = frozenset(_strings(fail, "models", settings["models"]))
        strange = sorted(allowed - known_models)
        if strange:
            raise fail(
                f"unknown model {strange[0]!r}; the mock serves {', '.join(sorted(known_models))}"
            )
    name = settings.get("name")
    if name is not None and not isinstance(name, str):
        raise fail("name must be a string")
    return KeyRecord(
        key=key,
        type=kind,
        name=name,
        account=account,
        models=allowed,
        rate_limit=_rate_limit(fail, settings["rate_limit"]) if "rate_limit" in settings else None,
        terms=AccountTerms(
            balance=_pollen(fail, "balance", settings.get("balance")),
            budget=_pollen(fail, "budget", settings.get("budget")),
            key_type=kind,
        ),
    )


def _strings(fail: Callable[[str], ValueError], name: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail(f"{name} must be a list of strings")
    return list(value)


def _permission(fail: Callable[[str], ValueError], text: str, permissions: tuple[str, ...]) -> str:
    prefix, _, name = text.partition(":")
    if prefix != "account" or name not in permissions:
        choices = ", ".join(f"account:{item}" for item in permissions)
        raise fail(f"unknown permission {text!r}; the permissions are {choices}")
    return name


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _pollen(fail: Callable[[str], ValueError], name: str, value: Any) -> Decimal | None:
    if value is None:
        return None
    if not _number(value) or value < 0:
        raise fail(f"{name} must be a non-negative number of pollen")
    return Decimal(str(value))


def _rate_limit(fail: Callable[[str], ValueError], value: Any) -> RateLimit:
    if (
        not isinstance(value, Mapping)
        or set(value) != {"requests", "window"}
        or not isinstance(value["requests"], int)
        or isinstance(value["requests"], bool)
        or value["requests"] < 1
        or not _number(value["window"])
        or value["window"] <= 0
    ):
        raise fail("rate_limit must be {requests: N >= 1, window: SECONDS > 0}")
    return RateLimit(int(value["requests"]), float(value["window"]))


# ------------------------------------------------------------------ the key step
class KeyCheck:
    """The key step of every request: who is asking, and may they? One place, so that
    401, 403 and 429 are decided the same way for every operation."""

    def __init__(
        self,
        declared: Mapping[str, KeyRecord] | None,
        permissions: tuple[str, ...],
        query_names: Iterable[str],
    ) -> None:
        self.declared = None if declared is None else dict(declared)
        self.permissions = permissions
        self.query_names = frozenset(query_names)
        self.clock: Callable[[], float] = time.monotonic
        """Seconds, for the rate limits; tests may replace it."""
        self._lock = threading.Lock()
        self._recent: dict[str, deque[float]] = {}

    def lookup(self, key: str) -> KeyRecord | None:
        if self.declared is not None:
            return self.declared.get(key)
        if not WELL_FORMED.match(key):
            return None
        return KeyRecord(key, key_type(key), account=self.permissions)

    def check(
        self,
        operation: Operation,
        authorization: str | None,
        query: Iterable[tuple[str, str]],
        *,
        forced_wait: str | None = None,
    ) -> KeyRecord | None:
        """The key's record, or ApiError (401, 429, 403). `forced_wait` is the Retry-After
        of an injected rate limit (the `rate-limited` fault)."""
        if operation.anonymous:
            return None
        key = presented_key(authorization, query, self.query_names)
        if key is None:
            raise ApiError(401, UNAUTHORIZED)
        record = self.lookup(key)
        if record is None:
            raise ApiError(401, INVALID_KEY)
        if forced_wait is not None:
            raise rate_limited(forced_wait, None)
        wait = self.admit(record)
        if wait is not None:
            raise rate_limited(str(max(1, math.ceil(wait))), record.rate_limit)
        permission = required_permission(operation)
        if permission is not None and permission not in record.account:
            raise ApiError(
                403, f"Access denied! This API key lacks the `account:{permission}` permission"
            )
        return record

    def admit(self, record: KeyRecord) -> float | None:
        """Count the request against the key's rate limit (a sliding window); the seconds
        to wait instead when the window is full."""
        limit = record.rate_limit
        if limit is None:
            return None
        now = self.clock()
        with self._lock:
            recent = self._recent.setdefault(record.key, deque())
            while recent and recent[0] <= now - limit.window:
                recent.popleft()
            if len(recent) >= limit.requests:
                return recent[0] + limit.window - now
            recent.append(now)
            return None


def rate_limited(retry_after: str, limit: RateLimit | None) -> ApiError:
    """The gateway's 429 for a key over its limit: no details, a Retry-After."""
    what = f" ({limit.requests} per {limit.window:g} s)" if limit else ""
    return ApiError(
        429,
        f"Rate limit exceeded for this API key{what}; retry in {retry_after} seconds",
        headers={"Retry-After": retry_after},
    )

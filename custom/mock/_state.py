"""Accounts of the mock: one per API key, with a pollen balance and the requests it paid for.

The account endpoints must tell a story that agrees with what the server did, so that a
client's "check the balance, generate, check the usage" flow can be tested end to end:

- every key is its own account, created on first use with `initial_balance` pollen, or
  with 0 when it starts with `empty_key_prefix` (default `sk_empty`);
- a key that starts with `budget_key_prefix` (default `sk_budget`) also has a pollen
  budget of its own, `key_budget` (default 1): each generation is paid from both, and
  /account/balance and /account/key report the budget's remainder;
- a key declared in a keys file (`_keys`) opens with the `AccountTerms` declared there
  (balance, budget, type) wherever they are given, the rules above otherwise;
- each served generation costs a flat price per call (PRICES, in pollen; the usage
  records show the same number as `cost_usd`): text and chat 0.1, image 1, video 2,
  speech or music 0.5, transcription 0.2;
- a generation that the key's budget cannot pay for is refused with 402 "API key budget
  exhausted: ...", one the balance cannot pay for with 402 "Insufficient pollen
  balance: ...", both before any work;
- usage records are kept newest first; their timestamps have the documented one-second
  resolution (`YYYY-MM-DD HH:mm:ss`, UTC), so a record served in the same second as the
  previous one of the key is stamped one second later: timestamps stay unique and
  paging with `before` never skips or repeats a record;
- daily usage is the same records summed per UTC day, model and meter source, newest day
  first, over the last DAILY_DAYS days.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

PRICES: dict[str, Decimal] = {
    "text": Decimal("0.1"),
    "image": Decimal("1"),
    "video": Decimal("2"),
    "audio": Decimal("0.5"),
    "transcription": Decimal("0.2"),
}
USAGE_TYPES = {
    "text": "generate.text",
    "image": "generate.image",
    "video": "generate.video",
    "audio": "generate.audio",
    "transcription": "generate.transcription",
}
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"
DAILY_DAYS = 90


class InsufficientBalance(Exception):
    """The account cannot pay for the generation: the server answers 402."""


class BudgetExhausted(InsufficientBalance):
    """The key's own budget cannot pay for the generation: 402 as well, its own message."""


def key_type(key: str) -> str:
    if key.startswith("sk_"):
        return "secret"
    if key.startswith("pk_"):
        return "publishable"
    return "unknown"


def mask_key(key: str) -> str:
    """The key as usage records show it: prefix and last four characters only."""
    prefix = key[:3] if key[:3] in ("sk_", "pk_") else ""
    return f"{prefix}...{key[-4:]}" if len(key) > 8 else f"{prefix}..."


def parse_timestamp(text: str) -> int:
    """`before` as epoch seconds: the record format, or ISO 8601 (naive means UTC)."""
    cleaned = text.strip()
    if cleaned.endswith(("Z", "z")):
        cleaned = cleaned[:-1] + "+00:00"
    try:
        moment = dt.datetime.fromisoformat(cleaned)
    except ValueError:
        try:
            moment = dt.datetime.strptime(cleaned, TIMESTAMP_FORMAT)
        except ValueError:
            raise ValueError(
                f"Expected a timestamp like '2025-01-31 23:59:59' or ISO 8601, received '{text}'"
            ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return int(moment.timestamp())


def format_timestamp(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime(TIMESTAMP_FORMAT)


@dataclass(frozen=True)
class AccountTerms:
    """What a keys file says an account opens with; None keeps the default rule."""

    balance: Decimal | None = None
    budget: Decimal | None = None
    key_type: str | None = None


@dataclass
class Account:
    key: str
    balance: Decimal
    created: float
    budget: Decimal | None = None
    """The key's remaining pollen budget; None when it has none (it spends the balance)."""
    records: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    """(epoch second, UsageRecord), oldest first."""
    key_type: str = "unknown"


@dataclass(frozen=True)
class Tokens:
    input_text: int = 0
    output_text: int = 0
    output_reasoning: int = 0
    output_image: int = 0
    input_audio: int = 0
    output_audio: int = 0


class Ledger:
    def __init__(
        self,
        initial_balance: float,
        empty_key_prefix: str,
        budget_key_prefix: str = "sk_budget",
        key_budget: float = 1.0,
        declared: Mapping[str, AccountTerms] | None = None,
    ) -> None:
        self.initial_balance = Decimal(str(initial_balance))
        self.empty_key_prefix = empty_key_prefix
        self.budget_key_prefix = budget_key_prefix
        self.key_budget = Decimal(str(key_budget))
        self.declared = dict(declared or {})
        self.started = time.time()
        self._lock = threading.Lock()
        self._accounts: dict[str, Account] = {}

    def _account(self, key: str) -> Account:
        account = self._accounts.get(key)
        if account is None:
            terms = self.declared.get(key, AccountTerms())
            empty = bool(self.empty_key_prefix) and key.startswith(self.empty_key_prefix)
            start = Decimal(0) if empty else self.initial_balance
            budgeted = bool(self.budget_key_prefix) and key.startswith(self.budget_key_prefix)
            budget = self.key_budget if budgeted else None
            account = Account(
                key,
                start if terms.balance is None else terms.balance,
                time.time(),
                budget if terms.budget is None else terms.budget,
                key_type=terms.key_type or key_type(key),
            )
            self._accounts[key] = account
        return account

    def created(self, key: str) -> float:
        with self._lock:
            return self._account(key).created

    def balance(self, key: str) -> float:
        """What /account/balance reports: the key's remaining budget if it has one."""
        with self._lock:
            account = self._account(key)
            return float(account.balance if account.budget is None else account.budget)

    def budget(self, key: str) -> float | None:
        with self._lock:
            budget = self._account(key).budget
            return None if budget is None else float(budget)

    def ensure_funds(self, key: str, kind: str) -> None:
        with self._lock:
            self._check_funds(self._account(key), kind)

    def charge(
        self, key: str, kind: str, model: str, tokens: Tokens, started: float
    ) -> dict[str, Any]:
        """Take the price of one generation and record it; InsufficientBalance if it can't."""
        price = PRICES[kind]
        with self._lock:
            account = self._account(key)
            self._check_funds(account, kind)
            account.balance -= price
            if account.budget is not None:
                account.budget -= price
            second = int(time.time())
            if account.records:
                second = max(second, account.records[-1][0] + 1)
            record: dict[str, Any] = {
                "timestamp": format_timestamp(second),
                "type": USAGE_TYPES[kind],
                "model": model,
                "api_key": mask_key(key),
                "api_key_type": account.key_type,
                "meter_source": "tier",
                "input_text_tokens": tokens.input_text,
                "input_cached_tokens": 0,
                "input_audio_tokens": tokens.input_audio,
                "input_image_tokens": 0,
                "output_text_tokens": tokens.output_text,
                "output_reasoning_tokens": tokens.output_reasoning,
                "output_audio_tokens": tokens.output_audio,
                "output_image_tokens": tokens.output_image,
                "cost_usd": float(price),
                "response_time_ms": round((time.time() - started) * 1000, 3),
            }
            account.records.append((second, record))
            return dict(record)

    def usage(self, key: str, limit: int, before: int | None) -> list[dict[str, Any]]:
        """Records newest first, only those older than `before` (epoch seconds) if given."""
        with self._lock:
            records = self._account(key).records
            picked: list[dict[str, Any]] = []
            for second, record in reversed(records):
                if before is not None and second >= before:
                    continue
                picked.append(dict(record))
                if len(picked) >= limit:
                    break
            return picked

    def daily_usage(self, key: str) -> list[dict[str, Any]]:
        """DailyUsage rows: the records per UTC day, model and meter source, newest day first
        (models in name order within a day), over the last DAILY_DAYS days."""
        today = dt.datetime.now(dt.timezone.utc).date()
        oldest = (today - dt.timedelta(days=DAILY_DAYS - 1)).isoformat()
        totals: dict[tuple[str, str, str], tuple[int, Decimal]] = {}
        with self._lock:
            for _, record in self._account(key).records:
                day = record["timestamp"][:10]
                if day < oldest:
                    continue
                group = (day, str(record["model"]), str(record["meter_source"]))
                count, cost = totals.get(group, (0, Decimal(0)))
                totals[group] = (count + 1, cost + Decimal(str(record["cost_usd"])))
        ordered = sorted(totals.items(), key=lambda item: (_descending(item[0][0]), item[0][1:]))
        return [
            {
                "date": day,
                "model": model,
                "meter_source": source,
                "requests": count,
                "cost_usd": float(cost),
            }
            for (day, model, source), (count, cost) in ordered
        ]

    def _check_funds(self, account: Account, kind: str) -> None:
        price = PRICES[kind]
        if account.budget is not None and account.budget < price:
            raise BudgetExhausted(
                f"API key budget exhausted: {kind} generation costs {price} pollen, "
                f"the key's remaining budget is {account.budget}"
            )
        if account.balance < price:
            raise InsufficientBalance(
                f"Insufficient pollen balance: {kind} generation costs {price} pollen, "
                f"the balance is {account.balance}"
            )


def _descending(day: str) -> tuple[int, ...]:
    """A sort key that puts later YYYY-MM-DD days first."""
    return tuple(-int(piece) for piece in day.split("-"))

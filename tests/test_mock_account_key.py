"""/account/key, per-key pollen budgets and /account/usage/daily of the mock, over HTTP.

What /account/key says must be what the mock does: the permissions it lists are the
account endpoints the key may call, the budget is what generations draw from, and the
daily usage adds up exactly the requests the server served.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest
from _mock_helpers import EMPTY, assert_conforms, bearer, spec

from pollinations_client.custom.mock import MockServer, _state

ACCOUNT_PATHS = {
    "profile": "/account/profile",
    "balance": "/account/balance",
    "usage": "/account/usage",
}


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(stream_interval=0) as running:
        yield running


@pytest.fixture
def client(server: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


def fresh(prefix: str = "sk_") -> str:
    return f"{prefix}{uuid.uuid4().hex}"


def key_info(client: httpx.Client, key: str) -> dict[str, Any]:
    answer = client.get("/account/key", headers=bearer(key))
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    info: dict[str, Any] = answer.json()
    assert_conforms("KeyInfo", info)
    return info


def payment_message(answer: httpx.Response) -> str:
    assert answer.status_code == 402, answer.text
    body = answer.json()
    assert_conforms("ErrorResponse", body)
    assert body["error"]["code"] == "PAYMENT_REQUIRED"
    message: str = body["error"]["message"]
    return message


# ------------------------------------------------------------------ /account/key
def test_a_secret_key_may_use_every_account_endpoint_it_lists(client: httpx.Client) -> None:
    key = fresh()
    info = key_info(client, key)
    assert info["valid"] is True and info["type"] == "secret"
    assert info["expiresAt"] is None and info["expiresIn"] is None
    assert info["pollenBudget"] is None and info["rateLimitEnabled"] is False
    assert info["permissions"]["models"] is None
    assert sorted(info["permissions"]["account"]) == sorted(ACCOUNT_PATHS)
    for permission in info["permissions"]["account"]:
        assert client.get(ACCOUNT_PATHS[permission], headers=bearer(key)).status_code == 200
    assert client.get("/account/usage/daily", headers=bearer(key)).status_code == 200
    assert key[-4:] in info["name"] and key not in info["name"], "a masked name"


def test_a_publishable_key_has_the_permissions_it_lists(client: httpx.Client) -> None:
    """Without a keys file every well-formed key has every permission, whatever its
    prefix: the gateway decides by the key's permissions (a keys file restricts them)."""
    key = fresh("pk_")
    info = key_info(client, key)
    assert info["type"] == "publishable"
    assert info["permissions"]["models"] is None
    assert sorted(info["permissions"]["account"]) == sorted(ACCOUNT_PATHS)
    for path in [*ACCOUNT_PATHS.values(), "/account/usage/daily"]:
        assert client.get(path, headers=bearer(key)).status_code == 200, path
    assert client.get("/text/hi", headers=bearer(key)).status_code == 200


def test_a_key_without_account_permissions_is_described_and_refused() -> None:
    with (
        MockServer(keys={"keys": {"pk_site_1": {"permissions": []}}}) as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
    ):
        info = key_info(http, "pk_site_1")
        assert info["permissions"] == {"models": None, "account": None}
        for path in [*ACCOUNT_PATHS.values(), "/account/usage/daily"]:
            answer = http.get(path, headers=bearer("pk_site_1"))
            assert answer.status_code == 403, path
            assert_conforms("ErrorResponse", answer.json())
        assert http.get("/text/hi", headers=bearer("pk_site_1")).status_code == 200


def test_the_permissions_are_the_ones_the_spec_names() -> None:
    descriptions = " ".join(
        operation.get("description", "")
        for item in spec().document["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "account" in operation.get("tags", [])
    )
    for permission in ACCOUNT_PATHS:
        assert f"`account:{permission}`" in descriptions


def test_key_info_needs_a_valid_key(client: httpx.Client) -> None:
    for headers in ({}, bearer("nope_123")):
        answer = client.get("/account/key", headers=headers)
        assert answer.status_code == 401
        assert_conforms("ErrorResponse", answer.json())


# ------------------------------------------------------------------ budgets
def test_a_budget_key_spends_its_budget_then_gets_402(client: httpx.Client) -> None:
    key = fresh("sk_budget_")
    assert key_info(client, key)["pollenBudget"] == 1.0
    assert client.get("/text/hi", headers=bearer(key)).status_code == 200
    assert key_info(client, key)["pollenBudget"] == pytest.approx(0.9)
    assert client.get("/account/balance", headers=bearer(key)).json() == {"balance": 0.9}

    refused = client.get("/image/cat", params={"width": 8, "height": 8}, headers=bearer(key))
    message = payment_message(refused)
    assert message.startswith("API key budget exhausted")
    assert "Insufficient pollen balance" not in message
    speech = client.post("/v1/audio/speech", json={"input": "hi"}, headers=bearer(key))
    assert speech.status_code == 200
    assert key_info(client, key)["pollenBudget"] == pytest.approx(0.4)
    for _ in range(4):
        assert client.get("/text/hi", headers=bearer(key)).status_code == 200
    assert payment_message(client.get("/text/hi", headers=bearer(key))).startswith(
        "API key budget exhausted"
    )
    assert key_info(client, key)["pollenBudget"] == 0
    usage = client.get("/account/usage", headers=bearer(key)).json()
    assert usage["count"] == 6, "refused requests are not served and cost nothing"


def test_an_empty_balance_has_its_own_message(client: httpx.Client) -> None:
    message = payment_message(client.get("/text/hi", headers=bearer(EMPTY)))
    assert message.startswith("Insufficient pollen balance")
    assert "budget" not in message
    assert key_info(client, EMPTY)["pollenBudget"] is None


def test_budget_prefix_and_amount_are_options() -> None:
    with (
        MockServer(budget_key_prefix="pk_team", key_budget=0.5) as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
    ):
        assert key_info(http, "pk_team_1")["pollenBudget"] == 0.5
        assert key_info(http, "sk_budget_1")["pollenBudget"] is None
        team = bearer("pk_team_1")
        assert http.post("/v1/audio/speech", json={"input": "hi"}, headers=team).is_success
        refused = http.post("/v1/audio/speech", json={"input": "hi"}, headers=team)
        assert payment_message(refused).startswith("API key budget exhausted")
    with pytest.raises(ValueError):
        MockServer(key_budget=-1)


# ------------------------------------------------------------------ daily usage
def _serve_a_few(http: httpx.Client, key: str) -> None:
    headers = bearer(key)
    for prompt in ("a", "b", "c"):
        assert http.get(f"/text/{prompt}", headers=headers).status_code == 200
    assert http.get("/text/d", params={"model": "mistral"}, headers=headers).status_code == 200
    assert http.get("/image/cat", params={"width": 8, "height": 8}, headers=headers).is_success
    wav = http.post(
        "/v1/audio/speech", json={"input": "hi", "response_format": "wav"}, headers=headers
    )
    assert wav.status_code == 200
    assert http.get("/audio/hi", headers=headers).status_code == 200
    heard = http.post(
        "/v1/audio/transcriptions", files={"file": ("a.wav", wav.content)}, headers=headers
    )
    assert heard.json() == {"text": "hi"}
    # Refused requests are not served: they must not be counted.
    assert http.get("/image/cat", params={"width": 99999}, headers=headers).status_code == 400
    assert http.post("/v1/audio/speech", json={"input": ""}, headers=headers).status_code == 400


def _expected_daily(records: list[dict[str, Any]]) -> dict[tuple[str, str], tuple[int, Decimal]]:
    totals: dict[tuple[str, str], tuple[int, Decimal]] = {}
    for record in records:
        group = (record["timestamp"][:10], record["model"])
        count, cost = totals.get(group, (0, Decimal(0)))
        totals[group] = (count + 1, cost + Decimal(str(record["cost_usd"])))
    return totals


def daily(http: httpx.Client, key: str) -> list[dict[str, Any]]:
    answer = http.get("/account/usage/daily", headers=bearer(key))
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert_conforms("DailyUsageResponse", body)
    assert body["count"] == len(body["usage"])
    rows: list[dict[str, Any]] = body["usage"]
    return rows


def test_daily_usage_sums_what_was_served(client: httpx.Client) -> None:
    key = fresh()
    assert daily(client, key) == []
    _serve_a_few(client, key)
    records = client.get("/account/usage", headers=bearer(key)).json()["usage"]
    assert len(records) == 8
    rows = daily(client, key)
    expected = _expected_daily(records)
    got = {(r["date"], r["model"]): (r["requests"], Decimal(str(r["cost_usd"]))) for r in rows}
    assert got == expected
    assert {r["meter_source"] for r in rows} == {"tier"}
    by_model = {r["model"]: r for r in rows}
    assert by_model["openai"]["requests"] == 3 and by_model["openai"]["cost_usd"] == 0.3
    assert by_model["elevenlabs"]["requests"] == 2 and by_model["elevenlabs"]["cost_usd"] == 1.0
    assert by_model["whisper-large-v3"]["cost_usd"] == 0.2
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    assert {r["date"] for r in rows} <= {today, records[-1]["timestamp"][:10]}


def test_daily_usage_as_csv(client: httpx.Client) -> None:
    key = fresh()
    _serve_a_few(client, key)
    answer = client.get("/account/usage/daily", params={"format": "csv"}, headers=bearer(key))
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(answer.text)))
    header, data = rows[0], rows[1:]
    assert header == list(spec().property_names("DailyUsage"))
    assert header == ["date", "model", "meter_source", "requests", "cost_usd"]
    as_json = daily(client, key)
    assert len(data) == len(as_json)
    for row, item in zip(data, as_json, strict=True):
        parsed = dict(zip(header, row, strict=True))
        assert parsed["date"] == item["date"] and parsed["model"] == item["model"]
        assert int(parsed["requests"]) == item["requests"]
        assert float(parsed["cost_usd"]) == item["cost_usd"]


def test_daily_usage_format_is_validated(client: httpx.Client) -> None:
    answer = client.get("/account/usage/daily", params={"format": "xml"}, headers=bearer())
    assert answer.status_code == 400
    assert "format" in answer.json()["error"]["details"]["fieldErrors"]


class _Clock:
    """A stand-in for the ledger's `time` module, set to a chosen moment."""

    def __init__(self) -> None:
        self.now = time.time()

    def time(self) -> float:
        return self.now


def test_daily_usage_is_per_utc_day_newest_first_over_90_days(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = _Clock()
    monkeypatch.setattr(_state, "time", clock)
    # Noon UTC today, so that a few seconds' bump never crosses midnight.
    today = dt.datetime.now(dt.timezone.utc).replace(hour=12, minute=0, second=0, microsecond=0)
    real_now = today.timestamp()
    key = fresh()
    with MockServer() as server, httpx.Client(base_url=server.url, timeout=30) as http:
        for days_ago, calls in ((120, 1), (2, 2), (1, 1), (0, 3)):
            clock.now = real_now - days_ago * 86400
            for _ in range(calls):
                assert http.get("/text/hi", headers=bearer(key)).status_code == 200
        clock.now = real_now
        usage = http.get("/account/usage", headers=bearer(key)).json()["usage"]
        rows = daily(http, key)
    assert len(usage) == 7, "the usage list keeps every record"
    dates = [
        (dt.datetime.fromtimestamp(real_now, dt.timezone.utc).date() - dt.timedelta(days=n))
        for n in (0, 1, 2)
    ]
    assert [(r["date"], r["requests"]) for r in rows] == [
        (dates[0].isoformat(), 3),
        (dates[1].isoformat(), 1),
        (dates[2].isoformat(), 2),
    ], "newest day first; the record from 120 days ago is outside the 90 days"

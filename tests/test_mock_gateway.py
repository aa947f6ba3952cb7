"""The mock answers as the real gateway does (../shared/upstream/README.md): keys are looked
up, permissions decide, errors carry the gateway's envelope and codes, and the provider
faults the gateway produces can be injected.

Driven with plain httpx over loopback, as a client in another language would be, plus the
real client where its exception classes are the point.
"""

from __future__ import annotations

import json
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from _mock_helpers import EMPTY, SECRET, assert_conforms, bearer

from pollinations_client.custom import InternalServerError, Pollinations, RateLimitError
from pollinations_client.custom.mock import FAULT_HEADER, MockServer, main, parse_fault
from pollinations_client.custom.mock._operations import HANDLERS

# The gateway's envelope: these fields and no others (no requestId), `details` only for
# validation (400), internal (500) and upstream-provider (502) errors.
ENVELOPE = {"status", "success", "error"}
INFO = {"code", "message", "timestamp"}
WITH_DETAILS = {400, 500, 502}
GATEWAY_CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    402: "PAYMENT_REQUIRED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    429: "RATE_LIMITED",
    500: "INTERNAL_ERROR",
}
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
# The 402 the gateway really sends (shared/upstream/README.md), to compare shapes with.
REAL_402 = json.loads(
    '{"status":402,"success":false,"error":{"code":"PAYMENT_REQUIRED",'
    '"message":"Insufficient pollen balance...","timestamp":"2026-03-03T10:00:00.000Z"}}'
)
REMAPPED = (401, 403, 404, 409, 415, 429)

KEYS: dict[str, Any] = {
    "keys": {
        "sk_full_0001": {},
        "sk_profile_only_0001": {"permissions": ["account:profile"]},
        "pk_site_0001": {"permissions": [], "models": ["flux", "openai", "tts-1"]},
        "sk_small_budget_0001": {"budget": 0.15},
        "sk_named_0001": {"budget": 2, "name": "Build server"},
        "sk_poor_0001": {"balance": 0},
        "sk_limited_0001": {"rate_limit": {"requests": 2, "window": 60}},
        "sk_fast_window_0001": {"rate_limit": {"requests": 1, "window": 0.3}},
        "partner-key-0001": {"type": "secret"},
    }
}


def envelope(answer: httpx.Response, status: int) -> dict[str, Any]:
    """The error body, checked against the gateway's shape for `status`."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["x-request-id"], "the request id travels as a header"
    body: dict[str, Any] = answer.json()
    assert set(body) == ENVELOPE
    assert body["status"] == status and body["success"] is False
    error = body["error"]
    assert error["code"] == GATEWAY_CODES.get(status, "UNKNOWN_ERROR")
    assert isinstance(error["message"], str) and error["message"]
    assert TIMESTAMP.match(error["timestamp"]), error["timestamp"]
    assert "requestId" not in error
    if status in WITH_DETAILS:
        assert set(error) == INFO | {"details"}
        assert isinstance(error["details"]["name"], str)
    else:
        assert set(error) == INFO, "no details where the gateway sends none"
    schema = "ValidationErrorResponse" if status == 400 else "ErrorResponse"
    assert_conforms(schema, body)
    return body


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(stream_interval=0) as running:
        yield running


@pytest.fixture
def client(server: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


@pytest.fixture(scope="module")
def keys_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("keys") / "keys.yaml"
    path.write_text(yaml.safe_dump(KEYS), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def keyed(keys_file: Path) -> Iterator[MockServer]:
    with MockServer(stream_interval=0, keys=keys_file) as running:
        yield running


@pytest.fixture
def kclient(keyed: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=keyed.url, timeout=30) as http:
        yield http


def fresh(prefix: str = "sk_") -> str:
    return f"{prefix}{uuid.uuid4().hex}"


def fault(value: str, key: str | None = SECRET) -> dict[str, str]:
    return {FAULT_HEADER: value, **(bearer(key) if key else {})}


# ------------------------------------------------------------------ default mode
@pytest.mark.parametrize("prefix", ["sk_", "pk_"])
def test_default_mode_any_well_formed_key_has_every_permission(
    client: httpx.Client, prefix: str
) -> None:
    key = fresh(prefix)
    info = client.get("/account/key", headers=bearer(key)).json()
    assert info["type"] == ("secret" if prefix == "sk_" else "publishable")
    assert sorted(info["permissions"]["account"]) == ["balance", "profile", "usage"]
    assert info["permissions"]["models"] is None and info["rateLimitEnabled"] is False
    for path in ("/account/profile", "/account/balance", "/account/usage"):
        assert client.get(path, headers=bearer(key)).status_code == 200, path
    assert client.get("/text/hi", headers=bearer(key)).status_code == 200


@pytest.mark.parametrize("key", ["hunter2", "sk_", "sk_with space", "Sk_abc", "pk_a\u00e9"])
def test_default_mode_a_malformed_key_is_401_with_the_envelope(
    client: httpx.Client, key: str
) -> None:
    answer = client.get("/text/hi", params={"key": key})
    assert envelope(answer, 401)["error"]["message"] == "Invalid API key"


def test_default_mode_no_key_is_401_and_the_listings_need_none(client: httpx.Client) -> None:
    envelope(client.get("/account/key"), 401)
    envelope(client.get("/text/hi"), 401)
    assert client.get("/v1/models").status_code == 200


def test_default_mode_an_empty_key_has_no_pollen(client: httpx.Client) -> None:
    body = envelope(client.get("/text/hi", headers=bearer(EMPTY)), 402)
    assert set(body) == set(REAL_402) and set(body["error"]) == set(REAL_402["error"])
    assert body["error"]["message"].startswith("Insufficient pollen balance")


# ------------------------------------------------------------------ keys file
def test_keys_file_a_declared_key_works_and_is_described(kclient: httpx.Client) -> None:
    assert kclient.get("/text/hi", headers=bearer("sk_full_0001")).status_code == 200
    assert kclient.get("/account/balance", headers=bearer("sk_full_0001")).status_code == 200
    info = kclient.get("/account/key", headers=bearer("pk_site_0001")).json()
    assert_conforms("KeyInfo", info)
    assert info["type"] == "publishable"
    assert info["permissions"] == {"models": ["flux", "openai", "tts-1"], "account": None}
    named = kclient.get("/account/key", headers=bearer("sk_named_0001")).json()
    assert named["name"] == "Build server" and named["pollenBudget"] == 2
    limited = kclient.get("/account/key", headers=bearer("sk_limited_0001")).json()
    assert limited["rateLimitEnabled"] is True
    partner = kclient.get("/account/key", headers=bearer("partner-key-0001")).json()
    assert partner["type"] == "secret"


def test_keys_file_an_unknown_key_is_401(kclient: httpx.Client) -> None:
    for key in (SECRET, fresh("pk_"), "sk_full_0002"):
        answer = kclient.get("/text/hi", headers=bearer(key))
        assert envelope(answer, 401)["error"]["message"] == "Invalid API key"
    envelope(kclient.get("/account/key", headers=bearer(SECRET)), 401)
    assert kclient.get("/v1/models").status_code == 200, "the listings need no key"


def test_keys_file_a_missing_permission_is_403(kclient: httpx.Client) -> None:
    headers = bearer("sk_profile_only_0001")
    assert kclient.get("/account/profile", headers=headers).status_code == 200
    for path in ("/account/balance", "/account/usage", "/account/usage/daily"):
        body = envelope(kclient.get(path, headers=headers), 403)
        permission = "balance" if path.endswith("balance") else "usage"
        assert f"account:{permission}" in body["error"]["message"]
    assert kclient.get("/account/key", headers=headers).status_code == 200, "needs none"


def test_keys_file_a_model_outside_the_list_is_403(kclient: httpx.Client) -> None:
    headers = bearer("pk_site_0001")
    small = {"width": 8, "height": 8}
    assert kclient.get("/image/a", params={**small, "model": "flux"}, headers=headers).is_success
    assert kclient.get("/text/hi", headers=headers).status_code == 200  # openai, the default
    envelope(kclient.get("/image/a", params=small, headers=headers), 403)  # zimage, the default
    refused = kclient.get("/image/a", params={"model": "kontext"}, headers=headers)
    assert "kontext" in envelope(refused, 403)["error"]["message"]
    envelope(kclient.get("/text/hi", params={"model": "mistral"}, headers=headers), 403)
    chat = {"model": "mistral", "messages": [{"role": "user", "content": "hi"}]}
    envelope(kclient.post("/v1/chat/completions", json=chat, headers=headers), 403)
    # `tts-1` is an alias of elevenlabs, the default speech model: allowed either way.
    for model in (None, "elevenlabs"):
        body = {"input": "hi"} if model is None else {"input": "hi", "model": model}
        assert kclient.post("/v1/audio/speech", json=body, headers=headers).status_code == 200
    music = kclient.post(
        "/v1/audio/speech", json={"input": "hi", "model": "music"}, headers=headers
    )
    envelope(music, 403)
    envelope(
        kclient.post(
            "/v1/audio/transcriptions", files={"file": ("a.wav", b"RIFF")}, headers=headers
        ),
        403,
    )
    envelope(kclient.get("/image/a", params={"model": "nope"}, headers=headers), 400)


def test_keys_file_a_spent_budget_is_402(kclient: httpx.Client) -> None:
    headers = bearer("sk_small_budget_0001")
    assert kclient.get("/text/a", headers=headers).status_code == 200
    body = envelope(kclient.get("/text/b", headers=headers), 402)
    assert body["error"]["message"].startswith("API key budget exhausted")
    assert kclient.get("/account/balance", headers=headers).json() == {"balance": 0.05}
    poor = envelope(kclient.get("/text/a", headers=bearer("sk_poor_0001")), 402)
    assert poor["error"]["message"].startswith("Insufficient pollen balance")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_keys_file_a_rate_limit_is_429_until_the_window_passes(keys_file: Path) -> None:
    clock = FakeClock()
    with (
        MockServer(stream_interval=0, keys=keys_file) as running,
        httpx.Client(base_url=running.url, timeout=30) as http,
    ):
        running.app.keys.clock = clock
        headers = bearer("sk_limited_0001")
        assert http.get("/text/a", headers=headers).status_code == 200
        clock.now += 10
        assert http.get("/account/balance", headers=headers).status_code == 200
        clock.now += 10
        refused = http.get("/text/b", headers=headers)
        assert "2 per 60 s" in envelope(refused, 429)["error"]["message"]
        assert refused.headers["retry-after"] == "40", "until the first request leaves"
        clock.now += 39.5
        assert http.get("/text/b", headers=headers).headers["retry-after"] == "1"
        clock.now += 0.5
        assert http.get("/text/b", headers=headers).status_code == 200
        envelope(http.get("/text/c", headers=headers), 429)
        # Refused requests cost nothing and are not counted.
        usage = http.get("/account/usage", headers=bearer("sk_limited_0001"))
        assert usage.status_code == 429
        clock.now += 60
        assert http.get("/account/usage", headers=headers).json()["count"] == 2
        assert http.get("/text/a", headers=bearer("sk_full_0001")).status_code == 200


def test_keys_file_a_rate_limit_on_the_real_clock(kclient: httpx.Client) -> None:
    headers = bearer("sk_fast_window_0001")
    assert kclient.get("/text/a", headers=headers).status_code == 200
    refused = kclient.get("/text/a", headers=headers)
    envelope(refused, 429)
    assert refused.headers["retry-after"] == "1", "whole seconds, at least 1"
    deadline = time.monotonic() + 5
    while kclient.get("/text/a", headers=headers).status_code == 429:
        assert time.monotonic() < deadline, "the 0.3 s window never passed"
        time.sleep(0.05)


def test_the_real_client_raises_rate_limit_error(keys_file: Path) -> None:
    clock = FakeClock()
    with MockServer(stream_interval=0, keys=keys_file) as running:
        running.app.keys.clock = clock
        with Pollinations(api_key="sk_limited_0001", base_url=running.url, max_retries=0) as c:
            c.text.generate("a")
            c.text.generate("b")
            with pytest.raises(RateLimitError) as limited:
                c.text.generate("c")
            assert limited.value.code == "RATE_LIMITED" and limited.value.request_id


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ({"keys": {"sk_a": {"permission": []}}}, "unknown field 'permission'"),
        ({"keys": {"sk_a": {"permissions": ["account:write"]}}}, "unknown permission"),
        ({"keys": {"sk_a": {"permissions": None}}}, "permissions is null"),
        ({"keys": {"sk_a": {"models": ["gpt-99"]}}}, "unknown model 'gpt-99'"),
        ({"keys": {"sk_a": {"budget": -1}}}, "budget must be a non-negative"),
        ({"keys": {"sk_a": {"rate_limit": {"requests": 0, "window": 1}}}}, "rate_limit"),
        ({"keys": {"sk_a": {"rate_limit": 5}}}, "rate_limit"),
        ({"keys": {"no_prefix": {}}}, "type must be given"),
        ({"keys": {"sk with space": {}}}, "bearer header"),
        ({"keys": ["sk_a"]}, "`keys:`"),
        ({"sk_a": {}}, "`keys:`"),
    ],
)
def test_a_bad_keys_file_is_refused_naming_the_problem(
    tmp_path: Path, content: Any, problem: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(problem)):
        MockServer(keys=content)
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(problem)):
        MockServer(keys=path)


def test_cli_refuses_a_bad_keys_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "keys.yaml"
    bad.write_text("keys: [", encoding="utf-8")
    assert main(["--keys", str(bad)]) == 1
    assert "keys file" in capsys.readouterr().err
    assert main(["--keys", str(tmp_path / "missing.yaml")]) == 1


def test_cli_serves_a_json_keys_file(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"keys": {"sk_cli_keys_0001": {"balance": 3}}}), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "pollinations_client.custom.mock", "--keys", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines: queue.Queue[str] = queue.Queue()
        stdout = process.stdout
        assert stdout is not None
        threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
        url = lines.get(timeout=30).strip().rsplit(" ", 1)[-1]
        with httpx.Client(base_url=url, timeout=10) as http:
            assert http.get("/account/balance", headers=bearer("sk_cli_keys_0001")).json() == {
                "balance": 3
            }
            envelope(http.get("/account/balance", headers=bearer(SECRET)), 401)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


# ------------------------------------------------------------------ where the key comes from
def test_key_by_header_or_query_and_the_header_wins(kclient: httpx.Client) -> None:
    good, unknown = "sk_full_0001", SECRET
    assert kclient.get("/text/a", params={"key": good}).status_code == 200
    assert kclient.get("/text/a", headers=bearer(good), params={"key": unknown}).status_code == 200
    envelope(kclient.get("/text/a", headers=bearer(unknown), params={"key": good}), 401)
    # A header that is not a bearer token carries no key: the query's is used.
    basic = {"Authorization": "Basic abc"}
    assert kclient.get("/text/a", headers=basic, params={"key": good}).status_code == 200
    profile_only = bearer("sk_profile_only_0001")
    answer = kclient.get("/account/balance", headers=profile_only, params={"key": good})
    envelope(answer, 403)


# ------------------------------------------------------------------ envelopes and codes
def test_every_envelope_shape_and_code(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    envelope(client.get("/image/a", params={"width": "wide"}, headers=bearer()), 400)
    envelope(client.get("/text/a"), 401)
    envelope(client.get("/text/a", headers=bearer(EMPTY)), 402)
    envelope(client.get("/nowhere"), 404)
    envelope(client.get("/v1/chat/completions", headers=bearer()), 405)
    envelope(client.get("/text/a", headers=fault("rate-limited")), 429)
    envelope(client.get("/text/a", headers=fault("provider-status=429")), 502)
    envelope(client.get("/text/a", headers=fault("provider-status=412")), 412)
    for status in (400, 401, 402, 403, 404, 409, 429, 500, 502, 503, 504):
        envelope(client.get("/text/a", headers=fault(f"status={status}")), status)

    def broken(*_: Any) -> Any:
        raise RuntimeError("a bug in the mock")

    monkeypatch.setitem(HANDLERS, "list_models", broken)
    body = envelope(client.get("/v1/models"), 500)
    assert body["error"]["details"] == {"name": "InternalError"}
    assert "a bug" not in json.dumps(body), "no internals leak"


def test_validation_details_carry_form_and_field_errors(client: httpx.Client) -> None:
    details = envelope(client.get("/image/a", params={"seed": "x"}, headers=bearer()), 400)[
        "error"
    ]["details"]
    assert details["name"] == "ValidationError"
    assert details["formErrors"] == [] and list(details["fieldErrors"]) == ["seed"]


# ------------------------------------------------------------------ faults
@pytest.mark.parametrize("provider", REMAPPED)
def test_a_provider_error_is_remapped_to_502(client: httpx.Client, provider: int) -> None:
    key = fresh()
    answer = client.get("/text/a", headers=fault(f"provider-status={provider}", key))
    details = envelope(answer, 502)["error"]["details"]
    assert details == {"name": "UpstreamError", "upstreamStatus": provider}
    assert str(provider) in answer.json()["error"]["message"]
    assert "retry-after" not in answer.headers
    assert client.get("/account/usage", headers=bearer(key)).json()["count"] == 0


def test_a_provider_412_passes_through_as_unknown_error(client: httpx.Client) -> None:
    key = fresh()
    chat = {"messages": [{"role": "user", "content": "hi"}]}
    answer = client.post(
        "/v1/chat/completions", json=chat, headers=fault("provider-status=412", key)
    )
    body = envelope(answer, 412)
    assert body["error"]["code"] == "UNKNOWN_ERROR"
    assert "Precondition Failed" in body["error"]["message"]
    assert client.get("/account/balance", headers=bearer(key)).json() == {"balance": 100.0}


def test_a_provider_error_comes_after_the_key_and_the_checks(client: httpx.Client) -> None:
    envelope(client.get("/text/a", headers=fault("provider-status=409", key=None)), 401)
    bad = client.get("/image/a", params={"width": -1}, headers=fault("provider-status=409"))
    envelope(bad, 400)
    envelope(client.get("/text/a", headers=fault("provider-status=409")), 502)


def test_a_rate_limited_key_fault(client: httpx.Client) -> None:
    answer = client.get("/account/balance", headers=fault("rate-limited"))
    envelope(answer, 429)
    assert answer.headers["retry-after"] == "1"
    later = client.get("/text/a", headers=fault("rate-limited;retry-after=7"))
    assert later.headers["retry-after"] == "7"
    envelope(client.get("/text/a", headers=fault("rate-limited", key=None)), 401)
    header = fault("rate-limited;times=1;retry-after=2")  # an exact text of its own
    statuses = [client.get("/text/a", headers=header).status_code for _ in range(2)]
    assert statuses == [429, 200]


def test_the_new_fault_grammar() -> None:
    assert parse_fault("provider-status=415").provider_status == 415
    limited = parse_fault("Rate-Limited")
    assert limited.rate_limited and limited.retry_after == "1"
    for bad in (
        "provider-status=500",
        "provider-status=abc",
        "rate-limited=1",
        "status=500;provider-status=429",
        "status=429;rate-limited",
        "provider-status=429;rate-limited",
    ):
        with pytest.raises(ValueError):
            parse_fault(bad)


def test_the_real_client_sees_a_remapped_provider_error(server: MockServer) -> None:
    with (
        Pollinations(api_key=fresh(), base_url=server.url, max_retries=0) as c,
        pytest.raises(InternalServerError) as failed,
    ):
        c.text.generate("a", extra_headers={FAULT_HEADER: "provider-status=401"})
    assert failed.value.status_code == 502 and failed.value.code == "UNKNOWN_ERROR"
    assert failed.value.request_id


def test_a_listing_never_meets_a_provider_error() -> None:
    """Only generations call a model provider: the fault leaves listings alone."""
    with MockServer() as server:
        fault = {FAULT_HEADER: "provider-status=429", **bearer(SECRET)}
        for path in ("/v1/models", "/text/models", "/account/balance"):
            assert httpx.get(server.url + path, headers=fault, timeout=10).status_code == 200
        generation = httpx.get(server.url + "/text/hi", headers=fault, timeout=10)
        assert generation.status_code == 502

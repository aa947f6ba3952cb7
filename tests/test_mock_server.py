"""The mock server's behaviour over real HTTP on loopback: routes, auth, validation, accounts.

Driven with plain httpx, not the custom client, so that a bug in one cannot hide a bug in
the other.
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from _mock_helpers import (
    EMPTY,
    PUBLISHABLE,
    SECRET,
    assert_conforms,
    bearer,
    read_png,
    spec,
)
from jsonschema import Draft202012Validator

from pollinations_client.custom.mock import PRICES, MockServer
from pollinations_client.custom.mock._spec import load_document


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(stream_interval=0) as running:
        yield running


@pytest.fixture
def client(server: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


def fresh_key() -> str:
    """A key no other test used, so its account starts from the initial balance."""
    return f"sk_{uuid.uuid4().hex}"


def field_errors(response: httpx.Response) -> dict[str, list[str]]:
    assert response.status_code == 400, response.text
    body = response.json()
    assert_conforms("ValidationErrorResponse", body)
    assert body["success"] is False
    assert body["error"]["code"] == "BAD_REQUEST"
    assert "requestId" not in body["error"], "the gateway sends it as x-request-id only"
    errors: dict[str, list[str]] = body["error"]["details"]["fieldErrors"]
    return errors


def chat(client: httpx.Client, body: dict[str, Any], key: str = SECRET) -> httpx.Response:
    return client.post("/v1/chat/completions", json=body, headers=bearer(key))


HELLO = "Say hello to the bees"
USER_HELLO = [{"role": "user", "content": HELLO}]
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather for a city",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string", "minLength": 2},
                "days": {"type": "integer", "minimum": 1, "maximum": 7},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
            },
            "required": ["city", "days"],
            "additionalProperties": False,
        },
    },
}


# ------------------------------------------------------------------ models
def test_model_listings_serve_the_spec_enums_anonymously(client: httpx.Client) -> None:
    listing = client.get("/v1/models")
    assert listing.status_code == 200
    assert listing.headers["content-type"] == "application/json"
    assert_conforms("ModelList", listing.json())
    assert [m["id"] for m in listing.json()["data"]] == list(spec().enum("TextModelName"))

    images = client.get("/image/models").json()
    assert [m["name"] for m in images] == list(spec().enum("ImageModelName"))
    for info in images:
        assert_conforms("ModelInfo", info)
    outputs = {m["name"]: m["output_modalities"] for m in images}
    assert outputs["veo"] == outputs["seedance"] == ["video"]
    assert outputs["flux"] == ["image"]

    texts = client.get("/text/models", headers=bearer()).json()
    assert [m["name"] for m in texts] == list(spec().enum("TextModelName"))
    for info in texts:
        assert_conforms("ModelInfo", info)
        assert info["pricing"]["request"] == float(PRICES["text"])


# ------------------------------------------------------------------ text
def test_text_is_plain_deterministic_and_follows_prompt_and_seed(client: httpx.Client) -> None:
    first = client.get("/text/hello bees", headers=bearer())
    assert first.status_code == 200
    assert first.headers["content-type"].startswith("text/plain")
    assert first.text == client.get("/text/hello bees", headers=bearer()).text
    assert "hello bees" in first.text
    assert first.text != client.get("/text/hello bees", params={"seed": 7}, headers=bearer()).text
    assert first.text != client.get("/text/hello wasps", headers=bearer()).text
    assert first.text != client.get("/text/hello bees?model=mistral", headers=bearer()).text


def test_text_accepts_the_key_query_parameter(client: httpx.Client) -> None:
    answer = client.get("/text/hi", params={"key": SECRET, "model": "openai"})
    assert answer.status_code == 200


def test_text_json_mode_answers_json(client: httpx.Client) -> None:
    answer = client.get("/text/list three bees", params={"json": "true"}, headers=bearer())
    assert answer.status_code == 200
    assert isinstance(json.loads(answer.text), dict)


def test_prompt_may_hold_any_percent_encoded_character(client: httpx.Client) -> None:
    prompt = "a/b?c#d 100% ünïcødé 🐝"
    encoded = "".join(
        ch if ch.isascii() and ch.isalnum() else "".join(f"%{b:02X}" for b in ch.encode())
        for ch in prompt
    )
    answer = client.get(f"/text/{encoded}", headers=bearer())
    assert answer.status_code == 200
    assert prompt in answer.text


def test_empty_prompt_is_a_field_error(client: httpx.Client) -> None:
    assert "prompt" in field_errors(client.get("/text/", headers=bearer()))


# ------------------------------------------------------------------ chat
def test_chat_completion_conforms_and_counts_tokens(client: httpx.Client) -> None:
    answer = chat(client, {"model": "openai", "messages": USER_HELLO, "seed": 3})
    assert answer.status_code == 200
    body = answer.json()
    assert_conforms("ChatCompletion", body)
    choice = body["choices"][0]
    assert choice["finish_reason"] == "stop"
    assert choice["message"]["role"] == "assistant"
    content = choice["message"]["content"]
    usage = body["usage"]
    assert usage["prompt_tokens"] == len(HELLO.split())
    assert usage["completion_tokens"] == len(content.split())
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]
    again = chat(client, {"model": "openai", "messages": USER_HELLO, "seed": 3}).json()
    assert again["choices"][0]["message"]["content"] == content


def test_chat_tools_produce_a_tool_call_with_valid_arguments(client: httpx.Client) -> None:
    body = {"messages": [{"role": "user", "content": "Weather in Paris?"}], "tools": [WEATHER_TOOL]}
    answer = chat(client, body).json()
    assert_conforms("ChatCompletion", answer)
    choice = answer["choices"][0]
    assert choice["finish_reason"] == "tool_calls"
    (call,) = choice["message"]["tool_calls"]
    assert call["type"] == "function" and call["function"]["name"] == "get_weather"
    arguments = json.loads(call["function"]["arguments"])
    parameters = WEATHER_TOOL["function"]["parameters"]  # type: ignore[index]
    assert not list(Draft202012Validator(parameters).iter_errors(arguments))

    followed = body["messages"] + [  # type: ignore[operator]
        {"role": "assistant", "content": None, "tool_calls": [call]},
        {"role": "tool", "tool_call_id": call["id"], "content": '{"sky": "clear"}'},
    ]
    final = chat(client, {**body, "messages": followed}).json()
    assert final["choices"][0]["finish_reason"] == "stop"
    assert final["choices"][0]["message"]["content"]


def test_chat_tool_choice_none_answers_in_text(client: httpx.Client) -> None:
    body = {"messages": USER_HELLO, "tools": [WEATHER_TOOL], "tool_choice": "none"}
    choice = chat(client, body).json()["choices"][0]
    assert choice["finish_reason"] == "stop"
    assert not choice["message"].get("tool_calls")


def test_chat_named_tool_choice_must_name_a_tool(client: httpx.Client) -> None:
    choice = {"type": "function", "function": {"name": "missing"}}
    answer = chat(client, {"messages": USER_HELLO, "tools": [WEATHER_TOOL], "tool_choice": choice})
    assert "tool_choice" in field_errors(answer)


def test_chat_json_response_formats_give_valid_json(client: httpx.Client) -> None:
    as_object = chat(client, {"messages": USER_HELLO, "response_format": {"type": "json_object"}})
    assert isinstance(json.loads(as_object.json()["choices"][0]["message"]["content"]), dict)

    schema = {
        "type": "object",
        "properties": {
            "bees": {"type": "array", "items": {"type": "string"}, "minItems": 2},
            "count": {"type": "integer", "minimum": 3},
            "happy": {"type": "boolean"},
        },
        "required": ["bees", "count", "happy"],
        "additionalProperties": False,
    }
    response_format = {"type": "json_schema", "json_schema": {"name": "hive", "schema": schema}}
    answer = chat(client, {"messages": USER_HELLO, "response_format": response_format})
    content = json.loads(answer.json()["choices"][0]["message"]["content"])
    assert not list(Draft202012Validator(schema).iter_errors(content))


def test_chat_max_tokens_truncates_with_finish_reason_length(client: httpx.Client) -> None:
    answer = chat(client, {"messages": USER_HELLO, "max_tokens": 3}).json()
    choice = answer["choices"][0]
    assert choice["finish_reason"] == "length"
    assert len(choice["message"]["content"].split()) == 3
    assert answer["usage"]["completion_tokens"] == 3


def test_chat_thinking_and_logprobs(client: httpx.Client) -> None:
    body = {
        "messages": USER_HELLO,
        "thinking": {"type": "enabled", "budget_tokens": 100},
        "logprobs": True,
        "top_logprobs": 2,
    }
    answer = chat(client, body).json()
    assert_conforms("ChatCompletion", answer)
    choice = answer["choices"][0]
    assert choice["message"]["reasoning_content"]
    tokens = choice["logprobs"]["content"]
    assert "".join(t["token"] for t in tokens) == choice["message"]["content"]
    assert all(len(t["top_logprobs"]) == 2 for t in tokens)


def test_chat_unknown_model_is_a_field_error(client: httpx.Client) -> None:
    assert "model" in field_errors(chat(client, {"model": "gpt-99", "messages": USER_HELLO}))


# ------------------------------------------------------------------ validation
def test_unknown_query_parameter_is_named_in_field_errors(client: httpx.Client) -> None:
    errors = field_errors(client.get("/text/hi", params={"colour": "red"}, headers=bearer()))
    assert list(errors) == ["colour"]


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/image/cat", {"width": "wide"}, "width"),
        ("/image/cat", {"width": "-5"}, "width"),
        ("/image/cat", {"seed": "-2"}, "seed"),
        ("/image/cat", {"quality": "ultra"}, "quality"),
        # gone upstream (every real revision): refused as unknown, not silently ignored
        ("/image/cat", {"guidance_scale": "5"}, "guidance_scale"),
        ("/image/cat", {"nologo": "true"}, "nologo"),
        ("/image/cat", {"enhance": "yes"}, "enhance"),
        ("/image/cat", {"duration": "11"}, "duration"),
        ("/image/cat", {"model": "dalle"}, "model"),
        ("/text/hi", {"temperature": "warm"}, "temperature"),
        ("/text/hi", {"stream": "1"}, "stream"),
        ("/text/hi", {"seed": "1.5"}, "seed"),
        ("/account/usage", {"limit": "0"}, "limit"),
        ("/account/usage", {"format": "xml"}, "format"),
        ("/account/usage", {"before": "last tuesday"}, "before"),
    ],
)
def test_ill_typed_or_out_of_bounds_parameters(
    client: httpx.Client, path: str, params: dict[str, str], field: str
) -> None:
    errors = field_errors(client.get(path, params=params, headers=bearer()))
    assert errors.get(field), errors


def test_image_size_is_capped(client: httpx.Client) -> None:
    errors = field_errors(client.get("/image/cat", params={"width": 4097}, headers=bearer()))
    assert "width" in errors


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "messages"),
        ({"messages": {"role": "user", "content": "hi"}}, "messages"),
        ({"messages": [{"role": "robot", "content": "hi"}]}, "messages"),
        ({"messages": [{"role": "user"}]}, "messages"),
        ({"messages": USER_HELLO, "temperature": 3}, "temperature"),
        ({"messages": USER_HELLO, "stop": ["a", "b", "c", "d", "e"]}, "stop"),
        ({"messages": USER_HELLO, "response_format": {"type": "yaml"}}, "response_format"),
        ({"messages": USER_HELLO, "tools": [{"type": "function"}]}, "tools"),
    ],
)
def test_invalid_chat_bodies_name_the_field(
    client: httpx.Client, body: dict[str, Any], field: str
) -> None:
    errors = field_errors(chat(client, body))
    assert errors.get(field), errors


def test_malformed_json_and_wrong_content_type_are_form_errors(client: httpx.Client) -> None:
    for content, content_type in (
        (b"{not json", "application/json"),
        (b'{"messages": NaN}', "application/json"),
        (json.dumps({"messages": USER_HELLO}).encode(), "text/plain"),
        (b"", "application/json"),
    ):
        answer = client.post(
            "/v1/chat/completions",
            content=content,
            headers={**bearer(), "Content-Type": content_type},
        )
        assert answer.status_code == 400
        assert answer.json()["error"]["details"]["formErrors"], answer.text


def test_unknown_route_and_wrong_method(client: httpx.Client) -> None:
    missing = client.get("/v2/nothing")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "NOT_FOUND"
    assert missing.headers["x-request-id"]
    wrong = client.get("/v1/chat/completions", headers=bearer())
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "POST"


# ------------------------------------------------------------------ auth
@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/text/hi"), ("GET", "/image/cat"), ("POST", "/v1/chat/completions")],
)
def test_generation_without_key_is_401_with_envelope(
    client: httpx.Client, method: str, path: str
) -> None:
    answer = client.request(method, path, json={"messages": USER_HELLO})
    assert answer.status_code == 401
    body = answer.json()
    assert_conforms("ErrorResponse", body)
    assert body["error"]["code"] == "UNAUTHORIZED"
    assert set(body["error"]) == {"code", "message", "timestamp"}, "no requestId, no details"
    assert answer.headers["x-request-id"]


def test_a_key_must_be_secret_or_publishable(client: httpx.Client) -> None:
    assert client.get("/text/hi", headers=bearer("hunter2")).status_code == 401
    assert client.get("/text/hi", headers={"Authorization": "Basic abc"}).status_code == 401
    assert client.get("/text/hi", headers=bearer(PUBLISHABLE)).status_code == 200


@pytest.mark.parametrize("path", ["/account/profile", "/account/balance", "/account/usage"])
def test_account_auth_rules_and_envelopes(client: httpx.Client, path: str) -> None:
    anonymous = client.get(path)
    assert anonymous.status_code == 401
    assert_conforms("ErrorResponse", anonymous.json())
    assert anonymous.headers["x-request-id"]
    # Without a keys file every well-formed key has every permission: the gateway
    # decides by the key's permissions, not its prefix (tests/test_mock_gateway.py
    # has the 403 of a key that lacks one).
    assert client.get(path, headers=bearer(PUBLISHABLE)).status_code == 200
    assert client.get(path, params={"key": PUBLISHABLE}).status_code == 200
    assert client.get(path, headers=bearer()).status_code == 200


def test_empty_balance_key_gets_402_on_every_generation(client: httpx.Client) -> None:
    answers = [
        client.get("/text/hi", headers=bearer(EMPTY)),
        client.get("/image/cat", headers=bearer(EMPTY)),
        client.get("/image/cat", params={"model": "veo"}, headers=bearer(EMPTY)),
        chat(client, {"messages": USER_HELLO}, key=EMPTY),
    ]
    for answer in answers:
        assert answer.status_code == 402, answer.text
        assert_conforms("ErrorResponse", answer.json())
        assert answer.json()["error"]["code"] == "PAYMENT_REQUIRED"
    assert client.get("/account/balance", headers=bearer(EMPTY)).json() == {"balance": 0}
    assert client.get("/v1/models", headers=bearer(EMPTY)).status_code == 200


def test_empty_key_prefix_is_an_option() -> None:
    with (
        MockServer(empty_key_prefix="sk_broke", initial_balance=5) as server,
        httpx.Client(base_url=server.url) as http,
    ):
        assert http.get("/text/hi", headers=bearer("sk_broke_1")).status_code == 402
        assert http.get("/text/hi", headers=bearer(EMPTY)).status_code == 200
        assert http.get("/account/balance", headers=bearer(EMPTY)).json() == {"balance": 4.9}


# ------------------------------------------------------------------ account
def test_profile_conforms(client: httpx.Client) -> None:
    answer = client.get("/account/profile", headers=bearer())
    assert answer.status_code == 200
    profile = answer.json()
    assert_conforms("UserProfile", profile)
    assert profile["tier"] == "seed"
    assert profile == client.get("/account/profile", headers=bearer()).json()


def test_balance_drops_by_the_price_of_each_served_generation(client: httpx.Client) -> None:
    key = fresh_key()
    start = client.get("/account/balance", headers=bearer(key)).json()
    assert_conforms("Balance", start)
    assert start == {"balance": 100.0}
    assert client.get("/text/one", headers=bearer(key)).status_code == 200
    two = client.get("/image/two", params={"width": 8, "height": 8}, headers=bearer(key))
    assert two.status_code == 200
    assert chat(client, {"messages": USER_HELLO}, key=key).status_code == 200
    video: dict[str, str | int] = {"model": "seedance", "duration": 2}
    assert client.get("/image/three", params=video, headers=bearer(key)).status_code == 200
    # Refused requests cost nothing.
    assert client.get("/image/bad", params={"width": -1}, headers=bearer(key)).status_code == 400
    expected = 100 - float(PRICES["text"] * 2 + PRICES["image"] + PRICES["video"])
    assert client.get("/account/balance", headers=bearer(key)).json() == {"balance": expected}


def test_balance_runs_out_into_402() -> None:
    with MockServer(initial_balance=1.15) as server, httpx.Client(base_url=server.url) as http:
        assert (
            http.get("/image/a", params={"width": 4, "height": 4}, headers=bearer()).status_code
            == 200
        )
        assert (
            http.get("/image/b", params={"width": 4, "height": 4}, headers=bearer()).status_code
            == 402
        )
        assert http.get("/text/c", headers=bearer()).status_code == 200
        assert http.get("/text/d", headers=bearer()).status_code == 402
        assert http.get("/account/balance", headers=bearer()).json()["balance"] == pytest.approx(
            0.05
        )


def test_usage_lists_served_requests_newest_first_with_limit_and_before(
    client: httpx.Client,
) -> None:
    key = fresh_key()
    client.get("/text/first", headers=bearer(key))
    client.get(
        "/image/second", params={"width": 4, "height": 4, "model": "flux"}, headers=bearer(key)
    )
    chat(client, {"model": "mistral", "messages": USER_HELLO}, key=key)
    client.get("/image/video", params={"model": "veo", "duration": 4}, headers=bearer(key))

    usage = client.get("/account/usage", headers=bearer(key))
    assert usage.status_code == 200
    body = usage.json()
    assert_conforms("UsageResponse", body)
    records = body["usage"]
    assert body["count"] == 4
    assert [(r["type"], r["model"]) for r in records] == [
        ("generate.video", "veo"),
        ("generate.text", "mistral"),
        ("generate.image", "flux"),
        ("generate.text", "openai"),
    ]
    assert [r["timestamp"] for r in records] == sorted({r["timestamp"] for r in records})[::-1]
    assert all(r["api_key_type"] == "secret" and key not in r["api_key"] for r in records)
    assert records[1]["input_text_tokens"] == len(HELLO.split())
    assert [r["cost_usd"] for r in records] == [2.0, 0.1, 1.0, 0.1]

    limited = client.get("/account/usage", params={"limit": 2}, headers=bearer(key)).json()
    assert limited["usage"] == records[:2] and limited["count"] == 2
    before = records[1]["timestamp"]
    older = client.get("/account/usage", params={"before": before}, headers=bearer(key)).json()
    assert older["usage"] == records[2:]
    iso = before.replace(" ", "T") + "Z"
    assert client.get("/account/usage", params={"before": iso}, headers=bearer(key)).json() == older

    other = client.get("/account/usage", headers=bearer(fresh_key())).json()
    assert other == {"usage": [], "count": 0}


def test_usage_as_csv(client: httpx.Client) -> None:
    key = fresh_key()
    client.get("/text/first", headers=bearer(key))
    client.get("/text/second", headers=bearer(key))
    answer = client.get("/account/usage", params={"format": "csv"}, headers=bearer(key))
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0] == list(spec().property_names("UsageRecord"))
    as_json = client.get("/account/usage", headers=bearer(key)).json()["usage"]
    assert [row[0] for row in rows[1:]] == [record["timestamp"] for record in as_json]
    limited = client.get(
        "/account/usage", params={"format": "csv", "limit": 1}, headers=bearer(key)
    )
    assert len(list(csv.reader(io.StringIO(limited.text)))) == 2


# ------------------------------------------------------------------ HTTP
def test_keep_alive_serves_several_requests_on_one_connection(server: MockServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request("GET", "/v1/models")
        first = connection.getresponse()
        first.read()
        sock = connection.sock
        connection.request("GET", "/account/balance")  # 401 with the error envelope
        second = connection.getresponse()
        assert json.loads(second.read())["error"]["code"] == "UNAUTHORIZED"
        body = json.dumps({"messages": USER_HELLO})
        headers = {"Content-Type": "application/json", **bearer()}
        connection.request("POST", "/v1/chat/completions", body=body, headers=headers)
        third = connection.getresponse()
        third.read()
        assert (first.status, second.status, third.status) == (200, 401, 200)
        assert connection.sock is sock, "the server closed a keep-alive connection"
    finally:
        connection.close()


def test_http_level_refusals_use_the_envelope_too(server: MockServer) -> None:
    for request_line in (b"BREW /pot HTTP/1.1", b"GET /" + b"x" * 70000 + b" HTTP/1.1"):
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(request_line + b"\r\nHost: 127.0.0.1\r\n\r\n")
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        head, _, body = reply.partition(b"\r\n\r\n")
        assert b"x-request-id: req_" in head
        error = json.loads(body)
        assert_conforms("ErrorResponse", error)
        assert error["status"] in (414, 501)


def test_chunked_request_body_is_accepted(client: httpx.Client) -> None:
    def body() -> Iterator[bytes]:
        yield b'{"messages": '
        yield json.dumps(USER_HELLO).encode()
        yield b"}"

    answer = client.post(
        "/v1/chat/completions",
        content=body(),
        headers={**bearer(), "Content-Type": "application/json"},
    )
    assert answer.status_code == 200


def test_defaults_are_read_from_the_spec(tmp_path: Path) -> None:
    document = load_document()
    for parameter in document["paths"]["/image/{prompt}"]["get"]["parameters"]:
        if parameter.get("name") in ("width", "height"):
            parameter["schema"] = {**parameter["schema"], "default": 24}
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    with MockServer(spec_path=path) as server, httpx.Client(base_url=server.url) as http:
        png = read_png(http.get("/image/cat", headers=bearer()).content)
        assert (png.width, png.height) == (24, 24)

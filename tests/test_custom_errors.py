"""Error answers and transport failures become the documented exceptions."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx
from _custom_helpers import KEY, Harness, envelope

from pollinations_client.custom import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    PollinationsError,
    RateLimitError,
)

pytestmark = pytest.mark.anyio


STATUS_CLASSES: list[tuple[int, type[APIStatusError]]] = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (402, PaymentRequiredError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (429, RateLimitError),
    (500, InternalServerError),
    (502, InternalServerError),
    (503, InternalServerError),
    (504, InternalServerError),
    (418, APIStatusError),
    (409, APIStatusError),
    (422, APIStatusError),
]


async def balance_error(h: Harness, router: respx.MockRouter, response: httpx.Response) -> Any:
    """Call account.balance (no retries) against `response`; return the exception."""
    router.get("/account/balance").mock(return_value=response)
    client = h.make(max_retries=0)
    with pytest.raises(APIStatusError) as caught:
        await h.run(client.account.balance())
    return caught.value


@pytest.mark.parametrize(("status", "cls"), STATUS_CLASSES)
async def test_status_maps_to_its_class_with_the_envelope(
    h: Harness, router: respx.MockRouter, status: int, cls: type[APIStatusError]
) -> None:
    body = envelope(status, "SOME_CODE", "The server says no.", request_id="req-42")
    error = await balance_error(h, router, httpx.Response(status, json=body))
    assert type(error) is cls
    assert isinstance(error, APIStatusError)
    assert isinstance(error, APIError)
    assert isinstance(error, PollinationsError)
    assert error.status_code == status
    assert error.code == "SOME_CODE"
    assert error.request_id == "req-42"
    assert error.field_errors == {}
    assert error.form_errors == []
    assert error.body == body
    assert error.response.status_code == status
    assert error.request is not None
    assert error.request.url.path == "/account/balance"
    message = str(error)
    assert message == error.message
    assert str(status) in message
    assert "SOME_CODE" in message
    assert "The server says no." in message
    assert "req-42" in message


async def test_bad_request_carries_field_and_form_errors(
    h: Harness, router: respx.MockRouter
) -> None:
    body = envelope(
        400,
        "BAD_REQUEST",
        "Something was wrong with the input data",
        field_errors={"width": ["must be at most 2048"], "seed": ["too big", "not an int"]},
        form_errors=["prompt and image conflict"],
    )
    router.get(path__startswith="/image/").mock(return_value=httpx.Response(400, json=body))
    client = h.make()
    with pytest.raises(BadRequestError) as caught:
        await h.run(client.images.generate("cat", width=4000))
    error = caught.value
    assert error.field_errors == {
        "width": ["must be at most 2048"],
        "seed": ["too big", "not an int"],
    }
    assert error.form_errors == ["prompt and image conflict"]
    assert error.code == "BAD_REQUEST"
    assert "width: must be at most 2048" in str(error)
    assert "prompt and image conflict" in str(error)


async def test_request_id_falls_back_to_the_header(h: Harness, router: respx.MockRouter) -> None:
    body = envelope(401, "UNAUTHORIZED", "Bad key")
    error = await balance_error(
        h, router, httpx.Response(401, json=body, headers={"x-request-id": "hdr-7"})
    )
    assert error.request_id == "hdr-7"
    assert "hdr-7" in str(error)


async def test_request_id_of_the_envelope_wins_over_the_header(
    h: Harness, router: respx.MockRouter
) -> None:
    body = envelope(401, "UNAUTHORIZED", "Bad key", request_id="env-1")
    error = await balance_error(
        h, router, httpx.Response(401, json=body, headers={"x-request-id": "hdr-7"})
    )
    assert error.request_id == "env-1"


async def test_no_request_id_at_all(h: Harness, router: respx.MockRouter) -> None:
    error = await balance_error(h, router, httpx.Response(404, json=envelope(404, "NF", "gone")))
    assert error.request_id is None


LONG_HTML = "<html><body>" + "<p>Bad gateway, please retry later.</p>\n" * 100 + "</body></html>"

ODD_BODIES: list[tuple[str, dict[str, Any], str | None]] = [
    # (name, httpx.Response kwargs, a piece of the body the message must quote)
    ("empty", {}, None),
    ("html", {"html": "<html><h1>502 Bad Gateway</h1></html>"}, "502 Bad Gateway"),
    ("long html", {"html": LONG_HTML}, "Bad gateway, please retry later."),
    ("plain text", {"text": "upstream connect error"}, "upstream connect error"),
    ("non-envelope json", {"json": {"detail": "Model not found"}}, "Model not found"),
    ("error as a string", {"json": {"error": "Model not found"}}, "Model not found"),
    ("json list", {"json": ["nope"]}, "nope"),
    ("truncated json", {"content": b'{"error": {"code": "X", "mess'}, "mess"),
    ("binary", {"content": b"\xff\xfe\x00garbage"}, "garbage"),
]


ODD_BODY_STATUSES: list[tuple[int, type[APIStatusError]]] = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (429, RateLimitError),
    (503, InternalServerError),
    (418, APIStatusError),
]


@pytest.mark.parametrize(("name", "kwargs", "quoted"), ODD_BODIES)
async def test_any_body_gives_the_right_class_and_a_useful_message(
    h: Harness,
    router: respx.MockRouter,
    name: str,
    kwargs: dict[str, Any],
    quoted: str | None,
) -> None:
    route = router.get("/account/balance")
    client = h.make(max_retries=0)
    for status, cls in ODD_BODY_STATUSES:
        route.mock(return_value=httpx.Response(status, **kwargs))
        with pytest.raises(APIStatusError) as caught:
            await h.run(client.account.balance())
        error = caught.value
        assert type(error) is cls
        assert error.status_code == status
        assert error.code is None
        assert error.field_errors == {}
        message = str(error)
        assert message.startswith(f"HTTP {status}")
        assert httpx.codes.get_reason_phrase(status) in message
        if quoted is None:
            assert "empty body" in message
        else:
            assert quoted in message
        # An excerpt, not the whole page.
        assert len(message) < 400


async def test_top_level_message_of_a_non_envelope_body(
    h: Harness, router: respx.MockRouter
) -> None:
    body = {"code": "RATE", "message": "Slow down", "requestId": "top-1"}
    error = await balance_error(h, router, httpx.Response(429, json=body))
    assert type(error) is RateLimitError
    assert (error.code, error.request_id) == ("RATE", "top-1")
    assert "Slow down" in str(error)


@pytest.mark.parametrize("auth", ["header", "query"])
async def test_error_messages_never_contain_the_key(
    h: Harness, router: respx.MockRouter, auth: str
) -> None:
    route = router.get(path__startswith="/text/")
    client = h.make(auth=auth, max_retries=0)
    for status, cls in STATUS_CLASSES:
        route.mock(return_value=httpx.Response(status, json=envelope(status, "E", "nope")))
        with pytest.raises(cls) as caught:
            await h.run(client.text.generate("hi"))
        assert KEY not in str(caught.value)
        assert KEY not in repr(caught.value)
        assert KEY not in str(caught.value.body)
    assert route.call_count == len(STATUS_CLASSES)


async def test_streaming_call_with_an_error_status(h: Harness, router: respx.MockRouter) -> None:
    router.post("/v1/chat/completions").mock(
        return_value=httpx.Response(
            401, json=envelope(401, "UNAUTHORIZED", "Invalid API key", request_id="s-1")
        )
    )
    client = h.make()
    with pytest.raises(AuthenticationError) as caught:
        await h.run(
            client.chat.completions.create(
                messages=[{"role": "user", "content": "hi"}], stream=True
            )
        )
    assert "Invalid API key" in str(caught.value)
    assert caught.value.request_id == "s-1"
    assert caught.value.response.is_closed


async def test_text_stream_with_a_server_error(h: Harness, router: respx.MockRouter) -> None:
    router.get(path__startswith="/text/").mock(
        return_value=httpx.Response(500, html="<h1>Internal Server Error</h1>")
    )
    client = h.make(max_retries=0)
    with pytest.raises(InternalServerError) as caught:
        await h.run(client.text.stream("hi"))
    assert "Internal Server Error" in str(caught.value)


# ---------------------------------------------------------------- unusable 200 bodies


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("balance", "/account/balance", b"{not json"),
        ("balance", "/account/balance", b"[3, 4]"),  # not an object
        ("profile", "/account/profile", b"<html>login</html>"),
        ("usage", "/account/usage", b'"the usage"'),
    ],
)
async def test_invalid_json_with_200_is_a_validation_error(
    h: Harness, router: respx.MockRouter, method: str, path: str, body: bytes
) -> None:
    router.get(path).mock(
        return_value=httpx.Response(200, content=body, headers={"content-type": "application/json"})
    )
    client = h.make()
    with pytest.raises(APIResponseValidationError) as caught:
        await h.run(getattr(client.account, method)())
    error = caught.value
    assert isinstance(error, APIError)
    assert error.status_code == 200
    assert "200" in str(error)
    assert body.decode()[:8] in str(error)


async def test_a_body_missing_fields_or_with_odd_values_still_parses(
    h: Harness, router: respx.MockRouter
) -> None:
    """The server is not a validator we trust: what it leaves out reads None, what it
    sends of another type is kept as sent, and nothing is lost."""
    router.get("/account/balance").mock(return_value=httpx.Response(200, json={"pollen": 3}))
    router.get("/account/usage").mock(
        return_value=httpx.Response(200, json={"usage": [{"timestamp": "x", "cost_usd": "?"}]})
    )
    client = h.make()
    balance = await h.run(client.account.balance())
    assert balance.balance is None
    assert balance.additional_properties == {"pollen": 3}
    usage = await h.run(client.account.usage())
    assert usage.count is None
    [record] = usage.usage
    assert (record.timestamp, record.cost_usd, record.model) == ("x", "?", None)
    assert usage.to_dict() == {"usage": [{"timestamp": "x", "cost_usd": "?"}]}


async def test_chat_completion_with_invalid_json(h: Harness, router: respx.MockRouter) -> None:
    router.post("/v1/chat/completions").mock(return_value=httpx.Response(200, text="Hello!"))
    client = h.make()
    with pytest.raises(APIResponseValidationError) as caught:
        await h.run(client.chat.completions.create(messages=[{"role": "user", "content": "x"}]))
    assert "Hello!" in str(caught.value)


@pytest.mark.parametrize(("method", "path"), [("text", "/text/models"), ("list", "/v1/models")])
async def test_models_with_the_wrong_shape(
    h: Harness, router: respx.MockRouter, method: str, path: str
) -> None:
    router.get(path).mock(return_value=httpx.Response(200, json={"models": "?"}))
    client = h.make()
    with pytest.raises(APIResponseValidationError):
        await h.run(getattr(client.models, method)())


@pytest.mark.parametrize(
    "content_type", ["text/html; charset=utf-8", "application/json", "text/plain", None]
)
async def test_image_endpoint_answering_something_else(
    h: Harness, router: respx.MockRouter, content_type: str | None
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    router.get(path__startswith="/image/").mock(
        return_value=httpx.Response(
            200, content=b"<html>Cloudflare challenge</html>", headers=headers
        )
    )
    client = h.make()
    with pytest.raises(APIResponseValidationError) as caught:
        await h.run(client.images.generate("cat"))
    message = str(caught.value)
    assert (content_type or "no content type").split(";")[0] in message
    assert "Cloudflare challenge" in message


# ------------------------------------------------------------------ transport errors


@pytest.mark.parametrize(
    ("side_effect", "cls"),
    [
        (httpx.ConnectError, APIConnectionError),
        (httpx.ReadError, APIConnectionError),
        (httpx.RemoteProtocolError, APIConnectionError),
        (httpx.ConnectTimeout, APITimeoutError),
        (httpx.ReadTimeout, APITimeoutError),
        (httpx.PoolTimeout, APITimeoutError),
    ],
)
async def test_transport_errors_after_the_retries(
    h: Harness,
    router: respx.MockRouter,
    side_effect: type[httpx.TransportError],
    cls: type[APIConnectionError],
) -> None:
    route = router.get("/account/balance").mock(side_effect=side_effect)
    client = h.make()
    with pytest.raises(cls) as caught:
        await h.run(client.account.balance())
    assert type(caught.value) is cls
    assert isinstance(caught.value, PollinationsError)
    assert isinstance(caught.value.__cause__, side_effect)
    assert route.call_count == 3
    assert len(h.sleeps) == 2
    assert caught.value.request is not None


async def test_connection_error_message(h: Harness, router: respx.MockRouter) -> None:
    router.get("/account/balance").mock(side_effect=httpx.ConnectError("Connection refused"))
    client = h.make(max_retries=0, auth="query")
    with pytest.raises(APIConnectionError) as caught:
        await h.run(client.account.balance())
    assert "Connection refused" in str(caught.value)
    assert KEY not in str(caught.value)


async def test_timeout_error_message(h: Harness, router: respx.MockRouter) -> None:
    router.get("/account/balance").mock(side_effect=httpx.ReadTimeout("timed out"))
    client = h.make(max_retries=0, auth="query")
    with pytest.raises(APITimeoutError) as caught:
        await h.run(client.account.balance())
    assert "timed out" in str(caught.value).lower()
    assert KEY not in str(caught.value)


async def test_request_errors_that_are_not_transport_errors_are_not_retried(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.get("/account/balance").mock(side_effect=httpx.TooManyRedirects)
    client = h.make()
    with pytest.raises(APIConnectionError) as caught:
        await h.run(client.account.balance())
    assert isinstance(caught.value.__cause__, httpx.TooManyRedirects)
    assert route.call_count == 1
    assert h.sleeps == []


async def test_json_bodies_of_errors_are_kept(h: Harness, router: respx.MockRouter) -> None:
    body = {"anything": [1, 2, 3]}
    error = await balance_error(h, router, httpx.Response(409, content=json.dumps(body).encode()))
    assert error.body == body

"""Arguments are checked before any request, and the bounds agree with openapi.yaml."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import respx
import yaml
from _custom_helpers import BASE_URL, KEY, Client, Harness, answer_everything

from pollinations_client.custom import (
    AsyncPollinations,
    InvalidParameterError,
    Pollinations,
    PollinationsError,
)
from pollinations_client.custom import _openapi as openapi
from pollinations_client.custom import _validation as validation

pytestmark = pytest.mark.anyio

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"
MAX_SAFE = 2**53 - 1
USER = [{"role": "user", "content": "hi"}]


@pytest.fixture(scope="module")
def clients() -> Iterator[dict[str, Client]]:
    sync_client = Pollinations(api_key=KEY, base_url=BASE_URL)
    async_client = AsyncPollinations(api_key=KEY, base_url=BASE_URL)
    yield {"sync": sync_client, "async": async_client}
    sync_client.close()
    asyncio.run(async_client.close())


@pytest.fixture
def router(monkeypatch: pytest.MonkeyPatch) -> Iterator[respx.MockRouter]:
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as mock:
        mock.route().mock(side_effect=answer_everything)
        yield mock


Call = Callable[[Any], object]


def img(**params: Any) -> Call:
    return lambda c: c.images.generate("a cat", **params)


def txt(**params: Any) -> Call:
    return lambda c: c.text.generate("hi", **params)


def chat(messages: Any = USER, **params: Any) -> Call:
    return lambda c: c.chat.completions.create(messages=messages, **params)


class Unserialisable:
    pass


INVALID: list[Any] = [
    # prompts
    pytest.param(lambda c: c.images.generate(""), "prompt", id="image-empty-prompt"),
    pytest.param(lambda c: c.images.generate("  \n\t"), "prompt", id="image-blank-prompt"),
    pytest.param(lambda c: c.images.generate(123), "prompt", id="image-int-prompt"),
    pytest.param(lambda c: c.images.generate(None), "prompt", id="image-none-prompt"),
    pytest.param(lambda c: c.images.generate(b"cat"), "prompt", id="image-bytes-prompt"),
    pytest.param(lambda c: c.text.generate(" "), "prompt", id="text-blank-prompt"),
    pytest.param(lambda c: c.text.generate(["hi"]), "prompt", id="text-list-prompt"),
    pytest.param(lambda c: c.text.stream(""), "prompt", id="text-stream-empty-prompt"),
    # sizes and seeds
    pytest.param(img(width=-1), "width", id="width-negative"),
    pytest.param(img(width=512.0), "width", id="width-float"),
    pytest.param(img(width=True), "width", id="width-bool"),
    pytest.param(img(width="512"), "width", id="width-str"),
    pytest.param(img(height=-5), "height", id="height-negative"),
    pytest.param(img(height=1.5), "height", id="height-float"),
    pytest.param(img(height=False), "height", id="height-bool"),
    pytest.param(img(seed=-2), "seed", id="image-seed-below"),
    pytest.param(img(seed=2**31), "seed", id="image-seed-above"),
    pytest.param(img(width=2**53), "width", id="width-above"),
    pytest.param(img(seed=1.0), "seed", id="image-seed-float"),
    pytest.param(img(seed=True), "seed", id="image-seed-bool"),
    pytest.param(txt(seed=-2), "seed", id="text-seed-below"),
    pytest.param(txt(seed=2**53), "seed", id="text-seed-above"),
    pytest.param(chat(seed=-2), "seed", id="chat-seed-below"),
    pytest.param(chat(seed=2**53), "seed", id="chat-seed-above"),
    # image options
    pytest.param(img(image="ftp://x.example/a.png"), "image", id="image-ftp"),
    pytest.param(img(image="x.example/a.png"), "image", id="image-no-scheme"),
    pytest.param(img(image="https://"), "image", id="image-no-host"),
    pytest.param(img(image=42), "image", id="image-int"),
    pytest.param(img(image=[]), "image", id="image-empty-list"),
    pytest.param(img(image=["https://a.example/1.png", "nope"]), "image[1]", id="image-list"),
    pytest.param(img(image=("file:///etc/passwd",)), "image[0]", id="image-tuple"),
    pytest.param(img(quality="ultra"), "quality", id="quality-unknown"),
    pytest.param(img(quality=3), "quality", id="quality-int"),
    pytest.param(img(duration=0), "duration", id="duration-below"),
    pytest.param(img(duration=11), "duration", id="duration-above"),
    pytest.param(img(enhance="yes"), "enhance", id="enhance-str"),
    pytest.param(img(transparent=1), "transparent", id="transparent-int"),
    pytest.param(img(model=7), "model", id="image-model-int"),
    pytest.param(img(aspect_ratio=16 / 9), "aspect_ratio", id="aspect-ratio-float"),
    # temperature and friends
    pytest.param(txt(temperature=math.nan), "temperature", id="text-temperature-nan"),
    pytest.param(txt(temperature=True), "temperature", id="text-temperature-bool"),
    pytest.param(txt(temperature="1"), "temperature", id="text-temperature-str"),
    pytest.param(txt(json="true"), "json", id="text-json-str"),
    pytest.param(chat(temperature=-0.01), "temperature", id="chat-temperature-below"),
    pytest.param(chat(temperature=2.5), "temperature", id="chat-temperature-above"),
    pytest.param(chat(temperature=math.inf), "temperature", id="chat-temperature-inf"),
    pytest.param(chat(top_p=1.5), "top_p", id="top-p-above"),
    pytest.param(chat(top_p=-0.1), "top_p", id="top-p-below"),
    pytest.param(chat(frequency_penalty=2.5), "frequency_penalty", id="frequency-penalty"),
    pytest.param(chat(presence_penalty=-3), "presence_penalty", id="presence-penalty"),
    pytest.param(chat(repetition_penalty=-0.5), "repetition_penalty", id="repetition-penalty"),
    pytest.param(chat(top_logprobs=21), "top_logprobs", id="top-logprobs"),
    pytest.param(chat(max_tokens=-1), "max_tokens", id="max-tokens"),
    pytest.param(chat(thinking_budget=-1), "thinking_budget", id="thinking-budget"),
    pytest.param(chat(logprobs="yes"), "logprobs", id="logprobs-str"),
    pytest.param(chat(model=3), "model", id="chat-model-int"),
    # messages
    pytest.param(chat(messages=[]), "messages", id="messages-empty"),
    pytest.param(chat(messages="hi"), "messages", id="messages-str"),
    pytest.param(chat(messages={"role": "user", "content": "hi"}), "messages", id="messages-dict"),
    pytest.param(chat(messages=None), "messages", id="messages-none"),
    pytest.param(chat(messages=["hi"]), "messages[0]", id="message-str"),
    pytest.param(chat(messages=[{"content": "hi"}]), "messages[0].role", id="message-no-role"),
    pytest.param(
        chat(messages=[{"role": "wizard", "content": "hi"}]),
        "messages[0].role",
        id="message-unknown-role",
    ),
    pytest.param(chat(messages=[{"role": "user"}]), "messages[0].content", id="user-no-content"),
    pytest.param(
        chat(messages=[{"role": "system", "content": None}]),
        "messages[0].content",
        id="system-null-content",
    ),
    pytest.param(
        chat(messages=[{"role": "user", "content": []}]),
        "messages[0].content",
        id="content-empty-list",
    ),
    pytest.param(
        chat(messages=[{"role": "user", "content": 5}]),
        "messages[0].content",
        id="content-int",
    ),
    pytest.param(
        chat(messages=[{"role": "user", "content": ["hi"]}]),
        "messages[0].content[0]",
        id="content-part-str",
    ),
    pytest.param(
        chat(messages=[*USER, {"role": "assistant"}]),
        "messages[1].content",
        id="assistant-without-content-or-tool-calls",
    ),
    pytest.param(
        chat(messages=[*USER, {"role": "tool", "content": "42"}]),
        "messages[1].tool_call_id",
        id="tool-without-id",
    ),
    pytest.param(
        chat(messages=[*USER, {"role": "function", "content": "42"}]),
        "messages[1].name",
        id="function-without-name",
    ),
    pytest.param(
        chat(messages=[{"role": "user", "content": "hi", "name": Unserialisable()}]),
        "messages[0].name",
        id="message-unserialisable",
    ),
    pytest.param(
        chat(
            messages=[
                *USER,
                {"role": "user", "content": [{"type": "text", "text": {1, 2}}]},
            ]
        ),
        "messages[1].content[0].text",
        id="content-part-unserialisable",
    ),
    pytest.param(
        chat(messages=[{"role": "user", "content": "hi", "weight": math.nan}]),
        "messages[0].weight",
        id="message-nan",
    ),
    pytest.param(
        chat(extra_body={"metadata": {"when": Unserialisable()}}),
        "metadata.when",
        id="extra-body-unserialisable",
    ),
    # account
    pytest.param(lambda c: c.account.usage(limit=0), "limit", id="usage-limit-0"),
    pytest.param(lambda c: c.account.usage(limit=50001), "limit", id="usage-limit-above"),
    pytest.param(lambda c: c.account.usage(limit=True), "limit", id="usage-limit-bool"),
    pytest.param(lambda c: c.account.usage(before=20250101), "before", id="usage-before-int"),
    pytest.param(lambda c: c.account.usage_csv(limit=0), "limit", id="usage-csv-limit"),
    pytest.param(lambda c: c.account.iter_usage(page_size=0), "page_size", id="iter-usage-size"),
    pytest.param(
        lambda c: c.account.iter_usage(page_size=50001), "page_size", id="iter-usage-size-above"
    ),
]


@pytest.mark.parametrize(("call", "field"), INVALID)
async def test_invalid_arguments_are_refused_before_any_request(
    h: Harness, router: respx.MockRouter, clients: dict[str, Client], call: Call, field: str
) -> None:
    client = h.adopt(clients)
    with pytest.raises(InvalidParameterError) as caught:
        await h.drive(call(client))
    error = caught.value
    assert error.field == field
    assert str(error).startswith(f"{field}: ")
    assert isinstance(error, ValueError)
    assert isinstance(error, PollinationsError)
    assert not router.calls


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(img(colour="red"), id="images.generate"),
        pytest.param(lambda c: c.images.url("cat", aspectRatio="16:9"), id="images.url"),
        pytest.param(txt(bogus=1), id="text.generate"),
        pytest.param(lambda c: c.text.stream("hi", stream=True), id="text.stream"),
        pytest.param(chat(temprature=1.0), id="chat.completions.create"),
        pytest.param(lambda c: c.account.usage(format="csv"), id="account.usage"),
    ],
)
async def test_unknown_keyword_arguments_are_a_type_error(
    h: Harness, router: respx.MockRouter, clients: dict[str, Client], call: Call
) -> None:
    client = h.adopt(clients)
    with pytest.raises(TypeError):
        await h.run(call(client))
    assert not router.calls


VALID: list[Any] = [
    pytest.param(img(width=0, height=0), id="size-zero"),
    pytest.param(img(seed=-1), id="image-seed-min"),
    pytest.param(img(seed=2**31 - 1), id="image-seed-max"),
    pytest.param(img(width=MAX_SAFE, height=MAX_SAFE), id="size-max"),
    pytest.param(img(duration=1), id="duration-min"),
    pytest.param(img(duration=10), id="duration-max"),
    pytest.param(img(quality="low"), id="quality-low"),
    pytest.param(img(image="http://a.example/x.png"), id="image-http"),
    pytest.param(txt(temperature=0), id="text-temperature-zero"),
    pytest.param(txt(temperature=7.5), id="text-temperature-unbounded"),
    pytest.param(txt(seed=MAX_SAFE), id="text-seed-max"),
    pytest.param(chat(temperature=2, top_p=0, seed=-1), id="chat-bounds-low"),
    pytest.param(chat(top_p=1.0, seed=MAX_SAFE, top_logprobs=20, max_tokens=0), id="chat-high"),
    pytest.param(
        chat(frequency_penalty=-2, presence_penalty=2.0, repetition_penalty=0), id="penalties"
    ),
    pytest.param(
        chat(
            messages=[
                {"role": "developer", "content": "rules"},
                {"role": "user", "content": [{"type": "text", "text": "hi"}]},
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "c",
                            "type": "function",
                            "function": {"name": "f", "arguments": "{}"},
                        }
                    ],
                },
                {"role": "tool", "content": "42", "tool_call_id": "c"},
                {"role": "function", "content": None, "name": "f"},
            ]
        ),
        id="every-role",
    ),
    pytest.param(lambda c: c.account.usage(limit=1), id="usage-limit-min"),
    pytest.param(lambda c: c.account.usage(limit=50000), id="usage-limit-max"),
]


@pytest.mark.parametrize("call", VALID)
async def test_values_at_the_bounds_are_sent(
    h: Harness, router: respx.MockRouter, clients: dict[str, Client], call: Call
) -> None:
    client = h.adopt(clients)
    await h.run(call(client))
    assert router.calls.call_count == 1


# ----------------------------------------------------- every bound of openapi.yaml
# Read from openapi.yaml here, independently of pollinations_client/params.py, and tried
# through the public methods: each bound the spec gives is enforced, before any request,
# and the values at the bound are sent.


def _load_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle)
    assert isinstance(loaded, dict)
    return loaded


SPEC = _load_spec()


RESOLVER = openapi.Resolver(SPEC)


def resolve(node: Any) -> Any:
    """Follow local `$ref`s until the node is not a reference."""
    return RESOLVER.deref(node)[0]


WAV = b"RIFF\x24\x00\x00\x00WAVEfmt "
#: Every operation that takes arguments, called through its public method.
CALLERS: dict[str, Callable[..., Any]] = {
    "generate_image": lambda c, **kw: c.images.generate("a cat", **kw),
    "generate_text": lambda c, **kw: c.text.generate("hi", **kw),
    "create_chat_completion": lambda c, **kw: c.chat.completions.create(messages=USER, **kw),
    "generate_audio": lambda c, **kw: c.audio.generate("hi", **kw),
    "create_speech": lambda c, **kw: c.audio.speech.create(**{"input": "hi", **kw}),
    "create_transcription": lambda c, **kw: c.audio.transcriptions.create(file=WAV, **kw),
    "get_account_usage": lambda c, **kw: c.account.usage(**kw),
    "get_account_usage_daily": lambda c, **kw: c.account.usage_daily(**kw),
}
#: Arguments a method takes itself, tried by the tests above (`messages`, the prompt).
TAKEN_ITSELF = {"messages", "prompt", "text", "file", "stream", "format"}


def _arguments() -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    """(operationId, wire name, resolved schema) of every argument in openapi.yaml."""
    for path, method, operation in openapi.iter_operations(SPEC["paths"]):
        operation_id = operation["operationId"]
        for (location, name), (_, parameter) in openapi.parameters(RESOLVER, path, method).items():
            if location != "path":
                yield operation_id, name, resolve(parameter["schema"])
        body = operation.get("requestBody", {}).get("content", {})
        for content in body.values():
            schema = resolve(content["schema"])
            for name, prop in schema.get("properties", {}).items():
                yield operation_id, name, resolve(prop)


def _python_name(operation_id: str, wire: str) -> str:
    from pollinations_client.params import OPERATIONS

    return next(p.name for p in OPERATIONS[operation_id].parameters if p.wire == wire)


def _bounded(schema: Mapping[str, Any]) -> Mapping[str, Any] | None:
    for branch in [schema, *(resolve(b) for b in schema.get("anyOf", []))]:
        if "minimum" in branch or "maximum" in branch:
            return branch  # type: ignore[no-any-return]
    return None


def _bound_cases() -> Iterator[Any]:
    for operation_id, wire, schema in _arguments():
        branch = _bounded(schema)
        if branch is None:
            continue
        name = _python_name(operation_id, wire)
        step = 1 if branch.get("type") == "integer" else 0.01
        for key, outside in (("minimum", -step), ("maximum", step)):
            if key in branch:
                yield pytest.param(
                    operation_id, name, branch[key], branch[key] + outside,
                    id=f"{operation_id}-{name}-{key}",
                )  # fmt: skip


BOUND_CASES = list(_bound_cases())


def test_the_spec_has_the_bounds_these_tests_try() -> None:
    tried = {(p.values[0], p.values[1]) for p in BOUND_CASES}
    assert {
        ("generate_image", "width"),
        ("generate_image", "seed"),
        ("generate_image", "duration"),
        ("create_chat_completion", "temperature"),
        ("create_chat_completion", "top_logprobs"),
        ("create_speech", "speed"),
        ("get_account_usage", "limit"),
    } <= tried
    assert {operation_id for operation_id, _ in tried} <= set(CALLERS)


@pytest.mark.parametrize(("operation_id", "name", "bound", "outside"), BOUND_CASES)
async def test_every_bound_of_the_spec_is_enforced_before_sending(
    h: Harness,
    router: respx.MockRouter,
    clients: dict[str, Client],
    operation_id: str,
    name: str,
    bound: Any,
    outside: Any,
) -> None:
    client = h.adopt(clients)
    call = CALLERS[operation_id]
    with pytest.raises(InvalidParameterError) as caught:
        await h.run(call(client, **{name: outside}))
    assert caught.value.field == name
    assert not router.calls
    await h.run(call(client, **{name: bound}))
    assert router.calls.call_count == 1


def _enum_cases() -> Iterator[Any]:
    for operation_id, wire, schema in _arguments():
        branches = [schema, *(resolve(b) for b in schema.get("anyOf", []))]
        if "enum" in schema and not any(b.get("type") == "string" and "enum" not in b
                                        for b in branches):  # fmt: skip
            name = _python_name(operation_id, wire)
            if name not in TAKEN_ITSELF:
                yield pytest.param(operation_id, name, schema["enum"], id=f"{operation_id}-{name}")
        for branch in (resolve(b) for b in schema.get("anyOf", [])):
            if "enum" in branch and not any(
                b.get("type") == "string" and "enum" not in b for b in branches
            ):
                yield pytest.param(
                    operation_id, _python_name(operation_id, wire), branch["enum"],
                    id=f"{operation_id}-{wire}",
                )  # fmt: skip


ENUM_CASES = list(_enum_cases())


@pytest.mark.parametrize(("operation_id", "name", "allowed"), ENUM_CASES)
async def test_every_closed_enum_of_the_spec_is_enforced(
    h: Harness,
    router: respx.MockRouter,
    clients: dict[str, Client],
    operation_id: str,
    name: str,
    allowed: list[Any],
) -> None:
    client = h.adopt(clients)
    call = CALLERS[operation_id]
    with pytest.raises(InvalidParameterError) as caught:
        await h.run(call(client, **{name: "not-a-value"}))
    assert caught.value.field == name
    assert "must be one of" in str(caught.value)
    assert not router.calls
    await h.run(call(client, **{name: allowed[-1]}))
    assert router.calls.call_count == 1


def test_closed_enums_are_tried() -> None:
    tried = {(p.values[0], p.values[1]) for p in ENUM_CASES}
    assert ("generate_image", "quality") in tried
    assert ("create_speech", "response_format") in tried


def test_the_text_temperature_has_no_bounds_as_upstream_says() -> None:
    """The server sets no bound on /text temperature (upstream's README); nor does the client."""
    (schema,) = [
        s for op, wire, s in _arguments() if (op, wire) == ("generate_text", "temperature")
    ]
    assert _bounded(schema) is None


# ------------------------------------------- the fast check and the one that explains

SAMPLE_VALUES: list[Any] = [
    None, True, False, 0, 1, -1, 7, 2**31, 2**53, -(2**60), 0.0, 0.5, -0.5, 1.5, 2.0, 4.5,
    1e300, math.nan, math.inf, -math.inf, "", "a", "openai", "zimage", "low", "hd", "mp3",
    "pcm", "json", "csv", "x" * 5000, "2025-01-01 00:00:00", [], ["a"], [1, 2], [{}],
    [{"role": "user", "content": "hi"}], ["text", "audio"], ("a", "b"), {}, {"type": "x"},
    {"a": 1}, object(),
]  # fmt: skip


def _all_schemas() -> Iterator[tuple[str, Mapping[str, Any]]]:
    from pollinations_client.params import OPERATIONS

    def walk(where: str, schema: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
        yield where, schema
        for key in ("anyOf", "oneOf", "allOf"):
            for i, branch in enumerate(schema.get(key) or ()):
                yield from walk(f"{where}/{key}/{i}", branch)
        if schema.get("items"):
            yield from walk(f"{where}/items", schema["items"])

    for operation in OPERATIONS.values():
        for parameter in operation.parameters:
            yield from walk(f"{operation.operation_id}.{parameter.name}", parameter.schema)


def test_the_fast_check_agrees_with_the_one_that_explains() -> None:
    """check_argument answers "fits" from a compiled predicate and explains a misfit with
    `_problem`: for every schema of the spec and a spread of values, the two agree."""
    checked = 0
    for where, schema in _all_schemas():
        for value in SAMPLE_VALUES:
            fits = validation.fits(value, schema)
            problem = validation._problem(value, schema, "field")
            assert fits == (problem is None), (where, schema, value, problem)
            checked += 1
    assert checked > 3000

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
    pytest.param(lambda c: c.account.usage(limit=10.0), "limit", id="usage-limit-float"),
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


# -------------------------------------------------------------- bounds vs openapi.yaml


def _load_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle)
    assert isinstance(loaded, dict)
    return loaded


SPEC = _load_spec()


def resolve(node: Any) -> Any:
    """Follow local `$ref`s until the node is not a reference."""
    while isinstance(node, Mapping) and "$ref" in node:
        pointer = node["$ref"]
        assert pointer.startswith("#/")
        target: Any = SPEC
        for part in pointer[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def parameter_schema(path: str, name: str, method: str = "get") -> Mapping[str, Any]:
    operation = SPEC["paths"][path][method]
    for parameter in operation["parameters"]:
        parameter = resolve(parameter)
        if parameter["name"] == name:
            return resolve(parameter["schema"])  # type: ignore[no-any-return]
    raise AssertionError(f"{method.upper()} {path} has no parameter {name}")


def property_schema(schema_name: str, name: str) -> Mapping[str, Any]:
    schema = resolve(SPEC["components"]["schemas"][schema_name])
    return resolve(schema["properties"][name])  # type: ignore[no-any-return]


def bounds(schema: Mapping[str, Any]) -> tuple[Any, Any]:
    """(minimum, maximum) of a schema, or of its one bounded branch (`anyOf: [number, null]`)."""
    bounded = [schema, *(resolve(branch) for branch in schema.get("anyOf", []))]
    found = [branch for branch in bounded if "minimum" in branch and "maximum" in branch]
    assert len(found) == 1, schema
    return found[0]["minimum"], found[0]["maximum"]


BOUNDS: list[Any] = [
    pytest.param("IMAGE_SEED_RANGE", parameter_schema("/image/{prompt}", "seed"), id="image-seed"),
    pytest.param("SIZE_RANGE", parameter_schema("/image/{prompt}", "width"), id="width"),
    pytest.param("SIZE_RANGE", parameter_schema("/image/{prompt}", "height"), id="height"),
    pytest.param("SEED_RANGE", parameter_schema("/text/{prompt}", "seed"), id="text-seed"),
    pytest.param("SEED_RANGE", property_schema("ChatCompletionRequest", "seed"), id="chat-seed"),
    pytest.param(
        "TEMPERATURE_RANGE",
        property_schema("ChatCompletionRequest", "temperature"),
        id="chat-temperature",
    ),
    pytest.param("TOP_P_RANGE", property_schema("ChatCompletionRequest", "top_p"), id="top_p"),
    pytest.param(
        "PENALTY_RANGE",
        property_schema("ChatCompletionRequest", "frequency_penalty"),
        id="frequency_penalty",
    ),
    pytest.param(
        "PENALTY_RANGE",
        property_schema("ChatCompletionRequest", "presence_penalty"),
        id="presence_penalty",
    ),
    pytest.param(
        "REPETITION_PENALTY_RANGE",
        property_schema("ChatCompletionRequest", "repetition_penalty"),
        id="repetition_penalty",
    ),
    pytest.param("DURATION_RANGE", parameter_schema("/image/{prompt}", "duration"), id="duration"),
    pytest.param(
        "TOP_LOGPROBS_RANGE",
        property_schema("ChatCompletionRequest", "top_logprobs"),
        id="top_logprobs",
    ),
    pytest.param(
        "USAGE_LIMIT_RANGE", parameter_schema("/account/usage", "limit"), id="usage-limit"
    ),
    pytest.param(
        "TOKEN_COUNT_RANGE",
        property_schema("ChatCompletionRequest", "max_tokens"),
        id="max_tokens",
    ),
    pytest.param(
        "TOKEN_COUNT_RANGE",
        property_schema("ChatCompletionRequest", "thinking_budget"),
        id="thinking_budget",
    ),
]


@pytest.mark.parametrize(("constant", "schema"), BOUNDS)
def test_bounds_match_the_spec(constant: str, schema: Mapping[str, Any]) -> None:
    value = getattr(validation, constant)
    assert isinstance(value, tuple)
    assert value == bounds(schema)
    # Integers stay integers: an integer parameter must not get float bounds.
    branches = [schema, *(resolve(branch) for branch in schema.get("anyOf", []))]
    if any(branch.get("type") == "integer" for branch in branches):
        assert all(isinstance(bound, int) for bound in value)


def test_every_bound_constant_is_checked_against_the_spec() -> None:
    constants = {name for name in vars(validation) if name.endswith("_RANGE")}
    checked = {param.values[0] for param in BOUNDS}
    assert constants == checked
    assert validation.MAX_SAFE_INTEGER == MAX_SAFE


def test_the_text_temperature_has_no_bounds_as_upstream_says() -> None:
    """The server sets no bound on /text temperature (upstream's README); nor does the client."""
    schema = parameter_schema("/text/{prompt}", "temperature")
    assert "minimum" not in schema and "maximum" not in schema


def test_quality_values_match_the_spec() -> None:
    from pollinations_client.models import ImageQuality

    schema = resolve(parameter_schema("/image/{prompt}", "quality"))
    assert sorted(schema["enum"]) == sorted(q.value for q in ImageQuality)

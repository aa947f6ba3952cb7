"""The generated models parse what the API sends and give it back unchanged.

The example and nullable-field tables are derived from openapi.yaml, so a new example or
a new nullable field is covered without touching this file.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

import attrs
import pytest
from _spec import (
    Example,
    examples,
    is_null_schema,
    is_nullable,
    minimal_instance,
    model_class,
    object_schemas,
    ref_name,
    resolve,
    schema_errors,
    spec,
)

from pollinations_client.models import (
    AssistantMessage,
    AudioOutputOptions,
    AudioVoice,
    BuiltinTool,
    BuiltinToolType,
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionRequest,
    CompletionUsage,
    CustomContentPart,
    DeveloperMessage,
    FileContentPart,
    FunctionCallMode,
    FunctionMessage,
    FunctionTool,
    ImageUrlContentPart,
    InputAudioContentPart,
    NamedFunctionCall,
    NamedToolChoice,
    RedactedThinkingContentBlock,
    ResponseFormatJsonObject,
    ResponseFormatJsonSchema,
    ResponseFormatText,
    SystemMessage,
    TextContentPart,
    TextModelName,
    ThinkingContentBlock,
    Tier,
    ToolCallDelta,
    ToolCallFunctionDelta,
    ToolChoiceMode,
    ToolMessage,
    UserMessage,
    UserProfile,
    VideoUrlContentPart,
)

SPEC = spec()
SCHEMAS = "#/components/schemas/"


def assert_round_trip(cls: Any, data: Any) -> Any:
    """`cls.from_dict(data)` gives back `data` exactly, and parsing its own output gives
    an equal object. Returns the parsed object."""
    original = copy.deepcopy(data)
    parsed = cls.from_dict(data)
    assert data == original, "from_dict must not mutate its input"
    dumped = parsed.to_dict()
    assert dumped == original
    assert cls.from_dict(dumped) == parsed
    # JSON types survive too (True is not 1, 1 is not 1.0 for the checks above, but
    # == hides bool/int: compare the type tree).
    assert _types(dumped) == _types(original)
    return parsed


def _types(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _types(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_types(item) for item in value]
    return type(value).__name__


# ------------------------------------------------------------------------- examples


def _model_of(schema: Mapping[str, Any]) -> tuple[str, bool] | None:
    """(component name, is_array) for a schema that a generated model parses, else None."""
    name = ref_name(schema)
    if name is not None and "properties" in resolve(SPEC, schema):
        return name, False
    if schema.get("type") == "array":
        item = ref_name(schema["items"])
        if item is not None and "properties" in resolve(SPEC, schema["items"]):
            return item, True
    return None


EXAMPLES = examples(SPEC)
MODEL_EXAMPLES = [e for e in EXAMPLES if _model_of(e.schema) is not None]
OTHER_EXAMPLES = [e for e in EXAMPLES if _model_of(e.schema) is None]


def test_every_example_is_covered() -> None:
    assert len(EXAMPLES) >= 20
    # What no model parses must be a plain string body (text/plain and the like).
    for example in OTHER_EXAMPLES:
        assert resolve(SPEC, example.schema).get("type") == "string", example.ident
        assert isinstance(example.value, str), example.ident
    assert {e.ident for e in OTHER_EXAMPLES} == {"generate_text 200 text/plain"}


@pytest.mark.parametrize("example", MODEL_EXAMPLES, ids=[e.ident for e in MODEL_EXAMPLES])
def test_example_round_trips(example: Example) -> None:
    found = _model_of(example.schema)
    assert found is not None
    name, is_array = found
    cls = model_class(name)
    assert cls.__name__ == name
    if is_array:
        assert isinstance(example.value, list)
        assert example.value, "an array example should show an item"
        for item in example.value:
            assert isinstance(assert_round_trip(cls, item), cls)
    else:
        assert isinstance(assert_round_trip(cls, example.value), cls)


def test_model_info_arrays() -> None:
    by_ident = {e.ident: e for e in MODEL_EXAMPLES}
    for ident in (
        "list_image_models 200 application/json",
        "list_text_models 200 application/json",
    ):
        models = [model_class("ModelInfo").from_dict(item) for item in by_ident[ident].value]
        assert [m.name for m in models] == [""]
        pricing = models[0].pricing
        assert pricing.currency == "pollen"
        assert pricing.additional_properties == {"propertyName*": 1}


# ------------------------------------------------------------------------- nullable

NULLABLE = [
    (name, prop)
    for name, schema in object_schemas(SPEC).items()
    for prop, prop_schema in schema["properties"].items()
    if is_nullable(SPEC, prop_schema)
]


def test_nullable_fields_are_found() -> None:
    # spot checks from spec-notes.md, so that the walk cannot silently find nothing
    for expected in (
        ("ChatCompletionRequest", "temperature"),
        ("ChatCompletionRequest", "stop"),
        ("ChatCompletionRequest", "logit_bias"),
        ("ChatCompletionChoice", "finish_reason"),
        ("ChatCompletionMessage", "content"),
        ("ChatCompletionMessage", "audio"),
        ("ChatCompletion", "system_fingerprint"),
        ("UserProfile", "nextResetAt"),
        ("UsageRecord", "response_time_ms"),
        ("AssistantMessage", "content"),
        ("ChoiceDelta", "tool_calls"),
        ("ChatCompletionChunk", "usage"),
    ):
        assert expected in NULLABLE
    assert len(NULLABLE) >= 50


@pytest.mark.parametrize(("schema_name", "prop"), NULLABLE, ids=[f"{s}.{p}" for s, p in NULLABLE])
def test_null_in_nullable_field(schema_name: str, prop: str) -> None:
    data = minimal_instance(SPEC, {"$ref": SCHEMAS + schema_name})
    data[prop] = None
    assert schema_errors(SPEC, SCHEMAS + schema_name, data) == []
    parsed = assert_round_trip(model_class(schema_name), data)
    assert getattr(parsed, _python_name(parsed, prop)) is None


def _python_name(obj: Any, json_name: str) -> str:
    """The attribute the generator made of a JSON field: snake_case, `_` after names that
    shadow builtins or keywords (`type_`, `bytes_`)."""
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", json_name).lower()
    for candidate in (snake, snake + "_"):
        if candidate in attrs.fields_dict(type(obj)):
            return candidate
    raise AssertionError(f"{type(obj).__name__} has no attribute for {json_name!r}")


def _nullify(schema: Any, value: Any) -> Any:
    """`value` with every nullable field that its schema declares set to null (present
    or not); walks objects, arrays and single-branch unions."""
    schema = resolve(SPEC, schema)
    if isinstance(value, dict) and "properties" in schema:
        result: dict[str, Any] = {}
        for key, item in value.items():
            prop = schema["properties"].get(key)
            if prop is None:
                result[key] = item
            elif is_nullable(SPEC, prop):
                result[key] = None
            else:
                result[key] = _nullify(prop, item)
        for key, prop in schema["properties"].items():
            if key not in result and is_nullable(SPEC, prop):
                result[key] = None
        return result
    if isinstance(value, list) and "items" in schema:
        return [_nullify(schema["items"], item) for item in value]
    for keyword in ("anyOf", "oneOf"):
        branches = [b for b in schema.get(keyword, []) if not is_null_schema(SPEC, b)]
        if len(branches) == 1:
            return _nullify(branches[0], value)
    return value


@pytest.mark.parametrize("example", MODEL_EXAMPLES, ids=[e.ident for e in MODEL_EXAMPLES])
def test_example_with_every_nullable_field_null(example: Example) -> None:
    data = _nullify(example.schema, copy.deepcopy(example.value))
    assert schema_errors(SPEC, example.schema_pointer, data) == []
    found = _model_of(example.schema)
    assert found is not None
    name, is_array = found
    for item in data if is_array else [data]:
        assert_round_trip(model_class(name), item)


def test_chat_completion_with_nulls_everywhere() -> None:
    data = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1700000000,
        "model": "openai",
        "system_fingerprint": None,
        "prompt_filter_results": None,
        "usage": {
            "completion_tokens": 1,
            "prompt_tokens": 2,
            "total_tokens": 3,
            "completion_tokens_details": None,
            "prompt_tokens_details": None,
        },
        "choices": [
            {
                "index": 0,
                "finish_reason": None,
                "logprobs": None,
                "content_filter_results": None,
                "message": {
                    "role": "assistant",
                    "content": None,
                    "reasoning_content": None,
                    "tool_calls": None,
                    "function_call": None,
                    "audio": None,
                    "content_blocks": None,
                },
            }
        ],
    }
    assert schema_errors(SPEC, SCHEMAS + "ChatCompletion", data) == []
    completion = assert_round_trip(ChatCompletion, data)
    assert completion.choices[0].message.content is None
    assert completion.choices[0].finish_reason is None
    assert completion.usage.prompt_tokens_details is None


# -------------------------------------------------------------------- extra fields


@pytest.mark.parametrize("schema_name", sorted(object_schemas(SPEC)))
def test_unknown_fields_are_kept(schema_name: str) -> None:
    schema = object_schemas(SPEC)[schema_name]
    extra_schema = schema.get("additionalProperties")
    extra: Any = {"nested": [1, "two", None, {"deep": True}]}
    if isinstance(extra_schema, Mapping):
        extra = minimal_instance(SPEC, extra_schema)
    data = minimal_instance(SPEC, {"$ref": SCHEMAS + schema_name})
    data["x_new_field"] = extra
    parsed = assert_round_trip(model_class(schema_name), data)
    assert parsed.additional_properties == {"x_new_field": extra}
    assert parsed["x_new_field"] == extra


def test_unknown_fields_are_kept_deep_inside_a_response() -> None:
    data = {
        "id": "c",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "usage": {"completion_tokens": 0, "prompt_tokens": 0, "total_tokens": 0, "cost": 0.5},
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "provider_specific": {"a": 1},
                "message": {"role": "assistant", "content": "hi", "annotations": []},
            }
        ],
        "service_tier": "default",
    }
    completion = assert_round_trip(ChatCompletion, data)
    assert completion.additional_properties == {"service_tier": "default"}
    assert completion.usage.additional_properties == {"cost": 0.5}
    assert completion.choices[0].additional_properties == {"provider_specific": {"a": 1}}
    assert completion.choices[0].message.additional_properties == {"annotations": []}


# ------------------------------------------------------------------- growing enums

PROFILE = {
    "name": "Ada",
    "email": "ada@example.com",
    "githubUsername": "ada",
    "tier": "anonymous",
    "createdAt": "2025-01-01T00:00:00Z",
    "nextResetAt": None,
}


def test_known_tier_is_the_enum_member() -> None:
    profile = assert_round_trip(UserProfile, PROFILE)
    assert profile.tier is Tier.ANONYMOUS


@pytest.mark.parametrize("tier", ["mythic", "Anonymous", ""])
def test_unknown_tier_is_kept_as_the_raw_string(tier: str) -> None:
    profile = assert_round_trip(UserProfile, {**PROFILE, "tier": tier})
    assert type(profile.tier) is str
    assert profile.tier == tier


def _completion(user_tier: str) -> dict[str, Any]:
    return {
        "id": "c",
        "object": "chat.completion",
        "created": 1,
        "model": "openai",
        "usage": {"completion_tokens": 0, "prompt_tokens": 0, "total_tokens": 0},
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}}],
        "user_tier": user_tier,
    }


def _chunk(user_tier: str) -> dict[str, Any]:
    return {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "openai",
        "choices": [{"index": 0, "delta": {"content": "hi"}}],
        "user_tier": user_tier,
    }


@pytest.mark.parametrize(
    ("cls", "make"),
    [(ChatCompletion, _completion), (ChatCompletionChunk, _chunk)],
    ids=["ChatCompletion", "ChatCompletionChunk"],
)
def test_user_tier_grows(cls: Any, make: Any) -> None:
    known = assert_round_trip(cls, make("flower"))
    assert known.user_tier is Tier.FLOWER
    unknown = assert_round_trip(cls, make("galaxy"))
    assert type(unknown.user_tier) is str
    assert unknown.user_tier == "galaxy"


def _request(**fields: Any) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": "Hello"}], **fields}


def test_request_model_grows() -> None:
    assert assert_round_trip(ChatCompletionRequest, _request(model="openai")).model is (
        TextModelName.OPENAI
    )
    request = assert_round_trip(ChatCompletionRequest, _request(model="gpt-from-the-future"))
    assert type(request.model) is str
    assert request.model == "gpt-from-the-future"
    # Built in Python too: both the enum member and a raw string serialise as the name.
    body = ChatCompletionRequest(
        messages=[UserMessage(role="user", content="Hello")], model="brand-new"
    ).to_dict()
    assert body == _request(model="brand-new")
    body = ChatCompletionRequest(
        messages=[UserMessage(role="user", content="Hello")], model=TextModelName.CLAUDE
    ).to_dict()
    assert body == _request(model="claude")


def test_voice_grows() -> None:
    known = assert_round_trip(AudioOutputOptions, {"voice": "alloy", "format": "mp3"})
    assert known.voice is AudioVoice.ALLOY
    unknown = assert_round_trip(AudioOutputOptions, {"voice": "marin", "format": "mp3"})
    assert type(unknown.voice) is str
    assert unknown.voice == "marin"
    request = assert_round_trip(
        ChatCompletionRequest,
        _request(modalities=["text", "audio"], audio={"voice": "marin", "format": "wav"}),
    )
    assert request.audio.voice == "marin"


# ------------------------------------------------------------------------- messages

PARTS: list[tuple[dict[str, Any], type]] = [
    ({"type": "text", "text": "Describe this"}, TextContentPart),
    (
        {"type": "text", "text": "cached", "cache_control": {"type": "ephemeral"}},
        TextContentPart,
    ),
    (
        {
            "type": "image_url",
            "image_url": {"url": "https://example.com/a.jpg", "detail": "low"},
        },
        ImageUrlContentPart,
    ),
    (
        {"type": "video_url", "video_url": {"url": "https://example.com/v.mp4"}},
        VideoUrlContentPart,
    ),
    (
        {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}},
        InputAudioContentPart,
    ),
    (
        {"type": "file", "file": {"file_url": "https://example.com/a.pdf", "mime_type": "x"}},
        FileContentPart,
    ),
    ({"type": "document", "source": {"kind": "url", "url": "u"}}, CustomContentPart),
]

MESSAGES: list[tuple[dict[str, Any], type]] = [
    ({"role": "system", "content": "Be brief.", "name": "rules"}, SystemMessage),
    (
        {"role": "developer", "content": "Answer in JSON.", "cache_control": {"type": "ephemeral"}},
        DeveloperMessage,
    ),
    ({"role": "user", "content": "Hello", "name": "ada"}, UserMessage),
    (
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'},
                }
            ],
        },
        AssistantMessage,
    ),
    ({"role": "assistant", "content": "Sunny.", "function_call": None}, AssistantMessage),
    ({"role": "tool", "content": '{"temp": 21}', "tool_call_id": "call_1"}, ToolMessage),
    ({"role": "tool", "content": None, "tool_call_id": "call_1"}, ToolMessage),
    ({"role": "function", "content": "21", "name": "get_weather"}, FunctionMessage),
    ({"role": "function", "content": None, "name": "get_weather"}, FunctionMessage),
]


@pytest.mark.parametrize(
    ("message", "cls"),
    MESSAGES,
    ids=[f"{m['role']}-{i}" for i, (m, _) in enumerate(MESSAGES)],
)
def test_each_role_parses_into_its_own_class(message: dict[str, Any], cls: type) -> None:
    assert schema_errors(SPEC, SCHEMAS + "ChatMessage", message) == []
    request = assert_round_trip(ChatCompletionRequest, {"messages": [message]})
    assert request.messages[0].role == message["role"]
    assert type(request.messages[0]) is cls


def test_all_six_roles_in_one_conversation() -> None:
    request = assert_round_trip(ChatCompletionRequest, {"messages": [m for m, _ in MESSAGES]})
    assert [type(m) for m in request.messages] == [cls for _, cls in MESSAGES]
    assert {cls.__name__ for _, cls in MESSAGES} == {
        "SystemMessage",
        "DeveloperMessage",
        "UserMessage",
        "AssistantMessage",
        "ToolMessage",
        "FunctionMessage",
    }


@pytest.mark.parametrize(
    ("part", "cls"), PARTS, ids=[f"{p['type']}-{i}" for i, (p, _) in enumerate(PARTS)]
)
@pytest.mark.parametrize("role", ["system", "developer", "user", "assistant", "tool"])
def test_content_parts(role: str, part: dict[str, Any], cls: type) -> None:
    message: dict[str, Any] = {"role": role, "content": [part]}
    if role == "tool":
        message["tool_call_id"] = "call_1"
    assert schema_errors(SPEC, SCHEMAS + "ChatMessage", message) == []
    request = assert_round_trip(ChatCompletionRequest, {"messages": [message]})
    content = request.messages[0].content
    assert isinstance(content, list)
    assert type(content[0]) is cls


def test_mixed_parts_and_string_content() -> None:
    parts = [part for part, _ in PARTS]
    request = assert_round_trip(
        ChatCompletionRequest,
        {"messages": [{"role": "user", "content": parts}, {"role": "user", "content": "plain"}]},
    )
    first, second = request.messages
    assert [type(p) for p in first.content] == [cls for _, cls in PARTS]
    assert second.content == "plain"
    custom = first.content[-1]
    assert custom.type_ == "document"
    assert custom.additional_properties == {"source": {"kind": "url", "url": "u"}}


@pytest.mark.parametrize(
    "message",
    [
        {"role": "robot", "content": "beep"},
        {"role": "critic", "content": "meh", "name": "x", "tool_call_id": "y"},
        {"content": "no role"},
    ],
)
def test_unknown_role_fails(message: dict[str, Any]) -> None:
    with pytest.raises((ValueError, KeyError, TypeError)):
        ChatCompletionRequest.from_dict({"messages": [message]})


def test_request_unions() -> None:
    cases: list[tuple[str, Any, Any]] = [
        ("response_format", {"type": "text"}, ResponseFormatText),
        ("response_format", {"type": "json_object"}, ResponseFormatJsonObject),
        (
            "response_format",
            {
                "type": "json_schema",
                "json_schema": {"name": "r", "schema": {"type": "object"}, "strict": None},
            },
            ResponseFormatJsonSchema,
        ),
        ("tool_choice", "required", ToolChoiceMode),
        ("tool_choice", {"type": "function", "function": {"name": "f"}}, NamedToolChoice),
        ("function_call", "auto", FunctionCallMode),
        ("function_call", {"name": "f"}, NamedFunctionCall),
    ]
    for field, value, cls in cases:
        data = _request(**{field: value})
        assert schema_errors(SPEC, SCHEMAS + "ChatCompletionRequest", data) == []
        assert isinstance(getattr(assert_round_trip(ChatCompletionRequest, data), field), cls)

    tools = [
        {"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}},
        {"type": "google_search"},
    ]
    request = assert_round_trip(ChatCompletionRequest, _request(tools=tools))
    assert [type(t) for t in request.tools] == [FunctionTool, BuiltinTool]
    assert request.tools[1].type_ is BuiltinToolType.GOOGLE_SEARCH
    for stop in ("\n", ["a", "b"], None):
        assert assert_round_trip(ChatCompletionRequest, _request(stop=stop)).stop == stop
    request = assert_round_trip(ChatCompletionRequest, _request(logit_bias={"50256": -100}))
    assert request.logit_bias.additional_properties == {"50256": -100}


def test_content_blocks_in_an_answer() -> None:
    blocks = [
        {"type": "thinking", "thinking": "Let me see."},
        {"type": "redacted_thinking", "data": "opaque"},
        {"type": "text", "text": "Here is the plot."},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
        {"type": "executable_code", "code": "print(1)", "language": "PYTHON"},
    ]
    data = _completion("seed")
    data["choices"][0]["message"]["content_blocks"] = blocks
    assert schema_errors(SPEC, SCHEMAS + "ChatCompletion", data) == []
    completion = assert_round_trip(ChatCompletion, data)
    assert [type(b) for b in completion.choices[0].message.content_blocks] == [
        ThinkingContentBlock,
        RedactedThinkingContentBlock,
        TextContentPart,
        ImageUrlContentPart,
        CustomContentPart,
    ]


# ---------------------------------------------------------------------- streaming

# A streamed answer that calls a tool, as the API sends it: one `data:` object per event.
STREAM: list[dict[str, Any]] = [
    {
        "id": "chatcmpl-9",
        "object": "chat.completion.chunk",
        "created": 1733000000,
        "model": "openai",
        "system_fingerprint": "fp_1",
        "choices": [
            {
                "index": 0,
                "delta": {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "index": 0,
                            "id": "call_abc",
                            "type": "function",
                            "function": {"name": "get_weather", "arguments": ""},
                        }
                    ],
                },
                "logprobs": None,
                "finish_reason": None,
            }
        ],
    },
    {
        "id": "chatcmpl-9",
        "object": "chat.completion.chunk",
        "created": 1733000000,
        "model": "openai",
        "choices": [
            {
                "index": 0,
                "delta": {"tool_calls": [{"index": 0, "function": {"arguments": '{"city":'}}]},
                "finish_reason": None,
            }
        ],
    },
    {
        "id": "chatcmpl-9",
        "object": "chat.completion.chunk",
        "created": 1733000000,
        "model": "openai",
        "choices": [
            {
                "index": 0,
                "delta": {"tool_calls": [{"index": 0, "function": {"arguments": '"Paris"}'}}]},
                "finish_reason": None,
            }
        ],
    },
    {
        "id": "chatcmpl-9",
        "object": "chat.completion.chunk",
        "created": 1733000000,
        "model": "openai",
        "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}],
        "user_tier": "seed",
    },
    {
        "id": "chatcmpl-9",
        "object": "chat.completion.chunk",
        "created": 1733000000,
        "model": "openai",
        "choices": [],
        "usage": {"completion_tokens": 12, "prompt_tokens": 30, "total_tokens": 42},
    },
]


@pytest.mark.parametrize("index", range(len(STREAM)))
def test_stream_chunk_parses(index: int) -> None:
    chunk = STREAM[index]
    assert schema_errors(SPEC, SCHEMAS + "ChatCompletionChunk", chunk) == []
    assert isinstance(assert_round_trip(ChatCompletionChunk, chunk), ChatCompletionChunk)


def test_stream_reassembles_the_tool_call() -> None:
    chunks = [ChatCompletionChunk.from_dict(c) for c in STREAM]
    deltas = chunks[0].choices[0].delta.tool_calls
    assert isinstance(deltas, list)
    first = deltas[0]
    assert isinstance(first, ToolCallDelta)
    assert isinstance(first.function, ToolCallFunctionDelta)
    assert (first.index, first.id, first.type_, first.function.name) == (
        0,
        "call_abc",
        "function",
        "get_weather",
    )
    arguments = ""
    for chunk in chunks:
        for choice in chunk.choices:
            for call in choice.delta.tool_calls or []:
                assert call.index == 0
                assert isinstance(call.function, ToolCallFunctionDelta)
                assert isinstance(call.function.arguments, str)
                arguments += call.function.arguments
    assert arguments == '{"city":"Paris"}'
    assert chunks[3].choices[0].finish_reason == "tool_calls"
    assert chunks[3].user_tier is Tier.SEED
    assert chunks[4].choices == []
    usage = chunks[4].usage
    assert isinstance(usage, CompletionUsage)
    assert usage.total_tokens == 42

"""The generated models are tolerant views over the JSON the API sends.

What is checked here, for every model the spec has (pollinations_client.types describes
the runtime): `from_dict(d).to_dict() == d` and `to_json()` parses back to `d`, whatever
`d` holds (nulls, unknown fields deep inside, values of an unexpected type, a missing
required field); a field that was not sent reads as None; `repr()` names exactly the
fields that were sent; unknown fields are kept in `additional_properties`, and models
whose schema declares `additionalProperties` also read like a mapping of them; an
unknown enum value stays a string; `format: date-time` fields read as datetimes but are
written back as the text that came in; unions pick the branch whose constants and
required keys match, else keep the raw value; models compare by value, are unhashable
and survive pickle and copy; constructors are keyword-only, None meaning "not given".

The tables (fields, nullable fields, optional fields, unknown fields, union branches...)
are derived from openapi.yaml and from the models' own field tables (`_FIELDS`), so a
new field, model or branch is covered without touching this file. Upstream's document
carries almost no examples, so the bodies the round trips run on are written here
(GATEWAY_BODIES), shaped like what the gateway sends and checked against the spec; any
media-type or component example upstream adds later is run the same way. The low-level
client's handling of error bodies is in test_low_level_http.py.
"""

from __future__ import annotations

import copy
import datetime
import inspect
import json
import pickle
import re
from collections.abc import Iterator, Mapping
from io import BytesIO
from typing import Any, cast

import pytest
from _spec import (
    Example,
    examples,
    is_null_schema,
    is_nullable,
    minimal_instance,
    model_class,
    object_schemas,
    operations,
    ref_name,
    resolve,
    schema_errors,
    spec,
)

import pollinations_client.models as generated_models
from pollinations_client.custom import _openapi as openapi
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
    CustomContentBlock,
    CustomContentPart,
    DeveloperMessage,
    ErrorResponse,
    FileContentPart,
    FunctionCallMode,
    FunctionMessage,
    FunctionTool,
    ImageUrlContentBlock,
    ImageUrlContentPart,
    InputAudioContentPart,
    KeyInfo,
    KeyType,
    LegacyFunction,
    LogitBias,
    ModelPricing,
    NamedFunctionCall,
    NamedToolChoice,
    RedactedThinkingContentBlock,
    ResponseFormatJsonObject,
    ResponseFormatJsonSchema,
    ResponseFormatText,
    SpeechRequest,
    SystemMessage,
    TextContentBlock,
    TextContentPart,
    TextModelName,
    ThinkingContentBlock,
    Tier,
    ToolCallDelta,
    ToolCallFunctionDelta,
    ToolChoiceMode,
    ToolMessage,
    TranscriptionRequest,
    TranscriptionRequestResponseFormat,
    UserMessage,
    UserProfile,
    VideoUrlContentPart,
)
from pollinations_client.types import UNSET, File, MappingModel, Model

SPEC = spec()
RESOLVER = openapi.Resolver(SPEC)
SCHEMAS = openapi.SCHEMAS
MESSAGE_ITEMS = SCHEMAS + "ChatCompletionRequest/properties/messages/items"
CONTENT_BLOCK_ITEMS = SCHEMAS + "ChatCompletionMessage/properties/content_blocks/anyOf/0/items"


def assert_round_trip(cls: Any, data: Any) -> Any:
    """`cls.from_dict(data)` gives back `data` exactly (same keys, same values, same JSON
    types: `==` alone hides True/1) through `to_dict()` and `to_json()`, `to_dict()` is
    a new dict that shares nothing with the model, reading every field changes nothing,
    and parsing the output gives an equal object. Returns the parsed object."""
    original = copy.deepcopy(data)
    parsed = cls.from_dict(data)
    assert isinstance(parsed, cls)
    models = list(walk_models(parsed))  # reads every field (and extra) of every model
    assert models[0] is parsed
    assert data == original, "from_dict and reading fields must not change the JSON"
    dumped = parsed.to_dict()
    assert dumped is not data
    assert dumped == original
    assert _types(dumped) == _types(original)
    as_json = json.loads(parsed.to_json())
    assert as_json == original
    assert _types(as_json) == _types(original)
    assert cls.from_dict(dumped) == parsed
    _scramble(dumped)  # to_dict() shares no dict or list with the model
    assert parsed.to_dict() == original
    return parsed


def _types(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _types(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_types(item) for item in value]
    return type(value).__name__


def _scramble(value: Any) -> None:
    """Empty every dict and list in `value`, innermost first."""
    if isinstance(value, dict):
        for item in value.values():
            _scramble(item)
        value.clear()
    elif isinstance(value, list):
        for item in value:
            _scramble(item)
        value.clear()


def fields_of(cls_or_model: Any) -> dict[str, Any]:
    """JSON key -> Field, as the runtime keeps them (`Field.name` is the Python name)."""
    cls = cls_or_model if isinstance(cls_or_model, type) else type(cls_or_model)
    assert issubclass(cls, Model), cls
    return dict(cls._FIELDS)


def python_name(cls_or_model: Any, json_name: str) -> str:
    """The attribute the generator made of a JSON field (`type_`, `github_username`)."""
    fields = fields_of(cls_or_model)
    assert json_name in fields, f"no field for {json_name!r}"
    name = fields[json_name].name
    assert isinstance(name, str)
    return name


def walk_models(value: Any) -> Iterator[Model]:
    """Every model in a parsed value, outermost first, reading every field and extra of
    each on the way: a field that was not sent must read None."""
    if isinstance(value, Model):
        yield value
        present = value.to_dict()
        for key, field in fields_of(value).items():
            read = getattr(value, field.name)
            if key not in present:
                assert read is None, f"{type(value).__name__}.{field.name} was not sent"
            yield from walk_models(read)
        extras = value.additional_properties
        for key in extras:
            assert key in present and key not in fields_of(value)
            assert extras[key] == present[key]  # the extras' types are JSON scalars or Any
    elif isinstance(value, list):
        for item in value:
            yield from walk_models(item)


def _top_level_items(text: str) -> list[str]:
    """`a=1, b=[2, 3], c='x, y'` -> ["a=1", "b=[2, 3]", "c='x, y'"]: split on the commas
    outside brackets and string literals (what a repr's arguments are made of)."""
    items: list[str] = []
    depth, start, quote, index = 0, 0, "", 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "([{<":
            depth += 1
        elif char in ")]}>":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(text[start:index].strip())
            start = index + 1
        index += 1
    assert depth == 0 and not quote, text
    if text[start:].strip():
        items.append(text[start:].strip())
    return items


def assert_repr_shows_what_was_sent(model: Model) -> None:
    """`repr()` names the fields that are present, by their Python names and in JSON
    order, each with the value it reads as, then `additional_properties={...}` if there
    are unknown keys; never `Unset`, never empty extras."""
    text = repr(model)
    name = type(model).__name__
    assert "Unset" not in text
    assert "additional_properties={}" not in text
    assert text.startswith(name + "(") and text.endswith(")"), text
    fields = fields_of(model)
    data = model.to_dict()
    expected = [
        f"{fields[key].name}={getattr(model, fields[key].name)!r}" for key in data if key in fields
    ]
    extras = {key: value for key, value in data.items() if key not in fields}
    if extras:
        expected.append(f"additional_properties={extras!r}")
    assert _top_level_items(text[len(name) + 1 : -1]) == expected


def _non_null_branches(schema: Mapping[str, Any]) -> list[Any]:
    return [
        branch
        for keyword in ("anyOf", "oneOf")
        for branch in schema.get(keyword, [])
        if not is_null_schema(SPEC, branch)
    ]


def _is_date_time(schema: Any) -> bool:
    schema = resolve(SPEC, schema)
    if schema.get("format") == "date-time" and "string" in openapi.declared_types(schema):
        return True
    return any(_is_date_time(branch) for branch in _non_null_branches(schema))


# A valid value of each string `format` (an empty string is neither an e-mail address nor
# an instant). The date-time is written as the gateway writes it, with `Z`.
FORMAT_SAMPLES = {"date-time": "2025-03-14T09:26:53.589Z", "email": "ada@example.com"}
# The same instant as Python writes it (what a model built from a datetime sends).
PYTHON_FORMAT_SAMPLES = {**FORMAT_SAMPLES, "date-time": "2025-03-14T09:26:53.589000+00:00"}


def _minimal(schema: Any, depth: int = 0, samples: Mapping[str, str] = FORMAT_SAMPLES) -> Any:
    """_spec.minimal_instance, but a string with a `format` is a valid one of it."""
    assert depth < 30, "schema recursion too deep"
    schema = resolve(SPEC, schema)
    if "const" in schema or "enum" in schema:
        return minimal_instance(SPEC, schema)
    branches = _non_null_branches(schema)
    if branches:
        return _minimal(branches[0], depth + 1, samples)
    if "string" in openapi.declared_types(schema) and schema.get("format") in samples:
        return samples[schema["format"]]
    if openapi.declared_types(schema) == {"number"} and "minimum" in schema:
        return schema["minimum"]  # minimal_instance rounds it down to an int
    if "properties" in schema:
        return {
            prop: _minimal(schema["properties"][prop], depth + 1, samples)
            for prop in schema.get("required", [])
        }
    if "array" in openapi.declared_types(schema):
        count = int(schema.get("minItems", 0))
        return [_minimal(schema["items"], depth + 1, samples) for _ in range(count)]
    return minimal_instance(SPEC, schema)


def _full(schema_name: str) -> dict[str, Any]:
    """A body of component `schema_name` with every property it names (each minimal)."""
    properties = JSON_OBJECTS[schema_name]["properties"]
    return {prop: _minimal(prop_schema) for prop, prop_schema in properties.items()}


def _nullable(schema: Any) -> bool:
    """_spec.is_nullable, looking into nested unions too: `stop` is
    `anyOf: [anyOf: [string, null], array]`."""
    schema = resolve(SPEC, schema)
    if is_nullable(SPEC, schema):
        return True
    return any(_nullable(branch) for branch in _non_null_branches(schema))


def _has_binary(schema: Mapping[str, Any]) -> bool:
    return any(
        resolve(SPEC, prop).get("format") == "binary" for prop in schema["properties"].values()
    )


# Objects with properties that JSON bodies carry (a multipart form with a file is not one).
JSON_OBJECTS = {
    name: schema for name, schema in object_schemas(SPEC).items() if not _has_binary(schema)
}
REQUIRED = {name: list(schema.get("required", [])) for name, schema in JSON_OBJECTS.items()}


# ------------------------------------------------------------------ gateway bodies

_SEVERITY = {"filtered": False, "severity": "safe"}
_DETECTED = {"filtered": False, "detected": False}
PROMPT_FILTER_RESULTS = [
    {
        "prompt_index": 0,
        "content_filter_results": {
            "hate": _SEVERITY,
            "jailbreak": _DETECTED,
            "self_harm": _SEVERITY,
            "sexual": _SEVERITY,
            "violence": _SEVERITY,
        },
    }
]
USAGE = {
    "completion_tokens": 18,
    "completion_tokens_details": {
        "accepted_prediction_tokens": 0,
        "audio_tokens": 0,
        "reasoning_tokens": 0,
        "rejected_prediction_tokens": 0,
    },
    "prompt_tokens": 9,
    "prompt_tokens_details": {"audio_tokens": 0, "cached_tokens": 0},
    "total_tokens": 27,
}


def _error(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {
        "status": status,
        "success": False,
        "error": {
            "code": code,
            "message": message,
            "timestamp": "2026-03-03T10:15:42.123Z",
            **extra,
        },
    }


# (operationId, status, media type) -> bodies the gateway answers (or, for `request`,
# takes) there. test_every_model_has_a_gateway_body keeps the table complete.
GATEWAY_BODIES: dict[tuple[str, str, str], list[Any]] = {
    ("get_account_profile", "200", "application/json"): [
        {
            "name": "Ada Lovelace",
            "email": "ada@example.com",
            "githubUsername": "ada",
            "image": "https://avatars.githubusercontent.com/u/1?v=4",
            "tier": "seed",
            "createdAt": "2025-03-14T09:26:53.589Z",
            "nextResetAt": "2026-03-04T00:00:00.000Z",
        },
        {
            "name": None,
            "email": None,
            "githubUsername": None,
            "image": None,
            "tier": "microbe",
            "createdAt": "2026-01-02T03:04:05Z",
            "nextResetAt": None,
        },
    ],
    ("get_account_balance", "200", "application/json"): [{"balance": 12.75}, {"balance": 0}],
    ("get_account_usage", "200", "application/json"): [
        {
            "usage": [
                {
                    "timestamp": "2026-03-02 14:03:11",
                    "type": "generate.text",
                    "model": "openai",
                    "api_key": "sk_...a1b2",
                    "api_key_type": "secret",
                    "meter_source": "tier",
                    "input_text_tokens": 412,
                    "input_cached_tokens": 0,
                    "input_audio_tokens": 0,
                    "input_image_tokens": 0,
                    "output_text_tokens": 96,
                    "output_reasoning_tokens": 0,
                    "output_audio_tokens": 0,
                    "output_image_tokens": 0,
                    "cost_usd": 0.000063,
                    "response_time_ms": 1834,
                },
                {
                    "timestamp": "2026-03-02 14:01:57",
                    "type": "generate.image",
                    "model": None,
                    "api_key": None,
                    "api_key_type": None,
                    "meter_source": None,
                    "input_text_tokens": 0,
                    "input_cached_tokens": 0,
                    "input_audio_tokens": 0,
                    "input_image_tokens": 0,
                    "output_text_tokens": 0,
                    "output_reasoning_tokens": 0,
                    "output_audio_tokens": 0,
                    "output_image_tokens": 1,
                    "cost_usd": 0.00012,
                    "response_time_ms": None,
                },
            ],
            "count": 2,
        },
        {"usage": [], "count": 0},
    ],
    ("get_account_usage_daily", "200", "application/json"): [
        {
            "usage": [
                {
                    "date": "2026-03-02",
                    "model": "flux",
                    "meter_source": "pack",
                    "requests": 14,
                    "cost_usd": 0.00168,
                },
                {
                    "date": "2026-03-01",
                    "model": None,
                    "meter_source": None,
                    "requests": 3,
                    "cost_usd": 0,
                },
            ],
            "count": 2,
        }
    ],
    ("get_account_key", "200", "application/json"): [
        {
            "valid": True,
            "type": "secret",
            "name": "laptop",
            "expiresAt": None,
            "expiresIn": None,
            "permissions": {"models": None, "account": ["balance", "usage"]},
            "pollenBudget": None,
            "rateLimitEnabled": False,
        },
        {
            "valid": True,
            "type": "publishable",
            "name": None,
            "expiresAt": "2026-04-01T00:00:00.000Z",
            "expiresIn": 2491200,
            "permissions": {"models": ["flux", "openai"], "account": None},
            "pollenBudget": 5.5,
            "rateLimitEnabled": True,
        },
    ],
    ("list_models", "200", "application/json"): [
        {
            "object": "list",
            "data": [
                {"id": "openai", "object": "model", "created": 1704067200},
                {"id": "gemini-fast", "object": "model", "created": 1704067200},
            ],
        }
    ],
    ("list_image_models", "200", "application/json"): [
        [
            {
                "name": "flux",
                "aliases": [],
                "pricing": {"currency": "pollen", "completionImageTokens": 0.00012},
                "description": "Flux Schnell - Fast high-quality image generation",
                "input_modalities": ["text"],
                "output_modalities": ["image"],
                "tools": False,
                "reasoning": False,
                "is_specialized": False,
            },
            {
                "name": "veo",
                "aliases": ["video"],
                "pricing": {"currency": "pollen", "completionVideoSeconds": 0.15},
                "description": "Veo 3.1 Fast - Google's video generation model",
                "input_modalities": ["text", "image"],
                "output_modalities": ["video"],
                "paid_only": True,
            },
        ]
    ],
    ("list_text_models", "200", "application/json"): [
        [
            {
                "name": "openai",
                "aliases": ["gpt-5-nano"],
                "pricing": {
                    "currency": "pollen",
                    "promptTextTokens": 5.5e-08,
                    "promptCachedTokens": 1.4e-08,
                    "completionTextTokens": 4.4e-07,
                },
                "description": "OpenAI GPT-5 Nano - Fast & Affordable",
                "input_modalities": ["text", "image"],
                "output_modalities": ["text"],
                "tools": True,
                "reasoning": False,
                "context_window": 128000,
                "is_specialized": False,
            }
        ]
    ],
    ("list_audio_models", "200", "application/json"): [
        [
            {
                "name": "elevenlabs",
                "aliases": ["tts-1"],
                "pricing": {"currency": "pollen", "completionAudioSeconds": 0.0002},
                "description": "ElevenLabs v3 TTS - Expressive speech",
                "input_modalities": ["text"],
                "output_modalities": ["audio"],
                "voices": ["alloy", "rachel", "nova"],
            }
        ]
    ],
    ("create_chat_completion", "request", "application/json"): [
        {"messages": [{"role": "user", "content": "Hello"}]},
        {
            "model": "openai",
            "messages": [
                {"role": "system", "content": "Answer briefly."},
                {
                    "role": "user",
                    "content": [
                        {"type": "text", "text": "What is on this picture?"},
                        {
                            "type": "image_url",
                            "image_url": {"url": "https://example.com/a.jpg", "detail": "low"},
                        },
                    ],
                },
            ],
            "temperature": 0.2,
            "top_p": 1,
            "max_tokens": 300,
            "seed": 42,
            "stop": ["\n\n"],
            "stream": False,
            "logprobs": True,
            "top_logprobs": 2,
            "logit_bias": {"50256": -100},
            "response_format": {"type": "json_object"},
            "reasoning_effort": "low",
            "parallel_tool_calls": True,
            "tools": [
                {
                    "type": "function",
                    "function": {
                        "name": "get_weather",
                        "description": "Weather of a city",
                        "parameters": {
                            "type": "object",
                            "properties": {"city": {"type": "string"}},
                            "required": ["city"],
                        },
                        "strict": True,
                    },
                }
            ],
            "tool_choice": "auto",
            "user": "ada",
        },
        {
            "model": "openai-audio",
            "messages": [{"role": "user", "content": "Say hi"}],
            "modalities": ["text", "audio"],
            "audio": {"voice": "nova", "format": "mp3"},
            "stream": True,
            "stream_options": {"include_usage": True},
            "thinking": {"type": "enabled", "budget_tokens": 1024},
        },
    ],
    ("create_chat_completion", "200", "application/json"): [
        {
            "id": "chatcmpl-CZ6b2nOiPz0Jx1X6yUq4r7s9t0v1w",
            "object": "chat.completion",
            "created": 1772532942,
            "model": "gpt-5-nano-2025-08-07",
            "system_fingerprint": None,
            "prompt_filter_results": PROMPT_FILTER_RESULTS,
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "logprobs": None,
                    "content_filter_results": {
                        "hate": _SEVERITY,
                        "protected_material_code": _DETECTED,
                        "protected_material_text": _DETECTED,
                        "self_harm": _SEVERITY,
                        "sexual": _SEVERITY,
                        "violence": _SEVERITY,
                    },
                    "message": {
                        "role": "assistant",
                        "content": "Hello! How can I help you today?",
                        "annotations": [],
                        "refusal": None,
                    },
                }
            ],
            "usage": USAGE,
            "user_tier": "seed",
        },
        {
            "id": "chatcmpl-2",
            "object": "chat.completion",
            "created": 1772532950,
            "model": "claude-sonnet-4-5",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "tool_calls",
                    "message": {
                        "role": "assistant",
                        "content": None,
                        "reasoning_content": "The user wants the weather in Paris.",
                        "tool_calls": [
                            {
                                "id": "toolu_01",
                                "type": "function",
                                "function": {
                                    "name": "get_weather",
                                    "arguments": '{"city":"Paris"}',
                                },
                            }
                        ],
                        "content_blocks": [
                            {
                                "type": "thinking",
                                "thinking": "The user wants the weather in Paris.",
                                "signature": "EqQBCgIYAhIM",
                            }
                        ],
                    },
                    "logprobs": {
                        "content": [
                            {
                                "token": "Hi",
                                "logprob": -0.01,
                                "bytes": [72, 105],
                                "top_logprobs": [
                                    {"token": "Hi", "logprob": -0.01, "bytes": [72, 105]},
                                    {"token": "Hello", "logprob": -4.6, "bytes": None},
                                ],
                            }
                        ]
                    },
                }
            ],
            "usage": {"completion_tokens": 40, "prompt_tokens": 310, "total_tokens": 350},
            "user_tier": "flower",
        },
        {
            "id": "chatcmpl-3",
            "object": "chat.completion",
            "created": 1772532960,
            "model": "sonar",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {
                        "role": "assistant",
                        "content": "Paris is sunny today [1].",
                        "audio": {
                            "id": "audio_1",
                            "data": "SUQzBAAAAAAA",
                            "transcript": "Paris is sunny today.",
                            "expires_at": 1772536560,
                        },
                    },
                }
            ],
            "citations": ["https://example.com/weather"],
            "usage": USAGE,
            "user_tier": "router",
        },
    ],
    ("create_chat_completion", "400", "application/json"): [
        _error(
            400,
            "BAD_REQUEST",
            "Something was wrong with the input data, check the details for more info.",
            details={
                "name": "ValidationError",
                "formErrors": [],
                "fieldErrors": {"messages": ["Required"]},
            },
            requestId="req_8f2c",
        )
    ],
    ("create_chat_completion", "401", "application/json"): [
        _error(
            401,
            "UNAUTHORIZED",
            "You need to authenticate by providing a session cookie or Authorization header"
            " (Bearer token).",
        )
    ],
    ("create_chat_completion", "402", "application/json"): [
        _error(402, "PAYMENT_REQUIRED", "Insufficient pollen balance.")
    ],
    ("create_chat_completion", "429", "application/json"): [
        _error(429, "RATE_LIMITED", "Too many requests, retry in 12 seconds.")
    ],
    ("create_chat_completion", "500", "application/json"): [
        _error(
            500,
            "INTERNAL_ERROR",
            "Oh snap, something went wrong on our end. We're on it!",
            details={"name": "TypeError", "stack": "TypeError: x is undefined\n    at f"},
            cause={"code": "ECONNRESET"},
        )
    ],
    ("create_chat_completion", "502", "application/json"): [
        _error(
            502,
            "UPSTREAM_ERROR",
            "The model provider refused the request.",
            details={"name": "UpstreamError"},
            cause=None,
        )
    ],
    ("create_speech", "request", "application/json"): [
        {"input": "Hello, welcome to Pollinations!"},
        {"model": "tts-1", "input": "Bonjour", "voice": "shimmer", "response_format": "wav"},
        {
            "model": "elevenmusic",
            "input": "calm piano",
            "duration": 30,
            "instrumental": True,
            "speed": 1.25,
        },
    ],
    ("create_transcription", "200", "application/json"): [
        {"text": "Hello, welcome to Pollinations!"},
        {"text": "Bonjour", "language": "fr", "duration": 1.2},
    ],
}


def _gateway_examples() -> list[Example]:
    found = []
    ops = operations(SPEC)
    for (operation_id, status, media_type), bodies in GATEWAY_BODIES.items():
        op = ops[operation_id]
        where = "requestBody" if status == "request" else f"responses/{status}"
        media = openapi.escape(media_type)
        pointer = f"{op.pointer}/{where}/content/{media}/schema"
        for index, body in enumerate(bodies):
            found.append(
                Example(
                    ident=f"{operation_id} {status} {media_type} gateway[{index}]",
                    schema_pointer=pointer,
                    schema=openapi.get(SPEC, pointer),
                    value=body,
                    media_type=media_type,
                )
            )
    return found


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


SPEC_EXAMPLES = examples(SPEC)
EXAMPLES = SPEC_EXAMPLES + _gateway_examples()
MODEL_EXAMPLES = [e for e in EXAMPLES if _model_of(e.schema) is not None]
OTHER_EXAMPLES = [e for e in EXAMPLES if _model_of(e.schema) is None]


def _bodies_of(example: Example, value: Any = None) -> list[tuple[Any, Any]]:
    """(model class, JSON object) for each object `example` (or `value`, shaped like it)
    holds: the body itself, or each item of an array body."""
    found = _model_of(example.schema)
    assert found is not None
    name, is_array = found
    value = example.value if value is None else value
    cls = model_class(name)
    assert cls.__name__ == name
    if is_array:
        assert isinstance(value, list)
        assert value, "an array example should show an item"
        return [(cls, item) for item in value]
    return [(cls, value)]


MODEL_BODIES = [
    (f"{example.ident}[{index}]", cls, body)
    for example in MODEL_EXAMPLES
    for index, (cls, body) in enumerate(_bodies_of(example))
]


def _json_bodies() -> dict[tuple[str, str, str], str]:
    """(operationId, status or `request`, media type) -> the model each JSON body of
    every operation parses into."""
    found: dict[tuple[str, str, str], str] = {}
    for op in operations(SPEC).values():
        places = [("request", op.node.get("requestBody", {}))]
        places += list(op.node.get("responses", {}).items())
        for status, place in places:
            for media_type, media in resolve(SPEC, place).get("content", {}).items():
                model = _model_of(media.get("schema", {}))
                if model is not None and media_type == "application/json":
                    found[(op.operation_id, status, media_type)] = model[0]
    return found


RESPONSE_MODELS = sorted(
    {name for (_, where, _), name in _json_bodies().items() if where != "request"}
)


def test_every_example_is_covered() -> None:
    # What no model parses must be a plain string body (text/plain and the like).
    for example in OTHER_EXAMPLES:
        assert resolve(SPEC, example.schema).get("type") == "string", example.ident
        assert isinstance(example.value, str), example.ident
    # Every body written here sits where the spec has a JSON body a model parses.
    bodies = _json_bodies()
    for key, values in GATEWAY_BODIES.items():
        assert key in bodies, f"{key}: no such JSON body in openapi.yaml"
        assert values, key


def test_every_model_has_a_gateway_body() -> None:
    bodies = _json_bodies()
    covered: set[str] = set()
    for example in MODEL_EXAMPLES:
        found = _model_of(example.schema)
        assert found is not None
        covered.add(found[0])
    assert set(bodies.values()) - covered == set()
    # spot checks, so that the walk cannot silently find nothing
    for name in ("UserProfile", "KeyInfo", "ModelInfo", "ChatCompletion", "ErrorResponse"):
        assert name in covered
        assert name in RESPONSE_MODELS
    assert {"ChatCompletionRequest", "SpeechRequest"} <= covered
    assert "ChatCompletionRequest" not in RESPONSE_MODELS


@pytest.mark.parametrize("example", MODEL_EXAMPLES, ids=[e.ident for e in MODEL_EXAMPLES])
def test_example_round_trips(example: Example) -> None:
    assert schema_errors(SPEC, example.schema_pointer, example.value) == []
    for cls, body in _bodies_of(example):
        assert isinstance(assert_round_trip(cls, body), cls)


@pytest.mark.parametrize("example", MODEL_EXAMPLES, ids=[e.ident for e in MODEL_EXAMPLES])
def test_repr_of_examples(example: Example) -> None:
    """Every model inside every example body, as sent, with every nullable field null
    and with an unknown field: repr() names what is there and nothing else."""
    nulled = _nullify(example.schema, copy.deepcopy(example.value))
    variants = [*_bodies_of(example), *_bodies_of(example, nulled)]
    variants += [(cls, {**body, "x_new_field": [1]}) for cls, body in _bodies_of(example)]
    for cls, body in variants:
        models = list(walk_models(cls.from_dict(copy.deepcopy(body))))
        for model in models:
            assert_repr_shows_what_was_sent(model)


def test_repr_examples() -> None:
    assert repr(UserMessage(content="hi")) == "UserMessage(content='hi', role='user')"
    assert repr(ChatCompletion.from_dict({})) == "ChatCompletion()"
    usage = CompletionUsage.from_dict({"total_tokens": 3, "prompt_tokens": None, "cost": 0.5})
    assert repr(usage) == (
        "CompletionUsage(total_tokens=3, prompt_tokens=None, additional_properties={'cost': 0.5})"
    )
    profile = UserProfile.from_dict({"tier": "seed", "githubUsername": "ada"})
    assert repr(profile) == "UserProfile(tier=<Tier.SEED: 'seed'>, github_username='ada')"
    pricing = ModelPricing.from_dict({"currency": "pollen", "completionTextTokens": 4.4e-07})
    assert repr(pricing) == (
        "ModelPricing(currency='pollen', additional_properties={'completionTextTokens': 4.4e-07})"
    )


def _property_examples() -> dict[str, dict[str, Any]]:
    """Component -> a body made of the `example` of each of its properties that has one
    (upstream's only examples), plus whatever else it requires."""
    found: dict[str, dict[str, Any]] = {}
    for name, schema in JSON_OBJECTS.items():
        values = {p: s["example"] for p, s in schema["properties"].items() if "example" in s}
        if values:
            found[name] = {**_minimal({"$ref": SCHEMAS + name}), **values}
    return found


def test_property_examples_round_trip() -> None:
    found = _property_examples()
    assert "SpeechRequest" in found
    for name, body in found.items():
        assert schema_errors(SPEC, SCHEMAS + name, body) == [], name
        for model in walk_models(assert_round_trip(model_class(name), body)):
            assert_repr_shows_what_was_sent(model)
    speech = SpeechRequest.from_dict(found["SpeechRequest"])
    assert speech.voice is AudioVoice.RACHEL


MODEL_LISTS = ("list_image_models", "list_text_models", "list_audio_models")


@pytest.mark.parametrize("operation_id", MODEL_LISTS)
def test_model_info_arrays(operation_id: str) -> None:
    (body,) = GATEWAY_BODIES[(operation_id, "200", "application/json")]
    models = [model_class("ModelInfo").from_dict(item) for item in body]
    assert [m.name for m in models] == [item["name"] for item in body]
    for model, item in zip(models, body, strict=True):
        # `currency` is a field; each meter is an extra property with its price.
        assert isinstance(model.pricing, ModelPricing)
        assert model.pricing.currency == "pollen"
        meters = {k: v for k, v in item["pricing"].items() if k != "currency"}
        assert meters
        assert model.pricing.additional_properties == meters
        for meter, price in meters.items():
            assert model.pricing[meter] == price
            assert type(model.pricing[meter]) is float
        assert model.additional_properties == {}
    if operation_id == "list_audio_models":
        assert models[0].voices == ["alloy", "rachel", "nova"]


# --------------------------------------------------------------------------- fields


@pytest.mark.parametrize("schema_name", sorted(JSON_OBJECTS))
def test_fields_match_the_spec(schema_name: str) -> None:
    schema = JSON_OBJECTS[schema_name]
    cls = model_class(schema_name)
    fields = fields_of(cls)
    assert set(fields) == set(schema["properties"])
    assert set(cls._REQUIRED) == set(schema.get("required", []))
    for key, field in fields.items():
        assert field.key == key
        # snake_case, with `_` after names that shadow builtins or keywords (`type_`)
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()
        assert field.name in (snake, snake + "_"), (key, field.name)
        assert getattr(cls, field.name) is field
        # Field.kind: only `format: date-time` turns a string into a datetime.
        parsed = field.kind.parse(FORMAT_SAMPLES["date-time"])
        is_date_time = _is_date_time(schema["properties"][key])
        assert isinstance(parsed, datetime.datetime) == is_date_time, key


# ------------------------------------------------------------------ optional fields

OPTIONAL = [
    (name, prop)
    for name, schema in JSON_OBJECTS.items()
    for prop in schema["properties"]
    if prop not in REQUIRED[name]
]


def test_optional_fields_are_found() -> None:
    for expected in (
        ("ChatCompletionRequest", "temperature"),
        ("ChatCompletion", "user_tier"),
        ("ErrorInfo", "details"),
        ("ErrorInfo", "requestId"),
        ("ModelInfo", "paid_only"),
    ):
        assert expected in OPTIONAL
    assert ("UserProfile", "tier") not in OPTIONAL
    assert len(OPTIONAL) >= 100


@pytest.mark.parametrize(("schema_name", "prop"), OPTIONAL, ids=[f"{s}.{p}" for s, p in OPTIONAL])
def test_optional_field_given(schema_name: str, prop: str) -> None:
    schema = JSON_OBJECTS[schema_name]
    data = {**_minimal({"$ref": SCHEMAS + schema_name}), prop: _minimal(schema["properties"][prop])}
    assert schema_errors(SPEC, SCHEMAS + schema_name, data) == []
    parsed = assert_round_trip(model_class(schema_name), data)
    read = getattr(parsed, python_name(parsed, prop))
    assert (read is None) == (data[prop] is None)
    assert_repr_shows_what_was_sent(parsed)


@pytest.mark.parametrize(("schema_name", "prop"), OPTIONAL, ids=[f"{s}.{p}" for s, p in OPTIONAL])
def test_optional_field_left_out(schema_name: str, prop: str) -> None:
    data = _full(schema_name)
    del data[prop]
    assert schema_errors(SPEC, SCHEMAS + schema_name, data) == []
    parsed = assert_round_trip(model_class(schema_name), data)
    assert getattr(parsed, python_name(parsed, prop)) is None
    assert prop not in parsed.to_dict()
    assert_repr_shows_what_was_sent(parsed)


@pytest.mark.parametrize("schema_name", sorted(JSON_OBJECTS))
def test_body_with_every_field(schema_name: str) -> None:
    data = _full(schema_name)
    assert schema_errors(SPEC, SCHEMAS + schema_name, data) == []
    parsed = assert_round_trip(model_class(schema_name), data)
    assert list(parsed.to_dict()) == list(data)  # JSON order kept
    for model in walk_models(parsed):
        assert_repr_shows_what_was_sent(model)


# ------------------------------------------------------------------------- nullable

NULLABLE = [
    (name, prop)
    for name, schema in JSON_OBJECTS.items()
    for prop, prop_schema in schema["properties"].items()
    if _nullable(prop_schema)
]


def test_nullable_fields_are_found() -> None:
    # spot checks, so that the walk cannot silently find nothing
    for expected in (
        ("ChatCompletionRequest", "temperature"),
        ("ChatCompletionRequest", "stop"),
        ("ChatCompletionRequest", "logit_bias"),
        ("ChatCompletionChoice", "finish_reason"),
        ("ChatCompletionChoice", "logprobs"),
        ("ChatCompletionMessage", "content"),
        ("ChatCompletionMessage", "audio"),
        ("ChatCompletion", "system_fingerprint"),
        ("UserProfile", "nextResetAt"),
        ("UserProfile", "image"),
        ("KeyInfo", "pollenBudget"),
        ("KeyPermissions", "models"),
        ("UsageRecord", "response_time_ms"),
        ("DailyUsage", "model"),
        ("AssistantMessage", "content"),
        ("ToolMessage", "content"),
        ("TokenLogprob", "bytes"),
        ("ChoiceDelta", "tool_calls"),
        ("ChatCompletionChunk", "usage"),
    ):
        assert expected in NULLABLE
    assert len(NULLABLE) >= 50


@pytest.mark.parametrize(("schema_name", "prop"), NULLABLE, ids=[f"{s}.{p}" for s, p in NULLABLE])
def test_null_in_nullable_field(schema_name: str, prop: str) -> None:
    data = _minimal({"$ref": SCHEMAS + schema_name})
    data[prop] = None
    assert schema_errors(SPEC, SCHEMAS + schema_name, data) == []
    parsed = assert_round_trip(model_class(schema_name), data)
    assert getattr(parsed, python_name(parsed, prop)) is None
    assert parsed.to_dict()[prop] is None  # a null that was sent is sent back
    assert f"{python_name(parsed, prop)}=None" in repr(parsed)


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
            elif _nullable(prop):
                result[key] = None
            else:
                result[key] = _nullify(prop, item)
        for key, prop in schema["properties"].items():
            if key not in result and _nullable(prop):
                result[key] = None
        return result
    if isinstance(value, list) and "items" in schema:
        return [_nullify(schema["items"], item) for item in value]
    branches = _non_null_branches(schema)
    if len(branches) == 1:
        return _nullify(branches[0], value)
    return value


@pytest.mark.parametrize("example", MODEL_EXAMPLES, ids=[e.ident for e in MODEL_EXAMPLES])
def test_example_with_every_nullable_field_null(example: Example) -> None:
    data = _nullify(example.schema, copy.deepcopy(example.value))
    assert schema_errors(SPEC, example.schema_pointer, data) == []
    for cls, body in _bodies_of(example, data):
        assert_round_trip(cls, body)


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
    message = completion.choices[0].message
    assert (message.content, message.tool_calls, message.content_blocks) == (None, None, None)
    assert completion.choices[0].finish_reason is None
    assert completion.choices[0].logprobs is None
    assert completion.usage.prompt_tokens_details is None
    assert completion.user_tier is None  # not sent at all
    assert "user_tier" not in completion.to_dict()


def test_user_profile_of_an_account_without_details() -> None:
    # Upstream requires every profile field, null where the account has nothing.
    (_, body) = GATEWAY_BODIES[("get_account_profile", "200", "application/json")]
    profile = assert_round_trip(UserProfile, body)
    assert (profile.name, profile.email, profile.github_username, profile.image) == (
        None,
        None,
        None,
        None,
    )
    assert profile.next_reset_at is None
    assert profile.tier is Tier.MICROBE


# ----------------------------------------------------------- missing and wrong values


@pytest.mark.parametrize("schema_name", sorted(JSON_OBJECTS))
def test_missing_required_fields_read_none(schema_name: str) -> None:
    """A body without any of the required fields (empty, or with every optional field)
    parses; each required field reads None and the body comes back as it was."""
    cls = model_class(schema_name)
    required = REQUIRED[schema_name]
    optional_only = {k: v for k, v in _full(schema_name).items() if k not in required}
    for data in ({}, optional_only):
        if required:
            assert schema_errors(SPEC, SCHEMAS + schema_name, data) != []
        parsed = assert_round_trip(cls, data)
        for prop in required:
            assert getattr(parsed, python_name(cls, prop)) is None
        assert_repr_shows_what_was_sent(parsed)
    assert repr(cls.from_dict({})) == f"{schema_name}()"


def test_every_response_model_is_checked_without_its_required_fields() -> None:
    assert set(RESPONSE_MODELS) <= set(JSON_OBJECTS)  # each one is in the table above
    with_required = {name for name in RESPONSE_MODELS if REQUIRED[name]}
    assert {"UserProfile", "Balance", "KeyInfo", "ChatCompletion", "ErrorResponse"} <= with_required
    assert len(with_required) >= len(RESPONSE_MODELS) - 1  # Transcription requires nothing


def _accepts(schema: Any, value: Any) -> bool:
    """Whether a value's JSON type is one the schema admits (every type for `{}`)."""
    types = RESOLVER.types(schema)
    return types is None or any(openapi.is_json_type(value, name) for name in types)


# A value of each JSON type, none of them null.
WRONG_VALUES: list[Any] = [{"unexpected": [1, "two"]}, "nope", [1, "two"], True, 12345]


def _wrong_typed() -> list[tuple[str, str, Any]]:
    """(component, property, a value of a JSON type the property does not accept), for
    every property that does not accept anything."""
    found = []
    for name, schema in JSON_OBJECTS.items():
        for prop, prop_schema in schema["properties"].items():
            wrong = [value for value in WRONG_VALUES if not _accepts(prop_schema, value)]
            if wrong:
                found.append((name, prop, wrong[0]))
    return found


WRONG_TYPED = _wrong_typed()


def test_wrong_typed_table() -> None:
    found = {(name, prop): value for name, prop, value in WRONG_TYPED}
    # a scalar, a nested model, a list, an enum, a constant, a union
    assert found[("ChatCompletion", "created")] == {"unexpected": [1, "two"]}
    assert found[("ChatCompletion", "usage")] == "nope"
    assert found[("ChatCompletion", "choices")] == {"unexpected": [1, "two"]}
    assert found[("UserProfile", "tier")] == {"unexpected": [1, "two"]}
    assert found[("UserMessage", "role")] == {"unexpected": [1, "two"]}
    assert found[("ChatCompletionRequest", "tool_choice")] == [1, "two"]
    assert ("ErrorInfo", "cause") not in found  # `{}`: anything is right
    assert len(WRONG_TYPED) >= 250


@pytest.mark.parametrize(
    ("schema_name", "prop", "value"), WRONG_TYPED, ids=[f"{s}.{p}" for s, p, _ in WRONG_TYPED]
)
def test_wrong_typed_value_is_kept_as_sent(schema_name: str, prop: str, value: Any) -> None:
    data = {**_minimal({"$ref": SCHEMAS + schema_name}), prop: copy.deepcopy(value)}
    assert schema_errors(SPEC, SCHEMAS + schema_name, data) != []
    parsed = assert_round_trip(model_class(schema_name), data)
    read = getattr(parsed, python_name(parsed, prop))
    assert read == value
    assert type(read) is type(value)
    assert _types(read) == _types(value)


def _completion(user_tier: Any, **fields: Any) -> dict[str, Any]:
    return {
        "id": "c",
        "object": "chat.completion",
        "created": 1,
        "model": "openai",
        "usage": {"completion_tokens": 0, "prompt_tokens": 0, "total_tokens": 0},
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}}],
        "user_tier": user_tier,
        **fields,
    }


PROFILE = GATEWAY_BODIES[("get_account_profile", "200", "application/json")][0]
KEY = GATEWAY_BODIES[("get_account_key", "200", "application/json")][0]

# (model, body, Python name of the wrong field, its value)
WRONG_EXAMPLES: list[tuple[type[Model], dict[str, Any], str, Any]] = [
    (ChatCompletion, _completion("seed", created="yesterday"), "created", "yesterday"),
    (ChatCompletion, _completion("seed", created=1.5), "created", 1.5),
    (ChatCompletion, _completion("seed", usage="n/a"), "usage", "n/a"),
    (ChatCompletion, _completion("seed", usage=[1, 2]), "usage", [1, 2]),
    (ChatCompletion, _completion("seed", choices="nope"), "choices", "nope"),
    (ChatCompletion, _completion("seed", choices={"0": {}}), "choices", {"0": {}}),
    (ChatCompletion, _completion("seed", object="list"), "object_", "list"),
    (ChatCompletion, _completion(["seed"]), "user_tier", ["seed"]),
    (UserProfile, {**PROFILE, "tier": 42}, "tier", 42),
    (UserProfile, {**PROFILE, "createdAt": 1741944413}, "created_at", 1741944413),
    (KeyInfo, {**KEY, "type": ["secret"]}, "type_", ["secret"]),
    (KeyInfo, {**KEY, "permissions": "all"}, "permissions", "all"),
    (SpeechRequest, {"input": "Hi", "voice": 7}, "voice", 7),
    (ErrorResponse, {"status": "402", "success": "no", "error": "x"}, "status", "402"),
]


@pytest.mark.parametrize(
    ("cls", "data", "name", "value"),
    WRONG_EXAMPLES,
    ids=[f"{c.__name__}.{n}={v!r}" for c, _, n, v in WRONG_EXAMPLES],
)
def test_wrong_typed_examples(
    cls: type[Model], data: dict[str, Any], name: str, value: Any
) -> None:
    parsed = assert_round_trip(cls, data)
    read = getattr(parsed, name)
    assert read == value
    assert type(read) is type(value)
    # The rest of the body reads as usual.
    for key, field in fields_of(cls).items():
        if field.name != name and key in data and field.plain:
            assert getattr(parsed, field.name) == data[key]


def test_list_items_of_the_wrong_type_are_kept() -> None:
    choice = {"index": 0, "message": {"role": "assistant", "content": "hi"}}
    completion = assert_round_trip(ChatCompletion, _completion("seed", choices=[1, choice, None]))
    first, second, third = completion.choices
    assert first == 1
    assert type(second).__name__ == "ChatCompletionChoice"
    assert second.message.content == "hi"
    assert third is None
    request = assert_round_trip(
        ChatCompletionRequest, _request(modalities=["text", "smell", 3], stop=["a", 1])
    )
    assert request.modalities[1:] == ["smell", 3]
    assert type(request.modalities[1]) is str
    assert request.stop == ["a", 1]


@pytest.mark.parametrize("value", [[], [{"id": "c"}], "x", "", None, 1, 0.5, True, b"{}"])
def test_from_dict_of_something_that_is_not_an_object_raises(value: Any) -> None:
    with pytest.raises(TypeError):
        ChatCompletion.from_dict(value)


def test_from_dict_takes_any_mapping() -> None:
    from types import MappingProxyType

    data = _completion("seed")
    parsed = ChatCompletion.from_dict(MappingProxyType(copy.deepcopy(data)))
    assert parsed.to_dict() == data
    assert parsed == ChatCompletion.from_dict(data)


# ------------------------------------------------------------------------ date-times

DATE_TIMES = [
    (name, prop)
    for name, schema in JSON_OBJECTS.items()
    for prop, prop_schema in schema["properties"].items()
    if _is_date_time(prop_schema)
]
UTC = datetime.timezone.utc
# What the gateway (or a server gone wrong) sends -> what the field reads (a str: kept).
DATE_TIME_VALUES: list[tuple[str, datetime.datetime | str]] = [
    ("2025-03-14T09:26:53.589Z", datetime.datetime(2025, 3, 14, 9, 26, 53, 589000, tzinfo=UTC)),
    ("2026-03-04T00:00:00.000Z", datetime.datetime(2026, 3, 4, tzinfo=UTC)),
    ("2026-03-04T00:00:00Z", datetime.datetime(2026, 3, 4, tzinfo=UTC)),
    ("2026-03-04T01:00:00+01:00", datetime.datetime(2026, 3, 4, tzinfo=UTC)),
    ("", ""),
    ("not a date", "not a date"),
    ("2026-02-30T00:00:00Z", "2026-02-30T00:00:00Z"),
]


def test_date_time_fields_are_found() -> None:
    assert ("UserProfile", "createdAt") in DATE_TIMES
    assert ("UserProfile", "nextResetAt") in DATE_TIMES  # nullable: a union with null


@pytest.mark.parametrize(("text", "expected"), DATE_TIME_VALUES)
@pytest.mark.parametrize(("schema_name", "prop"), DATE_TIMES)
def test_date_time_field(
    schema_name: str, prop: str, text: str, expected: datetime.datetime | str
) -> None:
    data = {**_minimal({"$ref": SCHEMAS + schema_name}), prop: text}
    parsed = assert_round_trip(model_class(schema_name), data)  # the text comes back as sent
    read = getattr(parsed, python_name(parsed, prop))
    if isinstance(expected, str):
        assert type(read) is str
        assert read == expected
    else:
        assert isinstance(read, datetime.datetime)
        assert read.tzinfo is not None
        assert read == expected  # the same instant
        assert (
            read.utcoffset()
            == datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).utcoffset()
        )
    assert parsed.to_dict()[prop] == text
    assert json.loads(parsed.to_json())[prop] == text


def test_gateway_profile_dates() -> None:
    profile = UserProfile.from_dict(copy.deepcopy(PROFILE))
    assert profile.created_at == datetime.datetime(2025, 3, 14, 9, 26, 53, 589000, tzinfo=UTC)
    assert profile.created_at.utcoffset() == datetime.timedelta(0)
    assert profile.next_reset_at == datetime.datetime(2026, 3, 4, tzinfo=UTC)
    dumped = profile.to_dict()
    assert dumped["createdAt"] == "2025-03-14T09:26:53.589Z"
    assert dumped["nextResetAt"] == "2026-03-04T00:00:00.000Z"
    # Set from Python, a datetime is written as ISO 8601 and reads back as the same instant.
    profile.next_reset_at = datetime.datetime(2026, 3, 5, tzinfo=UTC)
    assert profile.to_dict()["nextResetAt"] == "2026-03-05T00:00:00+00:00"
    assert UserProfile.from_dict(profile.to_dict()).next_reset_at == datetime.datetime(
        2026, 3, 5, tzinfo=UTC
    )


# -------------------------------------------------------------------- extra fields

OPEN_OBJECTS = sorted(
    n for n, s in JSON_OBJECTS.items() if s.get("additionalProperties") is not False
)
CLOSED_OBJECTS = sorted(
    n for n, s in JSON_OBJECTS.items() if s.get("additionalProperties") is False
)


def _declares_extras(schema: Mapping[str, Any]) -> bool:
    """`additionalProperties: true` or a schema for them (not just left open)."""
    extra = schema.get("additionalProperties")
    return extra is True or isinstance(extra, Mapping)


def _extra_value(schema: Mapping[str, Any]) -> Any:
    """A value for an unknown field of an object with this schema."""
    extra = schema.get("additionalProperties")
    types = RESOLVER.types(extra) if isinstance(extra, Mapping) else None
    if types == {"number"}:
        return 0.25
    if types == {"integer"}:
        return 7
    return {"nested": [1, "two", None, {"deep": True}], "float": 1.0, "flag": False}


@pytest.mark.parametrize("schema_name", sorted(JSON_OBJECTS))
def test_unknown_fields_are_kept(schema_name: str) -> None:
    schema = JSON_OBJECTS[schema_name]
    extra = _extra_value(schema)
    data = _minimal({"$ref": SCHEMAS + schema_name})
    data["x_new_field"] = copy.deepcopy(extra)
    parsed = assert_round_trip(model_class(schema_name), data)
    assert parsed.additional_properties == {"x_new_field": extra}
    assert f"additional_properties={{'x_new_field': {extra!r}}}" in repr(parsed)
    if _declares_extras(schema):
        assert isinstance(parsed, MappingModel)
        assert parsed["x_new_field"] == extra
        assert parsed.get("x_new_field") == extra
        assert "x_new_field" in parsed
        assert parsed.additional_keys == ["x_new_field"]
    else:
        assert not isinstance(parsed, MappingModel)
        with pytest.raises(TypeError):
            parsed["x_new_field"]


def test_mapping_models_are_the_schemas_that_declare_extras() -> None:
    components = SPEC["components"]["schemas"]
    models = {
        name: cls
        for name in components
        if isinstance(cls := getattr(generated_models, name, None), type) and issubclass(cls, Model)
    }
    for name, cls in models.items():
        assert issubclass(cls, MappingModel) == _declares_extras(components[name]), name
    mapping = {name for name, cls in models.items() if issubclass(cls, MappingModel)}
    assert {"ModelPricing", "LogitBias", "CustomContentPart", "CustomContentBlock"} <= mapping
    # inline schemas with `additionalProperties` too
    for name in (
        "FunctionDefinitionParameters",
        "JsonSchemaFormatSchema",
        "LegacyFunctionParameters",
        "ValidationErrorDetailsFieldErrors",
    ):
        assert issubclass(getattr(generated_models, name), MappingModel), name


def test_closed_objects_keep_unknown_fields_too() -> None:
    # `additionalProperties: false` upstream (the request's legacy `functions`): the spec
    # refuses an unknown field, but what a server sends is still kept and given back.
    assert "LegacyFunction" in CLOSED_OBJECTS
    for schema_name in CLOSED_OBJECTS:
        data = _minimal({"$ref": SCHEMAS + schema_name})
        assert schema_errors(SPEC, SCHEMAS + schema_name, data) == []
        assert schema_errors(SPEC, SCHEMAS + schema_name, {**data, "x_new_field": 1}) != []
        parsed = assert_round_trip(model_class(schema_name), {**data, "x_new_field": 1})
        assert parsed.additional_properties == {"x_new_field": 1}
    function = LegacyFunction.from_dict({"name": "f", "x_new_field": 1})
    assert function.to_dict() == {"name": "f", "x_new_field": 1}


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
                "message": {
                    "role": "assistant",
                    "content": "hi",
                    "annotations": [],
                    "tool_calls": [
                        {
                            "id": "t",
                            "type": "function",
                            "function": {"name": "f", "arguments": "{}", "x_deep": [None]},
                        }
                    ],
                },
            }
        ],
        "service_tier": "default",
    }
    completion = assert_round_trip(ChatCompletion, data)
    assert completion.additional_properties == {"service_tier": "default"}
    assert completion.usage.additional_properties == {"cost": 0.5}
    choice = completion.choices[0]
    assert choice.additional_properties == {"provider_specific": {"a": 1}}
    assert choice.message.additional_properties == {"annotations": []}
    assert choice.message.tool_calls[0].function.additional_properties == {"x_deep": [None]}


def test_additional_properties_is_a_live_mapping() -> None:
    data = _completion("seed")
    completion = ChatCompletion.from_dict(data)
    extras = completion.usage.additional_properties
    assert dict(extras) == {}
    extras["cost"] = 0.5
    assert completion.to_dict()["usage"]["cost"] == 0.5
    assert completion.usage.additional_properties == {"cost": 0.5}
    assert "additional_properties={'cost': 0.5}" in repr(completion.usage)
    assert (list(extras), len(extras)) == (["cost"], 1)
    del extras["cost"]
    assert "cost" not in completion.to_dict()["usage"]
    # the named fields are not extras
    assert "total_tokens" not in extras
    with pytest.raises(KeyError):
        extras["total_tokens"]
    with pytest.raises(KeyError):
        extras["total_tokens"] = 1
    with pytest.raises(KeyError):
        del extras["total_tokens"]
    assert completion.usage.total_tokens == 0
    # a model set as an extra is stored as its JSON
    completion.additional_properties["usage_again"] = CompletionUsage(
        completion_tokens=1, prompt_tokens=2, total_tokens=3
    )
    assert completion.to_dict()["usage_again"] == {
        "completion_tokens": 1,
        "prompt_tokens": 2,
        "total_tokens": 3,
    }


TEXT_PRICING = GATEWAY_BODIES[("list_text_models", "200", "application/json")][0][0]["pricing"]


def test_model_pricing_reads_like_a_mapping_of_typed_prices() -> None:
    pricing = ModelPricing.from_dict(copy.deepcopy(TEXT_PRICING))
    assert pricing.currency == "pollen"
    # entries by name, as numbers
    assert pricing["completionTextTokens"] == 4.4e-07
    assert type(pricing["completionTextTokens"]) is float
    assert pricing.get("promptTextTokens") == 5.5e-08
    assert pricing.get("promptAudioTokens") is None
    assert pricing.get("promptAudioTokens", 0.0) == 0.0
    assert "promptCachedTokens" in pricing
    assert "promptAudioTokens" not in pricing
    with pytest.raises(KeyError):
        pricing["promptAudioTokens"]
    assert pricing.additional_keys == [
        "promptTextTokens",
        "promptCachedTokens",
        "completionTextTokens",
    ]
    # `currency` is a field, not an entry
    assert "currency" in fields_of(ModelPricing)
    assert "currency" not in pricing
    assert "currency" not in pricing.additional_properties
    assert pricing.get("currency") is None
    with pytest.raises(KeyError):
        pricing["currency"]
    with pytest.raises(KeyError):
        pricing["currency"] = 1.0
    # entries can be set and removed like a dict's
    pricing["completionAudioSeconds"] = 0.0002
    del pricing["promptCachedTokens"]
    assert pricing.to_dict() == {
        "currency": "pollen",
        "promptTextTokens": 5.5e-08,
        "completionTextTokens": 4.4e-07,
        "completionAudioSeconds": 0.0002,
    }
    bias = LogitBias.from_dict({"50256": -100, "15": 5})
    assert (bias["50256"], bias.get("15"), "7" in bias) == (-100, 5, False)


def test_mapping_models_iterate_over_their_keys() -> None:
    # They read like a mapping: iterating one goes over its entries' names, as a dict's
    # iteration does (and len() counts them).
    pricing: Any = ModelPricing.from_dict(copy.deepcopy(TEXT_PRICING))
    assert list(pricing) == ["promptTextTokens", "promptCachedTokens", "completionTextTokens"]
    assert len(pricing) == 3
    assert {name: pricing[name] for name in pricing} == {
        k: v for k, v in TEXT_PRICING.items() if k != "currency"
    }


WAV = b"RIFF$\x00\x00\x00WAVE"


def test_transcription_form_keeps_unknown_fields() -> None:
    # A multipart form (it carries the audio file), not JSON: to_multipart sends every
    # field, unknown ones too.
    form = TranscriptionRequest.from_dict(
        {
            "file": File(payload=BytesIO(WAV), file_name="a.wav"),
            "model": "whisper-large-v3",
            "response_format": "verbose_json",
            "temperature": 0.2,
            "timestamp_granularities": "word",
        }
    )
    assert form.response_format is TranscriptionRequestResponseFormat.VERBOSE_JSON
    assert form.additional_properties == {"timestamp_granularities": "word"}
    parts = dict(form.to_multipart())
    assert set(parts) == {
        "file",
        "model",
        "response_format",
        "temperature",
        "timestamp_granularities",
    }
    file_name, payload, _ = parts["file"][:3]
    assert file_name == "a.wav"
    assert isinstance(payload, BytesIO)
    assert payload.getvalue() == WAV
    assert parts["response_format"] == (None, b"verbose_json", "text/plain")
    assert parts["temperature"] == (None, b"0.2", "text/plain")
    assert parts["timestamp_granularities"] == (None, b"word", "text/plain")
    built = TranscriptionRequest(
        file=File(payload=BytesIO(b"ID3"), file_name="a.mp3", mime_type="audio/mpeg"),
        language="fr",
        prompt=None,
    )
    built.additional_properties["prompt_hint"] = "names"
    assert [name for name, _ in built.to_multipart()] == ["file", "language", "prompt_hint"]
    assert built.to_multipart()[0][1][0::2] == ("a.mp3", "audio/mpeg")


def test_transcription_form_sends_a_file_given_as_bytes() -> None:
    # from_dict took the file's bytes before the models were rewritten; the field keeps
    # them as sent, and the form must send those bytes as the file part, not their repr.
    form = TranscriptionRequest.from_dict({"file": WAV, "model": "whisper-large-v3"})
    kept: Any = form.file  # annotated File: bytes are a value of an unexpected type
    assert kept == WAV
    parts = dict(form.to_multipart())
    payload = parts["file"][1]
    sent = payload if isinstance(payload, bytes) else cast(Any, payload).read()
    assert sent == WAV


# ------------------------------------------------------------------- growing enums


def test_known_tier_is_the_enum_member() -> None:
    profile = assert_round_trip(UserProfile, PROFILE)
    assert profile.tier is Tier.SEED


@pytest.mark.parametrize("tier", ["mythic", "Anonymous", ""])
def test_unknown_tier_is_kept_as_the_raw_string(tier: str) -> None:
    profile = assert_round_trip(UserProfile, {**PROFILE, "tier": tier})
    assert type(profile.tier) is str
    assert profile.tier == tier


def _chunk(user_tier: str) -> dict[str, Any]:
    return {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "openai",
        "choices": [{"index": 0, "delta": {"content": "hi"}}],
        "user_tier": user_tier,
    }


def test_user_tier_grows() -> None:
    known = assert_round_trip(ChatCompletion, _completion("flower"))
    assert known.user_tier is Tier.FLOWER
    unknown = assert_round_trip(ChatCompletion, _completion("galaxy"))
    assert type(unknown.user_tier) is str
    assert unknown.user_tier == "galaxy"


@pytest.mark.parametrize("tier", ["flower", "galaxy"])
def test_chunk_user_tier_is_any_string(tier: str) -> None:
    # The overlay types the chunk's user_tier as a plain string (known tier or not).
    chunk = assert_round_trip(ChatCompletionChunk, _chunk(tier))
    assert chunk.user_tier == tier
    assert type(chunk.user_tier) is str


def _request(**fields: Any) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": "Hello"}], **fields}


@pytest.mark.parametrize("model", ["openai", "gpt-from-the-future", "openai/gpt-5-nano"])
def test_request_model_is_any_string(model: str) -> None:
    # Upstream opened the chat model (any string): a known name is not turned into an enum
    # member and an unknown one is not refused.
    assert schema_errors(SPEC, SCHEMAS + "ChatCompletionRequest", _request(model=model)) == []
    request = assert_round_trip(ChatCompletionRequest, _request(model=model))
    assert type(request.model) is str
    assert request.model == model


def test_request_model_built_in_python() -> None:
    body = ChatCompletionRequest(
        messages=[UserMessage(role="user", content="Hello")], model="brand-new"
    ).to_dict()
    assert body == _request(model="brand-new")
    # A TextModelName member (what generate_text takes) still serialises as the name.
    request = ChatCompletionRequest(
        messages=[UserMessage(role="user", content="Hello")], model=TextModelName.CLAUDE
    )
    assert json.loads(request.to_json()) == _request(model="claude")
    assert type(request.to_dict()["model"]) is str


def test_unknown_enum_values_inside_a_list() -> None:
    request = assert_round_trip(ChatCompletionRequest, _request(modalities=["text", "smell"]))
    known, unknown = request.modalities
    assert known.value == "text"
    assert type(unknown) is str
    assert unknown == "smell"


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
    speech = assert_round_trip(SpeechRequest, {"input": "Hi", "voice": "rachel"})
    assert speech.voice is AudioVoice.RACHEL
    # "nova" is in upstream's list of voices (and its example) but not in its enum.
    assert "nova" not in [voice.value for voice in AudioVoice]
    for name in ("nova", "cedar"):
        speech = assert_round_trip(SpeechRequest, {"input": "Hi", "voice": name})
        assert type(speech.voice) is str
        assert speech.voice == name


def test_key_type_grows() -> None:
    secret, publishable = GATEWAY_BODIES[("get_account_key", "200", "application/json")]
    assert assert_round_trip(KeyInfo, secret).type_ is KeyType.SECRET
    assert assert_round_trip(KeyInfo, publishable).type_ is KeyType.PUBLISHABLE
    temporary = assert_round_trip(KeyInfo, {**secret, "type": "temporary"})
    assert type(temporary.type_) is str
    assert temporary.type_ == "temporary"


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
    ({"role": "assistant"}, AssistantMessage),
    ({"role": "tool", "content": '{"temp": 21}', "tool_call_id": "call_1"}, ToolMessage),
    ({"role": "tool", "content": None, "tool_call_id": "call_1"}, ToolMessage),
    ({"role": "function", "content": "21", "name": "get_weather"}, FunctionMessage),
    ({"role": "function", "content": None, "name": "get_weather"}, FunctionMessage),
]


def _union_models(pointer: str) -> list[str]:
    """The component names of the branches of the union at `pointer`, in order."""
    names = [ref_name(branch) for branch in openapi.get(SPEC, pointer)["anyOf"]]
    assert all(names), pointer
    return [name for name in names if name is not None]


@pytest.mark.parametrize(
    ("message", "cls"),
    MESSAGES,
    ids=[f"{m['role']}-{i}" for i, (m, _) in enumerate(MESSAGES)],
)
def test_each_role_parses_into_its_own_class(message: dict[str, Any], cls: type) -> None:
    assert schema_errors(SPEC, MESSAGE_ITEMS, message) == []
    # No discriminator: each message schema has its `role` as a const.
    role = openapi.get(SPEC, SCHEMAS + cls.__name__)["properties"]["role"]
    assert role["const"] == message["role"]
    request = assert_round_trip(ChatCompletionRequest, {"messages": [message]})
    assert request.messages[0].role == message["role"]
    assert type(request.messages[0]) is cls


def test_all_six_roles_in_one_conversation() -> None:
    request = assert_round_trip(ChatCompletionRequest, {"messages": [m for m, _ in MESSAGES]})
    assert [type(m) for m in request.messages] == [cls for _, cls in MESSAGES]
    assert {cls.__name__ for _, cls in MESSAGES} == set(_union_models(MESSAGE_ITEMS))
    assert len(_union_models(MESSAGE_ITEMS)) == 6


def _accepts_parts(schema_name: str) -> bool:
    content = openapi.get(SPEC, SCHEMAS + schema_name)["properties"]["content"]
    return f'"{SCHEMAS}MessageContentPart"' in json.dumps(content)


PART_ROLES = [
    str(openapi.get(SPEC, SCHEMAS + name)["properties"]["role"]["const"])
    for name in _union_models(MESSAGE_ITEMS)
    if _accepts_parts(name)
]


def test_content_part_roles() -> None:
    # Only the legacy function message takes no content parts.
    assert PART_ROLES == ["system", "developer", "user", "assistant", "tool"]
    assert {cls.__name__ for _, cls in PARTS} == set(_union_models(SCHEMAS + "MessageContentPart"))


@pytest.mark.parametrize(
    ("part", "cls"), PARTS, ids=[f"{p['type']}-{i}" for i, (p, _) in enumerate(PARTS)]
)
@pytest.mark.parametrize("role", PART_ROLES)
def test_content_parts(role: str, part: dict[str, Any], cls: type) -> None:
    message: dict[str, Any] = {"role": role, "content": [part]}
    if role == "tool":
        message["tool_call_id"] = "call_1"
    assert schema_errors(SPEC, MESSAGE_ITEMS, message) == []
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


# Messages no branch of the union takes (no role of that name): kept as they came, not
# refused and not forced into a class.
UNMATCHED_MESSAGES: list[Any] = [
    {"role": "robot", "content": "beep"},
    {"role": "critic", "content": "meh", "name": "x", "tool_call_id": "y"},
    {"content": "no role"},
    "Hello",
    42,
]
# ... while a message of a known role that lacks a required key is still its class,
# the missing field reading None, as at the top level of any answer.
PARTIAL_MESSAGES: list[tuple[dict[str, Any], type, str]] = [
    ({"role": "tool", "content": "21"}, ToolMessage, "tool_call_id"),
    ({"role": "function", "content": "21"}, FunctionMessage, "name"),
    ({"role": "user"}, UserMessage, "content"),
]


@pytest.mark.parametrize(("message", "cls", "missing"), PARTIAL_MESSAGES)
def test_a_message_missing_a_required_key_is_its_role_s_class(
    message: dict[str, Any], cls: type, missing: str
) -> None:
    assert schema_errors(SPEC, MESSAGE_ITEMS, message) != []
    request = assert_round_trip(ChatCompletionRequest, {"messages": [copy.deepcopy(message)]})
    (parsed,) = request.messages
    assert type(parsed) is cls
    assert getattr(parsed, missing) is None
    assert cast(Model, parsed).to_dict() == message


@pytest.mark.parametrize("message", UNMATCHED_MESSAGES, ids=[repr(m) for m in UNMATCHED_MESSAGES])
def test_message_no_branch_takes_is_kept_raw(message: Any) -> None:
    assert schema_errors(SPEC, MESSAGE_ITEMS, message) != []
    data = {"messages": [copy.deepcopy(message), {"role": "user", "content": "Hi"}]}
    request = assert_round_trip(ChatCompletionRequest, data)
    raw, known = request.messages
    assert raw == message
    assert type(raw) is type(message)
    assert type(known) is UserMessage


def test_a_class_reads_a_body_of_another_role() -> None:
    # Parsing with one class directly is not choosing a union branch: nothing is refused.
    message = assert_round_trip(UserMessage, {"role": "assistant", "content": "hi"})
    assert (message.role, message.content) == ("assistant", "hi")
    assert assert_round_trip(ToolMessage, {"role": "tool"}).tool_call_id is None


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
        data = _request(stop=stop)
        assert schema_errors(SPEC, SCHEMAS + "ChatCompletionRequest", data) == []
        assert assert_round_trip(ChatCompletionRequest, data).stop == stop
    request = assert_round_trip(ChatCompletionRequest, _request(logit_bias={"50256": -100}))
    assert request.logit_bias.additional_properties == {"50256": -100}
    legacy = [{"name": "get_weather", "parameters": {"type": "object"}}]
    request = assert_round_trip(ChatCompletionRequest, _request(functions=legacy))
    assert [type(f) for f in request.functions] == [LegacyFunction]


def _user_content(*parts: Any) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": list(parts)}]}


# (request body, how to reach the value, what it must be: a class or, when no branch of
# the union takes it, the raw JSON value it was). An object that lacks a required key
# goes to the first branch whose constants it has (`{"type": "function"}` without its
# `function` is a NamedToolChoice).
UNION_CASES: list[tuple[dict[str, Any], str, Any]] = [
    (_request(tool_choice="any"), "tool_choice", "any"),
    (_request(tool_choice={"type": "function"}), "tool_choice", NamedToolChoice),
    (
        _request(tool_choice={"type": "f", "function": {}}),
        "tool_choice",
        {"type": "f", "function": {}},
    ),
    (_request(response_format={"type": "xml"}), "response_format", {"type": "xml"}),
    (
        _request(response_format={"type": "json_schema"}),
        "response_format",
        ResponseFormatJsonSchema,
    ),
    (_request(function_call=5), "function_call", 5),
    (_request(function_call="sometimes"), "function_call", "sometimes"),
    (_request(stop={"after": 3}), "stop", {"after": 3}),
    (_user_content(5), "messages.0.content.0", 5),
    (_user_content({"text": "no type"}), "messages.0.content.0", CustomContentPart),
    (_user_content({"type": "text"}), "messages.0.content.0", CustomContentPart),
    (_user_content({"type": "image_url", "url": "u"}), "messages.0.content.0", CustomContentPart),
    (_user_content({"type": "text", "text": "x"}), "messages.0.content.0", TextContentPart),
    (_request(tools=["google_search"]), "tools.0", "google_search"),
]


def _reach(value: Any, path: str) -> Any:
    for step in path.split("."):
        value = value[int(step)] if step.isdigit() else getattr(value, step)
    return value


@pytest.mark.parametrize(
    ("data", "path", "expected"), UNION_CASES, ids=[f"{p}={d}" for d, p, _ in UNION_CASES]
)
def test_union_branches(data: dict[str, Any], path: str, expected: Any) -> None:
    found = _reach(assert_round_trip(ChatCompletionRequest, data), path)
    if isinstance(expected, type):
        assert type(found) is expected
    else:
        assert found == expected
        assert type(found) is type(expected)
        assert not isinstance(found, Model)


def test_builtin_tool_of_an_unknown_type() -> None:
    request = assert_round_trip(ChatCompletionRequest, _request(tools=[{"type": "maps"}]))
    assert type(request.tools[0]) is BuiltinTool
    assert type(request.tools[0].type_) is str
    assert request.tools[0].type_ == "maps"


BLOCKS: list[tuple[dict[str, Any], type]] = [
    ({"type": "thinking", "thinking": "Let me see."}, ThinkingContentBlock),
    (
        {"type": "thinking", "thinking": "Let me see.", "signature": "EqQBCgIYAhIM"},
        ThinkingContentBlock,
    ),
    ({"type": "redacted_thinking", "data": "opaque"}, RedactedThinkingContentBlock),
    ({"type": "text", "text": "Here is the plot."}, TextContentBlock),
    (
        {"type": "text", "text": "cached", "cache_control": {"type": "ephemeral"}},
        TextContentBlock,
    ),
    (
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
        ImageUrlContentBlock,
    ),
    (
        {"type": "image_url", "image_url": {"url": "https://example.com/p.png", "detail": "high"}},
        ImageUrlContentBlock,
    ),
    ({"type": "executable_code", "code": "print(1)", "language": "PYTHON"}, CustomContentBlock),
]


def test_content_blocks_in_an_answer() -> None:
    data = _completion("seed")
    data["choices"][0]["message"]["content_blocks"] = [block for block, _ in BLOCKS]
    assert schema_errors(SPEC, SCHEMAS + "ChatCompletion", data) == []
    completion = assert_round_trip(ChatCompletion, data)
    blocks = completion.choices[0].message.content_blocks
    assert [type(b) for b in blocks] == [cls for _, cls in BLOCKS]
    assert {cls.__name__ for _, cls in BLOCKS} == set(_union_models(CONTENT_BLOCK_ITEMS))
    assert blocks[1].additional_properties == {"signature": "EqQBCgIYAhIM"}
    assert blocks[-1].type_ == "executable_code"
    assert blocks[-1].additional_properties == {"code": "print(1)", "language": "PYTHON"}


# ---------------------------------------------------------------------- streaming


def _event(choices: list[Any], **fields: Any) -> dict[str, Any]:
    return {
        "id": "chatcmpl-9",
        "object": "chat.completion.chunk",
        "created": 1733000000,
        "model": "gpt-5-nano-2025-08-07",
        **fields,
        "choices": choices,
    }


TOKEN_LOGPROBS = {
    "content": [{"token": "It", "logprob": -0.02, "bytes": [73, 116], "top_logprobs": []}]
}

# A streamed answer that thinks, calls a tool and says a word, as the gateway sends it:
# one `data:` object per event. The first is Azure's preamble (empty id, model and
# object, only the prompt's filter results); the last before `[DONE]` only has usage.
STREAM: list[dict[str, Any]] = [
    {
        "id": "",
        "object": "",
        "created": 0,
        "model": "",
        "choices": [],
        "prompt_filter_results": PROMPT_FILTER_RESULTS,
    },
    _event(
        [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}],
        system_fingerprint="fp_1",
    ),
    _event(
        [
            {
                "index": 0,
                "delta": {
                    "reasoning_content": "Weather: ask the tool.",
                    "content_blocks": [{"type": "thinking", "thinking": "Weather: ask the tool."}],
                },
            }
        ]
    ),
    _event(
        [
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
        system_fingerprint=None,
    ),
    _event(
        [
            {
                "index": 0,
                "delta": {"tool_calls": [{"index": 0, "function": {"arguments": '{"city":'}}]},
                "finish_reason": None,
            }
        ]
    ),
    _event(
        [
            {
                "index": 0,
                "delta": {"tool_calls": [{"index": 0, "function": {"arguments": '"Paris"}'}}]},
                "finish_reason": None,
            }
        ]
    ),
    _event(
        [
            {
                "index": 0,
                "delta": {"content": "It"},
                "logprobs": TOKEN_LOGPROBS,
                "content_filter_results": {"hate": _SEVERITY},
            }
        ]
    ),
    _event([{"index": 0, "delta": {}, "finish_reason": "tool_calls"}], user_tier="seed"),
    _event(
        [],
        usage={"completion_tokens": 12, "prompt_tokens": 30, "total_tokens": 42},
        citations=["https://example.com/weather"],
        user_tier="seed",
    ),
]


@pytest.mark.parametrize("index", range(len(STREAM)))
def test_stream_chunk_parses(index: int) -> None:
    chunk = STREAM[index]
    assert schema_errors(SPEC, SCHEMAS + "ChatCompletionChunk", chunk) == []
    assert isinstance(assert_round_trip(ChatCompletionChunk, chunk), ChatCompletionChunk)


def test_stream_reassembles_the_tool_call() -> None:
    chunks = [ChatCompletionChunk.from_dict(c) for c in STREAM]
    starts = [
        call
        for chunk in chunks
        for choice in chunk.choices
        for call in choice.delta.tool_calls or []
        if call.id
    ]
    assert len(starts) == 1
    first = starts[0]
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
    text = "".join(
        choice.delta.content for chunk in chunks for choice in chunk.choices if choice.delta.content
    )
    assert text == "It"
    finish = [c.finish_reason for chunk in chunks for c in chunk.choices if c.finish_reason]
    assert finish == ["tool_calls"]
    assert chunks[-2].user_tier == "seed"
    assert chunks[-1].choices == []
    usage = chunks[-1].usage
    assert isinstance(usage, CompletionUsage)
    assert usage.total_tokens == 42
    assert chunks[-1].citations == ["https://example.com/weather"]


def test_stream_preamble_keeps_the_filter_results() -> None:
    preamble = ChatCompletionChunk.from_dict(STREAM[0])
    assert (preamble.id, preamble.object_, preamble.model, preamble.choices) == ("", "", "", [])
    assert preamble.additional_properties == {"prompt_filter_results": PROMPT_FILTER_RESULTS}


def test_stream_untyped_pieces_stay_as_sent() -> None:
    # The overlay leaves a chunk's logprobs and the items of a delta's content_blocks
    # untyped: they come through as the JSON the gateway sent, not as models.
    chunks = [ChatCompletionChunk.from_dict(c) for c in STREAM]
    (thinking,) = [c for chunk in chunks for c in chunk.choices if c.delta.content_blocks]
    assert thinking.delta.reasoning_content == "Weather: ask the tool."
    assert thinking.delta.content_blocks == [
        {"type": "thinking", "thinking": "Weather: ask the tool."}
    ]
    assert type(thinking.delta.content_blocks[0]) is dict
    (word,) = [c for chunk in chunks for c in chunk.choices if c.delta.content == "It"]
    assert word.logprobs == TOKEN_LOGPROBS
    assert type(word.logprobs) is dict
    assert word.additional_properties == {"content_filter_results": {"hate": _SEVERITY}}
    (call,) = [c for chunk in chunks for c in chunk.choices if c.delta.role and c.delta.tool_calls]
    assert call.logprobs is None
    assert "logprobs" in call.to_dict()


# ------------------------------------------------------- equality, hashing, copies


@pytest.mark.parametrize(
    ("ident", "cls", "body"), MODEL_BODIES, ids=[i for i, _, _ in MODEL_BODIES]
)
def test_models_compare_by_value(ident: str, cls: Any, body: Any) -> None:
    parsed = cls.from_dict(copy.deepcopy(body))
    again = cls.from_dict(copy.deepcopy(body))
    assert parsed == again
    assert not parsed != again  # noqa: SIM202
    list(walk_models(parsed))  # fields read (and converted) on one side only
    assert parsed == again
    assert parsed != cls.from_dict({**copy.deepcopy(body), "x_changed": 1})
    first_key = next(iter(body))
    assert parsed != cls.from_dict({k: v for k, v in body.items() if k != first_key})
    assert parsed != body  # a model is not the dict it reads
    assert body != parsed


def test_equality_is_by_class_too() -> None:
    data = {"type": "text", "text": "x"}
    assert TextContentPart.from_dict(dict(data)) != TextContentBlock.from_dict(dict(data))
    assert TextContentPart.from_dict(dict(data)) == TextContentPart(text="x")
    assert ChatCompletion.from_dict({}) != ChatCompletionChunk.from_dict({})
    completion = ChatCompletion.from_dict(_completion("seed"))
    other = ChatCompletion.from_dict(_completion("seed"))
    other.choices[0].message.content = "bye"  # a change deep inside
    assert completion != other


@pytest.mark.parametrize("cls", [ChatCompletion, ModelPricing, UserMessage, LogitBias])
def test_models_are_unhashable(cls: Any) -> None:
    model = cls.from_dict({})
    assert cls.__hash__ is None
    with pytest.raises(TypeError):
        hash(model)
    with pytest.raises(TypeError):
        {model}  # noqa: B018
    with pytest.raises(TypeError):
        {model: 1}  # noqa: B018


@pytest.mark.parametrize(
    ("ident", "cls", "body"), MODEL_BODIES, ids=[i for i, _, _ in MODEL_BODIES]
)
def test_pickle_and_copy(ident: str, cls: Any, body: Any) -> None:
    parsed = cls.from_dict(copy.deepcopy(body))
    reprs = [repr(model) for model in walk_models(parsed)]  # with fields already read
    copies = [
        pickle.loads(pickle.dumps(parsed, protocol))
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1)
    ]
    copies += [copy.copy(parsed), copy.deepcopy(parsed)]
    for found in copies:
        assert type(found) is cls
        assert found is not parsed
        assert found == parsed
        assert found.to_dict() == body
        assert [repr(model) for model in walk_models(found)] == reprs
    # a deep copy shares nothing: a change deep inside it leaves the original alone
    deep = copy.deepcopy(parsed)
    for model in walk_models(deep):
        model.additional_properties["x_copy"] = 1
    assert parsed.to_dict() == body
    # a shallow copy is a new object at the top at least
    shallow = copy.copy(parsed)
    shallow.additional_properties["x_copy"] = 1
    assert parsed.to_dict() == body


# ---------------------------------------------------------------------- constructors


def _parameters(cls: Any) -> dict[str, inspect.Parameter]:
    parameters = dict(inspect.signature(cls.__init__).parameters)
    assert next(iter(parameters)) == "self"
    del parameters["self"]
    return parameters


def _consts(schema_name: str) -> dict[str, Any]:
    """The schema's constants, but boolean ones: openapi-python-client 0.29.1 reads
    `type: boolean` before `const`, so `success: {type: boolean, const: false}` (the error
    envelopes) is a plain boolean there (test_boolean_constants_are_plain_booleans)."""
    properties = JSON_OBJECTS[schema_name]["properties"]
    return {
        key: schema["const"]
        for key, schema in properties.items()
        if "const" in schema and not isinstance(schema["const"], bool)
    }


@pytest.mark.parametrize("schema_name", ["ErrorResponse", "ValidationErrorResponse"])
def test_boolean_constants_are_plain_booleans(schema_name: str) -> None:
    cls = model_class(schema_name)
    assert JSON_OBJECTS[schema_name]["properties"]["success"]["const"] is False
    assert "success" not in cls._CONSTS
    assert _parameters(cls)["success"].default is inspect.Parameter.empty  # required
    built = cls(
        status=402,
        success=False,
        error=model_class("ErrorInfo")(code="PAYMENT_REQUIRED", message="m", timestamp="t"),
    )
    assert built.to_dict()["success"] is False


@pytest.mark.parametrize("schema_name", sorted(JSON_OBJECTS))
def test_constructors_are_keyword_only(schema_name: str) -> None:
    cls = model_class(schema_name)
    parameters = _parameters(cls)
    extras = [p for p in parameters.values() if p.kind is inspect.Parameter.VAR_KEYWORD]
    assert len(extras) == issubclass(cls, MappingModel)
    named = {name: p for name, p in parameters.items() if p.kind is not p.VAR_KEYWORD}
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in named.values())
    fields = fields_of(cls)
    assert set(named) == {field.name for field in fields.values()}
    consts = _consts(schema_name)
    for key, field in fields.items():
        parameter = named[field.name]
        if key not in REQUIRED[schema_name]:
            assert parameter.default is None, field.name  # None: not given
        elif key not in consts:
            assert parameter.default is inspect.Parameter.empty, field.name
    with pytest.raises(TypeError):
        cls(*[None] * max(1, len(named)))


@pytest.mark.parametrize("schema_name", sorted(JSON_OBJECTS))
def test_constructor_builds_the_json(schema_name: str) -> None:
    """Built from the values a body reads as, a model writes that body; every optional
    argument given as None is left out."""
    cls = model_class(schema_name)
    body = _minimal({"$ref": SCHEMAS + schema_name}, samples=PYTHON_FORMAT_SAMPLES)
    parsed = cls.from_dict(copy.deepcopy(body))
    given = {python_name(cls, key): getattr(parsed, python_name(cls, key)) for key in body}
    built = cls(**given)
    assert built.to_dict() == body
    assert built == parsed
    assert_repr_shows_what_was_sent(built)
    properties = JSON_OBJECTS[schema_name]["properties"]
    optional = {python_name(cls, key): None for key in properties if key not in body}
    assert cls(**given, **optional).to_dict() == body
    assert json.loads(cls(**given, **optional).to_json()) == body


WITH_REQUIRED_CONSTS = sorted(
    name for name in JSON_OBJECTS if set(_consts(name)) & set(REQUIRED[name])
)


def test_required_consts_are_found() -> None:
    for name in ("UserMessage", "ToolMessage", "TextContentPart", "ChatCompletion", "ToolCall"):
        assert name in WITH_REQUIRED_CONSTS
    assert len(WITH_REQUIRED_CONSTS) >= 20


@pytest.mark.parametrize("schema_name", WITH_REQUIRED_CONSTS)
def test_required_consts_default_to_their_constant(schema_name: str) -> None:
    cls = model_class(schema_name)
    consts = _consts(schema_name)
    body = _minimal({"$ref": SCHEMAS + schema_name}, samples=PYTHON_FORMAT_SAMPLES)
    parsed = cls.from_dict(copy.deepcopy(body))
    given = {
        python_name(cls, key): getattr(parsed, python_name(cls, key))
        for key in body
        if key not in consts
    }
    # the constants are not given: each defaults to its value
    assert cls(**given).to_dict() == body
    parameters = _parameters(cls)
    for key, value in consts.items():
        default = parameters[python_name(cls, key)].default
        assert default == value
        assert type(default) is type(value)
    assert consts == cls._CONSTS  # how a union tells this model apart


def test_constructor_examples() -> None:
    assert UserMessage(content="hi").to_dict() == {"content": "hi", "role": "user"}
    assert TextContentPart(text="x").to_dict() == {"type": "text", "text": "x"}
    request = ChatCompletionRequest(
        messages=[
            SystemMessage(content="Be brief."),
            UserMessage(
                content=[
                    TextContentPart(text="Hi"),
                    ImageUrlContentPart.from_dict(
                        {"type": "image_url", "image_url": {"url": "https://example.com/a.jpg"}}
                    ),
                ]
            ),
        ],
        temperature=None,
        seed=0,
        stream=False,
        stop=None,
    )
    # None is "not given"; 0 and False are values
    assert request.to_dict() == {
        "messages": [
            {"content": "Be brief.", "role": "system"},
            {
                "content": [
                    {"type": "text", "text": "Hi"},
                    {"type": "image_url", "image_url": {"url": "https://example.com/a.jpg"}},
                ],
                "role": "user",
            },
        ],
        "seed": 0,
        "stream": False,
    }
    content: Any = request.messages[1].content
    assert type(content[0]) is TextContentPart
    # setting a field to None leaves it out again
    request.seed = None
    assert "seed" not in request.to_dict()
    assert request.seed is None


def test_mapping_model_takes_its_entries_as_keyword_arguments() -> None:
    pricing = ModelPricing(currency="pollen", completionTextTokens=4.4e-07, promptTextTokens=0.5)
    assert pricing.to_dict() == {
        "currency": "pollen",
        "completionTextTokens": 4.4e-07,
        "promptTextTokens": 0.5,
    }
    assert pricing["completionTextTokens"] == 4.4e-07
    assert ModelPricing(currency="pollen").to_dict() == {"currency": "pollen"}
    part = CustomContentPart(type_="document", source={"kind": "url", "url": "u"})
    assert part.to_dict() == {"type": "document", "source": {"kind": "url", "url": "u"}}
    assert part["source"] == {"kind": "url", "url": "u"}
    block = CustomContentBlock(type_="executable_code", code="print(1)")
    assert block.additional_properties == {"code": "print(1)"}
    assert LogitBias(**{"50256": -100}).to_dict() == {"50256": -100}
    # a named field's JSON key is not an entry
    with pytest.raises(TypeError):
        CustomContentPart(type_="document", **{"type": "image"})


def test_unset_from_earlier_versions_means_not_given() -> None:
    # `UNSET` is kept "for code written against earlier versions", where it was what an
    # optional argument not given was: passed now, it must still leave the field out.
    legacy: dict[str, Any] = {"name": UNSET}
    message = UserMessage(content="hi", **legacy)
    assert message.to_dict() == {"content": "hi", "role": "user"}
    assert "Unset" not in repr(message)
    assert json.loads(message.to_json()) == {"content": "hi", "role": "user"}
    setattr(message, "name", UNSET)  # noqa: B010
    assert message.to_dict() == {"content": "hi", "role": "user"}


# ------------------------------------------- partial, null, changed: what a reader found


def test_a_nested_object_missing_a_required_key_is_still_its_model() -> None:
    chunk = generated_models.ChatCompletionChunk.from_dict(
        {"usage": {"prompt_tokens": 3, "completion_tokens": 4}}
    )
    assert isinstance(chunk.usage, generated_models.CompletionUsage)
    assert chunk.usage.prompt_tokens == 3
    assert chunk.usage.total_tokens is None
    choice = generated_models.ChatCompletionChoice.from_dict({"logprobs": {}})
    assert isinstance(choice.logprobs, generated_models.ChoiceLogprobs)
    # a value of another shape is still kept as sent
    assert generated_models.ChatCompletionChoice.from_dict({"logprobs": "x"}).logprobs == "x"


def test_a_required_field_given_none_is_sent_as_null() -> None:
    message = generated_models.FunctionMessage(name="f", content=None)
    assert message.to_dict() == {"role": "function", "content": None, "name": "f"}
    message.content = "42"
    message.content = None  # set to None: still null, a required key is never dropped
    assert message.to_dict() == {"role": "function", "content": None, "name": "f"}
    user = UserMessage(content="hi", name=None)  # optional: None is "not given"
    assert user.to_dict() == {"role": "user", "content": "hi"}


def test_changing_a_parsed_list_of_models_changes_the_json() -> None:
    completion = ChatCompletion.from_dict({"choices": [{"index": 0}], "citations": ["a"]})
    completion.choices.append(completion.choices[0])
    assert completion.citations is not None
    completion.citations.append("b")
    assert completion.to_dict() == {
        "choices": [{"index": 0}, {"index": 0}],
        "citations": ["a", "b"],
    }
    completion.choices.insert(0, generated_models.ChatCompletionChoice.from_dict({"index": 7}))
    del completion.choices[1]
    assert [c["index"] for c in completion.to_dict()["choices"]] == [7, 0]
    completion.choices.sort(key=lambda choice: choice.index)
    assert [c["index"] for c in completion.to_dict()["choices"]] == [0, 7]
    completion.choices[0] = generated_models.ChatCompletionChoice.from_dict({"index": 1})
    completion.choices.pop()
    assert completion.to_dict()["choices"] == [{"index": 1}]
    completion.choices.clear()
    assert completion.to_dict()["choices"] == []
    assert ChatCompletion.from_dict(completion.to_dict()) == completion


def test_a_mapping_model_without_extra_keys_is_still_true() -> None:
    pricing = ModelPricing.from_dict({"currency": "pollen"})
    assert pricing and len(pricing) == 0
    extras: dict[str, Any] = {"request": None}  # None is "not given", for extras too
    assert ModelPricing(currency="p", **extras).to_dict() == {"currency": "p"}


def test_prices_read_by_name_are_floats() -> None:
    pricing = ModelPricing.from_dict({"currency": "pollen", "request": 1, "free": "n/a"})
    assert pricing["request"] == 1.0 and type(pricing["request"]) is float
    assert cast(Any, pricing["free"]) == "n/a"  # kept as sent
    assert pricing.to_dict() == {"currency": "pollen", "request": 1, "free": "n/a"}


def test_a_subclass_of_a_model_keeps_its_fields() -> None:
    class Mine(ChatCompletion):
        pass

    mine = Mine.from_dict({"id": "x", "mine": 1})
    assert mine.id == "x"
    assert repr(mine) == "Mine(id='x', additional_properties={'mine': 1})"

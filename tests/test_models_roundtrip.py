"""The generated models parse what the API sends and give it back unchanged.

The nullable-field, unknown-field and union tables are derived from openapi.yaml, so a new
nullable field, model or union branch is covered without touching this file. Upstream's
document carries almost no examples, so the bodies the round trips run on are written
here (GATEWAY_BODIES), shaped like what the gateway sends and checked against the spec;
any media-type or component example upstream adds later is run the same way.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
from collections.abc import Mapping
from io import BytesIO
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
    operations,
    pointer_get,
    ref_name,
    resolve,
    schema_errors,
    schema_types,
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
    CustomContentBlock,
    CustomContentPart,
    DeveloperMessage,
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
from pollinations_client.types import File

SPEC = spec()
SCHEMAS = "#/components/schemas/"
MESSAGE_ITEMS = SCHEMAS + "ChatCompletionRequest/properties/messages/items"
CONTENT_BLOCK_ITEMS = SCHEMAS + "ChatCompletionMessage/properties/content_blocks/anyOf/0/items"


def assert_round_trip(cls: Any, data: Any) -> Any:
    """`cls.from_dict(data)` gives back `data` exactly, and parsing its own output gives
    an equal object. Returns the parsed object.

    One allowance: a `format: date-time` string must come back as the same instant, not
    as the same text (the models hold a datetime and write `+00:00` where the gateway
    writes `Z`; see test_date_times_keep_their_instant)."""
    original = copy.deepcopy(data)
    parsed = cls.from_dict(data)
    assert data == original, "from_dict must not mutate its input"
    dumped = parsed.to_dict()
    schema = {"$ref": SCHEMAS + cls.__name__}
    assert _instants(schema, dumped) == _instants(schema, original)
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


def _non_null_branches(schema: Mapping[str, Any]) -> list[Any]:
    return [
        branch
        for keyword in ("anyOf", "oneOf")
        for branch in schema.get(keyword, [])
        if not is_null_schema(SPEC, branch)
    ]


def _is_date_time(schema: Mapping[str, Any]) -> bool:
    return schema.get("format") == "date-time" and "string" in schema_types(schema)


def _instants(schema: Any, value: Any) -> Any:
    """`value` with each string its schema declares `format: date-time` replaced by the
    aware datetime it names; everything else as it is."""
    schema = resolve(SPEC, schema)
    if isinstance(value, str) and _is_date_time(schema):
        moment = datetime.datetime.fromisoformat(re.sub(r"[Zz]$", "+00:00", value))
        assert moment.tzinfo is not None, f"{value!r} names no instant"
        return moment
    if isinstance(value, dict) and "properties" in schema:
        props = schema["properties"]
        return {k: _instants(props[k], v) if k in props else v for k, v in value.items()}
    if isinstance(value, list) and "items" in schema:
        return [_instants(schema["items"], item) for item in value]
    branches = _non_null_branches(schema)
    if len(branches) == 1:
        return _instants(branches[0], value)
    if isinstance(value, str):
        for branch in branches:
            if _is_date_time(resolve(SPEC, branch)):
                return _instants(branch, value)
    return value


FORMAT_SAMPLES = {"date-time": "2025-03-14T09:26:53.589Z", "email": "ada@example.com"}


def _minimal(schema: Any, depth: int = 0) -> Any:
    """_spec.minimal_instance, but a string with a `format` is a valid one of it (an
    empty string is neither an e-mail address nor an instant)."""
    assert depth < 30, "schema recursion too deep"
    schema = resolve(SPEC, schema)
    if "const" in schema or "enum" in schema:
        return minimal_instance(SPEC, schema)
    branches = _non_null_branches(schema)
    if branches:
        return _minimal(branches[0], depth + 1)
    if "string" in schema_types(schema) and schema.get("format") in FORMAT_SAMPLES:
        return FORMAT_SAMPLES[schema["format"]]
    if "properties" in schema:
        return {
            prop: _minimal(schema["properties"][prop], depth + 1)
            for prop in schema.get("required", [])
        }
    if "array" in schema_types(schema):
        count = int(schema.get("minItems", 0))
        return [_minimal(schema["items"], depth + 1) for _ in range(count)]
    return minimal_instance(SPEC, schema)


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
        media = media_type.replace("/", "~1")
        pointer = f"{op.pointer}/{where}/content/{media}/schema"
        for index, body in enumerate(bodies):
            found.append(
                Example(
                    ident=f"{operation_id} {status} {media_type} gateway[{index}]",
                    schema_pointer=pointer,
                    schema=pointer_get(SPEC, pointer),
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
    assert {"ChatCompletionRequest", "SpeechRequest"} <= covered


@pytest.mark.parametrize("example", MODEL_EXAMPLES, ids=[e.ident for e in MODEL_EXAMPLES])
def test_example_round_trips(example: Example) -> None:
    assert schema_errors(SPEC, example.schema_pointer, example.value) == []
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
        assert_round_trip(model_class(name), body)
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
        assert model.pricing.currency == "pollen"
        meters = {k: v for k, v in item["pricing"].items() if k != "currency"}
        assert meters
        assert model.pricing.additional_properties == meters
        assert model.additional_properties == {}
    if operation_id == "list_audio_models":
        assert models[0].voices == ["alloy", "rachel", "nova"]


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
    message = completion.choices[0].message
    assert (message.content, message.tool_calls, message.content_blocks) == (None, None, None)
    assert completion.choices[0].finish_reason is None
    assert completion.choices[0].logprobs is None
    assert completion.usage.prompt_tokens_details is None


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


def test_date_times_keep_their_instant() -> None:
    (body, _) = GATEWAY_BODIES[("get_account_profile", "200", "application/json")]
    profile = UserProfile.from_dict(body)
    utc = datetime.timezone.utc
    assert profile.created_at == datetime.datetime(2025, 3, 14, 9, 26, 53, 589000, tzinfo=utc)
    assert profile.next_reset_at == datetime.datetime(2026, 3, 4, tzinfo=utc)
    dumped = profile.to_dict()
    for field in ("createdAt", "nextResetAt"):
        assert isinstance(dumped[field], str)
        again = datetime.datetime.fromisoformat(re.sub(r"Z$", "+00:00", dumped[field]))
        assert again == datetime.datetime.fromisoformat(re.sub(r"Z$", "+00:00", body[field]))
        assert again.utcoffset() == datetime.timedelta(0)
    assert UserProfile.from_dict(dumped) == profile


# -------------------------------------------------------------------- extra fields

OPEN_OBJECTS = sorted(
    n for n, s in JSON_OBJECTS.items() if s.get("additionalProperties") is not False
)
CLOSED_OBJECTS = sorted(
    n for n, s in JSON_OBJECTS.items() if s.get("additionalProperties") is False
)


@pytest.mark.parametrize("schema_name", OPEN_OBJECTS)
def test_unknown_fields_are_kept(schema_name: str) -> None:
    schema = JSON_OBJECTS[schema_name]
    extra_schema = schema.get("additionalProperties")
    extra: Any = {"nested": [1, "two", None, {"deep": True}]}
    if isinstance(extra_schema, Mapping):
        extra = minimal_instance(SPEC, extra_schema)
    data = _minimal({"$ref": SCHEMAS + schema_name})
    data["x_new_field"] = extra
    parsed = assert_round_trip(model_class(schema_name), data)
    assert parsed.additional_properties == {"x_new_field": extra}
    assert parsed["x_new_field"] == extra


def test_closed_objects_have_no_unknown_fields() -> None:
    # `additionalProperties: false` upstream (the request's legacy `functions`): the spec
    # refuses an unknown field, and the model has nowhere to keep one.
    assert "LegacyFunction" in CLOSED_OBJECTS
    for schema_name in CLOSED_OBJECTS:
        data = _minimal({"$ref": SCHEMAS + schema_name})
        assert schema_errors(SPEC, SCHEMAS + schema_name, data) == []
        assert schema_errors(SPEC, SCHEMAS + schema_name, {**data, "x_new_field": 1}) != []
        parsed = assert_round_trip(model_class(schema_name), data)
        assert not hasattr(parsed, "additional_properties")
    function = LegacyFunction.from_dict({"name": "f", "x_new_field": 1})
    assert function.to_dict() == {"name": "f"}


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


def test_transcription_form_keeps_unknown_fields() -> None:
    # A multipart form (it carries the audio file), not JSON: from_dict takes the file's
    # bytes and to_multipart sends every field, unknown ones too.
    form = TranscriptionRequest.from_dict(
        {
            "file": b"RIFF$\x00\x00\x00WAVE",
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
    file_part = parts["file"]
    payload = file_part[1]
    assert isinstance(payload, BytesIO)
    assert payload.getvalue() == b"RIFF$\x00\x00\x00WAVE"
    assert parts["response_format"] == (None, b"verbose_json", "text/plain")
    assert parts["timestamp_granularities"] == (None, b"word", "text/plain")
    built = TranscriptionRequest(
        file=File(payload=BytesIO(b"ID3"), file_name="a.mp3", mime_type="audio/mpeg"),
        language="fr",
    )
    built["prompt_hint"] = "names"
    assert [name for name, _ in built.to_multipart()] == ["file", "language", "prompt_hint"]
    assert built.to_multipart()[0][1][0::2] == ("a.mp3", "audio/mpeg")


# ------------------------------------------------------------------- growing enums

PROFILE = GATEWAY_BODIES[("get_account_profile", "200", "application/json")][0]


def test_known_tier_is_the_enum_member() -> None:
    profile = assert_round_trip(UserProfile, PROFILE)
    assert profile.tier is Tier.SEED


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
    body = ChatCompletionRequest(
        messages=[UserMessage(role="user", content="Hello")], model=TextModelName.CLAUDE
    ).to_dict()
    assert json.loads(json.dumps(body)) == _request(model="claude")


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
    names = [ref_name(branch) for branch in pointer_get(SPEC, pointer)["anyOf"]]
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
    role = pointer_get(SPEC, SCHEMAS + cls.__name__)["properties"]["role"]
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
    content = pointer_get(SPEC, SCHEMAS + schema_name)["properties"]["content"]
    return f'"{SCHEMAS}MessageContentPart"' in json.dumps(content)


PART_ROLES = [
    str(pointer_get(SPEC, SCHEMAS + name)["properties"]["role"]["const"])
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


@pytest.mark.parametrize(
    "message",
    [
        {"role": "robot", "content": "beep"},
        {"role": "critic", "content": "meh", "name": "x", "tool_call_id": "y"},
    ],
)
def test_unknown_role_fails(message: dict[str, Any]) -> None:
    assert schema_errors(SPEC, MESSAGE_ITEMS, message) != []
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
        data = _request(stop=stop)
        assert schema_errors(SPEC, SCHEMAS + "ChatCompletionRequest", data) == []
        assert assert_round_trip(ChatCompletionRequest, data).stop == stop
    request = assert_round_trip(ChatCompletionRequest, _request(logit_bias={"50256": -100}))
    assert request.logit_bias.additional_properties == {"50256": -100}
    legacy = [{"name": "get_weather", "parameters": {"type": "object"}}]
    request = assert_round_trip(ChatCompletionRequest, _request(functions=legacy))
    assert [type(f) for f in request.functions] == [LegacyFunction]


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

"""openapi.yaml: valid OpenAPI 3.1, and it carries what the seed and spec-notes.md say.

The tables below are written from the rendered reference (shared/seed/...) and from
shared/spec-notes.md, not from openapi.yaml, so a drift in the spec fails here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from _spec import (
    MAX_SAFE_INTEGER,
    Example,
    examples,
    operations,
    parameters,
    ref_name,
    resolve,
    schema_errors,
    schema_types,
    spec,
)
from openapi_spec_validator import validate

SPEC = spec()
OPERATIONS = operations(SPEC)


def test_openapi_yaml_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"].startswith("3.1.")
    validate(SPEC)  # raises OpenAPIValidationError on any problem


def test_info_and_server() -> None:
    assert SPEC["info"]["version"] == "0.3.0"
    assert [server["url"] for server in SPEC["servers"]] == ["https://gen.pollinations.ai"]


# ----------------------------------------------------------------------- operations

EXPECTED_OPERATIONS = [
    # (method, path, operationId, tag: the module package in pollinations_client.api)
    ("GET", "/account/profile", "get_account_profile", "account"),
    ("GET", "/account/balance", "get_account_balance", "account"),
    ("GET", "/account/usage", "get_account_usage", "account"),
    ("GET", "/v1/models", "list_models", "models"),
    ("GET", "/image/models", "list_image_models", "models"),
    ("GET", "/text/models", "list_text_models", "models"),
    ("GET", "/text/{prompt}", "generate_text", "text"),
    ("GET", "/image/{prompt}", "generate_image", "image"),
    ("POST", "/v1/chat/completions", "create_chat_completion", "chat"),
]


@pytest.mark.parametrize(
    ("method", "path", "operation_id", "tag"),
    EXPECTED_OPERATIONS,
    ids=[row[2] for row in EXPECTED_OPERATIONS],
)
def test_operation_present(method: str, path: str, operation_id: str, tag: str) -> None:
    assert path in SPEC["paths"], f"{path} missing"
    node = SPEC["paths"][path].get(method.lower())
    assert node is not None, f"{method} {path} missing"
    assert node["operationId"] == operation_id
    assert node["tags"][0] == tag


def test_no_undocumented_operations() -> None:
    assert sorted(OPERATIONS) == sorted(row[2] for row in EXPECTED_OPERATIONS)


# ----------------------------------------------------------------------- parameters

IMAGE_MODELS = (
    "flux",
    "turbo",
    "gptimage",
    "kontext",
    "seedream",
    "nanobanana",
    "nanobanana-pro",
    "veo",
    "seedance",
)
# The chat `model` enum as the seed renders it; /text/{prompt} takes the same names.
TEXT_MODELS = (
    "openai",
    "openai-fast",
    "openai-large",
    "qwen-coder",
    "mistral",
    "openai-audio",
    "gemini",
    "gemini-fast",
    "deepseek",
    "grok",
    "gemini-search",
    "chickytutor",
    "midijourney",
    "claude-fast",
    "claude",
    "claude-large",
    "perplexity-fast",
    "perplexity-reasoning",
    "kimi",
    "gemini-large",
    "nova-fast",
    "glm",
    "minimax",
    "nomnom",
)


class _Absent:
    def __repr__(self) -> str:
        return "<absent>"


ABSENT: Any = _Absent()


@dataclass(frozen=True)
class Param:
    op: str
    name: str
    type: str  # the JSON type; for an open enum the type of the fallback branch
    default: Any = ABSENT
    minimum: Any = ABSENT
    maximum: Any = ABSENT
    enum: tuple[str, ...] | None = None
    # `anyOf: [<enum $ref>, {type: string}]`: known names, and any other string
    open_enum: bool = False
    location: str = "query"
    pattern: str | None = None
    min_length: Any = ABSENT

    @property
    def ident(self) -> str:
        return f"{self.op}:{self.location}:{self.name}"


PARAMS = [
    # GET /image/{prompt}
    Param("generate_image", "prompt", "string", location="path", min_length=1),
    Param("generate_image", "model", "string", "flux", enum=IMAGE_MODELS, open_enum=True),
    Param("generate_image", "width", "integer", 1024, minimum=0),
    Param("generate_image", "height", "integer", 1024, minimum=0),
    Param("generate_image", "seed", "integer", 0, minimum=-1, maximum=MAX_SAFE_INTEGER),
    Param("generate_image", "enhance", "boolean", False),
    Param("generate_image", "negative_prompt", "string", "worst quality, blurry"),
    Param("generate_image", "private", "boolean", False),
    Param("generate_image", "nologo", "boolean", False),
    Param("generate_image", "nofeed", "boolean", False),
    Param("generate_image", "safe", "boolean", False),
    Param("generate_image", "quality", "string", "medium", enum=("low", "medium", "high", "hd")),
    Param("generate_image", "image", "string"),
    Param("generate_image", "transparent", "boolean", False),
    Param("generate_image", "guidance_scale", "number", minimum=1, maximum=20),
    # "veo 4, 6 or 8; seedance 2 to 10": together 2 .. 10
    Param("generate_image", "duration", "integer", minimum=2, maximum=10),
    # `16:9` or `9:16`: a string with a pattern, so that new ratios stay possible
    Param("generate_image", "aspectRatio", "string", pattern="^[0-9]+:[0-9]+$"),
    Param("generate_image", "audio", "boolean", False),
    # GET /text/{prompt}
    Param("generate_text", "prompt", "string", location="path", min_length=1),
    Param("generate_text", "model", "string", "openai", enum=TEXT_MODELS, open_enum=True),
    # spec-notes: "integer >= -1"; the upper bound is the JavaScript safe integer that
    # the image seed and the chat seed carry too.
    Param("generate_text", "seed", "integer", 0, minimum=-1, maximum=MAX_SAFE_INTEGER),
    Param("generate_text", "system", "string"),
    Param("generate_text", "json", "boolean", False),
    Param("generate_text", "temperature", "number", minimum=0, maximum=2),
    Param("generate_text", "stream", "boolean", False),
    # GET /account/usage
    Param("get_account_usage", "format", "string", "json", enum=("json", "csv")),
    # spec-notes says "number"; the spec says integer on purpose (a float would be sent
    # as `100.0`).
    Param("get_account_usage", "limit", "integer", 100, minimum=1, maximum=50000),
    Param("get_account_usage", "before", "string"),
]


def _param_schema(param: Param) -> tuple[dict[str, Any], Any]:
    op = OPERATIONS[param.op]
    found = parameters(SPEC, op)
    key = (param.location, param.name)
    assert key in found, f"{param.ident} missing from the spec"
    return found[key], found[key]["schema"]


@pytest.mark.parametrize("param", PARAMS, ids=[p.ident for p in PARAMS])
def test_parameter(param: Param) -> None:
    declared, raw_schema = _param_schema(param)
    assert declared["required"] is (param.location == "path")
    assert declared.get("description"), f"{param.ident} has no description"

    schema = resolve(SPEC, raw_schema)
    if param.open_enum:
        # anyOf: [ {$ref: <enum>}, {type: string} ], the default on the parameter schema
        assert "anyOf" in schema, f"{param.ident}: a closed enum rejects new names: {schema}"
        branches = schema["anyOf"]
        assert len(branches) == 2, branches
        enum_branch, open_branch = branches
        assert ref_name(enum_branch) is not None, "the first branch must be the enum $ref"
        enum_schema = resolve(SPEC, enum_branch)
        assert schema_types(enum_schema) == {"string"}
        assert tuple(enum_schema["enum"]) == param.enum
        assert open_branch == {"type": param.type}
        assert schema.get("default", ABSENT) == param.default
        return

    assert schema_types(schema) == {param.type}, schema
    assert schema.get("default", ABSENT) == param.default
    assert schema.get("minimum", ABSENT) == param.minimum
    assert schema.get("maximum", ABSENT) == param.maximum
    assert schema.get("minLength", ABSENT) == param.min_length
    assert schema.get("pattern") == param.pattern
    if param.enum is None:
        assert "enum" not in schema
    else:
        assert tuple(schema["enum"]) == param.enum
    # bool is an int in Python: make sure a default has exactly the declared type
    python_type: dict[str, type | tuple[type, ...]] = {
        "string": str,
        "integer": int,
        "number": (int, float),
        "boolean": bool,
    }
    if param.default is not ABSENT:
        assert isinstance(param.default, python_type[param.type])
        assert schema["default"].__class__ is param.default.__class__


def test_every_spec_parameter_is_in_the_table() -> None:
    in_spec = {
        f"{op_id}:{location}:{name}"
        for op_id, op in OPERATIONS.items()
        for (location, name) in parameters(SPEC, op)
    }
    assert in_spec == {p.ident for p in PARAMS}


def test_aspect_ratio_examples_match_its_pattern() -> None:
    _, schema = _param_schema(next(p for p in PARAMS if p.name == "aspectRatio"))
    assert schema["examples"] == ["16:9", "9:16"]
    for example in schema["examples"]:
        assert re.fullmatch(schema["pattern"], example)
    assert not re.fullmatch(schema["pattern"], "wide")


def test_prompt_is_shared_and_documents_encoding() -> None:
    for op_id in ("generate_image", "generate_text"):
        raw = [
            p for p in OPERATIONS[op_id].node["parameters"] if p.get("$ref", "").endswith("Prompt")
        ]
        assert raw == [{"$ref": "#/components/parameters/Prompt"}]
    description = SPEC["components"]["parameters"]["Prompt"]["description"]
    assert "ercent-encode" in description


# ------------------------------------------------------------------------ responses

JSON = "application/json"
ERROR = "ErrorResponse"
VALIDATION = "ValidationErrorResponse"
# status -> media type -> schema: a component name, `Name[]` for an array of it,
# `string` or `binary`. An empty mapping is a response documented without a body.
EXPECTED_RESPONSES: dict[str, dict[str, dict[str, str]]] = {
    "get_account_profile": {"200": {JSON: "UserProfile"}, "401": {}, "403": {}},
    "get_account_balance": {"200": {JSON: "AccountBalance"}, "401": {}, "403": {}},
    "get_account_usage": {
        "200": {JSON: "UsageResponse", "text/csv": "string"},
        "401": {},
        "403": {},
    },
    "list_models": {"200": {JSON: "ModelList"}, "500": {JSON: ERROR}},
    "list_image_models": {"200": {JSON: "ModelInfo[]"}, "500": {JSON: ERROR}},
    "list_text_models": {"200": {JSON: "ModelInfo[]"}, "500": {JSON: ERROR}},
    "create_chat_completion": {
        "200": {JSON: "ChatCompletion", "text/event-stream": "string"},
        "400": {JSON: VALIDATION},
        "401": {JSON: ERROR},
        "402": {JSON: ERROR},
        "403": {JSON: ERROR},
        "500": {JSON: ERROR},
    },
    "generate_text": {
        "200": {"text/plain": "string", "text/event-stream": "string"},
        "400": {JSON: VALIDATION},
        "401": {JSON: ERROR},
        "402": {JSON: ERROR},
        "403": {JSON: ERROR},
        "500": {JSON: ERROR},
    },
    "generate_image": {
        "200": {"image/jpeg": "binary", "image/png": "binary", "video/mp4": "binary"},
        "400": {JSON: VALIDATION},
        "401": {JSON: ERROR},
        "402": {JSON: ERROR},
        "403": {JSON: ERROR},
        "500": {JSON: ERROR},
    },
}


def _describe_media_schema(schema: Mapping[str, Any]) -> str:
    name = ref_name(schema)
    if name is not None:
        return name
    if schema.get("type") == "array":
        item = ref_name(schema["items"])
        assert item is not None, schema
        return f"{item}[]"
    assert schema.get("type") == "string", schema
    return "binary" if schema.get("format") == "binary" else "string"


@pytest.mark.parametrize("operation_id", sorted(EXPECTED_RESPONSES))
def test_responses(operation_id: str) -> None:
    responses = OPERATIONS[operation_id].node["responses"]
    actual: dict[str, dict[str, str]] = {}
    for status, raw in responses.items():
        response = resolve(SPEC, raw)
        assert response.get("description"), f"{operation_id} {status} has no description"
        actual[str(status)] = {
            media_type: _describe_media_schema(media["schema"])
            for media_type, media in response.get("content", {}).items()
        }
    assert actual == EXPECTED_RESPONSES[operation_id]


def test_error_responses_are_shared_components() -> None:
    # Every error answer with a body is a $ref to components/responses, so that the
    # envelope is described once.
    for op in OPERATIONS.values():
        for status, response in op.node["responses"].items():
            if str(status) != "200" and "content" in resolve(SPEC, response):
                assert "$ref" in response, f"{op.operation_id} {status} is inline"


def _schema(name: str) -> dict[str, Any]:
    schemas: dict[str, Any] = SPEC["components"]["schemas"]
    assert name in schemas, f"components/schemas/{name} missing"
    found: dict[str, Any] = schemas[name]
    return found


def _prop(schema_name: str, prop: str) -> dict[str, Any]:
    schema = _schema(schema_name)
    assert prop in schema["properties"], f"{schema_name}.{prop} missing"
    found: dict[str, Any] = schema["properties"][prop]
    return found


@pytest.mark.parametrize(
    ("envelope", "info", "details"),
    [
        ("ErrorResponse", "ErrorInfo", "ErrorDetails"),
        ("ValidationErrorResponse", "ValidationErrorInfo", "ValidationErrorDetails"),
    ],
)
def test_error_envelope(envelope: str, info: str, details: str) -> None:
    outer = _schema(envelope)
    assert set(outer["required"]) == {"status", "success", "error"}
    assert schema_types(outer["properties"]["status"]) <= {"integer", "number"}
    assert schema_types(outer["properties"]["success"]) == {"boolean"}
    assert ref_name(outer["properties"]["error"]) == info

    inner = _schema(info)
    assert set(inner["required"]) == {"code", "message", "timestamp", "details"}
    assert set(inner["properties"]) == {
        "code",
        "message",
        "timestamp",
        "details",
        "requestId",
        "cause",
    }
    for field in ("code", "message", "timestamp", "requestId"):
        assert schema_types(inner["properties"][field]) == {"string"}, field
    # `cause` is whatever the server reports: no type constraint at all
    assert "type" not in inner["properties"]["cause"]
    assert ref_name(inner["properties"]["details"]) == details

    detail = _schema(details)
    assert schema_types(detail["properties"]["name"]) == {"string"}
    assert schema_types(detail["properties"]["stack"]) == {"string"}
    assert "name" in detail["required"]
    assert "stack" not in detail["required"]


def test_validation_error_details_field_errors() -> None:
    details = _schema("ValidationErrorDetails")
    assert set(details["required"]) == {"name", "formErrors", "fieldErrors"}
    assert details["properties"]["formErrors"] == {"type": "array", "items": {"type": "string"}}
    field_errors = details["properties"]["fieldErrors"]
    assert field_errors["type"] == "object"
    assert field_errors["additionalProperties"] == {"type": "array", "items": {"type": "string"}}


# ----------------------------------------------------------------------- components


@pytest.mark.parametrize(
    "name",
    [
        "ErrorDetails",
        "CacheControl",
        "ContentFilterSeverity",
        "ContentFilterResult",
        "CompletionUsage",
        "ValidationErrorDetails",
        "MessageContentPart",
        "ChatCompletionChunk",
    ],
)
def test_component_present(name: str) -> None:
    assert _schema(name)


def test_cache_control_and_content_filter_severity() -> None:
    assert _prop("CacheControl", "type")["enum"] == ["ephemeral"]
    assert _schema("ContentFilterSeverity")["enum"] == ["safe", "low", "medium", "high"]
    result = _schema("ContentFilterResult")
    severity = ("hate", "self_harm", "sexual", "violence")
    detected = ("jailbreak", "protected_material_text", "protected_material_code")
    assert set(result["properties"]) == {*severity, *detected}
    for name in severity:
        target = resolve(SPEC, result["properties"][name])
        assert ref_name(target["properties"]["severity"]) == "ContentFilterSeverity"
    for name in detected:
        target = resolve(SPEC, result["properties"][name])
        assert set(target["required"]) == {"filtered", "detected"}


def test_message_content_part_is_the_documented_union() -> None:
    branches = [ref_name(b) for b in _schema("MessageContentPart")["anyOf"]]
    assert branches == [
        "TextContentPart",
        "ImageUrlContentPart",
        "VideoUrlContentPart",
        "InputAudioContentPart",
        "FileContentPart",
        "CustomContentPart",
    ]
    consts = {
        name: _prop(name, "type").get("const")
        for name in branches
        if name is not None and name != "CustomContentPart"
    }
    assert consts == {
        "TextContentPart": "text",
        "ImageUrlContentPart": "image_url",
        "VideoUrlContentPart": "video_url",
        "InputAudioContentPart": "input_audio",
        "FileContentPart": "file",
    }
    custom = _schema("CustomContentPart")
    assert custom["required"] == ["type"]
    assert custom["additionalProperties"] is True


def test_chat_completion_chunk_shape() -> None:
    chunk = _schema("ChatCompletionChunk")
    assert set(chunk["required"]) == {"id", "object", "created", "model", "choices"}
    choice = resolve(SPEC, chunk["properties"]["choices"]["items"])
    assert set(choice["required"]) == {"index", "delta"}
    delta = resolve(SPEC, choice["properties"]["delta"])
    assert "required" not in delta
    assert {"role", "content", "reasoning_content", "tool_calls", "content_blocks"} <= set(
        delta["properties"]
    )
    tool_call = resolve(SPEC, delta["properties"]["tool_calls"]["items"])
    assert tool_call["required"] == ["index"]
    function = resolve(SPEC, tool_call["properties"]["function"])
    assert "required" not in function
    assert set(function["properties"]) == {"name", "arguments"}


def test_security_schemes() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert {"type": schemes["bearerAuth"]["type"], "scheme": schemes["bearerAuth"]["scheme"]} == {
        "type": "http",
        "scheme": "bearer",
    }
    key = schemes["keyQuery"]
    assert (key["type"], key["in"], key["name"]) == ("apiKey", "query", "key")
    # Either scheme alone authenticates (two alternatives, not one combined requirement).
    assert SPEC["security"] == [{"bearerAuth": []}, {"keyQuery": []}]


@pytest.mark.parametrize("operation_id", ["list_models", "list_image_models", "list_text_models"])
def test_model_discovery_works_without_a_key(operation_id: str) -> None:
    # `[]`: no requirement. A key may still be sent; it only narrows the list.
    assert OPERATIONS[operation_id].node["security"] == []


@pytest.mark.parametrize(
    "operation_id",
    [
        "get_account_profile",
        "get_account_balance",
        "get_account_usage",
        "generate_text",
        "generate_image",
        "create_chat_completion",
    ],
)
def test_operations_that_need_a_key_say_so_themselves(operation_id: str) -> None:
    # Stated per operation (not only globally): the generator types `client` from it.
    assert OPERATIONS[operation_id].node["security"] == [{"bearerAuth": []}, {"keyQuery": []}]


# ------------------------------------------------------------------------- unions


def _branches(schema: Any) -> frozenset[str]:
    """Normalise a schema to the set of alternatives it allows: JSON type names,
    component names, `array<...>` and `object<...>` (additionalProperties). A `$ref` to
    a component that is itself a union expands to that union's branches."""
    name = ref_name(schema) if isinstance(schema, Mapping) else None
    resolved = resolve(SPEC, schema)
    for keyword in ("anyOf", "oneOf"):
        if keyword in resolved:
            found: set[str] = set()
            for branch in resolved[keyword]:
                found |= _branches(branch)
            return frozenset(found)
    if name is not None and ("properties" in resolved or "enum" in resolved):
        return frozenset({name})
    found = set()
    for kind in schema_types(resolved):
        if kind == "array":
            found.add("array<" + "|".join(sorted(_branches(resolved["items"]))) + ">")
        elif kind == "object" and isinstance(resolved.get("additionalProperties"), Mapping):
            inner = "|".join(sorted(_branches(resolved["additionalProperties"])))
            found.add(f"object<{inner}>")
        else:
            found.add(kind)
    return frozenset(found)


NUMBER_OR_NULL = {"number", "null"}
INTEGER_OR_NULL = {"integer", "null"}
BOOLEAN_OR_NULL = {"boolean", "null"}
STRING_OR_NULL = {"string", "null"}
PARTS = (
    "array<CustomContentPart|FileContentPart|ImageUrlContentPart|InputAudioContentPart"
    "|TextContentPart|VideoUrlContentPart>"
)
BLOCKS = (
    "array<CustomContentPart|ImageUrlContentPart|RedactedThinkingContentBlock"
    "|TextContentPart|ThinkingContentBlock>"
)
MESSAGES = (
    "array<AssistantMessage|DeveloperMessage|FunctionMessage|SystemMessage|ToolMessage|UserMessage>"
)

# (schema, property) -> the alternatives spec-notes gives for a field the seed prints as
# `object` (or as a closed enum that really grows).
UNIONS: list[tuple[str, str, set[str]]] = [
    ("ChatCompletionRequest", "messages", {MESSAGES}),
    ("ChatCompletionRequest", "model", {"TextModelName", "string"}),
    ("ChatCompletionRequest", "temperature", NUMBER_OR_NULL),
    ("ChatCompletionRequest", "top_p", NUMBER_OR_NULL),
    ("ChatCompletionRequest", "frequency_penalty", NUMBER_OR_NULL),
    ("ChatCompletionRequest", "presence_penalty", NUMBER_OR_NULL),
    ("ChatCompletionRequest", "repetition_penalty", NUMBER_OR_NULL),
    ("ChatCompletionRequest", "max_tokens", INTEGER_OR_NULL),
    ("ChatCompletionRequest", "seed", INTEGER_OR_NULL),
    ("ChatCompletionRequest", "top_logprobs", INTEGER_OR_NULL),
    ("ChatCompletionRequest", "stream", BOOLEAN_OR_NULL),
    ("ChatCompletionRequest", "logprobs", BOOLEAN_OR_NULL),
    ("ChatCompletionRequest", "logit_bias", {"object<integer>", "null"}),
    ("ChatCompletionRequest", "stream_options", {"StreamOptions", "null"}),
    ("ChatCompletionRequest", "stop", {"string", "array<string>", "null"}),
    (
        "ChatCompletionRequest",
        "response_format",
        {"ResponseFormatText", "ResponseFormatJsonObject", "ResponseFormatJsonSchema"},
    ),
    ("ChatCompletionRequest", "thinking", {"ThinkingOptions", "null"}),
    ("ChatCompletionRequest", "tool_choice", {"ToolChoiceMode", "NamedToolChoice"}),
    ("ChatCompletionRequest", "function_call", {"FunctionCallMode", "NamedFunctionCall"}),
    ("ChatCompletionRequest", "tools", {"array<BuiltinTool|FunctionTool>"}),
    ("AudioOutputOptions", "voice", {"AudioVoice", "string"}),
    ("FunctionDefinition", "strict", BOOLEAN_OR_NULL),
    ("JsonSchemaFormat", "strict", BOOLEAN_OR_NULL),
    ("SystemMessage", "content", {"string", PARTS}),
    ("DeveloperMessage", "content", {"string", PARTS}),
    ("UserMessage", "content", {"string", PARTS}),
    ("AssistantMessage", "content", {"string", PARTS, "null"}),
    ("AssistantMessage", "function_call", {"FunctionCall", "null"}),
    ("ToolMessage", "content", {"string", PARTS, "null"}),
    ("FunctionMessage", "content", STRING_OR_NULL),
    ("ChatCompletion", "system_fingerprint", STRING_OR_NULL),
    ("ChatCompletion", "prompt_filter_results", {"array<PromptFilterResult>", "null"}),
    ("ChatCompletion", "user_tier", {"Tier", "string"}),
    ("ChatCompletionChoice", "finish_reason", STRING_OR_NULL),
    ("ChatCompletionChoice", "logprobs", {"ChoiceLogprobs", "null"}),
    ("ChatCompletionChoice", "content_filter_results", {"ContentFilterResult", "null"}),
    ("ChatCompletionMessage", "content", STRING_OR_NULL),
    ("ChatCompletionMessage", "reasoning_content", STRING_OR_NULL),
    ("ChatCompletionMessage", "tool_calls", {"array<ToolCall>", "null"}),
    ("ChatCompletionMessage", "function_call", {"FunctionCall", "null"}),
    ("ChatCompletionMessage", "audio", {"MessageAudio", "null"}),
    ("ChatCompletionMessage", "content_blocks", {BLOCKS, "null"}),
    ("ChoiceLogprobs", "content", {"array<TokenLogprob>", "null"}),
    ("CompletionUsage", "completion_tokens_details", {"CompletionTokensDetails", "null"}),
    ("CompletionUsage", "prompt_tokens_details", {"PromptTokensDetails", "null"}),
    ("ChatCompletionChunk", "system_fingerprint", STRING_OR_NULL),
    ("ChatCompletionChunk", "usage", {"CompletionUsage", "null"}),
    ("ChatCompletionChunk", "user_tier", {"Tier", "string"}),
    ("ChatCompletionChunkChoice", "finish_reason", STRING_OR_NULL),
    ("ChatCompletionChunkChoice", "logprobs", {"ChoiceLogprobs", "null"}),
    ("ChoiceDelta", "content", STRING_OR_NULL),
    ("ChoiceDelta", "reasoning_content", STRING_OR_NULL),
    ("ChoiceDelta", "tool_calls", {"array<ToolCallDelta>", "null"}),
    ("ChoiceDelta", "content_blocks", {BLOCKS, "null"}),
    ("UserProfile", "tier", {"Tier", "string"}),
    ("UserProfile", "name", STRING_OR_NULL),
    ("UserProfile", "email", STRING_OR_NULL),
    ("UserProfile", "githubUsername", STRING_OR_NULL),
    ("UserProfile", "nextResetAt", STRING_OR_NULL),
    ("UsageRecord", "model", STRING_OR_NULL),
    ("UsageRecord", "api_key", STRING_OR_NULL),
    ("UsageRecord", "api_key_type", STRING_OR_NULL),
    ("UsageRecord", "meter_source", STRING_OR_NULL),
    ("UsageRecord", "response_time_ms", NUMBER_OR_NULL),
]


@pytest.mark.parametrize(
    ("schema_name", "prop", "expected"),
    UNIONS,
    ids=[f"{schema}.{prop}" for schema, prop, _ in UNIONS],
)
def test_true_union_types(schema_name: str, prop: str, expected: set[str]) -> None:
    assert _branches(_prop(schema_name, prop)) == expected


@pytest.mark.parametrize(
    ("schema_name", "prop", "minimum", "maximum", "default"),
    [
        ("ChatCompletionRequest", "temperature", 0, 2, 1),
        ("ChatCompletionRequest", "top_p", 0, 1, 1),
        ("ChatCompletionRequest", "frequency_penalty", -2, 2, 0),
        ("ChatCompletionRequest", "presence_penalty", -2, 2, 0),
        ("ChatCompletionRequest", "repetition_penalty", 0, 2, ABSENT),
        ("ChatCompletionRequest", "max_tokens", 0, ABSENT, ABSENT),
        ("ChatCompletionRequest", "seed", -1, MAX_SAFE_INTEGER, ABSENT),
        ("ChatCompletionRequest", "top_logprobs", 0, 20, ABSENT),
        ("ChatCompletionRequest", "stream", ABSENT, ABSENT, False),
        ("ChatCompletionRequest", "logprobs", ABSENT, ABSENT, False),
        ("ThinkingOptions", "budget_tokens", 1, ABSENT, ABSENT),
    ],
)
def test_chat_bounds_and_defaults(
    schema_name: str, prop: str, minimum: Any, maximum: Any, default: Any
) -> None:
    schema = _prop(schema_name, prop)
    assert schema.get("minimum", ABSENT) == minimum
    assert schema.get("maximum", ABSENT) == maximum
    assert schema.get("default", ABSENT) == default


def test_small_chat_shapes() -> None:
    stop_array = next(b for b in _prop("ChatCompletionRequest", "stop")["anyOf"] if "items" in b)
    assert (stop_array["minItems"], stop_array["maxItems"]) == (1, 4)
    assert _prop("ChatCompletionRequest", "messages")["minItems"] == 1
    assert _schema("ChatCompletionRequest")["required"] == ["messages"]
    assert _schema("ToolChoiceMode")["enum"] == ["none", "auto", "required"]
    assert _schema("FunctionCallMode")["enum"] == ["none", "auto"]
    thinking_type = _prop("ThinkingOptions", "type")
    assert (thinking_type["enum"], thinking_type["default"]) == (
        ["enabled", "disabled"],
        "disabled",
    )
    assert _schema("BuiltinToolType")["enum"] == [
        "code_execution",
        "google_search",
        "google_maps",
        "url_context",
        "computer_use",
        "file_search",
    ]
    assert _schema("JsonSchemaFormat")["required"] == ["schema"]
    assert _schema("StreamOptions")["properties"] == {"include_usage": {"type": "boolean"}}
    assert _schema("Tier")["enum"] == ["anonymous", "spore", "seed", "flower", "nectar", "router"]
    message = _schema("ChatMessage")
    assert message["discriminator"]["propertyName"] == "role"
    assert set(message["discriminator"]["mapping"]) == {
        "system",
        "developer",
        "user",
        "assistant",
        "tool",
        "function",
    }


def _walk(node: Any, path: str, name_map: bool = False) -> list[str]:
    """Every `type: object` schema under `node` that says nothing about its contents.
    `name_map` marks a mapping of names to schemas (`properties`, `schemas`, ...), whose
    keys may be anything, `type` included."""
    found: list[str] = []
    if isinstance(node, Mapping):
        if (
            not name_map
            and "object" in schema_types(node)
            and "properties" not in node
            and "additionalProperties" not in node
        ):
            found.append(path)
        for key, value in node.items():
            if not name_map and key in ("example", "examples", "enum", "const", "default"):
                continue
            child_is_map = not name_map and key in (
                "properties",
                "patternProperties",
                "$defs",
                "schemas",
                "paths",
                "parameters",
                "responses",
                "content",
            )
            found.extend(_walk(value, f"{path}/{key}", child_is_map))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_walk(value, f"{path}/{index}"))
    return found


def test_no_bare_object_schema_anywhere() -> None:
    # The rendered page prints every union as `object`; copying that yields a useless
    # dict type. A real free-form object says so with additionalProperties.
    assert _walk(SPEC["paths"], "#/paths") == []
    assert _walk(SPEC["components"], "#/components") == []


def test_bare_object_walk_is_not_vacuous() -> None:
    bare = {"type": "object", "default": 1}
    schemas = {"S": {"type": "object", "properties": {"type": {"type": "string"}, "x": bare}}}
    assert _walk({"schemas": schemas}, "#") == ["#/schemas/S/properties/x"]
    nullable = {"anyOf": [{"type": ["object", "null"]}]}
    assert _walk(nullable, "#") == ["#/anyOf/0"]


# ------------------------------------------------------------------------- examples

EXAMPLES = examples(SPEC)


def test_examples_are_found() -> None:
    idents = {example.ident for example in EXAMPLES}
    # The seed's examples: one per JSON answer, the request, the error envelopes and the
    # schema list. A change in how the spec carries them must not silently drop them.
    for expected in (
        "get_account_profile 200 application/json",
        "get_account_balance 200 application/json",
        "get_account_usage 200 application/json",
        "list_models 200 application/json",
        "list_image_models 200 application/json",
        "list_text_models 200 application/json",
        "create_chat_completion request application/json",
        "create_chat_completion 200 application/json",
        "generate_text 200 text/plain",
        "responses/BadRequest application/json",
        "responses/Unauthorized application/json",
        "responses/InternalError application/json",
        "schemas/ErrorDetails",
        "schemas/CacheControl",
        "schemas/ContentFilterResult",
        "schemas/CompletionUsage",
        "schemas/ValidationErrorDetails",
        "schemas/TextContentPart",
        "schemas/ImageUrlContentPart",
        "schemas/VideoUrlContentPart",
    ):
        assert expected in idents


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.ident for e in EXAMPLES])
def test_example_matches_its_schema(example: Example) -> None:
    assert schema_errors(SPEC, example.schema_pointer, example.value) == []


def test_schema_validation_is_not_vacuous() -> None:
    errors = schema_errors(SPEC, "#/components/schemas/UserProfile", {"tier": 3})
    assert any("createdAt" in error for error in errors)
    assert schema_errors(SPEC, "#/components/schemas/ChatMessage", {"role": "robot"}) != []

"""openapi.yaml: valid OpenAPI 3.1, upstream's document with our names and corrections.

openapi.yaml is written by `make update-spec` from upstream's own document
(spec/upstream/2026-03-03-c1cbc69.json), the model names pinned in spec/names.yaml and the
corrections in spec/overlay.yaml. The expectations here are written from the issue that
asked for the operations, packages, responses, security and open enums (the tables
below), and from upstream's raw document, read in the tests themselves (parameters, enum
values, the error envelope, info and servers): never from openapi.yaml, so a drift in the
spec or a correction that stops applying fails here.

Not here: the property-by-property comparison of every schema with upstream (the
fidelity tests live in their own module).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from _spec import (
    EXPECTED_OPERATIONS,
    REPO_ROOT,
    examples,
    operations,
    ref_name,
    resolve,
    schema_errors,
    spec,
)
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from pollinations_client.custom import _openapi as openapi
from spec.tools import hoist

SPEC = spec()
OPERATIONS = operations(SPEC)
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]

UPSTREAM_PATH = REPO_ROOT / "spec" / "upstream" / "2026-03-03-c1cbc69.json"
# The oldest revision: the last one that typed the items of the model lists.
UPSTREAM_TYPED_MODELS_PATH = REPO_ROOT / "spec" / "upstream" / "2026-02-08-0b26ef1.json"
NAMES_PATH = REPO_ROOT / "spec" / "names.yaml"


def _load_json(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        loaded = json.load(handle)
    assert isinstance(loaded, dict)
    return loaded


UPSTREAM = _load_json(UPSTREAM_PATH)
UPSTREAM_TYPED_MODELS = _load_json(UPSTREAM_TYPED_MODELS_PATH)


def _load_names() -> dict[str, list[str]]:
    with NAMES_PATH.open(encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle)
    assert isinstance(loaded, dict)
    return {
        str(name): [pointers] if isinstance(pointers, str) else list(pointers)
        for name, pointers in loaded.items()
    }


NAMES = _load_names()
SCHEMA_REF = openapi.SCHEMAS


def _ref(name: str) -> dict[str, str]:
    return {"$ref": SCHEMA_REF + name}


# ----------------------------------------------------------------- local helpers


def follow(document: Any, pointer: str, *, resolve_last: bool = False) -> Any:
    """Follow a JSON pointer (`/paths/~1a/get/...` or `#/...`) through `document`,
    resolving `$ref`s met on the way (so a pointer written against upstream's inline
    text also reaches into our hoisted components). A token `[name]` picks the element
    of a list whose `name` is `name` (parameters by name, not by position)."""
    node = document
    for token in openapi.tokens(pointer):
        node = resolve(document, node)
        if token.startswith("[") and token.endswith("]"):
            assert isinstance(node, list), f"{pointer}: {token} needs a list"
            matches = [item for item in node if resolve(document, item).get("name") == token[1:-1]]
            assert len(matches) == 1, f"{pointer}: {len(matches)} elements named {token}"
            node = matches[0]
        else:
            node = openapi.get(node, openapi.pointer(token))
    return resolve(document, node) if resolve_last else node


def all_schemas(document: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema of the document (`#/...` pointer, schema), each once; what a `$ref`
    refers to is visited where it is written."""
    for pointer, schema in openapi.iter_schemas(document):
        yield "#" + pointer, schema


def operation_schemas(document: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The schemas written inline under `paths` (parameters, request and response
    bodies), with their pointers."""
    return ((p, schema) for p, schema in all_schemas(document) if p.startswith("#/paths/"))


def opened(schema: Mapping[str, Any], name: str) -> dict[str, Any]:
    """What the overlay's `x-open-enum: <name>` makes of an enum schema: its type and enum
    become `anyOf: [{$ref: <name>}, {type: string}]`, everything else stays."""
    result = {key: value for key, value in schema.items() if key not in ("type", "enum")}
    result["anyOf"] = [_ref(name), {"type": "string"}]
    return result


def describe_media_schema(schema: Mapping[str, Any]) -> str:
    """`Name` for a component, `Name[]` for an array of one, `string` or `binary`."""
    name = ref_name(schema)
    if name is not None:
        assert set(schema) == {"$ref"}, schema
        return name
    if schema.get("type") == "array":
        item = ref_name(schema["items"])
        assert item is not None, f"array of an inline schema: {schema}"
        return f"{item}[]"
    assert schema.get("type") == "string", schema
    return "binary" if schema.get("format") == "binary" else "string"


# ------------------------------------------------------------------ document


def test_openapi_yaml_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"] == "3.1.0"
    validate(SPEC, cls=OpenAPIV31SpecValidator)  # raises OpenAPIValidationError


def test_validation_is_not_vacuous() -> None:
    broken = copy.deepcopy(SPEC)
    broken["paths"]["/account/profile"]["get"]["responses"]["200"]["content"] = "nope"
    with pytest.raises(OpenAPIValidationError, match="nope"):
        validate(broken, cls=OpenAPIV31SpecValidator)


def test_info_and_servers_are_upstreams() -> None:
    assert SPEC["info"] == UPSTREAM["info"]
    assert SPEC["info"]["version"] == "0.3.0"
    assert SPEC["servers"] == UPSTREAM["servers"] == [{"url": "https://gen.pollinations.ai"}]


# ---------------------------------------------------------------- operations

OPERATION_IDS = [row[2] for row in EXPECTED_OPERATIONS]


@pytest.mark.parametrize(
    ("method", "path", "operation_id", "tag"), EXPECTED_OPERATIONS, ids=OPERATION_IDS
)
def test_operation(method: str, path: str, operation_id: str, tag: str) -> None:
    assert path in SPEC["paths"], f"{path} missing"
    node = SPEC["paths"][path].get(method.lower())
    assert node is not None, f"{method} {path} missing"
    assert node["operationId"] == operation_id
    assert node["tags"] == [tag]
    # the same operation exists upstream, under upstream's own (unusable) name
    assert method.lower() in UPSTREAM["paths"][path]
    assert UPSTREAM["paths"][path][method.lower()]["operationId"] != operation_id


def test_exactly_the_fifteen_operations() -> None:
    assert len(EXPECTED_OPERATIONS) == 15
    assert sorted(OPERATIONS) == sorted(OPERATION_IDS)
    ours = {(op.method, op.path) for op in OPERATIONS.values()}
    assert ours == {(method, path) for method, path, _, _ in EXPECTED_OPERATIONS}


def test_every_package_is_a_described_tag() -> None:
    tags = {tag["name"]: tag.get("description") for tag in SPEC["tags"]}
    assert set(tags) == {row[3] for row in EXPECTED_OPERATIONS}
    assert all(tags.values()), tags


# ---------------------------------------------------------------- pinned names


@pytest.mark.parametrize("name", sorted(NAMES))
def test_pinned_name_is_a_component(name: str) -> None:
    assert name in SCHEMAS, f"spec/names.yaml pins {name}, openapi.yaml has no such component"
    assert "$ref" not in SCHEMAS[name], f"{name} is only an alias"


# Each pinned location as a pointer into upstream's text (a JSONPath pin names one schema).
PINNED = [
    (name, hoist.locate(UPSTREAM, location, name) or location)
    for name, locations in sorted(NAMES.items())
    for location in locations
]


@pytest.mark.parametrize(("name", "pointer"), PINNED, ids=[f"{n}:{p}" for n, p in PINNED])
def test_pinned_location_refers_to_its_component(name: str, pointer: str) -> None:
    # c1cbc69 has every location names.yaml pins ...
    upstream_node = follow(UPSTREAM, pointer)
    assert isinstance(upstream_node, dict)
    # ... and in openapi.yaml the schema there is the component, not an inline copy.
    assert follow(SPEC, pointer) == _ref(name)


def test_a_pinned_ref_renames_the_component() -> None:
    # Upstream's own components that names.yaml renames through a `$ref` are gone:
    # one model, under our name (CreateSpeechRequest -> SpeechRequest).
    renamed: set[str] = set()
    for _, pointer in PINNED:
        upstream_name = ref_name(follow(UPSTREAM, pointer))
        if upstream_name is not None:
            renamed.add(upstream_name)
    assert "CreateSpeechRequest" in renamed
    assert not renamed & set(SCHEMAS), renamed & set(SCHEMAS)


def _inline_objects(document: Mapping[str, Any]) -> list[str]:
    return [pointer for pointer, schema in operation_schemas(document) if "properties" in schema]


def test_no_inline_object_schema_in_any_operation() -> None:
    # Every object a request or response carries is a named component.
    assert _inline_objects(SPEC) == []


def test_inline_object_search_is_not_vacuous() -> None:
    # Upstream writes them inline: the search finds them where names.yaml pins a name.
    found = set(_inline_objects(UPSTREAM))
    profile = "#/paths/~1account~1profile/get/responses/200/content/application~1json/schema"
    chat = "#/paths/~1v1~1chat~1completions/post/requestBody/content/application~1json/schema"
    assert {profile, chat, f"{chat}/properties/audio"} <= found


# From the issue: the models users touch, where they sit in an operation.
SPOT_CHECKS = [
    ("create_chat_completion", "responses/200/content/application~1json/schema", "ChatCompletion"),
    (
        "create_chat_completion",
        "requestBody/content/application~1json/schema",
        "ChatCompletionRequest",
    ),
    ("get_account_profile", "responses/200/content/application~1json/schema", "UserProfile"),
    ("get_account_usage", "responses/200/content/application~1json/schema", "UsageResponse"),
    (
        "get_account_usage",
        "responses/200/content/application~1json/schema/properties/usage/items",
        "UsageRecord",
    ),
    ("get_account_balance", "responses/200/content/application~1json/schema", "Balance"),
    ("get_account_key", "responses/200/content/application~1json/schema", "KeyInfo"),
    (
        "get_account_usage_daily",
        "responses/200/content/application~1json/schema",
        "DailyUsageResponse",
    ),
    ("list_models", "responses/200/content/application~1json/schema", "ModelList"),
    ("create_speech", "requestBody/content/application~1json/schema", "SpeechRequest"),
    (
        "create_transcription",
        "requestBody/content/multipart~1form-data/schema",
        "TranscriptionRequest",
    ),
    ("create_transcription", "responses/200/content/application~1json/schema", "Transcription"),
]


@pytest.mark.parametrize(
    ("operation_id", "where", "name"), SPOT_CHECKS, ids=[row[2] for row in SPOT_CHECKS]
)
def test_important_models_are_named(operation_id: str, where: str, name: str) -> None:
    assert follow(SPEC, f"{OPERATIONS[operation_id].pointer}/{where}") == _ref(name)
    assert "properties" in SCHEMAS[name], f"{name} is not an object with properties"


# ------------------------------------------------------------------ responses

JSON = "application/json"
ERROR = {JSON: "ErrorResponse"}
VALIDATION = {JSON: "ValidationErrorResponse"}
BINARY = "binary"
# What a billed generation answers: upstream's 400, 401, 402, 403 and 500, plus 429 (every
# key is rate limited) and 502 (a model provider's own refusal, answered as 502).
GENERATION_ERRORS = {
    "400": VALIDATION,
    "401": ERROR,
    "402": ERROR,
    "403": ERROR,
    "429": ERROR,
    "500": ERROR,
    "502": ERROR,
    "default": ERROR,
}
# Every operation: `default` is the envelope, for the statuses it does not list.
ACCOUNT_ERRORS = {"401": ERROR, "403": ERROR, "429": ERROR, "default": ERROR}
LISTING_ERRORS = {"500": ERROR, "default": ERROR}
# Speech and transcription: upstream's 400, 401 and 500, plus 402 (they cost pollen, as
# GET /audio/{text} documents), 429 and 502 (they call a model provider as the other
# generations do). Upstream documents no 403 for them; `default` covers it.
AUDIO_POST_ERRORS = {key: value for key, value in GENERATION_ERRORS.items() if key != "403"}
AUDIO = {
    media: BINARY
    for media in ("audio/mpeg", "audio/opus", "audio/aac", "audio/flac", "audio/wav", "audio/pcm")
}

# From the issue: status -> media type -> `Name`, `Name[]`, `string` or `binary`.
EXPECTED_RESPONSES: dict[str, dict[str, dict[str, str]]] = {
    "get_account_profile": {"200": {JSON: "UserProfile"}, **ACCOUNT_ERRORS},
    "get_account_balance": {"200": {JSON: "Balance"}, **ACCOUNT_ERRORS},
    "get_account_usage": {"200": {JSON: "UsageResponse", "text/csv": "string"}, **ACCOUNT_ERRORS},
    "get_account_usage_daily": {
        "200": {JSON: "DailyUsageResponse", "text/csv": "string"},
        **ACCOUNT_ERRORS,
    },
    "get_account_key": {"200": {JSON: "KeyInfo"}, "401": ERROR, "429": ERROR, "default": ERROR},
    "list_models": {"200": {JSON: "ModelList"}, **LISTING_ERRORS},
    "list_image_models": {"200": {JSON: "ModelInfo[]"}, **LISTING_ERRORS},
    "list_text_models": {"200": {JSON: "ModelInfo[]"}, **LISTING_ERRORS},
    "list_audio_models": {"200": {JSON: "ModelInfo[]"}, **LISTING_ERRORS},
    "generate_text": {
        "200": {"text/plain": "string", "text/event-stream": "string"},
        **GENERATION_ERRORS,
    },
    "generate_image": {
        "200": {"image/jpeg": BINARY, "image/png": BINARY, "video/mp4": BINARY},
        **GENERATION_ERRORS,
    },
    "create_chat_completion": {
        "200": {JSON: "ChatCompletion", "text/event-stream": "string"},
        **GENERATION_ERRORS,
    },
    "generate_audio": {"200": AUDIO, **GENERATION_ERRORS},
    "create_speech": {"200": AUDIO, **AUDIO_POST_ERRORS},
    "create_transcription": {
        "200": {JSON: "Transcription", "text/plain": "string"},
        **AUDIO_POST_ERRORS,
    },
}


def test_the_responses_table_covers_every_operation() -> None:
    assert sorted(EXPECTED_RESPONSES) == sorted(OPERATION_IDS)


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_responses(operation_id: str) -> None:
    responses = OPERATIONS[operation_id].node["responses"]
    actual: dict[str, dict[str, str]] = {}
    for status, response in responses.items():
        assert "$ref" not in response, f"{operation_id} {status}: components/responses is gone"
        assert response.get("description"), f"{operation_id} {status} has no description"
        actual[str(status)] = {
            media_type: describe_media_schema(media["schema"])
            for media_type, media in response.get("content", {}).items()
        }
    assert actual == EXPECTED_RESPONSES[operation_id]


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_responses_keep_upstreams_statuses(operation_id: str) -> None:
    # The overlay only adds (402, 429, 502, default, media types); it never drops what
    # upstream says.
    op = OPERATIONS[operation_id]
    upstream = UPSTREAM["paths"][op.path][op.method.lower()]["responses"]
    ours = op.node["responses"]
    assert set(upstream) <= set(ours)
    for status, response in upstream.items():
        assert set(response.get("content", {})) <= set(ours[status].get("content", {}))


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_rate_limits_and_provider_failures(operation_id: str) -> None:
    statuses = set(OPERATIONS[operation_id].node["responses"])
    assert ("401" in statuses) == ("429" in statuses)
    # a generation: it takes a key and can fail on the server
    assert ({"401", "500"} <= statuses) == ("502" in statuses)


# From the issue: the request bodies (all required) and the operations without one.
EXPECTED_REQUEST_BODIES = {
    "create_chat_completion": {JSON: "ChatCompletionRequest"},
    "create_speech": {JSON: "SpeechRequest"},
    "create_transcription": {"multipart/form-data": "TranscriptionRequest"},
}


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_request_body(operation_id: str) -> None:
    body = OPERATIONS[operation_id].node.get("requestBody")
    expected = EXPECTED_REQUEST_BODIES.get(operation_id)
    if expected is None:
        assert body is None
        return
    assert body is not None and body.get("required") is True
    described = {
        media_type: describe_media_schema(media["schema"])
        for media_type, media in body["content"].items()
    }
    assert described == expected


# --------------------------------------------------------------- error envelope


def _upstream_envelope(status: str) -> dict[str, Any]:
    schema = UPSTREAM["paths"]["/v1/chat/completions"]["post"]["responses"][status]
    found: dict[str, Any] = copy.deepcopy(schema["content"][JSON]["schema"])
    return found


@pytest.mark.parametrize(
    ("status", "envelope", "info", "details", "details_required"),
    [
        ("500", "ErrorResponse", "ErrorInfo", "ErrorDetails", False),
        ("400", "ValidationErrorResponse", "ValidationErrorInfo", "ValidationErrorDetails", True),
    ],
)
def test_error_envelope(
    status: str, envelope: str, info: str, details: str, details_required: bool
) -> None:
    outer = SCHEMAS[envelope]
    inner = SCHEMAS[info]
    assert outer["properties"]["status"] == {"type": "number"}  # no const 500 / 400
    assert outer["properties"]["success"] == {"type": "boolean", "const": False}
    assert outer["properties"]["error"] == _ref(info)
    assert set(outer["required"]) == {"status", "success", "error"}

    assert inner["properties"]["code"] == {"type": "string"}  # no const INTERNAL_ERROR...
    assert inner["properties"]["message"] == {"type": "string"}  # not anyOf [const, string]
    assert inner["properties"]["details"] == _ref(details)
    assert inner["properties"]["requestId"] == {"type": "string"}
    assert inner["properties"]["cause"] == {}
    required = {"code", "message", "timestamp"} | ({"details"} if details_required else set())
    assert set(inner["required"]) == required

    # Upstream's copy (chat 500 / 400) with exactly those corrections, nothing else.
    expected = _upstream_envelope(status)
    expected_inner = expected["properties"].pop("error")
    expected["properties"]["error"] = _ref(info)
    del expected["properties"]["status"]["const"]
    del expected_inner["properties"]["code"]["const"]
    expected_inner["properties"]["message"] = {"type": "string"}
    assert "details" in expected_inner["required"]  # upstream requires it everywhere
    if not details_required:
        expected_inner["required"].remove("details")
    assert outer == expected
    assert inner == expected_inner


# Bodies the real gateway sends (shared/upstream/README.md): a 402 and a 429 without
# `details` or `requestId`, a 400 with its field errors.
PAYMENT_REQUIRED: dict[str, Any] = {
    "status": 402,
    "success": False,
    "error": {
        "code": "PAYMENT_REQUIRED",
        "message": "Insufficient pollen balance or API key budget exhausted.",
        "timestamp": "2026-03-03T10:00:00.000Z",
    },
}
RATE_LIMITED: dict[str, Any] = {
    "status": 429,
    "success": False,
    "error": {"code": "RATE_LIMITED", "message": "Slow down", "timestamp": "t"},
}
BAD_REQUEST: dict[str, Any] = {
    "status": 400,
    "success": False,
    "error": {
        "code": "BAD_REQUEST",
        "message": "Something was wrong with the input data, check the details for more info.",
        "timestamp": "t",
        "details": {"name": "ZodError", "formErrors": [], "fieldErrors": {"seed": ["too big"]}},
    },
}


@pytest.mark.parametrize(
    ("schema", "body"),
    [
        ("ErrorResponse", PAYMENT_REQUIRED),
        ("ErrorResponse", RATE_LIMITED),
        ("ValidationErrorResponse", BAD_REQUEST),
    ],
    ids=["402", "429", "400"],
)
def test_real_error_bodies_validate(schema: str, body: dict[str, Any]) -> None:
    assert schema_errors(SPEC, SCHEMA_REF + schema, body) == []


def test_error_body_validation_is_not_vacuous() -> None:
    no_details = copy.deepcopy(BAD_REQUEST)
    del no_details["error"]["details"]
    errors = schema_errors(SPEC, SCHEMA_REF + "ValidationErrorResponse", no_details)
    assert any("details" in error for error in errors)
    succeeded = {**PAYMENT_REQUIRED, "success": True}
    assert schema_errors(SPEC, SCHEMA_REF + "ErrorResponse", succeeded) != []


# ------------------------------------------------------------------- security

# From the issue: model discovery is open to everybody, everything else takes a key.
OPEN_OPERATIONS = {"list_models", "list_image_models", "list_text_models", "list_audio_models"}


def test_only_bearer_auth_is_defined() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes == UPSTREAM["components"]["securitySchemes"]
    assert set(schemes) == {"bearerAuth"}
    assert (schemes["bearerAuth"]["type"], schemes["bearerAuth"]["scheme"]) == ("http", "bearer")
    assert SPEC["security"] == [{"bearerAuth": []}]


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_operation_states_its_security(operation_id: str) -> None:
    # Stated per operation: the generator types the `client` argument from it.
    node = OPERATIONS[operation_id].node
    assert "security" in node
    expected: list[Any] = [] if operation_id in OPEN_OPERATIONS else [{"bearerAuth": []}]
    assert node["security"] == expected


# ----------------------------------------------------------------- open enums


@dataclass(frozen=True)
class Site:
    """Where an open enum is used: a pointer into openapi.yaml and the same place in
    upstream's raw document (`[name]` picks a parameter by name)."""

    label: str
    ours: str
    upstream: str


_CHAT_BODY = "/paths/~1v1~1chat~1completions/post/requestBody/content/application~1json/schema"
_CHAT_200 = "/paths/~1v1~1chat~1completions/post/responses/200/content/application~1json/schema"
_PROFILE_200 = "/paths/~1account~1profile/get/responses/200/content/application~1json/schema"
_KEY_200 = "/paths/~1account~1key/get/responses/200/content/application~1json/schema"

# From the issue: each open enum and its places, in the order the values are collected.
OPEN_ENUMS: dict[str, list[Site]] = {
    "ImageModelName": [
        Site(
            "image model",
            "/paths/~1image~1{prompt}/get/parameters/[model]/schema",
            "/paths/~1image~1{prompt}/get/parameters/[model]/schema",
        )
    ],
    "TextModelName": [
        Site(
            "text model",
            "/paths/~1text~1{prompt}/get/parameters/[model]/schema",
            "/paths/~1text~1{prompt}/get/parameters/[model]/schema",
        )
    ],
    "AudioVoice": [
        Site(
            "audio voice",
            "/paths/~1audio~1{text}/get/parameters/[voice]/schema",
            "/paths/~1audio~1{text}/get/parameters/[voice]/schema",
        ),
        Site(
            "SpeechRequest.voice",
            "/components/schemas/SpeechRequest/properties/voice",
            "/components/schemas/CreateSpeechRequest/properties/voice",
        ),
        Site(
            "AudioOutputOptions.voice",
            "/components/schemas/AudioOutputOptions/properties/voice",
            f"{_CHAT_BODY}/properties/audio/properties/voice",
        ),
    ],
    "Tier": [
        Site(
            "UserProfile.tier",
            "/components/schemas/UserProfile/properties/tier",
            f"{_PROFILE_200}/properties/tier",
        ),
        Site(
            "ChatCompletion.user_tier",
            "/components/schemas/ChatCompletion/properties/user_tier",
            f"{_CHAT_200}/properties/user_tier",
        ),
    ],
    "KeyType": [
        Site(
            "KeyInfo.type",
            "/components/schemas/KeyInfo/properties/type",
            f"{_KEY_200}/properties/type",
        )
    ],
}
OPEN_SITES = [(name, site) for name, sites in OPEN_ENUMS.items() for site in sites]


def _upstream_values(name: str) -> list[str]:
    """The union of upstream's values at every place of `name`, in first-seen order."""
    values: list[str] = []
    for site in OPEN_ENUMS[name]:
        values += [
            value for value in follow(UPSTREAM, site.upstream)["enum"] if value not in values
        ]
    return values


@pytest.mark.parametrize(("name", "site"), OPEN_SITES, ids=[site.label for _, site in OPEN_SITES])
def test_open_enum_site(name: str, site: Site) -> None:
    upstream = follow(UPSTREAM, site.upstream)
    assert upstream.get("type") == "string" and upstream.get("enum"), "upstream's is an enum"
    ours = follow(SPEC, site.ours)
    # anyOf [<Name>, string], with upstream's default, description and example kept
    assert ours == opened(upstream, name)
    assert ours["anyOf"] == [_ref(name), {"type": "string"}]


@pytest.mark.parametrize("name", sorted(OPEN_ENUMS))
def test_open_enum_component(name: str) -> None:
    assert SCHEMAS[name] == {"type": "string", "enum": _upstream_values(name)}


def test_open_enums_collect_every_place() -> None:
    # Not just the first place: the chat audio voices add two, and the union keeps the
    # first place's order.
    voices = _upstream_values("AudioVoice")
    assert voices[:3] == ["alloy", "echo", "fable"]
    assert voices[-2:] == ["amuch", "dan"]
    assert _upstream_values("Tier") == [
        "anonymous",
        "microbe",
        "spore",
        "seed",
        "flower",
        "nectar",
        "router",
    ]
    assert "zimage" in _upstream_values("ImageModelName")


def test_chat_model_is_upstreams_plain_string() -> None:
    # The overlay opens ChatCompletionRequest.model only where upstream has an enum; in
    # c1cbc69 it is already any string.
    upstream = follow(UPSTREAM, f"{_CHAT_BODY}/properties/model")
    assert "enum" not in upstream
    assert SCHEMAS["ChatCompletionRequest"]["properties"]["model"] == upstream


@pytest.mark.parametrize(
    ("pointer", "value"),
    [
        ("#/components/schemas/UserProfile/properties/tier", "mycelium"),
        ("#/components/schemas/KeyInfo/properties/type", "temporary"),
        ("#/components/schemas/SpeechRequest/properties/voice", "nova"),
    ],
)
def test_open_enum_takes_an_unknown_value(pointer: str, value: str) -> None:
    assert schema_errors(SPEC, pointer, value) == []
    assert schema_errors(SPEC, pointer, 3) != []


# ------------------------------------------------------------------ streaming

CHUNK_SCHEMAS = {
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChoiceDelta",
    "ToolCallDelta",
    "ToolCallFunctionDelta",
}


def _refs(schema: Any) -> set[str]:
    found: set[str] = set()
    for _, node in openapi.iter_subschemas(schema, ""):
        name = ref_name(node)
        if name is not None:
            found.add(name)
    return found


@pytest.mark.parametrize("name", sorted(CHUNK_SCHEMAS))
def test_chunk_schema_is_self_contained(name: str) -> None:
    # Ours, not upstream's; and referring to nothing upstream could rename or inline.
    assert name not in UPSTREAM["components"]["schemas"]
    assert name in SCHEMAS
    outside = _refs(SCHEMAS[name]) - CHUNK_SCHEMAS
    assert outside <= {"CompletionUsage"}, outside
    assert outside <= set(UPSTREAM["components"]["schemas"])


def test_chunk_reaches_all_its_parts() -> None:
    reached: set[str] = set()
    todo = ["ChatCompletionChunk"]
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        reached.add(name)
        if name in CHUNK_SCHEMAS:  # upstream's CompletionUsage is upstream's business
            todo.extend(_refs(SCHEMAS[name]))
    assert reached == CHUNK_SCHEMAS | {"CompletionUsage"}


def test_chunk_shape() -> None:
    chunk = SCHEMAS["ChatCompletionChunk"]
    assert set(chunk["required"]) == {"id", "object", "created", "model", "choices"}
    assert chunk["properties"]["choices"]["items"] == _ref("ChatCompletionChunkChoice")
    choice = SCHEMAS["ChatCompletionChunkChoice"]
    assert set(choice["required"]) == {"index", "delta"}
    assert choice["properties"]["delta"] == _ref("ChoiceDelta")
    delta = SCHEMAS["ChoiceDelta"]
    assert "required" not in delta
    assert {"role", "content", "reasoning_content", "tool_calls", "content_blocks"} <= set(
        delta["properties"]
    )
    assert delta["properties"]["tool_calls"]["items"] == _ref("ToolCallDelta")
    assert SCHEMAS["ToolCallDelta"]["required"] == ["index"]
    function = SCHEMAS["ToolCallFunctionDelta"]
    assert "required" not in function
    assert set(function["properties"]) == {"name", "arguments"}


USAGE = {"completion_tokens": 3, "prompt_tokens": 5, "total_tokens": 8}
# What the gateway streams (shared/upstream/README.md): a preamble with empty id, model
# and choices, pieces of content and tool calls, a last event with only usage.
CHUNKS: dict[str, dict[str, Any]] = {
    "preamble": {
        "id": "",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "",
        "choices": [],
    },
    "content": {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "openai",
        "choices": [
            {"index": 0, "delta": {"role": "assistant", "content": "Hi"}, "finish_reason": None}
        ],
    },
    "tool call": {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "openai",
        "choices": [
            {
                "index": 0,
                "delta": {
                    "tool_calls": [
                        {
                            "index": 0,
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": "f", "arguments": '{"a"'},
                        }
                    ]
                },
                "logprobs": None,
            }
        ],
    },
    "usage": {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "openai",
        "choices": [],
        "usage": USAGE,
        "user_tier": "seed",
    },
}


@pytest.mark.parametrize("event", sorted(CHUNKS))
def test_streamed_events_validate(event: str) -> None:
    assert schema_errors(SPEC, SCHEMA_REF + "ChatCompletionChunk", CHUNKS[event]) == []


def test_chunk_validation_is_not_vacuous() -> None:
    no_delta = copy.deepcopy(CHUNKS["content"])
    del no_delta["choices"][0]["delta"]
    assert schema_errors(SPEC, SCHEMA_REF + "ChatCompletionChunk", no_delta) != []
    no_index = copy.deepcopy(CHUNKS["tool call"])
    del no_index["choices"][0]["delta"]["tool_calls"][0]["index"]
    assert schema_errors(SPEC, SCHEMA_REF + "ChatCompletionChunk", no_index) != []


# --------------------------------------------------------------- model lists


def _without_descriptions(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _without_descriptions(v) for k, v in schema.items() if k != "description"}
    if isinstance(schema, list):
        return [_without_descriptions(item) for item in schema]
    return schema


def test_model_info_has_the_fields_upstream_typed() -> None:
    # The overlay's ModelInfo: the item 0b26ef1 typed (the last revision that did), with
    # its `pricing` as the named ModelPricing.
    typed = UPSTREAM_TYPED_MODELS["paths"]["/image/models"]["get"]["responses"]["200"]
    item = copy.deepcopy(typed["content"][JSON]["schema"]["items"])
    info = SCHEMAS["ModelInfo"]
    assert info["type"] == "object"
    assert info["required"] == item["required"] == ["name", "aliases", "pricing"]
    assert info["properties"]["pricing"] == _ref("ModelPricing")
    del item["properties"]["pricing"]
    ours = {k: v for k, v in info["properties"].items() if k != "pricing"}
    assert _without_descriptions(ours) == _without_descriptions(item["properties"])


def test_model_pricing() -> None:
    pricing = SCHEMAS["ModelPricing"]
    assert pricing["type"] == "object"
    assert pricing["properties"] == {"currency": {"type": "string"}}
    assert pricing["required"] == ["currency"]
    assert pricing["additionalProperties"] == {"type": "number"}


@pytest.mark.parametrize("path", ["/image/models", "/text/models", "/audio/models"])
def test_model_lists_are_model_info(path: str) -> None:
    schema = SPEC["paths"][path]["get"]["responses"]["200"]["content"][JSON]["schema"]
    assert schema["type"] == "array"
    assert schema["items"] == _ref("ModelInfo")
    # upstream leaves them untyped: the overlay is what types them
    upstream = UPSTREAM["paths"][path]["get"]["responses"]["200"]["content"][JSON]["schema"]
    assert upstream["items"] == {}


def test_a_listed_model_validates() -> None:
    model = {
        "name": "flux",
        "aliases": [],
        "pricing": {"currency": "pollen", "completionImageTokens": 0.001},
        "output_modalities": ["image"],
    }
    assert schema_errors(SPEC, SCHEMA_REF + "ModelInfo", model) == []
    free = {**model, "pricing": {"currency": "pollen", "request": "free"}}
    assert schema_errors(SPEC, SCHEMA_REF + "ModelInfo", free) != []
    no_currency = {**model, "pricing": {"request": 1.0}}
    assert any("currency" in e for e in schema_errors(SPEC, SCHEMA_REF + "ModelInfo", no_currency))


# ----------------------------------------------------------------- parameters

# The GET generations and the usage operations: their parameters are upstream's, exactly;
# only the `model` / `voice` enums are opened.
PARAMETER_OPERATIONS = [
    "generate_text",
    "generate_image",
    "generate_audio",
    "get_account_usage",
    "get_account_usage_daily",
]
OPEN_PARAMETERS = {
    ("generate_image", "model"): "ImageModelName",
    ("generate_text", "model"): "TextModelName",
    ("generate_audio", "voice"): "AudioVoice",
}
# Upstream's parameters the overlay removes: the key is authentication, not an argument.
REMOVED_PARAMETERS = {("generate_audio", "key")}


def _parameter(operation_id: str, name: str) -> dict[str, Any]:
    """Our parameter `name` of the operation, by name."""
    pointer = f"{OPERATIONS[operation_id].pointer}/parameters/[{name}]"
    found: dict[str, Any] = follow(SPEC, pointer, resolve_last=True)
    return found


def _upstream_parameters(operation_id: str) -> list[dict[str, Any]]:
    op = OPERATIONS[operation_id]
    found: list[dict[str, Any]] = UPSTREAM["paths"][op.path][op.method.lower()]["parameters"]
    return found


UPSTREAM_PARAMETERS = [
    (operation_id, parameter["name"])
    for operation_id in PARAMETER_OPERATIONS
    for parameter in _upstream_parameters(operation_id)
    if (operation_id, parameter["name"]) not in REMOVED_PARAMETERS
]


@pytest.mark.parametrize("operation_id", PARAMETER_OPERATIONS)
def test_parameter_names_are_upstreams(operation_id: str) -> None:
    ours = [
        (resolve(SPEC, p)["in"], resolve(SPEC, p)["name"])
        for p in OPERATIONS[operation_id].node["parameters"]
    ]
    upstream = [
        (p["in"], p["name"])
        for p in _upstream_parameters(operation_id)
        if (operation_id, p["name"]) not in REMOVED_PARAMETERS
    ]
    assert upstream, "upstream documents parameters here"
    assert ours == upstream
    assert "parameters" not in SPEC["paths"][OPERATIONS[operation_id].path]


@pytest.mark.parametrize(
    ("operation_id", "name"), UPSTREAM_PARAMETERS, ids=[f"{o}:{n}" for o, n in UPSTREAM_PARAMETERS]
)
def test_parameter_is_upstreams(operation_id: str, name: str) -> None:
    upstream = next(p for p in _upstream_parameters(operation_id) if p["name"] == name)
    ours = _parameter(operation_id, name)
    # location, required-ness, description
    assert {k: v for k, v in ours.items() if k != "schema"} == {
        k: v for k, v in upstream.items() if k != "schema"
    }
    # type, default, bounds, enum, format, example
    open_enum = OPEN_PARAMETERS.get((operation_id, name))
    if open_enum is None:
        assert resolve(SPEC, ours["schema"]) == upstream["schema"]
    else:
        assert ours["schema"] == opened(upstream["schema"], open_enum)


def test_open_parameters_are_upstream_parameters() -> None:
    assert set(OPEN_PARAMETERS) <= set(UPSTREAM_PARAMETERS)


def test_the_key_is_no_parameter_of_generate_audio() -> None:
    upstream = {p["name"] for p in _upstream_parameters("generate_audio")}
    ours = {resolve(SPEC, p)["name"] for p in OPERATIONS["generate_audio"].node["parameters"]}
    assert "key" in upstream and "key" not in ours


def test_image_parameters_from_the_issue() -> None:
    names = {resolve(SPEC, p)["name"] for p in OPERATIONS["generate_image"].node["parameters"]}
    # gone upstream since 0b26ef1; the seed page still showed them
    assert not names & {"private", "nologo", "nofeed", "guidance_scale"}
    seed = _parameter("generate_image", "seed")["schema"]
    assert (seed["type"], seed["minimum"], seed["maximum"]) == ("integer", -1, 2147483647)
    model = _parameter("generate_image", "model")["schema"]
    assert model["default"] == "zimage"
    assert "zimage" in SCHEMAS["ImageModelName"]["enum"]


def test_path_parameters_are_required_and_non_empty() -> None:
    for operation_id, name in [
        ("generate_text", "prompt"),
        ("generate_image", "prompt"),
        ("generate_audio", "text"),
    ]:
        parameter = _parameter(operation_id, name)
        assert (parameter["in"], parameter["required"]) == ("path", True)
        assert parameter["schema"]["minLength"] == 1


# ------------------------------------------------------------------ examples

# What upstream's c1cbc69 writes as examples: only schema `example`s (no media-type
# examples, no component examples). Each must validate against the schema it sits in.
_TEXT = "#/paths/~1text~1{prompt}/get/parameters"
_IMAGE = "#/paths/~1image~1{prompt}/get/parameters"
_AUDIO = "#/paths/~1audio~1{text}/get/parameters"
_SPEECH = "#/components/schemas/SpeechRequest/properties"
EXPECTED_EXAMPLES: dict[str, Any] = {
    f"{_TEXT}/0/schema": "Write a haiku about coding",
    f"{_IMAGE}/0/schema": "a beautiful sunset over mountains",
    f"{_AUDIO}/0/schema": "Hello, welcome to Pollinations!",
    f"{_AUDIO}/1/schema": "nova",  # in none of upstream's voice enums: valid as it is open
    f"{_AUDIO}/2/schema": "mp3",
    f"{_AUDIO}/3/schema": "tts-1",
    f"{_AUDIO}/4/schema": "30",
    f"{_AUDIO}/5/schema": "false",
    f"{_SPEECH}/input": "Hello, welcome to Pollinations!",
    f"{_SPEECH}/voice": "rachel",
    f"{_SPEECH}/response_format": "mp3",
    f"{_SPEECH}/speed": 1,
    f"{_SPEECH}/duration": 30,
    f"{_SPEECH}/instrumental": False,
}


def schema_examples(document: Mapping[str, Any]) -> dict[str, Any]:
    """pointer of the schema -> its `example` (each of its `examples` as `pointer[i]`)."""
    found: dict[str, Any] = {}
    for pointer, schema in all_schemas(document):
        if "example" in schema:
            found[pointer] = schema["example"]
        for index, value in enumerate(schema.get("examples", [])):
            found[f"{pointer}[{index}]"] = value
    return found


SCHEMA_EXAMPLES = schema_examples(SPEC)


def test_media_and_component_examples() -> None:
    # tests/_spec.py's examples(): media-type and component-level examples. Upstream has
    # none; the seed page's are gone with the reconstruction.
    assert examples(SPEC) == []
    # nor on a parameter itself
    for op in OPERATIONS.values():
        for parameter in op.node.get("parameters", []):
            assert not {"example", "examples"} & set(resolve(SPEC, parameter)), op.operation_id


def test_schema_examples_are_found() -> None:
    assert SCHEMA_EXAMPLES == EXPECTED_EXAMPLES


@pytest.mark.parametrize("pointer", sorted(SCHEMA_EXAMPLES))
def test_example_matches_its_schema(pointer: str) -> None:
    schema_pointer = pointer.split("[")[0]
    assert schema_errors(SPEC, schema_pointer, SCHEMA_EXAMPLES[pointer]) == []


def test_schema_validation_is_not_vacuous() -> None:
    assert schema_errors(SPEC, f"{_SPEECH}/speed", 10) != []
    assert schema_errors(SPEC, f"{_AUDIO}/2/schema", "ogg") != []
    assert schema_errors(SPEC, f"{_AUDIO}/0/schema", "") != []
    errors = schema_errors(SPEC, SCHEMA_REF + "UserProfile", {"tier": 3})
    assert any("createdAt" in error for error in errors)

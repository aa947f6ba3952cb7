"""Shared helpers for the tests: load openapi.yaml, resolve `$ref`, walk schemas and examples.

Everything here reads the checked-in spec, so tables derived from it (examples, nullable
fields) grow with the spec without editing the tests. Pointers, `$ref`s, the walk over
operations and JSON types are the package's one OpenAPI reader's
(pollinations_client.custom._openapi), as the mock and the spec tools read them.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import pollinations_client.models
from pollinations_client.custom import _openapi as openapi

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = REPO_ROOT / "openapi.yaml"
README_PATH = REPO_ROOT / "README.md"
BASE_URL = "https://gen.pollinations.ai"

# The names we give upstream's 15 operations, from the issue (not from openapi.yaml):
# (METHOD, path, operationId = the Python module, package = the first tag).
EXPECTED_OPERATIONS = [
    ("GET", "/account/profile", "get_account_profile", "account"),
    ("GET", "/account/balance", "get_account_balance", "account"),
    ("GET", "/account/usage", "get_account_usage", "account"),
    ("GET", "/account/usage/daily", "get_account_usage_daily", "account"),
    ("GET", "/account/key", "get_account_key", "account"),
    ("GET", "/v1/models", "list_models", "models"),
    ("GET", "/image/models", "list_image_models", "models"),
    ("GET", "/text/models", "list_text_models", "models"),
    ("GET", "/audio/models", "list_audio_models", "models"),
    ("GET", "/text/{prompt}", "generate_text", "text"),
    ("GET", "/image/{prompt}", "generate_image", "image"),
    ("POST", "/v1/chat/completions", "create_chat_completion", "chat"),
    ("GET", "/audio/{text}", "generate_audio", "audio"),
    ("POST", "/v1/audio/speech", "create_speech", "audio"),
    ("POST", "/v1/audio/transcriptions", "create_transcription", "audio"),
]
MAX_SAFE_INTEGER = 2**53 - 1


@functools.cache
def _load_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle)
    assert isinstance(loaded, dict), "openapi.yaml must be a mapping"
    return loaded


def spec() -> dict[str, Any]:
    """A fresh deep copy of openapi.yaml (YAML anchors share objects: never mutate those)."""
    return copy.deepcopy(_load_spec())


def resolve(document: Mapping[str, Any], node: Any) -> Any:
    """Follow `$ref` until the node is not a reference (a resolver per call: a test may
    change a document between two calls)."""
    return openapi.Resolver(document).deref(node)[0]


def ref_name(node: Mapping[str, Any]) -> str | None:
    """The component name of a `#/components/schemas/<Name>` reference, else None."""
    ref = node.get("$ref")
    return openapi.ref_name(ref) if isinstance(ref, str) else None


def is_null_schema(document: Mapping[str, Any], schema: Any) -> bool:
    resolved = resolve(document, schema)
    return isinstance(resolved, Mapping) and openapi.declared_types(resolved) == {"null"}


def is_nullable(document: Mapping[str, Any], schema: Mapping[str, Any]) -> bool:
    """`type: [X, "null"]`, or an anyOf/oneOf with a `{type: "null"}` branch."""
    if "null" in openapi.declared_types(schema):
        return True
    for keyword in ("anyOf", "oneOf"):
        if any(is_null_schema(document, branch) for branch in schema.get(keyword, [])):
            return True
    return False


# ----------------------------------------------------------------------- operations


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    operation_id: str
    tag: str
    node: dict[str, Any]
    pointer: str


def operations(document: Mapping[str, Any]) -> dict[str, Operation]:
    """operationId -> Operation, for every operation under `paths`."""
    found: dict[str, Operation] = {}
    for path, method, node in openapi.iter_operations(document["paths"]):
        operation_id = node["operationId"]
        assert operation_id not in found, f"duplicate operationId {operation_id}"
        tags = node.get("tags", [])
        found[operation_id] = Operation(
            method=method.upper(),
            path=path,
            operation_id=operation_id,
            tag=tags[0] if tags else "default",
            node=node,
            pointer="#" + openapi.pointer("paths", path, method),
        )
    return found


def parameters(document: Mapping[str, Any], op: Operation) -> dict[tuple[str, str], Any]:
    """(location, name) -> resolved parameter object, path-item level ones included."""
    found = openapi.parameters(openapi.Resolver(document), op.path, op.method.lower())
    return {key: parameter for key, (_, parameter) in found.items()}


# ------------------------------------------------------------------------- examples


@dataclass(frozen=True)
class Example:
    """An `example` in the spec, with the schema it illustrates."""

    ident: str
    schema_pointer: str
    schema: dict[str, Any]
    value: Any
    media_type: str | None


def _media_examples(
    document: Mapping[str, Any], content: Mapping[str, Any], where: str, pointer: str
) -> Iterator[Example]:
    for media_type, media in content.items():
        media_pointer = f"{pointer}/content/{openapi.escape(media_type)}"
        values: list[tuple[str, Any]] = []
        if "example" in media:
            values.append((f"{where} {media_type}", media["example"]))
        for name, named in media.get("examples", {}).items():
            named = resolve(document, named)
            if "value" in named:
                values.append((f"{where} {media_type} examples[{name}]", named["value"]))
        for ident, value in values:
            yield Example(
                ident=ident,
                schema_pointer=f"{media_pointer}/schema",
                schema=media["schema"],
                value=value,
                media_type=media_type,
            )


def examples(document: Mapping[str, Any]) -> list[Example]:
    """Every media-type example (operations and components/responses, request bodies
    included) and every component schema `example`."""
    found: list[Example] = []
    for op in operations(document).values():
        body = op.node.get("requestBody")
        if body is not None and "$ref" not in body:  # a $ref: under components
            found.extend(
                _media_examples(
                    document,
                    body.get("content", {}),
                    f"{op.operation_id} request",
                    f"{op.pointer}/requestBody",
                )
            )
        for status, response in op.node.get("responses", {}).items():
            if "$ref" in response:
                continue  # covered once, under components/responses
            found.extend(
                _media_examples(
                    document,
                    response.get("content", {}),
                    f"{op.operation_id} {status}",
                    f"{op.pointer}/responses/{status}",
                )
            )
    components = document.get("components", {})
    for name, body in components.get("requestBodies", {}).items():
        found.extend(
            _media_examples(
                document,
                body.get("content", {}),
                f"requestBodies/{name}",
                "#" + openapi.pointer("components", "requestBodies", name),
            )
        )
    for name, response in components.get("responses", {}).items():
        found.extend(
            _media_examples(
                document,
                response.get("content", {}),
                f"responses/{name}",
                "#" + openapi.pointer("components", "responses", name),
            )
        )
    for name, schema in components.get("schemas", {}).items():
        if "example" in schema:
            found.append(
                Example(
                    ident=f"schemas/{name}",
                    schema_pointer=openapi.schema_ref(name),
                    schema={"$ref": openapi.schema_ref(name)},
                    value=schema["example"],
                    media_type=None,
                )
            )
    return found


# --------------------------------------------------------------- generated models


def model_class(name: str) -> Any:
    """The generated class for component schema `name` (class names equal schema names)."""
    cls = getattr(pollinations_client.models, name, None)
    assert cls is not None, f"pollinations_client.models has no class {name}"
    return cls


def object_schemas(document: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Component schemas that are objects with properties (they become attrs classes)."""
    return {
        name: schema
        for name, schema in document["components"]["schemas"].items()
        if "properties" in schema
    }


def minimal_instance(document: Mapping[str, Any], schema: Any, depth: int = 0) -> Any:
    """A small JSON value that satisfies `schema`: required properties only, the first
    enum value, `const`, the first non-null anyOf/oneOf branch, minItems items."""
    assert depth < 30, "schema recursion too deep"
    schema = resolve(document, schema)
    if "const" in schema:
        return copy.deepcopy(schema["const"])
    if "enum" in schema:
        return copy.deepcopy(schema["enum"][0])
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            branches = [b for b in schema[keyword] if not is_null_schema(document, b)]
            return minimal_instance(document, branches[0], depth + 1)
    types = openapi.declared_types(schema) - {"null"}
    if not types and "properties" in schema:
        types = {"object"}
    if not types:
        return None  # `{}`: anything, e.g. ErrorInfo.cause
    kind = sorted(types)[0]
    if kind == "object":
        return {
            prop: minimal_instance(document, schema["properties"][prop], depth + 1)
            for prop in schema.get("required", [])
        }
    if kind == "array":
        count = int(schema.get("minItems", 0))
        return [minimal_instance(document, schema["items"], depth + 1) for _ in range(count)]
    if kind == "string":
        return "x" * int(schema.get("minLength", 0))
    if kind in ("integer", "number"):
        return int(schema.get("minimum", 0))
    if kind == "boolean":
        return False
    raise AssertionError(f"unhandled schema type {kind!r}")


# ------------------------------------------------------------------------ validation


def schema_errors(document: Mapping[str, Any], schema_pointer: str, value: Any) -> list[str]:
    """Validate `value` against the schema at `schema_pointer` (OpenAPI 3.1 dialect,
    `$ref`s resolved inside the document); return the error messages."""
    from openapi_schema_validator import OAS31Validator

    resolver = openapi.Resolver(document)
    validator = OAS31Validator({"$ref": resolver.uri(schema_pointer)}, registry=resolver.registry)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(value)
    ]

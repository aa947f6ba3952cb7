"""openapi.yaml as the mock's rule book: routes, parameters, defaults, bounds and bodies.

Nothing about the API's surface is restated in code: the server matches requests against
the operations read here, coerces and checks query strings with the parameter schemas, and
checks JSON bodies with jsonschema (Draft 2020-12). The document is read through the
package's one OpenAPI reader (`.._openapi`), and every schema is validated through a
`$ref` into the whole document in its registry, so `#/components/schemas/...`
references resolve exactly as they do for any other OpenAPI 3.1 tool.

A multipart/form-data body (the transcription upload) is checked with the same schema:
each text part is coerced to its property's type as a query string is, each part of a
`format: binary` property stands for a string, and the result is validated like JSON.
"""

from __future__ import annotations

import importlib.resources
import math
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from .. import _openapi as openapi
from .._logging import KEY_PARAMETER
from ._multipart import MEDIA_TYPE as MULTIPART
from ._multipart import Part

_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_NUMBER = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
_MESSAGE_LIMIT = 300


class _Missing:
    """Marks "no default" apart from a default of `null`."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class FieldErrors(Exception):
    """Request data that breaks the spec, as the error envelope's fieldErrors/formErrors."""

    def __init__(
        self,
        field_errors: Mapping[str, list[str]] | None = None,
        form_errors: Iterable[str] = (),
    ) -> None:
        self.field_errors: dict[str, list[str]] = {
            k: list(v) for k, v in (field_errors or {}).items()
        }
        self.form_errors: list[str] = list(form_errors)
        super().__init__(self.summary())

    def summary(self) -> str:
        parts = [f"{name}: {'; '.join(msgs)}" for name, msgs in self.field_errors.items()]
        return "; ".join([*self.form_errors, *parts]) or "Invalid request"


def load_document(path: str | Path | None = None) -> dict[str, Any]:
    """The spec the generated package ships, unless a caller points at another copy."""
    if path is None:
        resource = importlib.resources.files("pollinations_client") / "openapi.yaml"
        text = resource.read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    if not isinstance(document, dict) or not str(document.get("openapi", "")).startswith("3.1"):
        raise ValueError("the mock server needs an OpenAPI 3.1 document")
    return document


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    pointer: str
    """JSON pointer (in the document) of the parameter's schema."""
    schema: Mapping[str, Any]
    default: Any
    json_types: frozenset[str]
    """The JSON types a query string may be coerced to, read from the (union) schema."""


@dataclass(frozen=True)
class MediaType:
    name: str
    pointer: str | None
    """JSON pointer of the body schema, None when the spec gives no schema."""


@dataclass(frozen=True)
class ResponseSpec:
    status: str
    content: Mapping[str, MediaType]

    @property
    def has_body(self) -> bool:
        return bool(self.content)


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    pattern: re.Pattern[str]
    path_names: tuple[str, ...]
    tags: tuple[str, ...]
    parameters: Mapping[str, Parameter]
    body: MediaType | None
    body_required: bool
    anonymous: bool
    """True when the operation's security lists `{}`: a request without a key is served."""
    responses: Mapping[str, ResponseSpec]
    description: str = ""

    def response(self, status: int) -> ResponseSpec | None:
        return self.responses.get(str(status)) or self.responses.get(f"{str(status)[0]}XX")

    def match(self, raw_path: str) -> dict[str, str] | None:
        """The raw (still percent-encoded) path parameters, or None if the path differs."""
        found = self.pattern.match(raw_path)
        if found is None:
            return None
        return {name: found.group(f"p{i}") for i, name in enumerate(self.path_names)}


class Spec:
    """The parsed document plus cached validators."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self._resolver = openapi.Resolver(document)
        self._validators: dict[str, Draft202012Validator] = {}
        self._lock = threading.Lock()
        # The gateway reads a key from `?key=` on every operation, whatever the document's
        # security schemes say (upstream documents only the bearer scheme).
        self.query_key_names = frozenset({KEY_PARAMETER})
        self.operations: tuple[Operation, ...] = tuple(self._read_operations())

    @classmethod
    def load(cls, path: str | Path | None = None) -> Spec:
        return cls(load_document(path))

    # ------------------------------------------------------------ documents
    def resolve(self, pointer: str) -> tuple[str, Any]:
        """Follow local `$ref`s, returning the final pointer and node."""
        return self._resolver.follow(pointer)

    def schema(self, name: str) -> Mapping[str, Any]:
        found = openapi.get(self.document, openapi.pointer("components", "schemas", name))
        return cast(Mapping[str, Any], found)

    def enum(self, name: str) -> tuple[str, ...]:
        return tuple(str(value) for value in self.schema(name).get("enum", ()))

    def property_names(self, name: str) -> tuple[str, ...]:
        return tuple(self.schema(name).get("properties", {}))

    def validator(self, pointer: str) -> Draft202012Validator:
        """A validator for the schema at `pointer`, its references resolved in the document."""
        with self._lock:
            found = self._validators.get(pointer)
            if found is None:
                found = Draft202012Validator(
                    {"$ref": self._resolver.uri(pointer)}, registry=self._resolver.registry
                )
                self._validators[pointer] = found
            return found

    def component_validator(self, name: str) -> Draft202012Validator:
        return self.validator(openapi.pointer("components", "schemas", name))

    # ------------------------------------------------------------ operations
    def _read_operations(self) -> Iterable[Operation]:
        root_security = self.document.get("security", [])
        for path, method, op in openapi.iter_operations(self.document.get("paths", {})):
            op_pointer = openapi.pointer("paths", path, method)
            parameters: dict[str, Parameter] = {}
            for pointer, _ in openapi.parameters(self._resolver, path, method).values():
                param = self._parameter(pointer)
                parameters[param.name] = param
            body: MediaType | None = None
            body_required = False
            if "requestBody" in op:
                body_pointer, request_body = self.resolve(f"{op_pointer}/requestBody")
                body_required = bool(request_body.get("required", False))
                content = request_body.get("content", {})
                for media_name in ("application/json", MULTIPART):
                    if media_name in content:
                        body = self._media(f"{body_pointer}/content", media_name)
                        break
            responses: dict[str, ResponseSpec] = {}
            for status in op.get("responses", {}):
                pointer, response = self.resolve(f"{op_pointer}/responses/{openapi.escape(status)}")
                media = {
                    name: self._media(f"{pointer}/content", name)
                    for name in response.get("content", {})
                }
                responses[str(status)] = ResponseSpec(str(status), media)
            security = op.get("security", root_security)
            pattern, names = _path_pattern(path)
            yield Operation(
                operation_id=str(op.get("operationId", f"{method} {path}")),
                method=method.upper(),
                path=path,
                pattern=pattern,
                path_names=names,
                tags=tuple(op.get("tags", ())),
                parameters=parameters,
                body=body,
                body_required=body_required,
                anonymous=not security or any(not requirement for requirement in security),
                responses=responses,
                description=str(op.get("description", "")),
            )

    def _media(self, content_pointer: str, name: str) -> MediaType:
        pointer = f"{content_pointer}/{openapi.escape(name)}"
        node = openapi.get(self.document, pointer)
        return MediaType(name, f"{pointer}/schema" if "schema" in node else None)

    def _parameter(self, pointer: str) -> Parameter:
        node = openapi.get(self.document, pointer)
        schema_pointer = f"{pointer}/schema"
        schema = node.get("schema", {})
        default = schema.get("default", MISSING)
        if default is MISSING and "$ref" in schema:
            default = self.resolve(schema_pointer)[1].get("default", MISSING)
        return Parameter(
            name=str(node["name"]),
            location=str(node["in"]),
            required=bool(node.get("required", node["in"] == "path")),
            pointer=schema_pointer,
            schema=schema,
            default=default,
            json_types=self._text_types(schema_pointer),
        )

    def _text_types(self, pointer: str) -> frozenset[str]:
        """The JSON types a text value for the schema at `pointer` may be read as; a
        schema that admits anything (`{}`) takes the text as it is."""
        types = self._resolver.types(openapi.get(self.document, pointer))
        return frozenset(types or {"string"})

    # ------------------------------------------------------------ requests
    def find(self, method: str, raw_path: str) -> tuple[Operation | None, list[str]]:
        """The operation for a request, or None with the methods the path does allow."""
        allowed: list[str] = []
        for operation in self.operations:
            if operation.match(raw_path) is None:
                continue
            if operation.method == method:
                return operation, []
            allowed.append(operation.method)
        return None, allowed

    def parse_parameters(
        self,
        operation: Operation,
        raw_path: Mapping[str, str],
        query: Iterable[tuple[str, str]],
    ) -> dict[str, Any]:
        """Typed parameter values with the spec's defaults filled in; FieldErrors otherwise."""
        errors: dict[str, list[str]] = {}
        values: dict[str, Any] = {}
        raw_query: dict[str, list[str]] = {}
        for name, value in query:
            raw_query.setdefault(name, []).append(value)
        for name, items in raw_query.items():
            if name in self.query_key_names:
                if len(items) > 1:
                    errors.setdefault(name, []).append("Expected a single value")
                continue
            param = operation.parameters.get(name)
            if param is None or param.location != "query":
                errors.setdefault(name, []).append(f"Unrecognized query parameter '{name}'")
                continue
            if len(items) > 1:
                errors.setdefault(name, []).append("Expected a single value, received several")
                continue
            self._check_value(param, items[0], values, errors)
        for name, raw in raw_path.items():
            param = operation.parameters.get(name)
            try:
                decoded = unquote(raw, errors="strict")
            except UnicodeDecodeError:
                errors.setdefault(name, []).append("Invalid percent-encoding (not UTF-8)")
                continue
            if param is None:
                values[name] = decoded
                continue
            self._check_value(param, decoded, values, errors)
        for param in operation.parameters.values():
            if param.name in values or param.name in errors:
                continue
            if param.required:
                errors.setdefault(param.name, []).append("Required")
            elif param.default is not MISSING:
                values[param.name] = param.default
            else:
                values[param.name] = None
        if errors:
            raise FieldErrors(errors)
        return values

    def _check_value(
        self, param: Parameter, raw: str, values: dict[str, Any], errors: dict[str, list[str]]
    ) -> None:
        try:
            value = coerce(raw, param.json_types)
        except ValueError as exc:
            errors.setdefault(param.name, []).append(str(exc))
            return
        messages = [_short(error) for error in self.validator(param.pointer).iter_errors(value)]
        if messages:
            errors.setdefault(param.name, []).extend(messages)
        else:
            values[param.name] = value

    def check_body(self, operation: Operation, body: Any) -> None:
        """Raise FieldErrors naming each top-level field that the body schema rejects."""
        if operation.body is None or operation.body.pointer is None:
            return
        errors: dict[str, list[str]] = {}
        form: list[str] = []
        validator = self.validator(operation.body.pointer)
        for error in sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path)):
            error = self._explain(error)
            path = list(error.absolute_path)
            if not path and error.validator == "required":
                missing = _required_name(error)
                errors.setdefault(missing or "body", []).append("Required")
            elif not path:
                form.append(_short(error))
            else:
                message = _short(error)
                if len(path) > 1:
                    message = f"{_path_text(path)}: {message}"
                errors.setdefault(str(path[0]), []).append(message)
        if errors or form:
            raise FieldErrors(errors, form)

    def check_form(self, operation: Operation, parts: Iterable[Part]) -> dict[str, Any]:
        """A multipart body as typed values (binary properties keep their Part), checked
        against the body schema; FieldErrors naming the fields otherwise."""
        if operation.body is None or operation.body.pointer is None:
            return {}
        pointer, schema = self.resolve(operation.body.pointer)
        properties = schema.get("properties", {}) if isinstance(schema, Mapping) else {}
        values: dict[str, Any] = {}
        checked: dict[str, Any] = {}
        errors: dict[str, list[str]] = {}
        for part in parts:
            name = part.name
            known = name in properties
            if name in values:
                if known:
                    errors.setdefault(name, []).append("Expected a single value, received several")
                    continue
                values[name] = checked[name] = [*_as_list(values[name]), _text(part)]
                continue
            if not known:
                values[name] = checked[name] = _text(part)
                continue
            property_pointer = f"{pointer}/properties/{openapi.escape(name)}"
            _, property_schema = self.resolve(property_pointer)
            if isinstance(property_schema, Mapping) and property_schema.get("format") == "binary":
                values[name], checked[name] = part, part.filename or ""
                continue
            try:
                text = part.data.decode("utf-8")
                value = coerce(text, self._text_types(property_pointer))
            except UnicodeDecodeError:
                errors.setdefault(name, []).append("Expected UTF-8 text")
                continue
            except ValueError as exc:
                errors.setdefault(name, []).append(str(exc))
                continue
            values[name] = checked[name] = value
        if errors:
            raise FieldErrors(errors)
        self.check_body(operation, checked)
        return values

    def _explain(self, error: ValidationError) -> ValidationError:
        """For a failed oneOf/anyOf, the error of the branch the instance meant to be."""
        for _ in range(16):
            if error.validator not in ("oneOf", "anyOf") or not error.context:
                return error
            schema = error.schema if isinstance(error.schema, Mapping) else {}
            discriminator = schema.get("discriminator")
            branches = schema.get(str(error.validator), [])
            candidates = list(error.context)
            if isinstance(discriminator, Mapping) and isinstance(error.instance, Mapping):
                prop = str(discriminator.get("propertyName"))
                mapping = discriminator.get("mapping", {})
                value = error.instance.get(prop)
                if not isinstance(value, str) or value not in mapping:
                    expected = " | ".join(f"'{name}'" for name in mapping)
                    return ValidationError(
                        f"Invalid discriminator value for '{prop}': expected {expected}",
                        path=[*error.absolute_path, prop],
                        validator="discriminator",
                    )
                target = mapping[value]
                index = next(
                    (i for i, branch in enumerate(branches) if branch.get("$ref") == target), None
                )
                if index is not None:
                    picked = [e for e in candidates if e.relative_schema_path[0] == index]
                    candidates = picked or candidates
            chosen = best_match(candidates)
            if chosen is None:
                return error
            error = chosen
        return error


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _text(part: Part) -> str:
    """An undocumented part's value, as text (undecodable bytes replaced)."""
    return part.data.decode("utf-8", errors="replace")


def _path_pattern(path: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    names: list[str] = []
    parts: list[str] = []
    position = 0
    for found in re.finditer(r"\{([^}]+)\}", path):
        parts.append(re.escape(path[position : found.start()]))
        parts.append(f"(?P<p{len(names)}>[^/]*)")
        names.append(found.group(1))
        position = found.end()
    parts.append(re.escape(path[position:]))
    return re.compile("^" + "".join(parts) + "$"), tuple(names)


def coerce(raw: str, json_types: frozenset[str]) -> Any:
    """A query string as the most specific JSON type the parameter's schema allows."""
    if "integer" in json_types and _INTEGER.match(raw):
        return int(raw)
    if "number" in json_types and _NUMBER.match(raw):
        number = float(raw)
        if math.isfinite(number):
            return int(number) if _INTEGER.match(raw) else number
    if "boolean" in json_types and raw in ("true", "false"):
        return raw == "true"
    if "string" in json_types:
        return raw
    if "null" in json_types and raw in ("", "null"):
        return None
    expected = " or ".join(sorted(json_types))
    raise ValueError(f"Expected {expected}, received '{_clip(raw, 60)}'")


def _required_name(error: ValidationError) -> str | None:
    found = re.match(r"^'(.*)' is a required property$", error.message)
    return found.group(1) if found else None


def _path_text(path: list[str | int]) -> str:
    text = ""
    for item in path:
        text += f"[{item}]" if isinstance(item, int) else (f".{item}" if text else str(item))
    return text


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _short(error: ValidationError) -> str:
    """jsonschema's message without a repr of a possibly huge instance."""
    kind = error.validator
    schema_value = error.validator_value
    if kind == "required":
        return error.message
    if kind == "type":
        return f"Expected {schema_value}, received {openapi.json_type(error.instance)}"
    if kind == "enum" and isinstance(schema_value, list):
        return f"Expected one of {', '.join(repr(v) for v in schema_value)}"
    if kind == "const":
        return f"Expected {schema_value!r}"
    if kind in ("oneOf", "anyOf"):
        return "Does not match any of the allowed shapes"
    if kind == "additionalProperties":
        return _clip(error.message.replace(" were unexpected", " are not allowed"), _MESSAGE_LIMIT)
    return _clip(error.message, _MESSAGE_LIMIT)

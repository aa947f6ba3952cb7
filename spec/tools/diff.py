"""What changed between two revisions of the API, and whether it breaks a client user.

Upstream's version string does not move (every revision says 0.3.0), so change is found
by comparing the documents themselves. Operations are matched by method and path (with
path parameters anonymised), never by operationId: upstream's operationIds are not
stable, ours come from spec/overlay.yaml.

`$ref`s are followed on both sides. A change inside a component schema is reported once,
at the property level and under the component's name (`CompletionUsage.total_tokens`),
with the operations that reach it; recursive schemas are walked once per pair of
components and direction. Component schemas no operation reaches are still compared
(each is a generated model class), in both directions at once.

Whether a change breaks depends on who produces the data:
- request side (parameters, request bodies): the client user sends, the server accepts.
  Accepting less breaks (a type narrowed, a value or property removed, something made
  required); accepting more does not.
- response side: the server sends, the client parses. Sending more breaks (a type
  widened or made nullable, a closed enum with a new value, a property removed or made
  optional); sending less does not.
Where the generated Python names change, it breaks on both sides: an operation, a
property, a model class or an enum member that disappears makes code that names it
fail, so a removed enum value is breaking for responses too.

Our enums that grow upstream are typed `anyOf: [<enum>, string]` (an "open" enum: the
generated code accepts any string). A value added to an open enum is not breaking on
either side, so the classifier looks for that pattern.

A changed default is flagged "review", not breaking: the generated client never sends a
default (parameters are UNSET unless the caller sets them), so code keeps working, but
what the server does for a caller who relied on the old default changed silently.

The same rules, as a table, are in every report (`RULES`, rendered by `markdown()`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pollinations_client.custom import _openapi as openapi

BREAKING = "breaking"
REVIEW = "review"
NON_BREAKING = "non-breaking"
_RANK = {BREAKING: 0, REVIEW: 1, NON_BREAKING: 2}

REQUEST = "request"
RESPONSE = "response"
BOTH = "both"  # a component schema that no operation reaches
# A component that requests and responses both use: one change, reported once for both.
BOTH_SIDES = "request and response"
SIDES = (REQUEST, RESPONSE, BOTH_SIDES)

# Formats that change the Python type openapi-python-client generates.
_TYPED_FORMATS = {"date-time", "date", "binary", "uuid", "byte"}
# How many components deep a comparison may nest before it stops.
_MAX_DEPTH = 200
# Keys compared as bounds: (keyword, True when a larger value is tighter).
_BOUNDS = (
    ("minimum", True),
    ("exclusiveMinimum", True),
    ("minLength", True),
    ("minItems", True),
    ("minProperties", True),
    ("maximum", False),
    ("exclusiveMaximum", False),
    ("maxLength", False),
    ("maxItems", False),
    ("maxProperties", False),
)


@dataclass(frozen=True)
class Rule:
    text: str
    request: str
    response: str


B, R, N = BREAKING, REVIEW, NON_BREAKING
RULES: dict[str, Rule] = {
    "operation-added": Rule("operation added", N, N),
    "operation-removed": Rule("operation removed", B, B),
    "operation-id-changed": Rule("operationId changed: the Python module is renamed", B, B),
    "operation-tag-changed": Rule("first tag changed: the module moves to another package", B, B),
    "operation-deprecated": Rule("operation (un)deprecated", N, N),
    "security-changed": Rule("operation security requirements changed", R, R),
    "parameter-added-optional": Rule("optional parameter added", N, N),
    "parameter-added-required": Rule("required parameter added", B, B),
    "parameter-removed": Rule("parameter removed (a client that sends it may break)", B, B),
    "parameter-made-required": Rule("parameter made required", B, B),
    "parameter-made-optional": Rule("parameter made optional", N, N),
    "request-body-added-optional": Rule("optional request body added", N, N),
    "request-body-added-required": Rule("required request body added", B, B),
    "request-body-removed": Rule("request body removed", B, B),
    "request-body-made-required": Rule("request body made required", B, B),
    "request-body-made-optional": Rule("request body made optional", N, N),
    "media-type-added": Rule("media type added (responses: a body the client may not parse)", N, R),
    "media-type-removed": Rule("media type removed", B, B),
    "response-added": Rule("response status added", N, N),
    "success-response-removed": Rule("2xx response removed", B, B),
    "error-response-removed": Rule("non-2xx response removed", N, N),
    "type-widened": Rule("type widened (more types, or made nullable)", N, B),
    "type-narrowed": Rule("type narrowed (number -> integer, a type or null removed)", B, N),
    "type-changed": Rule("type changed to an unrelated one", B, B),
    "format-changed-python-type": Rule(
        "format changed where it sets the Python type (date-time, date, binary, uuid, byte)",
        B,
        B,
    ),
    "format-changed": Rule("format changed (same Python type)", N, N),
    "enum-value-added": Rule("enum value added to a closed enum", N, B),
    "open-enum-value-added": Rule("enum value added to an open `anyOf: [enum, string]`", N, N),
    "enum-value-removed": Rule("enum value removed (its generated member disappears)", B, B),
    "enum-added": Rule("free value restricted to an enum (string -> enum)", B, N),
    "enum-removed": Rule("enum restriction removed (any value now)", R, B),
    "property-added-optional": Rule("optional property added", N, N),
    "property-added-required": Rule("required property added", B, N),
    "property-removed": Rule("property removed", B, B),
    "property-made-required": Rule("property made required", B, N),
    "property-made-optional": Rule("property made optional", N, B),
    "default-changed": Rule("default added, removed or changed", R, R),
    "constraint-tightened": Rule("bound tightened (minimum, maxLength, ...)", B, N),
    "constraint-loosened": Rule("bound loosened or removed", N, N),
    "pattern-changed": Rule("pattern added, removed or changed", R, N),
    "variant-added": Rule("anyOf/oneOf variant added", N, R),
    "variant-removed": Rule("anyOf/oneOf variant removed", B, N),
    "deprecated": Rule("parameter or property (un)deprecated", N, N),
    "description-changed": Rule("description or summary changed", N, N),
    "model-added": Rule("component schema (generated model) added", N, N),
    "model-removed": Rule("component schema (generated model) removed", B, B),
    "server-changed": Rule("servers changed", R, R),
    "security-scheme-added": Rule("security scheme added", N, N),
    "security-scheme-removed": Rule("security scheme removed", B, B),
    "version-changed": Rule("info.version changed", N, N),
}
del B, R, N


def severity(kind: str, direction: str) -> str:
    rule = RULES[kind]
    if direction == REQUEST:
        return rule.request
    if direction == RESPONSE:
        return rule.response
    return min(rule.request, rule.response, key=_RANK.__getitem__)


def _merge_sides(changes: Iterable[Change]) -> list[Change]:
    """One change per (kind, location, detail): a component that a request and a response
    both reach is compared once per side, but it changed once."""
    merged: dict[tuple[str, str, str], Change] = {}
    for change in changes:
        key = (change.kind, change.location, change.detail)
        seen = merged.get(key)
        if seen is None:
            merged[key] = Change(**{**vars(change), "operations": set(change.operations)})
            continue
        if seen.direction != change.direction:
            seen.direction = (
                BOTH_SIDES if {seen.direction, change.direction} == {REQUEST, RESPONSE} else BOTH
            )
            seen.severity = min(seen.severity, change.severity, key=_RANK.__getitem__)
        seen.operations |= change.operations
    return list(merged.values())


@dataclass
class Change:
    kind: str
    location: str
    detail: str
    direction: str
    severity: str
    operations: set[str] = field(default_factory=set)

    @property
    def breaking(self) -> bool:
        return self.severity == BREAKING

    def as_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "breaking": self.breaking,
            "kind": self.kind,
            "location": self.location,
            "detail": self.detail,
            "direction": self.direction,
            "operations": sorted(self.operations),
        }


@dataclass
class Report:
    old: str
    new: str
    changes: list[Change]

    def count(self, level: str) -> int:
        return sum(1 for change in self.changes if change.severity == level)

    @property
    def breaking(self) -> bool:
        return any(change.breaking for change in self.changes)

    def as_json(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "breaking": self.breaking,
            "summary": {level: self.count(level) for level in (BREAKING, REVIEW, NON_BREAKING)},
            "changes": [change.as_json() for change in self.changes],
        }

    def json_text(self) -> str:
        return json.dumps(self.as_json(), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- helpers


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _path_key(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def _operations(document: Mapping[str, Any]) -> dict[tuple[str, str], tuple[str, str]]:
    """(METHOD, path with anonymous parameters) -> (path, method) for every operation."""
    return {
        (method.upper(), _path_key(path)): (path, method)
        for path, method, _ in openapi.iter_operations(document.get("paths") or {})
    }


def _covers(types: set[str], wanted: str) -> bool:
    return wanted in types or (wanted == "integer" and "number" in types)


def _type_text(types: set[str] | None) -> str:
    if types is None:
        return "any"
    order = {name: position for position, name in enumerate(openapi.JSON_TYPES)}
    return " | ".join(sorted(types, key=lambda name: (order.get(name, 99), name))) or "none"


def _branches(node: Mapping[str, Any]) -> list[Any]:
    return [*(node.get("anyOf") or []), *(node.get("oneOf") or [])]


def _is_union(node: Mapping[str, Any]) -> bool:
    return bool(_branches(node))


def _enum_values(node: Mapping[str, Any]) -> dict[str, Any] | None:
    """JSON text -> value of the allowed values, or None when the node allows any."""
    if "const" in node:
        return {_show(node["const"]): node["const"]}
    enum = node.get("enum")
    if isinstance(enum, list):
        return {_show(value): value for value in enum}
    return None


# --------------------------------------------------------------------------- differ


class _Differ:
    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old = old
        self.new = new
        self._old_resolver = openapi.Resolver(old)
        self._new_resolver = openapi.Resolver(new)
        self.changes: dict[tuple[str, str, str, str], Change] = {}
        self.operation = ""
        self._frames: list[list[tuple[str, str, str, str]]] = []
        self._memo: dict[tuple[str, str, str, bool], list[tuple[str, str, str, str]]] = {}
        self._open: set[tuple[str, str, str, bool]] = set()
        self.visited: set[str] = set()
        self._reached: set[str] = set()
        self._depth = 0

    # ------------------------------------------------------------------ recording

    def emit(self, kind: str, location: str, detail: str, direction: str = BOTH) -> None:
        level = severity(kind, direction)
        key = (kind, location, detail, direction)
        change = self.changes.get(key)
        if change is None:
            change = Change(kind, location, detail, direction, level)
            self.changes[key] = change
        if self.operation:
            change.operations.add(self.operation)
        for frame in self._frames:
            frame.append(key)

    def _replay(self, keys: Iterable[tuple[str, str, str, str]]) -> None:
        for key in keys:
            if self.operation:
                self.changes[key].operations.add(self.operation)
            for frame in self._frames:
                frame.append(key)

    # ------------------------------------------------------------------ resolving

    def _resolve(self, document: Mapping[str, Any], node: Any) -> tuple[Any, str | None]:
        """Follow `$ref`s; the node and the last component name on the way.

        A reference that resolves to nothing raises openapi.UnresolvedReference: the
        diff never compares a guess (an empty schema would hide or invent changes).
        """
        resolver = self._old_resolver if document is self.old else self._new_resolver
        return resolver.deref(node)

    def _type_set(self, document: Mapping[str, Any], node: Any) -> set[str] | None:
        """The JSON types a schema admits; None for "anything"."""
        resolver = self._old_resolver if document is self.old else self._new_resolver
        return resolver.types(node)

    # ---------------------------------------------------------------- operations

    def run(self) -> None:
        self._document_level()
        old_ops = _operations(self.old)
        new_ops = _operations(self.new)
        for key in sorted(set(old_ops) | set(new_ops)):
            method = key[0]
            if key not in new_ops:
                path, _ = old_ops[key]
                self.operation = f"{method} {path}"
                self.emit("operation-removed", self.operation, "operation removed")
                continue
            path, lower = new_ops[key]
            self.operation = f"{method} {path}"
            if key not in old_ops:
                self.emit("operation-added", self.operation, "operation added")
                continue
            old_path, old_lower = old_ops[key]
            self._operation(old_path, old_lower, path, lower)
        self.operation = ""
        self._reached = set(self.visited)
        self._components()

    def _document_level(self) -> None:
        old_version = (self.old.get("info") or {}).get("version")
        new_version = (self.new.get("info") or {}).get("version")
        if old_version != new_version:
            self.emit("version-changed", "info", f"version {old_version} -> {new_version}")
        old_servers = [s.get("url") for s in self.old.get("servers") or [] if isinstance(s, dict)]
        new_servers = [s.get("url") for s in self.new.get("servers") or [] if isinstance(s, dict)]
        if old_servers != new_servers:
            self.emit("server-changed", "servers", f"{_show(old_servers)} -> {_show(new_servers)}")
        old_schemes = (self.old.get("components") or {}).get("securitySchemes") or {}
        new_schemes = (self.new.get("components") or {}).get("securitySchemes") or {}
        for name in sorted(set(old_schemes) - set(new_schemes)):
            self.emit("security-scheme-removed", f"securitySchemes.{name}", "removed")
        for name in sorted(set(new_schemes) - set(old_schemes)):
            self.emit("security-scheme-added", f"securitySchemes.{name}", "added")

    def _operation(self, old_path: str, old_method: str, path: str, method: str) -> None:
        old_item = self.old["paths"][old_path]
        new_item = self.new["paths"][path]
        old_op = old_item[old_method]
        new_op = new_item[method]
        where = self.operation
        if old_op.get("operationId") != new_op.get("operationId"):
            self.emit(
                "operation-id-changed",
                where,
                f"operationId {old_op.get('operationId')} -> {new_op.get('operationId')}",
            )
        old_tags = old_op.get("tags") or ["default"]
        new_tags = new_op.get("tags") or ["default"]
        if old_tags[0] != new_tags[0]:
            self.emit("operation-tag-changed", where, f"tag {old_tags[0]} -> {new_tags[0]}")
        self._texts(old_op, new_op, where, ("summary", "description"), BOTH)
        if bool(old_op.get("deprecated")) != bool(new_op.get("deprecated")):
            state = "deprecated" if new_op.get("deprecated") else "no longer deprecated"
            self.emit("operation-deprecated", where, state)
        old_security = old_op.get("security", self.old.get("security"))
        new_security = new_op.get("security", self.new.get("security"))
        if old_security != new_security:
            self.emit("security-changed", where, f"{_show(old_security)} -> {_show(new_security)}")
        self._parameters(old_path, old_method, path, method)
        self._request_body(old_op.get("requestBody"), new_op.get("requestBody"))
        self._responses(old_op.get("responses") or {}, new_op.get("responses") or {})

    def _texts(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        where: str,
        keys: tuple[str, ...],
        direction: str,
    ) -> None:
        for key in keys:
            if old.get(key) != new.get(key):
                self.emit("description-changed", where, f"{key} changed", direction)

    def _parameters(self, old_path: str, old_method: str, path: str, method: str) -> None:
        old_params = openapi.parameters(self._old_resolver, old_path, old_method)
        new_params = openapi.parameters(self._new_resolver, path, method)
        for key in sorted(set(old_params) | set(new_params)):
            where = f"{self.operation} {key[0]} {key[1]}"
            if key not in new_params:
                self.emit("parameter-removed", where, "parameter removed", REQUEST)
                continue
            _, new = new_params[key]
            if key not in old_params:
                if new.get("required") is True:
                    self.emit(
                        "parameter-added-required", where, "required parameter added", REQUEST
                    )
                else:
                    self.emit(
                        "parameter-added-optional", where, "optional parameter added", REQUEST
                    )
                continue
            _, old = old_params[key]
            old_required = old.get("required") is True
            new_required = new.get("required") is True
            if new_required and not old_required:
                self.emit("parameter-made-required", where, "made required", REQUEST)
            elif old_required and not new_required:
                self.emit("parameter-made-optional", where, "made optional", REQUEST)
            if bool(old.get("deprecated")) != bool(new.get("deprecated")):
                state = "deprecated" if new.get("deprecated") else "no longer deprecated"
                self.emit("deprecated", where, state, REQUEST)
            self._texts(old, new, where, ("description",), REQUEST)
            self.schema(old.get("schema", {}), new.get("schema", {}), where, REQUEST)

    def _request_body(self, old_raw: Any, new_raw: Any) -> None:
        where = f"{self.operation} request body"
        if old_raw is None and new_raw is None:
            return
        new, _ = self._resolve(self.new, new_raw)
        if old_raw is None:
            required = isinstance(new, Mapping) and new.get("required") is True
            kind = "request-body-added-required" if required else "request-body-added-optional"
            self.emit(kind, where, "request body added", REQUEST)
            return
        if new_raw is None:
            self.emit("request-body-removed", where, "request body removed", REQUEST)
            return
        old, _ = self._resolve(self.old, old_raw)
        if new.get("required") is True and old.get("required") is not True:
            self.emit("request-body-made-required", where, "made required", REQUEST)
        elif old.get("required") is True and new.get("required") is not True:
            self.emit("request-body-made-optional", where, "made optional", REQUEST)
        self._content(old.get("content") or {}, new.get("content") or {}, where, REQUEST)

    def _content(
        self, old: Mapping[str, Any], new: Mapping[str, Any], where: str, direction: str
    ) -> None:
        for media_type in sorted(set(old) | set(new)):
            if media_type not in new:
                self.emit(
                    "media-type-removed", where, f"media type {media_type} removed", direction
                )
            elif media_type not in old:
                self.emit("media-type-added", where, f"media type {media_type} added", direction)
            else:
                self.schema(
                    (old[media_type] or {}).get("schema", {}),
                    (new[media_type] or {}).get("schema", {}),
                    f"{where} {media_type}",
                    direction,
                )

    def _responses(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        for status in sorted(set(old) | set(new)):
            where = f"{self.operation} response {status}"
            if status not in new:
                success = str(status).startswith("2")
                kind = "success-response-removed" if success else "error-response-removed"
                self.emit(kind, where, f"response {status} removed", RESPONSE)
                continue
            if status not in old:
                self.emit("response-added", where, f"response {status} added", RESPONSE)
                continue
            old_response, _ = self._resolve(self.old, old[status])
            new_response, _ = self._resolve(self.new, new[status])
            if not isinstance(old_response, Mapping) or not isinstance(new_response, Mapping):
                continue
            self._texts(old_response, new_response, where, ("description",), RESPONSE)
            self._content(
                old_response.get("content") or {},
                new_response.get("content") or {},
                where,
                RESPONSE,
            )

    def _components(self) -> None:
        old_schemas = (self.old.get("components") or {}).get("schemas") or {}
        new_schemas = (self.new.get("components") or {}).get("schemas") or {}
        for name in sorted(set(old_schemas) - set(new_schemas)):
            self.emit("model-removed", name, "component schema removed")
        for name in sorted(set(new_schemas) - set(old_schemas)):
            self.emit("model-added", name, "component schema added")
        for name in sorted(set(old_schemas) & set(new_schemas)):
            if name in self.visited:
                continue
            pointer = openapi.schema_ref(name)
            self.schema({"$ref": pointer}, {"$ref": pointer}, name, BOTH)

    # ------------------------------------------------------------------- schemas

    def schema(
        self, old_raw: Any, new_raw: Any, where: str, direction: str, open_enum: bool = False
    ) -> None:
        if self._depth > _MAX_DEPTH:
            return  # a pathological nesting of references: stop rather than loop
        self._depth += 1
        try:
            self._schema(old_raw, new_raw, where, direction, open_enum)
        finally:
            self._depth -= 1

    def _schema(
        self, old_raw: Any, new_raw: Any, where: str, direction: str, open_enum: bool
    ) -> None:
        old, old_name = self._resolve(self.old, old_raw)
        new, new_name = self._resolve(self.new, new_raw)
        if not isinstance(old, Mapping) or not isinstance(new, Mapping):
            return
        if old_name is None or new_name is None:
            # Inline on at least one side (say a `$ref` that became `anyOf: [$ref, null]`):
            # the change belongs to this location, not to the component.
            self._schema_body(old_raw, new_raw, old, new, where, direction, open_enum)
            return
        # A component on both sides: report under its name, once per direction.
        if direction == BOTH and new_name in self._reached:
            return  # already classified where the operations use it
        self.visited.add(new_name)
        pair = (old_name, new_name, direction, open_enum)
        if pair in self._memo:
            self._replay(self._memo[pair])
            return
        if pair in self._open:
            return  # a recursive schema: this pair is being compared further up
        self._open.add(pair)
        self._frames.append([])
        try:
            self._schema_body(old_raw, new_raw, old, new, new_name, direction, open_enum)
        finally:
            self._memo[pair] = self._frames.pop()
            self._open.discard(pair)

    def _schema_body(
        self,
        old_raw: Any,
        new_raw: Any,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        where: str,
        direction: str,
        open_enum: bool,
    ) -> None:
        self._types(old_raw, new_raw, where, direction)
        if ("default" in old, old.get("default")) != ("default" in new, new.get("default")):
            old_text = _show(old["default"]) if "default" in old else "none"
            new_text = _show(new["default"]) if "default" in new else "none"
            self.emit("default-changed", where, f"default {old_text} -> {new_text}", direction)
        if bool(old.get("deprecated")) != bool(new.get("deprecated")):
            state = "deprecated" if new.get("deprecated") else "no longer deprecated"
            self.emit("deprecated", where, state, direction)
        self._texts(old, new, where, ("description",), direction)
        if _is_union(old) != _is_union(new):
            # A schema that became a union (or stopped being one): the old schema is
            # matched against the new branches as if it were a one-branch union.
            self._variants(old_raw, new_raw, old, new, where, direction)
            return
        self._format(old, new, where, direction)
        self._enum(old, new, where, direction, open_enum)
        self._bounds(old, new, where, direction)
        self._properties(old, new, where, direction)
        if isinstance(old.get("items"), Mapping) and isinstance(new.get("items"), Mapping):
            self.schema(old["items"], new["items"], f"{where}[]", direction)
        old_extra = old.get("additionalProperties")
        new_extra = new.get("additionalProperties")
        if isinstance(old_extra, Mapping) and isinstance(new_extra, Mapping):
            self.schema(old_extra, new_extra, f"{where}.*", direction)
        self._variants(old_raw, new_raw, old, new, where, direction)

    def _types(self, old_raw: Any, new_raw: Any, where: str, direction: str) -> None:
        old_types = self._type_set(self.old, old_raw)
        new_types = self._type_set(self.new, new_raw)
        if old_types == new_types:
            return
        if old_types is None:
            widened, narrowed = False, True
        elif new_types is None:
            widened, narrowed = True, False
        else:
            widened = all(_covers(new_types, name) for name in old_types)
            narrowed = all(_covers(old_types, name) for name in new_types)
        if widened and narrowed:
            return  # the same values, written differently ({integer, number} == number)
        detail = f"type {_type_text(old_types)} -> {_type_text(new_types)}"
        old_null = old_types is not None and "null" in old_types
        new_null = new_types is not None and "null" in new_types
        if widened:
            kind = "type-widened"
            if new_null and not old_null:
                detail += " (made nullable)"
        elif narrowed:
            kind = "type-narrowed"
            if old_null and not new_null:
                detail += " (no longer nullable)"
        else:
            kind = "type-changed"
        self.emit(kind, where, detail, direction)

    def _format(
        self, old: Mapping[str, Any], new: Mapping[str, Any], where: str, direction: str
    ) -> None:
        old_format = old.get("format")
        new_format = new.get("format")
        if old_format == new_format:
            return
        typed = old_format in _TYPED_FORMATS or new_format in _TYPED_FORMATS
        kind = "format-changed-python-type" if typed else "format-changed"
        self.emit(
            kind, where, f"format {old_format or 'none'} -> {new_format or 'none'}", direction
        )

    def _enum(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        where: str,
        direction: str,
        open_enum: bool,
    ) -> None:
        old_values = _enum_values(old)
        new_values = _enum_values(new)
        if old_values is None and new_values is None:
            return
        if old_values is None:
            assert new_values is not None
            if not open_enum:
                shown = ", ".join(new_values)
                self.emit("enum-added", where, f"restricted to enum values {shown}", direction)
            return
        if new_values is None:
            if not open_enum:
                self.emit("enum-removed", where, "enum restriction removed", direction)
            return
        added = [text for text in new_values if text not in old_values]
        removed = [text for text in old_values if text not in new_values]
        if added:
            kind = "open-enum-value-added" if open_enum else "enum-value-added"
            noun = "values" if len(added) > 1 else "value"
            detail = f"enum {noun} added: {', '.join(added)}"
            if open_enum:
                detail += " (open enum: any string was accepted already)"
            self.emit(kind, where, detail, direction)
        if removed:
            noun = "values" if len(removed) > 1 else "value"
            self.emit(
                "enum-value-removed", where, f"enum {noun} removed: {', '.join(removed)}", direction
            )

    def _bounds(
        self, old: Mapping[str, Any], new: Mapping[str, Any], where: str, direction: str
    ) -> None:
        for keyword, larger_is_tighter in _BOUNDS:
            old_value = old.get(keyword)
            new_value = new.get(keyword)
            if old_value == new_value:
                continue
            detail = f"{keyword} {_show(old_value) if old_value is not None else 'none'}"
            detail += f" -> {_show(new_value) if new_value is not None else 'none'}"
            numbers = (int, float)
            if isinstance(old_value, bool) or isinstance(new_value, bool):
                tighter = new_value is True  # OpenAPI 3.0's boolean exclusive bounds
            elif old_value is None:
                tighter = True
            elif new_value is None:
                tighter = False
            elif isinstance(old_value, numbers) and isinstance(new_value, numbers):
                tighter = (new_value > old_value) == larger_is_tighter
            else:
                tighter = True
            kind = "constraint-tightened" if tighter else "constraint-loosened"
            self.emit(kind, where, detail, direction)
        if old.get("pattern") != new.get("pattern"):
            detail = f"pattern {_show(old.get('pattern'))} -> {_show(new.get('pattern'))}"
            self.emit("pattern-changed", where, detail, direction)

    def _object_shape(
        self, document: Mapping[str, Any], node: Mapping[str, Any]
    ) -> tuple[dict[str, Any], set[str]]:
        """Properties and required names, allOf branches merged in."""
        properties: dict[str, Any] = {}
        required: set[str] = set()
        for branch_raw in node.get("allOf") or []:
            branch, _ = self._resolve(document, branch_raw)
            if isinstance(branch, Mapping):
                branch_properties, branch_required = self._object_shape(document, branch)
                properties.update(branch_properties)
                required |= branch_required
        properties.update(node.get("properties") or {})
        required |= {str(name) for name in node.get("required") or []}
        return properties, required

    def _properties(
        self, old: Mapping[str, Any], new: Mapping[str, Any], where: str, direction: str
    ) -> None:
        old_properties, old_required = self._object_shape(self.old, old)
        new_properties, new_required = self._object_shape(self.new, new)
        for name in [
            *old_properties,
            *(key for key in new_properties if key not in old_properties),
        ]:
            spot = f"{where}.{name}"
            if name not in new_properties:
                self.emit("property-removed", spot, "property removed", direction)
                continue
            if name not in old_properties:
                if name in new_required:
                    self.emit("property-added-required", spot, "required property added", direction)
                else:
                    self.emit("property-added-optional", spot, "optional property added", direction)
                continue
            if name in new_required and name not in old_required:
                self.emit("property-made-required", spot, "made required", direction)
            elif name in old_required and name not in new_required:
                self.emit("property-made-optional", spot, "made optional", direction)
            self.schema(old_properties[name], new_properties[name], spot, direction)

    def _branch_key(self, document: Mapping[str, Any], branch: Any) -> str:
        """How a union branch is matched across revisions: by component, else by type."""
        ref = branch.get("$ref") if isinstance(branch, Mapping) else None
        if isinstance(ref, str):
            return "ref:" + ref.rsplit("/", 1)[-1]
        return "type:" + _type_text(self._type_set(document, branch))

    def _open_types(self, document: Mapping[str, Any], branches: list[Any]) -> set[str]:
        """Types for which the union has a branch that takes any value of that type."""
        found: set[str] = set()
        for raw in branches:
            branch, _ = self._resolve(document, raw)
            if not isinstance(branch, Mapping) or _enum_values(branch) is not None:
                continue
            types = openapi.declared_types(branch)
            if len(types) == 1 and not any(key in branch for key in ("anyOf", "oneOf", "allOf")):
                found |= types
        return found

    def _variants(
        self,
        old_raw: Any,
        new_raw: Any,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        where: str,
        direction: str,
    ) -> None:
        old_branches = _branches(old)
        new_branches = _branches(new)
        if not old_branches and not new_branches:
            return
        if not old_branches:
            old_branches = [old_raw]
        if not new_branches:
            new_branches = [new_raw]
        old_keyed = {self._branch_key(self.old, branch): branch for branch in old_branches}
        new_keyed = {self._branch_key(self.new, branch): branch for branch in new_branches}
        old_open = self._open_types(self.old, old_branches)
        new_open = self._open_types(self.new, new_branches)
        for key in [*old_keyed, *(key for key in new_keyed if key not in old_keyed)]:
            label = key.split(":", 1)[1]
            if key not in new_keyed:
                if key.startswith("ref:"):
                    self.emit("variant-removed", where, f"variant {label} removed", direction)
                continue  # an inline branch: its type change is reported with the union's
            if key not in old_keyed:
                if key.startswith("ref:"):
                    self.emit("variant-added", where, f"variant {label} added", direction)
                continue
            old_branch = old_keyed[key]
            new_branch = new_keyed[key]
            old_resolved, _ = self._resolve(self.old, old_branch)
            new_resolved, _ = self._resolve(self.new, new_branch)
            branch_types = (self._type_set(self.old, old_branch) or set()) | (
                self._type_set(self.new, new_branch) or set()
            )
            is_open = bool(branch_types) and all(
                name in old_open and name in new_open for name in branch_types
            )
            enum_branch = (
                isinstance(old_resolved, Mapping)
                and isinstance(new_resolved, Mapping)
                and (
                    _enum_values(old_resolved) is not None or _enum_values(new_resolved) is not None
                )
            )
            self.schema(old_branch, new_branch, where, direction, open_enum=is_open and enum_branch)


def compare(
    old: dict[str, Any], new: dict[str, Any], old_name: str = "old", new_name: str = "new"
) -> Report:
    """Every difference between two OpenAPI documents, classified."""
    differ = _Differ(old, new)
    differ.run()
    changes = sorted(
        _merge_sides(differ.changes.values()),
        key=lambda c: (_RANK[c.severity], c.location, c.kind, c.detail, c.direction),
    )
    return Report(old=old_name, new=new_name, changes=changes)


# ------------------------------------------------------------------------- Markdown


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _operations_cell(change: Change, limit: int = 3) -> str:
    names = sorted(change.operations)
    if all(change.location.startswith(name) for name in names):
        return ""  # the location names its operation already
    shown = ", ".join(f"`{name}`" for name in names[:limit])
    if len(names) > limit:
        shown += f" and {len(names) - limit} more"
    return _cell(shown)


def summary_line(report: Report) -> str:
    return (
        f"**{report.count(BREAKING)} breaking**, {report.count(REVIEW)} to review, "
        f"{report.count(NON_BREAKING)} non-breaking"
    )


def markdown(report: Report) -> str:
    lines = [
        "# API changes",
        "",
        f"`{report.old}` -> `{report.new}`",
        "",
    ]
    if not report.changes:
        lines += ["No API changes.", ""]
    else:
        lines += [summary_line(report) + ".", ""]
    titles = {BREAKING: "Breaking", REVIEW: "To review", NON_BREAKING: "Non-breaking"}
    for level in (BREAKING, REVIEW, NON_BREAKING):
        selected = [change for change in report.changes if change.severity == level]
        if not selected:
            continue
        lines += [
            f"## {titles[level]} ({len(selected)})",
            "",
            "| where | change | side | operations |",
            "|---|---|---|---|",
        ]
        for change in selected:
            side = change.direction if change.direction in SIDES else ""
            lines.append(
                f"| `{_cell(change.location)}` | {_cell(change.detail)} | {side} "
                f"| {_operations_cell(change)} |"
            )
        lines.append("")
    lines += [
        "<details><summary>How changes are classified</summary>",
        "",
        "Request side: the client sends and the server must accept; response side: the",
        "server sends and the client must parse. `make spec-diff` fails when anything is",
        'breaking; "review" changes do not fail it but change behaviour.',
        "",
        "| change | request side | response side |",
        "|---|---|---|",
    ]
    for rule in RULES.values():
        lines.append(f"| {_cell(rule.text)} | {rule.request} | {rule.response} |")
    lines += ["", "</details>", ""]
    return "\n".join(lines)

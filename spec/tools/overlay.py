"""Applying an OpenAPI Overlay 1.0.0 document (spec/overlay.yaml) to upstream's document.

Every correction we make to upstream lives in the overlay, as a reviewable list of
actions, so that `openapi.yaml` is upstream's text plus those actions (and the pinned
model names of spec/names.yaml) and nothing else.

Supported, from the Overlay 1.0.0 specification:
- the document: `overlay: 1.0.0`, `info` (`title`, `version`), optional `extends`, and
  `actions`, applied in order;
- an action: `target`, an RFC 9535 JSONPath (jsonpath-rfc9535: filters, unions,
  descendants, functions such as `length()`), optional `description`, and either
  `remove: true` (the selected nodes are deleted from their parents) or `update`;
- `update` on a mapping merges recursively: a key of the update that is a mapping in
  both merges again, any other value replaces the target's value in place (so a key
  keeps its position), and a key the target lacks is appended; `update` on a sequence
  appends the update value, as the specification says. `update` on a scalar is an
  error: target its parent and update the key.

One extension, because a merge cannot wrap a node in another:
- `x-open-enum: <Name>` opens the enum of every selected schema: its `type` and `enum`
  move into the component schema `<Name>` (the values of every selected schema, in the
  order first seen), and the schema becomes `anyOf: [{$ref: <Name>}, {type: string}]`,
  keeping its description and default. A selected schema with no `enum` is already
  open and stays as it is. The generated code then accepts and returns any string,
  and the enum member when it knows the value: upstream's lists of models, voices and
  tiers lag the real ones.

An action whose target selects nothing is not an error in the Overlay specification.
Here it is reported (`OverlayResult.unmatched`): a fix that silently stops applying
(upstream moved or removed what it corrected) must be seen in the update's report.
The overlay is applied to upstream's own text (spec/upstream/), never to openapi.yaml,
so actions need not be idempotent.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

import jsonpath_rfc9535 as jsonpath

from pollinations_client.custom import _openapi as openapi

EXTENSION_OPEN_ENUM = "x-open-enum"
_ACTION_FIELDS = {"target", "description", "update", "remove", EXTENSION_OPEN_ENUM}


class OverlayError(ValueError):
    """The overlay document, a target expression or an action is not what we support."""


@dataclass(frozen=True)
class Action:
    number: int
    target: str
    description: str
    raw: dict[str, Any]

    @property
    def label(self) -> str:
        """How reports name this action: its number and target."""
        return f"overlay action {self.number} ({self.target})"


@dataclass
class OverlayResult:
    document: dict[str, Any]
    unmatched: list[str] = field(default_factory=list)
    # action label -> the pointers of what it wrote (each key a merge set, each opened
    # enum and its component) and of what it removed: how the checks name the action
    # behind a problem
    written: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)


def validate(overlay: Any) -> list[Action]:
    """Check the overlay's shape and compile every target; return its actions."""
    if not isinstance(overlay, dict):
        raise OverlayError("the overlay is not a mapping")
    version = str(overlay.get("overlay", ""))
    if not version.startswith("1.0"):
        raise OverlayError(f"unsupported overlay version {version!r} (expected 1.0.x)")
    info = overlay.get("info")
    if not isinstance(info, dict) or "title" not in info or "version" not in info:
        raise OverlayError("the overlay needs `info` with `title` and `version`")
    raw_actions = overlay.get("actions")
    if not isinstance(raw_actions, list) or not raw_actions:
        raise OverlayError("the overlay needs a non-empty list of `actions`")
    actions: list[Action] = []
    for number, raw in enumerate(raw_actions, 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("target"), str):
            raise OverlayError(f"overlay action {number} needs a `target` string")
        action = Action(number, raw["target"], str(raw.get("description") or ""), raw)
        unknown = set(raw) - _ACTION_FIELDS
        if unknown and not all(str(key).startswith("x-") for key in unknown):
            raise OverlayError(f"{action.label}: unknown fields {sorted(unknown)}")
        kinds = [raw.get("remove") is True, "update" in raw, EXTENSION_OPEN_ENUM in raw]
        if sum(kinds) != 1:
            raise OverlayError(
                f"{action.label} needs exactly one of `update`, `remove: true`"
                f" or `{EXTENSION_OPEN_ENUM}`"
            )
        if EXTENSION_OPEN_ENUM in raw and not isinstance(raw[EXTENSION_OPEN_ENUM], str):
            raise OverlayError(f"{action.label}: `{EXTENSION_OPEN_ENUM}` names a component")
        try:
            jsonpath.compile(action.target)
        except jsonpath.JSONPathError as exc:
            raise OverlayError(f"{action.label}: not an RFC 9535 JSONPath: {exc}") from None
        actions.append(action)
    return actions


def merge(target: dict[str, Any], update: dict[str, Any], at: str = "") -> list[str]:
    """Merge `update` into `target` in place (see the module doc for the rules); the
    pointers (under `at`) of the keys it set."""
    written: list[str] = []
    for key, value in update.items():
        where = f"{at}/{openapi.escape(key)}"
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            written += merge(target[key], value, where)
        else:
            target[key] = copy.deepcopy(value)
            written.append(where)
    return written


def apply(document: dict[str, Any], overlay: Any) -> OverlayResult:
    """Apply the overlay's actions in order to a copy of the document."""
    actions = validate(overlay)
    result = OverlayResult(document=copy.deepcopy(document))
    for action in actions:
        # each node once (a union such as `[0,0]` names a node twice): changed once
        selected = openapi.select(result.document, action.target)
        if not selected:
            result.unmatched.append(action.label)
            continue
        if action.raw.get("remove") is True:
            _remove(result.document, selected, action)
            result.removed[action.label] = [location for location, _ in selected]
        elif EXTENSION_OPEN_ENUM in action.raw:
            result.written[action.label] = _open_enum(result.document, selected, action)
        else:
            result.written[action.label] = _update(selected, action)
    return result


def _update(selected: list[tuple[str, Any]], action: Action) -> list[str]:
    update = action.raw["update"]
    written: list[str] = []
    for location, node in selected:
        if isinstance(node, dict):
            if not isinstance(update, dict):
                raise OverlayError(f"{action.label}: a mapping can only be updated with a mapping")
            written += merge(node, update, location)
        elif isinstance(node, list):
            node.append(copy.deepcopy(update))
            written.append(f"{location}/{len(node) - 1}")
        else:
            raise OverlayError(f"{action.label} selects a scalar: target its parent instead")
    return written


def _remove(document: Any, selected: list[tuple[str, Any]], action: Action) -> None:
    found = []
    for location, _ in selected:
        spot = openapi.find(document, location)
        if spot is None:
            raise OverlayError(f"{action.label}: the root cannot be removed")
        found.append(spot)
    # Delete sequence items from the back, so the positions of the others stay valid.
    for parent, key in sorted(found, key=lambda spot: -spot[1] if isinstance(spot[1], int) else 0):
        if isinstance(parent, list):
            assert isinstance(key, int)
            del parent[key]
        else:
            parent.pop(key, None)


def _open_enum(
    document: dict[str, Any], selected: list[tuple[str, Any]], action: Action
) -> list[str]:
    name = action.raw[EXTENSION_OPEN_ENUM]
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    existing = schemas.get(name)
    if existing is not None and not isinstance(existing.get("enum"), list):
        raise OverlayError(f"{action.label}: component {name} exists and is not an enum")
    values: list[Any] = list(existing["enum"]) if existing is not None else []
    ref = {"$ref": openapi.schema_ref(name)}
    written: list[str] = []
    for location, node in selected:
        if not isinstance(node, dict):
            raise OverlayError(f"{action.label}: {location} is not a schema")
        enum_at = _enum_in(node, location, action)
        if enum_at is None:
            continue  # a string with no enum anywhere: already open
        holder, enum_location = enum_at
        enum = holder["enum"]
        if not isinstance(enum, list) or not all(isinstance(value, str) for value in enum):
            raise OverlayError(f"{action.label}: {enum_location} is not an enum of strings")
        if openapi.declared_types(holder) - {"string"}:
            raise OverlayError(f"{action.label}: only string enums can be opened ({location})")
        values += [value for value in enum if value not in values]
        opened: dict[str, Any] = {}
        for key, value in holder.items():
            if key == "type":
                opened["anyOf"] = [dict(ref), {"type": "string"}]
            elif key != "enum":
                opened[key] = value
        if "anyOf" not in opened:
            opened = {"anyOf": [dict(ref), {"type": "string"}], **opened}
        holder.clear()
        holder.update(opened)
        written.append(enum_location)
    if values:
        schemas[name] = {"type": "string", "enum": values}
        written.append(openapi.pointer("components", "schemas", name))
    return written


def _enum_in(
    node: dict[str, Any], location: str, action: Action
) -> tuple[dict[str, Any], str] | None:
    """The schema that holds the enum to open: the node itself, or the one enum branch of
    `anyOf: [{enum}, {type: null}]`; None when there is no enum (already open). An enum
    behind a `$ref`, or in several branches, is refused: opening something else, or
    nothing, in its place would hide it."""
    if "enum" in node:
        return node, location
    if "$ref" in node:
        raise OverlayError(
            f"{action.label}: {location} refers to {node['$ref']}; target the enum itself"
        )
    branches = [branch for branch in node.get("anyOf") or [] if isinstance(branch, dict)]
    if {"type": "string"} in branches:
        return None  # a plain string is allowed: opened already
    if any("$ref" in branch for branch in branches):
        raise OverlayError(f"{action.label}: {location} has an enum behind a $ref")
    enums = [
        (branch, f"{location}/anyOf/{index}")
        for index, branch in enumerate(node.get("anyOf") or [])
        if isinstance(branch, dict) and "enum" in branch
    ]
    if len(enums) > 1:
        raise OverlayError(f"{action.label}: {location} has several enums to open")
    return enums[0] if enums else None

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

from . import openapi

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
    applied: int = 0
    unmatched: list[str] = field(default_factory=list)
    # action label -> the pointers of the nodes it changed (for the checks' reports)
    touched: dict[str, list[str]] = field(default_factory=dict)


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


def select(document: Any, target: str) -> list[tuple[str, Any]]:
    """(pointer, node) for each node a JSONPath selects, in document order."""
    return [
        (openapi.pointer(*node.location), node.value) for node in jsonpath.find(target, document)
    ]


def merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    """Merge `update` into `target` in place (see the module doc for the rules)."""
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def apply(document: dict[str, Any], overlay: Any) -> OverlayResult:
    """Apply the overlay's actions in order to a copy of the document."""
    actions = validate(overlay)
    result = OverlayResult(document=copy.deepcopy(document))
    for action in actions:
        selected = select(result.document, action.target)
        if not selected:
            result.unmatched.append(action.label)
            continue
        result.applied += 1
        result.touched[action.label] = [location for location, _ in selected]
        if action.raw.get("remove") is True:
            _remove(result.document, selected, action)
        elif EXTENSION_OPEN_ENUM in action.raw:
            _open_enum(result.document, selected, action)
        else:
            _update(selected, action)
    return result


def _update(selected: list[tuple[str, Any]], action: Action) -> None:
    update = action.raw["update"]
    for _, node in selected:
        if isinstance(node, dict):
            if not isinstance(update, dict):
                raise OverlayError(f"{action.label}: a mapping can only be updated with a mapping")
            merge(node, update)
        elif isinstance(node, list):
            node.append(copy.deepcopy(update))
        else:
            raise OverlayError(f"{action.label} selects a scalar: target its parent instead")


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


def _open_enum(document: dict[str, Any], selected: list[tuple[str, Any]], action: Action) -> None:
    name = action.raw[EXTENSION_OPEN_ENUM]
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    existing = schemas.get(name)
    if existing is not None and not isinstance(existing.get("enum"), list):
        raise OverlayError(f"{action.label}: component {name} exists and is not an enum")
    values: list[Any] = list(existing["enum"]) if existing is not None else []
    types: set[str] = openapi.declared_types(existing) if existing is not None else set()
    for location, node in selected:
        if not isinstance(node, dict):
            raise OverlayError(f"{action.label}: {location} is not a schema")
        enum = node.get("enum")
        if enum is None:
            continue  # already open
        if not isinstance(enum, list) or not all(isinstance(value, str) for value in enum):
            raise OverlayError(f"{action.label}: {location} is not an enum of strings")
        values += [value for value in enum if value not in values]
        types |= openapi.declared_types(node) or {"string"}
        opened: dict[str, Any] = {}
        for key, value in node.items():
            if key == "type":
                opened["anyOf"] = [{"$ref": openapi.schema_ref(name)}, {"type": "string"}]
            elif key != "enum":
                opened[key] = value
        if "anyOf" not in opened:
            opened = {"anyOf": [{"$ref": openapi.schema_ref(name)}, {"type": "string"}], **opened}
        node.clear()
        node.update(opened)
    if types - {"string"}:
        raise OverlayError(f"{action.label}: only string enums can be opened, not {types}")
    if values:
        schemas[name] = {"type": "string", "enum": values}

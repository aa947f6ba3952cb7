"""Pinned model names (spec/names.yaml): inline schemas hoisted into named components.

Upstream writes nearly every schema inline, so a generator names each model after where
it sits (`GetAccountProfileResponse200`, `MessageContentPartType4File`) and those names
move whenever upstream moves a schema. names.yaml gives each schema that users and the
custom layer touch its Python name, by its location in upstream's document:

    UserProfile: /paths/~1account~1profile/get/responses/200/content/application~1json/schema
    ToolCall:                        # several locations: the same schema, one model
      - /paths/.../messages/items/anyOf/3/properties/tool_calls/items
      - /paths/.../choices/items/properties/message/properties/tool_calls/anyOf/0/items
    SystemMessage: "$.paths[...].messages.items.anyOf[?@.properties.role.const == 'system']"

Each location is a JSON pointer into upstream's document as written (after update-spec
has named the operations, which does not move anything), or, where a position would not
be stable (a union's branches, a list of parameters), an RFC 9535 JSONPath that must
select exactly one schema. For every pin:
- an inline schema moves to `components/schemas/<Name>` and a `$ref` takes its place;
- a location that holds a `$ref` to a component renames that component to `<Name>`
  (every reference to it follows), so the name holds whether upstream inlines the
  schema or names it itself;
- with several locations, the schemas there must be equal (else the update fails,
  naming both): they become one model, taken from the first;
- a location the revision does not have is reported (`HoistResult.missing`), never
  dropped silently: update-spec prints it and the changelog records it.
Pins inside pins work (ChatCompletionChoice inside ChatCompletion), whatever the order of
the file, as long as the inner one is pinned inside the outer one's first location.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonpath_rfc9535 as jsonpath
import yaml

from pollinations_client.custom import _openapi as openapi


class HoistError(ValueError):
    """names.yaml is malformed, or a pin cannot be applied to this document."""


@dataclass(frozen=True)
class Pin:
    name: str
    locations: tuple[str, ...]


def load(path: Path) -> list[Pin]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise HoistError(f"cannot read {path}: {exc}") from exc
    return parse(data, str(path))


def parse(data: Any, source: str = "names.yaml") -> list[Pin]:
    if data is None:
        return []
    if not isinstance(data, dict):
        raise HoistError(f"{source}: expected a mapping of model name -> JSON pointer(s)")
    pins: list[Pin] = []
    for name, value in data.items():
        if not isinstance(name, str) or not name.isidentifier() or not name[0].isupper():
            raise HoistError(f"{source}: {name!r} is not a model name (PascalCase)")
        locations = [value] if isinstance(value, str) else value
        if not isinstance(locations, list) or not locations:
            raise HoistError(f"{source}: {name}: expected a JSON pointer or a list of them")
        for location in locations:
            if not isinstance(location, str) or not location.startswith(("/", "$")):
                raise HoistError(
                    f"{source}: {name}: {location!r} is not a JSON pointer or a JSONPath"
                )
            if location.startswith("$"):
                try:
                    jsonpath.compile(location)
                except jsonpath.JSONPathError as exc:
                    raise HoistError(f"{source}: {name}: {location!r}: {exc}") from None
        pins.append(Pin(name, tuple(locations)))
    return pins


@dataclass
class HoistResult:
    document: dict[str, Any]
    # "Name: /pointer" for each pinned location this revision does not have
    missing: list[str] = field(default_factory=list)
    # component name -> the upstream location it was taken from
    origins: dict[str, str] = field(default_factory=dict)


def hoist(document: dict[str, Any], pins: list[Pin]) -> HoistResult:
    """A copy of the document with every pinned schema a named component."""
    result = HoistResult(document=copy.deepcopy(document))
    pristine = document  # equality is judged on upstream's text, before any move
    schemas = result.document.setdefault("components", {}).setdefault("schemas", {})
    claimed: dict[int, str] = {}
    plan: list[tuple[Pin, str, Any, str | int]] = []
    for pin in pins:
        found = []
        for written in pin.locations:
            location = locate(result.document, written, pin.name) or written
            spot = openapi.find(result.document, location) if location[0] == "/" else None
            if spot is None:
                result.missing.append(f"{pin.name}: {written}")
                continue
            parent, key = spot
            node = parent[key]
            if not isinstance(node, dict):
                raise HoistError(f"pin {pin.name}: {location} is not a schema")
            if id(node) in claimed:
                raise HoistError(f"pins {claimed[id(node)]} and {pin.name} name {location}")
            claimed[id(node)] = pin.name
            found.append((location, parent, key))
        if not found:
            continue
        first = openapi.get(pristine, found[0][0])
        for location, _, _ in found[1:]:
            if openapi.get(pristine, location) != first:
                raise HoistError(
                    f"pin {pin.name}: the schemas at {found[0][0]} and {location} differ;"
                    " pin them under two names, or correct one in spec/overlay.yaml"
                )
        result.origins[pin.name] = found[0][0]
        plan += [(pin, location, parent, key) for location, parent, key in found]
    # A pin taken from inside another's second location would come from a copy that is
    # dropped (that copy becomes a $ref to the first).
    dropped = [
        (pin.name, location) for pin, location, *_ in plan if location != result.origins[pin.name]
    ]
    for pin, location, *_ in plan:
        if location != result.origins[pin.name]:
            continue  # a second location itself: it goes with its copy
        for other, copy_at in dropped:
            if other != pin.name and location.startswith(copy_at + "/"):
                raise HoistError(
                    f"pin {pin.name}: {location} is inside {other}'s second location"
                    f" {copy_at}; pin it inside {other}'s first, {result.origins[other]}"
                )
    renames: dict[str, str] = {}
    for pin, location, parent, key in plan:
        node = parent[key]
        ref = node.get("$ref")
        if isinstance(ref, str) and len(node) == 1:
            current = openapi.ref_name(ref)
            if current is None:
                raise HoistError(f"pin {pin.name}: {location} refers to {ref}, not a schema")
            if current != pin.name:
                _plan_rename(renames, current, pin.name)
            continue
        if parent is schemas:  # the location is a component itself: a rename
            if key != pin.name:
                _plan_rename(renames, str(key), pin.name)
            continue
        if pin.name in schemas and schemas[pin.name] is not node:
            if schemas[pin.name] != node:
                raise HoistError(
                    f"pin {pin.name}: upstream already has a component {pin.name}"
                    f" that differs from the schema at {location}"
                )
        else:
            schemas[pin.name] = node
        parent[key] = {"$ref": openapi.schema_ref(pin.name)}
    for old, new in renames.items():
        _rename(result.document, old, new)
    return result


def locate(document: Any, location: str, name: str = "") -> str | None:
    """The JSON pointer of a pin's location in a document: the pointer itself, or that of
    the one node its JSONPath selects (None when it selects none)."""
    if location.startswith("/"):
        return location
    selected = [found for found, _ in openapi.select(document, location)]
    if len(selected) > 1:
        raise HoistError(f"pin {name}: {location} selects {len(selected)} schemas, not one")
    return selected[0] if selected else None


def _plan_rename(renames: dict[str, str], old: str, new: str) -> None:
    if renames.get(old, new) != new:
        raise HoistError(f"pins {renames[old]} and {new} both rename component {old}")
    renames[old] = new


def _rename(document: dict[str, Any], old: str, new: str) -> None:
    schemas = document["components"]["schemas"]
    if new in schemas:
        raise HoistError(f"cannot rename component {old} to {new}: {new} exists")
    # Keep the component's position: rebuild the mapping with the new key in place.
    renamed = {(new if key == old else key): value for key, value in schemas.items()}
    schemas.clear()
    schemas.update(renamed)
    old_ref = openapi.schema_ref(old)
    for node in _walk(document):
        ref = node.get("$ref")
        if isinstance(ref, str) and (ref == old_ref or ref.startswith(old_ref + "/")):
            node["$ref"] = openapi.schema_ref(new) + ref[len(old_ref) :]


def _walk(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)

"""Applying an OpenAPI Overlay 1.0.0 document (spec/overlay.yaml) to upstream's document.

Every correction we make to upstream lives in the overlay, as a reviewable list of
actions, so that `openapi.yaml` is upstream's text plus those actions and nothing else.

Supported, from the Overlay 1.0.0 specification:
- the document: `overlay: 1.0.0`, `info` (`title`, `version`), optional `extends`, and
  `actions`, applied in order;
- an action: `target` (a JSONPath, below), optional `description`, and either
  `remove: true` (the selected nodes are deleted from their parents) or `update`;
- `update` on a mapping merges recursively: a key of the update that is a mapping in
  both merges again, any other value replaces the target's value in place (so a key
  keeps its position), and a key the target lacks is appended; `update` on a sequence
  appends the update value, as the specification says (not idempotent: avoid it in our
  overlay). `update` on a scalar is an error: target its parent and update the key.

JSONPath subset (implemented here, no dependency): `$` (the root), then any number of
- `.name`: a key made of letters, digits, `_` and `-`;
- `['name']` or `["name"]`: any key, with `\\'`, `\\"` and `\\\\` escapes, so
  `$.paths['/image/{prompt}'].get` works;
- `.*` or `[*]`: every value of a mapping, every item of a sequence;
- `[3]`: one item of a sequence.
Filters (`[?(...)]`), recursive descent (`..`), slices and unions are refused with an
error rather than misread.

An action whose target selects nothing is not an error in the Overlay specification.
Here it is reported (`OverlayResult.unmatched`): a fix that silently stops applying
(upstream moved or removed the operation) must be seen in the update's report.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

_NAME = re.compile(r"[A-Za-z0-9_\-]+")


class OverlayError(ValueError):
    """The overlay document, a target expression or an action is not what we support."""


@dataclass(frozen=True)
class Key:
    name: str


@dataclass(frozen=True)
class Index:
    position: int


@dataclass(frozen=True)
class Wildcard:
    pass


Segment = Key | Index | Wildcard


def parse_path(expression: str) -> list[Segment]:
    """The segments of a JSONPath of the supported subset (see the module doc)."""
    if not expression.startswith("$"):
        raise OverlayError(f"JSONPath must start with `$`: {expression!r}")
    segments: list[Segment] = []
    pos = 1
    while pos < len(expression):
        char = expression[pos]
        if expression.startswith("..", pos):
            raise OverlayError(f"recursive descent `..` is not supported: {expression!r}")
        if char == ".":
            pos += 1
            if expression.startswith("*", pos):
                segments.append(Wildcard())
                pos += 1
                continue
            match = _NAME.match(expression, pos)
            if match is None:
                raise OverlayError(
                    f"expected a name after `.` at {pos} in {expression!r}"
                    " (use ['...'] for other characters)"
                )
            segments.append(Key(match.group()))
            pos = match.end()
        elif char == "[":
            segment, pos = _parse_bracket(expression, pos + 1)
            segments.append(segment)
        else:
            raise OverlayError(f"unexpected {char!r} at {pos} in {expression!r}")
    return segments


def _parse_bracket(expression: str, pos: int) -> tuple[Segment, int]:
    """One `[...]` segment; `pos` is just after the `[`. Returns it and the next position."""
    if pos >= len(expression):
        raise OverlayError(f"unclosed `[` in {expression!r}")
    char = expression[pos]
    if char in "'\"":
        quote = char
        pos += 1
        name: list[str] = []
        while True:
            if pos >= len(expression):
                raise OverlayError(f"unclosed string in {expression!r}")
            char = expression[pos]
            if char == "\\":
                if pos + 1 >= len(expression) or expression[pos + 1] not in "'\"\\":
                    raise OverlayError(f"unsupported escape at {pos} in {expression!r}")
                name.append(expression[pos + 1])
                pos += 2
            elif char == quote:
                pos += 1
                break
            else:
                name.append(char)
                pos += 1
        segment: Segment = Key("".join(name))
    elif char == "*":
        segment = Wildcard()
        pos += 1
    else:
        match = re.compile(r"-?[0-9]+").match(expression, pos)
        if match is None:
            raise OverlayError(
                f"unsupported selector at {pos} in {expression!r}"
                " (supported: ['name'], [*], [number])"
            )
        segment = Index(int(match.group()))
        pos = match.end()
    if not expression.startswith("]", pos):
        raise OverlayError(f"expected `]` at {pos} in {expression!r}")
    return segment, pos + 1


@dataclass(frozen=True)
class Location:
    """A selected node: `parent[key]`, or the root when `parent` is None."""

    parent: dict[str, Any] | list[Any] | None
    key: str | int | None
    node: Any


def select(document: dict[str, Any], expression: str) -> list[Location]:
    """The nodes a JSONPath selects, in document order."""
    current = [Location(None, None, document)]
    for segment in parse_path(expression):
        following: list[Location] = []
        for location in current:
            following.extend(_children(location.node, segment))
        current = following
    return current


def _children(node: Any, segment: Segment) -> list[Location]:
    if isinstance(segment, Key):
        if isinstance(node, dict) and segment.name in node:
            return [Location(node, segment.name, node[segment.name])]
        return []
    if isinstance(segment, Index):
        if isinstance(node, list) and -len(node) <= segment.position < len(node):
            position = segment.position % len(node)
            return [Location(node, position, node[position])]
        return []
    if isinstance(node, dict):
        return [Location(node, key, value) for key, value in node.items()]
    if isinstance(node, list):
        return [Location(node, position, value) for position, value in enumerate(node)]
    return []


def merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    """Merge `update` into `target` in place (see the module doc for the rules)."""
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


@dataclass
class OverlayResult:
    document: dict[str, Any]
    applied: int = 0
    unmatched: list[str] = field(default_factory=list)


def validate(overlay: Any) -> list[dict[str, Any]]:
    """Check the overlay's shape; return its actions."""
    if not isinstance(overlay, dict):
        raise OverlayError("the overlay is not a mapping")
    version = str(overlay.get("overlay", ""))
    if not version.startswith("1.0"):
        raise OverlayError(f"unsupported overlay version {version!r} (expected 1.0.x)")
    info = overlay.get("info")
    if not isinstance(info, dict) or "title" not in info or "version" not in info:
        raise OverlayError("the overlay needs `info` with `title` and `version`")
    actions = overlay.get("actions")
    if not isinstance(actions, list) or not actions:
        raise OverlayError("the overlay needs a non-empty list of `actions`")
    for number, action in enumerate(actions, 1):
        if not isinstance(action, dict) or not isinstance(action.get("target"), str):
            raise OverlayError(f"action {number} needs a `target` string")
        unknown = set(action) - {"target", "description", "update", "remove"}
        if unknown and not all(str(key).startswith("x-") for key in unknown):
            raise OverlayError(f"action {number}: unknown fields {sorted(unknown)}")
        if action.get("remove") is not True and "update" not in action:
            raise OverlayError(f"action {number} ({action['target']}) needs `update` or `remove`")
        parse_path(action["target"])  # refuse unsupported expressions before applying
    return actions


def apply(document: dict[str, Any], overlay: Any) -> OverlayResult:
    """Apply the overlay's actions in order to a copy of the document."""
    actions = validate(overlay)
    result = OverlayResult(document=copy.deepcopy(document))
    for number, action in enumerate(actions, 1):
        target = action["target"]
        locations = select(result.document, target)
        if not locations:
            result.unmatched.append(target)
            continue
        result.applied += 1
        if action.get("remove") is True:
            _remove(locations, target)
            continue
        update = action["update"]
        for location in locations:
            if isinstance(location.node, dict):
                if not isinstance(update, dict):
                    raise OverlayError(
                        f"action {number} ({target}): a mapping can only be updated with a mapping"
                    )
                merge(location.node, update)
            elif isinstance(location.node, list):
                location.node.append(copy.deepcopy(update))
            else:
                raise OverlayError(
                    f"action {number} ({target}) selects a scalar: target its parent instead"
                )
    return result


def _remove(locations: list[Location], target: str) -> None:
    # Delete sequence items from the back, so the positions of the others stay valid.
    for location in sorted(
        locations,
        key=lambda item: item.key if isinstance(item.key, int) else -1,
        reverse=True,
    ):
        if location.parent is None:
            raise OverlayError(f"{target}: the root cannot be removed")
        if isinstance(location.parent, list):
            assert isinstance(location.key, int)
            del location.parent[location.key]
        else:
            assert isinstance(location.key, str)
            location.parent.pop(location.key, None)

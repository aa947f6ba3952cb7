"""openapi.yaml against upstream's own document, type by type.

For every parameter, and every property of every request and response body, of the 15
operations of upstream's newest document (spec/upstream/2026-03-03-c1cbc69.json), the
JSON types openapi.yaml admits must be those upstream's document admits, and every
property upstream has must be there. The differences our overlay makes on purpose are
listed below, each with the overlay action that explains it: any other difference is a
correction nobody wrote down, or a change of upstream's that did not come through.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from _repo_copy import REPO_ROOT

from pollinations_client.custom import _openapi as openapi
from spec.tools import canonical, update

UPSTREAM = REPO_ROOT / "spec" / "upstream" / "2026-03-03-c1cbc69.json"
MAX_DEPTH = 16


def _types(types: set[str] | None) -> str:
    return "any" if types is None else " | ".join(sorted(types))


def _branches(resolver: openapi.Resolver, schema: Any, seen: frozenset[int]) -> Iterator[Any]:
    """The schema and every anyOf/oneOf/allOf branch of it, references followed."""
    node, _ = resolver.deref(schema)
    if not isinstance(node, Mapping) or id(node) in seen:
        return
    seen = seen | {id(node)}
    yield node
    for keyword in ("anyOf", "oneOf", "allOf"):
        for branch in node.get(keyword) or []:
            yield from _branches(resolver, branch, seen)


def _parts(resolver: openapi.Resolver, schema: Any) -> tuple[dict[str, list[Any]], list[Any]]:
    """The properties (name -> the schema in each branch that has it) and the array item
    schemas a schema can carry, over all its branches, in document order."""
    properties: dict[str, list[Any]] = {}
    items: list[Any] = []
    for node in _branches(resolver, schema, frozenset()):
        for name, value in (node.get("properties") or {}).items():
            properties.setdefault(name, []).append(value)
        if isinstance(node.get("items"), Mapping):
            items.append(node["items"])
    return properties, items


def upstream() -> dict[str, Any]:
    return update.normalize_names(json.loads(UPSTREAM.read_text(encoding="utf-8")))


@functools.cache
def ours() -> dict[str, Any]:
    return canonical.parse((REPO_ROOT / "openapi.yaml").read_bytes())


def differences(theirs: dict[str, Any], ours: dict[str, Any]) -> dict[str, str]:
    """location -> "upstream type -> our type" (or "missing") for every difference."""
    up, we = openapi.Resolver(theirs), openapi.Resolver(ours)
    found: dict[str, str] = {}

    def compare(upstream: Any, mine: Any, where: str, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            return
        if up.types(upstream) != we.types(mine):
            found[where] = f"{_types(up.types(upstream))} -> {_types(we.types(mine))}"
        their_properties, their_items = _parts(up, upstream)
        my_properties, my_items = _parts(we, mine)
        # A property in several union branches (`name` of each message role) is compared
        # branch by branch: hoisting keeps every branch in its place.
        for name, values in their_properties.items():
            mine_too = my_properties.get(name, [])
            if len(mine_too) != len(values):
                found[f"{where}.{name}"] = "missing" if not mine_too else "variants differ"
                continue
            for index, (value, my_value) in enumerate(zip(values, mine_too, strict=True)):
                variant = f" (variant {index})" if len(values) > 1 else ""
                compare(value, my_value, f"{where}.{name}{variant}", depth + 1)
        if len(their_items) != len(my_items):
            found[f"{where}[]"] = "missing" if not my_items else "variants differ"
        for index, (value, my_value) in enumerate(zip(their_items, my_items, strict=False)):
            variant = f" (variant {index})" if len(their_items) > 1 else ""
            compare(value, my_value, f"{where}[]{variant}", depth + 1)

    for path, method, operation in openapi.iter_operations(theirs["paths"]):
        label = f"{method.upper()} {path}"
        mine = ours["paths"].get(path, {}).get(method)
        if mine is None:
            found[label] = "missing"
            continue
        my_parameters = {
            (p["in"], p["name"]): p for p in (mine.get("parameters") or []) if "in" in p
        }
        for parameter in operation.get("parameters") or []:
            key = (parameter["in"], parameter["name"])
            where = f"{label} {key[0]} {key[1]}"
            if key not in my_parameters:
                found[where] = "missing"
                continue
            if bool(parameter.get("required")) != bool(my_parameters[key].get("required")):
                found[where] = "required changed"
            compare(parameter["schema"], my_parameters[key]["schema"], where)
        body = operation.get("requestBody") or {}
        for media, content in (body.get("content") or {}).items():
            where = f"{label} request {media}"
            my_content = (mine.get("requestBody") or {}).get("content", {}).get(media)
            if my_content is None:
                found[where] = "missing"
            else:
                compare(content.get("schema", {}), my_content.get("schema", {}), where)
        for status, response in (operation.get("responses") or {}).items():
            for media, content in (response.get("content") or {}).items():
                where = f"{label} response {status} {media}"
                my_response = mine["responses"].get(status, {})
                my_content = (my_response.get("content") or {}).get(media)
                if my_content is None:
                    found[where] = "missing"
                else:
                    compare(content.get("schema", {}), my_content.get("schema", {}), where)
    return found


MODELS = (
    "$.paths['/image/models','/text/models','/audio/models'].get.responses['200']"
    ".content['application/json'].schema"
)
# Every difference the overlay makes on purpose: location -> (what changed, the targets of
# the overlay actions that make it; each action's description says why).
DELIBERATE: dict[str, tuple[str, tuple[str, ...]]] = {
    **{
        f"GET /{kind}/models response 200 application/json[]": (
            "any -> object",
            (f"{MODELS}.items", MODELS),  # `{}` items removed, a typed ModelInfo in their place
        )
        for kind in ("image", "text", "audio")
    },
    "GET /audio/{text} query key": (
        "missing",
        ("$.paths['/audio/{text}'].get.parameters[?@.name == 'key']",),
    ),
}


def test_every_difference_from_upstream_is_deliberate() -> None:
    found = differences(upstream(), ours())
    assert found == {where: change for where, (change, _) in DELIBERATE.items()}


@pytest.mark.parametrize("where", sorted(DELIBERATE))
def test_each_deliberate_difference_is_made_by_the_actions_named(where: str) -> None:
    """Without those actions the overlay makes no such difference: they are its cause."""
    _, targets = DELIBERATE[where]
    document = update.load_overlay(REPO_ROOT / "spec" / "overlay.yaml")
    kept = [action for action in document["actions"] if action["target"] not in targets]
    assert len(document["actions"]) - len(kept) == len(targets), "every target is an action"
    for action in document["actions"]:
        if action["target"] in targets:
            assert len(action.get("description", "")) > 20, "each says why"
    without = update.prepare(
        update.normalize_names(json.loads(UPSTREAM.read_text(encoding="utf-8"))),
        {**document, "actions": kept},
        update.load_pins(REPO_ROOT / "spec" / "names.yaml"),
    )
    assert where not in differences(upstream(), without.document)


PROFILE = "/paths/~1account~1profile/get/responses/200/content/application~1json/schema"
CHAT = "/paths/~1v1~1chat~1completions/post"


@pytest.mark.parametrize(
    ("pointer", "where"),
    [
        (f"{PROFILE}/properties/tier", "GET /account/profile response 200 application/json.tier"),
        (
            f"{CHAT}/requestBody/content/application~1json/schema/properties/messages/items"
            "/anyOf/2/properties/name",
            "POST /v1/chat/completions request application/json.messages[].name (variant 2)",
        ),
        (
            f"{CHAT}/responses/200/content/application~1json/schema/properties/choices/items"
            "/properties/message/properties/tool_calls/anyOf/0/items/properties/id",
            "POST /v1/chat/completions response 200 application/json.choices[].message"
            ".tool_calls[].id",
        ),
        ("/paths/~1image~1{prompt}/get/parameters/2/schema", "GET /image/{prompt} query width"),
        (
            "/paths/~1v1~1audio~1transcriptions/post/requestBody/content/multipart~1form-data"
            "/schema/properties/temperature",
            "POST /v1/audio/transcriptions request multipart/form-data.temperature",
        ),
    ],
)
def test_the_comparison_reaches_deep_and_is_not_vacuous(pointer: str, where: str) -> None:
    """A type changed upstream, in a nested property, a union branch, an array item, a
    parameter or a multipart field, is seen at its location."""
    theirs = upstream()
    node = openapi.get(theirs, pointer)
    node.pop("anyOf", None)
    node["type"] = "boolean"
    found = differences(theirs, ours())
    assert found.get(where, "").startswith("boolean -> "), sorted(found)
    assert set(found) - {where} == set(DELIBERATE), "one change, one difference"

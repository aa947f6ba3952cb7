"""The one OpenAPI reader (pollinations_client.custom._openapi), and that everyone uses it.

Pointers are RFC 6901's, `$ref`s are resolved by `referencing`, JSON types are JSON
Schema's (checked against jsonschema's own type checker); the last tests check that the
mock, the spec tools and the tests read documents through this module and no longer
carry readings of their own.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from pollinations_client.custom import _openapi as openapi

REPO_ROOT = Path(__file__).resolve().parent.parent

DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "paths": {},
    "components": {
        "schemas": {
            "a/b": {"type": "string"},
            "m~n": {"type": "integer"},
            "~1": {"type": "boolean"},
            "with space": {"type": "null"},
            "Chain1": {"$ref": "#/components/schemas/Chain2"},
            "Chain2": {"$ref": "#/components/schemas/Chain3"},
            "Chain3": {"type": "object", "properties": {"id": {"type": "string"}}},
            "Loop1": {"$ref": "#/components/schemas/Loop2"},
            "Loop2": {"$ref": "#/components/schemas/Loop1"},
            "Self": {"$ref": "#/components/schemas/Self"},
            "Dangling": {"$ref": "#/components/schemas/Nowhere"},
            "Escaped": {"$ref": "#/components/schemas/a~1b"},
            "Encoded": {"$ref": "#/components/schemas/with%20space"},
            "List": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
        }
    },
}


# ------------------------------------------------------------------ pointers


@pytest.mark.parametrize(
    ("key", "token"), [("a/b", "a~1b"), ("m~n", "m~0n"), ("~1", "~01"), ("/~", "~1~0"), ("x", "x")]
)
def test_a_token_is_escaped_and_unescaped(key: str, token: str) -> None:
    assert openapi.escape(key) == token
    assert openapi.unescape(token) == key
    assert openapi.pointer("components", "schemas", key) == f"/components/schemas/{token}"
    assert openapi.tokens(f"#/components/schemas/{token}") == ["components", "schemas", key]


@pytest.mark.parametrize(
    ("key", "expected"),
    [("a/b", {"type": "string"}), ("m~n", {"type": "integer"}), ("~1", {"type": "boolean"})],
)
def test_get_reads_escaped_keys(key: str, expected: dict[str, str]) -> None:
    location = openapi.pointer("components", "schemas", key)
    assert openapi.get(DOCUMENT, location) == expected
    assert openapi.get(DOCUMENT, "#" + location) == expected  # a URI fragment's form too


def test_get_does_not_follow_references() -> None:
    assert openapi.get(DOCUMENT, "/components/schemas/Chain1") == {
        "$ref": "#/components/schemas/Chain2"
    }
    with pytest.raises(KeyError):
        openapi.get(DOCUMENT, "/components/schemas/Chain1/properties")


def test_get_reads_the_root_and_array_indices() -> None:
    assert openapi.get(DOCUMENT, "") is DOCUMENT
    assert openapi.get(DOCUMENT, "#") is DOCUMENT
    assert openapi.get(DOCUMENT, "/components/schemas/List/anyOf/1") == {"type": "null"}


@pytest.mark.parametrize("index", ["01", "-", "2", "x", "-1"])
def test_an_array_index_is_digits_without_a_leading_zero(index: str) -> None:
    with pytest.raises(KeyError):
        openapi.get(DOCUMENT, f"/components/schemas/List/anyOf/{index}")


def test_a_pointer_starts_with_a_slash() -> None:
    with pytest.raises(ValueError, match="not a JSON pointer"):
        openapi.get(DOCUMENT, "components/schemas")


def test_find_names_the_parent_and_key() -> None:
    schemas = DOCUMENT["components"]["schemas"]
    assert openapi.find(DOCUMENT, "/components/schemas/a~1b") == (schemas, "a/b")
    assert openapi.find(DOCUMENT, "/components/schemas/List/anyOf/0") == (
        schemas["List"]["anyOf"],
        0,
    )
    assert openapi.find(DOCUMENT, "/components/schemas/none") is None
    assert openapi.find(DOCUMENT, "") is None


def test_select_gives_each_selected_node_once_by_pointer() -> None:
    found = openapi.select(DOCUMENT, "$.components.schemas['a/b','m~n','a/b']")
    assert found == [
        ("/components/schemas/a~1b", {"type": "string"}),
        ("/components/schemas/m~0n", {"type": "integer"}),
    ]
    assert openapi.select(DOCUMENT, "$.nothing") == []


# ---------------------------------------------------------------- references


def test_a_ref_chain_is_followed_to_its_end() -> None:
    resolver = openapi.Resolver(DOCUMENT)
    node, name = resolver.deref({"$ref": "#/components/schemas/Chain1"})
    assert node == DOCUMENT["components"]["schemas"]["Chain3"]
    assert name == "Chain3"  # the last component on the way
    location, found = resolver.follow("/components/schemas/Chain1")
    assert (location, found) == ("/components/schemas/Chain3", node)


def test_a_node_without_ref_is_its_own_end() -> None:
    resolver = openapi.Resolver(DOCUMENT)
    assert resolver.deref({"type": "string"}) == ({"type": "string"}, None)
    assert resolver.follow("/components/schemas/List") == (
        "/components/schemas/List",
        DOCUMENT["components"]["schemas"]["List"],
    )


@pytest.mark.parametrize(
    ("name", "location", "expected"),
    [
        ("Escaped", "/components/schemas/a~1b", {"type": "string"}),
        ("Encoded", "/components/schemas/with space", {"type": "null"}),
    ],
)
def test_refs_are_uri_fragments(name: str, location: str, expected: dict[str, str]) -> None:
    # `~1` is a pointer's escape, `%20` a URI's: a `$ref` may use both
    resolver = openapi.Resolver(DOCUMENT)
    assert resolver.follow(openapi.pointer("components", "schemas", name)) == (location, expected)


@pytest.mark.parametrize("name", ["Loop1", "Self"])
def test_a_reference_cycle_is_an_unresolved_reference(name: str) -> None:
    resolver = openapi.Resolver(DOCUMENT)
    with pytest.raises(openapi.UnresolvedReference):
        resolver.deref({"$ref": openapi.schema_ref(name)})
    with pytest.raises(openapi.UnresolvedReference) as caught:
        resolver.follow(openapi.pointer("components", "schemas", name))
    assert caught.value.where == openapi.pointer("components", "schemas", name)
    with pytest.raises(openapi.UnresolvedReference):
        resolver.types({"$ref": openapi.schema_ref(name)})  # not "anything": nothing


def test_a_dangling_ref_raises_and_names_where_it_is() -> None:
    resolver = openapi.Resolver(DOCUMENT)
    with pytest.raises(openapi.UnresolvedReference, match="Nowhere") as caught:
        resolver.follow("/components/schemas/Dangling")
    assert caught.value.ref == "#/components/schemas/Nowhere"
    assert caught.value.where == "/components/schemas/Dangling"
    assert str(caught.value) == (
        "$ref '#/components/schemas/Nowhere' resolves to nothing (at /components/schemas/Dangling)"
    )
    with pytest.raises(openapi.UnresolvedReference):
        resolver.lookup("other.yaml#/components/schemas/Chain3")  # only the document's own
    assert sorted(resolver.dangling()) == [
        ("/components/schemas/Dangling", "#/components/schemas/Nowhere"),
        ("/components/schemas/Loop1", "#/components/schemas/Loop2"),
        ("/components/schemas/Loop2", "#/components/schemas/Loop1"),
        ("/components/schemas/Self", "#/components/schemas/Self"),
    ]


def test_ref_names() -> None:
    assert openapi.schema_ref("a/b") == "#/components/schemas/a~1b"
    assert openapi.ref_name("#/components/schemas/a~1b") == "a/b"
    assert openapi.ref_name("#/components/schemas/Chain3/properties/id") is None
    assert openapi.ref_name("#/components/responses/Error") is None


def test_the_registry_serves_validators_by_pointer() -> None:
    resolver = openapi.Resolver(DOCUMENT)
    for name, good, bad in [("Chain1", {"id": "x"}, {"id": 1}), ("with space", None, 0)]:
        location = openapi.pointer("components", "schemas", name)
        validator = Draft202012Validator(
            {"$ref": resolver.uri(location)}, registry=resolver.registry
        )
        assert validator.is_valid(good)
        assert not validator.is_valid(bad)


# ---------------------------------------------------------------- operations

EVERY_METHOD: dict[str, Any] = {
    "openapi": "3.1.0",
    "paths": {
        "/items/{id}": {
            "summary": "not an operation",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "trace", "in": "query", "schema": {"type": "boolean"}},
                {"$ref": "#/components/parameters/Limit"},
            ],
            "x-extension": {"get": "not an operation either"},
            **{
                method: {"operationId": f"{method}_item", "responses": {}}
                for method in reversed(openapi.HTTP_METHODS)
            },
            "get": {
                "operationId": "get_item",
                "parameters": [
                    {"name": "trace", "in": "query", "schema": {"type": "integer"}},
                    {"name": "trace", "in": "header", "schema": {"type": "string"}},
                ],
                "responses": {},
            },
        },
        "/empty": {"parameters": []},
        "/broken": "not a path item",
    },
    "components": {
        "parameters": {"Limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}}}
    },
}


def test_the_walk_visits_every_http_method_of_a_path_item() -> None:
    walked = list(openapi.iter_operations(EVERY_METHOD["paths"]))
    assert [(path, method) for path, method, _ in walked] == [
        ("/items/{id}", method) for method in openapi.HTTP_METHODS
    ]
    assert set(openapi.HTTP_METHODS) == {
        "get", "put", "post", "delete", "options", "head", "patch", "trace"
    }  # fmt: skip
    assert all(operation["operationId"] == f"{m}_item" for _, m, operation in walked)


def test_path_level_parameters_merge_into_each_operation() -> None:
    resolver = openapi.Resolver(EVERY_METHOD)
    found = openapi.parameters(resolver, "/items/{id}", "get")
    assert list(found) == [
        ("path", "id"),
        ("query", "trace"),
        ("query", "limit"),
        ("header", "trace"),  # same name, another location: another parameter
    ]
    # the operation's own `trace` replaces the path item's, where the path item had it
    assert found[("query", "trace")] == (
        "/paths/~1items~1{id}/get/parameters/0",
        {"name": "trace", "in": "query", "schema": {"type": "integer"}},
    )
    assert found[("query", "limit")][0] == "/components/parameters/Limit"  # `$ref` followed
    assert found[("path", "id")][0] == "/paths/~1items~1{id}/parameters/0"
    put = openapi.parameters(resolver, "/items/{id}", "put")
    assert list(put) == [("path", "id"), ("query", "trace"), ("query", "limit")]
    assert put[("query", "trace")][1]["schema"] == {"type": "boolean"}


def test_schemas_are_walked_with_their_pointers() -> None:
    pointers = [location for location, _ in openapi.iter_schemas(EVERY_METHOD)]
    assert "/components/parameters/Limit/schema" in pointers
    assert "/paths/~1items~1{id}/parameters/1/schema" in pointers
    assert "/paths/~1items~1{id}/get/parameters/1/schema" in pointers
    nested = {"type": "object", "properties": {"a/b": {"items": {"type": "string"}}}}
    assert [location for location, _ in openapi.iter_subschemas(nested, "#")] == [
        "#",
        "#/properties/a~1b",
        "#/properties/a~1b/items",
    ]


# --------------------------------------------------------------------- types

VALUES: list[Any] = [
    True, False, 0, 1, -7, 1.0, -0.0, 1.5, float("nan"), float("inf"), None, "", "1",
    [], [1], {}, {"a": 1},
]  # fmt: skip


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_json_types_are_json_schemas(value: Any) -> None:
    # jsonschema's own type checker (Draft 2020-12) is the reference
    checker = Draft202012Validator.TYPE_CHECKER
    for name in openapi.JSON_TYPES:
        assert openapi.is_json_type(value, name) is checker.is_type(value, name), name
    assert checker.is_type(value, openapi.json_type(value))


def test_json_type_names() -> None:
    assert openapi.json_type(True) == "boolean"  # a bool is not an integer ...
    assert not openapi.is_json_type(True, "integer")
    assert not openapi.is_json_type(False, "number")
    assert openapi.json_type(1.0) == "integer"  # ... and 1.0 is one, as JSON Schema counts
    assert openapi.is_json_type(1.0, "integer")
    assert openapi.json_type(1.5) == "number"
    assert openapi.is_json_type(3, "number")  # every integer is a number
    assert openapi.json_type(None) == "null"
    assert not openapi.is_json_type(None, "object")
    assert not openapi.is_json_type(0, "null")
    assert not openapi.is_json_type("", "null")


@pytest.mark.parametrize(
    ("schema", "types"),
    [
        ({"type": "integer"}, {"integer"}),
        ({"type": ["number", "null"]}, {"number", "null"}),
        ({"type": "string", "nullable": True}, {"string", "null"}),  # OpenAPI 3.0
        ({"enum": [1, 2.5, None]}, {"integer", "number", "null"}),
        ({"enum": [True]}, {"boolean"}),
        ({"const": 1.0}, {"integer"}),
        (
            {"anyOf": [{"type": "integer"}, {"$ref": "#/components/schemas/a~1b"}]},
            {"integer", "string"},
        ),
        ({"anyOf": [{"type": "integer"}, {}]}, None),
        ({"allOf": [{}, {"type": "boolean"}]}, {"boolean"}),
        ({"properties": {}}, {"object"}),
        ({"items": {}}, {"array"}),
        ({}, None),
        ({"$ref": "#/components/schemas/Chain1"}, {"object"}),
    ],
)
def test_the_types_a_schema_admits(schema: dict[str, Any], types: set[str] | None) -> None:
    assert openapi.Resolver(DOCUMENT).types(schema) == types


# ------------------------------------------------------------------ its users

USERS = [
    "pollinations_client.custom.mock._spec",
    "pollinations_client.custom.mock._text",
    "spec.tools.__main__",
    "spec.tools.check",
    "spec.tools.diff",
    "spec.tools.generator_input",
    "spec.tools.hoist",
    "spec.tools.overlay",
    "spec.tools.params",
    "spec.tools.update",
    "_spec",  # tests/_spec.py
]


@pytest.mark.parametrize("name", USERS)
def test_the_mock_the_spec_tools_and_the_tests_read_through_it(name: str) -> None:
    assert importlib.import_module(name).openapi is openapi


def test_the_client_does_not_import_it() -> None:
    # `referencing` is the mock's dependency (through jsonschema), not the client's
    code = (
        "import sys, pollinations_client.custom; print(sorted(m for m in sys.modules"
        " if m == 'pollinations_client.custom._openapi' or m.split('.')[0] in"
        " ('referencing', 'jsonpath_rfc9535')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_ROOT
    )
    assert out.stdout.strip() == "[]"


# Where OpenAPI documents are read: each of these modules must leave the reading to the
# reader. (The client's own argument checks, custom/_validation.py, read schemas that
# pollinations_client/params.py carries and cannot import the reader: no `referencing`.)
SCANNED = ["custom/mock", "spec/tools", "tests"]
READER = REPO_ROOT / "custom" / "_openapi.py"
# Names the reader defines that a module would only define again to read a document
# its own way.
READER_NAMES = {
    "json_type", "_json_type", "_json_types", "is_json_type", "declared_types",
    "escape", "unescape", "escape_pointer", "escape_pointer_token", "pointer_get",
    "deref", "iter_operations", "iter_subschemas", "subschemas",
}  # fmt: skip


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""]
    return [alias.name for alias in node.names]


def _offences(path: Path) -> list[str]:
    found: list[str] = []
    where = path.relative_to(REPO_ROOT)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        line = f"{where}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            words = {e.value for e in node.elts if isinstance(e, ast.Constant)}
            if len(words & set(openapi.HTTP_METHODS)) >= 3:
                found.append(f"{line}: a list of HTTP methods")
            if len(words & set(openapi.JSON_TYPES)) >= 5:
                found.append(f"{line}: a list of JSON types")
        elif isinstance(node, ast.Constant) and node.value in ("~0", "~1"):
            found.append(f"{line}: a pointer token escaped by hand")
        elif isinstance(node, ast.Constant) and node.value == openapi.SCHEMAS:
            found.append(f"{line}: the components' prefix restated")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            if any(module.split(".")[0] == "referencing" for module in _imported(node)):
                found.append(f"{line}: `$ref`s resolved with referencing")
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in READER_NAMES:
            found.append(f"{line}: defines {node.name}")
    return found


def test_no_other_module_reads_openapi_its_own_way() -> None:
    files = [
        path
        for directory in SCANNED
        for path in sorted((REPO_ROOT / directory).rglob("*.py"))
        if path != Path(__file__).resolve()  # this file tests the reader's escapes
    ]
    assert len(files) > 50
    offences = [offence for path in files for offence in _offences(path)]
    assert offences == []


def test_the_scan_finds_what_it_looks_for() -> None:
    offences = _offences(READER)
    assert any("a list of HTTP methods" in offence for offence in offences)
    assert any("a list of JSON types" in offence for offence in offences)
    assert any("escaped by hand" in offence for offence in offences)
    assert any("the components' prefix" in offence for offence in offences)
    assert any("referencing" in offence for offence in offences)
    assert any("defines json_type" in offence for offence in offences)

"""The one reader of OpenAPI documents: JSON pointers, `$ref`s, operations and JSON types.

The mock server, the spec tools (spec/tools/) and the tests all read documents through
this module, so that each reading is written once:
- JSON pointers (RFC 6901) address a node of the document *as written*: they never
  follow a `$ref`. `names.yaml` pins model names by pointer, the checks report problems
  by pointer and the mock's validators find their schemas by pointer. An RFC 9535
  JSONPath (`select`, for the overlay's targets and the pins) gives pointers too;
- `$ref`s are resolved by `referencing`, the resolver jsonschema uses, for the
  document's own `#...` references. A reference that resolves to nothing, or only to
  itself through a cycle, raises `UnresolvedReference`: no caller ever compares,
  generates or validates from a guess;
- the walk over operations (paths in document order, each path's methods in the order
  of the one list of HTTP methods), and an operation's parameters with those of its
  path item merged in;
- the JSON type of a value as JSON Schema counts it (a bool is not an integer, `1.0` is).

`import pollinations_client.custom` does not import this module: the client needs none
of it, and `referencing` comes with the mock's extra (jsonschema), not with the client.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote, unquote

from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
JSON_TYPES = ("string", "integer", "number", "boolean", "array", "object", "null")
SCHEMAS = "#/components/schemas/"
#: The URI under which a Resolver registers its document; only its own `#...` refs resolve.
BASE_URI = "urn:pollinations-client:openapi"


class UnresolvedReference(LookupError):
    """A `$ref` that resolves to nothing in the document."""

    def __init__(self, ref: str, where: str = "") -> None:
        self.ref = ref
        self.where = where
        at = f" (at {where})" if where else ""
        super().__init__(f"$ref {ref!r} resolves to nothing{at}")


# ------------------------------------------------------------------ pointers


def escape(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer(*tokens: str | int) -> str:
    """`pointer("paths", "/image/{prompt}", "get")` -> `/paths/~1image~1{prompt}/get`."""
    return "".join("/" + escape(token) for token in tokens)


def tokens(location: str) -> list[str]:
    """The unescaped tokens of a pointer (`#/a/b` and `/a/b` alike)."""
    text = location[1:] if location.startswith("#") else location
    if not text:
        return []
    if not text.startswith("/"):
        raise ValueError(f"not a JSON pointer: {location!r}")
    return [unescape(token) for token in text[1:].split("/")]


def _child(node: Any, token: str) -> Any:
    if isinstance(node, Mapping):
        return node[token]
    # RFC 6901: an array index is `0` or digits without a leading zero
    if isinstance(node, list) and token.isdigit() and (token == "0" or token[0] != "0"):
        return node[int(token)]
    raise KeyError(token)


def get(document: Any, location: str) -> Any:
    """The node at a pointer, or KeyError; `$ref`s on the way are not followed."""
    node = document
    for token in tokens(location):
        try:
            node = _child(node, token)
        except (KeyError, IndexError):
            raise KeyError(location) from None
    return node


def find(document: Any, location: str) -> tuple[Any, str | int] | None:
    """(parent, key) of the node at a pointer, or None when there is no such node."""
    parts = tokens(location)
    if not parts:
        return None
    try:
        parent = get(document, pointer(*parts[:-1]))
        _child(parent, parts[-1])
    except (KeyError, IndexError):
        return None
    return parent, (int(parts[-1]) if isinstance(parent, list) else parts[-1])


def select(document: Any, expression: str) -> list[tuple[str, Any]]:
    """(pointer, node) for each node an RFC 9535 JSONPath selects, in document order, each
    once (a union such as `[0,0]` can name a node twice)."""
    # jsonpath-rfc9535 comes with the spec tools' (dev) extra; the mock never selects by
    # JSONPath, so it does not need the package.
    import jsonpath_rfc9535 as jsonpath

    found: dict[str, Any] = {}
    for node in jsonpath.find(expression, document):
        found.setdefault(pointer(*node.location), node.value)
    return list(found.items())


# ---------------------------------------------------------------- references


def schema_ref(name: str) -> str:
    return SCHEMAS + escape(name)


def ref_name(ref: str) -> str | None:
    """`#/components/schemas/Name` -> `Name`; None for any other reference."""
    if ref.startswith(SCHEMAS) and "/" not in ref[len(SCHEMAS) :]:
        return unescape(ref[len(SCHEMAS) :])
    return None


def iter_refs(node: Any, location: str = "") -> Iterator[tuple[str, str]]:
    """(pointer of the referring object, ref) for every `$ref` string under a node."""
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield location, ref
        for key, value in node.items():
            if key != "$ref":
                yield from iter_refs(value, f"{location}/{escape(key)}")
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from iter_refs(value, f"{location}/{position}")


class Resolver:
    """`$ref` resolution within one document, by `referencing`.

    The document must not change while a Resolver reads it (lookups are cached).
    `registry` holds the document under BASE_URI, for jsonschema validators of the
    schemas in it (`uri`).
    """

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        resource: Resource[Any] = DRAFT202012.create_resource(document)
        self.registry: Registry[Any] = Registry().with_resource(BASE_URI, resource)
        self._resolver = self.registry.resolver(BASE_URI)
        self._found: dict[str, Any] = {}

    def uri(self, location: str) -> str:
        """The URI of the node at a pointer, for a `$ref` that `registry` resolves."""
        text = location[1:] if location.startswith("#") else location
        return f"{BASE_URI}#{quote(text, safe='/~')}"

    def lookup(self, ref: str) -> Any:
        """The node a `$ref` names; UnresolvedReference when there is none."""
        if ref in self._found:
            return self._found[ref]
        if not ref.startswith("#"):
            raise UnresolvedReference(ref)
        try:
            found = self._resolver.lookup(ref).contents
        except Unresolvable:
            raise UnresolvedReference(ref) from None
        self._found[ref] = found
        return found

    def _chain(self, node: Any, where: str) -> Iterator[tuple[str, Any]]:
        """(ref, node it names) for each `$ref` followed from `node`, in order.

        A reference cycle (`A: {$ref: B}`, `B: {$ref: A}`) has no node to reach: it is
        reported like a dangling reference.
        """
        seen: set[str] = set()
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                raise UnresolvedReference(ref, where)
            seen.add(ref)
            try:
                node = self.lookup(ref)
            except UnresolvedReference:
                raise UnresolvedReference(ref, where) from None
            yield ref, node

    def deref(self, node: Any, where: str = "") -> tuple[Any, str | None]:
        """Follow `$ref`s; the node reached and the last component name on the way."""
        name: str | None = None
        for ref, found in self._chain(node, where):
            node = found
            name = ref_name(ref) or name
        return node, name

    def follow(self, location: str) -> tuple[str, Any]:
        """The pointer and the node reached from the node at `location` by its `$ref`s
        (KeyError when there is no node at `location`)."""
        node = get(self.document, location)
        for ref, found in self._chain(node, location):
            if ref != "#" and not ref.startswith("#/"):
                # an anchor (`#name`) names a node but gives no pointer to it
                raise UnresolvedReference(ref, location)
            location, node = unquote(ref[1:]), found
        return location, node

    def types(self, node: Any, seen: frozenset[str] = frozenset()) -> set[str] | None:
        """The JSON types a schema admits (`integer` and `number` kept apart); None for
        "anything" (`{}`, or a union with such a branch)."""
        if isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            if node["$ref"] in seen:
                return None
            seen = seen | {node["$ref"]}
        node, _ = self.deref(node)
        if not isinstance(node, Mapping):
            return None
        found = declared_types(node)
        if not found and "const" in node:
            return {json_type(node["const"])}
        if not found and isinstance(node.get("enum"), list):
            found = {json_type(value) for value in node["enum"]}
        branches = [*node.get("anyOf", []), *node.get("oneOf", [])]
        if branches and not found:
            union: set[str] = set()
            for branch in branches:
                branch_types = self.types(branch, seen)
                if branch_types is None:
                    return None
                union |= branch_types
            return union
        if not found and isinstance(node.get("allOf"), list):
            for branch in node["allOf"]:
                branch_types = self.types(branch, seen)
                if branch_types is not None:
                    return branch_types
        if not found:
            if "properties" in node or "additionalProperties" in node:
                return {"object"}
            if "items" in node:
                return {"array"}
            return None
        return found

    def dangling(self) -> Iterator[tuple[str, str]]:
        """(pointer, ref) of every `$ref` in the document that resolves to nothing."""
        for where, ref in iter_refs(self.document):
            try:
                self.deref({"$ref": ref}, where)
            except UnresolvedReference:
                yield where, ref


# ---------------------------------------------------------------- operations


def iter_operations(paths: Mapping[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) for every operation of a `paths` object: paths in order,
    then methods in HTTP_METHODS' order."""
    for path, item in paths.items():
        if not isinstance(item, Mapping):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield path, method, operation


def parameters(
    resolver: Resolver, path: str, method: str
) -> dict[tuple[str, str], tuple[str, Mapping[str, Any]]]:
    """(in, name) -> (pointer, parameter object) of an operation, `$ref`s followed: its
    path item's parameters, then its own, which override a path item's of the same name
    and location (OpenAPI 3.1, Path Item Object)."""
    found: dict[tuple[str, str], tuple[str, Mapping[str, Any]]] = {}
    for where in (pointer("paths", path), pointer("paths", path, method)):
        for position, _ in enumerate(get(resolver.document, where).get("parameters") or []):
            at, node = resolver.follow(f"{where}/parameters/{position}")
            if isinstance(node, Mapping) and "name" in node and "in" in node:
                found[(str(node["in"]), str(node["name"]))] = (at, node)
    return found


# ------------------------------------------------------------------- schemas

# Keywords whose value is a schema, a list of schemas, or a mapping of name -> schema.
_ONE = ("additionalProperties", "items", "not", "if", "then", "else", "contains",
        "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema")  # fmt: skip
_MANY = ("anyOf", "oneOf", "allOf", "prefixItems")
_NAMED = ("properties", "patternProperties", "dependentSchemas", "$defs")


def iter_subschemas(schema: Any, location: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, schema) for a schema object and every schema inside it, outermost first."""
    if not isinstance(schema, dict):
        return
    yield location, schema
    for keyword in _ONE:
        yield from iter_subschemas(schema.get(keyword), f"{location}/{escape(keyword)}")
    for keyword in _MANY:
        for position, item in enumerate(schema.get(keyword) or []):
            yield from iter_subschemas(item, f"{location}/{keyword}/{position}")
    for keyword in _NAMED:
        named = schema.get(keyword)
        if isinstance(named, dict):
            for name, item in named.items():
                yield from iter_subschemas(item, f"{location}/{escape(keyword)}/{escape(name)}")


def _content_schemas(holder: Any, location: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Schemas of a parameter, request body, response or header (their `content` too)."""
    if not isinstance(holder, dict):
        return
    yield from iter_subschemas(holder.get("schema"), f"{location}/schema")
    for media_type, media in (holder.get("content") or {}).items():
        if isinstance(media, dict):
            media_at = f"{location}/content/{escape(media_type)}/schema"
            yield from iter_subschemas(media.get("schema"), media_at)
    for header, value in (holder.get("headers") or {}).items():
        yield from _content_schemas(value, f"{location}/headers/{escape(header)}")


def iter_schemas(document: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, schema) for every schema object of a document, nested ones included."""
    components = document.get("components") or {}
    for name, schema in (components.get("schemas") or {}).items():
        yield from iter_subschemas(schema, pointer("components", "schemas", name))
    for kind in ("parameters", "requestBodies", "responses", "headers"):
        for name, holder in (components.get(kind) or {}).items():
            yield from _content_schemas(holder, pointer("components", kind, name))
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for position, parameter in enumerate(item.get("parameters") or []):
            yield from _content_schemas(parameter, pointer("paths", path, "parameters", position))
        for _, method, operation in iter_operations({path: item}):
            at = pointer("paths", path, method)
            for position, parameter in enumerate(operation.get("parameters") or []):
                yield from _content_schemas(parameter, f"{at}/parameters/{position}")
            yield from _content_schemas(operation.get("requestBody"), f"{at}/requestBody")
            for status, response in (operation.get("responses") or {}).items():
                yield from _content_schemas(response, f"{at}/responses/{escape(status)}")


# --------------------------------------------------------------------- types


def json_type(value: Any) -> str:
    """The JSON type of a value, as a schema's `type` names it.

    As JSON Schema counts: a bool is a boolean, never an integer, and a number without a
    fractional part (`1.0`) is an integer. What a YAML 1.1 reader makes of a scalar
    beyond JSON's types (PyYAML reads an unquoted date as a date) counts as the string
    it is written as.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "integer" if value.is_integer() else "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return "string"


def is_json_type(value: Any, name: str) -> bool:
    """Whether a value is of the JSON type `name` (an integer is a number too)."""
    found = json_type(value)
    return found == name or (name == "number" and found == "integer")


def declared_types(schema: Mapping[str, Any]) -> set[str]:
    """The types a schema's own `type` (a string or a list) and `nullable` name."""
    declared = schema.get("type")
    if isinstance(declared, str):
        found = {declared}
    elif isinstance(declared, list):
        found = {str(item) for item in declared}
    else:
        found = set()
    if schema.get("nullable") is True:
        found.add("null")
    return found

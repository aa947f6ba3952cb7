"""`make generate`, second step: pollinations_client/params.py, every operation's arguments.

openapi-python-client writes one module per operation, but what it knows of an argument
stops at its Python type: the bounds (`minimum`, `maxLength`, ...), the closed enums and
the server defaults are not in the generated code, and the ergonomic layer needs them to
refuse a bad value before sending it. This step reads the same document with the
generator's own parser (so every Python name and class name is the generator's) and takes
each argument's JSON Schema from the document itself, then renders
generator-templates/params.py.jinja with the generator's own template environment:
- `OperationSpec`s (types.py) with every argument: Python and wire name, where it
  travels, required or not, its schema with `$ref`s resolved, description, default;
- a TypedDict of each operation's keyword arguments, for `**params: Unpack[...]`;
- the Args section of a docstring, so that `help()` on a method lists every argument.
generator-params.yaml names the arguments a hand-written method takes itself.

    python -m spec.tools.params DOCUMENT GENERATOR_CONFIG TEMPLATES PARAMS_CONFIG OUT
"""

from __future__ import annotations

import keyword
import re
import sys
import textwrap
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from pollinations_client.custom import _openapi as openapi

#: The schema keywords an argument check reads (custom/_validation.py implements them).
CHECKED_KEYWORDS = (
    "type",
    "enum",
    "const",
    "format",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
)


class ParamsError(RuntimeError):
    """The document and generator-params.yaml do not fit together."""


# ------------------------------------------------------------------ the schema


def checked_schema(resolver: openapi.Resolver, node: Any, where: str) -> dict[str, Any]:
    """The parts of a schema an argument check reads, every `$ref` resolved.

    An object is kept as `{"type": "object"}`: its fields belong to the generated model
    (and, for chat messages, to the custom layer's own checks), not to the argument's.
    """
    node, _ = resolver.deref(node, where)
    if not isinstance(node, Mapping):
        return {}
    types = node.get("type")
    type_list = types if isinstance(types, list) else [types] if types else []
    if "object" in type_list or (not type_list and "properties" in node):
        nullable = "null" in type_list
        return {"type": ["object", "null"] if nullable else "object"}
    result = {key: node[key] for key in CHECKED_KEYWORDS if key in node}
    if "items" in node:
        result["items"] = checked_schema(resolver, node["items"], f"{where}/items")
    for key in ("anyOf", "oneOf", "allOf"):
        if isinstance(node.get(key), list):
            branches: list[dict[str, Any]] = []
            for i, branch in enumerate(node[key]):
                checked = checked_schema(resolver, branch, f"{where}/{key}/{i}")
                if checked not in branches:  # six messages are six times `object` here
                    branches.append(checked)
            if len(branches) == 1 and not set(branches[0]) & set(result):
                result.update(branches[0])  # a choice of one schema is that schema
            else:
                result[key] = branches
    return result


def describe(schema: Mapping[str, Any]) -> str:
    """The bounds and the allowed values of a schema, as a sentence for a docstring."""
    parts: list[str] = []
    if "enum" in schema:
        parts.append("One of " + ", ".join(str(value) for value in schema["enum"]) + ".")
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        parts.append(f"From {_number(low)} to {_number(high)}.")
    elif low is not None:
        parts.append(f"At least {_number(low)}.")
    elif high is not None:
        parts.append(f"At most {_number(high)}.")
    if "exclusiveMinimum" in schema:
        parts.append(f"Greater than {_number(schema['exclusiveMinimum'])}.")
    if "exclusiveMaximum" in schema:
        parts.append(f"Less than {_number(schema['exclusiveMaximum'])}.")
    short, long = schema.get("minLength"), schema.get("maxLength")
    if long is not None:
        parts.append(f"{short or 0} to {long} characters.")
    elif short:
        parts.append(f"At least {short} character{'s' if short != 1 else ''}.")
    return " ".join(parts)


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


# -------------------------------------------------------------- the Python side


def annotation(prop: Any) -> str:
    """The type a caller passes for a property: what the generated model accepts, and
    the JSON-shaped values it stands for (a mapping for a model, a literal for an enum)."""
    kind = type(prop).__name__
    if kind == "ModelProperty":
        return f"{prop.class_info.name} | Mapping[str, Any]"
    if kind == "EnumProperty":
        values = ", ".join(repr(value) for value in prop.values.values())
        return f"{prop.class_info.name} | Literal[{values}]"
    if kind == "ConstProperty":
        return f"Literal[{prop.value.python_code.as_unembedded_code()}]"
    if kind == "ListProperty":
        return f"Sequence[{annotation(prop.inner_property)}]"
    if kind == "UnionProperty":
        seen: list[str] = []
        for inner in prop.inner_properties:
            for part in _split_union(annotation(inner)):
                if part not in seen:
                    seen.append(part)
        # the classes first, then what JSON stands for them, then None
        last = ("Mapping[str, Any]", "None")
        return " | ".join([p for p in seen if p not in last] + [p for p in last if p in seen])
    if kind == "DateTimeProperty":
        return "datetime.datetime | str"
    if kind == "DateProperty":
        return "datetime.date | str"
    if kind == "FileProperty":
        return "File"
    return str(prop.get_type_string(no_optional=True).as_unembedded_code())


def _split_union(text: str) -> list[str]:
    """`A | Literal['x', 'y'] | B` -> its members (a bar inside brackets does not split)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += char in "[("
        depth -= char in "])"
        if char == "|" and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return parts


def _names(text: str) -> set[str]:
    """The model and enum classes an annotation names (for the TYPE_CHECKING imports)."""
    literals = re.sub(r"Literal\[[^\]]*\]", "", text)
    builtin = {"Mapping", "Sequence", "Any", "Literal", "None", "File", "datetime"}
    return {name for name in re.findall(r"\b[A-Z][A-Za-z0-9]*\b", literals)} - builtin


def _raw(value: Any) -> str:
    """A string from the document as it is written (only ever emitted through repr())."""
    return str(value.get_untrusted_value() if hasattr(value, "get_untrusted_value") else value)


def _text(value: Any) -> str:
    return "" if value is None else " ".join(_raw(value).split())


def _wrap(text: str, width: int = 88) -> list[str]:
    return textwrap.wrap(text, width) or [""]


# -------------------------------------------------------------------- the reading


def _generator_data(document: dict[str, Any], config_path: Path) -> Any:
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser.errors import GeneratorError
    from openapi_python_client.parser.openapi import GeneratorData

    config = Config.from_sources(
        ConfigFile.load_from_path(config_path),
        # mypy, reading as Python 3.10, takes the generator's enum.StrEnum for a str
        MetaType.NONE,  # type: ignore[arg-type]
        document_source="openapi.yaml",
        file_encoding="utf-8",
        overwrite=True,
        output_path=None,
    )
    data = GeneratorData.from_dict(document, config=config)
    if isinstance(data, GeneratorError):
        raise ParamsError(f"the generator cannot read the document: {data.header} {data.detail}")
    return data, config


def public_name(python_name: str) -> str:
    """The keyword a caller writes: the generator's Python name, without the `_` it adds
    to a builtin's name (`input_`, `format_`), which a keyword argument may shadow
    harmlessly. A Python keyword keeps it (`from_`)."""
    base = python_name[:-1] if python_name.endswith("_") else python_name
    return base if base.isidentifier() and not keyword.iskeyword(base) else python_name


def _parameter(prop: Any, location: str, schema: Mapping[str, Any], raw: Mapping[str, Any],
               description: str) -> dict[str, Any]:  # fmt: skip
    ann = annotation(prop)
    default = raw.get("default")
    name = public_name(str(prop.python_name))
    if _raw(prop.name).endswith("_"):
        name = str(prop.python_name)  # upstream's own name ends in `_`: kept as it is
    # the docstring names the classes; a closed enum's values follow in the text
    shown = [part for part in _split_union(ann) if not part.startswith("Literal[")] or [ann]
    if not prop.required and "None" not in shown:
        shown.append("None")
    doc_type = " | ".join(shown)
    sentences = [s for s in (description, describe(schema)) if s]
    if default is not None:
        sentences.append(f"Server default: {default!r}.")
    # the help text (a CLI option's, for one), and after the name and type, the docstring
    help_text = " ".join(s if s.endswith((".", "!", "?", ":")) else s + "." for s in sentences)
    line = f"{name} ({doc_type}):" + (" " + help_text if help_text else "")
    return {
        "name": name,
        "argument": str(prop.python_name),
        "wire": _raw(prop.name),
        "location": location,
        "required": bool(prop.required),
        "schema": schema,
        "description": description,
        "default": default,
        "help": help_text,
        "annotation": ann,
        "doc": line,
    }


def operations(
    document: dict[str, Any], config_path: Path, explicit: Mapping[str, Iterable[str]]
) -> tuple[list[dict[str, Any]], Any]:
    """What the template renders: one entry per operation, in document order."""
    data, config = _generator_data(document, config_path)
    resolver = openapi.Resolver(document)
    endpoints = {
        str(endpoint.name): (str(tag), endpoint)
        for tag, collection in data.endpoint_collections_by_tag.items()
        for endpoint in collection.endpoints
    }
    models = {str(model.class_info.name): model for model in data.models}
    found: list[dict[str, Any]] = []
    for path, method, node in openapi.iter_operations(document["paths"]):
        operation_id = node["operationId"]
        tag, endpoint = endpoints[operation_id]
        where = openapi.pointer("paths", path, method)
        raw_parameters = {
            key: parameter
            for key, (_, parameter) in openapi.parameters(resolver, path, method).items()
        }
        parameters = []
        for location, props in (
            ("path", endpoint.path_parameters),
            ("query", endpoint.query_parameters),
            ("header", endpoint.header_parameters),
        ):
            for prop in props:
                raw = raw_parameters[(location, _raw(prop.name))]
                schema_node = raw.get("schema") or {}
                schema = checked_schema(resolver, schema_node, where)
                plain = resolver.deref(schema_node, where)[0]
                description = _text(raw.get("description")) or _text(plain.get("description"))
                parameters.append(_parameter(prop, location, schema, schema_node, description))
        body_model = body_type = None
        if endpoint.bodies:
            body = endpoint.bodies[0]
            body_model = str(body.prop.class_info.name)
            body_type = _raw(body.content_type)
            model = models[body_model]
            content = node["requestBody"]["content"][body_type]
            body_schema, _ = resolver.deref(content["schema"], where)
            properties = body_schema.get("properties") or {}
            by_wire = {
                _raw(p.name): p
                for p in [*(model.required_properties or []), *(model.optional_properties or [])]
            }
            location = "form" if body_type == "multipart/form-data" else "body"
            for wire, prop_schema in properties.items():
                prop = by_wire[wire]
                plain = resolver.deref(prop_schema, where)[0]
                parameters.append(
                    _parameter(
                        prop,
                        location,
                        checked_schema(resolver, prop_schema, where),
                        prop_schema,
                        _text(prop_schema.get("description")) or _text(plain.get("description")),
                    )
                )
        names = {p["name"] for p in parameters}
        left_out = set(explicit.get(operation_id, ()))
        if left_out - names:
            raise ParamsError(
                f"generator-params.yaml: {operation_id} has no argument "
                + ", ".join(sorted(left_out - names))
            )
        keyword = [p for p in parameters if p["location"] != "path" and p["name"] not in left_out]
        found.append(
            {
                "id": operation_id,
                "constant": operation_id.upper(),
                "class_name": "".join(part.title() for part in operation_id.split("_")),
                "method": method.upper(),
                "path": path,
                "module": f"pollinations_client.api.{tag}.{operation_id}",
                "parameters": parameters,
                "keyword": keyword,
                "body_model": body_model,
                "body_type": body_type,
                "needs_key": bool(node.get("security")),
                "billable": "402" in (node.get("responses") or {}),
                "description": " ".join(
                    text
                    for text in (_text(node.get("summary")), _text(node.get("description")))
                    if text
                ),
                "args_doc": "\n".join(
                    "\n    ".join(_wrap(p["doc"])) for p in parameters if p["location"] != "path"
                ),
            }
        )
    # An operation this revision lacks is not an error here (upstream may remove one;
    # the spec diff reports it); tests/test_generated_client.py checks the names against
    # the committed openapi.yaml.
    return found, config


def render(
    document: dict[str, Any], config_path: Path, templates: Path, params_config: Mapping[str, Any]
) -> str:
    from openapi_python_client import Project

    found, config = operations(document, config_path, params_config.get("explicit") or {})
    data, _ = _generator_data(document, config_path)
    project = Project(openapi=data, config=config, custom_template_path=templates)
    imports = sorted(
        {name for op in found for p in op["keyword"] for name in _names(p["annotation"])}
    )
    template = project.env.get_template("params.py.jinja")
    return template.render(operations=found, model_imports=imports, py=repr)


def main(argv: list[str]) -> int:
    source, config_path, templates, params_path, target = (Path(arg) for arg in argv)
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    params_config = yaml.safe_load(params_path.read_text(encoding="utf-8")) or {}
    try:
        text = render(document, config_path, templates, params_config)
    except ParamsError as exc:
        print(f"params: {exc}", file=sys.stderr)
        return 2
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Reading OpenAPI documents (JSON or YAML) and writing them in one canonical form.

Upstream's text must stay diffable: two revisions that differ in one field must give
`openapi.yaml` files that differ in that field only. So the output depends on the data
alone (same data, same bytes), keeps upstream's key order (sorting would turn a moved
block into noise and loses the document's reading order), and never uses anchors or
aliases (a shared node would hide a change in one place behind an alias in another).

Reading follows the data model of JSON, which is what an OpenAPI document is: mapping
keys become strings (`200:` in a YAML file is the status code "200"), and plain YAML
scalars are read with YAML 1.2 rules (`yes`, `on`, `16:9` and `2024-01-01` stay strings;
PyYAML's YAML 1.1 defaults would turn them into booleans, sexagesimal integers and
dates). JSON is parsed with the json module, so a JSON document never meets a YAML quirk.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

HEADER = (
    "# Written by `make update-spec` from the upstream OpenAPI document and spec/overlay.yaml\n"
    "# (source and hashes: spec/lock.json). Do not edit by hand: put corrections in\n"
    "# spec/overlay.yaml and run `make update-spec SPEC=<upstream url or file>`.\n"
)

# Wide enough that no line is ever folded: a folded line would move when a word changes.
_WIDTH = 1 << 30


class DocumentError(ValueError):
    """The bytes are not a JSON or YAML document, or not a mapping at the top."""


class _Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema's plain scalars (see the module doc)."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag
        not in {
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:timestamp",
        }
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_YAML12_SCALARS = [
    (
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    ),
    (
        "tag:yaml.org,2002:int",
        re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
        list("-+0123456789"),
    ),
    (
        "tag:yaml.org,2002:float",
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        list("-+0123456789."),
    ),
]
for _tag, _regexp, _first in _YAML12_SCALARS:
    _Yaml12Loader.add_implicit_resolver(_tag, _regexp, _first)


def _construct_yaml12_int(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_yaml12_int)


class _CanonicalDumper(yaml.SafeDumper):
    """Block style, indented sequences, literal blocks for multi-line text, no aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent sequences under their key, as people write OpenAPI by hand.
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    # Multi-line text as a literal block keeps one line of prose on one line of the file,
    # so a changed sentence is a one-line diff. PyYAML falls back to a quoted scalar
    # by itself when a literal block cannot carry the text exactly (trailing spaces...).
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_CanonicalDumper.add_representer(str, _represent_str)
# A string that either YAML 1.1 or YAML 1.2 would read as something else is quoted, so
# the output reads back the same with this module, PyYAML's safe_load and any 1.2 parser.
for _tag, _regexp, _first in _YAML12_SCALARS:
    _CanonicalDumper.add_implicit_resolver(_tag, _regexp, _first)


def _json_data(node: Any) -> Any:
    """The document as JSON data: string keys, lists for sequences."""
    if isinstance(node, dict):
        return {_key(key): _json_data(value) for key, value in node.items()}
    if isinstance(node, (list, tuple)):
        return [_json_data(item) for item in node]
    return node


def _key(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    return str(key)


def parse(data: bytes, name: str = "<document>") -> dict[str, Any]:
    """Read a JSON or YAML document whose top level is a mapping."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{name}: not UTF-8 text ({exc})") from exc
    stripped = text.lstrip()
    loaded: Any
    if stripped.startswith(("{", "[")):
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError:
            loaded = _load_yaml(text, name)  # YAML flow style also starts with `{`
    else:
        loaded = _load_yaml(text, name)
    if not isinstance(loaded, dict):
        raise DocumentError(f"{name}: the top level is not a mapping")
    result = _json_data(loaded)
    assert isinstance(result, dict)
    return result


def _load_yaml(text: str, name: str) -> Any:
    try:
        return yaml.load(text, Loader=_Yaml12Loader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise DocumentError(f"{name}: neither JSON nor YAML ({exc})") from exc


def dump(document: dict[str, Any]) -> str:
    """The canonical text of a document: the header comment, then block-style YAML."""
    body = yaml.dump(
        _json_data(document),
        Dumper=_CanonicalDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=_WIDTH,
        indent=2,
    )
    return HEADER + body


def dump_bytes(document: dict[str, Any]) -> bytes:
    return dump(document).encode("utf-8")


def canonicalize(data: bytes, name: str = "<document>") -> bytes:
    """Any JSON or YAML rendering of a document -> its canonical bytes."""
    return dump_bytes(parse(data, name))

"""What update-spec checks before it writes openapi.yaml, and who is to blame for a failure.

A document that fails here is never written, so openapi.yaml and the generated client
stay as they were. The checks:
- valid OpenAPI 3.1 (openapi-spec-validator);
- every `$ref` resolves (referencing);
- every security scheme an operation (or the document) requires is defined;
- the generator's own parser (openapi-python-client, with our generator-config.yaml)
  reads the document without a warning: no two schemas get the same Python name, no
  media type or schema is skipped. This is the parser `make generate` runs, so what
  passes here generates without a warning.

Each problem names what caused it: the overlay action whose change holds the location,
else the upstream location (a hoisted component is traced back to where upstream wrote
it inline, through spec/names.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pollinations_client.custom import _openapi as openapi

from . import generator_input

# The extension key the checks tag a throwaway copy's schemas with, to locate problems.
_TAG = "x-spec-tools-pointer"
_ENDPOINT = re.compile(r"parsing (?P<method>[A-Z]+) (?P<path>\S+) within")


@dataclass(frozen=True)
class Problem:
    location: str
    message: str
    cause: str

    def __str__(self) -> str:
        where = f" at {self.location}" if self.location else ""
        return f"{self.message}{where} (caused by {self.cause})"


@dataclass
class Provenance:
    """Where each part of a prepared document came from."""

    # overlay action label -> pointers of what it wrote, and of what it removed
    written: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    # component name -> the upstream location spec/names.yaml hoisted it from
    origins: dict[str, str] = field(default_factory=dict)

    def blame(self, location: str, ref: str | None = None) -> str:
        """The overlay action that wrote `location` (or removed what `ref` names), else
        the upstream location, traced through names.yaml into upstream's text."""
        # A dangling `$ref` was written where its `$ref` key is.
        probe = f"{location}/$ref" if ref is not None else location
        culprits = [
            label
            for label, spots in self.written.items()
            if any(_within(probe, spot) for spot in spots)
        ]
        if ref is not None and ref.startswith("#"):
            target = ref[1:]
            culprits += [
                label
                for label, spots in self.removed.items()
                if any(_within(target, spot) for spot in spots) and label not in culprits
            ]
        if culprits:
            return ", ".join(culprits)
        parts = openapi.tokens(location) if location else []
        if len(parts) >= 3 and parts[:2] == ["components", "schemas"] and parts[2] in self.origins:
            rest = openapi.pointer(*parts[3:])
            return f"upstream at {self.origins[parts[2]]}{rest} (pinned as {parts[2]})"
        return f"upstream at {location or 'the document'}"


def _within(location: str, prefix: str) -> bool:
    return location == prefix or location.startswith(prefix + "/")


def problems(
    document: dict[str, Any], provenance: Provenance, generator_config: Path | None
) -> list[Problem]:
    """Everything wrong with a prepared document; empty when it can be written."""
    # The validator and the generator both assume references that resolve.
    dangling = list(openapi.Resolver(document).dangling())
    found = [
        Problem(where, f"$ref {ref} resolves to nothing", provenance.blame(where, ref))
        for where, ref in dangling
    ]
    others = [] if dangling else _openapi_31(document)
    others += _security(document)
    if not found and not others and generator_config is not None:
        others += _generator(document, generator_config)
    return found + [Problem(where, message, provenance.blame(where)) for where, message in others]


def _openapi_31(document: dict[str, Any]) -> list[tuple[str, str]]:
    from openapi_spec_validator import OpenAPIV31SpecValidator

    if not str(document.get("openapi", "")).startswith("3.1"):
        return [("/openapi", f"not OpenAPI 3.1 (openapi: {document.get('openapi')!r})")]
    found = []
    for error in OpenAPIV31SpecValidator(document).iter_errors():
        where = openapi.pointer(*error.absolute_path)
        found.append((where, f"invalid OpenAPI 3.1: {error.message}"))
    return found


def _security(document: dict[str, Any]) -> list[tuple[str, str]]:
    defined = set((document.get("components") or {}).get("securitySchemes") or {})
    requirements: list[tuple[str, Any]] = [("/security", document.get("security"))]
    for path, method, operation in openapi.iter_operations(document.get("paths") or {}):
        requirements.append((openapi.pointer("paths", path, method, "security"),
                             operation.get("security")))  # fmt: skip
    found = []
    for where, requirement in requirements:
        for alternative in requirement or []:
            for scheme in alternative if isinstance(alternative, dict) else {}:
                if scheme not in defined:
                    found.append((where, f"security scheme {scheme!r} is not defined"))
    return found


def _generator(document: dict[str, Any], config_path: Path) -> list[tuple[str, str]]:
    """The warnings openapi-python-client's parser gives, located by pointer."""
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser.errors import GeneratorError
    from openapi_python_client.parser.openapi import GeneratorData

    tagged = generator_input.adapted(document)
    for where, schema in list(openapi.iter_schemas(tagged)):
        if "$ref" not in schema:
            schema[_TAG] = where
    config = Config.from_sources(
        ConfigFile.load_from_path(config_path),
        # mypy, reading as Python 3.10, takes the generator's enum.StrEnum for a str
        MetaType.NONE,  # type: ignore[arg-type]
        document_source="openapi.yaml",
        file_encoding="utf-8",
        overwrite=True,
        output_path=None,
    )
    data = GeneratorData.from_dict(tagged, config=config)
    if isinstance(data, GeneratorError):
        return [("", f"the generator cannot read the document: {data.header} {data.detail}")]
    classes = {
        str(prop.class_info.name): _tag_of(getattr(prop, "data", None))
        for prop in [*data.models, *data.enums]
    }
    errors = [*data.errors]
    for collection in data.endpoint_collections_by_tag.values():
        errors += collection.parse_errors
    found = []
    for error in errors:
        detail = " ".join((error.detail or "").split())
        where = _tag_of(getattr(error, "data", None))
        endpoint = _ENDPOINT.search(error.header or "")
        if not where and endpoint:
            where = openapi.pointer("paths", endpoint["path"], endpoint["method"].lower())
        duplicate = re.search(r'duplicate models with name "([^"]+)"', detail)
        if duplicate:
            first = classes.get(duplicate[1], "")
            detail = f"two schemas get the Python name {duplicate[1]}" + (
                f" (the other is at {first})" if first else ""
            )
        found.append((where, f"generator: {detail}"))
    return found


def _tag_of(data: Any) -> str:
    extra = getattr(data, "model_extra", None) or {}
    value = extra.get(_TAG, "")
    return value if isinstance(value, str) else ""

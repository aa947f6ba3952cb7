"""The document the generator reads: openapi.yaml, adapted to what openapi-python-client sees.

openapi.yaml stays what upstream wrote plus our overlay, for every language's generator.
openapi-python-client 0.29.1 builds a parameter from its `schema` alone, so a
description written on the parameter itself (how upstream documents every query
parameter) never reaches the generated docstring. `make generate` therefore generates
from this view, where each such description is copied onto the parameter's schema. A
schema that is only a `$ref` is left alone: the generator ignores siblings of a `$ref`
(its docstring shows the referenced schema's description instead). The update's
generator check (check.py) reads the same view, so it checks what is generated.

`python -m spec.tools.generator_input openapi.yaml OUT` writes the view to OUT.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import yaml

from pollinations_client.custom import _openapi as openapi


def adapted(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of `document` in which parameter descriptions also sit on their schemas."""
    result = copy.deepcopy(document)
    for _path, _method, operation in openapi.iter_operations(result.get("paths") or {}):
        for parameter in operation.get("parameters") or []:
            if not isinstance(parameter, dict):
                continue
            schema = parameter.get("schema")
            description = parameter.get("description")
            if (
                isinstance(schema, dict)
                and description
                and "$ref" not in schema
                and not schema.get("description")
            ):
                schema["description"] = description
    return result


def main(argv: list[str]) -> int:
    source, target = (Path(arg) for arg in argv)
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    target.write_text(
        yaml.safe_dump(adapted(document), sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""pollinations_client/: one module per operation, what openapi.yaml generates, byte for byte,
and code that runs on every Python the package declares."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import subprocess
import typing
from typing import Any

import pytest
from _spec import EXPECTED_OPERATIONS, REPO_ROOT, operations, spec

PACKAGE_DIR = REPO_ROOT / "pollinations_client"
OPERATIONS = operations(spec())

# Table from the issue, not from the spec: the module each operation must have.
EXPECTED_MODULES = [
    f"pollinations_client.api.{tag}.{operation_id}"
    for _, _, operation_id, tag in EXPECTED_OPERATIONS
]


def test_the_table_matches_the_spec() -> None:
    from_spec = {
        f"pollinations_client.api.{op.tag}.{op.operation_id}" for op in OPERATIONS.values()
    }
    assert from_spec == set(EXPECTED_MODULES)


@pytest.mark.parametrize("module_name", EXPECTED_MODULES)
def test_operation_module_has_the_four_functions(module_name: str) -> None:
    module = importlib.import_module(module_name)
    for name in ("sync", "sync_detailed"):
        function = getattr(module, name)
        assert inspect.isfunction(function), name
        assert not inspect.iscoroutinefunction(function), name
    for name in ("asyncio", "asyncio_detailed"):
        function = getattr(module, name)
        assert inspect.iscoroutinefunction(function), name
    # All four take the client as the keyword-only `client`.
    for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        parameter = inspect.signature(getattr(module, name)).parameters["client"]
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY


def _client_annotation(module_name: str) -> set[str]:
    """The class names that the four functions of an operation accept as `client`."""
    module = importlib.import_module(module_name)
    found: set[frozenset[str]] = set()
    for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        annotation = inspect.signature(getattr(module, name)).parameters["client"].annotation
        members = typing.get_args(annotation) or (annotation,)
        found.add(frozenset(member.__name__ for member in members))
    assert len(found) == 1, found
    return set(found.pop())


def _open_to_anonymous(security: list[dict[str, list[str]]]) -> bool:
    """`security: []`, or a requirement list holding `{}`, lets a request without a key in."""
    return not security or {} in security


def test_spec_marks_exactly_the_model_listings_as_open() -> None:
    open_ops = {
        op_id for op_id, op in OPERATIONS.items() if _open_to_anonymous(op.node["security"])
    }
    assert open_ops == {"list_models", "list_image_models", "list_text_models", "list_audio_models"}


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_client_argument_is_typed_by_the_operations_security(operation_id: str) -> None:
    """An operation open to anonymous callers takes a plain `Client` too; one that needs a
    key demands an `AuthenticatedClient`, so a typed caller cannot forget the key."""
    op = OPERATIONS[operation_id]
    module_name = f"pollinations_client.api.{op.tag}.{op.operation_id}"
    expected = (
        {"AuthenticatedClient", "Client"}
        if _open_to_anonymous(op.node["security"])
        else {"AuthenticatedClient"}
    )
    assert _client_annotation(module_name) == expected


def test_no_operation_module_beyond_the_spec() -> None:
    api = PACKAGE_DIR / "api"
    found = {
        "pollinations_client." + ".".join(path.relative_to(PACKAGE_DIR).with_suffix("").parts)
        for path in api.glob("*/*.py")
        if path.name != "__init__.py"
    }
    assert found == set(EXPECTED_MODULES)


def test_generated_package_ships_its_spec_and_py_typed() -> None:
    assert (PACKAGE_DIR / "py.typed").is_file()
    shipped = (PACKAGE_DIR / "openapi.yaml").read_bytes()
    assert shipped == (REPO_ROOT / "openapi.yaml").read_bytes()


GENERATED_LINE = "# Generated from openapi.yaml by `make generate`; do not edit."


def test_every_generated_file_says_it_is_generated() -> None:
    """Its first line; py.typed (the PEP 561 marker, empty) and the shipped openapi.yaml
    (which has update-spec's own header) aside."""
    files = [
        path
        for path in PACKAGE_DIR.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    python = [path for path in files if path.suffix == ".py"]
    assert len(python) > 100
    for path in python:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == GENERATED_LINE, path
    assert {path.name for path in files} - {path.name for path in python} == {
        "py.typed",
        "openapi.yaml",
    }


def _python_name(name: str) -> str:
    """The argument name the generator gives a parameter (its own rule, not a copy)."""
    from openapi_python_client.strings import PythonIdentifier

    return str(PythonIdentifier(name, prefix="field"))


def _description(node: dict[str, Any]) -> str:
    return " ".join(str(node.get("description") or "").split())


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_operation_functions_carry_the_spec_description(operation_id: str) -> None:
    op = OPERATIONS[operation_id]
    module = importlib.import_module(f"pollinations_client.api.{op.tag}.{op.operation_id}")
    description = _description(op.node)
    assert description, f"{operation_id}: upstream describes every operation"
    words = description.split()[:12]
    for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        doc = " ".join((getattr(module, name).__doc__ or "").split())
        assert " ".join(words) in doc, (operation_id, name)
    # and every parameter in the Args section, with its own description. The generator
    # ignores what sits beside a `$ref` (spec/tools/generator_input.py), so a parameter
    # whose schema is a `$ref` is listed with its type only.
    args = " ".join((module.sync_detailed.__doc__ or "").split()).partition(" Args: ")[2]
    for parameter in op.node.get("parameters") or []:
        name = parameter["name"]
        line = args.partition(f"{_python_name(name)} (")[2]
        assert line, (operation_id, name)
        if parameter.get("description") and "$ref" not in parameter.get("schema", {}):
            text = " ".join(parameter["description"].split()[:6])
            assert line.startswith(text) or text in line.split(" None: not sent")[0], parameter


def test_model_fields_carry_the_spec_description() -> None:
    """help() and IDEs show each field's description: it is the Field's docstring."""
    document = spec()
    checked = 0
    for name, schema in document["components"]["schemas"].items():
        if "properties" not in schema:
            continue
        cls = getattr(importlib.import_module("pollinations_client.models"), name)
        fields = {field.key: field for field in cls._FIELDS.values()}
        for key, prop in schema["properties"].items():
            expected = _description(prop)
            if expected:
                assert expected in " ".join((fields[key].__doc__ or "").split()), (name, key)
                checked += 1
        if schema.get("description"):
            assert _description(schema) in " ".join((cls.__doc__ or "").split()), name
    assert checked > 50


def test_check_generated_passes() -> None:
    """`make check-generated` regenerates into a scratch directory and diffs: the
    committed package is exactly what the spec generates, so two runs give the same bytes."""
    result = subprocess.run(
        ["make", "-s", "check-generated"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "check-generated: pollinations_client/ matches openapi.yaml" in output


# --------------------------------------------------------------- minimum Python

# Standard-library names that only exist from a given Python version on.
NEWER_THAN_3_10 = {
    ("enum", "StrEnum"): (3, 11),
    ("enum", "ReprEnum"): (3, 11),
    ("typing", "Self"): (3, 11),
    ("typing", "Never"): (3, 11),
    ("typing", "LiteralString"): (3, 11),
    ("typing", "Required"): (3, 11),
    ("typing", "NotRequired"): (3, 11),
    ("typing", "assert_never"): (3, 11),
    ("typing", "reveal_type"): (3, 11),
    ("typing", "override"): (3, 12),
    ("typing", "TypeAliasType"): (3, 12),
    ("datetime", "UTC"): (3, 11),
}


def _minimum_python() -> tuple[int, int]:
    pyproject = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    declared = re.search(r'^requires-python\s*=\s*"([^"]+)"', pyproject, re.MULTILINE)
    assert declared, "pyproject.toml declares no requires-python"
    requires = declared[1]
    match = re.fullmatch(r">=\s*(\d+)\.(\d+)", requires.strip())
    assert match, f"unexpected requires-python {requires!r}"
    return int(match[1]), int(match[2])


def _too_new_imports(source: str, label: str, minimum: tuple[int, int]) -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename=label)):
        names: list[tuple[str, str]] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            names = [(node.value.id, node.attr)]
        for name in names:
            since = NEWER_THAN_3_10.get(name)
            if since is not None and since > minimum:
                found.append(f"{label}:{getattr(node, 'lineno', 0)}: {'.'.join(name)}")
    return found


def test_generated_code_runs_on_the_declared_minimum_python() -> None:
    """pyproject.toml says `requires-python >= 3.10` (and the README "Python 3.10 or
    newer"): the generated package must not use what only a later Python has."""
    minimum = _minimum_python()
    found = [
        hit
        for path in sorted(PACKAGE_DIR.rglob("*.py"))
        for hit in _too_new_imports(
            path.read_text(encoding="utf-8"), str(path.relative_to(REPO_ROOT)), minimum
        )
    ]
    assert found == [], f"{len(found)} uses of a Python newer than {minimum}: " + ", ".join(
        found[:5]
    )


def test_too_new_import_check_is_not_vacuous() -> None:
    sample = "from enum import Enum, StrEnum\nimport typing\ntyping.Self\n"
    hits = _too_new_imports(sample, "sample.py", (3, 10))
    assert [hit.rsplit(": ", 1)[1] for hit in hits] == ["enum.StrEnum", "typing.Self"]
    assert _too_new_imports(sample, "sample.py", (3, 11)) == []

"""Argument checks that run before a request is sent, naming the field at fault.

What a value may be comes from openapi.yaml: `check_argument` reads the schema that
`pollinations_client.params` carries for each argument (types, enums, bounds, lengths)
and nothing here repeats a bound. What is left is ergonomics the spec cannot say: a
blank prompt is refused, `image=` takes a list of URLs, messages are checked role by role
so the error names `messages[2].tool_call_id`, and a request body that JSON cannot hold
(a NaN, a lone surrogate, which UTF-8 cannot encode, nesting past Python's recursion
limit) is reported by its field.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import httpx

from ._exceptions import InvalidParameterError

#: The longest URL a call sends: base URL, path, query and a query key, as encoded.
#: Proxies, CDNs and servers on the way cap the URL or the request line at 8 KiB to
#: 16 KiB (nginx's default buffer, Apache's LimitRequestLine and CloudFront at 8 KiB;
#: Cloudflare, in front of the API, and Node at 16 KiB) and answer 414, or close the
#: connection, beyond; httpx refuses a URL over 65536 characters outright. 8000 passes
#: the strictest of them with room for the request line's method and version. An image
#: model reads a few hundred tokens of a prompt at most; a longer text prompt goes to
#: chat, in a POST body.
MAX_URL_LENGTH = 8000

ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})

_TYPE_NAMES = {
    "integer": "an integer",
    "number": "a number",
    "string": "a string",
    "boolean": "True or False",
    "array": "a list",
    "object": "a mapping",
    "null": "None",
}


def _json_types(value: object) -> set[str]:
    """The JSON Schema types a Python value satisfies (True is not an integer here)."""
    if value is None:
        return {"null"}
    if isinstance(value, bool):
        return {"boolean"}
    if isinstance(value, int):
        return {"integer", "number"}
    if isinstance(value, float):
        return {"number"}
    if isinstance(value, str):
        return {"string"}
    if isinstance(value, Mapping):
        return {"object"}
    if isinstance(value, (list, tuple)):
        return {"array"}
    return set()


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _problem(value: Any, schema: Mapping[str, Any], field: str) -> tuple[str, str] | None:
    """The first way `value` breaks `schema`, as (field, message); None if it fits."""
    # the most common schema, a type alone, at once (a float is also checked for NaN below)
    simple = len(schema) == 1 and "type" in schema and type(value) is not float
    if simple and set(_declared(schema)) & _json_types(value):
        return None
    for key in ("anyOf", "oneOf"):
        branches = schema.get(key)
        if branches:
            problems = [_problem(value, branch, field) for branch in branches]
            if any(problem is None for problem in problems):
                break
            # the branch meant for this kind of value says best what is wrong with it
            types = _json_types(value)
            for branch, problem in zip(branches, problems, strict=True):
                if set(_declared(branch)) & types:
                    return problem
            wanted = [name for branch in branches for name in _declared(branch)]
            return field, f"must be {_either(wanted)}, not {value!r}"
    for branch in schema.get("allOf") or ():
        problem = _problem(value, branch, field)
        if problem:
            return problem
    declared = _declared(schema)
    if declared and not set(declared) & _json_types(value):
        shown = repr(value) if _json_types(value) else type(value).__name__
        return field, f"must be {_either(declared)}, not {shown}"
    if "const" in schema and value != schema["const"]:
        return field, f"must be {schema['const']!r}, not {value!r}"
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(str(item) for item in schema["enum"])
        return field, f"must be one of {allowed}, not {value!r}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_problem(value, schema, field)
    if isinstance(value, str):
        return _string_problem(value, schema, field)
    if isinstance(value, (list, tuple)):
        if len(value) < schema.get("minItems", 0):
            return field, f"must have at least {schema['minItems']} items"
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            return field, f"must have at most {schema['maxItems']} items, not {len(value)}"
        items = schema.get("items")
        if items:
            for i, item in enumerate(value):
                problem = _problem(item, items, f"{field}[{i}]")
                if problem:
                    return problem
    return None


def _declared(schema: Mapping[str, Any]) -> list[str]:
    types = schema.get("type")
    return list(types) if isinstance(types, list) else [types] if types else []


def _either(types: Sequence[str]) -> str:
    names = list(dict.fromkeys(_TYPE_NAMES.get(name, name) for name in types))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _number_problem(value: float, schema: Mapping[str, Any], field: str) -> tuple[str, str] | None:
    if not math.isfinite(value):
        return field, f"must be finite, not {value!r}"
    low, high = schema.get("minimum"), schema.get("maximum")
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            bounds = f"between {_number(low)} and {_number(high)}"
        elif low is not None:
            bounds = f"at least {_number(low)}"
        else:
            bounds = f"at most {_number(high)}"
        return field, f"must be {bounds}, not {value!r}"
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        return field, f"must be greater than {_number(schema['exclusiveMinimum'])}, not {value!r}"
    if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
        return field, f"must be less than {_number(schema['exclusiveMaximum'])}, not {value!r}"
    step = schema.get("multipleOf")
    if step and (value / step) % 1:
        return field, f"must be a multiple of {_number(step)}, not {value!r}"
    return None


def _string_problem(value: str, schema: Mapping[str, Any], field: str) -> tuple[str, str] | None:
    shortest, longest = schema.get("minLength", 0), schema.get("maxLength")
    if len(value) < shortest:
        if shortest == 1:
            return field, "must not be empty"
        return field, f"must be at least {shortest} characters long, not {len(value)}"
    if longest is not None and len(value) > longest:
        return field, f"must be at most {longest} characters long, not {len(value)}"
    pattern = schema.get("pattern")
    if pattern and not re.search(pattern, value):
        return field, f"must match {pattern!r}, not {value!r}"
    return None


def check_argument(field: str, value: Any, schema: Mapping[str, Any]) -> None:
    """InvalidParameterError naming the field (or the item) unless `value`, as JSON data,
    fits the argument's schema from the spec.

    Every call of every method runs this, so a value that fits is told by the schema's
    compiled predicate (`fits`), and only one that does not is walked by `_problem`,
    which says what is wrong. The two agree (tests/test_custom_validation.py checks it).
    """
    if fits(value, schema):
        return
    problem = _problem(value, schema, field)
    if problem:
        raise InvalidParameterError(*problem)


Predicate = Callable[[Any], bool]
_PREDICATES: dict[int, tuple[Mapping[str, Any], Predicate]] = {}
#: The JSON types of the exact Python types JSON data is made of.
_EXACT_TYPES: dict[type, frozenset[str]] = {
    type(None): frozenset({"null"}),
    bool: frozenset({"boolean"}),
    int: frozenset({"integer", "number"}),
    float: frozenset({"number"}),
    str: frozenset({"string"}),
    dict: frozenset({"object"}),
    list: frozenset({"array"}),
    tuple: frozenset({"array"}),
}


def fits(value: Any, schema: Mapping[str, Any]) -> bool:
    """Whether `value` fits `schema` (compiled once per schema: the spec's are constants)."""
    found = _PREDICATES.get(id(schema))
    if found is None or found[0] is not schema:
        found = _PREDICATES[id(schema)] = (schema, _compile(schema))
    return found[1](value)


def _compile(schema: Mapping[str, Any]) -> Predicate:
    """A predicate equal to `_problem(value, schema, ...) is None`, but fast: a schema of a
    type alone (the most common) is one set lookup."""
    checks: list[Predicate] = []
    choice = schema.get("anyOf") or schema.get("oneOf")  # as `_problem` reads them
    if choice:
        branches = [_compile(branch) for branch in choice]

        def either(v: Any) -> bool:
            return any(branch(v) for branch in branches)

        checks.append(either)
    checks.extend(_compile(branch) for branch in schema.get("allOf") or ())
    declared = frozenset(_declared(schema))
    if declared:
        exact = {kind: bool(types & declared) for kind, types in _EXACT_TYPES.items()}

        def typed(v: Any) -> bool:
            found = exact.get(type(v))
            return found if found is not None else bool(_json_types(v) & declared)

        checks.append(typed)
    if "const" in schema:
        constant = schema["const"]
        checks.append(lambda v: bool(v == constant))
    if "enum" in schema:
        allowed = schema["enum"]
        checks.append(lambda v: v in allowed)
    numeric = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}
    if numeric & schema.keys() or not declared or declared & {"number", "integer"}:
        # (a float must also be finite, whatever the bounds)
        checks.append(lambda v: not _is_number(v) or _number_problem(v, schema, "") is None)
    if {"minLength", "maxLength", "pattern"} & schema.keys():
        checks.append(lambda v: type(v) is not str or _string_problem(v, schema, "") is None)
    if {"minItems", "maxItems", "items"} & schema.keys():
        items = _compile(schema["items"]) if schema.get("items") else None
        shortest, longest = schema.get("minItems", 0), schema.get("maxItems")

        def array(v: Any) -> bool:
            if not isinstance(v, (list, tuple)):
                return True
            if len(v) < shortest or (longest is not None and len(v) > longest):
                return False
            return items is None or all(items(item) for item in v)

        checks.append(array)
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]

    def every(v: Any) -> bool:
        for check in checks:  # noqa: SIM110 (all() of a generator is slower, and this is hot)
            if not check(v):
                return False
        return True

    return every


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_prompt(value: object, field: str = "prompt") -> str:
    if not isinstance(value, str):
        raise InvalidParameterError(field, f"must be a string, not {type(value).__name__}")
    if not value.strip():
        raise InvalidParameterError(field, "must not be empty")
    return value


def check_int(field: str, value: object, low: int | None = None, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidParameterError(field, f"must be an integer, not {value!r}")
    if low is not None and value < low:
        raise InvalidParameterError(field, f"must be at least {low}, not {value}")
    if high is not None and value > high:
        raise InvalidParameterError(field, f"must be at most {high}, not {value}")
    return value


def as_timeout(value: object, field: str = "timeout") -> Any:
    """A timeout as httpx takes it: None stays None (the default applies), seconds
    become an httpx.Timeout."""
    if value is None or isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise InvalidParameterError(
            field, f"must be a positive number of seconds or an httpx.Timeout, not {value!r}"
        )
    return httpx.Timeout(float(value))


def check_seconds(field: str, value: object) -> float | None:
    """A positive, finite number of seconds, or None (no bound)."""
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not 0 < value < float("inf")
    ):
        raise InvalidParameterError(field, f"must be a positive number of seconds, not {value!r}")
    return float(value)


def check_bool(field: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidParameterError(field, f"must be True or False, not {value!r}")
    return value


def check_str(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidParameterError(field, f"must be a string, not {type(value).__name__}")
    return value


def check_http_url(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidParameterError(field, f"must be a URL string, not {type(value).__name__}")
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidParameterError(field, f"must be an http(s) URL, not {value!r}")
    return value.strip()


def join_image_urls(value: str | Sequence[str]) -> str:
    """`image=` takes one URL or several; the API wants them joined with commas."""
    if isinstance(value, str):
        urls = [check_http_url("image", value)]
    elif isinstance(value, Sequence) and value:
        urls = [check_http_url(f"image[{i}]", url) for i, url in enumerate(value)]
    else:
        raise InvalidParameterError("image", "must be a URL or a non-empty list of URLs")
    return ",".join(urls)


def check_api_key(value: object) -> str:
    """A key that can travel in a header. The message never repeats the key."""
    if not isinstance(value, str):
        raise InvalidParameterError("api_key", f"must be a string, not {type(value).__name__}")
    if (
        not value
        or not value.isascii()
        or not value.isprintable()
        or any(c.isspace() for c in value)
    ):
        raise InvalidParameterError(
            "api_key",
            "must be non-empty printable ASCII without spaces or line breaks "
            "(a key read from a file often keeps its trailing newline)",
        )
    return value


def check_base_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidParameterError(
            "base_url",
            f"must be an absolute http(s) URL such as https://gen.pollinations.ai, not {value!r}",
        )
    return value.rstrip("/")


def _check_content(field: str, content: object, *, nullable: bool) -> None:
    if content is None:
        if not nullable:
            raise InvalidParameterError(field, "is required")
        return
    if isinstance(content, str):
        return
    if isinstance(content, list):
        if not content:
            raise InvalidParameterError(field, "must not be an empty list")
        for i, part in enumerate(content):
            if not isinstance(part, Mapping) or not isinstance(part.get("type"), str):
                raise InvalidParameterError(
                    f"{field}[{i}]", "must be a content part: a mapping with a 'type'"
                )
        return
    raise InvalidParameterError(
        field, f"must be a string or a list of content parts, not {type(content).__name__}"
    )


def normalise_message(index: int, message: object) -> dict[str, Any]:
    """A message as the JSON the API expects: generated models and mappings both work."""
    field = f"messages[{index}]"
    to_dict = getattr(message, "to_dict", None)
    if callable(to_dict):
        data = to_dict()
        if not isinstance(data, dict):
            raise InvalidParameterError(field, "to_dict() must return a dict")
        return data
    if not isinstance(message, Mapping):
        raise InvalidParameterError(
            field, f"must be a mapping or a message model, not {type(message).__name__}"
        )
    role = message.get("role")
    if role is None:
        raise InvalidParameterError(f"{field}.role", "is required")
    if role not in ROLES:
        raise InvalidParameterError(
            f"{field}.role", f"must be one of {', '.join(sorted(ROLES))}, not {role!r}"
        )
    if role in ("system", "developer", "user"):
        if "content" not in message:
            raise InvalidParameterError(f"{field}.content", "is required")
        _check_content(f"{field}.content", message["content"], nullable=False)
    elif role == "assistant":
        has_call = bool(message.get("tool_calls") or message.get("function_call"))
        if message.get("content") is None and not has_call:
            raise InvalidParameterError(
                f"{field}.content", "is required unless the message has tool_calls"
            )
        _check_content(f"{field}.content", message.get("content"), nullable=True)
    elif role == "tool":
        if "content" not in message:
            raise InvalidParameterError(f"{field}.content", "is required")
        _check_content(f"{field}.content", message["content"], nullable=True)
        if not isinstance(message.get("tool_call_id"), str):
            raise InvalidParameterError(f"{field}.tool_call_id", "is required")
    else:  # function
        if "content" not in message:
            raise InvalidParameterError(f"{field}.content", "is required")
        if not isinstance(message.get("name"), str):
            raise InvalidParameterError(f"{field}.name", "is required")
    return dict(message)


def normalise_messages(messages: object) -> list[dict[str, Any]]:
    if isinstance(messages, (str, bytes)) or not isinstance(messages, Sequence):
        raise InvalidParameterError("messages", "must be a list of messages")
    if not messages:
        raise InvalidParameterError("messages", "must not be empty")
    return [normalise_message(i, message) for i, message in enumerate(messages)]


_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=False)
#: The message of a structure json (and `dump`) recurse into past Python's limit.
TOO_DEEP = "nests too deep (or contains itself) to be sent as JSON"


def encode_json_body(body: Mapping[str, Any]) -> bytes:
    """The request body as JSON; a value JSON cannot hold, a string UTF-8 cannot encode
    or nesting too deep is reported by its field. (The encoder finds them all: nothing
    is walked unless it fails.)"""
    try:
        return _ENCODER.encode(body).encode()
    except RecursionError:
        raise InvalidParameterError(_too_deep(body), TOO_DEEP) from None
    except (TypeError, ValueError) as exc:
        try:
            found = _find_unserialisable(body, "", set())
        except RecursionError:
            found = None
        field, reason = found or ("body", f"cannot be sent as JSON: {exc}")
        raise InvalidParameterError(field, reason) from None


def _join(path: str, key: object) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _too_deep(body: Mapping[str, Any]) -> str:
    """The field (and the item within it, two levels down) whose JSON recurses too deep."""
    path, value = "", body
    for _ in range(3):
        children: Any = (
            value.items()
            if isinstance(value, Mapping)
            else enumerate(value)
            if isinstance(value, (list, tuple))
            else ()
        )
        for key, item in children:
            try:
                _ENCODER.encode(item)
            except RecursionError:
                path, value = _join(path, key), item
                break
            except (TypeError, ValueError):
                continue
        else:
            break
    return path or "body"


def _find_unserialisable(value: object, path: str, seen: set[int]) -> tuple[str, str] | None:
    """Where `value` breaks JSON or UTF-8 first, as (field, why); `seen`: the containers
    on the way down (one met again contains itself)."""
    if isinstance(value, str):
        problem = _surrogate(value)
        return (path or "body", problem) if problem else None
    if isinstance(value, (Mapping, list, tuple)):
        if id(value) in seen:
            return path or "body", TOO_DEEP
        seen.add(id(value))
        if isinstance(value, Mapping):
            for key, item in value.items():
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    return path or "extra_body", f"has a key JSON cannot hold: {key!r}"
                # a key at the top of the body can only come from extra_body
                if isinstance(key, str) and _surrogate(key):
                    why = f"has a key with a lone surrogate, which UTF-8 cannot encode: {key!r}"
                    return path or "extra_body", why
                found = _find_unserialisable(item, _join(path, str(key)), seen)
                if found:
                    return found
        else:
            for i, item in enumerate(value):
                found = _find_unserialisable(item, _join(path, i), seen)
                if found:
                    return found
        seen.discard(id(value))
        return None
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        return path or "body", f"cannot be sent as JSON: {exc}"
    return None


def _surrogate(value: str) -> str | None:
    """Why UTF-8 cannot encode `value` (a lone surrogate), or None if it can."""
    if value.isascii():
        return None
    try:
        value.encode()
    except UnicodeEncodeError as exc:
        return (
            f"has a lone surrogate {value[exc.start]!r} at index {exc.start}, which UTF-8 "
            "cannot encode (text decoded with errors='surrogateescape', or half of a "
            "UTF-16 pair)"
        )
    return None


def check_utf8(field: str, value: str) -> str:
    """`value`, unless UTF-8 cannot encode it (InvalidParameterError naming the field)."""
    problem = _surrogate(value)
    if problem:
        raise InvalidParameterError(field, problem)
    return value

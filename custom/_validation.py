"""Argument checks that run before a request is sent, naming the field at fault.

The bounds mirror openapi.yaml (the generator does not carry them into code);
tests/test_custom_validation.py checks that they still agree with the spec.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from ._exceptions import InvalidParameterError

MAX_SAFE_INTEGER = 2**53 - 1
SEED_RANGE = (-1, MAX_SAFE_INTEGER)
IMAGE_SEED_RANGE = (-1, 2**31 - 1)
SIZE_RANGE = (0, MAX_SAFE_INTEGER)
TOKEN_COUNT_RANGE = (0, MAX_SAFE_INTEGER)
TEMPERATURE_RANGE = (0.0, 2.0)
TOP_P_RANGE = (0.0, 1.0)
PENALTY_RANGE = (-2.0, 2.0)
REPETITION_PENALTY_RANGE = (0.0, 2.0)
DURATION_RANGE = (1, 10)
TOP_LOGPROBS_RANGE = (0, 20)
USAGE_LIMIT_RANGE = (1, 50000)
ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})


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


def check_number(
    field: str, value: object, low: float | None = None, high: float | None = None
) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidParameterError(field, f"must be a number, not {value!r}")
    if not math.isfinite(value):
        raise InvalidParameterError(field, f"must be finite, not {value!r}")
    if low is not None and value < low:
        raise InvalidParameterError(field, f"must be between {low} and {high}, not {value}")
    if high is not None and value > high:
        raise InvalidParameterError(field, f"must be between {low} and {high}, not {value}")
    return value


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


def encode_json_body(body: Mapping[str, Any]) -> bytes:
    """The request body as JSON; a value JSON cannot hold is reported by its field."""
    try:
        return json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()
    except (TypeError, ValueError) as exc:
        field = _find_unserialisable(body, "") or "body"
        raise InvalidParameterError(field, f"cannot be sent as JSON: {exc}") from None


def _find_unserialisable(value: object, path: str) -> str | None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            found = _find_unserialisable(item, f"{path}.{key}" if path else str(key))
            if found:
                return found
        return None
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            found = _find_unserialisable(item, f"{path}[{i}]")
            if found:
                return found
        return None
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return path or "body"
    return None

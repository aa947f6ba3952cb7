"""Deterministic answers for /text and /v1/chat/completions, whole or as stream chunks.

The words come from a digest of everything that would change a real model's answer
(model, seed, system prompt, messages, tools), so a test can compare two runs byte for
byte, and a different prompt gives a different answer. A "token" is a whitespace-separated
word: usage counts, `max_tokens` and logprobs all use that one rule.

Streams (`stream=true`, on /text as on chat) are OpenAI-style server-sent events: one
`chat.completion.chunk` object per `data:` line, the first carrying the role, the last
carrying `finish_reason`, then `data: [DONE]`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import _openapi as openapi
from ._media import digest

_WORDS = (
    "amber", "bright", "calm", "river", "meadow", "pollen", "garden", "quiet", "silver",
    "morning", "bloom", "cloud", "gentle", "harbor", "lantern", "maple", "north", "orchard",
    "petal", "quartz", "ripple", "sunlit", "thistle", "valley", "willow", "breeze", "cedar",
    "dawn", "ember", "fern", "glade", "honey", "indigo", "juniper", "kestrel", "linen",
    "moss", "nectar", "opal", "prairie", "rain", "sparrow", "tide", "umber", "violet",
    "wren", "yarrow", "zephyr", "hive", "seed", "flower", "spore", "stone", "brook",
)  # fmt: skip
FINGERPRINT = "fp_pollinations_mock"
SCHEMA_DEPTH = 12


def tokens(text: str | None) -> int:
    return len(text.split()) if text else 0


def effective_seed(seed: int | None) -> int:
    """The spec's `-1 means random`; anything else is used as given."""
    if seed is None:
        return 0
    return random.randrange(0, 2**53) if seed == -1 else seed


def compose(key: bytes, prompt: str, *, minimum: int = 14) -> str:
    """A few sentences chosen by `key`, opening with a nod to the prompt."""
    rng = random.Random(key)
    topic = " ".join(prompt.split())
    if len(topic) > 60:
        topic = topic[:57].rstrip() + "..."
    opening = f'You asked about "{topic}".' if topic else "You asked nothing in particular."
    sentences = [opening]
    count = tokens(opening)
    while count < minimum or len(sentences) < 3:
        length = rng.randint(5, 9)
        words = [rng.choice(_WORDS) for _ in range(length)]
        sentences.append(" ".join(words).capitalize() + ".")
        count += length
    return " ".join(sentences)


def pieces(text: str, size: int = 4) -> list[str]:
    """`text` split into deltas of about `size` words that concatenate back to it exactly."""
    parts = re.findall(r"\S+\s*", text)
    if not parts:
        return [text] if text else []
    lead = text[: len(text) - len(text.lstrip())]
    grouped = ["".join(parts[i : i + size]) for i in range(0, len(parts), size)]
    grouped[0] = lead + grouped[0]
    return grouped


def split_evenly(text: str, count: int) -> list[str]:
    """`text` in `count` consecutive slices (for streamed tool-call arguments)."""
    if not text:
        return [""]
    step = max(1, -(-len(text) // count))
    return [text[i : i + step] for i in range(0, len(text), step)]


# ----------------------------------------------------------------- JSON answers
def example_for(schema: Any, key: bytes, root: Any = None, depth: int = 0) -> Any:
    """A value meant to satisfy a caller's JSON Schema (tool parameters, json_schema).

    Best effort for the keywords such schemas use in practice (type, properties,
    required, items, enum, const, bounds, anyOf/oneOf/allOf, local $ref); anything else
    yields a plain value rather than an error, because the schema is user input.
    """
    root = schema if root is None else root
    if depth > SCHEMA_DEPTH or not isinstance(schema, Mapping):
        return {} if depth == 0 else "mock"
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#"):
        try:
            target = openapi.get(root, ref)
        except (KeyError, ValueError):  # nothing there, or not a pointer (an anchor)
            return "mock"
        return example_for(target, key, root, depth + 1)
    for keyword in ("anyOf", "oneOf"):
        options = schema.get(keyword)
        if isinstance(options, list) and options:
            return example_for(options[0], key, root, depth + 1)
    if isinstance(schema.get("allOf"), list):
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        for part in schema["allOf"]:
            if isinstance(part, Mapping):
                merged.setdefault("properties", {})
                merged["properties"] = {**merged["properties"], **part.get("properties", {})}
                merged["required"] = [*merged.get("required", []), *part.get("required", [])]
                if "type" in part:
                    merged.setdefault("type", part["type"])
        return example_for(merged, key, root, depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind is None:
        if "properties" in schema or "required" in schema:
            kind = "object"
        elif "items" in schema:
            kind = "array"
        else:
            kind = "string"
    words = random.Random(key + str(depth).encode())
    if kind == "object":
        properties = schema.get("properties")
        result: dict[str, Any] = {}
        if isinstance(properties, Mapping):
            for name, sub in properties.items():
                result[str(name)] = example_for(sub, key + str(name).encode(), root, depth + 1)
        required = schema.get("required")
        if isinstance(required, list):
            for name in required:
                result.setdefault(str(name), "mock")
        return result
    if kind == "array":
        low = schema.get("minItems", 1)
        high = schema.get("maxItems", max(1, low) if isinstance(low, int) else 1)
        count = min(max(1, low), high) if isinstance(low, int) and isinstance(high, int) else 1
        items = schema.get("items", {})
        return [example_for(items, key + bytes((i,)), root, depth + 1) for i in range(count)]
    if kind in ("integer", "number"):
        return _number(schema, kind == "integer")
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return _string(schema, words)


def _number(schema: Mapping[str, Any], integer: bool) -> int | float:
    low = schema.get("minimum", schema.get("exclusiveMinimum"))
    high = schema.get("maximum", schema.get("exclusiveMaximum"))
    value: float = 1
    if openapi.is_json_type(low, "number"):
        value = max(value, low + (1 if "exclusiveMinimum" in schema else 0))
    if openapi.is_json_type(high, "number"):
        value = min(value, high - (1 if "exclusiveMaximum" in schema else 0))
    return int(value) if integer else float(value)


def _string(schema: Mapping[str, Any], words: random.Random) -> str:
    formats = {
        "date-time": dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc).isoformat(),
        "date": "2025-01-01",
        "time": "12:00:00Z",
        "email": "mock@example.com",
        "uri": "https://example.com/mock",
        "url": "https://example.com/mock",
        "uuid": "00000000-0000-4000-8000-000000000000",
    }
    text = formats.get(str(schema.get("format")), " ".join(words.choice(_WORDS) for _ in range(2)))
    low = schema.get("minLength")
    high = schema.get("maxLength")
    if isinstance(low, int) and len(text) < low:
        text = (text + " ") * (low // max(1, len(text)) + 1)
        text = text[: max(low, 1)]
    if isinstance(high, int) and len(text) > high:
        text = text[:high]
    return text


# ------------------------------------------------------------------ chat
@dataclass
class Answer:
    """What the mock model says, before it is shaped as a completion or as chunks."""

    model: str
    content: str | None
    finish_reason: str
    prompt_tokens: int
    reasoning: str | None = None
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    function_call: dict[str, str] | None = None
    logprobs: int | None = None
    """None: no logprobs; otherwise how many top alternatives per token."""

    @property
    def completion_tokens(self) -> int:
        arguments = sum(tokens(c["function"]["arguments"]) for c in self.tool_calls)
        if self.function_call:
            arguments += tokens(self.function_call["arguments"])
        return tokens(self.content) + arguments

    @property
    def reasoning_tokens(self) -> int:
        return tokens(self.reasoning)


def message_text(content: Any) -> str:
    """The readable text of a message's content (string or content parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = []
        for part in content:
            if isinstance(part, Mapping):
                if part.get("type") == "text" and isinstance(part.get("text"), str):
                    texts.append(part["text"])
                else:
                    texts.append(f"[{part.get('type', 'part')}]")
        return " ".join(texts)
    return ""


def text_answer(prompt: str, model: str, seed: int, system: str | None, as_json: bool) -> Answer:
    """The answer of GET /text/{prompt}."""
    key = digest("text", model, seed, system, prompt)
    content = compose(key, prompt)
    if as_json:
        content = json.dumps({"model": model, "seed": seed, "answer": content})
    return Answer(model, content, "stop", tokens(prompt) + tokens(system))


def chat_answer(request: Mapping[str, Any], model: str, seed: int) -> Answer:
    """The answer to a (validated) ChatCompletionRequest."""
    messages = [m for m in request.get("messages", []) if isinstance(m, Mapping)]
    prompt_tokens = sum(tokens(message_text(m.get("content"))) for m in messages)
    key = digest("chat", model, seed, json.dumps(messages, sort_keys=True, default=str))
    last = messages[-1] if messages else {}
    prompt = message_text(last.get("content"))
    answer = Answer(model, None, "stop", prompt_tokens)
    if _wants_logprobs(request):
        top = request.get("top_logprobs")
        answer.logprobs = top if isinstance(top, int) else 0
    thinking = request.get("thinking")
    effort = request.get("reasoning_effort")
    if (isinstance(thinking, Mapping) and thinking.get("type") == "enabled") or effort not in (
        None,
        "none",
    ):
        answer.reasoning = compose(digest("reasoning", key), f"how to answer: {prompt}")

    tool = _chosen_tool(request, last)
    if tool is not None:
        name, parameters = tool
        arguments = json.dumps(example_for(parameters, key + name.encode()), sort_keys=True)
        call_id = "call_" + hashlib.sha256(key + name.encode()).hexdigest()[:24]
        answer.tool_calls = [
            {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}
        ]
        answer.finish_reason = "tool_calls"
        return answer
    function = _chosen_function(request, last)
    if function is not None:
        name, parameters = function
        arguments = json.dumps(example_for(parameters, key + name.encode()), sort_keys=True)
        answer.function_call = {"name": name, "arguments": arguments}
        answer.finish_reason = "function_call"
        return answer

    content = compose(key, prompt)
    response_format = request.get("response_format")
    kind = response_format.get("type") if isinstance(response_format, Mapping) else None
    if kind == "json_object":
        content = json.dumps({"model": model, "answer": content})
    elif kind == "json_schema" and isinstance(response_format, Mapping):
        schema = response_format.get("json_schema", {}).get("schema", {})
        content = json.dumps(example_for(schema, key))
    else:
        content = _cut(content, request.get("stop"))
        content = _limit(content, request.get("max_tokens"), answer)
    answer.content = content
    return answer


def _wants_logprobs(request: Mapping[str, Any]) -> bool:
    return request.get("logprobs") is True


def _cut(content: str, stop: Any) -> str:
    stops = [stop] if isinstance(stop, str) else stop if isinstance(stop, list) else []
    positions = [content.find(s) for s in stops if isinstance(s, str) and s and s in content]
    return content[: min(positions)] if positions else content


def _limit(content: str, max_tokens: Any, answer: Answer) -> str:
    if not openapi.is_json_type(max_tokens, "integer"):
        return content
    limit = int(max_tokens)  # `1.0` is an integer to the schema, not to a slice
    parts = re.findall(r"\S+\s*", content)
    if len(parts) <= limit:
        return content
    answer.finish_reason = "length"
    return "".join(parts[:limit]).rstrip()


def _chosen_tool(request: Mapping[str, Any], last: Mapping[str, Any]) -> tuple[str, Any] | None:
    tools = [
        t["function"]
        for t in request.get("tools") or []
        if isinstance(t, Mapping)
        and t.get("type") == "function"
        and isinstance(t.get("function"), Mapping)
    ]
    if not tools:
        return None
    choice = request.get("tool_choice", "auto")
    if choice == "none":
        return None
    if isinstance(choice, Mapping):
        wanted = choice.get("function", {}).get("name")
        for function in tools:
            if function.get("name") == wanted:
                return str(wanted), function.get("parameters", {})
        return None
    if choice != "required" and last.get("role") in ("tool", "function"):
        return None
    return str(tools[0].get("name")), tools[0].get("parameters", {})


def _chosen_function(request: Mapping[str, Any], last: Mapping[str, Any]) -> tuple[str, Any] | None:
    functions = [f for f in request.get("functions") or [] if isinstance(f, Mapping)]
    if not functions:
        return None
    choice = request.get("function_call", "auto")
    if choice == "none":
        return None
    if isinstance(choice, Mapping):
        for function in functions:
            if function.get("name") == choice.get("name"):
                return str(function.get("name")), function.get("parameters", {})
        return None
    if last.get("role") in ("tool", "function"):
        return None
    return str(functions[0].get("name")), functions[0].get("parameters", {})


def _logprobs(content: str | None, top: int) -> dict[str, Any]:
    entries = []
    for index, word in enumerate(re.findall(r"\S+\s*", content or "")):
        logprob = -round(0.01 + (index % 7) * 0.05, 4)
        alternatives = [
            {"token": alt, "logprob": logprob - 1 - n, "bytes": list(alt.encode("utf-8"))}
            for n, alt in enumerate(_WORDS[(index + k) % len(_WORDS)] for k in range(top))
        ]
        entries.append(
            {
                "token": word,
                "logprob": logprob,
                "bytes": list(word.encode("utf-8")),
                "top_logprobs": alternatives,
            }
        )
    return {"content": entries}


def usage(answer: Answer) -> dict[str, Any]:
    completion = answer.completion_tokens + answer.reasoning_tokens
    return {
        "prompt_tokens": answer.prompt_tokens,
        "completion_tokens": completion,
        "total_tokens": answer.prompt_tokens + completion,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": answer.reasoning_tokens,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    }


def completion_id(answer: Answer) -> str:
    return "chatcmpl-" + hashlib.sha256(repr(answer).encode("utf-8")).hexdigest()[:29]


def completion(answer: Answer, tier: str) -> dict[str, Any]:
    """The ChatCompletion object of a non-streamed answer."""
    message: dict[str, Any] = {"role": "assistant", "content": answer.content}
    if answer.reasoning is not None:
        message["reasoning_content"] = answer.reasoning
    if answer.tool_calls:
        message["tool_calls"] = answer.tool_calls
    if answer.function_call is not None:
        message["function_call"] = answer.function_call
    choice: dict[str, Any] = {
        "index": 0,
        "message": message,
        "finish_reason": answer.finish_reason,
        "logprobs": None if answer.logprobs is None else _logprobs(answer.content, answer.logprobs),
    }
    return {
        "id": completion_id(answer),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": answer.model,
        "system_fingerprint": FINGERPRINT,
        "choices": [choice],
        "usage": usage(answer),
        "user_tier": tier,
    }


def chunks(answer: Answer, tier: str, include_usage: bool) -> Iterator[dict[str, Any]]:
    """The ChatCompletionChunk objects of a streamed answer, in order."""
    ident = completion_id(answer)
    created = int(time.time())

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> dict[str, Any]:
        choice: dict[str, Any] = {"index": 0, "delta": delta, "finish_reason": finish}
        choice.update(extra)
        return {
            "id": ident,
            "object": "chat.completion.chunk",
            "created": created,
            "model": answer.model,
            "system_fingerprint": FINGERPRINT,
            "choices": [choice],
        }

    yield chunk({"role": "assistant", "content": ""})
    if answer.reasoning:
        for piece in pieces(answer.reasoning):
            yield chunk({"reasoning_content": piece})
    for index, call in enumerate(answer.tool_calls):
        function = call["function"]
        yield chunk(
            {
                "tool_calls": [
                    {
                        "index": index,
                        "id": call["id"],
                        "type": "function",
                        "function": {"name": function["name"], "arguments": ""},
                    }
                ]
            }
        )
        for piece in split_evenly(function["arguments"], 3):
            yield chunk({"tool_calls": [{"index": index, "function": {"arguments": piece}}]})
    if answer.content:
        for piece in pieces(answer.content):
            extra: dict[str, Any] = {}
            if answer.logprobs is not None:
                extra["logprobs"] = _logprobs(piece, answer.logprobs)
            yield chunk({"content": piece}, **extra)
    if answer.function_call is not None:
        yield chunk({"function_call": dict(answer.function_call)})
    yield chunk({}, answer.finish_reason)
    if include_usage:
        tail = chunk({})
        tail["choices"] = []
        tail["usage"] = usage(answer)
        tail["user_tier"] = tier
        yield tail


def sse(event: Mapping[str, Any] | str) -> bytes:
    data = event if isinstance(event, str) else json.dumps(event, separators=(",", ":"))
    return f"data: {data}\n\n".encode()


def sse_stream(events: Sequence[Mapping[str, Any]]) -> list[bytes]:
    return [*(sse(event) for event in events), sse("[DONE]")]

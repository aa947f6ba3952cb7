"""What each of the spec's operations answers, once the request has passed the spec's checks.

The HTTP layer (`_server.py`) matches the route, authenticates, validates parameters and
bodies against openapi.yaml and fills in the spec's defaults; the functions here only
decide the content. They are keyed by operationId, so an operation the spec adds without a
function here is answered 501 rather than silently mis-served.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import _media, _text
from ._faults import FaultCounter
from ._spec import FieldErrors, Operation, Spec
from ._state import PRICES, Ledger, Tokens, parse_timestamp

# Only the spec's prose says which image models make videos and how long those may be
# (the `duration` parameter's schema carries the overall 2..10 bound).
VIDEO_DURATIONS: dict[str, tuple[int, ...]] = {
    "veo": (4, 6, 8),
    "seedance": tuple(range(2, 11)),
}
DEFAULT_DURATION = {"veo": 4, "seedance": 5}
VIDEO_FPS = 2
MODELS_CREATED = 1735689600  # 2025-01-01T00:00:00Z: a fixed `created` for /v1/models
CONTEXT_WINDOW = 128000


class ApiError(Exception):
    """An answer other than 200, shaped into the documented error envelope by the server."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        headers: Mapping[str, str] | None = None,
        field_errors: Mapping[str, list[str]] | None = None,
        form_errors: list[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})
        self.field_errors = dict(field_errors or {})
        self.form_errors = list(form_errors or [])


@dataclass
class Reply:
    status: int
    content_type: str | None
    body: bytes = b""
    events: list[bytes] | None = None
    """A stream: each item is one server-sent event, written and flushed as its own chunk."""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class App:
    """Everything the request handlers share: the spec, the accounts and the options."""

    spec: Spec
    ledger: Ledger
    tier: str = "seed"
    max_image_size: int = 4096
    stream_interval: float = 0.01
    latency: float = 0.0
    fault: str | None = None
    log_requests: bool = False
    faults: FaultCounter = field(default_factory=FaultCounter)


@dataclass
class Call:
    operation: Operation
    params: dict[str, Any]
    body: Any
    key: str | None
    started: float


Handler = Callable[[App, Call], Reply]


def _json(data: Any, status: int = 200) -> Reply:
    return Reply(status, "application/json", json.dumps(data).encode("utf-8"))


def _require_key(call: Call) -> str:
    if call.key is None:  # the server authenticates first; this guards the type
        raise ApiError(401, "An API key is required")
    return call.key


def _check_model(app: App, model: str, enum_name: str, listing: str) -> None:
    if model not in app.spec.enum(enum_name):
        raise FieldErrors({"model": [f"Unknown model '{model}'; see {listing}"]})


# ------------------------------------------------------------------ image and video
def generate_image(app: App, call: Call) -> Reply:
    params = call.params
    key = _require_key(call)
    model = str(params["model"])
    _check_model(app, model, "ImageModelName", "/image/models")
    seed = _text.effective_seed(params.get("seed"))
    prompt = str(params["prompt"])
    if model in VIDEO_DURATIONS:
        return _video(app, call, key, model, prompt, seed)
    sizes: dict[str, int] = {}
    errors: dict[str, list[str]] = {}
    for name in ("width", "height"):
        value = params.get(name)
        default = call.operation.parameters[name].default
        size = int(value) if value else int(default)
        if size > app.max_image_size:
            errors[name] = [f"At most {app.max_image_size} pixels, received {size}"]
        sizes[name] = size
    if errors:
        raise FieldErrors(errors)
    app.ledger.ensure_funds(key, "image")
    alpha = bool(params.get("transparent"))
    png = _media.encode_png(
        sizes["width"],
        sizes["height"],
        _media.digest("image", model, prompt, seed, alpha),
        alpha=alpha,
    )
    app.ledger.charge(key, "image", model, Tokens(output_image=1), call.started)
    return Reply(200, "image/png", png)


def _video(app: App, call: Call, key: str, model: str, prompt: str, seed: int) -> Reply:
    allowed = VIDEO_DURATIONS[model]
    duration = call.params.get("duration")
    seconds = DEFAULT_DURATION[model] if duration is None else int(duration)
    if seconds not in allowed:
        if allowed == tuple(range(allowed[0], allowed[-1] + 1)):
            choices = f"{allowed[0]} to {allowed[-1]}"
        else:
            choices = ", ".join(str(value) for value in allowed[:-1]) + f" or {allowed[-1]}"
        raise FieldErrors({"duration": [f"{model} makes videos of {choices} seconds"]})
    try:
        width, height = _media.video_size(call.params.get("aspectRatio"))
    except ValueError as exc:
        raise FieldErrors({"aspectRatio": [str(exc)]}) from None
    app.ledger.ensure_funds(key, "video")
    mp4 = _media.encode_mp4(
        width,
        height,
        seconds,
        _media.digest("video", model, prompt, seed, width, height),
        fps=VIDEO_FPS,
    )
    app.ledger.charge(key, "video", model, Tokens(output_image=1), call.started)
    return Reply(200, "video/mp4", mp4)


# ------------------------------------------------------------------ text and chat
def _stream_reply(answer: _text.Answer, tier: str, include_usage: bool) -> Reply:
    events = list(_text.chunks(answer, tier, include_usage))
    return Reply(200, "text/event-stream", events=_text.sse_stream(events))


def generate_text(app: App, call: Call) -> Reply:
    params = call.params
    key = _require_key(call)
    model = str(params["model"])
    _check_model(app, model, "TextModelName", "/text/models")
    app.ledger.ensure_funds(key, "text")
    seed = _text.effective_seed(params.get("seed"))
    system = params.get("system")
    answer = _text.text_answer(str(params["prompt"]), model, seed, system, bool(params["json"]))
    tokens = Tokens(input_text=answer.prompt_tokens, output_text=answer.completion_tokens)
    app.ledger.charge(key, "text", model, tokens, call.started)
    if params.get("stream"):
        return _stream_reply(answer, app.tier, include_usage=False)
    return Reply(200, "text/plain; charset=utf-8", (answer.content or "").encode("utf-8"))


def create_chat_completion(app: App, call: Call) -> Reply:
    request = call.body if isinstance(call.body, Mapping) else {}
    key = _require_key(call)
    default_model = app.spec.schema("ChatCompletionRequest")["properties"]["model"]["default"]
    model = str(request.get("model", default_model))
    _check_model(app, model, "TextModelName", "/v1/models")
    choice = request.get("tool_choice")
    if isinstance(choice, Mapping):
        names = {
            tool.get("function", {}).get("name")
            for tool in request.get("tools") or []
            if isinstance(tool, Mapping) and tool.get("type") == "function"
        }
        wanted = choice.get("function", {}).get("name")
        if wanted not in names:
            raise FieldErrors({"tool_choice": [f"No function tool named '{wanted}' in `tools`"]})
    app.ledger.ensure_funds(key, "text")
    seed = _text.effective_seed(request.get("seed"))
    answer = _text.chat_answer(request, model, seed)
    tokens = Tokens(
        input_text=answer.prompt_tokens,
        output_text=answer.completion_tokens,
        output_reasoning=answer.reasoning_tokens,
    )
    app.ledger.charge(key, "text", model, tokens, call.started)
    if request.get("stream") is True:
        options = request.get("stream_options")
        include = isinstance(options, Mapping) and options.get("include_usage") is True
        return _stream_reply(answer, app.tier, include_usage=include)
    return _json(_text.completion(answer, app.tier))


# ------------------------------------------------------------------ account
def _iso(epoch: float) -> str:
    moment = dt.datetime.fromtimestamp(epoch, dt.timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def get_account_profile(app: App, call: Call) -> Reply:
    key = _require_key(call)
    handle = "mock-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    today = dt.datetime.now(dt.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    reset = today + dt.timedelta(days=1)
    return _json(
        {
            "name": f"Mock user {handle[5:]}",
            "email": f"{handle}@example.com",
            "githubUsername": handle,
            "image": None,
            "tier": app.tier,
            "createdAt": _iso(app.ledger.created(key)),
            "nextResetAt": _iso(reset.timestamp()),
        }
    )


def get_account_balance(app: App, call: Call) -> Reply:
    return _json({"balance": app.ledger.balance(_require_key(call))})


def get_account_usage(app: App, call: Call) -> Reply:
    key = _require_key(call)
    params = call.params
    before: int | None = None
    if params.get("before") is not None:
        try:
            before = parse_timestamp(str(params["before"]))
        except ValueError as exc:
            raise FieldErrors({"before": [str(exc)]}) from None
    records = app.ledger.usage(key, int(params["limit"]), before)
    if params["format"] == "csv":
        columns = app.spec.property_names("UsageRecord")
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for record in records:
            writer.writerow(["" if record.get(c) is None else record[c] for c in columns])
        return Reply(200, "text/csv; charset=utf-8", out.getvalue().encode("utf-8"))
    return _json({"usage": records, "count": len(records)})


# ------------------------------------------------------------------ models
def list_models(app: App, call: Call) -> Reply:
    data = [
        {"id": name, "object": "model", "created": MODELS_CREATED}
        for name in app.spec.enum("TextModelName")
    ]
    return _json({"object": "list", "data": data})


def list_image_models(app: App, call: Call) -> Reply:
    infos = []
    for name in app.spec.enum("ImageModelName"):
        video = name in VIDEO_DURATIONS
        kind = "video" if video else "image"
        infos.append(
            {
                "name": name,
                "aliases": [],
                "pricing": {"currency": "pollen", "request": float(PRICES[kind])},
                "description": f"Mock {kind} model '{name}' (pollinations mock server)",
                "input_modalities": ["text", "image"],
                "output_modalities": [kind],
                "tools": False,
                "reasoning": False,
                "is_specialized": False,
            }
        )
    return _json(infos)


def list_text_models(app: App, call: Call) -> Reply:
    voices = list(app.spec.enum("AudioVoice"))
    infos = []
    for name in app.spec.enum("TextModelName"):
        audio = "audio" in name
        info: dict[str, Any] = {
            "name": name,
            "aliases": [],
            "pricing": {"currency": "pollen", "request": float(PRICES["text"])},
            "description": f"Mock text model '{name}' (pollinations mock server)",
            "input_modalities": ["text", "image"],
            "output_modalities": ["text", "audio"] if audio else ["text"],
            "tools": True,
            "reasoning": False,
            "context_window": CONTEXT_WINDOW,
            "is_specialized": False,
        }
        if audio:
            info["voices"] = voices
        infos.append(info)
    return _json(infos)


HANDLERS: dict[str, Handler] = {
    "generate_image": generate_image,
    "generate_text": generate_text,
    "create_chat_completion": create_chat_completion,
    "get_account_profile": get_account_profile,
    "get_account_balance": get_account_balance,
    "get_account_usage": get_account_usage,
    "list_models": list_models,
    "list_image_models": list_image_models,
    "list_text_models": list_text_models,
}


def now_iso() -> str:
    return _iso(time.time())

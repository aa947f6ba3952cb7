"""What each of the spec's operations answers, once the request has passed the spec's checks.

The HTTP layer (`_server.py`) matches the route, checks the key (`_keys.py`), validates
parameters and bodies against openapi.yaml and fills in the spec's defaults; the functions
here only decide the content, and whether the key may use the model asked for (403).
They are keyed by operationId, so an operation the spec adds without a function here is
answered 501 rather than silently mis-served.

Audio (`_audio.py` makes the files): speech (POST /v1/audio/speech, GET /audio/{text})
answers a file of the requested `response_format` with its media type (audio/mpeg,
audio/opus, audio/aac, audio/flac, audio/wav, audio/pcm, as the overlay documents them for
both speech operations), lasting `_audio.MS_PER_CHARACTER` / speed
per character of input, bounded. The music model (`elevenmusic`, alias `music`) answers an
MP3 of `duration` seconds (MUSIC_SECONDS when not given) whatever `response_format` says,
which the spec documents for TTS only. A transcription of a file the mock made returns
the text it was made from; any other file gets a description derived from its size and
SHA-256; a transcript in text, srt or vtt is text/plain. The audio model names come from
the spec's prose only (there is no enum). Speech and transcription cost pollen and answer
402 when it runs out, as every generation does.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import _audio, _media, _text
from ._errors import ApiError
from ._faults import FaultInjector
from ._keys import KeyCheck, KeyRecord, account_permissions
from ._multipart import Part
from ._spec import FieldErrors, Operation, Spec, coerce
from ._state import PRICES, Ledger, Tokens, mask_key, parse_timestamp

__all__ = ["HANDLERS", "ApiError", "App", "Call", "Reply", "account_permissions"]

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


@dataclass(frozen=True)
class AudioModel:
    name: str
    aliases: tuple[str, ...]
    task: str
    """speech, music or transcription."""


# Only the spec's prose names the audio models: "TTS (default): `elevenlabs`, `tts-1`",
# "Music: `elevenmusic` (or `music`)", and for transcription "`whisper-large-v3`
# (default), `whisper-1`, `scribe`".
AUDIO_MODELS = (
    AudioModel("elevenlabs", ("tts-1",), "speech"),
    AudioModel("elevenmusic", ("music",), "music"),
    AudioModel("whisper-large-v3", ("whisper-1",), "transcription"),
    AudioModel("scribe", (), "transcription"),
)
DEFAULT_SPEECH_MODEL = "elevenlabs"
MUSIC_SECONDS = 10.0
TEXT_MEDIA_TYPE = "text/plain; charset=utf-8"
CUE_CHARACTERS = 42
UNKNOWN_AUDIO_BYTES_PER_SECOND = 16000  # 128 kbit/s: the duration guessed for other files


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
    keys: KeyCheck
    tier: str = "seed"
    max_image_size: int = 4096
    stream_interval: float = 0.01
    latency: float = 0.0
    faults: FaultInjector = field(default_factory=FaultInjector)
    log_requests: bool = False


@dataclass
class Call:
    operation: Operation
    params: dict[str, Any]
    body: Any
    key: str | None
    started: float
    record: KeyRecord | None = None
    """What the key step found out about the key; None on anonymous operations."""


Handler = Callable[[App, Call], Reply]


def _json(data: Any, status: int = 200) -> Reply:
    return Reply(status, "application/json", json.dumps(data).encode("utf-8"))


def _require_key(call: Call) -> str:
    if call.key is None:  # the server authenticates first; this guards the type
        raise ApiError(401, "An API key is required")
    return call.key


def _check_model(app: App, call: Call, model: str, enum_name: str, listing: str) -> None:
    if model not in app.spec.enum(enum_name):
        raise FieldErrors({"model": [f"Unknown model '{model}'; see {listing}"]})
    _allow_model(call, model)


def _allow_model(call: Call, model: str, *aliases: str) -> None:
    """403 for a model outside the key's `models` (a keys file's restriction)."""
    if call.record is not None and not call.record.may_use(model, *aliases):
        raise ApiError(403, f"Access denied! This API key may not use the model '{model}'")


# ------------------------------------------------------------------ image and video
def generate_image(app: App, call: Call) -> Reply:
    params = call.params
    key = _require_key(call)
    model = str(params["model"])
    _check_model(app, call, model, "ImageModelName", "/image/models")
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
    _check_model(app, call, model, "TextModelName", "/text/models")
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
    _check_model(app, call, model, "TextModelName", "/v1/models")
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
        return _csv(app, "UsageRecord", records)
    return _json({"usage": records, "count": len(records)})


def get_account_usage_daily(app: App, call: Call) -> Reply:
    rows = app.ledger.daily_usage(_require_key(call))
    if call.params["format"] == "csv":
        return _csv(app, "DailyUsage", rows)
    return _json({"usage": rows, "count": len(rows)})


def _csv(app: App, schema: str, rows: list[dict[str, Any]]) -> Reply:
    """A header row of the schema's properties, then one row per record (CRLF, RFC 4180)."""
    columns = app.spec.property_names(schema)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row[c] for c in columns])
    return Reply(200, "text/csv; charset=utf-8", out.getvalue().encode("utf-8"))


def get_account_key(app: App, call: Call) -> Reply:
    """KeyInfo as the mock enforces it (`_keys`): the account permissions and models the
    key may use (null: no account access, every model), its budget, whether a rate limit
    applies; no expiry."""
    key = _require_key(call)
    record = call.record or KeyRecord(key, "unknown")
    return _json(
        {
            "valid": True,
            "type": record.type,
            "name": record.name or f"Mock key {mask_key(key)}",
            "expiresAt": None,
            "expiresIn": None,
            "permissions": {
                "models": None if record.models is None else sorted(record.models),
                "account": list(record.account) or None,
            },
            "pollenBudget": app.ledger.budget(key),
            "rateLimitEnabled": record.rate_limit is not None,
        }
    )


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


def list_audio_models(app: App, call: Call) -> Reply:
    voices = list(app.spec.enum("AudioVoice"))
    infos = []
    for model in AUDIO_MODELS:
        transcribes = model.task == "transcription"
        kind = "transcription" if transcribes else "audio"
        info: dict[str, Any] = {
            "name": model.name,
            "aliases": list(model.aliases),
            "pricing": {"currency": "pollen", "request": float(PRICES[kind])},
            "description": f"Mock {model.task} model '{model.name}' (pollinations mock server)",
            "input_modalities": ["audio"] if transcribes else ["text"],
            "output_modalities": ["text"] if transcribes else ["audio"],
            "tools": False,
            "reasoning": False,
            "is_specialized": False,
        }
        if model.task == "speech":
            info["voices"] = voices
        infos.append(info)
    return _json(infos)


# ------------------------------------------------------------------ audio
def _audio_model(name: str, tasks: tuple[str, ...]) -> AudioModel:
    for model in AUDIO_MODELS:
        if model.task in tasks and name in (model.name, *model.aliases):
            return model
    known = [n for m in AUDIO_MODELS if m.task in tasks for n in (m.name, *m.aliases)]
    raise FieldErrors(
        {"model": [f"Unknown model '{name}'; expected one of {', '.join(known)} (/audio/models)"]}
    )


def _body_defaults(app: App, call: Call) -> dict[str, Any]:
    """The spec's defaults for the properties of the operation's body."""
    if call.operation.body is None or call.operation.body.pointer is None:
        return {}
    _, schema = app.spec.resolve(call.operation.body.pointer)
    return {
        name: prop["default"]
        for name, prop in schema.get("properties", {}).items()
        if isinstance(prop, Mapping) and "default" in prop
    }


def _speak(
    app: App,
    call: Call,
    *,
    text: str,
    model_name: str | None,
    voice: str,
    response_format: str,
    speed: float,
    duration: float | None,
    instrumental: bool,
) -> Reply:
    key = _require_key(call)
    model = _audio_model(model_name or DEFAULT_SPEECH_MODEL, ("speech", "music"))
    _allow_model(call, model.name, *model.aliases)
    if model.task == "music":
        seconds = MUSIC_SECONDS if duration is None else float(duration)
        score = _audio.music_score(text, seconds, instrumental)
        response_format = "mp3"
    else:
        score = _audio.speech_score(text, voice, speed)
    app.ledger.ensure_funds(key, "audio")
    data = _audio.encode(response_format, score, text)
    tokens = Tokens(input_text=len(text.split()), output_audio=round(score.seconds * 10))
    app.ledger.charge(key, "audio", model.name, tokens, call.started)
    return Reply(200, _audio.MEDIA_TYPES[response_format], data)


def create_speech(app: App, call: Call) -> Reply:
    request = {**_body_defaults(app, call), **(call.body or {})}
    return _speak(
        app,
        call,
        text=str(request["input"]),
        model_name=request.get("model"),
        voice=str(request["voice"]),
        response_format=str(request["response_format"]),
        speed=float(request["speed"]),
        duration=request.get("duration"),
        instrumental=bool(request.get("instrumental")),
    )


def generate_audio(app: App, call: Call) -> Reply:
    params = call.params
    duration: float | None = None
    if params.get("duration") is not None:
        # A string in the query; the body's `duration` carries the schema (3 to 300).
        pointer = "/components/schemas/SpeechRequest/properties/duration"
        try:
            value = coerce(str(params["duration"]), frozenset({"number"}))
        except ValueError as exc:
            raise FieldErrors({"duration": [str(exc)]}) from None
        problems = [error.message for error in app.spec.validator(pointer).iter_errors(value)]
        if problems:
            raise FieldErrors({"duration": problems})
        duration = float(value)
    return _speak(
        app,
        call,
        text=str(params["text"]),
        model_name=params.get("model"),
        voice=str(params["voice"]),
        response_format=str(params["response_format"]),
        speed=1.0,
        duration=duration,
        instrumental=params.get("instrumental") == "true",
    )


def _cues(text: str, seconds: float) -> list[tuple[float, float, str]]:
    """The words in cues of at most CUE_CHARACTERS, timed in proportion to their length."""
    cues: list[str] = []
    for word in text.split():
        if cues and len(cues[-1]) + 1 + len(word) <= CUE_CHARACTERS:
            cues[-1] += " " + word
        else:
            cues.append(word)
    total = sum(len(cue) for cue in cues)
    timed = []
    done = 0
    for cue in cues:
        start = round(seconds * done / total, 3)
        done += len(cue)
        timed.append((start, round(seconds * done / total, 3), cue))
    return timed


def _clock(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}{separator}{rest % 1000:03d}"


def _srt(cues: list[tuple[float, float, str]]) -> str:
    return "".join(
        f"{index}\n{_clock(start, ',')} --> {_clock(end, ',')}\n{text.replace('-->', '->')}\n\n"
        for index, (start, end, text) in enumerate(cues, 1)
    )


def _vtt(cues: list[tuple[float, float, str]]) -> str:
    lines = ["WEBVTT\n\n"]
    for start, end, text in cues:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines.append(f"{_clock(start, '.')} --> {_clock(end, '.')}\n{escaped}\n\n")
    return "".join(lines)


def create_transcription(app: App, call: Call) -> Reply:
    key = _require_key(call)
    form = {**_body_defaults(app, call), **(call.body or {})}
    upload = form.get("file")
    if not isinstance(upload, Part):  # the schema requires it; this guards the type
        raise FieldErrors({"file": ["Required"]})
    model = _audio_model(str(form["model"]), ("transcription",))
    _allow_model(call, model.name, *model.aliases)
    app.ledger.ensure_funds(key, "transcription")
    info = _audio.read_audio(upload.data)
    text = info.text
    if text is None:
        digest = hashlib.sha256(upload.data).hexdigest()
        text = (
            f"Mock transcription of {len(upload.data)} bytes of {info.kind} audio "
            f"(sha256 {digest[:16]})"
        )
    seconds = info.seconds
    if seconds is None:
        seconds = len(upload.data) / UNKNOWN_AUDIO_BYTES_PER_SECOND
    seconds = round(seconds, 3)
    tokens = Tokens(input_audio=math.ceil(seconds * 10), output_text=len(text.split()))
    app.ledger.charge(key, "transcription", model.name, tokens, call.started)
    response_format = str(form["response_format"])
    cues = _cues(text, seconds)
    if response_format == "text":
        return Reply(200, TEXT_MEDIA_TYPE, text.encode("utf-8"))
    if response_format == "srt":
        return Reply(200, TEXT_MEDIA_TYPE, _srt(cues).encode("utf-8"))
    if response_format == "vtt":
        return Reply(200, TEXT_MEDIA_TYPE, _vtt(cues).encode("utf-8"))
    if response_format == "verbose_json":
        language = form.get("language")
        segments = [
            {
                "id": index,
                "seek": 0,
                "start": start,
                "end": end,
                "text": cue,
                "tokens": [],
                "temperature": float(form.get("temperature") or 0.0),
                "avg_logprob": 0.0,
                "compression_ratio": 1.0,
                "no_speech_prob": 0.0,
            }
            for index, (start, end, cue) in enumerate(cues)
        ]
        return _json(
            {
                "task": "transcribe",
                "language": str(language) if language else "en",
                "duration": seconds,
                "text": text,
                "segments": segments,
            }
        )
    return _json({"text": text})


HANDLERS: dict[str, Handler] = {
    "generate_image": generate_image,
    "generate_text": generate_text,
    "create_chat_completion": create_chat_completion,
    "get_account_profile": get_account_profile,
    "get_account_balance": get_account_balance,
    "get_account_usage": get_account_usage,
    "get_account_usage_daily": get_account_usage_daily,
    "get_account_key": get_account_key,
    "list_models": list_models,
    "list_image_models": list_image_models,
    "list_text_models": list_text_models,
    "list_audio_models": list_audio_models,
    "create_speech": create_speech,
    "generate_audio": generate_audio,
    "create_transcription": create_transcription,
}

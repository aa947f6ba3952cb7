"""`pollinations`: the API from the command line, built on the same client as the library.

Commands: image (and video), text, chat, speech, transcribe, models, balance, profile,
key, usage (per request, or `--daily` per day and model) and mock.

Exit codes: 0 success, 1 the API (or the network) failed, 2 the command was wrong
(bad arguments, no API key, an output file that exists), 141 stdout was closed before
everything was written (`pollinations models | head -1`; 128 + SIGPIPE, as a shell
reports for any tool the closed pipe stopped). Errors, warnings and retries go to stderr,
one line each, with the server's request id; `--json` prints machine-readable results on
stdout (with `--stream`, one JSON object per line).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from pollinations_client.params import (
    CREATE_CHAT_COMPLETION,
    CREATE_SPEECH,
    CREATE_TRANSCRIPTION,
    GENERATE_IMAGE,
    GENERATE_TEXT,
    GET_ACCOUNT_USAGE,
    GET_ACCOUNT_USAGE_DAILY,
)
from pollinations_client.types import OperationSpec

from . import __version__
from ._base_client import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, PublishableKeyWarning
from ._client import Pollinations
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    AuthenticationError,
    InvalidParameterError,
    MissingAPIKeyError,
    shorten,
)
from ._logging import logger as library_logger
from ._types import AudioResult, ImageResult, SavedFile

__all__ = ["main"]


def _about(operation: OperationSpec, name: str, note: str = "") -> str:
    """An option's help: the spec's words for the parameter (its description, values and
    server default), after what the CLI adds; `%` doubled for argparse."""
    return " ".join(part for part in (note, operation.parameter(name).help) if part).replace(
        "%", "%%"
    )


def _choices(operation: OperationSpec, name: str) -> tuple[str, ...] | None:
    """The values of a closed enum, as the spec lists them (None: any value)."""
    return tuple(operation.parameter(name).schema.get("enum", ())) or None


# The audio formats POST /v1/audio/speech accepts, as the spec lists them.
SPEECH_FORMATS: tuple[str, ...] = _choices(CREATE_SPEECH, "response_format") or ()

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
#: stdout was closed early: 128 + SIGPIPE, what a shell shows for a tool SIGPIPE stopped.
EXIT_BROKEN_PIPE = 141
#: `-o -`: the file goes to stdout.
STDOUT = "-"


class _UsageError(Exception):
    """A mistake in the command line that argparse cannot see."""


# ------------------------------------------------------------------------- parser


def _common_options(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    """Options every command takes, before or after its name.

    On subcommands the defaults are SUPPRESS, so that a value given before the command
    name is not overwritten by the subcommand's default.
    """
    default: Any = None if top_level else argparse.SUPPRESS
    parser.add_argument(
        "--base-url",
        default=default,
        help=f"API base URL (default: ${BASE_URL_ENV} or {DEFAULT_BASE_URL})",
    )
    parser.add_argument("--api-key", default=default, help=f"API key (default: ${API_KEY_ENV})")
    parser.add_argument(
        "--json",
        dest="json_output",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="print machine-readable JSON on stdout (with --stream: one JSON object per line)",
    )


def _output_options(parser: argparse.ArgumentParser, default_name: str) -> None:
    """-o and --force, for the commands that write a file."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=f"file to write, or - for stdout (default: {default_name}; if a file has that "
        "name, the first free NAME-1, NAME-2, ..., said on stderr)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="overwrite the output file if it exists (without it, an existing -o FILE "
        "stops the command before anything is sent)",
    )


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pollinations",
        description="Generate images, video and text with the pollinations.ai API.",
        epilog="Exit codes: 0 ok, 1 API error, 2 usage error, 141 stdout closed early.",
    )
    _common_options(parser, top_level=True)
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}",
        help="print the version and exit",
    )  # fmt: skip
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True,
        help="what to do; `pollinations COMMAND --help` lists its options",
    )  # fmt: skip

    def command(name: str, help_text: str, *, own_options: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, add_help=own_options)
        sub.set_defaults(command_parser=sub)  # for naming the option in client errors
        if own_options:
            _common_options(sub, top_level=False)
        return sub

    image = command("image", "generate an image or a video and save it to a file")
    image.add_argument("prompt", help=_about(GENERATE_IMAGE, "prompt"))
    _output_options(image, "a name from the prompt, with the extension of what the server sent")
    image.add_argument("--model", help=_about(GENERATE_IMAGE, "model"))
    image.add_argument("--width", type=int, help=_about(GENERATE_IMAGE, "width"))
    image.add_argument("--height", type=int, help=_about(GENERATE_IMAGE, "height"))
    image.add_argument("--seed", type=int, help=_about(GENERATE_IMAGE, "seed"))
    image.add_argument("--negative-prompt", help=_about(GENERATE_IMAGE, "negative_prompt"))
    image.add_argument(
        "--quality",
        choices=_choices(GENERATE_IMAGE, "quality"),
        help=_about(GENERATE_IMAGE, "quality"),
    )
    image.add_argument(
        "--image", action="append", metavar="URL", help="reference image URL (repeatable)"
    )
    image.add_argument("--duration", type=int, help=_about(GENERATE_IMAGE, "duration"))
    image.add_argument("--aspect-ratio", help=_about(GENERATE_IMAGE, "aspect_ratio"))
    for flag in ("enhance", "safe", "transparent", "audio"):
        image.add_argument(
            f"--{flag}", action="store_true", default=None, help=_about(GENERATE_IMAGE, flag)
        )

    text = command("text", "generate text from a prompt")
    text.add_argument("prompt", help=_about(GENERATE_TEXT, "prompt"))
    text.add_argument("--model", help=_about(GENERATE_TEXT, "model"))
    text.add_argument("--seed", type=int, help=_about(GENERATE_TEXT, "seed"))
    text.add_argument("--system", help=_about(GENERATE_TEXT, "system"))
    text.add_argument("--temperature", type=float, help=_about(GENERATE_TEXT, "temperature"))
    text.add_argument(
        "--json-mode", action="store_true", default=None, help=_about(GENERATE_TEXT, "json")
    )
    text.add_argument("--stream", action="store_true", help="print the answer as it arrives")

    chat = command("chat", "send one chat message and print the answer")
    chat.add_argument("message", help="your message, sent as the user's")
    chat.add_argument("--model", help=_about(CREATE_CHAT_COMPLETION, "model"))
    chat.add_argument("--system", help="a system message, sent before yours")
    chat.add_argument(
        "--temperature", type=float, help=_about(CREATE_CHAT_COMPLETION, "temperature")
    )
    chat.add_argument(
        "--seed",
        type=int,
        # The spec has no words for this one (yet): _about adds them when it does.
        help=_about(CREATE_CHAT_COMPLETION, "seed", "random seed, for reproducible answers."),
    )
    chat.add_argument("--stream", action="store_true", help="print the answer as it arrives")

    models = command("models", "list the available models")
    kind = models.add_mutually_exclusive_group()
    kind.add_argument("--image", action="store_true", help="image and video models")
    kind.add_argument("--text", action="store_true", help="text models, with details")

    speech = command("speech", "speak a text and save the audio to a file")
    speech.add_argument("input", metavar="TEXT", help=_about(CREATE_SPEECH, "input"))
    _output_options(speech, "a name from the text, with the extension of the audio format")
    speech.add_argument("--voice", help=_about(CREATE_SPEECH, "voice"))
    speech.add_argument(
        "--format",
        dest="response_format",
        choices=SPEECH_FORMATS or None,
        help=_about(CREATE_SPEECH, "response_format"),
    )
    speech.add_argument("--model", help=_about(CREATE_SPEECH, "model", "the speech model."))

    transcribe = command("transcribe", "print what is said in an audio file")
    transcribe.add_argument("file", metavar="FILE", type=Path, help="the audio file")
    transcribe.add_argument("--model", help=_about(CREATE_TRANSCRIPTION, "model"))
    transcribe.add_argument("--language", help=_about(CREATE_TRANSCRIPTION, "language"))

    command("balance", "show the pollen balance")
    command("profile", "show the account profile")
    command("key", "show the API key's status: type, expiry, permissions, budget")

    usage = command("usage", "show the request history, or with --daily the sums per day")
    usage.add_argument(
        "--limit", type=int, help=_about(GET_ACCOUNT_USAGE, "limit", "number of records.")
    )
    usage.add_argument(
        "--before", help=_about(GET_ACCOUNT_USAGE, "before", "only records older than this.")
    )
    usage.add_argument(
        "--daily",
        action="store_true",
        help="usage summed per day and model. The spec: "
        + GET_ACCOUNT_USAGE_DAILY.description.replace("%", "%%"),
    )
    usage.add_argument("--csv", action="store_true", help="print the history as CSV")

    # Its options belong to the mock server's own parser: `main` hands them over.
    command(
        "mock",
        "run the bundled mock server (offline stand-in for the API); see mock --help",
        own_options=False,
    )
    return parser


# ------------------------------------------------------------------------ helpers


@contextmanager
def _progress(label: str, stream: TextIO) -> Iterator[None]:
    """A spinner with elapsed time on stderr, only when stderr is a terminal."""
    if not stream.isatty():
        yield
        return
    done = threading.Event()

    def spin() -> None:
        frames = "|/-\\"
        start = time.monotonic()
        i = 0
        while not done.wait(0.1):
            elapsed = time.monotonic() - start
            stream.write(f"\r{frames[i % 4]} {label} {elapsed:5.1f}s")
            stream.flush()
            i += 1
        stream.write("\r" + " " * (len(label) + 12) + "\r")
        stream.flush()

    thread = threading.Thread(target=spin, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def _default_output(prompt: str, extension: str, fallback: str = "image") -> Path:
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", prompt).strip("-").lower()[:40] or fallback
    return Path(slug + (extension or ".bin"))


def _check_output(args: argparse.Namespace) -> None:
    """Refuse an -o that cannot, or must not, be written before the request is sent (and
    paid for)."""
    if args.output is None:
        return
    if args.output == STDOUT:
        if args.json_output:
            raise _UsageError("-o - and --json both write to stdout: use one of them")
        return
    path = Path(args.output)
    if path.is_dir():
        raise _UsageError(f"-o/--output: {path} is a directory")
    if not path.parent.is_dir():
        raise _UsageError(f"-o/--output: the directory {path.parent} does not exist")
    # lexists: a rename would replace a dangling symlink too.
    if os.path.lexists(path) and not args.force and not _is_device(path):
        raise _UsageError(f"-o/--output: {path} exists; add --force to overwrite it")


def _is_device(path: Path) -> bool:
    """An existing output that is not a regular file (/dev/null, /dev/stdout, a FIFO):
    written in place, as a shell's `>` would. Renaming a temporary file over it, as
    to_file= and save() do, would replace it (as root, /dev/null with a plain file)."""
    return path.exists() and not path.is_file()


def _destination(args: argparse.Namespace) -> str:
    """Where the result goes: "stdout" (-o -), "device" (see _is_device), "file" (-o FILE,
    streamed there with to_file=) or "named" (no -o: named once its type is known)."""
    if args.output is None:
        return "named"
    if args.output == STDOUT:
        return "stdout"
    return "device" if _is_device(Path(args.output)) else "file"


def _deliver(
    result: ImageResult | AudioResult,
    where: str,
    default: Path,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
) -> None:
    """A result held in memory, to stdout, a device or a file named `default` (or the
    first free name like it)."""
    if where == "stdout":
        _write_stdout(result.content, out)
        return
    if where == "device":
        path = Path(args.output)
        with path.open("wb") as device:
            device.write(result.content)
    else:
        path = _free_name(default, args, err)
        result.save(path)
    _report(SavedFile(path, result.content_type, len(result.content), result.request_id), args, out)


def _free_name(path: Path, args: argparse.Namespace, err: TextIO) -> Path:
    """The CLI's own name for the output or, when a file has it (and no --force), the
    first free NAME-1.EXT, NAME-2.EXT, ..., said on stderr. The request is paid for by
    now: refusing here would waste it."""
    if args.force or not os.path.lexists(path):
        return path
    number = 1
    while True:
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not os.path.lexists(candidate):
            err.write(f"pollinations: {path} exists; writing {candidate} (--force overwrites)\n")
            return candidate
        number += 1


def _write_stdout(data: bytes, out: TextIO) -> None:
    """`-o -`: the bytes as they are, on stdout."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # main(stdout=...) given a text-only stream
        raise _UsageError("-o -: this stdout takes text only")
    out.flush()
    buffer.write(data)
    buffer.flush()


def _report(saved: SavedFile, args: argparse.Namespace, out: TextIO) -> None:
    """Say where the result went, in words or as JSON."""
    if args.json_output:
        _print_json(
            {
                "path": str(saved.path),
                "content_type": saved.content_type,
                "bytes": saved.size,
                "request_id": saved.request_id,
            },
            out,
        )
    else:
        out.write(f"Saved {saved.content_type} ({saved.size} bytes) to {saved.path}\n")


def _amount(value: float | None, unlimited: str) -> str:
    return unlimited if value is None else f"{value:g} pollen"


def _names(values: list[str] | None, none: str) -> str:
    return none if values is None else ", ".join(values) or "(none)"


def _duration(seconds: float) -> str:
    """3d 4h, 2h 5m, 40s: the two largest units."""
    rest = max(int(seconds), 0)
    parts: list[str] = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if rest >= size or (unit == "s" and not parts):
            parts.append(f"{rest // size}{unit}")
            rest %= size
    return " ".join(parts[:2])


def _invalid(exc: InvalidParameterError, parser: argparse.ArgumentParser | None) -> str:
    """The client's message with its field named as the command line spells it
    (`response_format` is `--format`, `input` is TEXT), when it is one of its options."""
    message = str(exc)
    prefix = f"{exc.field}: "
    if parser is None or not message.startswith(prefix):
        return message
    for action in parser._actions:
        if action.dest != exc.field:
            continue
        if action.option_strings:
            label = max(action.option_strings, key=len)
        else:
            label = action.metavar if isinstance(action.metavar, str) else action.dest
        return f"argument {label}: {message[len(prefix) :]}"
    return message


def _print_json(value: Any, out: TextIO) -> None:
    out.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def _json_line(value: Any) -> str:
    """One event of a stream, as a JSON line (JSON Lines)."""
    return json.dumps(value, ensure_ascii=False) + "\n"


def _kwargs(args: argparse.Namespace, names: Sequence[str]) -> dict[str, Any]:
    """The options that were given, as keyword arguments (None means not given)."""
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


# ----------------------------------------------------------------------- commands

Command = Callable[[Pollinations, argparse.Namespace, TextIO, TextIO], None]


def _cmd_image(client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    params = _kwargs(
        args,
        [
            "model", "width", "height", "seed", "negative_prompt", "quality", "image",
            "duration", "aspect_ratio", "enhance", "safe", "transparent", "audio",
        ],
    )  # fmt: skip
    video = str(params.get("model", "")) in ("veo", "seedance")
    _check_output(args)
    where = _destination(args)
    with _progress("generating video" if video else "generating image", err):
        if where == "file":
            # Streamed to a temporary file, renamed when complete: memory stays flat.
            _report(client.images.generate(args.prompt, **params, to_file=args.output), args, out)
            return
        result = client.images.generate(args.prompt, **params)
    _deliver(result, where, _default_output(args.prompt, result.extension), args, out, err)


def _cmd_speech(client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    params = _kwargs(args, ["voice", "response_format", "model"])
    _check_output(args)
    where = _destination(args)
    with _progress("generating speech", err):
        if where == "file":
            saved = client.audio.speech.create(input=args.input, **params, to_file=args.output)
            _report(saved, args, out)
            return
        result = client.audio.speech.create(input=args.input, **params)
    # Named like an image: the text's slug, and the extension of what the server sent
    # (else of the format asked for).
    requested = f".{args.response_format}" if args.response_format else ""
    default = _default_output(args.input, result.extension or requested, "speech")
    _deliver(result, where, default, args, out, err)


def _cmd_transcribe(
    client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO
) -> None:
    params = _kwargs(args, ["model", "language"])
    with _progress("transcribing", err):
        transcription = client.audio.transcriptions.create(file=args.file, **params)
    if args.json_output:
        _print_json(transcription.to_dict(), out)
        return
    text = transcription.text if isinstance(transcription.text, str) else ""
    out.write(text + ("" if text.endswith("\n") else "\n"))


def _cmd_text(client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    params = _kwargs(args, ["model", "seed", "system", "temperature"])
    if args.json_mode:
        params["json"] = True
    if args.stream:
        with client.text.stream(args.prompt, **params) as stream:
            for piece in stream:
                # --json: a JSON object per piece, one a line, as `chat --stream --json`.
                out.write(_json_line({"text": piece}) if args.json_output else piece)
                out.flush()
        if not args.json_output:
            out.write("\n")
        return
    answer = client.text.generate(args.prompt, **params)
    if args.json_output:
        _print_json({"text": answer}, out)
    else:
        out.write(answer + ("" if answer.endswith("\n") else "\n"))


def _cmd_chat(client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    if not args.message.strip():  # as `text "  "` is refused (check_prompt)
        raise _UsageError("argument message: must not be empty")
    messages: list[dict[str, Any]] = []
    if args.system:
        messages.append({"role": "system", "content": args.system})
    messages.append({"role": "user", "content": args.message})
    params = _kwargs(args, ["temperature", "seed"])
    if args.stream:
        with client.chat.completions.create(
            messages=messages, model=args.model, stream=True, **params
        ) as stream:
            for chunk in stream:
                if args.json_output:
                    out.write(_json_line(chunk.to_dict()))
                    out.flush()
                    continue
                for choice in chunk.choices:
                    if isinstance(choice.delta.content, str):
                        out.write(choice.delta.content)
                        out.flush()
        if not args.json_output:
            out.write("\n")
        return
    completion = client.chat.completions.create(messages=messages, model=args.model, **params)
    if args.json_output:
        _print_json(completion.to_dict(), out)
        return
    content = completion.choices[0].message.content if completion.choices else None
    out.write((content if isinstance(content, str) else "") + "\n")


def _cmd_models(client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    if args.image or args.text:
        infos = client.models.image() if args.image else client.models.text()
        if args.json_output:
            _print_json([info.to_dict() for info in infos], out)
            return
        for info in infos:
            description = info.description if isinstance(info.description, str) else ""
            out.write(f"{info.name:<24} {description}\n")
        return
    listed = client.models.list()
    if args.json_output:
        _print_json([model.to_dict() for model in listed], out)
        return
    for model in listed:
        out.write(model.id + "\n")


def _cmd_balance(client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    balance = client.account.balance()
    if args.json_output:
        _print_json(balance.to_dict(), out)
    else:
        out.write(f"{balance.balance:g} pollen\n")


def _cmd_profile(client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    profile = client.account.profile().to_dict()
    if args.json_output:
        _print_json(profile, out)
        return
    for key, value in profile.items():
        out.write(f"{key:<16} {'' if value is None else value}\n")


def _cmd_key(client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    info = client.account.key()
    if args.json_output:
        _print_json(info.to_dict(), out)
        return
    if info.expires_at is None and info.expires_in is None:
        expires = "never"
    else:
        expires = str(info.expires_at or "")
        if isinstance(info.expires_in, (int, float)):
            expires = f"{expires} (in {_duration(info.expires_in)})".strip()
    permissions = info.permissions
    rows = [
        ("valid", "yes" if info.valid else "no"),
        ("type", str(info.type_)),
        ("name", info.name or "-"),
        ("expires", expires),
        ("models", _names(permissions.models, "all")),
        ("account access", _names(permissions.account, "none")),
        ("budget", _amount(info.pollen_budget, "unlimited (the account's balance)")),
        ("rate limit", "on" if info.rate_limit_enabled else "off"),
    ]
    for label, value in rows:
        out.write(f"{label:<16} {value}\n")


def _cmd_usage(client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    if args.daily:
        _usage_daily(client, args, out)
        return
    if args.csv:
        out.write(client.account.usage_csv(limit=args.limit, before=args.before))
        return
    usage = client.account.usage(limit=args.limit, before=args.before)
    if args.json_output:
        _print_json(usage.to_dict(), out)
        return
    out.write(f"{'timestamp':<20} {'type':<16} {'model':<16} {'cost_usd':>10}\n")
    for record in usage.usage:
        model = record.model if isinstance(record.model, str) else "-"
        out.write(
            f"{record.timestamp:<20} {record.type_:<16} {model:<16} {record.cost_usd:>10.6f}\n"
        )
    out.write(f"{usage.count:g} records\n")


def _usage_daily(client: Pollinations, args: argparse.Namespace, out: TextIO) -> None:
    given = [
        flag
        for flag, value in (("--limit", args.limit), ("--before", args.before))
        if value is not None
    ]
    if given:
        raise _UsageError(f"{' and '.join(given)} cannot be used with --daily")
    if args.csv:
        out.write(client.account.usage_daily_csv())
        return
    daily = client.account.usage_daily()
    if args.json_output:
        _print_json(daily.to_dict(), out)
        return
    out.write(f"{'date':<12} {'model':<24} {'source':<8} {'requests':>8} {'cost_usd':>10}\n")
    for row in daily.usage:
        model = row.model if isinstance(row.model, str) else "-"
        source = row.meter_source if isinstance(row.meter_source, str) else "-"
        out.write(
            f"{row.date:<12} {model:<24} {source:<8} {row.requests:>8g} {row.cost_usd:>10.6f}\n"
        )
    out.write(f"{daily.count:g} records\n")


COMMANDS: dict[str, Command] = {
    "image": _cmd_image,
    "text": _cmd_text,
    "chat": _cmd_chat,
    "speech": _cmd_speech,
    "transcribe": _cmd_transcribe,
    "models": _cmd_models,
    "balance": _cmd_balance,
    "profile": _cmd_profile,
    "key": _cmd_key,
    "usage": _cmd_usage,
}


class _Diagnostics(logging.Handler):
    """The library's log records and warnings, as one line each on stderr in the CLI's
    words; counts the retries, for the message when every attempt failed."""

    def __init__(self, err: TextIO, command: str) -> None:
        super().__init__(logging.INFO)
        self.err = err
        self.command = command
        self.retries = 0

    def line(self, text: str) -> None:
        # On a terminal the spinner owns the line: clear it first.
        self.err.write(("\r\x1b[K" if self.err.isatty() else "") + f"pollinations: {text}\n")
        self.err.flush()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("Retrying"):  # BaseClient._log_retry: (seconds, retry, max)
            retry = record.args[1] if isinstance(record.args, tuple) and record.args[1:] else None
            self.retries = retry if isinstance(retry, int) else self.retries + 1
            self.line(message[0].lower() + message[1:])
        else:
            self.line(f"{record.levelname.lower()}: {message}")

    def warning(
        self, message: Warning | str, category: type[Warning], *_: object, **__: object
    ) -> None:
        """For warnings.showwarning: the text alone, not Python's file:line and source."""
        text = str(message)
        if issubclass(category, PublishableKeyWarning):
            # The library names its method (chat.completions.create); the user, a command.
            _method, documented, rest = text.partition(" is documented")
            text = f"{self.command}{documented}{rest}" if documented else text
        self.line(f"warning: {text}")


@contextmanager
def _diagnostics(err: TextIO, command: str) -> Iterator[_Diagnostics]:
    handler = _Diagnostics(err, command)
    level = library_logger.level
    library_logger.addHandler(handler)
    library_logger.setLevel(logging.INFO)  # the retries are logged at INFO
    try:
        with warnings.catch_warnings():  # restores showwarning on the way out
            warnings.showwarning = handler.warning
            yield handler
    finally:
        library_logger.removeHandler(handler)
        library_logger.setLevel(level)


def _status_text(exc: APIStatusError) -> str:
    """The error as `str(exc)` says it, but with each field's message once: the server's
    own message often lists them already."""
    said = exc.server_message
    if said is None:
        return str(exc)
    text = f"HTTP {exc.status_code}" + (f" {shorten(exc.code)}" if exc.code else "")
    text += f": {shorten(said)}"
    fields = [
        f"{name}: {', '.join(messages)}"
        for name, messages in exc.field_errors.items()
        if not all(message in said for message in messages)
    ]
    forms = [message for message in exc.form_errors if message not in said]
    for extra in (fields, forms):
        if extra:
            text += f" [{shorten('; '.join(extra))}]"
    if exc.request_id:
        text += f" (request id: {shorten(exc.request_id, 100)})"
    return text


def _key_advice(args: argparse.Namespace) -> str:
    """After a 401: which key was refused, and where it came from."""
    if args.api_key:
        return "check the API key given with --api-key"
    if os.environ.get(API_KEY_ENV):
        return f"check the API key in {API_KEY_ENV}"
    return f"no API key was sent: give one with --api-key KEY or set {API_KEY_ENV}"


def _connection_text(exc: APIConnectionError, base_url: str, attempts: int) -> str:
    detail = str(exc).removeprefix("Connection error: ")
    tries = f"{attempts} attempt" + ("" if attempts == 1 else "s")
    return f"connection error with {base_url} ({tries}): {detail}"


def _silence(stream: TextIO) -> None:
    """Point a closed pipe's descriptor at /dev/null, so that the flush at exit cannot
    fail again (the recipe of Python's signal documentation, "Note on SIGPIPE")."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (main(stdout=StringIO()))
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _run_mock(mock_args: list[str]) -> int:
    try:
        from .mock import main as mock_main
    except ImportError as exc:  # the `mock` extra is not installed
        raise _UsageError(
            "the mock server needs the 'mock' extra: "
            f"pip install 'pollinations-client[mock]' ({exc})"
        ) from exc
    return mock_main(mock_args, prog="pollinations mock")


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = _build_parser()
    args, extra = parser.parse_known_args(arguments)
    if args.command == "mock":
        try:
            return _run_mock(extra)
        except _UsageError as exc:
            err.write(f"pollinations: error: {exc}\n")
            return EXIT_USAGE
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    with _diagnostics(err, args.command) as diagnostics:
        return _run(args, out, err, diagnostics)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO, diagnostics: _Diagnostics) -> int:
    """One command, its errors told in the command line's terms, with its exit code."""
    base_url = ""
    try:
        with Pollinations(api_key=args.api_key, base_url=args.base_url) as client:
            base_url = client.base_url
            COMMANDS[args.command](client, args, out, err)
        out.flush()  # a closed pipe shows here, not at exit
        return EXIT_OK
    except BrokenPipeError:  # the reader left (`| head -1`): nothing to say, no one to hear
        _silence(out)
        return EXIT_BROKEN_PIPE
    except InvalidParameterError as exc:
        err.write(f"pollinations: error: {_invalid(exc, getattr(args, 'command_parser', None))}\n")
        return EXIT_USAGE
    except MissingAPIKeyError:  # the library's message says api_key=...; this is a CLI
        err.write(
            f"pollinations: error: {args.command} needs an API key: "
            f"give it with --api-key KEY or set {API_KEY_ENV}\n"
        )
        return EXIT_USAGE
    except _UsageError as exc:
        err.write(f"pollinations: error: {exc}\n")
        return EXIT_USAGE
    except AuthenticationError as exc:
        err.write(f"pollinations: API error: {_status_text(exc)}\n")
        err.write(f"pollinations: {_key_advice(args)}\n")
        return EXIT_API_ERROR
    except APIStatusError as exc:
        err.write(f"pollinations: API error: {_status_text(exc)}\n")
        return EXIT_API_ERROR
    except APIConnectionError as exc:
        text = _connection_text(exc, base_url, diagnostics.retries + 1)
        err.write(f"pollinations: {text}\n")
        return EXIT_API_ERROR
    except APIError as exc:
        err.write(f"pollinations: error: {exc}\n")
        return EXIT_API_ERROR
    except OSError as exc:  # writing the output file
        err.write(f"pollinations: error: {exc}\n")
        return EXIT_API_ERROR
    except KeyboardInterrupt:
        err.write("\n")
        return 130


def _entry_point() -> None:
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence(sys.stdout)
        code = EXIT_BROKEN_PIPE
    sys.exit(code)


if __name__ == "__main__":
    _entry_point()

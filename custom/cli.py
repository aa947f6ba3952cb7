"""`pollinations`: the API from the command line, built on the same client as the library.

Commands: image (and video), text, chat, speech, transcribe, models, balance, profile,
key, usage (per request, or `--daily` per day and model) and mock.

Exit codes: 0 success, 1 the API (or the network) failed, 2 the command was wrong
(bad arguments, no API key). Errors go to stderr with the server's request id;
`--json` prints machine-readable results on stdout.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
import time
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

from ._base_client import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
from ._client import Pollinations
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    InvalidParameterError,
    MissingAPIKeyError,
)
from ._types import AudioResult, ImageResult

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
        help="print machine-readable JSON on stdout",
    )


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pollinations",
        description="Generate images, video and text with the pollinations.ai API.",
        epilog="Exit codes: 0 ok, 1 API error, 2 usage error.",
    )
    _common_options(parser, top_level=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help_text: str, *, own_options: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, add_help=own_options)
        sub.set_defaults(command_parser=sub)  # for naming the option in client errors
        if own_options:
            _common_options(sub, top_level=False)
        return sub

    image = command("image", "generate an image or a video and save it to a file")
    image.add_argument("prompt")
    image.add_argument("-o", "--output", type=Path, help="file to write (default: from the prompt)")
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
    text.add_argument("prompt")
    text.add_argument("--model", help=_about(GENERATE_TEXT, "model"))
    text.add_argument("--seed", type=int, help=_about(GENERATE_TEXT, "seed"))
    text.add_argument("--system", help=_about(GENERATE_TEXT, "system"))
    text.add_argument("--temperature", type=float, help=_about(GENERATE_TEXT, "temperature"))
    text.add_argument(
        "--json-mode", action="store_true", default=None, help=_about(GENERATE_TEXT, "json")
    )
    text.add_argument("--stream", action="store_true", help="print the answer as it arrives")

    chat = command("chat", "send one chat message and print the answer")
    chat.add_argument("message")
    chat.add_argument("--model", help=_about(CREATE_CHAT_COMPLETION, "model"))
    chat.add_argument("--system", help="a system message, sent before yours")
    chat.add_argument(
        "--temperature", type=float, help=_about(CREATE_CHAT_COMPLETION, "temperature")
    )
    chat.add_argument("--seed", type=int, help=_about(CREATE_CHAT_COMPLETION, "seed"))
    chat.add_argument("--stream", action="store_true", help="print the answer as it arrives")

    models = command("models", "list the available models")
    kind = models.add_mutually_exclusive_group()
    kind.add_argument("--image", action="store_true", help="image and video models")
    kind.add_argument("--text", action="store_true", help="text models, with details")

    speech = command("speech", "speak a text and save the audio to a file")
    speech.add_argument("input", metavar="TEXT", help=_about(CREATE_SPEECH, "input"))
    speech.add_argument(
        "-o", "--output", type=Path, help="file to write (default: from the text and the format)"
    )
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


def _check_output(path: Path | None) -> None:
    """Refuse an -o that cannot be written before the request is sent (and paid for)."""
    if path is None:
        return
    if path.is_dir():
        raise _UsageError(f"-o/--output: {path} is a directory")
    if not path.parent.is_dir():
        raise _UsageError(f"-o/--output: the directory {path.parent} does not exist")


def _saved(
    path: Path, result: ImageResult | AudioResult, args: argparse.Namespace, out: TextIO
) -> None:
    """Write the result to `path` and say so, in words or as JSON."""
    result.save(path)
    if args.json_output:
        _print_json(
            {
                "path": str(path),
                "content_type": result.content_type,
                "bytes": len(result.content),
                "request_id": result.request_id,
            },
            out,
        )
    else:
        out.write(f"Saved {result.content_type} ({len(result.content)} bytes) to {path}\n")


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
    _check_output(args.output)
    with _progress("generating video" if video else "generating image", err):
        result = client.images.generate(args.prompt, **params)
    _saved(args.output or _default_output(args.prompt, result.extension), result, args, out)


def _cmd_speech(client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
    params = _kwargs(args, ["voice", "response_format", "model"])
    _check_output(args.output)
    with _progress("generating speech", err):
        result = client.audio.speech.create(input=args.input, **params)
    # Named like an image: the text's slug, and the extension of what the server sent
    # (else of the format asked for).
    requested = f".{args.response_format}" if args.response_format else ""
    path = args.output or _default_output(args.input, result.extension or requested, "speech")
    _saved(path, result, args, out)


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
        pieces = []
        with client.text.stream(args.prompt, **params) as stream:
            for piece in stream:
                pieces.append(piece)
                if not args.json_output:
                    out.write(piece)
                    out.flush()
        if args.json_output:
            _print_json({"text": "".join(pieces)}, out)
        else:
            out.write("\n")
        return
    answer = client.text.generate(args.prompt, **params)
    if args.json_output:
        _print_json({"text": answer}, out)
    else:
        out.write(answer + ("" if answer.endswith("\n") else "\n"))


def _cmd_chat(client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
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
                    out.write(json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n")
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
    try:
        with Pollinations(api_key=args.api_key, base_url=args.base_url) as client:
            COMMANDS[args.command](client, args, out, err)
        return EXIT_OK
    except InvalidParameterError as exc:
        err.write(f"pollinations: error: {_invalid(exc, getattr(args, 'command_parser', None))}\n")
        return EXIT_USAGE
    except (MissingAPIKeyError, _UsageError) as exc:
        err.write(f"pollinations: error: {exc}\n")
        return EXIT_USAGE
    except APIStatusError as exc:
        err.write(f"pollinations: API error: {exc}\n")
        return EXIT_API_ERROR
    except APIConnectionError as exc:
        err.write(f"pollinations: connection error: {exc}\n")
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
    sys.exit(main())


if __name__ == "__main__":
    _entry_point()

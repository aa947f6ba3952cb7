"""`pollinations`: the API from the command line, built on the same client as the library.

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

from ._base_client import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
from ._client import Pollinations
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    InvalidParameterError,
    MissingAPIKeyError,
)

__all__ = ["main"]

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
        if own_options:
            _common_options(sub, top_level=False)
        return sub

    image = command("image", "generate an image or a video and save it to a file")
    image.add_argument("prompt")
    image.add_argument("-o", "--output", type=Path, help="file to write (default: from the prompt)")
    image.add_argument("--model", help="zimage (default), flux, gptimage...; video: veo, seedance")
    image.add_argument("--width", type=int)
    image.add_argument("--height", type=int)
    image.add_argument("--seed", type=int, help="-1 for random")
    image.add_argument("--negative-prompt")
    image.add_argument("--quality", choices=["low", "medium", "high", "hd"])
    image.add_argument(
        "--image", action="append", metavar="URL", help="reference image URL (repeatable)"
    )
    image.add_argument("--duration", type=int, help="video length in seconds")
    image.add_argument("--aspect-ratio", help="video: 16:9 or 9:16")
    for flag in ("enhance", "safe", "transparent", "audio"):
        image.add_argument(f"--{flag}", action="store_true", default=None)

    text = command("text", "generate text from a prompt")
    text.add_argument("prompt")
    text.add_argument("--model")
    text.add_argument("--seed", type=int)
    text.add_argument("--system", help="system prompt")
    text.add_argument("--temperature", type=float)
    text.add_argument(
        "--json-mode", action="store_true", default=None, help="ask the model for a JSON answer"
    )
    text.add_argument("--stream", action="store_true", help="print the answer as it arrives")

    chat = command("chat", "send one chat message and print the answer")
    chat.add_argument("message")
    chat.add_argument("--model")
    chat.add_argument("--system", help="system prompt")
    chat.add_argument("--temperature", type=float)
    chat.add_argument("--seed", type=int)
    chat.add_argument("--stream", action="store_true", help="print the answer as it arrives")

    models = command("models", "list the available models")
    kind = models.add_mutually_exclusive_group()
    kind.add_argument("--image", action="store_true", help="image and video models")
    kind.add_argument("--text", action="store_true", help="text models, with details")

    command("balance", "show the pollen balance")
    command("profile", "show the account profile")

    usage = command("usage", "show the request history")
    usage.add_argument("--limit", type=int, help="number of records (server default 100)")
    usage.add_argument("--before", help="only records older than this timestamp")
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


def _default_output(prompt: str, extension: str) -> Path:
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", prompt).strip("-").lower()[:40] or "image"
    return Path(slug + (extension or ".bin"))


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
    with _progress("generating video" if video else "generating image", err):
        result = client.images.generate(args.prompt, **params)
    path = args.output or _default_output(args.prompt, result.extension)
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


def _cmd_usage(client: Pollinations, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
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


COMMANDS: dict[str, Command] = {
    "image": _cmd_image,
    "text": _cmd_text,
    "chat": _cmd_chat,
    "models": _cmd_models,
    "balance": _cmd_balance,
    "profile": _cmd_profile,
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
    except (InvalidParameterError, MissingAPIKeyError) as exc:
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

"""`pollinations mock` and `python -m pollinations_client.custom.mock`.

The options live in this argparse parser only: the `pollinations` command hands its
arguments to `main(argv, prog=...)`, so both entry points share interface and help text.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from ._server import MockServer

BANNER = "Mock pollinations server listening on {url}"


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog or "python -m pollinations_client.custom.mock",
        description=(
            "Serve a local stand-in for the pollinations.ai API, built from the bundled "
            "openapi.yaml, until SIGINT or SIGTERM."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default %(default)s)")
    parser.add_argument(
        "--port", type=int, default=0, help="port to bind; 0 picks a free one (default %(default)s)"
    )
    parser.add_argument(
        "--balance",
        type=float,
        default=100.0,
        help="pollen every new API key starts with (default %(default)s)",
    )
    parser.add_argument(
        "--empty-key-prefix",
        default="sk_empty",
        help="keys starting with this have no pollen and get 402 (default %(default)s)",
    )
    parser.add_argument(
        "--budget-key-prefix",
        default="sk_budget",
        help="keys starting with this have a pollen budget of their own (default %(default)s)",
    )
    parser.add_argument(
        "--key-budget",
        type=float,
        default=1.0,
        help="the budget of those keys; past it they get 402 (default %(default)s)",
    )
    parser.add_argument(
        "--tier", default="seed", help="tier of every account (default %(default)s)"
    )
    parser.add_argument(
        "--latency",
        type=float,
        default=0.0,
        help="seconds to wait before every answer (default %(default)s)",
    )
    parser.add_argument(
        "--fault",
        default=None,
        help="X-Mock-Fault value applied to requests without the header, e.g. 'status=500;times=2'",
    )
    parser.add_argument(
        "--stream-interval",
        type=float,
        default=0.01,
        help="seconds between server-sent events (default %(default)s)",
    )
    parser.add_argument(
        "--max-image-size",
        type=int,
        default=4096,
        help="largest width or height served; larger asks get 400 (default %(default)s)",
    )
    parser.add_argument(
        "--keys",
        default=None,
        metavar="FILE",
        help=(
            "a YAML or JSON file declaring the valid keys with their permissions, models, "
            "budgets and rate limits; any other key gets 401 (default: every sk_ or pk_ "
            "key is valid, with every permission)"
        ),
    )
    parser.add_argument(
        "--spec", default=None, help="serve another openapi.yaml than the bundled one"
    )
    parser.add_argument("--log", action="store_true", help="log each request to stderr")
    return parser


def main(argv: list[str] | None = None, *, prog: str | None = None) -> int:
    if argv and argv[0] == "--":  # a wrapper that passes its remaining arguments after `--`
        argv = argv[1:]
    args = build_parser(prog).parse_args(argv)
    try:
        server = MockServer(
            args.host,
            args.port,
            initial_balance=args.balance,
            empty_key_prefix=args.empty_key_prefix,
            budget_key_prefix=args.budget_key_prefix,
            key_budget=args.key_budget,
            tier=args.tier,
            latency=args.latency,
            fault=args.fault,
            stream_interval=args.stream_interval,
            max_image_size=args.max_image_size,
            spec_path=args.spec,
            log_requests=args.log,
            keys=args.keys,
        )
        server.start()
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr, flush=True)
        return 1
    print(BANNER.format(url=server.url), flush=True)
    stopping = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    previous = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, request_stop)
    try:
        while not stopping.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 0

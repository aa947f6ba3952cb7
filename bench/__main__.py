"""`make bench` / `python -m bench [--quick]`: one table, and the same as JSON.

Figures: chat call, chat stream (sent as one HTTP chunk per event, and as one
length-framed body), one long stream line sent in small pieces, image download and
memory, usage parsing, import time and generation time; each against raw httpx (and the
openai library where it applies), the client measured with and without the `speedups`
extra, taken in one run on this machine.
`--quick` runs tiny sizes (the test suite's smoke test).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import attrs

from ._cases import (
    FULL,
    QUICK,
    Figure,
    chat_call,
    chat_stream,
    clean_venv,
    download_to_file,
    generate_time,
    image_download,
    import_time,
    long_line,
    usage_parse,
)
from ._harness import bench_server

RESULTS = Path(__file__).resolve().parent / "results"


def _table(figures: list[Figure]) -> str:
    lines = [
        f"{'case':<36} {'contender':<42} {'value':>12} {'unit':<8} {'ratio':>7}  target",
        "-" * 124,
    ]
    case = None
    for f in figures:
        shown_case = f.case if f.case != case else ""
        case = f.case
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else ""
        verdict = "" if f.met is None else ("  ok" if f.met else "  MISSED")
        target = (f.target or "") + verdict
        lines.append(
            f"{shown_case:<36} {f.contender:<42} {f.value:>12.3f} {f.unit:<8} {ratio:>7}  {target}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks the harness runs")
    parser.add_argument("--results-dir", type=Path, default=RESULTS)
    parser.add_argument(
        "--no-clean-venv", action="store_true", help="skip the import figure in a clean venv"
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    started = time.strftime("%Y-%m-%dT%H-%M-%S")
    figures: list[Figure] = []
    with bench_server(
        sizes.chunks, sizes.image_bytes, sizes.usage_records, long_line_bytes=sizes.long_line_bytes
    ) as url:
        for case in (chat_call, image_download, usage_parse, long_line):
            print(f"measuring {case.__name__} ...", file=sys.stderr, flush=True)
            figures += case(url, sizes)
        print("measuring download_to_file ...", file=sys.stderr, flush=True)
        with bench_server(0, sizes.file_bytes, 0) as file_url:
            figures += download_to_file(file_url, sizes)
        for framing in ("chunked", "length"):
            print(f"measuring chat_stream ({framing}) ...", file=sys.stderr, flush=True)
            with bench_server(sizes.chunks, 0, 0, framing) as stream_url:
                figures += chat_stream(stream_url, sizes, framing)
    print("measuring import time ...", file=sys.stderr, flush=True)
    figures += import_time(sizes, None if args.no_clean_venv else clean_venv())
    if not args.quick:
        print("measuring make generate ...", file=sys.stderr, flush=True)
        figures += generate_time()
    print(_table(figures))
    args.results_dir.mkdir(parents=True, exist_ok=True)
    out = args.results_dir / f"{started}{'-quick' if args.quick else ''}.json"
    out.write_text(
        json.dumps(
            {
                "started": started,
                "machine": {"python": platform.python_version(), "platform": platform.platform()},
                "sizes": attrs.asdict(sizes),
                "figures": [attrs.asdict(f) for f in figures],
                "missed": [f"{f.case}: {f.contender}" for f in figures if f.met is False],
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

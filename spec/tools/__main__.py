"""Command line: `python -m spec.tools update ...` and `python -m spec.tools diff ...`.

Exit status, so that CI can tell the outcomes apart:
- `update`: 0 when openapi.yaml was written (or was already current), 2 on an error;
- `diff`: 0 when nothing breaking changed, 1 when something did, 2 on an error.
(`make spec-diff` cannot pass 1 on: GNU make exits 2 whenever a recipe fails, so the
make target fails on breaking changes and on errors alike; the JSON report tells which.)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pollinations_client.custom import _openapi as openapi

from . import canonical, diff, overlay, update


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m spec.tools", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    up = commands.add_parser(
        "update",
        help="upstream document + overlay -> openapi.yaml, spec/lock.json, CHANGELOG.md",
    )
    up.add_argument("source", help="upstream OpenAPI document: http(s) URL or file, JSON or YAML")
    up.add_argument("--spec", type=Path, default=update.DEFAULT_SPEC)
    up.add_argument("--overlay", type=Path, default=update.DEFAULT_OVERLAY)
    up.add_argument("--lock", type=Path, default=update.DEFAULT_LOCK)
    up.add_argument("--changelog", type=Path, default=update.DEFAULT_CHANGELOG)
    up.add_argument("--names", type=Path, default=update.DEFAULT_NAMES)
    up.add_argument(
        "--upstream-dir",
        type=Path,
        default=update.DEFAULT_UPSTREAM,
        help="where upstream's documents are kept, byte for byte",
    )
    up.add_argument(
        "--generator-config",
        type=Path,
        default=update.DEFAULT_GENERATOR_CONFIG,
        help="the generator's configuration, for the check that it reads the result cleanly",
    )

    dif = commands.add_parser(
        "diff",
        help="classified report of the changes between two revisions",
        description=(
            "A document that starts with update-spec's header (openapi.yaml) is compared"
            " as is. An upstream revision compared with one of ours is prepared as"
            " update-spec would (derived names, pinned models, overlay): the report says"
            " what update-spec would change. Two upstream revisions get our names but not"
            " the overlay: the report says what upstream changed. --raw compares both"
            " documents exactly as given."
        ),
    )
    dif.add_argument("old", help="the revision before (usually openapi.yaml)")
    dif.add_argument("new", help="the candidate: http(s) URL or file, JSON or YAML")
    dif.add_argument("--overlay", type=Path, default=update.DEFAULT_OVERLAY)
    dif.add_argument("--names", type=Path, default=update.DEFAULT_NAMES)
    dif.add_argument("--raw", action="store_true", help="compare both documents exactly as given")
    dif.add_argument("--json", type=Path, help="also write the report as JSON to this file")
    dif.add_argument("--markdown", type=Path, help="also write the Markdown report to this file")
    return parser


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "update":
            return _update(args)
        return _diff(args)
    except (
        update.UpdateError,
        canonical.DocumentError,
        overlay.OverlayError,
        openapi.UnresolvedReference,
    ) as exc:
        print(f"spec.tools {args.command}: {exc}", file=sys.stderr)
        return 2


def _update(args: argparse.Namespace) -> int:
    result = update.update(
        args.source,
        spec_path=args.spec,
        overlay_path=args.overlay,
        lock_path=args.lock,
        changelog_path=args.changelog,
        names_path=args.names,
        upstream_dir=args.upstream_dir,
        generator_config=args.generator_config,
    )
    if result.reapplied:
        print(
            f"update-spec: {args.source} is ours: re-applied the names and the overlay"
            f" to {result.snapshot}"
        )
    for target in result.prepared.unmatched:
        print(f"update-spec: warning: {target} matched nothing", file=sys.stderr)
    for pin in result.prepared.missing:
        print(
            f"update-spec: note: pinned model location not in this revision: {pin}", file=sys.stderr
        )
    for name in result.prepared.unpinned:
        print(f"update-spec: note: no name pinned in the overlay for {name}", file=sys.stderr)
    if not result.changed:
        print(f"update-spec: {args.spec} unchanged ({args.lock} records {result.snapshot})")
        return 0
    print(f"update-spec: wrote {args.spec} and {args.lock}; appended to {args.changelog}:")
    print()
    print(result.entry, end="")
    return 0


def _diff(args: argparse.Namespace) -> int:
    # Two upstream revisions are compared without our corrections (see the description).
    fetched = [(source, update.fetch(source)) for source in (args.old, args.new)]
    with_overlay = any(update.is_written_by_us(data) for _, data in fetched)
    old, new = (
        update.load_for_diff(
            source, data, args.overlay, args.names, raw=args.raw, apply_overlay=with_overlay
        )
        for source, data in fetched
    )
    report = diff.compare(old, new, args.old, args.new)
    text = diff.markdown(report)
    if args.json is not None:
        _write(args.json, report.json_text())
    if args.markdown is not None:
        _write(args.markdown, text)
    print(text, end="")
    return 1 if report.breaking else 0


if __name__ == "__main__":
    sys.exit(main())

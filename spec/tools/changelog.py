"""CHANGELOG.md entries: what each `make update-spec` changed, for people.

The spec-diff report is for review; the changelog is the record that stays. Each entry
lists every breaking and to-review change and every non-breaking one except description
edits, which are only counted (the git diff of openapi.yaml has them word for word).
Entries are appended, newest last, so that concurrent updates merge like any text.

The date comes from SOURCE_DATE_EPOCH when it is set (the reproducible-builds
convention), so a test or a rebuild can make the same entry twice.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import diff

HEADING = (
    "# Changelog\n"
    "\n"
    "Changes of the pollinations.ai API as `make update-spec` pulled them into `openapi.yaml`\n"
    "(and so into the generated client), newest last. Each entry comes from the spec-diff\n"
    "report; see spec/README.md.\n"
)


def today() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
        if epoch
        else datetime.datetime.now(tz=datetime.timezone.utc)
    )
    return moment.date().isoformat()


def entry(
    report: diff.Report,
    *,
    source: str,
    upstream_version: Any,
    spec_sha256: str,
    unmatched: list[str],
    unpinned: list[str],
    missing: Sequence[str] = (),
    date: str | None = None,
) -> str:
    lines = [
        f"## {date or today()}: upstream {upstream_version}, openapi.yaml {spec_sha256[:12]}",
        "",
        f"From `{source}`. " + diff.summary_line(report) + ".",
        "",
    ]
    descriptions = 0
    for change in report.changes:
        if change.kind == "description-changed":
            descriptions += 1
            continue
        side = f" ({change.direction})" if change.direction in diff.SIDES else ""
        lines.append(f"- {change.severity}: `{change.location}`: {change.detail}{side}")
    if descriptions:
        noun = "description" if descriptions == 1 else "descriptions"
        lines.append(f"- non-breaking: {descriptions} {noun} or summaries changed")
    if not report.changes:
        lines.append("- no API changes (formatting or examples only)")
    for target in unmatched:
        lines.append(f"- overlay action matched nothing, fix no longer applied: `{target}`")
    for name in unpinned:
        lines.append(f"- operation named from its path, pin a name in spec/overlay.yaml: {name}")
    for pin in missing:
        lines.append(f"- pinned model name whose location this revision lacks: {pin}")
    return "\n".join(lines) + "\n"


def append(path: Path, text: str) -> None:
    """Append an entry, creating the file with its heading when missing."""
    current = path.read_text(encoding="utf-8") if path.exists() else HEADING
    if not current.endswith("\n"):
        current += "\n"
    path.write_text(current + "\n" + text, encoding="utf-8")

"""`make update-spec`: upstream's document + spec/overlay.yaml -> openapi.yaml, lock, changelog.

The steps, and why each is there:
1. fetch the bytes (an http(s) URL or a file) and read them as JSON or YAML;
2. give every operation a clean, stable Python name before anything else: upstream's
   operationIds are not meant for code (`getGenerateImage:prompt{[\\s\\S]+}`) and its tags
   are not our module packages, so each operation's operationId and first tag are
   derived from its method and path (`get_audio_voices`, tag `audio`) whatever upstream
   wrote. The overlay then pins the names we chose: a new upstream operation still gets
   a clean name at once, and the report lists it so that someone pins a better one;
3. apply the overlay (every other correction we make lives there, reviewable);
4. write openapi.yaml in canonical form (same input, same bytes), and spec/lock.json
   with the source and hashes (no timestamp, so the lock is reproducible too);
5. diff the previous openapi.yaml against the new one and, when the spec changed,
   append an entry to CHANGELOG.md. Generation is left to `make generate`.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import canonical, changelog, diff, overlay

DEFAULT_SPEC = Path("openapi.yaml")
DEFAULT_OVERLAY = Path("spec/overlay.yaml")
DEFAULT_LOCK = Path("spec/lock.json")
DEFAULT_CHANGELOG = Path("CHANGELOG.md")

CLEAN_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_VERSION_SEGMENT = re.compile(r"^v[0-9]+$")


class UpdateError(RuntimeError):
    """The update cannot produce a usable openapi.yaml."""


def fetch(source: str, timeout: float = 60.0) -> bytes:
    """The bytes of an http(s) URL, a file:// URL or a file path."""
    scheme = urllib.parse.urlsplit(source).scheme.lower()
    if scheme in ("http", "https"):
        request = urllib.request.Request(
            source,
            headers={
                "Accept": "application/json, application/yaml;q=0.9, */*;q=0.1",
                "User-Agent": "pollinations-client-spec-tools",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                data: bytes = response.read()
        except OSError as exc:
            raise UpdateError(f"cannot fetch {source}: {exc}") from exc
        return data
    if scheme == "file":
        path = Path(urllib.request.url2pathname(urllib.parse.urlsplit(source).path))
    else:
        path = Path(source)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UpdateError(f"cannot read {source}: {exc}") from exc


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ----------------------------------------------------------------------- names


def _snake(text: str) -> str:
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def derived_operation_id(method: str, path: str) -> str:
    """`GET /audio/{voice}/sample` -> `get_audio_by_voice_sample`: clean and stable."""
    words = [method.lower()]
    for segment in path.strip("/").split("/"):
        parameter = re.fullmatch(r"\{(.+)\}", segment)
        if parameter:
            words += ["by", _snake(parameter.group(1))]
        elif segment:
            words.append(_snake(segment))
    name = "_".join(word for word in words if word)
    name = re.sub(r"_+", "_", name)
    if not name[:1].isalpha():
        name = "op_" + name
    return name


def derived_tag(path: str) -> str:
    """The first path segment that is neither a version (`v1`) nor a parameter."""
    for segment in path.strip("/").split("/"):
        if segment and not segment.startswith("{") and not _VERSION_SEGMENT.match(segment):
            tag = _snake(segment)
            if tag and tag[0].isalpha():
                return tag
    return "default"


def _with_key(node: dict[str, Any], key: str, value: Any, after: str | None) -> dict[str, Any]:
    """Set `key` in place if present; else insert it after `after` (or first)."""
    if key in node:
        node[key] = value
        return node
    items = list(node.items())
    position = list(node).index(after) + 1 if after in node else 0
    items.insert(position, (key, value))
    return dict(items)


def normalize_names(document: dict[str, Any]) -> dict[str, Any]:
    """Every operation's operationId and tags derived from its method and path."""
    result = copy.deepcopy(document)
    paths = result.get("paths")
    if not isinstance(paths, dict):
        raise UpdateError("the document has no `paths`")
    taken: set[str] = set()
    for path, method, operation in list(diff.iter_operations(paths)):
        name = derived_operation_id(method, path)
        candidate, number = name, 2
        while candidate in taken:  # `/a/b` and `/a_b`: keep both, deterministically
            candidate, number = f"{name}_{number}", number + 1
        taken.add(candidate)
        renamed = _with_key(operation, "operationId", candidate, None)
        paths[path][method] = _with_key(renamed, "tags", [derived_tag(path)], "operationId")
    return result


# ------------------------------------------------------------------- pipeline


@dataclass
class Prepared:
    document: dict[str, Any]
    unmatched: list[str] = field(default_factory=list)
    unpinned: list[str] = field(default_factory=list)


def load_overlay(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UpdateError(f"cannot read the overlay {path}: {exc}") from exc


def prepare(upstream: dict[str, Any], overlay_document: Any) -> Prepared:
    """Upstream's document as we use it: derived names, then the overlay."""
    if not str(upstream.get("openapi", "")).startswith("3."):
        raise UpdateError(f"not an OpenAPI 3 document (openapi: {upstream.get('openapi')!r})")
    normalized = normalize_names(upstream)
    try:
        applied = overlay.apply(normalized, overlay_document)
    except overlay.OverlayError as exc:
        raise UpdateError(f"overlay: {exc}") from exc
    prepared = Prepared(document=applied.document, unmatched=applied.unmatched)
    pinned = {
        id(location.node)
        for action in overlay.validate(overlay_document)
        if isinstance(action.get("update"), dict) and "operationId" in action["update"]
        for location in overlay.select(applied.document, action["target"])
    }
    seen: dict[str, str] = {}
    for path, method, operation in diff.iter_operations(applied.document["paths"]):
        label = f"{method.upper()} {path}"
        operation_id = operation.get("operationId")
        if not isinstance(operation_id, str) or not CLEAN_NAME.match(operation_id):
            raise UpdateError(f"{label}: operationId {operation_id!r} is not snake_case")
        if operation_id in seen:
            raise UpdateError(
                f"{label} and {seen[operation_id]} share the operationId {operation_id}"
            )
        seen[operation_id] = label
        tags = operation.get("tags")
        if not isinstance(tags, list) or not tags or not CLEAN_NAME.match(str(tags[0])):
            raise UpdateError(f"{label}: first tag {tags!r} is not a clean package name")
        if id(operation) not in pinned:
            prepared.unpinned.append(f"{label} -> {operation_id}")
    return prepared


def is_written_by_us(data: bytes) -> bool:
    """openapi.yaml as update-spec writes it (already prepared), not an upstream revision."""
    return data.startswith(canonical.HEADER.encode("utf-8"))


def load_for_diff(source: str, overlay_path: Path, raw: bool) -> dict[str, Any]:
    """A document for `spec-diff`: ours as is, an upstream revision prepared like update-spec."""
    data = fetch(source)
    document = canonical.parse(data, source)
    if raw or is_written_by_us(data):
        return document
    return prepare(document, load_overlay(overlay_path)).document


def lock_text(
    source: str, upstream: bytes, upstream_version: Any, overlay_bytes: bytes, written: bytes
) -> str:
    lock = {
        "comment": "Written by `make update-spec`: what openapi.yaml was made from.",
        "source": source,
        "upstream_sha256": sha256(upstream),
        "upstream_version": upstream_version,
        "overlay_sha256": sha256(overlay_bytes),
        "openapi_sha256": sha256(written),
    }
    return json.dumps(lock, indent=2, ensure_ascii=False) + "\n"


@dataclass
class UpdateResult:
    changed: bool
    report: diff.Report
    prepared: Prepared
    entry: str | None


def update(
    source: str,
    spec_path: Path = DEFAULT_SPEC,
    overlay_path: Path = DEFAULT_OVERLAY,
    lock_path: Path = DEFAULT_LOCK,
    changelog_path: Path = DEFAULT_CHANGELOG,
    date: str | None = None,
) -> UpdateResult:
    upstream_bytes = fetch(source)
    try:
        upstream = canonical.parse(upstream_bytes, source)
    except canonical.DocumentError as exc:
        raise UpdateError(str(exc)) from exc
    overlay_bytes = overlay_path.read_bytes() if overlay_path.exists() else b""
    prepared = prepare(upstream, load_overlay(overlay_path))
    written = canonical.dump_bytes(prepared.document)

    previous_bytes = spec_path.read_bytes() if spec_path.exists() else None
    previous = canonical.parse(previous_bytes, str(spec_path)) if previous_bytes else {}
    report = diff.compare(previous, prepared.document, str(spec_path), source)
    changed = previous_bytes != written

    if changed:
        spec_path.write_bytes(written)
    version = (upstream.get("info") or {}).get("version")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path.write_text(
        lock_text(source, upstream_bytes, version, overlay_bytes, written), encoding="utf-8"
    )
    entry = None
    if changed:
        entry = changelog.entry(
            report,
            source=source,
            upstream_version=version,
            spec_sha256=sha256(written),
            unmatched=prepared.unmatched,
            unpinned=prepared.unpinned,
            date=date,
        )
        changelog.append(changelog_path, entry)
    return UpdateResult(changed=changed, report=report, prepared=prepared, entry=entry)

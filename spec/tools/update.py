"""`make update-spec`: upstream's document + spec/names.yaml + spec/overlay.yaml -> openapi.yaml.

The steps, and why each is there:
1. fetch the bytes (an http(s) URL or a file) and keep them, byte for byte, in
   spec/upstream/ (a revision already there is not copied again), so that the overlay can
   always be re-applied to upstream's own text. Given our own openapi.yaml, the update
   re-applies everything to the snapshot spec/lock.json names: that is how a changed (or
   removed) overlay action takes effect;
2. give every operation a clean, stable Python name before anything else: upstream's
   operationIds are not meant for code (`getGenerateImage:prompt{[\\s\\S]+}`) and its tags
   are not our module packages, so each operation's operationId and first tag are
   derived from its method and path (`get_audio_voices`, tag `audio`) whatever upstream
   wrote. The overlay then pins the names we chose: a new upstream operation still gets
   a clean name at once, and the report lists it so that someone pins a better one;
3. hoist the inline schemas spec/names.yaml pins into named components (hoist.py), so
   the generated models keep their names whatever upstream inlines;
4. apply the overlay (every other correction we make lives there, reviewable);
5. check the result (check.py): valid OpenAPI 3.1, no dangling `$ref`, every security
   scheme defined, no generator warning (so no two schemas with one Python name). On a
   problem nothing is written, and the error names the overlay action or the upstream
   location at fault;
6. write openapi.yaml in canonical form (same input, same bytes), and spec/lock.json
   with the snapshot and hashes (no timestamp, so the lock is reproducible too);
7. diff the previous openapi.yaml against the new one and, when the spec changed,
   append an entry to CHANGELOG.md. Generation is left to `make generate`.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pollinations_client.custom import _openapi as openapi

from . import canonical, changelog, check, diff, hoist, overlay

DEFAULT_SPEC = Path("openapi.yaml")
DEFAULT_OVERLAY = Path("spec/overlay.yaml")
DEFAULT_LOCK = Path("spec/lock.json")
DEFAULT_CHANGELOG = Path("CHANGELOG.md")
DEFAULT_NAMES = Path("spec/names.yaml")
DEFAULT_UPSTREAM = Path("spec/upstream")
DEFAULT_GENERATOR_CONFIG = Path("generator-config.yaml")

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
    for path, method, operation in list(openapi.iter_operations(paths)):
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
    missing: list[str] = field(default_factory=list)
    problems: list[check.Problem] = field(default_factory=list)


def load_overlay(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UpdateError(f"cannot read the overlay {path}: {exc}") from exc


def load_pins(path: Path) -> list[hoist.Pin]:
    # A names file that is not there is an error, as for the overlay: without it every
    # pinned model would silently lose its name.
    try:
        return hoist.load(path)
    except hoist.HoistError as exc:
        raise UpdateError(str(exc)) from exc


def prepare(
    upstream: dict[str, Any],
    overlay_document: Any,
    pins: list[hoist.Pin],
    *,
    apply_overlay: bool = True,
    generator_config: Path | None = None,
    sources: tuple[str, str] = (str(DEFAULT_NAMES), str(DEFAULT_OVERLAY)),
) -> Prepared:
    """Upstream's document as we use it: derived names, pinned models, then the overlay.

    The checks run on the result (with the generator's parser when `generator_config`
    is given); their findings are in `problems`, for the caller to refuse the document.
    `sources` names the names file and the overlay in error messages.
    """
    if not str(upstream.get("openapi", "")).startswith("3."):
        raise UpdateError(f"not an OpenAPI 3 document (openapi: {upstream.get('openapi')!r})")
    normalized = normalize_names(upstream)
    try:
        hoisted = hoist.hoist(normalized, pins)
    except hoist.HoistError as exc:
        raise UpdateError(f"{sources[0]}: {exc}") from exc
    provenance = check.Provenance(origins=hoisted.origins)
    prepared = Prepared(document=hoisted.document, missing=hoisted.missing)
    pinned: set[int] = set()
    if apply_overlay:
        try:
            applied = overlay.apply(hoisted.document, overlay_document)
        except overlay.OverlayError as exc:
            raise UpdateError(f"{sources[1]}: {exc}") from exc
        prepared.document = applied.document
        prepared.unmatched = applied.unmatched
        provenance.written, provenance.removed = applied.written, applied.removed
        # The operations whose operationId an action set.
        pinned = {
            id(openapi.get(applied.document, spot.rsplit("/", 1)[0]))
            for spots in applied.written.values()
            for spot in spots
            if spot.endswith("/operationId")
        }
    seen: dict[str, str] = {}
    for path, method, operation in openapi.iter_operations(prepared.document["paths"]):
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
        if apply_overlay and id(operation) not in pinned:
            prepared.unpinned.append(f"{label} -> {operation_id}")
    prepared.problems = check.problems(prepared.document, provenance, generator_config)
    return prepared


def refuse(prepared: Prepared, what: str) -> None:
    """Raise UpdateError listing the problems, if there are any."""
    if prepared.problems:
        lines = "\n".join(f"  - {problem}" for problem in prepared.problems)
        raise UpdateError(f"{what} has {len(prepared.problems)} problem(s):\n{lines}")


def is_written_by_us(data: bytes) -> bool:
    """openapi.yaml as update-spec writes it (already prepared), not an upstream revision."""
    return data.startswith(canonical.HEADER.encode("utf-8"))


def load_for_diff(
    source: str,
    data: bytes,
    overlay_path: Path,
    names_path: Path,
    *,
    raw: bool = False,
    apply_overlay: bool = True,
) -> dict[str, Any]:
    """A document for `spec-diff`: ours as is, an upstream revision prepared like update-spec.

    With `apply_overlay=False` an upstream revision gets our names (operations, pinned
    models) but none of our corrections: how two upstream revisions are compared, so the
    report shows what upstream changed and nothing the overlay did.
    """
    document = canonical.parse(data, source)
    if raw or is_written_by_us(data):
        return document
    prepared = prepare(
        document, load_overlay(overlay_path), load_pins(names_path), apply_overlay=apply_overlay
    )
    refuse(prepared, source)
    return prepared.document


def lock_text(
    snapshot: str,
    upstream: bytes,
    upstream_version: Any,
    overlay_bytes: bytes,
    names_bytes: bytes,
    written: bytes,
) -> str:
    lock = {
        "comment": "Written by `make update-spec`: what openapi.yaml was made from.",
        "source": snapshot,
        "upstream_sha256": sha256(upstream),
        "upstream_version": upstream_version,
        "overlay_sha256": sha256(overlay_bytes),
        "names_sha256": sha256(names_bytes),
        "openapi_sha256": sha256(written),
    }
    return json.dumps(lock, indent=2, ensure_ascii=False) + "\n"


def _root(lock_path: Path) -> Path:
    """The repository the lock belongs to (it is `<root>/spec/lock.json`): the lock's paths
    are relative to it, so the lock reads the same wherever the update ran from."""
    return lock_path.parent.parent


def locked_snapshot(lock_path: Path) -> tuple[Path, bytes]:
    """The upstream snapshot spec/lock.json says openapi.yaml was made from, and its bytes
    (refused if they are not the ones the lock recorded)."""
    try:
        lock = json.loads(lock_path.read_text(encoding="utf-8"))
        snapshot = _root(lock_path) / lock["source"]
        expected = lock["upstream_sha256"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UpdateError(f"{lock_path} names no upstream snapshot: {exc}") from exc
    data = fetch(str(snapshot))
    if sha256(data) != expected:
        raise UpdateError(f"{snapshot} is not the document {lock_path} recorded (sha256 differs)")
    return snapshot, data


def _written_atomically(path: Path, data: bytes) -> None:
    """Write a file whole or not at all (a temporary file beside it, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def snapshot_for(source: str, data: bytes, upstream_dir: Path, date: str | None) -> Path:
    """Where upstream's bytes are kept: the file itself, an equal one, or a new file."""
    scheme = urllib.parse.urlsplit(source).scheme.lower()
    if scheme not in ("http", "https", "file"):
        path = Path(source)
        if path.parent.resolve() == upstream_dir.resolve():
            return upstream_dir / path.name
    digest = sha256(data)
    if upstream_dir.is_dir():
        for kept in sorted(upstream_dir.iterdir()):
            if kept.is_file() and sha256(kept.read_bytes()) == digest:
                return kept
    suffix = ".json" if data.lstrip().startswith((b"{", b"[")) else ".yaml"
    return upstream_dir / f"{date or changelog.today()}-{digest[:12]}{suffix}"


@dataclass
class UpdateResult:
    changed: bool
    report: diff.Report
    prepared: Prepared
    entry: str | None
    snapshot: Path
    reapplied: bool


def update(
    source: str,
    spec_path: Path = DEFAULT_SPEC,
    overlay_path: Path = DEFAULT_OVERLAY,
    lock_path: Path = DEFAULT_LOCK,
    changelog_path: Path = DEFAULT_CHANGELOG,
    names_path: Path = DEFAULT_NAMES,
    upstream_dir: Path = DEFAULT_UPSTREAM,
    generator_config: Path | None = DEFAULT_GENERATOR_CONFIG,
    date: str | None = None,
) -> UpdateResult:
    upstream_bytes = fetch(source)
    reapplied = is_written_by_us(upstream_bytes)
    if reapplied:
        # Our own openapi.yaml: re-apply names and overlay to the upstream text it came from.
        snapshot, upstream_bytes = locked_snapshot(lock_path)
        source = snapshot.relative_to(_root(lock_path)).as_posix()
    else:
        snapshot = snapshot_for(source, upstream_bytes, upstream_dir, date)
    try:
        upstream = canonical.parse(upstream_bytes, source)
    except canonical.DocumentError as exc:
        raise UpdateError(str(exc)) from exc
    overlay_document = load_overlay(overlay_path)
    pins = load_pins(names_path)
    prepared = prepare(
        upstream,
        overlay_document,
        pins,
        generator_config=generator_config,
        sources=(str(names_path), str(overlay_path)),
    )
    refuse(prepared, f"the document made from {source}")
    written = canonical.dump_bytes(prepared.document)

    previous_bytes = spec_path.read_bytes() if spec_path.exists() else None
    previous = canonical.parse(previous_bytes, str(spec_path)) if previous_bytes else {}
    try:
        report = diff.compare(previous, prepared.document, str(spec_path), source)
    except openapi.UnresolvedReference as exc:
        raise UpdateError(f"{spec_path}, as it was, cannot be compared: {exc}") from exc
    changed = previous_bytes != written

    # Each file whole or not at all, upstream's bytes first: the lock never names a
    # snapshot or a spec that is not there.
    if not snapshot.exists():
        _written_atomically(snapshot, upstream_bytes)
    if changed:
        _written_atomically(spec_path, written)
    version = (upstream.get("info") or {}).get("version")
    locked = os.path.relpath(snapshot, _root(lock_path)).replace(os.sep, "/")
    lock = lock_text(
        locked,
        upstream_bytes,
        version,
        overlay_path.read_bytes(),
        names_path.read_bytes(),
        written,
    )
    _written_atomically(lock_path, lock.encode("utf-8"))
    entry = None
    if changed:
        entry = changelog.entry(
            report,
            source=source,
            upstream_version=version,
            spec_sha256=sha256(written),
            unmatched=prepared.unmatched,
            unpinned=prepared.unpinned,
            missing=prepared.missing,
            date=date,
        )
        changelog.append(changelog_path, entry)
    return UpdateResult(
        changed=changed,
        report=report,
        prepared=prepared,
        entry=entry,
        snapshot=snapshot,
        reapplied=reapplied,
    )

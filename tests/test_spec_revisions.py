"""Upstream's four real revisions (spec/upstream/), as a user tracking upstream meets them.

Each revision is taken by `make update-spec SPEC=spec/upstream/<revision>` in a copy of
the repository, which regenerates the client there: it must succeed (the generator runs
with --fail-on-warning, and update-spec's own checks run the generator's parser first),
give one clean module per operation and every pinned model its name, and leave a custom
layer that imports. Then `spec-diff` between revisions must tell upstream's real changes,
each once, and nothing the overlay caused.
"""

from __future__ import annotations

import ast
import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from _repo_copy import REPO_ROOT, copy_repository, make, python_in
from _spec import EXPECTED_OPERATIONS

from pollinations_client.custom import _openapi as openapi
from spec.tools import __main__ as cli
from spec.tools import canonical, diff, hoist, update

UPSTREAM = REPO_ROOT / "spec" / "upstream"
REVISIONS = sorted(path.name for path in UPSTREAM.glob("*.json"))
BASELINE = "2026-03-03-c1cbc69.json"
OLDEST = "2026-02-08-0b26ef1.json"
RECONSTRUCTION = Path(__file__).resolve().parent / "spec_fixtures" / "reconstruction.yaml"
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
# The four revisions' operations, by the name we give each (the issue's table).
NAMES = {
    (method.lower(), path): f"{tag}/{operation_id}"
    for method, path, operation_id, tag in EXPECTED_OPERATIONS
}
FUNCTIONS = {"sync": False, "sync_detailed": False, "asyncio": True, "asyncio_detailed": True}

# What the copy reports about its own regenerated client.
PROBE = """
import json
import pollinations_client.models as models
import pollinations_client.custom
print(json.dumps(sorted(name for name in models.__all__ if hasattr(models, name))))
"""


@dataclass
class Taken:
    revision: str
    root: Path
    output: str
    raw: dict[str, Any]


@pytest.fixture(scope="module", params=REVISIONS)
def taken(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Taken:
    revision: str = request.param
    root = copy_repository(tmp_path_factory.mktemp(revision.split(".")[0]) / "repo")
    updated = make(root, "update-spec", f"SPEC=spec/upstream/{revision}")
    assert updated.returncode == 0, updated.stdout[-3000:] + updated.stderr[-3000:]
    raw = json.loads((UPSTREAM / revision).read_text(encoding="utf-8"))
    return Taken(revision, root, updated.stdout + updated.stderr, raw)


def test_update_spec_takes_the_revision_and_regenerates(taken: Taken) -> None:
    assert "generate: pollinations_client/ rewritten from openapi.yaml" in taken.output
    lock = json.loads((taken.root / "spec" / "lock.json").read_text())
    assert lock["source"] == f"spec/upstream/{taken.revision}"
    assert (taken.root / lock["source"]).read_bytes() == (UPSTREAM / taken.revision).read_bytes()
    # Nothing the generator could warn about was left: update-spec ran its parser first.
    assert "problem(s)" not in taken.output


def test_one_clean_module_per_operation_with_the_four_functions(taken: Taken) -> None:
    operations = {(method, path) for path, method, _ in openapi.iter_operations(taken.raw["paths"])}
    assert len(operations) == (11 if taken.revision == OLDEST else 15)
    expected = {NAMES[operation] for operation in operations}
    api = taken.root / "pollinations_client" / "api"
    modules = {
        f"{path.parent.name}/{path.stem}" for path in api.glob("*/*.py") if path.stem != "__init__"
    }
    assert modules == expected
    for module in modules:
        package, name = module.split("/")
        assert SNAKE_CASE.match(package) and SNAKE_CASE.match(name), module
        tree = ast.parse((api / f"{module}.py").read_text(encoding="utf-8"))
        functions = {
            node.name: isinstance(node, ast.AsyncFunctionDef)
            for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
        assert {name: functions.get(name) for name in FUNCTIONS} == FUNCTIONS, module


def test_every_pinned_model_has_its_name_and_the_custom_layer_imports(taken: Taken) -> None:
    probe = python_in(taken.root, PROBE)
    assert probe.returncode == 0, probe.stderr[-3000:]
    generated = set(json.loads(probe.stdout))
    pins = update.load_pins(REPO_ROOT / "spec" / "names.yaml")
    present = [pin.name for pin in pins if any(_exists(taken.raw, loc) for loc in pin.locations)]
    assert len(present) >= len(pins) - 3  # 0b26ef1 lacks the three audio models
    assert set(present) <= generated, sorted(set(present) - generated)
    absent = {pin.name for pin in pins} - set(present)
    if taken.revision == OLDEST:
        assert absent == {"SpeechRequest", "TranscriptionRequest", "Transcription"}
        for name in absent:
            assert f"pinned model location not in this revision: {name}:" in taken.output
    else:
        assert absent == set()


def _exists(document: Any, location: str) -> bool:
    pointer = hoist.locate(document, location)
    if pointer is None:
        return False
    try:
        openapi.get(document, pointer)
    except KeyError:
        return False
    return True


@pytest.mark.parametrize("taken", [BASELINE], indirect=True)
def test_the_baseline_reproduces_the_committed_spec_and_client(taken: Taken) -> None:
    assert (taken.root / "openapi.yaml").read_bytes() == (REPO_ROOT / "openapi.yaml").read_bytes()
    checked = make(taken.root, "check-generated")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for path in (REPO_ROOT / "pollinations_client").rglob("*.py"):
        relative = path.relative_to(REPO_ROOT)
        assert (taken.root / relative).read_bytes() == path.read_bytes(), relative


# ----------------------------------------------------------------------- spec-diff


def _report(old: str | Path, new: str | Path, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "report.json"
    status = cli.main(["diff", str(old), str(new), "--json", str(out)])
    report: dict[str, Any] = json.loads(out.read_text())
    assert status == (1 if report["breaking"] else 0)
    return report


# Upstream's own changes from 0b26ef1 to c1cbc69 (../shared/upstream/README.md: the four
# audio operations, the untyped model-list items, the opened chat `model`, the text model
# enum, the profile's `image`; and the image model enum, which also moved).
UPSTREAM_CHANGES = {
    ("operation-added", "GET /audio/models"),
    ("operation-added", "GET /audio/{text}"),
    ("operation-added", "POST /v1/audio/speech"),
    ("operation-added", "POST /v1/audio/transcriptions"),
    ("model-added", "SpeechRequest"),
    ("model-added", "TranscriptionRequest"),
    ("model-added", "Transcription"),
    *(
        ("type-widened", f"GET /{kind}/models response 200 application/json[]")
        for kind in ("image", "text")
    ),
    *(
        ("property-removed", f"GET /{kind}/models response 200 application/json[].{name}")
        for kind in ("image", "text")
        for name in (
            "name",
            "aliases",
            "pricing",
            "description",
            "input_modalities",
            "output_modalities",
            "tools",
            "reasoning",
            "context_window",
            "voices",
            "is_specialized",
            "paid_only",
        )
    ),
    ("enum-removed", "ChatCompletionRequest.model"),
    ("enum-value-added", "GET /text/{prompt} query model"),
    ("enum-value-removed", "GET /text/{prompt} query model"),
    ("enum-value-added", "GET /image/{prompt} query model"),
    ("property-added-required", "UserProfile.image"),
}
# What only our overlay and names write: a diff of two upstream revisions never names them.
OURS_ONLY = (
    "ErrorResponse",
    "ValidationErrorResponse",
    "ModelInfo",
    "ModelPricing",
    "ChatCompletionChunk",
    "ImageModelName",
    "TextModelName",
    "AudioVoice",
    "Tier",
    "KeyType",
    "text/csv",
    "text/event-stream",
    " 429",
    " 502",
)


def test_spec_diff_tells_upstreams_real_changes_and_nothing_the_overlay_did(
    tmp_path: Path,
) -> None:
    report = _report(UPSTREAM / OLDEST, UPSTREAM / BASELINE, tmp_path)
    found = {
        (change["kind"], change["location"])
        for change in report["changes"]
        if change["kind"] != "description-changed"
    }
    assert found == UPSTREAM_CHANGES
    for change in report["changes"]:
        for ours in OURS_ONLY:
            assert ours not in change["location"] + change["detail"], change
    details = {
        c["location"]: c["detail"] for c in report["changes"] if c["kind"] != "enum-value-added"
    }
    assert details["GET /text/{prompt} query model"] == 'enum value removed: "nomnom"'
    assert details["GET /image/models response 200 application/json[]"] == "type object -> any"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        *itertools.pairwise(REVISIONS),
        (OLDEST, BASELINE),
        (RECONSTRUCTION.name, BASELINE),
    ],
)
def test_each_change_is_listed_once(old: str, new: str, tmp_path: Path) -> None:
    old_path = RECONSTRUCTION if old == RECONSTRUCTION.name else UPSTREAM / old
    report = _report(old_path, UPSTREAM / new, tmp_path)
    keys = [(c["location"], c["kind"], c["detail"]) for c in report["changes"]]
    assert keys and len(keys) == len(set(keys))
    told = [(c["location"], c["detail"]) for c in report["changes"]]
    assert len(told) == len(set(told)), "one change, two directions or kinds"


def test_spec_diff_from_the_reconstruction_shows_what_upstream_never_had(tmp_path: Path) -> None:
    """The hand-made openapi.yaml this repository had, against what update-spec now writes
    from the baseline: what the reconstruction invented, and what it missed."""
    report = _report(RECONSTRUCTION, UPSTREAM / BASELINE, tmp_path)
    found = {(c["kind"], c["location"]) for c in report["changes"]}
    for name in ("private", "nologo", "nofeed", "guidance_scale"):
        assert ("parameter-removed", f"GET /image/{{prompt}} query {name}") in found
    assert ("security-scheme-removed", "securitySchemes.keyQuery") in found
    for name in ("ContentBlock", "ChatMessage", "AccountBalance"):
        assert ("model-removed", name) in found
    for operation in ("GET /account/key", "GET /account/usage/daily", "POST /v1/audio/speech"):
        assert ("operation-added", operation) in found
    seed = [
        c["detail"]
        for c in report["changes"]
        if c["location"] == "GET /image/{prompt} query seed" and c["kind"] == "constraint-tightened"
    ]
    assert seed == ["maximum 9007199254740991 -> 2147483647"]
    model_default = [
        c["detail"] for c in report["changes"] if c["location"] == "GET /image/{prompt} query model"
    ]
    assert 'default "flux" -> "zimage"' in model_default
    assert report["breaking"]


def test_the_reconstruction_fixture_is_the_old_openapi_yaml() -> None:
    """It is compared as one of ours (it starts with update-spec's header), as it was."""
    data = RECONSTRUCTION.read_bytes()
    assert update.is_written_by_us(data)
    document = canonical.parse(data)
    assert "keyQuery" in document["components"]["securitySchemes"]
    assert diff.compare(document, document).changes == []

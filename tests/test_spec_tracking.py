"""Spec tracking: `make update-spec`, `make spec-diff`, the overlay, the lock and the changelog.

The classifier is checked on two small revisions written for it (spec_fixtures/base.yaml
and revision.yaml) that change an API in every way the rules know. The update is checked
on an "upstream-like" JSON built from openapi.yaml the way upstream publishes it: ugly
operationIds, one tag for everything, none of our corrections. No test uses the network:
URLs are served by a local http.server on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from spec.tools import __main__ as cli
from spec.tools import canonical, changelog, diff, overlay, update

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "spec_fixtures"
SPEC_PATH = REPO_ROOT / "openapi.yaml"
OVERLAY_PATH = REPO_ROOT / "spec" / "overlay.yaml"
BIN = Path(sys.executable).parent

CLEAN_NAMES = {
    ("/account/profile", "get"): ("get_account_profile", "account"),
    ("/account/balance", "get"): ("get_account_balance", "account"),
    ("/account/usage", "get"): ("get_account_usage", "account"),
    ("/v1/models", "get"): ("list_models", "models"),
    ("/image/models", "get"): ("list_image_models", "models"),
    ("/text/models", "get"): ("list_text_models", "models"),
    ("/text/{prompt}", "get"): ("generate_text", "text"),
    ("/image/{prompt}", "get"): ("generate_image", "image"),
    ("/v1/chat/completions", "post"): ("create_chat_completion", "chat"),
}
UGLY_IDS = {
    ("/account/profile", "get"): "getAccountProfile",
    ("/account/balance", "get"): "getAccountBalance",
    ("/account/usage", "get"): "getAccountUsage",
    ("/v1/models", "get"): "getV1Models",
    ("/image/models", "get"): "getImageModels",
    ("/text/models", "get"): "getTextModels",
    ("/text/{prompt}", "get"): r"getGenerateText:prompt{[\s\S]+}",
    ("/image/{prompt}", "get"): r"getGenerateImage:prompt{[\s\S]+}",
    ("/v1/chat/completions", "post"): "postV1ChatCompletions",
}
# What spec/overlay.yaml adds, so what an upstream revision lacks.
OVERLAY_MEDIA_TYPES = [
    ("/account/usage", "get", "text/csv"),
    ("/text/{prompt}", "get", "text/event-stream"),
    ("/v1/chat/completions", "post", "text/event-stream"),
]
OVERLAY_SCHEMAS = [
    "ToolCallFunctionDelta",
    "ToolCallDelta",
    "ChoiceDelta",
    "ChatCompletionChunkChoice",
    "ChatCompletionChunk",
]


def _spec() -> dict[str, Any]:
    return canonical.parse(SPEC_PATH.read_bytes(), str(SPEC_PATH))


def _overlay() -> Any:
    return update.load_overlay(OVERLAY_PATH)


def upstream_like(document: dict[str, Any]) -> dict[str, Any]:
    """openapi.yaml as upstream would publish it: without anything the overlay adds."""
    result = copy.deepcopy(document)
    result["tags"] = [{"name": "gen.pollinations.ai"}]
    for (path, method), ugly in UGLY_IDS.items():
        operation = result["paths"][path][method]
        operation["operationId"] = ugly
        operation["tags"] = ["gen.pollinations.ai"]
    for path, method, media_type in OVERLAY_MEDIA_TYPES:
        del result["paths"][path][method]["responses"]["200"]["content"][media_type]
    for name in OVERLAY_SCHEMAS:
        del result["components"]["schemas"][name]
    return result


def write_json(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def ugly_json(tmp_path: Path) -> Path:
    return write_json(tmp_path / "upstream.json", upstream_like(_spec()))


def run_update(source: str, workdir: Path, spec_bytes: bytes | None) -> update.UpdateResult:
    spec_path = workdir / "openapi.yaml"
    if spec_bytes is not None:
        spec_path.write_bytes(spec_bytes)
    return update.update(
        source,
        spec_path=spec_path,
        overlay_path=OVERLAY_PATH,
        lock_path=workdir / "spec" / "lock.json",
        changelog_path=workdir / "CHANGELOG.md",
        date="2000-01-01",
    )


# ------------------------------------------------------------------------ JSONPath


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("$", []),
        ("$.paths", [overlay.Key("paths")]),
        (
            "$.paths['/image/{prompt}'].get",
            [overlay.Key("paths"), overlay.Key("/image/{prompt}"), overlay.Key("get")],
        ),
        ('$["a.b"][*].c', [overlay.Key("a.b"), overlay.Wildcard(), overlay.Key("c")]),
        ("$.x.*[2]", [overlay.Key("x"), overlay.Wildcard(), overlay.Index(2)]),
        (r"$['it\'s']", [overlay.Key("it's")]),
        (
            "$.responses['200'].content",
            [overlay.Key("responses"), overlay.Key("200"), overlay.Key("content")],
        ),
    ],
)
def test_jsonpath_subset_parses(expression: str, expected: list[overlay.Segment]) -> None:
    assert overlay.parse_path(expression) == expected


@pytest.mark.parametrize(
    "expression",
    ["paths", "$..get", "$.paths[?(@.get)]", "$.a[1:2]", "$['open", "$.a b", "$.[x]", "$['a'"],
)
def test_jsonpath_refuses_what_it_does_not_support(expression: str) -> None:
    with pytest.raises(overlay.OverlayError):
        overlay.parse_path(expression)


def test_jsonpath_selects_keys_with_slashes_and_braces_and_wildcards() -> None:
    document = _spec()
    [found] = overlay.select(document, "$.paths['/image/{prompt}'].get")
    assert found.node["operationId"] == "generate_image"
    methods = overlay.select(document, "$.paths.*.*")
    assert len(methods) == len(CLEAN_NAMES)
    assert overlay.select(document, "$.paths['/nope'].get") == []
    [first] = overlay.select(document, "$.tags[0]")
    assert first.node["name"] == "image"


# ------------------------------------------------------------------------- overlay

SMALL_OVERLAY = {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}}


def test_overlay_update_merges_in_place_and_appends_new_keys() -> None:
    document: dict[str, Any] = {"a": {"x": 1, "y": {"p": 1, "q": [1, 2]}, "z": 3}}
    result = overlay.apply(
        document,
        {**SMALL_OVERLAY, "actions": [{"target": "$.a", "update": {"y": {"q": [9]}, "new": 4}}]},
    )
    assert result.document == {"a": {"x": 1, "y": {"p": 1, "q": [9]}, "z": 3, "new": 4}}
    assert list(result.document["a"]) == ["x", "y", "z", "new"]
    assert document["a"]["y"]["q"] == [1, 2], "the input is not modified"
    assert result.applied == 1 and result.unmatched == []


def test_overlay_remove_appends_to_sequences_and_reports_unmatched_targets() -> None:
    document = {"a": {"x": 1, "y": 2}, "list": [{"k": 1}, {"k": 2}, {"k": 3}]}
    actions = [
        {"target": "$.a.x", "remove": True},
        {"target": "$.list[*]", "remove": True},
        {"target": "$.list", "update": {"k": 4}},
        {"target": "$.paths['/gone'].get", "update": {"operationId": "x"}},
    ]
    result = overlay.apply(document, {**SMALL_OVERLAY, "actions": actions})
    assert result.document == {"a": {"y": 2}, "list": [{"k": 4}]}
    assert result.unmatched == ["$.paths['/gone'].get"]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"overlay": "2.0.0", "info": {"title": "t", "version": "1"}, "actions": [{}]}, "version"),
        ({"overlay": "1.0.0", "actions": [{"target": "$", "remove": True}]}, "info"),
        ({**SMALL_OVERLAY, "actions": []}, "actions"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$.a"}]}, "update"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$..a", "remove": True}]}, "recursive"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$.a.x", "update": {"b": 1}}]}, "scalar"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$", "remove": True}]}, "root"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$", "update": {}, "oops": 1}]}, "unknown"),
    ],
)
def test_overlay_refuses_what_it_cannot_apply(bad: dict[str, Any], message: str) -> None:
    with pytest.raises(overlay.OverlayError, match=message):
        overlay.apply({"a": {"x": 1}}, bad)


def test_overlay_is_a_no_op_on_openapi_yaml() -> None:
    """So `make update-spec SPEC=openapi.yaml` reproduces openapi.yaml."""
    document = _spec()
    prepared = update.prepare(document, _overlay())
    assert prepared.document == document
    assert prepared.unmatched == []
    assert prepared.unpinned == []


def test_lock_records_the_committed_openapi_yaml_and_overlay() -> None:
    """openapi.yaml and spec/overlay.yaml are what the last `make update-spec` wrote and read.

    On failure: put the correction in spec/overlay.yaml, then run
    `make update-spec SPEC=<upstream>` (SPEC=openapi.yaml re-applies it to this revision)."""
    lock = json.loads((REPO_ROOT / "spec" / "lock.json").read_text(encoding="utf-8"))
    assert lock["openapi_sha256"] == update.sha256(SPEC_PATH.read_bytes()), "openapi.yaml edited"
    assert lock["overlay_sha256"] == update.sha256(OVERLAY_PATH.read_bytes()), "overlay not applied"
    assert set(lock) == {
        "comment",
        "source",
        "upstream_sha256",
        "upstream_version",
        "overlay_sha256",
        "openapi_sha256",
    }


def test_overlay_pins_every_operation_by_path_and_method() -> None:
    raw = _overlay()
    assert raw["overlay"] == "1.0.0"
    pinned: dict[tuple[str, str], tuple[str, str]] = {}
    for action in raw["actions"]:
        assert action.get("description"), f"{action['target']}: say why"
        update_value = action.get("update")
        if not isinstance(update_value, dict) or "operationId" not in update_value:
            continue
        segments = overlay.parse_path(action["target"])
        assert [type(segment) for segment in segments] == [overlay.Key] * 3, action["target"]
        path, method = (
            segment.name for segment in segments[1:] if isinstance(segment, overlay.Key)
        )
        pinned[(path, method)] = (update_value["operationId"], update_value["tags"][0])
    assert pinned == CLEAN_NAMES


# ----------------------------------------------------------------------- canonical


def test_openapi_yaml_is_in_canonical_form() -> None:
    data = SPEC_PATH.read_bytes()
    assert data.startswith(canonical.HEADER.encode())
    assert canonical.canonicalize(data) == data
    anchors = [event for event in yaml.parse(data) if getattr(event, "anchor", None)]
    assert anchors == [], "no anchors or aliases: every change shows where it is"


def test_openapi_yaml_reads_the_same_with_pyyaml_and_the_tools() -> None:
    data = SPEC_PATH.read_bytes()
    assert yaml.safe_load(data) == canonical.parse(data)


def test_canonical_form_is_idempotent_and_keeps_the_data() -> None:
    raw = (FIXTURES / "messy.yaml").read_bytes()
    data = canonical.parse(raw)
    once = canonical.canonicalize(raw)
    assert canonical.canonicalize(once) == once
    assert canonical.parse(once) == data
    assert yaml.safe_load(once) == data, "PyYAML's YAML 1.1 reading agrees"
    assert b"*shared" not in once and b"&shared" not in once
    assert "'yes'" in once.decode() and "'16:9'" in once.decode() and "'1e5'" in once.decode()
    assert data["paths"]["/a/{b}"]["get"]["responses"]["200"]["description"].startswith("Ünï")
    assert list(data["paths"]["/a/{b}"]["get"]) == [
        "operationId",
        "tags",
        "description",
        "parameters",
        "responses",
    ]


def test_same_data_same_bytes_whatever_the_input_format() -> None:
    data = canonical.parse((FIXTURES / "messy.yaml").read_bytes())
    as_json = json.dumps(data, indent=4).encode()
    as_compact_json = json.dumps(data, separators=(",", ":")).encode()
    outputs = {canonical.canonicalize(text) for text in (as_json, as_compact_json)}
    assert outputs == {canonical.dump_bytes(data)}
    # PyYAML's YAML 1.1 writer leaves "1e5" and "0o17" plain, which YAML 1.2 (and so
    # these tools) reads as numbers: without those, any rendering gives the same bytes.
    for shared in (
        data["paths"]["/a/{b}"]["get"]["parameters"][0],
        data["components"]["parameters"]["B"],
    ):
        shared["schema"]["examples"] = ["16:9", "yes", "on", "2024-01-01", "~", ""]
    as_flow_yaml = yaml.safe_dump(data, default_flow_style=True, sort_keys=False).encode()
    assert canonical.canonicalize(as_flow_yaml) == canonical.dump_bytes(data)


def test_unreadable_documents_are_refused() -> None:
    for bad in (b"- a list\n", b"{not: [json", b"\xff\xfe\x00"):
        with pytest.raises(canonical.DocumentError):
            canonical.parse(bad)


# ---------------------------------------------------------------------- classifier

B, R, N = diff.BREAKING, diff.REVIEW, diff.NON_BREAKING
# (location, kind, severity) for every change from base.yaml to revision.yaml.
EXPECTED_CHANGES = {
    ("GET /legacy", "operation-removed", B),
    ("GET /things/{id}/history", "operation-added", N),
    ("GET /things/{id}", "description-changed", N),
    ("GET /things/{id} query limit", "parameter-made-required", B),
    ("GET /things/{id} query tenant", "parameter-added-required", B),
    ("GET /things/{id} query fields", "parameter-added-optional", N),
    ("GET /things/{id} query verbose", "parameter-removed", B),
    ("GET /things/{id} query ratio", "type-narrowed", B),
    ("GET /things/{id} query sort", "enum-added", B),
    ("GET /things/{id} query size", "default-changed", R),
    ("GET /things/{id} query size", "constraint-tightened", B),
    ("Thing.name", "property-removed", B),
    ("Thing.score", "type-widened", B),
    ("Thing.size", "property-made-optional", B),
    ("Thing.note", "type-widened", B),
    ("Thing.created", "property-added-optional", N),
    ("Usage.total_tokens", "type-widened", B),
    ("Colour", "enum-value-added", B),
    ("Tier", "open-enum-value-added", N),
    ("NewThing.kind", "enum-value-removed", B),
    ("NewThing.label", "property-removed", B),
    ("NewThing.count", "property-made-required", B),
    ("NewThing.extra", "property-added-optional", N),
    ("Orphan", "model-removed", B),
}


@functools.cache
def fixture_report() -> diff.Report:
    old = canonical.parse((FIXTURES / "base.yaml").read_bytes())
    new = canonical.parse((FIXTURES / "revision.yaml").read_bytes())
    return diff.compare(old, new, "base.yaml", "revision.yaml")


def test_every_kind_of_change_is_found_and_classified() -> None:
    found = {(c.location, c.kind, c.severity) for c in fixture_report().changes}
    assert found == EXPECTED_CHANGES
    assert fixture_report().breaking


@pytest.mark.parametrize(
    ("location", "detail"),
    [
        ("GET /things/{id} query ratio", "type number -> integer"),
        ("Thing.score", "type integer -> number"),
        ("Thing.note", "type string -> string | null (made nullable)"),
        ("Usage.total_tokens", "type integer -> number"),
        ("GET /things/{id} query size", "default 512 -> 1024"),
        ("Colour", 'enum value added: "blue"'),
        ("NewThing.kind", 'enum value removed: "c"'),
    ],
)
def test_details_say_what_changed(location: str, detail: str) -> None:
    details = {c.detail for c in fixture_report().changes if c.location == location}
    assert detail in details


def test_a_change_in_a_component_names_the_operations_that_reach_it() -> None:
    [change] = [c for c in fixture_report().changes if c.location == "Usage.total_tokens"]
    assert change.direction == diff.RESPONSE
    assert change.operations == {"GET /things/{id}", "POST /things"}


def test_a_ref_made_nullable_is_one_change_at_the_property() -> None:
    def document(usage: dict[str, Any]) -> dict[str, Any]:
        return {
            "openapi": "3.1.0",
            "paths": {
                "/x": {
                    "get": {
                        "responses": {
                            "200": {
                                "content": {
                                    "application/json": {
                                        "schema": {"$ref": "#/components/schemas/Answer"}
                                    }
                                }
                            }
                        }
                    }
                }
            },
            "components": {
                "schemas": {
                    "Answer": {"type": "object", "properties": {"usage": usage}},
                    "Usage": {"type": "object", "properties": {"n": {"type": "integer"}}},
                }
            },
        }

    ref = {"$ref": "#/components/schemas/Usage"}
    report = diff.compare(document(ref), document({"anyOf": [ref, {"type": "null"}]}))
    assert [(c.location, c.kind, c.severity, c.detail) for c in report.changes] == [
        ("Answer.usage", "type-widened", B, "type object -> object | null (made nullable)")
    ]
    # The same change in a request is not breaking: the server accepts more.
    backwards = diff.compare(document({"anyOf": [ref, {"type": "null"}]}), document(ref))
    assert [(c.kind, c.severity) for c in backwards.changes] == [("type-narrowed", N)]


def test_mutually_recursive_schemas_are_compared_once() -> None:
    def document(leaf_type: str) -> dict[str, Any]:
        return {
            "openapi": "3.1.0",
            "paths": {},
            "components": {
                "schemas": {
                    "A": {
                        "type": "object",
                        "properties": {"b": {"$ref": "#/components/schemas/B"}},
                    },
                    "B": {
                        "type": "object",
                        "properties": {
                            "a": {"$ref": "#/components/schemas/A"},
                            "leaf": {"type": leaf_type},
                        },
                    },
                }
            },
        }

    report = diff.compare(document("integer"), document("string"))
    assert [(c.location, c.kind, c.direction) for c in report.changes] == [
        ("B.leaf", "type-changed", diff.BOTH)
    ]


def test_identical_documents_have_no_changes() -> None:
    document = _spec()
    report = diff.compare(document, copy.deepcopy(document))
    assert report.changes == []
    assert not report.breaking
    assert "No API changes." in diff.markdown(report)


def test_the_real_spec_open_enums_grow_without_breaking() -> None:
    """TextModelName and Tier are `anyOf: [enum, string]`: a new value breaks nothing."""
    old = _spec()
    new = copy.deepcopy(old)
    new["components"]["schemas"]["TextModelName"]["enum"].append("brand-new-model")
    new["components"]["schemas"]["Tier"]["enum"].append("queen")
    new["components"]["schemas"]["ImageQuality"]["enum"].append("ultra")
    report = diff.compare(old, new)
    found = {(c.location, c.kind, c.severity) for c in report.changes}
    assert ("TextModelName", "open-enum-value-added", N) in found
    assert ("Tier", "open-enum-value-added", N) in found
    # ImageQuality is a closed enum, only sent by the client: still not breaking.
    assert ("ImageQuality", "enum-value-added", N) in found
    assert not report.breaking


def test_markdown_and_json_reports_carry_the_classification() -> None:
    report = fixture_report()
    text = diff.markdown(report)
    assert "## Breaking (17)" in text
    assert "## To review (1)" in text
    assert "| `Usage.total_tokens` | type integer -> number | response |" in text
    assert "How changes are classified" in text
    as_json = json.loads(report.json_text())
    assert as_json["breaking"] is True
    assert as_json["summary"] == {"breaking": 17, "review": 1, "non-breaking": 6}
    assert {change["kind"] for change in as_json["changes"]} <= set(diff.RULES)


def test_cli_diff_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = str(FIXTURES / "base.yaml")
    revision = str(FIXTURES / "revision.yaml")
    report_json = tmp_path / "out" / "report.json"
    report_md = tmp_path / "out" / "report.md"
    status = cli.main(
        ["diff", "--raw", base, revision, "--json", str(report_json), "--markdown", str(report_md)]
    )
    assert status == 1
    assert json.loads(report_json.read_text())["summary"]["breaking"] == 17
    assert report_md.read_text() == capsys.readouterr().out
    assert cli.main(["diff", "--raw", base, base]) == 0
    assert cli.main(["diff", base, str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


# --------------------------------------------------------------------------- update


def test_update_from_ugly_upstream_json_gives_openapi_yaml_byte_for_byte(
    tmp_path: Path, ugly_json: Path
) -> None:
    original = SPEC_PATH.read_bytes()
    result = run_update(str(ugly_json), tmp_path, original)
    assert not result.changed
    assert (tmp_path / "openapi.yaml").read_bytes() == original
    assert result.report.changes == []
    assert not (tmp_path / "CHANGELOG.md").exists(), "no entry when nothing changed"
    lock = json.loads((tmp_path / "spec" / "lock.json").read_text())
    assert lock["source"] == str(ugly_json)
    assert lock["upstream_sha256"] == update.sha256(ugly_json.read_bytes())
    assert lock["openapi_sha256"] == update.sha256(original)
    assert lock["overlay_sha256"] == update.sha256(OVERLAY_PATH.read_bytes())
    assert lock["upstream_version"] == "0.3.0"


def test_update_from_scratch_gives_the_clean_python_names(tmp_path: Path, ugly_json: Path) -> None:
    result = run_update(str(ugly_json), tmp_path, None)
    assert result.changed
    written = (tmp_path / "openapi.yaml").read_bytes()
    assert written == SPEC_PATH.read_bytes()
    document = canonical.parse(written)
    names = {
        (path, method): (operation["operationId"], operation["tags"][0])
        for path, item in document["paths"].items()
        for method, operation in item.items()
    }
    assert names == CLEAN_NAMES
    # The generated modules are pollinations_client/api/<tag>/<operationId>.py.
    modules = {
        f"{tag}/{operation_id}.py"
        for path in (REPO_ROOT / "pollinations_client" / "api").glob("*/*.py")
        if path.name != "__init__.py"
        for operation_id, tag in [(path.stem, path.parent.name)]
    }
    assert modules == {f"{tag}/{operation_id}.py" for operation_id, tag in CLEAN_NAMES.values()}
    entry = (tmp_path / "CHANGELOG.md").read_text()
    assert entry.startswith(changelog.HEADING)
    assert "operation added" in entry


def test_a_new_upstream_operation_gets_a_clean_name_and_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upstream = upstream_like(_spec())
    upstream["paths"]["/audio/{voice}/speech"] = {
        "post": {
            "operationId": r"postAudio:voice{[\s\S]+}Speech",
            "tags": ["gen.pollinations.ai"],
            "responses": {"200": {"description": "OK"}},
        }
    }
    source = write_json(tmp_path / "upstream.json", upstream)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")
    (tmp_path / "openapi.yaml").write_bytes(SPEC_PATH.read_bytes())
    result = update.update(
        str(source),
        spec_path=tmp_path / "openapi.yaml",
        overlay_path=OVERLAY_PATH,
        lock_path=tmp_path / "lock.json",
        changelog_path=tmp_path / "CHANGELOG.md",
    )
    assert result.changed
    operation = canonical.parse((tmp_path / "openapi.yaml").read_bytes())["paths"][
        "/audio/{voice}/speech"
    ]["post"]
    assert (operation["operationId"], operation["tags"]) == (
        "post_audio_by_voice_speech",
        ["audio"],
    )
    assert result.prepared.unpinned == ["POST /audio/{voice}/speech -> post_audio_by_voice_speech"]
    text = (tmp_path / "CHANGELOG.md").read_text()
    assert "## 2000-01-01: upstream 0.3.0" in text
    assert "`POST /audio/{voice}/speech`: operation added" in text
    assert "pin a name in spec/overlay.yaml" in text


def test_update_is_reproducible(tmp_path: Path, ugly_json: Path) -> None:
    """Same input, same bytes: openapi.yaml, the lock and the changelog entry."""
    outputs = []
    for name in ("one", "two"):
        workdir = tmp_path / name
        workdir.mkdir()
        run_update(str(ugly_json), workdir, None)
        outputs.append(
            [
                (workdir / "openapi.yaml").read_bytes(),
                (workdir / "spec" / "lock.json").read_bytes(),
                (workdir / "CHANGELOG.md").read_bytes(),
            ]
        )
    assert outputs[0] == outputs[1]
    # A second run over its own output changes nothing and adds no entry.
    again = run_update(str(ugly_json), tmp_path / "one", None)
    assert not again.changed
    assert (tmp_path / "one" / "CHANGELOG.md").read_bytes() == outputs[0][2]


def test_update_reports_an_overlay_fix_that_no_longer_applies(tmp_path: Path) -> None:
    upstream = upstream_like(_spec())
    del upstream["paths"]["/text/models"]
    source = write_json(tmp_path / "upstream.json", upstream)
    result = run_update(str(source), tmp_path, SPEC_PATH.read_bytes())
    # Both actions on the removed operation (its name, its security) are reported.
    assert result.prepared.unmatched == ["$.paths['/text/models'].get"] * 2
    assert result.report.breaking
    assert "overlay action matched nothing" in (tmp_path / "CHANGELOG.md").read_text()


def test_update_refuses_what_it_cannot_name(tmp_path: Path) -> None:
    upstream = upstream_like(_spec())
    upstream["openapi"] = "2.0"
    source = write_json(tmp_path / "upstream.json", upstream)
    with pytest.raises(update.UpdateError, match="OpenAPI 3"):
        run_update(str(source), tmp_path, None)
    assert not (tmp_path / "openapi.yaml").exists()


@contextlib.contextmanager
def serve_file(path: Path) -> Iterator[str]:
    """`path` at http://127.0.0.1:<port>/openapi.json, as upstream's docs endpoint serves
    its document; read at each request, so rewriting the file publishes a new revision."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = path.read_bytes() if self.path == "/openapi.json" else b""
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


LOOPBACK_NO_PROXY = {"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}


@pytest.fixture
def served(ugly_json: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name, value in LOOPBACK_NO_PROXY.items():  # a developer's proxy must not get these
        monkeypatch.setenv(name, value)
    with serve_file(ugly_json) as base:
        yield base


def test_update_and_diff_read_a_url(tmp_path: Path, served: str) -> None:
    original = SPEC_PATH.read_bytes()
    result = run_update(f"{served}/openapi.json", tmp_path, original)
    assert not result.changed
    assert json.loads((tmp_path / "spec" / "lock.json").read_text())["source"].startswith(served)
    assert cli.main(["diff", str(SPEC_PATH), f"{served}/openapi.json"]) == 0
    with pytest.raises(update.UpdateError, match="cannot fetch"):
        update.fetch(f"{served}/missing.json", timeout=5)


# ---------------------------------------------------- make targets, in a repository copy

MAKE_TARGETS_TESTED_HERE = {"update-spec", "spec-diff", "check-generated", "test"}


def test_workflows_run_only_make_targets_tested_here() -> None:
    workflows = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))
    assert {path.name for path in workflows} >= {"ci.yml", "spec-update.yml"}
    targets: set[str] = set()
    for path in workflows:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in document["jobs"].values():
            for step in job["steps"]:
                if "run" not in step:
                    continue
                for line in step["run"].strip().splitlines():
                    words = line.split()
                    assert words[0] == "make", f"{path.name}: step runs {line!r}, not a make target"
                    targets.add(words[1])
    assert targets <= MAKE_TARGETS_TESTED_HERE
    nightly = (REPO_ROOT / ".github" / "workflows" / "spec-update.yml").read_text()
    assert "schedule" in nightly and "create-pull-request" in nightly


def _copy_repository(destination: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO_ROOT / name
        if source.is_file():  # tracked files deleted in the working tree are skipped
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _guarded_bin(copy_root: Path) -> Path:
    """This venv's tools for make in the copy, with a `python` that refuses `-m pip`.

    The copy must never install anything: `pip install -e .` there would point this
    venv's editable install at the copy. The copy's .venv/.installed is newer than its
    pyproject.toml, so make sees nothing to install; the wrapper makes sure of it.
    """
    guard = copy_root.parent / "guarded-bin"
    guard.mkdir()
    for tool in BIN.iterdir():
        if not tool.name.startswith(("python", "pip")):
            (guard / tool.name).symlink_to(tool)
    wrapper = guard / "python"
    wrapper.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then\n'
        '  echo "refused in a test copy: python -m pip $*" >&2; exit 97\n'
        "fi\n"
        f'exec "{BIN / "python"}" "$@"\n'
    )
    wrapper.chmod(0o755)
    installed = copy_root / ".venv" / ".installed"
    installed.parent.mkdir()
    installed.touch()
    return guard


def _make(copy_root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """make in the copy, with this venv's tools: never reinstall, never use the network."""
    guard = copy_root.parent / "guarded-bin"
    # An outer make (`make test`) passes its flags and variables down through MAKEFLAGS.
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    return subprocess.run(
        ["make", "--no-print-directory", f"BIN={guard}", *arguments],
        cwd=copy_root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={
            **env,
            **LOOPBACK_NO_PROXY,
            "SOURCE_DATE_EPOCH": "946684800",
            "PYTHONDONTWRITEBYTECODE": "1",
        },
    )


def test_update_regenerate_and_the_suite_stays_green(tmp_path: Path) -> None:
    """The nightly job's steps, as its workflow runs them, in a copy of the repository:
    spec-diff and update-spec against upstream's URL (a local server), then
    check-generated and the spec and model tests against the regenerated client."""
    root = tmp_path / "repo"
    _copy_repository(root)
    _guarded_bin(root)
    upstream = upstream_like(_spec())
    model_info = upstream["components"]["schemas"]["ModelInfo"]["properties"]
    model_info["paid_only"] = {"type": "boolean", "description": "Only for paid tiers."}
    candidate = write_json(tmp_path / "upstream.json", upstream)

    refused = _make(root, "update-spec")
    assert refused.returncode != 0 and "SPEC=<url or file>" in refused.stdout + refused.stderr

    with serve_file(candidate) as base:
        url = f"{base}/openapi.json"
        diffed = _make(root, "spec-diff", f"SPEC={url}")
        assert diffed.returncode == 0, diffed.stdout + diffed.stderr
        assert "| `ModelInfo.paid_only` | optional property added | response |" in diffed.stdout
        report = json.loads((root / "build" / "spec-diff.json").read_text())
        assert report["summary"] == {"breaking": 0, "review": 0, "non-breaking": 1}
        assert (root / "build" / "spec-diff.md").read_text() in diffed.stdout

        updated = _make(root, "update-spec", f"SPEC={url}")
        assert updated.returncode == 0, updated.stdout + updated.stderr

    assert "generate: pollinations_client/ rewritten from openapi.yaml" in updated.stdout
    assert "paid_only" in (root / "pollinations_client" / "models" / "model_info.py").read_text()
    assert (root / "pollinations_client" / "openapi.yaml").read_bytes() == (
        root / "openapi.yaml"
    ).read_bytes()
    for module in ("image/generate_image.py", "chat/create_chat_completion.py"):
        assert (root / "pollinations_client" / "api" / module).read_bytes() == (
            REPO_ROOT / "pollinations_client" / "api" / module
        ).read_bytes()
    changelog_text = (root / "CHANGELOG.md").read_text()
    assert "## 2000-01-01: upstream 0.3.0" in changelog_text
    assert "`ModelInfo.paid_only`: optional property added (response)" in changelog_text
    assert json.loads((root / "spec" / "lock.json").read_text())["source"] == url

    checked = _make(root, "check-generated")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    tests = subprocess.run(
        [
            str(BIN / "pytest"),
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_spec.py",
            "tests/test_models_roundtrip.py",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert tests.returncode == 0, tests.stdout[-4000:] + tests.stderr[-2000:]

    # A breaking revision: spec-diff fails, and the JSON report says why.
    upstream["paths"].pop("/text/models")
    breaking_json = write_json(tmp_path / "breaking.json", upstream)
    breaking = _make(root, "spec-diff", "OLD=openapi.yaml", f"NEW={breaking_json}")
    assert breaking.returncode != 0
    report = json.loads((root / "build" / "spec-diff.json").read_text())
    assert report["breaking"] is True
    assert any(
        change["location"] == "GET /text/models" and change["kind"] == "operation-removed"
        for change in report["changes"]
    )


def test_the_copy_imports_its_own_client(tmp_path: Path) -> None:
    """Guard for the test above: with PYTHONPATH set, the copy's pollinations_client is
    imported, not this checkout's (which the editable install points to)."""
    (tmp_path / "pollinations_client").mkdir()
    (tmp_path / "pollinations_client" / "__init__.py").write_text("")
    probe = subprocess.run(
        [sys.executable, "-c", "import pollinations_client; print(pollinations_client.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert probe.stdout.strip() == str(tmp_path / "pollinations_client" / "__init__.py")

"""Spec tracking: the tools behind `make update-spec` and `make spec-diff` (spec/tools/).

Each tool is checked on small documents written for it: the overlay (RFC 9535 JSONPath,
the `x-open-enum` extension), the pinned model names (hoisting), the checks update-spec
runs before it writes, the canonical form and the diff's classifier (spec_fixtures/
base.yaml and revision.yaml change an API in every way the rules know). The update itself
runs on upstream's real documents (spec/upstream/) in temporary directories and, through
make, in a copy of the repository. The four real revisions one by one, and spec-diff
between them, are in test_spec_revisions.py; openapi.yaml against upstream, type by type,
in test_spec_fidelity.py. No test uses the network: URLs are served on 127.0.0.1.
"""

from __future__ import annotations

import copy
import functools
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from _repo_copy import (
    BIN,
    LOOPBACK_NO_PROXY,
    REPO_ROOT,
    copy_repository,
    make,
    python_in,
    serve_file,
)
from _spec import EXPECTED_OPERATIONS

from pollinations_client.custom import _openapi as openapi
from spec.tools import __main__ as cli
from spec.tools import canonical, changelog, check, diff, hoist, overlay, update

FIXTURES = Path(__file__).resolve().parent / "spec_fixtures"
SPEC_PATH = REPO_ROOT / "openapi.yaml"
OVERLAY_PATH = REPO_ROOT / "spec" / "overlay.yaml"
NAMES_PATH = REPO_ROOT / "spec" / "names.yaml"
LOCK_PATH = REPO_ROOT / "spec" / "lock.json"
GENERATOR_CONFIG = REPO_ROOT / "generator-config.yaml"
UPSTREAM = REPO_ROOT / "spec" / "upstream"
BASELINE = UPSTREAM / "2026-03-03-c1cbc69.json"

# The names we give upstream's operations (the issue's table, not the overlay's).
CLEAN_NAMES = {
    (path, method.lower()): (operation_id, tag)
    for method, path, operation_id, tag in EXPECTED_OPERATIONS
}


def _spec() -> dict[str, Any]:
    return canonical.parse(SPEC_PATH.read_bytes(), str(SPEC_PATH))


@functools.cache
def _baseline_text() -> bytes:
    return BASELINE.read_bytes()


def baseline() -> dict[str, Any]:
    """Upstream's newest document, as upstream wrote it (a fresh copy)."""
    return canonical.parse(_baseline_text(), str(BASELINE))


def _overlay() -> Any:
    return update.load_overlay(OVERLAY_PATH)


def _pins() -> list[hoist.Pin]:
    return update.load_pins(NAMES_PATH)


def write_json(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def run_update(
    source: str | Path,
    workdir: Path,
    spec_bytes: bytes | None = None,
    *,
    overlay_path: Path = OVERLAY_PATH,
) -> update.UpdateResult:
    """update-spec with every output under `workdir` (upstream snapshots too)."""
    spec_path = workdir / "openapi.yaml"
    if spec_bytes is not None:
        spec_path.write_bytes(spec_bytes)
    return update.update(
        str(source),
        spec_path=spec_path,
        overlay_path=overlay_path,
        lock_path=workdir / "spec" / "lock.json",
        changelog_path=workdir / "CHANGELOG.md",
        names_path=NAMES_PATH,
        upstream_dir=workdir / "spec" / "upstream",
        generator_config=GENERATOR_CONFIG,
        date="2000-01-01",
    )


def with_actions(tmp_path: Path, *actions: dict[str, Any]) -> Path:
    """spec/overlay.yaml with `actions` appended, written to a file of its own."""
    document = _overlay()
    document["actions"] += list(actions)
    path = tmp_path / "overlay.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


# ------------------------------------------------------------------ the overlay

SMALL_OVERLAY = {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}}


def apply(document: dict[str, Any], *actions: dict[str, Any]) -> overlay.OverlayResult:
    return overlay.apply(document, {**SMALL_OVERLAY, "actions": list(actions)})


def test_targets_are_rfc_9535_jsonpath_with_filters_and_unions() -> None:
    document = baseline()
    keyed = openapi.select(document, "$.paths.*[?@.responses['401']]")
    assert len(keyed) == 11  # every operation that can refuse a key
    assert {
        location for location, _ in openapi.select(document, "$.paths.*[?!@.responses['401']]")
    } == {
        openapi.pointer("paths", path, "get")
        for path in ("/v1/models", "/image/models", "/text/models", "/audio/models")
    }
    [(location, model)] = openapi.select(
        document, "$.paths['/image/{prompt}'].get.parameters[?@.name == 'model'].schema"
    )
    assert location == "/paths/~1image~1{prompt}/get/parameters/1/schema"
    assert model["default"] == "zimage"
    both = openapi.select(document, "$.paths['/account/usage','/account/usage/daily'].get")
    assert [node["operationId"] for _, node in both] == ["getAccountUsage", "getAccountUsageDaily"]
    assert openapi.select(document, "$.paths['/nope'].get") == []


def test_update_merges_in_place_and_appends_new_keys() -> None:
    document: dict[str, Any] = {"a": {"x": 1, "y": {"p": 1, "q": [1, 2]}, "z": 3}}
    result = apply(document, {"target": "$.a", "update": {"y": {"q": [9]}, "new": 4}})
    assert result.document == {"a": {"x": 1, "y": {"p": 1, "q": [9]}, "z": 3, "new": 4}}
    assert list(result.document["a"]) == ["x", "y", "z", "new"]
    assert document["a"]["y"]["q"] == [1, 2], "the input is not modified"
    assert result.unmatched == []
    # what the action wrote, key by key: how a problem there is traced back to it
    assert result.written == {"overlay action 1 ($.a)": ["/a/y/q", "/a/new"]}


def test_remove_by_filter_and_the_report_of_targets_that_match_nothing() -> None:
    document = {
        "a": {"x": 1, "y": 2},
        "required": ["code", "details", "message", "details"],
        "list": [{"k": 1}, {"k": 2}, {"k": 3}],
    }
    result = apply(
        document,
        {"target": "$.a.x", "remove": True},
        {"target": "$.required[?@ == 'details']", "remove": True},
        {"target": "$.list[?@.k > 1]", "remove": True},
        {"target": "$.list", "update": {"k": 4}},
        {"target": "$.paths['/gone'].get", "update": {"operationId": "x"}},
    )
    assert result.document == {
        "a": {"y": 2},
        "required": ["code", "message"],
        "list": [{"k": 1}, {"k": 4}],
    }
    assert result.unmatched == ["overlay action 5 ($.paths['/gone'].get)"]
    assert result.removed["overlay action 2 ($.required[?@ == 'details'])"] == [
        "/required/1",
        "/required/3",
    ]


def test_a_node_named_twice_by_one_target_is_changed_once() -> None:
    result = apply({"list": [1, 2, 3]}, {"target": "$.list[0,0]", "remove": True})
    assert result.document == {"list": [2, 3]}


def test_open_enum_keeps_the_values_in_a_component_and_accepts_any_string() -> None:
    voice = {
        "description": "Voice",
        "default": "alloy",
        "type": "string",
        "enum": ["alloy", "echo"],
    }
    other = {"type": "string", "enum": ["echo", "nova"]}
    document: dict[str, Any] = {"p": {"voice": voice, "other": other, "open": {"type": "string"}}}
    result = apply(
        document,
        {"target": "$.p['voice','open']", "x-open-enum": "Voice"},
        {"target": "$.p.other", "x-open-enum": "Voice"},
    )
    opened = [{"$ref": "#/components/schemas/Voice"}, {"type": "string"}]
    assert result.document["p"] == {
        "voice": {"description": "Voice", "default": "alloy", "anyOf": opened},
        "other": {"anyOf": opened},
        "open": {"type": "string"},  # no enum: already open, left alone
    }
    # every value of every selected enum, in the order first seen
    assert result.document["components"]["schemas"]["Voice"] == {
        "type": "string",
        "enum": ["alloy", "echo", "nova"],
    }


def test_open_enum_opens_a_nullable_enum_and_refuses_one_it_cannot_reach() -> None:
    nullable = {"anyOf": [{"type": "string", "enum": ["seed"]}, {"type": "null"}]}
    result = apply({"tier": nullable}, {"target": "$.tier", "x-open-enum": "Tier"})
    assert result.document["tier"] == {
        "anyOf": [
            {"anyOf": [{"$ref": "#/components/schemas/Tier"}, {"type": "string"}]},
            {"type": "null"},
        ]
    }
    behind_a_ref = {"tier": {"$ref": "#/components/schemas/Levels"}}
    with pytest.raises(overlay.OverlayError, match="target the enum itself"):
        apply(behind_a_ref, {"target": "$.tier", "x-open-enum": "Tier"})
    referenced_branch = {"tier": {"anyOf": [{"$ref": "#/x"}, {"type": "null"}]}}
    with pytest.raises(overlay.OverlayError, match="behind a \\$ref"):
        apply(referenced_branch, {"target": "$.tier", "x-open-enum": "Tier"})


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"overlay": "2.0.0", "info": {"title": "t", "version": "1"}, "actions": [{}]}, "version"),
        ({"overlay": "1.0.0", "actions": [{"target": "$", "remove": True}]}, "info"),
        ({**SMALL_OVERLAY, "actions": []}, "actions"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$.a"}]}, "exactly one of"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$.a", "update": {}, "remove": True}]}, "one"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$.a[", "remove": True}]}, "RFC 9535"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$.a[?@.b ==]", "remove": True}]}, "RFC 9535"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$.a.x", "update": {"b": 1}}]}, "scalar"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$", "remove": True}]}, "root"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$", "update": {}, "oops": 1}]}, "unknown"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$.a", "x-open-enum": 3}]}, "names a component"),
        ({**SMALL_OVERLAY, "actions": [{"target": "$.a.x", "x-open-enum": "A"}]}, "not a schema"),
    ],
)
def test_the_overlay_refuses_what_it_cannot_apply(bad: dict[str, Any], message: str) -> None:
    with pytest.raises(overlay.OverlayError, match=re.escape(message)):
        overlay.apply({"a": {"x": 1}}, bad)


def test_every_action_says_why() -> None:
    for action in overlay.validate(_overlay()):
        assert len(action.description) > 20, f"{action.label}: say why, with the evidence"


def test_the_overlay_names_every_operation_by_path_and_method() -> None:
    pinned: dict[tuple[str, str], tuple[str, str]] = {}
    for action in overlay.validate(_overlay()):
        update_value = action.raw.get("update")
        if not isinstance(update_value, dict) or "operationId" not in update_value:
            continue
        match = re.fullmatch(r"\$\.paths\['([^']+)'\]\.(get|post)", action.target)
        assert match, f"{action.label}: target an operation by its path and method"
        pinned[(match[1], match[2])] = (update_value["operationId"], update_value["tags"][0])
    assert pinned == CLEAN_NAMES


def test_no_action_targets_an_operation_id() -> None:
    for action in overlay.validate(_overlay()):
        assert "operationId" not in action.target, action.label


# --------------------------------------------------------------- pinned names


def pin(name: str, *locations: str) -> hoist.Pin:
    return hoist.Pin(name, locations)


def inline_document() -> dict[str, Any]:
    answer = {"type": "object", "properties": {"n": {"type": "integer"}}}
    return {
        "paths": {
            "/a": {
                "get": {"responses": {"200": {"content": {"application/json": {"schema": answer}}}}}
            },
            "/b": {
                "get": {
                    "responses": {
                        "200": {"content": {"application/json": {"schema": copy.deepcopy(answer)}}}
                    },
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Ugly"}}
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Ugly": {
                    "type": "object",
                    "properties": {"self": {"$ref": "#/components/schemas/Ugly"}},
                }
            }
        },
    }


A_200 = "/paths/~1a/get/responses/200/content/application~1json/schema"
B_200 = "/paths/~1b/get/responses/200/content/application~1json/schema"
B_BODY = "/paths/~1b/get/requestBody/content/application~1json/schema"


def test_hoisting_names_an_inline_schema_and_merges_equal_ones() -> None:
    document = inline_document()
    result = hoist.hoist(document, [pin("Answer", A_200, B_200)])
    ref = {"$ref": "#/components/schemas/Answer"}
    assert openapi.get(result.document, A_200) == ref
    assert openapi.get(result.document, B_200) == ref
    assert result.document["components"]["schemas"]["Answer"] == openapi.get(document, A_200)
    assert result.origins == {"Answer": A_200}
    assert result.missing == []
    assert openapi.get(document, A_200)["type"] == "object", "the input is not modified"


def test_hoisting_through_a_ref_renames_the_component_everywhere() -> None:
    result = hoist.hoist(inline_document(), [pin("Pretty", B_BODY)])
    schemas = result.document["components"]["schemas"]
    assert list(schemas) == ["Pretty"]
    assert schemas["Pretty"]["properties"]["self"] == {"$ref": "#/components/schemas/Pretty"}
    assert openapi.get(result.document, B_BODY) == {"$ref": "#/components/schemas/Pretty"}


def test_pins_inside_pins_in_any_order() -> None:
    outer = A_200
    inner = A_200 + "/properties/n"
    for pins in (
        [pin("Outer", outer), pin("Inner", inner)],
        [pin("Inner", inner), pin("Outer", outer)],
    ):
        schemas = hoist.hoist(inline_document(), pins).document["components"]["schemas"]
        assert schemas["Outer"]["properties"]["n"] == {"$ref": "#/components/schemas/Inner"}
        assert schemas["Inner"] == {"type": "integer"}


def test_a_location_the_revision_lacks_is_reported_not_dropped() -> None:
    result = hoist.hoist(inline_document(), [pin("Answer", "/paths/~1c/get", A_200)])
    assert result.missing == ["Answer: /paths/~1c/get"]
    assert "Answer" in result.document["components"]["schemas"]


def test_hoisting_refuses_what_would_lose_a_schema() -> None:
    document = inline_document()
    openapi.get(document, B_200)["properties"]["m"] = {"type": "string"}
    with pytest.raises(hoist.HoistError, match="differ"):
        hoist.hoist(document, [pin("Answer", A_200, B_200)])
    with pytest.raises(hoist.HoistError, match="name"):
        hoist.hoist(document, [pin("One", A_200), pin("Two", A_200)])
    document["components"]["schemas"]["Taken"] = {"type": "string"}
    with pytest.raises(hoist.HoistError, match="already has a component Taken"):
        hoist.hoist(document, [pin("Taken", A_200)])
    with pytest.raises(hoist.HoistError, match="not a model name"):
        hoist.parse({"lower_case": A_200})
    with pytest.raises(hoist.HoistError, match="not a JSON pointer"):
        hoist.parse({"Answer": "paths/a"})


def test_a_jsonpath_pin_names_the_one_schema_it_selects() -> None:
    document = inline_document()
    document["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]["schema"][
        "properties"
    ]["kind"] = {"const": "answer"}
    chosen = "$.paths[*].get.responses['200'].content['application/json'][?@.properties.kind]"
    result = hoist.hoist(document, [pin("Answer", chosen)])
    assert result.origins == {"Answer": A_200}
    assert openapi.get(result.document, B_200)["type"] == "object", "the other one stays inline"
    nothing = "$.paths[*].get.responses['404']"
    assert hoist.hoist(inline_document(), [pin("Gone", nothing)]).missing == [f"Gone: {nothing}"]
    both = "$.paths[*].get.responses['200'].content['application/json'].schema"
    with pytest.raises(hoist.HoistError, match="selects 2 schemas, not one"):
        hoist.hoist(inline_document(), [pin("Answer", both)])


def test_names_follow_what_a_schema_is_not_where_upstream_put_it() -> None:
    """Upstream reordering the message roles (or the parameters) moves no class name."""
    upstream = baseline()
    request = upstream["paths"]["/v1/chat/completions"]["post"]["requestBody"]
    roles = request["content"]["application/json"]["schema"]["properties"]["messages"]["items"]
    roles["anyOf"].reverse()
    upstream["paths"]["/account/usage"]["get"]["parameters"].reverse()
    result = hoist.hoist(update.normalize_names(upstream), _pins())
    schemas = result.document["components"]["schemas"]
    for name, role in [("SystemMessage", "system"), ("FunctionMessage", "function")]:
        assert schemas[name]["properties"]["role"]["const"] == role
    assert schemas["UsageFormat"]["enum"] == ["json", "csv"]
    assert result.missing == []


def test_hoisting_refuses_a_pin_inside_a_dropped_copy_and_two_renames() -> None:
    document = inline_document()
    with pytest.raises(hoist.HoistError, match="inside Answer's second location"):
        hoist.hoist(document, [pin("Answer", A_200, B_200), pin("Count", B_200 + "/properties/n")])
    twice = inline_document()
    twice["paths"]["/a"]["get"]["requestBody"] = copy.deepcopy(
        twice["paths"]["/b"]["get"]["requestBody"]
    )
    a_body = "/paths/~1a/get/requestBody/content/application~1json/schema"
    with pytest.raises(hoist.HoistError, match="both rename component Ugly"):
        hoist.hoist(twice, [pin("One", B_BODY), pin("Two", a_body)])


def test_a_missing_names_file_is_an_error_not_no_names(tmp_path: Path) -> None:
    with pytest.raises(update.UpdateError, match="cannot read"):
        update.load_pins(tmp_path / "names.yaml")


def test_re_applying_refuses_a_snapshot_that_is_not_the_locked_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "spec" / "upstream").mkdir(parents=True)
    (tmp_path / "spec" / "upstream" / BASELINE.name).write_bytes(_baseline_text() + b"\n")
    (tmp_path / "spec" / "lock.json").write_bytes(LOCK_PATH.read_bytes())
    (tmp_path / "openapi.yaml").write_bytes(SPEC_PATH.read_bytes())
    monkeypatch.chdir(tmp_path)
    with pytest.raises(update.UpdateError, match=r"is not the document .* recorded"):
        update.update("openapi.yaml", overlay_path=OVERLAY_PATH, names_path=NAMES_PATH)


def test_names_yaml_pins_every_location_in_the_baseline() -> None:
    """Every pinned location is in upstream's newest document (older ones may lack some)."""
    result = hoist.hoist(update.normalize_names(baseline()), _pins())
    assert result.missing == []
    assert set(result.origins) == {p.name for p in _pins()}


# ------------------------------------------------------------------ the checks


def test_an_action_whose_ref_resolves_to_nothing_fails_naming_it(tmp_path: Path) -> None:
    broken = with_actions(
        tmp_path,
        {
            "target": "$.paths['/account/key'].get.responses['200'].content['application/json']",
            "description": "a reference to a component nobody defines",
            "update": {"schema": {"$ref": "#/components/schemas/KeyStatus"}},
        },
    )
    spec_bytes = SPEC_PATH.read_bytes()
    with pytest.raises(update.UpdateError) as refused:
        run_update(BASELINE, tmp_path, spec_bytes, overlay_path=broken)
    number = len(_overlay()["actions"]) + 1
    message = str(refused.value)
    assert message.endswith(
        "$ref #/components/schemas/KeyStatus resolves to nothing at /paths/~1account~1key/get"
        "/responses/200/content/application~1json/schema (caused by overlay action"
        f" {number} ($.paths['/account/key'].get.responses['200'].content['application/json']))"
    )
    # nothing was written
    assert (tmp_path / "openapi.yaml").read_bytes() == spec_bytes
    assert not (tmp_path / "spec" / "lock.json").exists()
    assert not (tmp_path / "CHANGELOG.md").exists()
    assert not (tmp_path / "spec" / "upstream").exists()


def test_an_action_that_targets_nothing_is_a_warning_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stray = with_actions(
        tmp_path,
        {
            "target": "$.paths['/v2/video'].post",
            "description": "an operation upstream does not have (yet)",
            "update": {"operationId": "create_video", "tags": ["video"]},
        },
    )
    number = len(_overlay()["actions"]) + 1
    status = cli.main(
        [
            "update",
            str(BASELINE),
            "--spec", str(tmp_path / "openapi.yaml"),
            "--overlay", str(stray),
            "--lock", str(tmp_path / "lock.json"),
            "--changelog", str(tmp_path / "CHANGELOG.md"),
            "--names", str(NAMES_PATH),
            "--upstream-dir", str(tmp_path / "upstream"),
            "--generator-config", str(GENERATOR_CONFIG),
        ]
    )  # fmt: skip
    assert status == 0
    err = capsys.readouterr().err
    assert f"warning: overlay action {number} ($.paths['/v2/video'].post) matched nothing" in err
    assert (tmp_path / "openapi.yaml").read_bytes() == SPEC_PATH.read_bytes()


def test_an_undefined_security_scheme_fails_naming_the_action(tmp_path: Path) -> None:
    broken = with_actions(
        tmp_path,
        {
            "target": "$.paths['/text/{prompt}'].get",
            "description": "a scheme upstream does not define",
            "update": {"security": [{"keyQuery": []}]},
        },
    )
    with pytest.raises(update.UpdateError, match=r"security scheme 'keyQuery' is not defined"):
        run_update(BASELINE, tmp_path, overlay_path=broken)
    assert not (tmp_path / "openapi.yaml").exists()


def test_two_schemas_with_one_python_name_fail_naming_both_locations() -> None:
    """Upstream's own inline MessageContentPart, without our pins, gives duplicate models."""
    prepared = update.prepare(
        baseline(), _overlay(), [], apply_overlay=False, generator_config=GENERATOR_CONFIG
    )
    duplicates = [p for p in prepared.problems if "two schemas get the Python name" in p.message]
    assert duplicates, prepared.problems
    first = duplicates[0]
    assert first.location.startswith("/components/schemas/MessageContentPart/anyOf/")
    assert first.cause == f"upstream at {first.location}"
    assert "(the other is at /components/schemas/MessageContentPart/anyOf/" in first.message


def test_a_problem_inside_a_pinned_model_is_traced_to_upstream() -> None:
    provenance = check.Provenance(origins={"UserProfile": "/paths/~1account~1profile/get/x"})
    assert provenance.blame("/components/schemas/UserProfile/properties/tier") == (
        "upstream at /paths/~1account~1profile/get/x/properties/tier (pinned as UserProfile)"
    )
    provenance.written["overlay action 3 ($.a)"] = ["/components/schemas/UserProfile/properties"]
    assert provenance.blame("/components/schemas/UserProfile/properties/tier") == (
        "overlay action 3 ($.a)"
    )
    # Writing a sibling, or a whole mapping's other key, is no blame.
    assert provenance.blame("/components/schemas/UserProfile/required").startswith("upstream at")
    provenance.removed["overlay action 4 ($.b)"] = ["/components/schemas/Tier"]
    assert provenance.blame("/x", "#/components/schemas/Tier") == "overlay action 4 ($.b)"


def test_a_problem_in_upstreams_own_text_is_blamed_on_it_not_on_the_overlay() -> None:
    """With the real overlay, whose actions write to `$` and `$.components.schemas`."""
    upstream = baseline()
    balance = upstream["paths"]["/account/balance"]["get"]["responses"]["200"]
    balance["content"]["application/json"]["schema"]["properties"]["currency"] = {
        "$ref": "#/components/schemas/Currency"
    }
    prepared = update.prepare(upstream, _overlay(), _pins())
    [problem] = prepared.problems
    assert problem.location == "/components/schemas/Balance/properties/currency"
    assert problem.cause == (
        "upstream at /paths/~1account~1balance/get/responses/200/content/application~1json"
        "/schema/properties/currency (pinned as Balance)"
    )


def test_upstreams_own_429_gets_the_one_envelope_too() -> None:
    """Were upstream to document a 429 (with its own copy of the envelope), the overlay's
    actions would not merge our $ref into it but replace it."""
    upstream = baseline()
    text = upstream["paths"]["/text/{prompt}"]["get"]["responses"]
    text["429"] = copy.deepcopy(text["500"])
    text["429"]["description"] = "Slow down."
    prepared = update.prepare(upstream, _overlay(), _pins())
    assert prepared.problems == []
    answer = prepared.document["paths"]["/text/{prompt}"]["get"]["responses"]["429"]
    assert answer == {
        "description": "Slow down.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}},
    }


def test_an_invalid_document_is_refused(tmp_path: Path) -> None:
    broken = with_actions(
        tmp_path,
        {
            "target": "$.paths['/account/key'].get.responses",
            "description": "a response that is not a response object",
            "update": {"418": "teapot"},
        },
    )
    with pytest.raises(update.UpdateError, match=r"invalid OpenAPI 3\.1"):
        run_update(BASELINE, tmp_path, overlay_path=broken)


def test_the_committed_openapi_yaml_passes_every_check() -> None:
    document = _spec()
    assert check.problems(document, check.Provenance(), GENERATOR_CONFIG) == []


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
    new["components"]["schemas"]["UsageFormat"]["enum"].append("xml")
    report = diff.compare(old, new)
    found = {(c.location, c.kind, c.severity) for c in report.changes}
    assert ("TextModelName", "open-enum-value-added", N) in found
    assert ("Tier", "open-enum-value-added", N) in found
    # UsageFormat is a closed enum, only sent by the client: still not breaking.
    assert ("UsageFormat", "enum-value-added", N) in found
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


def test_an_unresolved_ref_is_an_error_not_an_empty_schema() -> None:
    old = _spec()
    new = copy.deepcopy(old)
    new["components"]["schemas"]["Balance"] = {"$ref": "#/components/schemas/Nowhere"}
    with pytest.raises(openapi.UnresolvedReference, match="Nowhere"):
        diff.compare(old, new)


# --------------------------------------------------------------------------- update


def test_the_lock_records_what_openapi_yaml_was_made_from() -> None:
    """openapi.yaml, names.yaml and overlay.yaml are what the last `make update-spec` read
    and wrote, from the snapshot of upstream the lock names.

    On failure: put the correction in spec/overlay.yaml (or spec/names.yaml), then run
    `make update-spec` (it re-applies them to the snapshot)."""
    lock = json.loads(LOCK_PATH.read_text(encoding="utf-8"))
    assert set(lock) == {
        "comment",
        "source",
        "upstream_sha256",
        "upstream_version",
        "overlay_sha256",
        "names_sha256",
        "openapi_sha256",
    }
    assert lock["source"] == "spec/upstream/2026-03-03-c1cbc69.json"
    assert lock["upstream_sha256"] == update.sha256((REPO_ROOT / lock["source"]).read_bytes())
    assert lock["upstream_sha256"].startswith("6cdc5206d237")  # upstream's bytes, unchanged
    assert lock["openapi_sha256"] == update.sha256(SPEC_PATH.read_bytes()), "openapi.yaml edited"
    assert lock["overlay_sha256"] == update.sha256(OVERLAY_PATH.read_bytes()), "overlay not applied"
    assert lock["names_sha256"] == update.sha256(NAMES_PATH.read_bytes()), "names not applied"


def test_upstreams_documents_are_kept_byte_for_byte() -> None:
    kept = {path.name: update.sha256(path.read_bytes())[:12] for path in UPSTREAM.iterdir()}
    # the first 12 hex digits of each revision's sha256, from ../shared/upstream/README.md
    assert kept == {
        "2026-02-08-0b26ef1.json": "620360d70182",
        "2026-02-18-1c9d1b1.json": "851db88710db",
        "2026-02-25-9345648.json": "37b24ff1bd42",
        "2026-03-03-c1cbc69.json": "6cdc5206d237",
    }
    attributes = (REPO_ROOT / ".gitattributes").read_text()
    assert "spec/upstream/** -text" in attributes, "git must not touch their line endings"


def test_the_baseline_snapshot_gives_openapi_yaml_byte_for_byte() -> None:
    prepared = update.prepare(baseline(), _overlay(), _pins())
    assert prepared.problems == []
    assert canonical.dump_bytes(prepared.document) == SPEC_PATH.read_bytes()


def test_update_from_the_baseline_changes_nothing(tmp_path: Path) -> None:
    original = SPEC_PATH.read_bytes()
    result = run_update(BASELINE, tmp_path, original)
    assert not result.changed
    assert (tmp_path / "openapi.yaml").read_bytes() == original
    assert result.report.changes == []
    assert not (tmp_path / "CHANGELOG.md").exists(), "no entry when nothing changed"
    # The lock names the snapshot relative to the repository (the lock's `spec/`'s parent).
    assert (tmp_path / "spec" / "lock.json").read_text().replace(
        "spec/upstream/2000-01-01-6cdc5206d237.json", "spec/upstream/2026-03-03-c1cbc69.json"
    ) == LOCK_PATH.read_text()
    assert result.snapshot.read_bytes() == _baseline_text()


def test_our_own_openapi_yaml_re_applies_everything_to_the_locked_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make update-spec` (SPEC=openapi.yaml): how a changed overlay action takes effect."""
    (tmp_path / "spec" / "upstream").mkdir(parents=True)
    (tmp_path / "spec" / "upstream" / BASELINE.name).write_bytes(_baseline_text())
    (tmp_path / "spec" / "lock.json").write_bytes(LOCK_PATH.read_bytes())
    (tmp_path / "openapi.yaml").write_bytes(SPEC_PATH.read_bytes())
    monkeypatch.chdir(tmp_path)
    result = update.update(
        "openapi.yaml",
        overlay_path=OVERLAY_PATH,
        names_path=NAMES_PATH,
        generator_config=GENERATOR_CONFIG,
    )
    assert result.reapplied and not result.changed
    assert result.snapshot == Path("spec/upstream/2026-03-03-c1cbc69.json")
    assert (tmp_path / "openapi.yaml").read_bytes() == SPEC_PATH.read_bytes()
    # Removing an action takes effect: without the chunk schemas, they are gone.
    document = _overlay()
    document["actions"] = [
        action for action in document["actions"] if "chat.completion.chunk" not in str(action)
    ]
    smaller = tmp_path / "overlay.yaml"
    smaller.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    again = update.update(
        "openapi.yaml",
        overlay_path=smaller,
        names_path=NAMES_PATH,
        generator_config=GENERATOR_CONFIG,
    )
    assert again.changed
    assert "ChatCompletionChunk" not in _load(tmp_path / "openapi.yaml")["components"]["schemas"]
    assert (
        "`ChatCompletionChunk`: component schema removed" in (tmp_path / "CHANGELOG.md").read_text()
    )


def _load(path: Path) -> dict[str, Any]:
    return canonical.parse(path.read_bytes(), str(path))


def test_a_new_revision_is_kept_and_the_lock_names_the_snapshot(tmp_path: Path) -> None:
    upstream = baseline()
    balance = upstream["paths"]["/account/balance"]["get"]["responses"]["200"]
    balance["content"]["application/json"]["schema"]["properties"]["currency"] = {"type": "string"}
    source = write_json(tmp_path / "elsewhere.json", upstream)
    result = run_update(source, tmp_path, SPEC_PATH.read_bytes())
    digest = update.sha256(source.read_bytes())
    assert result.snapshot == tmp_path / "spec" / "upstream" / f"2000-01-01-{digest[:12]}.json"
    assert result.snapshot.read_bytes() == source.read_bytes()
    lock = json.loads((tmp_path / "spec" / "lock.json").read_text())
    assert lock["source"] == f"spec/upstream/2000-01-01-{digest[:12]}.json"
    assert lock["upstream_sha256"] == digest
    assert [(c.location, c.kind) for c in result.report.changes] == [
        ("Balance.currency", "property-added-optional")
    ]
    # The same bytes fetched again are not kept twice.
    copied = write_json(tmp_path / "again.json", upstream)
    assert run_update(copied, tmp_path).snapshot == result.snapshot
    assert len(list((tmp_path / "spec" / "upstream").iterdir())) == 1


def test_a_new_upstream_operation_gets_a_clean_name_and_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upstream = baseline()
    upstream["paths"]["/video/{prompt}/frames"] = {
        "get": {
            "operationId": r"getGenerateVideo:prompt{[\s\S]+}Frames",
            "tags": ["gen.pollinations.ai"],
            "parameters": [
                {"in": "path", "name": "prompt", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"200": {"description": "OK"}, "401": {"description": "No key"}},
        }
    }
    source = write_json(tmp_path / "upstream.json", upstream)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")
    result = run_update(source, tmp_path, SPEC_PATH.read_bytes())
    assert result.changed
    operation = _load(tmp_path / "openapi.yaml")["paths"]["/video/{prompt}/frames"]["get"]
    assert (operation["operationId"], operation["tags"]) == (
        "get_video_by_prompt_frames",
        ["video"],
    )
    # The overlay's rules reach it: it answers 401, so it needs a key and can answer 429.
    assert operation["security"] == [{"bearerAuth": []}]
    assert "429" in operation["responses"]
    assert result.prepared.unpinned == ["GET /video/{prompt}/frames -> get_video_by_prompt_frames"]
    text = (tmp_path / "CHANGELOG.md").read_text()
    assert text.startswith(changelog.HEADING)
    assert "## 2000-01-01: upstream 0.3.0" in text
    assert "`GET /video/{prompt}/frames`: operation added" in text
    assert "pin a name in spec/overlay.yaml" in text


def test_update_is_reproducible(tmp_path: Path) -> None:
    """Same input, same bytes: openapi.yaml, the lock and the changelog entry."""
    outputs = []
    for name in ("one", "two"):
        workdir = tmp_path / name
        workdir.mkdir()
        run_update(BASELINE, workdir)
        outputs.append(
            [
                (workdir / "openapi.yaml").read_bytes(),
                (workdir / "spec" / "lock.json").read_bytes().replace(name.encode(), b"x"),
                (workdir / "CHANGELOG.md").read_bytes(),
            ]
        )
    assert outputs[0] == outputs[1]
    again = run_update(BASELINE, tmp_path / "one")
    assert not again.changed
    assert (tmp_path / "one" / "CHANGELOG.md").read_bytes() == outputs[0][2]


def test_update_reports_fixes_that_no_longer_apply_and_pins_it_cannot_place(
    tmp_path: Path,
) -> None:
    upstream = baseline()
    del upstream["paths"]["/account/key"]
    source = write_json(tmp_path / "upstream.json", upstream)
    result = run_update(source, tmp_path, SPEC_PATH.read_bytes())
    assert result.prepared.unmatched == [
        f"overlay action {action.number} ({action.target})"
        for action in overlay.validate(_overlay())
        if "/account/key" in action.target or "KeyInfo" in action.target
    ]
    assert len(result.prepared.unmatched) == 2  # its name, and its open key type
    assert result.prepared.missing == [
        f"{p.name}: {p.locations[0]}" for p in _pins() if "~1account~1key" in p.locations[0]
    ]
    assert result.report.breaking
    text = (tmp_path / "CHANGELOG.md").read_text()
    assert "overlay action matched nothing, fix no longer applied" in text
    assert "pinned model name whose location this revision lacks: KeyInfo:" in text


def test_update_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    upstream = baseline()
    upstream["openapi"] = "2.0"
    source = write_json(tmp_path / "upstream.json", upstream)
    with pytest.raises(update.UpdateError, match="OpenAPI 3"):
        run_update(source, tmp_path)
    assert not (tmp_path / "openapi.yaml").exists()


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name, value in LOOPBACK_NO_PROXY.items():  # a developer's proxy must not get these
        monkeypatch.setenv(name, value)
    path = tmp_path / "served.json"
    path.write_bytes(_baseline_text())
    with serve_file(path) as base:
        yield base


def test_update_and_diff_read_a_url(tmp_path: Path, served: str) -> None:
    original = SPEC_PATH.read_bytes()
    result = run_update(f"{served}/openapi.json", tmp_path, original)
    assert not result.changed
    assert result.snapshot.read_bytes() == _baseline_text()
    assert json.loads((tmp_path / "spec" / "lock.json").read_text())["source"] == (
        "spec/upstream/2000-01-01-6cdc5206d237.json"
    )
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
    assert "spec/upstream/**" in nightly, "the pull request carries upstream's document"


def test_update_regenerate_and_the_suite_stays_green(tmp_path: Path) -> None:
    """The nightly job's steps, as its workflow runs them, in a copy of the repository:
    spec-diff and update-spec against upstream's URL (a local server), then
    check-generated and the spec and model tests against the regenerated client."""
    root = copy_repository(tmp_path / "repo")
    upstream = baseline()
    balance = upstream["paths"]["/account/balance"]["get"]["responses"]["200"]
    balance["content"]["application/json"]["schema"]["properties"]["currency"] = {
        "type": "string",
        "description": "The currency of the balance.",
    }
    candidate = write_json(tmp_path / "upstream.json", upstream)

    with serve_file(candidate) as base:
        url = f"{base}/openapi.json"
        diffed = make(root, "spec-diff", f"SPEC={url}")
        assert diffed.returncode == 0, diffed.stdout + diffed.stderr
        assert "| `Balance.currency` | optional property added | response |" in diffed.stdout
        report = json.loads((root / "build" / "spec-diff.json").read_text())
        assert report["summary"] == {"breaking": 0, "review": 0, "non-breaking": 1}
        assert (root / "build" / "spec-diff.md").read_text() in diffed.stdout

        updated = make(root, "update-spec", f"SPEC={url}")
        assert updated.returncode == 0, updated.stdout + updated.stderr

    assert "generate: pollinations_client/ rewritten from openapi.yaml" in updated.stdout
    assert "currency" in (root / "pollinations_client" / "models" / "balance.py").read_text()
    assert (root / "pollinations_client" / "openapi.yaml").read_bytes() == (
        root / "openapi.yaml"
    ).read_bytes()
    for module in ("image/generate_image.py", "chat/create_chat_completion.py"):
        assert (root / "pollinations_client" / "api" / module).read_bytes() == (
            REPO_ROOT / "pollinations_client" / "api" / module
        ).read_bytes()
    changelog_text = (root / "CHANGELOG.md").read_text()
    assert "## 2000-01-01: upstream 0.3.0" in changelog_text
    assert "`Balance.currency`: optional property added (response)" in changelog_text
    snapshot = json.loads((root / "spec" / "lock.json").read_text())["source"]
    assert snapshot.startswith("spec/upstream/2000-01-01-")
    assert (root / snapshot).read_bytes() == candidate.read_bytes()

    checked = make(root, "check-generated")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # Re-applying to the kept snapshot (no SPEC) changes nothing.
    again = make(root, "update-spec")
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"re-applied the names and the overlay to {snapshot}" in again.stdout
    assert (root / "CHANGELOG.md").read_text() == changelog_text

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
        env={**_clean_env(), "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert tests.returncode == 0, tests.stdout[-4000:] + tests.stderr[-2000:]

    # A breaking revision: spec-diff fails, and the JSON report says why.
    upstream["paths"].pop("/text/models")
    breaking_json = write_json(tmp_path / "breaking.json", upstream)
    breaking = make(root, "spec-diff", "OLD=openapi.yaml", f"NEW={breaking_json}")
    assert breaking.returncode != 0
    report = json.loads((root / "build" / "spec-diff.json").read_text())
    assert report["breaking"] is True
    assert any(
        change["location"] == "GET /text/models" and change["kind"] == "operation-removed"
        for change in report["changes"]
    )


def _clean_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}


def test_the_copy_imports_its_own_client(tmp_path: Path) -> None:
    """Guard for the tests that run code in a copy: its pollinations_client and its custom/
    are imported, not this checkout's (which the editable install points to)."""
    root = tmp_path / "copy"
    (root / "pollinations_client").mkdir(parents=True)
    (root / "pollinations_client" / "__init__.py").write_text("")
    (root / "custom").mkdir()
    (root / "custom" / "__init__.py").write_text("MARK = 'the copy'\n")
    probe = python_in(
        root,
        "import pollinations_client, pollinations_client.custom as c;"
        " print(pollinations_client.__file__, c.MARK)",
    )
    assert probe.returncode == 0, probe.stderr
    imported = Path(probe.stdout.split()[0])
    assert imported.resolve() == (root / "pollinations_client" / "__init__.py").resolve()
    assert probe.stdout.split()[1:] == ["the", "copy"]


# ------------------------------------------------------------ generator input


def test_the_generator_reads_parameter_descriptions_from_their_schemas() -> None:
    """openapi-python-client reads a parameter's schema only: its description is copied there."""
    from spec.tools import generator_input

    document = {
        "openapi": "3.1.0",
        "paths": {
            "/a": {
                "get": {
                    "parameters": [
                        {
                            "name": "p",
                            "in": "query",
                            "description": "P.",
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "q",
                            "in": "query",
                            "description": "Q.",
                            "schema": {"$ref": "#/x"},
                        },
                        {
                            "name": "r",
                            "in": "query",
                            "description": "outer",
                            "schema": {"type": "string", "description": "inner"},
                        },
                    ]
                }
            }
        },
    }
    before = copy.deepcopy(document)
    parameters = generator_input.adapted(document)["paths"]["/a"]["get"]["parameters"]
    assert document == before  # openapi.yaml itself is never changed
    assert parameters[0]["schema"] == {"type": "string", "description": "P."}
    assert parameters[1]["schema"] == {"$ref": "#/x"}  # the generator ignores $ref siblings
    assert parameters[2]["schema"]["description"] == "inner"  # the schema's own wins

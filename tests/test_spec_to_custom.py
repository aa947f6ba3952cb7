"""A change to openapi.yaml reaches the ergonomic layer through `make generate` alone.

In a copy of the repository, openapi.yaml gains a bounded query parameter on
/image/{prompt} and a narrower bound on the text seed; `make generate` rewrites the
generated package, and the copy's unchanged custom/ sends the new parameter, enforces
both bounds before any request, and documents the new parameter in `help()`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from _repo_copy import REPO_ROOT, copy_repository, make, python_in

from pollinations_client.custom import Pollinations

NEW_PARAMETER = {
    "in": "query",
    "name": "stylePower",
    "description": "How strongly the style preset applies (added by this test).",
    "schema": {"type": "integer", "minimum": 0, "maximum": 10},
}
TEXT_SEED_MAXIMUM = 1000

PROBE = """
import json
import respx
from pollinations_client.custom import InvalidParameterError, Pollinations

client = Pollinations(api_key="sk_probe", base_url="https://gen.example", max_retries=0)
found = {}
with respx.mock(base_url="https://gen.example", assert_all_called=False) as router:
    image = router.get(path__startswith="/image/").respond(
        200, content=b"\\x89PNG\\r\\n\\x1a\\n....", headers={"content-type": "image/png"}
    )
    text = router.get(path__startswith="/text/").respond(200, text="hi")
    client.images.generate("a cat", style_power=7)
    found["sent"] = dict(image.calls.last.request.url.params)
    client.text.generate("hi", seed=1000)
    found["seed_sent"] = dict(text.calls.last.request.url.params)
    refused = {}
    for label, call in {
        "style_power=11": lambda: client.images.generate("a cat", style_power=11),
        "style_power=-1": lambda: client.images.generate("a cat", style_power=-1),
        "seed=1001": lambda: client.text.generate("hi", seed=1001),
    }.items():
        before = len(router.calls)
        try:
            call()
        except InvalidParameterError as exc:
            refused[label] = [exc.field, str(exc), len(router.calls) - before]
    found["refused"] = refused
found["doc"] = client.images.generate.__doc__
print(json.dumps(found))
"""


def _edited(spec_path: Path) -> None:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    spec["paths"]["/image/{prompt}"]["get"]["parameters"].append(NEW_PARAMETER)
    (seed,) = [
        p for p in spec["paths"]["/text/{prompt}"]["get"]["parameters"] if p["name"] == "seed"
    ]
    assert seed["schema"]["maximum"] > TEXT_SEED_MAXIMUM  # the bound really is narrowed
    seed["schema"]["maximum"] = TEXT_SEED_MAXIMUM
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_committed_client_knows_neither_change() -> None:
    """The control: without the edit, the parameter is unknown and the seed bound wider."""
    from pollinations_client.params import GENERATE_TEXT

    with Pollinations(api_key="sk_probe", base_url="https://gen.example") as client:
        with pytest.raises(TypeError, match="style_power"):
            client.images.url("a cat", style_power=7)  # type: ignore[call-arg]
        assert "style_power" not in (client.images.generate.__doc__ or "")
    assert GENERATE_TEXT.parameter("seed").schema["maximum"] > TEXT_SEED_MAXIMUM


def test_a_new_parameter_and_a_narrower_bound_reach_the_custom_layer(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    _edited(root / "openapi.yaml")
    generated = make(root, "generate")
    assert generated.returncode == 0, generated.stdout[-3000:] + generated.stderr[-3000:]
    params = (root / "pollinations_client" / "params.py").read_text(encoding="utf-8")
    assert '"stylePower"' in params

    probe = python_in(root, PROBE)
    assert probe.returncode == 0, probe.stderr[-3000:]
    found = json.loads(probe.stdout)
    assert found["sent"] == {"stylePower": "7"}
    assert found["seed_sent"] == {"seed": "1000"}
    assert found["refused"] == {
        "style_power=11": ["style_power", "style_power: must be between 0 and 10, not 11", 0],
        "style_power=-1": ["style_power", "style_power: must be between 0 and 10, not -1", 0],
        "seed=1001": ["seed", "seed: must be between -1 and 1000, not 1001", 0],
    }
    doc = " ".join(found["doc"].split())
    assert "style_power (int | None): How strongly the style preset applies" in doc
    assert "From 0 to 10." in doc

    # ... and not a byte of the hand-written layer changed.
    assert _tree(root / "custom") == _tree(REPO_ROOT / "custom")

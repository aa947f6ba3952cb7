"""The wheel: built from the work tree, installed into a brand-new virtual environment,
it imports from that environment and carries the spec and the PEP 561 markers."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from _spec import REPO_ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

# Not copied into the build directory: environments, caches, scratch and build output.
IGNORED = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".generate",
    ".typecheck",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".bench-venv",
    ".hypothesis",
    "demo-output",
)


def _env() -> dict[str, str]:
    """The environment without anything that points Python at this checkout or venv."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")
    }
    env["PYTHONNOUSERSITE"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(args: list[str], cwd: Path, timeout: int = 600) -> str:
    result = subprocess.run(
        args, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@dataclass(frozen=True)
class Built:
    source: Path  # the copy of the work tree the wheel was built from
    wheel: Path
    venv: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The wheel built from a copy of the work tree (so that the build's own build/ and
    egg-info never touch the shared checkout), installed into a new venv."""
    root = tmp_path_factory.mktemp("packaging")
    source = root / "src"
    shutil.copytree(REPO_ROOT, source, ignore=IGNORED, symlinks=True)
    dist = root / "dist"
    # No network: build with this venv's setuptools (a dev dependency) instead of an
    # isolated build environment fetched from the package index.
    _run(
        [
            sys.executable, "-m", "build", "--wheel", "--no-isolation",
            "--skip-dependency-check", "--outdir", str(dist), str(source),
        ],
        root,
    )  # fmt: skip
    wheels = sorted(dist.glob("*.whl"))
    assert len(wheels) == 1, wheels
    venv = root / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], root)
    python = venv / "bin" / "python"
    _run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", str(wheels[0])],
        root,
    )
    site = _site_packages(venv)
    for distribution in _runtime_closure(wheels[0]):
        _copy_distribution(distribution, site)
    yield Built(source=source, wheel=wheels[0], venv=venv)


def _site_packages(venv: Path) -> Path:
    [site] = sorted((venv / "lib").glob("python3*/site-packages"))
    return site


def _runtime_closure(wheel: Path) -> list[importlib.metadata.Distribution]:
    """The installed distributions the wheel needs at run time, transitively.

    They are copied from this environment rather than downloaded: no test reaches the
    network, and the copies are the very versions the suite runs against.
    """
    with zipfile.ZipFile(wheel) as archive:
        [metadata_name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(metadata_name).decode("utf-8")
    pending = [
        line.split(":", 1)[1].strip()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:")
    ]
    seen: dict[str, importlib.metadata.Distribution] = {}
    while pending:
        requirement = Requirement(pending.pop())
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        distribution = importlib.metadata.distribution(requirement.name)
        seen[name] = distribution
        pending.extend(distribution.requires or [])
    return list(seen.values())


def _copy_distribution(distribution: importlib.metadata.Distribution, site: Path) -> None:
    for file in distribution.files or []:
        if ".." in file.parts:  # console scripts and data outside site-packages
            continue
        source = Path(str(distribution.locate_file(file)))
        if source.is_file():
            target = site / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def test_wheel_name(built: Built) -> None:
    wheel = built.wheel
    assert wheel.name == "pollinations_client-0.1.0-py3-none-any.whl"


def test_wheel_contents(built: Built) -> None:
    wheel = built.wheel
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped_spec = archive.read("pollinations_client/openapi.yaml")
    assert "pollinations_client/py.typed" in names
    assert "pollinations_client/custom/py.typed" in names
    assert shipped_spec == (built.source / "openapi.yaml").read_bytes()

    source = built.source
    generated = {
        path.relative_to(source).as_posix()
        for path in (source / "pollinations_client").rglob("*.py")
    }
    custom = {
        "pollinations_client/custom/" + path.relative_to(source / "custom").as_posix()
        for path in (source / "custom").rglob("*.py")
    }
    assert custom, "custom/ has no modules"
    python_files = {name for name in names if name.endswith(".py")}
    assert python_files == generated | custom
    # Nothing else of the repository leaks into the wheel.
    top_level = {name.split("/", 1)[0] for name in names}
    assert top_level == {"pollinations_client", "pollinations_client-0.1.0.dist-info"}


def test_wheel_declares_its_dependencies(built: Built) -> None:
    wheel = built.wheel
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read("pollinations_client-0.1.0.dist-info/METADATA").decode()
    requires = {
        line.split(":", 1)[1].strip().split(";")[0].strip()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:")
    }
    for needed in ("httpx", "attrs", "python-dateutil"):
        assert any(req.startswith(needed) for req in requires), (needed, requires)
    assert "Requires-Python: >=3.10" in metadata


PROBE = """
import importlib.metadata, importlib.resources, json, sys
import pollinations_client, pollinations_client.custom, pollinations_client.models
import pollinations_client.api.chat.create_chat_completion
import pollinations_client.custom.resources
package = importlib.resources.files("pollinations_client")
print(json.dumps({
    "prefix": sys.prefix,
    "files": {
        name: module.__file__
        for name, module in sys.modules.items()
        if name == "pollinations_client" or name.startswith("pollinations_client.")
    },
    "spec": package.joinpath("openapi.yaml").read_text(encoding="utf-8"),
    "py_typed": package.joinpath("py.typed").is_file(),
    "version": importlib.metadata.version("pollinations-client"),
    "tier": pollinations_client.models.Tier("seed").value,
}))
"""


def test_installed_package_imports_from_the_new_venv(built: Built, tmp_path: Path) -> None:
    venv = built.venv
    out = _run([str(venv / "bin" / "python"), "-I", "-c", PROBE], tmp_path)
    probe = json.loads(out)
    assert Path(probe["prefix"]).resolve() == venv.resolve()
    site_packages = sorted((venv / "lib").glob("python3*/site-packages"))
    assert len(site_packages) == 1
    site = site_packages[0].resolve()
    files = probe["files"]
    for name in (
        "pollinations_client",
        "pollinations_client.custom",
        "pollinations_client.models",
        "pollinations_client.custom.resources",
        "pollinations_client.api.chat.create_chat_completion",
    ):
        assert name in files, name
    for name, file in files.items():
        path = Path(file).resolve()
        assert path.is_relative_to(site), f"{name} imported from {path}"
        assert not path.is_relative_to(REPO_ROOT.resolve()), f"{name} imported from the checkout"
    assert probe["spec"] == (built.source / "openapi.yaml").read_text(encoding="utf-8")
    assert probe["py_typed"] is True
    assert probe["version"] == "0.1.0"
    assert probe["tier"] == "seed"


def test_new_venv_is_clean(built: Built, tmp_path: Path) -> None:
    """No system site-packages and no trace of the development environment: only the
    wheel and its runtime dependencies are importable."""
    venv = built.venv
    config = (venv / "pyvenv.cfg").read_text(encoding="utf-8")
    assert "include-system-site-packages = false" in config
    code = (
        "import importlib.util, json; print(json.dumps({m: importlib.util.find_spec(m) is None"
        " for m in ('pytest', 'respx', 'openapi_python_client')}))"
    )
    absent = json.loads(_run([str(venv / "bin" / "python"), "-I", "-c", code], tmp_path))
    assert absent == {"pytest": True, "respx": True, "openapi_python_client": True}

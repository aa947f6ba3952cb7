"""Running make targets in a copy of this repository, and serving a file on loopback.

The spec-tracking tests run `make update-spec`, `make spec-diff` and `make generate` as a
developer or the nightly workflow would, but in a copy, so that nothing here changes.
The copy uses this checkout's virtual environment and never installs anything.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LOOPBACK_NO_PROXY = {"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}


def copy_repository(destination: Path) -> Path:
    """The tracked and untracked (not ignored) files of this checkout, under `destination`.

    Also builds what make needs to run there without installing: see `_guarded_bin`.
    """
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
    _guarded_bin(destination)
    return destination


def _guarded_bin(copy_root: Path) -> Path:
    """This venv's tools for make in the copy, with a `python` that refuses `-m pip`.

    The copy must never install anything: `pip install -e .` there would point this
    venv's editable install at the copy. The copy's .venv/.installed is newer than its
    pyproject.toml, so make sees nothing to install; the wrapper makes sure of it.
    """
    guard = copy_root.parent / f"{copy_root.name}-bin"
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


def make(copy_root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """make in a copy, with this venv's tools: never reinstall, never use the network."""
    guard = copy_root.parent / f"{copy_root.name}-bin"
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


def python_in(copy_root: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Python code run against the copy's packages: its generated client, and its custom/
    as pollinations_client.custom, as in an installed wheel. Both are read through a tree
    of links beside the copy (as `make typecheck-tree` builds one), so the copy itself
    stays exactly what make wrote."""
    site = copy_root.parent / f"{copy_root.name}-site"
    shutil.rmtree(site, ignore_errors=True)
    package = site / "pollinations_client"
    package.mkdir(parents=True)
    for entry in (copy_root / "pollinations_client").iterdir():
        (package / entry.name).symlink_to(entry)
    (package / "custom").symlink_to(copy_root / "custom")
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=site,  # `python -c` puts the working directory first on sys.path
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"},
    )


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

"""The command line conventions (issue 14), run as a user runs them: the installed
`pollinations` command in a subprocess, against the bundled mock server on 127.0.0.1.

Also the developer packaging: `make install` says nothing about the editable install,
and mypy sees the package's types through it.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import re
import shlex
import shutil
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from _spec import REPO_ROOT

import pollinations_client.custom
from pollinations_client.custom.cli import _build_parser
from pollinations_client.custom.mock import MockServer
from pollinations_client.params import GENERATE_IMAGE

CLI = str(Path(sys.executable).with_name("pollinations"))
KEY = "sk_cli_conventions_4711"
PUBLISHABLE = "pk_cli_conventions_4711"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(stream_interval=0.0) as running:
        yield running


def _env(base_url: str | None, key: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLLINATIONS_")}
    if base_url:
        env["POLLINATIONS_BASE_URL"] = base_url
    if key:
        env["POLLINATIONS_API_KEY"] = key
    return env


def run(
    *args: str, base_url: str | None = None, key: str | None = KEY, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, *args], env=_env(base_url, key), cwd=cwd, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip


def run_binary(*args: str, base_url: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [CLI, *args], env=_env(base_url, KEY), cwd=cwd, capture_output=True, timeout=120,
        check=False,
    )  # fmt: skip


def closed_port_url() -> str:
    """A loopback URL nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


# ------------------------------------------------------------------ --version


def test_version_flag_prints_pyprojects_version() -> None:
    result = run("--version")
    assert result.returncode == 0, result.stderr
    declared = re.search(
        r'^version = "([^"]+)"', (REPO_ROOT / "pyproject.toml").read_text(), re.MULTILINE
    )
    assert declared, "pyproject.toml has no version"
    version = declared.group(1)
    assert result.stdout == f"pollinations {version}\n"
    assert pollinations_client.custom.__version__ == version
    assert importlib.metadata.version("pollinations-client") == version


# ------------------------------------------------------------------ -o - and --force


def test_output_dash_writes_the_image_to_stdout(server: MockServer, tmp_path: Path) -> None:
    result = run_binary("image", "a cat", "-o", "-", base_url=server.url, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(PNG)
    assert result.stderr == b""
    assert list(tmp_path.iterdir()) == []  # no file named "-", nor any other


def test_output_dash_writes_speech_to_stdout(server: MockServer, tmp_path: Path) -> None:
    result = run_binary(
        "speech", "hello", "--format", "wav", "-o", "-", base_url=server.url, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout[:4] == b"RIFF" and result.stdout[8:12] == b"WAVE"
    assert list(tmp_path.iterdir()) == []


def test_output_dash_and_json_is_a_usage_error(tmp_path: Path) -> None:
    result = run("image", "a cat", "-o", "-", "--json", base_url=closed_port_url(), cwd=tmp_path)
    assert result.returncode == 2
    assert "--json" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("command", [["image", "a cat"], ["speech", "hello"]])
def test_an_existing_output_file_stops_the_command_before_sending(
    command: list[str], tmp_path: Path
) -> None:
    target = tmp_path / "taken.bin"
    target.write_bytes(b"keep me")
    # Nothing listens there: a request sent would be a connection error (exit 1).
    result = run(*command, "-o", str(target), base_url=closed_port_url())
    assert result.returncode == 2, result.stderr
    assert f"{target} exists" in result.stderr and "--force" in result.stderr
    assert target.read_bytes() == b"keep me"


def test_force_overwrites_an_existing_output_file(server: MockServer, tmp_path: Path) -> None:
    target = tmp_path / "cat.png"
    target.write_bytes(b"old")
    result = run("image", "a cat", "-o", str(target), "--force", base_url=server.url)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(PNG)
    assert [path.name for path in tmp_path.iterdir()] == ["cat.png"]  # no temporary left


def test_a_device_or_fifo_is_written_in_place(server: MockServer, tmp_path: Path) -> None:
    """`-o /dev/null` or a FIFO: written as a shell's `>` would, without --force; a
    temporary file renamed over it would replace it (as root, /dev/null itself)."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so that the writer's open returns
    try:
        result = run(
            "image", "a cat", "--width", "32", "--height", "32", "-o", str(fifo),
            base_url=server.url,
        )  # fmt: skip
        data = os.read(reader, 1 << 20)
    finally:
        os.close(reader)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still the FIFO, not a file renamed over it
    assert data.startswith(PNG)
    assert [path.name for path in tmp_path.iterdir()] == ["fifo"]


def test_a_taken_default_name_gives_a_new_name_said_on_stderr(
    server: MockServer, tmp_path: Path
) -> None:
    (tmp_path / "a-cat.png").write_bytes(b"keep me")
    (tmp_path / "a-cat-1.png").write_bytes(b"me too")
    result = run("image", "a cat", base_url=server.url, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "a-cat.png").read_bytes() == b"keep me"
    assert (tmp_path / "a-cat-1.png").read_bytes() == b"me too"
    assert (tmp_path / "a-cat-2.png").read_bytes().startswith(PNG)
    assert "a-cat.png exists; writing a-cat-2.png" in result.stderr
    assert "to a-cat-2.png" in result.stdout


# ------------------------------------------------------------------ closed pipe


@pytest.mark.parametrize(
    "command",
    [["models"], ["text", "hi", "--stream"], ["--json", "chat", "hi", "--stream"],
     ["image", "a cat", "-o", "-"]],
)  # fmt: skip
def test_a_closed_stdout_ends_quietly_with_141(
    server: MockServer, command: list[str], tmp_path: Path
) -> None:
    """As `pollinations models | head -1` once head has gone: the pipe's reading end
    is closed before the command writes, so every write fails (deterministically)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [CLI, *command], env=_env(server.url, KEY), cwd=tmp_path, stdout=write_end,
            stderr=subprocess.PIPE, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert result.stderr == ""  # no traceback, no "Broken pipe", no "Exception ignored"
    assert result.returncode == 141  # 128 + SIGPIPE, as a shell reports for `yes | head -1`


# ------------------------------------------------------------------ messages


def test_no_key_names_the_flag_and_the_variable(server: MockServer) -> None:
    result = run("balance", base_url=server.url, key=None)
    assert result.returncode == 2
    assert "--api-key" in result.stderr and "POLLINATIONS_API_KEY" in result.stderr
    assert "api_key=" not in result.stderr  # the library's words, not the CLI's
    assert result.stderr.count("\n") == 1


def test_a_refused_key_says_to_check_it_and_where_it_came_from(server: MockServer) -> None:
    from_env = run("balance", base_url=server.url, key="not_a_key")
    assert from_env.returncode == 1
    assert "401" in from_env.stderr
    assert "check the API key in POLLINATIONS_API_KEY" in from_env.stderr
    from_flag = run("--api-key", "not_a_key", "balance", base_url=server.url, key=None)
    assert from_flag.returncode == 1
    assert "check the API key given with --api-key" in from_flag.stderr


def test_a_connection_error_names_the_url_and_the_attempts() -> None:
    url = closed_port_url()
    result = run("text", "hello", base_url=url)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    # DEFAULT_MAX_RETRIES is 2: two retries said as they happen, then three attempts.
    assert [line for line in lines if "retrying in" in line] == lines[:2], result.stderr
    assert "(retry 1 of 2)" in lines[0] and "(retry 2 of 2)" in lines[1]
    assert lines[2].startswith(f"pollinations: connection error with {url} (3 attempts): ")
    assert len(lines) == 3


def test_a_bad_request_is_told_once(server: MockServer) -> None:
    result = run("chat", "hi", "--model", "no-such-model-4711", base_url=server.url)
    assert result.returncode == 1
    assert "400" in result.stderr
    # The server's message and its fieldErrors both name the model; said once.
    assert result.stderr.count("no-such-model-4711") == 1, result.stderr
    assert re.search(r"request id: \S+", result.stderr)


def test_the_publishable_key_warning_is_one_line(server: MockServer) -> None:
    result = run("chat", "hi", base_url=server.url, key=PUBLISHABLE)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("pollinations: warning: chat is documented for secret")
    assert result.stderr.count("\n") == 1
    assert "PublishableKeyWarning" not in result.stderr and ".py:" not in result.stderr


@pytest.mark.parametrize("message", ["", "   "], ids=["empty", "blank"])
def test_an_empty_chat_message_is_a_usage_error_like_an_empty_prompt(message: str) -> None:
    url = closed_port_url()  # a request sent would be exit 1
    chat = run("chat", message, base_url=url)
    text = run("text", message, base_url=url)
    assert chat.returncode == text.returncode == 2
    assert "must not be empty" in chat.stderr and "must not be empty" in text.stderr


@pytest.mark.parametrize("command", ["text", "chat"])
def test_json_with_stream_prints_json_lines(server: MockServer, command: str) -> None:
    result = run("--json", command, "tell me more", "--seed", "5", "--stream", base_url=server.url)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(events) > 1 and all(isinstance(event, dict) for event in events)
    if command == "text":
        whole = run("text", "tell me more", "--seed", "5", base_url=server.url).stdout
        assert "".join(event["text"] for event in events) == whole.rstrip("\n")
    else:
        assert {event["object"] for event in events} == {"chat.completion.chunk"}


def test_every_option_has_help() -> None:
    parser = _build_parser()
    parsers = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            # `mock` hands its options to the mock server's parser.
            parsers += [sub for name, sub in action.choices.items() if name != "mock"]
    missing = [
        f"{sub.prog} {action.option_strings or action.dest}"
        for sub in parsers
        for action in sub._actions
        if not action.help or action.help == "==SUPPRESS=="
    ]
    assert missing == []
    # Options that map to a spec parameter show the spec's description.
    shown = " ".join(run("image", "--help").stdout.split())
    assert " ".join(GENERATE_IMAGE.parameter("prompt").help.split()) in shown
    assert " ".join(GENERATE_IMAGE.parameter("seed").help.split()) in shown


# ------------------------------------------------------------------ the demo


def test_the_demo_echoes_commands_that_paste_into_a_shell(
    server: MockServer, tmp_path: Path
) -> None:
    out = tmp_path / "demo out"  # a space, to be quoted
    result = subprocess.run(
        [sys.executable, "-m", "pollinations_client.custom.demo", "--out", str(out)],
        env=_env(None, None), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    echoed = [line[2:] for line in result.stdout.splitlines() if line.startswith("$ ")]
    assert len(echoed) == 2, result.stdout
    image = shlex.split(echoed[0])
    assert image[:3] == ["pollinations", "image", "a lighthouse at dusk, oil painting"]
    assert str(out / "lighthouse.png") in image
    # Pasted as shown (against this test's mock), each runs again.
    env = _env(server.url, KEY)
    env["PATH"] = f"{Path(CLI).parent}{os.pathsep}{env.get('PATH', '')}"
    for line in echoed:
        pasted = subprocess.run(
            ["sh", "-c", line], env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert pasted.returncode == 0, (line, pasted.stderr)


# ------------------------------------------------------------------ developer packaging

# Not copied into the scratch checkout (as in test_packaging.py).
IGNORED = shutil.ignore_patterns(
    ".git", ".venv", ".generate", ".typecheck", "build", "dist", "*.egg-info", "__pycache__",
    ".pytest_cache", ".mypy_cache", ".ruff_cache", ".bench-venv", ".hypothesis", "demo-output",
)  # fmt: skip
BANNER = re.compile(r"BuildBackendWarning|Editable install|\*{20}")


def _offline_env() -> dict[str, str]:
    """pip without its configuration or an index: no test reaches the network."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONWARNINGS", "VIRTUAL_ENV") and not key.startswith("PIP_")
    }
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PYTHONNOUSERSITE="1")
    return env


def test_make_install_prints_no_editable_install_banner(tmp_path: Path) -> None:
    """`make install` in a copy of the checkout, into a venv holding this environment's
    pip, setuptools and wheel (dependencies and build isolation off: offline)."""
    source = tmp_path / "src"
    shutil.copytree(REPO_ROOT, source, ignore=IGNORED, symlinks=True)
    venv = source / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    [site] = (venv / "lib").glob("python3*/site-packages")
    for name in ("pip", "setuptools", "wheel"):
        distribution = importlib.metadata.distribution(name)
        for file in distribution.files or []:
            origin = Path(str(distribution.locate_file(file)))
            if ".." not in file.parts and origin.is_file():
                (site / file).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(origin, site / file)
    python = str(venv / "bin" / "python")
    options = ["--no-deps", "--no-build-isolation"]
    # The control: pip's --quiet alone shows setuptools' banner (so its absence below
    # means something).
    bare = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *options,
         "-e", str(source)],
        cwd=source, env=_offline_env(), capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert bare.returncode == 0, bare.stderr
    assert BANNER.search(bare.stdout + bare.stderr), "pip no longer shows the banner"

    made = subprocess.run(
        ["make", "install", f"PIP_OPTIONS={' '.join(options)}"],
        cwd=source, env=_offline_env(), capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stdout + made.stderr
    assert not BANNER.search(made.stdout + made.stderr), made.stdout + made.stderr
    assert made.stderr == ""
    # Still an editable install: setuptools' hook, and the link tree for type checkers.
    assert list(site.glob("__editable__*pollinations_client*"))
    tree = (site / "pollinations_client-editable-tree.pth").read_text().strip()
    assert Path(tree, "pollinations_client", "custom").resolve() == (source / "custom").resolve()


MISUSE = """\
from pollinations_client.custom import Pollinations, TextResult

client = Pollinations(api_key="sk_x")
answer: TextResult = client.text.generate("hi")
count: int = client.text.generate("hi")
"""
CORRECT = """\
from pollinations_client.custom import ImageResult, Pollinations

with Pollinations(api_key="sk_x") as client:
    image: ImageResult = client.images.generate("a cat", width=64)
    print(image.content_type, len(image.content))
"""


def test_mypy_sees_the_types_under_the_editable_install(tmp_path: Path) -> None:
    """A user's script, type-checked by mypy against this venv, as in another project:
    outside the checkout, so only what is installed (the editable install) is seen."""
    env = {k: v for k, v in os.environ.items() if k not in ("MYPYPATH", "PYTHONPATH")}
    results = {}
    for name, text in (("misuse.py", MISUSE), ("correct.py", CORRECT)):
        (tmp_path / name).write_text(text)
        results[name] = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--python-executable", sys.executable,
             name],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
    misuse = results["misuse.py"]
    assert "import-not-found" not in misuse.stdout, (
        "mypy does not see pollinations_client.custom: run `make install`\n" + misuse.stdout
    )
    assert misuse.returncode == 1
    assert re.search(
        r"misuse\.py:5: error: Incompatible types in assignment \(expression has type "
        r'"TextResult", variable has type "int"\)',
        misuse.stdout,
    ), misuse.stdout
    assert misuse.stdout.count(": error:") == 1, misuse.stdout
    correct = results["correct.py"]
    assert correct.returncode == 0, correct.stdout


def test_make_run_with_another_bin_leaves_the_venv_s_path_file_alone(tmp_path: Path) -> None:
    """The tests run `make BIN=<guard>` in copies of the repository, whose python is this
    venv's: that must not point this venv's .pth at the copy (mypy, and code run
    elsewhere, would lose the package once the copy is gone)."""
    import sysconfig

    pth = Path(sysconfig.get_path("purelib")) / "pollinations_client-editable-tree.pth"
    before = pth.read_text()
    assert before.strip() == str(REPO_ROOT / ".venv" / "editable-tree")
    copy = tmp_path / "copy"
    for name in ("Makefile", "pyproject.toml", "setup.py"):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO_ROOT / name, copy / name)
    for directory in ("pollinations_client", "custom", ".venv"):
        (copy / directory).mkdir()
    (copy / ".venv" / ".installed").touch()  # installed: only the tree step runs
    guard = tmp_path / "guard"
    guard.mkdir()
    wrapper = guard / "python"  # as tests/_repo_copy.py's guard: this venv's python
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    wrapper.chmod(0o755)
    try:
        done = subprocess.run(
            ["make", "--no-print-directory", "editable-tree", f"BIN={guard}"],
            cwd=copy, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert pth.read_text() == before
    finally:
        pth.write_text(before)

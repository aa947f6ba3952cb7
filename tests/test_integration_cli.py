"""The `pollinations` command, run as a user runs it: a subprocess against the mock server."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pollinations_client.custom.cli import _progress
from pollinations_client.custom.mock import MockServer

KEY = "sk_cli_secret_key_123"
CLI = str(Path(sys.executable).with_name("pollinations"))
COMMANDS = [
    "image", "text", "chat", "speech", "transcribe", "models", "balance", "profile", "key",
    "usage", "mock",
]  # fmt: skip


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(stream_interval=0.0) as running:
        yield running


def run(
    *args: str, base_url: str | None = None, key: str | None = KEY, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLLINATIONS_")}
    if base_url:
        env["POLLINATIONS_BASE_URL"] = base_url
    if key:
        env["POLLINATIONS_API_KEY"] = key
    return subprocess.run(
        [CLI, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_console_script_is_installed() -> None:
    assert Path(CLI).exists()


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_on_every_command(command: str | None) -> None:
    result = run(*([command] if command else []), "--help")
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout
    if command is None:
        for name in COMMANDS:
            assert name in result.stdout


def test_image_to_file(server: MockServer, tmp_path: Path) -> None:
    target = tmp_path / "cat.png"
    result = run(
        "image", "a cat", "-o", str(target), "--width", "32", "--height", "16", "--seed", "3",
        base_url=server.url,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"\x89PNG")
    assert str(target) in result.stdout
    # stderr is not a terminal here: no progress indicator
    assert result.stderr == ""


def test_image_json_output(server: MockServer, tmp_path: Path) -> None:
    target = tmp_path / "cat.png"
    result = run("image", "a cat", "-o", str(target), "--json", base_url=server.url)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["path"] == str(target)
    assert data["content_type"] == "image/png"
    assert data["bytes"] == target.stat().st_size


def test_text_chat_and_stream(server: MockServer) -> None:
    text = run("text", "haiku", "--seed", "1", base_url=server.url)
    assert text.returncode == 0 and text.stdout.strip()
    chat = run("chat", "hello there", "--seed", "2", base_url=server.url)
    streamed = run("chat", "hello there", "--seed", "2", "--stream", base_url=server.url)
    assert chat.returncode == streamed.returncode == 0
    assert chat.stdout == streamed.stdout and chat.stdout.strip()
    as_json = run("--json", "chat", "hello there", "--seed", "2", base_url=server.url)
    assert json.loads(as_json.stdout)["object"] == "chat.completion"
    lines = run("chat", "hi", "--stream", "--json", base_url=server.url).stdout.splitlines()
    assert len(lines) > 1
    assert all(json.loads(line)["object"] == "chat.completion.chunk" for line in lines)


def test_models_balance_profile_usage(server: MockServer) -> None:
    assert "openai" in run("models", base_url=server.url, key=None).stdout.split()
    assert "flux" in run("models", "--image", base_url=server.url).stdout
    names = [
        m["name"] for m in json.loads(run("models", "--text", "--json", base_url=server.url).stdout)
    ]
    assert "openai" in names
    balance = run("balance", base_url=server.url)
    assert re.fullmatch(r"[\d.]+ pollen\n", balance.stdout)
    assert json.loads(run("balance", "--json", base_url=server.url).stdout)["balance"] >= 0
    assert "tier" in run("profile", base_url=server.url).stdout
    run("text", "something to bill", base_url=server.url)
    usage = run("usage", "--limit", "1", "--json", base_url=server.url)
    assert json.loads(usage.stdout)["count"] == 1
    csv = run("usage", "--csv", base_url=server.url).stdout
    assert csv.splitlines()[0].startswith("timestamp")


def test_exit_code_2_for_usage_errors(server: MockServer) -> None:
    missing_key = run("balance", base_url=server.url, key=None)
    assert missing_key.returncode == 2
    assert "POLLINATIONS_API_KEY" in missing_key.stderr
    bad_number = run("image", "a cat", "--width", "wide", base_url=server.url)
    assert bad_number.returncode == 2
    negative = run("image", "a cat", "--width", "-5", base_url=server.url)
    assert negative.returncode == 2 and "width" in negative.stderr
    assert run("no-such-command").returncode == 2
    assert run("balance", "--base-url", "gen.pollinations.ai").returncode == 2


def test_exit_code_1_for_api_errors_with_request_id(server: MockServer) -> None:
    result = run("text", "hello", base_url=server.url, key="sk_empty_cli")
    assert result.returncode == 1
    assert "402" in result.stderr
    assert re.search(r"request id: \S+", result.stderr)
    assert result.stdout == ""


def test_exit_code_1_when_the_server_is_unreachable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run("text", "hello", base_url=f"http://127.0.0.1:{port}", timeout=120)
    assert result.returncode == 1
    assert "connection error" in result.stderr.lower()


def test_key_never_printed(server: MockServer, tmp_path: Path) -> None:
    outputs = [
        run("balance", base_url=server.url),
        run("text", "hello", base_url=server.url, key="sk_empty_secret_999"),
        run("--api-key", KEY, "profile", "--json", base_url=server.url),
        run("image", "x", "-o", str(tmp_path / "x.png"), "--json", base_url=server.url),
    ]
    for result in outputs:
        for secret in (KEY, "sk_empty_secret_999"):
            assert secret not in result.stdout
            assert secret not in result.stderr


def test_progress_indicator_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet = io.StringIO()
    with _progress("generating image", quiet):
        pass
    assert quiet.getvalue() == ""

    terminal = Terminal()
    with _progress("generating image", terminal):
        deadline = time.monotonic() + 10  # the spinner draws every 0.1 s; wait for one frame
        while "generating image" not in terminal.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
    shown = terminal.getvalue()
    assert "generating image" in shown
    assert shown.endswith("\r")  # the line is cleared at the end


def test_mock_command_starts_prints_its_url_and_stops() -> None:
    process = subprocess.Popen(
        [CLI, "mock", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)", line)
        assert match, line
        response = httpx.get(f"{match.group(1)}/v1/models", timeout=10)
        assert response.status_code == 200
        assert response.json()["object"] == "list"
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) in (0, -signal.SIGTERM)


def test_demo_runs_offline(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLLINATIONS_")}
    result = subprocess.run(
        [sys.executable, "-m", "pollinations_client.custom.demo", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "lighthouse.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "poem.txt").read_text().strip()
    assert "balance:" in result.stdout
    assert "the mock server is stopped" in result.stdout

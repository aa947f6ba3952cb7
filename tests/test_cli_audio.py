"""`pollinations speech`, `transcribe`, `key` and `usage --daily`, run as a user runs them:
the installed command in a subprocess, against the bundled mock server on 127.0.0.1.

The key formatting branches the mock never takes (an expiry, a model list, an invalid key)
are checked in process, with respx answering on 127.0.0.1: nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import socket
import subprocess
import sys
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import respx

from pollinations_client.custom.cli import SPEECH_FORMATS, _duration, main
from pollinations_client.custom.mock import MockServer

CLI = str(Path(sys.executable).with_name("pollinations"))
KEY = "sk_cli_audio_secret_4242"
BUDGET_KEY = "sk_budget_cli_secret_5151"
BAD_KEY = "bad_cli_secret_key_6161"
SECRETS = (KEY, BUDGET_KEY, BAD_KEY)


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(stream_interval=0.0) as running:
        yield running


def run(
    *args: str,
    base_url: str,
    key: str | None = KEY,
    cwd: Path | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """The command with only the given key and base URL in its environment; checks that
    no key reaches stdout or stderr, whatever the outcome."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLLINATIONS_")}
    env["POLLINATIONS_BASE_URL"] = base_url
    if key:
        env["POLLINATIONS_API_KEY"] = key
    result = subprocess.run(
        [CLI, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout,
        check=False,
    )  # fmt: skip
    for secret in SECRETS:
        assert secret not in result.stdout, result.stdout
        assert secret not in result.stderr, result.stderr
    return result


def closed_port_url() -> str:
    """A loopback URL nothing listens on: a command that sends anything fails with exit 1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def first_mpeg_frame(data: bytes) -> bytes:
    """The bytes after the ID3v2 tag, if there is one (its size is 4 syncsafe bytes)."""
    if data[:3] == b"ID3":
        size = 0
        for byte in data[6:10]:
            assert byte < 0x80, "ID3 size bytes are syncsafe"
            size = size << 7 | byte
        footer = 10 if data[5] & 0x10 else 0
        return data[10 + size + footer :]
    return data


def is_mpeg_frame(data: bytes) -> bool:
    return len(data) >= 4 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0


# ------------------------------------------------------------------ speech


def test_speech_writes_a_wav_file(server: MockServer, tmp_path: Path) -> None:
    target = tmp_path / "hello.wav"
    result = run(
        "speech", "Hello from the command line", "-o", str(target), "--format", "wav",
        "--voice", "nova", base_url=server.url,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with wave.open(str(target), "rb") as audio:
        assert audio.getnchannels() == 1
        assert audio.getsampwidth() == 2
        assert audio.getframerate() == 24000
        assert audio.getnframes() > 0
    size = target.stat().st_size
    assert result.stdout == f"Saved audio/wav ({size} bytes) to {target}\n"
    assert result.stderr == ""  # not a terminal: no progress indicator


def test_speech_default_format_is_an_mp3_named_after_the_text(
    server: MockServer, tmp_path: Path
) -> None:
    result = run("speech", "Hello, MP3 world!", base_url=server.url, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    target = tmp_path / "hello-mp3-world.mp3"
    data = target.read_bytes()
    assert data[:3] == b"ID3" or is_mpeg_frame(data)
    assert is_mpeg_frame(first_mpeg_frame(data))
    assert "hello-mp3-world.mp3" in result.stdout
    assert f"({len(data)} bytes)" in result.stdout


MAGIC: dict[str, Callable[[bytes], bool]] = {
    "mp3": lambda data: is_mpeg_frame(first_mpeg_frame(data)),
    "wav": lambda data: data[:4] == b"RIFF" and data[8:12] == b"WAVE",
    "flac": lambda data: data[:4] == b"fLaC",
    "opus": lambda data: data[:4] == b"OggS" and b"OpusHead" in data[:64],
    "aac": lambda data: data[0] == 0xFF and data[1] & 0xF6 == 0xF0,  # ADTS sync, layer 0
    "pcm": lambda data: len(data) > 0 and len(data) % 2 == 0,  # 16-bit samples
}


@pytest.mark.parametrize("audio_format", SPEECH_FORMATS)
def test_speech_every_format_gets_its_extension_and_is_that_format(
    server: MockServer, tmp_path: Path, audio_format: str
) -> None:
    result = run(
        "speech", "Format check", "--format", audio_format, "--json",
        base_url=server.url, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["path"] == f"format-check.{audio_format}"
    data = (tmp_path / answer["path"]).read_bytes()
    assert answer["bytes"] == len(data)
    assert answer["content_type"].startswith("audio/")
    assert answer["request_id"]
    assert MAGIC[audio_format](data), data[:16]


def test_speech_of_nothing_but_punctuation_gets_a_default_name(
    server: MockServer, tmp_path: Path
) -> None:
    result = run("speech", "...!", "--format", "flac", base_url=server.url, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "speech.flac").read_bytes()[:4] == b"fLaC"


# ------------------------------------------------------------------ transcribe


@pytest.mark.parametrize("audio_format", ["wav", "mp3"])
def test_transcribe_returns_what_the_mock_spoke(
    server: MockServer, tmp_path: Path, audio_format: str
) -> None:
    spoken = "The quick brown fox jumps over the lazy dog"
    target = tmp_path / f"fox.{audio_format}"
    made = run("speech", spoken, "-o", str(target), "--format", audio_format, base_url=server.url)
    assert made.returncode == 0, made.stderr
    heard = run("transcribe", str(target), base_url=server.url)
    assert heard.returncode == 0, heard.stderr
    assert heard.stdout == spoken + "\n"
    as_json = run(
        "transcribe", str(target), "--model", "whisper-1", "--language", "en", "--json",
        base_url=server.url,
    )  # fmt: skip
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["text"] == spoken


# ------------------------------------------------------------------ key


def key_rows(stdout: str) -> dict[str, str]:
    rows = {}
    for line in stdout.splitlines():
        label, _, value = line.partition("  ")
        rows[label.strip()] = value.strip()
    return rows


def test_key_of_a_secret_key(server: MockServer) -> None:
    result = run("key", base_url=server.url)
    assert result.returncode == 0, result.stderr
    rows = key_rows(result.stdout)
    assert rows["valid"] == "yes"
    assert rows["type"] == "secret"
    assert rows["expires"] == "never"
    assert rows["models"] == "all"
    assert rows["account access"] == "profile, balance, usage"
    assert rows["budget"].startswith("unlimited")
    assert rows["rate limit"] == "off"
    assert rows["name"].endswith(KEY[-4:])  # the mock's masked name, never the key
    data = json.loads(run("key", "--json", base_url=server.url).stdout)
    assert data["type"] == "secret"
    assert data["pollenBudget"] is None


def test_key_of_a_budget_key_shows_the_budget_going_down(server: MockServer) -> None:
    before = run("key", base_url=server.url, key=BUDGET_KEY)
    assert before.returncode == 0, before.stderr
    assert key_rows(before.stdout)["type"] == "secret"
    assert key_rows(before.stdout)["budget"] == "1 pollen"
    spoke = run("speech", "spend", "-o", os.devnull, base_url=server.url, key=BUDGET_KEY)
    assert spoke.returncode == 0, spoke.stderr  # speech costs 0.5 in the mock
    after = run("--json", "key", base_url=server.url, key=BUDGET_KEY)
    assert json.loads(after.stdout)["pollenBudget"] == 0.5
    assert key_rows(run("key", base_url=server.url, key=BUDGET_KEY).stdout)["budget"] == (
        "0.5 pollen"
    )


def test_key_of_a_publishable_key() -> None:
    # The gateway decides by the key's permissions, not its prefix: this key is declared
    # (a keys file) without account permissions.
    declared = {"pk_cli_publishable_7373": {"permissions": list[str]()}}
    with MockServer(stream_interval=0.0, keys={"keys": declared}) as server:
        result = run("key", base_url=server.url, key="pk_cli_publishable_7373")
    assert result.returncode == 0, result.stderr
    rows = key_rows(result.stdout)
    assert rows["type"] == "publishable"
    assert rows["account access"] == "none"
    assert "pk_cli_publishable_7373" not in result.stdout + result.stderr


KEY_INFO = {
    "valid": False,
    "type": "secret",
    "name": "ci key",
    "expiresAt": "2027-01-01T00:00:00Z",
    "expiresIn": 3 * 86400 + 4 * 3600 + 59,
    "permissions": {"models": ["flux", "openai"], "account": []},
    "pollenBudget": 12.25,
    "rateLimitEnabled": True,
}


def test_key_shows_expiry_model_list_and_rate_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("POLLINATIONS_API_KEY", "POLLINATIONS_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    base_url = "http://127.0.0.1:9"
    out, err = io.StringIO(), io.StringIO()
    with respx.mock(base_url=base_url, assert_all_called=True) as mock:
        route = mock.get("/account/key").respond(json=KEY_INFO)
        code = main(["--base-url", base_url, "--api-key", KEY, "key"], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    assert route.calls.last.request.headers["authorization"] == f"Bearer {KEY}"
    rows = key_rows(out.getvalue())
    assert rows == {
        "valid": "no",
        "type": "secret",
        "name": "ci key",
        "expires": "2027-01-01T00:00:00Z (in 3d 4h)",
        "models": "flux, openai",
        "account access": "(none)",
        "budget": "12.25 pollen",
        "rate limit": "on",
    }
    assert KEY not in out.getvalue() + err.getvalue()


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0s"), (59, "59s"), (61, "1m 1s"), (3600, "1h"), (90061, "1d 1h"), (-5, "0s")],
)
def test_duration(seconds: float, shown: str) -> None:
    assert _duration(seconds) == shown


# ------------------------------------------------------------------ usage --daily


def test_usage_daily_after_a_few_calls(server: MockServer, tmp_path: Path) -> None:
    key = "sk_cli_daily_secret_8080"
    assert run("text", "bill me", base_url=server.url, key=key).returncode == 0
    assert run("text", "bill me again", base_url=server.url, key=key).returncode == 0
    spoke = run("speech", "and this", "-o", str(tmp_path / "a.mp3"), base_url=server.url, key=key)
    assert spoke.returncode == 0, spoke.stderr
    data = json.loads(run("usage", "--daily", "--json", base_url=server.url, key=key).stdout)
    assert data["count"] == len(data["usage"]) >= 2
    assert sum(row["requests"] for row in data["usage"]) == 3
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()

    table = run("usage", "--daily", base_url=server.url, key=key)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["date", "model", "source", "requests", "cost_usd"]
    assert lines[-1] == f"{data['count']} records"
    rows = [line.split() for line in lines[1:-1]]
    assert len(rows) == data["count"]
    for row, record in zip(rows, data["usage"], strict=True):
        assert row[0] in (today, record["date"])
        assert row[1] == record["model"]
        assert int(row[3]) == record["requests"]
        assert float(row[4]) == pytest.approx(record["cost_usd"])

    csv = run("usage", "--daily", "--csv", base_url=server.url, key=key)
    assert csv.returncode == 0, csv.stderr
    header, *records = csv.stdout.splitlines()
    assert header == "date,model,meter_source,requests,cost_usd"
    assert len(records) == data["count"]


def test_usage_without_daily_is_unchanged(server: MockServer) -> None:
    key = "sk_cli_history_secret_9090"
    run("text", "one", base_url=server.url, key=key)
    usage = json.loads(run("usage", "--json", base_url=server.url, key=key).stdout)
    assert usage["count"] == 1 and usage["usage"][0]["type"]


# ------------------------------------------------------------------ errors


def test_bad_arguments_fail_before_any_request(tmp_path: Path) -> None:
    """Against a port nothing listens on: exit 2 with the option named proves that the
    command stopped before connecting (a request would end in exit 1)."""
    nowhere = closed_port_url()
    cases = [
        (["transcribe", str(tmp_path / "missing.wav")], ["FILE", "missing.wav"]),
        (["transcribe", str(tmp_path)], ["FILE"]),
        (["speech", "hi", "--format", "ogg"], ["--format", "ogg"]),
        (["speech", ""], ["TEXT", "empty"]),
        (["speech", "hi", "-o", str(tmp_path / "no" / "such" / "dir.mp3")], ["--output"]),
        (["speech", "hi", "-o", str(tmp_path)], ["--output", "directory"]),
        (["usage", "--daily", "--limit", "5"], ["--limit", "--daily"]),
        (["usage", "--daily", "--limit", "0", "--before", ""], ["--limit and --before"]),
        (["speech"], ["TEXT"]),
    ]
    for argv, expected in cases:
        result = run(*argv, base_url=nowhere)
        assert result.returncode == 2, (argv, result.stderr)
        assert result.stdout == ""
        for text in expected:
            assert text in result.stderr, (argv, result.stderr)
        assert "connection error" not in result.stderr


def test_no_key_is_a_usage_error(server: MockServer, tmp_path: Path) -> None:
    for argv in (["speech", "hi", "-o", str(tmp_path / "x.mp3")], ["key"], ["usage", "--daily"]):
        result = run(*argv, base_url=server.url, key=None)
        assert result.returncode == 2, result.stderr
        assert "POLLINATIONS_API_KEY" in result.stderr


def test_a_bad_key_gets_401_and_is_never_printed(server: MockServer, tmp_path: Path) -> None:
    audio = tmp_path / "hi.wav"
    assert (
        run("speech", "hi", "-o", str(audio), "--format", "wav", base_url=server.url).returncode
        == 0
    )
    for argv in (
        ["speech", "hi", "-o", str(tmp_path / "never.mp3")],
        ["transcribe", str(audio)],
        ["key"],
        ["usage", "--daily"],
        ["--json", "usage", "--daily", "--csv"],
        ["--api-key", BAD_KEY, "key"],
    ):
        result = run(*argv, base_url=server.url, key=BAD_KEY)  # `run` checks for the key
        assert result.returncode == 1, (argv, result.stderr)
        assert "401" in result.stderr and "request id" in result.stderr
        assert result.stdout == ""
    assert not (tmp_path / "never.mp3").exists()


def test_api_errors_exit_1_with_the_servers_message(server: MockServer, tmp_path: Path) -> None:
    unknown = run(
        "speech", "hi", "--model", "no-such-voice-model", base_url=server.url, cwd=tmp_path
    )
    assert unknown.returncode == 1
    assert "400" in unknown.stderr and "model" in unknown.stderr
    key = "sk_budget_cli_spent_2323"  # a budget of 1: two speeches, then 402
    for _ in range(2):
        assert run("speech", "x", "-o", os.devnull, base_url=server.url, key=key).returncode == 0
    spent = run("speech", "x", "-o", str(tmp_path / "late.mp3"), base_url=server.url, key=key)
    assert spent.returncode == 1
    assert "402" in spent.stderr and "budget" in spent.stderr
    assert key not in spent.stderr


@pytest.mark.parametrize(
    ("command", "flag", "operation", "parameter"),
    [
        ("speech", "input", "CREATE_SPEECH", "input"),
        ("speech", "--voice", "CREATE_SPEECH", "voice"),
        ("speech", "--format", "CREATE_SPEECH", "response_format"),
        ("transcribe", "--model", "CREATE_TRANSCRIPTION", "model"),
        ("image", "--model", "GENERATE_IMAGE", "model"),
        ("image", "--duration", "GENERATE_IMAGE", "duration"),
        ("text", "--json-mode", "GENERATE_TEXT", "json"),
        ("usage", "--limit", "GET_ACCOUNT_USAGE", "limit"),
    ],
)
def test_option_help_is_the_spec_s_text(
    command: str, flag: str, operation: str, parameter: str
) -> None:
    """The CLI states no fact of the API itself: an option's help is the parameter's text
    in the spec, values and server default included (a spec edit reaches --help)."""
    from pollinations_client import params
    from pollinations_client.custom.cli import _build_parser

    expected = getattr(params, operation).parameter(parameter).help
    assert expected  # the spec describes each of these
    commands = next(
        a for a in _build_parser()._actions if isinstance(a, argparse._SubParsersAction)
    )
    (option,) = [
        action
        for action in commands.choices[command]._actions
        if flag in action.option_strings or action.dest == flag
    ]
    assert (option.help or "").replace("%%", "%").endswith(expected)

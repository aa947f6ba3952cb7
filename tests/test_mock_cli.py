"""`python -m pollinations_client.custom.mock`: starts, says where, answers, stops on SIGTERM."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading

import httpx
import pytest

from pollinations_client.custom.mock import main

BANNER = re.compile(r"^Mock pollinations server listening on (http://127\.0\.0\.1:(\d+))$")


def _first_line(process: subprocess.Popen[str], timeout: float) -> str:
    """The first stdout line, without hanging the suite if the process never prints."""
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout
    threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        pytest.fail("the mock server printed nothing")


def test_module_runs_prints_its_url_answers_and_stops_on_sigterm() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "pollinations_client.custom.mock", "--port", "0", "--balance", "7"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = _first_line(process, timeout=30).strip()
        found = BANNER.match(line)
        assert found, line
        url, port = found.groups()
        assert int(port) > 0
        with httpx.Client(base_url=url, timeout=10) as http:
            assert http.get("/v1/models").status_code == 200
            balance = http.get("/account/balance", headers={"Authorization": "Bearer sk_cli"})
            assert balance.json() == {"balance": 7}
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{url}/v1/models", timeout=5)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        process.stderr.close()


def test_main_refuses_a_bad_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--fault", "explode"]) == 1
    assert "unknown fault directive" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["--port", "many"])
    assert exited.value.code == 2

"""The benchmark harness runs end to end with tiny sizes. No timing is asserted here:
speed and memory targets live in `make bench`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CASES = {
    "chat call (~1 KB answer)",
    "chat stream, chunked (50 chunks)",
    "chat stream, length (50 chunks)",
    "image download (0.1 MB)",
    "image .save() peak memory",
    "usage (50 records)",
    "long line (0.25 MiB in 2 KiB chunks)",
    "import (dev venv)",
    "download to a file (1 MiB)",
    "download to a file (1 MiB), peak memory",
}


def test_bench_quick_run_writes_every_figure(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--quick",
            "--no-clean-venv",
            "--results-dir",
            str(tmp_path),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    [written] = tmp_path.glob("*-quick.json")
    report = json.loads(written.read_text())
    cases = {figure["case"] for figure in report["figures"]}
    assert cases == CASES
    contenders = {figure["contender"] for figure in report["figures"]}
    assert {"raw httpx", "pollinations (sync)", "pollinations (async)", "openai"} <= contenders
    # the client measured with and without the speedups extra, in the same run
    assert {"pollinations (sync, speedups)", "pollinations (speedups)"} <= contenders
    assert all(figure["value"] > 0 for figure in report["figures"])
    for case in CASES:
        assert case.split(" (")[0].split(",")[0] in result.stdout

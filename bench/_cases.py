"""The seven measurements of `make bench`, each against its baseline."""

from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import httpx
import openai

from pollinations_client.custom import AsyncPollinations, Pollinations, _json
from pollinations_client.models import UsageResponse

from ._harness import Batch, Measured, interleave

KEY = "sk_bench"
MESSAGES = [{"role": "user", "content": "Write about Jack."}]
CHAT_BODY = {"model": "openai", "messages": MESSAGES}
STREAM_BODY = {**CHAT_BODY, "stream": True}
REPO = Path(__file__).resolve().parent.parent


@attrs.frozen
class Figure:
    """One line of the report."""

    case: str
    contender: str
    value: float
    unit: str
    #: The value relative to the case's baseline (for throughput: contender / baseline).
    ratio: float | None = None
    target: str | None = None
    met: bool | None = None


@attrs.frozen
class Sizes:
    chat_calls: int
    chat_rounds: int
    chunks: int
    stream_rounds: int
    image_bytes: int
    image_rounds: int
    usage_records: int
    usage_rounds: int
    import_runs: int
    long_line_bytes: int
    long_line_rounds: int
    file_bytes: int
    file_rounds: int


FULL = Sizes(
    chat_calls=50, chat_rounds=41, chunks=20000, stream_rounds=7, image_bytes=4 * 1024 * 1024,
    image_rounds=31, usage_records=10000, usage_rounds=9, import_runs=9,
    long_line_bytes=10 * 1024 * 1024, long_line_rounds=5,
    file_bytes=64 * 1024 * 1024, file_rounds=9,
)  # fmt: skip
QUICK = Sizes(
    chat_calls=3, chat_rounds=2, chunks=50, stream_rounds=2, image_bytes=64 * 1024,
    image_rounds=2, usage_records=50, usage_rounds=2, import_runs=2,
    long_line_bytes=256 * 1024, long_line_rounds=2,
    file_bytes=1024 * 1024, file_rounds=2,
)  # fmt: skip


def speedups(enabled: bool, batch: Batch) -> Batch:
    """A batch run with the client's JSON decoding through orjson (the `speedups` extra)
    or through the json module (both measured in the same run)."""

    def run() -> int:
        saved = _json.uses_orjson()
        _json.use_orjson(enabled)  # raises if the extra is not installed: make install
        try:
            return batch()
        finally:
            _json.use_orjson(saved)

    return run


def _repeat(times: int, call: Callable[[], object]) -> Batch:
    def batch() -> int:
        for _ in range(times):
            call()
        return times

    return batch


def _async_batch(loop: asyncio.AbstractEventLoop, times: int, call: Callable[[], Any]) -> Batch:
    async def run() -> None:
        for _ in range(times):
            await call()

    def batch() -> int:
        loop.run_until_complete(run())
        return times

    return batch


def _ratio_figures(
    case: str,
    measured: dict[str, Measured],
    baseline: str,
    unit: str,
    scale: float,
    targets: dict[str, tuple[str, float]],
) -> list[Figure]:
    base = measured[baseline].per_unit
    figures = []
    for name, m in measured.items():
        ratio = m.per_unit / base
        target = targets.get(name)
        figures.append(
            Figure(
                case, name, m.per_unit * scale, unit, ratio,
                f"<= {target[1]:g}x {target[0]}" if target else None,
                ratio <= target[1] if target else None,
            )
        )  # fmt: skip
    return figures


def chat_call(url: str, sizes: Sizes) -> list[Figure]:
    raw = httpx.Client(headers={"Authorization": f"Bearer {KEY}"})
    raw_async = httpx.AsyncClient(headers={"Authorization": f"Bearer {KEY}"})
    ours = Pollinations(api_key=KEY, base_url=url, max_retries=0)
    ours_async = AsyncPollinations(api_key=KEY, base_url=url, max_retries=0)
    oa = openai.OpenAI(api_key=KEY, base_url=url + "/v1", max_retries=0)
    loop = asyncio.new_event_loop()
    n = sizes.chat_calls
    endpoint = url + "/v1/chat/completions"

    async def raw_async_call() -> None:
        (await raw_async.post(endpoint, json=CHAT_BODY)).json()

    try:
        sync_call = _repeat(
            n, lambda: ours.chat.completions.create(model="openai", messages=MESSAGES)
        )
        async_call = _async_batch(
            loop, n, lambda: ours_async.chat.completions.create(model="openai", messages=MESSAGES)
        )
        measured = interleave(
            {
                "raw httpx": _repeat(n, lambda: raw.post(endpoint, json=CHAT_BODY).json()),
                "pollinations (sync)": speedups(False, sync_call),
                "pollinations (sync, speedups)": speedups(True, sync_call),
                "raw httpx (async)": _async_batch(loop, n, raw_async_call),
                "pollinations (async)": speedups(False, async_call),
                "openai": _repeat(
                    n,
                    lambda: oa.chat.completions.create(model="openai", messages=MESSAGES),  # type: ignore[arg-type]
                ),
            },
            sizes.chat_rounds,
        )
    finally:
        raw.close()
        ours.close()
        oa.close()
        loop.run_until_complete(raw_async.aclose())
        loop.run_until_complete(ours_async.close())
        loop.close()
    figures = _ratio_figures(
        "chat call (~1 KB answer)", measured, "raw httpx", "ms/call", 1e3,
        {"pollinations (sync)": ("raw httpx", 1.05)},
    )  # fmt: skip
    # The async client against the async baseline.
    async_ratio = measured["pollinations (async)"].per_unit / measured["raw httpx (async)"].per_unit
    figures.append(
        Figure(
            "chat call (~1 KB answer)", "pollinations (async) vs raw httpx (async)",
            async_ratio, "x", async_ratio, "<= 1.05x raw httpx (async)", async_ratio <= 1.05,
        )
    )  # fmt: skip
    return figures


def chat_stream(url: str, sizes: Sizes, framing: str) -> list[Figure]:
    """Streamed chunks: per chunk, the client against raw httpx `iter_lines` + json.loads.

    `framing` says how the server sent the stream: "chunked", one HTTP chunk per event
    (as the gateway does), or "length", one length-framed body (many events per read).
    """
    raw = httpx.Client(headers={"Authorization": f"Bearer {KEY}"})
    ours = Pollinations(api_key=KEY, base_url=url, max_retries=0)
    oa = openai.OpenAI(api_key=KEY, base_url=url + "/v1", max_retries=0)
    endpoint = url + "/v1/chat/completions"
    chunks = sizes.chunks

    def raw_stream() -> int:
        count = 0
        with raw.stream("POST", endpoint, json=STREAM_BODY) as response:
            for line in response.iter_lines():
                if line.startswith("data: "):
                    data = line[6:]
                    if data == "[DONE]":
                        break
                    json.loads(data)
                    count += 1
        assert count == chunks
        return count

    def ours_stream() -> int:
        count = 0
        for _ in ours.chat.completions.create(model="openai", messages=MESSAGES, stream=True):
            count += 1
        assert count == chunks
        return count

    def openai_stream() -> int:
        count = 0
        for _ in oa.chat.completions.create(model="openai", messages=MESSAGES, stream=True):  # type: ignore[arg-type]
            count += 1
        assert count == chunks
        return count

    try:
        measured = interleave(
            {
                "raw httpx": raw_stream,
                "pollinations": speedups(False, ours_stream),
                "pollinations (speedups)": speedups(True, ours_stream),
                "openai": openai_stream,
            },
            sizes.stream_rounds,
        )
    finally:
        raw.close()
        ours.close()
        oa.close()
    limit = 1.10 if framing == "chunked" else 1.3
    return _ratio_figures(
        f"chat stream, {framing} ({chunks} chunks)", measured, "raw httpx", "us/chunk", 1e6,
        {"pollinations": ("raw httpx", limit), "pollinations (speedups)": ("raw httpx", 0.999)},
    )  # fmt: skip


def long_line(url: str, sizes: Sizes) -> list[Figure]:
    """One `data:` line of `long_line_bytes` in 2 KiB HTTP chunks (bench/_server.py): the
    time per MiB stays flat only if the line is split in linear time (re-scanning what
    waits on every chunk made it 140x raw httpx at 10 MiB; the target leaves room for
    the decoding and splitting raw httpx does not do)."""
    raw = httpx.Client(headers={"Authorization": f"Bearer {KEY}"})
    ours = Pollinations(api_key=KEY, base_url=url, max_retries=0)
    endpoint = url + "/text/long"
    size = sizes.long_line_bytes
    mib = size / (1024 * 1024)

    def raw_stream() -> int:
        got = 0
        with raw.stream("GET", endpoint, params={"stream": "true"}) as response:
            for line in response.iter_lines():
                if line.startswith("data: "):
                    if line[6:] == "[DONE]":
                        break
                    got += len(line) - 6
        assert got > 0
        return 1

    def ours_stream() -> int:
        got = sum(len(piece) for piece in ours.text.stream("long"))
        assert got > 0
        return 1

    try:
        measured = interleave(
            {"raw httpx": raw_stream, "pollinations": ours_stream}, sizes.long_line_rounds
        )
    finally:
        raw.close()
        ours.close()
    return _ratio_figures(
        f"long line ({mib:g} MiB in 2 KiB chunks)", measured, "raw httpx", "ms/MiB",
        1e3 / mib, {"pollinations": ("raw httpx", 2.0)},
    )  # fmt: skip


def image_download(url: str, sizes: Sizes) -> list[Figure]:
    raw = httpx.Client(headers={"Authorization": f"Bearer {KEY}"})
    ours = Pollinations(api_key=KEY, base_url=url, max_retries=0)
    endpoint = url + "/image/a%20cat"
    size = sizes.image_bytes

    def raw_get() -> int:
        return len(raw.get(endpoint).content)

    def ours_get() -> int:
        return len(ours.images.generate("a cat").content)

    try:
        measured = interleave({"raw httpx": raw_get, "pollinations": ours_get}, sizes.image_rounds)
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "cat.png"
            peaks: dict[str, int] = {}
            actions: dict[str, Callable[[], object]] = {
                "raw httpx": lambda: target.write_bytes(raw.get(endpoint).content),
                "pollinations": lambda: ours.images.generate("a cat").save(target),
            }
            for name, action in actions.items():
                action()  # warm-up outside the measurement
                tracemalloc.start()
                tracemalloc.reset_peak()
                action()
                peaks[name] = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
    finally:
        raw.close()
        ours.close()
    mb = size / 1e6
    base = measured["raw httpx"].per_unit
    figures = []
    for name, m in measured.items():
        # per_unit is seconds per byte: throughput relative to the baseline is base/m.
        throughput = 1 / m.per_unit / 1e6
        ratio = base / m.per_unit
        is_ours = name == "pollinations"
        figures.append(
            Figure(
                f"image download ({mb:.1f} MB)", name, throughput, "MB/s", ratio,
                ">= 0.95x raw httpx" if is_ours else None, ratio >= 0.95 if is_ours else None,
            )
        )  # fmt: skip
    for name, peak in peaks.items():
        ratio = peak / size
        is_ours = name == "pollinations"
        figures.append(
            Figure(
                "image .save() peak memory", name, peak / 1e6, "MB", ratio,
                "<= 1.2x image size" if is_ours else None, ratio <= 1.2 if is_ours else None,
            )
        )  # fmt: skip
    return figures


def download_to_file(url: str, sizes: Sizes) -> list[Figure]:
    """A large image straight to a file: `images.generate(..., to_file=)` against raw
    httpx streaming `iter_bytes()` into a file; throughput, and peak memory (tracemalloc:
    every Python allocation, the chunks among them) against a flat target."""
    raw = httpx.Client(headers={"Authorization": f"Bearer {KEY}"})
    ours = Pollinations(api_key=KEY, base_url=url, max_retries=0)
    endpoint = url + "/image/a%20cat"
    size = sizes.file_bytes
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "cat.png"

        def raw_to_file() -> int:
            # Each contender drops the previous file (ours by renaming over it): freeing
            # 64 MiB is file-system work both pay, in the same place in the timing.
            target.unlink(missing_ok=True)
            with raw.stream("GET", endpoint) as response, target.open("wb") as handle:
                for chunk in response.iter_bytes():
                    handle.write(chunk)
            return size

        def ours_to_file() -> int:
            return ours.images.generate("a cat", to_file=target).size

        try:
            actions = {"raw httpx iter_bytes": raw_to_file, "pollinations to_file": ours_to_file}
            measured = interleave(actions, sizes.file_rounds)
            peaks: dict[str, int] = {}
            for name, action in actions.items():
                action()  # warm-up outside the measurement
                tracemalloc.start()
                tracemalloc.reset_peak()
                action()
                peaks[name] = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
        finally:
            raw.close()
            ours.close()
    mib = size / 1024 / 1024
    base = measured["raw httpx iter_bytes"].per_unit
    case = f"download to a file ({mib:.0f} MiB)"
    figures = []
    for name, m in measured.items():
        is_ours = name.startswith("pollinations")
        ratio = base / m.per_unit
        figures.append(
            Figure(
                case, name, 1 / m.per_unit / 1e6, "MB/s", ratio,
                ">= 0.95x raw httpx" if is_ours else None, ratio >= 0.95 if is_ours else None,
            )
        )  # fmt: skip
    for name, peak in peaks.items():
        is_ours = name.startswith("pollinations")
        figures.append(
            Figure(
                f"{case}, peak memory", name, peak / 1e6, "MB", peak / size,
                "< 8 MB" if is_ours else None, peak < 8e6 if is_ours else None,
            )
        )  # fmt: skip
    return figures


def usage_parse(url: str, sizes: Sizes) -> list[Figure]:
    """`account.usage()` against raw `get` + `json.loads`; and the same reading every
    record's cost, since the models convert a field only when it is read."""
    ours = Pollinations(api_key=KEY, base_url=url, max_retries=0)
    raw = httpx.Client(headers={"Authorization": f"Bearer {KEY}"})
    endpoint = url + "/account/usage"
    body = raw.get(endpoint).content
    records = sizes.usage_records

    def parse_only() -> int:
        UsageResponse.from_dict(json.loads(body))
        return 1

    def call() -> int:
        assert ours.account.usage(limit=records).count == records
        return 1

    def raw_call() -> int:
        assert len(json.loads(raw.get(endpoint).content)["usage"]) == records
        return 1

    def read_all() -> int:
        page = ours.account.usage(limit=records)
        assert page.usage is not None
        assert sum(record.cost_usd or 0 for record in page.usage) > 0
        return 1

    def raw_read_all() -> int:
        rows = json.loads(raw.get(endpoint).content)["usage"]
        assert sum(row["cost_usd"] for row in rows) > 0
        return 1

    try:
        measured = interleave(
            {"raw httpx (get + json)": raw_call,
             "pollinations account.usage()": speedups(False, call),
             "pollinations account.usage() (speedups)": speedups(True, call),
             "raw httpx, reading every record": raw_read_all,
             "pollinations, reading every record": speedups(False, read_all),
             "parse only (json + models)": parse_only},
            sizes.usage_rounds,
        )  # fmt: skip
    finally:
        ours.close()
        raw.close()
    base = measured["raw httpx (get + json)"].per_unit
    base_read = measured["raw httpx, reading every record"].per_unit
    targets = {
        "pollinations account.usage()": (base, 1.2),
        "pollinations, reading every record": (base_read, None),
    }
    figures = []
    for name, m in measured.items():
        baseline, limit = targets.get(name, (base, None))
        ratio = m.per_unit / baseline
        figures.append(
            Figure(
                f"usage ({records} records)", name, m.per_unit * 1e3, "ms", ratio,
                f"<= {limit:g}x raw httpx" if limit else None, ratio <= limit if limit else None,
            )
        )  # fmt: skip
    return figures


_IMPORT_LINE = re.compile(r"import time:\s+\d+ \|\s+(\d+) \| (\S+)\s*$")


def _import_ms(python: str, module: str, runs: int) -> float:
    samples = []
    for _ in range(runs):
        result = subprocess.run(
            [python, "-X", "importtime", "-c", f"import {module}"],
            capture_output=True, text=True, check=True, cwd=tempfile.gettempdir(),
        )  # fmt: skip
        for line in reversed(result.stderr.splitlines()):
            match = _IMPORT_LINE.match(line)
            if match and match.group(2) == module:
                samples.append(int(match.group(1)) / 1e3)
                break
        else:
            raise RuntimeError(f"no import time for {module}: {result.stderr[-500:]}")
    return statistics.median(samples)


def clean_venv() -> str:
    """A virtual environment with only this package and its runtime dependencies.

    The development venv has click and rich (through the tools), which `import httpx`
    then loads for its command line: users who install only this package do not pay
    that, so the import figure that matters is measured here.
    """
    venv = REPO / ".bench-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp, str(REPO)],
            check=True, capture_output=True,
        )  # fmt: skip
        wheel = next(Path(tmp).glob("*.whl"))
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "--force-reinstall", str(wheel)],
            check=True, capture_output=True,
        )  # fmt: skip
    return str(python)


def import_time(sizes: Sizes, clean_python: str | None) -> list[Figure]:
    runs = sizes.import_runs
    figures = []
    modules = ("pollinations_client.custom", "httpx", "openai")
    dev = {module: _import_ms(sys.executable, module, runs) for module in modules}
    for module, ms in dev.items():
        figures.append(Figure("import (dev venv)", module, ms, "ms", ms / dev["httpx"]))
    if clean_python:
        ours = _import_ms(clean_python, "pollinations_client.custom", runs)
        httpx_ms = _import_ms(clean_python, "httpx", runs)
        figures.append(
            Figure(
                "import (clean venv)", "pollinations_client.custom", ours, "ms", ours / httpx_ms,
                "<= 1.3x import httpx", ours / httpx_ms <= 1.3,
            )
        )  # fmt: skip
        figures.append(Figure("import (clean venv)", "httpx", httpx_ms, "ms", 1.0))
    return figures


def generate_time() -> list[Figure]:
    env = {**os.environ, "MAKEFLAGS": ""}
    start = time.perf_counter()
    subprocess.run(
        ["make", "-s", "check-generated"], cwd=REPO, check=True, capture_output=True, env=env
    )
    seconds = time.perf_counter() - start
    return [
        Figure("make generate (via check-generated)", "openapi-python-client + ruff", seconds, "s")
    ]

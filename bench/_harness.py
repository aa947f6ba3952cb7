"""Timing that survives a shared machine: interleaved rounds, medians, ratios.

Absolute times drift with whatever else the machine does, so every figure is taken next
to its baseline in the same run: each round runs every contender once, in a shuffled
order, and a contender's figure is the median over rounds.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import attrs

#: A contender: a name and a function that runs one batch and returns the number of
#: units it processed (calls, chunks, bytes).
Batch = Callable[[], int]


@attrs.frozen
class Measured:
    name: str
    #: Seconds per unit (median over rounds).
    per_unit: float
    rounds: int


def interleave(contenders: dict[str, Batch], rounds: int, seed: int = 1) -> dict[str, Measured]:
    """Run each contender's batch once per round, in a shuffled order; medians per unit."""
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for batch in contenders.values():  # warm-up: connections, imports, caches
        batch()
    for _ in range(rounds):
        order = list(contenders)
        rng.shuffle(order)
        for name in order:
            start = time.perf_counter()
            units = contenders[name]()
            samples[name].append((time.perf_counter() - start) / units)
    return {
        name: Measured(name, statistics.median(values), rounds) for name, values in samples.items()
    }


@contextmanager
def bench_server(
    chunks: int,
    image_bytes: int,
    usage_records: int,
    framing: str = "length",
    long_line_bytes: int = 0,
) -> Iterator[str]:
    """The canned-answer server in its own process; yields its base URL."""
    process = subprocess.Popen(
        [
            sys.executable, "-m", "bench._server",
            "--chunks", str(chunks),
            "--image-bytes", str(image_bytes),
            "--usage-records", str(usage_records),
            "--framing", framing,
            "--long-line-bytes", str(long_line_bytes),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"bench server did not start: {url!r}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)

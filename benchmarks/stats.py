"""Timing helpers: warm-up, repetitions, medians and percentiles (the machine is shared and noisy)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (fraction 0..1) of a non-empty list."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


@dataclass(frozen=True)
class Timing:
    """Milliseconds of n runs of one operation."""

    p50: float
    p95: float
    max: float
    n: int

    @classmethod
    def of(cls, samples_ms: list[float]) -> Timing:
        return cls(
            p50=round(statistics.median(samples_ms), 3),
            p95=round(percentile(samples_ms, 0.95), 3),
            max=round(max(samples_ms), 3),
            n=len(samples_ms),
        )

    def as_dict(self) -> dict[str, Any]:
        return {"p50": self.p50, "p95": self.p95, "max": self.max, "n": self.n}


def time_ms(function: Callable[[], Any]) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def paired(
    inputs: list[Any],
    measured: Callable[[Any], Any],
    baseline: Callable[[Any], Any],
    *,
    warmup: int = 5,
) -> tuple[Timing, Timing]:
    """Time `measured(x)` and `baseline(x)` for every input, alternating, so both see the same load.

    The first `warmup` inputs are run on both and not counted (caches, lazy imports, prepared statements).
    """
    for item in inputs[:warmup]:
        measured(item)
        baseline(item)
    ours: list[float] = []
    theirs: list[float] = []
    for item in inputs:
        started = time.perf_counter()
        measured(item)
        middle = time.perf_counter()
        baseline(item)
        ours.append((middle - started) * 1000)
        theirs.append((time.perf_counter() - middle) * 1000)
    return Timing.of(ours), Timing.of(theirs)


def repeated(function: Callable[[], Any], repeat: int, *, warmup: int = 1) -> Timing:
    for _ in range(warmup):
        function()
    return Timing.of([time_ms(function) for _ in range(repeat)])


def best_of(function: Callable[[], Any], repeat: int, *, rounds: int = 5, warmup: int = 20) -> Timing:
    """The quietest of `rounds` rounds of `repeat` runs (lowest p95), as timeit takes the best: for work of
    microseconds a shared machine's scheduler, not the code, decides the slow tail of any one round."""
    for _ in range(warmup):
        function()
    per_round = max(1, repeat // rounds)
    return min((Timing.of([time_ms(function) for _ in range(per_round)]) for _ in range(rounds)),
               key=lambda timing: (timing.p95, timing.p50))

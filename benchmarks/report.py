"""What a bench run found: one `Result` per figure and back end, printed as a table and written as JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.stats import Timing

SCHEMA_VERSION = 1
NOISE_FACTOR = 2.0
"""A baseline whose p50 is more than this many times its own previous cached p50 ran under noise: the machine
was busier than the last time, so its figure is not judged (neither met nor missed)."""
NOT_JUDGED = "not judged (noise)"


@dataclass(frozen=True)
class Target:
    ratio: float | None = None
    """The measured p50 at most this many times the baseline's p50."""
    p95_ms: float | None = None
    """The measured p95 at most this many milliseconds (or MB for memory)."""

    def describe(self, unit: str) -> str:
        parts = []
        if self.ratio is not None:
            parts.append(f"≤{self.ratio:g}x")
        if self.p95_ms is not None:
            parts.append(f"p95<{self.p95_ms:g}{unit}")
        return " ".join(parts) or "-"


@dataclass(frozen=True)
class Result:
    key: str
    """Stable id of the figure, e.g. `case_list.filter`."""
    label: str
    backend: str
    """`sqlite`, `postgres`, or `-` (no database involved)."""
    measured: Timing
    baseline: Timing | None
    baseline_label: str
    target: Target = field(default_factory=Target)
    unit: str = "ms"
    note: str = ""
    previous_baseline_p50: float | None = None
    """The baseline's p50 in the last judged run of this figure, back end and size (`BaselineCache`)."""
    load_average: tuple[float, float] | None = None
    """The 1-minute load average before and after the phase that measured this figure."""

    @property
    def noise(self) -> bool:
        """The baseline ran more than NOISE_FACTOR times slower than its own previous cached run."""
        return (self.baseline is not None and self.previous_baseline_p50 is not None
                and self.baseline.p50 > NOISE_FACTOR * self.previous_baseline_p50)

    @property
    def verdict(self) -> str | None:
        """`met`, `missed`, `not judged (noise)`, or None without a target."""
        if self.target.ratio is None and self.target.p95_ms is None:
            return None
        if self.noise:
            return NOT_JUDGED
        return "met" if self._meets() else "missed"

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline.p50 <= 0:
            return None
        return round(self.measured.p50 / self.baseline.p50, 2)

    @property
    def ratio_p95(self) -> float | None:
        if self.baseline is None or self.baseline.p95 <= 0:
            return None
        return round(self.measured.p95 / self.baseline.p95, 2)

    @property
    def met(self) -> bool | None:
        """None when the figure has no target or was not judged (noise)."""
        verdict = self.verdict
        return None if verdict in (None, NOT_JUDGED) else verdict == "met"

    def _meets(self) -> bool:
        ok = True
        if self.target.ratio is not None:
            ok = ok and self.ratio is not None and self.ratio <= self.target.ratio
        if self.target.p95_ms is not None:
            ok = ok and self.measured.p95 < self.target.p95_ms
        return ok

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "backend": self.backend,
            "unit": self.unit,
            "measured": self.measured.as_dict(),
            "baseline": None if self.baseline is None else self.baseline.as_dict(),
            "baseline_label": self.baseline_label,
            "ratio": self.ratio,
            "ratio_p95": self.ratio_p95,
            "target": {"ratio": self.target.ratio, "p95": self.target.p95_ms},
            "met": self.met,
            "verdict": self.verdict,
            "noise": self.noise,
            "baseline_previous_p50": self.previous_baseline_p50,
            "load_average": None if self.load_average is None else list(self.load_average),
            "note": self.note,
        }


class BaselineCache:
    """The baseline p50 of every figure per back end and size, from the last run that judged it, kept in the
    bench's workdir (`baselines.json`). A noisy run does not replace it: the reference stays a quiet run."""

    def __init__(self, path: Path, size: str) -> None:
        self.path = path
        self.size = size
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            self.figures: dict[str, dict[str, Any]] = dict(loaded.get("figures", {}))
        except (OSError, ValueError, AttributeError):
            self.figures = {}

    def _key(self, result: Result) -> str:
        return f"{result.key}/{result.backend}/{self.size}"

    def judge(self, results: list[Result]) -> list[Result]:
        """Each result with its previous baseline p50 (when cached), so that `noise` can be decided."""
        judged = []
        for result in results:
            previous = self.figures.get(self._key(result))
            judged.append(replace(result, previous_baseline_p50=None if previous is None else previous["p50"]))
        return judged

    def save(self, results: list[Result]) -> None:
        """Remember this run's baseline p50 of every figure that was not noise."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        for result in results:
            if result.baseline is not None and not result.noise:
                self.figures[self._key(result)] = {
                    "p50": result.baseline.p50, "at": now,
                    "load_average": None if result.load_average is None else list(result.load_average)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps({"schema": 1, "figures": self.figures}, indent=2) + "\n", encoding="utf-8")


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms" and value >= 10_000:
        return f"{value / 1000:.1f}s"
    return f"{value:.2f}" if value < 10 else f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def table(results: list[dict[str, Any]]) -> str:
    """A plain-text table (fits 120 columns): figure, back end, p50/p95, baseline p50/p95, ratio, target."""
    header = (f"{'figure':<36} {'db':<8} {'p50':>7} {'p95':>7} {'base p50':>8} {'base p95':>8} "
              f"{'ratio':>6} {'target':<15} {'met':<5} {'load':<9}")
    lines = [header, "-" * len(header)]
    for r in results:
        base = r["baseline"] or {}
        unit = r["unit"]
        target = Target(r["target"]["ratio"], r["target"]["p95"]).describe(unit)
        met = "noise" if r.get("verdict") == NOT_JUDGED else {True: "yes", False: "NO", None: "-"}[r["met"]]
        load = r.get("load_average")
        load_text = f"{load[0]:.1f}→{load[1]:.1f}" if load else "-"
        lines.append(
            f"{r['label'][:36]:<36} {r['backend']:<8} {_number(r['measured']['p50'], unit):>7} "
            f"{_number(r['measured']['p95'], unit):>7} {_number(base.get('p50'), unit):>8} "
            f"{_number(base.get('p95'), unit):>8} {_number(r['ratio'], 'x'):>6} {target:<15} {met:<5} {load_text:<9}"
        )
    return "\n".join(lines)


def render(result: dict[str, Any]) -> str:
    """The whole report as text: what was measured where, the table, the load test."""
    meta = result["meta"]
    machine = meta["machine"]
    out = [
        f"doorbraak bench: {meta['households']:,} households, {meta['contacts']:,} register contacts, "
        f"back ends {', '.join(meta['backends'])}",
        f"{machine['cpus']} cpus, load average {machine['load_average_before'][0]} before, "
        f"{machine['load_average_after'][0]} after; data {'cached' if meta['data_cached'] else 'built'} "
        f"({meta['data_build_seconds']} s); total {meta['total_seconds']} s",
        "times in ms (memory in MB); ratio = p50 / baseline p50; load = 1-minute load average before→after the "
        f"figure's phase; noise = not judged: its baseline ran more than {NOISE_FACTOR:g}x slower than in the last "
        "judged run",
        "",
        table(result["results"]),
    ]
    load = result.get("load")
    if load:
        out += ["", f"load test: {load['users']} users, {load['operations']} operations in {load['wall_seconds']} s; "
                    f"lost updates {load['lost_updates']}, stale saves refused {load['saves_refused_stale']}, "
                    f"errors {load['error_count']}"]
        out += [f"  {op:<16} n={row['count']:<5} p50 {row['p50']:>7} ms   p95 {row['p95']:>7} ms"
                for op, row in load["per_operation_ms"].items()]
    missed = result["targets"]["missed"]
    noisy = result["targets"].get("not_judged", [])
    out += ["", f"targets met: {result['targets']['met']}; missed: {', '.join(missed) if missed else 'none'}; "
                f"not judged (noise): {', '.join(noisy) if noisy else 'none'}"]
    return "\n".join(out)


def payload(meta: dict[str, Any], results: list[Result], load: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "meta": meta,
        "results": [r.as_dict() for r in results],
        "targets": {
            "met": sum(1 for r in results if r.met is True),
            "missed": [f"{r.key}/{r.backend}" for r in results if r.met is False],
            "not_judged": [f"{r.key}/{r.backend}" for r in results if r.noise and r.verdict == NOT_JUDGED],
        },
        "load": load,
    }

"""What a bench run found: one `Result` per figure and back end, printed as a table and written as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from benchmarks.stats import Timing

SCHEMA_VERSION = 1


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
        """None when the figure has no target."""
        if self.target.ratio is None and self.target.p95_ms is None:
            return None
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
            "note": self.note,
        }


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms" and value >= 10_000:
        return f"{value / 1000:.1f}s"
    return f"{value:.2f}" if value < 10 else f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def table(results: list[dict[str, Any]]) -> str:
    """A plain-text table (fits 120 columns): figure, back end, p50/p95, baseline p50/p95, ratio, target."""
    header = (f"{'figure':<36} {'db':<8} {'p50':>7} {'p95':>7} {'base p50':>8} {'base p95':>8} "
              f"{'ratio':>6} {'target':<15} {'met':<3}")
    lines = [header, "-" * len(header)]
    for r in results:
        base = r["baseline"] or {}
        unit = r["unit"]
        target = Target(r["target"]["ratio"], r["target"]["p95"]).describe(unit)
        met = {True: "yes", False: "NO", None: "-"}[r["met"]]
        lines.append(
            f"{r['label'][:36]:<36} {r['backend']:<8} {_number(r['measured']['p50'], unit):>7} "
            f"{_number(r['measured']['p95'], unit):>7} {_number(base.get('p50'), unit):>8} "
            f"{_number(base.get('p95'), unit):>8} {_number(r['ratio'], 'x'):>6} {target:<15} {met:<3}"
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
        "times in ms (memory in MB); ratio = p50 / baseline p50",
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
    out += ["", f"targets met: {result['targets']['met']}; missed: {', '.join(missed) if missed else 'none'}"]
    return "\n".join(out)


def payload(meta: dict[str, Any], results: list[Result], load: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "meta": meta,
        "results": [r.as_dict() for r in results],
        "targets": {
            "met": sum(1 for r in results if r.met is True),
            "missed": [f"{r.key}/{r.backend}" for r in results if r.met is False],
        },
        "load": load,
    }

"""`doorbraak bench --quick` keeps working: tiny data, every figure present, the JSON's shape (never timings).

The benchmark itself never runs in the test suite; this runs the smoke size only (a few seconds per back end).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from benchmarks.data import DataSet, ensure_built
from benchmarks.report import NOT_JUDGED, BaselineCache, Result, Target, payload
from benchmarks.run import unknown_words
from benchmarks.stats import Timing
from tui.cli.main import app

runner = CliRunner()

FIGURES = {
    "case_list.first_page", "case_list.filter", "household.open", "plan.open", "register.import",
    "register.search", "plan.pdf", "dashboard.municipality", "startup.first_paint", "startup.process",
    "memory.peak_rss",
}
"""Every database-backed figure, per back end (rekensom.calculate has no database and comes once)."""
OUTSIDE = {("cli.help", "-"), ("cli.help_memory", "-"), ("cli.case_show", "sqlite"), ("cli.case_show_memory", "sqlite"),
           ("startup.terminal", "sqlite")}
"""Measured from outside the process, on the SQLite data (benchmarks/outside.py); Harlequin only when installed."""


def run_bench(tmp_path: Path, *args: str) -> dict[str, Any]:
    out = tmp_path / "bench.json"
    result = runner.invoke(app, ["bench", "--quick", "--workdir", str(tmp_path / "work"), "--json", str(out), *args])
    assert result.exit_code == 0, result.output + repr(result.exception)
    assert "targets met:" in result.output
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def check_shape(data: dict[str, Any], backends: list[str]) -> None:
    assert data["schema"] == 1
    meta = data["meta"]
    assert meta["quick"] is True and meta["backends"] == backends
    assert meta["households"] == 30 and meta["contacts"] == 200
    assert meta["machine"]["cpus"] >= 1 and len(meta["machine"]["load_average_before"]) == 3
    keys = {(r["key"], r["backend"]) for r in data["results"]} - {("startup.harlequin", "sqlite")}
    outside = OUTSIDE if "sqlite" in backends else set()
    after_login = {("startup.after_login", "postgres")} if "postgres" in backends else set()  # PostgreSQL's login
    assert keys == {("rekensom.calculate", "-")} | {(f, b) for f in FIGURES for b in backends} | outside | after_login
    for r in data["results"]:
        assert r["measured"]["n"] >= 1 and r["measured"]["p50"] >= 0 and r["measured"]["p95"] >= r["measured"]["p50"]
        assert (r["baseline"] is not None and r["baseline_label"]) or r["key"] in ("startup.harlequin",
                                                                                   "startup.after_login")
        assert r["unit"] in ("ms", "MB")
        assert r["met"] in (True, False, None)
        assert r["verdict"] in ("met", "missed", NOT_JUDGED, None)
        assert r["met"] == {"met": True, "missed": False}.get(r["verdict"])
        assert (r["verdict"] is None) == (r["target"]["ratio"] is None and r["target"]["p95"] is None)
        assert r["noise"] == (r["verdict"] == NOT_JUDGED)
        before, after = r["load_average"]
        assert before >= 0 and after >= 0
    missed = {f"{r['key']}/{r['backend']}" for r in data["results"] if r["met"] is False}
    assert set(data["targets"]["missed"]) == missed
    noisy = {f"{r['key']}/{r['backend']}" for r in data["results"] if r["verdict"] == NOT_JUDGED}
    assert set(data["targets"]["not_judged"]) == noisy


def test_quick_bench_on_sqlite(tmp_path: Path) -> None:
    data = run_bench(tmp_path, "--backend", "sqlite")
    check_shape(data, ["sqlite"])
    assert data["meta"]["data_cached"] is False and data["load"] is None
    assert data["meta"]["data_key"].startswith("h30-c200-s2026-")


def test_data_is_built_once_per_size_seed_and_schema(tmp_path: Path) -> None:
    data_set = DataSet(households=3, contacts=5, seed=1, directory=tmp_path)
    assert ensure_built(data_set, progress=False)[0] is False
    assert data_set.households_db.is_file() and len(data_set.register_csv.read_text().splitlines()) == 6
    assert ensure_built(data_set, progress=False) == (True, 0.0)
    assert DataSet(households=4, contacts=5, seed=1, directory=tmp_path).key != data_set.key
    assert DataSet(households=3, contacts=5, seed=2, directory=tmp_path).key != data_set.key


@pytest.mark.postgres
def test_quick_bench_on_postgres_with_the_load_test(tmp_path: Path, postgres_url: str) -> None:
    data = run_bench(tmp_path, "--backend", "postgres", "--postgres-url", postgres_url, "--load")
    check_shape(data, ["postgres"])
    load = data["load"]
    assert load["users"] == 5 and load["operations"] == 20
    assert load["lost_updates"] == 0 and load["error_count"] == 0, load["errors"]
    assert set(load["per_operation_ms"]) <= {"search_register", "filter_cases", "open_case", "edit_action",
                                             "save_plan"}
    schema = data["meta"]["postgres_schema"]
    assert schema.startswith("bench_")
    engine = create_engine(postgres_url)
    with engine.connect() as connection:  # the run's fresh schema is dropped afterwards
        left = connection.execute(text("SELECT count(*) FROM information_schema.schemata WHERE schema_name = :s"),
                                  {"s": schema}).scalar_one()
    engine.dispose()
    assert left == 0


def timing(p50: float) -> Timing:
    return Timing(p50=p50, p95=p50, max=p50, n=3)


def test_a_baseline_twice_as_slow_as_its_cached_run_leaves_the_figure_unjudged(tmp_path: Path) -> None:
    cache_file = tmp_path / "baselines.json"
    first = [Result("cli.help", "help", "-", timing(10), timing(10), "bare", Target(ratio=1.5))]
    cache = BaselineCache(cache_file, "h30-c200")
    judged = cache.judge(first)
    assert judged[0].previous_baseline_p50 is None and judged[0].verdict == "met"  # nothing cached: judged
    cache.save(judged)

    again = BaselineCache(cache_file, "h30-c200")
    noisy = again.judge([Result("cli.help", "help", "-", timing(50), timing(21), "bare", Target(ratio=1.5))])[0]
    assert noisy.noise and noisy.verdict == NOT_JUDGED and noisy.met is None  # 2.1x its cached 10: noise
    quiet = again.judge([Result("cli.help", "help", "-", timing(50), timing(19), "bare", Target(ratio=1.5))])[0]
    assert not quiet.noise and quiet.verdict == "missed" and quiet.met is False  # 1.9x: judged, and missed
    assert payload({}, [noisy, quiet], None)["targets"] == {"met": 0, "missed": ["cli.help/-"],
                                                            "not_judged": ["cli.help/-"]}
    again.save([noisy])  # a noisy run does not become the reference
    assert BaselineCache(cache_file, "h30-c200").figures["cli.help/-/h30-c200"]["p50"] == 10
    # Another size, another reference.
    assert BaselineCache(cache_file, "h100-c200").judge(first)[0].previous_baseline_p50 is None


def test_only_measures_the_chosen_figures_and_judges_against_the_cached_baseline(tmp_path: Path) -> None:
    data = run_bench(tmp_path, "--backend", "sqlite", "--only", "rekensom")
    assert [(r["key"], r["backend"]) for r in data["results"]] == [("rekensom.calculate", "-")]
    assert data["meta"]["only"] == ["rekensom"]
    cache_file = tmp_path / "work" / "baselines.json"
    cached = json.loads(cache_file.read_text(encoding="utf-8"))
    (key, entry), = cached["figures"].items()
    assert key == "rekensom.calculate/-/h30-c200-quick" and entry["p50"] == data["results"][0]["baseline"]["p50"]
    entry["p50"] = data["results"][0]["baseline"]["p50"] / 1000  # as if the last run had been 1000x quieter
    cache_file.write_text(json.dumps(cached), encoding="utf-8")
    data = run_bench(tmp_path, "--backend", "sqlite", "--only", "rekensom")
    assert data["results"][0]["verdict"] == NOT_JUDGED and data["targets"]["not_judged"] == ["rekensom.calculate/-"]


def test_only_the_rekensom_fills_no_postgres_schema(tmp_path: Path) -> None:
    data = run_bench(tmp_path, "--only", "rekensom")  # both back ends, but the rekensom needs no database
    assert [r["key"] for r in data["results"]] == ["rekensom.calculate"]
    assert data["meta"]["postgres_schema"] is None
    assert not [phase for phase in data["meta"]["phases_seconds"] if phase.startswith("postgres")]


def test_only_the_register_search_imports_the_register_first(tmp_path: Path) -> None:
    data = run_bench(tmp_path, "--backend", "sqlite", "--only", "register.search")
    assert [r["key"] for r in data["results"]] == ["register.search"]
    assert data["results"][0]["measured"]["n"] >= 1


def test_only_refuses_an_unknown_figure(tmp_path: Path) -> None:
    result = runner.invoke(app, ["bench", "--quick", "--only", "kassa", "--workdir", str(tmp_path)])
    assert result.exit_code != 0 and "kassa" in result.output
    assert unknown_words(("dashboard", "postgres", "cli", "startup.terminal", "kassa")) == ["kassa"]


def test_load_needs_postgres(tmp_path: Path) -> None:
    result = runner.invoke(app, ["bench", "--quick", "--backend", "sqlite", "--load", "--workdir", str(tmp_path)])
    assert result.exit_code != 0

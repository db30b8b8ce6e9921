"""Benchmark of the maatwerkplan screens on a copy of sample.db: opening, stepping, typing, saving, exporting.

A script, not a test: it prints numbers and never fails on them.

    .venv/bin/python benchmarks/bench_plan_tui.py [--runs 5]

What is measured (headless, `App.run_test`, terminal 80×24, on the concept plan with the most cost lines):
- open: from pushing the editor to its first step on screen (load + drafts + kengetallen + mount);
- step: switching to each of the 11 steps the first time (write the old step back, mount the new one), and
  again (a step shown before is kept hidden and shown as it was, unless what it is built from changed);
- preview: the domain's check of the whole content after a keystroke (`preview_content`), p50;
- draft: one autosave (`save_draft`) and one Ctrl+S (`update_plan`) on SQLite;
- export: the PDF of that plan (`export_plan` + `export_plan_file`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.worker import WorkerCancelled, WorkerFailed  # noqa: E402

from domain.plan import PlanStatus  # noqa: E402
from domain.services import plans as service  # noqa: E402
from storage.bootstrap import open_database  # noqa: E402
from storage.settings import Settings  # noqa: E402
from tui.app import DoorbraakApp  # noqa: E402
from tui.render.plan import ExportFormat, export_plan_file  # noqa: E402
from tui.screens.plan_editor import PlanEditorScreen  # noqa: E402
from tui.widgets.step_bar import STEPS  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


async def settle(app: DoorbraakApp, pilot: object) -> None:
    for _ in range(4):
        for worker in list(app.workers):
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()
        await pilot.pause()  # type: ignore[attr-defined]


async def measure(db_path: Path, case: str, runs: int) -> dict[str, list[float]]:
    db = open_database(Settings(database_url=f"sqlite:///{db_path}"))
    times: dict[str, list[float]] = {"open": [], "step": [], "again": [], **{f"step:{s.value}": [] for s in STEPS}}
    app = DoorbraakApp(db.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for _ in range(runs):
            start = time.perf_counter()
            editor = PlanEditorScreen(db.services, case)
            await app.push_screen(editor)
            while editor.view is None:
                await pilot.pause(0.001)
            times["open"].append(time.perf_counter() - start)
            for step in STEPS:
                start = time.perf_counter()
                await editor.show_step(step)
                await pilot.pause()
                times["step"].append(time.perf_counter() - start)
                times[f"step:{step.value}"].append(times["step"][-1])
            for step in STEPS:  # again: a step shown before comes back as it was
                start = time.perf_counter()
                await editor.show_step(step)
                await pilot.pause()
                times["again"].append(time.perf_counter() - start)
            editor.dismiss(None)
            await settle(app, pilot)
    db.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.db"
        shutil.copy(ROOT / "sample.db", path)
        db = open_database(Settings(database_url=f"sqlite:///{path}"))
        uow, actor = db.uow, db.actor
        from domain.caselist import CaseListQuery
        from domain.services.households import list_cases

        candidates = []
        for row in list_cases(CaseListQuery(limit=500), uow(), actor).rows:
            with contextlib.suppress(Exception):
                plan = service.get_plan(row.case_number, uow(), actor)
                if plan.status is PlanStatus.CONCEPT:
                    candidates.append((len(plan.rekensom.lines) + len(plan.actions), row.case_number))
        case = max(candidates)[1]
        workspace = service.load_plan_for_editing(case, uow(), actor)
        content = workspace.content
        preview = []
        for _ in range(200):
            start = time.perf_counter()
            service.preview_content(content, workspace.household)
            preview.append(time.perf_counter() - start)
        start = time.perf_counter()
        service.save_draft(case, content, uow(), actor)
        draft = time.perf_counter() - start
        plan = service.get_plan(case, uow(), actor)
        start = time.perf_counter()
        service.update_plan(case, content, plan.version, uow(), actor)
        save = time.perf_counter() - start
        start = time.perf_counter()
        overview = service.export_plan(case, uow(), actor)
        export_plan_file(overview, Path(folder) / "plan.pdf", ExportFormat.PDF)
        export = time.perf_counter() - start
        db.close()
        times = asyncio.run(measure(path, case, args.runs))
    print(f"plan {case}: {len(plan.rekensom.lines)} cost lines, {len(plan.actions)} actions, {len(plan.goals)} goals")
    print(f"open editor      p50 {ms(statistics.median(times['open']))}  max {ms(max(times['open']))}")
    print(f"step shown again p50 {ms(statistics.median(times['again']))}  max {ms(max(times['again']))}")
    print(f"switch step      p50 {ms(statistics.median(times['step']))}  max {ms(max(times['step']))}")
    for step in STEPS:
        print(f"  {step.label:<28} p50 {ms(statistics.median(times[f'step:{step.value}']))}")
    print(f"preview (typing) p50 {ms(statistics.median(preview))}  max {ms(max(preview))}")
    print(f"autosave draft   {ms(draft)}")
    print(f"save (Ctrl+S)    {ms(save)}")
    print(f"export PDF       {ms(export)}")


if __name__ == "__main__":
    main()

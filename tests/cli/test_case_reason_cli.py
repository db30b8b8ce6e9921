"""The CLI and break-glass: a professional shows a case outside her caseload only with `--reden`, and that
reason is in the audit trail of the view, like in the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from domain.audit import AuditKind
from tests.tui.data_let import PASSWORD, PIETERSEN, build_let, trail
from tui.cli.main import app

REASON = "Vervanging van Chantal tijdens haar verlof"


def test_a_foreign_case_needs_a_reason_that_is_logged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shared.db"
    data = build_let(path)
    case = data.numbers[PIETERSEN]
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DOORBRAAK_USER", "avries")
    monkeypatch.setenv("DOORBRAAK_PASSWORD", PASSWORD)
    runner = CliRunner()

    refused = runner.invoke(app, ["--database", url, "case", "show", case])
    assert refused.exit_code == 1
    assert "hoort niet bij uw caseload" in refused.stderr and '--reden "..."' in refused.stderr
    assert "Traceback" not in refused.stderr and case not in refused.stdout
    before = trail(path, case)

    shown = runner.invoke(app, ["--database", url, "case", "show", case, "--reden", REASON])
    assert shown.exit_code == 0, shown.stderr
    assert case in shown.stdout
    plan = runner.invoke(app, ["--database", url, "plan", "versions", case, "--reden", REASON])
    assert plan.exit_code == 0, plan.stderr

    new = trail(path, case)[len(before):]
    assert new and all(who == "avries" and glass and why == REASON for _, _, who, glass, why in new), new
    assert AuditKind.READ in {kind for kind, *_ in new}

"""The plan editor's session without Textual: dirty flags, drafts and their generations, saves and
commands, against an in-memory `PlanStore` (fictional data only)."""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pydantic import BaseModel, ValidationError

from domain.catalogues import Kengetal
from domain.errors import InvalidInput, StaleVersion
from domain.household import Household
from domain.mandate import NoMandate
from domain.messages import dutch_problems
from domain.plan import ActionStatus, Decision, Evaluation, Maatwerkplan, PlanContent, PlanStatus, PlanStep
from domain.services.plans import DecisionRequest, PlanWorkspace
from tests.builders import DECISION, HOUSEHOLD, complete_content
from tui.plan_session import (
    ActionStatusChange,
    DecidePlan,
    NewVersion,
    PlanEditSession,
    RecordEvaluation,
    StartExecution,
    plan_json,
)

M = TypeVar("M", bound=BaseModel)
ROOT = Path(__file__).resolve().parents[2]
CASE = "DB-2026-000042"
NOW = datetime(2026, 11, 23, 10, 0).astimezone()


def parse(model: type[M], data: Mapping[str, Any]) -> M:
    """Validate as the services do: a pydantic error becomes InvalidInput with Dutch problems."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(dutch_problems(exc)) from None


class FakePlanStore:
    """The plan use cases in memory: one plan, one draft, the version check of the real services."""

    def __init__(self, household: Household, plan: Maatwerkplan | None = None) -> None:
        self.household = household
        self.plan = plan
        self.no_mandate: NoMandate | None = None
        """Set: deciding is refused with it (the real service's four-eyes and mandate check)."""
        self.draft: dict[str, Any] | None = None
        self.calls: list[str] = []

    def _content(self, data: Mapping[str, Any]) -> PlanContent:
        return parse(PlanContent, data)

    def _check(self, version: int) -> Maatwerkplan:
        assert self.plan is not None
        if version != self.plan.version:
            raise StaleVersion("Dit plan")
        return self.plan

    def _store(self, plan: Maatwerkplan) -> Maatwerkplan:
        self.plan = plan.model_copy(update={"version": plan.version + 1}, deep=True)
        return self.plan.model_copy(deep=True)

    def load(self) -> PlanWorkspace:
        return PlanWorkspace(household=self.household, plan=self.plan, draft=None, prefer_draft=False,
                             draft_outdated=False, content=plan_json(self.plan), problems=[])

    def kengetallen(self, municipality_code: str) -> tuple[Kengetal, ...]:
        return ()

    def save_draft(self, content: dict[str, Any]) -> datetime | None:
        self.calls.append("save_draft")
        self.draft = content
        return NOW

    def discard_draft(self) -> None:
        self.calls.append("discard_draft")
        self.draft = None

    def start_plan(self, content: PlanContent) -> Maatwerkplan:
        self.calls.append("start_plan")
        return self._store(Maatwerkplan.model_validate({**content.model_dump(), "case_number": CASE}))

    def _replace(self, content: PlanContent, version: int) -> Maatwerkplan:
        plan = self._check(version).model_copy(deep=True)
        plan.replace_content(content)
        return self._store(plan)

    def update_plan(self, content: PlanContent, version: int) -> Maatwerkplan:
        self.calls.append("update_plan")
        return self._replace(content, version)

    def update_section(self, step: PlanStep, data: Any, version: int) -> Maatwerkplan:
        self.calls.append(f"update_section:{step.value}")
        return self._replace(self._content({**plan_json(self._check(version)), step.field_name: data}), version)

    def set_action_status(self, change: ActionStatusChange, version: int) -> Maatwerkplan:
        self.calls.append(f"set_action_status:{change.action_id}")
        plan = self._check(version).model_copy(deep=True)
        plan.set_action_status(change.action_id, change.status, change.note, done_on=change.done_on_date(),
                               today=date(2026, 11, 23))
        return self._store(plan)

    def decide(self, request: DecisionRequest, version: int) -> Maatwerkplan:
        self.calls.append("decide")
        plan = self._check(version).model_copy(deep=True)
        if self.no_mandate is not None:
            raise self.no_mandate
        plan.decide(Decision(decided_by="Sanne de Wit", mandate="M-1, maatwerkfunctionaris Utrecht",
                             decided_on=request.decided_on or date(2026, 11, 5), toelichting=request.toelichting,
                             mandate_id=1), self.household)
        return self._store(plan)

    def record_evaluation(self, evaluation: Evaluation, version: int) -> Maatwerkplan:
        self.calls.append("record_evaluation")
        plan = self._check(version).model_copy(deep=True)
        plan.record_evaluation(evaluation)
        return self._store(plan)

    def start_execution(self, version: int) -> Maatwerkplan:
        self.calls.append("start_execution")
        plan = self._check(version).model_copy(deep=True)
        plan.start_execution()
        return self._store(plan)

    def complete_evaluation(self, version: int) -> Maatwerkplan:
        self.calls.append("complete_evaluation")
        plan = self._check(version).model_copy(deep=True)
        plan.complete_evaluation()
        return self._store(plan)

    def new_version(self) -> Maatwerkplan:
        self.calls.append("new_version")
        assert self.plan is not None
        return self._store(self.plan.next_version())


@pytest.fixture
def household() -> Household:
    data = {**HOUSEHOLD, "case_number": CASE}
    data["problems"] = [{**p, "id": 100 + i} for i, p in enumerate(HOUSEHOLD["problems"])]
    return Household.model_validate(data)


def opened(store: FakePlanStore) -> PlanEditSession:
    """A session as the editor opens it: load, then start from the stored content."""
    session = PlanEditSession(store)
    workspace, items = session.fetch()
    session.start(session.loaded(workspace, items))
    return session


def save_all(session: PlanEditSession) -> None:
    data = copy.deepcopy(session.content)
    result = session.save(data, session.changed_steps(data))
    assert result.plan is not None, result.problems
    session.saved(result.plan, result.data)


def test_typing_makes_the_step_unsaved_and_saving_makes_it_the_baseline(household: Household) -> None:
    store = FakePlanStore(household)
    session = opened(store)
    assert not session.has_unsaved and not session.is_dirty
    session.content["perspectief"] = "Over een jaar wonen we hier nog."
    assert session.unsaved_steps() == {PlanStep.PERSPECTIEF}
    assert session.has_unsaved and session.is_dirty
    save_all(session)
    assert store.calls == ["start_plan"]  # no plan yet: the first save starts it
    assert session.plan is not None and session.plan.perspectief == "Over een jaar wonen we hier nog."
    assert not session.has_unsaved and session.unsaved_steps() == set()


def test_one_changed_section_is_saved_alone_and_more_replace_the_whole_content(household: Household) -> None:
    store = FakePlanStore(household)
    session = opened(store)
    session.content["perspectief"] = "Eerst"
    save_all(session)
    session.content["perspectief"] = "Daarna"
    save_all(session)
    session.content["perspectief"] = "Nog eens"
    session.content["doorbraak"] = "De gemeente lost de schuld af."
    save_all(session)
    assert store.calls == ["start_plan", "update_section:perspectief", "update_plan"]


def test_an_invalid_save_keeps_the_input_as_a_draft_and_names_the_step(household: Household) -> None:
    store = FakePlanStore(household)
    session = opened(store)
    session.content["goals"] = [{"id": "d1", "text": "Woning behouden", "target_score": 9}]
    data = copy.deepcopy(session.content)
    result = session.save(data, session.changed_steps(data))
    assert result.plan is None and result.problems and result.kept_draft_at is not None
    assert store.draft == data
    assert session.refused(result.problems) == [PlanStep.DOELEN]
    assert session.has_unsaved  # nothing was stored: the baseline did not move


def test_a_stale_save_is_refused_and_keeps_the_input(household: Household) -> None:
    store = FakePlanStore(household)
    session = opened(store)
    session.content["perspectief"] = "Eerst"
    save_all(session)
    assert store.plan is not None
    store.plan = store.plan.model_copy(update={"version": store.plan.version + 1})  # someone else saved
    session.content["perspectief"] = "Mijn versie"
    data = copy.deepcopy(session.content)
    result = session.save(data, session.changed_steps(data))
    assert result.plan is None and isinstance(result.stale, StaleVersion)
    assert store.draft == data


def test_a_draft_overtaken_by_a_save_is_dropped(household: Household) -> None:
    store = FakePlanStore(household)
    session = opened(store)
    session.content["perspectief"] = "Getypt"
    draft = copy.deepcopy(session.content)
    assert session.wants_autosave(draft)
    generation = session.generation  # the autosave was scheduled here ...
    save_all(session)  # ... and a save came first
    assert session.save_draft(draft, generation) == (False, None)
    assert store.calls == ["start_plan"]


def test_drafts_are_stored_once_and_the_stored_content_discards_the_draft(household: Household) -> None:
    store = FakePlanStore(household)
    session = opened(store)
    assert not session.wants_autosave(copy.deepcopy(session.content))  # nothing typed: no draft
    session.content["perspectief"] = "Getypt"
    data = copy.deepcopy(session.content)
    stored, saved_at = session.save_draft(data, session.generation)
    assert stored and saved_at == NOW
    session.draft_saved(data, saved_at)
    assert session.draft_is_current and not session.is_dirty and session.has_unsaved
    assert not session.wants_autosave(data) and not session.wants_flush(data)
    session.content["perspectief"] = ""  # typed back to what is stored
    back = copy.deepcopy(session.content)
    assert session.wants_autosave(back)
    assert session.save_draft(back, session.generation) == (True, None)
    assert store.calls == ["save_draft", "discard_draft"]


def test_restoring_a_draft_starts_from_it_and_reverting_goes_back(household: Household) -> None:
    store = FakePlanStore(household)
    session = PlanEditSession(store)
    workspace, items = session.fetch()
    session.loaded(workspace, items)
    draft = {**plan_json(None), "perspectief": "Uit het concept"}
    session.start(session.restore_draft(draft, NOW))
    assert session.content["perspectief"] == "Uit het concept" and not session.is_dirty
    assert session.revert()["perspectief"] == "" and session.last_draft is None


def test_new_items_get_ids_so_actions_can_refer_to_them(household: Household) -> None:
    session = opened(FakePlanStore(household))
    content = {**plan_json(None), "goals": [{"text": "a"}, {"id": "d4", "text": "b"}],
               "rekensom": {"lines": [{"description": "x"}]}}
    session.start(content)
    assert [g["id"] for g in session.content["goals"]] == ["d5", "d4"]
    assert session.content["rekensom"]["lines"][0]["id"] == "k1"


def test_the_preview_judges_the_other_steps_when_one_is_invalid(household: Household) -> None:
    session = opened(FakePlanStore(household))
    assert PlanStep.PERSPECTIEF in {m.step for m in session.missing}
    session.content["perspectief"] = "Over een jaar wonen we hier nog."
    session.content["goals"] = [{"id": "d1", "text": "x", "target_score": 9}]
    session.preview()
    assert session.problems and session.problems[0].path.startswith("goals")
    assert PlanStep.PERSPECTIEF not in {m.step for m in session.missing}


def decided(household: Household) -> tuple[FakePlanStore, PlanEditSession]:
    store = FakePlanStore(household)
    session = opened(store)
    session.start(complete_content(100))
    decide = DecidePlan(toelichting="", decided_on=DECISION["decided_on"], decider="Sanne de Wit")
    result = session.run_command(decide, copy.deepcopy(session.content))
    assert result.content_saved is not None and result.plan is not None, result.problems
    assert result.message == "Versie 1 is vastgesteld."
    session.saved(result.content_saved, copy.deepcopy(session.content))
    session.plan = result.plan
    session.statuses_saved(result.plan)
    return store, session


def test_deciding_saves_the_content_first(household: Household) -> None:
    store, session = decided(household)
    assert store.calls == ["start_plan", "decide"]
    assert session.frozen and session.plan is not None and session.plan.status is PlanStatus.VASTGESTELD
    assert not session.has_unsaved  # a decided plan has no unsaved content, only statuses


def test_deciding_an_incomplete_plan_reports_what_is_missing(household: Household) -> None:
    session = opened(FakePlanStore(household))
    result = session.run_command(DecidePlan(decided_on="2026-11-05"), copy.deepcopy(session.content))
    assert result.plan is None and result.incomplete is not None and result.content_saved is not None
    session.incomplete(result.incomplete)
    assert {m.step for m in session.missing} >= {PlanStep.PERSPECTIEF, PlanStep.DOORBRAAK}


def test_an_invalid_decision_is_refused_with_its_problems(household: Household) -> None:
    store = FakePlanStore(household)
    session = opened(store)
    session.start(complete_content(100))
    result = session.run_command(DecidePlan(decided_on="2026-13-45"), copy.deepcopy(session.content))
    assert result.plan is None and not result.content_refused and result.incomplete is None
    assert {p.path for p in result.problems} >= {"decided_on"}
    assert result.content_saved is not None  # the content was saved before the decision was refused


def test_a_decision_without_mandate_is_refused_with_who_may(household: Household) -> None:
    store = FakePlanStore(household)
    store.no_mandate = NoMandate("U mag dit plan vaststellen niet. Beslissen mag: Sanne de Wit (s.dewit, M-1).")
    session = opened(store)
    session.start(complete_content(100))
    result = session.run_command(DecidePlan(decided_on="2026-11-05"), copy.deepcopy(session.content))
    assert result.plan is None and result.incomplete is None and result.no_mandate is store.no_mandate
    assert result.content_saved is not None and not session.frozen


def test_changed_action_statuses_are_saved_one_by_one(household: Household) -> None:
    store, session = decided(household)
    first, second = session.content["actions"][0], session.content["actions"][1]
    assert not session.statuses_changed and session.status_changes() == []
    first["status"] = "bezig"
    second["status"], second["done_on"] = "gedaan", "2026-11-20"
    assert session.statuses_changed
    changes = session.status_changes()
    assert changes == [ActionStatusChange(first["id"], ActionStatus.BEZIG, "", None),
                       ActionStatusChange(second["id"], ActionStatus.GEDAAN, "", "2026-11-20")]
    session.statuses_saved(session.save_statuses(changes))
    assert not session.statuses_changed
    assert session.content["actions"][1]["done_on"] == "2026-11-20"
    assert store.calls[-2:] == [f"set_action_status:{first['id']}", f"set_action_status:{second['id']}"]


def test_a_wrong_done_on_day_is_a_dutch_error() -> None:
    with pytest.raises(InvalidInput) as caught:
        ActionStatusChange("a1", ActionStatus.GEDAAN, "", "gisteren").done_on_date()
    assert caught.value.problems[0].reason == "'gisteren' is geen datum (dd-mm-jjjj)"


def test_commands_know_what_follows_them(household: Household) -> None:
    store, session = decided(household)
    started = session.run_command(StartExecution(), copy.deepcopy(session.content))
    assert started.plan is not None and started.plan.status is PlanStatus.IN_UITVOERING
    session.plan = started.plan
    evaluation = RecordEvaluation(moment=3, on_date="2026-11-20", rapportcijfer=7, toelichting="",
                                  scores={"financien": 3})
    evaluated = session.run_command(evaluation, copy.deepcopy(session.content))
    assert evaluated.message == "Evaluatie na 3 maanden vastgelegd." and not evaluation.reloads
    assert evaluation.reload_step is PlanStep.EVALUATIE and evaluation.confirmation(1) is None
    session.plan = evaluated.plan
    newer = session.run_command(NewVersion(), copy.deepcopy(session.content))
    assert newer.plan is not None and newer.plan.plan_version == 2 and NewVersion.reload_step is PlanStep.ACTIES
    question = DecidePlan(decider="Sanne de Wit").confirmation(2)
    assert question is not None and "Versie 2 wordt vastgesteld door Sanne de Wit, op uw mandaat" in question.text


def test_the_status_line_says_what_is_unsaved_autosaved_and_stored(household: Household) -> None:
    store = FakePlanStore(household)
    session = opened(store)
    assert session.status_line() == f"nog {len(session.missing)} punt(en) nodig voor een besluit"
    session.content["doorbraak"] = "Schuld af"
    session.content["perspectief"] = "Wonen"
    data = copy.deepcopy(session.content)
    session.draft_saved(data, session.save_draft(data, session.generation)[1])
    line = session.status_line("Bezig met opslaan…", clock=lambda moment: "10:00:00")
    assert line.startswith("Bezig met opslaan… · Niet opgeslagen: Perspectief, Doorbraak · automatisch bewaard om "
                           "10:00:00 · nog ")
    save_all(session)
    assert session.status_line().startswith("Alles opgeslagen · versie 1 (concept)")
    _, decided_session = decided(household)
    assert decided_session.status_line() == "Vastgesteld: alleen lezen (status van acties en evaluatie kunnen nog)"
    decided_session.content["actions"][0]["status"] = "bezig"
    assert decided_session.status_line() == "Status van acties gewijzigd: Ctrl+S slaat op"


def test_the_session_does_not_load_textual() -> None:
    code = "import sys, tui.plan_session, tui.plan_store; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"

"""The written demo stories (storage/seed/stories): each tells one consistent household, and the seed writes
them as the first households, deciders and professionals in one municipality, amounts right for 2026."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from domain.catalogues import legal_basis
from domain.validation import age_on
from storage.seed import REFERENCE_DATE, logical_dump, seed_file
from storage.seed.data.places import MAATWERKFUNCTIONARISSEN, PROFESSIONALS
from storage.seed.stories import STORIES
from storage.seed.stories.amounts import kinderbijslag_per_quarter, kinderbijslag_per_year
from storage.seed.stories.model import Story

HEALTH = {"geestelijke_gezondheid", "middelengebruik", "lichamelijke_gezondheid", "basale_adl"}


def ages(story: Story) -> dict[str, int]:
    return {p.first_name: age_on(date.fromisoformat(p.born), REFERENCE_DATE) for p in story.people}


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return connection.execute(sql).fetchall()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stories") / "stories.db"
    seed_file(path, households=len(STORIES) + 4, seed=2026)
    return path


def test_there_are_48_stories_six_per_municipality_every_status() -> None:
    assert len(STORIES) == 48
    per_municipality: dict[str, int] = defaultdict(int)
    for story in STORIES:
        per_municipality[story.municipality] += 1
    assert set(per_municipality.values()) == {6} and len(per_municipality) == 8
    assert {s.status for s in STORIES} == {
        "aangemeld", "in_behandeling", "plan_vastgesteld", "uitvoering", "geevalueerd", "afgesloten"
    }


def test_each_professional_works_in_one_municipality_and_never_decides_her_own_plan() -> None:
    staff = {name: (code, team) for name, code, team in PROFESSIONALS}
    assert len(staff) == len(PROFESSIONALS)
    for story in STORIES:
        assert staff[story.professional] == (story.municipality, story.team), story.key
        assert MAATWERKFUNCTIONARISSEN[story.municipality] != story.professional


def test_the_stories_are_internally_consistent() -> None:
    for story in STORIES:
        names = {p.first_name for p in story.people}
        areas = [p.leefgebied for p in story.problems]
        assert len(areas) == len(set(areas)), story.key
        for problem in story.problems:
            assert problem.who is None or problem.who in names, (story.key, problem.who)
            text = problem.text.casefold()
            # Under the wanbetalersregeling the Zvw policy stays in force.
            assert "opgezegd" not in text and "geschorst" not in text, story.key
            assert "overbrugging" not in text, story.key  # problem texts never mention one that may not exist
            if problem.who is not None and ages(story)[problem.who] >= 12:
                assert "basisschool" not in text, story.key  # a teenager is not at a primary school
        plan = story.plan
        if plan is None:
            continue
        assert plan.obstacle in areas, story.key  # the sta-in-de-weg is one of the household's problems
        for goal in plan.goals:
            assert goal.leefgebied in areas, (story.key, goal.text)
        organisations = {o.name for o in story.organisations}
        for action in plan.actions:
            assert 1 <= action.goal <= max(1, len(plan.goals)), (story.key, action.what)
            assert action.owner in organisations, (story.key, action.owner)  # the owner is involved
            what = action.what.casefold()
            if "noodstop" in what or "schuldregeling" in what:
                assert "schuldhulp" in action.owner.casefold(), (story.key, action.what)
            if "bijzondere bijstand" in what:
                assert "werk" in action.owner.casefold(), (story.key, action.what)  # the inkomensconsulent
            if "leerplicht" in action.owner.casefold():
                assert "verzuim" in what or "school" in what, (story.key, action.what)
            for basis in action.bases:
                legal_basis(basis)  # exists in the catalogue
            if action.cost is not None:
                assert plan.costs[action.cost - 1].scenario == "doorbraak", (story.key, action.what)


def test_legal_bases_are_the_right_ones() -> None:
    for story in STORIES:
        plan = story.plan
        if plan is None or plan.stage is not None:
            continue
        chosen = {b.id for b in plan.grounds} | {b for a in plan.actions for b in a.bases}
        privacy = {b.id for b in plan.privacy}
        assert "awb_3_4_lid_2" not in chosen, story.key  # appointing a regisseur is no besluit
        for action in plan.actions:
            if "huurachterstand" in action.what.casefold() and "bijzondere bijstand" in action.what.casefold():
                assert action.bases == ("pw_35",), story.key  # rent arrears from bijzondere bijstand: Pw 35
        if {p.leefgebied for p in story.problems} & {"geestelijke_gezondheid", "middelengebruik"}:
            # GGZ and addiction data: AVG art. 9 + UAVG art. 30 + the sector rule, not only AVG art. 6.
            assert {"avg_9", "uavg_30"} <= privacy and privacy & {"wmo_5_1_1", "jeugdwet_7_4"}, story.key


def test_kinderbijslag_uses_the_svb_amounts_of_2026() -> None:
    assert kinderbijslag_per_quarter(3) == Decimal("295.07")
    assert kinderbijslag_per_quarter(9) == Decimal("358.30")
    assert kinderbijslag_per_quarter(17) == Decimal("421.53")
    assert kinderbijslag_per_quarter(18) == Decimal("0.00")
    # One teenager brings in 4 × € 421,53 = € 1.686,12 a year (never € 3.820).
    assert kinderbijslag_per_year([date(2010, 3, 27)], REFERENCE_DATE) == Decimal("1686.12")


def test_the_seed_writes_the_stories_first_with_their_amounts(seeded: Path) -> None:
    names = {row[0] for row in rows(seeded, "SELECT name FROM household")}
    assert {story.name for story in STORIES} <= names
    kinderbijslag = rows(
        seeded,
        "SELECT h.name, o.yearly_cost FROM involved_organisation o JOIN household h ON h.id = o.household_id "
        "WHERE o.product = 'Kinderbijslag'",
    )
    assert kinderbijslag
    for _, cost in kinderbijslag:
        assert Decimal(str(cost)) % Decimal("0.01") == 0 and Decimal(str(cost)) <= 5 * 4 * Decimal("421.53")
    celik = rows(seeded, "SELECT case_number, status FROM household WHERE name = 'Huishouden Çelik'")
    assert celik == [("DB-2026-000003", "geevalueerd")]  # the rondleiding follows this household
    deciders = rows(
        seeded,
        "SELECT h.municipality_code, p.decided_by, p.created_by FROM maatwerkplan p "
        "JOIN household h ON h.id = p.household_id WHERE p.decided_by IS NOT NULL AND p.decided_by != ''",
    )
    assert deciders
    for code, decided_by, created_by in deciders:
        assert decided_by == MAATWERKFUNCTIONARISSEN[str(code)] and decided_by != created_by


def test_professionals_of_drawn_households_work_in_one_municipality(seeded: Path) -> None:
    by_professional: dict[str, set[str]] = defaultdict(set)
    for professional, code in rows(seeded, "SELECT professional, municipality_code FROM household"):
        by_professional[str(professional)].add(str(code))
    assert all(len(codes) == 1 for codes in by_professional.values()), by_professional


def test_another_seed_draws_other_households_beyond_the_stories(seeded: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    seed_file(other, households=len(STORIES) + 4, seed=2027)
    first, second = logical_dump(seeded), logical_dump(other)
    assert first["household"] != second["household"]
    story_names = {story.name for story in STORIES}
    name_column = first["household"][0].index("name")
    assert {r[name_column] for r in first["household"][1:]} >= story_names
    assert {r[name_column] for r in second["household"][1:]} >= story_names


def test_the_plan_texts_a_precedent_shows_name_no_member() -> None:
    """Sta-in-de-weg, doorbraak and actions are shown to other municipalities as precedents (pseudonymised):
    written with roles ('de moeder', 'de zoon'), never with a member's name, so they can be shown at all."""
    for story in STORIES:
        if story.plan is None:
            continue
        names = {p.first_name for p in story.people} | {p.name.split(" ", 1)[1] for p in story.people}
        plan = story.plan
        texts = [plan.obstacle_text, plan.doorbraak, *(a.what for a in plan.actions)]
        if plan.change is not None:
            texts.append(plan.change.extra_action.what)
        for text in texts:
            words = set(text.replace("'", " ").replace(",", " ").replace(".", " ").replace(":", " ").split())
            assert not names & words, (story.key, text)


@pytest.fixture(scope="module")
def stories_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stories") / "only.db"
    seed_file(path, households=len(STORIES), seed=2026)
    return path


def test_zrm_history_per_adult_person_and_problems_belong_to_their_person(stories_only: Path) -> None:
    seeded = stories_only
    scored = rows(
        seeded,
        "SELECT h.name, m.name, m.date_of_birth, z.scored_on FROM zrm_score z JOIN member m ON m.id = z.member_id "
        "JOIN household h ON h.id = z.household_id",
    )
    assert scored
    for _, _, born, on in scored:  # the ZRM scores adults only
        assert age_on(date.fromisoformat(str(born)), date.fromisoformat(str(on))) >= 18
    per_person = {(str(h), str(m)) for h, m, _, _ in scored}
    celik = next(s for s in STORIES if s.key == "celik")
    assert (celik.name, "Mehmet Çelik") in per_person
    de_vries = next(s for s in STORIES if s.key == "de_vries")
    assert {(de_vries.name, "Marieke de Vries"), (de_vries.name, "Johan de Vries")} <= per_person
    assert (de_vries.name, "Lotte de Vries") not in per_person  # 17: her problems are hers, not scored in the ZRM
    owned = rows(
        seeded,
        "SELECT h.name, p.leefgebied, m.name FROM problem p JOIN household h ON h.id = p.household_id "
        "LEFT JOIN member m ON m.id = p.member_id",
    )
    story = {s.name: s for s in STORIES}
    for household, leefgebied, member in owned:
        if str(household) not in story:
            continue
        who = next(p.who for p in story[str(household)].problems if p.leefgebied == leefgebied)
        assert (member is None) == (who is None) and (who is None or str(member).startswith(who)), household


def test_costs_are_real_costs_or_transfers_with_a_receiver_and_loans_have_a_term() -> None:
    from domain.rekensom import Payer

    loans = []
    for story in STORIES:
        for cost in story.plan.costs if story.plan else ():
            Payer(cost.payer)  # a party of the rekensom (the household included)
            if cost.kind == "overdracht":
                assert cost.receiver is not None and cost.receiver != cost.payer, (story.key, cost.what)
                Payer(cost.receiver)
            else:
                assert cost.kind == "kosten" and cost.receiver is None, (story.key, cost.what)
            if cost.loan_months is not None:
                assert cost.kind == "overdracht" and cost.frequency == "eenmalig", (story.key, cost.what)
                loans.append(story.key)
    assert {"smits", "kowalski", "ter_horst"} <= set(loans)  # a saneringskrediet, a borg and a voorschot are loans

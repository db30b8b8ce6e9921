"""Row-level security on the real PostgreSQL server: with plain SQL, a personal database role sees only the
households of its own municipalities (the LET only escalated ones, beheer none), and the app works on top."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import create_engine, text

from domain.actors import Role
from domain.caselist import CaseListQuery
from domain.errors import NotFound
from domain.services import dashboard as dashboard_service
from domain.services import households as service
from domain.services import people as people_service
from domain.services.audit import verify_audit
from domain.services.households import parse_draft
from storage.bootstrap import open_database
from storage.dashboard_items import rebuild
from storage.rls import GROUPS, Names, unclassified_tables
from storage.settings import Settings
from tests.builders import TEST_ACTOR, household_draft
from tests.storage.rls_support import PASSWORD, Secured, refused, rows

pytestmark = pytest.mark.postgres


def test_plain_sql_sees_only_the_own_municipality(secured: Secured) -> None:
    anna = secured.engine_as("anna")
    assert rows(anna, "SELECT name FROM household") == ["Huishouden Amsterdam"]
    assert rows(anna, "SELECT name FROM member ORDER BY name") == ["Ayşe Özdemir", "Emre Özdemir"]
    assert rows(anna, "SELECT count(*) FROM escalation") == [0]
    changes = " ".join(str(c) for c in rows(anna, "SELECT changes FROM audit_change"))
    assert "Rotterdam" not in changes and "Rik" not in changes
    assert refused(anna, "SELECT * FROM app_user")  # no password hashes, no other accounts
    assert refused(anna, "UPDATE household SET municipality_code = 'GM0599'")  # cannot move a case out of sight
    assert refused(anna, "INSERT INTO household (case_number, name, municipality_code, status, professional, team,"
                         " street, house_number, postcode, city, created_at, updated_at, version) VALUES "
                         "('DB-2026-999999', 'X', 'GM0599', 'aangemeld', '', '', '', '', '', '', now(), now(), 1)")
    assert refused(anna, "DELETE FROM audit_log")
    assert refused(anna, "UPDATE audit_log SET purpose = 'niets'")
    assert rows(anna, f"UPDATE household SET name = name WHERE case_number = '{secured.rotterdam}' RETURNING id") == []
    anna.dispose()


def test_let_reads_only_escalated_households_and_beheer_none(secured: Secured) -> None:
    let = secured.engine_as("lotte")
    assert rows(let, "SELECT name FROM household") == ["Huishouden Rotterdam-Zuid"]
    assert refused(let, "SELECT * FROM maatwerkplan") and refused(let, "SELECT * FROM overbrugging")
    assert refused(let, "UPDATE household SET name = 'x'")
    assert rows(let, "SELECT count(*) FROM audit_change WHERE object_type = 'household'") == [0]
    beheer = secured.engine_as("bea")
    assert refused(beheer, "SELECT * FROM household") and refused(beheer, "SELECT * FROM member")
    assert len(rows(beheer, "SELECT username FROM app_user")) == 4
    let.dispose()
    beheer.dispose()


def test_the_app_works_under_the_users_own_role(secured: Secured) -> None:
    settings = Settings(database_url=secured.url, auth="postgres")
    db = open_database(settings)
    assert db.requires_login
    actor = db.login(secured.login("anna"), PASSWORD)
    assert (actor.role, actor.municipality_codes) == (Role.PROFESSIONAL, frozenset({"GM0363"}))
    assert secured.login("anna") in db.description
    page = service.list_cases(CaseListQuery(), db.uow(), db.actor)
    assert [r.case_number for r in page.rows] == [secured.amsterdam]
    created = service.create_household(parse_draft({"name": "Huishouden Nieuw", "municipality_code": "GM0363"}),
                                       db.uow(), db.actor)
    why = "vervanging van Fatima"  # not Anna's own case: the app's caseload rule still applies on top
    h = service.get_household(secured.amsterdam, db.uow(), db.actor, purpose=why)
    service.update_household(secured.amsterdam, parse_draft({**h.model_dump(include=service.EDITABLE_FIELDS),
                                                 "name": "Huishouden Amsterdam-Oost"}), h.version, db.uow(), db.actor,
                             purpose=why)
    with pytest.raises(NotFound):  # the database hides it before the service could even refuse it
        service.get_household(secured.rotterdam, db.uow(), db.actor, purpose=why)
    assert created.case_number
    db.close()
    carla = secured.engine_as("carla")
    hidden = rows(carla, f"SELECT count(*) FROM audit_change WHERE object_id = '{secured.rotterdam}'")
    carla.dispose()
    assert hidden == [0]  # Rotterdam's old -> new values exist, but not for an Amsterdam coordinator
    coordinator = open_database(settings)
    coordinator.login(secured.login("carla"), PASSWORD)
    assert verify_audit(coordinator.uow(), coordinator.actor) == []  # hidden values are not 'missing'
    coordinator.close()
    beheer = open_database(settings)
    beheer.login(secured.login("bea"), PASSWORD)
    assert verify_audit(beheer.uow(), beheer.actor) == []
    beheer.close()


def test_a_wrong_password_or_an_unknown_role_is_a_dutch_refusal(secured: Secured) -> None:
    from domain.services.users import LoginFailed

    db = open_database(Settings(database_url=secured.url, auth="postgres"))
    with pytest.raises(LoginFailed, match="onjuist"):
        db.login("bestaat_niet_" + secured.prefix, PASSWORD)
    db.close()


def test_a_server_that_cannot_be_reached_is_said_at_the_login() -> None:
    """Not "wrong username or password" when the server is not there: that is the server's trouble, not the
    account's (a wrong role or password stays one refusal that tells nothing about the account)."""
    from domain.services.users import LoginFailed

    db = open_database(Settings(database_url="postgresql+psycopg://postgres@127.0.0.1:1/none", auth="postgres"))
    with pytest.raises(LoginFailed, match=r"^De databaseserver op 127\.0\.0\.1:1 is niet bereikbaar"):
        db.login("anna", PASSWORD)
    db.close()


def test_every_table_has_a_rule(secured: Secured) -> None:
    owner = create_engine(secured.url)
    with owner.connect() as connection:
        assert unclassified_tables(connection) == []
    owner.dispose()


def test_cli_secures_makes_a_login_and_the_cli_then_works_under_it(
    postgres_schema_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from tui.cli.main import app

    owner = open_database(Settings(database_url=postgres_schema_url))
    owner.logged_in = TEST_ACTOR
    service.create_household(parse_draft(household_draft(name="Huishouden Amsterdam")), owner.uow(), owner.actor)
    service.create_household(parse_draft(household_draft(name="Huishouden Rotterdam", municipality_code="GM0599")),
                             owner.uow(), owner.actor)
    prefix = f"c{uuid.uuid4().hex[:8]}"
    runner = CliRunner()
    try:
        result = runner.invoke(app, ["--database", postgres_schema_url, "db", "beveilig", "--prefix", prefix])
        assert result.exit_code == 0, result.output
        monkeypatch.setenv("DOORBRAAK_NEW_PASSWORD", PASSWORD)
        result = runner.invoke(app, ["--database", postgres_schema_url, "db", "gebruiker", f"{prefix}_piet",
                                     "--naam", "Piet", "--rol", "professional", "--gemeenten", "GM0363",
                                     "--prefix", prefix])
        assert result.exit_code == 0, result.output
        monkeypatch.setenv("DOORBRAAK_AUTH", "postgres")
        monkeypatch.setenv("DOORBRAAK_USER", f"{prefix}_piet")
        monkeypatch.setenv("DOORBRAAK_PASSWORD", PASSWORD)
        listed = runner.invoke(app, ["--database", postgres_schema_url, "case", "list"])
        assert listed.exit_code == 0, listed.output
        assert "Huishouden Amsterdam" in listed.stdout and "Rotterdam" not in listed.stdout
    finally:
        with owner.engine.begin() as connection:
            for role in [f"{prefix}_piet", *(Names(prefix).group(r) for r in GROUPS)]:
                if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first():
                    connection.execute(text(f'DROP OWNED BY "{role}"'))
                    connection.execute(text(f'DROP ROLE "{role}"'))
        owner.close()


def test_score_series_follow_the_scores_under_the_users_own_role(secured: Secured) -> None:
    """The dashboard's summary of ZRM scores (storage/score_summary.py) is case data: written under the
    professional's own role when she scores, invisible and unwritable for another municipality."""
    owner = open_database(Settings(database_url=secured.url))
    owner.logged_in = TEST_ACTOR
    rik = people_service.people_of(secured.rotterdam, owner.uow(), owner.actor).persons[0].member.id
    with owner.engine.connect() as connection:
        rotterdam_id = connection.execute(
            text("SELECT id FROM household WHERE case_number = :c"), {"c": secured.rotterdam}).scalar_one()
    assert rik is not None
    people_service.record_zrm(people_service.RecordZrm(secured.rotterdam, rik, date(2026, 10, 1), {"financien": 2}),
                              owner.uow(), owner.actor)
    owner.close()
    db = open_database(Settings(database_url=secured.url, auth="postgres"))
    db.login(secured.login("anna"), PASSWORD)
    why = "vervanging van Fatima"  # not Anna's own case (see above)
    people = people_service.people_of(secured.amsterdam, db.uow(), db.actor, purpose=why)
    adult = next(p.member.id for p in people.persons if p.adult)
    assert adult is not None
    for on, score in ((date(2026, 9, 1), 1), (date(2026, 10, 1), 3)):
        people_service.record_zrm(people_service.RecordZrm(secured.amsterdam, adult, on, {"huisvesting": score},
                                                           purpose=why), db.uow(), db.actor)
    db.close()
    anna = secured.engine_as("anna")
    summary = "SELECT key || ' ' || moments || ' ' || first_score || ' ' || last_score FROM score_series"
    assert rows(anna, summary) == ["huisvesting 2 1 3"]  # Rik's series in Rotterdam stays out of sight
    assert refused(anna, f"INSERT INTO score_series (household_id, member_id, key, moments, first_on, first_score, "
                         f"last_on, last_score) VALUES ({rotterdam_id}, {rik}, 'werk', 2, '2026-01-01', 1, "
                         f"'2026-02-01', 5)")  # a forged summary for another municipality's household
    assert refused(anna, f"UPDATE score_series SET household_id = {rotterdam_id}")  # moving her own out of sight
    anna.dispose()


def test_the_dashboards_kept_items_follow_changes_under_each_role(secured: Secured) -> None:
    """The dashboard's kept items (storage/dashboard_items.py) under the users' own roles: a professional's commit
    keeps those of her municipality's households and can neither read nor forge another's; the LET's handling of
    an escalation is listed as pending (the trigger runs as the owner) though the LET may not see the list, and
    the next dashboard keeps it, so the sums equal a rebuild from scratch."""
    db = open_database(Settings(database_url=secured.url, auth="postgres"))
    db.login(secured.login("anna"), PASSWORD)
    why = "vervanging van Fatima"
    adult = next(p.member.id for p in people_service.people_of(secured.amsterdam, db.uow(), db.actor,
                                                              purpose=why).persons if p.adult)
    assert adult is not None
    people_service.record_zrm(people_service.RecordZrm(secured.amsterdam, adult, date(2026, 9, 1), {"financien": 2},
                                                       purpose=why), db.uow(), db.actor)
    db.close()
    owner = open_database(Settings(database_url=secured.url))
    owner.logged_in = TEST_ACTOR
    with owner.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM dashboard_pending")).scalar_one() == 0
    anna = secured.engine_as("anna")
    assert rows(anna, "SELECT DISTINCT municipality_code FROM dashboard_cell") == ["GM0363"]
    assert rows(anna, "SELECT count(*) FROM dashboard_household WHERE municipality_code <> 'GM0363'") == [0]
    assert refused(anna, "INSERT INTO dashboard_cell VALUES ('GM0599', 'caseload.status', 'aangemeld', "
                         "'2026-01-01', '9999-12-31', '9999-12-31', '0001-01-01', 100, 100, 0, 0, 0, 0)")
    assert refused(anna, "INSERT INTO dashboard_pending VALUES (1)")  # only the owner's triggers write it
    assert refused(anna, "UPDATE dashboard_cell SET municipality_code = 'GM0599'")
    anna.dispose()

    lotte = secured.engine_as("lotte")
    with lotte.begin() as connection:
        handled = connection.execute(text(
            "UPDATE escalation SET status = 'in_behandeling' WHERE level = 'lmm_let' AND status = 'ingediend' "
            "RETURNING household_id")).scalars().all()
    assert handled
    assert refused(lotte, "SELECT * FROM dashboard_pending") and refused(lotte, "SELECT * FROM dashboard_cell")
    lotte.dispose()
    with owner.engine.connect() as connection:
        assert connection.execute(text("SELECT household_id FROM dashboard_pending")).scalars().all() == handled
        code = connection.execute(text("SELECT municipality_code FROM household WHERE id = :id"),
                                  {"id": handled[0]}).scalar_one()
    figures = dashboard_service.dashboard(code, date(2026, 1, 1), date(2026, 12, 31), owner.uow(), owner.actor)
    assert figures.escalations_status.households >= 1
    with owner.engine.begin() as connection:
        assert connection.execute(text("SELECT count(*) FROM dashboard_pending")).scalar_one() == 0
        kept = sorted(tuple(r) for r in connection.execute(text("SELECT * FROM dashboard_cell")))
        rebuild(connection)
        assert sorted(tuple(r) for r in connection.execute(text("SELECT * FROM dashboard_cell"))) == kept
    owner.close()

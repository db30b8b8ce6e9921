"""The register search contract, identical on SQLite (FTS5) and PostgreSQL (tsvector): every test runs on both."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.access import AccessDenied
from domain.actors import Actor, Role
from domain.errors import Conflict, StaleVersion
from domain.register import ImportRecord, RegisterPage, parse_contact_fields, parse_query
from domain.services import register as service
from storage import register as storage_register
from storage.bootstrap import Database

TODAY = date(2026, 11, 20)
RECENT = "2026-06-01"
STALE = "2024-01-15"


def row(external_id: str, organisation: str, region: str, **extra: str) -> dict[str, str]:
    data = {
        "externe_id": external_id,
        "organisatie": organisation,
        "regio": region,
        "telefoon": "06 12345001",
        "laatst_geverifieerd": RECENT,
    }
    data.update(extra)
    return data


REGISTER = [
    row("uwv-landelijk", "UWV", "landelijk", team="Team Maatwerk WW", themas="uitkering"),
    row("uwv-amsterdam", "UWV", "GM0363|GM0362", team="Regio Amsterdam-Amstelland", themas="uitkering"),
    row("uwv-rotterdam", "UWV", "GM0599", team="Regio Rijnmond", themas="uitkering"),
    row("uwv-stale", "UWV", "landelijk", team="Team Bezwaar", themas="uitkering", laatst_geverifieerd=STALE),
    row("bd-toeslagen", "Belastingdienst/Dienst Toeslagen", "landelijk", team="Maatwerkteam Toeslagen",
        themas="toeslagen|schulden"),
    row("bd-invordering", "Belastingdienst", "landelijk", team="Invordering Particulieren", themas="schulden"),
    row("gm-amsterdam-schuld", "Gemeente Amsterdam", "GM0363", team="Schuldhulpverlening",
        functie="klantmanager schulden", themas="schulden"),
    row("gm-amsterdam-werk", "Gemeente Amsterdam", "GM0363", team="Werk en Inkomen", functie="UWV-regisseur",
        themas="uitkering"),
    row("gm-sudwest", "Gemeente Súdwest-Fryslân", "GM1900", team="Schuldhulp", persoon="Ayşe Özdemir",
        themas="schulden"),
    row("cjib", "CJIB", "landelijk", team="Team Maatwerk", themas="boetes|schulden"),
    row("svb", "SVB", "landelijk", team="Kinderbijslag", persoon="Joëlle Brüggemann", themas="uitkering|opvoeding"),
    row("woon-amstelhof", "Woonstichting Amstelhof", "GM0363", team="Huurincasso", themas="huurachterstand",
        organisatietype="woningcorporatie"),
]


def filled(db: Database) -> Database:
    report = service.import_contacts(
        [ImportRecord(line, values) for line, values in enumerate(REGISTER, start=2)], db.uow(), db.actor
    )
    assert report.written and report.inserted == len(REGISTER) and not report.rejected
    return db


@pytest.fixture
def register(db: Database) -> Database:
    return filled(db)


def search(db: Database, text: str = "", **query: Any) -> RegisterPage:
    return service.search_contacts(parse_query({"text": text, "limit": 50, **query}), db.uow(), db.actor, today=TODAY)


def ids(page: RegisterPage) -> list[str]:
    return [contact.external_id for contact in page.contacts]


# -- text matching ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["ozdemir", "OZDEMIR", "Özdemir", "ayse ozd", "sudwest", "Fryslan", "súdwest fr"])
def test_case_and_diacritics_do_not_matter(register: Database, typed: str) -> None:
    page = search(register, typed)
    assert ids(page) == ["gm-sudwest"]
    assert page.corrected_text is None


def test_person_without_accents(register: Database) -> None:
    assert ids(search(register, "joelle bruggemann")) == ["svb"]


def test_words_are_prefixes_and_all_must_match(register: Database) -> None:
    assert set(ids(search(register, "belast"))) == {"bd-toeslagen", "bd-invordering"}
    assert ids(search(register, "toesl")) == ["bd-toeslagen"]
    assert set(ids(search(register, "uwv amsterdam"))) == {"uwv-amsterdam", "gm-amsterdam-werk"}
    assert ids(search(register, "kinderbijslag joelle")) == ["svb"]
    assert ids(search(register, "kinderbijslag ozdemir")) == []


def test_theme_labels_and_type_labels_are_searchable(register: Database) -> None:
    assert ids(search(register, "huurachterstand")) == ["woon-amstelhof"]
    assert ids(search(register, "woningcorporatie")) == ["woon-amstelhof"]
    assert set(ids(search(register, "boetes"))) == {"cjib"}


@pytest.mark.parametrize(
    ("typed", "corrected", "expected"),
    [
        ("belastingdiesnt", "belastingdienst", {"bd-toeslagen", "bd-invordering"}),
        ("uvw", "uwv", {"uwv-landelijk", "uwv-amsterdam", "uwv-rotterdam", "uwv-stale", "gm-amsterdam-werk"}),
        ("amsterdm schuldhulpverlening", "amsterdam schuldhulpverlening", {"gm-amsterdam-schuld"}),
        ("ozdemier", "ozdemir", {"gm-sudwest"}),
        ("kinderbjislag", "kinderbijslag", {"svb"}),
    ],
)
def test_one_typo_is_tolerated_and_reported(register: Database, typed: str, corrected: str, expected: set[str]) -> None:
    page = search(register, typed)
    assert set(ids(page)) == expected
    assert page.corrected_text == corrected


def test_nothing_close_finds_nothing(register: Database) -> None:
    page = search(register, "xyzzyq")
    assert page.contacts == [] and page.corrected_text is None and not page.has_more


# -- filters ----------------------------------------------------------------------------------------------
LANDELIJK = {"uwv-landelijk", "uwv-stale", "bd-toeslagen", "bd-invordering", "cjib", "svb"}
AMSTERDAM = {"uwv-amsterdam", "gm-amsterdam-schuld", "gm-amsterdam-werk", "woon-amstelhof"}


def test_municipality_filter_includes_landelijk_unless_asked(register: Database) -> None:
    assert set(ids(search(register, municipality_code="GM0363"))) == AMSTERDAM | LANDELIJK
    assert set(ids(search(register, municipality_code="GM0363", include_landelijk=False))) == AMSTERDAM
    assert set(ids(search(register, municipality_code="GM0362", include_landelijk=False))) == {"uwv-amsterdam"}
    assert set(ids(search(register, "schulden", municipality_code="GM0363"))) == {
        "gm-amsterdam-schuld", "bd-toeslagen", "bd-invordering", "cjib"
    }


def test_filters_are_exact_even_when_a_name_contains_the_words(register: Database) -> None:
    service.create_contact(parse_contact_fields({
        "external_id": "lmm", "organisation": "Landelijk Maatwerkloket GM0363", "team": "Thema Schulden",
        "email": "lmm@lmm.example", "landelijk": False, "municipality_codes": ["GM0599"], "themes": ["toeslagen"],
    }), register.uow(), register.actor)
    assert "lmm" in ids(search(register, "landelijk"))  # the word can be searched ...
    assert "lmm" not in ids(search(register, "maatwerkloket", municipality_code="GM0363"))  # ... but is no region
    assert "lmm" not in ids(search(register, "maatwerkloket", theme="schulden"))
    assert ids(search(register, "maatwerkloket", theme="toeslagen", municipality_code="GM0599")) == ["lmm"]


def test_theme_filter(register: Database) -> None:
    assert set(ids(search(register, theme="schulden"))) == {
        "bd-toeslagen", "bd-invordering", "gm-amsterdam-schuld", "gm-sudwest", "cjib"
    }
    assert ids(search(register, "uwv", theme="opvoeding")) == []
    assert ids(search(register, theme="Huurachterstand en huisuitzetting")) == ["woon-amstelhof"]


def test_organisation_filter_matches_whole_words_of_the_name(register: Database) -> None:
    assert set(ids(search(register, organisation="belastingdienst"))) == {"bd-toeslagen", "bd-invordering"}
    assert ids(search(register, organisation="Belastingdienst/Dienst Toeslagen")) == ["bd-toeslagen"]
    assert len(ids(search(register, organisation="uwv"))) == 4
    assert ids(search(register, organisation="uw")) == []  # not a word prefix: no partial organisation names
    assert set(ids(search(register, "schuld", organisation="Gemeente Amsterdam"))) == {"gm-amsterdam-schuld"}


# -- ranking ----------------------------------------------------------------------------------------------
def test_exact_organisation_and_household_municipality_rank_first(register: Database) -> None:
    # UWV itself before a municipal contact that only mentions UWV; within UWV: the household's own
    # municipality, then landelijk (verified before not verified), then other regions.
    assert ids(search(register, "uwv", context_municipality="GM0363")) == [
        "uwv-amsterdam", "uwv-landelijk", "uwv-stale", "uwv-rotterdam", "gm-amsterdam-werk"
    ]
    assert ids(search(register, "uwv", context_municipality="GM0599"))[:3] == [
        "uwv-rotterdam", "uwv-landelijk", "uwv-stale"
    ]
    assert ids(search(register, "uwv", municipality_code="GM0362"))[:2] == ["uwv-amsterdam", "uwv-landelijk"]


def test_household_municipality_ranks_first_without_an_organisation_match(register: Database) -> None:
    ranked = ids(search(register, "schulden", context_municipality="GM1900"))
    assert ranked[0] == "gm-sudwest"
    assert set(ranked[1:4]) == {"bd-toeslagen", "bd-invordering", "cjib"}  # landelijk next
    assert ranked[4:] == ["gm-amsterdam-schuld"]


def test_exact_organisation_before_organisation_prefix(register: Database) -> None:
    assert ids(search(register, "belastingdienst"))[0] == "bd-invordering"


def test_wie_bel_ik_suggests_the_organisation_for_the_household(register: Database) -> None:
    page = service.suggest_contacts("UWV", "GM0363", register.uow(), register.actor, today=TODAY)
    assert ids(page) == ["uwv-amsterdam", "uwv-landelijk", "uwv-stale", "uwv-rotterdam"]
    # A plan action's organisation written differently still finds its contacts.
    toeslagen = service.suggest_contacts("Belastingdienst/Toeslagen", "GM0363", register.uow(), register.actor,
                                         today=TODAY)
    assert ids(toeslagen) == ["bd-toeslagen"]
    team = service.suggest_contacts("Gemeente Amsterdam – Schuldhulpverlening", "GM0363", register.uow(),
                                    register.actor, today=TODAY)
    assert ids(team) == ["gm-amsterdam-schuld"]
    assert ids(service.suggest_contacts("Gemeente Amsterdam", "GM0363", register.uow(), register.actor,
                                        theme="schulden", today=TODAY)) == ["gm-amsterdam-schuld"]
    # A team the register does not know: the organisation before the dash still answers.
    unknown_team = service.suggest_contacts("Gemeente Amsterdam – Leerplicht", "GM0363", register.uow(),
                                            register.actor, today=TODAY)
    assert set(ids(unknown_team)) == {"gm-amsterdam-schuld", "gm-amsterdam-werk"}
    assert ids(service.suggest_contacts("Onbekende Stichting", "GM0363", register.uow(), register.actor)) == []


def test_broad_texts_rank_a_bounded_selection_with_the_same_tiers(register: Database,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # With 100,000 contacts a two-letter prefix matches tens of thousands; the ranking then runs over the
    # lowest ids of each tier (exact organisation, household municipality, landelijk, any). Shrunk here.
    monkeypatch.setattr(service, "BROAD_LIMIT", 2)
    page = search(register, "uwv", context_municipality="GM0363")
    assert page.broad
    assert ids(page) == ["uwv-amsterdam", "uwv-landelijk", "uwv-stale", "gm-amsterdam-werk"]  # not Rotterdam
    filtered = search(register, "uwv", municipality_code="GM0363")
    assert filtered.broad and ids(filtered) == ids(page)
    narrow = search(register, "uwv rijnmond")
    assert not narrow.broad and ids(narrow) == ["uwv-rotterdam"]
    monkeypatch.setattr(service, "BROAD_LIMIT", 1)
    themed = search(register, "team", theme="schulden")  # 'Maatwerkteam' does not start with 'team'
    assert themed.broad is False and ids(themed) == ["cjib"]


def test_dense_texts_rank_the_same_bounded_selection(register: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # On PostgreSQL a dense text (DENSE x BROAD_LIMIT matches or more) takes its candidates from a walk along
    # the primary key instead of from all matches; the page must not change. Shrunk: "uwv" has 5 matches.
    monkeypatch.setattr(service, "BROAD_LIMIT", 2)
    monkeypatch.setattr(storage_register, "DENSE", 2)
    page = search(register, "uwv", context_municipality="GM0363")
    assert page.broad
    assert ids(page) == ["uwv-amsterdam", "uwv-landelijk", "uwv-stale", "gm-amsterdam-werk"]
    filtered = search(register, "uwv", municipality_code="GM0363")
    assert filtered.broad and ids(filtered) == ids(page)
    assert ids(search(register, "uwv", limit=2, offset=2)) == ids(search(register, "uwv"))[2:4]
    narrow = search(register, "uwv rijnmond")
    assert not narrow.broad and ids(narrow) == ["uwv-rotterdam"]


@pytest.mark.postgres
def test_a_failed_search_on_postgresql_is_sqlalchemys_error_and_the_next_search_works(
    postgres_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL sends the planner settings and the search in one pipeline of the driver: a failure there
    reaches the error boundary as SQLAlchemy's error (as on every other path), with no value in its text, and
    leaves the pooled connection usable."""
    from sqlalchemy.exc import DBAPIError

    register = filled(postgres_db)

    original = storage_register.SqlRegisterRepository.search_sql_postgres

    def broken(self: storage_register.SqlRegisterRepository, plan: Any) -> tuple[str, dict[str, Any]]:
        sql, params = original(self, plan)
        return sql.replace("FROM counted", "FROM no_such_table", 1), params

    monkeypatch.setattr(storage_register.SqlRegisterRepository, "search_sql_postgres", broken)
    with pytest.raises(DBAPIError) as caught:
        search(register, "uwv")
    assert "uwv" not in str(caught.value)  # hide_parameters: the typed text stays out of the message
    monkeypatch.undo()
    assert "uwv-amsterdam" in ids(search(register, "uwv"))


# -- paging -----------------------------------------------------------------------------------------------
def test_pages_are_cut_in_sql_without_overlap(register: Database) -> None:
    everything = ids(search(register, "uwv", context_municipality="GM0363"))
    first = search(register, "uwv", context_municipality="GM0363", limit=2)
    second = search(register, "uwv", context_municipality="GM0363", limit=2, offset=2)
    last = search(register, "uwv", context_municipality="GM0363", limit=2, offset=4)
    assert first.has_more and second.has_more and not last.has_more
    assert ids(first) + ids(second) + ids(last) == everything
    corrected = search(register, "uvw", context_municipality="GM0363", limit=2, offset=2)
    assert ids(corrected) == everything[2:4] and corrected.corrected_text == "uwv"


def test_browsing_without_text(register: Database) -> None:
    everything = ids(search(register))
    assert len(everything) == len(REGISTER)
    assert everything[:2] == ["bd-invordering", "bd-toeslagen"]  # by organisation
    assert ids(search(register, "a")) == everything  # one letter is not a search yet


# -- writes keep the index in sync ----------------------------------------------------------------------------
def test_update_and_delete_keep_search_in_sync(register: Database) -> None:
    cjib = search(register, "cjib").contacts[0]
    assert cjib.id is not None
    data = cjib.fields()
    renamed = service.update_contact(
        cjib.id, data.model_copy(update={"organisation": "Centraal Justitieel Incassobureau"}), cjib.version,
        register.uow(),
        register.actor,
    )
    assert renamed.version == cjib.version + 1
    assert ids(search(register, "cjib")) == []
    assert ids(search(register, "incassobureau")) == ["cjib"]
    with pytest.raises(StaleVersion):
        service.update_contact(cjib.id, data, cjib.version, register.uow(), register.actor)

    svb = search(register, "kinderbijslag").contacts[0]
    assert svb.id is not None
    service.delete_contact(svb.id, svb.version, register.uow(), register.actor)
    assert ids(search(register, "kinderbijslag")) == []
    assert ids(search(register, "bruggemann")) == []
    with register.uow() as uow:
        assert uow.register.check_search_index()  # type: ignore[attr-defined]


def test_create_verify_and_conflicts(register: Database) -> None:
    created = service.create_contact(parse_contact_fields({
        "external_id": "duo-maatwerk", "organisation": "DUO", "team": "Team Maatwerk Terugbetalen",
        "email": "maatwerk@duo.example", "landelijk": True, "themes": ["studiefinanciering"],
    }), register.uow(), register.actor)
    assert created.id is not None and created.version == 1 and created.is_unverified(TODAY)
    assert ids(search(register, "terugbetalen")) == ["duo-maatwerk"]
    with pytest.raises(Conflict):
        service.create_contact(created.fields(), register.uow(), register.actor)
    verified = service.mark_verified(created.id, created.version, register.uow(), register.actor, today=TODAY)
    assert verified.last_verified == TODAY and not verified.is_unverified(TODAY)
    with register.uow() as uow:
        trail = list(uow.audit.records("register_contact", "duo-maatwerk"))
    assert [record.event.kind.value for record in trail] == ["create", "update"]


def test_reimport_updates_in_place_and_replaces_themes(register: Database) -> None:
    changed = [dict(values) for values in REGISTER]
    changed[9] = {**changed[9], "themas": "boetes"}  # cjib: no longer schulden
    report = service.import_contacts(
        [ImportRecord(line, values) for line, values in enumerate(changed, start=2)], register.uow(), register.actor
    )
    assert (report.inserted, report.updated, report.written) == (0, len(REGISTER), True)
    cjib = search(register, "cjib").contacts[0]
    assert cjib.version == 2 and cjib.themes == ["boetes"]
    assert "cjib" not in ids(search(register, theme="schulden"))
    assert service.count_contacts(register.uow(), register.actor) == len(REGISTER)


def test_searching_needs_permission_to_search_and_editing_to_manage(register: Database) -> None:
    let = Actor(username="let", display_name="LET", role=Role.LET)
    assert ids(service.search_contacts(parse_query({"text": "cjib"}), register.uow(), let, today=TODAY)) == ["cjib"]
    with pytest.raises(AccessDenied):
        service.create_contact(parse_contact_fields({"external_id": "x", "organisation": "X",
                                                     "email": "x@x.example", "landelijk": True}), register.uow(), let)
    with pytest.raises(AccessDenied):
        service.export_contacts(register.uow(), let)


def test_organisation_list_for_filters(register: Database) -> None:
    summaries = service.list_organisations(register.uow(), register.actor)
    assert [(s.organisation, s.contacts) for s in summaries][:3] == [
        ("Belastingdienst", 1), ("Belastingdienst/Dienst Toeslagen", 1), ("CJIB", 1)
    ]
    assert ("UWV", 4) in [(s.organisation, s.contacts) for s in summaries]

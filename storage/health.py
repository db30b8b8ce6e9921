"""What beheer asks of an installation: which version, which schema, and is it healthy (`doorbraak --versie`,
`doorbraak db check`).

Both only look: they never create, upgrade or log in to the database (an older schema is reported, not
migrated), and they read no case content — the retention check counts cases, it names none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url

from domain.actors import Actor, Role
from domain.errors import DomainError
from domain.services.privacy import purge_candidates
from storage.backup import other_backups
from storage.encryption import is_encrypted, load_key
from storage.engine import is_sqlite, make_engine, sqlite_path
from storage.migrate import declared_heads, stored_revisions
from storage.rls import CASE_TABLES, GROUPS, Names, unclassified_tables
from storage.settings import Settings
from storage.unit_of_work import SqlUnitOfWork, session_factory

CHECKER = Actor(username="db-check", display_name="Databasecontrole", role=Role.EIGENAAR)
"""Who counts the cases over their retention period: the database owner, as for `db upgrade`; it reads no
case content and writes nothing (not even an audit record: a health check must not grow the log)."""


def app_version() -> str:
    """The installed doorbraak's version (from the wheel's metadata; a checkout without it says so)."""
    try:
        return version("doorbraak")
    except PackageNotFoundError:
        return "onbekend (niet geïnstalleerd)"


def database_kind(url: str) -> str:
    if is_sqlite(url):
        return "SQLite, versleuteld (SQLCipher)" if is_encrypted(url) else "SQLite"
    if make_url(url).get_backend_name() == "postgresql":
        return "PostgreSQL"
    return make_url(url).get_backend_name()


def where(url: str) -> str:
    """The database without a password: the file for SQLite, host/database for a server."""
    path = sqlite_path(url) if is_sqlite(url) else None
    if path is not None:
        return str(path)
    parsed = make_url(url)
    return f"{parsed.host or 'localhost'}{':' + str(parsed.port) if parsed.port else ''}/{parsed.database or ''}"


@dataclass(frozen=True)
class SchemaState:
    revisions: frozenset[str] | None
    """What the database records (None: it does not exist yet, has no schema, or could not be reached)."""
    head: frozenset[str]
    problem: str = ""

    @property
    def at_head(self) -> bool:
        return self.revisions == self.head

    def describe(self) -> str:
        if self.problem:
            return self.problem
        assert self.revisions is not None
        stored = ", ".join(sorted(self.revisions)) or "leeg"
        if self.at_head:
            return f"{stored} (de nieuwste)"
        newer = self.revisions - _known_revisions()
        if newer:
            return f"{stored} (nieuwer dan deze versie van doorbraak: werk doorbraak bij)"
        return f"{stored} (ouder dan {', '.join(sorted(self.head))}: 'doorbraak db upgrade' werkt hem bij)"


def _known_revisions() -> set[str]:
    from storage.migrate import known_revisions

    return known_revisions()


def _engine(settings: Settings) -> Engine:
    url = settings.database_url
    key = load_key(settings.database_key_file) if is_encrypted(url) else None
    return make_engine(url, key=key)


def missing_file(settings: Settings) -> Path | None:
    """The SQLite file when it does not exist (opening it would create it: a check must not)."""
    url = settings.database_url
    path = sqlite_path(url) if is_sqlite(url) else None
    return path if path is not None and not path.exists() else None


def schema_state(settings: Settings) -> SchemaState:
    head = declared_heads()
    missing = missing_file(settings)
    if missing is not None:
        return SchemaState(None, head, f"nog geen database ({missing} bestaat niet)")
    try:
        engine = _engine(settings)
    except DomainError as error:
        return SchemaState(None, head, error.message)
    try:
        stored = stored_revisions(engine)
    except Exception as error:  # noqa: BLE001 - a server that does not answer, a wrong key: said in Dutch
        return SchemaState(None, head, f"niet te lezen ({type(error).__name__})")
    finally:
        engine.dispose()
    if stored is None:
        return SchemaState(None, head, "nog geen schema (of geen toegang tot de tabel alembic_version)")
    return SchemaState(frozenset(stored), head)


# -- doorbraak db check -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'fout'}  {self.name}: {self.detail}"


def run_checks(
    settings: Settings,
    *,
    backup_days: int = 1,
    backup_folder: Path | None = None,
    rls_prefix: str = "doorbraak",
    today: date | None = None,
) -> Iterator[Check]:
    """Every check of `doorbraak db check`, one at a time (so a slow one shows the ones before it)."""
    from storage.migrate import head_revisions  # Alembic's own reading of the history

    heads = head_revisions()
    yield Check("Eén migratiegeschiedenis", len(heads) == 1,
                f"kop {', '.join(sorted(heads))}" if len(heads) == 1
                else f"{len(heads)} koppen ({', '.join(sorted(heads))}): deze versie is onjuist samengesteld")
    state = schema_state(settings)
    yield Check("Schema bijgewerkt", state.at_head, state.describe())
    if state.revisions is None:
        return  # nothing to look into
    engine = _engine(settings)
    try:
        postgres = engine.dialect.name == "postgresql"
        if postgres:
            yield _rls_check(engine, rls_prefix)
        yield from _key_checks(settings, engine)
        if state.at_head:
            yield _audit_check(settings, engine)
            yield _retention_check(settings, engine, today or datetime.now(UTC).date())
            yield _dashboard_check(engine)
        else:
            yield Check("Logboek intact", False, "niet gecontroleerd: werk eerst het schema bij")
            yield Check("Bewaartermijnen", False, "niet gecontroleerd: werk eerst het schema bij")
    finally:
        engine.dispose()
    yield _backup_check(settings, backup_days, backup_folder, postgres=postgres)


def _rls_check(engine: Engine, prefix: str) -> Check:
    name = "Rijbeveiliging (RLS)"
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        )).all()
        unknown = unclassified_tables(connection)
        groups = {names for (names,) in connection.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
            {"names": [Names(prefix).group(role) for role in GROUPS]})}
    secured = {table for table, enabled, forced in rows if enabled and forced}
    open_tables = sorted(set(CASE_TABLES) - secured)
    missing_groups = sorted({Names(prefix).group(role) for role in GROUPS} - groups)
    if open_tables or missing_groups or unknown:
        parts = []
        if open_tables:
            parts.append(f"zonder beleid: {', '.join(open_tables[:5])}{' …' if len(open_tables) > 5 else ''}")
        if missing_groups:
            parts.append(f"groepsrollen ontbreken: {', '.join(missing_groups)}")
        if unknown:
            parts.append(f"tabellen zonder beveiligingsregel: {', '.join(unknown)}")
        return Check(name, False, "; ".join(parts) + ". Voer 'doorbraak db beveilig' uit.")
    return Check(name, True, f"aan op alle {len(CASE_TABLES)} tabellen met casusgegevens")


def _dashboard_check(engine: Engine) -> Check:
    """The dashboard's kept sums (storage/dashboard_items.py) against the households' items made anew."""
    from storage.dashboard_items import differing_municipalities

    name = "Dashboardcijfers"
    with engine.connect() as connection:
        pending = connection.execute(text("SELECT count(*) FROM dashboard_pending")).scalar_one()
        differing = differing_municipalities(connection)
    if differing:
        return Check(name, False, f"wijken af van de huishoudens in {', '.join(differing)} (met de hand gewijzigd?). "
                                  "Voer 'doorbraak db dashboard-herbouw' uit.")
    waiting = f"; {pending} huishoudens wachten op het volgende dashboard" if pending else ""
    return Check(name, True, f"gelijk aan een nieuwe telling{waiting}")


def _audit_records(engine: Engine) -> int:
    from storage.tables import AuditLogRow

    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(AuditLogRow)).scalar_one())


def _key_checks(settings: Settings, engine: Engine) -> Iterator[Check]:
    key_file = Path(settings.audit_key_file).expanduser()
    if key_file.is_file():
        yield Check("Sleutel van het logboek", True, str(key_file))
    elif _audit_records(engine):
        yield Check("Sleutel van het logboek", False,
                    f"{key_file} ontbreekt, maar het logboek heeft records: zet het gedeelde sleutelbestand terug")
    else:
        yield Check("Sleutel van het logboek", True, f"{key_file} wordt gemaakt bij het eerste record")
    if is_encrypted(settings.database_url):
        yield Check("Databasesleutel", True, "aanwezig en passend (de database is geopend)")


def _audit_check(settings: Settings, engine: Engine) -> Check:
    from storage.audit import load_audit_key

    name = "Logboek intact"
    try:
        key = load_audit_key(settings.audit_key_file)
        with SqlUnitOfWork(session_factory(engine), key) as uow:
            problems = uow.audit.verify()
    except DomainError as error:
        return Check(name, False, error.message)
    if problems:
        more = f" (en nog {len(problems) - 1})" if len(problems) > 1 else ""
        return Check(name, False, f"{problems[0]}{more}")
    return Check(name, True, f"de keten van {_audit_records(engine)} records klopt")


def _retention_check(settings: Settings, engine: Engine, today: date) -> Check:
    name = "Bewaartermijnen"
    try:
        due = purge_candidates(SqlUnitOfWork(session_factory(engine), b""), CHECKER, settings.retention, today)
    except DomainError as error:
        return Check(name, False, error.message)
    if due:
        return Check(name, False, f"{len(due)} gesloten casussen over hun bewaartermijn: "
                                  "'doorbraak privacy purge' vernietigt ze")
    return Check(name, True, "geen casus over zijn bewaartermijn")


def _backup_check(settings: Settings, days: int, folder: Path | None, *, postgres: bool) -> Check:
    name = f"Back-up jonger dan {days} {'dag' if days == 1 else 'dagen'}"
    if folder is not None:
        files = [p for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
        if not folder.is_dir():
            return Check(name, False, f"de map {folder} bestaat niet")
    elif postgres:
        return Check(name, False, "geef met --backup-map de map met de pg_dump-bestanden op")
    else:
        files = other_backups(settings.database_url)
    if not files:
        return Check(name, False, f"geen back-up gevonden{' in ' + str(folder) if folder else ' naast de database'}")
    newest = max(files, key=lambda p: p.stat().st_mtime)
    age = datetime.now(UTC) - datetime.fromtimestamp(newest.stat().st_mtime, UTC)
    hours = age.total_seconds() / 3600
    text_age = f"{hours:.0f} uur oud" if hours < 48 else f"{age.days} dagen oud"
    return Check(name, age <= timedelta(days=days), f"{newest.name}, {text_age}")

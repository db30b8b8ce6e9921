"""The synthetic data of a bench run: built once per (size, seed, schema), cached, copied for each run.

The cache holds a seeded SQLite database (`storage.seed.seed_file`: households, members, problems,
organisations, plans, overbruggingen, escalaties) and the register as a CSV import file
(`storage.seed.register.write_bulk_csv`). Each run works on a copy, so measuring (which writes audit
records, imports, edits) never changes the cache. PostgreSQL gets the same rows by COPY into a fresh
schema that is dropped afterwards.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import platformdirs
import psycopg
from sqlalchemy import MetaData, Table, create_engine, text

from storage.app_name import APP_NAME
from storage.migrate import head_revisions

DATA_VERSION = 1
"""Bump when what the bench builds changes in a way the migration head does not show."""
SKIPPED_TABLES = ("alembic_version", "sqlite_sequence")
"""Not copied to PostgreSQL: bookkeeping, and the register (every run imports it, as a measurement)."""


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME)) / "bench"


@dataclass(frozen=True)
class DataSet:
    households: int
    contacts: int
    seed: int
    directory: Path
    grown_from: int | None = None
    """Build by seeding this many households and copying them (`grow`) up to `households`, instead of
    seeding all of them (seed_file writes ~40 households a second on this shared machine under load)."""

    @property
    def key(self) -> str:
        heads = ",".join(sorted(head_revisions()))
        digest = hashlib.sha256(f"{DATA_VERSION}/{heads}".encode()).hexdigest()[:10]
        grown = f"-g{self.grown_from}" if self.grown_from else ""
        return f"h{self.households}{grown}-c{self.contacts}-s{self.seed}-{digest}"

    @property
    def base(self) -> DataSet:
        """The seeded data set this one is grown from (itself when it is seeded whole)."""
        if not self.grown_from:
            return self
        return DataSet(self.grown_from, min(self.contacts, self.grown_from), self.seed, self.directory)

    @property
    def folder(self) -> Path:
        return self.directory / self.key

    @property
    def households_db(self) -> Path:
        return self.folder / "households.db"

    @property
    def register_csv(self) -> Path:
        return self.folder / "register.csv"

    @property
    def cached(self) -> bool:
        return (self.folder / "complete").is_file()


SEEDED = 10_000
"""Larger data sets are grown from this many seeded households (copies keep the seed's distribution)."""


def data_set_for(households: int, contacts: int, seed: int, directory: Path) -> DataSet:
    """The data set of a size: seeded whole up to SEEDED households, grown from the seeded SEEDED above it
    (seeding all 100,000 would take ~40 minutes here; growing them from 10,000 takes a few)."""
    grown = households > SEEDED and households % SEEDED == 0
    return DataSet(households, contacts, seed, directory, grown_from=SEEDED if grown else None)


def ensure_built(data: DataSet, *, progress: bool) -> tuple[bool, float]:
    """Build the data set unless it is cached; returns (was cached, seconds spent building)."""
    if data.cached:
        return True, 0.0
    from storage.seed import seed_file
    from storage.seed.register import write_bulk_csv

    started = time.perf_counter()
    data.folder.mkdir(parents=True, exist_ok=True)
    if data.grown_from:
        base = data.base
        ensure_built(base, progress=progress)
        shutil.copyfile(base.households_db, data.households_db)
        with closing(sqlite3.connect(data.households_db)) as connection:
            grow(SqliteExecutor(connection), data.households // data.grown_from)
            connection.commit()
        rebuild_dashboard(data.households_db)
    else:
        seed_file(data.households_db, households=data.households, seed=data.seed, progress=progress)
    with closing(sqlite3.connect(data.households_db)) as connection:
        # The seed's demo register would mix with the imported one: the register is the import's alone.
        for table in ("register_contact_municipality", "register_contact_theme", "register_contact", "register_term"):
            connection.execute(f"DELETE FROM {table}")
        connection.execute("INSERT INTO register_fts(register_fts) VALUES ('rebuild')")
        connection.execute("ANALYZE")
        connection.commit()
    write_bulk_csv(data.register_csv, data.contacts, seed=data.seed)
    (data.folder / "complete").write_text(data.key + "\n", encoding="utf-8")
    return False, time.perf_counter() - started


def working_copy(data: DataSet, target: Path) -> Path:
    """A copy of the cached households database to measure on (the cache stays pristine)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(data.households_db, target)
    return target


# -- growing a seeded data set by copies -------------------------------------------------------------------
class Executor(Protocol):
    """The little `grow` needs of a raw connection (sqlite3 or psycopg)."""

    dialect: str

    def run(self, statement: str) -> list[tuple[Any, ...]]: ...


@dataclass
class SqliteExecutor:
    connection: sqlite3.Connection
    dialect: str = "sqlite"

    def run(self, statement: str) -> list[tuple[Any, ...]]:
        return list(self.connection.execute(statement).fetchall())


@dataclass
class PostgresExecutor:
    connection: psycopg.Connection[Any]
    dialect: str = "postgresql"

    def run(self, statement: str) -> list[tuple[Any, ...]]:
        cursor = self.connection.execute(statement)
        return list(cursor.fetchall()) if cursor.description else []


def grown_tables() -> list[Table]:
    """`household` and every table that hangs from it by a foreign key, parents first."""
    from sqlmodel import SQLModel

    from storage import case_tables, people_tables, plan_tables, tables  # noqa: F401  (register the tables)

    chosen: list[Table] = []
    names = {"household"}
    for table in SQLModel.metadata.sorted_tables:
        parents = {fk.column.table.name for fk in table.foreign_keys}
        if table.name == "household" or parents & names:
            names.add(table.name)
            chosen.append(table)
    return chosen


def grow(db: Executor, factor: int) -> dict[str, int]:
    """Make the households (with everything hanging from them) `factor` times as many, in SQL.

    Copy k (1 .. factor-1) of a row gets id + k * (the table's highest id), its foreign keys to copied
    tables moved the same way, and a household a new case number in its year (sequence + k * the year's
    highest sequence, so numbers stay unique and valid) with its search text following. Everything else
    (names, dates, statuses, plans, scores) is the seeded row's: the copies have the seed's distribution
    exactly, which is what a scale figure needs. Returns rows per table afterwards."""
    if factor < 2:
        return {}
    tables = grown_tables()
    present = {r[0] for r in db.run(
        "SELECT name FROM sqlite_master WHERE type = 'table'" if db.dialect == "sqlite" else
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
    generated: set[tuple[str, str]] = set()
    if db.dialect == "postgresql":
        generated = {(r[0], r[1]) for r in db.run(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND is_generated = 'ALWAYS'")}
    offsets: dict[str, int] = {}
    for table in tables:
        if table.name in present and "id" in table.columns:
            offsets[table.name] = int(db.run(f'SELECT coalesce(max(id), 0) FROM "{table.name}"')[0][0])
    years = db.run("SELECT substr(case_number, 4, 4), max(CAST(substr(case_number, 9) AS INTEGER)) FROM household "
                   "GROUP BY substr(case_number, 4, 4)")
    if any(int(top) * factor > 999_999 for _, top in years):
        raise ValueError(f"{factor} copies do not fit the case numbers' six digits")
    db.run("CREATE TEMP TABLE grow_copy (k INTEGER NOT NULL)")
    db.run("INSERT INTO grow_copy (k) VALUES " + ", ".join(f"({k})" for k in range(1, factor)))
    db.run("CREATE TEMP TABLE grow_year (year TEXT NOT NULL, top INTEGER NOT NULL)")
    db.run("INSERT INTO grow_year (year, top) VALUES " + ", ".join(f"('{y}', {int(t)})" for y, t in years))
    pad = ("printf('%06d', {})" if db.dialect == "sqlite" else "lpad(CAST({} AS TEXT), 6, '0')")
    rebuilt: list[str] = []
    if db.dialect == "postgresql":
        # Secondary indexes (not those of a primary key or unique constraint) are built once afterwards:
        # maintaining them row by row made growing to a million households take over half an hour here.
        db.run("SET LOCAL maintenance_work_mem = '256MB'")
        names = ", ".join(f"'{t.name}'" for t in tables)
        for index, definition in db.run(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
            f"AND i.tablename IN ({names}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)"
        ):
            db.run(f'DROP INDEX "{index}"')
            rebuilt.append(definition)
    new_number = "'DB-' || t.case_number_year || '-' || " + pad.format(
        "CAST(substr(t.case_number, 9) AS INTEGER) + g.k * y.top")
    counts: dict[str, int] = {}
    for table in tables:
        if table.name not in present or offsets.get(table.name, 1) == 0:
            continue
        moved = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys if fk.column.table.name in offsets}
        columns: list[str] = []
        values: list[str] = []
        for column in table.columns:
            if (table.name, column.name) in generated:
                continue
            name = column.name
            if name == "id" and table.name in offsets:
                value = f"t.id + g.k * {offsets[table.name]}"
            elif name in moved:
                value = f"t.{name} + g.k * {offsets[moved[name]]}"
            elif table.name == "household" and name == "case_number":
                value = new_number
            elif table.name == "household" and name == "search_text":
                value = f"replace(t.search_text, lower(t.case_number), lower({new_number}))"
            else:
                value = f't."{name}"'
            columns.append(f'"{name}"')
            values.append(value)
        source = f'"{table.name}" AS t CROSS JOIN grow_copy AS g'
        if table.name == "household":
            source = ("(SELECT *, substr(case_number, 4, 4) AS case_number_year FROM household) AS t "
                      "CROSS JOIN grow_copy AS g JOIN grow_year AS y ON y.year = t.case_number_year")
        db.run(f'INSERT INTO "{table.name}" ({", ".join(columns)}) SELECT {", ".join(values)} FROM {source}')
        counts[table.name] = int(db.run(f'SELECT count(*) FROM "{table.name}"')[0][0])
        if db.dialect == "postgresql" and table.name in offsets:
            db.run(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                   f'(SELECT max(id) FROM "{table.name}"))')
    same_year = "substr(case_number, 4, 4) = CAST(case_number_sequence.year AS TEXT)"
    db.run("UPDATE case_number_sequence SET last = (SELECT max(CAST(substr(case_number, 9) AS INTEGER)) "
           f"FROM household WHERE {same_year}) WHERE EXISTS (SELECT 1 FROM household WHERE {same_year})")
    for definition in rebuilt:
        db.run(definition)
    db.run("DROP TABLE grow_copy")
    db.run("DROP TABLE grow_year")
    return counts


# -- PostgreSQL -------------------------------------------------------------------------------------------
def libpq_dsn(url: str) -> str:
    """A SQLAlchemy psycopg URL as a libpq connection string."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def schema_url(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema},public"


@contextmanager
def fresh_schema(url: str, prefix: str = "bench") -> Iterator[str]:
    """A new, empty schema (extensions in public, as the tests do); dropped afterwards, whatever happens."""
    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    try:
        with admin.begin() as connection:
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public"))
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield schema
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def rebuild_dashboard(path: Path) -> None:
    """The dashboard's kept items of every household (the copies were made in SQL, past the app's commits)."""
    from storage.dashboard_items import rebuild

    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            rebuild(connection)
    finally:
        engine.dispose()


def copy_to_postgres(source: Path, url: str, schema: str) -> dict[str, int]:
    """COPY every household-side table of the SQLite file into the (migrated) schema; returns rows per table.

    Tables go in foreign-key order; columns PostgreSQL generates itself are left out; timestamps are read
    as UTC (the SQLite file stores UTC without a zone); id sequences are moved past the copied ids.
    """
    engine = create_engine(schema_url(url, schema))
    meta = MetaData()
    meta.reflect(engine)
    engine.dispose()
    copied: dict[str, int] = {}
    with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as lite, psycopg.connect(
        libpq_dsn(url), options=f"-csearch_path={schema},public"
    ) as pg:
        pg.execute("SET TIME ZONE 'UTC'")
        # The copy brings the dashboard's kept items along: its triggers need not list every household as
        # changed (a superuser's session skips them; otherwise the list is emptied below).
        with contextlib.suppress(psycopg.Error), pg.transaction():
            pg.execute("SET session_replication_role = replica")
        sqlite_tables = {r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        generated = {
            (r[0], r[1])
            for r in pg.execute(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = %s AND is_generated = 'ALWAYS'", (schema,)
            )
        }
        for table in meta.sorted_tables:
            name = table.name
            if name not in sqlite_tables or name in SKIPPED_TABLES or name.startswith("register_"):
                continue
            if pg.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0]:  # type: ignore[index]
                continue  # filled by the migrations themselves (the audit chain's head)
            lite_columns = {r[1] for r in lite.execute(f'PRAGMA table_info("{name}")')}
            columns = [c.name for c in table.columns if c.name in lite_columns and (name, c.name) not in generated]
            names = ", ".join(f'"{c}"' for c in columns)
            count = 0
            with pg.cursor() as cursor, cursor.copy(f'COPY "{name}" ({names}) FROM STDIN') as copy:
                for row in lite.execute(f'SELECT {names} FROM "{name}"'):
                    copy.write_row(row)
                    count += 1
            copied[name] = count
            if "id" in table.columns and count:
                pg.execute(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT max(id) FROM \"{name}\"))")
        pg.execute("DELETE FROM dashboard_pending")
        pg.commit()
        pg.autocommit = True
        # VACUUM as well: a server that has run for a while has its visibility map set by autovacuum, so
        # index-only scans skip the table; right after COPY every one of them would visit the table too
        # (the dashboard on PostgreSQL took twice as long before the first autovacuum).
        pg.execute("VACUUM ANALYZE")
    return copied

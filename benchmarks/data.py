"""The synthetic data of a bench run: built once per (size, seed, schema), cached, copied for each run.

The cache holds a seeded SQLite database (`storage.seed.seed_file`: households, members, problems,
organisations, plans, overbruggingen, escalaties) and the register as a CSV import file
(`storage.seed.register.write_bulk_csv`). Each run works on a copy, so measuring (which writes audit
records, imports, edits) never changes the cache. PostgreSQL gets the same rows by COPY into a fresh
schema that is dropped afterwards.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import psycopg
from sqlalchemy import MetaData, create_engine, text

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

    @property
    def key(self) -> str:
        heads = ",".join(sorted(head_revisions()))
        digest = hashlib.sha256(f"{DATA_VERSION}/{heads}".encode()).hexdigest()[:10]
        return f"h{self.households}-c{self.contacts}-s{self.seed}-{digest}"

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


def ensure_built(data: DataSet, *, progress: bool) -> tuple[bool, float]:
    """Build the data set unless it is cached; returns (was cached, seconds spent building)."""
    if data.cached:
        return True, 0.0
    from storage.seed import seed_file
    from storage.seed.register import write_bulk_csv

    started = time.perf_counter()
    data.folder.mkdir(parents=True, exist_ok=True)
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
        pg.commit()
        pg.autocommit = True
        pg.execute("ANALYZE")
    return copied

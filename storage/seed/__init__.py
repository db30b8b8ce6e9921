"""Deterministic fictional demo data: `doorbraak seed --output FILE [--households N] [--seed S]`.

`seed_file` writes a NEW SQLite file: the schema comes from the real migrations (through
`storage.bootstrap.open_database`), then the seed steps in `SEED_STEPS` run in order inside ONE
transaction, and the file is switched to a single self-contained file (journal_mode=DELETE, VACUUM).
It is written under a temporary name in the same directory and renamed at the end, so a crash never
leaves a half-written database behind. The committed `sample.db` is `seed_file("sample.db",
households=48, seed=2026)`; tests/storage/test_sample_db.py fails when it no longer matches the code.

Determinism: the same (households, seed) always gives the same rows. Nothing reads the clock or today's
date: every date is relative to `REFERENCE_DATE` (2026-11-01) and every timestamp is drawn between
early 2025 and `REFERENCE_MOMENT`. Each step gets its own `random.Random(f"{seed}/{step.name}")`, so a
new step never changes what the earlier ones wrote.

Privacy: all data is invented. BSNs come only from the test range 9999xxxxx and pass the 11-test;
e-mail addresses (when later steps add any) must end in `.example`; names are ordinary names.

Speed: households are validated as domain `Household` objects (so the domain's rules hold) and then
written with SQLAlchemy Core `insert()` executemany in batches, filling the household row through the
repository's own `household_row_values` (sort name, search text, ...). 100,000 households take well under two
minutes on a small machine (measured on 2 shared cores: 44-60 s, a 229 MB file).

Extending the seed (plans, maatwerkregister, overbruggingen, escalations, ...)
------------------------------------------------------------------------------
Write a module, e.g. `storage/seed/plans.py`, with a function

    def seed_plans(connection: Connection, rng: random.Random, context: SeedContext) -> None: ...

that inserts its rows with `connection` (Core `insert()` executemany, or `Session(bind=connection)`),
reads what it needs from `context.households` (id, case number, status, municipality, timestamps) or
from the tables, draws every random choice from `rng` and every date from `context.reference_date` /
`context.moment_between(...)`, and counts what it wrote with `context.stats.add("plannen", n)`.
Then register it with ONE line in `SEED_STEPS` below:

    SeedStep("plannen", "storage.seed.plans:seed_plans"),

The target is imported lazily by name, so the step module may import from this module without an import
cycle. Regenerate sample.db afterwards: `.venv/bin/doorbraak seed --output sample.db`.
"""

from __future__ import annotations

import importlib
import os
import random
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, cast

from sqlalchemy import Connection, Table, insert
from sqlmodel import SQLModel

from domain import reference
from domain.errors import InvalidInput
from domain.errors import Problem as InputProblem
from domain.household import Household, HouseholdStatus, MemberRole
from domain.validation import age_on, format_case_number, normalise_bsn
from storage.bootstrap import open_database
from storage.dashboard_items import rebuild as rebuild_dashboard
from storage.engine import DatabaseError
from storage.households import household_row_values, member_values, organisation_values, problem_values
from storage.installation import mark_oefenomgeving
from storage.seed.data.names import ORIGINS, ORIGINS_BY_KEY, SHARED_CHILD_FEMALE, SHARED_CHILD_MALE, Origin
from storage.seed.data.places import (
    BAILIFFS,
    GP_PRACTICES,
    HEALTH_INSURERS,
    PLACES,
    PLACES_BY_CODE,
    POSTCODE_LETTERS,
    PROFESSIONALS,
    Place,
)
from storage.seed.data.themes import MONTHS, ORGANISATIONS, STRENGTHS, THEMES, THEMES_BY_KEY, ProblemTemplate, Theme
from storage.seed.stories import STORIES
from storage.seed.stories.amounts import kinderbijslag_per_year
from storage.seed.stories.build import moment, story_household
from storage.seed.stories.model import Story
from storage.settings import Settings
from storage.tables import CaseNumberSequence, HouseholdRow, InvolvedOrganisationRow, MemberRow, ProblemRow

REFERENCE_DATE = date(2026, 11, 1)
"""'Today' inside the seed: ages, problem dates and timestamps are relative to it."""
REFERENCE_MOMENT = datetime(2026, 11, 1, 7, 0, tzinfo=UTC)
"""The fixed clock of the seed; no timestamp is later than this."""
DEFAULT_HOUSEHOLDS = 48
DEFAULT_SEED = 2026
REGENERATE_COMMAND = ".venv/bin/doorbraak seed --output sample.db"
BATCH_SIZE = 2000
"""Households per executemany batch (and per progress update)."""

BSN_PREFIX = "9999"


# -- results and context --------------------------------------------------------------------------


@dataclass
class SeedStats:
    """What a seed run wrote. `str()` is the Dutch one-line summary the CLI prints."""

    households: int = 0
    members: int = 0
    members_with_bsn: int = 0
    problems: int = 0
    organisations: int = 0
    municipalities: int = 0
    extra: dict[str, int] = field(default_factory=dict)
    """Counts added by later steps, e.g. {"plannen": 30}, printed in insertion order."""
    seconds: float = 0.0
    size_bytes: int = 0

    def add(self, what: str, count: int) -> None:
        """Add `count` to a named Dutch count (plural noun: "plannen", "overbruggingen")."""
        self.extra[what] = self.extra.get(what, 0) + count

    def __str__(self) -> str:
        parts = [
            f"{_number(self.households)} huishoudens",
            f"{_number(self.members)} leden waarvan {_number(self.members_with_bsn)} met BSN",
            f"{_number(self.problems)} problemen",
            f"{_number(self.organisations)} betrokken organisaties",
            *(f"{_number(count)} {what}" for what, count in self.extra.items()),
        ]
        text = ", ".join(parts) + f" in {_number(self.municipalities)} gemeenten"
        if self.size_bytes:
            text += f"; {self.size_bytes / 1_000_000:.1f} MB".replace(".", ",")
        if self.seconds:
            text += f" in {self.seconds:.1f} s".replace(".", ",")
        return text


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class SeedProgress(Protocol):
    def start(self, description: str, total: int) -> None: ...

    def advance(self, amount: int = 1) -> None: ...


class _NoProgress:
    def start(self, description: str, total: int) -> None:
        pass

    def advance(self, amount: int = 1) -> None:
        pass


class _RichProgress:
    """A progress bar on stderr (rich comes with typer and textual)."""

    def __init__(self, stack: ExitStack) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = stack.enter_context(
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
            )
        )
        self._task: Any = None

    def start(self, description: str, total: int) -> None:
        self._task = self._progress.add_task(description, total=total)

    def advance(self, amount: int = 1) -> None:
        if self._task is not None:
            self._progress.advance(self._task, amount)


@dataclass(frozen=True, slots=True)
class SeededHousehold:
    """What later steps usually need about a household; everything else is in the tables."""

    id: int
    case_number: str
    status: HouseholdStatus
    municipality_code: str
    team: str
    professional: str
    created_at: datetime
    updated_at: datetime
    story: Story | None = None
    """The written story this household tells (storage/seed/stories), or None when drawn at random."""


@dataclass
class SeedContext:
    seed: int
    households_wanted: int
    stats: SeedStats
    progress: SeedProgress
    reference_date: date = REFERENCE_DATE
    reference_moment: datetime = REFERENCE_MOMENT
    households: list[SeededHousehold] = field(default_factory=list)
    """Filled by the household step, in id order (which is creation order)."""

    def moment_between(self, rng: random.Random, start: datetime, end: datetime | None = None) -> datetime:
        """A working-hours UTC timestamp between start and end (default: the reference moment)."""
        end = end or self.reference_moment
        if end <= start:
            return start
        day = start.date() + timedelta(days=rng.randint(0, max(0, (end.date() - start.date()).days)))
        moment = _working_moment(rng, day)
        return min(max(moment, start), end)


SeedFunction = Callable[[Connection, random.Random, SeedContext], None]


@dataclass(frozen=True)
class SeedStep:
    """One step of the seed. `run` is the function or "module:function" (imported when the seed runs)."""

    name: str
    run: SeedFunction | str

    def resolve(self) -> SeedFunction:
        if not isinstance(self.run, str):
            return self.run
        module_name, _, attribute = self.run.partition(":")
        return cast(SeedFunction, getattr(importlib.import_module(module_name), attribute))


# -- writing the file -----------------------------------------------------------------------------


def seed_file(
    path: Path,
    *,
    households: int,
    seed: int = DEFAULT_SEED,
    progress: bool = False,
    steps: Sequence[SeedStep] | None = None,
) -> SeedStats:
    """Write a new SQLite database at `path` with fictional data; an existing file there is replaced."""
    if households < 1:
        raise InvalidInput([InputProblem("huishoudens", "Kies minstens één huishouden.")])
    started = time.perf_counter()
    path = Path(path).resolve()
    if path.is_dir():
        raise DatabaseError(f"{path} is een map; geef een bestandsnaam op, bijvoorbeeld sample.db.")
    path.parent.mkdir(parents=True, exist_ok=True)
    # A stale -wal next to the new file would be replayed into it: remove the old database completely.
    _remove_database(path)
    temporary = path.with_name(f".{path.name}.seed-tmp")
    _remove_database(temporary)
    stats = SeedStats()
    try:
        with ExitStack() as stack:
            reporter: SeedProgress = _RichProgress(stack) if progress else _NoProgress()
            context = SeedContext(seed=seed, households_wanted=households, stats=stats, progress=reporter)
            _write(temporary, context, list(SEED_STEPS if steps is None else steps))
        _make_self_contained(temporary)
        os.replace(temporary, path)
        _fsync_directory(path.parent)
    except BaseException:
        _remove_database(temporary)
        raise
    stats.size_bytes = path.stat().st_size
    stats.seconds = time.perf_counter() - started
    return stats


def _write(target: Path, context: SeedContext, steps: list[SeedStep]) -> None:
    # The seed writes no audit records; a throwaway key keeps it from creating one in the user's config.
    with tempfile.TemporaryDirectory(prefix="doorbraak-seed-") as scratch:
        settings = Settings(database_url=f"sqlite:///{target}", audit_key_file=Path(scratch) / "audit.key")
        database = open_database(settings, clock=lambda: REFERENCE_MOMENT)
        try:
            with database.engine.begin() as connection:
                mark_oefenomgeving(connection)  # every seeded file is fictional: it is the oefenomgeving
                for step in steps:
                    step.resolve()(connection, random.Random(f"{context.seed}/{step.name}"), context)
                rebuild_dashboard(connection)  # the dashboard's kept items (storage/dashboard_items.py)
        finally:
            database.close()


def _make_self_contained(target: Path) -> None:
    with closing(sqlite3.connect(target)) as connection:
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()
        if mode is None or str(mode[0]).lower() != "delete":
            raise DatabaseError("Het seedbestand kon niet naar één zelfstandig bestand worden omgezet.")
        connection.execute("VACUUM")
    with target.open("rb") as handle:
        os.fsync(handle.fileno())


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _fsync_directory(directory: Path) -> None:
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def logical_dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Schema and every table's rows (column names first, then rows sorted), read-only.

    Two files with equal dumps hold the same data, whatever their page layout.
    """
    with closing(sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)) as connection:
        schema = sorted(
            connection.execute(
                "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            )
        )
        dump: dict[str, list[tuple[Any, ...]]] = {"(schema)": schema}
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for table in tables:
            columns = tuple(row[1] for row in connection.execute(f'PRAGMA table_info("{table}")'))
            order = ", ".join(str(i + 1) for i in range(len(columns)))
            rows = connection.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
            dump[table] = [columns, *rows]
        return dump


_NINE_DIGITS = re.compile(r"(?<![0-9])[0-9]{9}(?![0-9])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+)")


def fictional_data_problems(path: Path) -> list[str]:
    """Where a SQLite file holds data that cannot be fictional; empty when it passes.

    Every nine-digit number in any text column must be a BSN of the test range (9999..., 11-test) and
    every e-mail address must be under `.example`. Findings name table, column and row, never the value.
    """
    problems: list[str] = []
    with closing(sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            for number, row in enumerate(connection.execute(f'SELECT * FROM "{table}" ORDER BY 1'), start=1):
                for column, value in zip(columns, row, strict=True):
                    if not isinstance(value, str):
                        continue
                    where = f"{table}.{column}, rij {number}"
                    for digits in _NINE_DIGITS.findall(value):
                        if not (digits.startswith(BSN_PREFIX) and _passes_11_test(digits)):
                            problems.append(f"{where}: negen cijfers buiten de BSN-testreeks")
                    for domain in _EMAIL.findall(value):
                        if not domain.lower().endswith(".example"):
                            problems.append(f"{where}: e-mailadres buiten .example")
    return problems


def _passes_11_test(digits: str) -> bool:
    try:
        normalise_bsn(digits)
    except ValueError:
        return False
    return True


# -- the household step ---------------------------------------------------------------------------


_S = HouseholdStatus

STATUS_WEIGHTS: dict[HouseholdStatus, int] = {
    _S.AANGEMELD: 12,
    _S.IN_BEHANDELING: 25,
    _S.PLAN_VASTGESTELD: 15,
    _S.UITVOERING: 25,
    _S.GEEVALUEERD: 10,
    _S.AFGESLOTEN: 13,
}
# Days between registration and the reference date, by status: older cases are further along.
STATUS_AGE_DAYS: dict[HouseholdStatus, tuple[int, int]] = {
    _S.AANGEMELD: (2, 45),
    _S.IN_BEHANDELING: (20, 200),
    _S.PLAN_VASTGESTELD: (60, 300),
    _S.UITVOERING: (90, 450),
    _S.GEEVALUEERD: (200, 600),
    _S.AFGESLOTEN: (250, 660),
}
# Saves needed to walk the status machine to each status (a version moves on with every save).
STATUS_STEPS: dict[HouseholdStatus, int] = {
    _S.AANGEMELD: 0,
    _S.IN_BEHANDELING: 1,
    _S.PLAN_VASTGESTELD: 2,
    _S.UITVOERING: 3,
    _S.GEEVALUEERD: 4,
}
COMPOSITIONS: dict[str, int] = {"alleen": 22, "eenouder": 33, "stel": 9, "gezin": 30, "met_ouder": 6}
RESOLVED_CHANCE: dict[HouseholdStatus, float] = {_S.UITVOERING: 0.15, _S.GEEVALUEERD: 0.4, _S.AFGESLOTEN: 0.7}
LEEFGEBIED_ORDER = {code: index for index, code in enumerate(reference.leefgebieden())}


@dataclass(frozen=True)
class _Skeleton:
    index: int
    status: HouseholdStatus
    municipality: str
    created_at: datetime
    updated_at: datetime
    version: int
    story: Story | None
    """A written story (the first households of every seed) or None (drawn at random)."""


@dataclass
class _Person:
    first: str
    surname: str
    gender: str
    birth: date
    role: MemberRole

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"

    @property
    def age(self) -> int:
        return age_on(self.birth, REFERENCE_DATE)


def seed_households(connection: Connection, rng: random.Random, context: SeedContext) -> None:
    """The first step: households with members, problems and involved organisations, and case numbers."""
    wanted = context.households_wanted
    skeletons = sorted((_skeleton(rng, i) for i in range(wanted)), key=lambda s: (s.created_at, s.index))
    bsns = _bsn_pool(random.Random(f"{context.seed}/bsn"))
    household_values = _HouseholdRowValues()
    sequences: dict[int, int] = {}
    next_ids = {"member": 1, "problem": 1, "organisation": 1}
    rows: dict[str, list[dict[str, Any]]] = {"household": [], "member": [], "problem": [], "organisation": []}
    municipalities: set[str] = set()
    context.progress.start("Huishoudens", wanted)

    for household_id, skeleton in enumerate(skeletons, start=1):
        year = skeleton.created_at.year
        sequences[year] = sequences.get(year, 0) + 1
        case_number = format_case_number(year, sequences[year])
        if skeleton.story is not None:
            household = story_household(skeleton.story, bsns, skeleton, household_id, case_number, next_ids)
        else:
            household = _household(rng, bsns, skeleton, household_id, case_number, next_ids)
        _collect_rows(household_values, household, skeleton, rows)
        municipalities.add(household.municipality_code)
        context.households.append(
            SeededHousehold(
                id=household_id,
                case_number=case_number,
                status=household.status,
                municipality_code=household.municipality_code,
                team=household.team,
                professional=household.professional,
                created_at=skeleton.created_at,
                updated_at=skeleton.updated_at,
                story=skeleton.story,
            )
        )
        stats = context.stats
        stats.households += 1
        stats.members += len(household.members)
        stats.members_with_bsn += sum(1 for member in household.members if member.bsn)
        stats.problems += len(household.problems)
        stats.organisations += len(household.organisations)
        if len(rows["household"]) >= BATCH_SIZE:
            context.progress.advance(_flush(connection, rows))
    context.progress.advance(_flush(connection, rows))
    if sequences:
        connection.execute(
            insert(_table(CaseNumberSequence)),
            [{"year": year, "last": last} for year, last in sorted(sequences.items())],
        )
    context.stats.municipalities = len(municipalities)


def _table(model: type[SQLModel]) -> Table:
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


def _flush(connection: Connection, rows: dict[str, list[dict[str, Any]]]) -> int:
    done = len(rows["household"])
    tables = {
        "household": _table(HouseholdRow),
        "member": _table(MemberRow),
        "problem": _table(ProblemRow),
        "organisation": _table(InvolvedOrganisationRow),
    }
    for key, table in tables.items():
        if rows[key]:
            connection.execute(insert(table), rows[key])
            rows[key] = []
    return done


class _HouseholdRowValues:
    """Column values of a household row: the repository's own `household_row_values` plus identity."""

    def __init__(self) -> None:
        template = HouseholdRow(case_number="", created_at=REFERENCE_MOMENT, updated_at=REFERENCE_MOMENT)  # type: ignore[call-arg]
        self.defaults = {column.key: getattr(template, column.key) for column in _table(HouseholdRow).columns}

    def __call__(self, household: Household, created_at: datetime, updated_at: datetime) -> dict[str, Any]:
        return {
            **self.defaults,
            **household_row_values(household),
            "id": household.id,
            "case_number": household.case_number,
            "version": household.version,
            "created_at": created_at,
            "updated_at": updated_at,
        }


def _collect_rows(
    household_values: _HouseholdRowValues,
    household: Household,
    skeleton: _Skeleton,
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    """The same column values the repository writes for this household and its children."""
    assert household.id is not None and household.case_number is not None
    values = household_values(household, skeleton.created_at, skeleton.updated_at)
    rows["household"].append(values)
    for position, member in enumerate(household.members):
        rows["member"].append(
            {"id": member.id, "household_id": household.id, "position": position, **member_values(member)}
        )
    for position, problem in enumerate(household.problems):
        rows["problem"].append(
            {"id": problem.id, "household_id": household.id, "position": position, **problem_values(problem)}
        )
    for position, organisation in enumerate(household.organisations):
        rows["organisation"].append(
            {
                "id": organisation.id,
                "household_id": household.id,
                "position": position,
                **organisation_values(organisation),
            }
        )


# -- drawing a household --------------------------------------------------------------------------


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _skeleton(rng: random.Random, index: int) -> _Skeleton:
    if index < len(STORIES):
        return _story_skeleton(index, STORIES[index])
    status = HouseholdStatus(_weighted(rng, {s.value: w for s, w in STATUS_WEIGHTS.items()}))
    municipality = _weighted(rng, {place.code: place.weight for place in PLACES})
    low, high = STATUS_AGE_DAYS[status]
    created = _working_moment(rng, REFERENCE_DATE - timedelta(days=rng.randint(low, high)))
    steps = STATUS_STEPS[status] if status is not _S.AFGESLOTEN else rng.randint(1, 5)
    edits = rng.randint(0, 2) if status is _S.AANGEMELD else rng.randint(1, 8)
    version = 1 + steps + edits
    if version == 1:
        updated = created
    else:
        age = (REFERENCE_DATE - created.date()).days
        # Active cases were touched recently; closed ones when they were closed.
        recent = min(age - 1, 60 if status is not _S.AFGESLOTEN else age - 30)
        day = REFERENCE_DATE - timedelta(days=rng.randint(1, max(1, recent)))
        updated = max(_working_moment(rng, day), created + timedelta(minutes=rng.randint(5, 240)))
        updated = min(updated, REFERENCE_MOMENT)
    return _Skeleton(index, status, municipality, created, updated, version, None)


def _story_skeleton(index: int, story: Story) -> _Skeleton:
    """A written story's status and moments; its version counts the saves that walked it there."""
    status = HouseholdStatus(story.status)
    created = moment(story.registered)
    updated = moment(story.updated) if story.updated else created
    if not created <= updated <= REFERENCE_MOMENT:
        raise AssertionError(f"story {story.key}: registered {created} and updated {updated} do not fit")
    steps = STATUS_STEPS.get(status, 4)
    version = 1 if updated == created else 2 + steps
    return _Skeleton(index, status, story.municipality, created, updated, version, story)


def _working_moment(rng: random.Random, day: date) -> datetime:
    """Office hours on a weekday (weekends move back to Friday), in UTC."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return datetime(
        day.year, day.month, day.day, rng.randint(7, 15), rng.randint(0, 59), rng.randint(0, 59), tzinfo=UTC
    )


def _bsn_pool(rng: random.Random) -> list[str]:
    """Every 11-test-valid BSN of the test range 9999xxxxx, shuffled; each is handed out once."""
    pool: list[str] = []
    for number in range(10_000):
        digits = f"{BSN_PREFIX}{number:04d}"
        check = sum(weight * int(digit) for weight, digit in zip(range(9, 1, -1), digits, strict=True)) % 11
        if check == 10:
            continue
        pool.append(normalise_bsn(f"{digits}{check}"))
    rng.shuffle(pool)
    return pool


def _birth_for_age(rng: random.Random, age: int) -> date:
    """A birth date that makes someone `age` on the reference date; never 29 February (that one is planted once)."""
    start = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age - 1) + timedelta(days=1)
    end = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age)
    birth = start + timedelta(days=rng.randint(0, (end - start).days))
    if (birth.month, birth.day) == (2, 29):
        birth = birth.replace(day=28)
    return birth


def _first_name(rng: random.Random, origin: Origin, gender: str, *, child: bool = False, taken: set[str]) -> str:
    options = origin.male if gender == "m" else origin.female
    shared = SHARED_CHILD_MALE if gender == "m" else SHARED_CHILD_FEMALE
    name = ""
    for _ in range(6):
        name = rng.choice(shared) if child and rng.random() < 0.3 else rng.choice(options)
        if name not in taken:
            break
    taken.add(name)
    return name


def _other_gender(gender: str) -> str:
    return "v" if gender == "m" else "m"


def _people(rng: random.Random, place: Place) -> tuple[list[_Person], bool]:
    """Members in the usual order (hoofdbewoner, partner, children eldest first, others); and the youth flag."""
    weights = {o.key: o.weight + (place.frisian_weight if o.key == "fries" else 0) for o in ORIGINS}
    origin = ORIGINS_BY_KEY[_weighted(rng, weights)]
    composition = _weighted(rng, COMPOSITIONS)
    youth = composition in ("eenouder", "gezin") and rng.random() < 0.18
    school_child = False
    has_children = composition in ("eenouder", "gezin") or (composition == "met_ouder" and rng.random() < 0.4)
    taken: set[str] = set()

    chance_male = {"alleen": 0.6, "eenouder": 0.15}.get(composition, 0.5)
    gender = "m" if rng.random() < chance_male else "v"
    first = _first_name(rng, origin, gender, taken=taken)
    surname = rng.choice(origin.surnames)
    age_range = {"alleen": (19, 70), "eenouder": (21, 52), "stel": (20, 75), "gezin": (24, 55), "met_ouder": (35, 62)}
    low, high = age_range[composition]
    if youth or school_child:
        low = max(low, 36)
    birth = _birth_for_age(rng, rng.randint(low, high))
    head = _Person(first, surname, gender, birth, MemberRole.HOOFDBEWONER)
    people = [head]

    partner: _Person | None = None
    if composition in ("stel", "gezin") or (composition == "met_ouder" and rng.random() < 0.5):
        partner_gender = gender if rng.random() < 0.05 else _other_gender(gender)
        partner_origin = origin if rng.random() < 0.85 else rng.choice(ORIGINS)
        partner_age = max(19, head.age + rng.randint(-6, 6))
        if youth or school_child:
            partner_age = max(partner_age, 36)
        partner = _Person(
            _first_name(rng, partner_origin, partner_gender, taken=taken),
            rng.choice(partner_origin.surnames),
            partner_gender,
            _birth_for_age(rng, partner_age),
            MemberRole.PARTNER,
        )
        people.append(partner)

    if has_children:
        if partner is not None and partner.gender == "m" and gender == "v":
            child_surname = partner.surname
        elif gender == "m" or rng.random() < 0.55:
            child_surname = surname
        else:
            child_surname = rng.choice(origin.surnames)
        youngest_parent = min(p.age for p in people)
        count = rng.choices((1, 2, 3, 4, 5), weights=(30, 35, 22, 10, 3))[0]
        eldest_max = youngest_parent - 18
        if youth:
            ages = [17]
        elif school_child:
            ages = [rng.randint(8, min(16, eldest_max))]
        else:
            eldest = rng.randint(0, min(22, eldest_max))
            if eldest >= 18 and rng.random() < 0.8:
                eldest = rng.randint(0, min(17, eldest_max))
            ages = [eldest]
        while len(ages) < count and ages[-1] >= 1:
            ages.append(max(0, ages[-1] - rng.randint(1, 4)))
        for index, age in enumerate(ages):
            child_gender = "m" if rng.random() < 0.5 else "v"
            if youth and index == 0:
                # Turns 18 one to five months after the reference date: the 18-/18+ signal.
                birth = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - 18) + timedelta(days=rng.randint(30, 150))
            else:
                birth = _birth_for_age(rng, age)
            people.append(
                _Person(
                    _first_name(rng, origin, child_gender, child=True, taken=taken),
                    child_surname,
                    child_gender,
                    birth,
                    MemberRole.KIND,
                )
            )

    if composition == "met_ouder":
        parent_gender = "v" if rng.random() < 0.7 else "m"
        people.append(
            _Person(
                _first_name(rng, origin, parent_gender, taken=taken),
                surname,
                parent_gender,
                _birth_for_age(rng, min(95, head.age + rng.randint(22, 35))),
                MemberRole.OUDER,
            )
        )
    elif rng.random() < 0.04:
        # A cousin or friend staying in the household.
        other_gender = "m" if rng.random() < 0.5 else "v"
        people.append(
            _Person(
                _first_name(rng, origin, other_gender, taken=taken),
                rng.choice(origin.surnames),
                other_gender,
                _birth_for_age(rng, rng.randint(19, 30)),
                MemberRole.OVERIG,
            )
        )
    return people, youth


def _satisfied(theme: Theme, people: list[_Person], youth: bool, composition_alone: bool) -> bool:
    if theme.needs is None:
        return True
    if theme.needs == "kind":
        return any(p.role is MemberRole.KIND and 5 <= p.age <= 17 for p in people)
    if theme.needs == "jongere":
        return youth
    if theme.needs == "ouder":
        return any(p.role is MemberRole.OUDER for p in people)
    if theme.needs == "jong":
        return people[0].age < 28 or any(p.role is MemberRole.KIND and 18 <= p.age <= 27 for p in people)
    if theme.needs == "alleen":
        return composition_alone
    return False


def _themes(rng: random.Random, status: HouseholdStatus, people: list[_Person], youth: bool) -> list[Theme]:
    alone = len(people) == 1
    eligible = [t for t in THEMES if _satisfied(t, people, youth, alone)]
    count = rng.randint(1, 2) if status is _S.AANGEMELD else rng.randint(2, 3) + (rng.random() < 0.2)
    chosen: list[Theme] = []
    if youth and rng.random() < 0.7:
        chosen.append(THEMES_BY_KEY["achttien"])
    while len(chosen) < count:
        options = [t for t in eligible if t not in chosen]
        if not options:
            break
        chosen.append(rng.choices(options, weights=[t.weight for t in options])[0])
    return chosen


def _money(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _household(
    rng: random.Random,
    bsns: list[str],
    skeleton: _Skeleton,
    household_id: int,
    case_number: str,
    next_ids: dict[str, int],
) -> Household:
    place = PLACES_BY_CODE[skeleton.municipality]
    municipality_name = reference.municipality_name(place.code)
    people, youth = _people(rng, place)
    head = people[0]
    themes = _themes(rng, skeleton.status, people, youth)

    professional, _, team = rng.choice([staff for staff in PROFESSIONALS if staff[1] == place.code])
    corporation = rng.choice(place.corporations)
    minors = [p for p in people if p.role is MemberRole.KIND and 5 <= p.age <= 17]
    child = minors[0] if minors else None
    # With the youth flag the eldest child (the first one) turns 18 soon.
    youngster = next((p for p in people if p.role is MemberRole.KIND), None) if youth else None
    old = next((p for p in people if p.role is MemberRole.OUDER), None)
    partner = next((p for p in people if p.role is MemberRole.PARTNER), None)
    eighteenth = youngster.birth.replace(year=youngster.birth.year + 18) if youngster else None
    words: dict[str, str] = {
        "hoofd": head.first,
        "volwassene": partner.first
        if partner is not None and partner.gender == "m" and rng.random() < 0.6
        else head.first,
        "kind": child.first if child else "",
        "kind_leeftijd": str(child.age) if child else "",
        "jongere": youngster.first if youngster else "",
        "verjaardag": f"{eighteenth.day} {MONTHS[eighteenth.month - 1]} {eighteenth.year}" if eighteenth else "",
        "ouder": old.first if old else "",
        "ouder_relatie": ("moeder" if old.gender == "v" else "vader") if old else "",
        "schuld": _money(rng.randint(40, 900) * 100),
        "schuldeisers": str(rng.randint(3, 24)),
        "huurachterstand": _money(rng.randint(8, 140) * 50),
        "terugvordering": _money(rng.randint(20, 600) * 100),
        "boete": _money(rng.randint(149, 4800)),
        "studieschuld": _money(rng.randint(30, 450) * 100),
        "maanden": str(rng.randint(2, 14)),
        "weken": str(rng.randint(6, 40)),
        "maand": MONTHS[(REFERENCE_DATE.month - 1 - rng.randint(1, 10)) % 12],
        "corporatie": corporation,
        "gemeente": municipality_name,
        "team": team,
        "school": rng.choice(place.schools),
        "ggz": place.ggz,
        "verslavingszorg": place.addiction_care,
        "jeugdhulp": place.youth_care,
        "opvang": place.shelter,
        "thuiszorg": place.home_care,
        "regio": place.region,
        "verzekeraar": rng.choice(HEALTH_INSURERS),
        "deurwaarder": rng.choice(BAILIFFS),
        "huisarts": rng.choice(GP_PRACTICES),
    }

    created_day = skeleton.created_at.date()
    problems = _problems(rng, skeleton.status, themes, words, created_day)
    organisations = _organisations(rng, skeleton.status, themes, people, words)

    members: list[dict[str, Any]] = []
    for person in people:
        chance = {MemberRole.HOOFDBEWONER: 0.45, MemberRole.PARTNER: 0.35, MemberRole.OUDER: 0.3}.get(person.role, 0.1)
        bsn = bsns.pop() if bsns and rng.random() < chance else None
        members.append(
            {
                "id": next_ids["member"],
                "name": person.name,
                "date_of_birth": person.birth,
                "role": person.role,
                "bsn": bsn,
            }
        )
        next_ids["member"] += 1
    for problem in problems:
        problem["id"] = next_ids["problem"]
        next_ids["problem"] += 1
    for organisation in organisations:
        organisation["id"] = next_ids["organisation"]
        next_ids["organisation"] += 1

    homeless = any(theme.key == "dakloos" for theme in themes)
    data: dict[str, Any] = {
        "id": household_id,
        "case_number": case_number,
        "name": f"Huishouden {head.surname[0].upper()}{head.surname[1:]}",
        "municipality_code": place.code,
        "address": {} if homeless else _address(rng, place),
        "status": skeleton.status,
        "professional": professional,
        "team": team,
        "members": members,
        "problems": problems,
        "organisations": organisations,
        "version": skeleton.version,
        "created_at": skeleton.created_at,
        "updated_at": skeleton.updated_at,
    }
    if skeleton.status is _S.AFGESLOTEN:
        data["closed_on"] = skeleton.updated_at.date()  # closing was the last change
    return Household.model_validate(data)


def _problems(
    rng: random.Random, status: HouseholdStatus, themes: list[Theme], words: dict[str, str], created: date
) -> list[dict[str, Any]]:
    by_area: dict[str, dict[str, Any]] = {}
    templates: list[ProblemTemplate] = [template for theme in themes for template in theme.problems]
    if status is not _S.AANGEMELD:
        # Leefgebieden that go well complete the picture (only where there is no problem).
        taken = {template.leefgebied for template in templates}
        templates += [s for s in rng.sample(STRENGTHS, rng.randint(0, 2)) if s.leefgebied not in taken]
    resolve_chance = RESOLVED_CHANCE.get(status, 0.0)
    for template in templates:
        text = rng.choice(template.texts).format_map(words)
        score = rng.randint(*template.scores)
        if template.resolved and rng.random() < resolve_chance:
            text += " " + rng.choice(template.resolved).format_map(words)
            score = min(4, score + rng.randint(1, 2))
        since = created - timedelta(days=rng.randint(14, 1000)) if rng.random() < 0.8 else None
        existing = by_area.get(template.leefgebied)
        if existing is None:
            by_area[template.leefgebied] = {
                "leefgebied": template.leefgebied,
                "score": score,
                "since": since,
                "description": text,
            }
        else:  # one problem per leefgebied: a second theme adds to the description
            existing["description"] += " " + text
            existing["score"] = min(existing["score"], score)
    return sorted(by_area.values(), key=lambda p: LEEFGEBIED_ORDER[p["leefgebied"]])


def _organisations(
    rng: random.Random, status: HouseholdStatus, themes: list[Theme], people: list[_Person], words: dict[str, str]
) -> list[dict[str, Any]]:
    keys: list[str] = []
    for theme in themes:
        keys += theme.organisations
        keys += [key for key in theme.optional_organisations if rng.random() < 0.5]
    if rng.random() < 0.8:
        keys.append("wijkteam")
    if any(p.role is MemberRole.KIND and p.age < 18 for p in people) and rng.random() < 0.4:
        keys.append("svb_kinderbijslag")
    if rng.random() < 0.3:
        keys.append("werk_inkomen")
    if rng.random() < 0.15:
        keys.append("verzekeraar")
    unique = list(dict.fromkeys(keys))
    if status is _S.AANGEMELD:
        unique = unique[: rng.randint(1, 3)]
    result: list[dict[str, Any]] = []
    for key in unique:
        template = ORGANISATIONS[key]
        low, high = template.cost
        cents = rng.randint(low * 100, high * 100)
        if key == "svb_kinderbijslag":  # the SVB amounts of 2026 for these children, not a random figure
            births = [p.birth for p in people if p.role is MemberRole.KIND and p.age < 18]
            cents = int(kinderbijslag_per_year(births, REFERENCE_DATE) * 100)
        result.append(
            {
                "name": template.name.format_map(words),
                "type": template.type,
                "legal_framework": template.legal_framework,
                "product": rng.choice(template.products).format_map(words),
                "yearly_cost": Decimal(f"{cents // 100}.{cents % 100:02d}"),
            }
        )
    return result


def _address(rng: random.Random, place: Place) -> dict[str, str]:
    town = place.towns[0] if len(place.towns) == 1 or rng.random() < 0.75 else rng.choice(place.towns[1:])
    number = str(rng.randint(1, 260))
    roll = rng.random()
    if roll < 0.15:
        number += f"-{rng.randint(1, 4)}"
    elif roll < 0.23:
        number += rng.choice("ABC")
    letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
    return {
        "street": rng.choice(town.streets),
        "house_number": number,
        "postcode": f"{rng.randint(*town.postcodes)} {letters}",
        "city": town.name,
    }


SEED_STEPS: list[SeedStep] = [
    SeedStep("huishoudens", seed_households),
    SeedStep("mandaten", "storage.seed.mandates:seed_mandates"),
    SeedStep("plannen", "storage.seed.plans:seed_plans"),
    SeedStep("casusinstrumenten", "storage.seed.cases:seed_cases"),
    SeedStep("maatwerkregister", "storage.seed.register:seed_register"),
    # Later modules register here with one line each, e.g.
    # SeedStep("plannen", "storage.seed.plans:seed_plans"),
]
"""The seed, in order. Each step runs in the same transaction with its own deterministic rng."""

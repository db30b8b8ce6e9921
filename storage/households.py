"""The household repository: converts between domain models and rows, pages the case list in SQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    Text,
    and_,
    bindparam,
    delete,
    false,
    func,
    literal_column,
    select,
    text,
    true,
    type_coerce,
    update,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import col

from domain.caselist import COUNT_CAP, CaseListPage, CaseListQuery, CaseListRow, CaseSort, search_normalise
from domain.errors import NotFound, StaleVersion
from domain.household import (
    Address,
    Household,
    HouseholdStatus,
    InvolvedOrganisation,
    LegalFramework,
    Member,
    MemberRole,
    OrganisationType,
    Problem,
)
from domain.validation import format_case_number
from storage.prebuilt import Prebuilt, construct
from storage.tables import (
    CaseNumberSequence,
    HouseholdRow,
    InvolvedOrganisationRow,
    MemberRow,
    ProblemRow,
    RowValues,
    SqlParams,
)

Clock = Callable[[], datetime]

SORT_COLUMNS: dict[CaseSort, Any] = {
    CaseSort.CASE_NUMBER: HouseholdRow.case_number,
    CaseSort.NAME: HouseholdRow.sort_name,
    CaseSort.MUNICIPALITY: HouseholdRow.municipality_name,
    CaseSort.STATUS: HouseholdRow.status,
    CaseSort.PROFESSIONAL: HouseholdRow.professional,
    CaseSort.UPDATED_AT: HouseholdRow.updated_at,
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def household_search_text(household: Household) -> str:
    parts = [
        household.case_number or "",
        household.name,
        household.municipality_name,
        household.professional,
        household.address.postcode.replace(" ", ""),
        household.address.street,
        household.address.city,
        *(member.name for member in household.members),
    ]
    return search_normalise(" ".join(p for p in parts if p))


def household_row_values(household: Household) -> RowValues:
    """The household row's content columns (not id, case number, version or timestamps).

    Shared by the repository and the bulk seed, so both write exactly the same rows.
    """
    return {
        "name": household.name,
        "sort_name": search_normalise(household.name),
        "municipality_code": household.municipality_code,
        "municipality_name": household.municipality_name,
        "street": household.address.street,
        "house_number": household.address.house_number,
        "postcode": household.address.postcode,
        "city": household.address.city,
        "status": household.status.value,
        "professional": household.professional,
        "team": household.team,
        "closed_on": household.closed_on,
        "search_text": household_search_text(household),
    }


def member_values(member: Member) -> RowValues:
    return {"name": member.name, "date_of_birth": member.date_of_birth, "role": str(member.role), "bsn": member.bsn}


def problem_values(problem: Problem) -> RowValues:
    return {"leefgebied": problem.leefgebied, "score": problem.score, "since": problem.since,
            "description": problem.description, "member_id": problem.member_id}


def organisation_values(organisation: InvolvedOrganisation) -> RowValues:
    return {"name": organisation.name, "type": str(organisation.type),
            "legal_framework": str(organisation.legal_framework), "product": organisation.product,
            "yearly_cost": organisation.yearly_cost}


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


TRIGRAM = 3
"""Terms of at least this many characters are looked up in the trigram index (SQLite FTS5, pg_trgm)."""


def _contains(term: str) -> ColumnElement[bool]:
    return col(HouseholdRow.search_text).like(f"%{_escape_like(term)}%", escape="\\")


SHORT_TERM_SAMPLE = 1000
"""PostgreSQL: how many households a one- or two-letter term is tried on to judge whether it is common."""
COMMON_SHORT_SHARE = 0.25
"""PostgreSQL: a short term in at least this share of the sample is matched by the plain scan, not the index
(100,000 households: 'x', over 10,000 matches, 62 ms scanning and 24 through the index; 'de' 12.6 and 24)."""

SEARCH_GRAMS = literal_column("household.search_grams", type_=postgresql.ARRAY(Text))
"""PostgreSQL: the letters and letter pairs of the search text, GIN-indexed (migration 0020; no model column)."""


def _short_term(term: str) -> ColumnElement[bool]:
    """PostgreSQL: a term of one or two letters through the index of letters and letter pairs (pg_trgm needs
    three). The LIKE stays the definition of a match; the index only narrows the rows it checks."""
    return and_(SEARCH_GRAMS.contains([term]), _contains(term))


def _fts_match(terms: list[str]) -> ColumnElement[bool]:
    """SQLite: the households whose search text holds every term, from the FTS5 trigram index."""
    phrase = " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)
    matches = select(text("rowid")).select_from(text("household_fts")).where(text("household_fts MATCH :phrase"))
    return col(HouseholdRow.id).in_(matches.params(phrase=phrase))


SQLITE_WALK_FACTOR = 8
"""SQLite: matches are found along the sort column's index when there are at least this many times a page's worth
(offset + limit); fewer are collected and sorted. Walking the index tests ~(offset + limit) x households / matches
rows at ~3.5 µs each (random access), collecting reads every row once at ~0.6 µs (a scan for a short term's LIKE):
they cross near 6x whatever the size. At 100,000 households 'de vr' (2,880 matches) took 67 ms to collect and
12 ms to walk; 'ab' (290) 67 and 70 ms. Before, anything under COUNT_CAP was collected (measured in issue 18's
seventh stop). Since the eighth, this choice is made only for one term counted from the trigram index; a text whose
count takes a scan gets its page from that scan (`_counted_page`)."""

_PAGE_COLUMNS: tuple[Any, ...] = (
    HouseholdRow.case_number,
    HouseholdRow.name,
    HouseholdRow.municipality_name,
    HouseholdRow.status,
    HouseholdRow.professional,
    HouseholdRow.updated_at,
)
"""The case list's columns, in CaseListRow's order."""


_STATUSES = {status.value: status for status in HouseholdStatus}


def _case_row(r: Any) -> CaseListRow:
    # Positional: a named tuple's keyword call costs twice as much (a page builds a hundred of them).
    return CaseListRow(r[0], r[1], r[2], _STATUSES[r[3]], r[4], as_utc(r[5]))


def _page_columns(dialect: str) -> tuple[Any, ...]:
    """SQLite: the moment as its stored text, parsed by `datetime.fromisoformat` (C) in `_case_rows`; the
    DateTime type's own regular-expression parser cost as much as the page query."""
    if dialect != "sqlite":
        return _PAGE_COLUMNS
    return (*_PAGE_COLUMNS[:5], type_coerce(HouseholdRow.updated_at, String).label("updated_at"))


def _case_rows(result: Any, dialect: str) -> list[CaseListRow]:
    """`result`: a Core result or the rows of a Prebuilt."""
    rows = result if isinstance(result, list) else result.all()  # one fetchall, not row by row
    if dialect != "sqlite":
        return [_case_row(r) for r in rows]
    parse = datetime.fromisoformat
    statuses, new, row = _STATUSES, tuple.__new__, CaseListRow
    # The named tuple made as a tuple is (what `CaseListRow._make` does, without its checks): with the columns
    # unpacked, 20 µs for a page of 100 instead of 51 through `CaseListRow(...)` with indexing. The moment is
    # stored as UTC (parsing it with the offset is 7x faster than `.replace(tzinfo=UTC)`).
    return [new(row, (number, name, municipality, statuses[status], professional, parse(moment + "+00:00")))
            for number, name, municipality, status, professional, moment in rows]


_UNFILTERED: dict[tuple[Any, ...], tuple[Prebuilt, Prebuilt]] = {}


def _unfiltered_statements(
    dialect: str, sort: CaseSort, descending: bool, codes: int | None, status: bool, municipality: bool
) -> tuple[Prebuilt, Prebuilt]:
    """The count and the page of the case list without a text, built once per shape (parameters bound), run
    on the driver's cursor (storage/prebuilt.py). `codes`: how many municipality codes the actor is limited
    to (`code_0`, `code_1`, … : a prebuilt read has no expanding parameters), None when not limited."""
    key = (dialect, sort, descending, codes, status, municipality)
    found = _UNFILTERED.get(key)
    if found is not None:
        return found
    conditions: list[ColumnElement[bool]] = []
    if codes is not None:
        conditions.append(col(HouseholdRow.municipality_code).in_([bindparam(f"code_{i}") for i in range(codes)])
                          if codes else false())
    if status:
        conditions.append(col(HouseholdRow.status) == bindparam("status"))
    if municipality:
        conditions.append(col(HouseholdRow.municipality_code) == bindparam("code"))
    count = select(func.count()).select_from(HouseholdRow).where(*conditions)
    sort_column = SORT_COLUMNS[sort]
    order = ([sort_column.desc(), col(HouseholdRow.id).desc()] if descending
             else [sort_column.asc(), col(HouseholdRow.id).asc()])
    page = (select(*_page_columns(dialect)).where(*conditions).order_by(*order)
            .offset(bindparam("offset", type_=Integer)).limit(bindparam("limit", type_=Integer)))
    _UNFILTERED[key] = found = (Prebuilt(count), Prebuilt(page))
    return found


RowT = TypeVar("RowT", MemberRow, ProblemRow, InvolvedOrganisationRow)


def _child_rows(model: Any) -> Any:
    table = model.__table__
    return (select(table).where(table.c.household_id == bindparam("household_id"))
            .order_by(table.c.position, table.c.id))


_CHILD_ROWS = {model.__tablename__: Prebuilt(_child_rows(model))
               for model in (MemberRow, ProblemRow, InvolvedOrganisationRow)}
_HOUSEHOLD_TABLE: Any = HouseholdRow.__table__  # type: ignore[attr-defined]
_HOUSEHOLD_ROW = Prebuilt(
    select(_HOUSEHOLD_TABLE).where(_HOUSEHOLD_TABLE.c.case_number == bindparam("case_number"))
)
"""One household by case number (prebuilt, on the driver's cursor: opening a case reads it on every view)."""


class SqlHouseholdRepository:
    def __init__(self, session: Session, clock: Clock = utcnow) -> None:
        self.session = session
        self.clock = clock

    # -- reading ---------------------------------------------------------------------------------
    def _row(self, case_number: str) -> HouseholdRow:
        row = self.session.scalars(select(HouseholdRow).where(col(HouseholdRow.case_number) == case_number)).first()
        if row is None:
            raise NotFound(f"Casus {case_number} bestaat niet.")
        return row

    def exists(self, case_number: str) -> bool:
        return self.session.scalar(
            select(col(HouseholdRow.id)).where(col(HouseholdRow.case_number) == case_number)
        ) is not None

    def get(self, case_number: str) -> Household:
        # A row of a prebuilt statement, not an ORM object: reading needs no identity map, and building the
        # statement plus the ORM's execute path cost about a fifth of opening a case. (Writers load the ORM
        # object themselves through `_row`.)
        connection = self.session.connection()
        row = _HOUSEHOLD_ROW.first(connection, {"case_number": case_number})
        if row is None:
            raise NotFound(f"Casus {case_number} bestaat niet.")
        return self._to_domain(row, connection)

    def _children(self, model: type[RowT], household_id: int) -> Sequence[RowT]:
        stmt = (select(model).where(col(model.household_id) == household_id)
                .order_by(col(model.position), col(model.id)))
        return self.session.scalars(stmt).all()

    def _child_values(self, model: type[RowT], household_id: int, connection: Connection) -> Sequence[Any]:
        """The same rows as named tuples (attribute access alike): reading needs no ORM objects, and skipping
        their identity map halves the cost of opening a case. Run on the driver's cursor (storage/prebuilt.py):
        SQLAlchemy's execute path cost more than the query."""
        return _CHILD_ROWS[model.__tablename__].records(connection, {"household_id": household_id})

    def _to_domain(self, row: HouseholdRow | Any, connection: Connection | None = None) -> Household:
        """`row`: the ORM object or a Core row of the household table (attribute access alike)."""
        assert row.id is not None
        # The connection is looked up once: each `session.connection()` walks the session's transaction state.
        connection = connection or self.session.connection()
        # construct (model_construct's result, storage/prebuilt.py), no validation: rows were validated on the
        # way in; re-validating would also re-run "not in the future" checks against today's date for old data.
        return construct(Household,
            id=row.id,
            case_number=row.case_number,
            name=row.name,
            municipality_code=row.municipality_code,
            address=construct(Address,
                street=row.street, house_number=row.house_number, postcode=row.postcode, city=row.city
            ),
            status=HouseholdStatus(row.status),
            professional=row.professional,
            team=row.team,
            closed_on=row.closed_on,
            members=[
                construct(Member,
                    id=m.id, name=m.name, date_of_birth=m.date_of_birth, role=MemberRole(m.role), bsn=m.bsn
                )
                for m in self._child_values(MemberRow, row.id, connection)
            ],
            problems=[
                construct(Problem,
                    id=p.id, leefgebied=p.leefgebied, score=p.score, since=p.since, description=p.description,
                    member_id=p.member_id,
                )
                for p in self._child_values(ProblemRow, row.id, connection)
            ],
            organisations=[
                construct(InvolvedOrganisation,
                    id=o.id,
                    name=o.name,
                    type=OrganisationType(o.type),
                    legal_framework=LegalFramework(o.legal_framework),
                    product=o.product,
                    yearly_cost=o.yearly_cost,
                )
                for o in self._child_values(InvolvedOrganisationRow, row.id, connection)
            ],
            version=row.version,
            created_at=as_utc(row.created_at),
            updated_at=as_utc(row.updated_at),
        )

    def closed_before(self, cutoff: date) -> Iterator[Household]:
        stmt = (
            select(col(HouseholdRow.case_number))
            .where(col(HouseholdRow.status) == HouseholdStatus.AFGESLOTEN.value, col(HouseholdRow.closed_on) <= cutoff)
            .order_by(col(HouseholdRow.closed_on))
        )
        for number in list(self.session.scalars(stmt)):
            yield self.get(number)

    def delete(self, case_number: str) -> None:
        row = self._row(case_number)
        # Children go by ON DELETE CASCADE (foreign keys are on in SQLite, native in PostgreSQL).
        self.session.delete(row)
        self.session.flush()

    def find_by_member(self, name: str, date_of_birth: date | None) -> list[str]:
        wanted = search_normalise(" ".join(name.split()))
        stmt = select(col(MemberRow.name), col(MemberRow.date_of_birth), col(HouseholdRow.case_number)).join(
            HouseholdRow, col(HouseholdRow.id) == col(MemberRow.household_id)
        )
        if date_of_birth is not None:
            stmt = stmt.where(col(MemberRow.date_of_birth) == date_of_birth)
        # Names are compared accent-free in Python: member tables are small per birth date.
        found = {number for member_name, _, number in self.session.execute(stmt)
                 if search_normalise(" ".join(member_name.split())) == wanted}
        return sorted(found)

    def find_by_member_bsn(self, bsn: str) -> list[str]:
        stmt = (
            select(col(HouseholdRow.case_number))
            .join(MemberRow, col(HouseholdRow.id) == col(MemberRow.household_id))
            .where(col(MemberRow.bsn) == bsn)
        )
        return sorted(set(self.session.scalars(stmt)))

    def list_cases(self, query: CaseListQuery, municipality_codes: frozenset[str] | None = None) -> CaseListPage:
        """One page of the case list.

        A text search counts at most COUNT_CAP matches, so a broad term stays as fast as a rare one. On
        SQLite a rare term (few matches) is driven from the trigram index and the matches are sorted; a
        broad one walks the sort column's index and checks each row, which finds a page of dense matches
        at once; a text whose count takes a scan (a term under three letters, or common) is counted and
        paged in one statement (`_counted_page`), on PostgreSQL every text (its planner uses the pg_trgm
        index itself).
        """
        terms = query.terms
        if not terms:
            return self._unfiltered_page(query, municipality_codes)
        conditions: list[ColumnElement[bool]] = []
        if municipality_codes is not None:
            conditions.append(col(HouseholdRow.municipality_code).in_(sorted(municipality_codes)))
        if query.status is not None:
            conditions.append(col(HouseholdRow.status) == query.status.value)
        if query.municipality_code:
            conditions.append(col(HouseholdRow.municipality_code) == query.municipality_code)
        # SQLite: a term of three or more letters that is not everywhere is looked up in the trigram
        # index; a short or very common one is checked per row (PostgreSQL's planner chooses itself).
        counted = {t: self._fts_count(t, COUNT_CAP) for t in terms if len(t) >= TRIGRAM}
        selective = [t for t, found in counted.items() if found is not None and found <= COUNT_CAP]
        rare_short = self._rare_short_terms(terms)
        checked = [(_short_term if t in rare_short else _contains)(t) for t in terms if t not in selective]
        filters = [*conditions, *([_fts_match(selective)] if selective else []), *checked]

        total_exact = True
        connection = self.session.connection()
        alone = counted.get(terms[0]) if len(terms) == 1 and not conditions else None
        if alone is not None:  # one term, nothing else: the index's count is the count ('eindho': a 35 ms scan)
            total = alone
        else:
            counted_page = self._counted_page(query, filters, connection)
            if counted_page is not None:
                return counted_page
            total = COUNT_CAP + 1  # more than the cap: a page of dense matches is found along the sort index
        if total > COUNT_CAP:
            total, total_exact = COUNT_CAP, False
        elif total < SQLITE_WALK_FACTOR * (query.offset + query.limit):
            # Few matches: collect them once and sort those, instead of walking the sort index and
            # testing row after row until a page is full (slow when matches are rare).
            filters = [col(HouseholdRow.id).in_(select(col(HouseholdRow.id)).where(*filters))]

        sort_column = SORT_COLUMNS[query.sort]
        tie = col(HouseholdRow.id).desc() if query.descending else col(HouseholdRow.id).asc()
        order = [sort_column.desc() if query.descending else sort_column.asc(), tie]
        stmt = select(*_page_columns(connection.dialect.name)).where(*filters).order_by(*order)
        stmt = stmt.offset(query.offset).limit(query.limit)
        rows = _case_rows(connection.execute(stmt), connection.dialect.name)
        return CaseListPage(rows=rows, total=total, offset=query.offset, limit=query.limit, total_exact=total_exact)

    def _unfiltered_page(self, query: CaseListQuery, municipality_codes: frozenset[str] | None) -> CaseListPage:
        """The case list without a text: the exact count and one page along the sort column's index, as
        prebuilt statements on the driver's cursor of the session's connection (building and caching a
        statement per call, and SQLAlchemy's execute path, cost more than the two queries at 100,000
        households)."""
        connection = self.session.connection()
        dialect = connection.dialect.name
        params: SqlParams = {"offset": query.offset, "limit": query.limit}
        if municipality_codes is not None:
            params.update((f"code_{i}", code) for i, code in enumerate(sorted(municipality_codes)))
        if query.status is not None:
            params["status"] = query.status.value
        if query.municipality_code:
            params["code"] = query.municipality_code
        count, page = _unfiltered_statements(
            dialect, query.sort, query.descending, None if municipality_codes is None else len(municipality_codes),
            query.status is not None, bool(query.municipality_code),
        )
        total = count.rows(connection, params)[0][0] or 0
        rows = _case_rows(page.rows(connection, params), dialect)
        return CaseListPage(rows=rows, total=total, offset=query.offset, limit=query.limit, total_exact=True)

    def _counted_page(self, query: CaseListQuery, filters: list[ColumnElement[bool]],
                      connection: Connection) -> CaseListPage | None:
        """A text whose count takes a scan: count the matches (up to COUNT_CAP + 1) and, when there are no more
        than COUNT_CAP, sort those for the page, in one statement: the scan (or the trigram index, on
        PostgreSQL) that counts also collects; the CTE is materialized (SQLite does so for a CTE used twice).
        A one- or two-letter text has no index: 'ab' read all 100,000 households twice, once to count and once
        to collect (SQLite 116 → 57 ms, PostgreSQL about 120 → 70). Only the page's ids are looked up again: given
        `id IN (all matches)`, PostgreSQL's planner walked the sort column's index instead (40-250 ms). None
        when there are more matches than COUNT_CAP (the caller walks the sort column's index, which finds dense
        matches at once; materializing them first costs those texts 5-10 ms)."""
        sort_column = SORT_COLUMNS[query.sort]
        dialect = connection.dialect.name
        matches = (select(col(HouseholdRow.id).label("id"), sort_column.label("sort_key")).where(*filters)
                   .limit(COUNT_CAP + 1).cte("matches"))
        if dialect == "postgresql":
            matches = matches.prefix_with("MATERIALIZED")
        counted = select(func.count().label("n")).select_from(matches).cte("counted")
        wanted = [matches.c.sort_key.desc(), matches.c.id.desc()] if query.descending else [
            matches.c.sort_key.asc(), matches.c.id.asc()]
        page_ids = (select(matches.c.id).where(select(counted.c.n).scalar_subquery() <= COUNT_CAP)
                    .order_by(*wanted).offset(query.offset).limit(query.limit))
        page = (select(*_page_columns(dialect), col(HouseholdRow.id).label("page_id"),
                       sort_column.label("page_sort")).where(col(HouseholdRow.id).in_(page_ids)).subquery("page"))
        order = [page.c.page_sort.desc(), page.c.page_id.desc()] if query.descending else [
            page.c.page_sort.asc(), page.c.page_id.asc()]
        columns = [page.c[column.key] for column in _PAGE_COLUMNS]
        stmt = select(counted.c.n, *columns).select_from(counted.outerjoin(page, true())).order_by(*order)
        rows = connection.execute(stmt).all()
        total = int(rows[0][0])
        if total > COUNT_CAP:
            return None
        # No page (nothing found, or an offset past the end): one row of the count alone.
        page_rows = [row[1:] for row in rows if row[1] is not None]
        return CaseListPage(rows=_case_rows(page_rows, dialect), total=total, offset=query.offset,
                            limit=query.limit, total_exact=True)

    def _rare_short_terms(self, terms: list[str]) -> set[str]:
        """PostgreSQL: the terms under three letters to look up in the letter-pair index, judged on a sample of
        the first SHORT_TERM_SAMPLE households (one short statement, ~1 ms): a common one ('de', 'v') is found
        sooner by the plain scan, which stops at the count cap, than by gathering its index entries and checking
        the pair array on every match (100,000 households: 'v' 17 → 48 ms that way); a rare one the other way
        round ('zz' 65 → 8 ms). Under row-level security the sample is the rows the role may see. Empty on
        SQLite."""
        short = sorted({t for t in terms if len(t) < TRIGRAM})
        if not short or self.session.get_bind().dialect.name != "postgresql":
            return set()
        sample = select(col(HouseholdRow.search_text).label("text")).limit(SHORT_TERM_SAMPLE).subquery("sample")
        counts = self.session.execute(select(func.count(), *[
            func.count().filter(sample.c.text.like(f"%{_escape_like(t)}%", escape="\\")) for t in short
        ]).select_from(sample)).one()
        seen = counts[0] or 1
        return {t for t, found in zip(short, counts[1:], strict=True) if found / seen < COMMON_SHORT_SHARE}

    def _fts_count(self, term: str, cap: int) -> int | None:
        """SQLite: in how many households `term` occurs, counted up to cap + 1 (reading at most that many index
        entries); None on PostgreSQL."""
        if self.session.get_bind().dialect.name != "sqlite":
            return None
        phrase = '"' + term.replace('"', '""') + '"'
        found = self.session.scalar(
            text("SELECT count(*) FROM (SELECT rowid FROM household_fts WHERE household_fts MATCH :p LIMIT :n)"),
            {"p": phrase, "n": cap + 1},
        )
        return found or 0

    # -- writing ---------------------------------------------------------------------------------
    def next_case_number(self, year: int) -> str:
        # An UPDATE first takes the row lock on PostgreSQL, so two creators never get the same number.
        result = self.session.execute(
            update(CaseNumberSequence)
            .where(col(CaseNumberSequence.year) == year)
            .values(last=col(CaseNumberSequence.last) + 1)
            .returning(col(CaseNumberSequence.last))
        ).first()
        if result is None:
            self.session.add(CaseNumberSequence(year=year, last=1))
            self.session.flush()
            return format_case_number(year, 1)
        return format_case_number(year, int(result[0]))

    def _fill_row(self, row: HouseholdRow, household: Household) -> None:
        for key, value in household_row_values(household).items():
            setattr(row, key, value)

    def add(self, household: Household) -> Household:
        assert household.case_number is not None
        now = self.clock()
        # version: filled in by the mapper (version_id_col), which the pydantic plugin cannot know.
        row = HouseholdRow(case_number=household.case_number, created_at=now, updated_at=now)  # type: ignore[call-arg]
        self._fill_row(row, household)
        self.session.add(row)
        self.session.flush()
        assert row.id is not None
        self._sync_children(row.id, household)
        return self._to_domain(row)

    def save(self, household: Household) -> Household:
        assert household.case_number is not None
        row = self._row(household.case_number)
        if row.version != household.version:
            raise StaleVersion()
        self._fill_row(row, household)
        # Touch the row even when only children changed, so the version always moves on.
        row.updated_at = self.clock()
        assert row.id is not None
        try:
            self.session.flush()
        except StaleDataError:
            raise StaleVersion() from None
        self._sync_children(row.id, household)
        self.session.expire(row)
        return self._to_domain(row)

    def _sync_children(self, household_id: int, household: Household) -> None:
        """Upsert children by id (ids stay stable for later references), delete the ones removed."""
        self._sync(MemberRow, household_id, household.members, member_values)
        self._sync(ProblemRow, household_id, household.problems, problem_values)
        self._sync(InvolvedOrganisationRow, household_id, household.organisations, organisation_values)
        self.session.flush()

    def _sync(
        self, model: type[RowT], household_id: int, items: Sequence[Any], values: Callable[[Any], RowValues]
    ) -> None:
        existing = {row.id: row for row in self._children(model, household_id)}
        keep: set[int] = set()
        for position, item in enumerate(items):
            data = {**values(item), "position": position}
            row = existing.get(item.id) if item.id is not None else None
            if row is None:
                self.session.add(model(household_id=household_id, **data))
            else:
                keep.add(item.id)
                for key, value in data.items():
                    setattr(row, key, value)
        removed = [row_id for row_id in existing if row_id not in keep]
        if removed:
            self.session.execute(delete(model).where(col(model.id).in_(removed)))

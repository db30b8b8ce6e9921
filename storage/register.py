"""The register repository: contacts in and out, bulk upserts for imports, and search.

Search runs on SQLite FTS5 (`register_fts`, kept in sync by this repository in the writing transaction;
not by triggers, which made bulk imports five times slower) or on PostgreSQL full-text search (the
generated `search_vector`), with one results contract: every query word must match as a word prefix
in the folded search columns, filters narrow, and the order is
  1. organisation equal to the query, then organisation starting with it, then the rest;
  2. contacts of the household's municipality, then landelijk ones, then others (with a context);
  3. verified within 12 months before unverified;
  4. text relevance (bm25 / ts_rank, organisation words weigh most); then organisation, team, id.
The page is cut in SQL (LIMIT/OFFSET); the table is never loaded whole.

A *broad* text (more matches than `SearchPlan.broad_limit`, e.g. the first letters of a common word in a
register of 100,000) is ranked over a bounded candidate set instead: the first `broad_limit` contacts of
each tier (organisation equal to/starting with the text, the household's municipality, landelijk) and of
all matches, ordered by tiers 1-3 and then alphabetically (step 4 skipped). The page says so
(`SearchHits.broad`), so a screen can invite the user to type on. Both back ends build the same candidate
set (the same index orders), so the results are the same. PostgreSQL reads the matches once and decides
in the same statement (`search_sql_postgres`); only a dense text takes a second query.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Row, Table, TextClause, delete, select, text
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlmodel import SQLModel

from domain.errors import Conflict, NotFound, StaleVersion
from domain.household import OrganisationType
from domain.register import (
    LANDELIJK_TOKEN,
    ContactFields,
    MandateLevel,
    OrganisationSummary,
    RegisterContact,
    SearchHits,
    SearchPlan,
    Vocabulary,
    is_filter_token,
    municipality_token,
    organisation_key,
    search_document,
    theme_token,
)
from storage import register_tables  # noqa: F401  (registers the tables on the metadata)
from storage.households import Clock, as_utc, utcnow
from storage.tables import RowValues, SqlParams

CONTACTS: Table = SQLModel.metadata.tables["register_contact"]
MUNICIPALITIES: Table = SQLModel.metadata.tables["register_contact_municipality"]
THEMES: Table = SQLModel.metadata.tables["register_contact_theme"]
TERMS: Table = SQLModel.metadata.tables["register_term"]

CONTENT_COLUMNS = (
    "external_id", "organisation", "organisation_type", "team", "role", "person", "phone", "urgent_phone",
    "email", "availability", "landelijk", "municipality_codes", "themes", "legal_frameworks", "mandate",
    "last_verified", "notes",
)
DERIVED_COLUMNS = ("organisation_key", "search_org", "search_place", "search_other", "search_theme")
UPSERT_COLUMNS = (*CONTENT_COLUMNS, *DERIVED_COLUMNS)
SEARCH_COLUMNS = DERIVED_COLUMNS[1:]
READ_COLUMNS = ("id", *CONTENT_COLUMNS, "version", "created_at", "updated_at")
SELECT_LIST = ", ".join(f"c.{name}" for name in READ_COLUMNS)

CHUNK = 500
"""Ids per IN (...) list: well below SQLite's and PostgreSQL's parameter limits."""
TERM_MAX = 120
DENSE = 20
"""On PostgreSQL a text matching `DENSE` times `SearchPlan.broad_limit` contacts or more is dense: its broad
candidates come from walking the primary key rather than from reading every match (see _search_postgres)."""

# bm25 weights per FTS column (organisation, place, other, theme); ts_rank weights are {D, C, B, A}.
SQLITE_WEIGHTS = "10.0, 4.0, 2.0, 1.0"
POSTGRES_WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'"

_vocabulary_lock = threading.Lock()
_vocabularies: dict[str, tuple[tuple[int, int], Vocabulary]] = {}
"""Per database: (term count, highest term id) → the vocabulary loaded then. Reloaded when either moves."""


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def row_values(fields: ContactFields) -> RowValues:
    """The stored columns of a contact, including the folded search columns."""
    document = search_document(fields)
    return {
        "external_id": fields.external_id,
        "organisation": fields.organisation,
        "organisation_key": organisation_key(fields.organisation),
        "organisation_type": fields.organisation_type.value,
        "team": fields.team,
        "role": fields.role,
        "person": fields.person,
        "phone": fields.phone,
        "urgent_phone": fields.urgent_phone,
        "email": fields.email,
        "availability": fields.availability,
        "landelijk": fields.landelijk,
        "municipality_codes": " ".join(fields.municipality_codes),
        "themes": " ".join(fields.themes),
        "legal_frameworks": json.dumps(fields.legal_frameworks, ensure_ascii=False),
        "mandate": fields.mandate.value,
        "last_verified": fields.last_verified,
        "notes": fields.notes,
        "search_org": document.organisation,
        "search_place": document.place,
        "search_other": document.other,
        "search_theme": document.theme,
    }


def contact_from_row(row: Row[Any] | Any) -> RegisterContact:
    """Build the domain object without re-validating (rows were validated on the way in)."""
    return contact_from_mapping(row._mapping)


def contact_from_mapping(m: Mapping[Any, Any]) -> RegisterContact:
    """`contact_from_row` for a row as a mapping (psycopg's dict rows of a pipelined search)."""
    last_verified = m["last_verified"]
    if isinstance(last_verified, str):  # raw SQL on SQLite hands back ISO text
        last_verified = date.fromisoformat(last_verified)
    return RegisterContact.model_construct(
        id=m["id"],
        external_id=m["external_id"],
        organisation=m["organisation"],
        organisation_type=OrganisationType(m["organisation_type"]),
        team=m["team"],
        role=m["role"],
        person=m["person"],
        phone=m["phone"],
        urgent_phone=m["urgent_phone"],
        email=m["email"],
        availability=m["availability"],
        landelijk=bool(m["landelijk"]),
        municipality_codes=m["municipality_codes"].split(),
        themes=m["themes"].split(),
        legal_frameworks=json.loads(m["legal_frameworks"]),
        mandate=MandateLevel(m["mandate"]),
        last_verified=last_verified,
        notes=m["notes"],
        version=m["version"],
        created_at=_timestamp(m["created_at"]),
        updated_at=_timestamp(m["updated_at"]),
    )


def _timestamp(value: Any) -> Any:
    if isinstance(value, str):
        # Raw SQL on SQLite hands back the stored UTC text, mostly without a zone; appending it is several
        # times cheaper than datetime.replace(tzinfo=...) per value.
        if len(value) > 10 and value[-6] not in "+-" and value[-1] != "Z":
            return datetime.fromisoformat(value + "+00:00")
        return as_utc(datetime.fromisoformat(value))
    return as_utc(value) if value is not None else None


@functools.lru_cache(maxsize=256)
def _driver_sql(statement: str, dialect: Dialect) -> str:
    """The statement as the driver takes it (`%(name)s` for psycopg, a literal % doubled), made once per string."""
    return str(_sql(statement).compile(dialect=dialect))


PLANNER_SETTINGS = "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', %(idx)s, true)"
"""The register search's planner settings on PostgreSQL (see `_search_postgres`), in the driver's syntax."""


@functools.lru_cache(maxsize=512)
def _sql(statement: str) -> TextClause:
    """A text() statement, made once per SQL string: text() parses the string for its parameters on every
    call, which cost as much as a search query; the strings repeat (the search words are parameters)."""
    return text(statement)


class SqlRegisterRepository:
    def __init__(self, session: Session, clock: Clock = utcnow) -> None:
        self.session = session
        self.clock = clock
        bind = session.get_bind()
        self.dialect = bind.dialect.name
        self._engine = bind.engine
        self._known_terms: set[str] | None = None

    def _database_key(self) -> str:
        return self._engine.url.render_as_string(hide_password=False)

    # -- reading -----------------------------------------------------------------------------------------
    def _select(self, where: str, params: SqlParams) -> list[RegisterContact]:
        rows = self.session.connection().execute(_sql(f"SELECT {SELECT_LIST} FROM register_contact c WHERE {where}"),
                                                 params).all()
        return [contact_from_row(row) for row in rows]

    def get(self, contact_id: int) -> RegisterContact:
        found = self._select("c.id = :id", {"id": contact_id})
        if not found:
            raise NotFound(f"Registercontact {contact_id} bestaat niet (meer).")
        return found[0]

    def find_by_external_id(self, external_id: str) -> RegisterContact | None:
        found = self._select("c.external_id = :external_id", {"external_id": external_id})
        return found[0] if found else None

    def _ids(self, external_ids: Sequence[str]) -> dict[str, int]:
        ids: dict[str, int] = {}
        for chunk in _chunks(list(external_ids)):
            query = select(CONTACTS.c.external_id, CONTACTS.c.id).where(CONTACTS.c.external_id.in_(chunk))
            ids.update((str(external_id), int(contact_id)) for external_id, contact_id in self.session.execute(query))
        return ids

    def existing_external_ids(self, external_ids: Sequence[str]) -> set[str]:
        existing: set[str] = set()
        for chunk in _chunks(list(external_ids)):
            existing.update(
                self.session.scalars(select(CONTACTS.c.external_id).where(CONTACTS.c.external_id.in_(chunk)))
            )
        return existing

    def count(self) -> int:
        return int(self.session.execute(text("SELECT count(*) FROM register_contact")).scalar_one())

    def iter_contacts(self, batch_size: int = 1000) -> Iterator[RegisterContact]:
        """All contacts by id, a batch at a time (keyset paging: constant memory, stable under inserts)."""
        last = 0
        while True:
            batch = self._select(f"c.id > :last ORDER BY c.id LIMIT {int(batch_size)}", {"last": last})
            if not batch:
                return
            yield from batch
            last = batch[-1].id or last

    def organisations(self, limit: int = 1000) -> list[OrganisationSummary]:
        rows = self.session.execute(
            text(
                "SELECT min(organisation), min(organisation_type), count(*) FROM register_contact "
                "GROUP BY organisation_key ORDER BY organisation_key LIMIT :limit"
            ),
            {"limit": limit},
        )
        return [OrganisationSummary(r[0], OrganisationType(r[1]), int(r[2])) for r in rows]

    # -- search ------------------------------------------------------------------------------------------
    def search(self, plan: SearchPlan) -> SearchHits:
        """One page of the search contract (see the module docstring)."""
        if not plan.terms:
            sql, params = self.browse_sql(plan)
            return SearchHits(self._fetch(sql, params), broad=False)
        if self.dialect == "postgresql":
            return self._search_postgres(plan)
        matches = self.count_matches(plan, plan.broad_limit + 1)
        if matches == 0:
            # Nothing matches (a typo, usually): the ranked page would run the same index search again only
            # to come back empty, and the typo path follows with a second search.
            return SearchHits([], broad=False)
        if matches <= plan.broad_limit:
            sql, params = self.ranked_sql(plan)
            return SearchHits(self._fetch(sql, params), broad=False)
        sql, params = self.ranked_sql(plan, broad=True)
        return SearchHits(self._fetch(sql, params), broad=True)

    def _search_postgres(self, plan: SearchPlan) -> SearchHits:
        # PostgreSQL estimates a conjunction of words (text plus filter tokens) badly, and then walks the
        # whole table along the primary key or sequentially, hoping to meet the few matches early. Reading
        # the matches is always fastest through the GIN index, so plain scans are switched off for it;
        # set_config(..., true) lasts until the end of this read-only transaction.
        sql, params = self.search_sql_postgres(plan)
        rows = self._planned(sql, params, indexscan=False)
        matches = int(rows[0]["matches"])
        if matches <= plan.broad_limit or matches < params["probe"]:
            # An empty page is one row without a contact: it still carries the number of matches.
            contacts = [contact_from_mapping(row) for row in rows if row["id"] is not None]
            return SearchHits(contacts, broad=matches > plan.broad_limit)
        # A dense text (the first letters of common words): its candidate tiers walk the primary key
        # instead of reading every match (see _lowest_ids_postgres).
        sql, params = self.ranked_sql(plan, broad=True)
        return SearchHits([contact_from_mapping(row) for row in self._planned(sql, params, indexscan=True)],
                          broad=True)

    def _planned(self, sql: str, params: SqlParams, *, indexscan: bool) -> list[dict[str, Any]]:
        """PostgreSQL: the planner settings, then `sql`, in one round trip instead of two.

        Both statements travel in one psycopg pipeline: the server runs the settings before it plans the
        statement, as when each had its own round trip (one of ~1 ms on a loaded machine, in a search of ~10).
        A driver error is raised as SQLAlchemy's, as on every other path (the error boundary knows those)."""
        import psycopg  # here: the driver is loaded on PostgreSQL only
        from psycopg.rows import dict_row

        connection = self.session.connection()
        driver = cast("psycopg.Connection[Any]", connection.connection.driver_connection)
        statement = _driver_sql(sql, connection.dialect)
        try:
            with driver.pipeline(), driver.cursor(row_factory=dict_row) as cursor:
                driver.execute(PLANNER_SETTINGS, {"idx": "on" if indexscan else "off"})
                cursor.execute(statement, params)
                rows: list[dict[str, Any]] = cursor.fetchall()
                return rows
        except psycopg.Error as error:
            raise DBAPIError.instance(statement, None, error, psycopg.Error, hide_parameters=True,
                                      dialect=connection.dialect) from None

    def search_sql_postgres(self, plan: SearchPlan) -> tuple[str, SqlParams]:
        """One page of the search contract on PostgreSQL in one statement, unless the text is dense.

        The matches are read once through the GIN index into `m`, up to `probe` of them (ids and, with a
        ranking municipality, whether each serves it or is landelijk). Their number (`matches`, on every
        row; an empty page is one row without a contact) decides: at most `broad_limit` gives the ranked
        page; fewer than `probe` gives the broad page, whose tiers take their lowest ids from `m`; `probe`
        or more gives no page, and the caller runs the broad query (`ranked_sql(broad=True)`), which walks
        the primary key instead of visiting thousands of matches. The candidates are the same as
        `candidates_sql`'s, so the page is too. Before, a capped count, the page and every candidate tier
        each searched the index again, each in its own round trip: three times the cost of the raw query."""
        probe = DENSE * plan.broad_limit
        params: SqlParams = {"limit": plan.limit, "offset": plan.offset, "broad_limit": plan.broad_limit,
                             "cap": plan.broad_limit, "probe": probe}
        where: list[str] = []
        self._text_source(plan, params, where)
        self._organisation_filter(plan, params, where)
        flags = ""
        tiers: list[str] = []
        if plan.context_municipality:
            params["ctx_token"] = municipality_token(plan.context_municipality)
            params["landelijk_token"] = LANDELIJK_TOKEN
            flags = (", c.search_vector @@ to_tsquery('simple', :ctx_token) AS serves, "
                     "c.search_vector @@ to_tsquery('simple', :landelijk_token) AS landelijk")
            tiers += ["serves", "landelijk"]
        if not tiers or plan.municipality_code != plan.context_municipality:
            tiers.append("true")  # any match (see candidates_sql)
        candidates = " UNION ALL ".join(
            [f"SELECT id FROM ({self._organisation_tier(plan, params)}) AS tier_1"]
            + [f"SELECT id FROM (SELECT id FROM m WHERE {tier} ORDER BY id LIMIT :cap) AS tier_{n}"
               for n, tier in enumerate(tiers, start=2)]
        )
        rank = f"-ts_rank({POSTGRES_WEIGHTS}, c.search_vector, to_tsquery('simple', :match))"
        n = "(SELECT n FROM counted)"
        # Each branch runs only when its one-time condition on the count holds. The ordinal keeps the page
        # order through the join that adds the count.
        branches = [
            (f"c.id = ANY(ARRAY(SELECT id FROM m)) AND {n} <= :broad_limit", self._order(plan, params, rank)),
            (f"c.id = ANY(ARRAY({candidates})) AND {n} > :broad_limit AND {n} < :probe",
             self._order(plan, params, None)),
        ]
        page = " UNION ALL ".join(
            f"(SELECT {SELECT_LIST}, row_number() OVER (ORDER BY {order}) AS ordinal FROM register_contact c "
            f"WHERE {condition} ORDER BY {order} LIMIT :limit OFFSET :offset)"
            for condition, order in branches
        )
        sql = (
            f"WITH m AS MATERIALIZED (SELECT c.id{flags} FROM register_contact c WHERE {' AND '.join(where)} "
            "LIMIT :probe), counted AS (SELECT count(*) AS n FROM m) "
            f"SELECT counted.n AS matches, page.* FROM counted LEFT JOIN ({page}) AS page ON true "
            "ORDER BY page.ordinal"
        )
        return sql, params

    def _fetch(self, sql: str, params: SqlParams) -> list[RegisterContact]:
        # Core execution on the session's connection, one fetchall: the ORM's execute path and row-by-row
        # fetching cost more than the query.
        return [contact_from_row(row) for row in self.session.connection().execute(_sql(sql), params).all()]

    # The pieces below are public so the benchmark can run exactly the same SQL through the raw driver.
    def match_query(self, plan: SearchPlan, *, place: Sequence[str] = ()) -> str:
        """The text condition (every group, any alternative in a group, as word prefixes) plus the filter
        tokens, as FTS5 MATCH text (SQLite) or tsquery text (PostgreSQL). `place` adds one more required
        place token (a candidate tier of a broad search)."""
        sqlite_dialect = self.dialect == "sqlite"
        parts: list[str] = []
        for group in plan.terms:
            # Words are folded letters and digits only, so quoting is enough to keep query syntax out.
            alternatives = [f'"{alt}"*' if sqlite_dialect else f"{alt}:*" for alt in group]
            parts.append("(" + (" OR " if sqlite_dialect else " | ").join(alternatives) + ")")
        required: list[tuple[str, list[str]]] = []
        if plan.municipality_code:
            served = [municipality_token(plan.municipality_code)]
            required.append(("place", served + [LANDELIJK_TOKEN] if plan.include_landelijk else served))
        if plan.theme:
            required.append(("theme", [theme_token(plan.theme)]))
        if place:
            required.append(("place", list(place)))
        for column, tokens in required:
            if sqlite_dialect:
                parts.append(f"search_{column} : (" + " OR ".join(f'"{t}"' for t in tokens) + ")")
            else:
                # The filter tokens occur only in their own column, so no weight restriction is needed
                # (one would force PostgreSQL to recheck every candidate row on the heap).
                parts.append("(" + " | ".join(tokens) + ")")
        return (" AND " if sqlite_dialect else " & ").join(parts)

    def _text_source(self, plan: SearchPlan, params: SqlParams, where: list[str], *,
                     place: Sequence[str] = (), name: str = "match") -> str:
        params[name] = self.match_query(plan, place=place)
        if self.dialect == "sqlite":
            # CROSS JOIN keeps the FTS index as the outer loop (it yields rowids in ascending order).
            where += [f"register_fts MATCH :{name}", "c.id = register_fts.rowid"]
            return "register_fts CROSS JOIN register_contact c"
        where.append(f"c.search_vector @@ to_tsquery('simple', :{name})")
        return "register_contact c"

    def _organisation_filter(self, plan: SearchPlan, params: SqlParams, where: list[str]) -> None:
        if plan.organisation_key:
            params["org"] = plan.organisation_key
            params["org_lo"] = plan.organisation_key + " "
            params["org_hi"] = plan.organisation_key + "!"
            where.append(
                "(c.organisation_key = :org OR (c.organisation_key > :org_lo AND c.organisation_key < :org_hi))"
            )

    def _order(self, plan: SearchPlan, params: SqlParams, rank: str | None) -> str:
        order: list[str] = []
        if plan.terms:
            params["exact"] = plan.exact_text
            params["exact_len"] = len(plan.exact_text)
            order.append(
                "CASE WHEN c.organisation_key = :exact THEN 0 "
                "WHEN substr(c.organisation_key, 1, :exact_len) = :exact THEN 1 ELSE 2 END"
            )
        if plan.context_municipality:
            params["ctx"] = plan.context_municipality
            # Codes are six characters between spaces, so a substring test is exact.
            contains = "instr(c.municipality_codes, :ctx)" if self.dialect == "sqlite" else (
                "strpos(c.municipality_codes, :ctx)"
            )
            order.append(f"CASE WHEN {contains} > 0 THEN 0 WHEN c.landelijk THEN 1 ELSE 2 END")
        params["since"] = plan.verified_since
        order.append("CASE WHEN c.last_verified >= :since THEN 0 ELSE 1 END")
        if rank:
            order.append(rank)
        order += ["c.organisation_key", "c.team", "c.id"]
        return ", ".join(order)

    def count_matches(self, plan: SearchPlan, cap: int) -> int:
        """How many contacts match the text and filters, counting no further than `cap`."""
        params: SqlParams = {"cap": cap}
        where: list[str] = []
        source = self._text_source(plan, params, where)
        self._organisation_filter(plan, params, where)
        inner = f"SELECT 1 FROM {source} WHERE {' AND '.join(where)} LIMIT :cap"
        counted = self.session.connection().execute(_sql(f"SELECT count(*) FROM ({inner}) AS capped"), params)
        return int(counted.scalar_one())

    def ranked_sql(self, plan: SearchPlan, *, broad: bool = False) -> tuple[str, SqlParams]:
        """Every match in the contract's order, one page. For a broad text only the candidates of
        `candidates_sql` compete, and they are ordered by the tiers and then alphabetically: a text
        matching thousands says little about relevance, and skipping the text ranking means the
        full-text index is read only up to the candidate limits."""
        params: SqlParams = {"limit": plan.limit, "offset": plan.offset}
        where: list[str] = []
        if broad:
            source = "register_contact c"
            where.append(f"c.id IN ({self.candidates_sql(plan, params)})")
            rank = None
        else:
            source = self._text_source(plan, params, where)
            self._organisation_filter(plan, params, where)
            rank = (
                f"bm25(register_fts, {SQLITE_WEIGHTS})" if self.dialect == "sqlite" else
                f"-ts_rank({POSTGRES_WEIGHTS}, c.search_vector, to_tsquery('simple', :match))"
            )
        sql = (
            f"SELECT {SELECT_LIST} FROM {source} WHERE {' AND '.join(where)} "
            f"ORDER BY {self._order(plan, params, rank)} LIMIT :limit OFFSET :offset"
        )
        return sql, params

    def candidates_sql(self, plan: SearchPlan, params: SqlParams) -> str:
        """For a text that matches very many contacts, the ids that compete for the first pages: the first
        `broad_limit` of each ranking tier — organisation equal to or starting with the text (in
        organisation order), serving the household's municipality, landelijk, and any match (lowest ids
        first). Each part follows an index and stops at its limit."""
        params["cap"] = plan.broad_limit
        parts = [self._organisation_tier(plan, params)]
        # Tiers 2 and 3 (with a household municipality), then any match: lowest ids first.
        tiers: list[Sequence[str]] = []
        if plan.context_municipality:
            tiers += [[municipality_token(plan.context_municipality)], [LANDELIJK_TOKEN]]
        if not tiers or plan.municipality_code != plan.context_municipality:
            # "Any match". Left out when the municipality filter is the ranking municipality: every match
            # then serves it or is landelijk, so the lowest ids of all matches are among the lowest of
            # those two tiers already (the same candidates, one index search fewer).
            tiers.append(())
        for number, place in enumerate(tiers, start=2):
            name = f"match_{number}"
            where: list[str] = []
            if self.dialect == "sqlite":
                if not plan.organisation_key:
                    # Straight from the index, which yields rowids in order: stops after `cap` matches.
                    params[name] = self.match_query(plan, place=place)
                    parts.append(f"SELECT rowid AS id FROM register_fts WHERE register_fts MATCH :{name} "
                                 "ORDER BY rowid LIMIT :cap")
                    continue
                source = self._text_source(plan, params, where, place=place, name=name)
                self._organisation_filter(plan, params, where)
                parts.append(f"SELECT register_fts.rowid AS id FROM {source} WHERE {' AND '.join(where)} "
                             "ORDER BY register_fts.rowid LIMIT :cap")
                continue
            parts.append(self._lowest_ids_postgres(plan, params, where, place, name))
        return " UNION ALL ".join(f"SELECT id FROM ({part}) AS tier_{n}" for n, part in enumerate(parts, start=1))

    def _organisation_tier(self, plan: SearchPlan, params: SqlParams) -> str:
        """Tier 1 of a broad search: the first `cap` contacts whose organisation equals or starts with the
        text (in organisation order). Every query word is then a word prefix of the organisation, so the
        text matches without consulting the full-text index."""
        params["exact_lo"] = plan.exact_text
        params["exact_hi"] = plan.exact_text + "\U0010ffff"
        where = ["c.organisation_key >= :exact_lo", "c.organisation_key < :exact_hi"]
        self._organisation_filter(plan, params, where)
        contains = "instr" if self.dialect == "sqlite" else "strpos"
        if plan.municipality_code:
            params["gm"] = plan.municipality_code
            served = f"{contains}(c.municipality_codes, :gm) > 0"
            where.append(f"({served} OR c.landelijk)" if plan.include_landelijk else served)
        if plan.theme:
            params["theme_padded"] = f" {plan.theme} "
            where.append(f"{contains}(' ' || c.themes || ' ', :theme_padded) > 0")
        return (
            f"SELECT c.id AS id FROM register_contact c WHERE {' AND '.join(where)} "
            "ORDER BY c.organisation_key, c.id LIMIT :cap"
        )

    def _lowest_ids_postgres(
        self, plan: SearchPlan, params: SqlParams, where: list[str], place: Sequence[str], name: str
    ) -> str:
        """The lowest `cap` ids matching a tier on PostgreSQL, cheap whether the tier is dense or sparse.

        PostgreSQL's row estimate for a conjunction of words is often far off, and the wrong plan costs a
        walk over the whole table (sparse tier along the primary key) or a heap visit per match (dense tier
        through the GIN bitmap). So: walk the first `scan` ids along the primary key; when that finds `cap`
        matches they are exactly the lowest ones; only otherwise (the One-Time Filter skips it when not
        needed) sort the GIN matches."""
        params["scan"] = 20 * plan.broad_limit
        self._text_source(plan, params, where, place=place, name=name)
        self._organisation_filter(plan, params, where)
        condition = " AND ".join(where)
        head = f"head_{name}"
        return (
            f"WITH {head} AS (SELECT c.id FROM (SELECT * FROM register_contact ORDER BY id LIMIT :scan) AS c "
            f"WHERE {condition} ORDER BY c.id LIMIT :cap) "
            f"SELECT id FROM {head} UNION ALL "
            f"SELECT id FROM (SELECT c.id FROM register_contact c WHERE {condition} ORDER BY c.id + 0 LIMIT :cap) "
            f"AS sparse WHERE (SELECT count(*) FROM {head}) < :cap"
        )

    def browse_sql(self, plan: SearchPlan) -> tuple[str, SqlParams]:
        """Without text: the filtered contacts (or all) in the contract's order, one page."""
        params: SqlParams = {"limit": plan.limit, "offset": plan.offset}
        where: list[str] = []
        self._organisation_filter(plan, params, where)
        if plan.municipality_code:
            params["gm"] = plan.municipality_code
            served = "c.id IN (SELECT contact_id FROM register_contact_municipality WHERE municipality_code = :gm)"
            where.append(f"(c.landelijk OR {served})" if plan.include_landelijk else served)
        if plan.theme:
            params["theme"] = plan.theme
            where.append("c.id IN (SELECT contact_id FROM register_contact_theme WHERE theme = :theme)")
        # Without any filter: straight down the organisation index, nothing to rank.
        order = self._order(plan, params, None) if where else "c.organisation_key, c.id"
        sql = (
            f"SELECT {SELECT_LIST} FROM register_contact c"
            + (f" WHERE {' AND '.join(where)}" if where else "")
            + f" ORDER BY {order} LIMIT :limit OFFSET :offset"
        )
        return sql, params

    def vocabulary(self) -> Vocabulary:
        """Every indexed word, cached per database and reloaded only when words were added."""
        count, highest = self.session.execute(text("SELECT count(*), coalesce(max(id), 0) FROM register_term")).one()
        generation = (int(count), int(highest))
        with _vocabulary_lock:
            cached = _vocabularies.get(self._database_key())
            if cached is not None and cached[0] == generation:
                return cached[1]
        words = self.session.scalars(select(TERMS.c.term)).all()
        vocabulary = Vocabulary(words)
        with _vocabulary_lock:
            _vocabularies[self._database_key()] = (generation, vocabulary)
        return vocabulary

    # -- writing -----------------------------------------------------------------------------------------
    def add(self, fields: ContactFields) -> RegisterContact:
        if self.find_by_external_id(fields.external_id) is not None:
            raise Conflict(f"Er is al een registercontact met externe id {fields.external_id}.")
        now = self.clock()
        values = {**row_values(fields), "version": 1, "created_at": now, "updated_at": now}
        try:
            inserted = self.session.execute(CONTACTS.insert().values(values).returning(CONTACTS.c.id))
            contact_id = int(inserted.scalar_one())
        except IntegrityError:
            raise Conflict(f"Er is al een registercontact met externe id {fields.external_id}.") from None
        self._write_children([(contact_id, fields)], replace=False)
        self._index([(contact_id, values)])
        self._add_terms(search_document(fields).words(), bulk=False)
        return self.get(contact_id)

    def save(self, contact: RegisterContact) -> RegisterContact:
        """Update the contact when `contact.version` is still current; else StaleVersion."""
        assert contact.id is not None
        values = {**row_values(contact), "version": contact.version + 1, "updated_at": self.clock()}
        old = self._indexed([contact.id])
        result = self.session.execute(
            CONTACTS.update()
            .where(CONTACTS.c.id == contact.id, CONTACTS.c.version == contact.version)
            .values(values)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            self._missing_or_stale(contact.id)
        self._write_children([(contact.id, contact)], replace=True)
        self._unindex(old)
        self._index([(contact.id, values)])
        self._add_terms(search_document(contact).words(), bulk=False)
        return self.get(contact.id)

    def delete(self, contact_id: int, expected_version: int) -> None:
        old = self._indexed([contact_id])
        result = self.session.execute(
            CONTACTS.delete().where(CONTACTS.c.id == contact_id, CONTACTS.c.version == expected_version)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            self._missing_or_stale(contact_id)
        self._unindex(old)

    # -- the SQLite FTS5 index (PostgreSQL's search_vector is a generated column) ------------------------------
    def _indexed(self, contact_ids: Sequence[int]) -> list[tuple[Any, ...]]:
        """The currently indexed search columns of these contacts (needed to take them out of FTS5)."""
        if self.dialect != "sqlite" or not contact_ids:
            return []
        found: list[tuple[Any, ...]] = []
        columns = [CONTACTS.c.id, *(CONTACTS.c[name] for name in SEARCH_COLUMNS)]
        for chunk in _chunks(list(contact_ids)):
            found.extend(tuple(row) for row in self.session.execute(select(*columns).where(CONTACTS.c.id.in_(chunk))))
        return found

    def _unindex(self, rows: Sequence[tuple[Any, ...]]) -> None:
        if rows:
            self.session.connection().exec_driver_sql(
                f"INSERT INTO register_fts(register_fts, rowid, {', '.join(SEARCH_COLUMNS)}) "
                "VALUES ('delete', ?, ?, ?, ?, ?)",
                list(rows),
            )

    def _index(self, items: Sequence[tuple[int, RowValues]]) -> None:
        if self.dialect != "sqlite" or not items:
            return
        self.session.connection().exec_driver_sql(
            f"INSERT INTO register_fts(rowid, {', '.join(SEARCH_COLUMNS)}) VALUES (?, ?, ?, ?, ?)",
            [(contact_id, *(values[name] for name in SEARCH_COLUMNS)) for contact_id, values in items],
        )

    def rebuild_search_index(self) -> None:
        """Rebuild the FTS5 index from the contact rows (repair; PostgreSQL needs nothing)."""
        if self.dialect == "sqlite":
            self.session.execute(text("INSERT INTO register_fts(register_fts) VALUES ('rebuild')"))

    def check_search_index(self) -> bool:
        """True when the FTS5 index matches the contact rows exactly (always True on PostgreSQL)."""
        if self.dialect != "sqlite":
            return True
        try:
            self.session.execute(text("INSERT INTO register_fts(register_fts, rank) VALUES ('integrity-check', 1)"))
        except DatabaseError:
            return False
        return True

    def _missing_or_stale(self, contact_id: int) -> None:
        exists = self.session.execute(select(CONTACTS.c.id).where(CONTACTS.c.id == contact_id)).first()
        if exists is None:
            raise NotFound(f"Registercontact {contact_id} bestaat niet (meer).")
        raise StaleVersion("Dit registercontact")

    def upsert_many(self, contacts: Sequence[ContactFields]) -> tuple[int, int]:
        """Insert or update by external id in bulk; returns (inserted, updated). Imports are authoritative:
        an update overwrites and bumps the version. The caller guarantees each external id occurs once.

        Rows go to the driver's executemany directly (SQLAlchemy's bind processors applied once per value),
        which keeps a 100,000-row import at seconds: statement building per row cost more than the writes."""
        if not contacts:
            return 0, 0
        external_ids = [c.external_id for c in contacts]
        postgres = self.dialect == "postgresql"
        # PostgreSQL reports ids and insert-or-update in the upsert's RETURNING (xmax = 0: a new row); an
        # IN (...) lookup first would be planned as a sequential scan while the table grows faster than
        # its statistics during a large import. SQLite's IN (...) always uses the unique index.
        existing_ids = {} if postgres else self._ids(external_ids)
        old = self._indexed(list(existing_ids.values()))
        now = self.clock()
        rows: list[tuple[Any, ...]] = []
        all_values: list[RowValues] = []
        words: set[str] = set()
        for fields in contacts:
            values = row_values(fields)
            all_values.append(values)
            words.update(w for w in " ".join(values[name] for name in SEARCH_COLUMNS).split() if not is_filter_token(w))
            rows.append((*(values[name] for name in UPSERT_COLUMNS), 1, now, now))
        names = (*UPSERT_COLUMNS, "version", "created_at", "updated_at")
        updates = ", ".join(f"{name} = excluded.{name}" for name in (*UPSERT_COLUMNS, "updated_at"))
        upsert = f"ON CONFLICT (external_id) DO UPDATE SET {updates}, version = register_contact.version + 1"
        if postgres:
            returned = self._copy_insert(CONTACTS, names, rows, upsert + " RETURNING external_id, id, xmax = 0")
            ids = {str(external_id): int(contact_id) for external_id, contact_id, _ in returned}
            new = {str(external_id) for external_id, _, is_new in returned if is_new}
        else:
            self._executemany(CONTACTS, names, rows, upsert)
            ids = {**existing_ids, **self._ids([e for e in external_ids if e not in existing_ids])}
            new = set(external_ids) - set(existing_ids)
        by_id = [(ids[c.external_id], c) for c in contacts]
        updated = [(contact_id, c) for contact_id, c in by_id if c.external_id not in new]
        inserted = [(contact_id, c) for contact_id, c in by_id if c.external_id in new]
        self._write_children(updated, replace=True)
        self._write_children(inserted, replace=False)
        self._unindex(old)
        self._index([(contact_id, values) for (contact_id, _), values in zip(by_id, all_values, strict=True)])
        self._add_terms(words, bulk=True)
        return len(inserted), len(updated)

    def _executemany(
        self, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]], suffix: str = ""
    ) -> None:
        """INSERT many rows fast: SQLite through the driver's executemany (the column types' bind processors
        applied), PostgreSQL through COPY into a temporary staging table and one INSERT ... SELECT (psycopg's
        executemany costs a round trip per row)."""
        if not rows:
            return
        connection = self.session.connection()
        dialect = connection.dialect
        if dialect.name == "postgresql":
            self._copy_insert(table, columns, rows, suffix)
            return
        processors = [table.c[name].type.bind_processor(dialect) for name in columns]
        if any(processors):
            rows = [
                tuple(value if fn is None else fn(value) for fn, value in zip(processors, row, strict=True))
                for row in rows
            ]
        marker = "?" if dialect.paramstyle == "qmark" else "%s"
        sql = (
            f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join(marker for _ in columns)}) {suffix}"
        )
        connection.exec_driver_sql(sql, list(rows))

    def _copy_insert(
        self, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]], suffix: str
    ) -> list[tuple[Any, ...]]:
        names = ", ".join(columns)
        stage = f"stage_{table.name}"
        connection = self.session.connection()
        connection.exec_driver_sql(
            f"CREATE TEMP TABLE IF NOT EXISTS {stage} ON COMMIT DROP AS SELECT {names} FROM {table.name} WITH NO DATA"
        )
        driver = connection.connection.driver_connection
        assert driver is not None
        with driver.cursor() as cursor:
            with cursor.copy(f"COPY {stage} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(f"INSERT INTO {table.name} ({names}) SELECT {names} FROM {stage} {suffix}")
            returned = cursor.fetchall() if cursor.description else []
            cursor.execute(f"TRUNCATE {stage}")
        return returned

    def _write_children(self, items: Sequence[tuple[int, ContactFields]], *, replace: bool) -> None:
        if not items:
            return
        if replace:
            ids = [contact_id for contact_id, _ in items]
            for chunk in _chunks(ids):
                self.session.execute(delete(MUNICIPALITIES).where(MUNICIPALITIES.c.contact_id.in_(chunk)))
                self.session.execute(delete(THEMES).where(THEMES.c.contact_id.in_(chunk)))
        municipalities = [(contact_id, code) for contact_id, fields in items for code in fields.municipality_codes]
        themes = [(contact_id, theme) for contact_id, fields in items for theme in fields.themes]
        self._executemany(MUNICIPALITIES, ("contact_id", "municipality_code"), municipalities)
        self._executemany(THEMES, ("contact_id", "theme"), themes)

    def _add_terms(self, words: Iterable[str], *, bulk: bool) -> None:
        """Record new words in the vocabulary (insert-only, duplicates ignored). A bulk import first
        loads the known words once, so later batches only send words never seen before."""
        candidates = {word for word in words if len(word) <= TERM_MAX}
        if bulk:
            if self._known_terms is None:
                self._known_terms = set(self.session.scalars(select(TERMS.c.term)))
            candidates -= self._known_terms
            self._known_terms.update(candidates)
        if not candidates:
            return
        self._executemany(TERMS, ("term",), [(word,) for word in sorted(candidates)], "ON CONFLICT (term) DO NOTHING")

"""PostgreSQL row-level security for a shared database: per-user database roles, so that someone who
connects with psql instead of the app still sees only the households of their own municipalities.

`doorbraak db beveilig` (run by the role that owns the schema, after `doorbraak db upgrade`) creates one
group role per doorbraak role (`<prefix>_professional`, `_coordinator`, `_let`, `_beheer`; NOLOGIN),
grants each what its use cases need, and puts policies on every table with case data (ENABLE + FORCE).
`doorbraak db gebruiker` then makes a personal LOGIN role in one group, with its app_user row
(display name, municipalities, team) that the policies read.

What the database enforces (the second line; the services remain the first):
- professional, coordinator: households (and everything hanging off them) of their municipalities only,
  also for writes (WITH CHECK). Caseload rules inside a municipality and the logged reason stay in the app.
- let: only households with a submitted national (LMM/LET) escalation, read-only, because the app builds
  the pseudonymised dossier from them; no plans or overbruggingen. The one write: the state of a waiting
  national escalation (columns status, started_on, closed_on) and a new step, when the LMM/LET handles it.
- beheer: accounts, catalogues, register, the mandate register and the whole audit trail; no household at
  all (the retention purge runs as the owner).
- the mandate register: beheer keeps it; professionals and coordinators read the mandates of their own
  municipalities (a decision checks them; a refusal names who may decide); the LET none.
- the audit log is insert-only for everyone (UPDATE/DELETE are not granted and a trigger refuses them);
  the old -> new values (audit_change) are visible only where the case is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from domain.actors import Role
from domain.users import User
from storage.engine import DatabaseError

GROUPS = (Role.PROFESSIONAL, Role.COORDINATOR, Role.LET, Role.BEHEER)
CASEWORK = (Role.PROFESSIONAL, Role.COORDINATOR)

HOUSEHOLD_CHILDREN = ("member", "problem", "involved_organisation", "maatwerkplan", "plan_draft",
                      "overbrugging", "escalation", "zrm_score", "transition_check", "score_series")
"""Tables with a household_id."""
GRANDCHILDREN = {
    "plan_goal": ("maatwerkplan", "plan_id"),
    "plan_action": ("maatwerkplan", "plan_id"),
    "plan_cost_line": ("maatwerkplan", "plan_id"),
    "plan_legal_basis": ("maatwerkplan", "plan_id"),
    "plan_evaluation": ("maatwerkplan", "plan_id"),
    "plan_rekensom": ("maatwerkplan", "plan_id"),
    "overbrugging_step": ("overbrugging", "overbrugging_id"),
    "overbrugging_cost": ("overbrugging", "overbrugging_id"),
    "escalation_route": ("escalation", "escalation_id"),
    "escalation_step": ("escalation", "escalation_id"),
    "escalation_knelpunt": ("escalation", "escalation_id"),
}
CASE_TABLES = ("household", *HOUSEHOLD_CHILDREN, *GRANDCHILDREN)
DASHBOARD_TABLES = ("dashboard_cell", "dashboard_household")
"""The dashboard's kept items (storage/dashboard_items.py), per municipality: kept by the sessions of
professionals and coordinators that change a household, read by a coordinator's dashboard."""
PENDING_TABLE = "dashboard_pending"
"""Households whose items are to be made again: written only by the owner's trigger functions (migration 0019);
casework reads and clears those of its municipalities."""
LET_CASE_TABLES = ("household", "member", "problem", "involved_organisation", "escalation", "escalation_route",
                   "escalation_step", "escalation_knelpunt")
"""What the LET role may read (the pseudonymised dossier is built from these)."""
LET_HANDLING_COLUMNS = ("status", "started_on", "closed_on", "updated_at", "version")
"""What the LET role may change of a national escalation (`EscalationRepository.append_step`)."""
SHARED_TABLES = ("knelpunt", "knelpunt_occurrence", "loket_vraag", "loket_vraag_step", "register_contact",
                 "register_contact_municipality", "register_contact_theme", "register_term", "kengetal_override",
                 "case_number_sequence")
"""No personal data of households (knelpunten are checked for it; the register holds professionals)."""
SYSTEM_TABLES = ("alembic_version", "installation", "audit_log", "audit_change", "audit_head", "app_user", "mandate")
ALL_TABLES = frozenset(CASE_TABLES + DASHBOARD_TABLES + (PENDING_TABLE,) + SHARED_TABLES + SYSTEM_TABLES)

ESCALATED = "EXISTS (SELECT 1 FROM escalation e WHERE e.household_id = household.id " \
            "AND e.level = 'lmm_let' AND e.status <> 'concept')"
CHANGE_VISIBLE = (
    "CASE object_type "
    "WHEN 'household' THEN object_id IN (SELECT case_number FROM household) "
    "WHEN 'maatwerkplan' THEN split_part(object_id, '/', 1) IN (SELECT case_number FROM household) "
    "WHEN 'overbrugging' THEN object_id IN (SELECT 'OB-' || id FROM overbrugging) "
    "WHEN 'escalation' THEN object_id IN (SELECT 'ESC-' || id FROM escalation) "
    "ELSE true END"
)


@dataclass(frozen=True)
class Names:
    """Role names: cluster-wide in PostgreSQL, so one prefix per doorbraak database."""

    prefix: str

    def group(self, role: Role) -> str:
        return f"{self.prefix}_{role.value}"


def _ident(name: str) -> str:
    if not name.replace("_", "").isalnum() or not name[0].isalpha():
        raise DatabaseError(f"Ongeldige naam voor een databaserol: {name!r}.")
    return f'"{name}"'


def _grants(names: Names) -> Iterator[str]:
    every = ", ".join(_ident(names.group(r)) for r in GROUPS)
    casework = ", ".join(_ident(names.group(r)) for r in CASEWORK)
    let, beheer, coordinator = (_ident(names.group(r)) for r in (Role.LET, Role.BEHEER, Role.COORDINATOR))
    yield "REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM PUBLIC"
    yield f"GRANT USAGE ON SCHEMA {{schema}} TO {every}"
    yield f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {{schema}} TO {every}"
    yield f"GRANT SELECT ON alembic_version, installation TO {every}"
    yield f"GRANT SELECT, INSERT ON audit_log, audit_change TO {every}"
    yield f"GRANT SELECT ON audit_head TO {every}"  # moved by the owner's functions (migration 0012)
    yield f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(CASE_TABLES)} TO {casework}"
    yield f"GRANT SELECT, INSERT, UPDATE ON case_number_sequence TO {casework}"
    yield f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(DASHBOARD_TABLES)} TO {casework}"
    yield f"GRANT SELECT, DELETE ON {PENDING_TABLE} TO {casework}"
    knelpunten = "knelpunt, knelpunt_occurrence, loket_vraag, loket_vraag_step"
    yield f"GRANT SELECT, INSERT, UPDATE, DELETE ON {knelpunten} TO {casework}, {let}"
    yield f"GRANT SELECT ON {knelpunten} TO {beheer}"
    register = "register_contact, register_contact_municipality, register_contact_theme, register_term"
    yield f"GRANT SELECT ON {register}, kengetal_override TO {every}"
    yield f"GRANT INSERT, UPDATE, DELETE ON {register}, kengetal_override TO {coordinator}, {beheer}"
    yield f"GRANT SELECT ON {', '.join(LET_CASE_TABLES)} TO {let}"
    # The LMM/LET records its handling of national escalations: the state, its date and a new step only.
    yield f"GRANT UPDATE ({', '.join(LET_HANDLING_COLUMNS)}) ON escalation TO {let}"
    yield f"GRANT INSERT ON escalation_step TO {let}"
    yield f"GRANT SELECT, INSERT, UPDATE, DELETE ON app_user TO {beheer}"
    # The mandate register: beheer keeps it (never deleted: a revocation is a date), casework reads it.
    yield f"GRANT SELECT, INSERT, UPDATE ON mandate TO {beheer}"
    yield f"GRANT SELECT ON mandate TO {casework}"


def _functions() -> Iterator[str]:
    # SECURITY DEFINER: they read app_user as the owner; nobody else needs (or gets) the table.
    yield (
        "CREATE OR REPLACE FUNCTION {schema}.doorbraak_in_scope(code text) RETURNS boolean "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema} AS $$ "
        "SELECT EXISTS (SELECT 1 FROM app_user u WHERE u.username = session_user AND u.active "
        "AND (u.municipality_codes IS NULL OR code = ANY (string_to_array(u.municipality_codes, ',')))) $$"
    )
    yield (
        "CREATE OR REPLACE FUNCTION {schema}.doorbraak_whoami() "
        "RETURNS TABLE (username text, display_name text, role text, municipality_codes text, team text, "
        "active boolean) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema} AS $$ "
        "SELECT u.username, u.display_name, u.role, u.municipality_codes, u.team, u.active FROM app_user u "
        "WHERE u.username = session_user $$"
    )
    yield (
        "CREATE OR REPLACE FUNCTION {schema}.doorbraak_change_seqs() RETURNS SETOF integer "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema} AS $$ SELECT seq FROM audit_change $$"
    )


def _policies(names: Names, owner: str) -> Iterator[str]:
    casework = ", ".join(_ident(names.group(r)) for r in CASEWORK)
    let, beheer, owner_ = _ident(names.group(Role.LET)), _ident(names.group(Role.BEHEER)), _ident(owner)
    for table in (*CASE_TABLES, *DASHBOARD_TABLES, PENDING_TABLE, "audit_change", "app_user", "mandate"):
        yield f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"
        yield f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY"
        for policy in ("doorbraak_owner", "doorbraak_casework", "doorbraak_let", "doorbraak_let_handle",
                       "doorbraak_beheer"):
            yield f"DROP POLICY IF EXISTS {policy} ON {table}"
        yield f"CREATE POLICY doorbraak_owner ON {table} TO {owner_} USING (true) WITH CHECK (true)"
    scope = "doorbraak_in_scope(municipality_code)"
    yield f"CREATE POLICY doorbraak_casework ON household TO {casework} USING ({scope}) WITH CHECK ({scope})"
    yield f"CREATE POLICY doorbraak_let ON household FOR SELECT TO {let} USING ({ESCALATED})"
    for table in DASHBOARD_TABLES:
        yield f"CREATE POLICY doorbraak_casework ON {table} TO {casework} USING ({scope}) WITH CHECK ({scope})"
    # A pending household of one's own municipalities: still there, or gone but with items kept there.
    pending = ("EXISTS (SELECT 1 FROM household h WHERE h.id = dashboard_pending.household_id) OR EXISTS "
               "(SELECT 1 FROM dashboard_household k WHERE k.household_id = dashboard_pending.household_id)")
    yield f"CREATE POLICY doorbraak_casework ON {PENDING_TABLE} TO {casework} USING ({pending})"
    for table in HOUSEHOLD_CHILDREN:
        visible = f"EXISTS (SELECT 1 FROM household h WHERE h.id = {table}.household_id)"
        yield f"CREATE POLICY doorbraak_casework ON {table} TO {casework} USING ({visible}) WITH CHECK ({visible})"
        if table in LET_CASE_TABLES and table != "escalation":
            yield f"CREATE POLICY doorbraak_let ON {table} FOR SELECT TO {let} USING ({visible})"
    # The LET's escalation rule stands on its own (the household rule refers to escalation: no cycle).
    yield (f"CREATE POLICY doorbraak_let ON escalation FOR SELECT TO {let} "
           "USING (level = 'lmm_let' AND status <> 'concept')")
    # Handling: from a waiting state to a handling state, never back to concept or to another level.
    yield (f"CREATE POLICY doorbraak_let_handle ON escalation FOR UPDATE TO {let} "
           "USING (level = 'lmm_let' AND status IN ('ingediend', 'in_behandeling')) "
           "WITH CHECK (level = 'lmm_let' AND status IN ('in_behandeling', 'opgelost', 'niet_opgelost', "
           "'teruggelegd'))")
    yield (f"CREATE POLICY doorbraak_let_handle ON escalation_step FOR INSERT TO {let} "
           "WITH CHECK (EXISTS (SELECT 1 FROM escalation p WHERE p.id = escalation_step.escalation_id))")
    for table, (parent, column) in GRANDCHILDREN.items():
        visible = f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {table}.{column})"
        yield f"CREATE POLICY doorbraak_casework ON {table} TO {casework} USING ({visible}) WITH CHECK ({visible})"
        if table in LET_CASE_TABLES:
            yield f"CREATE POLICY doorbraak_let ON {table} FOR SELECT TO {let} USING ({visible})"
    yield f"CREATE POLICY doorbraak_casework ON audit_change TO {casework} USING ({CHANGE_VISIBLE}) WITH CHECK (true)"
    # The LET has no right to case tables such as overbrugging, so its rule may not mention them.
    yield (f"CREATE POLICY doorbraak_let ON audit_change TO {let} USING (object_type NOT IN "
           "('household', 'maatwerkplan', 'overbrugging', 'escalation')) WITH CHECK (true)")
    yield f"CREATE POLICY doorbraak_beheer ON audit_change TO {beheer} USING (true) WITH CHECK (true)"
    yield f"CREATE POLICY doorbraak_beheer ON app_user TO {beheer} USING (true) WITH CHECK (true)"
    yield f"CREATE POLICY doorbraak_beheer ON mandate TO {beheer} USING (true) WITH CHECK (true)"
    yield f"CREATE POLICY doorbraak_casework ON mandate FOR SELECT TO {casework} USING ({scope})"


def _ensure_groups(connection: Connection, names: Names) -> None:
    for role in GROUPS:
        group = names.group(role)
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": group}).first()
        if exists is None:
            connection.execute(text(f"CREATE ROLE {_ident(group)} NOLOGIN NOINHERIT"))


def unclassified_tables(connection: Connection) -> list[str]:
    """Tables in the schema this module does not know: a new migration must say who may see them."""
    tables = connection.execute(
        text("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
             "AND table_type = 'BASE TABLE'")
    ).scalars().all()
    return sorted(set(tables) - ALL_TABLES)


def secure(engine: Engine, prefix: str = "doorbraak") -> list[str]:
    """Create the group roles, grants, functions and policies (idempotent). Returns the group names."""
    if engine.dialect.name != "postgresql":
        raise DatabaseError("Rijbeveiliging (row-level security) bestaat alleen voor PostgreSQL.")
    names = Names(prefix)
    with engine.begin() as connection:
        unknown = unclassified_tables(connection)
        if unknown:
            raise DatabaseError(f"Tabellen zonder beveiligingsregel: {', '.join(unknown)}. Werk doorbraak bij.")
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
        owner = connection.execute(text("SELECT current_user")).scalar_one()
        _ensure_groups(connection, names)
        for statement in (*_grants(names), *_functions(), *_policies(names, owner)):
            connection.execute(text(statement.replace("{schema}", _ident(schema))))
    return [names.group(r) for r in GROUPS]


def create_login(engine: Engine, user: User, password: str, prefix: str = "doorbraak") -> None:
    """A personal LOGIN role in the group of the user's role, plus the app_user row the policies read."""
    if user.role not in GROUPS:
        raise DatabaseError(f"De rol {user.role.label} bestaat niet op een gedeelde PostgreSQL-database.")
    names = Names(prefix)
    login, group = _ident(user.username), _ident(names.group(user.role))
    with engine.begin() as connection:
        if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                              {"n": names.group(user.role)}).first() is None:
            raise DatabaseError(f"De groepsrol {names.group(user.role)} bestaat niet. Voer eerst "
                                f"'doorbraak db beveilig --prefix {prefix}' uit (met hetzelfde voorvoegsel).")
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": user.username}).first()
        verb = "ALTER" if exists else "CREATE"
        # A password literal cannot be a bind parameter in CREATE ROLE; quote it as a SQL string.
        quoted = "'" + password.replace("'", "''") + "'"
        connection.execute(text(f"{verb} ROLE {login} LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE "
                                f"NOBYPASSRLS PASSWORD {quoted}"))
        connection.execute(text(f"GRANT {group} TO {login}"))
        codes = None if user.municipality_codes is None else ",".join(sorted(user.municipality_codes))
        connection.execute(
            text("INSERT INTO app_user (username, display_name, role, municipality_codes, team, password_hash, "
                 "active, failed_logins, version) VALUES (:u, :d, :r, :m, :t, '!postgres-login', true, 0, 1) "
                 "ON CONFLICT (username) DO UPDATE SET display_name = :d, role = :r, municipality_codes = :m, "
                 "team = :t, active = true"),
            {"u": user.username, "d": user.display_name, "r": user.role.value, "m": codes, "t": user.team},
        )


def database_user(connection: Connection) -> User | None:
    """The doorbraak account of the database role this connection logged in with (PostgreSQL logins)."""
    row = connection.execute(text("SELECT * FROM doorbraak_whoami()")).mappings().first()
    if row is None or not row["active"]:
        return None
    codes = row["municipality_codes"]
    return User(username=row["username"], display_name=row["display_name"], role=Role(row["role"]),
                municipality_codes=None if codes is None else frozenset(c for c in codes.split(",") if c),
                team=row["team"])

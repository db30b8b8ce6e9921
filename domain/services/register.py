"""Use cases of the Landelijk Maatwerkregister: search (as you type), "wie bel ik?", edit, import, export.

For a screen:
- `search_contacts(query, uow, actor)` → `RegisterPage` — one page, typo tolerant; `page.corrected_text`
  tells when a corrected spelling was searched. Cheap enough to call on every keystroke (run it in a worker).
- `suggest_contacts(organisation, municipality_code, uow, actor)` → contacts of a plan action's organisation
  for the household's municipality first (then landelijk, then elsewhere); a misspelt or shortened
  organisation name falls back to a text search.
- `get_contact`, `create_contact`, `update_contact`, `mark_verified`, `delete_contact`, `list_organisations`,
  `theme_choices`.
- `import_contacts(records, uow, actor, dry_run=..., skip_invalid=...)` and `export_contacts(...)`; the file
  side (CSV) is in storage/register_csv.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from domain.access import Permission, require
from domain.actors import Actor
from domain.audit import AuditKind
from domain.errors import InvalidInput, Problem
from domain.jsondata import JsonObject
from domain.ports import RegisterRepository, UnitOfWork
from domain.register import (
    ContactFields,
    ImportRecord,
    ImportReport,
    OrganisationSummary,
    RegisterContact,
    RegisterPage,
    RegisterQuery,
    RejectedRow,
    SearchPlan,
    fields_from_csv,
    parse_contact_fields,
    parse_query,
    search_words,
    themes,
    verified_since,
)
from domain.services.bound import Bound
from domain.services.use_case import audit_event

IMPORT_BATCH = 1000
OBJECT_TYPE = "register_contact"
BROAD_LIMIT = 100
"""Texts matching more contacts are ranked over a bounded candidate set (see SearchPlan.broad_limit)."""


# -- search -----------------------------------------------------------------------------------------------
def _plan(query: RegisterQuery, terms: list[list[str]], today: date, *, limit: int, offset: int) -> SearchPlan:
    return SearchPlan(
        terms=tuple(tuple(group) for group in terms),
        exact_text=" ".join(group[0] for group in terms),
        organisation_key=query.organisation_key,
        municipality_code=query.municipality_code,
        include_landelijk=query.include_landelijk,
        theme=query.theme,
        context_municipality=query.ranking_municipality,
        verified_since=verified_since(today),
        offset=offset,
        limit=limit,
        broad_limit=BROAD_LIMIT,
    )


def run_search(repository: RegisterRepository, query: RegisterQuery, today: date) -> RegisterPage:
    """Search inside an open unit of work: the typed words as prefixes; when that finds nothing at all,
    each unknown word is replaced by its nearest known spellings and the search runs once more."""
    terms = query.terms
    strict = [[term] for term in terms]
    hits = repository.search(_plan(query, strict, today, limit=query.limit + 1, offset=query.offset))
    corrected_text: str | None = None
    if not hits.contacts and terms:
        nothing_at_all = query.offset == 0 or not repository.search(
            _plan(query, strict, today, limit=1, offset=0)
        ).contacts
        if nothing_at_all:
            vocabulary = repository.vocabulary()
            groups: list[list[str]] = []
            changed = False
            for term in terms:
                alternatives = vocabulary.corrections(term)
                changed = changed or bool(alternatives)
                groups.append(alternatives or [term])
            if changed:
                corrected = repository.search(_plan(query, groups, today, limit=query.limit + 1, offset=query.offset))
                if corrected.contacts:
                    hits = corrected
                    corrected_text = " ".join(group[0] for group in groups)
    return RegisterPage(
        contacts=hits.contacts[: query.limit],
        offset=query.offset,
        limit=query.limit,
        has_more=len(hits.contacts) > query.limit,
        corrected_text=corrected_text,
        terms=tuple(terms),
        broad=hits.broad,
    )


def search_contacts(
    query: RegisterQuery, uow: UnitOfWork, actor: Actor, *, today: date | None = None
) -> RegisterPage:
    """One page of contacts for a free-text search with filters (see `RegisterQuery`; `parse_query` turns
    typed input into one, with Dutch problems)."""
    require(actor, Permission.SEARCH_REGISTER)
    with uow:
        return run_search(uow.register, query, today or date.today())


def suggest_contacts(
    organisation: str,
    municipality_code: str | None,
    uow: UnitOfWork,
    actor: Actor,
    *,
    theme: str | None = None,
    limit: int = 10,
    today: date | None = None,
) -> RegisterPage:
    """"Wie bel ik?" for a plan action: contacts of `organisation` ranked for the household's municipality
    (its own contacts, then landelijk, then other regions; verified first).

    A plan action may name the organisation differently from the register. When no organisation carries
    that name, the name is searched as text (typo tolerant: `Belastingdienst/Toeslagen`,
    `Gemeente Amsterdam – Schuldhulpverlening`); when that finds nothing either, the part before a dash
    is tried as the organisation (`Gemeente Amsterdam – Wmo-loket` → `Gemeente Amsterdam`)."""
    require(actor, Permission.SEARCH_REGISTER)
    day = today or date.today()

    def query(**what: str) -> RegisterQuery:
        return parse_query({**what, "context_municipality": municipality_code, "theme": theme, "limit": limit})

    with uow:
        page = run_search(uow.register, query(organisation=organisation), day)
        if page.contacts or not search_words(organisation):
            return page
        page = run_search(uow.register, query(text=organisation), day)
        head = re.split(r"\s+[–—-]\s+", organisation, maxsplit=1)[0]
        if page.contacts or head == organisation:
            return page
        return run_search(uow.register, query(organisation=head), day)


def theme_choices() -> dict[str, str]:
    """Theme code → Dutch label, for a filter list."""
    return dict(themes())


def list_organisations(uow: UnitOfWork, actor: Actor, *, limit: int = 1000) -> list[OrganisationSummary]:
    """The organisations in the register with their number of contacts, for a filter list."""
    require(actor, Permission.SEARCH_REGISTER)
    with uow:
        return uow.register.organisations(limit)


def count_contacts(uow: UnitOfWork, actor: Actor) -> int:
    require(actor, Permission.SEARCH_REGISTER)
    with uow:
        return uow.register.count()


# -- single contacts --------------------------------------------------------------------------------------
def _content(contact: ContactFields | None) -> JsonObject | None:
    if contact is None:
        return None
    return contact.model_dump(mode="json", include=set(ContactFields.model_fields))


def _audit(uow: UnitOfWork, actor: Actor, kind: AuditKind, object_id: str, *,
           before: ContactFields | None = None, after: ContactFields | None = None,
           changes: Mapping[str, tuple[Any, Any]] | None = None) -> None:
    uow.audit.record(audit_event(actor, kind, OBJECT_TYPE, object_id, before=before, after=after, changes=changes,
                                 dump=_content))


def get_contact(contact_id: int, uow: UnitOfWork, actor: Actor) -> RegisterContact:
    require(actor, Permission.SEARCH_REGISTER)
    with uow:
        return uow.register.get(contact_id)


def create_contact(fields: ContactFields, uow: UnitOfWork, actor: Actor) -> RegisterContact:
    """Add a contact (`parse_contact_fields` turns typed input into the fields, with Dutch problems)."""
    require(actor, Permission.MANAGE_REGISTER)
    fields = parse_contact_fields(fields)  # a RegisterContact passes on its fields only
    with uow:
        contact = uow.register.add(fields)
        _audit(uow, actor, AuditKind.CREATE, contact.external_id, after=contact)
        uow.commit()
    return contact


def update_contact(
    contact_id: int, fields: ContactFields, expected_version: int, uow: UnitOfWork, actor: Actor
) -> RegisterContact:
    """Replace the editable fields; StaleVersion when someone saved the contact in between."""
    require(actor, Permission.MANAGE_REGISTER)
    fields = parse_contact_fields(fields)  # a RegisterContact passes on its fields only
    with uow:
        current = uow.register.get(contact_id)
        if fields.external_id != current.external_id:
            other = uow.register.find_by_external_id(fields.external_id)
            if other is not None:
                raise InvalidInput([Problem("external_id", "Deze externe id hoort al bij een ander contact.")])
        updated = RegisterContact.model_construct(
            **fields.model_dump(), id=contact_id, version=expected_version, created_at=current.created_at
        )
        saved = uow.register.save(updated)
        _audit(uow, actor, AuditKind.UPDATE, saved.external_id, before=current, after=saved)
        uow.commit()
    return saved


def mark_verified(
    contact_id: int, expected_version: int, uow: UnitOfWork, actor: Actor, *, today: date | None = None
) -> RegisterContact:
    """Record that the contact was checked today (clears the 'ongeverifieerd' flag for 12 months)."""
    require(actor, Permission.MANAGE_REGISTER)
    day = today or date.today()
    with uow:
        current = uow.register.get(contact_id)
        updated = current.model_copy(update={"last_verified": day, "version": expected_version})
        saved = uow.register.save(updated)
        _audit(uow, actor, AuditKind.UPDATE, saved.external_id, before=current, after=saved)
        uow.commit()
    return saved


def delete_contact(contact_id: int, expected_version: int, uow: UnitOfWork, actor: Actor) -> None:
    require(actor, Permission.MANAGE_REGISTER)
    with uow:
        current = uow.register.get(contact_id)
        uow.register.delete(contact_id, expected_version)
        _audit(uow, actor, AuditKind.DELETE, current.external_id, before=current)
        uow.commit()


# -- import and export ------------------------------------------------------------------------------------
def import_contacts(
    records: Iterable[ImportRecord],
    uow: UnitOfWork,
    actor: Actor,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    batch_size: int = IMPORT_BATCH,
    on_row: Callable[[int], None] | None = None,
) -> ImportReport:
    """Validate and upsert (by external id) every record in one transaction.

    Every rejected row is reported with its line number and Dutch reasons (problem paths are CSV column
    names). By default one rejected row means nothing is saved; with `skip_invalid` the valid rows are
    saved. `dry_run` validates and counts (new vs. updated) but writes nothing. Rows are validated and
    written in batches as they stream in, so a file of any size needs little memory; a file-level error
    raised by `records` (not UTF-8, a broken header) rolls everything back.
    """
    require(actor, Permission.MANAGE_REGISTER)
    report = ImportReport(dry_run=dry_run)
    first_line: dict[str, int] = {}
    batch: list[ContactFields] = []

    def flush() -> None:
        if not batch:
            return
        if dry_run or (report.rejected and not skip_invalid):
            # Nothing will be saved: only count what would happen.
            existing = uow.register.existing_external_ids([c.external_id for c in batch])
            report.updated += len(existing)
            report.inserted += len(batch) - len(existing)
        else:
            inserted, updated = uow.register.upsert_many(batch)
            report.inserted += inserted
            report.updated += updated
        batch.clear()

    with uow:
        for record in records:
            report.rows += 1
            if on_row is not None:
                on_row(report.rows)
            external_id = str(record.values.get("externe_id", "")).strip()[:60]
            if any(not problem.path for problem in record.problems):
                # The row itself is broken (wrong number of fields): its cells are not worth checking.
                report.rejected.append(RejectedRow(record.line, external_id, list(record.problems)))
                continue
            try:
                fields = fields_from_csv(record.values)
            except InvalidInput as exc:
                # Every problem of the row at once; an oversized cell only with the reader's message.
                flagged = {problem.path for problem in record.problems}
                problems = [*record.problems, *(p for p in exc.problems if p.path not in flagged)]
                report.rejected.append(RejectedRow(record.line, external_id, problems))
                continue
            if record.problems:
                report.rejected.append(RejectedRow(record.line, external_id, list(record.problems)))
                continue
            seen = first_line.get(fields.external_id)
            if seen is not None:
                report.rejected.append(RejectedRow(record.line, external_id, [
                    Problem("externe_id", f"{fields.external_id} staat ook al op regel {seen}.")
                ]))
                continue
            first_line[fields.external_id] = record.line
            batch.append(fields)
            if len(batch) >= batch_size:
                flush()
        flush()
        if dry_run or (report.rejected and not skip_invalid):
            uow.rollback()
            return report
        _audit(uow, actor, AuditKind.CREATE, "import", changes={
            "nieuw": (None, report.inserted),
            "bijgewerkt": (None, report.updated),
            "geweigerd": (None, len(report.rejected)),
        })
        uow.commit()
        report.written = True
    return report


def export_contacts(uow: UnitOfWork, actor: Actor, *, batch_size: int = 1000) -> Iterator[RegisterContact]:
    """Every contact, streamed in id order within one read transaction. The permission is checked and the
    export logged when this is called, before the first contact is read."""
    require(actor, Permission.MANAGE_REGISTER)
    with uow:
        total = uow.register.count()
        _audit(uow, actor, AuditKind.EXPORT, "alle", changes={"contacten": (None, total)})
        uow.commit()
    return _stream(uow, batch_size)


def _stream(uow: UnitOfWork, batch_size: int) -> Iterator[RegisterContact]:
    with uow:
        yield from uow.register.iter_contacts(batch_size)


class RegisterService(Bound):
    """The Maatwerkregister use cases, bound to a unit of work and the actor."""

    def search(self, query: RegisterQuery, *, today: date | None = None) -> RegisterPage:
        return search_contacts(query, self.uow, self.actor, today=today)

    def suggest(self, organisation: str, municipality_code: str | None, *, theme: str | None = None,
                limit: int = 10, today: date | None = None) -> RegisterPage:
        return suggest_contacts(organisation, municipality_code, self.uow, self.actor, theme=theme, limit=limit,
                                today=today)

    def organisations(self, *, limit: int = 1000) -> list[OrganisationSummary]:
        return list_organisations(self.uow, self.actor, limit=limit)

    def count(self) -> int:
        return count_contacts(self.uow, self.actor)

    def get(self, contact_id: int) -> RegisterContact:
        return get_contact(contact_id, self.uow, self.actor)

    def create(self, fields: ContactFields) -> RegisterContact:
        return create_contact(fields, self.uow, self.actor)

    def update(self, contact_id: int, fields: ContactFields, expected_version: int) -> RegisterContact:
        return update_contact(contact_id, fields, expected_version, self.uow, self.actor)

    def mark_verified(self, contact_id: int, expected_version: int, *, today: date | None = None) -> RegisterContact:
        return mark_verified(contact_id, expected_version, self.uow, self.actor, today=today)

    def delete(self, contact_id: int, expected_version: int) -> None:
        delete_contact(contact_id, expected_version, self.uow, self.actor)

    def import_contacts(self, records: Iterable[ImportRecord], *, dry_run: bool = False, skip_invalid: bool = False,
                        on_row: Callable[[int], None] | None = None) -> ImportReport:
        return import_contacts(records, self.uow, self.actor, dry_run=dry_run, skip_invalid=skip_invalid,
                               on_row=on_row)

    def export_contacts(self, *, batch_size: int = 1000) -> Iterator[RegisterContact]:
        return export_contacts(self.uow, self.actor, batch_size=batch_size)

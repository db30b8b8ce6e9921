"""The dashboard's figures as items of one household, kept so that a dashboard sums rows instead of walking
every household (issue 18). Pure: no I/O; storage/dashboard_items.py loads the facts and keeps the items.

Every figure of docs/dashboard.md is, per household, a sum over the household's *items* that hold for the
question's period [start, end] and peildatum (P). An item holds when

    lo <= end < hi   and   since >= start   and   due <= P

and adds `n` rows, `h` households and the amounts v1..v4 to its figure and bucket. The bounds carry what a
figure asks of its dates: "registered by the end" is lo = the day of registration, "not closed before the
start" is since = the closing day, "plan in force at the end" is [lo, hi) = [decided_on, superseded_on), "a
deadline before the peildatum" is due = deadline + 1. A household's items are made again from its facts
whenever something of it changes, so they are exactly the definitions, and tests/storage/test_dashboard_items.py
checks every figure against the plain SQL of storage/dashboard.py for many periods.

Counting the households of a bucket where one household can have several rows (two overdue actions, two
escalations) needs its own items: a household is in the bucket when any of its rows holds, and "any of" a set of
conditions `lo_i <= end and since_i >= start` is a staircase, which `_any_of` turns into items that do not
overlap (h = 1 each). The figure's distinct total uses the figure's key with `#` and bucket "".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from domain.dashboard import (
    ONE_ROW_PER_HOUSEHOLD,
    REALISED_UNSPLIT,
    BucketCount,
    Figure,
    FigureCounts,
    RealisedSums,
    RekensomSums,
    ResolvedFact,
    ScoreSums,
)
from domain.escalation import FINAL_STATES
from domain.household_kinds import HouseholdStatus
from domain.overbrugging import AWAITING_SETTLEMENT
from domain.plan import ActionStatus, PlanStatus
from domain.rekensom import Scenario

LOW = date.min
HIGH = date.max
# The definitions' states (docs/dashboard.md), as the stored text values the facts carry.
EXECUTING = frozenset({PlanStatus.VASTGESTELD.value, PlanStatus.IN_UITVOERING.value})
UNFINISHED = frozenset({ActionStatus.OPEN.value, ActionStatus.BEZIG.value, ActionStatus.VASTGELOPEN.value})
AWAITING = frozenset(s.value for s in AWAITING_SETTLEMENT)
FINAL = frozenset(s.value for s in FINAL_STATES)
DONE = ActionStatus.GEDAAN.value
CONCEPT = PlanStatus.CONCEPT.value
CLOSED = HouseholdStatus.AFGESLOTEN.value

LEAD = "lead"
"""Bucket: days from the first decision to the first action done, or WAITING."""
WAITING = "wacht"
RESOLVED = "resolved"
"""Bucket: "level|status|days" of an escalation closed in the period."""
QUALITY = "quality"
"""Bucket: the leefgebied (ZRM) or "rapportcijfer"; v1 the first score, v2 the last."""
PROJECTED = "projected"
PROJECTED_REALISED = "projected_realised"
"""Bucket: the party (v1..v4: huidig pad, doorbraak, kosten huidig pad, kosten doorbraak, in cents) or "" for
the plan itself (n = 1)."""
REALISED = "realised"
"""Bucket: "" the plan (n = 1, v1 its realised costs), else the payer of its split or REALISED_UNSPLIT."""
BOOKED = "booked"
"""Bucket: the voorfinancier; v1 cents booked. BOOKED + "#": the overbruggingen with costs booked (h = 1)."""
SETTLED = "settled"
"""Bucket: the final payer of a settlement decided in the period, v1 its portion in cents; "" counts them."""
DISTINCT = "#"
RAPPORTCIJFER = "rapportcijfer"


@dataclass(frozen=True, slots=True)
class Item:
    figure: str
    bucket: str
    lo: date = LOW
    hi: date = HIGH
    since: date = HIGH
    due: date = LOW
    n: int = 0
    h: int = 0
    v1: int = 0
    v2: int = 0
    v3: int = 0
    v4: int = 0

    def holds(self, start: date, end: date, peildatum: date) -> bool:
        return self.lo <= end < self.hi and self.since >= start and self.due <= peildatum


@dataclass
class PlanFacts:
    id: int
    version: int
    status: str
    decided_on: date | None
    created_day: date
    actions: list[tuple[str, date | None, date | None]] = field(default_factory=list)
    """(status, deadline, done_on)"""
    evaluations: list[tuple[int, date | None, int | None, int | None, dict[str, int] | None]] = field(
        default_factory=list)
    """(moment, on_date, rapportcijfer, realised cents or None, realised split per payer in cents or None)"""
    rekensom: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    """(party, huidig pad, doorbraak, kosten huidig pad, kosten doorbraak) in cents (`plan_rekensom`)"""


@dataclass
class OverbruggingFacts:
    status: str
    settlement_deadline: date | None
    voorfinancier: str
    costs: list[tuple[date | None, int]] = field(default_factory=list)
    """(booked_on, cents)"""
    settled_on: date | None = None
    portions: list[tuple[str, int]] = field(default_factory=list)
    """(payer, cents) of a decided settlement (domain.overbrugging.Settlement.portions)"""


@dataclass
class HouseholdFacts:
    id: int
    municipality_code: str
    created_day: date
    """The Dutch calendar day of `created_at`."""
    closed_on: date | None
    status: str
    professional: str
    plans: list[PlanFacts] = field(default_factory=list)
    zrm: dict[tuple[int, str], list[tuple[date, int, int]]] = field(default_factory=dict)
    """(member, leefgebied) → [(scored_on, moment, score)]"""
    escalations: list[tuple[str, str, date, date | None, date | None]] = field(default_factory=list)
    """(status, level, created_on, closed_on, submitted_on)"""
    overbruggingen: list[OverbruggingFacts] = field(default_factory=list)


def cents(amount: Decimal | float | int | str) -> int:
    """Whole cents, half away from zero (as SQL's round(amount * 100))."""
    return int((Decimal(str(amount)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _next_day(day: date) -> date:
    return day if day == HIGH else day + timedelta(days=1)


def _any_of(figure: str, bucket: str, conditions: Iterable[tuple[date, date]], *, hi: date = HIGH,
            lo_floor: date = LOW) -> Iterator[Item]:
    """Items (h = 1, not overlapping) for "any of these (lo, since) holds": lo <= end and since >= start."""
    ordered = sorted((max(lo, lo_floor), since) for lo, since in conditions)
    steps: list[tuple[date, date]] = []  # (from this lo on, the latest since of all that started)
    for lo, since in ordered:
        if lo >= hi:
            break
        if steps and steps[-1][0] == lo:
            steps[-1] = (lo, max(steps[-1][1], since))
        elif not steps or since > steps[-1][1]:
            steps.append((lo, max(since, steps[-1][1]) if steps else since))
    for index, (lo, since) in enumerate(steps):
        upper = steps[index + 1][0] if index + 1 < len(steps) else hi
        yield Item(figure, bucket, lo=lo, hi=upper, since=since, h=1)


def in_force_segments(plans: list[PlanFacts]) -> list[tuple[PlanFacts, date, date]]:
    """Per decided version: [decided_on, the first later decision) — the days on which it is the plan in force
    (storage/plan_summary.py: `superseded_on`); empty spans left out."""
    decided = [p for p in plans if p.status != CONCEPT and p.decided_on is not None]
    segments = []
    for plan in decided:
        later = [p.decided_on for p in decided if p.version > plan.version and p.decided_on is not None]
        hi = min(later) if later else HIGH
        assert plan.decided_on is not None
        if plan.decided_on < hi:
            segments.append((plan, plan.decided_on, hi))
    return sorted(segments, key=lambda s: s[1])


def household_items(f: HouseholdFacts) -> list[Item]:
    """Every item of one household (all figures)."""
    items: list[Item] = []
    cd = f.created_day
    closed = f.closed_on or HIGH
    add = items.append
    add(Item(Figure.CASELOAD_STATUS, f.status, lo=cd, since=closed, n=1, h=1))
    add(Item(Figure.CASELOAD_PROFESSIONAL, f.professional or "", lo=cd, since=closed, n=1, h=1))
    flow_days = [cd]
    add(Item(Figure.CASELOAD_FLOW, "nieuw", lo=cd, since=cd, n=1, h=1))
    add(Item(Figure.NEW_BY_MONTH, cd.strftime("%Y-%m"), since=cd, due=cd, n=1, h=1))
    if f.closed_on is not None:
        add(Item(Figure.CASELOAD_FLOW, "afgesloten", lo=f.closed_on, since=f.closed_on, n=1, h=1))
        add(Item(Figure.CLOSED_BY_MONTH, f.closed_on.strftime("%Y-%m"), since=f.closed_on, due=f.closed_on,
                 n=1, h=1))
        flow_days.append(f.closed_on)
    items.extend(_any_of(Figure.CASELOAD_FLOW + DISTINCT, "", [(d, d) for d in flow_days]))

    segments = [(plan, max(lo, cd), hi) for plan, lo, hi in in_force_segments(f.plans) if max(lo, cd) < hi]
    items.extend(_steps(f, segments, closed))
    if f.status != CLOSED:
        items.extend(_overdue_actions(segments, closed))
    items.extend(_settlements_overdue(f, closed))
    items.extend(_escalations(f, closed))
    items.extend(_lead_time(f, closed))
    items.extend(_quality(f, segments, closed))
    items.extend(_rekensom(segments, closed))
    items.extend(_realised(segments, closed))
    items.extend(_overbrugging_money(f))
    return items


def _steps(f: HouseholdFacts, segments: list[tuple[PlanFacts, date, date]], closed: date) -> Iterator[Item]:
    """plans.step: the status of the plan in force; else `concept` once a version exists, else `geen`."""
    cd = f.created_day
    first_plan = min((p.created_day for p in f.plans), default=HIGH)
    points = sorted({cd, max(cd, first_plan), *(lo for _, lo, _ in segments), *(hi for _, _, hi in segments)})
    points = [p for p in points if cd <= p < HIGH]
    spans: list[tuple[date, date, str]] = []
    for index, lo in enumerate(points):
        hi = points[index + 1] if index + 1 < len(points) else HIGH
        in_force = next((plan.status for plan, s_lo, s_hi in segments if s_lo <= lo < s_hi), None)
        bucket = in_force or (CONCEPT if first_plan <= lo else "geen")
        if spans and spans[-1][2] == bucket and spans[-1][1] == lo:
            spans[-1] = (spans[-1][0], hi, bucket)
        else:
            spans.append((lo, hi, bucket))
    for lo, hi, bucket in spans:
        yield Item(Figure.PLANS_STEP, bucket, lo=lo, hi=hi, since=closed, n=1, h=1)


def _overdue_actions(segments: list[tuple[PlanFacts, date, date]], closed: date) -> Iterator[Item]:
    figure = Figure.OVERDUE_ACTIONS
    for plan, lo, hi in segments:
        if plan.status not in EXECUTING:
            continue
        firsts: dict[str, date] = {}
        for status, deadline, _ in plan.actions:
            if status in UNFINISHED and deadline is not None:
                yield Item(figure, status, lo=lo, hi=hi, since=closed, due=_next_day(deadline), n=1)
                firsts[status] = min(firsts.get(status, HIGH), deadline)
        for status, deadline in firsts.items():
            yield Item(figure, status, lo=lo, hi=hi, since=closed, due=_next_day(deadline), h=1)
        if firsts:
            yield Item(figure + DISTINCT, "", lo=lo, hi=hi, since=closed, due=_next_day(min(firsts.values())), h=1)


def _settlements_overdue(f: HouseholdFacts, closed: date) -> Iterator[Item]:
    figure = Figure.OVERDUE_SETTLEMENTS
    firsts: dict[str, date] = {}
    for o in f.overbruggingen:
        if o.status in AWAITING and o.settlement_deadline is not None:
            yield Item(figure, o.status, lo=f.created_day, since=closed, due=_next_day(o.settlement_deadline), n=1)
            firsts[o.status] = min(firsts.get(o.status, HIGH), o.settlement_deadline)
    for status, deadline in firsts.items():
        yield Item(figure, status, lo=f.created_day, since=closed, due=_next_day(deadline), h=1)
    if firsts:
        yield Item(figure + DISTINCT, "", lo=f.created_day, since=closed, due=_next_day(min(firsts.values())), h=1)


def _escalations(f: HouseholdFacts, closed: date) -> Iterator[Item]:
    figure = Figure.ESCALATIONS_STATUS
    per_status: dict[str, list[tuple[date, date]]] = {}
    for status, level, created_on, closed_on, submitted_on in f.escalations:
        lo = max(f.created_day, created_on)
        since = min(closed, closed_on or HIGH)
        yield Item(figure, status, lo=lo, since=since, n=1)
        per_status.setdefault(status, []).append((lo, since))
        if status in FINAL and submitted_on is not None and closed_on is not None:
            bucket = f"{level}|{status}|{(closed_on - submitted_on).days}"
            yield Item(RESOLVED, bucket, lo=closed_on, since=closed_on, n=1)
    for status, conditions in per_status.items():
        yield from _any_of(figure, status, conditions)
    yield from _any_of(figure + DISTINCT, "", [c for cs in per_status.values() for c in cs])


def _lead_time(f: HouseholdFacts, closed: date) -> Iterator[Item]:
    decided = [p for p in f.plans if p.decided_on is not None]
    if not decided:
        return
    first = min(decided, key=lambda p: p.version)
    day = first.decided_on
    assert day is not None
    done = [d for p in f.plans for status, _, d in p.actions if status == DONE and d is not None and d >= day]
    bucket = str((min(done) - day).days) if done else WAITING
    yield Item(LEAD, bucket, lo=max(f.created_day, day), since=min(closed, day), n=1, h=1)


def _prefixes(scores: list[tuple[date, int, int]]) -> Iterator[tuple[date, date, int, int]]:
    """For a series ordered by (day, moment): (from, until, first score, last score) of each prefix of two or
    more scores that is the whole series up to an end in [from, until)."""
    ordered = sorted(scores, key=lambda s: (s[0], s[1]))
    for j in range(1, len(ordered)):
        day = ordered[j][0]
        following = ordered[j + 1][0] if j + 1 < len(ordered) else HIGH
        if following > day:
            yield day, following, ordered[0][2], ordered[j][2]


def _quality(f: HouseholdFacts, segments: list[tuple[PlanFacts, date, date]], closed: date) -> Iterator[Item]:
    for (_, leefgebied), scores in sorted(f.zrm.items()):
        for day, following, first, last in _prefixes(scores):
            for _, lo, hi in segments:
                start, stop = max(day, lo), min(following, hi)
                if start < stop:
                    yield Item(QUALITY, leefgebied, lo=start, hi=stop, since=min(day, closed), n=1, v1=first, v2=last)
    for plan, lo, hi in segments:
        grades = [(on, moment, grade) for moment, on, grade, _, _ in plan.evaluations
                  if on is not None and grade is not None]
        for day, following, first, last in _prefixes(grades):
            start, stop = max(day, lo), min(following, hi)
            if start < stop:
                yield Item(QUALITY, RAPPORTCIJFER, lo=start, hi=stop, since=min(day, closed), n=1, v1=first, v2=last)


def _rekensom(segments: list[tuple[PlanFacts, date, date]], closed: date) -> Iterator[Item]:
    for plan, lo, hi in segments:
        recorded = [on or LOW for _, on, _, realised, _ in plan.evaluations if realised is not None]
        spans = [(PROJECTED, lo)]
        if recorded and max(lo, min(recorded)) < hi:
            spans.append((PROJECTED_REALISED, max(lo, min(recorded))))
        for figure, start in spans:
            yield Item(figure, "", lo=start, hi=hi, since=closed, n=1)
            for party, huidig, doorbraak, kosten_huidig, kosten_doorbraak in plan.rekensom:
                yield Item(figure, party, lo=start, hi=hi, since=closed, n=1, v1=huidig, v2=doorbraak,
                           v3=kosten_huidig, v4=kosten_doorbraak)


def _realised(segments: list[tuple[PlanFacts, date, date]], closed: date) -> Iterator[Item]:
    """Per plan in force: its latest evaluation (by moment) with realised costs dated on or before the end."""
    for plan, lo, hi in segments:
        recorded = [(on or LOW, moment, realised, split) for moment, on, _, realised, split in plan.evaluations
                    if realised is not None]
        if not recorded:
            continue
        points = sorted({max(on, lo) for on, _, _, _ in recorded if max(on, lo) < hi})
        for index, start in enumerate(points):
            stop = points[index + 1] if index + 1 < len(points) else hi
            known = [r for r in recorded if r[0] <= start]
            _, _, realised, split = max(known, key=lambda r: r[1])
            assert realised is not None
            yield Item(REALISED, "", lo=start, hi=stop, since=closed, n=1, v1=realised)
            if split:
                for payer, amount in split.items():
                    yield Item(REALISED, payer, lo=start, hi=stop, since=closed, n=1, v1=amount)
            else:
                yield Item(REALISED, REALISED_UNSPLIT, lo=start, hi=stop, since=closed, n=1, v1=realised)


def _overbrugging_money(f: HouseholdFacts) -> Iterator[Item]:
    for o in f.overbruggingen:
        days = []
        for booked_on, amount in o.costs:
            if booked_on is not None:
                yield Item(BOOKED, o.voorfinancier, lo=booked_on, since=booked_on, n=1, v1=amount)
                days.append((booked_on, booked_on))
        yield from _any_of(BOOKED + DISTINCT, o.voorfinancier, days)
        if o.settled_on is not None:
            yield Item(SETTLED, "", lo=o.settled_on, since=o.settled_on, n=1)
            for payer, amount in o.portions:
                yield Item(SETTLED, payer, lo=o.settled_on, since=o.settled_on, n=1, v1=amount)


# -- from the sums back to the figures --------------------------------------------------------------------

Sums = dict[tuple[str, str], tuple[int, ...]]
"""(figure, bucket) → (n, h, v1, v2, v3, v4) of the items that hold for a question."""


@dataclass(frozen=True)
class KeptFigures:
    """Every figure of one question, from the kept items (what the row-by-row methods of the dashboard
    repository answer one by one)."""

    counts: dict[str, FigureCounts]
    done_days: list[int]
    pending: int
    resolved: list[ResolvedFact]
    scores: list[ScoreSums]
    projected: RekensomSums
    projected_realised: RekensomSums
    realised: RealisedSums
    settled_count: int
    settled_cents: dict[str, int]


COUNTED = (Figure.CASELOAD_STATUS, Figure.CASELOAD_PROFESSIONAL, Figure.CASELOAD_FLOW, Figure.NEW_BY_MONTH,
           Figure.CLOSED_BY_MONTH, Figure.PLANS_STEP, Figure.OVERDUE_ACTIONS, Figure.OVERDUE_SETTLEMENTS,
           Figure.ESCALATIONS_STATUS)


def _buckets(sums: Sums, figure: str) -> list[tuple[str, tuple[int, ...]]]:
    return sorted((bucket, values) for (f, bucket), values in sums.items() if f == figure and values[0] > 0)


def _rekensom_sums(sums: Sums, figure: str) -> RekensomSums:
    plans = sums.get((figure, ""), (0,) * 6)[0]
    amounts: dict[tuple[str, str], int] = {}
    kosten = {Scenario.HUIDIG_PAD.value: 0, Scenario.DOORBRAAK.value: 0}
    for party, (_, _, huidig, doorbraak, kosten_huidig, kosten_doorbraak) in _buckets(sums, figure):
        if party:
            amounts[(Scenario.HUIDIG_PAD.value, party)] = huidig
            amounts[(Scenario.DOORBRAAK.value, party)] = doorbraak
            kosten[Scenario.HUIDIG_PAD.value] += kosten_huidig
            kosten[Scenario.DOORBRAAK.value] += kosten_doorbraak
    return RekensomSums(plans=plans, cents=amounts, kosten_cents=kosten)


def kept_figures(sums: Sums) -> KeptFigures:
    """The figures of a question from the sums of its items."""
    counts = {}
    for figure in COUNTED:
        buckets = [BucketCount(bucket, values[0], values[1]) for bucket, values in _buckets(sums, figure)]
        if figure in ONE_ROW_PER_HOUSEHOLD:
            total = sum(b.households for b in buckets)
        else:
            total = sum(values[1] for (f, _), values in sums.items() if f == figure + DISTINCT)
        counts[figure] = FigureCounts(buckets, total)
    done_days: list[int] = []
    pending = 0
    for bucket, values in _buckets(sums, LEAD):
        if bucket == WAITING:
            pending = values[0]
        else:
            done_days += [int(bucket)] * values[0]
    resolved = []
    for bucket, values in _buckets(sums, RESOLVED):
        level, status, days = bucket.split("|")
        resolved += [ResolvedFact(level, status, int(days))] * values[0]
    scores = [ScoreSums(key, values[0], values[2], values[3]) for key, values in _buckets(sums, QUALITY)]
    plan_row = sums.get((REALISED, ""), (0,) * 6)
    by_payer = {payer: Decimal(values[2]) / 100 for payer, values in _buckets(sums, REALISED) if payer}
    realised = RealisedSums(
        plans=plan_row[0],
        plan_costs=Decimal(plan_row[2]) / 100,
        booked_by_voorfinancier={who: Decimal(values[2]) / 100 for who, values in _buckets(sums, BOOKED)},
        booked_overbruggingen=sum(values[1] for (f, _), values in sums.items() if f == BOOKED + DISTINCT),
        settlements=[],
        plan_costs_by_payer=by_payer,
        unsplit_plans=sums.get((REALISED, REALISED_UNSPLIT), (0,) * 6)[0],
    )
    return KeptFigures(
        counts=counts, done_days=sorted(done_days), pending=pending, resolved=resolved, scores=scores,
        projected=_rekensom_sums(sums, PROJECTED), projected_realised=_rekensom_sums(sums, PROJECTED_REALISED),
        realised=realised, settled_count=sums.get((SETTLED, ""), (0,) * 6)[0],
        settled_cents={payer: values[2] for payer, values in _buckets(sums, SETTLED) if payer},
    )


def holding_sums(items: Iterable[Item], start: date, end: date, peildatum: date) -> Sums:
    """The sums of the items that hold, in Python (what storage sums in SQL; for tests and checks)."""
    totals: dict[tuple[str, str], list[int]] = {}
    for i in items:
        if i.holds(start, end, peildatum):
            t = totals.setdefault((i.figure, i.bucket), [0] * 6)
            for index, value in enumerate((i.n, i.h, i.v1, i.v2, i.v3, i.v4)):
                t[index] += value
    return {key: tuple(values) for key, values in totals.items()}


__all__ = ["HouseholdFacts", "Item", "KeptFigures", "OverbruggingFacts", "PlanFacts", "cents", "holding_sums",
           "household_items", "in_force_segments", "kept_figures"]

"""The resident's plan: the maatwerkplan in plain language (taalniveau B1), as PDF or Markdown.

Drawn from the same plan data as the professional's document (tui/render/plan.py), but written for the
household: short sentences, no legal jargon, and three questions answered — what are we going to do, who
does what, and when. The legal paragraph and the rekensom are left out (the resident may ask for the full
plan; the text says so). Text typed by professionals is shown as typed, except that references to legal
articles ("art. 35 Pw", "Awb 4:84") are taken out (`without_legal_references`). Every adult member (18 or
over on the day the document is made) and the professional get a signature line.
"""

from __future__ import annotations

import re
from datetime import date

from domain.plan import ActionStatus, PlanStatus
from domain.services.plans import PlanOverview
from domain.validation import age_on
from tui.render.blocks import Block, BlockBuilder, Progress, Table
from tui.render.format import format_date
from tui.render.markdown import blocks_markdown
from tui.render.pdf import blocks_pdf
from tui.render.plan import resident_signatures

PLAIN_LEEFGEBIED: dict[str, str] = {
    "financien": "geld en schulden",
    "werk_opleiding": "werk en school",
    "tijdsbesteding": "wat u overdag doet",
    "huisvesting": "wonen",
    "huiselijke_relaties": "het gezin en de relaties thuis",
    "geestelijke_gezondheid": "hoe u zich voelt in uw hoofd",
    "lichamelijke_gezondheid": "uw lichaam en gezondheid",
    "middelengebruik": "alcohol, drugs of medicijnen",
    "basale_adl": "zelf eten, wassen en aankleden",
    "instrumentele_adl": "het huishouden en de post",
    "sociaal_netwerk": "familie, vrienden en buren",
    "maatschappelijke_participatie": "meedoen in de buurt",
    "justitie": "politie en justitie",
}
"""The ZRM leefgebieden in everyday words."""

PLAIN_STATUS: dict[ActionStatus, str] = {
    ActionStatus.OPEN: "Nog niet begonnen",
    ActionStatus.BEZIG: "Bezig",
    ActionStatus.GEDAAN: "Klaar",
    ActionStatus.VASTGELOPEN: "Loopt vast",
}

_LAW = (
    r"(?:Awb|Pw|BW|Rv|Wmo(?:\s*2015)?|Zvw|Wlz|AVG|UAVG|AKW|WAHV|Awir|Wgs|Wet\s+BRP|Jeugdwet|Participatiewet|"
    r"Gemeentewet|Invorderingswet(?:\s*1990)?|Leerplichtwet(?:\s*1969)?|[A-Z][a-z]+wet)"
)
_ARTICLE = (
    r"(?:art(?:ikel|\.)?\s*\d+[\w:.]*(?:\s*(?:-|–|t/m|tot en met)\s*\d+[\w:.]*)?"
    r"(?:\s+lid\s+\d+\w*)?(?:\s+(?:onder|sub)\s+\w\b)?(?:\s+e\.v\.)?(?:\s+(?:van\s+de\s+)?" + _LAW + r")?)"
)
_LEGAL_REFERENCES = (
    re.compile(r"\s*\([^()]*?(?:\bart(?:ikel|\.)?\s*\d|\b\d+:\d+|\bBWBR\d|\bECLI:)[^()]*\)", re.IGNORECASE),
    re.compile(r"(?:\b" + _LAW + r"\s+)?\b" + _ARTICLE, re.IGNORECASE),
    re.compile(r"\b" + _LAW + r"\s+\d+:\d+\w*(?:\s+lid\s+\d+)?", re.IGNORECASE),
    re.compile(r"\b\d+:\d+\w*(?:\s+lid\s+\d+)?\s+" + _LAW, re.IGNORECASE),
    re.compile(r"\bBWBR\d+\b|\bECLI:[A-Z0-9:]+", re.IGNORECASE),
)


def without_legal_references(text: str) -> str:
    """The text without references to legal articles (a resident's plan names no articles)."""
    for pattern in _LEGAL_REFERENCES:
        text = pattern.sub("", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\s+([,.;:)])", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    return text.strip()


def _plain(text: str) -> str:
    return without_legal_references(text)


def plain_leefgebied(code: str | None) -> str:
    return PLAIN_LEEFGEBIED.get(code or "", "")


def plain_status(status: ActionStatus, done_on: date | None) -> str:
    if status is ActionStatus.GEDAAN and done_on is not None:
        return f"Klaar op {format_date(done_on)}"
    return PLAIN_STATUS[status]


# -- the sections -------------------------------------------------------------------------------------------------


def _about(b: BlockBuilder, overview: PlanOverview, on: date) -> None:
    household, plan = overview.household, overview.plan
    b.heading("Over dit plan")
    b.para("In dit plan staat wat we gaan doen. En wie wat doet, en wanneer.")
    if household.professional:
        b.para(f"U maakt dit plan samen met {household.professional}.")
    if plan.status is PlanStatus.CONCEPT:
        b.para("Dit plan is nog niet klaar. Teken het nog niet.")
    if household.members:
        b.para("", "Voor wie is dit plan?")
        b.bullets([f"{m.name} ({age_on(m.date_of_birth, on)} jaar)" for m in household.members])


def _perspective(b: BlockBuilder, overview: PlanOverview, on: date) -> None:
    b.heading("Waar wilt u over een jaar staan?")
    text = _plain(overview.plan.perspectief)
    if text:
        b.para("Dit zegt u zelf:")
        b.para(text)
    else:
        b.para("Dit schrijven we nog samen op.")


def _obstacle(b: BlockBuilder, overview: PlanOverview, on: date) -> None:
    plan = overview.plan
    b.heading("Wat zit het meest in de weg?")
    problem = plan.obstacle_problem(overview.household)
    area = plain_leefgebied(problem.leefgebied if problem is not None else plan.sta_in_de_weg.leefgebied)
    if area:
        b.para(f"Het grootste probleem gaat over {area}.")
    explanation = _plain(plan.sta_in_de_weg.toelichting)
    if explanation:
        b.para(explanation)
    if not area and not explanation:
        b.para("Dit zoeken we nog samen uit.")


def _solution(b: BlockBuilder, overview: PlanOverview, on: date) -> None:
    b.heading("Wat is de oplossing?")
    b.para(_plain(overview.plan.doorbraak) or "Dit bedenken we nog samen.")


def _goals(b: BlockBuilder, overview: PlanOverview, on: date) -> None:
    b.heading("Wat willen we bereiken?")
    goals = [_plain(g.text) for g in overview.plan.goals]
    if goals:
        b.bullets([g for g in goals if g])
    else:
        b.para("Dit schrijven we nog samen op.")


def _actions(b: BlockBuilder, overview: PlanOverview, on: date) -> None:
    b.heading("Wat gaan we doen? Wie doet wat, en wanneer?")
    actions = overview.plan.actions
    if not actions:
        b.para("We spreken dit nog samen af.")
        return
    b.table(
        Table(
            headers=("Wat gaan we doen?", "Wie doet het?", "Contact", "Klaar vóór", "Hoe staat het?"),
            rows=tuple(
                (
                    _plain(a.what),
                    a.owner_organisation or "Nog niet bekend",
                    a.contact,
                    format_date(a.deadline) or "Nog niet bekend",
                    plain_status(a.status, a.done_on),
                )
                for a in actions
            ),
            widths=(36, 19, 23, 11, 11),
        )
    )
    stuck = [a for a in actions if a.status is ActionStatus.VASTGELOPEN]
    if stuck:
        b.para("Loopt iets vast? Dan zoeken we samen een andere weg.")


def _check_ins(b: BlockBuilder, overview: PlanOverview, on: date) -> None:
    b.heading("Wanneer kijken we hoe het gaat?")
    b.para("We kijken samen hoe het gaat. Dat doen we na 3, 6 en 12 maanden. U geeft dan zelf een cijfer van 1 tot 10.")
    done = [
        f"{format_date(e.on_date) or ('Bij de start' if e.moment == 0 else f'Na {e.moment} maanden')}: "
        + (f"u gaf een {e.rapportcijfer}." if e.rapportcijfer is not None else "we hebben gepraat.")
        for e in overview.plan.evaluations
    ]
    if done:
        b.para("", "Zo ging het tot nu toe")
        b.bullets(done)


def _consent(b: BlockBuilder, overview: PlanOverview, on: date) -> None:
    b.heading("Wat mogen wij delen?")
    consent = overview.plan.consent
    if consent is None:
        b.para("Wij vragen u nog of wij gegevens mogen delen. En met wie.")
        return
    b.para(f"{consent.given_by} gaf op {format_date(consent.given_on)} toestemming om gegevens te delen.")
    scope = _plain(consent.scope)
    if scope:
        b.para(f"Dit mogen wij delen: {scope}")


def _approval(b: BlockBuilder, overview: PlanOverview, on: date) -> None:
    b.heading("Is het plan goedgekeurd?")
    decision = overview.plan.decision
    if decision is None:
        b.para("Nog niet. De gemeente moet het plan nog goedkeuren.")
    else:
        b.para(f"Ja. {decision.decided_by} van de gemeente keurde het plan goed op {format_date(decision.decided_on)}.")


def _questions(b: BlockBuilder, overview: PlanOverview, on: date) -> None:
    b.heading("Hebt u een vraag?")
    who = overview.household.professional or "uw hulpverlener"
    b.para(f"Klopt er iets niet? Of begrijpt u iets niet? Vraag het aan {who}.")
    b.para("Er is ook een uitgebreid plan voor de hulpverleners. Daarin staan de regels en de kosten.")
    b.para("U mag dat plan altijd inzien.")


def _sign(b: BlockBuilder, overview: PlanOverview, on: date) -> None:
    b.heading("Samen afspreken")
    b.para("Wij spreken dit plan samen af. Iedereen van 18 jaar of ouder tekent. De hulpverlener tekent ook.")
    b.signatures((*resident_signatures(overview, on), ("Hulpverlener", overview.household.professional)))


SECTIONS = (
    _about,
    _perspective,
    _obstacle,
    _solution,
    _goals,
    _actions,
    _check_ins,
    _consent,
    _approval,
    _questions,
    _sign,
)


def document_blocks(overview: PlanOverview, generated_on: date) -> list[Block]:
    builder = BlockBuilder()
    for section in SECTIONS:
        section(builder, overview, generated_on)
    return builder.blocks


def title_lines(overview: PlanOverview, generated_on: date) -> tuple[str, str]:
    plan = overview.plan
    status = "ontwerp, nog niet tekenen" if plan.status is PlanStatus.CONCEPT else "goedgekeurd"
    if plan.status is not PlanStatus.CONCEPT and plan.decision is None:
        status = plan.status.label.lower()
    return (
        f"Ons plan – {overview.household.name}",
        f"Versie {plan.plan_version} · {status} · gemaakt op {format_date(generated_on)}",
    )


def render_markdown(overview: PlanOverview, generated_on: date, progress: Progress | None = None) -> str:
    title, subtitle = title_lines(overview, generated_on)
    return blocks_markdown(title, subtitle, document_blocks(overview, generated_on), progress)


def render_pdf(overview: PlanOverview, generated_on: date, progress: Progress | None = None) -> bytes:
    title, subtitle = title_lines(overview, generated_on)
    name = f"Plan voor de bewoner {overview.household.case_number} versie {overview.plan.plan_version}"
    return blocks_pdf(
        title,
        subtitle,
        document_blocks(overview, generated_on),
        document_title=name,
        footer=f"Plan {overview.household.case_number} versie {overview.plan.plan_version}",
        progress=progress,
    )

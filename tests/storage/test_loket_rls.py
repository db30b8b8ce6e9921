"""Under row-level security the personal PostgreSQL roles use the loket as their rights say: a professional and
the LET ask and follow up questions, a coordinator reads the report, beheer may not use the loket (in the app)
and its database role can only read the tables."""

from __future__ import annotations

from datetime import date

import pytest

from domain.access import AccessDenied
from domain.knelpunt import KnelpuntCategory
from domain.loket import LoketStatus
from domain.services import knelpunten
from domain.services.knelpunten import KnelpuntDraft
from domain.services.loket import AskLoket, ChangeLoketStatus, ask_loket, change_loket_status, loket_report
from storage.bootstrap import open_database
from storage.settings import Settings
from tests.storage.rls_support import PASSWORD, Secured, refused, rows

pytestmark = pytest.mark.postgres


def test_professional_and_let_use_the_loket_and_beheer_only_reads(secured: Secured) -> None:
    anna = open_database(Settings(database_url=secured.url, auth="postgres"))
    anna.login(secured.login("anna"), PASSWORD)
    k = knelpunten.add_knelpunt(
        KnelpuntDraft(title="Toeslag teruggevorderd", category=KnelpuntCategory.UITVOERING,
                      unintended_effect="De huur blijft onbetaald.", signalled_on=date(2026, 3, 1)),
        anna.uow(), anna.actor)
    assert k.id is not None
    vraag = ask_loket(AskLoket(k.id, "FIN-TS", "Kan de terugvordering wachten?", date(2026, 3, 2)), anna.uow(),
                      anna.actor)
    assert vraag.id is not None
    anna.close()

    lotte = open_database(Settings(database_url=secured.url, auth="postgres"))
    lotte.login(secured.login("lotte"), PASSWORD)
    done = change_loket_status(ChangeLoketStatus(vraag.id, LoketStatus.BEANTWOORD, vraag.version, date(2026, 3, 9),
                                                 answer="Ja, zes maanden."), lotte.uow(), lotte.actor)
    assert done.status is LoketStatus.BEANTWOORD and len(done.steps) == 2
    lotte.close()

    carla = open_database(Settings(database_url=secured.url, auth="postgres"))
    carla.login(secured.login("carla"), PASSWORD)
    report = loket_report(carla.uow(), carla.actor, today=date(2026, 3, 10))
    assert [(m.code, m.total, m.open) for m in report.ministries] == [("FIN-TS", 1, 0)]
    carla.close()
    bea = open_database(Settings(database_url=secured.url, auth="postgres"))
    bea.login(secured.login("bea"), PASSWORD)
    with pytest.raises(AccessDenied):
        ask_loket(AskLoket(k.id, "SZW", "Mag dit?"), bea.uow(), bea.actor)
    bea.close()
    beheer = secured.engine_as("bea")
    assert refused(beheer, "UPDATE loket_vraag SET answer = 'iets anders'")  # no write grant, whatever the app says
    assert refused(beheer, "DELETE FROM loket_vraag_step")
    assert rows(beheer, "SELECT status FROM loket_vraag") == ["beantwoord"]
    beheer.dispose()

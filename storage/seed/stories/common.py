"""Pieces several stories share: privacy bases, the kinderbijslag line, standard texts.

Legal bases are ids of domain/reference/rechtsgronden.json. Health data (GGZ, addiction, a medical
condition) are special personal data: AVG art. 9 with UAVG art. 30 and the sector rule (Wmo 2015 art.
5.1.1 for support, Jeugdwet § 7.4 for youth care), never AVG art. 6 alone.
"""

from __future__ import annotations

from storage.seed.stories.model import KINDERBIJSLAG, Basis, Organisation

TAAK = Basis("avg_6", "Wettelijke taak van het college (art. 6 lid 1 onder e AVG) voor de uitvoering van dit plan.")
GEZONDHEID_WMO = (
    TAAK,
    Basis("avg_9", "Gezondheidsgegevens zijn bijzondere persoonsgegevens: alleen met een uitzondering op het verbod."),
    Basis("uavg_30", "Uitzondering voor hulpverleners en instellingen die zorg of ondersteuning bieden."),
    Basis("wmo_5_1_1", "Het college verwerkt gezondheidsgegevens voor zover nodig voor de maatwerkvoorziening."),
)
GEZONDHEID_JEUGD = (
    TAAK,
    Basis("avg_9", "Gezondheidsgegevens zijn bijzondere persoonsgegevens: alleen met een uitzondering op het verbod."),
    Basis("uavg_30", "Uitzondering voor hulpverleners en instellingen die zorg of ondersteuning bieden."),
    Basis("jeugdwet_7_4", "Het college verwerkt gegevens van de jeugdige voor zover nodig voor de jeugdhulp."),
)
ALLEEN_TAAK = (TAAK,)

PRIVACY_GEWOON = "Elke organisatie krijgt alleen de gegevens die zij voor haar eigen actie nodig heeft."
PRIVACY_GEZONDHEID = (
    "Gegevens over gezondheid en behandeling gaan alleen naar de hulpverleners die ze voor hun actie nodig "
    "hebben; schuldeisers en de woningcorporatie krijgen ze niet."
)

SVB_KINDERBIJSLAG = Organisation("SVB", "landelijke_uitvoeringsorganisatie", "Overig", "Kinderbijslag", KINDERBIJSLAG)
"""Kinderbijslag at the SVB amounts of 2026 for the household's own children."""

GELIJK = (
    "Ieder huishouden met dezelfde samenloop van problemen en hetzelfde risico krijgt dezelfde afweging; "
    "het besluit is eenmalig en schept geen recht voor gevallen met één probleem."
)

"""Utrecht (GM0344): six households of Buurtteam Overvecht (Linda Vermeulen) and Buurtteam Kanaleneiland
(Youssef Amrani). Plans are decided by the maatwerkfunctionaris Latifa Bouali."""

from __future__ import annotations

from storage.seed.stories.common import (
    GELIJK,
    GEZONDHEID_JEUGD,
    GEZONDHEID_WMO,
    PRIVACY_GEZONDHEID,
    SVB_KINDERBIJSLAG,
)
from storage.seed.stories.model import (
    HUISHOUDEN,
    Action,
    Basis,
    Cost,
    Evaluation,
    Goal,
    Organisation,
    Person,
    Plan,
    Problem,
    Story,
)

GEMEENTE = "GM0344"
OVERVECHT = "Gemeente Utrecht – Buurtteam Overvecht"
KANALENEILAND = "Gemeente Utrecht – Buurtteam Kanaleneiland"
WERK_INKOMEN = "Gemeente Utrecht – Werk en Inkomen"
SCHULDHULP = "Gemeente Utrecht – Schuldhulpverlening"
WMO = "Gemeente Utrecht – Wmo"

EL_AMRANI = Story(
    key="el_amrani",
    summary="Karim El Amrani (geboren 29 februari 1988, Utrecht) kwam in september uit detentie terug bij zijn "
    "partner Souad, met schulden en zonder werk; net aangemeld.",
    name="Huishouden El Amrani",
    municipality=GEMEENTE,
    team="Buurtteam Kanaleneiland",
    professional="Youssef Amrani",
    status="aangemeld",
    registered="2026-10-27 07:20",
    updated=None,
    address=("Columbuslaan", "305", "3526 EP", "Utrecht"),
    people=(
        Person("Karim El Amrani", "1988-02-29", "hoofdbewoner", bsn=True),
        Person("Souad El Amrani", "1990-10-05", "partner"),
    ),
    problems=(
        Problem(
            "justitie",
            2,
            "In september 2026 vrijgekomen na acht maanden detentie; reclasseringstoezicht.",
            since="2026-09-10",
            who="Karim",
        ),
        Problem(
            "financien",
            2,
            "€ 14.500 schulden, waarvan een deel bij het CJIB; Souad betaalde de huur alleen.",
            since="2026-01-01",
        ),
    ),
    organisations=(
        Organisation("Reclassering Nederland", "justitie", "Strafrecht", "Toezicht", "6100.00"),
        Organisation("CJIB", "landelijke_uitvoeringsorganisatie", "Strafrecht", "Inning boetes", "0.00"),
    ),
)

YILMAZ = Story(
    key="yilmaz",
    summary="Hakan Yılmaz (49, Utrecht) werd na 25 jaar werkloos en wil buschauffeur worden; zoon Baran (17) "
    "verliest op zijn 18e de jeugdhulp. Doorbraak: opleiding met behoud van uitkering en een 18-plusplan voor "
    "Baran; in uitvoering.",
    name="Huishouden Yılmaz",
    municipality=GEMEENTE,
    team="Buurtteam Kanaleneiland",
    professional="Youssef Amrani",
    status="uitvoering",
    registered="2026-01-29 14:54",
    updated="2026-10-21 10:35",
    address=("Marco Pololaan", "468", "3526 GG", "Utrecht"),
    people=(
        Person("Hakan Yılmaz", "1977-04-03", "hoofdbewoner", bsn=True),
        Person("Aylin Yılmaz", "1981-09-12", "partner"),
        Person("Baran Yılmaz", "2009-02-20"),
        Person("Derya Yılmaz", "2012-08-15"),
    ),
    problems=(
        Problem(
            "werk_opleiding",
            2,
            "Hakan verloor na 25 jaar zijn baan bij een drukkerij; bijstand sinds "
            "december 2025. Wil buschauffeur worden, maar de opleiding mag niet naast de bijstand.",
            since="2025-10-01",
            who="Hakan",
        ),
        Problem("financien", 3, "Rondkomen lukt net; geen schulden.", who="Hakan"),
        Problem(
            "maatschappelijke_participatie",
            2,
            "Baran (17) heeft een licht verstandelijke beperking en "
            "begeleiding via de Jeugdwet; die stopt op zijn 18e in februari 2027.",
            who="Baran",
        ),
    ),
    organisations=(
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijstand gezin", "23900.00"),
        Organisation("Jeugdhulp Stadsoevers", "jeugdhulpaanbieder", "Jeugdwet", "Begeleiding Baran", "8400.00"),
        Organisation(KANALENEILAND, "gemeente", "Wmo 2015", "Casusregie", "2600.00"),
        SVB_KINDERBIJSLAG,
        Organisation("Vervoerder Stadsbus Utrecht", "werkgever", "Overig", "Opleidingsplek buschauffeur", "0.00"),
        Organisation("Gemeente Utrecht – Jeugd", "gemeente", "Jeugdwet", "Verlengde jeugdhulp (besluit)", "0.00"),
    ),
    plan=Plan(
        start="2026-03-09",
        in_kaart="Gesprekken met Hakan, Aylin en Baran; werkcoach en de begeleider van Baran gesproken.",
        perspective="Over een jaar rijd ik op de bus en heeft Baran na zijn 18e nog steeds zijn begeleider.",
        obstacle="werk_opleiding",
        obstacle_text="De bijstandsregels laten de chauffeursopleiding niet toe; zonder opleiding geen werk.",
        doorbraak="Werk en Inkomen staat de opleiding tot buschauffeur toe met behoud van uitkering en stemt de "
        "sollicitatieplicht daarop af; een vervoerder biedt een baangarantie. Voor de zoon komt een plan voor na "
        "zijn 18e: verlengde jeugdhulp tot 23, eigen zorgverzekering en zorgtoeslag, het einde van de "
        "kinderbijslag en de jongerennorm.",
        goals=(
            Goal("Betaald werk als buschauffeur", "werk_opleiding", 4),
            Goal("Baran heeft na zijn 18e begeleiding en inkomen", "maatschappelijke_participatie", 3),
        ),
        actions=(
            Action(
                "Opleiding buschauffeur toestaan met behoud van uitkering",
                WERK_INKOMEN,
                2,
                goal=1,
                status="gedaan",
                done_days=12,
                deviating=True,
                bases=("pw_9_lid_2", "pw_18_lid_1"),
                cost=4,
                onevenredigheid="Vasthouden aan direct solliciteren houdt Hakan langer in de bijstand dan "
                "een opleiding van vier maanden.",
                gelijkheid=GELIJK,
            ),
            Action("Opleiding en rijexamen", "Vervoerder Stadsbus Utrecht", 18, goal=1, status="bezig"),
            Action(
                "Verlengde jeugdhulp tot 23 voor de zoon aanvragen",
                "Gemeente Utrecht – Jeugd",
                24,
                goal=2,
                status="gedaan",
                done_days=150,
            ),
            Action(
                "18-plusgesprek: zorgverzekering, zorgtoeslag, kinderbijslag, inkomen",
                KANALENEILAND,
                40,
                goal=2,
                status="open",
            ),
        ),
        costs=(
            Cost(
                "Bijstandsuitkering gezin",
                "huidig_pad",
                "gemeente_participatiewet",
                "23900.00",
                frequency="per_jaar",
                kind="overdracht",
                receiver=HUISHOUDEN,
                source="Bijstandsnorm gehuwden 2026 met woonkosten, dossier",
            ),
            Cost("Uitvoering bijstand", "huidig_pad", "gemeente_participatiewet", kengetal="bijstand_uitvoering"),
            Cost(
                "Bijstandsuitkering tot de eerste loonstrook",
                "doorbraak",
                "gemeente_participatiewet",
                "23900.00",
                frequency="per_jaar",
                months=6,
                kind="overdracht",
                receiver=HUISHOUDEN,
                source="Bijstandsnorm gehuwden 2026 met woonkosten, dossier",
            ),
            Cost(
                "Opleiding buschauffeur (rijbewijs D en code 95)",
                "doorbraak",
                "gemeente_participatiewet",
                "6800.00",
                source="Offerte opleider, 2026",
            ),
        ),
        facts="Hakan (48) is werkloos sinds oktober 2025; een vervoerder biedt werk na het behalen van rijbewijs D. "
        "Baran (17) heeft begeleiding via de Jeugdwet die op 20 februari 2027 stopt.",
        circumstances="Lange werkgeschiedenis; een concreet baanaanbod.",
        onevenredigheid="De standaard verbiedt de opleiding en houdt het gezin in de bijstand.",
        gelijkheid=GELIJK,
        risks="Zakt Hakan voor het examen, dan volgt één herkansing binnen de opleiding.",
        grounds=(
            Basis("pw_9_lid_2", "Tijdelijke ontheffing van de arbeidsverplichting tijdens de opleiding."),
            Basis(
                "pw_18_lid_1", "Verplichtingen afgestemd op de omstandigheden: opleiding in plaats van solliciteren."
            ),
            Basis("jeugdwet_1_1", "Verlengde jeugdhulp tot 23 jaar voor Baran."),
        ),
        privacy=GEZONDHEID_JEUGD,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Participatiewet, Jeugdwet",
        evaluations=(
            Evaluation(0, 5, {"werk_opleiding": 2, "maatschappelijke_participatie": 2, "financien": 3}, "Nulmeting."),
            Evaluation(
                3,
                7,
                {"werk_opleiding": 3, "maatschappelijke_participatie": 2, "financien": 3},
                "Theorie-examen gehaald; verlengde jeugdhulp nog niet aangevraagd.",
            ),
            Evaluation(
                6,
                7,
                {"werk_opleiding": 3, "maatschappelijke_participatie": 3, "financien": 3},
                "Praktijkexamen gepland; verlengde jeugdhulp voor Baran toegekend.",
            ),
        ),
    ),
)

KOC = Story(
    key="koc",
    summary="Emine Koç (67, Utrecht) zorgt dag en nacht voor haar man Ahmet (72) met dementie en kan niet meer. "
    "Doorbraak: logeeropvang en dagbesteding direct uit de Wmo terwijl het CIZ de Wlz-indicatie beoordeelt; "
    "plan vastgesteld.",
    name="Huishouden Koç",
    municipality=GEMEENTE,
    team="Buurtteam Overvecht",
    professional="Linda Vermeulen",
    status="plan_vastgesteld",
    registered="2026-02-11 10:05",
    updated="2026-10-26 12:00",
    address=("Gambiadreef", "133", "3564 CH", "Utrecht"),
    people=(
        Person("Emine Koç", "1959-06-20", "hoofdbewoner", bsn=True),
        Person("Ahmet Koç", "1954-01-09", "partner", bsn=True),
    ),
    problems=(
        Problem(
            "basale_adl",
            1,
            "Ahmet heeft gevorderde dementie; hij dwaalt 's nachts en kan niet meer alleen zijn.",
            since="2025-06-01",
            who="Ahmet",
        ),
        Problem("geestelijke_gezondheid", 2, "Emine is overbelast als mantelzorger en slaapt nauwelijks.", who="Emine"),
        Problem("sociaal_netwerk", 3, "De kinderen wonen in Duitsland en Turkije.", who="Emine"),
    ),
    organisations=(
        Organisation(WMO, "gemeente", "Wmo 2015", "Dagbesteding en huishoudelijke hulp", "7400.00"),
        Organisation("Thuiszorg Lint", "zorgaanbieder", "Zvw", "Wijkverpleging", "8300.00"),
        Organisation("Zorgkantoor Utrecht", "zorgkantoor", "Wlz", "Wlz-indicatie aangevraagd", "0.00"),
    ),
    plan=Plan(
        start="2026-10-26",
        in_kaart="Huisbezoek met de casemanager dementie; Emine apart gesproken.",
        perspective="Over een jaar is Ahmet veilig verzorgd en kan ik weer slapen.",
        obstacle="basale_adl",
        obstacle_text="De man heeft zorg nodig die thuis niet meer te geven is; de Wlz-indicatie duurt maanden.",
        doorbraak="De Wmo zet direct logeeropvang (twee nachten per week) en extra dagbesteding in, vooruitlopend op "
        "de Wlz-indicatie die het CIZ beoordeelt.",
        goals=(
            Goal("Ahmet veilig verzorgd", "basale_adl", 3),
            Goal("Emine weer uitgerust", "geestelijke_gezondheid", 3),
        ),
        actions=(
            Action(
                "Logeeropvang en extra dagbesteding direct inzetten",
                WMO,
                1,
                goal=2,
                deviating=True,
                bases=("wmo_2_3_5",),
                cost=3,
                onevenredigheid="Wachten op de Wlz betekent dat de mantelzorger uitvalt.",
                gelijkheid=GELIJK,
            ),
            Action("Wlz-indicatie bij het CIZ bespoedigen", "Thuiszorg Lint", 2, goal=1),
        ),
        costs=(
            Cost(
                "Crisisopname Ahmet na uitval mantelzorger",
                "huidig_pad",
                "zorgkantoor",
                "12600.00",
                probability="0.5",
                start=2,
                source="Schatting zorgkantoor 2026",
            ),
            Cost(
                "Behandeling overbelaste mantelzorger",
                "huidig_pad",
                "zorgverzekeraar",
                "2200.00",
                probability="0.5",
                start=3,
                source="Schatting huisarts 2026",
            ),
            Cost(
                "Logeeropvang en dagbesteding tot de Wlz",
                "doorbraak",
                "gemeente_wmo",
                "1850.00",
                frequency="per_maand",
                months=4,
                source="Tarieven Wmo Utrecht 2026",
            ),
        ),
        facts="Ahmet (72) heeft gevorderde dementie; Emine (67) zorgt alleen en is overbelast.",
        circumstances="Geen netwerk in de buurt.",
        onevenredigheid="Uitval van de mantelzorger leidt tot een crisisopname.",
        gelijkheid=GELIJK,
        risks="Dubbele financiering als de Wlz met terugwerkende kracht ingaat; de Wmo stopt dan.",
        grounds=(Basis("wmo_2_3_5", "Maatwerkvoorziening voor de mantelzorger."),),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Wmo 2015, Wlz",
    ),
)

LAHLOU = Story(
    key="lahlou",
    summary="Sofian Lahlou (19, Utrecht) woonde tot zijn 18e in een jeugdzorginstelling en staat er nu alleen "
    "voor, met schulden en zonder inkomen. Concept bijna klaar: bijstand zonder zoektermijn en budgetbeheer.",
    name="Huishouden Lahlou",
    municipality=GEMEENTE,
    team="Buurtteam Overvecht",
    professional="Linda Vermeulen",
    status="in_behandeling",
    registered="2026-08-18 11:33",
    updated="2026-10-27 14:20",
    address=("Trumanlaan", "12-bis", "3527 BJ", "Utrecht"),
    people=(Person("Sofian Lahlou", "2007-03-11", "hoofdbewoner", bsn=True),),
    problems=(
        Problem(
            "financien",
            1,
            "€ 2.300 schulden (telefoon, zorgverzekering, webshops); geen inkomen sinds hij van school ging.",
            since="2025-06-01",
            who="Sofian",
        ),
        Problem("werk_opleiding", 2, "Geen startkwalificatie; wil in de bouw werken.", who="Sofian"),
        Problem(
            "instrumentele_adl", 2, "Licht verstandelijke beperking; post en geld regelen lukt niet zelf.", who="Sofian"
        ),
    ),
    organisations=(
        Organisation(OVERVECHT, "gemeente", "Wmo 2015", "Ambulante begeleiding", "5600.00"),
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijstand (aanvraag)", "0.00"),
        Organisation(
            "Gemeente Utrecht – Schuldhulpverlening",
            "schuldhulpverlening",
            "Wet gemeentelijke schuldhulpverlening",
            "Schuldhulptraject",
            "1500.00",
        ),
    ),
    plan=Plan(
        start="2026-10-20",
        in_kaart="Gesprekken met Sofian en zijn oud-mentor van de instelling.",
        perspective="Over een jaar heb ik werk in de bouw en geen schulden meer.",
        obstacle="financien",
        obstacle_text="Zonder inkomen groeien de schulden; met zijn beperking overziet hij ze niet.",
        doorbraak="Werk en Inkomen past de zoektermijn niet toe; budgetbeheer betaalt de vaste lasten en een "
        "leerwerkplek in de bouw volgt.",
        goals=(
            Goal("Inkomen en vaste lasten betaald", "financien", 3),
            Goal("Leerwerkplek in de bouw", "werk_opleiding", 3),
        ),
        actions=(
            Action(
                "Bijstand jongerennorm zonder zoektermijn",
                WERK_INKOMEN,
                1,
                goal=1,
                deviating=True,
                bases=("pw_41_lid_4",),
                cost=2,
                onevenredigheid="Vier weken zonder inkomen vergroot de schulden van iemand die ze niet overziet.",
                gelijkheid=GELIJK,
            ),
            Action("Budgetbeheer starten", SCHULDHULP, 3, goal=1),
            Action("Leerwerkplek in de bouw", WERK_INKOMEN, 12, goal=2),
        ),
        costs=(
            Cost(
                "Schulden lopen op, incassokosten",
                "huidig_pad",
                HUISHOUDEN,
                "600.00",
                kind="overdracht",
                receiver="overig",
                source="Schuldenoverzicht dossier",
            ),
            Cost(
                "Bijstand jongerennorm, vier weken eerder",
                "doorbraak",
                "gemeente_participatiewet",
                "330.00",
                kind="overdracht",
                receiver=HUISHOUDEN,
                source="Jongerennorm Participatiewet 2026",
            ),
            Cost(
                "Budgetbeheer",
                "doorbraak",
                "gemeente_schuldhulp",
                "45.00",
                frequency="per_maand",
                source="Tarief budgetbeheer Utrecht 2026",
            ),
        ),
        facts="Sofian (19) verliet op zijn 18e de jeugdzorginstelling; hij heeft geen inkomen en € 2.300 schulden.",
        circumstances="Licht verstandelijke beperking; geen ouders om op terug te vallen.",
        onevenredigheid="De zoektermijn veronderstelt iemand die zelf werk of school vindt.",
        gelijkheid=GELIJK,
        risks="Sofian moet zich aan de afspraken over de leerwerkplek houden.",
        grounds=(Basis("pw_41_lid_4", "Afwijken van de zoektermijn voor jongeren onder de 27."),),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Participatiewet",
        stage=4,
    ),
)

DEKKER = Story(
    key="dekker",
    summary="Ria Dekker (58, Utrecht) meldde zich met een betalingsachterstand na de dood van haar man; na de "
    "intake regelde haar broer de nalatenschap en was hulp niet meer nodig. Afgesloten zonder plan.",
    name="Huishouden Dekker",
    municipality=GEMEENTE,
    team="Buurtteam Overvecht",
    professional="Linda Vermeulen",
    status="afgesloten",
    registered="2025-12-18 08:45",
    updated="2026-02-20 10:30",
    address=("Bernadottelaan", "41", "3527 GB", "Utrecht"),
    people=(Person("Ria Dekker", "1968-08-08", "hoofdbewoner"),),
    problems=(
        Problem(
            "financien",
            3,
            "Twee maanden achter met vaste lasten na het overlijden van haar man; de "
            "nabestaandenpensioenen liepen nog niet.",
            since="2025-10-01",
            who="Ria",
        ),
        Problem("sociaal_netwerk", 4, "Broer en zus in de buurt.", who="Ria"),
    ),
    organisations=(Organisation(OVERVECHT, "gemeente", "Wmo 2015", "Intake", "600.00"),),
)

MAAS = Story(
    key="maas",
    summary="Bianca Maas (44, Utrecht) met een bipolaire stoornis kwam na een crisisopname thuis zonder "
    "begeleiding en met huurachterstand. Doorbraak: begeleiding thuis direct, FACT-team en bewind; in "
    "uitvoering, de bewindvoerder is nog niet benoemd.",
    name="Huishouden Maas",
    municipality=GEMEENTE,
    team="Buurtteam Kanaleneiland",
    professional="Youssef Amrani",
    status="uitvoering",
    registered="2026-04-06 13:12",
    updated="2026-10-23 09:55",
    address=("Vasco da Gamalaan", "52", "3526 CA", "Utrecht"),
    people=(Person("Bianca Maas", "1982-12-24", "hoofdbewoner", bsn=True),),
    problems=(
        Problem(
            "geestelijke_gezondheid",
            1,
            "Bipolaire stoornis; in maart twee weken opgenomen na een manische "
            "periode. Na ontslag geen begeleiding thuis.",
            since="2026-03-01",
            who="Bianca",
        ),
        Problem(
            "financien",
            2,
            "In de manische periode € 7.800 uitgegeven; huurachterstand bij Domstad Wonen.",
            since="2026-02-01",
            who="Bianca",
        ),
        Problem("huisvesting", 3, "Twee maanden huurachterstand; de corporatie wil een regeling.", since="2026-03-01"),
        Problem("sociaal_netwerk", 2, "Weinig contacten; haar zus helpt op afstand.", who="Bianca"),
    ),
    organisations=(
        Organisation("GGZ Vechtstroom", "zorgaanbieder", "Zvw", "FACT-behandeling", "9600.00"),
        Organisation(WMO, "gemeente", "Wmo 2015", "Ambulante begeleiding thuis", "7200.00"),
        Organisation("Domstad Wonen", "woningcorporatie", "Huurrecht (BW)", "Huurwoning", "0.00"),
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijstand alleenstaande", "16800.00"),
        Organisation("Gemeente Utrecht – Buurtteam Kanaleneiland", "gemeente", "Wmo 2015", "Casusregie", "2400.00"),
        Organisation(
            "Gemeente Utrecht – Schuldhulpverlening",
            "schuldhulpverlening",
            "Wet gemeentelijke schuldhulpverlening",
            "Schuldhulptraject",
            "1500.00",
        ),
    ),
    plan=Plan(
        start="2026-05-11",
        in_kaart="Gesprekken met Bianca, haar zus en het FACT-team.",
        perspective="Over een jaar heb ik geen opname meer nodig en weet ik weer waar mijn geld heen gaat.",
        obstacle="geestelijke_gezondheid",
        obstacle_text="Zonder begeleiding thuis na de opname is een volgende crisis waarschijnlijk.",
        doorbraak="Begeleiding thuis start direct via de Wmo, zonder het volledige onderzoek af te wachten; het "
        "FACT-team behandelt en de kantonrechter wordt gevraagd een bewindvoerder te benoemen.",
        goals=(
            Goal("Stabiel thuis zonder opname", "geestelijke_gezondheid", 3),
            Goal("Geldzaken onder bewind", "financien", 3),
        ),
        actions=(
            Action(
                "Ambulante begeleiding thuis direct starten",
                WMO,
                1,
                goal=1,
                status="gedaan",
                done_days=5,
                deviating=True,
                bases=("wmo_2_3_5",),
                cost=4,
                onevenredigheid="Wachten op het onderzoek na een crisisopname vergroot de kans op een nieuwe opname.",
                gelijkheid=GELIJK,
            ),
            Action("FACT-behandeling met crisisplan", "GGZ Vechtstroom", 2, goal=1, status="bezig"),
            Action(
                "Verzoek beschermingsbewind bij de kantonrechter",
                KANALENEILAND,
                6,
                goal=2,
                status="vastgelopen",
                note="De zitting is twee keer uitgesteld; de rechtbank heeft een achterstand.",
            ),
            Action("Regeling huurachterstand met Domstad Wonen", SCHULDHULP, 10, goal=2, status="open"),
        ),
        costs=(
            Cost(
                "Nieuwe crisisopname",
                "huidig_pad",
                "zorgverzekeraar",
                "11500.00",
                probability="0.5",
                start=3,
                source="Schatting GGZ Vechtstroom, 2026",
            ),
            Cost(
                "Intensief beschermd wonen na herhaalde crisis",
                "huidig_pad",
                "gemeente_wmo",
                kengetal="intensief_beschermd_wonen",
                probability="0.2",
                start=6,
            ),
            Cost("Wmo-uitvoering", "doorbraak", "gemeente_wmo", kengetal="wmo_uitvoering"),
            Cost(
                "Ambulante begeleiding thuis",
                "doorbraak",
                "gemeente_wmo",
                "720.00",
                frequency="per_maand",
                source="Tarief Wmo-begeleiding Utrecht 2026",
            ),
            Cost(
                "Beschermingsbewind",
                "doorbraak",
                "gemeente_participatiewet",
                "130.00",
                frequency="per_maand",
                start=2,
                source="Bijzondere bijstand voor bewindvoeringskosten, tarief 2026",
            ),
        ),
        facts="Bianca (43) werd in maart 2026 opgenomen na een manische periode; thuis was geen begeleiding.",
        circumstances="Een terugkerende stoornis; schulden ontstonden tijdens de crisis.",
        onevenredigheid="Een nieuwe opname is zwaarder en duurder dan begeleiding thuis.",
        gelijkheid=GELIJK,
        risks="Als Bianca de begeleiding afhoudt, bespreekt het FACT-team het crisisplan.",
        grounds=(Basis("wmo_2_3_5", "Maatwerkvoorziening begeleiding, vooruitlopend op het onderzoek."),),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Wmo 2015, Zvw, Participatiewet",
        evaluations=(
            Evaluation(
                0,
                4,
                {"geestelijke_gezondheid": 1, "financien": 2, "huisvesting": 3},
                "Nulmeting na ontslag uit de kliniek.",
            ),
            Evaluation(
                3,
                6,
                {"geestelijke_gezondheid": 3, "financien": 2, "huisvesting": 3},
                "Stabiel thuis; bewind nog niet uitgesproken.",
            ),
        ),
    ),
)

STORIES = (EL_AMRANI, YILMAZ, KOC, LAHLOU, DEKKER, MAAS)

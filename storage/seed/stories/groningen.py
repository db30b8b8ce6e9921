"""Groningen (GM0014): six households of WIJ-team Beijum (Priya Ramdin) and WIJ-team Selwerd (Harm Dijkhuis).
Plans are decided by the maatwerkfunctionaris Ingrid Postma."""

from __future__ import annotations

from storage.seed.stories.common import (
    ALLEEN_TAAK,
    GELIJK,
    GEZONDHEID_WMO,
    PRIVACY_GEWOON,
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

GEMEENTE = "GM0014"
BEIJUM = "Gemeente Groningen – WIJ-team Beijum"
SELWERD = "Gemeente Groningen – WIJ-team Selwerd"
WERK_INKOMEN = "Gemeente Groningen – Werk en Inkomen"
SCHULDHULP = "Gemeente Groningen – Kredietbank en Schuldhulp"
WMO = "Gemeente Groningen – Wmo"

NGUYEN = Story(
    key="nguyen",
    summary="Linh Nguyen (41, Groningen), alleenstaande moeder van Mai (13): werkloos sinds de nagelsalon sloot, "
    "schulden en weinig contacten. Doorbraak: taalcursus met tijdelijke ontheffing van de sollicitatieplicht "
    "en een minnelijke regeling; plan vastgesteld.",
    name="Huishouden Nguyen",
    municipality=GEMEENTE,
    team="WIJ-team Beijum",
    professional="Priya Ramdin",
    status="plan_vastgesteld",
    registered="2026-03-12 11:42",
    updated="2026-10-21 14:05",
    address=("Beijumerweg", "27", "9736 AB", "Groningen"),
    people=(Person("Linh Nguyen", "1985-08-30", "hoofdbewoner", bsn=True), Person("Mai Nguyen", "2013-02-14")),
    problems=(
        Problem(
            "werk_opleiding",
            2,
            "De nagelsalon waar Linh werkte sloot in 2025; haar Nederlands is te beperkt voor ander werk.",
            since="2025-09-01",
            who="Linh",
        ),
        Problem(
            "financien",
            2,
            "€ 5.200 schulden, vooral bij de energieleverancier en een webwinkel.",
            since="2025-11-01",
            who="Linh",
        ),
        Problem("sociaal_netwerk", 2, "Geen familie in Nederland; Mai vertaalt alle brieven.", who="Linh"),
    ),
    organisations=(
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijstand alleenstaande ouder", "16800.00"),
        Organisation(BEIJUM, "gemeente", "Wmo 2015", "Casusregie", "2900.00"),
        SVB_KINDERBIJSLAG,
        Organisation(
            "Gemeente Groningen – Kredietbank en Schuldhulp",
            "schuldhulpverlening",
            "Wet gemeentelijke schuldhulpverlening",
            "Schuldhulptraject",
            "1500.00",
        ),
    ),
    plan=Plan(
        start="2026-10-21",
        in_kaart="Gesprekken met Linh (met tolk) en Mai; schulden op een rij gezet.",
        perspective="Over een jaar spreek ik beter Nederlands, heb ik werk en hoeft Mai mijn post niet meer te lezen.",
        obstacle="werk_opleiding",
        obstacle_text="Zonder Nederlands geen werk, en zonder werk lopen de schulden op.",
        doorbraak="De bewoner volgt een intensieve taalcursus met werkstage; voor die zes maanden krijgt ze ontheffing "
        "van de sollicitatieplicht. De kredietbank start een minnelijke regeling.",
        goals=(
            Goal("Nederlands op niveau A2 en een werkstage", "werk_opleiding", 3),
            Goal("Schulden in een regeling", "financien", 3),
        ),
        actions=(
            Action(
                "Tijdelijke ontheffing van de sollicitatieplicht tijdens de taalcursus",
                WERK_INKOMEN,
                1,
                goal=1,
                deviating=True,
                bases=("pw_9_lid_2",),
                cost=3,
                onevenredigheid="Solliciteren zonder de taal levert niets op en laat geen tijd voor de cursus.",
                gelijkheid=GELIJK,
            ),
            Action("Minnelijke schuldregeling", SCHULDHULP, 6, goal=2),
            Action("Werkstage in de zorg zoeken", WERK_INKOMEN, 16, goal=1),
        ),
        costs=(
            Cost(
                "Bijstand blijft doorlopen",
                "huidig_pad",
                "gemeente_participatiewet",
                kengetal="bijstand_uitkering",
                kind="overdracht",
                receiver=HUISHOUDEN,
            ),
            Cost("Uitvoering bijstand", "huidig_pad", "gemeente_participatiewet", kengetal="bijstand_uitvoering"),
            Cost(
                "Intensieve taalcursus met werkstage",
                "doorbraak",
                "gemeente_participatiewet",
                "3200.00",
                source="Offerte taalaanbieder Groningen, 2026",
            ),
            Cost(
                "Bijstand tot werk (verwacht na negen maanden)",
                "doorbraak",
                "gemeente_participatiewet",
                kengetal="bijstand_uitkering",
                months=9,
                kind="overdracht",
                receiver=HUISHOUDEN,
            ),
            Cost("Schuldregeling", "doorbraak", "gemeente_schuldhulp", kengetal="schuldhulpverlening_traject"),
        ),
        facts="Linh (41) is sinds september 2025 werkloos; ze spreekt weinig Nederlands en heeft € 5.200 schulden.",
        circumstances="Alleenstaande moeder zonder netwerk.",
        onevenredigheid="Zonder taal blijft zij in de bijstand; de cursus is de kortste weg naar werk.",
        gelijkheid=GELIJK,
        risks="Stopt de cursus, dan herleeft de sollicitatieplicht.",
        grounds=(Basis("pw_9_lid_2", "Tijdelijke ontheffing van de arbeidsverplichtingen."),),
        privacy=ALLEEN_TAAK,
        privacy_text=PRIVACY_GEWOON,
        law="Participatiewet, Wet gemeentelijke schuldhulpverlening",
    ),
)

BENALI = Story(
    key="benali",
    summary="Gezin Benali (Groningen), gedupeerd in de kinderopvangtoeslagaffaire: het herstel loopt, maar de "
    "gemeentelijke belastingen en nieuwe achterstanden stapelen zich op. Concept: kwijtschelding en één "
    "aanspreekpunt.",
    name="Huishouden Benali",
    municipality=GEMEENTE,
    team="WIJ-team Selwerd",
    professional="Harm Dijkhuis",
    status="in_behandeling",
    registered="2026-05-01 14:43",
    updated="2026-10-30 11:25",
    address=("Paddepoelsterweg", "19", "9741 NA", "Groningen"),
    people=(
        Person("Salma Benali", "1991-03-22", "hoofdbewoner", bsn=True),
        Person("Mohamed Benali", "1989-07-07", "partner"),
        Person("Yasmina Benali", "2014-11-30"),
        Person("Adam Benali", "2018-04-04"),
        Person("Ilyas Benali", "2022-09-18"),
    ),
    problems=(
        Problem(
            "financien",
            2,
            "Erkend gedupeerde kinderopvangtoeslag; de herstelbetaling loopt nog. Nieuwe "
            "achterstanden bij gemeentelijke belastingen (€ 1.100) en energie.",
            since="2024-01-01",
        ),
        Problem("geestelijke_gezondheid", 3, "Salma is wantrouwig naar instanties en slaapt slecht.", who="Salma"),
        Problem("werk_opleiding", 4, "Mohamed werkt fulltime in de logistiek.", who="Mohamed"),
    ),
    organisations=(
        Organisation(SELWERD, "gemeente", "Wmo 2015", "Brede hulp gedupeerden", "3100.00"),
        Organisation(
            "Belastingdienst/Toeslagen",
            "landelijke_uitvoeringsorganisatie",
            "Awir (toeslagen)",
            "Herstel kinderopvangtoeslag",
            "0.00",
        ),
        SVB_KINDERBIJSLAG,
        Organisation(
            "Gemeente Groningen – Belastingen", "gemeente", "Overig", "Kwijtschelding gemeentelijke belastingen", "0.00"
        ),
    ),
    plan=Plan(
        start="2026-10-22",
        in_kaart="Drie gesprekken thuis; de brieven van Dienst Toeslagen en de gemeente samen gelezen.",
        perspective="Over een jaar is het herstel afgerond en vertrouwen we weer dat een brief geen nieuw probleem is.",
        obstacle="financien",
        obstacle_text="Nieuwe achterstanden terwijl het herstel loopt, houden het wantrouwen in stand.",
        doorbraak="De gemeente scheldt de gemeentelijke belastingen kwijt en geeft het gezin één vast "
        "aanspreekpunt dat met Dienst Toeslagen het herstel bewaakt.",
        goals=(Goal("Geen nieuwe achterstanden", "financien", 4),),
        actions=(
            Action(
                "Kwijtschelding gemeentelijke belastingen",
                "Gemeente Groningen – Belastingen",
                3,
                goal=1,
                deviating=True,
                bases=("kwijtschelding_gemeentelijke_belastingen",),
                cost=2,
                onevenredigheid="Invordering tijdens het herstel vergroot de schade die de overheid zelf veroorzaakte.",
                gelijkheid=GELIJK,
            ),
            Action("Vast aanspreekpunt voor het herstel", SELWERD, 1, goal=1),
        ),
        costs=(
            Cost(
                "Invordering belastingen, aanmaningen en dwangbevel",
                "huidig_pad",
                "overig",
                "240.00",
                source="Kostenregeling gemeentelijke belastingen 2026",
            ),
            Cost(
                "Kwijtgescholden gemeentelijke belastingen",
                "doorbraak",
                "gemeente_participatiewet",
                "1100.00",
                kind="overdracht",
                receiver=HUISHOUDEN,
                source="Aanslag gemeentelijke belastingen 2026",
            ),
        ),
        facts="Het gezin is erkend gedupeerde; er zijn nieuwe achterstanden bij de gemeentelijke belastingen.",
        circumstances="Schade door de overheid; herstel loopt nog.",
        onevenredigheid="Nog een invorderingstraject bovenop het herstel is onevenredig.",
        gelijkheid=GELIJK,
        risks="Geen; de kwijtschelding is eenmalig en getoetst aan het inkomen.",
        grounds=(Basis("kwijtschelding_gemeentelijke_belastingen", "Kwijtschelding gemeentelijke belastingen."),),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Invorderingswet 1990, Gemeentewet",
    ),
)

MAZUR = Story(
    key="mazur",
    summary="Ewa Mazur (26, Groningen) woont na beschermd wonen zelfstandig; bij de herindicatie zou haar "
    "begeleiding halveren. Doorbraak: begeleiding blijft zes uur per week, boven de richtlijn; in uitvoering.",
    name="Huishouden Mazur",
    municipality=GEMEENTE,
    team="WIJ-team Beijum",
    professional="Priya Ramdin",
    status="uitvoering",
    registered="2026-05-14 10:19",
    updated="2026-10-19 13:40",
    address=("Zonnelaan", "330", "9742 BS", "Groningen"),
    people=(Person("Ewa Mazur", "2000-06-02", "hoofdbewoner", bsn=True),),
    problems=(
        Problem(
            "geestelijke_gezondheid",
            2,
            "Gevoelig voor psychoses; stabiel met medicatie en vaste begeleiding.",
            since="2019-01-01",
            who="Ewa",
        ),
        Problem("instrumentele_adl", 3, "Huishouden en geldzaken lukken met hulp.", who="Ewa"),
        Problem("tijdsbesteding", 3, "Vrijwilligerswerk bij de kringloop, twee ochtenden.", who="Ewa"),
    ),
    organisations=(
        Organisation(WMO, "gemeente", "Wmo 2015", "Ambulante begeleiding (6 uur per week)", "14900.00"),
        Organisation("GGZ Wad en Wierde", "zorgaanbieder", "Zvw", "Psychiatrische behandeling", "3800.00"),
        Organisation("Stadsgoed Wonen", "woningcorporatie", "Huurrecht (BW)", "Huurwoning", "0.00"),
        Organisation("Gemeente Groningen – WIJ-team Beijum", "gemeente", "Wmo 2015", "Casusregie", "2400.00"),
    ),
    plan=Plan(
        start="2026-06-15",
        in_kaart="Gesprekken met Ewa, haar begeleider en haar psychiater.",
        perspective="Over een jaar woon ik nog steeds zelfstandig en werk ik drie dagen in de kringloop.",
        obstacle="geestelijke_gezondheid",
        obstacle_text="Met de helft van de begeleiding verliest de bewoner haar structuur; terugval naar beschermd "
        "wonen dreigt.",
        doorbraak="De Wmo houdt de begeleiding op zes uur per week, boven de richtlijn van drie uur, en bouwt pas "
        "af als het vrijwilligerswerk drie dagen loopt.",
        goals=(
            Goal("Zelfstandig wonen zonder terugval", "geestelijke_gezondheid", 3),
            Goal("Drie dagen vrijwilligerswerk", "tijdsbesteding", 4),
        ),
        actions=(
            Action(
                "Begeleiding zes uur per week voortzetten",
                WMO,
                1,
                goal=1,
                status="gedaan",
                done_days=3,
                deviating=True,
                bases=("wmo_2_3_5", "awb_4_84"),
                cost=3,
                onevenredigheid="De richtlijn van drie uur past niet bij iemand die net uit beschermd wonen "
                "komt; terugval kost veel meer.",
                gelijkheid=GELIJK,
            ),
            Action("Vrijwilligerswerk uitbreiden naar drie dagen", BEIJUM, 12, goal=2, status="bezig"),
            Action("Afbouwplan begeleiding opstellen", WMO, 30, goal=1, status="open"),
        ),
        costs=(
            Cost(
                "Terug naar beschermd wonen",
                "huidig_pad",
                "gemeente_wmo",
                kengetal="intensief_beschermd_wonen",
                probability="0.3",
                start=4,
            ),
            Cost(
                "Begeleiding drie uur (richtlijn)",
                "huidig_pad",
                "gemeente_wmo",
                "620.00",
                frequency="per_maand",
                source="Tarief Wmo-begeleiding Groningen 2026",
            ),
            Cost(
                "Begeleiding zes uur per week",
                "doorbraak",
                "gemeente_wmo",
                "1240.00",
                frequency="per_maand",
                source="Tarief Wmo-begeleiding Groningen 2026",
            ),
        ),
        facts="Ewa (26) woont sinds 2025 zelfstandig na beschermd wonen; de herindicatie gaf drie uur begeleiding.",
        circumstances="Psychosegevoeligheid; stabiel dankzij vaste structuur.",
        onevenredigheid="Halvering van de begeleiding maakt terugval waarschijnlijk.",
        gelijkheid=GELIJK,
        risks="Afbouw kan later alsnog nodig zijn; het afbouwplan regelt dat.",
        grounds=(
            Basis("wmo_2_3_5", "Maatwerkvoorziening afgestemd op de situatie."),
            Basis("awb_4_84", "Afwijken van de richtlijn voor het aantal uren."),
        ),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Wmo 2015",
        evaluations=(
            Evaluation(0, 6, {"geestelijke_gezondheid": 3, "instrumentele_adl": 3, "tijdsbesteding": 3}, "Nulmeting."),
            Evaluation(
                3,
                7,
                {"geestelijke_gezondheid": 3, "instrumentele_adl": 4, "tijdsbesteding": 3},
                "Stabiel; vrijwilligerswerk nu twee en een halve dag.",
            ),
        ),
    ),
)

WROBEL = Story(
    key="wrobel",
    summary="Gezin Wróbel (Groningen): zoon Kacper (17) stopte met zijn mbo-opleiding en zit thuis; er zijn "
    "schulden. Net aangemeld.",
    name="Huishouden Wróbel",
    municipality=GEMEENTE,
    team="WIJ-team Selwerd",
    professional="Harm Dijkhuis",
    status="aangemeld",
    registered="2026-10-22 08:17",
    updated="2026-10-23 10:00",
    address=("Siersteenlaan", "412", "9743 ER", "Groningen"),
    people=(
        Person("Krzysztof Wróbel", "1981-05-05", "hoofdbewoner"),
        Person("Marta Wróbel", "1982-10-10", "partner"),
        Person("Kacper Wróbel", "2009-03-28"),
    ),
    problems=(
        Problem(
            "werk_opleiding",
            2,
            "Kacper (17) stopte in september met de mbo-opleiding bij Noorderpoort; "
            "de kwalificatieplicht geldt tot zijn 18e.",
            since="2026-09-01",
            who="Kacper",
        ),
        Problem("financien", 3, "€ 4.000 schulden bij een kredietverstrekker.", since="2026-01-01"),
    ),
    organisations=(
        Organisation(
            "Gemeente Groningen – Leerplicht (RMC)", "gemeente", "Overig", "Kwalificatieplicht Kacper", "0.00"
        ),
        SVB_KINDERBIJSLAG,
    ),
)

SMITS = Story(
    key="smits",
    summary="Wim en Ria Smits (63 en 62, Groningen): Wims zaak ging failliet, de hypotheek liep achter en Wim "
    "werd somber. Doorbraak: saneringskrediet van de kredietbank en verkoop van het huis zonder executie; "
    "geëvalueerd.",
    name="Huishouden Smits",
    municipality=GEMEENTE,
    team="WIJ-team Selwerd",
    professional="Harm Dijkhuis",
    status="geevalueerd",
    registered="2025-10-20 09:50",
    updated="2026-10-05 15:15",
    address=("Laan van de Vrijheid", "88", "9728 JN", "Groningen"),
    people=(
        Person("Wim Smits", "1963-03-03", "hoofdbewoner", bsn=True),
        Person("Ria Smits", "1964-01-26", "partner", bsn=True),
    ),
    problems=(
        Problem(
            "financien",
            1,
            "Na het faillissement van Wims schildersbedrijf € 38.000 schulden en zes "
            "maanden hypotheekachterstand; de bank dreigt met executie.",
            since="2025-03-01",
        ),
        Problem("geestelijke_gezondheid", 2, "Wim is somber en schaamt zich; hij opent geen post meer.", who="Wim"),
        Problem("werk_opleiding", 3, "Ria werkt 24 uur in een bakkerij.", who="Ria"),
    ),
    organisations=(
        Organisation(
            SCHULDHULP, "schuldhulpverlening", "Wet gemeentelijke schuldhulpverlening", "Saneringskrediet", "1500.00"
        ),
        Organisation(SELWERD, "gemeente", "Wmo 2015", "Casusregie", "2200.00"),
        Organisation("UWV", "landelijke_uitvoeringsorganisatie", "WW", "Geen recht (zelfstandige)", "0.00"),
        Organisation("Huisartsenpraktijk De Linde", "zorgaanbieder", "Zvw", "Praktijkondersteuner ggz", "600.00"),
    ),
    plan=Plan(
        start="2025-11-17",
        in_kaart="Gesprekken met Wim en Ria; schulden, hypotheek en huisarts in beeld.",
        perspective="Over een jaar wonen we in een huurhuis zonder schulden en slaapt Wim weer.",
        obstacle="financien",
        obstacle_text="De dreigende executie: bij een gedwongen verkoop blijft een grote restschuld over.",
        doorbraak="Het huis wordt onderhands verkocht in overleg met de bank; de kredietbank lost met een "
        "saneringskrediet alle schuldeisers in één keer af, en het echtpaar betaalt drie jaar af aan de "
        "kredietbank.",
        goals=(
            Goal("Schulden in één krediet", "financien", 3),
            Goal("Wim krijgt hulp bij zijn somberheid", "geestelijke_gezondheid", 3),
        ),
        actions=(
            Action(
                "Saneringskrediet verstrekken en schuldeisers afkopen",
                SCHULDHULP,
                10,
                goal=1,
                deviating=True,
                bases=("awb_4_84",),
                cost=4,
                done_days=80,
                onevenredigheid="De beleidsregel sluit (oud-)ondernemers uit van het saneringskrediet; een "
                "executie laat een restschuld die zij nooit kunnen aflossen.",
                gelijkheid=GELIJK,
            ),
            Action("Onderhandse verkoop met de bank afspreken", SELWERD, 8, goal=1, done_days=60),
            Action("Praktijkondersteuner ggz voor de man", "Huisartsenpraktijk De Linde", 3, goal=2, done_days=20),
        ),
        costs=(
            Cost(
                "Executieveiling en restschuld-incasso",
                "huidig_pad",
                "overig",
                "6500.00",
                probability="0.6",
                start=4,
                source="Schatting kredietbank, 2026",
            ),
            Cost(
                "Huurtoeslag en opvang na gedwongen verhuizing",
                "huidig_pad",
                "gemeente_wmo",
                "3000.00",
                probability="0.3",
                start=6,
                source="Schatting WIJ-team",
            ),
            Cost("Schuldhulptraject", "doorbraak", "gemeente_schuldhulp", kengetal="schuldhulpverlening_traject"),
            Cost(
                "Saneringskrediet (lening, in 36 maanden afgelost)",
                "doorbraak",
                "kredietbank",
                "14500.00",
                kind="overdracht",
                receiver=HUISHOUDEN,
                loan_months=36,
                default_probability="0.15",
                source="Kredietovereenkomst kredietbank",
            ),
        ),
        facts="Na het faillissement van Wims bedrijf hebben Wim en Ria € 38.000 schulden en zes maanden "
        "hypotheekachterstand.",
        circumstances="Wim is somber; Ria heeft een vast inkomen waarmee een krediet af te lossen is.",
        onevenredigheid="Executie laat een restschuld die het echtpaar tot hun pensioen blijft achtervolgen.",
        gelijkheid=GELIJK,
        risks="Als Ria haar baan verliest, kan de aflossing stokken; dan volgt een herberekening.",
        grounds=(Basis("awb_4_84", "Afwijken van de beleidsregel kredietbank voor oud-ondernemers."),),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Wet gemeentelijke schuldhulpverlening, Awb",
        evaluations=(
            Evaluation(
                0, 3, {"financien": 1, "geestelijke_gezondheid": 2, "werk_opleiding": 3}, "Nulmeting: executie dreigt."
            ),
            Evaluation(
                3,
                6,
                {"financien": 2, "geestelijke_gezondheid": 3, "werk_opleiding": 3},
                "Huis verkocht; krediet verstrekt.",
            ),
            Evaluation(
                6,
                7,
                {"financien": 3, "geestelijke_gezondheid": 3, "werk_opleiding": 3},
                "Verhuisd naar een huurwoning; aflossing loopt.",
            ),
        ),
    ),
)

ZANDSTRA = Story(
    key="zandstra",
    summary="Petra Zandstra (46, Groningen) en zoon Sven (18): zijn jeugdhulp stopte in juli op zijn 18e en de "
    "Wmo-begeleiding is er nog niet. Concept begonnen: verlengde jeugdhulp of Wmo.",
    name="Huishouden Zandstra",
    municipality=GEMEENTE,
    team="WIJ-team Beijum",
    professional="Priya Ramdin",
    status="in_behandeling",
    registered="2026-09-01 10:10",
    updated="2026-10-29 15:00",
    address=("Korreweg", "204-A", "9715 AK", "Groningen"),
    people=(
        Person("Petra Zandstra", "1980-04-14", "hoofdbewoner", bsn=True),
        Person("Sven Zandstra", "2008-07-03"),
    ),
    problems=(
        Problem(
            "geestelijke_gezondheid",
            2,
            "Sven heeft ADHD en een hechtingsstoornis; de jeugdhulp stopte op zijn 18e verjaardag in juli.",
            since="2026-07-03",
            who="Sven",
        ),
        Problem("werk_opleiding", 2, "Sven is gestopt met zijn mbo-opleiding; geen inkomen.", who="Sven"),
        Problem("huiselijke_relaties", 3, "Petra en Sven botsen vaak sinds de hulp stopte.", who="Petra"),
    ),
    organisations=(
        Organisation("Jeugdhulp Ommelanden", "jeugdhulpaanbieder", "Jeugdwet", "Begeleiding (gestopt in juli)", "0.00"),
        Organisation(BEIJUM, "gemeente", "Wmo 2015", "Casusregie", "1800.00"),
        Organisation("Gemeente Groningen – Jeugd", "gemeente", "Jeugdwet", "Verlengde jeugdhulp (besluit)", "0.00"),
    ),
    plan=Plan(
        start="2026-10-26",
        in_kaart="Gesprek met Petra en Sven.",
        perspective="Over een jaar heb ik weer een opleiding en een begeleider die ik ken.",
        obstacle="geestelijke_gezondheid",
        obstacle_text="Sinds de jeugdhulp stopte, is er geen begeleiding; de zoon raakt zijn ritme kwijt.",
        doorbraak="Verlengde jeugdhulp tot 23 bij zijn oude begeleider, zodat er geen gat is tot een Wmo-voorziening.",
        goals=(Goal("Begeleiding zonder onderbreking", "geestelijke_gezondheid", 3),),
        actions=(Action("Verlengde jeugdhulp aanvragen", "Gemeente Groningen – Jeugd", 2),),
        costs=(
            Cost(
                "Crisisopvang bij escalatie thuis",
                "huidig_pad",
                "gemeente_wmo",
                "4200.00",
                probability="0.3",
                source="Schatting WIJ-team 2026",
            ),
            Cost(
                "Verlengde jeugdhulp",
                "doorbraak",
                "gemeente_jeugdwet",
                "780.00",
                frequency="per_maand",
                source="Tarief jeugdhulp Groningen 2026",
            ),
        ),
        stage=2,
    ),
)

STORIES = (NGUYEN, BENALI, MAZUR, WROBEL, SMITS, ZANDSTRA)

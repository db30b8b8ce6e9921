"""Rotterdam (GM0599): six households of Wijkteam Delfshaven (Sanne de Boer) and Wijkteam Feijenoord (Mehmet
Kaya). Plans are decided by the maatwerkfunctionaris Joost van Dam."""

from __future__ import annotations

from storage.seed.stories.common import (
    ALLEEN_TAAK,
    GELIJK,
    GEZONDHEID_JEUGD,
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

GEMEENTE = "GM0599"
DELFSHAVEN = "Gemeente Rotterdam – Wijkteam Delfshaven"
FEIJENOORD = "Gemeente Rotterdam – Wijkteam Feijenoord"
WERK_INKOMEN = "Gemeente Rotterdam – Werk en Inkomen"
SCHULDHULP = "Gemeente Rotterdam – Schuldhulpverlening"
LEERPLICHT = "Gemeente Rotterdam – Leerplicht"

DE_VRIES = Story(
    key="de_vries",
    summary="Gezin De Vries (Rotterdam): € 2.950 huurachterstand en een aangezegde ontruiming; dochter Lotte (17, "
    "mbo) heeft jeugd-ggz die op haar 18e stopt. Doorbraak: achterstand uit bijzondere bijstand, ontruiming "
    "van tafel, verlengde jeugdhulp; in uitvoering.",
    name="Huishouden De Vries",
    municipality=GEMEENTE,
    team="Wijkteam Delfshaven",
    professional="Sanne de Boer",
    status="uitvoering",
    registered="2026-05-11 10:02",
    updated="2026-10-27 15:30",
    address=("Mathenesserweg", "164-B", "3027 HG", "Rotterdam"),
    people=(
        Person("Marieke de Vries", "1982-09-14", "hoofdbewoner", bsn=True),
        Person("Johan de Vries", "1979-02-26", "partner"),
        Person("Lotte de Vries", "2009-01-18"),
        Person("Bram de Vries", "2013-06-07"),
    ),
    problems=(
        Problem(
            "financien",
            2,
            "Marieke's uren in de thuiszorg zijn gehalveerd; Johan verdient als "
            "magazijnmedewerker net boven het minimum. Geen buffer.",
            since="2025-09-01",
            who="Marieke",
        ),
        Problem(
            "huisvesting",
            1,
            "Huurachterstand van € 2.950 bij Maaswonen; de ontruiming is aangezegd voor juli.",
            since="2025-11-01",
        ),
        Problem(
            "geestelijke_gezondheid",
            2,
            "Lotte (17) heeft een angststoornis en krijgt jeugd-ggz via de "
            "Jeugdwet; die stopt op haar 18e verjaardag in januari 2027.",
            since="2024-03-01",
            who="Lotte",
        ),
        Problem("werk_opleiding", 3, "Lotte volgt de mbo-opleiding Entree en verzuimt op slechte dagen.", who="Lotte"),
    ),
    organisations=(
        Organisation(DELFSHAVEN, "gemeente", "Wmo 2015", "Gezinscoaching", "3600.00"),
        Organisation("Maaswonen", "woningcorporatie", "Huurrecht (BW)", "Huurwoning", "0.00"),
        Organisation("Jeugdhulp Havenkracht", "jeugdhulpaanbieder", "Jeugdwet", "Jeugd-ggz voor Lotte", "7800.00"),
        SVB_KINDERBIJSLAG,
        Organisation(
            "Gemeente Rotterdam – Werk en Inkomen", "gemeente", "Participatiewet", "Bijzondere bijstand", "0.00"
        ),
        Organisation("Gemeente Rotterdam – Jeugd", "gemeente", "Jeugdwet", "Verlengde jeugdhulp (besluit)", "0.00"),
    ),
    plan=Plan(
        start="2026-06-08",
        in_kaart="Gesprekken met Marieke, Johan en Lotte; huurafrekening en de behandelaar van Lotte gesproken.",
        perspective="Over een jaar wonen we nog in ons huis en heeft Lotte na haar 18e gewoon haar behandelaar.",
        obstacle="huisvesting",
        obstacle_text="De aangezegde ontruiming: zonder woning stoppen ook de behandeling en de school van de dochter.",
        doorbraak="De gemeente betaalt de huurachterstand uit bijzondere bijstand; Maaswonen ziet af van de "
        "ontruiming als de huur voortaan automatisch wordt betaald. Voor de dochter wordt verlengde jeugdhulp tot 23 "
        "aangevraagd, zodat haar behandeling na 18 doorloopt.",
        goals=(
            Goal("Woning behouden, huur elke maand betaald", "huisvesting", 4),
            Goal("Lotte's behandeling loopt door na haar 18e", "geestelijke_gezondheid", 3),
            Goal("Een kleine buffer opbouwen", "financien", 3),
        ),
        actions=(
            Action(
                "Huurachterstand van € 2.950 betalen uit bijzondere bijstand",
                WERK_INKOMEN,
                2,
                goal=1,
                contact="Inkomensconsulent bijzondere bijstand",
                status="gedaan",
                done_days=11,
                deviating=True,
                bases=("pw_35",),
                cost=4,
                onevenredigheid="De achterstand ontstond door minder uren werk; ontruiming van een gezin "
                "met twee kinderen is onevenredig.",
                gelijkheid=GELIJK,
            ),
            Action(
                "Ontruiming intrekken en automatische huurbetaling afspreken",
                "Maaswonen",
                3,
                goal=1,
                status="gedaan",
                done_days=20,
            ),
            Action(
                "Verlengde jeugdhulp tot 23 voor de dochter aanvragen",
                "Gemeente Rotterdam – Jeugd",
                16,
                goal=2,
                status="bezig",
            ),
            Action("Budgetcoaching: vaste lasten en buffer", DELFSHAVEN, 20, goal=3, status="open"),
        ),
        costs=(
            Cost(
                "Huisuitzetting van het gezin",
                "huidig_pad",
                "overig",
                kengetal="huisuitzetting",
                probability="0.5",
                start=2,
            ),
            Cost(
                "Gezinsopvang na uitzetting",
                "huidig_pad",
                "gemeente_wmo",
                kengetal="mo_residentieel_dakloos",
                quantity="4",
                probability="0.5",
                start=3,
            ),
            Cost(
                "Huurachterstand bij uitzetting (blijft als vordering)",
                "huidig_pad",
                HUISHOUDEN,
                "2950.00",
                kind="overdracht",
                receiver="woningcorporatie",
                source="Huurafrekening Maaswonen",
            ),
            Cost(
                "Huurachterstand betaald uit bijzondere bijstand",
                "doorbraak",
                "gemeente_participatiewet",
                "2950.00",
                kind="overdracht",
                receiver="woningcorporatie",
                source="Huurafrekening Maaswonen",
            ),
            Cost(
                "Jeugd-ggz Lotte doorgezet na 18 (verlengde jeugdhulp)",
                "doorbraak",
                "gemeente_jeugdwet",
                "650.00",
                frequency="per_maand",
                start=7,
                source="Tarief jeugd-ggz Rotterdam 2026",
            ),
        ),
        facts="De huurachterstand is € 2.950 en de ontruiming is aangezegd. Lotte (17) is in behandeling voor een "
        "angststoornis; de jeugdhulp stopt op haar 18e verjaardag.",
        circumstances="Inkomensdaling buiten de schuld van het gezin; een kind in behandeling.",
        onevenredigheid="Een uitzetting kost de samenleving veel meer dan de achterstand en breekt Lotte's "
        "behandeling af.",
        gelijkheid=GELIJK,
        risks="Nieuwe achterstand als het inkomen verder daalt; de budgetcoach volgt dat maandelijks.",
        grounds=(
            Basis("pw_35", "Bijzondere bijstand voor de huurachterstand (noodzakelijke kosten)."),
            Basis("jeugdwet_1_1", "Verlengde jeugdhulp tot 23 jaar."),
        ),
        privacy=GEZONDHEID_JEUGD,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Participatiewet, Jeugdwet, Huurrecht (BW)",
        evaluations=(
            Evaluation(
                0,
                4,
                {"huisvesting": 1, "financien": 2, "geestelijke_gezondheid": 2},
                "Nulmeting: ontruiming aangezegd.",
            ),
            Evaluation(
                3,
                7,
                {"huisvesting": 4, "financien": 2, "geestelijke_gezondheid": 2},
                "Achterstand betaald, ontruiming ingetrokken; verlengde jeugdhulp aangevraagd.",
            ),
        ),
    ),
)

HOELLE = Story(
    key="hoelle",
    summary="Joëlle Hoëlle (23, Rotterdam) stopte met haar hbo-studie, heeft € 28.000 studieschuld en geen werk; "
    "net aangemeld.",
    name="Huishouden Hoëlle",
    municipality=GEMEENTE,
    team="Wijkteam Feijenoord",
    professional="Mehmet Kaya",
    status="aangemeld",
    registered="2026-09-23 11:50",
    updated="2026-09-24 09:10",
    address=("Beijerlandselaan", "98-C", "3074 EM", "Rotterdam"),
    people=(Person("Joëlle Hoëlle", "2003-05-29", "hoofdbewoner", bsn=True),),
    problems=(
        Problem(
            "financien",
            2,
            "€ 28.000 studieschuld bij DUO en een achterstand bij de zorgverzekeraar.",
            since="2026-02-01",
            who="Joëlle",
        ),
        Problem(
            "werk_opleiding",
            2,
            "Stopte in het derde jaar van de hbo-opleiding; solliciteert zonder resultaat.",
            since="2026-02-01",
            who="Joëlle",
        ),
    ),
    organisations=(
        Organisation(
            "DUO", "landelijke_uitvoeringsorganisatie", "Wet studiefinanciering", "Terugbetaling studieschuld", "0.00"
        ),
        Organisation(FEIJENOORD, "gemeente", "Wmo 2015", "Intake", "0.00"),
    ),
)

WIJNGAARDE = Story(
    key="wijngaarde",
    summary="Glenn Wijngaarde (46, Rotterdam), pakketbezorger, dreigde zijn rijbewijs en baan te verliezen door "
    "opgelopen verkeersboetes. Doorbraak: noodstop bij het CJIB via schuldhulp en één regeling; geëvalueerd "
    "en afgesloten.",
    name="Huishouden Wijngaarde",
    municipality=GEMEENTE,
    team="Wijkteam Feijenoord",
    professional="Mehmet Kaya",
    status="afgesloten",
    registered="2025-09-04 08:31",
    updated="2026-06-15 11:20",
    address=("Groene Hilledijk", "311", "3075 EC", "Rotterdam"),
    people=(
        Person("Glenn Wijngaarde", "1980-03-30", "hoofdbewoner", bsn=True),
        Person("Jaylen Wijngaarde", "2012-10-04"),
    ),
    problems=(
        Problem(
            "financien",
            1,
            "Zes verkeersboetes bij het CJIB (samen € 700) zijn met de eerste wettelijke verhoging "
            "opgelopen tot € 1.050; na de aanmaning verdubbelt dat tot € 2.100. Het CJIB dreigt met loonbeslag.",
            since="2025-03-01",
            who="Glenn",
        ),
        Problem("justitie", 3, "Het CJIB kondigde gijzeling aan voor de openstaande boetes.", who="Glenn"),
        Problem("werk_opleiding", 3, "Vast contract als pakketbezorger; zonder rijbewijs geen baan.", who="Glenn"),
    ),
    organisations=(
        Organisation(FEIJENOORD, "gemeente", "Wmo 2015", "Casusregie", "1800.00"),
        Organisation("CJIB", "landelijke_uitvoeringsorganisatie", "Strafrecht", "Inning verkeersboetes", "0.00"),
        Organisation(
            SCHULDHULP, "schuldhulpverlening", "Wet gemeentelijke schuldhulpverlening", "Schuldhulptraject", "1500.00"
        ),
        SVB_KINDERBIJSLAG,
    ),
    plan=Plan(
        start="2025-10-06",
        in_kaart="Gesprek met Glenn; overzicht van het CJIB en de deurwaarder opgevraagd.",
        perspective="Over een jaar heb ik mijn baan nog, zijn de boetes betaald en kan Jaylen op voetbal blijven.",
        obstacle="financien",
        obstacle_text="De boetes lopen op en de gijzeling dreigt; zonder rijbewijs verliest hij zijn baan.",
        doorbraak="Schuldhulpverlening vraagt de noodstop bij het CJIB aan: de inning pauzeert vier maanden. In "
        "die tijd komt er één betalingsregeling voor alle boetes.",
        goals=(
            Goal("Boetes in één regeling, geen gijzeling", "financien", 3),
            Goal("Baan behouden", "werk_opleiding", 4),
        ),
        actions=(
            Action(
                "Noodstop aanvragen bij het CJIB",
                SCHULDHULP,
                1,
                goal=1,
                deviating=True,
                bases=("cjib_noodstop",),
                cost=4,
                done_days=5,
                onevenredigheid="Gijzeling en verlies van het rijbewijs kosten zijn baan en daarmee het "
                "inkomen waarmee de boetes betaald kunnen worden.",
                gelijkheid=GELIJK,
            ),
            Action("Betalingsregeling voor alle boetes bij het CJIB", SCHULDHULP, 8, goal=1, done_days=50),
            Action("Werkgever informeren en rooster behouden", FEIJENOORD, 4, goal=2, done_days=21),
        ),
        costs=(
            Cost(
                "Tweede wettelijke verhoging na de aanmaning",
                "huidig_pad",
                HUISHOUDEN,
                "1050.00",
                kind="overdracht",
                receiver="rijk",
                start=1,
                source="Overzicht CJIB; WAHV art. 25 lid 1 (100 % van sanctie en eerste verhoging)",
            ),
            Cost(
                "Gijzeling (enkele dagen)",
                "huidig_pad",
                "justitie",
                kengetal="detentie_volwassene",
                probability="0.3",
                start=3,
                months=1,
            ),
            Cost(
                "Bijstand na baanverlies",
                "huidig_pad",
                "gemeente_participatiewet",
                kengetal="bijstand_uitkering",
                probability="0.4",
                start=4,
                kind="overdracht",
                receiver=HUISHOUDEN,
            ),
            Cost(
                "Schuldhulptraject met noodstop",
                "doorbraak",
                "gemeente_schuldhulp",
                kengetal="schuldhulpverlening_traject",
            ),
        ),
        facts="Zes verkeersboetes van samen € 700 staan met de eerste wettelijke verhoging op € 1.050 en worden na "
        "de aanmaning € 2.100; het CJIB kondigde gijzeling aan. Glenn heeft een vast contract als bezorger.",
        circumstances="Alleenstaande vader; het werk is de enige inkomstenbron.",
        onevenredigheid="Gijzeling en baanverlies kosten meer dan de boetes zelf en maken betalen onmogelijk.",
        gelijkheid=GELIJK,
        risks="De noodstop duurt vier maanden; daarbinnen moet de regeling rond zijn.",
        grounds=(
            Basis("cjib_noodstop", "De inning pauzeert terwijl schuldhulp een regeling maakt."),
            Basis("rv_475c_beslagvrije_voet", "Bij het aangekondigde loonbeslag blijft de beslagvrije voet vrij."),
        ),
        privacy=ALLEEN_TAAK,
        privacy_text=PRIVACY_GEWOON,
        law="Wet gemeentelijke schuldhulpverlening, WAHV",
        evaluations=(
            Evaluation(0, 4, {"financien": 1, "justitie": 3, "werk_opleiding": 3}, "Nulmeting: gijzeling dreigt."),
            Evaluation(
                3, 7, {"financien": 3, "justitie": 4, "werk_opleiding": 4}, "Noodstop en regeling; geen gijzeling meer."
            ),
            Evaluation(
                6,
                8,
                {"financien": 4, "justitie": 5, "werk_opleiding": 4},
                "Regeling loopt zonder missers; afgesloten in overleg.",
            ),
        ),
    ),
)

KRAWCZYK = Story(
    key="krawczyk",
    summary="Anna en Tomasz Krawczyk (Rotterdam) woonden met hun baby in een schimmelwoning bij een particuliere "
    "verhuurder; de baby werd steeds ziek. Doorbraak: medische urgentie ondanks te korte inschrijving; "
    "geëvalueerd, rapportcijfer 8.",
    name="Huishouden Krawczyk",
    municipality=GEMEENTE,
    team="Wijkteam Delfshaven",
    professional="Sanne de Boer",
    status="geevalueerd",
    registered="2025-12-12 15:21",
    updated="2026-10-12 10:45",
    address=("Schiedamseweg", "57-A", "3026 AB", "Rotterdam"),
    people=(
        Person("Anna Krawczyk", "1995-04-17", "hoofdbewoner", bsn=True),
        Person("Tomasz Krawczyk", "1993-11-08", "partner", bsn=True),
        Person("Zofia Krawczyk", "2025-05-21"),
    ),
    problems=(
        Problem(
            "huisvesting",
            1,
            "Kamer met keuken bij een particuliere verhuurder; ernstige schimmel, de "
            "huur is te hoog voor de staat van de woning.",
            since="2025-06-01",
        ),
        Problem(
            "lichamelijke_gezondheid",
            2,
            "Zofia (baby) had drie keer een longontsteking; de kinderarts wijst op de schimmel.",
            since="2025-09-01",
            who="Zofia",
        ),
        Problem("geestelijke_gezondheid", 3, "Anna is uitgeput en slaapt slecht door de zorgen.", who="Anna"),
        Problem("werk_opleiding", 4, "Tomasz werkt vast in de haven; Anna is met verlof.", who="Tomasz"),
    ),
    organisations=(
        Organisation(DELFSHAVEN, "gemeente", "Wmo 2015", "Casusregie", "2100.00"),
        Organisation("Woonstichting De Nieuwe Haven", "woningcorporatie", "Huurrecht (BW)", "Nieuwe woning", "0.00"),
        Organisation("Zorgverzekeraar Polderpoort", "zorgverzekeraar", "Zvw", "Ziekenhuiszorg Zofia", "6400.00"),
        SVB_KINDERBIJSLAG,
        Organisation("Gemeente Rotterdam – Wonen", "gemeente", "Overig", "Urgentieverlening", "0.00"),
    ),
    plan=Plan(
        start="2026-01-12",
        in_kaart="Huisbezoek met de GGD (schimmelmeting); brief van de kinderarts.",
        perspective="Over een jaar wonen we in een gezonde woning en is Zofia niet meer ziek.",
        obstacle="huisvesting",
        obstacle_text="De schimmelwoning maakt de baby steeds ziek; zonder andere woning blijft dat zo.",
        doorbraak="De gemeente verleent medische urgentie, ook al staan ze korter dan twee jaar ingeschreven in de "
        "regio; de huurcommissie toetst de huur van de oude woning.",
        goals=(
            Goal("Een gezonde woning", "huisvesting", 4),
            Goal("Zofia niet meer opgenomen", "lichamelijke_gezondheid", 4),
        ),
        actions=(
            Action(
                "Medische urgentie verlenen ondanks korte inschrijving",
                "Gemeente Rotterdam – Wonen",
                4,
                goal=1,
                deviating=True,
                bases=("awb_4_84",),
                cost=3,
                done_days=24,
                onevenredigheid="De eis van twee jaar inschrijving houdt een baby in een woning die haar ziek maakt.",
                gelijkheid=GELIJK,
            ),
            Action("Huur laten toetsen door de huurcommissie", DELFSHAVEN, 6, goal=1, done_days=40),
            Action("Verhuizing en inrichting plannen", "Woonstichting De Nieuwe Haven", 14, goal=2, done_days=98),
        ),
        costs=(
            Cost(
                "Ziekenhuisopnames Zofia",
                "huidig_pad",
                "zorgverzekeraar",
                "3200.00",
                quantity="2",
                probability="0.6",
                start=2,
                source="Opgave kinderarts, kosten per opname 2026",
            ),
            Cost("Wijkteam, langdurige begeleiding", "huidig_pad", "gemeente_wmo", kengetal="wmo_uitvoering"),
            Cost(
                "Urgentieprocedure",
                "doorbraak",
                "gemeente_wmo",
                "450.00",
                source="Uitvoeringskosten urgentie, gemeente Rotterdam 2026",
            ),
        ),
        facts="Het gezin woont in een woning met ernstige schimmel (GGD-meting); de baby had drie longontstekingen.",
        circumstances="Een baby met een aantoonbaar gezondheidsrisico door de woning.",
        onevenredigheid="Vasthouden aan de inschrijfduur schaadt de gezondheid van een baby.",
        gelijkheid=GELIJK,
        risks="Andere woningzoekenden wachten langer; de urgentie is medisch onderbouwd en eenmalig.",
        grounds=(Basis("awb_4_84", "Afwijken van de beleidsregel over de minimale inschrijfduur."),),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Huisvestingsverordening Rotterdam, Awb",
        evaluations=(
            Evaluation(
                0,
                4,
                {"huisvesting": 1, "lichamelijke_gezondheid": 2, "geestelijke_gezondheid": 3},
                "Nulmeting: schimmelwoning, baby ziek.",
            ),
            Evaluation(
                3,
                7,
                {"huisvesting": 3, "lichamelijke_gezondheid": 3, "geestelijke_gezondheid": 3},
                "Urgentie verleend; woning aangeboden.",
            ),
            Evaluation(
                6,
                8,
                {"huisvesting": 5, "lichamelijke_gezondheid": 4, "geestelijke_gezondheid": 4},
                "Verhuisd; Zofia is sinds de verhuizing niet meer opgenomen.",
            ),
        ),
    ),
)

OUALI = Story(
    key="ouali",
    summary="Hamid Ouali (61, Rotterdam) zit na een amputatie in een rolstoel in een bovenwoning zonder lift. "
    "Concept: verhuizing naar een gelijkvloerse woning in plaats van een traplift.",
    name="Huishouden Ouali",
    municipality=GEMEENTE,
    team="Wijkteam Delfshaven",
    professional="Sanne de Boer",
    status="in_behandeling",
    registered="2026-09-25 07:31",
    updated="2026-10-28 13:50",
    address=("Wolphaertsbocht", "220-C", "3083 MS", "Rotterdam"),
    people=(
        Person("Hamid Ouali", "1965-07-01", "hoofdbewoner", bsn=True),
        Person("Khadija Ouali", "1968-12-12", "partner"),
    ),
    problems=(
        Problem(
            "basale_adl",
            2,
            "Na een amputatie (diabetes) in een rolstoel; de woning op drie hoog heeft geen "
            "lift en een smalle badkamer.",
            since="2026-08-01",
            who="Hamid",
        ),
        Problem(
            "lichamelijke_gezondheid", 2, "Diabetes met wondproblemen; wijkverpleging komt dagelijks.", who="Hamid"
        ),
        Problem("sociaal_netwerk", 3, "Khadija zorgt dag en nacht en raakt overbelast.", who="Khadija"),
    ),
    organisations=(
        Organisation("Gemeente Rotterdam – Wmo", "gemeente", "Wmo 2015", "Woonvoorziening (aanvraag)", "0.00"),
        Organisation("Thuiszorg Maasoever", "zorgaanbieder", "Zvw", "Wijkverpleging", "11200.00"),
        Organisation("Woonstichting De Nieuwe Haven", "woningcorporatie", "Huurrecht (BW)", "Huurwoning", "0.00"),
    ),
    plan=Plan(
        start="2026-10-20",
        in_kaart="Huisbezoek met de ergotherapeut.",
        perspective="Over een jaar kan ik zelf naar buiten en hoeft Khadija me niet meer de trap op te helpen.",
        obstacle="basale_adl",
        obstacle_text="De woning: zonder lift en met een smalle badkamer lukt zelfstandig leven niet.",
        doorbraak="Een verhuizing naar een gelijkvloerse woning met voorrang, met een verhuiskostenvergoeding uit "
        "de Wmo, in plaats van een traplift die in deze woning niet past.",
        goals=(Goal("Zelfstandig in en uit huis", "basale_adl", 4),),
        actions=(Action("Verhuisindicatie en voorrang voor een gelijkvloerse woning", "Gemeente Rotterdam – Wmo", 4),),
        costs=(
            Cost(
                "Wijkverpleging en mantelzorgondersteuning bij blijven",
                "huidig_pad",
                "zorgverzekeraar",
                "930.00",
                frequency="per_maand",
                source="Tarief wijkverpleging 2026",
            ),
            Cost(
                "Verhuiskostenvergoeding Wmo",
                "doorbraak",
                "gemeente_wmo",
                "3400.00",
                source="Verordening Wmo Rotterdam 2026, forfaitaire vergoeding",
            ),
        ),
        stage=2,
    ),
)

PINAS = Story(
    key="pinas",
    summary="Rachel Pinas (29, Rotterdam) en zoon Jayden (10, autisme en ADHD), die al maanden thuiszit. "
    "Doorbraak: jeugdhulp in de klas als spoedvoorziening vóór de toelaatbaarheidsverklaring; plan vastgesteld.",
    name="Huishouden Pinas",
    municipality=GEMEENTE,
    team="Wijkteam Feijenoord",
    professional="Mehmet Kaya",
    status="plan_vastgesteld",
    registered="2026-03-13 07:39",
    updated="2026-10-12 16:10",
    address=("Dordtselaan", "140-B", "3073 GK", "Rotterdam"),
    people=(Person("Rachel Pinas", "1997-02-02", "hoofdbewoner", bsn=True), Person("Jayden Pinas", "2016-05-23")),
    problems=(
        Problem(
            "maatschappelijke_participatie",
            1,
            "Jayden (10) zit sinds maart thuis: de basisschool kan hem "
            "niet meer opvangen en voor het speciaal onderwijs ontbreekt de toelaatbaarheidsverklaring.",
            since="2026-03-01",
            who="Jayden",
        ),
        Problem("geestelijke_gezondheid", 2, "Jayden heeft autisme en ADHD; driftbuien thuis.", who="Jayden"),
        Problem("werk_opleiding", 2, "Rachel verloor haar baan omdat ze thuis moet blijven.", who="Rachel"),
    ),
    organisations=(
        Organisation(FEIJENOORD, "gemeente", "Wmo 2015", "Casusregie", "2900.00"),
        Organisation(LEERPLICHT, "gemeente", "Overig", "Thuiszittersoverleg", "0.00"),
        Organisation(
            "Jeugdhulp Havenkracht", "jeugdhulpaanbieder", "Jeugdwet", "Ambulante begeleiding Jayden", "6500.00"
        ),
        Organisation("Basisschool De Sleutel", "onderwijs", "Overig", "Inschrijving Jayden", "0.00"),
        SVB_KINDERBIJSLAG,
        Organisation(
            "Gemeente Rotterdam – Werk en Inkomen", "gemeente", "Participatiewet", "Bijzondere bijstand", "0.00"
        ),
    ),
    plan=Plan(
        start="2026-10-12",
        in_kaart="Thuiszittersoverleg met school, samenwerkingsverband, leerplicht en jeugdhulp.",
        perspective="Over een jaar gaat Jayden elke dag naar een school die bij hem past en werk ik weer.",
        obstacle="maatschappelijke_participatie",
        obstacle_text="De zoon zit thuis: zonder school geen ritme voor hem en geen werk voor zijn moeder.",
        doorbraak="Jeugdhulp begeleidt de zoon als spoedvoorziening in een klas van het speciaal onderwijs, "
        "vóór de toelaatbaarheidsverklaring rond is; leerplicht bewaakt de terugkeer naar school.",
        goals=(
            Goal("Jayden elke dag naar school", "maatschappelijke_participatie", 4),
            Goal("Rachel weer aan het werk", "werk_opleiding", 3),
        ),
        actions=(
            Action(
                "Begeleiding in de klas als spoedvoorziening",
                "Jeugdhulp Havenkracht",
                2,
                goal=1,
                deviating=True,
                bases=("jeugd_spoedvoorziening",),
                cost=3,
                onevenredigheid="Nog maanden thuiszitten schaadt de ontwikkeling van Jayden.",
                gelijkheid=GELIJK,
            ),
            Action("Toelaatbaarheidsverklaring en terugkeer naar school bewaken", LEERPLICHT, 8, goal=1),
            Action("Werk zoeken zodra de zoon naar school gaat", WERK_INKOMEN, 16, goal=2),
        ),
        costs=(
            Cost(
                "Thuiszitten: zwaardere jeugdhulp later",
                "huidig_pad",
                "gemeente_jeugdwet",
                "1900.00",
                frequency="per_maand",
                probability="0.5",
                start=4,
                source="Tarief residentiële jeugdhulp 2026",
            ),
            Cost(
                "Bijstand omdat Rachel niet kan werken",
                "huidig_pad",
                "gemeente_participatiewet",
                kengetal="bijstand_uitkering",
                kind="overdracht",
                receiver=HUISHOUDEN,
            ),
            Cost(
                "Begeleiding in de klas",
                "doorbraak",
                "gemeente_jeugdwet",
                "1200.00",
                frequency="per_maand",
                months=6,
                source="Tarief onderwijszorgarrangement Rotterdam 2026",
            ),
        ),
        facts="Jayden (10) zit sinds maart 2026 thuis; de toelaatbaarheidsverklaring laat op zich wachten.",
        circumstances="Een kind met autisme en ADHD; de moeder verloor haar baan.",
        onevenredigheid="Wachten tot alle papieren rond zijn, laat een kind van tien maanden zonder onderwijs.",
        gelijkheid=GELIJK,
        risks="Als de verklaring wordt geweigerd, zoekt het thuiszittersoverleg binnen zes weken een andere plek.",
        grounds=(Basis("jeugd_spoedvoorziening", "Spoedvoorziening uit de verordening jeugdhulp."),),
        privacy=GEZONDHEID_JEUGD,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Jeugdwet, Leerplichtwet 1969",
    ),
)

STORIES = (DE_VRIES, HOELLE, WIJNGAARDE, KRAWCZYK, OUALI, PINAS)

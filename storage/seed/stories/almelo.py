"""Almelo (GM0141): six households of Sociaal wijkteam Almelo-Zuid (Erik Wolters) and Almelo-Noord (Marloes
Nijhuis). Plans are decided by the maatwerkfunctionaris Monique Kamphuis."""

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

GEMEENTE = "GM0141"
ZUID = "Gemeente Almelo – Sociaal wijkteam Almelo-Zuid"
NOORD = "Gemeente Almelo – Sociaal wijkteam Almelo-Noord"
WERK_INKOMEN = "Gemeente Almelo – Werk en Inkomen"
SCHULDHULP = "Gemeente Almelo – Schuldhulpverlening"
WMO = "Gemeente Almelo – Wmo"

BRUGGEMANN = Story(
    key="bruggemann",
    summary="Petra en Uwe Brüggemann (Almelo): Uwe staat na premieachterstand in de wanbetalersregeling, Petra "
    "is depressief en de schulden groeien. Concept klaar voor besluit: schuldregeling zodat het CAK de "
    "bestuursrechtelijke premie stopt, en ggz voor Petra.",
    name="Huishouden Brüggemann",
    municipality=GEMEENTE,
    team="Sociaal wijkteam Almelo-Zuid",
    professional="Erik Wolters",
    status="in_behandeling",
    registered="2026-06-10 08:49",
    updated="2026-10-30 10:15",
    address=("Wierdensestraat", "145", "7604 BB", "Almelo"),
    people=(
        Person("Petra Brüggemann", "1975-11-04", "hoofdbewoner", bsn=True),
        Person("Uwe Brüggemann", "1971-03-19", "partner", bsn=True),
    ),
    problems=(
        Problem(
            "financien",
            1,
            "Uwe heeft acht maanden premieachterstand en is aangemeld bij het CAK; de "
            "zorgverzekering loopt door, maar de bestuursrechtelijke premie wordt op zijn loon ingehouden. "
            "Samen € 17.800 schulden.",
            since="2025-10-01",
            who="Uwe",
        ),
        Problem(
            "geestelijke_gezondheid",
            2,
            "Petra is depressief en komt nauwelijks uit bed.",
            since="2025-12-01",
            who="Petra",
        ),
        Problem(
            "werk_opleiding", 3, "Uwe werkt als vrachtwagenchauffeur; Petra is sinds een jaar ziek thuis.", who="Uwe"
        ),
    ),
    organisations=(
        Organisation(ZUID, "gemeente", "Wmo 2015", "Casusregie", "2800.00"),
        Organisation("CAK", "landelijke_uitvoeringsorganisatie", "Zvw", "Bestuursrechtelijke premie Zvw", "2460.00"),
        Organisation("GGZ Tukkerland", "zorgaanbieder", "Zvw", "Basis-ggz (aanmelding)", "0.00"),
        Organisation(SCHULDHULP, "schuldhulpverlening", "Wet gemeentelijke schuldhulpverlening", "Intake", "0.00"),
    ),
    plan=Plan(
        start="2026-10-16",
        in_kaart="Gesprekken met Petra en Uwe; CAK-beschikking en schuldenoverzicht opgevraagd.",
        perspective="Over een jaar hebben we een regeling, is Petra weer aan het werk en gaan we samen op "
        "vakantie naar Uwe's familie.",
        obstacle="financien",
        obstacle_text="De inhouding van de bestuursrechtelijke premie en de schulden houden de depressie van de "
        "vrouw in stand.",
        doorbraak="Schuldhulpverlening neemt hen op in een schuldregeling en meldt dat bij het CAK, zodat de "
        "bestuursrechtelijke premie stopt; de vrouw start basis-ggz.",
        goals=(
            Goal("Schuldregeling en gewone premie", "financien", 3),
            Goal("Petra herstelt van haar depressie", "geestelijke_gezondheid", 3),
        ),
        actions=(
            Action("Schuldregeling starten en het CAK melden dat de man in de regeling zit", SCHULDHULP, 4, goal=1),
            Action("Basis-ggz voor de vrouw", "GGZ Tukkerland", 3, goal=2),
        ),
        costs=(
            Cost(
                "Bestuursrechtelijke premie boven de gewone premie",
                "huidig_pad",
                HUISHOUDEN,
                "41.00",
                frequency="per_maand",
                kind="overdracht",
                receiver="zorgverzekeringsfonds",
                source="Beschikking CAK in het dossier",
            ),
            Cost("Loonbeslag en incassokosten", "huidig_pad", "overig", "1600.00", source="Schuldenoverzicht dossier"),
            Cost("Schuldregeling", "doorbraak", "gemeente_schuldhulp", kengetal="schuldhulpverlening_traject"),
            Cost(
                "Basis-ggz voor de vrouw",
                "doorbraak",
                "zorgverzekeraar",
                "2600.00",
                source="Opgave GGZ Tukkerland, 2026",
            ),
        ),
        facts="Uwe is aangemeld bij het CAK na acht maanden premieachterstand; samen € 17.800 schulden. Petra is "
        "depressief.",
        circumstances="Vast inkomen; de depressie maakt zelf regelen onmogelijk.",
        onevenredigheid="",
        gelijkheid=GELIJK,
        risks="Een gemiste aflossing beëindigt de regeling; budgetbeheer voorkomt dat.",
        grounds=(Basis("zvw_18a_18g", "Met een schuldregeling stopt het CAK de bestuursrechtelijke premie."),),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Zorgverzekeringswet, Wet gemeentelijke schuldhulpverlening",
    ),
)

DE_GRAAF = Story(
    key="de_graaf",
    summary="Gezin De Graaf (Almelo): moeder Chantal verzweeg € 23.000 gokschulden; dochter Julia (17) verliest "
    "op haar 18e haar begeleiding. Doorbraak: schuldregeling ondanks de gokverslaving, behandeling en "
    "verlengde jeugdhulp; in uitvoering.",
    name="Huishouden De Graaf",
    municipality=GEMEENTE,
    team="Sociaal wijkteam Almelo-Noord",
    professional="Marloes Nijhuis",
    status="uitvoering",
    registered="2025-10-08 11:40",
    updated="2026-10-26 16:00",
    address=("Ootmarsumsestraat", "210", "7603 AH", "Almelo"),
    people=(
        Person("Chantal de Graaf", "1986-01-31", "hoofdbewoner", bsn=True),
        Person("Ronald de Graaf", "1983-07-22", "partner", bsn=True),
        Person("Julia de Graaf", "2009-04-02"),
        Person("Tim de Graaf", "2014-05-16"),
    ),
    problems=(
        Problem(
            "financien",
            1,
            "€ 23.000 schulden door online gokken, verzwegen voor Ronald; twee deurwaarders.",
            since="2024-06-01",
            who="Chantal",
        ),
        Problem(
            "middelengebruik",
            2,
            "Chantal gokt online; ze erkent de verslaving en wil hulp.",
            since="2023-01-01",
            who="Chantal",
        ),
        Problem(
            "maatschappelijke_participatie",
            3,
            "Julia (17) heeft een licht verstandelijke beperking en "
            "begeleiding via de Jeugdwet, die stopt op haar 18e in april 2027.",
            who="Julia",
        ),
        Problem("huiselijke_relaties", 2, "Het vertrouwen tussen Chantal en Ronald is geschaad.", who="Ronald"),
    ),
    organisations=(
        Organisation(NOORD, "gemeente", "Wmo 2015", "Gezinscoaching", "3400.00"),
        Organisation(
            SCHULDHULP, "schuldhulpverlening", "Wet gemeentelijke schuldhulpverlening", "Schuldregeling", "1500.00"
        ),
        Organisation("Verslavingszorg Oost", "zorgaanbieder", "Zvw", "Behandeling gokverslaving", "3900.00"),
        Organisation("Jeugdhulp Twentekracht", "jeugdhulpaanbieder", "Jeugdwet", "Begeleiding Julia", "7200.00"),
        SVB_KINDERBIJSLAG,
        Organisation("Gemeente Almelo – Jeugd", "gemeente", "Jeugdwet", "Verlengde jeugdhulp (besluit)", "0.00"),
    ),
    plan=Plan(
        start="2025-11-10",
        in_kaart="Gesprekken met Chantal, Ronald en Julia; schulden met de schuldhulpverlener uitgezocht.",
        perspective="Over een jaar gok ik niet meer, lossen we af en heeft Julia na haar 18e nog steeds haar "
        "begeleider.",
        obstacle="financien",
        obstacle_text="De gokschulden en de deurwaarders: zonder regeling geen rust om te stoppen met gokken.",
        doorbraak="Schuldhulpverlening laat de moeder toe tot de schuldregeling ondanks de gokverslaving, op "
        "voorwaarde dat ze in behandeling blijft; de vader beheert het geld. Voor de dochter wordt verlengde jeugdhulp "
        "aangevraagd.",
        goals=(
            Goal("Schulden in een regeling", "financien", 3),
            Goal("Chantal stopt met gokken", "middelengebruik", 3),
            Goal("Julia houdt begeleiding na haar 18e", "maatschappelijke_participatie", 4),
        ),
        actions=(
            Action(
                "Toelaten tot de schuldregeling ondanks gokverslaving",
                SCHULDHULP,
                4,
                goal=1,
                status="gedaan",
                done_days=26,
                deviating=True,
                bases=("awb_4_84",),
                cost=3,
                onevenredigheid="Weigeren houdt de deurwaarders aan de deur en maakt stoppen met gokken "
                "onwaarschijnlijk.",
                gelijkheid=GELIJK,
            ),
            Action("Behandeling gokverslaving", "Verslavingszorg Oost", 2, goal=2, status="gedaan", done_days=14),
            Action("Relatiegesprekken", NOORD, 12, goal=2, status="bezig"),
            Action(
                "Verlengde jeugdhulp voor de dochter aanvragen",
                "Gemeente Almelo – Jeugd",
                40,
                goal=3,
                status="vastgelopen",
                note="De gemeente wil eerst een Wmo-onderzoek; de jeugdhulpaanbieder wacht op een besluit.",
            ),
        ),
        costs=(
            Cost(
                "Beslag en incasso door twee deurwaarders",
                "huidig_pad",
                "overig",
                "2400.00",
                source="Beslagexploten in dossier",
            ),
            Cost(
                "Gezinsbehandeling bij escalatie",
                "huidig_pad",
                "gemeente_jeugdwet",
                kengetal="jeugdhulp_uitvoering",
                probability="0.4",
            ),
            Cost("Schuldregeling", "doorbraak", "gemeente_schuldhulp", kengetal="schuldhulpverlening_traject"),
            Cost(
                "Behandeling gokverslaving",
                "doorbraak",
                "zorgverzekeraar",
                "3900.00",
                source="Opgave Verslavingszorg Oost, 2026",
            ),
        ),
        facts="Chantal heeft € 23.000 gokschulden; ze erkent de verslaving. Julia (17) heeft begeleiding via de "
        "Jeugdwet tot haar 18e.",
        circumstances="Ronald heeft vast werk en beheert het geld; Chantal is in behandeling.",
        onevenredigheid="Weigeren van schuldhulp bij een erkende verslaving in behandeling houdt de schuld in stand.",
        gelijkheid=GELIJK,
        risks="Terugval in gokken beëindigt de regeling; de behandelaar meldt een terugval.",
        grounds=(
            Basis("awb_4_84", "Afwijken van de beleidsregel schuldhulp (geen regeling bij actuele verslaving)."),
            Basis("jeugdwet_1_1", "Verlengde jeugdhulp tot 23 jaar voor Julia."),
        ),
        privacy=GEZONDHEID_JEUGD,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Wet gemeentelijke schuldhulpverlening, Jeugdwet, Awb",
        evaluations=(
            Evaluation(0, 3, {"financien": 1, "middelengebruik": 2, "huiselijke_relaties": 2}, "Nulmeting."),
            Evaluation(
                3,
                5,
                {"financien": 2, "middelengebruik": 3, "huiselijke_relaties": 2},
                "Regeling gestart; Chantal gokt niet meer.",
            ),
            Evaluation(
                6,
                6,
                {"financien": 3, "middelengebruik": 3, "huiselijke_relaties": 3},
                "Geen terugval; verlengde jeugdhulp voor Julia hangt nog.",
            ),
        ),
    ),
)

KIDANE = Story(
    key="kidane",
    summary="Tesfay en Selam Kidane (Almelo), statushouders uit Eritrea: inburgering, taal en werk kwamen niet "
    "op gang. Doorbraak: taal leren op de werkvloer bij een metaalbedrijf; Tesfay werkt, afgesloten.",
    name="Huishouden Kidane",
    municipality=GEMEENTE,
    team="Sociaal wijkteam Almelo-Zuid",
    professional="Erik Wolters",
    status="afgesloten",
    registered="2025-06-12 09:27",
    updated="2026-08-20 13:00",
    address=("Sluitersveldssingel", "58", "7604 GC", "Almelo"),
    people=(
        Person("Tesfay Kidane", "1991-09-01", "hoofdbewoner", bsn=True),
        Person("Selam Kidane", "1995-12-20", "partner", bsn=True),
        Person("Senait Kidane", "2020-08-08"),
        Person("Amanuel Kidane", "2023-01-15"),
    ),
    problems=(
        Problem(
            "werk_opleiding",
            2,
            "Tesfay was lasser in Eritrea; de inburgering is te schools voor hem.",
            since="2024-11-01",
            who="Tesfay",
        ),
        Problem("financien", 3, "Bijstand en een lening voor de inrichting van de woning.", who="Tesfay"),
        Problem("sociaal_netwerk", 3, "Weinig contacten buiten de eigen gemeenschap.", who="Selam"),
    ),
    organisations=(
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijstand gezin", "23900.00"),
        Organisation(ZUID, "gemeente", "Wmo 2015", "Maatschappelijke begeleiding", "2400.00"),
        SVB_KINDERBIJSLAG,
        Organisation("Metaalbedrijf Twentestaal", "werkgever", "Overig", "Werkplek lasser", "0.00"),
    ),
    plan=Plan(
        start="2025-07-14",
        in_kaart="Gesprekken met Tesfay en Selam met tolk.",
        perspective="Over een jaar werk ik als lasser en spreken we genoeg Nederlands voor school en dokter.",
        obstacle="werk_opleiding",
        obstacle_text="Zonder werk blijft de taal hangen, en zonder taal komt er geen werk.",
        doorbraak="De vader leert Nederlands op de werkvloer van een metaalbedrijf, met behoud van uitkering; de "
        "sollicitatieplicht wordt daarop afgestemd.",
        goals=(Goal("Betaald werk als lasser", "werk_opleiding", 4),),
        actions=(
            Action(
                "Werkplek met taalcoach bij een metaalbedrijf",
                WERK_INKOMEN,
                6,
                goal=1,
                deviating=True,
                bases=("pw_9_lid_2", "pw_18_lid_1"),
                cost=3,
                done_days=40,
                onevenredigheid="Een klassikaal traject past niet bij zijn vakmanschap en duurt jaren langer.",
                gelijkheid=GELIJK,
            ),
            Action("Vast contract na zes maanden", "Metaalbedrijf Twentestaal", 30, goal=1, done_days=200),
        ),
        costs=(
            Cost(
                "Bijstand gezin",
                "huidig_pad",
                "gemeente_participatiewet",
                "23900.00",
                frequency="per_jaar",
                kind="overdracht",
                receiver=HUISHOUDEN,
                source="Bijstandsnorm gehuwden 2025",
            ),
            Cost("Uitvoering bijstand", "huidig_pad", "gemeente_participatiewet", kengetal="bijstand_uitvoering"),
            Cost(
                "Taalcoach op de werkvloer",
                "doorbraak",
                "gemeente_participatiewet",
                "2600.00",
                source="Offerte taalcoach 2025",
            ),
            Cost(
                "Bijstand tot het eerste loon",
                "doorbraak",
                "gemeente_participatiewet",
                "23900.00",
                frequency="per_jaar",
                months=6,
                kind="overdracht",
                receiver=HUISHOUDEN,
                source="Bijstandsnorm gehuwden 2025",
            ),
        ),
        facts="Tesfay (33) is lasser; de inburgering liep vast.",
        circumstances="Een werkgever zoekt lassers.",
        onevenredigheid="Het standaardtraject houdt het gezin jaren in de bijstand.",
        gelijkheid=GELIJK,
        risks="Als de werkplek stopt, gaat Tesfay terug naar het gewone traject.",
        grounds=(
            Basis("pw_9_lid_2", "Tijdelijke ontheffing van de arbeidsverplichting tijdens de werkplek met taalcoach."),
            Basis("pw_18_lid_1", "Verplichtingen afgestemd: taal leren op de werkvloer."),
        ),
        privacy=ALLEEN_TAAK,
        privacy_text=PRIVACY_GEWOON,
        law="Participatiewet, Wet inburgering 2021",
        evaluations=(
            Evaluation(0, 5, {"werk_opleiding": 2, "financien": 3}, "Nulmeting."),
            Evaluation(3, 7, {"werk_opleiding": 3, "financien": 3}, "Werkt vier dagen met taalcoach."),
            Evaluation(6, 8, {"werk_opleiding": 4, "financien": 4}, "Contract; bijstand beëindigd."),
            Evaluation(12, 8, {"werk_opleiding": 4, "financien": 4}, "Vast contract; afgesloten."),
        ),
    ),
)

LAMMERS = Story(
    key="lammers",
    summary="Gerrit Lammers (58, Almelo) met COPD kan na zijn scheiding de huur niet meer betalen. Concept: "
    "goedkopere woning met urgentie en huurachterstand uit bijzondere bijstand.",
    name="Huishouden Lammers",
    municipality=GEMEENTE,
    team="Sociaal wijkteam Almelo-Noord",
    professional="Marloes Nijhuis",
    status="in_behandeling",
    registered="2026-04-23 10:35",
    updated="2026-10-29 12:30",
    address=("Bornerbroeksestraat", "77", "7601 BE", "Almelo"),
    people=(Person("Gerrit Lammers", "1968-05-27", "hoofdbewoner", bsn=True),),
    problems=(
        Problem(
            "huisvesting",
            2,
            "De eengezinswoning van Wetterhorst Wonen is te duur met één inkomen; € 1.800 huurachterstand.",
            since="2025-12-01",
        ),
        Problem("lichamelijke_gezondheid", 2, "COPD; traplopen lukt nauwelijks.", who="Gerrit"),
        Problem("financien", 3, "WIA-uitkering; verder geen schulden.", who="Gerrit"),
    ),
    organisations=(
        Organisation("Wetterhorst Wonen", "woningcorporatie", "Huurrecht (BW)", "Huurwoning", "0.00"),
        Organisation("UWV", "landelijke_uitvoeringsorganisatie", "WIA/Wajong", "WIA-uitkering", "17600.00"),
        Organisation(NOORD, "gemeente", "Wmo 2015", "Casusregie", "1500.00"),
        Organisation("Gemeente Almelo – Werk en Inkomen", "gemeente", "Participatiewet", "Bijzondere bijstand", "0.00"),
    ),
    plan=Plan(
        start="2026-10-22",
        in_kaart="Huisbezoek en overleg met Wetterhorst Wonen.",
        perspective="Over een jaar woon ik gelijkvloers en betaalbaar, zonder achterstand.",
        obstacle="huisvesting",
        obstacle_text="De te dure woning met trappen: de achterstand groeit en traplopen lukt niet.",
        doorbraak="Wetterhorst Wonen biedt met urgentie een gelijkvloerse woning; de gemeente betaalt de "
        "achterstand uit bijzondere bijstand zodat de verhuizing door kan gaan.",
        goals=(Goal("Betaalbaar en gelijkvloers wonen", "huisvesting", 4),),
        actions=(
            Action(
                "Huurachterstand betalen uit bijzondere bijstand",
                WERK_INKOMEN,
                3,
                goal=1,
                deviating=True,
                bases=("pw_35",),
                cost=2,
                onevenredigheid="Zonder betaling geen nieuwe woning en groeit de achterstand verder.",
                gelijkheid=GELIJK,
            ),
        ),
        costs=(
            Cost("Huisuitzetting", "huidig_pad", "overig", kengetal="huisuitzetting", probability="0.2", start=6),
            Cost(
                "Huurachterstand uit bijzondere bijstand",
                "doorbraak",
                "gemeente_participatiewet",
                "1800.00",
                kind="overdracht",
                receiver="woningcorporatie",
                source="Huurafrekening Wetterhorst Wonen",
            ),
        ),
        stage=3,
    ),
)

TER_HORST = Story(
    key="ter_horst",
    summary="Esther ter Horst (37, Almelo) en haar dochters: de ex-partner betaalt geen alimentatie meer. "
    "Doorbraak: voorschot uit bijzondere bijstand als lening tot het LBIO int; plan vastgesteld.",
    name="Huishouden Ter Horst",
    municipality=GEMEENTE,
    team="Sociaal wijkteam Almelo-Zuid",
    professional="Erik Wolters",
    status="plan_vastgesteld",
    registered="2026-07-20 14:00",
    updated="2026-10-28 09:45",
    address=("Nieuwstraat", "12", "7607 SP", "Almelo"),
    people=(
        Person("Esther ter Horst", "1989-06-06", "hoofdbewoner", bsn=True),
        Person("Lieke ter Horst", "2015-10-10"),
        Person("Roos ter Horst", "2018-12-03"),
    ),
    problems=(
        Problem(
            "financien",
            2,
            "De ex-partner betaalt sinds mei geen kinderalimentatie (€ 540 per maand); "
            "het LBIO is ingeschakeld maar int nog niet.",
            since="2026-05-01",
            who="Esther",
        ),
        Problem("werk_opleiding", 4, "Esther werkt 24 uur als doktersassistente.", who="Esther"),
    ),
    organisations=(
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijzondere bijstand (aanvraag)", "0.00"),
        Organisation("LBIO", "landelijke_uitvoeringsorganisatie", "Overig", "Inning kinderalimentatie", "0.00"),
        SVB_KINDERBIJSLAG,
    ),
    plan=Plan(
        start="2026-10-28",
        in_kaart="Gesprek met Esther; vonnis alimentatie en LBIO-correspondentie.",
        perspective="Over een jaar hebben de meiden gewoon wat ze nodig hebben en betaal ik alles op tijd.",
        obstacle="financien",
        obstacle_text="Zonder de alimentatie komt de moeder elke maand € 540 tekort.",
        doorbraak="De gemeente betaalt een voorschot uit bijzondere bijstand als renteloze lening; de moeder "
        "betaalt terug zodra het LBIO de achterstallige alimentatie int.",
        goals=(Goal("Elke maand rondkomen", "financien", 4),),
        actions=(
            Action(
                "Voorschot als lening uit bijzondere bijstand",
                WERK_INKOMEN,
                2,
                goal=1,
                deviating=True,
                bases=("pw_35", "pw_48_lid_2"),
                cost=2,
                onevenredigheid="Wachten op de inning laat twee kinderen maanden tekortkomen.",
                gelijkheid=GELIJK,
            ),
            Action("Inning alimentatie bewaken", "LBIO", 12, goal=1),
        ),
        costs=(
            Cost(
                "Betalingsachterstanden en incasso",
                "huidig_pad",
                "overig",
                "750.00",
                probability="0.7",
                source="Schatting wijkteam 2026",
            ),
            Cost(
                "Voorschot vier maanden alimentatie (lening)",
                "doorbraak",
                "gemeente_participatiewet",
                "2160.00",
                kind="overdracht",
                receiver=HUISHOUDEN,
                loan_months=12,
                default_probability="0.1",
                source="Vonnis kinderalimentatie (€ 540 per maand)",
            ),
        ),
        facts="De ex-partner betaalt sinds mei 2026 geen kinderalimentatie (€ 540 per maand).",
        circumstances="Esther werkt; het tekort is tijdelijk.",
        onevenredigheid="Maanden tekort door iemand anders' wanbetaling.",
        gelijkheid=GELIJK,
        risks="Als het LBIO niet int, wordt de lening omgezet in een afbetalingsregeling.",
        grounds=(Basis("pw_48_lid_2", "Bijstand als geldlening."), Basis("pw_35", "Bijzondere bijstand.")),
        privacy=ALLEEN_TAAK,
        privacy_text=PRIVACY_GEWOON,
        law="Participatiewet",
    ),
)

NIJLAND = Story(
    key="nijland",
    summary="Bart Nijland (31, Almelo) kwam uit een verslavingskliniek zonder woning; opname buiten de regio "
    "dreigde. Doorbraak: een eigen woning met intensieve begeleiding in de wijk (Housing First); in uitvoering.",
    name="Huishouden Nijland",
    municipality=GEMEENTE,
    team="Sociaal wijkteam Almelo-Noord",
    professional="Marloes Nijhuis",
    status="uitvoering",
    registered="2026-03-16 11:05",
    updated="2026-10-27 10:40",
    address=("Sluitersveldssingel", "201", "7604 GE", "Almelo"),
    people=(Person("Bart Nijland", "1995-02-08", "hoofdbewoner", bsn=True),),
    problems=(
        Problem(
            "middelengebruik",
            2,
            "Na twaalf weken kliniek (cocaïne, alcohol) clean; terugvalgevaar in de oude omgeving.",
            since="2022-01-01",
            who="Bart",
        ),
        Problem(
            "huisvesting",
            2,
            "Sinds februari een woning van Woonstichting Het Wierden via Housing First.",
            since="2025-10-01",
        ),
        Problem("financien", 3, "Bijstand met budgetbeheer; € 6.000 oude schulden.", who="Bart"),
    ),
    organisations=(
        Organisation(WMO, "gemeente", "Wmo 2015", "Housing First-begeleiding", "16400.00"),
        Organisation("Verslavingszorg Oost", "zorgaanbieder", "Zvw", "Ambulante nazorg", "4200.00"),
        Organisation("Woonstichting Het Wierden", "woningcorporatie", "Huurrecht (BW)", "Huurwoning", "0.00"),
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijstand alleenstaande", "16800.00"),
        Organisation(
            "Gemeente Almelo – Schuldhulpverlening",
            "schuldhulpverlening",
            "Wet gemeentelijke schuldhulpverlening",
            "Schuldhulptraject",
            "1500.00",
        ),
    ),
    plan=Plan(
        start="2026-04-20",
        in_kaart="Gesprekken met Bart, zijn behandelaar en zijn moeder.",
        perspective="Over een jaar ben ik nog steeds clean, woon ik op mezelf en doe ik vrijwilligerswerk.",
        obstacle="middelengebruik",
        obstacle_text="Zonder eigen plek met steun valt hij terug; de enige plek in beschermd wonen is in "
        "Zwolle, ver van zijn netwerk.",
        doorbraak="Een eigen woning in de wijk met intensieve Housing First-begeleiding, in plaats van beschermd "
        "wonen buiten de regio.",
        goals=(Goal("Clean blijven", "middelengebruik", 3), Goal("Zelfstandig wonen", "huisvesting", 4)),
        actions=(
            Action(
                "Housing First-woning met intensieve begeleiding",
                WMO,
                2,
                goal=2,
                status="gedaan",
                done_days=12,
                deviating=True,
                bases=("wmo_2_3_5", "awb_4_84"),
                cost=3,
                onevenredigheid="Beschermd wonen buiten de regio breekt het netwerk af dat terugval voorkomt.",
                gelijkheid=GELIJK,
            ),
            Action("Ambulante nazorg verslaving", "Verslavingszorg Oost", 1, goal=1, status="bezig"),
            Action("Schuldregeling voor de oude schulden", SCHULDHULP, 20, goal=2, status="open"),
        ),
        costs=(
            Cost("Beschermd wonen buiten de regio", "huidig_pad", "gemeente_wmo", kengetal="intensief_beschermd_wonen"),
            Cost(
                "Housing First-begeleiding",
                "doorbraak",
                "gemeente_wmo",
                "1370.00",
                frequency="per_maand",
                source="Tarief Housing First Twente 2026",
            ),
            Cost(
                "Ambulante nazorg",
                "doorbraak",
                "zorgverzekeraar",
                "350.00",
                frequency="per_maand",
                source="Opgave Verslavingszorg Oost, 2026",
            ),
        ),
        facts="Bart (31) is na twaalf weken kliniek clean; er was geen woning.",
        circumstances="Steunend netwerk in Almelo.",
        onevenredigheid="Plaatsing buiten de regio vergroot de kans op terugval.",
        gelijkheid=GELIJK,
        risks="Bij terugval schaalt de begeleiding op; de corporatie is geïnformeerd.",
        grounds=(
            Basis("wmo_2_3_5", "Maatwerkvoorziening Housing First."),
            Basis(
                "awb_4_84",
                "Afwijken van de regionale plaatsingsregel beschermd wonen (de eerste vrije plek in de regio).",
            ),
        ),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Wmo 2015",
        evaluations=(
            Evaluation(0, 5, {"middelengebruik": 2, "huisvesting": 2, "financien": 3}, "Nulmeting."),
            Evaluation(3, 7, {"middelengebruik": 3, "huisvesting": 4, "financien": 3}, "Clean; woont zelfstandig."),
            Evaluation(
                6,
                7,
                {"middelengebruik": 3, "huisvesting": 4, "financien": 3},
                "Eén uitglijder opgevangen; vrijwilligerswerk bij de voedselbank.",
            ),
        ),
    ),
)

STORIES = (BRUGGEMANN, DE_GRAAF, KIDANE, LAMMERS, TER_HORST, NIJLAND)

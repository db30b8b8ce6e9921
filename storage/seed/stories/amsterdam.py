"""Amsterdam (GM0363): six households of Buurtteam Oost (Fatima Bouzid) and Buurtteam Nieuw-West (Jeroen
Hoekstra). Plans are decided by the maatwerkfunctionaris Sanne de Wit."""

from __future__ import annotations

from storage.seed.stories.common import (
    ALLEEN_TAAK,
    GELIJK,
    GEZONDHEID_JEUGD,
    PRIVACY_GEWOON,
    PRIVACY_GEZONDHEID,
    SVB_KINDERBIJSLAG,
    TAAK,
)
from storage.seed.stories.model import (
    HUISHOUDEN,
    Action,
    Basis,
    Change,
    Cost,
    Evaluation,
    Goal,
    Organisation,
    Person,
    Plan,
    Problem,
    Story,
)

GEMEENTE = "GM0363"
OOST = "Gemeente Amsterdam – Buurtteam Oost"
NIEUW_WEST = "Gemeente Amsterdam – Buurtteam Nieuw-West"
WERK_INKOMEN = "Gemeente Amsterdam – Werk, Participatie en Inkomen"
SCHULDHULP = "Gemeente Amsterdam – Schuldhulpverlening"
LEERPLICHT = "Gemeente Amsterdam – Leerplicht"

OZDEMIR = Story(
    key="ozdemir",
    summary="Ayşe Özdemir (38, Amsterdam), alleenstaande moeder: terugvordering huurtoeslag en € 11.300 schulden; "
    "zoon Emir (16) verzuimt. Concept: minnelijke regeling, betalingsregeling Toeslagen, leerplicht en "
    "jeugdhulp samen (met een niet-opgeslagen concepttekst).",
    name="Huishouden Özdemir",
    municipality=GEMEENTE,
    team="Buurtteam Oost",
    professional="Fatima Bouzid",
    status="in_behandeling",
    registered="2026-04-24 12:57",
    updated="2026-10-30 16:05",
    address=("Javastraat", "118-2", "1094 HL", "Amsterdam"),
    people=(
        Person("Ayşe Özdemir", "1988-01-19", "hoofdbewoner", bsn=True),
        Person("Emir Özdemir", "2010-03-27"),
        Person("Kerem Özdemir", "2014-09-02"),
    ),
    problems=(
        Problem(
            "financien",
            1,
            "Dienst Toeslagen vordert € 4.800 huurtoeslag terug; daarnaast € 11.300 schulden "
            "bij tien schuldeisers, waarvan twee bij een deurwaarder.",
            since="2025-06-01",
            who="Ayşe",
        ),
        Problem(
            "werk_opleiding",
            3,
            "Werkt 20 uur als schoonmaker; meer uren lukt niet met de zorg voor de jongens.",
            who="Ayşe",
        ),
        Problem("huiselijke_relaties", 3, "Emir (16) is vaak weg; Ayşe heeft weinig grip op hem.", who="Emir"),
        Problem(
            "maatschappelijke_participatie",
            2,
            "Emir zit in 4 vmbo op Mavo Oostpoort en verzuimt sinds de "
            "zomer; de leerplichtambtenaar heeft een gesprek gehad.",
            since="2026-09-01",
            who="Emir",
        ),
    ),
    organisations=(
        Organisation(OOST, "gemeente", "Wmo 2015", "Gezinscoaching", "3800.00"),
        Organisation(
            "Belastingdienst/Toeslagen",
            "landelijke_uitvoeringsorganisatie",
            "Awir (toeslagen)",
            "Terugvordering huurtoeslag",
            "0.00",
        ),
        Organisation(LEERPLICHT, "gemeente", "Overig", "Verzuimgesprek Emir", "0.00"),
        Organisation("Mavo Oostpoort", "onderwijs", "Overig", "Mentoraat Emir", "0.00"),
        SVB_KINDERBIJSLAG,
        Organisation(
            "Gemeente Amsterdam – Schuldhulpverlening",
            "schuldhulpverlening",
            "Wet gemeentelijke schuldhulpverlening",
            "Schuldhulptraject",
            "1500.00",
        ),
    ),
    plan=Plan(
        start="2026-10-14",
        in_kaart="Gesprekken met Ayşe, Emir en zijn mentor; overzicht van schulden en de beschikking van Dienst "
        "Toeslagen gemaakt.",
        perspective="Over een jaar heb ik overzicht over mijn geld, haalt Emir zijn diploma en hoef ik niet elke "
        "dag bang te zijn voor de post.",
        obstacle="financien",
        obstacle_text="De schulden en de terugvordering nemen alle energie van de moeder; voor haar zoon blijft "
        "niets over.",
        doorbraak="Schuldhulpverlening start een minnelijke regeling en vraagt bij Dienst Toeslagen een "
        "persoonlijke betalingsregeling aan; de leerplichtambtenaar en het buurtteam maken één plan met de zoon.",
        goals=(
            Goal("Schulden in één regeling", "financien", 3),
            Goal("Emir weer elke dag op school", "maatschappelijke_participatie", 4),
        ),
        actions=(
            Action("Minnelijke schuldregeling starten", SCHULDHULP, 4, goal=1),
            Action("Persoonlijke betalingsregeling aanvragen bij Dienst Toeslagen", SCHULDHULP, 4, goal=1),
            Action("Verzuimplan met de zoon, zijn mentor en het buurtteam", LEERPLICHT, 3, goal=2),
        ),
        costs=(
            Cost(
                "Incasso- en deurwaarderskosten als niets verandert",
                "huidig_pad",
                "overig",
                "1900.00",
                source="Overzicht schuldeisers in dossier",
            ),
            Cost("Schuldregeling", "doorbraak", "gemeente_schuldhulp", kengetal="schuldhulpverlening_traject"),
        ),
        stage=3,
        draft=" En dat de kinderen",
    ),
)

JANSEN = Story(
    key="jansen",
    summary="Ïlse Jansen (34, Amsterdam) en haar kinderen Noa en Daan na huiselijk geweld door de ex-partner. "
    "Doorbraak: intensieve gezinsbehandeling als spoedvoorziening vóór het onderzoek klaar is; plan vastgesteld.",
    name="Huishouden Jansen",
    municipality=GEMEENTE,
    team="Buurtteam Oost",
    professional="Fatima Bouzid",
    status="plan_vastgesteld",
    registered="2026-04-20 14:24",
    updated="2026-10-05 11:15",
    address=("Dapperstraat", "41-3", "1093 BS", "Amsterdam"),
    people=(
        Person("Ïlse Jansen", "1992-06-08", "hoofdbewoner", bsn=True),
        Person("Noa Jansen", "2017-01-14"),
        Person("Daan Jansen", "2020-07-30"),
    ),
    problems=(
        Problem(
            "huiselijke_relaties",
            1,
            "Veilig Thuis meldde in april huiselijk geweld door de ex-partner; er "
            "geldt een contactverbod. Noa (9) slaapt slecht en is bang als de bel gaat.",
            since="2026-04-02",
        ),
        Problem(
            "geestelijke_gezondheid",
            2,
            "Ïlse heeft last van herbelevingen; de huisarts verwees naar de ggz (wachttijd twaalf weken).",
            who="Ïlse",
        ),
        Problem("financien", 3, "Alleen een bijstandsuitkering sinds de scheiding; geen schulden.", who="Ïlse"),
    ),
    organisations=(
        Organisation(OOST, "gemeente", "Wmo 2015", "Casusregie", "4100.00"),
        Organisation("Veilig Thuis Amsterdam-Amstelland", "overig", "Jeugdwet", "Veiligheidsplan", "0.00"),
        Organisation("Jeugdhulp De Brug", "jeugdhulpaanbieder", "Jeugdwet", "Intensieve gezinsbehandeling", "0.00"),
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijstand alleenstaande ouder", "16800.00"),
        SVB_KINDERBIJSLAG,
    ),
    plan=Plan(
        start="2026-10-05",
        in_kaart="Gesprekken met Ïlse, Veilig Thuis en de leerkracht van Noa; veiligheidsplan doorgenomen.",
        perspective="Over een jaar zijn de kinderen niet meer bang, wonen we veilig in ons huis en slaap ik weer.",
        obstacle="huiselijke_relaties",
        obstacle_text="De onveiligheid en angst thuis: zonder snelle hulp dreigt een ondertoezichtstelling.",
        doorbraak="Intensieve ambulante gezinsbehandeling start deze week als spoedvoorziening, vóór het "
        "onderzoek is afgerond; Veilig Thuis houdt het veiligheidsplan bij.",
        goals=(
            Goal("Kinderen veilig en minder angstig thuis", "huiselijke_relaties", 3),
            Goal("Ïlse krijgt traumabehandeling", "geestelijke_gezondheid", 3),
        ),
        actions=(
            Action(
                "Intensieve ambulante gezinsbehandeling als spoedvoorziening",
                "Jeugdhulp De Brug",
                1,
                goal=1,
                deviating=True,
                bases=("jeugd_spoedvoorziening",),
                cost=3,
                onevenredigheid="Zes weken onderzoek afwachten laat twee bange kinderen zonder hulp.",
                gelijkheid=GELIJK,
            ),
            Action(
                "Veiligheidsplan bijhouden en contactverbod bewaken", "Veilig Thuis Amsterdam-Amstelland", 2, goal=1
            ),
            Action("Traumabehandeling voor de moeder via de huisarts regelen", OOST, 4, goal=2),
        ),
        costs=(
            Cost(
                "Uithuisplaatsing van de kinderen",
                "huidig_pad",
                "gemeente_jeugdwet",
                kengetal="uithuisplaatsing_kind",
                quantity="2",
                probability="0.2",
                start=3,
            ),
            Cost("Jeugdhulp, uitvoering", "huidig_pad", "gemeente_jeugdwet", kengetal="jeugdhulp_uitvoering"),
            Cost(
                "Intensieve ambulante gezinsbehandeling",
                "doorbraak",
                "gemeente_jeugdwet",
                "1650.00",
                frequency="per_maand",
                months=6,
                source="Tarief jeugdhulp Amsterdam 2026",
            ),
            Cost("Jeugdhulp, uitvoering", "doorbraak", "gemeente_jeugdwet", kengetal="jeugdhulp_uitvoering"),
        ),
        facts="Na huiselijk geweld door de ex-partner (melding Veilig Thuis, april 2026) zijn Noa en Daan angstig; "
        "Ïlse heeft herbelevingen. Het onderzoek naar de jeugdhulp duurt zes weken.",
        circumstances="Acute onveiligheid en twee jonge kinderen.",
        onevenredigheid="Wachten op het onderzoek vergroot de kans op een uithuisplaatsing.",
        gelijkheid=GELIJK,
        risks="De spoedvoorziening loopt vooruit op het onderzoek; na zes weken wordt de beschikking bevestigd "
        "of bijgesteld.",
        grounds=(Basis("jeugd_spoedvoorziening", "Spoedvoorziening uit de verordening jeugdhulp."),),
        privacy=GEZONDHEID_JEUGD,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Jeugdwet, verordening jeugdhulp Amsterdam",
    ),
)

AIT_TALEB = Story(
    key="ait_taleb",
    summary="Nadia Ait Taleb (24, Amsterdam) met zoontje Amir zwierf na een conflict thuis van logeeradres naar "
    "logeeradres. Doorbraak: bijstand zonder zoektermijn en een jongerenwoning met urgentie; in uitvoering.",
    name="Huishouden Ait Taleb",
    municipality=GEMEENTE,
    team="Buurtteam Nieuw-West",
    professional="Jeroen Hoekstra",
    status="uitvoering",
    registered="2025-08-22 13:56",
    updated="2026-10-15 10:20",
    address=("Osdorpplein", "402", "1068 EV", "Amsterdam"),
    people=(
        Person("Nadia Ait Taleb", "2002-05-16", "hoofdbewoner", bsn=True),
        Person("Amir Ait Taleb", "2024-02-10"),
    ),
    problems=(
        Problem(
            "huisvesting",
            2,
            "Na een conflict met haar ouders sliep Nadia met Amir bij vriendinnen; sinds "
            "januari een jongerenwoning van Wooncorporatie IJ-Oever.",
            since="2025-07-01",
        ),
        Problem(
            "financien",
            2,
            "Geen inkomen toen ze zich meldde; nu bijstand en een kleine schuld bij een telefoonprovider.",
            since="2025-07-01",
            who="Nadia",
        ),
        Problem(
            "werk_opleiding",
            2,
            "Stopte in het tweede jaar van de mbo-opleiding verzorgende; wil die afmaken.",
            who="Nadia",
        ),
        Problem(
            "sociaal_netwerk", 3, "Contact met haar moeder herstelt langzaam; twee goede vriendinnen.", who="Nadia"
        ),
    ),
    organisations=(
        Organisation(NIEUW_WEST, "gemeente", "Wmo 2015", "Ambulante begeleiding", "5200.00"),
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijstand alleenstaande ouder", "16800.00"),
        Organisation("Wooncorporatie IJ-Oever", "woningcorporatie", "Huurrecht (BW)", "Jongerenwoning", "0.00"),
        SVB_KINDERBIJSLAG,
        Organisation("Gemeente Amsterdam – Wonen", "gemeente", "Overig", "Urgentieverlening", "0.00"),
    ),
    plan=Plan(
        start="2025-09-29",
        in_kaart="Gesprekken met Nadia en haar moeder; logeeradressen en inkomen in kaart gebracht.",
        perspective="Over een jaar heb ik een eigen plek voor Amir en mij en zit ik weer op school.",
        obstacle="huisvesting",
        obstacle_text="Zonder vaste plek geen rust voor het kind en geen kans om de opleiding af te maken.",
        doorbraak="Werk en Inkomen past de zoektermijn van vier weken niet toe, zodat de bijstand direct ingaat; "
        "moeder en kind krijgen met urgentie een jongerenwoning.",
        goals=(
            Goal("Een eigen woning voor Nadia en Amir", "huisvesting", 4),
            Goal("Vast inkomen en overzicht", "financien", 4),
            Goal("De opleiding verzorgende afmaken", "werk_opleiding", 3),
        ),
        actions=(
            Action(
                "Bijstand toekennen zonder zoektermijn",
                WERK_INKOMEN,
                1,
                goal=2,
                status="gedaan",
                done_days=6,
                deviating=True,
                bases=("pw_41_lid_4",),
                cost=3,
                onevenredigheid="Vier weken zonder inkomen met een peuter en zonder vaste plek is onverantwoord.",
                gelijkheid=GELIJK,
            ),
            Action(
                "Urgentie voor een jongerenwoning",
                "Gemeente Amsterdam – Wonen",
                6,
                goal=1,
                status="gedaan",
                done_days=95,
            ),
            Action("Inschrijven voor de opleiding verzorgende (deeltijd)", NIEUW_WEST, 30, goal=3, status="bezig"),
            Action("Kinderopvang regelen voor de schooldagen", NIEUW_WEST, 40, goal=3, status="open"),
        ),
        costs=(
            Cost(
                "Opvang moeder met kind",
                "huidig_pad",
                "gemeente_wmo",
                kengetal="mo_residentieel_dakloos",
                quantity="2",
                probability="0.5",
                start=1,
            ),
            Cost(
                "Jeugdhulp bij instabiele opvoedsituatie",
                "huidig_pad",
                "gemeente_jeugdwet",
                kengetal="jeugdhulp_uitvoering",
                probability="0.5",
            ),
            Cost(
                "Bijstand vier weken eerder",
                "doorbraak",
                "gemeente_participatiewet",
                "1270.00",
                kind="overdracht",
                receiver=HUISHOUDEN,
                source="Bijstandsnorm alleenstaande ouder 2025",
            ),
            Cost(
                "Ambulante begeleiding",
                "doorbraak",
                "gemeente_wmo",
                "430.00",
                frequency="per_maand",
                months=9,
                source="Tarief Wmo-begeleiding Amsterdam 2026",
            ),
        ),
        facts="Nadia (23) meldde zich zonder woning en inkomen met een zoontje van anderhalf; ze is jonger dan 27.",
        circumstances="Een jong kind en geen vaste verblijfplaats.",
        onevenredigheid="De zoektermijn dient om jongeren eerst werk of school te laten zoeken; hier zou hij een "
        "moeder en kind zonder inkomen laten.",
        gelijkheid=GELIJK,
        risks="Nadia moet alsnog werk of school zoeken; dat staat als doel in het plan.",
        grounds=(Basis("pw_41_lid_4", "Afwijken van de zoektermijn voor jongeren onder de 27."),),
        privacy=ALLEEN_TAAK,
        privacy_text=PRIVACY_GEWOON,
        law="Participatiewet, Huisvestingsverordening Amsterdam",
        evaluations=(
            Evaluation(
                0, 4, {"huisvesting": 1, "financien": 1, "werk_opleiding": 2}, "Nulmeting: geen woning, geen inkomen."
            ),
            Evaluation(
                3,
                6,
                {"huisvesting": 2, "financien": 3, "werk_opleiding": 2},
                "Bijstand loopt; woont tijdelijk bij een tante, urgentie toegekend.",
            ),
            Evaluation(
                6,
                7,
                {"huisvesting": 4, "financien": 3, "werk_opleiding": 2},
                "Sinds januari in de jongerenwoning; Amir naar de peuteropvang.",
            ),
        ),
    ),
)

HYLKEMA = Story(
    key="hylkema",
    summary="Ruurd Hylkema (58, Amsterdam) raakte na ontslag somber en in de schulden; hij verhuisde na de intake "
    "naar zijn zus in Friesland. Afgesloten zonder plan, overgedragen.",
    name="Huishouden Hylkema",
    municipality=GEMEENTE,
    team="Buurtteam Oost",
    professional="Fatima Bouzid",
    status="afgesloten",
    registered="2025-09-26 10:34",
    updated="2025-12-03 15:45",
    address=("Van Woustraat", "77-1", "1074 AE", "Amsterdam"),
    people=(Person("Ruurd Hylkema", "1968-02-03", "hoofdbewoner"),),
    problems=(
        Problem("werk_opleiding", 2, "Na 22 jaar ontslagen bij een drukkerij; WW loopt af in maart 2026.", who="Ruurd"),
        Problem("geestelijke_gezondheid", 2, "Somber sinds het ontslag; komt weinig buiten.", who="Ruurd"),
        Problem("financien", 3, "Twee maanden achter met energie; verder overzicht.", who="Ruurd"),
    ),
    organisations=(
        Organisation(OOST, "gemeente", "Wmo 2015", "Intake en overdracht", "900.00"),
        Organisation("UWV", "landelijke_uitvoeringsorganisatie", "WW", "WW-uitkering", "24600.00"),
    ),
)

PIETERSEN = Story(
    key="pietersen",
    summary="Gezin Pietersen (Amsterdam): vader Kevin zit met rugklachten in de Ziektewet, energie- en "
    "huurachterstand lopen op. Concept net begonnen: alleen het perspectief staat er.",
    name="Huishouden Pietersen",
    municipality=GEMEENTE,
    team="Buurtteam Nieuw-West",
    professional="Jeroen Hoekstra",
    status="in_behandeling",
    registered="2026-06-30 11:34",
    updated="2026-10-29 09:40",
    address=("Meer en Vaart", "233", "1068 LH", "Amsterdam"),
    people=(
        Person("Kevin Pietersen", "1985-10-11", "hoofdbewoner"),
        Person("Samira Pietersen", "1987-04-22", "partner"),
        Person("Lina Pietersen", "2013-12-01"),
        Person("Sem Pietersen", "2016-08-19"),
        Person("Mila Pietersen", "2021-03-05"),
    ),
    problems=(
        Problem(
            "financien",
            2,
            "Energieachterstand € 1.100 en twee maanden huur; het inkomen daalde met de Ziektewet.",
            since="2026-03-01",
        ),
        Problem(
            "lichamelijke_gezondheid",
            2,
            "Kevin (stratenmaker) heeft een hernia en zit in de Ziektewet.",
            since="2026-01-15",
            who="Kevin",
        ),
        Problem(
            "huiselijke_relaties", 3, "Samira draagt alles alleen; spanning tussen Kevin en Lina (12).", who="Samira"
        ),
    ),
    organisations=(
        Organisation(NIEUW_WEST, "gemeente", "Wmo 2015", "Gezinscoaching", "2400.00"),
        Organisation("UWV", "landelijke_uitvoeringsorganisatie", "WIA/Wajong", "Ziektewet", "26800.00"),
        SVB_KINDERBIJSLAG,
    ),
    plan=Plan(
        start="2026-10-27",
        in_kaart="Huisbezoek; achterstanden en inkomen op een rij.",
        perspective="Over een jaar hebben we geen achterstanden meer en werkt Kevin weer, in ander werk.",
        obstacle="financien",
        obstacle_text="De achterstanden lopen op zolang het inkomen lager is.",
        stage=1,
    ),
)

VAN_DER_MEER = Story(
    key="van_der_meer",
    summary="Marco van der Meer (52, Amsterdam) kwam na 14 maanden detentie zonder adres vrij, met een "
    "schadevergoedingsmaatregel bij het CJIB. Doorbraak: briefadres, bijstand, noodstop via schuldhulp en een "
    "kamer; in uitvoering, versie 2 na een afgevallen kamer.",
    name="Huishouden Van der Meer",
    municipality=GEMEENTE,
    team="Buurtteam Nieuw-West",
    professional="Jeroen Hoekstra",
    status="uitvoering",
    registered="2026-03-02 09:15",
    updated="2026-10-26 14:00",
    address=None,
    people=(Person("Marco van der Meer", "1974-09-09", "hoofdbewoner", bsn=True),),
    problems=(
        Problem(
            "justitie",
            2,
            "In november 2025 vrijgekomen na 14 maanden detentie; reclasseringstoezicht en een "
            "schadevergoedingsmaatregel van € 3.900 bij het CJIB.",
            since="2025-11-20",
            who="Marco",
        ),
        Problem(
            "huisvesting",
            1,
            "Geen woonadres sinds zijn vrijlating; slaapt in de nachtopvang.",
            since="2025-11-20",
            who="Marco",
        ),
        Problem("financien", 2, "Zonder adres geen uitkering; € 8.700 schulden van vóór de detentie.", who="Marco"),
        Problem("werk_opleiding", 3, "Vakman installatietechniek; wil weer aan het werk.", who="Marco"),
    ),
    organisations=(
        Organisation(NIEUW_WEST, "gemeente", "Wmo 2015", "Casusregie", "4400.00"),
        Organisation("Reclassering Nederland", "justitie", "Strafrecht", "Toezicht", "6100.00"),
        Organisation(
            "CJIB", "landelijke_uitvoeringsorganisatie", "Strafrecht", "Inning schadevergoedingsmaatregel", "0.00"
        ),
        Organisation("Stichting Nachtwacht Opvang", "zorgaanbieder", "Wmo 2015", "Nachtopvang", "9200.00"),
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijstand alleenstaande", "16800.00"),
        Organisation(
            "Gemeente Amsterdam – Schuldhulpverlening",
            "schuldhulpverlening",
            "Wet gemeentelijke schuldhulpverlening",
            "Schuldhulptraject",
            "1500.00",
        ),
        Organisation("Gemeente Amsterdam – Wmo", "gemeente", "Wmo 2015", "Begeleid wonen (aanvraag)", "0.00"),
    ),
    plan=Plan(
        start="2026-04-13",
        in_kaart="Gesprekken met Marco en zijn reclasseringswerker; CJIB-overzicht en schulden opgevraagd.",
        perspective="Over een jaar heb ik een eigen kamer, werk ik weer en los ik af wat ik moet betalen.",
        obstacle="huisvesting",
        obstacle_text="Zonder adres geen inschrijving, geen uitkering en geen regeling met het CJIB; de kans op "
        "terugval in oude contacten groeit.",
        doorbraak="De bewoner krijgt een briefadres en bijstand; schuldhulpverlening vraagt de noodstop bij het CJIB "
        "aan zodat de inning pauzeert tot er een regeling is; een kamer in begeleid wonen via de Wmo.",
        goals=(
            Goal("Een eigen kamer", "huisvesting", 3),
            Goal("Inkomen en een regeling met het CJIB", "financien", 3),
            Goal("Aan het werk in de installatietechniek", "werk_opleiding", 4),
        ),
        actions=(
            Action(
                "Briefadres inschrijven en bijstand toekennen", WERK_INKOMEN, 2, goal=2, status="gedaan", done_days=10
            ),
            Action(
                "Noodstop aanvragen bij het CJIB en een betalingsregeling voorbereiden",
                SCHULDHULP,
                3,
                goal=2,
                status="gedaan",
                done_days=19,
                deviating=True,
                bases=("cjib_noodstop",),
                cost=5,
                onevenredigheid="Zonder pauze loopt de inning door terwijl er geen inkomen is; de kans op "
                "vervangende hechtenis groeit.",
                gelijkheid=GELIJK,
            ),
            Action("Kamer in begeleid wonen toewijzen", "Gemeente Amsterdam – Wmo", 8, goal=1, status="bezig"),
            Action("Werkfit-traject installatietechniek", WERK_INKOMEN, 20, goal=3, status="open"),
        ),
        costs=(
            Cost("Nachtopvang", "huidig_pad", "gemeente_wmo", kengetal="mo_feitelijk_dakloos"),
            Cost(
                "Vervangende hechtenis bij niet betalen",
                "huidig_pad",
                "justitie",
                kengetal="detentie_volwassene",
                probability="0.2",
                start=6,
                months=2,
            ),
            Cost(
                "Inning en aanmaningen CJIB",
                "huidig_pad",
                "cjib",
                "240.00",
                source="Schatting inningskosten CJIB, dossier",
            ),
            Cost(
                "Bijstandsuitkering",
                "doorbraak",
                "gemeente_participatiewet",
                kengetal="bijstand_uitkering",
                kind="overdracht",
                receiver=HUISHOUDEN,
            ),
            Cost(
                "Schuldhulptraject met noodstop",
                "doorbraak",
                "gemeente_schuldhulp",
                kengetal="schuldhulpverlening_traject",
            ),
            Cost(
                "Begeleid wonen",
                "doorbraak",
                "gemeente_wmo",
                "1150.00",
                frequency="per_maand",
                start=3,
                source="Tarief begeleid wonen Amsterdam 2026",
            ),
        ),
        facts="Marco (51) kwam in november 2025 vrij zonder woonadres; het CJIB int een "
        "schadevergoedingsmaatregel van € 3.900 terwijl hij geen inkomen heeft.",
        circumstances="Reclasseringstoezicht vraagt een vaste verblijfplaats; zonder adres kan hij die "
        "voorwaarde niet nakomen.",
        onevenredigheid="Doorlopende inning zonder inkomen en zonder adres maakt terugval waarschijnlijk.",
        gelijkheid=GELIJK,
        risks="De noodstop is tijdelijk; binnen vier maanden moet er een regeling liggen.",
        grounds=(
            Basis("cjib_noodstop", "De inning pauzeert terwijl schuldhulp een regeling maakt."),
            Basis("wet_brp_2_39_briefadres", "Briefadres voor iemand zonder woonadres."),
        ),
        privacy=(TAAK,),
        privacy_text=PRIVACY_GEWOON + " Strafrechtelijke gegevens blijven bij de reclassering.",
        law="Participatiewet, Wet BRP, Wet gemeentelijke schuldhulpverlening, Wmo 2015",
        evaluations=(
            Evaluation(
                0, 3, {"huisvesting": 1, "financien": 2, "justitie": 2}, "Nulmeting: nachtopvang, geen inkomen."
            ),
            Evaluation(
                3,
                5,
                {"huisvesting": 2, "financien": 3, "justitie": 3},
                "Bijstand en noodstop lopen; de kamer in begeleid wonen viel af.",
            ),
            Evaluation(
                6,
                6,
                {"huisvesting": 2, "financien": 3, "justitie": 3},
                "Regeling met het CJIB getroffen; een hospitakamer wordt bekeken.",
            ),
        ),
        change=Change(
            days=45,
            reason="De kamer in begeleid wonen viel af; een hospitakamer via het buurtteam komt erbij.",
            extra_action=Action("Hospitakamer zoeken via het netwerk van het buurtteam", NIEUW_WEST, 14, goal=1),
            postpone_last_weeks=8,
        ),
    ),
)

STORIES = (OZDEMIR, JANSEN, AIT_TALEB, HYLKEMA, PIETERSEN, VAN_DER_MEER)

"""Heerlen (GM0917): six households of Sociaal wijkteam Heerlen-Noord (Ingrid Claessens) and Heerlen-Centrum
(Roel Custers). Plans are decided by the maatwerkfunctionaris Karin Lemmens."""

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

GEMEENTE = "GM0917"
NOORD = "Gemeente Heerlen – Sociaal wijkteam Heerlen-Noord"
CENTRUM = "Gemeente Heerlen – Sociaal wijkteam Heerlen-Centrum"
WERK_INKOMEN = "Gemeente Heerlen – Werk en Inkomen"
SCHULDHULP = "Gemeente Heerlen – Schuldhulpverlening"
WMO = "Gemeente Heerlen – Wmo"

BAKKER = Story(
    key="bakker",
    summary="Dennis Bakker (37, Heerlen) is dakloos en gebruikt heroïne; zonder adres geen uitkering of "
    "behandeling. Doorbraak: briefadres, methadonprogramma en een Housing First-woning; in uitvoering, het "
    "identiteitsbewijs loopt vast.",
    name="Huishouden Bakker",
    municipality=GEMEENTE,
    team="Sociaal wijkteam Heerlen-Centrum",
    professional="Roel Custers",
    status="uitvoering",
    registered="2026-05-14 07:58",
    updated="2026-10-28 15:05",
    address=None,
    people=(Person("Dennis Bakker", "1989-05-25", "hoofdbewoner", bsn=True),),
    problems=(
        Problem(
            "huisvesting",
            1,
            "Dakloos sinds 2024; slaapt in de nachtopvang en soms buiten.",
            since="2024-03-01",
            who="Dennis",
        ),
        Problem("middelengebruik", 1, "Gebruikt heroïne en methadon van de straat.", since="2015-01-01", who="Dennis"),
        Problem("financien", 2, "Geen inkomen; zonder woonadres geen bijstand.", who="Dennis"),
        Problem("lichamelijke_gezondheid", 2, "Slechte gebitsstatus en een ontstoken been.", who="Dennis"),
    ),
    organisations=(
        Organisation("Opvang Het Plein", "zorgaanbieder", "Wmo 2015", "Nachtopvang", "14200.00"),
        Organisation("Verslavingszorg Mijnstreek", "zorgaanbieder", "Zvw", "Methadonprogramma", "6300.00"),
        Organisation(CENTRUM, "gemeente", "Wmo 2015", "Casusregie", "3900.00"),
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijstand alleenstaande", "16800.00"),
        Organisation("Gemeente Heerlen – Wmo", "gemeente", "Wmo 2015", "Housing First-begeleiding (aanvraag)", "0.00"),
    ),
    plan=Plan(
        start="2026-06-22",
        in_kaart="Gesprekken in de nachtopvang met Dennis en zijn behandelaar.",
        perspective="Over een jaar heb ik een eigen deur die ik op slot kan doen en gebruik ik alleen nog "
        "methadon van de poli.",
        obstacle="huisvesting",
        obstacle_text="Zonder adres geen uitkering, geen zorgverzekering op orde en geen vaste behandeling.",
        doorbraak="De bewoner krijgt een briefadres en bijstand; de poli start het methadonprogramma en een "
        "Housing First-woning volgt met intensieve begeleiding.",
        goals=(Goal("Een eigen woning", "huisvesting", 3), Goal("Stabiel op methadon", "middelengebruik", 3)),
        actions=(
            Action("Briefadres en bijstand", WERK_INKOMEN, 2, goal=1, status="gedaan", done_days=9),
            Action(
                "Methadonprogramma op de poli", "Verslavingszorg Mijnstreek", 1, goal=2, status="gedaan", done_days=7
            ),
            Action(
                "Housing First-woning met begeleiding",
                WMO,
                16,
                goal=1,
                status="bezig",
                deviating=True,
                bases=("wmo_2_3_5",),
                cost=3,
                onevenredigheid="Eerst 'woonrijp' moeten zijn houdt Dennis jaren in de opvang.",
                gelijkheid=GELIJK,
            ),
            Action(
                "Identiteitsbewijs aanvragen",
                CENTRUM,
                4,
                goal=1,
                status="vastgelopen",
                note="Het oude paspoort is verlopen en de leges zijn niet betaald; bijzondere bijstand aangevraagd.",
            ),
        ),
        costs=(
            Cost("Nachtopvang en straatzorg", "huidig_pad", "gemeente_wmo", kengetal="mo_feitelijk_dakloos"),
            Cost(
                "Spoedeisende hulp en opname (ontsteking)",
                "huidig_pad",
                "zorgverzekeraar",
                "4200.00",
                probability="0.5",
                start=2,
                source="Schatting straatdokter 2026",
            ),
            Cost(
                "Housing First-begeleiding",
                "doorbraak",
                "gemeente_wmo",
                "1370.00",
                frequency="per_maand",
                start=4,
                source="Tarief Housing First Parkstad 2026",
            ),
            Cost(
                "Methadonprogramma",
                "doorbraak",
                "zorgverzekeraar",
                "520.00",
                frequency="per_maand",
                source="Opgave Verslavingszorg Mijnstreek, 2026",
            ),
        ),
        facts="Dennis (37) is sinds 2024 dakloos en gebruikt heroïne; hij heeft geen inkomen.",
        circumstances="Gemotiveerd voor methadon; geen adres.",
        onevenredigheid="Zonder woning eerst lukt behandeling niet; opvang kost meer.",
        gelijkheid=GELIJK,
        risks="Overlast in de buurt; de begeleiding maakt afspraken met de buren en de corporatie.",
        grounds=(
            Basis("wet_brp_2_39_briefadres", "Briefadres voor iemand zonder woonadres."),
            Basis("wmo_2_3_5", "Maatwerkvoorziening Housing First."),
        ),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Wmo 2015, Participatiewet, Wet BRP",
        evaluations=(
            Evaluation(0, 3, {"huisvesting": 1, "middelengebruik": 1, "financien": 2}, "Nulmeting."),
            Evaluation(
                3,
                5,
                {"huisvesting": 2, "middelengebruik": 2, "financien": 3},
                "Bijstand en methadon lopen; wacht op een woning.",
            ),
        ),
    ),
)

HADDAD = Story(
    key="haddad",
    summary="Gezin Haddad (Heerlen), met drie kinderen: energieschulden en een afgesloten stroomaansluiting "
    "dreigden. Doorbraak: schuldregeling en energie via budgetbeheer; geëvalueerd, rapportcijfer 8.",
    name="Huishouden Haddad",
    municipality=GEMEENTE,
    team="Sociaal wijkteam Heerlen-Noord",
    professional="Ingrid Claessens",
    status="geevalueerd",
    registered="2025-10-27 15:28",
    updated="2026-06-10 11:30",
    address=("Meezenbroekerweg", "66", "6412 VJ", "Heerlen"),
    people=(
        Person("Rami Haddad", "1986-01-12", "hoofdbewoner", bsn=True),
        Person("Rana Haddad", "1988-05-05", "partner"),
        Person("Omar Haddad", "2018-02-20"),
        Person("Layla Haddad", "2020-07-07"),
        Person("Karim Haddad", "2024-10-10"),
    ),
    problems=(
        Problem("financien", 1, "€ 3.900 energieschuld; de leverancier kondigde afsluiting aan.", since="2025-06-01"),
        Problem("werk_opleiding", 3, "Rami werkt als bezorger op een nulurencontract.", who="Rami"),
        Problem("huiselijke_relaties", 4, "Stabiel gezin.", who="Rana"),
    ),
    organisations=(
        Organisation(
            SCHULDHULP,
            "schuldhulpverlening",
            "Wet gemeentelijke schuldhulpverlening",
            "Schuldregeling en budgetbeheer",
            "1500.00",
        ),
        Organisation(NOORD, "gemeente", "Wmo 2015", "Casusregie", "1600.00"),
        SVB_KINDERBIJSLAG,
    ),
    plan=Plan(
        start="2025-12-01",
        in_kaart="Huisbezoek; energierekeningen en loonstroken doorgenomen.",
        perspective="Over een jaar hebben we geen schulden meer en warmte in huis voor de kinderen.",
        obstacle="financien",
        obstacle_text="De dreigende afsluiting: zonder stroom en warmte is het huis niet bewoonbaar voor de kinderen.",
        doorbraak="Schuldhulpverlening voorkomt de afsluiting met een betalingsafspraak via budgetbeheer en start "
        "een schuldregeling.",
        goals=(Goal("Geen afsluiting, schulden in een regeling", "financien", 3),),
        actions=(
            Action(
                "Afsluiting voorkomen met een betalingsafspraak via budgetbeheer",
                SCHULDHULP,
                1,
                goal=1,
                deviating=True,
                bases=("wgs_vroegsignalering",),
                cost=3,
                done_days=4,
                onevenredigheid="Afsluiting in de winter met drie jonge kinderen is onaanvaardbaar.",
                gelijkheid=GELIJK,
            ),
            Action("Schuldregeling", SCHULDHULP, 8, goal=1, done_days=55),
        ),
        costs=(
            Cost(
                "Afsluiting en heraansluiting energie",
                "huidig_pad",
                "overig",
                "650.00",
                probability="0.6",
                source="Opgave energieleverancier 2025",
            ),
            Cost(
                "Tijdelijke opvang gezin zonder verwarming",
                "huidig_pad",
                "gemeente_wmo",
                "2500.00",
                probability="0.2",
                start=1,
                source="Schatting wijkteam 2025",
            ),
            Cost(
                "Schuldregeling met budgetbeheer",
                "doorbraak",
                "gemeente_schuldhulp",
                kengetal="schuldhulpverlening_traject",
            ),
        ),
        facts="Energieschuld € 3.900; afsluiting aangekondigd in november 2025.",
        circumstances="Drie jonge kinderen; winter.",
        onevenredigheid="Afsluiting bedreigt de gezondheid van de kinderen.",
        gelijkheid=GELIJK,
        risks="Nulurencontract: een inkomensdip kan de afspraak onder druk zetten.",
        grounds=(Basis("wgs_vroegsignalering", "Vroegsignalering en schuldhulp bij een dreigende afsluiting."),),
        privacy=ALLEEN_TAAK,
        privacy_text=PRIVACY_GEWOON,
        law="Wet gemeentelijke schuldhulpverlening",
        evaluations=(
            Evaluation(0, 4, {"financien": 1, "werk_opleiding": 3}, "Nulmeting."),
            Evaluation(3, 7, {"financien": 3, "werk_opleiding": 3}, "Afsluiting voorkomen; regeling loopt."),
            Evaluation(6, 8, {"financien": 3, "werk_opleiding": 4}, "Rami heeft een vast contract."),
        ),
    ),
)

BIHARIE = Story(
    key="biharie",
    summary="Anand en Sita Biharie (Hoensbroek) en zoon Vikash (19), die na een psychose zijn medicatie stopte. "
    "Concept begonnen: FACT-behandeling thuis en begeleiding via de Wmo.",
    name="Huishouden Biharie",
    municipality=GEMEENTE,
    team="Sociaal wijkteam Heerlen-Noord",
    professional="Ingrid Claessens",
    status="in_behandeling",
    registered="2026-07-01 10:11",
    updated="2026-10-27 13:15",
    address=("Hoofdstraat", "141", "6431 LE", "Hoensbroek"),
    people=(
        Person("Anand Biharie", "1978-03-03", "hoofdbewoner", bsn=True),
        Person("Sita Biharie", "1980-09-09", "partner"),
        Person("Vikash Biharie", "2007-04-21"),
    ),
    problems=(
        Problem(
            "geestelijke_gezondheid",
            1,
            "Vikash (19) had in 2025 een psychose; hij stopte zijn medicatie en slaapt overdag.",
            since="2025-05-01",
            who="Vikash",
        ),
        Problem("werk_opleiding", 2, "Vikash is van het mbo gegaan.", who="Vikash"),
        Problem("huiselijke_relaties", 2, "De ouders zijn bang voor een nieuwe psychose.", who="Sita"),
    ),
    organisations=(
        Organisation("GGZ Parkstad Zorg", "zorgaanbieder", "Zvw", "FACT-behandeling (aanmelding)", "0.00"),
        Organisation(NOORD, "gemeente", "Wmo 2015", "Casusregie", "1800.00"),
    ),
    plan=Plan(
        start="2026-10-19",
        in_kaart="Gesprekken met de ouders en met Vikash.",
        perspective="Over een jaar heeft Vikash weer een dagritme en een opleiding.",
        obstacle="geestelijke_gezondheid",
        obstacle_text="Zonder behandeling dreigt een nieuwe psychose en een gedwongen opname.",
        doorbraak="Het FACT-team komt thuis; de Wmo zet begeleiding in voor dagritme.",
        goals=(Goal("Vikash stabiel in behandeling", "geestelijke_gezondheid", 3),),
        actions=(Action("FACT-behandeling thuis", "GGZ Parkstad Zorg", 2),),
        costs=(
            Cost(
                "Gedwongen opname",
                "huidig_pad",
                "zorgverzekeraar",
                "14000.00",
                probability="0.4",
                source="Schatting GGZ Parkstad Zorg, 2026",
            ),
            Cost(
                "Begeleiding dagritme",
                "doorbraak",
                "gemeente_wmo",
                "560.00",
                frequency="per_maand",
                source="Tarief Wmo-begeleiding Heerlen 2026",
            ),
        ),
        stage=2,
    ),
)

JANSSEN = Story(
    key="janssen",
    summary="Nicole Janssen (45, Heerlen) en zoon Luuk (17, mbo): zijn jeugdhulp stopt op zijn 18e in december. "
    "Doorbraak: verlengde jeugdhulp en de big 5 vóór zijn verjaardag geregeld; in uitvoering, versie 2 na zijn "
    "BBL-baan.",
    name="Huishouden Janssen",
    municipality=GEMEENTE,
    team="Sociaal wijkteam Heerlen-Centrum",
    professional="Roel Custers",
    status="uitvoering",
    registered="2026-02-16 10:20",
    updated="2026-10-29 11:00",
    address=("Akerstraat", "44", "6411 HB", "Heerlen"),
    people=(
        Person("Nicole Janssen", "1981-02-18", "hoofdbewoner", bsn=True),
        Person("Luuk Janssen", "2008-12-20"),
    ),
    problems=(
        Problem(
            "maatschappelijke_participatie",
            2,
            "Luuk (17) heeft autisme en begeleiding via de Jeugdwet; die "
            "stopt op zijn 18e verjaardag op 20 december 2026.",
            who="Luuk",
        ),
        Problem("werk_opleiding", 3, "Luuk volgt de mbo-opleiding logistiek (niveau 2).", who="Luuk"),
        Problem("lichamelijke_gezondheid", 2, "Nicole heeft fibromyalgie en een WIA-uitkering.", who="Nicole"),
        Problem("financien", 3, "Krap: na Luuks 18e vallen kinderbijslag en kindgebonden budget weg.", who="Nicole"),
    ),
    organisations=(
        Organisation("Jeugdhulp Oostflank", "jeugdhulpaanbieder", "Jeugdwet", "Begeleiding Luuk", "8100.00"),
        Organisation("UWV", "landelijke_uitvoeringsorganisatie", "WIA/Wajong", "WIA-uitkering", "15900.00"),
        Organisation(CENTRUM, "gemeente", "Wmo 2015", "Casusregie", "2100.00"),
        SVB_KINDERBIJSLAG,
        Organisation("Gemeente Heerlen – Jeugd", "gemeente", "Jeugdwet", "Verlengde jeugdhulp (besluit)", "0.00"),
    ),
    plan=Plan(
        start="2026-03-23",
        in_kaart="Gesprekken met Nicole, Luuk en zijn begeleider; de big 5 voor 18-jarigen doorgelopen.",
        perspective="Over een jaar heeft Luuk zijn diploma, een eigen zorgverzekering en nog steeds zijn begeleider.",
        obstacle="maatschappelijke_participatie",
        obstacle_text="Op zijn 18e stopt de begeleiding; zonder begeleiding haakt de zoon af op school.",
        doorbraak="Verlengde jeugdhulp tot 23 bij dezelfde begeleider, vóór zijn verjaardag besloten. Samen met "
        "de zoon worden de big 5 geregeld: eigen zorgverzekering en zorgtoeslag, studiefinanciering, en het "
        "wegvallen van kinderbijslag in het budget van de moeder.",
        goals=(
            Goal("Begeleiding loopt door na 18", "maatschappelijke_participatie", 3),
            Goal("Luuk haalt zijn diploma", "werk_opleiding", 4),
            Goal("Het budget past na Luuks 18e", "financien", 3),
        ),
        actions=(
            Action(
                "Verlengde jeugdhulp tot 23 besluiten vóór 20 december",
                "Gemeente Heerlen – Jeugd",
                20,
                goal=1,
                status="gedaan",
                done_days=120,
                deviating=True,
                bases=("jeugdwet_1_1",),
                cost=2,
                onevenredigheid="Een breuk in de begeleiding op de verjaardag zet school en zelfstandigheid "
                "op het spel.",
                gelijkheid=GELIJK,
            ),
            Action(
                "Een BBL-plek in de logistiek zoeken met de zoon en zijn mentor",
                "Jeugdhulp Oostflank",
                22,
                goal=2,
                status="gedaan",
                done_days=140,
            ),
            Action("Zorgverzekering, zorgtoeslag en studiefinanciering aanvragen", CENTRUM, 36, goal=3, status="bezig"),
            Action(
                "Budget van de moeder bijstellen na het einde van de kinderbijslag", CENTRUM, 38, goal=3, status="open"
            ),
        ),
        costs=(
            Cost(
                "Schooluitval en later bijstand",
                "huidig_pad",
                "gemeente_participatiewet",
                "4200.00",
                probability="0.4",
                start=9,
                source="Schatting wijkteam 2026",
            ),
            Cost(
                "Verlengde jeugdhulp",
                "doorbraak",
                "gemeente_jeugdwet",
                "680.00",
                frequency="per_maand",
                start=9,
                source="Tarief jeugdhulp Heerlen 2026",
            ),
        ),
        facts="Luuk wordt op 20 december 2026 18; zijn jeugdhulp stopt dan. Nicole heeft een WIA-uitkering.",
        circumstances="Autisme; hij zit midden in zijn opleiding.",
        onevenredigheid="Stoppen midden in het schooljaar leidt tot uitval.",
        gelijkheid=GELIJK,
        risks="Verlengde jeugdhulp wordt jaarlijks getoetst.",
        grounds=(Basis("jeugdwet_1_1", "Verlengde jeugdhulp tot 23 jaar."),),
        privacy=GEZONDHEID_JEUGD,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Jeugdwet",
        evaluations=(
            Evaluation(0, 5, {"maatschappelijke_participatie": 2, "werk_opleiding": 3, "financien": 3}, "Nulmeting."),
            Evaluation(
                3,
                6,
                {"maatschappelijke_participatie": 3, "werk_opleiding": 3, "financien": 3},
                "Verlengde jeugdhulp in voorbereiding.",
            ),
            Evaluation(
                6,
                7,
                {"maatschappelijke_participatie": 3, "werk_opleiding": 4, "financien": 3},
                "Verlengde jeugdhulp besloten; Luuk start een BBL-baan.",
            ),
        ),
        change=Change(
            days=150,
            reason="Luuk start een BBL-baan bij een logistiek bedrijf: loon in plaats van studiefinanciering.",
            extra_action=Action("Loon en zorgtoeslag afstemmen op de BBL-baan", CENTRUM, 34, goal=3),
        ),
    ),
)

COENEN = Story(
    key="coenen",
    summary="Mia Coenen (79, Heerlen) vergat rekeningen te betalen; na de intake nam haar zoon het bewind op "
    "zich. Afgesloten zonder plan.",
    name="Huishouden Coenen",
    municipality=GEMEENTE,
    team="Sociaal wijkteam Heerlen-Noord",
    professional="Ingrid Claessens",
    status="afgesloten",
    registered="2025-11-03 09:00",
    updated="2026-01-20 14:15",
    address=("Grasbroekerweg", "18", "6412 BE", "Heerlen"),
    people=(Person("Mia Coenen", "1947-06-15", "hoofdbewoner", bsn=True),),
    problems=(
        Problem("instrumentele_adl", 2, "Beginnende dementie; rekeningen bleven liggen.", who="Mia"),
        Problem("financien", 3, "AOW en pensioen; kleine achterstanden.", who="Mia"),
    ),
    organisations=(
        Organisation("SVB", "landelijke_uitvoeringsorganisatie", "AOW", "AOW", "17900.00"),
        Organisation(NOORD, "gemeente", "Wmo 2015", "Intake", "500.00"),
    ),
)

FRISSEN = Story(
    key="frissen",
    summary="Tom Frissen (22, Heerlen), student, heeft € 1.680 aan opgelopen scooterboetes bij het CJIB; net "
    "aangemeld.",
    name="Huishouden Frissen",
    municipality=GEMEENTE,
    team="Sociaal wijkteam Heerlen-Centrum",
    professional="Roel Custers",
    status="aangemeld",
    registered="2026-10-30 13:40",
    updated=None,
    address=("Schelsberg", "230", "6413 AJ", "Heerlen"),
    people=(Person("Tom Frissen", "2004-08-08", "hoofdbewoner"),),
    problems=(
        Problem(
            "financien",
            2,
            "Zes scooterboetes, met de wettelijke verhogingen € 1.680 bij het CJIB.",
            since="2026-03-01",
            who="Tom",
        ),
        Problem("werk_opleiding", 4, "Studeert in Maastricht; bijbaan in een supermarkt.", who="Tom"),
    ),
    organisations=(
        Organisation("CJIB", "landelijke_uitvoeringsorganisatie", "Strafrecht", "Inning verkeersboetes", "0.00"),
    ),
)

STORIES = (BAKKER, HADDAD, BIHARIE, JANSSEN, COENEN, FRISSEN)

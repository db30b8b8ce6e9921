"""Súdwest-Fryslân (GM1900): six households of Gebiedsteam Sneek (Wytske Postma) and Gebiedsteam Zuidwest
(Jelle Bosma). Plans are decided by the maatwerkfunctionaris Geert Zijlstra."""

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

GEMEENTE = "GM1900"
SNEEK = "Gemeente Súdwest-Fryslân – Gebiedsteam Sneek"
ZUIDWEST = "Gemeente Súdwest-Fryslân – Gebiedsteam Zuidwest"
WERK_INKOMEN = "Gemeente Súdwest-Fryslân – Werk en Inkomen"
SCHULDHULP = "Gemeente Súdwest-Fryslân – Schuldhulpverlening"
WMO = "Gemeente Súdwest-Fryslân – Wmo"

HOEKSTRA = Story(
    key="hoekstra",
    summary="Anneke Hoekstra (56, Sneek) zorgde voor haar moeder Sjoukje (84) tot ze zelf uitviel. Doorbraak: "
    "Wmo-zorg direct en een versnelde Wlz-indicatie; moeder verhuisde naar een verpleeghuis, afgesloten.",
    name="Huishouden Hoekstra",
    municipality=GEMEENTE,
    team="Gebiedsteam Sneek",
    professional="Wytske Postma",
    status="afgesloten",
    registered="2025-01-13 13:38",
    updated="2026-03-10 11:00",
    address=("Oosterdijk", "63", "8601 BR", "Sneek"),
    people=(
        Person("Anneke Hoekstra", "1970-05-18", "hoofdbewoner", bsn=True),
        Person("Sjoukje Hoekstra", "1942-02-11", "ouder", bsn=True),
    ),
    problems=(
        Problem(
            "basale_adl",
            1,
            "Sjoukje heeft na een beroerte hulp nodig bij alles, ook 's nachts.",
            since="2024-10-01",
            who="Sjoukje",
        ),
        Problem(
            "lichamelijke_gezondheid", 2, "Anneke heeft rugklachten van het tillen en is overbelast.", who="Anneke"
        ),
        Problem("werk_opleiding", 3, "Anneke werkt minder uren om te kunnen zorgen.", who="Anneke"),
    ),
    organisations=(
        Organisation(WMO, "gemeente", "Wmo 2015", "Huishoudelijke hulp en dagbesteding", "8200.00"),
        Organisation("Thuiszorg Súdwest", "zorgaanbieder", "Zvw", "Wijkverpleging", "12400.00"),
        Organisation("Zorgkantoor Friesland", "zorgkantoor", "Wlz", "Verpleeghuiszorg", "0.00"),
    ),
    plan=Plan(
        start="2025-02-17",
        in_kaart="Huisbezoek met de wijkverpleegkundige.",
        perspective="Over een jaar is mem goed verzorgd en ben ik weer dochter in plaats van verpleegster.",
        obstacle="basale_adl",
        obstacle_text="De moeder heeft dag en nacht zorg nodig; de dochter kan dat niet meer dragen.",
        doorbraak="De Wmo zet direct extra zorg en dagbesteding in; de wijkverpleging vraagt met spoed de "
        "Wlz-indicatie aan.",
        goals=(
            Goal("Sjoukje verzorgd op een passende plek", "basale_adl", 3),
            Goal("Anneke minder belast", "lichamelijke_gezondheid", 3),
        ),
        actions=(
            Action(
                "Extra dagbesteding en nachtzorg als spoedvoorziening",
                WMO,
                1,
                goal=2,
                deviating=True,
                bases=("wmo_2_3_5",),
                cost=3,
                done_days=5,
                onevenredigheid="Zonder directe hulp valt de mantelzorger uit.",
                gelijkheid=GELIJK,
            ),
            Action("Wlz-indicatie met spoed aanvragen bij het CIZ", "Thuiszorg Súdwest", 2, goal=1, done_days=12),
            Action("Plaatsing in een verpleeghuis in Sneek", "Zorgkantoor Friesland", 20, goal=1, done_days=150),
        ),
        costs=(
            Cost(
                "Crisisopname na uitval mantelzorger",
                "huidig_pad",
                "zorgkantoor",
                "11800.00",
                probability="0.5",
                start=2,
                source="Schatting zorgkantoor 2025",
            ),
            Cost(
                "Behandeling rugklachten Anneke",
                "huidig_pad",
                "zorgverzekeraar",
                "1400.00",
                probability="0.6",
                source="Schatting huisarts 2025",
            ),
            Cost(
                "Dagbesteding en nachtzorg tot de verhuizing",
                "doorbraak",
                "gemeente_wmo",
                "1650.00",
                frequency="per_maand",
                months=5,
                source="Tarieven Wmo Súdwest-Fryslân 2025",
            ),
        ),
        facts="Sjoukje (82) heeft na een beroerte dag en nacht zorg nodig; Anneke is overbelast.",
        circumstances="Enig kind, geen ander netwerk.",
        onevenredigheid="Wachten leidt tot uitval van de mantelzorger en een crisisopname.",
        gelijkheid=GELIJK,
        risks="Dubbele zorg na de Wlz-indicatie; de Wmo stopt op de dag van de verhuizing.",
        grounds=(Basis("wmo_2_3_5", "Maatwerkvoorziening, spoedshalve."),),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Wmo 2015, Wlz",
        evaluations=(
            Evaluation(0, 3, {"basale_adl": 1, "lichamelijke_gezondheid": 2}, "Nulmeting."),
            Evaluation(3, 6, {"basale_adl": 2, "lichamelijke_gezondheid": 3}, "Wlz-indicatie afgegeven."),
            Evaluation(6, 8, {"basale_adl": 3, "lichamelijke_gezondheid": 3}, "Sjoukje verhuisd."),
            Evaluation(
                12,
                8,
                {"basale_adl": 3, "lichamelijke_gezondheid": 4},
                "Anneke werkt weer haar oude uren; afsluiting afgesproken.",
            ),
        ),
    ),
)

DIJKSTRA = Story(
    key="dijkstra",
    summary="Gezin Dijkstra (Bolsward): Sietse werkt seizoenswerk, zodat de toeslagen elk jaar worden "
    "teruggevorderd. Doorbraak: persoonlijke betalingsregeling zonder rente en een maandplanning van het "
    "inkomen; in uitvoering.",
    name="Huishouden Dijkstra",
    municipality=GEMEENTE,
    team="Gebiedsteam Zuidwest",
    professional="Jelle Bosma",
    status="uitvoering",
    registered="2026-01-21 11:33",
    updated="2026-10-22 09:20",
    address=("Dijlakker", "18", "8701 KE", "Bolsward"),
    people=(
        Person("Sietse Dijkstra", "1987-02-15", "hoofdbewoner", bsn=True),
        Person("Marrit Dijkstra", "1989-06-30", "partner"),
        Person("Jorrit Dijkstra", "2011-09-09"),
        Person("Femke Dijkstra", "2015-12-12"),
        Person("Hidde Dijkstra", "2019-04-01"),
    ),
    problems=(
        Problem(
            "financien",
            2,
            "Sietse werkt als seizoenswerker in de bollen en de bouw; door het wisselende "
            "inkomen vordert Dienst Toeslagen elk jaar huur- en zorgtoeslag terug, nu € 3.600.",
            since="2024-05-01",
        ),
        Problem("lichamelijke_gezondheid", 3, "Marrit heeft chronische vermoeidheid en werkt niet.", who="Marrit"),
        Problem("huiselijke_relaties", 4, "Hecht gezin; grootouders helpen met de kinderen.", who="Sietse"),
    ),
    organisations=(
        Organisation(ZUIDWEST, "gemeente", "Wmo 2015", "Budgetcoaching", "1900.00"),
        Organisation(
            "Belastingdienst/Toeslagen",
            "landelijke_uitvoeringsorganisatie",
            "Awir (toeslagen)",
            "Terugvordering huur- en zorgtoeslag",
            "0.00",
        ),
        SVB_KINDERBIJSLAG,
        Organisation(
            "Gemeente Súdwest-Fryslân – Schuldhulpverlening",
            "schuldhulpverlening",
            "Wet gemeentelijke schuldhulpverlening",
            "Schuldhulptraject",
            "1500.00",
        ),
    ),
    plan=Plan(
        start="2026-02-23",
        in_kaart="Gesprekken thuis; inkomens van drie jaar en de beschikkingen van Dienst Toeslagen naast elkaar.",
        perspective="Over een jaar weten we elke maand wat we hebben en komt er geen terugvordering meer.",
        obstacle="financien",
        obstacle_text="De jaarlijkse terugvorderingen vreten de buffer op; elke winter begint met een schuld.",
        doorbraak="Schuldhulpverlening regelt een persoonlijke betalingsregeling zonder rente voor de "
        "terugvordering; het gebiedsteam zet met het gezin een maandplanning op en het voorschot van de "
        "toeslagen wordt op het jaarinkomen afgestemd.",
        goals=(
            Goal("Terugvordering in een haalbare regeling", "financien", 3),
            Goal("Voorschotten die kloppen met het inkomen", "financien", 4),
        ),
        actions=(
            Action(
                "Persoonlijke betalingsregeling zonder rente aanvragen",
                SCHULDHULP,
                3,
                goal=1,
                status="gedaan",
                done_days=21,
                deviating=True,
                bases=("toeslagen_betalingsregeling",),
                cost=3,
                onevenredigheid="De standaardregeling vraagt in de winter meer dan het seizoensinkomen toelaat.",
                gelijkheid=GELIJK,
            ),
            Action(
                "Voorschot toeslagen aanpassen aan het verwachte jaarinkomen",
                ZUIDWEST,
                4,
                goal=2,
                status="gedaan",
                done_days=30,
            ),
            Action("Maandplanning met reservering voor de winter", ZUIDWEST, 8, goal=2, status="bezig"),
        ),
        costs=(
            Cost(
                "Rente en incassokosten op de terugvordering",
                "huidig_pad",
                HUISHOUDEN,
                "310.00",
                kind="overdracht",
                receiver="toeslagen",
                source="Beschikking Dienst Toeslagen",
            ),
            Cost(
                "Schuldhulp bij nieuwe achterstanden",
                "huidig_pad",
                "gemeente_schuldhulp",
                kengetal="schuldhulpverlening_traject",
                probability="0.5",
                start=6,
            ),
            Cost(
                "Afgezien van rente op de terugvordering",
                "doorbraak",
                "toeslagen",
                "310.00",
                kind="overdracht",
                receiver=HUISHOUDEN,
                source="Beschikking Dienst Toeslagen",
            ),
            Cost(
                "Budgetcoaching",
                "doorbraak",
                "gemeente_wmo",
                "95.00",
                frequency="per_maand",
                months=6,
                source="Tarief budgetcoaching Súdwest-Fryslân 2026",
            ),
        ),
        facts="Door seizoenswerk wisselt het inkomen sterk; Dienst Toeslagen vordert € 3.600 terug.",
        circumstances="Drie kinderen; de partner kan door ziekte niet werken.",
        onevenredigheid="Elk jaar een nieuwe terugvordering met rente houdt het gezin in de schulden.",
        gelijkheid=GELIJK,
        risks="Een slecht seizoen kan het voorschot opnieuw te hoog maken; de planning wordt elk kwartaal herzien.",
        grounds=(Basis("toeslagen_betalingsregeling", "Persoonlijke betalingsregeling zonder rente."),),
        privacy=ALLEEN_TAAK,
        privacy_text=PRIVACY_GEWOON,
        law="Awir, Wet gemeentelijke schuldhulpverlening",
        evaluations=(
            Evaluation(0, 5, {"financien": 2, "lichamelijke_gezondheid": 3}, "Nulmeting."),
            Evaluation(3, 7, {"financien": 3, "lichamelijke_gezondheid": 3}, "Regeling getroffen."),
            Evaluation(
                6,
                7,
                {"financien": 3, "lichamelijke_gezondheid": 3},
                "Zomer goed doorgekomen; reservering voor de winter loopt.",
            ),
        ),
    ),
)

DE_JONG = Story(
    key="de_jong",
    summary="Klaas de Jong (33, Bolsward) met autisme verloor zijn baan en heeft geen dagritme meer. Concept "
    "bijna klaar: dagbesteding bij de fietsenmaker als opstap naar werk.",
    name="Huishouden De Jong",
    municipality=GEMEENTE,
    team="Gebiedsteam Zuidwest",
    professional="Jelle Bosma",
    status="in_behandeling",
    registered="2026-07-06 09:30",
    updated="2026-10-28 11:10",
    address=("Snekerstraat", "9", "8701 XB", "Bolsward"),
    people=(Person("Klaas de Jong", "1993-01-07", "hoofdbewoner", bsn=True),),
    problems=(
        Problem(
            "tijdsbesteding",
            1,
            "Sinds het ontslag in april heeft Klaas geen dagritme: hij slaapt overdag en gaat de deur niet uit.",
            since="2026-04-01",
            who="Klaas",
        ),
        Problem("werk_opleiding", 2, "Werkte tien jaar in een fietsenwerkplaats die sloot; autisme.", who="Klaas"),
        Problem("financien", 3, "WW tot januari 2027; geen schulden.", who="Klaas"),
    ),
    organisations=(
        Organisation("UWV", "landelijke_uitvoeringsorganisatie", "WW", "WW-uitkering", "19800.00"),
        Organisation(ZUIDWEST, "gemeente", "Wmo 2015", "Begeleiding", "2400.00"),
        Organisation("Gemeente Súdwest-Fryslân – Wmo", "gemeente", "Wmo 2015", "Dagbesteding (aanvraag)", "0.00"),
    ),
    plan=Plan(
        start="2026-10-19",
        in_kaart="Gesprekken met Klaas en zijn zus.",
        perspective="Over een jaar sleutel ik weer aan fietsen, eerst een paar dagen en daarna als baan.",
        obstacle="tijdsbesteding",
        obstacle_text="Zonder dagritme lukt solliciteren niet; hij raakt steeds verder geïsoleerd.",
        doorbraak="Dagbesteding in een fietsenwerkplaats via de Wmo, drie ochtenden per week, als opstap naar "
        "een baan met jobcoach.",
        goals=(
            Goal("Vast dagritme met drie ochtenden werk", "tijdsbesteding", 3),
            Goal("Een baan met jobcoach", "werk_opleiding", 3),
        ),
        actions=(
            Action(
                "Dagbesteding fietsenwerkplaats",
                WMO,
                3,
                goal=1,
                deviating=True,
                bases=("wmo_2_3_5",),
                cost=2,
                onevenredigheid="De standaard dagbesteding past niet bij iemand die zijn vak wil houden.",
                gelijkheid=GELIJK,
            ),
            Action("Jobcoach via het UWV aanvragen", "UWV", 12, goal=2),
        ),
        costs=(
            Cost(
                "Bijstand na de WW",
                "huidig_pad",
                "gemeente_participatiewet",
                kengetal="bijstand_uitkering",
                start=3,
                kind="overdracht",
                receiver=HUISHOUDEN,
            ),
            Cost(
                "Dagbesteding fietsenwerkplaats",
                "doorbraak",
                "gemeente_wmo",
                "690.00",
                frequency="per_maand",
                months=6,
                source="Tarief arbeidsmatige dagbesteding 2026",
            ),
        ),
        facts="Klaas (33) verloor in april 2026 zijn baan; sindsdien geen dagritme.",
        circumstances="Autisme; tien jaar vakervaring.",
        onevenredigheid="Standaard dagbesteding leidt niet naar werk.",
        gelijkheid=GELIJK,
        risks="Lukt de stap naar werk niet, dan loopt de dagbesteding na zes maanden af.",
        grounds=(Basis("wmo_2_3_5", "Maatwerkvoorziening dagbesteding."),),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Wmo 2015",
        stage=4,
    ),
)

VISSER = Story(
    key="visser",
    summary="Gezin Visser (Workum): zoon Tjerk (16) blowt dagelijks en verzuimt; leerplicht dreigt met een "
    "proces-verbaal. Doorbraak: jeugdhulp bij middelengebruik met spoed en een leerwerkplek bij een "
    "jachtbouwer; plan vastgesteld.",
    name="Huishouden Visser",
    municipality=GEMEENTE,
    team="Gebiedsteam Zuidwest",
    professional="Jelle Bosma",
    status="plan_vastgesteld",
    registered="2026-05-04 13:45",
    updated="2026-10-26 10:50",
    address=("Merk", "22", "8711 CL", "Workum"),
    people=(
        Person("Hylke Visser", "1982-08-21", "hoofdbewoner"),
        Person("Geeske Visser", "1985-03-17", "partner"),
        Person("Tjerk Visser", "2010-06-14"),
        Person("Sytske Visser", "2014-02-02"),
    ),
    problems=(
        Problem("middelengebruik", 2, "Tjerk (16) blowt dagelijks sinds de zomer.", since="2026-06-01", who="Tjerk"),
        Problem(
            "maatschappelijke_participatie",
            2,
            "Tjerk verzuimt op het Bogerman Vakcollege; leerplicht had "
            "twee gesprekken en dreigt met een proces-verbaal.",
            since="2026-09-01",
            who="Tjerk",
        ),
        Problem("huiselijke_relaties", 3, "Veel ruzie tussen Tjerk en zijn vader.", who="Hylke"),
    ),
    organisations=(
        Organisation("Gemeente Súdwest-Fryslân – Leerplicht", "gemeente", "Overig", "Verzuimtraject Tjerk", "0.00"),
        Organisation("Jeugdhulp De Mar", "jeugdhulpaanbieder", "Jeugdwet", "Jeugdhulp middelengebruik", "0.00"),
        Organisation("Bogerman Vakcollege", "onderwijs", "Overig", "Vmbo Tjerk", "0.00"),
        SVB_KINDERBIJSLAG,
    ),
    plan=Plan(
        start="2026-10-26",
        in_kaart="Gesprekken met Tjerk, zijn ouders, de mentor en de leerplichtambtenaar.",
        perspective="Over een jaar blowt Tjerk niet meer en werkt hij met zijn handen, met een diploma in zicht.",
        obstacle="middelengebruik",
        obstacle_text="Het dagelijkse blowen: zolang dat doorgaat, lukt school niet en escaleert het thuis.",
        doorbraak="Jeugdhulp bij middelengebruik start als spoedvoorziening; school en leerplicht maken een "
        "leerwerkroute met twee dagen bij een jachtbouwer, in plaats van een proces-verbaal.",
        goals=(
            Goal("Tjerk stopt met dagelijks blowen", "middelengebruik", 3),
            Goal("Tjerk weer naar school en werkplek", "maatschappelijke_participatie", 3),
        ),
        actions=(
            Action(
                "Jeugdhulp bij middelengebruik als spoedvoorziening",
                "Jeugdhulp De Mar",
                1,
                goal=1,
                deviating=True,
                bases=("jeugd_spoedvoorziening",),
                cost=3,
                onevenredigheid="Zes weken wachten laat het blowen en verzuimen verder oplopen.",
                gelijkheid=GELIJK,
            ),
            Action("Leerwerkroute met twee dagen bij een jachtbouwer", "Bogerman Vakcollege", 6, goal=2),
            Action("Verzuimtraject in plaats van proces-verbaal", "Gemeente Súdwest-Fryslân – Leerplicht", 2, goal=2),
        ),
        costs=(
            Cost(
                "Voortijdig schoolverlaten en later bijstand",
                "huidig_pad",
                "gemeente_participatiewet",
                "3000.00",
                probability="0.3",
                start=9,
                source="Schatting gebiedsteam 2026",
            ),
            Cost(
                "Zwaardere jeugdhulp bij escalatie thuis",
                "huidig_pad",
                "gemeente_jeugdwet",
                "2100.00",
                frequency="per_maand",
                months=3,
                probability="0.3",
                start=4,
                source="Tarief jeugdhulp Súdwest-Fryslân 2026",
            ),
            Cost(
                "Jeugdhulp middelengebruik",
                "doorbraak",
                "gemeente_jeugdwet",
                "850.00",
                frequency="per_maand",
                months=6,
                source="Tarief jeugdhulp Súdwest-Fryslân 2026",
            ),
        ),
        facts="Tjerk (16) blowt dagelijks en verzuimt; leerplicht heeft een proces-verbaal aangekondigd.",
        circumstances="Ouders zijn betrokken; een jachtbouwer in Workum wil een leerplek bieden.",
        onevenredigheid="Een proces-verbaal en een wachtlijst helpen Tjerk niet terug naar school.",
        gelijkheid=GELIJK,
        risks="Als Tjerk niet meewerkt, volgt alsnog het gewone verzuimtraject.",
        grounds=(Basis("jeugd_spoedvoorziening", "Spoedvoorziening uit de verordening jeugdhulp."),),
        privacy=GEZONDHEID_JEUGD,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Jeugdwet, Leerplichtwet 1969",
    ),
)

TERPSTRA = Story(
    key="terpstra",
    summary="Durk en Aaltsje Terpstra (68 en 66, IJlst) hebben een onvolledige AOW door jaren in Canada en "
    "wisten niet van de AIO-aanvulling. Doorbraak: AIO-aanvraag met terugwerkende kracht en kwijtschelding "
    "van de gemeentelijke belastingen; geëvalueerd.",
    name="Huishouden Terpstra",
    municipality=GEMEENTE,
    team="Gebiedsteam Sneek",
    professional="Wytske Postma",
    status="geevalueerd",
    registered="2025-10-01 10:00",
    updated="2026-05-20 14:30",
    address=("Galamagracht", "7", "8651 EB", "IJlst"),
    people=(
        Person("Durk Terpstra", "1958-01-23", "hoofdbewoner", bsn=True),
        Person("Aaltsje Terpstra", "1960-07-11", "partner", bsn=True),
    ),
    problems=(
        Problem(
            "financien",
            2,
            "Onvolledige AOW (twaalf jaar in Canada gewoond); inkomen onder het sociaal "
            "minimum, achterstand gemeentelijke belastingen € 780.",
            since="2024-02-01",
        ),
        Problem("sociaal_netwerk", 4, "Actief in de kerk; kinderen in Leeuwarden.", who="Durk"),
    ),
    organisations=(
        Organisation("SVB", "landelijke_uitvoeringsorganisatie", "AOW", "AOW met AIO-aanvulling", "18900.00"),
        Organisation(SNEEK, "gemeente", "Wmo 2015", "Formulierenhulp", "600.00"),
        Organisation(
            "Gemeente Súdwest-Fryslân – Belastingen",
            "gemeente",
            "Overig",
            "Kwijtschelding gemeentelijke belastingen",
            "0.00",
        ),
    ),
    plan=Plan(
        start="2025-11-03",
        in_kaart="Gesprek thuis; AOW-specificaties en belastingaanslagen doorgenomen.",
        perspective="Over een jaar hebben we genoeg om van te leven en hoeven we de kerk niet om hulp te vragen.",
        obstacle="financien",
        obstacle_text="Het inkomen ligt onder het minimum; elke aanslag wordt een achterstand.",
        doorbraak="Het gebiedsteam vraagt met hen de AIO-aanvulling aan bij de SVB, met terugwerkende kracht; de "
        "gemeente scheldt de achterstand gemeentelijke belastingen kwijt.",
        goals=(Goal("Inkomen op het sociaal minimum", "financien", 4),),
        actions=(
            Action("AIO-aanvulling aanvragen bij de SVB", SNEEK, 2, goal=1, done_days=10),
            Action(
                "Kwijtschelding gemeentelijke belastingen",
                "Gemeente Súdwest-Fryslân – Belastingen",
                4,
                goal=1,
                deviating=True,
                bases=("kwijtschelding_gemeentelijke_belastingen",),
                cost=3,
                done_days=35,
                onevenredigheid="De achterstand ontstond door een te laag inkomen dat de AIO had moeten aanvullen.",
                gelijkheid=GELIJK,
            ),
        ),
        costs=(
            Cost(
                "Invordering belastingen",
                "huidig_pad",
                "overig",
                "180.00",
                source="Kostenregeling gemeentelijke belastingen 2025",
            ),
            Cost(
                "AIO-aanvulling",
                "doorbraak",
                "svb",
                "310.00",
                frequency="per_maand",
                kind="overdracht",
                receiver=HUISHOUDEN,
                source="Beschikking SVB",
            ),
            Cost(
                "Kwijtgescholden gemeentelijke belastingen",
                "doorbraak",
                "gemeente_participatiewet",
                "780.00",
                kind="overdracht",
                receiver=HUISHOUDEN,
                source="Aanslag gemeentelijke belastingen 2025",
            ),
        ),
        facts="De AOW is onvolledig; het inkomen ligt onder het sociaal minimum.",
        circumstances="Niet bekend met de AIO-aanvulling.",
        onevenredigheid="Invordering van een achterstand die door een te laag inkomen ontstond.",
        gelijkheid=GELIJK,
        risks="Geen.",
        grounds=(
            Basis(
                "kwijtschelding_gemeentelijke_belastingen", "Kwijtschelding bij een inkomen op of onder het minimum."
            ),
        ),
        privacy=ALLEEN_TAAK,
        privacy_text=PRIVACY_GEWOON,
        law="Invorderingswet 1990, Gemeentewet",
        evaluations=(
            Evaluation(0, 5, {"financien": 2}, "Nulmeting."),
            Evaluation(3, 8, {"financien": 4}, "AIO toegekend met terugwerkende kracht."),
            Evaluation(6, 9, {"financien": 4}, "Geen nieuwe achterstanden."),
        ),
    ),
)

BOUMA = Story(
    key="bouma",
    summary="Femke Bouma (27, Sneek) meldde zich na haar scheiding met schulden op haar naam; net aangemeld.",
    name="Huishouden Bouma",
    municipality=GEMEENTE,
    team="Gebiedsteam Sneek",
    professional="Wytske Postma",
    status="aangemeld",
    registered="2026-10-14 15:05",
    updated="2026-10-15 09:30",
    address=("Tjalkstraat", "31", "8604 BG", "Sneek"),
    people=(Person("Femke Bouma", "1999-09-19", "hoofdbewoner", bsn=True), Person("Noor Bouma", "2022-11-02")),
    problems=(
        Problem(
            "financien",
            2,
            "Na de scheiding € 9.400 schulden op haar naam, onder meer bij de zorgverzekeraar.",
            since="2026-06-01",
            who="Femke",
        ),
        Problem("huisvesting", 3, "Huurt een kamer bij haar moeder in.", since="2026-06-01"),
    ),
    organisations=(
        Organisation(SCHULDHULP, "schuldhulpverlening", "Wet gemeentelijke schuldhulpverlening", "Aanmelding", "0.00"),
        SVB_KINDERBIJSLAG,
    ),
)

STORIES = (HOEKSTRA, DIJKSTRA, DE_JONG, VISSER, TERPSTRA, BOUMA)

"""Eindhoven (GM0772): six households of the WIJ-teams Gestel (Bas Verhoeven) and Stratum (Noor El Idrissi).
Plans are decided by the maatwerkfunctionaris Pieter Hoogland."""

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

GEMEENTE = "GM0772"
WIJ_GESTEL = "Gemeente Eindhoven – WIJ-team Gestel"
WIJ_STRATUM = "Gemeente Eindhoven – WIJ-team Stratum"
WERK_INKOMEN = "Gemeente Eindhoven – Werk en Inkomen"
SCHULDHULP = "Gemeente Eindhoven – Schuldhulpverlening"
WMO_LOKET = "Gemeente Eindhoven – Wmo-loket"

CELIK = Story(
    key="celik",
    summary="Mehmet Çelik (45, Eindhoven) drinkt sinds zijn ontslag; de CAK-premie op zijn bijstand laat te weinig "
    "over voor de huur. Doorbraak: schuldregeling (CAK stopt de bestuursrechtelijke premie), huurachterstand uit "
    "bijzondere bijstand, alcoholbehandeling zonder wachttijd. Geëvalueerd na 6 maanden: rapportcijfer 7.",
    name="Huishouden Çelik",
    municipality=GEMEENTE,
    team="WIJ-team Gestel",
    professional="Bas Verhoeven",
    status="geevalueerd",
    registered="2026-02-06 08:43",
    updated="2026-10-20 14:10",
    address=("Boschdijk", "212", "5612 HK", "Eindhoven"),
    people=(Person("Mehmet Çelik", "1981-06-14", "hoofdbewoner", bsn=True),),
    problems=(
        Problem(
            "financien",
            1,
            "Premieachterstand zorgverzekering van zeven maanden: aangemeld bij het CAK (wanbetalersregeling). "
            "De verzekering loopt gewoon door, maar de bestuursrechtelijke premie wordt op de bijstand ingehouden. "
            "Daarnaast € 6.400 schulden bij negen schuldeisers.",
            since="2025-07-01",
            who="Mehmet",
        ),
        Problem(
            "werk_opleiding",
            2,
            "Sinds juni 2024 zonder werk (magazijnmedewerker); de WW is afgelopen, bijstand sinds maart 2025.",
            since="2024-06-01",
            who="Mehmet",
        ),
        Problem(
            "huisvesting",
            3,
            "Huurwoning van Dommelstad Wonen; sinds de inhouding twee maanden huurachterstand (€ 1.240). Nog geen "
            "aanzegging.",
            since="2025-12-01",
        ),
        Problem(
            "middelengebruik",
            2,
            "Drinkt sinds het ontslag dagelijks; twee keer op de spoedeisende hulp na een val. Wil stoppen, maar de "
            "wachttijd voor ambulante verslavingszorg is veertien weken.",
            since="2024-08-01",
            who="Mehmet",
        ),
        Problem(
            "sociaal_netwerk",
            3,
            "Broer in Helmond, weinig contact; de vrienden die hij nog ziet, ziet hij in het café.",
            who="Mehmet",
        ),
    ),
    organisations=(
        Organisation(WIJ_GESTEL, "gemeente", "Wmo 2015", "Casusregie", "4200.00"),
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijstandsuitkering alleenstaande", "16800.00"),
        Organisation("CAK", "landelijke_uitvoeringsorganisatie", "Zvw", "Bestuursrechtelijke premie Zvw", "2460.00"),
        Organisation("Zorgverzekeraar Helder", "zorgverzekeraar", "Zvw", "Basisverzekering (loopt door)", "3100.00"),
        Organisation(
            "Verslavingszorg Brabantse Kern", "zorgaanbieder", "Zvw", "Ambulante alcoholbehandeling", "5040.00"
        ),
        Organisation("Dommelstad Wonen", "woningcorporatie", "Huurrecht (BW)", "Huurwoning", "0.00"),
        Organisation(
            "Gemeente Eindhoven – Schuldhulpverlening",
            "schuldhulpverlening",
            "Wet gemeentelijke schuldhulpverlening",
            "Schuldhulptraject",
            "1500.00",
        ),
    ),
    plan=Plan(
        start="2026-03-16",
        in_kaart="Gesprekken met Mehmet, zijn broer, de praktijkondersteuner van de huisarts en Werk en Inkomen; "
        "vijf leefgebieden in kaart gebracht.",
        perspective="Over een jaar drink ik niet meer, woon ik nog in mijn huis en werk ik weer in een magazijn.",
        obstacle="financien",
        obstacle_text="De inhouding van de bestuursrechtelijke premie laat te weinig over voor huur en eten. "
        "Zolang de schulden groeien, komt de bewoner niet toe aan de behandeling van zijn drinken.",
        doorbraak="Schuldhulpverlening laat de bewoner toe tot de schuldregeling, ook al drinkt hij nog, en meldt dat "
        "bij het CAK: dan stopt de bestuursrechtelijke premie en betaalt hij weer de gewone premie aan zijn "
        "verzekeraar. De huurachterstand wordt betaald uit bijzondere bijstand; de alcoholbehandeling start "
        "zonder wachttijd.",
        goals=(
            Goal("Schulden in een regeling en weer de gewone zorgpremie", "financien", 3),
            Goal("Minder drinken met ambulante behandeling", "middelengebruik", 3),
            Goal("Huur elke maand op tijd betaald", "huisvesting", 4),
        ),
        actions=(
            Action(
                "Toelaten tot de schuldregeling ondanks actuele verslaving; het CAK melden dat hij in de regeling zit",
                SCHULDHULP,
                3,
                goal=1,
                contact="Schuldhulpverlening, team vroegsignalering",
                deviating=True,
                bases=("awb_4_84", "zvw_18a_18g"),
                cost=7,
                onevenredigheid="De beleidsregel wijst schuldhulp af zolang iemand drinkt; dan blijft de "
                "bestuursrechtelijke premie lopen en komt de behandeling nooit op gang.",
                gelijkheid=GELIJK,
                done_days=18,
            ),
            Action(
                "Huurachterstand van € 1.240 betalen uit bijzondere bijstand",
                WERK_INKOMEN,
                2,
                goal=3,
                contact="Inkomensconsulent bijzondere bijstand",
                deviating=True,
                bases=("pw_35",),
                cost=6,
                onevenredigheid="De achterstand komt door de inhouding van de CAK-premie, niet door eigen keuzes; "
                "zonder betaling volgt een aanzegging.",
                gelijkheid=GELIJK,
                done_days=12,
            ),
            Action(
                "Intake ambulante alcoholbehandeling zonder wachttijd",
                "Verslavingszorg Brabantse Kern",
                2,
                goal=2,
                done_days=16,
            ),
            Action(
                "Budgetbeheer: huur en premie rechtstreeks van de uitkering betalen",
                SCHULDHULP,
                6,
                goal=3,
                done_days=40,
            ),
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
            Cost(
                "Huisuitzetting na oplopende huurachterstand",
                "huidig_pad",
                "overig",
                kengetal="huisuitzetting",
                probability="0.25",
                start=6,
            ),
            Cost(
                "Maatschappelijke opvang na een uitzetting",
                "huidig_pad",
                "gemeente_wmo",
                kengetal="mo_feitelijk_dakloos",
                probability="0.25",
                start=7,
            ),
            Cost(
                "Spoedeisende hulp en korte opname na een val onder invloed",
                "huidig_pad",
                "zorgverzekeraar",
                "3800.00",
                probability="0.5",
                start=3,
                source="Schatting huisarts en WIJ-team op basis van de twee eerdere opnames",
            ),
            Cost(
                "Schuldhulp: herhaalde aanmelding zonder regeling",
                "huidig_pad",
                "gemeente_schuldhulp",
                kengetal="schuldhulpverlening_traject",
            ),
            Cost(
                "Huurachterstand betaald uit bijzondere bijstand",
                "doorbraak",
                "gemeente_participatiewet",
                "1240.00",
                kind="overdracht",
                receiver="woningcorporatie",
                source="Huurafrekening Dommelstad Wonen",
            ),
            Cost(
                "Schuldregeling (minnelijk traject)",
                "doorbraak",
                "gemeente_schuldhulp",
                kengetal="schuldhulpverlening_traject",
            ),
            Cost(
                "Ambulante alcoholbehandeling",
                "doorbraak",
                "zorgverzekeraar",
                "420.00",
                frequency="per_maand",
                months=6,
                source="Opgave Verslavingszorg Brabantse Kern, 2026",
            ),
            Cost(
                "Budgetbeheer",
                "doorbraak",
                "gemeente_schuldhulp",
                "45.00",
                frequency="per_maand",
                source="Tarief budgetbeheer gemeente Eindhoven 2026",
            ),
        ),
        facts="Mehmet (45) is sinds juni 2024 werkloos en drinkt dagelijks. Door zeven maanden premieachterstand "
        "is hij aangemeld bij het CAK; de bestuursrechtelijke premie wordt op de bijstand ingehouden. Sindsdien "
        "ontstond € 1.240 huurachterstand; de totale schuld is € 6.400 bij negen schuldeisers.",
        circumstances="Verslaving, schulden en de dreigende huurachterstand versterken elkaar; hij wil zelf stoppen "
        "met drinken en heeft de behandeling aangevraagd.",
        onevenredigheid="Weigeren van schuldhulp zolang hij drinkt, houdt de premie-inhouding in stand en leidt "
        "waarschijnlijk tot huisuitzetting; de kosten daarvan zijn vele malen hoger dan de regeling.",
        gelijkheid=GELIJK,
        risks="Terugval in drinken kan de regeling laten mislukken; daarom budgetbeheer en een vast "
        "contactmoment met de behandelaar.",
        grounds=(
            Basis("awb_4_84", "Afwijken van de beleidsregel schuldhulp (geen regeling bij actuele verslaving)."),
            Basis("zvw_18a_18g", "Met een schuldregeling stopt het CAK de bestuursrechtelijke premie."),
            Basis("pw_35", "Bijzondere bijstand voor de huurachterstand (noodzakelijke kosten)."),
        ),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Participatiewet, Zorgverzekeringswet, Wet gemeentelijke schuldhulpverlening, Awb",
        evaluations=(
            Evaluation(
                0,
                4,
                {"financien": 1, "middelengebruik": 2, "huisvesting": 3, "werk_opleiding": 2},
                "Nulmeting: inhouding door het CAK, huurachterstand, drinkt dagelijks.",
            ),
            Evaluation(
                3,
                6,
                {"financien": 2, "middelengebruik": 3, "huisvesting": 4, "werk_opleiding": 2},
                "Schuldregeling loopt; het CAK heeft de bestuursrechtelijke premie beëindigd. Drinkt minder, "
                "behandeling twee keer per week.",
            ),
            Evaluation(
                6,
                7,
                {"financien": 3, "middelengebruik": 3, "huisvesting": 4, "werk_opleiding": 3},
                "Huur zes maanden op tijd betaald; een terugval na een verjaardag is opgevangen. Start op een "
                "werkervaringsplek in een magazijn.",
            ),
        ),
    ),
)

RAMDIN = Story(
    key="ramdin",
    summary="Gezin Ramdin (Eindhoven): vader Ravi kan door hartfalen niet meer werken, het inkomen halveerde en "
    "de corporatie heeft een ontruimingsvonnis. Concept: huurachterstand uit bijzondere bijstand, vonnis niet "
    "uitvoeren, huur ingehouden.",
    name="Huishouden Ramdin",
    municipality=GEMEENTE,
    team="WIJ-team Stratum",
    professional="Noor El Idrissi",
    status="in_behandeling",
    registered="2026-05-15 14:34",
    updated="2026-10-28 10:05",
    address=("Heezerweg", "87", "5643 KB", "Eindhoven"),
    people=(
        Person("Sharmila Ramdin", "1984-03-09", "hoofdbewoner", bsn=True),
        Person("Ravi Ramdin", "1981-11-23", "partner", bsn=True),
        Person("Anjali Ramdin", "2011-04-30"),
        Person("Dev Ramdin", "2015-01-17"),
    ),
    problems=(
        Problem(
            "financien",
            2,
            "Sinds Ravi ziek is, is het gezinsinkomen gehalveerd; de WIA-aanvraag loopt nog bij het UWV. "
            "Achterstanden bij energie en zorgverzekering.",
            since="2025-10-01",
        ),
        Problem(
            "huisvesting",
            1,
            "Huurachterstand van € 3.150 bij Woonkracht Kempen; het ontruimingsvonnis is in september betekend.",
            since="2026-02-01",
        ),
        Problem(
            "lichamelijke_gezondheid",
            2,
            "Ravi heeft hartfalen; na de opname in oktober 2025 kan hij niet meer werken als chauffeur.",
            since="2025-10-01",
            who="Ravi",
        ),
        Problem(
            "huiselijke_relaties",
            3,
            "Veel spanning thuis over geld; Anjali (15) trekt zich terug en verzuimt soms van school.",
            who="Anjali",
        ),
    ),
    organisations=(
        Organisation(WIJ_STRATUM, "gemeente", "Wmo 2015", "Gezinscoaching", "3600.00"),
        Organisation(
            "UWV", "landelijke_uitvoeringsorganisatie", "WIA/Wajong", "Ziektewet, WIA-aanvraag loopt", "21400.00"
        ),
        Organisation("Woonkracht Kempen", "woningcorporatie", "Huurrecht (BW)", "Huurwoning", "0.00"),
        SVB_KINDERBIJSLAG,
        Organisation(
            "Gemeente Eindhoven – Werk en Inkomen", "gemeente", "Participatiewet", "Bijzondere bijstand", "0.00"
        ),
    ),
    plan=Plan(
        start="2026-10-12",
        in_kaart="Huisbezoek met het hele gezin; contact met Woonkracht Kempen, het UWV en de mentor van Anjali.",
        perspective="Over een jaar wonen we nog in ons huis en gaan de kinderen naar dezelfde school.",
        obstacle="huisvesting",
        obstacle_text="Het ontruimingsvonnis: zonder woning valt ook de rust voor de kinderen en het herstel van de "
        "vader weg.",
        doorbraak="De gemeente betaalt de huurachterstand uit bijzondere bijstand; Woonkracht Kempen voert het "
        "vonnis niet uit zolang de huur voortaan van het inkomen wordt ingehouden.",
        goals=(
            Goal("Woning behouden, huur elke maand betaald", "huisvesting", 4),
            Goal("Inkomen op orde zodra de WIA is toegekend", "financien", 3),
        ),
        actions=(
            Action(
                "Huurachterstand van € 3.150 betalen uit bijzondere bijstand",
                WERK_INKOMEN,
                2,
                goal=1,
                contact="Inkomensconsulent bijzondere bijstand",
                deviating=True,
                bases=("pw_35",),
                cost=3,
                onevenredigheid="De achterstand komt door ziekte; ontruiming van een gezin met twee "
                "schoolgaande kinderen is onevenredig.",
                gelijkheid=GELIJK,
            ),
            Action("Vonnis niet uitvoeren en huurafspraken vastleggen", "Woonkracht Kempen", 3, goal=1),
            Action("WIA-beslissing bespoedigen via de maatwerkadviseur", "UWV", 6, goal=2),
        ),
        costs=(
            Cost(
                "Huisuitzetting van het gezin",
                "huidig_pad",
                "overig",
                kengetal="huisuitzetting",
                probability="0.6",
                start=2,
            ),
            Cost(
                "Opvang van een gezin na uitzetting",
                "huidig_pad",
                "gemeente_wmo",
                kengetal="mo_residentieel_dakloos",
                quantity="4",
                probability="0.6",
                start=3,
            ),
            Cost(
                "Huurachterstand betaald uit bijzondere bijstand",
                "doorbraak",
                "gemeente_participatiewet",
                "3150.00",
                kind="overdracht",
                receiver="woningcorporatie",
                source="Huurafrekening Woonkracht Kempen",
            ),
        ),
        facts="Het inkomen van het gezin halveerde na Ravi's hartfalen; de huurachterstand is € 3.150 en het "
        "ontruimingsvonnis is betekend.",
        circumstances="Ziekte buiten de schuld van het gezin; twee kinderen op school in de wijk.",
        onevenredigheid="Ontruiming kost de samenleving veel meer dan de achterstand en schaadt de kinderen.",
        gelijkheid=GELIJK,
        risks="Als de WIA lager uitvalt, kan opnieuw een tekort ontstaan; budgetcoaching volgt dat.",
        grounds=(Basis("pw_35", "Bijzondere bijstand voor de huurachterstand (noodzakelijke kosten)."),),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Participatiewet, Huurrecht (BW)",
    ),
)

OZTURK = Story(
    key="ozturk",
    summary="Gezin Öztürk (Eindhoven): € 14.600 terugvordering kinderopvangtoeslag en een depressieve moeder. "
    "Doorbraak: persoonlijke betalingsregeling zonder rente bij Dienst Toeslagen en ggz via de huisarts; in "
    "uitvoering, de deurwaarder reageert niet.",
    name="Huishouden Öztürk",
    municipality=GEMEENTE,
    team="WIJ-team Gestel",
    professional="Bas Verhoeven",
    status="uitvoering",
    registered="2025-09-19 10:29",
    updated="2026-10-22 11:40",
    address=("Generaal Bothastraat", "14", "5642 NK", "Eindhoven"),
    people=(
        Person("Emre Öztürk", "1988-05-02", "hoofdbewoner", bsn=True),
        Person("Selin Öztürk", "1990-08-19", "partner"),
        Person("Elif Öztürk", "2017-02-11"),
        Person("Yusuf Öztürk", "2020-06-25"),
        Person("Zeynep Öztürk", "2024-03-03"),
    ),
    problems=(
        Problem(
            "financien",
            1,
            "Dienst Toeslagen vordert € 14.600 kinderopvangtoeslag terug nadat Selin stopte met werken; een "
            "deurwaarder heeft beslag gelegd op Emre's loon en de beslagvrije voet is te laag berekend.",
            since="2025-04-01",
        ),
        Problem(
            "geestelijke_gezondheid",
            2,
            "Selin is sinds de geboorte van Zeynep somber en slaapt slecht; de huisarts vermoedt een depressie.",
            since="2024-09-01",
            who="Selin",
        ),
        Problem(
            "huiselijke_relaties",
            3,
            "Veel ruzie over geld; Emre werkt extra diensten en is weinig thuis.",
            who="Emre",
        ),
        Problem(
            "werk_opleiding", 4, "Emre werkt vast als procesoperator; Selin zit thuis met de kinderen.", who="Emre"
        ),
    ),
    organisations=(
        Organisation(WIJ_GESTEL, "gemeente", "Wmo 2015", "Gezinscoaching", "3900.00"),
        Organisation(
            SCHULDHULP, "schuldhulpverlening", "Wet gemeentelijke schuldhulpverlening", "Schuldhulptraject", "1500.00"
        ),
        Organisation(
            "Belastingdienst/Toeslagen",
            "landelijke_uitvoeringsorganisatie",
            "Awir (toeslagen)",
            "Terugvordering kinderopvangtoeslag",
            "0.00",
        ),
        Organisation("GGZ De Peel", "zorgaanbieder", "Zvw", "Basis-ggz voor Selin", "2600.00"),
        SVB_KINDERBIJSLAG,
    ),
    plan=Plan(
        start="2025-11-10",
        in_kaart="Gesprekken met Emre en Selin samen en apart; beschikkingen van Dienst Toeslagen en het "
        "beslagexploot doorgenomen.",
        perspective="Over een jaar hebben we rust over geld, is Selin weer zichzelf en eten we weer samen.",
        obstacle="financien",
        obstacle_text="Het beslag op het loon laat minder over dan nodig om te leven; de zorgen over geld houden "
        "de somberheid van de moeder en de ruzies in stand.",
        doorbraak="Schuldhulpverlening vraagt bij Dienst Toeslagen een persoonlijke betalingsregeling zonder rente "
        "aan, afgestemd op wat het gezin kan missen, en laat de deurwaarder de beslagvrije voet herberekenen. "
        "De moeder start basis-ggz via de huisarts.",
        goals=(
            Goal("Eén betaalbare regeling voor de terugvordering", "financien", 3),
            Goal("Selin voelt zich weer beter", "geestelijke_gezondheid", 4),
            Goal("Minder ruzie over geld", "huiselijke_relaties", 4),
        ),
        actions=(
            Action(
                "Persoonlijke betalingsregeling zonder rente aanvragen bij Dienst Toeslagen",
                SCHULDHULP,
                3,
                goal=1,
                status="gedaan",
                done_days=25,
                deviating=True,
                bases=("toeslagen_betalingsregeling",),
                cost=5,
                onevenredigheid="De standaardregeling van 24 maanden vraagt meer dan het gezin kan betalen en "
                "duwt het dieper in de schulden.",
                gelijkheid=GELIJK,
            ),
            Action(
                "Beslagvrije voet laten herberekenen door de deurwaarder",
                SCHULDHULP,
                4,
                goal=1,
                status="vastgelopen",
                note="De deurwaarder reageert niet op twee verzoeken; escalatie naar het regionale overleg "
                "wordt voorbereid.",
            ),
            Action("Basis-ggz voor de moeder starten", "GGZ De Peel", 5, goal=2, status="gedaan", done_days=33),
            Action("Gezinsgesprekken over geld en taken", WIJ_GESTEL, 8, goal=3, status="bezig"),
        ),
        costs=(
            Cost(
                "Loonbeslag: incasso- en beslagkosten",
                "huidig_pad",
                "overig",
                "1350.00",
                source="Beslagexploot en kostenspecificatie deurwaarder",
            ),
            Cost(
                "Basis-ggz na uitval (later en zwaarder)",
                "huidig_pad",
                "zorgverzekeraar",
                "4800.00",
                probability="0.5",
                start=4,
                source="Schatting huisarts, 2026",
            ),
            Cost(
                "Jeugdhulp bij escalerende spanningen thuis",
                "huidig_pad",
                "gemeente_jeugdwet",
                kengetal="jeugdhulp_uitvoering",
                probability="0.4",
                start=6,
            ),
            Cost("Schuldhulptraject", "doorbraak", "gemeente_schuldhulp", kengetal="schuldhulpverlening_traject"),
            Cost(
                "Afgezien van rente op de terugvordering",
                "doorbraak",
                "toeslagen",
                "620.00",
                kind="overdracht",
                receiver=HUISHOUDEN,
                source="Berekening Dienst Toeslagen",
            ),
            Cost("Basis-ggz voor Selin", "doorbraak", "zorgverzekeraar", "2600.00", source="Opgave GGZ De Peel, 2026"),
        ),
        facts="De terugvordering kinderopvangtoeslag is € 14.600; er ligt loonbeslag met een te laag berekende "
        "beslagvrije voet. Selin heeft depressieve klachten.",
        circumstances="Drie jonge kinderen; de terugvordering ontstond door een wijziging die te laat is "
        "doorgegeven, niet door fraude.",
        onevenredigheid="Volledige terugvordering met rente en beslag onder het bestaansminimum treft vooral de "
        "kinderen.",
        gelijkheid=GELIJK,
        risks="De regeling valt weg als een termijn wordt gemist; schuldhulp bewaakt de betalingen.",
        grounds=(
            Basis("toeslagen_betalingsregeling", "Persoonlijke betalingsregeling zonder rente."),
            Basis("rv_475c_beslagvrije_voet", "De beslagvrije voet moet goed zijn berekend."),
        ),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Awir, Wetboek van Burgerlijke Rechtsvordering, Wet gemeentelijke schuldhulpverlening",
        evaluations=(
            Evaluation(
                0,
                4,
                {"financien": 1, "geestelijke_gezondheid": 2, "huiselijke_relaties": 3},
                "Nulmeting: beslag onder het bestaansminimum, Selin somber.",
            ),
            Evaluation(
                3,
                6,
                {"financien": 2, "geestelijke_gezondheid": 3, "huiselijke_relaties": 3},
                "Regeling met Dienst Toeslagen getroffen; het beslag loopt nog.",
            ),
            Evaluation(
                6,
                6,
                {"financien": 2, "geestelijke_gezondheid": 3, "huiselijke_relaties": 4},
                "Selin slaapt beter; de deurwaarder heeft de beslagvrije voet nog niet herberekend.",
            ),
        ),
    ),
)

BROUWER = Story(
    key="brouwer",
    summary="Henk Brouwer (71, Eindhoven) woont alleen, valt steeds vaker en vereenzaamt. Doorbraak: Wmo-hulp "
    "direct als spoed, CIZ-aanvraag voor de Wlz, dagbesteding. Afgesloten na verhuizing naar een verpleeghuis.",
    name="Huishouden Brouwer",
    municipality=GEMEENTE,
    team="WIJ-team Stratum",
    professional="Noor El Idrissi",
    status="afgesloten",
    registered="2025-09-15 08:53",
    updated="2026-10-23 15:20",
    address=("Tongelresestraat", "301", "5613 DL", "Eindhoven"),
    people=(Person("Henk Brouwer", "1955-04-12", "hoofdbewoner", bsn=True),),
    problems=(
        Problem(
            "lichamelijke_gezondheid",
            2,
            "Parkinson, valt steeds vaker; twee keer door de thuiszorg gevonden.",
            since="2023-01-01",
            who="Henk",
        ),
        Problem("basale_adl", 2, "Kan zich niet meer zelf wassen en aankleden; eet onregelmatig.", who="Henk"),
        Problem("sociaal_netwerk", 2, "Weduwnaar sinds 2022; zijn dochter woont in Groningen.", who="Henk"),
        Problem("financien", 4, "AOW met klein pensioen; rekeningen betaald via automatische incasso.", who="Henk"),
    ),
    organisations=(
        Organisation(WMO_LOKET, "gemeente", "Wmo 2015", "Huishoudelijke hulp en dagbesteding", "6200.00"),
        Organisation("Thuiszorg Dommeldal", "zorgaanbieder", "Zvw", "Wijkverpleging", "9800.00"),
        Organisation("SVB", "landelijke_uitvoeringsorganisatie", "AOW", "AOW", "17900.00"),
        Organisation("Zorgkantoor Zuidoost-Brabant", "zorgkantoor", "Wlz", "Verpleeghuiszorg na indicatie", "0.00"),
    ),
    plan=Plan(
        start="2025-10-13",
        in_kaart="Huisbezoek met de wijkverpleegkundige; telefonisch overleg met zijn dochter.",
        perspective="Ik wil veilig zijn en niet meer dagen alleen op de grond liggen.",
        obstacle="basale_adl",
        obstacle_text="Zonder dagelijkse hulp is thuis wonen niet meer veilig; de Wlz-indicatie duurt maanden.",
        doorbraak="De Wmo zet huishoudelijke hulp en dagbesteding direct in als spoedvoorziening, vóór het "
        "onderzoek klaar is; tegelijk vraagt de wijkverpleging de Wlz-indicatie aan bij het CIZ.",
        goals=(
            Goal("Veilig thuis tot de verhuizing", "basale_adl", 3),
            Goal("Niet meer alleen de dag door", "sociaal_netwerk", 3),
        ),
        actions=(
            Action(
                "Huishoudelijke hulp en dagbesteding als spoedvoorziening",
                WMO_LOKET,
                1,
                goal=1,
                deviating=True,
                bases=("wmo_2_3_5",),
                cost=4,
                onevenredigheid="Wachten op het volledige onderzoek betekent weken zonder hulp bij iemand die valt.",
                gelijkheid=GELIJK,
                done_days=6,
            ),
            Action("Wlz-indicatie aanvragen bij het CIZ", "Thuiszorg Dommeldal", 3, goal=1, done_days=20),
            Action(
                "Plaatsing in een verpleeghuis in de wijk regelen",
                "Zorgkantoor Zuidoost-Brabant",
                26,
                goal=2,
                done_days=220,
            ),
        ),
        costs=(
            Cost(
                "Ziekenhuisopname na een val (heup)",
                "huidig_pad",
                "zorgverzekeraar",
                "14500.00",
                probability="0.4",
                start=3,
                source="Schatting wijkverpleging op basis van NZa-tarieven 2026",
            ),
            Cost(
                "Crisisopname verpleeghuis",
                "huidig_pad",
                "zorgkantoor",
                "9600.00",
                probability="0.4",
                start=4,
                source="Schatting zorgkantoor, 2026",
            ),
            Cost("Wmo-uitvoering", "doorbraak", "gemeente_wmo", kengetal="wmo_uitvoering"),
            Cost(
                "Huishoudelijke hulp en dagbesteding tot de verhuizing",
                "doorbraak",
                "gemeente_wmo",
                "520.00",
                frequency="per_maand",
                months=8,
                source="Tarieven Wmo Eindhoven 2026",
            ),
        ),
        facts="Henk (70) valt steeds vaker en kan zich niet meer zelf verzorgen; hij woont alleen.",
        circumstances="Progressieve ziekte; geen mantelzorger in de buurt.",
        onevenredigheid="Weken wachten op hulp bij iemand die valt, leidt tot een opname die veel zwaarder is.",
        gelijkheid=GELIJK,
        risks="Dubbele zorg als de Wlz eerder ingaat; de Wmo stopt op de dag van de verhuizing.",
        grounds=(Basis("wmo_2_3_5", "Maatwerkvoorziening, spoedshalve vóór het afgeronde onderzoek."),),
        privacy=GEZONDHEID_WMO,
        privacy_text=PRIVACY_GEZONDHEID,
        law="Wmo 2015, Wlz",
        evaluations=(
            Evaluation(
                0,
                4,
                {"lichamelijke_gezondheid": 2, "basale_adl": 2, "sociaal_netwerk": 2},
                "Nulmeting: alleen thuis, valt.",
            ),
            Evaluation(
                3,
                6,
                {"lichamelijke_gezondheid": 2, "basale_adl": 3, "sociaal_netwerk": 3},
                "Hulp en dagbesteding lopen; Wlz-indicatie afgegeven.",
            ),
            Evaluation(
                6,
                7,
                {"lichamelijke_gezondheid": 2, "basale_adl": 3, "sociaal_netwerk": 3},
                "Op de wachtlijst van een verpleeghuis in de wijk; geen valpartijen meer.",
            ),
            Evaluation(
                12,
                8,
                {"lichamelijke_gezondheid": 2, "basale_adl": 4, "sociaal_netwerk": 4},
                "Verhuisd naar het verpleeghuis; zijn dochter komt elke maand.",
            ),
        ),
    ),
)

VAN_GILS = Story(
    key="van_gils",
    summary="Rob van Gils (34, Eindhoven), vader van Finn (7): vroegsignalering meldt energie- en huurachterstand; "
    "net aangemeld, nog geen plan.",
    name="Huishouden Van Gils",
    municipality=GEMEENTE,
    team="WIJ-team Gestel",
    professional="Bas Verhoeven",
    status="aangemeld",
    registered="2026-10-26 09:12",
    updated=None,
    address=("Kruisstraat", "56", "5612 CK", "Eindhoven"),
    people=(Person("Rob van Gils", "1992-07-21", "hoofdbewoner"), Person("Finn van Gils", "2019-05-08")),
    problems=(
        Problem(
            "financien",
            2,
            "Vroegsignalering: drie maanden energieachterstand en één maand huur.",
            since="2026-07-01",
            who="Rob",
        ),
        Problem(
            "huisvesting", 3, "Huurwoning; de corporatie heeft een betalingsherinnering gestuurd.", since="2026-09-01"
        ),
    ),
    organisations=(
        Organisation(
            SCHULDHULP, "schuldhulpverlening", "Wet gemeentelijke schuldhulpverlening", "Vroegsignalering", "0.00"
        ),
        SVB_KINDERBIJSLAG,
    ),
)

KOWALSKI = Story(
    key="kowalski",
    summary="Piotr Kowalski (29, Eindhoven) verloor met zijn uitzendbaan ook zijn kamer. Doorbraak: briefadres bij "
    "het WIJ-team, bijstand en de borg voor een kamer als lening uit bijzondere bijstand; plan vastgesteld.",
    name="Huishouden Kowalski",
    municipality=GEMEENTE,
    team="WIJ-team Stratum",
    professional="Noor El Idrissi",
    status="plan_vastgesteld",
    registered="2026-06-22 09:05",
    updated="2026-10-19 13:30",
    address=None,
    people=(Person("Piotr Kowalski", "1997-01-30", "hoofdbewoner", bsn=True),),
    problems=(
        Problem(
            "huisvesting",
            1,
            "Woonde via het uitzendbureau; met het ontslag verloor hij ook zijn kamer. "
            "Slaapt bij kennissen en soms in de auto.",
            since="2026-05-15",
            who="Piotr",
        ),
        Problem(
            "financien",
            2,
            "Geen inkomen sinds mei; zonder woonadres kon hij geen uitkering aanvragen.",
            since="2026-05-15",
            who="Piotr",
        ),
        Problem("werk_opleiding", 3, "Heftruckcertificaat en vijf jaar ervaring in de logistiek.", who="Piotr"),
    ),
    organisations=(
        Organisation(WERK_INKOMEN, "gemeente", "Participatiewet", "Bijstandsuitkering alleenstaande", "16800.00"),
        Organisation("Opvang Het Anker", "zorgaanbieder", "Wmo 2015", "Nachtopvang (af en toe)", "1800.00"),
        Organisation("Gemeente Eindhoven – Burgerzaken", "gemeente", "Overig", "Briefadres", "0.00"),
    ),
    plan=Plan(
        start="2026-10-19",
        in_kaart="Twee gesprekken op het WIJ-kantoor; contact met het uitzendbureau en de nachtopvang.",
        perspective="Over een jaar heb ik een eigen kamer en werk ik weer in een magazijn.",
        obstacle="huisvesting",
        obstacle_text="Zonder adres geen inschrijving, zonder inschrijving geen uitkering en geen kamer.",
        doorbraak="De bewoner krijgt een briefadres bij het WIJ-team en kan bijstand aanvragen; de borg voor een kamer "
        "betaalt de gemeente voor als lening uit bijzondere bijstand.",
        goals=(
            Goal("Een eigen kamer", "huisvesting", 4),
            Goal("Inkomen tot hij weer werkt", "financien", 3),
        ),
        actions=(
            Action("Briefadres bij het WIJ-team inschrijven", "Gemeente Eindhoven – Burgerzaken", 1, goal=2),
            Action("Bijstand aanvragen en met voorrang behandelen", WERK_INKOMEN, 2, goal=2),
            Action(
                "Borg voor een kamer als lening uit bijzondere bijstand",
                WERK_INKOMEN,
                4,
                goal=1,
                contact="Inkomensconsulent bijzondere bijstand",
                deviating=True,
                bases=("pw_35", "pw_48_lid_2"),
                cost=4,
                onevenredigheid="Zonder borg geen kamer; zonder kamer blijft hij in de opvang, wat veel "
                "meer kost dan de borg.",
                gelijkheid=GELIJK,
            ),
        ),
        costs=(
            Cost(
                "Nachtopvang en dagbesteding dakloze",
                "huidig_pad",
                "gemeente_wmo",
                kengetal="mo_feitelijk_dakloos",
                probability="0.7",
            ),
            Cost(
                "Bijstandsuitkering (tot werk)",
                "doorbraak",
                "gemeente_participatiewet",
                kengetal="bijstand_uitkering",
                months=6,
                kind="overdracht",
                receiver=HUISHOUDEN,
            ),
            Cost(
                "Uitvoering bijstand", "doorbraak", "gemeente_participatiewet", kengetal="bijstand_uitvoering", months=6
            ),
            Cost(
                "Borg kamer (lening uit bijzondere bijstand)",
                "doorbraak",
                "gemeente_participatiewet",
                "950.00",
                kind="overdracht",
                receiver=HUISHOUDEN,
                loan_months=12,
                default_probability="0.2",
                start=1,
                source="Huurovereenkomst kamer, 2026",
            ),
        ),
        facts="Piotr (29) verloor in mei 2026 baan en kamer tegelijk; hij heeft geen woonadres en geen inkomen.",
        circumstances="Huisvesting was aan het werk gekoppeld; hij wil direct weer aan het werk.",
        onevenredigheid="De borg om niet weigeren houdt hem in de opvang; een lening is passend.",
        gelijkheid=GELIJK,
        risks="De lening wordt niet terugbetaald als hij geen werk vindt; aflossing pas na de eerste loonstrook.",
        grounds=(
            Basis("wet_brp_2_39_briefadres", "Briefadres voor een ingezetene zonder woonadres."),
            Basis("pw_48_lid_2", "Bijzondere bijstand voor de borg als geldlening."),
        ),
        privacy=ALLEEN_TAAK,
        privacy_text=PRIVACY_GEWOON,
        law="Participatiewet, Wet BRP",
    ),
)

STORIES = (CELIK, RAMDIN, OZTURK, BROUWER, VAN_GILS, KOWALSKI)

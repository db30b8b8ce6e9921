"""Problem themes: coherent bundles of problems per leefgebied and the organisations that come with them.

A household gets one to four themes. Texts are our own, short and concrete, the way a professional
writes them in a case file. Placeholders ({hoofd}, {kind}, {schuld}, ...) are filled per household by
storage.seed; every text may use every placeholder listed in `PLACEHOLDERS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.household import LegalFramework as L
from domain.household import OrganisationType as T

PLACEHOLDERS = (
    "hoofd",
    "volwassene",
    "kind",
    "kind_leeftijd",
    "jongere",
    "verjaardag",
    "ouder",
    "ouder_relatie",
    "schuld",
    "schuldeisers",
    "huurachterstand",
    "terugvordering",
    "boete",
    "studieschuld",
    "maanden",
    "weken",
    "maand",
    "corporatie",
    "gemeente",
    "team",
    "school",
)


@dataclass(frozen=True)
class OrganisationTemplate:
    name: str
    """May use {gemeente}, {team}, {corporatie}, {ggz}, {verslavingszorg}, {jeugdhulp}, {opvang},
    {thuiszorg}, {school}, {regio}, {verzekeraar}, {deurwaarder}, {huisarts}."""
    type: T
    legal_framework: L
    products: tuple[str, ...]
    cost: tuple[int, int]
    """Yearly cost range in whole euros; the seed draws an amount in cents within it."""


ORGANISATIONS: dict[str, OrganisationTemplate] = {
    "wijkteam": OrganisationTemplate(
        "Gemeente {gemeente} – {team}",
        T.GEMEENTE,
        L.WMO,
        ("Ambulante begeleiding", "Casusregie en gezinscoaching", "Begeleiding individueel"),
        (3000, 12000),
    ),
    "werk_inkomen": OrganisationTemplate(
        "Gemeente {gemeente} – Werk en Inkomen",
        T.GEMEENTE,
        L.PARTICIPATIEWET,
        ("Bijstandsuitkering", "Bijstandsuitkering met re-integratietraject"),
        (14000, 17500),
    ),
    "schuldhulp": OrganisationTemplate(
        "Gemeente {gemeente} – Schuldhulpverlening",
        T.SCHULDHULP,
        L.WGS,
        ("Stabilisatie en schuldregeling", "Budgetbeheer", "Vroegsignalering betalingsachterstanden"),
        (1200, 2600),
    ),
    "wmo": OrganisationTemplate(
        "Gemeente {gemeente} – Wmo-loket",
        T.GEMEENTE,
        L.WMO,
        ("Huishoudelijke hulp", "Dagbesteding", "Respijtzorg voor de mantelzorger", "Begeleiding groep"),
        (2500, 14000),
    ),
    "leerplicht": OrganisationTemplate(
        "Gemeente {gemeente} – Leerplicht",
        T.GEMEENTE,
        L.OVERIG,
        ("Verzuimtraject leerplicht",),
        (400, 1500),
    ),
    "inburgering": OrganisationTemplate(
        "Gemeente {gemeente} – Inburgering",
        T.GEMEENTE,
        L.OVERIG,
        ("Inburgering B1-route", "Inburgering Z-route"),
        (3000, 10000),
    ),
    "uwv_ww": OrganisationTemplate("UWV", T.LANDELIJK, L.WW, ("WW-uitkering",), (11000, 24000)),
    "uwv_wia": OrganisationTemplate("UWV", T.LANDELIJK, L.WIA, ("WIA-uitkering (WGA)",), (12000, 21000)),
    "svb_kinderbijslag": OrganisationTemplate("SVB", T.LANDELIJK, L.OVERIG, ("Kinderbijslag",), (1200, 4800)),
    "svb_aow": OrganisationTemplate("SVB", T.LANDELIJK, L.AOW, ("AOW met AIO-aanvulling",), (13000, 17000)),
    "cjib": OrganisationTemplate(
        "CJIB",
        T.LANDELIJK,
        L.STRAFRECHT,
        ("Inning verkeersboetes", "Inning schadevergoedingsmaatregel"),
        (149, 2600),
    ),
    "toeslagen": OrganisationTemplate(
        "Belastingdienst/Toeslagen",
        T.LANDELIJK,
        L.TOESLAGEN,
        ("Terugvordering kinderopvangtoeslag", "Huurtoeslag en zorgtoeslag", "Betalingsregeling toeslagschuld"),
        (800, 9000),
    ),
    "uht": OrganisationTemplate(
        "Uitvoeringsorganisatie Herstel Toeslagen",
        T.LANDELIJK,
        L.TOESLAGEN,
        ("Integrale beoordeling herstel kinderopvangtoeslag",),
        (2500, 8000),
    ),
    "cak": OrganisationTemplate(
        "CAK",
        T.LANDELIJK,
        L.ZVW,
        ("Bestuursrechtelijke premie (wanbetalersregeling)",),
        (2200, 2800),
    ),
    "duo": OrganisationTemplate("DUO", T.LANDELIJK, L.STUDIEFINANCIERING, ("Terugbetaling studieschuld",), (600, 3000)),
    "corporatie": OrganisationTemplate(
        "{corporatie}",
        T.WONINGCORPORATIE,
        L.HUURRECHT,
        ("Huurachterstand en ontruimingsprocedure", "Huurovereenkomst met gedragsafspraken"),
        (2500, 7500),
    ),
    "verzekeraar": OrganisationTemplate(
        "{verzekeraar}",
        T.ZORGVERZEKERAAR,
        L.ZVW,
        ("Basisverzekering met premieachterstand",),
        (1600, 2400),
    ),
    "ggz": OrganisationTemplate(
        "{ggz}",
        T.ZORGAANBIEDER,
        L.ZVW,
        ("Specialistische GGZ-behandeling", "Basis-GGZ", "FACT-team (ambulante behandeling)"),
        (3000, 25000),
    ),
    "verslavingszorg": OrganisationTemplate(
        "{verslavingszorg}",
        T.ZORGAANBIEDER,
        L.ZVW,
        ("Ambulante verslavingszorg", "Klinische detox"),
        (4000, 20000),
    ),
    "jeugdhulp": OrganisationTemplate(
        "{jeugdhulp}",
        T.JEUGDHULP,
        L.JEUGDWET,
        ("Ambulante gezinsbegeleiding", "Jeugd-GGZ", "Ambulante jeugdhulp"),
        (6000, 22000),
    ),
    "jeugdbescherming": OrganisationTemplate(
        "Jeugdbescherming {regio}",
        T.JEUGDHULP,
        L.JEUGDWET,
        ("Ondertoezichtstelling (OTS)",),
        (9000, 16000),
    ),
    "veilig_thuis": OrganisationTemplate(
        "Veilig Thuis {regio}",
        T.OVERIG,
        L.WMO,
        ("Onderzoek na melding huiselijk geweld",),
        (1500, 4000),
    ),
    "reclassering": OrganisationTemplate(
        "Reclassering {regio}",
        T.JUSTITIE,
        L.STRAFRECHT,
        ("Reclasseringstoezicht met meldplicht",),
        (3500, 7000),
    ),
    "school": OrganisationTemplate(
        "{school}",
        T.ONDERWIJS,
        L.OVERIG,
        ("Zorgteam en schoolmaatschappelijk werk",),
        (300, 1500),
    ),
    "opvang": OrganisationTemplate(
        "{opvang}",
        T.ZORGAANBIEDER,
        L.WMO,
        ("Nachtopvang", "Maatschappelijke opvang"),
        (10384, 23236),
    ),
    "thuiszorg": OrganisationTemplate("{thuiszorg}", T.ZORGAANBIEDER, L.ZVW, ("Wijkverpleging",), (3000, 9000)),
    "zorgkantoor": OrganisationTemplate(
        "Zorgkantoor {regio}",
        T.ZORGKANTOOR,
        L.WLZ,
        ("Wlz-zorg thuis (volledig pakket thuis)",),
        (25000, 60000),
    ),
    "deurwaarder": OrganisationTemplate(
        "{deurwaarder}",
        T.OVERIG,
        L.OVERIG,
        ("Loonbeslag", "Beslag op toeslagen"),
        (300, 2500),
    ),
    "huisarts": OrganisationTemplate("{huisarts}", T.ZORGAANBIEDER, L.ZVW, ("POH-GGZ",), (300, 1200)),
}


@dataclass(frozen=True)
class ProblemTemplate:
    leefgebied: str
    scores: tuple[int, int]
    """Lowest and highest ZRM score while the problem is open."""
    texts: tuple[str, ...]
    resolved: tuple[str, ...] = ()
    """Appended when the case has moved on and this problem improved."""


@dataclass(frozen=True)
class Theme:
    key: str
    weight: int
    problems: tuple[ProblemTemplate, ...]
    organisations: tuple[str, ...]
    """Always involved (keys of ORGANISATIONS)."""
    optional_organisations: tuple[str, ...] = ()
    """Each involved with a fair chance."""
    needs: str | None = None
    """kind (a minor aged 5+), jongere (turns 18 soon), ouder (a parent living in), jong (an adult under 28),
    alleen (no children), or None."""


THEMES: tuple[Theme, ...] = (
    Theme(
        "schulden",
        18,
        (
            ProblemTemplate(
                "financien",
                (1, 2),
                (
                    "Problematische schulden: {schuldeisers} schuldeisers, samen ongeveer € {schuld}. Loonbeslag door "
                    "de deurwaarder; er blijft minder over dan de beslagvrije voet.",
                    "Betalingsachterstanden bij energie, zorgverzekeraar en telefoonabonnement; post wordt uit angst "
                    "niet geopend. Totale schuld ongeveer € {schuld}.",
                    "Schulden van ongeveer € {schuld} bij {schuldeisers} schuldeisers, waaronder een flitskrediet en "
                    "een webwinkel. De aanvraag voor schuldhulp is twee keer afgebroken.",
                ),
                (
                    "Toegelaten tot een minnelijk traject; de schuldeisers hebben ingestemd met de schuldregeling.",
                    "Budgetbeheer loopt; vaste lasten worden weer op tijd betaald.",
                ),
            ),
            ProblemTemplate(
                "instrumentele_adl",
                (2, 3),
                (
                    "Administratie is niet op orde: brieven liggen ongeopend in een doos en DigiD is geblokkeerd.",
                    "{hoofd} kan de eigen administratie niet overzien; formulieren worden niet of te laat ingevuld.",
                ),
                ("Met een vrijwilliger van de thuisadministratie is de post weer bijgehouden.",),
            ),
        ),
        ("schuldhulp",),
        ("deurwaarder", "verzekeraar"),
    ),
    Theme(
        "huurachterstand",
        14,
        (
            ProblemTemplate(
                "huisvesting",
                (1, 2),
                (
                    "Huurachterstand van {maanden} maanden (€ {huurachterstand}) bij {corporatie}; de corporatie "
                    "heeft de kantonrechter om ontruiming gevraagd.",
                    "Dreigende huisuitzetting: de kantonrechter heeft de ontruiming toegewezen, de datum is nog niet "
                    "bekend. Achterstand € {huurachterstand}.",
                    "Huurachterstand van € {huurachterstand}; de vroegsignalering van {corporatie} kreeg geen contact.",
                ),
                (
                    "Ontruiming van de baan: achterstand overgenomen en een betalingsregeling met {corporatie} "
                    "afgesproken.",
                ),
            ),
            ProblemTemplate(
                "financien",
                (2, 2),
                (
                    "Huurtoeslag is stopgezet na een niet doorgegeven inkomenswijziging; daardoor liep de "
                    "huurachterstand op.",
                ),
                ("Huurtoeslag is opnieuw aangevraagd en toegekend.",),
            ),
        ),
        ("corporatie",),
        ("wijkteam", "toeslagen"),
    ),
    Theme(
        "detentie",
        8,
        (
            ProblemTemplate(
                "justitie",
                (1, 3),
                (
                    "{volwassene} kwam in {maand} vrij na {maanden} maanden detentie; reclasseringstoezicht met "
                    "meldplicht loopt nog een jaar.",
                    "Openstaande CJIB-vorderingen van € {boete}; bij niet betalen dreigt gijzeling.",
                ),
                ("CJIB heeft de inning gepauzeerd (noodstopprocedure); de meldplicht wordt nagekomen.",),
            ),
            ProblemTemplate(
                "werk_opleiding",
                (1, 2),
                (
                    "De bijstandsuitkering van {volwassene} is tijdens de detentie beëindigd en na vrijlating niet "
                    "hersteld: al {weken} weken geen inkomen.",
                ),
                ("Uitkering met terugwerkende kracht hersteld; start bij een leerwerkbedrijf.",),
            ),
            ProblemTemplate(
                "huisvesting",
                (1, 2),
                ("Woning kwijtgeraakt tijdens de detentie; ingeschreven op een briefadres, slaapt bij familie.",),
            ),
        ),
        ("reclassering", "werk_inkomen"),
        ("cjib",),
    ),
    Theme(
        "toeslagen",
        9,
        (
            ProblemTemplate(
                "financien",
                (1, 2),
                (
                    "Gedupeerde van de kinderopvangtoeslagaffaire; de integrale beoordeling door UHT loopt al "
                    "{maanden} maanden.",
                    "Terugvordering kinderopvangtoeslag van € {terugvordering}; de standaard betalingsregeling van "
                    "24 maanden is niet op te brengen.",
                ),
                ("Persoonlijke betalingsregeling zonder rente afgesproken; herstelbetaling ontvangen.",),
            ),
            ProblemTemplate(
                "geestelijke_gezondheid",
                (2, 3),
                (
                    "Langdurige stress en diep wantrouwen richting de overheid; slaapt slecht en vermijdt post van "
                    "instanties.",
                ),
                ("Gesprekken bij de POH-GGZ helpen; het vertrouwen groeit langzaam.",),
            ),
        ),
        ("toeslagen",),
        ("uht", "huisarts", "wijkteam"),
    ),
    Theme(
        "jeugd",
        12,
        (
            ProblemTemplate(
                "huiselijke_relaties",
                (2, 3),
                (
                    "Veel spanning tussen {hoofd} en {kind}; opvoedondersteuning thuis is gestart maar loopt stroef.",
                    "{kind} ({kind_leeftijd}) staat onder toezicht van de jeugdbescherming; de gezinsvoogd komt "
                    "om de week langs.",
                ),
                ("De sfeer thuis is rustiger; de opvoedondersteuning wordt afgebouwd.",),
            ),
            ProblemTemplate(
                "tijdsbesteding",
                (1, 2),
                (
                    "{kind} ({kind_leeftijd}) verzuimt structureel van {school}; de leerplichtambtenaar heeft een "
                    "proces-verbaal aangekondigd.",
                    "{kind} ({kind_leeftijd}) is thuiszitter sinds {maand}; er is nog geen passende plek gevonden.",
                ),
                ("{kind} gaat weer naar school, met een aangepast rooster.",),
            ),
        ),
        ("jeugdhulp", "school"),
        ("leerplicht", "jeugdbescherming"),
        needs="kind",
    ),
    Theme(
        "achttien",
        8,
        (
            ProblemTemplate(
                "geestelijke_gezondheid",
                (2, 3),
                (
                    "{jongere} wordt op {verjaardag} 18: de jeugdhulp (Jeugdwet) stopt dan, en vervolgbehandeling "
                    "via de Zvw en begeleiding via de Wmo zijn nog niet geregeld.",
                    "{jongere} heeft jeugd-GGZ voor een angststoornis; na de 18e verjaardag ({verjaardag}) is er "
                    "een wachtlijst bij de volwassenen-GGZ.",
                ),
                ("Overbrugging afgesproken: de jeugdhulp loopt door tot de vervolgzorg start.",),
            ),
            ProblemTemplate(
                "werk_opleiding",
                (2, 3),
                (
                    "{jongere} zit in het laatste jaar van de entreeopleiding; na {verjaardag} vervalt de "
                    "kinderbijslag en is er nog geen inkomen of studiefinanciering.",
                ),
            ),
        ),
        ("jeugdhulp", "wmo"),
        ("svb_kinderbijslag",),
        needs="jongere",
    ),
    Theme(
        "ggz",
        12,
        (
            ProblemTemplate(
                "geestelijke_gezondheid",
                (1, 3),
                (
                    "Depressieve klachten en paniekaanvallen; wachtlijst voor specialistische GGZ van {weken} weken.",
                    "PTSS-klachten na de vlucht; de behandeling is gestart maar afspraken worden vaak gemist.",
                    "Psychotische episode in {maand}; na de crisisopname ambulante begeleiding, zonder vaste "
                    "behandelaar.",
                ),
                ("Behandeling loopt; de klachten zijn duidelijk afgenomen.",),
            ),
            ProblemTemplate(
                "sociaal_netwerk",
                (2, 3),
                ("Trekt zich terug; heeft buiten het gezin nauwelijks contacten.",),
            ),
        ),
        ("ggz",),
        ("huisarts", "wijkteam"),
    ),
    Theme(
        "verslaving",
        8,
        (
            ProblemTemplate(
                "middelengebruik",
                (1, 2),
                (
                    "Dagelijks alcoholgebruik; een eerdere klinische behandeling is na drie weken afgebroken.",
                    "Cannabis- en cocaïnegebruik; schulden bij dealers worden als bedreigend ervaren.",
                    "Gokverslaving (online casino); spaargeld en toeslagen zijn vergokt.",
                ),
                ("{maanden} maanden abstinent; nazorg via de verslavingszorg.",),
            ),
        ),
        ("verslavingszorg",),
        ("wijkteam",),
    ),
    Theme(
        "zorgverzekering",
        6,
        (
            ProblemTemplate(
                "financien",
                (2, 3),
                (
                    "Premieachterstand bij de zorgverzekeraar; aangemeld bij het CAK als wanbetaler, de "
                    "bestuursrechtelijke premie (125 %) wordt ingehouden op de uitkering.",
                ),
                ("Na toelating tot de schuldregeling is de bestuursrechtelijke premie gestopt.",),
            ),
            ProblemTemplate(
                "lichamelijke_gezondheid",
                (2, 3),
                (
                    "Zorgmijding: gaat uit angst voor het eigen risico niet naar de huisarts, ondanks aanhoudende "
                    "klachten.",
                ),
            ),
        ),
        ("cak", "verzekeraar"),
    ),
    Theme(
        "huiselijk_geweld",
        6,
        (
            ProblemTemplate(
                "huiselijke_relaties",
                (1, 2),
                (
                    "Melding bij Veilig Thuis na escalatie tussen {hoofd} en de (ex-)partner; er gold een tijdelijk "
                    "huisverbod van tien dagen.",
                    "Ex-partner blijft dreigen en intimideren; aangifte is gedaan.",
                ),
                ("Veiligheidsplan afgesproken; geen nieuwe incidenten sinds {maand}.",),
            ),
            ProblemTemplate(
                "geestelijke_gezondheid",
                (2, 3),
                ("Angst- en slaapklachten na het huiselijk geweld.",),
            ),
        ),
        ("veilig_thuis", "wijkteam"),
        ("jeugdhulp",),
    ),
    Theme(
        "gezondheid",
        8,
        (
            ProblemTemplate(
                "lichamelijke_gezondheid",
                (2, 3),
                (
                    "Chronische rugklachten na een bedrijfsongeval; de WIA-beoordeling loopt.",
                    "Slecht ingestelde diabetes; medicatie wordt onregelmatig ingenomen.",
                    "COPD; kan nog maar kort lopen en komt weinig buiten.",
                ),
                ("Hulp bij het huishouden via de Wmo is ingezet; de situatie thuis is stabiel.",),
            ),
            ProblemTemplate(
                "basale_adl",
                (2, 3),
                ("Heeft hulp nodig bij douchen en aankleden; de wijkverpleging komt twee keer per week.",),
            ),
        ),
        ("wmo",),
        ("uwv_wia", "thuiszorg"),
    ),
    Theme(
        "werkloos",
        8,
        (
            ProblemTemplate(
                "werk_opleiding",
                (2, 3),
                (
                    "Ontslagen na het faillissement van de werkgever; de WW loopt over {maanden} maanden af.",
                    "Werkt op oproepbasis met sterk wisselende uren; het inkomen schommelt en toeslagen worden steeds "
                    "teruggevorderd.",
                    "Geen startkwalificatie; eerdere re-integratietrajecten liepen vast.",
                ),
                ("Heeft via het werkgeversservicepunt een baan van 24 uur per week gevonden.",),
            ),
            ProblemTemplate("tijdsbesteding", (2, 3), ("Zit veel thuis zonder dagritme.",)),
        ),
        ("werk_inkomen",),
        ("uwv_ww",),
    ),
    Theme(
        "studieschuld",
        4,
        (
            ProblemTemplate(
                "werk_opleiding",
                (2, 3),
                (
                    "Opleiding afgebroken; studieschuld bij DUO van € {studieschuld} en de prestatiebeurs is omgezet "
                    "in een lening.",
                ),
                ("Heeft een draagkrachtmeting bij DUO gedaan; het maandbedrag is verlaagd.",),
            ),
        ),
        ("duo",),
        needs="jong",
    ),
    Theme(
        "dakloos",
        4,
        (
            ProblemTemplate(
                "huisvesting",
                (1, 1),
                ("Dakloos sinds de uitzetting in {maand}; slaapt wisselend bij vrienden en in de nachtopvang.",),
                ("Woont sinds {maand} in een eigen studio via de urgentieregeling, met begeleiding.",),
            ),
            ProblemTemplate(
                "basale_adl",
                (2, 3),
                ("Eet onregelmatig en heeft geen vaste plek om te douchen of kleding te wassen.",),
            ),
        ),
        ("opvang", "werk_inkomen"),
        needs="alleen",
    ),
    Theme(
        "mantelzorg",
        5,
        (
            ProblemTemplate(
                "basale_adl",
                (2, 3),
                (
                    "Inwonende {ouder_relatie} {ouder} heeft dementie; {hoofd} zorgt dag en nacht en raakt overbelast.",
                    "De inwonende {ouder_relatie} {ouder} is na een beroerte hulpbehoevend; de CIZ-indicatie voor de "
                    "Wlz is aangevraagd.",
                ),
                ("Wlz-zorg thuis is gestart; {hoofd} heeft twee dagdelen respijtzorg.",),
            ),
        ),
        ("zorgkantoor", "wmo"),
        ("svb_aow", "thuiszorg"),
        needs="ouder",
    ),
    Theme(
        "isolement",
        5,
        (
            ProblemTemplate(
                "sociaal_netwerk",
                (2, 3),
                ("Familie woont in het buitenland; weinig steun in de buurt.",),
            ),
            ProblemTemplate(
                "maatschappelijke_participatie",
                (2, 3),
                ("Spreekt nog weinig Nederlands; de inburgering is vertraagd.",),
                ("Haalt de taallessen; helpt mee bij het buurthuis.",),
            ),
        ),
        ("inburgering",),
    ),
)

THEMES_BY_KEY = {theme.key: theme for theme in THEMES}

# Leefgebieden that are going fine (score 3-5), to complete a household's picture.
STRENGTHS: tuple[ProblemTemplate, ...] = (
    ProblemTemplate(
        "sociaal_netwerk",
        (3, 5),
        (
            "Goede steun van een zus die in dezelfde wijk woont.",
            "Vaste vriendengroep; de buurvrouw past regelmatig op de kinderen.",
        ),
    ),
    ProblemTemplate("tijdsbesteding", (3, 4), ("Doet twee ochtenden per week vrijwilligerswerk bij de voedselbank.",)),
    ProblemTemplate("lichamelijke_gezondheid", (4, 5), ("Geen bijzondere klachten.",)),
    ProblemTemplate("basale_adl", (4, 5), ("Volledig zelfstandig.",)),
    ProblemTemplate(
        "maatschappelijke_participatie",
        (3, 4),
        ("Lid van de bewonerscommissie van de flat.", "Sport twee keer per week bij de buurtvereniging."),
    ),
)

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

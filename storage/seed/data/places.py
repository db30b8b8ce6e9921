"""The municipalities the sample covers, with towns, postcode ranges, streets and local organisations.

Postcode ranges follow the real number areas of each town; the letters are random, so an address never
points at a real home on purpose. Local providers have invented names.
"""

from __future__ import annotations

from dataclasses import dataclass

# Letters that occur in Dutch postcodes (F, I, O, Q, U and Y are not used; SA, SD and SS are refused).
POSTCODE_LETTERS = "ABCDEGHJKLMNPRTVWXZ"


@dataclass(frozen=True)
class Town:
    name: str
    postcodes: tuple[int, int]
    """First and last four-digit number area (inclusive)."""
    streets: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    code: str
    """CBS municipality code, as in domain/reference/gemeenten.json."""
    weight: int
    towns: tuple[Town, ...]
    teams: tuple[str, ...]
    """The local wijk/buurt teams that hold cases."""
    region: str
    corporations: tuple[str, ...]
    ggz: str
    addiction_care: str
    youth_care: str
    shelter: str
    home_care: str
    schools: tuple[str, ...]
    frisian_weight: int = 0
    """Extra weight for Frisian names in this municipality."""


_COMMON_STREETS = (
    "Kerkstraat",
    "Molenweg",
    "Lindenlaan",
    "Merelstraat",
    "Beukenlaan",
    "Julianastraat",
    "Wilhelminastraat",
    "Schoolstraat",
    "Dorpsstraat",
    "Parallelweg",
    "Eikenlaan",
    "Vogelzang",
    "Tulpstraat",
    "Rozenstraat",
    "Prins Hendrikstraat",
    "Stationsweg",
    "Irisstraat",
    "Spoorlaan",
    "Kastanjelaan",
    "Zonnebloemstraat",
)

PLACES: tuple[Place, ...] = (
    Place(
        code="GM0363",
        weight=18,
        towns=(
            Town(
                "Amsterdam",
                (1011, 1109),
                (
                    "Dapperstraat",
                    "Javastraat",
                    "Bos en Lommerweg",
                    "Osdorpplein",
                    "Reigersbos",
                    "Van Woustraat",
                    "Leeuwendalersweg",
                    "Burgemeester de Vlugtlaan",
                    "Meer en Vaart",
                    "Bijlmerdreef",
                    "Nieuwendammerdijk",
                    "Tugelaweg",
                    "Waterlandplein",
                    "Pieter Calandlaan",
                ),
            ),
        ),
        teams=("Buurtteam Oost", "Buurtteam Nieuw-West", "Buurtteam Zuidoost", "Buurtteam Noord"),
        region="Amsterdam-Amstelland",
        corporations=("Woonstichting Amstelhof", "Wooncorporatie IJ-Oever"),
        ggz="GGZ Noorderlicht",
        addiction_care="Verslavingszorg De Kering",
        youth_care="Jeugdhulp De Brug",
        shelter="Stichting Nachtwacht Opvang",
        home_care="Thuiszorg Amstelzorg",
        schools=("OBS De Regenboog", "Mavo Oostpoort", "Het Amstel Vakcollege"),
    ),
    Place(
        code="GM0599",
        weight=16,
        towns=(
            Town(
                "Rotterdam",
                (3011, 3089),
                (
                    "Zwart Janstraat",
                    "Mathenesserweg",
                    "Beijerlandselaan",
                    "Groene Hilledijk",
                    "Wolphaertsbocht",
                    "Schiedamseweg",
                    "Pleinweg",
                    "Dordtselaan",
                    "Mijnsherenlaan",
                    "Randweg",
                    "Slinge",
                    "Hilledijk",
                ),
            ),
            Town("Hoogvliet", (3191, 3194), ("Middenbaan", "Achterweg", "Oudeland", *_COMMON_STREETS[:4])),
        ),
        teams=("Wijkteam Feijenoord", "Wijkteam Charlois", "Wijkteam Delfshaven", "Wijkteam Hoogvliet"),
        region="Rotterdam-Rijnmond",
        corporations=("Maaswonen", "Woonstichting De Nieuwe Haven"),
        ggz="GGZ Rijnmond Midden",
        addiction_care="Verslavingszorg Kompas",
        youth_care="Jeugdhulp Havenkracht",
        shelter="Stichting Dak & Thuis",
        home_care="Thuiszorg Maasoever",
        schools=("Basisschool De Sleutel", "Zuiderpark College", "Technisch Lyceum Rijnmond"),
    ),
    Place(
        code="GM0344",
        weight=12,
        towns=(
            Town(
                "Utrecht",
                (3511, 3585),
                (
                    "Kanaalstraat",
                    "Amsterdamsestraatweg",
                    "Marco Pololaan",
                    "Columbuslaan",
                    "Gambiadreef",
                    "Vasco da Gamalaan",
                    "Trumanlaan",
                    "Bernadottelaan",
                    "Kardinaal de Jongweg",
                    "Biltstraat",
                ),
            ),
            Town("De Meern", (3453, 3454), ("Mereveldseweg", "Hoge Woerd", *_COMMON_STREETS[4:8])),
        ),
        teams=("Buurtteam Overvecht", "Buurtteam Kanaleneiland", "Buurtteam Zuilen", "Buurtteam Leidsche Rijn"),
        region="Utrecht",
        corporations=("Domstad Wonen", "Woongoed Vecht"),
        ggz="GGZ Vechtstroom",
        addiction_care="Verslavingszorg Bakens",
        youth_care="Jeugdhulp Stadsoevers",
        shelter="Opvang De Domtoren",
        home_care="Thuiszorg Lint",
        schools=("Basisschool Het Kompas", "Vechtdal College", "ROC Midden-Stad"),
    ),
    Place(
        code="GM0014",
        weight=10,
        towns=(
            Town(
                "Groningen",
                (9711, 9747),
                (
                    "Korreweg",
                    "Oosterhamrikkade",
                    "Zonnelaan",
                    "Paddepoelsterweg",
                    "Laan van de Vrijheid",
                    "Siersteenlaan",
                    "Beijumerweg",
                    "Bedumerweg",
                    "Damsterdiep",
                    "Hoendiep",
                ),
            ),
            Town("Haren", (9751, 9752), ("Rijksstraatweg", "Oosterweg", *_COMMON_STREETS[8:12])),
        ),
        teams=("WIJ-team Selwerd", "WIJ-team Beijum", "WIJ-team Vinkhuizen", "WIJ-team Haren"),
        region="Groningen",
        corporations=("Stadsgoed Wonen", "Woonstichting Hunzeborg"),
        ggz="GGZ Wad en Wierde",
        addiction_care="Verslavingszorg Noordhorizon",
        youth_care="Jeugdhulp Ommelanden",
        shelter="Opvang Het Poortje",
        home_care="Thuiszorg Stad en Lande",
        schools=("CBS De Borg", "Noorderpoort Vakcollege", "Dollard College"),
    ),
    Place(
        code="GM0772",
        weight=10,
        towns=(
            Town(
                "Eindhoven",
                (5611, 5658),
                (
                    "Woenselse Markt",
                    "Kruisstraat",
                    "Boschdijk",
                    "Generaal Bothastraat",
                    "Hendrik Staatsweg",
                    "Sint Trudostraat",
                    "Tongelresestraat",
                    "Heezerweg",
                    "Doornakkersweg",
                    "Kastelenplein",
                ),
            ),
        ),
        teams=("WIJ-team Woensel-Noord", "WIJ-team Tongelre", "WIJ-team Gestel", "WIJ-team Stratum"),
        region="Brabant-Zuidoost",
        corporations=("Woonkracht Kempen", "Dommelstad Wonen"),
        ggz="GGZ De Peel",
        addiction_care="Verslavingszorg Brabantse Kern",
        youth_care="Jeugdhulp Lichtpunt",
        shelter="Opvang Het Anker",
        home_care="Thuiszorg Dommeldal",
        schools=("Basisschool De Kameleon", "Summa Vakschool", "Strijp College"),
    ),
    Place(
        code="GM1900",
        weight=6,
        towns=(
            Town(
                "Sneek",
                (8601, 8608),
                ("Oosterdijk", "Lemmerweg", "Stationsstraat", "Tjalkstraat", *_COMMON_STREETS[:5]),
            ),
            Town("Bolsward", (8701, 8702), ("Dijlakker", "Snekerstraat", "Kerkstraat", "Marktstraat")),
            Town("Workum", (8711, 8711), ("Noard", "Merk", "Seburch")),
            Town("IJlst", (8651, 8651), ("Galamagracht", "Eegracht", "Sneekerdijk")),
        ),
        teams=("Gebiedsteam Sneek", "Gebiedsteam Zuidwest"),
        region="Fryslân",
        corporations=("Elkwier Wonen", "Woonstichting Súdwesthoeke"),
        ggz="GGZ Fryske Mar",
        addiction_care="Verslavingszorg It Kompas",
        youth_care="Jeugdhulp De Mar",
        shelter="Opvang De Skâns",
        home_care="Thuiszorg Súdwest",
        schools=("CBS De Tsjerne", "Bogerman Vakcollege", "Friesland College Sneek"),
        frisian_weight=40,
    ),
    Place(
        code="GM0141",
        weight=6,
        towns=(
            Town(
                "Almelo",
                (7601, 7609),
                (
                    "Wierdensestraat",
                    "Ootmarsumsestraat",
                    "Sluitersveldssingel",
                    "Bornerbroeksestraat",
                    "Nieuwstraat",
                    *_COMMON_STREETS[10:16],
                ),
            ),
        ),
        teams=("Sociaal wijkteam Almelo-Noord", "Sociaal wijkteam Almelo-Zuid"),
        region="Twente",
        corporations=("Wetterhorst Wonen", "Woonstichting Het Wierden"),
        ggz="GGZ Tukkerland",
        addiction_care="Verslavingszorg Oost",
        youth_care="Jeugdhulp Twentekracht",
        shelter="Opvang De Veste",
        home_care="Thuiszorg Twentezorg",
        schools=("Basisschool De Esch", "Het Noordik Vakcollege"),
    ),
    Place(
        code="GM0917",
        weight=7,
        towns=(
            Town(
                "Heerlen",
                (6411, 6419),
                (
                    "Akerstraat",
                    "Schelsberg",
                    "Meezenbroekerweg",
                    "Grasbroekerweg",
                    "Heerlerbaan",
                    *_COMMON_STREETS[14:],
                ),
            ),
            Town("Hoensbroek", (6431, 6433), ("Hoofdstraat", "Kouvenderstraat", "Mgr. Nolensplein")),
        ),
        teams=("Sociaal wijkteam Heerlen-Noord", "Sociaal wijkteam Heerlen-Centrum"),
        region="Zuid-Limburg",
        corporations=("Mijnstreek Wonen", "Woonstichting Geleenbeek"),
        ggz="GGZ Parkstad Zorg",
        addiction_care="Verslavingszorg Mijnstreek",
        youth_care="Jeugdhulp Oostflank",
        shelter="Opvang Het Plein",
        home_care="Thuiszorg Parkstad",
        schools=("Basisschool De Schakel", "Grotius Vakcollege"),
    ),
)

PLACES_BY_CODE = {place.code: place for place in PLACES}

HEALTH_INSURERS: tuple[str, ...] = ("Zorgverzekeraar Duinzorg", "Zorgverzekeraar Polderpoort", "Zorgverzekeraar Helder")

BAILIFFS: tuple[str, ...] = (
    "Gerechtsdeurwaarders Van Rijn & Partners",
    "Incassobureau Vastberaden",
    "Deurwaarderskantoor Noordpunt",
)

GP_PRACTICES: tuple[str, ...] = ("Huisartsenpraktijk De Linde", "Gezondheidscentrum Het Plein", "Huisartsen Oostwijk")

PROFESSIONALS: tuple[tuple[str, str, str], ...] = (
    # name, the one municipality (CBS code) this professional works in, and her or his team
    ("Fatima Bouzid", "GM0363", "Buurtteam Oost"),
    ("Jeroen Hoekstra", "GM0363", "Buurtteam Nieuw-West"),
    ("Sanne de Boer", "GM0599", "Wijkteam Delfshaven"),
    ("Mehmet Kaya", "GM0599", "Wijkteam Feijenoord"),
    ("Linda Vermeulen", "GM0344", "Buurtteam Overvecht"),
    ("Youssef Amrani", "GM0344", "Buurtteam Kanaleneiland"),
    ("Priya Ramdin", "GM0014", "WIJ-team Beijum"),
    ("Harm Dijkhuis", "GM0014", "WIJ-team Selwerd"),
    ("Bas Verhoeven", "GM0772", "WIJ-team Gestel"),
    ("Noor El Idrissi", "GM0772", "WIJ-team Stratum"),
    ("Wytske Postma", "GM1900", "Gebiedsteam Sneek"),
    ("Jelle Bosma", "GM1900", "Gebiedsteam Zuidwest"),
    ("Erik Wolters", "GM0141", "Sociaal wijkteam Almelo-Zuid"),
    ("Marloes Nijhuis", "GM0141", "Sociaal wijkteam Almelo-Noord"),
    ("Ingrid Claessens", "GM0917", "Sociaal wijkteam Heerlen-Noord"),
    ("Roel Custers", "GM0917", "Sociaal wijkteam Heerlen-Centrum"),
)
"""Every professional works for one municipality (a wijkteam is municipal)."""

MAATWERKFUNCTIONARISSEN: dict[str, str] = {
    "GM0363": "Sanne de Wit",
    "GM0599": "Joost van Dam",
    "GM0344": "Latifa Bouali",
    "GM0014": "Ingrid Postma",
    "GM0772": "Pieter Hoogland",
    "GM1900": "Geert Zijlstra",
    "GM0141": "Monique Kamphuis",
    "GM0917": "Karin Lemmens",
}
"""Per municipality the official who decides maatwerkplannen under mandate; never a plan's author."""

"""First names and surnames by background, so a household's names fit together.

Surnames with diacritics (Özdemir, Çelik, Yılmaz, Brüggemann, Hoëlle) and first names such as Ïlse,
Zoë and Joëlle are here on purpose: search must find them when typed without accents.
"""

from __future__ import annotations

from dataclasses import dataclass


def _split(text: str) -> tuple[str, ...]:
    """Names separated by commas (names themselves may contain spaces: de Vries, El Amrani)."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


@dataclass(frozen=True)
class Origin:
    key: str
    weight: int
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]


ORIGINS: tuple[Origin, ...] = (
    Origin(
        "nederlands",
        44,
        male=_split(
            "Jeroen, Mark, Dennis, Kevin, Sander, Bas, Tom, Ruben, Daan, Niels, Erik, Johan, Henk, Kees, Wim, "
            "Thijs, Lucas, Sem, Finn, Jesse, Bram, Stijn, Martijn, Patrick, Rob, Gerrit, Noël, Luuk, Milan, "
            "Levi"
        ),
        female=_split(
            "Sanne, Linda, Anouk, Kim, Marieke, Esther, Iris, Ilse, Femke, Lotte, Emma, Julia, Sophie, Zoë, "
            "Chloë, Noor, Fleur, Mila, Tessa, Yvonne, Ingrid, Petra, Joëlle, Ïlse, Danielle, Manon, Monique, "
            "Bianca, Saskia, Anaïs"
        ),
        surnames=_split(
            "de Vries, Bakker, Jansen, de Jong, Visser, Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, "
            "Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Smits, de Graaf, van der Meer, "
            "van den Berg, Kok, Jacobs, Vermeulen, Hoëlle, Brüggemann, Verhoeven, Kuipers, van Dijk, Willems, "
            "Müller, Schouten, Prins, van Beek, Huisman, Koster, Evers, Maas, Timmermans"
        ),
    ),
    Origin(
        "fries",
        5,
        male=_split("Sjoerd, Hylke, Wytze, Jelle, Tjeerd, Auke, Pieter, Durk, Sietse, Gerben"),
        female=_split("Baukje, Sjoukje, Wytske, Anke, Geeske, Tjitske, Froukje, Jildou, Hiske, Sytske"),
        surnames=_split(
            "Hoekstra, Postma, Dijkstra, Zijlstra, Wijnja, Hylkema, Terpstra, Sikkema, Bouma, Feenstra, Tjalsma, "
            "de Haan, Wiersma, Jelsma"
        ),
    ),
    Origin(
        "turks",
        12,
        male=_split("Mehmet, Ahmet, Mustafa, Emre, Burak, Gökhan, Yusuf, Kerem, Murat, Hakan, Ömer"),
        female=_split("Ayşe, Fatma, Elif, Zeynep, Büşra, Emine, Merve, Hatice, Derya, Özlem, Gül"),
        surnames=_split(
            "Özdemir, Yılmaz, Çelik, Şahin, Demir, Kaya, Aydın, Yıldız, Öztürk, Arslan, Doğan, Koç, Kılıç, "
            "Güneş"
        ),
    ),
    Origin(
        "marokkaans",
        14,
        male=_split("Mohamed, Youssef, Said, Karim, Bilal, Hamza, Rachid, Ayoub, Mustapha, Anouar, Soufiane"),
        female=_split("Fatima, Khadija, Nadia, Samira, Salma, Imane, Hanan, Naima, Yasmina, Latifa, Ikram"),
        surnames=_split(
            "El Amrani, El Idrissi, Benali, Ouali, Boukhari, El Khatib, Azzouzi, Haddou, Ait Taleb, Ziani, "
            "Bakkali, El Hamdaoui, Chaouch, Lahlou"
        ),
    ),
    Origin(
        "surinaams-antilliaans",
        9,
        male=_split("Ricardo, Roy, Jason, Dwayne, Romano, Glenn, Rajesh, Sunil, Errol, Giovanni"),
        female=_split("Shirley, Jennifer, Chantal, Priya, Sharmila, Natasha, Roshni, Xiomara, Sheryl, Anita"),
        surnames=_split(
            "Ramdin, Kromodimedjo, Sitaldin, Doelwijt, Pinas, Tjon A Fong, Biharie, Wijngaarde, Martina, Statia, "
            "Jiawan, Sewdien"
        ),
    ),
    Origin(
        "vietnamees",
        3,
        male=_split("Minh, Tuan, Duc, Hung, Long, Quang"),
        female=_split("Linh, Mai, Hoa, Lan, Thao, Huong"),
        surnames=_split("Nguyen, Tran, Le, Pham, Hoang, Vu, Dang"),
    ),
    Origin(
        "pools",
        5,
        male=_split("Piotr, Tomasz, Krzysztof, Paweł, Łukasz, Marek, Jakub"),
        female=_split("Agnieszka, Katarzyna, Małgorzata, Joanna, Magdalena, Ewa, Zofia"),
        surnames=_split("Nowak, Wójcik, Mazur, Krawczyk, Zając, Kaczmarek, Dudek, Wróbel"),
    ),
    Origin(
        "syrisch-eritrees",
        8,
        male=_split("Ahmad, Omar, Khaled, Tesfay, Yonas, Samir, Bashar, Dawit"),
        female=_split("Rania, Lina, Hiba, Selam, Helen, Mahlet, Rasha, Senait"),
        surnames=_split(
            "Al-Hassan, Haddad, Khalil, Alshami, Tesfamariam, Gebremedhin, Haile, Ghebrehiwet, Al-Masri, Kidane"
        ),
    ),
)

ORIGINS_BY_KEY = {origin.key: origin for origin in ORIGINS}

# Children of every background often get names that work in several languages.
SHARED_CHILD_MALE = _split("Adam, Noah, Amir, Liam, Rayan, Ilyas, Sami, Elias, Adem, Dani")
SHARED_CHILD_FEMALE = _split("Sara, Lina, Yara, Mila, Sofia, Inaya, Nora, Lea, Amira, Maya")

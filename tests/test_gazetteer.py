"""The gazetteer against the project's researched list of places named in war reporting."""
from pathlib import Path

import pytest
import yaml
from geopy.distance import geodesic

from conflictmap import gazetteer
from conflictmap.mentions import find_mentions
from conflictmap.lexicon import load_lexicon

PLACES = yaml.safe_load((Path(__file__).parent / "data" / "war_places.yaml").read_text(encoding="utf-8"))["places"]
CITY_REGIONS = {"Kyiv City", "Sevastopol City"}  # cities with the status of a region: tested as settlements
CASES = [(p, spelling) for p in PLACES if p["name"] not in CITY_REGIONS for spelling in [p["name"], *p["spellings"]]]


def test_list_is_large_enough():
    assert len(PLACES) >= 300 and all(len(p["spellings"]) >= 2 for p in PLACES)


def resolve(gaz, text):
    mentions = find_mentions(text, gaz, load_lexicon())
    return mentions[0].place if mentions else None


def nearest_listed(place: dict) -> dict:
    """The settlement of the list nearest to `place`: what a report would name beside it."""
    others = [p for p in PLACES if p["kind"] == "settlement" and p["name"] != place["name"]]
    return min(others, key=lambda p: geodesic((p["lat"], p["lon"]), (place["lat"], place["lon"])).km)


def misses(gaz, sentence) -> list[str]:
    """The spellings that land more than 5 km (regions: 150 km) from their place, in the sentence
    `sentence(place, spelling)` returns."""
    missed = []
    for place, spelling in CASES:
        mentions = find_mentions(sentence(place, spelling), gaz, load_lexicon())
        found = next((m.place for m in mentions if m.surface == spelling), None)
        limit = 150 if place["kind"] == "region" else 5
        if found is None or geodesic((found.lat, found.lon), (place["lat"], place["lon"])).km > limit:
            missed.append(f"{spelling} ({place['name']}) -> {found.name if found else None}")
    return missed


def with_oblast(place, spelling):
    if place["kind"] == "region":
        return f"Strikes hit {spelling} overnight."
    return f"Fighting near {spelling} in the {place['oblast']} region."


def with_neighbour(place, spelling):
    if place["kind"] == "region":
        return f"Strikes hit {spelling} overnight."
    return f"Fighting near {spelling} and {nearest_listed(place)['name']} in the {place['oblast']} region."


def test_spellings_named_with_their_oblast_resolve_near_the_place(gaz):
    """Named with the oblast only, a village that shares its name with another of the same oblast
    may go to the other one: this measures how often."""
    missed = misses(gaz, with_oblast)
    coverage = 1 - len(missed) / len(CASES)
    print(f"gazetteer coverage, oblast named: {coverage:.4f} of {len(CASES)} spellings")
    assert coverage >= 0.995, f"{coverage:.4f} of {len(CASES)} spellings; misses: {missed}"


def test_every_spelling_resolves_near_the_place_with_a_neighbour_named(gaz):
    """Each spelling, named as a report names it - with its oblast and a place nearby - lands within
    5 km (regions: 150 km)."""
    assert misses(gaz, with_neighbour) == []


@pytest.mark.parametrize("text, expected, oblast", [
    ("Russian troops entered Andriivka, south of Bakhmut, on Monday.", "Andriivka", "Donetsk Oblast"),
    ("Shelling hit Ivanivka in the Kherson region.", "Ivanivka", "Kherson Oblast"),
    ("Fighting near Ivanivka, Donetsk region, went on.", "Ivanivka", "Donetsk Oblast"),
    ("Strikes on Mykolaivka in the Donetsk region killed two.", "Mykolaivka", "Donetsk Oblast"),
    ("A drone hit Kalynivka in the Kyiv region.", "Kalynivka", "Kyiv Oblast"),
    ("Russian forces advanced near Novomykhailivka and Kurakhove.", "Novomykhailivka", "Donetsk Oblast"),
    ("Shelling of Lyman and Sloviansk continued.", "Lyman", "Donetsk Oblast"),
    ("Russia claimed Krasnohorivka near Marinka.", "Krasnohorivka", "Donetsk Oblast"),
    ("Russian troops are pushing toward Lyman in the Kharkiv region.", "Lyman", "Kharkiv Oblast"),
    ("Fighting raged near Petropavlivka, east of Kupiansk.", "Petropavlivka", "Kharkiv Oblast"),
    ("Russia hit Mykolaiv with missiles.", "Mykolaiv", "Mykolaiv Oblast"),
    ("Russian forces captured Pervomaiske near Avdiivka.", "Pervomaiske", "Donetsk Oblast"),
    ("Ukrainian troops hold Synkivka near Kupiansk.", "Synkivka", "Kharkiv Oblast"),
    ("Drones struck Pokrovsk in the Donetsk region.", "Pokrovsk", "Donetsk Oblast"),
    ("The Donetsk city centre was shelled.", "Donetsk", "Donetsk Oblast"),
    ("Ukraine struck an airfield near Kursk and Belgorod.", "Kursk", "Kursk Oblast"),
    ("Fighting continued in Vovchansk and Lyptsi.", "Vovchansk", "Kharkiv Oblast"),
    ("Russian troops attacked Kamianske in the Zaporizhzhia region.", "Kamianske", "Zaporizhzhia Oblast"),
    ("Shelling hit Dniprovske in the Dnipropetrovsk region.", "Dniprovske", "Dnipropetrovsk Oblast"),
    ("Russians shelled Berdychi, just north-west of Avdiivka.", "Berdychi", "Donetsk Oblast"),
])
def test_homonym_chosen_by_context(gaz, text, expected, oblast):
    place = next(m.place for m in find_mentions(text, gaz, load_lexicon()) if m.surface == expected)
    assert place.region == oblast, place


@pytest.mark.parametrize("spelling, expected", [
    ("Toretsk", "Toretsk"), ("Dzerzhynsk", "Toretsk"), ("Dzerzhinsk", "Toretsk"), ("Торецьк", "Toretsk"),
    ("Дзержинськ", "Toretsk"), ("Artemivsk", "Bakhmut"), ("Krasnoarmiisk", "Pokrovsk"),
    ("Zaporizhia", "Zaporizhzhia"), ("Zaporozhye", "Zaporizhzhia"), ("Kupyansk", "Kupiansk"),
    ("Kup'iansk", "Kupiansk"), ("Kup’iansk", "Kupiansk"),
    # BGN/PCGN and press forms generated from the Cyrillic names (conflictmap/spellings.py)
    ("Kup'yans'k", "Kupiansk"), ("Zaporizhzhya", "Zaporizhzhia"), ("Artyomovsk", "Bakhmut"),
    ("Krasnoarmeysk", "Pokrovsk"), ("Ugledar", "Vuhledar"), ("Selidovo", "Selydove"), ("Yasinovataya", "Yasynuvata"),
    ("Velikaya Novoselka", "Velyka Novosilka"), ("Chasov Yar", "Chasiv Yar"), ("Kremennaya", "Kreminna"),
])
def test_other_names_and_spellings(gaz, spelling, expected):
    assert expected in [p.name for p in gaz.lookup(spelling)]


@pytest.mark.parametrize("text, region", [
    ("the Donetsk region", "Donetsk Oblast"), ("Donetsk Oblast", "Donetsk Oblast"),
    ("the region of Sumy", "Sumy Oblast"), ("Kharkiv province", "Kharkiv Oblast"),
    ("the Donetsk People's Republic", "Donetsk Oblast"), ("Russia's Kursk region", "Kursk Oblast"),
    ("Zaporizhzhia Oblast's", "Zaporizhzhia Oblast"), ("Donbas", "Donbas"), ("Crimea", "Autonomous Republic of Crimea"),
])
def test_region_forms(gaz, text, region):
    assert resolve(gaz, text).name == region


def test_lowercase_word_is_not_a_place(gaz):
    assert resolve(gaz, "they sumy and kursk things") is None


@pytest.mark.parametrize("content, line", [
    ("regions:\n  - {name: X, lat: 48, lon: 30}\n  - name: Y\n   lat: 49\n", 4),
    ("governments: [Kyiv]\nplaces:\n  - {name: A, lat: 48, lon: 30}\n  - {name: B, lat: [}\n", 4),
    ("places:\n  - {name: Nowhere, lat: 12.0, lon: 30.0}\n", None),
])
def test_broken_gazetteer_names_the_fault(tmp_path, content, line):
    path = tmp_path / "gazetteer.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(gazetteer.GazetteerError) as err:
        gazetteer.load(path, tmp_path / "missing.tsv")
    assert str(path) in str(err.value)
    if line:
        assert f":{line}:" in str(err.value)


CHECK_BASE = """regions:
  - {name: Donetsk Oblast, short: Donetsk, admin1: UA.05, country: UA, lat: 48.0, lon: 37.8}
  - {name: Kharkiv Oblast, short: Kharkiv, admin1: UA.07, country: UA, lat: 49.6, lon: 36.6}
places:
  - {name: Testivka, region: Donetsk Oblast, lat: 48.2, lon: 37.6, names: [Testovka], source: test}
"""


@pytest.mark.parametrize("extra, message", [
    ("  - {name: Testivka, region: Donetsk Oblast, lat: 48.21, lon: 37.61, source: test}\n", "the same place as line 5"),
    ("  - {name: Otherivka, region: Donetsk Oblast, lat: 48.3, lon: 37.7, names: [Testovka], source: t}\n",
     "'Testovka' is also given to Testivka (line 5)"),
    ("  - {name: Farawayivka, region: Kharkiv Oblast, lat: 46.5, lon: 30.7, source: test}\n", "lies outside Kharkiv"),
    ("  - {name: Nowhereivka, region: Atlantis Oblast, lat: 48.3, lon: 37.7, source: test}\n", "unknown region"),
    ("  - {name: Oddivka, kind: river, region: Donetsk Oblast, lat: 48.3, lon: 37.7, source: t}\n", "unknown kind"),
])
def test_check_reports_with_line(tmp_path, extra, message):
    from conflictmap.config import settings
    from conflictmap.gazetteer_check import check

    path = tmp_path / "gazetteer.yaml"
    path.write_text(CHECK_BASE + extra, encoding="utf-8")
    problems = check(path, tmp_path / "none.tsv", settings().geodata)
    assert len(problems) == 1 and f"{path}:6: " in problems[0] and message in problems[0], problems


@pytest.mark.parametrize("content, fault", [
    ("a: &x [1, 2]\nb: [*x, *x]\n", "aliases"),  # the start of a "billion laughs"
    ("places: []\nplaces: []\n", "duplicate key 'places'"),
    ("not_a_place: [[1]]\n", r"not_a_place\[0\]: must be a text"),
    ("places: [{name: X, lat: north, lon: 30}]\n", "must be a number"),
])
def test_hostile_or_broken_yaml_is_refused(tmp_path, content, fault):
    path = tmp_path / "gazetteer.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(gazetteer.GazetteerError, match=fault):
        gazetteer.load(path, tmp_path / "missing.tsv")


def test_current_gazetteer_is_clean():
    from conflictmap.config import settings
    from conflictmap.gazetteer_check import check

    conf = settings()
    assert check(conf.gazetteer, conf.geodata / "gazetteer_base.tsv", conf.geodata) == []


def test_lookup_ranks_homonyms_with_why(gaz):
    from conflictmap.lookup import candidates

    best = candidates(gaz, "Ivanivka", near="Henichesk")[0]
    assert best[1].region == "Kherson Oblast" and "km from Henichesk" in best[2]


def test_online_lookup_is_asked_politely_and_only_suggests():
    from types import SimpleNamespace

    from conflictmap.lookup import online

    asked = []

    def fake_geocoder(query, **options):
        asked.append((query, options))
        return [SimpleNamespace(address="Novoselivka, Pokrovsk Raion, Donetsk Oblast, Ukraine",
                                latitude=48.2123456, longitude=37.1234567)]

    (hit,) = online("Novoselivka", geocoder=fake_geocoder)
    assert hit == {"name": "Novoselivka", "address": "Novoselivka, Pokrovsk Raion, Donetsk Oblast, Ukraine",
                   "lat": 48.21235, "lon": 37.12346, "source": "OpenStreetMap Nominatim (ODbL)"}
    assert asked[0][1]["country_codes"] == ["ua", "ru"] and asked[0][1]["bounded"] is True


def test_cache_is_used_and_refreshed(tmp_path):
    import shutil
    from dataclasses import replace

    from conflictmap import pipeline
    from conflictmap.config import settings

    copy = tmp_path / "gazetteer.yaml"
    shutil.copyfile(settings().gazetteer, copy)
    conf = replace(settings(), db=tmp_path / "s.sqlite", gazetteer=copy)
    first = pipeline.load_gazetteer(conf)
    assert (tmp_path / "gazetteer.cache").exists()
    again = pipeline.load_gazetteer(conf)
    assert len(again) == len(first) and [m.surface for m in again.find("Toretsk and Kupiansk")] == ["Toretsk", "Kupiansk"]
    copy.write_text(copy.read_text(encoding="utf-8").replace(
        "\ngovernments:", "\n  - {name: Cachetestivka, region: Donetsk Oblast, lat: 48.1, lon: 37.5, source: t}\ngovernments:"),
        encoding="utf-8")
    assert [p.name for p in pipeline.load_gazetteer(conf).lookup("Cachetestivka")] == ["Cachetestivka"]


@pytest.mark.parametrize("content, line, fault", [
    ("places:\n  - {name: A, lat: 48, lon: 30}\n  - {name: B, lat: 48, lon: 30, names: [12345]}\n", 3,
     "places[1] (B).names[0]: must be a text, not 12345"),
    ("places:\n  - name: [a, b]\n    lat: 48\n", 2, "places[0].name: must be a text"),
    ("regions:\n  - {name: R, lat: 48, lon: 30}\n  - {name: S, lat: 48, lon: 30, contains: 5}\n", 3,
     "regions[1] (S).contains: must be a list, not 5"),
    ("places: " + "[" * 5000 + "]" * 5000 + "\n", 1, "nested more than"),
    ("places:\n  - {name: A, lat: 48, lon: 30, nmes: [x]}\n", 2, "unknown key 'nmes'"),
    ("", 1, "the file is empty"),
    ("# nothing yet\nregions: []\nplaces: []\n", 2, "the file is empty"),
])
def test_wrong_types_and_nesting_are_refused_with_their_line(tmp_path, content, line, fault):
    path = tmp_path / "gazetteer.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(gazetteer.GazetteerError) as err:
        gazetteer.load(path, tmp_path / "missing.tsv")
    assert str(err.value).startswith(f"{path}:{line}: ") and fault in str(err.value)


@pytest.mark.parametrize("content, line", [("", 1), ("places:\n  - {name: Brokenivka, names: [12345], lat: 48, lon: 37}\n", 2)])
def test_a_broken_or_empty_gazetteer_keeps_the_last_good_copy(tmp_path, content, line):
    import shutil
    from dataclasses import replace

    from conflictmap import pipeline
    from conflictmap.config import settings

    copy = tmp_path / "gazetteer.yaml"
    shutil.copyfile(settings().gazetteer, copy)
    conf = replace(settings(), db=tmp_path / "s.sqlite", gazetteer=copy)
    good, warning = pipeline.load_gazetteer_safely(conf)
    last_good = tmp_path / "gazetteer.last-good.yaml"
    assert warning == "" and last_good.read_bytes() == copy.read_bytes()
    copy.write_text(content, encoding="utf-8")
    gaz, warning = pipeline.load_gazetteer_safely(conf)
    assert f"{copy}:{line}: " in warning and "last good" in warning
    assert len(gaz) == len(good) and gaz.lookup("Toretsk")
    assert last_good.read_bytes() == settings().gazetteer.read_bytes()  # never overwritten by the bad file


@pytest.fixture
def editable(tmp_path):
    """A copy of gazetteer.yaml (mode 0644) to edit, the paths an edit needs, and the gazetteer it gives."""
    import shutil

    from conflictmap.config import settings

    conf = settings()
    path = tmp_path / "gazetteer.yaml"
    shutil.copyfile(conf.gazetteer, path)
    path.chmod(0o644)
    base = conf.geodata / "gazetteer_base.tsv"
    return path, base, conf.geodata, gazetteer.load(path, base)


def test_a_second_alias_joins_the_first_and_the_file_keeps_its_mode(editable):
    from conflictmap import gazetteer_edit

    path, base, geodata, gaz = editable
    toretsk = gaz.lookup("Toretsk")[0]
    gaz = gazetteer_edit.add_alias(path, base, geodata, gaz, toretsk.id, "Toretsk-Alpha")
    gaz = gazetteer_edit.add_alias(path, base, geodata, gaz, toretsk.id, "Toretsk-Beta")
    entries = [e for e in yaml.safe_load(path.read_text(encoding="utf-8"))["places"] if e.get("id") == toretsk.id]
    assert len(entries) == 1 and entries[0]["names"][-2:] == ["Toretsk-Alpha", "Toretsk-Beta"]
    assert gaz.lookup("Toretsk-Beta") == gaz.lookup("Toretsk-Alpha") == [gaz.places[toretsk.id]]
    assert path.stat().st_mode & 0o777 == 0o644
    mykolaiv = gaz.lookup("Mykolaiv")[0]  # an entry written by hand gets the name in its own braces
    gazetteer_edit.add_alias(path, base, geodata, gaz, mykolaiv.id, "Mykolaiv-Gamma")
    text = path.read_text(encoding="utf-8")
    assert text.count('id: "gn:700569"') + text.count("id: gn:700569") == 1 and "Mykolaiv-Gamma" in text
    assert gazetteer_check_problems(path) == []


def gazetteer_check_problems(path):
    from conflictmap.config import settings
    from conflictmap.gazetteer_check import check

    return check(path, settings().geodata / "gazetteer_base.tsv", settings().geodata)


@pytest.mark.parametrize("place, alias, fault", [
    ("Kurakhove", "Russian", "'Russian' is a common word"),
    ("Kurakhove", "...", "at least three letters"),
    ("Kurakhove", "Kura\nkhove", "no line breaks"),
    ("Kramatorsk", "Kharkiv", "'Kharkiv' is the name of Kharkiv"),
    ("Kramatorsk", "Donetsk Oblast", "is the name of Donetsk Oblast"),
    ("Kramatorsk", "Kramatorsk", "already a name of Kramatorsk"),
])
def test_an_alias_that_would_mislead_is_refused(editable, place, alias, fault):
    from conflictmap import gazetteer_edit

    path, base, geodata, gaz = editable
    before = path.read_bytes()
    with pytest.raises(gazetteer.GazetteerError, match=fault):
        gazetteer_edit.add_alias(path, base, geodata, gaz, gaz.lookup(place)[0].id, alias)
    assert path.read_bytes() == before


@pytest.mark.parametrize("name, region, lat, lon, fault", [
    ("Farawayivka", "Kharkiv Oblast", 46.5, 30.7, "lies outside Kharkiv Oblast"),
    ("Kramatorsk", "Donetsk Oblast", 48.73, 37.58, "Kramatorsk, Donetsk Oblast is already in the gazetteer"),
    ("Forces", "Donetsk Oblast", 48.3, 37.7, "common word"),
])
def test_a_wrong_new_place_is_refused(editable, name, region, lat, lon, fault):
    from conflictmap import gazetteer_edit

    path, base, geodata, gaz = editable
    before = path.read_bytes()
    with pytest.raises(gazetteer.GazetteerError, match=fault):
        gazetteer_edit.add_place(path, base, geodata, gaz, name, region, lat, lon, [], "a test")
    assert path.read_bytes() == before


def test_an_edit_says_how_many_events_it_changes(editable):
    from conflictmap import gazetteer_edit
    from conflictmap.models import Article

    path, base, geodata, gaz = editable
    articles = [Article("a.txt", "Russian forces captured Testopolis on Monday, the ministry said.", "2025-02-07"),
                Article("b.txt", "Ukrainian forces shelled Testopolis and Kramatorsk on Friday.", "2025-02-07"),
                Article("c.txt", "Russian forces captured Toretsk on Monday.", "2025-02-07")]
    before = path.read_bytes()
    preview = gazetteer_edit.add_place(path, base, geodata, gaz, "Testopolis", "Donetsk Oblast", 48.3, 37.7, [], "test",
                                       write=False)
    assert path.read_bytes() == before and preview.lookup("Testopolis")  # checked, not written
    after = gazetteer_edit.add_place(path, base, geodata, gaz, "Testopolis", "Donetsk Oblast", 48.3, 37.7, [], "test")
    done = gazetteer_edit.impact(gaz, after, articles)
    assert (done.articles, done.after - done.before) == (2, 2)
    assert "2 stored articles use the name" in str(done)
    assert path.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("text", [
    "Russian forces shelled Kupiansk-Vuzlovyi (Kharkiv Oblast) on Monday.",  # ASCII
    "“We hold Chasiv Yar,” the brigade said — " + "Russian forces shelled Kupiansk and Lyman. " * 4 + "«O’Brien»",  # a
    # few characters beyond ASCII
    "Під Бахмутом тривають бої — «Часів Яр» утримують, каже Сирський.",  # mostly beyond ASCII
])
def test_word_starts_folds_each_character_as_the_whole_table_does(text):
    from conflictmap.names import _WORD_TABLE, word_starts

    assert word_starts(text) == (" " + text.translate(_WORD_TABLE)).replace(" '", "  ")

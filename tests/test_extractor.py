"""The extractor on short reports written for these tests, one cue each; and on the development set."""
import json
import subprocess
import sys

import pytest

from conflictmap.events import extract
from conflictmap.models import Article
from conflictmap.config import ROOT


def events_of(gaz, text, published="2025-02-07"):
    article = Article(file="t.txt", text=text, published=published, outlet="Test Wire")
    return {(e.place.name, e.status, e.date) for e in extract(article, gaz) if e.confidence >= 0.5}


@pytest.mark.parametrize("text, expected", [
    ("Russia's Defence Ministry said on Friday its troops had captured Krasnohorivka.",
     ("Krasnohorivka", "claimed", "2025-02-07")),
    ("Russian forces seized the village of Robotyne last month, the ministry said.",
     ("Robotyne", "claimed", "2025-01")),
    ("Moscow said its units liberated Vuhledar in October 2024.", ("Vuhledar", "claimed", "2024-10")),
    ("Avdiivka fell in late February 2024 after months of fighting.", ("Avdiivka", "claimed", "2024-02")),
    ("Russian troops raised their flag over Selydove on Tuesday.", ("Selydove", "claimed", "2025-02-04")),
    ("Ukraine's army denied that Chasiv Yar had been captured.", ("Chasiv Yar", "contested", "2025-02-07")),
    ("Ukrainian troops are still holding their positions in Pokrovsk, a spokesman said yesterday.",
     ("Pokrovsk", "contested", "2025-02-06")),
    ("Heavy fighting continued around Kupiansk on Thursday.", ("Kupiansk", "contested", "2025-02-06")),
    ("A missile strike on Kharkiv overnight killed four people.", ("Kharkiv", "struck", "2025-02-07")),
    ("Glide bombs hit Zaporizhzhia two days ago, the governor said.", ("Zaporizhzhia", "struck", "2025-02-05")),
    ("Nikopol has endured eight months of shelling from across the river.",
     ("Nikopol", "struck", "2024-06/2025-02")),
    ("Russian drones attacked Sumy city late last month.", ("Sumy", "struck", "2025-01")),
    ("Russian strikes on the Kharkiv region killed two people.", ("Kharkiv Oblast", "struck", "2025-02-07")),
    ("The Defence Ministry claimed the capture of Dzerzhinsk on Friday.", ("Toretsk", "claimed", "2025-02-07")),
    ("Artillery shelled Kup'iansk again on Monday.", ("Kupiansk", "struck", "2025-02-03")),
    ("Ukrainian forces have withdrawn from Avdiivka, the commander said overnight.",
     ("Avdiivka", "claimed", "2025-02-07")),
    ("Russian troops have entered the town of Vovchansk, officials said on Wednesday.",
     ("Vovchansk", "contested", "2025-02-05")),
    ("They advanced from the south after capturing Marinka in December 2023.", ("Marinka", "claimed", "2023-12")),
    ("Russia's Defence Ministry said this week its forces had recaptured 10 settlements in the Kursk region.",
     ("Kursk Oblast", "claimed", "2025-02-03/2025-02-09")),
    ("Drones struck Kyiv overnight, the mayor said.", ("Kyiv", "struck", "2025-02-07")),
])
def test_finds_the_event(gaz, text, expected):
    assert expected in events_of(gaz, text)


@pytest.mark.parametrize("text, place", [
    ("Kyiv denied the Russian claim.", "Kyiv"),
    ("Moscow's army has been advancing slowly.", "Moscow"),
    ("KYIV - Russian forces captured Selydove, the ministry said.", "Kyiv"),
    ("Russia seeks to take Kramatorsk next.", "Kramatorsk"),
    ("If Pokrovsk fell, the road to Dnipro would open.", "Pokrovsk"),
    ("Talks between Kyiv and Moscow stalled.", "Moscow"),
    ("Russia says Krasnohorivka captured as it presses west of Donetsk.", "Donetsk"),
    ("Shelling from the Avdiivka area hit the city for years.", "Avdiivka"),
    ("President Volodymyr Zelenskiy said troops captured the village.", "Volodymyr-Volynskyi"),
    ("KHARKIV, May 15 (Kharkiv Evening Post) - Russian troops captured Lyptsi.", "Kharkiv"),
    ("Drones fired from across the former Kakhovka reservoir struck Nikopol.", "Kakhovka"),
    ("Russian troops captured the village, Donetsk regional officials said.", "Donetsk"),
])
def test_does_not_report_what_is_not_an_event(gaz, text, place):
    assert place not in {p for p, _, _ in events_of(gaz, text)}


def test_region_that_only_locates_a_town_is_not_an_event(gaz):
    found = events_of(gaz, "Russian forces captured Toretsk in eastern Ukraine's Donetsk region on Friday.")
    assert ("Toretsk", "claimed", "2025-02-07") in found
    assert not any(place == "Donetsk Oblast" for place, _, _ in found)


def test_event_keeps_its_evidence(gaz):
    text = "Officials said a drone attack on Sumy overnight wounded five people."
    (event,) = [e for e in extract(Article("t.txt", text, "2025-02-07"), gaz) if e.place.name == "Sumy"]
    assert text[event.start:event.end] == "Sumy"
    assert event.quote == text
    assert event.cues["date"] == "overnight" and event.date_source == "text"


def test_event_without_date_cue_takes_publication(gaz):
    (event,) = extract(Article("t.txt", "Russian troops captured Kurakhove.", "2025-01-06"), gaz)
    assert (event.date, event.date_source) == ("2025-01-06", "publication")


@pytest.mark.parametrize("text", ["", "\x00\x01\x02", "Донецьк " * 1000, "a" * 200_000, "Toretsk\u200f\u200d" * 50])
def test_any_text_is_processed(gaz, text):
    extract(Article("t.txt", text, "2025-02-07"), gaz)


def test_development_set_scores(shared_corpus, tmp_path):
    out = tmp_path / "e.geojson"
    subprocess.run([sys.executable, "-m", "conflictmap", "extract", str(shared_corpus), "--manifest",
                    str(shared_corpus / "manifest.csv"), "--out", str(out)], check=True, cwd=ROOT)
    scored = subprocess.run([sys.executable, str(shared_corpus.parent / "tools" / "score_events.py"),
                             str(shared_corpus.parent / "gold" / "seeds.yaml"), str(out), "--json"],
                            check=True, capture_output=True, text=True)
    figures = json.loads(scored.stdout)
    assert figures["recall"] >= 0.95 and figures["precision"] >= 0.90 and figures["date_accuracy"] >= 0.95, figures


@pytest.mark.parametrize("text, expected", [
    # the first of a series came no later than the next one the article dates
    ("So far this year, Toretsk was the first town to fall to Russian troops. Russian forces also took "
     "Selydove last month.", ("Toretsk", "claimed", "2025-01-01/2025-02-28")),
    ("Since the start of the year Ukrainsk was the first settlement captured by Moscow's troops, and in January "
     "they also seized Selydove.", ("Ukrainsk", "claimed", "2025-01")),
    # no "first": the period stays as the text gives it
    ("So far this year, Toretsk has fallen to Russian troops. Russian forces also took Selydove last month.",
     ("Toretsk", "claimed", "2025-01-01/2025-03-10")),
])
def test_first_of_a_series_ends_before_the_next(gaz, text, expected):
    assert expected in events_of(gaz, text, published="2025-03-10")


def test_direction_is_no_event_but_still_places_its_neighbours(gaz):
    found = events_of(gaz, "Fighting continued near Terny and Yampolivka in the Lyman direction.")
    assert {p for p, _, _ in found} == {"Terny", "Yampolivka"}


@pytest.mark.parametrize("text, place, claimant, side", [
    ("Russia's Defence Ministry said on Friday its troops had captured Krasnohorivka.", "Krasnohorivka",
     "Russia's Defence Ministry", "russian"),
    ("Ukraine's General Staff said its forces repelled attacks near Chasiv Yar.", "Chasiv Yar",
     "Ukraine's General Staff", "ukrainian"),
    # the source that speaks, not the forces it speaks of
    ("The Institute for the Study of War said Russian forces advanced near Kupiansk.", "Kupiansk",
     "Institute for the Study of War", "third-party"),
    ("According to the Institute for the Study of War, Russian forces advanced near Pokrovsk.", "Pokrovsk",
     "Institute for the Study of War", "third-party"),
    ("The regional governor said a missile strike on Kharkiv killed two people.", "Kharkiv", "regional governor",
     "ukrainian"),
    ("A spokesman for Ukraine's 24th Brigade denied that Chasiv Yar had fallen.", "Chasiv Yar",
     "A spokesman for Ukraine's 24th Brigade", "ukrainian"),
    ("Russian military bloggers claimed the capture of Robotyne on Tuesday.", "Robotyne", "Russian military bloggers",
     "russian"),
    ("DeepState, a Ukrainian monitoring group, said Russian troops entered Toretsk.", "Toretsk", "DeepState",
     "ukrainian"),
    ("Analysts said Ukraine still held positions in Vovchansk.", "Vovchansk", "Analysts", "third-party"),
    ("Avdiivka, the ministry in Moscow said, was captured after months of fighting.", "Avdiivka", "the ministry",
     "russian"),  # the side from the words around a claimant that does not say it
    ("Shelling hit Nikopol on Monday.", "Nikopol", "", ""),
])
def test_claimant_and_side(gaz, text, place, claimant, side):
    (event,) = [e for e in extract(Article("t.txt", text, "2025-02-07"), gaz) if e.place.name == place]
    assert (event.claimant, event.side) == (claimant, side)


def test_where_it_was_said_is_no_event(gaz):
    found = events_of(gaz, "The Defence Ministry in Moscow said its troops captured Selydove.")
    assert found == {("Selydove", "claimed", "2025-02-07")}

"""Seeded, reproducible synthetic corpora of war reporting over the real gazetteer.

    python -m bench.corpus --size 10MB --out /tmp/corpus [--seed 7]

Four styles (wire copy, a think-tank daily update, regional press, a short incident report) are
assembled from sentence templates; the places are sampled from the loaded gazetteer with the
front-line regions weighted up, the statuses are claims, denials and strikes with casualties, and
the dates are the expressions news copy uses ("on Friday", "last month", "eight months of
shelling", "on 3 March 2024"). Distractors are mixed in: capitals standing for governments, meeting
venues, reference points ("30 km from Kharkiv") and background. Articles are 300-800 words.

The same seed and the same gazetteer give byte-identical output. Writes NNNNN.txt files, a
manifest.csv (file, published, outlet, url, language, style, words) and corpus.json.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import random
import shutil
import time
from bisect import bisect
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

from . import CACHE, shared_gazetteer, log, settings

VERSION = 1
SIZES = {"1MB": 1_000_000, "10MB": 10_000_000, "100MB": 100_000_000}
FIRST_DAY, LAST_DAY = date(2022, 3, 1), date(2025, 10, 31)
FRONT_WEIGHT = 12.0  # a settlement in a front-line region is this much likelier to be picked
BORDER_RU = {"Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast"}

OUTLETS = ["Demo Wire", "Eastern Front Bulletin", "Continental Dispatch", "Steppe Ledger", "Riverbank Gazette",
           "Black Sea Monitor", "Northern Courier", "Donbas Daily Record", "Borderland Herald Online",
           "The Evening Observer", "Wire Service International", "Plain Press", "Frontline Digest",
           "Harbour City Tribune", "Conflict Watch Review", "Open Sky Radio"]
THINK_TANKS = ["Institute for the Study of War", "Center for Defense Studies", "Strategic Assessment Group"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTH_ABBR = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
NUM_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]

RU_CLAIMANTS = ["Russia's Defence Ministry", "Russia's defence ministry", "the Russian Defence Ministry",
                "Russia's General Staff", "Moscow's defence ministry", "Russian military bloggers",
                "the Kremlin's military spokesman", "Russia's military"]
UA_CLAIMANTS = ["Ukraine's General Staff", "Ukraine's military", "Ukrainian officials", "Ukraine's army",
                "a spokesman for the 47th Brigade", "the 3rd Assault Brigade", "Ukrainian military analysts",
                "a press officer for Ukraine's 110th Brigade", "the regional governor", "the regional military administration",
                "Ukraine's air force", "the mayor"]
THIRD_CLAIMANTS = ["the Institute for the Study of War", "ISW", "military analysts", "analysts", "DeepState",
                   "the Finnish open-source group Black Bird", "independent analysts"]
WEAPONS = ["Glide bombs", "Guided aerial bombs", "Shahed drones", "Ballistic missiles", "Iskander missiles",
           "Cluster munitions", "Russian artillery", "Multiple rocket launchers", "Kh-101 cruise missiles"]
TARGETS = ["an apartment block", "a school", "a hospital", "energy infrastructure", "a railway station",
           "a grain warehouse", "private houses", "a shopping centre", "a power substation", "a water pumping station",
           "an administrative building", "a kindergarten", "a petrol station", "a bus stop"]
PEOPLE = ["Oleksandr Syrskyi", "Volodymyr Zelenskiy", "Vladimir Putin", "Sergei Shoigu", "Andrii Sybiha",
          "Dmitry Peskov", "Antony Blinken", "Jens Stoltenberg", "Ursula von der Leyen", "Kaja Kallas",
          "Mark Rutte", "Olaf Scholz", "Emmanuel Macron", "Recep Tayyip Erdogan", "Keir Starmer"]
LOCALS = ["Olena", "Serhiy", "Tetiana", "Mykola", "Iryna", "Vasyl", "Liudmyla", "Andriy", "Nataliia", "Petro"]
VENUES = ["Brussels", "Washington", "Istanbul", "Geneva", "Riyadh", "Jeddah", "Vilnius", "Munich", "Davos",
          "Ramstein", "The Hague", "Copenhagen", "Warsaw", "Berlin", "London", "Minsk", "Beijing", "Ankara"]
EVENTS_AT = ["the Munich Security Conference", "a NATO summit in Vilnius", "talks in Istanbul",
             "a meeting of the Ukraine Defence Contact Group at Ramstein", "the Davos forum",
             "a G7 summit", "talks in Jeddah", "a European Council meeting in Brussels"]
DIRECTIONS = ["Kupiansk", "Lyman", "Siversk", "Chasiv Yar", "Toretsk", "Pokrovsk", "Kurakhove",
              "Velyka Novosilka", "Orikhiv", "Kherson", "Vovchansk", "Kramatorsk", "Kostiantynivka"]
# Where the reporting is: a focus region is drawn with these weights (the rest of Ukraine shares OTHER).
FOCUS = {"Donetsk Oblast": 30, "Kharkiv Oblast": 12, "Zaporizhzhia Oblast": 10, "Kherson Oblast": 6,
         "Sumy Oblast": 6, "Dnipropetrovsk Oblast": 6, "Luhansk Oblast": 5, "Kursk Oblast": 4,
         "Belgorod Oblast": 3, "Autonomous Republic of Crimea": 3}
OTHER = 15
BIG_CITIES = ["Kharkiv", "Donetsk", "Zaporizhzhia", "Dnipro", "Kherson", "Mykolaiv", "Sumy", "Kramatorsk", "Odesa"]


@dataclass(frozen=True)
class PlaceRef:
    name: str
    region: str  # the region's full name ("Donetsk Oblast")
    population: int


class Sampler:
    """Places drawn from the gazetteer: front-line regions weighted up, bigger places likelier."""

    def __init__(self, gaz):
        front = set(gaz.front_regions)
        self.regions = {p.name: p for p in gaz.places.values() if p.kind == "region"}
        self.region_short = {}
        for name in self.regions:
            short = name.replace(" Oblast", "").replace("Autonomous Republic of ", "")
            self.region_short[name] = short
        settlements = sorted((p for p in gaz.places.values() if p.kind == "settlement" and p.region
                              and _plain(p.name)), key=lambda p: p.id)
        self.all = [PlaceRef(p.name, p.region, p.population) for p in settlements]
        weights = [(FRONT_WEIGHT if p.region in front else 1.0) * (1 + math.log10(p.population + 10))
                   for p in settlements]
        self.cum = list(accumulate(weights))
        self.by_region: dict[str, tuple[list[PlaceRef], list[float]]] = {}
        for ref, w in zip(self.all, weights):
            self.by_region.setdefault(ref.region, ([], []))
            self.by_region[ref.region][0].append(ref)
            self.by_region[ref.region][1].append(w)
        self.by_region = {r: (refs, list(accumulate(ws))) for r, (refs, ws) in self.by_region.items()}
        self.front_regions = sorted(r for r in front if r in self.by_region)
        front_w = [FOCUS.get(r, 2) for r in self.front_regions]
        self.front_cum = list(accumulate(front_w))
        self.other_regions = sorted(r for r in self.by_region if r not in front)
        self.front_share = sum(front_w) / (sum(front_w) + OTHER)
        self.aliases = {p.name: [n for n in p.other_names if _plain(n) and n[0].isupper()]
                        for p in settlements if p.other_names}

    def any(self, rng: random.Random) -> PlaceRef:
        return self.all[bisect(self.cum, rng.random() * self.cum[-1])]

    def focus_region(self, rng: random.Random, front_only: bool = False) -> str:
        if front_only or rng.random() < self.front_share:
            return self.front_regions[bisect(self.front_cum, rng.random() * self.front_cum[-1])]
        return rng.choice(self.other_regions)

    def in_region(self, rng: random.Random, region: str) -> PlaceRef:
        refs, cum = self.by_region[region]
        return refs[bisect(cum, rng.random() * cum[-1])]

    def spelling(self, rng: random.Random, ref: PlaceRef) -> str:
        """Mostly the primary name, sometimes a Latin alias the press uses ("Kupyansk")."""
        others = self.aliases.get(ref.name)
        return rng.choice(others) if others and rng.random() < 0.12 else ref.name


def _plain(name: str) -> bool:
    return bool(name) and name.isascii() and name[0].isalpha() and "'" not in name


# ---------------------------------------------------------------------------- templates
# {town} {town2} {town3}: settlements of the article's region; {far}: any settlement; {main}: the
# article's main place; {region}: its region as the press writes it; {date} a date expression;
# {day} a weekday phrase; {period} "eight months"; {ru} {ua} {third}: claimants; {k} {w} casualties.

CLAIMED = [
    "{ru} said {day} that its forces had taken full control of {town}, a village in {region}.",
    "{ru} claimed to have captured {town} {date}, a claim that could not be independently verified.",
    "Russian troops seized {town} {date}, according to {ru}, which published video of soldiers raising a flag.",
    "{ru} said its units had liberated the settlement of {town} in {region} after weeks of fighting.",
    "Moscow said {day} its troops had captured {town}, the latest in a string of small gains in {region}.",
    "{ua} said {day} that its troops had withdrawn from {town} to avoid being encircled.",
    "Ukrainian forces pulled out of {town} {date}, {ua} said, citing the threat of encirclement.",
    "Ukrainian troops recaptured {town} {date}, {ua} said, in a rare counterattack.",
    "The fall of {town} {date} opens the road to {town2}, {third} said.",
    "{third} said Russian forces had gained full control of {town} {date}.",
    "{ru} reported the capture of {town} and {town2}, two villages north of {main}.",
    "Russia's forces occupied {town} {date}, local officials conceded.",
]
CONTESTED = [
    "{ua} denied that {town} had fallen, saying fighting continued on its outskirts.",
    "Heavy fighting for {town} continued {date}, {third} said.",
    "{ua} said its troops had repelled {n} assaults near {town} over the past day.",
    "Russian forces are advancing toward {town} from the south and east, {third} said.",
    "Kyiv rejected the claim, saying its troops were still holding their positions in {town}.",
    "{ua} denied the Russian claim to have captured {town}, calling it propaganda.",
    "Fierce fighting was reported near {town} and {town2} {date}, according to {ua}.",
    "Russian assault groups have infiltrated into {town}, but Ukrainian troops still hold the centre, {third} said.",
    "The embattled town of {town} has been under attack for {period}, {ua} said.",
    "Street fighting broke out in {town} {date}, {ua} said, as Russian troops entered the eastern districts.",
    "{third} cast doubt on the claim, saying there was no visual evidence that {town} had fallen.",
    "Ukrainian units repelled attacks near {town} {date}, {ua} said.",
]
STRUCK = [
    "A Russian missile strike on {town} killed {k} people and wounded {w} {date}, {ua} said.",
    "{weapon} struck {town} overnight, damaging {target}, regional officials said.",
    "Shelling killed {k} civilians in {town} {day}, the regional governor said.",
    "{weapon} hit {town} {date}, wounding {w} people and damaging {target}.",
    "A drone attack on {town} {date} injured {w} people, including a child, {ua} said.",
    "{town} has endured {period} of shelling, and much of the town now lies in ruins.",
    "After {period} of bombardment, only a few hundred residents remain in {town}.",
    "Russian airstrikes on {town} and {town2} killed {k} people {date}, officials said.",
    "An air strike hit {target} in {town} {date}; rescuers pulled {w} people from the rubble.",
    "Ukrainian drones attacked an oil depot in {far} {date}, {ru} said, adding that all were shot down.",
    "Explosions rocked {town} {date} as air defences tried to repel a missile attack.",
    "At least {k} people were killed when a guided bomb struck {target} in {town}, prosecutors said.",
]
DISTRACT = [
    "Foreign ministers meeting in {venue} pledged more air-defence systems for Ukraine {date}.",
    "Kyiv has repeatedly urged its Western allies to speed up deliveries of long-range weapons.",
    "Moscow says it is open to talks, but only on terms that Kyiv and its allies reject.",
    "Talks in {venue} ended {date} without agreement on a ceasefire.",
    "{person}, speaking at {eventat}, said the coming months would be decisive.",
    "Kyiv's foreign ministry said the attack showed Moscow had no interest in peace.",
    "The Kremlin's spokesman, Dmitry Peskov, declined to comment on the report.",
    "{outlet} could not independently verify the battlefield accounts of either side.",
    "{main} lies about {km} km from {city}, the nearest large city still under Ukrainian control.",
    "{main} had about {pop} residents before the full-scale invasion in February 2022.",
    "Washington announced a new aid package {date}, including artillery shells and air-defence interceptors.",
    "Ukraine's economy is expected to grow by {pct}% this year, the central bank said in {venue}.",
    "European Union leaders will discuss the use of frozen Russian assets at a summit in Brussels next month.",
    "Neither side publishes full figures for its military losses.",
    "Grain exports from the port of Odesa have continued despite repeated attacks on port infrastructure.",
    "Kyiv and Moscow exchanged {pow} prisoners of war {date} in a swap mediated by the United Arab Emirates.",
    "The International Atomic Energy Agency said its inspectors in {venue} were monitoring the situation.",
    "Residents said the power had been out for {n} days and that water was being delivered by truck.",
    "Temperatures fell below freezing {date}, adding to the hardship of those without heating.",
    "{person} met {person2} in {venue} to discuss security guarantees for Ukraine.",
    "The war, now in its {nth} year, has killed tens of thousands of soldiers on both sides.",
]
BACKGROUND = [
    "The claims could not be independently verified, and neither side commented on the other's account.",
    "Both sides have suffered heavy losses in months of attritional fighting along a front line more than 1,000 km long.",
    "Ukraine has struggled with manpower shortages and has lowered the age at which men can be mobilised.",
    "Western officials say Russia has been losing more than a thousand soldiers a day, a figure Moscow disputes.",
    "Military analysts say small drones now account for most casualties on both sides of the front.",
    "{person} said {date} that the West must not allow Russia to dictate the terms of any settlement.",
    "The Kremlin says what it calls its special military operation will continue until its goals are met.",
    "Kyiv says any peace deal must include security guarantees and the withdrawal of Russian troops.",
    "Energy officials warned of rolling blackouts after repeated attacks on the power grid.",
    "Prices for food and fuel have risen sharply in front-line districts, where supply routes are under fire.",
    "The United Nations says more than six million Ukrainians have fled the country since the invasion began.",
    "Aid agencies say they can reach fewer villages each month as roads become too dangerous to use.",
    "Ukrainian officials have appealed for more Patriot systems, saying stocks of interceptors are running low.",
    "Russian state television showed what it said were soldiers raising the tricolour over a ruined building.",
    "Moscow's account could not be confirmed, and Kyiv did not immediately comment.",
    "Independent monitors say both sides routinely exaggerate the other's losses and play down their own.",
]
LOCAL = [
    "\u201cWe sleep in the basement now,\u201d said {local}, {age}, who has lived in {main} all her life.",
    "\u201cThere is no electricity and no water, but people still come to the market,\u201d said {local}, a volunteer.",
    "Evacuation buses left {main} for {city} {date}, carrying mostly elderly residents.",
    "The head of the {main} military administration said {n} families had refused to leave.",
    "Volunteers deliver bread and medicine to villages around {main} twice a week.",
    "Local authorities ordered the mandatory evacuation of families with children from {town} and {town2}.",
    "The hospital in {main} now treats only emergency cases, its director said.",
    "Schools in {region} have moved classes online or into underground shelters.",
]
ASSESS = [
    "Russian forces continued offensive operations in the {dir} direction {date} but did not make confirmed advances.",
    "Geolocated footage published {date} indicates that Russian forces recently advanced in central {town}.",
    "Russian milbloggers claimed that Russian forces seized {town}, but ISW has not observed confirmation of this claim.",
    "Ukrainian forces repelled assaults near {town}, {town2}, and {town3} {date}.",
    "Russian forces attacked north of {main} near {town} and {town2} {date}.",
    "A Ukrainian brigade operating in the {dir} direction reported that Russian forces are using motorcycles in assaults near {town}.",
    "Fighting continued near {town} and {town2}, the Ukrainian General Staff reported.",
    "Geolocated footage shows that Ukrainian forces recently regained positions west of {town}.",
    "Russian forces struck {town} with glide bombs {date}, according to Ukrainian officials.",
    "Russian sources claimed that Russian forces captured {town}, though ISW cannot confirm the claim.",
]


class Article:
    """One article being written: its style, its place and date, the slots its sentences fill."""

    def __init__(self, rng: random.Random, sampler: Sampler, published: date, outlet: str, front_only: bool = False):
        self.rng, self.sampler, self.published, self.outlet = rng, sampler, published, outlet
        self.region = sampler.focus_region(rng, front_only)
        self.main = sampler.in_region(rng, self.region)
        self.main_name = sampler.spelling(rng, self.main)
        self.used: set[str] = set()

    # --- slots -------------------------------------------------------------------------
    def fill(self, template: str) -> str:
        text = template.format_map(_Slots(self))
        return text[0].upper() + text[1:]

    def town(self) -> str:
        ref = self.sampler.in_region(self.rng, self.region) if self.rng.random() < 0.8 else self.sampler.any(self.rng)
        return self.sampler.spelling(self.rng, ref)

    def region_phrase(self) -> str:
        short = self.sampler.region_short[self.region]
        forms = [f"the {short} region", f"{short} Oblast", f"the {short} region of Ukraine", f"{short} region"]
        if self.region in BORDER_RU or self.region.startswith("Autonomous"):
            forms = [f"the {short} region", self.region]
        return self.rng.choice(forms)

    def date_phrase(self) -> str:
        rng, pub = self.rng, self.published
        pick = rng.random()
        if pick < 0.22:
            return "on " + WEEKDAYS[(pub - timedelta(days=rng.randint(0, 6))).weekday()]
        if pick < 0.40:
            d = pub - timedelta(days=rng.randint(0, 20))
            return rng.choice([f"on {MONTHS[d.month - 1]} {d.day}", f"on {d.day} {MONTHS[d.month - 1]} {d.year}",
                               f"on {MONTH_ABBR[d.month - 1]} {d.day}", f"on {d.isoformat()}"])
        if pick < 0.52:
            return rng.choice(["overnight", "yesterday", "this morning", "today", "on the night of the attack"])
        if pick < 0.62:
            return rng.choice(["last month", "earlier this month", "last week", "at the weekend", "earlier this year"])
        if pick < 0.72:
            return f"{rng.choice(NUM_WORDS[:5])} {rng.choice(['days', 'weeks'])} ago"
        if pick < 0.80:
            d = pub - timedelta(days=rng.randint(30, 300))
            return rng.choice([f"in {MONTHS[d.month - 1]}", f"in early {MONTHS[d.month - 1]}",
                               f"in {MONTHS[d.month - 1]} {d.year}"])
        return ""  # undated: the publication date stands

    def day_phrase(self) -> str:
        back = self.rng.randint(0, 6)
        return "on " + WEEKDAYS[(self.published - timedelta(days=back)).weekday()]

    def period(self) -> str:
        return f"{self.rng.choice(NUM_WORDS)} {self.rng.choice(['months', 'weeks'])}"


# slots filled by one draw from a list
CHOICES = {"ru": RU_CLAIMANTS, "ua": UA_CLAIMANTS, "third": THIRD_CLAIMANTS, "weapon": WEAPONS, "target": TARGETS,
           "venue": VENUES, "eventat": EVENTS_AT, "person": PEOPLE, "person2": PEOPLE, "city": BIG_CITIES,
           "nth": ["third", "fourth"], "local": LOCALS, "dir": DIRECTIONS}


class _Slots(dict):
    """Slot values made on first use, so one sentence names one {town} however often it says it."""

    def __init__(self, article: Article):
        super().__init__()
        self.a = article

    def __missing__(self, key: str) -> str:
        a, rng = self.a, self.a.rng
        if key in ("town", "town2", "town3"):
            value = a.town()
            while value in self.values() and rng.random() < 0.9:
                value = a.town()
        elif key == "main":
            value = a.main_name
        elif key == "far":
            value = a.sampler.spelling(rng, a.sampler.any(rng))
        elif key == "region":
            value = a.region_phrase()
        elif key == "date":
            value = a.date_phrase()
        elif key == "day":
            value = a.day_phrase()
        elif key == "period":
            value = a.period()
        elif key in ("k", "w", "n"):
            value = str(rng.choice([2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 17, 21, 25, 30])) if rng.random() < 0.5 \
                else rng.choice(NUM_WORDS)
        elif key in CHOICES:
            value = rng.choice(CHOICES[key])
        elif key == "outlet":
            value = a.outlet
        elif key == "km":
            value = str(rng.randint(8, 90))
        elif key == "pop":
            value = f"{max(a.main.population, rng.randint(300, 20000)):,}"
        elif key == "pct":
            value = f"{rng.uniform(1.5, 5.5):.1f}"
        elif key == "pow":
            value = str(rng.choice([48, 75, 90, 103, 150, 190, 230]))
        elif key == "age":
            value = str(rng.randint(24, 83))
        else:
            raise KeyError(key)
        self[key] = value
        return value


def _tidy(sentence: str) -> str:
    """A template whose {date} came out empty leaves a double space or ' ,'."""
    return sentence.replace("  ", " ").replace(" ,", ",").replace(" .", ".").replace(" ;", ";")


def _sentence(a: Article, bank: list[str]) -> str:
    """A template the article has not used yet, if one comes up within a few draws."""
    for _ in range(4):
        template = a.rng.choice(bank)
        if template not in a.used:
            break
    a.used.add(template)
    return _tidy(a.fill(template))


def _mix(a: Article, weights: dict[str, float]) -> str:
    names = list(weights)
    bank = a.rng.choices(names, weights=[weights[n] for n in names])[0]
    return _sentence(a, BANKS[bank])


BANKS = {"claimed": CLAIMED, "contested": CONTESTED, "struck": STRUCK, "distract": DISTRACT, "local": LOCAL,
         "assess": ASSESS, "background": BACKGROUND}
STYLES = {
    # style: (share, word range, sentence mix, sentences per paragraph)
    "wire": (0.40, (400, 800), {"claimed": 2, "contested": 2, "struck": 2, "distract": 4, "background": 4}, (1, 3)),
    "thinktank": (0.20, (550, 800), {"assess": 6, "claimed": 1, "contested": 1, "struck": 1, "distract": 1,
                                     "background": 3}, (2, 5)),
    "regional": (0.25, (350, 750), {"struck": 3, "local": 4, "contested": 1, "distract": 3, "background": 3}, (1, 3)),
    "incident": (0.15, (300, 450), {"struck": 2, "distract": 3, "local": 1, "contested": 1, "background": 4}, (1, 2)),
}


def _headline(a: Article, style: str) -> str:
    rng, main = a.rng, a.main_name
    if style == "thinktank":
        p = a.published
        return f"Russian Offensive Campaign Assessment, {MONTHS[p.month - 1]} {p.day}, {p.year}"
    if style == "incident":
        return rng.choice([f"{rng.choice(NUM_WORDS).capitalize()} killed in strike on {main}",
                           f"Drone attack on {main} injures civilians", f"Shelling damages homes in {main}"])
    if style == "regional":
        return rng.choice([f"Life on the front line: {main} waits out another winter",
                           f"In {main}, residents count the days between strikes",
                           f"{main} empties as the front moves closer"])
    return rng.choice([f"Russia says it has captured {main}", f"Ukraine denies losing {main}",
                       f"Fighting intensifies around {main}", f"Missile strike on {main} kills civilians",
                       f"Ukraine pulls troops back near {main}"])


def _dateline(a: Article, style: str) -> str:
    p = a.published
    if style == "wire":
        place = a.rng.choice(["KYIV", "MOSCOW", "KYIV/MOSCOW", a.main_name.upper()])
        return f"{place}, {MONTH_ABBR[p.month - 1]} {p.day} ({a.outlet}) - "
    if style == "regional":
        return f"{a.main_name.upper()}, Ukraine \u2014 "
    return ""


def write_article(a: Article, style: str) -> str:
    rng = a.rng
    share, (low, high), mix, (pmin, pmax) = STYLES[style]
    target = rng.randint(low, high)
    paragraphs = [_headline(a, style)]
    words = len(paragraphs[0].split())
    if style == "thinktank":
        intro = "Key Takeaways:\n" + "\n".join("- " + _mix(a, {"assess": 3, "claimed": 1, "struck": 1})
                                                for _ in range(rng.randint(3, 5)))
        paragraphs.append(intro)
        words += len(intro.split())
    first = True
    while words < target:
        if style == "thinktank" and rng.random() < 0.35:
            heading = f"{rng.choice(DIRECTIONS)} direction"
            paragraphs.append(heading)
            words += 2
        sentences = [_mix(a, mix) for _ in range(rng.randint(pmin, pmax))]
        para = " ".join(sentences)
        if first:
            para = _dateline(a, style) + para
            first = False
        paragraphs.append(para)
        words += len(para.split())
    text = "\n\n".join(paragraphs)
    # trim the last paragraph's sentences if far over the range
    while len(text.split()) > high and len(paragraphs) > 3:
        paragraphs.pop()
        text = "\n\n".join(paragraphs)
    return text + "\n"


def generate(out: Path, size_bytes: int, seed: int = 7, gaz=None) -> dict:
    """Write articles into `out` until they add up to `size_bytes`; return the corpus summary."""
    started = time.perf_counter()
    gaz = gaz or shared_gazetteer()
    sampler = Sampler(gaz)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    styles = list(STYLES)
    shares = [STYLES[s][0] for s in styles]
    span = (LAST_DAY - FIRST_DAY).days
    rows, total, i = [], 0, 0
    width = 5
    while total < size_bytes:
        i += 1
        style = rng.choices(styles, weights=shares)[0]
        published = FIRST_DAY + timedelta(days=rng.randint(0, span))
        outlet = rng.choice(THINK_TANKS[:1] if style == "thinktank" else OUTLETS)
        article = Article(rng, sampler, published, outlet, front_only=style == "thinktank")
        text = write_article(article, style)
        raw = text.encode("utf-8")
        name = f"{i:0{width}d}.txt"
        (out / name).write_bytes(raw)
        slug = article.main_name.lower().replace(" ", "-").replace("'", "")
        rows.append([name, published.isoformat(), outlet,
                     f"https://example.org/{outlet.lower().replace(' ', '-')}/{published:%Y/%m}/{i}-{slug}", "en",
                     style, len(text.split())])
        total += len(raw)
    with (out / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "published", "outlet", "url", "language", "style", "words"])
        writer.writerows(rows)
    words = [r[6] for r in rows]
    summary = {"version": VERSION, "seed": seed, "articles": len(rows), "bytes": total,
               "words_min": min(words), "words_max": max(words), "words_mean": round(sum(words) / len(words)),
               "styles": {s: sum(1 for r in rows if r[5] == s) for s in styles},
               "gazetteer_sha256": gazetteer_digest(), "seconds": round(time.perf_counter() - started, 2)}
    (out / "corpus.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


def gazetteer_digest() -> str:
    conf = settings()
    h = hashlib.sha256()
    for path in (conf.gazetteer, conf.geodata / "gazetteer_base.tsv"):
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()


def cached(size: str, seed: int = 7, gaz=None) -> Path:
    """The corpus of that size and seed in the cache, generated once per gazetteer version."""
    key = f"corpus-{size}-seed{seed}-v{VERSION}-{gazetteer_digest()[:10]}"
    path = CACHE / key
    if (path / "corpus.json").exists():
        return path
    if path.exists():
        shutil.rmtree(path)
    log(f"generating the {size} corpus into {path}")
    summary = generate(path.with_suffix(".tmp"), SIZES[size], seed, gaz)
    path.with_suffix(".tmp").rename(path)
    log(f"{summary['articles']} articles, {summary['bytes'] / 1e6:.1f} MB in {summary['seconds']} s")
    return path


def load_articles(folder: Path, limit: int | None = None):
    """The corpus as conflictmap Articles (text and manifest metadata), in file order."""
    from conflictmap.models import Article as CmArticle

    with (folder / "manifest.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    if limit is not None:
        rows = rows[:limit]
    return [CmArticle(file=r["file"], text=(folder / r["file"]).read_text(encoding="utf-8"), published=r["published"],
                      outlet=r["outlet"], url=r["url"]) for r in rows]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=list(SIZES), default="1MB")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    summary = generate(args.out, SIZES[args.size], args.seed)
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()


# ---------------------------------------------------------------------------- merged events
QUOTE_BANKS = {"claimed": CLAIMED, "contested": CONTESTED, "struck": STRUCK}
SIDES = {"russian": RU_CLAIMANTS, "ukrainian": UA_CLAIMANTS, "third-party": THIRD_CLAIMANTS}


def merged_events(n: int, seed: int = 11, gaz=None) -> list[dict]:
    """`n` dicts shaped like store.merged_events() output: places from the gazetteer (about 5% of
    them regions), one to a dozen sources each with quotes from the templates above, and dates of
    every precision."""
    from conflictmap.dates import interval

    gaz = gaz or shared_gazetteer()
    sampler = Sampler(gaz)
    rng = random.Random(seed)
    by_name = {}
    for p in sorted(gaz.places.values(), key=lambda p: p.id):
        by_name.setdefault((p.name, p.region), p)
    regions = [p for p in by_name.values() if p.kind == "region" and p.name in sampler.front_regions]
    span = (LAST_DAY - FIRST_DAY).days
    out = []
    for i in range(1, n + 1):
        if rng.random() < 0.05:
            place = rng.choice(regions)
        else:
            ref = sampler.in_region(rng, sampler.focus_region(rng))
            place = by_name.get((ref.name, ref.region)) or rng.choice(regions)
        status = rng.choices(("claimed", "contested", "struck"), weights=(3, 3, 4))[0]
        day = FIRST_DAY + timedelta(days=rng.randint(0, span))
        kind = rng.random()
        edtf = (day.isoformat() if kind < 0.7 else f"{day:%Y-%m}" if kind < 0.85 else
                f"{(day - timedelta(days=rng.randint(14, 240))).isoformat()}/{day.isoformat()}" if kind < 0.95
                else f"{day.year}")
        first, last = interval(edtf)
        count = rng.choices((1, 2, 3, 4, 5, 8, 12), weights=(60, 20, 7, 5, 3, 3, 2))[0]
        sources = []
        a = Article(rng, sampler, last, "")
        for j in range(count):
            published = last + timedelta(days=rng.randint(0, 3))
            outlet = rng.choice(OUTLETS)
            side = rng.choice(list(SIDES))
            slots = _Slots(a)
            slots["town"] = place.name if place.kind == "settlement" else f"the {place.name}"
            quote = _tidy(rng.choice(QUOTE_BANKS[status]).format_map(slots))
            quote = quote[0].upper() + quote[1:]
            file = f"{i:06d}-{j}.txt"
            sources.append({"article": file, "outlet": outlet, "url": f"https://example.org/{i}/{j}",
                            "published": published.isoformat(), "quote": quote, "claimant": rng.choice(SIDES[side]),
                            "side": side, "date": edtf, "date_source": rng.choice(("text", "publication")),
                            "confidence": rng.choice((0.4, 0.6, 0.75, 0.9, 1.0)), "span": [10, 10 + len(place.name)],
                            "article_id": i * 13 + j, "surface": place.name})
        lead = max(sources, key=lambda s: s["confidence"])
        out.append({
            "id": i, "place": place.name, "place_id": place.id, "kind": place.kind, "region": place.region,
            "other_names": list(place.other_names), "lat": place.lat, "lon": place.lon, "status": status,
            "date": edtf, "date_start": first.isoformat(), "date_end": last.isoformat(),
            "claimant": lead["claimant"], "side": lead["side"], "quote": lead["quote"], "article": lead["article"],
            "outlet": lead["outlet"], "url": lead["url"], "published": lead["published"],
            "confidence": lead["confidence"], "sources": sources, "source_count": len(sources),
            "outlets": sorted({s["outlet"] for s in sources}),
            "first_reported": min(s["published"] for s in sources),
            "last_reported": max(s["published"] for s in sources),
        })
    return out

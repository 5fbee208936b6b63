"""Corpora whose truth is known by construction, for property tests of the findings.

``generate_corpus(seed, folder)`` writes a valid corpus folder (``articles.csv`` and
``articles/``; the registries are the repo's, which ``load_corpus`` falls back to) composed
from the sentence templates below, drawn with ``random.Random(seed)``, and returns a ``Truth``:
every fact it planted. Who is quoted how often in which article and outlet, who is named,
which dates of reference events are written right or wrong and the verdict each must get,
which codebook claims are made right or wrong and in whose voice, which articles copy which,
and every publication date. Each template is a plain news sentence with one unambiguous
reading (a full registered name, one speech frame, one absolute date), so a finding computed
on the corpus can be checked against the truth without reading the texts.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from inf_coverage.extract.claims import OFFICIAL_GROUPS
from inf_coverage.extract.figures import load_figures

#: Invented outlets: (name, country, type).
OUTLETS = [("Harbour Ledger", "GB", "independent"), ("Eastern Wire", "RU", "state-affiliated"),
           ("Plains Daily", "US", "aggregator"), ("Northern Signal", "NO", "digital"),
           ("Delta Courier", "NL", "independent"), ("Capital Brief", "US", "digital"),
           ("Lakeside Post", "CA", "independent"), ("Granite Review", "AU", "independent")]

#: Registered people the generator quotes or names (canonical names of corpus/figures.csv).
SPEAKERS = ["Dmitry Peskov", "Sergei Ryabkov", "Dmitry Medvedev", "Vladimir Putin", "Donald Trump",
            "Steve Witkoff", "Keith Kellogg", "Yury Fedorov", "Boris Bondarev", "Nikolai Sokov",
            "Dara Massicot", "Pavel Podvig"]

#: What a speaker says: neutral clauses with no claim cue, date, name or speech verb.
CONTENTS = [
    "the decision was a response to Western plans", "the step had been expected for months",
    "the region faces a more dangerous period", "nothing changes on the ground for now",
    "the move is a signal to European capitals", "the timing of the step was not accidental",
    "the two sides should return to the table", "the practical effect is hard to judge",
    "security in Europe has become more fragile", "the change was long in preparation",
    "the new policy leaves many questions open", "the government will watch the reaction closely",
    "the situation calls for calm heads", "deployments would follow only after careful study",
    "the step narrows the space for diplomacy", "the allies were consulted in advance",
]

#: Speech frames; each names the speaker once in full. (template, kind, verb)
FRAMES = [
    ("{name} said that {content}.", "indirect", "said"),
    ("\u201c{Content},\u201d {name} told reporters.", "direct", "told"),
    ('"{Content}," said {name}.', "direct", "said"),
]

#: Sentences that name a person without quoting them.
NAMED_ONLY = ["{name} was among the officials following the story.",
              "The step was discussed at a meeting attended by {name}."]

#: Narration with no person, date, claim cue or speech verb.
FILLERS = [
    "Tension over missile deployments in Europe has grown this summer.",
    "The decision concerns land-based missiles of intermediate and shorter range.",
    "European governments have yet to respond.",
    "The move removes one of the last limits on such weapons.",
    "Markets in the region showed little reaction.",
    "Diplomats in several capitals were studying the text.",
    "The news dominated evening bulletins across the continent.",
    "Defence budgets across the region have risen sharply.",
    "Few details of the new posture have been made public.",
    "The question of verification remains open.",
]

#: The new first line of a syndicated copy.
COPY_LEADS = ["This report is republished from a partner newsroom.",
              "The following story is carried here by arrangement with its publisher.",
              "Our partners filed this report from the region."]

#: Dated events: (event, reference date, template with {date}, what else the sentence checks).
#: ``also``: codebook rows the sentence makes whatever its date, as (claim_id, verdict).
DATE_EVENTS = [
    ("inf_signed", dt.date(1987, 12, 8), "The INF Treaty was signed on {date}.", []),
    ("us_withdrawal", dt.date(2019, 8, 2),
     "The United States withdrew from the INF Treaty on {date}.", []),
    ("russia_suspension", dt.date(2019, 2, 2), "Russia suspended the INF Treaty on {date}.",
     [("russia_treaty_status", "agrees")]),
    ("oreshnik_first_use", dt.date(2024, 11, 21), "The Oreshnik was first used in a strike on {date}.",
     [("oreshnik_first_use", "agrees")]),
]

#: An undated article's anchor in the story: without it an article is taken to be about the
#: latest date it writes, and a wrong date would move its claims out of their time scope.
ANCHOR = ("mfa_statement", "The Foreign Ministry statement was issued on 4 August 2025.", "4 August 2025")

#: Codebook claims in the outlet's own words: (claim_id, verdict, sentences).
CLAIMS = [
    ("russia_treaty_status", "conflicts", ["Russia withdrew from the INF Treaty.",
                                           "Moscow withdrew from the INF Treaty years ago."]),
    ("treaty_scope", "agrees", ["The INF Treaty banned ground-launched missiles of that class."]),
    ("treaty_scope", "conflicts", ["The INF Treaty also banned sea-launched missiles."]),
    ("moratorium_scope", "agrees", ["Russia ended its moratorium on deploying such missiles."]),
    ("moratorium_scope", "conflicts", ["Russia ended its moratorium on developing such missiles."]),
]
#: A claim put in a speaker's mouth: (claim_id, verdict, quotation).
QUOTED_CLAIMS = [("russia_treaty_status", "conflicts", "Russia withdrew from the INF Treaty")]

STORY_START = dt.date(2025, 8, 4)


@dataclass
class ArticleTruth:
    """What one generated article holds. ``quotes``: speaker -> quotations (every frame);
    ``direct``: speaker -> direct quotations; ``verbs``: attribution verb -> quotations;
    ``mentions``: figure -> times named;
    ``first_sentence``: figures named in the first sentence; ``claims``: the check rows
    (claim_id, verdict, whose) the article must give, dates as ``date:<event>``; ``dates``:
    (event, date as written, verdict); ``copy_of``: the article it copies ("" if none)."""
    article_id: str
    outlet: str
    published: str
    background: bool = False
    copy_of: str = ""
    quotes: Counter = field(default_factory=Counter)
    direct: Counter = field(default_factory=Counter)
    verbs: Counter = field(default_factory=Counter)
    mentions: Counter = field(default_factory=Counter)
    first_sentence: set = field(default_factory=set)
    claims: list = field(default_factory=list)
    dates: list = field(default_factory=list)

    @property
    def named(self) -> set:
        """Every registered person the article names."""
        return set(self.mentions)


@dataclass
class Truth:
    """Every fact a generated corpus was built with: ``articles`` (article_id -> ArticleTruth),
    ``copies`` ((copy, source) pairs), ``groups`` (registered person -> affiliation group)."""
    seed: int
    articles: dict = field(default_factory=dict)
    copies: list = field(default_factory=list)
    groups: dict = field(default_factory=dict)

    def outlets(self) -> list:
        """The outlets, sorted."""
        return sorted({a.outlet for a in self.articles.values()})

    def representative(self) -> dict:
        """article_id -> its copy group's representative: the member published first,
        undated last, ties by article_id."""
        rep = {}
        for aid in self.articles:
            root = aid
            while self.articles[root].copy_of:
                root = self.articles[root].copy_of
            rep[aid] = root
        members: dict = {}
        for aid, root in rep.items():
            members.setdefault(root, []).append(aid)
        out: dict = {}
        for group in members.values():
            first = min(group, key=lambda a: (self.articles[a].published == "", self.articles[a].published, a))
            out |= {a: first for a in group}
        return out

    def analysed(self) -> list:
        """The articles a notebook's methods read: one per copy group, its representative."""
        return sorted(set(self.representative().values()))

    def people_per_outlet(self, articles=None) -> dict:
        """outlet -> the number of distinct registered people its ``articles`` name
        (default: the analysed ones), for every outlet with an article among them."""
        people: dict = {}
        for aid in self.analysed() if articles is None else articles:
            a = self.articles[aid]
            people.setdefault(a.outlet, set()).update(a.named)
        return {o: len(p) for o, p in people.items()}


def _date_text(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _wrong(rng: random.Random, day: dt.date) -> dt.date:
    """A date wrong by its year (one to three years earlier) or its month (two to four off, in
    the same year). Never later than the event: a date after the article's own is no claim."""
    if rng.random() < 0.5:
        return day.replace(year=day.year - rng.choice([1, 2, 3]))
    month = (day.month - 1 + rng.choice([2, 3, 4])) % 12 + 1
    return day.replace(month=month, day=min(day.day, 28))


def _statement(rng: random.Random, name: str, contents: list, truth: ArticleTruth, groups: dict) -> str:
    template, kind, verb = rng.choice(FRAMES)
    content = contents.pop()
    truth.quotes[name] += 1
    truth.verbs[verb] += 1
    truth.mentions[name] += 1
    if kind == "direct":
        truth.direct[name] += 1
        if groups[name] in OFFICIAL_GROUPS:
            truth.claims.append(("official_quote", "unverified", f"quoted: {name}"))
    return template.format(name=name, content=content, Content=content[0].upper() + content[1:])


def _body(rng: random.Random, truth: ArticleTruth, groups: dict, speakers: list) -> list:
    """The planted statements of one article, shuffled, after a lead filler half the time.
    A background article (2019, 2024) makes no claim and dates only the treaty's signing:
    what came after its own date is outside what it can say."""
    lines = []
    contents = rng.sample(CONTENTS, len(CONTENTS))
    for name in speakers:
        for _ in range(rng.randint(1, 3)):
            lines.append([_statement(rng, name, contents, truth, groups), {name}])
    others = [s for s in SPEAKERS if s not in speakers]
    for template, name in zip(NAMED_ONLY, rng.sample(others, rng.randint(0, 2))):
        truth.mentions[name] += 1
        lines.append([template.format(name=name), {name}])
    events = DATE_EVENTS[:1] if truth.background else DATE_EVENTS
    for event, ref, template, also in rng.sample(events, rng.randint(0, min(3, len(events)))):
        right = rng.random() < 0.5
        day = ref if right else _wrong(rng, ref)
        verdict = "agrees" if right else "conflicts"
        truth.dates.append((event, _date_text(day), verdict))
        truth.claims += [(f"date:{event}", verdict, "outlet")] + [(c, v, "outlet") for c, v in also]
        lines.append([template.format(date=_date_text(day)), set()])
    by_id: dict = {}
    for claim_id, verdict, texts in rng.sample(CLAIMS, 0 if truth.background else rng.randint(0, 3)):
        if claim_id in by_id:       # one sentence per proposition: right and wrong read alike
            continue
        by_id[claim_id] = verdict
        truth.claims.append((claim_id, verdict, "outlet"))
        lines.append([rng.choice(texts), set()])
    if speakers and not truth.background and rng.random() < 0.3:
        claim_id, verdict, quotation = rng.choice(QUOTED_CLAIMS)
        if claim_id not in by_id:
            name = rng.choice(speakers)
            truth.quotes[name] += 1
            truth.mentions[name] += 1
            truth.direct[name] += 1
            truth.verbs["told"] += 1
            truth.claims.append((claim_id, verdict, f"quoted: {name}"))
            if groups[name] in OFFICIAL_GROUPS:
                truth.claims.append(("official_quote", "unverified", f"quoted: {name}"))
            lines.append([f"\u201c{quotation},\u201d {name} told reporters.", {name}])
    if not truth.published:
        truth.dates.append((ANCHOR[0], ANCHOR[2], "agrees"))
        truth.claims.append((f"date:{ANCHOR[0]}", "agrees", "outlet"))
        lines.append([ANCHOR[1], set()])
    rng.shuffle(lines)
    fillers = rng.sample(FILLERS, rng.randint(2, 4))
    if rng.random() < 0.5:
        lines.insert(0, [fillers.pop(), set()])
    lines += [[f, set()] for f in fillers]
    truth.first_sentence = set(lines[0][1])
    return [text for text, _ in lines]


def _published(rng: random.Random) -> tuple:
    """(ISO date or "", background?): in the story window mostly, sometimes undated, now and
    then a background article of 2019 or 2024."""
    roll = rng.random()
    if roll < 0.15:
        return "", False
    if roll < 0.25:
        return dt.date(rng.choice([2019, 2024]), rng.randint(1, 12), rng.randint(1, 28)).isoformat(), True
    return (STORY_START + dt.timedelta(days=rng.randint(0, 4))).isoformat(), False


def _slug(outlet: str) -> str:
    return "".join(w[0] for w in outlet.lower().split())


def generate_corpus(seed: int, folder) -> Truth:
    """Write a generated corpus into ``folder`` (created; it must not exist) and return its
    ``Truth``: 3-8 outlets of 1-3 articles each, planted quotations, names, dates, claims and
    syndicated copies (a copy is another outlet's article with a new first line)."""
    rng = random.Random(seed)
    folder = Path(folder)
    (folder / "articles").mkdir(parents=True)
    figures = load_figures()
    groups = dict(zip(figures.figure, figures.affiliation_group))
    truth = Truth(seed=seed, groups={s: groups[s] for s in SPEAKERS})
    outlets = rng.sample(OUTLETS, rng.randint(3, 8))
    texts: dict = {}
    rows = []
    tie_size = rng.randint(1, 3)        # many articles quote this many people: ties by construction
    for outlet, country, kind in outlets:
        for k in range(rng.randint(1, 3)):
            aid = f"{_slug(outlet)}-{k + 1}"
            published, background = _published(rng)
            a = ArticleTruth(aid, outlet, published, background)
            n_speakers = tie_size if rng.random() < 0.6 else rng.randint(0, 3)
            texts[aid] = _body(rng, a, groups, rng.sample(SPEAKERS, n_speakers))
            truth.articles[aid] = a
            rows.append((aid, outlet, country, kind, published))
    originals = [r for r in rows if not truth.articles[r[0]].background]
    for _ in range(rng.choice([0, 1, 1, 2])):
        src = rng.choice(originals)
        hosts = [o for o in outlets if o[0] != src[1]]
        outlet, country, kind = rng.choice(hosts)
        n = sum(1 for r in rows if r[1] == outlet)
        aid = f"{_slug(outlet)}-{n + 1}"
        base = truth.articles[src[0]]
        published = "" if not base.published else \
            (dt.date.fromisoformat(base.published) + dt.timedelta(days=rng.randint(0, 2))).isoformat()
        a = ArticleTruth(aid, outlet, published, copy_of=src[0], quotes=Counter(base.quotes),
                         direct=Counter(base.direct), verbs=Counter(base.verbs), mentions=Counter(base.mentions),
                         claims=list(base.claims), dates=list(base.dates))
        texts[aid] = [rng.choice(COPY_LEADS)] + texts[src[0]]
        truth.articles[aid] = a
        truth.copies.append((aid, src[0]))
        rows.append((aid, outlet, country, kind, published))
        originals.append((aid, outlet, country, kind, published))
    with open(folder / "articles.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["article_id", "file", "outlet", "title", "published", "url", "outlet_country",
                    "outlet_type", "language", "notes"])
        for aid, outlet, country, kind, published in rows:
            w.writerow([aid, f"{aid}.txt", outlet, "", published, "", country, kind, "en",
                        f"Generated (seed {seed}) for the property tests."])
            (folder / "articles" / f"{aid}.txt").write_text("\n\n".join(texts[aid]) + "\n", encoding="utf-8")
    return truth

"""Truth by construction, finding level: the report built on a generated corpus
(``h.generate_corpus``) must state, in every computed finding the planted truth can decide,
the planted numbers, the planted ranking and the planted ties, and show no id.

The assertions are about the numbers and names a finding's text holds, not its wording, so
that they survive a rewording: a number is found as digits or as a word ("two"), a name as
written in the corpus. A tie at the top must name every leader; a leader the phrasing rules
(``h.rank``: at least ``h.MIN_RANK_N``, strictly above the runner-up) do not allow to be
called the most must not be. One small corpus runs in `make test`; more seeds are marked
``sweep`` (a report build each, about two minutes on two cores)."""

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import helpers as h
from conftest import one_row_per_error

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "scripts" / "build_report.py"
DEFAULT_SEED = 113                      # four articles from three outlets: the build stays short
SWEEP_SEEDS = [0, 1, 2, 3, 4, 5, 6, 7]
DECISION = "2025-08-04"
WORDS = {w: i for i, w in enumerate("no one two three four five six seven eight nine ten eleven twelve".split())}


def numbers(text: str) -> set:
    """Every number the text states, in digits ("1,234", "-3") or as a word ("two", "no")."""
    found = {int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)}
    found |= {WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in WORDS}
    return found | {0} if re.search(r"\bnone\b|\bno\b|\bneither\b", text.lower()) else found


def missing(text: str, expected) -> list:
    """The expected numbers the text does not state."""
    return sorted(set(expected) - numbers(text))


def top(counts: dict, lowest: bool = False) -> h.Ranking:
    return h.rank(pd.Series(counts, dtype=float).sort_index(), lowest=lowest)


def ranking_problems(text: str, counts: dict, what: str, lowest: bool = False, name=str) -> list:
    """A ranking of ``counts`` (label -> count; ``name`` gives a label as the text writes it)
    as the rules allow it to be stated: a leader the rules let be called the most is named with
    its value; of leaders tied at the top the text names all or none (never one picked by a
    sort); a single leader under the minimum is not called the most (or the fewest)."""
    if not counts:
        return []
    r = top(counts, lowest)
    word = "fewest" if lowest else "most"
    shown = [x for x in r.leaders if name(x) in text or re.search(rf"(?<![\w-]){re.escape(str(x))}(?![\w-])", text)]
    if r.stated:
        problems = [f"{what}: the leader {name(x)!r} ({r.value:g}) not named" for x in r.leaders if x not in shown]
        if int(r.value) not in numbers(text):
            problems.append(f"{what}: the leading value {r.value:g} not stated")
        return problems
    if len(r.leaders) > 1 and shown and len(shown) < len(r.leaders) and re.search(rf"\b{word}\b", text):
        return [f"{what}: {and_names(shown, name)} named as the {word}, but {and_names(r.leaders, name)} tie "
                f"at {r.value:g}"]
    if len(r.leaders) == 1 and shown and re.search(rf"\b{word}\b", text):
        runner = "none" if r.runner_up is None else f"{r.runner_up:g}"
        return [f"{what}: {name(r.leaders[0])!r} called the {word} with {r.value:g} (runner-up {runner}; "
                f"the rules need at least {h.MIN_RANK_N} and a lead)"]
    return []


def and_names(labels, name=str) -> str:
    return h.and_list(repr(name(x)) for x in labels)


class Expected:
    """What the planted truth says each finding must state."""

    def __init__(self, truth):
        self.t = truth
        self.arts = truth.articles
        self.analysed = truth.analysed()
        self.rep = truth.representative()
        self.outlets = truth.outlets()

    def rows(self, keep) -> list:
        return [r for a in self.analysed for r in self.arts[a].claims if keep(r)]

    def quotes_total(self) -> int:
        return sum(sum(self.arts[a].quotes.values()) for a in self.analysed)


def _f_articles(e, text):
    return missing(text, {len(e.arts), len(e.outlets)})


def _f_dates(e, text):
    dated = sum(1 for a in e.arts.values() if a.published)
    return missing(text, {dated, len(e.arts)} | ({len(e.arts) - dated} if dated < len(e.arts) else set()))


def _in_window(day: str) -> bool:
    return bool(day) and 0 <= (pd.Timestamp(day) - pd.Timestamp(DECISION)).days <= h.STORY_DAYS


def _f_first(e, text):
    # only articles dated in the story's window are coverage; the rest are background
    firsts = {o: min((a.published for a in e.arts.values() if a.outlet == o and _in_window(a.published)), default="")
              for o in e.outlets}
    dated = {o: d for o, d in firsts.items() if d}
    background = sum(1 for a in e.arts.values() if a.published and not _in_window(a.published))
    if not dated:
        return [f"names {o!r} though no article is dated in the window" for o in e.outlets if o in text]
    first = min(dated.values())
    leaders = sorted(o for o, d in dated.items() if d == first)
    problems = [f"first outlet {o!r} (on {first}) not named" for o in leaders if o not in text]
    problems += [f"{o!r} named first, but its first article in the window is of {dated.get(o) or 'no date'}; first: {first}"
                 for o in e.outlets if o not in leaders and o in text]
    if h.day_label(first) not in text:
        problems.append(f"the first date {first} is not stated for readers")
    if len(dated) == 1:
        return problems + [f"number {n} not stated" for n in missing(text, {len(e.outlets)} | ({background} if background else set()))]
    days = abs((pd.Timestamp(first) - pd.Timestamp(DECISION)).days)
    return problems + [f"number {n} not stated"
                       for n in missing(text, {days, len(dated), len(e.outlets)} | ({background} if background else set()))]


def _f_copies(e, text):
    copies = sum(1 for a, r in e.rep.items() if a != r)
    if not copies:
        return [f"states {n}, but the corpus holds no copy" for n in sorted(numbers(text) - {0, len(e.arts)})]
    return missing(text, {copies, len(e.arts), len(set(e.rep.values()))})


def _f_verbs(e, text):
    verbs = Counter()
    for a in e.analysed:
        verbs.update(e.arts[a].verbs)
    return ranking_problems(text, dict(verbs), "attribution verbs") + \
        [f"the total of statements {n} not stated" for n in missing(text, {e.quotes_total()})]


def _f_relays(e, text):
    return missing(text, {0, e.quotes_total()})


def _f_people(e, text):
    people = e.t.people_per_outlet()
    # the fewest is checked only where the finding speaks of it
    return ranking_problems(text, people, "people per outlet") + \
        (ranking_problems(text, people, "people per outlet, fewest", lowest=True) if "fewest" in text else [])


def _f_first_named(e, text):
    firsts = Counter(f for a in e.analysed for f in e.arts[a].first_sentence)
    problems = [f"the {len(firsts)} people named in a first sentence not stated"] if len(firsts) not in numbers(text) else []
    return problems + ranking_problems(text, dict(firsts), "named in a first sentence")


def _f_no_names(e, text):
    return [f"names {f!r}, but no two people share a sentence and all are written one way"
            for f in e.t.groups if f in text]


def _f_groups(e, text):
    named: dict = {o: set() for o in e.outlets}
    for a in e.analysed:
        named[e.arts[a].outlet] |= e.arts[a].named
    only = [o for o, people in named.items() if people and {e.t.groups[p] for p in people} == {"russian_official"}]
    named_wrongly = [o for o in e.outlets if o in text and o not in only]
    return missing(text, {len(only), len(e.outlets)} if only else {len(e.outlets)}) + \
        [f"outlet {o!r} named among those naming Russian officials only; those are {only}" for o in named_wrongly]


def _f_withdrawal(e, text):
    """How many analysed articles say, in their own voice, that Russia withdrew; an outlet it
    names must be one of theirs (the labels themselves are the id test's business)."""
    said = [a for a in e.analysed if ("russia_treaty_status", "conflicts", "outlet") in e.arts[a].claims]
    outlets = {e.arts[a].outlet for a in said}
    return missing(text, {len(said)}) + [f"outlet {o!r} named, but none of its articles says Russia withdrew"
                                         for o in e.outlets if o in text and o not in outlets]


def distinct_errors(claims) -> int:
    """Errors counted once each (one error, one row): the planted rows the checker keeps
    (``one_row_per_error``) rated conflicts, misleading or unverified."""
    return sum(1 for _, verdict, _ in one_row_per_error(claims)[0] if verdict in {"conflicts", "misleading", "unverified"})


def _f_tally(e, text):
    errors = {a: distinct_errors(e.arts[a].claims) for a in e.analysed}
    if not any(errors.values()):
        return []
    return ranking_problems(text, errors, "distinct errors per article", name=lambda a: e.arts[a].outlet)


def _f_dates_checked(e, text):
    dates = e.rows(lambda r: r[0].startswith("date:"))
    return missing(text, {sum(1 for r in dates if r[1] == "conflicts"), len(dates)})


def _f_unverified(e, text):
    official = e.rows(lambda r: r[0] == "official_quote")
    return missing(text, {sum(1 for r in official if r[1] == "unverified"), len(official)})


def _f_zero(e, text):
    return [f"states {n}, but nothing of the kind was planted" for n in sorted(numbers(text) - {0, 9, 729})]


def _f_figure(e, text):
    name = h.EXPLORE_DEFAULTS["FIGURE"]
    named = {a: e.arts[a].mentions[name] for a in e.analysed if e.arts[a].mentions[name]}
    said = {a: e.arts[a].quotes[name] for a in e.analysed if e.arts[a].quotes[name]}
    expected = {len(e.analysed)} | ({sum(named.values()), len(named)} if named else set()) | \
               ({sum(said.values())} if said else set())
    outlets = sorted({e.arts[a].outlet for a in said})
    return missing(text, expected) + [f"outlet {o!r} that carries {name}'s statements not named"
                                      for o in outlets if o not in text]


def _f_claim(e, text):
    rows = e.rows(lambda r: r[0] == h.EXPLORE_DEFAULTS["CLAIM"])
    if not rows:
        return []
    arts = {a for a in e.analysed if any(r[0] == h.EXPLORE_DEFAULTS["CLAIM"] for r in e.arts[a].claims)}
    return missing(text, {len(rows), len(arts)} | set(Counter(r[1] for r in rows).values()))


#: (notebook prefix, finding id) -> the check of its text against the truth.
CHECKS = {
    ("00", "articles"): _f_articles, ("00", "dates"): _f_dates, ("00", "first"): _f_first,
    ("00", "copies"): _f_copies, ("00", "languages"): lambda e, t: missing(t, {len(e.arts)}),
    ("00", "wrapped"): lambda e, t: missing(t, {0, len(e.arts)}),
    ("01", "verbs"): _f_verbs, ("01", "relays"): _f_relays,
    ("03", "people"): _f_people, ("03", "first"): _f_first_named, ("03", "spellings"): _f_no_names,
    ("03", "pairs"): _f_no_names, ("03", "groups"): _f_groups,
    ("04", "withdrawal"): _f_withdrawal, ("04", "tally"): _f_tally, ("04", "dates"): _f_dates_checked,
    ("04", "unverified"): _f_unverified, ("04", "band"): _f_zero, ("04", "9m729"): _f_zero,
    ("06", "figure"): _f_figure, ("06", "claim"): _f_claim,
}

_BUILT: dict = {}


def built(seed: int, tmp_path_factory):
    """(truth, findings) of the report built on the corpus of ``seed``, built once per session."""
    if seed not in _BUILT:
        root = tmp_path_factory.mktemp(f"findings{seed}")
        truth = h.generate_corpus(seed, root / "corpus")
        env = dict(os.environ, CORPUS_DIR=str(root / "corpus"), INF_CACHE_DIR=str(root / "cache"))
        env.pop("REPORT_DIR", None)
        proc = subprocess.run([sys.executable, str(BUILD), "--out", str(root / "report")], env=env,
                              capture_output=True, text=True, timeout=900)
        assert proc.returncode == 0, f"seed {seed}: the report failed\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
        findings = pd.read_csv(root / "report" / "findings.csv", keep_default_na=False, dtype=str)
        _BUILT[seed] = (truth, findings)
    return _BUILT[seed]


def _cases(seeds, marks=()):
    return [pytest.param(seed, key, id=f"{seed}-{key[0]}-{key[1]}", marks=marks) for seed in seeds for key in CHECKS]


@pytest.mark.parametrize("seed,key", _cases([DEFAULT_SEED]) + _cases(SWEEP_SEEDS, pytest.mark.sweep))
def test_computed_finding_states_the_planted_truth(seed, key, tmp_path_factory):
    truth, findings = built(seed, tmp_path_factory)
    rows = findings[findings.notebook.str[:2].eq(key[0]) & findings.finding_id.eq(key[1])
                    & findings.source.eq("computed")]
    assert len(rows) == 1, f"seed {seed}: finding {key} written {len(rows)} times"
    text = rows.text.iloc[0]
    assert CHECKS[key](Expected(truth), text) == [], f"seed {seed}, finding {key[0]}/{key[1]}: {text!r}"


def _ids(truth) -> list:
    claims = list(h.load_claims().claim_id)
    events = list(h.load_event_types().event)
    return sorted(truth.articles) + claims + events + [f"date:{e}" for e in events]


@pytest.mark.parametrize("seed", [DEFAULT_SEED] + [pytest.param(s, marks=pytest.mark.sweep) for s in SWEEP_SEEDS])
def test_no_computed_finding_shows_an_id(seed, tmp_path_factory):
    """No article, claim or event id, nor any key of the underscore or colon kind, in a
    finding's text (a hyphenated English compound such as "outlet-and-target" is allowed)."""
    truth, findings = built(seed, tmp_path_factory)
    known = _ids(truth)
    shown = {f"{n}/{f}: {t}": [x for x in h.looks_like_id(t, known=known) if x in known or re.search("[_:]", x)]
             for n, f, t in zip(findings.notebook, findings.finding_id, findings.text)}
    assert {k: v for k, v in shown.items() if v} == {}


@pytest.mark.parametrize("seed", [DEFAULT_SEED] + [pytest.param(s, marks=pytest.mark.sweep) for s in SWEEP_SEEDS])
def test_no_computed_finding_writes_an_iso_date(seed, tmp_path_factory):
    """Dates in findings are for readers ("6 Aug 2025", ``h.day_label``), not "2025-08-06"."""
    _, findings = built(seed, tmp_path_factory)
    shown = {f"{n}/{f}": t for n, f, t in zip(findings.notebook, findings.finding_id, findings.text)
             if re.search(r"\b\d{4}-\d{2}-\d{2}\b", t)}
    assert shown == {}


#: Nouns a count carries; "1 articles" breaks the rule that a count's noun agrees (``h.counted``).
PLURALS = ["articles", "outlets", "statements", "times", "sentences", "markers", "words", "dates", "people",
           "quotations", "omissions", "distances", "spans", "terms", "occurrences", "stories", "copies"]


@pytest.mark.parametrize("seed", [DEFAULT_SEED] + [pytest.param(s, marks=pytest.mark.sweep) for s in SWEEP_SEEDS])
def test_no_computed_finding_counts_one_in_the_plural(seed, tmp_path_factory):
    _, findings = built(seed, tmp_path_factory)
    plural = re.compile(rf"(?<![\d.,])1 (?:\w+ )?(?:{'|'.join(PLURALS)})\b")
    shown = {f"{n}/{f}": t for n, f, t in zip(findings.notebook, findings.finding_id, findings.text) if plural.search(t)}
    assert shown == {}


def test_the_checks_catch_what_they_are_for():
    """The helpers of these tests, on texts written for them: a tie names every leader, a
    leader below the minimum is not "the most", numbers are read as digits or words."""
    assert numbers("Two of 12 articles; none carry a date; 1,234 words") == {2, 12, 0, 1234}
    counts = {"Harbour Ledger": 4, "Delta Courier": 4, "Plains Daily": 1}
    assert ranking_problems("Harbour Ledger and Delta Courier, 4 each.", counts, "x") == []
    assert ranking_problems("4 each: too few to rank.", counts, "x") == []
    assert ranking_problems("Harbour Ledger names the most (4).", counts, "x")
    assert ranking_problems("Harbour Ledger names the most (3).", {"Harbour Ledger": 3, "Plains Daily": 1}, "x")
    assert ranking_problems("Harbour Ledger names the most (6).", {"Harbour Ledger": 6, "Plains Daily": 1}, "x") == []
    assert ranking_problems("3 in all, most often Harbour Ledger.", {"Harbour Ledger": 2, "Plains Daily": 1}, "x")
    assert ranking_problems("hl-1 has the most (3).", {"hl-1": 3, "pd-1": 1}, "x", name=lambda a: "Harbour Ledger")

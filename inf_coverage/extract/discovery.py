"""Discovering names the figure registry does not know, and scoring the discovery
against the hand-coded names."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from inf_coverage.core.layout import CorpusError
from inf_coverage.extract.figures import ORG_HEADS, ROLE_WORDS, TITLE_WORDS, load_figures
from inf_coverage.extract.ranges import load_systems
from inf_coverage.extract.speakers import ATTRIBUTION_VERBS, PUBLICATION_RE, load_institutions, person_name
from inf_coverage.ingest.text import _rows

#: Verbs of speech that follow a name ("Bondarev said").
SPEECH_VERBS = {
    "said", "says", "told", "wrote", "added", "noted", "warned", "argued", "stated",
    "emphasized", "emphasised", "stressed", "suggested", "explained", "claimed",
    "announced", "insisted", "continued", "believes", "thinks",
}
#: Capitalised words that belong to organisations, places or titles, never to a
#: person's name; they are stripped from the front of a capitalised run.
NOT_NAME_WORDS = {
    "russian", "russia", "us", "u.s", "american", "chinese", "china", "soviet", "ukrainian",
    "western", "european", "foreign", "security", "council", "ministry", "deputy", "president",
    "minister", "chairman", "kremlin", "pentagon", "white", "house", "nato", "treaty",
    "forces", "university", "center", "centre", "institute", "endowment", "project", "times",
    "news", "agency", "press", "associated", "federation", "prime", "general", "secretary",
    "the", "a", "an", "former", "senior", "special", "arms", "control", "nuclear",
    "intermediate-range", "telegram", "channel", "state", "department", "defense", "defence",
    "assembly", "federal", "navy", "army", "air", "force", "moscow", "washington", "beijing",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "in", "on", "at", "by", "for", "of", "and", "but",
    "as", "when", "while", "after", "before", "yet", "this", "that", "it", "he", "she",
}
_UPPER = "A-Z\u00c0-\u00de\u0100-\u017e"          # Latin capitals, accented ones too ("Š", "Ž")
_CAP_WORD = rf"[{_UPPER}](?:[\w'\u2019-]|\.(?=\w))*\.?"   # "Dmitry", "Russia's", "U.S.", "Vainiūtė"
_CAP_RUN_RE = re.compile(rf"(?<![\w-])({_CAP_WORD}(?: {_CAP_WORD})*)")
_NAME_WORD_RE = re.compile(rf"[{_UPPER}][^\W\d_A-Z]+(?:-[{_UPPER}][^\W\d_A-Z]+)?\Z")


_ORG_BEFORE_RE = re.compile(rf"\b(?:{ORG_HEADS}) (?:for|of|on) (?:the )?\Z")


_APPOSITIVE_RE = re.compile(r", (?:a |an |the )?(?:[a-z-]+ ){0,3}?(%s)\b" % "|".join(sorted(ROLE_WORDS | {"a", "an", "the"})))  # noqa: E501


def _bare(word: str) -> str:
    """A word lower-cased, without a possessive or a trailing full stop or comma."""
    word = word.lower().rstrip(".,")
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def discover_names(sents: pd.DataFrame, figures: pd.DataFrame | None = None,  # noqa: C901
                   quote_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Propose person names that the figure registry does not know.

    A candidate is a run of two or three capitalised words (after stripping
    organisation, place and title words such as "Russian Security Council") that
    stands in one of three patterns: after a role word ("spokesman Dmitry Peskov",
    "President Vladimir Putin"), before an appositive comma and article
    ("Nikolai Sokov, a former ..."), before a verb of speech ("Boris Bondarev
    said", "Maria Ellison summarized"), or after "by" ("signed in 1987 by Ronald
    Reagan"). With ``quote_rows`` (``quotes``), every speaker the registry does not
    know counts too (cue "speaker"), at its first occurrence in the article.
    Country, institution and weapon names are not people: a run made of title,
    place or organisation words ("United States"), a run continuing an
    organisation's name ("Centre for Strategic Restraint") and any designation in
    ``systems.csv`` ("Dark Eagle") are left out. Names already in the registry (any
    alias) are left out; pass an empty registry to see everything the patterns find.

    Returns one row per candidate occurrence: ``article_id``, ``outlet``,
    ``sentence_id``, ``start``, ``end``, ``candidate``, ``cue`` (which pattern) and
    ``cue_word``.
    """
    figures = load_figures() if figures is None else figures
    known = {a for aliases in figures.aliases for a in aliases}
    things = {a for aliases in load_systems().aliases for a in aliases}
    not_names = NOT_NAME_WORDS | {w.lower() for w in TITLE_WORDS}
    speech = SPEECH_VERBS | set(ATTRIBUTION_VERBS)
    leading = not_names | ROLE_WORDS
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        for m in _CAP_RUN_RE.finditer(text):
            words = m.group(1).split(" ")
            offs = [m.start(1)]
            for w in words[:-1]:
                offs.append(offs[-1] + len(w) + 1)
            # strip organisation/title words from the front; remember the last as a cue
            k, title = 0, ""
            while k < len(words) and _bare(words[k]) in leading:
                title = words[k]
                k += 1
            if k < len(words) and words[-1].endswith(".") and not words[-1].endswith(".."):
                words[-1] = words[-1][:-1]        # a full stop after the name
            name_words = words[k:]
            if (not 2 <= len(name_words) <= 3
                    or not all(_NAME_WORD_RE.match(w) and _bare(w) not in not_names
                               for w in name_words)
                    or _ORG_BEFORE_RE.search(text, max(0, m.start(1) - 40), m.start(1))):
                continue   # not a name's shape, or an organisation ("... Affairs University")
            start = offs[k]
            end = offs[-1] + len(words[-1])
            before = text[max(0, m.start(1) - 60):m.start(1)].split()   # the word before: a bounded look-back
            after = text[end:end + 200]            # bounded: the cue words follow the name closely
            cue = cue_word = ""
            if _bare(title) in ROLE_WORDS:
                cue, cue_word = "role before", title
            elif before and _bare(before[-1]) in ROLE_WORDS:
                cue, cue_word = "role before", before[-1]
            elif title:
                cue, cue_word = "title before", title
            elif appositive := _APPOSITIVE_RE.match(after):
                cue, cue_word = "appositive", appositive.group(1)
            elif before and before[-1] == "by":
                cue, cue_word = "after by", "by"
            else:
                nxt = re.match(r" (?:also |had |has )?(\w+)", after)
                if nxt and nxt.group(1).lower() in speech:
                    cue, cue_word = "speech verb after", nxt.group(1)
            if not cue:
                continue
            name = " ".join(name_words)
            if name.endswith(("'s", "\u2019s")):
                name, end = name[:-2], end - 2
            if name in known or name in things:
                continue
            rows.append((aid, outlet, sid, base + start, base + end, name, cue, cue_word))
    found = {(r[0], r[5]) for r in rows}
    if quote_rows is not None and len(quote_rows):
        institutions = set(load_institutions().institution)
        by_article = {aid: g for aid, g in sents.groupby("article_id", sort=False)}
        for aid, speaker in quote_rows[["article_id", "speaker"]].drop_duplicates().itertuples(index=False):
            if (speaker in known or speaker in institutions or speaker in {"unattributed", ""}
                    or (aid, speaker) in found or len(speaker.split()) < 2 or aid not in by_article
                    or person_name(speaker) != speaker or PUBLICATION_RE.fullmatch(speaker)):
                continue    # a body ("Pentagon officials") or a newspaper ("Eastern Courier"), not a person
            for outlet, sid, base, text in _rows(by_article[aid], ["outlet", "sentence_id", "start", "text"]):
                at = text.find(speaker)
                if at >= 0:
                    rows.append((aid, outlet, sid, base + at, base + at + len(speaker),
                                 speaker, "speaker", ""))
                    found.add((aid, speaker))
                    break
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end",
                                      "candidate", "cue", "cue_word"])
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def names_gold(path, articles: pd.DataFrame, corpus_ids=None) -> dict:
    """Read a corpus's hand-made list of names (``names_gold.csv``: ``name`` and ``article_ids``,
    ``|``-separated) against the articles it is to score, so that a list written for other
    articles is never scored as if it were this corpus's.

    Returns a dict: ``names`` (the gold names found in at least one article scored),
    ``covered`` (sorted ids of ``articles`` the list speaks for), ``stale`` (sorted ids the list
    names that are not in the corpus: ``corpus_ids``, default ``articles``), ``uncovered``
    (sorted ids of ``articles`` the list says nothing of) and ``stale_names`` (names tied only to
    stale ids). A row with an empty ``article_ids`` speaks for every article. Raises
    ``CorpusError`` naming the file for a missing ``name`` column.
    """
    path = Path(path)
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "name" not in gold.columns:
        raise CorpusError(f"{path}: no 'name' column (columns: {', '.join(gold.columns)})")
    ids = set(articles.article_id)
    in_corpus = ids | set(corpus_ids if corpus_ids is not None else ())
    listed = (gold["article_ids"] if "article_ids" in gold.columns else pd.Series([""] * len(gold)))
    names, stale, stale_names, named_ids, everywhere = set(), set(), set(), set(), False
    for _row, (name, cell) in enumerate(zip(gold["name"], listed), start=2):
        own = {a.strip() for a in str(cell).split("|") if a.strip()}
        if not own:
            everywhere = True
            names.add(name)
            continue
        stale |= own - in_corpus
        named_ids |= own & ids
        if own & ids:
            names.add(name)
        elif not own & in_corpus:
            stale_names.add(name)
    covered = sorted(ids) if everywhere else sorted(named_ids)
    return dict(names=names, covered=covered, stale=sorted(stale),
                uncovered=sorted(ids - set(covered)), stale_names=sorted(stale_names))


def discovery_scores(candidates: pd.DataFrame, gold: set) -> dict:
    """Precision and recall of discovered names against a hand-made set of names.

    Counts distinct names: a candidate is right if it is in ``gold``. Returns
    ``found``, ``right``, ``gold``, ``precision``, ``recall``, ``false_positives``
    and ``missed`` (both sorted lists).
    """
    found = set(candidates["candidate"])
    right = found & gold
    return dict(found=len(found), right=len(right), gold=len(gold),
                precision=len(right) / len(found) if found else float("nan"),
                recall=len(right) / len(gold) if gold else float("nan"),
                false_positives=sorted(found - gold), missed=sorted(gold - found))

"""ClaimReview: the fact checks of ``claim_checks`` as schema.org ClaimReview objects (JSON-LD).

Fact-checkers publish one ``ClaimReview`` per checked claim, the form search engines and
fact-check databases read. ``claim_reviews`` turns each rated row of ``claim_checks`` into
one, and ``claimreview_json`` writes them as the report's ``claimreview.json``.

The rating scale (``RATING_SCALE``): ``reviewRating.ratingValue`` runs from 1 (worst) to 4
(best), one step per verdict of ``claim_checks`` that is a rating:

- 1, "False": ``conflicts``, contradicts the sourced reference facts;
- 2, "Misleading": ``misleading``, true in part but distorted as worded;
- 3, "Unverified": ``unverified``, the reference can neither confirm nor refute it;
- 4, "True": ``agrees``, agrees with the sourced reference facts.

The number is ``ratingValue``, the word ``alternateName`` (what a search result shows) and the
verdict ``name``. ``bestRating`` is 4 and ``worstRating`` 1 in every review. "not checked" is no rating: such
a row gives no review. ``reviewRating.ratingExplanation`` is the row's ``explanation``
(why, and the reference it was checked against), without its leading verdict.

Whose claim is reviewed. A statement in the outlet's own words (``whose`` "outlet",
which includes an error in its paraphrase of a speaker) is reviewed as the outlet's claim:
``itemReviewed.author`` is the outlet (Organization). A statement inside a speaker's
quotation (``whose`` "quoted: <speaker>") is the speaker's claim, accurately relayed or not,
and never exported as the outlet's: with ``speakers=True`` (the default) it is reviewed as
the speaker's claim, ``itemReviewed.author`` the speaker (Organization when the speaker is in
the institutions registry, else Person), with the outlet's article as where it appeared.
Two kinds of quoted rows give no review: those of unnamed sources (``quoted: unattributed``,
a claim with no author to name), and the ``official_quote`` rows, whose verdict rates whether
the outlet's quotation matches the official's recorded wording, not whether what the
official said is true. The outlet's reviews come first, then the speakers'.

Where the review lives (``url``): the report's evidence page of the article, at the
sentence's anchor (``articles/{article_id}.html#s{sentence_id}``, where the check's verdict
and sources are shown), prefixed by ``base_url`` (relative to the report folder when it is
empty). An article without an evidence page (``pages``) gets the claims page
(``CLAIMS_PAGE``) instead.

``datePublished`` is never the day of the build, so two builds give the same bytes: it is
``date`` when given, else the newest ``published`` date of ``articles``; omitted when no
article is dated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection

import pandas as pd

from inf_coverage.core.layout import ARTICLE_ID_RE
from inf_coverage.ingest.registries import read_registry
from inf_coverage.ingest.text import sentences as split_sentences

#: The name the reviews are published under (``author`` of every review): the project's.
PROJECT_NAME = "How outlets covered Russia ending its INF-range missile moratorium"
#: verdict of ``claim_checks`` -> (ratingValue, alternateName); the worst is 1, the best 4.
RATING_SCALE = {"conflicts": (1, "False"), "misleading": (2, "Misleading"),
                "unverified": (3, "Unverified"), "agrees": (4, "True")}
BEST_RATING, WORST_RATING = 4, 1
#: The report page of the claim checks, for an article that has no evidence page.
CLAIMS_PAGE = "04-missile-range-facts.html"
CHECK_FIELDS = ["article_id", "outlet", "sentence_id", "start", "end", "claim_id", "surface", "verdict",
                "whose", "explanation"]
ARTICLE_FIELDS = ["article_id", "outlet", "published", "url", "title"]
#: Speaker claims never reviewed: the verdict rates the quotation, not the claim.
QUOTATION_CHECKS = {"official_quote"}
_WEB_URL_RE = re.compile(r"https?://[^\s<>\"']+\Z", re.I)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _text(value) -> str:
    """A cell as text: "" for a missing value."""
    return "" if value is None or (isinstance(value, float) and value != value) else str(value).strip()


def _require(table: pd.DataFrame, columns: list, what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what}: missing column(s) {', '.join(missing)}")


def _creative_work(row: dict) -> dict:
    """The article as a schema.org CreativeWork: its publisher (the outlet) always; its
    address (only an http(s) one), headline and date when ``articles.csv`` gives them."""
    work: dict = {"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": row["outlet"]}}
    if _WEB_URL_RE.match(row["url"]):
        work["url"] = row["url"]
    if row["title"]:
        work["headline"] = row["title"]
    if row["published"]:
        work["datePublished"] = row["published"]
    return work


def _articles_by_id(articles: pd.DataFrame) -> dict:
    """article_id -> {outlet, published, url, title, copy_group}, checked: a published date that
    is not YYYY-MM-DD is refused, naming the article."""
    _require(articles, ["article_id", "outlet"], "claim_reviews: articles")
    out = {}
    for k, rec in enumerate(articles.to_dict("records")):
        row = {c: _text(rec.get(c)) for c in ARTICLE_FIELDS + ["copy_group"]}
        if row["published"] and not _DATE_RE.match(row["published"]):
            raise ValueError(f"claim_reviews: articles row {k} ({row['article_id']}): published "
                             f"{row['published']!r} is not a date YYYY-MM-DD")
        out[row["article_id"]] = row
    return out


def _first_appearance(row: dict, by_id: dict, group_sizes: dict) -> dict | None:
    """The claim's first appearance where the corpus knows it: the representative (the member
    published first) of the article's copy group when the group has more than one member in
    ``articles``; None for an article alone (where else the claim appeared is not known)."""
    group = row["copy_group"]
    if not group or group_sizes.get(group, 0) < 2 or group not in by_id:
        return None
    return _creative_work(by_id[group])


def _explanation(text: str, verdict: str) -> str:
    """A check's explanation without its leading "<verdict>: " (the rating says it)."""
    return text[len(verdict) + 2:] if text.lower().startswith(f"{verdict}: ") else text


def _speaker_author(speaker: str, institutions: set) -> dict:
    kind = "Organization" if speaker in institutions else "Person"
    return {"@type": kind, "name": speaker}


def _institutions() -> set:
    """The institution names of the registry (``institutions.csv``): their claims' author is
    an Organization."""
    return set(read_registry("institutions.csv", required=["institution"])[1]["institution"])


def claim_reviews(checks: pd.DataFrame, articles: pd.DataFrame,  # noqa: C901 (one branch per refusal)
                  sents: pd.DataFrame | None = None, *,
                  date: str | None = None, base_url: str = "", speakers: bool = True,
                  pages: Collection[str] | None = None,
                  institutions: Collection[str] | None = None) -> list:
    """One schema.org ClaimReview (a dict, JSON-LD) per rated claim of ``checks``.

    ``checks``: ``claim_checks`` (``article_id``, ``outlet``, ``sentence_id``, ``start``,
    ``end``, ``claim_id``, ``surface``, ``verdict``, ``whose``, ``explanation``);
    ``articles``: ``load_corpus`` (``article_id``, ``outlet``, ``published``, ``url``,
    ``title``; ``copy_group`` when present); ``sents``: ``sentences(articles)`` (computed when
    None). A row whose verdict is "not checked" gives no review, nor a quoted row of unnamed
    sources or of the ``official_quote`` check (see the module docstring). Keys of each review:
    ``@context`` ("https://schema.org"), ``@type`` ("ClaimReview"), ``url`` (the report page
    and anchor of the check), ``claimReviewed`` (the sentence that makes the claim, its
    whitespace collapsed), ``author`` (Organization: ``PROJECT_NAME``), ``datePublished``
    (``date``, else the newest article date; absent when none), ``reviewRating`` (Rating:
    ``ratingValue``, ``bestRating``, ``worstRating``, ``alternateName``, ``name`` the
    verdict, ``ratingExplanation``) and ``itemReviewed`` (Claim: ``author`` the outlet or the
    speaker, ``datePublished`` the article's date when known, ``appearance`` the article as
    a CreativeWork, ``firstAppearance`` the earliest copy of its story when the corpus holds
    several). Order: the outlet's claims, then the speakers', each by article, offset and
    claim. Raises ValueError naming the table and row for a missing column, an unknown
    verdict, an article the checks name that ``articles`` lacks, or a sentence ``sents``
    lacks."""
    _require(checks, CHECK_FIELDS, "claim_reviews: checks")
    if date is not None and not _DATE_RE.match(date):
        raise ValueError(f"claim_reviews: date {date!r} is not a date YYYY-MM-DD")
    by_id = _articles_by_id(articles)
    if sents is None:
        sents = split_sentences(articles)
    _require(sents, ["article_id", "sentence_id", "text"], "claim_reviews: sents")
    sentence_text = {(a, int(s)): " ".join(str(t).split())
                     for a, s, t in zip(sents.article_id, sents.sentence_id, sents.text)}
    dated = sorted(r["published"] for r in by_id.values() if r["published"])
    published = date if date is not None else (dated[-1] if dated else "")
    group_sizes: dict = {}
    for r in by_id.values():
        if r["copy_group"]:
            group_sizes[r["copy_group"]] = group_sizes.get(r["copy_group"], 0) + 1
    known = _institutions() if institutions is None and speakers else set(institutions or ())
    base = base_url if not base_url or base_url.endswith("/") else base_url + "/"
    own: list = []
    quoted: list = []
    for k, rec in enumerate(checks[CHECK_FIELDS].to_dict("records")):
        verdict, whose, aid = _text(rec["verdict"]), _text(rec["whose"]), _text(rec["article_id"])
        where = f"claim_reviews: checks row {k} ({aid}, sentence {rec['sentence_id']})"
        if verdict == "not checked":
            continue
        if verdict not in RATING_SCALE:
            raise ValueError(f"{where}: verdict {verdict!r} is none of {', '.join(RATING_SCALE)}, not checked")
        if whose == "outlet":
            author = {"@type": "Organization", "name": _text(rec["outlet"])}
        elif whose.startswith("quoted: "):
            speaker = whose[len("quoted: "):].strip()
            if not speakers or speaker in ("", "unattributed") or rec["claim_id"] in QUOTATION_CHECKS:
                continue
            author = _speaker_author(speaker, known)
        else:
            raise ValueError(f"{where}: whose {whose!r} is neither 'outlet' nor 'quoted: <speaker>'")
        if aid not in by_id:
            raise ValueError(f"{where}: article {aid!r} is not in articles")
        sid = int(rec["sentence_id"])
        if (aid, sid) not in sentence_text:
            raise ValueError(f"{where}: sentence {sid} of {aid!r} is not in sents")
        row = by_id[aid]
        has_page = ARTICLE_ID_RE.match(aid) and (pages is None or aid in pages)
        claim: dict = {"@type": "Claim", "author": author, "appearance": _creative_work(row)}
        if row["published"]:
            claim["datePublished"] = row["published"]
        first = _first_appearance(row, by_id, group_sizes)
        if first is not None:
            claim["firstAppearance"] = first
        value, words = RATING_SCALE[verdict]
        review = {
            "@context": "https://schema.org", "@type": "ClaimReview",
            "url": f"{base}articles/{aid}.html#s{sid}" if has_page else f"{base}{CLAIMS_PAGE}",
            "claimReviewed": sentence_text[(aid, sid)],
            "author": {"@type": "Organization", "name": PROJECT_NAME, **({"url": base} if base else {})},
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": BEST_RATING,
                             "worstRating": WORST_RATING, "alternateName": words, "name": verdict,
                             "ratingExplanation": _explanation(_text(rec["explanation"]), verdict)},
            "itemReviewed": claim,
        }
        if published:
            review["datePublished"] = published
        key = (aid, int(rec["start"]), int(rec["end"]), _text(rec["claim_id"]))
        (own if whose == "outlet" else quoted).append((key, review))
    return [r for _, r in sorted(own, key=lambda x: x[0])] + [r for _, r in sorted(quoted, key=lambda x: x[0])]


def claimreview_json(reviews: list) -> str:
    """``reviews`` (``claim_reviews``) as the text of ``claimreview.json``: a JSON array,
    keys sorted, indented by 2, non-ASCII characters kept as they are, ending in a newline,
    so that the same reviews always give the same bytes."""
    return json.dumps(reviews, sort_keys=True, indent=2, ensure_ascii=False) + "\n"

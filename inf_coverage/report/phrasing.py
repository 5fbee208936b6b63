"""Findings in words: what a computed finding may say, and how.

A computed finding is read by people who check it against the texts, on corpora nobody here
has seen. So its wording follows rules, kept here once for every notebook:

- **Ties are ties.** ``rank`` returns every label tied at the top; a finding names them all
  ("A and B, 3 each"), never the first one a sort happened to put first.
- **A ranking only above a minimum n.** "X has the most ..." is stated only when X's count is
  at least ``MIN_RANK_N`` and strictly above the runner-up's; below that the finding gives the
  counts without a winner ("too few to rank"). Shares are ranked only among groups with at
  least ``MIN_SHARE_BASE`` units under them.
- **Human labels.** Outlets by name, articles by outlet and date (``article_labels``), claims
  and events by the ``label`` their registry gives (``claim_label``, ``event_label``); never an
  id or a slug. Counts carry their noun in the right number (``counted``).
- **Outlet or article.** An outlet with one article in the corpus is spoken of as that article
  ("the Global Times article"); "outlet" is used for an outlet with more than one
  (``source_label``, ``sources_noun``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd

from inf_coverage.extract.claims import GRID_GROUPS, load_claims
from inf_coverage.extract.events import load_event_types

#: The smallest count a leader needs before a finding calls it the most (or the fewest) of
#: anything: below it, one article more or less would change the order.
MIN_RANK_N = 5
#: The fewest units (sentences, statements) a group needs under a share before the share is
#: ranked against other groups' shares.
MIN_SHARE_BASE = 10


def counted(n, noun: str, plural: str | None = None) -> str:
    """``n`` with its noun: "1 article", "3 articles" (``plural`` for an irregular one)."""
    n = int(n)
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def and_list(items) -> str:
    """Items as prose: "A", "A and B", "A, B and C" ("" for none)."""
    items = [str(i) for i in items]
    return " and ".join(items) if len(items) < 3 else ", ".join(items[:-1]) + " and " + items[-1]


def day_label(day: str) -> str:
    """An ISO date for readers ("6 Aug 2025"); anything else ("undated") as it is."""
    try:
        d = dt.date.fromisoformat(day)
    except ValueError:
        return day
    return f"{d.day} {d:%b %Y}"


def possessive(name: str) -> str:
    """"Putin" -> "Putin's"; "The Moscow Times" -> "The Moscow Times'"."""
    return name + ("'" if name.endswith("s") else "'s")


def sentence_case(text: str) -> str:
    """The first letter upper case (a label that opens a sentence)."""
    return text[:1].upper() + text[1:]


def articles_per_outlet(articles: pd.DataFrame) -> dict:
    """How many articles each outlet has in ``articles``."""
    return articles.groupby("outlet").size().to_dict()


def source_label(outlet: str, articles: pd.DataFrame) -> str:
    """An outlet as a finding speaks of it: its name when it has more than one article in
    ``articles`` ("The Moscow Times (2 articles)"), else its one article ("the Global Times
    article", "The COW News Digital article")."""
    n = articles_per_outlet(articles).get(outlet, 0)
    if n > 1:
        return f"{outlet} ({n} articles)"
    return f"{'' if outlet.startswith('The ') else 'the '}{outlet} article"


def sources_noun(outlets, articles: pd.DataFrame, plural: bool = True) -> str:
    """"outlets" when any of ``outlets`` has more than one article in ``articles``, else
    "articles" (singular with ``plural=False``)."""
    per = articles_per_outlet(articles)
    noun = "outlet" if any(per.get(o, 0) > 1 for o in outlets) else "article"
    return noun + "s" if plural else noun


@dataclass(frozen=True)
class Ranking:
    """Who is at the top of a count, and whether a finding may say so. ``leaders``: every
    label with the top value (in the order given); ``value``: that value; ``runner_up``: the
    next value below it (None when every label shares the top); ``stated``: True when one
    leader may be called "the most" (a single leader, at least ``min_n``, above the runner-up);
    ``why``: "" when stated, else "too few" (the top under ``min_n``, tied or not, or a label
    alone), "tie" (several at a top of at least ``min_n``) or "nothing"."""
    leaders: list = field(default_factory=list)
    value: float = 0
    runner_up: float | None = None
    stated: bool = False
    why: str = "nothing"

    def names(self, label=str) -> str:
        """The leaders as prose, through ``label``."""
        return and_list(label(x) for x in self.leaders)

    def each(self) -> str:
        """" each" after a count several leaders share, else ""."""
        return " each" if len(self.leaders) > 1 else ""


def rank(values: pd.Series, min_n: int = MIN_RANK_N, lowest: bool = False) -> Ranking:
    """The top (``lowest=True``: the bottom) of ``values``, a Series of counts or shares
    indexed by label, with ties kept and a minimum: see ``Ranking``. For shares, give
    ``min_n=0`` and filter the groups by their base first (``MIN_SHARE_BASE``). NaN values
    are left out; an empty Series ranks nothing."""
    values = values.dropna()
    if not len(values):
        return Ranking()
    top = values.min() if lowest else values.max()
    leaders = [k for k, v in values.items() if v == top]
    rest = values[values != top]
    runner = None if not len(rest) else (rest.min() if lowest else rest.max())
    if top == 0 and not lowest:
        return Ranking(leaders, top, runner, False, "nothing")
    if not lowest and top < min_n:
        return Ranking(leaders, top, runner, False, "too few")
    if len(leaders) > 1:
        return Ranking(leaders, top, runner, False, "tie")
    if runner is None:
        return Ranking(leaders, top, runner, False, "too few")
    return Ranking(leaders, top, runner, True, "")


_ID_LIKE = re.compile(r"\b[a-z0-9]+(?:[_:][a-z0-9]+)+\b|\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b")


def looks_like_id(text: str, known=()) -> list:
    """The id- or slug-like tokens in ``text``: what a finding must never show a reader.
    Anything with an underscore or a colon between lower-case parts ("oreshnik_first_use",
    "date:us_withdrawal"), three or more hyphenated lower-case parts ("mt-ban-ends"), and any
    of the ``known`` ids (article ids, say: "agg-ryabkov" looks like "ground-based", so only
    the corpus can tell them apart) standing as a whole token."""
    found = _ID_LIKE.findall(text)
    for key in known:
        if key and re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", text):
            found.append(key)
    return list(dict.fromkeys(found))


def humanize(key: str) -> str:
    """The last resort for a key no registry labels: underscores and hyphens as spaces
    ("federal_assembly_address" -> "federal assembly address")."""
    return re.sub(r"[_\-:]+", " ", key).strip()


def claim_labels(claims: pd.DataFrame | None = None, event_types: pd.DataFrame | None = None) -> dict:
    """A reader's label for every key a claim check can carry: each codebook proposition's
    ``label`` (claims.csv), "date:<event>" as the event's label with "(date)" (event_types.csv), and the
    groups of ``GRID_GROUPS`` ("range", "official_quote")."""
    claims = load_claims() if claims is None else claims
    event_types = load_event_types() if event_types is None else event_types
    labels = dict(zip(claims.claim_id, claims.label))
    labels |= {f"date:{e}": f"{lab} (date)" for e, lab in zip(event_types.event, event_types.label)}
    labels |= GRID_GROUPS
    return labels


def claim_label(claim_id: str, labels: dict | None = None) -> str:
    """The label of one claim key (``claim_labels``); a distance ("range:...") is "a missile
    range"; an unknown key is ``humanize``d, never shown raw."""
    labels = claim_labels() if labels is None else labels
    if claim_id in labels:
        return str(labels[claim_id])
    if claim_id.startswith("range:"):
        return "a missile range" if claim_id != "range:treaty_band" else "the treaty's range band"
    return humanize(claim_id.split(":", 1)[-1])


def event_label(event: str, event_types: pd.DataFrame | None = None) -> str:
    """The label event_types.csv gives an event id ("US withdrawal from the INF Treaty")."""
    event_types = load_event_types() if event_types is None else event_types
    labels = dict(zip(event_types.event, event_types.label))
    return str(labels.get(event, humanize(event)))

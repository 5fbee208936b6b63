"""Which articles an analysis counts: languages, one article per copy group, and coverage
over time."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from inf_coverage.ingest.copies import copy_groups

# ---------------------------------------------------------------------------
# 7. A growing corpus: languages, copies, coverage over time (00-corpus-overview;
#    ``make add`` lives in corpus_add.py)
# ---------------------------------------------------------------------------

#: The day Russia's Foreign Ministry declared the moratorium over.
DECISION_DATE = dt.date(2025, 8, 4)


def _is_english(language) -> bool:
    code = str(language).strip().lower().replace("_", "-")
    return code == "" or code == "en" or code.startswith("en-")


def english_only(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles the English-only methods may read: those whose ``language`` is English
    (``en``, ``en-GB`` ...) or empty (a hand-built corpus that records none is taken as
    English, as before). Every method that rests on English word lists, cue patterns or
    lexicons (Punkt's abbreviations, frames, quotes and speech verbs, blame, hedges, VADER,
    AFINN, dates and ranges written in English, keyness) should run on this table, and the
    notebook should say which articles it left out (``not_english``). Same columns, index
    reset; ``articles`` is not changed."""
    keep = articles["language"].map(_is_english) if "language" in articles.columns else \
        pd.Series(True, index=articles.index)
    return articles[keep].reset_index(drop=True)


def not_english(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles ``english_only`` leaves out: ``article_id``, ``outlet``, ``language``."""
    if "language" not in articles.columns:
        return pd.DataFrame(columns=["article_id", "outlet", "language"])
    out = articles[~articles["language"].map(_is_english)]
    return out[["article_id", "outlet", "language"]].reset_index(drop=True)


def analysis_set(articles: pd.DataFrame, keep_copies: bool = False) -> tuple:
    """The articles a notebook's English-only methods analyse, and those left out:
    ``(kept, left_out)``. ``kept`` is ``english_only(articles)``, then (unless
    ``keep_copies``) one article per copy group (``one_per_copy_group``), so that outlets
    are compared on distinct stories. ``left_out`` has ``article_id``, ``outlet`` and
    ``reason`` ("not in English (xx)" or "a copy of <article_id>"), one row per article left
    out, so a notebook can say what it did not read."""
    english = english_only(articles)
    kept = english if keep_copies else one_per_copy_group(english)
    rows = [(r.article_id, r.outlet, f"not in English ({r.language})")
            for r in not_english(articles).itertuples(index=False)]
    if not keep_copies:
        group = dict(zip(english.article_id, english["copy_group"])) if "copy_group" in english.columns else {}
        rows += [(a, o, f"a copy of {group.get(a, '')}") for a, o in zip(english.article_id, english.outlet)
                 if a not in set(kept.article_id)]
    left_out = pd.DataFrame(rows, columns=["article_id", "outlet", "reason"])
    return kept, left_out.sort_values("article_id", kind="stable").reset_index(drop=True)


class NothingToAnalyse(Exception):
    """A notebook's methods have no article to read in this corpus (none is in English, say).
    ``require_articles`` raises it in the notebook's parameters cell; the report builder
    (scripts/build_report.py) shows its message as the page's content instead of failing."""


def require_articles(articles: pd.DataFrame, left_out: pd.DataFrame) -> None:
    """Stop a notebook, with a sentence saying why, when ``analysis_set`` kept no article:
    every statement after this point would be about nothing. Does nothing otherwise."""
    if len(articles):
        return
    reasons = left_out.reason.str.replace(r"\s*\(.*\)$", "", regex=True).value_counts()
    why = "; ".join(f"{n} {'article' if n == 1 else 'articles'} {r}" for r, n in reasons.items()) or "it holds none"
    raise NothingToAnalyse(f"This notebook has nothing to analyse in this corpus: its methods read English text, "
                           f"one article per copy group, and no article qualifies ({why}).")


def one_per_copy_group(articles: pd.DataFrame) -> pd.DataFrame:
    """One article per copy group, its representative (the member published first; see
    ``copy_groups``): the table to count from whenever outlets are compared, so a wire story
    reprinted by ten sites counts once. Needs the ``copy_group`` column ``load_corpus`` adds
    (a frame without it is grouped here). Same columns, index reset."""
    if "copy_group" not in articles.columns or "copy_label" not in articles.columns:
        articles = articles.assign(copy_group=copy_groups(articles)["copy_group"].to_numpy())
    return articles[articles["article_id"] == articles["copy_group"]].reset_index(drop=True)


TIMELINE_COLUMNS = ["order", "outlet", "first_published", "days_after", "first_article_id",
                    "first_is_copy", "articles", "dated", "copies", "background"]
#: The story's window: an article dated from ``DECISION_DATE`` to this many days after it
#: covers the story; one dated before it (a 2019 explainer, a 2024 op-ed a user collected) or
#: later is background, and never "carried the story first".
STORY_DAYS = 30


def coverage_timeline(articles: pd.DataFrame, per: str = "outlet") -> pd.DataFrame:
    """Who published when. ``per="outlet"`` (default): one row per outlet, in the order the
    outlets first carried the story: ``order`` (1 = first; outlets with the same first day
    share a place; 0 for an outlet with no dated article, listed last), ``first_published``
    (its earliest ``published`` date, "" if none), ``days_after`` (days after
    ``DECISION_DATE``, 4 Aug 2025: 0 the same day, negative before it; NaN undated),
    ``first_article_id`` (that article; ties by article_id), ``first_is_copy`` (True when
    that article is a copy of another article of the corpus: it carried someone else's
    story), ``articles``, ``dated`` and ``copies`` (its articles that are not their copy
    group's representative), ``background`` (its dated articles outside the story's window,
    ``STORY_DAYS``). Only articles inside the window count for ``order`` and
    ``first_published``: an outlet whose dated articles are all background has order 0, like
    an undated one. ``per="article"``: one row per article (``article_id``, ``outlet``,
    ``published``, ``days_after``, ``copy_group``, ``is_copy``, ``in_window``) by date
    (undated last), outlet and article_id. Copy groups come from the ``copy_group`` column
    ``load_corpus`` adds, or are computed."""
    if "copy_group" not in articles.columns or "copy_label" not in articles.columns:
        articles = articles.assign(copy_group=copy_groups(articles)["copy_group"].to_numpy())
    pub = articles["published"].fillna("").astype(str)
    days = [(dt.date.fromisoformat(p) - DECISION_DATE).days if p else np.nan for p in pub]
    rows = pd.DataFrame({"article_id": articles["article_id"].to_numpy(), "outlet": articles["outlet"].to_numpy(),
                         "published": pub.to_numpy(), "days_after": pd.array(days, dtype="Int64"),
                         "copy_group": articles["copy_group"].to_numpy()})
    rows["is_copy"] = rows["article_id"] != rows["copy_group"]
    rows["in_window"] = [not pd.isna(d) and 0 <= d <= STORY_DAYS for d in days]
    rows = rows.assign(_undated=rows.published == "").sort_values(
        ["_undated", "published", "outlet", "article_id"], kind="stable").drop(columns="_undated")
    if per == "article":
        return rows.reset_index(drop=True)
    if per != "outlet":
        raise ValueError(f"per must be 'outlet' or 'article', not {per!r}")
    out = []
    for outlet, group in rows.groupby("outlet", sort=True):
        dated = group[group.in_window]
        first = (dated if len(dated) else group).iloc[0]
        out.append({"outlet": outlet, "first_published": first.published if len(dated) else "",
                    "days_after": first.days_after if len(dated) else pd.NA,
                    "first_article_id": first.article_id if len(dated) else "",
                    "first_is_copy": bool(first.is_copy) if len(dated) else False,
                    "articles": len(group), "dated": int((group.published != "").sum()),
                    "copies": int(group.is_copy.sum()),
                    "background": int(((group.published != "") & ~group.in_window).sum())})
    table = pd.DataFrame(out, columns=[c for c in TIMELINE_COLUMNS if c != "order"])
    table["days_after"] = table["days_after"].astype("Int64")
    table = table.assign(_undated=table.first_published == "").sort_values(
        ["_undated", "first_published", "outlet"], kind="stable").drop(columns="_undated")
    dated_rank = table["first_published"].where(table["first_published"] != "").rank(method="min")
    table.insert(0, "order", dated_rank.fillna(0).astype(int))
    return table.reset_index(drop=True)

"""Sourcing per article: who is quoted first and who most, with what standing, from which
country (foreign or domestic to the outlet), and how often the source goes unnamed."""

from __future__ import annotations

import pandas as pd

from inf_coverage.extract.figures import load_figures
from inf_coverage.extract.speakers import _ROLE_HEAD_RE, load_institutions
from inf_coverage.ingest.registries import country_of_group, standing_of_group
from inf_coverage.ingest.text import WORD_RE

#: The speaker ``quotes`` gives a vague or unnamed source ("officials said", "a diplomat
#: said", "analysts warn", "sources").
ANONYMOUS = "unattributed"
#: Fewer quotation rows than this in an article give its shares as NaN: one or two rows
#: make 0, 0.5 or 1, which say nothing about the article's sourcing.
MIN_SOURCING_ROWS = 3

SOURCE_ROW_COLUMNS = ["article_id", "sentence_id", "start", "position", "speaker", "kind", "standing", "country",
                      "origin", "named", "words"]
SOURCING_COLUMNS = ["article_id", "outlet", "outlet_country", "rows", "sources", "first_source", "first_standing",
                    "most_prominent", "prominent_words", "prominent_standing", "official_share", "foreign_share",
                    "unknown_country_share", "anonymous_share"]
_QUOTE_COLUMNS = ["article_id", "sentence_id", "start", "speaker", "affiliation", "kind", "text"]


def _require(table: pd.DataFrame, columns, what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what} has no column(s) {', '.join(map(repr, missing))}; "
                         f"it has {', '.join(map(str, table.columns))}")


def _registered(figures: pd.DataFrame, institutions: pd.DataFrame) -> dict:
    """Speaker -> (standing, country) for every registered person and body; a table built
    without ``standing`` (or a body's ``country``) takes what its affiliation group implies."""
    known: dict = {}
    for table, key in ((institutions, "institution"), (figures, "figure")):
        _require(table, [key, "affiliation_group"], f"the {key} registry")
        group = table["affiliation_group"]
        standing = table["standing"] if "standing" in table.columns else group.map(standing_of_group)
        country = table["country"] if "country" in table.columns else group.map(country_of_group)
        for name, st, co in zip(table[key], standing, country):
            known[name] = (st, str(co).strip())
    return known


def _is_named(speaker: str, registered: bool) -> bool:
    """False for ``quotes``'s "unattributed" and for an unregistered group of people named by
    their role alone ("Pentagon officials", "US media"): no one in particular speaks."""
    if speaker == ANONYMOUS:
        return False
    if registered:
        return True
    role = _ROLE_HEAD_RE.search(speaker)
    return not (role and (role.group("head").lower().endswith("s") or role.group("head").lower() in ("media", "data")))


def source_rows(quote_rows: pd.DataFrame, articles: pd.DataFrame, figures: pd.DataFrame | None = None,
                institutions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per quotation or reported statement of ``quote_rows`` (the table ``quotes``
    returns), with what the sourcing table counts, so that every number of
    ``sourcing_table`` can be traced to a sentence.

    Columns: ``article_id``, ``sentence_id``, ``start`` (offset of the quoted content),
    ``position`` (1 for the article's first quotation row by offset, 2, ...), ``speaker``,
    ``kind`` (direct, mixed, indirect), ``standing`` (one of ``STANDINGS``: a registered
    person's or body's from ``figures.csv`` / ``institutions.csv``; for a speaker in
    neither, what ``quotes``'s ``affiliation`` implies, ``standing_of_group``), ``country``
    (the registry's, else the country the affiliation names, ``country_of_group``; "" when
    unknown, never guessed), ``origin`` ("domestic" when ``country`` is the article's
    ``outlet_country``, "foreign" when both are known and differ, "unknown" when either is
    empty), ``named`` (False for "unattributed" and for unregistered groups named by role,
    "Pentagon officials") and ``words`` (words of the quoted content or reported clause,
    counted with ``WORD_RE``).

    ``figures`` and ``institutions`` default to the registries ``load_figures`` and
    ``load_institutions`` read. Raises ``ValueError`` for a missing column and for a
    quotation row whose ``article_id`` is not in ``articles`` (naming the row).
    """
    _require(quote_rows, _QUOTE_COLUMNS, "the quotation table")
    _require(articles, ["article_id", "outlet", "outlet_country"], "the articles table")
    figures = load_figures() if figures is None else figures
    institutions = load_institutions() if institutions is None else institutions
    known = _registered(figures, institutions)
    outlet_country = {aid: str(c).strip() for aid, c in zip(articles["article_id"], articles["outlet_country"])}
    rows = []
    ordered = quote_rows.sort_values(["article_id", "start"], kind="stable")
    position: dict = {}
    for i, aid, sid, start, speaker, group, kind, text in ordered[_QUOTE_COLUMNS].itertuples():
        if aid not in outlet_country:
            raise ValueError(f"quotation row {i} (speaker {speaker!r}): article_id {aid!r} "
                             f"is not in the articles table")
        standing, country = known.get(speaker, (standing_of_group(group), country_of_group(group)))
        home = outlet_country[aid]
        origin = "unknown" if not (country and home) else "domestic" if country == home else "foreign"
        position[aid] = position.get(aid, 0) + 1
        rows.append((aid, sid, start, position[aid], speaker, kind, standing, country, origin,
                     _is_named(speaker, speaker in known), len(WORD_RE.findall(str(text)))))
    return pd.DataFrame(rows, columns=SOURCE_ROW_COLUMNS).astype({"position": int, "named": bool, "words": int})


def _share(hits: int, n: int) -> float:
    return hits / n if n >= MIN_SOURCING_ROWS else float("nan")


def sourcing_table(quote_rows: pd.DataFrame, articles: pd.DataFrame, figures: pd.DataFrame | None = None,
                   institutions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article of ``articles`` (in its order): who the article quotes first and
    most, and the shares of its quotation rows by standing, origin and naming, counted over
    ``source_rows`` (which see for how standing, country and named are decided).

    Columns: ``article_id``, ``outlet``, ``outlet_country``, ``rows`` (quotation rows),
    ``sources`` (number of distinct named speakers), ``first_source`` (speaker of the first
    row by offset, "unattributed" included: an article that opens on "officials said" opens
    on an unnamed source), ``first_standing``, ``most_prominent`` (the named speaker with
    the most words over all their rows, direct, mixed and indirect alike: the space the
    article gives them; a tie goes to the speaker quoted first; "unattributed" pools
    different vague sources, so it is never the most prominent), ``prominent_words``,
    ``prominent_standing``, ``official_share`` (rows whose speaker's standing is
    "official"; "state media" is not official), ``foreign_share`` (rows whose origin is
    "foreign"; NaN when the outlet's country is unknown, as no row can be judged),
    ``unknown_country_share`` (rows whose origin is "unknown": counted apart, never
    guessed), ``anonymous_share`` (rows not ``named``). Each share is over all the
    article's rows and is NaN below ``MIN_SOURCING_ROWS`` (3) rows. An article without quotation
    rows has ``rows`` 0, empty speakers, ``prominent_words`` 0 and NaN shares.
    """
    src = source_rows(quote_rows, articles, figures, institutions)
    by_article = dict(tuple(src.groupby("article_id", sort=False)))
    out = []
    for aid, outlet, home in articles[["article_id", "outlet", "outlet_country"]].itertuples(index=False):
        rows = by_article.get(aid, src.iloc[0:0])
        n = len(rows)
        named = rows[rows["named"]]
        first = rows.iloc[0] if n else None
        top, top_words, top_standing = "", 0, ""
        if len(named):
            words = named.groupby("speaker", sort=False).agg(words=("words", "sum"), first=("position", "min"),
                                                              standing=("standing", "first"))
            best = words.sort_values(["words", "first"], ascending=[False, True], kind="stable").iloc[0]
            top, top_words, top_standing = best.name, int(best["words"]), best["standing"]
        home = str(home).strip()
        out.append((aid, outlet, home, n, named["speaker"].nunique(),
                    "" if first is None else first["speaker"], "" if first is None else first["standing"],
                    top, top_words, top_standing,
                    _share(int((rows["standing"] == "official").sum()), n),
                    _share(int((rows["origin"] == "foreign").sum()), n) if home else float("nan"),
                    _share(int((rows["origin"] == "unknown").sum()), n),
                    _share(int((~rows["named"]).sum()), n)))
    return pd.DataFrame(out, columns=SOURCING_COLUMNS)

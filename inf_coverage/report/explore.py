"""Your own question (issue 24): the parameters of ``notebooks/06-explore.ipynb``, checked
against the corpus, and the articles and term occurrences they select (imported by
``helpers``; the notebook uses it as ``h.``, ``scripts/explore.py`` runs it with papermill).

A parameter that cannot be used raises :class:`ParameterError`, whose message names the
parameter and the values it allows. The default figure and claim
(``EXPLORE_DEFAULTS``) are the exception: a corpus whose own registry lacks them gets a
page that says so, not an error; a figure or claim a reader names must exist.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from inf_coverage.extract.claims import load_claims
from inf_coverage.extract.figures import load_figures
from inf_coverage.extract.keyness import kwic
from inf_coverage.report.phrasing import and_list, counted, day_label

#: The notebook's parameters cell holds exactly these values (tests/test_explore.py checks it).
EXPLORE_DEFAULTS: dict = {"OUTLETS": [], "DATE_FROM": "", "DATE_TO": "", "TERMS": ["moratorium"],
                          "FIGURE": "Sergei Ryabkov", "CLAIM": "russia_treaty_status"}
#: Longest search term accepted (a term is searched as literal text, never as a pattern).
MAX_TERM_LENGTH = 100
#: Most search terms in one run.
MAX_TERMS = 20
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
TERM_HIT_COLUMNS = ["term", "article_id", "outlet", "sentence_id", "start", "end", "left", "match", "right"]


class ParameterError(ValueError):
    """A parameter of the explore notebook that cannot be used: the message names the
    parameter and the values it allows."""


def _listed(values, name: str) -> list:
    """A list parameter given as a list, or as one comma-separated string."""
    if isinstance(values, str):
        values = values.split(",")
    if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) for v in values):
        raise ParameterError(f"{name}: give a list of strings (or one comma-separated string), not {values!r}")
    return [v.strip() for v in values if v.strip()]


def _allowed(values) -> str:
    return "; ".join(sorted(values)) or "none"


def _date(value, name: str) -> str:
    if not isinstance(value, str):
        raise ParameterError(f"{name}: give a date as YYYY-MM-DD, or \"\" for no bound, not {value!r}")
    value = value.strip()
    if not value:
        return ""
    try:
        if not _DATE_RE.match(value):
            raise ValueError
        dt.date.fromisoformat(value)
    except ValueError:
        raise ParameterError(f"{name}: {value!r} is not a date; give YYYY-MM-DD (e.g. 2025-08-04), "
                             "or \"\" for no bound") from None
    return value


def _registered(value, name: str, known: dict, default: str, what: str) -> tuple:
    """(the canonical value or "", a note for the page or "") of a figure or claim parameter;
    ``known`` maps each accepted spelling, case-folded, to its canonical value."""
    if not isinstance(value, str):
        raise ParameterError(f"{name}: give one {what} as a string, not {value!r}")
    value = value.strip()
    if not value:
        return "", f"No {what} was asked for ({name} is empty): this section is skipped."
    match = known.get(value.casefold())
    if match is not None:
        return match, ""
    if value == default:
        return "", f"The default {what}, {default}, is not in this corpus's registry: this section is skipped."
    raise ParameterError(f"{name}: unknown {what} {value!r}; this corpus's registry has: "
                         f"{_allowed(set(known.values()))}")


def explore_parameters(articles: pd.DataFrame, outlets=(), date_from: str = "", date_to: str = "",
                       terms=("moratorium",), figure: str = "", claim: str = "",
                       figures: pd.DataFrame | None = None, claims: pd.DataFrame | None = None) -> dict:
    """The explore notebook's parameters checked against the corpus ``articles`` (all of it,
    before any selection) and its registries (``figures``, ``claims``: by default the corpus
    folder's own, else the repo's). Returns a dict: ``outlets`` (list, empty for all),
    ``date_from``, ``date_to`` (ISO dates or ""), ``terms`` (list), ``figure`` and ``claim``
    (the registry's spelling, or "" when the default is absent from this corpus), and
    ``notes`` (sentences for the page). Raises :class:`ParameterError` naming the parameter
    and the values it allows: an outlet the corpus does not have, a date that is not
    YYYY-MM-DD or a range that ends before it starts, no search term or one too long, a
    figure or claim the registries do not hold (aliases and case are accepted)."""
    known_outlets = sorted(set(articles.outlet))
    chosen = _listed(outlets, "OUTLETS")
    unknown = [o for o in chosen if o not in known_outlets]
    if unknown:
        raise ParameterError(f"OUTLETS: unknown outlet {', '.join(map(repr, unknown))}; this corpus's outlets are: "
                             f"{_allowed(known_outlets)} (or [] for all)")
    date_from, date_to = _date(date_from, "DATE_FROM"), _date(date_to, "DATE_TO")
    if date_from and date_to and date_from > date_to:
        raise ParameterError(f"DATE_FROM ({date_from}) is after DATE_TO ({date_to}): "
                             "give a range that ends after it starts")
    words = list(dict.fromkeys(_listed(terms, "TERMS")))
    if not words:
        raise ParameterError("TERMS: give at least one word or phrase to search for (e.g. [\"moratorium\"])")
    too_long = [t for t in words if len(t) > MAX_TERM_LENGTH]
    if too_long or len(words) > MAX_TERMS:
        raise ParameterError(f"TERMS: at most {MAX_TERMS} terms of at most {MAX_TERM_LENGTH} characters each")
    figures = load_figures() if figures is None else figures
    spellings = {a.casefold(): f for f, al in zip(figures.figure, figures.aliases) for a in [f, *al]}
    figure_name, figure_note = _registered(figure, "FIGURE", spellings, EXPLORE_DEFAULTS["FIGURE"], "figure")
    claims = load_claims() if claims is None else claims
    claim_id, claim_note = _registered(claim, "CLAIM", {c.casefold(): c for c in claims.claim_id},
                                       EXPLORE_DEFAULTS["CLAIM"], "claim")
    return {"outlets": chosen, "date_from": date_from, "date_to": date_to, "terms": words, "figure": figure_name,
            "claim": claim_id, "notes": [n for n in (figure_note, claim_note) if n]}


def explore_selection(articles: pd.DataFrame, left_out: pd.DataFrame, params: dict) -> tuple:
    """``(kept, left_out)``: the articles of ``articles`` (an ``analysis_set``) in the outlets
    and dates of ``params`` (``explore_parameters``), and ``left_out`` with a row added for each
    article the parameters leave out (``article_id``, ``outlet``, ``reason``: "outlet not
    selected", "published before DATE_FROM", "published after DATE_TO", "undated, and a date
    range was given"). An undated article is kept only when no date bound is given."""
    rows = []
    for r in articles.itertuples(index=False):
        day = str(r.published or "")
        if params["outlets"] and r.outlet not in params["outlets"]:
            rows.append((r.article_id, r.outlet, "outlet not selected"))
        elif (params["date_from"] or params["date_to"]) and not day:
            rows.append((r.article_id, r.outlet, "undated, and a date range was given"))
        elif params["date_from"] and day < params["date_from"]:
            rows.append((r.article_id, r.outlet, "published before DATE_FROM"))
        elif params["date_to"] and day > params["date_to"]:
            rows.append((r.article_id, r.outlet, "published after DATE_TO"))
    dropped = {a for a, _, _ in rows}
    kept = articles[~articles.article_id.isin(dropped)].reset_index(drop=True)
    more = pd.DataFrame(rows, columns=["article_id", "outlet", "reason"])
    out = pd.concat([left_out, more], ignore_index=True) if len(more) else left_out
    return kept, out.sort_values("article_id", kind="stable").reset_index(drop=True)


def term_pattern(term: str) -> str:
    """``term`` as literal text for ``kwic``: any run of spaces matches any run of white space."""
    return r"\s+".join(re.escape(w) for w in term.split())


def term_hits(sents: pd.DataFrame, terms) -> pd.DataFrame:
    """Every whole-word, case-insensitive occurrence of each of ``terms`` (literal text, see
    ``term_pattern``) in ``sents``: the rows of ``kwic`` with the ``term`` searched first.
    Columns: ``TERM_HIT_COLUMNS`` (``term``, ``article_id``, ``outlet``, ``sentence_id``,
    ``start``, ``end``, ``left``, ``match``, ``right``), in article, then text order."""
    parts = [kwic(sents, term_pattern(t)).assign(term=t) for t in terms]
    if not parts:
        return pd.DataFrame(columns=TERM_HIT_COLUMNS)
    hits = pd.concat(parts, ignore_index=True)[TERM_HIT_COLUMNS]
    order = {a: k for k, a in enumerate(dict.fromkeys(sents.article_id))}
    return (hits.assign(_o=hits.article_id.map(order)).sort_values(["_o", "start", "term"], kind="stable")
            .drop(columns="_o").reset_index(drop=True))



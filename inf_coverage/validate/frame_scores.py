"""Frame functions (docs/frame-functions.md) scored against blind hand coding: the rules of
``frame_functions`` against each coder, and the coders against each other, field by field."""

from __future__ import annotations

import itertools

import pandas as pd

from inf_coverage.core.layout import REPO_DIR, CorpusError
from inf_coverage.core.stats import VERDICT_BANDS
from inf_coverage.extract.frame_functions import frame_functions, headline
from inf_coverage.extract.quotes import quotes
from inf_coverage.extract.voice import sentence_voice
from inf_coverage.ingest.loading import load_corpus
from inf_coverage.ingest.text import sentences
from inf_coverage.validate.agreement import cohen_kappa

#: The coded fields compared, each a label per unit ("" where the function is absent).
FRAME_FIELDS = ["problem", "cause_agent", "cause_voice", "moral_target", "moral_sign", "remedy",
                "distancing_target"]
FRAME_SCORE_COLUMNS = ["field", "pair", "n", "agreement", "kappa", "present_a", "present_b"]
#: Copy the rules were not written on, coded blind by two coders each (docs/validation.md, "Frame
#: functions on unseen copy"), in the order they were used: set -> corpus folder. The last set is
#: the one that measures the rules as they stand; read it for a corpus of your own.
FRAME_FIXTURE_SETS = {
    "first set: the rules revised on it": REPO_DIR / "tests" / "fixtures" / "web_copy_sealed4",
    "second set: scored once, then revised on": REPO_DIR / "tests" / "fixtures" / "web_copy_dev",
    "third set: scored once": REPO_DIR / "tests" / "fixtures" / "web_copy_sealed2",
}
#: Each coded field in words, for tables and sentences.
FRAME_FIELD_LABELS = {"problem": "problem defined", "cause_agent": "cause: who", "cause_voice": "cause: in whose voice",
                      "moral_target": "moral judgement: of whom", "moral_sign": "moral judgement: its sign",
                      "remedy": "remedy", "distancing_target": "distancing: whose claim"}
#: Each coded field as a noun phrase for sentences ("0.55 on causes").
FRAME_FIELD_NOUNS = {"problem": "problem definition", "cause_agent": "causes", "cause_voice": "the voice of causes",
                "moral_target": "moral judgement", "moral_sign": "the sign of moral judgement", "remedy": "remedies",
                "distancing_target": "distancing"}
UNSEEN_COLUMNS = ["set", "field", "units", "unplaced", "coders_kappa", "rules_kappa", "verdict"]
_ABSENT = {"", "none", "0", "nan", "false"}


def _labels(table: pd.DataFrame, name: str) -> pd.DataFrame:
    missing = [c for c in ["article_id", "sentence_id", *FRAME_FIELDS] if c not in table.columns]
    if missing:
        raise CorpusError(f"{name}: missing column(s) {', '.join(missing)}")
    out = table[["article_id", "sentence_id", *FRAME_FIELDS]].copy()
    out["sentence_id"] = out["sentence_id"].astype(int)
    for f in FRAME_FIELDS:
        out[f] = ["" if str(v).strip().lower() in _ABSENT else str(v).strip().lower() for v in out[f]]
    dup = out.duplicated(["article_id", "sentence_id"])
    if dup.any():
        r = out[dup].iloc[0]
        raise CorpusError(f"{name}: unit {r.article_id}:{r.sentence_id} is coded twice")
    return out.set_index(["article_id", "sentence_id"])


def score_frame_functions(codings: dict) -> pd.DataFrame:
    """Agreement of every pair of ``codings`` (name -> a table with ``article_id``,
    ``sentence_id`` and the ``FRAME_FIELDS``: the rows of ``frame_functions`` or a coder's
    CSV), field by field, over the units both coded. "none", "0" and empty all mean the
    function is absent. Columns: ``field``, ``pair`` ("a vs b"), ``n`` (units both coded),
    ``agreement`` (share of units with the same label), ``kappa`` (Cohen's kappa; NaN when
    it is undefined) and ``present_a``/``present_b`` (units each side coded the function
    present). Raises ``CorpusError`` naming the coding and the missing column or the unit
    coded twice."""
    tables = {name: _labels(t, name) for name, t in codings.items()}
    rows = []
    for (na, a), (nb, b) in itertools.combinations(tables.items(), 2):
        both = a.index.intersection(b.index)
        for f in FRAME_FIELDS:
            x, y = list(a.loc[both, f]), list(b.loc[both, f])
            n = len(both)
            rows.append({"field": f, "pair": f"{na} vs {nb}", "n": n,
                         "agreement": round(sum(p == q for p, q in zip(x, y)) / n, 2) if n else float("nan"),
                         "kappa": round(cohen_kappa(x, y), 2),
                         "present_a": sum(v != "" for v in x), "present_b": sum(v != "" for v in y)})
    return pd.DataFrame(rows, columns=FRAME_SCORE_COLUMNS)


def load_frame_codings(corpus_dir) -> dict:
    """The blind frame-function codings of a corpus: every ``coder-*.csv`` of
    ``<corpus>/annotations/frame_functions/``, name (the file's stem) -> its table, read as
    text. Empty for a corpus without the folder. Raises ``CorpusError`` naming the file and
    the missing column."""
    from pathlib import Path

    folder = Path(corpus_dir) / "annotations" / "frame_functions"
    out = {}
    for path in sorted(folder.glob("coder-*.csv")) if folder.is_dir() else []:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        _labels(table, str(path))
        out[path.stem] = table
    return out


def frame_units(articles: pd.DataFrame, sents: pd.DataFrame | None = None) -> dict:
    """article_id -> [(sentence_id, text)] of the units ``frame_functions`` codes: the
    headline (title or detected title) as 0, then every sentence of ``sents``
    (``sentences(articles)`` when None)."""
    sents = sentences(articles) if sents is None else sents
    out: dict = {}
    for art in articles.itertuples(index=False):
        head = headline(art)
        out[art.article_id] = [(0, head)] if head else []
    for aid, sid, text in sents[["article_id", "sentence_id", "text"]].itertuples(index=False):
        out.setdefault(aid, []).append((int(sid), str(text)))
    return out


def align_frame_coding(coding: pd.DataFrame, units: dict) -> tuple:
    """A coding keyed to the units as they are now: each row's ``text`` (when the coding
    has that column) is found among its article's ``units`` (``frame_units``; spaces
    normalised), the nearest to its old number when it occurs twice (each unit taken once), and takes that unit's
    ``sentence_id``, so a change of cleaning that removes or splits lines elsewhere in the
    article cannot shift the codes onto other sentences. Returns ``(aligned, unplaced)``:
    the rows placed, and how many rows' texts are no unit now (a line cleaning now removes
    as furniture); a coding without ``text`` is returned as it is."""
    if "text" not in coding.columns:
        return coding, 0
    def norm(t):
        return " ".join(str(t).split())
    rows, unplaced, taken = [], 0, set()
    for rec in coding.to_dict("records"):
        old = int(rec["sentence_id"])
        hits = [sid for sid, t in units.get(rec["article_id"], [])
                if norm(t) == norm(rec["text"]) and (rec["article_id"], sid) not in taken]
        if not hits:            # no unit holds it now, or its twin took the one that does
            unplaced += 1
            continue
        sid = min(hits, key=lambda k: abs(k - old))
        taken.add((rec["article_id"], sid))
        rows.append({**rec, "sentence_id": sid})
    return pd.DataFrame(rows, columns=coding.columns), unplaced


def frame_scores_on(corpus_dir) -> pd.DataFrame:
    """The rules of ``frame_functions`` against every blind coding of ``corpus_dir``
    (``load_frame_codings``), and the coders against each other, on the articles coded:
    ``score_frame_functions`` of the codings (each aligned to the units by its ``text``,
    ``align_frame_coding``) and the rules (as "rules"). ``attrs["unplaced"]`` holds the
    largest number of a coding's rows no unit holds now. Empty (its columns) for a corpus
    without codings. Raises ``CorpusError`` when a coding names an article the corpus lacks."""
    codings = load_frame_codings(corpus_dir)
    if not codings:
        return pd.DataFrame(columns=FRAME_SCORE_COLUMNS)
    coded = sorted({a for t in codings.values() for a in t.article_id})
    articles = load_corpus(corpus_dir)
    missing = sorted(set(coded) - set(articles.article_id))
    if missing:
        raise CorpusError(f"{corpus_dir}: the frame codings name article(s) not in the corpus: {', '.join(missing)}")
    articles = articles[articles.article_id.isin(coded)].reset_index(drop=True)
    sents = sentences(articles)
    rules = frame_functions(sents, sentence_voice(sents, quotes(articles)), articles)
    units = frame_units(articles, sents)
    aligned = {name: align_frame_coding(t, units) for name, t in codings.items()}
    scores = score_frame_functions({**{n: a for n, (a, _) in aligned.items()}, "rules": rules.astype(str)})
    scores.attrs["unplaced"] = max(u for _, u in aligned.values())
    return scores


def frame_scores_unseen(sets: dict | None = None) -> pd.DataFrame:
    """How the frame-function rules read copy they were not written on: for each set of
    ``sets`` (name -> corpus folder; ``FRAME_FIXTURE_SETS`` by default) and each field, the
    coders' kappa with each other and the rules' mean kappa with the coders, banded by
    ``VERDICT_BANDS``. Columns: ``set``, ``field``, ``units`` (scored), ``unplaced`` (coded
    units no unit of the current cleaning holds: lines now removed as furniture), ``coders_kappa``,
    ``rules_kappa`` (the mean of the rules-vs-coder pairs, rounded to 2), ``verdict``."""
    rows = []
    for name, folder in (FRAME_FIXTURE_SETS if sets is None else sets).items():
        scores = frame_scores_on(folder)
        for field in FRAME_FIELDS:
            f = scores[scores.field == field]
            ruled = f[f.pair.str.endswith(" vs rules")]
            coders = f[~f.pair.str.contains("rules")]
            kappa = round(float(ruled.kappa.mean()), 2)
            verdict = next(label for label, lo, hi in VERDICT_BANDS
                           if (lo is None or kappa >= lo) and (hi is None or kappa < hi))
            rows.append((name, field, int(f.n.max()), int(scores.attrs.get("unplaced", 0)),
                         round(float(coders.kappa.mean()), 2), kappa, verdict))
    return pd.DataFrame(rows, columns=UNSEEN_COLUMNS)


def unseen_caveat(fields: list, scores: pd.DataFrame | None = None) -> str:
    """What a finding resting on frame-function ``fields`` must add about copy the rules were
    not written on: the rules' kappa on the last set of ``FRAME_FIXTURE_SETS`` (the one scored
    once at the end; ``scores`` is ``frame_scores_unseen()`` when None) for each
    field, with the lowest verdict, as a sentence in brackets; "" when every field is usable."""
    scores = frame_scores_unseen() if scores is None else scores
    last = scores[scores.set == scores.set.iloc[-1]].set_index("field")
    rank = {label: k for k, (label, _, _) in enumerate(VERDICT_BANDS)}
    worst = min((str(last.at[f, "verdict"]) for f in fields), key=lambda v: rank[v])
    if worst == VERDICT_BANDS[-1][0]:
        return ""
    parts = [f"{last.at[f, 'rules_kappa']:.2f} on {FRAME_FIELD_NOUNS[f]}, "
             f"{str(last.at[f, 'verdict']).replace(' on this corpus', '')}" for f in fields]
    return (f" (On copy the rules were not written on, they agree with blind coders at kappa "
            f"{', and '.join(parts)}: read as indicative.)")

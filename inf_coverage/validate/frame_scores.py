"""Frame functions (docs/frame-functions.md) scored against blind hand coding: the rules of
``frame_functions`` against each coder, and the coders against each other, field by field."""

from __future__ import annotations

import itertools

import pandas as pd

from inf_coverage.core.layout import CorpusError
from inf_coverage.validate.agreement import cohen_kappa

#: The coded fields compared, each a label per unit ("" where the function is absent).
FRAME_FIELDS = ["problem", "cause_agent", "cause_voice", "moral_target", "moral_sign", "remedy",
                "distancing_target"]
FRAME_SCORE_COLUMNS = ["field", "pair", "n", "agreement", "kappa", "present_a", "present_b"]
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

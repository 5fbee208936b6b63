"""Agreement statistics shared by every scored method: the score table's columns, one row of
it, precision/recall/F1 from counts, Cohen's kappa, and the plain verdict bands."""

from __future__ import annotations

import numpy as np
import pandas as pd

from inf_coverage.core.stats import MIN_ARTICLES_FOR_INTERVAL, VERDICT_BANDS

#: Cluster-bootstrap draws and seed for the pooled intervals (articles resampled).
N_BOOT = 2000
BOOT_SEED = 20250804

SCORE_COLUMNS = ["method", "article_id", "metric", "value", "n", "ci_low", "ci_high",
                 "n_gold", "n_tool", "matched"]


def verdict(score) -> str:
    """The plain verdict on an agreement score (F1, kappa): "usable" (>= 0.8), "usable with
    care" (0.6 to 0.8), "not reliable on this corpus" (below 0.6), as ``VERDICT_BANDS``
    says; "" for no score."""
    if score is None or pd.isna(score):
        return ""
    return next(name for name, lo, hi in VERDICT_BANDS if (lo is None or score >= lo) and (hi is None or score < hi))


def prf(matched: int, n_gold: int, n_tool: int) -> tuple:
    """Precision, recall and F1 from counts (NaN where undefined)."""
    p = matched / n_tool if n_tool else float("nan")
    r = matched / n_gold if n_gold else float("nan")
    f = 2 * matched / (n_gold + n_tool) if n_gold + n_tool else float("nan")
    return p, r, f


def cohen_kappa(a, b) -> float:
    """Cohen's kappa of two equal-length label sequences: (po - pe) / (1 - pe); NaN for no
    pairs, or when both raters use one and the same label throughout (pe = 1)."""
    a, b = list(a), list(b)
    n = len(a)
    if n == 0 or n != len(b):
        return float("nan")
    po = sum(x == y for x, y in zip(a, b)) / n
    labels = set(a) | set(b)
    pe = sum((a.count(k) / n) * (b.count(k) / n) for k in labels)
    return float("nan") if pe == 1 else (po - pe) / (1 - pe)


def score_row(method, aid, metric, value, n, lo=float("nan"), hi=float("nan"), n_gold=None, n_tool=None,
              matched=None) -> dict:
    """One row of a score table (``SCORE_COLUMNS``) as a dict."""
    return {"method": method, "article_id": aid, "metric": metric, "value": value, "n": n,
            "ci_low": lo, "ci_high": hi, "n_gold": n_gold, "n_tool": n_tool, "matched": matched}


def finish_scores(rows) -> pd.DataFrame:
    """Rows of ``score_row`` as the score table: columns ``SCORE_COLUMNS`` (``method``,
    ``article_id``, ``metric``, ``value``, ``n``, ``ci_low``, ``ci_high``, ``n_gold``,
    ``n_tool``, ``matched``), values rounded to 3 places, counts as nullable integers."""
    out = pd.DataFrame(rows, columns=SCORE_COLUMNS)
    for c in ["value", "ci_low", "ci_high"]:
        out[c] = out[c].astype(float).round(3)
    for c in ["n", "n_gold", "n_tool", "matched"]:
        out[c] = out[c].astype("Int64")
    return out


def interval(per_article: dict, statistic, n_boot=N_BOOT, seed=BOOT_SEED) -> tuple:
    """Cluster bootstrap over articles: resample whole articles with replacement and
    recompute ``statistic`` on the pooled units; 2.5th and 97.5th percentiles. NaN when
    fewer than ``MIN_ARTICLES_FOR_INTERVAL`` articles."""
    keys = sorted(per_article)
    if len(keys) < MIN_ARTICLES_FOR_INTERVAL:
        return float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(n_boot):
        pick = rng.integers(0, len(keys), size=len(keys))
        draws.append(statistic([per_article[keys[k]] for k in pick]))
    values = np.asarray(draws, dtype=float)
    values = values[~np.isnan(values)]
    if not len(values):
        return float("nan"), float("nan")
    return float(np.quantile(values, 0.025)), float(np.quantile(values, 0.975))

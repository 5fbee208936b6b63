"""Small statistics shared by the extractors and the validation: bootstrap means and the
minimum sizes below which no interval is given."""

from __future__ import annotations

import numpy as np
import pandas as pd


def bootstrap_mean(values, n_boot: int = 5000, seed: int = 20250804, level: float = 0.95):
    """Mean of ``values`` with a percentile bootstrap confidence interval, from a fixed
    seed so the same values always give the same interval. Returns (mean, low, high);
    all three NaN for no values, the interval NaN for a single value."""
    x = np.asarray(values, dtype=float)
    if len(x) == 0:
        return (float("nan"),) * 3
    if len(x) == 1:
        return float(x[0]), float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(n_boot, len(x)))].mean(axis=1)
    tail = (1 - level) / 2
    return float(x.mean()), float(np.quantile(means, tail)), float(np.quantile(means, 1 - tail))


MIN_SENTENCES_FOR_INTERVAL = 10
# MIN_ARTICLES_FOR_INTERVAL (5, below): 05-validation and the sentiment summaries draw
# intervals by the same rule


def cluster_bootstrap_mean(values, clusters, n_boot: int = 5000, seed: int = 20250804, level: float = 0.95):
    """Mean of ``values`` with a percentile bootstrap interval that resamples whole
    clusters (articles), not single values: sentences of one article are not independent.
    Returns (mean, low, high) from a fixed seed."""
    x = np.asarray(values, dtype=float)
    keys = pd.Index(pd.unique(np.asarray(clusters)))
    codes = keys.get_indexer(np.asarray(clusters))
    sums, counts = np.bincount(codes, weights=x), np.bincount(codes)
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(keys), size=(n_boot, len(keys)))
    means = sums[pick].sum(axis=1) / counts[pick].sum(axis=1)
    tail = (1 - level) / 2
    return float(x.mean()), float(np.quantile(means, tail)), float(np.quantile(means, 1 - tail))


#: Fewest articles a pooled interval resamples: the one rule for 05-validation's scores and
#: the sentiment summaries.
MIN_ARTICLES_FOR_INTERVAL = 5


#: The plain verdicts on an agreement score (F1, kappa) against hand coding, worst first:
#: (name, lower bound, upper bound). ``validate.annotations.verdict`` applies them; findings
#: compare bands by this order.
VERDICT_BANDS = [("not reliable on this corpus", None, 0.6), ("usable with care", 0.6, 0.8), ("usable", 0.8, None)]

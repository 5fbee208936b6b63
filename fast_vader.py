"""Facade: the exact fast VADER lives in ``inf_coverage.extract.fast_vader``.
"""

from inf_coverage.extract.fast_vader import (
    FastSentimentIntensityAnalyzer, NLTK_VERSION,
)

__all__ = [
    "FastSentimentIntensityAnalyzer", "NLTK_VERSION",
]

"""Facade: the exact fast VADER lives in ``inf_coverage.extract.fast_vader``.
"""

from inf_coverage.extract.fast_vader import NLTK_VERSION, FastSentimentIntensityAnalyzer

__all__ = [
    "FastSentimentIntensityAnalyzer", "NLTK_VERSION",
]

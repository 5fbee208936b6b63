"""Facade: findings live in ``inf_coverage.report.findings``; the corpus fingerprint in
``inf_coverage.core.layout``.
"""

from inf_coverage.core.layout import (
    fingerprint, SEED_FINGERPRINT,
)
from inf_coverage.report.findings import (
    expect, FindingError, Findings, FINDINGS_COLUMNS,
)

__all__ = [
    "expect", "FindingError", "Findings", "FINDINGS_COLUMNS", "fingerprint", "SEED_FINGERPRINT",
]

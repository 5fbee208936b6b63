"""Facade: findings live in ``inf_coverage.report.findings``; the corpus fingerprint in
``inf_coverage.core.layout``.
"""

from inf_coverage.core.layout import SEED_FINGERPRINT, fingerprint
from inf_coverage.report.findings import FINDINGS_COLUMNS, FindingError, Findings, expect

__all__ = [
    "expect", "FindingError", "Findings", "FINDINGS_COLUMNS", "fingerprint", "SEED_FINGERPRINT",
]

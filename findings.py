"""Facade: findings live in ``inf_coverage.report.findings``; the corpus fingerprint in
``inf_coverage.core.layout``.
"""

from inf_coverage.core.layout import SEED_FINGERPRINT, fingerprint
from inf_coverage.report.findings import (
    EVIDENCE_LEADS,
    FINDINGS_COLUMNS,
    MAX_EVIDENCE_SHOWN,
    FindingError,
    Findings,
    evidence_by_article,
    evidence_html,
    evidence_keys,
    evidence_text,
    expect,
)

__all__ = [
    "EVIDENCE_LEADS", "evidence_by_article", "evidence_html", "evidence_keys", "evidence_text", "expect",
    "FindingError", "Findings", "FINDINGS_COLUMNS", "fingerprint", "MAX_EVIDENCE_SHOWN", "SEED_FINGERPRINT",
]

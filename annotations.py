"""Facade: hand coding and validation live in ``inf_coverage.validate.annotations``.
"""

from inf_coverage.core.stats import (
    MIN_ARTICLES_FOR_INTERVAL,
)
from inf_coverage.validate.annotations import (
    AFFILIATIONS, anchor, anchor_folder, ANNOTATION_KINDS, annotations_dir, articles_of,
    BASE_COLUMNS, BOOT_SEED, canonical_speaker, coded_articles, cohen_kappa, EXPORT_COLUMNS,
    FRAMES, HEADLINE, inter_coder, LABEL_KINDS, load_annotations, match_spans, method_verdicts,
    N_BOOT, OPTIONAL_COLUMNS, PLAIN_KINDS, prf, RAW_KINDS, score, SCORE_COLUMNS, score_labels,
    score_sentences, score_spans, SENTENCE_KINDS, sentiment_label, SENTIMENT_THRESHOLD, SPAN_KINDS,
    tool_annotations, TOOL_FRAME_NAMES, verdict, VOCABULARIES, with_verdicts, write_annotations,
)

__all__ = [
    "AFFILIATIONS", "anchor", "anchor_folder", "ANNOTATION_KINDS", "annotations_dir",
    "articles_of", "BASE_COLUMNS", "BOOT_SEED", "canonical_speaker", "coded_articles",
    "cohen_kappa", "EXPORT_COLUMNS", "FRAMES", "HEADLINE", "inter_coder", "LABEL_KINDS",
    "load_annotations", "match_spans", "method_verdicts", "MIN_ARTICLES_FOR_INTERVAL", "N_BOOT",
    "OPTIONAL_COLUMNS", "PLAIN_KINDS", "prf", "RAW_KINDS", "score", "SCORE_COLUMNS",
    "score_labels", "score_sentences", "score_spans", "SENTENCE_KINDS", "sentiment_label",
    "SENTIMENT_THRESHOLD", "SPAN_KINDS", "tool_annotations", "TOOL_FRAME_NAMES", "verdict",
    "VOCABULARIES", "with_verdicts", "write_annotations",
]

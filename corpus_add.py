"""Facade: the web-page import lives in ``inf_coverage.ingest.webimport``, reading pages and
languages in ``inf_coverage.ingest.language``, copy groups in ``inf_coverage.ingest.copies``.
"""

from inf_coverage.ingest.copies import (
    COPY_GROUP_COLUMNS,
    EXACT_PAIRS_UP_TO,
    LSH_ROWS,
    MIN_SHINGLES,
    MINHASH_PERMUTATIONS,
    NEAR_CONTAINMENT,
    NEAR_JACCARD,
    SHINGLE_WORDS,
    _minhash,
    copy_groups,
    normalised_words,
    shingle_sets,
    similar_pairs,
    text_key,
)
from inf_coverage.ingest.language import (
    HTML_SUFFIXES,
    MAX_NESTING,
    MIN_WORDS_FOR_LANGUAGE,
    PRESCAN_BYTES,
    TEXT_SUFFIXES,
    declared_charset,
    declared_language,
    decode_page,
    detect_language,
    nesting_depth,
    sniff_kind,
)
from inf_coverage.ingest.webimport import (
    ADDED_COLUMNS,
    ADDED_REPORT_COLUMNS,
    MAX_ID_LENGTH,
    METADATA_KEYS,
    MIN_BODY_WORDS,
    OVERRIDE_COLUMNS,
    STAGING,
    Refusal,
    _commit_csv,
    _place,
    add_articles,
    collect_paths,
    corpus_lock,
    extract_page,
    make_article_id,
    prepare,
    recover,
    slug_words,
    trafilatura_version,
)

__all__ = [
    "_commit_csv", "_minhash", "_place", "add_articles", "ADDED_COLUMNS", "ADDED_REPORT_COLUMNS",
    "collect_paths", "COPY_GROUP_COLUMNS", "copy_groups", "corpus_lock", "declared_charset",
    "declared_language", "decode_page", "detect_language", "EXACT_PAIRS_UP_TO", "extract_page",
    "HTML_SUFFIXES", "LSH_ROWS", "MAX_NESTING", "nesting_depth", "make_article_id", "MAX_ID_LENGTH", "METADATA_KEYS",
    "MIN_BODY_WORDS", "MIN_SHINGLES", "MIN_WORDS_FOR_LANGUAGE", "MINHASH_PERMUTATIONS",
    "NEAR_CONTAINMENT", "NEAR_JACCARD", "normalised_words", "OVERRIDE_COLUMNS", "prepare",
    "PRESCAN_BYTES", "recover", "Refusal", "shingle_sets", "SHINGLE_WORDS", "similar_pairs",
    "slug_words", "sniff_kind", "STAGING", "text_key", "TEXT_SUFFIXES", "trafilatura_version",
]

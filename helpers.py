"""The notebooks' ``import helpers as h``: a facade over the ``inf_coverage`` package.

It defines nothing; it re-exports the names the notebooks, scripts and tests use, from the
modules that define them. The package's layers, bottom to top: ``core`` (layout, limits,
small statistics), ``ingest`` (cleaning, sentences, loading, registries, copies, web import),
``extract`` (one module per question), ``report`` (exports, tables, charts, findings) and
``validate`` (hand coding). See ``inf_coverage/__init__.py``.
"""

from inf_coverage.core.layout import (
    _registry_path, ARTICLE_ID_RE, corpus_dir, corpus_fingerprint, CorpusError, DEFAULT_CORPUS_DIR,
    DEFAULT_REPORT_DIR, fingerprint, MAX_ARTICLE_ID_LENGTH, NON_EMPTY_COLUMNS, output_dir, REGISTRY_FILES, REPO_DIR,
    REQUIRED_COLUMNS, split_list,
)
from inf_coverage.core.stats import (
    bootstrap_mean, cluster_bootstrap_mean, MIN_ARTICLES_FOR_INTERVAL, MIN_SENTENCES_FOR_INTERVAL,
)
from inf_coverage.ingest.cleaning import (
    clean_text, detected_title, FURNITURE_RULES, is_hard_wrapped, MAX_FURNITURE_LINE,
    MAX_HEADER_LINES, printed_urls,
)
from inf_coverage.ingest.patterns import (
    _CASE_TRAP_RE, _maybe_matching, _pattern_literals, _prefilter_text, check_name, check_owners,
    check_pattern, FUNCTION_WORDS, MAX_PATTERN_LENGTH, MAX_PATTERN_REPEAT,
)
from inf_coverage.ingest.text import (
    _sentence_spans, ABBREVIATIONS, count_table, evidence, SENTENCE_STARTERS, sentences, tokens,
    WORD_RE,
)
from inf_coverage.ingest.copies import (
    copy_groups,
)
from inf_coverage.ingest.loading import (
    check_published, clean_article, EARLIEST_PUBLISHED, load_corpus, MAX_ARTICLE_BYTES,
    read_article, read_csv_table, read_metadata, removed_spans,
)
from inf_coverage.ingest.registries import (
    load_reference, read_registry,
)
from inf_coverage.ingest.selection import (
    analysis_set, coverage_timeline, DECISION_DATE, english_only, not_english, NothingToAnalyse,
    one_per_copy_group, require_articles, TIMELINE_COLUMNS,
)
from inf_coverage.ingest.webimport import (
    add_articles,
)
from inf_coverage.extract.figures import (
    _capitalised_word_before, AFFILIATION_GROUPS, cooccurrences, FIGURE_COLUMNS, figure_mentions,
    first_mentions, load_figures, mention_sentences, mentions_by_outlet, ORG_HEADS, ROLE_WORDS,
    surface_forms, TITLE_WORDS,
)
from inf_coverage.extract.speakers import (
    _ends_attribution, ATTRIBUTION_VERBS, INSTITUTION_COLUMNS, load_institutions, MAX_PER_SENTENCE,
    PARTICIPLES, person_name, quote_spans, title_group, TITLE_GROUPS, WINDOW,
)
from inf_coverage.extract.quotes import (
    _speech_share, group_label, GROUP_LABELS, is_name_in_quotes, MAX_ATTRIBUTION_WORDS, quotes,
    scare_quotes, sentence_voice, speech,
)
from inf_coverage.extract.ranges import (
    _conversion_tolerance, band_agrees, check_ranges, KM_PER_MILE,
    load_systems, MAX_DISTANCE_KM, place_mentions, PLACES, range_claims, RANGE_CLASSES,
    status_claims, system_mentions,
)
from inf_coverage.extract.discovery import (
    discover_names, discovery_scores, names_gold, NOT_NAME_WORDS, SPEECH_VERBS,
)
from inf_coverage.extract.framing import (
    _agent, blame_by_article, blame_statements, FRAME_COLUMNS, frame_hits, frame_label,
    frame_profile, HEDGES, hedges, load_frames, VIOLATION_RE,
)
from inf_coverage.extract.keyness import (
    keyness, keyness_counts, keyness_from_counts, keyness_terms, kwic, STOPWORDS, TERM_VARIANTS,
)
from inf_coverage.extract.fast_vader import (
    FastSentimentIntensityAnalyzer,
)
from inf_coverage.extract.sentiment import (
    actor_targets, afinn_scores, DOMAIN_MISREADS, lexicon_contributions, method_agreement,
    sentiment, sentiment_summary, vader,
)
from inf_coverage.extract.events import (
    _DATE_RE, _resolve_date, _same_date, date_period, event_claims, load_event_types,
    MAX_DATE_LINE_WORDS,
)
from inf_coverage.extract.claims import (
    article_subject_date, CHECK_COLUMNS, claim_checks, CLAIM_COLUMNS, claim_matrix,
    claim_omissions, claim_tally, CLAIM_VERDICTS, load_claims, load_reference_quotes,
    OFFICIAL_GROUPS, REFERENCE_QUOTE_COLUMNS,
)
from inf_coverage.report.export import (
    export_csv, FORMULA_LEADS, spreadsheet_safe,
)
from inf_coverage.report.tables import (
    EMPTY_TABLE_TEXT, kwic_view, MAX_TABLE_ROWS, SAMPLE_ROWS, show_all_rows, show_table,
    ShownTable,
)
from inf_coverage.report.charts import (
    article_labels, chart_marks, chart_text, fold_other, NO_MARKS_TEXT, OTHER, OTHER_COLOUR,
    PAGE_DPI, palette, PALETTES, PUBLICATION_WIDTH_PX, publish_figure, save_figure, text_colour,
)
from inf_coverage.report.findings import (
    expect, FindingError, Findings,
)
from inf_coverage.validate.annotations import (
    method_verdicts,
)

__all__ = [
    "_agent", "_capitalised_word_before", "_CASE_TRAP_RE", "_conversion_tolerance", "_DATE_RE",
    "_ends_attribution", "_maybe_matching", "_pattern_literals", "_prefilter_text",
    "_registry_path", "_resolve_date", "_same_date", "_sentence_spans", "_speech_share",
    "ABBREVIATIONS", "actor_targets", "add_articles", "AFFILIATION_GROUPS", "afinn_scores",
    "analysis_set", "MAX_ARTICLE_ID_LENGTH", "NothingToAnalyse", "require_articles", "ARTICLE_ID_RE", "article_labels", "article_subject_date", "ATTRIBUTION_VERBS",
    "band_agrees", "blame_by_article", "blame_statements", "bootstrap_mean", "chart_marks",
    "chart_text", "CHECK_COLUMNS", "check_name", "check_owners", "check_pattern",
    "check_published", "check_ranges", "claim_checks", "CLAIM_COLUMNS", "claim_matrix",
    "claim_omissions", "claim_tally", "CLAIM_VERDICTS", "clean_article", "clean_text",
    "cluster_bootstrap_mean", "cooccurrences", "copy_groups", "corpus_dir", "corpus_fingerprint",
    "CorpusError", "count_table", "coverage_timeline", "date_period",
    "DECISION_DATE", "DEFAULT_CORPUS_DIR", "DEFAULT_REPORT_DIR", "detected_title",
    "discover_names", "discovery_scores", "DOMAIN_MISREADS", "EARLIEST_PUBLISHED",
    "EMPTY_TABLE_TEXT", "english_only", "event_claims", "evidence", "expect", "export_csv",
    "FastSentimentIntensityAnalyzer", "FIGURE_COLUMNS", "figure_mentions",
    "FindingError", "Findings", "fingerprint", "first_mentions", "fold_other", "FORMULA_LEADS",
    "FRAME_COLUMNS", "frame_hits", "frame_label", "frame_profile", "FUNCTION_WORDS",
    "FURNITURE_RULES", "group_label", "GROUP_LABELS", "HEDGES", "hedges", "INSTITUTION_COLUMNS",
    "is_hard_wrapped", "is_name_in_quotes", "keyness", "keyness_counts", "keyness_from_counts",
    "keyness_terms", "KM_PER_MILE", "kwic", "kwic_view", "lexicon_contributions", "load_claims",
    "load_corpus", "load_event_types", "load_figures", "load_frames", "load_institutions",
    "load_reference", "load_reference_quotes", "load_systems", "MAX_ARTICLE_BYTES",
    "MAX_ATTRIBUTION_WORDS", "MAX_DATE_LINE_WORDS", "MAX_DISTANCE_KM", "MAX_FURNITURE_LINE",
    "MAX_HEADER_LINES", "MAX_PATTERN_LENGTH", "MAX_PATTERN_REPEAT", "MAX_PER_SENTENCE",
    "MAX_TABLE_ROWS", "mention_sentences", "mentions_by_outlet", "method_agreement",
    "method_verdicts", "MIN_ARTICLES_FOR_INTERVAL", "MIN_SENTENCES_FOR_INTERVAL", "names_gold",
    "NO_MARKS_TEXT", "NON_EMPTY_COLUMNS", "not_english", "NOT_NAME_WORDS", "OFFICIAL_GROUPS",
    "one_per_copy_group", "ORG_HEADS", "OTHER", "OTHER_COLOUR", "output_dir", "PAGE_DPI",
    "palette", "PALETTES", "PARTICIPLES", "person_name", "place_mentions", "PLACES",
    "printed_urls", "PUBLICATION_WIDTH_PX", "publish_figure", "quote_spans", "quotes",
    "range_claims", "RANGE_CLASSES", "read_article", "read_csv_table", "read_metadata",
    "read_registry", "REFERENCE_QUOTE_COLUMNS", "removed_spans", "REGISTRY_FILES", "REPO_DIR", "REQUIRED_COLUMNS",
    "ROLE_WORDS", "SAMPLE_ROWS", "save_figure", "scare_quotes", "SENTENCE_STARTERS",
    "sentence_voice", "sentences", "sentiment", "sentiment_summary", "show_all_rows", "show_table",
    "ShownTable", "speech", "SPEECH_VERBS", "split_list", "spreadsheet_safe", "status_claims",
    "STOPWORDS", "surface_forms", "system_mentions", "TERM_VARIANTS", "text_colour",
    "TIMELINE_COLUMNS", "title_group", "TITLE_GROUPS", "TITLE_WORDS", "tokens", "vader",
    "VIOLATION_RE", "WINDOW", "WORD_RE",
]

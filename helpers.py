"""The notebooks' ``import helpers as h``: a facade over the ``inf_coverage`` package.

It defines nothing; it re-exports the names the notebooks, scripts and tests use, from the
modules that define them. The package's layers, bottom to top: ``core`` (layout, limits,
small statistics), ``ingest`` (cleaning, sentences, loading, registries, copies, web import),
``extract`` (one module per question), ``report`` (exports, tables, charts, findings) and
``validate`` (hand coding). See ``inf_coverage/__init__.py``.
"""

from inf_coverage.core.layout import (
    ARTICLE_ID_RE,
    DEFAULT_CORPUS_DIR,
    DEFAULT_REPORT_DIR,
    MAX_ARTICLE_ID_LENGTH,
    NON_EMPTY_COLUMNS,
    REGISTRY_FILES,
    REPO_DIR,
    REQUIRED_COLUMNS,
    CorpusError,
    _registry_path,
    corpus_dir,
    corpus_fingerprint,
    fingerprint,
    output_dir,
    split_list,
)
from inf_coverage.core.stats import (
    MIN_ARTICLES_FOR_INTERVAL,
    MIN_SENTENCES_FOR_INTERVAL,
    bootstrap_mean,
    cluster_bootstrap_mean,
)
from inf_coverage.extract.affiliations import TITLE_GROUPS, title_group
from inf_coverage.extract.claims import (
    CHECK_COLUMNS,
    CLAIM_COLUMNS,
    CLAIM_VERDICTS,
    ERROR_VERDICTS,
    GRID_GROUPS,
    GRID_ORDER,
    OFFICIAL_GROUPS,
    REFERENCE_QUOTE_COLUMNS,
    article_subject_date,
    claim_checks,
    claim_matrix,
    claim_omissions,
    claim_tally,
    claims_said,
    load_claims,
    load_reference_quotes,
    verdict_grid,
)
from inf_coverage.extract.discovery import NOT_NAME_WORDS, SPEECH_VERBS, discover_names, discovery_scores, names_gold
from inf_coverage.extract.events import (
    _DATE_RE,
    MAX_DATE_LINE_WORDS,
    _resolve_date,
    _same_date,
    date_period,
    event_claims,
    load_event_types,
)
from inf_coverage.extract.fast_vader import FastSentimentIntensityAnalyzer
from inf_coverage.extract.fidelity import (
    FIDELITY_COLUMNS,
    FIDELITY_VERDICTS,
    compare_quote,
    meaning_units,
    quote_fidelity,
)
from inf_coverage.extract.figures import (
    AFFILIATION_GROUPS,
    FIGURE_COLUMNS,
    ORG_HEADS,
    ROLE_WORDS,
    TITLE_WORDS,
    _capitalised_word_before,
    cooccurrences,
    figure_mentions,
    first_mentions,
    load_figures,
    mention_sentences,
    mentions_by_outlet,
    surface_forms,
)
from inf_coverage.extract.frame_functions import FRAME_FUNCTION_COLUMNS, frame_function_profile, frame_functions
from inf_coverage.extract.framing import (
    DISTANCING_HEDGES,
    FRAME_COLUMNS,
    HEDGES,
    VIOLATION_RE,
    _agent,
    blame_by_article,
    blame_statements,
    frame_hits,
    frame_label,
    frame_profile,
    hedges,
    load_frames,
)
from inf_coverage.extract.keyness import (
    STOPWORDS,
    TERM_VARIANTS,
    keyness,
    keyness_counts,
    keyness_from_counts,
    keyness_terms,
    kwic,
)
from inf_coverage.extract.personnames import person_name
from inf_coverage.extract.quotes import GROUP_LABELS, group_label, is_name_in_quotes, quotes
from inf_coverage.extract.ranges import (
    KM_PER_MILE,
    MAX_DISTANCE_KM,
    PLACES,
    RANGE_CLASSES,
    _conversion_tolerance,
    band_agrees,
    check_ranges,
    load_systems,
    place_mentions,
    range_claims,
    status_claims,
    system_mentions,
)
from inf_coverage.extract.sentiment import (
    DOMAIN_MISREADS,
    actor_targets,
    afinn_scores,
    lexicon_contributions,
    method_agreement,
    sentiment,
    sentiment_summary,
    vader,
)
from inf_coverage.extract.sourcing import (
    MIN_SOURCING_ROWS,
    SOURCE_ROW_COLUMNS,
    SOURCING_COLUMNS,
    source_rows,
    sourcing_table,
)
from inf_coverage.extract.speakers import (
    ATTRIBUTION_VERBS,
    INSTITUTION_COLUMNS,
    MAX_PER_SENTENCE,
    PARTICIPLES,
    WINDOW,
    _ends_attribution,
    load_institutions,
    quote_spans,
)
from inf_coverage.extract.voice import MAX_ATTRIBUTION_WORDS, _speech_share, scare_quotes, sentence_voice, speech
from inf_coverage.ingest.cleaning import (
    FURNITURE_RULES,
    MAX_FURNITURE_LINE,
    MAX_HEADER_LINES,
    clean_text,
    detected_title,
    is_hard_wrapped,
    printed_urls,
)
from inf_coverage.ingest.copies import copy_groups
from inf_coverage.ingest.loading import (
    EARLIEST_PUBLISHED,
    MAX_ARTICLE_BYTES,
    check_published,
    clean_article,
    load_corpus,
    read_article,
    read_csv_table,
    read_metadata,
    removed_spans,
)
from inf_coverage.ingest.patterns import (
    _CASE_TRAP_RE,
    FUNCTION_WORDS,
    MAX_PATTERN_LENGTH,
    MAX_PATTERN_REPEAT,
    _maybe_matching,
    _pattern_literals,
    _prefilter_text,
    check_name,
    check_owners,
    check_pattern,
)
from inf_coverage.ingest.registries import (
    SOURCE_KINDS,
    STANDINGS,
    check_source_kinds,
    country_of_group,
    load_reference,
    read_registry,
    standing_of_group,
)
from inf_coverage.ingest.selection import (
    DECISION_DATE,
    STORY_DAYS,
    TIMELINE_COLUMNS,
    NothingToAnalyse,
    analysis_set,
    coverage_timeline,
    english_only,
    not_english,
    one_per_copy_group,
    require_articles,
)
from inf_coverage.ingest.text import (
    ABBREVIATIONS,
    SENTENCE_STARTERS,
    WORD_RE,
    _sentence_spans,
    count_table,
    evidence,
    sentences,
    tokens,
)
from inf_coverage.ingest.webimport import add_articles
from inf_coverage.report.charts import (
    NO_MARKS_TEXT,
    OTHER,
    OTHER_COLOUR,
    PAGE_DPI,
    PALETTES,
    PUBLICATION_WIDTH_PX,
    article_labels,
    chart_marks,
    chart_text,
    fold_other,
    palette,
    publish_figure,
    save_figure,
    text_colour,
    verdict_grid_chart,
)
from inf_coverage.report.claimreview import RATING_SCALE, claim_reviews, claimreview_json
from inf_coverage.report.explore import (
    EXPLORE_DEFAULTS,
    TERM_HIT_COLUMNS,
    ParameterError,
    explore_parameters,
    explore_selection,
    term_hits,
    term_pattern,
)
from inf_coverage.report.export import FORMULA_LEADS, export_csv, spreadsheet_safe
from inf_coverage.report.findings import FindingError, Findings, expect
from inf_coverage.report.phrasing import (
    MIN_RANK_N,
    MIN_SHARE_BASE,
    Ranking,
    and_list,
    articles_per_outlet,
    claim_label,
    claim_labels,
    counted,
    day_label,
    event_label,
    humanize,
    looks_like_id,
    possessive,
    rank,
    sentence_case,
    source_label,
    sources_noun,
)
from inf_coverage.report.tables import (
    EMPTY_TABLE_TEXT,
    MAX_TABLE_ROWS,
    SAMPLE_ROWS,
    ShownTable,
    interactive_tables,
    kwic_view,
    show_all_rows,
    show_table,
)
from inf_coverage.validate.annotations import method_verdicts
from inf_coverage.validate.frame_scores import (
    FRAME_FIELD_LABELS,
    FRAME_FIELD_NOUNS,
    FRAME_FIELDS,
    FRAME_FIXTURE_SETS,
    FRAME_SCORE_COLUMNS,
    UNSEEN_COLUMNS,
    align_frame_coding,
    frame_scores_on,
    frame_scores_unseen,
    frame_units,
    load_frame_codings,
    score_frame_functions,
    unseen_caveat,
)
from inf_coverage.validate.generate import ArticleTruth, Truth, generate_corpus

__all__ = [
    "_agent", "_capitalised_word_before", "_CASE_TRAP_RE", "_conversion_tolerance", "_DATE_RE",
    "_ends_attribution", "_maybe_matching", "_pattern_literals", "_prefilter_text",
    "_registry_path", "_resolve_date", "_same_date", "_sentence_spans", "_speech_share",
    "ABBREVIATIONS", "actor_targets", "add_articles", "AFFILIATION_GROUPS", "afinn_scores",
    "analysis_set", "MAX_ARTICLE_ID_LENGTH", "NothingToAnalyse", "require_articles",
    "ARTICLE_ID_RE", "article_labels", "article_subject_date", "ATTRIBUTION_VERBS",
    "band_agrees", "blame_by_article", "blame_statements", "bootstrap_mean", "chart_marks",
    "chart_text", "CHECK_COLUMNS", "check_name", "check_owners", "check_pattern", "check_source_kinds",
    "FRAME_FUNCTION_COLUMNS", "frame_function_profile", "frame_functions",
    "FRAME_FIELDS", "FRAME_SCORE_COLUMNS", "load_frame_codings", "score_frame_functions",
    "FRAME_FIELD_LABELS", "FRAME_FIXTURE_SETS", "UNSEEN_COLUMNS", "frame_scores_on", "frame_scores_unseen",
    "unseen_caveat", "FRAME_FIELD_NOUNS", "align_frame_coding", "frame_units",
    "check_published", "check_ranges", "claim_checks", "CLAIM_COLUMNS", "claim_matrix", "verdict_grid",
    "verdict_grid_chart", "GRID_GROUPS", "GRID_ORDER",
    "claim_omissions", "claim_tally", "claims_said", "CLAIM_VERDICTS", "ERROR_VERDICTS", "clean_article", "clean_text",
    "cluster_bootstrap_mean", "cooccurrences", "copy_groups", "corpus_dir", "corpus_fingerprint",
    "CorpusError", "count_table", "coverage_timeline", "date_period",
    "DECISION_DATE", "DEFAULT_CORPUS_DIR", "DEFAULT_REPORT_DIR", "detected_title",
    "discover_names", "discovery_scores", "DOMAIN_MISREADS", "EARLIEST_PUBLISHED",
    "and_list", "counted", "day_label", "MIN_RANK_N", "MIN_SHARE_BASE", "Ranking", "articles_per_outlet",
    "claim_label", "claim_labels", "event_label", "humanize", "looks_like_id", "possessive", "rank",
    "sentence_case", "source_label", "sources_noun", "EMPTY_TABLE_TEXT", "english_only", "EXPLORE_DEFAULTS",
    "explore_parameters", "explore_selection",
    "event_claims", "evidence", "expect", "export_csv", "claim_reviews", "claimreview_json", "RATING_SCALE",
    "FastSentimentIntensityAnalyzer", "FIGURE_COLUMNS", "figure_mentions",
    "FindingError", "Findings", "fingerprint", "first_mentions", "fold_other", "FORMULA_LEADS",
    "FRAME_COLUMNS", "frame_hits", "frame_label", "frame_profile", "FUNCTION_WORDS",
    "DISTANCING_HEDGES", "FURNITURE_RULES", "group_label", "GROUP_LABELS", "HEDGES", "hedges", "INSTITUTION_COLUMNS",
    "interactive_tables", "is_hard_wrapped", "is_name_in_quotes", "keyness", "keyness_counts", "keyness_from_counts",
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
    "ParameterError", "printed_urls", "PUBLICATION_WIDTH_PX", "publish_figure", "quote_spans", "quotes",
    "range_claims", "RANGE_CLASSES", "read_article", "read_csv_table", "read_metadata",
    "read_registry", "REFERENCE_QUOTE_COLUMNS", "removed_spans", "REGISTRY_FILES", "REPO_DIR", "REQUIRED_COLUMNS",
    "ROLE_WORDS", "SAMPLE_ROWS", "save_figure", "scare_quotes", "SENTENCE_STARTERS",
    "sentence_voice", "sentences", "sentiment", "sentiment_summary", "show_all_rows", "show_table",
    "ShownTable", "SOURCE_KINDS", "speech", "SPEECH_VERBS", "split_list", "spreadsheet_safe", "status_claims",
    "STOPWORDS", "surface_forms", "system_mentions", "TERM_HIT_COLUMNS", "term_hits", "term_pattern",
    "TERM_VARIANTS", "text_colour",
    "TIMELINE_COLUMNS", "STORY_DAYS", "title_group", "TITLE_GROUPS", "TITLE_WORDS", "tokens", "vader",
    "VIOLATION_RE", "WINDOW", "WORD_RE", "ArticleTruth", "Truth", "generate_corpus",
    "FIDELITY_COLUMNS", "FIDELITY_VERDICTS", "compare_quote", "meaning_units", "quote_fidelity",
    "MIN_SOURCING_ROWS", "SOURCE_ROW_COLUMNS", "SOURCING_COLUMNS", "source_rows", "sourcing_table",
    "STANDINGS", "standing_of_group", "country_of_group",
]

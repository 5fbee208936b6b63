"""Hand coding of the corpus, and how well each method of ``helpers`` agrees with it.

A corpus folder may carry ``annotations/``: one CSV per kind of annotation (``voice.csv``,
``quotes.csv``, ...; see ``ANNOTATION_KINDS``). Every row names the ``article_id``, the
``start`` and ``end`` character offsets of the annotated span in the article's *cleaned*
text (``load_corpus(...).text``) and the annotated ``text`` itself, plus the labels of its
kind and, optionally, the ``coder``. Two exceptions: ``furniture.csv`` holds offsets into the
*raw* text (``raw_text``: page furniture is what cleaning removes, so it has no place in the
cleaned text), and ``names.csv`` is a plain list ``name, article_ids`` (``|``-separated)
without offsets. Sentence-level kinds (voice, sentiment, frames, blame) span the whole
sentence, exactly as ``helpers.sentences`` cuts it.

:func:`load_annotations` refuses a row whose text no longer matches the text at its offsets
(a cleaning change must never shift annotations silently), an unknown article, offsets out of
range and labels outside the codebook's vocabularies. :func:`anchor` turns coder rows keyed
by ``sentence_id`` (or by the sentence's text, the fixture format) into the on-disk format;
``scripts/anchor_annotations.py`` runs it over a coder's folder.

Scoring (``score``, ``score_spans``, ``score_sentences``, ``score_labels``) compares any two
annotation sets in the on-disk format: the tool's output (:func:`tool_annotations`) against
the hand coding, or one coder against another (:func:`inter_coder`, the ceiling any method
can reach). Every scoring function returns a tidy DataFrame with one row per method,
article (``"all"`` for the pooled value), and metric.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from inf_coverage.core.layout import DEFAULT_CORPUS_DIR, CorpusError, split_list
from inf_coverage.core.stats import MIN_ARTICLES_FOR_INTERVAL, VERDICT_BANDS  # noqa: F401  (re-exported)
from inf_coverage.extract.claims import claim_checks
from inf_coverage.extract.events import date_period, event_claims, load_event_types
from inf_coverage.extract.figures import figure_mentions, load_figures
from inf_coverage.extract.framing import blame_statements, frame_hits
from inf_coverage.extract.quotes import quotes
from inf_coverage.extract.ranges import range_claims, system_mentions
from inf_coverage.extract.sentiment import sentiment
from inf_coverage.extract.speakers import ATTRIBUTION_VERBS, load_institutions
from inf_coverage.extract.voice import sentence_voice, speech
from inf_coverage.ingest.loading import read_csv_table, removed_spans
from inf_coverage.ingest.text import sentences
from inf_coverage.report.charts import article_labels
from inf_coverage.validate.agreement import (
    BOOT_SEED,  # noqa: F401  (re-exported)
    N_BOOT,  # noqa: F401  (re-exported)
    SCORE_COLUMNS,  # noqa: F401  (re-exported: annotations.SCORE_COLUMNS)
    cohen_kappa,
    prf,
    verdict,
)
from inf_coverage.validate.agreement import finish_scores as _finish
from inf_coverage.validate.agreement import interval as _interval
from inf_coverage.validate.agreement import score_row as _row
from inf_coverage.validate.claim_scores import CODED_VERDICTS, score_claims

# ---------------------------------------------------------------------------
# Format
# ---------------------------------------------------------------------------

#: Columns every offset-keyed annotation row has.
BASE_COLUMNS = ["article_id", "start", "end", "text"]

#: kind -> the label columns it requires besides ``BASE_COLUMNS`` (``names`` has no offsets:
#: its required columns are all it has).
ANNOTATION_KINDS = {
    "voice": ["voice", "speaker"],
    "quotes": ["speaker", "affiliation", "kind", "verb"],
    "mentions": ["figure"],
    "frames": ["frame"],
    "blame": ["topic", "blamed"],
    "sentiment": ["label"],
    "dates": ["event", "date"],
    "ranges": ["min_km", "max_km"],
    "systems": ["system"],
    "furniture": [],
    "names": ["name", "article_ids"],
    "claims": ["claim_id", "verdict", "whose"],
}
#: Optional columns, kept when present.
OPTIONAL_COLUMNS = {"dates": ["reference_ok"]}
#: Kinds whose offsets point into the raw text, and kinds without offsets.
RAW_KINDS = {"furniture"}
PLAIN_KINDS = {"names"}
#: Kinds of one row per sentence (or sentence and label), spans of whole sentences.
SENTENCE_KINDS = {"voice", "sentiment"}
LABEL_KINDS = {"frames": "frame", "blame": "topic"}
#: Span kinds and the attributes compared on matched pairs.
SPAN_KINDS = {
    "quotes": ["speaker", "kind", "verb"],
    "mentions": ["figure"],
    "systems": ["system"],
    "ranges": ["km"],
    "dates": ["event", "date"],
    "furniture": [],
}

AFFILIATIONS = ["russian_official", "us_official", "chinese_official", "ukrainian_official",
                "european_official", "nato_official", "chinese_expert", "russian_expert",
                "independent_expert", "media", "unattributed", "unknown", "other"]
FRAMES = ["escalation", "western_provocation", "treaty_compliance", "arms_control",
          "nuclear_deterrence", "ukraine_talks", "scepticism"]
#: Closed vocabularies of the codebook: (kind, column) -> allowed values.
VOCABULARIES = {
    ("voice", "voice"): ["narration", "quoted", "mixed"],
    ("quotes", "affiliation"): AFFILIATIONS,
    ("quotes", "kind"): ["direct", "indirect", "mixed"],
    ("frames", "frame"): FRAMES,
    ("blame", "topic"): ["treaty", "moratorium"],
    ("blame", "blamed"): ["russia", "us_west", "both", "neither"],
    ("sentiment", "label"): ["negative", "neutral", "positive"],
    ("dates", "reference_ok"): ["", "true", "false", "yes", "no"],
    ("claims", "verdict"): CODED_VERDICTS,
}
_DATE_VALUE_RE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?\Z")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?\Z")

#: The tool's frame ids (``frames.csv``) under the codebook's names.
TOOL_FRAME_NAMES = {"nuclear_threat": "nuclear_deterrence", "ukraine_leverage": "ukraine_talks"}
#: VADER compound -> label, with VADER's own thresholds.
SENTIMENT_THRESHOLD = 0.05


EXPORT_COLUMNS = ["method", "article_id", "metric", "value", "n", "ci_low", "ci_high", "verdict"]


def _error(message: str):
    return CorpusError(message)


# ---------------------------------------------------------------------------
# Loading and validation
# ---------------------------------------------------------------------------

def annotations_dir(corpus_dir) -> Path:
    return Path(corpus_dir) / "annotations"


def _event_ids(corpus_dir) -> list:
    local = Path(corpus_dir) / "event_types.csv"
    events = load_event_types(local if local.is_file() else DEFAULT_CORPUS_DIR / "event_types.csv")
    return sorted(set(events.event)) + ["other"]


def load_annotations(corpus_dir, articles: pd.DataFrame, folder=None) -> dict:
    """Read and validate the hand coding of a corpus: ``{kind: DataFrame}``.

    ``folder`` defaults to ``<corpus_dir>/annotations``; give another (for example
    ``annotations/second_coder``) to read a second coder's set. A corpus without the folder
    gives ``{}``. Each CSV is read as text; ``start`` and ``end`` become integers,
    ``min_km``/``max_km`` nullable integers. Raises ``CorpusError`` naming the file and the
    row (header = row 1) for: a CSV that is no annotation kind, a missing column, an unknown
    ``article_id``, offsets that are not integers or out of range, a ``text`` that differs
    from the text at its offsets (both texts named), and a label outside the codebook's
    vocabulary (``VOCABULARIES``, the event ids of ``event_types.csv``, ISO dates). Rows come
    back sorted by ``article_id``, ``start``, ``end``.
    """
    folder = annotations_dir(corpus_dir) if folder is None else Path(folder)
    if folder.is_symlink():
        raise _error(f"{folder}: a symbolic link; the hand coding is read only from a folder inside the corpus")
    if not folder.is_dir():
        return {}
    texts = dict(zip(articles.article_id, articles.text))
    raws = dict(zip(articles.article_id, articles.raw_text))
    out = {}
    for path in sorted(folder.glob("*.csv")):
        kind = path.stem
        if kind not in ANNOTATION_KINDS:
            raise _error(f"{path}: not an annotation kind (expected one of {', '.join(ANNOTATION_KINDS)})")
        # the corpus's one CSV reader: refuses a link, a folder, an empty file and bytes that
        # are not UTF-8 (a spreadsheet's "UTF-16" export) with the file and row named
        required = ANNOTATION_KINDS[kind] if kind in PLAIN_KINDS else BASE_COLUMNS + ANNOTATION_KINDS[kind]
        table = read_csv_table(path, required)
        _refuse_contradictions(kind, table, path)
        out[kind] = _validate(kind, table, path, raws if kind in RAW_KINDS else texts, corpus_dir)
    return out


#: Kinds whose one span carries one coding: two rows on one span with different labels are
#: two codings of it, which would lower an agreement score without a word.
SINGLE_CODING_KINDS = {"voice": ["voice", "speaker"], "sentiment": ["label"], "mentions": ["figure"],
                       "systems": ["system"], "ranges": ["min_km", "max_km"],
                       "quotes": ["speaker", "affiliation", "kind", "verb"]}


def _refuse_contradictions(kind: str, table: pd.DataFrame, path) -> None:
    """Raise ``CorpusError`` naming both rows when one span of a single-coding kind is coded
    twice with different labels (rows as read, header = row 1; offsets compared as written)."""
    labels = SINGLE_CODING_KINDS.get(kind)
    if labels is None or table.empty:
        return
    seen: dict = {}
    for i, r in enumerate(table.to_dict("records")):
        key = (r["article_id"], str(r["start"]).strip(), str(r["end"]).strip())
        coding = tuple(str(r[c]) for c in labels)
        row = i + 2
        if key in seen and seen[key][1] != coding:
            first, other = seen[key]
            raise _error(f"{path}, rows {first} and {row}: two codings of one span ({key[0]} "
                         f"{key[1]}-{key[2]}: {dict(zip(labels, other))} and {dict(zip(labels, coding))}); "
                         f"keep the one you mean (a second coder's rows go in annotations/second_coder/)")
        seen.setdefault(key, (row, coding))


def _validate(kind, table, path, texts, corpus_dir) -> pd.DataFrame:  # noqa: C901
    if kind in PLAIN_KINDS:
        for i, ids in table["article_ids"].items():
            for aid in split_list(ids):
                if aid not in texts:
                    raise _error(f"{path}, row {i + 2}: unknown article_id {aid!r}")
        return table.reset_index(drop=True)
    vocab = {col: values for (k, col), values in VOCABULARIES.items() if k == kind}
    if kind == "dates":
        vocab["event"] = _event_ids(corpus_dir)
    starts, ends = [], []
    for i, row in table.iterrows():
        where = f"{path}, row {i + 2}"
        aid = row["article_id"]
        if aid not in texts:
            raise _error(f"{where}: unknown article_id {aid!r}")
        try:
            start, end = int(row["start"]), int(row["end"])
        except ValueError:
            raise _error(f"{where}: start {row['start']!r} and end {row['end']!r} must be integers") from None
        text = texts[aid]
        if not 0 <= start < end <= len(text):
            raise _error(f"{where}: offsets {start}:{end} out of range for {aid!r} "
                         f"({len(text)} characters{' of raw text' if kind in RAW_KINDS else ''})")
        if text[start:end] != row["text"]:
            raise _error(f"{where}: text {row['text']!r} does not match the article's "
                         f"{'raw' if kind in RAW_KINDS else 'cleaned'} text at {start}:{end}, "
                         f"{text[start:end]!r} (a cleaning change must never shift annotations "
                         f"silently: re-anchor with scripts/anchor_annotations.py)")
        for col, values in vocab.items():
            if col in row and row[col] not in values:
                raise _error(f"{where}: {col} {row[col]!r} is not one of {', '.join(map(repr, values))}")
        if kind == "dates" and not _DATE_VALUE_RE.match(row["date"]):
            raise _error(f"{where}: date {row['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if kind == "ranges":
            for col in ["min_km", "max_km"]:
                if row[col] and not _NUMBER_RE.match(row[col]):
                    raise _error(f"{where}: {col} {row[col]!r} is not a number of kilometres")
            if not row["max_km"] and not row["min_km"]:
                raise _error(f"{where}: min_km and max_km are both empty")
        starts.append(start)
        ends.append(end)
    table = table.assign(start=pd.Series(starts, index=table.index, dtype="int64"),
                         end=pd.Series(ends, index=table.index, dtype="int64"))
    if kind == "ranges":
        for col in ["min_km", "max_km"]:
            table[col] = pd.to_numeric(table[col].replace("", np.nan)).round().astype("Int64")
    return table.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------
# Anchoring coder rows
# ---------------------------------------------------------------------------

# Characters a coder may type for another of the same width (offsets survive the swap).
_LOOSE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u00a0": " "})


def _find_all(hay: str, needle: str) -> list:
    found, pos = [], hay.find(needle)
    while needle and pos >= 0:
        found.append(pos)
        pos = hay.find(needle, pos + 1)
    return found


def _locate(hay: str, needle: str, occurrence: int):
    """Offset of the ``occurrence``-th ``needle`` in ``hay``: exact, else with quotation
    marks and dashes made plain on both sides. None if absent."""
    for h_, n_ in ((hay, needle), (hay.translate(_LOOSE), needle.translate(_LOOSE))):
        hits = _find_all(h_, n_)
        if len(hits) >= occurrence:
            return hits[occurrence - 1]
    return None


def _whole_lines(text: str, needle: str) -> list:
    """Starts of the lines of ``text`` that are ``needle`` (leading and trailing blanks aside)."""
    out: list = []
    pos = 0
    want = needle.strip()
    if not want:
        return out
    for line in text.split("\n"):
        if line.strip() == want:
            out.append(pos + len(line) - len(line.lstrip()))
        pos += len(line) + 1
    return out


def anchor(rows: pd.DataFrame, articles: pd.DataFrame, sents: pd.DataFrame | None = None,
           kind: str | None = None) -> tuple:
    """Turn a coder's rows into the on-disk format (``article_id, start, end, text`` +
    labels). Returns ``(anchored, unanchored)``; ``unanchored`` keeps each row that could not
    be placed, with its ``row`` number in the coder's file (header = 1) and the ``problem``.

    A row is placed by its ``text`` inside the sentence named by ``sentence_id`` (the
    worksheet's numbering, ``helpers.sentences``), or by ``sentence`` (the sentence's text,
    the fixture format: it is found in the article, then ``text`` inside it), taking the
    ``occurrence``-th match (default 1). Quotation marks and dashes typed differently from
    the article still match (same width, so offsets hold). A row that is not found where
    named, or that already has ``start`` (an on-disk row to re-anchor), is searched in the
    whole article, nearest to where it was, so re-running after a deliberate cleaning change
    re-anchors by text. ``text`` is then rewritten as the article has it. For ``furniture``
    (``kind="furniture"``) rows are lines of the raw text: a coder's row without ``start`` or
    ``occurrence`` takes a whole line that is its text, the n-th such row of a line the
    line's n-th occurrence ("Share" under each post), before any match inside a longer line.
    Sorted by article, start, end.
    """
    sents = sentences(articles) if sents is None else sents
    raw = kind in RAW_KINDS
    texts = dict(zip(articles.article_id, articles.raw_text if raw else articles.text))
    bounds = {(a, int(s)): (b, e) for a, s, b, e in
              sents[["article_id", "sentence_id", "start", "end"]].itertuples(index=False)}
    labels = [c for c in rows.columns if c not in
              {"article_id", "sentence_id", "sentence", "occurrence", "start", "end", "text"}]
    placed, lost = [], []
    seen: dict = {}               # (article, line) -> rows of that line placed so far
    for i, row in rows.reset_index(drop=True).iterrows():
        aid, needle = row["article_id"], str(row["text"])
        given = "occurrence" in row and str(row["occurrence"]).strip()
        occ = int(row["occurrence"]) if given else 1
        if raw and not given and aid in texts and not ("start" in row and str(row["start"]).strip()):
            # a furniture row is a line: the n-th row of a line is its n-th whole-line
            # occurrence ("Share" under each post), not the line's words inside another line
            n = seen[(aid, needle)] = seen.get((aid, needle), 0) + 1
            lines = _whole_lines(texts[aid], needle)
            if len(lines) >= n:
                start = lines[n - 1]
                end = start + len(needle.strip())
                placed.append({"article_id": aid, "start": start, "end": end,
                               "text": texts[aid][start:end], **{c: row[c] for c in labels}})
                continue
        if aid not in texts:
            lost.append({**row.to_dict(), "row": i + 2, "problem": f"unknown article_id {aid!r}"})
            continue
        text = texts[aid]
        lo, hi, near = 0, len(text), None
        if not raw and "sentence_id" in row and str(row["sentence_id"]).strip():
            sid = int(float(row["sentence_id"]))
            if (aid, sid) not in bounds:
                lost.append({**row.to_dict(), "row": i + 2, "problem": f"no sentence {sid} in {aid!r}"})
                continue
            lo, hi = bounds[(aid, sid)]
        elif "sentence" in row and str(row["sentence"]).strip():
            at = _locate(text, str(row["sentence"]), 1)
            if at is None:
                lost.append({**row.to_dict(), "row": i + 2, "problem": "sentence not found in the article"})
                continue
            lo, hi = at, at + len(str(row["sentence"]))
        elif "start" in row and str(row["start"]).strip():
            near = int(row["start"])
        at = _locate(text[lo:hi], needle, occ)
        if at is not None:
            start = lo + at
        else:   # not where the coder said, or re-anchoring: the whole article, nearest hit
            hits = _find_all(text, needle) or _find_all(text.translate(_LOOSE), needle.translate(_LOOSE))
            if not hits:
                lost.append({**row.to_dict(), "row": i + 2,
                             "problem": "text not found in the sentence or the article"})
                continue
            ref = lo if near is None else near
            start = min(hits, key=lambda p: (abs(p - ref), p))
        end = start + len(needle)
        placed.append({"article_id": aid, "start": start, "end": end, "text": text[start:end],
                       **{c: row[c] for c in labels}})
    cols = BASE_COLUMNS + labels
    anchored = pd.DataFrame(placed, columns=cols).sort_values(
        ["article_id", "start", "end"], kind="stable").reset_index(drop=True)
    unanchored = pd.DataFrame(lost, columns=list(rows.columns) + ["row", "problem"])
    return anchored, unanchored


def anchor_folder(coder_dir, articles: pd.DataFrame, coder: str | None = None) -> tuple:
    """Anchor every kind's CSV of a coder's folder. Returns ``({kind: anchored},
    unanchored)``, the latter with a ``kind`` column. ``names.csv`` is copied as it is.
    ``coder`` (if given) fills a ``coder`` column."""
    sents = sentences(articles)
    done, lost = {}, []
    for path in sorted(Path(coder_dir).glob("*.csv")):
        kind = path.stem
        if kind not in ANNOTATION_KINDS:
            continue
        rows = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        if kind in PLAIN_KINDS:   # the format separates article ids with "|"
            done[kind] = rows.assign(article_ids=rows.article_ids.str.replace(";", "|", regex=False))
            continue
        anchored, unanchored = anchor(rows, articles, sents, kind=kind)
        keep = [c for c in BASE_COLUMNS + ANNOTATION_KINDS[kind] + OPTIONAL_COLUMNS.get(kind, [])
                + ["coder"] if c in anchored.columns]
        anchored = anchored[keep]
        if coder is not None:
            anchored["coder"] = coder
        done[kind] = anchored
        lost.append(unanchored.assign(kind=kind))
    lost = pd.concat(lost, ignore_index=True) if lost else pd.DataFrame(columns=["kind", "row", "problem"])
    return done, lost


def write_annotations(tables: dict, folder) -> list:
    """Write ``{kind: table}`` as ``folder/<kind>.csv`` (UTF-8, Unix line ends, sorted by
    article_id, start, end). Returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind, table in sorted(tables.items()):
        if kind not in PLAIN_KINDS:
            table = table.sort_values(["article_id", "start", "end"], kind="stable")
        path = folder / f"{kind}.csv"
        table.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------------------
# The tool's output in the same format
# ---------------------------------------------------------------------------

def sentiment_label(compound: float) -> str:
    """VADER's standard reading of a compound score: >= 0.05 positive, <= -0.05 negative."""
    if compound >= SENTIMENT_THRESHOLD:
        return "positive"
    if compound <= -SENTIMENT_THRESHOLD:
        return "negative"
    return "neutral"


_BLAME_TOPICS = {"treaty": "treaty", "moratorium": "moratorium"}
_BLAME_SIDES = {"us/west": "us_west", "us_west": "us_west", "west": "us_west", "russia": "russia",
                "both": "both", "unclear": "neither", "neither": "neither", "none": "neither"}


def _per_sentence(q: pd.DataFrame, sents: pd.DataFrame) -> pd.DataFrame:
    """Quotation rows cut at sentence boundaries: the codebook codes a quotation that runs
    over two sentences as two rows, ``helpers.quotes`` gives it one; cutting it here lets
    each sentence's part match its hand-coded row (trailing spaces and marks trimmed)."""
    bounds = {aid: list(zip(g.start, g.end)) for aid, g in sents.groupby("article_id")}
    rows = []
    for r in q.itertuples(index=False):
        parts = [(max(r.start, a), min(r.end, b)) for a, b in bounds.get(r.article_id, [])
                 if a < r.end and b > r.start] or [(r.start, r.end)]
        for a, b in parts:
            piece = r.text[a - r.start:b - r.start]
            lead = len(piece) - len(piece.lstrip(" \"\u201c"))
            piece = piece.strip(" \"\u201c\u201d")
            if piece:
                rows.append(r._replace(start=a + lead, end=a + lead + len(piece), text=piece))
    return pd.DataFrame(rows, columns=q.columns)


def tool_annotations(articles: pd.DataFrame, sents: pd.DataFrame | None = None) -> dict:
    """What the methods of ``helpers`` find, in the annotation format: ``{kind: DataFrame}``.

    quotes: ``helpers.quotes``; mentions: ``figure_mentions``; systems: ``system_mentions``;
    ranges: the distances of ``range_claims`` (class terms define a band, they state no
    range), a single distance with ``min_km`` empty as the codebook writes it; dates: ``event_claims``; furniture: the furniture spans of ``removed_spans``,
    cut into their non-empty lines (the hand coding codes lines); voice and its speaker:
    ``sentence_voice`` through ``speech``, the one place the notebooks read voice from;
    claims: ``claim_checks`` (surface as text; "not checked" rows are dropped when scored);
    sentiment: VADER's compound read with +-0.05; frames: ``frame_hits`` (one row per
    sentence and frame, frame ids under the codebook's names); blame: ``blame_statements``
    (topic and side mapped to the codebook's words, "unclear" -> "neither").
    """  # noqa: E501
    sents = sentences(articles) if sents is None else sents
    span = sents.set_index(["article_id", "sentence_id"])[["start", "end", "text"]]

    def sentence_rows(table, **labels):
        keys = list(zip(table.article_id, table.sentence_id))
        got = span.loc[keys].reset_index()
        return got[["article_id", "start", "end", "text"]].assign(**{k: list(v) for k, v in labels.items()})

    q, voice = speech(articles, sents)
    if q is None:
        q = quotes(articles)
        voice = sentence_voice(sents, q)
    out = {"quotes": _per_sentence(q, sents)[BASE_COLUMNS + ["speaker", "affiliation", "kind", "verb"]]}
    m = figure_mentions(sents)
    out["mentions"] = m.rename(columns={"surface": "text"})[BASE_COLUMNS + ["figure"]]
    s = system_mentions(sents)
    out["systems"] = s.rename(columns={"surface": "text"})[BASE_COLUMNS + ["system"]]
    r = range_claims(sents)
    r = r[r.kind == "distance"].copy()
    # the codebook writes a single distance ("about 1,725 miles", "up to 5,500 km") with
    # min_km empty; the tool gives an exact one as min = max
    r.loc[r.min_km.notna() & (r.min_km == r.max_km), "min_km"] = pd.NA
    out["ranges"] = r.rename(columns={"surface": "text"})[BASE_COLUMNS + ["min_km", "max_km"]]
    d = event_claims(sents, articles)
    # a date tied to no known event is the codebook's "other"
    out["dates"] = d.rename(columns={"surface": "text"}).assign(
        event=lambda x: x.event.where(x.event != "", "other"))[BASE_COLUMNS + ["event", "date"]]
    c = claim_checks(sents, articles)
    out["claims"] = c.rename(columns={"surface": "text"})[BASE_COLUMNS + ["claim_id", "verdict", "whose"]]
    raw = dict(zip(articles.article_id, articles.raw_text))
    lines = []
    audit = removed_spans(articles)
    for aid, s0, e0 in audit.loc[audit.kind == "furniture", ["article_id", "raw_start", "raw_end"]].itertuples(index=False):  # noqa: E501
        for mt in re.finditer(r"[^\n]+", raw[aid][s0:e0]):
            a, b = s0 + mt.start(), s0 + mt.end()
            while a < b and raw[aid][a].isspace():
                a += 1
            while b > a and raw[aid][b - 1].isspace():
                b -= 1
            if b > a:
                lines.append((aid, a, b, raw[aid][a:b]))
    out["furniture"] = pd.DataFrame(lines, columns=BASE_COLUMNS)
    out["voice"] = sentence_rows(voice, voice=voice.voice,
                                 speaker=voice.speaker if "speaker" in voice.columns else [""] * len(voice))
    senti = sentiment(sents)
    out["sentiment"] = sentence_rows(senti, label=[sentiment_label(c) for c in senti.compound])
    fr = frame_hits(sents).drop_duplicates(["article_id", "sentence_id", "frame"])
    out["frames"] = sentence_rows(fr, frame=[TOOL_FRAME_NAMES.get(f, f) for f in fr.frame])
    bl = blame_statements(sents, voice)
    side_col = "blamed" if "blamed" in bl.columns else "direction"
    out["blame"] = sentence_rows(
        bl, topic=[next((v for k, v in _BLAME_TOPICS.items() if str(t).lower().startswith(k)), str(t))
                   for t in bl.topic],
        blamed=[_BLAME_SIDES.get(str(b).lower(), str(b).lower()) for b in bl[side_col]])
    return {k: v.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
            for k, v in out.items()}


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

#: ``VERDICT_BANDS`` (core.stats): the verdict bands on an agreement score, low to high:
#: (verdict, lowest score, score it stops below); None where a band is open.

def match_spans(gold: pd.DataFrame, tool: pd.DataFrame, min_overlap: float = 0.5) -> list:
    """Pairs ``(gold_index, tool_index)`` of spans in the same article that overlap by at
    least ``min_overlap`` of the shorter span; one-to-one, greedily by overlap (ties: earlier
    gold, then earlier tool span)."""
    pairs = []
    for aid, g in gold.groupby("article_id", sort=True):
        t = tool[tool.article_id == aid]
        cands = []
        for gi, gs, ge in zip(g.index, g.start, g.end):
            for ti, ts, te in zip(t.index, t.start, t.end):
                ov = min(ge, te) - max(gs, ts)
                if ov > 0 and ov >= min_overlap * min(ge - gs, te - ts):
                    cands.append((-ov, gs, ts, gi, ti))
        used_g, used_t = set(), set()
        for _, _, _, gi, ti in sorted(cands):
            if gi not in used_g and ti not in used_t:
                used_g.add(gi)
                used_t.add(ti)
                pairs.append((gi, ti))
    return pairs


def _canonical_names() -> dict:
    """lower-case name (any alias, with and without a leading "the") -> canonical name,
    from the figure registry and ``institutions.csv``."""
    names = {}
    figures = load_figures()
    for fig, aliases, surname in zip(figures.figure, figures.aliases, figures.surname):
        for a in [fig] + list(aliases) + [surname]:   # a coder may write "Putin" for Vladimir Putin
            names[a.lower()] = fig
    inst = load_institutions()
    for name, aliases in zip(inst.institution, inst.aliases):
        for a in [name] + list(aliases):
            names[a.lower()] = name
    for k, v in list(names.items()):
        if k.startswith("the "):
            names.setdefault(k[4:], v)
        else:
            names.setdefault("the " + k, v)
    return names


def canonical_speaker(name: str, names: dict | None = None) -> str:
    """A speaker's canonical name through the figure and institution aliases ("the
    ministry" -> "Russian Foreign Ministry", "Sergey Ryabkov" -> "Sergei Ryabkov");
    unknown names come back stripped and lower-cased."""
    names = _canonical_names() if names is None else names
    key = str(name).strip().lower()
    return names.get(key, key)


def _same_attribute(kind, attr, g, t, names) -> bool:
    if attr == "speaker":
        return canonical_speaker(g["speaker"], names) == canonical_speaker(t["speaker"], names)
    if attr == "verb":
        verbs = ATTRIBUTION_VERBS
        norm = lambda v: verbs.get(str(v).strip().lower(), str(v).strip().lower())  # noqa: E731
        return norm(g["verb"]) == norm(t["verb"])
    if attr == "km":
        def close(a, b):
            if pd.isna(a) or pd.isna(b):
                return pd.isna(a) and pd.isna(b)
            return abs(float(a) - float(b)) <= 1     # within rounding to the kilometre
        return close(g["min_km"], t["min_km"]) and close(g["max_km"], t["max_km"])
    if kind == "dates" and attr == "date":
        # the coding writes YYYY, YYYY-MM or YYYY-MM-DD; the tool also gives weeks
        # ("2025-W32"): a tool period inside the coder's period is the same date
        a, b = str(g["date"]).strip(), str(t["date"]).strip()
        if a == b:
            return True
        try:
            (g0, g1), (t0, t1) = date_period(a), date_period(b)
        except (ValueError, TypeError):
            return False
        return g0 <= t0 and t1 <= g1
    return str(g[attr]).strip() == str(t[attr]).strip()


def _scope(gold: pd.DataFrame, tool: pd.DataFrame, articles) -> tuple:
    if articles is not None:
        keep = set(articles)
        gold, tool = gold[gold.article_id.isin(keep)], tool[tool.article_id.isin(keep)]
    return gold, tool


def score_spans(kind: str, gold: pd.DataFrame, tool: pd.DataFrame, articles=None,
                method: str | None = None) -> pd.DataFrame:
    """Precision, recall and F1 of ``tool`` spans against ``gold`` spans, per article and
    pooled over ``articles`` (default: the articles of ``gold``), and the accuracy of each
    attribute of ``SPAN_KINDS[kind]`` on the matched pairs. A tool span matches a gold span
    of the same article overlapping it by >= 50% of the shorter one (``match_spans``).
    ``n`` is the number of gold spans for recall and F1, of tool spans for precision, and of
    matched pairs for attribute accuracy. The pooled row carries a cluster-bootstrap
    interval (articles resampled) when it pools at least 5 articles."""
    method = method or kind
    articles = sorted(set(gold.article_id)) if articles is None else sorted(articles)
    gold, tool = _scope(gold, tool, articles)
    gold, tool = gold.reset_index(drop=True), tool.reset_index(drop=True)
    pairs = match_spans(gold, tool)
    names = _canonical_names() if "speaker" in SPAN_KINDS.get(kind, []) else None
    attrs = SPAN_KINDS.get(kind, [])
    per: dict = {}
    for aid in articles:
        ng, nt = int((gold.article_id == aid).sum()), int((tool.article_id == aid).sum())
        mine = [(gi, ti) for gi, ti in pairs if gold.at[gi, "article_id"] == aid]
        hits = {a: [_same_attribute(kind, a, gold.loc[gi], tool.loc[ti], names) for gi, ti in mine]
                for a in attrs}
        quoted_gold = [gi for gi in gold.index[gold.article_id == aid] if "kind" in gold and gold.at[gi, "kind"] != "indirect"]  # noqa: E501
        right_quoted = sum(1 for gi, ti in mine if gi in set(quoted_gold)
                           and _same_attribute(kind, "speaker", gold.loc[gi], tool.loc[ti], names))
        per[aid] = {"n_gold": ng, "n_tool": nt, "matched": len(mine), "hits": hits,
                    "quoted": (right_quoted, len(quoted_gold))}

    def counts(units):
        return (sum(u["matched"] for u in units), sum(u["n_gold"] for u in units),
                sum(u["n_tool"] for u in units))

    rows = []
    for aid, units in [(a, [per[a]]) for a in articles] + [("all", [per[a] for a in articles])]:
        m, ng, nt = counts(units)
        p, r, f = prf(m, ng, nt)
        ci = {}
        if aid == "all":
            pooled = {a: per[a] for a in articles}
            for k, stat in enumerate(["precision", "recall", "f1"]):
                ci[stat] = _interval(pooled, lambda us, k=k: prf(*counts(us))[k])
        for stat, value, n in [("precision", p, nt), ("recall", r, ng), ("f1", f, ng)]:
            lo, hi = ci.get(stat, (np.nan, np.nan))
            rows.append(_row(method, aid, stat, value, n, lo, hi, ng, nt, m))
        if kind == "quotes":
            # the extraction targets: quoted spans (in quotation marks) found with the right
            # speaker, over all such hand-coded spans; tool rows with the right speaker, over
            # all tool rows
            right = sum(x for u in units for x in u["hits"]["speaker"])
            quoted = [u["quoted"] for u in units]
            rows.append(_row(method, aid, "quoted spans with the right speaker",
                             sum(q[0] for q in quoted) / max(sum(q[1] for q in quoted), 1), sum(q[1] for q in quoted)))
            rows.append(_row(method, aid, "rows with the right speaker", right / max(nt, 1), nt))
        for a in attrs:
            flags = [x for u in units for x in u["hits"][a]]
            acc = float(np.mean(flags)) if flags else float("nan")
            lo, hi = (_interval({k: per[k] for k in articles},
                                lambda us, a=a: (np.mean([x for u in us for x in u["hits"][a]])
                                                 if any(u["hits"][a] for u in us) else np.nan))
                      if aid == "all" else (np.nan, np.nan))
            rows.append(_row(method, aid, f"{a} accuracy", acc, len(flags), lo, hi))
    return _finish(rows)


def _by_offsets(table: pd.DataFrame, column: str) -> dict:
    return {(a, s, e): v for a, s, e, v in table[["article_id", "start", "end", column]].itertuples(index=False)}


def score_sentences(kind: str, gold: pd.DataFrame, tool: pd.DataFrame, articles=None,
                    method: str | None = None) -> pd.DataFrame:
    """Cohen's kappa and accuracy of a one-label-per-sentence kind (voice: ``voice``;
    sentiment: ``label``), per article and pooled; for voice also the ``speaker accuracy``
    on the sentences both read as carried speech (names mapped as for quotations). Tool sentences are paired with gold rows
    by identical offsets; ``n`` counts the pairs, and ``sentences paired`` is their share of
    the gold rows (a sentence the tool cuts differently is left out). Pooled interval: cluster bootstrap over
    articles (at least 5)."""  # noqa: E501
    method = method or kind
    col = {"voice": "voice", "sentiment": "label"}[kind]
    articles = sorted(set(gold.article_id)) if articles is None else sorted(articles)
    gold, tool = _scope(gold, tool, articles)
    t = _by_offsets(tool, col)
    per: dict = {aid: [] for aid in articles}
    for (aid, s, e), g in _by_offsets(gold, col).items():
        if (aid, s, e) in t:
            per[aid].append((g, t[(aid, s, e)]))
    per = {a: sorted(v, key=lambda x: x) for a, v in per.items()}
    # voice: on sentences both read as carried speech, is it the same speaker?
    speakers: dict = {aid: [] for aid in articles}
    if kind == "voice" and "speaker" in gold.columns and "speaker" in tool.columns:
        names = _canonical_names()
        t_spk = _by_offsets(tool, "speaker")
        for (aid, s, e), g in _by_offsets(gold, "speaker").items():
            carried = t.get((aid, s, e)) in ("quoted", "mixed")
            if g and carried:     # a carried sentence without a speaker counts as wrong
                speakers[aid].append(canonical_speaker(g, names) == canonical_speaker(t_spk.get((aid, s, e), ""), names))  # noqa: E501

    def kappa(units):
        pairs = [p for u in units for p in u]
        return cohen_kappa([g for g, _ in pairs], [x for _, x in pairs])

    def accuracy(units):
        pairs = [p for u in units for p in u]
        return float(np.mean([g == x for g, x in pairs])) if pairs else float("nan")

    n_gold = gold.groupby("article_id").size().to_dict()
    rows = []
    for aid, units in [(a, [per[a]]) for a in articles] + [("all", [per[a] for a in articles])]:
        n = sum(len(u) for u in units)
        for stat, fn in [("kappa", kappa), ("accuracy", accuracy)]:
            lo, hi = _interval(per, fn) if aid == "all" else (np.nan, np.nan)
            rows.append(_row(method, aid, stat, fn(units), n, lo, hi))
        if kind == "voice":
            hits = [x for a in (articles if aid == "all" else [aid]) for x in speakers[a]]
            lo, hi = (_interval(speakers, lambda us: np.mean([x for u in us for x in u])
                                if any(us) else np.nan) if aid == "all" else (np.nan, np.nan))
            rows.append(_row(method, aid, "speaker accuracy", float(np.mean(hits)) if hits else np.nan,
                             len(hits), lo, hi))
        # gold sentences the tool cut the same way (the others are left out of kappa)
        ng = sum(n_gold.get(a, 0) for a in (articles if aid == "all" else [aid]))
        rows.append(_row(method, aid, "sentences paired", n / ng if ng else np.nan, ng))
    return _finish(rows)


def score_labels(kind: str, gold: pd.DataFrame, tool: pd.DataFrame, articles=None,
                 method: str | None = None) -> pd.DataFrame:
    """Per-label precision, recall and F1 over (sentence, label) pairs for frames (label:
    ``frame``) and blame (label: ``topic``), per article and pooled, plus the micro-averaged
    ``f1`` over all labels; for blame, the accuracy of the direction (``blamed``) on the
    (sentence, topic) pairs both flag. Metric names: ``f1`` (micro), ``precision: <label>``,
    ``recall: <label>``, ``f1: <label>``, ``direction accuracy``."""
    method = method or kind
    col = LABEL_KINDS[kind]
    articles = sorted(set(gold.article_id)) if articles is None else sorted(articles)
    gold, tool = _scope(gold, tool, articles)

    def pairs(table):
        return {(a, s, e, lab): (b if kind == "blame" else None) for a, s, e, lab, b in zip(
            table.article_id, table.start, table.end, table[col],
            table["blamed"] if kind == "blame" else [None] * len(table))}

    g_pairs, t_pairs = pairs(gold), pairs(tool)
    labels = sorted(set(k[3] for k in g_pairs) | set(k[3] for k in t_pairs))
    per = {}
    for aid in articles:
        g = {k: v for k, v in g_pairs.items() if k[0] == aid}
        t = {k: v for k, v in t_pairs.items() if k[0] == aid}
        per[aid] = {"counts": {lab: (sum(1 for k in g if k[3] == lab and k in t),
                                     sum(1 for k in g if k[3] == lab), sum(1 for k in t if k[3] == lab))
                               for lab in labels},
                    "direction": [g[k] == t[k] for k in sorted(g) if k in t]}

    def summed(units, lab=None):
        keys = labels if lab is None else [lab]
        return tuple(sum(u["counts"][k][i] for u in units for k in keys) for i in range(3))

    rows = []
    for aid, units in [(a, [per[a]]) for a in articles] + [("all", [per[a] for a in articles])]:
        pooled = aid == "all"
        m, ng, nt = summed(units)
        lo, hi = _interval(per, lambda us: prf(*summed(us))[2]) if pooled else (np.nan, np.nan)
        rows.append(_row(method, aid, "f1", prf(m, ng, nt)[2], ng, lo, hi, ng, nt, m))
        for lab in labels:
            m, ng, nt = summed(units, lab)
            p, r, f = prf(m, ng, nt)
            for stat, value, n in [("precision", p, nt), ("recall", r, ng), ("f1", f, ng)]:
                rows.append(_row(method, aid, f"{stat}: {lab}", value, n, n_gold=ng, n_tool=nt, matched=m))
        if kind == "blame":
            hits = [x for u in units for x in u["direction"]]
            lo, hi = (_interval(per, lambda us: np.mean([x for u in us for x in u["direction"]])
                                if any(u["direction"] for u in us) else np.nan)
                      if pooled else (np.nan, np.nan))
            rows.append(_row(method, aid, "direction accuracy",
                             float(np.mean(hits)) if hits else float("nan"), len(hits), lo, hi))
    return _finish(rows)


#: The metric whose value gives each method its verdict.
HEADLINE = {"voice": "kappa", "sentiment": "kappa", "frames": "f1", "blame": "f1", "claims": "f1",
            **{k: "f1" for k in SPAN_KINDS}}


def articles_of(table: pd.DataFrame) -> set:
    """The article ids a table of any kind refers to (``names.csv`` lists them per name)."""
    if "article_id" in table.columns:
        return set(table.article_id)
    return {a for ids in table.get("article_ids", []) for a in split_list(ids)}


def coded_articles(annotations: dict) -> list:
    """The articles a set of annotations covers: those of its sentence-level kinds (voice,
    sentiment: every sentence of a coded article has a row), else of any kind."""
    for kinds in (("voice", "sentiment"), tuple(k for k in annotations if k not in PLAIN_KINDS)):
        found = sorted(set().union(*[set(annotations[k].article_id) for k in kinds if k in annotations]))
        if found:
            return found
    return []


def score(gold: dict, tool: dict, articles=None) -> pd.DataFrame:
    """Every kind the ``gold`` annotations hold, scored against ``tool`` (same format) over
    ``articles`` (default: ``coded_articles(gold)``), one tidy table with a ``verdict``
    column on each method's headline metric (kappa for voice and sentiment, F1 otherwise)."""
    articles = coded_articles(gold) if articles is None else sorted(articles)
    parts = []
    for kind in ANNOTATION_KINDS:
        if kind in PLAIN_KINDS or kind not in gold or kind not in tool:
            continue
        g, t = gold[kind], tool[kind]
        if kind in SENTENCE_KINDS:
            parts.append(score_sentences(kind, g, t, articles))
        elif kind == "claims":
            # statements are matched within a sentence: the sentences are the voice rows
            spans = tool.get("voice", pd.DataFrame(columns=BASE_COLUMNS))
            parts.append(score_claims(g, t, spans.assign(sentence_id=spans.start), articles))
        elif kind in LABEL_KINDS:
            # frames and blame may be coded for some articles only (the extraction fixture
            # codes them for four of nine): scored over the articles with a coded row
            parts.append(score_labels(kind, g, t, sorted(set(articles) & set(g.article_id))))
        else:
            parts.append(score_spans(kind, g, t, articles))
    if not parts:
        return with_verdicts(_finish([]))
    return with_verdicts(pd.concat(parts, ignore_index=True))


def with_verdicts(scores: pd.DataFrame) -> pd.DataFrame:
    """The ``score`` table (columns ``SCORE_COLUMNS``) with ``verdict`` added: the verdict on
    the headline metric row of each method, empty on the others."""
    head = [HEADLINE.get(m) == k for m, k in zip(scores.method, scores.metric)]
    return scores.assign(verdict=[verdict(v) if h_ else "" for v, h_ in zip(scores.value, head)])


def inter_coder(first: dict, second: dict) -> pd.DataFrame:
    """Agreement between two coders on the articles both coded (those of ``second``, a
    subset): kappa for voice and sentiment, F1 for the span kinds (quotes, mentions, ...)
    and for frames and blame, exactly as the tool is scored, with ``first`` as reference.
    It is the ceiling any method can reach on these articles."""
    both = sorted(set(coded_articles(first)) & set(coded_articles(second)))
    kinds = {k for k in first if k in second}
    return score({k: first[k] for k in kinds}, {k: second[k] for k in kinds}, both)


#: The fewest units (sentences, spans) an article's own score needs before a finding citing
#: that article reports it. Low on purpose: the report only ever adds a caution, and it
#: prints the n, so a reader can weigh a score over three units as what it is.
MIN_ARTICLE_UNITS = 3


def method_verdicts(corpus_dir, articles: pd.DataFrame, sents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each method's headline agreement with the corpus's own hand coding, as
    ``05-validation`` computes it: one row per method pooled over the coded articles
    (``article_id`` "all") and one per method and coded article with at least
    ``MIN_ARTICLE_UNITS`` units, with ``metric``, ``value``, ``n``, ``verdict`` and ``label``
    (the article's reader label, ``article_labels``; "" on pooled rows). Empty for a corpus
    without ``annotations/``. The notebooks pass it to ``h.Findings`` so that a finding resting
    on a weak method, or citing an article where the method is weaker than pooled, says so."""
    gold = load_annotations(corpus_dir, articles)
    columns = ["method", "article_id", "label", "metric", "value", "n", "verdict"]
    if not gold:
        return pd.DataFrame(columns=columns)
    scores = score(gold, tool_annotations(articles, sents))
    head = scores[(scores.metric == scores.method.map(HEADLINE)) & scores.value.notna()]
    head = head[(head.article_id == "all") | (head.n >= MIN_ARTICLE_UNITS)]
    labels = article_labels(articles)
    head = head.assign(label=[labels.get(a, "") if a != "all" else "" for a in head.article_id],
                       _pooled=head.article_id != "all", verdict=[verdict(v) for v in head.value])
    return head.sort_values(["method", "_pooled", "article_id"])[columns].reset_index(drop=True)

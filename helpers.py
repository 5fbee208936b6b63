"""Shared helpers for the notebooks comparing coverage of Russia's 4 August 2025
decision to stop observing its moratorium on INF-range missiles.

Every function here is pure: it reads files only when asked to (``load_corpus``),
never plots, never changes a DataFrame it is given, and returns new DataFrames
whose rows carry their provenance (``article_id``, ``sentence_id`` and character
offsets into the article's cleaned ``text``).

Sections follow the notebooks that use them:

1. Corpus: loading, validation, cleaning with an audit, sentences, tokens
   (``00-corpus-overview``; every other notebook starts here).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

REPO_DIR = Path(__file__).resolve().parent
DEFAULT_CORPUS_DIR = REPO_DIR / "corpus"
DEFAULT_REPORT_DIR = REPO_DIR / "report"


def output_dir(path=None) -> Path:
    """Folder the notebooks export tables and figures to: ``path`` if given, else
    ``$REPORT_DIR``, else the repo's ``report/``. Created if missing."""
    folder = Path(path or os.environ.get("REPORT_DIR") or DEFAULT_REPORT_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def export_csv(table: pd.DataFrame, folder, name: str) -> Path:
    """Write ``table`` to ``folder/name`` as UTF-8 CSV with ``\n`` line ends and no
    index, so that the same table always gives the same bytes. Returns the path."""
    path = Path(folder) / name
    table.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# 1. Corpus
# ---------------------------------------------------------------------------

#: Columns ``corpus/articles.csv`` must have, in the order the README documents.
REQUIRED_COLUMNS = [
    "article_id", "file", "outlet", "title", "published", "url",
    "outlet_country", "outlet_type", "language", "notes",
]
#: Columns that may not be left empty.
NON_EMPTY_COLUMNS = ["article_id", "file", "outlet"]
ARTICLE_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


class CorpusError(ValueError):
    """A corpus folder that cannot be loaded as it is; the message names the file
    (and the row of ``articles.csv``, counted as a spreadsheet counts it, header = 1)."""


def corpus_dir(path=None) -> Path:
    """The corpus folder: ``path`` if given, else ``$CORPUS_DIR``, else the repo's ``corpus/``."""
    if path is None:
        path = os.environ.get("CORPUS_DIR") or DEFAULT_CORPUS_DIR
    return Path(path)


def read_metadata(path=None) -> pd.DataFrame:
    """Read and validate ``articles.csv`` of a corpus folder.

    All columns are read as text, empty cells stay empty strings. Raises
    ``CorpusError`` for a missing file or column, an empty required cell, a
    malformed or duplicate ``article_id``, a ``file`` listed twice or pointing
    outside ``articles/``, and a ``published`` value that is not an ISO date.
    """
    folder = corpus_dir(path)
    csv_path = folder / "articles.csv"
    if not csv_path.is_file():
        raise CorpusError(f"{csv_path}: metadata file not found")
    try:
        meta = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(f"{csv_path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in meta.columns]
    if missing:
        raise CorpusError(f"{csv_path}: missing required column(s): {', '.join(missing)}")

    def where(i):
        return f"{csv_path}, row {i + 2} (article_id {meta.at[i, 'article_id']!r})"

    for i in meta.index:
        for col in NON_EMPTY_COLUMNS:
            if not meta.at[i, col].strip():
                raise CorpusError(f"{where(i)}: column {col!r} is empty")
        if not ARTICLE_ID_RE.match(meta.at[i, "article_id"]):
            raise CorpusError(f"{where(i)}: article_id must be lower-case letters, digits and hyphens")
        name = meta.at[i, "file"]
        if Path(name).name != name or name.startswith("."):
            raise CorpusError(f"{where(i)}: file {name!r} must be a plain file name inside articles/")
        published = meta.at[i, "published"]
        if published:
            try:
                dt.date.fromisoformat(published)
            except ValueError:
                raise CorpusError(
                    f"{where(i)}: published {published!r} is not a date in YYYY-MM-DD form"
                ) from None
    for col in ["article_id", "file"]:
        dup = meta[meta.duplicated(col, keep=False)]
        if len(dup):
            rows = ", ".join(str(i + 2) for i in dup.index)
            raise CorpusError(
                f"{csv_path}: duplicate {col} {dup[col].iloc[0]!r} in rows {rows}"
            )
    return meta


def read_article(file: Path) -> str:
    """Read one article file as UTF-8; raises ``CorpusError`` naming the file and the
    first offending byte if it is not UTF-8, or if it holds no text."""
    data = Path(file).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(
            f"{file}: not UTF-8 text ({err.reason} at byte {err.start}: {data[err.start:err.start + 1]!r})"
        ) from None
    if not text.strip():
        raise CorpusError(f"{file}: the article text is empty")
    return text


# -- Cleaning ---------------------------------------------------------------
# Cleaning never edits the raw files. ``clean_text`` returns the cleaned text and
# a list of edits; each edit is one span of the raw text that was removed or
# replaced, with the rule responsible. Applying the edits to the raw text gives
# the cleaned text exactly (a unit test checks this for every article), so the
# audit is complete.
#
# Stage 1 removes page furniture (whole spans of the raw text).
# Stage 2 normalises what breaks matching, without changing words: characters
# (non-breaking hyphens, zero-width characters, Cyrillic look-alike letters inside
# Latin words) and whitespace (hard-wrapped lines joined, one paragraph per line,
# runs of spaces collapsed, a sentence split by removed furniture rejoined).

_URL_LINE_RE = re.compile(r"[ \t]*https?://\S+[ \t]*\Z")
_LINK_HEADER_RE = re.compile(r"[ \t]*(?:original url|source url|sources?|links?):[ \t]*\Z", re.I)
# a credit at the end of a line ("... on March 22, 2025. Photo: VCG"); the rule
# removes the whole line, the caption it ends
_CAPTION_RE = re.compile(r"\b(?:Photo|Photos|Image|Picture)(?: credit)?: ?[^\n.]{1,60}$", re.M)
_DONATION_RE = re.compile(r"^A Message from [^\n]{1,80}:[ \t]*\n.*?^Remind me later\.[^\n]*$", re.M | re.S)
_RELATED_LINE_RE = re.compile(r"^[ \t]*Related(?: article| articles| story|:)[^\n]*$", re.M)
_RELATED_PARA_RE = re.compile(r"^[ \t]*Related(?: article| articles| story|:)[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*", re.M)
# "Moscow( The COW News Digital) ", "MOSCOW (Reuters) - ": a place, a source in
# brackets, then the first sentence (a capital letter follows).
_DATELINE_RE = re.compile(r"\A\s*[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2} ?\( ?[A-Z][^()\n]{1,60}\)\s*(?:[-\u2013\u2014:]\s*)?(?=[A-Z\u201c\"])")

_CHAR_MAP = {
    "\u2010": "-",   # hyphen
    "\u2011": "-",   # non-breaking hyphen
    "\u00ad": "",    # soft hyphen
    "\u200b": "",    # zero-width space
    "\u200c": "",    # zero-width non-joiner
    "\u200d": "",    # zero-width joiner
    "\u2060": "",    # word joiner
    "\ufeff": "",    # byte-order mark / zero-width no-break space
}
_CHAR_RE = re.compile("[" + "".join(_CHAR_MAP) + "]")
_CYRILLIC_LOOKALIKES = str.maketrans("аеорсухіјѕАВЕКМНОРСТХІЈЅ", "aeopcyxijsABEKMHOPCTXIJS")
_CYRILLIC_RE = re.compile("[аеорсухіјѕАВЕКМНОРСТХІЈЅ]")
_MIXED_SCRIPT_RE = re.compile(
    r"\b\w*(?:[A-Za-z][аеорсухіјѕАВЕКМНОРСТХІЈЅ]|[аеорсухіјѕАВЕКМНОРСТХІЈЅ][A-Za-z])\w*\b"
)
_WS = r"[ \t\r\n\f\v\u00a0\u2028\u2029\u202f\u3000]"
_WS_NOT_SPACE = r"[\t\r\n\f\v\u00a0\u2028\u2029\u202f\u3000]"
# Whitespace runs that need an edit: two or more characters, any character other
# than a plain space, or a space at either end. Single spaces between words (the
# vast majority) do not match, which keeps cleaning fast.
_SPACE_RE = re.compile(rf"(?<!{_WS})(?:{_WS}{{2,}}|{_WS_NOT_SPACE}|\A |[ ]\Z)(?!{_WS})")
_SENTENCE_FINAL = set(".!?:;\"'\u201d\u2019)]\u2026")


def is_hard_wrapped(raw_text: str) -> bool:
    """True if the text was hard-wrapped at a fixed width (sentences broken mid-line).

    Looks at the non-empty lines that are not bare URLs: at least five of them, none
    longer than 100 characters, at least half of them 60 characters or longer, and at
    least 30% ending mid-sentence (a letter, digit or comma). Articles laid out one
    paragraph per line fail the length and mid-sentence tests.
    """
    lines = [ln.strip() for ln in raw_text.split("\n")]
    lines = [ln for ln in lines if ln and not _URL_LINE_RE.match(ln)]
    if len(lines) < 5 or max(map(len, lines)) > 100:
        return False
    long_share = sum(len(ln) >= 60 for ln in lines) / len(lines)
    open_share = sum(ln[-1].isalnum() or ln[-1] == "," for ln in lines) / len(lines)
    return long_share >= 0.5 and open_share >= 0.3


def _link_list_spans(raw_text: str):
    """Spans of blocks of bare URLs (a source-link list), with an optional header
    line such as "Original url:" and URLs hard-wrapped onto a second line."""
    spans, block, prev = [], None, None  # block = [start, end] of current block
    pos = 0
    for line in raw_text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        is_url = bool(_URL_LINE_RE.match(line))
        is_cont = (
            not is_url and prev is not None and prev[0] == "url" and prev[1] >= 70
            and stripped and not any(c.isspace() for c in stripped)
        )
        if is_url or is_cont:
            block = [start if block is None else block[0], end]
            prev = ("url", len(line))
        elif _LINK_HEADER_RE.match(line) and stripped:
            if block is not None and block[1] is not None:
                spans.append(tuple(block))
            block = [start, None]   # a header opens a block, but only counts if a URL follows
            prev = ("header", 0)
        elif not stripped:
            prev = ("blank", 0)
        else:
            if block is not None and block[1] is not None:
                spans.append(tuple(block))
            block, prev = None, ("text", 0)
    if block is not None and block[1] is not None:
        spans.append(tuple(block))
    return [(s, e, "source link list") for s, e in spans]


def _furniture_spans(raw_text: str, wrapped: bool):
    """Stage 1: spans of page furniture in the raw text, as (start, end, rule)."""
    spans = [(raw_text.rfind("\n", 0, m.start()) + 1, m.end(), "photo caption")
             for m in _CAPTION_RE.finditer(raw_text)]
    spans += [(m.start(), m.end(), "donation appeal") for m in _DONATION_RE.finditer(raw_text)]
    related = _RELATED_PARA_RE if wrapped else _RELATED_LINE_RE
    spans += [(m.start(), m.end(), "related-article link") for m in related.finditer(raw_text)]
    spans += _link_list_spans(raw_text)
    m = _DATELINE_RE.match(raw_text)
    if m:
        spans.append((m.start(), m.end(), "dateline"))
    spans.sort()
    merged = []
    for s, e, rule in spans:
        if merged and s < merged[-1][1]:
            # Two rules claim the same characters: keep the earlier span, extended.
            ps, pe, prule = merged[-1]
            merged[-1] = (ps, max(pe, e), prule if pe >= e else f"{prule}+{rule}")
        else:
            merged.append((s, e, rule))
    return merged


def _normalising_edits(text: str, wrapped: bool):
    """Stage 2: (start, end, replacement, rule) edits on the de-furnished text."""
    edits = [(m.start(), m.end(), _CHAR_MAP[m.group()], "character normalisation")
             for m in _CHAR_RE.finditer(text)]
    for m in _MIXED_SCRIPT_RE.finditer(text) if _CYRILLIC_RE.search(text) else ():
        word = m.group()
        fixed = word.translate(_CYRILLIC_LOOKALIKES)
        for k, (a, b) in enumerate(zip(word, fixed)):
            if a != b:
                edits.append((m.start() + k, m.start() + k + 1, b, "Cyrillic look-alike letter"))
    n = len(text)
    for m in _SPACE_RE.finditer(text):
        s, e, run = m.start(), m.end(), m.group()
        newlines = run.count("\n")
        if s == 0 or e == n:
            want, rule = "", "whitespace"
        elif newlines >= (2 if wrapped else 1):
            if text[s - 1] not in _SENTENCE_FINAL and text[e].islower():
                want, rule = " ", "rejoin broken sentence"
            else:
                want, rule = "\n", "whitespace"
        elif newlines:
            want, rule = " ", "unwrap line"
        else:
            want, rule = " ", "whitespace"
        if run != want:
            edits.append((s, e, want, rule))
    edits.sort()
    return edits


def _kept_segments(n: int, removed):
    """(start, end) segments of a length-``n`` text left after removing sorted spans."""
    segs, pos = [], 0
    for s, e, *_ in removed:
        if s > pos:
            segs.append((pos, s))
        pos = max(pos, e)
    if pos < n:
        segs.append((pos, n))
    return segs


def clean_text(raw_text: str):
    """Clean one article's raw text.

    Returns ``(text, edits)``: the cleaned text (one paragraph per line) and a list
    of dicts, one per edited span of the raw text, with ``raw_start``, ``raw_end``,
    ``removed`` (the raw characters), ``replacement`` and ``rule``. Replacing each
    span by its replacement turns the raw text into the cleaned text exactly.
    """
    wrapped = is_hard_wrapped(raw_text)
    furniture = _furniture_spans(raw_text, wrapped)
    segments = _kept_segments(len(raw_text), furniture)
    inter = "".join(raw_text[s:e] for s, e in segments)
    # offsets of each kept segment in the intermediate text, to map stage-2 edits back
    inter_starts, pos = [], 0
    for s, e in segments:
        inter_starts.append(pos)
        pos += e - s

    edits = [dict(raw_start=s, raw_end=e, removed=raw_text[s:e], replacement="", rule=rule)
             for s, e, rule in furniture]
    out, pos = [], 0
    for s, e, repl, rule in _normalising_edits(inter, wrapped):
        out.append(inter[pos:s])
        out.append(repl)
        pos = e
        # one intermediate span may straddle removed furniture: record each raw piece
        k = bisect.bisect_right(inter_starts, s) - 1
        first = True
        while s < e:
            seg_s, seg_e = segments[k]
            raw_s = seg_s + (s - inter_starts[k])
            take = min(e - s, seg_e - raw_s)
            edits.append(dict(raw_start=raw_s, raw_end=raw_s + take,
                              removed=raw_text[raw_s:raw_s + take],
                              replacement=repl if first else "", rule=rule))
            first = False
            s += take
            k += 1
    out.append(inter[pos:])
    edits.sort(key=lambda d: d["raw_start"])
    return "".join(out), edits


def printed_urls(raw_text: str) -> list[str]:
    """URLs printed as bare lines in a raw text, with a URL hard-wrapped over two
    lines joined again, in order of appearance (duplicates kept)."""
    urls = []
    for s, e, _ in _link_list_spans(raw_text):
        for line in raw_text[s:e].split("\n"):
            line = line.strip()
            if not line or _LINK_HEADER_RE.match(line):
                continue
            if line.startswith(("http://", "https://")):
                urls.append(line)
            else:
                urls[-1] += line
    return urls


# -- Loading ----------------------------------------------------------------

#: Word tokens: abbreviations such as "U.S.", numbers with thousands separators,
#: and words with inner hyphens or apostrophes ("Russia's", "intermediate-range").
WORD_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+(?:[-'\u2019]\w+|\.\d+)*")


def load_corpus(path=None) -> pd.DataFrame:
    """Load a corpus folder into one row per article.

    ``path`` defaults to ``$CORPUS_DIR``, else the repo's ``corpus/``. The folder
    holds ``articles.csv`` (one row per article, columns ``REQUIRED_COLUMNS``) and
    ``articles/`` (one UTF-8 text file per row). Returns the metadata columns plus
    ``raw_text`` (the file exactly as read), ``text`` (cleaned, see
    ``clean_text``), ``n_words`` (word tokens in ``text``) and ``n_sentences``,
    sorted by ``article_id``. Raises ``CorpusError`` naming the file and row for
    every problem listed in ``read_metadata`` and ``read_article``, for a file in
    ``articles/`` that has no row, and for an article with nothing left after cleaning.
    """
    folder = corpus_dir(path)
    meta = read_metadata(folder)
    art_dir = folder / "articles"
    if not art_dir.is_dir():
        raise CorpusError(f"{art_dir}: folder of article texts not found")
    on_disk = {p.name for p in art_dir.iterdir() if p.is_file() and not p.name.startswith(".")}
    listed = set(meta["file"])
    for i, name in meta["file"].items():
        if name not in on_disk:
            raise CorpusError(
                f"{folder / 'articles.csv'}, row {i + 2} (article_id {meta.at[i, 'article_id']!r}): "
                f"file {art_dir / name} not found"
            )
    extra = sorted(on_disk - listed)
    if extra:
        raise CorpusError(
            f"{art_dir / extra[0]}: file has no row in {folder / 'articles.csv'}"
            + (f" (nor do {len(extra) - 1} more: {', '.join(extra[1:4])})" if len(extra) > 1 else "")
        )
    raw = [read_article(art_dir / name) for name in meta["file"]]
    cleaned = [clean_text(t)[0] for t in raw]
    for name, text in zip(meta["file"], cleaned):
        if not text.strip():
            raise CorpusError(f"{art_dir / name}: nothing is left after removing page furniture")
    out = meta.assign(
        raw_text=raw,
        text=cleaned,
        n_words=[len(WORD_RE.findall(t)) for t in cleaned],
        n_sentences=[len(_sentence_spans(t)) for t in cleaned],
    )
    return out.sort_values("article_id", kind="stable").reset_index(drop=True)


def removed_spans(articles: pd.DataFrame) -> pd.DataFrame:
    """The cleaning audit: one row per edited span of each article's raw text.

    Columns: ``article_id``, ``outlet``, ``kind`` ("furniture" for removed page
    furniture, "normalisation" for characters and whitespace), ``rule``,
    ``raw_start``, ``raw_end`` (offsets in ``raw_text``), ``removed`` (those raw
    characters) and ``replacement`` (what the cleaned text has instead).
    """
    rows = []
    for aid, outlet, raw in articles[["article_id", "outlet", "raw_text"]].itertuples(index=False):
        for e in clean_text(raw)[1]:
            rows.append(dict(article_id=aid, outlet=outlet, **e))
    cols = ["article_id", "outlet", "kind", "rule", "raw_start", "raw_end", "removed", "replacement"]
    audit = pd.DataFrame(rows, columns=[c for c in cols if c != "kind"])
    furniture_rules = audit["rule"].str.contains(
        "caption|donation|related|link list|dateline", regex=True)
    audit.insert(2, "kind", furniture_rules.map({True: "furniture", False: "normalisation"}))
    return audit[cols]


# -- Sentences and tokens ---------------------------------------------------

#: Abbreviations after which a full stop does not end a sentence (lower case, no
#: final period), given to Punkt explicitly so that no trained model is needed.
ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.u", "u.s.s.r", "e.g", "i.e", "a.m", "p.m", "etc", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm",
    "sen", "rep", "gov", "pres", "st", "no", "inc", "corp", "ltd", "co", "dept", "approx",
}
#: Capitalised words that start a sentence even after an abbreviation ("... in the
#: U.S. The ministry said"); any other capitalised word keeps the abbreviation inside
#: the sentence ("U.S. President Donald Trump").
SENTENCE_STARTERS = {
    "the", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i",
    "but", "and", "in", "on", "a", "an", "as", "however", "meanwhile", "his", "her",
    "its", "their", "there", "such", "moscow", "washington", "russia",
}


def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


_PUNKT = _punkt()


@functools.lru_cache(maxsize=65536)
def _sentence_spans(text: str) -> tuple:
    """(paragraph_id, start, end) of each sentence; paragraphs are lines, and no
    sentence crosses a paragraph break."""
    spans, pos = [], 0
    for p, para in enumerate(text.split("\n"), start=1):
        spans.extend((p, pos + s, pos + e) for s, e in _PUNKT.span_tokenize(para))
        pos += len(para) + 1
    return tuple(spans)


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of each article's cleaned text.

    Columns: ``article_id``, ``outlet``, ``sentence_id`` (1, 2, ... within the
    article), ``paragraph_id``, ``start``, ``end`` (so that
    ``text[start:end]`` of the article is the sentence) and ``text``.
    Splitting is NLTK's Punkt with explicit abbreviations (``ABBREVIATIONS``)
    and sentence starters (``SENTENCE_STARTERS``); closing quotation marks stay
    with the sentence they close.
    """
    rows = []
    for aid, outlet, text in articles[["article_id", "outlet", "text"]].itertuples(index=False):
        for k, (p, s, e) in enumerate(_sentence_spans(text), start=1):
            rows.append((aid, outlet, k, p, s, e, text[s:e]))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "paragraph_id",
                                       "start", "end", "text"])


def tokens(sents: pd.DataFrame) -> pd.DataFrame:
    """One row per word token (``WORD_RE``) of each sentence.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``start``, ``end``
    (offsets into the article's cleaned text), ``token`` (as written) and
    ``norm`` (lower case, curly apostrophe made straight).
    """
    # All sentences joined by newlines (which no token contains) and tokenised in one
    # pass; offsets come from the lengths of tokens and of the gaps between them.
    texts = sents["text"].tolist()
    joined = "\n".join(texts)
    toks = WORD_RE.findall(joined)
    gaps = WORD_RE.split(joined)[:-1]
    tok_len = np.fromiter(map(len, toks), dtype=np.int64, count=len(toks))
    gap_len = np.fromiter(map(len, gaps), dtype=np.int64, count=len(gaps))
    starts = np.cumsum(gap_len) + np.cumsum(tok_len) - tok_len
    sent_len = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    sent_start = np.cumsum(sent_len + 1) - sent_len - 1      # offsets of sentences in `joined`
    row = np.searchsorted(sent_start, starts, side="right") - 1
    shift = sents["start"].to_numpy(dtype=np.int64)[row] - sent_start[row]
    return pd.DataFrame({
        "article_id": sents["article_id"].to_numpy()[row],
        "outlet": sents["outlet"].to_numpy()[row],
        "sentence_id": sents["sentence_id"].to_numpy()[row],
        "start": starts + shift,
        "end": starts + tok_len + shift,
        "token": toks,
        "norm": [t.lower().replace("\u2019", "'") for t in toks],
    })

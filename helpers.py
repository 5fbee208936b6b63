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


# ---------------------------------------------------------------------------
# 2. Named figures (03-named-figures; speakers in 01 and 02)
# ---------------------------------------------------------------------------

FIGURE_COLUMNS = ["figure", "aliases", "surname", "role", "affiliation_group", "country", "notes"]
AFFILIATION_GROUPS = ["russian_official", "us_official", "chinese_expert", "russian_expert",
                      "independent_expert", "other"]


def load_figures(path=None) -> pd.DataFrame:
    """Read and validate the figure registry, one row per person.

    ``path`` defaults to ``figures.csv`` in the corpus folder (``corpus_dir()``) if
    it has one, else the repo's ``corpus/figures.csv``. ``aliases`` lists every full
    form of the name, separated by ``|``; the ``figure`` (canonical name) is always
    one of them, added if missing. ``surname`` is the form that, alone, refers back
    to the person once named in full. Raises ``CorpusError`` naming file and row for
    a missing column, an empty figure or surname, an unknown affiliation group, a
    duplicate figure, or an alias claimed by two people.
    """
    if path is None:
        path = corpus_dir() / "figures.csv"
        if not path.is_file():
            path = DEFAULT_CORPUS_DIR / "figures.csv"
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: figure registry not found")
    reg = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in FIGURE_COLUMNS if c not in reg.columns]
    if missing:
        raise CorpusError(f"{path}: missing required column(s): {', '.join(missing)}")
    owner = {}
    alias_lists = []
    for i, row in reg.iterrows():
        where = f"{path}, row {i + 2} (figure {row['figure']!r})"
        for col in ["figure", "surname"]:
            if not row[col].strip():
                raise CorpusError(f"{where}: column {col!r} is empty")
        if row["affiliation_group"] not in AFFILIATION_GROUPS:
            raise CorpusError(f"{where}: affiliation_group {row['affiliation_group']!r} is not one of "
                              + ", ".join(AFFILIATION_GROUPS))
        aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        if row["figure"] not in aliases:
            aliases.insert(0, row["figure"])
        for alias in aliases:
            if alias in owner and owner[alias] != row["figure"]:
                raise CorpusError(f"{where}: alias {alias!r} is also listed for {owner[alias]!r}")
            owner[alias] = row["figure"]
        alias_lists.append(aliases)
    dup = reg[reg.duplicated("figure", keep=False)]
    if len(dup):
        raise CorpusError(f"{path}: duplicate figure {dup.figure.iloc[0]!r} in rows "
                          + ", ".join(str(i + 2) for i in dup.index))
    return reg.assign(aliases=alias_lists)


_POSSESSIVE = r"(?:['\u2019]s\b|(?<=s)['\u2019](?!\w))?"


@functools.lru_cache(maxsize=8)
def _name_pattern(names: tuple) -> re.Pattern:
    """One regex for every name form, longest first so a full name wins over its surname."""
    alts = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<![\w-])(?P<name>{alts})(?![\w-]){_POSSESSIVE}")


def figure_mentions(sents: pd.DataFrame, figures: pd.DataFrame | None = None,
                    unresolved: bool = False) -> pd.DataFrame:
    """One row per mention of a registered figure, in text order.

    A full name (any alias) always counts. A bare surname counts for the person
    named in full earlier in the same article (the most recently named one, if two
    share it); a surname with no full name before it is not counted, and with
    ``unresolved=True`` is returned instead, with ``figure`` empty, so nothing is lost
    silently. Possessives ("Putin's", "Medvedev’s") count, with the ``'s`` kept in
    ``surface``. Works on cleaned sentences, so removed page furniture never counts.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``start``, ``end``
    (offsets into the article's cleaned text), ``surface`` (as written), ``form``
    ("full" or "surname"), ``figure``, ``affiliation_group``.
    """
    figures = load_figures() if figures is None else figures
    full = {a: f for f, aliases in zip(figures.figure, figures.aliases) for a in aliases}
    by_surname = dict(zip(figures.figure, figures.surname))
    group = dict(zip(figures.figure, figures.affiliation_group))
    pattern = _name_pattern(tuple(sorted(set(full) | set(by_surname.values()))))
    rows, lost = [], []
    current, named = None, {}   # named: surname -> figure last named in full, this article
    for aid, outlet, sid, base, text in sents[
            ["article_id", "outlet", "sentence_id", "start", "text"]].itertuples(index=False):
        if aid != current:
            current, named = aid, {}
        for m in pattern.finditer(text):
            name = m.group("name")
            if name in full:
                fig, form = full[name], "full"
                named[by_surname[fig]] = fig
            elif name in named:
                fig, form = named[name], "surname"
            else:
                lost.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), "surname", "", ""))
                continue
            rows.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), form, fig, group[fig]))
    cols = ["article_id", "outlet", "sentence_id", "start", "end", "surface", "form", "figure",
            "affiliation_group"]
    return pd.DataFrame(lost if unresolved else rows, columns=cols)


def mention_sentences(mentions: pd.DataFrame, sents: pd.DataFrame, figure: str,
                      outlet: str | None = None) -> pd.DataFrame:
    """The sentences behind a count: every sentence mentioning ``figure`` (in
    ``outlet`` if given), with the surface forms used and the sentence text."""
    sel = mentions[mentions.figure == figure]
    if outlet is not None:
        sel = sel[sel.outlet == outlet]
    forms = (sel.groupby(["article_id", "sentence_id"])["surface"]
             .agg(lambda s: ", ".join(s)).rename("surfaces").reset_index())
    return forms.merge(sents[["article_id", "outlet", "sentence_id", "text"]],
                       on=["article_id", "sentence_id"])[
        ["article_id", "outlet", "sentence_id", "surfaces", "text"]]


def mentions_by_outlet(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Mentions of each figure in each outlet, raw and per 1,000 words of that
    outlet's cleaned text, with the number of articles behind each count.

    Columns: ``outlet``, ``figure``, ``affiliation_group``, ``mentions``,
    ``articles`` (of this outlet naming the figure), ``outlet_articles``,
    ``outlet_words``, ``per_1000_words`` (rounded to 2 places). Sorted by outlet,
    then mentions (most first), then figure.
    """
    words = articles.groupby("outlet").agg(outlet_articles=("article_id", "size"),
                                           outlet_words=("n_words", "sum"))
    counts = (mentions.groupby(["outlet", "figure", "affiliation_group"])
              .agg(mentions=("figure", "size"), articles=("article_id", "nunique")).reset_index())
    out = counts.join(words, on="outlet")
    out["per_1000_words"] = (1000 * out.mentions / out.outlet_words).round(2)
    return out.sort_values(["outlet", "mentions", "figure"], ascending=[True, False, True],
                           kind="stable").reset_index(drop=True)


def first_mentions(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Where each figure is first named in each article: ``first_sentence`` of
    ``n_sentences``, ``position`` (first_sentence / n_sentences, 2 places: near 0 =
    the top of the story) and the ``surface`` used there."""
    first = mentions.drop_duplicates(["article_id", "figure"])
    out = first.merge(articles[["article_id", "n_sentences"]], on="article_id")
    out = out.rename(columns={"sentence_id": "first_sentence"})
    out["position"] = (out.first_sentence / out.n_sentences).round(2)
    return out[["article_id", "outlet", "figure", "affiliation_group", "first_sentence",
                "n_sentences", "position", "surface"]].sort_values(
        ["article_id", "first_sentence", "figure"], kind="stable").reset_index(drop=True)


def surface_forms(mentions: pd.DataFrame) -> pd.DataFrame:
    """Which outlet writes which form of each figure's name, and how often."""
    return (mentions.groupby(["figure", "outlet", "surface", "form"]).size()
            .rename("mentions").reset_index()
            .sort_values(["figure", "outlet", "surface"], kind="stable").reset_index(drop=True))


def cooccurrences(mentions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of figures named in the same sentence.

    One row per pair and outlet: ``figure_a`` < ``figure_b`` alphabetically,
    ``sentences`` (how many) and ``where`` (``article_id:sentence_id`` of each)."""
    pairs = []
    for (aid, outlet, sid), figs in mentions.groupby(["article_id", "outlet", "sentence_id"])["figure"]:
        names = sorted(set(figs))
        pairs += [(outlet, a, b, f"{aid}:{sid}") for i, a in enumerate(names) for b in names[i + 1:]]
    df = pd.DataFrame(pairs, columns=["outlet", "figure_a", "figure_b", "where"])
    return (df.groupby(["figure_a", "figure_b", "outlet"])["where"]
            .agg(sentences="size", where=lambda w: ", ".join(w)).reset_index()
            .sort_values(["sentences", "figure_a", "figure_b", "outlet"],
                         ascending=[False, True, True, True], kind="stable").reset_index(drop=True))


# -- Discovering names the registry does not know ---------------------------

#: Role words that introduce a person's name ("spokesman Dmitry Peskov").
ROLE_WORDS = {
    "president", "minister", "chairman", "spokesman", "spokeswoman", "spokesperson",
    "expert", "diplomat", "professor", "envoy", "director", "negotiator", "analyst",
    "fellow", "ambassador", "secretary", "senator", "general", "commander", "official",
    "researcher", "scholar", "chief", "head", "adviser", "advisor", "leader", "premier",
    "lawmaker", "deputy", "governor", "editor", "correspondent", "journalist",
}
#: Verbs of speech that follow a name ("Bondarev said").
SPEECH_VERBS = {
    "said", "says", "told", "wrote", "added", "noted", "warned", "argued", "stated",
    "emphasized", "emphasised", "stressed", "suggested", "explained", "claimed",
    "announced", "insisted", "continued", "believes", "thinks",
}
#: Capitalised words that belong to organisations, places or titles, never to a
#: person's name; they are stripped from the front of a capitalised run.
NOT_NAME_WORDS = {
    "russian", "russia", "us", "u.s", "american", "chinese", "china", "soviet", "ukrainian",
    "western", "european", "foreign", "security", "council", "ministry", "deputy", "president",
    "minister", "chairman", "kremlin", "pentagon", "white", "house", "nato", "treaty",
    "forces", "university", "center", "centre", "institute", "endowment", "project", "times",
    "news", "agency", "press", "associated", "federation", "prime", "general", "secretary",
    "the", "a", "an", "former", "senior", "special", "arms", "control", "nuclear",
    "intermediate-range", "telegram", "channel", "state", "department", "defense", "defence",
    "assembly", "federal", "navy", "army", "air", "force", "moscow", "washington", "beijing",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "in", "on", "at", "by", "for", "of", "and", "but",
    "as", "when", "while", "after", "before", "yet", "this", "that", "it", "he", "she",
}
_CAP_WORD = r"[A-Z](?:[\w'\u2019-]|\.(?=\w))*\.?"   # "Dmitry", "Russia's", "U.S."
_CAP_RUN_RE = re.compile(rf"(?<![\w-])({_CAP_WORD}(?: {_CAP_WORD})*)")
_NAME_WORD_RE = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?\Z")


_APPOSITIVE_RE = re.compile(r", (?:a |an |the )?(?:[a-z-]+ ){0,3}?(%s)\b" % "|".join(sorted(ROLE_WORDS | {"a", "an", "the"})))


def _bare(word: str) -> str:
    """A word lower-cased, without a possessive or a trailing full stop or comma."""
    word = word.lower().rstrip(".,")
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def discover_names(sents: pd.DataFrame, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Propose person names that the figure registry does not know.

    A candidate is a run of two or three capitalised words (after stripping
    organisation, place and title words such as "Russian Security Council") that
    stands in one of three patterns: after a role word ("spokesman Dmitry Peskov",
    "President Vladimir Putin"), before an appositive comma and article
    ("Nikolai Sokov, a former ..."), or before a verb of speech ("Boris Bondarev
    said"). Names already in the registry (any alias) are left out; pass an empty
    registry to see everything the patterns find.

    Returns one row per candidate occurrence: ``article_id``, ``outlet``,
    ``sentence_id``, ``start``, ``end``, ``candidate``, ``cue`` (which pattern) and
    ``cue_word``.
    """
    figures = load_figures() if figures is None else figures
    known = {a for aliases in figures.aliases for a in aliases}
    rows = []
    for aid, outlet, sid, base, text in sents[
            ["article_id", "outlet", "sentence_id", "start", "text"]].itertuples(index=False):
        for m in _CAP_RUN_RE.finditer(text):
            words = m.group(1).split(" ")
            offs = [m.start(1)]
            for w in words[:-1]:
                offs.append(offs[-1] + len(w) + 1)
            # strip organisation/title words from the front; remember the last as a cue
            k, title = 0, ""
            while k < len(words) and _bare(words[k]) in NOT_NAME_WORDS | ROLE_WORDS:
                title = words[k]
                k += 1
            if k < len(words) and words[-1].endswith(".") and not words[-1].endswith(".."):
                words[-1] = words[-1][:-1]        # a full stop after the name
            name_words = words[k:]
            if (not 2 <= len(name_words) <= 3
                    or not all(_NAME_WORD_RE.match(w) and _bare(w) not in NOT_NAME_WORDS
                               for w in name_words)):
                continue   # not a name's shape, or an organisation ("... Affairs University")
            start = offs[k]
            end = offs[-1] + len(words[-1])
            before = text[:m.start(1)].split()
            after = text[end:]
            cue = cue_word = ""
            if _bare(title) in ROLE_WORDS:
                cue, cue_word = "role before", title
            elif before and _bare(before[-1]) in ROLE_WORDS:
                cue, cue_word = "role before", before[-1]
            elif title:
                cue, cue_word = "title before", title
            elif _APPOSITIVE_RE.match(after):
                cue, cue_word = "appositive", _APPOSITIVE_RE.match(after).group(1)
            else:
                nxt = re.match(r" (?:also |had |has )?(\w+)", after)
                if nxt and nxt.group(1).lower() in SPEECH_VERBS:
                    cue, cue_word = "speech verb after", nxt.group(1)
            if not cue:
                continue
            name = " ".join(name_words)
            if name.endswith(("'s", "\u2019s")):
                name, end = name[:-2], end - 2
            if name in known:
                continue
            rows.append((aid, outlet, sid, base + start, base + end, name, cue, cue_word))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end",
                                       "candidate", "cue", "cue_word"])


def discovery_scores(candidates: pd.DataFrame, gold: set) -> dict:
    """Precision and recall of discovered names against a hand-made set of names.

    Counts distinct names: a candidate is right if it is in ``gold``. Returns
    ``found``, ``right``, ``gold``, ``precision``, ``recall``, ``false_positives``
    and ``missed`` (both sorted lists).
    """
    found = set(candidates["candidate"])
    right = found & gold
    return dict(found=len(found), right=len(right), gold=len(gold),
                precision=len(right) / len(found) if found else float("nan"),
                recall=len(right) / len(gold) if gold else float("nan"),
                false_positives=sorted(found - gold), missed=sorted(gold - found))

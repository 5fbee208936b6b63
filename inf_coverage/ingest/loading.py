"""Loading a corpus folder: ``articles.csv`` and its validation, the article files, cleaning
per article (``load_corpus``), the spans cleaning removed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from inf_coverage.core.layout import (
    _BIDI_CONTROL_RE,
    ARTICLE_ID_RE,
    MAX_ARTICLE_ID_LENGTH,
    METADATA_TEXT_COLUMNS,
    NON_EMPTY_COLUMNS,
    REQUIRED_COLUMNS,
    CorpusError,
    corpus_dir,
)
from inf_coverage.ingest.cleaning import FURNITURE_RULES, clean_text, detected_title
from inf_coverage.ingest.copies import copy_groups
from inf_coverage.ingest.text import WORD_RE, _sentence_spans


def _csv_row_at(prefix: str) -> int:
    """The spreadsheet row (header = 1) in which the character after ``prefix`` lies,
    counting records as a CSV reader does (a quoted cell may hold line breaks)."""
    try:
        records = sum(1 for _ in csv.reader(io.StringIO(prefix)))
    except csv.Error:
        records = prefix.count("\n") + 1
    return records + 1 if prefix == "" or prefix.endswith(("\n", "\r")) else max(records, 1)


def read_csv_table(path: Path, columns=()) -> pd.DataFrame:
    """Read one of the corpus's CSV files as text (every cell a string, empty cells
    empty strings), the one reader behind ``read_metadata`` and ``read_registry``.

    Raises ``CorpusError`` naming the file for a 0-byte file (it has not even the
    header row), bytes that are not UTF-8 (with the byte offset in the file and the
    row it falls in), a malformed CSV, and a missing column of ``columns``. A file
    with a header and no rows gives an empty table with those columns."""
    path = Path(path)
    if path.is_symlink():
        raise CorpusError(f"{path}: a symbolic link; a corpus's files are read only as regular files, "
                          f"so that nothing outside the corpus is read through it (copy the file in instead)")
    if not path.is_file():
        raise CorpusError(f"{path}: not a file ({'a folder' if path.is_dir() else 'not found'}); "
                          f"a CSV file is expected here")
    data = path.read_bytes()
    if not data.strip():
        raise CorpusError(f"{path}: the file is empty; it needs at least the header row"
                          + (f" ({','.join(columns)})" if columns else ""))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise CorpusError(f"{path}: UTF-16 text (a spreadsheet's \"Unicode text\" export); save it as "
                              f"\"CSV UTF-8\" instead") from None
        row = _csv_row_at(data[:err.start].decode("utf-8"))
        raise CorpusError(f"{path}, row {row}: not UTF-8 text ({err.reason} at byte {err.start}: "
                          f"{data[err.start:err.start + 1]!r})") from None
    text = text.removeprefix("\ufeff")       # a byte-order mark, as spreadsheets write it
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise CorpusError(f"{path}: not a valid CSV file ({str(err).strip()})") from None
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CorpusError(f"{path}: missing required column(s): {', '.join(missing)}")
    return table


#: Earliest ``published`` date accepted; the latest is the day after the run.
EARLIEST_PUBLISHED = dt.date(1950, 1, 1)
_ISO_DAY_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def check_published(value: str) -> str | None:
    """What is wrong with a ``published`` value, or None if it is empty or a real
    ``YYYY-MM-DD`` date from ``EARLIEST_PUBLISHED`` to the day after today."""
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value) if _ISO_DAY_RE.match(value) else None
    except ValueError:
        day = None
    if day is None:
        return f"published {value!r} is not a date in YYYY-MM-DD form"
    latest = dt.date.today() + dt.timedelta(days=1)
    if not EARLIEST_PUBLISHED <= day <= latest:
        return (f"published {value!r} is outside the accepted dates "
                f"({EARLIEST_PUBLISHED.isoformat()} to {latest.isoformat()}, the day after today)")
    return None


def read_metadata(path=None) -> pd.DataFrame:  # noqa: C901
    """Read and validate ``articles.csv`` of a corpus folder.

    All columns are read as text, empty cells stay empty strings. Raises
    ``CorpusError`` for a missing, empty or header-only file, bytes that are not
    UTF-8, a missing column, an empty required cell, a malformed or duplicate
    ``article_id``, a ``file`` (or ``raw_file``) listed twice or pointing outside its
    folder, and a ``published`` value that is not a ``YYYY-MM-DD`` date from
    1950-01-01 to the day after today.
    """
    folder = corpus_dir(path)
    csv_path = folder / "articles.csv"
    if not csv_path.is_file():
        raise CorpusError(f"{csv_path}: metadata file not found")
    meta = read_csv_table(csv_path, REQUIRED_COLUMNS)
    if meta.empty:
        raise CorpusError(f"{csv_path}: no articles are listed (the file has only its header row)")

    # rows as plain dicts: .at per cell costs more than the checks on 100,000 rows
    rows = meta.to_dict("records")

    def where(i):
        return f"{csv_path}, row {i + 2} (article_id {rows[i]['article_id']!r})"

    for i, row in enumerate(rows):
        for col in NON_EMPTY_COLUMNS:
            if not row[col].strip():
                raise CorpusError(f"{where(i)}: column {col!r} is empty")
        if not ARTICLE_ID_RE.match(row["article_id"]):
            raise CorpusError(f"{where(i)}: article_id must be lower-case letters, digits and hyphens")
        if len(row["article_id"]) > MAX_ARTICLE_ID_LENGTH:
            # ids become file names of the report (articles/<id>.html) and cache rows
            raise CorpusError(f"{csv_path}, row {i + 2}: article_id is {len(row['article_id'])} characters long; "
                              f"at most {MAX_ARTICLE_ID_LENGTH} (it becomes a file name of the report), e.g. "
                              f"{row['article_id'][:40].rstrip('-')!r}")
        for col in METADATA_TEXT_COLUMNS:
            bad = _BIDI_CONTROL_RE.search(row.get(col, "") or "")
            if bad:
                raise CorpusError(f"{where(i)}: column {col!r} holds the invisible direction control "
                                  f"U+{ord(bad.group()):04X}, which shows the text reversed or reordered; "
                                  f"delete it")
        for col, sub in [("file", "articles/"), ("raw_file", "raw/")]:
            name = row.get(col, "")
            if col == "raw_file" and not name:
                continue
            if Path(name).name != name or name.startswith(".") or name in ("", "..") or "\\" in name:
                raise CorpusError(f"{where(i)}: {col} {name!r} must be a plain file name inside {sub}")
        problem = check_published(row["published"])
        if problem:
            raise CorpusError(f"{where(i)}: {problem}")
    if "syndicated_from" in meta.columns:
        known = set(meta["article_id"])
        for i, row in enumerate(rows):
            src = row["syndicated_from"].strip()
            if src and (src not in known or src == row["article_id"]):
                raise CorpusError(f"{where(i)}: syndicated_from {src!r} must be the article_id of another "
                                  f"article of this corpus (the one this article copies)")
    for col in ["article_id", "file", "raw_file"]:
        if col not in meta.columns:
            continue
        named = meta[meta[col] != ""]
        dup = named[named.duplicated(col, keep=False)]
        if len(dup):
            rows = ", ".join(str(i + 2) for i in dup.index)
            raise CorpusError(
                f"{csv_path}: duplicate {col} {dup[col].iloc[0]!r} in rows {rows}"
            )
    return meta


#: Largest article file ``load_corpus`` reads (2 MiB, some 300,000 words, about 50 times
#: the longest seed article): a bigger file is refused, naming it, before it is read,
#: rather than letting memory decide. The web-page import uses the same limit.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024


def read_article(file: Path, where: str = "") -> str:
    """Read one article file as UTF-8; raises ``CorpusError`` naming the file (and
    ``where``, its row) if it is over ``MAX_ARTICLE_BYTES``, if it is not UTF-8 (with
    the first offending byte), or if it holds no text."""
    suffix = f" ({where})" if where else ""
    with open(file, "rb") as fh:        # os-level calls: pathlib costs seconds on 100,000 files
        size = os.fstat(fh.fileno()).st_size
        if size > MAX_ARTICLE_BYTES:
            raise CorpusError(f"{file}: the file is {size:,} bytes, over the limit of "
                              f"{MAX_ARTICLE_BYTES:,} bytes (helpers.MAX_ARTICLE_BYTES){suffix}")
        data = fh.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(
            f"{file}: not UTF-8 text ({err.reason} at byte {err.start}: {data[err.start:err.start + 1]!r}){suffix}"
        ) from None
    if not text.strip():
        raise CorpusError(f"{file}: the article text is empty{suffix}")
    return text


def _check_folder(folder: Path, sub: str, named: dict, csv_path: Path) -> None:
    """Check ``folder/sub`` (``articles`` or ``raw``) against the files rows name in it
    (``named``: file name -> where its row is): every named file is there as a regular
    file, not a symbolic link, inside the corpus folder; nothing else is there, hidden
    files and folders included. Raises ``CorpusError`` naming the path and row."""
    d = folder / sub
    if not d.exists() and not d.is_symlink():
        if named:
            name, where = next(iter(named.items()))
            raise CorpusError(f"{where}: file {d / name} not found ({sub}/ does not exist)")
        return
    root = folder.resolve()
    if d.is_symlink() or not d.is_dir() or not d.resolve().is_relative_to(root):
        raise CorpusError(f"{d}: must be a folder inside the corpus folder, not a symbolic link or a file")
    # one listing of the folder (a stat and a path resolution per file cost seconds on
    # 100,000 files): a named entry that is a regular file and no symbolic link, directly in
    # a folder that resolves inside the corpus folder, resolves inside it too (names are plain
    # file names, checked by read_metadata)
    with os.scandir(d) as listing:
        entries = {e.name: e for e in listing}
    for name, where in named.items():
        e = entries.get(name)
        if e is not None and e.is_symlink():
            raise CorpusError(f"{where}: file {d / name} is a symbolic link; only regular files inside "
                              f"the corpus folder are read")
        if e is None:
            raise CorpusError(f"{where}: file {d / name} not found")
        if not e.is_file(follow_symlinks=False):
            raise CorpusError(f"{where}: {d / name} is not a regular file")
    extra = sorted(e for e in entries if e not in named)
    if extra:
        def kind(name):
            e = d / name
            what = ("symbolic link" if e.is_symlink() else "folder" if e.is_dir()
                    else "file" if e.is_file() else "entry")
            return f"hidden {what}" if name.startswith(".") else what
        more = f" (nor do {len(extra) - 1} more: {', '.join(extra[1:4])}{', ...' if len(extra) > 4 else ''})" \
            if len(extra) > 1 else ""
        raise CorpusError(f"{d / extra[0]}: {kind(extra[0])} has no row in {csv_path}{more}; "
                          f"{sub}/ may hold only the files articles.csv names")


def load_corpus(path=None, clean_all=None, group_all=None) -> pd.DataFrame:
    """Load a corpus folder into one row per article.

    ``path`` defaults to ``$CORPUS_DIR``, else the repo's ``corpus/``. The folder
    holds ``articles.csv`` (one row per article, columns ``REQUIRED_COLUMNS``),
    ``articles/`` (one UTF-8 text file per row, nothing else) and optionally
    ``raw/`` (the saved pages named by an optional ``raw_file`` column, nothing
    else). Returns the metadata columns plus ``raw_text`` (the file exactly as
    read), ``text`` (cleaned, see ``clean_text``), ``n_words`` (word tokens in
    ``text``), ``n_sentences`` and ``title_detected`` (the headline line cleaning removed
    from the top of the text, see ``detected_title``; "" if none), sorted by
    ``article_id``. The ``title`` column stays as ``articles.csv`` has it. Raises ``CorpusError``
    naming the file and row for every problem listed in ``read_metadata`` and
    ``read_article``, for anything in ``articles/`` or ``raw/`` that no row names
    (hidden files and folders included), for a symbolic link or a path that resolves
    outside the corpus folder, for a file over ``MAX_ARTICLE_BYTES``, and for an
    article with no words left after cleaning, and while an add into the folder is running
    or was interrupted (``.add-staging/`` exists; see ``corpus_add``).

    Copy groups are computed here (``copy_groups``): ``copy_group`` is the article_id of
    the group's representative (the article itself when it has no copy), and ``copy_label``
    the optional ``copy_group`` label of ``articles.csv`` as written ("" without one).

    ``clean_all`` (used by ``pipeline.load_corpus``, which caches it) takes the list
    of raw texts and returns, for each, what ``clean_article`` returns (or a table with
    those four columns, one row per raw text); ``group_all`` (also
    ``pipeline.load_corpus``'s) takes the table and returns each row's ``copy_group``, as
    ``copy_groups(table)["copy_group"]`` does.
    """
    folder = corpus_dir(path)
    if (folder / ".add-staging").exists():
        raise CorpusError(f"{folder / '.add-staging'}: an add into this corpus is running or was interrupted; "
                          f"run `make add` again (it rolls an interrupted add back first) or "
                          f"`python scripts/add_articles.py --recover --corpus {folder}`")
    meta = read_metadata(folder)
    csv_path = folder / "articles.csv"
    art_dir = folder / "articles"
    if not art_dir.is_dir():
        raise CorpusError(f"{art_dir}: folder of article texts not found")
    ids = meta["article_id"].tolist()
    wheres = [f"{csv_path}, row {i + 2} (article_id {a!r})" for i, a in enumerate(ids)]
    _check_folder(folder, "articles", dict(zip(meta["file"], wheres)), csv_path)
    raw_files = meta["raw_file"] if "raw_file" in meta.columns else pd.Series([""] * len(meta))
    _check_folder(folder, "raw", {n: w for n, w in zip(raw_files, wheres) if n}, csv_path)
    short = [f"row {i + 2} of {csv_path.name}, article_id {a!r}" for i, a in enumerate(ids)]
    base = str(art_dir)
    raw = [read_article(Path(os.path.join(base, name)), w) for name, w in zip(meta["file"], short)]
    results = (clean_all or _clean_articles)(raw)
    if isinstance(results, pd.DataFrame):       # pipeline's: columns, texts kept in Arrow
        cleaned, n_words = results["text"].array, results["n_words"].tolist()
        n_sentences, titles = results["n_sentences"].tolist(), results["title_detected"].array
    else:
        cleaned, n_words = [r[0] for r in results], [r[1] for r in results]
        n_sentences, titles = [r[2] for r in results], [r[3] for r in results]
    files = meta["file"].tolist()
    for i in (i for i, n in enumerate(n_words) if not n):     # no word: empty, or only symbols
        if not cleaned[i].strip():
            raise CorpusError(f"{art_dir / files[i]}: nothing is left after removing page furniture, "
                              f"control characters and whitespace ({short[i]})")
        raise CorpusError(f"{art_dir / files[i]}: no word is left after cleaning, only punctuation "
                          f"or symbols ({short[i]})")
    out = meta.assign(
        raw_text=raw,
        text=cleaned,
        n_words=n_words,
        n_sentences=n_sentences,
        title_detected=titles,
    )
    del raw, cleaned, results
    # copy groups (corpus_add.copy_groups): the CSV's optional copy_group labels are kept as
    # copy_label, and copy_group becomes the resolved group id
    if "copy_group" in out.columns:
        out = out.rename(columns={"copy_group": "copy_label"})
    else:
        out = out.assign(copy_label="")
    groups = group_all(out) if group_all is not None else copy_groups(out)["copy_group"]
    out = out.assign(copy_group=np.asarray(groups, dtype=object))
    return out.sort_values("article_id", kind="stable").reset_index(drop=True)


# -- Per-article cleaning, for load_corpus and pipeline.load_corpus (issue 16) --

def clean_article(raw_text: str) -> tuple:
    """``(text, n_words, n_sentences, title_detected)`` of one raw article text: what
    ``load_corpus`` derives from it (see ``clean_text``, ``WORD_RE``, ``sentences`` and
    ``detected_title``)."""
    text, edits = clean_text(raw_text)
    return text, len(WORD_RE.findall(text)), len(_sentence_spans(text)), detected_title(edits)


def _clean_articles(raw: list) -> list:
    return [clean_article(t) for t in raw]


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
    # a rule name joins two rules with "+" where their spans overlapped
    furniture_rules = audit["rule"].map(
        lambda rule: any(r in FURNITURE_RULES for r in rule.split("+")))
    audit.insert(2, "kind", furniture_rules.map({True: "furniture", False: "normalisation"}))
    return audit[cols]

"""Growing a corpus from saved web pages and text files (``make add``): extraction,
metadata, article ids, and an atomic, locked write into the corpus folder."""

from __future__ import annotations

import codecs
import contextlib
import csv
import fcntl
import io
import json
import os
import re
import shlex
import shutil
import unicodedata
from pathlib import Path

import pandas as pd

from inf_coverage.core.layout import (
    _BIDI_CONTROL_RE,
    DEFAULT_CORPUS_DIR,
    REQUIRED_COLUMNS,
    SEED_FINGERPRINT,
    CorpusError,
    corpus_fingerprint,
    spreadsheet_safe,
)
from inf_coverage.core.layout import corpus_dir as _corpus_dir
from inf_coverage.ingest.cleaning import clean_text
from inf_coverage.ingest.copies import SHINGLE_WORDS, shingle_sets, similar_pairs, text_key
from inf_coverage.ingest.language import (
    HTML_SUFFIXES,
    MAX_NESTING,
    PRESCAN_BYTES,
    TEXT_SUFFIXES,
    declared_language,
    decode_page,
    detect_language,
    nesting_depth,
    sniff_kind,
)
from inf_coverage.ingest.loading import MAX_ARTICLE_BYTES, check_published, load_corpus, read_csv_table
from inf_coverage.ingest.text import WORD_RE

#: Columns the import may add to ``articles.csv`` (all optional: a corpus without them loads).
#: ``raw_file``: the saved page in ``raw/``; ``author`` and ``site_name``: as the page gives them.
ADDED_COLUMNS = ["raw_file", "author", "site_name"]
#: Optional columns a person fills in to override the computed copy groups.
OVERRIDE_COLUMNS = ["copy_group", "syndicated_from"]
#: Metadata keywords ``add_articles`` accepts (the ``make add`` flags).
METADATA_KEYS = ["outlet", "title", "published", "url", "language", "author", "site_name",
                 "outlet_country", "outlet_type"]


#: An extracted body with fewer words than this (its title line not counted) is "no article".
MIN_BODY_WORDS = 25
STAGING = ".add-staging"


# ---------------------------------------------------------------------------
# Ids and file names
# ---------------------------------------------------------------------------

_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i",
    "є": "ye", "ґ": "g", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d",
})
_SLUG_STOP = frozenset("the a an of and in on to for at by as is are was with from its it this that".split())
MAX_ID_LENGTH = 48


def slug_words(value: str) -> list:
    """Lower-case ASCII words of a text (Cyrillic transliterated, accents dropped, any
    other character a separator)."""
    text = unicodedata.normalize("NFKD", value.lower().translate(_TRANSLIT))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", text)


def make_article_id(outlet: str, title: str, body: str, taken) -> str:
    """A readable id for a new article, as the seed ids are made: the outlet's abbreviation
    (initials of a name of several words, "The" dropped; a one-word name in full) and the
    first three content words of its title (else of its body), lower-case ASCII letters,
    digits and hyphens only (``helpers.ARTICLE_ID_RE``), at most ``MAX_ID_LENGTH``
    characters; ``-2``, ``-3`` ... until it is not in ``taken``. It cannot name a path: it has
    no dot, slash or backslash."""
    words = [w for w in slug_words(outlet) if w != "the"] or ["article"]
    abbr = words[0][:16] if len(words) == 1 else "".join(w[0] for w in words)[:8]
    topic = [w for w in slug_words(title or body[:300]) if w not in _SLUG_STOP][:3]
    base = "-".join([abbr] + topic)[:MAX_ID_LENGTH].strip("-") or "article"
    candidate, k = base, 1
    while candidate in taken:
        k += 1
        candidate = f"{base[:MAX_ID_LENGTH - len(str(k)) - 1]}-{k}"
    return candidate


# ---------------------------------------------------------------------------
# Preparing one file
# ---------------------------------------------------------------------------

class Refusal(Exception):
    """One file of a batch that cannot be added (collected; the batch then raises
    ``CorpusError`` listing every refusal)."""


def _http_url(value) -> str:
    value = (value or "").strip()
    return value if re.match(r"https?://[^\s/]+", value, re.I) and not re.search(r"\s", value) else ""


def extract_page(page: str) -> dict:
    """Body and metadata of a decoded HTML page, by trafilatura (offline: it is given the
    text, never a URL to fetch). Keys: text, title, date, author, sitename, url, hostname.
    Comments are left out; the date is the original publication date, and only the page's
    markup and metadata are searched for it (not its running text)."""
    from trafilatura import bare_extraction
    doc = bare_extraction(page, with_metadata=True, include_comments=False, favor_precision=True,
                          date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None:
        return {}
    return {k: (getattr(doc, k, None) or "") for k in
            ["text", "title", "date", "author", "sitename", "url", "hostname"]}


def trafilatura_version() -> str:
    from importlib.metadata import version
    return version("trafilatura")


def prepare(path: Path, flags: dict) -> dict:  # noqa: C901 (one refusal per kind of bad file)
    """Everything needed to add one file, or ``Refusal`` naming it. Reads the file, checks
    size and kind, decodes and extracts an HTML page, and fills every column from the flags,
    the page and the text, with the reasons in ``notes``. Nothing is written."""
    name = str(path)
    if path.is_symlink():
        # the loader refuses links in a corpus; copying the file a link points to (a system
        # file, say) into the corpus as a regular file would get round that refusal
        raise Refusal(f"{name}: a symbolic link; make add copies only regular files (give the file it "
                      f"points to, {_shell_word(os.path.realpath(path))}, if that is the page you mean)")
    if not path.is_file():
        raise Refusal(f"{name}: not a regular file")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise Refusal(f"{name}: the file is {size:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,} "
                      f"bytes (helpers.MAX_ARTICLE_BYTES)")
    try:     # O_NOFOLLOW: a link swapped in since the check above is refused, not followed
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise Refusal(f"{name}: cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as f:
        data = f.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise Refusal(f"{name}: the file grew over the limit of {MAX_ARTICLE_BYTES:,} bytes while it was read")
    if not data.strip():
        raise Refusal(f"{name}: the file is empty")
    suffix = path.suffix.lower()
    if b"\x00" in data[:PRESCAN_BYTES] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise Refusal(f"{name}: holds NUL bytes (byte {data.index(0):,}): a binary file, or text saved as "
                      f"UTF-16 without a byte-order mark; save the page as UTF-8 HTML or text")
    kind = sniff_kind(data, suffix)
    if kind is None or (suffix in HTML_SUFFIXES and kind != "html"):
        raise Refusal(f"{name}: not an HTML page (no <!doctype html>, <html>, <head> or <body> in its first "
                      f"{PRESCAN_BYTES:,} bytes)" if suffix in HTML_SUFFIXES else
                      f"{name}: neither an HTML page nor a plain-text file")
    notes = []
    meta: dict = {"raw_file": "", "author": "", "site_name": ""}
    if kind == "html":
        try:
            page, how = decode_page(data, name)
        except CorpusError as err:
            raise Refusal(str(err)) from None
        depth = nesting_depth(page)
        if depth > MAX_NESTING:
            raise Refusal(f"{name}: its elements are nested {depth:,} deep, past the {MAX_NESTING} levels the HTML "
                          f"parser reads (a generated or broken page); save the article's own page")
        found = extract_page(page)
        # a direction override in a site name or title shows it reversed (the loader refuses it)
        hidden = sorted({k for k, v in found.items() if isinstance(v, str) and _BIDI_CONTROL_RE.search(v)})
        if hidden:
            found = {k: _BIDI_CONTROL_RE.sub("", v) if isinstance(v, str) else v for k, v in found.items()}
            notes.append(f"Removed invisible direction controls from the page's {', '.join(hidden)}.")
        text = found.get("text", "")
        title_line = found.get("title", "")
        body = [ln for ln in text.split("\n") if ln.strip() and ln.strip() != title_line.strip()]
        n_body = len(WORD_RE.findall(clean_text("\n".join(body))[0]))
        if n_body < MIN_BODY_WORDS:
            raise Refusal(f"{name}: no article body found (trafilatura extracted {n_body} words besides the "
                          f"title; at least {MIN_BODY_WORDS} are needed): a section front, an index, an error "
                          f"or consent page?")
        article_bytes = (text.rstrip("\n") + "\n").encode("utf-8")
        declared, where = declared_language(page)
        notes.append(f"Imported from the saved page {path.name!r}, kept unchanged as raw/{{raw}} ({how}); the "
                     f"text in articles/ is the body trafilatura {trafilatura_version()} extracted from it, "
                     f"comments excluded, unedited.")
        meta.update(raw_suffix=suffix if suffix in HTML_SUFFIXES else ".html", raw_bytes=data,
                    author=found.get("author", ""), site_name=found.get("sitename", ""))
        page_values = {"title": found.get("title", ""), "published": found.get("date", ""),
                       "url": _http_url(found.get("url", "")), "hostname": found.get("hostname", "")}
        if found.get("url") and not page_values["url"]:
            notes.append(f"URL: the page's canonical URL {found['url'][:80]!r} is not an http(s) address, left empty.")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise Refusal(f"{name}: a plain-text file must be UTF-8 (it declares no charset), and this is not "
                          f"({err.reason} at byte {err.start}: {data[err.start:err.start + 1]!r})") from None
        if not WORD_RE.search(clean_text(text)[0]):
            raise Refusal(f"{name}: no words left after cleaning")
        article_bytes = data
        declared, where = "", ""
        notes.append(f"Imported from the text file {path.name!r}, kept byte for byte in articles/.")
        page_values = {"title": "", "published": "", "url": "", "hostname": ""}
    return dict(source=name, kind=kind, text=text, article_bytes=article_bytes, notes=notes,
                declared=(declared, where), page=page_values, **meta)


def _fill(prep: dict, flags: dict, outlets: pd.DataFrame) -> dict:  # noqa: C901
    """The ``articles.csv`` row of a prepared file (without article_id and file names), every
    value's origin in ``notes``. Raises ``Refusal`` when no outlet can be established."""
    name, page, notes = prep["source"], prep["page"], list(prep["notes"])
    html = prep["kind"] == "html"
    row = {}
    given = [k for k in METADATA_KEYS if flags.get(k)]
    # outlet
    if flags.get("outlet"):
        row["outlet"] = flags["outlet"]
    elif prep["site_name"]:
        row["outlet"] = prep["site_name"]
        notes.append("Outlet: the page's site name (og:site_name, JSON-LD publisher or similar).")
    elif page["hostname"]:
        row["outlet"] = page["hostname"]
        notes.append("Outlet: the host name of the page's canonical URL (the page names no site).")
    else:
        raise Refusal(f"{name}: no outlet could be established (the {'page names no site and has no canonical URL' if html else 'text file carries no metadata'}); "  # noqa: E501
                      f"give it with OUTLET= (outlet=)")
    for col, label in [("title", "Title"), ("published", "Published"), ("url", "URL")]:
        if flags.get(col):
            row[col] = flags[col]
        elif page[col]:
            row[col] = page[col]
            notes.append(f"{label}: from the page's metadata" + (" (the original publication date)" if col == "published" else "") + ".")  # noqa: E501
        else:
            row[col] = ""
            why = ("not in the page's metadata or markup" if html else "a text file carries no metadata")
            notes.append(f"{label}: {why}; left empty (give it with {col.upper()}=).")
    if row["published"] and check_published(row["published"]) and not flags.get("published"):
        notes.append(f"Published: the page's date {row['published']!r} is not accepted "
                     f"({check_published(row['published'])}); left empty.")
        row["published"] = ""
    for col in ["author", "site_name"]:
        row[col] = flags.get(col) or prep.get(col, "")
    if html and not row["author"]:
        notes.append("Author: none given by the page; left empty.")
    # language
    detected, how = detect_language(prep["text"])
    declared, where = prep["declared"]
    if flags.get("language"):
        row["language"] = flags["language"]
    elif detected:
        row["language"] = detected
        notes.append(f"Language: {detected}, detected from the text ({how})"
                     + (f"; the page declares {declared!r} ({where})" + ("" if declared == detected else ", which disagrees")  # noqa: E501
                        if declared else "") + ".")
    elif declared:
        row["language"] = declared
        notes.append(f"Language: {declared}, as the page declares it ({where}); the text alone does not tell ({how}).")
    else:
        row["language"] = ""
        notes.append(f"Language: not established (the text does not tell: {how}; the page declares none); "
                     f"left empty (give it with LANGUAGE=).")
    # outlet country and type: given, else those the corpus already has for this outlet
    for col, label in [("outlet_country", "Country"), ("outlet_type", "Type")]:
        if flags.get(col):
            row[col] = flags[col]
            continue
        known = sorted(set(outlets.loc[outlets.outlet == row["outlet"], col]) - {""}) if len(outlets) else []
        if len(known) == 1:
            row[col] = known[0]
            notes.append(f"{label}: as the corpus's other rows for {row['outlet']!r} have it.")
        else:
            row[col] = ""
            notes.append(f"{label}: our classification, not made by the import; left empty"
                         + (" (the corpus's rows for this outlet disagree)" if len(known) > 1 else "") + ".")
    if given:
        notes.append("Given by the person adding it: " + ", ".join(f"{k}={flags[k]!r}" for k in given) + ".")
    row["notes"] = " ".join(notes)
    return row


# ---------------------------------------------------------------------------
# Writing: staging, journal, commit
# ---------------------------------------------------------------------------

@contextlib.contextmanager
def corpus_lock(folder: Path):
    """An exclusive ``flock`` on the corpus folder itself (no lock file is left behind); a
    second add into the same folder refuses at once."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CorpusError(f"{folder}: another add into this corpus is running") from None
        yield
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "xb") as f:        # "x": never overwrite
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _place(staged: Path, final: Path) -> None:
    """Put a staged file at ``final``; a hard link fails if ``final`` exists, so nothing is
    ever overwritten, and the file appears whole or not at all."""
    os.link(staged, final)


def _commit_csv(staged: Path, final: Path) -> None:
    """Replace ``articles.csv`` by the staged one: the rename is the commit of an add."""
    os.replace(staged, final)


def recover(folder) -> list:
    """Roll back an add that was interrupted (its ``.add-staging/`` is still there): every
    file its journal lists that ``articles.csv`` does not name is removed, then the staging
    folder. Returns the paths removed. An add that had committed (its rows are in the CSV)
    keeps its files; only the staging folder goes."""
    folder = Path(folder)
    staging = folder / STAGING
    if not staging.exists():
        return []
    journal = staging / "journal.json"
    planned = json.loads(journal.read_text("utf-8"))["placed"] if journal.is_file() else []
    named: set = set()
    if (folder / "articles.csv").is_file():
        meta = read_csv_table(folder / "articles.csv")
        for col, sub in [("file", "articles"), ("raw_file", "raw")]:
            if col in meta.columns:
                named |= {f"{sub}/{v}" for v in meta[col] if v}
    removed = []
    for rel in planned:
        p = folder / rel
        if rel not in named and (p.exists() or p.is_symlink()) and p.parent.parent == folder:
            p.unlink()
            removed.append(p)
    shutil.rmtree(staging)
    for sub in ["raw", "articles"]:
        d = folder / sub
        with contextlib.suppress(OSError):
            if d.is_dir() and not any(d.iterdir()) and f"{sub}/" in "".join(planned) and \
                    not any(r.startswith(f"{sub}/") for r in named):
                d.rmdir()
    return removed


def _csv_bytes(folder: Path, rows: list, columns_needed: list) -> tuple[bytes, list]:
    """The new ``articles.csv``: the old file's bytes with the new rows appended, or, when
    the new rows need a column the old header lacks, every old row rewritten under the wider
    header (cell values unchanged). A new cell that a spreadsheet would run as a formula (a
    page whose site name begins with "=") is written neutralised (``spreadsheet_safe``), as the
    report's own CSVs are. Returns (bytes, columns)."""
    path = folder / "articles.csv"
    if path.is_file():
        old = path.read_bytes()
        text = old.decode("utf-8")
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        body = text.removeprefix("\ufeff")
        eol = "\r\n" if "\r\n" in body.split("\n", 1)[0] + "\n" else "\n"
        records = list(csv.reader(io.StringIO(body)))
        header = records[0]
        missing = [c for c in columns_needed if c not in header]
        if not missing:
            out = io.StringIO()
            w = csv.writer(out, lineterminator=eol)
            for r in rows:
                w.writerow([spreadsheet_safe(r.get(c, "")) for c in header])
            sep = "" if old.endswith(b"\n") or not old else eol
            return old + (sep + out.getvalue()).encode("utf-8"), header
        header = header + missing
        out = io.StringIO()
        w = csv.writer(out, lineterminator=eol)
        w.writerow(header)
        for rec in records[1:]:
            if rec:
                w.writerow(rec + [""] * (len(header) - len(rec)))
        for r in rows:
            w.writerow([spreadsheet_safe(r.get(c, "")) for c in header])
        return (bom + out.getvalue()).encode("utf-8"), header
    header = list(REQUIRED_COLUMNS) + [c for c in ADDED_COLUMNS if c in columns_needed]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([spreadsheet_safe(r.get(c, "")) for c in header])
    return out.getvalue().encode("utf-8"), header


def _write_batch(folder: Path, records: list) -> None:  # noqa: C901
    """Write the prepared records: stage every file and the new CSV, journal the final
    paths, place the files (never overwriting), then replace ``articles.csv`` (the commit).
    Any exception before the commit removes what was placed: the corpus is as it was."""
    created = [d for d in [folder, folder / "articles", folder / "raw"] if not d.exists()]
    needed = [c for c in ADDED_COLUMNS if any(r.get(c) for r in records)]
    staging = folder / STAGING
    placed: list = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
        csv_data, _ = _csv_bytes(folder, records, needed)
        plan = []
        for r in records:
            plan.append((r["article_bytes"], f"articles/{r['file']}"))
            if r.get("raw_file"):
                plan.append((r["raw_bytes"], f"raw/{r['raw_file']}"))
        journal = {"placed": [rel for _, rel in plan]}
        _write_file(staging / "journal.json", json.dumps(journal).encode("utf-8"))
        for k, (data, _rel) in enumerate(plan):
            _write_file(staging / f"{k}.part", data)
        _write_file(staging / "articles.csv", csv_data)
        _fsync_dir(staging)
        for sub in ["articles", "raw"]:
            if any(rel.startswith(sub + "/") for _, rel in plan):
                (folder / sub).mkdir(exist_ok=True)
        for k, (_, rel) in enumerate(plan):
            _place(staging / f"{k}.part", folder / rel)
            placed.append(folder / rel)
        for sub in ["articles", "raw"]:
            if (folder / sub).is_dir():
                _fsync_dir(folder / sub)
        _commit_csv(staging / "articles.csv", folder / "articles.csv")
        _fsync_dir(folder)
    except BaseException:
        for p in reversed(placed):
            with contextlib.suppress(OSError):
                p.unlink()
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        for d in reversed(created):
            with contextlib.suppress(OSError):
                d.rmdir()
        raise
    shutil.rmtree(staging)
    with contextlib.suppress(OSError):
        if created and (folder / "raw") in created and not any((folder / "raw").iterdir()):
            (folder / "raw").rmdir()


# ---------------------------------------------------------------------------
# The batch
# ---------------------------------------------------------------------------

def collect_paths(paths) -> tuple[list, list]:
    """(files to add, entries skipped with why) from files and folders: a file named is
    always read; a folder gives its files whose names end in .html, .htm, .xhtml, .shtml,
    .txt or .text, not its sub-folders (a browser's "Save page as" puts the page's images and
    scripts in a ``NAME_files/`` folder beside it) and not hidden files."""
    files, skipped = [], []
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in map(Path, paths):
        if p.is_dir():
            for e in sorted(p.iterdir(), key=lambda e: e.name):
                if e.name.startswith("."):
                    skipped.append((e, "hidden"))
                elif e.is_dir():
                    skipped.append((e, "a folder (its files are not read)"))
                elif e.suffix.lower() in HTML_SUFFIXES | TEXT_SUFFIXES:
                    files.append(e)
                else:
                    skipped.append((e, "not .html, .htm, .xhtml, .shtml, .txt or .text"))
        else:
            files.append(p)
    return files, skipped


ADDED_REPORT_COLUMNS = ["article_id", "source", "file", "raw_file", "outlet", "title", "published",
                        "language", "near_duplicate_of", "jaccard", "containment"]


def _shell_word(path) -> str:
    """``path`` as one word a shell reads back unchanged (for commands quoted in messages)."""
    return shlex.quote(str(path))


def add_articles(paths, corpus_dir=None, force: bool = False, **metadata) -> pd.DataFrame:  # noqa: C901
    """Add saved web pages and plain-text files to a corpus folder; returns one row per
    added article (``ADDED_REPORT_COLUMNS``; ``.attrs["skipped"]`` lists folder entries not
    read).

    ``paths``: a file, a folder, or a list of them (``collect_paths``). ``corpus_dir``: the
    folder (default ``$CORPUS_DIR``, else the repo's ``corpus/``); one that does not exist yet
    is created as a new corpus (the repo's registries are used for it). ``metadata``: values
    for every added article, overriding the page (``outlet``, ``title``, ``published``,
    ``url``, ``language``, ``author``, ``site_name``, ``outlet_country``, ``outlet_type``).
    ``force``: allow adding to the seed corpus (recognised by its fingerprint), which the
    tests compare the seed notebooks against.

    All or none: every file is read, decoded, extracted, described and compared with the
    corpus and the rest of the batch before anything is written, and one refused file
    refuses the batch, with a ``CorpusError`` that lists every refused file and why (not
    HTML nor text, over ``helpers.MAX_ARTICLE_BYTES``, undeclared charset and not UTF-8, no
    article body, no outlet, an exact duplicate of an article in the corpus or the batch,
    which it names). Near-duplicates are added, their ``notes`` naming the article they
    copy. A previous add that was interrupted is rolled back first (``recover``)."""
    unknown = sorted(set(metadata) - set(METADATA_KEYS))
    if unknown:
        raise TypeError(f"add_articles: unknown metadata {', '.join(unknown)} (known: {', '.join(METADATA_KEYS)})")
    flags = {k: str(v).strip() for k, v in metadata.items() if v is not None and str(v).strip()}
    if flags.get("published") and check_published(flags["published"]):
        raise CorpusError(f"PUBLISHED={flags['published']!r}: {check_published(flags['published'])}")
    if flags.get("url") and not _http_url(flags["url"]):
        raise CorpusError(f"URL={flags['url']!r}: not an http(s) address")
    if flags.get("language") and not re.fullmatch(r"[a-z]{2,3}", flags["language"]):
        raise CorpusError(f"LANGUAGE={flags['language']!r}: give an ISO 639-1 code such as en or ru")
    folder = _corpus_dir(corpus_dir)
    files, skipped = collect_paths(paths)
    if not files:
        raise CorpusError(f"{', '.join(map(str, [paths] if isinstance(paths, (str, os.PathLike)) else paths))}: "
                            f"no file to add")
    if folder.exists() and not folder.is_dir():
        raise CorpusError(f"{folder}: not a folder")
    exists = folder.exists()
    if exists and not (folder / "articles.csv").exists():
        others = sorted(p.name for p in folder.iterdir())
        if others:
            raise CorpusError(
                f"{folder}: not a corpus (no articles.csv) and not empty ({len(others)} entries, e.g. "
                f"{', '.join(others[:3])}); make add creates a corpus only in a new or empty folder, so that "
                f"nothing of yours is mixed into it. Give CORPUS_DIR= a new folder name")
    # Only the repo's own corpus/ is protected (the tests compare the seed notebooks' outputs on
    # it). A copy elsewhere, with the seed's fingerprint, is the documented way to analyse the
    # seed plus your own articles, so it is accepted.
    if exists and not force and folder.resolve() == DEFAULT_CORPUS_DIR.resolve() \
            and (folder / "articles.csv").is_file() and corpus_fingerprint(folder) == SEED_FINGERPRINT:
        raise CorpusError(
            f"{folder}: this is the repo's seed corpus, whose notebook outputs the tests compare. Add to a "
            f"copy instead: `cp -r corpus my-corpus && make add SRC={_shell_word(files[0])} CORPUS_DIR=my-corpus`, "
            f"then `CORPUS_DIR=my-corpus make report` (or force it with FORCE=1)")
    lock_target = folder
    while not lock_target.exists():      # a new corpus: lock the nearest folder that exists
        lock_target = lock_target.parent
    with corpus_lock(lock_target):
        recover(folder)
        if (folder / "articles.csv").is_file():
            existing = load_corpus(folder)
        else:
            if exists and any(folder.iterdir()) and (folder / "articles").exists():
                raise CorpusError(f"{folder}: has articles/ but no articles.csv; not a corpus folder to add to")
            existing = pd.DataFrame(columns=["article_id", "file", "raw_file", "outlet", "outlet_country",
                                             "outlet_type", "text"])
        refusals, prepared = [], []
        for path in files:
            try:
                prepared.append(prepare(path, flags))
            except Refusal as err:
                refusals.append(str(err))
        taken_ids = set(existing["article_id"])
        taken_files = set(existing["file"]) | (set(existing["raw_file"]) if "raw_file" in existing.columns else set())
        for sub in ["articles", "raw"]:
            if (folder / sub).is_dir():
                taken_files |= set(os.listdir(folder / sub))
        keys = {text_key(t): a for a, t in zip(existing["article_id"], existing["text"])}
        records = []
        for prep in prepared:
            try:
                row = _fill(prep, flags, existing)
            except Refusal as err:
                refusals.append(str(err))
                continue
            clean = clean_text(prep["text"])[0]
            key = text_key(clean)
            if key in keys:
                other = keys[key]
                refusals.append(f"{prep['source']}: an exact duplicate of "
                                + (f"article {other!r} already in the corpus" if not other.startswith("\0")
                                   else f"{other[1:]}, earlier in this batch")
                                + " (the same words in the same order)")
                continue
            aid = make_article_id(row["outlet"], row["title"], clean, taken_ids | taken_files)
            while f"{aid}.txt" in taken_files or f"{aid}{prep.get('raw_suffix', '.html')}" in taken_files:
                aid = make_article_id(row["outlet"], row["title"], clean, taken_ids | taken_files | {aid})
                taken_ids.add(aid)
            taken_ids.add(aid)
            keys[key] = "\0" + prep["source"]
            row.update(article_id=aid, file=f"{aid}.txt", text=clean, source=prep["source"],
                       article_bytes=prep["article_bytes"])
            if prep["kind"] == "html":
                row.update(raw_file=f"{aid}{prep['raw_suffix']}", raw_bytes=prep["raw_bytes"])
                row["notes"] = row["notes"].replace("{raw}", row["raw_file"])
            else:
                row["raw_file"] = ""
            taken_files |= {row["file"], row["raw_file"]} - {""}
            records.append(row)
        if refusals:
            raise CorpusError(f"nothing was added to {folder}: {len(refusals)} of {len(files)} file(s) refused "
                                f"(a batch is added whole or not at all):\n  " + "\n  ".join(refusals))
        # near-duplicates, against the corpus and earlier files of the batch
        all_ids = list(existing["article_id"]) + [r["article_id"] for r in records]
        sets = shingle_sets(list(existing["text"]) + [r["text"] for r in records])
        n_old = len(existing)
        best: dict = {}
        for i, j, jac, cont in similar_pairs(sets):
            if j >= n_old and (j not in best or jac > best[j][1]):
                best[j] = (all_ids[i], jac, cont)
        for k, r in enumerate(records):
            other, jac, cont = best.get(n_old + k, ("", float("nan"), float("nan")))
            r.update(near_duplicate_of=other, jaccard=jac, containment=cont)
            if other:
                r["notes"] += (f" Near-duplicate of {other!r} (Jaccard {jac:.2f}, containment {cont:.2f} on "
                               f"{SHINGLE_WORDS}-word shingles): counted in its copy group (helpers.copy_groups).")
        _write_batch(folder, records)
    report = pd.DataFrame([{c: r.get(c, "") for c in ADDED_REPORT_COLUMNS} for r in records],
                          columns=ADDED_REPORT_COLUMNS)
    report.attrs["skipped"] = [(str(p), why) for p, why in skipped]
    return report

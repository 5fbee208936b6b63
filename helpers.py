"""Shared helpers for the notebooks comparing coverage of Russia's 4 August 2025
decision to stop observing its moratorium on INF-range missiles.

Every function here is pure: it reads files only when asked to (``load_corpus``),
never plots, never changes a DataFrame it is given, and returns new DataFrames
whose rows carry their provenance (``article_id``, ``sentence_id`` and character
offsets into the article's cleaned ``text``).

Sections follow the notebooks that use them, in the order they build on each other:

0. Paths and exports: where the corpus and the report are, CSV and PNG writers,
   text made safe for charts.
1. Corpus: loading, validation, registries, cleaning with an audit, sentences,
   tokens (``00-corpus-overview``; every other notebook starts here).
2. Named figures: the registry, mentions, name discovery (``03-named-figures``;
   the source-framing and sentiment notebooks use it to name speakers).
3. Source framing: quotations and their speakers, narration vs carried speech,
   frames, blame, hedging, keyness (``01-source-framing``).
4. Sentiment: VADER offline, bootstrap summaries, targets, drivers, AFINN
   (``02-sentiment-by-outlet``).
5. Missile-range facts: ranges, dates, systems, places, checks against the
   reference (``04-missile-range-facts``).
6. Claims: the proposition codebook, claim checks, omissions.
7. A growing corpus: ``english_only``, ``one_per_copy_group``, ``coverage_timeline``; the
   web-page import (``add_articles``) and ``copy_groups`` come from ``corpus_add.py``.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import io
import functools
import html as _html
import math
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from findings import FindingError, Findings, expect, fingerprint  # noqa: F401 (re-exported)
from annotations import MIN_ARTICLES_FOR_INTERVAL, method_verdicts  # noqa: F401,E402 (it imports helpers late)
from fast_vader import FastSentimentIntensityAnalyzer  # NLTK's VADER, faster, scores identical

# ---------------------------------------------------------------------------
# 0. Paths and exports
# ---------------------------------------------------------------------------

REPO_DIR = Path(__file__).resolve().parent
DEFAULT_CORPUS_DIR = REPO_DIR / "corpus"
DEFAULT_REPORT_DIR = REPO_DIR / "report"


def output_dir(path=None) -> Path:
    """Folder the notebooks export tables and figures to: ``path`` if given, else
    ``$REPORT_DIR``, else the repo's ``report/``. Created if missing."""
    folder = Path(path or os.environ.get("REPORT_DIR") or DEFAULT_REPORT_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def corpus_fingerprint(path=None) -> str:
    """The corpus folder's fingerprint (``findings.fingerprint``): how a notebook knows it
    is on the seed corpus, whatever the folder is called."""
    return fingerprint(corpus_dir(path))


#: First characters that make a spreadsheet (Excel, LibreOffice) read a cell as a formula
#: or a command: "=", "+", "-", "@", a tab and a carriage return.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER_RE = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\Z")


def spreadsheet_safe(value):
    """A cell as ``export_csv`` writes it: a text cell that begins with one of
    ``FORMULA_LEADS`` gets a leading apostrophe (``'=1+1``), which spreadsheets show
    and never evaluate; any other value, numbers and number-like text ("-5") included,
    is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_LEADS) and not _PLAIN_NUMBER_RE.match(value):
        return "'" + value
    return value


def export_csv(table: pd.DataFrame, folder, name: str) -> Path:
    """Write ``table`` to ``folder/name`` as UTF-8 CSV with Unix line ends and no
    index, so that the same table always gives the same bytes. Returns the path.

    Text cells that a spreadsheet would run as a formula are neutralised in the file
    (see ``spreadsheet_safe``); numbers stay numbers, and ``table`` itself is not
    changed. Such a cell in the file is no longer equal to ``text[start:end]``."""
    path = Path(folder) / name
    safe, has_cr = table.copy(), False
    for col in safe.columns:
        if not (pd.api.types.is_object_dtype(safe[col]) or pd.api.types.is_string_dtype(safe[col])):
            continue
        values = safe[col].tolist()
        neutral = [spreadsheet_safe(v) for v in values]
        if neutral != values:
            safe[col] = pd.Series(neutral, index=safe.index, dtype=object)
        has_cr = has_cr or any(isinstance(v, str) and "\r" in v for v in values)
    # a carriage return inside a cell would end the row for a CSV reader unless the
    # cell is quoted, which pandas does only for "\n": quote every text cell then
    safe.to_csv(path, index=False, lineterminator="\n", encoding="utf-8",
                quoting=csv.QUOTE_NONNUMERIC if has_cr else csv.QUOTE_MINIMAL)
    return path


EMPTY_TABLE_TEXT = "No rows: this corpus has nothing of this kind, so there is no table to show."


def _frame_html(frame: pd.DataFrame) -> str:
    if len(frame):
        return frame._repr_html_()
    return f'<p class="empty-table">{_html.escape(EMPTY_TABLE_TEXT)}</p>'


def _frame_plain(frame: pd.DataFrame, printer, cycle) -> None:
    printer.text(repr(frame) if len(frame) else EMPTY_TABLE_TEXT)


def show_all_rows(max_rows: int = 500, max_colwidth: int = 500) -> None:
    """Let notebook tables show every row and whole sentences (pandas cuts them at 60
    rows and 50 characters by default), so a reader of the HTML export can check each
    number against its text: sets three pandas display options. In a notebook it also
    shows a table with no rows as a sentence (``EMPTY_TABLE_TEXT``), never as a header over
    nothing: on another corpus a table can be empty (no dates, no quotation)."""
    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.min_rows", max_rows)
    pd.set_option("display.max_colwidth", max_colwidth)
    try:
        from IPython import get_ipython
    except ImportError:       # plain Python: nothing is displayed
        return
    shell = get_ipython()
    if shell is not None:
        formatters = shell.display_formatter.formatters
        formatters["text/html"].for_type(pd.DataFrame, _frame_html)
        formatters["text/plain"].for_type(pd.DataFrame, _frame_plain)


def chart_text(value) -> str:
    """Text from the corpus or a registry (an outlet, a label, a name) made safe to draw
    with matplotlib: every ``$`` is escaped, so a pair of them is not typeset as
    mathematics (``$\\frac{1}{0}$`` stays those characters instead of becoming a
    fraction). Outside ``$...$`` matplotlib interprets nothing else in a label, so
    ``$`` is the only character escaped; the drawn text is the value exactly."""
    return str(value).replace("$", "\\$")


# -- Charts: one palette per kind of category ---------------------------------
# Every chart colours a category the same way on every page. The colours are
# colour-blind safe: Okabe & Ito's eight (https://jfly.uni-koeln.de/color/) and Paul
# Tol's "bright" and "muted" schemes (https://personal.sron.nl/~pault/), never red
# against green alone. A kind with a fixed vocabulary (groups, frames, verdicts) has one
# colour per value; outlets get theirs in sorted order of the outlets given, so every
# notebook that passes the corpus's outlets gets the same mapping.

#: Colour of the categories folded into "other" (after the top ones), and its label.
OTHER_COLOUR = "#BBBBBB"
OTHER = "other"

PALETTES = {
    "groups": {
        "russian_official": "#CC3311", "us_official": "#0077BB", "chinese_expert": "#EE7733",
        "chinese_official": "#CCBB44", "russian_expert": "#AA3377", "independent_expert": "#009988",
        "ukrainian_official": "#33BBEE", "european_official": "#4477AA", "nato_official": "#332288",
        "media": "#88CCEE", "unattributed": "#999999", "unknown": "#DDDDDD", "other": OTHER_COLOUR,
    },
    "frames": {
        "escalation": "#CC6677", "western_provocation": "#882255", "treaty_compliance": "#332288",
        "arms_control": "#117733", "nuclear_threat": "#DDCC77", "ukraine_leverage": "#88CCEE",
        "scepticism": "#44AA99",
    },
    "verdicts": {
        "conflicts": "#D55E00", "misleading": "#E69F00", "unverified": "#CC79A7", "agrees": "#0072B2",
        "not checked": "#BBBBBB", "omitted": "#000000", "not said": "#FFFFFF",
        # the verdicts of 05-validation on a method
        "not reliable on this corpus": "#D55E00", "usable with care": "#E69F00", "usable": "#0072B2",
    },
    # no fixed vocabulary: assigned in sorted order of the categories given
    "outlets": ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"],
    "outlet_types": ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"],
    "voices": {"narration": "#0072B2", "mixed": "#999999", "quoted": "#E69F00"},
}


def palette(kind: str, categories) -> dict:
    """The colour of each category of ``kind`` ("groups", "frames", "verdicts", "outlets",
    "outlet_types", "voices"), the same on every page. A fixed vocabulary gives each known
    value its colour (an unknown value gets ``OTHER_COLOUR``); a sequence is assigned in
    sorted order of the distinct ``categories``, and those beyond its length, like
    ``OTHER``, get ``OTHER_COLOUR``: fold them first with ``fold_other``."""
    scheme = PALETTES[kind]
    names = sorted({str(c) for c in categories if str(c) != OTHER})
    if isinstance(scheme, dict):
        colours = {c: scheme.get(c, OTHER_COLOUR) for c in names}
    else:
        colours = {c: (scheme[k] if k < len(scheme) else OTHER_COLOUR) for k, c in enumerate(names)}
    if any(str(c) == OTHER for c in categories):
        colours[OTHER] = OTHER_COLOUR
    return colours


def fold_other(values: pd.Series, weights: pd.Series | None = None, top: int = 6) -> pd.Series:
    """``values`` with every category outside the ``top`` largest (by count, or by the
    sum of ``weights``; ties by name) replaced by ``OTHER``, so a chart names the main
    categories and puts the rest together. A new Series; ``values`` is not changed."""
    w = pd.Series(1, index=values.index) if weights is None else weights
    totals = w.groupby(values).sum()
    order = sorted(totals.index, key=lambda c: (-totals[c], str(c)))
    keep = set(order[:top]) if len(order) > top else set(order)
    return values.where(values.isin(keep), OTHER)


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (a matplotlib colour),
    by the WCAG relative luminance: numbers printed on heatmap cells stay legible."""
    from matplotlib.colors import to_rgb

    def lin(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in to_rgb(background))
    return "black" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 else "white"


def article_labels(articles: pd.DataFrame) -> dict:
    """A reader's name for each article, for charts and tables: the optional ``label``
    column of ``articles.csv`` where it is filled, else the outlet and the publication date
    ("The Moscow Times, 6 Aug 2025"; "undated" without one). Two articles that would share
    a label get "(1)", "(2)" in article order; never the slug."""
    out = {}
    for r in articles.itertuples(index=False):
        label = str(getattr(r, "label", "") or "").strip()
        if not label:
            day = str(r.published or "")          # load_corpus has checked it is a date or empty
            when = f"{int(day[8:])} {dt.date.fromisoformat(day):%b %Y}" if day else "undated"
            label = f"{r.outlet}, {when}"
        out[r.article_id] = label
    seen = pd.Series(out)
    for label, ids in seen.groupby(seen).groups.items():
        if len(ids) > 1:
            for k, aid in enumerate(sorted(ids, key=list(out).index), start=1):
                out[aid] = f"{label} ({k})"
    return out


#: Exported charts are at least this wide in pixels (publication resolution).
PUBLICATION_WIDTH_PX = 1600
#: Resolution of the chart shown in the page (the export is separate and larger).
PAGE_DPI = 150


def save_figure(fig, folder, name: str) -> Path:
    """Save a matplotlib figure as PNG in ``folder`` for the report, at least
    ``PUBLICATION_WIDTH_PX`` pixels wide (200 dpi, more for a narrow figure), without the
    "Software" stamp, so the same figure always gives the same bytes. Returns the path."""
    path = Path(folder) / name
    dpi = max(200, math.ceil(PUBLICATION_WIDTH_PX / fig.get_figwidth()))
    fig.savefig(path, dpi=dpi, metadata={"Software": None})
    return path


NO_MARKS_TEXT = "No chart: this corpus has nothing to draw here."


def chart_marks(fig) -> int:
    """How many data marks ``fig`` draws: bars and patches of non-zero size, lines and
    scatters with points, images with cells, all in data coordinates. Reference lines and
    bands (``axvline``, ``axvspan``: drawn in axes coordinates), legend stand-ins (a bar of
    size zero) and text do not count, so a chart with only those is a chart with no marks."""
    from matplotlib.collections import PathCollection
    n = 0
    for ax in fig.axes:
        data = ax.transData
        for line in ax.lines:
            if line.get_transform() == data and len(line.get_xdata()) and line.get_visible():
                n += 1
        for patch in ax.patches:
            if patch.get_transform().contains_branch(data) and patch.get_visible():
                box = patch.get_extents()
                n += bool(box.width > 0 and box.height > 0)
        for coll in ax.collections:
            points = coll.get_offsets() if isinstance(coll, PathCollection) else coll.get_paths()
            n += bool(len(points)) and coll.get_visible()
        for image in ax.images:
            n += bool(np.asarray(image.get_array()).size)
    return n


def publish_figure(fig, folder, name: str, alt: str) -> None:
    """Save ``fig`` as ``folder/name`` (``save_figure``), show it in the notebook with
    ``alt`` as its text (the report uses it as the image's alt text: say what the chart
    shows and its main result) and close it, so it is not drawn twice. Returns None, so
    that a cell ending with it shows no path. A chart with no data marks (``chart_marks``:
    on another corpus its table can be empty) is neither saved nor shown: a sentence
    (``NO_MARKS_TEXT``) stands in its place."""
    from IPython.display import display
    import base64

    if not chart_marks(fig):
        import matplotlib.pyplot as plt
        plt.close(fig)
        display({"text/html": f'<p class="no-chart">{_html.escape(NO_MARKS_TEXT)}</p>', "text/plain": NO_MARKS_TEXT},
                raw=True)
        return
    save_figure(fig, folder, name)
    buf = io.BytesIO()
    fig.savefig(buf, dpi=PAGE_DPI, format="png", metadata={"Software": None})
    import matplotlib.pyplot as plt
    plt.close(fig)
    display({"image/png": base64.b64encode(buf.getvalue()).decode("ascii"), "text/plain": alt},
            metadata={"image/png": {"export": name}}, raw=True)


# -- Tables for readers ----------------------------------------------------------

#: A table longer than this is shown as an evenly spaced sample, the full table in its CSV.
MAX_TABLE_ROWS = 25
SAMPLE_ROWS = 12
_CSV_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\.csv\Z")


class ShownTable:
    """A table as a notebook shows it (``show_table``): escaped HTML and plain text."""

    def __init__(self, table: pd.DataFrame, total: int, csv: str | None, classes=(), style: str = "",
                 note: str | None = None):
        self.table, self.total, self.csv, self.classes, self.style = table, total, csv, list(classes), style
        self.note = note

    def _note(self) -> tuple:
        shown = len(self.table)
        if shown == self.total and not self.csv and not self.note:
            return "", ""
        what = self.note or (f"{shown} of {self.total} rows shown, evenly spaced" if shown < self.total
                             else f"all {self.total} rows")
        if self.csv:
            return (f'<p class="table-note">{_html.escape(what)}; the full table: '
                    f'<code class="csv-link">{self.csv}</code></p>', f"{what}; the full table: {self.csv}")
        return f'<p class="table-note">{_html.escape(what)}</p>', what

    def _repr_html_(self) -> str:
        if not self.total:
            return f'<p class="empty-table">{_html.escape(self.note or EMPTY_TABLE_TEXT)}</p>'
        index = not isinstance(self.table.index, pd.RangeIndex) or self.table.index.name is not None
        body = self.table.to_html(index=index, border=0, classes=["dataframe", "shown-table"] + self.classes,
                                  na_rep="", escape=True)
        note, _ = self._note()
        style = f"<style>{self.style}</style>" if self.style else ""
        return f"<div>{style}{body}{note}</div>"

    def __repr__(self) -> str:
        if not self.total:
            return self.note or EMPTY_TABLE_TEXT
        _, note = self._note()
        index = not isinstance(self.table.index, pd.RangeIndex) or self.table.index.name is not None
        return self.table.to_string(index=index) + (f"\n[{note}]" if note else "")


def show_table(table: pd.DataFrame, csv: str | None = None, max_rows: int = MAX_TABLE_ROWS,
               sample: int = SAMPLE_ROWS, note: str | None = None) -> ShownTable:
    """``table`` as a reader sees it: every row up to ``max_rows``, else ``sample`` rows
    evenly spaced from first to last (original order kept) with a note giving the total
    and ``csv``, the exported file holding all of it (the report links it); ``note``
    replaces the note's first half (say what a selection shows). A plain 0..n-1 index is
    not shown. ``table`` is not changed."""
    if csv is not None and not _CSV_NAME_RE.match(csv):
        raise ValueError(f"not a CSV file name: {csv!r}")
    total = len(table)
    shown = table
    if total > max_rows:
        picks = sorted({int(round(k * (total - 1) / (sample - 1))) for k in range(sample)})
        shown = table.iloc[picks]
        if isinstance(table.index, pd.RangeIndex) and table.index.name is None:
            shown = shown.reset_index(drop=True)
    return ShownTable(shown, total, csv, note=note)


def _cut_words(text: str, width: int, keep_end: bool) -> str:
    """``text`` cut to at most ``width`` characters at a word boundary, "…" where cut:
    keep its end (left context of a keyword) or its start (right context)."""
    if len(text) <= width:
        return text
    if keep_end:
        part = text[-width:]
        space = part.find(" ")
        return "…" + (part[space + 1:] if 0 <= space < len(part) - 1 else part)
    part = text[:width]
    space = part.rfind(" ")
    return (part[:space] if space > 0 else part) + "…"


def kwic_view(table: pd.DataFrame, width: int = 45, csv: str | None = None) -> ShownTable:
    """A keyword-in-context table (``kwic``) for reading: ``left`` and ``right`` cut at
    word boundaries to ``width`` characters, and, in HTML, the left context right-aligned
    and the keyword in bold so every keyword sits in one column. Columns shown: article,
    sentence, left, match, right."""
    cols = [c for c in ["article_id", "sentence_id", "left", "match", "right"] if c in table.columns]
    view = table[cols].assign(left=[_cut_words(t, width, True) for t in table.left],
                              right=[_cut_words(t, width, False) for t in table.right]).reset_index(drop=True)
    shown = show_table(view, csv=csv)
    k = cols.index("left") + 1
    shown.classes.append("kwic")
    shown.style = (f"table.kwic td:nth-child({k}){{text-align:right;white-space:nowrap}}"
                   f"table.kwic td:nth-child({k + 1}){{font-weight:bold;text-align:center}}"
                   f"table.kwic td:nth-child({k + 2}){{text-align:left;white-space:nowrap}}")
    return shown


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
#: Longest article id: ids become file names (the report's ``articles/<id>.html``), and a
#: file system allows 255 bytes.
MAX_ARTICLE_ID_LENGTH = 100
#: Columns of ``articles.csv`` shown to readers, in which a direction control would reorder text.
METADATA_TEXT_COLUMNS = ["outlet", "title", "author", "site_name", "label", "url"]
#: Unicode direction embeddings, overrides and isolates (the marks U+200E/U+200F, which a
#: right-to-left name may need, are allowed).
_BIDI_CONTROL_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


class CorpusError(ValueError):
    """A corpus folder that cannot be loaded as it is; the message names the file
    (and the row of ``articles.csv``, counted as a spreadsheet counts it, header = 1)."""


def corpus_dir(path=None) -> Path:
    """The corpus folder: ``path`` if given, else ``$CORPUS_DIR``, else the repo's ``corpus/``."""
    if path is None:
        path = os.environ.get("CORPUS_DIR") or DEFAULT_CORPUS_DIR
    return Path(path)


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


def read_metadata(path=None) -> pd.DataFrame:
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


# -- Registries -------------------------------------------------------------
# The analyses read small CSV files beside the articles: figures.csv, frames.csv and
# the others. A corpus folder may carry its own; where it has none, the repo's is used.

def _registry_path(name: str, path) -> Path:
    """``path``, else ``name`` in the corpus folder if it has one, else the repo's."""
    if path is not None:
        return Path(path)
    local = corpus_dir() / name
    return local if local.is_file() else DEFAULT_CORPUS_DIR / name


def read_registry(name: str, path=None, required=(), key: str | None = None) -> tuple:
    """Read one registry CSV as text (empty cells stay empty strings) with
    ``read_csv_table``, checking that it exists, has the ``required`` columns and, if
    ``key`` is given, no empty ``key`` cell and no value of that column twice. A file with
    only its header row gives an empty table with those columns (a registry may be
    legitimately empty). Returns ``(path, table)``; raises ``CorpusError`` naming the
    file (and the rows at fault)."""
    path = _registry_path(name, path)
    if not path.is_file():
        raise CorpusError(f"{path}: {name} not found")
    table = read_csv_table(path, required)
    if key is not None:
        for i in table.index:
            if not table.at[i, key].strip():
                raise CorpusError(f"{path}, row {i + 2}: column {key!r} is empty")
        dup = table[table.duplicated(key, keep=False)]
        if len(dup):
            raise CorpusError(f"{path}: duplicate {key} {dup[key].iloc[0]!r} in rows "
                              + ", ".join(str(i + 2) for i in dup.index))
    return path, table


# -- Patterns and names in registries ----------------------------------------
# Registries hold regular expressions (frames.csv cues, event_types.csv anchors and
# context, the claims codebook's patterns) and names (figures', institutions' and
# systems' aliases). ``check_pattern`` and ``check_name`` are the one place they are
# validated: every loader calls them, so a refusal reads the same everywhere.

#: Longest pattern accepted, and the largest count in a {m,n} repetition.
MAX_PATTERN_LENGTH = 300
MAX_PATTERN_REPEAT = 100

try:                                   # the parser behind ``re.compile`` (Python 3.11+)
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:                    # pragma: no cover - older Pythons
    import sre_constants as _sre
    import sre_parse as _sre_parse

_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT} | ({_sre.POSSESSIVE_REPEAT} if hasattr(_sre, "POSSESSIVE_REPEAT") else set())


def _inner(items):
    """A repeated body without the non-capturing group around it (``(?:...)``)."""
    while len(items) == 1 and items[0][0] is _sre.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = items[0][1][3]
    return items


def _delimited_words(body) -> bool:
    """Is a repeated body a separator followed by alternative plain words, the separator a
    character none of the words holds (``(?:\\s(?:has|had|formally|formal))*``)? Then the
    separators fix where every repetition starts and ends, and distinct words can match each
    stretch in one way only: the repetition cannot backtrack exponentially."""
    if len(body) != 2 or body[1][0] is not _sre.BRANCH:
        return False
    (sep_op, sep), (_, (_, branches)) = body
    words = []
    for branch in branches:
        if not branch or any(op is not _sre.LITERAL for op, _ in branch):
            return False
        words.append("".join(chr(c) for _, c in branch).lower())
    if len(set(words)) != len(words):
        return False
    chars = set("".join(words))
    if sep_op is _sre.LITERAL:
        return chr(sep).lower() not in chars
    if sep_op is _sre.IN and sep == [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]:
        return not any(c.isspace() for c in chars)
    return False


def _pattern_problem(items, under_repeat: bool = False, limit: int = MAX_PATTERN_REPEAT,
                     scoped_flags: bool = False) -> str | None:
    """Why a parsed pattern could run for a very long time or break when combined with
    other patterns, or None. ``under_repeat``: inside a repetition that may run more than once."""
    for op, av in items:
        if op in _REPEATS:
            lo, hi, sub = av
            if hi != _sre.MAXREPEAT and hi > limit or lo > limit:
                return f"has a repetition count over {limit}"
            many = hi > 1
            if many and under_repeat:
                return "has nested quantifiers (a repeated part inside a repeated group), which can take exponential time"
            if many and sub.getwidth()[0] == 0:
                return "repeats a part that can match nothing, which can take exponential time"
            problem = None if many and not under_repeat and _delimited_words(_inner(sub)) \
                else _pattern_problem(sub, under_repeat or many, limit, scoped_flags)
        elif op is _sre.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if (add_flags or del_flags) and not scoped_flags:
                return "has inline flags such as (?i:...); cues are matched case-insensitively already"
            problem = _pattern_problem(sub, under_repeat, limit, scoped_flags)
        elif op is _sre.BRANCH:
            if under_repeat:
                return "has alternatives (|) inside a repeated group, which can take exponential time"
            problem = next(filter(None, (_pattern_problem(b, under_repeat, limit, scoped_flags) for b in av[1])), None)
        elif op in (_sre.GROUPREF, _sre.GROUPREF_EXISTS) or str(op).startswith("GROUPREF"):
            return "refers back to a group (\\1, (?(1)...)), which patterns combined with others cannot do"
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            problem = _pattern_problem(av[1], under_repeat, limit, scoped_flags)
        elif str(op) == "ATOMIC_GROUP":
            problem = _pattern_problem(av, under_repeat, limit, scoped_flags)
        else:
            problem = None
        if problem:
            return problem
    return None


def _unbounded(items, found=None) -> list:
    """Every repetition with no upper bound (+, *, {n,}) in a parsed pattern, as its body."""
    found = [] if found is None else found
    for op, av in items:
        if op in _REPEATS:
            if av[1] == _sre.MAXREPEAT:
                found.append(av[2])
            _unbounded(av[2], found)
        elif op is _sre.SUBPATTERN:
            _unbounded(av[3], found)
        elif op is _sre.BRANCH:
            for b in av[1]:
                _unbounded(b, found)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            _unbounded(av[1], found)
        elif str(op) == "ATOMIC_GROUP":
            _unbounded(av, found)
    return found


_WIDE_CATEGORIES = {getattr(_sre, n) for n in ("CATEGORY_NOT_SPACE", "CATEGORY_NOT_WORD", "CATEGORY_NOT_DIGIT")}


def _is_wide(sub) -> bool:
    """Does a repeated body match (almost) any character: ., [^...], \\S, \\W, \\D?"""
    if len(sub) != 1:
        return False
    op, av = sub[0]
    if op in (_sre.ANY, _sre.NOT_LITERAL):
        return True
    if op is _sre.IN:
        return any(o is _sre.NEGATE or (o is _sre.CATEGORY and a in _WIDE_CATEGORIES) for o, a in av)
    return False


def _open_in_sequence(items) -> int:
    """The most repetitions without an upper bound that one match can pass through in
    sequence: alternatives count as their largest branch (``develop\\w*|test\\w*`` is one),
    a repetition as one plus what its body holds. The time of a search grows with the
    sentence length to about this power."""
    n = 0
    for op, av in items:
        if op in _REPEATS:
            n += (av[1] == _sre.MAXREPEAT) + _open_in_sequence(av[2])
        elif op is _sre.SUBPATTERN:
            n += _open_in_sequence(av[3])
        elif op is _sre.BRANCH:
            n += max((_open_in_sequence(b) for b in av[1]), default=0)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            n += _open_in_sequence(av[1])
        elif str(op) == "ATOMIC_GROUP":
            n += _open_in_sequence(av)
    return n


def _scan_problem(parsed) -> str | None:
    """Patterns whose time grows as a power of the sentence length: more than two open
    repetitions one after another, or an open repetition of any character (``.*``, ``[^,]+``)."""
    bodies = _unbounded(parsed)
    if any(_is_wide(b) for b in bodies):
        return ("repeats any character without a limit (.*, .+, [^...]+, \\S+), which is slow "
                "on long sentences; give a limit such as .{0,40}")
    if _open_in_sequence(parsed) > 2:
        return ("has more than two repetitions without a limit (+, *, {n,}), which is slow on long "
                "sentences; give limits such as \\w{1,20}")
    return None


def check_pattern(pattern: str, where: str, what: str = "pattern", max_length: int = MAX_PATTERN_LENGTH,
                  max_repeat: int = MAX_PATTERN_REPEAT, scoped_flags: bool = False) -> re.Pattern:
    """Validate one regular expression from a registry and return it compiled
    (case-insensitive). ``where`` names the file and row, ``what`` the column ("cue",
    "anchor"...). Raises ``CorpusError`` "<where>: <what> '<pattern>' <why>" for a
    pattern that is not valid, is longer than ``MAX_PATTERN_LENGTH``, matches the empty
    string, has named groups, back-references or inline flags (``(?i)``), or could
    backtrack for minutes: nested quantifiers (``(\\w+\\s?)+``), a repeated part that
    can be empty, alternatives inside a repeated group, a count over
    ``MAX_PATTERN_REPEAT``. Exported for every codebook of patterns (frames, events,
    claims), so they are refused alike."""
    def refuse(why):
        return CorpusError(f"{where}: {what} {pattern!r} {why}")
    if not pattern.strip():
        raise refuse("is empty")
    if len(pattern) > max_length:
        raise refuse(f"is longer than {max_length} characters")
    try:
        compiled = re.compile(pattern)
        parsed = _sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError) as err:
        raise refuse(f"is not a valid regular expression ({err})") from None
    if compiled.groupindex:
        raise refuse("has a named group (?P<name>...), which patterns combined with others cannot have")
    if compiled.flags & ~re.U:
        raise refuse("has inline flags such as (?i) or (?x); cues are matched case-insensitively already")
    if parsed.getwidth()[0] == 0:
        raise refuse("can match the empty string, so it would match everywhere")
    problem = _pattern_problem(parsed, limit=max_repeat, scoped_flags=scoped_flags) or _scan_problem(parsed)
    if problem:
        raise refuse(problem)
    return re.compile(pattern, re.I)


# -- Pre-filters: literal text a pattern cannot match without ------------------
# A sentence that lacks every literal a pattern requires cannot match it, so the pattern
# need not be tried there (speed only: what matches is unchanged). The literals are read
# off the parsed pattern, never listed by hand.

#: The only characters outside ASCII that a case-insensitive ASCII literal matches
#: ("İ" and dotless "ı" match "i", long "ſ" matches "s", the Kelvin sign matches "k").
#: A text holding none of them matches an ASCII literal only with ASCII characters,
#: so ``literal.lower() in text.lower()`` is then a test that cannot miss.
#: ``tests/test_claims.py`` checks this list against every Unicode character.
_CASE_TRAP_RE = re.compile("[\u0130\u0131\u017f\u212a]")


def _required_literals(items):
    """For a parsed pattern (``_sre_parse.parse``): a tuple of lower-case ASCII strings,
    one of which every match contains (case aside), or None when no literal is required.
    A run of plain ASCII characters must match as a run; alternatives need one of their
    own literals each; a repetition needs its body's only when it cannot repeat zero
    times; anything else (classes, ``.``, ``\\b``, look-arounds, non-ASCII characters)
    requires nothing. Of several requirements, the longest (then the fewest) is kept."""
    found, run = [], []

    def end_run():
        if run:
            found.append(("".join(run),))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        end_run()
        if op is _sre.SUBPATTERN:
            need = _required_literals(av[-1])
        elif op is _sre.BRANCH:
            options = [_required_literals(b) for b in av[1]]
            need = None if any(o is None for o in options) else _fewest(w for o in options for w in o)
        elif op in _REPEATS:
            need = _required_literals(av[2]) if av[0] >= 1 else None
        elif str(op) == "ATOMIC_GROUP":
            need = _required_literals(av)
        else:
            need = None
        if need:
            found.append(need)
    end_run()
    return max(found, key=lambda need: (min(map(len, need)), -len(need)), default=None)


def _fewest(literals) -> tuple:
    """Literals one of which a text must hold, without those that hold another ("says"
    holds "say": a text with "says" has "say"), in their first order."""
    literals = list(dict.fromkeys(literals))
    return tuple(w for w in literals if not any(v != w and v in w for v in literals))


@functools.lru_cache(maxsize=4096)
def _pattern_literals(pattern: str, flags: int):
    """``_required_literals`` of a pattern given as source and flags (``re.Pattern``'s
    ``pattern`` and ``flags``); None when there are none."""
    return _required_literals(_sre_parse.parse(pattern, flags))


def _prefilter_text(text: str):
    """The text in lower case, for testing a pattern's required literals against it, or
    None when it holds a ``_CASE_TRAP_RE`` character (a literal test could then miss)."""
    return None if _CASE_TRAP_RE.search(text) else text.lower()


def _could_match(pattern: re.Pattern, text: str) -> bool:
    """False only when ``pattern`` cannot match ``text``: the text lacks every literal
    the pattern requires (``_pattern_literals``)."""
    need = _pattern_literals(pattern.pattern, pattern.flags)
    if need is None:
        return True
    low = _prefilter_text(text)
    if low is None:
        return True
    for w in need:
        if w in low:
            return True
    return False


def _search(pattern: re.Pattern, text: str):
    """``pattern.search(text)``, not tried when ``_could_match`` says it cannot match."""
    return pattern.search(text) if _could_match(pattern, text) else None


def _maybe_matching(lows: list, need) -> list:
    """Indices of the texts (given as their ``_prefilter_text``) that could match a
    pattern whose required literals (``_pattern_literals``) are ``need``, in order."""
    if need is None:
        return list(range(len(lows)))
    hit = set()
    for w in need:
        hit.update([i for i, low in enumerate(lows) if low is None or w in low])
    return sorted(hit)


#: English function words that cannot be a name, alias or surname in a registry: as a
#: name they would match in almost every sentence ("The", "And", "Of"). Words that are
#: also surnames (May, Will, Price, Rice, Little, Young) are not here; neither is "US".
FUNCTION_WORDS = frozenset("""
a an the and or nor but if then so than as of at by for from in into on onto to with
without within about above across after against along among around before behind below
beneath beside between beyond during except inside near off out outside over past since
through throughout toward towards under until unto upon via
i me my mine myself you your yours he him his himself she her hers herself it its itself
we our ours ourselves they them their theirs themselves this that these those who whom
whose which what
is am are was were be been being do does did done has have had having shall should would
could must might
not no yes also just only very too there here when where why how all any both each either
neither every some such own same other
""".split())


def check_name(name: str, where: str, what: str = "alias") -> str:
    """Validate one name from a registry (an alias, a surname, a designation) that is
    matched as written, and return it. Raises ``CorpusError`` "<where>: <what> '<name>'
    <why>" for a name with no letter or digit, with control characters, longer than
    ``MAX_PATTERN_LENGTH``, or that is an English function word (``FUNCTION_WORDS``,
    compared ignoring case)."""
    def refuse(why):
        return CorpusError(f"{where}: {what} {name!r} {why}")
    if not any(c.isalnum() for c in name):
        raise refuse("has no letter or digit")
    if _CONTROL_RE.search(name) or any(c in name for c in "\n\r\t"):
        raise refuse("contains control characters")
    if len(name) > MAX_PATTERN_LENGTH:
        raise refuse(f"is longer than {MAX_PATTERN_LENGTH} characters")
    if name.strip().casefold() in FUNCTION_WORDS:
        raise refuse("is an English function word, which would match in almost every sentence")
    return name


def check_owners(owner: dict, name: str, person: str, where: str, what: str = "alias") -> None:
    """Record that ``person`` claims ``name`` in ``owner`` (casefolded name -> (person,
    name as written)); raises ``CorpusError`` if another person claims the same name,
    in any case ("Putin" and "putin")."""
    key = name.casefold()
    if key in owner and owner[key][0] != person:
        other, written = owner[key]
        same = "" if written == name else f" (as {written!r})"
        raise CorpusError(f"{where}: {what} {name!r} is also listed for {other!r}{same}")
    owner.setdefault(key, (person, name))


def split_list(value: str, sep: str = "|") -> list:
    """A ``|``-separated cell as a list of its non-empty, stripped items."""
    return [v.strip() for v in value.split(sep) if v.strip()]


# -- Cleaning ---------------------------------------------------------------
# Cleaning never edits the raw files. ``clean_text`` returns the cleaned text and
# a list of edits; each edit is one span of the raw text that was removed or
# replaced, with the rule responsible. Applying the edits to the raw text gives
# the cleaned text exactly (a unit test checks this for every article), so the
# audit is complete.
#
# Stage 1 removes page furniture (whole spans of the raw text) and invisible control
# characters (NUL, bidirectional overrides: ``_CONTROL_RE``).
# Stage 2 normalises what breaks matching, without changing words: characters
# (non-breaking hyphens, zero-width characters, Cyrillic look-alike letters inside
# Latin words) and whitespace (hard-wrapped lines joined, one paragraph per line,
# runs of spaces collapsed, a sentence split by removed furniture rejoined).

_URL_LINE_RE = re.compile(r"[ \t]*https?://\S+[ \t]*\Z")
_LINK_HEADER_RE = re.compile(r"[ \t]*(?:original url|source url|sources?|links?):[ \t]*\Z", re.I)
# A credit: a short name, with initials ("U.S. Army") but no sentence inside it.
_CREDIT = r"(?:[^\n.]|(?<=\b[A-Z])\.){1,60}"
# a credit at the end of a line ("... on March 22, 2025. Photo: VCG"); the rule
# removes the whole line, the caption it ends
_CAPTION_RE = re.compile(rf"\b(?:Photo|Photos|Image|Picture)(?: credit)?: ?{_CREDIT}$", re.M)
_DONATION_RE = re.compile(r"^A Message from [^\n]{1,80}:[ \t]*\n.*?^Remind me later\.[^\n]*$", re.M | re.S)
_RELATED_LINE_RE = re.compile(r"^[ \t]*Related(?: article| articles| story|:)[^\n]*$", re.M)
_RELATED_PARA_RE = re.compile(r"^[ \t]*Related(?: article| articles| story|:)[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*", re.M)
# "Moscow( The COW News Digital) ", "MOSCOW (Reuters) - ": a place, a source in
# brackets, then the first sentence (a capital letter follows).
_DATELINE_RE = re.compile(r"\A\s*[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2} ?\( ?[A-Z][^()\n]{1,60}\)\s*(?:[-\u2013\u2014:]\s*)?(?=[A-Z\u201c\"])")

# -- Web-copy furniture --
# Pages saved from the web carry lines that are not the article: buttons, credits, banners,
# and a header (masthead, section, headline, print date, byline) above a dateline. The rules
# below look at one line at a time, so they run in time linear in the text. A line longer
# than ``MAX_FURNITURE_LINE`` is never furniture, and no pattern below is applied to one.
MAX_FURNITURE_LINE = 300
# The header is looked for in the first ``MAX_HEADER_LINES`` non-empty lines only.
MAX_HEADER_LINES = 12
#: Rule names whose spans are page furniture (``removed_spans`` kind "furniture"); the
#: other rules normalise characters and whitespace.
FURNITURE_RULES = (
    "photo caption", "donation appeal", "related-article link", "source link list", "dateline",
    "skip link", "share buttons", "photo credit", "copyright notice", "wire credits",
    "source line", "subscription appeal", "follow appeal", "navigation", "masthead or section",
    "headline", "standfirst", "print date", "byline", "no sentence", "wire tail",
)
# Labels of web-page buttons and links; a line made only of these (alone, or separated by
# "|", "·", "•" or spaces, perhaps in square brackets) is "share buttons" ("Share",
# "Comments (14) | Share this story | Print", "[Back to Top]").
_BUTTON_LABELS = frozenset("""
share tweet email e-mail print save copy comment comments facebook twitter x whatsapp
telegram linkedin reddit pinterest flipboard messenger threads bluesky mastodon
top menu search advertisement subscribe listen more link
""".split()) | frozenset({
    "share this", "share this story", "share this article", "share this page", "share on x",
    "share on facebook", "share on twitter", "copy link", "back to top", "go to top",
    "listen to this article", "sign in", "log in", "gift this article", "leave a comment",
    "view comments", "show comments", "print this page", "print article", "email this",
})
_BUTTON_SEP_RE = re.compile(r"\s*[|\u00b7\u2022]\s*")
_COMMENT_COUNT_RE = re.compile(r"(?:comments? ?\(\d{1,7}\)|\d{1,7} comments?)\Z")
_SKIP_LINK_RE = re.compile(r"\[?skip to (?:the )?(?:main )?(?:content|navigation|article|search)\]?\Z", re.I)
# a line that is a caption or credit from its first word ("Photo: ...", "Photo caption: ...",
# "Image credit: ..."), or a copyright sign before a short credit ("© Reuters Photo")
_CAPTION_LINE_RE = re.compile(
    r"(?:Photo|Photos|Photograph|Image|Picture|Pictured|Video|Caption|Credit)"
    r"(?: caption| credit|s)?:[ \t]?\S", re.I)
_PHOTO_WORD_RE = re.compile(r"\b(?:photos?|photograph|image|picture|video|getty|afp|reuters|ap|epa)\b", re.I)
# a copyright notice: "©", "(c)" or "Copyright" and a year at its start, or "All rights reserved"
_COPYRIGHT_RE = re.compile(
    r"(?:\u00a9|\(c\)[ \t]|copyright(?:[ \t]+(?:\u00a9|\(c\)))?[ \t]+\d{4}\b)|.*\ball rights reserved\b", re.I)
# "(Reporting by ...; Editing by ...)" in brackets, or "Reporting by ..." with no sentence in it
_WIRE_CREDITS_RE = re.compile(
    r"\((?:additional |writing and )?(?:reporting|writing|editing|compiled|translated|"
    r"produced|research|contributing)(?: by)?\b[^\n]{0,200}\)\Z"
    r"|(?:additional reporting|reporting|writing|editing) by [^.\n]{1,120}(?:; ?[^.\n]{1,120})?\Z", re.I)
# "Source: Northline Wire": a short credit, no sentence (a link list header has no text)
_SOURCE_LINE_RE = re.compile(rf"Sources?: ?{_CREDIT}\Z")
# "Read more: ...", "Read also: ...", "See also: ...", "RELATED: ...": a link to another story
_READ_MORE_RE = re.compile(
    r"(?:read (?:more|also|next)|also read|see also|more on this(?: story)?|related"
    r"(?: articles?| stories| coverage| content| reading)?|recommended(?: reading)?|"
    r"most read|editor's picks?)[ \t]*[:|\u2014\u2013>\u00bb]", re.I)
# Subscription and membership appeals: a subscription word, and either an imperative at the
# start of a clause ("... journalism: subscribe to ...", ". Subscribe") or the reader
# addressed ("If you value our work ..."), in a line without quotation marks.
_SUBSCRIPTION_WORD_RE = re.compile(
    r"\b(?:subscrib\w*|newsletters?|donat\w+|paywall|premium access)\b", re.I)
# membership words count only where the reader is addressed ("become a member of our ...")
_MEMBERSHIP_WORD_RE = re.compile(r"\b(?:membership|become a member|members-only)\b", re.I)
_CTA_RE = re.compile(r"(?:\A|[:.!|\u2014]\s*)(?:subscribe|sign up|become|join|donate|register)\b", re.I)
_READER_RE = re.compile(r"\b(?:you|your|our|us)\b", re.I)
_QUOTE_CHARS = set("\"\u201c\u201d\u00ab\u00bb\u201e")
# "Follow Feedline on X, Telegram and Threads ...", "Follow us on Facebook"
_FOLLOW_RE = re.compile(
    r"(?:Follow|Find|Join) (?:us|[A-Z][\w.'-]{0,30}(?: [A-Z][\w.'-]{0,30}){0,3}) on (?:[^\n]{0,80}\b)?"
    r"(?:X|Twitter|Facebook|Telegram|Instagram|Threads|YouTube|TikTok|LinkedIn|WhatsApp|"
    r"Google News|Bluesky|Mastodon|social media)\b")
# The words a furniture line above can start with, and the words it can hold anywhere: a
# line with neither is not looked at further.
_FURNITURE_START_RE = re.compile(
    r"[\[(\u00a9]|(?:skip|photo|image|picture|pictured|video|caption|credit|copyright|"
    r"reporting|writing|editing|additional|sources?|read|also|see|more|related|recommended|"
    r"most|editor|follow|find|join)\b", re.I)
_FURNITURE_WORD_RE = re.compile(
    r"\ball rights reserved\b|\bsubscri|\bnewsletter|\bdonat|\bpaywall\b|\bpremium access\b|"
    r"\bmembership\b|\bbecome a member\b|\bmembers-only\b", re.I)
# -- The header: masthead, sections, headline, print date, byline, dateline --
# A navigation line: two or more short labels separated by " | ", " / ", " > ", " › ", " » ".
_NAV_SEP_RE = re.compile(r"[ \t]+[|/>\u203a\u00bb][ \t]+")
_MONTH_WORDS = ("january february march april may june july august september october november "
           "december jan feb mar apr jun jul aug sep sept oct nov dec").split()
_DATE_WORDS = frozenset(_MONTH_WORDS + """
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
published updated posted last first modified on at a m am pm p gmt utc edt est cdt cst pdt pst
et pt cet cest bst msk eet eest ist time min mins minute minutes read reading h hrs
""".split())
_DATE_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|\S")
_DATE_PUNCT = frozenset(",.:;\u00b7|\u2022\u2014\u2013-/()[]")
_BYLINE_SEP_RE = re.compile(r"[ \t]*[|\u00b7\u2022][ \t]*|[ \t]+[\u2014\u2013-][ \t]+")
_NAME_PARTICLES = frozenset("and de da van von der al bin ibn la le di du".split())
# A dateline opening the first paragraph (or standing on a line of its own): an optional
# bracketed date, a place (capitals: "MOSCOW", "NEW YORK"; or a capitalised name with a
# date or a source), an optional date (", Aug 5", ", August 5."), an optional source
# ("(Northline)", "/VNA/.") and a dash or colon, then the first sentence.
_DATELINE_PARTS_RE = re.compile(
    r"(?P<date>\[[^\]\n]{1,40}\][ \t]*)?"
    r"(?P<place>[A-Z][\w.'\u2019-]{0,30}(?: [A-Z][\w.'\u2019-]{0,30}){0,3})"
    r"(?P<day>,[ \t]?(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})\.?)?"
    r"(?P<source>[ \t]?\([^()\n]{1,40}\)|[ \t]?/[^/\n]{1,30}/\.?)?"
    r"(?P<sep>[ \t]?[-\u2013\u2014:])?"
    r"(?P<end>[ \t]+(?=[\"'\u201c\u2018A-Z])|[ \t]*\Z)")

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
# Invisible control characters, removed (rule "control character"): NUL and the other
# C0 controls that are not whitespace, DEL, and the bidirectional marks, embeddings,
# overrides and isolates (U+200E-F, U+061C, U+202A-E, U+2066-9). A scraper or a hostile
# text can put one inside a name ("Pu<U+202E>tin"), which would hide the mention.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+")
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

    Looks at the non-empty lines that are not bare URLs: at least five of them, at most one
    in ten longer than 100 characters (a headline or a URL may be), at least half of them
    reaching three quarters of the wrap width (the length nine lines in ten stay within, at
    least 40), and at least 30% ending mid-sentence (a letter, digit or comma, with the next
    line going on). Articles laid out one paragraph per line fail the length and
    mid-sentence tests.
    """
    every = [ln.strip() for ln in raw_text.split("\n")]
    # a line ends mid-sentence when it ends in a letter, digit or comma and the next line
    # goes on (a headline or label before a blank line is no broken sentence)
    broken = [bool(ln) and (ln[-1].isalnum() or ln[-1] == ",") and k + 1 < len(every) and bool(every[k + 1])
              for k, ln in enumerate(every)]
    kept = [(ln, b) for ln, b in zip(every, broken) if ln and not _URL_LINE_RE.match(ln)]
    lines = [ln for ln, _ in kept]
    if len(lines) < 5 or sum(len(ln) > 100 for ln in lines) > 0.1 * len(lines):
        return False
    # the wrap width: the length most long lines reach (a feed wraps at 64, another at 72)
    width = sorted(map(len, lines))[int(0.9 * (len(lines) - 1))]
    if width < 40:
        return False
    long_share = sum(len(ln) >= 0.75 * width for ln in lines) / len(lines)
    open_share = sum(b for _, b in kept) / len(lines)
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


def _is_button_line(line: str) -> bool:
    """True if ``line`` is only web-page button or link labels ("Share", "Tweet",
    "Comments (14) | Share this story | Print", "[Back to Top]")."""
    body = line.strip()
    if body[:1] == "[" and body[-1:] == "]":
        body = body[1:-1].strip()
    pieces = [p for p in _BUTTON_SEP_RE.split(body.lower()) if p]
    if not pieces:
        return False
    for piece in pieces:
        if piece in _BUTTON_LABELS or _COMMENT_COUNT_RE.match(piece):
            continue
        words = piece.split()   # "share tweet email": labels separated by spaces
        if len(words) < 2 or not all(w in _BUTTON_LABELS for w in words):
            return False
    return True


def _is_print_date(line: str) -> bool:
    """True if ``line`` is only a printed date, perhaps with a weekday, a time, a time zone,
    "Published"/"Updated" and a reading time ("Published August 7, 2025 · 6 min read",
    "5 Aug 2025, 15:20", "August 7, 2025 at 6:05 a.m. EDT")."""
    tokens = _DATE_TOKEN_RE.findall(line)
    has_month = has_number = False
    for tok in tokens:
        low = tok.lower()
        if tok.isdigit():
            has_number = True
        elif low in _DATE_WORDS:
            has_month = has_month or low in _MONTH_WORDS
        elif tok not in _DATE_PUNCT:
            return False
    return has_month and has_number


def _is_name(part: str) -> bool:
    """True if ``part`` reads as a person's or a desk's name: one to five capitalised words
    (particles such as "de" or "and" allowed), no sentence punctuation."""
    words = part.split()
    return (0 < len(words) <= 5 and words[0][:1].isupper()
            and all(w[:1].isupper() or w in _NAME_PARTICLES for w in words)
            and not any(c in part for c in ".!?:;\"\u201c\u201d"))


def _is_byline(line: str) -> bool:
    """True if ``line`` is a byline: "By ..." (a few words), or a name and a printed date
    separated by "|", "·", or a dash ("Olena Kravets — Tuesday, 5 August 2025, 18:40",
    "By Feedline staff | August 5, 2025")."""
    parts = [p.strip() for p in _BYLINE_SEP_RE.split(line) if p.strip()]
    has_by = has_name = has_date = False
    for part in parts:
        words = part.split()
        if words[0].lower() == "by" and 2 <= len(words) <= 9 \
                and (words[1][:1].isupper() or words[1] == "the") \
                and not part.endswith((".", "!", "?", ":")):
            has_by = True
        elif _is_print_date(part):
            has_date = True
        elif _is_name(part):
            has_name = True
        else:
            return False
    return has_by or (has_name and has_date)


def _is_nav_line(line: str) -> bool:
    """True if ``line`` is two or more short capitalised labels separated by " | ", " / ",
    " > ", " › " or " » " ("Home | World | Business", "FEEDLINE / Roundup")."""
    parts = _NAV_SEP_RE.split(line.strip())
    return len(parts) >= 2 and all(
        p and len(p) <= 40 and len(p.split()) <= 4 and p[0].isupper() and p[-1] not in ".!?,;:"
        for p in parts)


def _dateline_match(line: str):
    """The dateline opening ``line``, as a match, or None. A place in capitals ("MOSCOW",
    "KYIV") needs a date, a source or a dash after it; a place written as a name
    ("Moscow") needs a date or a source, so "Moscow said ..." is never a dateline."""
    m = _DATELINE_PARTS_RE.match(line)
    if not m:
        return None
    place = m.group("place")
    letters = [c for c in place if c.isalpha()]
    capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
    sep = (m.group("sep") or "").strip()
    if m.group("day") or m.group("source"):
        return m
    if capitals and sep in ("-", "\u2013", "\u2014"):
        return m
    return None


def _line_furniture(line: str) -> str | None:
    """The rule naming ``line`` as page furniture wherever it stands, or None: skip links,
    buttons, photo captions and credits, copyright notices, wire credits, "Source:" lines,
    links to other stories, subscription and follow appeals."""
    text = line.strip()
    if not text or len(text) > MAX_FURNITURE_LINE:
        return None
    # most lines are sentences: two cheap looks rule them out before the rules below
    if not _FURNITURE_START_RE.match(text) and not _FURNITURE_WORD_RE.search(text) \
            and not (len(text) <= 100 and _is_button_line(text)):
        return None
    if _SKIP_LINK_RE.match(text):
        return "skip link"
    if len(text) <= 100 and _is_button_line(text):
        return "share buttons"
    if text[0] in "\u00a9(" and _COPYRIGHT_RE.match(text) and len(text.split()) <= 12 \
            and _PHOTO_WORD_RE.search(text):
        return "photo credit"
    if _CAPTION_LINE_RE.match(text):
        return "photo caption"
    if _COPYRIGHT_RE.match(text):
        return "copyright notice"
    if _WIRE_CREDITS_RE.match(text):
        return "wire credits"
    if _SOURCE_LINE_RE.match(text):
        return "source line"
    if _READ_MORE_RE.match(text):
        return "related-article link"
    if not _QUOTE_CHARS.intersection(text) and len(text.split()) <= 40:
        if _SUBSCRIPTION_WORD_RE.search(text) and (_CTA_RE.search(text) or _READER_RE.search(text)):
            return "subscription appeal"
        if _MEMBERSHIP_WORD_RE.search(text) and _READER_RE.search(text):
            return "subscription appeal"
    if _FOLLOW_RE.match(text) and len(text.split()) <= 25:
        return "follow appeal"
    return None


def _header_kind(line: str) -> str | None:
    """What a line of the header is: "navigation", "print date", "byline", "dateline"
    (alone on its line), "masthead or section" (a short label) or "headline" (any other line
    of up to 30 words that is not a sentence broken off), else None (the article begins)."""
    text = line.strip()
    if len(text) > MAX_FURNITURE_LINE:
        return None
    if _is_print_date(text):
        return "print date"
    if _is_byline(text):
        return "byline"
    if _is_nav_line(text):
        return "navigation"
    m = _dateline_match(text)
    if m and m.end() == len(text):
        return "dateline"
    words = text.split()
    if len(words) <= 5 and len(text) <= 40 and text[-1] not in ".!?,;:" and text[0].isupper():
        return "masthead or section"
    if len(words) <= 30 and text[-1] not in ",;:-" and (text[0].isupper() or text[0] in "'\"\u2018\u201c"):
        return "headline"
    return None


def _line_spans(raw_text: str):
    """(start, end, line) for each line of ``raw_text``, without its newline."""
    pos = 0
    for line in raw_text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _web_furniture_spans(raw_text: str, wrapped: bool):
    """Spans of web-copy furniture in ``raw_text``, as (start, end, rule): lines that are
    furniture wherever they stand (``_line_furniture``) and the header at the top.

    In a hard-wrapped text only a line standing alone between blank lines is looked at,
    and no header is looked for. The header is the run of lines at the top that are
    furniture, navigation, a masthead or section name, at most two headline-like lines (a
    headline and a standfirst; at most one of them ending in a full stop), print dates,
    bylines and a dateline on a line of its own, within ``MAX_HEADER_LINES`` non-empty
    lines. It is removed only up to its last print date, byline or dateline (the anchor),
    or up to a dateline opening the first paragraph, which is removed too: with no anchor,
    a short first line may be the article's own first sentence, and nothing is guessed.
    The first line of the header of four or more words, not all capitals, is the
    "headline" (``title_detected``); a headline-like line after it is the "standfirst"."""
    lines = list(_line_spans(raw_text))
    spans = []
    for k, (s, e, line) in enumerate(lines):
        if not line.strip() or len(line) > MAX_FURNITURE_LINE:
            continue
        if wrapped and ((k > 0 and lines[k - 1][2].strip()) or (k + 1 < len(lines) and lines[k + 1][2].strip())):
            continue
        rule = _line_furniture(line)
        if rule:
            lead = len(line) - len(line.lstrip())
            spans.append((s + lead, s + len(line.rstrip()), rule))
    if wrapped:
        return spans
    found = {s: rule for s, _, rule in spans}
    header, anchor, n_headlines, n_sentences, seen = [], -1, 0, 0, 0
    for s, e, line in lines:
        if not line.strip():
            continue
        seen += 1
        lead = len(line) - len(line.lstrip())
        s2, e2 = s + lead, s + len(line.rstrip())
        if seen > MAX_HEADER_LINES:
            break
        if s2 in found:
            continue
        m = _dateline_match(line[lead:])
        if m and s2 + m.end() < e2:
            # the article begins with a dateline, which anchors the header
            header.append((s2, s2 + m.end(), "dateline"))
            anchor = len(header) - 1
            break
        kind = _header_kind(line)
        if kind == "headline":
            n_headlines += 1
            n_sentences += line.rstrip().endswith(".")
        if kind is None or n_headlines > 2 or n_sentences > 1:
            break
        header.append((s2, e2, kind))
        if kind in ("print date", "byline", "dateline"):
            anchor = len(header) - 1
    header = header[:anchor + 1]
    headlines = [k for k, (s, e, kind) in enumerate(header)
                 if kind in ("headline", "masthead or section") and len(raw_text[s:e].split()) >= 4
                 and not raw_text[s:e].isupper()]
    first = headlines[0] if headlines else len(header)
    for k, (s, e, kind) in enumerate(header):
        if k == first:
            header[k] = (s, e, "headline")
        elif kind == "headline":
            header[k] = (s, e, "standfirst" if k > first else "masthead or section")
    return spans + header


# -- Furniture by evidence, not by lists ----------------------------------------
# Pasted pages and feeds carry lines of every kind no list can name in advance (section
# labels, tickers, tags, button rows, captions, audio-player lines, headlines). What they
# share is that they are not prose: a paragraph of an article ends as a sentence ends. So a
# paragraph (a line; in hard-wrapped copy, a block between blank lines) that does not end
# with a sentence's final punctuation is furniture when it is also short, poor in function
# words (a headline, a label, a list of names), or outside the run of prose (above the first
# or below the last paragraph that is a sentence). A paragraph that starts in lower case, or
# is followed by one that does, is a sentence broken across lines, never furniture.

#: A paragraph of fewer words than this that ends without a sentence's final punctuation is
#: furniture wherever it stands.
NO_SENTENCE_MAX_WORDS = 8
#: ... and so is a longer one whose share of function words (``STOPWORDS``) is below this
#: (prose runs at 0.4-0.5, headlines and lists of names at 0.1-0.3).
NO_SENTENCE_STOP_SHARE = 0.3
#: A paragraph that ends as a sentence ends, of at least this many words, is prose: the run
#: of prose goes from the first such paragraph to the last.
PROSE_MIN_WORDS = 5
_UNIT_FINAL = set(".!?:;\u2026")
_UNIT_CLOSERS = "\"'\u201d\u2019)]* "
_WIRE_TAIL_RE = re.compile(r"[ \t]+(?:Enditem|ENDITEM|\(?[Ee]nd\)?|-{2,}0-{2,})[ \t]*$", re.M)


def _units(raw_text: str, wrapped: bool):
    """(start, end, text) of each paragraph: each non-empty line, or, in hard-wrapped copy,
    each block of lines between blank lines."""
    pattern = r"(?:[^\n]*\S[^\n]*(?:\n|\Z))+" if wrapped else r"[^\n]*\S[^\n]*"
    for m in re.finditer(pattern, raw_text):
        text = m.group()
        lead = len(text) - len(text.lstrip())
        yield m.start() + lead, m.start() + len(text.rstrip()), text.strip()


def _unit_evidence(text: str) -> tuple:
    """(words, ends as a sentence, share of function words) of one paragraph."""
    words = text.split()
    core = text.rstrip(_UNIT_CLOSERS)
    ended = bool(core) and core[-1] in _UNIT_FINAL
    stop = sum(w.lower().strip(",.;:!?\"'()[]\u201c\u201d\u2018\u2019") in STOPWORDS for w in words)
    return len(words), ended, stop / max(len(words), 1)


def _no_sentence_spans(raw_text: str, wrapped: bool):
    """Spans (start, end, rule) of paragraphs that are not prose (see above), and of wire tails
    ("Enditem", "(end)") run onto the last line of a paragraph."""
    units = list(_units(raw_text, wrapped))
    if not units:
        return []
    evidence = [_unit_evidence(_WIRE_TAIL_RE.sub("", t)) for _, _, t in units]   # a tail is no evidence
    prose = [k for k, (n, ended, _) in enumerate(evidence) if ended and n >= PROSE_MIN_WORDS]
    first, last = (prose[0], prose[-1]) if prose else (len(units), -1)
    spans = []
    for k, ((s, e, text), (n, ended, stop)) in enumerate(zip(units, evidence)):
        if ended or not n or text[:1].islower() or (k + 1 < len(units) and units[k + 1][2][:1].islower()):
            continue
        if e - s > MAX_FURNITURE_LINE or (first <= k <= last and _DATE_RE.search(text)):
            continue        # a long paragraph, or a date heading inside the article (a timeline entry)
        if n < NO_SENTENCE_MAX_WORDS or stop < NO_SENTENCE_STOP_SHARE or k < first or k > last:
            # the first such paragraph above the prose, of four words or more and not all
            # capitals, is the headline (``title_detected``)
            headline = k < first and n >= 4 and not text.isupper() and not any(r == "headline" for *_, r in spans)
            spans.append((s, e, "headline" if headline else "no sentence"))
    if "nd" in raw_text or "--0--" in raw_text:
        spans += [(m.start(), m.end(), "wire tail") for m in _WIRE_TAIL_RE.finditer(raw_text)]
    return spans


def _furniture_spans(raw_text: str, wrapped: bool):
    """Stage 1: spans of page furniture in the raw text, as (start, end, rule)."""
    # each rule runs only if its key word is in the text at all: cheap on clean texts
    spans = [(raw_text.rfind("\n", 0, m.start()) + 1, m.end(), "photo caption")
             for m in _CAPTION_RE.finditer(raw_text)]
    if "Remind me later" in raw_text:
        spans += [(m.start(), m.end(), "donation appeal") for m in _DONATION_RE.finditer(raw_text)]
    if "Related" in raw_text:
        related = _RELATED_PARA_RE if wrapped else _RELATED_LINE_RE
        spans += [(m.start(), m.end(), "related-article link") for m in related.finditer(raw_text)]
    if "http" in raw_text:
        spans += _link_list_spans(raw_text)
    m = _DATELINE_RE.match(raw_text)
    if m:
        spans.append((m.start(), m.end(), "dateline"))
    spans += _web_furniture_spans(raw_text, wrapped)
    # the evidence rule takes what no named rule has claimed (a named rule says what a line is)
    claimed = sorted((s, e) for s, e, _ in spans)
    starts = [s for s, _ in claimed]
    for s, e, rule in _no_sentence_spans(raw_text, wrapped):
        k = bisect.bisect_right(starts, e)
        if not any(cs < e and s < ce for cs, ce in claimed[max(0, k - 8):k]):
            spans.append((s, e, rule))
    # not furniture, but removed at this stage so that whitespace is normalised without them
    spans += [(m.start(), m.end(), "control character") for m in _CONTROL_RE.finditer(raw_text)]
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


def detected_title(edits) -> str:
    """The headline that cleaning recognised and removed at the top of a text, from the
    edits ``clean_text`` returned: the span of rule "headline" with invisible control
    characters removed, its characters normalised and its whitespace collapsed; "" if
    cleaning recognised none."""
    for e in edits:
        if e["rule"].split("+")[0] == "headline":
            title = _CONTROL_RE.sub("", e["removed"])
            title = _CHAR_RE.sub(lambda m: _CHAR_MAP[m.group()], title)
            return " ".join(title.split())
    return ""


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
    raw = [read_article(os.path.join(base, name), w) for name, w in zip(meta["file"], short)]
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


def count_table(rows: pd.DataFrame, index, columns: str) -> pd.DataFrame:
    """Rows counted by ``index`` (a column or list of columns) down and ``columns``
    across, zeros where a combination has no row, both axes sorted. An empty input
    gives an empty table with the same axis names, so notebooks need no special case."""
    index = [index] if isinstance(index, str) else list(index)
    if rows.empty:
        return pd.DataFrame(index=pd.MultiIndex.from_arrays([[]] * len(index), names=index)
                            if len(index) > 1 else pd.Index([], name=index[0]),
                            columns=pd.Index([], name=columns), dtype="int64")
    table = rows.groupby(index + [columns]).size().unstack(columns, fill_value=0)
    return table.sort_index().sort_index(axis=1)


def evidence(rows: pd.DataFrame, sents: pd.DataFrame, label: str | None = None) -> pd.DataFrame:
    """The sentences behind any table row: for every distinct (``article_id``,
    ``sentence_id``) in ``rows``, the outlet and the sentence ``text``; with
    ``label``, that column of ``rows`` too, its values for the sentence joined by ", ".
    In article and sentence order."""
    keys = ["article_id", "sentence_id"]
    if label is None:
        picked = rows[keys].drop_duplicates()
    else:
        picked = (rows.groupby(keys, sort=False)[label]
                  .agg(lambda v: ", ".join(map(str, v))).reset_index())
    out = picked.merge(sents[["article_id", "outlet", "sentence_id", "text"]], on=keys)
    cols = ["article_id", "outlet", "sentence_id"] + ([label] if label else []) + ["text"]
    return out[cols].sort_values(keys, kind="stable").reset_index(drop=True)


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
        if _MAYBE_BREAK_RE.search(para, 0, len(para) - 1):
            spans.extend((p, pos + s, pos + e) for s, e in _PUNKT.span_tokenize(para))
        elif para:
            spans.append((p, pos, pos + len(para)))    # no break candidate: one sentence
        pos += len(para) + 1
    return tuple(spans)


# A full stop, question or exclamation mark (perhaps closing a quotation) followed by a
# space: only a paragraph with one of these before its end can hold two sentences.
_MAYBE_BREAK_RE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s")


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


#: ``WORD_RE`` as one group: splitting by it keeps the tokens between the gaps.
_WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")


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
    parts = _WORD_SPLIT_RE.split(joined)     # gap, token, gap, token, ..., gap: one scan
    toks, gaps = parts[1::2], parts[0:-1:2]
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
        "norm": _normalise_tokens(toks),
    })


def _rows(table: pd.DataFrame, columns: list):
    """The values of ``table[columns].itertuples(index=False)`` as plain tuples, read from
    whole-column lists: iterating a pyarrow-backed string column value by value is several
    times slower than ``tolist``. Columns of other dtypes than strings and NumPy numbers,
    booleans and objects (for which both give the same Python values) are iterated."""
    return zip(*(_column_values(table[c]) for c in columns))


def _column_values(col: pd.Series) -> list:
    """``list(col)``, by ``tolist`` where that gives the same values (see ``_rows``)."""
    dtype = col.dtype
    if isinstance(dtype, pd.StringDtype) or (isinstance(dtype, np.dtype) and dtype.kind in "biufO"):
        return col.tolist()
    return list(col)


def _normalise_tokens(toks) -> np.ndarray:
    """Lower case, curly apostrophe made straight; each distinct token is normalised once."""
    codes, uniques = pd.factorize(np.asarray(toks, dtype=object))
    norms = np.array([u.lower().replace("\u2019", "'") for u in uniques], dtype=object)
    return norms[codes]


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
    duplicate figure, an alias claimed by two people (in any case), a surname that is
    another person's alias or theirs in another case, and an alias or surname that is
    an English function word (``check_name``). A file with only its header row gives
    an empty registry: no figure is counted.
    """
    path, reg = read_registry("figures.csv", path, FIGURE_COLUMNS, key="figure")
    owner, surnames = {}, {}
    alias_lists = []
    for i, row in reg.iterrows():
        where = f"{path}, row {i + 2} (figure {row['figure']!r})"
        for col in ["figure", "surname"]:
            if not row[col].strip():
                raise CorpusError(f"{where}: column {col!r} is empty")
        if row["affiliation_group"] not in AFFILIATION_GROUPS:
            raise CorpusError(f"{where}: affiliation_group {row['affiliation_group']!r} is not one of "
                              + ", ".join(AFFILIATION_GROUPS))
        aliases = split_list(row["aliases"])
        if row["figure"] not in aliases:
            aliases.insert(0, row["figure"])
        for alias in aliases:
            check_name(alias, where, "alias")
            check_owners(owner, alias, row["figure"], where, "alias")
        # two people may share a surname as written (the one named last wins); the same
        # surname in another case ("Li", "LI"), or another person's alias, is refused
        surname = check_name(row["surname"], where, "surname")
        key = surname.casefold()
        if key in surnames and surnames[key][1] != surname:
            raise CorpusError(f"{where}: surname {surname!r} is also listed for {surnames[key][0]!r} "
                              f"as {surnames[key][1]!r}")
        surnames.setdefault(key, (row["figure"], surname))
        alias_lists.append(aliases)
    for i, row in reg.iterrows():
        key = row["surname"].casefold()
        if key in owner and owner[key][0] != row["figure"]:
            raise CorpusError(f"{path}, row {i + 2} (figure {row['figure']!r}): surname {row['surname']!r} "
                              f"is also an alias of {owner[key][0]!r}")
    return reg.assign(aliases=pd.Series(alias_lists, index=reg.index, dtype=object))


_POSSESSIVE = r"(?:['\u2019]s\b|(?<=s)['\u2019](?!\w))?"


@functools.lru_cache(maxsize=8)
def _name_pattern(names: tuple) -> re.Pattern:
    """One regex for every name form, longest first so a full name wins over its surname."""
    alts = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<![\w-])(?P<name>{alts})(?![\w-]){_POSSESSIVE}")


def _capitalised_word_before(pattern: re.Pattern, needle: str, text: str) -> list:
    r"""``list(pattern.finditer(text))`` for a ``pattern`` of the form
    r"\b[A-Z][a-z]+" + ``needle`` + (what may follow), found from the occurrences of
    ``needle`` instead of trying every offset. A match before an occurrence can only
    start at the capital just before the run of [a-z] that ends there, so that is the one
    offset tried; like ``finditer``, a match may not start inside the previous one."""
    found, end, at = [], 0, text.find(needle)
    while at >= 0:
        k = at
        while k > 0 and "a" <= text[k - 1] <= "z":
            k -= 1
        if k - 1 >= end:
            m = pattern.match(text, k - 1)
            if m:
                found.append(m)
                end = m.end()
        at = text.find(needle, at + 1)
    return found


def figure_mentions(sents: pd.DataFrame, figures: pd.DataFrame | None = None,
                    unresolved: bool = False) -> pd.DataFrame:
    """One row per mention of a registered figure, in text order.

    A full name (any alias) always counts. A bare surname counts for the person
    named in full earlier in the same article (the most recently named one, if two
    share it), or, with no full name before it, for the one registered person with that
    surname whose role holds the title written before it ("President Trump"), or for the
    only registered person with that surname when the article names no one else by it
    ("Putin" in an article that never writes "Vladimir Putin"); any other surname with no
    full name before it (two registered people share it, or the article names another
    person by it) is not counted, and with
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
    cols = ["article_id", "outlet", "sentence_id", "start", "end", "surface", "form", "figure",
            "affiliation_group"]
    if not full:        # an empty registry: nothing to find
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("sentence_id", "start", "end") else object)
                             for c in cols})
    pattern = _name_pattern(tuple(sorted(set(full) | set(by_surname.values()))))
    roles = {f: set(re.findall(r"[a-z]+", r.lower())) for f, r in zip(figures.figure, figures.role)}
    owners = {}
    for f, sur in by_surname.items():
        owners.setdefault(sur, []).append(f)

    def titled(surname, before):
        """The one registered figure with this surname whose role holds the title word
        written just before it ("President Trump"), else None."""
        title = re.search(r"([A-Za-z]+)\.?\s+\Z", before)
        hits = [f for f in owners.get(surname, []) if title and title.group(1).lower() in roles[f]]
        return hits[0] if len(hits) == 1 else None

    article_text = sents.groupby("article_id", sort=False).text.agg(" ".join).to_dict()
    aliases_of = {f: set(al) for f, al in zip(figures.figure, figures.aliases)}

    @functools.lru_cache(maxsize=None)
    def sole(aid, surname):
        """The registered figure a lone surname stands for when only one has it and the
        article names no one else by it ("Vladimir Putin" registered, no "Ivan Putin");
        once per article and surname."""
        if len(owners.get(surname, [])) != 1:
            return None
        fig = owners[surname][0]
        pattern = re.compile(rf"\b[A-Z][a-z]+ {re.escape(surname)}\b")
        others = {m.group() for m in _capitalised_word_before(pattern, " " + surname, article_text.get(aid, ""))
                  if m.group().split()[0] not in TITLE_WORDS and m.group() not in aliases_of[fig]}
        return None if others else fig

    rows, lost = [], []
    current, named = None, {}   # named: surname -> figure last named in full, this article
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        if aid != current:
            current, named = aid, {}
        for m in pattern.finditer(text):
            name = m.group("name")
            if name in full:
                fig, form = full[name], "full"
                named[by_surname[fig]] = fig
            elif name in named:
                fig, form = named[name], "surname"
            elif titled(name, text[max(0, m.start() - 40):m.start()]) or sole(aid, name):
                # "President Trump", or "Putin" alone, with no full name before it: the
                # title fits the role, or the registry has one such person and the
                # article names nobody else with that surname
                fig = titled(name, text[max(0, m.start() - 40):m.start()]) or sole(aid, name)
                form = "surname"
                named[name] = fig
            else:
                lost.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), "surname", "", ""))
                continue
            rows.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), form, fig, group[fig]))
    return pd.DataFrame(lost if unresolved else rows, columns=cols)


def mention_sentences(mentions: pd.DataFrame, sents: pd.DataFrame, figure: str,
                      outlet: str | None = None) -> pd.DataFrame:
    """The sentences behind a count: every sentence mentioning ``figure`` (in
    ``outlet`` if given), with the surface forms used (``surfaces``) and the text."""
    sel = mentions[mentions.figure == figure]
    if outlet is not None:
        sel = sel[sel.outlet == outlet]
    return evidence(sel, sents, "surface").rename(columns={"surface": "surfaces"})


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
_UPPER = "A-Z\u00c0-\u00de\u0100-\u017e"          # Latin capitals, accented ones too ("Š", "Ž")
_CAP_WORD = rf"[{_UPPER}](?:[\w'\u2019-]|\.(?=\w))*\.?"   # "Dmitry", "Russia's", "U.S.", "Vainiūtė"
_CAP_RUN_RE = re.compile(rf"(?<![\w-])({_CAP_WORD}(?: {_CAP_WORD})*)")
_NAME_WORD_RE = re.compile(rf"[{_UPPER}][^\W\d_A-Z]+(?:-[{_UPPER}][^\W\d_A-Z]+)?\Z")
# a run that continues an organisation's name: "Centre for Strategic Restraint"
#: Head words of an organisation's name: the words after "Centre for", "Institute of" ...
#: name the organisation, not a person ("Centre for Strategic Restraint").
ORG_HEADS = ("Institute|Center|Centre|Council|Foundation|Project|Program|Programme|Group|Endowment|University"
             "|School|Academy|Office|Committee|Agency|Ministry|Department|Bureau|Association|Society|Forum"
             "|Initiative|Fund")
_ORG_BEFORE_RE = re.compile(rf"\b(?:{ORG_HEADS}) (?:for|of|on) (?:the )?\Z")


_APPOSITIVE_RE = re.compile(r", (?:a |an |the )?(?:[a-z-]+ ){0,3}?(%s)\b" % "|".join(sorted(ROLE_WORDS | {"a", "an", "the"})))


def _bare(word: str) -> str:
    """A word lower-cased, without a possessive or a trailing full stop or comma."""
    word = word.lower().rstrip(".,")
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def discover_names(sents: pd.DataFrame, figures: pd.DataFrame | None = None,
                   quote_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Propose person names that the figure registry does not know.

    A candidate is a run of two or three capitalised words (after stripping
    organisation, place and title words such as "Russian Security Council") that
    stands in one of three patterns: after a role word ("spokesman Dmitry Peskov",
    "President Vladimir Putin"), before an appositive comma and article
    ("Nikolai Sokov, a former ..."), before a verb of speech ("Boris Bondarev
    said", "Maria Ellison summarized"), or after "by" ("signed in 1987 by Ronald
    Reagan"). With ``quote_rows`` (``quotes``), every speaker the registry does not
    know counts too (cue "speaker"), at its first occurrence in the article.
    Country, institution and weapon names are not people: a run made of title,
    place or organisation words ("United States"), a run continuing an
    organisation's name ("Centre for Strategic Restraint") and any designation in
    ``systems.csv`` ("Dark Eagle") are left out. Names already in the registry (any
    alias) are left out; pass an empty registry to see everything the patterns find.

    Returns one row per candidate occurrence: ``article_id``, ``outlet``,
    ``sentence_id``, ``start``, ``end``, ``candidate``, ``cue`` (which pattern) and
    ``cue_word``.
    """
    figures = load_figures() if figures is None else figures
    known = {a for aliases in figures.aliases for a in aliases}
    things = {a for aliases in load_systems().aliases for a in aliases}
    not_names = NOT_NAME_WORDS | {w.lower() for w in TITLE_WORDS}
    speech = SPEECH_VERBS | set(ATTRIBUTION_VERBS)
    leading = not_names | ROLE_WORDS
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        for m in _CAP_RUN_RE.finditer(text):
            words = m.group(1).split(" ")
            offs = [m.start(1)]
            for w in words[:-1]:
                offs.append(offs[-1] + len(w) + 1)
            # strip organisation/title words from the front; remember the last as a cue
            k, title = 0, ""
            while k < len(words) and _bare(words[k]) in leading:
                title = words[k]
                k += 1
            if k < len(words) and words[-1].endswith(".") and not words[-1].endswith(".."):
                words[-1] = words[-1][:-1]        # a full stop after the name
            name_words = words[k:]
            if (not 2 <= len(name_words) <= 3
                    or not all(_NAME_WORD_RE.match(w) and _bare(w) not in not_names
                               for w in name_words)
                    or _ORG_BEFORE_RE.search(text, max(0, m.start(1) - 40), m.start(1))):
                continue   # not a name's shape, or an organisation ("... Affairs University")
            start = offs[k]
            end = offs[-1] + len(words[-1])
            before = text[max(0, m.start(1) - 60):m.start(1)].split()   # the word before: a bounded look-back
            after = text[end:end + 200]            # bounded: the cue words follow the name closely
            cue = cue_word = ""
            if _bare(title) in ROLE_WORDS:
                cue, cue_word = "role before", title
            elif before and _bare(before[-1]) in ROLE_WORDS:
                cue, cue_word = "role before", before[-1]
            elif title:
                cue, cue_word = "title before", title
            elif _APPOSITIVE_RE.match(after):
                cue, cue_word = "appositive", _APPOSITIVE_RE.match(after).group(1)
            elif before and before[-1] == "by":
                cue, cue_word = "after by", "by"
            else:
                nxt = re.match(r" (?:also |had |has )?(\w+)", after)
                if nxt and nxt.group(1).lower() in speech:
                    cue, cue_word = "speech verb after", nxt.group(1)
            if not cue:
                continue
            name = " ".join(name_words)
            if name.endswith(("'s", "\u2019s")):
                name, end = name[:-2], end - 2
            if name in known or name in things:
                continue
            rows.append((aid, outlet, sid, base + start, base + end, name, cue, cue_word))
    found = {(r[0], r[5]) for r in rows}
    if quote_rows is not None and len(quote_rows):
        institutions = set(load_institutions().institution)
        by_article = {aid: g for aid, g in sents.groupby("article_id", sort=False)}
        for aid, speaker in quote_rows[["article_id", "speaker"]].drop_duplicates().itertuples(index=False):
            if (speaker in known or speaker in institutions or speaker in {"unattributed", ""}
                    or (aid, speaker) in found or len(speaker.split()) < 2 or aid not in by_article):
                continue
            for outlet, sid, base, text in _rows(by_article[aid], ["outlet", "sentence_id", "start", "text"]):
                at = text.find(speaker)
                if at >= 0:
                    rows.append((aid, outlet, sid, base + at, base + at + len(speaker),
                                 speaker, "speaker", ""))
                    found.add((aid, speaker))
                    break
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end",
                                      "candidate", "cue", "cue_word"])
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def names_gold(path, articles: pd.DataFrame, corpus_ids=None) -> dict:
    """Read a corpus's hand-made list of names (``names_gold.csv``: ``name`` and ``article_ids``,
    ``|``-separated) against the articles it is to score, so that a list written for other
    articles is never scored as if it were this corpus's.

    Returns a dict: ``names`` (the gold names found in at least one article scored),
    ``covered`` (sorted ids of ``articles`` the list speaks for), ``stale`` (sorted ids the list
    names that are not in the corpus: ``corpus_ids``, default ``articles``), ``uncovered``
    (sorted ids of ``articles`` the list says nothing of) and ``stale_names`` (names tied only to
    stale ids). A row with an empty ``article_ids`` speaks for every article. Raises
    ``CorpusError`` naming the file for a missing ``name`` column.
    """
    path = Path(path)
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "name" not in gold.columns:
        raise CorpusError(f"{path}: no 'name' column (columns: {', '.join(gold.columns)})")
    ids = set(articles.article_id)
    in_corpus = ids | set(corpus_ids if corpus_ids is not None else ())
    listed = (gold["article_ids"] if "article_ids" in gold.columns else pd.Series([""] * len(gold)))
    names, stale, stale_names, named_ids, everywhere = set(), set(), set(), set(), False
    for row, (name, cell) in enumerate(zip(gold["name"], listed), start=2):
        own = {a.strip() for a in str(cell).split("|") if a.strip()}
        if not own:
            everywhere = True
            names.add(name)
            continue
        stale |= own - in_corpus
        named_ids |= own & ids
        if own & ids:
            names.add(name)
        elif not own & in_corpus:
            stale_names.add(name)
    covered = sorted(ids) if everywhere else sorted(named_ids)
    return dict(names=names, covered=covered, stale=sorted(stale),
                uncovered=sorted(ids - set(covered)), stale_names=sorted(stale_names))


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


# ---------------------------------------------------------------------------
# 3. Source framing (01-source-framing; the voice split is reused in 02)
# ---------------------------------------------------------------------------

INSTITUTION_COLUMNS = ["institution", "aliases", "affiliation_group", "notes"]


def load_institutions(path=None) -> pd.DataFrame:
    """Read the institutions that can speak in an article (``institutions.csv``:
    ``institution``, ``aliases`` separated by ``|``, ``affiliation_group``, ``notes``).

    Looked up like ``load_figures``. "unattributed" collects vague sources
    ("analysts", "media reports"). Raises ``CorpusError`` naming file and row for a
    missing column, an empty name, an alias listed twice, or an alias that is an
    English function word (``check_name``).
    """
    path, inst = read_registry("institutions.csv", path, INSTITUTION_COLUMNS)
    seen, owner, lists = {}, {}, []
    for i, row in inst.iterrows():
        if not row["institution"].strip():
            raise CorpusError(f"{path}, row {i + 2}: column 'institution' is empty")
        where = f"{path}, row {i + 2} (institution {row['institution']!r})"
        aliases = split_list(row["aliases"]) or [row["institution"]]
        for a in aliases:
            check_name(a, where, "alias")
            if a in seen:
                raise CorpusError(f"{where}: alias {a!r} is also listed for {seen[a]!r}")
            seen[a] = row["institution"]
            check_owners(owner, a, row["institution"], where, "alias")
        lists.append(aliases)
    return inst.assign(aliases=pd.Series(lists, index=inst.index, dtype=object))


#: Verbs that attribute speech, as written -> the form reported in ``verb``.
ATTRIBUTION_VERBS = {
    "said": "said", "says": "said", "say": "said", "told": "told", "telling": "told",
    "wrote": "wrote", "writes": "wrote", "added": "added", "adding": "added", "adds": "added",
    "noted": "noted", "notes": "noted", "noting": "noted", "warned": "warned", "warns": "warned",
    "warn": "warned", "argued": "argued", "argues": "argued", "stated": "stated",
    "emphasized": "emphasized", "emphasised": "emphasized", "emphasizing": "emphasized",
    "underscored": "underscored", "suggested": "suggested", "announced": "announced",
    "announces": "announced", "accused": "accused", "accuses": "accused", "accusing": "accused",
    "claimed": "claimed", "claims": "claimed", "called": "called", "calling": "called",
    "signaled": "signaled", "signalled": "signaled", "described": "described",
    "describe": "described", "describes": "described", "confirmed": "confirmed",
    "reported": "reported", "continued": "continued", "declared": "declared",
    "declaring": "declared", "insisted": "insisted", "explained": "explained",
    "explains": "explained", "explaining": "explained", "posted": "posted", "posts": "posted",
    "posting": "posted", "tweeted": "posted", "writing": "wrote", "summarized": "summarized",
    "summarised": "summarized", "summarizing": "summarized", "stressed": "stressed",
    "stresses": "stressed", "stressing": "stressed", "remarked": "remarked", "replied": "replied",
    "cautioned": "cautioned", "urged": "urged", "asserted": "asserted", "acknowledged": "acknowledged",
    "conceded": "conceded", "predicted": "predicted", "observed": "observed",
}
#: Participles attach to a speaker already named in the sentence ("..., adding that").
PARTICIPLES = {v for v in ATTRIBUTION_VERBS if v.endswith("ing")}
# "reported to visit", "is said to be": passive, no speaker
_VERB_RE = re.compile(r"(?<![\w-])(%s)(?![\w-])(?! to\b)" % "|".join(sorted(ATTRIBUTION_VERBS, key=len, reverse=True)))
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to ((?:the )?[\w'\u2019-]+(?:\.\w+)*(?: [\w'\u2019-]+(?:\.\w+)*){0,6}?)(?=[,.;]|$)")
_SKIP_BEFORE_VERB = {"also", "further", "previously", "had", "has", "have", "later", "then",
                     "reportedly", "repeatedly", "officially", "recently", "what", "which"}
_SPEAKER_WORDS = ROLE_WORDS | {"the", "a", "former", "senior", "special", "military", "pro-military",
                               "deputy", "channel", "statement", "ministry", "leadership",
                               "reports", "media", "analysts", "experts", "officials", "side",
                               "foreign", "russian", "spokesman"}
_PRONOUNS = {"he": "person", "she": "person", "it": "institution", "they": "any"}
_RELAYS = [
    re.compile(r"\b(?:on|in an?) (X|Telegram|Twitter|Facebook|YouTube|VKontakte)\b"),
    re.compile(r"\binterview with ((?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})"),
    re.compile(r"\btold ((?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})"),
    re.compile(r"((?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}) reported\b(?! to\b)"),
    _ACCORDING_RE,
]


_RELAY_HINT_RE = re.compile(r"\b(?:on|in an?) [A-Z]|interview with|\btold [A-Z]|\btold the [A-Z]|reported\b|ccording to")


def quote_spans(text: str):
    """Quotation spans in a cleaned text: (open, close, mark) with ``open`` the offset
    of the opening mark and ``close`` that of the closing mark.

    Curly double quotes pair as written; straight double quotes pair in order within a
    paragraph; curly single quotes open with ‘ and close at the first ’ not followed by
    a letter (so "Russia’s" is not a closing mark). Marks inside an open quotation are
    part of it (nested quotes). An unclosed quotation ends at its paragraph's end.
    """
    spans, pos = [], 0
    for para in text.split("\n"):
        n, i = len(para), 0
        while True:
            m = _OPEN_QUOTE_RE.search(para, i)
            if not m:
                break
            o, c = m.start(), m.group()
            if c == "\u2018":
                close_m = _CLOSE_SINGLE_RE.search(para, o + 1)
                close = close_m.start() if close_m else -1
            else:
                close = para.find("\u201d" if c == "\u201c" else '"', o + 1)
            close = n if close < 0 else close
            spans.append((pos + o, pos + close, c))
            i = close + 1
        pos += n + 1
    return spans


_OPEN_QUOTE_RE = re.compile("[\u201c\"\u2018]")
_CLOSE_SINGLE_RE = re.compile(r"\u2019(?![A-Za-z])")


#: Capitalised words that are titles, places or organisations, never part of a person's name.
TITLE_WORDS = {
    "President", "Prime", "Minister", "Ministry", "Foreign", "Defense", "Defence", "Secretary", "State",
    "General", "Spokesman", "Spokeswoman", "Spokesperson", "Deputy", "Chairman", "Chief", "Head", "Senator",
    "Ambassador", "Envoy", "Special", "Former", "Senior", "Security", "Council", "Professor", "Dr", "Mr",
    "Mrs", "Ms", "Gen", "Adm", "Col", "Lt", "Sen", "Rep", "Director", "Commander", "Vice", "Kremlin",
    "NATO", "US", "U.S.", "EU", "UN", "White", "House", "Pentagon", "Department", "Army", "Navy", "Air",
    "Force", "National", "Defense", "Intelligence", "Agency", "Institute", "Center", "Centre", "University",
    "Russian", "Russia", "Ukrainian", "Ukraine", "Chinese", "China", "American", "America", "European",
    "Europe", "German", "Germany", "French", "France", "British", "Britain", "Polish", "Poland",
    "United", "States", "Kingdom", "Union", "Moscow", "Kyiv", "Kiev", "Beijing", "Washington", "Brussels",
    "Telegram", "Twitter", "X", "Facebook", "The", "A", "An", "In", "On", "At", "But", "And", "Meanwhile",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
}
_NAME_TOKEN_RE = re.compile(r"[A-Z][a-z\u00c0-\u024f'\u2019]+(?:-[A-Z][a-z\u00c0-\u024f]+)?\Z")
#: The affiliation a title gives a speaker the registry does not know, first match wins:
#: (pattern over the title and appositive around the name, group).
TITLE_GROUPS = [
    (re.compile(r"\bNATO\b"), "nato_official"),
    (re.compile(r"\b(?:journalist|editor|correspondent|reporter|columnist|anchor|host|blogger|newspaper"
                r"|broadcaster|channel)\b", re.I), "media"),
    (re.compile(r"\b(?:researcher|analyst|professor|fellow|expert|scholar|think tank|institute|university"
                r"|centre|center|project|programme|program)\b", re.I), "expert"),
    (re.compile(r"\b(?:Ukrain\w*|Kyiv|Kiev|Zelensky\w*)"), "ukrainian_official"),
    (re.compile(r"\b(?:Russia\w*|Kremlin|Moscow)"), "russian_official"),
    (re.compile(r"\b(?:China|Chinese|Beijing)\b"), "chinese_official"),
    (re.compile(r"\b(?:U\.\s?S\.|US|United States|American|Pentagon|White House|Secretary of State"
                r"|State Department|Washington)"), "us_official"),
    (re.compile(r"\b(?:EU|European|German\w*|French|France|British|Britain|Polish|Poland|Lithuania\w*"
                r"|Latvia\w*|Eston\w*|Baltic|Finn\w*|Swed\w*|Dutch|Italian|Spanish|Czech|Danish|Denmark)\b"),
     "european_official"),
]
_OFFICIAL_WORDS_RE = re.compile(r"\b(?:minister|ministry|spokes\w+|official|president|secretary|adviser|advisor"
                                r"|ambassador|envoy|general|commander|council|government|chancellor|senator"
                                r"|lawmaker|deputy|head|chief|leader|diplomat|foreign|defen[cs]e|state)\b", re.I)


_ORG_NAME_RE = re.compile(rf"\b(?:{ORG_HEADS})\s+(?:for|of|on)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s*){{1,5}}")


_POSSESSIVE_END_RE = re.compile(r"['\u2019]s\Z")


def person_name(phrase: str, common=frozenset()) -> str:
    """The person's name in a speaker phrase the registry does not know: the last run
    of two to four capitalised name words that are not titles, places or organisations
    ("former US Secretary of State Mike Pompeo" gives "Mike Pompeo"); "" if none.
    ``common`` holds words the article also writes in lower case ("war", "arms"): a
    capitalised run of them ("Cold War") is not a name."""
    phrase = _ORG_NAME_RE.sub(" ; ", phrase)       # "Center for Countering Disinformation" is no person
    words = [w.strip(",.;:\u201c\u201d\"()") for w in phrase.split()]
    run, best = [], []
    for w in words + [""]:
        if w and w not in TITLE_WORDS and w.lower() not in common \
                and _NAME_TOKEN_RE.match(w.replace("\u2019s", "").replace("'s", "")):
            run.append(_POSSESSIVE_END_RE.sub("", w))
        else:
            if 2 <= len(run) <= 4:
                best = run
            run = []
    return " ".join(best)


def title_group(context: str) -> str:
    """The affiliation group a speaker's title and appositive give (``TITLE_GROUPS``):
    an expert of a country ("a researcher at a Moscow institute") is that country's
    expert where the groups have one, else independent; an official needs an official
    word and a country or organisation; "unknown" where the text gives neither."""
    for rx, group in TITLE_GROUPS:
        if not rx.search(context):
            continue
        if group == "expert":
            if re.search(r"\b(?:Russia\w*|Moscow)", context):
                return "russian_expert"
            if re.search(r"\b(?:China|Chinese|Beijing)\b", context):
                return "chinese_expert"
            return "independent_expert"
        if group in ("nato_official", "media") or _OFFICIAL_WORDS_RE.search(context):
            return group
    return "unknown"


class _SpeakerResolver:
    """Maps a speaker phrase to a registered figure or institution, within one article;
    a named person the registry does not know is a speaker too, under the name as written."""

    def __init__(self, figures, institutions):
        self.full = {a: f for f, al in zip(figures.figure, figures.aliases) for a in al}
        self.by_surname = dict(zip(figures.figure, figures.surname))
        self.fig_group = dict(zip(figures.figure, figures.affiliation_group))
        self.inst = {a.replace("\u2019", "'"): i for i, al in zip(institutions.institution, institutions.aliases)
                     for a in al}
        self.inst_group = dict(zip(institutions.institution, institutions.affiliation_group))
        self.surname_figures = {}
        for fig, sur in zip(figures.figure, figures.surname):
            self.surname_figures.setdefault(sur, []).append(fig)
        self.role_words = {fig: set(re.findall(r"[a-z]+", role.lower())) for fig, role in zip(figures.figure, figures.role)}
        names = tuple(sorted(set(self.full) | set(self.by_surname.values())))
        self.names = _name_pattern(names)
        # "the U.S." also as "The U.S." at the start of a sentence
        inst_alts = "|".join(("[Tt]he " + re.escape(a[4:])) if a.startswith("the ") else re.escape(a)
                             for a in sorted(self.inst, key=len, reverse=True))
        self.inst_re = re.compile(rf"(?<![\w-])(?:{inst_alts})(?![\w-])")

    def institution(self, matched):
        """The institution an alias match names ("The U.S." is the alias "the U.S.")."""
        return self.inst.get(matched) or self.inst.get("the " + matched[4:]) if matched.startswith("The ") \
            else self.inst.get(matched)

    def group(self, speaker, ctx=None):
        return (self.fig_group.get(speaker) or self.inst_group.get(speaker)
                or (ctx or {}).get("groups", {}).get(speaker) or "unknown")

    def by_title(self, phrase):
        """A registered figure named by title and surname ("President Trump") when the title
        is a word of the figure's role."""
        words = phrase.replace("\u2019", "'").split()
        for k in range(1, len(words)):
            name = re.sub(r"'s\Z", "", words[k])
            for fig in self.surname_figures.get(name, []):
                if words[k - 1].lower() in self.role_words[fig]:
                    return fig
        return None

    def unregistered(self, phrase, ctx, context=""):
        """A person the registry does not know: the name as written in ``phrase`` (a lone
        surname resolves to the full name seen earlier in the article), remembered in
        ``ctx`` with the affiliation ``title_group`` reads from the phrase and ``context``."""
        name = person_name(phrase, ctx.get("common", frozenset()))
        if not name:
            lone = phrase.strip(" ,").replace("\u2019", "'")
            lone = re.sub(r"'s\Z", "", lone.split()[-1]) if lone.split() else ""
            name = ctx["other_named"].get(lone) or ctx["article_names"].get(lone, "")
            if not name:
                return None
        ctx["other_named"][name.split()[-1]] = name
        ctx["last_person"] = name
        if name not in ctx["groups"] or ctx["groups"][name] == "unknown":
            ctx["groups"][name] = title_group(f"{phrase} {context}")
        return name

    def resolve(self, phrase, ctx, context=""):
        """Figure, institution or unregistered person for ``phrase`` (or None), given the
        article context ``ctx``: figures named in full so far, last person mentioned, last
        speakers, people outside the registry named so far; ``context`` is the sentence
        around the phrase, for an unregistered person's title."""
        p = phrase.strip(" ,").replace("\u2019", "'")
        low = p.lower()
        if low in _PRONOUNS:
            kind = _PRONOUNS[low]
            if kind == "person":
                return ctx["last_person"]
            if kind == "institution":
                return ctx["last_institution"]
            return ctx["last_speaker"]
        if low in {"the expert", "the professor", "the analyst"}:
            return ctx["last_expert"]
        for m in self.names.finditer(p):
            name = m.group("name")
            if name in self.full:
                return self.full[name]
            if name in ctx["named"]:
                return ctx["named"][name]
        best, best_key = None, None
        for m in self.inst_re.finditer(p):
            key = (m.end(), len(m.group()))    # the head of a phrase comes last
            if best is None or key > best_key:
                best, best_key = m.group(), key
        if best is not None and (best == p or p.lower().endswith(best.lower()) or len(best) > 3):
            # "Ukrainian Foreign Ministry spokesman Taras Hnatiuk" is Hnatiuk, not the ministry
            if not person_name(p[best_key[0]:], ctx.get("common", frozenset())):
                return self.institution(best)
        return self.by_title(p) or self.unregistered(p, ctx, context) or (
            self.institution(best) if best is not None and (best == p or p.lower().endswith(best.lower()) or len(best) > 3)
            else None)


_AFFILIATION_LINKS = {"of", "the", "for", "at", "and", "on"}


def _phrase_before(sentence: str, at: int) -> str:
    """The speaker phrase that ends just before offset ``at`` of a sentence: skips
    adverbs ("also", "had") and a parenthetical between commas ("Li Haidong, a
    professor at ..., told"), then takes capitalised and role words backwards."""
    words = sentence[:at].split()
    while words and words[-1].lower() in _SKIP_BEFORE_VERB:
        words.pop()
    if words and words[-1].endswith(","):
        # "Name, a professor at X, told" / "Name, in a recent interview with TASS, underscored"
        j = len(words) - 2
        while j >= 0 and not words[j].endswith(","):
            j -= 1
        if j >= 0 and j < len(words) - 1 and (words[j + 1][:1].islower() or words[j + 1] in {"a", "an", "the"}):
            words = words[:j + 1]
            words[-1] = words[-1][:-1]
        else:
            # "Putin's spokesman, Dmitry Peskov, told": the name between the commas speaks
            between = " ".join(words[j + 1:]).rstrip(",")
            return between if j >= 0 and person_name(between) == between else ""
    if len(words) >= 2 and words[-1] == "who" and words[-2].endswith(","):
        words = words[:-1]
        words[-1] = words[-1][:-1]
    out = []
    for w in reversed(words):
        if out and w.endswith((",", ";", ":")):
            break                              # "On Monday, the ministry": the phrase starts after the comma
        bare = w.strip("\u201c\u201d\"'")
        if bare[:1].isupper() or bare.lower() in _SPEAKER_WORDS or bare.lower() in _PRONOUNS:
            out.append(bare)
            if bare.lower() in _PRONOUNS:
                break
        elif out and bare in _AFFILIATION_LINKS and len(out) < 10:
            out.append(bare)                   # "Lena Marsh of the Halden Institute": keep going
        else:
            break
    while out and out[-1] in _AFFILIATION_LINKS - {"the"}:
        out.pop()
    return " ".join(reversed(out))


_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?\Z")
_BY_AGENT_AFTER_RE = re.compile(r"[^.;]{0,60}?\bby\s+((?:[A-Z][\w'\u2019.-]*|the|former|senior)"
                                r"(?:\s+(?:[A-Z][\w'\u2019.-]*|of|the))*)")


#: Characters around an attribution verb that its speaker phrase, title and distancing
#: marker are read from: bounded, so a sentence of thousands of verbs or quotation marks
#: costs time in proportion to its length, not its square.
WINDOW = 400
#: Attribution verbs and quotations read per sentence. Prose has a handful; a "sentence"
#: of thousands (a run of "said" or of quotation marks in a broken or hostile text) is
#: read up to this many, so that no text can make extraction slower than linear.
MAX_PER_SENTENCE = 60


def _attributions(sentence: str, resolver, ctx):
    """Every attribution verb in a sentence with its resolved speaker, in order:
    (verb_start, verb_end, verb, speaker, speaker_text, participle, distancing). Each verb
    is read within ``WINDOW`` characters of itself, so the scan is linear in the sentence."""
    found = []
    for n_verb, m in enumerate(_VERB_RE.finditer(sentence)):
        if n_verb >= MAX_PER_SENTENCE:
            break
        word = m.group(1)
        lo = max(0, m.start() - WINDOW)
        context = sentence[lo:m.end() + WINDOW]
        if _PASSIVE_BEFORE_RE.search(sentence, max(0, m.start() - 12), m.start()):
            # "was stated on Telegram by Igor Valentsov": the agent after "by" speaks;
            # a passive with no agent ("it was announced") names no speaker
            by = _BY_AGENT_AFTER_RE.match(sentence, m.end())
            speaker = resolver.resolve(by.group(1), ctx, context) if by else None
            if speaker is not None:
                found.append([m.start(), m.end(), ATTRIBUTION_VERBS[word], speaker, by.group(1), False])
            continue
        before = sentence[lo:m.start()]
        phrase = _phrase_before(before, len(before))
        speaker = resolver.resolve(phrase, ctx, context) if phrase else None
        if speaker is None:
            # a registered name or institution alias ending just before the verb
            head = before.rstrip()
            for w in reversed(head.split()):
                if w.lower() not in _SKIP_BEFORE_VERB:
                    break
                head = head[:-len(w)].rstrip()
            near = [x for rx in (resolver.names, resolver.inst_re)
                    for x in rx.finditer(head.replace("\u2019", "'")) if x.end() == len(head)]
            if near:
                phrase = max(near, key=lambda x: len(x.group())).group()
                speaker = resolver.resolve(phrase, ctx)
        if speaker is None and phrase and not phrase[:1].isupper() and word not in PARTICIPLES:
            continue   # "the language signaled": not a speaker
        # no subject of its own ("... and said"): shares the sentence's speaker, like a participle
        shared = word in PARTICIPLES or not phrase
        found.append([m.start(), m.end(), ATTRIBUTION_VERBS[word], speaker, phrase, shared])
    for m in _ACCORDING_RE.finditer(sentence):
        speaker = resolver.resolve(m.group(1), ctx)
        found.append([m.start(), m.end(), "according to", speaker, m.group(1), False])
    # "what it called", "what he described as": distancing, kept apart for hedging
    for f in found:
        f.append(bool(_WHAT_IT_RE.search(sentence, max(0, f[0] - 20), f[0])))
    found.sort(key=lambda f: f[0])
    # participles and unresolved phrases take the sentence's earlier speaker, else the
    # first speaker named in the sentence before them
    first = False          # the first speaker named in the sentence, found only if needed
    last_known = None
    for f in found:
        if f[3] is None:
            if last_known is not None:
                f[3], f[4] = last_known
                continue
            if first is False:
                first = [x for x in (resolver.inst_re.search(sentence.replace("\u2019", "'")),
                                     resolver.names.search(sentence)) if x is not None]
                first = min(first, key=lambda x: x.start()) if first else None
            if first is not None and first.start() < f[0]:
                f[3], f[4] = resolver.resolve(first.group(), ctx), first.group()
        if f[3] is not None:
            last_known = (f[3], f[4])
    return [tuple(f) for f in found if f[3] is not None]


_HAS_WORD_RE = re.compile(r"\w")
_WHAT_IT_RE = re.compile(r"\bwhat (?:it|he|she|they)\s*\Z")
# The tail of an attribution: at most six words, then the end or ", <word>ing" (the test
# ``_ends_attribution`` makes). Words are runs of [\w'’.-] between spaces; the first
# character that is neither ends the words, so it must be that comma or the end.
_ATTRIBUTION_TAIL_RE = re.compile(r"\s*(?:[\w'\u2019.-]+\s*){0,6}")
_ING_CLAUSE_RE = re.compile(r",\s*\w+ing\b")


def _ends_attribution(rest: str) -> bool:
    r"""Is ``rest`` (what follows a verb) only the tail of an attribution: at most six
    words, then the end or ", <word>ing" ("..., the Foreign Ministry announced on Monday,
    citing ...")? The same as matching r"\s*(?:[\w'’.-]+\s*){0,6}?(?:$|,\s*\w+ing\b)"
    at its start, without that pattern's backtracking (which splits long words in every
    way): the greedy words stop at the only place either ending can be."""
    at = _ATTRIBUTION_TAIL_RE.match(rest).end()
    return at == len(rest) or _ING_CLAUSE_RE.match(rest, at) is not None
# a clause of its own after the verb ("... say the other side is to blame") is content, not
# the tail of an attribution ("..., the ministry said on Monday.")
_CLAUSE_VERB_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might)\b")
# verbs that report an act when their object is a noun ("announced its withdrawal",
# "declared a moratorium"), and a statement only with "that" or a colon
_ACT_VERBS = {"announced", "declared", "confirmed", "called", "described", "proposed"}


def _relayed_via(sentence: str, speaker: str, resolver, ctx) -> str:
    """The outlet, agency or platform a statement reached the article through."""
    if not _RELAY_HINT_RE.search(sentence):
        return ""
    for rx in _RELAYS:
        for m in rx.finditer(sentence):
            name = m.group(1).rstrip(".")
            bare = re.sub(r"^the ", "", name)
            if name.lower() in {"reporters", "the ministry"} or bare == speaker or speaker.endswith(bare):
                continue
            known = resolver.resolve(name, ctx)
            if known == speaker:
                continue
            return known if known in resolver.inst_group else bare
    return ""


_AFTER_ATTR_RE = re.compile(r"\A[\s,]*(?:(?P<v2>%s)\s+(?P<spk2>[^,.;]{1,80}?)(?:\s+said)?(?=[,.;]|$)|(?P<spk>[^,.;:\u201c\u201d\"]{1,80}?)\s+(?:also\s+)?(?P<v1>%s)\b)"
                            % ("|".join(ATTRIBUTION_VERBS), "|".join(ATTRIBUTION_VERBS)))


def quotes(articles: pd.DataFrame, figures: pd.DataFrame | None = None,
           institutions: pd.DataFrame | None = None, mention_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per quotation or reported statement.

    Columns: ``article_id``, ``outlet``, ``sentence_id`` (where the quotation or
    statement starts), ``start``, ``end`` (offsets of the quoted content, without
    the marks, or of the reported clause), ``speaker`` (canonical figure, an
    institution from ``institutions.csv``, "unattributed", or the phrase as written
    if it resolves to neither), ``speaker_text`` (as written), ``affiliation``,
    ``kind``, ``verb``, ``relayed_via`` and ``text``.

    ``kind``: *direct* for a quotation that is a whole utterance (it opens the
    sentence, or follows "said:" or "said that", and runs to the attribution or the
    sentence end); *mixed* for quoted words embedded in the reporter's own clause;
    *indirect* for a reported statement without quotation marks ("X said that ...",
    "..., X said.", "according to X"). Rules, in order: a quotation followed by "X
    said"/"said X" takes that speaker; else the nearest attribution verb before it in
    the sentence; else, if it opens a sentence in the paragraph of an attributed
    quotation, it continues that one. Quotation marks with none of these are not
    speech (scare quotes) and get no row. A sentence without quoted speech yields at
    most one indirect statement; "adding that ..." after a quotation yields one more.
    Pronouns resolve to the last person (he, she) or institution (it) named outside
    quotations; "the expert" to the last expert named.

    ``mention_rows`` saves work when already computed: ``figure_mentions(sentences(articles),
    figures)`` as this function would compute it (None: it computes it).
    """
    figures = load_figures() if figures is None else figures
    institutions = load_institutions() if institutions is None else institutions
    resolver = _SpeakerResolver(figures, institutions)
    mentions = figure_mentions(sentences(articles), figures) if mention_rows is None else mention_rows
    by_article = {}
    for aid, start, fig, grp in _rows(mentions, ["article_id", "start", "figure", "affiliation_group"]):
        by_article.setdefault(aid, []).append((start, fig, grp))
    rows = []
    for aid, outlet, text in articles[["article_id", "outlet", "text"]].itertuples(index=False):
        rows += _article_quotes(aid, outlet, text, resolver, by_article.get(aid, []))
    cols = ["article_id", "outlet", "sentence_id", "start", "end", "speaker", "speaker_text",
            "affiliation", "kind", "verb", "relayed_via", "text"]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


#: Human labels for the affiliation groups, for tables and charts.
GROUP_LABELS = {
    "russian_official": "Russian officials", "us_official": "US officials", "chinese_official": "Chinese officials",
    "ukrainian_official": "Ukrainian officials", "european_official": "European officials",
    "nato_official": "NATO officials", "chinese_expert": "Chinese experts", "russian_expert": "Russian experts",
    "independent_expert": "independent experts", "media": "media", "unattributed": "unattributed sources",
    "unknown": "named, affiliation not given", "other": "other",
}


def group_label(group: str) -> str:
    """A reader's label for an affiliation group ("Russian officials" for ``russian_official``)."""
    return GROUP_LABELS.get(group, str(group).replace("_", " "))


def frame_label(frame: str, frames: pd.DataFrame | None = None) -> str:
    """A frame's label from the codebook ("Escalation and arms race" for ``escalation``)."""
    frames = load_frames() if frames is None else frames
    labels = dict(zip(frames.frame, frames.label))
    return labels.get(frame, str(frame).replace("_", " "))



_NAME_IN_QUOTES_RE = re.compile(r"[A-Z][\w'\u2019.-]*(?: (?:[A-Z][\w'\u2019.-]*|\d[\w-]*)){0,2}\Z")


def is_name_in_quotes(content: str) -> bool:
    """True when quoted content is a name, not speech: one to three words, each
    capitalised or a designation (the missile "Oreshnik", the "Dark Eagle", "RS-28
    Sarmat"), with no sentence punctuation. Such marks name a thing; nobody is quoted."""
    return bool(_NAME_IN_QUOTES_RE.match(content.strip().rstrip(",;:")))


_FULL_NAME_RE = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])")


def _article_names(text: str) -> dict:
    """Surname -> the first "First Last" pair of capitalised non-title words in the text,
    so that "Okafor explained" finds the Daniel Okafor named earlier. One scan, linear."""
    names = {}
    for m in _FULL_NAME_RE.finditer(text):
        first, last = m.groups()
        if first not in TITLE_WORDS and last not in TITLE_WORDS:
            names.setdefault(last, f"{first} {last}")
    return names


def _article_quotes(aid, outlet, text, resolver, mentions):
    spans = [(o, c, m) for o, c, m in quote_spans(text)
             if _HAS_WORD_RE.search(text, o + 1, c) and not is_name_in_quotes(text[o + 1:c])]
    sent_spans = _sentence_spans(text)
    starts = [s for _, s, _ in sent_spans]

    def sentence_of(pos):
        return bisect.bisect_right(starts, pos) - 1

    inside = [(o, c) for o, c, _ in spans]
    opens = [o for o, _ in inside]

    def in_quote(pos):
        k = bisect.bisect_left(opens, pos) - 1      # quotations do not overlap
        return k >= 0 and pos < inside[k][1]

    person_mentions = [m for m in mentions if not in_quote(m[0])]
    ctx = {"named": {}, "last_person": None, "last_institution": None, "last_speaker": None,
           "last_expert": None, "other_named": {}, "groups": {}, "article_names": _article_names(text),
           "common": frozenset(re.findall(r"(?<![\w-])[a-z][a-z'-]+", text))}
    k_mention = 0

    def advance(pos):
        nonlocal k_mention
        while k_mention < len(person_mentions) and person_mentions[k_mention][0] < pos:
            _, fig, grp = person_mentions[k_mention]
            ctx["named"][resolver.by_surname[fig]] = fig
            ctx["last_person"] = fig
            if grp.endswith("_expert"):
                ctx["last_expert"] = fig
            k_mention += 1

    def spoke(speaker):
        ctx["last_speaker"] = speaker
        if speaker in resolver.inst_group:
            ctx["last_institution"] = speaker

    rows, relays = [], {}
    verb_at = sorted([m.start() for m in _VERB_RE.finditer(text)] + [m.start() for m in _ACCORDING_RE.finditer(text)])
    quote_by_sentence = {}
    for o, c, _ in spans:
        held = quote_by_sentence.setdefault(sentence_of(o), [])
        if len(held) < MAX_PER_SENTENCE:
            held.append((o, c))
    last_quote = None        # (paragraph, speaker, speaker_text, verb) of the last speech quotation
    for si, (para, s_start, s_end) in enumerate(sent_spans):
        sent = text[s_start:s_end]
        advance(s_start)
        sent_quotes = quote_by_sentence.get(si, [])
        had_speech = False
        for o, c in sent_quotes:
            q_end_sent = sentence_of(c if c < len(text) else len(text) - 1)
            e_end = sent_spans[q_end_sent][2]
            after = text[c + 1:min(e_end, c + 1 + WINDOW)]      # bounded: see WINDOW
            content_s, content_e = o + 1, c
            while content_e > content_s and text[content_e - 1] in ", ":
                content_e -= 1
            advance(c)
            speaker = verb = phrase = None
            tail_attribution = False
            m = _AFTER_ATTR_RE.match(after[:160])
            if m:
                phrase = (m.group("spk") or m.group("spk2") or "").strip()
                verb = ATTRIBUTION_VERBS[m.group("v1") or m.group("v2")]
                speaker = resolver.resolve(phrase, ctx, after[:200]) if phrase else None
                if speaker is None:
                    verb = None
            if speaker is None:
                advance(o)
                k = bisect.bisect_left(verb_at, max(s_start, o - WINDOW))
                has_verb = k < len(verb_at) and verb_at[k] < o      # skip the scan where no verb is near
                attrs = _attributions(sent[max(0, o - s_start - WINDOW):o - s_start], resolver, ctx) if has_verb else []
                if attrs:
                    _, _, verb, speaker, phrase, _, _ = attrs[-1]
            if speaker is None and after.strip():
                # '"...," Putin's spokesman, Dmitry Peskov, told reporters.' / '"...," Dmitry
                # Medvedev, who was president from 2008 to 2012, wrote on X.'
                tail = after[:240]
                attrs = [x for x in _attributions(tail, resolver, ctx) if not x[5]
                         and not any(ch in tail[:x[0]] for ch in "\u201c\"")]
                if attrs and not re.search(r"[.!?]\s", tail[:attrs[0][0]]):
                    _, _, verb, speaker, phrase, _, _ = attrs[0]
                    tail_attribution = True
            continuation = False
            if speaker is None and o == s_start and si > 0:
                # "Jim Calder put the stakes more bluntly." then a quotation opening the next
                # sentence: the person the previous, quotation-free sentence introduced speaks
                prev_para, p_s, p_e = sent_spans[si - 1]
                if not quote_by_sentence.get(si - 1) and not in_quote(p_s):
                    named = person_name(text[p_s:p_e], ctx["common"])
                    if named:
                        speaker = resolver.resolve(named, ctx, text[p_s:p_e])
                        phrase, verb = named, None
                        continuation = speaker is not None
            if speaker is None and last_quote and last_quote[0] == para and o == s_start:
                _, speaker, phrase, verb = last_quote
                continuation = True
            if speaker is None:
                continue    # quotation marks with no speaker: scare quotes, not speech
            had_speech = True
            lead = text[max(s_start, o - WINDOW):o].rstrip()
            whole_start = o == s_start or lead.endswith(":") or lead.endswith(" that") or continuation
            whole_end = c >= e_end - 1 or bool(m and speaker is not None and m.group(0)) or tail_attribution or \
                (e_end - c <= WINDOW and text[c + 1:e_end].strip() in {"", "."})
            kind = "direct" if whole_start and whole_end else "mixed"
            key = (s_start, e_end, speaker)
            if key not in relays:
                relays[key] = _relayed_via(text[s_start:e_end], speaker, resolver, ctx)
            relay = relays[key]
            rows.append((aid, outlet, si + 1, content_s, content_e, speaker, phrase,
                         resolver.group(speaker, ctx), kind, verb, relay, text[content_s:content_e]))
            spoke(speaker)
            last_quote = (para, speaker, phrase, verb)
            # "..., adding that ..." after a quotation, with no quotation of its own
            add = re.search(r",\s*adding that\s+", text[c:min(e_end, c + WINDOW)])
            if add and not (bisect.bisect_right(opens, c) < len(opens) and opens[bisect.bisect_right(opens, c)] < e_end):
                a_s = c + add.end()
                a_e = e_end - 1 if text[e_end - 1] == "." else e_end
                rows.append((aid, outlet, q_end_sent + 1, a_s, a_e, speaker, phrase,
                             resolver.group(speaker, ctx), "indirect", "added", relay, text[a_s:a_e]))
        if not sent_quotes and not in_quote(s_start):
            # a person outside the registry named in narration is who "he" and "she" refer to next
            named = person_name(sent, ctx["common"])
            if named and not resolver.names.search(named) and named.split()[-1] not in resolver.by_surname.values():
                resolver.unregistered(named, ctx, sent)
        if had_speech or in_quote(s_start):
            continue
        # a sentence without quoted speech: at most one reported statement
        advance(s_end)
        attrs = _attributions(sent, resolver, ctx)
        attrs = [a for a in attrs if not a[6]]           # not "what it called"
        finite = [a for a in attrs if not a[5]] or attrs
        if not finite:
            unnamed = _search(_UNNAMED_SOURCE_RE, sent)
            if unnamed:                                  # "Analysts fear that ...": unnamed sources speak
                mm = re.match(r"[^.]{0,40}?\bthat\b|\s*(?:as\b)?", sent[unnamed.end():])
                # "X has been interpreted by analysts as Y": the whole claim is theirs
                c_s = 0 if " by " in unnamed.group() else unnamed.end() + mm.end()
                c_e = len(sent) - (1 if sent.endswith(".") else 0)
                if c_e - c_s >= 3:
                    c_s += len(sent[c_s:c_e]) - len(sent[c_s:c_e].lstrip())
                    verb = _UNNAMED_VERB_RE.search(unnamed.group()).group().lower()
                    rows.append((aid, outlet, si + 1, s_start + c_s, s_start + c_e, "unattributed",
                                 unnamed.group(), "unattributed", "indirect", verb, "", sent[c_s:c_e]))
            continue
        v_s, v_e, verb, speaker, phrase, _, _ = finite[0]
        before = sent[:v_s]
        passive = _PASSIVE_BEFORE_RE.search(sent, max(0, v_s - 12), v_s)
        if passive:
            # "That X ... was stated on Telegram by Y": what was stated comes before
            c_s, c_e = 0, passive.start()
            while c_e > 0 and sent[c_e - 1] in " ,":
                c_e -= 1
        elif sent[v_s:v_e].endswith("ing") and verb != "according to":
            # "The U.S. withdrew in 2019, accusing Moscow of violating ...": what the
            # participle says follows it
            c_s, c_e = v_e, len(sent)
        elif verb == "according to":
            if not before.strip():                                  # According to X, ...
                comma = sent.find(",", v_e)
                c_s, c_e = (comma + 1 if comma >= 0 else v_e), len(sent)
            elif not sent[v_e:].strip(" ."):                        # ..., according to X.
                c_s, c_e = 0, len(before.rstrip().rstrip(","))
            else:                                                   # ..., according to X, ...
                c_s, c_e = 0, len(sent)
        elif re.search(r"\b(?:that|which)\s+(?:[\w'\u2019.-]+\s+){0,3}\Z", before):
            # "the missile that Washington says breached the treaty": a relative clause
            rest = sent[v_e:]
            stop = re.search(r"[,;]|\.\s*\Z|\Z", rest)
            c_s, c_e = v_e, v_e + stop.start()
        elif "," in before and _ends_attribution(sent[v_e:]) and not re.match(
                r"[^.]{0,80}?\bthat\b", sent[v_e:]) and not _CLAUSE_VERB_RE.search(sent[v_e:]):
            # "..., the ministry said." / "..., the Foreign Ministry announced on Monday, citing ..."
            c_s, c_e = 0, len(before[:before.rfind(",")])
        else:
            # "X said (on Monday) that ...", "X underscored the urgency of ..."
            mm = re.match(r"[^.]{0,80}?\bthat\b|\s*:", sent[v_e:])
            if not mm and verb in _ACT_VERBS:
                continue        # "Moscow later announced a voluntary moratorium": an act, not a statement
            c_s, c_e = v_e + (mm.end() if mm else 0), len(sent)
        while c_s < c_e and sent[c_s] == " ":
            c_s += 1
        if c_e > c_s and sent[c_e - 1] == ".":
            c_e -= 1
        if c_e - c_s < 3:
            continue
        relay = _relayed_via(sent, speaker, resolver, ctx)
        rows.append((aid, outlet, si + 1, s_start + c_s, s_start + c_e, speaker, phrase,
                     resolver.group(speaker, ctx), "indirect", verb, relay, sent[c_s:c_e]))
        spoke(speaker)
    return rows


def scare_quotes(articles: pd.DataFrame, quote_rows: pd.DataFrame) -> pd.DataFrame:
    """Quotation marks that carry no attributed speech (``quotes`` gave them no row):
    scare quotes, quoted names and titles. One row per span: ``article_id``,
    ``outlet``, ``sentence_id``, ``start``, ``end`` (content, without the marks), ``text``,
    ``kind``: "name" (``is_name_in_quotes``: the missile "Oreshnik") or "scare quote"."""
    speech = set(zip(quote_rows.article_id, quote_rows.start))
    rows = []
    for aid, outlet, text in articles[["article_id", "outlet", "text"]].itertuples(index=False):
        starts = [s for _, s, _ in _sentence_spans(text)]
        for o, c, _ in quote_spans(text):
            if (aid, o + 1) not in speech:
                kind = "name" if is_name_in_quotes(text[o + 1:c]) else "scare quote"
                rows.append((aid, outlet, bisect.bisect_right(starts, o), o + 1, c, text[o + 1:c], kind))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end", "text", "kind"])


_UNNAMED_SOURCES = (r"(?:analysts|experts|observers|critics|officials|commentators|diplomats|sources|insiders"
                    r"|scholars|specialists|strategists|pundits|military planners|channels|bloggers|media)")
_ATTRIBUTION_WORD_RE = re.compile(r"\b(?:%s|according to)\b" % "|".join(sorted(ATTRIBUTION_VERBS, key=len, reverse=True)))
_THAT_RE = re.compile(r"\s*(?:,\s*)?(?:that\b)?")
MAX_ATTRIBUTION_WORDS = 12


_UNNAMED_VERB_RE = re.compile(
    r"\b(?:fear|feared|believe|believed|say|said|warn|warned|argue|argued|suggest|suggested|expect|expected"
    r"|worry|worried|note|noted|think|thought|caution|cautioned|contend|contended|predict|predicted|point out"
    r"|pointed out|see|saw|linked|tied|attributed|dismissed|hailed|welcomed|condemned|claimed|called|interpreted"
    r"|seen|viewed|described|framed|characteri[sz]ed|regarded|portrayed|cast|read|perceived)\b", re.I)


def _words(text: str) -> int:
    return len(WORD_RE.findall(text))


def _speech_share(text: str, start: int, carried) -> float:
    """Share of a sentence's words that carry speech, counting the attribution frame
    ("Medvedev said in an X post on Tuesday", "the ministry warned that") as part of the
    speech it introduces, not as narration.

    ``carried`` are the (start, end) content spans of quotations inside the sentence, in
    article offsets. Each stretch of the sentence outside them that holds an attribution
    word is cut at that word: up to it (and a following "that") is the frame, counted
    neither way if it has at most ``MAX_ATTRIBUTION_WORDS`` words; after it, the words up
    to the next quotation are the reported clause that leads into a quoted fragment
    ("warned that any deployment ... would be met with 'appropriate countermeasures'")
    and count as speech; a trailing stretch after the last quotation counts as frame
    when short and as narration otherwise. Stretches with no attribution word are
    narration, except after "X said that ..." or "X said:", where the rest of the
    sentence is still reported speech."""
    spans = sorted((a - start, b - start) for a, b in carried)
    speech = sum(_words(text[a:b]) for a, b in spans)
    narration, pos, reported = 0, 0, False
    gaps = [(pos, spans[0][0])] if spans else []
    gaps += [(spans[k][1], spans[k + 1][0]) for k in range(len(spans) - 1)] + ([(spans[-1][1], len(text))] if spans else [])
    for k, (a, b) in enumerate(gaps):
        gap = text[a:b]
        verb = _ATTRIBUTION_WORD_RE.search(gap)
        if not verb:
            # after "X said that ...", the rest of the sentence is still what X said
            if reported:
                speech += _words(gap)
            else:
                narration += _words(gap)
            continue
        cut = verb.end() + _THAT_RE.match(gap, verb.end()).end() - verb.end()
        head, tail = gap[:cut], gap[cut:]
        reported = reported or bool(re.search(r"(?:\bthat|:)\s*\Z", head))
        if _words(head) > MAX_ATTRIBUTION_WORDS:
            narration += _words(head) - MAX_ATTRIBUTION_WORDS
        leads_into_quote = k < len(gaps) - 1
        if leads_into_quote:
            speech += _words(tail)
        elif _words(tail) > MAX_ATTRIBUTION_WORDS - _words(head):
            narration += _words(tail)
    return round(speech / max(speech + narration, 1), 2)
_UNNAMED_SOURCE_RE = re.compile(
    rf"\b{_UNNAMED_SOURCES}\s+(?:[a-z]+\s+){{0,2}}?(?:fear|feared|believe|believed|say|said|warn|warned|argue"
    r"|argued|suggest|suggested|expect|expected|worry|worried|note|noted|think|thought|caution|cautioned"
    r"|contend|contended|predict|predicted|point out|pointed out|see|saw|linked|tied|attributed|dismissed"
    r"|hailed|welcomed|condemned|claimed|called)\b"
    r"|\b(?:interpreted|seen|viewed|described|framed|characteri[sz]ed|regarded|portrayed|cast|read|perceived)"
    rf"\s+(?:[\w'\u2019-]+\s+){{0,4}}?by\s+(?:[\w'\u2019-]+\s+){{0,2}}?{_UNNAMED_SOURCES}\b", re.I)


def speech(articles: pd.DataFrame, sents: pd.DataFrame | None = None) -> tuple:
    """Quotations and each sentence's voice in one call: ``(quotes(articles),
    sentence_voice(sents, quotes))``. The one place notebooks 01, 02 and 04 read a
    sentence's voice from, so a sentence has the same voice in every notebook."""
    sents = sentences(articles) if sents is None else sents
    quote_rows = quotes(articles)
    return quote_rows, sentence_voice(sents, quote_rows)


def sentence_voice(sents: pd.DataFrame, quote_rows: pd.DataFrame,
                   institutions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Whose voice each sentence is: the outlet's own narration or carried speech.

    The single place every notebook reads a sentence's voice from. ``carried_share``
    is the share of the sentence's characters inside the content of a quotation or
    reported statement (``quotes``). ``voice`` is "quoted" (half or more), "mixed"
    (less than half: a quoted fragment, or an attribution that wraps a short clause)
    or "narration" (none), with two further kinds of carried speech that ``quotes``
    does not extract, both "quoted" with their ``basis``:

    - "unnamed source": a statement given to sources the text does not name
      ("Analysts fear ...", "has been interpreted by analysts as ...", "framed by
      Russian officials as ..."); ``speaker`` is "unattributed";
    - "continues speaker": a sentence with no attribution of its own that follows,
      in the same paragraph, a sentence carrying a named person's words: it carries
      on that person's argument ("He added ..." is already a quotation); the same after
      a statement of unnamed sources ("Analysts fear ... The move may also complicate
      ..."). Institutions (``institutions.csv``) do not carry a paragraph: a ministry's
      statement is usually followed by the outlet's own context.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``carried_chars``,
    ``carried_share``, ``voice``, ``speaker`` (the speaker with most carried characters
    in the sentence; empty for narration), ``basis`` ("quotation", "unnamed source",
    "continues speaker" or "").
    Limit: the continuation rule cannot see a paragraph that changes subject without a
    new attribution; 05-validation measures how often that happens.
    """
    spans, by_speaker = {}, {}
    for aid, st, en, spk in _rows(quote_rows, ["article_id", "start", "end", "speaker"]):
        spans.setdefault(aid, []).append((st, en))
        by_speaker.setdefault(aid, []).append((st, en, spk))
    merged = {aid: _merge_spans(found) for aid, found in spans.items()}   # once per article
    ends = {aid: [e for _, e in found] for aid, found in merged.items()}
    if institutions is None:
        institutions = load_institutions()
    # institutions do not carry a paragraph; unnamed sources ("analysts fear ...") do
    not_people = (set(institutions.institution) - {"unattributed"}) | {""}
    # each quotation's characters per sentence and speaker, found by bisection (linear overall)
    speaker_weights, bounds = {}, {}
    for aid, sid, st, en in _rows(sents, ["article_id", "sentence_id", "start", "end"]):
        b = bounds.setdefault(aid, ([], [], []))
        b[0].append(st), b[1].append(en), b[2].append(sid)
    for aid, rows_of in by_speaker.items():
        starts, sends, sids = bounds.get(aid, ([], [], []))
        for qs, qe, spk in rows_of:
            k = max(bisect.bisect_right(starts, qs) - 1, 0)
            while k < len(starts) and starts[k] < qe:
                overlap = max(0, min(sends[k], qe) - max(starts[k], qs))
                if overlap:
                    w = speaker_weights.setdefault((aid, sids[k]), {})
                    w[spk] = w.get(spk, 0) + overlap
                k += 1
    rows, prev = [], (None, None, "")
    for aid, sid, pid, st, en, text in _rows(sents, ["article_id", "sentence_id", "paragraph_id", "start", "end",
                                                     "text"]):
        spans = merged.get(aid, [])
        k = bisect.bisect_right(ends.get(aid, []), st)      # first span ending after the start
        inside = []
        while k < len(spans) and spans[k][0] < en:
            inside.append((max(spans[k][0], st), min(spans[k][1], en)))
            k += 1
        carried = sum(b - a for a, b in inside)
        share = round(carried / max(en - st, 1), 2)
        speech, speaker, basis = 0.0, "", ""
        if carried:
            speech = _speech_share(text, st, inside)
            weights = speaker_weights.get((aid, sid), {})
            speaker = min(weights, key=lambda k: (-weights[k], k))
            voice, basis = ("quoted" if speech >= 0.5 else "mixed"), "quotation"
        elif _search(_UNNAMED_SOURCE_RE, text):
            voice, speaker, basis = "quoted", "unattributed", "unnamed source"
        elif prev[:2] == (aid, pid) and prev[2] not in not_people:
            voice, speaker, basis = "quoted", prev[2], "continues speaker"
        else:
            voice = "narration"
        rows.append((aid, sid, carried, share, speech, voice, speaker, basis))
        prev = (aid, pid, speaker)
    out = pd.DataFrame(rows, columns=["article_id", "sentence_id", "carried_chars", "carried_share",
                                      "speech_share", "voice", "speaker", "basis"])
    out.insert(1, "outlet", sents["outlet"].to_numpy())
    return out


def _merge_spans(spans):
    merged = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged


# -- Frames -----------------------------------------------------------------

FRAME_COLUMNS = ["frame", "label", "definition", "cues"]


def load_frames(path=None) -> pd.DataFrame:
    """Read the framing codebook (``frames.csv``): one row per frame with a
    ``definition`` and ``cues``, regular expressions separated by ``;`` matched
    case-insensitively as whole words; ``cues`` comes back as a list. Looked up like
    ``load_figures``. Raises ``CorpusError`` naming file, row and cue for a cue that
    ``check_pattern`` refuses (invalid, matching the empty string, named groups,
    inline flags, nested quantifiers...), and for a duplicate frame. A file with only
    its header row gives an empty codebook."""
    path, frames = read_registry("frames.csv", path, FRAME_COLUMNS, key="frame")
    cue_lists = []
    for i, row in frames.iterrows():
        cues = split_list(row["cues"], ";")
        if not cues:
            raise CorpusError(f"{path}, row {i + 2} (frame {row['frame']!r}): no cues")
        for cue in cues:
            check_pattern(cue, f"{path}, row {i + 2} (frame {row['frame']!r})", "cue")
        cue_lists.append(cues)
    return frames.assign(cues=pd.Series(cue_lists, index=frames.index, dtype=object))


@functools.lru_cache(maxsize=8)
def _frames_pattern(items: tuple) -> tuple:
    """One regex over every cue of every frame; returns (regex, group -> (frame, cue)).

    Cues are grouped by their first letter behind a one-character lookahead, so at
    each word only the cues that can start there are tried (Python's ``re`` would
    otherwise try every alternative at every word). Within a group cues keep their
    codebook order; cues that start with a group such as ``(?:a|b)`` are tried first
    (they are the longer, qualified phrases: "perceived threats" before "perceived").
    """
    groups, by_letter, generic = {}, {}, []
    for k, (frame, cue) in enumerate(items):
        groups[f"c{k}"] = (frame, cue)
        alt = f"(?P<c{k}>{cue})"
        first = cue[:1]
        if first.isalpha() and not cue[1:2] in ("?", "*", "{"):
            by_letter.setdefault(first.lower(), []).append(alt)
        else:
            generic.append(alt)
    parts = generic + [f"(?=[{c}{c.upper()}])(?:{'|'.join(alts)})" for c, alts in sorted(by_letter.items())]
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(parts), re.I), groups


def frame_hits(sents: pd.DataFrame, frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every frame cue found in every sentence: one row per match with ``article_id``,
    ``outlet``, ``sentence_id``, ``frame``, ``cue`` (the pattern), ``match`` (the
    words matched) and ``start``, ``end`` (offsets in the article's cleaned text).
    Matches do not overlap; at one position a cue starting with a group (``(?:...)``)
    wins, then the cue listed first."""
    frames = load_frames() if frames is None else frames
    items = tuple((f, c) for f, cues in zip(frames.frame, frames.cues) for c in cues)
    if not items:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("sentence_id", "start", "end") else object)
                             for c in ["article_id", "outlet", "sentence_id", "frame", "cue", "match",
                                       "start", "end"]})
    pattern, groups = _frames_pattern(items)
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        for m in pattern.finditer(text):
            frame, cue = groups[m.lastgroup]
            rows.append((aid, outlet, sid, frame, cue, m.group(), base + m.start(), base + m.end()))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "frame", "cue",
                                       "match", "start", "end"])


def frame_profile(hits: pd.DataFrame, voice: pd.DataFrame, which: str = "narration",
                  frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """How each outlet's sentences of one voice ("narration", "quoted", "mixed")
    distribute over frames: for each outlet and every frame of the codebook,
    ``sentences`` with at least one cue, out of ``outlet_sentences`` of that voice,
    and their ``share``."""
    frames = load_frames() if frames is None else frames
    sel = voice[voice.voice == which]
    keys = sel[["article_id", "sentence_id"]]
    framed = hits.merge(keys, on=["article_id", "sentence_id"]).drop_duplicates(
        ["article_id", "sentence_id", "frame"])
    counts = framed.groupby(["outlet", "frame"]).size().rename("sentences")
    totals = sel.groupby("outlet").size().rename("outlet_sentences")
    grid = pd.MultiIndex.from_product([sorted(totals.index), sorted(frames.frame)],
                                      names=["outlet", "frame"])
    out = counts.reindex(grid, fill_value=0).reset_index().join(totals, on="outlet")
    out["share"] = (out.sentences / out.outlet_sentences).round(2)
    return out


# -- Blame and hedging ------------------------------------------------------

_TOPICS = {
    "treaty collapse": (re.compile(r"\b(?:INF|treaty|accord|agreement)\b", re.I),
                        re.compile(r"\b(?:collaps\w*|fell apart|withdr[ae]w\w*|terminat\w*|undermin\w*|dormant"
                                   r"|violat\w*|breach\w*)\b", re.I)),
    "moratorium end": (re.compile(r"\b(?:moratorium|moratoriums|ban|self-imposed|self-restrictions|restrictions)\b", re.I),
                       re.compile(r"\b(?:abandon\w*|end\w*|lift\w*|no longer|walk back|scrap\w*|drop\w*"
                                  r"|withdrawal (?:from|of)|ceas\w*|exit\w*)\b", re.I)),
}
#: The story's own event named without its noun ("the move", "Russia's decision"): a cause
#: given for it is a cause given for the moratorium's end.
_EVENT_REFERENCE_RE = re.compile(r"\b(?:the|this|that|Russia's|Russia\u2019s|Moscow's|Moscow\u2019s|its) "
                                 r"(?:move|decision|step|announcement)\b", re.I)
# Causal cues. After "because of", "citing", "in response to", "accusing" ... the cause
# follows the cue; before "forced", "compelled", "prompted", "led to" it precedes it.
# Temporal words ("after", "when", "amid") order events; they are not causes.
_CAUSE_AFTER_RE = re.compile(r"\b(?:because(?: of)?|citing|cited|in response to|in retaliation for|(?:as a )?result of"
                             r"|due to|owing to|caused by|provoked by|blam\w*|accus\w*|trace[sd]? back to|given"
                             r"|countermeasures? (?:against|to)|(?:in|as an?|is an?|was an?) (?:response|reaction|answer) to"
                             r"|link\w* (?:[\w'\u2019-]+ ){1,6}?to)\b", re.I)
_CAUSE_BEFORE_RE = re.compile(r"\b(?:forced|forcing|compel\w*|prompt\w*|led to|undermin\w*|provok\w*|triggered"
                              r"|wrecked|destroyed|killed)\b")
_CLAUSE_END_RE = re.compile(r"[,;:\u2014\u2013]\s|(?<![A-Z])\.(?:\s|$)|[;:]|$")
_WEST_RE = re.compile(r"(?<!\w)(?:U\.\s?S\.|US|United States|Washington|America\w*|NATO|West|Western|European|Europe)(?!\w)")
_RUSSIA_RE = re.compile(r"(?<!\w)(?:Russia\w*|Moscow|Kremlin|Putin|Soviet)(?!\w)")
_BY_AGENT_RE = re.compile(r"\bby\b")
#: Mentions of Russia's alleged breach of the INF Treaty (the reason the US gave for leaving).
VIOLATION_RE = re.compile(r"\b(?:violat\w*|non-?compliance|breach\w*|9M729|SSC-8|noncomplian\w*)", re.I)


@functools.lru_cache(maxsize=1)
def _system_sides() -> tuple:
    """Patterns for the weapon systems of each side (``systems.csv`` by country): a clause
    whose agent is "the Oreshnik" or "Typhon launchers" names Russia or the US."""
    systems = load_systems()
    def alts(mask):
        names = [a for aliases in systems[mask].aliases for a in aliases]
        return re.compile(r"(?<![\w-])(?:%s)" % "|".join(map(re.escape, sorted(names, key=len, reverse=True)))) \
            if names else re.compile(r"(?!)")
    return alts(systems.country == "Russia"), alts(systems.country.isin(["United States", "USA", "US"]))


def _agent(clause: str) -> str:
    """The side a causal clause names as its agent: the first side named, after a
    passive "by" if there is one ("disregard of Russian concerns by the United States"
    is the US); "both" when the clause names both sides joined by "and" or "both"."""
    by = [m.end() for m in _BY_AGENT_RE.finditer(clause)]
    if by:
        after = clause[by[-1]:]
        if _WEST_RE.search(after) or _RUSSIA_RE.search(after):
            clause = after
    west, russia = _WEST_RE.search(clause), _RUSSIA_RE.search(clause)
    if not west and not russia:
        russian_system, western_system = _system_sides()
        russia, west = russian_system.search(clause), western_system.search(clause)
    if west and russia:
        between = clause[min(west.start(), russia.start()):max(west.end(), russia.end())]
        if re.search(r"\b(?:and|both)\b", clause[:min(west.start(), russia.start())] + between) \
                and not re.search(r"['\u2019]s?\b|\bof\b", between[:20]):
            return "both"
        return "US/West" if west.start() < russia.start() else "Russia"
    return "US/West" if west else "Russia" if russia else "neither"


def blame_statements(sents: pd.DataFrame, voice: pd.DataFrame) -> pd.DataFrame:
    """Sentences that give a cause for the treaty's collapse or the moratorium's end,
    and whom the cause names as its agent.

    A sentence counts for a topic if it names the topic ("treaty" ... "collapsed",
    "moratorium" ... "abandon") and a causal cue ("because of", "citing", "in response
    to", "accusing", "forced", ...; "after" and "when" only order events and are not
    cues). ``cause`` is the causal clause: from the cue to the end of its clause
    ("because of Russia's SSC-8 GLCM"), or, for verbs whose subject is the cause
    ("Western actions have led to"), the clause before the cue. ``blamed`` is the agent
    of that clause, not whichever sides the sentence names: "Russia", "US/West", "both"
    or "neither" (see ``_agent``). "INF fell apart because of Russia's SSC-8" blames
    Russia although the sentence may name the US too. Columns: ``article_id``,
    ``outlet``, ``sentence_id``, ``voice``, ``topic``, ``cue``, ``cause``, ``blamed``,
    ``text``. A cue list is not a reader: the sentences are the evidence, and
    05-validation scores the direction against hand coding.
    """
    v = voice.set_index(["article_id", "sentence_id"])["voice"]
    rows, previous = [], (None, "")
    for aid, outlet, sid, text in _rows(sents, ["article_id", "outlet", "sentence_id", "text"]):
        before_this, previous = previous, (aid, text)
        if not (_could_match(_CAUSE_AFTER_RE, text) or _could_match(_CAUSE_BEFORE_RE, text)):
            continue        # no causal cue can match (see _required_literals): no row
        topics = [t for t, (noun, verb) in _TOPICS.items() if noun.search(text) and verb.search(text)]
        if not topics and _EVENT_REFERENCE_RE.search(text):
            topics = ["moratorium end"]
        if not topics:
            continue
        cues = [(m, "after") for m in _CAUSE_AFTER_RE.finditer(text)] + \
               [(m, "before") for m in _CAUSE_BEFORE_RE.finditer(text)]
        if not cues:
            continue
        cue, side = min(cues, key=lambda c: c[0].start())
        if side == "after":
            rest = text[cue.end():]
            cause = rest[:_CLAUSE_END_RE.search(rest).start()].strip()
        else:
            head = re.sub(r",[^,]*\b(?:according to|said|says)\b[^,]*,", "", text[:cue.start()])
            bounds = [m.end() for m in re.finditer(r"[,;:]\s", head)]
            cause = head[bounds[-1] if bounds else 0:].strip()
        blamed = _agent(cause)
        if blamed == "neither" and re.match(r"(?:this|that|these|such)\b", cause, re.I) and before_this[0] == aid:
            # "This withdrawal ... compelled Moscow": the agent the previous sentence names
            blamed = _agent(before_this[1])
        for topic in topics:
            rows.append((aid, outlet, sid, v[(aid, sid)], topic, cue.group(), cause, blamed, text))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "voice", "topic",
                                       "cue", "cause", "blamed", "text"])


def blame_by_article(blame: pd.DataFrame, sents: pd.DataFrame) -> pd.DataFrame:
    """Per article: how many causal sentences blame each side (``Russia``, ``US/West``,
    ``both``, ``neither``) and whether the article mentions Russia's alleged violation of
    the treaty at all (``violation_mentioned``, with ``violation_sentences``: the ids of
    the sentences matching ``VIOLATION_RE``). One row per article of ``sents``."""
    counts = (pd.crosstab([blame.article_id], blame.blamed)
              .reindex(columns=["Russia", "US/West", "both", "neither"], fill_value=0))
    hits = sents[sents.text.str.contains(VIOLATION_RE)]
    ids = hits.groupby("article_id").sentence_id.agg(lambda x: " ".join(map(str, x)))
    out = (sents[["article_id", "outlet"]].drop_duplicates("article_id").set_index("article_id")
           .join(counts).fillna(0).astype({c: int for c in counts.columns}))
    out["violation_sentences"] = ids.reindex(out.index).fillna("")
    out["violation_mentioned"] = out.violation_sentences != ""
    return out.reset_index().sort_values("article_id", kind="stable").reset_index(drop=True)


#: Words and phrases with which a narrator keeps a claim at a distance.
HEDGES = {
    "reportedly": r"reportedly", "allegedly/alleged": r"allege(?:d|dly)", "claimed": r"claim(?:ed|s)",
    "so-called": r"so-called", "what it called / described as": r"what (?:it|he|she|they) (?:called|calls|described as|describes? as)",
    "perceived": r"perceived", "apparently": r"apparently", "purportedly": r"purported(?:ly)?",
    "according to": r"according to", "likely": r"(?:likely|unlikely)", "may/could": r"(?:may|might|could)",
}
_HEDGE_RE = re.compile("|".join(f"(?P<h{k}>\\b{p}\\b)" for k, p in enumerate(HEDGES.values())), re.I)
_HEDGE_NAMES = {f"h{k}": name for k, name in enumerate(HEDGES)}


def hedges(sents: pd.DataFrame, voice: pd.DataFrame, scare: pd.DataFrame) -> pd.DataFrame:
    """Distancing markers in each sentence: one row per marker with ``article_id``,
    ``outlet``, ``sentence_id``, ``voice``, ``marker`` (the ``HEDGES`` name, or "scare
    quotes" for quotation marks that carry no attributed speech) and ``match``."""
    v = voice.set_index(["article_id", "sentence_id"])["voice"]
    rows = []
    for aid, outlet, sid, text in _rows(sents, ["article_id", "outlet", "sentence_id", "text"]):
        for m in _HEDGE_RE.finditer(text):
            rows.append((aid, outlet, sid, v[(aid, sid)], _HEDGE_NAMES[m.lastgroup], m.group()))
    scare = scare[scare.kind == "scare quote"] if "kind" in scare.columns else scare   # a name is no distancing
    for aid, outlet, sid, text in _rows(scare, ["article_id", "outlet", "sentence_id", "text"]):
        rows.append((aid, outlet, sid, v[(aid, sid)], "scare quotes", text))
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "voice", "marker", "match"])
    return out.sort_values(["article_id", "sentence_id", "marker"], kind="stable").reset_index(drop=True)


# -- Distinctive vocabulary -------------------------------------------------

#: Function words left out of keyness (NLTK's stopword list needs a download).
STOPWORDS = set("""a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves said says""".split())


#: Spellings of one name that keyness counts as one term (lower case, after tokenising).
TERM_VARIANTS = {
    "united states": ["us", "u.s.", "u.s", "u. s.", "usa", "u.s.a.", "united states", "america"],
    "united kingdom": ["uk", "u.k.", "britain", "united kingdom"],
    "kyiv": ["kiev", "kyiv"],
}


def keyness_terms(toks: pd.DataFrame, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tokens ready for keyness, one row per term occurrence: spelling variants of one
    name joined into one term (``TERM_VARIANTS``: "US", "U.S.", "U. S." and "United
    States" are "united states"; the registry's spelling variants of a person's name,
    "Sergey"/"Sergei", are its first alias). The pronoun "us" stays a stopword: only the
    upper-case "US" is the country; a possessive counts as its noun ("Russia's" is
    "russia"). Columns: ``article_id``, ``outlet``, ``sentence_id``,
    ``term``."""
    figures = load_figures() if figures is None else figures
    variant = {}
    for canon, forms in TERM_VARIANTS.items():
        for form in forms:
            variant[form] = canon
    for aliases in figures.aliases:
        first = aliases[0].lower().split()
        for alias in aliases[1:]:
            for a, b in zip(alias.lower().split(), first):
                if a != b:
                    variant[a] = b
    def term_of(low):
        if len(low) > 3:       # "Russia's" is "russia": a final ' or ’, with or without s, goes
            if low.endswith(("'s", "\u2019s")):
                low = low[:-2]
            elif low.endswith(("'", "\u2019")):
                low = low[:-1]
        return variant.get(low, low)

    terms = {}                 # each distinct lower-case token's term, worked out once
    rows, prev = [], None
    for aid, outlet, sid, tok in _rows(toks, ["article_id", "outlet", "sentence_id", "token"]):
        low = tok.lower()
        if tok == "us":        # the pronoun
            term = low
        elif prev and prev[:3] == (aid, outlet, sid) and prev[3] in ("united", "u") and low in ("states", "s"):
            rows.pop()         # "United States", "U. S.": two tokens, one term
            term = "united states"
        else:
            term = terms.get(low)
            if term is None:
                term = terms[low] = term_of(low)
        rows.append((aid, outlet, sid, term))
        prev = (aid, outlet, sid, low)
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "term"])


def keyness(toks: pd.DataFrame, min_count: int = 3, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Distinctive words of each outlet against all the others: Dunning's
    log-likelihood (G2) on NLTK frequency distributions of the terms of
    ``keyness_terms`` (spelling variants joined), stopwords and numbers left out.

    One row per outlet and term used at least ``min_count`` times by that outlet and
    more often there than elsewhere (relative to size): ``outlet``, ``articles`` (how many
    articles the outlet's counts pool), ``term``, ``outlet_count``, ``rest_count``,
    ``outlet_per_1000``, ``rest_per_1000``, ``g2``, ``p_value`` (chi-squared, one degree
    of freedom) and ``significant``: p below 0.05 after a Bonferroni correction for the
    number of terms tested for that outlet. Sorted by outlet, then G2 (highest first),
    then term. Words of one article are not independent draws: with a handful of
    articles, a "significant" term can be one article's topic, so read it as a ranking.
    """
    counts = keyness_counts(keyness_terms(toks, figures))
    return keyness_from_counts(counts, toks.groupby("outlet").article_id.nunique(), min_count)


# -- Keyness from term counts (issue 16: pipeline.py counts terms per article and
# -- keeps no corpus-wide token table) ------------------------------------------

def keyness_counts(terms: pd.DataFrame) -> pd.DataFrame:
    """How often each outlet (and article) uses each keyness term (``keyness_terms``),
    stopwords and numbers left out: ``article_id``, ``outlet``, ``term``, ``count``."""
    words = terms[terms.term.str.contains(r"^[^\W\d_]", regex=True) & ~terms.term.isin(STOPWORDS)]
    counts = words.groupby(["article_id", "outlet", "term"], sort=False).size()
    return counts.rename("count").reset_index()


def keyness_from_counts(counts: pd.DataFrame, n_articles: pd.Series, min_count: int = 3) -> pd.DataFrame:
    """``keyness`` from term counts (``keyness_counts``, any number of rows per outlet
    and term) and the number of articles per outlet (``n_articles``, indexed by outlet)."""
    from nltk import FreqDist

    summed = counts.groupby(["outlet", "term"], sort=False)["count"].sum()
    dists = {}
    for (outlet, term), n in summed.items():
        dists.setdefault(outlet, FreqDist())[term] = int(n)
    total = FreqDist()
    for fd in dists.values():
        total.update(fd)
    n_all = total.N()
    rows = []
    for outlet, fd in sorted(dists.items()):
        c, d = fd.N(), n_all - fd.N()
        if d == 0:
            continue
        found = []
        for term, a in fd.items():
            if a < min_count:
                continue
            b = total[term] - a
            if a / c <= b / d:
                continue
            e1, e2 = c * (a + b) / n_all, d * (a + b) / n_all
            g2 = 2 * (a * math.log(a / e1) + (b * math.log(b / e2) if b else 0))
            found.append((term, a, b, g2))
        tested = len(found)
        for term, a, b, g2 in found:
            p = math.erfc(math.sqrt(g2 / 2))
            rows.append((outlet, int(n_articles[outlet]), term, a, b, round(1000 * a / c, 2),
                         round(1000 * b / d, 2), round(g2, 2), float(f"{p:.3g}"), p * tested < 0.05))
    out = pd.DataFrame(rows, columns=["outlet", "articles", "term", "outlet_count", "rest_count",
                                      "outlet_per_1000", "rest_per_1000", "g2", "p_value", "significant"])
    return out.sort_values(["outlet", "g2", "term"], ascending=[True, False, True],
                           kind="stable").reset_index(drop=True)


def kwic(sents: pd.DataFrame, term: str, width: int = 40) -> pd.DataFrame:
    """Keyword in context: every whole-word, case-insensitive occurrence of ``term``
    (a word or phrase; a regular expression is allowed) with ``width`` characters
    each side. Columns: ``article_id``, ``outlet``, ``sentence_id``, ``start``,
    ``end`` (offsets in the article's text), ``left``, ``match``, ``right``."""
    rx = re.compile(rf"(?<![\w-])(?:{term})(?![\w-])", re.I)
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        for m in rx.finditer(text):
            rows.append((aid, outlet, sid, base + m.start(), base + m.end(),
                         text[max(0, m.start() - width):m.start()], m.group(),
                         text[m.end():m.end() + width]))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end",
                                       "left", "match", "right"])


# ---------------------------------------------------------------------------
# 4. Sentiment (02-sentiment-by-outlet)
# ---------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def vader():
    """NLTK's VADER analyser with its lexicon read offline from the ``vaderSentiment``
    package (NLTK refuses absolute paths, so the package folder goes on
    ``nltk.data.path`` and the lexicon is named relative to it). Never downloads.

    It is ``fast_vader.FastSentimentIntensityAnalyzer``: NLTK's ``SentimentIntensityAnalyzer``
    (same loading, same ``lexicon``) whose ``polarity_scores`` is a faithful transcription
    of NLTK 3.10.4's, several times faster, giving exactly NLTK's scores
    (tests/test_fast_vader.py compares the two on every corpus sentence and a large
    random sample)."""
    import nltk
    import vaderSentiment

    folder = str(Path(vaderSentiment.__file__).resolve().parent)
    if folder not in nltk.data.path:
        nltk.data.path.insert(0, folder)
    return FastSentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")


def sentiment(sents: pd.DataFrame, voice: pd.DataFrame | None = None) -> pd.DataFrame:
    """VADER scores for every sentence.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``neg``, ``neu``, ``pos``,
    ``compound`` (exactly NLTK's ``polarity_scores``) and ``voice``, the sentence's
    narration/quoted/mixed label from ``sentence_voice`` if ``voice`` is given (else
    empty).
    """
    polarity = vader().polarity_scores
    scores = [polarity(t) for t in sents["text"].tolist()]
    out = sents[["article_id", "outlet", "sentence_id"]].reset_index(drop=True)
    for key in ["neg", "neu", "pos", "compound"]:
        out[key] = [s[key] for s in scores]
    if voice is None:
        out["voice"] = ""
    else:
        lookup = dict(zip(zip(voice.article_id, voice.sentence_id), voice.voice))
        out["voice"] = [lookup[k] for k in zip(out.article_id, out.sentence_id)]
    return out


def bootstrap_mean(values, n_boot: int = 5000, seed: int = 20250804, level: float = 0.95):
    """Mean of ``values`` with a percentile bootstrap confidence interval, from a fixed
    seed so the same values always give the same interval. Returns (mean, low, high);
    all three NaN for no values, the interval NaN for a single value."""
    x = np.asarray(values, dtype=float)
    if len(x) == 0:
        return (float("nan"),) * 3
    if len(x) == 1:
        return float(x[0]), float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(n_boot, len(x)))].mean(axis=1)
    tail = (1 - level) / 2
    return float(x.mean()), float(np.quantile(means, tail)), float(np.quantile(means, 1 - tail))


MIN_SENTENCES_FOR_INTERVAL = 10
# MIN_ARTICLES_FOR_INTERVAL (5) comes from annotations: 05-validation and the sentiment
# summaries draw intervals by the same rule


def cluster_bootstrap_mean(values, clusters, n_boot: int = 5000, seed: int = 20250804, level: float = 0.95):
    """Mean of ``values`` with a percentile bootstrap interval that resamples whole
    clusters (articles), not single values: sentences of one article are not independent.
    Returns (mean, low, high) from a fixed seed."""
    x = np.asarray(values, dtype=float)
    keys = pd.Index(pd.unique(np.asarray(clusters)))
    codes = keys.get_indexer(np.asarray(clusters))
    sums, counts = np.bincount(codes, weights=x), np.bincount(codes)
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(keys), size=(n_boot, len(keys)))
    means = sums[pick].sum(axis=1) / counts[pick].sum(axis=1)
    tail = (1 - level) / 2
    return float(x.mean()), float(np.quantile(means, tail)), float(np.quantile(means, 1 - tail))


def sentiment_summary(scores: pd.DataFrame, by, column: str = "compound") -> pd.DataFrame:
    """Per group of ``by``: ``n`` sentences, ``articles``, ``mean`` with a 95% bootstrap
    interval (``ci_low``, ``ci_high``) where one is meaningful, ``median``, and the shares
    of sentences scored negative (compound <= -0.05) and positive (>= 0.05), VADER's own
    thresholds. ``interval`` says how the interval was made, or why there is none:

    - sentences of one article: resampled sentences, only with at least
      ``MIN_SENTENCES_FOR_INTERVAL`` (10) sentences;
    - sentences pooled from several articles: resampled articles (a cluster bootstrap),
      only with at least ``MIN_ARTICLES_FOR_INTERVAL`` (5) articles; below that the
      per-article values are the evidence and no interval is drawn.

    Numbers rounded to 3 places."""
    rows = []
    for key, g in scores.groupby(by, sort=True):
        k = g.article_id.nunique()
        mean = g[column].mean()
        lo = hi = float("nan")
        if k == 1 and len(g) >= MIN_SENTENCES_FOR_INTERVAL:
            _, lo, hi = bootstrap_mean(g[column])
            how = "sentences resampled"
        elif k == 1:
            how = f"none: {len(g)} sentences (< {MIN_SENTENCES_FOR_INTERVAL})"
        elif k >= MIN_ARTICLES_FOR_INTERVAL:
            _, lo, hi = cluster_bootstrap_mean(g[column], g.article_id)
            how = "articles resampled"
        else:
            how = f"none: {k} articles (< {MIN_ARTICLES_FOR_INTERVAL})"
        key = key if isinstance(key, tuple) else (key,)
        rows.append((*key, len(g), k, mean, lo, hi, g[column].median(),
                     (g[column] <= -0.05).mean(), (g[column] >= 0.05).mean(), how))
    cols = ([by] if isinstance(by, str) else list(by)) + [
        "n", "articles", "mean", "ci_low", "ci_high", "median", "share_negative", "share_positive", "interval"]
    return pd.DataFrame(rows, columns=cols).round(3)


def actor_targets(sents: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Which side each sentence names: Russian actors (Russia, Moscow, the Kremlin,
    Russian officials in the registry) and US/NATO/Western actors (the US,
    Washington, NATO, the West, US officials). Columns: ``article_id``,
    ``sentence_id``, ``names_russia``, ``names_west`` and ``target`` ("Russian
    actors", "Western actors", "both", "neither")."""
    groups = mentions.groupby(["article_id", "sentence_id"])["affiliation_group"].agg(set)
    rows = []
    for aid, sid, text in _rows(sents, ["article_id", "sentence_id", "text"]):
        g = groups.get((aid, sid), set())
        ru = bool(_RUSSIA_RE.search(text)) or "russian_official" in g
        we = bool(_WEST_RE.search(text)) or "us_official" in g
        target = "both" if ru and we else "Russian actors" if ru else "Western actors" if we else "neither"
        rows.append((aid, sid, ru, we, target))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "names_russia", "names_west", "target"])


#: Words VADER scores that mean something else in this story: the sign VADER gives
#: them is about everyday use, not about missiles and treaties.
DOMAIN_MISREADS = {
    "no": "'no longer observe', 'no longer considers itself bound': the news itself (-1.2)",
    "abandon": "'abandon the moratorium': the event being reported (-1.9)",
    "united": "part of 'United States', a name, not unity (+1.8)",
    "security": "'Security Council', 'strategic security': an institution or a topic (+1.4)",
    "defense": "'defense sphere', 'defense industry': a sector (+0.5)",
    "ban": "the moratorium itself, a 'voluntary ban'; ending it is the news, not the ban (-2.6)",
    "capable": "'capable of carrying nuclear warheads': capability, not praise (+1.6)",
    "ready": "'ready to deploy' missiles (+1.5)",
    "like": "'places like Denmark': a preposition, not liking (+1.5)",
    "interests": "'at the cost of its interests': national interests (+1.0)",
    "protect": "'protect its citizens': official justification for deployment (+1.6)",
    "support": "in 'support us' appeals; removed with the page furniture (+1.7)",
    "winners": "'there can be no winners in a nuclear war' (+2.1, negated by VADER's rules)",
    "priority": "not in the lexicon; 'top priority' in Putin's quotation reads neutral",
}


def lexicon_contributions(sents: pd.DataFrame) -> pd.DataFrame:
    """The VADER lexicon words in each sentence and their valence (-4 to +4).

    One row per word occurrence: ``article_id``, ``outlet``, ``sentence_id``,
    ``word`` (lower case) and ``valence``. This is the raw material of VADER's score,
    not its final arithmetic: VADER also flips valence after negations, boosts it
    after "very", damps it before "but" and normalises the sum into ``compound``.
    """
    lex = vader().lexicon
    rows = []
    for aid, outlet, sid, text in _rows(sents, ["article_id", "outlet", "sentence_id", "text"]):
        for m in WORD_RE.finditer(text):
            w = m.group().lower().replace("\u2019", "'")
            if w in lex:
                rows.append((aid, outlet, sid, w, lex[w]))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "word", "valence"])


@functools.lru_cache(maxsize=1)
def _afinn():
    from afinn import Afinn

    return Afinn(language="en")


def afinn_scores(sents: pd.DataFrame) -> pd.DataFrame:
    """A second, independent score per sentence: the AFINN word list (Nielsen 2011,
    integers -5 to +5, shipped in the ``afinn`` package), summed over the sentence's
    words with no rules. Columns: ``article_id``, ``outlet``, ``sentence_id``,
    ``afinn`` (the sum) and ``afinn_sign`` (-1, 0, 1)."""
    score = _afinn().score
    out = sents[["article_id", "outlet", "sentence_id"]].reset_index(drop=True)
    out["afinn"] = [score(t) for t in sents["text"].tolist()]
    out["afinn_sign"] = np.sign(out["afinn"]).astype(int)
    return out


def method_agreement(scores: pd.DataFrame, afinn: pd.DataFrame) -> pd.DataFrame:
    """How far VADER and AFINN agree, per outlet: ``n`` sentences, ``same_sign``
    (share where both say negative, both neutral or both positive; VADER's neutral
    band is |compound| < 0.05, AFINN's a sum of 0) and ``spearman`` (rank correlation
    of compound and the AFINN sum). Rounded to 3 places."""
    both = scores.merge(afinn, on=["article_id", "outlet", "sentence_id"])
    vsign = np.where(both.compound >= 0.05, 1, np.where(both.compound <= -0.05, -1, 0))
    both = both.assign(same=(vsign == both.afinn_sign))
    rows = []
    for outlet, g in both.groupby("outlet"):
        # Spearman = Pearson on ranks (average ranks for ties); no SciPy needed
        rho = g.compound.rank().corr(g.afinn.rank()) if len(g) > 2 else float("nan")
        rows.append((outlet, len(g), g.same.mean(), rho))
    return pd.DataFrame(rows, columns=["outlet", "n", "same_sign", "spearman"]).round(3)


# ---------------------------------------------------------------------------
# 5. Missile-range facts (04-missile-range-facts)
# ---------------------------------------------------------------------------

KM_PER_MILE = 1.609344
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT = r"kilometers|kilometres|kilometer|kilometre|km|miles|mile"
_DASH = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"   # hyphens, dashes, minus sign
_BOUNDS = {
    "up to": r"up to|as far as|within|less than|under|no more than",
    "at least": r"at least|more than|over|in excess of|beyond|upwards of",
    "about": r"about|around|approximately|roughly|some|nearly|almost|close to",
}
_BOUND_RE = "|".join(f"(?P<b_{k.replace(' ', '_')}>{v})" for k, v in _BOUNDS.items())
# Whitespace runs are bounded ({0,3}): cleaned text has single spaces, and two unbounded
# runs side by side would take time quadratic in a long run of spaces.
_RANGE_RE = re.compile(
    rf"(?:(?:between|from|spanning)\s{{1,3}})?(?<![\d,.])(?P<lo>{_NUM})\s{{0,3}}(?:(?P<u1>{_UNIT})\s{{0,3}})?"
    rf"(?:[{_DASH}]|\s{{1,3}}(?:to|and)\s{{1,3}})\s{{0,3}}(?P<hi>{_NUM})\s{{0,3}}-?\s{{0,3}}(?P<u2>{_UNIT})\b"
    rf"|(?:(?:{_BOUND_RE})\s{{1,3}})?(?<![\d,.])(?P<one>{_NUM})\s{{0,3}}-?\s{{0,3}}(?P<u3>{_UNIT})\b", re.I)

#: Range classes as the INF Treaty defines them (Article II: intermediate-range
#: 1,000-5,500 km, shorter-range 500-1,000 km). "Medium-range" and "short-range" are
#: how Russian sources' "srednei" and "menshei dalnosti" are often translated: in this
#: story they mean the treaty's two bands, not the everyday use of "short-range" (<500 km).
RANGE_CLASSES = {
    "intermediate-range": (1000, 5500, "INF Treaty: intermediate-range, 1,000-5,500 km (F04a)"),
    "medium-range": (1000, 5500, "translation of the Russian term for the INF intermediate-range band (F04a)"),
    "shorter-range": (500, 1000, "INF Treaty: shorter-range, 500-1,000 km (F04a)"),
    "short-range": (500, 1000, "here a translation of the INF shorter-range band, 500-1,000 km (F04a)"),
    "INF-range": (500, 5500, "the whole INF band, 500-5,500 km (F04)"),
    "INF-class": (500, 5500, "the whole INF band, 500-5,500 km (F04)"),
}
_CLASS_RE = re.compile(
    r"\b(?P<word>intermediate|medium|shorter|short|INF)(?:-(?P<kind>range|class)\b"
    r"|(?P<susp>-?)(?=\s{1,3}(?:and|or)\s{1,3}(?:\w{1,20}-)?(?:range|class)?\w{0,20}-range))", re.I)
_UNIT_HINT_RE = re.compile(rf"\d\s{{0,3}}-?\s{{0,3}}(?:{_UNIT})", re.I)
_RANGE_HINT_RE = re.compile(rf"\d\s{{0,3}}-?\s{{0,3}}(?:{_UNIT})|[Rr]ange|[Cc]lass", re.I)
_TREATY_NAME_RE = re.compile(r"Intermediate-Range Nuclear Forces", re.I)
_SUBJECT_TREATY_RE = re.compile(r"\b(?:treaty|INF|agreement|accord|moratorium|restrictions|banned|barred)\b", re.I)
_SUBJECT_DEPLOY_RE = re.compile(r"\b(?:deploy\w*|station\w*|positioned|within striking distance)\b", re.I)
# Between a distance and its conversion in brackets: "310 miles (500 km)".
_CONVERSION_OPEN_RE = re.compile(r"\s{0,3}\(\s{0,3}(?:or\s|about\s|roughly\s|some\s)?")
_CONVERSION_CLOSE_RE = re.compile(r"\s{0,3}\)")


def load_systems(path=None) -> pd.DataFrame:
    """The weapon-system registry (``systems.csv``: ``system``, ``aliases`` separated
    by ``|``, ``kind``, ``country``, ``notes`` and the optional ``context_aliases``),
    looked up like ``load_figures``. Designations are matched as written, and in the
    plural ("Iskanders", "Tomahawks"); ``context_aliases`` are spellings that are also
    ordinary words ("Typhoon" for Typhon) and count only in a sentence about weapons
    (``_WEAPON_CONTEXT_RE``). ``check_name`` refuses one with no letter or digit or that
    is a function word, and one claimed by two systems (in any case) is refused. A file
    with only its header row gives an empty registry."""
    path, systems = read_registry("systems.csv", path, ["system", "aliases", "kind", "country"], key="system")
    if "context_aliases" not in systems.columns:
        systems = systems.assign(context_aliases="")
    owner, lists, contextual = {}, [], []
    for i, (name, value, ctx) in enumerate(zip(systems.system, systems.aliases, systems.context_aliases)):
        where = f"{path}, row {i + 2} (system {name!r})"
        aliases = split_list(value) or [name]
        for a in aliases:
            check_name(a, where, "alias")
            check_owners(owner, a, name, where, "alias")
        extra = split_list(ctx)
        for a in extra:
            check_name(a, where, "context alias")
            check_owners(owner, a, name, where, "context alias")
        lists.append(aliases)
        contextual.append(extra)
    return systems.assign(aliases=pd.Series(lists, index=systems.index, dtype=object),
                          context_aliases=pd.Series(contextual, index=systems.index, dtype=object))


#: Largest distance ``range_claims`` reads as a distance (km, after converting miles).
#: Beyond it ("a 100,000-digit number of km") a number is not a distance anyone claims
#: for a missile, and is skipped rather than overflowing the integer columns.
MAX_DISTANCE_KM = 1_000_000


def _to_number(text: str) -> float:
    """The number a match spells, or infinity for one too long to be a distance."""
    digits = text.replace(",", "")
    if len(digits.split(".")[0]) > 15:
        return math.inf
    return float(digits)


# A sentence about weapons, where a context alias ("Typhoon") names a system; beside a
# fighter jet or a storm it does not.
_WEAPON_CONTEXT_RE = re.compile(r"\b(?:missiles?|launchers?|launch(?:ed|es|ing)?|rockets?|batter(?:y|ies)"
                                r"|warheads?|munitions?|hypersonic|cruise|ballistic|firing|fires)\b", re.I)
_NOT_WEAPON_RE = re.compile(r"\b(?:fighters?|jets?|aircraft|warplanes?|Eurofighters?|storms?|landfall"
                            r"|cyclones?|hurricanes?|rainfall|winds?|weather)\b", re.I)

_STORM_NAME_RE = re.compile(r" [A-Z][a-z]")      # "Typhoon Lekima": a storm's name follows


def _system_pattern(systems) -> tuple:
    """(pattern, names, contextual): one pattern for every designation, with an optional
    plural "s" ("Iskanders"); group ``a`` is the designation as registered, ``names``
    maps it to its system and ``contextual`` holds the context aliases."""
    names = {a: s for s, aliases in zip(systems.system, systems.aliases) for a in aliases}
    ctx = systems.context_aliases if "context_aliases" in systems.columns else [[]] * len(systems)
    contextual = {a: s for s, aliases in zip(systems.system, ctx) for a in aliases}
    names = names | contextual
    if not names:       # an empty registry: a pattern that never matches
        return re.compile(r"(?!)"), names, set()
    alts = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<a>{alts})s?(?![\w-])"), names, set(contextual)


def _system_matches(pattern, contextual: set, text: str):
    """The designations ``pattern`` finds in one sentence; a context alias only in a
    sentence about weapons (a weapon word, or another system named), and not within a
    few words of a jet or a storm, nor followed by a storm's name)."""
    found = list(pattern.finditer(text))
    weapons = None                  # decided once per sentence, when first needed
    for m in found:
        if m.group("a") in contextual:
            if weapons is None:     # a weapon word, or another system named beside it
                weapons = bool(_WEAPON_CONTEXT_RE.search(text)) or any(
                    x.group("a") not in contextual for x in found)
            if (not weapons or _NOT_WEAPON_RE.search(text, max(0, m.start() - 40), m.end() + 40)
                    or _STORM_NAME_RE.match(text, m.end())):
                continue
        yield m


def range_claims(sents: pd.DataFrame, systems: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every distance claim and range-class term, one row each.

    Distances: "between 500 and 5,500 kilometers", "500 km to 5,500 km", "ranges
    spanning 500 to 5,500 kilometers", "500-5,500 km" (any dash), "a range of up to
    5,000 km", "3,400 miles" (converted at 1.609344 km per mile, rounded to the km);
    a distance followed by its conversion in brackets ("310 to 3,420 miles (500 to
    5,500 km)") is one claim with the kilometres printed (``note`` "with its
    conversion: ...").
    Class terms: "intermediate-range", "medium-range", "shorter-range", "short-range",
    "INF-range", with the bands of ``RANGE_CLASSES``; "medium- and short-range" counts
    both; the treaty's name does not count.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``start``, ``end``,
    ``surface``, ``kind`` ("distance" or "class term"), ``min_km``, ``max_km``
    (empty where open), ``unit`` (as written), ``bound`` ("exact", "up to", "at
    least", "about"; class terms "definition"), ``subject`` ("named missile: X", "INF
    treaty band", "missile class", "deployment") and ``note``.
    """
    systems = load_systems() if systems is None else systems
    sys_re, sys_names, sys_ctx = _system_pattern(systems)
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        if not _RANGE_HINT_RE.search(text):
            continue        # no digit before a unit and no "range"/"class": nothing to find
        # sentence-wide facts, found once (a sentence may hold thousands of matches)
        about_treaty = bool(_SUBJECT_TREATY_RE.search(text))
        has_class = bool(_CLASS_RE.search(text))
        deploy = _SUBJECT_DEPLOY_RE.search(text)
        first_deploy = deploy.end() if deploy else len(text) + 1
        found = []
        for m in (_RANGE_RE.finditer(text) if _UNIT_HINT_RE.search(text) else ()):
            if m.group("one"):
                value, unit = _to_number(m.group("one")), m.group("u3")
                bound = next((k for k in _BOUNDS if m.group("b_" + k.replace(" ", "_"))), "exact")
                lo = hi = value
                if bound == "up to":
                    lo = None
                elif bound == "at least":
                    hi = None
            else:
                lo, hi, unit, bound = _to_number(m.group("lo")), _to_number(m.group("hi")), m.group("u2"), "exact"
            factor = KM_PER_MILE if unit.lower().startswith("mile") else 1.0
            if any(v is not None and v * factor > MAX_DISTANCE_KM for v in (lo, hi)):
                continue        # an absurd number (or one too long to read): not a distance
            lo = None if lo is None else round(lo * factor)
            hi = None if hi is None else round(hi * factor)
            found.append([m.start(), m.end(), lo, hi, unit, bound, factor])
        # "310 to 3,420 miles (500 to 5,500 km)": a distance and its conversion in brackets
        # are one claim, with the kilometres the outlet printed
        merged = []
        for f in found:
            prev = merged[-1] if merged else None
            if (prev is not None and (prev[6] == 1.0) != (f[6] == 1.0)
                    and _CONVERSION_OPEN_RE.fullmatch(text, prev[1], f[0])):
                close = _CONVERSION_CLOSE_RE.match(text, f[1])
                if close:
                    km, other = (prev, f) if prev[6] == 1.0 else (f, prev)
                    merged[-1] = [prev[0], close.end(), km[2], km[3], km[4], km[5], 1.0,
                                  f"with its conversion: {text[other[0]:other[1]]}"]
                    continue
            merged.append(f + [""])
        for start, end, lo, hi, unit, bound, factor, note in merged:
            # what the range belongs to: a missile named just before it, else the treaty
            # band if the sentence is about the treaty, else a deployment, else a class
            before = text[max(0, start - 90):start]
            named = list(_system_matches(sys_re, sys_ctx, before))
            if named and re.search(r"\b(?:range|capable|which has|reach)\b", before[named[-1].end():]):
                subject = f"named missile: {sys_names[named[-1].group('a')]}"
            elif about_treaty:
                subject = "INF treaty band"
            elif first_deploy <= start and not has_class:
                subject = "deployment"
            else:
                subject = "missile class"
            note = note or (f"converted from {unit}" if factor != 1.0 else "")
            rows.append((aid, outlet, sid, base + start, base + end, text[start:end], "distance",
                         lo, hi, unit, bound, subject, note))
        treaty_names = [(t.start(), t.end()) for t in _TREATY_NAME_RE.finditer(text)] if has_class else []
        for m in _CLASS_RE.finditer(text):
            if any(s <= m.start() < e for s, e in treaty_names):
                continue
            word = m.group("word")
            key = f"{'INF' if word.upper() == 'INF' else word.lower()}-{(m.group('kind') or 'range').lower()}"
            if key not in RANGE_CLASSES:
                continue
            lo, hi, note = RANGE_CLASSES[key]
            rows.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), "class term",
                         lo, hi, "", "definition", key, note))
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end", "surface",
                                      "kind", "min_km", "max_km", "unit", "bound", "subject", "note"])
    out[["min_km", "max_km"]] = out[["min_km", "max_km"]].astype("Int64")
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


# -- Dates and events -------------------------------------------------------

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_M = "|".join(_MONTHS)
_MON = rf"(?:{_M}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"   # "Nov. 21", "Feb 2nd"
# Every alternative starts with a digit, a capital (month, weekday, "Last year") or a
# lower-case "last/next/this/later/earlier ": the lookahead lets the engine skip all
# other positions at once. Every quantifier is bounded and none is nested, so the
# pattern runs in time linear in the text.
_DATE_RE = re.compile(
    rf"(?=[\dJFMASONDTWLE]|last |next |this |later |earlier )(?:"
    rf"\b(?P<md>(?P<m1>{_MON}) (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y1>\d{{4}}))?)(?![\w-])"
    rf"|(?<![\w,.-])(?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?P<m2>{_MON})(?:,? (?P<y2>\d{{4}}))?)(?![\w-])"
    rf"|\b(?P<my>(?P<m3>{_M}) (?P<y3>\d{{4}}))\b"
    rf"|(?<![\w,.-])(?P<y>(?:19[4-9]\d|20[0-4]\d))(?![\w-]|,\d)"
    rf"|(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\b[Bb]y )|(?<=\b[Uu]ntil )|(?<=\b[Ff]rom ))(?P<mo>{_M})\b"
    rf"|\b(?P<wd>{'|'.join(_WEEKDAYS)})\b"
    rf"|\b(?P<rel>(?:[Ll]ast|[Nn]ext|[Tt]his) (?:week|month|year|fall|autumn)"
    rf"|(?:[Ll]ater|[Ee]arlier) this (?:week|month|year))\b)")

# A timeline entry: a paragraph that opens with a year and a colon or dash ("2019: The
# United States ..."); its months and days without a year are in that year.
_TIMELINE_YEAR_RE = re.compile(r"\A\s{0,3}(?P<y>19[4-9]\d|20[0-4]\d)\s{0,3}(?::|[\u2013\u2014-]\s)")


def _month_number(name: str) -> int:
    return [m[:3] for m in _MONTHS].index(name[:3]) + 1


# Future tense before a weekday in its clause: "the deadline approaches on Friday",
# "Witkoff will travel on Wednesday", "talks are expected Thursday", "next Monday".
_FUTURE_RE = re.compile(r"\b(?:will|shall|is (?:expected|due|set|scheduled)|are (?:expected|due|set|scheduled)"
                        r"|approach(?:es|ing)?|upcoming|next|deadline|is to|are to|plans? to|planned)\b", re.I)
_CLAUSE_START_RE = re.compile(r"[.;:,\u2014]\s|\b(?:but|while|after|before|as|and)\s")


def _future_weekday(text: str, at: int) -> bool:
    """True when the clause before a weekday at ``at`` is in the future tense."""
    head = text[max(0, at - 80):at]
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(head)]
    clause = head[starts[-1]:] if starts else head
    return bool(_FUTURE_RE.search(clause))


def _iso_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def _resolve_date(m, published, text: str = "", year: int | None = None):
    """(date, precision, basis) for one date match; date is ISO, possibly partial.

    A day and month without a year ("on June 28", "4 August") and a month alone ("in
    February") take the year of their timeline entry (``year``, see
    ``_TIMELINE_YEAR_RE``), else the latest such day or month on or before the
    publication date (the next one, for a day in a future-tense clause). A weekday
    resolves to the last such day on or before the publication date, or, in a
    future-tense clause of ``text`` ("the deadline approaches on Friday"), to the next
    one on or after it. Relative dates ("last/this/next week, month, year", "later this
    year", "earlier this month") are counted from the publication date; "last fall"
    is the previous year."""
    if m.group("md") or m.group("dm"):
        mon = _month_number(m.group("m1") or m.group("m2"))
        day = int(m.group("d1") or m.group("d2"))
        printed = m.group("y1") or m.group("y2")
        if printed:
            try:
                return dt.date(int(printed), mon, day).isoformat(), "day", "printed"
            except ValueError:
                return "", "unresolved", "not a calendar date"
        if year is not None:
            try:
                return dt.date(year, mon, day).isoformat(), "day", "year of its timeline entry"
            except ValueError:
                return "", "unresolved", "not a calendar date"
        if published is None:
            return "", "unresolved", "needs the publication date"
        future = _future_weekday(text, m.start())
        for y in ((published.year, published.year + 1) if future else (published.year, published.year - 1)):
            try:
                d = dt.date(y, mon, day)
            except ValueError:
                continue
            if (d >= published) if future else (d <= published):
                return d.isoformat(), "day", ("day and month on or after the publication date (future tense)"
                                              if future else "day and month on or before the publication date")
        return "", "unresolved", "not a calendar date"
    if m.group("my"):
        return f"{int(m.group('y3')):04d}-{_MONTHS.index(m.group('m3')) + 1:02d}", "month", "printed"
    if m.group("y"):
        return m.group("y"), "year", "printed"
    if m.group("mo") and year is not None:
        return f"{year:04d}-{_MONTHS.index(m.group('mo')) + 1:02d}", "month", "year of its timeline entry"
    if published is None:
        return "", "unresolved", "needs the publication date"
    if m.group("mo"):
        month = _MONTHS.index(m.group("mo")) + 1
        year = published.year if month <= published.month else published.year - 1
        return f"{year:04d}-{month:02d}", "month", "month before the publication date"
    if m.group("wd"):
        if _future_weekday(text, m.start()):
            ahead = (_WEEKDAYS.index(m.group("wd")) - published.weekday()) % 7
            return (published + dt.timedelta(days=ahead)).isoformat(), "day", \
                "weekday on or after the publication date (future tense)"
        back = (published.weekday() - _WEEKDAYS.index(m.group("wd"))) % 7
        day = published - dt.timedelta(days=back)
        return day.isoformat(), "day", "weekday on or before the publication date"
    rel = m.group("rel").lower()
    first = published.replace(day=1)
    if rel == "last week":
        return _iso_week(published - dt.timedelta(days=7)), "week", "week before the publication week"
    if rel.endswith("this week"):
        return _iso_week(published), "week", "the publication week"
    if rel == "next week":
        return _iso_week(published + dt.timedelta(days=7)), "week", "week after the publication week (future)"
    if rel == "last month":
        prev = first - dt.timedelta(days=1)
        return f"{prev.year:04d}-{prev.month:02d}", "month", "month before the publication month"
    if rel.endswith("this month"):
        return f"{published.year:04d}-{published.month:02d}", "month", \
            "the publication month" + (" (future)" if rel.startswith("later") else "")
    if rel == "next month":
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return f"{nxt.year:04d}-{nxt.month:02d}", "month", "month after the publication month (future)"
    if rel.endswith("this year"):
        return f"{published.year:04d}", "year", \
            "the publication year" + (" (future)" if rel.startswith("later") else "")
    if rel == "next year":
        return f"{published.year + 1:04d}", "year", "year after the publication year (future)"
    return f"{published.year - 1:04d}", "year", "year before the publication year"


_REFERENCE_DATE_RE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\Z")


def load_event_types(path=None, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """Dated events the checks know (``event_types.csv``): ``event``, ``label``,
    ``anchor`` and ``context`` (regular expressions: a sentence names the event if
    both match; a date in it belongs to the event whose anchor is nearest),
    ``fact_id`` and ``reference_date`` (empty: no reference), ``notes``.

    Raises ``CorpusError`` naming file and row for an anchor or context that
    ``check_pattern`` refuses (an anchor is required; an empty context means any
    sentence), a ``fact_id`` that is not in ``reference`` (``load_reference()`` if
    not given), a ``reference_date`` that is not a date (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``), and a ``fact_id`` without a ``reference_date``. A file with only
    its header row gives an empty table: no date is attached to an event."""
    path, ev = read_registry("event_types.csv", path,
                             ["event", "label", "anchor", "context", "fact_id", "reference_date"], key="event")
    facts = set((load_reference() if reference is None else reference).fact_id)
    for i, row in ev.iterrows():
        where = f"{path}, row {i + 2} (event {row['event']!r})"
        check_pattern(row["anchor"], where, "anchor")
        if row["context"]:
            check_pattern(row["context"], where, "context")
        if row["fact_id"] and row["fact_id"] not in facts:
            raise CorpusError(f"{where}: fact_id {row['fact_id']!r} is not in reference_facts.csv")
        ref = row["reference_date"]
        if ref:
            ok = bool(_REFERENCE_DATE_RE.match(ref))
            if ok:
                try:
                    dt.date.fromisoformat((ref + "-01-01")[:10])
                except ValueError:
                    ok = False
            if not ok:
                raise CorpusError(f"{where}: reference_date {ref!r} is not a date "
                                  "(YYYY, YYYY-MM or YYYY-MM-DD)")
        elif row["fact_id"]:
            raise CorpusError(f"{where}: fact_id {row['fact_id']!r} is given without a reference_date")
    return ev


def load_reference(path=None) -> pd.DataFrame:
    """The sourced reference facts (``reference_facts.csv``: ``fact_id``, ``claim``,
    ``value``, ``unit_or_date``, ``source_title``, ``source_url``, ``confidence``)."""
    return read_registry("reference_facts.csv", path, ["fact_id", "claim", "value", "unit_or_date",
                                                       "source_title", "source_url"], key="fact_id")[1]


def _period(date: str, precision: str | None = None) -> tuple:
    """First and last day (``datetime.date``) of an ISO date as ``event_claims`` writes
    it: "2024", "2024-07", "2025-08-01", "2025-W31" (see ``date_period``)."""
    if precision is None:
        precision = "week" if "-W" in date else {4: "year", 7: "month", 10: "day"}[len(date)]
    if precision == "week":
        start = dt.date.fromisocalendar(int(date[:4]), int(date[6:]), 1)
        return start, start + dt.timedelta(days=6)
    if precision == "year":
        return dt.date(int(date[:4]), 1, 1), dt.date(int(date[:4]), 12, 31)
    if precision == "month":
        y, mo = int(date[:4]), int(date[5:7])
        nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return dt.date(y, mo, 1), nxt - dt.timedelta(days=1)
    day = dt.date.fromisoformat(date)
    return day, day


def _same_date(claim: str, precision: str, reference: str) -> bool:
    """Does a claimed date agree with a reference date? Yes when the period the claim
    states (a day, an ISO week, a month, a year) and the period the reference allows
    overlap: "August 2019" agrees with 2 Aug 2019, "last week" with a day in that week,
    "2019" with "2019-02"; "2024-06-27" does not agree with "2024-06-28"."""
    c0, c1 = _period(claim, precision)
    r0, r1 = _period(reference)
    return c0 <= r1 and r0 <= c1


# The article's own date, not a claim: a dateline ("[August 06, 2025] MOSCOW (Wire) -",
# "MOSCOW, Aug 5 (Wire) -", "MOSCOW, August 5.") and a short date line ("Published
# Tuesday, August 6, 2019", "By staff | August 5, 2025", "5 Aug 2025, 15:20", "(c) 2025 X").
_DATELINE_BEFORE_RE = re.compile(r"\s{0,3}\[\s{0,3}\Z|\s{0,3}[A-Z][A-Z .'-]{1,30},\s{0,3}\Z"
                                 r"|\s{0,3}(?P<tc>[A-Z][A-Za-z .'-]{1,30}),\s{0,3}\Z")
_DATELINE_AFTER_RE = re.compile(r"\s{0,3}(?:\]\s{0,3}[A-Z][A-Z .'-]{1,30}(?:\([^()\n]{1,60}\))?\s{0,3}[-\u2013\u2014:]"
                                r"|\([^()\n]{1,60}\)\s{0,3}[-\u2013\u2014:]|[./](?:\s|\Z))")
_DATE_LINE_MARK_RE = re.compile(r"\u00a9|\(c\)|\b(?:[Cc]opyright|[Pp]ublished|[Uu]pdated|[Pp]osted)\b|\A\s{0,3}By\b"
                                r"|[|\u00b7\u2022\u2014]|\b\d{1,2}:\d{2}\b|\b[ap]\.m\.")
_LINE_WORD_RE = re.compile(r"[A-Za-z]+")
MAX_DATE_LINE_WORDS = 8


def _own_date(text: str, m, dates, date: str, precision: str, published) -> bool:
    """Is date match ``m`` of a sentence the article's own date (dateline, printed date
    line, copyright line) rather than a claim about an event?"""
    if m.start() <= 40:
        before = _DATELINE_BEFORE_RE.fullmatch(text, 0, m.start())
        if before is not None:
            after = _DATELINE_AFTER_RE.match(text, m.end())
            # a title-case place ("Moscow, Aug 5") only before a bracketed source and a dash
            if after is not None and not (before.group("tc") and not after.group().lstrip().startswith("(")):
                if not (text[:m.start()].strip() == "[" and not after.group().lstrip().startswith("]")):
                    return True
    if published is None or not date or len(text) > 200:
        return False
    c0, c1 = _period(date, precision)
    if not c0 <= published <= c1:
        return False            # a date line prints the publication date
    rest, last = [], 0
    for d in dates:
        rest.append(text[last:d.start()])
        last = d.end()
    rest = " ".join(rest + [text[last:]])
    words = _LINE_WORD_RE.findall(rest)
    if len(words) > MAX_DATE_LINE_WORDS:
        return False
    return bool(_DATE_LINE_MARK_RE.search(rest)) or not any(w.islower() and len(w) > 2 for w in words)


# Ends of a clause: a date belongs to an event named in its own clause before any
# event named elsewhere in the sentence ("The treaty, signed in 1987, collapsed in 2019").
_CLAUSE_BREAK_RE = re.compile(r"[,;:()\[\]\u2013\u2014\u201c\u201d\"]|\s-\s|\sand\s|\sbut\s")
# Ends of a sentence part (two clauses with their own predicates): a date never takes an
# event named across one ("Witkoff was in Moscow on Wednesday, as the deadline approaches
# on Friday": Wednesday is not the deadline's).
_PART_BREAK_RE = re.compile(r";|,\s(?:and|as|while|whereas)\s|\sbut\s")


def _is_future(date: str, precision: str, basis: str, published) -> bool:
    """Does a claimed date lie after the publication date ("next year", "from 2026",
    "later this year", a weekday in the future tense)?"""
    if "future" in basis:
        return True
    return _period(date, precision)[0] > published


def _nearest_anchor(starts: list, spans: list, own, at: int, end: int, lo: int, hi: int):
    """Fewest characters between a date at ``at``-``end`` and an anchor that lies after
    ``lo`` and ends by ``hi``: among ``spans`` (sorted, not overlapping; ``starts``
    their starts) only the nearest on each side can be nearest, found by bisection,
    and among ``own`` (anchors inside the date itself) every one. None if there is none."""
    best = None
    i = bisect.bisect_left(starts, at)
    for j in (i - 1, i - 2):            # before the date (the second, if the first runs past hi)
        if j < 0:
            break
        a_s, a_e = spans[j]
        if a_s <= lo:
            break
        if a_e <= hi:
            best = max(at - a_e, 0)
            break
    if i < len(starts):                 # at or after the date
        a_s, a_e = spans[i]
        if a_e <= hi:
            d = max(a_s - end, 0)
            best = d if best is None else min(best, d)
    for a_s, a_e in own:
        if lo < a_s and a_e <= hi:
            best = 0
    return best


def event_claims(sents: pd.DataFrame, articles: pd.DataFrame | None = None,
                 event_types: pd.DataFrame | None = None,
                 reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every date in the corpus with the event it is attached to and its check.

    Dates: "June 28, 2020", "Nov. 21, 2024", "21 November 2024", "on June 28", "4
    August", "February 2020", "2019", "in June", weekdays ("on Monday") and relative
    dates ("last/this/next week, month or year", "later this year", "earlier this
    month", "last fall"); days, months, weekdays and relative dates are resolved
    against the article's ``published`` date, taken from ``articles`` (without it, or
    without a date, they stay "unresolved"), or, in a timeline entry that opens with
    a year ("2019: ..."), in that year. The article's own date (dateline, printed date
    line, copyright line) is not a claim and is left out.

    Each date belongs to an event of ``event_types.csv`` whose anchor and context
    match the sentence: one whose anchor lies in the date's own clause first, else
    the one whose anchor is nearest (fewest characters between them) in the same part
    of the sentence (parts end at ";", ", as", ", while", "but"); an anchor
    inside another date does not count, and a "since" date takes only an event named
    just before it in its own clause ("in place since 2019"). With a publication date, a date after it belongs
    only to an event after it (a plan) and a date before it only to an event before
    it, so an article about 2019 is compared with the events of 2019.

    The verdict is "agrees" when the period the outlet's date states (day, week,
    month, year) overlaps the reference date's, "conflicts" only when it lies wholly
    outside it and the date is firmly the event's: its year is written in the text (not
    resolved from the publication date, a weekday or "last week"), it is not the article's
    own date, and no other event the sentence names fits it (that event then takes the
    date, "agrees"). A date that would conflict but is not firmly bound is "unlinked", which
    no finding counts as a conflict: a false alarm costs more than a miss.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``start``, ``end``,
    ``surface``, ``date`` (ISO, as precise as the text), ``precision``, ``basis``,
    ``event``, ``label``, ``fact_id``, ``reference_date``, ``verdict`` ("agrees",
    "conflicts", "unlinked", "no reference", "unresolved") and ``source`` (the reference's).
    """
    reference = load_reference() if reference is None else reference
    event_types = load_event_types(reference=reference) if event_types is None else event_types
    sources = dict(zip(reference.fact_id, reference.source_title))
    published = {} if articles is None else {
        a: (dt.date.fromisoformat(p) if p else None) for a, p in zip(articles.article_id, articles.published)}
    compiled = [(r.event, r.label, re.compile(r.anchor, re.I),
                 re.compile(r.context, re.I) if r.context else None, r.fact_id, r.reference_date,
                 _period(r.reference_date)[0] if r.reference_date else None)
                for r in event_types.itertuples()]
    # each event type's required literals: those of its anchor, those of its context
    # (absent when the pattern requires none); a sentence must hold one of each
    literals = [[frozenset(need) for need in (_pattern_literals(anchor.pattern, anchor.flags),
                 None if context is None else _pattern_literals(context.pattern, context.flags)) if need]
                for _, _, anchor, context, *_ in compiled]
    every_literal = sorted({w for needs in literals for need in needs for w in need})
    paragraphs = sents["paragraph_id"] if "paragraph_id" in sents.columns else pd.Series(range(len(sents)), index=sents.index)
    rows = []
    timeline = {}                      # (article, paragraph) -> the year its entry opens with
    for (aid, outlet, sid, base, text), para in zip(
            _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]), _column_values(paragraphs)):
        key = (aid, para)
        if key not in timeline:
            head = _TIMELINE_YEAR_RE.match(text)
            timeline[key] = int(head.group("y")) if head else None
        dates = list(_DATE_RE.finditer(text))
        if not dates:
            continue
        pub = published.get(aid)
        breaks = [b.start() for b in _CLAUSE_BREAK_RE.finditer(text)]
        parts = [b.start() for b in _PART_BREAK_RE.finditer(text)]
        heading = _TIMELINE_YEAR_RE.match(text)
        candidates = []
        starts = [d.start() for d in dates]
        low = _prefilter_text(text)
        held = None if low is None else {w for w in every_literal if w in low}
        for (ev, label, anchor, context, fact, ref_date, ref_start), needs in zip(compiled, literals):
            # an event whose anchor or context needs a literal the sentence lacks cannot
            # match here (see _required_literals)
            if held is not None and any(held.isdisjoint(need) for need in needs):
                continue
            if context is not None and not context.search(text):
                continue
            free, own = [], {}      # anchors outside any date; anchors inside date k
            for a in anchor.finditer(text):
                k = bisect.bisect_right(starts, a.start()) - 1
                if len(dates) > 1 and k >= 0 and a.start() < dates[k].end():
                    own.setdefault(k, []).append((a.start(), a.end()))
                else:
                    free.append((a.start(), a.end()))
            if free or own:
                event_future = None if ref_start is None or pub is None else ref_start > pub
                candidates.append(([s for s, _ in free], free, own, ev, label, fact, ref_date, event_future))
        context_ok = {c[3] for c in candidates} | {ev for ev, _, _, context, *_ in compiled
                                                    if context is None}
        for k, m in enumerate(dates):
            date, precision, basis = _resolve_date(m, pub, text, timeline[key])
            if _own_date(text, m, dates, date, precision, pub):
                continue
            future = None if pub is None or precision == "unresolved" else _is_future(date, precision, basis, pub)
            # the date's own clause: from the break before it to the break after it
            i = bisect.bisect_left(breaks, m.start())
            lo = breaks[i - 1] if i > 0 else -1
            j = bisect.bisect_left(breaks, m.end())
            hi = breaks[j] if j < len(breaks) else len(text)
            if heading is not None and m.start() == heading.start("y"):
                p_lo, p_hi = -1, len(text)          # a timeline entry's year: the whole entry
            else:
                i = bisect.bisect_left(parts, m.start())
                p_lo = parts[i - 1] if i > 0 else -1
                j = bisect.bisect_left(parts, m.end())
                p_hi = parts[j] if j < len(parts) else len(text)
            # "since 2019" starts a state that lasts until now: it dates only the event
            # named just before it in its clause ("in place since 2019")
            since = text.endswith("since ", 0, m.start()) or text.endswith("Since ", 0, m.start())
            if since:
                lo, hi = max(lo, m.start() - 40), min(hi, m.end())
            best = None
            for a_starts, free, own, ev, label, fact, ref_date, event_future in candidates:
                if future is not None and event_future is not None and future != event_future:
                    continue        # a plan is not dated in the past, nor a past event in the future
                # an anchor inside another date ("the 1987 treaty ... in 2019") is not this date's
                mine = own.get(k, ())
                d = _nearest_anchor(a_starts, free, mine, m.start(), m.end(), lo, hi)
                d = (0, d) if d is not None else None
                if d is None and not since:
                    d = _nearest_anchor(a_starts, free, mine, m.start(), m.end(), p_lo, p_hi)
                    d = (1, d) if d is not None else None
                if d is None:
                    continue
                if best is None or d < best[0]:
                    best = (d, ev, label, fact, ref_date)
            # "the 2019 withdrawal": an event's anchor right after the date is that date's event,
            # whatever else the sentence names
            after = _ADJACENT_RE.match(text, m.end())
            if after:
                adjacent = [(ev_ in context_ok, ev_, label_, fact_, ref_)
                            for ev_, label_, anchor_, context_, fact_, ref_, _ in compiled
                            if anchor_.match(text, after.end())]
                # an event whose context the sentence also names first ("Monday's announcement":
                # the ministry's, not a US one); else any ("the 2019 withdrawal")
                adjacent.sort(key=lambda x: not x[0])
                if adjacent:
                    best = (None,) + adjacent[0][1:]
            ev, label, fact, ref_date = best[1:] if best else ("", "", "", "")
            if precision == "unresolved":
                verdict = "unresolved"
            elif not fact:
                verdict = "no reference"
            else:
                verdict = "agrees" if _same_date(date, precision, ref_date) else "conflicts"
            if verdict == "conflicts":
                # a conflict is a finding a reader sees: stated only when the date is firmly
                # this event's. Another event the sentence names that the date fits takes it
                # ("the plan agreed at the NATO summit on 10 July 2024"); a date whose year the
                # text does not write, or the article's own date, is "unlinked"
                fits = [c for c in candidates if c[5] and _same_date(date, precision, c[6])
                        and not (future is not None and c[7] is not None and future != c[7])]
                if fits:
                    ev, label, fact, ref_date = fits[0][3], fits[0][4], fits[0][5], fits[0][6]
                    verdict = "agrees"
                elif basis != "printed" or (pub is not None and date == pub.isoformat()):
                    verdict = "unlinked"
            # "in June": the surface keeps the preposition the lookbehind left out
            start = text.rfind(" ", 0, m.start() - 1) + 1 if m.group("mo") else m.start()
            rows.append((aid, outlet, sid, base + start, base + m.end(), text[start:m.end()], date, precision,
                         basis, ev, label, fact, ref_date, verdict, sources.get(fact, "")))
    return pd.DataFrame(_one_date_an_event(_same_day_same_event(rows, sources)),
                        columns=["article_id", "outlet", "sentence_id", "start", "end", "surface",
                                 "date", "precision", "basis", "event", "label", "fact_id",
                                 "reference_date", "verdict", "source"])


_ADJACENT_RE = re.compile(r"['\u2019]?s? ")


def _one_date_an_event(rows: list) -> list:
    """A sentence that gives an event its right date ("left the treaty on 2 August 2019") does
    not misdate it with another ("suspended its obligations in February 2019 and left ..."):
    the other date is some other step the sentence names, so its "conflicts" becomes
    "unlinked". ``rows``: ``event_claims``' rows as tuples in its column order."""
    agreed = {(r[0], r[2], r[9]) for r in rows if r[13] == "agrees"}
    return [r[:13] + ("unlinked",) + r[14:] if r[13] == "conflicts" and (r[0], r[2], r[9]) in agreed else r
            for r in rows]


def _same_day_same_event(rows: list, sources: dict) -> list:
    """A day the article dates an event by elsewhere ("Putin said last week ..." then
    "Speaking on Friday", "Friday's meeting", "the June 28 remarks") belongs to that event
    where its own sentence names none: only for days, and only when the day falls in the
    day or week of exactly one event the article dates. Looked up by day and ISO week,
    so the pass is linear in the number of dates. ``rows``: ``event_claims``' rows as
    tuples in its column order; returns them with those days filled in."""
    found_at = {}
    for aid, _o, _s, _b, _e, _t, date, prec, _basis, ev, label, fact, ref, *_ in rows:
        if ev != "" and prec in ("day", "week"):
            lo, _ = date_period(date, prec)
            key = (aid, "day", lo) if prec == "day" else (aid, "week", tuple(lo.isocalendar())[:2])
            found_at.setdefault(key, set()).add((ev, label, fact, ref))
    if not found_at:
        return rows
    out = []
    for row in rows:
        aid, date, prec, ev = row[0], row[6], row[7], row[9]
        if ev == "" and prec == "day":
            day = pd.Timestamp(date)
            found = found_at.get((aid, "day", day), set()) | found_at.get((aid, "week", tuple(day.isocalendar())[:2]), set())
            if len(found) == 1:
                ev, label, fact, ref = next(iter(found))
                # a day dated by another sentence's event: never firm enough for a conflict
                verdict = "no reference" if not fact else "agrees" if _same_date(date, "day", ref) else "unlinked"
                row = row[:9] + (ev, label, fact, ref, verdict, sources.get(fact, ""))
        out.append(row)
    return out


def system_mentions(sents: pd.DataFrame, systems: pd.DataFrame | None = None) -> pd.DataFrame:
    """Weapon systems named, with every designation resolved to one name
    (``systems.csv``; plurals count, "Typhoon" only beside a weapon word): ``article_id``, ``outlet``, ``sentence_id``, ``start``,
    ``end``, ``surface``, ``system``, ``kind``, ``country``. Two designations of one
    system in one phrase ("SSC-8 ... (9M729)", "9M729/SSC-8") are one mention whose
    ``surface`` spans both."""
    systems = load_systems() if systems is None else systems
    pattern, names, contextual = _system_pattern(systems)
    kinds, countries = dict(zip(systems.system, systems.kind)), dict(zip(systems.system, systems.country))
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        last = None
        for m in _system_matches(pattern, contextual, text):
            s = names[m.group("a")]
            if last and last[0] == s and _SAME_PHRASE_RE.match(text, last[2], m.start()):
                # "SSC-8 ground-launched cruise missile (9M729)": one mention of one system
                rows[-1] = rows[-1][:4] + (base + m.end(), text[last[1]:m.end()]) + rows[-1][6:]
                last = (s, last[1], m.end())
                continue
            rows.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), s, kinds[s], countries[s]))
            last = (s, m.start(), m.end())
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end",
                                       "surface", "system", "kind", "country"])


# Between two designations of one system in one phrase: a parenthesis opening within a
# few words ("SSC-8 ground-launched cruise missile (9M729"), a slash, "or", "known as".
_SAME_PHRASE_RE = re.compile(r"[^.;()\n]{0,50}\(\s*\Z|\s*(?:/|,?\s+or\s+|,?\s+(?:also\s+)?known as\s+)\Z")


#: Places that stand for where missiles are or may be deployed, tested or used.
PLACES = ["Belarus", "Germany", "Denmark", "Philippines", "Australia", "Europe", "Asia",
          "Asia-Pacific", "Indo-Pacific", "Ukraine", "Dnipro", "Kursk", "Kiev", "Kyiv"]
_PLACE_RE = re.compile(r"(?<![\w-])(%s)(?![\w-])" % "|".join(sorted(PLACES, key=len, reverse=True)))
_DEPLOY_CONTEXT_RE = re.compile(r"\b(?:deploy\w*|station\w*|position\w*|missile|missiles|strike|launch\w*|exercises?|activity)\b", re.I)


def place_mentions(sents: pd.DataFrame) -> pd.DataFrame:
    """Places of ``PLACES`` named, and whether the sentence speaks of deploying,
    stationing, launching or exercising missiles (``deployment_context``)."""
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        ctx = bool(_DEPLOY_CONTEXT_RE.search(text))
        for m in _PLACE_RE.finditer(text):
            rows.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), ctx))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end",
                                       "place", "deployment_context"]).astype({"deployment_context": bool})


_RUSSIA_LEFT_TREATY_RE = re.compile(
    r"Russia(?:['\u2019]s)? (?:\w+ ){0,6}withdrawal from the (?:INF |Intermediate-Range Nuclear Forces \(INF\) )?[Tt]reaty"
    r"|Russia (?:has |had )?(?:\w+ ){0,2}(?:withdrawn|withdrew) from the (?:INF )?[Tt]reaty")
_RUSSIA_SUSPENDED_RE = re.compile(r"Russia (?:had |has )?suspended the (?:INF )?treaty", re.I)


def status_claims(sents: pd.DataFrame, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """What the outlets say Russia did to the treaty, checked against F40 (Russia
    suspended the treaty in 2019 and never withdrew; in 2025 it ended a moratorium).

    One row per claim: ``article_id``, ``outlet``, ``sentence_id``, ``start``,
    ``end``, ``surface``, ``claim`` ("Russia withdrew from the treaty" or "Russia
    suspended the treaty"), ``fact_id``, ``verdict``, ``reference``, ``source``."""
    reference = load_reference() if reference is None else reference
    f40 = reference.set_index("fact_id").loc["F40"]
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        for rx, claim, verdict in [(_RUSSIA_LEFT_TREATY_RE, "Russia withdrew from the treaty", "conflicts"),
                                   (_RUSSIA_SUSPENDED_RE, "Russia suspended the treaty", "agrees")]:
            for m in rx.finditer(text):
                rows.append((aid, outlet, sid, base + m.start(), base + m.end(), m.group(), claim, "F40",
                             verdict, f40["claim"], f40["source_title"]))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "start", "end", "surface",
                                       "claim", "fact_id", "verdict", "reference", "source"])


def _conversion_tolerance(number: str) -> float:
    """Kilometres a distance printed in miles may be off by through rounding: half the
    step of its last significant digit ("310" is 305-315 miles, "3,400" 3,350-3,450),
    converted, plus half a kilometre for rounding the conversion."""
    digits = number.replace(",", "")
    whole, _, decimals = digits.partition(".")
    step = 10.0 ** -len(decimals) if decimals else 10.0 ** (len(whole) - len(whole.rstrip("0")) if whole.strip("0") else 0)
    return step / 2 * KM_PER_MILE + 0.5


def band_agrees(lo, hi, band: tuple, surface: str = "", note: str = "") -> bool:
    """Does a distance claim (``lo``-``hi`` km) state the band ``(lo, hi)``? Exactly in
    kilometres; for one converted from miles (``note`` "converted from miles"), within
    the rounding of the miles printed in ``surface`` (310-3,400 miles is 500-5,500 km)."""
    if lo is None or hi is None:
        return False
    if (lo, hi) == tuple(band):
        return True
    if not note.startswith("converted from mile"):
        return False
    numbers = re.findall(_NUM, surface)
    if len(numbers) != 2:
        return False
    return all(abs(v - b) <= _conversion_tolerance(n) for v, b, n in zip((lo, hi), band, numbers))


def check_ranges(claims: pd.DataFrame, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """Distance claims checked against the reference: the treaty band against F04
    (500-5,500 km; a band in miles within the rounding of its conversion,
    ``band_agrees``), a named Oreshnik range against F21 (claimed 5,000-5,500 km,
    unverified), anything else "no reference". Adds ``fact_id``,
    ``reference_value``, ``verdict`` and ``source``."""
    reference = load_reference() if reference is None else reference
    ref = reference.set_index("fact_id")
    rows = []
    for r in claims[claims.kind == "distance"].itertuples(index=False):
        lo = None if pd.isna(r.min_km) else int(r.min_km)
        hi = None if pd.isna(r.max_km) else int(r.max_km)
        if r.subject in ("INF treaty band", "missile class") and lo is not None and hi is not None and lo != hi:
            fact, ok = "F04", band_agrees(lo, hi, (500, 5500), r.surface, r.note)
        elif r.subject == "named missile: Oreshnik":
            fact, ok = "F21", hi is not None and 5000 <= hi <= 5500
        else:
            fact, ok = "", None
        rows.append(r._asdict() | dict(
            fact_id=fact, reference_value=f"{ref.at[fact, 'value']} {ref.at[fact, 'unit_or_date']}" if fact else "",
            verdict="no reference" if ok is None else "agrees" if ok else "conflicts",
            source=ref.at[fact, "source_title"] if fact else ""))
    return pd.DataFrame(rows)


def fact_checks(ranges: pd.DataFrame, events: pd.DataFrame, statuses: pd.DataFrame,
                quote_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """All checked claims in one table: ``article_id``, ``outlet``, ``sentence_id``,
    ``start``, ``end``, ``surface``, ``claim`` (what was claimed), ``fact_id``,
    ``reference``, ``verdict``, ``source`` and, with ``quote_rows`` (``quotes``),
    ``whose``: "outlet" if the claim is in the outlet's own words, "quoted: <speaker>"
    if it lies inside a quotation or reported statement (then the error is the
    speaker's, carried by the outlet)."""
    parts = [
        ranges.assign(claim=lambda d: d.subject + ": " + d.min_km.astype("string").fillna("") + "-"
                      + d.max_km.astype("string").fillna("") + " km (" + d.bound + ")",
                      reference=ranges.get("reference_value", "")),
        events.assign(claim=lambda d: d.label.where(d.label != "", "(no event)") + ": " + d.date,
                      reference=events.reference_date),
        statuses,
    ]
    cols = ["article_id", "outlet", "sentence_id", "start", "end", "surface", "claim", "fact_id",
            "reference", "verdict", "source"]
    out = pd.concat([p[cols] for p in parts if len(p)], ignore_index=True)
    if quote_rows is not None:
        carried = {}
        for aid, s, e, who in _rows(quote_rows, ["article_id", "start", "end", "speaker"]):
            carried.setdefault(aid, []).append((s, e, who))
        out["whose"] = [next((f"quoted: {w}" for s, e, w in carried.get(aid, []) if s <= start < e), "outlet")
                        for aid, start in zip(out.article_id, out.start)]
    return out.sort_values(["article_id", "start", "fact_id"], kind="stable").reset_index(drop=True)


def cross_outlet(checks: pd.DataFrame, reference: pd.DataFrame, outlets) -> pd.DataFrame:
    """For each reference fact some outlet speaks to: what each outlet said, as
    "surface (verdict)" joined by "; ", or "not said". Rows ordered by fact_id."""
    linked = checks[checks.fact_id != ""]
    ref = reference.set_index("fact_id")
    rows = []
    for fact in sorted(linked.fact_id.unique(), key=lambda f: (int(re.sub(r"\D", "", f)), f)):
        row = {"fact_id": fact, "reference": ref.at[fact, "claim"],
               "reference_date_or_value": ref.at[fact, "unit_or_date"] if ref.at[fact, "unit_or_date"] != "km"
               else f"{ref.at[fact, 'value']} km"}
        for outlet in outlets:
            said = linked[(linked.fact_id == fact) & (linked.outlet == outlet)]
            row[outlet] = "; ".join(f"{s} ({v})" for s, v in zip(said.surface, said.verdict)) or "not said"
        rows.append(row)
    return pd.DataFrame(rows)


def date_period(date: str, precision: str | None = None) -> tuple:
    """First and last day (``pandas.Timestamp``) of the period an ISO date as
    ``event_claims`` writes it covers: "2024" a year, "2024-07" a month,
    "2025-08-01" a day, "2025-W31" an ISO week. ``precision`` is read off the form
    if not given."""
    if precision is None:
        precision = "week" if "-W" in date else {4: "year", 7: "month", 10: "day"}[len(date)]
    if precision == "week":
        start = pd.Timestamp(dt.date.fromisocalendar(int(date[:4]), int(date[6:]), 1))
        return start, start + pd.Timedelta(days=6)
    start = pd.Timestamp(date + {"year": "-01-01", "month": "-01", "day": ""}[precision])
    end = {"year": start + pd.offsets.YearEnd(0), "month": start + pd.offsets.MonthEnd(0), "day": start}[precision]
    return start, end


# ---------------------------------------------------------------------------
# 6. Claims: the proposition codebook, claim-by-claim checks, omissions
#    (04-missile-range-facts; supersedes fact_checks)
# ---------------------------------------------------------------------------
# ``claims.csv`` lists propositions an arms-control reader checks (what the
# moratorium covered, what Russia did to the treaty, why the US left ...), each
# with cue patterns that find statements about it and the wordings that distort
# it. ``claim_checks`` turns every such statement, every date, every distance and
# every quotation of an official statement into one row of one table with one
# verdict vocabulary; ``claim_omissions`` lists what an article should have said
# and did not. Patterns are matched case-insensitively inside one sentence, and a
# pattern with a quantifier inside a quantifier is refused, so every check runs in
# time linear in the length of the text.

try:                                    # the regular-expression parser (Python 3.11+)
    from re import _parser as _sre_parse
except ImportError:                     # pragma: no cover (older Pythons)
    import sre_parse as _sre_parse

#: The verdicts of ``claim_checks``, from most to least severe.
CLAIM_VERDICTS = ["conflicts", "misleading", "unverified", "agrees", "not checked"]
CLAIM_COLUMNS = ["claim_id", "proposition", "fact_ids", "cues", "distortions", "verdict", "required_if"]
CHECK_COLUMNS = ["article_id", "outlet", "sentence_id", "start", "end", "claim_id", "surface", "verdict",
                 "whose", "fact_ids", "source_title", "source_url", "explanation"]
REFERENCE_QUOTE_COLUMNS = ["quote_id", "speaker", "phrase", "source_title", "source_url"]
#: Speakers whose quoted words count as an official statement (``quotes().affiliation``).
OFFICIAL_GROUPS = {"russian_official", "us_official"}
_LIST_SEP = ";;"                 # separates patterns in a cell
_VERDICT_SEP = "=>"              # "wording => verdict: why"
_MAX_PHRASE_WORDS = 25
# An article about the 4 Aug 2025 decision, when it prints no publication date.
_DECISION_2025_RE = re.compile(
    r"\b(?:no longer|abandon\w*|end(?:s|ed|ing)?|lift\w*|scrap\w*|walk\w* back|withdrawal of|withdrawal from)\b"
    r".{0,60}?\b(?:moratorium|self-imposed|voluntary ban|self-restrictions)", re.I)
_YEAR_RE = re.compile(r"(?<![\w,.-])(?:19[4-9]\d|20[0-4]\d)(?![\w-])")
_QUOTE_WORD_RE = re.compile(r"[a-z0-9]+")


def _nested_repeat(parsed, inside: bool = False) -> bool:
    """Does a parsed pattern repeat (more than once) something that itself repeats?
    Such patterns can take time exponential in the text; single quantifiers, bounded
    or not, over characters or fixed alternatives cannot."""
    for op, av in parsed:
        if op in _REPEATS:
            lo, hi, sub = av
            many = hi > 1
            if inside and many:
                return True
            if _nested_repeat(sub, inside or many):
                return True
        elif op is _sre_parse.BRANCH:
            if any(_nested_repeat(p, inside) for p in av[1]):
                return True
        elif op is _sre_parse.SUBPATTERN:
            if _nested_repeat(av[-1], inside):
                return True
        elif op in (_sre_parse.ASSERT, _sre_parse.ASSERT_NOT):
            if _nested_repeat(av[1], inside):
                return True
        elif op is getattr(_sre_parse, "ATOMIC_GROUP", None):
            if _nested_repeat(av, inside):
                return True
        elif op is _sre_parse.GROUPREF_EXISTS:
            if any(p is not None and _nested_repeat(p, inside) for p in av[1:]):
                return True
    return False


#: Claim patterns spell out a proposition's wordings, so they may be longer than a frame cue.
MAX_CLAIM_PATTERN_LENGTH = 1000
#: ... and bridge longer stretches of a sentence (``.{0,160}?``), still bounded.
MAX_CLAIM_PATTERN_REPEAT = 300


def _claim_pattern(pattern: str, where: str) -> re.Pattern:
    """Compile one codebook pattern (case-insensitive) through ``check_pattern``, the one
    checker of every user-supplied pattern (frame cues, event anchors, claims): an empty,
    invalid, empty-matching or slow pattern (nested quantifiers, ``[^,]+`` on a long
    sentence) is refused; ``where`` (file, row, column) starts the error message."""
    return check_pattern(pattern.strip(), where, "pattern", max_length=MAX_CLAIM_PATTERN_LENGTH,
                         max_repeat=MAX_CLAIM_PATTERN_REPEAT, scoped_flags=True)


def load_claims(path=None, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """The proposition codebook (``claims.csv``), validated and compiled.

    Columns read: ``claim_id``, ``proposition``, ``fact_ids`` (reference fact ids
    separated by ``|``), ``cues`` (regular expressions separated by ``;;``: a
    sentence matching one makes a statement about the proposition), ``distortions``
    (entries ``pattern => verdict: why`` separated by ``;;``, tried in order; the
    first that matches a cued sentence gives its verdict), ``verdict`` (the verdict
    of a cued sentence no distortion matches), ``required_if`` (a pattern: an article
    whose text matches it should state the proposition; empty: never required), and
    the optional ``context_from`` (ISO date: only articles about events from that day
    on are required to state it) and ``notes``. Patterns are matched
    case-insensitively within one sentence.

    Raises ``CorpusError`` naming file, row and column for an empty, invalid,
    empty-matching or nested-quantifier pattern, an unknown fact id, an unknown
    verdict, a row without fact ids whose verdicts are not all "not checked", an
    empty proposition or a malformed date. Returns the table with the parsed
    columns ``fact_list``, ``cue_res``, ``distortion_list`` ((pattern, verdict,
    why) tuples) and ``required_re`` (None when empty).
    """
    path, table = read_registry("claims.csv", path, CLAIM_COLUMNS, key="claim_id")
    reference = load_reference() if reference is None else reference
    known = set(reference.fact_id)
    if "context_from" not in table.columns:
        table = table.assign(context_from="")
    if not len(table):
        raise CorpusError(f"{path}: the codebook has no rows")
    facts, cues, distortions, required = [], [], [], []
    for i, row in table.iterrows():
        def where(col):
            return f"{path}, row {i + 2} (claim_id {row['claim_id']!r}), column {col!r}"
        if not row["claim_id"].strip():
            raise CorpusError(f"{where('claim_id')}: empty claim_id")
        if not row["proposition"].strip():
            raise CorpusError(f"{where('proposition')}: empty proposition")
        fl = split_list(row["fact_ids"])
        unknown = [f for f in fl if f not in known]
        if unknown:
            raise CorpusError(f"{where('fact_ids')}: unknown fact id(s) {', '.join(unknown)} "
                              "(not in reference_facts.csv)")
        if row["verdict"].strip() not in CLAIM_VERDICTS:
            raise CorpusError(f"{where('verdict')}: unknown verdict {row['verdict']!r} "
                              f"(one of {', '.join(CLAIM_VERDICTS)})")
        cue_items = [c for c in row["cues"].split(_LIST_SEP)]
        if not row["cues"].strip():
            raise CorpusError(f"{where('cues')}: empty pattern")
        cue_res = [_claim_pattern(c, where("cues")) for c in cue_items]
        dist = []
        for item in (row["distortions"].split(_LIST_SEP) if row["distortions"].strip() else []):
            pattern, sep, rest = item.rpartition(_VERDICT_SEP)
            if not sep:
                raise CorpusError(f"{where('distortions')}: {item.strip()!r} is not 'pattern => verdict: why'")
            verdict, _, why = rest.partition(":")
            verdict = verdict.strip()
            if verdict not in CLAIM_VERDICTS:
                raise CorpusError(f"{where('distortions')}: unknown verdict {verdict!r} "
                                  f"(one of {', '.join(CLAIM_VERDICTS)})")
            dist.append((_claim_pattern(pattern, where("distortions")), verdict, why.strip()))
        if not fl and any(v != "not checked" for v in [row["verdict"].strip()] + [d[1] for d in dist]):
            raise CorpusError(f"{where('fact_ids')}: no reference fact, so every verdict must be 'not checked'")
        req = _claim_pattern(row["required_if"], where("required_if")) if row["required_if"].strip() else None
        if row["context_from"].strip():
            try:
                dt.date.fromisoformat(row["context_from"].strip())
            except ValueError:
                raise CorpusError(f"{where('context_from')}: {row['context_from']!r} is not a date "
                                  "in YYYY-MM-DD form") from None
        facts.append(fl)
        cues.append(cue_res)
        distortions.append(dist)
        required.append(req)
    return table.assign(verdict=table.verdict.str.strip(), context_from=table.context_from.str.strip(),
                        fact_list=facts, cue_res=cues, distortion_list=distortions, required_re=required)


def load_reference_quotes(path=None) -> pd.DataFrame:
    """Official statements as reported by sourced coverage (``reference_quotes.csv``):
    ``quote_id``, ``speaker`` (names as ``quotes`` gives them, separated by ``|``),
    ``phrase`` (at most 25 words, as printed by the source), ``source_title``,
    ``source_url`` and optional ``statement``, ``statement_date``, ``notes``.
    Raises ``CorpusError`` naming file and row for an empty phrase, speaker or URL,
    or a phrase longer than 25 words."""
    path, table = read_registry("reference_quotes.csv", path, REFERENCE_QUOTE_COLUMNS, key="quote_id")
    for i, row in table.iterrows():
        for col in ["speaker", "phrase", "source_url"]:
            if not row[col].strip():
                raise CorpusError(f"{path}, row {i + 2} (quote_id {row['quote_id']!r}), column {col!r}: empty")
        if len(row["phrase"].split()) > _MAX_PHRASE_WORDS:
            raise CorpusError(f"{path}, row {i + 2} (quote_id {row['quote_id']!r}), column 'phrase': "
                              f"longer than {_MAX_PHRASE_WORDS} words")
    return table


def _quote_words(text: str) -> list:
    """Lower-case letter/digit runs of a quotation (punctuation, brackets, dashes,
    apostrophes and quotation marks ignored), for comparing wordings."""
    return _QUOTE_WORD_RE.findall(text.lower().replace("\u2019", "'"))


def _word_runs(words: list, n: int) -> set:
    """Every run of ``n`` consecutive words of a word list, as tuples."""
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _match_reference_quote(words: list, refs: list):
    """The reference phrase a quotation's wording matches, or None: the two share a
    run of at least min(5, len(quotation), len(phrase)) consecutive words, that is,
    a run of exactly that many (compared as sets of runs). ``refs``: (phrase words,
    phrase, its runs by length: ``{n: _word_runs(words, n)}`` for n from 1 to 5)."""
    mine = {}
    for ref_words, ref, ref_runs in refs:
        need = min(5, len(words), len(ref_words))
        if not need:
            continue
        if need not in mine:
            mine[need] = _word_runs(words, need)
        if not mine[need].isdisjoint(ref_runs[need]):
            return ref
    return None


def _reference_sources(fact_ids: list, ref) -> tuple:
    """(source_title, source_url) of reference facts, joined with " | "."""
    titles = [ref.at[f, "source_title"] for f in fact_ids if f in ref.index]
    urls = [ref.at[f, "source_url"] for f in fact_ids if f in ref.index]
    return " | ".join(titles), " | ".join(urls)


def _whose(article_id: str, start: int, spans: dict) -> str:
    """'outlet', or 'quoted: <speaker>' when ``start`` lies inside a quotation or
    reported statement of that article (``spans``: article -> [(start, end, speaker)])."""
    if spans is None:
        return ""
    return next((f"quoted: {w}" for s, e, w in spans.get(article_id, []) if s <= start < e), "outlet")


def _codebook_rows(sents: pd.DataFrame, claims: pd.DataFrame, ref) -> list:
    """One row per (sentence, proposition) for every cued sentence: the first
    distortion that matches gives verdict and span, else the cue does."""
    compiled = [(r.claim_id, r.proposition, r.fact_list, r.cue_res, r.distortion_list, r.verdict)
                for r in claims.itertuples(index=False)]
    sources = {cid: _reference_sources(fl, ref) for cid, _, fl, *_ in compiled}
    rows = list(_rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]))
    texts = [r[4] for r in rows]
    lows = [_prefilter_text(t) for t in texts]
    # (sentence, proposition) -> the match of its first cue that matches, cue by cue over
    # the sentences that hold one of the cue's required literals (the others cannot match)
    cued, tried = {}, {}
    for k, (_cid, _p, _f, cue_res, _d, _v) in enumerate(compiled):
        for c in cue_res:
            need = _pattern_literals(c.pattern, c.flags)
            if need not in tried:
                tried[need] = _maybe_matching(lows, need)
            for i in tried[need]:
                if (i, k) not in cued:
                    m = c.search(texts[i])
                    if m:
                        cued[i, k] = m
    out = []
    for i, k in sorted(cued):
        aid, outlet, sid, base, text = rows[i]
        cid, prop, fl, _, dist, default = compiled[k]
        cue = cued[i, k]
        hit = next(((m, v, why) for m, v, why in ((d.search(text), v, why) for d, v, why in dist) if m), None)
        m, verdict, why = hit if hit else (cue, default, "")
        if verdict == "not checked":
            why = why or "no reference fact covers this proposition"
        explanation = (f"{verdict}: {why}. " if why else f"{verdict}: consistent with the reference. ") + \
            f"Reference: {prop}"
        title, url = sources[cid]
        out.append((aid, outlet, sid, base + m.start(), base + m.end(), cid, m.group(), verdict,
                    "|".join(fl), title, url, explanation))
    return out


def _old_check_rows(sents, articles, ref, event_rows=None, range_rows=None) -> list:
    """The date and distance checks of ``event_claims`` and ``check_ranges`` as claim
    rows: old "agrees" stays "agrees" ("unverified" when the reference fact is itself
    only a claim, confidence UNVERIFIED), "conflicts" stays, "no reference" and
    "unresolved" become "not checked". ``event_rows``, ``range_rows``: the
    ``event_claims`` and ``range_claims`` tables when already computed, else None."""
    reference = ref.reset_index()
    rows = []
    unverified = {f for f, c in zip(reference.fact_id, reference.get("confidence", [""] * len(reference)))
                  if str(c).upper().startswith("UNVERIFIED")}
    sources = {}

    def sources_of(fact):          # one look-up per fact, not per row
        if fact not in sources:
            sources[fact] = _reference_sources([fact] if fact else [], ref)
        return sources[fact]

    events = event_claims(sents, articles, reference=reference) if event_rows is None else event_rows
    for r in events.itertuples(index=False):
        fact = r.fact_id
        verdict = {"agrees": "agrees", "conflicts": "conflicts"}.get(r.verdict, "not checked")
        if verdict == "agrees" and fact in unverified:
            verdict = "unverified"
        what = r.label or "a date attached to no known event"
        if r.verdict == "unresolved":
            why = f"{what}: '{r.surface}' cannot be dated without the article's publication date"
        elif r.verdict == "unlinked":
            why = (f"{what}: dated {r.date} ({r.basis}), where the reference gives {r.reference_date}; not called "
                   f"a conflict, because the date is not firmly this event's (its year is not written, or it is "
                   f"the article's own date)")
        elif r.verdict == "no reference":
            why = f"{what}: dated {r.date}; no reference fact gives this event's date"
        else:
            why = f"{what}: dated {r.date} ({r.basis}); the reference gives {r.reference_date}"
        title, url = sources_of(fact)
        rows.append((r.article_id, r.outlet, r.sentence_id, r.start, r.end, f"date:{r.event or 'none'}",
                     r.surface, verdict, fact, title, url, f"{verdict}: {why}"))
    checked = check_ranges(range_claims(sents) if range_rows is None else range_rows, reference)
    for r in checked.itertuples(index=False):
        fact = r.fact_id
        verdict = {"agrees": "agrees", "conflicts": "conflicts"}.get(r.verdict, "not checked")
        if verdict == "agrees" and fact in unverified:
            verdict = "unverified"
        kind = {"F04": "treaty_band", "F21": "oreshnik"}.get(fact, "other")
        lo = "" if pd.isna(r.min_km) else int(r.min_km)
        hi = "" if pd.isna(r.max_km) else int(r.max_km)
        if fact == "F04" and verdict == "conflicts" and any(
                band_agrees(lo or None, hi or None, band, r.surface, r.note) for band in ((500, 1000), (1000, 5500))):
            # one of the treaty's two sub-bands (shorter-, intermediate-range), not the whole band
            fact, verdict = "F04a", "agrees"
            r = r._replace(reference_value=f"{ref.at['F04a', 'value']} {ref.at['F04a', 'unit_or_date']}")
        why = (f"{r.subject}: {lo}-{hi} km ({r.bound}); the reference gives {r.reference_value}"
               + (" (itself a claim, not verified)" if fact in unverified else "")
               if fact else f"{r.subject}: {lo}-{hi} km; no reference fact covers this distance")
        title, url = sources_of(fact)
        rows.append((r.article_id, r.outlet, r.sentence_id, r.start, r.end, f"range:{kind}", r.surface,
                     verdict, fact, title, url, f"{verdict}: {why}"))
    return rows


def _quote_rows(quote_rows: pd.DataFrame, ref_quotes: pd.DataFrame) -> list:
    """One row per direct or mixed quotation (two words or more) attributed to an
    official: "agrees" with the reference phrase it matches, else "unverified"."""
    refs = []
    for p, sp, t, u in ref_quotes[["phrase", "speaker", "source_title", "source_url"]].itertuples(index=False):
        w = _quote_words(p)
        refs.append((w, (p, sp, t, u), {n: _word_runs(w, n) for n in range(1, 6)}))
    by_speaker = {}
    for _, (p, sp, t, u), _ in refs:
        for name in split_list(sp):
            by_speaker.setdefault(name, []).append((t, u))
    rows = []
    official = quote_rows[quote_rows.affiliation.isin(OFFICIAL_GROUPS) & quote_rows.kind.isin(["direct", "mixed"])]
    for r in official.itertuples(index=False):
        words = _quote_words(r.text)
        if len(words) < 2:
            continue                   # a single quoted word or name is a term, not a statement
        hit = _match_reference_quote(words, refs)
        if hit:
            phrase, sp, title, url = hit
            verdict = "agrees"
            why = f"the wording matches the statement as reported: \u201c{phrase}\u201d ({sp.split('|')[0]})"
        else:
            own = by_speaker.get(r.speaker, [])
            title = " | ".join(dict.fromkeys(t for t, _ in own))
            url = " | ".join(dict.fromkeys(u for _, u in own))
            verdict = "unverified"
            why = (f"the quoted wording matches none of the {len(refs)} phrases of reference_quotes.csv"
                   + (f" ({len(own)} of them {r.speaker}'s, sources given)" if own else "")
                   + "; unverified is not false: the statement may exist in a wording or translation "
                     "we hold no sourced copy of")
        rows.append((r.article_id, r.outlet, r.sentence_id, r.start, r.end, "official_quote", r.text,
                     verdict, "", title, url, f"{verdict}: {why}"))
    return rows


def claim_checks(sents: pd.DataFrame, articles: pd.DataFrame | None = None,
                 claims: pd.DataFrame | None = None, reference: pd.DataFrame | None = None,
                 reference_quotes: pd.DataFrame | None = None,
                 quote_rows: pd.DataFrame | None = None, event_rows: pd.DataFrame | None = None,
                 range_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every checkable statement in the sentences, one row each, with one verdict.

    Rows come from four sources, all in the same columns:

    - the codebook (``load_claims``): one row per sentence and proposition whose
      cue matches, with the verdict of the first matching distortion (its span is
      the surface) or the row's default verdict;
    - dates (``event_claims``): ``claim_id`` "date:<event>";
    - distances (``check_ranges``): ``claim_id`` "range:treaty_band",
      "range:oreshnik" or "range:other";
    - quotations of officials (``quotes``, direct or mixed, two words or more):
      ``claim_id`` "official_quote", "agrees" when the wording matches a phrase of
      ``reference_quotes.csv`` (a shared run of five words, or the whole of the
      shorter), otherwise "unverified".

    A date that agrees with its reference fact is not "agrees" when a codebook row
    in the same sentence finds the dated statement's substance wrong against the
    same fact: it takes that row's verdict. ``articles`` (``load_corpus``) supplies
    publication dates and quotations; without it relative dates stay unresolved,
    quotations are not checked and ``whose`` is empty. ``quote_rows``, ``event_rows``
    and ``range_rows`` save work when already computed: ``quotes(articles)``,
    ``event_claims(sents, articles, reference=reference)`` and ``range_claims(sents)``
    as this function would compute them (None: it computes them).

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``start``, ``end``,
    ``claim_id``, ``surface``, ``verdict`` (``CLAIM_VERDICTS``), ``whose`` ("outlet"
    or "quoted: <speaker>", from the claim's own start against the quotation
    spans), ``fact_ids``, ``source_title``, ``source_url``, ``explanation``.
    Sorted by article, offset and claim.
    """
    reference = load_reference() if reference is None else reference
    claims = load_claims(reference=reference) if claims is None else claims
    ref = reference.set_index("fact_id")
    rows = _codebook_rows(sents, claims, ref)
    # a date whose statement's substance is wrong is not "agrees"
    wrong = {}
    for aid, _o, sid, _s, _e, cid, _surf, verdict, facts, *_ in rows:
        if verdict in ("conflicts", "misleading"):
            for f in facts.split("|"):
                wrong.setdefault((aid, sid, f), (verdict, cid))
    for row in _old_check_rows(sents, articles, ref, event_rows, range_rows):
        row = list(row)
        if row[5].startswith("date:") and row[7] == "agrees" and (row[0], row[2], row[8]) in wrong:
            verdict, cid = wrong[(row[0], row[2], row[8])]
            row[7] = verdict
            row[11] = (f"{verdict}: the date agrees with {row[8]}, but what it dates does not "
                       f"(see claim {cid} in the same sentence); " + row[11].split(": ", 1)[1])
        rows.append(tuple(row))
    spans = None
    if articles is not None:
        quote_rows = quotes(articles) if quote_rows is None else quote_rows
        reference_quotes = load_reference_quotes() if reference_quotes is None else reference_quotes
        rows.extend(_quote_rows(quote_rows, reference_quotes))
        spans = {}
        for aid, s, e, who in _rows(quote_rows, ["article_id", "start", "end", "speaker"]):
            spans.setdefault(aid, []).append((s, e, who))
    cols = [c for c in CHECK_COLUMNS if c != "whose"]
    out = pd.DataFrame(rows, columns=cols)
    out.insert(CHECK_COLUMNS.index("whose"), "whose",
               [_whose(a, s, spans) for a, s in zip(out.article_id, out.start)])
    out = out.astype({"sentence_id": int, "start": int, "end": int})
    return out.sort_values(["article_id", "start", "claim_id"], kind="stable").reset_index(drop=True)


def article_subject_date(article_id: str, text: str, published: str) -> dt.date | None:
    """The day an article is about, for deciding what context it owes its reader:
    its publication date if printed; else 4 Aug 2025 if it reports the moratorium
    being ended; else the last day of the latest year it prints; else None."""
    if published:
        return dt.date.fromisoformat(published)
    if _DECISION_2025_RE.search(text):
        return dt.date(2025, 8, 4)
    years = [int(y) for y in _YEAR_RE.findall(text)]
    return dt.date(max(years), 12, 31) if years else None


def claim_omissions(checks: pd.DataFrame, articles: pd.DataFrame,
                    claims: pd.DataFrame | None = None,
                    reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """Propositions an article should state and does not: one row per article and
    codebook row whose ``required_if`` pattern matches the article's text, when the
    article is about events on or after the row's ``context_from`` (see
    ``article_subject_date``; an article with no date at all is assumed current) and
    ``checks`` (``claim_checks``) holds no row of that proposition for it.

    An omission is never a conflict: the table has no verdict. Columns:
    ``article_id``, ``outlet``, ``claim_id``, ``proposition``, ``required_because``
    (the words that made it required), ``fact_ids``, ``source_title``,
    ``source_url``, ``explanation``.
    """
    reference = load_reference() if reference is None else reference
    claims = load_claims(reference=reference) if claims is None else claims
    ref = reference.set_index("fact_id")
    said = set(zip(checks.article_id, checks.claim_id))
    rows = []
    for aid, outlet, text, published in articles[["article_id", "outlet", "text", "published"]].itertuples(index=False):
        about = article_subject_date(aid, text, published)
        for r in claims.itertuples(index=False):
            if r.required_re is None or (aid, r.claim_id) in said:
                continue
            if r.context_from and about is not None and about < dt.date.fromisoformat(r.context_from):
                continue
            m = r.required_re.search(text)
            if m is None:
                continue
            title, url = _reference_sources(r.fact_list, ref)
            rows.append((aid, outlet, r.claim_id, r.proposition, m.group(), "|".join(r.fact_list), title, url,
                         f"omitted: the article speaks of \u201c{m.group()}\u201d but never states this "
                         "proposition. An omission, not a conflict."))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "claim_id", "proposition", "required_because",
                                       "fact_ids", "source_title", "source_url", "explanation"])


def claim_matrix(checks: pd.DataFrame, articles: pd.DataFrame,
                 omissions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The claim-by-claim table: one row per ``claim_id`` that some article speaks to
    (or omits), one column per article; each cell "surface (verdict)" joined by "; ",
    "omitted" where ``omissions`` lists it, else "not said"."""
    ids = list(articles.article_id)
    omitted = set() if omissions is None else set(zip(omissions.article_id, omissions.claim_id))
    claim_ids = sorted(set(checks.claim_id) | {c for _, c in omitted})
    rows = []
    for cid in claim_ids:
        row = {"claim_id": cid}
        sub = checks[checks.claim_id == cid]
        for aid in ids:
            said = sub[sub.article_id == aid]
            row[aid] = ("; ".join(f"{s} ({v})" for s, v in zip(said.surface, said.verdict))
                        or ("omitted" if (aid, cid) in omitted else "not said"))
        rows.append(row)
    return pd.DataFrame(rows, columns=["claim_id"] + ids)


def claim_tally(checks: pd.DataFrame, omissions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each article's count of rows per verdict (``CLAIM_VERDICTS`` order) and of
    omissions, one row per article of ``checks``."""
    tally = pd.crosstab(checks.article_id, checks.verdict).reindex(columns=CLAIM_VERDICTS, fill_value=0)
    tally.columns.name = None
    om = (omissions.groupby("article_id").size() if omissions is not None and len(omissions)
          else pd.Series(dtype=int))
    tally["omitted"] = om.reindex(tally.index, fill_value=0).astype(int)
    return tally.reset_index()


# ---------------------------------------------------------------------------
# 7. A growing corpus: languages, copies, coverage over time (00-corpus-overview;
#    ``make add`` lives in corpus_add.py)
# ---------------------------------------------------------------------------

#: The day Russia's Foreign Ministry declared the moratorium over.
DECISION_DATE = dt.date(2025, 8, 4)


def _is_english(language) -> bool:
    code = str(language).strip().lower().replace("_", "-")
    return code == "" or code == "en" or code.startswith("en-")


def english_only(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles the English-only methods may read: those whose ``language`` is English
    (``en``, ``en-GB`` ...) or empty (a hand-built corpus that records none is taken as
    English, as before). Every method that rests on English word lists, cue patterns or
    lexicons (Punkt's abbreviations, frames, quotes and speech verbs, blame, hedges, VADER,
    AFINN, dates and ranges written in English, keyness) should run on this table, and the
    notebook should say which articles it left out (``not_english``). Same columns, index
    reset; ``articles`` is not changed."""
    keep = articles["language"].map(_is_english) if "language" in articles.columns else \
        pd.Series(True, index=articles.index)
    return articles[keep].reset_index(drop=True)


def not_english(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles ``english_only`` leaves out: ``article_id``, ``outlet``, ``language``."""
    if "language" not in articles.columns:
        return pd.DataFrame(columns=["article_id", "outlet", "language"])
    out = articles[~articles["language"].map(_is_english)]
    return out[["article_id", "outlet", "language"]].reset_index(drop=True)


def analysis_set(articles: pd.DataFrame, keep_copies: bool = False) -> tuple:
    """The articles a notebook's English-only methods analyse, and those left out:
    ``(kept, left_out)``. ``kept`` is ``english_only(articles)``, then (unless
    ``keep_copies``) one article per copy group (``one_per_copy_group``), so that outlets
    are compared on distinct stories. ``left_out`` has ``article_id``, ``outlet`` and
    ``reason`` ("not in English (xx)" or "a copy of <article_id>"), one row per article left
    out, so a notebook can say what it did not read."""
    english = english_only(articles)
    kept = english if keep_copies else one_per_copy_group(english)
    rows = [(r.article_id, r.outlet, f"not in English ({r.language})")
            for r in not_english(articles).itertuples(index=False)]
    if not keep_copies:
        group = dict(zip(english.article_id, english["copy_group"])) if "copy_group" in english.columns else {}
        rows += [(a, o, f"a copy of {group.get(a, '')}") for a, o in zip(english.article_id, english.outlet)
                 if a not in set(kept.article_id)]
    left_out = pd.DataFrame(rows, columns=["article_id", "outlet", "reason"])
    return kept, left_out.sort_values("article_id", kind="stable").reset_index(drop=True)


class NothingToAnalyse(Exception):
    """A notebook's methods have no article to read in this corpus (none is in English, say).
    ``require_articles`` raises it in the notebook's parameters cell; the report builder
    (scripts/build_report.py) shows its message as the page's content instead of failing."""


def require_articles(articles: pd.DataFrame, left_out: pd.DataFrame) -> None:
    """Stop a notebook, with a sentence saying why, when ``analysis_set`` kept no article:
    every statement after this point would be about nothing. Does nothing otherwise."""
    if len(articles):
        return
    reasons = left_out.reason.str.replace(r"\s*\(.*\)$", "", regex=True).value_counts()
    why = "; ".join(f"{n} {'article' if n == 1 else 'articles'} {r}" for r, n in reasons.items()) or "it holds none"
    raise NothingToAnalyse(f"This notebook has nothing to analyse in this corpus: its methods read English text, "
                           f"one article per copy group, and no article qualifies ({why}).")


def one_per_copy_group(articles: pd.DataFrame) -> pd.DataFrame:
    """One article per copy group, its representative (the member published first; see
    ``copy_groups``): the table to count from whenever outlets are compared, so a wire story
    reprinted by ten sites counts once. Needs the ``copy_group`` column ``load_corpus`` adds
    (a frame without it is grouped here). Same columns, index reset."""
    if "copy_group" not in articles.columns or "copy_label" not in articles.columns:
        articles = articles.assign(copy_group=copy_groups(articles)["copy_group"].to_numpy())
    return articles[articles["article_id"] == articles["copy_group"]].reset_index(drop=True)


TIMELINE_COLUMNS = ["order", "outlet", "first_published", "days_after", "first_article_id",
                    "first_is_copy", "articles", "dated", "copies"]


def coverage_timeline(articles: pd.DataFrame, per: str = "outlet") -> pd.DataFrame:
    """Who published when. ``per="outlet"`` (default): one row per outlet, in the order the
    outlets first carried the story: ``order`` (1 = first; outlets with the same first day
    share a place; 0 for an outlet with no dated article, listed last), ``first_published``
    (its earliest ``published`` date, "" if none), ``days_after`` (days after
    ``DECISION_DATE``, 4 Aug 2025: 0 the same day, negative before it; NaN undated),
    ``first_article_id`` (that article; ties by article_id), ``first_is_copy`` (True when
    that article is a copy of another article of the corpus: it carried someone else's
    story), ``articles``, ``dated`` and ``copies`` (its articles that are not their copy
    group's representative). ``per="article"``: one row per article (``article_id``,
    ``outlet``, ``published``, ``days_after``, ``copy_group``, ``is_copy``) by date (undated
    last), outlet and article_id. Copy groups come from the ``copy_group`` column
    ``load_corpus`` adds, or are computed."""
    if "copy_group" not in articles.columns or "copy_label" not in articles.columns:
        articles = articles.assign(copy_group=copy_groups(articles)["copy_group"].to_numpy())
    pub = articles["published"].fillna("").astype(str)
    days = [(dt.date.fromisoformat(p) - DECISION_DATE).days if p else np.nan for p in pub]
    rows = pd.DataFrame({"article_id": articles["article_id"].to_numpy(), "outlet": articles["outlet"].to_numpy(),
                         "published": pub.to_numpy(), "days_after": pd.array(days, dtype="Int64"),
                         "copy_group": articles["copy_group"].to_numpy()})
    rows["is_copy"] = rows["article_id"] != rows["copy_group"]
    rows = rows.assign(_undated=rows.published == "").sort_values(
        ["_undated", "published", "outlet", "article_id"], kind="stable").drop(columns="_undated")
    if per == "article":
        return rows.reset_index(drop=True)
    if per != "outlet":
        raise ValueError(f"per must be 'outlet' or 'article', not {per!r}")
    out = []
    for outlet, group in rows.groupby("outlet", sort=True):
        dated = group[group.published != ""]
        first = (dated if len(dated) else group).iloc[0]
        out.append({"outlet": outlet, "first_published": first.published if len(dated) else "",
                    "days_after": first.days_after if len(dated) else pd.NA,
                    "first_article_id": first.article_id if len(dated) else "",
                    "first_is_copy": bool(first.is_copy) if len(dated) else False,
                    "articles": len(group), "dated": len(dated), "copies": int(group.is_copy.sum())})
    table = pd.DataFrame(out, columns=[c for c in TIMELINE_COLUMNS if c != "order"])
    table["days_after"] = table["days_after"].astype("Int64")
    table = table.assign(_undated=table.first_published == "").sort_values(
        ["_undated", "first_published", "outlet"], kind="stable").drop(columns="_undated")
    dated_rank = table["first_published"].where(table["first_published"] != "").rank(method="min")
    table.insert(0, "order", dated_rank.fillna(0).astype(int))
    return table.reset_index(drop=True)


# The web-page import and copy groups (corpus_add imports helpers inside its functions, so
# importing it here, at the end, makes no cycle).
from corpus_add import add_articles, copy_groups  # noqa: E402,F401

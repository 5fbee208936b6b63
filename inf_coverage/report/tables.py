"""Tables for readers: every row shown, samples of long tables, keyword-in-context views, and
interactive tables in Lab on request (``interactive_tables``)."""

from __future__ import annotations

import html as _html
import re

import pandas as pd


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


def interactive_tables() -> None:
    """Opt in, in JupyterLab, to interactive tables: from this call on, every DataFrame a cell
    shows (and every ``show_table`` or ``kwic_view`` table) is a DataTables table by ``itables``,
    with sorting on its headers, a search box and paging, instead of pandas' static HTML.
    Offline: the call's own output carries the DataTables library, read from the itables wheel
    (``init_notebook_mode(connected=False)``), and the tables load nothing from the network;
    keep that output in the notebook (a table shown after the output is cleared stays a
    placeholder until the cell is run again). For exploring only: the committed notebooks
    never call it (itables writes random ids into each table, which nbval would compare), and
    the report makes its own tables interactive from their static HTML. Tables computed by the
    helpers are the same either way: only how they are shown changes."""
    from itables import init_notebook_mode

    global _INTERACTIVE
    init_notebook_mode(all_interactive=True, connected=False)
    _INTERACTIVE = True


#: Set by ``interactive_tables``: ``ShownTable`` then shows its rows through itables too.
_INTERACTIVE = False


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
        if _INTERACTIVE:        # interactive_tables(): DataTables in Lab, offline, cells escaped
            from itables import to_html_datatable
            note, _ = self._note()
            return f"<div>{to_html_datatable(self.table, connected=False, showIndex=index)}{note}</div>"
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

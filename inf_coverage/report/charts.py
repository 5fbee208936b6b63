"""Charts: one colour-blind-safe palette per kind of category, labels, marks and figure
export."""

from __future__ import annotations

import datetime as dt
import html as _html
import io
import math
from typing import Any
from pathlib import Path

import numpy as np
import pandas as pd


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

PALETTES: dict[str, dict[str, str] | list[str]] = {
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
            points: Any = coll.get_offsets() if isinstance(coll, PathCollection) else coll.get_paths()
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


#: The marks of a verdict-grid cell with no statement.
GRID_EMPTY = {"omitted": "omitted", "not said": ""}


def verdict_grid_chart(grid: pd.DataFrame, labels: dict):
    """The picture of 04: claims (rows, in the grid's order) by article (columns, labelled by
    ``labels``: article_id -> a reader's name), each cell coloured by its verdict
    (``palette("verdicts")``), with the number of statements written in it ("2" or "1 of 3"
    when not all share the worst verdict), "omitted" written in a cell the article owed and
    left out, and a blank for "not said". ``grid`` is ``verdict_grid``'s table (columns
    ``label``, ``article_id``, ``verdict``, ``statements``, ``worst``). Returns the figure."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Rectangle

    rows = list(dict.fromkeys(grid.label))
    cols = list(dict.fromkeys(grid.article_id))
    colours = palette("verdicts", list(grid.verdict.unique()) + ["omitted", "not said"])
    fig, ax = plt.subplots(figsize=(2.2 + 1.5 * max(len(cols), 1), 1.4 + 0.42 * max(len(rows), 1)))
    for r in grid.itertuples(index=False):
        x, y = cols.index(r.article_id), rows.index(r.label)
        face = colours.get(r.verdict, OTHER_COLOUR)
        ax.add_patch(Rectangle((x, y), 1, 1, facecolor=face, edgecolor="#ffffff", lw=2,
                               hatch="//" if r.verdict == "omitted" else None))
        text = GRID_EMPTY.get(r.verdict) if r.statements == 0 else (
            f"{r.statements}" if r.worst == r.statements else f"{r.worst} of {r.statements}")
        if text:
            ink = "#ffffff" if r.verdict == "omitted" else text_colour(face)
            ax.text(x + 0.5, y + 0.5, text, ha="center", va="center", fontsize=8, color=ink)
    ax.set_xlim(0, len(cols))
    ax.set_ylim(len(rows), 0)
    ax.set_xticks([k + 0.5 for k in range(len(cols))], [chart_text(labels.get(a, a)) for a in cols],
                  rotation=30, ha="right", fontsize=8)
    ax.set_yticks([k + 0.5 for k in range(len(rows))], [chart_text(r) for r in rows], fontsize=8)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    shown = [v for v in PALETTES["verdicts"] if v in set(grid.verdict) and v != "not said"]
    ax.legend(handles=[Patch(facecolor=colours[v], edgecolor="#999999", hatch="//" if v == "omitted" else None,
                             label=v) for v in shown],
              fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig

"""The output helpers: shared palettes, readable labels, publication-size PNGs, tables for
readers and keyword-in-context cut at word boundaries."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from PIL import Image  # noqa: E402

import helpers as h  # noqa: E402


def test_palettes_are_stable_across_pages_and_orders():
    a = h.palette("outlets", ["The Moscow Times", "Global Times", "Global Times", "Unnamed aggregator"])
    b = h.palette("outlets", ["Unnamed aggregator", "The Moscow Times", "Global Times"])
    assert a == b and len(set(a.values())) == 3
    assert h.palette("groups", ["us_official"])["us_official"] == h.palette("groups", ["russian_official", "us_official"])["us_official"]
    assert h.palette("verdicts", ["conflicts", "agrees"]) == {"agrees": "#0072B2", "conflicts": "#D55E00"}
    many = h.palette("outlets", [f"outlet {k:02d}" for k in range(12)] + [h.OTHER])
    assert list(many.values())[8:] == [h.OTHER_COLOUR] * 5


def test_fold_other_keeps_the_top_categories():
    values = pd.Series(list("aaabbbccd e".replace(" ", "")))
    folded = h.fold_other(values, top=2)
    assert sorted(set(folded)) == ["a", "b", h.OTHER] and values.tolist() == list("aaabbbccde")


def test_text_on_cells_is_readable():
    assert h.text_colour("#08306b") == "white" and h.text_colour("#f7fbff") == "black"


def test_articles_are_named_by_label_or_outlet_and_date_never_slug():
    articles = pd.DataFrame({"article_id": ["x-1", "x-2", "y-1", "z-1"], "outlet": ["X", "X", "Y", "Z"],
                             "published": ["2025-08-04", "2025-08-04", "", "2025-08-06"],
                             "label": ["", "", "", "Z's explainer"]})
    assert h.article_labels(articles) == {"x-1": "X, 4 Aug 2025 (1)", "x-2": "X, 4 Aug 2025 (2)",
                                          "y-1": "Y, undated", "z-1": "Z's explainer"}


def test_exported_figures_are_at_least_1600_px_wide(tmp_path):
    for width in (5, 7, 11):
        fig, ax = plt.subplots(figsize=(width, 3))
        ax.plot([0, 1], [0, 1])
        path = h.save_figure(fig, tmp_path, f"w{width}.png")
        plt.close(fig)
        assert Image.open(path).size[0] >= h.PUBLICATION_WIDTH_PX


def test_long_tables_are_sampled_with_their_csv_named():
    table = pd.DataFrame({"n": range(40), "text": [f"<b>{k}</b>" for k in range(40)]})
    shown = h.show_table(table, csv="rows.csv")
    assert len(shown.table) == h.SAMPLE_ROWS and shown.table.n.iloc[0] == 0 and shown.table.n.iloc[-1] == 39
    page = shown._repr_html_()
    assert "&lt;b&gt;" in page and "<b>" not in page                  # escaped
    assert '<code class="csv-link">rows.csv</code>' in page and "12 of 40 rows" in page
    assert "<th>0</th>" not in page                                   # no 0..n-1 index
    assert len(h.show_table(table.head(20)).table) == 20
    try:
        h.show_table(table, csv='x.csv"><script>')
    except ValueError:
        pass
    else:
        raise AssertionError("a CSV name with markup was accepted")


def test_kwic_is_cut_at_word_boundaries():
    kw = pd.DataFrame({"article_id": ["a"], "sentence_id": [1], "left": ["the quick brown fox jumps over the lazy"],
                       "match": ["dog"], "right": [" and then runs far away into the forest"]})
    view = h.kwic_view(kw, width=20).table
    assert view.left[0] == "…over the lazy" or view.left[0].startswith("…") and not view.left[0][1].isspace()
    assert all(w in "the quick brown fox jumps over the lazy".split() for w in view.left[0][1:].split())
    assert view.right[0].endswith("…") and view.right[0][:-1].split()[-1] in "and then runs far away".split()


def test_05_verdict_band_labels_sit_in_their_own_bands():
    """The verdict chart of 05-validation: each band label is drawn inside the band whose
    verdict it names, in that verdict's colour (they were once zipped in the palette's
    alphabetical order, putting "usable" over 0.6-0.8)."""
    import json

    import matplotlib.colors as mcolors
    import matplotlib.pyplot as plt

    import annotations as an
    nb = json.loads((h.REPO_DIR / "notebooks" / "05-validation.ipynb").read_text(encoding="utf-8"))
    source = next("".join(c["source"]) for c in nb["cells"]
                  if c["cell_type"] == "code" and "VERDICT_BANDS" in "".join(c["source"]))
    lines = source.splitlines()
    first = next(k for k, line in enumerate(lines) if "VERDICT_BANDS" in line)
    last = next(k for k, line in enumerate(lines) if line.startswith("ys = "))
    fig, ax = plt.subplots()
    exec("\n".join(lines[first:last]), {"h": h, "an": an, "ax": ax})
    labels = [(t.get_text(), t.get_position()[0]) for t in ax.texts]
    assert [name for name, _ in labels] == [name for name, _, _ in an.VERDICT_BANDS]
    assert [an.verdict(x) for _, x in labels] == [name for name, _ in labels]
    colours = h.palette("verdicts", [name for name, _ in labels])
    for (name, x), span in zip(labels, ax.patches):
        x0, x1 = span.get_x(), span.get_x() + span.get_width()
        assert x0 <= x < x1 and mcolors.to_hex(span.get_facecolor()) == colours[name].lower()
    plt.close(fig)


def test_verdict_grid_chart_colours_each_cell_by_its_verdict_and_writes_its_counts():
    import matplotlib.colors as mcolors
    grid = pd.DataFrame([
        ("a", "What the treaty banned", "x-1", "conflicts", 3, 1),
        ("a", "What the treaty banned", "y-1", "agrees", 2, 2),
        ("b", "Why the US left", "x-1", "omitted", 0, 0),
        ("b", "Why the US left", "y-1", "not said", 0, 0),
    ], columns=["claim_id", "label", "article_id", "verdict", "statements", "worst"])
    fig = h.verdict_grid_chart(grid, {"x-1": "Outlet X, 4 Aug 2025", "y-1": "Outlet Y, undated"})
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == ["1 of 3", "2", "omitted"]
    colours = h.palette("verdicts", ["conflicts", "agrees", "omitted", "not said"])
    faces = [mcolors.to_hex(p.get_facecolor()) for p in ax.patches]
    assert faces == [colours[v].lower() for v in ["conflicts", "agrees", "omitted", "not said"]]
    assert [p.get_hatch() for p in ax.patches] == [None, None, "//", None]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["What the treaty banned", "Why the US left"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Outlet X, 4 Aug 2025", "Outlet Y, undated"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["conflicts", "agrees", "omitted"]
    plt.close(fig)


def test_interactive_tables_makes_lab_tables_datatables_with_nothing_from_the_network(monkeypatch):
    """h.interactive_tables(): a DataFrame (and a show_table table) then renders through itables,
    its data in the output, and neither that output nor the init cell's loads anything from an
    address (no CDN: the library travels in the init output). Everything it changes is undone
    after the test."""
    import re

    import itables.javascript
    import pandas.io.formats.style as pd_style
    from IPython import display as ipy_display

    from inf_coverage.report import tables

    for owner in (pd.DataFrame, pd.Series, pd_style.Styler):
        monkeypatch.setattr(owner, "_repr_html_", getattr(owner, "_repr_html_", None), raising=False)
    monkeypatch.setattr(itables.javascript, "_CONNECTED", itables.javascript._CONNECTED)
    monkeypatch.setattr(tables, "_INTERACTIVE", False)
    shown: list = []
    monkeypatch.setattr(ipy_display, "display", lambda *objs, **kw: shown.extend(objs))
    frame = pd.DataFrame({"outlet": ["Global Times", "The Moscow Times <b>"], "n_quotes": [12, 7]})
    before = frame._repr_html_()
    assert "<table" in before and "ITable" not in before
    h.interactive_tables()
    init = "".join(o.data for o in shown)
    after = frame._repr_html_()
    sampled = h.show_table(frame, csv="quotes.csv")._repr_html_()
    assert "new ITable(" in after and "Global Times" in after and "12" in after
    assert "The Moscow Times <b>" not in after and "&lt;b&gt;" in after          # cells escaped
    assert "new ITable(" in sampled and "Global Times" in sampled and "quotes.csv" in sampled
    assert len(init) > 500_000 and "window._itables_" in init                     # the library, inline
    loads = re.compile(r"""(?:\bsrc\s*=|\bfrom|\bimport\s*\(|\burl\(|@import)\s*["'`]?(?:https?:)?//""", re.I)
    init = re.sub(r'"[A-Za-z0-9+/=]{1000,}"', '"(base64)"', init)     # the bundle and its style sheet, encoded
    for html in (init, after, sampled):
        assert "unpkg" not in html and "cdn" not in html.lower() and not loads.search(html)

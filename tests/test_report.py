"""The report, end to end: every notebook on a corpus of its own, escaped exports,
byte-identical reruns, and a failing notebook named with its cell.

The fixture corpus (tests/fixtures/other_corpus) has other outlets, an article with no
quotations and no named person, one naming only a person the registry does not know,
articles without range claims, and script payloads in one article's text, title,
outlet and URL. The report is built from it twice, with different hash seeds.
"""

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "scripts" / "build_report.py"
OTHER = REPO / "tests" / "fixtures" / "other_corpus"
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
PAYLOADS = [
    '<script>alert("text")</script>',                     # in the article text
    '<img src=x onerror=alert("img")>',
    '</script><script>alert("breakout")</script>',
    'javascript:alert("link")',
    '<script>alert("title")</script><img src=x onerror=alert("title-img")>',   # title
    'javascript:alert("url")',                            # url
    'Test Wire <script>alert("outlet")</script>',         # outlet
]


def build(out: Path, seed: str, corpus: Path = OTHER, notebooks: Path | None = None):
    env = dict(os.environ, CORPUS_DIR=str(corpus), PYTHONHASHSEED=seed)
    env.pop("REPORT_DIR", None)
    cmd = [sys.executable, str(BUILD), "--out", str(out)]
    if notebooks is not None:
        cmd += ["--notebooks", str(notebooks)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The report built twice from the fixture corpus, in parallel, with different hash seeds."""
    base = tmp_path_factory.mktemp("reports")
    runs = [(base / "a", build(base / "a", "1")), (base / "b", build(base / "b", "2"))]
    for _, proc in runs:
        stdout, stderr = proc.communicate(timeout=900)
        assert proc.returncode == 0, stdout + stderr
    return [out for out, _ in runs]


class Page(HTMLParser):
    """Tags with their attributes, and the visible text (outside style and script)."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.chunks, self.hidden = [], [], 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.hidden += tag in ("style", "script")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("style", "script")

    def handle_data(self, data):
        if not self.hidden:
            self.chunks.append(data)

    @property
    def text(self):
        return "".join(self.chunks)


def test_every_notebook_runs_on_another_corpus(reports):
    out = reports[0]
    assert sorted(p.name for p in out.glob("*.html")) == sorted([p.stem + ".html" for p in NOTEBOOKS] + ["index.html"])
    overview = pd.read_csv(out / "corpus_overview.csv", keep_default_na=False)
    assert list(overview.article_id) == ["daily-analyst", "daily-plain", "wire-payload"]
    quotes = pd.read_csv(out / "quotes.csv", keep_default_na=False)
    assert "daily-plain" not in set(quotes.article_id)                  # no quotations
    assert ("wire-payload", "Vladimir Putin", "direct") in set(zip(quotes.article_id, quotes.speaker, quotes.kind))
    mentions = pd.read_csv(out / "figure_mentions.csv", keep_default_na=False)
    assert set(mentions.article_id) == {"wire-payload"}                # the others name no registered figure
    candidates = pd.read_csv(out / "name_candidates.csv", keep_default_na=False)
    assert "Maria Lopez" in set(candidates.candidate)                  # unregistered, still found
    ranges = pd.read_csv(out / "range_claims.csv", keep_default_na=False)
    assert set(ranges[ranges.kind == "distance"].article_id) == {"wire-payload"}
    assert {"article_lengths.png", "timeline.png", "sentiment_distributions.png"} <= {p.name for p in out.glob("*.png")}
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "a corpus other than the seed articles" in index


def test_exports_carry_payloads_as_text_never_as_markup(reports):
    pages = [Page(p.read_text(encoding="utf-8")) for p in sorted(reports[0].glob("*.html"))]
    for page in pages:
        for tag, attrs in page.tags:
            assert tag != "script", "a script element in an exported page"
            assert not any(name.lower().startswith("on") for name in attrs), (tag, attrs)
            for name in ("href", "src", "action", "formaction"):
                assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (tag, attrs)
            if tag == "img":
                assert attrs.get("src", "").startswith("data:image/png;base64,"), attrs   # only our figures
            if tag == "iframe" or tag == "object" or tag == "embed":
                pytest.fail(f"{tag} element in an exported page")
    text = "".join(page.text for page in pages)
    for path in reports[0].glob("*.html"):   # warnings are fixed, not shipped
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in path.read_text(encoding="utf-8"), path.name
    for payload in PAYLOADS:
        assert payload in text, f"payload not visible as text: {payload}"


def test_reruns_give_byte_identical_tables_figures_and_pages(reports):
    a, b = reports
    names = sorted(p.name for p in a.iterdir() if p.suffix in {".csv", ".png", ".html"})
    assert names == sorted(p.name for p in b.iterdir() if p.suffix in {".csv", ".png", ".html"})
    assert len([n for n in names if n.endswith(".csv")]) >= 25
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_failing_notebook_fails_the_build_naming_notebook_and_cell(tmp_path):
    nb = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))
    code = [k for k, c in enumerate(nb["cells"]) if c["cell_type"] == "code"]
    nb["cells"].insert(code[2], {"cell_type": "code", "execution_count": None, "id": "broken",
                                 "metadata": {}, "outputs": [], "source": "1 / 0"})
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / NOTEBOOKS[0].name).write_text(json.dumps(nb), encoding="utf-8")
    proc = build(tmp_path / "out", "0", corpus=REPO / "corpus", notebooks=folder)
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode != 0
    assert f"{NOTEBOOKS[0].name}: code cell 3 failed ('1 / 0')" in stderr
    assert "ZeroDivisionError" in stderr


def test_report_refuses_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    proc = build(tmp_path, "0", corpus=REPO / "corpus", notebooks=tmp_path / "none")
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode != 0 and "not empty and holds no earlier report" in stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


RAW_MARKUP = [r"escape\s*=\s*False", r"render_links\s*=\s*True", r"\bHTML\(", r"\bMarkdown\(",
              r"\.style\b(?![^\n]*escape=\"html\")", r"unsafe_allow_html"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_code_takes_no_raw_markup_path(path):
    """Corpus text reaches the page only through pandas' escaped HTML and text
    streams: none of the everyday paths that emit raw markup is used."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    source = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    for pattern in RAW_MARKUP:
        assert not re.search(pattern, source), pattern

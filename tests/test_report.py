"""The report, end to end: every notebook on a corpus of its own, escaped exports,
byte-identical reruns, and a failing notebook named with its cell.

The fixture corpus (tests/fixtures/other_corpus) has other outlets, an article with no
quotations and no named person, one naming only a person the registry does not know,
articles without range claims, and script payloads in one article's text, title,
outlet and URL. The report is built from it twice, with different hash seeds.
"""

import html
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
    assert sorted(p.name for p in out.glob("*.html")) == sorted([p.stem + ".html" for p in NOTEBOOKS]
                                                               + ["index.html", "summary.html"])
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
    assert {"article_lengths.png", "coverage_timeline.png", "sentiment_distributions.png"} <= {p.name for p in out.glob("*.png")}
    # no article dates an event of the reference: 04's timeline would have no marks, so a
    # sentence stands in its place and no empty chart is exported
    assert not (out / "timeline.png").exists()
    # every finding cites its evidence: sentences, or the articles read for a finding of absence
    found = pd.read_csv(out / "findings.csv", dtype=str, keep_default_na=False)
    assert len(found) > 20 and (found.evidence != "").all(), found[found.evidence == ""][["notebook", "finding_id"]]
    assert "No chart: this corpus has nothing to draw here." in (out / "04-missile-range-facts.html").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "a corpus other than the seed articles" in index


def all_pages(out: Path) -> list:
    """Every HTML page of a report: the notebooks', the index and the article pages."""
    return sorted(out.rglob("*.html"))


def test_exports_carry_payloads_as_text_never_as_markup(reports):
    out = reports[0]
    assert (out / "articles" / "wire-payload.html").is_file()        # the payload article has its page
    pngs = {p.name for p in out.glob("*.png")}
    pages = [Page(p.read_text(encoding="utf-8")) for p in all_pages(out)]
    for page in pages:
        for tag, attrs in page.tags:
            if tag == "script":    # only the report's own files (assets/), never inline, never built from data
                assert attrs.get("src") in ("assets/datatables.js", "assets/tables.js"), attrs
            assert not any(name.lower().startswith("on") for name in attrs), (tag, attrs)
            for name in ("href", "src", "action", "formaction"):
                assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (tag, attrs)
            if tag == "img":   # only our figures: inline, or a chart the report exported (index thumbnails)
                src = attrs.get("src", "")
                assert src.startswith("data:image/png;base64,") or src in pngs, attrs
                assert (attrs.get("alt") or "").strip() and not attrs["alt"].startswith("<Figure"), attrs
            if tag in ("iframe", "object", "embed", "form", "base", "meta") and not (
                    tag == "meta" and set(attrs) <= {"charset", "name", "content"} and attrs.get("name") in (None, "viewport")):
                pytest.fail(f"{tag} element in an exported page: {attrs}")
    text = "".join(page.text for page in pages)
    for path in all_pages(out):   # warnings are fixed, not shipped
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in path.read_text(encoding="utf-8"), path.name
    for payload in PAYLOADS:
        assert payload in text, f"payload not visible as text: {payload}"


def test_reruns_give_byte_identical_tables_figures_and_pages(reports):
    a, b = reports
    names = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.suffix in {".csv", ".png", ".html"})
    assert names == sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.suffix in {".csv", ".png", ".html"})
    assert len([n for n in names if n.endswith(".csv")]) >= 25
    assert len([n for n in names if n.startswith("articles/")]) == 3
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


EVIDENCE_LINK_RE = re.compile(r"articles/([a-z0-9][a-z0-9-]*)\.html(?:#s([0-9]+))?\Z")


def test_links_from_corpus_data_only_to_validated_sentence_anchors(reports):
    """Every link in every page is one of ours: another page of the report, an exported
    file, an anchor, or articles/{article_id}.html#s{sentence_id} for an article of the
    corpus and one of its sentences. An article's url is text, never a link."""
    out = reports[0]
    overview = pd.read_csv(out / "corpus_overview.csv", keep_default_na=False)
    sentences = pd.read_csv(out / "sentence_voice.csv", keep_default_na=False)
    known = {f.name for f in out.iterdir() if f.is_file()}
    for path in all_pages(out):
        prefix = "../" if path.parent.name == "articles" else ""
        for tag, attrs in Page(path.read_text(encoding="utf-8")).tags:
            href = attrs.get("href") if tag == "a" else None
            if href is None or href.startswith("#"):
                continue
            local = href[len(prefix):] if href.startswith(prefix) else href
            if path.parent.name == "articles" and not href.startswith("../"):
                local = "articles/" + href
            m = EVIDENCE_LINK_RE.match(local)
            if m:
                assert m.group(1) in set(overview.article_id), href
                if m.group(2):
                    assert ((sentences.article_id == m.group(1)) & (sentences.sentence_id == int(m.group(2)))).any(), href
                continue
            assert local.split("#")[0] in known, f"{path.name}: unexpected link {href!r}"
    # the payload url (javascript:...) and the real url column are shown as text only
    payload = (out / "articles" / "wire-payload.html").read_text(encoding="utf-8")
    assert html.escape('javascript:alert("url")') in payload
    assert 'href="javascript' not in payload


def test_rows_of_evidence_tables_link_to_their_sentence(reports):
    page = (reports[0] / "01-source-framing.html").read_text(encoding="utf-8")
    assert re.search(r'href="articles/wire-payload\.html#s[0-9]+"', page)
    article = (reports[0] / "articles" / "wire-payload.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="sent" id="s1">', article)
    assert re.search(r'class="tag who"[^>]*>Vladimir Putin<', article)   # the speaker of a quotation


def test_pages_lead_with_their_findings_and_fold_their_code(reports):
    findings = pd.read_csv(reports[0] / "findings.csv", keep_default_na=False)
    for nb in NOTEBOOKS:
        page = (reports[0] / f"{nb.stem}.html").read_text(encoding="utf-8")
        assert "<title>Notebook</title>" not in page
        assert page.index('class="key-findings"') < page.index('<details class="code-fold">')
        assert page.count('<details class="code-fold">') == page.count('class="jp-Cell jp-CodeCell')
        assert 'class="site-nav"' in page and 'class="site-foot"' in page and "fingerprint" in page
        for row in findings[findings.notebook == nb.stem].itertuples():
            assert f'href="#{row.anchor}"' in page and f'id="{row.anchor}"' in page, row.anchor
    index = (reports[0] / "index.html").read_text(encoding="utf-8")
    assert "exported by this notebook" not in index        # every export has its line in the index
    for csv_file in reports[0].glob("*.csv"):
        assert f'href="{csv_file.name}"' in index, csv_file.name


def test_linker_refuses_what_is_not_a_validated_id():
    import report_site as site
    linker = site.Linker({"a-1": {1, 2}})
    assert linker.sentence("a-1", "2") == "articles/a-1.html#s2"
    for aid, sid in [("a-1", "3"), ("a-1", "2 onmouseover=x"), ("A-1", "1"), ('a-1"><b>', "1"),
                     ("../x", "1"), ("javascript:alert(1)", "1"), ("a-2", "1")]:
        assert linker.sentence(aid, sid) is None, (aid, sid)
    table = ('<table border="1" class="dataframe"><thead><tr><th></th><th>article_id</th><th>sentence_id</th>'
             '<th>text</th></tr></thead><tbody><tr><th>0</th><td>a-1</td><td>1</td><td>&lt;script&gt;</td></tr>'
             '<tr><th>1</th><td>&quot;&gt;&lt;x</td><td>1</td><td>y</td></tr></tbody></table>')
    out = site.rework_table(table, linker, set())
    assert '<a href="articles/a-1.html#s1">1</a>' in out
    assert out.count("<a ") == 2                      # the first row's article and sentence, nothing else
    assert "&lt;script&gt;" in out and "<th>0</th>" not in out   # escaped text kept; the 0..n-1 index dropped


def test_tables_for_readers_human_headers_no_nan_one_header_row():
    import report_site as site
    # pandas' rendering of a table with a named index: the index name on a second header row
    table = ('<table border="1" class="dataframe"><thead><tr style="text-align: right;"><th></th><th>ci_low</th>'
             '<th>share_negative</th><th>mean</th><th>n</th></tr><tr><th>outlet</th><th></th><th></th><th></th>'
             '<th></th></tr></thead><tbody><tr><th>Global Times</th><td>NaN</td><td>0.25</td><td>-0.1</td>'
             '<td>4</td></tr></tbody></table>')
    out = site.rework_table(table, site.Linker({}), set())
    assert out.count("<tr") == 2                                  # one header row, one body row
    assert '<th title="ci_low">95% interval: low</th>' in out
    assert '<th title="share_negative">share negative</th>' in out and "<th>outlet</th>" in out
    assert "NaN" not in out and '<td title="no value" class="num">\u2013</td>' in out
    assert '<p class="scroll-hint">5 columns: swipe' in out

def test_the_datatables_bundle_ships_as_a_classic_script(tmp_path):
    """A module cannot load from a file:// page in Chromium: the bundle's one export list becomes
    a global, and a bundle of another shape (an import, two export lists) stops the build."""
    import report_site as site
    assert site.classic_script("var a=1,b=2;export{a as ITable,b as default};\n/*! licence */") == (
        '(function () {\n"use strict";\nvar a=1,b=2;window.INF_DATATABLES = {ITable: a, DataTable: b};'
        '\n/*! licence */\n})();\n')
    for bad in ("import{x}from'https://cdn/x.js';export{x as default}", "export{a as b};export{c as default}",
                "var u=import.meta.url;export{u as default}", "var a=1;export{a as ITable}"):
        with pytest.raises(ValueError):
            site.classic_script(bad)
    names = site.write_assets(tmp_path)
    assert sorted(p.name for p in (tmp_path / "assets").iterdir()) == sorted(names)
    shipped = (tmp_path / "assets" / site.DATATABLES_JS).read_text(encoding="utf-8")
    assert "window.INF_DATATABLES = {" in shipped and "DataTable: " in shipped and "export{" not in shipped


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


# -- Atomic builds, the lock, Ctrl-C and impossible report folders (issue 13) --------
# These run the build's entry function in this process with `execute` replaced, so no
# kernel is started: what is tested is how the report folder is written.

import build_report  # noqa: E402  (scripts/ is on sys.path, see conftest.py)
import nbformat  # noqa: E402
from nbclient.exceptions import CellExecutionError  # noqa: E402


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    """Two small notebooks and a fake `execute` that exports one CSV per notebook to
    $REPORT_DIR, as the real notebooks do. `calls` lists the notebooks run; set
    `fail_on` to a name to make that notebook raise the given exception."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in ["00-first", "01-second"]:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {name}\n\n**Question.** why?")])
        nbformat.write(nb, folder / f"{name}.ipynb")
    state = {"calls": [], "fail_on": None, "error": None, "tag": "new"}

    def fake_execute(path):
        state["calls"].append(path.stem)
        if path.stem == state["fail_on"]:
            raise state["error"]
        Path(os.environ["REPORT_DIR"], f"{path.stem}.csv").write_text(f"run\n{state['tag']}\n", encoding="utf-8")
        return nbformat.read(path, as_version=4)

    monkeypatch.setattr(build_report, "execute", fake_execute)
    monkeypatch.delenv("REPORT_DIR", raising=False)
    monkeypatch.setenv("CORPUS_DIR", str(OTHER))
    state["run"] = lambda out: build_report.main(["--out", str(out), "--notebooks", str(folder)])
    return state


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_moves_the_finished_report_into_place_keeping_the_users_files(tiny, tmp_path):
    out = tmp_path / "report"
    tiny["tag"] = "old"
    assert tiny["run"](out) == 0
    (out / "my-notes.txt").write_text("mine", encoding="utf-8")
    (out / "stale.csv").write_text("from an older notebook", encoding="utf-8")
    tiny["tag"] = "new"
    assert tiny["run"](out) == 0
    assert (out / "00-first.csv").read_text(encoding="utf-8") == "run\nnew\n"
    assert (out / "my-notes.txt").read_text(encoding="utf-8") == "mine"
    assert not (out / "stale.csv").exists()                   # exports are replaced, not merged
    assert {p.name for p in out.glob("*.html")} == {"00-first.html", "01-second.html", "index.html", "summary.html"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".report.lock", "notebooks", "report"]


@pytest.mark.parametrize("error, message", [
    (KeyboardInterrupt(), None),
    (SystemExit("01-second.ipynb: code cell 2 failed ('1 / 0'):\nZeroDivisionError: division by zero"),
     "01-second.ipynb: code cell 2 failed"),
])
def test_failed_or_interrupted_build_leaves_the_previous_report_intact(tiny, tmp_path, capsys, error, message):
    out = tmp_path / "report"
    tiny["tag"] = "old"
    assert tiny["run"](out) == 0
    before = snapshot(out)
    tiny.update(tag="new", fail_on="01-second", error=error)
    if message is None:
        assert tiny["run"](out) == 130
        assert f"interrupted: the report was not built; {out} was left as it was" in capsys.readouterr().err
    else:
        with pytest.raises(SystemExit) as exit_:
            tiny["run"](out)
        assert str(exit_.value.code).startswith(message)
        assert str(exit_.value.code).endswith(f"the report was not built; {out} was left as it was")
    assert snapshot(out) == before                             # the old report, byte for byte
    assert not (tmp_path / ".report.building").exists()


def test_ctrl_c_in_the_kernel_is_an_interruption_not_a_failing_cell(tmp_path, monkeypatch):
    class Client:
        def __init__(self, nb, **kwargs):
            pass

        def execute(self):
            raise CellExecutionError("Traceback ...", "KeyboardInterrupt", "")

    class Kernel:
        def __init__(self, **kwargs):
            self.stopped = False

        def shutdown_kernel(self, now=False):
            self.stopped = True

    monkeypatch.setattr(build_report, "NotebookClient", Client)
    monkeypatch.setattr(build_report, "IPCKernelManager", Kernel)
    path = tmp_path / "00-x.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), path)
    with pytest.raises(KeyboardInterrupt):
        build_report.execute(path)


def test_an_error_after_ctrl_c_is_reported_as_the_interruption(tmp_path, monkeypatch):
    """Ctrl-C reaches the whole process group: nbclient may fail (an AssertionError on a kernel
    that is gone) before this process sees its KeyboardInterrupt. After a SIGINT that error is
    the interruption, not the notebook's fault; without one it names the notebook."""
    class Client:
        def __init__(self, nb, **kwargs):
            pass

        def execute(self):
            raise AssertionError("kernel died")

    class Kernel:
        def __init__(self, **kwargs):
            pass

        def shutdown_kernel(self, now=False):
            pass

    monkeypatch.setattr(build_report, "NotebookClient", Client)
    monkeypatch.setattr(build_report, "IPCKernelManager", Kernel)
    path = tmp_path / "00-x.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), path)
    with pytest.raises(SystemExit, match="00-x.ipynb: execution failed: AssertionError: kernel died"):
        build_report.execute(path)
    with pytest.raises(KeyboardInterrupt):
        build_report._on_sigint(2, None)
    try:
        with pytest.raises(KeyboardInterrupt):
            build_report.execute(path)
    finally:
        build_report._INTERRUPTED.clear()


def test_build_prints_each_notebooks_time_and_the_index_path(tiny, tmp_path, capsys):
    out = tmp_path / "report"
    assert tiny["run"](out) == 0
    printed = capsys.readouterr().out
    assert re.search(r"\[1/2\] 00-first\.ipynb done in [0-9.]+ s", printed)
    assert re.search(r"\[2/2\] 01-second\.ipynb done in [0-9.]+ s", printed)
    assert printed.rstrip().endswith(str(out / "index.html"))


def test_a_large_corpus_gets_pages_only_for_cited_articles(tiny, tmp_path, monkeypatch):
    import report_site as site
    monkeypatch.setattr(site, "MAX_ARTICLE_PAGES", 1)
    out = tmp_path / "report"
    assert tiny["run"](out) == 0
    assert not list((out / "articles").glob("*.html"))       # the fake notebooks cite no article
    assert "pages are written only for the 0 articles that a table of the report cites" in \
        (out / "index.html").read_text(encoding="utf-8")
    monkeypatch.setattr(site, "MAX_ARTICLE_PAGES", 300)
    assert tiny["run"](out) == 0
    assert len(list((out / "articles").glob("*.html"))) == 3


def test_second_run_into_a_folder_being_built_refuses(tiny, tmp_path):
    out = tmp_path / "report"
    with build_report.report_lock(out):
        with pytest.raises(SystemExit) as exit_:
            tiny["run"](out)
    assert str(exit_.value.code) == (f"{out}: another report build is writing this folder (process {os.getpid()}, "
                                     f"lock {tmp_path / '.report.lock'}); wait for it to finish or choose another --out")
    assert tiny["calls"] == [] and not out.exists()
    assert tiny["run"](out) == 0                                # the lock is free again


@pytest.mark.parametrize("where", ["file", "under a file"])
def test_report_dir_that_is_or_is_under_a_file_gets_one_line(tiny, tmp_path, where):
    blocker = tmp_path / "report.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    out = blocker if where == "file" else blocker / "sub" / "report"
    with pytest.raises(SystemExit) as exit_:
        tiny["run"](out)
    culprit = "it" if where == "file" else str(blocker)
    assert str(exit_.value.code) == f"{out}: cannot write the report there: {culprit} is a file, not a folder"
    assert blocker.read_text(encoding="utf-8") == "not a folder"



def test_the_headline_leads_with_errors_of_fact_and_skips_caveated_findings():
    import report_site as site
    pages = [{"stem": s, "short": s, "title": s} for s in ("00-a", "01-b", "02-c", "03-d", "04-e", "05-f")]
    findings = {
        "00-a": [{"text": "30 articles.", "anchor": "a0"}],
        "01-b": [{"text": "X carries officials most.", "anchor": "b1"}, {"text": "B two", "anchor": "b2"}],
        "02-c": [{"text": "X is most negative.", "anchor": "c1"}],
        "03-d": [{"text": "VADER is not reliable on this corpus, yet X names most.", "anchor": "d1"},
                 {"text": "Y names eleven people.", "anchor": "d2"}],
        "04-e": [{"text": f"Error {k}.", "anchor": f"e{k}"} for k in range(1, 6)],
    }
    got = [(p["stem"], r["anchor"]) for p, r in site.headline(pages, findings)]
    assert got == [("04-e", "e1"), ("04-e", "e2"), ("04-e", "e3"), ("01-b", "b1"), ("03-d", "d2")]
    html = site.headline_html(pages, findings)
    assert html.count("<li>") == 5 and 'href="04-e.html#e1"' in html and 'href="03-d.html#d2"' in html
    assert site.headline_html(pages, {"00-a": findings["00-a"]}) == ""      # nothing to lead with: no box


def test_a_findings_evidence_line_links_each_sentence_under_its_articles_label():
    import report_site as site
    linker = site.Linker({"agg-a": {3, 12}, "gt-c": {1}}, {"agg-a": "Unnamed aggregator, undated"})
    cited: set = set()
    line = ('<p class="finding-evidence" data-evidence="agg-a:3 agg-a:12 agg-a:99 gt-c mt-b:4">Evidence: '
            "agg-a sentences 3, 12, 99; gt-c (the whole article); mt-b sentence 4.</p>")
    out = site.rework_html(line, linker, set(), cited)
    assert out == ('<p class="finding-evidence">Evidence: Unnamed aggregator, undated, sentences '
                   '<a href="articles/agg-a.html#s3">3</a>, <a href="articles/agg-a.html#s12">12</a>, 99; '
                   '<a href="articles/gt-c.html">gt-c</a>; mt-b, sentence 4.</p>')   # no page, no link
    assert cited == {"agg-a", "gt-c", "mt-b"}


def test_an_evidence_sentence_links_back_to_the_findings_that_cite_it():
    import report_site as site
    found = {"04-e": [{"order": "2", "anchor": "finding-04-x", "text": "Two misdate it.", "evidence": "a:3 b"}],
             "01-b": [{"order": "1", "anchor": "finding-01-y", "text": "A quotes <b>.", "evidence": "a:3"}]}
    cites = site.citing_findings(found)
    assert [c[2] for c in cites[("a", 3)]] == ["01\u00b71", "04\u00b72"] and [c[2] for c in cites[("b", None)]] == ["04\u00b72"]
    html_ = site._cited_by(cites[("a", 3)])
    assert html_.startswith('<a class="cited" href="../01-b.html#finding-01-y" title="A quotes &lt;b&gt;.">finding 01\u00b71</a>')


# -- evidence pages: badges -------------------------------------------------------------

def _badges_and_text(rendered: str) -> tuple[list, str]:
    """The badges of a rendered sentence (their text) and the sentence as a reader reads it,
    each badge a NUL character, every other tag removed."""
    badges = [html.unescape(b) for b in re.findall(r'<span class="tag[^"]*"[^>]*>(.*?)</span>', rendered)]
    plain = re.sub(r'<span class="tag[^"]*"[^>]*>.*?</span>', "\0", rendered)
    return badges, html.unescape(re.sub(r"<[^>]+>", "", plain))


def _between_letters(plain: str) -> list:
    return [plain[max(k - 12, 0):k + 12] for k, ch in enumerate(plain)
            if ch == "\0" and 0 < k < len(plain) - 1 and plain[k - 1].isalnum() and plain[k + 1].isalnum()]


_NOTE = {"verdict": "conflicts", "label": "What the accord did", "explanation": "It lapsed in 2020.",
         "sources": [("Registry note", "https://example.org/a")]}
_DATE_NOTE = {"verdict": "agrees", "label": "Date: the accord lapses", "explanation": "Consistent.", "sources": []}


def test_a_badge_follows_the_whole_word_and_name_never_inside_them():
    """A check whose span ends inside a person's name ("say Olga| Varenikova") gets its
    badge after the name; one ending inside a word ("defu|nct") after the word."""
    import report_site as site
    text = "Analysts say Olga Varenikova called the accord defunct in 2019."
    base = 100

    def at(sub, cut=None):
        s = text.index(sub)
        return base + s, base + s + (len(sub) if cut is None else cut)

    marks = [(*at("Olga Varenikova"), "m", "Olga Varenikova", None),
             (*at("say Olga"), "c", "conflicts", _NOTE),
             (*at("defunct", 4), "c", "agrees", _DATE_NOTE)]
    notes: list = []
    out = site._render_sentence(text, base, marks, notes)
    assert out == (
        'Analysts <mark class="c">say </mark><mark class="c"><mark class="m">Olga</mark></mark>'
        '<mark class="m"> Varenikova</mark>'
        '<span class="tag v-conflicts" title="It lapsed in 2020. Checked against: Registry note">'
        'conflicts: What the accord did</span> called the accord <mark class="c">defu</mark>nct'
        '<span class="tag v-agrees" title="Consistent.">agrees: Date: the accord lapses</span> in 2019.')
    badges, plain = _badges_and_text(out)
    assert badges == ["conflicts: What the accord did", "agrees: Date: the accord lapses"]
    assert not _between_letters(plain)
    assert plain.replace("\0", "") == text
    assert notes == [_NOTE, _DATE_NOTE]                 # the notes under the paragraph, in badge order


def test_a_badge_never_sits_inside_another_highlight_and_follows_the_closing_quote():
    """A check inside a quotation gets its badge after the quotation (and its closing
    quotation mark), beside the speaker's; an unregistered two-word name is not split."""
    import report_site as site
    text = "He called it \u2018a dead letter since Moscow\u2019s exit,\u2019 Pavel Orlov said."

    def at(sub, cut=None):
        s = text.index(sub)
        return s, s + (len(sub) if cut is None else cut)

    marks = [(*at("a dead letter since Moscow\u2019s exit"), "q", "Pavel Orlov", None),
             (*at("Moscow\u2019s exit", 11), "c", "conflicts", _NOTE),
             (*at("Pavel Orlov", 5), "c", "agrees", _DATE_NOTE)]
    out = site._render_sentence(text, 0, marks)
    assert out == (
        'He called it \u2018<mark class="q">a dead letter since </mark><mark class="q"><mark class="c">'
        'Moscow\u2019s ex</mark></mark><mark class="q">it</mark>,\u2019'
        '<span class="tag who" title="quoted or reported, speaker: Pavel Orlov">Pavel Orlov</span>'
        '<span class="tag v-conflicts" title="It lapsed in 2020. Checked against: Registry note">'
        'conflicts: What the accord did</span> <mark class="c">Pavel</mark> Orlov'
        '<span class="tag v-agrees" title="Consistent.">agrees: Date: the accord lapses</span> said.')
    badges, plain = _badges_and_text(out)
    assert not _between_letters(plain) and plain.replace("\0", "") == text
    # no badge between a <mark> and its </mark>
    depth = 0
    for token in re.findall(r"</?mark[^>]*>|<span class=\"tag", out):
        depth += 1 if token.startswith("<mark") else -1 if token == "</mark>" else 0
        assert token != '<span class="tag' or depth == 0


def test_badges_name_checks_by_the_registries_labels_never_by_their_ids(tmp_path):
    """From exported checks to an article page: a codebook claim shows its ``label``, a date
    its event's label, a distance and an official's wording their group's; an id without a
    label a generic name; the explanation and sources are under the paragraph, the claim id
    an explanation names replaced by its label."""
    import report_site as site
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "claims.csv").write_text("claim_id,label,proposition\naccord_status,What the accord did,x\n"
                                       "no_label_claim,,y\n", encoding="utf-8")
    (corpus / "event_types.csv").write_text("event,label\naccord_lapse,The accord lapses\n", encoding="utf-8")
    out = tmp_path / "report"
    out.mkdir()
    text = "Analysts say Olga Varenikova called the accord defunct in 2019, 400 km away, said Ivo Ras."
    rows = [("accord_status", "say Olga", "conflicts",
             "conflicts: the accord lapsed in 2020 (see claim accord_status)"),
            ("date:accord_lapse", "2019", "agrees", "agrees: dated 2019"),
            ("range:treaty_band", "400 km", "unverified", "unverified: no band"),
            ("no_label_claim", "defunct", "not checked", "not checked: no fact"),
            ("official_quote", "Ivo", "unverified", "unverified: no copy")]
    lines = ["article_id,start,end,claim_id,verdict,source_title,source_url,explanation"]
    for cid, sub, verdict, why in rows:
        s = text.index(sub)
        lines.append(f'a-1,{s},{s + len(sub)},{cid},{verdict},Registry note | Second,https://example.org/a | ,"{why}"')
    (out / "claim_checks.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    labels = site.check_labels(corpus)
    assert labels == {"accord_status": "What the accord did", "date:accord_lapse": "Date: The accord lapses"}
    marks = site.highlights(out, labels)["a-1"]
    page = site.article_page({"article_id": "a-1", "label": "Wire, 1 May", "outlet": "Wire", "published": "",
                              "title": "", "outlet_type": "agency", "url": ""},
                             [{"sentence_id": 1, "paragraph_id": 1, "start": 0, "text": text}], marks, [],
                             {"fingerprint": "f", "commit": "c", "registries": [], "packages": []})
    article = page[page.index("<article"):page.index("</article>")]
    badges = [html.unescape(b) for b in re.findall(r'<span class="tag[^"]*"[^>]*>(.*?)</span>', article)]
    assert badges[:5] == ["conflicts: What the accord did", "not checked: a claim of the codebook",
                          "agrees: Date: The accord lapses", "unverified: Distances",
                          "unverified: Officials' wording"]
    for badge in badges:
        assert not re.search(r"\w_\w|\w:\w", badge), badge               # no id or slug in a badge
        assert not any(cid in badge for cid, *_ in rows), badge
    _, plain = _badges_and_text(article[:article.index('<ul class="check-notes">')])
    assert not _between_letters(plain)
    notes = article[article.index('<ul class="check-notes">'):]
    assert ('<li><a href="#s1">sentence 1</a>: <span class="tag v-conflicts">conflicts: What the accord did</span> '
            'The accord lapsed in 2020 (see claim \u201cWhat the accord did\u201d)') in notes
    assert "accord_status" not in article
    assert "<summary>checked against 2 sources</summary>" in notes
    assert '<li>Registry note <span class="url">https://example.org/a</span></li><li>Second<span class="url"></span></li>' in notes
    assert "<a href=\"https://" not in page                          # a source is text, never a link

"""Execute every notebook in notebooks/ in a fresh kernel and write the HTML report.

    python scripts/build_report.py --out report     # what `make report` runs
    python scripts/build_report.py --in-place       # what `make refresh` runs

The report folder gets one self-contained HTML page per notebook (figures inline; its
findings first, code folded; its longer tables made interactive by the scripts of
``assets/``, copied there from the itables wheel, the tables static without them), an index.html generated from the notebooks'
own titles, findings and main charts, one evidence page per article
(``articles/{article_id}.html``, see ``report_site.py``), and the tables (CSV) and
figures (PNG) the notebooks export: they write to $REPORT_DIR, set here to the report
folder. Each notebook's time is printed as it finishes, and the path of index.html at
the end. A notebook that fails stops the build with
its name and the number of the failing code cell. ``--in-place`` writes the executed
notebooks back instead, so their stored outputs (which nbval compares) match the code;
it writes no HTML.

The report is built in a temporary sibling folder (``.<name>.building``) and moved into
place only when every notebook succeeded, so a failed or interrupted (Ctrl-C) run leaves
the previous report as it was. A lock file beside the folder (``.<name>.lock``, held
with ``flock`` and released by the system even if the run is killed) makes a second run
into the same folder refuse at once, naming the run that holds it.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import html
import os
import platform
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

import nbformat
import report_site as site
from kernels import IPCKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

from findings import SEED_FINGERPRINT, fingerprint  # the repo is on the environment's path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
SEED_CORPUS = REPO / "corpus"
TEMPLATES = Path(__file__).resolve().parent / "report_template"
TIMEOUT = 600  # seconds per cell: a cell that runs longer fails the build
MARKER = ".inf-coverage-report"   # marks a folder this script may clear and rewrite
EXPORTS = ("*.html", "*.csv", "*.png", "claimreview.json", "articles", site.ASSETS)
SLOW_CELL = 10   # seconds: a cell that takes longer is named on the console as it finishes


def notebook_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """The collection's notebooks, in their numbered order."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def execute(path: Path):
    """Run a notebook top to bottom in a fresh kernel; exit naming the failing cell."""
    nb = nbformat.read(path, as_version=4)
    km = IPCKernelManager(kernel_name="python3")   # works with the network off
    client = NotebookClient(nb, km=km, timeout=TIMEOUT,
                            resources={"metadata": {"path": str(path.parent)}})
    progress(client, path.name, nb)
    try:
        client.execute()
    except CellExecutionError as err:
        km.shutdown_kernel(now=True)
        if err.ename == "KeyboardInterrupt":      # Ctrl-C reached the kernel too: not the notebook's fault
            raise KeyboardInterrupt from None
        if err.ename == "NothingToAnalyse":       # helpers.require_articles: the page says why, and ends
            return nothing_to_analyse(nb, err.evalue)
        code_cells = [c for c in nb.cells if c.cell_type == "code"]
        for k, cell in enumerate(code_cells, start=1):
            if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                first_line = cell.source.splitlines()[0] if cell.source else ""
                sys.exit(f"{path.name}: code cell {k} failed ({first_line!r}):\n{err.ename}: {err.evalue}")
        sys.exit(f"{path.name}: execution failed: {err.ename}: {err.evalue}")
    except Exception as err:   # a timeout or a dead kernel: still name the notebook
        km.shutdown_kernel(now=True)
        if _INTERRUPTED.is_set():   # Ctrl-C reached the kernel and nbclient first: an interruption
            raise KeyboardInterrupt from None
        sys.exit(f"{path.name}: execution failed: {type(err).__name__}: {err}")
    except BaseException:      # Ctrl-C while waiting for the kernel: stop it, then stop
        km.shutdown_kernel(now=True)
        raise
    km.shutdown_kernel()
    return nb


def nothing_to_analyse(nb, message: str):
    """The notebook cut after the cell that found nothing to analyse (``helpers.require_articles``),
    its error replaced by ``message`` as a paragraph: a page that says why it is empty."""
    cells = nb.cells
    stop = next(i for i, c in enumerate(cells)
                if c.cell_type == "code" and any(o.get("output_type") == "error" for o in c.get("outputs", [])))
    cell = cells[stop]
    cell.outputs = [o for o in cell.outputs if o.get("output_type") != "error"] + [nbformat.v4.new_output(
        "display_data", data={"text/html": f'<p class="nothing-to-analyse">{html.escape(message)}</p>',
                              "text/plain": message})]
    # and the same sentence first, under the title, where a reader looks for the findings
    nb.cells = cells[:1] + [nbformat.v4.new_markdown_cell(f"**Nothing to analyse.** {html.escape(message)}")] + cells[1:stop + 1]
    return nb


#: Set by the SIGINT handler: Ctrl-C goes to the whole process group, so the kernel (and
#: nbclient's wait on it) may fail before this process sees its KeyboardInterrupt; an error
#: after Ctrl-C is then reported as the interruption it is, not blamed on the notebook.
_INTERRUPTED = threading.Event()


def _on_sigint(signum, frame):
    _INTERRUPTED.set()
    raise KeyboardInterrupt


def first_line_after(nb, prefix: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith(prefix):
                    return line[len(prefix):].strip()
    return ""


def check_out(out: Path) -> None:
    """Exit with one line if the report folder cannot be one: it, or a folder above
    it, is a file; or it is a non-empty folder that no report was written to (so
    nothing of the user's is overwritten)."""
    for p in [out, *out.parents]:
        if (p.exists() or p.is_symlink()) and not p.is_dir():
            where = "it" if p == out else f"{p}"
            sys.exit(f"{out}: cannot write the report there: {where} is a file, not a folder")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        sys.exit(f"{out}: folder is not empty and holds no earlier report; choose another --out")


@contextlib.contextmanager
def report_lock(out: Path):
    """Hold the lock of report folder ``out`` (``.<name>.lock`` beside it) for the
    ``with`` block; exit with a clear message if another run holds it. The lock is an
    ``flock``, so the system releases it when its holder ends, however it ends."""
    lock_path = out.parent / f".{out.name}.lock"
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 100, 0).decode(errors="replace").strip() or "unknown"
            sys.exit(f"{out}: another report build is writing this folder (process {holder}, lock "
                     f"{lock_path}); wait for it to finish or choose another --out")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield lock_path
    finally:
        os.close(fd)      # releases the lock; the file stays, so no second lock file can appear


def staging_dir(out: Path) -> Path:
    """The temporary sibling folder a report is built in, emptied first (whatever is
    there is left by a run that was killed: we hold the lock)."""
    tmp = out.parent / f".{out.name}.building"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    (tmp / MARKER).write_text("written by scripts/build_report.py; its *.html, *.csv and *.png "
                              "are replaced on every run\n", encoding="utf-8")
    return tmp


def move_into_place(tmp: Path, out: Path) -> None:
    """Replace report folder ``out`` by the finished build ``tmp``. Files of the old
    folder that are not exports (the user's own) are carried over."""
    if out.exists():
        for old in out.iterdir():
            if old.name != MARKER and not any(old.match(p) for p in EXPORTS) and not (tmp / old.name).exists():
                os.rename(old, tmp / old.name)
        retired = out.parent / f".{out.name}.old"
        if retired.exists():
            shutil.rmtree(retired)
        os.rename(out, retired)
        os.rename(tmp, out)
        shutil.rmtree(retired)
    else:
        os.rename(tmp, out)


def progress(client, name: str, nb) -> None:
    """Console progress for long notebooks (a big corpus): on a terminal, the code cell
    running; anywhere, a line for each cell slower than ``SLOW_CELL`` seconds. Nothing
    of it reaches the notebook."""
    code = [k for k, c in enumerate(nb.cells) if c.cell_type == "code"]
    started = {}

    def on_start(cell, cell_index):
        started[cell_index] = time.monotonic()
        if sys.stdout.isatty() and cell_index in code:
            print(f"\r  {name}: code cell {code.index(cell_index) + 1} of {len(code)} ", end="", flush=True)

    def on_complete(cell, cell_index):
        took = time.monotonic() - started.get(cell_index, time.monotonic())
        if took > SLOW_CELL and cell_index in code:
            print(f"\r  {name}: code cell {code.index(cell_index) + 1} of {len(code)} took {took:.0f} s",
                  flush=True)

    client.on_cell_start = on_start
    client.on_cell_complete = on_complete


def main_chart(nb) -> tuple | None:
    """(file name, alt text) of the first chart a notebook exported and showed with
    ``helpers.publish_figure``: the thumbnail of its card in the index."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("image/png", {}).get("export")
            if name and "image/png" in output.get("data", {}):
                return name, output["data"].get("text/plain", "chart")
    return None


def build(notebooks: Path, out: Path | None, seed: bool) -> list:
    """Execute the notebooks; with ``out``, collect what each page needs (its exports,
    via $REPORT_DIR, land in ``out``); without, write the executed notebooks back in
    place. Prints each notebook's time."""
    pages = []
    paths = notebook_paths(notebooks)
    for k, path in enumerate(paths, start=1):
        print(f"[{k}/{len(paths)}] executing {path.name}", flush=True)
        before = {p.name for p in out.iterdir()} if out is not None else set()
        started = time.monotonic()
        nb = execute(path)
        took = time.monotonic() - started
        if sys.stdout.isatty():
            print("\r", end="")
        print(f"[{k}/{len(paths)}] {path.name} done in {took:.1f} s", flush=True)
        if out is None:
            nbformat.write(nb, path)
            continue
        exported = sorted(p.name for p in out.iterdir()
                          if p.name not in before and p.suffix in (".csv", ".png") and p.name != "findings.csv")
        title, body, sections = site.split_title(nb)
        title = title or path.stem
        pages.append({"stem": path.stem, "title": title, "short": site.short_title(title),
                      "question": first_line_after(nb, "**Question.**"), "nb": body,
                      "sections": sections, "exports": exported, "chart": main_chart(nb)})
    return pages


def load_articles():
    """The corpus's articles and sentences as plain rows, with a reader's label for each
    article; ([], []) if the corpus cannot be read (a notebook has said why)."""
    import helpers as h
    try:
        articles = h.load_corpus(h.corpus_dir())
        sents = h.sentences(articles)
    except (h.CorpusError, OSError, ValueError):
        return [], []
    labels = h.article_labels(articles)
    rows = [{"article_id": str(r.article_id), "outlet": str(r.outlet), "published": str(r.published or ""),
             "title": str(r.title or ""), "url": str(r.url or ""), "outlet_type": str(r.outlet_type or ""),
             "label": labels[r.article_id]} for r in articles.itertuples(index=False)]
    srows = [{"article_id": str(r.article_id), "sentence_id": int(r.sentence_id), "paragraph_id": int(r.paragraph_id),
              "start": int(r.start), "text": str(r.text)} for r in sents.itertuples(index=False)]
    return rows, srows


def write_claim_reviews(out: Path, linkable) -> int:
    """Write ``claimreview.json``: the claim checks of notebook 04 (the same articles, through
    the same annotation cache) as schema.org ClaimReview objects (``helpers.claim_reviews``),
    each pointing at its sentence's evidence page (the claims page for an article without
    one). An empty array when the corpus cannot be read or no article qualifies (a notebook
    has said why). Returns the number of reviews."""
    import helpers as h
    import pipeline
    reviews: list = []
    try:
        corpus_articles = pipeline.load_corpus(h.corpus_dir())
        articles, _ = h.analysis_set(corpus_articles)
        if len(articles):
            tables = pipeline.annotate(articles, ["sentences", "checks"])
            reviews = h.claim_reviews(tables["checks"], corpus_articles, tables["sentences"], pages=set(linkable))
    except (h.CorpusError, OSError):
        reviews = []
    (out / "claimreview.json").write_text(h.claimreview_json(reviews), encoding="utf-8")
    return len(reviews)


def write_site(out: Path, pages: list, seed: bool) -> None:
    """Every notebook page, the article evidence pages and index.html, once all
    notebooks have run (the navigation names them all, findings.csv is complete)."""
    corpus = Path(os.environ.get("CORPUS_DIR") or SEED_CORPUS)
    try:
        corpus_fp = fingerprint(corpus)
    except OSError:
        corpus_fp = "unknown (the corpus could not be read)"
    prov = site.provenance(corpus, corpus_fp)
    prov["python"] = platform.python_version()
    findings = site.findings_of(out)
    articles, sents = load_articles()
    every = {}
    for s in sents:
        every.setdefault(s["article_id"], set()).add(s["sentence_id"])
    site.write_assets(out)
    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="offline")
    rendered = {}
    cited: set = set()
    for page in pages:
        body, _ = exporter.from_notebook_node(page["nb"], resources={
            "metadata": {"name": f"{page['title']} · {site.REPORT_TITLE}"},
            "report_css": site.CSS, "report_scripts": site.HEAD_SCRIPTS, "report_header": site.page_header(page, pages, findings),
            "report_footer": site.footer(prov)})
        rendered[page["stem"]] = body
        site.rework_html(body, site.Linker(every), set(), cited)     # which articles the tables cite
    only = None
    if len(articles) > site.MAX_ARTICLE_PAGES:
        only = cited
        note = (f"This corpus has {len(articles):,} articles, more than {site.MAX_ARTICLE_PAGES}: pages are "
                f"written only for the {len(cited):,} articles that a table of the report cites.")
    else:
        note = "Every article of the corpus has a page."
    linkable = site.write_article_pages(out, articles, sents, pages, prov, only, corpus) if articles else {}
    linker = site.Linker(linkable, {a["article_id"]: a["label"] for a in articles})
    files = {p.name for p in out.iterdir() if p.is_file()}
    for page in pages:
        body = site.rework_html(rendered[page["stem"]], linker, files, set())
        (out / f"{page['stem']}.html").write_text(body, encoding="utf-8")
    overview = site.read_rows(out / "corpus_overview.csv")
    dated = sorted(a["published"] for a in articles if a["published"])
    outlets = sorted({a["outlet"] for a in articles})
    words = sum(int(r["n_words"]) for r in overview if r.get("n_words", "").isdigit())
    facts = [("articles", f"{len(articles):,}"), ("outlets", f"{len(outlets):,}"),
             ("sentences", f"{len(sents):,}")] + ([("words", f"{words:,}")] if words else [])
    undated = sum(1 for a in articles if not a["published"])
    dates = ((f"{dated[0]} to {dated[-1]}" if dated[0] != dated[-1] else dated[0]) if dated else "none printed") + (
        f"; {undated} undated" if undated else "")
    info = {"facts": facts, "outlets": ", ".join(outlets) or "none", "dates": dates,
            "pages": [(a["article_id"], a["label"]) for a in articles if a["article_id"] in linkable]}
    exports = {p["stem"]: p["exports"] for p in pages}
    write_claim_reviews(out, linkable)
    exports["all"] = (["findings.csv"] if (out / "findings.csv").is_file() else []) + ["claimreview.json"]
    (out / "index.html").write_text(site.index_page(pages, findings, info, exports, prov, seed, note),
                                    encoding="utf-8")
    (out / "summary.html").write_text(site.summary_page(pages, findings, prov), encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="report", help="report folder (default: report)")
    parser.add_argument("--in-place", action="store_true",
                        help="write executed notebooks back to notebooks/ instead of HTML")
    parser.add_argument("--notebooks", default=str(NOTEBOOKS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _on_sigint)
    if os.environ.get("CORPUS_DIR"):
        # the kernels run in notebooks/: a relative path means relative to where we are
        os.environ["CORPUS_DIR"] = str(Path(os.environ["CORPUS_DIR"]).resolve())
    # the seed corpus is known by its fingerprint, never by its path
    try:
        seed = fingerprint(Path(os.environ.get("CORPUS_DIR") or SEED_CORPUS)) == SEED_FINGERPRINT
    except OSError:    # no such corpus: the first notebook says what is wrong with it
        seed = False
    if args.in_place:
        try:
            build(Path(args.notebooks), None, seed)
        except KeyboardInterrupt:
            print("interrupted: notebooks executed before Ctrl-C were written back, the others not",
                  file=sys.stderr)
            return 130
        return 0
    out = Path(args.out).resolve()
    check_out(out)
    with report_lock(out):
        check_out(out)                 # again: another run may have finished meanwhile
        tmp = staging_dir(out)
        os.environ["REPORT_DIR"] = str(tmp)   # the kernels inherit it: exports land beside the HTML
        try:
            pages = build(Path(args.notebooks), tmp, seed)
            print("writing the pages, the article evidence pages and the index", flush=True)
            write_site(tmp, pages, seed)
            move_into_place(tmp, out)
        except KeyboardInterrupt:
            print(f"interrupted: the report was not built; {out} was left as it was", file=sys.stderr)
            return 130
        except SystemExit as err:      # a notebook failed: say so, and that nothing was replaced
            if isinstance(err.code, str):
                raise SystemExit(f"{err.code}\nthe report was not built; {out} was left as it was") from None
            raise
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {len(pages)} notebook pages, the article pages and the index; open\n{out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Execute every notebook in notebooks/ in a fresh kernel and write the HTML report.

    python scripts/build_report.py --out report     # what `make report` runs
    python scripts/build_report.py --in-place       # what `make refresh` runs

The report folder gets one self-contained HTML page per notebook (figures inline, no
script), an index.html generated from the notebooks' own titles and first findings,
and the tables (CSV) and figures (PNG) the notebooks export: they write to
$REPORT_DIR, set here to the report folder. A notebook that fails stops the build with
its name and the number of the failing code cell. ``--in-place`` writes the executed
notebooks back instead, so their stored outputs (which nbval compares) match the code;
it writes no HTML.
"""

from __future__ import annotations

import argparse
import html
import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

from kernels import IPCKernelManager

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
SEED_CORPUS = REPO / "corpus"
TEMPLATES = Path(__file__).resolve().parent / "report_template"
TIMEOUT = 600  # seconds per cell: a cell that runs longer fails the build
MARKER = ".inf-coverage-report"   # marks a folder this script may clear and rewrite
EXPORTS = ("*.html", "*.csv", "*.png")


def notebook_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """The collection's notebooks, in their numbered order."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def execute(path: Path):
    """Run a notebook top to bottom in a fresh kernel; exit naming the failing cell."""
    nb = nbformat.read(path, as_version=4)
    km = IPCKernelManager(kernel_name="python3")   # works with the network off
    client = NotebookClient(nb, km=km, timeout=TIMEOUT,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except CellExecutionError as err:
        km.shutdown_kernel(now=True)
        code_cells = [c for c in nb.cells if c.cell_type == "code"]
        for k, cell in enumerate(code_cells, start=1):
            if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                first_line = cell.source.splitlines()[0] if cell.source else ""
                sys.exit(f"{path.name}: code cell {k} failed ({first_line!r}):\n{err.ename}: {err.evalue}")
        sys.exit(f"{path.name}: execution failed: {err.ename}: {err.evalue}")
    except Exception as err:   # a timeout or a dead kernel: still name the notebook
        km.shutdown_kernel(now=True)
        sys.exit(f"{path.name}: execution failed: {type(err).__name__}: {err}")
    km.shutdown_kernel()
    return nb


def first_line_after(nb, prefix: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith(prefix):
                    return line[len(prefix):].strip()
    return ""


def prepare(out: Path) -> None:
    """Create the report folder, or clear the exports of an earlier report in it.
    Refuses a non-empty folder that no report was written to, so nothing of the
    user's is overwritten."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        sys.exit(f"{out}: folder is not empty and holds no earlier report; choose another --out")
    out.mkdir(parents=True, exist_ok=True)
    for pattern in EXPORTS:
        for old in out.glob(pattern):
            old.unlink()
    (out / MARKER).write_text("written by scripts/build_report.py; its *.html, *.csv and *.png "
                              "are replaced on every run\n", encoding="utf-8")


def write_index(out: Path, entries, seed: bool) -> None:
    """index.html from the notebooks' titles and findings (or questions, for a corpus
    other than the seed corpus, whose findings the notebooks' prose does not describe)."""
    items = "\n".join(
        f'<li><a href="{html.escape(name)}.html">{html.escape(title)}</a>'
        f"<br><small>{html.escape(line)}</small></li>"
        for name, title, line in entries)
    files = "\n".join(f'<li><a href="{html.escape(p.name)}">{html.escape(p.name)}</a></li>'
                      for p in sorted(out.glob("*.csv")) + sorted(out.glob("*.png")))
    corpus = ("the five seed articles" if seed else
              "a corpus other than the seed articles; the lines below are the notebooks' questions, "
              "since their written findings describe the seed articles")
    page = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Coverage of Russia's INF-range moratorium decision</title></head>
<body>
<h1>How outlets covered Russia ending its INF-range missile moratorium (4 August 2025)</h1>
<p>On 4 August 2025 Russia's Foreign Ministry said Russia no longer considers itself bound by
its moratorium on deploying ground-based intermediate- and shorter-range missiles. These
notebooks compare how outlets reported it: whom they quote and how they frame it, how
negative their own words and their sources' words are, whom they name, and which ranges and
dates they get right. Each page states its question, method and limits, and every number
in it can be traced to its article and sentence.</p>
<p>This report was built from {html.escape(corpus)}.</p>
<ol>
{items}
</ol>
<h2>Tables and figures</h2>
<ul>
{files}
</ul>
</body>
</html>
"""
    (out / "index.html").write_text(page, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="report", help="report folder (default: report)")
    parser.add_argument("--in-place", action="store_true",
                        help="write executed notebooks back to notebooks/ instead of HTML")
    parser.add_argument("--notebooks", default=str(NOTEBOOKS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if os.environ.get("CORPUS_DIR"):
        # the kernels run in notebooks/: a relative path means relative to where we are
        os.environ["CORPUS_DIR"] = str(Path(os.environ["CORPUS_DIR"]).resolve())
    seed = Path(os.environ.get("CORPUS_DIR") or SEED_CORPUS).resolve() == SEED_CORPUS.resolve()
    if not args.in_place:
        out = Path(args.out).resolve()
        prepare(out)
        os.environ["REPORT_DIR"] = str(out)   # the kernels inherit it: exports land beside the HTML
    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="offline")
    entries = []
    for path in notebook_paths(Path(args.notebooks)):
        print(f"executing {path.name}", flush=True)
        nb = execute(path)
        if args.in_place:
            nbformat.write(nb, path)
            continue
        body, _ = exporter.from_notebook_node(nb)
        (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
        line = first_line_after(nb, "#### Finding:") if seed else first_line_after(nb, "**Question.**")
        entries.append((path.stem, first_line_after(nb, "# "), line))
    if not args.in_place:
        write_index(out, entries, seed)
        print(f"wrote {len(entries)} notebook pages and index.html to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Execute every notebook in notebooks/ in a fresh kernel and write the HTML report.

    python scripts/build_report.py --out report     # what `make report` runs
    python scripts/build_report.py --in-place       # what `make refresh` runs

The report folder gets one self-contained HTML page per notebook (figures inline),
an index.html generated from the notebooks' own titles and first findings, and the
CSV tables the notebooks export (they write to $REPORT_DIR, set here to the report
folder). A notebook that fails stops the build with its name and cell number.
``--in-place`` writes the executed notebooks back instead, so their stored outputs
(which nbval compares) match the code; it writes no HTML.
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
TEMPLATES = Path(__file__).resolve().parent / "report_template"
TIMEOUT = 600  # seconds per cell


def notebook_paths() -> list[Path]:
    """The collection's notebooks, in their numbered order."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def execute(path: Path):
    """Run a notebook top to bottom in a fresh kernel; exit naming the failing cell."""
    nb = nbformat.read(path, as_version=4)
    km = IPCKernelManager(kernel_name="python3")   # works with the network off
    client = NotebookClient(nb, km=km, timeout=TIMEOUT,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
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
    km.shutdown_kernel()
    return nb


def title_and_finding(nb) -> tuple[str, str]:
    """The notebook's first heading and its first '#### Finding:' line."""
    title = finding = ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if not title and line.startswith("# "):
                title = line[2:].strip()
            if not finding and line.startswith("#### Finding:"):
                finding = line[len("#### Finding:"):].strip()
    return title, finding


def write_index(out: Path, entries) -> None:
    items = "\n".join(
        f'<li><a href="{html.escape(name)}.html">{html.escape(title)}</a>'
        f"<br><small>{html.escape(finding)}</small></li>"
        for name, title, finding in entries)
    page = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Coverage of Russia's INF-range moratorium decision</title></head>
<body>
<h1>How outlets covered Russia ending its INF-range missile moratorium (4 August 2025)</h1>
<p>Each notebook below was executed top to bottom on the corpus by <code>make report</code>.
Each page states its question, method and limits; the CSV files beside the pages hold its tables.</p>
<ol>
{items}
</ol>
</body>
</html>
"""
    (out / "index.html").write_text(page, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="report", help="report folder (default: report)")
    parser.add_argument("--in-place", action="store_true",
                        help="write executed notebooks back to notebooks/ instead of HTML")
    args = parser.parse_args(argv)
    if not args.in_place:
        out = Path(args.out).resolve()
        out.mkdir(parents=True, exist_ok=True)
        os.environ["REPORT_DIR"] = str(out)   # the kernels inherit it: exports land beside the HTML
    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="offline")
    entries = []
    for path in notebook_paths():
        print(f"executing {path.name}", flush=True)
        nb = execute(path)
        if args.in_place:
            nbformat.write(nb, path)
            continue
        body, _ = exporter.from_notebook_node(nb)
        (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
        entries.append((path.stem, *title_and_finding(nb)))
    if not args.in_place:
        write_index(out, entries)
        print(f"wrote {len(entries)} notebook pages and index.html to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

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

The report is built in a temporary sibling folder (``.<name>.building``) and moved into
place only when every notebook succeeded, so a failed or interrupted (Ctrl-C) run leaves
the previous report as it was. A lock file beside the folder (``.<name>.lock``, held
with ``flock`` and released by the system even if the run is killed) makes a second run
into the same folder refuse at once, naming the run that holds it.
"""

from __future__ import annotations

import argparse
import csv
import contextlib
import fcntl
import html
import os
import shutil
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

from findings import SEED_FINGERPRINT, fingerprint   # the repo is on the environment's path
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
        if err.ename == "KeyboardInterrupt":      # Ctrl-C reached the kernel too: not the notebook's fault
            raise KeyboardInterrupt from None
        code_cells = [c for c in nb.cells if c.cell_type == "code"]
        for k, cell in enumerate(code_cells, start=1):
            if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                first_line = cell.source.splitlines()[0] if cell.source else ""
                sys.exit(f"{path.name}: code cell {k} failed ({first_line!r}):\n{err.ename}: {err.evalue}")
        sys.exit(f"{path.name}: execution failed: {err.ename}: {err.evalue}")
    except Exception as err:   # a timeout or a dead kernel: still name the notebook
        km.shutdown_kernel(now=True)
        sys.exit(f"{path.name}: execution failed: {type(err).__name__}: {err}")
    except BaseException:      # Ctrl-C while waiting for the kernel: stop it, then stop
        km.shutdown_kernel(now=True)
        raise
    km.shutdown_kernel()
    return nb


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


def first_finding(out: Path, notebook: str) -> str:
    """The first finding a notebook stated, from the findings.csv it exported."""
    path = out / "findings.csv"
    if not path.is_file():
        return ""
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["notebook"] == notebook:
                return row["text"]
    return ""


def write_index(out: Path, entries, seed: bool) -> None:
    """index.html from the notebooks' titles and first findings (``findings.csv``: the
    seed narrative on the seed corpus, findings computed from the data on any other)."""
    items = "\n".join(
        f'<li><a href="{html.escape(name)}.html">{html.escape(title)}</a>'
        f"<br><small>{html.escape(line)}</small></li>"
        for name, title, line in entries)
    files = "\n".join(f'<li><a href="{html.escape(p.name)}">{html.escape(p.name)}</a></li>'
                      for p in sorted(out.glob("*.csv")) + sorted(out.glob("*.png")))
    corpus = ("the five seed articles" if seed else
              "a corpus other than the seed articles; the findings below were composed by code from "
              "its own tables")
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


def build(notebooks: Path, out: Path | None, seed: bool) -> list:
    """Execute the notebooks; with ``out``, write each page (and, via $REPORT_DIR, the
    exports) into ``out``; without, write the executed notebooks back in place."""
    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="offline")
    entries = []
    for path in notebook_paths(notebooks):
        print(f"executing {path.name}", flush=True)
        nb = execute(path)
        if out is None:
            nbformat.write(nb, path)
            continue
        body, _ = exporter.from_notebook_node(nb)
        (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
        line = first_finding(out, path.stem) or first_line_after(nb, "**Question.**")
        entries.append((path.stem, first_line_after(nb, "# "), line))
    return entries


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
            entries = build(Path(args.notebooks), tmp, seed)
            write_index(tmp, entries, seed)
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
    print(f"wrote {len(entries)} notebook pages and index.html to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

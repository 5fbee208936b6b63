"""Run notebooks/06-explore.ipynb with your own parameters (papermill) and write its page.

    python scripts/explore.py --out explore --terms Oreshnik --outlets "The Moscow Times"
    make explore TERMS=Oreshnik OUTLETS="The Moscow Times"          # the same

Parameters not given keep the notebook's defaults (the cell tagged ``parameters``). Lists
(``--outlets``, ``--terms``) are split on commas. The output folder gets the executed notebook
(``06-explore.ipynb``), its page in the report's style (``06-explore.html``, with an
``index.html``, ``summary.html`` and one evidence page per article, as ``make report`` writes
them), and the notebook's CSV and PNG exports. It is written as ``make report`` writes its
folder (scripts/build_report.py): built beside it and moved into place only when the run
succeeded, under a lock, and a non-empty folder that no run wrote is refused.

A parameter the notebook cannot use (an outlet the corpus does not have, a date that is not
YYYY-MM-DD, a figure or claim not in the registries) stops the run with exit status 2 and
one line naming the parameter and the values it allows; nothing is written.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

import build_report
import nbformat
import papermill
import report_site as site
from kernels import IPCKernelManager

from findings import SEED_FINGERPRINT, fingerprint  # the repo is on the environment's path

NOTEBOOK = build_report.NOTEBOOKS / "06-explore.ipynb"
#: Command-line option -> notebook parameter; True where the value is a comma-separated list.
PARAMETERS = {"outlets": ("OUTLETS", True), "date_from": ("DATE_FROM", False), "date_to": ("DATE_TO", False),
              "terms": ("TERMS", True), "figure": ("FIGURE", False), "claim": ("CLAIM", False)}


def parameters(args) -> dict:
    """The papermill parameters of the options given (lists split on commas, blanks dropped)."""
    out = {}
    for option, (name, is_list) in PARAMETERS.items():
        value = getattr(args, option)
        if value is None:
            continue
        out[name] = [v.strip() for v in value.split(",") if v.strip()] if is_list else value.strip()
    return out


def run(params: dict, folder: Path) -> nbformat.NotebookNode:
    """Execute the notebook with ``params`` into ``folder`` (its exports land there too);
    exit naming the parameter, or the failing cell, if it fails."""
    target = folder / NOTEBOOK.name
    os.environ["REPORT_DIR"] = str(folder)     # the kernel inherits it: exports land beside the page
    try:
        papermill.execute_notebook(str(NOTEBOOK), str(target), parameters=params, cwd=str(NOTEBOOK.parent),
                                   progress_bar=False, kernel_manager_class=IPCKernelManager)
    except papermill.PapermillExecutionError as err:
        # a bad parameter or an empty selection is the reader's to fix: say only what the notebook said
        code, where = {"ParameterError": (2, ""), "NothingToAnalyse": (1, "")}.get(
            err.ename, (1, f"{NOTEBOOK.name}, code cell {err.exec_count}: {err.ename}: "))
        print(f"make explore: {where}{err.evalue}", file=sys.stderr)
        raise SystemExit(code) from None
    return nbformat.read(target, as_version=4)


def page(nb, stem: str) -> dict:
    """What build_report.write_site needs of the executed notebook."""
    title, body, sections = site.split_title(nb)
    return {"stem": stem, "title": title or stem, "short": site.short_title(title or stem),
            "question": build_report.first_line_after(nb, "**Question.**"), "nb": body, "sections": sections,
            "exports": [], "chart": build_report.main_chart(nb)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="explore", help="output folder (default: explore)")
    parser.add_argument("--corpus", help="corpus folder (default: $CORPUS_DIR, else the repo's corpus/)")
    parser.add_argument("--outlets", help="outlet names, comma-separated (default: all)")
    parser.add_argument("--date-from", help="first publication date kept, YYYY-MM-DD")
    parser.add_argument("--date-to", help="last publication date kept, YYYY-MM-DD")
    parser.add_argument("--terms", help="words or phrases to search for, comma-separated")
    parser.add_argument("--figure", help="a person of the figure registry (figures.csv)")
    parser.add_argument("--claim", help="a claim_id of the claims codebook (claims.csv)")
    args = parser.parse_args(argv)
    if args.corpus:
        os.environ["CORPUS_DIR"] = args.corpus
    if os.environ.get("CORPUS_DIR"):
        # the kernel runs in notebooks/: a relative path means relative to where we are
        os.environ["CORPUS_DIR"] = str(Path(os.environ["CORPUS_DIR"]).resolve())
    corpus = Path(os.environ.get("CORPUS_DIR") or build_report.SEED_CORPUS)
    try:
        seed = fingerprint(corpus) == SEED_FINGERPRINT
    except OSError:
        seed = False
    params = parameters(args)
    out = Path(args.out).resolve()
    build_report.check_out(out)
    with build_report.report_lock(out):
        build_report.check_out(out)
        tmp = build_report.staging_dir(out)
        try:
            nb = run(params, tmp)
            exports = sorted(p.name for p in tmp.iterdir() if p.suffix in (".csv", ".png") and p.name != "findings.csv")
            pages = [dict(page(nb, NOTEBOOK.stem), exports=exports)]
            build_report.write_site(tmp, pages, seed)
            build_report.move_into_place(tmp, out)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
    shown = ", ".join(f"{k}={v!r}" for k, v in params.items()) or "the notebook's defaults"
    print(f"explored with {shown}; open\n{out / (NOTEBOOK.stem + '.html')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

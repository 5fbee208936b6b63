"""Write every table of the corpus to one folder as CSV and Parquet, with a Frictionless
``datapackage.json`` describing each column (what `make export` runs).

    python scripts/export_tables.py --out export        # the corpus of $CORPUS_DIR, else corpus/

Tables: ``articles`` (metadata, the cleaned text every offset points into, counts, copy
group; not the raw text), ``copy_groups``, the annotation kinds of ``pipeline.annotate``
(``KINDS`` below) over every English article, copies included (``copy_groups`` says which
article stands for each group; the report counts one per group), and ``claim_omissions``.
Column descriptions: ``inf_coverage/report/datapackage.py`` (``TABLES``). The folder is
written beside its target and renamed into place; a folder that is not an export is refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import helpers as h  # the repo is on the environment's path
import pipeline
from inf_coverage.report.datapackage import TABLES, ExportError, check_target, write_datapackage

#: The annotation kinds exported, each under its own name (tokens, the per-word table, and
#: the name-discovery kinds are left out: tokens are the sentences split again).
KINDS = ["sentences", "mentions", "quotes", "voice", "frames", "blame", "sentiment", "ranges", "events",
         "systems", "checks"]
TITLE = "Coverage of Russia ending its INF-range missile moratorium (4 August 2025): every table"


def tables_of(corpus: Path) -> tuple[dict, list]:
    """{name: table} in ``TABLES`` order for the corpus folder, and the articles.csv columns
    left out because ``TABLES`` does not describe them."""
    articles = pipeline.load_corpus(corpus)
    english = h.english_only(articles)
    annotated = pipeline.annotate(english, KINDS)
    described = TABLES["articles"].columns
    dropped = [c for c in articles.columns if c not in described and c != "raw_text"]
    out = {
        "articles": articles[[c for c in articles.columns if c in described]],
        "copy_groups": h.copy_groups(articles),
        **annotated,
        "claim_omissions": h.claim_omissions(annotated["checks"], english),
    }
    return {name: out[name].reset_index(drop=True) for name in TABLES if name in out}, dropped


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="export", help="the folder to write (default: export)")
    parser.add_argument("--corpus", default=None, help="the corpus folder (default: $CORPUS_DIR, else corpus/)")
    args = parser.parse_args(argv)
    corpus = h.corpus_dir(args.corpus)
    out = Path(args.out or "export")
    try:
        check_target(out)          # before the work: a refused folder is named at once
        tables, dropped = tables_of(corpus)
        n = len(tables["articles"])
        description = (
            f"Every table computed on a corpus of {n} article(s) from "
            f"{tables['articles']['outlet'].nunique()} outlet(s) on Russia ending its moratorium on "
            "deploying intermediate- and shorter-range missiles: each table as CSV (spreadsheet-safe: a "
            "text cell that would run as a formula starts with an apostrophe) and as Parquet (exact values). "
            "Offsets (start, end) point into the articles table's cleaned text. Annotation tables cover "
            "the English articles, copies of one story included (see copy_groups.representative). "
            "Article texts and quoted passages belong to their outlets.")
        sources = [{"title": f"Corpus folder {corpus.name}/: articles.csv and articles/ "
                             f"(fingerprint sha256 {h.fingerprint(corpus)})"},
                   {"title": "Reference facts, claims codebook and registries: the corpus folder's CSV files, "
                             "else the repository's corpus/ ones"}]
        write_datapackage(tables, out, TITLE, description, sources,
                          extra={"corpus_fingerprint": h.fingerprint(corpus)})
    except (ExportError, h.CorpusError) as e:
        print(f"make export: {e}", file=sys.stderr)
        return 1
    if dropped:
        print(f"articles.csv columns not exported (no description in TABLES): {', '.join(dropped)}",
              file=sys.stderr)
    for name, table in tables.items():
        print(f"{name}: {len(table)} rows")
    print(f"wrote {out}/ ({2 * len(tables)} files and datapackage.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

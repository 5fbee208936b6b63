"""Anchor a coder's CSVs to character offsets and write them into a corpus's annotations/.

    .venv/bin/python scripts/anchor_annotations.py CODER_DIR [--corpus corpus]
        [--out corpus/annotations] [--coder NAME]

CODER_DIR holds one CSV per kind (voice.csv, quotes.csv, ...; see annotations.ANNOTATION_KINDS)
whose rows name ``article_id``, the sentence (``sentence_id`` as numbered by
helpers.sentences, or ``sentence``: its text, the fixture format), the annotated ``text``
and, where a span occurs twice in the sentence, ``occurrence``. furniture.csv rows are lines
of the raw text (``article_id, text``). Each kind is written to OUT/<kind>.csv with
``article_id, start, end, text`` plus its labels, sorted by article_id, start, end, and then
read back through annotations.load_annotations first: nothing is written unless it loads.

Rows that could not be placed are listed on stderr (file, row, problem) and not written;
the exit status is 1 if there were any. Re-running on OUT itself (CODER_DIR = OUT) after a
deliberate change of the cleaning re-anchors every row by its text, nearest to where it was.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import annotations as an
import helpers as h


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("coder_dir")
    parser.add_argument("--corpus", default=None, help="corpus folder (default: $CORPUS_DIR or corpus/)")
    parser.add_argument("--out", default=None, help="output folder (default: <corpus>/annotations)")
    parser.add_argument("--coder", default=None, help="fill a coder column with this name")
    args = parser.parse_args(argv)
    corpus = h.corpus_dir(args.corpus)
    out = Path(args.out) if args.out else an.annotations_dir(corpus)
    articles = h.load_corpus(corpus)
    tables, lost = an.anchor_folder(args.coder_dir, articles, coder=args.coder)
    with tempfile.TemporaryDirectory() as tmp:   # nothing reaches OUT unless it loads
        paths = an.write_annotations(tables, tmp)
        loaded = an.load_annotations(corpus, articles, folder=tmp)
        out.mkdir(parents=True, exist_ok=True)
        for path in paths:
            shutil.copyfile(path, out / path.name)
            print(f"{out / path.name}: {len(loaded[path.stem])} rows")
    for r in lost.itertuples(index=False):
        print(f"NOT ANCHORED {Path(args.coder_dir) / (r.kind + '.csv')}, row {r.row}: {r.problem} "
              f"(article {r.article_id!r}, text {r.text!r})", file=sys.stderr)
    return 1 if len(lost) else 0


if __name__ == "__main__":
    sys.exit(main())

"""Add saved web pages and plain-text files to a corpus (``make add SRC=PATH``).

    python scripts/add_articles.py [--corpus DIR] [--outlet NAME] [--published YYYY-MM-DD]
        [--title T] [--url U] [--language xx] [--author A] [--outlet-country C]
        [--outlet-type T] [--force] PATH [PATH ...]
    python scripts/add_articles.py --recover [--corpus DIR]

PATH is a file or a folder (its .html/.htm/.xhtml/.shtml/.txt/.text files; sub-folders and
hidden files are not read). The corpus is --corpus, else $CORPUS_DIR, else the repo's
corpus/ (the seed corpus, which is refused unless --force). A batch is added whole or not at
all: if any file is refused, nothing is written and every refused file is listed (exit 1).
See corpus_add.add_articles and docs/adding-articles.md.
"""

from __future__ import annotations

import argparse
import sys

import corpus_add
import helpers as h


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="files or folders to add")
    parser.add_argument("--corpus", help="corpus folder (default: $CORPUS_DIR, else corpus/)")
    for key in corpus_add.METADATA_KEYS:
        parser.add_argument("--" + key.replace("_", "-"), dest=key, default=None,
                            help=f"{key} of every added article (overrides the page)")
    parser.add_argument("--force", action="store_true", help="allow adding to the seed corpus")
    parser.add_argument("--recover", action="store_true", help="only roll back an interrupted add")
    args = parser.parse_args(argv)
    folder = h.corpus_dir(args.corpus)
    if args.recover:
        removed = corpus_add.recover(folder)
        print(f"{folder}: " + (f"rolled back an interrupted add, removing {len(removed)} file(s)"
                               if removed else "no interrupted add to roll back"))
        return 0
    if not args.paths:
        parser.error("give at least one file or folder (make add SRC=PATH)")
    metadata = {k: getattr(args, k) for k in corpus_add.METADATA_KEYS if getattr(args, k)}
    try:
        added = corpus_add.add_articles(args.paths, folder, force=args.force, **metadata)
    except h.CorpusError as err:
        print(f"make add: {err}", file=sys.stderr)
        return 1
    for path, why in added.attrs.get("skipped", []):
        print(f"not read: {path} ({why})")
    print(f"added {len(added)} article(s) to {folder}:")
    for r in added.itertuples(index=False):
        copy = f"; near-duplicate of {r.near_duplicate_of} (Jaccard {r.jaccard:.2f})" if r.near_duplicate_of else ""
        print(f"  {r.article_id}  <- {r.source}  [{r.outlet} | {r.published or 'no date'} | "
              f"{r.language or 'language unknown'}{copy}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())

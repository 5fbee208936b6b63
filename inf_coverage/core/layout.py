"""Where things are and what they are called: the repo, corpus and report folders, the
articles table's required columns and ids, ``CorpusError``, registry file resolution, the
corpus fingerprint. The bottom layer: imports nothing of the project."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

# sha256 of the seed corpus: articles.csv and every file in articles/, by name (see fingerprint).
SEED_FINGERPRINT = "121277c6055eb5721689a621020d22e2160327276f556241025d40bb87b6e778"


def fingerprint(folder) -> str:
    """SHA-256 over a corpus folder's ``articles.csv`` and every file in ``articles/``
    (names and bytes, in name order). Equal fingerprints mean the same metadata and texts;
    registries and annotations are not part of it, so the seed texts with an edited registry
    are still the seed corpus, and their seed findings are checked against the edited data."""
    folder = Path(folder)
    digest = hashlib.sha256()
    files = [folder / "articles.csv"] + sorted((folder / "articles").iterdir(), key=lambda p: p.name)
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<not a file>")
        digest.update(b"\0")
    return digest.hexdigest()


# ---------------------------------------------------------------------------
# 0. Paths and exports
# ---------------------------------------------------------------------------

REPO_DIR = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS_DIR = REPO_DIR / "corpus"
DEFAULT_REPORT_DIR = REPO_DIR / "report"


def output_dir(path=None) -> Path:
    """Folder the notebooks export tables and figures to: ``path`` if given, else
    ``$REPORT_DIR``, else the repo's ``report/``. Created if missing."""
    folder = Path(path or os.environ.get("REPORT_DIR") or DEFAULT_REPORT_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def corpus_fingerprint(path=None) -> str:
    """The corpus folder's fingerprint (``findings.fingerprint``): how a notebook knows it
    is on the seed corpus, whatever the folder is called."""
    return fingerprint(corpus_dir(path))


# ---------------------------------------------------------------------------
# 1. Corpus
# ---------------------------------------------------------------------------

#: Columns ``corpus/articles.csv`` must have, in the order docs/corpus-format.md documents.
REQUIRED_COLUMNS = [
    "article_id", "file", "outlet", "title", "published", "url",
    "outlet_country", "outlet_type", "language", "notes",
]
#: Columns that may not be left empty.
NON_EMPTY_COLUMNS = ["article_id", "file", "outlet"]
ARTICLE_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


#: Longest article id: ids become file names (the report's ``articles/<id>.html``), and a
#: file system allows 255 bytes.
MAX_ARTICLE_ID_LENGTH = 100


#: Columns of ``articles.csv`` shown to readers, in which a direction control would reorder text.
METADATA_TEXT_COLUMNS = ["outlet", "title", "author", "site_name", "label", "url"]


#: Unicode direction embeddings, overrides and isolates (the marks U+200E/U+200F, which a
#: right-to-left name may need, are allowed).
_BIDI_CONTROL_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


class CorpusError(ValueError):
    """A corpus folder that cannot be loaded as it is; the message names the file
    (and the row of ``articles.csv``, counted as a spreadsheet counts it, header = 1)."""


def corpus_dir(path=None) -> Path:
    """The corpus folder: ``path`` if given, else ``$CORPUS_DIR``, else the repo's ``corpus/``."""
    if path is None:
        path = os.environ.get("CORPUS_DIR") or DEFAULT_CORPUS_DIR
    return Path(path)


# -- Registries -------------------------------------------------------------
# The analyses read small CSV files beside the articles: figures.csv, frames.csv and
# the others. A corpus folder may carry its own; where it has none, the repo's is used.

#: The registries, by the name of their loader (``load_figures``...): the one list of them
#: (the pipeline loads them by these names; the report's index lists them in this order).
REGISTRY_FILES = {
    "figures": "figures.csv", "institutions": "institutions.csv", "frames": "frames.csv",
    "event_types": "event_types.csv", "systems": "systems.csv", "reference": "reference_facts.csv",
    "claims": "claims.csv", "reference_quotes": "reference_quotes.csv",
}


def _registry_path(name: str, path) -> Path:
    """``path``, else ``name`` in the corpus folder if it has one, else the repo's."""
    if path is not None:
        return Path(path)
    local = corpus_dir() / name
    return local if local.is_file() else DEFAULT_CORPUS_DIR / name


def split_list(value: str, sep: str = "|") -> list:
    """A ``|``-separated cell as a list of its non-empty, stripped items."""
    return [v.strip() for v in value.split(sep) if v.strip()]


#: First characters that make a spreadsheet (Excel, LibreOffice) read a cell as a formula
#: or a command: "=", "+", "-", "@", a tab and a carriage return.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER_RE = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\Z")


def spreadsheet_safe(value):
    """A cell as ``export_csv`` writes it: a text cell that begins with one of
    ``FORMULA_LEADS`` gets a leading apostrophe (``'=1+1``), which spreadsheets show
    and never evaluate; any other value, numbers and number-like text ("-5") included,
    is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_LEADS) and not _PLAIN_NUMBER_RE.match(value):
        return "'" + value
    return value

"""Annotation at scale (issue 16): a per-article cache, every core, and Dask.

``annotate(articles, kinds)`` returns ``{kind: DataFrame}``, each table identical (same
columns, dtypes, row order, values) to calling the helpers on the whole corpus, but
computed per article, in batches of articles, across processes or on a Dask cluster, and
cached as Parquet so that a rerun recomputes only what changed. ``load_corpus`` is
``helpers.load_corpus`` with its per-article cleaning cached the same way.

Kinds (``KINDS``) and the helpers call behind each::

    sentences    h.sentences(articles)
    tokens       h.tokens(sents)
    mentions     h.figure_mentions(sents, figures)
    unresolved   h.figure_mentions(sents, figures, unresolved=True)   (surnames with no full name before)
    quotes       h.quotes(articles, figures, institutions, mention_rows=mentions)   (= h.speech(...)[0])
    voice        h.sentence_voice(sents, quotes, institutions)  (= h.speech(...)[1])
    discover     h.discover_names(sents, figures, quote_rows=quotes)
    frames       h.frame_hits(sents, frames)
    blame        h.blame_statements(sents, voice)
    sentiment    h.sentiment(sents, voice)   (scores cached without voice; voice joined after)
    ranges       h.range_claims(sents, systems)
    events       h.event_claims(sents, articles, event_types, reference)
    systems      h.system_mentions(sents, systems)
    checks       h.claim_checks(sents, articles, claims, reference, reference_quotes, quote_rows=quotes,
                                event_rows=events, range_rows=ranges)
    term_counts  h.keyness_counts(h.keyness_terms(h.tokens(sents), figures)), cached per article,
                 returned summed per outlet and term (``outlet``, ``term``, ``count``): what
                 ``keyness`` needs, without a table per token or per article

Corpus-level steps are not cached per article; they run over the cached per-article
tables: ``keyness`` (from ``term_counts``), and anything a notebook aggregates.

The cache
---------
Folder: ``cache_dir``, else ``$INF_CACHE_DIR``, else ``.cache/annotations/`` in the repo
(never inside the corpus folder). Layout: ``<kind>/<version>/part-<id>.parquet``.

* ``version`` (per kind) hashes: the cache format (``CACHE_FORMAT``); every installed
  distribution and its version, and Python's (a new pandas, NLTK or VADER invalidates
  everything); the *source closure* of the kind in the ``inf_coverage`` package (below); the source of
  the pipeline function computing it; and the bytes of every registry the closure names
  (``frames.csv``...), resolved as the helpers resolve them (the corpus folder's own
  file, else the repo's). A kind's closure includes that of the kinds it is computed
  from (``voice`` includes ``quotes``), so it is invalidated with them.
* Within a version folder, each article is keyed by a hash of its whole row of
  ``articles`` (metadata, raw and cleaned text, so dates resolve against the same
  ``published``). Each part file holds the rows of a batch of articles, a ``__key__``
  column and, in its metadata, the keys of every article it covers (articles with no
  rows included).
* Source closure rule: start from the helpers the kind calls; add each top-level
  statement of any module of the ``inf_coverage`` package (``helpers.py`` is a facade that
  defines nothing) that defines or touches a name used (functions with their decorators,
  classes, constants such as compiled patterns, module-level code that mutates them, an
  import from another module of the package, which leads to that module's definition);
  repeat with the names those statements use. The package's names are taken as one
  namespace, so a name defined in two modules pulls in both (more invalidation, never
  less). Editing one extraction function therefore invalidates exactly the kinds that can
  call it, whichever module it is in (``tests/test_pipeline.py`` checks that frames'
  closure holds no sentiment code and the reverse, and that an edit to a function of the
  framing module invalidates frames alone). Not seen: names reached through
  ``getattr``/``globals()`` strings (the package uses none for its own functions).
* Writes are atomic: a part is written to ``.tmp-*.parquet`` in the same folder and
  renamed; readers only list ``part-*.parquet``, so an interrupted run leaves at most
  ignored temporary files (a part that cannot be read is ignored and recomputed).

Parallelism: ``workers`` (default: every core) processes through
``concurrent.futures``; a run with under ``PARALLEL_MIN_WORDS`` words to compute stays in
one process. ``$INF_SCHEDULER`` = ``local`` (a ``LocalCluster``, one single-threaded worker
process per core) or a scheduler address (``tcp://host:8786``) runs the same batches on
``dask.distributed``; its workers must run this repo at the same commit in the same
environment (each batch reports a digest of the code it ran, checked here). A progress bar
(tqdm, on stderr) shows when more than ``PROGRESS_MIN_WORDS`` words are computed.

Memory: a batch's articles are copied only when it is sent (at most two batches per
worker in flight), without their raw text (no per-article function reads it; the key
covers it); results come back as Arrow tables, which the pandas tables wrap without
copying their strings; term counts are summed per outlet part by part; and the heap memory
glibc keeps after loading and computing is given back (``_release_memory``).
"""

from __future__ import annotations

import ast
import concurrent.futures as cf
import ctypes
import functools
import gc
import hashlib
import importlib.metadata
import inspect
import json
import multiprocessing
import os
import re
import symtable
import sys
import tempfile
import threading
import time
import uuid
import warnings
from pathlib import Path
from typing import Callable, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import corpus_add
import helpers as h
import inf_coverage

_PACKAGE_DIR = Path(inf_coverage.__file__).resolve().parent

CACHE_FORMAT = 2      # 2: string columns stored as large_string
SCHEDULER_ENV = "INF_SCHEDULER"
#: Seconds to wait for a Dask scheduler to answer before giving up with SchedulerError.
SCHEDULER_TIMEOUT = 20
_SCHEDULER_RE = re.compile(r"(?:(?:tcp|tls|ucx|ws|wss)://)?\[?[A-Za-z0-9.\-:]+\]?:\d{1,5}\Z")


class SchedulerError(ValueError):
    """``$INF_SCHEDULER`` names no scheduler that can be used; the message says what to do."""


class CacheError(ValueError):
    """The annotation cache folder cannot be used; the message names it and what to do."""


def check_scheduler(value: str) -> str:
    """``$INF_SCHEDULER`` as given, checked: empty (this machine's cores), ``local`` (a Dask
    LocalCluster) or a scheduler address ``[protocol://]host:port``; anything else raises
    ``SchedulerError`` naming the value."""
    value = value.strip()
    if value in ("", "local") or _SCHEDULER_RE.match(value):
        return value
    raise SchedulerError(f"{SCHEDULER_ENV}={value!r}: not 'local' nor a scheduler address such as "
                         f"tcp://127.0.0.1:8786; unset it to use this machine's cores")
CACHE_ENV = "INF_CACHE_DIR"
DEFAULT_CACHE_DIR = h.REPO_DIR / ".cache" / "annotations"
CACHE_MARKER = ".inf-annotation-cache"
#: Rows of per-article term counts summed per outlet in one call when a cache is read.
REDUCE_ROWS = 2_000_000
#: Words of text per batch (one task, one part file per kind).
BATCH_WORDS = 150_000
#: Below this many words to compute, everything runs in this process.
PARALLEL_MIN_WORDS = 300_000
#: A progress bar is shown when at least this many words are computed (a few seconds).
PROGRESS_MIN_WORDS = 300_000
KEY_COLUMN = "__key__"

#: What the last ``annotate`` or ``load_corpus`` call did: per kind, articles taken from
#: the cache and computed; the backend; seconds.
last_run: dict = {}


# ---------------------------------------------------------------------------
# Registries the per-article functions read
# ---------------------------------------------------------------------------

class _Registries:
    """The registry tables, loaded once per batch run by the helpers' own loaders."""

    def __init__(self):
        self._got = {}

    def __call__(self, name):
        if name not in self._got:
            if name == "event_types":
                self._got[name] = h.load_event_types(reference=self("reference"))
            elif name == "claims":
                self._got[name] = h.load_claims(reference=self("reference"))
            else:
                self._got[name] = {
                    "figures": h.load_figures, "institutions": h.load_institutions,
                    "frames": h.load_frames, "systems": h.load_systems,
                    "reference": h.load_reference, "reference_quotes": h.load_reference_quotes,
                }[name]()
        return self._got[name]


# ---------------------------------------------------------------------------
# Kinds: one function each, over a batch of articles (rows of load_corpus)
# ---------------------------------------------------------------------------

def _sentences(c):
    return h.sentences(c.articles)


def _tokens(c):
    return h.tokens(c["sentences"])


def _mentions(c):
    return h.figure_mentions(c["sentences"], c.reg("figures"))


def _unresolved(c):
    return h.figure_mentions(c["sentences"], c.reg("figures"), unresolved=True)


def _quotes(c):
    return h.quotes(c.articles, c.reg("figures"), c.reg("institutions"), mention_rows=c["mentions"])


def _voice(c):
    return h.sentence_voice(c["sentences"], c["quotes"], c.reg("institutions"))


def _discover(c):
    return h.discover_names(c["sentences"], c.reg("figures"), quote_rows=c["quotes"])


def _frames(c):
    return h.frame_hits(c["sentences"], c.reg("frames"))


def _blame(c):
    return h.blame_statements(c["sentences"], c["voice"])


def _sentiment(c):
    return h.sentiment(c["sentences"])          # voice joined in _join_voice, not cached


def _ranges(c):
    return h.range_claims(c["sentences"], c.reg("systems"))


def _events(c):
    return h.event_claims(c["sentences"], c.articles, c.reg("event_types"), c.reg("reference"))


def _systems(c):
    return h.system_mentions(c["sentences"], c.reg("systems"))


def _checks(c):
    return h.claim_checks(c["sentences"], c.articles, c.reg("claims"), c.reg("reference"),
                          c.reg("reference_quotes"), quote_rows=c["quotes"], event_rows=c["events"],
                          range_rows=c["ranges"])


def _term_counts(c):
    return h.keyness_counts(h.keyness_terms(c["tokens"], c.reg("figures")))


def _outlet_term_counts(table, tables):
    """Per-article counts summed per outlet and term (all ``keyness`` needs)."""
    summed = table.groupby(["outlet", "term"], sort=True)["count"].sum()
    return summed.reset_index()


def _sum_by_outlet(table: pa.Table) -> pa.Table:
    """Arrow: a part's per-article term counts summed per outlet and term, so that the
    corpus-wide table is never per article."""
    return table.group_by(["outlet", "term"], use_threads=True).aggregate([("count", "sum")]).rename_columns(
        ["outlet", "term", "count"])


def _join_voice(table, tables):
    """``h.sentiment(sents, voice)``'s voice column, from the voice table."""
    voice = tables["voice"]
    if (len(voice) == len(table) and voice.article_id.equals(table.article_id)
            and voice.sentence_id.equals(table.sentence_id)):
        # one row per sentence in both, in the same order (the usual case): no lookup
        table["voice"] = voice.voice.to_numpy(dtype=object).tolist()
        return table
    lookup = dict(zip(zip(voice.article_id, voice.sentence_id), voice.voice))
    table["voice"] = [lookup[k] for k in zip(table.article_id, table.sentence_id)]
    return table


def _sorted(table, by):
    """``table.sort_values(by, kind="stable").reset_index(drop=True)``, without the copy when
    the rows are already in that order (the usual case: articles sorted by id, and each
    article's rows sorted by the helpers)."""
    if not len(table):
        return table.reset_index(drop=True)
    codes = [pd.factorize(table[c], sort=True)[0] for c in reversed(by)]
    order = np.lexsort(codes)
    if all((c >= 0).all() for c in codes) and np.array_equal(order, np.arange(len(table))):
        return table.reset_index(drop=True)
    return table.sort_values(by, kind="stable").reset_index(drop=True)


def _by_article_start(table, tables):
    return _sorted(table, ["article_id", "start"])


def _by_article_start_claim(table, tables):
    return _sorted(table, ["article_id", "start", "claim_id"])


class Kind(NamedTuple):
    compute: Callable
    needs: tuple = ()          # kinds it is computed from
    roots: tuple = ()          # the helpers it calls (its source closure starts here)
    finish: Callable | None = None   # corpus-level: the helpers' final sort, a join
    joins: tuple = ()          # kinds ``finish`` reads
    reduce: Callable | None = None   # Arrow, per part, before the corpus-level table is built


KINDS = {
    "sentences": Kind(_sentences, (), ("sentences",)),
    "tokens": Kind(_tokens, ("sentences",), ("tokens",)),
    "mentions": Kind(_mentions, ("sentences",), ("figure_mentions", "load_figures")),
    "unresolved": Kind(_unresolved, ("sentences",), ("figure_mentions", "load_figures")),
    "quotes": Kind(_quotes, ("sentences", "mentions"), ("quotes", "speech", "load_figures", "load_institutions"), _by_article_start),  # noqa: E501
    "voice": Kind(_voice, ("sentences", "quotes"), ("sentence_voice", "speech", "load_institutions")),
    "discover": Kind(_discover, ("sentences", "quotes"), ("discover_names", "load_figures"), _by_article_start),
    "frames": Kind(_frames, ("sentences",), ("frame_hits", "load_frames")),
    "blame": Kind(_blame, ("sentences", "voice"), ("blame_statements",)),
    "sentiment": Kind(_sentiment, ("sentences",), ("sentiment", "vader"), _join_voice, ("voice",)),
    "ranges": Kind(_ranges, ("sentences",), ("range_claims", "load_systems")),
    "events": Kind(_events, ("sentences",), ("event_claims", "load_event_types", "load_reference")),
    "systems": Kind(_systems, ("sentences",), ("system_mentions", "load_systems")),
    "checks": Kind(_checks, ("sentences", "quotes", "events", "ranges"),
                   ("claim_checks", "load_claims", "load_reference", "load_reference_quotes"),
                   _by_article_start_claim),
    "term_counts": Kind(_term_counts, ("tokens",), ("keyness_terms", "keyness_counts", "load_figures"),
                        _outlet_term_counts, (), _sum_by_outlet),
}
#: Cleaning, cached by ``load_corpus`` per raw text.
CLEAN_ROOTS = ("clean_article",)


def _needed(kinds) -> list:
    """``kinds`` with everything they are computed from or joined with, in an order that
    computes each after what it needs."""
    order = []

    def visit(k):
        if k not in KINDS:
            raise ValueError(f"unknown kind {k!r}; known: {', '.join(KINDS)}")
        if k in order:
            return
        for d in KINDS[k].needs + KINDS[k].joins:
            visit(d)
        order.append(k)

    for k in kinds:
        visit(k)
    return order


def _compute_needs(k) -> list:
    """Kinds whose computation ``k`` needs (transitively, ``joins`` excluded), k last."""
    out = []

    def visit(x):
        for d in KINDS[x].needs:
            visit(d)
        if x not in out:
            out.append(x)

    visit(k)
    return out


# ---------------------------------------------------------------------------
# Versions: source closures, registries, environment
# ---------------------------------------------------------------------------

def _digest(*parts) -> str:
    b = hashlib.blake2b(digest_size=16)
    for p in parts:
        b.update(p if isinstance(p, bytes) else str(p).encode("utf-8", "surrogatepass"))
        b.update(b"\x00")
    return b.hexdigest()


#: The package's modules (``inf_coverage.ingest.text``...) and their files, in name order.
PACKAGE_MODULES = tuple(sorted(
    (".".join(p.relative_to(_PACKAGE_DIR.parent).with_suffix("").parts), p)
    for p in _PACKAGE_DIR.rglob("*.py")))

#: The package's sources as they were when this module was imported: the source the cache
#: keys hash. ``_runtime_mismatch`` checks the code that runs against it.
_PACKAGE_SOURCES = {name: path.read_text(encoding="utf-8") for name, path in PACKAGE_MODULES}


def _is_package_import(node) -> bool:
    return isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == _PACKAGE_DIR.name


def _global_names(text: str) -> set:
    """Names a top-level statement reads from its module's namespace (not a function's
    own locals and parameters, which may share a name with a function elsewhere)."""
    out = set()

    def visit(table, top):
        for s in table.get_symbols():
            if s.is_referenced() and (top or s.is_global()):
                out.add(s.get_name())
        for child in table.get_children():
            visit(child, False)

    visit(symtable.symtable(text, "<statement>", "exec"), True)
    return out


@functools.lru_cache(maxsize=1)
def _package_statements():
    """Top-level statements of every module of the package: (source, names defined or
    touched, names used, module (None for an import), line of a def or class); an import
    statement gives one entry per name it binds. The package's names are one
    namespace here (a name defined in two modules resolves to both, which can only
    invalidate more): an import from the package defines the name it binds and uses the
    name it imports, so a closure follows it to the module that defines it."""
    out = []
    for module, source in sorted(_PACKAGE_SOURCES.items()):
        lines = source.splitlines(keepends=True)
        for node in ast.parse(source).body:
            first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            text = "".join(lines[first - 1:node.end_lineno])
            used = _global_names(text)
            defined = set()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                defined = {node.name}
            elif isinstance(node, (ast.Import, ast.ImportFrom)):   # one entry per name bound
                for a in node.names:
                    bound = a.asname or a.name
                    if _is_package_import(node):    # leads to the name in its module
                        out.append((f"from {node.module} import {a.name} as {bound}", {bound}, {a.name},
                                    None, None))
                    else:
                        out.append((ast.unparse(ast.Import(names=[a]) if isinstance(node, ast.Import)
                                                else ast.ImportFrom(node.module, [a], node.level)),
                                    {bound.split(".")[0]}, set(), None, None))
                continue
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                defined = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                continue   # a module's docstring
            else:   # module-level code (a loop, an if, a try, a call): it touches every name it names
                defined = set(used)
            out.append((text, defined, used, module,
                        first if isinstance(node, (ast.FunctionDef, ast.ClassDef)) else None))
    return out


@functools.lru_cache(maxsize=None)
def source_closure(roots: tuple) -> tuple:
    """The package's statements the functions ``roots`` can reach (see the module doc), in
    module and file order, and the modules they come from."""
    return _closure(roots)[:2]


@functools.lru_cache(maxsize=None)
def _closure(roots: tuple) -> tuple:
    stmts = _package_statements()
    by_name = {}
    for i, (_, defined, *_) in enumerate(stmts):
        for n in defined:
            by_name.setdefault(n, []).append(i)
    seen, todo, names = set(), list(roots), set()
    while todo:
        n = todo.pop()
        if n in names:
            continue
        names.add(n)
        for i in by_name.get(n, []):
            if i not in seen:
                seen.add(i)
                todo.extend(stmts[i][2])
    picked = sorted(seen)
    modules = sorted({stmts[i][3] for i in picked} - {None})
    defs = {(stmts[i][3], n): stmts[i][4] for i in picked for n in stmts[i][1] if stmts[i][4] is not None}
    return tuple(stmts[i][0] for i in picked), tuple(modules), defs


def _runtime_mismatch(kind: str) -> str | None:
    """Why the code that would compute ``kind`` is not the code its cache key hashes, or
    None: a module of the package edited on disk since it was imported, or one of the
    kind's functions replaced at run time (a notebook or test patching ``h.sentiment``, or
    the function in its module)."""
    for module, path in PACKAGE_MODULES:
        if path.read_text(encoding="utf-8") != _PACKAGE_SOURCES.get(module):
            return f"{path.relative_to(h.REPO_DIR)} has changed on disk since it was imported (restart the kernel)"
    for (module, name), line in _closure(_kind_roots(kind))[2].items():
        where = [(module, importlib.import_module(module).__dict__.get(name))]
        if name in h.__dict__:
            where.append(("helpers", h.__dict__[name]))
        for owner, obj in where:
            fn = getattr(obj, "__wrapped__", obj)
            code = getattr(fn, "__code__", None)
            if (getattr(fn, "__module__", None) != module or getattr(fn, "__name__", None) != name
                    or (code is not None and code.co_firstlineno != line)):
                return f"{owner}.{name} is not the function {module} defines"
    return None


_REGISTRY_NAME_RE = re.compile(r"""["']([a-z_]+\.csv)["']""")


def registries_read(roots: tuple) -> list:
    """Registry file names the closure of ``roots`` names (``"frames.csv"``...)."""
    names = set()
    for text in source_closure(roots)[0]:
        names.update(_REGISTRY_NAME_RE.findall(text))
    return sorted(names - {"articles.csv"})


@functools.lru_cache(maxsize=1)
def _environment() -> str:
    dists = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    return _digest(sys.version, *dists)


def _registry_bytes(names) -> dict:
    """The bytes of each registry, resolved as the helpers resolve it (``corpus_dir()``'s
    own file, else the repo's); None for a missing one."""
    out = {}
    for name in names:
        path = h._registry_path(name, None)
        out[name] = path.read_bytes() if path.is_file() else None
    return out


def _kind_roots(kind: str) -> tuple:
    if kind == "clean":
        return CLEAN_ROOTS
    return tuple(sorted({r for k in _compute_needs(kind) for r in KINDS[k].roots}))


def _kind_functions(kind: str) -> list:
    if kind == "clean":
        return [_clean_batch]
    return [KINDS[k].compute for k in _compute_needs(kind)]


def kind_version(kind: str, registry_blobs: dict | None = None) -> tuple:
    """(version hash, description) of one kind, from everything it depends on."""
    roots = _kind_roots(kind)
    statements, modules = source_closure(roots)
    regs = registries_read(roots)
    blobs = _registry_bytes(regs) if registry_blobs is None else {n: registry_blobs.get(n) for n in regs}
    parts = [f"format {CACHE_FORMAT}", kind, _environment(), *statements]
    parts += [inspect.getsource(f) for f in _kind_functions(kind)]
    for name in regs:
        parts += [name, blobs[name] if blobs[name] is not None else b"<missing>"]
    about = {"kind": kind, "roots": list(roots), "statements": len(statements), "modules": list(modules),
             "registries": {n: (_digest(b) if b is not None else None) for n, b in blobs.items()}}
    return _digest(*parts), about


def article_keys(articles: pd.DataFrame) -> list:
    """One key per row of ``articles``: a hash of every column's value in that row."""
    # per column and value: the column, the value's type and its text, each ended by NUL
    # (1, "1" and 1.0 differ; a text is hashed as it is, not through a repr, which would copy
    # and escape it), fed to the hash as one string per row
    cols = list(articles.columns)
    prefix = {}

    def field(c, v):
        key = (c, type(v))
        if key not in prefix:
            prefix[key] = f"{c}\x00{type(v).__name__}\x00"
        return prefix[key] + str(v) + "\x00"

    rows = zip(*(_values(articles, c) for c in cols))
    return [hashlib.blake2b("".join(field(c, v) for c, v in zip(cols, row)).encode("utf-8", "surrogatepass"),
                            digest_size=16).hexdigest()
            for row in rows]


def _values(table: pd.DataFrame, column: str, chunk: int = 1000):
    """The values of a column as Python objects, a thousand at a time: never a whole column
    of texts as one list (at 100,000 articles that raised a kernel's peak by gigabytes)."""
    for at in range(0, len(table), chunk):
        yield from table[column].iloc[at:at + chunk].tolist()


# ---------------------------------------------------------------------------
# The cache on disk
# ---------------------------------------------------------------------------

def cache_root(cache_dir=None) -> Path:
    root = Path(cache_dir or os.environ.get(CACHE_ENV) or DEFAULT_CACHE_DIR).expanduser().resolve()
    corpus = h.corpus_dir().resolve()
    if root == corpus or corpus in root.parents:
        raise CacheError(f"{root}: the annotation cache must live outside the corpus folder {corpus}")
    if root.exists() and not root.is_dir():
        raise CacheError(f"{root}: the annotation cache must be a folder, and this is a file; set {CACHE_ENV} "
                         f"to a new or empty folder")
    if root.is_dir() and not (root / CACHE_MARKER).is_file() and any(root.iterdir()):
        raise CacheError(f"{root}: a folder that holds other files and is not an annotation cache (no "
                         f"{CACHE_MARKER}); set {CACHE_ENV} to a new or empty folder, so nothing of yours is mixed in")
    return root


class _Store:
    """One kind's version folder: which article keys its parts cover, reading, writing."""

    def __init__(self, root: Path | None, kind: str, version: str, about: dict):
        self.kind, self.version = kind, version
        self.folder = None if root is None else root / kind / version
        self.about = about
        self._index = None
        self.listed = {}        # part -> how many article keys it lists

    def index(self) -> dict:
        """key -> part file, from the parts' metadata (the first part listing a key wins)."""
        if self._index is None:
            self._index = {}
            if self.folder is not None and self.folder.is_dir():
                for part in sorted(self.folder.glob("part-*.parquet")):
                    try:
                        meta = pq.read_schema(part).metadata or {}
                        keys = json.loads(meta[b"inf_keys"])
                    except Exception:       # unreadable or foreign: ignored, recomputed
                        continue
                    self.listed[part] = len(keys)
                    for k in keys:
                        self._index.setdefault(k, part)
        return self._index

    @staticmethod
    def sums_of(part: Path) -> Path:
        """A reduce kind's part, reduced (``sums-<id>.parquet`` beside ``part-<id>.parquet``),
        read instead of the part when all its articles are wanted."""
        return part.with_name("sums-" + part.name[len("part-"):])

    def write(self, table: pa.Table, keys: list, sums: pa.Table | None = None) -> Path | None:
        """Write a batch's part (and, for a kind with a reduce, its sums first: ``sums`` when
        the caller already reduced the table, else reduced here)."""
        if self.folder is None:
            return None
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            _atomic_write(self.folder / "version.json",
                          json.dumps(self.about, indent=1, sort_keys=True).encode())
        meta = dict(table.schema.metadata or {})
        meta[b"inf_keys"] = json.dumps(keys).encode()
        table = table.replace_schema_metadata(meta)
        name = f"part-{uuid.uuid4().hex}.parquet"
        reduce = KINDS[self.kind].reduce if self.kind in KINDS else None
        if reduce is not None:      # its sums first: a part is never visible without them
            path = self.sums_of(self.folder / name)
            tmp = self.folder / f".tmp-{path.name}"
            pq.write_table(_reduced(table, reduce) if sums is None else sums, tmp, compression="zstd")
            _commit(tmp, path)
        tmp = self.folder / f".tmp-{name}"
        pq.write_table(table, tmp, compression="zstd")
        _commit(tmp, self.folder / name)
        self.index()
        self.listed[self.folder / name] = len(keys)
        for k in keys:
            self._index.setdefault(k, self.folder / name)
        return self.folder / name


def _commit(tmp: Path, final: Path) -> None:
    """Make a fully written temporary file visible under its final name (atomic)."""
    os.replace(tmp, final)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".tmp-{uuid.uuid4().hex}-{path.name}")
    tmp.write_bytes(data)
    _commit(tmp, path)


def _mark_root(root: Path) -> None:
    try:
        root.mkdir(parents=True, exist_ok=True)
        marker = root / CACHE_MARKER
        if not marker.exists():
            marker.write_text("annotation cache of pipeline.py; `make clean-cache` removes this folder\n")
    except OSError as err:
        raise CacheError(f"{root}: the annotation cache cannot be kept there ({err.strerror or err}); set "
                         f"{CACHE_ENV} to a folder you can write, or leave it unset for {DEFAULT_CACHE_DIR}") from None


def clean_cache(cache_dir=None) -> Path | None:
    """Remove the cache folder (only one this module created: it carries ``CACHE_MARKER``)."""
    import shutil

    root = cache_root(cache_dir)
    if not root.exists():
        return None
    if not (root / CACHE_MARKER).is_file():
        raise ValueError(f"{root}: not an annotation cache (no {CACHE_MARKER}); not removed")
    shutil.rmtree(root)
    return root


# ---------------------------------------------------------------------------
# Computing batches (in this process, in worker processes, on Dask workers)
# ---------------------------------------------------------------------------

class _Context:
    def __init__(self, articles, reg):
        self.articles, self.reg, self.tables = articles, reg, {}

    def __getitem__(self, kind):
        if kind not in self.tables:
            self.tables[kind] = KINDS[kind].compute(self)
        return self.tables[kind]


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of the code a process runs (the facades, pipeline and every module of the
    package): the main process checks each worker's against its own."""
    files = ["helpers.py", "pipeline.py", "findings.py", "annotations.py", "fast_vader.py", "corpus_add.py"]
    paths = [h.REPO_DIR / f for f in files] + [p for _, p in PACKAGE_MODULES]
    return _digest(*(p.read_bytes() for p in paths if p.is_file()))


_ENV_LOCK = threading.Lock()


def _materialise_registries(blobs: dict) -> Path:
    """Write the registry bytes the main process resolved into a private folder, so a
    worker (another process or machine) reads exactly them."""
    folder = Path(tempfile.gettempdir()) / f"inf-registries-{_digest(*sorted(blobs.items(), key=str))}"
    if not folder.is_dir():
        tmp = Path(tempfile.mkdtemp(prefix=".inf-registries-", dir=tempfile.gettempdir()))
        for name, data in blobs.items():
            if data is not None:
                (tmp / name).write_bytes(data)
        try:
            os.replace(tmp, folder)
        except OSError:     # another worker made it first
            pass
    return folder


def _to_arrow(df: pd.DataFrame, article_key: dict) -> pa.Table:
    """A batch's table as Arrow, its strings as ``large_string``: the type pandas' Arrow-backed
    ``str`` columns hold, so that reading them back wraps the buffers instead of copying them
    (a ``string`` column would be cast, holding the text twice while a table is built)."""
    table = pa.Table.from_pandas(df, preserve_index=False)
    large = [pa.field(f.name, pa.large_string(), f.nullable) if f.type == pa.string() else f for f in table.schema]
    table = table.cast(pa.schema(large, metadata=table.schema.metadata))
    keys = [article_key[a] for a in df["article_id"].tolist()] if len(df) else []
    return table.append_column(KEY_COLUMN, pa.array(keys, type=pa.string()))


def _run_batch(articles: pd.DataFrame, keys: list, kinds: tuple, blobs: dict | None) -> tuple:
    """Compute ``kinds`` for a batch of articles. Returns (code digest, {kind: arrow
    table with a key column}). With ``blobs`` (in a worker), the registries are read from
    a private copy of the main process's."""
    def compute():
        # Python-stored strings while computing: the helpers iterate over cells, which is
        # faster than from Arrow storage; the tables go through Arrow below either way, so
        # what is cached and returned does not depend on it.
        with pd.option_context("mode.string_storage", "python"):
            c = _Context(articles.astype({col: "str" for col in articles.columns
                                          if pd.api.types.is_string_dtype(articles[col])}), _Registries())
            key_of = dict(zip(articles["article_id"].tolist(), keys))
            out, cpu = {}, {}
            for k in kinds:
                t = time.process_time()
                table = c[k]
                cpu[k] = time.process_time() - t
                t = time.process_time()
                out[k] = _to_arrow(table, key_of)
                cpu["(to arrow)"] = cpu.get("(to arrow)", 0.0) + time.process_time() - t
        return out, cpu

    if blobs is None:
        return (code_digest(), *compute())
    folder = _materialise_registries(blobs)
    with _ENV_LOCK:
        before = os.environ.get("CORPUS_DIR")
        os.environ["CORPUS_DIR"] = str(folder)
        try:
            return (code_digest(), *compute())
        finally:
            if before is None:
                os.environ.pop("CORPUS_DIR", None)
            else:
                os.environ["CORPUS_DIR"] = before


def _clean_batch(raw: list, keys: list, kinds=None, blobs=None) -> tuple:
    rows = [h.clean_article(t) for t in raw]
    table = pa.table({
        "text": pa.array([r[0] for r in rows], type=pa.large_string()),
        "n_words": pa.array([r[1] for r in rows], type=pa.int64()),
        "n_sentences": pa.array([r[2] for r in rows], type=pa.int64()),
        "title_detected": pa.array([r[3] for r in rows], type=pa.large_string()),
        KEY_COLUMN: pa.array(keys, type=pa.string()),
    })
    return code_digest(), {"clean": table}, {}


def _fork_context():
    """Worker processes started with ``fork`` where there is one: they start with the helpers
    imported and the registries compiled, and a script calling ``annotate`` needs no
    ``if __name__ == "__main__"`` guard (forkserver and spawn re-import the main script)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


class _Runner:
    """Runs batch tasks in this process, in a process pool or on Dask; yields results
    in completion order."""

    def __init__(self, workers: int | None, n_words: int, local: bool = False):
        self.scheduler = "" if local else check_scheduler(os.environ.get(SCHEDULER_ENV, ""))
        self.workers = workers or len(os.sched_getaffinity(0))
        if self.scheduler:
            self.backend = "dask"
        elif self.workers > 1 and n_words >= PARALLEL_MIN_WORDS:
            self.backend = "processes"
        else:
            self.backend = "in-process"

    def run(self, fn, n_tasks: int, make_args):
        """Run ``fn(*make_args(i))`` for i in range(n_tasks); yields (i, result) as they
        complete. Arguments are made only when a task is sent, and at most ``2 * workers``
        tasks are in flight, so a large corpus is never copied into a queue at once."""
        if not n_tasks:
            return
        if self.backend == "in-process":
            for i in range(n_tasks):
                yield i, fn(*make_args(i))
        elif self.backend == "processes":
            with cf.ProcessPoolExecutor(max_workers=self.workers, mp_context=_fork_context()) as pool:
                yield from self._window(lambda i: pool.submit(fn, *make_args(i)), n_tasks,
                                        lambda f: f.result(), cf.wait, cf.FIRST_COMPLETED)
        else:
            yield from self._dask(fn, n_tasks, make_args)

    def _window(self, submit, n_tasks, result, wait, first):
        running, nxt = {}, 0
        try:
            while running or nxt < n_tasks:
                while nxt < n_tasks and len(running) < 2 * self.workers:
                    running[submit(nxt)] = nxt
                    nxt += 1
                done, _ = wait(list(running), return_when=first)
                for f in done:
                    yield running.pop(f), result(f)
        except BaseException:
            for f in running:
                f.cancel()
            raise

    def _dask(self, fn, n_tasks, make_args):
        from dask.distributed import Client, LocalCluster, wait

        cluster = None
        if self.scheduler == "local":
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        else:
            client = _connect(Client, self.scheduler)
        self.workers = max(self.workers, len(client.scheduler_info().get("workers", {})))
        try:
            def result(f):
                out = f.result()
                f.release()
                return out

            yield from self._window(lambda i: client.submit(fn, *make_args(i), pure=False), n_tasks, result,
                                    lambda fs, return_when: wait(fs, return_when=return_when), "FIRST_COMPLETED")
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _connect(client_class, address: str):
    """A Dask client of the scheduler at ``address``, or ``SchedulerError`` within
    ``SCHEDULER_TIMEOUT`` seconds. Dask bounds the TCP connection but not its handshake, so a
    server that takes the connection and never answers would hang the run: the client is
    made on a daemon thread that is given up on when the time is out."""
    box = {}

    def connect():
        try:
            box["client"] = client_class(address, timeout=SCHEDULER_TIMEOUT)
        except BaseException as exc:       # reported below, in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=connect, daemon=True, name="inf-dask-connect")
    thread.start()
    thread.join(SCHEDULER_TIMEOUT)
    why = ("it did not answer" if thread.is_alive() else
           f"{type(box['error']).__name__}: {box['error']}" if "error" in box else "")
    if why:
        raise SchedulerError(f"{SCHEDULER_ENV}={address}: no Dask scheduler could be used within "
                             f"{SCHEDULER_TIMEOUT} s ({why}); start one (`dask scheduler`), or unset "
                             f"{SCHEDULER_ENV} to use this machine's cores")
    return box["client"]


def _batches(sizes: list, limit: int | None = None) -> list:
    """Consecutive index ranges whose sizes add up to about ``limit`` (``BATCH_WORDS``)."""
    limit = BATCH_WORDS if limit is None else limit
    out, start, total = [], 0, 0
    for i, n in enumerate(sizes):
        total += n
        if total >= limit:
            out.append(range(start, i + 1))
            start, total = i + 1, 0
    if start < len(sizes):
        out.append(range(start, len(sizes)))
    return out


def _progress(total_words: int, label: str):
    # plain tqdm (text on stderr), not tqdm.auto: in Jupyter that wants ipywidgets, which the
    # project does not install, and warns on stderr
    from tqdm import tqdm

    return tqdm(total=total_words, unit=" words", unit_scale=True, desc=label,
                disable=total_words < PROGRESS_MIN_WORDS, file=sys.stderr)


def _assemble(stores, keys, wanted, fresh) -> dict:  # noqa: C901
    """{kind: pandas table of ``keys``' rows, in ``keys`` order} from the part files
    (and tables just computed, ``fresh``: kind -> list of arrow tables)."""
    position = {k: i for i, k in enumerate(keys)}
    out = {}
    for kind in wanted:
        store = stores[kind]
        pieces = list(fresh.pop(kind, []))
        taken = {k for t in pieces for k in json.loads(t.schema.metadata[b"inf_keys"])}
        by_part = {}
        index = store.index()
        for k in keys:
            if k not in taken:
                by_part.setdefault(index[k], []).append(k)
        # a kind with a reduce (term counts): fresh tables arrive reduced, and parts are
        # reduced a few at a time as they are read, so that never every per-article table
        # is held at once
        reduce = KINDS[kind].reduce if kind in KINDS else None
        buffered = []       # parts of a reduce kind, reduced together (one call per ~2 M rows)
        if reduce is not None:      # parts wanted whole: their sums, written with them
            for part, ks in list(by_part.items()):
                sums = store.sums_of(part)
                if len(ks) == store.listed.get(part) and sums.is_file():
                    try:
                        pieces.append(pq.ParquetFile(sums).read())
                    except Exception:       # unreadable: the part is read and reduced instead
                        continue
                    del by_part[part]
        for (_part, ks), t in zip(by_part.items(), _read_parts(list(by_part))):
            listed = json.loads(t.schema.metadata[b"inf_keys"])
            if len(ks) < len(listed):
                t = t.filter(pc.is_in(t[KEY_COLUMN], value_set=pa.array(ks, type=pa.string())))
            if reduce is None:
                pieces.append(t)
                continue
            buffered.append(t.drop_columns([KEY_COLUMN]))
            if sum(b.num_rows for b in buffered) >= REDUCE_ROWS:
                pieces.append(reduce(pa.concat_tables(buffered)))
                buffered = []
        if buffered:
            pieces.append(reduce(pa.concat_tables(buffered)))
        if reduce is not None:
            out[kind] = (pa.concat_tables([t.replace_schema_metadata(None) for t in pieces]).to_pandas()
                         if pieces else pd.DataFrame({"outlet": [], "term": [], "count": []}))
        else:
            out[kind] = _to_pandas(pieces, position)
    return out


def _read_parts(parts: list):
    """The part files' tables, in order, read a few at a time on threads (Arrow reads
    without the GIL). ``ParquetFile.read`` rather than ``read_table``, which builds a dataset
    for every file: five times slower on parts of a few megabytes."""
    from concurrent.futures import ThreadPoolExecutor

    if len(parts) < 2:
        yield from (pq.ParquetFile(p).read() for p in parts)
        return
    ahead = min(4, os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=ahead) as pool:
        # at most ``ahead`` parts read ahead of the one handed out (``pool.map`` would read
        # every part at once, holding a whole kind's parts in memory)
        pending = [pool.submit(pq.ParquetFile(p).read) for p in parts[:ahead]]
        for nxt in parts[ahead:] + [None] * len(pending):
            got = pending.pop(0).result()
            if nxt is not None:
                pending.append(pool.submit(pq.ParquetFile(nxt).read))
            yield got


def _reduced(table: pa.Table, reduce) -> pa.Table:
    """A part's (or a fresh batch's) table through its kind's ``reduce``, without the key."""
    return reduce(table.drop_columns([KEY_COLUMN]))


def _to_pandas(tables: list, position: dict) -> pd.DataFrame:
    """Concatenate part tables into one pandas table in article order (rows of one
    article keep their order); the key column is dropped."""
    nonempty = [t for t in tables if t.num_rows]
    if not nonempty:
        first = tables[0] if tables else None
        return first.drop_columns([KEY_COLUMN]).to_pandas() if first is not None else pd.DataFrame()
    pieces = []
    for t in nonempty:
        # each row's article position: looked up once per article of the part (dictionary
        # encoding gives the distinct keys and each row's index into them), not once per row
        enc = pc.dictionary_encode(t[KEY_COLUMN]).combine_chunks()
        at = np.fromiter((position[k] for k in enc.dictionary.to_pylist()), dtype=np.int64, count=len(enc.dictionary))
        pos = at[enc.indices.to_numpy(zero_copy_only=False)]
        pieces.append((pos, t.drop_columns([KEY_COLUMN])))
    pieces.sort(key=lambda p: p[0][0])
    # usually (a cold run, or parts written in article order) the pieces are runs of
    # consecutive articles: concatenated in order, no sort and no copy of the rows
    in_order = all(np.all(np.diff(p[0]) >= 0) for p in pieces) and all(
        a[0][-1] < b[0][0] for a, b in zip(pieces, pieces[1:]))
    # concatenated as Arrow (the string buffers are not copied; pandas then wraps them)
    table = pa.concat_tables([t for _, t in pieces], promote_options="default")
    if not in_order:
        order = np.argsort(np.concatenate([p for p, _ in pieces]), kind="stable")
        table = table.take(pa.array(order))
    del pieces
    return table.to_pandas()


# ---------------------------------------------------------------------------
# The two entry points
# ---------------------------------------------------------------------------

def annotate(articles: pd.DataFrame, kinds=None, cache_dir=None, workers=None) -> dict:
    """Per-article annotations of ``articles`` (rows of ``load_corpus``), cached.

    ``kinds``: a list of ``KINDS`` names (default: all). Returns {kind: DataFrame} for
    those kinds, each identical to the helpers' corpus-level call (see the module doc).
    ``cache_dir``: the cache folder (default ``$INF_CACHE_DIR``, else ``.cache/annotations``);
    ``False`` for no cache. ``workers``: processes (default: every core); with
    ``$INF_SCHEDULER`` set, Dask runs the batches instead.
    """
    with _SystemArrowPool():
        return _annotate(articles, kinds, cache_dir, workers)


def _annotate(articles, kinds, cache_dir, workers) -> dict:  # noqa: C901
    t0 = time.perf_counter()
    wanted = list(KINDS) if kinds is None else list(kinds)
    order = _needed(wanted)
    root = None if cache_dir is False else cache_root(cache_dir)
    if root is not None:
        _mark_root(root)
    articles = articles.reset_index(drop=True)
    keys = article_keys(articles)
    if len(set(keys)) != len(keys):
        raise ValueError("articles has two identical rows")
    if not len(articles):
        # nothing to cache (a corpus whose articles are all left out, e.g. none in English):
        # the helpers run on the empty table, so every kind has its columns and no rows
        _, fresh, _ = _run_batch(articles.drop(columns=[c for c in ["raw_text"] if c in articles.columns]),
                                 [], tuple(order), None)
        tables = {k: t.drop_columns([KEY_COLUMN]).to_pandas() for k, t in fresh.items()}
        for k in order:
            if KINDS[k].finish is not None:
                tables[k] = KINDS[k].finish(tables[k], tables)
        last_run.clear()
        last_run.update(backend="in-process", workers=1, seconds=time.perf_counter() - t0, words_computed=0,
                        cpu_seconds={}, kinds={k: {"computed": 0, "cached": 0} for k in order})
        return {k: tables[k] for k in wanted}
    regs = sorted({r for k in order for r in registries_read(_kind_roots(k))})
    blobs = _registry_bytes(regs)
    stores, uncached = {}, {}
    for k in order:
        version, about = kind_version(k, blobs)
        why = _runtime_mismatch(k)
        if why:
            uncached[k] = why
        stores[k] = _Store(None if why else root, k, version, about)
    if uncached:
        warnings.warn(f"pipeline: {next(iter(uncached.values()))}: {', '.join(uncached)} computed in this "
                      "process without the cache", stacklevel=3)
    # which kinds each article lacks; articles lacking the same kinds go in one batch
    indexes = [(k, stores[k].index()) for k in order]
    missing = {}
    for i, key in enumerate(keys):
        lack = tuple(k for k, index in indexes if key not in index)
        if lack:
            missing.setdefault(lack, []).append(i)
    words = articles["n_words"].tolist() if "n_words" in articles else [len(t.split()) for t in articles["text"]]
    tasks, meta = [], []
    for lack, rows in missing.items():
        for r in _batches([words[i] for i in rows]):
            idx = [rows[j] for j in r]
            tasks.append((idx, [keys[i] for i in idx], lack))
            meta.append(sum(words[i] for i in idx))
    # what the per-article functions read: every column but the raw text (cleaning's input,
    # which none of them reads: the key above covers it)
    sent = articles.drop(columns=[c for c in ["raw_text"] if c in articles.columns])
    runner = _Runner(1 if uncached else workers, sum(meta), local=bool(uncached))
    fresh = {}
    with _progress(sum(meta), "annotate") as bar:
        blobs_for_workers = None if runner.backend == "in-process" else blobs
        cpu_by_kind = {}
        def make_args(i):
            idx, batch_keys, lack = tasks[i]
            return sent.iloc[idx].reset_index(drop=True), batch_keys, lack, blobs_for_workers

        for i, (digest, tables, cpu) in runner.run(_run_batch, len(tasks), make_args):
            _check_digest(digest)
            for k, secs in cpu.items():
                cpu_by_kind[k] = cpu_by_kind.get(k, 0.0) + secs
            for k, table in tables.items():
                batch_keys = tasks[i][1]
                table = table.replace_schema_metadata(
                    {**(table.schema.metadata or {}), b"inf_keys": json.dumps(batch_keys).encode()})
                # a reduce kind (term counts) is reduced once: for its sums file and kept so
                reduced = None if KINDS[k].reduce is None else _reduced(table, KINDS[k].reduce)
                stores[k].write(table, batch_keys, sums=reduced)
                if k in wanted or any(k in KINDS[w].joins for w in wanted):
                    fresh.setdefault(k, []).append(
                        table if reduced is None else reduced.replace_schema_metadata(table.schema.metadata))
            bar.update(meta[i])
    assemble = [k for k in order if k in wanted or any(k in KINDS[w].joins for w in wanted)]
    if tasks:
        _release_memory()
    tables = _assemble(stores, keys, assemble, fresh)
    for k in assemble:
        if KINDS[k].finish is not None:
            tables[k] = KINDS[k].finish(tables[k], tables)
    n_computed = {k: 0 for k in order}
    for lack, rows in missing.items():
        for k in lack:
            n_computed[k] += len(rows)
    last_run.clear()
    last_run.update(backend=runner.backend, workers=runner.workers, seconds=time.perf_counter() - t0,
                    words_computed=sum(meta), cpu_seconds=cpu_by_kind,
                    kinds={k: {"computed": n_computed[k], "cached": len(keys) - n_computed[k]} for k in order})
    return {k: tables[k] for k in wanted}


class _SystemArrowPool:
    """Arrow allocates with the C library's allocator inside ``annotate`` and ``load_corpus``
    (its default, mimalloc, keeps the memory of freed read and concatenation buffers, which
    raised the peak at 10,000 articles by a fifth); restored afterwards. Every buffer keeps
    the pool it came from, so tables outlive the switch."""

    def __enter__(self):
        self.before = pa.default_memory_pool()
        pa.set_memory_pool(pa.system_memory_pool())

    def __exit__(self, *exc):
        pa.set_memory_pool(self.before)


def _release_memory() -> None:
    """Give memory freed by Python back to the system (glibc keeps freed small blocks in its
    heap, and Arrow's allocator does not reuse them: loading 100,000 articles otherwise leaves
    gigabytes resident under the tables). No-op elsewhere than glibc."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _check_digest(digest: str) -> None:
    if digest != code_digest():
        raise RuntimeError("a worker runs other code than this process (helpers.py, pipeline.py, findings.py, "
                           "annotations.py or fast_vader.py differ): start the Dask workers from this repo at "
                           "this commit")


def load_corpus(path=None, cache_dir=None, workers=None) -> pd.DataFrame:
    """``helpers.load_corpus(path)``, identical, with each article's cleaning (and its word
    and sentence counts) cached per raw text and computed across processes."""
    with _SystemArrowPool():
        return _load_corpus(path, cache_dir, workers)


def _load_corpus(path, cache_dir, workers) -> pd.DataFrame:
    t0 = time.perf_counter()
    root = None if cache_dir is False else cache_root(cache_dir)
    if root is not None:
        _mark_root(root)
    version, about = kind_version("clean")
    why = _runtime_mismatch("clean")
    if why:
        warnings.warn(f"pipeline: {why}: cleaning computed in this process without the cache", stacklevel=3)
    store = _Store(None if why else root, "clean", version, about)
    stats = {}

    def clean_all(raw: list) -> list:
        keys = [_digest(t) for t in raw]
        index = store.index()
        todo = sorted({k: i for i, k in reversed(list(enumerate(keys))) if k not in index}.values())
        words = [len(raw[i]) // 6 for i in todo]          # a rough count before cleaning
        ranges = _batches(words)
        tasks = [([raw[todo[j]] for j in r], [keys[todo[j]] for j in r]) for r in ranges]
        runner = _Runner(1 if why else workers, sum(words), local=bool(why))
        fresh = []
        with _progress(sum(words), "clean") as bar:
            for i, (digest, tables, _) in runner.run(_clean_batch, len(tasks), lambda i: tasks[i]):
                _check_digest(digest)
                table = tables["clean"]
                ks = tasks[i][1]
                table = table.replace_schema_metadata({b"inf_keys": json.dumps(ks).encode()})
                store.write(table, ks)
                fresh.append(table)
                bar.update(sum(len(t) // 6 for t in tasks[i][0]))
        unique = list(dict.fromkeys(keys))
        df = _assemble({"clean": store}, unique, ["clean"], {"clean": fresh})["clean"]
        del fresh
        stats.update(backend=runner.backend, computed=len(todo), cached=len(unique) - len(todo))
        if len(unique) == len(keys):        # no two raw texts alike: already in order
            return df
        at = {k: i for i, k in enumerate(unique)}
        return df.take([at[k] for k in keys]).reset_index(drop=True)

    def group_all(table: pd.DataFrame) -> list:
        return _copy_groups_cached(table, None if why else root, stats, 1 if why else workers)

    out = h.load_corpus(path, clean_all=clean_all, group_all=group_all)
    _release_memory()
    last_run.clear()
    last_run.update(seconds=time.perf_counter() - t0, kinds={"clean": stats}, backend=stats.get("backend"))
    return out


#: What copy groups read of the table (``corpus_add.copy_groups``), in this order.
COPY_GROUP_INPUTS = ("article_id", "text", "copy_label", "copy_group", "syndicated_from", "published")


#: Copy groups hash the shingles of the texts on every core from this many texts on.
PARALLEL_SHINGLE_TEXTS = 2_000
SHINGLE_CHUNK = 500


def _shingles_on(workers: int):
    """``corpus_add.shingle_sets`` over ``workers`` processes, chunk by chunk of the texts
    (each text's shingles depend on it alone, so the result is the same list)."""
    import collections
    import itertools

    def shingle(texts) -> list:
        out, pending, it = [], collections.deque(), iter(texts)
        with cf.ProcessPoolExecutor(max_workers=workers, mp_context=_fork_context()) as pool:
            for chunk in iter(lambda: list(itertools.islice(it, SHINGLE_CHUNK)), []):
                pending.append(pool.submit(corpus_add.shingle_sets, chunk))
                if len(pending) >= 2 * workers:
                    out.extend(pending.popleft().result())
            while pending:
                out.extend(pending.popleft().result())
        return out

    return shingle


def _copy_groups_cached(table: pd.DataFrame, root: Path | None, stats: dict, workers=None) -> list:
    """``copy_groups(table)["copy_group"]``, cached whole: copy groups compare every article
    with every other, so they are not per article. The key hashes every value copy groups
    read (``COPY_GROUP_INPUTS``, row by row, in order); the version, the source closure of
    ``copy_groups`` in the package, the environment and the cache format. An unchanged
    corpus reads one small file; any change to those columns recomputes the groups."""
    t0 = time.perf_counter()
    cols = [c for c in COPY_GROUP_INPUTS if c in table.columns]
    b = hashlib.blake2b(digest_size=16)
    for c in cols:
        b.update(c.encode() + b"\x00")
        for v in _values(table, c):
            b.update(str(v).encode("utf-8", "surrogatepass") + b"\x00")
    key = b.hexdigest()
    version = _digest(f"format {CACHE_FORMAT}", "copy_groups", _environment(),
                      *source_closure(("copy_groups",))[0])
    path = None if root is None else root / "copy_groups" / version / f"groups-{key}.parquet"
    if path is not None and path.is_file():
        try:
            got = pq.read_table(path).column("copy_group").to_pylist()
            if len(got) == len(table):
                stats.update(copy_groups="cached", copy_groups_seconds=time.perf_counter() - t0)
                return got
        except Exception:       # unreadable: recomputed and rewritten
            pass
    n = workers or len(os.sched_getaffinity(0))
    shingle = _shingles_on(n) if n > 1 and len(table) >= PARALLEL_SHINGLE_TEXTS else None
    groups = corpus_add.copy_groups(table, shingle=shingle)["copy_group"].tolist()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".tmp-{uuid.uuid4().hex}-{path.name}")
        pq.write_table(pa.table({"copy_group": pa.array(groups, type=pa.string())}), tmp)
        _commit(tmp, path)
    stats.update(copy_groups="computed", copy_groups_seconds=time.perf_counter() - t0)
    return groups


def keyness(articles: pd.DataFrame, term_counts: pd.DataFrame, min_count: int = 3) -> pd.DataFrame:
    """``h.keyness(h.tokens(h.sentences(articles)), min_count)`` from the cached per-article
    ``term_counts``, without a token table."""
    with_words = articles[articles["n_words"] > 0] if "n_words" in articles else articles
    return h.keyness_from_counts(term_counts, with_words.groupby("outlet").article_id.nunique(), min_count)


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="The annotation cache of pipeline.py")
    parser.add_argument("command", choices=["clean", "where"])
    args = parser.parse_args(argv)
    if args.command == "where":
        print(cache_root())
    else:
        gone = clean_cache()
        print(f"removed {gone}" if gone else "no annotation cache to remove")
    return 0


code_digest()      # at import: forked workers inherit it; Dask workers compute their own


if __name__ == "__main__":
    sys.exit(main())

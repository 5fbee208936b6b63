"""pipeline.py (issue 16): tables identical to the helpers' from one process, every core and
a two-worker Dask LocalCluster; the cache invalidated by kind; an interrupted run never
read as complete."""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import helpers as h
import pipeline as P

REPO = Path(__file__).resolve().parent.parent
OTHER = REPO / "tests" / "fixtures" / "other_corpus"


def direct(articles):
    """Every kind as the notebooks compute it, from the helpers alone."""
    s = h.sentences(articles)
    q, v = h.speech(articles, s)
    toks = h.tokens(s)
    figures = h.load_figures()
    return {
        "sentences": s, "tokens": toks, "mentions": h.figure_mentions(s, figures), "quotes": q,
        "unresolved": h.figure_mentions(s, figures, unresolved=True),
        "voice": v, "discover": h.discover_names(s, figures, h.quotes(articles, figures)),
        "frames": h.frame_hits(s), "blame": h.blame_statements(s, v), "sentiment": h.sentiment(s, v),
        "ranges": h.range_claims(s), "events": h.event_claims(s, articles), "systems": h.system_mentions(s),
        "checks": h.claim_checks(s, articles, quote_rows=q), "keyness": h.keyness(toks),
    }


def assert_same(got, want, articles):
    for kind, table in want.items():
        mine = P.keyness(articles, got["term_counts"]) if kind == "keyness" else got[kind]
        assert list(mine.columns) == list(table.columns), kind
        pd.testing.assert_frame_equal(mine, table, check_exact=True, obj=kind)


@pytest.fixture(scope="module")
def corpora():
    out = {}
    for name, path in [("seed", h.DEFAULT_CORPUS_DIR), ("other", OTHER)]:
        articles = h.load_corpus(path)
        out[name] = (articles, direct(articles))
    return out


@pytest.mark.parametrize("batch_words", [1, P.BATCH_WORDS])
@pytest.mark.parametrize("corpus", ["seed", "other"])
def test_one_process_identical_cold_and_cached(corpora, corpus, batch_words, tmp_path, monkeypatch):
    # batch_words=1: every article computed alone, then concatenated
    monkeypatch.setattr(P, "BATCH_WORDS", batch_words)
    articles, want = corpora[corpus]
    cold = P.annotate(articles, cache_dir=tmp_path)
    assert P.last_run["backend"] == "in-process"
    assert all(v["computed"] == len(articles) for v in P.last_run["kinds"].values())
    assert_same(cold, want, articles)
    warm = P.annotate(articles, cache_dir=tmp_path)
    assert all(v["computed"] == 0 for v in P.last_run["kinds"].values())
    assert_same(warm, want, articles)
    # a subset of kinds, in the order asked
    some = P.annotate(articles, ["sentiment", "frames"], cache_dir=tmp_path)
    assert list(some) == ["sentiment", "frames"]
    assert_same(some, {k: want[k] for k in some}, articles)


@pytest.mark.parametrize("corpus", ["seed", "other"])
def test_load_corpus_identical_and_cached(corpus, tmp_path):
    path = h.DEFAULT_CORPUS_DIR if corpus == "seed" else OTHER
    want = h.load_corpus(path)
    pd.testing.assert_frame_equal(P.load_corpus(path, cache_dir=tmp_path), want, check_exact=True)
    assert P.last_run["kinds"]["clean"]["computed"] == len(want)
    pd.testing.assert_frame_equal(P.load_corpus(path, cache_dir=tmp_path), want, check_exact=True)
    assert P.last_run["kinds"]["clean"]["computed"] == 0
    assert P.last_run["kinds"]["clean"]["copy_groups"] == "cached"


def test_copy_groups_from_every_core_are_the_helpers_own(tmp_path, monkeypatch):
    monkeypatch.setattr(P, "PARALLEL_SHINGLE_TEXTS", 0)     # small corpora: force the pool
    monkeypatch.setattr(P, "SHINGLE_CHUNK", 1)
    for path in [h.DEFAULT_CORPUS_DIR, OTHER]:
        got = P.load_corpus(path, cache_dir=False, workers=2)
        pd.testing.assert_frame_equal(got, h.load_corpus(path), check_exact=True)
    import corpus_add
    articles = h.load_corpus(OTHER)
    texts = articles.text.tolist() * 3
    assert [s.tolist() for s in P._shingles_on(2)(iter(texts))] == [s.tolist() for s in corpus_add.shingle_sets(texts)]


def test_copy_groups_are_cached_whole_and_recomputed_when_what_they_read_changes(tmp_path, corpus_copy):
    corpus = corpus_copy(OTHER)
    cache = tmp_path / "cache"
    P.load_corpus(corpus, cache_dir=cache)
    assert P.last_run["kinds"]["clean"]["copy_groups"] == "computed"
    P.load_corpus(corpus, cache_dir=cache)
    assert P.last_run["kinds"]["clean"]["copy_groups"] == "cached"
    # a copy of an article under another id: cleaning of the new text is cached (same raw
    # text), but the groups change, so they are recomputed, and equal the helpers' own
    meta = pd.read_csv(corpus / "articles.csv", dtype=str, keep_default_na=False)
    first = meta.iloc[0]
    shutil.copy(corpus / "articles" / first["file"], corpus / "articles" / "copy-of-first.txt")
    extra = first.copy()
    extra["article_id"], extra["file"], extra["outlet"] = "zz-copy", "copy-of-first.txt", "Copy Desk"
    pd.concat([meta, extra.to_frame().T]).to_csv(corpus / "articles.csv", index=False)
    got = P.load_corpus(corpus, cache_dir=cache)
    assert P.last_run["kinds"]["clean"]["copy_groups"] == "computed"
    pd.testing.assert_frame_equal(got, h.load_corpus(corpus), check_exact=True)
    assert got.set_index("article_id").at["zz-copy", "copy_group"] == first["article_id"]
    # a damaged groups file is never trusted: recomputed
    for part in (cache / "copy_groups").rglob("groups-*.parquet"):
        part.write_bytes(b"not parquet")
    pd.testing.assert_frame_equal(P.load_corpus(corpus, cache_dir=cache), got, check_exact=True)
    assert P.last_run["kinds"]["clean"]["copy_groups"] == "computed"


def test_every_core_identical(corpora, tmp_path, monkeypatch):
    monkeypatch.setattr(P, "PARALLEL_MIN_WORDS", 0)     # the corpora are small: force the pool
    monkeypatch.setattr(P, "BATCH_WORDS", 400)          # several batches per corpus
    for corpus in ["seed", "other"]:
        articles, want = corpora[corpus]
        got = P.annotate(articles, cache_dir=tmp_path / corpus, workers=2)
        assert P.last_run["backend"] == "processes" and P.last_run["workers"] == 2
        assert_same(got, want, articles)
    pd.testing.assert_frame_equal(P.load_corpus(OTHER, cache_dir=tmp_path / "clean", workers=2),
                                  h.load_corpus(OTHER), check_exact=True)


def test_editing_frames_invalidates_frames_only(tmp_path, corpus_copy, monkeypatch):
    folder = corpus_copy(ignore=["annotations"])
    monkeypatch.setenv("CORPUS_DIR", str(folder))
    cache = tmp_path / "cache"
    articles = h.load_corpus(folder)
    P.annotate(articles, cache_dir=cache)
    frames_csv = folder / "frames.csv"
    table = pd.read_csv(frames_csv, dtype=str, keep_default_na=False)
    table.loc[0, "cues"] += ";moratorium"
    table.to_csv(frames_csv, index=False)
    got = P.annotate(articles, cache_dir=cache)
    computed = {k: v["computed"] for k, v in P.last_run["kinds"].items()}
    assert computed["frames"] == len(articles)
    assert {k for k, n in computed.items() if n} == {"frames"}     # sentiment, quotes... cached
    s = h.sentences(articles)
    pd.testing.assert_frame_equal(got["frames"], h.frame_hits(s), check_exact=True)
    assert "moratorium" in set(got["frames"].cue)
    pd.testing.assert_frame_equal(got["sentiment"], h.sentiment(s, h.speech(articles, s)[1]), check_exact=True)
    # an edited figure registry recomputes what reads it, and still keeps sentiment
    figures_csv = folder / "figures.csv"
    table = pd.read_csv(figures_csv, dtype=str, keep_default_na=False)
    table.loc[0, "notes"] += " (edited)"
    table.to_csv(figures_csv, index=False)
    P.annotate(articles, cache_dir=cache)
    computed = {k: v["computed"] for k, v in P.last_run["kinds"].items()}
    assert computed["sentiment"] == 0 and computed["frames"] == 0 and computed["sentences"] == 0
    assert computed["mentions"] == computed["quotes"] == computed["voice"] == len(articles)
    # an edited article text recomputes that article only
    P.annotate(articles.assign(text=[t + " Added." if i == 0 else t for i, t in enumerate(articles.text)]),
               cache_dir=cache)
    assert all(v["computed"] == 1 for v in P.last_run["kinds"].values())


def test_source_closure_by_kind():
    statements = {k: "\n".join(P.source_closure(P._kind_roots(k))[0]) for k in P.KINDS}
    assert "def frame_hits" in statements["frames"] and "def polarity" not in statements["frames"]
    assert "def sentiment(" not in statements["frames"] and "def vader(" in statements["sentiment"]
    assert "def frame_hits" not in statements["sentiment"] and "def quotes(" not in statements["sentiment"]
    assert "def quotes(" in statements["voice"] and "def quotes(" in statements["blame"]
    assert "_frames_pattern" in statements["frames"] and "_PUNKT = _punkt()" in statements["sentiment"]
    assert P.registries_read(P._kind_roots("frames")) == ["frames.csv"]
    assert P.registries_read(P._kind_roots("sentiment")) == []
    # the sentiment kind hashes the fast VADER (h.vader builds its analyser), no other kind does
    modules = {k: P.source_closure(P._kind_roots(k))[1] for k in P.KINDS}
    assert "inf_coverage.extract.fast_vader" in modules["sentiment"]
    assert "class FastSentimentIntensityAnalyzer" in statements["sentiment"]
    assert all("inf_coverage.extract.fast_vader" not in m for k, m in modules.items() if k != "sentiment")
    # the closure crosses modules: frames reach the pattern checks of ingest, never the quotes
    assert "inf_coverage.ingest.patterns" in modules["frames"] and "def check_pattern" in statements["frames"]
    assert "inf_coverage.extract.quotes" not in modules["frames"]
    assert "inf_coverage.extract.quotes" in modules["blame"] and "inf_coverage.extract.framing" in modules["blame"]


def _versions_with(monkeypatch, module, old, new):
    """Every kind's version with ``old`` replaced by ``new`` in ``module``'s source (as an
    edit on disk would read at the next import)."""
    source = P._PACKAGE_SOURCES[module]
    assert source.count(old) == 1, old
    monkeypatch.setitem(P._PACKAGE_SOURCES, module, source.replace(old, new))
    for f in (P._package_statements, P.source_closure, P._closure):
        f.cache_clear()
    try:
        return {k: P.kind_version(k, {})[0] for k in P.KINDS}
    finally:
        monkeypatch.setitem(P._PACKAGE_SOURCES, module, source)
        for f in (P._package_statements, P.source_closure, P._closure):
            f.cache_clear()


def test_editing_a_function_of_the_framing_module_invalidates_frames_only(monkeypatch):
    before = {k: P.kind_version(k, {})[0] for k in P.KINDS}
    framing = "inf_coverage.extract.framing"
    # frame_hits (the frames kind's own function): frames alone
    after = _versions_with(monkeypatch, framing, "def frame_hits(", "def frame_hits(  ")
    assert {k for k in P.KINDS if after[k] != before[k]} == {"frames"}
    # _frames_pattern (a function frame_hits calls, in the same module): frames alone
    after = _versions_with(monkeypatch, framing, "def _frames_pattern(", "def _frames_pattern(  ")
    assert {k for k in P.KINDS if after[k] != before[k]} == {"frames"}
    # _agent (in the framing module, reached by blame only): blame alone
    after = _versions_with(monkeypatch, framing, "def _agent(", "def _agent(  ")
    assert {k for k in P.KINDS if after[k] != before[k]} == {"blame"}
    # a function in another module that frames reach through an import (check_pattern, in
    # ingest.patterns): frames, and every other kind that validates patterns
    after = _versions_with(monkeypatch, "inf_coverage.ingest.patterns", "def check_pattern(",
                           "def check_pattern(  ")
    changed = {k for k in P.KINDS if after[k] != before[k]}
    assert "frames" in changed and "sentiment" not in changed and "sentences" not in changed
    # nothing edited: nothing changes
    assert {k: P.kind_version(k, {})[0] for k in P.KINDS} == before
    assert "figures.csv" in P.registries_read(P._kind_roots("voice"))
    assert "claims.csv" in P.registries_read(P._kind_roots("checks"))


KILLED_RUN = """
import os, signal, sys
import helpers as h, pipeline as P
commits = []
real = P._commit
def commit(tmp, final):
    if final.name.startswith("part-"):
        if len(commits) == 3:
            os.kill(os.getpid(), signal.SIGKILL)     # interrupted: the fourth part is written, not renamed
        commits.append(final)
    real(tmp, final)
P._commit = commit
P.BATCH_WORDS = 1
P.annotate(h.load_corpus(), ["sentences", "sentiment"], cache_dir=sys.argv[1])
"""


def test_interrupted_run_is_never_read_as_complete(corpora, tmp_path):
    cache = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if k != "CORPUS_DIR"}
    run = subprocess.run([sys.executable, "-c", KILLED_RUN, str(cache)], env=env, cwd=REPO)
    assert run.returncode == -9
    parts = sorted(cache.rglob("part-*.parquet"))
    temps = sorted(cache.rglob(".tmp-part-*.parquet"))
    assert len(parts) == 3 and len(temps) == 1
    # a damaged part (a copy cut short) is ignored as well
    (parts[0].parent / "part-damaged.parquet").write_bytes(parts[0].read_bytes()[:100])
    articles, want = corpora["seed"]
    got = P.annotate(articles, ["sentences", "sentiment"], cache_dir=cache)
    done = {k: v["computed"] for k, v in P.last_run["kinds"].items()}
    # the first article's sentences, mentions and quotes were committed (the order kinds are
    # computed in: quotes read the mentions); its voice, being written, and sentiment were not
    n = len(articles)
    assert done == {"sentences": n - 1, "mentions": n - 1, "quotes": n - 1, "voice": n, "sentiment": n}
    assert_same(got, {k: want[k] for k in ["sentences", "sentiment"]}, articles)
    P.annotate(articles, ["sentences", "sentiment"], cache_dir=cache)
    assert all(v["computed"] == 0 for v in P.last_run["kinds"].values())


def test_clean_cache_removes_only_a_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    articles = h.load_corpus()
    P.annotate(articles, ["sentences"], cache_dir=cache)
    assert (cache / P.CACHE_MARKER).is_file()
    monkeypatch.setenv("INF_CACHE_DIR", str(cache))
    assert P.clean_cache() == cache.resolve() and not cache.exists()
    other = tmp_path / "not-a-cache"
    other.mkdir()
    monkeypatch.setenv("INF_CACHE_DIR", str(other))
    with pytest.raises(ValueError, match="not an annotation cache"):
        P.clean_cache()
    assert other.is_dir()


def test_cache_refused_inside_the_corpus(tmp_path, corpus_copy, monkeypatch):
    folder = corpus_copy(ignore=["annotations"])
    monkeypatch.setenv("CORPUS_DIR", str(folder))
    with pytest.raises(ValueError, match="outside the corpus folder"):
        P.annotate(h.load_corpus(folder), ["sentences"], cache_dir=folder / "cache")


# -- Dask ---------------------------------------------------------------------
# A LocalCluster's worker processes talk to the scheduler over TCP on loopback. `unshare -n`
# (network off) takes loopback down, and distributed has no Unix-socket transport
# (inproc:// needs processes=False, which cannot give two worker processes). So, with
# loopback down, the test runs the same check in a child process inside a private network
# namespace whose only interface is loopback, brought up there (`unshare -rn`: still no
# network, and nothing of this machine changes). Only if that namespace cannot be made
# (user namespaces disabled) is the test skipped, with that reason.

DASK_CHECK = """
import os, sys
os.environ["INF_SCHEDULER"] = "local"
sys.path.insert(0, sys.argv[2])
import pandas as pd, helpers as h, pipeline as P
import test_pipeline as T
P.BATCH_WORDS = 400
for path in [h.DEFAULT_CORPUS_DIR, T.OTHER]:
    articles = h.load_corpus(path)
    got = P.annotate(articles, cache_dir=os.path.join(sys.argv[1], path.name), workers=2)
    assert P.last_run["backend"] == "dask" and P.last_run["workers"] == 2, P.last_run
    T.assert_same(got, T.direct(articles), articles)
print("dask identical")
"""


def loopback_up() -> bool:
    try:
        with socket.socket() as server:
            server.bind(("127.0.0.1", 0))
            server.listen()
            socket.create_connection(server.getsockname(), timeout=2).close()
        return True
    except OSError:
        return False


def test_dask_local_cluster_identical(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CORPUS_DIR" and not k.startswith("DASK_")}
    cmd = [sys.executable, "-c", DASK_CHECK, str(tmp_path), str(Path(__file__).parent)]
    if not loopback_up():
        probe = subprocess.run(["unshare", "-rn", "ip", "link", "set", "lo", "up"], capture_output=True)
        if probe.returncode != 0:
            pytest.skip("loopback is down (network off) and no private network namespace can be made "
                        f"to bring it up (unshare -rn: {probe.stderr.decode().strip()!r}); a LocalCluster's "
                        "workers need loopback TCP")
        cmd = ["unshare", "-rn", "sh", "-c", 'ip link set lo up && exec "$@"', "sh"] + cmd
    run = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "dask identical" in run.stdout


def test_code_that_differs_from_the_key_is_never_cached(corpora, tmp_path, monkeypatch):
    articles, want = corpora["seed"]
    P.annotate(articles, ["sentiment", "frames"], cache_dir=tmp_path)
    # a helper replaced at run time (as tests and notebooks do): computed here, not read or written
    monkeypatch.setattr(h, "sentiment", lambda s, v=None, f=h.sentiment: f(s.iloc[1:], v))
    with pytest.warns(UserWarning, match="helpers.sentiment is not the function inf_coverage.extract.sentiment defines"):
        got = P.annotate(articles, ["sentiment", "frames"], cache_dir=tmp_path)
    assert len(got["sentiment"]) == len(want["sentiment"]) - 1
    assert P.last_run["kinds"]["frames"]["computed"] == 0
    monkeypatch.undo()
    assert_same(P.annotate(articles, ["sentiment"], cache_dir=tmp_path), {"sentiment": want["sentiment"]}, articles)
    assert P.last_run["kinds"]["sentiment"]["computed"] == 0
    # the function replaced in its module (what the package's own callers call): the same
    from inf_coverage.extract import sentiment as sentiment_module
    monkeypatch.setattr(sentiment_module, "vader", lambda f=sentiment_module.vader: f())
    with pytest.warns(UserWarning, match="inf_coverage.extract.sentiment.vader is not the function"):
        P.annotate(articles, ["sentiment"], cache_dir=tmp_path)
    monkeypatch.undo()
    # a module of the package edited on disk after it was imported: nothing is cached against
    # the new text
    module = "inf_coverage.extract.sentiment"
    monkeypatch.setitem(P._PACKAGE_SOURCES, module, P._PACKAGE_SOURCES[module] + "\n# edited\n")
    with pytest.warns(UserWarning, match="changed on disk"):
        P.annotate(articles, ["sentiment"], cache_dir=tmp_path)
    assert P.last_run["kinds"]["sentiment"]["computed"] == len(articles)


NOTEBOOKS = sorted((REPO / "notebooks").glob("0*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_reads_the_corpus_and_its_tables_through_the_pipeline(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    code = re.sub(r"  +# .*", "", code)          # the comments naming the helpers' call
    assert "pipeline.load_corpus(CORPUS)" in code and "h.load_corpus(" not in code
    if path.stem != "00-corpus-overview":     # 00 reads articles only
        assert "pipeline.annotate(articles, [" in code
    # no per-article table is computed again beside the cache (03's scoring of discovery
    # with an empty registry, only with a names_gold.csv, stays a helper call)
    for call in ["h.sentences(", "h.speech(", "h.frame_hits(", "h.sentiment(", "h.claim_checks(", "h.range_claims(",
                 "h.event_claims(", "h.system_mentions(", "h.blame_statements(", "h.tokens(", "h.keyness(",
                 "unresolved=True"]:
        assert call not in code, (path.stem, call)


def test_a_notebook_rerun_reads_its_tables_from_the_cache(tmp_path):
    """02-sentiment on the other corpus, twice with one cache: the first run writes a part
    per kind it reads; the second writes nothing (every table read back) and prints the same."""
    import nbformat
    from kernels import IPCKernelManager
    from nbclient import NotebookClient

    cache = tmp_path / "cache"
    env = {"CORPUS_DIR": str(OTHER), "REPORT_DIR": str(tmp_path / "out"), "INF_CACHE_DIR": str(cache)}
    old = {k: os.environ.get(k) for k in env}

    def execute():
        nb = nbformat.read(REPO / "notebooks" / "02-sentiment-by-outlet.ipynb", as_version=4)
        os.environ.update(env)
        try:
            NotebookClient(nb, km=IPCKernelManager(kernel_name="python3"), timeout=600,
                           resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()
        finally:
            for k, v in old.items():
                os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
        parts = {p.relative_to(cache): p.stat().st_mtime_ns for p in cache.rglob("part-*.parquet")}
        return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.get("name") == "stdout"], parts

    out1, parts1 = execute()
    kinds = {p.parts[0] for p in parts1}
    assert kinds == {"clean", "sentences", "quotes", "voice", "sentiment", "mentions"}
    out2, parts2 = execute()
    assert parts2 == parts1
    assert out2 == out1


def test_parts_are_read_in_order_whatever_their_number(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = []
    for i in range(9):
        paths.append(tmp_path / f"part-{i}.parquet")
        pq.write_table(pa.table({"x": [i]}), paths[-1])
    for n in range(len(paths) + 1):      # fewer parts than threads, as many, more
        assert [t["x"][0].as_py() for t in P._read_parts(paths[:n])] == list(range(n))


def test_the_benchmark_annotates_every_kind_a_notebook_reads():
    import benchmark

    read = {k for kinds in benchmark.notebook_kinds().values() for k in kinds}
    assert set(benchmark.NOTEBOOK_KINDS) == read
    assert benchmark.notebook_kinds()["04-missile-range-facts"] == [
        "sentences", "quotes", "voice", "checks", "ranges", "events", "systems"]


def test_term_counts_of_whole_parts_are_read_from_their_sums(tmp_path):
    import pyarrow.parquet as pq

    articles = h.load_corpus(h.DEFAULT_CORPUS_DIR)
    want = h.keyness(h.tokens(h.sentences(articles)))
    P.annotate(articles, ["term_counts"], cache_dir=tmp_path)
    sums = sorted(tmp_path.rglob("sums-*.parquet"))
    parts = sorted(tmp_path.rglob("term_counts/*/part-*.parquet"))
    assert len(sums) == len(parts) == 1 and sums[0].name[5:] == parts[0].name[5:]
    got = P.annotate(articles, ["term_counts"], cache_dir=tmp_path)["term_counts"]
    pd.testing.assert_frame_equal(P.keyness(articles, got), want, check_exact=True)
    # the sums file is what is read for a part wanted whole: doubled sums give doubled counts
    table = pq.read_table(sums[0])
    pq.write_table(table.set_column(2, "count", pa_multiply(table["count"], 2)), sums[0])
    doubled = P.annotate(articles, ["term_counts"], cache_dir=tmp_path)["term_counts"]
    assert doubled["count"].tolist() == [2 * c for c in got["count"].tolist()]
    # an unreadable sums file: the part is read and summed instead
    sums[0].write_bytes(b"not parquet")
    again = P.annotate(articles, ["term_counts"], cache_dir=tmp_path)["term_counts"]
    pd.testing.assert_frame_equal(again, got, check_exact=True)
    # part of a part (two of the five articles): its rows, summed, never the part's sums
    sub = articles.iloc[:2].reset_index(drop=True)
    two = P.annotate(sub, ["term_counts"], cache_dir=tmp_path)
    assert P.last_run["kinds"]["term_counts"]["computed"] == 0
    pd.testing.assert_frame_equal(P.keyness(sub, two["term_counts"]), h.keyness(h.tokens(h.sentences(sub))),
                                  check_exact=True)


def pa_multiply(column, k):
    import pyarrow.compute as pc

    return pc.multiply(column, k)

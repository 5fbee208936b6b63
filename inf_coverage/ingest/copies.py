"""Copy groups: articles that are copies or near-copies of each other (shingles, MinHash,
Jaccard and containment)."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from inf_coverage.ingest.cleaning import clean_text
from inf_coverage.ingest.text import WORD_RE

# ---------------------------------------------------------------------------
# Shingles, MinHash and copy groups
# ---------------------------------------------------------------------------

#: Words per shingle.
SHINGLE_WORDS = 5
#: Two articles are near-duplicates when the Jaccard similarity of their shingle sets is at
#: least ``NEAR_JACCARD``, or when at least ``NEAR_CONTAINMENT`` of the shorter one's
#: shingles are in the longer one (a cut copy) and the shorter has ``MIN_SHINGLES`` or more.
NEAR_JACCARD = 0.5
NEAR_CONTAINMENT = 0.8
MIN_SHINGLES = 20
#: Up to this many articles every pair is compared exactly; above it, MinHash signatures
#: (``MINHASH_PERMUTATIONS`` hash functions, bands of ``LSH_ROWS``) pick the candidate pairs,
#: which are then compared exactly.
EXACT_PAIRS_UP_TO = 300
MINHASH_PERMUTATIONS = 128
LSH_ROWS = 4
_MINHASH_SEED = 20250804
_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
_SHINGLE_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                                 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53,
                                 0x94D049BB133111EB, 0xBF58476D1CE4E5B9], dtype=np.uint64)


def normalised_words(text: str) -> list:
    """The words of a text (``helpers.WORD_RE``) in lower case, curly apostrophes made
    straight: what "the same text" means for duplicates and shingles."""
    return [w.replace("\u2019", "'") for w in WORD_RE.findall(text.lower())]


def text_key(text: str) -> str:
    """SHA-256 of a text's normalised words: equal keys are exact duplicates (same words in
    the same order, whatever the case, punctuation, whitespace or furniture)."""
    return hashlib.sha256(" ".join(normalised_words(text)).encode("utf-8")).hexdigest()


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser on uint64 arrays (wrapping arithmetic)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def shingle_sets(texts) -> list:
    """For each text, the sorted unique 64-bit hashes of its ``SHINGLE_WORDS``-word shingles
    (a text shorter than that: one shingle of all its words; no word: empty). Words are hashed
    with BLAKE2b, so the hashes are the same in every process and on every machine."""
    k = SHINGLE_WORDS
    # text by text, with one hash per distinct word kept: never every word of the corpus at
    # once (a list of word lists for 100,000 articles takes gigabytes)
    known: dict = {}

    def word_hash(w):
        got = known.get(w)
        if got is None:
            got = known[w] = int.from_bytes(hashlib.blake2b(w.encode("utf-8"), digest_size=8).digest(), "little")
        return got

    sets = []
    for text in texts:
        words = normalised_words(text)
        wh = np.fromiter(map(word_hash, words), dtype=np.uint64, count=len(words))
        if len(wh) == 0:
            sets.append(np.empty(0, dtype=np.uint64))
            continue
        span = min(k, len(wh))
        n = len(wh) - span + 1
        acc = np.zeros(n, dtype=np.uint64)
        for j in range(span):
            acc = _mix(acc ^ (wh[j:j + n] * _SHINGLE_MULTIPLIERS[j]))
        sets.append(np.unique(acc))
    return sets


def _minhash(sets) -> np.ndarray:
    """MinHash signatures (n x ``MINHASH_PERMUTATIONS``, uint64) of shingle-hash arrays."""
    rng = np.random.default_rng(_MINHASH_SEED)
    seeds = rng.integers(0, np.iinfo(np.int64).max, MINHASH_PERMUTATIONS, dtype=np.int64).astype(np.uint64)
    sig = np.full((len(sets), MINHASH_PERMUTATIONS), _MASK, dtype=np.uint64)
    for i, s in enumerate(sets):
        if len(s):
            sig[i] = _mix(s[:, None] ^ seeds[None, :]).min(axis=0)
    return sig


def _candidate_pairs(sets, sig=None) -> set:
    """Pairs (i < j) to compare: every pair up to ``EXACT_PAIRS_UP_TO`` articles, else those
    whose MinHash signatures agree on all ``LSH_ROWS`` rows of at least one of the 32 bands
    (locality-sensitive hashing: a pair with Jaccard J is a candidate with probability
    1 - (1 - J^4)^32: 0.87 at 0.5, 0.99 at 0.6, over 0.999 at 0.7, 0.007 at 0.12). Fewer rows
    per band would find more cut copies of low Jaccard, but on a corpus of texts that share
    many sentences (the benchmark's resampled corpus) the candidates grow with the square of
    the corpus; four rows keep them near-linear."""
    n = len(sets)
    if n <= EXACT_PAIRS_UP_TO:
        return {(i, j) for i in range(n) for j in range(i + 1, n)}
    sig = _minhash(sets) if sig is None else sig
    pairs: set = set()
    empty = np.array([len(s) == 0 for s in sets])
    for b in range(0, MINHASH_PERMUTATIONS - LSH_ROWS + 1, LSH_ROWS):
        band = np.zeros(n, dtype=np.uint64)
        for r in range(LSH_ROWS):
            band = _mix(band ^ sig[:, b + r])
        order = np.argsort(band, kind="stable")
        keys = band[order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        ends = np.r_[starts[1:], n]
        for s, e in zip(starts, ends):
            if e - s > 1:
                members = sorted(int(i) for i in order[s:e] if not empty[i])
                pairs.update((members[x], members[y]) for x in range(len(members))
                             for y in range(x + 1, len(members)))
    return pairs


def similar_pairs(sets) -> list:
    """Near-duplicate pairs among shingle sets: (i, j, jaccard, containment) for i < j, in
    order, where jaccard >= ``NEAR_JACCARD`` or containment (shared shingles over the smaller
    set) >= ``NEAR_CONTAINMENT`` with the smaller set holding ``MIN_SHINGLES`` or more."""
    out = []
    sig = _minhash(sets) if len(sets) > EXACT_PAIRS_UP_TO else None
    pairs = sorted(_candidate_pairs(sets, sig))
    if sig is not None and pairs:
        # keep the candidates whose MinHash estimate could reach a threshold (generous margins),
        # so that only those are compared exactly
        idx = np.array(pairs, dtype=np.int64)
        est = np.concatenate([(sig[idx[c:c + 100_000, 0]] == sig[idx[c:c + 100_000, 1]]).mean(axis=1)
                              for c in range(0, len(idx), 100_000)])
        size = np.array([len(x) for x in sets], dtype=np.float64)
        a_n, b_n = size[idx[:, 0]], size[idx[:, 1]]
        cont = est * (a_n + b_n) / (1 + est) / np.maximum(np.minimum(a_n, b_n), 1)
        keep = (est >= NEAR_JACCARD - 0.2) | (cont >= NEAR_CONTAINMENT - 0.25)
        pairs = [p for p, ok in zip(pairs, keep) if ok]
    for i, j in pairs:
        a, b = sets[i], sets[j]
        if not len(a) or not len(b):
            continue
        shared = np.intersect1d(a, b, assume_unique=True).size
        if not shared:
            continue
        jac = shared / (len(a) + len(b) - shared)
        small = min(len(a), len(b))
        cont = shared / small
        if jac >= NEAR_JACCARD or (cont >= NEAR_CONTAINMENT and small >= MIN_SHINGLES):
            out.append((i, j, jac, cont))
    return out


COPY_GROUP_COLUMNS = ["article_id", "copy_group", "group_size", "representative", "linked_to",
                      "jaccard", "containment", "basis"]


def copy_groups(articles: pd.DataFrame, shingle=None) -> pd.DataFrame:  # noqa: C901
    """Copy groups of a corpus: one row per article (in ``articles``' order).

    Articles are joined, transitively, when a person says so in ``articles.csv`` (rows with
    the same non-empty ``copy_group`` label; a row whose ``syndicated_from`` names another
    article_id) or, for rows with no ``copy_group`` label, when their cleaned texts are
    near-duplicates (``similar_pairs``: the same wire story with another lead, cuts or a local
    paragraph). A labelled row is never joined by similarity, so giving an article a label of
    its own keeps it alone. Each group is named after its representative, the member published
    first (undated members last, ties by article_id): ``copy_group`` is that article_id, the
    same whatever order the rows come in, and an article alone is its own group.

    Columns: ``article_id``, ``copy_group``, ``group_size``, ``representative`` (True for the
    one member that stands for the group when outlets are compared), ``linked_to`` (the
    article it was joined to: its most similar partner, or its ``syndicated_from``; "" if
    none), ``jaccard`` and ``containment`` of that link (NaN for a link a person made), and
    ``basis`` ("alone", "near-duplicate", "syndicated_from", "copy_group column").
    Needs ``article_id`` and ``text`` (or ``raw_text``, cleaned here); ``published``,
    ``syndicated_from`` and the labels (``copy_label`` in a table from ``load_corpus``, else
    ``copy_group``) are used when present. ``shingle`` (``pipeline.load_corpus`` spreads the
    work over processes with it) stands in for ``shingle_sets``: given the texts, it returns
    what ``shingle_sets`` returns for them."""
    ids = articles["article_id"].astype(str).tolist()
    n = len(ids)
    if "text" in articles.columns:
        texts = articles["text"].array     # read one text at a time, not copied into a list
    else:
        texts = [clean_text(t)[0] for t in articles["raw_text"]]

    def column(name):
        return [str(v).strip() for v in articles[name]] if name in articles.columns else [""] * n

    # the labels: load_corpus keeps the CSV's copy_group as copy_label (and puts the resolved
    # group in copy_group); a hand-built table has them in copy_group
    labels = column("copy_label" if "copy_label" in articles.columns else "copy_group")
    sources, published = column("syndicated_from"), column("published")
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    link = [("", float("nan"), float("nan"), "alone")] * n
    first_with_label: dict = {}
    for i, label in enumerate(labels):
        if label:
            if label in first_with_label:
                union(first_with_label[label], i)
                link[i] = (ids[first_with_label[label]], float("nan"), float("nan"), "copy_group column")
            else:
                first_with_label[label] = i
    position = {a: i for i, a in enumerate(ids)}
    for i, src in enumerate(sources):
        if src and src in position and src != ids[i]:
            union(i, position[src])
            link[i] = (src, float("nan"), float("nan"), "syndicated_from")
    free = [i for i in range(n) if not labels[i]]
    sets = (shingle or shingle_sets)(texts[i] for i in free)
    best: dict = {}
    for a, b, jac, cont in similar_pairs(sets):
        i, j = free[a], free[b]
        union(i, j)
        for x, y in ((i, j), (j, i)):
            if x not in best or (jac, -position[ids[y]]) > (best[x][1], -position[best[x][0]]):
                best[x] = (ids[y], jac, cont)
    for x, (other, jac, cont) in best.items():
        if link[x][3] == "alone":
            link[x] = (other, jac, cont, "near-duplicate")
    groups: dict = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    rows: list = [None] * n
    for members in groups.values():
        rep = min(members, key=lambda i: (published[i] == "", published[i], ids[i]))
        for i in members:
            other, jac, cont, basis = link[i]
            if len(members) > 1 and basis == "alone":
                basis = "near-duplicate" if other else "copy_group column" if labels[i] else "near-duplicate"
            rows[i] = (ids[i], ids[rep], len(members), i == rep, other, jac, cont,
                       basis if len(members) > 1 else "alone")
    return pd.DataFrame(rows, columns=COPY_GROUP_COLUMNS)

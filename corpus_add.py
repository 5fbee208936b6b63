"""Growing a corpus from saved web pages and plain-text files (``make add``), and finding
copies of one story inside any corpus (``copy_groups``).

``add_articles(paths, corpus_dir=None, force=False, **metadata)`` takes HTML pages (a
browser's "Save page as", a crawler's HTML) and UTF-8 text files and adds each as one article:

- the page's bytes are kept unchanged in the corpus folder's ``raw/`` (column ``raw_file``);
- the article body is extracted offline by trafilatura (pinned in requirements.txt; it is
  given the decoded page and never fetches anything) and written to ``articles/``;
- title, date, author, site name and canonical URL come from the page's metadata as
  trafilatura reads it (JSON-LD, OpenGraph, meta tags, the markup); the language from the
  text itself (``detect_language``) and from what the page declares; ``metadata`` keywords
  (``outlet=``, ``published=`` ...) override all of these; what cannot be established stays
  empty and ``notes`` says why;
- the whole batch is checked before anything is written, and is added **all or none**: one
  refused file refuses the batch, and the error lists every refused file with its reason;
- files go into place through a staging folder and ``articles.csv`` is replaced last, by a
  rename (the commit); an exception before that removes what was placed, and a process
  killed in between leaves ``.add-staging/``, which ``load_corpus`` refuses to read past and
  the next ``add_articles`` (or ``recover``) rolls back.

Copies: an article whose normalised text equals one already in the corpus (or earlier in
the batch) is refused, naming it; a near-duplicate (``NEAR_JACCARD``/``NEAR_CONTAINMENT``
on word 5-shingles) is added and its ``notes`` name the article it copies. ``copy_groups``
puts every corpus's articles into copy groups when ``load_corpus`` runs.

This module imports ``helpers`` only inside functions (``helpers`` imports it at its end).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import fcntl
import hashlib
import io
import json
import os
import shlex
import re
import shutil
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd


def _h():
    import helpers
    return helpers


#: Columns the import may add to ``articles.csv`` (all optional: a corpus without them loads).
#: ``raw_file``: the saved page in ``raw/``; ``author`` and ``site_name``: as the page gives them.
ADDED_COLUMNS = ["raw_file", "author", "site_name"]
#: Optional columns a person fills in to override the computed copy groups.
OVERRIDE_COLUMNS = ["copy_group", "syndicated_from"]
#: Metadata keywords ``add_articles`` accepts (the ``make add`` flags).
METADATA_KEYS = ["outlet", "title", "published", "url", "language", "author", "site_name",
                 "outlet_country", "outlet_type"]

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text"}
#: An extracted body with fewer words than this (its title line not counted) is "no article".
MIN_BODY_WORDS = 25
STAGING = ".add-staging"


# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------

# The WHATWG encoding standard's reading of a few labels (what browsers do): pages that
# say ISO-8859-1 or ASCII are read as windows-1252; a page that says UTF-16 but whose
# <meta> could be read as ASCII is really UTF-8.
_LABEL_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                  "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso_8859-1": "cp1252",
                  "x-cp1251": "cp1251", "x-cp1252": "cp1252", "utf-16": "utf-8", "utf-16le": "utf-8",
                  "utf-16be": "utf-8", "x-user-defined": "cp1252", "unicode": "utf-8"}
_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
_XML_DECL_RE = re.compile(rb"""\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""", re.I)
_HTML_SNIFF_RE = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.I)
#: Bytes of the page searched for a declared charset and for the HTML signature.
PRESCAN_BYTES = 4096


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares: a byte-order mark, an ``<?xml encoding>``, or a
    ``<meta charset>`` / ``<meta http-equiv="Content-Type" content="...; charset=...">``
    in its first ``PRESCAN_BYTES`` bytes; None if it declares none."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:PRESCAN_BYTES]
    m = _XML_DECL_RE.search(head) or _META_CHARSET_RE.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def decode_page(data: bytes, name: str) -> tuple[str, str]:
    """(text, note) of a page: decoded by its declared charset (bytes that charset cannot
    decode become U+FFFD, and the note counts them), else as UTF-8. Raises ``CorpusError``
    naming the file when no charset is declared (or the declared one is unknown) and the
    bytes are not UTF-8."""
    h = _h()
    label = declared_charset(data)
    codec = None
    if label:
        try:
            codec = codecs.lookup(_LABEL_ALIASES.get(label, label)).name
        except LookupError:
            codec = None
    if codec and codec != "utf-8" and not data.isascii():
        # a page that declares a one-byte charset but whose bytes are valid UTF-8 (with
        # characters beyond ASCII) is UTF-8 mislabelled: real windows-1251 or latin-1 text is
        # almost never valid UTF-8, and decoding it as declared would garble every letter
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return text.removeprefix("\ufeff"), (f"decoded as UTF-8: the page declares {label}, but its bytes "
                                                 f"are UTF-8, which {label} would have garbled")
    if codec:
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
        note = f"decoded as {label} (declared by the page)"
        if bad:
            note += f"; {bad} byte sequence(s) that {label} cannot decode were replaced by U+FFFD"
        return text.removeprefix("\ufeff"), note
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        why = f"declares charset {label!r}, which is unknown," if label else "declares no charset"
        raise h.CorpusError(f"{name}: the page {why} and is not UTF-8 ({err.reason} at byte "
                            f"{err.start}: {data[err.start:err.start + 1]!r}); save it as UTF-8 "
                            f"or with its charset declared") from None
    return text.removeprefix("\ufeff"), ("decoded as UTF-8 (the page declares no charset)" if not label
                                         else f"decoded as UTF-8 (the declared charset {label!r} is unknown)")


#: Deepest element nesting read: libxml2, under trafilatura, stops at 256 levels and the page
#: then yields no text, which would be refused for a wrong reason ("no article body").
MAX_NESTING = 250
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})\b[^<>]{0,2000}?(/?)>")
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
#: Elements whose end tag HTML lets a page leave out (<p>, <li>...): not counted as nesting.
_OPTIONAL_END_TAGS = frozenset("p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption "
                               "rb rt rp html head body".split())


def nesting_depth(page: str) -> int:
    """The deepest nesting of elements in an HTML text, read off its tags in one pass (void
    and self-closed elements, and those whose end tag may be left out, do not count; a
    closing tag closes one level)."""
    depth = deepest = 0
    for closing, tag, self_closed in _TAG_RE.findall(page):
        tag = tag.lower()
        if tag in _OPTIONAL_END_TAGS:
            continue
        if closing:
            depth = max(0, depth - 1)
        elif not self_closed and tag not in _VOID_TAGS:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def sniff_kind(data: bytes, suffix: str) -> str | None:
    """``"html"``, ``"text"`` or None (neither): HTML when its first ``PRESCAN_BYTES`` hold
    ``<!doctype html``, ``<html``, ``<head`` or ``<body`` after a ``<`` that opens it; text
    for a ``.txt``/``.text``/suffix-less file with no NUL byte; anything else is neither."""
    head = data[:PRESCAN_BYTES]
    for bom, _ in _BOMS:
        head = head.removeprefix(bom)
    if b"\x00" in head and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if head.lstrip()[:1] == b"<" and _HTML_SNIFF_RE.search(head):
        return "html"
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "text"
    return None


# ---------------------------------------------------------------------------
# Language
# ---------------------------------------------------------------------------

# The most frequent function words of a few languages written in the Latin alphabet; a
# text's language is the list that covers the largest share of its words.
_STOPWORDS = {
    "en": "the of and to in a is that for on it with as was by he be at from his an are have has said not "
          "but this which were its they their or had been would will who after we".split(),
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an "
          "werden aus er hat dass sie nach wird bei einer um am sind noch wie".split(),
    "fr": "de la le et les des en un du une que est pour qui dans par sur pas au plus il ne se sont "
          "avec ce ou mais nous elle été aux cette".split(),
    "es": "de la que el en y a los del se las por un para con no una su al es lo como más pero sus le "
          "ha me si sin sobre este ya entre cuando".split(),
    "it": "di e il la che in a per un è del non le si da una con i sono al della lo ha dei gli come "
          "anche più ma nel alla".split(),
    "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele "
          "das tem à seu sua ou".split(),
    "nl": "de en van het een in is dat op te zijn met voor niet aan er die om ook als bij door maar "
          "naar dan wordt heeft werd nog".split(),
    "pl": "i w na nie z się do że to jest o jak po co ale od za przez jego przy tak już są oraz był "
          "może dla".split(),
}
_STOPSETS = {lang: frozenset(words) for lang, words in _STOPWORDS.items()}
_SCRIPTS = [  # (language, character class) for texts not mostly in the Latin alphabet
    ("uk", re.compile("[іїєґІЇЄҐ]")), ("ru", re.compile("[а-яёА-ЯЁ]")), ("el", re.compile("[\u0370-\u03ff]")),
    ("he", re.compile("[\u0590-\u05ff]")), ("ar", re.compile("[\u0600-\u06ff]")),
    ("ja", re.compile("[\u3040-\u30ff]")), ("zh", re.compile("[\u4e00-\u9fff]")), ("ko", re.compile("[\uac00-\ud7af]")),
]
_LETTER_RE = re.compile(r"[^\W\d_]")
_LANG_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
#: A text needs at least this many words for a stop-word verdict.
MIN_WORDS_FOR_LANGUAGE = 20


def detect_language(text: str) -> tuple[str, str]:
    """(ISO 639-1 code or "", how it was decided) of a text, without any model: the script
    of most of its letters (Cyrillic: ``uk`` if it has Ukrainian-only letters, else ``ru``;
    Greek, Hebrew, Arabic, Japanese kana, Chinese, Korean), else, for the Latin alphabet, the
    language whose commonest function words cover the largest share of its words (English,
    German, French, Spanish, Italian, Portuguese, Dutch, Polish), when that share is at least
    15% and 1.5 times the runner-up's. "" when neither is clear (a short text, a mixture)."""
    letters = _LETTER_RE.findall(text)
    if not letters:
        return "", "no letters"
    n = len(letters)
    cyr = len(_SCRIPTS[1][1].findall(text)) + len(_SCRIPTS[0][1].findall(text))
    if cyr / n > 0.5:
        uk = len(_SCRIPTS[0][1].findall(text))
        return ("uk", "Cyrillic letters, with Ukrainian-only letters") if uk / cyr > 0.01 else \
            ("ru", "Cyrillic letters, no Ukrainian-only letters")
    for lang, pattern in _SCRIPTS[2:]:
        share = len(pattern.findall(text)) / n
        if share > (0.05 if lang == "ja" else 0.5):
            return lang, f"script ({share:.0%} of letters)"
    words = [w.lower().replace("\u2019", "'") for w in _LANG_WORD_RE.findall(text)]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return "", f"too short to tell ({len(words)} words)"
    shares = sorted(((sum(w in stops for w in words) / len(words), lang)
                     for lang, stops in _STOPSETS.items()), reverse=True)
    (best, lang), (second, _) = shares[0], shares[1]
    if best >= 0.15 and best >= 1.5 * second:
        return lang, f"function words ({best:.0%} of {len(words)} words)"
    return "", f"function words inconclusive ({lang} {best:.0%}, runner-up {second:.0%})"


_LANG_ATTR_RES = [
    ("<html lang>", re.compile(r"<html\b[^>]{0,500}?\b(?:xml:)?lang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*", re.I)),
    ("JSON-LD inLanguage", re.compile(r"\"inLanguage\"\s*:\s*\"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\"")),
    ("og:locale", re.compile(r"<meta[^>]{0,300}?property\s*=\s*[\"']og:locale[\"'][^>]{0,300}?content\s*=\s*[\"']([A-Za-z]{2,3})", re.I)),
    ("Content-Language", re.compile(r"<meta[^>]{0,300}?http-equiv\s*=\s*[\"']content-language[\"'][^>]{0,300}?content\s*=\s*[\"']([A-Za-z]{2,3})", re.I)),
]


def declared_language(page: str) -> tuple[str, str]:
    """(primary language subtag, where) the page declares, from ``<html lang>``, JSON-LD
    ``inLanguage``, ``og:locale`` or ``Content-Language``, in that order; ("", "") if none."""
    for where, pattern in _LANG_ATTR_RES:
        m = pattern.search(page, 0, 200_000)
        if m:
            return m.group(1).lower(), where
    return "", ""


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
    return [w.replace("\u2019", "'") for w in _h().WORD_RE.findall(text.lower())]


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
    pairs = set()
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


def copy_groups(articles: pd.DataFrame, shingle=None) -> pd.DataFrame:
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
    h = _h()
    ids = articles["article_id"].astype(str).tolist()
    n = len(ids)
    if "text" in articles.columns:
        texts = articles["text"].array     # read one text at a time, not copied into a list
    else:
        texts = [h.clean_text(t)[0] for t in articles["raw_text"]]

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
    rows = [None] * n
    for members in groups.values():
        rep = min(members, key=lambda i: (published[i] == "", published[i], ids[i]))
        for i in members:
            other, jac, cont, basis = link[i]
            if len(members) > 1 and basis == "alone":
                basis = "near-duplicate" if other else "copy_group column" if labels[i] else "near-duplicate"
            rows[i] = (ids[i], ids[rep], len(members), i == rep, other, jac, cont,
                       basis if len(members) > 1 else "alone")
    return pd.DataFrame(rows, columns=COPY_GROUP_COLUMNS)


# ---------------------------------------------------------------------------
# Ids and file names
# ---------------------------------------------------------------------------

_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i",
    "є": "ye", "ґ": "g", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d",
})
_SLUG_STOP = frozenset("the a an of and in on to for at by as is are was with from its it this that".split())
MAX_ID_LENGTH = 48


def slug_words(value: str) -> list:
    """Lower-case ASCII words of a text (Cyrillic transliterated, accents dropped, any
    other character a separator)."""
    text = unicodedata.normalize("NFKD", value.lower().translate(_TRANSLIT))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", text)


def make_article_id(outlet: str, title: str, body: str, taken) -> str:
    """A readable id for a new article, as the seed ids are made: the outlet's abbreviation
    (initials of a name of several words, "The" dropped; a one-word name in full) and the
    first three content words of its title (else of its body), lower-case ASCII letters,
    digits and hyphens only (``helpers.ARTICLE_ID_RE``), at most ``MAX_ID_LENGTH``
    characters; ``-2``, ``-3`` ... until it is not in ``taken``. It cannot name a path: it has
    no dot, slash or backslash."""
    words = [w for w in slug_words(outlet) if w != "the"] or ["article"]
    abbr = words[0][:16] if len(words) == 1 else "".join(w[0] for w in words)[:8]
    topic = [w for w in slug_words(title or body[:300]) if w not in _SLUG_STOP][:3]
    base = "-".join([abbr] + topic)[:MAX_ID_LENGTH].strip("-") or "article"
    candidate, k = base, 1
    while candidate in taken:
        k += 1
        candidate = f"{base[:MAX_ID_LENGTH - len(str(k)) - 1]}-{k}"
    return candidate


# ---------------------------------------------------------------------------
# Preparing one file
# ---------------------------------------------------------------------------

class Refusal(Exception):
    """One file of a batch that cannot be added (collected; the batch then raises
    ``CorpusError`` listing every refusal)."""


def _http_url(value) -> str:
    value = (value or "").strip()
    return value if re.match(r"https?://[^\s/]+", value, re.I) and not re.search(r"\s", value) else ""


def extract_page(page: str) -> dict:
    """Body and metadata of a decoded HTML page, by trafilatura (offline: it is given the
    text, never a URL to fetch). Keys: text, title, date, author, sitename, url, hostname.
    Comments are left out; the date is the original publication date, and only the page's
    markup and metadata are searched for it (not its running text)."""
    from trafilatura import bare_extraction
    doc = bare_extraction(page, with_metadata=True, include_comments=False, favor_precision=True,
                          date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None:
        return {}
    return {k: (getattr(doc, k, None) or "") for k in
            ["text", "title", "date", "author", "sitename", "url", "hostname"]}


def trafilatura_version() -> str:
    from importlib.metadata import version
    return version("trafilatura")


def prepare(path: Path, flags: dict) -> dict:
    """Everything needed to add one file, or ``Refusal`` naming it. Reads the file, checks
    size and kind, decodes and extracts an HTML page, and fills every column from the flags,
    the page and the text, with the reasons in ``notes``. Nothing is written."""
    h = _h()
    name = str(path)
    if path.is_symlink():
        # the loader refuses links in a corpus; copying the file a link points to (a system
        # file, say) into the corpus as a regular file would get round that refusal
        raise Refusal(f"{name}: a symbolic link; make add copies only regular files (give the file it "
                      f"points to, {_shell_word(os.path.realpath(path))}, if that is the page you mean)")
    if not path.is_file():
        raise Refusal(f"{name}: not a regular file")
    size = path.stat().st_size
    if size > h.MAX_ARTICLE_BYTES:
        raise Refusal(f"{name}: the file is {size:,} bytes, over the limit of {h.MAX_ARTICLE_BYTES:,} "
                      f"bytes (helpers.MAX_ARTICLE_BYTES)")
    try:     # O_NOFOLLOW: a link swapped in since the check above is refused, not followed
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise Refusal(f"{name}: cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as f:
        data = f.read(h.MAX_ARTICLE_BYTES + 1)
    if len(data) > h.MAX_ARTICLE_BYTES:
        raise Refusal(f"{name}: the file grew over the limit of {h.MAX_ARTICLE_BYTES:,} bytes while it was read")
    if not data.strip():
        raise Refusal(f"{name}: the file is empty")
    suffix = path.suffix.lower()
    if b"\x00" in data[:PRESCAN_BYTES] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise Refusal(f"{name}: holds NUL bytes (byte {data.index(0):,}): a binary file, or text saved as "
                      f"UTF-16 without a byte-order mark; save the page as UTF-8 HTML or text")
    kind = sniff_kind(data, suffix)
    if kind is None or (suffix in HTML_SUFFIXES and kind != "html"):
        raise Refusal(f"{name}: not an HTML page (no <!doctype html>, <html>, <head> or <body> in its first "
                      f"{PRESCAN_BYTES:,} bytes)" if suffix in HTML_SUFFIXES else
                      f"{name}: neither an HTML page nor a plain-text file")
    notes = []
    meta = {"raw_file": "", "author": "", "site_name": ""}
    if kind == "html":
        try:
            page, how = decode_page(data, name)
        except h.CorpusError as err:
            raise Refusal(str(err)) from None
        depth = nesting_depth(page)
        if depth > MAX_NESTING:
            raise Refusal(f"{name}: its elements are nested {depth:,} deep, past the {MAX_NESTING} levels the HTML "
                          f"parser reads (a generated or broken page); save the article's own page")
        found = extract_page(page)
        # a direction override in a site name or title shows it reversed (the loader refuses it)
        hidden = sorted({k for k, v in found.items() if isinstance(v, str) and h._BIDI_CONTROL_RE.search(v)})
        if hidden:
            found = {k: h._BIDI_CONTROL_RE.sub("", v) if isinstance(v, str) else v for k, v in found.items()}
            notes.append(f"Removed invisible direction controls from the page's {', '.join(hidden)}.")
        text = found.get("text", "")
        title_line = found.get("title", "")
        body = [ln for ln in text.split("\n") if ln.strip() and ln.strip() != title_line.strip()]
        n_body = len(h.WORD_RE.findall(h.clean_text("\n".join(body))[0]))
        if n_body < MIN_BODY_WORDS:
            raise Refusal(f"{name}: no article body found (trafilatura extracted {n_body} words besides the "
                          f"title; at least {MIN_BODY_WORDS} are needed): a section front, an index, an error "
                          f"or consent page?")
        article_bytes = (text.rstrip("\n") + "\n").encode("utf-8")
        declared, where = declared_language(page)
        notes.append(f"Imported from the saved page {path.name!r}, kept unchanged as raw/{{raw}} ({how}); the "
                     f"text in articles/ is the body trafilatura {trafilatura_version()} extracted from it, "
                     f"comments excluded, unedited.")
        meta.update(raw_suffix=suffix if suffix in HTML_SUFFIXES else ".html", raw_bytes=data,
                    author=found.get("author", ""), site_name=found.get("sitename", ""))
        page_values = {"title": found.get("title", ""), "published": found.get("date", ""),
                       "url": _http_url(found.get("url", "")), "hostname": found.get("hostname", "")}
        if found.get("url") and not page_values["url"]:
            notes.append(f"URL: the page's canonical URL {found['url'][:80]!r} is not an http(s) address, left empty.")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise Refusal(f"{name}: a plain-text file must be UTF-8 (it declares no charset), and this is not "
                          f"({err.reason} at byte {err.start}: {data[err.start:err.start + 1]!r})") from None
        if not h.WORD_RE.search(h.clean_text(text)[0]):
            raise Refusal(f"{name}: no words left after cleaning")
        article_bytes = data
        declared, where = "", ""
        notes.append(f"Imported from the text file {path.name!r}, kept byte for byte in articles/.")
        page_values = {"title": "", "published": "", "url": "", "hostname": ""}
    return dict(source=name, kind=kind, text=text, article_bytes=article_bytes, notes=notes,
                declared=(declared, where), page=page_values, **meta)


def _fill(prep: dict, flags: dict, outlets: pd.DataFrame) -> dict:
    """The ``articles.csv`` row of a prepared file (without article_id and file names), every
    value's origin in ``notes``. Raises ``Refusal`` when no outlet can be established."""
    h = _h()
    name, page, notes = prep["source"], prep["page"], list(prep["notes"])
    html = prep["kind"] == "html"
    row = {}
    given = [k for k in METADATA_KEYS if flags.get(k)]
    # outlet
    if flags.get("outlet"):
        row["outlet"] = flags["outlet"]
    elif prep["site_name"]:
        row["outlet"] = prep["site_name"]
        notes.append("Outlet: the page's site name (og:site_name, JSON-LD publisher or similar).")
    elif page["hostname"]:
        row["outlet"] = page["hostname"]
        notes.append("Outlet: the host name of the page's canonical URL (the page names no site).")
    else:
        raise Refusal(f"{name}: no outlet could be established (the {'page names no site and has no canonical URL' if html else 'text file carries no metadata'}); "
                      f"give it with OUTLET= (outlet=)")
    for col, label in [("title", "Title"), ("published", "Published"), ("url", "URL")]:
        if flags.get(col):
            row[col] = flags[col]
        elif page[col]:
            row[col] = page[col]
            notes.append(f"{label}: from the page's metadata" + (" (the original publication date)" if col == "published" else "") + ".")
        else:
            row[col] = ""
            why = ("not in the page's metadata or markup" if html else "a text file carries no metadata")
            notes.append(f"{label}: {why}; left empty (give it with {col.upper()}=).")
    if row["published"] and h.check_published(row["published"]) and not flags.get("published"):
        notes.append(f"Published: the page's date {row['published']!r} is not accepted "
                     f"({h.check_published(row['published'])}); left empty.")
        row["published"] = ""
    for col in ["author", "site_name"]:
        row[col] = flags.get(col) or prep.get(col, "")
    if html and not row["author"]:
        notes.append("Author: none given by the page; left empty.")
    # language
    detected, how = detect_language(prep["text"])
    declared, where = prep["declared"]
    if flags.get("language"):
        row["language"] = flags["language"]
    elif detected:
        row["language"] = detected
        notes.append(f"Language: {detected}, detected from the text ({how})"
                     + (f"; the page declares {declared!r} ({where})" + ("" if declared == detected else ", which disagrees")
                        if declared else "") + ".")
    elif declared:
        row["language"] = declared
        notes.append(f"Language: {declared}, as the page declares it ({where}); the text alone does not tell ({how}).")
    else:
        row["language"] = ""
        notes.append(f"Language: not established (the text does not tell: {how}; the page declares none); "
                     f"left empty (give it with LANGUAGE=).")
    # outlet country and type: given, else those the corpus already has for this outlet
    for col, label in [("outlet_country", "Country"), ("outlet_type", "Type")]:
        if flags.get(col):
            row[col] = flags[col]
            continue
        known = sorted(set(outlets.loc[outlets.outlet == row["outlet"], col]) - {""}) if len(outlets) else []
        if len(known) == 1:
            row[col] = known[0]
            notes.append(f"{label}: as the corpus's other rows for {row['outlet']!r} have it.")
        else:
            row[col] = ""
            notes.append(f"{label}: our classification, not made by the import; left empty"
                         + (" (the corpus's rows for this outlet disagree)" if len(known) > 1 else "") + ".")
    if given:
        notes.append("Given by the person adding it: " + ", ".join(f"{k}={flags[k]!r}" for k in given) + ".")
    row["notes"] = " ".join(notes)
    return row


# ---------------------------------------------------------------------------
# Writing: staging, journal, commit
# ---------------------------------------------------------------------------

@contextlib.contextmanager
def corpus_lock(folder: Path):
    """An exclusive ``flock`` on the corpus folder itself (no lock file is left behind); a
    second add into the same folder refuses at once."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise _h().CorpusError(f"{folder}: another add into this corpus is running") from None
        yield
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "xb") as f:        # "x": never overwrite
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _place(staged: Path, final: Path) -> None:
    """Put a staged file at ``final``; a hard link fails if ``final`` exists, so nothing is
    ever overwritten, and the file appears whole or not at all."""
    os.link(staged, final)


def _commit_csv(staged: Path, final: Path) -> None:
    """Replace ``articles.csv`` by the staged one: the rename is the commit of an add."""
    os.replace(staged, final)


def recover(folder) -> list:
    """Roll back an add that was interrupted (its ``.add-staging/`` is still there): every
    file its journal lists that ``articles.csv`` does not name is removed, then the staging
    folder. Returns the paths removed. An add that had committed (its rows are in the CSV)
    keeps its files; only the staging folder goes."""
    h = _h()
    folder = Path(folder)
    staging = folder / STAGING
    if not staging.exists():
        return []
    journal = staging / "journal.json"
    planned = json.loads(journal.read_text("utf-8"))["placed"] if journal.is_file() else []
    named: set = set()
    if (folder / "articles.csv").is_file():
        meta = h.read_csv_table(folder / "articles.csv")
        for col, sub in [("file", "articles"), ("raw_file", "raw")]:
            if col in meta.columns:
                named |= {f"{sub}/{v}" for v in meta[col] if v}
    removed = []
    for rel in planned:
        p = folder / rel
        if rel not in named and (p.exists() or p.is_symlink()) and p.parent.parent == folder:
            p.unlink()
            removed.append(p)
    shutil.rmtree(staging)
    for sub in ["raw", "articles"]:
        d = folder / sub
        with contextlib.suppress(OSError):
            if d.is_dir() and not any(d.iterdir()) and f"{sub}/" in "".join(planned) and \
                    not any(r.startswith(f"{sub}/") for r in named):
                d.rmdir()
    return removed


def _csv_bytes(folder: Path, rows: list, columns_needed: list) -> tuple[bytes, list]:
    """The new ``articles.csv``: the old file's bytes with the new rows appended, or, when
    the new rows need a column the old header lacks, every old row rewritten under the wider
    header (cell values unchanged). A new cell that a spreadsheet would run as a formula (a
    page whose site name begins with "=") is written neutralised (``spreadsheet_safe``), as the
    report's own CSVs are. Returns (bytes, columns)."""
    h = _h()
    path = folder / "articles.csv"
    if path.is_file():
        old = path.read_bytes()
        text = old.decode("utf-8")
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        body = text.removeprefix("\ufeff")
        eol = "\r\n" if "\r\n" in body.split("\n", 1)[0] + "\n" else "\n"
        records = list(csv.reader(io.StringIO(body)))
        header = records[0]
        missing = [c for c in columns_needed if c not in header]
        if not missing:
            out = io.StringIO()
            w = csv.writer(out, lineterminator=eol)
            for r in rows:
                w.writerow([h.spreadsheet_safe(r.get(c, "")) for c in header])
            sep = "" if old.endswith(b"\n") or not old else eol
            return old + (sep + out.getvalue()).encode("utf-8"), header
        header = header + missing
        out = io.StringIO()
        w = csv.writer(out, lineterminator=eol)
        w.writerow(header)
        for rec in records[1:]:
            if rec:
                w.writerow(rec + [""] * (len(header) - len(rec)))
        for r in rows:
            w.writerow([h.spreadsheet_safe(r.get(c, "")) for c in header])
        return (bom + out.getvalue()).encode("utf-8"), header
    header = list(h.REQUIRED_COLUMNS) + [c for c in ADDED_COLUMNS if c in columns_needed]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([h.spreadsheet_safe(r.get(c, "")) for c in header])
    return out.getvalue().encode("utf-8"), header


def _write_batch(folder: Path, records: list) -> None:
    """Write the prepared records: stage every file and the new CSV, journal the final
    paths, place the files (never overwriting), then replace ``articles.csv`` (the commit).
    Any exception before the commit removes what was placed: the corpus is as it was."""
    created = [d for d in [folder, folder / "articles", folder / "raw"] if not d.exists()]
    needed = [c for c in ADDED_COLUMNS if any(r.get(c) for r in records)]
    staging = folder / STAGING
    placed: list = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
        csv_data, _ = _csv_bytes(folder, records, needed)
        plan = []
        for r in records:
            plan.append((r["article_bytes"], f"articles/{r['file']}"))
            if r.get("raw_file"):
                plan.append((r["raw_bytes"], f"raw/{r['raw_file']}"))
        journal = {"placed": [rel for _, rel in plan]}
        _write_file(staging / "journal.json", json.dumps(journal).encode("utf-8"))
        for k, (data, rel) in enumerate(plan):
            _write_file(staging / f"{k}.part", data)
        _write_file(staging / "articles.csv", csv_data)
        _fsync_dir(staging)
        for sub in ["articles", "raw"]:
            if any(rel.startswith(sub + "/") for _, rel in plan):
                (folder / sub).mkdir(exist_ok=True)
        for k, (_, rel) in enumerate(plan):
            _place(staging / f"{k}.part", folder / rel)
            placed.append(folder / rel)
        for sub in ["articles", "raw"]:
            if (folder / sub).is_dir():
                _fsync_dir(folder / sub)
        _commit_csv(staging / "articles.csv", folder / "articles.csv")
        _fsync_dir(folder)
    except BaseException:
        for p in reversed(placed):
            with contextlib.suppress(OSError):
                p.unlink()
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        for d in reversed(created):
            with contextlib.suppress(OSError):
                d.rmdir()
        raise
    shutil.rmtree(staging)
    with contextlib.suppress(OSError):
        if created and (folder / "raw") in created and not any((folder / "raw").iterdir()):
            (folder / "raw").rmdir()


# ---------------------------------------------------------------------------
# The batch
# ---------------------------------------------------------------------------

def collect_paths(paths) -> tuple[list, list]:
    """(files to add, entries skipped with why) from files and folders: a file named is
    always read; a folder gives its files whose names end in .html, .htm, .xhtml, .shtml,
    .txt or .text, not its sub-folders (a browser's "Save page as" puts the page's images and
    scripts in a ``NAME_files/`` folder beside it) and not hidden files."""
    files, skipped = [], []
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in map(Path, paths):
        if p.is_dir():
            for e in sorted(p.iterdir(), key=lambda e: e.name):
                if e.name.startswith("."):
                    skipped.append((e, "hidden"))
                elif e.is_dir():
                    skipped.append((e, "a folder (its files are not read)"))
                elif e.suffix.lower() in HTML_SUFFIXES | TEXT_SUFFIXES:
                    files.append(e)
                else:
                    skipped.append((e, "not .html, .htm, .xhtml, .shtml, .txt or .text"))
        else:
            files.append(p)
    return files, skipped


ADDED_REPORT_COLUMNS = ["article_id", "source", "file", "raw_file", "outlet", "title", "published",
                        "language", "near_duplicate_of", "jaccard", "containment"]


def _shell_word(path) -> str:
    """``path`` as one word a shell reads back unchanged (for commands quoted in messages)."""
    return shlex.quote(str(path))


def add_articles(paths, corpus_dir=None, force: bool = False, **metadata) -> pd.DataFrame:
    """Add saved web pages and plain-text files to a corpus folder; returns one row per
    added article (``ADDED_REPORT_COLUMNS``; ``.attrs["skipped"]`` lists folder entries not
    read).

    ``paths``: a file, a folder, or a list of them (``collect_paths``). ``corpus_dir``: the
    folder (default ``$CORPUS_DIR``, else the repo's ``corpus/``); one that does not exist yet
    is created as a new corpus (the repo's registries are used for it). ``metadata``: values
    for every added article, overriding the page (``outlet``, ``title``, ``published``,
    ``url``, ``language``, ``author``, ``site_name``, ``outlet_country``, ``outlet_type``).
    ``force``: allow adding to the seed corpus (recognised by its fingerprint), which the
    tests compare the seed notebooks against.

    All or none: every file is read, decoded, extracted, described and compared with the
    corpus and the rest of the batch before anything is written, and one refused file
    refuses the batch, with a ``CorpusError`` that lists every refused file and why (not
    HTML nor text, over ``helpers.MAX_ARTICLE_BYTES``, undeclared charset and not UTF-8, no
    article body, no outlet, an exact duplicate of an article in the corpus or the batch,
    which it names). Near-duplicates are added, their ``notes`` naming the article they
    copy. A previous add that was interrupted is rolled back first (``recover``)."""
    h = _h()
    unknown = sorted(set(metadata) - set(METADATA_KEYS))
    if unknown:
        raise TypeError(f"add_articles: unknown metadata {', '.join(unknown)} (known: {', '.join(METADATA_KEYS)})")
    flags = {k: str(v).strip() for k, v in metadata.items() if v is not None and str(v).strip()}
    if flags.get("published") and h.check_published(flags["published"]):
        raise h.CorpusError(f"PUBLISHED={flags['published']!r}: {h.check_published(flags['published'])}")
    if flags.get("url") and not _http_url(flags["url"]):
        raise h.CorpusError(f"URL={flags['url']!r}: not an http(s) address")
    if flags.get("language") and not re.fullmatch(r"[a-z]{2,3}", flags["language"]):
        raise h.CorpusError(f"LANGUAGE={flags['language']!r}: give an ISO 639-1 code such as en or ru")
    folder = h.corpus_dir(corpus_dir)
    files, skipped = collect_paths(paths)
    if not files:
        raise h.CorpusError(f"{', '.join(map(str, [paths] if isinstance(paths, (str, os.PathLike)) else paths))}: "
                            f"no file to add")
    if folder.exists() and not folder.is_dir():
        raise h.CorpusError(f"{folder}: not a folder")
    exists = folder.exists()
    if exists and not (folder / "articles.csv").exists():
        others = sorted(p.name for p in folder.iterdir())
        if others:
            raise h.CorpusError(
                f"{folder}: not a corpus (no articles.csv) and not empty ({len(others)} entries, e.g. "
                f"{', '.join(others[:3])}); make add creates a corpus only in a new or empty folder, so that "
                f"nothing of yours is mixed into it. Give CORPUS_DIR= a new folder name")
    from findings import SEED_FINGERPRINT
    # Only the repo's own corpus/ is protected (the tests compare the seed notebooks' outputs on
    # it). A copy elsewhere, with the seed's fingerprint, is the documented way to analyse the
    # seed plus your own articles, so it is accepted.
    if exists and not force and folder.resolve() == h.DEFAULT_CORPUS_DIR.resolve() \
            and (folder / "articles.csv").is_file() and h.corpus_fingerprint(folder) == SEED_FINGERPRINT:
        raise h.CorpusError(
            f"{folder}: this is the repo's seed corpus, whose notebook outputs the tests compare. Add to a "
            f"copy instead: `cp -r corpus my-corpus && make add SRC={_shell_word(files[0])} CORPUS_DIR=my-corpus`, "
            f"then `CORPUS_DIR=my-corpus make report` (or force it with FORCE=1)")
    lock_target = folder
    while not lock_target.exists():      # a new corpus: lock the nearest folder that exists
        lock_target = lock_target.parent
    with corpus_lock(lock_target):
        recover(folder)
        if (folder / "articles.csv").is_file():
            existing = h.load_corpus(folder)
        else:
            if exists and any(folder.iterdir()) and (folder / "articles").exists():
                raise h.CorpusError(f"{folder}: has articles/ but no articles.csv; not a corpus folder to add to")
            existing = pd.DataFrame(columns=["article_id", "file", "raw_file", "outlet", "outlet_country",
                                             "outlet_type", "text"])
        refusals, prepared = [], []
        for path in files:
            try:
                prepared.append(prepare(path, flags))
            except Refusal as err:
                refusals.append(str(err))
        taken_ids = set(existing["article_id"])
        taken_files = set(existing["file"]) | (set(existing["raw_file"]) if "raw_file" in existing.columns else set())
        for sub in ["articles", "raw"]:
            if (folder / sub).is_dir():
                taken_files |= set(os.listdir(folder / sub))
        keys = {text_key(t): a for a, t in zip(existing["article_id"], existing["text"])}
        records = []
        for prep in prepared:
            try:
                row = _fill(prep, flags, existing)
            except Refusal as err:
                refusals.append(str(err))
                continue
            clean = h.clean_text(prep["text"])[0]
            key = text_key(clean)
            if key in keys:
                other = keys[key]
                refusals.append(f"{prep['source']}: an exact duplicate of "
                                + (f"article {other!r} already in the corpus" if not other.startswith("\0")
                                   else f"{other[1:]}, earlier in this batch")
                                + " (the same words in the same order)")
                continue
            aid = make_article_id(row["outlet"], row["title"], clean, taken_ids | taken_files)
            while f"{aid}.txt" in taken_files or f"{aid}{prep.get('raw_suffix', '.html')}" in taken_files:
                aid = make_article_id(row["outlet"], row["title"], clean, taken_ids | taken_files | {aid})
                taken_ids.add(aid)
            taken_ids.add(aid)
            keys[key] = "\0" + prep["source"]
            row.update(article_id=aid, file=f"{aid}.txt", text=clean, source=prep["source"],
                       article_bytes=prep["article_bytes"])
            if prep["kind"] == "html":
                row.update(raw_file=f"{aid}{prep['raw_suffix']}", raw_bytes=prep["raw_bytes"])
                row["notes"] = row["notes"].replace("{raw}", row["raw_file"])
            else:
                row["raw_file"] = ""
            taken_files |= {row["file"], row["raw_file"]} - {""}
            records.append(row)
        if refusals:
            raise h.CorpusError(f"nothing was added to {folder}: {len(refusals)} of {len(files)} file(s) refused "
                                f"(a batch is added whole or not at all):\n  " + "\n  ".join(refusals))
        # near-duplicates, against the corpus and earlier files of the batch
        all_ids = list(existing["article_id"]) + [r["article_id"] for r in records]
        sets = shingle_sets(list(existing["text"]) + [r["text"] for r in records])
        n_old = len(existing)
        best: dict = {}
        for i, j, jac, cont in similar_pairs(sets):
            if j >= n_old and (j not in best or jac > best[j][1]):
                best[j] = (all_ids[i], jac, cont)
        for k, r in enumerate(records):
            other, jac, cont = best.get(n_old + k, ("", float("nan"), float("nan")))
            r.update(near_duplicate_of=other, jaccard=jac, containment=cont)
            if other:
                r["notes"] += (f" Near-duplicate of {other!r} (Jaccard {jac:.2f}, containment {cont:.2f} on "
                               f"{SHINGLE_WORDS}-word shingles): counted in its copy group (helpers.copy_groups).")
        _write_batch(folder, records)
    report = pd.DataFrame([{c: r.get(c, "") for c in ADDED_REPORT_COLUMNS} for r in records],
                          columns=ADDED_REPORT_COLUMNS)
    report.attrs["skipped"] = [(str(p), why) for p, why in skipped]
    return report

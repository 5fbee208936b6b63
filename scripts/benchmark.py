"""Speed and memory of the helpers on a synthetic corpus (``make benchmark``).

Builds a corpus of N articles (default 10,000) by resampling the seed corpus's
sentences with a fixed seed: each synthetic article is 8-40 random cleaned
sentences in paragraphs, and every fourth one also carries page furniture taken from
the seed audit (a caption, a link list, a donation appeal), so cleaning has work to
do. It then times each step on the whole corpus and prints words per second (one
process, one core) and the process's peak memory. With ``--sizes`` it repeats the
run at several corpus sizes in fresh processes to show how memory grows.

This is a measurement, not a test: the targets it prints are the README's. With
``--add [PAGES]`` it times ``make add`` of 1,000 saved pages made from tests/fixtures/web. With
``--hostile`` it instead times ``clean_text`` on 1 MB hostile texts (``HOSTILE_CLEANING``),
which shows that cleaning is linear in the text.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import helpers as h  # noqa: E402

SEED = 20250804


def build_corpus(folder: Path, n_articles: int) -> None:
    """Write a synthetic corpus of ``n_articles`` into ``folder``."""
    seed = h.load_corpus(h.DEFAULT_CORPUS_DIR)
    pool = list(h.sentences(seed).text)
    furniture = list(h.removed_spans(seed).query("kind == 'furniture'").removed)
    rng = random.Random(SEED)
    (folder / "articles").mkdir(parents=True)
    rows = ["article_id,file,outlet,title,published,url,outlet_country,outlet_type,language,notes"]
    outlets = sorted(set(seed.outlet))
    for i in range(n_articles):
        sents = rng.choices(pool, k=rng.randint(8, 40))
        paras, k = [], 0
        while k < len(sents):
            step = rng.randint(1, 4)
            paras.append(" ".join(sents[k:k + step]))
            k += step
        if i % 4 == 0:
            paras.insert(rng.randint(0, len(paras)), rng.choice(furniture))
        name = f"{i:05d}.txt"
        (folder / "articles" / name).write_text("\n".join(paras) + "\n", encoding="utf-8")
        rows.append(f"syn-{i:05d},{name},{outlets[i % len(outlets)]},,2025-08-05,,,digital,en,synthetic")
    (folder / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def timed(fn, *args):
    gc.collect()
    t0 = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - t0


def read_all(folder: Path):
    meta = h.read_metadata(folder)
    return [h.read_article(folder / "articles" / name) for name in meta.file]


def split_all(texts):
    h._sentence_spans.cache_clear()
    return [h._sentence_spans(t) for t in texts]


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n_articles: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        build_corpus(folder, n_articles)
        rss_before = peak_rss_mib()
        raw, t_read = timed(read_all, folder)
        cleaned, t_clean = timed(lambda rs: [h.clean_text(r)[0] for r in rs], raw)
        n_words = sum(len(h.WORD_RE.findall(t)) for t in cleaned)
        _, t_split = timed(split_all, cleaned)
        h._sentence_spans.cache_clear()
        articles, t_load = timed(h.load_corpus, folder)
        _, t_groups = timed(h.copy_groups, articles)
        sents, t_sents = timed(h.sentences, articles)
        toks, t_tokens = timed(h.tokens, sents)
        figures = h.load_figures(h.DEFAULT_CORPUS_DIR / "figures.csv")
        _, t_mentions = timed(h.figure_mentions, sents, figures)
        _, t_discover = timed(h.discover_names, sents, figures)
        _, t_quotes = timed(h.quotes, articles, figures)
        _, t_frames = timed(h.frame_hits, sents)
        _, t_keyness = timed(h.keyness, toks)
        _, t_ranges = timed(h.range_claims, sents)
        _, t_events = timed(h.event_claims, sents, articles)
        voice = h.sentence_voice(sents, h.quotes(articles, figures))
        texts = sents["text"].tolist()
        polarity = h.vader().polarity_scores
        _, t_bare_vader = timed(lambda ts: [polarity(t) for t in ts], texts)
        _, t_sentiment = timed(h.sentiment, sents, voice)
        print(f"synthetic corpus: {n_articles:,} articles, {n_words:,} words, "
              f"{len(sents):,} sentences, {len(toks):,} tokens")
        steps = [
            ("read + validate", t_read, None),
            ("clean", t_clean, None),
            ("split sentences (Punkt)", t_split, None),
            ("load_corpus (all of the above)", t_load, None),
            ("  of which copy_groups (MinHash)", t_groups, None),
            ("sentences() table", t_sents, None),
            ("tokens() table", t_tokens, None),
            ("corpus: load_corpus+sentences+tokens", t_load + t_sents + t_tokens, 300_000),
            ("figure_mentions", t_mentions, None),
            ("discover_names", t_discover, None),
            ("figures: mentions + discovery", t_mentions + t_discover, 500_000),
            ("quotes", t_quotes, None),
            ("frame_hits", t_frames, None),
            ("keyness", t_keyness, None),
            ("framing: quotes + frames + keyness", t_quotes + t_frames + t_keyness, 200_000),
            ("range_claims", t_ranges, None),
            ("event_claims", t_events, None),
            ("facts: ranges + events", t_ranges + t_events, 500_000),
            ("bare VADER (polarity_scores loop)", t_bare_vader, None),
            ("sentiment()", t_sentiment, None),
        ]
        for name, secs, target in steps:
            goal = f"   (target >= {target:,})" if target else ""
            print(f"  {name:<38} {secs:7.2f} s  {n_words / secs:>12,.0f} words/s{goal}")
        print(f"  sentiment() runs at {t_bare_vader / t_sentiment:.0%} of bare VADER's speed (target >= 80%)")
        print(f"  peak memory: {peak_rss_mib():,.0f} MiB (process), "
              f"{peak_rss_mib() - rss_before:,.0f} MiB above the state before loading")


#: 1 MB texts built to make a cleaning rule slow if it backtracked or rescanned: runs of
#: quotation marks, dashes, digits, "said" and capitalised words, and lines that look like
#: each kind of web-copy furniture (buttons, print dates, bylines, datelines, captions).
HOSTILE_CLEANING = {
    "quotation marks": '"' * 1_000_000,
    "dashes": "-" * 1_000_000,
    "digits": "7" * 1_000_000,
    '"said"': "said " * 200_000,
    "capitalised words": "Moscow Kyiv " * 83_000,
    "button lines": "Share\n" * 166_000,
    "print-date lines": "Published August 5, 2025\n" * 40_000,
    "byline pieces": "By Ann Lee | " * 77_000,
    "dateline pieces": "MOSCOW, Aug 5 (" * 66_000,
    "navigation, one line": "Home | " * 143_000 + "\n",
    "caption with initials": "Photo: " + "A." * 500_000,
    "read-more lines": "Read more: x\n" * 77_000,
    "capital lines": "MOSCOW KYIV BERLIN PARIS\n" * 40_000,
    "brackets": "[" * 1_000_000,
}


#: The fixture pages the ``--add`` benchmark makes its pages from (their markup, furniture,
#: scripts and metadata), each with a new body of resampled seed sentences.
ADD_TEMPLATES = ["news_page.html", "wire_story.html", "latin1_page.html"]


def build_pages(folder: Path, n_pages: int) -> None:
    """Write ``n_pages`` saved pages into ``folder``: a fixture page of tests/fixtures/web with
    its article paragraphs replaced by 8-40 resampled seed sentences, its title, site name and
    date varied (fixed seed), so that no two pages are the same text."""
    import re
    web = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "web"
    pool = list(h.sentences(h.load_corpus(h.DEFAULT_CORPUS_DIR)).text)
    rng = random.Random(SEED)
    folder.mkdir(parents=True)
    templates = []
    for name in ADD_TEMPLATES:
        data = (web / name).read_bytes()
        charset = "cp1252" if name.startswith("latin1") else "utf-8"
        page = data.decode(charset)
        paras = list(re.finditer(r"<p>(?!Advertisement)[^<]{120,}</p>", page))
        templates.append((page, charset, paras[0].start(), paras[-1].end()))
    for i in range(n_pages):
        page, charset, start, end = templates[i % len(templates)]
        sents = rng.choices(pool, k=rng.randint(8, 40))
        body = "\n".join(f"<p>{' '.join(sents[k:k + 3])}</p>" for k in range(0, len(sents), 3))
        outlet = f"Outlet {i % 50:02d}"
        text = (page[:start] + body + page[end:]).replace("Northline Post", outlet) \
            .replace("Daily Aggregate", outlet).replace("Rhine Courier", outlet) \
            .replace("2025-08-05", f"2025-08-{4 + i % 9:02d}").replace("2025-08-04", f"2025-08-{4 + i % 9:02d}") \
            .replace("Russia drops its pause", f"Story {i} on the missile pause")
        (folder / f"page{i:05d}.html").write_bytes(text.encode(charset, errors="replace"))


def add_benchmark(n_pages: int) -> None:
    """Time ``make add`` (``corpus_add.add_articles``) of ``n_pages`` pages into a new corpus,
    in one batch, then ``load_corpus`` of the result (copy groups included)."""
    import corpus_add
    with tempfile.TemporaryDirectory() as tmp:
        pages, corpus = Path(tmp) / "pages", Path(tmp) / "corpus"
        build_pages(pages, n_pages)
        size = sum(p.stat().st_size for p in pages.iterdir())
        rss_before = peak_rss_mib()
        t0 = time.perf_counter()
        extracted = [corpus_add.extract_page(p.read_bytes().decode("cp1252" if i % 3 == 2 else "utf-8"))
                     for i, p in enumerate(sorted(pages.iterdir())[:100])]
        t_extract = (time.perf_counter() - t0) / len(extracted) * n_pages
        added, t_add = timed(corpus_add.add_articles, pages, corpus)
        rss_add = peak_rss_mib()
        articles, t_load = timed(h.load_corpus, corpus)
        groups, t_groups = timed(h.copy_groups, articles)
        print(f"{n_pages:,} saved pages ({size / 2**20:.1f} MiB) made from {', '.join(ADD_TEMPLATES)}")
        print(f"  trafilatura extraction alone (first {len(extracted)}, scaled)  {t_extract:7.2f} s")
        print(f"  add_articles, one batch into a new corpus         {t_add:7.2f} s  {n_pages / t_add:8.1f} pages/s")
        print(f"  load_corpus of the grown corpus                   {t_load:7.2f} s  ({len(articles):,} articles, "
              f"{int((groups.group_size > 1).sum())} in copy groups, {articles.n_words.sum():,} words)")
        print(f"  copy_groups alone (MinHash above {corpus_add.EXACT_PAIRS_UP_TO} articles)  {t_groups:7.2f} s")
        print(f"  peak memory: {rss_add - rss_before:,.0f} MiB above the state before the add "
              f"({peak_rss_mib():,.0f} MiB process)")


def hostile_cleaning() -> None:
    """Time ``clean_text`` on each 1 MB hostile text (the issue's bound: under 5 s each)."""
    for name, text in HOSTILE_CLEANING.items():
        _, secs = timed(h.clean_text, text)
        print(f"  clean_text, 1 MB of {name:<24} {secs:6.2f} s")


# -- Hostile text for the facts extractors ------------------------------------
# One "sentence" of 1 MB (the worst case: nothing splits it) of digits, dashes, month
# and weekday names, relative dates, distances and designations, given straight to
# event_claims, range_claims and system_mentions. Each is also timed on half the text:
# a ratio near 2 (not 4) shows time linear in the length. Target: under 5 s per helper.
HOSTILE_FACTS = {
    "digit run": lambda n: "5" * (n - 3) + " km",
    "digits and dashes": lambda n: _repeat("12-34-5,678-9 2019-2020 -- ", n),
    "dates": lambda n: _repeat("June 28, 2020 5 Aug Monday last week Nov. 21 2019-2020 later this year ", n),
    "month names": lambda n: _repeat("August September May March ", n),
    "anchors and dates": lambda n: _repeat("signed in 1987 withdrew in 2019, Germany deployments from 2026 ", n),
    "distances": lambda n: _repeat("500-5,500 km 310 to 3,420 miles (500 to 5,500 km) between 1 and ", n),
    "space runs": lambda n: _repeat("500   -   5,500    km   ", n),
    "class words": lambda n: "intermediate and " + "a" * (n - 30) + "-range",
    "designations": lambda n: _repeat("Typhoon Typhoons Iskanders SM-6s (9M729/SSC-8) missile ", n),
}


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def hostile_facts(size: int = 1_000_000) -> None:
    import pandas as pd
    articles = pd.DataFrame({"article_id": ["x"], "published": ["2025-08-05"]})
    helpers = [("event_claims", lambda s: h.event_claims(s, articles)),
               ("range_claims", h.range_claims), ("system_mentions", h.system_mentions)]
    print(f"facts extractors on one hostile sentence of {size:,} characters (target < 5 s each; "
          "ratio = time / time on half the text, ~2 when linear):")
    worst = 0.0
    for name, make in HOSTILE_FACTS.items():
        for fname, fn in helpers:
            secs = {}
            for n in (size // 2, size):
                text = make(n)
                sents = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "sentence_id": [1],
                                      "paragraph_id": [1], "start": [0], "end": [len(text)], "text": [text]})
                _, secs[n] = timed(fn, sents)
            worst = max(worst, secs[size])
            ratio = secs[size] / secs[size // 2] if secs[size // 2] > 0.01 else float("nan")
            print(f"  {name:<20} {fname:<16} {secs[size]:6.2f} s   ratio {ratio:4.1f}")
    print(f"  slowest: {worst:.2f} s ({'under' if worst < 5 else 'OVER'} the 5 s target)")


# -- Hostile text for the speech and name extractors ----------------------------
HOSTILE_SPEECH = {
    '"said"': lambda n: _repeat("said ", n),
    "straight quotation marks": lambda n: '"' * n,
    "curly quotation marks": lambda n: "\u201c" * n,
    "one-word quotations": lambda n: _repeat('"a" ', n),
    "capitalised words": lambda n: _repeat("Putin Said Moscow Analysts ", n),
    "attributions": lambda n: _repeat('He said "x," Putin told reporters that Ann Lee of the Centre for Y said ', n),
    "dashes": lambda n: "-" * n,
}


def hostile_speech(size: int = 1_000_000) -> None:
    """quotes, sentence_voice, figure_mentions, discover_names and blame_statements on one
    hostile "sentence" of ``size`` characters, and on half of it (ratio ~2 when linear)."""
    import pandas as pd
    print(f"speech and name extractors on one hostile text of {size:,} characters (target < 5 s each):")
    worst = 0.0
    for name, make in HOSTILE_SPEECH.items():
        secs = {}
        for n in (size // 2, size):
            arts = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "text": [make(n)]})
            sents = h.sentences(arts)
            quotes, t_quotes = timed(h.quotes, arts)
            voice, t_voice = timed(h.sentence_voice, sents, quotes)
            _, t_mentions = timed(h.figure_mentions, sents)
            _, t_names = timed(h.discover_names, sents)
            _, t_blame = timed(h.blame_statements, sents, voice)
            secs[n] = {"quotes": t_quotes, "sentence_voice": t_voice, "figure_mentions": t_mentions,
                       "discover_names": t_names, "blame_statements": t_blame}
        for fname, t in secs[size].items():
            worst = max(worst, t)
            half = secs[size // 2][fname]
            ratio = t / half if half > 0.01 else float("nan")
            print(f"  {name:<26} {fname:<17} {t:6.2f} s   ratio {ratio:4.1f}")
    print(f"  slowest: {worst:.2f} s ({'under' if worst < 5 else 'OVER'} the 5 s target)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--sizes", type=int, nargs="*",
                        help="run once per size, each in a fresh process (memory growth)")
    parser.add_argument("--hostile", action="store_true",
                        help="only time cleaning and every extractor on 1 MB hostile texts (linear time)")
    parser.add_argument("--facts-hostile", action="store_true",
                        help="only time the facts extractors on 1 MB of hostile text")
    parser.add_argument("--add", type=int, nargs="?", const=1000, metavar="PAGES",
                        help="time make add of PAGES saved pages (default 1,000) made from the web fixtures")
    args = parser.parse_args(argv)
    if args.add:
        add_benchmark(args.add)
        return 0
    if args.hostile:
        hostile_cleaning()
        hostile_speech()
        hostile_facts()
        return 0
    if args.facts_hostile:
        hostile_facts()
        return 0
    if args.sizes:
        for n in args.sizes:
            subprocess.run([sys.executable, __file__, "--articles", str(n)], check=True)
        return 0
    run(args.articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The corpus sweep: the report builds on varied valid corpora a user could bring
(scripts/make_corpora.py writes them, seeded), not just on the corpora the rules were written on.

For every corpus the build must exit 0 within a time bound proportional to its size, and every
page must read as a page: no traceback, no table that is a header over no rows, no chart with
no marks (each of those says so in a sentence instead). Three kinds run in `make test`; the
others, the 300-article corpus among them, are marked ``sweep``: `make test` leaves them out
(a minute each on two cores) and `.ci/run` runs them with `make sweep`."""

import os
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import make_corpora as mc
import pytest

import helpers as h

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "scripts" / "build_report.py"
SECONDS_FIXED, SECONDS_PER_ARTICLE = 420, 3   # the bound: generous on two busy cores


class Tables(HTMLParser):
    """Counts tables with no body row, and collects the visible text."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.empty, self.rows, self.in_body, self.text = 0, [], False, []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.rows.append(0)
        elif tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body and self.rows:
            self.rows[-1] += 1

    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_body = False
        elif tag == "table" and self.rows:
            self.empty += self.rows.pop() == 0

    def handle_data(self, data):
        self.text.append(data)


def _size(folder: Path) -> int:
    return sum(1 for _ in (folder / "articles").iterdir())


def build_on(kind: str, tmp_path: Path):
    corpus = mc.make_corpus(kind, tmp_path / "corpus")
    out = tmp_path / "report"
    env = dict(os.environ, CORPUS_DIR=str(corpus), INF_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("REPORT_DIR", None)
    bound = SECONDS_FIXED + SECONDS_PER_ARTICLE * _size(corpus)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, str(BUILD), "--out", str(out)], env=env, capture_output=True,
                          text=True, timeout=bound)
    return corpus, out, proc, time.monotonic() - started


def check_report(kind, out: Path, proc):
    assert proc.returncode == 0, f"{kind}: the report failed\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    pages = sorted(out.glob("*.html"))
    notebooks = sorted(p.stem + ".html" for p in (REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert [p.name for p in pages] == sorted(notebooks + ["index.html", "summary.html"])   # every notebook's page
    for page in pages:
        parsed = Tables(page.read_text(encoding="utf-8"))
        text = "".join(parsed.text)
        assert "Traceback" not in text, f"{kind}/{page.name}: a traceback is shown"
        assert parsed.empty == 0, f"{kind}/{page.name}: {parsed.empty} table(s) with a header and no rows"


# In `make test`: the corpus a user met the crash on (the seed plus one hard-wrapped article),
# wire copy and an undated corpus. The rest (a minute each) run in `.ci/run` through `make sweep`.
IN_MAKE_TEST = ["seed-plus-one", "wire-copy", "undated"]
SWEEP = [pytest.param(k, marks=pytest.mark.sweep) for k in mc.KINDS if k not in IN_MAKE_TEST]


@pytest.mark.parametrize("kind", IN_MAKE_TEST + SWEEP)
def test_the_report_builds_on_every_kind_of_corpus(kind, tmp_path):
    _, out, proc, _ = build_on(kind, tmp_path)
    check_report(kind, out, proc)


def test_the_generator_writes_valid_corpora_of_the_kinds_it_names(tmp_path):
    """Each kind is what its name says (checked on the loaded corpus, not on the generator's
    intentions), and the same seed writes the same bytes."""
    loaded = {k: h.load_corpus(mc.make_corpus(k, tmp_path / k)) for k in mc.KINDS}
    assert len(loaded["one-article"]) == 1 and len(loaded["many-articles"]) == 300
    assert (loaded["undated"].published == "").all()
    assert set(loaded["other-years"].published.str[:4]) == {"2019", "2024"}
    assert set(loaded["non-english"].language) == {"de", "fr", "ru"}
    assert all(h.is_hard_wrapped(raw) for raw in loaded["wire-copy"].raw_text)
    assert (loaded["minimal-metadata"][["title", "url", "outlet_country", "outlet_type", "language"]] == "").all().all()
    seed_ids = set(h.load_corpus(h.DEFAULT_CORPUS_DIR).article_id)
    assert set(loaded["seed-plus-one"].article_id) == seed_ids | {"added-wire"}
    assert not (tmp_path / "stale-names-gold" / "annotations").exists()
    assert h.names_gold(tmp_path / "stale-names-gold" / "names_gold.csv", loaded["stale-names-gold"])["covered"] == []
    assert sorted(p.name for p in (tmp_path / "partial-annotations" / "annotations").iterdir()) == ["quotes.csv", "voice.csv"]
    quotes = h.quotes(loaded["no-quotes"])
    assert quotes[quotes.kind.isin(["direct", "mixed"])].empty
    again = mc.make_corpus("web-pages", tmp_path / "again")
    assert [p.read_bytes() for p in sorted((again / "articles").iterdir())] == \
           [p.read_bytes() for p in sorted((tmp_path / "web-pages" / "articles").iterdir())]

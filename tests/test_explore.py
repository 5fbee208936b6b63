"""`make explore` (issue 24, item 5): notebooks/06-explore.ipynb run with papermill on a
reader's parameters, on the seed corpus. The expected values were counted by hand on the
article texts (see each comment); a bad parameter stops the run naming it.
"""

import ast
import json
import os
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import helpers as h

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "notebooks" / "06-explore.ipynb"


def make_explore(tmp_path: Path, *variables: str) -> subprocess.CompletedProcess:
    """`make explore VAR=value ...` on the seed corpus, a fresh cache, output in tmp_path/out."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "CORPUS_DIR", "REPORT_DIR")}
    env["INF_CACHE_DIR"] = str(tmp_path / "cache")
    return subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", "explore",
                           f"OUT={tmp_path / 'out'}", *variables],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def explored(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("explore")
    proc = make_explore(tmp, "TERMS=Oreshnik", "OUTLETS=The Moscow Times")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return tmp / "out"


def read(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / name, keep_default_na=False)


def test_make_explore_writes_the_notebook_its_page_and_tables(explored):
    names = {p.name for p in explored.iterdir()}
    assert {"06-explore.ipynb", "06-explore.html", "index.html", "summary.html", "articles",
            "explore_kwic.csv", "explore_counts.csv", "explore_terms_by_date.png", "findings.csv"} <= names
    nb = json.loads((explored / "06-explore.ipynb").read_text(encoding="utf-8"))
    injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
    assert len(injected) == 1
    source = "".join(injected[0]["source"])
    assert 'TERMS = ["Oreshnik"]' in source and 'OUTLETS = ["The Moscow Times"]' in source
    page = (explored / "06-explore.html").read_text(encoding="utf-8")
    assert page.index('class="key-findings"') < page.index('<details class="code-fold">')
    assert '<a href="#finding-06-terms">"Oreshnik" occurs 8 times in 1 of 2 articles' in page


def test_keyword_in_context_rows_counted_by_hand(explored):
    # grep -oiw Oreshnik: 9 in mt-experts (002_*.txt), one of them on the "Related article:" link
    # line that cleaning removes; none in mt-ban-ends (001_*.txt); the Global Times' one (000_*.txt)
    # is another outlet's. So 8 rows, all in mt-experts, the last two in one sentence.
    kwic = read(explored, "explore_kwic.csv")
    assert len(kwic) == 8
    assert set(kwic.article_id) == {"mt-experts"} and set(kwic.match) == {"Oreshnik"} and set(kwic.term) == {"Oreshnik"}
    assert kwic[["article_id", "sentence_id"]].drop_duplicates().shape[0] == 7
    counts = read(explored, "explore_counts.csv")
    assert counts[["outlet", "articles", "all terms", "Oreshnik"]].values.tolist() == [["The Moscow Times", 2, 8, 8]]
    assert read(explored, "explore_by_date.csv").values.tolist() == [["2025-08-06", 8]]


def test_findings_of_the_run(explored):
    found = read(explored, "findings.csv").set_index("finding_id").text
    assert found["terms"] == '"Oreshnik" occurs 8 times in 1 of 2 articles; most in The Moscow Times (8).'
    assert found["dates"] == "8 of the 8 occurrences are in dated articles; the most on 6 Aug 2025 (8)."
    # Ryabkov is named once in The Moscow Times (001_*.txt, line 6: "Deputy Foreign Minister Sergei
    # Ryabkov had signaled in June that Moscow could abandon the moratorium, calling it a “logical”
    # step given what he described as “highly sensitive missile threats”"): one reported clause and
    # two quoted fragments, three statements (the hand coding has the reported clause too)
    assert found["figure"] == ("Sergei Ryabkov is named 1 time in 1 of 2 articles; 3 statements attributed to them, "
                               "by The Moscow Times.")
    statements = read(explored, "explore_figure_statements.csv")
    assert statements[["article_id", "sentence_id", "text"]].values.tolist() == [
        ["mt-ban-ends", 8, "Moscow could abandon the moratorium"], ["mt-ban-ends", 8, "logical"],
        ["mt-ban-ends", 8, "highly sensitive missile threats"]]
    # neither Moscow Times article says Russia withdrew from or observed the treaty
    by_article = read(explored, "explore_claim_by_article.csv")
    assert by_article[["article_id", "verdicts"]].values.tolist() == [["mt-ban-ends", "not said"], ["mt-experts", "not said"]]


def test_a_bad_parameter_exits_naming_it_and_nothing_is_run_from_its_value(tmp_path):
    hostile = "`touch {0}/a`$(shell touch {0}/b)".format(tmp_path)
    proc = make_explore(tmp_path, f"OUTLETS={hostile}")
    assert proc.returncode != 0
    assert f"make explore: OUTLETS: unknown outlet {hostile!r}; this corpus's outlets are: Global Times; " in proc.stderr
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()
    assert not (tmp_path / "out").exists()


def test_an_unknown_figure_exits_2_naming_the_registry(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("CORPUS_DIR", "REPORT_DIR")}
    env["INF_CACHE_DIR"] = str(tmp_path / "cache")
    proc = subprocess.run([str(REPO / ".venv" / "bin" / "python"), str(REPO / "scripts" / "explore.py"),
                           "--out", str(tmp_path / "out"), "--figure", "Nobody"],
                          env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 2
    assert "make explore: FIGURE: unknown figure 'Nobody'; this corpus's registry has: Andrey Baklitskiy;" in proc.stderr


@pytest.fixture(scope="module")
def seed():
    return h.load_corpus(h.DEFAULT_CORPUS_DIR)


def check(seed, **kw):
    return h.explore_parameters(seed, **{"figure": "Sergei Ryabkov", "claim": "russia_treaty_status", **kw})


@pytest.mark.parametrize("kw,message", [
    ({"outlets": ["The Moscow Times", "Nope"]}, "OUTLETS: unknown outlet 'Nope'; this corpus's outlets are: Global Times; "
                                                "The COW News Digital; The Moscow Times; Unnamed aggregator (or [] for all)"),
    ({"date_from": "2025-02-30"}, "DATE_FROM: '2025-02-30' is not a date; give YYYY-MM-DD"),
    ({"date_to": "4 Aug 2025"}, "DATE_TO: '4 Aug 2025' is not a date"),
    ({"date_from": "2025-08-06", "date_to": "2025-08-04"}, "DATE_FROM (2025-08-06) is after DATE_TO (2025-08-04)"),
    ({"terms": [" ", ""]}, "TERMS: give at least one word or phrase"),
    ({"terms": ["x" * 101]}, "TERMS: at most 20 terms of at most 100 characters each"),
    ({"outlets": 3}, "OUTLETS: give a list of strings"),
    ({"figure": "Putin's cat"}, "FIGURE: unknown figure \"Putin's cat\"; this corpus's registry has: Andrey Baklitskiy;"),
    ({"claim": "treaty"}, "CLAIM: unknown claim 'treaty'; this corpus's registry has: moratorium_end_reason;"),
])
def test_each_bad_parameter_is_named_with_the_values_it_allows(seed, kw, message):
    with pytest.raises(h.ParameterError) as err:
        check(seed, **kw)
    assert str(err.value).startswith(message), str(err.value)


def test_parameters_accept_comma_strings_aliases_and_case(seed):
    p = check(seed, outlets="The Moscow Times, Global Times", terms="Oreshnik, moratorium, Oreshnik",
              figure="sergey ryabkov", claim="RUSSIA_TREATY_STATUS")
    assert p == {"outlets": ["The Moscow Times", "Global Times"], "date_from": "", "date_to": "",
                 "terms": ["Oreshnik", "moratorium"], "figure": "Sergei Ryabkov", "claim": "russia_treaty_status",
                 "notes": []}


def test_an_absent_default_figure_or_claim_is_skipped_with_a_note(seed):
    figures = h.load_figures()
    claims = h.load_claims()
    p = h.explore_parameters(seed, figure="Sergei Ryabkov", claim="russia_treaty_status",
                             figures=figures[figures.figure != "Sergei Ryabkov"], claims=claims[claims.claim_id != "russia_treaty_status"])
    assert (p["figure"], p["claim"]) == ("", "")
    assert p["notes"] == ["The default figure, Sergei Ryabkov, is not in this corpus's registry: this section is skipped.",
                          "The default claim, russia_treaty_status, is not in this corpus's registry: this section is skipped."]


def test_selection_by_dates_and_outlets(seed):
    articles, left_out = h.analysis_set(seed)
    # published: gt-moratorium 2025-08-05, mt-ban-ends 2025-08-04, mt-experts 2025-08-06; agg and cow undated
    kept, out = h.explore_selection(articles, left_out, check(seed, date_from="2025-08-05"))
    assert sorted(kept.article_id) == ["gt-moratorium", "mt-experts"]
    assert dict(zip(out.article_id, out.reason)) == {
        "agg-ryabkov": "undated, and a date range was given", "cow-inf-withdrawal": "undated, and a date range was given",
        "mt-ban-ends": "published before DATE_FROM"}
    kept, out = h.explore_selection(articles, left_out, check(seed, outlets=["Global Times"], date_to="2025-08-04"))
    assert kept.empty and set(out.reason) >= {"outlet not selected", "published after DATE_TO"}


def test_terms_are_literal_text_whole_words_any_case():
    sents = pd.DataFrame({"article_id": ["a"] * 2, "outlet": ["X"] * 2, "sentence_id": [1, 2], "start": [0, 40],
                          "text": ["The U.S. and the US said: no  longer.", "USA, usb and (u.s.) no\nlonger"]})
    hits = h.term_hits(sents, ["U.S.", "no longer"])
    assert hits[["term", "sentence_id", "match"]].values.tolist() == [
        ["U.S.", 1, "U.S."], ["no longer", 1, "no  longer"], ["U.S.", 2, "u.s."], ["no longer", 2, "no\nlonger"]]
    assert h.term_hits(sents, []).columns.tolist() == h.TERM_HIT_COLUMNS


def test_the_parameters_cell_holds_the_defaults_and_only_them():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(cells) == 1
    values = {t.targets[0].id: ast.literal_eval(t.value) for t in ast.parse("".join(cells[0]["source"])).body}
    assert values == h.EXPLORE_DEFAULTS


def test_prose_helpers():
    assert [h.and_list(x) for x in ([], ["A"], ["A", "B"], ["A", "B", "C"])] == ["", "A", "A and B", "A, B and C"]
    assert (h.counted(1, "time"), h.counted(0, "article"), h.counted(2, "analysis", "analyses")) == (
        "1 time", "0 articles", "2 analyses")
    assert (h.day_label("2025-08-06"), h.day_label("undated")) == ("6 Aug 2025", "undated")

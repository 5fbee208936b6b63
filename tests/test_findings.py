"""Findings bound to their numbers: the seed corpus is recognised by its fingerprint, other
corpora get computed findings and never the seed sentences, and a seed finding fails the
build, naming itself, when the data under it change while the texts stay the seed texts."""

import json
import os
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from kernels import IPCKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

import findings
import helpers as h
import inf_coverage.report.findings as findings_module

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "corpus"
OTHER = REPO / "tests" / "fixtures" / "other_corpus"
NOTEBOOKS = sorted((REPO / "notebooks").glob("0[0-4]-*.ipynb"))


def seed_findings(path: Path) -> list[str]:
    """The findings stored in a committed notebook's outputs: the seed narrative."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(o["data"]["text/plain"])[len("Finding: "):]
            for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])
            if "".join(o.get("data", {}).get("text/plain", "")).startswith("Finding: ")]


def run(path: Path, corpus: Path, out: Path, patch: str = ""):
    """Execute a notebook on ``corpus`` (with ``patch`` run right after its imports);
    return (executed notebook, error message or "")."""
    nb = nbformat.read(path, as_version=4)
    if patch:
        nb.cells.insert(2, nbformat.v4.new_code_cell(patch))
    old = {k: os.environ.get(k) for k in ("CORPUS_DIR", "REPORT_DIR")}
    os.environ.update(CORPUS_DIR=str(corpus), REPORT_DIR=str(out))
    try:
        NotebookClient(nb, km=IPCKernelManager(kernel_name="python3"), timeout=600,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        return nb, ""
    except CellExecutionError as err:
        return nb, str(err)
    finally:
        for k, v in old.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)


def test_the_seed_corpus_is_recognised_by_its_fingerprint_not_its_path(corpus_copy):
    copy = corpus_copy(name="anywhere")
    assert h.corpus_fingerprint(SEED) == h.corpus_fingerprint(copy) == findings.SEED_FINGERPRINT
    assert h.Findings("00-x", copy).is_seed
    # one article added: another corpus
    shutil.copy(OTHER / "articles" / "daily-1.txt", copy / "articles" / "daily-1.txt")
    rows = (copy / "articles.csv").read_text(encoding="utf-8")
    extra = (OTHER / "articles.csv").read_text(encoding="utf-8").splitlines()[2]
    (copy / "articles.csv").write_text(rows + extra + "\n", encoding="utf-8")
    assert not h.Findings("00-x", copy).is_seed


def test_expect_names_the_finding_and_skips_checks_of_another_corpus():
    with pytest.raises(h.FindingError, match="The data no longer support the finding 'five articles'"):
        h.expect(4 == 5, "five articles")
    with pytest.raises(h.FindingError, match="could not be computed \\(KeyError"):
        h.expect(lambda: {}["Global Times"] > 1, "x")
    F = h.Findings("00-x", OTHER)
    assert F.seed("a", "A seed sentence.", lambda: {}["never evaluated"]) is None
    # a check written as a value is refused on every corpus, seed or not: on another corpus
    # it would have been evaluated (and crashed) before F.seed could skip it
    for corpus in (OTHER, SEED):
        with pytest.raises(TypeError, match=r"00-x / b: seed check\(s\) \[2\] are values"):
            h.Findings("00-x", corpus).seed("b", "A seed sentence.", lambda: True, 5 == 5)
    assert F.computed("a", "Two <b>articles</b>.", True) == "Two <b>articles</b>."
    assert F.table()[["finding_id", "source", "anchor"]].values.tolist() == [["a", "computed", "finding-00-a"]]


def test_findings_are_escaped_and_exported(tmp_path, capsys):
    F = h.Findings("01-x", OTHER)
    F.computed("voices", "<script>alert(1)</script> carries most words", True)
    F.export(tmp_path)
    G = h.Findings("00-x", OTHER)
    G.computed("articles", "=cmd|' /C calc'!A0", True)
    G.export(tmp_path)
    table = pd.read_csv(tmp_path / "findings.csv", dtype=str, keep_default_na=False)
    assert table.notebook.tolist() == ["00-x", "01-x"]          # sorted, both kept
    assert table.columns.tolist() == findings.FINDINGS_COLUMNS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_another_corpus_gets_computed_findings_and_no_seed_sentence(path, tmp_path):
    nb, error = run(path, OTHER, tmp_path)
    assert not error, error
    found = pd.read_csv(tmp_path / "findings.csv", dtype=str, keep_default_na=False)
    assert len(found) >= 1 and set(found.source) == {"computed"}
    shown = " ".join(found.text)
    for sentence in seed_findings(path):
        assert sentence not in shown
    # a computed finding speaks in labels: no article, claim or event id, no slug
    known = list(h.load_corpus(OTHER).article_id) + list(h.load_claims().claim_id) + list(h.load_event_types().event)
    assert {t: h.looks_like_id(t, known=known) for t in found.text if h.looks_like_id(t, known=known)} == {}


# One perturbation per notebook: the texts stay the seed texts (so the seed findings are
# shown), a registry row or a table under a finding changes, and the build must fail
# naming that finding.
PERTURBATIONS = {
    "00-corpus-overview": ("furniture", "", "h.removed_spans = (lambda f: lambda a: f(a).pipe(lambda d: d.drop(d[d.kind == 'furniture'].index[:1])))(h.removed_spans)"),
    "01-source-framing": ("voices", ("figures.csv", "Li Haidong", "chinese_expert", "russian_expert"), ""),
    "02-sentiment-by-outlet": ("voice", "", "h.sentiment = (lambda f: lambda s, v=None: f(s.iloc[1:], None if v is None else v.iloc[1:]))(h.sentiment)"),
    "03-named-figures": ("groups", ("figures.csv", "Vladimir Putin", "russian_official", "us_official"), ""),
    "04-missile-range-facts": ("9m729", ("systems.csv", "9M729|SSC-8", "9M729,", "SSC-8 missile,"), ""),
}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_seed_finding_fails_when_the_data_under_it_change(path, tmp_path, corpus_copy):
    finding, edit, patch = PERTURBATIONS[path.stem]
    corpus = corpus_copy()
    if edit:
        name, row_key, old, new = edit
        lines = (corpus / name).read_text(encoding="utf-8").splitlines(keepends=True)
        hit = [k for k, line in enumerate(lines) if row_key in line]
        lines[hit[0]] = lines[hit[0]].replace(old, new, 1)
        (corpus / name).write_text("".join(lines), encoding="utf-8")
    assert h.Findings("x", corpus).is_seed        # the texts are the seed texts
    _, error = run(path, corpus, tmp_path / "out", patch)
    assert "FindingError" in error and f"{path.stem} / {finding}:" in error, error[-2000:]


def test_a_finding_on_a_weak_method_says_so():
    verdicts = pd.DataFrame([("mentions", "f1", 1.0, 44, "usable"),
                             ("sentiment", "kappa", 0.189, 110, "not reliable on this corpus")],
                            columns=["method", "metric", "value", "n", "verdict"])
    F = h.Findings("02-x", OTHER, verdicts=verdicts)
    assert F.computed("a", "Named people.", True, method="mentions") == "Named people."
    assert F.computed("b", "Negative.", True, method="sentiment") == (
        "Negative. (Rests on the sentiment method, kappa 0.19 against the hand coding in 05-validation: "
        "not reliable on this corpus; read as indicative.)")
    assert F.computed("c", "Blamed.", True, method="blame").endswith(
        "(Rests on the blame method, which this corpus's hand coding does not validate.)")


def test_a_finding_citing_an_article_where_its_method_is_weaker_says_so():
    verdicts = pd.DataFrame([("voice", "all", "", "kappa", 0.708, 110, "usable with care"),
                             ("voice", "mt-b", "The Moscow Times, 4 Aug 2025", "kappa", 0.466, 13, "not reliable on this corpus"),
                             ("voice", "gt-c", "Global Times, 5 Aug 2025", "kappa", 0.654, 27, "usable with care"),
                             ("quotes", "all", "", "f1", 0.889, 108, "usable"),
                             ("quotes", "agg-a", "Unnamed aggregator, undated", "f1", 0.727, 13, "usable with care")],
                            columns=["method", "article_id", "label", "metric", "value", "n", "verdict"])
    F = h.Findings("01-x", OTHER, verdicts=verdicts)
    ev = pd.DataFrame({"article_id": ["gt-c", "mt-b", "mt-b"], "sentence_id": [1, 2, 3]})
    assert F.computed("a", "Narrated.", True, method="voice", evidence=ev) == (
        "Narrated. (Rests on the voice method, kappa 0.71 against the hand coding in 05-validation: usable with care; "
        "read as indicative.) (Where this finding's evidence lies the voice method scores lower than pooled: "
        "The Moscow Times, 4 Aug 2025: kappa 0.47 over 13, not reliable on this corpus.)")
    assert F.computed("b", "Quoted.", True, method="quotes", evidence=ev) == "Quoted."
    assert F.computed("c", "Quoted there.", True, method="quotes", evidence=pd.DataFrame({"article_id": ["agg-a"]})) == (
        "Quoted there. (Where this finding's evidence lies the quotes method scores lower than pooled: "
        "Unnamed aggregator, undated: f1 0.73 over 13, usable with care.)")


def test_the_seed_verdicts_come_from_the_hand_coding():
    articles = h.load_corpus(SEED)
    table = h.method_verdicts(SEED, articles)
    v = table[table.article_id == "all"].set_index("method")
    assert v.loc["mentions", "verdict"] == "usable" and v.loc["sentiment", "verdict"] == "not reliable on this corpus"
    per = table.set_index(["method", "article_id"])
    assert per.loc[("voice", "mt-ban-ends"), ["label", "value", "n", "verdict"]].tolist() == [
        "The Moscow Times, 4 Aug 2025", 0.466, 13, "not reliable on this corpus"]
    assert per.loc[("blame", "cow-inf-withdrawal"), ["value", "n"]].tolist() == [0.857, 4]   # 0.40 before its two relays were found
    assert ("blame", "agg-ryabkov") not in per.index          # one unit: below MIN_ARTICLE_UNITS
    assert h.method_verdicts(OTHER, h.load_corpus(OTHER)).empty


# -- Every finding cites the sentences that make it true ----------------------------------

def test_a_finding_lists_its_evidence_and_records_it(monkeypatch):
    shown = []
    monkeypatch.setattr(findings_module, "_display_html", lambda markup, plain: shown.append((markup, plain)))
    F = h.Findings("04-x", OTHER)
    rows = pd.DataFrame({"article_id": ["mt-b", "agg-a", "agg-a", "agg-a", "gt-c", "mt-b"],
                         "sentence_id": [4, 12, 3, 12, None, None]})   # mt-b: its sentence, not the whole
    F.computed("two-errors", "Two articles misdate it.", lambda: True, evidence=rows)
    assert F.table().evidence.tolist() == ["agg-a:3 agg-a:12 gt-c mt-b:4"]
    assert shown[1] == ('<p class="finding-evidence" data-evidence="agg-a:3 agg-a:12 gt-c mt-b:4">Evidence: '
                        "agg-a sentences 3, 12; gt-c (the whole article); mt-b sentence 4.</p>",
                        "Evidence: agg-a sentences 3, 12; gt-c (the whole article); mt-b sentence 4.")
    F.computed("no-evidence", "Nothing cited.", lambda: True)
    assert F.table().evidence.tolist()[1] == "" and len(shown) == 3      # a heading, no evidence line
    with pytest.raises(TypeError, match="article_id"):
        F.computed("bad", "x", lambda: True, evidence=pd.DataFrame({"sentence_id": [1]}))


def test_an_evidence_list_is_cut_at_twelve_sentences():
    keys = [f"a:{k}" for k in range(1, 15)]
    assert findings.evidence_text(keys) == "Evidence: a sentences 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12; and 2 more."


def test_a_finding_of_absence_cites_every_article_read(monkeypatch):
    shown = []
    monkeypatch.setattr(findings_module, "_display_html", lambda markup, plain: shown.append((markup, plain)))
    read = pd.DataFrame({"article_id": ["wire-2", "daily-1"]})
    F = h.Findings("04-x", OTHER, articles=read)
    F.computed("none", "No article misdates an event.", lambda: True, evidence=pd.DataFrame({"article_id": []}))
    assert F.table().evidence.tolist() == ["daily-1 wire-2"]
    assert shown[1] == ('<p class="finding-evidence" data-evidence="daily-1 wire-2" data-absence="1">Evidence (nothing '
                        "found; the articles read): daily-1 (the whole article); wire-2 (the whole article).</p>",
                        "Evidence (nothing found; the articles read): daily-1 (the whole article); wire-2 (the whole "
                        "article).")

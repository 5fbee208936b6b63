"""The committed notebooks themselves: strict nbval compares stored outputs, and a
notebook committed without them would pass while comparing nothing. So every code
cell must have been executed, in order, in one clean run, with no error stored."""

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
EXPECTED = ["00-corpus-overview", "01-source-framing", "02-sentiment-by-outlet", "03-named-figures",
            "04-missile-range-facts", "05-validation", "06-explore"]


def test_the_collection_is_there_and_named_by_one_rule():
    names = [p.stem for p in NOTEBOOKS]
    for name in EXPECTED:
        assert name in names
    for name in names:
        assert re.fullmatch(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)*", name), name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_executed_in_order_with_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code, "no code cells"
    counts = [c.get("execution_count") for c in code]
    assert counts == list(range(1, len(code) + 1)), f"execution counts {counts}: re-run top to bottom"
    for k, cell in enumerate(code, start=1):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"code cell {k} stored an error"
            if out["output_type"] == "stream":
                assert out["name"] == "stdout", f"code cell {k} stored a {out['name']} stream (a warning?)"
    with_output = sum(bool(c.get("outputs")) for c in code)
    # only the imports cell and the parameters cell may print nothing
    assert with_output >= len(code) - 2, f"only {with_output} of {len(code)} code cells have outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_opens_with_title_question_and_limits(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    first = "".join(nb["cells"][0]["source"])
    assert first.startswith("# "), "first cell must be the title"
    for part in ["**Question.**", "**Data.**", "**Method.**", "**Limits.**"]:
        assert part in first, part
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "## Findings" in text
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    # findings are stated only through the checked helper, never as hand-written markdown
    assert "F.seed(" in code or "F.computed(" in code
    assert "F.summary()" in code and "F.export(OUT)" in code
    assert "#### Finding" not in text


def _seed_calls(path):
    """Every ``F.seed(...)`` call of a notebook's code cells, with the cell number."""
    import ast
    nb = json.loads(path.read_text(encoding="utf-8"))
    for k, cell in enumerate(c for c in nb["cells"] if c["cell_type"] == "code"):
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "seed"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "F"):
                yield k + 1, node


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_seed_check_can_be_evaluated_on_another_corpus(path):
    """A seed finding's checks read seed ids and counts. Written as values they would be computed
    before F.seed could see that the corpus is not the seed (the KeyError: 'mt-experts' a user
    met on a corpus with one hard-wrapped article). So every check is a lambda, and the text a
    plain string (an f-string is evaluated eagerly too)."""
    import ast
    calls = list(_seed_calls(path))
    for cell, call in calls:
        assert len(call.args) >= 3, f"code cell {cell}: F.seed without a check"
        text = call.args[1]
        assert all(isinstance(n, ast.Constant) for n in ast.walk(text)), \
            f"code cell {cell}: the seed text of {ast.unparse(call.args[0])} is computed; write it as plain text"
        eager = [ast.unparse(a)[:60] for a in call.args[2:] if not isinstance(a, ast.Lambda)]
        assert not eager, f"code cell {cell}: seed checks evaluated eagerly: {eager}"


def test_every_stored_finding_is_followed_by_its_evidence():
    """On the seed corpus each `Finding:` heading a notebook stores is followed by the line
    citing the sentences (or articles) that make it true."""
    found = cited = 0
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        outs = ["".join(o.get("data", {}).get("text/plain", "")) for c in nb["cells"] for o in c.get("outputs", [])]
        for k, text in enumerate(outs):
            if text.startswith("Finding: "):
                found += 1
                cited += k + 1 < len(outs) and outs[k + 1].startswith("Evidence")
    assert found >= 42 and cited == found


# -- prose for readers ---------------------------------------------------------------------
# What a reader of the report sees unfolded speaks to readers: no environment variable, code
# path, cache folder or code name. Such notes go in a folded block of the markdown,
# <details class="maintainers"><summary>For maintainers: ...</summary> ... </details>.

_FOLDED_RE = re.compile(r"<details\b.*?</details>", re.S | re.I)
#: What gives prose away as written for maintainers, by kind.
CODE_TOKENS = {
    "environment variable or constant": re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b"),
    "code name in capitals": re.compile(r"`[A-Z][A-Z0-9_]*`"),
    "cache folder": re.compile(r"(?<![\w/])\.cache\b\S*"),
    "code path": re.compile(r"`[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?:\(\))?`|\b[a-z_][a-z0-9_]+\.[a-z_]\w+\b"),
    "identifier with underscores": re.compile(r"`[^`\s]*\w_\w[^`\s]*`"),
}
#: Allowed, with the reason: the file names of the data a reader opens (the report's CSV and
#: PNG exports, linked from the index and from the tables; the corpus's CSV registries, which
#: the pages cite as the data behind each check).
ALLOWED_TOKEN_RE = re.compile(r"`?[a-z0-9][a-z0-9_-]*\.(?:csv|png)`?")


def reader_prose_problems(text: str) -> list:
    """(kind, token) for every maintainers' token of ``text`` (markdown, or a page's text with
    each ``<code>`` written as backticks) outside its folded blocks."""
    text = _FOLDED_RE.sub(" ", text)
    found: dict = {}
    for kind, pattern in CODE_TOKENS.items():
        for m in pattern.finditer(text):
            if not ALLOWED_TOKEN_RE.fullmatch(m.group(0)):
                found.setdefault(m.group(0).strip("`"), (kind, m.group(0)))   # one line per token
    return list(found.values())


def test_the_prose_check_finds_what_the_issue_named_and_skips_folded_notes():
    prose = ("Outputs go to `REPORT_DIR` through `pipeline.annotate`, cached in `.cache/annotations/`; "
             "`p_value` is p; see `h.copy_groups` and helpers.kwic, and `TOP`.")
    found = reader_prose_problems(prose)
    assert {t for _, t in found} >= {"REPORT_DIR", "`pipeline.annotate`", ".cache/annotations/`;", "`p_value`",
                                     "`h.copy_groups`", "helpers.kwic", "`TOP`"}
    ok = ("Every table is in `quotes.csv` and `claim_checks.csv`, the chart in `verdict_grid.png`; the U.S. "
          "and e.g. NLTK, VADER, F1. <details class=\"maintainers\"><summary>For maintainers</summary>\n\n"
          "`REPORT_DIR`, `pipeline.annotate`, `.cache/annotations/`\n\n</details>")
    assert reader_prose_problems(ok) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_markdown_a_reader_sees_speaks_to_readers(path):
    """Every markdown cell's unfolded text is free of environment variables, code paths,
    cache folders and code names (``CODE_TOKENS``); technical notes are folded."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    problems = [f"{path.name}, markdown cell {k}: {kind} {token!r}"
                for k, cell in enumerate(nb["cells"]) if cell["cell_type"] == "markdown"
                for kind, token in reader_prose_problems("".join(cell["source"]))]
    assert not problems, "\n".join(problems)

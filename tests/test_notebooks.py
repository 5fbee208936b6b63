"""The committed notebooks themselves: strict nbval compares stored outputs, and a
notebook committed without them would pass while comparing nothing. So every code
cell must have been executed, in order, in one clean run, with no error stored."""

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
EXPECTED = ["00-corpus-overview", "01-source-framing", "02-sentiment-by-outlet", "03-named-figures",
            "04-missile-range-facts"]


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

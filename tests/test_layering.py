"""The package's layers (issue 21): imports only go down, no function-local import of a
project module, nothing in the package imports the ``helpers`` facade, the facades define
nothing, no module over the size limit, and every ``h.<name>`` the notebooks, scripts and
tests use exists."""

import ast
import json
import re
from pathlib import Path

import pytest

import helpers as h

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "inf_coverage"

#: The package's modules, bottom to top: a module may import only modules listed before it.
#: Layers: core, ingest, extract, report, validate (see ``inf_coverage/__init__.py``).
ORDER = [
    "core.layout", "core.stats",
    "ingest.notemarks", "ingest.text", "ingest.furniture_lines", "ingest.pageheader", "ingest.furniture_comments", "ingest.furniture_print", "ingest.furniture_live", "ingest.furniture_layout", "ingest.furniture_boxes", "ingest.furniture_turns", "ingest.furniture_records", "ingest.cleaning", "ingest.patterns", "ingest.language", "ingest.copies",
    "ingest.loading", "ingest.registries", "ingest.selection", "ingest.webimport",
    "extract.objects", "extract.namewords", "extract.nametags", "extract.roleowners", "extract.figures", "extract.speakerforms", "extract.administrations", "extract.contactclauses", "extract.countrybodies", "extract.openingclauses", "extract.roledescriptions", "extract.affiliations", "extract.outlets", "extract.delegates", "extract.personnames", "extract.speakers", "extract.speakersubjects", "extract.pressrelays", "extract.asklabels", "extract.hostlines", "extract.turns", "extract.roundup", "extract.embeds", "extract.interviews", "extract.passivestatements", "extract.statementnouns", "extract.reported", "extract.secondverbs", "extract.quotes", "extract.voice", "extract.sourcing", "extract.ranges",
    "extract.vocatives", "extract.labelnames", "extract.looseruns", "extract.peernames", "extract.notenames", "extract.creditnames", "extract.discovery",
    "extract.framing", "extract.frame_functions", "extract.keyness", "extract.fast_vader", "extract.sentiment", "extract.eventdates", "extract.eventcues", "extract.eventbinds", "extract.events",
    "extract.claims", "extract.fidelity",
    "report.export", "report.phrasing", "report.datapackage", "report.tables", "report.charts", "report.findings", "report.explore",
    "report.claimreview",
    "validate.agreement", "validate.frame_scores", "validate.claim_scores", "validate.annotations",
    "validate.generate",
]
#: Lines a module may hold; a module over it must be named here with its own limit and why.
MAX_LINES = 1000
SIZE_EXCEPTIONS: dict = {}
#: The top-level modules with code beside the facades, each with its line limit and why.
TOP_LEVEL_EXCEPTIONS = {
    # The annotation cache: keys on the package's sources, Parquet parts, process pools and
    # Dask. It sits above every layer and reads the ``helpers`` facade on purpose: a notebook
    # or test that patches ``h.sentiment`` must be seen, and its kind computed without the
    # cache. One topic (caching the kinds) in one file; splitting it would scatter the key
    # logic that must stay in one place.
    "pipeline": 1400,
}
#: The top-level facades: they import from the package and define nothing.
FACADES = ["helpers", "annotations", "findings", "corpus_add", "fast_vader"]
PROJECT_TOP = set(FACADES) | {"pipeline", "inf_coverage"}


def _modules() -> dict:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            continue
        out[".".join(parts)] = path
    return out


def _imported(node, module: str) -> list:
    """Project modules an import node names: package modules as ``layer.name``, facades
    (and pipeline) as their own name."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    elif node.level:   # relative: inside the package
        base = module.split(".")[:-node.level + 1 or None] if node.level > 1 else module.split(".")[:-1]
        prefix = ".".join(["inf_coverage"] + base + ([node.module] if node.module else []))
        names = [prefix] if node.module else [f"{prefix}.{a.name}" for a in node.names]
    elif node.module == "inf_coverage" or (node.module or "").count(".") == 1 and \
            node.module.startswith("inf_coverage."):   # from inf_coverage.core import layout
        names = [f"{node.module}.{a.name}" for a in node.names]
    else:
        names = [node.module or ""]
    out = []
    for name in names:
        top = name.split(".")[0]
        if top == "inf_coverage":
            out.append(".".join(name.split(".")[1:3]))
        elif top in PROJECT_TOP:
            out.append(top)
    return out


def layering_problems(module: str, source: str, order=ORDER) -> list:
    """What is wrong with the imports and size of one package module."""
    tree = ast.parse(source)
    problems = []
    top_level = set(map(id, tree.body))
    rank = {m: i for i, m in enumerate(order)}
    if module not in rank:
        problems.append(f"{module}: not in the layer order (tests/test_layering.py ORDER)")
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        for target in _imported(node, module):
            where = f"{module}:{node.lineno}"
            if id(node) not in top_level:
                problems.append(f"{where}: function-local import of the project module {target}")
            elif target in FACADES or target == "pipeline":
                problems.append(f"{where}: imports {target} (the package never imports the top-level modules)")
            elif target not in rank:
                problems.append(f"{where}: imports {target}, which is not in the layer order")
            elif module in rank and rank[target] >= rank[module]:
                problems.append(f"{where}: imports {target}, which is not below it (upward or sideways import)")
    limit = SIZE_EXCEPTIONS.get(module, (MAX_LINES,))[0]
    lines = source.count("\n")
    if lines > limit:
        problems.append(f"{module}: {lines} lines, over the limit of {limit}")
    return problems


def facade_problems(name: str, source: str) -> list:
    """A facade holds a docstring, imports and ``__all__``: no def, no class, no other code."""
    problems = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        if isinstance(node, ast.Assign) and [ast.unparse(t) for t in node.targets] == ["__all__"]:
            continue
        what = type(node).__name__
        label = getattr(node, "name", ast.unparse(node)[:40])
        problems.append(f"{name}.py:{node.lineno}: {what} {label} (a facade defines nothing)")
    return problems


@pytest.mark.parametrize("module", sorted(_modules()))
def test_module_imports_only_go_down_and_it_is_under_the_size_limit(module):
    source = _modules()[module].read_text(encoding="utf-8")
    assert layering_problems(module, source) == []


def test_top_level_code_is_the_facades_and_the_named_exceptions():
    tops = {p.stem for p in REPO.glob("*.py")} - {"conftest"}     # conftest: pytest's set-up
    assert tops == set(FACADES) | set(TOP_LEVEL_EXCEPTIONS)
    for name, limit in TOP_LEVEL_EXCEPTIONS.items():
        lines = (REPO / f"{name}.py").read_text(encoding="utf-8").count("\n")
        assert lines <= limit, f"{name}.py: {lines} lines, over its limit of {limit}"


def test_every_module_is_in_the_order_and_every_name_in_the_order_is_a_module():
    assert sorted(_modules()) == sorted(ORDER)


def test_package_inits_only_document():
    for path in PACKAGE.rglob("__init__.py"):
        body = ast.parse(path.read_text(encoding="utf-8")).body
        assert all(isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) for n in body), path


@pytest.mark.parametrize("name", FACADES)
def test_facades_define_nothing_and_export_what_they_import(name):
    source = (REPO / f"{name}.py").read_text(encoding="utf-8")
    assert facade_problems(name, source) == []
    module = __import__(name)
    assert sorted(module.__all__) == sorted(set(module.__all__)), "duplicates in __all__"
    assert all(hasattr(module, n) for n in module.__all__)
    imported = {a.asname or a.name for n in ast.parse(source).body if isinstance(n, ast.ImportFrom)
                for a in n.names}
    assert imported == set(module.__all__)


def test_the_checks_fail_on_what_they_forbid():
    assert layering_problems("ingest.text", "from inf_coverage.extract.figures import load_figures\n")
    assert layering_problems("ingest.text", "from inf_coverage.ingest import loading\n")   # sideways, later
    assert layering_problems("ingest.text", "from inf_coverage.ingest.text import WORD_RE\n")   # itself
    assert layering_problems("ingest.text", "from ..extract import figures\n")
    assert layering_problems("ingest.text", "import helpers\n")
    assert layering_problems("ingest.text", "import helpers as h\n")
    assert layering_problems("ingest.text", "def f():\n    from inf_coverage.core import layout\n")
    assert layering_problems("ingest.text", "def f():\n    import findings\n")
    assert layering_problems("ingest.text", "x = 1\n" * (MAX_LINES + 1))
    assert not layering_problems("ingest.text", "import re\nfrom inf_coverage.core.layout import REPO_DIR\n"
                                                "def f():\n    from trafilatura import bare_extraction\n")
    assert facade_problems("helpers", "def f():\n    pass\n")
    assert facade_problems("helpers", "class C:\n    pass\n")
    assert facade_problems("helpers", "X = 1\n")
    assert not facade_problems("helpers", '"""doc"""\nfrom inf_coverage.core.layout import REPO_DIR\n'
                                          '__all__ = ["REPO_DIR"]\n')


def _code_cells(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


_H_NAME_RE = re.compile(r"(?<![\w.])h\.([A-Za-z_]\w*)")


def test_every_h_name_the_notebooks_use_exists():
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb"))
    assert notebooks
    used = {n for path in notebooks for n in _H_NAME_RE.findall(_code_cells(path))}
    assert len(used) > 20
    assert sorted(n for n in used if not hasattr(h, n)) == []


def test_every_h_name_the_scripts_and_tests_use_exists():
    missing = {}
    for path in sorted((REPO / "scripts").glob("*.py")) + sorted((REPO / "tests").glob("*.py")) + \
            [REPO / "pipeline.py"]:
        text = path.read_text(encoding="utf-8")
        if not re.search(r"^\s*import helpers as h\b", text, re.M):
            continue
        names = {n for n in _H_NAME_RE.findall(text) if not n.startswith("__")}
        gone = sorted(n for n in names if not hasattr(h, n))
        if gone:
            missing[path.name] = gone
    assert missing == {}


def _modules_the_tests_call() -> set:
    """Package modules whose functions or constants some test module uses: through a facade
    (``h.sentences``, ``an.score``, ``ca.add_articles``...) or imported from the package."""
    import annotations
    import corpus_add
    import fast_vader
    import findings
    facades = {"h": h, "an": annotations, "ca": corpus_add, "corpus_add": corpus_add,
               "fast_vader": fast_vader, "findings": findings}
    used = set()
    for path in sorted((REPO / "tests").glob("test_*.py")):
        text = path.read_text(encoding="utf-8")
        for alias, facade in facades.items():
            for name in re.findall(rf"(?<![\w.]){alias}\.([A-Za-z_]\w*)", text):
                module = getattr(getattr(facade, name, None), "__module__", None) or ""
                if module.startswith("inf_coverage."):
                    used.add(module.split(".", 1)[1])
        for base, names in re.findall(r"from inf_coverage\.(\w+) import ([\w, ]+)", text):
            used |= {f"{base}.{n.strip()}" for n in names.split(",")}
        used |= {m for m in re.findall(r"import inf_coverage\.(\w+\.\w+)", text)}
    return used


def test_every_module_of_the_package_is_called_by_some_test():
    assert sorted(set(_modules()) - _modules_the_tests_call()) == []

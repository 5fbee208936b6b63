"""Every function of the package that returns a table names its columns in its docstring
(issue 21): statically for every public function annotated ``-> pd.DataFrame``, and on the
seed corpus for every table the annotation cache computes, column by column."""

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest

import helpers as h
import pipeline as P

PACKAGE = Path(__file__).resolve().parent.parent / "inf_coverage"
_LITERAL_RE = re.compile(r"``([A-Za-z_][A-Za-z_0-9]*)``")
_CONSTANT_RE = re.compile(r"``([A-Z][A-Z0-9_]+)``")


def documented_columns(fn) -> set:
    """The names a docstring gives as columns: its ``literals``, and the strings of any list
    constant of the function's module it names (``COPY_GROUP_COLUMNS``)."""
    doc = inspect.getdoc(fn) or ""
    names = set(_LITERAL_RE.findall(doc))
    module = importlib.import_module(fn.__module__)
    for constant in _CONSTANT_RE.findall(doc):
        value = getattr(module, constant, None)
        if isinstance(value, (list, tuple)):
            names |= {v for v in value if isinstance(v, str)}
    return names


def _table_functions() -> list:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(("inf_coverage",) + path.relative_to(PACKAGE).with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (isinstance(node, ast.FunctionDef) and not node.name.startswith("_") and node.returns is not None
                    and ast.unparse(node.returns) in ("pd.DataFrame", "pd.DataFrame | None")):
                out.append((module, node.name))
    return out


TABLE_FUNCTIONS = _table_functions()


def test_the_package_has_table_functions():
    assert len(TABLE_FUNCTIONS) > 50


@pytest.mark.parametrize("module,name", TABLE_FUNCTIONS, ids=lambda v: v.rsplit(".", 1)[-1])
def test_a_table_function_names_columns_in_its_docstring(module, name):
    fn = getattr(importlib.import_module(module), name)
    assert len(documented_columns(fn)) >= 2, f"{module}.{name}: the docstring names no columns"


@pytest.fixture(scope="module")
def tables(articles, tmp_path_factory):
    return P.annotate(articles, list(P.KINDS), cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.mark.parametrize("kind", list(P.KINDS))
def test_every_column_of_a_cached_table_is_named_by_the_helpers_that_make_it(kind, tables):
    table = tables[kind]
    assert len(table.columns) >= 2       # an empty table (no name to discover on the seed) keeps its columns
    names = set().union(*(documented_columns(getattr(h, root)) for root in P.KINDS[kind].roots
                          if inspect.isfunction(getattr(h, root, None))))
    assert [c for c in table.columns if c not in names] == []


def test_the_check_fails_on_a_column_no_docstring_names():
    def made_up():
        """Rows with ``article_id`` and ``outlet``."""
    assert documented_columns(made_up) == {"article_id", "outlet"}
    assert "speech_share" not in documented_columns(made_up)

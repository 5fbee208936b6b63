"""The small CSV registries beside the articles (``read_registry``) and the reference facts."""

from __future__ import annotations

import pandas as pd

from inf_coverage.core.layout import CorpusError, _registry_path
from inf_coverage.ingest.loading import read_csv_table


def read_registry(name: str, path=None, required=(), key: str | None = None) -> tuple:
    """Read one registry CSV as text (empty cells stay empty strings) with
    ``read_csv_table``, checking that it exists, has the ``required`` columns and, if
    ``key`` is given, no empty ``key`` cell and no value of that column twice. A file with
    only its header row gives an empty table with those columns (a registry may be
    legitimately empty). Returns ``(path, table)``; raises ``CorpusError`` naming the
    file (and the rows at fault)."""
    path = _registry_path(name, path)
    if not path.is_file():
        raise CorpusError(f"{path}: {name} not found")
    table = read_csv_table(path, required)
    if key is not None:
        for i in table.index:
            if not table.at[i, key].strip():
                raise CorpusError(f"{path}, row {i + 2}: column {key!r} is empty")
        dup = table[table.duplicated(key, keep=False)]
        if len(dup):
            raise CorpusError(f"{path}: duplicate {key} {dup[key].iloc[0]!r} in rows "
                              + ", ".join(str(i + 2) for i in dup.index))
    return path, table


SOURCE_KINDS = ("primary", "official secondary", "press", "weak")
"""The kinds a reference source can be, best first: ``primary`` (a government's own text:
the treaty, a statement, a decree, an official transcript), ``official secondary`` (a
government or parliament body's summary: CRS, EPRS, State Department pages and fact
sheets), ``press`` (news agencies, newspapers, broadcasters and named research bodies under
their own name), ``weak`` (aggregators, mirrors, reposts, blogs, bare home pages)."""


def check_source_kinds(path, table: pd.DataFrame, key: str) -> pd.DataFrame:
    """The reference ``table`` read from ``path`` with its ``source_kind`` column checked:
    one kind of ``SOURCE_KINDS`` per source, joined by `` | `` in the order of
    ``source_url``. A table without the column gets it, empty; an empty cell means "not
    stated" and is accepted. Raises ``CorpusError`` naming the file, the row (and its
    ``key``) and the bad value, or the row whose count of kinds differs from its count of
    URLs."""
    if "source_kind" not in table.columns:
        return table.assign(source_kind="")
    for i, row in table.iterrows():
        cell = row["source_kind"].strip()
        if not cell:
            continue
        where = f"{path}, row {i + 2} ({key} {row[key]!r}), column 'source_kind'"
        kinds = [k.strip() for k in cell.split("|")]
        for k in kinds:
            if k not in SOURCE_KINDS:
                raise CorpusError(f"{where}: {k!r} is not one of " + ", ".join(SOURCE_KINDS))
        n_urls = len(row["source_url"].split(" | "))
        if len(kinds) != n_urls:
            raise CorpusError(f"{where}: {len(kinds)} kind(s) for {n_urls} source(s) in source_url; "
                              "give one kind per source, in the same order, joined by ' | '")
    return table


def load_reference(path=None) -> pd.DataFrame:
    """The sourced reference facts (``reference_facts.csv``: ``fact_id``, ``claim``,
    ``value``, ``unit_or_date``, ``source_title``, ``source_url``, ``confidence`` and
    ``source_kind``). ``source_title``, ``source_url`` and ``source_kind`` hold one entry
    per source, joined by `` | ``, best source first; ``source_kind`` is checked by
    ``check_source_kinds``. A reference without the ``source_kind`` column still loads, with
    the column empty (kind not stated)."""
    path, table = read_registry("reference_facts.csv", path, ["fact_id", "claim", "value", "unit_or_date",
                                                              "source_title", "source_url"], key="fact_id")
    return check_source_kinds(path, table, "fact_id")

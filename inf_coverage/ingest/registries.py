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


def load_reference(path=None) -> pd.DataFrame:
    """The sourced reference facts (``reference_facts.csv``: ``fact_id``, ``claim``,
    ``value``, ``unit_or_date``, ``source_title``, ``source_url``, ``confidence``)."""
    return read_registry("reference_facts.csv", path, ["fact_id", "claim", "value", "unit_or_date",
                                                       "source_title", "source_url"], key="fact_id")[1]

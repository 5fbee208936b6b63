"""CSV exports, made safe for spreadsheets."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from inf_coverage.core.layout import FORMULA_LEADS, spreadsheet_safe  # noqa: F401 (re-exported)


def export_csv(table: pd.DataFrame, folder, name: str) -> Path:
    """Write ``table`` to ``folder/name`` as UTF-8 CSV with Unix line ends and no
    index, so that the same table always gives the same bytes. Returns the path.

    Text cells that a spreadsheet would run as a formula are neutralised in the file
    (see ``spreadsheet_safe``); numbers stay numbers, and ``table`` itself is not
    changed. Such a cell in the file is no longer equal to ``text[start:end]``."""
    path = Path(folder) / name
    safe, has_cr = table.copy(), False
    for col in safe.columns:
        if not (pd.api.types.is_object_dtype(safe[col]) or pd.api.types.is_string_dtype(safe[col])):
            continue
        values = safe[col].tolist()
        neutral = [spreadsheet_safe(v) for v in values]
        if neutral != values:
            safe[col] = pd.Series(neutral, index=safe.index, dtype=object)
        has_cr = has_cr or any(isinstance(v, str) and "\r" in v for v in values)
    # a carriage return inside a cell would end the row for a CSV reader unless the
    # cell is quoted, which pandas does only for "\n": quote every text cell then
    safe.to_csv(path, index=False, lineterminator="\n", encoding="utf-8",
                quoting=csv.QUOTE_NONNUMERIC if has_cr else csv.QUOTE_MINIMAL)
    return path

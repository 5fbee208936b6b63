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


# ---------------------------------------------------------------------------
# Standing: what a speaker is, kept apart from the country it speaks for
# ---------------------------------------------------------------------------

#: A speaker's standing, kept apart from its nationality (``country``):
#: *official* holds or speaks for public office (a minister, a spokesman, a ministry, a
#: government, an alliance); *state media* is an outlet owned or run by a state (Xinhua, TASS);
#: *media* any other outlet or channel; *expert* a researcher, analyst or former official
#: quoted for their judgement; *non-official* anyone else named (a resident, an activist);
#: *unknown* where the registry cannot say (the vague "analysts", "officials" of
#: ``unattributed``).
STANDINGS = ("official", "state media", "media", "expert", "non-official", "unknown")

#: The first word of an affiliation group -> the country it names; groups that name no one
#: country (``independent_expert``, ``european_official``, ``media``) name none.
GROUP_COUNTRIES = {"russian": "Russia", "us": "United States", "chinese": "China", "ukrainian": "Ukraine",
                   "nato": "international"}


def standing_of_group(group: str) -> str:
    """The standing an affiliation group implies, for a registry without a ``standing``
    column (or an empty cell) and for speakers outside the registries: ``*_official`` is
    "official", ``*_expert`` "expert", ``media`` "media" (a state outlet cannot be told
    from the group), ``unattributed``, ``unknown`` or empty "unknown", any other group
    ("other") "non-official"."""
    group = str(group).strip()
    if group.endswith("_official"):
        return "official"
    if group.endswith("_expert"):
        return "expert"
    if group == "media":
        return "media"
    if group in ("", "unattributed", "unknown"):
        return "unknown"
    return "non-official"


def country_of_group(group: str) -> str:
    """The country an affiliation group names by its first word (``russian_expert`` gives
    "Russia", ``nato_official`` "international"); "" (unknown, never guessed) for a group
    that names none (``independent_expert``, ``european_official``, ``media``, ``other``)."""
    return GROUP_COUNTRIES.get(str(group).split("_")[0], "") if "_" in str(group) else ""


def with_standing(path, table: pd.DataFrame, key: str) -> pd.DataFrame:
    """``table`` (a registry with ``affiliation_group``) with its ``standing`` column checked,
    or added: a cell must be one of ``STANDINGS``; an empty cell, or a registry written
    before the column existed, takes ``standing_of_group(affiliation_group)``. Raises
    ``CorpusError`` naming the file, the row, the ``key`` value and the bad standing."""
    if "standing" not in table.columns:
        return table.assign(standing=[standing_of_group(g) for g in table["affiliation_group"]])
    out = []
    for i, name, value, group in zip(table.index, table[key], table["standing"], table["affiliation_group"]):
        value = value.strip()
        if value and value not in STANDINGS:
            raise CorpusError(f"{path}, row {i + 2} ({key} {name!r}): standing {value!r} is not one of "
                              + ", ".join(STANDINGS))
        out.append(value or standing_of_group(group))
    return table.assign(standing=out)

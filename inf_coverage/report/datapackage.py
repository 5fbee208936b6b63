"""Every table in one folder, as CSV and Parquet, described by a Frictionless Data Package.

``write_datapackage(tables, folder, ...)`` writes ``<name>.csv`` and ``<name>.parquet`` for
each table of ``TABLES`` and a ``datapackage.json`` (Data Package v1 with Table Schemas)
naming every column with its type and its description. The descriptions live here alone,
one dict per table (``TABLES``), in the wording of the docstring of the function that makes
the table; a column with no description is an ``ExportError``, never a blank.

Each table is two resources: ``<name>`` (the CSV, a tabular data resource) and
``<name>-parquet`` (the Parquet file, same schema). A resource's ``path`` is one file and its
``bytes`` and ``hash`` describe that file; a list of paths would mean chunks of one table to
be concatenated, not alternatives, so the two formats cannot share a resource.

The CSV is written by ``export_csv``: a text cell that a spreadsheet would run as a formula
gets a leading apostrophe there; the Parquet file keeps every value exactly. The folder is
written beside its target and renamed into place, and nothing volatile (no date, no absolute
path) goes in, so the same tables give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from inf_coverage.report.export import export_csv

DESCRIPTOR = "datapackage.json"
#: ``name`` of every package this module writes: a folder whose datapackage.json has another
#: name is not ours and is never replaced.
PACKAGE_NAME = "inf-coverage-tables"
#: A plain data package: a Tabular Data Package (v1) requires every resource to be a tabular
#: data resource, which v1 defines as CSV (or inline JSON); the Parquet files are data resources.
PROFILE = "data-package"
#: The Table Schema types a field may have (the subset this module maps pandas dtypes to).
FIELD_TYPES = ("string", "integer", "number", "boolean", "date", "datetime")
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"
LICENSES = [
    {"name": "MIT", "path": "https://opensource.org/licenses/MIT",
     "title": "MIT License: the code and the annotations it computed"},
    {"name": "other-closed",
     "title": "The article texts (the articles table's text, the sentences, quotations and every "
              "surface or match cell) belong to their outlets: quoted here for research, not licensed"},
]


class ExportError(ValueError):
    """A table cannot be exported as described, or the target folder is not ours to replace;
    the message names the table, column or path."""


class Table(NamedTuple):
    """What ``datapackage.json`` says of one table: the function that makes it, a title,
    what a row is, its primary key (empty: none) and every column's description in order."""
    made_by: str
    title: str
    description: str
    primary_key: tuple
    columns: dict


_ID = "the article's id (`article_id` of articles.csv)"
_OUTLET = "the outlet named in the text or its URL (`outlet` of articles.csv)"
_SENT = "the sentence (`sentence_id` of the sentences table: 1, 2, ... within the article)"
_START = "start offset of the span in the article's cleaned text (`text` of the articles table)"
_END = "end offset of the span in the article's cleaned text: text[start:end] is the span"

TABLES: dict = {
    "articles": Table(
        "load_corpus", "Articles",
        "One row per article: the metadata of articles.csv, the cleaned text every offset points "
        "into, its counts and its copy group (the raw text as received is left out: it is the "
        "corpus folder's articles/ file)", ("article_id",), {
            "article_id": "short, readable, stable id: outlet abbreviation and topic",
            "file": "file name inside the corpus folder's articles/ (the name the text was received under)",
            "outlet": "the outlet named in the text (dateline, the donation appeal) or its URL",
            "title": "the headline as printed (empty where the text carries none; see notes)",
            "published": "ISO date (YYYY-MM-DD) printed in the text or its URL, or inferred; empty where "
                         "neither is possible",
            "url": "the article's own URL where the text prints it; empty otherwise",
            "outlet_country": "where the outlet is based; empty where unknown",
            "outlet_type": "state-affiliated, independent, aggregator or digital, our classification",
            "language": "ISO 639-1 code of the text",
            "notes": "how each value above was established, and why any is empty",
            "raw_file": "the saved web page in raw/ the text was extracted from (empty: none)",
            "author": "the author the page names",
            "site_name": "the site name the page gives",
            "syndicated_from": "the article_id of the article this one copies",
            "label": "a short name for the article in charts and the report (empty: outlet and date)",
            "text": "the cleaned text (page furniture removed, see clean_text): every start and end "
                    "offset of the other tables points into it",
            "n_words": "word tokens in text",
            "n_sentences": "sentences in text",
            "title_detected": "the headline line cleaning removed from the top of the text (empty if none)",
            "copy_label": "the optional copy_group label of articles.csv as written (empty without one)",
            "copy_group": "the article_id of the copy group's representative (the article itself when "
                          "it has no copy)",
        }),
    "sentences": Table(
        "sentences", "Sentences", "One row per sentence of each article's cleaned text",
        ("article_id", "sentence_id"), {
            "article_id": _ID, "outlet": _OUTLET,
            "sentence_id": "1, 2, ... within the article",
            "paragraph_id": "the paragraph of the cleaned text the sentence is in (1, 2, ...)",
            "start": "start offset of the sentence in the article's cleaned text",
            "end": "end offset: text[start:end] of the article is the sentence",
            "text": "the sentence",
        }),
    "mentions": Table(
        "figure_mentions", "Figure mentions", "One row per mention of a registered figure, in text order",
        (), {
            "article_id": _ID, "outlet": _OUTLET, "sentence_id": _SENT, "start": _START, "end": _END,
            "surface": "the mention as written",
            "form": "full or surname",
            "figure": "the canonical name of the figure (figures.csv)",
            "affiliation_group": "the figure's affiliation group (figures.csv)",
        }),
    "quotes": Table(
        "quotes", "Quotations", "One row per quotation or reported statement", (), {
            "article_id": _ID, "outlet": _OUTLET,
            "sentence_id": "the sentence where the quotation or statement starts",
            "start": "start offset of the quoted content, without the marks, or of the reported clause",
            "end": "end offset of the quoted content or reported clause",
            "speaker": "canonical figure, an institution from institutions.csv, unattributed, or the "
                       "phrase as written if it resolves to neither",
            "speaker_text": "the speaker as written",
            "affiliation": "the speaker's affiliation group",
            "kind": "direct, mixed or indirect",
            "verb": "the attribution verb",
            "relayed_via": "the outlet or agency the statement was relayed through, if the text says so",
            "text": "the quoted content or reported clause",
        }),
    "voice": Table(
        "sentence_voice", "Voice of each sentence",
        "Whose voice each sentence is: the outlet's own narration or carried speech",
        ("article_id", "sentence_id"), {
            "article_id": _ID, "outlet": _OUTLET, "sentence_id": _SENT,
            "carried_chars": "characters of the sentence inside the content of a quotation or reported "
                             "statement",
            "carried_share": "the share of the sentence's characters inside the content of a quotation or "
                             "reported statement",
            "speech_share": "the share of the sentence's words that carry speech, the attribution frame "
                            "counted with the speech it introduces",
            "voice": "quoted (half or more), mixed (less than half) or narration (none)",
            "speaker": "the speaker with most carried characters in the sentence; empty for narration",
            "basis": "quotation, unnamed source, continues speaker or empty",
        }),
    "frames": Table(
        "frame_hits", "Frame cues", "Every frame cue found in every sentence: one row per match", (), {
            "article_id": _ID, "outlet": _OUTLET, "sentence_id": _SENT,
            "frame": "the frame (frames.csv)",
            "cue": "the pattern",
            "match": "the words matched",
            "start": _START, "end": _END,
        }),
    "blame": Table(
        "blame_statements", "Blame statements",
        "Sentences that give a cause for the treaty's collapse or the moratorium's end, and whom the "
        "cause names as its agent", (), {
            "article_id": _ID, "outlet": _OUTLET, "sentence_id": _SENT,
            "voice": "the sentence's voice (narration, quoted or mixed)",
            "topic": "the treaty's collapse or the moratorium's end",
            "cue": "the causal cue",
            "cause": "the causal clause",
            "blamed": "the agent of that clause: Russia, US/West, both or neither",
            "text": "the sentence",
        }),
    "sentiment": Table(
        "sentiment", "Sentiment", "VADER scores for every sentence", ("article_id", "sentence_id"), {
            "article_id": _ID, "outlet": _OUTLET, "sentence_id": _SENT,
            "neg": "VADER negative score (exactly NLTK's polarity_scores)",
            "neu": "VADER neutral score",
            "pos": "VADER positive score",
            "compound": "VADER compound score, -1 to 1",
            "voice": "the sentence's narration/quoted/mixed label from sentence_voice",
        }),
    "ranges": Table(
        "range_claims", "Range claims", "Every distance claim and range-class term, one row each", (), {
            "article_id": _ID, "outlet": _OUTLET, "sentence_id": _SENT, "start": _START, "end": _END,
            "surface": "the claim as written",
            "kind": "distance or class term",
            "min_km": "lower bound in km (empty where open)",
            "max_km": "upper bound in km (empty where open)",
            "unit": "the unit as written",
            "bound": "exact, up to, at least, about; class terms definition",
            "subject": "named missile: X, INF treaty band, missile class or deployment",
            "note": "e.g. with its conversion: the kilometres printed beside miles",
        }),
    "events": Table(
        "event_claims", "Dates and events", "Every date in the corpus with the event it is attached to "
        "and its check", (), {
            "article_id": _ID, "outlet": _OUTLET, "sentence_id": _SENT, "start": _START, "end": _END,
            "surface": "the date as written",
            "date": "ISO, as precise as the text (a year, a month or a day)",
            "precision": "how precise the date is",
            "basis": "how the date was resolved",
            "event": "the event of event_types.csv the date belongs to",
            "label": "the event's label",
            "fact_id": "the reference fact the event is checked against",
            "reference_date": "the reference's date of the event",
            "verdict": "agrees, conflicts, unlinked, no reference or unresolved",
            "source": "the reference's source",
        }),
    "systems": Table(
        "system_mentions", "Weapon systems", "Weapon systems named, with every designation resolved to "
        "one name (systems.csv)", (), {
            "article_id": _ID, "outlet": _OUTLET, "sentence_id": _SENT, "start": _START, "end": _END,
            "surface": "the designation as written (two designations of one system in one phrase are one "
                       "mention spanning both)",
            "system": "the system's name",
            "kind": "the system's kind (systems.csv)",
            "country": "the system's country (systems.csv)",
        }),
    "checks": Table(
        "claim_checks", "Claim checks", "Every checkable statement in the sentences, one row each, with "
        "one verdict; an error that touches several claims is one row", (), {
            "article_id": _ID, "outlet": _OUTLET, "sentence_id": _SENT, "start": _START, "end": _END,
            "claim_id": "the proposition of claims.csv, date:<event>, range:<band> or official_quote",
            "surface": "the statement's words",
            "verdict": "conflicts, misleading, unverified, agrees or not checked",
            "whose": "outlet or quoted: <speaker>, from the claim's own start against the quotation spans; "
                     "an error in a paraphrase is the outlet's",
            "fact_ids": "the reference facts checked against",
            "source_title": "the reference's source",
            "source_url": "the reference's source URL",
            "source_kind": "the kind of each source URL, in order, separated by |: primary, official secondary, "
                           "press or weak",
            "explanation": "why the verdict",
            "severity": "the verdict of an error (conflicts, misleading, unverified); empty for no error",
            "error_id": "<article_id>:<n>, one per distinct error; empty for no error",
            "also_claims": "the other claim ids the same error touches, separated by |",
        }),
    "claim_omissions": Table(
        "claim_omissions", "Omissions", "Propositions an article should state and does not: one row per "
        "article and codebook row whose required_if pattern matches the article's text",
        ("article_id", "claim_id"), {
            "article_id": _ID, "outlet": _OUTLET,
            "claim_id": "the proposition of claims.csv",
            "proposition": "the proposition as claims.csv words it",
            "required_because": "the words that made it required",
            "fact_ids": "the reference facts behind the proposition",
            "source_title": "the reference's source",
            "source_url": "the reference's source URL",
            "explanation": "why the article owes the proposition",
        }),
    "copy_groups": Table(
        "copy_groups", "Copy groups", "Copy groups of the corpus: one row per article", ("article_id",), {
            "article_id": _ID,
            "copy_group": "the article_id of the group's representative, the member published first",
            "group_size": "articles in the group",
            "representative": "True for the one member that stands for the group when outlets are compared",
            "linked_to": "the article it was joined to: its most similar partner, or its syndicated_from; "
                         "empty if none",
            "jaccard": "Jaccard similarity of that link's shingles (empty for a link a person made)",
            "containment": "containment of that link's shingles (empty for a link a person made)",
            "basis": "alone, near-duplicate, syndicated_from or copy_group column",
        }),
}


def field_type(dtype) -> str:
    """The Table Schema type of a pandas dtype: ``boolean``, ``integer`` (nullable ``Int64``
    included), ``number``, ``datetime``, ``date`` (a ``date32`` Arrow column) or ``string``
    (text, and anything else, written as text)."""
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "number"
    if isinstance(dtype, pd.ArrowDtype) and pa.types.is_date(dtype.pyarrow_dtype):
        return "date"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    return "string"


def schema(name: str, table: pd.DataFrame, spec: Table) -> dict:
    """The Table Schema of ``table``: ``fields`` (``name``, ``type``, ``description``) in the
    table's column order, and ``primaryKey`` if ``spec`` gives one. Raises ``ExportError`` for
    a column ``spec`` does not describe, a described column the table lacks, or a primary key
    that is not unique."""
    undescribed = [c for c in table.columns if not str(spec.columns.get(c, "")).strip()]
    if undescribed:
        raise ExportError(f"table {name}: no description for column(s) {', '.join(map(str, undescribed))} "
                          f"(add them to TABLES[{name!r}] in {Path(__file__).name})")
    out: dict = {"fields": [{"name": str(c), "type": field_type(table[c].dtype), "description": spec.columns[c]}
                            for c in table.columns]}
    if spec.primary_key:
        key = list(spec.primary_key)
        lacking = [c for c in key if c not in table.columns]
        if lacking:
            raise ExportError(f"table {name}: primary key column(s) {', '.join(lacking)} missing")
        if table.duplicated(key).any():
            raise ExportError(f"table {name}: two rows share the primary key {', '.join(key)}")
        out["primaryKey"] = key
    return out


def file_facts(path: Path) -> dict:
    """``bytes`` and ``hash`` (``sha256:<hex>``, the Data Package notation) of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return {"bytes": path.stat().st_size, "hash": f"sha256:{digest.hexdigest()}"}


def write_parquet(table: pd.DataFrame, path: Path) -> Path:
    """``table`` as Parquet, without its index, compressed with zstd; the same table gives the
    same bytes (the file carries no timestamp)."""
    pq.write_table(pa.Table.from_pandas(table, preserve_index=False), path, compression="zstd")
    return path


def descriptor(tables: dict, folder: Path, title: str, description: str, sources: list,
               extra: dict | None = None) -> dict:
    """The ``datapackage.json`` of ``tables`` (written in ``folder``): one CSV and one Parquet
    resource per table, with the files' sizes and hashes read from ``folder``."""
    resources = []
    for name, table in tables.items():
        spec = TABLES[name]
        table_schema = schema(name, table, spec)
        for fmt, mediatype, suffix in (("csv", "text/csv", ""), ("parquet", PARQUET_MEDIATYPE, "-parquet")):
            path = f"{name}.{fmt}"
            resource = {"name": f"{name}{suffix}", "path": path, "title": spec.title,
                        "description": f"{spec.description}. Made by helpers.{spec.made_by}; {len(table)} rows.",
                        "format": fmt, "mediatype": mediatype}
            if fmt == "csv":
                resource.update(profile="tabular-data-resource", encoding="utf-8",
                                dialect={"delimiter": ",", "lineTerminator": "\n", "header": True})
            else:
                resource.update(profile="data-resource")
            resource.update(file_facts(folder / path))
            resource["schema"] = table_schema
            resources.append(resource)
    return {"profile": PROFILE, "name": PACKAGE_NAME, "title": title, "description": description,
            **(extra or {}), "licenses": LICENSES, "sources": sources, "resources": resources}


def is_ours(folder: Path) -> bool:
    """Whether ``folder`` holds a package this module wrote, and nothing its descriptor does not
    list (so replacing it loses nothing)."""
    try:
        meta = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
        listed = {r["path"] for r in meta["resources"]} | {DESCRIPTOR}
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return meta.get("name") == PACKAGE_NAME and {p.name for p in folder.iterdir()} <= listed


def check_target(folder) -> Path:
    """``folder`` if a package may be written there: absent, an empty folder, or a folder
    this module wrote (``is_ours``). Anything else raises ``ExportError`` naming the path."""
    folder = Path(folder)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise ExportError(f"{folder}: not a folder; give EXPORT_DIR a folder to write the tables in")
    if folder.is_dir() and any(folder.iterdir()) and not is_ours(folder):
        raise ExportError(f"{folder}: a folder that is not an export of these tables (no {DESCRIPTOR} of "
                          f"{PACKAGE_NAME!r}, or files it does not list); refusing to replace it. Remove it "
                          "or give EXPORT_DIR another folder")
    return folder


def write_datapackage(tables: dict, folder, title: str, description: str, sources: list,
                      extra: dict | None = None) -> Path:
    """Write each table of ``tables`` ({name: DataFrame}, every name in ``TABLES``) to
    ``folder`` as ``<name>.csv`` and ``<name>.parquet``, and ``datapackage.json`` describing
    them (see ``descriptor``; ``extra``: more top-level properties). Atomic: written to a
    hidden folder beside ``folder``, checked (``validate``), then renamed into place, the
    previous export removed after; on any error nothing is left behind and a previous export
    stays as it was. Refuses (``check_target``) a folder it did not write. Returns the path."""
    folder = check_target(folder)
    unknown = [n for n in tables if n not in TABLES]
    if unknown:
        raise ExportError(f"no description for table(s) {', '.join(unknown)} (add them to TABLES)")
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.with_name(f".{folder.name}.tmp-{uuid.uuid4().hex}")
    old = folder.with_name(f".{folder.name}.old-{uuid.uuid4().hex}")
    try:
        tmp.mkdir()
        for name, table in tables.items():
            schema(name, table, TABLES[name])          # refuse before writing anything large
            export_csv(table, tmp, f"{name}.csv")
            write_parquet(table, tmp / f"{name}.parquet")
        meta = descriptor(tables, tmp, title, description, sources, extra)
        (tmp / DESCRIPTOR).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        problems = validate(tmp)
        if problems:
            raise ExportError("the export does not validate: " + "; ".join(problems[:5]))
        check_target(folder)           # again: nothing may have appeared there meanwhile
        if folder.exists():
            os.rename(folder, old)
        os.rename(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return folder


def _csv_header(path: Path) -> list:
    return pd.read_csv(path, nrows=0, dtype=str, keep_default_na=False).columns.tolist()


def validate(folder) -> list:  # noqa: C901
    """Problems with the package in ``folder`` ([] if none), checked against the Data Package
    and Table Schema rules this module follows: the required keys of the package and of
    each resource, names and types, every path inside the folder and existing, ``bytes`` and
    ``hash`` equal to the file's, each CSV's header equal to its schema's field names in
    order, each Parquet file's columns and rows equal to its CSV's, and primary keys unique."""
    folder = Path(folder)
    try:
        meta = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"{DESCRIPTOR}: {e}"]
    problems = [f"package: profile {meta.get('profile')}"] if meta.get("profile") not in (
        "data-package", "tabular-data-package") else []
    problems += [f"package: no {k}" for k in ("name", "title", "description", "licenses", "sources", "resources")
                if not meta.get(k)]
    problems += [f"package: license {i} has neither name nor path" for i, lic in
                 enumerate(meta.get("licenses") or []) if not (lic.get("name") or lic.get("path"))]
    names = [r.get("name") for r in meta.get("resources") or []]
    if len(set(names)) != len(names):
        problems.append("resources: two share a name")
    shapes: dict = {}
    for r in meta.get("resources") or []:
        where = f"resource {r.get('name')}"
        problems += [f"{where}: no {k}" for k in ("name", "path", "format", "mediatype", "bytes", "hash", "schema")
                     if k not in r]
        if meta.get("profile") == "tabular-data-package" and r.get("profile") != "tabular-data-resource":
            problems.append(f"{where}: not a tabular-data-resource in a tabular-data-package")
        if r.get("format") == "csv" and r.get("profile") != "tabular-data-resource":
            problems.append(f"{where}: a CSV table not profiled tabular-data-resource")
        if "path" not in r:
            continue
        rel = Path(r["path"])
        path = folder / rel
        if rel.is_absolute() or ".." in rel.parts or not path.is_file():
            problems.append(f"{where}: path {r['path']} is not a file in the folder")
            continue
        facts = file_facts(path)
        problems += [f"{where}: {k} {r.get(k)} but the file has {facts[k]}" for k in facts if r.get(k) != facts[k]]
        fields = (r.get("schema") or {}).get("fields") or []
        problems += [f"{where}: field {f.get('name')} has type {f.get('type')}" for f in fields
                     if f.get("type") not in FIELD_TYPES]
        problems += [f"{where}: field {f.get('name')} has no description" for f in fields
                     if not str(f.get("description") or "").strip()]
        field_names = [f.get("name") for f in fields]
        key = (r.get("schema") or {}).get("primaryKey") or []
        problems += [f"{where}: primary key {k} is not a field" for k in key if k not in field_names]
        if r.get("format") == "csv":
            if r.get("encoding") != "utf-8":
                problems.append(f"{where}: encoding {r.get('encoding')}")
            header = _csv_header(path)
            if header != field_names:
                problems.append(f"{where}: CSV header {header} is not the fields {field_names}")
            table = pd.read_csv(path, dtype=str, keep_default_na=False)
            if key and set(key) <= set(table.columns) and table.duplicated(key).any():
                problems.append(f"{where}: two rows share the primary key {key}")
            shapes.setdefault(rel.stem, {})["csv"] = (header, len(table))
        elif r.get("format") == "parquet":
            pf = pq.ParquetFile(path)
            columns = pf.schema_arrow.names
            if columns != field_names:
                problems.append(f"{where}: Parquet columns {columns} are not the fields {field_names}")
            shapes.setdefault(rel.stem, {})["parquet"] = (columns, pf.metadata.num_rows)
        else:
            problems.append(f"{where}: format {r.get('format')} is neither csv nor parquet")
    for stem, got in shapes.items():
        if len(got) == 2 and got["csv"] != got["parquet"]:
            problems.append(f"{stem}: the CSV has columns and rows {got['csv']}, the Parquet file {got['parquet']}")
    return problems

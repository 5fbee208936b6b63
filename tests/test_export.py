"""`make export` (scripts/export_tables.py, inf_coverage/report/datapackage.py): every table as
CSV and Parquet in one folder with a Frictionless datapackage.json. The descriptor is checked
here rule by rule (not with the frictionless package, which the lock does not hold), on the
seed corpus, with counts and a row checked by hand."""

import hashlib
import json
import os
import re

import export_tables  # scripts/ is on sys.path, see conftest.py
import pandas as pd
import pyarrow.parquet as pq
import pytest
from test_docstrings import documented_columns

import helpers as h
import inf_coverage.report.datapackage as dp

SEED = h.DEFAULT_CORPUS_DIR
NAME_RE = re.compile(r"^[a-z0-9._-]+$")      # Data Package: a name is lower-case, digits, - . _


@pytest.fixture(scope="module")
def seed_export(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports") / "export"
    assert export_tables.main(["--out", str(out), "--corpus", str(SEED)]) == 0
    return out


def _files(folder) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_seed_export_holds_every_table_twice_and_the_descriptor(seed_export):
    names = list(dp.TABLES)
    assert names == ["articles", "sentences", "mentions", "quotes", "voice", "frames", "blame", "sentiment",
                     "ranges", "events", "systems", "checks", "claim_omissions", "copy_groups"]
    assert sorted(p.name for p in seed_export.iterdir()) == sorted(
        [f"{n}.csv" for n in names] + [f"{n}.parquet" for n in names] + ["datapackage.json"])
    assert dp.validate(seed_export) == []


def test_the_descriptor_follows_the_data_package_and_table_schema_rules(seed_export):
    meta = json.loads((seed_export / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("profile", "name", "title", "description", "licenses", "sources", "resources"):
        assert meta.get(key), key
    assert meta["profile"] == "data-package" and NAME_RE.match(meta["name"])
    assert "created" not in meta                            # nothing volatile
    assert meta["corpus_fingerprint"] == h.fingerprint(SEED)
    assert [lic.get("name") for lic in meta["licenses"]] == ["MIT", "other-closed"]
    assert "belong to their outlets" in meta["licenses"][1]["title"]
    assert all(s.get("title") for s in meta["sources"])
    resources = meta["resources"]
    assert [r["name"] for r in resources] == [n + s for n in dp.TABLES for s in ("", "-parquet")]
    csv_shapes, parquet_shapes = {}, {}
    for r in resources:
        for key in ("name", "path", "format", "mediatype", "bytes", "hash", "schema"):
            assert key in r, (r["name"], key)
        assert NAME_RE.match(r["name"])
        path = seed_export / r["path"]
        assert path.is_file() and path.parent == seed_export
        data = path.read_bytes()
        assert r["bytes"] == len(data)
        assert r["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        fields = r["schema"]["fields"]
        assert fields and all(set(f) == {"name", "type", "description"} for f in fields)
        assert all(f["type"] in ("string", "integer", "number", "boolean", "date", "datetime") for f in fields)
        assert all(f["description"].strip() for f in fields)
        names = [f["name"] for f in fields]
        assert set(r["schema"].get("primaryKey", [])) <= set(names)
        if r["format"] == "csv":
            assert (r["mediatype"], r["encoding"], r["profile"]) == ("text/csv", "utf-8", "tabular-data-resource")
            assert data.decode("utf-8").split("\n", 1)[0] == ",".join(names)      # header = fields, in order
            table = pd.read_csv(path, dtype=str, keep_default_na=False)
            key = r["schema"].get("primaryKey")
            assert not key or not table.duplicated(key).any()
            csv_shapes[r["name"]] = (names, list(table.columns), len(table))
        else:
            assert (r["format"], r["mediatype"], r["profile"]) == ("parquet", "application/vnd.apache.parquet",
                                                                   "data-resource")
            pf = pq.ParquetFile(path)
            parquet_shapes[r["name"].removesuffix("-parquet")] = (names, pf.schema_arrow.names, pf.metadata.num_rows)
    assert csv_shapes == parquet_shapes      # same fields, same columns, same row count


def test_field_types_follow_the_dtypes(seed_export):
    meta = json.loads((seed_export / "datapackage.json").read_text(encoding="utf-8"))
    types = {(r["name"], f["name"]): f["type"] for r in meta["resources"] for f in r["schema"]["fields"]}
    assert types[("sentences", "sentence_id")] == "integer"
    assert types[("sentences", "text")] == "string"
    assert types[("ranges", "min_km")] == "integer"              # nullable Int64
    assert types[("sentiment", "compound")] == "number"
    assert types[("copy_groups", "representative")] == "boolean"
    assert dp.field_type(pd.Series(pd.to_datetime(["2025-08-04"])).dtype) == "datetime"
    assert dp.field_type(pd.Series([pd.Timestamp("2025-08-04").date()], dtype="date32[pyarrow]").dtype) == "date"
    pk = {r["name"]: r["schema"].get("primaryKey") for r in meta["resources"]}
    assert pk["sentences"] == ["article_id", "sentence_id"] and pk["articles"] == ["article_id"]
    assert pk["quotes"] is None


def test_row_counts_and_a_row_checked_by_hand(seed_export):
    def read(name):
        return pd.read_csv(seed_export / f"{name}.csv", keep_default_na=False)
    counts = {n: len(read(n)) for n in ("articles", "sentences", "quotes", "checks", "claim_omissions", "copy_groups")}
    # 80 statements: mt-experts sentence 3 carries the US "accusing Russia of violating the agreement",
    # and mt-ban-ends sentence 8 gives Ryabkov a reported clause and two quoted fragments
    assert counts == {"articles": 5, "sentences": 110, "quotes": 80, "checks": 115, "claim_omissions": 8,
                      "copy_groups": 5}
    # sentences per article: the n_sentences of the articles table
    articles = read("articles")
    assert "raw_text" not in articles.columns and "text" in articles.columns
    assert read("sentences").groupby("article_id").size().to_dict() == \
        dict(zip(articles.article_id, articles.n_sentences)) == \
        {"agg-ryabkov": 21, "cow-inf-withdrawal": 13, "gt-moratorium": 27, "mt-ban-ends": 13, "mt-experts": 36}
    # corpus/articles/003_...txt: "‘Our country is forced to respond to the emergence of new and very
    # sensitive missile threats,’ Ryabkov emphasized, ..." (the aggregator's third sentence)
    quotes = read("quotes")
    row = quotes[(quotes.article_id == "agg-ryabkov") & (quotes.sentence_id == 3)].iloc[0]
    assert (row.speaker, row.speaker_text, row.kind, row.verb) == ("Sergei Ryabkov", "Ryabkov", "direct", "emphasized")
    assert row.text == "Our country is forced to respond to the emergence of new and very sensitive missile threats"
    text = articles.set_index("article_id").text["agg-ryabkov"]
    assert text[row.start:row.end] == row.text                # offsets point into the exported text
    # the Parquet file holds the same values
    parquet = pd.read_parquet(seed_export / "quotes.parquet")
    assert parquet.loc[row.name, ["speaker", "start", "end"]].tolist() == ["Sergei Ryabkov", row.start, row.end]


def test_csv_and_parquet_hold_the_same_values_on_the_seed(seed_export):
    # no seed cell starts like a formula, so export_csv changed none: the two files agree cell by cell
    for name in dp.TABLES:
        csv = pd.read_csv(seed_export / f"{name}.csv", dtype=str, keep_default_na=False)
        parquet = pd.read_parquet(seed_export / f"{name}.parquet")
        as_text = parquet.astype(object).where(parquet.notna(), "").astype(str)
        floats = [c for c in parquet.columns if pd.api.types.is_float_dtype(parquet[c])]
        assert csv.drop(columns=floats).equals(as_text.drop(columns=floats)), name
        for c in floats:
            assert pd.to_numeric(csv[c]).equals(parquet[c].astype(float)), (name, c)


def test_every_column_is_described_in_the_words_of_the_function_that_makes_it(seed_export):
    meta = json.loads((seed_export / "datapackage.json").read_text(encoding="utf-8"))
    for r in meta["resources"]:
        spec = dp.TABLES[r["name"].removesuffix("-parquet")]
        made_by = documented_columns(getattr(h, spec.made_by))
        assert [f["name"] for f in r["schema"]["fields"] if f["name"] not in made_by] == [], r["name"]
        assert [f["description"] for f in r["schema"]["fields"]] == [spec.columns[f["name"]]
                                                                      for f in r["schema"]["fields"]]


def test_a_second_export_to_the_same_folder_is_byte_identical(seed_export):
    before = _files(seed_export)
    assert export_tables.main(["--out", str(seed_export), "--corpus", str(SEED)]) == 0
    assert _files(seed_export) == before
    assert sorted(os.listdir(seed_export.parent)) == ["export"]       # no temporary folder left


def test_a_column_without_a_description_is_refused_and_nothing_is_written(tmp_path):
    tables = {"copy_groups": pd.DataFrame({"article_id": ["a"], "copy_group": ["a"], "mystery": [1]})}
    with pytest.raises(dp.ExportError, match=r"copy_groups: no description for column\(s\) mystery"):
        dp.write_datapackage(tables, tmp_path / "out", "t", "d", [{"title": "s"}])
    with pytest.raises(dp.ExportError, match="no description for table"):
        dp.write_datapackage({"unknown": tables["copy_groups"]}, tmp_path / "out", "t", "d", [{"title": "s"}])
    with pytest.raises(dp.ExportError, match="share the primary key"):
        dp.write_datapackage({"copy_groups": pd.DataFrame({"article_id": ["a", "a"], "copy_group": ["a", "a"]})},
                             tmp_path / "out", "t", "d", [{"title": "s"}])
    assert os.listdir(tmp_path) == []


def test_a_folder_that_is_not_an_export_is_refused_and_left_as_it_was(seed_export, tmp_path):
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "thesis.txt").write_text("mine", encoding="utf-8")
    assert export_tables.main(["--out", str(mine), "--corpus", str(SEED)]) == 1
    with pytest.raises(dp.ExportError, match=re.escape(f"{mine}: a folder that is not an export")):
        dp.check_target(mine)
    # an export with a file its descriptor does not list, and a plain file, are refused too
    extra = tmp_path / "extra"
    extra.mkdir()
    for name, data in _files(seed_export).items():
        (extra / name).write_bytes(data)
    (extra / "my-notes.csv").write_text("x\n", encoding="utf-8")
    assert export_tables.main(["--out", str(extra), "--corpus", str(SEED)]) == 1
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(dp.ExportError, match="not a folder"):
        dp.check_target(tmp_path / "file")
    assert sorted(os.listdir(tmp_path)) == ["extra", "file", "notes"]       # nothing new beside them
    assert os.listdir(mine) == ["thesis.txt"] and (mine / "thesis.txt").read_text(encoding="utf-8") == "mine"
    assert "my-notes.csv" in os.listdir(extra)
    # an empty folder holds nothing to lose: written
    empty = tmp_path / "empty"
    empty.mkdir()
    assert export_tables.main(["--out", str(empty), "--corpus", str(SEED)]) == 0
    assert dp.validate(empty) == []


def test_validate_finds_a_changed_file_a_wrong_header_and_a_missing_one(seed_export, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    for name, data in _files(seed_export).items():
        (copy / name).write_bytes(data)
    (copy / "blame.csv").write_bytes((copy / "blame.csv").read_bytes() + b"\n")
    problems = dp.validate(copy)
    assert any(p.startswith("resource blame: bytes") for p in problems)
    assert any(p.startswith("resource blame: hash") for p in problems)
    header, rest = (copy / "systems.csv").read_bytes().split(b"\n", 1)
    (copy / "systems.csv").write_bytes(header.replace(b"surface", b"surfaces") + b"\n" + rest)
    assert any("resource systems: CSV header" in p for p in dp.validate(copy))
    (copy / "voice.parquet").unlink()
    assert any(p == "resource voice-parquet: path voice.parquet is not a file in the folder"
               for p in dp.validate(copy))
    meta = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    meta["resources"][0]["schema"]["fields"][0]["type"] = "text"
    del meta["licenses"]
    meta["profile"] = "tabular-data-package"      # which would need every resource tabular (CSV)
    (copy / "datapackage.json").write_text(json.dumps(meta), encoding="utf-8")
    problems = dp.validate(copy)
    assert "package: no licenses" in problems
    assert "resource articles: field article_id has type text" in problems
    assert "resource articles-parquet: not a tabular-data-resource in a tabular-data-package" in problems
    assert "resource articles: not a tabular-data-resource in a tabular-data-package" not in problems


def test_an_error_midway_leaves_the_previous_export_as_it_was(seed_export, monkeypatch):
    before = _files(seed_export)
    calls, real = [], dp.write_parquet

    def fail_on_third(table, path):
        calls.append(path.name)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(table, path)

    monkeypatch.setattr(dp, "write_parquet", fail_on_third)
    with pytest.raises(OSError, match="disk full"):
        export_tables.main(["--out", str(seed_export), "--corpus", str(SEED)])
    assert _files(seed_export) == before
    assert sorted(os.listdir(seed_export.parent)) == ["export"]


def test_an_added_articles_column_is_exported_if_described_and_named_if_not(corpus_copy, tmp_path, capsys):
    corpus = corpus_copy()
    meta = pd.read_csv(corpus / "articles.csv", dtype=str, keep_default_na=False)
    meta.assign(author="A. Writer", my_column="x").to_csv(corpus / "articles.csv", index=False)
    assert export_tables.main(["--out", str(tmp_path / "out"), "--corpus", str(corpus)]) == 0
    assert "articles.csv columns not exported (no description in TABLES): my_column" in capsys.readouterr().err
    header = pd.read_csv(tmp_path / "out" / "articles.csv", nrows=0).columns.tolist()
    assert "author" in header and "my_column" not in header
    assert dp.validate(tmp_path / "out") == []

"""Broken and hostile input (issue 13): every class is refused with a CorpusError naming
file, row and what is wrong, or handled exactly as docs/refusals.md says. Each test builds its
corpus or registry in tmp_path."""

import datetime as dt
import os
import shutil
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backends.backend_agg import RendererAgg  # noqa: E402

import helpers as h  # noqa: E402

SEED = h.DEFAULT_CORPUS_DIR
REFERENCE = h.load_reference(SEED / "reference_facts.csv")


def meta(folder):
    return pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)


def fails(call, *fragments):
    with pytest.raises(h.CorpusError) as err:
        call()
    msg = str(err.value)
    for frag in fragments:
        assert frag in msg, msg
    return msg


def registry(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- Security: links out of the corpus, spreadsheet formulas ------------------

def test_article_that_is_a_symlink_is_refused(corpus, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    art = corpus / "articles" / "001_6b7cc1ec38a2ee35.txt"
    art.unlink()
    art.symlink_to(secret)
    fails(lambda: h.load_corpus(corpus), "articles.csv, row 3 (article_id 'mt-ban-ends')",
          "001_6b7cc1ec38a2ee35.txt is a symbolic link")


def test_articles_folder_that_resolves_outside_the_corpus_is_refused(corpus, tmp_path):
    outside = tmp_path / "elsewhere"
    shutil.move(corpus / "articles", outside)
    (corpus / "articles").symlink_to(outside, target_is_directory=True)
    fails(lambda: h.load_corpus(corpus), f"{corpus / 'articles'}: must be a folder inside the corpus folder")


def test_export_neutralises_formula_cells_in_the_file_only(tmp_path):
    table = pd.DataFrame({
        "text": ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "-5", "plain"],
        "n": [-1, 2, -3, 4, 5, 6, 7, 8],
        "x": [-0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
    })
    before = table.copy()
    path = h.export_csv(table, tmp_path, "t.csv")
    pd.testing.assert_frame_equal(table, before)                     # the table in memory is unchanged
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert back.text.tolist() == ["'=HYPERLINK(\"http://x\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tcmd",
                                  "'\rcmd", "-5", "plain"]
    assert back.n.tolist() == ["-1", "2", "-3", "4", "5", "6", "7", "8"]   # numbers stay numbers
    assert back.x.tolist()[0] == "-0.5"


# -- Time: user regular expressions -----------------------------------------

FRAMES_HEADER = "frame,label,definition,cues\n"


@pytest.mark.parametrize("cue, why", [
    (r"(\w+\s?)+x", "nested quantifiers"),
    (r"(?P<c1>threat)", "named group"),
    (r"(?i)threat", "inline flags"),
    (r"(?i:threat)", "inline flags"),
    (r"x*", "can match the empty string"),
    (r"threat|", "can match the empty string"),
    (r"(a|ab)+c", "alternatives (|) inside a repeated group"),
    (r"(\w)\1", "refers back to a group"),
    (r".*threat", "repeats any character without a limit"),
    (r"\w*\w*\w*x", "more than two repetitions without a limit"),
    (r"(threat", "is not a valid regular expression"),
])
def test_unsafe_frame_cue_is_refused_naming_file_row_and_cue(tmp_path, hang_guard, cue, why):
    path = registry(tmp_path, "frames.csv", FRAMES_HEADER + "escalation,Escalation,d,arms race\n"
                    f"bad,Bad,d,standoff; {cue}\n")
    fails(lambda: h.load_frames(path), f"{path}, row 3 (frame 'bad'): cue {cue!r}", why)


def test_unsafe_event_anchor_and_context_are_refused(tmp_path):
    header = "event,label,anchor,context,fact_id,reference_date,notes\n"
    path = registry(tmp_path, "event_types.csv", header + r"e1,E,(\w+\s?)+x,,,," + "\n")
    fails(lambda: h.load_event_types(path, REFERENCE), f"{path}, row 2 (event 'e1'): anchor", "nested quantifiers")
    path = registry(tmp_path, "event_types.csv", header + "e1,E,summit,(?P<x>Russia),,,\n")
    fails(lambda: h.load_event_types(path, REFERENCE), "row 2 (event 'e1'): context '(?P<x>Russia)'", "named group")


def test_seed_codebooks_pass_the_pattern_checks():
    assert len(h.load_frames(SEED / "frames.csv")) == 7
    assert len(h.load_event_types(SEED / "event_types.csv", REFERENCE)) == 23     # 22 and the US suspension (F07)
    assert h.check_pattern(r"escalat\w*", "x").search("ESCALATION")       # compiled case-insensitively


def test_system_alias_without_letters_is_refused(tmp_path):
    path = registry(tmp_path, "systems.csv", "system,aliases,kind,country,notes\nOreshnik,Oreshnik|--,m,Russia,\n")
    fails(lambda: h.load_systems(path), f"{path}, row 2 (system 'Oreshnik'): alias '--' has no letter or digit")


# -- Range claims on absurd numbers ------------------------------------------

@pytest.mark.parametrize("digits", [100_000, 19, 16])
def test_range_claims_skip_absurd_numbers(hang_guard, digits):
    text = f"It flies {'9' * digits} km, and the treaty band is 500-5,500 km."
    sents = pd.DataFrame([dict(article_id="a", outlet="o", sentence_id=1, start=0, text=text)])
    claims = h.range_claims(sents, h.load_systems(SEED / "systems.csv"))
    assert claims[["surface", "min_km", "max_km"]].values.tolist() == [["500-5,500 km", 500, 5500]]
    assert len(h.check_ranges(claims, REFERENCE)) == 1


# -- Silent acceptance --------------------------------------------------------

def test_nul_and_bidi_controls_are_removed_and_audited(corpus):
    art = corpus / "articles" / "003_99bcd65356963092.txt"
    raw = art.read_text(encoding="utf-8")
    assert "Ryabkov" in raw and "Putin" in raw
    hostile = raw.replace("Ryabkov", "Ryab\x00kov").replace("Putin", "Pu\u202etin\u2069")
    art.write_text(hostile, encoding="utf-8")
    articles = h.load_corpus(corpus)
    row = articles[articles.article_id == "agg-ryabkov"].iloc[0]
    assert "\x00" not in row.text and "\u202e" not in row.text and "\u2069" not in row.text
    seed = h.load_corpus(SEED)
    assert row.text == seed[seed.article_id == "agg-ryabkov"].iloc[0].text     # nothing else changed
    audit = h.removed_spans(articles)
    controls = audit[audit.rule == "control character"]
    assert len(controls) == hostile.count("\x00") + hostile.count("\u202e") + hostile.count("\u2069")
    assert set(controls.kind) == {"normalisation"}
    # replaying the audit on the raw text gives the cleaned text exactly
    edits = audit[audit.article_id == "agg-ryabkov"].sort_values("raw_start")
    out, pos = [], 0
    for s, e, repl in edits[["raw_start", "raw_end", "replacement"]].itertuples(index=False):
        out += [hostile[pos:s], repl]
        pos = e
    assert "".join(out) + hostile[pos:] == row.text
    mentions = h.figure_mentions(h.sentences(articles), h.load_figures(SEED / "figures.csv"))
    seed_mentions = h.figure_mentions(h.sentences(seed), h.load_figures(SEED / "figures.csv"))
    assert (mentions.groupby("figure").size().to_dict() == seed_mentions.groupby("figure").size().to_dict())


@pytest.mark.parametrize("content, why", [
    ("\x00" * 50, "nothing is left after removing page furniture, control characters and whitespace"),
    # a line of symbols is no sentence: cleaning removes it as furniture (the evidence rule)
    ("... !!! ??? --- \u2014 \u201c\u201d", "nothing is left after removing page furniture"),
])
def test_article_empty_after_cleaning_is_refused(corpus, content, why):
    (corpus / "articles" / "004_95fc5f138e075cf5.txt").write_text(content, encoding="utf-8")
    fails(lambda: h.load_corpus(corpus), "004_95fc5f138e075cf5.txt: " + why,
          "(row 6 of articles.csv, article_id 'cow-inf-withdrawal')")


@pytest.mark.parametrize("make, name, kind", [
    (lambda d: (d / ".DS_Store").write_bytes(b"\x00\x01"), ".DS_Store", "hidden file"),
    (lambda d: (d / "drafts").mkdir(), "drafts", "folder"),
    (lambda d: (d / ".cache").mkdir(), ".cache", "hidden folder"),
    (lambda d: (d / "notes.txt").write_text("x", encoding="utf-8"), "notes.txt", "file"),
])
def test_anything_in_articles_that_no_row_names_is_refused(corpus, make, name, kind):
    make(corpus / "articles")
    fails(lambda: h.load_corpus(corpus), f"{corpus / 'articles' / name}: {kind} has no row in")


def test_raw_folder_holds_only_the_pages_rows_name(corpus):
    df = meta(corpus)
    df["raw_file"] = ["", "gt.html", "", "", ""]
    df.to_csv(corpus / "articles.csv", index=False)
    fails(lambda: h.load_corpus(corpus), "row 3 (article_id 'mt-ban-ends')", "gt.html not found")
    (corpus / "raw").mkdir()
    (corpus / "raw" / "gt.html").write_text("<p>page</p>", encoding="utf-8")
    assert len(h.load_corpus(corpus)) == 5
    (corpus / "raw" / ".hidden.html").write_text("x", encoding="utf-8")
    fails(lambda: h.load_corpus(corpus), f"{corpus / 'raw' / '.hidden.html'}: hidden file has no row in")


TOMORROW = dt.date.today() + dt.timedelta(days=1)


@pytest.mark.parametrize("bad, why", [
    ("20250804", "is not a date in YYYY-MM-DD form"),
    ("2025-W32-1", "is not a date in YYYY-MM-DD form"),
    ("2025-08-04T10:00", "is not a date in YYYY-MM-DD form"),
    ("２０２５-08-04", "is not a date in YYYY-MM-DD form"),
    ("9999-12-31", "is outside the accepted dates"),
    ("0001-01-01", "is outside the accepted dates"),
    ("1949-12-31", "is outside the accepted dates"),
    ((TOMORROW + dt.timedelta(days=1)).isoformat(), "is outside the accepted dates"),
])
def test_published_must_be_a_plausible_iso_day(corpus, bad, why):
    df = meta(corpus)
    df.loc[2, "published"] = bad
    df.to_csv(corpus / "articles.csv", index=False)
    fails(lambda: h.load_corpus(corpus), "row 4 (article_id 'mt-experts')", f"published {bad!r} {why}")


@pytest.mark.parametrize("good", ["1950-01-01", TOMORROW.isoformat()])
def test_published_limits_are_inclusive(corpus, good):
    df = meta(corpus)
    df.loc[2, "published"] = good
    df.to_csv(corpus / "articles.csv", index=False)
    assert good in set(h.load_corpus(corpus).published)


FIG_HEADER = "figure,aliases,surname,role,affiliation_group,country,notes\n"
PUTIN = "Vladimir Putin,Vladimir Putin,Putin,president,russian_official,Russia,\n"


@pytest.mark.parametrize("row, what", [
    ("The Spokesman,The Spokesman|The,Spokesman,r,other,X,\n", "alias 'The'"),
    ("Ann Of,Ann Of,Of,r,other,X,\n", "surname 'Of'"),
    ("Bob And,Bob And,AND,r,other,X,\n", "surname 'AND'"),
])
def test_function_word_as_name_is_refused(tmp_path, row, what):
    path = registry(tmp_path, "figures.csv", FIG_HEADER + PUTIN + row)
    fails(lambda: h.load_figures(path), f"{path}, row 3", what, "English function word")


def test_name_claimed_by_two_people_in_different_case_is_refused(tmp_path):
    path = registry(tmp_path, "figures.csv", FIG_HEADER + PUTIN + "Ivan Petrov,Ivan Petrov|vladimir putin,Petrov,r,other,X,\n")
    fails(lambda: h.load_figures(path), f"{path}, row 3 (figure 'Ivan Petrov'): alias 'vladimir putin' "
          "is also listed for 'Vladimir Putin' (as 'Vladimir Putin')")
    path = registry(tmp_path, "figures.csv", FIG_HEADER + PUTIN + "Anna Putin,Anna Putin,PUTIN,r,other,X,\n")
    fails(lambda: h.load_figures(path), "row 3 (figure 'Anna Putin'): surname 'PUTIN' is also listed for "
          "'Vladimir Putin' as 'Putin'")


def test_surnames_that_are_also_words_are_allowed(tmp_path):
    path = registry(tmp_path, "figures.csv", FIG_HEADER + "".join(
        f"{n},{n},{n.split()[1]},r,other,X,\n" for n in ["Alan Price", "Theresa May", "Condoleezza Rice"]))
    figures = h.load_figures(path)
    assert figures.surname.tolist() == ["Price", "May", "Rice"]


# -- Crashes that named nothing -----------------------------------------------

def test_empty_or_header_only_articles_csv_is_refused(corpus):
    (corpus / "articles.csv").write_bytes(b"")
    fails(lambda: h.load_corpus(corpus), f"{corpus / 'articles.csv'}: the file is empty; it needs at least "
          "the header row (article_id,file,outlet,")
    (corpus / "articles.csv").write_text(",".join(h.REQUIRED_COLUMNS) + "\n", encoding="utf-8")
    fails(lambda: h.load_corpus(corpus), f"{corpus / 'articles.csv'}: no articles are listed (the file has only its header row)")


def test_header_only_registries_are_empty_and_the_analyses_carry_on(tmp_path, sents):
    figures = h.load_figures(registry(tmp_path, "figures.csv", FIG_HEADER))
    # a registry without the optional standing column gets one, derived from affiliation_group
    assert figures.empty and list(figures.columns) == h.FIGURE_COLUMNS + ["standing"]
    mentions = h.figure_mentions(sents, figures)
    assert mentions.empty and "figure" in mentions.columns
    assert h.figure_mentions(sents, figures, unresolved=True).empty
    assert h.discover_names(sents, figures).candidate.nunique() > 0
    systems = h.load_systems(registry(tmp_path, "systems.csv", "system,aliases,kind,country,notes\n"))
    assert systems.empty
    assert len(h.range_claims(sents, systems)) > 0 and h.system_mentions(sents, systems).empty
    frames = h.load_frames(registry(tmp_path, "frames.csv", FRAMES_HEADER))
    assert h.frame_hits(sents, frames).empty
    events = h.load_event_types(registry(tmp_path, "event_types.csv",
                                         "event,label,anchor,context,fact_id,reference_date,notes\n"), REFERENCE)
    claims = h.event_claims(sents, event_types=events, reference=REFERENCE)
    assert len(claims) > 0 and set(claims.event) == {""}


@pytest.mark.parametrize("name", ["figures.csv", "systems.csv"])
def test_zero_byte_registry_is_refused_naming_it(tmp_path, name):
    path = registry(tmp_path, name, "")
    loader = {"figures.csv": h.load_figures, "systems.csv": h.load_systems}[name]
    fails(lambda: loader(path), f"{path}: the file is empty; it needs at least the header row")


EVENT_HEADER = "event,label,anchor,context,fact_id,reference_date,notes\n"


@pytest.mark.parametrize("row, what", [
    ("geneva,Summit,summit,,F999,2021-06-16,\n", "fact_id 'F999' is not in reference_facts.csv"),
    ("geneva,Summit,summit,,F37,soon,\n", "reference_date 'soon' is not a date"),
    ("geneva,Summit,summit,,F37,2021-02-30,\n", "reference_date '2021-02-30' is not a date"),
    ("geneva,Summit,summit,,F37,,\n", "fact_id 'F37' is given without a reference_date"),
])
def test_event_type_with_bad_fact_or_date_is_refused(tmp_path, row, what):
    path = registry(tmp_path, "event_types.csv", EVENT_HEADER + "signed,Signed,signed,,F01,1987-12-08,\n" + row)
    fails(lambda: h.load_event_types(path, REFERENCE), f"{path}, row 3 (event 'geneva'): {what}")


def test_decode_error_in_a_csv_names_byte_offset_and_row(corpus):
    path = corpus / "articles.csv"
    data = path.read_bytes()
    offset = data.index(b"\nmt-experts") + 1         # the start of row 4 of the spreadsheet
    path.write_bytes(data[:offset] + b"\x92" + data[offset:])
    fails(lambda: h.load_corpus(corpus), f"{path}, row 4: not UTF-8 text (invalid start byte at byte {offset}: b'\\x92')")


def test_decode_error_after_a_multiline_cell_counts_records_not_lines(tmp_path):
    body = (FIG_HEADER + 'Vladimir Putin,Vladimir Putin,Putin,"president,\nof Russia",russian_official,Russia,\n'
            "Dmitry Peskov,Dmitry Peskov,Peskov,spokesman,russian_official,Russia,\n").encode()
    offset = body.index(b"Peskov,spokesman")
    path = tmp_path / "figures.csv"
    path.write_bytes(body[:offset] + b"\xff" + body[offset:])
    fails(lambda: h.load_figures(path), f"{path}, row 3: not UTF-8 text", f"at byte {offset}: b'\\xff'")


def test_malformed_csv_names_the_file(tmp_path):
    path = registry(tmp_path, "systems.csv", 'system,aliases,kind,country,notes\n"Oreshnik,Oreshnik,m,Russia,\n')
    fails(lambda: h.load_systems(path), f"{path}: not a valid CSV file")


# -- Corruption: text drawn as mathematics --------------------------------------

def test_chart_text_draws_dollar_signs_literally(monkeypatch):
    drawn = []
    original = RendererAgg.draw_text

    def spy(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        drawn.append((s, ismath))
        return original(self, gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    monkeypatch.setattr(RendererAgg, "draw_text", spy)
    label = r"Outlet $\frac{1}{0}$ costs $5 \$"
    fig, ax = plt.subplots()
    ax.set_yticks([0, 1], [h.chart_text(label), r"$\frac{1}{0}$"])
    fig.canvas.draw()
    plt.close(fig)
    assert (label, False) in drawn                          # escaped: the characters as written
    assert (r"$\frac{1}{0}$", "TeX") in drawn or (r"$\frac{1}{0}$", True) in drawn   # unescaped: mathtext
    assert h.chart_text(3) == "3"


# -- Big input ----------------------------------------------------------------

def test_article_over_the_size_limit_is_refused_before_reading(corpus):
    assert h.MAX_ARTICLE_BYTES >= 2_000_000
    art = corpus / "articles" / "002_5d1d1e6727da7879.txt"
    with open(art, "ab") as f:
        f.truncate(h.MAX_ARTICLE_BYTES + 1)
    fails(lambda: h.load_corpus(corpus), f"{art}: the file is {h.MAX_ARTICLE_BYTES + 1:,} bytes, over the limit "
          f"of {h.MAX_ARTICLE_BYTES:,} bytes (helpers.MAX_ARTICLE_BYTES) (row 4 of articles.csv, article_id 'mt-experts')")


def test_article_at_the_size_limit_loads(corpus):
    art = corpus / "articles" / "002_5d1d1e6727da7879.txt"
    text = art.read_text(encoding="utf-8")
    filler = ("The treaty was discussed again. " * 80_000)
    data = (text + "\n" + filler).encode()[: h.MAX_ARTICLE_BYTES]
    art.write_bytes(data[: data.rfind(b" ")])
    assert os.path.getsize(art) <= h.MAX_ARTICLE_BYTES
    assert len(h.load_corpus(corpus)) == 5


def test_punkt_runs_under_its_own_time_limit_not_nltks(monkeypatch):
    """NLTK's regex guard is a wall-clock limit (5 s by default): on a busy machine Punkt crossed
    it on an article the size limit accepts. Punkt runs under PUNKT_TIMEOUT, and NLTK's own
    default is back as it was afterwards."""
    from nltk import redos

    monkeypatch.setattr(redos, "DEFAULT_TIMEOUT", 1e-9)     # would trip at once
    text = "The envoy left at dawn. " * 3 + "A unique closing line for the guard test."
    articles = pd.DataFrame({"article_id": ["g"], "outlet": ["O"], "text": [text]})
    assert h.sentences(articles).text.tolist()[-1] == "A unique closing line for the guard test."
    assert len(h.sentences(articles)) == 4
    assert redos.DEFAULT_TIMEOUT == 1e-9


# --- round three: make add, annotations, claim patterns, the scheduler ------------------------

REPO = SEED.parent
FAKE_PYTHON = """#!/bin/sh
# stands in for the venv's python/jupyter: records its arguments and environment, runs nothing
{ printf '%s\\n' "$@"; echo "CORPUS_DIR=${CORPUS_DIR-<unset>}"; } > "$ARGS_OUT"
"""


def _make(tmp_path, target, *assignments, env_extra=None):
    """``make -o .venv/.installed TARGET ...`` with the venv's programs replaced by a script that
    writes its arguments (one a line) and CORPUS_DIR to a file: what a recipe would run."""
    fake = tmp_path / "bin"
    fake.mkdir(exist_ok=True)
    for name in ("python", "jupyter"):
        (fake / name).write_text(FAKE_PYTHON, encoding="utf-8")
        (fake / name).chmod(0o755)
    out = tmp_path / "args.txt"
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "CORPUS_DIR", "REPORT_DIR", "LAB_ARGS")}
    env.update(ARGS_OUT=str(out), **(env_extra or {}))
    proc = subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", target, f"BIN={fake}",
                           *assignments], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    return proc, (out.read_text(encoding="utf-8").splitlines() if out.exists() else None)


HOSTILE_VALUES = ['a`touch {p}1`b', '$(touch {p}2)', 'x"; touch {p}3; echo "', "$(shell touch {p}4)",
                  "'; touch {p}5; '"]


@pytest.mark.parametrize("variable", ["SRC", "OUTLET", "TITLE", "CORPUS_DIR", "AUTHOR"])
def test_make_add_passes_every_variable_as_one_literal_argument(tmp_path, variable):
    """A file name with backticks, a value holding $(...) (shell or make), or quotes: each reaches
    the script as the one argument it is, and nothing runs."""
    flag = {"SRC": "--", "OUTLET": "--outlet", "TITLE": "--title", "CORPUS_DIR": "--corpus", "AUTHOR": "--author"}
    probe = tmp_path / "pwned"
    for value in (v.format(p=probe) for v in HOSTILE_VALUES):
        assigns = [f"{variable}={value}"] + ([] if variable == "SRC" else ["SRC=page.html"])
        proc, args = _make(tmp_path, "add", *assigns)
        assert proc.returncode == 0, proc.stderr
        assert args[args.index(flag[variable]) + 1] == value
        assert not list(tmp_path.glob("pwned*")), f"{variable}={value!r} ran a command"


def test_make_report_and_lab_pass_their_variables_literally(tmp_path):
    probe = tmp_path / "pwned"
    for value in (v.format(p=probe) for v in HOSTILE_VALUES):
        proc, args = _make(tmp_path, "report", f"REPORT_DIR={value}", f"CORPUS_DIR={value}")
        assert proc.returncode == 0, proc.stderr
        assert args[args.index("--out") + 1] == value and args[-1] == f"CORPUS_DIR={value}"
        proc, args = _make(tmp_path, "lab", f"LAB_ARGS=--port 8899 {value}")
        assert proc.returncode == 0, proc.stderr
        assert "--port" in args and "8899" in args
    assert not list(tmp_path.glob("pwned*"))
    # the documented forms still work: CORPUS_DIR from the environment, and no CORPUS_DIR at all
    _, args = _make(tmp_path, "report", env_extra={"CORPUS_DIR": "my corpus"})
    assert args[-1] == "CORPUS_DIR=my corpus" and args[args.index("--out") + 1] == "report"
    _, args = _make(tmp_path, "report")
    assert args[-1] == "CORPUS_DIR=<unset>"


WEB = REPO / "tests" / "fixtures" / "web"


def test_make_add_refuses_a_symbolic_link_named_or_in_a_folder(tmp_path):
    """A link to a system file would otherwise be copied into the corpus as a regular file,
    getting round the loader's refusal of links."""
    import corpus_add as ca
    secret = tmp_path / "secret.txt"
    secret.write_text("Not an article: a file outside the corpus that must never be copied into it.\n" * 3)
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(WEB / "plain_article.txt", pages / "real.txt")
    (pages / "link.txt").symlink_to(secret)
    corpus = tmp_path / "corpus"
    for src in ([pages / "link.txt"], [pages]):
        with pytest.raises(h.CorpusError, match=r"link\.txt: a symbolic link; make add copies only regular files"):
            ca.add_articles(src, corpus, outlet="Example", published="2025-08-05")
        assert not corpus.exists() or not (corpus / "articles.csv").exists()


def test_make_add_writes_a_formula_cell_neutralised_into_articles_csv(tmp_path):
    import corpus_add as ca
    corpus = tmp_path / "corpus"
    ca.add_articles([WEB / "plain_article.txt"], corpus, outlet='=HYPERLINK("http://x.example","click")',
                    title="@SUM(1+1)", published="2025-08-05")
    text = (corpus / "articles.csv").read_text(encoding="utf-8")
    assert '"\'=HYPERLINK(""http://x.example"",""click"")"' in text and ",'@SUM(1+1)," in text
    row = h.load_corpus(corpus).iloc[0]
    assert row.outlet == '\'=HYPERLINK("http://x.example","click")' and row.published == "2025-08-05"


def test_articles_csv_and_registries_that_are_links_are_refused(corpus, tmp_path):
    outside = tmp_path / "outside.csv"
    shutil.move(corpus / "articles.csv", outside)
    (corpus / "articles.csv").symlink_to(outside)
    fails(lambda: h.load_corpus(corpus), "articles.csv: a symbolic link; a corpus's files are read only as regular")
    (corpus / "figures.csv").symlink_to(SEED / "figures.csv")
    fails(lambda: h.load_figures(corpus / "figures.csv"), "figures.csv: a symbolic link")


@pytest.fixture
def coded(corpus):
    """The seed copy with its hand coding: (folder, loaded articles)."""
    shutil.copytree(SEED / "annotations", corpus / "annotations")
    return corpus, h.load_corpus(corpus)


@pytest.mark.parametrize("make, message", [
    (lambda p: p.mkdir(), "voice.csv: not a file (a folder); a CSV file is expected here"),
    (lambda p: p.write_bytes(b""), "voice.csv: the file is empty; it needs at least the header row"),
    (lambda p: p.write_bytes("article_id,start\n".encode("utf-16")), "voice.csv: UTF-16 text"),
    (lambda p: p.symlink_to(SEED / "annotations" / "voice.csv"), "voice.csv: a symbolic link"),
])
def test_an_annotation_file_that_is_a_folder_empty_utf16_or_a_link_is_refused(coded, make, message):
    import annotations as an
    folder, articles = coded
    (folder / "annotations" / "voice.csv").unlink()
    make(folder / "annotations" / "voice.csv")
    fails(lambda: an.load_annotations(folder, articles), message)


def test_an_annotations_folder_that_is_a_link_is_refused(corpus, tmp_path):
    import annotations as an
    (corpus / "annotations").symlink_to(SEED / "annotations")
    fails(lambda: an.load_annotations(corpus, h.load_corpus(corpus)), "annotations: a symbolic link")


def test_two_codings_of_one_span_are_refused_naming_both_rows(coded):
    import annotations as an
    folder, articles = coded
    path = folder / "annotations" / "sentiment.csv"
    text = path.read_text(encoding="utf-8")
    rows = text.splitlines(keepends=True)
    first = rows[1]                     # agg-ryabkov's first sentence, coded negative by coder1
    assert first.endswith(",negative,coder1\n")
    path.write_text(text + first.replace(",negative,", ",positive,"), encoding="utf-8")
    msg = fails(lambda: an.load_annotations(folder, articles), "sentiment.csv, rows", "two codings of one span")
    assert f"rows 2 and {len(rows) + 1}" in msg and "'negative'" in msg and "'positive'" in msg
    # the same coding twice is no contradiction
    path.write_text(text + first, encoding="utf-8")
    assert len(an.load_annotations(folder, articles)["sentiment"]) == len(rows)


def test_claim_patterns_go_through_the_one_pattern_checker(tmp_path):
    """claims.csv skipped the checks frame cues get: a cue like moratorium[^,]+ended ran past
    two minutes on a 0.5 MB article. Now refused like a frame cue; the seed codebook's word
    lists repeated behind a separator ((?:\\s(?:has|had|formal|formally))*) still pass."""
    header = (SEED / "claims.csv").read_text(encoding="utf-8").splitlines()[0]
    cols = header.split(",")
    def claims_with(cue):
        row = {c: "" for c in cols}
        row.update(claim_id="x", proposition="A test proposition.", cues=cue, verdict="not checked")
        return registry(tmp_path, "claims.csv", header + "\n" + ",".join(
            '"' + row[c].replace('"', '""') + '"' for c in cols) + "\n")
    fails(lambda: h.load_claims(claims_with(r"moratorium[^,]+ended"), REFERENCE),
          "row 2 (claim_id 'x'), column 'cues': pattern 'moratorium[^,]+ended' repeats any character without a limit")
    fails(lambda: h.load_claims(claims_with(r"(?:\s(?:a|ab))*x"), REFERENCE), "alternatives (|) inside a repeated group")
    assert len(h.load_claims(claims_with(r"\bRussia(?:\s(?:has|had|formal|formally))*\swithdrew"), REFERENCE)) == 1
    assert len(h.load_claims(SEED / "claims.csv", REFERENCE)) == 13


def test_a_scheduler_that_takes_the_connection_and_never_answers_is_given_up_on(monkeypatch, tmp_path, hang_guard):
    import socket
    import threading

    import pipeline
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    held = []
    threading.Thread(target=lambda: held.append(server.accept()), daemon=True).start()
    monkeypatch.setattr(pipeline, "SCHEDULER_TIMEOUT", 3)
    monkeypatch.setenv("INF_SCHEDULER", f"tcp://127.0.0.1:{server.getsockname()[1]}")
    monkeypatch.setenv("INF_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(pipeline.SchedulerError, match=r"no Dask scheduler could be used within 3 s \(it did not answer\)"):
        pipeline.annotate(h.load_corpus(SEED), ["sentences"])
    server.close()


@pytest.mark.parametrize("value", ["bogus", "tcp://", "http://x:80/path", "127.0.0.1", "$(reboot)"])
def test_a_scheduler_value_that_is_no_address_is_refused_naming_it(monkeypatch, value):
    import pipeline
    monkeypatch.setenv("INF_SCHEDULER", value)
    with pytest.raises(pipeline.SchedulerError, match=r"INF_SCHEDULER=.*: not 'local' nor a scheduler address"):
        pipeline.annotate(h.load_corpus(SEED), ["sentences"], cache_dir=False)
    for good in ["", "local", "tcp://10.0.0.5:8786", "scheduler.example:8786", "tls://[::1]:8786"]:
        assert pipeline.check_scheduler(good) == good


def test_a_cache_folder_that_is_a_file_foreign_or_unwritable_is_refused(monkeypatch, tmp_path):
    import pipeline
    articles = h.load_corpus(SEED)
    afile = tmp_path / "file"
    afile.write_text("x")
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.docx").write_text("x")
    for folder, message in [(afile, "must be a folder, and this is a file"),
                            (foreign, "holds other files and is not an annotation cache"),
                            (afile / "sub", r"cannot be kept there \(Not a directory\)")]:
        with pytest.raises(pipeline.CacheError, match=message):
            pipeline.annotate(articles, ["sentences"], cache_dir=folder)
    assert sorted(p.name for p in foreign.iterdir()) == ["thesis.docx"]


def test_make_add_into_a_non_empty_folder_that_is_no_corpus_is_refused(tmp_path):
    import corpus_add as ca
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.docx").write_text("x")
    fails(lambda: ca.add_articles([WEB / "plain_article.txt"], home, outlet="Example", published="2025-08-05"),
          "home: not a corpus (no articles.csv) and not empty (1 entries, e.g. thesis.docx)")
    assert sorted(p.name for p in home.iterdir()) == ["thesis.docx"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert len(ca.add_articles([WEB / "plain_article.txt"], empty, outlet="Example", published="2025-08-05")) == 1


def test_an_article_id_too_long_for_a_file_name_is_refused(corpus):
    rows = meta(corpus)
    rows.loc[0, "article_id"] = "a" * 300
    rows.to_csv(corpus / "articles.csv", index=False)
    fails(lambda: h.load_corpus(corpus), "row 2: article_id is 300 characters long; at most 100")


def test_a_direction_override_in_an_outlet_name_is_refused_and_make_add_removes_it(corpus, tmp_path):
    import corpus_add as ca
    rows = meta(corpus)
    rows.loc[1, "outlet"] = "Daily \u202eswen"
    rows.to_csv(corpus / "articles.csv", index=False)
    fails(lambda: h.load_corpus(corpus), "column 'outlet' holds the invisible direction control U+202E")
    page = tmp_path / "page.html"
    page.write_text((WEB / "news_page.html").read_text(encoding="utf-8").replace(
        'content="Northline Post"', 'content="Northline \u202etsoP"'), encoding="utf-8")
    added = ca.add_articles([page], tmp_path / "new")
    assert added.outlet.iloc[0] == "Northline tsoP"
    assert h.load_corpus(tmp_path / "new").outlet.iloc[0] == "Northline tsoP"


def _page(body: str, head: str = "") -> str:
    text = " ".join(["Russia said on Monday that it no longer observes its moratorium on such missiles."] * 12)
    return f"<!doctype html><html><head>{head}<title>T</title></head><body>{body.format(text=text)}</body></html>"


@pytest.mark.parametrize("name, data, message", [
    ("nul.html", _page("<article><p>{text}</p></article>").encode().replace(b"Monday", b"Mon\x00day", 1),
     "holds NUL bytes (byte "),
    ("deep.html", _page("<div>" * 3000 + "<article><p>{text}</p></article>" + "</div>" * 3000).encode(),
     "its elements are nested 3,001 deep, past the 250 levels the HTML parser reads"),
])
def test_pages_refused_for_the_reason_that_is_true(tmp_path, name, data, message):
    import corpus_add as ca
    (tmp_path / name).write_bytes(data)
    fails(lambda: ca.add_articles([tmp_path / name], tmp_path / "c", outlet="X"), message)


def test_unclosed_paragraphs_are_not_deep_nesting():
    import corpus_add as ca
    assert ca.nesting_depth(_page("<article>" + "<p>{text}" * 400 + "</article>")) == 1   # only <article>


def test_a_page_whose_declared_charset_lies_is_read_as_the_utf8_it_is(tmp_path):
    import corpus_add as ca
    page = tmp_path / "lie.html"
    page.write_bytes(_page("<article><p>Россия. {text}</p></article>", '<meta charset="windows-1251">').encode("utf-8"))
    ca.add_articles([page], tmp_path / "c", outlet="X")
    row = h.load_corpus(tmp_path / "c").iloc[0]
    assert row.text.startswith("Россия.") and "declares windows-1251, but its bytes are UTF-8" in row.notes


def test_an_undated_article_that_says_on_monday_builds_the_facts_page(tmp_path):
    """What `make add` makes of a page without a date: "on Monday" cannot be dated, and 04's
    timeline crashed on it (KeyError: 'unresolved'); it now leaves such dates off the chart."""
    import make_corpora as mc
    corpus = mc.make_corpus("undated", tmp_path / "corpus")
    assert "on Monday" in " ".join(h.load_corpus(corpus).text)
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(REPO / "notebooks" / "04-missile-range-facts.ipynb", notebooks)
    env = {k: v for k, v in os.environ.items() if k != "REPORT_DIR"}
    env.update(CORPUS_DIR=str(corpus), INF_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "build_report.py"), "--out", str(tmp_path / "report"),
                           "--notebooks", str(notebooks)], env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert (tmp_path / "report" / "04-missile-range-facts.html").is_file()

"""The report as a small site: page furniture (navigation, findings summary, contents,
footer), the index, one evidence page per article, and the post-processing that turns
the notebooks' tables into readable, linked tables. Used by ``build_report.py``.

Everything that comes from the corpus or a notebook reaches the HTML through
``html.escape``. The only links built from corpus data are
``articles/{article_id}.html#s{sentence_id}``, from an ``article_id`` that matches
``ARTICLE_ID_RE`` and has a page, and a ``sentence_id`` that is an integer of that
article; nothing else in a table becomes a link, and an article's ``url`` is shown as
text. The notebook pages load two scripts, both files of the report's ``assets/`` folder
(``write_assets``): the DataTables bundle of the ``itables`` wheel and ``tables.js``, which
makes the longer tables sortable and searchable. They are an enhancement only: every table
is in the page as static HTML, whole, for a reader without scripts, and no page loads
anything from the network.
"""

from __future__ import annotations

import csv
import hashlib
import html
import re
import shutil
import subprocess
from importlib import metadata as importlib_metadata
from importlib import resources as importlib_resources
from itertools import zip_longest
from pathlib import Path

from inf_coverage.core.layout import ARTICLE_ID_RE, REGISTRY_FILES
from inf_coverage.extract.claims import GRID_GROUPS
from inf_coverage.report.findings import EVIDENCE_LEADS, evidence_by_article

REPO = Path(__file__).resolve().parent.parent
REPORT_TITLE = "How outlets covered Russia ending its INF-range missile moratorium"
#: Above this many articles, evidence pages are written only for the articles that a
#: table row of the report cites (a page per article of a 10,000-article corpus would
#: be a folder nobody opens); the index says so.
MAX_ARTICLE_PAGES = 300
#: Registries a build depends on: their SHA-256 (first 12 hex digits) is in every footer.
REGISTRIES = list(REGISTRY_FILES.values())
PACKAGES = ["pandas", "matplotlib", "nltk", "nbconvert", "itables"]

#: The report's scripts and their style sheet, in ``assets/`` (``write_assets``): DataTables as the
#: itables wheel ships it (made a classic script: a module does not load from a file:// page in
#: Chromium), then ours, which enhances the tables once the page is parsed (both deferred).
ASSETS = "assets"
DATATABLES_JS, DATATABLES_CSS, TABLES_JS = "datatables.js", "datatables.css", "tables.js"
HEAD_SCRIPTS = (f'<script defer src="{ASSETS}/{DATATABLES_JS}"></script>'
                f'<script defer src="{ASSETS}/{TABLES_JS}"></script>')
_BUNDLE_EXPORT_RE = re.compile(r"(?<![\w$.])export\s*\{([^{}]*)\}\s*;?")
_BUNDLE_IMPORT_RE = re.compile(r"""(?<![\w$.!])import\s*(?:[{*("']|[\w$]+\s*(?:,|from\b))""")
_BUNDLE_NAME_RE = re.compile(r"\s*([\w$]+)\s+as\s+([\w$]+)\s*\Z")

#: What each exported file holds, one line each, for the index.
EXPORT_NOTES = {
    "findings.csv": "every finding stated in the pages, with its notebook, anchor and whether it is the seed narrative or computed",
    "claimreview.json": "every rated claim check as schema.org ClaimReview (JSON-LD), for fact-check databases: "
                        "1 false, 2 misleading, 3 unverified, 4 true",
    "corpus_overview.csv": "one row per article: outlet, type, country, date and how it was established, length",
    "removed_spans.csv": "every span cleaning removed or replaced, with its rule and raw offsets",
    "coverage_timeline.csv": "each outlet's first dated article, in days after 4 August 2025",
    "coverage_timeline.png": "chart: who published when, copies marked",
    "copy_groups.csv": "each article's copy group: near-duplicates of one story, and why",
    "article_lengths.png": "chart: words per article after cleaning, by outlet type",
    "quotes.csv": "every quotation and reported statement: speaker, group, kind, verb, relay, offsets",
    "sentence_voice.csv": "each sentence as narration, quoted or mixed, with the carried share",
    "frame_hits.csv": "every frame cue found, with its sentence",
    "frame_profile.csv": "frames per outlet in its narration: sentences and shares",
    "blame_statements.csv": "sentences giving a cause for the treaty's or the moratorium's end, and who is blamed",
    "blame_by_article.csv": "per article: who is blamed, and whether Russia's alleged violation is mentioned",
    "hedges.csv": "distancing markers, modal hedges and scare quotes, per sentence",
    "keyness.csv": "each outlet's distinctive words (log-likelihood against the other outlets)",
    "carried_words_by_group.png": "chart: share of each outlet's carried words by source group",
    "frames_by_outlet.png": "chart: share of each outlet's sentences carrying each frame",
    "sentence_sentiment.csv": "VADER score of every sentence, with its voice",
    "sentiment_by_outlet.csv": "tone per outlet and voice, with bootstrap intervals",
    "sentiment_by_article.csv": "tone per article and voice",
    "sentiment_targets.csv": "tone of the sentences naming each target",
    "lexicon_words.csv": "the lexicon words that drive each outlet's tone",
    "method_agreement.csv": "VADER against AFINN, sentence by sentence",
    "sentiment_distributions.png": "chart: sentence tone by article and voice",
    "figure_mentions.csv": "every mention of a registered person: surface form, offsets, group",
    "figure_counts.csv": "mentions per person and outlet, raw and per 1,000 words",
    "figure_first_mentions.csv": "where in each article each person is first named",
    "figure_surface_forms.csv": "the spellings and forms each person is named by",
    "figure_cooccurrences.csv": "pairs of people named in the same sentence",
    "name_candidates.csv": "names found that the registry does not know",
    "mentions_per_figure.png": "chart: mentions per person and outlet",
    "affiliation_shares.png": "chart: each outlet's mentions by affiliation group",
    "claim_checks.csv": "every checked statement with its verdict, whose words, the fact and source",
    "claim_omissions.csv": "propositions an article should state and never does",
    "claims_by_article.csv": "claim by claim, what each article said and its verdict",
    "claim_tally.csv": "distinct errors per article by severity and whose words, other statements and omissions",
    "range_claims.csv": "every distance and range class stated",
    "event_claims.csv": "every date with its event, resolution and reference date",
    "system_mentions.csv": "weapon systems named, designations resolved",
    "explore_kwic.csv": "every occurrence of the search terms, with its context and offsets",
    "explore_counts.csv": "occurrences per outlet and term, with its articles, words and rate per 1,000 words",
    "explore_by_date.csv": "occurrences per publication date and outlet",
    "explore_voice.csv": "each sentence holding a term, with its voice and the speaker it carries",
    "explore_figure_mentions.csv": "every mention of the person asked for",
    "explore_figure_statements.csv": "every statement attributed to the person asked for",
    "explore_claim_checks.csv": "every statement of the claim asked for, with its verdict",
    "explore_claim_by_article.csv": "each article's verdicts on the claim asked for, or omitted, or not said",
    "explore_terms_by_date.png": "chart: occurrences of the search terms per publication date and outlet",
    "place_mentions.csv": "places named in sentences about deployment",
    "timeline.png": "chart: events as the reference dates them and as each outlet dates them",
    "verdict_grid.png": "chart: each claim by each article, coloured by its worst verdict, omissions hatched",
    "verdict_grid.csv": "the verdict grid: per claim and article, the worst verdict, statements and omissions",
    "validation_scores.csv": "each method against the hand coding, per article and pooled",
    "validation_ceiling.csv": "the two coders against each other",
    "validation_scores.png": "chart: each method's agreement with the hand coding, with intervals",
}

CSS = """
:root { --ink:#1d1d1f; --muted:#5f6368; --line:#dadce0; --paper:#ffffff; --tint:#f5f7fa; --accent:#0b57a4; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body.report { margin:0; background:var(--paper); color:var(--ink);
  font: 17px/1.55 Georgia, "Times New Roman", serif; overflow-wrap: break-word; }
body.report .jp-Notebook, body.report main { padding:0; }
.report a { color: var(--accent); }
.site-nav { background:#10253f; color:#fff; font:14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
.site-nav ul { list-style:none; margin:0 auto; padding:.5rem 1rem; max-width:62rem; display:flex; flex-wrap:wrap; gap:.25rem 1rem; }
.site-nav a { color:#fff; text-decoration:none; }
.site-nav a[aria-current] { font-weight:bold; text-decoration:underline; }
.page { max-width:62rem; margin:0 auto; padding:1rem 1rem 3rem; }
.page-head h1 { font-size:clamp(1.5rem, 4vw, 2.2rem); line-height:1.2; margin:.6rem 0 .4rem; }
.kicker { font:13px system-ui, sans-serif; text-transform:uppercase; letter-spacing:.06em; color:var(--muted); margin:1rem 0 0; }
.key-findings { background:var(--tint); border-left:4px solid var(--accent); padding:.8rem 1rem; margin:1rem 0; }
.key-findings h2 { font:bold 15px system-ui, sans-serif; margin:0 0 .4rem; text-transform:uppercase; letter-spacing:.05em; }
.key-findings ol { margin:0; padding-left:1.3rem; }
.key-findings li { margin:.35rem 0; }
.key-findings a, .card ul a { color: var(--ink); text-decoration-color:#8aa4c2; }
.toc { font:15px/1.5 system-ui, sans-serif; margin:1rem 0 1.5rem; }
.toc h2 { font-size:15px; margin:0 0 .3rem; }
.toc ol { margin:0; padding-left:1.3rem; columns: 2 16rem; }
.jp-Cell { margin: .6rem 0; padding: 0; }
.jp-InputPrompt, .jp-OutputPrompt, .jp-Collapser { display:none !important; }
.jp-RenderedHTMLCommon, .jp-RenderedMarkdown { font: inherit; padding:0; max-width:100%; }
.jp-RenderedMarkdown p, .jp-RenderedMarkdown li { max-width: 46rem; }
.jp-RenderedHTMLCommon h2 { font-size:1.45rem; margin:2rem 0 .5rem; border-top:1px solid var(--line); padding-top:1rem; }
h4.finding { font:bold 1.08rem/1.4 Georgia, serif; background:#fff8e1; border-left:4px solid #E69F00; padding:.5rem .8rem; margin:.8rem 0; }
details.code-fold { margin:.2rem 0; }
details.code-fold > summary { cursor:pointer; font:13px system-ui, sans-serif; color:var(--muted); list-style: none; }
details.code-fold > summary::before { content:"\\25B8  "; }
details.code-fold[open] > summary::before { content:"\\25BE  "; }
details.code-fold pre { font-size:13px; overflow-x:auto; }
details.maintainers { font-size:14px; color:var(--muted); margin:.4rem 0; }
details.maintainers > summary { cursor:pointer; font:13px system-ui, sans-serif; list-style:none; }
details.maintainers > summary::before { content:"\\25B8  "; }
details.maintainers[open] > summary::before { content:"\\25BE  "; }
.jp-OutputArea-output { overflow-x:auto; max-width:100%; }
/* A table wider than the text column breaks out of it: its scroll box is centred on the column
   and as wide as the table, up to the window less a margin, and scrolls inside itself beyond
   that; a narrower table keeps the column's width and left edge. The output area must not clip
   it (its own overflow is for a wide text output). */
.jp-OutputArea:has(.table-wide), .jp-OutputArea-child:has(.table-wide), .jp-OutputArea-output:has(.table-wide),
.report-dt div.dt-layout-table > div { overflow:visible; }
.table-wide { display:flex; justify-content:center; }
.table-wide > .table-scroll { flex:none; width:max-content; min-width:100%; max-width:calc(100vw - 2rem); }
.jp-OutputArea-output pre { white-space:pre-wrap; font-size:14px; }
.jp-RenderedImage img { max-width:100%; height:auto; }
.table-scroll { overflow-x:auto; max-width:100%; margin:.5rem 0;
  /* the scroll cue: a shadow at an edge with more table behind it (scrolls with the content) */
  background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)) left / 2rem 100% no-repeat local,
              linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) right / 2rem 100% no-repeat local,
              radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.25), rgba(0,0,0,0)) left / .8rem 100% no-repeat scroll,
              radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.25), rgba(0,0,0,0)) right / .8rem 100% no-repeat scroll; }
.report table.dataframe { table-layout:auto; border-collapse:collapse; font:14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin:0; }
.report table.dataframe th, .report table.dataframe td { text-align:left; vertical-align:top; padding:.3rem .6rem;
  border-bottom:1px solid var(--line); max-width:36rem; }
.report table.dataframe thead th { border-bottom:2px solid var(--ink); white-space:nowrap; }
.report table.dataframe td.num { text-align:right; font-variant-numeric: tabular-nums; white-space:nowrap; }
.report table.dataframe tbody tr:nth-child(even) { background:rgba(0,0,0,.025); }
.finding-evidence { font:14px system-ui, sans-serif; color:var(--muted); margin:-.3rem 0 1rem; }
a.cited { font:bold 11px system-ui, sans-serif; color:#fff; background:#D55E00; border-radius:3px; padding:0 .25rem;
  margin:0 .15rem; text-decoration:none; vertical-align:super; }
.enlarge-note { font:13px system-ui, sans-serif; color:var(--muted); margin:.2rem 0 1rem; }
.scroll-hint { display:none; font:13px system-ui, sans-serif; color:var(--muted); margin:.5rem 0 0; }
.report table.dataframe td a { white-space:nowrap; }
.report table.dataframe td.long { min-width:16rem; }
.report table.dataframe td { min-width:4rem; }
/* an interactive table (tables.js) keeps the static table's spacing; its furniture in the sans-serif of tables */
.report-dt { font:14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin:.5rem 0; }
.report .report-dt table.dataframe.dataTable > thead > tr > th,
.report .report-dt table.dataframe.dataTable > tbody > tr > td,
.report .report-dt table.dataframe.dataTable > tbody > tr > th { padding:.3rem .6rem; }
.report-dt .dt-search input { font:inherit; padding:.2rem .4rem; }
.jp-RenderedMarkdown code { font-size:.85em; padding:0 .2em; }
.table-note { font:13px system-ui, sans-serif; color:var(--muted); margin:.2rem 0 1rem; }
.site-foot { border-top:1px solid var(--line); margin-top:3rem; padding:1rem; font:13px/1.5 system-ui, sans-serif; color:var(--muted); }
.site-foot > div { max-width:62rem; margin:0 auto; }
.site-foot code { word-break: break-all; }
.cards { list-style:none; padding:0; display:grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap:1rem; }
.card { border:1px solid var(--line); border-radius:6px; padding:1rem; background:#fff; }
.card h3 { margin:.2rem 0 .5rem; font-size:1.15rem; line-height:1.3; }
.card img { width:100%; height:auto; aspect-ratio:16/10; object-fit:contain; background:#fff; border:1px solid var(--line); }
.card ul { padding-left:1.1rem; margin:.4rem 0; font-size:15px; }
.facts { display:flex; flex-wrap:wrap; gap:.5rem 2rem; font:15px system-ui, sans-serif; padding:0; list-style:none; }
.facts strong { display:block; font-size:1.6rem; }
.exports h3 { font:bold 15px system-ui, sans-serif; margin:1.2rem 0 .3rem; }
.exports ul { padding-left:1.1rem; font-size:15px; }
.article-meta { font:14px/1.5 system-ui, sans-serif; color:var(--muted); }
.article-meta .url { word-break: break-all; }
.legend { font:14px system-ui, sans-serif; }
.article-text p { max-width:46rem; }
.sent { border-radius:3px; }
.sent:target { background:#fff3bf; outline:2px solid #E69F00; }
a.sid { font:11px system-ui, sans-serif; color:var(--muted); text-decoration:none; vertical-align:super; margin-right:.15rem; }
mark { padding:0 .1rem; color:inherit; }
mark.q { background:#e3efff; }
mark.m { background:none; border-bottom:2px solid #009E73; }
mark.c { background:#fde6d6; }
.tag { font:bold 11px system-ui, sans-serif; border-radius:3px; padding:0 .25rem; margin:0 .15rem; white-space:nowrap; }
.tag.who { background:#0072B2; color:#fff; }
.tag.v-conflicts { background:#D55E00; color:#fff; }
.tag.v-misleading { background:#E69F00; color:#000; }
.tag.v-unverified { background:#CC79A7; color:#000; }
.tag.v-agrees { background:#0072B2; color:#fff; }
.tag.v-not-checked { background:#ddd; color:#000; }
.article-text .tag { white-space:normal; box-decoration-break:clone; -webkit-box-decoration-break:clone; }
.check-notes { font:13px/1.45 system-ui, sans-serif; color:var(--muted); max-width:46rem; margin:-.4rem 0 1rem;
  padding-left:1.1rem; }
.check-notes li { margin:.2rem 0; }
.check-notes details.sources { display:inline; }
.check-notes details.sources > summary { display:inline; cursor:pointer; text-decoration:underline dotted; }
.check-notes details.sources[open] { display:block; }
.check-notes .url { word-break:break-all; }
.headline { border-left:4px solid #D55E00; background:#fff; padding:.6rem 1rem; margin:1rem 0 1.5rem; }
.headline h2 { margin:.2rem 0 .5rem; font-size:1.2rem; }
.headline ol { padding-left:1.3rem; margin:.2rem 0; }
.headline li { margin:.35rem 0; }
.headline .from { font:13px system-ui, sans-serif; color:var(--muted); }
@media (max-width: 600px) { body.report { font-size:16px; } .page { padding:.5rem .75rem 2rem; } .toc ol { columns:1; }
  .scroll-hint { display:block; } .table-wide { display:block; }
  .table-wide > .table-scroll { width:auto; min-width:0; max-width:100%; } }
@media print { nav, .site-nav, details.code-fold, details.maintainers, .cards img, .report-dt .dt-layout-row:not(.dt-layout-table),
  .report-dt .dtcc { display:none !important; }
  body.report { font-size:11pt; } a { color:inherit; text-decoration:none; } .page { max-width:none; padding:0; }
  .summary section { break-inside:avoid-page; } }
"""

#: Where the index's headline draws its findings from, in order, and how many from each page:
#: errors of fact (04) before whose words and frames (01) and whom they name (03). Tone (02)
#: rests on the weakest method; the corpus overview (00) and the validation page (05) describe
#: the material and the methods, not the coverage. A finding that carries a caveat about its
#: method is left out.
HEADLINE_PAGES = [("04", 3), ("01", 1), ("03", 1)]
HEADLINE_MAX = 5
_CAVEAT_RE = re.compile(r"not reliable|does not validate|usable with care", re.I)


# -- small pieces ------------------------------------------------------------------

def esc(value) -> str:
    return html.escape(str(value), quote=True)


def read_rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def findings_of(out: Path) -> dict:
    """notebook -> its findings (rows of findings.csv, in order)."""
    found: dict = {}
    for row in read_rows(out / "findings.csv"):
        found.setdefault(row["notebook"], []).append(row)
    return found


def git_commit() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return commit + (" with uncommitted changes" if dirty else "")


def provenance(corpus: Path, fingerprint: str) -> dict:
    """What a build was made from: corpus fingerprint, commit, registries, packages."""
    registries = []
    for name in REGISTRIES:
        path = corpus / name if (corpus / name).is_file() else REPO / "corpus" / name
        if path.is_file():
            where = "corpus" if path.parent == corpus else "repo"
            registries.append(f"{name} {hashlib.sha256(path.read_bytes()).hexdigest()[:12]} ({where})")
    versions = []
    for pkg in PACKAGES:
        try:
            versions.append(f"{pkg} {importlib_metadata.version(pkg)}")
        except importlib_metadata.PackageNotFoundError:
            pass
    return {"fingerprint": fingerprint, "commit": git_commit(), "registries": registries, "packages": versions}


def footer(prov: dict, prefix: str = "") -> str:
    short = prov["commit"][:12]
    return f"""<footer class="site-foot"><div>
<p>Built from the corpus with fingerprint <code>{esc(prov['fingerprint'])}</code> (SHA-256 of
<code>articles.csv</code> and the texts) at commit <code>{esc(prov['commit'])}</code>.
Registries (SHA-256, first 12 digits): {esc('; '.join(prov['registries']) or 'none')}.
Software: {esc(', '.join(prov['packages']))}, Python {esc(prov.get('python', ''))}.</p>
<p>How to cite: <cite>{esc(REPORT_TITLE)}</cite>, report built at commit {esc(short)} from corpus
{esc(prov['fingerprint'][:12])}. Quote the finding and link the page; every number links back to
its article and sentence.</p>
<p><a href="{prefix}index.html">Back to the index</a></p>
</div></footer>"""


def nav(pages, current: str | None, prefix: str = "") -> str:
    here = ' aria-current="page"' if current == "index" else ""
    items = [f'<li><a href="{prefix}index.html"{here}>Index</a></li>']
    for p in pages:
        cur = ' aria-current="page"' if p["stem"] == current else ""
        items.append(f'<li><a href="{prefix}{esc(p["stem"])}.html"{cur}>{esc(p["short"])}</a></li>')
    return f'<nav class="site-nav" aria-label="Report pages"><ul>{"".join(items)}</ul></nav>'


def short_title(title: str) -> str:
    return title.split(":", 1)[0].strip() or title


# -- scripts -----------------------------------------------------------------------

def classic_script(module: str, global_name: str = "INF_DATATABLES") -> str:
    """The DataTables bundle of itables (an ES module whose one statement of its own kind is
    ``export{a as ITable, b as default, ...}``) as a classic script: wrapped in a strict
    function, its exports set on ``window[global_name]`` (``default`` as ``DataTable``).
    Raises ValueError for a bundle of another shape (imports, ``import.meta``, not one export
    list), so a new itables release that changes it stops the build instead of shipping a
    broken script."""
    exports = list(_BUNDLE_EXPORT_RE.finditer(module))
    if len(exports) != 1 or "import.meta" in module or _BUNDLE_IMPORT_RE.search(module):
        raise ValueError("the itables DataTables bundle is not the single-export module this "
                         "report knows how to ship as a classic script")
    names = {}
    for part in exports[0].group(1).split(","):
        m = _BUNDLE_NAME_RE.match(part)
        if not m:
            raise ValueError(f"unexpected export in the DataTables bundle: {part.strip()!r}")
        names["DataTable" if m.group(2) == "default" else m.group(2)] = m.group(1)
    if "DataTable" not in names:
        raise ValueError("the DataTables bundle exports no DataTable (its default export)")
    table = ", ".join(f"{key}: {local}" for key, local in names.items())
    return ('(function () {\n"use strict";\n' + module[:exports[0].start()]
            + f"window.{global_name} = {{{table}}};" + module[exports[0].end():] + "\n})();\n")


def write_assets(out: Path) -> list[str]:
    """Copy the interactive tables' files into ``out/assets``: the DataTables bundle and its
    style sheet from the installed itables wheel, and ``tables.js`` (ours). Their names."""
    folder = out / ASSETS
    folder.mkdir(exist_ok=True)
    bundle = importlib_resources.files("itables").joinpath("html")
    (folder / DATATABLES_JS).write_text(classic_script(bundle.joinpath("dt_bundle.js").read_text(encoding="utf-8")),
                                        encoding="utf-8")
    (folder / DATATABLES_CSS).write_text(bundle.joinpath("dt_bundle.css").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    shutil.copyfile(Path(__file__).resolve().parent / "report_assets" / TABLES_JS, folder / TABLES_JS)
    return [DATATABLES_JS, DATATABLES_CSS, TABLES_JS]


# -- notebook pages ------------------------------------------------------------------

_H2_RE = re.compile(r"^## (.+)$", re.M)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def split_title(nb) -> tuple:
    """(title, nb with the title line removed from its first markdown cell, section
    headings with their anchors). Sections get explicit anchors (a heading line becomes
    ``## <a id=...></a>text`` is avoided: nbconvert gives ids to headings itself)."""
    import copy
    nb = copy.deepcopy(nb)
    title = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            lines = cell.source.splitlines()
            if lines and lines[0].startswith("# "):
                title = lines[0][2:].strip()
                cell.source = "\n".join(lines[1:]).lstrip("\n")
            break
    sections = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for m in _H2_RE.finditer(cell.source):
                text = m.group(1).strip()
                sections.append((text, text.replace(" ", "-")))   # nbconvert's heading id
    return title, nb, sections


def page_header(page, pages, findings) -> str:
    rows = findings.get(page["stem"], [])
    if rows:
        items = "".join(f'<li><a href="#{esc(r["anchor"])}">{esc(r["text"])}</a></li>' for r in rows)
        summary = (f'<section class="key-findings" aria-labelledby="kf"><h2 id="kf">Key findings</h2>'
                   f"<ol>{items}</ol></section>")
    else:
        summary = ('<section class="key-findings"><h2>Key findings</h2><p>No finding is stated for this '
                   "corpus.</p></section>")
    toc = "".join(f'<li><a href="#{esc(anchor)}">{esc(text)}</a></li>' for text, anchor in page["sections"])
    toc_html = f'<nav class="toc" aria-label="Contents"><h2>On this page</h2><ol>{toc}</ol></nav>' if toc else ""
    return (f'{nav(pages, page["stem"])}<div class="page"><header class="page-head">'
            f'<p class="kicker">Notebook {esc(page["stem"][:2])} of the report</p><h1>{esc(page["title"])}</h1>'
            f"</header>{summary}{toc_html}")


# -- tables ----------------------------------------------------------------------------

_TABLE_RE = re.compile(r'<table[^>]*class="[^"]*\bdataframe\b[^"]*"[^>]*>.*?</table>', re.S)
_ROW_RE = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S)
_CELL_RE = re.compile(r"<(t[hd])((?:\s[^>]*)?)>(.*?)</\1>", re.S)
_NUM_RE = re.compile(r"[-+\u2212]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?\Z|[-+]?\d*\.\d+\Z|nan\Z|\u2013\Z")
_CSV_LINK_RE = re.compile(r'<code class="csv-link">([A-Za-z0-9][A-Za-z0-9_.-]*\.csv)</code>')


#: Header labels for readers; any other column name has its underscores read as spaces. The
#: raw name stays in the cell's ``title`` (what the CSV and the notebook call the column).
COLUMN_LABELS = {
    "article_id": "article", "sentence_id": "sentence", "claim_id": "claim", "fact_id": "fact",
    "fact_ids": "facts", "quote_id": "quotation", "ci_low": "95% interval: low",
    "ci_high": "95% interval: high", "n": "n", "n_words": "words", "n_sentences": "sentences",
    "n_gold": "hand-coded", "n_tool": "found by the tool", "coders_n": "n (coders)",
    "raw_start": "start in the raw text", "raw_end": "end in the raw text",
    "min_km": "min (km)", "max_km": "max (km)", "per_1000_words": "per 1,000 words",
    "outlet_per_1000": "outlet, per 1,000 words", "rest_per_1000": "the rest, per 1,000 words",
    "p_value": "p", "source_url": "source (URL)", "first_article_id": "first article",
    "affiliation_group": "affiliation", "date_basis": "date read from", "days_after": "days after",
}
#: What a cell shows for a missing value: a dash, never "nan".
_MISSING = {"nan", "NaN", "<NA>", "None", "NaT"}


def column_label(name: str) -> str:
    """A header for readers: ``COLUMN_LABELS``, else the name with underscores as spaces."""
    return COLUMN_LABELS.get(name, name.replace("_", " "))


def _relabel(cell: list) -> None:
    raw = html.unescape(re.sub(r"<[^>]+>", "", cell[2])).strip()
    label = column_label(raw)
    if label != raw:
        cell[1] += f' title="{esc(raw)}"'
        cell[2] = esc(label)


class Linker:
    """Which evidence links may be built: article ids with a page, and their sentence ids;
    ``labels``: a reader's name for each article (for the findings' evidence lines)."""

    def __init__(self, sentences: dict, labels: dict | None = None):
        self.sentences = sentences          # article_id -> set of sentence ids with a page
        self.labels = labels or {}

    def article(self, aid: str) -> str | None:
        aid = html.unescape(aid).strip()
        if ARTICLE_ID_RE.match(aid) and aid in self.sentences:
            return f"articles/{esc(aid)}.html"
        return None

    def sentence(self, aid: str, sid: str) -> str | None:
        page = self.article(aid)
        sid = html.unescape(sid).strip()
        if page and sid.isdigit() and int(sid) in self.sentences[html.unescape(aid).strip()]:
            return f"{page}#s{int(sid)}"
        return None


def _cells(row: str) -> list:
    return [[m.group(1), m.group(2), m.group(3)] for m in _CELL_RE.finditer(row)]


def _join(cells) -> str:
    return "".join(f"<{t}{a}>{c}</{t}>" for t, a, c in cells)


def rework_table(table: str, linker: Linker, cited: set) -> str:  # noqa: C901
    """One pandas table made readable: a meaningless index (unnamed, all integers)
    dropped, numbers marked for right alignment, evidence columns linked."""
    head_m = re.search(r"<thead>(.*?)</thead>", table, re.S)
    body_m = re.search(r"<tbody>(.*?)</tbody>", table, re.S)
    if not head_m or not body_m:
        return table
    head_rows = [_cells(r) for r in _ROW_RE.findall(head_m.group(1))]
    body_rows = [_cells(r) for r in _ROW_RE.findall(body_m.group(1))]
    spans = "rowspan" in body_m.group(1) or "colspan" in head_m.group(1)
    if not head_rows:
        return table
    names = [html.unescape(c[2]).strip() for c in head_rows[-1]]
    index_name_row = len(head_rows) == 2 and all(c[2].strip() == "" for c in head_rows[1][1:])
    # drop an unnamed integer index (0..n-1, or the positions of a filtered table)
    if (not spans and len(head_rows) == 1 and names and names[0] == "" and body_rows
            and all(r and r[0][0] == "th" and r[0][2].strip().isdigit() for r in body_rows)):
        head_rows = [r[1:] for r in head_rows]
        body_rows = [r[1:] for r in body_rows]
        names = names[1:]
    if index_name_row:              # pandas puts a named index's name on a row of its own
        names = [html.unescape(c[2]).strip() for c in head_rows[1]][:1] + [
            html.unescape(c[2]).strip() for c in head_rows[0]][1:]
    if index_name_row and not spans and len(head_rows[0]) == len(head_rows[1]):
        # one header row: the index's name in the first cell, the columns after it
        head_rows = [[head_rows[1][0]] + head_rows[0][1:]]
    aid_col = names.index("article_id") if "article_id" in names else None
    sid_col = names.index("sentence_id") if "sentence_id" in names else None
    for row in body_rows:
        for cell in row:
            text = html.unescape(cell[2]).strip()
            if text in _MISSING:
                cell[1] += ' title="no value"'
                cell[2] = text = "\u2013"
            if cell[0] == "td" and "class=" not in cell[1] and _NUM_RE.match(text):
                cell[1] += ' class="num"'
            elif cell[0] == "td" and "class=" not in cell[1] and len(text) > 60:
                cell[1] += ' class="long"'      # a sentence: wide enough to read, the box scrolls
        if spans or aid_col is None or len(row) != len(names):
            continue
        aid = row[aid_col][2]
        if sid_col is not None:
            link = linker.sentence(aid, row[sid_col][2])
            if link:
                row[sid_col][2] = f'<a href="{link}">{row[sid_col][2]}</a>'
                cited.add(html.unescape(aid).strip())
        link = linker.article(aid)
        if link:
            row[aid_col][2] = f'<a href="{link}">{row[aid_col][2]}</a>'
    for row in head_rows:
        for cell in row:
            _relabel(cell)
    head = "".join(f"<tr>{_join(r)}</tr>" for r in head_rows)
    body = "".join(f"<tr>{_join(r)}</tr>" for r in body_rows)
    opening = table[:table.index(">") + 1]
    width = max((len(r) for r in head_rows), default=0)
    hint = (f'<p class="scroll-hint">{width} columns: swipe the table sideways to see them all.</p>'
            if width > 3 else "")
    return (f'{hint}<div class="table-wide"><div class="table-scroll">{opening}<thead>{head}</thead>'
            f'<tbody>{body}</tbody></table></div></div>')


_EVIDENCE_RE = re.compile(r'<p class="finding-evidence" data-evidence="([^"<>]*)"( data-absence="1")?>.*?</p>',
                          re.S)


def evidence_links(keys: str, linker: Linker, cited: set, absence: bool = False) -> str:
    """A finding's evidence line with each sentence (``article_id:sentence_id``) or article
    (``article_id``) of ``data-evidence`` linked to its evidence page, under the article's
    label; a key with no page stays text. Every article named is added to ``cited``."""
    parts = []
    for aid, sids in evidence_by_article(html.unescape(keys).split()).items():
        cited.add(aid)
        name = esc(linker.labels.get(aid, aid))
        page = linker.article(aid)
        if sids == [""]:
            parts.append(f'<a href="{page}">{name}</a>' if page else name)
            continue
        links = [f'<a href="{link}">{esc(sid)}</a>' if (link := linker.sentence(aid, sid)) else esc(sid)
                 for sid in sids if sid]
        parts.append(f"{name}, sentence{'s' if len(links) > 1 else ''} {', '.join(links)}")
    return f'<p class="finding-evidence">{esc(EVIDENCE_LEADS[absence])}{"; ".join(parts)}.</p>'


def rework_html(page: str, linker: Linker, files: set, cited: set) -> str:
    page = _EVIDENCE_RE.sub(lambda m: evidence_links(m.group(1), linker, cited, bool(m.group(2))), page)
    page = _TABLE_RE.sub(lambda m: rework_table(m.group(0), linker, cited), page)
    return _CSV_LINK_RE.sub(lambda m: (f'<a href="{esc(m.group(1))}">{esc(m.group(1))}</a>'
                                       if m.group(1) in files else m.group(0)), page)


# -- evidence pages --------------------------------------------------------------------

def _int(value) -> int | None:
    value = str(value).strip()
    return int(value) if value.isdigit() else None


def check_labels(corpus: Path | None = None) -> dict:
    """A reader's name for every ``claim_id`` a check can carry: the ``label`` of the
    codebook (``claims.csv``), "Date: " and the event's ``label`` (``event_types.csv``) for
    "date:<event>", and the group labels of ``GRID_GROUPS`` for the other dates, the
    distances and officials' wording. The registries are read from ``corpus``, else the
    repo's (as the notebooks read them). An id with no label is not in the result: its
    badge says "a claim of the codebook" (``check_label``), never the id."""
    def registry(name: str) -> list[dict]:
        local = corpus / name if corpus is not None else None
        return read_rows(local if local is not None and local.is_file() else REPO / "corpus" / name)

    labels = {r["claim_id"]: r["label"].strip() for r in registry("claims.csv")
              if r.get("claim_id") and (r.get("label") or "").strip()}
    labels |= {f"date:{r['event']}": f"Date: {r['label'].strip()}" for r in registry("event_types.csv")
               if r.get("event") and (r.get("label") or "").strip()}
    return labels


def check_label(claim_id: str, labels: dict) -> str:
    """The badge label of a check: ``labels`` (``check_labels``), else its group's label
    (``GRID_GROUPS``: dates, distances, officials' wording), else a generic name."""
    group = claim_id.split(":", 1)[0]
    return labels.get(claim_id) or GRID_GROUPS.get(group) or "a claim of the codebook"


def _explanation(text: str, verdict: str, labels: dict) -> str:
    """A check's explanation for readers: without its leading "verdict: " (the badge
    says it) and with every claim id it names replaced by the claim's label."""
    text = text.strip()
    if text.lower().startswith(f"{verdict.lower()}: "):
        text = text[len(verdict) + 2:]
    for cid in sorted((c for c in labels if ":" not in c), key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(cid)}\b", f"\u201c{labels[cid]}\u201d", text)
    return text[:1].upper() + text[1:]


def highlights(out: Path, labels: dict | None = None) -> dict:
    """article_id -> list of (start, end, kind, label, note) from the exported tables:
    quotations ("q", the speaker), mentions of registered people ("m", the person) and
    checked statements ("c", the verdict; ``note``: {"verdict", "label" (``check_label``),
    "explanation", "sources": [(title, url)]})."""
    labels = check_labels() if labels is None else labels
    marks: dict = {}
    for row in read_rows(out / "quotes.csv"):
        s, e = _int(row.get("start")), _int(row.get("end"))
        if s is not None and e is not None:
            marks.setdefault(row["article_id"], []).append((s, e, "q", row.get("speaker", ""), None))
    for row in read_rows(out / "figure_mentions.csv"):
        s, e = _int(row.get("start")), _int(row.get("end"))
        if s is not None and e is not None:
            marks.setdefault(row["article_id"], []).append((s, e, "m", row.get("figure", ""), None))
    for row in read_rows(out / "claim_checks.csv"):
        s, e = _int(row.get("start")), _int(row.get("end"))
        verdict = row.get("verdict") or ""
        if s is None or e is None or not verdict:
            continue
        titles = [t.strip() for t in (row.get("source_title") or "").split(" | ")]
        urls = [u.strip() for u in (row.get("source_url") or "").split(" | ")]
        sources = [(t, u) for t, u in zip_longest(titles, urls, fillvalue="") if t or u]
        note = {"verdict": verdict, "label": check_label(row.get("claim_id") or "", labels),
                "explanation": _explanation(row.get("explanation") or "", verdict, labels), "sources": sources}
        marks.setdefault(row["article_id"], []).append((s, e, "c", verdict, note))
    return marks


def _word_end(text: str, p: int) -> int:
    """The end of the word (or number, or name of capitalised words) that ``p`` ends or
    falls in: a badge placed there never splits "Ryabkov", "Russia's", "5,500" or "Sergei
    Ryabkov"."""
    n = len(text)
    while True:
        while p < n and (text[p].isalnum() or (text[p] in "-'\u2019.," and 0 < p and p + 1 < n
                                                and text[p - 1].isalnum() and text[p + 1].isalnum())):
            p += 1
        start = p
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if start < p and text[start].isupper() and p + 1 < n and text[p] == " " and text[p + 1].isupper():
            p += 1           # a name goes on: "Sergei| Ryabkov"
            continue
        return p


#: Punctuation then a closing quotation mark right after a word: ``threats,’ Ryabkov said``.
_CLOSING_QUOTE_RE = re.compile("[,.;:!?]*[\u2019\u201d\"'](?![^\\W_])")


def _badge_point(text: str, end: int, spans: list) -> int:
    """Where a badge goes: after its span's ``end``, moved to the end of the word or name
    (and past a closing quotation mark right after it), and out of every highlight
    (``spans``) that would still hold it."""
    p = end
    while True:
        q = _word_end(text, p)
        if q > 0 and text[q - 1].isalnum() and (m := _CLOSING_QUOTE_RE.match(text, q)):
            q = m.end()
        q = max([q] + [e for s, e in spans if s < q < e])
        if q == p:
            return p
        p = q


def _badge(kind: str, label: str, note) -> str:
    if kind == "q":
        return f'<span class="tag who" title="{esc("quoted or reported, speaker: " + label)}">{esc(label)}</span>'
    text = f"{note['verdict']}: {note['label']}"
    tip = note["explanation"] + (" Checked against: " + "; ".join(t or u for t, u in note["sources"])
                                 if note["sources"] else "")
    return f'<span class="tag v-{esc(note["verdict"].replace(" ", "-"))}" title="{esc(tip)}">{esc(text)}</span>'


def _render_sentence(text: str, base: int, marks, notes: list | None = None) -> str:
    """A sentence with its highlights: each character run gets the marks covering it. A
    quotation's speaker and a statement's verdict are badges (the verdict with the claim's
    label, never its id) placed after the span's end, at the end of its word or name and
    outside every other highlight (``_badge_point``), so no badge splits a word or sits in a
    highlight. Each verdict's note (``highlights``) is appended to ``notes`` in badge order."""
    inside = []
    for s, e, k, label, *rest in marks:
        if s < base + len(text) and e > base:
            inside.append((max(s, base) - base, min(e, base + len(text)) - base, k, label,
                           rest[0] if rest else None))
    spans = [(s, e) for s, e, *_ in inside]
    badges = sorted(((_badge_point(text, e, spans), s, -e, "qc".index(k), k, label, note)
                     for s, e, k, label, note in inside if k in "qc" and (k == "q" or note)),
                    key=lambda b: b[:4])     # at one place: the outer, earlier span's badge first
    cuts = sorted({0, len(text)} | {p for s, e in spans for p in (s, e)} | {b[0] for b in badges})
    parts = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        for point, *_, k, label, note in badges:
            if point == a:
                parts.append(_badge(k, label, note))
                if k == "c" and notes is not None:
                    notes.append(note)
        if b is None:
            break
        chunk = esc(text[a:b])
        for kind in ("m", "c", "q"):
            if any(s <= a and b <= e and k == kind for s, e, k, *_ in inside):
                chunk = f'<mark class="{kind}">{chunk}</mark>'
        parts.append(chunk)
    return "".join(parts)


def _check_notes(notes: list) -> str:
    """The checks of one paragraph, under it: each sentence's verdicts with why and what
    they were checked against (source titles, and addresses as text, never links)."""
    if not notes:
        return ""
    items = []
    for sid, note in notes:
        sources = ""
        if note["sources"]:
            lines = "".join(f'<li>{esc(t)}{" " if t and u else ""}<span class="url">{esc(u)}</span></li>'
                            for t, u in note["sources"])
            n = len(note["sources"])
            sources = (f'<details class="sources"><summary>checked against {n} source{"s" if n > 1 else ""}'
                       f'</summary><ul>{lines}</ul></details>')
        items.append(f'<li><a href="#s{sid}">sentence {sid}</a>: '
                     f'<span class="tag v-{esc(note["verdict"].replace(" ", "-"))}">'
                     f'{esc(note["verdict"])}: {esc(note["label"])}</span> {esc(note["explanation"])} {sources}</li>')
    return f'<ul class="check-notes">{"".join(items)}</ul>'


def citing_findings(findings: dict) -> dict:
    """(article_id, sentence_id or None for the whole article) -> the findings whose
    evidence names it: (page stem, anchor, label "04·2", text), in page and finding order."""
    out: dict = {}
    for stem, rows in sorted(findings.items()):
        for r in rows:
            for aid, sids in evidence_by_article((r.get("evidence") or "").split()).items():
                for sid in sids:
                    out.setdefault((aid, int(sid) if sid.isdigit() else None), []).append(
                        (stem, r["anchor"], f"{stem[:2]}\u00b7{r['order']}", r["text"]))
    return out


def _cited_by(cites: list) -> str:
    return "".join(f'<a class="cited" href="../{esc(stem)}.html#{esc(anchor)}" title="{esc(text)}">'
                   f"finding {esc(label)}</a>" for stem, anchor, label, text in cites)


def article_page(row, sents, marks, pages, prov, cites: dict | None = None) -> str:
    """The cleaned text of one article, one anchor per sentence, its highlights, and after
    each sentence a link to every finding that cites it (``citing_findings``)."""
    cites = cites or {}
    paragraphs: dict = {}
    checks: dict = {}
    for s in sents:
        notes: list = []
        body = _render_sentence(s["text"], s["start"], marks, notes) + _cited_by(
            cites.get((row["article_id"], s["sentence_id"]), []))
        paragraphs.setdefault(s["paragraph_id"], []).append(
            f'<span class="sent" id="s{s["sentence_id"]}"><a class="sid" href="#s{s["sentence_id"]}">'
            f'{s["sentence_id"]}</a>{body}</span>')
        checks.setdefault(s["paragraph_id"], []).extend((s["sentence_id"], n) for n in notes)
    text = "".join(f"<p>{' '.join(p)}</p>{_check_notes(checks[k])}" for k, p in sorted(paragraphs.items()))
    meta = [("outlet", row["outlet"]), ("published", row["published"] or "no date in the text"),
            ("title", row["title"] or "none printed"), ("outlet type", row["outlet_type"]),
            ("address as printed (not a link)", row["url"] or "none printed")]
    meta_html = "".join(f'<li>{esc(k)}: <span class="{"url" if k.startswith("address") else "v"}">{esc(v)}</span></li>'
                        for k, v in meta)
    title = f"{row['label']}: the article and its evidence"
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(title)}</title><style>{CSS}</style></head>
<body class="report">
{nav(pages, None, "../")}
<div class="page">
<header class="page-head"><p class="kicker">Evidence page · article <code>{esc(row['article_id'])}</code></p>
<h1>{esc(row['label'])}</h1></header>
<ul class="article-meta">{meta_html}</ul>
{('<p class="legend">Findings that cite this whole article: ' + _cited_by(cites.get((row["article_id"], None), []))
  + '</p>') if cites.get((row["article_id"], None)) else ''}
<p class="legend">The cleaned text, sentence by sentence (each number is the sentence's anchor).
<mark class="q">Quotations and reported statements</mark> carry their speaker
(<span class="tag who">speaker</span>); <mark class="m">names of registered people</mark> are underlined;
<mark class="c">checked statements</mark> carry their verdict and what was checked
(<span class="tag v-conflicts">conflicts</span>, <span class="tag v-misleading">misleading</span>,
<span class="tag v-unverified">unverified</span>, <span class="tag v-agrees">agrees</span>,
<span class="tag v-not-checked">not checked</span>). Each label follows the words it belongs to;
under each paragraph, every verdict is explained, with the sources it was checked against.</p>
<article class="article-text">{text}</article>
</div>
{footer(prov, "../")}
</body>
</html>
"""


def write_article_pages(out: Path, articles, sents, pages, prov, only=None, corpus: Path | None = None) -> dict:
    """Write ``articles/{article_id}.html`` for every article (or those in ``only``), each
    sentence linking to the findings that cite it, its checks named by the labels of the
    registries of ``corpus`` (else the repo's); return article_id -> set of sentence ids,
    for the links."""
    folder = out / "articles"
    folder.mkdir(exist_ok=True)
    marks = highlights(out, check_labels(corpus))
    cites = citing_findings(findings_of(out))
    by_article: dict = {}
    for s in sents:
        by_article.setdefault(s["article_id"], []).append(s)
    written = {}
    for row in articles:
        aid = row["article_id"]
        if not ARTICLE_ID_RE.match(aid) or (only is not None and aid not in only):
            continue
        rows = by_article.get(aid, [])
        (folder / f"{aid}.html").write_text(article_page(row, rows, marks.get(aid, []), pages, prov, cites),
                                            encoding="utf-8")
        written[aid] = {s["sentence_id"] for s in rows}
    return written


# -- the index --------------------------------------------------------------------------

def headline(pages, findings) -> list:
    """(page, finding row) pairs the index leads with, chosen by ``HEADLINE_PAGES``: each
    page's findings in their own order (a page leads with its strongest), without any that
    carries a caveat about its method; at most ``HEADLINE_MAX``."""
    by_number = {p["stem"][:2]: p for p in pages}
    picked = []
    for number, n in HEADLINE_PAGES:
        page = by_number.get(number)
        if page is None:
            continue
        rows = [r for r in findings.get(page["stem"], []) if not _CAVEAT_RE.search(r["text"])]
        picked += [(page, r) for r in rows[:n]]
    return picked[:HEADLINE_MAX]


def _finding_item(page, row, link_text: str) -> str:
    """A finding as a list item, with a link to its heading (and evidence) on its page."""
    return (f'<li>{esc(row["text"])} <a class="from" href="{esc(page["stem"])}.html#{esc(row["anchor"])}">'
            f"{esc(link_text)}</a></li>")


def headline_html(pages, findings) -> str:
    items = "".join(_finding_item(p, r, f"the evidence: {p['short']}") for p, r in headline(pages, findings))
    if not items:
        return ""
    return (f'<section class="headline" aria-labelledby="headline"><h2 id="headline">The headline</h2>'
            f'<ol>{items}</ol><p class="from">Chosen by rule: errors of fact first, then whose words each '
            f'outlet carries and whom it names; every finding of every page is on <a href="summary.html">one printable page</a>.</p></section>')


def summary_page(pages, findings, prov) -> str:
    """Every finding of every page on one page that prints well, each linking to its evidence."""
    sections = []
    for p in pages:
        rows = findings.get(p["stem"], [])
        items = "".join(_finding_item(p, r, "evidence") for r in rows) or "<li>No finding on this corpus.</li>"
        sections.append(f'<section><h2><a href="{esc(p["stem"])}.html">{esc(p["title"])}</a></h2>'
                        f'<ol>{items}</ol></section>')
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(REPORT_TITLE)}: every finding</title><style>{CSS}</style></head>
<body class="report">
{nav(pages, None)}
<div class="page summary">
<header class="page-head"><p class="kicker">Every finding, one page</p>
<h1>{esc(REPORT_TITLE)} (4 August 2025)</h1></header>
{''.join(sections)}
</div>
{footer(prov)}
</body>
</html>
"""


def index_page(pages, findings, corpus: dict, exports: dict, prov, seed: bool, article_note: str) -> str:
    cards = []
    for p in pages:
        rows = findings.get(p["stem"], [])[:3]
        items = "".join(f'<li><a href="{esc(p["stem"])}.html#{esc(r["anchor"])}">{esc(r["text"])}</a></li>'
                        for r in rows) or f"<li>{esc(p['question'])}</li>"
        thumb = ""
        if p.get("chart"):
            name, alt = p["chart"]
            thumb = (f'<a href="{esc(p["stem"])}.html"><img src="{esc(name)}" alt="{esc(alt)}" '
                     f'width="800" height="500"></a>')
        cards.append(f'<li class="card"><p class="kicker">Notebook {esc(p["stem"][:2])}</p>'
                     f'<h3><a href="{esc(p["stem"])}.html">{esc(p["title"])}</a></h3>{thumb}'
                     f"<ul>{items}</ul></li>")
    groups = []
    for p in pages:
        files = exports.get(p["stem"], [])
        if not files:
            continue
        lines = "".join(f'<li><a href="{esc(f)}">{esc(f)}</a>: {esc(EXPORT_NOTES.get(f, "exported by this notebook"))}</li>'
                        for f in files)
        groups.append(f'<h3><a href="{esc(p["stem"])}.html">{esc(p["title"])}</a></h3><ul>{lines}</ul>')
    if exports.get("all"):
        lines = "".join(f'<li><a href="{esc(f)}">{esc(f)}</a>: {esc(EXPORT_NOTES.get(f, "written by every notebook"))}</li>'
                        for f in exports["all"])
        groups.append(f"<h3>All notebooks</h3><ul>{lines}</ul>")
    which = ("the five seed articles; the findings are our sentences, each checked against the tables under it"
             if seed else "a corpus other than the seed articles; the findings below were composed by code "
                          "from its own tables")
    facts = "".join(f"<li><strong>{esc(v)}</strong>{esc(k)}</li>" for k, v in corpus["facts"])
    article_links = "".join(f'<li><a href="articles/{esc(aid)}.html">{esc(label)}</a></li>'
                            for aid, label in corpus["pages"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(REPORT_TITLE)}</title><style>{CSS}</style></head>
<body class="report">
{nav(pages, "index")}
<div class="page">
<header class="page-head"><p class="kicker">A reproducible comparison of news coverage</p>
<h1>{esc(REPORT_TITLE)} (4 August 2025)</h1></header>
<p>On 4 August 2025 Russia's Foreign Ministry said Russia no longer considers itself bound by
its moratorium on deploying ground-based intermediate- and shorter-range missiles. These pages
compare how outlets reported it: whom they quote and how they frame it, how negative their own
words and their sources' words are, whom they name, and which claims, ranges and dates they get
right. Each page leads with its findings; every number links to its article and sentence.</p>
{headline_html(pages, findings)}
<p>This report was built from {esc(which)}.</p>
<ul class="facts">{facts}</ul>
<p class="article-meta">Outlets: {esc(corpus['outlets'])}. Dates: {esc(corpus['dates'])}.</p>
<h2>The pages</h2>
<ul class="cards">{''.join(cards)}</ul>
<h2>The articles</h2>
<p>Each article's cleaned text, sentence by sentence, with its quotations, names and checked claims
highlighted. {esc(article_note)}</p>
<ul>{article_links}</ul>
<section class="exports"><h2>Tables and figures</h2>
<p>Every table as CSV (UTF-8, one header row) and every chart as PNG at publication resolution.</p>
{''.join(groups)}</section>
</div>
{footer(prov)}
</body>
</html>
"""

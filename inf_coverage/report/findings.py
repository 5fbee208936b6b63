"""Findings bound to their numbers (imported by ``helpers``; notebooks use it as ``h.``).

A notebook states a finding only through :class:`Findings`: each finding is rendered as an
escaped ``Finding:`` heading with an anchor, after the checks that make it true have passed,
and is recorded for the ``findings.csv`` export. Two kinds:

- a **seed narrative**: a sentence written by hand about the seed corpus, shown only when the
  corpus loaded is the seed corpus (recognised by :func:`fingerprint` of its ``articles.csv``
  and texts, never by its path), and only after every check under it holds;
- a **computed** finding: a sentence composed by code from the loaded corpus's own tables,
  shown on any corpus other than the seed (and on the seed corpus where no seed narrative has
  the same id), also checked.

A check that fails raises :class:`FindingError` naming the notebook, the finding id and its
text, so ``make report`` and ``make test`` stop on it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from inf_coverage.core.layout import fingerprint, SEED_FINGERPRINT
from inf_coverage.core.stats import VERDICT_BANDS
from inf_coverage.report.export import export_csv


FINDINGS_COLUMNS = ["notebook", "order", "finding_id", "text", "anchor", "source", "evidence"]
#: How many evidence sentences a finding lists under its heading (the rest are counted).
MAX_EVIDENCE_SHOWN = 12
_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


class FindingError(AssertionError):
    """A finding the data no longer support: the message names notebook, id and text."""


def expect(condition, finding: str) -> None:
    """Raise :class:`FindingError` naming ``finding`` unless ``condition`` holds.
    ``condition`` is a value or a function of no arguments (called here, so a check
    that only makes sense on one corpus is never evaluated on another)."""
    try:
        ok = condition() if callable(condition) else condition
    except (KeyError, IndexError, ValueError, ZeroDivisionError) as exc:
        raise FindingError(f"The data no longer support the finding {finding!r}: "
                           f"its check could not be computed ({type(exc).__name__}: {exc})") from exc
    if not bool(ok):
        raise FindingError(f"The data no longer support the finding {finding!r}")


class Findings:
    """The findings of one notebook.

    ``Findings("01-source-framing", corpus_folder)`` knows whether the corpus is the seed
    corpus. ``seed(id, text, *checks)`` states a hand-written finding about the seed corpus
    (rendered there only, after its checks pass); ``computed(id, text, *checks)`` states a
    finding composed from the data (rendered unless a seed finding with that id was shown).
    ``summary()`` renders every finding shown, each linking to its evidence; ``table()``
    returns them as rows for ``findings.csv`` and ``export(folder)`` merges them into it.
    """

    def __init__(self, notebook: str, corpus_folder, seed_fingerprint: str = SEED_FINGERPRINT,
                 verdicts: pd.DataFrame | None = None, articles: pd.DataFrame | None = None):
        self.notebook = notebook
        # the articles the notebook reads: what a finding of absence (empty evidence) cites
        self.read = [] if articles is None else sorted(map(str, articles["article_id"]))
        self.number = notebook.split("-", 1)[0]
        self.is_seed = fingerprint(corpus_folder) == seed_fingerprint
        self.rows: list[dict] = []
        # each method's agreement with the corpus's hand coding (annotations.method_verdicts):
        # pooled ("all"), and per coded article
        rows = [] if verdicts is None or verdicts.empty else list(verdicts.itertuples(index=False))
        self.verdicts = {r.method: r for r in rows if getattr(r, "article_id", "all") == "all"}
        self.by_article = {(r.method, r.article_id): r for r in rows if getattr(r, "article_id", "all") != "all"}

    def qualifier(self, method: str | None, cited=()) -> str:
        """What a finding resting on ``method`` must add: nothing for a method validated as
        usable on this corpus, the score and verdict for a weaker one, and "not validated"
        for a method this corpus has no hand coding of. Then, for each article among the
        ``cited`` evidence keys ("article" or "article:sentence") where the method scores in a
        worse band than pooled (over at least ``MIN_ARTICLE_UNITS`` units), that article's
        score: pooled validation must not hide the weak spot a finding leans on."""
        if method is None:
            return ""
        if method not in self.verdicts:
            return f" (Rests on the {method} method, which this corpus's hand coding does not validate.)"
        v = self.verdicts[method]
        text = "" if v.verdict == "usable" else (
            f" (Rests on the {method} method, {v.metric} {v.value:.2f} against the hand coding in "
            f"05-validation: {v.verdict}; read as indicative.)")
        rank = {name: k for k, (name, _, _) in enumerate(VERDICT_BANDS)}
        weak = []
        for aid in dict.fromkeys(str(k).split(":", 1)[0] for k in cited):
            a = self.by_article.get((method, aid))
            if a is not None and rank.get(a.verdict, 99) < rank.get(v.verdict, 99):
                weak.append(f"{a.label}: {a.metric} {a.value:.2f} over {int(a.n)}, {a.verdict}")
        if weak:
            text += (f" (Where this finding's evidence lies the {method} method scores lower than pooled: "
                     + "; ".join(weak) + ".)")
        return text

    def _anchor(self, finding_id: str) -> str:
        return f"finding-{self.number}-{finding_id}"

    def _shown(self, finding_id: str) -> bool:
        return any(r["finding_id"] == finding_id for r in self.rows)

    def _state(self, finding_id: str, text: str, checks, source: str, method: str | None = None,
               evidence=None, caveat: str = "") -> str:
        if not _ID_RE.match(finding_id):
            raise ValueError(f"finding id {finding_id!r}: use lower-case letters, digits and hyphens")
        label = f"{self.notebook} / {finding_id}: {text}"
        for check in checks:
            expect(check, label)
        cited = evidence_keys(evidence) if evidence is not None else []
        absence = evidence is not None and not cited and bool(self.read)
        if absence:                 # nothing found: the finding rests on every article read
            cited = list(self.read)
        text = text + caveat + self.qualifier(method, cited)
        self.rows.append({"notebook": self.notebook, "order": len(self.rows) + 1,
                          "finding_id": finding_id, "text": text,
                          "anchor": self._anchor(finding_id), "source": source, "evidence": " ".join(cited)})
        _display_html(f'<h4 class="finding" id="{self._anchor(finding_id)}">Finding: '
                      f"{html.escape(text)}</h4>", f"Finding: {text}")
        if cited:
            _display_html(evidence_html(cited, absence), evidence_text(cited, absence))
        return text

    def seed(self, finding_id: str, text: str, *checks, method: str | None = None, evidence=None) -> str | None:
        """A hand-written seed finding: shown only on the seed corpus, after ``checks``, each a
        function of no arguments (refused otherwise, on every corpus, so a value computed from seed
        ids can never be evaluated on another corpus).
        ``method`` names the method it rests on (a kind of ``05-validation``): a finding on a
        method not judged usable on this corpus carries that qualification.
        ``evidence``: the rows that make it true, a table with ``article_id`` and (where a
        sentence is meant) ``sentence_id``; they are listed under the heading, recorded in
        ``findings.csv`` and linked to their sentences in the report (``evidence_keys``). An
        empty table (a finding of absence: "no article ...") cites every article the notebook
        read (``articles`` given to ``Findings``)."""
        # Every check must be a function: an expression would be evaluated by the caller before
        # this method could tell that the corpus is not the seed, and a seed check reads seed
        # article ids, sentences and counts that another corpus lacks (a KeyError, not a finding).
        eager = [i for i, check in enumerate(checks, start=1) if not callable(check)]
        if eager:
            raise TypeError(f"{self.notebook} / {finding_id}: seed check(s) {eager} are values, not functions; "
                            "write each as `lambda: ...` so that no other corpus ever evaluates it")
        if not self.is_seed:
            return None
        return self._state(finding_id, text, checks, "seed narrative", method, evidence)

    def computed(self, finding_id: str, text: str, *checks, method: str | None = None,
                 evidence=None, caveat: str = "") -> str | None:
        """A finding composed from this corpus's tables: shown unless a seed finding with
        this id was shown. Its checks run too, so the composing code cannot drift.
        ``evidence`` as for ``seed``; ``caveat``: a limit of the method measured elsewhere than
        on this corpus's hand coding (a sentence in brackets, e.g. ``unseen_caveat``), put
        after the text and before the qualification ``method`` adds."""
        if self._shown(finding_id):
            return None
        return self._state(finding_id, text, checks, "computed", method, evidence, caveat)

    def note(self, text: str) -> None:
        """Plain escaped text under a finding (no heading, not a finding)."""
        _display_html(f"<p>{html.escape(text)}</p>", text)

    def table(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=FINDINGS_COLUMNS)

    def summary(self) -> None:
        """Render the findings of this notebook as a linked list (the closing summary)."""
        if not self.rows:
            _display_html("<p>No finding is stated for this corpus.</p>", "No finding is stated for this corpus.")
            return
        items = "".join(f'<li><a href="#{r["anchor"]}">{html.escape(r["text"])}</a>'
                        f' <small>({r["source"]})</small></li>' for r in self.rows)
        plain = "\n".join(f"- {r['text']} ({r['source']})" for r in self.rows)
        _display_html(f'<ul class="findings-summary">{items}</ul>', plain)

    def export(self, folder) -> Path:
        """Merge this notebook's rows into ``folder/findings.csv`` (other notebooks' rows
        kept), sorted by notebook and order, so the file is the same whatever order the
        notebooks ran in."""
        path = Path(folder) / "findings.csv"
        old = pd.read_csv(path, dtype=str, keep_default_na=False) if path.is_file() else self.table().iloc[:0]
        old = old[old.notebook != self.notebook].astype({"order": int})
        table = (pd.concat([old, self.table()], ignore_index=True)
                 .sort_values(["notebook", "order"], kind="stable"))
        return export_csv(table, folder, "findings.csv")


def evidence_keys(rows: pd.DataFrame) -> list:
    """The sentences (``article_id:sentence_id``) or whole articles (``article_id``) a
    finding rests on, from a table with ``article_id`` and optionally ``sentence_id`` (an
    empty cell there means the whole article; an article with sentences cited is cited by
    them alone), distinct, in article and sentence order. Raises ``TypeError`` for a table
    without ``article_id``."""
    if not isinstance(rows, pd.DataFrame) or "article_id" not in rows.columns:
        raise TypeError("a finding's evidence is a table with an article_id column (and sentence_id)")
    sids = rows["sentence_id"] if "sentence_id" in rows.columns else pd.Series([None] * len(rows), index=rows.index)
    keys = set()
    for aid, sid in zip(rows["article_id"], sids):
        if pd.isna(sid) or str(sid).strip() == "":
            keys.add((str(aid), -1))
        else:
            keys.add((str(aid), int(sid)))
    with_sentences = {aid for aid, sid in keys if sid >= 0}
    keys = {(aid, sid) for aid, sid in keys if sid >= 0 or aid not in with_sentences}
    return [aid if sid < 0 else f"{aid}:{sid}" for aid, sid in sorted(keys)]


def evidence_by_article(keys) -> dict:
    """``evidence_keys``' keys grouped: article_id -> its sentence ids as written (``[""]``
    for a whole article), in the keys' order."""
    by_article: dict = {}
    for key in keys:
        aid, _, sid = key.partition(":")
        by_article.setdefault(aid, []).append(sid)
    return by_article


def _evidence_parts(cited: list) -> tuple:
    shown = cited[:MAX_EVIDENCE_SHOWN]
    by_article = evidence_by_article(shown)
    words = "; ".join(aid + (" (the whole article)" if sids == [""] else " sentence" + ("s " if len(sids) > 1 else " ")
                             + ", ".join(sids)) for aid, sids in by_article.items())
    more = len(cited) - len(shown)
    return words, (f"; and {more} more" if more else "")


#: How an evidence line starts: sentences that make the finding true, or, for a finding of
#: absence (its evidence table is empty), the articles read in which nothing was found.
EVIDENCE_LEADS = {False: "Evidence: ", True: "Evidence (nothing found; the articles read): "}


def evidence_text(cited: list, absence: bool = False) -> str:
    words, more = _evidence_parts(cited)
    return f"{EVIDENCE_LEADS[absence]}{words}{more}."


def evidence_html(cited: list, absence: bool = False) -> str:
    """The evidence line under a finding's heading: plain text in a notebook; the report
    turns each key of ``data-evidence`` into a link to its sentence (or article)."""
    words, more = _evidence_parts(cited)
    flag = ' data-absence="1"' if absence else ""
    return (f'<p class="finding-evidence" data-evidence="{html.escape(" ".join(cited))}"{flag}>'
            f"{html.escape(EVIDENCE_LEADS[absence])}{html.escape(words)}{html.escape(more)}.</p>")


def _display_html(markup: str, plain: str) -> None:
    from IPython.display import display
    display({"text/html": markup, "text/plain": plain}, raw=True)

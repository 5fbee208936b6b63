"""Claims: the proposition codebook, claim-by-claim checks against the reference, omissions."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from inf_coverage.core.layout import CorpusError, split_list
from inf_coverage.extract.events import event_claims
from inf_coverage.extract.quotes import quotes
from inf_coverage.extract.ranges import band_agrees, check_ranges, range_claims
from inf_coverage.ingest.patterns import (
    _REPEATS,
    _maybe_matching,
    _pattern_literals,
    _prefilter_text,
    _sre_parse,
    check_pattern,
)
from inf_coverage.ingest.registries import check_source_kinds, load_reference, read_registry
from inf_coverage.ingest.text import _rows

# ---------------------------------------------------------------------------
# 6. Claims: the proposition codebook, claim-by-claim checks, omissions
#    (04-missile-range-facts)
# ---------------------------------------------------------------------------
# ``claims.csv`` lists propositions an arms-control reader checks (what the
# moratorium covered, what Russia did to the treaty, why the US left ...), each
# with cue patterns that find statements about it and the wordings that distort
# it. ``claim_checks`` turns every such statement, every date, every distance and
# every quotation of an official statement into one row of one table with one
# verdict vocabulary; ``claim_omissions`` lists what an article should have said
# and did not. Patterns are matched case-insensitively inside one sentence, and a
# pattern with a quantifier inside a quantifier is refused, so every check runs in
# time linear in the length of the text.

#: The verdicts of ``claim_checks``, from most to least severe.
CLAIM_VERDICTS = ["conflicts", "misleading", "unverified", "agrees", "not checked"]
CLAIM_COLUMNS = ["claim_id", "proposition", "fact_ids", "cues", "distortions", "verdict", "required_if"]
CHECK_COLUMNS = ["article_id", "outlet", "sentence_id", "start", "end", "claim_id", "surface", "verdict",
                 "whose", "fact_ids", "source_title", "source_url", "source_kind", "explanation",
                 "severity", "error_id", "also_claims"]
#: The verdicts that make a statement an error (``claim_checks``' ``severity``), most severe first.
ERROR_VERDICTS = ["conflicts", "misleading", "unverified"]
#: ``whose`` of an error: the outlet's own words, or a speaker the outlet quotes in quotation marks.
WHOSE_KINDS = ["outlet", "quoted"]
REFERENCE_QUOTE_COLUMNS = ["quote_id", "speaker", "phrase", "source_title", "source_url"]
#: Speakers whose quoted words count as an official statement (``quotes().affiliation``).
OFFICIAL_GROUPS = {"russian_official", "us_official"}
_LIST_SEP = ";;"                 # separates patterns in a cell
_VERDICT_SEP = "=>"              # "wording => verdict: why"
_MAX_PHRASE_WORDS = 25
# An article about the 4 Aug 2025 decision, when it prints no publication date.
_DECISION_2025_RE = re.compile(
    r"\b(?:no longer|abandon\w*|end(?:s|ed|ing)?|lift\w*|scrap\w*|walk\w* back|withdrawal of|withdrawal from)\b"
    r".{0,60}?\b(?:moratorium|self-imposed|voluntary ban|self-restrictions)", re.I)
_YEAR_RE = re.compile(r"(?<![\w,.-])(?:19[4-9]\d|20[0-4]\d)(?![\w-])")
_QUOTE_WORD_RE = re.compile(r"[a-z0-9]+")


def _nested_repeat(parsed, inside: bool = False) -> bool:  # noqa: C901
    """Does a parsed pattern repeat (more than once) something that itself repeats?
    Such patterns can take time exponential in the text; single quantifiers, bounded
    or not, over characters or fixed alternatives cannot."""
    for op, av in parsed:
        if op in _REPEATS:
            lo, hi, sub = av
            many = hi > 1
            if inside and many:
                return True
            if _nested_repeat(sub, inside or many):
                return True
        elif op is _sre_parse.BRANCH:
            if any(_nested_repeat(p, inside) for p in av[1]):
                return True
        elif op is _sre_parse.SUBPATTERN:
            if _nested_repeat(av[-1], inside):
                return True
        elif op in (_sre_parse.ASSERT, _sre_parse.ASSERT_NOT):
            if _nested_repeat(av[1], inside):
                return True
        elif op is getattr(_sre_parse, "ATOMIC_GROUP", None):
            if _nested_repeat(av, inside):
                return True
        elif op is _sre_parse.GROUPREF_EXISTS:
            if any(p is not None and _nested_repeat(p, inside) for p in av[1:]):
                return True
    return False


#: Claim patterns spell out a proposition's wordings, so they may be longer than a frame cue.
MAX_CLAIM_PATTERN_LENGTH = 1000


#: ... and bridge longer stretches of a sentence (``.{0,160}?``), still bounded.
MAX_CLAIM_PATTERN_REPEAT = 300


def _claim_pattern(pattern: str, where: str) -> re.Pattern:
    """Compile one codebook pattern (case-insensitive) through ``check_pattern``, the one
    checker of every user-supplied pattern (frame cues, event anchors, claims): an empty,
    invalid, empty-matching or slow pattern (nested quantifiers, ``[^,]+`` on a long
    sentence) is refused; ``where`` (file, row, column) starts the error message."""
    return check_pattern(pattern.strip(), where, "pattern", max_length=MAX_CLAIM_PATTERN_LENGTH,
                         max_repeat=MAX_CLAIM_PATTERN_REPEAT, scoped_flags=True)


def load_claims(path=None, reference: pd.DataFrame | None = None) -> pd.DataFrame:  # noqa: C901
    """The proposition codebook (``claims.csv``), validated and compiled.

    Columns read: ``claim_id``, ``proposition``, ``fact_ids`` (reference fact ids
    separated by ``|``), ``cues`` (regular expressions separated by ``;;``: a
    sentence matching one makes a statement about the proposition), ``distortions``
    (entries ``pattern => verdict: why`` separated by ``;;``, tried in order; the
    first that matches a cued sentence gives its verdict), ``verdict`` (the verdict
    of a cued sentence no distortion matches), ``required_if`` (a pattern: an article
    whose text matches it should state the proposition; empty: never required), and
    the optional ``context_from`` (ISO date: only articles about events from that day
    on are required to state it), ``label`` (a reader's short name for the proposition;
    empty: the id with spaces), ``time_scope`` (``FROM..UNTIL``, ISO dates, either
    side may be empty: only articles about a day in that span are checked against the
    proposition; empty: any article) and ``notes``. Patterns are matched
    case-insensitively within one sentence.

    Raises ``CorpusError`` naming file, row and column for an empty, invalid,
    empty-matching or nested-quantifier pattern, an unknown fact id, an unknown
    verdict, a row without fact ids whose verdicts are not all "not checked", an
    empty proposition or a malformed date or time scope. Returns the table with the
    parsed columns ``fact_list``, ``cue_res``, ``distortion_list`` ((pattern, verdict,
    why) tuples), ``required_re`` (None when empty) and ``scope`` ((first day, last
    day), each None when open).
    """
    path, table = read_registry("claims.csv", path, CLAIM_COLUMNS, key="claim_id")
    reference = load_reference() if reference is None else reference
    known = set(reference.fact_id)
    for optional in ("context_from", "time_scope", "label"):
        if optional not in table.columns:
            table = table.assign(**{optional: ""})
    if not len(table):
        raise CorpusError(f"{path}: the codebook has no rows")
    facts, cues, distortions, required, scopes = [], [], [], [], []
    for i, row in table.iterrows():
        def where(col):
            return f"{path}, row {i + 2} (claim_id {row['claim_id']!r}), column {col!r}"  # noqa: B023
        if not row["claim_id"].strip():
            raise CorpusError(f"{where('claim_id')}: empty claim_id")
        if not row["proposition"].strip():
            raise CorpusError(f"{where('proposition')}: empty proposition")
        fl = split_list(row["fact_ids"])
        unknown = [f for f in fl if f not in known]
        if unknown:
            raise CorpusError(f"{where('fact_ids')}: unknown fact id(s) {', '.join(unknown)} "
                              "(not in reference_facts.csv)")
        if row["verdict"].strip() not in CLAIM_VERDICTS:
            raise CorpusError(f"{where('verdict')}: unknown verdict {row['verdict']!r} "
                              f"(one of {', '.join(CLAIM_VERDICTS)})")
        cue_items = [c for c in row["cues"].split(_LIST_SEP)]
        if not row["cues"].strip():
            raise CorpusError(f"{where('cues')}: empty pattern")
        cue_res = [_claim_pattern(c, where("cues")) for c in cue_items]
        dist = []
        for item in (row["distortions"].split(_LIST_SEP) if row["distortions"].strip() else []):
            pattern, sep, rest = item.rpartition(_VERDICT_SEP)
            if not sep:
                raise CorpusError(f"{where('distortions')}: {item.strip()!r} is not 'pattern => verdict: why'")
            verdict, _, why = rest.partition(":")
            verdict = verdict.strip()
            if verdict not in CLAIM_VERDICTS:
                raise CorpusError(f"{where('distortions')}: unknown verdict {verdict!r} "
                                  f"(one of {', '.join(CLAIM_VERDICTS)})")
            dist.append((_claim_pattern(pattern, where("distortions")), verdict, why.strip()))
        if not fl and any(v != "not checked" for v in [row["verdict"].strip()] + [d[1] for d in dist]):
            raise CorpusError(f"{where('fact_ids')}: no reference fact, so every verdict must be 'not checked'")
        req = _claim_pattern(row["required_if"], where("required_if")) if row["required_if"].strip() else None
        if row["context_from"].strip():
            try:
                dt.date.fromisoformat(row["context_from"].strip())
            except ValueError:
                raise CorpusError(f"{where('context_from')}: {row['context_from']!r} is not a date "
                                  "in YYYY-MM-DD form") from None
        scopes.append(_time_scope(row["time_scope"], where("time_scope")))
        facts.append(fl)
        cues.append(cue_res)
        distortions.append(dist)
        required.append(req)
    table = table.assign(label=[lab.strip() or cid.replace("_", " ") for cid, lab in zip(table.claim_id, table.label)])
    return table.assign(verdict=table.verdict.str.strip(), context_from=table.context_from.str.strip(),
                        time_scope=table.time_scope.str.strip(), fact_list=facts, cue_res=cues,
                        distortion_list=distortions, required_re=required, scope=scopes)


def _time_scope(value: str, where: str) -> tuple:
    """``FROM..UNTIL`` (ISO dates, either side empty) as (first day, last day), None for an
    open side; ``(None, None)`` for an empty value. Raises ``CorpusError`` (``where``
    starts the message) for anything else, or a span that ends before it starts."""
    value = value.strip()
    if not value:
        return (None, None)
    first, sep, last = value.partition("..")
    days: list[dt.date | None] = []
    bad = False
    for side in (first.strip(), last.strip()):
        try:
            days.append(dt.date.fromisoformat(side) if side else None)
        except ValueError:
            bad = True
    if not sep or bad or days == [None, None]:
        raise CorpusError(f"{where}: {value!r} is not a time scope 'YYYY-MM-DD..YYYY-MM-DD' (either side may be "
                          "empty, not both)")
    if days[0] and days[1] and days[1] < days[0]:
        raise CorpusError(f"{where}: {value!r} ends before it starts")
    return tuple(days)


def _out_of_scope(rows: list, claims: pd.DataFrame, articles: pd.DataFrame | None) -> list:
    """Codebook rows whose proposition has a time scope the article is not about become
    "not checked", saying why: a 2019 article is not checked against what was true in
    August 2025. The article's day is ``article_subject_date``; an article with none is
    assumed current and checked."""
    scopes = {c: s for c, s in zip(claims.claim_id, claims.scope) if s != (None, None)}
    if articles is None or not scopes or not rows:
        return rows
    published = articles["published"] if "published" in articles.columns else [""] * len(articles)
    about = {aid: (article_subject_date(aid, text, pub), "published" if pub else "its own dates")
             for aid, text, pub in zip(articles.article_id, articles.text, published)}
    texts = dict(zip(claims.claim_id, claims.time_scope))
    out = []
    for row in rows:
        aid, cid = row[0], row[5]
        day, how = about.get(aid, (None, ""))
        first, last = scopes.get(cid, (None, None))
        if day is not None and ((first and day < first) or (last and day > last)):
            reference = row[11].split("Reference: ", 1)[-1]
            row = row[:7] + ("not checked",) + row[8:11] + (
                f"not checked: the proposition holds for articles about {texts[cid].replace('..', ' to ')}, and this "
                f"article is about {day.isoformat()} ({how}); outside its time scope. Reference: {reference}",)
        out.append(row)
    return out


def load_reference_quotes(path=None) -> pd.DataFrame:
    """Official statements as reported by sourced coverage (``reference_quotes.csv``):
    ``quote_id``, ``speaker`` (names as ``quotes`` gives them, separated by ``|``),
    ``phrase`` (at most 25 words, as printed by the source), ``source_title``,
    ``source_url``, ``source_kind`` and optional ``statement``, ``statement_date``,
    ``notes``. ``source_kind`` is the source's kind (``SOURCE_KINDS``; checked by
    ``check_source_kinds``); a file without that column still loads, with it empty (kind
    not stated). Raises ``CorpusError`` naming file and row for an empty phrase, speaker
    or URL, a phrase longer than 25 words, or a source kind that is not one of
    ``SOURCE_KINDS``."""
    path, table = read_registry("reference_quotes.csv", path, REFERENCE_QUOTE_COLUMNS, key="quote_id")
    table = check_source_kinds(path, table, "quote_id")
    for i, row in table.iterrows():
        for col in ["speaker", "phrase", "source_url"]:
            if not row[col].strip():
                raise CorpusError(f"{path}, row {i + 2} (quote_id {row['quote_id']!r}), column {col!r}: empty")
        if len(row["phrase"].split()) > _MAX_PHRASE_WORDS:
            raise CorpusError(f"{path}, row {i + 2} (quote_id {row['quote_id']!r}), column 'phrase': "
                              f"longer than {_MAX_PHRASE_WORDS} words")
    return table


def _quote_words(text: str) -> list:
    """Lower-case letter/digit runs of a quotation (punctuation, brackets, dashes,
    apostrophes and quotation marks ignored), for comparing wordings."""
    return _QUOTE_WORD_RE.findall(text.lower().replace("\u2019", "'"))


def _word_runs(words: list, n: int) -> set:
    """Every run of ``n`` consecutive words of a word list, as tuples."""
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _match_reference_quote(words: list, refs: list):
    """The reference phrase a quotation's wording matches, or None: the two share a
    run of at least min(5, len(quotation), len(phrase)) consecutive words, that is,
    a run of exactly that many (compared as sets of runs). ``refs``: (phrase words,
    phrase, its runs by length: ``{n: _word_runs(words, n)}`` for n from 1 to 5)."""
    mine = {}
    for ref_words, ref, ref_runs in refs:
        need = min(5, len(words), len(ref_words))
        if not need:
            continue
        if need not in mine:
            mine[need] = _word_runs(words, need)
        if not mine[need].isdisjoint(ref_runs[need]):
            return ref
    return None


def _kinds_by_url(*tables) -> dict:
    """source URL -> its kind (``SOURCE_KINDS``), from the reference tables' aligned
    ``source_url`` and ``source_kind`` cells (several sources joined by " | "); a table
    without ``source_kind`` (a user's reference) gives no kinds."""
    kinds: dict = {}
    for table in tables:
        if table is None or "source_kind" not in table.columns:
            continue
        for urls, ks in zip(table.source_url.fillna(""), table.source_kind.fillna("")):
            for u, k in zip(str(urls).split(" | "), str(ks).split(" | ")):
                if u.strip() and k.strip():
                    kinds.setdefault(u.strip(), k.strip())
    return kinds


def _kinds_of(urls: str, kinds: dict) -> str:
    """The kinds of the " | "-joined ``urls``, joined the same way; "" when none is known."""
    found = [kinds.get(u.strip(), "") for u in str(urls).split(" | ")] if urls else []
    return " | ".join(found) if any(found) else ""


def _reference_sources(fact_ids: list, ref) -> tuple:
    """(source_title, source_url) of reference facts, joined with " | "."""
    titles = [ref.at[f, "source_title"] for f in fact_ids if f in ref.index]
    urls = [ref.at[f, "source_url"] for f in fact_ids if f in ref.index]
    return " | ".join(titles), " | ".join(urls)


#: A non-restrictive relative clause ("..., which has a range of up to 5,500 km"): inside a
#: reported statement it is the outlet's description of what the speaker named, not the speaker's.
_GLOSS_RE = re.compile(r",\s(?:which|who|whose)\b", re.I)


def _whose(article_id: str, start: int, spans: dict | None, error: bool = False) -> tuple:
    """Whose words a statement starting at ``start`` is: 'outlet', or 'quoted: <speaker>'
    when it lies inside a quotation or reported statement of that article (``spans``:
    article -> [(start, end, speaker, kind, quoted text)]). Two exceptions make it the
    outlet's: a reported statement's non-restrictive relative clause (", which has a range
    of ...": the outlet's gloss on what the speaker named), and an error (``error``) in a
    paraphrase: only words in quotation marks (a direct quotation, or the quoted words of a
    mixed one) put a distortion in the speaker's mouth; a paraphrase's wording is the
    outlet's. Returns (whose, a note for the explanation: why a statement inside a reported
    statement is the outlet's, else "")."""
    if spans is None:
        return "", ""
    for s, e, who, kind, text in spans.get(article_id, []):
        if s <= start < e:
            speaker = "unnamed sources" if who == "unattributed" else who
            if kind not in ("direct", "mixed"):
                if _GLOSS_RE.search(text[:start - s]):
                    return "outlet", (f"Whose: the outlet's, its own description inside what it reports "
                                      f"{speaker} said.")
                if error:
                    return "outlet", (f"Whose: the outlet's, in its paraphrase of {speaker}; only words in "
                                      "quotation marks are the speaker's.")
            return f"quoted: {who}", ""
    return "outlet", ""


def _codebook_rows(sents: pd.DataFrame, claims: pd.DataFrame, ref) -> list:
    """One row per (sentence, proposition) for every cued sentence: the first
    distortion that matches gives verdict and span, else the cue does."""
    compiled = [(r.claim_id, r.proposition, r.fact_list, r.cue_res, r.distortion_list, r.verdict)
                for r in claims.itertuples(index=False)]
    sources = {cid: _reference_sources(fl, ref) for cid, _, fl, *_ in compiled}
    rows = list(_rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]))
    texts = [r[4] for r in rows]
    lows = [_prefilter_text(t) for t in texts]
    # (sentence, proposition) -> the match of its first cue that matches, cue by cue over
    # the sentences that hold one of the cue's required literals (the others cannot match)
    cued, tried = {}, {}
    for k, (_cid, _p, _f, cue_res, _d, _v) in enumerate(compiled):
        for c in cue_res:
            need = _pattern_literals(c.pattern, c.flags)
            if need not in tried:
                tried[need] = _maybe_matching(lows, need)
            for i in tried[need]:
                if (i, k) not in cued:
                    m = c.search(texts[i])
                    if m:
                        cued[i, k] = m
    out = []
    for i, k in sorted(cued):
        aid, outlet, sid, base, text = rows[i]
        cid, prop, fl, _, dist, default = compiled[k]
        cue = cued[i, k]
        hit = next(((m, v, why) for m, v, why in ((d.search(text), v, why) for d, v, why in dist) if m), None)
        m, verdict, why = hit if hit else (cue, default, "")
        if verdict == "not checked":
            why = why or "no reference fact covers this proposition"
        explanation = (f"{verdict}: {why}. " if why else f"{verdict}: consistent with the reference. ") + \
            f"Reference: {prop}"
        title, url = sources[cid]
        out.append((aid, outlet, sid, base + m.start(), base + m.end(), cid, m.group(), verdict,
                    "|".join(fl), title, url, explanation))
    return out


def _old_check_rows(sents, articles, ref, event_rows=None, range_rows=None) -> list:
    """The date and distance checks of ``event_claims`` and ``check_ranges`` as claim
    rows: old "agrees" stays "agrees" ("unverified" when the reference fact is itself
    only a claim, confidence UNVERIFIED), "conflicts" stays, "no reference" and
    "unresolved" become "not checked". ``event_rows``, ``range_rows``: the
    ``event_claims`` and ``range_claims`` tables when already computed, else None."""
    reference = ref.reset_index()
    rows = []
    unverified = {f for f, c in zip(reference.fact_id, reference.get("confidence", [""] * len(reference)))
                  if str(c).upper().startswith("UNVERIFIED")}
    sources = {}

    def sources_of(fact):          # one look-up per fact, not per row
        if fact not in sources:
            sources[fact] = _reference_sources([fact] if fact else [], ref)
        return sources[fact]

    events = event_claims(sents, articles, reference=reference) if event_rows is None else event_rows
    for r in events.itertuples(index=False):
        fact = r.fact_id
        verdict = {"agrees": "agrees", "conflicts": "conflicts"}.get(r.verdict, "not checked")
        if verdict == "agrees" and fact in unverified:
            verdict = "unverified"
        what = r.label or "a date attached to no known event"
        if r.verdict == "unresolved":
            why = f"{what}: '{r.surface}' cannot be dated without the article's publication date"
        elif r.verdict == "unlinked":
            why = (f"{what}: dated {r.date} ({r.basis}), where the reference gives {r.reference_date}; not called "
                   f"a conflict, because the date is not firmly this event's (its year is not written, or it is "
                   f"the article's own date)")
        elif r.verdict == "no reference":
            why = f"{what}: dated {r.date}; no reference fact gives this event's date"
        else:
            why = f"{what}: dated {r.date} ({r.basis}); the reference gives {r.reference_date}"
        title, url = sources_of(fact)
        rows.append((r.article_id, r.outlet, r.sentence_id, r.start, r.end, f"date:{r.event or 'none'}",
                     r.surface, verdict, fact, title, url, f"{verdict}: {why}"))
    checked = check_ranges(range_claims(sents) if range_rows is None else range_rows, reference)
    for r in checked.itertuples(index=False):
        fact = r.fact_id
        verdict = {"agrees": "agrees", "conflicts": "conflicts"}.get(r.verdict, "not checked")
        if verdict == "agrees" and fact in unverified:
            verdict = "unverified"
        kind = {"F04": "treaty_band", "F21": "oreshnik"}.get(fact, "other")
        lo = "" if pd.isna(r.min_km) else int(r.min_km)
        hi = "" if pd.isna(r.max_km) else int(r.max_km)
        if fact == "F04" and verdict == "conflicts" and any(
                band_agrees(lo or None, hi or None, band, r.surface, r.note) for band in ((500, 1000), (1000, 5500))):
            # one of the treaty's two sub-bands (shorter-, intermediate-range), not the whole band
            fact, verdict = "F04a", "agrees"
            r = r._replace(reference_value=f"{ref.at['F04a', 'value']} {ref.at['F04a', 'unit_or_date']}")
        why = (f"{r.subject}: {lo}-{hi} km ({r.bound}); the reference gives {r.reference_value}"
               + (" (itself a claim, not verified)" if fact in unverified else "")
               if fact else f"{r.subject}: {lo}-{hi} km; no reference fact covers this distance")
        title, url = sources_of(fact)
        rows.append((r.article_id, r.outlet, r.sentence_id, r.start, r.end, f"range:{kind}", r.surface,
                     verdict, fact, title, url, f"{verdict}: {why}"))
    return rows


def _quote_rows(quote_rows: pd.DataFrame, ref_quotes: pd.DataFrame) -> list:
    """One row per direct or mixed quotation (two words or more) attributed to an
    official: "agrees" with the reference phrase it matches, else "unverified"."""
    refs = []
    for p, sp, t, u in ref_quotes[["phrase", "speaker", "source_title", "source_url"]].itertuples(index=False):
        w = _quote_words(p)
        refs.append((w, (p, sp, t, u), {n: _word_runs(w, n) for n in range(1, 6)}))
    by_speaker: dict = {}
    for _, (_p, sp, t, u), _ in refs:
        for name in split_list(sp):
            by_speaker.setdefault(name, []).append((t, u))
    rows = []
    official = quote_rows[quote_rows.affiliation.isin(OFFICIAL_GROUPS) & quote_rows.kind.isin(["direct", "mixed"])]
    for r in official.itertuples(index=False):
        words = _quote_words(r.text)
        if len(words) < 2:
            continue                   # a single quoted word or name is a term, not a statement
        hit = _match_reference_quote(words, refs)
        if hit:
            phrase, sp, title, url = hit
            verdict = "agrees"
            why = f"the wording matches the statement as reported: \u201c{phrase}\u201d ({sp.split('|')[0]})"
        else:
            own = by_speaker.get(r.speaker, [])
            title = " | ".join(dict.fromkeys(t for t, _ in own))
            url = " | ".join(dict.fromkeys(u for _, u in own))
            verdict = "unverified"
            why = (f"the quoted wording matches none of the {len(refs)} phrases of reference_quotes.csv"
                   + (f" ({len(own)} of them {r.speaker}'s, sources given)" if own else "")
                   + "; unverified is not false: the statement may exist in a wording or translation "
                     "we hold no sourced copy of")
        rows.append((r.article_id, r.outlet, r.sentence_id, r.start, r.end, "official_quote", r.text,
                     verdict, "", title, url, f"{verdict}: {why}"))
    return rows


def claim_checks(sents: pd.DataFrame, articles: pd.DataFrame | None = None,
                 claims: pd.DataFrame | None = None, reference: pd.DataFrame | None = None,
                 reference_quotes: pd.DataFrame | None = None,
                 quote_rows: pd.DataFrame | None = None, event_rows: pd.DataFrame | None = None,
                 range_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every checkable statement in the sentences, one row each, with one verdict.

    Rows come from four sources, all in the same columns:

    - the codebook (``load_claims``): one row per sentence and proposition whose
      cue matches, with the verdict of the first matching distortion (its span is
      the surface) or the row's default verdict;
    - dates (``event_claims``): ``claim_id`` "date:<event>";
    - distances (``check_ranges``): ``claim_id`` "range:treaty_band",
      "range:oreshnik" or "range:other";
    - quotations of officials (``quotes``, direct or mixed, two words or more):
      ``claim_id`` "official_quote", "agrees" when the wording matches a phrase of
      ``reference_quotes.csv`` (a shared run of five words, or the whole of the
      shorter), otherwise "unverified".

    A date keeps the verdict ``event_claims`` gives its span (the two tables never
    disagree about a date): when the date is right and what it dates is wrong ("completed
    preparations" by July 2024), the codebook row of that sentence carries the error.
    ``articles`` (``load_corpus``) supplies publication dates and quotations; without it
    relative dates stay unresolved, quotations are not checked and ``whose`` is empty.

    One error, one row: error rows (``ERROR_VERDICTS``) of one sentence whose spans
    overlap are one error, kept as the row of the strongest verdict, the other claims
    it touches in ``also_claims`` (see ``_one_row_per_error``; ``claims_said`` expands
    them again for the claim-by-claim views). ``quote_rows``, ``event_rows``
    and ``range_rows`` save work when already computed: ``quotes(articles)``,
    ``event_claims(sents, articles, reference=reference)`` and ``range_claims(sents)``
    as this function would compute them (None: it computes them).

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``start``, ``end``,
    ``claim_id``, ``surface``, ``verdict`` (``CLAIM_VERDICTS``), ``whose`` ("outlet"
    or "quoted: <speaker>", from the claim's own start against the quotation
    spans; an error in a paraphrase, or a reported statement's ", which ..." gloss,
    is the outlet's: see ``_whose``), ``fact_ids``, ``source_title``, ``source_url``,
    ``source_kind`` (the kind of each source of ``source_url``, in its order and joined the
    same way: primary, official secondary, press or weak; empty where the reference gives
    none), ``explanation``, ``severity`` (the verdict of an error: "conflicts", "misleading"
    or "unverified"; "" for a statement that agrees or is not checked), ``error_id``
    ("<article_id>:<n>", one per distinct error; "" for no error) and ``also_claims``
    (the other claim ids the same error touches, joined by "|"; usually ""). Sorted by
    article, offset and claim.
    """
    reference = load_reference() if reference is None else reference
    claims = load_claims(reference=reference) if claims is None else claims
    ref = reference.set_index("fact_id")
    rows = _out_of_scope(_codebook_rows(sents, claims, ref), claims, articles)
    # a date keeps its own verdict, the one event_claims gives its span: when what it dates is
    # wrong, the codebook row of the same sentence says so (one error, one row)
    rows.extend(_old_check_rows(sents, articles, ref, event_rows, range_rows))
    spans: dict | None = None
    if articles is not None:
        quote_rows = quotes(articles) if quote_rows is None else quote_rows
        reference_quotes = load_reference_quotes() if reference_quotes is None else reference_quotes
        rows.extend(_quote_rows(quote_rows, reference_quotes))
        spans = {}
        for aid, s, e, who, kind, text in _rows(quote_rows, ["article_id", "start", "end", "speaker", "kind", "text"]):
            spans.setdefault(aid, []).append((s, e, who, kind, text))
    cols = [c for c in CHECK_COLUMNS[:len(CHECK_COLUMNS) - 3] if c not in ("whose", "source_kind")]
    out = pd.DataFrame(rows, columns=cols)
    kinds = _kinds_by_url(reference, reference_quotes)
    out.insert(CHECK_COLUMNS.index("source_kind") - 1, "source_kind", [_kinds_of(u, kinds) for u in out.source_url])
    whose = [_whose(a, s, spans, v in ERROR_VERDICTS) for a, s, v in zip(out.article_id, out.start, out.verdict)]
    out.insert(CHECK_COLUMNS.index("whose"), "whose", [w for w, _ in whose])
    out["explanation"] = [_with_note(x, note) for x, (_, note) in zip(out.explanation, whose)]
    out = out.astype({"sentence_id": int, "start": int, "end": int})
    out = out.sort_values(["article_id", "start", "claim_id"], kind="stable").reset_index(drop=True)
    return _one_row_per_error(out)


def _with_note(explanation: str, note: str) -> str:
    """An explanation with a note (whose words) put before its "Reference: ..." (which stays
    last), or after it when there is none."""
    if not note:
        return explanation
    head, sep, reference = explanation.partition(" Reference: ")
    return f"{head}{'' if head.endswith('.') else '.'} {note}{sep}{reference}"


def _one_row_per_error(checks: pd.DataFrame) -> pd.DataFrame:
    """Merge the rows that are one error: error rows (``ERROR_VERDICTS``) of one sentence
    whose spans overlap (the same words caught by several propositions, or by a codebook
    row and an official's quotation) become the row of the strongest verdict (ties: the
    first in the table's order), with the others' claim ids in ``also_claims`` and their
    verdicts and reasons after its explanation. Adds ``severity`` (the verdict of an error,
    else ""), ``error_id`` ("<article_id>:<n>", the article's n-th error; "" for a row that
    is no error) and ``also_claims`` (joined by "|")."""
    rank = {v: k for k, v in enumerate(CLAIM_VERDICTS)}
    drop, also, extra = set(), {}, {}
    errors = checks[checks.verdict.isin(ERROR_VERDICTS)]
    for _, group in errors.groupby(["article_id", "sentence_id"], sort=False):
        clusters: list = []
        for i, s, e in zip(group.index, group.start, group.end):
            if clusters and s < clusters[-1][1]:
                clusters[-1][0].append(i)
                clusters[-1][1] = max(clusters[-1][1], e)
            else:
                clusters.append([[i], e])
        for members, _ in clusters:
            if len(members) < 2:
                continue
            keep = min(members, key=lambda i: (rank[checks.at[i, "verdict"]], members.index(i)))
            others = [i for i in members if i != keep]
            drop.update(others)
            also[keep] = "|".join(dict.fromkeys(checks.at[i, "claim_id"] for i in others
                                                if checks.at[i, "claim_id"] != checks.at[keep, "claim_id"]))
            extra[keep] = " ".join(
                f"Also {checks.at[i, 'claim_id']} ({checks.at[i, 'explanation'].split(' Whose: ')[0]})" for i in others)
    out = checks.drop(index=sorted(drop))
    out = out.assign(explanation=[x + (" " + extra[i] if i in extra else "") for i, x in out.explanation.items()],
                     severity=out.verdict.where(out.verdict.isin(ERROR_VERDICTS), ""),
                     also_claims=[also.get(i, "") for i in out.index])
    n = out.severity.ne("").groupby(out.article_id).cumsum()
    out.insert(CHECK_COLUMNS.index("error_id"), "error_id",
               [f"{a}:{k}" if sev else "" for a, k, sev in zip(out.article_id, n, out.severity)])
    return out[CHECK_COLUMNS].reset_index(drop=True)


def claims_said(checks: pd.DataFrame) -> pd.DataFrame:
    """``checks`` with one row per proposition each row speaks to: a merged error's row
    (``also_claims``) stands once for its own claim and once for each claim it also touches,
    with the same verdict. What the claim-by-claim views (``claim_matrix``, ``verdict_grid``,
    ``claim_omissions``) read, so that a claim folded into another's error is still said.
    Columns: those of ``claim_checks`` (``article_id``, ``claim_id``, ``verdict`` ...)."""
    if "also_claims" not in checks.columns or not checks.also_claims.astype(bool).any():
        return checks
    extra = [{**row, "claim_id": cid} for row in checks[checks.also_claims.astype(bool)].to_dict("records")
             for cid in row["also_claims"].split("|")]
    more = pd.DataFrame(extra, columns=checks.columns)
    return pd.concat([checks, more], ignore_index=True).sort_values(
        ["article_id", "start", "claim_id"], kind="stable").reset_index(drop=True)


def article_subject_date(article_id: str, text: str, published: str) -> dt.date | None:
    """The day an article is about, for deciding what context it owes its reader:
    its publication date if printed; else 4 Aug 2025 if it reports the moratorium
    being ended; else the last day of the latest year it prints; else None."""
    if published:
        return dt.date.fromisoformat(published)
    if _DECISION_2025_RE.search(text):
        return dt.date(2025, 8, 4)
    years = [int(y) for y in _YEAR_RE.findall(text)]
    return dt.date(max(years), 12, 31) if years else None


def claim_omissions(checks: pd.DataFrame, articles: pd.DataFrame,
                    claims: pd.DataFrame | None = None,
                    reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """Propositions an article should state and does not: one row per article and
    codebook row whose ``required_if`` pattern matches the article's text, when the
    article is about events on or after the row's ``context_from`` (see
    ``article_subject_date``; an article with no date at all is assumed current) and
    ``checks`` (``claim_checks``) holds no row of that proposition for it (nor an error
    that also touches it, ``also_claims``).

    An omission is never a conflict: the table has no verdict. Columns:
    ``article_id``, ``outlet``, ``claim_id``, ``proposition``, ``required_because``
    (the words that made it required), ``fact_ids``, ``source_title``,
    ``source_url``, ``explanation``.
    """
    reference = load_reference() if reference is None else reference
    claims = load_claims(reference=reference) if claims is None else claims
    ref = reference.set_index("fact_id")
    checks = claims_said(checks)
    said = set(zip(checks.article_id, checks.claim_id))
    rows = []
    for aid, outlet, text, published in articles[["article_id", "outlet", "text", "published"]].itertuples(index=False):
        about = article_subject_date(aid, text, published)
        for r in claims.itertuples(index=False):
            if r.required_re is None or (aid, r.claim_id) in said:
                continue
            if r.context_from and about is not None and about < dt.date.fromisoformat(r.context_from):
                continue
            m = r.required_re.search(text)
            if m is None:
                continue
            title, url = _reference_sources(r.fact_list, ref)
            rows.append((aid, outlet, r.claim_id, r.proposition, m.group(), "|".join(r.fact_list), title, url,
                         f"omitted: the article speaks of \u201c{m.group()}\u201d but never states this "
                         "proposition. An omission, not a conflict."))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "claim_id", "proposition", "required_because",
                                       "fact_ids", "source_title", "source_url", "explanation"])


def claim_matrix(checks: pd.DataFrame, articles: pd.DataFrame,
                 omissions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The claim-by-claim table: one row per ``claim_id`` that some article speaks to
    (or omits), one column per article; each cell "surface (verdict)" joined by "; ",
    "omitted" where ``omissions`` lists it, else "not said". An error that also touches
    other claims (``also_claims``) is shown under each of them (``claims_said``)."""
    checks = claims_said(checks)
    ids = list(articles.article_id)
    omitted = set() if omissions is None else set(zip(omissions.article_id, omissions.claim_id))
    claim_ids = sorted(set(checks.claim_id) | {c for _, c in omitted})
    rows = []
    for cid in claim_ids:
        row = {"claim_id": cid}
        sub = checks[checks.claim_id == cid]
        for aid in ids:
            said = sub[sub.article_id == aid]
            row[aid] = ("; ".join(f"{s} ({v})" for s, v in zip(said.surface, said.verdict))
                        or ("omitted" if (aid, cid) in omitted else "not said"))
        rows.append(row)
    return pd.DataFrame(rows, columns=["claim_id"] + ids)


def claim_tally(checks: pd.DataFrame, omissions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each article's distinct errors and its other statements, one row per article of
    ``checks``. An error is counted once however many claims it touches (one ``error_id``).

    Columns: ``article_id``; ``errors`` (distinct errors); ``conflicts``, ``misleading``,
    ``unverified`` (distinct errors by ``severity``); ``outlet`` and ``quoted`` (distinct
    errors by ``whose``: the outlet's own words, or words in quotation marks of a speaker
    it quotes); ``outlet_conflicts`` (conflicts in the outlet's own words); ``agrees`` and
    ``not checked`` (statements with that verdict); ``omitted`` (propositions owed and not
    stated, ``omissions``)."""
    ids = sorted(checks.article_id.unique())
    err = checks[checks.error_id.astype(bool)].drop_duplicates("error_id") if "error_id" in checks.columns \
        else checks[checks.verdict.isin(ERROR_VERDICTS)]
    severity = err.severity if "severity" in err.columns else err.verdict
    whose = err.whose.where(~err.whose.str.startswith("quoted"), "quoted")

    def count(keys, values, columns):
        table = pd.crosstab(keys, values) if len(keys) else pd.DataFrame()
        return table.reindex(index=ids, columns=columns, fill_value=0)
    tally = pd.concat([count(err.article_id, severity, ERROR_VERDICTS),
                       count(err.article_id, whose, WHOSE_KINDS),
                       count(checks.article_id, checks.verdict, ["agrees", "not checked"])], axis=1).fillna(0)
    tally.insert(0, "errors", tally[ERROR_VERDICTS].sum(axis=1))
    own = err[(severity == "conflicts") & (whose == "outlet")]
    tally.insert(tally.columns.get_loc("quoted") + 1, "outlet_conflicts",
                 own.groupby("article_id").size().reindex(ids, fill_value=0))
    om = (omissions.groupby("article_id").size() if omissions is not None and len(omissions)
          else pd.Series(dtype=int))
    tally["omitted"] = om.reindex(ids, fill_value=0)
    tally = tally.astype(int)
    tally.index.name = "article_id"
    tally.columns.name = None
    return tally.reset_index()


#: Rows of ``verdict_grid`` for the checks that are not codebook propositions, and their labels.
GRID_GROUPS = {"date": "Dates of events", "range": "Distances", "official_quote": "Officials' wording"}
#: Worst first: the verdict a grid cell shows when an article makes several statements (the
#: verdicts' own order).
GRID_ORDER = CLAIM_VERDICTS


def verdict_grid(checks: pd.DataFrame, articles: pd.DataFrame, omissions: pd.DataFrame | None = None,
                 claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """The claim-by-article grid behind 04's picture: one row per (row of the grid, article).
    Grid rows are the codebook's propositions (in codebook order), then the dates, distances
    and officials' wording (``GRID_GROUPS``), each kept only if some article speaks to it or
    omits it. Columns: ``claim_id`` (a codebook id, or "date", "range", "official_quote"),
    ``label`` (the proposition's ``label``, or the group's), ``article_id``, ``verdict`` (the
    worst of the article's statements in ``GRID_ORDER``; "omitted" where ``omissions`` lists
    it; "not said" otherwise), ``statements`` (how many), ``worst`` (how many have the
    worst verdict). An error that also touches other claims (``also_claims``) counts as a
    statement on each of them."""
    claims = load_claims() if claims is None else claims
    checks = claims_said(checks)
    group = checks.claim_id.str.split(":").str[0] if len(checks) else pd.Series(dtype=str)
    keyed = checks.assign(row=[c if c in set(claims.claim_id) else g for c, g in zip(checks.claim_id, group)])
    omitted = set() if omissions is None else set(zip(omissions.article_id, omissions.claim_id))
    labels = dict(zip(claims.claim_id, claims.label)) | GRID_GROUPS
    order = [c for c in list(claims.claim_id) + list(GRID_GROUPS)
             if c in set(keyed.row) or any(cid == c for _, cid in omitted)]
    rank = {v: k for k, v in enumerate(GRID_ORDER)}
    by_cell = {key: list(g.verdict) for key, g in keyed.groupby(["row", "article_id"], sort=False)}
    rows = []
    for cid in order:
        for aid in articles.article_id:
            said = by_cell.get((cid, aid), [])
            if said:
                worst = min(said, key=lambda v: rank.get(v, len(rank)))
                rows.append((cid, labels[cid], aid, worst, len(said), said.count(worst)))
            else:
                rows.append((cid, labels[cid], aid, "omitted" if (aid, cid) in omitted else "not said", 0, 0))
    return pd.DataFrame(rows, columns=["claim_id", "label", "article_id", "verdict", "statements", "worst"])

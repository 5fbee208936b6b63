"""Entman's frame functions per sentence and per article: problem, cause (in whose voice),
moral evaluation, remedy, and distancing markers with the side whose claim they distance.
The coding book is docs/frame-functions.md; these rules are its automatic reading."""

from __future__ import annotations

import re

import pandas as pd

from inf_coverage.core.layout import CorpusError
from inf_coverage.extract.framing import (
    _RUSSIA_RE,
    _WEST_RE,
    DISTANCING_HEDGES,
    HEDGES,
    _agent,
    blame_statements,
    cause_clause,
)
from inf_coverage.extract.speakers import quote_spans

FRAME_FUNCTION_COLUMNS = ["article_id", "outlet", "sentence_id", "position", "problem", "cause_agent",
                          "cause_voice", "moral_target", "moral_sign", "remedy", "remedy_by",
                          "distancing_marker", "distancing_target", "note"]
SIDES = {"US/West": "us_nato_west", "Russia": "russia", "both": "both", "neither": "none"}

PROBLEM_RE = re.compile(
    r"\b(?:threat\w*|danger\w*|crisis|crises|arms race|escalat\w*|tension\w*|destabili[sz]\w*|instabilit\w*"
    r"|risk\w*|collaps\w*|violat\w*|aggress\w*|confrontation|standoff|insecurity|apocalypse"
    # a rivalry, a quarrel, a worry or warning, a weakness: what is wrong, named without "threat"
    r"|worr(?:y|ies|ied|ying)|warn(?:s|ed|ing|ings)?|problems?|race|competition|contest|rivalry|quarrel\w*|spat|feud"
    r"|insults?|weakness\w*|torn up|strain(?:ed|s)?|undermin\w*|fray\w*|frighten\w*|intimidat\w*|stakes|mistakes?"
    r"|(?:sharp|furious|bitter|diplomatic|online|nuclear|public) row|\brow (?:with|between|over))\b", re.I)
MORAL_NEG_RE = re.compile(
    r"\b(?:aggressive|aggression|reckless\w*|irresponsib\w*|hostile|hostility|anti-Russian|russophob\w*"
    r"|provocative|provocation\w*|saber[- ]rattling|sabre[- ]rattling|blackmail\w*|bully\w*|cheat\w*"
    r"|hypocri\w*|belligeren\w*|disregard|destabili[sz]ing|propaganda|pretend\w*|threatening|complacen\w*"
    r"|menac\w*|mouthpiece|theatrics|goad\w*|frighten\w*|intimidat\w*|mistake|regime"
    r"|condemn\w*|critici[sz]\w*|denounc\w*|deplor\w*)\b", re.I)
#: Evaluative verbs judge their object ("condemned Russia's decision"), not their subject.
_JUDGING_VERB_RE = re.compile(r"condemn|critici[sz]|denounc|deplor", re.I)
MORAL_POS_RE = re.compile(r"\b(?:responsible(?! for)|(?<!unilateral )restraint|constructive|good[- ]faith"
                          r"|goodwill|genuine|concrete arms control proposal|peaceful|proportionate)\b", re.I)
REMEDY_RE = re.compile(
    # "should worry", "should expect": a warning or a forecast, not a course of action
    r"\b(?:should(?! (?:not )?be (?:seen|viewed|surprised))(?! (?:worry|expect|fear|know|note|alarm|concern)\b)"
    r"|must|need(?:s|ed)? to|urg(?:e|es|ed|ing)|call(?:s|ed|ing)? (?:up)?on"
    r"|propos(?:e|es|ed|al)|offer(?:s|ed)? (?:to|of)|invitation to|appeal(?:s|ed)? (?:to|for)"
    r"|reciprocal moratorium|heed\w*|needs? (?:restraint|dialogue|talks|negotiations|calm|de-?escalation))\b", re.I)
#: The distancing markers: the ``DISTANCING_HEDGES`` of the hedge list, one list for both.
DISTANCING_RE = re.compile(r"\b(?:" + "|".join(HEDGES[k] for k in DISTANCING_HEDGES) + r")\b", re.I)
#: Markers whose distanced words are their subject's ("what he called", "claims"), as against
#: adjectives ("alleged violations") that distance a charge against the side they name.
_CLAIMANT_MARKER_RE = re.compile(r"what\b|claims\b", re.I)
#: Causes the codebook counts beyond the treaty's collapse and the moratorium's end (the current
#: danger, a reply in the quarrel): a cue after which the cause is named ...
_CAUSE_NAMED_AFTER_RE = re.compile(
    r"\b(?:because(?: of)?|cit(?:ed|es|ing)|pointed to|points to|listed|lists|blam\w*|accus\w*|due to"
    r"|caused by|created by|(?:as )?(?:a |the )?result of|(?:a |the )?(?:\w+ )?consequences? of|reflect(?:s|ed|ing)?"
    r"|linked to"
    r"|(?:in|as an?|is an?|was an?) (?:response|reply|reaction|answer|retaliation) (?:to|for))\b"
    r"|^\W*Since\b(?= the\b)", re.I)
#: ... or a verb whose subject is the cause ("NATO's policy had caused the decision").
_CAUSE_NAMED_BEFORE_RE = re.compile(r"\b(?:caused|provoked|forced|prompted|started it|led to"
                                    r"|(?:had |has )?creat(?:ed|es)|undermin(?:ed|es)|removed"
                                    r"|spark(?:ed|ing|s))\b", re.I)
_REPORTED_CAUSE_RE = re.compile(r"cit|point|list|blam|accus", re.I)
#: Scare quotes: one to four words in quotation marks.
_SCARE_RE = re.compile(r"[\"\u201c\u2018']([\w-]+(?: [\w-]+){0,3})[\"\u201d\u2019'](?!\w)")
_ATTRIBUTION_RE = re.compile(r"\b(?:said|says|told|wrote|added|according to|call\w*|described|noted|warn\w*)\b", re.I)
_QUOTED_CAUSE_CUE_RE = re.compile(r"\b(?:citing|cited|accus\w*|blam\w*)\b", re.I)
_OPPOSITE = {"us_nato_west": "russia", "russia": "us_nato_west"}


def _side(text: str) -> str:
    return SIDES[_agent(text)]


def _clause(text: str, start: int, end: int) -> str:
    """The clause around text[start:end], without those words."""
    left = max([m.end() for m in re.finditer(r"[,;:\u2014]\s?", text[:start])], default=0)
    right = re.search(r"[,;:\u2014]|$", text[end:])
    stop = end + (right.start() if right else len(text) - end)
    return text[left:start] + " " + text[end:stop]


def _moral(text: str) -> tuple:
    for rx, sign in ((MORAL_NEG_RE, "negative"), (MORAL_POS_RE, "positive")):
        m = rx.search(text)
        if m:
            # the side named just before the word ("NATO's anti-Russian policy"), else its clause
            if _JUDGING_VERB_RE.match(m.group()):
                # "condemned Russia's decision": the verb judges the side its object names
                named = _side(" ".join(text[m.end():].split()[:8]))
                if named != "none":
                    return named, sign
            near = [(x.end(), "us_nato_west") for x in _WEST_RE.finditer(text[max(0, m.start() - 25):m.start()])]
            near += [(x.end(), "russia") for x in _RUSSIA_RE.finditer(text[max(0, m.start() - 25):m.start()])]
            return (max(near)[1] if near else _side(_clause(text, m.start(), m.end()))), sign
    return "", ""


def _remedy(text: str, voice: str, speaker: str) -> tuple:
    m = REMEDY_RE.search(text)
    if not m:
        return 0, ""
    subject = _side(text[max([b.end() for b in re.finditer(r"[,;:]\s", text[:m.start()])], default=0):m.start()])
    if subject != "none":
        return 1, subject
    if voice == "outlet":
        return 1, "outlet"
    by = _side(speaker) if speaker else "none"
    return 1, by if by != "none" else ("other" if speaker else "none")


def _inside_quotes(text: str, pos: int) -> bool:
    """Whether text[pos] sits inside a quotation (``quote_spans``, the quotation finder's own)."""
    return any(o < pos < c for o, c, _ in quote_spans(text))


def _distancing(text: str, voice: str) -> tuple:
    # a marker inside a speaker's quotation is the speaker's word, not the outlet's distance
    m = next((x for x in DISTANCING_RE.finditer(text) if not _inside_quotes(text, x.start())), None)
    if m:
        marker = m.group().lower()
        if _CLAIMANT_MARKER_RE.match(marker) or re.match(r"\s+(?:that|to)\b", text[m.end():]):
            # "what he called ...", "the post claims that ...": the claimant's words are held at
            # a distance, so the side is the claimant's when the clause before names one
            head = text[max([b.end() for b in re.finditer(r"[,;:]\s", text[:m.start()])], default=0):m.start()]
            if _side(head) != "none":
                return marker, _side(head)
            pronoun = marker.startswith("what") or re.search(r"\b(?:it|he|she|they)(?: \w+)?\s*$", head, re.I)
            if not pronoun:
                return marker, "other"      # a claimant of neither side named ("a post claims")
        # a pronoun's claim, or an adjective ("alleged Russian violations"): the charge against
        # the side the distanced words name is the other side's
        named = _side(" ".join(text[m.end():].split()[:8]))
        return marker, _OPPOSITE.get(named, "other")
    if voice == "outlet":
        q = _SCARE_RE.search(text)
        if q and not _ATTRIBUTION_RE.search(text):
            return "scare quotes", _OPPOSITE.get(_side(text[q.end():]), "other")
    return "", ""


def _other_cause(text: str) -> tuple:
    """(agent, cue) of a cause outside ``blame_statements``' two topics: the first cue of
    ``_CAUSE_NAMED_AFTER_RE`` with the side named in the rest of its clause, or of
    ``_CAUSE_NAMED_BEFORE_RE`` with the side named just before it (after the last comma or
    "that"). ("", "") when no cue names a side: a cause without an agent is not coded."""
    cues = [(m, "after") for m in _CAUSE_NAMED_AFTER_RE.finditer(text)] + \
           [(m, "before") for m in _CAUSE_NAMED_BEFORE_RE.finditer(text)]
    for m, where in sorted(cues, key=lambda c: c[0].start()):
        side = _side(cause_clause(text, m, where, stop_at_that=True))
        if side != "none":
            return side, m.group().strip()
    return "", ""


def _check(df: pd.DataFrame, name: str, columns: list) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise CorpusError(f"frame_functions: {name} lacks column(s) {', '.join(missing)}")


def headline(article) -> str:
    """The unit the frame functions code as sentence 0 of an article (a row of ``articles``):
    its ``title``, else its ``title_detected``; "" when it has neither."""
    return next((str(getattr(article, c)).strip() for c in ("title", "title_detected")
                 if isinstance(getattr(article, c, None), str) and str(getattr(article, c)).strip()), "")


def frame_functions(sents: pd.DataFrame, voice: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per unit (the headline, when ``title`` or ``title_detected`` holds one, as
    ``sentence_id`` 0, then every sentence) with the codes of docs/frame-functions.md.

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``position`` ("headline"; "lead" for
    the first two body sentences; "body"), ``problem`` (0/1: a threat, crisis, arms race... is
    named), ``cause_agent`` (us_nato_west, russia, both, none: the agent ``blame_statements``
    finds for a cause of the treaty's collapse or the moratorium's end; "" without a cause),
    ``cause_voice`` ("outlet" for narration, "quoted" for carried speech or a cause given after
    "citing"/"accusing"), ``moral_target`` and ``moral_sign`` (the agent of the clause holding an
    evaluative word, "negative"/"positive"), ``remedy`` (0/1) and ``remedy_by`` (the side
    recommending, "outlet", "other" or "none"), ``distancing_marker`` ("alleged", "perceived",
    "what it called", "scare quotes"...) and ``distancing_target`` (whose claim is distanced: the
    side opposite the one the distanced words name, "other" if they name none), ``note`` ("")."""
    _check(sents, "sents", ["article_id", "outlet", "sentence_id", "text"])
    _check(voice, "voice", ["article_id", "sentence_id", "voice"])
    _check(articles, "articles", ["article_id", "outlet"])
    v = voice.set_index(["article_id", "sentence_id"])
    units, vrows = [], []
    for art in articles.sort_values("article_id", kind="stable").itertuples(index=False):
        head = headline(art)
        if head:
            units.append((art.article_id, art.outlet, 0, "headline", head))
            vrows.append((art.article_id, 0, "narration", ""))
        body = sents[sents.article_id == art.article_id].sort_values("sentence_id")
        for k, s in enumerate(body.itertuples(index=False)):
            if s.sentence_id == 0 and head:
                raise CorpusError(f"frame_functions: article {art.article_id!r} has a sentence 0 and a headline")
            if (s.article_id, s.sentence_id) not in v.index:
                raise CorpusError(f"frame_functions: article {s.article_id!r}, sentence {s.sentence_id}: no voice row")
            row = v.loc[(s.article_id, s.sentence_id)]
            units.append((s.article_id, s.outlet, s.sentence_id, "lead" if k < 2 else "body", s.text))
            vrows.append((s.article_id, s.sentence_id, row["voice"],
                          row["speaker"] if "speaker" in v.columns and isinstance(row["speaker"], str) else ""))
    u = pd.DataFrame(units, columns=["article_id", "outlet", "sentence_id", "position", "text"])
    uv = pd.DataFrame(vrows, columns=["article_id", "sentence_id", "voice", "speaker"])
    blame = blame_statements(u, uv).drop_duplicates(["article_id", "sentence_id"])
    causes = {(b.article_id, b.sentence_id): (SIDES[b.blamed], b.voice, b.cue) for b in blame.itertuples()}
    rows = []
    for unit, vr in zip(u.itertuples(index=False), uv.itertuples(index=False)):
        text, own = unit.text, "outlet" if vr.voice == "narration" else "quoted"
        agent, cvoice = "", ""
        if (unit.article_id, unit.sentence_id) in causes:
            agent, bvoice, cue = causes[(unit.article_id, unit.sentence_id)]
            cvoice = "quoted" if bvoice != "narration" or _QUOTED_CAUSE_CUE_RE.fullmatch(cue) else "outlet"
        else:
            agent, cue = _other_cause(text)
            if agent:
                cvoice = "quoted" if own == "quoted" or _REPORTED_CAUSE_RE.match(cue) else "outlet"
        target, sign = _moral(text)
        remedy, by = _remedy(text, own, vr.speaker)
        marker, dtarget = _distancing(text, own)
        rows.append((unit.article_id, unit.outlet, unit.sentence_id, unit.position,
                     int(bool(PROBLEM_RE.search(text))), agent, cvoice, target, sign, remedy, by,
                     marker, dtarget, ""))
    return pd.DataFrame(rows, columns=FRAME_FUNCTION_COLUMNS)


def frame_function_profile(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per article of ``frame_functions`` rows. Columns: ``article_id``, ``outlet``,
    ``units``, ``problem_share`` (share of units with a problem, 2 decimals),
    ``cause_us_nato_west_outlet``, ``cause_us_nato_west_quoted``, ``cause_russia_outlet``,
    ``cause_russia_quoted``, ``cause_both`` (counts of units), ``moral_us_nato_west_negative``,
    ``moral_us_nato_west_positive``, ``moral_russia_negative``, ``moral_russia_positive``,
    ``remedy``, ``distancing_us_nato_west``, ``distancing_russia``, ``distancing_other`` and
    ``headline_cause`` (the headline's cause_agent; "" without a headline or a cause)."""
    _check(rows, "rows", FRAME_FUNCTION_COLUMNS)
    out = []
    for (aid, outlet), g in rows.groupby(["article_id", "outlet"], sort=True):
        def n(mask) -> int:
            return int(mask.sum())
        head = g[g.position == "headline"]
        out.append({
            "article_id": aid, "outlet": outlet, "units": len(g),
            "problem_share": round(float(g.problem.mean()), 2),
            **{f"cause_{s}_{vo}": n((g.cause_agent == s) & (g.cause_voice == vo))
               for s in ("us_nato_west", "russia") for vo in ("outlet", "quoted")},
            "cause_both": n(g.cause_agent == "both"),
            **{f"moral_{s}_{sign}": n((g.moral_target == s) & (g.moral_sign == sign))
               for s in ("us_nato_west", "russia") for sign in ("negative", "positive")},
            "remedy": int(g.remedy.sum()),
            **{f"distancing_{s}": n(g.distancing_target == s) for s in ("us_nato_west", "russia", "other")},
            "headline_cause": str(head.cause_agent.iloc[0]) if len(head) else "",
        })
    return pd.DataFrame(out)

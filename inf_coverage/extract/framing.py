"""Frames and blame: the frame codebook and its hits, blame statements, hedges."""

from __future__ import annotations

import functools
import re

import pandas as pd

from inf_coverage.core.layout import CorpusError, split_list
from inf_coverage.extract.ranges import load_systems
from inf_coverage.ingest.patterns import _could_match, check_pattern
from inf_coverage.ingest.registries import read_registry
from inf_coverage.ingest.text import _rows


def frame_label(frame: str, frames: pd.DataFrame | None = None) -> str:
    """A frame's label from the codebook ("Escalation and arms race" for ``escalation``)."""
    frames = load_frames() if frames is None else frames
    labels = dict(zip(frames.frame, frames.label))
    return labels.get(frame, str(frame).replace("_", " "))


# -- Frames -----------------------------------------------------------------

FRAME_COLUMNS = ["frame", "label", "definition", "cues"]


def load_frames(path=None) -> pd.DataFrame:
    """Read the framing codebook (``frames.csv``): one row per frame with a
    ``definition`` and ``cues``, regular expressions separated by ``;`` matched
    case-insensitively as whole words; ``cues`` comes back as a list. Looked up like
    ``load_figures``. Raises ``CorpusError`` naming file, row and cue for a cue that
    ``check_pattern`` refuses (invalid, matching the empty string, named groups,
    inline flags, nested quantifiers...), and for a duplicate frame. A file with only
    its header row gives an empty codebook."""
    path, frames = read_registry("frames.csv", path, FRAME_COLUMNS, key="frame")
    cue_lists = []
    for i, row in frames.iterrows():
        cues = split_list(row["cues"], ";")
        if not cues:
            raise CorpusError(f"{path}, row {i + 2} (frame {row['frame']!r}): no cues")
        for cue in cues:
            check_pattern(cue, f"{path}, row {i + 2} (frame {row['frame']!r})", "cue")
        cue_lists.append(cues)
    return frames.assign(cues=pd.Series(cue_lists, index=frames.index, dtype=object))


@functools.lru_cache(maxsize=8)
def _frames_pattern(items: tuple) -> tuple:
    """One regex over every cue of every frame; returns (regex, group -> (frame, cue)).

    Cues are grouped by their first letter behind a one-character lookahead, so at
    each word only the cues that can start there are tried (Python's ``re`` would
    otherwise try every alternative at every word). Within a group cues keep their
    codebook order; cues that start with a group such as ``(?:a|b)`` are tried first
    (they are the longer, qualified phrases: "perceived threats" before "perceived").
    """
    groups: dict = {}
    by_letter: dict = {}
    generic: list = []
    for k, (frame, cue) in enumerate(items):
        groups[f"c{k}"] = (frame, cue)
        alt = f"(?P<c{k}>{cue})"
        first = cue[:1]
        if first.isalpha() and cue[1:2] not in ("?", "*", "{"):
            by_letter.setdefault(first.lower(), []).append(alt)
        else:
            generic.append(alt)
    parts = generic + [f"(?=[{c}{c.upper()}])(?:{'|'.join(alts)})" for c, alts in sorted(by_letter.items())]
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(parts), re.I), groups


def frame_hits(sents: pd.DataFrame, frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every frame cue found in every sentence: one row per match with ``article_id``,
    ``outlet``, ``sentence_id``, ``frame``, ``cue`` (the pattern), ``match`` (the
    words matched) and ``start``, ``end`` (offsets in the article's cleaned text).
    Matches do not overlap; at one position a cue starting with a group (``(?:...)``)
    wins, then the cue listed first."""
    frames = load_frames() if frames is None else frames
    items = tuple((f, c) for f, cues in zip(frames.frame, frames.cues) for c in cues)
    if not items:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("sentence_id", "start", "end") else object)
                             for c in ["article_id", "outlet", "sentence_id", "frame", "cue", "match",
                                       "start", "end"]})
    pattern, groups = _frames_pattern(items)
    rows = []
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        for m in pattern.finditer(text):
            frame, cue = groups[m.lastgroup]
            rows.append((aid, outlet, sid, frame, cue, m.group(), base + m.start(), base + m.end()))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "frame", "cue",
                                       "match", "start", "end"])


def frame_profile(hits: pd.DataFrame, voice: pd.DataFrame, which: str = "narration",
                  frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """How each outlet's sentences of one voice ("narration", "quoted", "mixed")
    distribute over frames: for each outlet and every frame of the codebook,
    ``sentences`` with at least one cue, out of ``outlet_sentences`` of that voice,
    and their ``share``."""
    frames = load_frames() if frames is None else frames
    sel = voice[voice.voice == which]
    keys = sel[["article_id", "sentence_id"]]
    framed = hits.merge(keys, on=["article_id", "sentence_id"]).drop_duplicates(
        ["article_id", "sentence_id", "frame"])
    counts = framed.groupby(["outlet", "frame"]).size().rename("sentences")
    totals = sel.groupby("outlet").size().rename("outlet_sentences")
    grid = pd.MultiIndex.from_product([sorted(totals.index), sorted(frames.frame)],
                                      names=["outlet", "frame"])
    out = counts.reindex(grid, fill_value=0).reset_index().join(totals, on="outlet")
    out["share"] = (out.sentences / out.outlet_sentences).round(2)
    return out


# -- Blame and hedging ------------------------------------------------------

_TOPICS = {
    "treaty collapse": (re.compile(r"\b(?:INF|treaty|accord|agreement)\b", re.I),
                        re.compile(r"\b(?:collaps\w*|fell apart|withdr[ae]w\w*|terminat\w*|undermin\w*|dormant"
                                   r"|violat\w*|breach\w*)\b", re.I)),
    # the moratorium, or the unilateral restraint an outlet calls "compliance with the INF Treaty"
    "moratorium end": (re.compile(r"\b(?:moratorium|moratoriums|ban|self-imposed|self-restrictions|restrictions"
                                  r"|(?:unilateral|voluntary) (?:compliance|adherence|observance))\b", re.I),
                       re.compile(r"\b(?:abandon\w*|end\w*|lift\w*|no longer|walk back|scrap\w*|drop\w*"
                                  r"|withdrawal (?:from|of)|ceas\w*|exit\w*)\b", re.I)),
}
#: The story's own event named without its noun ("the move", "Russia's decision"): a cause
#: given for it is a cause given for the moratorium's end.
_EVENT_REFERENCE_RE = re.compile(r"\b(?:the|this|that|Russia's|Russia\u2019s|Moscow's|Moscow\u2019s|its) "
                                 r"(?:move|decision|step|announcement)\b"
                                 r"|\breconsider\w* (?:its|their) (?:position|stance|posture|commitments?)\b", re.I)
# Causal cues. After "because of", "citing", "in response to", "accusing" ... the cause
# follows the cue; before "forced", "compelled", "prompted", "led to" it precedes it.
# Temporal words ("after", "when", "amid") order events; they are not causes.
_CAUSE_AFTER_RE = re.compile(r"\b(?:because(?: of)?|citing|cited|in response to|in retaliation for|(?:as a )?result of"
                             r"|due to|owing to|caused by|provoked by|blam\w*|accus\w*|trace[sd]? back to|given"
                             r"|countermeasures? (?:against|to)|(?:in|as an?|is an?|was an?) (?:response|reaction|answer) to"  # noqa: E501
                             r"|link\w* (?:[\w'\u2019-]+ ){1,6}?to)\b", re.I)
_CAUSE_BEFORE_RE = re.compile(r"\b(?:forced|forcing|compel\w*|prompt\w*|led to|undermin\w*|provok\w*|triggered"
                              r"|wrecked|destroyed|killed)\b")
_CLAUSE_END_RE = re.compile(r"[,;:\u2014\u2013]\s|(?<![A-Z])\.(?:\s|$)|[;:]|$")
_WEST_RE = re.compile(r"(?<!\w)(?:U\.\s?S\.|US|United States|Washington|America\w*|NATO|West|Western|European|Europe)(?!\w)")  # noqa: E501
_RUSSIA_RE = re.compile(r"(?<!\w)(?:Russia\w*|Moscow|Kremlin|Putin|Soviet)(?!\w)")
_BY_AGENT_RE = re.compile(r"\bby\b")
#: A cause whose agent is every side at once ("because everyone [including Russia] was building"): both.
_EVERY_SIDE_RE = re.compile(r"\b(?:everyone|everybody|all sides|both sides|each side|all parties|both parties"
                            r"|all (?:the )?(?:powers|countries|states)|both (?:countries|powers|states)"
                            r"|each other|one another)\b", re.I)
#: Mentions of Russia's alleged breach of the INF Treaty (the reason the US gave for leaving).
#: A mention of Russia's alleged violation of the treaty: the words of violation, the missile
#: the US cited, or an accusation phrased without them ("Washington accused Moscow of
#: deploying a banned missile", "Russia was accused of cheating", "flouting the treaty").
VIOLATION_RE = re.compile(
    r"\b(?:violat\w*|non-?compliance|breach\w*|9M729|SSC-8|noncomplian\w*|contraven\w*|flout\w*|infring\w*"
    r"|cheat\w*|infraction\w*)"
    r"|\baccus\w*\s(?:Russia|Moscow|the\sKremlin|the\sRussians?)\b"
    r"|\b(?:Russia|Moscow|the\sKremlin)\s(?:was|had\sbeen|has\sbeen|is|stood|stands)\s(?:\w+\s)?(?:accused|charged)\b",
    re.I)


@functools.lru_cache(maxsize=1)
def _system_sides() -> tuple:
    """Patterns for the weapon systems of each side (``systems.csv`` by country): a clause
    whose agent is "the Oreshnik" or "Typhon launchers" names Russia or the US."""
    systems = load_systems()
    def alts(mask):
        names = [a for aliases in systems[mask].aliases for a in aliases]
        return re.compile(r"(?<![\w-])(?:%s)" % "|".join(map(re.escape, sorted(names, key=len, reverse=True)))) \
            if names else re.compile(r"(?!)")
    return alts(systems.country == "Russia"), alts(systems.country.isin(["United States", "USA", "US"]))


def _agent(clause: str) -> str:
    """The side a causal clause names as its agent: the first side named, after a
    passive "by" if there is one ("disregard of Russian concerns by the United States"
    is the US); "both" when the clause names both sides joined by "and" or "both", or
    names every side at once ("everyone [including Russia]", "both sides", "each other")."""
    if _EVERY_SIDE_RE.search(clause):
        return "both"
    by = [m.end() for m in _BY_AGENT_RE.finditer(clause)]
    if by:
        after = clause[by[-1]:]
        if _WEST_RE.search(after) or _RUSSIA_RE.search(after):
            clause = after
    west, russia = _WEST_RE.search(clause), _RUSSIA_RE.search(clause)
    if not west and not russia:
        russian_system, western_system = _system_sides()
        russia, west = russian_system.search(clause), western_system.search(clause)
    if west and russia:
        between = clause[min(west.start(), russia.start()):max(west.end(), russia.end())]
        if re.search(r"\b(?:and|both)\b", clause[:min(west.start(), russia.start())] + between) \
                and not re.search(r"['\u2019]s?\b|\bof\b", between[:20]):
            return "both"
        return "US/West" if west.start() < russia.start() else "Russia"
    return "US/West" if west else "Russia" if russia else "neither"


def cause_clause(text: str, cue: re.Match, side: str, stop_at_that: bool = False) -> str:
    """The words a causal cue names as the cause. ``side`` "after" (the cause follows the cue,
    "because of Russia's SSC-8"): from the cue to the end of its clause. "before" (the cue is a
    verb whose subject is the cause, "Western actions have led to"): the clause before it, an
    aside ", according to X," left out, from its last comma, semicolon or colon (or "that",
    with ``stop_at_that``: "said that NATO's policy had caused")."""
    if side == "after":
        rest = text[cue.end():]
        end = _CLAUSE_END_RE.search(rest)      # always matches: its last branch is $
        return rest[:end.start() if end else len(rest)].strip()
    head = re.sub(r",[^,]*\b(?:according to|said|says)\b[^,]*,", "", text[:cue.start()])
    bounds = [m.end() for m in re.finditer(r"[,;:]\s" + (r"|\bthat\b" if stop_at_that else ""), head)]
    return head[bounds[-1] if bounds else 0:].strip()


def blame_statements(sents: pd.DataFrame, voice: pd.DataFrame) -> pd.DataFrame:
    """Sentences that give a cause for the treaty's collapse or the moratorium's end,
    and whom the cause names as its agent.

    A sentence counts for a topic if it names the topic ("treaty" ... "collapsed",
    "moratorium" ... "abandon") and a causal cue ("because of", "citing", "in response
    to", "accusing", "forced", ...; "after" and "when" only order events and are not
    cues). ``cause`` is the causal clause: from the cue to the end of its clause
    ("because of Russia's SSC-8 GLCM"), or, for verbs whose subject is the cause
    ("Western actions have led to"), the clause before the cue. ``blamed`` is the agent
    of that clause, not whichever sides the sentence names: "Russia", "US/West", "both"
    or "neither" (see ``_agent``). "INF fell apart because of Russia's SSC-8" blames
    Russia although the sentence may name the US too. Columns: ``article_id``,
    ``outlet``, ``sentence_id``, ``voice``, ``topic``, ``cue``, ``cause``, ``blamed``,
    ``text``. A cue list is not a reader: the sentences are the evidence, and
    05-validation scores the direction against hand coding.
    """
    v = voice.set_index(["article_id", "sentence_id"])["voice"]
    rows, previous = [], (None, "")
    for aid, outlet, sid, text in _rows(sents, ["article_id", "outlet", "sentence_id", "text"]):
        before_this, previous = previous, (aid, text)
        if not (_could_match(_CAUSE_AFTER_RE, text) or _could_match(_CAUSE_BEFORE_RE, text)):
            continue        # no causal cue can match (see _required_literals): no row
        topics = [t for t, (noun, verb) in _TOPICS.items() if noun.search(text) and verb.search(text)]
        if not topics and _EVENT_REFERENCE_RE.search(text):
            topics = ["moratorium end"]
        if not topics:
            continue
        cues = [(m, "after") for m in _CAUSE_AFTER_RE.finditer(text)] + \
               [(m, "before") for m in _CAUSE_BEFORE_RE.finditer(text)]
        if not cues:
            continue
        cue, side = min(cues, key=lambda c: c[0].start())
        cause = cause_clause(text, cue, side)
        blamed = _agent(cause)
        if blamed == "neither" and re.match(r"(?:this|that|these|such)\b", cause, re.I) and before_this[0] == aid:
            # "This withdrawal ... compelled Moscow": the agent the previous sentence names
            blamed = _agent(before_this[1])
        for topic in topics:
            rows.append((aid, outlet, sid, v[(aid, sid)], topic, cue.group(), cause, blamed, text))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "voice", "topic",
                                       "cue", "cause", "blamed", "text"])


def blame_by_article(blame: pd.DataFrame, sents: pd.DataFrame) -> pd.DataFrame:
    """Per article: how many causal sentences blame each side (``Russia``, ``US/West``,
    ``both``, ``neither``) and whether the article mentions Russia's alleged violation of
    the treaty at all (``violation_mentioned``, with ``violation_sentences``: the ids of
    the sentences matching ``VIOLATION_RE``). One row per article of ``sents``."""
    counts = (pd.crosstab([blame.article_id], blame.blamed)
              .reindex(columns=["Russia", "US/West", "both", "neither"], fill_value=0))
    hits = sents[sents.text.str.contains(VIOLATION_RE)]
    ids = hits.groupby("article_id").sentence_id.agg(lambda x: " ".join(map(str, x)))
    out = (sents[["article_id", "outlet"]].drop_duplicates("article_id").set_index("article_id")
           .join(counts).fillna(0).astype({c: int for c in counts.columns}))
    out["violation_sentences"] = ids.reindex(out.index).fillna("")
    out["violation_mentioned"] = out.violation_sentences != ""
    return out.reset_index().sort_values("article_id", kind="stable").reset_index(drop=True)


#: Words and phrases with which a narrator keeps a claim at a distance.
HEDGES = {
    "reportedly": r"reportedly", "allegedly/alleged": r"allege(?:d|dly)", "claimed": r"claimed", "claims": r"claims",
    "so-called": r"so-called", "what it called / described as": r"what (?:it|he|she|they) (?:calls?|called|describes? as|described as)",  # noqa: E501
    "perceived": r"perceived", "apparently": r"apparently", "purportedly": r"purported(?:ly)?",
    "according to": r"according to", "likely": r"(?:likely|unlikely)", "may/could": r"(?:may|might|could)",
}
#: The hedges that keep a particular claim at arm's length (frame_functions' distancing), as
#: against those that only soften the narrator's own certainty ("likely", "may", "reportedly").
DISTANCING_HEDGES = ("allegedly/alleged", "so-called", "claimed", "claims", "perceived", "purportedly",
                     "what it called / described as")
_HEDGE_RE = re.compile("|".join(f"(?P<h{k}>\\b{p}\\b)" for k, p in enumerate(HEDGES.values())), re.I)
_HEDGE_NAMES = {f"h{k}": name for k, name in enumerate(HEDGES)}


def hedges(sents: pd.DataFrame, voice: pd.DataFrame, scare: pd.DataFrame) -> pd.DataFrame:
    """Distancing markers in each sentence: one row per marker with ``article_id``,
    ``outlet``, ``sentence_id``, ``voice``, ``marker`` (the ``HEDGES`` name, or "scare
    quotes" for quotation marks that carry no attributed speech) and ``match``."""
    v = voice.set_index(["article_id", "sentence_id"])["voice"]
    rows = []
    for aid, outlet, sid, text in _rows(sents, ["article_id", "outlet", "sentence_id", "text"]):
        for m in _HEDGE_RE.finditer(text):
            rows.append((aid, outlet, sid, v[(aid, sid)], _HEDGE_NAMES[str(m.lastgroup)], m.group()))
    scare = scare[scare.kind == "scare quote"] if "kind" in scare.columns else scare   # a name is no distancing
    for aid, outlet, sid, text in _rows(scare, ["article_id", "outlet", "sentence_id", "text"]):
        rows.append((aid, outlet, sid, v[(aid, sid)], "scare quotes", text))
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "sentence_id", "voice", "marker", "match"])
    return out.sort_values(["article_id", "sentence_id", "marker"], kind="stable").reset_index(drop=True)

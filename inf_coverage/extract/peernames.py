"""Peers named anywhere on a page by their title and territory ("Lord Avonmere of Tain"), or by
title and name with their party or bench in brackets ("Baroness Kell (LD)"): a form of name the
other discovery rules read only in part ("Baroness Kell" after "by"), or not at all ("Lord X of
Y warned", a run broken by "of").

Evidence, not a list of peers: the title, a name word after it that is no office ("Lord Mayor of
London", "Lord Speaker", "Lord Provost of Y" are offices) and a territory with no article after
"of" ("Lord President of the Council" is an office). A peer is known by the title, so the name
keeps it, as a record's title lines do (``labelnames.peer_line_rows``, which also reads a line with
title and name alone above a speech: "Lord Penhale")."""
from __future__ import annotations

import re

import pandas as pd

from inf_coverage.extract.labelnames import PEER_TITLES
from inf_coverage.extract.namewords import NAME_WORD
from inf_coverage.extract.turns import ROLE_LABELS
from inf_coverage.ingest.text import _rows

#: Offices written after a peer's title, beside those the registry's title words give ("Lord
#: Provost", "Lord Chamberlain", "Lord Privy Seal", "Lord High Admiral").
PEER_OFFICES = {"provost", "bishop", "archbishop", "chamberlain", "warden", "advocate", "protector", "steward",
                "privy", "mayoress", "high", "keeper", "rector", "judge", "lieutenant", "great"}
_TERRITORY_WORD = rf"(?!(?:{PEER_TITLES})\b){NAME_WORD}"
#: A peer: title, name, and a territory after "of" (no article) or a party in brackets after it.
PEER_RE = re.compile(
    rf"(?<![\w'\u2019-])(?P<name>(?P<title>{PEER_TITLES}) (?P<word>{NAME_WORD})"
    rf"(?: of (?!the )(?P<territory>{_TERRITORY_WORD}(?: {_TERRITORY_WORD})?))?)"
    rf"(?(territory)|(?= \([A-Z][A-Za-z-]{{1,12}}\)))")


def _name(m: re.Match, common: set) -> tuple:
    """A peer's name and its end, or ``("", 0)`` when its territory's end is in doubt. A
    territory's second word that the texts write in lower case is none of it; a second word
    before a line's end or a capitalised word may be a page's word ("Lord X of Y Portrait",
    "Lord X of Y Opposition Whip"), and such a peer is left to its other mentions; a second
    word before punctuation or a word in lower case is the territory's ("Lord X of Port Ellen,
    the former envoy, said")."""
    territory = (m.group("territory") or "").split()
    if len(territory) == 2 and territory[1].lower() in common:
        cut = m.end("name") - len(territory[1]) - 1
        return m.string[m.start("name"):cut], cut
    if len(territory) == 2 and re.match(r"[ \t]*(?:\n|\Z|[^\W\d_a-z])", m.string[m.end("name"):]):
        return "", 0
    return m.group("name"), m.end("name")


def _no_peer(m: re.Match, drop: set, not_names: set) -> bool:
    """Whether a peer's form is an office or a known thing ("Lord Speaker", "Lord Provost")."""
    word = m.group("word").lower()
    return (m.group("name") in drop or word in not_names or word in ROLE_LABELS or word in PEER_OFFICES
            or any(w.lower() in not_names for w in (m.group("territory") or "").split()))


def peer_rows(sents: pd.DataFrame, articles: pd.DataFrame | None, drop: set, not_names: set) -> list:
    """Rows ``(article_id, outlet, sentence_id, start, end, name, "peer's title", title, where)``
    for the peers of ``PEER_RE``: "story" rows from ``sents`` (offsets in ``text``), and with
    ``articles``, "furniture" rows (``sentence_id`` -1, offsets in ``raw_text``) for the peers
    of the page's raw text that its cleaned text does not hold ("Lord Ahmad of Wimbledon
    Portrait" above a speech)."""
    out: list = []
    pages = " ".join(sents.text.astype(str)) + ("" if articles is None else " ".join(articles.raw_text.astype(str)))
    common = set(re.findall(r"(?<![\w'\u2019-])[a-z\u00df-\u00ff]+(?![\w'\u2019-])", pages))
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        for m in PEER_RE.finditer(text):
            name, end = _name(m, common)
            if name and not _no_peer(m, drop, not_names):
                out.append((aid, outlet, sid, base + m.start("name"), base + end, name, "peer's title",
                            m.group("title"), "story"))
    if articles is None:
        return out
    for aid, outlet, raw, clean in articles[["article_id", "outlet", "raw_text", "text"]].itertuples(index=False):
        seen: set = set()
        for m in PEER_RE.finditer(str(raw)):
            name, end = _name(m, common)
            if not name or name in str(clean) or name in seen or _no_peer(m, drop, not_names):
                continue
            seen.add(name)
            out.append((aid, str(outlet), -1, m.start("name"), end, name, "peer's title", m.group("title"),
                        "furniture"))
    return out


def with_peers(rows: list, peers: list) -> list:
    """``rows`` (discovery's, ``where`` last) with the ``peers`` of ``peer_rows`` added, less a
    row that names part of a peer of its article ("Baroness Kell" for "Baroness Kell of Ardrie")
    or is read inside a peer's words ("Port Ellen" in "Lord X of Port Ellen, the envoy")
    and with a peer's form cut from a longer run before it ("Speaker Baroness Ellis" after "Lord
    Speaker" is "Baroness Ellis")."""
    names = {(r[0], r[5]) for r in peers}
    spans: dict = {}
    for r in peers:
        spans.setdefault((r[0], r[2], r[8]), []).append((r[3], r[4]))
    out = []
    for r in rows:
        words = r[5].split()
        cut = next((i for i, w in enumerate(words[1:-1], 1) if re.fullmatch(PEER_TITLES, w)), None)
        if cut is not None:
            lead = len(" ".join(words[:cut])) + 1
            r = (*r[:3], r[3] + lead, r[4], " ".join(words[cut:]), *r[6:])
        if any(a == r[0] and p != r[5] and p.startswith(r[5] + " ") for a, p in names) or (
                (r[0], r[2], r[8]) in spans and any(s <= r[3] and r[4] <= e for s, e in spans[(r[0], r[2], r[8])])):
            continue
        out.append(r)
    return out + peers

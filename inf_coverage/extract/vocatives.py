"""A first name used alone to address someone ("Go ahead, Steve."): a person the page names no
further, such as a reporter a press secretary calls on, is found by that address."""
from __future__ import annotations

import re

import pandas as pd

from inf_coverage.extract.namewords import HONORIFICS, UPPER
from inf_coverage.ingest.text import _rows

#: A sentence that ends by addressing someone by one name after a comma, the word before the
#: comma in lower case ("Thank you, Nell."; not a place's appositive, "in Kyiv, Ukraine.").
_VOCATIVE_RE = re.compile(rf"(?<![\w'\u2019-])[a-z]+, (?P<name>[{UPPER}][a-z\u00df-\u00ff]+)[.!?]\s*\Z")
#: A title's short form is no one's first name, and its full stop no sentence's end ("met at
#: noon, Hon. Ada Example presiding" is split after "Hon." by the sentence splitter).
_TITLE_RE = re.compile(rf"(?:{HONORIFICS}|Hon|Rt|St|Gen|Col|Capt|Sgt|Lt|Gov|Sen|Rep|Amb)\Z")


def vocative_rows(sents: pd.DataFrame, drop: set, not_names: set, articles: pd.DataFrame | None = None) -> list:
    """Rows ``(article_id, outlet, sentence_id, start, end, name, "vocative", "")`` for a name
    that closes a sentence addressing its person ("Go ahead, Steve.") when the article writes
    that word nowhere else: not as the first word of a fuller name ("Steve X", whose name it
    is), not elsewhere in a sentence (a place, "Russia"), and the texts never write it in lower
    case (a word, "Thank you, all."). ``drop`` holds known names and things, ``not_names`` the
    lower-case words that are no name's (titles: "Thank you, Senator."). With ``articles`` the
    whole page is read, its furniture too ("X Y" in a byline is the "X" addressed)."""
    texts = sents.text.astype(str)
    common = set(re.findall(r"(?<![\w'\u2019-])[a-z\u00df-\u00ff]+(?![\w'\u2019-])", " ".join(texts)))
    whole = {aid: " ".join(g.text.astype(str)) for aid, g in sents.groupby("article_id", sort=False)}
    if articles is not None:
        whole.update({aid: f"{raw} {outlet}" for aid, raw, outlet
                      in articles[["article_id", "raw_text", "outlet"]].itertuples(index=False)})
    rows, seen = [], set()
    for aid, outlet, sid, base, text in _rows(sents, ["article_id", "outlet", "sentence_id", "start", "text"]):
        m = _VOCATIVE_RE.search(text)
        if not m or (aid, m.group("name")) in seen:
            continue
        name = m.group("name")
        uses = len(re.findall(rf"(?<![\w'\u2019-]){name}(?![\w'\u2019-])", whole.get(aid, text)))
        addressed = len(re.findall(rf", {name}[.!?]", whole.get(aid, text)))
        if (name.lower() in common or name.lower() in not_names or name in drop or _TITLE_RE.match(name)
                or any(name in d.split() for d in drop) or uses != addressed):
            continue
        seen.add((aid, name))
        rows.append((aid, outlet, sid, base + m.start("name"), base + m.end("name"), name, "vocative", ""))
    return rows

"""Host lines in a phone-in transcript: an unlabelled paragraph that runs the programme.

A broadcast transcript sometimes drops the host's label on a line that thanks a caller or hands
the floor on: "Thanks, Tom. Let's go to Ana in Westport." or "Right. Doctor?". Such a paragraph
is no continuation of the turn before it (a caller does not thank himself; a guest does not run
the lines): it is the host's. ``host_line`` says whether a paragraph is one (True / False); the
turn reader then gives the paragraph's sentences the host's name in the ``speaker`` column.
At a briefing, a turn that ends "Go ahead, Steve." gives the floor: ``handed_to`` returns the
name ("Steve"), the ``speaker`` of the question after it that no label names, else "".
It reads one paragraph with patterns of bounded length: linear in the paragraph."""

from __future__ import annotations

import re

from inf_coverage.extract.namewords import COURTESY, NAME_WORD

#: A sentence that only calls on someone by title, handing over the floor ("Doctor?", "Dr Ruiz?",
#: "Minister?", "Professor Ana Ruiz?").
_CALL_RE = re.compile(rf"(?:\A|[.!?][ \t]+)(?:{COURTESY}|Doctor|Professor|Minister|Senator|Councillor)"
                      rf"(?:[ \t]+{NAME_WORD}){{0,2}}\?[ \t]*\Z")


def _addresses(para: str, name: str) -> bool:
    """Does the paragraph call ``name`` in a vocative: after a comma at a sentence's end ("Thanks,
    Tom.", "Go ahead, Tom!") or before a comma at a sentence's start ("Tom, you're on the air.")."""
    n = re.escape(name)
    return bool(re.search(rf",[ \t]+{n}[.!?]|(?:\A|[.!?][ \t]+){n},[ \t]", para))


def host_line(para: str, callers) -> bool:
    """Is an unlabelled paragraph of a phone-in the host's: it calls a caller the page labels by
    name ("Thanks, Tom."), or it ends by calling someone by title alone ("Doctor?")."""
    para = para.strip()
    if len(para) > 400:
        return False        # a long paragraph is a speech or narration, not a line handing over
    return bool(_CALL_RE.search(para)) or any(_addresses(para, c) for c in callers)


#: A turn that ends by giving the floor to someone by name: "Go ahead, Steve.", "Yes, Ana?",
#: "Please, Ana Ruiz.", "Steve, go ahead." (a closing "Thank you, Steve." gives no floor).
_HANDOVER_RE = re.compile(
    rf"(?:(?:\A|[.!?\u2014-][ \t]+)(?:Go ahead|Yes|Please|Your question|Over to you|You're next|You have the floor)"
    rf",?[ \t]+(?P<a>{NAME_WORD}(?:[ \t]{NAME_WORD})?)|(?:\A|[.!?][ \t]+)(?P<b>{NAME_WORD}(?:[ \t]{NAME_WORD})?),"
    r"[ \t]+(?:go ahead|please|you're next|your question))[.!?]?[ \t]*\Z")


def handed_to(turn: str) -> str:
    """The one a turn's last sentence gives the floor to by name ("One at a time. Go ahead,
    Steve." -> "Steve"), whose is the unlabelled question after it; else ""."""
    m = _HANDOVER_RE.search(turn[-200:].rstrip())
    return (m.group("a") or m.group("b")) if m else ""

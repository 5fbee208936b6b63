"""Delegates in meeting summaries: a speaker named only by the state or body it speaks for.

A meetings-coverage summary of a council or an assembly names few delegates; it writes "The
representative of Chile said ...", "the delegate for the Russian Federation noted ...", "The
speaker for France said ...", "Chile's delegate said ...". The one who speaks there is the state
or body in the phrase, as coders give it. ``delegate_speaker`` reads such a subject at the end of
the words before a verb of saying and returns (speaker, phrase): the speaker value for the
``speaker`` column (the state or body as the resolver names it, else as written, "Chile",
"Russian Federation") and the phrase the value was read from ("the Russian Federation"); None
for any other subject ("a representative of the union", "the Speaker of the House", "the speaker
of the Duma": an indefinite or a person's office). ``opening_delegate`` returns the same speaker
value for a sentence that opens with such a subject, whom "he" or "she" inside it refers to."""

from __future__ import annotations

import re

#: A state's or a body's name: capitalised words, "of" or "and" between them ("United States of
#: America", "Bosnia and Herzegovina"), up to six words.
_PLACE = r"(?:the[ \t]+)?[A-Z][\w'\u2019-]*(?:[ \t]+(?:(?:of|and)[ \t]+)?[A-Z][\w'\u2019-]*){0,5}"
#: The subject before a verb of saying: "The representative of Chile", "the delegate for the
#: Russian Federation", "The speaker for France" (a speaker "of" a house is a person's office),
#: "Chile's delegate"; the sentence's start, a comma or a semicolon before it; an aside between
#: commas after it, in small letters ("The representative of Peru, responding, said"; not a name in
#: apposition, "the representative of the Council, Ana Ruiz, said": she speaks).
_DELEGATE_SUBJECT_RE = re.compile(
    rf"(?:\A|[,;][ \t]+)(?:(?:[Tt]he[ \t]+)(?:(?:representative|delegate|delegation)[ \t]+(?:of|for)"
    rf"|speaker[ \t]+for)[ \t]+(?P<of>{_PLACE})"
    rf"|(?P<own>{_PLACE})['\u2019]s[ \t]+(?:representative|delegate|delegation))"
    r"(?:[ \t]*,[ \t]*[a-z][^,.;\"\u201c\u201d]{0,60},)?[ \t]*\Z")
#: Characters before the verb that the subject is read from.
_REACH = 160


def delegate_speaker(before: str, resolver, ctx):
    """(speaker, phrase) when the words before a verb of saying end in a delegate's subject
    ("The representative of Chile", "Chile's delegate"), else None. The speaker is the state or
    body as the resolver knows it ("the United States" may be its government), else the name as
    written without its article."""
    m = _DELEGATE_SUBJECT_RE.search(before, max(0, len(before) - _REACH))
    if not m:
        return None
    place = m.group("of") or m.group("own")
    if place.split()[0] in {"A", "An"}:
        return None
    speaker = resolver.resolve(place, ctx)
    if speaker in (None, "unattributed"):
        speaker = re.sub(r"\A[Tt]he[ \t]+", "", place)
    return speaker, place


#: A place in a sentence's opening words where its subject may end: before a word in small letters.
_SUBJECT_END_RE = re.compile(r"[ \t]+(?=[a-z])")
#: Opening characters of a sentence searched for a delegate's subject.
_OPENING = 200


def opening_delegate(sentence: str, resolver, ctx):
    """The state a sentence's subject is the delegate of ("Taking the floor again, the
    representative of Chile rejected what he called ..." -> "Chile"), so that "he" or "she"
    inside the sentence is that state's delegate; else None."""
    for m in _SUBJECT_END_RE.finditer(sentence, 0, _OPENING):
        seated = delegate_speaker(sentence[:m.start()], resolver, ctx)
        if seated:
            return seated[0]
    return None

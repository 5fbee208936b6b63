"""Askers' labels in transcripts: who a question's label says asks it.

Two label forms name the asker in a way a role's label does not:

- a question label with the asker in brackets, as a government press conference writes it
  ("QUESTION (Ekholm):", "Q (Ana Ruiz, Harbour Daily):"): ``asker_note`` returns the asker, the
  part before the first comma ("Ekholm", "Ana Ruiz"), or "" for a note that names no one (a time
  stamp "(02:15)", a stage note in small letters "(inaudible)", "(off mic)");
- a reader's or listener's submission in a live chat or a phone-in ("Comment From Ana:",
  "Question from Tomas R.:", "Ana asks:", "Tomas R. writes:"): ``submission_asker`` returns the
  sender as written ("Ana", "Tomas R."), "unattributed" for a sender who is anonymous ("Comment
  From Guest:", "Anonymous asks:"), or None when the label is no such form.

``asking_label`` gives a transcript's label reader (who, "role") for either form, else None.
All return speaker values for the ``speaker`` column of a turn's quote rows; neither reads
more than the label (a few words), so each is bounded by the label's length."""

from __future__ import annotations

import re

#: A time stamp in a note ("02:15", "10.31"): no one asks by it.
_STAMP_RE = re.compile(r"\A\s*\[?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\]?\s*\Z")
#: Linking words inside a name or an outlet's name ("of", "van", "de"): never its first or last.
_LINKS = {"of", "the", "van", "von", "de", "der", "den", "da", "del", "la", "le", "du", "al", "el", "bin", "ibn"}
#: A word of a name or of an outlet's name as a note writes it: capitalised ("Ekholm",
#: "O'Dea", "Tomas R.", "BBC"), or a linking word.
_NOTE_WORD_RE = re.compile(r"\A(?:[A-Z][\w'\u2019.&-]*|%s)\Z" % "|".join(sorted(_LINKS)))
#: Words a submission names its sender by when the sender gives no name.
ANONYMOUS = {"guest", "anonymous", "anon", "reader", "a reader", "visitor", "listener", "a listener", "viewer",
             "a viewer", "user", "someone", "unknown", "audience member"}
#: Nouns a live chat or a phone-in heads a submission with: "<noun> from <sender>".
_SUBMISSION_NOUNS = r"(?:comment|question|message|post|reply|text|email|e-mail|submission|note)"
#: A sender: one to three capitalised words, an initial with its stop allowed ("Sanna T.").
_SENDER = r"(?P<who>[A-Z][\w'\u2019-]*\.?(?:[ \t][A-Z][\w'\u2019-]*\.?){0,2})"
_FROM_RE = re.compile(rf"\A{_SUBMISSION_NOUNS}[ \t]+from[ \t]+{_SENDER}\Z", re.I)
_ASKS_RE = re.compile(rf"\A(?!The[ \t]){_SENDER}[ \t]+(?:asks|asked|writes|wrote|comments|commented)\Z")
#: An anonymous sender described, not named ("A reader asks", "One listener writes").
_SOMEONE_ASKS_RE = re.compile(r"\A(?:an?|one|another)[ \t]+(?:reader|listener|viewer|caller|guest|user)[ \t]+"
                              r"(?:asks|asked|writes|wrote|comments|commented)\Z", re.I)
_MAX_NOTE_WORDS = 5


def asker_note(notes) -> str:
    """The asker a question label's bracketed notes name: the first note's words before a comma
    when they are a short capitalised run ("Ekholm", "Ana Ruiz", "Harbour Daily"), else "" (a
    stamp, a stage note in small letters, a number)."""
    for note in notes:
        if not note or _STAMP_RE.match(note):
            continue
        head = note.split(",")[0].strip()
        words = head.split()
        if not words or len(words) > _MAX_NOTE_WORDS or words[0] in _LINKS or words[-1] in _LINKS:
            return ""
        if any(ch.isdigit() for ch in head) or not all(_NOTE_WORD_RE.match(w) for w in words):
            return ""
        return head
    return ""


def submission_asker(bare: str):
    """The sender a chat's or phone-in's submission label names ("Comment From Ana" -> "Ana",
    "Tomas R. asks" -> "Tomas R."), "unattributed" when the sender is anonymous ("Comment From
    Guest"), None when the label is no submission."""
    bare = " ".join(bare.split())
    if _SOMEONE_ASKS_RE.match(bare):
        return "unattributed"
    m = _FROM_RE.match(bare) or _ASKS_RE.match(bare)
    if not m:
        return None
    who = m.group("who")
    return "unattributed" if who.lower() in ANONYMOUS else who


#: A question's label, bare of its notes ("QUESTION", "Q", "Question.").
_QUESTION_LABELS = {"q", "question"}


def asking_label(bare: str, notes):
    """(asker, "role") for a label that names who asks: a question label with the asker in
    brackets ("QUESTION (Ekholm)") or a submission ("Comment From Ana"); None for any other."""
    sender = submission_asker(bare)
    if sender is not None:
        return sender, "role"
    if bare.strip().rstrip(".").lower() in _QUESTION_LABELS and (said := asker_note(notes)):
        return said, "role"
    return None

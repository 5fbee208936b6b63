"""Quotations: quoted spans and reported statements with their speakers, and whether a
quoted span is a name. Each sentence's voice is read from these rows in ``voice``."""

from __future__ import annotations

import bisect
import re
from typing import Any

import pandas as pd

from inf_coverage.extract import objects as ob
from inf_coverage.extract import reported as rp
from inf_coverage.extract.delegates import opening_delegate
from inf_coverage.extract.embeds import embed_turns
from inf_coverage.extract.figures import TITLE_WORDS, figure_mentions, load_figures
from inf_coverage.extract.interviews import interview_turns, own_answers
from inf_coverage.extract.nametags import label_before, mask_title_stops
from inf_coverage.extract.outlets import is_own_label, is_title_quote, names_own_piece, note_outlets
from inf_coverage.extract.passivestatements import passive_statement, passive_verb, statement_body
from inf_coverage.extract.personnames import _ORG_NAME_RE, FUNCTION_WORDS, person_name
from inf_coverage.extract.pressrelays import (
    appositive_subject_comma,
    inner_statements,
    nominal_statement,
    outer_report,
    quoted_as_lead,
    quoted_as_saying,
)
from inf_coverage.extract.roundup import roundup_turns
from inf_coverage.extract.secondverbs import clause_participle, no_statement, second_statement
from inf_coverage.extract.speakers import (
    _ACCORDING_RE,
    _ACT_VERBS,
    _AFTER_ATTR_RE,
    _CLAUSE_VERB_RE,
    _HAS_WORD_RE,
    _PASSIVE_BEFORE_RE,
    _VERB_RE,
    _VIEW_RE,
    ATTRIBUTION_VERBS,
    MAX_PER_SENTENCE,
    PUBLICATION_RE,
    WINDOW,
    _attributions,
    _ends_attribution,
    _relayed_via,
    _SpeakerResolver,
    load_institutions,
    quote_spans,
)
from inf_coverage.extract.speakersubjects import note_subject_body
from inf_coverage.extract.statementnouns import noun_statements
from inf_coverage.extract.turns import STAGE_NOTE_RE, appositive_possessor, transcript_turns
from inf_coverage.ingest.notemarks import trailing_marks_start
from inf_coverage.ingest.patterns import _search, always_matches
from inf_coverage.ingest.text import WORD_RE, _rows, _sentence_spans, sentences

#: The end of a lead before a name that makes the name a preposition's object ("a history of",
#: "talks with the"), not the one the sentence is about.
_OBJECT_LEAD_RE = re.compile(r"(?<![\w-])(?:of|about|on|in|at|from|with|for|by|to|into|against|under|over|after|before"
                             r"|between|than)\s+(?:the\s+|a\s+|an\s+)?\Z")


def quotes(articles: pd.DataFrame, figures: pd.DataFrame | None = None,
           institutions: pd.DataFrame | None = None, mention_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per quotation or reported statement.

    Columns: ``article_id``, ``outlet``, ``sentence_id`` (where the quotation or
    statement starts), ``start``, ``end`` (offsets of the quoted content, without
    the marks, or of the reported clause), ``speaker`` (canonical figure, an
    institution from ``institutions.csv``, "unattributed", or the phrase as written
    if it resolves to neither), ``speaker_text`` (as written), ``affiliation``,
    ``kind``, ``verb``, ``relayed_via`` and ``text``.

    ``kind``: *direct* for a quotation that is a whole utterance (it opens the
    sentence, or follows "said:" or "said that", and runs to the attribution or the
    sentence end); *mixed* for quoted words embedded in the reporter's own clause;
    *indirect* for a reported statement without quotation marks ("X said that ...",
    "..., X said.", "according to X"). Rules, in order: a quotation followed by "X
    said"/"said X" takes that speaker; else the nearest attribution verb before it in
    the sentence; else, if it opens a sentence in the paragraph of an attributed
    quotation, it continues that one. Quotation marks with none of these are not
    speech (scare quotes) and get no row. A sentence without quoted speech yields at
    most one indirect statement; "adding that ..." after a quotation yields one more.
    Pronouns resolve to the last person (he, she) or institution (it) named outside
    quotations; "the expert" to the last expert named.

    ``mention_rows`` saves work when already computed: ``figure_mentions(sentences(articles),
    figures)`` as this function would compute it (None: it computes it).
    """
    figures = load_figures() if figures is None else figures
    institutions = load_institutions() if institutions is None else institutions
    resolver = _SpeakerResolver(figures, institutions)
    mentions = figure_mentions(sentences(articles), figures) if mention_rows is None else mention_rows
    by_article: dict = {}
    for aid, start, end, fig, grp in _rows(mentions, ["article_id", "start", "end", "figure", "affiliation_group"]):
        by_article.setdefault(aid, []).append((start, fig, grp, end))
    rows = []
    raws = articles["raw_text"] if "raw_text" in articles.columns else [""] * len(articles)
    for (aid, outlet, text), raw in zip(articles[["article_id", "outlet", "text"]].itertuples(index=False), raws):
        raw = raw if isinstance(raw, str) else ""       # the page before cleaning: its header names speakers
        rows += _article_quotes(aid, outlet, text, resolver, by_article.get(aid, []), raw)
    rows = [r for r in rows if not rp.not_a_statement(r[8], r[9], r[11])     # "has said nothing", "wrote on Monday"
            and not rp.no_named_clause(r[9], r[5], r[11])       # "the data indicated that ..."
            and not names_own_piece(r[9], r[11])]      # "X calls its editorial '...'": a title
    cols = ["article_id", "outlet", "sentence_id", "start", "end", "speaker", "speaker_text",
            "affiliation", "kind", "verb", "relayed_via", "text"]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


#: Human labels for the affiliation groups, for tables and charts.
GROUP_LABELS = {
    "russian_official": "Russian officials", "us_official": "US officials", "chinese_official": "Chinese officials",
    "ukrainian_official": "Ukrainian officials", "european_official": "European officials",
    "nato_official": "NATO officials", "chinese_expert": "Chinese experts", "russian_expert": "Russian experts",
    "independent_expert": "independent experts", "media": "media", "unattributed": "unattributed sources",
    "unknown": "named, affiliation not given", "other": "other",
}


def group_label(group: str) -> str:
    """A reader's label for an affiliation group ("Russian officials" for ``russian_official``)."""
    return GROUP_LABELS.get(group, str(group).replace("_", " "))


_NAME_IN_QUOTES_RE = re.compile(r"[A-Z][\w'\u2019.-]*(?: (?:[A-Z][\w'\u2019.-]*|\d[\w-]*)){0,2}\Z")


def is_name_in_quotes(content: str) -> bool:
    """True when quoted content is a name, not speech: one to three words, each
    capitalised or a designation (the missile "Oreshnik", the "Dark Eagle", "RS-28
    Sarmat"), with no sentence punctuation. Such marks name a thing; nobody is quoted."""
    return bool(_NAME_IN_QUOTES_RE.match(content.strip().rstrip(",;:")))


_FULL_NAME_RE = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])")


def _article_names(text: str) -> dict:
    """Surname -> the first "First Last" pair of capitalised non-title words in the text,
    so that "Okafor explained" finds the Daniel Okafor named earlier. One scan, linear."""
    names: dict = {}
    for m in _FULL_NAME_RE.finditer(text):
        first, last = m.groups()
        if first not in TITLE_WORDS and last not in TITLE_WORDS and first not in FUNCTION_WORDS:
            names.setdefault(last, f"{first} {last}")
    return names


#: The first word of a phrase that cannot be a speaker after a quotation: a preposition or
#: a conjunction continues the reporter's clause ('a "new reality" for Moscow and told ...',
#: '"..." after Dmitry Medvedev's posts'); so does a phrase ending in a possessive.
_NOT_A_SPEAKER_START_RE = re.compile(
    r"\s*(?:for|to|of|in|on|at|by|with|from|about|against|over|into|than|as|like|and|or|but|because|if"
    r"|while|when|which|that|who|whom|whose|after|before|since|until|during|amid|despite)\b"
    # '"..." after Dmitry Medvedev's posts': after a possessive the verb's form is a noun
    r"|[^,.;:]*['\u2019]s\s*\Z"
    # '"a new reality" created by NATO's policy and told opponents ...': a phrase ending in a
    # conjunction joins the verb to the sentence's own subject; it names no speaker
    r"|[^,.;:]*\s(?:and|or|but)\s*\Z", re.I)


#: A reference mark after a sentence's end, before the next sentence ("... the restrictions.[21]
#: The statement cited ..."): the sentence splitter reads "restrictions.[21]" as one word.
_REFERENCE_BREAK_RE = re.compile(r"(?<=[.!?\"\u201d])(?:\[\d{1,3}\])+(?=\s+[A-Z\"\u201c])")


def _split_at_references(text: str, spans: tuple) -> tuple:
    """The sentence spans cut after each reference mark that ends a sentence, and for each
    piece the id (1-based) of the sentence of ``sentences`` it is part of."""
    out, sids = [], []
    for k, (para, s, e) in enumerate(spans, start=1):
        last = s
        for m in _REFERENCE_BREAK_RE.finditer(text, s, e):
            out.append((para, last, m.start()))       # the mark belongs to neither sentence
            sids.append(k)
            last = m.end() + len(text[m.end():e]) - len(text[m.end():e].lstrip())
        out.append((para, last, trailing_marks_start(text, last, e)))    # "... dead.[3]": no mark
        sids.append(k)
    return out, sids


#: A meeting summary's subject that speaks for a country or a body without a name ("The
#: representative of Ruritania", "Taking the floor again, the delegate for Ruritania",
#: "Ruritania's delegate").
_DELEGATE_RE = re.compile(
    r"\A(?:[^,.\"\u201c]{0,60},[ \t]+)?(?:(?:[Tt]he[ \t]+)?(?:representative|delegate|speaker)[ \t]+(?:of|for)[ \t]+"
    r"|[A-Z][\w' -]{0,40}?['\u2019]s[ \t]+(?:representative|delegate)\b)")


def _article_quotes(aid, outlet, text, resolver, mentions, raw=""):  # noqa: C901
    spans = [(o, c, m) for o, c, m in quote_spans(text)
             if _HAS_WORD_RE.search(text, o + 1, c) and not is_name_in_quotes(text[o + 1:c])
             and not is_title_quote(text[max(0, o - 80):o])]     # "under the headline '...'": a title
    sent_spans, sids = _split_at_references(text, _sentence_spans(text))
    starts = [s for _, s, _ in sent_spans]

    def sentence_of(pos):
        return bisect.bisect_right(starts, pos) - 1

    inside = [(o, c) for o, c, _ in spans]
    opens = [o for o, _ in inside]

    def in_quote(pos):
        k = bisect.bisect_left(opens, pos) - 1      # quotations do not overlap
        return k >= 0 and pos < inside[k][1]

    person_mentions = [m for m in mentions if not in_quote(m[0])]
    ctx: dict[str, Any] = {"named": {}, "last_person": None, "last_institution": None, "last_speaker": None,
           "last_expert": None, "other_named": {}, "groups": {}, "article_names": _article_names(text),
           "common": frozenset(re.findall(r"(?<![\w-])[a-z][a-z'-]+", text))}
    k_mention = 0
    turns = transcript_turns(text, resolver, ctx, raw) or interview_turns(text, raw, resolver, ctx, outlet)
    turns = {p: t for p, t in turns.items() if not is_own_label(str(t[1]), str(outlet))}  # the outlet's questions
    roundup = not turns and bool(turns := roundup_turns(text, raw, resolver, ctx))
    turns = {**embed_turns(text, raw, resolver, ctx), **turns}     # pasted posts under their author lines
    para_starts = [0]
    for line in text.split("\n"):
        para_starts.append(para_starts[-1] + len(line) + 1)

    def advance(pos):
        nonlocal k_mention
        while k_mention < len(person_mentions) and person_mentions[k_mention][0] < pos:
            start, fig, grp, end = person_mentions[k_mention]
            ctx["named"][resolver.by_surname[fig]] = fig
            # "Asked about Trump's submarines, he said": a possessive is not who "he" is in
            # its own sentence; the person before it still is
            possessive = text[start:end].endswith(("'s", "\u2019s")) or text.startswith(("'s", "\u2019s"), end)
            ctx["before_possessive"] = (sentence_of(start), ctx["last_person"]) \
                if possessive and ctx["last_person"] != fig else None
            k_mention += 1
            if possessive and k_mention > 1 and \
                    appositive_possessor(text, person_mentions[k_mention - 2][3], start, end):
                continue    # "Ann Berg, Mayor Tom Lund's deputy, ...": "he" or "she" next is still Ann Berg
            ctx["last_person"] = fig
            if grp.endswith("_expert"):
                ctx["last_expert"] = fig

    def spoke(speaker):
        ctx["last_speaker"] = speaker
        if speaker in resolver.by_surname or speaker in ctx["other_named"].values():
            # the person who speaks is the subject: "he" next is them before a name the
            # sentence mentions after them ("X wrote that ... talks with envoy Y." "..., he added.")
            ctx["last_person"] = speaker
        if speaker in resolver.inst_group or speaker in ctx.get("org_names", ()):
            ctx["last_institution"] = speaker

    rows: list = []
    answer_rows: set = set()
    relays: dict = {}
    verb_at = sorted([m.start() for rx in (_VERB_RE, _ACCORDING_RE, _VIEW_RE) for m in rx.finditer(text)])
    quote_by_sentence: dict = {}
    for o, c, _ in spans:
        held = quote_by_sentence.setdefault(sentence_of(o), [])
        if len(held) < MAX_PER_SENTENCE:
            held.append((o, c))
    last_quote = None        # (paragraph, speaker, speaker_text, verb) of the last speech quotation
    turn = None              # (paragraph, speaker, label) of a transcript turn ("NAME: words")
    for si, (para, s_start, s_end) in enumerate(sent_spans):
        sent = text[s_start:s_end]
        advance(s_start)
        ctx["sentence"] = si
        note_outlets(sent, ctx)     # "Le Monde", "X, a regional daily": what "the paper" and "it" refer to
        if seat := opening_delegate(sent, resolver, ctx):
            ctx["last_person"] = seat       # "the representative of Chile rejected what he called": "he" is Chile's
        c_s = 0
        if si == 0 or sent_spans[si - 1][0] != para:
            hit = turns.get(para)
            turn = None if hit is None else (para, hit[0], hit[1], para_starts[para - 1] + hit[2], *hit[3:])
        if turn is not None and turn[0] == para:
            c_s = max(0, turn[3] - s_start)       # a sentence of the turn after its label
        if turn is not None and turn[0] == para and sent[c_s:].strip() and not STAGE_NOTE_RE.match(sent[c_s:]):
            # "(Laughter.)" in a turn is the record's note, no one's words
            # each sentence of a turn is its speaker's; quotations and statements inside it are
            # read as in prose (the speaker reporting someone else), and the turn's speaker is no
            # one "he" or "she" later refers to
            c_e = len(sent.rstrip())
            c_s += len(sent[c_s:]) - len(sent[c_s:].lstrip())
            while c_e > c_s and sent[c_e - 1] in ")]" and sent.count("([" [sent[c_e - 1] == "]"], c_s, c_e) \
                    < sent.count(sent[c_e - 1], c_s, c_e):
                c_e -= 1        # "Order!)": the bracket closing a stage note is no one's words
            rows.append((aid, outlet, sids[si], s_start + c_s, s_start + c_e, turn[1], turn[2],
                         resolver.group(turn[1], ctx), "direct", "", "", sent[c_s:c_e]))
            if turn[4:]:        # an interview's answer: its row is kept as ``own_answers`` says
                answer_rows.add(len(rows) - 1)
        sent_quotes = quote_by_sentence.get(si, [])
        had_speech = False
        held_in_sentence: list = []     # closing marks of this sentence's speech quotations
        for o, c in sent_quotes:
            if roundup and turn is not None and turn[0] == para and o == turn[3]:
                continue    # a comment opening with its mark under its person's heading: the turn's rows hold it
            q_end_sent = sentence_of(c if c < len(text) else len(text) - 1)
            e_end = sent_spans[q_end_sent][2]
            after = mask_title_stops(text[c + 1:min(e_end, c + 1 + WINDOW)])      # bounded: see WINDOW
            content_s, content_e = o + 1, c
            while content_e > content_s and text[content_e - 1] in ", ":
                content_e -= 1
            advance(c)
            speaker = verb = phrase = None
            tail_attribution = False
            m = _AFTER_ATTR_RE.match(after[:160])
            if m and m.group("spk") and _NOT_A_SPEAKER_START_RE.match(m.group("spk")):
                m = None    # '"new reality" for Moscow's opponents and told them': no speaker after it
            if m and (m.group("v2") or "").endswith("ing"):
                m = None    # 'a "propaganda drive" accusing Russia of ...': the participle's object is no speaker
            if m:
                phrase = (m.group("spk") or m.group("spk2") or "").strip()
                verb = ATTRIBUTION_VERBS[m.group("v1") or m.group("v2")]
                speaker = resolver.resolve(phrase, ctx, after[:200]) if phrase else None
                if speaker is None:
                    verb = None
            if speaker is None:
                advance(o)
                k = bisect.bisect_left(verb_at, max(s_start, o - WINDOW))
                has_verb = k < len(verb_at) and verb_at[k] < o      # skip the scan where no verb is near
                attrs = _attributions(sent[max(0, o - s_start - WINDOW):o - s_start], resolver, ctx) if has_verb else []
                if attrs:
                    _, _, verb, speaker, phrase, _, _ = attrs[-1]
                if lead_as := quoted_as_lead(text[max(s_start, o - WINDOW):o], resolver, ctx):
                    (speaker, phrase), verb = lead_as, "said"      # "The paper quotes X as saying: '...'"
            if speaker is None and after.strip():
                # '"...," Putin's spokesman, Dmitry Peskov, told reporters.' / '"...," Dmitry
                # Medvedev, who was president from 2008 to 2012, wrote on X.'
                tail = after[:240]
                attrs = [x for x in _attributions(tail, resolver, ctx) if not x[5]
                         and not any(ch in tail[:x[0]] for ch in "\u201c\"")]
                if attrs and not re.search(r"[.!?]\s", tail[:attrs[0][0]]) \
                        and not _SUBORDINATE_TAIL_RE.search(tail[:max(0, tail.rfind(attrs[0][4], 0, attrs[0][0]))]):
                    _, _, verb, speaker, phrase, _, _ = attrs[0]
                    tail_attribution = True
            continuation = False
            if speaker is None and o == s_start and si > 0:
                # "Jim Calder put the stakes more bluntly." then a quotation opening the next
                # sentence: the person the previous, quotation-free sentence introduced speaks
                prev_para, p_s, p_e = sent_spans[si - 1]
                if not quote_by_sentence.get(si - 1) and not in_quote(p_s):
                    named = person_name(text[p_s:p_e], ctx["common"])
                    if named and _OBJECT_LEAD_RE.search(text[p_s:p_s + max(0, text.find(named, p_s, p_e) - p_s)]):
                        named = ""      # "... a history of Cold War diplomacy.": a preposition's object is no speaker
                    if named:
                        speaker = resolver.resolve(named, ctx, text[p_s:p_e])
                        phrase, verb = named, None
                        continuation = speaker is not None
            if speaker is None and last_quote and o == s_start and (last_quote[0] == para or (
                    last_quote[0] == para - 1 and o == para_starts[para - 1] and last_quote[3] is not None
                    and c >= e_end - 2)):
                # a quotation opening the paragraph's next sentence, or a whole paragraph that is
                # one quotation right after a paragraph whose quotation was attributed: the same voice
                _, speaker, phrase, verb = last_quote
                continuation = True
            if speaker is None and last_quote and held_in_sentence and _SPLIT_QUOTE_RE.fullmatch(
                    text, held_in_sentence[-1] + 1, o):
                # '"What we see," said X, a member of Y, "is ..."': one quotation split by its
                # attribution; the second part is the same speaker's
                _, speaker, phrase, verb = last_quote
                continuation = True
            if speaker is None and person_name(label := label_before(text[s_start:o])):    # 'Sen. Al Roe: "..."'
                speaker, phrase, verb = resolver.resolve(label, ctx, text[s_start:c]), label, None
            if speaker is None:
                continue    # quotation marks with no speaker: scare quotes, not speech
            had_speech = True
            lead = text[max(s_start, o - WINDOW):o].rstrip()
            whole_start = o == s_start or lead.endswith(":") or lead.endswith(" that") or continuation
            whole_end = c >= e_end - 1 or bool(m and speaker is not None and m.group(0)) or tail_attribution or \
                (e_end - c <= WINDOW and text[c + 1:e_end].strip() in {"", "."})
            kind = "direct" if whole_start and whole_end else "mixed"
            key = (s_start, e_end, speaker)
            if key not in relays:
                relays[key] = _relayed_via(text[s_start:e_end], speaker, resolver, ctx)
            relay = relays[key]
            # 'Sens. A (D-Del.) and B (R-Kan.) said "..."': a joint statement's quotation is each one's
            for one, one_phrase in _conjuncts(speaker, phrase, resolver, ctx, text[s_start:e_end]):
                rows.append((aid, outlet, sids[si], content_s, content_e, one, one_phrase,
                             resolver.group(one, ctx), kind, verb, relay, text[content_s:content_e]))
            spoke(speaker)
            last_quote = (para, speaker, phrase, verb)
            held_in_sentence.append(c)
            # "..., adding that ..." after a quotation, with no quotation of its own
            add = re.search(r",\s*adding that\s+", text[c:min(e_end, c + WINDOW)])
            if add and not (bisect.bisect_right(opens, c) < len(opens) and opens[bisect.bisect_right(opens, c)] < e_end):  # noqa: E501
                a_s = c + add.end()
                a_e = e_end - 1 if text[e_end - 1] == "." else e_end
                rows.append((aid, outlet, sids[q_end_sent], a_s, a_e, speaker, phrase,
                             resolver.group(speaker, ctx), "indirect", "added", relay, text[a_s:a_e]))
        # "X recalls that Y told TASS that ... 'quoted'": X's clause holds Y's quotation
        if len(held_in_sentence) == 1 and last_quote and not in_quote(s_start) and (
                outer := outer_report(sent, _attributions(sent, resolver, ctx), last_quote[1])):
            rows.append((aid, outlet, sids[si], s_start + outer[1], s_start + outer[2], outer[0][3], outer[0][4],
                         resolver.group(outer[0][3], ctx), "mixed", outer[0][2], "", sent[outer[1]:outer[2]]))
        named_paper = [m.group(1) for m in PUBLICATION_RE.finditer(sent) if not in_quote(s_start + m.start())]
        if named_paper:
            ctx["last_publication"] = named_paper[-1]     # what "the paper" next refers to
        if had_speech and not in_quote(s_start):
            rows += _after_quotes(aid, outlet, sids[si] - 1, sent, s_start, sent_quotes, resolver, ctx)
            taken = [(r[3], r[4]) for r in rows if r[3] < s_end and s_start < r[4]]
            rows += _beside_quotes(aid, outlet, sids[si], sent, s_start, sent_quotes, taken, resolver, ctx)
        if had_speech and _DELEGATE_RE.match(sent) and ctx["last_speaker"] not in {None, "unattributed"}:
            # 'The representative of Ruritania said ... "quoted"': "he" next is the country, as
            # after a reported statement (below)
            ctx["last_person"] = ctx["last_speaker"]
        if had_speech or in_quote(s_start):
            continue
        # a sentence without quoted speech: at most one reported statement
        # people named up to each verb, not to the sentence's end: "She noted that ..., when
        # Sergei Ryabkov said ...": "she" is not Ryabkov
        ctx["advance_to"] = lambda pos, s_start=s_start: advance(s_start + pos)
        attrs = _attributions(sent, resolver, ctx)
        ctx["advance_to"] = None
        advance(s_end)
        note_subject_body(sent, resolver, ctx)
        # a person outside the registry named in narration is who "he" and "she" refer to next
        # (after this sentence's own attributions: "She noted ..., when X said" is not X)
        named = person_name(sent, ctx["common"])
        if named in ctx.get("outlets", ()):
            pass        # "Vestnik Rynka, a business daily, ...": a paper is no one "he" or "she" refers to
        elif named and not resolver.names.search(named) and named.split()[-1] not in resolver.by_surname.values():
            resolver.unregistered(named, ctx, sent)
        elif not named:
            # "Roe is calling on ...": a person named in full before, by surname as the
            # sentence's subject, is who "she" next refers to
            subject = _SURNAME_SUBJECT_RE.match(sent)
            if subject and subject.group(1) in ctx["other_named"]:
                ctx["last_person"] = ctx["other_named"][subject.group(1)]
        attrs = [a for a in attrs if not a[6]]           # not "what it called"
        finite = [a for a in attrs if not a[5]] or attrs
        if finite and _DELEGATE_RE.match(sent) and finite[0][3] not in {None, "unattributed"}:
            # "The representative of Ruritania said ...": the country speaks through a person the
            # summary does not name, whom "he" or "she" next refers to
            ctx["last_person"] = finite[0][3]
        nominal = nominal_statement(sent)
        who = resolver.resolve(nominal[0], ctx, sent) if nominal else None
        if who is not None and (resolver.group(who, ctx) == "media" or who in resolver.by_surname
                                or who in ctx["other_named"].values()):
            # "The paper's conclusion: ...", "Krane's verdict: ...": a paper's or a person's statement
            rows.append((aid, outlet, sids[si], s_start + nominal[2], s_start + nominal[3], who, nominal[0],
                         resolver.group(who, ctx), "indirect", nominal[1], "", sent[nominal[2]:nominal[3]]))
            continue
        if relayed := quoted_as_saying(sent, resolver, ctx):    # "The paper quotes X as saying ..."
            rows += [(aid, outlet, sids[si], s_start + a, s_start + b, who, ph, resolver.group(who, ctx),
                      "mixed" if "\u201c" in sent[a:b] or '"' in sent[a:b] else "indirect", vb, "", sent[a:b])
                     for who, ph, vb, a, b in relayed]
            continue
        inv = rp.inverted_attribution(sent) if len(finite) <= 1 else None
        # a speaker read for the verb stands unless the statement is one plain clause ("X, an analyst, said ...")
        if inv and all(a[0] == inv[3] for a in finite) and (not any(a[3] for a in finite) or "," not in sent[:inv[0]]):
            # "The launchers have left, said Senator X.", "..., say analysts." (unknown speaker: no row)
            if speaker := resolver.resolve(inv[2], ctx, sent) or _search(_UNNAMED_SOURCE_RE, inv[2]) and "unattributed":
                rows.append((aid, outlet, sids[si], s_start, s_start + inv[0], speaker, inv[2], resolver.group(
                    speaker, ctx), "indirect", inv[1], _relayed_via(sent, speaker, resolver, ctx), sent[:inv[0]]))
                spoke(speaker)
            continue
        frame = _colon_frame(sent, resolver, ctx) if not finite else None
        if frame:
            # "Peskov, 5 August: Russia no longer has any restrictions ...": a post or digest line
            speaker, phrase, c_s = frame
            c_e = len(sent) - (1 if sent.endswith(".") else 0)
            rows.append((aid, outlet, sids[si], s_start + c_s, s_start + c_e, speaker, phrase,
                         resolver.group(speaker, ctx), "indirect", "", _relayed_via(sent, speaker, resolver, ctx),
                         sent[c_s:c_e]))
            spoke(speaker)
            last_quote = (para, speaker, phrase, None)
            continue
        if not finite and (pv := passive_statement(sent)) and (body := statement_body(
                ctx["last_speaker"], resolver.inst_group, ctx.get("org_names", ()))):
            # "It was further stated that ...": the statement of the body that spoke last
            rows.append((aid, outlet, sids[si], s_start + pv[0], s_start + pv[1], body, "", resolver.group(
                body, ctx), "indirect", passive_verb(sent), "", sent[pv[0]:pv[1]]))
            continue
        if not finite and (said := [(*n, who) for n in noun_statements(sent)
                                    if (who := resolver.resolve(n[0], ctx, sent)) not in {None, "unattributed"}]):
            # "Donald Trump's announcement on Friday that ...": the clause is the possessor's statement
            rows += [(aid, outlet, sids[si], s_start + a, s_start + b, who, phrase, resolver.group(who, ctx),
                      "indirect", noun, "", sent[a:b]) for phrase, noun, a, b, who in said]
            continue
        if not finite:
            unnamed = _search(_UNNAMED_SOURCE_RE, sent)
            if unnamed:                                  # "Analysts fear that ...": unnamed sources speak
                mm = re.match(r"[^.]{0,40}?\bthat\b|\s*(?:as\b)?", sent[unnamed.end():])
                # "X has been interpreted by analysts as Y": the whole claim is theirs
                c_s = 0 if " by " in unnamed.group() else unnamed.end() + always_matches(mm).end()
                c_e = len(sent) - (1 if sent.endswith(".") else 0)
                if c_e - c_s >= 3:
                    c_s += len(sent[c_s:c_e]) - len(sent[c_s:c_e].lstrip())
                    verb = always_matches(_UNNAMED_VERB_RE.search(unnamed.group())).group().lower()
                    rows.append((aid, outlet, sids[si], s_start + c_s, s_start + c_e, "unattributed",
                                 unnamed.group(), "unattributed", "indirect", verb, "", sent[c_s:c_e]))
            continue
        # one reported statement per attribution of its own; a second subject ("..., and
        # Donald Trump said ...") or a second verb of the same subject ("... and told ...")
        # ends the clause of the one before
        first = finite[0]
        if attrs[0] is not first and _participle_after_comma(sent, attrs[0]):
            first = attrs[0]        # "Washington walked out, accusing Moscow of cheating, and Russia replied ..."
        chain = [(0, first)]
        for a in attrs[attrs.index(first) + 1:] if first is attrs[0] or not first[5] else []:
            if a[2] in _FRAMES or a[0] <= chain[-1][1][1] or a[3] == chain[-1][1][3] and chain[-1][1][2] in _FRAMES:
                continue    # (not "According to X, X said ...")
            if _participle_after_comma(sent, a) and chain[-1][1][2] in _ACT_VERBS and _reported_clause(
                    sent, chain[-1][1][0], chain[-1][1][1], chain[-1][1][2], chain[-1][1][4]) is None:
                # "announced its own moratorium, promising not to deploy ...": the act, then what it says
                chain.append((a[0], a))
                continue
            if _participle_after_comma(sent, a) and (re.match(r"\s+that\b", sent[a[1]:]) or clause_participle(
                    sent, chain[-1][1][1], a[0], a[1])):
                # "X said that A, adding that B": two statements, both X's (not a subject inside A)
                chain.append((sent.rfind(",", 0, a[0]), (*a[:3], *chain[-1][1][3:5], *a[5:])))
                continue
            if a[5]:
                # no subject of its own: "X called A a B and told C ..." (not ", adding", and not
                # "X said China had noted it and called on ...", where the verb is China's)
                at = a[0] if re.search(r"\band\s+(?:\w+ly\s+)?\Z", sent[:a[0]]) and \
                    not sent[a[0]:a[1]].endswith("ing") and (chain[-1][1][2] in _OBJECT_VERBS or re.match(
                        r"\s*(?:that\b|:)", sent[a[1]:])) or second_statement(
                            sent, chain[-1][1][1], a[0], a[1], a[2], [b[0] for b in attrs]) else -1
            else:
                at = sent.rfind(a[4], chain[-1][1][1], a[0]) if a[4] else -1
            join = _CLAUSE_JOIN_RE.search(sent[:at]) if at > 0 else None
            if join and join.start() >= chain[-1][1][1]:
                chain.append((join.start(), a))
        for k, (_, a) in enumerate(chain):
            v_s, v_e, verb, speaker, phrase, _, _ = a
            clause = _reported_clause(sent, v_s, v_e, verb, None if a[5] and k else phrase)
            if clause is None:
                if verb in ob.TARGET_VERBS and speaker not in {None, "unattributed"}:
                    spoke(speaker)      # "X blamed Washington. It cited ...": "it" is still X
                continue
            c_s, c_e = max(clause[0], chain[k][0]), clause[1]
            if k + 1 < len(chain) and c_s < chain[k + 1][0] < c_e and verb not in _FRAMES:
                c_e = chain[k + 1][0]
                if no_statement(sent[c_s:c_e]):
                    continue        # "X posted again yesterday and told ...": no statement of "posted"
            while c_s < c_e and sent[c_s] == " ":
                c_s += 1
            if c_e > c_s and sent[c_e - 1] == ".":
                c_e -= 1
            c_e = rp.before_note_mark(sent, c_s, c_e)      # "... complied with the treaty [3]."
            if DEMONSTRATIVE_RE.fullmatch(sent[c_s:c_e]) and c_s == 0:
                # "This was stated by X": X's statement is the paragraph's sentence before, when
                # that one has no row of its own
                if si and sent_spans[si - 1][0] == para and all(r[2] != sids[si - 1] for r in rows):
                    p_s, p_e = sent_spans[si - 1][1], sent_spans[si - 1][2]
                    prev = text[p_s:p_e].rstrip()
                    prev = prev[:-1] if prev.endswith(".") else prev
                    rows.append((aid, outlet, sids[si - 1], p_s, p_s + len(prev), speaker, phrase,
                                 resolver.group(speaker, ctx), "indirect", verb, "", prev))
                    spoke(speaker)
                continue
            if c_e - c_s < 3:
                continue
            for one, one_phrase in _conjuncts(speaker, phrase, resolver, ctx, sent):
                relay = _relayed_via(sent, one, resolver, ctx)
                rows.append((aid, outlet, sids[si], s_start + c_s, s_start + c_e, one, one_phrase,
                             resolver.group(one, ctx), "indirect", verb, relay, sent[c_s:c_e]))
                spoke(one)
                if resolver.group(one, ctx) == "media":     # "the paper notes that X said ...": X's words too
                    rows += [(aid, outlet, sids[si], s_start + i_s, s_start + i_e, b[3], b[4], resolver.group(
                        b[3], ctx), "indirect", b[2], "", sent[i_s:i_e]) for b, i_s, i_e in inner_statements(
                        sent, attrs, one, c_s, c_e, _reported_clause)]
                # 'X wrote that ... . "Quoted words."': a quotation opening the paragraph's next
                # sentence with no attribution of its own goes on the statement
                last_quote = (para, one, one_phrase, verb)
    return own_answers(rows, answer_rows)


def _after_quotes(aid, outlet, si, sent, s_start, sent_quotes, resolver, ctx) -> list:
    """A second speaker's statement joined after a sentence's last quotation: 'X said Russia
    was "solely responsible", while Moscow insisted it had never broken the agreement'. Only
    an attribution with a subject of its own, after a clause join ("while", "but", ", and")
    that follows the quotation, with a clause of its own free of quotation marks."""
    last_close = max(c for _, c in sent_quotes) - s_start
    out = []
    for a in _attributions(sent[last_close + 1:], resolver, ctx):
        v_s, v_e, verb, speaker, phrase, shared, distancing = a
        if shared or distancing or verb in _FRAMES or not phrase or speaker is None:
            continue
        tail = sent[last_close + 1:]
        at = tail.rfind(phrase, 0, v_s)
        join = _CLAUSE_JOIN_RE.search(tail[:at]) if at > 0 else None
        if join is None:
            continue
        clause = _reported_clause(tail, v_s, v_e, verb, phrase)
        if clause is None or clause[0] < v_e:
            continue
        c_s, c_e = clause
        while c_s < c_e and tail[c_s] == " ":
            c_s += 1
        if c_e > c_s and tail[c_e - 1] == ".":
            c_e -= 1
        content = tail[c_s:c_e]
        if len(content) < 3 or any(q in content for q in "\"\u201c\u201d\u2018"):
            continue
        base = s_start + last_close + 1
        out.append((aid, outlet, si + 1, base + c_s, base + c_e, speaker, phrase, resolver.group(speaker, ctx),
                    "indirect", verb, _relayed_via(sent, speaker, resolver, ctx), content))
        break
    return out


#: A finite verb: what makes words after a verb of saying a statement, not the attribution's tail.
_FINITE_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|did|does"
                        r"|do|shall)\b")
_ING_START_RE = re.compile(r"\w+ing\b")


def _beside_quotes(aid, outlet, sid, sent, s_start, quoted, taken, resolver, ctx) -> list:
    """The reported statements, free of quotation marks, of a sentence that also quotes: 'He
    said Moscow did not want a public argument and urged everyone to be "very careful"', 'X
    blamed "European warmongers" and insisted that Russia had kept developing them'. Each
    attribution's clause ends where the next attribution's clause joins ("and", ", but",
    ", while"); a clause holding a quotation mark, one inside an earlier attribution's clause
    and one overlapping a row already made (``taken``: (start, end) in the text) give none.
    ``quoted``: (open, close) offsets in the text of the sentence's quotation marks."""
    marks = [(o - s_start, c - s_start) for o, c in quoted]
    attrs = [a for a in _attributions(sent, resolver, ctx) if not a[6] and a[2] not in _FRAMES]
    out: list = []
    covered = 0          # the end of the last attribution's clause: a verb before it is inside it
    for k, (v_s, v_e, verb, speaker, phrase, shared, _) in enumerate(attrs):
        if v_s < covered or any(o <= v_s < c for o, c in marks):
            continue
        own = [c for _, c in marks if c < v_s]
        tail = _AFTER_ATTR_RE.match(mask_title_stops(sent[own[-1] + 1:])) if own else None
        if tail and own[-1] + 1 + tail.end() >= v_e and not (
                tail.group("spk") and _NOT_A_SPEAKER_START_RE.match(tail.group("spk"))):
            covered = v_e
            continue        # '"...," he told reporters on Tuesday': the quotation's own attribution
        clause = _reported_clause(sent, v_s, v_e, verb, None if shared else phrase)
        if clause is None:
            covered = v_e
            continue
        c_s, c_e = clause
        for b in attrs[k + 1:]:
            at = b[0] if b[5] or not b[4] else sent.rfind(b[4], 0, b[0])
            join = _CLAUSE_JOIN_RE.search(sent[:at]) if c_s < at < c_e else None
            if join and join.start() >= max(c_s, v_e):
                c_e = join.start()
                break
        covered = max(c_e, v_e)
        while c_s < c_e and sent[c_s] in " ,":
            c_s += 1
        while c_e > c_s and sent[c_e - 1] in " .,;":
            c_e -= 1
        content = sent[c_s:c_e]
        if verb not in {"called", "described"} and not (_FINITE_RE.search(content) or rp.plain_clause(verb, content)) \
                or _ING_START_RE.match(content):
            # "said Jane Roe, a fellow at X", "said in a statement": no statement; "blamed NATO
            # for it", "called on allies to act": an act as often as a statement
            continue
        if len(content.split()) < 3 or any(q in content for q in "\"\u201c\u201d") or \
                any(o < c_e and min(c_s, v_e) < c for o, c in marks) or \
                any(t_s < s_start + c_e and s_start + c_s < t_e for t_s, t_e in taken):
            continue
        out.append((aid, outlet, sid, s_start + c_s, s_start + c_e, speaker, phrase,
                    resolver.group(speaker, ctx), "indirect", verb, _relayed_via(sent, speaker, resolver, ctx),
                    content))
        taken = [*taken, (s_start + c_s, s_start + c_e)]
    return out


#: Between the two parts of a quotation split by its attribution: a comma, the attribution
#: (a verb of saying and its speaker, with an appositive) and a comma, no sentence end.
_SURNAME_SUBJECT_RE = re.compile(r"\s*([A-Z][\w\u2019'-]+)\s+(?:is|was|has|had|will|would|also|then|[a-z]+(?:ed|s))\b")
#: a clause of its own after a quotation ('... "the right places", after Medvedev warned'): its
#: subject is no speaker of the quotation
_SUBORDINATE_TAIL_RE = re.compile(r"\b(?:after|before|because|when|while|since|although|though|until|amid|as)\b")
_SPLIT_QUOTE_RE = re.compile(r"[\s,]*(?=[^.!?\"\u201c\u201d]*\b(?:%s)\b)[^.!?\"\u201c\u201d]{1,200},\s*"
                             % "|".join(sorted(ATTRIBUTION_VERBS, key=len, reverse=True)))
_AND_RE = re.compile(r"\s+and\s+")


def _conjuncts(speaker, phrase, resolver, ctx, sent) -> list:
    """[(speaker, phrase)] for each subject of "A and B said": a joint statement is each one's
    ("the White House and the German government said", "Washington and Berlin said"); the
    one speaker as resolved unless every part names a speaker of its own."""
    parts = _AND_RE.split(phrase or "")
    if any(" and " in m.group() for m in _ORG_NAME_RE.finditer(phrase or "")):
        return [(speaker, phrase)]      # "X of the Centre for Baltic and Arctic Studies": one name
    if not 2 <= len(parts) <= 3 or not all(p[:1].isupper() or p.startswith("the ") for p in parts):
        return [(speaker, phrase)]
    found = [resolver.resolve(p, ctx, sent) for p in parts]
    if any(f is None or f == "unattributed" for f in found) or len(set(found)) < len(found):
        return [(speaker, phrase)]
    return list(zip(found, parts))


# a passive attribution's subject that is a short noun phrase, not a clause
_NOUN_SUBJECT_RE = re.compile(r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)(?:\s+[\w'\u2019-]+){1,3}\Z")
# "This was stated by X": the statement is the sentence before
DEMONSTRATIVE_RE = re.compile(r"(?:[Tt]his|[Tt]hat)\Z")


_WRITTEN_PIECE_RE = re.compile(r"\s*(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+)?(?:op-ed|article|letter|column|book"
                               r"|post|piece|essay|report|paper|note|message|statement|thread)s?\b")
# an aside between dashes or in brackets ("announced last week - days before the vote was
# held - that ..."): not the clause of the verb before it
_ASIDE_RE = re.compile(r"\s[\u2014\u2013-]\s.*?\s[\u2014\u2013-]\s|\([^)]*\)")


#: What may stand between an act verb and the "that" of what it states: nothing, or an
#: adverbial ("announced on Monday that", "proposed in 2020 that"), not an object.
_ACT_GAP_RE = re.compile(r"\s*(?:that\b|,|(?:in|on|at|during|last|earlier|later|this|back|yesterday|today|then|also"
                         r"|again|once|after|before|[A-Z][a-z]+day|[a-z]+ly|the (?:following|next|same) \w+)\b)")


def _names_an_act(sent: str, v_s: int, v_e: int, verb: str) -> bool:
    """Does an act verb ("proposed", "announced") name an act here, whatever follows: as a
    participle without "that" ("..., proposing mutual checks"), in a relative clause whose
    object it is ("the freeze that Putin proposed"; not "the statement, which declared that
    ...", its own statement), or with an object before a relative "that"?"""
    if verb not in _ACT_VERBS:
        return False
    if sent[v_s:v_e].endswith("ing"):
        return not re.match(r"\s+that\s", sent[v_e:])
    if re.search(r"\b(?:that|which)\s+(?:[\w'\u2019.-]+\s+){1,3}\Z", sent[:v_s]):
        return True
    # "proposed a freeze that would include checks": the "that" of a relative clause, after
    # the act's object; "announced on Monday that": an adverbial, then what it states
    return bool(re.match(r"[^.]{0,80}?\bthat\b", sent[v_e:])) and not _ACT_GAP_RE.match(sent, v_e)


def _reported_clause(sent: str, v_s: int, v_e: int, verb: str, phrase: str | None = ""):
    """The (start, end) in ``sent`` of what the attribution verb at ``v_s:v_e`` reports, or
    None when the verb reports an act ("Moscow later announced a voluntary moratorium").
    ``phrase`` is the verb's subject as written, None for a verb with no subject of its own
    ("... and told reporters ..."), which cannot close a clause before it."""
    before = sent[:v_s]
    passive = _PASSIVE_BEFORE_RE.search(sent, max(0, v_s - 12), v_s)
    if passive:
        if _NOUN_SUBJECT_RE.match(sent[:passive.start()].strip(" ,")) and \
                not _CLAUSE_VERB_RE.search(sent[:passive.start()]):
            # "The moratorium was announced by Putin": the act's object, not a statement
            return None
        c_s, c_e = rp.passive_clause(sent, v_e, passive.start())
    elif _names_an_act(sent, v_s, v_e, verb):
        return None
    elif sent[v_s:v_e].endswith("ing") and verb not in _FRAMES:
        # "The U.S. withdrew in 2019, accusing Moscow of violating ...": what the
        # participle says follows it ("writing that ...": after the "that")
        # ("telling reporters in Moscow that ...": after the one told)
        that = re.match(r"\s+(?:(?:[\w'\u2019-]+\s+){1,3}?)?that\s" if verb == "told" else r"\s+that\s", sent[v_e:])
        c_s, c_e = v_e + (that.end() - 1 if that else 0), len(sent)
    elif verb in _FRAMES:
        if not before.strip():                                  # According to X, ...
            comma = sent.find(",", v_e)
            c_s, c_e = (comma + 1 if comma >= 0 else v_e), len(sent)
        elif not sent[v_e:].strip(" ."):                        # ..., according to X.
            c_s, c_e = 0, len(before.rstrip().rstrip(","))
        else:                                                   # ..., according to X, ...
            c_s, c_e = 0, len(sent)
    elif re.search(r"\b(?:that|which)\s+(?:[\w'\u2019.-]+\s+){0,3}\Z", before):
        # "the missile that Washington says breached the treaty": a relative clause
        rest = sent[v_e:]
        stop = re.search(r"[,;]|\.\s*\Z|\Z", rest)
        c_s, c_e = v_e, v_e + always_matches(stop).start()
    elif (after_comma := _after_comma(sent, v_s, v_e, verb, phrase)) is not None:
        c_s, c_e = after_comma
    else:
        # "X said (on Monday) that ...", "X underscored the urgency of ..."
        # a "that" right after a preposition is a determiner ("told TASS at the end of that
        # month that ..."), not the clause's
        mm = re.match(r"[^.]{0,80}?(?<!\bof\s)(?<!\bin\s)(?<!\bat\s)(?<!\bon\s)(?<!\bby\s)(?<!\bfor\s)"
                      r"(?<!\bduring\s)\bthat\b|[^.:\"\u201c]{0,40}?:", rp.mask_abbreviation_stops(sent[v_e:]))
        if mm and (_CLAUSE_VERB_RE.search(_ASIDE_RE.sub(" ", mm.group())) or _VERB_RE.search(mm.group())
                   or ob.relative_that(verb, mm.group())):
            # "said both would be free to build weapons that ...", "said the risk lay in the
            # north, where Y said that ...", "pointed to the launcher that ...": the clause
            # (or the object) starts at once
            mm = None
        if not mm and (verb in _ACT_VERBS or verb in {"wrote", "posted"} and _WRITTEN_PIECE_RE.match(sent, v_e)):
            # "Moscow later announced a voluntary moratorium", "X wrote an op-ed in the
            # Bulletin": an act or a piece, not a statement
            return None
        c_s, c_e = v_e + (mm.end() if mm else rp.recipient_length(sent[v_e:]) if verb == "told" else 0), len(sent)
    # not ", citing X", "blamed X", "hailed the move": a noun phrase object (objects.py)
    return ob.object_clause(sent, v_s, v_e, verb, c_s, _without_source_tail(sent, c_s, c_e))


def _without_source_tail(sent: str, c_s: int, c_e: int) -> int:
    """The end of a clause without its source's tail: "X declared that ..., according to The
    Hill": the outlet is no part of it."""
    tail = _ACCORDING_TAIL_RE.search(sent, c_s, c_e)
    return tail.start() if tail and c_s < tail.start() else c_e


def _after_comma(sent: str, v_s: int, v_e: int, verb: str, phrase: str | None):
    """The statement of an attribution whose subject opens right after a comma and whose verb
    takes no object, or None: "..., the ministry said (on Monday)." says what is before the
    comma; "A, she noted, and B" (an attribution set between commas) the sentence around it.
    Not "Earl Jansen, a local resident, put it more bluntly" (the speaker is before the comma)
    nor "Last winter, X described ..." (the object follows the verb)."""
    before = sent[:v_s]
    comma = before.rfind(",")
    at = sent.rfind(phrase or " ", 0, v_s)
    lead = at
    if phrase and 0 <= at < comma and sent.startswith(",", at + len(phrase)) and not sent[comma + 1:v_s].strip():
        comma = appositive_subject_comma(before, at)    # "..., X, an engineer at Y, told the paper."
        comma = comma if len(WORD_RE.findall(before[:max(comma, 0)])) >= 5 else -1    # not "Within hours, X, ..."
        lead = comma + 1                                # (a role before the name goes with it)
    if comma < 0 or phrase is None or at <= comma or verb in _OBJECT_VERBS or \
            sent[comma + 1:lead].strip() and not rp.carrier_before(sent[comma + 1:lead]):
        return None
    rest = sent[v_e:]
    if (_ends_attribution(rest) or rp.adverbial_tail(rest)) and not re.match(r"[^.,]{0,80}?\bthat\b", rest) \
            and not _CLAUSE_VERB_RE.search(sent[v_e:(tail.start() if (tail := _ING_TAIL_RE.search(sent, v_e))
                                                     else len(sent))]):
        return 0, comma
    if phrase and _INSERTED_TAIL_RE.match(sent, v_e) and len(WORD_RE.findall(before[:comma])) >= 2:
        return 0, len(sent)
    return None


#: After the verb of an attribution set between commas: at most three words, then a comma
#: and more of the statement (", she noted, and ...", ", he said on Monday, about ...").
_INSERTED_TAIL_RE = re.compile(r"(?:\s+[\w'\u2019.-]+){0,3},\s+\S")
_ACCORDING_TAIL_RE = re.compile(r",\s*(?:(?:according to|as reported by)\b[^,;]*?"
                                # "..., Interfax reported.": the agency that carried it
                                r"|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}\s(?:reported|said))[.]?\s*\Z")
_ING_TAIL_RE = re.compile(r",\s*\w+ing\b")


def _participle_after_comma(sent: str, a) -> bool:
    """Is attribution ``a`` a participle after a comma (", accusing Moscow of ...")?"""
    return bool(a[5] and sent[a[0]:a[1]].endswith("ing") and re.search(r",\s*\Z", sent[:a[0]]))


#: Verbs of saying whose statement is their object, not a clause ("called the step a
#: consequence", "blamed NATO for it"): a following "and told ..." is a second statement.
_OBJECT_VERBS = {"called", "described", "blamed", "accused", "cited", "branded", "urged", "pointed to", "listed",
                 "called on", "called for", "promised", "pledged"}


#: Before the subject of a second attribution in a sentence, the word that joins its
#: clause to the first: "X said A, and Y said B", "X argues A; Y says B", "X called for A, after Y announced B",
#: "after X announced A, he warned B", "X called A and told B".
_CLAUSE_JOIN_RE = re.compile(r"(?:,\s*|\s)(?:(?:and|but|while|whereas|after|before|when|where|as|until|because"
                             r"|although|though)\b"
                             r"(?:\s+(?:after|when|then|later|in \w+(?: \d{4})?))?\s*|(?<=,)\s*)\Z"
                             r"|;\s*\Z")     # "X argues that A; Y says B"


#: A line that opens with its speaker and a colon, as posts and digests write: the speaker
#: (up to four capitalised words), then a platform ("on X") and/or a date, then ":".
_COLON_FRAME_RE = re.compile(
    r"[^\w\"\u201c]{0,6}(?P<spk>[A-Z][\w'\u2019.-]*(?:\s[A-Z][\w'\u2019.-]*){0,3})"
    r"(?P<when>(?:\s+on\s+(?:X|Telegram|Twitter|Facebook|VKontakte|YouTube|television|TV|state TV))?"
    r"(?:,?\s+(?:on\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:,?\s+\d{4})?|,?\s+on\s+[A-Z][a-z]+day)?)"
    r"\s*:\s+(?=\S)")


def _colon_frame(sent: str, resolver, ctx):
    """(speaker, phrase, content start) for a sentence that opens "Speaker on X, 4 August:
    ...", or None. The platform or date is needed: a name alone before a colon is as often a
    heading, a caption's credit ("Photograph: ...") or a dateline."""
    m = _COLON_FRAME_RE.match(sent)
    if not m or not m.group("when").strip():
        return None
    speaker = resolver.resolve(m.group("spk"), ctx, sent)
    if speaker is None or speaker == "unattributed":
        return None
    return speaker, m.group("spk"), m.end()


#: Attributions that frame a clause without a verb of saying: "According to X, ...",
#: "In X's view, ...": the clause beside them is the statement.
_FRAMES = {"according to", "in the view of"}


_UNNAMED_SOURCES = (r"(?:analysts|experts|observers|critics|officials|commentators|diplomats|sources|insiders"
                    r"|scholars|specialists|strategists|pundits|military planners|channels|bloggers|media)")


_UNNAMED_VERB_RE = re.compile(
    r"\b(?:fear|feared|believe|believed|say|said|warn|warned|argue|argued|suggest|suggested|expect|expected"
    r"|worry|worried|note|noted|think|thought|caution|cautioned|contend|contended|predict|predicted|point out"
    r"|pointed out|see|saw|linked|tied|attributed|dismissed|hailed|welcomed|condemned|claimed|called|interpreted"
    r"|seen|viewed|described|framed|characteri[sz]ed|regarded|portrayed|cast|read|perceived)\b", re.I)


_UNNAMED_SOURCE_RE = re.compile(
    rf"\b{_UNNAMED_SOURCES}\s+(?:[a-z]+\s+){{0,2}}?(?:fear|feared|believe|believed|say|said|warn|warned|argue"
    r"|argued|suggest|suggested|expect|expected|worry|worried|note|noted|think|thought|caution|cautioned"
    r"|contend|contended|predict|predicted|point out|pointed out|see|saw|linked|tied|attributed|dismissed"
    r"|hailed|welcomed|condemned|claimed|called)\b"
    r"|\b(?:interpreted|seen|viewed|described|framed|characteri[sz]ed|regarded|portrayed|cast|read|perceived)"
    rf"\s+(?:[\w'\u2019-]+\s+){{0,4}}?by\s+(?:[\w'\u2019-]+\s+){{0,2}}?{_UNNAMED_SOURCES}\b", re.I)

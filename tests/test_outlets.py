"""Outlets as speakers in press reviews and digests (``extract/outlets.py``,
``extract/pressrelays.py`` and the rows of ``quotes``): original sentences about invented
papers and people, one kind each."""

import pytest

import helpers as h
from conftest import one_article
from inf_coverage.extract import outlets, pressrelays

is_title_quote, outlet_names, outlet_speaker = outlets.is_title_quote, outlets.outlet_names, outlets.outlet_speaker


def rows(*paragraphs):
    q = h.quotes(one_article("\n\n".join(paragraphs), outlet="Test Outlet"))
    return [(r.speaker, r.kind, r.verb, r.text) for r in q.itertuples()]


@pytest.mark.parametrize("sentence, names", [
    ("Die Rheinische Zeitung calls its editorial a warning.", ["Die Rheinische Zeitung"]),
    ("In Lyon, Le Progr\u00e8s Quotidien is calmer.", []),
    ("The Solway Courant, a Dumfries daily, is blunter.", ["Solway Courant"]),
    ("Gazeta Pomorska leads with the story.", ["Gazeta Pomorska"]),
    ("Dagens Klocka, a weekly published in Lund, runs a long piece.", ["Dagens Klocka"]),
    ("Nordlys Avis's editorial is sharper.", ["Nordlys Avis"]),
    ("Tiden headlines its commentary with a question.", ["Tiden"]),
    ("The business daily Vestnik Rynka reported a rise in orders.", ["Vestnik Rynka"]),
    ("In Vestnik Rynka, columnist Oleg Marin is unimpressed.", ["Vestnik Rynka"]),
    # not papers: a leader, a daily briefing, a person described by a daily habit
    ("Ruritania's leader spoke on Monday.", []),
    ("The daily Kremlin briefing was cancelled.", []),
    ("Ivan Sorel, a daily commentator on state radio, spoke first.", []),
])
def test_outlet_names(sentence, names):
    assert outlet_names(sentence) == names


def test_outlet_speaker_refers_back_by_common_noun_and_initials():
    ctx = {"outlets": ["Neue Lindauer Zeitung"], "last_publication": "Neue Lindauer Zeitung"}
    for phrase in ("the paper", "The conservative Lindau daily", "Lindau daily", "the broadsheet", "the NLZ",
                   "the editorial", "Neue Lindauer Zeitung", "The Neue Lindauer Zeitung"):
        assert outlet_speaker(phrase, ctx) == "Neue Lindauer Zeitung", phrase
    for phrase in ("the minister", "the NATO", "Oleg Marin", "the daily briefing"):
        assert outlet_speaker(phrase, ctx) is None, phrase
    assert outlet_speaker("the paper", {}) is None      # no paper named: nothing to refer to


def test_title_quote():
    assert is_title_quote("Under the headline ")
    assert is_title_quote("The Solway Courant calls its editorial ")
    assert is_title_quote("runs its leader under the title ")
    assert not is_title_quote("The minister called the plan ")
    assert not is_title_quote("The paper writes that ")


def test_common_noun_for_the_paper_named_last():
    assert rows("Die Rheinische Zeitung calls its editorial \u201cA quiet ending\u201d. The conservative Bonn daily "
                "argues that the launchers were never really gone. \u201cNothing has changed but the label,\u201d "
                "the paper writes. It concludes that the cabinet must not panic.") == [
        ("Die Rheinische Zeitung", "indirect", "argued", "the launchers were never really gone"),
        ("Die Rheinische Zeitung", "direct", "wrote", "Nothing has changed but the label"),
        ("Die Rheinische Zeitung", "indirect", "concluded", "the cabinet must not panic"),
    ]


def test_inverted_writes_the_newspaper_and_its_editorial():
    assert rows("In Lyon, Le Veilleur runs its leader under the title \u201cA cold wind\u201d. Its editorial "
                "argues that France should speak for the whole continent. \u201cThe old guarantees are gone,\u201d "
                "writes the newspaper, which wants a new European register.") == [
        ("Le Veilleur", "indirect", "argued", "France should speak for the whole continent"),
        ("Le Veilleur", "direct", "wrote", "The old guarantees are gone"),
    ]


def test_possessive_outlet_and_inverted_outlet():
    assert rows("Die Kammer's editorial argues that the cabinet was warned in the spring.",
                "The warning went unheeded, writes Le Veilleur.") == [
        ("Die Kammer", "indirect", "argued", "the cabinet was warned in the spring"),
        ("Le Veilleur", "indirect", "wrote", "The warning went unheeded"),
    ]


def test_headline_in_quotation_marks_is_no_statement():
    assert rows("Under the headline \u201cA long goodbye\u201d, columnist Oleg Marin writes that the treaty "
                "died years ago.") == [
        ("Oleg Marin", "indirect", "wrote", "the treaty died years ago"),
    ]


def test_paper_quotes_someone_as_saying():
    assert rows("The Solway Courant quotes an unnamed diplomat as saying that the talks had stalled.") == [
        ("unattributed", "indirect", "said", "the talks had stalled"),
        ("Solway Courant", "indirect", "quoted", "the talks had stalled"),
    ]


def test_paper_reports_what_someone_said():
    assert rows("The Solway Courant notes that Harbour Minister Ilse Varga said on Monday that the port was "
                "ready.") == [
        ("Solway Courant", "indirect", "noted", "Harbour Minister Ilse Varga said on Monday that the port was ready"),
        ("Ilse Varga", "indirect", "said", "the port was ready"),
    ]


def test_paper_writes_that_it_reported_is_one_speaker():
    # "it" inside the paper's clause is no second speaker
    assert [r[0] for r in rows("The Solway Courant, a Dumfries daily, calls its editorial \u201cSmall print\u201d. "
                               "The paper writes that the plan listed four ports.")] == ["Solway Courant"]


def test_participle_after_a_statement_is_a_second_statement():
    assert rows("The Solway Courant writes that the plan is late, noting that no port has been chosen.") == [
        ("Solway Courant", "indirect", "wrote", "the plan is late"),
        ("Solway Courant", "indirect", "noted", "no port has been chosen"),
    ]


def test_concluded_needs_that():
    assert rows("The talks concluded on Friday in Geneva.") == []


def test_inner_statements_take_named_subjects_inside_the_clause_only():
    sent = "The Solway Courant notes that Ilse Varga said the port was ready and that it listed four berths."
    attrs = [(19, 24, "noted", "Solway Courant", "The Solway Courant", False, False),
             (41, 45, "said", "Ilse Varga", "Ilse Varga", False, False),
             (77, 83, "listed", "Solway Courant", "it", False, False)]
    assert sent[41:45] == "said" and sent[77:83] == "listed"

    def clause_of(s, v_s, v_e, verb, phrase):
        return (v_e + 1, len(s) - 1)
    found = pressrelays.inner_statements(sent, attrs, "Solway Courant", 30, len(sent) - 1, clause_of)
    assert [(a[3], sent[i:j]) for a, i, j in found] == [
        ("Ilse Varga", "the port was ready and that it listed four berths")]


@pytest.mark.parametrize("sentence, names", [
    ("Vestnik Rynka business daily writes that orders rose.", ["Vestnik Rynka"]),
    ("Tver daily Volzhsky Vestnik writes that orders rose.", ["Volzhsky Vestnik"]),
    ("The conservative Bonn daily argues that orders rose.", []),
])
def test_outlet_named_before_or_after_its_press_noun(sentence, names):
    assert outlet_names(sentence) == names


def test_press_review_names_papers_and_no_people():
    text = ("Vestnik Rynka business daily writes that the plant will double its output. The choice of site is "
            "still open, the paper says.\n\nAccording to Die Abendpost, the cabinet met on Tuesday. The Lakeside "
            "Monitor called the plan \u201ca gamble\u201d. The plan is late, said Olaf Brenning in the Lakeside "
            "Monitor.")
    art = one_article(text, outlet="Test Outlet")
    empty = h.load_figures().iloc[0:0]
    q = h.quotes(art, empty)
    assert [(r.speaker, r.affiliation) for r in q.itertuples()][:2] == [("Vestnik Rynka", "media")] * 2
    found = h.discover_names(h.sentences(art), empty, q)
    assert set(found.candidate) == {"Olaf Brenning"}
    assert outlets.press_names(h.sentences(art)) >= {("x", "Vestnik Rynka"), ("x", "Die Abendpost"),
                                                      ("x", "Lakeside Monitor")}


@pytest.mark.parametrize("sentence, names", [
    ("The business newspaper \u201cDelovoy Vestnik\u201d said that orders rose.", ["Delovoy Vestnik"]),
    ("Die Abendpost warned that the talks were over.", ["Die Abendpost"]),
    ("Die Linke warned that the talks were over.", []),      # a party, no paper
    ("The tabloid claims that the port was sold.", []),      # "The" names nothing
])
def test_outlet_named_in_quotation_marks_or_by_a_foreign_article(sentence, names):
    assert outlet_names(sentence) == names


def test_statement_before_the_paper_says():
    assert rows("The weekly \u201cOgonyok Severa\u201d argued that the launchers were already in place. The "
                "deployment began last year, the weekly says.",
                "Die Abendpost warned that the talks were over. The cabinet had been told in June, the paper "
                "recalls.") == [
        ("Ogonyok Severa", "indirect", "argued", "the launchers were already in place"),
        ("Ogonyok Severa", "indirect", "said", "The deployment began last year"),
        ("Die Abendpost", "indirect", "warned", "the talks were over"),
        ("Die Abendpost", "indirect", "recalled", "The cabinet had been told in June"),
    ]


def test_press_noun_subjects_present_tense_and_journalists_of_a_paper():
    assert rows("The Solway Courant leads with the port. Ada Krane of the Solway Courant said that the port "
                "was sold. The broadcaster NRK Sor reported that the cabinet met twice. The broadcaster "
                "observes that the ministers were divided. The tabloid concedes that nobody has seen the "
                "contract.") == [
        ("Ada Krane", "indirect", "said", "the port was sold"),
        ("NRK Sor", "indirect", "reported", "the cabinet met twice"),
        ("NRK Sor", "indirect", "observed", "the ministers were divided"),
        ("NRK Sor", "indirect", "conceded", "nobody has seen the contract"),
    ]


def test_calls_in_the_present_and_a_paper_naming_its_own_piece():
    assert rows("Le Veilleur runs a long piece on the port. Le Veilleur's editorial calls the sale \u201ca gamble "
                "with our coast\u201d.",
                "The Solway Courant, a Dumfries daily, calls its editorial \u201cSmall print\u201d.") == [
        ("Le Veilleur", "mixed", "called", "a gamble with our coast"),
    ]
    assert outlets.names_own_piece("called", "its editorial \u201cSmall print")
    assert not outlets.names_own_piece("called", "the sale \u201ca gamble")
    assert not outlets.names_own_piece("said", "its editorial board had met")


@pytest.mark.parametrize("label, outlet, own", [
    ("The Harbour Review", "The Harbour Review", True),
    ("Harbour Review", "The Harbour Review", True),
    ("Review", "The Harbour Review", True),
    ("HR", "The Harbour Review", True),
    ("THR", "The Harbour Review", True),
    # a named interviewer, a reporter, "Q", or a common last word is not the outlet's own name
    ("Mira Holt", "The Harbour Review", False),
    ("Reporter", "The Harbour Review", False),
    ("Q", "The Harbour Review", False),
    ("Times", "The Lakeside Times", False),
])
def test_own_label(label, outlet, own):
    assert outlets.is_own_label(label, outlet) is own


_QA = ["Ilse Varga, a port engineer in Kiel, spoke to The Harbour Review on Tuesday.",
       "{q}: Did the new rules surprise you?", "Varga: No. The draft was public in May.",
       "{q}: The draft changed twice. Was that fair?", "Varga: Only in part. The shippers were told late."]


def test_outlet_own_questions_in_its_interview_are_no_rows():
    q = h.quotes(one_article("\n\n".join(p.format(q="Harbour Review") for p in _QA), outlet="The Harbour Review"))
    assert [(r.speaker, r.text) for r in q.itertuples()] == [
        ("Ilse Varga", "No."), ("Ilse Varga", "The draft was public in May."), ("Ilse Varga", "Only in part."),
        ("Ilse Varga", "The shippers were told late.")]


def test_another_outlets_label_keeps_its_rows():
    # the same page published by another outlet: the Review's questions are reported, its rows stay
    q = h.quotes(one_article("\n\n".join(p.format(q="Harbour Review") for p in _QA), outlet="Lakeside Weekly"))
    assert [(r.speaker, r.text) for r in q.itertuples() if r.speaker != "Ilse Varga"] == [
        ("Harbour Review", "Did the new rules surprise you?"), ("Harbour Review", "The draft changed twice."),
        ("Harbour Review", "Was that fair?")]


def test_paper_named_as_subject_before_the_tabloid_refers_back():
    # a name read as a person one sentence ago is the paper "the tabloid" refers to: "she" is
    # the one whose post the tabloid reproduces, and the paper's initials name the paper
    assert rows("Minister Ilse Varga spoke on Monday.",
                "Dolny Glas takes a harder line. The tabloid reproduces Varga's post from Sunday, in which "
                "she said the rules were a mistake. According to DG, the port \u201casked for it\u201d.") == [
        ("Ilse Varga", "indirect", "said", "the rules were a mistake"),
        ("Dolny Glas", "mixed", "according to", "asked for it"),
    ]


def test_anaphor_outlet():
    assert outlets.anaphor_outlet("Dolny Glas takes a softer line.", "The weekly argues that ...") == "Dolny Glas"
    assert outlets.anaphor_outlet("Dolny Glas takes a softer line.", "The paper's columnist disagrees.") \
        == "Dolny Glas"
    # the paper is one the first sentence names; no press noun as the next subject
    assert outlets.anaphor_outlet("Ana Ruiz writes for the Solway Courant.", "The paper argues that ...") is None
    assert outlets.anaphor_outlet("Ana Ruiz takes a softer line.", "The plan argues nothing.") is None


def test_paper_quotes_someone_as_saying_with_quotation_marks():
    # the quoted words are the person's alone: no row for the paper that relays them
    assert rows("The Solway Courant quotes a source in the harbour office as saying that the cranes had "
                "\u201clong been idle\u201d since May.") == [
        ("unattributed", "mixed", "said", "the cranes had \u201clong been idle\u201d since May"),
    ]
    assert rows("The Solway Courant also quotes shipping analyst Ivo Brandt, a former pilot, as saying: "
                "\u201cThe cranes are sold.\u201d") == [("Ivo Brandt", "direct", "said", "The cranes are sold.")]


def test_relay_within_a_relay_with_a_quotation():
    # the journalist reports the minister's words: two rows, the journalist's over the whole clause
    assert rows("The Solway Courant's port reporter, Ada Krane, recalls that Harbour Minister Ilse Varga told "
                "the Herald in May that the cranes were \u201cpast their best\u201d.") == [
        ("Ada Krane", "mixed", "recalled",
         "Harbour Minister Ilse Varga told the Herald in May that the cranes were \u201cpast their best\u201d"),
        ("Ilse Varga", "mixed", "told", "past their best"),
    ]
    # one speaker only: no second row
    assert rows("Ilse Varga said the cranes were \u201cpast their best\u201d.") == [
        ("Ilse Varga", "mixed", "said", "past their best")]


def test_paper_reminds_readers_that():
    assert rows("The Solway Courant reminds readers that the port closed twice in 2019.") == [
        ("Solway Courant", "indirect", "reminded", "the port closed twice in 2019")]


def test_press_noun_with_adjectives_after_the_statement():
    assert rows("Vestnik Rynka, a business daily, focuses on money. Building new cranes will compete with the "
                "fleet for money, the business daily argued in an editorial.") == [
        ("Vestnik Rynka", "indirect", "argued", "Building new cranes will compete with the fleet for money")]
    # the critics of a paper are not the paper
    assert rows("Vestnik Rynka, a business daily, focuses on money. Critics of the daily said the port was "
                "late.") == []


def test_participle_after_the_main_verb_of_an_unregistered_person():
    assert rows("The Solway Courant leads with the port. The paper's columnist Ada Krane goes further, claiming "
                "that the port had sold its soul in 2019.") == [
        ("Ada Krane", "indirect", "claimed", "the port had sold its soul in 2019")]


@pytest.mark.parametrize("sentence", [
    "The port will need more cranes within two years, Ada Krane, an engineer at the Kiel yard, told reporters.",
    "The port will need more cranes within two years, an engineer at the Kiel yard, Ada Krane, told the newspaper.",
    "The port will need more cranes within two years, Ada Krane told the newspaper.",
])
def test_statement_before_a_subject_with_an_apposition_and_the_one_told(sentence):
    assert rows(sentence) == [("Ada Krane", "indirect", "told", "The port will need more cranes within two years")]


def test_short_opening_phrase_before_an_appositive_subject_is_no_statement():
    assert rows("Within hours, former President Ivo Brandt, now head of the council, weighed in on X, where he "
                "often posts.") == []


def test_appositive_subject_comma():
    before = "The port needs cranes, an engineer at the yard, Ada Krane, "
    assert pressrelays.appositive_subject_comma(before, before.index("Ada")) == before.index(",")
    before = "The port needs cranes, Ada Krane, "
    assert pressrelays.appositive_subject_comma(before, before.index("Ada")) == before.index(",")
    # what stands between the commas is a clause of its own, not a role
    before = "The port needs cranes, the report was clear, Ada Krane, "
    assert pressrelays.appositive_subject_comma(before, before.index("Ada")) == before.index(", Ada")


def test_paper_or_person_noun_of_judging_before_a_colon():
    assert rows("Vestnik Rynka, a business daily, leads with the port. The paper's conclusion: the port will "
                "need more cranes within two years.") == [
        ("Vestnik Rynka", "indirect", "conclusion", "the port will need more cranes within two years")]
    assert rows("Ada Krane spoke on Monday. Krane's verdict: the port will need more cranes within two years.") == [
        ("Ada Krane", "indirect", "verdict", "the port will need more cranes within two years")]
    # a city or a government's "verdict" in a writer's gloss is no statement
    assert rows("Moscow's verdict: the cranes will stay in the port for now.") == []


def test_paper_cites_someones_post_before_a_colon():
    # the words are the post's author's, not the paper's
    assert rows("Ivo Brandt spoke on Monday. Vestnik Rynka, a business daily, leads with the port. The daily cites "
                "Brandt's post on Telegram: \u201cWait for the next step.\u201d") == [
        ("Ivo Brandt", "direct", "said", "Wait for the next step.")]
    assert pressrelays._CITED_PIECE_RE.search("The daily cites Ivo Brandt's post on Telegram: ").group(1) == "Ivo Brandt"


def test_capital_the_inside_a_sentence_is_part_of_the_title():
    assert rows("In Scotland, The Solway Courant, a Dumfries daily, calls its editorial \u201cSmall print\u201d. "
                "The paper writes that the plan listed four ports.") == [
        ("The Solway Courant", "indirect", "wrote", "the plan listed four ports")]
    # at the sentence's start the capital is the sentence's: the title is written without it
    assert rows("The Solway Courant, a Dumfries daily, is calmer. The paper writes that the plan listed four "
                "ports.") == [("Solway Courant", "indirect", "wrote", "the plan listed four ports")]

"""Speakers written with tags and titles around the name (round 15): a party-and-state, age or
seat tag after a name, an abbreviated honorific before it, an apposition with an office, and an
unnamed spokesperson of a body the article named by a common noun. Invented people and bodies;
each expectation checked by hand."""

import re

import pandas as pd

import helpers as h
from inf_coverage.extract import nametags, roleowners
from inf_coverage.ingest.text import _sentence_spans


def rows(*paragraphs):
    articles = pd.DataFrame({"article_id": ["x"], "outlet": ["Test Outlet"], "text": ["\n".join(paragraphs)]})
    return [(r.speaker, r.kind, r.verb, r.text) for r in h.quotes(articles).itertuples()]


def test_comma_tag_kinds():
    assert nametags.comma_tag("D-Calif.")
    assert nametags.comma_tag(" R-S.C.,")
    assert nametags.comma_tag("47")
    assert nametags.comma_tag("Green MP for Kiruna")
    assert nametags.comma_tag("Iceland's envoy to the alliance")
    # a name between the commas is someone, not a tag; nor is a place or a plain phrase
    assert not nametags.comma_tag("Iceland's envoy to the alliance", named="Leif Orr")
    assert not nametags.comma_tag("Dmitri Volk")
    assert not nametags.comma_tag("Umea")
    assert not nametags.comma_tag("2024")


def test_drop_comma_tags_and_bracket_tag_end():
    assert nametags.drop_comma_tags("Rep. Miles Karr, R-Neb., ") == "Rep. Miles Karr "
    assert nametags.drop_comma_tags("Anja Roth, 58, of the Tromso Arctic Institute, ") == \
        "Anja Roth, of the Tromso Arctic Institute, "
    assert nametags.drop_comma_tags("On Monday, the council ") == "On Monday, the council "
    head = "Sen. Olga Brandt (D-Ore.)"
    assert nametags.bracket_tag_end(head) == len("Sen. Olga Brandt")
    assert nametags.bracket_tag_end("Petra Holm (SDP, Lapland)") == len("Petra Holm")
    assert nametags.bracket_tag_end("the Nordic Transit Authority (NTA)") == -1     # a short name stays
    assert nametags.bracket_tag_end("Petra Holm") == -1


def test_mask_title_stops_keeps_length():
    text = 'said Del. Maria Ortez and Cllr. Ben Aho.'
    masked = nametags.mask_title_stops(text)
    assert masked == 'said Del  Maria Ortez and Cllr  Ben Aho.' and len(masked) == len(text)


def test_a_bracket_closed_by_an_abbreviation_ends_no_sentence():
    text = 'Sen. Olga Brandt (D-Ore.) said the launchers were a problem. Rep. Gail Moss (D-Wash.), a member, agreed.'
    assert [text[s:e] for _, s, e in _sentence_spans(text)] == [
        "Sen. Olga Brandt (D-Ore.) said the launchers were a problem.",
        "Rep. Gail Moss (D-Wash.), a member, agreed."]


def test_party_state_age_and_seat_tags_leave_the_name_as_speaker():
    assert rows('Sen. Olga Brandt (D-Ore.) said the launchers were "a problem for every ally."',
                "In a statement, Rep. Miles Karr, R-Neb., said the hearing would go ahead in September.",
                'Tomas Lind, 47, said that the region "must not become a target."',
                "Petra Holm (SDP, Lapland) said the treaty had protected northern towns for decades.",
                'Ewa Sand, Green MP for Kiruna, said the north "needs calm, not launchers."',
                ) == [
        ("Olga Brandt", "mixed", "said", "a problem for every ally."),
        ("Miles Karr", "indirect", "said", "the hearing would go ahead in September"),
        ("Tomas Lind", "mixed", "said", "must not become a target."),
        ("Petra Holm", "indirect", "said", "the treaty had protected northern towns for decades"),
        ("Ewa Sand", "mixed", "said", "needs calm, not launchers."),
    ]


def test_honorifics_and_appositions_around_the_name():
    assert rows("Amb. Leif Orr, Iceland's envoy to the alliance, said the allies would meet on Friday.",
                'Prof. Anja Roth, 58, of the Tromso Arctic Institute, said the moratorium "was always fragile."',
                '"We will not be rushed," said Rep. Gail Moss, D-Maine, a member of the budget panel.',
                'Del. Rosa Iturbe wrote on X that the vote was "long overdue."',
                ) == [
        ("Leif Orr", "indirect", "said", "the allies would meet on Friday"),
        ("Anja Roth", "mixed", "said", "was always fragile."),
        ("Gail Moss", "direct", "said", "We will not be rushed"),
        ("Rosa Iturbe", "mixed", "wrote", "long overdue."),
    ]


def test_an_unnamed_spokesperson_speaks_for_the_body_named_before():
    assert rows("Finland's Interior Ministry said on Monday that border posts would stay open.",
                'The ministry\'s spokeswoman said the decision was "not linked to the missiles."',
                "An interior ministry spokesman later said staff numbers would not change.",
                "A spokesperson for the ministry said a review would follow in the spring.",
                # another ministry than the one named: nobody the reader knows
                "A foreign ministry spokesman said the talks were postponed.",
                ) == [
        ("Finnish Interior Ministry", "indirect", "said", "border posts would stay open"),
        ("Finnish Interior Ministry", "mixed", "said", "not linked to the missiles."),
        ("Finnish Interior Ministry", "indirect", "said", "staff numbers would not change"),
        ("Finnish Interior Ministry", "indirect", "said", "a review would follow in the spring"),
        ("unattributed", "indirect", "said", "the talks were postponed"),
    ]


def test_owner_body_needs_the_bodys_own_words():
    ctx = {"orgs": {"ministry": "Finnish Interior Ministry"}, "last_institution": "Nordic Rail Board"}

    def owner(phrase):
        return roleowners.owner_body(phrase, re.search(r"(?P<head>spokes\w+)", phrase), ctx)

    assert owner("the ministry's spokeswoman") == "Finnish Interior Ministry"
    assert owner("the interior ministry's spokeswoman") == "Finnish Interior Ministry"
    assert owner("a spokesman for the ministry") == "Finnish Interior Ministry"
    assert owner("its spokesman") == "Nordic Rail Board"
    assert owner("the defence ministry's spokeswoman") is None
    assert owner("a government spokesperson") is None      # no body's own word before the noun
    assert owner("the agency's spokesman") is None
    assert roleowners.owner_word("ministry's", ["spokeswoman"])
    assert not roleowners.owner_word("ministry's", ["decision"])


def test_label_before_a_quotation():
    assert nametags.label_before("Sen. Nora Vale (R-Idaho): ") == "Sen. Nora Vale"
    assert nametags.label_before("Cal Dunne, Illinois Democrat: ") == "Cal Dunne"
    # a bracketed tag and then an apposition: a roundup's statement block
    assert nametags.label_before("Rep. Orla Fenwick (D-Vt.), who sits on the fisheries panel: ") == "Rep. Orla Fenwick"
    assert nametags.label_before("Rep. Orla Fenwick (D-Vt.), fisheries, ports, and harbours: ") == ""   # a list
    assert nametags.label_before("Photograph: ") == ""           # one word: a credit, no name
    assert nametags.label_before("The senator told the hall: ") == ""
    assert nametags.label_before("Nora Vale said: ") == ""


def test_a_roundup_of_labelled_statements():
    assert rows("How the delegation reacted",
                'Sen. Nora Vale (R-Idaho): "Moscow has shown its hand. We should show ours."',
                'Cal Dunne, Illinois Democrat: "Arms control is not dead unless we let it die."',
                ) == [
        ("Nora Vale", "direct", None, "Moscow has shown its hand. We should show ours."),
        ("Cal Dunne", "direct", None, "Arms control is not dead unless we let it die."),
    ]


def test_a_title_for_a_body_between_commas_is_no_person():
    assert nametags.comma_tag("Chair of the House Strategic Forces Subcommittee")
    assert not nametags.comma_tag("Chief of Naval Operations Adm. Ann Holt")    # the title names its holder
    assert rows('Representative Owen Hale, Chair of the House Strategic Forces Subcommittee, said the step '
                '"changes nothing for our planning."') == [
        ("Owen Hale", "mixed", "said", "changes nothing for our planning.")]


def test_a_party_and_state_tag_makes_a_us_official():
    articles = pd.DataFrame({"article_id": ["x"], "outlet": ["Test Outlet"], "text": ["\n".join([
        'Sen. Olga Brandt (D-Ore.) said the launchers were "a problem for every ally."',
        '"We should have seen this earlier," Rep. Leo Grant, R-S.C., said in a statement on Friday.',
        'Petra Holm (SDP, Lapland) said the treaty had protected northern towns for decades.'])]})
    assert [(r.speaker, r.affiliation) for r in h.quotes(articles).itertuples()] == [
        ("Olga Brandt", "us_official"), ("Leo Grant", "us_official"), ("Petra Holm", "unknown")]


def test_a_press_office_speaks_for_its_body():
    assert rows("Estonia's Foreign Ministry said on Monday it had summoned the ambassador.",
                'The ministry\'s press office said the ambassador "was handed a note of protest."',
                "The Latvian Interior Ministry press service said the checks had ended.",
                ) == [
        ("Estonian Foreign Ministry", "indirect", "said", "on Monday it had summoned the ambassador"),
        ("Estonian Foreign Ministry", "mixed", "said", "was handed a note of protest."),
        ("Latvian Interior Ministry", "indirect", "said", "the checks had ended"),
    ]
    assert roleowners.owner_word("ministry's", ["office", "press"])


def test_a_joint_statement_of_tagged_lawmakers_is_each_ones():
    assert nametags.drop_comma_tags("Sen. Ada Pryce, D-Del., and Sen. Ray Tull, R-Kan., ") == \
        "Sen. Ada Pryce and Sen. Ray Tull "
    assert rows('Sens. Ada Pryce (D-Del.) and Ray Tull (R-Kan.) said in a joint statement that the pause '
                '"had been a fiction for years."',
                'Sen. Ada Pryce, D-Del., and Sen. Ray Tull, R-Kan., said the Senate "will act."') == [
        ("Ada Pryce", "mixed", "said", "had been a fiction for years."),
        ("Ray Tull", "mixed", "said", "had been a fiction for years."),
        ("Ada Pryce", "mixed", "said", "will act."),
        ("Ray Tull", "mixed", "said", "will act."),
    ]


def test_an_apposition_with_commas_inside_and_the_mp_later():
    words = "Rita Olm, a member of the Seimas Committee on Security, Defence and Trade,".split()
    from inf_coverage.extract.personnames import person_name
    assert nametags.apposition_comma(words, 9, person_name) == 1
    words = "In Vilnius, the envoy, Tom Lund,".split()
    assert nametags.apposition_comma(words, 3, person_name) == 3       # the name between the commas speaks
    assert rows("Rita Olm, a member of the Seimas Committee on Security, Defence and Trade, said on her channel "
                'that the step changed little. "The pause existed only on paper," the MP wrote.') == [
        ("Rita Olm", "indirect", "said", "the step changed little"),
        ("Rita Olm", "direct", "wrote", "The pause existed only on paper"),
    ]

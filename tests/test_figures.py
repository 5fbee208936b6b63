"""Figure registry, mentions and name discovery on the five seed articles.

Expected counts were made by reading every sentence naming a person (checked by hand
against corpus/articles/); pronouns ("he said") are not mentions.
"""

import shutil

import pandas as pd
import pytest

import helpers as h
from conftest import one_article


@pytest.fixture(scope="module")
def figures():
    return h.load_figures()


@pytest.fixture(scope="module")
def mentions(sents, figures):
    return h.figure_mentions(sents, figures)


EXPECTED_COUNTS = {
    ("agg-ryabkov", "Sergei Ryabkov"): 3,      # full, then "Ryabkov emphasized", "according to Ryabkov"
    ("agg-ryabkov", "Vladimir Putin"): 4,      # "Vladimir Putin’s", "Putin announced", "Putin’s vision", "by Putin"
    ("cow-inf-withdrawal", "Vladimir Putin"): 1,
    ("gt-moratorium", "Dmitry Medvedev"): 3,
    ("gt-moratorium", "Donald Trump"): 5,      # full, "Trump's" x2, "President Trump", "accused Trump"
    ("gt-moratorium", "Keith Kellogg"): 1,
    ("gt-moratorium", "Li Haidong"): 4,        # full, then "Li said" x3
    ("gt-moratorium", "Sergei Ryabkov"): 1,    # written "Sergey Ryabkov"
    ("gt-moratorium", "Steve Witkoff"): 1,
    ("gt-moratorium", "Vladimir Putin"): 1,
    ("mt-ban-ends", "Dmitry Medvedev"): 3,     # full, "Medvedev, who served", "Medvedev’s"
    ("mt-ban-ends", "Donald Trump"): 1,
    ("mt-ban-ends", "Sergei Ryabkov"): 1,
    ("mt-experts", "Andrey Baklitskiy"): 2,
    ("mt-experts", "Boris Bondarev"): 2,
    ("mt-experts", "Dara Massicot"): 2,
    ("mt-experts", "Dmitry Peskov"): 1,
    ("mt-experts", "Nikolai Sokov"): 1,
    ("mt-experts", "Pavel Podvig"): 2,
    ("mt-experts", "Vladimir Putin"): 4,       # full, "Putin also", "Putin's statement", "Putin stations"
    ("mt-experts", "Yury Fedorov"): 1,
}


def test_mention_counts_per_figure_per_article(mentions):
    got = mentions.groupby(["article_id", "figure"]).size().to_dict()
    assert got == EXPECTED_COUNTS


def test_offsets_point_at_the_surface(articles, mentions):
    text = articles.set_index("article_id")["text"]
    for r in mentions.itertuples():
        assert text[r.article_id][r.start:r.end] == r.surface


def test_sergey_and_sergei_are_one_person(mentions):
    ryabkov = mentions[mentions.figure == "Sergei Ryabkov"]
    forms = ryabkov.groupby(["outlet", "surface"]).size().to_dict()
    assert forms == {
        ("Global Times", "Sergey Ryabkov"): 1,
        ("The Moscow Times", "Sergei Ryabkov"): 1,
        ("Unnamed aggregator", "Sergei Ryabkov"): 1,
        ("Unnamed aggregator", "Ryabkov"): 2,
    }


def test_surname_only_mentions_resolve_to_the_person_named_earlier(mentions):
    sur = mentions[mentions.form == "surname"]
    got = sur.groupby(["article_id", "figure"]).size().to_dict()
    assert got == {
        ("agg-ryabkov", "Sergei Ryabkov"): 2, ("agg-ryabkov", "Vladimir Putin"): 3,
        ("gt-moratorium", "Dmitry Medvedev"): 2, ("gt-moratorium", "Donald Trump"): 4,
        ("gt-moratorium", "Li Haidong"): 3, ("mt-ban-ends", "Dmitry Medvedev"): 2,
        ("mt-experts", "Andrey Baklitskiy"): 1, ("mt-experts", "Boris Bondarev"): 1,
        ("mt-experts", "Dara Massicot"): 1, ("mt-experts", "Pavel Podvig"): 1,
        ("mt-experts", "Vladimir Putin"): 3,
    }
    li = sur[sur.figure == "Li Haidong"]
    assert list(li.sentence_id) == [17, 21, 23] and set(li.surface) == {"Li"}


def test_possessives_count_and_keep_their_ending(mentions):
    got = set(mentions[mentions.surface.str.contains("['’]s$")][["article_id", "sentence_id", "surface"]]
              .itertuples(index=False, name=None))
    assert got == {
        ("agg-ryabkov", 8, "Vladimir Putin’s"), ("agg-ryabkov", 12, "Putin’s"),
        ("gt-moratorium", 19, "Trump's"), ("gt-moratorium", 26, "Trump's"),
        ("mt-ban-ends", 12, "Medvedev’s"), ("mt-experts", 23, "Putin's"),
    }


def sentences_of(text, aid="x", outlet="X"):
    return h.sentences(one_article(text, aid=aid, outlet=outlet))


def test_a_lone_surname_resolves_only_when_nobody_else_could_be_meant(figures):
    # one registered Putin, nobody else called Putin in the article: "Putin" is him, even
    # before (or without) the full name
    s = sentences_of("Putin spoke first. Later, Vladimir Putin spoke again. Putin left.")
    assert list(h.figure_mentions(s, figures).surface) == ["Putin", "Vladimir Putin", "Putin"]
    assert h.figure_mentions(s, figures, unresolved=True).empty
    # the article names another Putin: a bare "Putin" before any full name stays unresolved,
    # reported rather than dropped
    s = sentences_of("Putin spoke first. Ivan Putin, a farmer, disagreed.")
    assert h.figure_mentions(s, figures).empty
    lost = h.figure_mentions(s, figures, unresolved=True)
    assert list(zip(lost.sentence_id, lost.surface, lost.figure)) == [(1, "Putin", ""), (2, "Putin", "")]
    # "President Trump" with no full name: the title fits the registered role
    s = sentences_of("President Trump spoke. Trump left.")
    assert list(h.figure_mentions(s, figures).figure) == ["Donald Trump", "Donald Trump"]


def test_coreference_does_not_cross_articles(figures):
    # article b names another Putin, so its bare "Putin" cannot lean on article a's full name
    two = pd.concat([sentences_of("Vladimir Putin spoke.", "a"),
                     sentences_of("Putin spoke. Ivan Putin, a farmer, disagreed.", "b")])
    assert list(h.figure_mentions(two, figures).article_id) == ["a"]


def test_names_in_page_furniture_do_not_count(figures):
    raw = ("President Vladimir Putin at a ceremony in Moscow, 2024. Photo: Kremlin Press Service\n"
           "The ministry said nothing.\n"
           "Related article: Putin and Trump to meet\n")
    text, _ = h.clean_text(raw)
    assert text == "The ministry said nothing."
    assert h.figure_mentions(sentences_of(text), figures).empty


def test_registry_is_extended_by_editing_the_csv(tmp_path, figures):
    path = tmp_path / "figures.csv"
    shutil.copy(h.DEFAULT_CORPUS_DIR / "figures.csv", path)
    with open(path, "a", encoding="utf-8") as f:
        f.write("Kaja Kallas,Kaja Kallas,Kallas,EU foreign policy chief,other,Estonia,\n")
    s = sentences_of("Kaja Kallas said so. Kallas's office agreed.")
    assert h.figure_mentions(s, figures).empty
    got = h.figure_mentions(s, h.load_figures(path))
    assert list(zip(got.surface, got.form, got.figure)) == [
        ("Kaja Kallas", "full", "Kaja Kallas"), ("Kallas's", "surname", "Kaja Kallas")]


@pytest.mark.parametrize("edit, message", [
    (lambda df: df.drop(columns=["surname"]), "missing required column(s): surname"),
    (lambda df: df.assign(affiliation_group=df.affiliation_group.where(df.index != 2, "kremlin")),
     "row 4 (figure 'Sergei Ryabkov'): affiliation_group 'kremlin' is not one of"),
    (lambda df: df.assign(aliases=df.aliases.where(df.index != 3, "Dmitry Peskov|Vladimir Putin")),
     "row 5 (figure 'Dmitry Peskov'): alias 'Vladimir Putin' is also listed for 'Vladimir Putin'"),
    (lambda df: pd.concat([df, df.iloc[[0]]], ignore_index=True), "duplicate figure 'Vladimir Putin' in rows 2, 16"),
    (lambda df: df.assign(surname=df.surname.where(df.index != 0, "")), "row 2 (figure 'Vladimir Putin'): column 'surname' is empty"),
])
def test_bad_registry_is_refused_with_file_and_row(tmp_path, edit, message):
    df = pd.read_csv(h.DEFAULT_CORPUS_DIR / "figures.csv", dtype=str, keep_default_na=False)
    edit(df).to_csv(tmp_path / "figures.csv", index=False)
    with pytest.raises(h.CorpusError) as err:
        h.load_figures(tmp_path / "figures.csv")
    assert "figures.csv" in str(err.value) and message in str(err.value)


# -- discovery --------------------------------------------------------------

def gold():
    return set(pd.read_csv(h.DEFAULT_CORPUS_DIR / "names_gold.csv").name)


def test_discovery_scores_compare_names_without_case():
    # a credit printed in capitals is one name whether a coder lists it as printed or title-cased
    found = pd.DataFrame({"candidate": ["Mirela Dancu", "Oskar Lindqvist", "Quay Road"]})
    scores = h.discovery_scores(found, {"MIRELA DANCU", "Oskar Lindqvist", "Tobias Werrington"})
    assert (scores["found"], scores["right"], scores["gold"]) == (3, 2, 3)
    assert scores["false_positives"] == ["Quay Road"] and scores["missed"] == ["Tobias Werrington"]


def test_discovery_with_an_empty_registry_finds_every_person(sents, figures):
    found = h.discover_names(sents, figures.iloc[0:0])
    scores = h.discovery_scores(found, gold())
    # "Carnegie Endowment for International Peace" continues an organisation's name: no person
    assert (scores["found"], scores["right"], scores["gold"]) == (15, 15, 15)
    assert scores["recall"] == 1.0 and scores["precision"] == 1.0
    first = found.drop_duplicates("candidate")   # first occurrence, in article order
    cues = dict(zip(first.candidate, first.cue))
    assert cues["Dmitry Peskov"] == "role before"          # "Kremlin spokesman Dmitry Peskov"
    assert cues["Nikolai Sokov"] == "appositive"           # "Nikolai Sokov, a former Soviet ..."
    assert cues["Pavel Podvig"] == "appositive"            # "Pavel Podvig, director of ..."
    assert cues["Dmitry Medvedev"] == "title before"       # "... Security Council Dmitry Medvedev"


def test_discovery_with_the_registry_leaves_only_unknown_names(sents):
    assert h.discover_names(sents).empty        # every person of the seed corpus is registered


def test_countries_institutions_weapons_are_not_people(figures):
    s = sentences_of("President Joe Biden said the United States would act. The United States said no. "
                     "The analyst Pavel Dorn of the Centre for Strategic Restraint said so. The Dark Eagle was tested.",
                     "Officials said the missile was delivered by Dark Eagle crews.")
    assert set(h.discover_names(s, figures).candidate) == {"Joe Biden", "Pavel Dorn"}


def test_discovery_finds_accented_names_agents_and_unregistered_speakers(figures):
    s = sentences_of("The treaty was signed in 1987 by Ronald Reagan and Mikhail Gorbachev. "
                     "Rasa Vainiūtė explained the stakes. Jim Calder put it bluntly.")
    found = h.discover_names(s, figures)
    assert list(zip(found.candidate, found.cue)) == [("Ronald Reagan", "after by"), ("Mikhail Gorbachev", "coordinated"),
                                                     ("Rasa Vainiūtė", "speech verb after")]
    quotes = pd.DataFrame({"article_id": ["x"], "speaker": ["Jim Calder"]})
    assert "Jim Calder" in set(h.discover_names(s, figures, quotes).candidate)


def test_discovery_finds_a_speaker_named_before_a_speech_verb(figures):
    s = sentences_of("Greta Holm said the talks failed. Ola Berg, an analyst at the institute, agreed.")
    found = h.discover_names(s, figures)
    assert list(zip(found.candidate, found.cue)) == [("Greta Holm", "speech verb after"),
                                                     ("Ola Berg", "appositive")]


def discovered(text, quotes=None):
    found = h.discover_names(sentences_of(text), h.load_figures().iloc[0:0], quotes)
    return list(zip(found.candidate, found.cue, found.cue_word))


def test_discovery_reads_titles_inside_a_run_hyphenated_and_plural():
    # the name is what follows the last title of a run; "then-", "ex-" and a plural title count
    assert discovered("Alliance Deputy Secretary-General Tove Lindahl met reporters. "
                      "Coastal District Representative Noor Faisal Rahimi spoke at the rally. "
                      "Retired Rear Admiral Jonas Brekke Aas was blunt. The ex-Chancellor Ruth Amsel stayed "
                      "silent. Governors Ana Ruiz and Li Wen signed the pact.") == [
        ("Tove Lindahl", "title before", "Secretary-General"),
        ("Noor Faisal Rahimi", "title before", "Representative"),
        ("Jonas Brekke Aas", "title before", "Admiral"),
        ("Ruth Amsel", "role before", "ex-Chancellor"),
        ("Ana Ruiz", "title before", "Governors"),
        ("Li Wen", "coordinated", "and")]


def test_discovery_takes_no_article_place_or_organisation_for_a_title():
    # "The", "A" and "U.S." lead runs that are no person; a run ending in an organisation's head
    # ("Command", "Forum") is an organisation; an appositive needs its article or role word
    assert discovered("The Northern Herald, which backs the government, ran the story. A Cold Front swept "
                      "in. U.S. Space Command said nothing. Edda Rask, who consults for the Lakeside Forum, "
                      "told the paper nothing new. Talks in Port Verin, said the envoy, were slow.") == [
        ("Edda Rask", "who clause", "who")]


def test_discovery_finds_hosts_bios_contributors_and_relative_clauses():
    assert discovered("Good evening, I'm Carla Moretti and this is the late bulletin. Olu Adeyemi, who "
                      "chaired the last review conference, was not surprised. Hanne Vik is a visiting "
                      "fellow at a Nordic think tank. Meridian's Kofi Mensah contributed reporting.") == [
        ("Carla Moretti", "self-introduction", "I'm"), ("Olu Adeyemi", "who clause", "who"),
        ("Hanne Vik", "is a role", "fellow"), ("Kofi Mensah", "speech verb after", "contributed")]


def test_discovery_joins_a_name_coordinated_with_a_person():
    # after a byline's name (a dateline in capitals does not belong to it), and before the
    # surname of a person the article names
    assert discovered("By Ines Duarte and Bram Kools LISBON, May 2 - The vote was close. Yara Haddad said "
                      "the talks would resume. The meeting between Tomas Berg and Haddad ended early.") == [
        ("Ines Duarte", "after by", "by"), ("Bram Kools", "coordinated", "and"),
        ("Yara Haddad", "speech verb after", "said"), ("Tomas Berg", "coordinated", "and")]


def test_discovery_reads_a_transcripts_repeated_speaker_label():
    # a label in capitals that opens two turns is a name; one that opens a single line is not
    assert discovered("NORA BLY: What changed this week? ODD TEMPLE: Very little. NORA BLY: Thank you. "
                      "BREAKING NEWS: markets fell.") == [
        ("Nora Bly", "speaker label", ""), ("Nora Bly", "speaker label", "")]


def test_discovery_drops_speakers_that_are_no_whole_persons_name():
    # part of a name already found, a conjunction before a surname, a medium's name, a share price
    quotes = pd.DataFrame({"article_id": ["x"] * 4,
                           "speaker": ["Hadi Rostami", "When Ivanov", "Baltic Pulse", "Norvik Marine"]})
    assert discovered("Senator Leila Hadi Rostami said she was worried. When Ivanov spoke, the room "
                      "listened. The channel Baltic Pulse, which has many readers, cheered. Norvik Marine "
                      "added 3.5% on the day.", quotes) == [("Leila Hadi Rostami", "role before", "Senator")]



def test_discovery_reads_a_title_before_a_portfolio_and_name_forms_with_prefixes():
    # "<title> of <portfolio>" before the name; "Mc", "O'" and a hyphenated given name whose second
    # part is lower case ("Ha-eun"), but not "War-era"
    assert discovered("Vice-Minister of Trade Ilona Varga told reporters the plan stood. Kang Ha-eun, a "
                      "researcher at the institute, disagreed. Mr Rory McAllister said nothing. "
                      "Niamh O'Rourke, who chairs the panel, nodded. A Cold War-era Pact Ending was near.") == [
        ("Ilona Varga", "title before", "Vice-Minister"), ("Kang Ha-eun", "appositive", "researcher"),
        ("Rory McAllister", "title before", "Mr"), ("Niamh O'Rourke", "who clause", "who")]


def test_discovery_takes_no_place_for_a_person():
    # a nationality before a run is no title; a run or speaker that opens with a compass word is a
    # place; a speaker found only as a seat in brackets after a name is no person
    quotes = pd.DataFrame({"article_id": ["x"] * 3, "speaker": ["North Valdoria", "Glen Morrow", "Ada Finch"]})
    assert discovered("The Chinese Lantern Festival drew crowds. North Valdoria said it would reply. "
                      "Ms Ada Finch (Kelso and Glen Morrow) (Lab): We asked twice.", quotes) == [
        ("Ada Finch", "title before", "Ms")]



def furniture_found(raw, outlet="The Harbour Examiner"):
    """Discovery with an empty registry on one page given as raw text, its furniture read too:
    ``(candidate, cue, cue_word, where)`` of the rows not from the story text."""
    from inf_coverage.ingest.cleaning import clean_text
    page = pd.DataFrame({"article_id": ["x"], "outlet": [outlet], "raw_text": [raw], "text": [clean_text(raw)[0]]})
    found = h.discover_names(h.sentences(page), h.load_figures().iloc[0:0], None, page)
    assert set(found.columns) >= {"candidate", "where"}
    return [tuple(r) for r in found.loc[found["where"] != "story", ["candidate", "cue", "cue_word", "where"]].values]


STORY = ("Ferry operators raised fares by four per cent on Monday, the third rise this year, and said fuel "
         "costs had left them no choice.\nPassengers on the northern route said the rise was steep and that the "
         "timetable had not improved in years.\n")


def test_discovery_reads_bylines_credits_and_contacts_in_the_furniture():
    # "by" at a line's start (a role between, a second name after "and") or after a credit's verb,
    # "in <place>" after a name; a label with a colon; never "Sponsored by"; the outlet's lines name nobody
    raw = ("The Harbour Examiner\nFerry fares rise for the third time this year\n"
           "By Ines Duarte and Bram Kools, transport correspondents\nTue 3 Jun 2025 08:10\n" + STORY
           + "(Reporting by Sanna Lind in Oslo and Piet Hoorn in Bergen; Editing by Mei Zhang)\n"
           "Sponsored by Acme Holdings\nPress contact: Agnes Moll, spokesperson\n"
           "\u00a9 2025 The Harbour Examiner. All rights reserved.\n")
    assert furniture_found(raw) == [
        ("Ines Duarte", "credit by", "by", "byline"), ("Bram Kools", "credit by", "by", "byline"),
        ("Sanna Lind", "credit by", "Reporting by", "byline"), ("Piet Hoorn", "credit by", "Reporting by", "byline"),
        ("Mei Zhang", "credit by", "Editing by", "credit"), ("Agnes Moll", "label", "Press contact", "contact")]


def test_discovery_reads_signatures_photo_credits_and_author_lines():
    # a name line under prose with its place (a letter), a photographer before an agency; a page
    # header's author (a title, a role and a date below) and the bio; a dateline, a desk or an outlet
    # above a date is no person
    letters = ("Millbrook Gazette\nLetters to the editor\nKeep the night bus\nThe night bus is the only way "
               "many shift workers get home, and cutting it would leave them stranded after midnight.\n"
               "Edwin Tarr, Millbrook\n\u00a9 Sofia Brandt / Gazette archive\nPort Verin, 5 June 2025\n"
               "Weather Desk\nTue 3 Jun 2025\n")
    assert furniture_found(letters, "Millbrook Gazette") == [
        ("Edwin Tarr", "signature line", "", "signature"), ("Sofia Brandt", "photo credit", "", "credit")]
    header = ("Northgate Policy Review\nCommentary\nWhy the ferry deal matters\nDr Ilse Varga\n"
              "Senior Fellow, Transport Programme\n7 June 2025\n" + STORY
              + "Ilse Varga is a senior fellow at the Northgate Policy Review.\nLakeside Courier\n8 June 2025\n")
    assert furniture_found(header, "Northgate Policy Review") == [
        ("Ilse Varga", "name line", "", "byline"), ("Ilse Varga", "is a role", "fellow", "author box")]


def test_discovery_reads_an_e_mails_sender_and_its_signatures():
    # a sender whose address holds the name; the forwarder's name under their note; the sender's
    # signature under a sign-off in their first name; a list's address names nobody
    raw = ("Priya, see point two before the call with the port authority.\nOmar Castell\n\n"
           "---------- Forwarded message ---------\nFrom: Lucia Ferrand <l.ferrand@northgate.example>\n"
           "Subject: Morning note\nTo: Northgate Clients <clients@northgate.example>\n\nGood morning,\n\n"
           + STORY + "\nBest,\nLucia\n\nLucia Ferrand\nSenior Analyst, Transport\nNorthgate Research\n")
    assert furniture_found(raw, "Northgate Research") == [
        ("Omar Castell", "signature line", "", "signature"), ("Lucia Ferrand", "mail header", "", "contact"),
        ("Lucia Ferrand", "signature line", "", "signature")]


def test_discovery_reads_bylines_in_capitals_and_with_a_place_contacts_and_forwarded_names():
    # a byline in capitals; a role glued after a credited name; "X in <place>" above a date; a
    # name under a contact heading; a name with no cue whose surname the story uses for a person
    # ("According to Castell"), but not a wire's advisory ("Adds Castell comment")
    raw = ("The Harbour Examiner\n(Adds Castell comment, background)\nBY INES DUARTE AND BRAM KOOLS\n"
           "By Sanna Lind Foreign Editor\nBy OLA BERG and NINA DAHL\nPiet Hoorn in Bergen\nTue 3 Jun 2025 08:10\n"
           "Forwarded from Omar Castell | Harbour Watch\n" + STORY
           + "According to Castell, passengers had complained for years about the timetable and the fares.\n"
           "Media contact:\nAgnes Moll\n+47 555 0100\n")
    assert furniture_found(raw) == [
        ("Ines Duarte", "credit by", "by", "byline"), ("Bram Kools", "credit by", "by", "byline"),
        ("Sanna Lind", "credit by", "by", "byline"), ("Ola Berg", "credit by", "by", "byline"),
        ("Nina Dahl", "credit by", "by", "byline"), ("Piet Hoorn", "name line", "", "byline"),
        ("Omar Castell", "surname in story", "", "furniture"), ("Agnes Moll", "contact line", "", "contact")]


def test_discovery_reads_more_credit_verbs_and_a_signature_left_in_the_story():
    # "Story by", "Updated by", "Contributors:"; a letter's signature with a two-part place that
    # cleaning keeps as a story line is read as a signature all the same
    raw = ("Millbrook Gazette\nStory by Ilona Varga\nUpdated by Tomas Berg\nContributors: Hana Ruiz\n"
           "Keep the night bus\nThe night bus is the only way many shift workers get home, and cutting it "
           "would leave them stranded after midnight.\nEdwin Tarr, Millbrook, Ont.\n")
    assert furniture_found(raw, "Millbrook Gazette") == [
        ("Ilona Varga", "credit by", "Story by", "byline"), ("Tomas Berg", "credit by", "Updated by", "byline"),
        ("Hana Ruiz", "label", "Contributor", "credit"), ("Edwin Tarr", "signature line", "", "signature")]


def test_discovery_reads_hosts_and_guests_and_takes_no_agency_or_page_control_for_a_person():
    # a label with several names and an honorific; agencies and studios credited like a person,
    # "Powered by", tag and menu lines name nobody; a photographer credited with "Photo by" does
    raw = ("The Long Range\nEpisode 212: The missile gap\nHosts: Ines Duarte and Bram Kools\n"
           "Guest: Dr Sanna Lind\nProduced by Kestrel Audio\nBy Al Jazeera and news agencies\n" + STORY
           + "Photo by Anna Keller on Unsplash\nPowered by Disqus\nBy Agence France-Presse\n"
           "Related Topics\nRussia  Nato  Nuclear weapons\nMost Popular\nBack to Top\n")
    assert furniture_found(raw, "The Long Range") == [
        ("Ines Duarte", "label", "Host", "credit"), ("Bram Kools", "label", "Host", "credit"),
        ("Sanna Lind", "label", "Guest", "credit"), ("Anna Keller", "credit by", "Photo by", "credit")]


def test_discovery_takes_no_heading_of_common_words_for_a_name():
    # words the page writes in lower case ("harbour", "lights", "response") make a masthead above a
    # date or a crosshead under prose a heading, not an author or a signature
    raw = ("Harbour Lights\n5 June 2025\nThe harbour lights were switched off early on Monday after the port "
           "authority said the range of the cameras had been cut.\nPassengers on the northern route said the "
           "gate had not opened in years, in response to complaints.\nNordic Response\n" + STORY
           + "Range Gate\n6 June 2025\n")
    assert furniture_found(raw, "The Harbour Examiner") == []


def test_discovery_without_the_articles_reads_the_story_text_only(articles, sents, figures):
    # the notebook's call passes no articles: its candidates, all from the story text, are unchanged
    found = h.discover_names(sents, figures.iloc[0:0])
    assert set(found["where"]) == {"story"} and found.candidate.nunique() == 15
    # with them, the seed's furniture names nobody, and a story line that opens with a name and
    # its role ("Li Haidong, a professor at ...") is no author's line: the same rows
    with_furniture = h.discover_names(sents, figures.iloc[0:0], None, articles)
    pd.testing.assert_frame_equal(with_furniture, found)


# -- tables the notebook shows ----------------------------------------------

def test_mentions_by_outlet_rates_use_the_outlets_words(articles, mentions):
    counts = h.mentions_by_outlet(mentions, articles).set_index(["outlet", "figure"])
    mt_putin = counts.loc[("The Moscow Times", "Vladimir Putin")]
    # 4 mentions, all in mt-experts; The Moscow Times has 312 + 945 words in two articles
    assert (mt_putin.mentions, mt_putin.articles, mt_putin.outlet_articles, mt_putin.outlet_words) == (4, 1, 2, 1257)
    assert mt_putin.per_1000_words == round(4000 / 1257, 2) == 3.18
    gt_trump = counts.loc[("Global Times", "Donald Trump")]
    assert (gt_trump.mentions, gt_trump.per_1000_words) == (5, 7.30)
    assert counts.mentions.sum() == len(mentions) == 44


def test_first_mentions(articles, mentions):
    first = h.first_mentions(mentions, articles).set_index(["article_id", "figure"])
    assert first.loc[("gt-moratorium", "Li Haidong"), "first_sentence"] == 12
    assert first.loc[("gt-moratorium", "Li Haidong"), "position"] == round(12 / 27, 2)
    assert first.loc[("mt-experts", "Vladimir Putin"), "first_sentence"] == 16
    assert first.loc[("agg-ryabkov", "Vladimir Putin"), "surface"] == "Vladimir Putin’s"
    assert len(first) == 21


def test_cooccurrences_name_their_sentences(mentions):
    pairs = h.cooccurrences(mentions)
    got = [tuple(r) for r in pairs[["figure_a", "figure_b", "outlet", "sentences", "where"]].itertuples(index=False)]
    assert got == [
        ("Dmitry Medvedev", "Donald Trump", "Global Times", 2, "gt-moratorium:1, gt-moratorium:20"),
        ("Dara Massicot", "Vladimir Putin", "The Moscow Times", 1, "mt-experts:25"),
        ("Dmitry Medvedev", "Donald Trump", "The Moscow Times", 1, "mt-ban-ends:12"),
        ("Donald Trump", "Keith Kellogg", "Global Times", 1, "gt-moratorium:19"),
        ("Donald Trump", "Steve Witkoff", "Global Times", 1, "gt-moratorium:19"),
        ("Keith Kellogg", "Steve Witkoff", "Global Times", 1, "gt-moratorium:19"),
    ]


def test_mention_sentences_show_the_sentences_behind_a_count(sents, mentions):
    got = h.mention_sentences(mentions, sents, "Sergei Ryabkov", "Unnamed aggregator")
    assert list(zip(got.sentence_id, got.surfaces)) == [(2, "Sergei Ryabkov"), (3, "Ryabkov"), (5, "Ryabkov")]
    assert got.text.iloc[2].startswith("This withdrawal, according to Ryabkov, compelled Moscow")


def test_names_gold_knows_which_articles_it_speaks_for(articles, tmp_path):
    """The seed list covers the five seed articles. On a corpus it was not written for (articles
    removed, or added since), it says so instead of scoring names it never looked for."""
    gold = h.DEFAULT_CORPUS_DIR / "names_gold.csv"
    seed = h.names_gold(gold, articles)
    assert (seed["covered"], seed["stale"], seed["uncovered"]) == (sorted(articles.article_id), [], [])
    assert len(seed["names"]) == 15
    # mt-experts dropped from the corpus: its seven names are stale, the rest still scored
    rest = articles[articles.article_id != "mt-experts"]
    four = h.names_gold(gold, rest)
    assert four["stale"] == ["mt-experts"] and four["uncovered"] == []
    assert four["stale_names"] == ["Andrey Baklitskiy", "Boris Bondarev", "Dara Massicot", "Dmitry Peskov",
                                   "Nikolai Sokov", "Pavel Podvig", "Yury Fedorov"]
    assert len(four["names"]) == 8 and "Vladimir Putin" in four["names"]
    # left out of the analysis set but still in the corpus: not stale, just not scored
    assert h.names_gold(gold, rest, articles.article_id)["stale"] == []
    # an article added after the list was written: uncovered
    added = pd.concat([articles[["article_id"]], pd.DataFrame({"article_id": ["new-one"]})])
    assert h.names_gold(gold, added)["uncovered"] == ["new-one"]
    bad = tmp_path / "names_gold.csv"
    bad.write_text("person\nX\n", encoding="utf-8")
    with pytest.raises(h.CorpusError, match="names_gold.csv: no 'name' column"):
        h.names_gold(bad, articles)


def test_discovery_reads_labelled_photo_credits_long_date_lines_handles_and_an_editor_in_chief():
    # a photographer named first in a labelled credit ("Photo: X / Agency", "(photo credit: X/Pool
    # via Agency)"), but no agency; an author's line over a date line that starts with its verb
    # however long; a post's author over a handle that spells the surname, not over another's
    # handle; an "Editor-in-chief:" label; an agency named in another language is no photographer
    raw = ("The Harbour Examiner\nFerry fares rise again\nOrla Brennick | Agencies\n"
           "Published June 3, 2025 Updated June 3, 2025 08:10pm\n"
           "Ferries at the northern pier. Photo: Tiago Almeda / Nordfoto\n"
           "(photo credit: Jaro Veselsky/Pool via Harbour Wire)\nPhoto: Archive / Bildbank Nord\n"
           "Photo: Agenzia Porto / Archivio\n" + STORY
           + "Dunja Mavric\n@dmavric.bsky.social\nKelso Marr\n@ferrywatch.bsky.social\n"
           "Fares are up again, and the timetable is the same.\n"
           "Harbour Examiner \u00b7 Editor-in-chief: Maren Solvik\n")
    assert furniture_found(raw) == [
        ("Orla Brennick", "name line", "", "byline"), ("Tiago Almeda", "photo credit", "", "credit"),
        ("Jaro Veselsky", "photo credit", "", "credit"), ("Dunja Mavric", "name line", "", "byline"),
        ("Maren Solvik", "label", "Editor-in-chief", "credit")]


def test_discovery_reads_a_speaker_introduced_in_capitals_over_a_transcripts_surname_labels():
    # "ANNA X, NEWS HOST" names a person when the transcript labels two turns or more with the
    # surname alone; a rank before the name is no part of it; a heading in capitals whose last
    # word labels no turn is no name
    raw = ("The Harbour Examiner | Transcripts\nHARBOUR TONIGHT\n\nSIGNE TORVIK, EXAMINER HOST\n"
           "Good evening. The ferry levy is back.\n\nMAJOR ODD BRATTLI, RETIRED PILOT\n"
           "It was always coming.\n\nTORVIK\nWhy now?\n\nBRATTLI\nBecause of the budget.\n\n"
           "TORVIK\nThank you.\n\nBRATTLI\nA pleasure.\n\nFERRY FARES, WINTER TIMETABLE\n")
    found = [f for f in furniture_found(raw) if f[1] == "name in capitals"]
    assert found == [("Signe Torvik", "name in capitals", "", "furniture"),
                     ("Odd Brattli", "name in capitals", "", "furniture")]

def test_discovery_reads_an_image_label_and_a_photographer_after_an_agency_in_capitals():
    # "Image:" labels a photo credit as "Photo:" does; an agency in capitals may stand between the
    # label and the photographer ("Photo: NPA / X")
    raw = ("The Harbour Examiner\nFerry fares rise again\n"
           "Image: Wenke Dalby/Harbour Wire/Archive\n"
           "The pier at dusk. Photo: HWA / Ivo Marek\n" + STORY)
    assert furniture_found(raw) == [("Wenke Dalby", "photo credit", "", "credit"),
                                    ("Ivo Marek", "photo credit", "", "credit")]


def test_discovery_strips_a_time_word_or_the_place_an_office_is_of_from_a_name():
    # a sentence's time word glued before a name ("Yesterday"); after "<title> of" with no
    # article, the first of three words is the place the office is of; after "of the" a body
    assert discovered("Yesterday Radomir Tesch told reporters the deal was dead. Talks were hosted by the "
                      "President of Valdoria Ottokar Brenn in the capital. The Chief of the Harbour Records "
                      "Office, a civil servant, kept the minutes.") == [
        ("Radomir Tesch", "speech verb after", "told"), ("Ottokar Brenn", "role before", "President")]


def test_discovery_reads_a_particle_inside_a_name_in_the_story():
    # "van", "da" between the capitalised words belong to the name; no name opens with a particle
    assert discovered("Dr Ilke van Houten, a senior fellow at the institute, disagreed. Minister Ana da Costa "
                      "Reis said the talks were over. The port of Vila do Mar was closed.") == [
        ("Ilke van Houten", "title before", "Dr"), ("Ana da Costa Reis", "role before", "Minister")]


def test_discovery_reads_a_chairing_roles_person_in_a_transcript_labels_brackets():
    # "MODERATOR [X]:", "Host (Dr X):", "Minister (X):"; an asking role's brackets name an outlet
    assert discovered("MODERATOR [Anneke Voskuil]: Good morning, we begin now.\nReporter (Astana Herald): "
                      "Will you answer?\nHost (Dr Ivo Marsh): Welcome back.\nMinister (Halvor Dahl): I will "
                      "not answer that.") == [
        ("Anneke Voskuil", "role label", "MODERATOR"), ("Ivo Marsh", "title before", "Dr"),
        ("Ivo Marsh", "role label", "Host"), ("Halvor Dahl", "role label", "Minister")]


def test_discovery_reads_a_students_byline_with_a_class_year_and_no_name_written_surname_first():
    # "X '27, Staff Writer" is an author's line; a page's list of persons that writes a name the
    # story gives as "Odvar Lindqvist" surname first ("Lindqvist Odvar") names nobody new
    raw = ("The Campus Lantern\nOpinion\nWhy the ferry deal matters\nMarit Solvang '27, Staff Writer\n" + STORY
           + "Harbour President Odvar Lindqvist said the fares were fair.\nPersons\nLindqvist Odvar\n"
             "Publication date: June 3, 2025, 16:45\n")
    assert furniture_found(raw, "The Campus Lantern") == [("Marit Solvang", "name line", "", "byline")]


def test_discovery_reads_an_askers_introduction_and_takes_no_outlet_for_a_speaker():
    # "QUESTION: X Y, <outlet>." or, after "Q: Thank you.", the next sentence: the asker is a
    # person, the outlet after the comma is none, not even as a quotation's speaker
    text = ("MODERATOR [Anneke Voskuil]: Next question, Lakeside Public Radio.\nQUESTION: Thank you. Ruben Okoro, "
            "Lakeside Public Radio. Is the deal dead?\nQ: Lina Sarvik, Nordkyst Avis. Will you answer?\n"
            "Pelle Strand, Harbour Watch. The minister left.")
    quotes = pd.DataFrame({"article_id": ["x", "x"], "speaker": ["Lakeside Public Radio", "Nordkyst Avis"]})
    assert discovered(text, quotes) == [
        ("Anneke Voskuil", "role label", "MODERATOR"), ("Ruben Okoro", "asker introduction", "QUESTION"),
        ("Lina Sarvik", "asker introduction", "Q")]


def test_discovery_reads_a_rosters_lines_with_a_courtesy_title():
    # dot leaders, then "Mr."/"Ms." and the name as the record gives it, a surname alone too; a
    # table of contents' line with no courtesy title names nobody
    raw = ("Harbour Council\nRecord of the 41st meeting\n\nChair: Ms. Edda Rask\nMembers: Northport . . . . . . . "
           ". . Mr. Okonjo-Vale\nSouthmere . . . . . . . . . . . . Ms. Liv Aasen\nContents . . . . . . . . . . 3\n\n"
           + STORY)
    assert furniture_found(raw, "Harbour Council") == [
        ("Edda Rask", "title before", "Ms.", "furniture"), ("Okonjo-Vale", "roster line", "Mr", "furniture"),
        ("Liv Aasen", "roster line", "Ms", "furniture")]


def test_discovery_ends_a_name_at_its_possessive():
    # "Spokesperson X Y's Weekly Briefing": the name is what comes before the possessive; "Here's"
    # is "here is", no name's end
    assert discovered("Harbour Spokesperson Ines Valcourt's Weekly Briefing was cut short. An official "
                      "page of the Harbour Board Here's How You Know was shown.") == [
        ("Ines Valcourt", "role before", "Spokesperson")]


def test_discovery_reads_an_author_line_above_a_desk_or_a_long_role_line():
    # a name above its newsroom desk; a commenter's name above a role line however long, the role
    # before its first comma; a heading above a sentence is no author
    raw = ("The Harbour Examiner\nFerry fares rise again\nSolveig Andenes\nTransport Desk\n" + STORY
           + "Comments\nBirk Halvorsen \u2022 2nd\nSenior Adviser, Directorate for Ports and Coastal Shipping, "
             "Ministry of Transport (Norway)\nThe fares have risen three times.\nNordic Response\n"
             "Transport Minister Ola Brun said the rise was steep.\n")
    assert furniture_found(raw) == [("Solveig Andenes", "name line", "", "byline"),
                                    ("Birk Halvorsen", "name line", "", "byline")]


def test_discovery_reads_a_name_set_off_by_commas_after_a_title_and_what_it_is_of():
    # "the Prime Minister of the Republic of X, Y Z, will ...": the title before the comma is the
    # cue; a list of places before a name is none
    assert discovered("The Prime Minister of the Republic of Valdoria, Ottokar Brenn, will visit next week. "
                      "Talks in Oslo, Bergen and Tromsø ended. In Port Verin, Nils Aas left early.") == [
        ("Ottokar Brenn", "title appositive", "Minister")]


def test_discovery_reads_a_verbatim_records_turn_labels():
    # a name, what the speaker speaks as (after a comma or in brackets), a full stop and a dash:
    # a record's turn label, read when the record gives two or more; a lone one is not read
    text = ("Chair. \u2013 We turn to the harbour levy.\nOddny Kvalheim, on behalf of the Coastal Group. \u2013 "
            "Madam Chair, the levy is too high.\nBastien van Loo (Greens). \u2013 Chair, I disagree.\n"
            "Ruta Paleckis \u2013 Thank you, Chair.")
    assert discovered(text) == [("Oddny Kvalheim", "turn label", ""), ("Bastien van Loo", "turn label", ""),
                                ("Ruta Paleckis", "turn label", "")]
    assert discovered("Oddny Kvalheim, on behalf of the Coastal Group. \u2013 Madam Chair, the levy is too high.") \
        == []


def test_discovery_reads_a_records_turn_labels_with_the_family_name_first_in_capitals():
    # a translated record's labels give the family name first, in capitals: the speaker's own
    # label with a party in brackets, or a role with the name first in its brackets; read as
    # written when the record gives two or more; a lone label and a role with an outlet are not
    text = ("\u25cbChair (HOSODA Emiko): The session is open.\n\u25cbKUROBE Sota (Harbour Party): "
            "Thank you, Chair. The ferry levy is too high.\n\u25cbMinister of Transport (ARAKI Jun, "
            "Ports Bureau): We disagree.\nReporter (Tide News): What now?")
    assert discovered(text) == [("HOSODA Emiko", "turn label", ""), ("KUROBE Sota", "turn label", ""),
                                ("ARAKI Jun", "turn label", "")]
    assert discovered("\u25cbKUROBE Sota (Harbour Party): Thank you, Chair.") == []


def test_discovery_keeps_a_middle_initial_and_reads_no_capitalised_preposition():
    # "Hon. X Q. Y, chairman of ...": the initial is part of the name; "Senator From Idaho" in a
    # record's index names a state, not a person
    assert discovered("The board met at noon, Hon. Torvald Q. Brekke, chairman of the board, presiding. "
                      "The clerk read out Brekke, Hon. Torvald Q., U.S. Senator From Idaho.") == [
        ("Torvald Q. Brekke", "appositive", "chairman")]


def test_discovery_reads_a_name_in_capitals_with_a_middle_initial_in_a_records_furniture():
    # a record's roster and headings write its members in capitals with a middle initial (an "A."
    # too, which is no article); a heading in capitals with no initial names nobody
    raw = ("COMMITTEE ON HARBOUR AFFAIRS\n\n        TOVE K. LINDAHL, Oregon, Chairman\nBRAM J. OKONJO-VALE, Idaho"
           "          MARY A. STONE, Maine\n\n      STATEMENT OF HON. TOVE K. LINDAHL\n\n" + STORY)
    assert furniture_found(raw, "Harbour Council") == [
        ("Tove K. Lindahl", "name in capitals", "", "furniture"),
        ("Bram J. Okonjo-Vale", "name in capitals", "", "furniture"),
        ("Mary A. Stone", "name in capitals", "", "furniture"),
        ("Tove K. Lindahl", "name in capitals", "", "furniture")]


def test_discovery_reads_a_live_pages_repeated_bare_author_line():
    # a live page puts its author's bare name above the prose of each entry: a name line the
    # page repeats so is a byline; a heading of a name's shape given once is not
    raw = ("The Harbour Examiner\nLive: ferry strike\n" + STORY + "\n09:40\nUnions meet the port board\n"
           "Solveig Andenes\nUnion leaders met the port board for two hours on Tuesday and said little "
           "afterwards.\n\n08:15\nStrike enters second day\nSolveig Andenes\nFerries stayed tied up in the "
           "harbour for a second day as talks stalled overnight.\n\n07:50\nHarbour Master\nThe harbour office "
           "said it would publish a new timetable later in the week.\n")
    assert furniture_found(raw) == [("Solveig Andenes", "repeated name line", "", "byline"),
                                    ("Solveig Andenes", "repeated name line", "", "byline")]


def test_discovery_keeps_a_middle_initial_in_a_furniture_name():
    # a credit's or a photographer's name may carry a middle initial, which is part of it
    raw = "The Harbour Examiner\nBy Henrik J. Aasen and Liv Bakke\n" + STORY + "Photo: Ola M. Brun / Harbour Pictures\n"
    assert furniture_found(raw) == [("Henrik J. Aasen", "credit by", "by", "byline"),
                                    ("Liv Bakke", "credit by", "by", "byline"),
                                    ("Ola M. Brun", "photo credit", "", "credit")]


def test_discovery_takes_no_library_or_museum_credited_for_a_picture():
    # "Photo: X Library" credits an institution; a photographer before a museum's name is a person
    raw = ("The Harbour Examiner\n" + STORY + "The old ferry in 1962. (Photo: Marlow Library)\n"
           "The quay. (Photo: Ola Brun / Harbour Museum)\n")
    assert furniture_found(raw) == [("Ola Brun", "photo credit", "", "credit")]

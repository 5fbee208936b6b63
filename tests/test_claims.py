"""The proposition codebook, claim-by-claim checks and omissions.

The expected rows were read off the five seed articles by hand and checked
against corpus/reference_facts.csv and corpus/reference_quotes.csv; the written
sentences below are ours.
"""

import re
import time

import pandas as pd
import pytest

import helpers as h
from conftest import articles_of


@pytest.fixture(scope="module")
def checks(articles, sents, quotes):
    return h.claim_checks(sents, articles, quote_rows=quotes)


@pytest.fixture(scope="module")
def omissions(checks, articles):
    return h.claim_omissions(checks, articles)


def written(*texts, published="2025-08-06"):
    """Articles (and their sentences) made of the texts given, one article each."""
    art = articles_of(*texts, published=published, outlet="W", ids=[f"w{i}" for i in range(len(texts))])
    return art, h.sentences(art)


def verdicts(checks, claim_id=None):
    rows = checks if claim_id is None else checks[checks.claim_id == claim_id]
    return [(r.sentence_id, r.claim_id, r.surface, r.verdict) for r in rows.itertuples()]


# -- the seed articles ------------------------------------------------------

# One row per distinct error: (article, sentence, claim, verdict, whose, the other claims it touches)
SEED_PROBLEMS = [
    ("agg-ryabkov", 3, "official_quote", "unverified", "quoted", ""),   # 'forced to respond ... very sensitive missile threats'
    # the 2019 withdrawal 'compelled Moscow to abandon' it: one error, two propositions; the outlet's paraphrase
    ("agg-ryabkov", 5, "moratorium_end_reason", "misleading", "outlet", "ryabkov_june_2025"),
    ("agg-ryabkov", 7, "russia_treaty_status", "conflicts", "outlet", ""),     # 'Russia's subsequent withdrawal from the treaty'
    ("agg-ryabkov", 9, "date:federal_assembly_address", "conflicts", "outlet", ""),   # February 2020 (2019)
    ("agg-ryabkov", 9, "official_quote", "unverified", "quoted", ""),        # 'deploy means of nuclear deterrence'
    ("agg-ryabkov", 9, "official_quote", "unverified", "quoted", ""),        # 'decision centers'
    ("agg-ryabkov", 11, "date:putin_production_call", "conflicts", "outlet", ""),     # June 28, 2020 (2024)
    ("agg-ryabkov", 12, "russian_production_2024", "conflicts", "outlet", ""),  # 'completed preparations' (its date is right)
    ("agg-ryabkov", 14, "rsmd_meaning", "misleading", "outlet", ""),         # 'Raketnye Sredney Dalnosti': a missing qualifier
    ("agg-ryabkov", 16, "nuclear_doctrine_2024", "conflicts", "outlet", ""),  # 'emphasis on preemptive strikes'
    ("cow-inf-withdrawal", 1, "russia_treaty_status", "conflicts", "outlet", ""),   # 'complete withdrawal from the ... Treaty'
    ("cow-inf-withdrawal", 1, "moratorium_scope", "conflicts", "outlet", ""),   # 'development, testing, or deployment'
    ("cow-inf-withdrawal", 2, "russia_treaty_status", "misleading", "outlet", ""),   # 'continued to adhere to the INF obligations'
    # 'The unilateral compliance with the INF Treaty is no longer viable': the conflation and the unverified quotation, one error
    ("cow-inf-withdrawal", 5, "russia_treaty_status", "misleading", "quoted", "official_quote"),
    ("cow-inf-withdrawal", 6, "us_deployments", "conflicts", "outlet", ""),     # 'stationed missile systems in ... Denmark'
    ("cow-inf-withdrawal", 7, "official_quote", "unverified", "quoted", ""),    # 'appropriate countermeasures.'
    ("cow-inf-withdrawal", 10, "russia_treaty_status", "misleading", "outlet", ""),  # 'unilaterally observing its terms'
    ("cow-inf-withdrawal", 13, "official_quote", "unverified", "quoted", ""),   # 'proportional and resolute.'
    ("mt-ban-ends", 4, "official_quote", "unverified", "quoted", ""),
    ("mt-ban-ends", 6, "official_quote", "unverified", "quoted", ""),
    ("mt-ban-ends", 7, "official_quote", "unverified", "quoted", ""),
    ("mt-ban-ends", 8, "official_quote", "unverified", "quoted", ""),
    ("mt-ban-ends", 13, "official_quote", "unverified", "quoted", ""),
    ("mt-experts", 1, "moratorium_scope", "misleading", "outlet", ""),       # 'intermediate-range ballistic missiles' only
    ("mt-experts", 2, "treaty_scope", "misleading", "outlet", ""),           # 'barred from possessing missiles with ranges'
    ("mt-experts", 6, "official_quote", "unverified", "quoted", ""),
    ("mt-experts", 16, "official_quote", "unverified", "quoted", ""),
    ("mt-experts", 17, "range:oreshnik", "unverified", "outlet", ""),        # 5,500 km: a claimed figure, the outlet's gloss
    ("mt-experts", 26, "offer_2020", "conflicts", "outlet", ""),             # the 2020 offer as 'deployment and testing'
    ("mt-experts", 27, "date:geneva_summit", "conflicts", "quoted", ""),     # July 2021 summit (June 2021)
]


def test_every_seed_error_once(checks):
    bad = checks[checks.severity != ""]
    assert [(r.article_id, r.sentence_id, r.claim_id, r.verdict, r.whose.split(":")[0], r.also_claims)
            for r in bad.itertuples()] == SEED_PROBLEMS
    assert (bad.severity == bad.verdict).all() and bad.error_id.is_unique
    assert set(checks[checks.severity == ""].verdict) <= {"agrees", "not checked"}
    assert (checks[checks.severity == ""].error_id == "").all()


def test_seed_claims_whose_substance_conflicts_are_never_agrees(checks):
    """The problems an arms-control reader finds in the seed sentences: no row of
    the proposition at issue in that sentence says "agrees"."""
    at_issue = [
        ("agg-ryabkov", 5, "moratorium_end_reason"), ("agg-ryabkov", 7, "russia_treaty_status"),
        ("agg-ryabkov", 12, "russian_production_2024"), ("agg-ryabkov", 5, "ryabkov_june_2025"),
        ("agg-ryabkov", 14, "rsmd_meaning"), ("agg-ryabkov", 16, "nuclear_doctrine_2024"),
        ("cow-inf-withdrawal", 1, "russia_treaty_status"), ("cow-inf-withdrawal", 1, "moratorium_scope"),
        ("cow-inf-withdrawal", 2, "russia_treaty_status"), ("cow-inf-withdrawal", 6, "us_deployments"),
        ("cow-inf-withdrawal", 10, "russia_treaty_status"), ("mt-experts", 1, "moratorium_scope"),
        ("mt-experts", 2, "treaty_scope"),
    ]
    said = h.claims_said(checks)
    for aid, sid, cid in at_issue:
        rows = said[(said.article_id == aid) & (said.sentence_id == sid) & (said.claim_id == cid)]
        assert len(rows) and "agrees" not in set(rows.verdict), (aid, sid, cid)


def test_completed_preparations_is_not_nearing_completion(checks):
    s12 = checks[(checks.article_id == "agg-ryabkov") & (checks.sentence_id == 12)]
    got = {r.claim_id: (r.verdict, r.fact_ids) for r in s12.itertuples()}
    assert got["russian_production_2024"][0] == "conflicts"
    assert got["range:treaty_band"] == ("agrees", "F04")     # its 500-5,500 km band is right
    # the date itself is right: it agrees, as in the date table; the error is the codebook row's
    assert got["date:production_nearing_completion"] == ("agrees", "F38")


def test_each_verdict_on_seed_sentences(checks):
    def one(aid, sid, cid):
        r = checks[(checks.article_id == aid) & (checks.sentence_id == sid) & (checks.claim_id == cid)]
        assert len(r) == 1, (aid, sid, cid)
        return r.iloc[0]
    r = one("gt-moratorium", 11, "russia_treaty_status")
    assert (r.surface, r.verdict, r.whose) == ("Russia had suspended the treaty", "agrees", "quoted: Xinhua News Agency")
    r = one("cow-inf-withdrawal", 1, "russia_treaty_status")
    assert r.surface == "Russia has officially announced its complete withdrawal from the Intermediate-Range Nuclear Forces (INF) Treaty"
    assert (r.verdict, r.whose, r.fact_ids.split("|")[0]) == ("conflicts", "outlet", "F40")
    assert r.source_url.startswith("http://en.kremlin.ru/d/61271")
    r = one("mt-experts", 2, "treaty_scope")
    assert (r.surface, r.verdict) == ("barred from possessing missiles with ranges", "misleading")
    # the ministry's quoted words: one error (the conflation), which also touches the unverified quotation
    r = one("cow-inf-withdrawal", 5, "russia_treaty_status")
    assert (r.surface, r.verdict, r.whose, r.also_claims) == (
        "unilateral compliance with the INF Treaty", "misleading", "quoted: Russian Foreign Ministry", "official_quote")
    assert "unverified is not false" in r.explanation
    r = one("gt-moratorium", 18, "date:us_deadline")
    assert (r.surface, r.verdict) == ("Friday", "not checked")
    r = one("gt-moratorium", 5, "official_quote")
    assert r.verdict == "agrees" and "trtworld.com" in r.source_url


def test_official_quotes_on_seed(checks):
    q = checks[checks.claim_id == "official_quote"]
    agreeing = [(r.article_id, r.sentence_id, r.surface) for r in q[q.verdict == "agrees"].itertuples()]
    assert agreeing == [
        ("gt-moratorium", 3, "conditions for maintaining a unilateral moratorium on the deployment of similar systems"),
        ("gt-moratorium", 5, q[(q.article_id == "gt-moratorium") & (q.sentence_id == 5)].surface.iloc[0]),
        ("gt-moratorium", 14, "episodic deployments"),
        ("gt-moratorium", 20, "to be positioned in the appropriate regions"),
        ("mt-ban-ends", 7, "response measures"),
        ("mt-ban-ends", 9, "anti-Russian policy."),
        ("mt-ban-ends", 10, "This is a new reality all our opponents will have to reckon with. Expect further steps"),
        ("mt-experts", 5, "This means Russia no longer has any restrictions in this regard. Russia no longer considers itself bound by anything"),
        ("mt-experts", 15, "mirror measures"),
    ]
    # experts, media and one-word terms ("Oreshnik", "logical") are not official statements to verify
    assert not set(q.surface) & {"Oreshnik", "logical", "pivotal moment"}
    assert not q.whose.str.contains("Bondarev|Sokov|Massicot|CNN").any()


def test_status_rows_reproduce_status_claims(sents, checks):
    old = h.status_claims(sents)
    new = checks[(checks.claim_id == "russia_treaty_status")
                 & checks.surface.str.contains("withdr|suspended", regex=True)]
    assert [(r.article_id, r.sentence_id, r.verdict) for r in old.itertuples()] == \
           [(r.article_id, r.sentence_id, r.verdict) for r in new.itertuples()]


def test_old_verdicts_map(articles, sents, checks):
    events = h.event_claims(sents, articles)
    dates = checks[checks.claim_id.str.startswith("date:")]
    assert len(dates) == len(events)
    mapping = {(o, n) for o, n in zip(events.sort_values(["article_id", "start"], kind="stable").verdict,
                                      dates.verdict)}
    assert mapping == {("agrees", "agrees"), ("conflicts", "conflicts"), ("no reference", "not checked"),
                       ("unlinked", "not checked")}   # gt-moratorium's "Tuesday": not firm enough
    bare = h.claim_checks(sents)                       # without articles: relative dates unresolved
    assert set(bare[bare.claim_id.str.startswith("date:") & (bare.surface == "Monday")].verdict) == {"not checked"}
    assert (bare.whose == "").all() and "official_quote" not in set(bare.claim_id)


# -- sentences we wrote -----------------------------------------------------

def test_each_verdict_on_written_sentences():
    art, s = written(
        "Moscow suspended its obligations under the treaty in February 2019.",
        "The Kremlin ended its moratorium on testing and deploying such missiles.",
        "The treaty banned missiles with ranges of 500 to 5,500 km.",
        "“We will answer each deployment with a mirror step of our own,” Kremlin spokesman Dmitry Peskov said.",
        "“Russia no longer has any limitations,” Kremlin spokesman Dmitry Peskov said.",
        "Diplomats met in Vienna in 2023.",
    )
    c = h.claim_checks(s, art)
    got = {(r.article_id, r.claim_id): (r.surface, r.verdict) for r in c.itertuples()}
    assert got[("w0", "russia_treaty_status")] == ("Moscow suspended its obligations", "agrees")
    assert got[("w1", "moratorium_scope")] == ("moratorium on testing", "conflicts")
    assert got[("w2", "treaty_scope")] == ("banned missiles with ranges", "misleading")
    assert got[("w3", "official_quote")] == ("We will answer each deployment with a mirror step of our own", "unverified")
    assert got[("w4", "official_quote")] == ("Russia no longer has any limitations", "agrees")
    assert got[("w5", "date:none")] == ("2023", "not checked")
    w3 = c[(c.article_id == "w3") & (c.claim_id == "official_quote")].iloc[0]
    assert w3.whose == "quoted: Dmitry Peskov" and "lincolndailynews" in w3.source_url


@pytest.mark.parametrize("text, claim_id, verdict", [
    ("Russia has withdrawn from the INF Treaty.", "russia_treaty_status", "conflicts"),
    ("Moscow’s withdrawal from the moratorium surprised no one.", "russia_treaty_status", None),
    ("Until now Russia continued to observe the treaty, officials said.", "russia_treaty_status", "misleading"),
    ("The treaty has remained dormant since then.", "russia_treaty_status", "conflicts"),
    ("Russia lifted its self-imposed ban on producing such missiles.", "moratorium_scope", "misleading"),
    ("Russia lifted its self-imposed ban on deploying ground-based missiles of this class.", "moratorium_scope", "agrees"),
    ("Russia declared a moratorium on the condition that the US does the same.", "moratorium_scope", None),
    ("The treaty banned all air-launched missiles of that range.", "treaty_scope", "conflicts"),
    ("The treaty banned ground-launched missiles with ranges of 500 to 5,500 km.", "treaty_scope", "agrees"),
    ("Washington left, saying the SSC-8 ballistic missile violated the treaty.", "us_withdrawal_reason", "conflicts"),
    ("The US withdrew, saying the 9M729 cruise missile violated the treaty.", "us_withdrawal_reason", "agrees"),
    ("In June 2024 Russia completed development of such missiles, the report said.", "russian_production_2024", "conflicts"),
    ("Putin said their development was nearing completion.", "russian_production_2024", "agrees"),
    ("Russia's nuclear doctrine allows preemptive strikes.", "nuclear_doctrine_2024", "conflicts"),
    ("The nuclear doctrine does not provide for preemptive strikes.", "nuclear_doctrine_2024", "agrees"),
    ("The US has already deployed missiles in Germany.", "us_deployments", "misleading"),
    ("US launchers were brought to Denmark for exercises.", "us_deployments", "agrees"),
    ("The Oreshnik was launched against Dnipro.", "oreshnik_first_use", "agrees"),
    ("The missiles, known as RSMD (rakety sredney dalnosti), are in production.", "rsmd_meaning", "misleading"),
    ("RSMD stands for rakety sredney i menshey dalnosti.", "rsmd_meaning", "agrees"),
    ("Moscow's 2020 offer to halt the testing of such missiles was ignored.", "offer_2020", "conflicts"),
    ("Russia's October 2020 proposal for a moratorium on deploying such missiles went unanswered.", "offer_2020", "agrees"),
])
def test_codebook_wordings(text, claim_id, verdict):
    art, s = written(text)
    c = h.claim_checks(s, art)
    got = c[c.claim_id == claim_id].verdict.tolist()
    assert got == ([] if verdict is None else [verdict])


def test_treaty_sub_bands_agree_with_f04a():
    art, s = written("The treaty covered intermediate-range (1,000-5,500 km) and shorter-range (500-1,000 km) missiles.")
    c = h.claim_checks(s, art)
    r = c[c.claim_id == "range:treaty_band"]
    assert list(zip(r.surface, r.verdict, r.fact_ids)) == [("1,000-5,500 km", "agrees", "F04a"),
                                                           ("500-1,000 km", "agrees", "F04a")]


def test_whose_is_decided_by_the_claims_own_span():
    art, s = written("Russia has withdrawn from the INF Treaty, the agency said, and "
                     "“Russia has withdrawn from the INF Treaty,” Kremlin spokesman Dmitry Peskov said.")
    c = h.claim_checks(s, art)
    assert c[c.claim_id == "russia_treaty_status"].whose.tolist() == ["outlet"]   # one row per sentence and claim
    art, s = written("“Russia has withdrawn from the INF Treaty,” Kremlin spokesman Dmitry Peskov said.")
    c = h.claim_checks(s, art)
    assert c[c.claim_id == "russia_treaty_status"].whose.tolist() == ["quoted: Dmitry Peskov"]


# -- omissions --------------------------------------------------------------

def test_seed_omissions(omissions, checks):
    assert [(r.article_id, r.claim_id) for r in omissions.itertuples()] == [
        ("agg-ryabkov", "us_withdrawal_reason"), ("agg-ryabkov", "oreshnik_first_use"),
        ("cow-inf-withdrawal", "us_withdrawal_reason"), ("cow-inf-withdrawal", "oreshnik_first_use"),
        ("gt-moratorium", "us_withdrawal_reason"), ("gt-moratorium", "oreshnik_first_use"),
        ("mt-ban-ends", "us_withdrawal_reason"), ("mt-ban-ends", "oreshnik_first_use"),
    ]
    # mt-experts names the SSC-8 and the Oreshnik's launch; every article states what the moratorium covered
    assert "mt-experts" not in set(omissions.article_id)
    assert "moratorium_scope" not in set(omissions.claim_id)
    # an omission is never a conflict: it has no verdict and adds no row to the checks
    assert "verdict" not in omissions.columns
    assert "omitted" not in set(checks.verdict)
    assert omissions.explanation.str.contains("An omission, not a conflict").all()


def test_articles_about_other_events_owe_no_2025_context():
    texts = ["After the US withdrew from the treaty, Russia declared a moratorium on deploying such missiles.",
             "Russia's moratorium on deployment stays in place, officials said in 2024, after the US withdrew in 2019."]
    art = pd.DataFrame({"article_id": ["r2019", "r2024"], "outlet": ["W", "W"],
                        "published": ["2019-08-10", ""], "text": texts})
    s = h.sentences(art)
    om = h.claim_omissions(h.claim_checks(s, art), art)
    assert [(r.article_id, r.claim_id) for r in om.itertuples()] == [
        ("r2019", "us_withdrawal_reason"), ("r2024", "us_withdrawal_reason")]
    assert h.article_subject_date("r2024", texts[1], "") == pd.Timestamp("2024-12-31").date()
    assert h.article_subject_date("x", "Russia no longer observes its moratorium.", "") == pd.Timestamp("2025-08-04").date()


# -- the codebook and the reference quotes ------------------------------------

def test_codebook_loads_and_covers_the_propositions():
    claims = h.load_claims()
    assert set(claims.claim_id) == {
        "moratorium_scope", "russia_treaty_status", "treaty_scope", "us_withdrawal_reason",
        "russian_production_2024", "oreshnik_first_use", "oreshnik_deployment", "us_deployments",
        "nuclear_doctrine_2024", "ryabkov_june_2025", "moratorium_end_reason", "rsmd_meaning", "offer_2020"}
    ref = set(h.load_reference().fact_id)
    assert all(set(fl) <= ref and fl for fl in claims.fact_list)


GOOD = {"claim_id": "x", "proposition": "p", "fact_ids": "F04", "cues": r"\btreaty\b",
        "distortions": r"\bsea-launched => conflicts: never covered", "verdict": "agrees",
        "required_if": "", "notes": ""}


@pytest.mark.parametrize("column, value, message", [
    ("cues", "", "column 'cues': empty pattern"),
    ("cues", r"treaty ;; ", "column 'cues': pattern '' is empty"),
    ("cues", "(unclosed", "column 'cues': pattern '(unclosed' is not a valid regular expression"),
    ("cues", r"(?:\w+\s)*treaty", "has nested quantifiers"),
    ("cues", r"(?:a+)+", "has nested quantifiers"),
    # the hang of round three: an open repetition of any character, on a 0.5 MB article
    ("cues", r"moratorium[^,]+ended", "repeats any character without a limit"),
    ("cues", "x*", "can match the empty string"),
    ("required_if", "[z-a]", "column 'required_if'"),
    ("fact_ids", "F04|F99", "column 'fact_ids': unknown fact id(s) F99"),
    ("fact_ids", "", "no reference fact, so every verdict must be 'not checked'"),
    ("verdict", "true", "column 'verdict': unknown verdict 'true'"),
    ("distortions", r"\bsea => wrong: x", "column 'distortions': unknown verdict 'wrong'"),
    ("distortions", r"\bsea-launched", "is not 'pattern => verdict: why'"),
    ("distortions", "( => conflicts: x", "column 'distortions': pattern '(' is not a valid regular expression"),
    ("proposition", " ", "column 'proposition': empty proposition"),
    ("time_scope", "2024-04-01", "column 'time_scope': '2024-04-01' is not a time scope"),
    ("time_scope", "..", "column 'time_scope': '..' is not a time scope"),
    ("time_scope", "2024-13-01..", "column 'time_scope': '2024-13-01..' is not a time scope"),
    ("time_scope", "2025-01-01..2024-01-01", "column 'time_scope': '2025-01-01..2024-01-01' ends before it starts"),
])
def test_codebook_refusals(tmp_path, column, value, message):
    path = tmp_path / "claims.csv"
    pd.DataFrame([GOOD, GOOD | {"claim_id": "y", column: value}]).to_csv(path, index=False)
    with pytest.raises(h.CorpusError) as err:
        h.load_claims(path)
    assert str(path) in str(err.value) and "row 3 (claim_id 'y')" in str(err.value)
    assert message in str(err.value)
    pd.DataFrame([GOOD]).to_csv(path, index=False)
    assert len(h.load_claims(path)) == 1


def test_empty_codebook_is_refused(tmp_path):
    path = tmp_path / "claims.csv"
    pd.DataFrame(columns=list(GOOD)).to_csv(path, index=False)
    with pytest.raises(h.CorpusError, match="no rows"):
        h.load_claims(path)


def test_reference_quotes_are_short_and_cited(tmp_path):
    rq = h.load_reference_quotes()
    assert (rq.phrase.str.split().str.len() <= 25).all()
    assert rq.source_url.str.startswith("http").all()
    bad = rq.head(1).assign(phrase=" ".join(["word"] * 26))
    bad.to_csv(tmp_path / "rq.csv", index=False)
    with pytest.raises(h.CorpusError, match="row 2 .*longer than 25 words"):
        h.load_reference_quotes(tmp_path / "rq.csv")


# -- source kinds of the reference -------------------------------------------

def _entries(cell):
    return [x.strip() for x in cell.split(" | ")]


def test_seed_reference_names_a_kind_per_source():
    """Every seed fact and quote states a kind for each of its sources, in source_url
    order, with a title for each source too; the best source comes first."""
    order = list(h.SOURCE_KINDS)
    for table, key in [(h.load_reference(), "fact_id"), (h.load_reference_quotes(), "quote_id")]:
        for r in table.itertuples():
            kinds, urls = _entries(r.source_kind), _entries(r.source_url)
            assert len(kinds) == len(urls) == len(_entries(r.source_title)), getattr(r, key)
            assert set(kinds) <= set(h.SOURCE_KINDS), getattr(r, key)
            assert [order.index(k) for k in kinds] == sorted(order.index(k) for k in kinds), getattr(r, key)


def test_source_kinds_of_three_facts_checked_by_hand():
    ref = h.load_reference().set_index("fact_id")
    # the treaty's signing: its text (FAS archive copy), the State Department's page and EPRS, then NTI and ACA
    assert _entries(ref.at["F01", "source_kind"]) == [
        "primary", "official secondary", "official secondary", "press", "press"]
    assert _entries(ref.at["F01", "source_url"])[0] == "https://nuke.fas.org/control/inf/text/inf.htm"
    # the treaty's end: the Kremlin statement of 5 Aug 2019 ("as of August 2, 2019 the INF Treaty no longer exists")
    assert _entries(ref.at["F08", "source_kind"]) == ["primary", "official secondary", "press", "press"]
    assert _entries(ref.at["F08", "source_url"])[:2] == ["http://en.kremlin.ru/d/61271",
                                                         "https://www.hsdl.org/?abstract&did=827950"]
    # Ryabkov's June 2025 "logical conclusion": found only on a blog and a mirror
    assert _entries(ref.at["F24", "source_kind"]) == ["weak", "weak"]


def test_reference_without_source_kind_still_loads(tmp_path):
    facts = h.load_reference().drop(columns="source_kind")
    facts.to_csv(tmp_path / "facts.csv", index=False)
    got = h.load_reference(tmp_path / "facts.csv")
    assert list(got.columns)[-1] == "source_kind" and (got.source_kind == "").all()
    assert len(got) == len(facts)
    quotes = h.load_reference_quotes().drop(columns="source_kind")
    quotes.to_csv(tmp_path / "quotes.csv", index=False)
    assert (h.load_reference_quotes(tmp_path / "quotes.csv").source_kind == "").all()


def test_bad_source_kind_is_refused_naming_file_row_and_value(tmp_path):
    facts = h.load_reference()
    facts.loc[1, "source_kind"] = "primary | offical secondary | official secondary | press"  # F02: four sources
    facts.to_csv(tmp_path / "facts.csv", index=False)
    with pytest.raises(h.CorpusError, match=r"facts\.csv, row 3 \(fact_id 'F02'\), column 'source_kind': "
                                            r"'offical secondary' is not one of primary, official secondary"):
        h.load_reference(tmp_path / "facts.csv")
    facts.loc[1, "source_kind"] = "primary | press"
    facts.to_csv(tmp_path / "facts.csv", index=False)
    with pytest.raises(h.CorpusError, match=r"row 3 \(fact_id 'F02'\).*2 kind\(s\) for 4 source\(s\)"):
        h.load_reference(tmp_path / "facts.csv")
    facts.loc[1, "source_kind"] = ""  # not stated: accepted
    facts.to_csv(tmp_path / "facts.csv", index=False)
    assert h.load_reference(tmp_path / "facts.csv").at[1, "source_kind"] == ""
    quotes = h.load_reference_quotes()
    quotes.loc[0, "source_kind"] = "blog"
    quotes.to_csv(tmp_path / "quotes.csv", index=False)
    with pytest.raises(h.CorpusError, match=r"quotes\.csv, row 2 \(quote_id 'Q01'\), column 'source_kind': 'blog'"):
        h.load_reference_quotes(tmp_path / "quotes.csv")


def test_checks_run_in_linear_time():
    """A long sentence full of near-misses for every pattern: well under a second
    per 100,000 characters (nested quantifiers would take minutes)."""
    chunk = ("Russia has has has officially moratorium on on the treaty treaty 9M729 withdrawal compelled "
             "completed preparations Oreshnik deploy Denmark RSMD nuclear doctrine emphasis ")
    art, s = written(chunk * 700)
    t = time.perf_counter()
    h.claim_checks(s, art)
    assert time.perf_counter() - t < 20


# -- tables for the notebook ----------------------------------------------------

def test_matrix_and_tally(checks, omissions, articles):
    m = h.claim_matrix(checks, articles, omissions).set_index("claim_id")
    assert m.at["rsmd_meaning", "agg-ryabkov"] == "Raketnye Sredney Dalnosti (misleading)"
    assert m.at["rsmd_meaning", "gt-moratorium"] == "not said"
    assert m.at["oreshnik_first_use", "gt-moratorium"] == "omitted"
    # a claim folded into another's error is still said (not "not said", not omitted)
    assert m.at["ryabkov_june_2025", "agg-ryabkov"].endswith("(misleading)")
    t = h.claim_tally(checks, omissions).set_index("article_id")
    assert list(t.columns) == ["errors", "conflicts", "misleading", "unverified", "outlet", "quoted",
                               "outlet_conflicts", "agrees", "not checked", "omitted"]
    assert t.loc["agg-ryabkov", ["errors", "conflicts", "misleading", "unverified", "omitted"]].tolist() == [10, 5, 2, 3, 2]
    assert t.loc["mt-experts", "omitted"] == 0


# -- the literal pre-filter (speed only: it must never skip a sentence a pattern matches)

def test_case_traps_are_every_non_ascii_character_an_ascii_literal_matches():
    # _prefilter_text lower-cases a text for literal tests unless it holds one of these
    others = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    found = {m.group() for a in map(chr, range(128)) for m in re.finditer(re.escape(a), others, re.I)}
    assert found == set(h._CASE_TRAP_RE.pattern.strip("[]"))


@pytest.mark.parametrize("pattern, need", [
    (r"\bOreshnik.{0,20}?launch", ("oreshnik",)),
    (r"(?-i:9M729|SSC-8).{0,160}?\bviol", ("9m729", "ssc-8")),   # the longest requirement
    (r"(?-i:9M729|SSC-8).{0,160}?\bviolat", ("violat",)),
    (r"moratorium|self-imposed (?:ban|freeze)", ("moratorium", "self-imposed ")),
    (r"(?:RSMD|РСМД)", None),            # one alternative has no ASCII literal
    (r"(?:abc)?x", ("x",)),              # an optional part requires nothing
    (r"[Rr]ange\w+", ("ange",)),
])
def test_required_literals(pattern, need):
    assert h._pattern_literals(pattern, re.I) == need


def test_prefilter_never_skips_a_match():
    texts = ["The ſuspended treaty", "KELVIN: the INF treaty banned them", "İNF and ıNF", "Oreshnik was launched",
             "a 9m729 violation", "A 9M729 VIOLATION", "nothing here", "Moratorium \u2019s end"]
    lows = [h._prefilter_text(t) for t in texts]
    patterns = [c for cues in h.load_claims().cue_res for c in cues] + [
        re.compile(p, re.I) for p in (r"suspended", r"\binf\b", r"inf", r"violation", r"kelvin")]
    for p in patterns:
        maybe = set(h._maybe_matching(lows, h._pattern_literals(p.pattern, p.flags)))
        assert {i for i, t in enumerate(texts) if p.search(t)} <= maybe, p.pattern


# -- A proposition is checked only in articles about its time ---------------------

@pytest.mark.parametrize("published,verdict,why", [
    ("2025-08-06", "misleading", "misleading: US deployments to Germany were announced for 2026"),
    # an article of 2019 (the 1980s Pershing deployments, say) or of 2026, when deployments to
    # Germany were due, cannot be wrong against what was true before 4 Aug 2025
    ("2019-03-01", "not checked", "not checked: the proposition holds for articles about 2024-04-01 to "
                                  "2025-12-31, and this article is about 2019-03-01 (published); outside its time scope"),
    ("2026-03-01", "not checked", "not checked: the proposition holds for articles about 2024-04-01 to "
                                  "2025-12-31, and this article is about 2026-03-01 (published); outside its time scope"),
    # no printed date: the latest year it prints (2019) dates it
    ("", "not checked", "this article is about 2019-12-31 (its own dates)"),
])
def test_a_proposition_is_checked_only_in_articles_about_its_time(published, verdict, why):
    text = ("The United States has already deployed missiles in Germany, the officials said."
            + (" The talks of 2019 went nowhere." if not published else ""))
    art, sents = written(text, published=published)
    rows = h.claim_checks(sents, art)
    row = rows[rows.claim_id == "us_deployments"].iloc[0]
    assert (row.verdict, row.surface) == (verdict, "has already deployed missiles in Germany")
    assert why in row.explanation and row.explanation.endswith(h.load_claims().set_index("claim_id").at[
        "us_deployments", "proposition"])


def test_an_undated_article_that_prints_no_year_is_checked_as_current():
    art, sents = written("The United States has already deployed missiles in Germany, the officials said.",
                         published="")
    rows = h.claim_checks(sents, art)
    assert rows[rows.claim_id == "us_deployments"].verdict.tolist() == ["misleading"]


# -- The verdict grid: one cell per proposition and article, its worst verdict ----------

def test_verdict_grid_keeps_the_worst_verdict_and_counts_statements():
    art, sents = written("Russia withdrew from the INF Treaty in 2019. Moscow suspended its obligations under "
                         "the treaty in February 2019.", "The weather in Moscow was mild on Tuesday.")
    checks = h.claim_checks(sents, art)
    grid = h.verdict_grid(checks, art, h.claim_omissions(checks, art))
    cells = {(r.claim_id, r.article_id): (r.label, r.verdict, r.statements, r.worst) for r in grid.itertuples()}
    assert cells == {
        ("russia_treaty_status", "w0"): ("What Russia did to the treaty", "conflicts", 2, 1),
        ("russia_treaty_status", "w1"): ("What Russia did to the treaty", "not said", 0, 0),
        # "in 2019" is Russia's suspension, and the year is right: the date agrees (as in the date
        # table); the sentence's error is the codebook row's. "February 2019" dates no reference event
        ("date", "w0"): ("Dates of events", "agrees", 2, 1),
        ("date", "w1"): ("Dates of events", "not checked", 1, 1),
    }
    assert list(grid.claim_id.drop_duplicates()) == ["russia_treaty_status", "date"]   # codebook rows first


def test_verdict_grid_marks_what_an_article_owed_and_left_out():
    art, sents = written("The United States withdrew from the INF Treaty in August 2019.")
    checks = h.claim_checks(sents, art)
    grid = h.verdict_grid(checks, art, h.claim_omissions(checks, art))
    row = grid[grid.claim_id == "us_withdrawal_reason"].iloc[0]
    assert (row.label, row.verdict, row.statements) == ("Why the US left (the 9M729)", "omitted", 0)


def test_a_claim_label_defaults_to_its_id_in_words(tmp_path):
    path = tmp_path / "claims.csv"
    pd.DataFrame([GOOD]).to_csv(path, index=False)
    assert h.load_claims(path).label.tolist() == [GOOD["claim_id"].replace("_", " ")]


# -- The seed items an expert found by reading the report: each on its own sentence ----------

def seed_row(checks, sents, aid, words, claim_id):
    """The one row of ``claim_id`` in the seed sentence of ``aid`` that contains ``words``,
    the sentence read from the corpus through the package."""
    hit = sents[(sents.article_id == aid) & sents.text.str.contains(words, regex=False)]
    assert len(hit) == 1, (aid, words)
    sid = hit.sentence_id.iloc[0]
    rows = checks[(checks.article_id == aid) & (checks.sentence_id == sid) & (checks.claim_id == claim_id)]
    assert len(rows) == 1, (aid, sid, claim_id)
    return rows.iloc[0]


def test_a_date_has_one_verdict_in_the_claim_and_date_tables(checks, sents, articles):
    """Seed item c: the aggregator's "By July 2024" dates Putin's 'nearing completion' right; what it
    dates ("completed preparations") is wrong. The date agrees in both tables; the codebook row
    carries the error. And no date span anywhere has one verdict in one table and another in the other."""
    r = seed_row(checks, sents, "agg-ryabkov", "By July 2024, Putin", "date:production_nearing_completion")
    assert (r.surface, r.verdict, r.severity) == ("July 2024", "agrees", "")
    events = h.event_claims(sents, articles)
    e = events[(events.article_id == "agg-ryabkov") & (events.start == r.start) & (events.end == r.end)]
    assert e.verdict.tolist() == ["agrees"]
    sub = seed_row(checks, sents, "agg-ryabkov", "By July 2024, Putin", "russian_production_2024")
    assert (sub.verdict, sub.whose) == ("conflicts", "outlet")
    mapped = {"agrees": {"agrees", "unverified"}, "conflicts": {"conflicts"}, "no reference": {"not checked"},
              "unlinked": {"not checked"}, "unresolved": {"not checked"}}
    said = h.claims_said(checks)
    for ev in events.itertuples():
        same = said[(said.article_id == ev.article_id) & (said.start == ev.start) & (said.end == ev.end)
                    & (said.claim_id == f"date:{ev.event or 'none'}")]
        assert len(same) == 1 and same.verdict.iloc[0] in mapped[ev.verdict], (ev.article_id, ev.surface)


def test_the_oreshnik_range_is_the_outlets_gloss_not_putins(checks, sents):
    """Seed item d: "Putin also announced ... that Russia would ramp up mass production of the Oreshnik
    ..., which has a range of up to 5,500 kilometers": the range is the outlet's description."""
    r = seed_row(checks, sents, "mt-experts", "which has a range of up to 5,500 kilometers", "range:oreshnik")
    assert (r.surface, r.verdict, r.whose) == ("up to 5,500 kilometers", "unverified", "outlet")
    # the kind: a reported statement's ", which ..." gloss is the outlet's, whatever its verdict
    art, s = written("Putin said Russia would keep the treaty band, which covers 500 to 5,500 km, in mind.")
    c = h.claim_checks(s, art)
    assert c[c.claim_id == "range:treaty_band"].whose.tolist() == ["outlet"]


def test_the_2020_offer_as_deployment_and_testing_conflicts(checks, sents):
    """Seed item e: "Russia's 2020 offer to both sides to halt the deployment and testing of
    intermediate-range missiles": F13, the October 2020 proposal, was about deployment only. The
    outlet's paraphrase of Podvig, whose own quoted words say "a moratorium on INF-range missiles"."""
    r = seed_row(checks, sents, "mt-experts", "2020 offer to both sides", "offer_2020")
    assert (r.surface, r.verdict, r.whose, r.fact_ids) == (
        "offer to both sides to halt the deployment and testing", "conflicts", "outlet", "F13")
    q = seed_row(checks, sents, "mt-experts", "October 2020 proposal for a moratorium", "offer_2020")
    assert (q.verdict, q.whose) == ("agrees", "quoted: Pavel Podvig")


def test_one_error_is_one_row(checks, sents, omissions):
    """Seed item f: the same words caught by two propositions, or by a proposition and an official's
    quotation, are one error: one row, the strongest verdict, the other claims in also_claims."""
    r = seed_row(checks, sents, "agg-ryabkov", "This withdrawal, according to Ryabkov", "moratorium_end_reason")
    assert (r.verdict, r.severity, r.also_claims) == ("misleading", "misleading", "ryabkov_june_2025")
    sid = r.sentence_id
    assert "ryabkov_june_2025" not in set(checks[(checks.article_id == "agg-ryabkov") & (checks.sentence_id == sid)].claim_id)
    r = seed_row(checks, sents, "cow-inf-withdrawal", "The unilateral compliance with the INF Treaty", "russia_treaty_status")
    assert (r.verdict, r.also_claims) == ("misleading", "official_quote")
    cow5 = checks[(checks.article_id == "cow-inf-withdrawal") & (checks.sentence_id == r.sentence_id)]
    assert "official_quote" not in set(cow5.claim_id)
    # the tally counts distinct errors; a folded claim is still said, so never an omission
    t = h.claim_tally(checks, omissions).set_index("article_id")
    assert t.loc["agg-ryabkov", "errors"] == checks[checks.article_id == "agg-ryabkov"].error_id.ne("").sum() == 10
    assert ("agg-ryabkov", "ryabkov_june_2025") not in set(zip(omissions.article_id, omissions.claim_id))
    # the kind, on sentences we wrote: overlapping error spans merge, separate ones do not
    art, s = written("Russia has withdrawn from the INF Treaty and lifted its moratorium on testing such missiles.")
    c = h.claim_checks(s, art)
    assert sorted(c[c.severity != ""].claim_id) == ["moratorium_scope", "russia_treaty_status"]


@pytest.mark.parametrize("aid, words, claim_id, surface", [
    ("cow-inf-withdrawal", "voluntarily continued to adhere to the INF obligations", "russia_treaty_status",
     "continued to adhere to the INF obligations"),
    ("cow-inf-withdrawal", "The unilateral compliance with the INF Treaty", "russia_treaty_status",
     "unilateral compliance with the INF Treaty"),
    ("cow-inf-withdrawal", "with Russia unilaterally observing its terms", "russia_treaty_status",
     "unilaterally observing its terms"),
    ("agg-ryabkov", "Raketnye Sredney Dalnosti", "rsmd_meaning", "Raketnye Sredney Dalnosti"),
])
def test_conflations_and_missing_qualifiers_are_misleading(checks, sents, aid, words, claim_id, surface):
    """Seed item g: "conflicts" is for what the record contradicts. Russia did keep a unilateral
    restraint until 2025: calling it the INF Treaty's obligations or terms conflates it with a treaty
    that had ended (misleading); "Raketnye Sredney Dalnosti" is right as far as it goes and drops
    "i menshey" (a missing qualifier: misleading). The reason is in claims.csv's distortion text."""
    r = seed_row(checks, sents, aid, words, claim_id)
    assert (r.surface, r.verdict, r.severity) == (surface, "misleading", "misleading")
    assert r.explanation.startswith("misleading: a conflation" if claim_id == "russia_treaty_status"
                                    else "misleading: a missing qualifier")


@pytest.mark.parametrize("aid, words, claim_id, whose", [
    # the ministry paraphrased: the distortion is in the outlet's words
    ("cow-inf-withdrawal", "voluntarily continued to adhere to the INF obligations", "russia_treaty_status", "outlet"),
    ("cow-inf-withdrawal", "has already stationed missile systems in places like Denmark", "us_deployments", "outlet"),
    # Ryabkov paraphrased ("according to Ryabkov"): the 2019 withdrawal as the cause is the outlet's
    ("agg-ryabkov", "This withdrawal, according to Ryabkov", "moratorium_end_reason", "outlet"),
    # in quotation marks: the ministry's words as the outlet prints them
    ("cow-inf-withdrawal", "The unilateral compliance with the INF Treaty", "russia_treaty_status",
     "quoted: Russian Foreign Ministry"),
])
def test_a_distortion_in_a_paraphrase_is_the_outlets(checks, sents, aid, words, claim_id, whose):
    """Seed item h: whose is "outlet" when the outlet paraphrases a speaker and the distortion is in
    the paraphrase; a speaker's only for words in quotation marks."""
    assert seed_row(checks, sents, aid, words, claim_id).whose == whose


def test_a_paraphrase_that_agrees_keeps_its_speaker():
    art, s = written("Kremlin spokesman Dmitry Peskov said that Moscow suspended its obligations in 2019.",
                     "Kremlin spokesman Dmitry Peskov said that Russia had withdrawn from the INF Treaty.")
    c = h.claim_checks(s, art)
    rows = c[c.claim_id == "russia_treaty_status"]
    assert list(zip(rows.article_id, rows.verdict, rows.whose)) == [
        ("w0", "agrees", "quoted: Dmitry Peskov"), ("w1", "conflicts", "outlet")]


def test_source_kind_names_each_source_of_a_check():
    """Each URL of source_url gets its kind from the reference, in order: the withdrawal's date
    (F08) rests on the Kremlin's text (primary), a government archive (official secondary) and
    two press pages; a reference that states no kinds leaves the column empty."""
    art, s = written("Washington's withdrawal from the treaty took effect on 2 August 2019.")
    row = h.claim_checks(s, art).query("claim_id == 'date:us_withdrawal'").iloc[0]
    assert row.source_url.split(" | ")[:2] == ["http://en.kremlin.ru/d/61271", "https://www.hsdl.org/?abstract&did=827950"]
    assert row.source_kind == "primary | official secondary | press | press"
    bare = h.load_reference().drop(columns=["source_kind"])
    assert set(h.claim_checks(s, art, reference=bare).source_kind) == {""}

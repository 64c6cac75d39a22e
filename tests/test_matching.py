"""Linking statements across the articles of a case, and bad input."""
from __future__ import annotations

import gc
import re

from hypothesis import given, settings, strategies as st

from fact_review.matching import match_case
from fact_review.matching.features import _addresses, profile_sentence
from fact_review.matching.pairs import score_pairs
from fact_review.matching.rarity import Rarity
from fact_review.matching.scoring import content_score
from fact_review.model import AnalysedArticle, Article
from fact_review.pipeline import analyse_article, analyse_case

SAME_EVENT = (
    "Firefighters battled a blaze at the Larkspur paper mill in Dunmore on Tuesday.",
    "A fire broke out at Dunmore's Larkspur paper mill on Tuesday, and firefighters fought it for hours.",
)
OTHER_EVENT = "Firefighters battled a blaze at the Kestrel textile plant in Holloway on Friday."


def analysed(*texts: str) -> list[AnalysedArticle]:
    return [analyse_article(Article(text=t, published="2024-06-05")) for t in texts]


def text_of(case, span) -> str:
    return case.articles[span.article].article.text[span.start:span.end]


def test_the_same_event_scores_above_a_similar_event_of_the_same_type():
    same, other = score_pairs([SAME_EVENT, (SAME_EVENT[0], OTHER_EVENT)])
    assert same > other


def test_restated_statements_are_linked_across_articles_with_sentence_spans():
    case = match_case(analysed(
        "Storms hit the coast. The Larkspur paper mill in Dunmore burned down on Tuesday night.",
        "Unrelated news first. On Tuesday night the Larkspur paper mill in Dunmore burned down, police said.",
    ))
    best = case.matches[0]
    assert best.a.article == 0 and best.b.article == 1
    assert "Larkspur" in text_of(case, best.a) and "Larkspur" in text_of(case, best.b)
    assert best.tier == "confident"
    assert [m.score for m in case.matches] == sorted((m.score for m in case.matches), reverse=True)


def test_a_matched_statement_reports_how_its_figures_relate():
    case = match_case(analysed("Rebels fired 70 rockets at the port of Varna overnight.",
                               "Rebels fired 69 rockets at the port of Varna overnight."))
    assert case.matches[0].numeric == "conflict"


def test_statements_that_share_only_a_word_are_not_linked():
    case = match_case(analysed("Wednesday.", "Wednesday."))
    assert case.matches == ()


def test_no_articles_and_one_article_give_no_matches():
    assert match_case([]).matches == ()
    single = match_case(analysed("The mill burned down. It employed 300 workers. All 300 workers were evacuated."))
    assert single.matches == ()
    assert [c.status for c in single.checks] == ["agree"]


def test_empty_articles_are_accepted():
    case = match_case(analysed("", "   \n"))
    assert case.matches == () and case.checks == ()


def test_identical_articles_link_every_sentence_to_its_twin():
    text = "The Larkspur mill burned down on Tuesday. It employed 300 workers in Dunmore. Repairs will take a year."
    case = match_case(analysed(text, text))
    twins = {(m.a.start, m.b.start) for m in case.matches if m.tier == "confident"}
    assert twins == {(s.start, s.start) for s in case.articles[0].sentences}


def test_matching_leaves_the_garbage_collector_as_it_found_it():
    texts = analysed("The mill burned down on Tuesday.", "On Tuesday the mill burned down.")
    assert gc.isenabled()
    match_case(texts)
    assert gc.isenabled()
    gc.disable()
    try:
        match_case(texts)
        assert not gc.isenabled()
    finally:
        gc.enable()


def place(k: int) -> str:
    """A made-up place name per number: "Bac", "Bad", ..."""
    letters = "bcdfghjklmnpqrstvwxz"
    return "".join(letters[(k // 20 ** p) % 20] + "aeiou"[(k // 7 ** p) % 5] for p in range(3)).capitalize()


def test_a_ten_thousand_sentence_article_is_matched():
    sentences = [f"The gauge at {place(k)} in district {k % 97} reported {k} litres of rain." for k in range(10_000)]
    long_article = Article(text=" ".join(sentences))
    case = analyse_case([long_article, Article(text=f"The gauge at {place(4242)} reported 4242 litres of rain.")])
    assert len(case.articles[0].sentences) == 10_000
    best = case.matches[0]
    assert text_of(case, best.a) == sentences[4242]


def test_pair_scores_are_in_range_and_identical_texts_score_highest():
    scores = score_pairs([("The mill burned.", "The mill burned."), ("", ""), ("a", "b")])
    assert scores[0] == 1.0
    assert all(0.0 <= s <= 1.0 for s in scores)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_pair_scores_are_symmetric_and_bounded(a, b):
    forward, backward = score_pairs([(a, b), (b, a)])
    assert 0.0 <= forward <= 1.0
    assert abs(forward - backward) < 1e-9


words = st.sampled_from(["Rebels", "fired", "70", "rockets", "at", "the", "port", "on", "May", "3,", "2021", "of",
                         "45", "90", "ships", "and", "trucks", "about", "12%", "$5", "million", "days", ".", "\n"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(words, max_size=40).map(" ".join), min_size=0, max_size=4))
def test_any_case_gives_matches_between_different_articles_within_their_texts(texts):
    case = analyse_case([Article(text=t) for t in texts])
    for match in case.matches:
        assert match.a.article != match.b.article
        for span in (match.a, match.b):
            assert 0 <= span.start < span.end <= len(texts[span.article])
        assert 0.0 <= match.score <= 1.0
    for check in case.checks:
        assert check.status in ("agree", "compatible", "conflict") and check.explanation


def test_outlets_words_for_one_thing_count_as_shared():
    plain = ("Rebels shot down an army helicopter near Tarvel.", "Rebels hit an army jeep near Tarvel.")
    synonyms = ("Rebels shot down an army helicopter near Tarvel.",
                "Insurgents downed a military chopper close to Tarvel.")
    apart = ("Rebels shot down an army helicopter near Tarvel.", "Insurgents downed a military jeep close to Tarvel.")
    _, same, other = score_pairs([plain, synonyms, apart])
    assert same > other


def test_a_statement_inside_a_long_sentence_is_scored_by_its_clause():
    short = profile_sentence("The governor toured the flooded Omsvale valley for the first time since its recapture.")
    long = profile_sentence(
        "Officials said on Monday that, as the governor travelled to the flooded Omsvale valley for the first "
        "time since its liberation after weeks of fighting, protesters blocked the main road, demanding "
        "compensation for the farms destroyed by the river, and the regional council postponed its vote on "
        "the budget for schools, hospitals and pensions until the auditors report next spring.")
    rarity = Rarity([short.terms, long.terms])
    content = content_score(short, long, rarity)
    assert content.right in long.clauses and "governor" in content.right
    assert content.score > content.whole


def test_web_addresses_and_handles_are_not_words():
    profile = profile_sentence("Crews repelled the raid pic.twitter.com/Qx7zTb — Harbour Watch (@harbour_watch) today")
    assert {"crew", "harbour", "watch"} <= profile.words
    assert not {w for w in profile.words if "twitter" in w or "qx7" in w or "com" == w}


def test_a_two_word_phrase_reads_as_its_group_in_place_of_its_words():
    pushed = profile_sentence("Troops pushed back the rebels from Orlan.")
    retook = profile_sentence("Troops retook Orlan from the rebels.")
    assert pushed.words - {"push", "back"} == pushed.words
    assert pushed.words == retook.words


_OLD_ADDRESS = re.compile(r"\S*(?:https?://|www\.|\w\.(?:com|org|net)/)\S*|(?<!\w)@\w+", re.I)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab@/. :wHtTpsScomrgne_1\u00e9")), max_size=60))
def test_addresses_are_found_run_by_run_as_the_one_pattern_found_them(text):
    # written as "a run around an address mark, or a handle" in one pass; the single pattern it replaced
    # (quadratic on a long run without a mark) is the reference for what counts as an address
    assert list(_addresses(text)) == [found.span() for found in _OLD_ADDRESS.finditer(text)]


def test_a_sentence_with_an_address_or_a_handle_takes_no_words_from_it():
    profile = profile_sentence("Officials at www.gov.example/news and @mayor_office said 12 ferries sank.")
    assert not {word for word in profile.words if "gov" in word or "mayor" in word}

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.sentences import split_sentences

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It rained. Then it stopped.", ["It rained.", "Then it stopped."]),
        ("Did it rain? Yes! It poured.", ["Did it rain?", "Yes!", "It poured."]),
        # headlines without a final period stay sentences of their own
        ("Floods hit the north\n\nWater rose. Roads closed.", ["Floods hit the north", "Water rose.", "Roads closed."]),
        # abbreviations before names and numbers never end a sentence
        ("Gen. Ivanov met Dr. Kay at No. 5 Main St. on Friday.", ["Gen. Ivanov met Dr. Kay at No. 5 Main St. on Friday."]),
        ("The report by J. R. Smith came out.", ["The report by J. R. Smith came out."]),
        ("She said no. Then she left.", ["She said no.", "Then she left."]),
        # dotted abbreviations: pysbd decides
        ("The U.S. Army left. The U.K. stayed.", ["The U.S. Army left.", "The U.K. stayed."]),
        ("She lives in the U.S. The weather is mild there.", ["She lives in the U.S.", "The weather is mild there."]),
        ("It ended at 5 p.m. The crowd left.", ["It ended at 5 p.m.", "The crowd left."]),
        ("Sentencing is set for Nov. 8. The judge agreed.", ["Sentencing is set for Nov. 8.", "The judge agreed."]),
        # quotations
        ('She said, "We are ready." Then she left.', ['She said, "We are ready."', "Then she left."]),
        ('"Where?" he asked. Nobody knew.', ['"Where?" he asked.', "Nobody knew."]),
        ("“It was repelled.” The officer smiled.", ["“It was repelled.”", "The officer smiled."]),
        # numbers, names with digits and links do not split
        ("Prices rose 3.5 percent. Russia 1 aired it.", ["Prices rose 3.5 percent.", "Russia 1 aired it."]),
        (
            "Drones filled the sky pic.twitter.com/Ab12Cd. Officials said 40 fell.",
            ["Drones filled the sky pic.twitter.com/Ab12Cd.", "Officials said 40 fell."],
        ),
        ("See https://example.org/a.b?x=1. It has the data.", ["See https://example.org/a.b?x=1.", "It has the data."]),
        ("He waited... Then he left.", ["He waited...", "Then he left."]),
        ("   \n\n  ", []),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_sentence_never_crosses_a_line_break() -> None:
    text = "A list:\n- first item\n- second item with no period\nThe end."
    assert sentences(text) == ["A list:", "- first item", "- second item with no period", "The end."]


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")
def test_samples_split_into_trimmed_sentences() -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = sentences(text)
        paragraphs = [line for line in text.split("\n") if line.strip()]
        assert len(found) > len(paragraphs)  # the paragraphs are split further
        assert all(s == s.strip() and "\n" not in s for s in found)


_TEXT = st.lists(
    st.one_of(
        st.sampled_from(list(" \n\t.!?\"'“”‘’()…—-,:;") + ["U.S.", "Gen.", "Mr.", "p.m.", "3.5", "pic.twitter.com/x1"]),
        st.characters(codec="utf-8"),
        st.sampled_from(["The", "he", "It", "said", "A", "e.g.", "Jr.", "No."]),
    ),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=1000)
@given(_TEXT)
def test_spans_are_ordered_exact_trimmed_slices_covering_every_visible_character(text: str) -> None:
    spans = split_sentences(text)
    covered = set()
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        piece = text[span.start : span.end]
        assert piece == piece.strip()
        assert "\n" not in piece
        covered.update(range(span.start, span.end))
        previous_end = span.end
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())


@settings(max_examples=50, deadline=2000)
@given(st.text(min_size=1, max_size=40), st.integers(min_value=1, max_value=2000))
def test_long_lines_split_in_bounded_time(sentence: str, repeat: int) -> None:
    text = (sentence + ". ") * repeat
    spans = split_sentences(text)
    assert all(text[s.start : s.end].strip() for s in spans)

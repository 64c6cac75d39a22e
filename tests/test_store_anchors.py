"""Quote anchors re-attach a span after the text around it is edited."""
from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from fact_review.store.anchors import anchor, locate

words = st.lists(st.sampled_from(["the", "army", "said", "on", "Monday", "that", "roads", "were", "shut", ","]),
                 min_size=0, max_size=30).map(" ".join)
numbers = st.integers(min_value=0, max_value=10**6).map(str)


@given(before=words, number=numbers, after=words, inserted=words, appended=words)
def test_a_span_is_found_again_after_text_is_added_around_it(before, number, after, inserted, appended):
    text = f"{before} {number} drones {after}"
    start = len(before) + 1
    quote, prefix, suffix = anchor(text, start, start + len(number))
    edited = f"{inserted} {text} {appended}"
    shift = len(inserted) + 1
    assert locate(edited, quote, prefix, suffix, start) == (start + shift, start + shift + len(number), True)


@given(before=words, old=numbers, new=numbers, after=words)
def test_an_edited_number_is_found_between_its_unchanged_neighbours(before, old, new, after):
    assume(old not in new)
    text = f"{before} almost {old} drones {after}"
    start = text.index(f" {old} drones") + 1
    quote, prefix, suffix = anchor(text, start, start + len(old))
    edited = text[:start] + new + text[start + len(old):]
    assert locate(edited, quote, prefix, suffix, start) == (start, start + len(new), False)


def test_the_occurrence_with_the_same_context_wins():
    text = "In 2023 there were 40 cases. In 2024 there were 40 deaths."
    start = text.rindex("40")
    quote, prefix, suffix = anchor(text, start, start + 2)
    edited = "Updated. " + text.replace("2024", "last year")
    at = edited.rindex("40")
    assert locate(edited, quote, prefix, suffix, start) == (at, at + 2, True)


def test_a_span_whose_surroundings_are_gone_is_not_found():
    quote, prefix, suffix = anchor("They saw 300 drones over the city.", 9, 12)
    assert locate("A completely different story.", quote, prefix, suffix, 9) is None

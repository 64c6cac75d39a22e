"""SpanLookup answers "is this position inside any span" as a scan of every span would."""
from hypothesis import given
from hypothesis import strategies as st

from fact_review.span_lookup import SpanLookup

_spans = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 40)).map(lambda s: (s[0], s[0] + s[1])), max_size=30)


@given(_spans, st.integers(-5, 260))
def test_agrees_with_a_scan_of_every_span_even_when_spans_overlap_or_are_empty(spans, position):
    assert (position in SpanLookup(spans)) == any(start <= position < end for start, end in spans)


def test_a_long_span_covers_positions_past_later_shorter_ones():
    lookup = SpanLookup([(0, 100), (10, 12), (50, 51)])
    assert 60 in lookup and 11 in lookup and 100 not in lookup and not SpanLookup([])

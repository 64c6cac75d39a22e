"""The steps of reading an article: bytes -> text (``decoding``), and text -> article text and metadata
for plain text and Markdown (``plain``) or HTML (``markup``). ``fact_review.articles`` puts them together."""

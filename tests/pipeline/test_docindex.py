from collections import Counter

from tradeie.pipeline.docindex import MAX_SENTENCE_TOKENS, indexed, sentence_starts

from .conftest import annotate

CLAUSE = "[exports]{FLOW} to [ASEAN]{PARTNER} rose [5%]{PERCENT} to [3 billion yuan]{MONEY}, "


def lengths(doc):
    with indexed(doc):
        return Counter(sentence_starts(doc))


def test_a_sentence_without_full_stops_is_cut_at_commas_between_entities(blank):
    doc = annotate(blank, "In 2023 " + CLAUSE * 120)  # about 1,300 tokens, no full stop
    starts = lengths(doc)
    assert len(starts) > 1 and max(starts.values()) <= MAX_SENTENCE_TOKENS
    for start in starts:
        if start:
            assert doc[start - 1].text == ","
            assert all(not (e.start < start < e.end) for e in doc.ents)


def test_a_long_run_with_no_comma_is_cut_outside_entities(blank):
    doc = annotate(blank, "[12.5 billion yuan]{MONEY} " * 400)
    starts = lengths(doc)
    assert max(starts.values()) <= MAX_SENTENCE_TOKENS
    assert all(not (e.start < s < e.end) for s in starts for e in doc.ents)


def test_news_sentences_are_not_cut(blank):
    text = "In 2023 " + CLAUSE * 8 + "and [imports]{FLOW} fell [2%]{PERCENT}. [Trade]{FLOW} rose."
    doc = annotate(blank, text)
    assert sorted(lengths(doc)) == [0, [t.text for t in doc].index("Trade")]

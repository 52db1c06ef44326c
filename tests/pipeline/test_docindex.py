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


def test_an_index_is_used_again_only_while_the_entities_stay(blank):
    from tradeie.pipeline.docindex import doc_ents, relations

    doc = annotate(blank, "[Exports]{FLOW} rose [5%]{PERCENT} in [2023]{PERIOD}.")
    with indexed(doc) as first:
        assert len(doc_ents(doc)) == 3
    with indexed(doc) as again:
        assert again is first  # the next component reads the same index
    doc.ents = list(doc.ents)[:2]
    with indexed(doc) as changed:
        assert changed is not first and [e.text for e in doc_ents(doc)] == ["Exports", "5%"]
    doc._.trade_relations = {(0, 2): {"GROWTH": 0.9}}
    with indexed(doc):
        assert relations(doc) == {(0, 2): {"GROWTH": 0.9}}  # set after the last block: read anew

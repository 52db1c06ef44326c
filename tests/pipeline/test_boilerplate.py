import pytest

from tradeie.pipeline.boilerplate import link_lists
from tradeie.pipeline.facts import TradeFactAssembler

from .conftest import annotate, link


@pytest.mark.parametrize("header", ["Related:", "Related news", "Read more:", "See also",
                                    "You may also like", "MOST READ"])
def test_a_link_list_runs_from_its_header_to_the_blank_line(header):
    text = f"Body text.\n{header}\nExports jump 12% in May\nGDP tops 1 trillion yuan\n\nMore body."
    (start, end), = link_lists(text)
    assert text[start:end] == f"{header}\nExports jump 12% in May\nGDP tops 1 trillion yuan\n"


def test_a_link_list_stops_at_a_line_that_reads_like_the_article():
    text = ("Related:\nExports jump 12% in May\nThe city's exports rose 5%. Imports fell 2%. "
            "Trade with ASEAN grew.\n")
    (start, end), = link_lists(text)
    assert text[start:end] == "Related:\nExports jump 12% in May\n"


@pytest.mark.parametrize("line,is_link", [
    ("Related: Anhui's auto exports top 100 billion yuan in 2024", True),
    ("Read more: Exports jump 12% in May", True),
    # a header word that opens a line of the article
    ("Related: the city's exports rose 5%. Imports fell 2%. Trade with ASEAN grew.", False),
    ("Related sectors: steel, cars", False),
], ids=["related", "read-more", "body", "no-colon"])
def test_a_header_with_its_headline_on_the_same_line(line, is_link):
    text = f"Body text.\n{line}\n\nMore body."
    assert [text[a:b] for a, b in link_lists(text)] == ([line + "\n"] if is_link else [])


def test_a_word_related_inside_a_sentence_is_no_header():
    assert link_lists("Trade-related services grew.\nRelated sectors: steel, cars\n") == []


def test_figures_in_links_to_other_articles_give_no_facts(blank):
    doc = annotate(blank, "[Exports]{FLOW} reached [$3 billion]{MONEY}.\nRelated:\n"
                          "[Anhui]{LOCATION}'s [exports]{FLOW} jump [120%]{PERCENT} to "
                          "[$9 billion]{MONEY}\n")
    link(doc, [("Exports", "$3 billion", "VALUE"), ("exports", "$9 billion", "VALUE"),
               ("exports", "120%", "GROWTH")])
    doc._.published = "2024-07-10"
    facts = TradeFactAssembler(blank)(doc)._.trade_facts
    assert [int(f.value) for f in facts] == [3000000000]


@pytest.mark.parametrize("note", [
    "CORRECTION: An earlier version of this article put [trade]{FLOW} with the ROK at [$9 billion]{MONEY}.",
    "An earlier version of this story gave [exports]{FLOW} as [$9 billion]{MONEY}.",
], ids=["correction-label", "earlier-version"])
def test_figures_in_a_correction_note_give_no_facts(blank, note):
    doc = annotate(blank, "[Exports]{FLOW} reached [$3 billion]{MONEY}.\n\n" + note + "\n")
    flows = [e.text for e in doc.ents if e.label_ == "FLOW"]
    link(doc, [(flows[0], "$3 billion", "VALUE"), (flows[1], "$9 billion", "VALUE")])
    doc._.published = "2024-07-10"
    facts = TradeFactAssembler(blank)(doc)._.trade_facts
    assert [int(f.value) for f in facts] == [3000000000]

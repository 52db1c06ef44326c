"""Flow triggers the NER marks, and the flow each one names."""
import pytest
import spacy

from tradeie.pipeline.flows import classify_flow


@pytest.mark.parametrize("trigger,flow", [
    ("exports", "export"), ("outbound shipments", "export"), ("Sales", "export"),
    ("overseas sales", "export"), ("sells", "export"), ("NODX", "export"),
    ("imports", "import"), ("purchases", "import"), ("brought in", "import"),
    ("took in", "import"), ("buying", "import"),
    ("import and export value", "total"), ("traded", "total"), ("two-way trade", "total"),
    ("trade deficit", "balance"), ("shortfall", "balance"), ("trade surplus", "balance"),
    ("total exports", "export"), ("retail", None),
    ("Inbound shipments", "import"), ("incoming shipments", "import"),
    ("inbound and outbound shipments", "total"),
])
def test_classify_flow(trigger, flow):
    assert classify_flow(trigger) == flow


@pytest.mark.parametrize("text,expected", [
    ("Exports by private enterprises rose 8%.", True),
    ("Exports by PRIVATE ENTERPRISES rose 8%.", True),
    ("Exports of İzmir's private enterprises rose 8%.", True),  # lower() lengthens İ
    ("Exports of the ſtate-owned enterprises rose 8%.", True),  # IGNORECASE reads ſ as s
    ("Exports rose 8% to 2 billion yuan.", False),
])
def test_breakdown_words_are_found_in_any_case_and_script(text, expected):
    from tradeie.pipeline.docindex import indexed
    from tradeie.pipeline.slots import is_breakdown

    doc = spacy.blank("en")(text)
    with indexed(doc):
        assert is_breakdown(doc, doc[0:1], doc[:], None) is expected

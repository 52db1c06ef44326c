"""Flow triggers the NER marks, and the flow each one names."""
import pytest

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

"""A partner or product figure larger than all trade of its period belongs to a longer one."""
from decimal import Decimal

from tradeie.facts import Evidence, TradeFact
from tradeie.pipeline.wholes import fit_parts_to_wholes, month_span


def fact(flow, value, period, at, partner=None, product=None):
    return (TradeFact("Vietnam", flow, partner=partner, product=product, period=period,
                      value=Decimal(value), currency="USD", evidence=Evidence(at, at + 10, "x")),
            period)


def test_month_spans():
    assert month_span("2025-Q3") == (2025 * 12 + 6, 2025 * 12 + 8)
    assert month_span("2025-01..2025-09") == (2025 * 12, 2025 * 12 + 8)
    assert month_span("2023-07..2024-06") == (2023 * 12 + 6, 2024 * 12 + 5)
    assert month_span("2024") == (2024 * 12, 2024 * 12 + 11)
    assert month_span("2024-H2") == (2024 * 12 + 6, 2024 * 12 + 11)
    assert month_span(None) is None and month_span("soon") is None


def test_a_part_larger_than_its_month_takes_the_year_to_date_before_it():
    pairs = [fact("export", 42.1e9, "2025-09", 0), fact("import", 40.2e9, "2025-09", 50),
             fact("export", 128.6e9, "2025-Q3", 100), fact("export", 348.9e9, "2025-01..2025-09", 200),
             fact("import", 332.1e9, "2025-01..2025-09", 220),
             fact("export", 112.7e9, "2025-09", 300, partner="United States"),
             fact("import", 134.5e9, "2025-09", 320, partner="China"),
             fact("balance", 100.3e9, "2025-09", 340, partner="United States"),
             fact("export", 13.6e9, "2025-09", 360, partner="United States")]
    got = [(f.partner, f.period) for f, _ in fit_parts_to_wholes(pairs)[5:]]
    assert got == [("United States", "2025-01..2025-09"), ("China", "2025-01..2025-09"),
                   ("United States", "2025-01..2025-09"), ("United States", "2025-09")]


def test_no_total_that_holds_it_leaves_the_part_alone():
    pairs = [fact("export", 42.1e9, "2025-09", 0), fact("export", 50e9, "2025-09", 100, product="phones"),
             fact("export", 40e9, "2024", 200)]
    assert [f.period for f, _ in fit_parts_to_wholes(pairs)] == ["2025-09", "2025-09", "2024"]

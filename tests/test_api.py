"""The public API on the shipped pipeline: facts out, bad input handled."""
import datetime as dt
import shutil
from decimal import Decimal

import pytest

import tradeie
from tradeie.api import default_model_path, prepare_text
from tradeie.errors import ModelLoadError

TEXT = ("Xiamen trade bulletin\n"
        "In the first half of 2024, Xiamen's exports rose 9.1 percent year on year to 263.05 "
        "billion yuan, while imports were 199.32 billion yuan, up 3.9 percent.\n")


@pytest.fixture(scope="module")
def nlp():
    return tradeie.load()


def test_api_extract_reads_a_fact(nlp):
    facts = tradeie.extract(TEXT, nlp=nlp)
    exports = [f for f in facts if f.flow == "export"]
    assert exports, facts
    fact = exports[0]
    assert (fact.location, fact.period, int(fact.value), fact.currency) == (
        "Xiamen", "2024-H1", 263050000000, "CNY")
    assert TEXT[fact.evidence.start_char:fact.evidence.end_char] == fact.evidence.text
    assert 0 <= fact.confidence <= 1


def test_api_doc_extension(nlp):
    doc = nlp(TEXT)
    assert doc._.trade_facts == tradeie.extract(TEXT, nlp=nlp)


def test_api_year_from_published_only_when_text_lacks_it(nlp):
    text = "In the first quarter, Hefei's exports rose 5.2 percent to 80.1 billion yuan."
    undated = tradeie.extract(text, nlp=nlp)
    dated = tradeie.extract(text, nlp=nlp, published=dt.date(2023, 4, 20))
    assert undated and all(f.period is None for f in undated)
    assert dated and dated[0].period == "2023-Q1"
    explicit = tradeie.extract(text.replace("first quarter", "first quarter of 2021"), nlp=nlp,
                               published="2023-04-20")
    assert explicit[0].period == "2021-Q1"


def test_api_many_texts_carry_doc_ids(nlp):
    facts = tradeie.extract([TEXT, {"doc": "b.txt", "text": TEXT, "published": "2024-07-19"}],
                            nlp=nlp)
    assert {f.doc for f in facts} == {"0", "b.txt"}


@pytest.mark.parametrize("text", ["", "   \n\t"], ids=["empty", "blank"])
def test_api_empty_text_gives_no_facts(nlp, text):
    assert tradeie.extract(text, nlp=nlp) == []


@pytest.mark.parametrize("bad", [None, 42, b"bytes", 3.5], ids=["none", "int", "bytes", "float"])
def test_api_non_str_raises_type_error_naming_type(nlp, bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        tradeie.extract(bad, nlp=nlp)


@pytest.mark.parametrize("text", [
    "\x00\x01\x02\xff binary \x7f junk",
    "<html><body><p>Exports rose 5% to 3 billion yuan in 2022.</p><script>var x=1;</script></body></html>",
    "今年前5个月，重庆市进出口总值3042亿元，同比增长6.4%。",
    "Exports rose １２．５％ to １２３．４ billion yuan in 2022.",
    "\u200b\u202e\ufeff" * 50,
    "yuan " * 3000,
], ids=["binary", "html", "chinese", "full-width", "format-chars", "repetitive"])
def test_api_bad_input_returns_a_list(nlp, text):
    assert isinstance(tradeie.extract(text, nlp=nlp), list)


def test_api_full_width_letters_read_as_ascii(nlp):
    ascii_text = "In 2022, Xiamen's exports rose 5.1% to 20 billion yuan."
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalpha() else c for c in ascii_text)
    assert prepare_text(wide) == ascii_text
    facts = tradeie.extract(wide, nlp=nlp)
    assert [(f.location, f.flow, f.value) for f in facts] == [
        (f.location, f.flow, f.value) for f in tradeie.extract(ascii_text, nlp=nlp)]
    assert facts and facts[0].flow == "export"


def test_api_list_bullets_of_any_shape_read_as_bullets(nlp):
    text = ("Kobe Customs trade statistics for March 2024\n\nExports by principal destination\n"
            "{b}China: 132.6 billion yen (+2.8%)\n{b}United States: 98.1 billion yen (+11.4%)\n")
    plain = text.format(b="• ")
    for bullet in ("・", "■", "▶"):
        wide = text.format(b=bullet + " ")
        assert len(prepare_text(wide)) == len(wide) and prepare_text(wide) == plain
        got = [(f.partner, f.value, f.growth_pct) for f in tradeie.extract(text.format(b=bullet), nlp=nlp)]
        assert ("China", Decimal("132600000000"), 2.8) in got
        assert ("United States", Decimal("98100000000"), 11.4) in got


def test_api_html_offsets_point_into_raw_input(nlp):
    html = "<p>In 2022, Xiamen's exports rose 5.1% to 20 billion yuan.</p>"
    assert len(prepare_text(html)) == len(html)
    for fact in tradeie.extract(html, nlp=nlp):
        assert html[fact.evidence.start_char:fact.evidence.end_char] == fact.evidence.text


def test_api_a_word_broken_at_a_line_end_is_read_whole(nlp):
    # a PDF's line break inside "exports"; a compound broken at its own hyphen stays as it is
    text = "In 2022, the value of Xiamen's ex-\nports rose 5.1% to 20 billion yuan, year-\non-year."
    prepared = prepare_text(text)
    assert len(prepared) == len(text)
    assert "Xiamen's exports   rose" in prepared and "year-\non-year" in prepared
    [fact] = tradeie.extract(text, nlp=nlp)
    assert (fact.flow, fact.value) == ("export", 20_000_000_000)
    assert text[fact.evidence.start_char:fact.evidence.end_char] == fact.evidence.text


def test_api_a_line_wrapped_inside_a_sentence_is_read_as_one(nlp):
    text = ("Ireland's goods exports rose 5% to EUR 18,571 million in March 2024. Goods exported to Great "
            "Britain totalled\n€1,322 million, up 8.5 per cent.\n\nShort heading\n2024 figures")
    prepared = prepare_text(text)
    assert len(prepared) == len(text)
    assert "totalled €1,322" in prepared and "Short heading\n2024" in prepared
    partners = [f.partner for f in tradeie.extract(text, nlp=nlp)]
    assert "United Kingdom" in partners


def test_api_long_text_is_chunked_not_truncated(nlp):
    paragraph = ("In 2022, Xiamen's exports rose 5.1 percent to 20 billion yuan.\n"
                 + "Filler sentence about the port and its cranes.\n" * 40)
    text = paragraph * 6
    old = nlp.max_length
    nlp.max_length = len(paragraph) + 10
    try:
        facts = tradeie.extract(text, nlp=nlp)
    finally:
        nlp.max_length = old
    starts = {f.evidence.start_char for f in facts}
    assert len(starts) == 6
    assert max(starts) == len(paragraph) * 5
    for fact in facts:
        assert text[fact.evidence.start_char:fact.evidence.end_char] == fact.evidence.text


def test_api_missing_model_folder_names_path(tmp_path):
    with pytest.raises(ModelLoadError, match=str(tmp_path / "nope")):
        tradeie.load(tmp_path / "nope")


def test_api_damaged_model_folder_names_path(tmp_path):
    damaged = tmp_path / "damaged"
    shutil.copytree(default_model_path(), damaged)
    weights = damaged / "trade_relations" / "model"
    weights.write_bytes(b"not a model")
    with pytest.raises(ModelLoadError, match="damaged"):
        tradeie.load(damaged)


def test_api_folder_without_config_names_path(tmp_path):
    with pytest.raises(ModelLoadError, match=str(tmp_path)):
        tradeie.load(tmp_path)


def test_api_to_frame_has_one_row_per_fact(nlp):
    pd = pytest.importorskip("pandas")
    facts = tradeie.extract(TEXT, nlp=nlp)
    frame = tradeie.to_frame(facts)
    assert len(frame) == len(facts)
    assert frame["value"].dtype == "float64"
    assert list(frame.columns[:4]) == ["doc", "type", "location", "flow"]
    assert isinstance(frame, pd.DataFrame)


def test_api_render_writes_html(nlp, tmp_path):
    doc = nlp(TEXT)
    html = tradeie.render(doc, path=tmp_path / "doc.html", jupyter=False)
    assert "Xiamen" in html and "displacy" in html
    assert (tmp_path / "doc.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_api_spacy_load_without_importing_tradeie(tmp_path):
    import subprocess
    import sys

    code = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); "
            "doc = nlp('In 2022, exports rose 5% to 3 billion yuan.'); "
            "print(len(doc._.trade_facts))")
    out = subprocess.run([sys.executable, "-c", code, str(default_model_path())],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip().isdigit()


def test_api_extract_on_arbitrary_unicode_returns_facts(nlp):
    from hypothesis import HealthCheck, given, settings, strategies as st

    @settings(max_examples=40, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.text(max_size=300))
    def check(text):
        facts = tradeie.extract(text, nlp=nlp)
        assert isinstance(facts, list)
        for fact in facts:
            assert 0 <= fact.evidence.start_char <= fact.evidence.end_char <= len(text)

    check()


def test_api_no_break_spaces_are_read_as_spaces(nlp):
    text = "In\xa02022,\xa0Xiamen's export\xa0value reached 20\xa0billion yuan, up\xa0by\xa05.1%."
    facts = tradeie.extract(text, nlp=nlp)
    assert [(f.flow, int(f.value), f.growth_pct) for f in facts] == [("export", 20_000_000_000, 5.1)]
    assert text[facts[0].evidence.start_char:facts[0].evidence.end_char] == facts[0].evidence.text

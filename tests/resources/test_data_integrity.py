"""Integrity of the gazetteer tables (column counts, ids, scripts, aliases, provenance)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import regex

from resume_nlp.gazetteer import normalize_name
from resume_nlp.resources import read_text

ROOT = Path(__file__).resolve().parents[2]
HAN = regex.compile(r"\p{Han}")
HAN_CELL = regex.compile(r"^[\p{Han}\p{Latin}0-9()（）·\- ]+$")

# fmt: off
TABLES = {
    "gazetteers/institutions.tsv": ["id", "en", "zh", "aliases", "country", "city", "official", "domains"],
    "gazetteers/companies.tsv": ["id", "en", "zh", "aliases", "kind", "country"],
    "gazetteers/locations.tsv": ["id", "en", "zh", "region", "country", "aliases"],
}
# Aliases deliberately shared by two rows (documented in resources/README.md).
SHARED_ALIASES = {
    # same English name upstream for two institutions (Wikipedia lists)
    "china medical university", "soochow university", "taizhou university", "qingdao university of technology",
    "nanhua university", "南华大学",
    # a curated Chinese university and a foreign namesake in Hipo's list (curated row first)
    "southeast university",
    # cities with the same name
    "cambridge", "剑桥",
}
# fmt: on


def _rows(name):
    lines = read_text(name).splitlines()
    out = []
    for i, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        out.append((i, line.split("\t")))
    return out


@pytest.mark.parametrize("name,columns", TABLES.items())
def test_data_integrity_header_and_column_count(name, columns):
    rows = _rows(name)
    assert rows[0][1] == columns
    bad = [i for i, cells in rows if len(cells) != len(columns)]
    assert bad == []


@pytest.mark.parametrize("name", TABLES)
def test_data_integrity_ids_unique_and_ascii(name):
    ids = [cells[0] for _, cells in _rows(name)[1:]]
    assert len(ids) == len(set(ids))
    assert all(regex.fullmatch(r"[a-z0-9][a-z0-9\-]*", i) for i in ids)


@pytest.mark.parametrize("name", TABLES)
def test_data_integrity_zh_cells_are_han(name):
    header, *rows = _rows(name)
    col = header[1].index("zh")
    bad = [(i, c[col]) for i, c in rows if c[col] and not (HAN.search(c[col]) and HAN_CELL.match(c[col]))]
    assert bad == []


@pytest.mark.parametrize("name", TABLES)
def test_data_integrity_every_row_has_a_name(name):
    rows = _rows(name)[1:]
    assert all(c[1] or c[2] for _, c in rows)


def test_data_integrity_official_rows_have_english():
    header, *rows = _rows("gazetteers/institutions.tsv")
    assert all(c[6] in ("yes", "no") for _, c in rows)
    assert all(c[1] for _, c in rows if c[6] == "yes")


def test_data_integrity_institution_row_counts():
    rows = _rows("gazetteers/institutions.tsv")[1:]
    zh = [c for _, c in rows if c[2]]
    assert len(zh) >= 2998  # every cn_universities row (some absorbed by curated rows, plus curated)
    assert len(rows) >= 12000
    assert len(read_text("gazetteers/institutions.tsv").encode()) < 1_500_000


def test_data_integrity_counts_of_curated_tables():
    assert len(_rows("gazetteers/companies.tsv")) - 1 >= 200
    assert len(_rows("gazetteers/locations.tsv")) - 1 >= 250


def test_data_integrity_company_kinds_and_location_ids():
    assert {c[4] for _, c in _rows("gazetteers/companies.tsv")[1:]} <= {"company", "lab", "institute"}
    locs = _rows("gazetteers/locations.tsv")[1:]
    ids = {c[0] for _, c in locs}
    assert {c[0].split("-")[0] for _, c in locs} == {"country", "region", "city"}
    assert all(c[3] in ids for _, c in locs if c[3])  # a city's region is a region row
    assert all(regex.fullmatch(r"[A-Z]{2}", c[4]) for _, c in locs)


def _names(name, cols):
    out = defaultdict(set)
    header, *rows = _rows(name)
    for _, c in rows:
        if len(header[1]) == 8 and c[6] != "yes":
            names = [c[2]] + c[3].split("|")
        else:
            names = [c[header[1].index(k)] for k in cols] + c[header[1].index("aliases")].split("|")
        for n in names:
            n = n.lstrip("=").strip()
            if n:
                key = " ".join(regex.findall(r"[^\W_]+", n.casefold())) if len(header[1]) == 8 and not HAN.search(n) else normalize_name(n)
                out[key].add(c[0])
    return out


@pytest.mark.parametrize("name", ["gazetteers/companies.tsv", "gazetteers/locations.tsv"])
def test_data_integrity_no_alias_points_to_two_ids(name):
    clashes = {k: v for k, v in _names(name, ["en", "zh"]).items() if len(v) > 1 and k not in SHARED_ALIASES}
    # A location name may be both a region and a city/country (吉林, New York, Washington).
    if "locations" in name:
        clashes = {k: v for k, v in clashes.items() if len({i.split("-")[0] for i in v}) == 1}
    assert clashes == {}


def test_data_integrity_curated_institutions_do_not_clash():
    names = _names("gazetteers/institutions.tsv", ["en", "zh"])
    curated_clashes = {
        k: v for k, v in names.items()
        if len(v) > 1 and any(not i.startswith(("cn-", "w-")) for i in v) and k not in SHARED_ALIASES
    }
    assert curated_clashes == {}


def test_data_integrity_companies_and_institutions_disjoint():
    inst = _names("gazetteers/institutions.tsv", ["en", "zh"])
    comp = _names("gazetteers/companies.tsv", ["en", "zh"])
    assert sorted(set(inst) & set(comp)) == []


@pytest.mark.shared
def test_data_integrity_institutions_regenerate_identically():
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteers.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_data_integrity_han_readings_regenerate_identically():
    import importlib.util

    pytest.importorskip("pypinyin")
    spec = importlib.util.spec_from_file_location("build_han_readings", ROOT / "scripts" / "build_han_readings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # compare the rows, not the header (it names the pypinyin version); a pypinyin release that
    # reads a character differently fails here: regenerate the table
    rows = lambda text: [line for line in text.splitlines() if not line.startswith("#")]  # noqa: E731
    assert rows(module.build()) == rows(read_text("lexicon/han_readings.tsv"))


def test_data_integrity_readme_describes_every_resource_file():
    base = ROOT / "resume_nlp" / "resources"
    readme = (base / "README.md").read_text(encoding="utf-8")
    for path in sorted(base.rglob("*.tsv")):
        assert str(path.relative_to(base)) in readme, path

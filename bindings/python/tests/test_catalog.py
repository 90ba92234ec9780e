"""The Python bindings call the real Rust core through the generated UniFFI module.

The sample catalogue is the one scripts/test compiles from fixtures/ (TETSUZUKI_SAMPLE_CATALOG);
without it, the committed minimal catalogue stands in.
"""

import json
import os
import pathlib

import pytest

import tetsuzuki_bindings
from tetsuzuki_bindings import CatalogSummary, TetsuzukiError, catalog_summary

ROOT = pathlib.Path(__file__).resolve().parents[3]
MINIMAL = ROOT / "tests" / "data" / "minimal-catalog.json"
SAMPLE_ENV = os.environ.get("TETSUZUKI_SAMPLE_CATALOG", "")
SAMPLE = pathlib.Path(SAMPLE_ENV) if SAMPLE_ENV else MINIMAL


def count_fields(fields):
    return sum(1 + count_fields(f.get("fields", [])) for f in fields if isinstance(f, dict))


def expected_summary(raw):
    """The summary counted straight from the catalogue's JSON, independently of the core."""
    return CatalogSummary(
        format=raw["format"],
        content_hash=raw["content_hash"],
        town_id=raw["town"]["id"],
        town_name=raw["town"]["name"].get("ja", ""),
        procedures=len(raw["procedures"]),
        life_events=len(raw["life_events"]),
        concepts=len(raw["concepts"]),
        code_lists=len(raw["code_lists"]),
        fields=sum(
            count_fields(page.get("fields", []))
            for p in raw["procedures"]
            for page in p.get("form", {}).get("pages", [])
        ),
    )


def test_loads_the_native_library():
    lib = pathlib.Path(tetsuzuki_bindings.generated.__file__).parent / "libtetsuzuki_bindings.so"
    assert lib.is_file()


def test_minimal_catalogue_summary():
    summary = catalog_summary(MINIMAL.read_text(encoding="utf-8"))
    assert isinstance(summary, CatalogSummary)
    assert summary.format == "tetsuzuki-catalog/1"
    assert summary.town_id == "minimal"
    assert summary.town_name == "見本町"
    assert summary.content_hash.startswith("sha256-")
    assert (summary.procedures, summary.life_events, summary.concepts) == (0, 0, 0)
    assert (summary.code_lists, summary.fields) == (0, 0)


def test_sample_catalogue_summary():
    text = SAMPLE.read_text(encoding="utf-8")
    summary = catalog_summary(text)
    assert summary == expected_summary(json.loads(text))
    if SAMPLE_ENV:
        assert summary.town_id == "oishida"
        assert summary.procedures > 0
        assert summary.fields > 0


def test_malformed_json_is_a_typed_error():
    with pytest.raises(TetsuzukiError.InvalidCatalog) as caught:
        catalog_summary('{"format": "tetsuzuki-catalog/1", "town": ')
    assert caught.value.code == "catalog-malformed"
    assert "EOF" in caught.value.message and "line 1" in caught.value.message


def test_wrong_shape_is_a_typed_error():
    with pytest.raises(TetsuzukiError.InvalidCatalog) as caught:
        catalog_summary("[1, 2, 3]")
    assert caught.value.code == "catalog-malformed"


def test_edited_catalogue_fails_its_hash():
    edited = MINIMAL.read_text(encoding="utf-8").replace("見本町", "改竄町")
    with pytest.raises(TetsuzukiError.InvalidCatalog) as caught:
        catalog_summary(edited)
    assert caught.value.code == "catalog-hash"
    assert "hash" in caught.value.message


def test_errors_are_one_exception_type():
    with pytest.raises(TetsuzukiError):
        catalog_summary("")

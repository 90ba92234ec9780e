"""The Python bindings call the real Rust core through the generated UniFFI module.

The sample catalogue is the one scripts/test compiles from fixtures/model and fixtures/towns
(TETSUZUKI_SAMPLE_CATALOG, default target/sample-catalog.json).
"""

import json
import os
import pathlib

import pytest

import tetsuzuki_bindings
from tetsuzuki_bindings import CatalogSummary, TetsuzukiError, catalog_summary

ROOT = pathlib.Path(__file__).resolve().parents[3]
SAMPLE = pathlib.Path(
    os.environ.get("TETSUZUKI_SAMPLE_CATALOG") or ROOT / "target" / "sample-catalog.json"
)


@pytest.fixture(scope="module")
def sample_text():
    if not SAMPLE.is_file():
        pytest.fail(
            f"no sample catalogue at {SAMPLE}: run scripts/test, or `cargo run -p tetsuzuki-cli -- "
            "compile fixtures/model fixtures/towns --town oishida -o target/sample-catalog.json`"
        )
    return SAMPLE.read_text(encoding="utf-8")


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


def test_sample_catalogue_summary(sample_text):
    summary = catalog_summary(sample_text)
    assert isinstance(summary, CatalogSummary)
    assert summary == expected_summary(json.loads(sample_text))
    assert summary.format == "tetsuzuki-catalog/1"
    assert summary.town_id == "oishida"
    assert summary.content_hash.startswith("sha256-")
    assert summary.procedures > 0
    assert summary.fields > 0


def test_malformed_json_is_a_typed_error():
    with pytest.raises(TetsuzukiError.InvalidCatalog) as caught:
        catalog_summary('{"format": "tetsuzuki-catalog/1", "town": ')
    assert caught.value.code == "catalog-malformed"
    # Where (the field, line and column) and what: the catalogue decoder's words.
    assert "town at line 1, column 43" in caught.value.reason
    assert "found the end of the text" in caught.value.reason


def test_wrong_shape_is_a_typed_error():
    with pytest.raises(TetsuzukiError.InvalidCatalog) as caught:
        catalog_summary("[1, 2, 3]")
    assert caught.value.code == "catalog-malformed"


def test_edited_catalogue_fails_its_hash(sample_text):
    raw = json.loads(sample_text)
    raw["town"]["name"]["ja"] = "改竄町"
    with pytest.raises(TetsuzukiError.InvalidCatalog) as caught:
        catalog_summary(json.dumps(raw, ensure_ascii=False))
    assert caught.value.code == "catalog-hash"
    assert "hash" in caught.value.reason


def test_errors_are_one_exception_type():
    with pytest.raises(TetsuzukiError):
        catalog_summary("")

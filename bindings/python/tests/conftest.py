"""Shared by the Python binding tests: the sample catalogue scripts/test compiles
(TETSUZUKI_SAMPLE_CATALOG, default target/sample-catalog.json; town oishida)."""

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
SAMPLE = pathlib.Path(os.environ.get("TETSUZUKI_SAMPLE_CATALOG") or ROOT / "target" / "sample-catalog.json")
TODAY = "2026-11-23"
AT = "2026-11-23T10:00:00+09:00"


@pytest.fixture(scope="session")
def sample_text():
    if not SAMPLE.is_file():
        pytest.fail(
            f"no sample catalogue at {SAMPLE}: run scripts/test, or `cargo run -p tetsuzuki-cli -- "
            "compile fixtures/model fixtures/towns --town oishida -o target/sample-catalog.json`"
        )
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def catalog(sample_text):
    import tetsuzuki

    return tetsuzuki.Catalog.load(sample_text)


@pytest.fixture(scope="session")
def native_catalog(sample_text):
    import tetsuzuki_bindings

    return tetsuzuki_bindings.Catalog.load(sample_text)

"""The package under test is an installed wheel (scripts/test-wheel sets
TETSUZUKI_TEST_INSTALLED=1 and runs every test of this folder in a fresh venv): `tetsuzuki`,
`tetsuzuki_bindings` and the shared library come from the venv's site-packages, not from the
work tree, and the wheel's metadata has the one version. Skipped in the source tree."""

import importlib.metadata
import os
import pathlib
import sys
import sysconfig

import pytest

import tetsuzuki
import tetsuzuki_bindings

pytestmark = pytest.mark.skipif(
    not os.environ.get("TETSUZUKI_TEST_INSTALLED"), reason="scripts/test-wheel only (an installed wheel)"
)


def test_imports_come_from_the_venv():
    site = pathlib.Path(sysconfig.get_paths()["platlib"]).resolve()
    assert pathlib.Path(sys.prefix).resolve() != pathlib.Path(sys.base_prefix).resolve(), "not in a venv"
    for module in (tetsuzuki, tetsuzuki_bindings, tetsuzuki_bindings.generated_module):
        assert pathlib.Path(module.__file__).resolve().is_relative_to(site), module.__file__
    lib = pathlib.Path(tetsuzuki_bindings.generated_module.__file__).parent / "libtetsuzuki_bindings.so"
    assert lib.is_file()


def test_the_distribution_is_the_wheel():
    dist = importlib.metadata.distribution("tetsuzuki")
    assert dist.version == tetsuzuki.__version__
    assert dist.metadata["Requires-Python"] == ">=3.9"
    assert dist.metadata["License-Expression"] == "MIT OR Apache-2.0"
    assert sorted(dist.metadata.get_all("License-File") or []) == ["LICENSE-APACHE", "LICENSE-MIT"]
    files = {str(f) for f in dist.files or ()}
    assert {"tetsuzuki/__init__.py", "tetsuzuki/py.typed", "tetsuzuki_bindings/py.typed",
            "tetsuzuki_bindings/generated/libtetsuzuki_bindings.so"} <= files
    # The module maturin generated, not gen-python's copy in the work tree; no tests, no tools.
    packed = {f for f in files if "__pycache__" not in f and ".dist-info/" not in f}
    assert {f for f in packed if f.startswith("tetsuzuki_bindings/generated/")} == {
        "tetsuzuki_bindings/generated/__init__.py",
        "tetsuzuki_bindings/generated/tetsuzuki_bindings.py",
        "tetsuzuki_bindings/generated/libtetsuzuki_bindings.so",
    }
    assert {f.split("/")[0] for f in packed} == {"tetsuzuki", "tetsuzuki_bindings"}

"""One version everywhere, and the import-time check of the Python version: the native
library's ``version()`` (the core's) is the workspace's (Cargo.toml) and ``__version__``;
importing the package on a Python older than ``requires-python`` says what it needs."""

import os
import re
import subprocess
import sys

import tetsuzuki
import tetsuzuki_bindings

from conftest import ROOT


def workspace_version() -> str:
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    return re.search(r'^\[workspace\.package\][^\[]*?^version\s*=\s*"([^"]+)"', cargo, re.M | re.S).group(1)


def test_the_native_version_is_the_workspace_version():
    assert tetsuzuki_bindings.version() == workspace_version()
    assert tetsuzuki.version() == workspace_version()
    assert tetsuzuki.__version__ == tetsuzuki.version()


def test_importing_on_python_3_8_names_the_requirement():
    # No Python 3.8 here: the check reads sys.version_info, which the child sets first.
    package = os.path.dirname(os.path.dirname(tetsuzuki.__file__))
    code = "import sys; sys.version_info = (3, 8, 10, 'final', 0); sys.path.insert(0, %r); import tetsuzuki" % package
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT.parent))
    assert run.returncode != 0
    assert "ImportError: tetsuzuki needs Python 3.9 or newer (Requires-Python >= 3.9); this is Python 3.8." in run.stderr

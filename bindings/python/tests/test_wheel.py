"""bindings/python/make_wheel.py (scripts/build-wheel's packer) makes a wheel pip installs and
Python imports: packed here from the debug build scripts/gen-python made."""

import pathlib
import shutil
import subprocess
import sys

from conftest import ROOT, SAMPLE

PY = ROOT / "bindings" / "python"


def test_wheel_installs_and_imports(tmp_path):
    stage = tmp_path / "stage"
    shutil.copytree(PY / "tetsuzuki_bindings", stage / "tetsuzuki_bindings",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PY / "tetsuzuki", stage / "tetsuzuki", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, str(PY / "make_wheel.py"), str(stage), "0.0.0", str(tmp_path / "wheels")],
                   check=True, capture_output=True)
    wheels = list((tmp_path / "wheels").glob("tetsuzuki-0.0.0-py3-none-*.whl"))
    assert len(wheels) == 1
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-index",
                    "--no-deps", "--target", str(site), str(wheels[0])], check=True, capture_output=True)
    code = (
        "import sys, tetsuzuki; "
        f"c = tetsuzuki.Catalog.load_file({str(SAMPLE)!r}); "
        "assert tetsuzuki.__file__.startswith(sys.argv[1]), tetsuzuki.__file__; "
        "print(c.summary().town_id)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(site)], capture_output=True, text=True,
                          cwd=tmp_path, env={"PYTHONPATH": str(site)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "oishida"
    assert pathlib.Path(site / "tetsuzuki_bindings" / "generated" / "libtetsuzuki_bindings.so").is_file()

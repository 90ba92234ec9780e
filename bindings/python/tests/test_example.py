"""examples/python/moving_in.py runs to the end with its answers piped on stdin."""

import json
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

import tetsuzuki
from conftest import AT, ROOT, SAMPLE, TODAY

SCRIPT = ROOT / "examples" / "python" / "moving_in.py"
ANSWERS = ROOT / "examples" / "python" / "moving_in.answers.txt"


@pytest.fixture(scope="module")
def script(tmp_path_factory):
    """The example in place; or, when the package under test is an installed one (scripts/
    test-wheel), a copy outside the work tree: in place, the example puts the source tree's
    bindings/python first on sys.path, and would run against that instead."""
    installed = pathlib.Path(tetsuzuki.__file__).resolve().is_relative_to(pathlib.Path(sys.prefix).resolve())
    if not installed:
        return SCRIPT
    copy = tmp_path_factory.mktemp("app") / "examples" / "python" / SCRIPT.name
    copy.parent.mkdir(parents=True)
    shutil.copy(SCRIPT, copy)
    return copy


@pytest.fixture(scope="module")
def submissions_file(tmp_path_factory):
    return tmp_path_factory.mktemp("example") / "submissions.json"


@pytest.fixture(scope="module")
def run(script, submissions_file):
    def run(stdin, lang="en"):
        return subprocess.run(
            [sys.executable, str(script), "--catalog", str(SAMPLE), "--today", TODAY, "--lang", lang, "--at", AT,
             "--submissions", str(submissions_file)],
            input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=60,
        )
    return run


def test_moving_in_interview_submits(run, submissions_file):
    done = run(ANSWERS.read_text(encoding="utf-8"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    # Asked once each: the screening's move date and "moved with others" are not asked again.
    assert out.count("Family name in katakana (") == 1
    assert out.count("Date you moved here") == 1 and "Date you moved in" not in out.split("Check your")[0]
    # The hiragana reading was shown with its fix, and the one-press fix applied.
    assert "must be in katakana" in out and "Change hiragana to katakana" in out
    check = out.split("Check your answers:\n", 1)[1].split("\n== ", 1)[0]
    assert "Family name in katakana: ヤマダ  [typed]" in check
    # The checklist says how each procedure is done: 転入届 is prepared online and finished at
    # the counter, 国保の加入届 is done online.
    assert "Notification of moving in (by 2026-12-04) · prepare online, finish at the counter" in out
    assert "Joining National Health Insurance (by 2026-12-04) · online" in out
    # 転入届 is not submitted from the resident's device: it is a handoff, with its check code.
    prepared = out.split("== Show this code at the town office counter\n", 1)[1].split("\nSubmitted:", 1)[0]
    assert "  - Notification of moving in: " in prepared
    assert re.search(r"^  Check code: [0-9A-Z]{4}-[0-9A-Z]{4} ", prepared, re.M)
    assert "You can use it until 22 December 2026." in prepared
    # The visit was booked through the host (the example's stand-in offers three times).
    assert out.count("== Book your visit") == 1
    assert "  2. 24 November 2026, 10:00 (役場1階 住民係 (stand-in))" in out
    assert re.search(r"^  Visit booked: 24 November 2026, 10:00 .*\(booking number STANDIN-BOOK-0001\)$", prepared, re.M)
    # What is done online is submitted, with its reference.
    assert re.search(r"^  - Joining National Health Insurance: [0-9A-Z]{4}-[0-9A-Z]{4}$", out, re.M)
    # What a host would send goes to the file asked for, never to the terminal (a My Number).
    assert "Submitted: kokuho-kanyu\n" in out
    assert not re.search(r"\d{12}", out.split("Check your answers:", 1)[1]), "no My Number shown after it was typed"
    submitted = json.loads(submissions_file.read_text(encoding="utf-8"))
    assert [s["procedure"] for s in submitted] == ["kokuho-kanyu"]
    answers = submitted[0]["answers"]
    assert answers["birth_date"] == "1980-04-01" and answers["reason"] == "moved_in"
    assert answers["address"]["postal_code"] == "999-4112"
    assert answers["members"][0]["name_kana"] == "ヤマダ　タロウ"


def test_moving_in_interview_stops_cleanly_when_stdin_ends(run):
    done = run("2026-11-20\nn\n", lang="ja")
    assert done.returncode == 1
    assert "nothing was submitted" in done.stderr
    assert "Traceback" not in done.stderr

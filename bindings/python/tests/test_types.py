"""What editors and type checkers see, and what people see when they print a record: the
records' repr shows their fields, the wrapper's typed view of a record has the generated
record's fields, `py.typed` is shipped, `__version__` is the workspace's, and mypy reads the
types of the package as imported (the source tree, or the installed wheel)."""

import ast
import dataclasses
import inspect
import os
import pathlib
import re
import subprocess
import sys
import textwrap

import pytest

import tetsuzuki
import tetsuzuki_bindings
from conftest import ROOT, TODAY


def generated_fields(cls):
    """A generated record's fields: its __init__'s keyword-only parameters, in order."""
    params = inspect.signature(cls.__init__).parameters.values()
    return [p.name for p in params if p.kind is p.KEYWORD_ONLY]


def test_record_repr_shows_the_fields():
    check = tetsuzuki.check_value("postal_code", "ab", today=TODAY, lang="en")
    text = repr(check)
    assert text.startswith("ValueCheck(valid=False, normalized=None, issues=[Issue(field='value', ")
    assert "code='postal_code." in text and "machine_fix=None" in text
    assert repr(tetsuzuki.check_value("postal_code", "9994112", today=TODAY, lang="en")) == (
        "ValueCheck(valid=True, normalized='999-4112', issues=[])"
    )


def test_every_generated_record_has_a_field_repr():
    module = tetsuzuki_bindings.generated_module
    records = [
        cls for cls in vars(module).values()
        if isinstance(cls, type) and cls.__module__ == module.__name__ and dataclasses.is_dataclass(cls)
    ]
    assert len(records) >= 20
    assert sorted(tetsuzuki_bindings.RECORDS) == sorted(cls.__name__ for cls in records)
    for cls in records:
        fields = generated_fields(cls)
        assert fields, cls
        record = cls(**{name: None for name in fields})
        assert repr(record) == f"{cls.__name__}({', '.join(f'{n}=None' for n in fields)})"


def typed_views():
    """The classes declared under `if TYPE_CHECKING:` in tetsuzuki/__init__.py (the wrapper's
    typed view of the records whose JSON fields it converts), with their annotated fields."""
    tree = ast.parse(pathlib.Path(tetsuzuki.__file__).read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If)
                 and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
    return {
        node.name: [stmt.target.id for stmt in node.body
                    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)]
        for node in block.body if isinstance(node, ast.ClassDef)
    }


def test_typed_views_have_the_generated_fields():
    views = typed_views()
    assert {"Issue", "MachineFix", "Validation", "ValueCheck", "Submission", "TetsuzukiError"} <= set(views)
    for name, fields in views.items():
        if name == "TetsuzukiError":
            assert fields == ["code", "reason"]
            continue
        generated = getattr(tetsuzuki_bindings, name)
        assert fields == generated_fields(generated), name
        assert getattr(tetsuzuki, name) is generated  # at run time, the generated record


def test_typed_error_variants_are_the_generated_ones():
    tree = ast.parse(pathlib.Path(tetsuzuki.__file__).read_text(encoding="utf-8"))
    declared = {
        node.name for cls in ast.walk(tree) if isinstance(cls, ast.ClassDef) and cls.name == "TetsuzukiError"
        for node in cls.body if isinstance(node, ast.ClassDef)
    }
    base = tetsuzuki_bindings.TetsuzukiError
    variants = {name for name, value in vars(base).items()
                if isinstance(value, type) and issubclass(value, base)}
    assert declared == variants


def test_every_public_name_exists():
    for name in tetsuzuki.__all__:
        assert hasattr(tetsuzuki, name), name


def test_py_typed_is_shipped():
    for package in (tetsuzuki, tetsuzuki_bindings):
        assert (pathlib.Path(package.__file__).parent / "py.typed").is_file(), package


def test_version_is_the_workspace_version():
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    version = re.search(r'^\[workspace\.package\][^\[]*?^version\s*=\s*"([^"]+)"', cargo, re.M | re.S).group(1)
    assert tetsuzuki.__version__ == version


SNIPPET = '''
import datetime
from typing import Any, Dict, List

import tetsuzuki

catalog = tetsuzuki.Catalog.load_file("catalog.json")
session = catalog.start_session(["tennyu"])
session.set_answer("person.family_name_kana", "やまだ")
issues: List[tetsuzuki.Issue] = session.validate(today=datetime.date(2026, 11, 23), lang="en")
for issue in issues:
    if issue.machine_fix is not None:
        session.set_answer(issue.field, issue.machine_fix.value)
check: tetsuzuki.ValueCheck = tetsuzuki.check_value("postal_code", "9994112", today="2026-11-23")
valid: bool = check.valid
journey = tetsuzuki.Journey.start(catalog, today="2026-11-23", lang="en", event="moving-in")
view: Dict[str, Any] = journey.view()
try:
    submissions: List[tetsuzuki.Submission] = journey.submit("2026-11-23T10:00:00+09:00")
    answers: Dict[str, Any] = submissions[0].answers
except tetsuzuki.TetsuzukiError.JourneyState as e:
    code: str = e.code
    message: str = e.message
version: str = tetsuzuki.__version__
town: int = catalog.summary().town_id  # the one error mypy must find
'''


def test_mypy_reads_the_types(tmp_path):
    """mypy --strict on a snippet of typical use, against the package this test imports
    (`--python-executable` finds an installed wheel by its py.typed; the source tree through
    MYPYPATH): no error but the one planted, which proves it saw real types, not Any."""
    pytest.importorskip("mypy", reason="mypy is in requirements-test.txt (scripts/setup)")
    (tmp_path / "snippet.py").write_text(textwrap.dedent(SNIPPET), encoding="utf-8")
    # The generated module is UniFFI's: its own (untyped) helpers are not ours to check.
    (tmp_path / "mypy.ini").write_text(
        "[mypy]\nstrict = True\n\n[mypy-tetsuzuki_bindings.*]\nignore_errors = True\n", encoding="utf-8"
    )
    home = pathlib.Path(tetsuzuki.__file__).resolve().parents[1]
    env = dict(os.environ)
    if not pathlib.Path(tetsuzuki.__file__).resolve().is_relative_to(pathlib.Path(sys.prefix).resolve()):
        env["MYPYPATH"] = str(home)  # the source tree
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--no-incremental",
         "--python-executable", sys.executable, "--cache-dir", str(tmp_path / "cache"), "snippet.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, done.stdout + done.stderr
    assert 'snippet.py:25: error: Incompatible types in assignment (expression has type "str", variable has type "int")' in errors[0]

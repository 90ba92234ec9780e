"""tetsuzuki: Japanese municipal procedures for Python, over the Rust core.

A thin wrapper of the generated UniFFI module (``tetsuzuki_bindings``): it takes native
Python values (dict, list, str, bool, numbers, ``datetime.date``) where the bindings take
JSON text, and gives JSON fields back as Python values. It converts only: every rule,
message and check is the core's. The names are those of docs/HOST-API.md.

    import tetsuzuki
    catalog = tetsuzuki.Catalog.load(open("catalog.json", encoding="utf-8").read())
    session = catalog.start_session(["tennyu"])
    session.set_answer("person.birth_date", "昭和55年4月1日")
    for issue in session.validate(today="2026-11-23", lang="en"):
        print(issue.field, issue.message, issue.fix)
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from typing import Any, Iterable, List, Optional, Tuple

import tetsuzuki_bindings as _b

TetsuzukiError = _b.TetsuzukiError
"""The one exception type; every variant (``TetsuzukiError.BadInput``, ...) has ``code``
and ``reason`` (see docs/HOST-API.md for the codes); ``message`` is the same text."""

# The bindings name the text `reason` (Kotlin's exceptions already have `message`); give
# Python the HOST-API name too.
_base = TetsuzukiError.BadInput.__mro__[1]
if not hasattr(_base, "message"):
    _base.message = property(lambda self: self.reason)

CatalogSummary = _b.CatalogSummary

__all__ = [
    "Catalog",
    "CatalogSummary",
    "Profile",
    "Session",
    "TetsuzukiError",
    "check_value",
]


def _text(value: Any) -> str:
    """A value as the JSON text the bindings take."""
    try:
        return _json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise TetsuzukiError.BadInput(
            code="bad-value", reason=f"the value cannot be written as JSON ({type(value).__name__}): {e}"
        ) from None


def _answers(answers: Any) -> str:
    if answers is None:
        return "{}"
    if isinstance(answers, (str, bytes)):
        # Already JSON text: the core reads (and checks) it.
        return answers.decode("utf-8") if isinstance(answers, bytes) else answers
    return _text(answers)


def _date(day: Any) -> str:
    if isinstance(day, (_dt.date, _dt.datetime)):
        return (day.date() if isinstance(day, _dt.datetime) else day).isoformat()
    return day if isinstance(day, str) else str(day)


def _time(at: Any) -> str:
    if isinstance(at, _dt.datetime):
        return at.isoformat()
    return at if isinstance(at, str) else str(at)


def _value(text: Optional[str]) -> Any:
    return None if text is None else _json.loads(text)


def _issues(issues: Iterable[Any]) -> List[Any]:
    out = list(issues)
    for issue in out:
        if issue.machine_fix is not None:
            issue.machine_fix.value = _value(issue.machine_fix.value)
    return out


def _submissions(subs: Iterable[Any]) -> List[Any]:
    out = list(subs)
    for s in out:
        s.answers = _value(s.answers)
    return out


def check_value(type: str, value: Any, *, today: Any, lang: str = "ja") -> Any:
    """Tries one value of a field type (``postal_code``): ``ValueCheck(valid, normalized, issues)``."""
    check = _b.check_value(type, _text(value), _date(today), lang)
    check.normalized = _value(check.normalized)
    check.issues = _issues(check.issues)
    return check


class Catalog:
    """A compiled catalogue (``tetsuzuki compile`` output), checked and planned once.
    Share one between threads and sessions."""

    def __init__(self, native: Any):
        self.native = native

    @classmethod
    def load(cls, json_text: Any) -> "Catalog":
        if isinstance(json_text, bytes):
            json_text = json_text.decode("utf-8")
        if not isinstance(json_text, str):
            json_text = _text(json_text)
        return cls(_b.Catalog.load(json_text))

    @classmethod
    def load_file(cls, path: Any) -> "Catalog":
        with open(path, encoding="utf-8") as f:
            return cls.load(f.read())

    def summary(self) -> Any:
        return self.native.summary()

    def life_events(self, lang: str = "ja") -> List[Any]:
        return self.native.life_events(lang)

    def procedures(self, lang: str = "ja") -> List[Any]:
        return self.native.procedures(lang)

    def navigate(
        self, event: str, answers: Any = None, *, today: Any, event_date: Any = None, lang: str = "ja"
    ) -> Any:
        checklist = self.native.navigate(
            event, _answers(answers), None if event_date is None else _date(event_date), _date(today), lang
        )
        checklist.issues = _issues(checklist.issues)
        return checklist

    def screening_questions(self, event: str, lang: str = "ja") -> List[Any]:
        return self.native.screening_questions(event, lang)

    def validate(self, procedure: str, answers: Any, *, today: Any, lang: str = "ja") -> Any:
        v = self.native.validate(procedure, _answers(answers), _date(today), lang)
        v.normalized = _value(v.normalized)
        v.issues = _issues(v.issues)
        return v

    def start_session(self, procedures: Any) -> "Session":
        if isinstance(procedures, str):
            procedures = [procedures]
        return Session(self.native.start_session(list(procedures)))

    def restore_draft(self, text: str, previous: Optional["Catalog"] = None) -> Tuple["Session", Any]:
        """The session a draft's text saved, and the restore report. Given the catalogue the
        draft was made with (``previous``), the report's ``fields`` list the field-level changes
        of its procedures (``FieldChange(kind, aspect, procedure, path, old, new)``, ``old`` and
        ``new`` as Python values); empty otherwise."""
        native_previous = previous.native if isinstance(previous, Catalog) else previous
        restored = self.native.restore_draft(text, native_previous)
        report = restored.report
        for change in report.fields:
            change.old = _value(change.old)
            change.new = _value(change.new)
        return Session(restored.session), report


class Session:
    """A one-stop session: each question asked once; ``submit`` ends it. Thread-safe."""

    def __init__(self, native: Any):
        self.native = native

    def procedures(self) -> List[str]:
        return self.native.procedures()

    def questions(self, lang: str = "ja") -> List[Any]:
        return self.native.questions(lang)

    def pages(self, *, today: Any, lang: str = "ja") -> List[Any]:
        return self.native.pages(_date(today), lang)

    def set_answer(self, key: str, value: Any) -> None:
        self.native.set_answer(key, _text(value))

    def answer(self, key: str) -> Any:
        return _value(self.native.answer(key))

    def reuse_screening(self, event: str, answers: Any) -> List[str]:
        return self.native.reuse_screening(event, _answers(answers))

    def prefill(self, profile: "Profile", *, today: Any) -> List[str]:
        return self.native.prefill(profile.native, _date(today))

    def validate(self, *, today: Any, lang: str = "ja") -> List[Any]:
        return _issues(self.native.validate(_date(today), lang))

    def validate_question(self, key: str, *, today: Any, lang: str = "ja") -> List[Any]:
        return _issues(self.native.validate_question(key, _date(today), lang))

    def summary(self, *, today: Any, lang: str = "ja") -> List[Any]:
        rows = self.native.summary(_date(today), lang)
        for row in rows:
            row.answer = _value(row.answer)
        return rows

    def submissions(self, *, today: Any, at: Any) -> List[Any]:
        return _submissions(self.native.submissions(_date(today), _time(at)))

    def submit(self, *, today: Any, at: Any) -> List[Any]:
        return _submissions(self.native.submit(_date(today), _time(at)))

    def is_ended(self) -> bool:
        return self.native.is_ended()

    def set_assisted(self, assisted: bool) -> None:
        """書かない窓口: staff fill in; submitted only after the resident confirms."""
        self.native.set_assisted(assisted)

    def is_assisted(self) -> bool:
        return self.native.is_assisted()

    def confirm_by_resident(self, confirmed: bool) -> None:
        self.native.confirm_by_resident(confirmed)

    def is_confirmed_by_resident(self) -> bool:
        return self.native.is_confirmed_by_resident()

    def confirmation_issue(self, *, lang: str = "ja") -> Optional[Any]:
        issue = self.native.confirmation_issue(lang)
        return None if issue is None else _issues([issue])[0]

    def update_profile(self, profile: "Profile", *, today: Any, at: Any) -> List[str]:
        return self.native.update_profile(profile.native, _date(today), _time(at))

    def save_draft(self) -> str:
        return self.native.save_draft()


class Profile:
    """The once-only store the host keeps on the device. Thread-safe."""

    def __init__(self, native: Any):
        self.native = native

    @classmethod
    def empty(cls) -> "Profile":
        return cls(_b.Profile.empty())

    @classmethod
    def load(cls, json_text: str) -> "Profile":
        return cls(_b.Profile.load(json_text))

    @classmethod
    def recover(cls, json_text: str) -> Tuple["Profile", List[str]]:
        """Keeps what it can of a damaged profile; returns it and what was dropped."""
        r = _b.recover_profile(json_text)
        return cls(r.profile), r.dropped

    def to_json(self) -> str:
        return self.native.to_json()

    def give_consent(self, at: Any) -> None:
        self.native.give_consent(_time(at))

    def withdraw_consent(self) -> None:
        self.native.withdraw_consent()

    def has_consent(self) -> bool:
        return self.native.has_consent()

    def facts(self, *, today: Any) -> List[Any]:
        facts = self.native.facts(_date(today))
        for f in facts:
            f.value = _value(f.value)
        return facts

    def forget(self, concept: str) -> None:
        self.native.forget(concept)

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

    journey = tetsuzuki.Journey.start(catalog, today="2026-11-23", lang="en", event="moving-in")
    journey.answer("move_date", "2026-11-20")
    view = journey.view()                      # a dict: view["stage"] == "screening"

Typed (``py.typed``): the records it gives back are the generated ones, with their JSON-text
fields (``Issue.machine_fix.value``, ``Validation.normalized``, ``Submission.answers``, ...)
already Python values; ``repr()`` shows their fields. ``__version__`` is the Rust workspace's.
"""

from __future__ import annotations

import sys as _sys

# pip refuses the wheel below 3.9 (Requires-Python); a copy put on sys.path by hand says so here.
if _sys.version_info < (3, 9):
    raise ImportError(
        "tetsuzuki needs Python 3.9 or newer (Requires-Python >= 3.9); this is Python %d.%d. "
        "Install it into a venv of Python 3.9+ (python3.9 -m venv venv && venv/bin/pip install tetsuzuki-*.whl)."
        % tuple(_sys.version_info[:2])
    )

import datetime as _dt
import importlib.metadata as _metadata
import json as _json
import pathlib as _pathlib
import re as _re
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import tetsuzuki_bindings as _b
from tetsuzuki_bindings import (
    Answered,
    AnswerSource,
    CatalogSummary,
    ChecklistItem,
    Contact,
    Due,
    InternalError,
    LifeEventInfo,
    Page,
    ProcedureChange,
    ProcedureInfo,
    Question,
    QuestionOption,
    Receipt,
    ScreeningQuestion,
    Slot,
    StepReceipt,
    StepRequest,
    VisitBooking,
)

Day = Union[str, _dt.date]
"""A day: ``datetime.date`` (or ``datetime.datetime``), or its ISO text (``"2026-11-23"``)."""
Instant = Union[str, _dt.datetime]
"""A moment: an aware ``datetime.datetime``, or RFC 3339 text (``"2026-11-23T10:00:00+09:00"``)."""

if TYPE_CHECKING:
    # What the wrapper gives back, for editors and type checkers. At run time these are the
    # generated records (the `else:` below) with their JSON-text fields turned into Python
    # values by this module; the other records are the generated ones as they are.
    # bindings/python/tests/test_types.py checks that each class here has exactly the fields
    # of the generated record of the same name.

    class TetsuzukiError(Exception):
        """The one exception type (see docs/HOST-API.md for the codes)."""

        code: str
        reason: str

        @property
        def message(self) -> str: ...

        def __init__(self, code: str, reason: str) -> None: ...

        class InvalidCatalog(TetsuzukiError):
            """``catalog-malformed``, ``catalog-format``, ``catalog-hash``."""

        class Unknown(TetsuzukiError):
            """``unknown-procedure``, ``unknown-event``, ``unknown-question``, ``unknown-field``, ``unknown-type``."""

        class BadInput(TetsuzukiError):
            """``bad-value``, ``bad-date``, ``bad-lang``, ``bad-journey``, ``bad-code``."""

        class SessionState(TetsuzukiError):
            """``no-procedures``, ``not-ready``, ``session-ended``, ``session-unconfirmed``."""

        class JourneyState(TetsuzukiError):
            """``wrong-stage``, ``has-errors``, ``unacknowledged-warnings``, ...: nothing changed."""

        class InvalidDraft(TetsuzukiError):
            """``draft-malformed``, ``draft-format``, ``draft-no-procedures``."""

        class Profile(TetsuzukiError):
            """``profile-malformed``, ``profile-format``, ``profile-no-consent``."""

        class Internal(TetsuzukiError):
            """``internal-panic``: a bug; please report it."""

    class MachineFix:
        """A one-press fix: ``session.set_answer(issue.field, issue.machine_fix.value)``."""

        label: str
        value: Any

    class Issue:
        field: str
        code: str
        severity: str
        message: str
        fix: str
        machine_fix: Optional[MachineFix]
        params: Dict[str, str]

    class Checklist:
        event: str
        questions: List[ScreeningQuestion]
        issues: List[Issue]
        procedures: List[ChecklistItem]
        town_actions: List[ChecklistItem]

    class Validation:
        issues: List[Issue]
        normalized: Dict[str, Any]
        relevant: List[str]

    class ValueCheck:
        valid: bool
        normalized: Any
        issues: List[Issue]

    class SummaryRow:
        key: str
        label: str
        answer: Any
        text: str
        source: AnswerSource
        page: str
        used_by: List[str]

    class Submission:
        procedure: str
        version: str
        catalog_hash: str
        submitted_at: str
        answers: Dict[str, Any]
        steps: List[StepReceipt]

    class Fact:
        concept: str
        value: Any
        sensitive: bool
        source: str
        since: Optional[str]

    class FieldChange:
        kind: str
        aspect: str
        procedure: Optional[str]
        path: str
        old: Any
        new: Any

    class RestoreReport:
        same_catalog: bool
        truncated: bool
        changed: List[ProcedureChange]
        gone: List[str]
        recheck: List[str]
        kept: List[str]
        missing_procedures: List[str]
        fields: List[FieldChange]

else:
    TetsuzukiError = _b.TetsuzukiError
    """The one exception type; every variant (``TetsuzukiError.BadInput``, ...) has ``code``
    and ``reason`` (see docs/HOST-API.md for the codes); ``message`` is the same text."""
    MachineFix = _b.MachineFix
    Issue = _b.Issue
    Checklist = _b.Checklist
    Validation = _b.Validation
    ValueCheck = _b.ValueCheck
    SummaryRow = _b.SummaryRow
    Submission = _b.Submission
    Fact = _b.Fact
    FieldChange = _b.FieldChange
    RestoreReport = _b.RestoreReport

    # The bindings name the text `reason` (Kotlin's exceptions already have `message`); give
    # Python the HOST-API name too.
    _base = TetsuzukiError.BadInput.__mro__[1]
    if not hasattr(_base, "message"):
        _base.message = property(lambda self: self.reason)


def _version() -> str:
    """The distribution's version when this package is the installed one (a wheel: the crate's
    version, which maturin writes into the metadata); in the source tree, the workspace's
    ``[workspace.package] version`` in Cargo.toml. One version number either way."""
    here = _pathlib.Path(__file__).resolve()
    try:
        dist = _metadata.distribution("tetsuzuki")
        if _pathlib.Path(str(dist.locate_file("tetsuzuki/__init__.py"))).resolve() == here:
            return dist.version
    except _metadata.PackageNotFoundError:
        pass
    try:
        cargo = (here.parents[3] / "Cargo.toml").read_text(encoding="utf-8")
    except OSError:
        return "0+unknown"
    found = _re.search(r'^\[workspace\.package\][^\[]*?^version\s*=\s*"([^"]+)"', cargo, _re.M | _re.S)
    return found.group(1) if found else "0+unknown"


__version__ = _version()
"""The version of tetsuzuki (the Rust workspace's, e.g. ``0.1.0``)."""


def version() -> str:
    """The version compiled into the native library (the core's): the same as ``__version__``."""
    return str(_b.version())

__all__ = [
    "AnswerSource",
    "Answered",
    "Catalog",
    "CatalogSummary",
    "Checklist",
    "ChecklistItem",
    "Contact",
    "Day",
    "Due",
    "Fact",
    "FieldChange",
    "Instant",
    "InternalError",
    "Issue",
    "Journey",
    "LifeEventInfo",
    "MachineFix",
    "Page",
    "ProcedureChange",
    "ProcedureInfo",
    "Profile",
    "Question",
    "QuestionOption",
    "Receipt",
    "RestoreReport",
    "ScreeningQuestion",
    "Session",
    "Slot",
    "StepReceipt",
    "StepRequest",
    "Submission",
    "SummaryRow",
    "TetsuzukiError",
    "Validation",
    "ValueCheck",
    "VisitBooking",
    "__version__",
    "check_value",
    "version",
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


def _visit(visit: Any) -> VisitBooking:
    if isinstance(visit, VisitBooking):
        return visit
    if not isinstance(visit, dict):
        raise TetsuzukiError.BadInput(
            code="bad-value", reason=f"a visit is a VisitBooking or a dict, not {type(visit).__name__}"
        )
    start = visit.get("start")
    if isinstance(start, _dt.datetime):
        start = start.replace(tzinfo=None).isoformat(timespec="minutes")
    return VisitBooking(
        procedures=list(visit.get("procedures", [])),
        start=str(start),
        minutes=int(visit.get("minutes", 0)),
        place=str(visit.get("place", "")),
    )


def _slot(slot: Any) -> Slot:
    if isinstance(slot, Slot):
        return slot
    if not isinstance(slot, dict):
        raise TetsuzukiError.BadInput(code="step-answer", reason=f"a time is a Slot or a dict, not {type(slot).__name__}")
    start = slot.get("start")
    if isinstance(start, _dt.datetime):
        start = start.replace(tzinfo=None).isoformat(timespec="minutes")
    try:
        minutes = int(slot.get("minutes", 0))
    except (TypeError, ValueError):
        minutes = 0
    return Slot(id=str(slot.get("id", "")), start=str(start), minutes=max(minutes, 0), place=str(slot.get("place", "")))


def _value(text: Optional[str]) -> Any:
    return None if text is None else _json.loads(text)


def _issues(issues: Iterable[Any]) -> List[Issue]:
    out = list(issues)
    for issue in out:
        if issue.machine_fix is not None:
            issue.machine_fix.value = _value(issue.machine_fix.value)
    return out


def _submissions(subs: Iterable[Any]) -> List[Submission]:
    out = list(subs)
    for s in out:
        s.answers = _value(s.answers)
    return out


def check_value(type: str, value: Any, *, today: Day, lang: str = "ja") -> ValueCheck:
    """Tries one value of a field type (``postal_code``): ``ValueCheck(valid, normalized, issues)``."""
    check: Any = _b.check_value(type, _text(value), _date(today), lang)
    check.normalized = _value(check.normalized)
    check.issues = _issues(check.issues)
    return check  # type: ignore[no-any-return]


class Catalog:
    """A compiled catalogue (``tetsuzuki compile`` output), checked and planned once.
    Share one between threads and sessions."""

    native: _b.Catalog

    def __init__(self, native: _b.Catalog):
        self.native = native

    @classmethod
    def load(cls, json_text: Union[str, bytes, Dict[str, Any]]) -> Catalog:
        if isinstance(json_text, bytes):
            json_text = json_text.decode("utf-8")
        if not isinstance(json_text, str):
            json_text = _text(json_text)
        return cls(_b.Catalog.load(json_text))

    @classmethod
    def load_file(cls, path: Union[str, _pathlib.PurePath]) -> Catalog:
        with open(path, encoding="utf-8") as f:
            return cls.load(f.read())

    def summary(self) -> CatalogSummary:
        return self.native.summary()

    def life_events(self, lang: str = "ja") -> List[LifeEventInfo]:
        return self.native.life_events(lang)

    def procedures(self, lang: str = "ja") -> List[ProcedureInfo]:
        return self.native.procedures(lang)

    def navigate(
        self,
        event: str,
        answers: Any = None,
        *,
        today: Day,
        event_date: Optional[Day] = None,
        lang: str = "ja",
    ) -> Checklist:
        checklist: Any = self.native.navigate(
            event, _answers(answers), None if event_date is None else _date(event_date), _date(today), lang
        )
        checklist.issues = _issues(checklist.issues)
        return checklist  # type: ignore[no-any-return]

    def screening_questions(self, event: str, lang: str = "ja") -> List[Question]:
        return self.native.screening_questions(event, lang)

    def checklist_calendar(
        self,
        event: str,
        answers: Any = None,
        *,
        today: Day,
        stamp: Instant,
        seed: str,
        event_date: Optional[Day] = None,
        lang: str = "ja",
        visits: Iterable[Union[VisitBooking, Dict[str, Any]]] = (),
    ) -> str:
        """The checklist's due dates and the booked visits as the text of an iCalendar file
        (RFC 5545, CRLF line ends): write it to ``reminders.ics``. ``stamp`` is when it is made
        (an aware datetime or RFC 3339 text); ``seed`` makes the events' ids, so the same seed
        updates them on a new import. A visit is a ``VisitBooking`` or a dict
        ``{"procedures": [...], "start": "2026-12-01T10:30" or a naive datetime (Japan's time),
        "minutes": 30, "place": "..."}``."""
        return self.native.checklist_calendar(
            event,
            _answers(answers),
            None if event_date is None else _date(event_date),
            _date(today),
            lang,
            _time(stamp),
            seed,
            [_visit(v) for v in visits],
        )

    def validate(self, procedure: str, answers: Any, *, today: Day, lang: str = "ja") -> Validation:
        v: Any = self.native.validate(procedure, _answers(answers), _date(today), lang)
        v.normalized = _value(v.normalized)
        v.issues = _issues(v.issues)
        return v  # type: ignore[no-any-return]

    def start_session(self, procedures: Union[str, Sequence[str]]) -> Session:
        if isinstance(procedures, str):
            procedures = [procedures]
        return Session(self.native.start_session(list(procedures)))

    def restore_draft(self, text: str, previous: Optional[Catalog] = None) -> Tuple[Session, RestoreReport]:
        """The session a draft's text saved, and the restore report. Given the catalogue the
        draft was made with (``previous``), the report's ``fields`` list the field-level changes
        of its procedures (``FieldChange(kind, aspect, procedure, path, old, new)``, ``old`` and
        ``new`` as Python values); empty otherwise."""
        native_previous = previous.native if isinstance(previous, Catalog) else previous
        restored = self.native.restore_draft(text, native_previous)
        report: Any = restored.report
        for change in report.fields:
            change.old = _value(change.old)
            change.new = _value(change.new)
        return Session(restored.session), report


class Session:
    """A one-stop session: each question asked once; ``submit`` ends it. Thread-safe."""

    native: _b.Session

    def __init__(self, native: _b.Session):
        self.native = native

    def procedures(self) -> List[str]:
        return self.native.procedures()

    def questions(self, lang: str = "ja") -> List[Question]:
        return self.native.questions(lang)

    def pages(self, *, today: Day, lang: str = "ja") -> List[Page]:
        return self.native.pages(_date(today), lang)

    def set_answer(self, key: str, value: Any) -> None:
        self.native.set_answer(key, _text(value))

    def answer(self, key: str) -> Any:
        return _value(self.native.answer(key))

    def reuse_screening(self, event: str, answers: Any) -> List[str]:
        return self.native.reuse_screening(event, _answers(answers))

    def prefill(self, profile: Profile, *, today: Day) -> List[str]:
        return self.native.prefill(profile.native, _date(today))

    def validate(self, *, today: Day, lang: str = "ja") -> List[Issue]:
        return _issues(self.native.validate(_date(today), lang))

    def validate_question(self, key: str, *, today: Day, lang: str = "ja") -> List[Issue]:
        return _issues(self.native.validate_question(key, _date(today), lang))

    def summary(self, *, today: Day, lang: str = "ja") -> List[SummaryRow]:
        rows: List[Any] = self.native.summary(_date(today), lang)
        for row in rows:
            row.answer = _value(row.answer)
        return rows

    def submissions(self, *, today: Day, at: Instant) -> List[Submission]:
        return _submissions(self.native.submissions(_date(today), _time(at)))

    def submit(self, *, today: Day, at: Instant) -> List[Submission]:
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

    def confirmation_issue(self, *, lang: str = "ja") -> Optional[Issue]:
        issue = self.native.confirmation_issue(lang)
        return None if issue is None else _issues([issue])[0]

    def update_profile(self, profile: Profile, *, today: Day, at: Instant) -> List[str]:
        return self.native.update_profile(profile.native, _date(today), _time(at))

    def save_draft(self) -> str:
        return self.native.save_draft()


class Profile:
    """The once-only store the host keeps on the device. Thread-safe."""

    native: _b.Profile

    def __init__(self, native: _b.Profile):
        self.native = native

    @classmethod
    def empty(cls) -> Profile:
        return cls(_b.Profile.empty())

    @classmethod
    def load(cls, json_text: str) -> Profile:
        return cls(_b.Profile.load(json_text))

    @classmethod
    def recover(cls, json_text: str) -> Tuple[Profile, List[str]]:
        """Keeps what it can of a damaged profile; returns it and what was dropped."""
        r = _b.recover_profile(json_text)
        return cls(r.profile), r.dropped

    def to_json(self) -> str:
        return self.native.to_json()

    def give_consent(self, at: Instant) -> None:
        self.native.give_consent(_time(at))

    def withdraw_consent(self) -> None:
        self.native.withdraw_consent()

    def has_consent(self) -> bool:
        return self.native.has_consent()

    def facts(self, *, today: Day) -> List[Fact]:
        facts: List[Any] = self.native.facts(_date(today))
        for f in facts:
            f.value = _value(f.value)
        return facts

    def forget(self, concept: str) -> None:
        self.native.forget(concept)


class Journey:
    """The resident's journey, one state machine in the core: a life event's screening, the
    checklist, the form pages, warnings accepted explicitly, the check page, submit and what
    happens next. Draw ``view()`` (a dict; ``view()["stage"]`` names the screen) and forward
    the resident's actions, by method or as data (``act({"action": "next"})``). An action the
    current stage does not take raises ``TetsuzukiError`` with its ``code``
    (``wrong-stage``, ``has-errors``, ...) and changes nothing. Thread-safe."""

    native: _b.Journey

    def __init__(self, native: _b.Journey):
        self.native = native

    @classmethod
    def start(
        cls,
        catalog: Catalog,
        *,
        today: Day,
        lang: str = "ja",
        event: Optional[str] = None,
        procedures: Union[None, str, Sequence[str]] = None,
        one_question_per_page: bool = False,
        counter: bool = False,
    ) -> Journey:
        """At ``event``'s screening questions, at the forms of ``procedures``, or (neither) at
        the list of life events. ``counter``: 書かない窓口 (the resident confirms before submit)."""
        if isinstance(procedures, str):
            procedures = [procedures]
        return cls(
            _b.Journey.start(
                _native(catalog), _date(today), lang, event, list(procedures or []), one_question_per_page, counter
            )
        )

    @classmethod
    def restore(
        cls,
        catalog: Catalog,
        text: str,
        *,
        today: Day,
        lang: str = "ja",
        one_question_per_page: bool = False,
        counter: bool = False,
    ) -> Journey:
        """A saved journey (``save()``), on the same stage and page (``bad-journey``)."""
        return cls(_b.Journey.restore(_native(catalog), text, _date(today), lang, one_question_per_page, counter))

    def view(self) -> Dict[str, Any]:
        """What to draw now, as a dict (the core's ``JourneyView``)."""
        return _object(self.native.view())

    def stage(self) -> str:
        return self.native.stage()

    def lang(self) -> str:
        return self.native.lang()

    def event(self) -> Optional[str]:
        return self.native.event()

    def act(self, action: Union[str, bytes, Dict[str, Any]]) -> None:
        """An action as data: ``{"action": "answer", "key": "move.date", "value": "2026-11-20"}``
        (a dict, or its JSON text)."""
        self.native.act(_answers(action))

    def choose_event(self, event: str) -> None:
        self.native.choose_event(event)

    def answer(self, key: str, value: Any) -> Answered:
        """Sets an answer of the current screen; ``Answered(shown_changed, issues_changed)``."""
        return self.native.answer(key, _text(value))

    def finish_answer(self, key: str) -> Answered:
        return self.native.finish_answer(key)

    def start_online(self) -> None:
        self.native.start_online()

    def next(self) -> None:
        self.native.next()

    def acknowledge_warnings(self) -> None:
        self.native.acknowledge_warnings()

    def back(self) -> None:
        self.native.back()

    def change(self, key: str) -> None:
        self.native.change(key)

    def go_to(self, key: str) -> None:
        self.native.go_to(key)

    def confirm(self, confirmed: bool = True) -> None:
        self.native.confirm(confirmed)

    def submit(self, at: Instant) -> List[Submission]:
        """Submits at ``at`` (the host's time); the submissions, answers as Python values."""
        return _submissions(self.native.submit(_time(at)))

    def set_reference(self, procedure: str, reference: str) -> None:
        self.native.set_reference(procedure, reference)

    def feedback(self, rating: Optional[int] = None, comment: str = "") -> Dict[str, Any]:
        """A rating from 1 to 5, a comment, or both; what to send to the town, as a dict."""
        return _object(self.native.feedback(rating, comment))

    def dismiss(self) -> None:
        self.native.dismiss()

    def set_lang(self, lang: str) -> None:
        self.native.set_lang(lang)

    def set_keep_profile(self, keep: bool) -> None:
        self.native.set_keep_profile(keep)

    def keeps_profile(self) -> bool:
        return self.native.keeps_profile()

    def set_keep_sensitive(self, keep: bool) -> None:
        """Also keep the sensitive details (My Number, bank account, health): the second consent."""
        self.native.set_keep_sensitive(keep)

    def set_profile(self, profile: Profile) -> None:
        """Gives the journey a copy of the profile; read the updated one with ``profile()``."""
        self.native.set_profile(profile.native)

    def profile(self) -> Optional[Profile]:
        native = self.native.profile()
        return None if native is None else Profile(native)

    def forget_profile(self) -> None:
        self.native.forget_profile()

    def import_code(self, code: str) -> None:
        self.native.import_code(code)

    def continuation_code(self) -> Optional[str]:
        return self.native.continuation_code()

    def open_handoff(self, code: str) -> None:
        """At the counter: opens a resident's handoff (``handoff-*`` errors change nothing)."""
        self.native.open_handoff(code)

    def handoff_text(self) -> Optional[str]:
        """The handoff made on submit for procedures finished at the counter (personal data)."""
        return self.native.handoff_text()

    def begin_step(self) -> StepRequest:
        """The resident starts (or retries) the current host step: the request to answer
        (``sign``: a digest to sign; ``pay``: an amount; ``book``: days, or the slot chosen;
        ``issue``: references), within ``timeout_seconds``."""
        return self.native.begin_step()

    def fulfil_step(self, id: str, reference: str) -> List[Submission]:
        """The host fulfilled request ``id``: the submissions when this sent them, else ``[]``
        (``step-unknown`` for a request given up on)."""
        return _submissions(self.native.fulfil_step(id, reference))

    def fail_step(self, id: str, reason: str) -> None:
        """The host could not fulfil request ``id``: ``cancelled``, ``declined``,
        ``card-unreadable``, ``unavailable``, ``timeout`` or ``interrupted``."""
        self.native.fail_step(id, reason)

    def offer_slots(self, id: str, slots: Iterable[Union[Slot, Dict[str, Any]]]) -> None:
        """The booking system's times for a ``book`` request without a slot: ``Slot``s or dicts
        ``{id, start, minutes, place}`` (``start``: ``YYYY-MM-DDTHH:MM`` or a naive datetime)."""
        self.native.offer_slots(id, [_slot(s) for s in slots])

    def choose_slot(self, slot: str) -> None:
        """The resident chooses an offered time (then ``begin_step`` asks to confirm it)."""
        self.native.choose_slot(slot)

    def skip_step(self) -> None:
        """Skips the current step: a booking, or an issue that failed."""
        self.native.skip_step()

    def leave_steps(self) -> None:
        """Before anything was sent: back to the check page, every answer kept."""
        self.native.leave_steps()

    def save(self) -> str:
        return self.native.save()

    def receipts(self) -> List[Receipt]:
        return self.native.receipts()

    def step_event(self) -> Dict[str, Any]:
        return _object(self.native.step_event())

    def calendar(self, stamp: str) -> Optional[str]:
        """The due dates ahead as iCalendar text (RFC 5545; no personal data), or None.
        ``stamp`` is the host's clock in RFC 3339 (``bad-date`` otherwise)."""
        return self.native.calendar(stamp)


def _object(text: str) -> Dict[str, Any]:
    value: Dict[str, Any] = _json.loads(text)
    return value


def _native(catalog: Union[Catalog, _b.Catalog]) -> _b.Catalog:
    return catalog.native if isinstance(catalog, Catalog) else catalog

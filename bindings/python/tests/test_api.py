"""Every entry point of docs/HOST-API.md, through the `tetsuzuki` wrapper (native values) and
the generated bindings (JSON text): results, typed errors for bad input, use after submit,
and threads."""

import datetime
import hashlib
import json
import threading

import pytest

import tetsuzuki
import tetsuzuki_bindings as native
from conftest import AT, TODAY
from tetsuzuki import TetsuzukiError

TENNYU = {
    "address.previous": {"postal_code": "100-0001", "prefecture": "東京都", "city": "千代田区",
                         "town": "千代田", "block": "1-1"},
    "address.current": {"postal_code": "999-4112", "prefecture": "山形県", "city": "北村山郡大石田町",
                        "town": "緑町", "block": "1"},
    "person.family_name": "山田",
    "person.given_name": "太郎",
    "person.family_name_kana": "ヤマダ",
    "person.given_name_kana": "タロウ",
    "person.birth_date": "1980-04-01",
    "person.gender": "1",
    "contact.phone": "0237-35-2111",
    "household.is_head": True,
    "household.moved_with_others": False,
    "move.date": "2026-11-20",
    # 転入届 also asks where you came from, how you moved out, 本籍 and who gives notice.
    "move.from_abroad": False,
    "move.card_moveout": True,
    "person.japanese_national": True,
    "person.honseki_prefecture": "13",
    "person.honseki": "千代田区千代田1番",
    "person.hittousha": {"family": "山田", "given": "太郎"},
    "household.joins_existing": False,
    "household.was_head_before": True,
    "tennyu.filer": "self",
}


def filled(catalog):
    session = catalog.start_session(["tennyu"])
    for key, value in TENNYU.items():
        session.set_answer(key, value)
    return session


# ---- Catalog ------------------------------------------------------------------------------

def test_catalog_summary_and_lists(catalog, sample_text):
    s = catalog.summary()
    assert s == native.catalog_summary(sample_text)
    assert (s.town_id, s.format) == ("oishida", "tetsuzuki-catalog/1")
    events = catalog.life_events("en")
    assert "moving-in" in [e.id for e in events]
    assert all(e.title for e in events)
    procs = {p.id: p for p in catalog.procedures("ja")}
    assert len(procs) == s.procedures
    # 転入届 is finished at the counter (prepared online); 国保の加入届 is done online.
    assert procs["tennyu"].title == "転入届" and procs["tennyu"].online_now is False
    assert procs["kokuho-kanyu"].online_now is True


def test_navigate_gives_a_checklist(catalog):
    c = catalog.navigate("moving-in", {"move_date": "2026-11-20", "employee_insured": False}, today=TODAY,
                         event_date=datetime.date(2026, 11, 20), lang="en")
    assert c.event == "moving-in"
    assert [q.id for q in c.questions][0] == "move_date" and c.questions[0].answered
    tennyu = next(p for p in c.procedures if p.procedure == "tennyu")
    assert tennyu.due.date == "2026-12-04"
    # 転入届 is finished at the counter: prepared online, not done online.
    assert "online" in tennyu.channels and tennyu.online_now is False and tennyu.prepare_online is True
    assert tennyu.identity == "id_document"
    kokuho = next(p for p in c.procedures if p.procedure == "kokuho-kanyu")
    assert kokuho.online_now is True and kokuho.prepare_online is False
    assert "online" in kokuho.channels and kokuho.identity == "my_number_card_signature"
    assert tennyu.contact.phone
    assert all(i.severity in ("error", "warning") for i in c.issues)


def test_screening_questions(catalog):
    views = catalog.screening_questions("moving-in", "en")
    ids = [q.key for q in views]
    checklist = catalog.navigate("moving-in", {}, today=TODAY)
    assert [q.id for q in checklist.questions] == [i for i in ids if i in {q.id for q in checklist.questions}]
    kinds = {q.key: q.type for q in views}
    assert kinds["move_date"] == "date" and kinds["moved_with_others"] == "boolean"
    with pytest.raises(TetsuzukiError.Unknown) as caught:
        catalog.screening_questions("no-such")
    assert caught.value.code == "unknown-event"


def test_validate_one_form(catalog):
    v = catalog.validate("tennyu", {"move_date": "令和8年11月1日"}, today=TODAY, lang="en")
    assert v.normalized["move_date"] == "2026-11-01"
    assert "move_date" in v.relevant
    late = [i for i in v.issues if i.field == "move_date"]
    assert [(i.code, i.severity) for i in late] == [("rule.late", "warning")]
    assert late[0].message and late[0].fix


def test_check_value(catalog):
    ok = tetsuzuki.check_value("postal_code", "９９９－４１１２", today=TODAY)
    assert ok.valid and ok.normalized == "999-4112" and ok.issues == []
    bad = tetsuzuki.check_value("date", "2026-02-30", today=TODAY, lang="en")
    assert not bad.valid and bad.issues and bad.issues[0].message
    raw = native.check_value("postal_code", '"9994112"', TODAY, "ja")
    assert raw.normalized == '"999-4112"'


# ---- Session ------------------------------------------------------------------------------

def test_session_questions_and_pages(catalog):
    session = catalog.start_session(["tennyu", "kokuho-kanyu"])
    assert session.procedures() == ["tennyu", "kokuho-kanyu"]
    questions = session.questions("en")
    keys = [q.key for q in questions]
    assert len(keys) == len(set(keys)), "each question once"
    addr = next(q for q in questions if q.key == "address.current")
    assert addr.type == "address" and [p.key for p in addr.parts][0] == "postal_code"
    assert addr.parts[0].autocomplete == "postal-code"
    shared = [q for q in questions if len(q.asked_by) > 1]
    assert shared, "concepts asked by both procedures are asked once"
    pages = session.pages(today=TODAY, lang="en")
    assert pages and all(p.title and p.questions for p in pages)
    shown = {k for p in pages for k in p.questions}
    assert shown <= set(keys)


def test_answers_issues_and_machine_fix(catalog):
    session = catalog.start_session(["tennyu"])
    session.set_answer("person.family_name_kana", "やまだ")
    assert session.answer("person.family_name_kana") == "やまだ"
    assert session.answer("person.given_name") is None
    issues = session.validate_question("person.family_name_kana", today=TODAY, lang="en")
    assert issues and issues[0].field == "person.family_name_kana"
    fix = issues[0].machine_fix
    assert fix is not None and fix.value == "ヤマダ" and fix.label
    session.set_answer(issues[0].field, fix.value)
    assert session.validate_question("person.family_name_kana", today=TODAY) == []
    everything = session.validate(today=TODAY, lang="ja")
    assert any(i.code.startswith("required") for i in everything)


def test_screening_summary_submissions_and_submit(catalog):
    session = catalog.start_session(["tennyu"])
    assert session.reuse_screening("moving-in", {"move_date": "2026-11-20"}) == ["move.date"]
    with pytest.raises(TetsuzukiError.SessionState) as caught:
        session.submissions(today=TODAY, at=AT)
    assert caught.value.code == "not-ready"
    for key, value in TENNYU.items():
        if key != "move.date":
            session.set_answer(key, value)
    assert session.validate(today=TODAY) == []
    rows = {r.key: r for r in session.summary(today=TODAY, lang="en")}
    assert rows["move.date"].source.kind == "screening" and rows["move.date"].source.event == "moving-in"
    assert rows["person.family_name"].source.kind == "typed" and rows["person.family_name"].answer == "山田"
    assert rows["person.family_name"].text == "山田" and rows["household.is_head"].text == "Yes"
    preview = session.submissions(today=TODAY, at=AT)
    subs = session.submit(today=TODAY, at=datetime.datetime.fromisoformat(AT))
    assert [s.procedure for s in subs] == ["tennyu"] == [s.procedure for s in preview]
    assert subs[0].answers == preview[0].answers
    assert subs[0].answers["phone"] == "0237352111" and subs[0].submitted_at == AT
    assert subs[0].catalog_hash == catalog.summary().content_hash
    assert session.is_ended()


def test_an_assisted_session_waits_for_the_residents_confirmation(catalog):
    session = filled(catalog)
    assert session.confirmation_issue() is None
    session.set_assisted(True)
    assert session.is_assisted() and not session.is_confirmed_by_resident()
    issue = session.confirmation_issue(lang="en")
    assert (issue.field, issue.code) == ("counter-confirm", "counter.unconfirmed") and issue.message and issue.fix
    with pytest.raises(TetsuzukiError.SessionState) as caught:
        session.submit(today=TODAY, at=AT)
    assert caught.value.code == "session-unconfirmed" and not session.is_ended()
    session.confirm_by_resident(True)
    session.set_answer("person.family_name", "佐藤")
    assert not session.is_confirmed_by_resident(), "a changed answer needs confirming again"
    session.confirm_by_resident(True)
    restored, _ = catalog.restore_draft(session.save_draft())
    assert restored.is_assisted() and not restored.is_confirmed_by_resident(), "a draft keeps assisted, never the confirmation"
    assert [s.procedure for s in session.submit(today=TODAY, at=AT)] == ["tennyu"]


def test_use_after_submit_is_a_typed_error(catalog):
    session = filled(catalog)
    session.submit(today=TODAY, at=AT)
    with pytest.raises(TetsuzukiError.SessionState) as caught:
        session.set_answer("person.family_name", "佐藤")
    assert caught.value.code == "session-ended"
    with pytest.raises(TetsuzukiError) as caught:
        session.submit(today=TODAY, at=AT)
    assert caught.value.code == "session-ended"


def test_drafts_save_and_restore(catalog):
    session = catalog.start_session(["tennyu"])
    session.set_answer("person.family_name", "山田")
    text = session.save_draft()
    restored, report = catalog.restore_draft(text)
    assert restored.answer("person.family_name") == "山田"
    assert report.same_catalog and not report.truncated and "person.family_name" in report.kept
    cut, report = catalog.restore_draft(text[: len(text) - 3])
    assert report.truncated
    raw = native_restored = catalog.native.restore_draft(text)
    assert isinstance(raw.session, native.Session) and native_restored.report.same_catalog
    with pytest.raises(TetsuzukiError.InvalidDraft) as caught:
        catalog.restore_draft("not a draft")
    assert caught.value.code == "draft-malformed"



def sealed(catalog: dict) -> str:
    """A changed catalogue's text with its content hash computed as core does (SHA-256 of the
    text with the hash's value left out)."""
    text = json.dumps({**catalog, "content_hash": ""}, ensure_ascii=False, separators=(",", ":"))
    key = '"content_hash":"'
    at = text.index(key) + len(key)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()  # the value is empty here
    return text[:at] + "sha256-" + digest + text[at:]


def test_a_draft_restored_with_its_previous_catalogue_lists_the_changed_fields(catalog, sample_text):
    older = json.loads(sample_text)
    tennyu = next(p for p in older["procedures"] if p["id"] == "tennyu")
    current = tennyu["version"]
    tennyu["version"] = "1.0.0"
    family = next(f for page in tennyu["form"]["pages"] for f in page["fields"] if f["id"] == "family_name")
    family["label"]["en"] = "Surname"
    previous = tetsuzuki.Catalog.load(sealed(older))
    session = previous.start_session(["tennyu"])
    session.set_answer("person.family_name", "山田")
    text = session.save_draft()

    restored, report = catalog.restore_draft(text, previous=previous)
    assert restored.answer("person.family_name") == "山田"
    assert not report.same_catalog
    assert [(c.procedure, c._from, c.to) for c in report.changed] == [("tennyu", "1.0.0", current)]
    assert [(c.kind, c.aspect, c.procedure, c.path, c.old, c.new) for c in report.fields] == [
        ("changed", "version", "tennyu", "version", "1.0.0", current),
        ("changed", "text", "tennyu", "fields.family_name.label.en", "Surname", "Family name"),
    ]
    # Without it, or with a catalogue other than the draft's, no field-level changes.
    assert catalog.restore_draft(text)[1].fields == []
    assert catalog.restore_draft(text, previous=catalog)[1].fields == []
    # The generated bindings take it too (JSON text for the values), by keyword or not.
    raw = catalog.native.restore_draft(text, previous=previous.native).report
    assert [(c.path, c.old) for c in raw.fields][1] == ("fields.family_name.label.en", '"Surname"')
    assert catalog.native.restore_draft(text).report.fields == []

# ---- Profile ------------------------------------------------------------------------------

def test_profile_consent_facts_prefill_forget(catalog):
    profile = tetsuzuki.Profile.empty()
    session = filled(catalog)
    with pytest.raises(TetsuzukiError.Profile) as caught:
        session.update_profile(profile, today=TODAY, at=AT)
    assert caught.value.code == "profile-no-consent"
    profile.give_consent(AT)
    assert profile.has_consent()
    recorded = session.update_profile(profile, today=TODAY, at=AT)
    assert "person.family_name" in recorded
    facts = {f.concept: f for f in profile.facts(today=TODAY)}
    assert facts["person.family_name"].value == "山田" and facts["person.family_name"].source == "typed"

    again = tetsuzuki.Profile.load(profile.to_json())
    next_session = catalog.start_session(["tennyu"])
    filled_keys = next_session.prefill(again, today=TODAY)
    assert "person.family_name" in filled_keys
    row = next(r for r in next_session.summary(today=TODAY) if r.key == "person.family_name")
    assert row.source.kind == "profile"

    again.forget("person.family_name")
    assert "person.family_name" not in {f.concept for f in again.facts(today=TODAY)}
    again.withdraw_consent()
    assert not again.has_consent() and again.facts(today=TODAY) == []


def test_profile_bad_text_and_recover():
    with pytest.raises(TetsuzukiError.Profile) as caught:
        tetsuzuki.Profile.load("{")
    assert caught.value.code == "profile-malformed"
    profile, dropped = tetsuzuki.Profile.recover("{")
    assert dropped and profile.facts(today=TODAY) == []


# ---- Bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, code",
    [("", "catalog-malformed"), ("{", "catalog-malformed"), ("[1]", "catalog-malformed"),
     ("OTHER-FORMAT", "catalog-format"), ("EDITED", "catalog-hash")],
)
def test_bad_catalogue_text(sample_text, text, code):
    raw = json.loads(sample_text)
    if text == "OTHER-FORMAT":
        raw["format"] = "tetsuzuki-catalog/99"
        text = json.dumps(raw, ensure_ascii=False)
    elif text == "EDITED":
        raw["town"]["name"]["ja"] = "改竄町"
        text = json.dumps(raw, ensure_ascii=False)
    with pytest.raises(TetsuzukiError.InvalidCatalog) as caught:
        tetsuzuki.Catalog.load(text)
    assert caught.value.code == code and caught.value.message


def test_wrong_ids_and_host_values(catalog):
    cases = [
        (lambda: catalog.start_session(["no-such"]), TetsuzukiError.Unknown, "unknown-procedure"),
        (lambda: catalog.start_session([]), TetsuzukiError.SessionState, "no-procedures"),
        (lambda: catalog.navigate("no-such", {}, today=TODAY), TetsuzukiError.Unknown, "unknown-event"),
        (lambda: catalog.validate("no-such", {}, today=TODAY), TetsuzukiError.Unknown, "unknown-procedure"),
        (lambda: catalog.validate("tennyu", {}, today="2026/11/23"), TetsuzukiError.BadInput, "bad-date"),
        (lambda: catalog.validate("tennyu", {}, today=20261123), TetsuzukiError.BadInput, "bad-date"),
        (lambda: catalog.validate("tennyu", {}, today=TODAY, lang="fr"), TetsuzukiError.BadInput, "bad-lang"),
        (lambda: catalog.validate("tennyu", [1, 2], today=TODAY), TetsuzukiError.BadInput, "bad-value"),
        (lambda: catalog.validate("tennyu", "{not json", today=TODAY), TetsuzukiError.BadInput, "bad-value"),
        (lambda: tetsuzuki.check_value("postcode", "1", today=TODAY), TetsuzukiError.Unknown, "unknown-type"),
    ]
    session = catalog.start_session(["tennyu"])
    cases += [
        (lambda: session.set_answer("no.such", "x"), TetsuzukiError.Unknown, "unknown-question"),
        (lambda: session.set_answer("person.family_name", {1, 2}), TetsuzukiError.BadInput, "bad-value"),
        (lambda: session.set_answer("person.family_name", float("nan")), TetsuzukiError.BadInput, "bad-value"),
        (lambda: session.native.set_answer("person.family_name", "山田"), TetsuzukiError.BadInput, "bad-value"),
        (lambda: session.validate_question("no.such", today=TODAY), TetsuzukiError.Unknown, "unknown-question"),
        (lambda: session.pages(today="tomorrow"), TetsuzukiError.BadInput, "bad-date"),
    ]
    for call, kind, code in cases:
        with pytest.raises(kind) as caught:
            call()
        assert caught.value.code == code, code
        assert isinstance(caught.value, TetsuzukiError)


def test_wrong_python_types_on_the_raw_bindings(native_catalog):
    # The generated module checks types before crossing: a Python TypeError, no crash.
    with pytest.raises(TypeError):
        native_catalog.validate("tennyu", {"a": 1}, TODAY, "ja")
    with pytest.raises(TypeError):
        native_catalog.start_session(42)


def test_a_wrong_value_type_is_an_issue_not_an_error(catalog):
    session = catalog.start_session(["tennyu"])
    session.set_answer("person.birth_date", 12345)
    session.set_answer("person.family_name", ["山田"])
    fields = {i.field for i in session.validate(today=TODAY)}
    assert {"person.birth_date", "person.family_name"} <= fields


# ---- Threads ------------------------------------------------------------------------------

def test_one_catalogue_many_threads(catalog):
    errors = []

    def work(n):
        try:
            session = catalog.start_session(["tennyu"])
            for _ in range(20):
                session.set_answer("person.family_name", f"山田{n}")
                session.validate(today=TODAY)
            assert session.answer("person.family_name") == f"山田{n}"
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_one_session_many_threads(catalog):
    session = catalog.start_session(["tennyu"])
    errors = []

    def work(n):
        try:
            for i in range(50):
                session.set_answer("person.given_name", f"太郎{n}-{i}")
                session.validate_question("person.given_name", today=TODAY)
                session.summary(today=TODAY)
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert session.answer("person.given_name").startswith("太郎")
    assert json.loads(session.native.answer("person.given_name")) == session.answer("person.given_name")

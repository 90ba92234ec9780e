"""The resident's journey through the `tetsuzuki` wrapper: Python values in, views as dicts,
typed errors with their codes, saving and continuing, the profile, threads. (The journey
conformance vectors run in test_vectors.py.)"""

import re
import threading

import pytest

import tetsuzuki
from conftest import AT, TODAY

TENNYU_PAGES = [
    {
        "move.date": "2026-11-20",
        "move.from_abroad": False,
        "address.previous": {"postal_code": "100-0001", "prefecture": "東京都", "city": "千代田区",
                             "town": "千代田", "block": "1-1"},
        "address.current": {"postal_code": "999-4112", "prefecture": "山形県", "city": "北村山郡大石田町",
                            "town": "緑町", "block": "1"},
    },
    {"move.card_moveout": True},
    {
        "person.family_name": "山田", "person.given_name": "太郎", "person.family_name_kana": "ヤマダ",
        "person.given_name_kana": "タロウ", "person.birth_date": "1980-04-01", "person.gender": "1",
        "contact.phone": "0237-35-2111", "person.japanese_national": True,
    },
    {"person.honseki_prefecture": "13", "person.honseki": "千代田区千代田1番",
     "person.hittousha": {"family": "山田", "given": "太郎"}},
    {"household.joins_existing": False, "household.is_head": True, "household.was_head_before": True,
     "household.moved_with_others": False},
    {"tennyu.filer": "self"},
]


def fill(journey, pages=TENNYU_PAGES):
    for page in pages:
        assert journey.stage() == "page"
        for key, value in page.items():
            journey.answer(key, value)
        journey.next()
    assert journey.stage() == "check"


def test_life_events_screening_and_the_checklist(catalog):
    journey = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en")
    view = journey.view()
    assert view["stage"] == "events" and view["lang"] == "en"
    assert "moving-in" in [e["id"] for e in view["events"]]
    journey.choose_event("moving-in")
    assert journey.event() == "moving-in"
    answered = journey.answer("move_date", "2026-11-20")
    assert isinstance(answered.shown_changed, bool) and isinstance(answered.issues_changed, bool)
    view = journey.view()
    assert view["stage"] == "screening" and view["back"] is True
    move_date = next(q for q in view["questions"] if q["key"] == "move_date")
    assert move_date["value"] == "2026-11-20" and move_date["shown"] is True
    assert any(p["procedure"] == "tennyu" for p in view["checklist"]["procedures"])
    journey.back()
    assert journey.stage() == "events"


def test_screening_errors_are_shown_once_finished(catalog):
    journey = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en", event="moving-in")
    journey.answer("move_date", "2026-02-30")
    assert journey.view()["errors"] == []  # typing never shows an issue on its own
    journey.finish_answer("move_date")
    errors = journey.view()["errors"]
    assert errors and errors[0]["key"] == "move_date" and errors[0]["severity"] == "error"
    with pytest.raises(tetsuzuki.TetsuzukiError.JourneyState) as e:
        journey.start_online()
    assert e.value.code == "screening-errors" and e.value.message == e.value.reason


# 国民健康保険の加入届 after 転入届: still submitted online (転入届 is prepared for the counter).
KOKUHO_PAGES = [
    {"kokuho-kanyu.reason": "moved_in", "insurance.kokuho_start_date": "2026-11-20"},
    {"person.my_number": "123456789018"},
    {"kokuho-kanyu.members": [{"name": "山田 太郎", "name_kana": "ヤマダ タロウ", "birth_date": "1980-04-01",
                               "gender": "1", "relationship": "01"}]},
]


def test_pages_check_submit_and_what_happens_next(catalog):
    journey = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en", procedures=["tennyu", "kokuho-kanyu"])
    view = journey.view()
    assert view["stage"] == "page" and view["progress"]["index"] == 1
    with pytest.raises(tetsuzuki.TetsuzukiError.JourneyState) as e:
        journey.next()
    assert e.value.code == "has-errors"
    assert journey.view()["errors"], "the page shows why it stayed"
    with pytest.raises(tetsuzuki.TetsuzukiError.JourneyState) as e:
        journey.submit(AT)
    assert e.value.code == "wrong-stage"
    fill(journey, TENNYU_PAGES + KOKUHO_PAGES)
    check = journey.view()
    assert check["stage"] == "check" and check["counter_confirm"] is None
    assert [s["procedure"] for s in check["check"]["sections"]][:1] == ["tennyu"]
    journey.change("contact.phone")
    assert journey.view()["returns_to_check"] is True
    journey.answer("contact.phone", "090-1234-5678")
    journey.next()
    assert journey.stage() == "check"
    code = journey.continuation_code()
    assert code
    # On the resident's device 転入届 (visit: finished at the counter) is not submitted: only
    # the online procedure is, and 転入届 becomes a handoff.
    submissions = journey.submit(AT)
    assert [s.procedure for s in submissions] == ["kokuho-kanyu"]
    # The visit can be booked through the host (tests/test_host_steps.py): not this time.
    assert journey.stage() == "steps"
    journey.skip_step()
    assert submissions[0].answers["phone"] == "09012345678"  # a dict, normalised
    assert journey.continuation_code() is None
    receipts = journey.receipts()
    assert [r.procedure for r in receipts] == ["kokuho-kanyu"] and receipts[0].submitted_at == AT
    journey.set_reference("kokuho-kanyu", "OISHIDA-0001")
    done = journey.view()
    assert done["stage"] == "done"
    assert [s["procedure"] for s in done["next"]["submitted"]] == ["kokuho-kanyu"]
    assert done["next"]["submitted"][0]["reference"] == "OISHIDA-0001"
    prepared = done["next"]["prepared"]
    assert [p["procedure"] for p in prepared["procedures"]] == ["tennyu"]
    assert prepared["procedures"][0]["reason"] and prepared["procedures"][0]["documents"]
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", prepared["short_code"])
    assert prepared["short_code"] in prepared["short_code_text"] and prepared["expires"]
    assert prepared["qr"]["size"] > 0 and prepared["qr"]["path"].startswith("M") and "<svg" in prepared["qr"]["svg"]
    handoff = journey.handoff_text()
    assert handoff and handoff == prepared["text"]
    assert "123456789018" not in handoff  # never a My Number
    with pytest.raises(tetsuzuki.TetsuzukiError.JourneyState) as e:
        journey.set_reference("tennyu", "X")  # prepared, not submitted
    assert e.value.code == "not-submitted"
    with pytest.raises(tetsuzuki.TetsuzukiError.JourneyState) as e:
        journey.feedback(comment="   ")
    assert e.value.code == "feedback-empty"
    with pytest.raises(tetsuzuki.TetsuzukiError.JourneyState) as e:
        journey.feedback(rating=-3)
    assert e.value.code == "feedback-rating"
    sent = journey.feedback(rating=5, comment="早かった")
    assert sent["rating"] == 5 and sent["comment"] == "早かった" and "kokuho-kanyu" in sent["procedures"]
    step = journey.step_event()
    assert step["step"] == "done"

    # At the counter the handoff opens on the check page; once the resident confirms, staff
    # submit 転入届 and record the town's reference.
    counter = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en", counter=True)
    counter.open_handoff(handoff)
    at_counter = counter.view()
    assert at_counter["stage"] == "check" and at_counter["counter_confirm"] is False
    assert prepared["short_code"] in " ".join(at_counter["notices"])
    assert [s["procedure"] for s in at_counter["check"]["sections"]] == ["tennyu"]
    with pytest.raises(tetsuzuki.TetsuzukiError.SessionState) as e:
        counter.submit(AT)
    assert e.value.code == "session-unconfirmed"
    counter.confirm(True)
    at = counter.submit(AT)
    assert [s.procedure for s in at] == ["tennyu"]
    assert at[0].answers["family_name_kana"] == "ヤマダ" and at[0].answers["phone"] == "09012345678"
    assert [r.procedure for r in counter.receipts()] == ["tennyu"]
    counter.set_reference("tennyu", "OISHIDA-0002")
    finished = counter.view()["next"]
    assert finished["submitted"][0]["reference"] == "OISHIDA-0002" and finished.get("prepared") is None

    journey.dismiss()
    assert journey.stage() != "done" and journey.receipts() == [] and journey.handoff_text() is None


def test_a_handoff_that_cannot_be_opened_changes_nothing(catalog):
    journey = tetsuzuki.Journey.start(catalog, today=TODAY, lang="ja", procedures="tennyu")
    fill(journey)
    assert journey.submit(AT) == []  # nothing submitted online: 転入届 is prepared for the counter
    assert journey.receipts() == []
    journey.skip_step()  # no booking
    step = journey.view()["next"]
    assert step["submitted"] == [] and step["title"] == "窓口に行く準備ができました"
    assert [p["procedure"] for p in step["prepared"]["procedures"]] == ["tennyu"]
    handoff = journey.handoff_text()
    counter = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en", counter=True)
    for bad, code in [("hello", "handoff-not-a-handoff"), (handoff[:50], "handoff-damaged")]:
        with pytest.raises(tetsuzuki.TetsuzukiError.BadInput) as e:
            counter.open_handoff(bad)
        assert e.value.code == code
        assert counter.stage() == "events" and counter.view()["notices"]


def test_save_restore_and_continuation_codes(catalog):
    journey = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en", procedures=["tennyu"])
    for page in TENNYU_PAGES[:2]:
        for key, value in page.items():
            journey.answer(key, value)
        journey.next()
    journey.answer("person.family_name", "山田")
    again = tetsuzuki.Journey.restore(catalog, journey.save(), today=TODAY, lang="ja")
    view = again.view()
    assert (view["stage"], view["progress"]["index"], view["lang"]) == ("page", 3, "ja")
    family = next(q for q in view["questions"] if q["key"] == "person.family_name")
    assert family["value"] == "山田"
    with pytest.raises(tetsuzuki.TetsuzukiError.BadInput) as e:
        tetsuzuki.Journey.restore(catalog, '{"format": "x"}', today=TODAY)
    assert e.value.code == "bad-journey"
    # Another device continues from the code.
    other = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en")
    with pytest.raises(tetsuzuki.TetsuzukiError.BadInput) as e:
        other.import_code("not a code!")
    assert e.value.code == "bad-code" and other.view()["notices"]
    other.import_code(journey.continuation_code())
    assert other.stage() == "page"
    assert other.view()["notices"], "the view says a draft was restored"


def test_actions_as_data_and_bad_input(catalog):
    journey = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en")
    journey.act({"action": "choose_event", "event": "moving-in"})
    journey.act('{"action": "answer", "key": "move_date", "value": "2026-11-20"}')
    assert journey.view()["questions"][0]["value"] == "2026-11-20"
    journey.act({"action": "set_lang", "lang": "ja-easy"})
    assert journey.lang() == "ja-easy" and journey.view()["lang"] == "ja-easy"
    cases = [
        (lambda: journey.act({"action": "fly"}), tetsuzuki.TetsuzukiError.BadInput, "bad-journey"),
        (lambda: journey.act("{"), tetsuzuki.TetsuzukiError.BadInput, "bad-value"),
        (lambda: journey.answer("x", object()), tetsuzuki.TetsuzukiError.BadInput, "bad-value"),
        (lambda: journey.set_lang("fr"), tetsuzuki.TetsuzukiError.BadInput, "bad-lang"),
        (lambda: journey.answer("no_such_question", 1), tetsuzuki.TetsuzukiError.Unknown, "unknown-question"),
        (lambda: journey.choose_event("moving-to-mars"), tetsuzuki.TetsuzukiError.Unknown, "unknown-event"),
        (lambda: journey.dismiss(), tetsuzuki.TetsuzukiError.JourneyState, "wrong-stage"),
        (lambda: tetsuzuki.Journey.start(catalog, today=TODAY, event="moving-in", procedures=["tennyu"]),
         tetsuzuki.TetsuzukiError.BadInput, "bad-value"),
        (lambda: tetsuzuki.Journey.start(catalog, today="2026/11/23"), tetsuzuki.TetsuzukiError.BadInput, "bad-date"),
        (lambda: tetsuzuki.Journey.start(catalog, today=TODAY, procedures=["no-such"]),
         tetsuzuki.TetsuzukiError.Unknown, "unknown-procedure"),
    ]
    for call, kind, code in cases:
        with pytest.raises(kind) as e:
            call()
        assert e.value.code == code
    assert journey.stage() == "screening", "a refused action changes nothing"


def test_the_counter_needs_the_residents_confirmation(catalog):
    journey = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en", procedures=["tennyu"], counter=True)
    fill(journey)
    assert journey.view()["counter_confirm"] is False
    with pytest.raises(tetsuzuki.TetsuzukiError.SessionState) as e:
        journey.submit(AT)
    assert e.value.code == "session-unconfirmed"
    journey.confirm()
    assert journey.view()["counter_confirm"] is True
    assert [s.procedure for s in journey.submit(AT)] == ["tennyu"]


def test_one_question_per_page(catalog):
    journey = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en", procedures=["tennyu"],
                                      one_question_per_page=True)
    view = journey.view()
    assert len([q for q in view["questions"] if q["shown"]]) == 1
    assert view["progress"]["total"] > len(TENNYU_PAGES)


def test_the_profile_prefills_and_is_kept(catalog):
    profile = tetsuzuki.Profile.empty()
    journey = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en", procedures=["tennyu"])
    journey.set_profile(profile)
    assert journey.keeps_profile() is False  # no consent yet
    fill(journey)
    assert journey.view()["keep_profile"] is False
    journey.set_keep_profile(True)
    journey.submit(AT)
    kept = journey.profile()
    assert kept is not None and kept.has_consent()
    assert any(f.concept == "person.family_name" for f in kept.facts(today=TODAY))
    assert not profile.has_consent(), "the journey keeps its own copy"
    # Next time the forms are prefilled from it.
    later = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en", procedures=["tennyu"])
    later.set_profile(kept)
    assert later.keeps_profile() is True
    prefilled = [q for q in later.view()["questions"] if (q["source"] or {}).get("kind") == "profile"]
    assert prefilled, "the first page has answers from the profile"
    assert all(q["value"] is not None and q["source_text"] for q in prefilled)
    later.forget_profile()
    assert later.keeps_profile() is False


def test_threads_share_a_journey(catalog):
    journey = tetsuzuki.Journey.start(catalog, today=TODAY, lang="en", procedures=["tennyu"])
    errors = []

    def work(n):
        try:
            for i in range(20):
                journey.answer("move.date", f"2026-11-{(n + i) % 20 + 1:02d}")
                journey.view()
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors

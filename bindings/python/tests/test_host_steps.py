"""The journey's back half through Python: steps the host fulfils (issue 17, item 3). A
back office answers each request with its providers; here a stand-in provider (clearly not a
real JPKI, payment, booking or issuing service) plays them, as the sample portal's does in
the browser. The same journey rules run in core: these tests drive them through the wrapper."""

import hashlib
import json

import pytest

import tetsuzuki
from conftest import AT
from conftest import TODAY as MOVED_TODAY
from test_journey import fill

TODAY = "2026-12-07"


class StandInProviders:
    """NOT a real provider: answers a step request the way a town's provider would."""

    def __init__(self):
        self.n = 0
        self.seen = []

    def reference(self, prefix):
        self.n += 1
        return f"STANDIN-{prefix}-{self.n:04d}"

    def answer(self, journey, request, fail=None):
        self.seen.append(request)
        if fail:
            journey.fail_step(request.id, fail)
            return []
        if request.kind == "book" and request.slot is None:
            journey.offer_slots(request.id, [
                {"id": "A", "start": f"{request.first_day}T09:30", "minutes": 30, "place": "役場1階 住民係"},
                tetsuzuki.Slot(id="B", start=f"{request.first_day}T10:00", minutes=30, place="役場1階 住民係"),
            ])
            return []
        return journey.fulfil_step(request.id, self.reference(request.kind.upper()))


def juminhyo(catalog, lang="ja"):
    journey = tetsuzuki.Journey.start(catalog, today=TODAY, lang=lang, procedures=["juminhyo-utsushi"])
    fill(journey, [{"juminhyo-utsushi.whose": "household", "juminhyo-utsushi.copies": 3,
                    "juminhyo-utsushi.with_honseki": False}])
    return journey


def test_signed_paid_sent_and_issued(catalog):
    journey = juminhyo(catalog)
    providers = StandInProviders()
    assert journey.submit(AT) == [], "nothing is sent before it is signed and paid"
    view = journey.view()
    assert view["stage"] == "steps" and [s["kind"] for s in view["steps"]] == ["sign", "pay", "issue"]

    sign = journey.begin_step()
    assert sign.kind == "sign" and sign.procedures == ["juminhyo-utsushi"] and sign.timeout_seconds == 300
    assert len(sign.digest) == 64 and int(sign.digest, 16) >= 0
    assert sign.amount is None and sign.slot is None
    providers.answer(journey, sign, fail="card-unreadable")
    problem = journey.view()["steps"][0]["problem"]
    assert problem["code"] == "card-unreadable" and "読み取れません" in problem["message"]
    with pytest.raises(tetsuzuki.TetsuzukiError.JourneyState) as e:
        journey.fulfil_step(sign.id, "LATE")  # the failed request: refused, nothing changes
    assert e.value.code == "step-unknown"
    again = journey.begin_step()
    assert again.id != sign.id and again.digest == sign.digest
    assert providers.answer(journey, again) == []

    pay = journey.begin_step()
    assert pay.kind == "pay" and pay.amount == 900  # 300 yen a copy, 3 copies
    sent = providers.answer(journey, pay)
    assert [s.procedure for s in sent] == ["juminhyo-utsushi"]
    assert [(r.kind, r.reference) for r in sent[0].steps] == [("sign", "STANDIN-SIGN-0001"), ("pay", "STANDIN-PAY-0002")]
    assert sent[0].answers["copies"] == 3

    issue = journey.begin_step()
    assert issue.kind == "issue" and issue.references == [journey.receipts()[0].reference]
    providers.answer(journey, issue, fail="unavailable")
    with pytest.raises(tetsuzuki.TetsuzukiError.JourneyState) as e:
        journey.leave_steps()  # already sent
    assert e.value.code == "wrong-stage"
    providers.answer(journey, journey.begin_step())
    done = journey.view()
    assert done["stage"] == "done"
    assert done["next"]["submitted"][0]["steps"] == [
        "署名しました（受付番号 STANDIN-SIGN-0001）",
        "900円を支払いました（受付番号 STANDIN-PAY-0002）",
        "交付の手続きがすみました（STANDIN-ISSUE-0003）",
    ]
    # What a provider was asked holds no answer the resident typed.
    for request in providers.seen:
        assert "household" not in repr(request) and "juminhyo-utsushi.copies" not in repr(request)


def test_the_digest_is_of_what_is_sent(catalog):
    journey = juminhyo(catalog)
    journey.submit(AT)
    sign = journey.begin_step()
    journey.fulfil_step(sign.id, "SIG")
    sent = journey.fulfil_step(journey.begin_step().id, "PAY")
    # The card signed the submissions as sent, before their step references were added.
    body = [{"procedure": s.procedure, "version": s.version, "catalog_hash": s.catalog_hash,
             "submitted_at": s.submitted_at, "answers": s.answers} for s in sent]
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == sign.digest


def test_bad_answers_are_refused_with_their_codes(catalog):
    journey = juminhyo(catalog, lang="en")
    journey.submit(AT)
    request = journey.begin_step()
    with pytest.raises(tetsuzuki.TetsuzukiError.BadInput) as e:
        journey.fail_step(request.id, "on-fire")
    assert e.value.code == "step-answer"
    with pytest.raises(tetsuzuki.TetsuzukiError.BadInput) as e:
        journey.fulfil_step(request.id, "   ")
    assert e.value.code == "step-answer"
    with pytest.raises(tetsuzuki.TetsuzukiError.BadInput) as e:
        journey.offer_slots(request.id, [])  # a signature is not booked
    assert e.value.code == "step-answer"
    with pytest.raises(tetsuzuki.TetsuzukiError.JourneyState) as e:
        journey.skip_step()  # signing is never skipped
    assert e.value.code == "wrong-stage"
    journey.fail_step(request.id, "timeout")
    assert "no answer in time" in journey.view()["steps"][0]["problem"]["message"]
    journey.leave_steps()
    view = journey.view()
    assert view["stage"] == "check", "leaving goes back to the check page with every answer"
    assert any("3" in row["text"] for section in view["check"]["sections"] for row in section["rows"])


def test_a_visit_booked_through_the_host(catalog):
    journey = tetsuzuki.Journey.start(catalog, today=MOVED_TODAY, lang="en", procedures="tennyu")
    fill(journey)
    assert journey.submit(AT) == []
    providers = StandInProviders()
    book = journey.begin_step()
    assert book.kind == "book" and book.slot is None and book.first_day == "2026-11-24" and book.last_day
    providers.answer(journey, book)
    view = journey.view()["steps"][0]
    assert view["status"] == "choosing" and [s["id"] for s in view["slots"]] == ["A", "B"]
    journey.choose_slot("B")
    confirm = journey.begin_step()
    assert confirm.slot == tetsuzuki.Slot(id="B", start="2026-11-24T10:00", minutes=30, place="役場1階 住民係")
    providers.answer(journey, confirm)
    done = journey.view()["next"]["prepared"]
    assert done["booking"].startswith("Visit booked: ") and "STANDIN-BOOK-0001" in done["booking"]
    ics = journey.calendar(AT)
    assert "DTSTART;TZID=Asia/Tokyo:20261124T100000" in ics, "the booked visit is in the calendar"

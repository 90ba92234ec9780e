// The moving-in flow from Swift (an iOS app), walking the SDK's resident journey as the Kotlin
// and Python examples do: the life event's screening questions and checklist, the form pages of
// what can be done online or prepared online for the counter (screening answers are not asked
// again), issues on Continue with their one-press fixes, warnings the resident accepts, the
// check page, submit, and what happens next: the references of what was submitted, and the
// handoff (its check code; the app draws its QR code) of what is finished at the counter. The journey decides every step; the app draws `view()` (JSON text) and forwards answers
// (JSON text too). Uses the module scripts/gen-swift generates (built into an XCFramework as
// docs/BINDINGS.md shows); not compiled on Linux CI.
import Foundation

func json(_ s: String) -> String {
    String(data: try! JSONEncoder().encode(s), encoding: .utf8)!
}

func view(_ journey: Journey) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(try journey.view().utf8)) as! [String: Any]
}

/// Answers the questions the current screen shows from `answers`, each once (an answer may show
/// another question, so the view is read again after each). Answers the resident already gave
/// (the screening, their profile) are not asked again.
func answerShown(_ journey: Journey, _ answers: [String: String], given: inout Set<String>) throws {
    while true {
        let questions = (try view(journey)["questions"] as? [[String: Any]]) ?? []
        let next = questions.first { q in
            let key = q["key"] as! String
            let kind = (q["source"] as? [String: Any])?["kind"] as? String
            return q["shown"] as? Bool == true && kind != "screening" && kind != "profile"
                && answers[key] != nil && !given.contains(key)
        }
        guard let key = next?["key"] as? String else { return }
        given.insert(key)
        _ = try journey.answer(key: key, value: answers[key]!)
    }
}

/// What the journey ended with: the submissions made online, and the handoff's text (for the
/// counter) when some procedures are finished there.
struct MovedIn {
    let submissions: [Submission]
    let handoff: String?
}

func movingIn(catalogJSON: String, today: String, at: String) throws -> MovedIn {
    let catalog = try Catalog.load(json: catalogJSON)
    let journey = try Journey.start(catalog: catalog, today: today, lang: "ja", event: "moving-in")

    // 1. The screening questions; the checklist says what applies, by when.
    var given = Set<String>()
    try answerShown(journey, [
        "move_date": json("2026-11-20"), "moved_with_others": "false", "has_card": "false",
        "employee_insured": "false", "left_employee_insurance": "false", "pension_type1": "false", "aged_75": "false", "care_certified": "false", "has_children": "false",
        "wants_seal": "false", "water_start": "false", "has_moped": "false", "has_dog": "false",
    ], given: &given)
    let checklist = try view(journey)["checklist"] as! [String: Any]
    for item in checklist["procedures"] as! [[String: Any]] {
        let due = (item["due"] as? [String: Any])?["date"] as? String ?? "-"
        let how = item["online_now"] as? Bool == true ? " online"
            : item["prepare_online"] as? Bool == true ? " prepared online, finished at the counter" : ""
        print("\(item["title"]!) (\(due))\(how)")
    }
    try journey.startOnline() // the forms of what can be done online now, or prepared for the counter

    // 2. The pages, as the resident types; the journey checks each on Continue.
    let typed: [String: String] = [
        "address.previous": #"{"postal_code":"100-0001","prefecture":"東京都","city":"千代田区","town":"千代田","block":"1-1"}"#,
        "address.current": #"{"postal_code":"９９９－４１１２","prefecture":"山形県","city":"北村山郡大石田町","town":"緑町","block":"1"}"#,
        "person.family_name": json("山田"), "person.given_name": json("太郎"),
        "person.family_name_kana": json("やまだ"), "person.given_name_kana": json("タロウ"),
        "person.birth_date": json("昭和55年4月1日"), "person.gender": json("1"),
        "contact.phone": json("0237-35-2111"), "household.is_head": "true",
        "move.from_abroad": "false", "move.card_moveout": "true", "person.japanese_national": "true",
        "person.honseki_prefecture": json("13"), "person.honseki": json("千代田区千代田1番"),
        "person.hittousha": #"{"family":"山田","given":"太郎"}"#,
        "household.joins_existing": "false", "household.was_head_before": "true", "tennyu.filer": json("self"),
        "person.my_number": json("123456789018"),
        "kokuho-kanyu.members": #"[{"name":{"family":"山田","given":"太郎"},"name_kana":"ヤマダ タロウ","#
            + #""birth_date":"昭和55年4月1日","gender":"1","relationship":"01"}]"#,
    ]
    var tries = 0
    while journey.stage() == "page" {
        try answerShown(journey, typed, given: &given)
        do {
            try journey.next()
        } catch TetsuzukiError.JourneyState(let code, let reason) {
            tries += 1
            guard tries <= 5 else { throw TetsuzukiError.JourneyState(code: code, reason: reason) }
            switch code {
            case "has-errors":
                for error in try view(journey)["errors"] as! [[String: Any]] {
                    print("\(error["message"]!) — \(error["fix"]!)")
                    // A one-press fix (here: the reading in katakana), applied as offered.
                    if let fix = error["machine_fix"] as? [String: Any] {
                        _ = try journey.answer(key: error["key"] as! String, value: json(fix["value"] as! String))
                    }
                }
            case "unacknowledged-warnings":
                try journey.acknowledgeWarnings() // the resident read them and goes on
            default:
                throw TetsuzukiError.JourneyState(code: code, reason: reason)
            }
        }
    }

    // 3. Check your answers (labels, dates as residents read them, My Numbers masked), then submit.
    let check = try view(journey)["check"] as! [String: Any]
    for section in check["sections"] as! [[String: Any]] {
        for row in section["rows"] as! [[String: Any]] {
            print("\(row["label"]!): \(row["text"]!)")
        }
    }
    var submissions = try journey.submit(at: at)

    // 4. The steps the town's providers fulfil (here: booking the visit for 転入届). The journey
    //    asks, the host answers. A STAND-IN, not a real booking system: it offers one time and
    //    confirms it. Signing and paying are answered the same way; they release the submissions.
    while journey.stage() == "steps" {
        let request = try journey.beginStep()
        if request.kind == "book" && request.slot == nil {
            try journey.offerSlots(id: request.id, slots: [
                Slot(id: "A", start: "\(request.firstDay ?? "")T10:00", minutes: 30, place: "役場1階 住民係 (stand-in)"),
            ])
            try journey.chooseSlot(slot: "A")
        } else {
            submissions += try journey.fulfilStep(id: request.id, reference: "STANDIN-\(request.kind.uppercased())-0001")
        }
    }

    // 5. What happens next: the references to quote, what is still to do, and what to show at
    //    the counter (the app draws the handoff's QR code: `prepared.qr.svg`).
    let next = try view(journey)["next"] as! [String: Any]
    print("\(next["title"]!)")
    for s in next["submitted"] as! [[String: Any]] {
        print("\(s["title"]!): \(s["reference"]!)")
    }
    for item in next["still_to_do"] as! [[String: Any]] {
        print("- \(item["title"]!)")
    }
    if let prepared = next["prepared"] as? [String: Any] {
        print("\(prepared["title"]!)")
        for item in prepared["procedures"] as! [[String: Any]] {
            print("- \(item["title"]!): \(item["reason"]!)")
        }
        if let booking = prepared["booking"] as? String { print(booking) }
        print("\(prepared["short_code_text"]!)")
        print("\(prepared["expires"]!)")
    }
    return MovedIn(submissions: submissions, handoff: journey.handoffText())
}

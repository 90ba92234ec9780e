// The moving-in flow from Swift (an iOS app): navigate the life event, start a one-stop
// session, reuse the screening answers, answer, show issues with their fixes, check the
// answers and submit. Values cross as JSON text. Uses the module scripts/gen-swift generates
// (built into an XCFramework as docs/BINDINGS.md shows); not compiled on Linux CI.
import Foundation

func json(_ s: String) -> String {
    String(data: try! JSONEncoder().encode(s), encoding: .utf8)!
}

func movingIn(catalogJSON: String, today: String, at: String) throws -> [Submission] {
    let catalog = try Catalog.load(json: catalogJSON)

    // 1. The navigator: which procedures apply, by when.
    let screening = #"{"move_date":"2026-11-20","moved_with_others":false}"#
    let checklist = try catalog.navigate(event: "moving-in", answers: screening,
                                         eventDate: "2026-11-20", today: today, lang: "ja")
    for item in checklist.procedures {
        print("\(item.title) (\(item.due?.date ?? "-"))")
    }

    // 2. One session; the screening answers are not asked again.
    let session = try catalog.startSession(procedures: ["tennyu"])
    _ = try session.reuseScreening(event: "moving-in", answers: screening)

    // 3. Answers as the resident types them; each question's issues per keystroke.
    let typed: KeyValuePairs<String, String> = [
        "address.previous": #"{"postal_code":"100-0001","prefecture":"東京都","city":"千代田区","town":"千代田","block":"1-1"}"#,
        "address.current": #"{"postal_code":"９９９－４１１２","prefecture":"山形県","city":"北村山郡大石田町","town":"緑町","block":"1"}"#,
        "person.family_name": json("山田"), "person.given_name": json("太郎"),
        "person.family_name_kana": json("やまだ"), "person.given_name_kana": json("タロウ"),
        "person.birth_date": json("昭和55年4月1日"), "person.gender": json("1"),
        "contact.phone": json("0237-35-2111"), "household.is_head": "true",
    ]
    for (key, value) in typed {
        try session.setAnswer(key: key, value: value)
        for issue in try session.validateQuestion(key: key, today: today, lang: "ja") {
            print("\(issue.message) — \(issue.fix)")
            // A one-press fix (here: the reading in katakana), applied as offered.
            if let fix = issue.machineFix { try session.setAnswer(key: issue.field, value: fix.value) }
        }
    }

    // 4. Check your answers, then submit (the session ends).
    for row in try session.summary(today: today, lang: "ja") {
        print("\(row.label): \(row.answer)")
    }
    do {
        return try session.submit(today: today, at: at)
    } catch TetsuzukiError.SessionState(let code, let reason) {
        print("\(code): \(reason)")
        throw TetsuzukiError.SessionState(code: code, reason: reason)
    }
}

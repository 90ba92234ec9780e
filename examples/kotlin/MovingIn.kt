// The moving-in flow from Kotlin (an Android app or a back office): navigate the life event,
// start a one-stop session, reuse the screening answers, answer, show issues with their fixes,
// check the answers and submit. Values cross as JSON text. Compiled and run by
// scripts/test-kotlin (called from bindings/kotlin/tests/BindingsTest.kt).
package example

import kotlinx.serialization.json.JsonPrimitive
import uniffi.tetsuzuki_bindings.Catalog
import uniffi.tetsuzuki_bindings.Submission
import uniffi.tetsuzuki_bindings.TetsuzukiException

fun json(s: String) = JsonPrimitive(s).toString()

fun movingIn(catalog: Catalog, today: String, at: String): List<Submission> {
    // 1. The navigator: which procedures apply, by when.
    val screening = """{"move_date":"2026-11-20","moved_with_others":false}"""
    val checklist = catalog.navigate("moving-in", screening, "2026-11-20", today, "ja")
    checklist.procedures.forEach { println("${it.title} (${it.due?.date ?: "-"})") }

    // 2. One session; the screening answers are not asked again.
    val session = catalog.startSession(listOf("tennyu"))
    session.reuseScreening("moving-in", screening)

    // 3. Answers as the resident types them; each question's issues per keystroke.
    val typed = mapOf(
        "address.previous" to """{"postal_code":"100-0001","prefecture":"東京都","city":"千代田区","town":"千代田","block":"1-1"}""",
        "address.current" to """{"postal_code":"９９９－４１１２","prefecture":"山形県","city":"北村山郡大石田町","town":"緑町","block":"1"}""",
        "person.family_name" to json("山田"), "person.given_name" to json("太郎"),
        "person.family_name_kana" to json("やまだ"), "person.given_name_kana" to json("タロウ"),
        "person.birth_date" to json("昭和55年4月1日"), "person.gender" to json("1"),
        "contact.phone" to json("0237-35-2111"), "household.is_head" to "true",
    )
    for ((key, value) in typed) {
        session.setAnswer(key, value)
        for (issue in session.validateQuestion(key, today, "ja")) {
            println("${issue.message} — ${issue.fix}")
            // A one-press fix (here: the reading in katakana) is applied as it is offered.
            issue.machineFix?.let { session.setAnswer(issue.field, it.value) }
        }
    }

    // 4. Check your answers, then submit (the session ends).
    session.summary(today, "ja").forEach { println("${it.label}: ${it.answer}") }
    return try {
        session.submit(today, at).onEach { println("${it.procedure} ${it.answers}") }
    } catch (e: TetsuzukiException.SessionState) {
        session.validate(today, "ja").forEach { println("${it.field}: ${it.message}") }
        throw e
    }
}

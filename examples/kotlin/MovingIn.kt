// The moving-in flow from Kotlin (an Android app or a back office), walking the SDK's resident
// journey: the life event's screening questions and checklist, the form pages of what can be
// done online or prepared online for the counter (screening answers are not asked again), issues
// on Continue with their one-press fixes, the check page, submit, and what happens next: the
// references of what was submitted, and the handoff (its check code; the QR code and text are
// for the screen) of what is finished at the counter. The journey decides every step; the app
// draws `view()` (JSON text) and forwards answers (JSON text too). Compiled and run by
// scripts/test-kotlin (called from bindings/kotlin/tests/BindingsTest.kt).
package example

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import uniffi.tetsuzuki_bindings.Catalog
import uniffi.tetsuzuki_bindings.Slot
import uniffi.tetsuzuki_bindings.Journey
import uniffi.tetsuzuki_bindings.Submission
import uniffi.tetsuzuki_bindings.TetsuzukiException

fun json(s: String) = JsonPrimitive(s).toString()

fun JsonElement?.str(): String = (this as? JsonPrimitive)?.content ?: ""

fun view(journey: Journey): JsonObject = Json.parseToJsonElement(journey.view()).jsonObject

/** Answers the questions the current screen shows, from `answers`, each once (an answer may
 *  show another question, so the view is read again after each). Answers filled in from what
 *  the resident already gave (the screening, their profile) are not asked again; one the SDK
 *  filled in otherwise (the town's part of a new address) is only a start. */
fun answerShown(journey: Journey, answers: Map<String, String>, given: MutableSet<String> = mutableSetOf()) {
    while (true) {
        val next = view(journey)["questions"]!!.jsonArray.map { it.jsonObject }.firstOrNull {
            val key = it["key"].str()
            val source = (it["source"] as? JsonObject)?.get("kind").str()
            it["shown"].str() == "true" && source !in setOf("screening", "profile") && key in answers && key !in given
        } ?: return
        val key = next["key"].str()
        given += key
        journey.answer(key, answers.getValue(key))
    }
}

/** What the journey ended with: the submissions made online, and the handoff's text (for the
 *  counter) when some procedures are finished there. */
data class MovedIn(val submissions: List<Submission>, val handoff: String?)

fun movingIn(catalog: Catalog, today: String, at: String): MovedIn {
    val journey = Journey.start(catalog, today, "ja", event = "moving-in")

    // 1. The screening questions; the checklist says what applies, by when.
    answerShown(journey, mapOf(
        "move_date" to json("2026-11-20"), "moved_with_others" to "false", "has_card" to "false",
        "employee_insured" to "false", "left_employee_insurance" to "false", "pension_type1" to "false", "aged_75" to "false", "care_certified" to "false", "has_children" to "false",
        "wants_seal" to "false", "water_start" to "false", "has_moped" to "false", "has_dog" to "false",
    ))
    view(journey)["checklist"]!!.jsonObject["procedures"]!!.jsonArray.map { it.jsonObject }.forEach {
        val due = (it["due"] as? JsonObject)?.get("date").str()
        val how = when {
            it["online_now"].str() == "true" -> " online"
            it["prepare_online"].str() == "true" -> " prepared online, finished at the counter"
            else -> ""
        }
        println("${it["title"].str()} (${due.ifEmpty { "-" }})$how")
    }
    journey.startOnline() // the forms of what can be done online now, or prepared for the counter

    // 2. The pages, as the resident types; the journey checks each on Continue.
    val typed = mapOf(
        "address.previous" to """{"postal_code":"100-0001","prefecture":"東京都","city":"千代田区","town":"千代田","block":"1-1"}""",
        "address.current" to """{"postal_code":"９９９－４１１２","prefecture":"山形県","city":"北村山郡大石田町","town":"緑町","block":"1"}""",
        "person.family_name" to json("山田"), "person.given_name" to json("太郎"),
        "person.family_name_kana" to json("やまだ"), "person.given_name_kana" to json("タロウ"),
        "person.birth_date" to json("昭和55年4月1日"), "person.gender" to json("1"),
        "contact.phone" to json("0237-35-2111"), "household.is_head" to "true",
        "move.from_abroad" to "false", "move.card_moveout" to "true", "person.japanese_national" to "true",
        "person.honseki_prefecture" to json("13"), "person.honseki" to json("千代田区千代田1番"),
        "person.hittousha" to """{"family":"山田","given":"太郎"}""",
        "household.joins_existing" to "false", "household.was_head_before" to "true", "tennyu.filer" to json("self"),
        "person.my_number" to json("123456789018"),
        "kokuho-kanyu.members" to """[{"name":{"family":"山田","given":"太郎"},"name_kana":"ヤマダ タロウ",""" +
            """"birth_date":"昭和55年4月1日","gender":"1","relationship":"01"}]""",
    )
    var tries = 0
    val given = mutableSetOf<String>()
    while (journey.stage() == "page") {
        answerShown(journey, typed, given)
        try {
            journey.next()
        } catch (e: TetsuzukiException.JourneyState) {
            if (++tries > 5) throw e
            val shown = view(journey)
            when (e.code) {
                "has-errors" -> for (error in shown["errors"]!!.jsonArray.map { it.jsonObject }) {
                    println("${error["message"].str()} — ${error["fix"].str()}")
                    // A one-press fix (here: the reading in katakana) is applied as it is offered.
                    val fix = error["machine_fix"] as? JsonObject ?: throw e
                    journey.answer(error["key"].str(), fix["value"].toString())
                }
                "unacknowledged-warnings" -> journey.acknowledgeWarnings() // the resident read them
                else -> throw e
            }
        }
    }

    // 3. Check your answers, then submit.
    for (section in view(journey)["check"]!!.jsonObject["sections"]!!.jsonArray) {
        section.jsonObject["rows"]!!.jsonArray.map { it.jsonObject }.forEach {
            println("${it["label"].str()}: ${it["text"].str()}")
        }
    }
    val submissions = journey.submit(at).toMutableList()

    // 4. The steps the town's providers fulfil (here: booking the visit for 転入届). The journey
    //    asks, the host answers. A STAND-IN, not a real booking system: it offers one time and
    //    confirms it. Signing and paying are answered the same way; they release the submissions.
    while (journey.stage() == "steps") {
        val request = journey.beginStep()
        if (request.kind == "book" && request.slot == null) {
            journey.offerSlots(request.id, listOf(Slot("A", "${request.firstDay}T10:00", 30u, "役場1階 住民係 (stand-in)")))
            journey.chooseSlot("A")
        } else {
            submissions += journey.fulfilStep(request.id, "STANDIN-${request.kind.uppercase()}-0001")
        }
    }

    // 5. What happens next: the references to quote, what is still to do, and what to show at
    //    the counter (the app draws the handoff's QR code: `prepared.qr.svg`).
    val next = view(journey)["next"]!!.jsonObject
    println(next["title"].str())
    next["submitted"]!!.jsonArray.map { it.jsonObject }.forEach { println("${it["title"].str()}: ${it["reference"].str()}") }
    next["still_to_do"]!!.jsonArray.map { it.jsonObject }.forEach { println("- ${it["title"].str()}") }
    (next["prepared"] as? JsonObject)?.let { prepared ->
        println(prepared["title"].str())
        prepared["procedures"]!!.jsonArray.map { it.jsonObject }.forEach { println("- ${it["title"].str()}: ${it["reason"].str()}") }
        (prepared["booking"] as? JsonPrimitive)?.let { println(it.str()) }
        println(prepared["short_code_text"].str())
        println(prepared["expires"].str())
    }
    // What a host sends to the town holds personal data (a My Number): sent, never printed.
    submissions.forEach { println("${it.procedure}: ${Json.parseToJsonElement(it.answers).jsonObject.size} answers to send") }
    return MovedIn(submissions, journey.handoffText())
}

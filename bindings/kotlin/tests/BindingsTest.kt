// The Kotlin run of the bindings (scripts/test-kotlin): the main flow of docs/HOST-API.md,
// the resident's journey, typed errors, threads, and the conformance vectors of
// fixtures/vectors/ unchanged, compared as core/tests/vectors.rs (and, for the journey,
// core/tests/journey.rs) compares them. Exits non-zero on any failure and ends with
// `kotlin: N passed, M failed`.
//
// Usage: BindingsTestKt <sample-catalog.json> <fixtures/vectors dir>
package tetsuzuki.tests

import java.io.File
import java.security.MessageDigest
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import uniffi.tetsuzuki_bindings.Catalog
import uniffi.tetsuzuki_bindings.Journey
import uniffi.tetsuzuki_bindings.Profile
import uniffi.tetsuzuki_bindings.Slot
import uniffi.tetsuzuki_bindings.Submission
import uniffi.tetsuzuki_bindings.TetsuzukiException
import uniffi.tetsuzuki_bindings.checkValue
import uniffi.tetsuzuki_bindings.recoverProfile

const val TODAY = "2026-11-23"
const val AT = "2026-11-23T10:00:00+09:00"

var passed = 0
var failed = 0

fun check(name: String, body: () -> Unit) {
    try {
        body()
        passed++
    } catch (e: Throwable) {
        failed++
        System.err.println("FAIL $name: ${e::class.simpleName}: ${e.message}")
    }
}

fun expect(condition: Boolean, what: () -> String) {
    if (!condition) throw AssertionError(what())
}

fun <T> expectEqual(want: T, got: T, what: String = "") {
    if (want != got) throw AssertionError("$what\n  expected $want\n  got      $got")
}

/** The code of the typed error `body` throws (fails when it throws nothing or another type). */
fun errorCode(body: () -> Unit): String {
    try {
        body()
    } catch (e: TetsuzukiException) {
        return codeOf(e)
    }
    throw AssertionError("no TetsuzukiException was thrown")
}

/** Every variant has a code (the `when` is exhaustive: a new variant fails to compile here). */
fun codeOf(e: TetsuzukiException): String = when (e) {
    is TetsuzukiException.InvalidCatalog -> e.code
    is TetsuzukiException.Unknown -> e.code
    is TetsuzukiException.BadInput -> e.code
    is TetsuzukiException.SessionState -> e.code
    is TetsuzukiException.JourneyState -> e.code
    is TetsuzukiException.InvalidDraft -> e.code
    is TetsuzukiException.Profile -> e.code
    is TetsuzukiException.Internal -> e.code
}

fun str(s: String): String = JsonPrimitive(s).toString()

val tennyu: Map<String, String> = mapOf(
    "address.previous" to """{"postal_code":"100-0001","prefecture":"東京都","city":"千代田区","town":"千代田","block":"1-1"}""",
    "address.current" to """{"postal_code":"999-4112","prefecture":"山形県","city":"北村山郡大石田町","town":"緑町","block":"1"}""",
    "person.family_name" to str("山田"),
    "person.given_name" to str("太郎"),
    "person.family_name_kana" to str("ヤマダ"),
    "person.given_name_kana" to str("タロウ"),
    "person.birth_date" to str("1980-04-01"),
    "person.gender" to str("1"),
    "contact.phone" to str("0237-35-2111"),
    "household.is_head" to "true",
    "household.moved_with_others" to "false",
    "move.date" to str("2026-11-20"),
    "move.from_abroad" to "false",
    "move.card_moveout" to "true",
    "person.japanese_national" to "true",
    "person.honseki_prefecture" to str("13"),
    "person.honseki" to str("千代田区千代田1番"),
    "person.hittousha" to """{"family":"山田","given":"太郎"}""",
    "household.joins_existing" to "false",
    "household.was_head_before" to "true",
    "tennyu.filer" to str("self"),
)

// 国民健康保険の加入届 after moving in: still submitted online (転入届 is finished at the counter).
val kokuho: Map<String, String> = mapOf(
    "kokuho-kanyu.reason" to str("moved_in"),
    "insurance.kokuho_start_date" to str("2026-11-20"),
    "person.my_number" to str("123456789018"),
    "kokuho-kanyu.members" to """[{"name":{"family":"山田","given":"太郎"},"name_kana":"ヤマダ タロウ","birth_date":"1980-04-01","gender":"1","relationship":"01"}]""",
)

fun mainFlow(catalog: Catalog, sampleText: String) {
    check("summary and lists") {
        val s = catalog.summary()
        expectEqual("oishida", s.townId)
        expectEqual(s, uniffi.tetsuzuki_bindings.catalogSummary(sampleText))
        expect(catalog.lifeEvents("en").any { it.id == "moving-in" }) { "moving-in listed" }
        // 転入届 is finished at the counter (prepared online); 国保の加入届 is done online.
        expect(!catalog.procedures("ja").first { it.id == "tennyu" }.onlineNow) { "tennyu not online" }
        expect(catalog.procedures("ja").first { it.id == "kokuho-kanyu" }.onlineNow) { "kokuho-kanyu online" }
    }
    check("navigate") {
        val c = catalog.navigate("moving-in", """{"move_date":"2026-11-20","employee_insured":false}""", "2026-11-20", TODAY, "en")
        val tennyuItem = c.procedures.first { it.procedure == "tennyu" }
        expectEqual("2026-12-04", tennyuItem.due?.date)
        expectEqual(listOf(false, true), listOf(tennyuItem.onlineNow, tennyuItem.prepareOnline))
        val kokuhoItem = c.procedures.first { it.procedure == "kokuho-kanyu" }
        expectEqual(listOf(true, false), listOf(kokuhoItem.onlineNow, kokuhoItem.prepareOnline))
        expectEqual("boolean", catalog.screeningQuestions("moving-in", "en").first { it.key == "moved_with_others" }.type)
    }
    check("validate and checkValue") {
        val v = catalog.validate("tennyu", """{"move_date":"令和8年11月1日"}""", TODAY, "en")
        expectEqual(str("2026-11-01"), Json.parseToJsonElement(v.normalized).jsonObject["move_date"].toString())
        expect(v.issues.any { it.field == "move_date" && it.code == "rule.late" && it.severity == "warning" }) { "late" }
        val ok = checkValue("postal_code", str("９９９－４１１２"), TODAY, "ja")
        expect(ok.valid && ok.normalized == str("999-4112")) { "normalised postal code: $ok" }
    }
    check("session: questions, pages, machine fix, summary, submit") {
        val session = catalog.startSession(listOf("tennyu"))
        expectEqual(listOf("tennyu"), session.procedures())
        val questions = session.questions("en")
        expectEqual(questions.size, questions.map { it.key }.toSet().size, "each question once")
        expect(session.pages(TODAY, "en").isNotEmpty()) { "pages" }
        session.setAnswer("person.family_name_kana", str("やまだ"))
        val issue = session.validateQuestion("person.family_name_kana", TODAY, "en").first()
        val fix = issue.machineFix ?: throw AssertionError("a machine fix")
        session.setAnswer(issue.field, fix.value)
        expectEqual(str("ヤマダ"), session.answer("person.family_name_kana"))
        expect(session.validateQuestion(issue.field, TODAY, "en").isEmpty()) { "fixed" }
        expectEqual("not-ready", errorCode { session.submissions(TODAY, AT) })
        tennyu.forEach { (k, v) -> session.setAnswer(k, v) }
        expect(session.validate(TODAY, "ja").isEmpty()) { "no issue left" }
        val row = session.summary(TODAY, "en").first { it.key == "person.family_name" }
        expectEqual("typed", row.source.kind)
        val subs = session.submit(TODAY, AT)
        expectEqual(listOf("tennyu"), subs.map { it.procedure })
        expectEqual(str("0237352111"), Json.parseToJsonElement(subs[0].answers).jsonObject["phone"].toString())
        expect(session.isEnded()) { "ended" }
        expectEqual("session-ended", errorCode { session.setAnswer("person.family_name", str("佐藤")) })
    }
    check("drafts") {
        val session = catalog.startSession(listOf("tennyu"))
        session.setAnswer("person.family_name", str("山田"))
        val restored = catalog.restoreDraft(session.saveDraft())
        expect(restored.report.sameCatalog && "person.family_name" in restored.report.kept) { "${restored.report}" }
        expectEqual(str("山田"), restored.session.answer("person.family_name"))
        expectEqual("draft-malformed", errorCode { catalog.restoreDraft("not a draft") })
    }
    check("a draft restored with its previous catalogue lists the changed fields") {
        // The catalogue the draft was made with: the sample with one English wording changed.
        val previous = Catalog.load(sealed(sampleText.replace("\"Family name\"", "\"Surname\"")))
        val session = previous.startSession(listOf("tennyu"))
        session.setAnswer("person.family_name", str("山田"))
        val draft = session.saveDraft()
        val restored = catalog.restoreDraft(draft, previous)
        expectEqual(str("山田"), restored.session.answer("person.family_name"))
        val report = restored.report
        expect(!report.sameCatalog && report.changed.isEmpty()) { "$report" }
        val change = report.fields.firstOrNull { it.path == "fields.family_name.label.en" }
        expect(change != null) { "${report.fields}" }
        expectEqual(listOf("changed", "text", "tennyu"), listOf(change!!.kind, change.aspect, change.procedure))
        expectEqual(str("Surname") to str("Family name"), change.old to change.new)
        expect(report.fields.all { it.procedure == "tennyu" && it.aspect == "text" }) { "${report.fields}" }
        // Without it (the default), or with a catalogue other than the draft's: none.
        expectEqual(0, catalog.restoreDraft(draft).report.fields.size)
        expectEqual(0, catalog.restoreDraft(draft, catalog).report.fields.size)
    }
    check("profile") {
        val profile = Profile.empty()
        val session = catalog.startSession(listOf("tennyu"))
        tennyu.forEach { (k, v) -> session.setAnswer(k, v) }
        expectEqual("profile-no-consent", errorCode { session.updateProfile(profile, TODAY, AT) })
        profile.giveConsent(AT)
        expect("person.family_name" in session.updateProfile(profile, TODAY, AT)) { "recorded" }
        val again = Profile.load(profile.toJson())
        val next = catalog.startSession(listOf("tennyu"))
        expect("person.family_name" in next.prefill(again, TODAY)) { "prefilled" }
        again.forget("person.family_name")
        expect(again.facts(TODAY).none { it.concept == "person.family_name" }) { "forgotten" }
        expect(recoverProfile("{").dropped.isNotEmpty()) { "recover says what it dropped" }
    }
    check("bad input is typed") {
        expectEqual("catalog-malformed", errorCode { Catalog.load("{") })
        expectEqual("catalog-hash", errorCode { Catalog.load(sampleText.replace("大石田町", "改竄町")) })
        expectEqual("unknown-procedure", errorCode { catalog.startSession(listOf("no-such")) })
        expectEqual("no-procedures", errorCode { catalog.startSession(listOf()) })
        expectEqual("bad-date", errorCode { catalog.validate("tennyu", "{}", "2026/11/23", "ja") })
        expectEqual("bad-lang", errorCode { catalog.validate("tennyu", "{}", TODAY, "fr") })
        expectEqual("bad-value", errorCode { catalog.validate("tennyu", "[1]", TODAY, "ja") })
        val session = catalog.startSession(listOf("tennyu"))
        expectEqual("bad-value", errorCode { session.setAnswer("person.family_name", "山田") })
        expectEqual("unknown-question", errorCode { session.setAnswer("no.such", "1") })
        expectEqual("profile-malformed", errorCode { Profile.load("{") })
    }
    check("journey: screening, pages, check page, submit, what happens next") {
        val journey = Journey.start(catalog, TODAY, "en", event = "moving-in")
        expectEqual("screening", journey.stage())
        expectEqual("moving-in", journey.event())
        val answered = journey.answer("move_date", str("2026-11-20"))
        expect(!answered.issuesChanged) { "typing shows no issue on its own" }
        journey.answer("moved_with_others", "false")
        val view = Json.parseToJsonElement(journey.view()).jsonObject
        expectEqual(JsonPrimitive("screening"), view["stage"])
        expect(view["checklist"]!!.jsonObject["procedures"]!!.jsonArray.any { text(it.jsonObject["procedure"]) == "tennyu" }) { "tennyu applies" }
        expectEqual("wrong-stage", errorCode { journey.submit(AT) })
        journey.answer("move_date", str("2026-02-30"))
        expectEqual("screening-errors", errorCode { journey.startOnline() })
        journey.answer("move_date", str("2026-11-20"))
        journey.startOnline()
        expectEqual("page", journey.stage())
        val forms = Journey.start(catalog, TODAY, "en", procedures = listOf("tennyu", "kokuho-kanyu"))
        expectEqual("has-errors", errorCode { forms.next() })
        val pages = listOf(
            listOf("move.date", "move.from_abroad", "address.previous", "address.current"),
            listOf("move.card_moveout"),
            listOf("person.family_name", "person.given_name", "person.family_name_kana", "person.given_name_kana",
                "person.birth_date", "person.gender", "contact.phone", "person.japanese_national"),
            listOf("person.honseki_prefecture", "person.honseki", "person.hittousha"),
            listOf("household.joins_existing", "household.is_head", "household.was_head_before", "household.moved_with_others"),
            listOf("tennyu.filer"),
            // 国民健康保険の加入届: still submitted online.
            listOf("kokuho-kanyu.reason", "insurance.kokuho_start_date"),
            listOf("person.my_number"),
            listOf("kokuho-kanyu.members"),
        )
        for (page in pages) {
            expectEqual("page", forms.stage())
            page.forEach { forms.answer(it, (tennyu + kokuho).getValue(it)) }
            forms.next()
        }
        expectEqual("check", forms.stage())
        // Saved on one device, continued on another.
        val again = Journey.restore(catalog, forms.save(), TODAY, "ja")
        expectEqual(listOf("check", "ja"), listOf(again.stage(), again.lang()))
        val other = Journey.start(catalog, TODAY, "en")
        expectEqual("bad-code", errorCode { other.importCode("not a code!") })
        other.importCode(forms.continuationCode()!!)
        expect(other.stage() != "events") { "continued" }
        // On the resident's device 転入届 (finished at the counter) becomes a handoff; only
        // 国保の加入届 is submitted.
        val subs = forms.submit(AT)
        expectEqual(listOf("kokuho-kanyu"), subs.map { it.procedure })
        expectEqual(str("0237352111"), Json.parseToJsonElement(subs[0].answers).jsonObject["phone"].toString())
        expectEqual(listOf("kokuho-kanyu"), forms.receipts().map { it.procedure })
        // The visit can be booked through the host: a time offered, chosen and confirmed.
        expectEqual("steps", forms.stage())
        val book = forms.beginStep()
        expectEqual("book", book.kind)
        expectEqual("step-answer", errorCode { forms.offerSlots(book.id, listOf(Slot("X", "2020-01-01T09:00", 30u, "役場"))) })
        forms.offerSlots(book.id, listOf(Slot("A", "${book.firstDay}T10:00", 30u, "役場1階 住民係")))
        forms.chooseSlot("A")
        val confirm = forms.beginStep()
        expectEqual("A", confirm.slot?.id)
        expectEqual("step-unknown", errorCode { forms.fulfilStep(book.id, "LATE") })
        expectEqual(emptyList<Submission>(), forms.fulfilStep(confirm.id, "R-0042"))
        forms.setReference("kokuho-kanyu", "OISHIDA-0001")
        expectEqual("not-submitted", errorCode { forms.setReference("tennyu", "X") })
        val next = Json.parseToJsonElement(forms.view()).jsonObject["next"]!!.jsonObject
        expectEqual(listOf("kokuho-kanyu"), next["submitted"]!!.jsonArray.map { text(it.jsonObject["procedure"]) })
        expectEqual("OISHIDA-0001", text(next["submitted"]!!.jsonArray[0].jsonObject["reference"]))
        val prepared = next["prepared"]!!.jsonObject
        expectEqual(listOf("tennyu"), prepared["procedures"]!!.jsonArray.map { text(it.jsonObject["procedure"]) })
        expect(Regex("[0-9A-Z]{4}-[0-9A-Z]{4}").matches(text(prepared["short_code"])!!)) { "short code ${prepared["short_code"]}" }
        expect(text(prepared["booking"])!!.contains("R-0042")) { "the booking is on the handoff: ${prepared["booking"]}" }
        val handoff = forms.handoffText()
        expectEqual(text(prepared["text"]), handoff)
        expect(!handoff!!.contains("123456789018")) { "a handoff holds no My Number" }
        // At the counter: the handoff opens on the check page; the resident confirms, staff submit.
        val desk = Journey.start(catalog, TODAY, "en", counter = true)
        expectEqual("handoff-not-a-handoff", errorCode { desk.openHandoff("hello") })
        expectEqual("handoff-damaged", errorCode { desk.openHandoff(handoff.take(50)) })
        expectEqual("events", desk.stage())
        desk.openHandoff(handoff)
        expectEqual("check", desk.stage())
        expectEqual("session-unconfirmed", errorCode { desk.submit(AT) })
        desk.confirm(true)
        val atDesk = desk.submit(AT)
        expectEqual(listOf("tennyu"), atDesk.map { it.procedure })
        expectEqual(str("ヤマダ"), Json.parseToJsonElement(atDesk[0].answers).jsonObject["family_name_kana"].toString())
        expectEqual(listOf("tennyu"), desk.receipts().map { it.procedure })
        desk.setReference("tennyu", "OISHIDA-0002")
        expectEqual("feedback-rating", errorCode { forms.feedback(9, "") })
        expectEqual("feedback-empty", errorCode { forms.feedback(null, " ") })
        val sent = Json.parseToJsonElement(forms.feedback(4, "")).jsonObject
        expectEqual(JsonPrimitive(4), sent["rating"])
        expectEqual("not-submitted", errorCode { forms.setReference("no-such", "X") })
        forms.act("""{"action": "dismiss"}""")
        expectEqual("bad-journey", errorCode { forms.act("""{"action": "fly"}""") })
        expectEqual("bad-value", errorCode {
            Journey.start(catalog, TODAY, "en", event = "moving-in", procedures = listOf("tennyu"))
        })
        expectEqual("bad-journey", errorCode { Journey.restore(catalog, "{}", TODAY, "en") })
    }
    check("journey at the counter: the resident confirms") {
        val journey = Journey.start(catalog, TODAY, "en", procedures = listOf("tennyu"), counter = true)
        while (journey.stage() == "page") {
            val view = Json.parseToJsonElement(journey.view()).jsonObject
            view["questions"]!!.jsonArray.forEach { q ->
                val key = text(q.jsonObject["key"])!!
                tennyu[key]?.let { journey.answer(key, it) }
            }
            journey.next()
        }
        expectEqual("session-unconfirmed", errorCode { journey.submit(AT) })
        journey.confirm(true)
        expectEqual(1, journey.submit(AT).size)
    }
    check("threads share a catalogue and a session") {
        val session = catalog.startSession(listOf("tennyu"))
        val errors = java.util.Collections.synchronizedList(mutableListOf<Throwable>())
        val threads = (0 until 6).map { n ->
            Thread {
                try {
                    val own = catalog.startSession(listOf("tennyu"))
                    repeat(30) { i ->
                        session.setAnswer("person.given_name", str("太郎$n-$i"))
                        session.validateQuestion("person.given_name", TODAY, "ja")
                        own.setAnswer("person.family_name", str("山田$n"))
                        own.validate(TODAY, "ja")
                    }
                } catch (e: Throwable) {
                    errors.add(e)
                }
            }
        }
        threads.forEach { it.start() }
        threads.forEach { it.join() }
        expect(errors.isEmpty()) { "errors in threads: $errors" }
    }
}

/** A changed catalogue's text with its content hash computed as core does (SHA-256 of the text
 *  with the hash's value left out). */
fun sealed(text: String): String {
    val key = "\"content_hash\":\""
    val at = text.indexOf(key) + key.length
    val end = text.indexOf('"', at)
    val digest = MessageDigest.getInstance("SHA-256")
        .digest((text.substring(0, at) + text.substring(end)).toByteArray(Charsets.UTF_8))
    return text.substring(0, at) + "sha256-" + digest.joinToString("") { "%02x".format(it.toInt() and 0xff) } +
        text.substring(end)
}

fun text(e: JsonElement?): String? = if (e == null || e is JsonNull) null else e.jsonPrimitive.content

fun vectors(dir: File, kind: String): List<Pair<String, JsonObject>> {
    val files = File(dir, kind).listFiles { f -> f.name.endsWith(".json") }?.sortedBy { it.name } ?: emptyList()
    if (files.isEmpty()) throw IllegalStateException("no vectors in $dir/$kind")
    return files.map { it.nameWithoutExtension to Json.parseToJsonElement(it.readText()).jsonObject }
}

fun conformance(catalog: Catalog, dir: File) {
    for ((name, v) in vectors(dir, "validation")) check("validation/$name") {
        expectEqual("oishida", text(v["town"]))
        val lang = text(v["lang"]) ?: "ja"
        val r = catalog.validate(text(v["procedure"])!!, (v["answers"] ?: JsonObject(emptyMap())).toString(), text(v["today"])!!, lang)
        val expect = v["expect"]!!.jsonObject
        val expected = (expect["issues"] as? JsonArray ?: JsonArray(emptyList())).map { it.jsonObject }
        val want = expected.map { Triple(text(it["field"]), text(it["code"]), text(it["severity"]) ?: "error") }.toSet()
        val got = r.issues.map { Triple(it.field, it.code, it.severity) }.toSet()
        expectEqual(want, got, "issues")
        for (i in expected) {
            val message = text(i["message"]) ?: continue
            expect(r.issues.any { it.field == text(i["field"]) && it.message == message }) { "no issue at ${i["field"]} says $message" }
        }
        val normalized = Json.parseToJsonElement(r.normalized).jsonObject
        (expect["normalized"] as? JsonObject)?.forEach { (field, value) ->
            expectEqual(value, normalized[field] ?: JsonNull, "normalized $field")
        }
    }
    for ((name, v) in vectors(dir, "navigator")) check("navigator/$name") {
        expectEqual("oishida", text(v["town"]))
        val c = catalog.navigate(
            text(v["event"])!!, (v["answers"] ?: JsonObject(emptyMap())).toString(), text(v["date"]),
            text(v["today"])!!, text(v["lang"]) ?: "ja",
        )
        val got = JsonObject(mapOf(
            "questions" to JsonArray(c.questions.map { JsonPrimitive(it.id) }),
            "procedures" to JsonArray(c.procedures.map {
                JsonObject(mapOf("procedure" to JsonPrimitive(it.procedure), "due" to (it.due?.let { d -> JsonPrimitive(d.date) } ?: JsonNull)))
            }),
            "town_actions" to JsonArray(c.townActions.map { JsonPrimitive(it.procedure) }),
            "issues" to JsonArray(c.issues.map { JsonObject(mapOf("field" to JsonPrimitive(it.field), "code" to JsonPrimitive(it.code))) }),
        ))
        expectEqual(v["expect"], got as JsonElement)
    }
    for ((name, v) in vectors(dir, "sessions")) check("sessions/$name") {
        expectEqual("oishida", text(v["town"]))
        val lang = text(v["lang"]) ?: "ja"
        val today = text(v["today"])!!
        val session = catalog.startSession(v["procedures"]!!.jsonArray.map { it.jsonPrimitive.content })
        (v["screening"] as? JsonObject)?.let { session.reuseScreening("screening", it.toString()) }
        (v["answers"] as? JsonObject)?.forEach { (key, value) -> session.setAnswer(key, value.toString()) }
        val issues = JsonArray(session.validate(today, lang).map {
            JsonObject(mapOf("field" to JsonPrimitive(it.field), "code" to JsonPrimitive(it.code)))
        })
        val submissions: JsonElement = try {
            JsonObject(session.submissions(today, AT).associate { it.procedure to Json.parseToJsonElement(it.answers) })
        } catch (e: TetsuzukiException.SessionState) {
            expectEqual("not-ready", e.code)
            JsonNull
        }
        val got = JsonObject(mapOf(
            "questions" to JsonPrimitive(session.questions(lang).size),
            "issues" to issues,
            "submissions" to submissions,
        ))
        expectEqual(v["expect"], got as JsonElement)
    }
}

/** The value at a journey vector's path in a view (`errors.0.code`; a final `#` is a length),
 *  null when it is not there: as core/tests/journey.rs reads it. */
fun at(view: JsonElement, path: String): JsonElement? {
    var cur: JsonElement = view
    val segments = path.split(".")
    for ((n, seg) in segments.withIndex()) {
        if (seg == "#" && n == segments.size - 1) {
            return when (val c = cur) {
                is JsonArray -> JsonPrimitive(c.size)
                is JsonObject -> JsonPrimitive(c.size)
                else -> null
            }
        }
        cur = when (val c = cur) {
            is JsonArray -> seg.toIntOrNull()?.let { c.getOrNull(it) } ?: return null
            is JsonObject -> c[seg] ?: return null
            else -> return null
        }
    }
    return cur
}

fun journeyVectors(catalog: Catalog, dir: File) {
    for ((name, v) in vectors(dir, "journey")) check("journey/$name") {
        expectEqual("oishida", text(v["town"]))
        val options = v["options"] as? JsonObject
        val onePerPage = text(options?.get("one_question_per_page")) == "true"
        val counter = text(options?.get("counter")) == "true"
        val today = text(v["today"])!!
        val start = v["start"] as? JsonObject
        val event = text(start?.get("event"))
        val procedures = (start?.get("procedures") as? JsonArray)?.map { it.jsonPrimitive.content } ?: listOf()
        var journey = Journey.start(catalog, today, text(v["lang"])!!, event, procedures, onePerPage, counter)
        val failures = mutableListOf<String>()
        v["steps"]!!.jsonArray.forEachIndexed { n, element ->
            val step = element.jsonObject
            if ("action" in step) {
                val got = try {
                    journey.act(step.toString())
                    null
                } catch (e: TetsuzukiException) {
                    codeOf(e)
                }
                val want = text(step["error"])
                if (got != want) failures += "step $n (${step["action"]}): error $got, expected $want"
            }
            if (text(step["reload"]) == "true") {
                journey = Journey.restore(catalog, journey.save(), today, journey.lang(), onePerPage, counter)
            }
            (step["expect"] as? JsonObject)?.let { expected ->
                val view = Json.parseToJsonElement(journey.view())
                for ((path, want) in expected) {
                    val got = at(view, path)
                    if (got != want) failures += "step $n: `$path` is $got, expected $want"
                }
            }
        }
        expect(failures.isEmpty()) { failures.joinToString("\n") }
    }
}

fun main(args: Array<String>) {
    if (args.size < 2) {
        System.err.println("usage: BindingsTestKt <sample-catalog.json> <fixtures/vectors>")
        kotlin.system.exitProcess(2)
    }
    val sampleText = File(args[0]).readText()
    val catalog = Catalog.load(sampleText)
    mainFlow(catalog, sampleText)
    conformance(catalog, File(args[1]))
    journeyVectors(catalog, File(args[1]))
    check("example: examples/kotlin/MovingIn.kt") {
        val (subs, handoff) = example.movingIn(catalog, TODAY, AT)
        expectEqual(listOf("kokuho-kanyu"), subs.map { it.procedure })
        expect(handoff != null && handoff.startsWith("TZ1:")) { "the moving-in example prepared a handoff" }
    }
    println("kotlin: $passed passed, $failed failed")
    if (failed > 0) kotlin.system.exitProcess(1)
}

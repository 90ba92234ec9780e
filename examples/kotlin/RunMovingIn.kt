// A program that uses the SDK as an installed library: the jar scripts/build-jar makes (the
// compiled bindings and the native library inside), JNA and the Kotlin stdlib, plus this
// program's own JSON reader (kotlinx-serialization, for MovingIn.kt). scripts/test-jar compiles
// it against the jar alone (not the generated sources) and runs it:
//
//   java -cp tetsuzuki-0.1.0.jar:jna.jar:kotlin-stdlib.jar:kotlinx-serialization-json-jvm.jar:… \
//       example.RunMovingInKt catalog.json [EXPECTED_VERSION]
//
// It prints the SDK's version, walks the moving-in journey (MovingIn.kt) and ends with
// `moving-in: N submission(s): …` (what was submitted online) and, when procedures are finished
// at the counter, `moving-in: a handoff for the counter (N characters)`; it exits non-zero when
// the version is not the expected one.
package example

import java.io.File
import kotlin.system.exitProcess
import uniffi.tetsuzuki_bindings.Catalog
import uniffi.tetsuzuki_bindings.version

fun main(args: Array<String>) {
    if (args.isEmpty()) {
        System.err.println("usage: RunMovingInKt CATALOG.json [EXPECTED_VERSION]")
        exitProcess(2)
    }
    println("tetsuzuki ${version()}")
    if (args.size > 1 && version() != args[1]) {
        System.err.println("version() is ${version()}, expected ${args[1]} (Cargo.toml's workspace version)")
        exitProcess(1)
    }
    val catalog = Catalog.load(File(args[0]).readText())
    val (submissions, handoff) = movingIn(catalog, "2026-11-23", "2026-11-23T10:00:00+09:00")
    println("moving-in: ${submissions.size} submission(s): ${submissions.joinToString(" ") { it.procedure }}")
    if (handoff != null) println("moving-in: a handoff for the counter (${handoff.length} characters)")
}

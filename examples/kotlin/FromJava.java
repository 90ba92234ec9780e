// The jar from Java: no Kotlin source, only the jar, JNA and the Kotlin stdlib on the class
// path (scripts/test-jar compiles and runs it). UniFFI's top-level Kotlin functions are static
// methods of `Tetsuzuki_bindingsKt`; objects are classes with their methods.
//
//   javac -cp tetsuzuki-0.1.0.jar FromJava.java
//   java -cp .:tetsuzuki-0.1.0.jar:jna.jar:kotlin-stdlib.jar FromJava catalog.json
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

import uniffi.tetsuzuki_bindings.Catalog;
import uniffi.tetsuzuki_bindings.CatalogSummary;
import uniffi.tetsuzuki_bindings.Tetsuzuki_bindingsKt;

public class FromJava {
    public static void main(String[] args) throws Exception {
        System.out.println("tetsuzuki " + Tetsuzuki_bindingsKt.version());
        String text = new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.UTF_8);
        try (Catalog catalog = Catalog.Companion.load(text)) {
            CatalogSummary summary = catalog.summary();
            // (Unsigned numbers are Kotlin's UInt, which Java does not see: count the ids instead.)
            System.out.println("java: " + summary.getTownName() + ", " + catalog.procedures("ja").size() + " procedures");
        }
    }
}

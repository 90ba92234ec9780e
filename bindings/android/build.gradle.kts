// The Android library module of tetsuzuki's native bindings (an AAR): the UniFFI-generated
// Kotlin, JNA as an AAR, and libtetsuzuki_bindings.so per ABI under src/main/jniLibs/<abi>/.
//
// NOT BUILT IN THIS REPOSITORY: there is no Android SDK or NDK on its machines, and scripts/test
// never runs Gradle. The same Kotlin runs on the JVM in scripts/test-kotlin and scripts/test-jar.
// README.md beside this file gives the steps a developer runs (cargo-ndk, uniffi-bindgen, Gradle);
// both inputs below are generated there and are not committed (.gitignore).
//
//   src/main/jniLibs/{arm64-v8a,armeabi-v7a,x86_64,x86}/libtetsuzuki_bindings.so   cargo ndk -o …
//   src/main/kotlin/uniffi/tetsuzuki_bindings/tetsuzuki_bindings.kt              uniffi-bindgen
plugins {
    id("com.android.library") version "8.7.3"
    id("org.jetbrains.kotlin.android") version "2.1.0"
    `maven-publish`
}

// One version everywhere: the workspace's `[workspace.package] version` (Cargo.toml); a copy
// outside the repository (scripts/release's) has it in gradle.properties as tetsuzukiVersion.
val cargoVersion: String = providers.gradleProperty("tetsuzukiVersion").orNull ?: run {
    val toml = projectDir.resolve("../../Cargo.toml").readText()
    Regex("(?ms)^\\[workspace\\.package\\][^\\[]*?^version\\s*=\\s*\"([^\"]+)\"").find(toml)?.groupValues?.get(1)
        ?: error("../../Cargo.toml has no [workspace.package] version")
}
group = "tetsuzuki"
version = cargoVersion

android {
    namespace = "tetsuzuki.android"
    compileSdk = 35

    defaultConfig {
        minSdk = 24
        // Keeps JNA and the generated classes from R8 in the apps that use the AAR.
        consumerProguardFiles("consumer-rules.pro")
    }

    sourceSets["main"].apply {
        kotlin.srcDir("src/main/kotlin")  // the generated tetsuzuki_bindings.kt
        jniLibs.srcDir("src/main/jniLibs") // <abi>/libtetsuzuki_bindings.so (the default; named for clarity)
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_1_8
        targetCompatibility = JavaVersion.VERSION_1_8
    }
    kotlinOptions {
        jvmTarget = "1.8"
    }

    publishing {
        singleVariant("release") { withSourcesJar() }
    }
}

dependencies {
    // JNA's AAR carries libjnidispatch.so for every Android ABI (the plain jar has desktop ones).
    implementation("net.java.dev.jna:jna:5.13.0@aar")
}

publishing {
    publications {
        register<MavenPublication>("release") {
            artifactId = "tetsuzuki-android"
            afterEvaluate { from(components["release"]) }
        }
    }
}

// Builds bindings/android on its own (`gradle assembleRelease`, `gradle publishToMavenLocal`):
// NOT run in this repository (no Android SDK); see README.md.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "tetsuzuki-android"

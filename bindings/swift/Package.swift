// swift-tools-version:5.9
// The Swift package of tetsuzuki's native bindings: the UniFFI-generated Swift (target
// `Tetsuzuki`, `import Tetsuzuki`) over the Rust core in an XCFramework of static libraries
// (binary target `TetsuzukiFFI`, whose headers declare the C module `tetsuzuki_bindingsFFI`
// that the generated Swift imports).
//
// NOT BUILT IN THIS REPOSITORY: there is no Swift compiler or Xcode on its machines. Both inputs
// are made on a Mac by the steps of docs/BINDINGS.md (*Swift*), and are not committed:
//
//   TetsuzukiFFI.xcframework/               xcodebuild -create-xcframework (iOS, iOS Simulator, macOS)
//   Sources/Tetsuzuki/tetsuzuki_bindings.swift   uniffi-bindgen generate --language swift
//
// scripts/gen-swift checks the generated API surface against snapshots/ on every test run;
// scripts/release ships this file with the generated Swift and headers. A release of the
// package is a git tag (SwiftPM's versions); the workspace's version (Cargo.toml) is the
// number, and `version()` gives it at run time.
import PackageDescription

let package = Package(
    name: "Tetsuzuki",
    platforms: [.iOS(.v13), .macOS(.v11)],
    products: [
        .library(name: "Tetsuzuki", targets: ["Tetsuzuki"]),
    ],
    targets: [
        .binaryTarget(name: "TetsuzukiFFI", path: "TetsuzukiFFI.xcframework"),
        .target(
            name: "Tetsuzuki",
            dependencies: ["TetsuzukiFFI"],
            path: "Sources/Tetsuzuki"
        ),
    ]
)

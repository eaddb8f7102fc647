// swift-tools-version: 6.0
import PackageDescription

// Layers (arrows point one way; see ARCHITECTURE.md):
//   renkei (CLI + terminal main loop) ─┬─► RenkeiApp (the runtime) ─┬─► RenkeiTUI ─► RenkeiCore
//                                      │                            ├─► RenkeiReport ─► RenkeiStore ─► RenkeiCore
//                                      │                            ├─► RenkeiSync ─► RenkeiStore  (the `Y` key)
//                                      │                            ├─► RenkeiImport  (the import dialog, `: 取り込み`)
//                                      │                            └─► RenkeiStore
//                                      ├─► RenkeiTerminal ─► CNcursesw   (C: the terminal)
//                                      ├─► RenkeiImport ─► RenkeiCore   (CSV/.xlsx → planned case changes; pure)
//                                      │        └─► CLibXML   (C: libxml2's reader, dlopen'ed for .xlsx only)
//                                      └─► RenkeiSync ─► RenkeiStore    (git as a subprocess; sync, clone, merge)
//   renkei-bench ─► RenkeiApp (the same runtime the executable drives)
//   renkei, renkei-bench, tests ─► RenkeiDevSupport ─► RenkeiStore   (synthetic data only)
// Start-up (issue 19): the static Swift runtime links executables with `-export-dynamic`
// (swift_static/linux/static-stdlib-args.lnk), which put the 11,500 public symbols of our own
// modules into the dynamic symbol table. Every symbol the loader binds for libstdc++, ncursesw
// and libxml2 then probes that table first, and the runtime's dladdr of its own path scans it:
// 1.6 M instructions of a 8.2 M `list --count` (callgrind). Nothing looks renkei's symbols up by
// name (no dlsym, no NSClassFromString), so the release executable exports none. Debug builds
// keep the default, for symbolic backtraces while developing.
let packageDirectory = String(#filePath.dropLast("/Package.swift".count))
let exportNothingFromRelease: [LinkerSetting] = [
    .unsafeFlags(["-Xlinker", "--version-script=\(packageDirectory)/Sources/renkei/Link/exports.map"],
                 .when(platforms: [.linux], configuration: .release)),
]

// Start-up (issue 19): by default the compiler names concrete generic types such as
// `Set<String>` by their mangled name, and the runtime resolves the name on first use; resolving
// `String: Hashable` that way scans every protocol conformance in the binary, about a million
// instructions before `list --count` has read anything (callgrind). Direct metadata accessors
// cost a little code size and no lookup. Release only: debug builds keep the compiler's default.
let startupSwiftSettings: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

let package = Package(
    name: "renkei",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "renkei", targets: ["renkei"]),
        .executable(name: "renkei-bench", targets: ["renkei-bench"]),
    ],
    dependencies: [
        // Every dependency pinned exactly (Package.resolved stays out of git on these machines):
        // a new release of the template engine or the argument parser could otherwise change the
        // goldens (rendered reports, --help text) without anyone bumping anything. The versions
        // are the ones the goldens were recorded with.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // Import (#13): the .xlsx container and CSV fields come from kept libraries, pinned exactly
        // so a reader change never alters what an import writes without a deliberate bump.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        // Pure domain: cases, stages, gates, guide catalog, calendar and deadlines, search, insight.
        // Foundation only; no file I/O, no clock (`today`/`now` are passed in).
        .target(name: "RenkeiCore", swiftSettings: startupSwiftSettings),
        // The workspace on disk: case files, durable writes, lock, index, quarantine, undo journal.
        .target(name: "RenkeiStore", dependencies: ["RenkeiCore"], swiftSettings: startupSwiftSettings),
        // Exports: Markdown, HTML, CSV, JSON.
        .target(name: "RenkeiReport", dependencies: [
            "RenkeiCore", "RenkeiStore", .product(name: "Mustache", package: "swift-mustache"),
        ], swiftSettings: startupSwiftSettings),
        // Import of office files: encoding detection, CSV and .xlsx tables, mappings, value
        // parsing (令和 dates, 千円), the row-by-row plan. Reads bytes handed to it; never writes.
        .target(name: "RenkeiImport", dependencies: [
            "RenkeiCore", "CLibXML", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "CSV", package: "CSV.swift"),
        ], swiftSettings: startupSwiftSettings),
        // libxml2's streaming reader for the .xlsx parts, loaded with dlopen on first use so that no
        // other command pays for loading libxml2 and ICU at start (issue 19). Only RenkeiImport uses it.
        .target(name: "CLibXML"),
        // Sharing a workspace over git (issue 12): init/clone, the sync engine, the merge of two
        // commits case by case. Runs `git` as a subprocess; merges through RenkeiStore's CaseFileMerge.
        .target(name: "RenkeiSync", dependencies: ["RenkeiCore", "RenkeiStore"], swiftSettings: startupSwiftSettings),
        // The TUI state machine: AppState, Msg, update, view into a cell Screen. No C, no I/O.
        .target(name: "RenkeiTUI", dependencies: ["RenkeiCore"], swiftSettings: startupSwiftSettings),
        // The runtime: the one Elm loop (`Program`), effects performed against the store
        // (`StoreEffects`), background work as messages, change detection, first-load progress.
        // It syncs through RenkeiSync (the `Y` key): RenkeiSync never depends back on it.
        .target(name: "RenkeiApp", dependencies: ["RenkeiCore", "RenkeiStore", "RenkeiReport", "RenkeiTUI", "RenkeiSync", "RenkeiImport"], swiftSettings: startupSwiftSettings),
        // Synthetic data for benchmarks, tests and `renkei dev generate` (the workspace generator,
        // the insight portfolio). Kept out of the production modules: nothing the product reads
        // or writes depends on it.
        .target(name: "RenkeiDevSupport", dependencies: ["RenkeiCore", "RenkeiStore"], swiftSettings: startupSwiftSettings),
        // ncursesw through a tiny shim that loads it with dlopen when the workbench starts, so
        // that no other command pays for loading it (issue 19); the headers come from
        // libncurses-dev at build time. Swift 6 refuses C globals, so the shim wraps them too.
        .target(name: "CNcursesw"),
        // The fatal-signal guard (issue 18): restores the terminal and writes a crash log from an
        // async-signal-safe handler, which is why it is C. Only RenkeiTerminal uses it.
        .target(name: "CCrashGuard"),
        // The thin adapter: key codes → Msg, Screen diff → ncursesw. The only importer of CNcursesw.
        .target(name: "RenkeiTerminal", dependencies: ["CNcursesw", "CCrashGuard", "RenkeiTUI"], swiftSettings: startupSwiftSettings),
        .executableTarget(name: "renkei", dependencies: [
            "RenkeiCore", "RenkeiStore", "RenkeiReport", "RenkeiTUI", "RenkeiApp", "RenkeiTerminal", "RenkeiImport", "RenkeiDevSupport",
            "RenkeiSync", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["Link"], swiftSettings: startupSwiftSettings, linkerSettings: exportNothingFromRelease, plugins: ["BuildInfo"]),
        // `renkei --version` names the commit: writes BuildInfo.swift (VERSION + git) before each build.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .executableTarget(name: "renkei-bench", dependencies: [
            "RenkeiCore", "RenkeiStore", "RenkeiReport", "RenkeiTUI", "RenkeiApp", "RenkeiDevSupport",
        ]),
        // What every test target shares: the repo root, the one process runner, temp
        // directories removed at exit. A plain target under Tests/ (never shipped).
        .target(name: "RenkeiTestSupport", path: "Tests/RenkeiTestSupport"),
        .testTarget(name: "RenkeiCoreTests", dependencies: ["RenkeiCore", "RenkeiDevSupport", "RenkeiTestSupport"]),
        .testTarget(name: "RenkeiImportTests", dependencies: ["RenkeiCore", "RenkeiImport", "RenkeiTestSupport"], exclude: ["Fixtures"]),
        // RenkeiReport: the fault-injection suite also runs the export write path.
        .testTarget(name: "RenkeiStoreTests", dependencies: ["RenkeiCore", "RenkeiStore", "RenkeiReport", "RenkeiDevSupport", "RenkeiTestSupport"]),
        // Golden files are read from the source tree by path (re-recorded in place), not bundled.
        .testTarget(name: "RenkeiReportTests", dependencies: ["RenkeiCore", "RenkeiStore", "RenkeiReport", "RenkeiTestSupport"],
                    exclude: ["Goldens"]),
        .testTarget(name: "RenkeiTUITests", dependencies: ["RenkeiCore", "RenkeiTUI", "RenkeiApp", "RenkeiTestSupport"], exclude: ["Goldens"]),
        // The runtime with a real store on temp workspaces. Its goldens (municipality/partner
        // views, grant checklist) are read by path like the other targets', never bundled.
        .testTarget(name: "RenkeiAppTests", dependencies: ["RenkeiCore", "RenkeiStore", "RenkeiTUI", "RenkeiApp", "RenkeiSync", "RenkeiTestSupport"],
                    exclude: ["Goldens"]),
        // Runs the built `renkei` binary end to end on temp workspaces (and tmux for the TUI).
        .testTarget(name: "RenkeiCLITests", dependencies: ["RenkeiCore", "RenkeiStore", "RenkeiTestSupport"], exclude: ["Goldens"]),
    ]
)

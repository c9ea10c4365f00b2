// swift-tools-version: 6.0
import PackageDescription

/// LabelDesk: a keyboard-first terminal workstation for data labelers.
///
/// Targets depend down the list in ARCHITECTURE.md only. Outside parts each have one
/// importer: GRDB and swift-crypto only `Store` (and `Sync` for signatures later),
/// ncurses only `TerminalCurses`, GDAL (`CGDAL`) only `Imagery`, libchafa (`CChafa`) only `Widgets`, SQLite's C
/// API (`CSQLite`) only `Interchange`, for the GeoPackage writer, and `Store`, for one process-wide setting, cmark-gfm (`CCmark`) only
/// `Curriculum`, for lessons in Markdown.
let package = Package(
    name: "LabelDesk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "labeldesk", targets: ["labeldesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(name: "Domain"),
        .systemLibrary(name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark-gfm"),
        .target(name: "Curriculum", dependencies: ["Domain", "CCmark"]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .target(
            name: "Store",
            dependencies: [
                "Domain", "Curriculum", "CSQLite",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .systemLibrary(name: "CGDAL", path: "Sources/CGDAL", pkgConfig: "gdal"),
        .target(name: "Imagery", dependencies: ["Domain", "CGDAL"]),
        .target(name: "Interchange", dependencies: ["Domain", "CSQLite"]),
        .target(name: "Hub", dependencies: ["Domain", "Curriculum", "Store", "Interchange"]),
        .target(
            name: "Sync",
            dependencies: [
                "Domain", "Store", "Hub", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Server",
            dependencies: ["Domain", "Store", "Hub", "Sync", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "TerminalCore"),
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        .target(name: "TerminalCurses", dependencies: ["TerminalCore", "CNCurses"]),
        .systemLibrary(name: "CChafa", path: "Sources/CChafa", pkgConfig: "chafa"),
        .target(name: "Widgets", dependencies: ["TerminalCore", "CChafa"]),
        .target(name: "Screens", dependencies: ["Domain", "Curriculum", "Widgets", "TerminalCore"]),
        .target(
            name: "Workstation",
            dependencies: [
                "Domain", "Curriculum", "Store", "Hub", "Sync", "Screens", "Widgets", "TerminalCore", "Interchange", "Imagery",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "labeldesk",
            dependencies: [
                "Domain", "Store", "Hub", "Sync", "Server", "Screens", "TerminalCore", "TerminalCurses", "Workstation", "Interchange", "Imagery",
                "Curriculum",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers the process-driving test targets share; a library, not tests.
        .target(name: "TestSupport", dependencies: ["Domain"], path: "Tests/TestSupport"),
        .testTarget(name: "DomainTests", dependencies: ["Domain"], exclude: ["Vectors"]),
        .testTarget(name: "CurriculumTests", dependencies: ["Curriculum", "Domain"], exclude: ["Vectors"]),
        .testTarget(name: "ImageryTests", dependencies: ["Imagery", "Domain"], exclude: ["Vectors"]),
        .testTarget(name: "InterchangeTests", dependencies: ["Interchange", "Domain", "Imagery"], exclude: ["Vectors"]),
        .testTarget(name: "StoreTests", dependencies: ["TestSupport", "Store", "Domain", "Curriculum", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "HubTests", dependencies: ["TestSupport", "Hub", "Store", "Domain", "Interchange"], exclude: ["Vectors"]),
        .testTarget(name: "SyncTests", dependencies: ["TestSupport", "Sync", "Hub", "Store", "Domain", .product(name: "NIOCore", package: "swift-nio")]),
        .testTarget(name: "ServerTests", dependencies: ["TestSupport", "Server", "Sync", "Hub", "Store", "Domain", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "TerminalCoreTests", dependencies: ["TerminalCore"]),
        .testTarget(name: "TerminalCursesTests", dependencies: ["TerminalCurses", "TerminalCore"]),
        .testTarget(name: "WidgetsTests", dependencies: ["Widgets", "TerminalCore"], exclude: ["__Snapshots__", "Fixtures"]),
        .testTarget(name: "ScreensTests", dependencies: ["Screens", "Curriculum", "Widgets", "TerminalCore", "Domain"], exclude: ["__Snapshots__"]),
        .testTarget(name: "WorkstationTests", dependencies: ["Workstation", "Curriculum", "Screens", "Store", "Hub", "Sync", "TerminalCore", "Domain", "Imagery", "Interchange"]),
        // Depends on the executable so `swift test` builds the binary these tests drive.
        .testTarget(name: "EndToEndTests", dependencies: ["labeldesk", "TestSupport", "Hub", "Store", "Domain", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "FaultTests", dependencies: ["labeldesk", "TestSupport", "Sync", "Hub", "Store", "Domain", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)

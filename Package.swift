// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierKit", targets: ["DossierKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // SQLite from the system (Debian: libsqlite3-dev), FTS5 enabled.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // libxml2's HTML parser from the system (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Linux's sync_file_range, which Swift's Glibc module does not declare (export files).
        .target(name: "CFileSync"),
        // The only code that touches SQLite's C API.
        .target(name: "DossierSQLite", dependencies: ["CSQLite"]),
        // All behaviour: ingest, topics, index, search, export.
        .target(
            name: "DossierKit",
            dependencies: [
                "DossierSQLite",
                "CLibXML2",
                "CFileSync",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command-line glue.
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process query latency for Scripts/bench (not installed, not tested).
        .executableTarget(name: "dossier-bench", dependencies: ["DossierKit"]),
        // What the tests share: temporary folders, running the binary, golden files. It depends on no
        // product target, so splitting the library does not touch it.
        .target(name: "DossierTestSupport", path: "Tests/DossierTestSupport"),
        .testTarget(name: "DossierSQLiteTests", dependencies: ["DossierSQLite"]),
        .testTarget(
            name: "DossierKitTests",
            dependencies: [
                "DossierKit", "DossierSQLite", "DossierTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .testTarget(name: "DossierCLITests", dependencies: ["dossier", "DossierTestSupport"]),
    ]
)

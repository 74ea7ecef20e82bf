// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(
            name: "DossierKit",
            targets: [
                "DossierSupport", "DossierModel", "DossierIngest", "DossierTopics", "DossierIndex", "DossierSearch",
                "DossierExport",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // SQLite from the system (Debian: libsqlite3-dev), FTS5 enabled.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // libxml2's HTML and XML parsers from the system (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // PDF text and metadata: poppler's GLib API from the system (Debian: libpoppler-glib-dev),
        // chosen over MuPDF by measurement (docs/formats.md#pdf).
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // Language detection: CLD2 from the system (Debian: libcld2-dev, which has no pkg-config
        // file), behind a C function, since its API is C++.
        .target(name: "CLanguageDetect", linkerSettings: [.linkedLibrary("cld2")]),
        // Linux's sync_file_range, which Swift's Glibc module does not declare (export files).
        .target(name: "CFileSync"),
        // The only code that touches SQLite's C API.
        .target(name: "DossierSQLite", dependencies: ["CSQLite"]),
        // The library, one target per pipeline stage, each depending only on the stages before it:
        // Support, Model <- Ingest, Topics <- Index <- Search <- Export. The files stay in
        // Sources/DossierKit/<Stage>/ (the DossierKit product is all of them).
        .target(name: "DossierSupport", path: "Sources/DossierKit/Support"),
        .target(name: "DossierModel", dependencies: ["DossierSupport"], path: "Sources/DossierKit/Model"),
        .target(
            name: "DossierIngest",
            dependencies: [
                "DossierModel", "DossierSupport", "CLibXML2", "CLanguageDetect", "CPoppler",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Sources/DossierKit/Ingest"
        ),
        .target(
            name: "DossierTopics",
            dependencies: ["DossierModel", "DossierSupport", "DossierSQLite", .product(name: "Yams", package: "Yams")],
            path: "Sources/DossierKit/Topics"
        ),
        .target(
            name: "DossierIndex",
            dependencies: [
                "DossierModel", "DossierSupport", "DossierIngest", "DossierTopics", "DossierSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/DossierKit/Index"
        ),
        .target(
            name: "DossierSearch",
            dependencies: ["DossierModel", "DossierSupport", "DossierIngest", "DossierTopics", "DossierIndex", "DossierSQLite"],
            path: "Sources/DossierKit/Search"
        ),
        .target(
            name: "DossierExport",
            dependencies: [
                "DossierModel", "DossierSupport", "DossierTopics", "DossierIndex", "DossierSearch", "DossierSQLite",
                "CFileSync",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/DossierKit/Export"
        ),
        // The command-line glue.
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierSupport", "DossierModel", "DossierIngest", "DossierTopics", "DossierIndex", "DossierSearch",
                "DossierExport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process query latency for Scripts/bench (not installed, not tested).
        .executableTarget(name: "dossier-bench", dependencies: ["DossierSearch"]),
        // What the tests share: temporary folders, running the binary, golden files, office files built
        // from XML (with ZIPFoundation). It depends on no product target, so splitting the library does not touch it.
        .target(
            name: "DossierTestSupport", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/DossierTestSupport"),
        .testTarget(name: "DossierSQLiteTests", dependencies: ["DossierSQLite"]),
        .testTarget(
            name: "DossierKitTests",
            dependencies: [
                "DossierSupport", "DossierModel", "DossierIngest", "DossierTopics", "DossierIndex", "DossierSearch",
                "DossierExport", "DossierSQLite", "DossierTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .testTarget(name: "DossierCLITests", dependencies: ["dossier", "DossierTestSupport"]),
    ]
)

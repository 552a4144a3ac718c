// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "zhengtong",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "zhengtong", targets: ["zhengtong"]),
        .executable(name: "guomi-bench", targets: ["GuomiBench"]),
        .executable(name: "cases-bench", targets: ["CasesBench"]),
        .executable(name: "licenses-bench", targets: ["LicensesBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
    ],
    targets: [
        .target(
            name: "Kernel",
            resources: [.copy("Resources/cn-calendar.csv"), .copy("Resources/cn-divisions.csv")],
            swiftSettings: swiftSettings
        ),
        .target(name: "Guomi", swiftSettings: swiftSettings),
        .target(
            name: "Signing",
            dependencies: [
                "Kernel",
                "Guomi",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Storage",
            dependencies: [
                "Kernel",
                "Guomi",
                "Signing",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "StorageTesting",
            dependencies: [
                "Storage", "Kernel", .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Messaging",
            dependencies: [
                "Kernel",
                "Storage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Identity",
            dependencies: [
                "Kernel",
                "Guomi",
                "Signing",
                "Storage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            resources: [.copy("Resources/common-passwords.txt")],
            swiftSettings: swiftSettings
        ),
        .target(name: "CatalogModel", dependencies: ["Kernel"], swiftSettings: swiftSettings),
        .target(
            name: "Catalog",
            dependencies: [
                "Kernel",
                "Storage",
                "Identity",
                "CatalogModel",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CatalogInterchange",
            dependencies: [
                "Kernel",
                "Storage",
                "Identity",
                "Catalog",
                "CatalogModel",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            resources: [.copy("Resources/demo-catalog.json")],
            swiftSettings: swiftSettings
        ),
        .target(name: "CasesModel", dependencies: ["Kernel", "CatalogModel"], swiftSettings: swiftSettings),
        .target(
            name: "Cases",
            dependencies: [
                "Kernel",
                "Storage",
                "Identity",
                "Messaging",
                "Catalog",
                "CatalogModel",
                "CasesModel",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            resources: [.copy("Resources/processes")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CasesTesting",
            dependencies: ["Cases", "CasesModel", "Catalog", "CatalogInterchange", "Identity", "Kernel", "Storage"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Licenses",
            dependencies: [
                "Kernel",
                "Signing",
                "Storage",
                "Identity",
                "Cases",
                "CasesModel",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            resources: [.copy("Resources/license-types.json")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PaymentChannels",
            dependencies: [
                "Kernel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Payments",
            dependencies: [
                "Kernel",
                "Guomi",
                "Signing",
                "Storage",
                "Identity",
                "Catalog",
                "CatalogModel",
                "Cases",
                "CasesModel",
                "PaymentChannels",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Evaluation",
            dependencies: [
                "Kernel",
                "Storage",
                "Messaging",
                "Identity",
                "Catalog",
                "CatalogModel",
                "Cases",
                "CasesModel",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Web",
            dependencies: [
                "Kernel",
                "Signing",
                "Storage",
                "Messaging",
                "Identity",
                "Catalog",
                "CatalogModel",
                "CatalogInterchange",
                "Cases",
                "CasesModel",
                "Licenses",
                "PaymentChannels",
                "Payments",
                "Evaluation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Server",
            dependencies: [
                "Kernel",
                "Guomi",
                "Storage",
                "Messaging",
                "Identity",
                "Catalog",
                "CatalogModel",
                "CatalogInterchange",
                "Cases",
                "CasesModel",
                "Licenses",
                "PaymentChannels",
                "Payments",
                "Evaluation",
                "Signing",
                "Web",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "zhengtong",
            dependencies: [
                "Server",
                "Storage",
                "Catalog",
                "CatalogInterchange",
                "Kernel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "GuomiBench", dependencies: ["Guomi"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "CasesBench",
            dependencies: [
                "Cases", "CasesModel", "Catalog", "CatalogInterchange", "Identity", "Kernel", "Storage",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            resources: [.copy("Resources")], swiftSettings: swiftSettings),
        .executableTarget(
            name: "LicensesBench",
            dependencies: [
                "Licenses", "Signing", "Storage", "Guomi", "Kernel", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "KernelTests", dependencies: ["Kernel"], swiftSettings: swiftSettings),
        .testTarget(name: "GuomiTests", dependencies: ["Guomi"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SigningTests",
            dependencies: ["Signing", "Kernel", "Guomi", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "StorageTests", dependencies: ["Storage", "StorageTesting", "Kernel", "Guomi"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "IdentityTests", dependencies: ["Identity", "Signing", "Storage", "StorageTesting", "Kernel"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CatalogTests",
            dependencies: [
                "Catalog", "CatalogModel", "CatalogInterchange", "Identity", "Storage", "StorageTesting", "Kernel",
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CasesModelTests", dependencies: ["CasesModel", "CatalogModel", "Kernel"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CasesTests",
            dependencies: [
                "Cases", "CasesModel", "Catalog", "CatalogModel", "Identity", "Messaging", "Storage", "StorageTesting",
                "CasesTesting",
                "Kernel", "CatalogInterchange", .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "LicensesTests",
            dependencies: [
                "Licenses", "Cases", "CasesModel", "Catalog", "CatalogInterchange", "Identity", "Signing", "Storage",
                "StorageTesting", "CasesTesting", "Kernel", .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PaymentChannelsTests",
            dependencies: [
                "PaymentChannels", "Kernel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PaymentsTests",
            dependencies: [
                "Payments", "PaymentChannels", "Cases", "CasesModel", "Catalog", "CatalogModel", "CatalogInterchange",
                "Identity", "Signing", "Storage", "StorageTesting", "CasesTesting", "Kernel",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "EvaluationTests",
            dependencies: [
                "Evaluation", "Cases", "CasesModel", "Catalog", "CatalogModel", "Identity", "Messaging", "Storage", "StorageTesting",
                "CasesTesting", "Kernel", .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "MessagingTests",
            dependencies: [
                "Messaging", "Storage", "StorageTesting", "Kernel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "Web", "Server", "Storage", "StorageTesting", "Messaging", "Kernel", "Catalog", "CatalogModel",
                "CatalogInterchange", "Identity", "Evaluation",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Storage", "StorageTesting", "Messaging", "Kernel",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

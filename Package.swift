// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cardigan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cardigan", targets: ["cardigan"]),
        .library(name: "CardiganKit", targets: ["CardiganKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // libyaml through Debian's libyaml-dev; Yams offers no product for its own copy (CYaml).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // zlib, which libgit2 links already: a commit's pack is deflated here (Git/PackStream.swift).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "CardiganKit",
            dependencies: [
                "CLibgit2",
                "CLibYAML",
                "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The HTTP client for the model registries: a target of its own, so that only the
        // executable links async-http-client and CardiganKit stays free of it.
        .target(
            name: "CardiganHTTP",
            dependencies: ["CardiganKit", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .executableTarget(
            name: "cardigan-fuzz",
            dependencies: ["CardiganKit"],
            path: "Fuzz"
        ),
        .executableTarget(
            name: "cardigan",
            dependencies: [
                "CardiganKit",
                "CardiganHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "CardiganKitTests",
            dependencies: ["CardiganKit", "TestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden"]
        ),
        // `cardigan` itself too: HotCommandLineTests compares its own reading of the hot command
        // lines with argument-parser's.
        .testTarget(
            name: "cardiganTests",
            dependencies: [
                "cardigan", "CardiganKit", "CardiganHTTP", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Golden"]
        ),
    ]
)

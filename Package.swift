// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierCore", targets: ["DossierCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The only module that touches cmark-gfm's C pointers.
        .target(name: "DossierMarkdown", dependencies: ["CCmarkGFM"]),
        .target(
            name: "DossierCore",
            dependencies: [
                "DossierMarkdown",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources/theme")]
        ),
        // The dev server; kept apart so the core never depends on networking.
        .target(
            name: "DossierServe",
            dependencies: ["DossierCore", .product(name: "FlyingSocks", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCore",
                "DossierServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dossier-benchgen", dependencies: ["DossierCore"]),
        .testTarget(name: "DossierMarkdownTests", dependencies: ["DossierMarkdown"]),
        .testTarget(name: "DossierServeTests", dependencies: ["DossierServe", "DossierCore", .product(name: "FlyingSocks", package: "FlyingFox")]),
        .testTarget(
            name: "DossierCoreTests",
            // Yams reads the GitHub workflow `init` writes, as GitHub would.
            dependencies: ["DossierCore", "DossierMarkdown", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

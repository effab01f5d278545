import Foundation
@testable import DossierCore

/// A whole tiny project written from one string, Hugo's integration-test style:
///
///     -- dossier.yml --
///     title: Test
///     -- content/actors/iran.md --
///     ---
///     title: Iran
///     ...
struct TestProject {
    let root: URL

    init(_ files: String) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in Self.parse(files) {
            try write(path, text)
        }
    }

    static func parse(_ files: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var current: String?
        var lines: [Substring] = []
        for line in files.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --") {
                if let current { result.append((current, lines.joined(separator: "\n") + "\n")) }
                current = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        if let current {
            while lines.last == "" { lines.removeLast() }
            result.append((current, lines.joined(separator: "\n") + "\n"))
        }
        return result
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    var output: URL { root.appendingPathComponent("site") }

    func build(strict: Bool = false) -> BuildReport {
        SiteBuilder.build(BuildOptions(root: root, strict: strict))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Paths relative to this test file's package.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    /// `../shared` beside the repository, present only in this project's own workspace and CI.
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static var sharedIsPresent: Bool { FileManager.default.fileExists(atPath: shared.path) }

    static func executable(_ name: String) -> URL? {
        for configuration in ["debug", "release"] {
            let url = packageRoot.appendingPathComponent(".build/\(configuration)/\(name)")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}

extension Array where Element == Diagnostic {
    /// As the CLI prints them.
    var lines: [String] { map { DiagnosticFormatter.format($0) } }
}

import Foundation
import Testing
@testable import DossierCore

/// `dossier build` killed (SIGKILL) at arbitrary moments while it updates an output in
/// place: whatever it had done, the next build — one that fails, so it writes nothing
/// of its own — leaves the output exactly the previous site or exactly the new one.
@Suite struct KilledBuildTests {
    static func projectText(briefings: Int) -> String {
        var text = """
        -- dossier.yml --
        title: Killed build
        base_url: https://dossier.test/
        -- content/actors/aldoria.md --
        ---
        title: Aldoria
        kind: state
        ---
        A state.
        -- content/actors/borvia.md --
        ---
        title: Borvia
        kind: state
        ---
        Another state.

        """
        for number in 0..<briefings {
            text += """
            -- content/briefings/b\(number).md --
            ---
            title: Briefing \(number)
            date: 2025-01-\(String(format: "%02d", number % 28 + 1))
            tags: [tag-\(number % 5)]
            ---
            Aldoria and Borvia met for the \(number)th time.

            """
        }
        return text
    }

    struct Site: Equatable {
        var entries: [String]
        var files: [String: Data]

        init(_ folder: URL) throws {
            entries = DossierCoreTests.entries(under: folder)
            files = try snapshot(folder)
        }
    }

    @Test(arguments: [0.05, 0.2, 0.4, 0.7, 1.0, 1.5])
    func theOutputIsThePreviousOrTheNewSiteWheneverTheBuildIsKilled(after seconds: Double) throws {
        let dossier = try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
        let project = try TestProject(Self.projectText(briefings: 40))
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let previous = try Site(project.output)

        try project.write("content/briefings/b3.md", "---\ntitle: Briefing 3\ndate: 2025-01-04\ntags: [tag-3]\n---\nAldoria alone.\n")
        try project.write("content/briefings/new.md", "---\ntitle: New\ndate: 2025-02-01\ntags: [fresh]\n---\nBorvia again.\n")
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/briefings/b7.md"))
        let clean = try makeTemporaryFolder("dossier-killed-clean").appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: clean.deletingLastPathComponent()) }
        #expect(SiteBuilder.build(BuildOptions(root: project.root, output: clean)).succeeded)
        let next = try Site(clean)
        #expect(next != previous)

        _ = try run(dossier, ["build", "--root", project.root.path], killingAfter: seconds)
        try project.write("content/briefings/broken.md", "---\ntitle: Broken\ndate: never\n---\n")
        #expect(!project.cachedBuild().succeeded)

        let after = try Site(project.output)
        #expect(after == previous || after == next, "killed after \(seconds) s: the output is neither site")
        let beside = ((try? FileManager.default.contentsOfDirectory(atPath: project.root.path)) ?? []).filter { $0.hasPrefix(".site.") }
        #expect(beside.isEmpty, "left beside the output: \(beside)")
    }
}

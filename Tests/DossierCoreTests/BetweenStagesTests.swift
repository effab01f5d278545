import Foundation
import Testing
@testable import DossierCore

/// The work `SiteBuilder` does between its stages, moved off the main path
/// (`BackgroundWork`): the documents' texts spilled beside the model stage, the
/// previous render manifest read beside the first stages. Whatever the order in
/// which that work finishes, a cached build equals a clean one.
@Suite struct BetweenStagesTests {
    static let projectText = """
    -- dossier.yml --
    title: Between stages
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    ---
    A state.
    -- content/actors/brevia.md --
    ---
    title: Brevia
    kind: state
    ---
    Another state.
    -- content/briefings/harbour.md --
    ---
    title: Harbour
    date: 2025-01-02
    ---
    Aldoria opened the Northern Harbour. Brevia watched.
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-03
    ---
    Brevia and Aldoria talked about the harbour.
    -- content/pages/about.md --
    About this site.
    """

    /// `dossier build`'s settings, short of leaving its values to the process's exit.
    static func build(_ project: TestProject) -> BuildReport {
        var options = BuildOptions(root: project.root)
        options.cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        options.releasesDocumentsAsRendered = true
        let report = SiteBuilder.build(options)
        RetiredOutputs.waitUntilRemoved()
        return report
    }

    @Test func backgroundWorkRunsOnceAndEveryReaderOnAnyThreadGetsItsValue() async {
        let runs = Counter()
        let work = BackgroundWork { () -> Int in
            runs.increment()
            Thread.sleep(forTimeInterval: 0.05)
            return 42
        }
        let values = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { work.value } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: 42, count: 8))
        #expect(work.value == 42)
        #expect(runs.value == 1)
    }

    @Test func theTextsAreSpilledBeforeRenderingAndTheSiteIsTheSameAsWithoutSpilling() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let report = Self.build(project)
        #expect(report.succeeded)
        let model = try #require(report.model)
        #expect(model.briefings.allSatisfy { $0.linked.isTextSpilled })
        #expect(try project.read("briefings/harbour/index.html").contains("Northern Harbour"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aBodyEditThenAPageEditedByHandThenADamagedManifestEachGiveTheCleanBuildsSite() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(Self.build(project).succeeded)
        #expect(Self.build(project).reusedRenders.count > 0)

        try project.write("content/briefings/talks.md", "---\ntitle: Talks\ndate: 2025-01-03\n---\nBrevia and Aldoria talked about rain.\n")
        #expect(Self.build(project).succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)

        let page = project.output.appendingPathComponent("briefings/harbour/index.html")
        try Data("<p>edited by hand</p>".utf8).write(to: page)
        try FileManager.default.removeItem(at: project.output.appendingPathComponent("actors/brevia/index.html"))
        #expect(Self.build(project).succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)

        let rendered = project.root.appendingPathComponent(".dossier/cache/v\(BuildCache.formatVersion)/rendered")
        let manifests = try FileManager.default.contentsOfDirectory(atPath: rendered.path).filter { !$0.hasPrefix(".") }
        #expect(!manifests.isEmpty)
        for name in manifests {
            let file = rendered.appendingPathComponent(name)
            var bytes = [UInt8](try Data(contentsOf: file))
            bytes = Array(bytes.prefix(bytes.count / 2))
            try Data(bytes).write(to: file)
        }
        try Data("<p>edited again</p>".utf8).write(to: page)
        let report = Self.build(project)
        #expect(report.succeeded)
        #expect(report.reusedRenders.isEmpty)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aFailingBuildLeavesTheOutputAsItWasWhileTheManifestIsReadBesideIt() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(Self.build(project).succeeded)
        let before = try Data(contentsOf: project.output.appendingPathComponent("briefings/harbour/index.html"))
        try project.write("content/briefings/harbour.md", "---\ntitle: [unclosed\n---\nBroken.\n")
        let report = Self.build(project)
        #expect(!report.succeeded)
        #expect(try Data(contentsOf: project.output.appendingPathComponent("briefings/harbour/index.html")) == before)
    }
}

/// A count shared by threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

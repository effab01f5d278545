import Foundation
import Testing
@testable import DossierCore

/// `dossier serve`'s fast path (`LiveUpdate`): the page it writes for an edited file
/// must be, byte for byte, the page the full build that follows writes, and the page
/// a clean build writes.
@Suite struct LiveUpdateTests {
    static let steps = 24

    /// Runs on a thread of its own: it is a few seconds of synchronous builds.
    @Test func everyFastPageAfterRandomEditsEqualsTheFullBuildsAndACleanBuildsPage() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            Thread.detachNewThread { continuation.resume(with: Result { try Self.editAndCompare() }) }
        }
    }

    static func editAndCompare() throws {
        let project = try LiveEditProject(seed: 0x11FA_5700)
        defer { project.remove() }
        let output = project.root.appendingPathComponent("site")
        let cache = BuildCache(folder: project.root.appendingPathComponent(".dossier/cache"))
        func fullBuild() -> BuildReport {
            var options = BuildOptions(root: project.root, output: output)
            options.cache = cache
            options.keepsLiveState = true
            return SiteBuilder.build(options)
        }
        var state = try #require(fullBuild().liveState, "a successful build keeps its state when asked")
        var pagesThatChanged = 0
        var kinds: Set<String> = []
        for step in 0..<steps {
            let edit = try project.applyRandomEdit()
            kinds.insert(edit.kind)
            var spent = state
            let fast = try #require(LiveUpdate.pages(afterEditing: [edit.path], root: project.root, state: &spent),
                                    "step \(step) (\(edit.description)) is an edit the fast path covers")
            #expect(fast.count == 1, "one page per edited file, step \(step)")
            let before = fast.map { FileManager.default.contents(atPath: output.appendingPathComponent($0.path).path) }

            let full = fullBuild()
            #expect(full.succeeded, "step \(step): \(full.diagnostics.lines)")
            let cleanOutput = project.scratch.appendingPathComponent("clean-\(step)")
            let clean = SiteBuilder.build(BuildOptions(root: project.root, output: cleanOutput))
            #expect(clean.succeeded)
            for (file, previous) in zip(fast, before) {
                let afterFull = FileManager.default.contents(atPath: output.appendingPathComponent(file.path).path)
                let afterClean = FileManager.default.contents(atPath: cleanOutput.appendingPathComponent(file.path).path)
                #expect(afterFull == file.contents, "step \(step) (\(edit.description)): \(file.path) differs from the full build's")
                #expect(afterClean == file.contents, "step \(step) (\(edit.description)): \(file.path) differs from a clean build's")
                if previous != file.contents { pagesThatChanged += 1 }
            }
            try? FileManager.default.removeItem(at: cleanOutput)
            state = try #require(full.liveState)
        }
        RetiredOutputs.waitUntilRemoved()
        #expect(pagesThatChanged >= steps * 3 / 4, "most edits change their page: only \(pagesThatChanged) of \(steps) did")
        #expect(kinds.isSuperset(of: ["briefing body", "briefing front matter", "actor names", "actor summary"]), "\(kinds)")
    }

    @Test func editsTheFastPathDoesNotCoverAreLeftToTheFullBuild() throws {
        let project = try LiveEditProject(seed: 7)
        defer { project.remove() }
        var options = BuildOptions(root: project.root, output: project.root.appendingPathComponent("site"))
        options.keepsLiveState = true
        let state = try #require(SiteBuilder.build(options).liveState)
        func covered(_ paths: Set<String>) -> Bool {
            var spent = state
            return LiveUpdate.pages(afterEditing: paths, root: project.root, state: &spent) != nil
        }

        let briefing = "content/briefings/briefing-1.md"
        #expect(covered([briefing]))
        #expect(covered([briefing, "content/briefings/sedAb12Cd", "content/briefings/.briefing-1.md.swp"]),
                "editors' temporary files are nothing the build reads")
        try project.write("content/briefings/sedAb12Cd", "half a file")
        #expect(!LiveUpdate.buildMayRead("content/briefings/sedAb12Cd", root: project.root), "a temporary file is nothing a build reads")
        #expect(!LiveUpdate.buildMayRead("content/briefings/4913", root: project.root), "nor one that is gone")
        #expect(LiveUpdate.buildMayRead(briefing, root: project.root))
        #expect(LiveUpdate.buildMayRead("content/briefings/map.png", root: project.root))
        #expect(LiveUpdate.buildMayRead("templates/partials/notes.txt", root: project.root))
        #expect(!covered(["dossier.yml"]))
        #expect(!covered(["templates/partials/footer.mustache"]))
        #expect(!covered(["static/robots.txt"]))
        #expect(!covered(["content/briefings/map.png"]), "images are published")
        #expect(!covered(["content/briefings/new.md"]), "a file the last build did not read")

        let original = try project.read(briefing)
        try project.write(briefing, original.replacingOccurrences(of: "date: 2025-", with: "date: 2024-"))
        #expect(!covered([briefing]), "a new date reorders the briefings")
        try project.write(briefing, original.replacingOccurrences(of: "---\ntitle:", with: "---\nslug: moved\ntitle:"))
        #expect(!covered([briefing]), "a new slug is a page removed and one added")
        try project.write(briefing, original.replacingOccurrences(of: "---\ntitle:", with: "---\ndraft: true\ntitle:"))
        #expect(!covered([briefing]), "a briefing turned into a draft leaves the site")
        try project.write(briefing, original.replacingOccurrences(of: "---\ntitle:", with: "---\nactors: [nowhere]\ntitle:"))
        #expect(!covered([briefing]), "an unknown principal actor is an error")
        try project.write(briefing, original.replacingOccurrences(of: "date:", with: "date: [not a date]\nextra:"))
        #expect(!covered([briefing]), "a file with an error")
        try project.remove(briefing)
        #expect(!covered([briefing]), "a file removed")
    }

    @Test func oneBriefingsRelatedListRankedAloneEqualsTheWholeRanking() {
        var random = SplitMix64(seed: 42)
        let briefings = LiveEditProject.randomBriefings(60, actorCount: 12, mostActors: 4, random: &random)
        var inputs = RelatedInputs(briefings: briefings, linked: [:])
        let whole = RelatedBriefings.rank(inputs.actorSets, actorCount: inputs.actorCount, limit: SiteModelBuilder.relatedLimit)
        for position in [0, 17, 59] {
            #expect(inputs.related(ofBriefingAt: position).map(\.position) == whole[position].map(\.position))
            #expect(inputs.related(ofBriefingAt: position).map(\.shared) == whole[position].map(\.shared))
        }
        // After one briefing's actors change, its ranking equals a whole ranking of the new sets.
        inputs.setActors(["actor-1", "actor-2", "unknown"], ofBriefingAt: 17)
        var changed = briefings
        changed[17].actors = ["actor-1", "actor-2", "unknown"].map { Located($0, at: SourceLocation(path: "x")) }
        let fresh = RelatedInputs(briefings: changed, linked: [:])
        let ranked = RelatedBriefings.rank(fresh.actorSets, actorCount: fresh.actorCount, limit: SiteModelBuilder.relatedLimit)
        for position in [17, 3, 40] {
            #expect(inputs.related(ofBriefingAt: position).map(\.position) == ranked[position].map(\.position))
        }
    }
}

/// A generated project and the edits the fast path covers, each naming the file it changed.
final class LiveEditProject {
    struct Edit { var kind: String; var path: String; var description: String }
    let root: URL
    let scratch: URL
    private var random: SplitMix64
    private var counter = 0
    private var actors: [(slug: String, title: String, aliases: [String], summary: String?, relation: String?)] = []
    private var briefings: [(title: String, date: String, summary: String?, tags: [String], actors: [String], paragraphs: [String])] = []
    private var pageBody = "How this dossier is made."

    static let names = ["Aldoria", "Brevia", "Caldera Union", "Dunmark", "Estova", "Farland", "Gavost", "Helmor"]

    init(seed: UInt64) throws {
        root = try makeTemporaryFolder("dossier-live")
        scratch = try makeTemporaryFolder("dossier-live-clean")
        random = SplitMix64(seed: seed)
        for (position, name) in Self.names.enumerated() {
            actors.append((Slugify.slug(name), name, position % 3 == 0 ? ["Republic of \(name)"] : [], position % 2 == 0 ? "About \(name)." : nil,
                           position > 0 ? Slugify.slug(Self.names[position - 1]) : nil))
        }
        for number in 0..<14 {
            var paragraphs: [String] = []
            for part in 0..<3 {
                let first = someName(), second = someName()
                paragraphs.append("\(first) and \(second) met on point \(number)-\(part). **\(first)** noted progress.")
            }
            if number % 4 == 0 { paragraphs.append("A note on [\(actors[number % actors.count].title)](@\(actors[number % actors.count].slug)).") }
            briefings.append(("Briefing \(number)", "2025-0\(1 + number % 9)-1\(number % 10)", number % 2 == 0 ? "Summary \(number)." : nil,
                              number % 3 == 0 ? ["energy"] : ["trade"], number % 5 == 0 ? [actors[number % actors.count].slug] : [], paragraphs))
        }
        try write("dossier.yml", "title: Live test\nbase_url: https://dossier.test/\n")
        try writeAll()
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: scratch)
    }

    private func someName() -> String {
        let actor = actors[random.below(actors.count)]
        return ([actor.title] + actor.aliases)[random.below(1 + actor.aliases.count)]
    }

    func applyRandomEdit() throws -> Edit {
        counter += 1
        let b = random.below(briefings.count), a = random.below(actors.count)
        let briefingPath = "content/briefings/briefing-\(b).md", actorPath = "content/actors/\(actors[a].slug).md"
        let edit: Edit
        switch random.below(10) {
        case 0:
            briefings[b].paragraphs.append("Talks resumed in week \(counter).")
            edit = Edit(kind: "briefing body", path: briefingPath, description: "briefing-\(b) gains a sentence")
        case 1:
            let name = someName()
            briefings[b].paragraphs.insert("\(name) signalled interest (\(counter)).", at: random.below(briefings[b].paragraphs.count + 1))
            edit = Edit(kind: "briefing body", path: briefingPath, description: "briefing-\(b) mentions \(name)")
        case 2 where briefings[b].paragraphs.count > 1:
            briefings[b].paragraphs.remove(at: random.below(briefings[b].paragraphs.count))
            edit = Edit(kind: "briefing body", path: briefingPath, description: "briefing-\(b) loses a paragraph")
        case 3:
            briefings[b].title = "Revised briefing \(counter)"
            edit = Edit(kind: "briefing front matter", path: briefingPath, description: "briefing-\(b) title")
        case 4:
            briefings[b].summary = random.below(3) == 0 ? nil : "Revised summary \(counter)."
            briefings[b].tags = [["energy", "trade", "water"][random.below(3)]]
            edit = Edit(kind: "briefing front matter", path: briefingPath, description: "briefing-\(b) summary and tags")
        case 5:
            if !actors[a].aliases.isEmpty, random.below(2) == 0 {
                actors[a].aliases.removeLast()
            } else {
                // Sometimes a word the briefings already use, so the alias finds mentions at once.
                let candidates = ["Officials", "Talks", "Republic of \(actors[a].title)", "\(actors[a].title) Alias \(counter)"]
                let used = Set(actors.flatMap { [$0.title] + $0.aliases })
                guard let alias = candidates.first(where: { !used.contains($0) }) else { return try applyRandomEdit() }
                actors[a].aliases.append(alias)
            }
            edit = Edit(kind: "actor names", path: actorPath, description: "\(actors[a].slug) aliases \(actors[a].aliases)")
        case 6:
            let title = ["Kestria", "Lumen Accord", "Morvane"][random.below(3)] + " \(counter)"
            actors[a].title = title
            edit = Edit(kind: "actor names", path: actorPath, description: "\(actors[a].slug) title \(title)")
        case 7:
            actors[a].summary = random.below(3) == 0 ? nil : "Summary revision \(counter)."
            edit = Edit(kind: "actor summary", path: actorPath, description: "\(actors[a].slug) summary")
        case 8:
            pageBody += "\n\nAnother note about \(someName()) (\(counter))."
            edit = Edit(kind: "page body", path: "content/pages/method.md", description: "page body")
        default:
            briefings[b].paragraphs[0] = "\(someName()) opened point \(counter)."
            edit = Edit(kind: "briefing body", path: briefingPath, description: "briefing-\(b) first paragraph")
        }
        try writeAll()
        return edit
    }

    static func briefing(slug: String) -> Briefing {
        let decoded = ContentDecoder.briefing("---\ntitle: \(slug)\ndate: 2025-01-01\n---\nText.\n", path: "content/briefings/\(slug).md", fileSlug: slug)
        return decoded.value!
    }

    /// `count` briefings "b0", "b1", … naming 1 to `mostActors` of `actorCount` actors
    /// ("actor-0", …) each, drawn from `random`: inputs for the related-briefings tests.
    static func randomBriefings(_ count: Int, actorCount: Int, mostActors: Int, random: inout SplitMix64) -> [Briefing] {
        let slugs = (0..<actorCount).map { "actor-\($0)" }
        return (0..<count).map { number -> Briefing in
            var briefing = briefing(slug: "b\(number)")
            briefing.actors = (0..<(1 + random.below(mostActors))).map { _ in Located(slugs[random.below(slugs.count)], at: SourceLocation(path: "x")) }
            return briefing
        }
    }

    private func writeAll() throws {
        for actor in actors {
            let aliases = actor.aliases.map { "\"\($0)\"" }.joined(separator: ", ")
            let relation = actor.relation.map { "\n  - type: partner\n    target: \($0)" } ?? " []"
            try write("content/actors/\(actor.slug).md", """
            ---
            title: \(actor.title)
            slug: \(actor.slug)
            kind: state\(actor.summary.map { "\nsummary: \"\($0)\"" } ?? "")
            aliases: [\(aliases)]
            relations:\(relation)
            ---
            \(actor.title) is a generated actor.

            """)
        }
        for (number, briefing) in briefings.enumerated() {
            let actorsLine = briefing.actors.isEmpty ? "" : "\nactors: [\(briefing.actors.joined(separator: ", "))]"
            try write("content/briefings/briefing-\(number).md", """
            ---
            title: "\(briefing.title)"
            date: \(briefing.date)\(briefing.summary.map { "\nsummary: \"\($0)\"" } ?? "")
            tags: [\(briefing.tags.joined(separator: ", "))]\(actorsLine)
            ---
            \(briefing.paragraphs.joined(separator: "\n\n"))

            """)
        }
        try write("content/pages/method.md", "---\ntitle: Method\n---\n\(pageBody)\n")
    }

    func read(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }

    /// Writes only when the text changes, as an editor saving an unchanged file would not.
    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        if let existing = try? String(contentsOf: url, encoding: .utf8), existing == text { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }
}

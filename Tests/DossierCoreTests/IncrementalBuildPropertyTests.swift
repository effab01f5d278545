import Foundation
import Testing
@testable import DossierCore

/// An incremental build must equal a clean one, byte for byte, whatever was edited
/// since the last build. A generated project receives a fixed-seed random sequence
/// of edits; after each one, the project is built with the build cache (into the
/// output of the previous incremental build) and without it (into a fresh folder),
/// and the two sites and their diagnostics are compared.
@Suite struct IncrementalBuildPropertyTests {
    /// Wall-time bound for the edit loop, so the suite stays fast on a shared machine.
    static let timeBudget: Double = 18
    static let maximumSteps = 60

    /// The edit loop runs on a thread of its own for its ~20 s: a synchronous test
    /// would hold one of the few threads that other suites' async tests (the dev
    /// server's listener among them) need meanwhile.
    @Test func everyIncrementalBuildAfterRandomEditsEqualsACleanBuild() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            Thread.detachNewThread {
                continuation.resume(with: Result { try Self.editAndCompare() })
            }
        }
    }

    static func editAndCompare() throws {
        let project = try EditableProject(seed: 0x5EED_0011)
        defer { project.remove() }
        let cacheFolder = project.root.appendingPathComponent(".dossier/cache")
        let incrementalOutput = project.root.appendingPathComponent("site")
        // A serve-like process keeps one cache in memory; a CI-like run reads the disk anew.
        var longLivedCache = BuildCache(folder: cacheFolder)

        let started = Date()
        var step = 0
        var applied: [String] = []
        var reusedSomething = false
        while step < Self.maximumSteps, Date().timeIntervalSince(started) < Self.timeBudget {
            let edit = step == 0 ? "initial project" : try project.applyRandomEdit()
            applied.append(edit)
            if step % 7 == 3 { longLivedCache = BuildCache(folder: cacheFolder) }
            let cache = step % 2 == 0 ? longLivedCache : BuildCache(folder: cacheFolder)

            var incrementalOptions = BuildOptions(root: project.root, output: incrementalOutput)
            incrementalOptions.cache = cache
            let incremental = SiteBuilder.build(incrementalOptions)
            let cleanOutput = project.scratch.appendingPathComponent("clean-\(step)")
            let clean = SiteBuilder.build(BuildOptions(root: project.root, output: cleanOutput))

            let history = applied.suffix(4).joined(separator: " → ")
            #expect(incremental.diagnostics.lines == clean.diagnostics.lines, "diagnostics differ after step \(step): \(history)")
            #expect(incremental.succeeded == clean.succeeded)
            if clean.succeeded {
                let difference = try SiteComparison.firstDifference(incrementalOutput, cleanOutput)
                #expect(difference == nil, "after step \(step) (\(history)): \(difference ?? "")")
                if incremental.changedPaths.count < incremental.paths.count { reusedSomething = true }
            }
            try? FileManager.default.removeItem(at: cleanOutput)
            step += 1
        }
        RetiredOutputs.waitUntilRemoved()
        #expect(step >= 10, "only \(step) steps ran within \(Self.timeBudget) s")
        #expect(reusedSomething, "no incremental build kept any file: the writer compared nothing")
    }
}

/// Compares two built sites file by file.
enum SiteComparison {
    /// A description of the first difference, or nil when both hold the same files with the same bytes.
    static func firstDifference(_ first: URL, _ second: URL) throws -> String? {
        let a = try files(in: first), b = try files(in: second)
        if a != b {
            let onlyA = a.subtracting(b).sorted().prefix(3), onlyB = b.subtracting(a).sorted().prefix(3)
            return "files differ: only incremental \(Array(onlyA)), only clean \(Array(onlyB))"
        }
        for path in a.sorted() {
            let left = try Data(contentsOf: first.appendingPathComponent(path))
            let right = try Data(contentsOf: second.appendingPathComponent(path))
            if left != right { return "\(path) differs" }
        }
        return nil
    }

    static func files(in folder: URL) throws -> Set<String> {
        var result: Set<String> = []
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { result.insert(relative) }
        }
        return result
    }
}

/// A small generated project and the random edits an author makes to one.
final class EditableProject {
    let root: URL
    let scratch: URL
    private var random: SplitMix64
    private var actors: [String: GeneratedActor] = [:]
    private var briefings: [String: GeneratedBriefing] = [:]
    private var counter = 0

    struct GeneratedActor {
        var title: String
        var aliases: [String]
        var kind: String
        var relations: [(type: String, target: String)]
        var fileName: String
        /// Shown wherever the actor's chip or mention preview is, on pages whose own source did not change.
        var summary: String? = nil
    }

    struct GeneratedBriefing {
        var title: String
        var date: String
        var tags: [String]
        var paragraphs: [String]
        var fileName: String
        /// Events in front matter: each shows its actors' chips and its place on the timeline page.
        var events: [(date: String, title: String, actors: [String])] = []
    }

    static let names = ["Aldoria", "Brevia", "Caldera Union", "Dunmark", "Estova", "Farland", "Gavost", "Helmor", "Istra Pact", "Jorvik Council"]
    static let relationTypes = ["partner", "rival", "member-of", "borders", "sanctions"]

    init(seed: UInt64) throws {
        root = try makeTemporaryFolder("dossier-incremental")
        scratch = try makeTemporaryFolder("dossier-incremental-clean")
        random = SplitMix64(seed: seed)
        for (position, name) in Self.names.prefix(7).enumerated() {
            let slug = Slugify.slug(name)
            actors[slug] = GeneratedActor(
                title: name, aliases: position % 3 == 0 ? ["Republic of \(name)"] : [], kind: position % 4 == 3 ? "organization" : "state",
                relations: [], fileName: slug)
        }
        let slugs = actors.keys.sorted()
        actors[slugs[0]]!.relations = [("partner", slugs[1])]
        actors[slugs[2]]!.relations = [("rival", slugs[3])]
        for number in 0..<9 { addBriefing(number: number) }
        try write("dossier.yml", config(title: "Incremental test"))
        try writeAll()
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: scratch)
    }

    // MARK: Edits

    /// Applies one random edit and returns what it did.
    func applyRandomEdit() throws -> String {
        let edits: [(String, () throws -> String?)] = [
            ("edit a body", editBody), ("add a mention", addMention), ("remove a mention", removeMention),
            ("change front matter", changeFrontMatter), ("add a briefing", { self.addBriefing(number: nil) }),
            ("rename a briefing", renameBriefing), ("delete a briefing", deleteBriefing), ("add an actor", addActor),
            ("rename an actor file", renameActor), ("delete an actor", deleteActor), ("change an alias", changeAlias), ("change an actor's title", changeTitle),
            ("change a relation", changeRelation), ("change an actor's summary", changeSummary), ("change a template", changeTemplate), ("change dossier.yml", changeConfig),
            ("add or change an event", changeEvent), ("alias a phrase of one briefing", aliasPhraseOfOneBriefing),
        ]
        while true {
            let (name, edit) = edits[random.below(edits.count)]
            if let detail = try edit() {
                try writeAll()
                return "\(name): \(detail)"
            }
        }
    }

    private func pick<T>(_ values: [T]) -> T? { values.isEmpty ? nil : values[random.below(values.count)] }

    private func nameOfSomeActor() -> String? {
        guard let slug = pick(actors.keys.sorted()), let actor = actors[slug] else { return nil }
        return pick([actor.title] + actor.aliases)
    }

    private func editBody() -> String? {
        guard let slug = pick(briefings.keys.sorted()) else { return nil }
        counter += 1
        let sentence = pick([
            "Talks resumed in week \(counter).", "Analysts expect a **new** round, item \(counter).", "Markets moved (\(counter)).",
            "The Vantor \(counter) delegation arrived.",
        ])!
        briefings[slug]!.paragraphs.append(sentence)
        return slug
    }

    private func addMention() -> String? {
        guard let slug = pick(briefings.keys.sorted()), let name = nameOfSomeActor() else { return nil }
        let forms = ["\(name) signalled interest.", "Officials in \(name)'s capital met.", "*\(name)*n exports fell.", "A note on [\(name)](@\(Slugify.slug(name)))."]
        var sentence = pick(forms)!
        // An explicit link only to an actor that exists as written.
        if sentence.contains("](@"), actors[Slugify.slug(name)] == nil { sentence = "\(name) replied." }
        briefings[slug]!.paragraphs.insert(sentence, at: random.below(briefings[slug]!.paragraphs.count + 1))
        return "\(slug) mentions \(name)"
    }

    /// A new event, or an existing one moved in time: both can move other events to
    /// another timeline page, which every page linking to them shows.
    private func changeEvent() -> String? {
        guard let slug = pick(briefings.keys.sorted()), let actor = pick(actors.keys.sorted()) else { return nil }
        counter += 1
        let date = "2024-0\(1 + random.below(9))-1\(random.below(10))"
        if let position = pick(Array(briefings[slug]!.events.indices)), random.below(2) == 0 {
            briefings[slug]!.events[position].date = date
            return "\(slug) event \(position) moved to \(date)"
        }
        briefings[slug]!.events.append((date, "Generated event \(counter)", [actor]))
        return "\(slug) gains an event with \(actor)"
    }

    private func removeMention() -> String? {
        guard let slug = pick(briefings.keys.sorted()), briefings[slug]!.paragraphs.count > 1 else { return nil }
        let position = random.below(briefings[slug]!.paragraphs.count)
        briefings[slug]!.paragraphs.remove(at: position)
        return "\(slug) paragraph \(position)"
    }

    private func changeFrontMatter() -> String? {
        guard let slug = pick(briefings.keys.sorted()) else { return nil }
        counter += 1
        switch random.below(3) {
        case 0: briefings[slug]!.title = "Revised briefing \(counter)"
        case 1: briefings[slug]!.tags = [pick(["energy", "trade", "security", "water"])!]
        default: briefings[slug]!.date = "2025-0\(1 + random.below(9))-1\(random.below(10))"
        }
        return slug
    }

    @discardableResult
    private func addBriefing(number: Int?) -> String? {
        counter += 1
        let number = number ?? counter + 100
        var paragraphs: [String] = []
        for _ in 0..<(2 + random.below(3)) {
            let first = nameOfSomeActor() ?? "Nobody", second = nameOfSomeActor() ?? "Nobody"
            paragraphs.append("\(first) and \(second) discussed point \(number)-\(paragraphs.count). **\(first)** noted progress.")
        }
        let slug = "briefing-\(number)"
        briefings[slug] = GeneratedBriefing(
            title: "Briefing \(number)", date: "2025-0\(1 + number % 9)-1\(number % 10)", tags: number % 2 == 0 ? ["energy"] : ["trade", "security"],
            paragraphs: paragraphs, fileName: slug)
        return slug
    }

    private func renameBriefing() throws -> String? {
        guard let slug = pick(briefings.keys.sorted()) else { return nil }
        try remove("content/briefings/\(briefings[slug]!.fileName).md")
        counter += 1
        var briefing = briefings.removeValue(forKey: slug)!
        briefing.fileName = "renamed-\(counter)"
        briefings[briefing.fileName] = briefing
        return "\(slug) → \(briefing.fileName)"
    }

    private func deleteBriefing() throws -> String? {
        guard briefings.count > 3, let slug = pick(briefings.keys.sorted()) else { return nil }
        try remove("content/briefings/\(briefings[slug]!.fileName).md")
        briefings.removeValue(forKey: slug)
        return slug
    }

    private func addActor() -> String? {
        let unused = Self.names.filter { actors[Slugify.slug($0)] == nil }
        guard let name = pick(unused) else { return nil }
        let slug = Slugify.slug(name)
        actors[slug] = GeneratedActor(title: name, aliases: [], kind: "state", relations: [], fileName: slug)
        return slug
    }

    /// Moves the file into a subfolder: the slug stays, the path changes.
    private func renameActor() throws -> String? {
        guard let slug = pick(actors.keys.sorted()) else { return nil }
        try remove("content/actors/\(actors[slug]!.fileName).md")
        actors[slug]!.fileName = actors[slug]!.fileName.contains("/") ? slug : "region/\(slug)"
        return "\(slug) → \(actors[slug]!.fileName)"
    }

    private func deleteActor() throws -> String? {
        // Only actors nothing relates to and no briefing links to explicitly, so the project stays valid.
        let targets = Set(actors.values.flatMap { $0.relations.map(\.target) })
        let linked = briefings.values.flatMap(\.paragraphs).joined()
        let candidates = actors.keys.sorted().filter { !targets.contains($0) && !linked.contains("(@\($0))") }
        guard actors.count > 4, let slug = pick(candidates) else { return nil }
        try remove("content/actors/\(actors[slug]!.fileName).md")
        actors.removeValue(forKey: slug)
        return slug
    }

    private func changeAlias() -> String? {
        guard let slug = pick(actors.keys.sorted()) else { return nil }
        if !actors[slug]!.aliases.isEmpty, random.below(2) == 0 {
            let removed = actors[slug]!.aliases.removeLast()
            return "\(slug) loses \(removed)"
        }
        // Sometimes a word the briefings already use, so the alias finds mentions at once.
        let candidates = ["Republic of \(actors[slug]!.title)", "Officials", "Markets", "Analysts", "\(actors[slug]!.title) Republic"]
        guard let alias = pick(candidates.filter { !actors[slug]!.aliases.contains($0) && !allNames().contains($0) }) else { return nil }
        actors[slug]!.aliases.append(alias)
        return "\(slug) gains \(alias)"
    }

    /// An alias that only one briefing's text holds: that document alone is linked
    /// again with a new mention, and every file reading the others must be reused
    /// exactly where a clean build agrees.
    private func aliasPhraseOfOneBriefing() -> String? {
        let phrases = briefings.values.flatMap(\.paragraphs).compactMap { paragraph -> String? in
            guard let range = paragraph.range(of: #"Vantor \d+"#, options: .regularExpression) else { return nil }
            return String(paragraph[range])
        }
        guard let phrase = pick(phrases.filter { !allNames().contains($0) }.sorted()), let slug = pick(actors.keys.sorted()) else { return nil }
        actors[slug]!.aliases.append(phrase)
        return "\(slug) gains \(phrase)"
    }

    /// The title is a name too, and explicit links show it.
    private func changeTitle() -> String? {
        guard let slug = pick(actors.keys.sorted()) else { return nil }
        counter += 1
        let title = pick(["Kestria", "Lumen Accord", "Morvane", "Norland"])! + " \(counter)"
        guard !allNames().contains(title) else { return nil }
        let old = actors[slug]!.title
        actors[slug]!.title = title
        return "\(slug): \(old) → \(title)"
    }

    private func allNames() -> Set<String> {
        Set(actors.values.flatMap { [$0.title] + $0.aliases })
    }

    private func changeRelation() -> String? {
        let slugs = actors.keys.sorted()
        guard let from = pick(slugs) else { return nil }
        if !actors[from]!.relations.isEmpty, random.below(2) == 0 {
            actors[from]!.relations.removeLast()
            return "\(from) loses a relation"
        }
        guard let to = pick(slugs.filter { $0 != from }), let type = pick(Self.relationTypes),
              !actors[from]!.relations.contains(where: { $0.target == to }) else { return nil }
        actors[from]!.relations.append((type, to))
        return "\(from) \(type) \(to)"
    }

    private func changeSummary() -> String? {
        guard let slug = pick(actors.keys.sorted()) else { return nil }
        counter += 1
        actors[slug]!.summary = random.below(3) == 0 ? nil : "Summary revision \(counter)"
        return "\(slug): \(actors[slug]!.summary ?? "no summary")"
    }

    /// The footer is on every page; a briefing card only on some (the render memo
    /// keys every page by every template, and this checks it).
    private func changeTemplate() throws -> String? {
        let partial = pick(["footer", "briefing-card"])!
        let theme = TestPaths.packageRoot.appendingPathComponent("Sources/DossierCore/Resources/theme/templates/partials/\(partial).mustache")
        let original = try String(contentsOf: theme, encoding: .utf8)
        counter += 1
        try write("templates/partials/\(partial).mustache", original + "<!-- \(partial) revision \(counter) -->\n")
        return "\(partial) revision \(counter)"
    }

    private func changeConfig() throws -> String? {
        counter += 1
        let mode = pick(["first", "all"])!
        try write("dossier.yml", config(title: "Incremental test \(counter)", mode: mode))
        return "title \(counter), linking \(mode)"
    }

    private func config(title: String, mode: String = "first") -> String {
        """
        title: \(title)
        base_url: https://dossier.test/site/
        linking:
          mode: \(mode)

        """
    }

    // MARK: Files

    private func writeAll() throws {
        for (slug, actor) in actors {
            let aliases = actor.aliases.map { "\"\($0)\"" }.joined(separator: ", ")
            let relations = actor.relations.map { "\n  - type: \($0.type)\n    target: \($0.target)" }.joined()
            try write("content/actors/\(actor.fileName).md", """
            ---
            title: \(actor.title)
            slug: \(slug)
            kind: \(actor.kind)\(actor.summary.map { "\nsummary: \"\($0)\"" } ?? "")
            aliases: [\(aliases)]
            relations:\(relations.isEmpty ? " []" : relations)
            ---
            \(actor.title) is a generated actor for the incremental build test.

            """)
        }
        for briefing in briefings.values {
            try write("content/briefings/\(briefing.fileName).md", """
            ---
            title: "\(briefing.title)"
            date: \(briefing.date)
            tags: [\(briefing.tags.joined(separator: ", "))]\(events(briefing))
            ---
            \(briefing.paragraphs.joined(separator: "\n\n"))

            """)
        }
    }

    private func events(_ briefing: GeneratedBriefing) -> String {
        guard !briefing.events.isEmpty else { return "" }
        // Actors deleted since are dropped, as an author would: a dangling reference is an error.
        return "\nevents:" + briefing.events.map { event in
            "\n  - date: \(event.date)\n    title: \(event.title)\n    actors: [\(event.actors.filter { actors[$0] != nil }.joined(separator: ", "))]"
        }.joined()
    }

    /// Writes only when the text changes, as an editor saving an unchanged file would not.
    private func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        if let existing = try? String(contentsOf: url, encoding: .utf8), existing == text { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }
}

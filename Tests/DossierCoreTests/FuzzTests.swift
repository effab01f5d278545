import Foundation
import Testing

/// Mutated copies of the example project (front matter, Markdown, dossier.yml,
/// templates), each built by the real `dossier` executable in its own process with
/// a timeout and a memory limit, over a good previous output. Every build must exit
/// 0 or 1 (never a signal, a hang or another status), and a build that exits 1 must
/// leave the previous output byte for byte as it was. docs/fuzzing.md tells how to
/// run it longer and how the corpus works.
@Suite struct FuzzTests {
    /// Corpus cases (folder name → the failure) that reproduce failures not fixed on
    /// this branch: being fixed on other branches of issue 9, or reported with the
    /// fuzz test. They are skipped; remove each once its fix has merged.
    static let knownPendingCorpusCases: [String: String] = [:]

    /// The known failures whose mutations random cases make (KnownFailure.swift says
    /// what each is). Add a class once its fix has merged.
    static let reachedKnownFailures: Set<KnownFailure> = Set(KnownFailure.allCases)

    /// Saving stops here, so a run where everything fails does not write hundreds of folders.
    static let mostCasesSavedPerRun = 20

    @Test func mutatedProjectsExitCleanlyAndAFailedBuildLeavesThePreviousOutputUntouched() async throws {
        let started = Date()
        let settings = FuzzSettings.fromEnvironment()
        let executable = try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
        if BoundedRun.limiter == nil { print("fuzz: prlimit not found: builds run without a memory limit") }

        let base = try Self.exampleProject()
        let themeTemplates = try ProjectFileIO.read(
            TestPaths.packageRoot.appendingPathComponent("Sources/DossierCore/Resources/theme/templates"), prefix: "templates/"
        ).filter { $0.key.hasSuffix(".mustache") }
        let (previous, goodRun) = try FuzzCaseRunner.buildPreviousOutput(of: base, executable: executable, bounds: settings.bounds)
        let previousOutput = try #require(previous, "the example project must build: \(goodRun.ending)\n\(goodRun.standardError)")
        let runner = FuzzCaseRunner(executable: executable, base: base, previousOutput: previousOutput, bounds: settings.bounds)

        // The corpus first, in full, whatever the time budget.
        let corpus = try FuzzCorpus.cases()
        let stale = Set(Self.knownPendingCorpusCases.keys).subtracting(corpus.map(\.name))
        #expect(stale.isEmpty, "knownPendingCorpusCases names folders that are not in the corpus: \(stale.sorted())")
        let replayed = corpus.filter { settings.includesKnownPending || Self.knownPendingCorpusCases[$0.name] == nil }
        let replays = await FuzzCasePool.run(numbers: 0..<replayed.count, jobs: settings.jobs, deadline: nil) { number in
            runner.check(replayed[number], number: number)
        }
        for outcome in replays {
            if let failure = outcome.failure {
                Issue.record("fuzz corpus case \(outcome.fuzzCase.name): \(failure)\n\(Self.indented(outcome.standardErrorExcerpt()))")
            }
        }

        let mutator = ProjectMutator(base: base, themeTemplates: themeTemplates,
                                     reaching: settings.includesKnownPending ? Set(KnownFailure.allCases) : Self.reachedKnownFailures)
        let randomStarted = Date()
        let last = settings.caseLimit.map { settings.firstCase + $0 } ?? Int.max
        let seed = settings.seed
        let outcomes = await FuzzCasePool.run(numbers: settings.firstCase..<last, jobs: settings.jobs,
                                              deadline: started.addingTimeInterval(settings.seconds)) { number in
            runner.check(mutator.makeCase(seed: seed, number: number), number: number)
        }
        var saved = 0
        for outcome in outcomes {
            guard let failure = outcome.failure else { continue }
            let reproduce = settings.reproduceCommand(caseNumber: outcome.number)
            var place = "not saved (more than \(Self.mostCasesSavedPerRun) failures in this run)"
            if saved < Self.mostCasesSavedPerRun {
                let folder = try FuzzCorpus.save(outcome, failure: failure, reproduce: reproduce)
                place = "saved in \(folder.path)"
                saved += 1
            }
            Issue.record("""
            fuzz \(outcome.fuzzCase.name): \(failure)
            \(outcome.fuzzCase.steps.map { "  " + $0 }.joined(separator: "\n"))
            \(place); reproduce: \(reproduce)
            \(Self.indented(outcome.standardErrorExcerpt()))
            """)
        }

        let randomSeconds = Date().timeIntervalSince(randomStarted)
        let built = outcomes.filter { $0.ending == .exited(0) }.count, refused = outcomes.filter { $0.ending == .exited(1) }.count
        print(String(format: "fuzz: seed %llu: %d corpus cases replayed (%d known-pending skipped); %d random cases (%d..<%d): %d built, %d refused with diagnostics; %.1f s = %.2f cases/s with %d jobs; %d failures; total %.1f s",
                     seed, replays.count, corpus.count - replayed.count, outcomes.count, settings.firstCase, settings.firstCase + outcomes.count,
                     built, refused, randomSeconds, Double(outcomes.count) / max(randomSeconds, 0.001), settings.jobs,
                     (replays + outcomes).filter { $0.failure != nil }.count, Date().timeIntervalSince(started)))
    }

    /// content/, dossier.yml and templates/ of the repository's example project.
    static func exampleProject() throws -> ProjectFiles {
        let root = TestPaths.packageRoot
        var files = try ProjectFileIO.read(root.appendingPathComponent("content"), prefix: "content/")
        files.merge(try ProjectFileIO.read(root.appendingPathComponent("templates"), prefix: "templates/")) { $1 }
        files["dossier.yml"] = [UInt8](try Data(contentsOf: root.appendingPathComponent("dossier.yml")))
        return files
    }

    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  | " + $0 }.joined(separator: "\n")
    }
}

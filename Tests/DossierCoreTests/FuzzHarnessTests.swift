import Foundation
import Testing

/// The fuzz test is only as good as its judge and its generator: stand-in
/// executables that crash, hang or misbehave must each be caught, an honest
/// refusal must not be, and a seed must always make the same cases.
@Suite struct FuzzHarnessTests {
    static func runner(for script: String, timeout: Double = 10) throws -> (FuzzCaseRunner, URL) {
        let folder = FuzzCaseRunner.scratchFolder()
        let executable = folder.appendingPathComponent("fake-dossier")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try ("#!/bin/sh\n# Called as: build --root P --output P/site\n" + script + "\n").write(to: executable, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: executable.path)
        let previous = FolderSnapshot(entries: ["index.html": .file(Array("<p>previous</p>".utf8)), "assets": .folder,
                                                "assets/site.css": .file(Array("p {}".utf8))])
        let runner = FuzzCaseRunner(executable: executable, base: ["dossier.yml": Array("title: T\n".utf8)],
                                    previousOutput: previous, bounds: RunBounds(timeoutSeconds: timeout, memoryLimitBytes: 1 << 30))
        return (runner, folder)
    }

    static func failure(of script: String, timeout: Double = 10) throws -> String? {
        let (runner, folder) = try runner(for: script, timeout: timeout)
        defer { try? FileManager.default.removeItem(at: folder) }
        return runner.check(FuzzCase(name: "stand-in", changedFiles: [:], steps: []), number: 0).failure
    }

    @Test func aCrashIsAFailure() throws {
        #expect(try Self.failure(of: "kill -SEGV $$")?.contains("killed by signal 11") == true)
    }

    @Test func aHangIsKilledAndIsAFailure() throws {
        let started = Date()
        // `exec`: one process that never exits, as a hung dossier is.
        #expect(try Self.failure(of: "exec sleep 30", timeout: 1)?.contains("no exit within 1 s") == true)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func anExitStatusOtherThanZeroOrOneIsAFailure() throws {
        #expect(try Self.failure(of: "exit 2") == "exit status 2 (only 0 and 1 are allowed)")
    }

    @Test func aRefusalThatChangesThePreviousOutputIsAFailure() throws {
        let failure = try Self.failure(of: """
        echo changed > "$5/index.html"; rm "$5/assets/site.css"; echo "dossier.yml:1:1: error: no" >&2; exit 1
        """)
        #expect(failure == "exit status 1 but the previous output changed: removed assets/site.css, changed index.html")
    }

    @Test func aRefusalWithoutAnErrorDiagnosticIsAFailure() throws {
        #expect(try Self.failure(of: "echo oops >&2; exit 1") == "exit status 1 without an error diagnostic")
    }

    @Test func aSuccessThatLeavesNoSiteIsAFailure() throws {
        #expect(try Self.failure(of: "rm -r \"$5\"; exit 0") == "exit status 0 but the output has no index.html")
    }

    @Test func anHonestRefusalOrBuildPasses() throws {
        #expect(try Self.failure(of: "echo 'content/briefings/x.md:3:7: error: invalid date' >&2; exit 1") == nil)
        #expect(try Self.failure(of: "echo '<p>new</p>' > \"$5/index.html\"; exit 0") == nil)
    }

    @Test(.enabled(if: BoundedRun.limiter != nil, "the memory limit needs prlimit (util-linux)"))
    func theMemoryLimitStopsABomb() throws {
        // dd allocates its 2 GB block up front: under the 1 GB limit that fails at once.
        let failure = try Self.failure(of: "exec dd if=/dev/zero of=/dev/null bs=2G count=1")
        #expect(failure == "exit status 1 without an error diagnostic")
    }

    @Test func aSeedAlwaysMakesTheSameCasesAndAnotherSeedOthers() throws {
        let mutator = ProjectMutator(base: try FuzzTests.exampleProject(), themeTemplates: [:], reaching: [])
        for number in [0, 1, 17, 1_000] {
            let first = mutator.makeCase(seed: 42, number: number), again = mutator.makeCase(seed: 42, number: number)
            #expect(first.changedFiles == again.changedFiles)
            #expect(first.steps == again.steps)
        }
        let seeds = (0..<20).map { mutator.makeCase(seed: 42, number: $0).changedFiles }
        let others = (0..<20).map { mutator.makeCase(seed: 43, number: $0).changedFiles }
        #expect(seeds != others)
        #expect(Set(seeds.map { FuzzCorpus.name(of: $0) }).count > 15)
    }
}

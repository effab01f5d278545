import Foundation

/// What happened to one case; `failure` is nil when every property held.
struct CaseOutcome: Sendable {
    var number: Int
    var fuzzCase: FuzzCase
    var failure: String?
    var ending: RunEnding?
    var standardError: String
    var seconds: Double

    /// The crashed thread's frames when Swift's backtracer printed them (its output
    /// ends with registers and loaded images, which say little), else the last lines.
    func standardErrorExcerpt(lines: Int = 30) -> String {
        let all = standardError.split(separator: "\n", omittingEmptySubsequences: false)
        if let crashed = all.firstIndex(where: { $0.hasPrefix("Thread ") && $0.hasSuffix(" crashed:") }) {
            return ([all.first { $0.hasPrefix("*** Program crashed") } ?? ""] + all[crashed...].prefix(lines)).joined(separator: "\n")
        }
        return all.suffix(lines).joined(separator: "\n")
    }
}

/// Builds one mutated project with the real `dossier` executable over a copy of a
/// good previous output, and judges the run.
struct FuzzCaseRunner: Sendable {
    let executable: URL
    let base: ProjectFiles
    let previousOutput: FolderSnapshot
    let bounds: RunBounds

    /// Builds the unmutated example project once; its output is the "previous output"
    /// laid under every case.
    static func buildPreviousOutput(of base: ProjectFiles, executable: URL, bounds: RunBounds) throws -> (FolderSnapshot?, BoundedRunResult) {
        let folder = scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("project"), output = project.appendingPathComponent("site")
        try ProjectFileIO.save(base, under: project)
        let result = try BoundedRun.run(executable, ["build", "--root", project.path, "--output", output.path],
                                        bounds: bounds, logs: folder.appendingPathComponent("logs"))
        guard result.ending == .exited(0) else { return (nil, result) }
        return (try FolderSnapshot.take(output), result)
    }

    func check(_ fuzzCase: FuzzCase, number: Int) -> CaseOutcome {
        let folder = Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("project"), output = project.appendingPathComponent("site")
        var outcome = CaseOutcome(number: number, fuzzCase: fuzzCase, failure: nil, ending: nil, standardError: "", seconds: 0)
        do {
            try ProjectFileIO.save(base.merging(fuzzCase.changedFiles) { $1 }, under: project)
            try previousOutput.recreate(in: output)
            let result = try BoundedRun.run(executable, ["build", "--root", project.path, "--output", output.path],
                                            bounds: bounds, logs: folder.appendingPathComponent("logs"))
            outcome.ending = result.ending
            outcome.standardError = result.standardError
            outcome.seconds = result.seconds
            outcome.failure = try judge(result, output: output)
        } catch {
            outcome.failure = "the harness could not run the case: \(error)"
        }
        return outcome
    }

    /// The properties every run must have (docs/fuzzing.md, "What counts as a failure").
    private func judge(_ result: BoundedRunResult, output: URL) throws -> String? {
        switch result.ending {
        case .timedOut, .killedBySignal:
            return result.ending.description
        case .exited(0):
            let index = output.appendingPathComponent("index.html").path
            return FileManager.default.fileExists(atPath: index) ? nil : "exit status 0 but the output has no index.html"
        case .exited(1):
            guard result.standardError.contains(": error: ") else { return "exit status 1 without an error diagnostic" }
            let after = try FolderSnapshot.take(output)
            guard after == previousOutput else {
                return "exit status 1 but the previous output changed: " + after.differences(from: previousOutput).joined(separator: ", ")
            }
            return nil
        case .exited(let status):
            return "exit status \(status) (only 0 and 1 are allowed)"
        }
    }

    static func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-fuzz-\(UUID().uuidString)")
    }
}

/// Runs cases on `jobs` threads of their own: each blocks on a subprocess, which
/// must not tie up Swift's cooperative pool (other tests run on it meanwhile).
enum FuzzCasePool {
    static func run(numbers: Range<Int>, jobs: Int, deadline: Date?,
                    _ body: @escaping @Sendable (Int) -> CaseOutcome) async -> [CaseOutcome] {
        let queue = NumberQueue(numbers: numbers, deadline: deadline)
        let group = DispatchGroup()
        for _ in 0..<max(1, jobs) {
            group.enter()
            Thread.detachNewThread {
                while let number = queue.next() { queue.append(body(number)) }
                group.leave()
            }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            group.notify(queue: .global()) { continuation.resume() }
        }
        return queue.outcomes.sorted { $0.number < $1.number }
    }

    private final class NumberQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var upcoming: Range<Int>
        private let deadline: Date?
        private var finished: [CaseOutcome] = []

        init(numbers: Range<Int>, deadline: Date?) {
            upcoming = numbers
            self.deadline = deadline
        }

        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard let number = upcoming.first, deadline.map({ Date() < $0 }) ?? true else { return nil }
            upcoming = upcoming.dropFirst()
            return number
        }

        func append(_ outcome: CaseOutcome) {
            lock.lock()
            finished.append(outcome)
            lock.unlock()
        }

        var outcomes: [CaseOutcome] {
            lock.lock()
            defer { lock.unlock() }
            return finished
        }
    }
}

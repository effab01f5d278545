import Foundation

/// The fuzz test's knobs, read from the environment so a developer can run it for
/// an hour, with another seed, or replay one case (docs/fuzzing.md).
struct FuzzSettings {
    /// DOSSIER_FUZZ_SECONDS: no random case starts after the test has run this long
    /// (the corpus is always replayed in full).
    var seconds: Double = 55
    /// DOSSIER_FUZZ_SEED: decimal or 0x-prefixed hexadecimal.
    var seed: UInt64 = 20_251_126
    /// DOSSIER_FUZZ_FIRST: the number of the first random case.
    var firstCase = 0
    /// DOSSIER_FUZZ_CASES: stop after this many random cases, even with time left.
    var caseLimit: Int?
    /// DOSSIER_FUZZ_TIMEOUT: seconds a single build may take before it counts as a
    /// hang. The slowest honest cases measured, a 1 MB paragraph of actor names
    /// (90,000 mentions) and a 1 MB briefing title (73 MB of site), take 10 s and 7 s
    /// in a debug build on an idle machine, three times that on one busy with other
    /// builds; the hangs found so far run for minutes.
    var timeoutSeconds: Double = 60
    /// DOSSIER_FUZZ_MEMORY_MB: each build's address-space limit.
    var memoryLimitMB: UInt64 = 2048
    /// DOSSIER_FUZZ_JOBS: builds run at the same time.
    var jobs = min(2, ProcessInfo.processInfo.activeProcessorCount)
    /// DOSSIER_FUZZ_PENDING=1: also replay the known-pending corpus cases and make the
    /// mutations of every `KnownFailure` (to check fixes before the lists change).
    var includesKnownPending = false

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> FuzzSettings {
        var settings = FuzzSettings()
        if let value = environment["DOSSIER_FUZZ_SECONDS"].flatMap(Double.init) { settings.seconds = value }
        if let value = environment["DOSSIER_FUZZ_SEED"].flatMap(parseSeed) { settings.seed = value }
        if let value = environment["DOSSIER_FUZZ_FIRST"].flatMap(Int.init) { settings.firstCase = max(0, value) }
        if let value = environment["DOSSIER_FUZZ_CASES"].flatMap(Int.init) { settings.caseLimit = max(0, value) }
        if let value = environment["DOSSIER_FUZZ_TIMEOUT"].flatMap(Double.init) { settings.timeoutSeconds = value }
        if let value = environment["DOSSIER_FUZZ_MEMORY_MB"].flatMap(UInt64.init) { settings.memoryLimitMB = value }
        if let value = environment["DOSSIER_FUZZ_JOBS"].flatMap(Int.init) { settings.jobs = max(1, value) }
        settings.includesKnownPending = environment["DOSSIER_FUZZ_PENDING"] == "1"
        return settings
    }

    private static func parseSeed(_ text: String) -> UInt64? {
        text.lowercased().hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
    }

    var bounds: RunBounds {
        RunBounds(timeoutSeconds: timeoutSeconds, memoryLimitBytes: memoryLimitMB << 20)
    }

    /// The command that makes and runs one random case again.
    func reproduceCommand(caseNumber: Int) -> String {
        "DOSSIER_FUZZ_SEED=\(seed) DOSSIER_FUZZ_FIRST=\(caseNumber) DOSSIER_FUZZ_CASES=1 swift test --skip-build --filter FuzzTests"
    }
}

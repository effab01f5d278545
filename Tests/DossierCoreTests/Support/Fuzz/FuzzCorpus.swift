import Foundation

/// Cases that once failed, each a folder under Fixtures/fuzz-corpus/ holding the
/// project files that differ from the example project (and a note), replayed first
/// on every run.
enum FuzzCorpus {
    static let folder = TestPaths.fixtures.appendingPathComponent("fuzz-corpus")
    /// What the case is and how it failed; not a project file, so never replayed.
    static let noteName = "fuzz-case.txt"

    static func cases() throws -> [FuzzCase] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { name in
            let caseFolder = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: caseFolder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            var files = try ProjectFileIO.read(caseFolder)
            let note = files.removeValue(forKey: noteName).map { String(decoding: $0, as: UTF8.self) }
            return FuzzCase(name: name, changedFiles: files, steps: note.map { [$0] } ?? [])
        }
    }

    /// Saves a failing case under a name made from its files (the same failure found
    /// twice is saved once) and returns its folder.
    static func save(_ outcome: CaseOutcome, failure: String, reproduce: String) throws -> URL {
        let fuzzCase = outcome.fuzzCase
        let caseFolder = folder.appendingPathComponent(name(of: fuzzCase.changedFiles))
        guard !FileManager.default.fileExists(atPath: caseFolder.path) else { return caseFolder }
        try ProjectFileIO.save(fuzzCase.changedFiles, under: caseFolder)
        let note = """
        Saved by FuzzTests (see docs/fuzzing.md). The other files here are the project
        files that differ from the example project; the test lays them over it and builds.

        Failure: \(failure)
        Found as: \(fuzzCase.name)
        Reproduce: \(reproduce)
        Mutations:
        \(fuzzCase.steps.map { "- " + $0 }.joined(separator: "\n"))

        Standard error (excerpt):
        \(outcome.standardErrorExcerpt())

        """
        try ProjectFileIO.saveWithoutSync(Array(note.utf8), to: caseFolder.appendingPathComponent(noteName).path)
        return caseFolder
    }

    /// 12 hex digits of FNV-1a over the sorted paths and contents.
    static func name(of files: ProjectFiles) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for path in files.keys.sorted() {
            for byte in Array(path.utf8) + [0] + files[path]! + [0] {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        return String(String(hash, radix: 16).leftPadded(to: 16).prefix(12))
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}

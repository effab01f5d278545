import Foundation
import Testing
@testable import DossierMarkdown

/// cmark-gfm's inline parser edits a process-global table in `cmark_parser_finish`;
/// without the lock, parallel parsing silently drops strikethrough and autolinks.
/// This is the regression test for that trap.
@Suite struct ParallelParsingTests {
    static func document(_ seed: Int) -> String {
        var lines = ["# Document \(seed)", ""]
        for paragraph in 0..<(3 + seed % 7) {
            let n = seed * 31 + paragraph
            lines.append("Para \(n) has ~~struck \(n)~~ text, a link https://example.org/\(n) and *emphasis* with **strong** `code`.")
            lines.append("")
            if n % 3 == 0 { lines += ["| k | v |", "|---|---|", "| \(n) | ~~\(n)~~ |", ""] }
            if n % 4 == 0 { lines += ["- [x] task \(n)", "- [ ] www.example.com/\(n)", ""] }
            if n % 5 == 0 { lines += ["Footnote here.[^n\(n)]", "", "[^n\(n)]: Note \(n) ~~x~~.", ""] }
        }
        return lines.joined(separator: "\n")
    }

    @Test func parallelOutputEqualsSerialOutput() {
        let inputs = (0..<400).map(Self.document)
        let serial = inputs.map { MarkdownParser.parse($0).renderHTML() }
        let parallel = ParallelResults(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            parallel.set(index, MarkdownParser.parse(inputs[index]).renderHTML())
        }
        let results = parallel.values()
        #expect(serial.allSatisfy { $0.contains("<del>") && $0.contains("<a href=\"https://example.org/") })
        for index in inputs.indices where results[index] != serial[index] {
            Issue.record("document \(index) differs when parsed in parallel")
        }
    }
}

final class ParallelResults: @unchecked Sendable {
    private var values_: [String]
    private let lock = NSLock()
    init(count: Int) { values_ = Array(repeating: "", count: count) }
    func set(_ index: Int, _ value: String) { lock.lock(); values_[index] = value; lock.unlock() }
    func values() -> [String] { lock.lock(); defer { lock.unlock() }; return values_ }
}

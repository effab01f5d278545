import Foundation
import Testing
@testable import DossierCore

/// Rendering writes files from many threads at once, many of them into the same
/// new folder (assets/, briefings/).
@Suite struct StagingFolderWriteTests {
    @Test func concurrentWritersIntoOneNewFolderAllSucceed() throws {
        let parent = try makeTemporaryFolder("dossier-staging-writes")
        defer { try? FileManager.default.removeItem(at: parent) }
        let staging = try StagingFolder(replacing: parent.appendingPathComponent("site"))
        defer { staging.discard() }
        let failures = FailureCount()

        DispatchQueue.concurrentPerform(iterations: 1200) { index in
            do {
                try staging.write(OutputFile(path: "folder-\(index / 8)/file-\(index).txt", text: "\(index)"))
            } catch {
                failures.add()
            }
        }

        #expect(failures.value == 0)
        #expect(staging.writtenPaths.count == 1200)
    }
}

final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() {
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

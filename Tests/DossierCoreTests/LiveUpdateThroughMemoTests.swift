import Foundation
import Testing
@testable import DossierCore

/// The fast path given the build's cache: actor edits are linked through the build's
/// own memo, so its pages still equal the full build's and a clean build's, and the
/// full build that follows links nothing again.
@Suite struct LiveUpdateThroughMemoTests {
    static let steps = 24

    @Test func fastPagesThroughTheMemoEqualTheFullBuildsAndTheBuildLinksNothingAfterAnActorEdit() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            Thread.detachNewThread { continuation.resume(with: Result { try Self.editAndCompare() }) }
        }
    }

    /// Entry file name → inode: an entry linked again is written again, with a new inode.
    static func linkedEntries(_ root: URL) -> [String: UInt64] {
        let linked = root.appendingPathComponent(".dossier/cache/v\(BuildCache.formatVersion)/linked")
        var result: [String: UInt64] = [:]
        for shard in (try? FileManager.default.contentsOfDirectory(atPath: linked.path)) ?? [] {
            let folder = linked.appendingPathComponent(shard)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                var status = stat()
                if lstat(folder.appendingPathComponent(name).path, &status) == 0 { result[name] = UInt64(status.st_ino) }
            }
        }
        return result
    }

    static func editAndCompare() throws {
        let project = try LiveEditProject(seed: 0x5E4E_0002)
        defer { project.remove() }
        let output = project.root.appendingPathComponent("site")
        let cache = BuildCache(folder: project.root.appendingPathComponent(".dossier/cache"))
        func fullBuild() -> BuildReport {
            var options = BuildOptions(root: project.root, output: output)
            options.cache = cache
            options.keepsLiveState = true
            return SiteBuilder.build(options)
        }
        var state = try #require(fullBuild().liveState)
        var actorEdits = 0
        for step in 0..<steps {
            let edit = try project.applyRandomEdit()
            var spent = state
            let fast = try #require(LiveUpdate.pages(afterEditing: [edit.path], root: project.root, state: &spent, cache: cache),
                                    "step \(step) (\(edit.description)) is an edit the fast path covers")
            let linkedByFastPath = linkedEntries(project.root)

            let full = fullBuild()
            #expect(full.succeeded, "step \(step): \(full.diagnostics.lines)")
            if edit.kind.hasPrefix("actor") {
                actorEdits += 1
                // The build may drop the edited file's old entry, but writes none.
                let relinkedByBuild = linkedEntries(project.root).filter { linkedByFastPath[$0.key] != $0.value }
                #expect(relinkedByBuild.isEmpty, "step \(step) (\(edit.description)): the build linked \(relinkedByBuild.count) documents again")
            }
            let cleanOutput = project.scratch.appendingPathComponent("clean-\(step)")
            #expect(SiteBuilder.build(BuildOptions(root: project.root, output: cleanOutput)).succeeded)
            for file in fast {
                let afterFull = FileManager.default.contents(atPath: output.appendingPathComponent(file.path).path)
                let afterClean = FileManager.default.contents(atPath: cleanOutput.appendingPathComponent(file.path).path)
                #expect(afterFull == file.contents, "step \(step) (\(edit.description)): \(file.path) differs from the full build's")
                #expect(afterClean == file.contents, "step \(step) (\(edit.description)): \(file.path) differs from a clean build's")
            }
            try? FileManager.default.removeItem(at: cleanOutput)
            state = try #require(full.liveState)
        }
        RetiredOutputs.waitUntilRemoved()
        #expect(actorEdits >= 3, "the random edits include actor edits: \(actorEdits) of \(steps)")
    }
}

import Foundation
import Testing
@testable import DossierCore

/// Builds of a test project through the build cache, and the comparison every
/// incremental test ends with: the cached output against a clean build's.
extension TestProject {
    /// `dossier build` into site/ with the cache in its default folder (or `cache`);
    /// returns once the previous output is removed, so the next build starts settled.
    func cachedBuild(cache: BuildCache? = nil) -> BuildReport {
        var options = BuildOptions(root: root)
        options.cache = cache ?? BuildCache(folder: BuildCache.defaultFolder(projectRoot: root))
        let report = SiteBuilder.build(options)
        RetiredOutputs.waitUntilRemoved()
        return report
    }

    /// The first difference between site/ and a build with no cache into a fresh
    /// folder, or nil when they hold the same files with the same bytes.
    func differenceFromCleanBuild() throws -> String? {
        let clean = try makeTemporaryFolder("dossier-clean").appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: clean.deletingLastPathComponent()) }
        #expect(SiteBuilder.build(BuildOptions(root: root, output: clean)).succeeded)
        return try SiteComparison.firstDifference(output, clean)
    }
}

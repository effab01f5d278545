import DossierCore
import Foundation

/// `serve --timings`: one line after each full rebuild with its stages' wall times,
/// as `build --timings` prints them, so a slow rebuild can be told apart by stage.
enum RebuildTimings {
    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// `waitedForRemoval`: the time spent waiting for the previous output's removal
    /// before the build began, which the build's own stages do not count.
    /// `total`: the rebuild's wall time; what the stages leave of it is the staged
    /// output's swap and the cache's bookkeeping.
    static func line(_ report: BuildReport, waitedForRemoval: Double, total: Double) -> String {
        var stages = [("old output removal", waitedForRemoval)] + report.timings.map { ($0.stage, $0.seconds) }
        stages.append(("swap and rest", max(0, total - stages.reduce(0) { $0 + $1.1 })))
        return "  stages: " + stages.map { "\($0.0) \(String(format: "%.3f", $0.1)) s" }.joined(separator: ", ")
            + "; pages reused unrendered: \(report.reusedRenders.count), data files reused unmade: \(report.reusedDataFiles.count)"
    }
}

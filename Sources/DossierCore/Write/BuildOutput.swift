import Foundation

/// How `SiteBuilder.build` puts a new site where the previous one was: a staged
/// folder swapped in whole (`StagingFolder`, for a first build or a folder Dossier
/// did not write) or an update of the previous Dossier output in place
/// (`OutputUpdate`). Either way nothing the user sees changes before `commit`, and
/// `discard` leaves the previous output exactly as it was.
protocol BuildOutput: OutputSink, AnyObject {
    /// What the previous output's pages were rendered from, and this build's record of
    /// the same; `SiteBuilder` sets it from the build cache and stores it after `commit`.
    var renderManifest: RenderManifest { get set }
    func commit() throws
    func discard()
    /// Paths whose bytes differ from the previous output's (or that it lacked), sorted.
    var changedPaths: [String] { get }
    /// Pages taken from the previous output without rendering them, sorted.
    var reusedRenders: [String] { get }
    /// Data files taken from the previous output without making them, sorted.
    var reusedDataFiles: [String] { get }
}

extension StagingFolder: BuildOutput {}

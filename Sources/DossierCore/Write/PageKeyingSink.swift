/// A sink that holds the previous build's render manifest (`OutputUpdate`,
/// `StagingFolder`), through which a page keeps its previous inputs key without
/// computing it, when `BriefingPageRekeying` shows that nothing it reads changed.
protocol PageKeyingSink: OutputSink {
    /// `reuse(_:inputs:)` for a page whose inputs key is not computed: the previous
    /// one is taken if it ends with `suffix`, and the file is untouched since.
    func reuse(_ path: String, inputsEndingWith suffix: String) -> Bool
    /// What the previous build's pages were keyed under.
    var previousKeying: PageKeying? { get }
    /// Keeps what this build's pages are keyed under, for the next build.
    func keep(_ keying: PageKeying?)
    /// Takes the previous build's file at `path`, untouched since, under the key it was
    /// made from — and, for a page (`asPage`), its inputs key — for a file nothing of
    /// which changed; false if there is none or it was touched since.
    func reuseUnchanged(_ path: String, asPage: Bool) -> Bool
    /// Takes the previous build's files at `paths` as data files, each untouched since,
    /// with its inputs key, under its previous key or, if `keys` is given, under
    /// `keys[i]`: all of them, or none (false). For a maker that knows these files are
    /// what it would make (the search index's unchanged parts), without a lookup per file
    /// in the caller.
    func takeUnchanged(_ paths: [String], recordedAs keys: [String]?) -> Bool
}

extension PageKeyingSink {
    func reuseUnchanged(_ path: String, asPage: Bool) -> Bool {
        guard let previous = previousOutput(path) else { return false }
        return asPage ? reuse(path, renderedFrom: previous.key, inputs: previous.inputs) : reuse(path, madeFrom: previous.key)
    }
}

extension OutputUpdate: PageKeyingSink {}
extension StagingFolder: PageKeyingSink {}

import Foundation

/// Writes `data/graph.graphml` and `data/graph.gexf`, one after the other so only one
/// is in memory at a time, from one `ExportGraph`; in a cached build both are taken
/// from the previous output, without making the graph, when what it is made from is
/// the same (`AggregateKeys.graphExports`). A body edit that changes no mention leaves every
/// count, and so both files, as they were.
enum GraphExportWriter {
    static func write(_ model: SiteModel, urls: SiteURLs, to sink: OutputSink, fingerprints: DocumentFingerprints) -> Diagnostic? {
        let key = AggregateKeys.graphExports(model, fingerprints: fingerprints)
        // Made only when a file is: an unchanged pair of files needs no graph.
        var made: ExportGraph?
        func graph() -> ExportGraph {
            if let made { return made }
            let graph = ExportGraph(model, urls: urls)
            made = graph
            return graph
        }
        let files: [(path: String, make: (ExportGraph) -> Data)] = [
            (urls.file(.data("graph.graphml")), GraphMLExport.data), (urls.file(.data("graph.gexf")), GEXFExport.data),
        ]
        for (path, make) in files {
            let fileKey = key.map { AggregateKeys.member($0, path, of: files.count) }
            if let fileKey, sink.reuse(path, madeFrom: fileKey) { continue }
            let file = OutputFile(path: path, contents: make(graph()))
            do {
                if let fileKey {
                    try sink.write(file, renderedFrom: fileKey)
                } else {
                    try sink.write(file)
                }
            } catch {
                return .error("\(error)", at: SourceLocation(path: path))
            }
        }
        return nil
    }
}

import Yams

/// A data file (or set of files) for other tools, written under `data/` when
/// `dossier.yml`'s `exports` names it (docs/guide.md, "Data exports").
public enum DataExport: String, Sendable, Hashable, CaseIterable {
    /// `data/entities.json`.
    case entities
    /// `data/relations.csv`.
    case relations
    /// `data/mentions/SLUG.json` and `data/passages/KIND/SLUG.json`: the mentions files
    /// point into the passages files, so neither is any use alone.
    case mentions
    /// `data/mentions.csv`.
    case csv
    /// `data/graph.graphml` and `data/graph.gexf`.
    case graph

    /// The small ones. The mentions and passages files and mentions.csv were 412 MB at 10,000
    /// briefings, 4.5 times the input on their own, and the graph 23 MB more.
    public static let defaults: Set<DataExport> = [.entities, .relations]

    /// The value of `exports` that names every export.
    static let allKeyword = "all"
}

extension YAMLReader {
    /// `exports`: `all`, or a list of export names (possibly empty). An unknown name, a
    /// name listed twice or a value of another shape is an error at that value; the
    /// names read before it are kept, so that every problem is reported in one pass.
    mutating func exports(_ node: Node, key: String) -> Set<DataExport>? {
        let names = DataExport.allCases.map(\.rawValue).joined(separator: ", ")
        switch node {
        case .scalar(let scalar) where scalar.string == DataExport.allKeyword:
            return Set(DataExport.allCases)
        case .scalar(let scalar) where DataExport(rawValue: scalar.string) != nil:
            // A lone name could mean "only this" or "this as well": the list says which.
            error("expected a list for '\(key)', found '\(scalar.string)': write [\(scalar.string)] for this export alone", at: node)
            return nil
        case .sequence(let sequence):
            var exports: Set<DataExport> = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    error("expected an export name in '\(key)', found \(Self.describe(item)); names: \(names)", at: item)
                    continue
                }
                guard let export = DataExport(rawValue: scalar.string) else {
                    let suggestion = Suggestion.didYouMean(scalar.string, in: DataExport.allCases.map(\.rawValue))
                    error("unknown export '\(scalar.string)' in '\(key)'\(suggestion); names: \(names), or '\(key): all'", at: item)
                    continue
                }
                if exports.insert(export).inserted == false {
                    error("export '\(scalar.string)' is listed twice in '\(key)'", at: item)
                }
            }
            return exports
        default:
            var suggestion = ""
            if case .scalar(let scalar) = node { suggestion = Suggestion.didYouMean(scalar.string, in: [DataExport.allKeyword]) }
            error("expected a list of export names or 'all' for '\(key)', found \(Self.describe(node))\(suggestion); names: \(names)", at: node)
            return nil
        }
    }
}

import Foundation

/// How `dossier suggest` prints its list.
public enum SuggestionFormat: String, Sendable, CaseIterable {
    case text
    case json
}

/// Prints suggestions for a person (text) or a program (JSON, one line, keys sorted).
public enum SuggestionReport {
    public static let version = 1

    /// `suggestions` are the ones to show; `total` counts every suggestion found.
    public static func render(_ suggestions: [NameSuggestion], total: Int, as format: SuggestionFormat) -> String {
        switch format {
        case .text: text(suggestions, total: total)
        case .json: json(suggestions, total: total)
        }
    }

    static func text(_ suggestions: [NameSuggestion], total: Int) -> String {
        guard !suggestions.isEmpty else { return "No recurring names without an actor.\n" }
        var output = ""
        for suggestion in suggestions {
            let mentions = suggestion.occurrences == 1 ? "1 mention" : "\(suggestion.occurrences) mentions"
            let documents = suggestion.documents == 1 ? "1 document" : "\(suggestion.documents) documents"
            var line = "\(suggestion.name)  (\(mentions) in \(documents)"
            if let actor = suggestion.aliasOf { line += "; an alias of '\(actor)'?" }
            output += shown(line + ")") + "\n"
            output += "    " + shown("\(suggestion.example): \(suggestion.context)") + "\n"
        }
        output += "\n"
        if suggestions.count < total {
            output += "\(suggestions.count) of \(total) names shown; --limit 0 shows all.\n"
        } else {
            output += "\(total) name\(total == 1 ? "" : "s").\n"
        }
        output += "Give one a page with: dossier new actor \"NAME\" (or add it to an actor's aliases).\n"
        return output
    }

    static func json(_ suggestions: [NameSuggestion], total: Int) -> String {
        var writer = JSONWriter()
        writer.object { json in
            json.key("suggestions")
            json.array { list in
                for suggestion in suggestions {
                    list.object { item in
                        item.key("documents"); item.int(suggestion.documents)
                        item.key("example")
                        item.object { example in
                            example.key("column"); example.int(suggestion.example.column)
                            example.field("context", suggestion.context)
                            example.key("line"); example.int(suggestion.example.line)
                            example.field("path", suggestion.example.path)
                        }
                        item.field("name", suggestion.name)
                        item.key("occurrences"); item.int(suggestion.occurrences)
                        item.field("alias_of", suggestion.aliasOf)
                    }
                }
            }
            json.key("total"); json.int(total)
            json.key("version"); json.int(version)
        }
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }

    /// The note `dossier check` prints after its summary; nil when there is nothing to say.
    public static func checkNote(count: Int, as format: DiagnosticFormat) -> String? {
        guard count > 0 else { return nil }
        let message = "\(count) recurring name\(count == 1 ? " has" : "s have") no actor; run `dossier suggest` to list \(count == 1 ? "it" : "them")"
        switch format {
        case .text: return "note: " + message
        case .github: return "::notice title=dossier suggest::" + DiagnosticFormatter.githubData(message)
        }
    }

    /// Names and snippets come from the user's files: never let them drive the terminal.
    private static func shown(_ text: String) -> String { DiagnosticFormatter.showingControlCharacters(text) }
}

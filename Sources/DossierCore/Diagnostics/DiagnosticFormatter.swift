import Foundation

/// Turns diagnostics into text, as a compiler prints them or as GitHub Actions
/// workflow commands (which annotate the pull request's files).
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case github
}

public enum DiagnosticFormatter {
    /// `content/briefings/x.md:12:5: error: unknown actor 'irn' (did you mean 'iran'?)`
    ///
    /// Paths and messages carry file names, slugs and values from the user's files,
    /// so neither format lets them break out of their place: text shows control
    /// characters escaped, GitHub's format encodes them as its workflow commands
    /// specify.
    public static func format(_ diagnostic: Diagnostic, as format: DiagnosticFormat = .text) -> String {
        let location = diagnostic.location
        switch format {
        case .text:
            return showingControlCharacters("\(location): \(diagnostic.severity.rawValue): \(diagnostic.message)")
        case .github:
            // CR and LF are percent-encoded, so GitHub decodes a file name with a line
            // break back to the real path; other control characters never reach the
            // log (an annotation on such a file lands on the run instead of the file).
            let path = showingControlCharacters(location.path, except: ["\r", "\n"])
            let message = showingControlCharacters(diagnostic.message, except: ["\r", "\n"])
            let properties = "file=\(githubProperty(path)),line=\(location.line),col=\(location.column)"
            return "::\(diagnostic.severity.rawValue) \(properties)::\(githubData(message))"
        }
    }

    /// Control characters (C0, DEL, C1) and the bidirectional overrides and isolates
    /// that can make a file name read differently from what it is, written as `\n`,
    /// `\r`, `\t` or `\u{1B}` so a terminal shows them instead of obeying them.
    public static func showingControlCharacters(_ text: String, except kept: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { isHidden($0) && !kept.contains($0) }) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            guard isHidden(scalar), !kept.contains(scalar) else {
                shown.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            default: shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return shown
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// A workflow command's property value: `%`, CR, LF, `:` and `,` percent-encoded.
    static func githubProperty(_ value: String) -> String {
        githubData(value).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// A workflow command's message: `%`, CR and LF percent-encoded.
    static func githubData(_ value: String) -> String {
        value.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
}

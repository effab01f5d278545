import Foundation

/// Turns diagnostics into text, as a compiler prints them or as GitHub Actions
/// workflow commands (which annotate the pull request's files).
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case github
}

public enum DiagnosticFormatter {
    /// `content/briefings/x.md:12:5: error: unknown actor 'irn' (did you mean 'iran'?)`
    public static func format(_ diagnostic: Diagnostic, as format: DiagnosticFormat = .text) -> String {
        let location = diagnostic.location
        switch format {
        case .text:
            return "\(location): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        case .github:
            let message = diagnostic.message
                .replacingOccurrences(of: "%", with: "%25")
                .replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
            return "::\(diagnostic.severity.rawValue) file=\(location.path),line=\(location.line),col=\(location.column)::\(message)"
        }
    }
}

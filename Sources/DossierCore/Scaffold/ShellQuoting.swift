/// A path written so that pasting it into a POSIX shell (bash, zsh, dash) gives
/// back exactly that path: `init` prints the commands to run next, and a folder
/// named "My Site" or "$HOME notes" must not turn into two arguments or a variable.
///
///     ShellQuoting.quoted("briefings")       // briefings
///     ShellQuoting.quoted("My Site")         // "My Site"
///     ShellQuoting.quoted("Cost $5")         // 'Cost $5'
///     ShellQuoting.quoted("it's $5")         // 'it'\''s $5'
///     ShellQuoting.quoted("a\tb")            // $'a\tb'
///     ShellQuoting.quoted("-draft")          // ./-draft
public enum ShellQuoting {
    public static func quoted(_ path: String) -> String {
        guard !path.isEmpty else { return "''" }
        // A leading '-' would be read as an option by the command it is passed to.
        let path = path.hasPrefix("-") ? "./" + path : path
        let scalars = path.unicodeScalars
        if scalars.contains(where: isHidden) { return ansiQuoted(path) }
        if scalars.allSatisfy(isPlain), !path.hasPrefix("~") { return path }
        // Inside double quotes these still expand (`!` in an interactive bash).
        if !scalars.contains(where: { "$`\"\\!".unicodeScalars.contains($0) }) { return "\"" + path + "\"" }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Characters no shell treats specially anywhere in a word. Letters and digits
    /// of any script are plain; spaces of any kind are not, so they get quoted.
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || "_-./,:@%+=".unicodeScalars.contains(scalar)
        }
        return !scalar.properties.isWhitespace
    }

    /// Characters a terminal would not show as themselves: controls, format
    /// characters (the bidirectional overrides among them) and line separators.
    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// `$'…'` (bash, zsh, ksh and POSIX.1-2024 sh) spells hidden characters as escapes.
    private static func ansiQuoted(_ path: String) -> String {
        var result = "$'"
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\\": result += "\\\\"
            case "'": result += "\\'"
            default:
                if isHidden(scalar) {
                    let (prefix, digits) = scalar.value < 0x80 ? ("\\x", 2) : scalar.value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += prefix + String(repeating: "0", count: digits - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "'"
    }
}

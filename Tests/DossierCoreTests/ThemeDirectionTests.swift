import Foundation
import Testing
@testable import DossierCore

/// The built-in theme mirrors for right-to-left pages because it names no physical
/// side: every margin, padding, border, position and alignment is logical.
@Suite struct ThemeDirectionTests {
    static let css = TestPaths.packageRoot.appendingPathComponent("Sources/DossierCore/Resources/theme/assets/dossier.css")

    /// Declarations that fix a side of the page, with the rules they sit in.
    static func physicalSides(in css: String) -> [String] {
        let patterns = [
            #"(margin|padding|border)-(left|right)\b"#, #"(^|[;{\s])(left|right)\s*:"#,
            #"text-align\s*:\s*(left|right)"#, #"float\s*:\s*(left|right)"#, #"clear\s*:\s*(left|right)"#,
            #"border-(top|bottom)-(left|right)-radius"#,
        ]
        var found: [String] = []
        for (number, line) in css.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // A rule written for one direction (`:dir(rtl)`) may name the side it mirrors.
            if line.contains(":dir(") { continue }
            for pattern in patterns where line.range(of: pattern, options: .regularExpression) != nil {
                found.append("dossier.css:\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        return found
    }

    @Test func theThemeNamesNoPhysicalSide() throws {
        let css = try String(contentsOf: Self.css, encoding: .utf8)
        #expect(Self.physicalSides(in: css) == [])
    }

    @Test func theCheckFindsPhysicalSides() {
        let sample = ".a { margin-left: 1rem; }\n.b { left: 0; }\n.c { text-align: right; }\n.d { margin-inline-start: 1rem; inset-inline-start: 0; }\n.e:dir(rtl) { box-shadow: inset -3px 0 0; }"
        #expect(Self.physicalSides(in: sample).count == 3)
    }

    @Test func aRightToLeftPageHasWhatTheThemeNeedsToMirror() throws {
        let css = try String(contentsOf: Self.css, encoding: .utf8)
        // The parts that have no logical form get a rule of their own for right-to-left pages.
        #expect(css.contains(".more:dir(rtl)::after { content: \" ←\"; }"))
        #expect(css.contains(".site-nav:dir(rtl) { mask-image: linear-gradient(to left"))
        #expect(css.contains("box-shadow: inset -3px 0 0 var(--accent);"))
    }
}

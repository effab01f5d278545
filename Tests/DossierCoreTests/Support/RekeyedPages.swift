@testable import DossierCore

/// What the second, cached build of a rekeying test did to the pages
/// `FOLDER/SLUG/index.html` (briefing pages or actor pages): which it keyed, which
/// changed, whose inputs key changed.
struct RekeyedPages {
    /// `briefings` or `actors`.
    let folder: String
    /// The pages (by slug) the second build keyed; nil: every page.
    var keyed: Set<String>?
    var report: BuildReport
    /// Each page's inputs key before and after the edit.
    var inputsBefore: [String: String], inputsAfter: [String: String]

    /// The pages whose bytes changed.
    var changedPages: Set<String> {
        Set(report.changedPaths.compactMap { path in
            let parts = path.split(separator: "/")
            return parts.count == 3 && parts[0] == folder && parts[2] == "index.html" && parts[1] != "page" ? String(parts[1]) : nil
        })
    }

    /// The pages whose inputs key changed: keyed, or reached through their shape.
    var rekeyedPages: Set<String> { Set(inputsAfter.keys.filter { inputsBefore[$0] != inputsAfter[$0] }) }

    /// The inputs key of each of `slugs`' pages in `folder`, as the project's render manifest on disk holds it.
    static func inputs(of slugs: [String], in folder: String, _ project: TestProject) -> [String: String] {
        let manifest = BriefingPageRekeyingTests.manifest(project)
        var inputs: [String: String] = [:]
        for slug in slugs { inputs[slug] = manifest.previousInputs(of: "\(folder)/\(slug)/index.html") }
        return inputs
    }
}

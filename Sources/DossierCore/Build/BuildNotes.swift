/// Lines a build prints beside its diagnostics: facts about what it did that are
/// not problems, so they are never warnings (`--strict` must not fail on them).
public enum BuildNotes {
    /// "Left out 2 drafts (draft: true); add --drafts to include them.", or nil for none.
    public static func draftsLeftOut(_ count: Int) -> String? {
        guard count > 0 else { return nil }
        return "Left out \(count) draft\(count == 1 ? "" : "s") (draft: true); add --drafts to include \(count == 1 ? "it" : "them")."
    }
}

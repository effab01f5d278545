/// Bounds on what a document may print on every page that names it. A title is
/// repeated wherever its document is listed or linked, and a tag list on every card of
/// every tag page it names, so without a bound a few megabytes of front matter become
/// hundreds of megabytes of site (a 1 MB actor title made 314 MB) and tag pages cost
/// the square of the tags. No honest title or tag list comes near these.
enum NameLimits {
    static let maxTitleCharacters = 500
    static let maxTagsPerDocument = 100

    static func fits(_ name: String) -> Bool {
        name.unicodeScalars.count <= maxTitleCharacters || name.count <= maxTitleCharacters
    }

    static func problem(_ name: String, what: String) -> String {
        "\(what) is \(name.count) characters long; at most \(maxTitleCharacters) are allowed, since it is repeated on every page that names it"
    }
}

/// Slugs numbered in the order they are first met, from 0: what each chunk of a
/// parallel model pass does before its numbers become the site's.
struct FirstSeenNumbering {
    /// The slugs met so far; a slug's number is its position.
    private(set) var slugs: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func id(of slug: String) -> Int {
        if let known = numbers[slug] { return known }
        numbers[slug] = slugs.count
        slugs.append(slug)
        return slugs.count - 1
    }
}

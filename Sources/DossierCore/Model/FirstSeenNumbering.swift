/// Strings (slugs, anchors, names) numbered in the order they are first met, from 0:
/// what each chunk of a parallel model pass does before its numbers become the site's,
/// and what the mention views hash instead of each string again.
struct FirstSeenNumbering {
    /// The strings met so far; a string's number is its position.
    private(set) var strings: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func id(of string: String) -> Int {
        if let known = numbers[string] { return known }
        numbers[string] = strings.count
        strings.append(string)
        return strings.count - 1
    }
}

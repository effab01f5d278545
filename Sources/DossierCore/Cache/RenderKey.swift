/// The key of one rendered page: a stable hash of everything the Mustache render
/// reads — the running executable, every template's text, the template's name and
/// the finished context. Rendering is a pure function of these, so two renders with
/// one key produce the same bytes, and a page whose key is unchanged can be reused
/// without rendering it (`RenderManifest`).
///
/// The context is walked in a fixed order (dictionary keys sorted) with a type tag
/// before each value, so `"1"`, `1` and `true` never share a key. A value of a kind
/// the walk does not know gives no key at all: the page is then always rendered,
/// which is slower but never wrong.
enum RenderKey {
    static func key(template: String, context: [String: Any], templatesFingerprint: String) -> String? {
        var hasher = StableHasher()
        hasher.combine(BuildIdentity.current)
        hasher.combine(templatesFingerprint)
        hasher.combine(template)
        guard combine(context, into: &hasher) else { return nil }
        return hasher.finalize()
    }

    /// Name and text of every template, in name order.
    static func templatesFingerprint(_ sources: [String: String]) -> String {
        var hasher = StableHasher()
        hasher.combine(sources.count)
        for name in sources.keys.sorted() {
            hasher.combine(name)
            hasher.combine(sources[name]!)
        }
        return hasher.finalize()
    }

    private enum Tag: Int {
        case string = 1, int, bool, double, list, map
    }

    /// False if some value is of a kind the walk cannot name. Lists of maps and of
    /// strings are matched as such before the general list: casting them to `[Any]`
    /// would box every element first. Each path hashes exactly what the general one would.
    private static func combine(_ value: Any, into hasher: inout StableHasher) -> Bool {
        switch value {
        case let text as String:
            combine(text, into: &hasher)
        case let flag as Bool:
            hasher.combine(Tag.bool.rawValue)
            hasher.combine(flag)
        case let number as Int:
            hasher.combine(Tag.int.rawValue)
            hasher.combine(number)
        case let number as Double:
            hasher.combine(Tag.double.rawValue)
            hasher.combine(Int(bitPattern: UInt(number.bitPattern)))
        case let map as [String: Any]:
            return combine(map, into: &hasher)
        case let maps as [[String: Any]]:
            hasher.combine(Tag.list.rawValue)
            hasher.combine(maps.count)
            for map in maps {
                guard combine(map, into: &hasher) else { return false }
            }
        case let texts as [String]:
            hasher.combine(Tag.list.rawValue)
            hasher.combine(texts.count)
            for text in texts { combine(text, into: &hasher) }
        case let list as [Any]:
            hasher.combine(Tag.list.rawValue)
            hasher.combine(list.count)
            for element in list {
                guard combine(element, into: &hasher) else { return false }
            }
        default:
            return false
        }
        return true
    }

    private static func combine(_ text: String, into hasher: inout StableHasher) {
        hasher.combine(Tag.string.rawValue)
        hasher.combine(text)
    }

    private static func combine(_ map: [String: Any], into hasher: inout StableHasher) -> Bool {
        hasher.combine(Tag.map.rawValue)
        hasher.combine(map.count)
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            hasher.combine(key)
            guard combine(value, into: &hasher) else { return false }
        }
        return true
    }
}

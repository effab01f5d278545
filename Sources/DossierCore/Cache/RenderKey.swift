import Foundation

/// The key of one rendered page or partial: a stable hash of everything the Mustache
/// render reads — the running executable, every template's text, the template's name
/// and the finished context. Rendering is a pure function of these, so two renders
/// with one key produce the same bytes, and a page whose key is unchanged can be
/// reused without rendering it (`RenderManifest`). Briefing pages are keyed by their
/// bytes instead (`key(page:)`).
///
/// Each value is hashed with a type tag before it, so `"1"`, `1` and `true` never
/// share a key. A dictionary is hashed as the sum of its entries' own hashes (key and
/// value together), which does not depend on the order it is walked in: no key is
/// sorted, for a page's thousand-odd dictionaries. A value of a kind the walk does not
/// know gives no key at all: the page is then always rendered, which is slower but
/// never wrong.
enum RenderKey {
    static func key(template: String, context: [String: Any], templatesFingerprint: String) -> String? {
        var hasher = StableHasher()
        hasher.combine(BuildIdentity.current)
        hasher.combine(templatesFingerprint)
        hasher.combine(template)
        guard combine(context, into: &hasher) else { return nil }
        return hasher.finalize()
    }

    /// The key of a briefing page by the bytes it rendered to, recorded beside its
    /// inputs key (`RenderManifest`). That inputs key (`BriefingPageRekeying`) names all
    /// the page reads and lets an unchanged page be reused before its context is built;
    /// a page rendered again keeps the previous file when the bytes are the same
    /// (`FileReuse`). The context's key, a walk of each of 10,000 contexts in a clean
    /// build, cost about as much CPU as rendering them, to spare only the render of a
    /// page whose inputs changed but not its context. (An actor page's inputs read whole
    /// documents of which it shows a few passages: its context's key still spares it.)
    static func key(page bytes: Data) -> String {
        var hasher = StableHasher()
        hasher.combine("rendered page")
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
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

    /// False if some value is of a kind the walk cannot name. The kinds contexts are
    /// made of are told apart by their exact type, one pointer comparison each, before
    /// any cast is tried: a failed cast (to a map, for a list) walks the runtime's
    /// conformance tables. Anything else (an optional, a list of another element type)
    /// goes through the casts, which hash it exactly as its unwrapped or general form.
    private static func combine(_ value: Any, into hasher: inout StableHasher) -> Bool {
        let kind = type(of: value)
        if kind == String.self {
            combine(value as! String, into: &hasher)
        } else if kind == [String: Any].self {
            return combine(value as! [String: Any], into: &hasher)
        } else if kind == [[String: Any]].self {
            return combine(maps: value as! [[String: Any]], into: &hasher)
        } else if kind == [String].self {
            combine(texts: value as! [String], into: &hasher)
        } else if kind == Bool.self {
            combine(value as! Bool, into: &hasher)
        } else if kind == Int.self {
            combine(value as! Int, into: &hasher)
        } else {
            return combineCasting(value, into: &hasher)
        }
        return true
    }

    /// `combine` for a value of no exact type it knows: by casting, which also unwraps
    /// optionals and bridges numbers.
    private static func combineCasting(_ value: Any, into hasher: inout StableHasher) -> Bool {
        switch value {
        case let text as String:
            combine(text, into: &hasher)
        case let flag as Bool:
            combine(flag, into: &hasher)
        case let number as Int:
            combine(number, into: &hasher)
        case let number as Double:
            hasher.combine(Tag.double.rawValue)
            hasher.combine(Int(bitPattern: UInt(number.bitPattern)))
        case let map as [String: Any]:
            return combine(map, into: &hasher)
        case let maps as [[String: Any]]:
            return combine(maps: maps, into: &hasher)
        case let texts as [String]:
            combine(texts: texts, into: &hasher)
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

    private static func combine(_ flag: Bool, into hasher: inout StableHasher) {
        hasher.combine(Tag.bool.rawValue)
        hasher.combine(flag)
    }

    private static func combine(_ number: Int, into hasher: inout StableHasher) {
        hasher.combine(Tag.int.rawValue)
        hasher.combine(number)
    }

    /// As the general list would: each element a map.
    private static func combine(maps: [[String: Any]], into hasher: inout StableHasher) -> Bool {
        hasher.combine(Tag.list.rawValue)
        hasher.combine(maps.count)
        for map in maps {
            guard combine(map, into: &hasher) else { return false }
        }
        return true
    }

    /// As the general list would: each element a string.
    private static func combine(texts: [String], into hasher: inout StableHasher) {
        hasher.combine(Tag.list.rawValue)
        hasher.combine(texts.count)
        for text in texts { combine(text, into: &hasher) }
    }

    /// Each entry hashed alone, its key then its value, and the 128-bit hashes added:
    /// a sum is the same in whatever order a dictionary gives its entries, and an
    /// entry's key and value stay bound to each other.
    private static func combine(_ map: [String: Any], into hasher: inout StableHasher) -> Bool {
        var high: UInt64 = 0, low: UInt64 = 0
        for (key, value) in map {
            var entry = StableHasher()
            entry.combine(key)
            guard combine(value, into: &entry) else { return false }
            let digest = entry.digest()
            high &+= digest.high
            low &+= digest.low
        }
        hasher.combine(Tag.map.rawValue)
        hasher.combine(map.count)
        hasher.combine(Int(bitPattern: UInt(high)))
        hasher.combine(Int(bitPattern: UInt(low)))
        return true
    }
}

/// A value of a page's `[String: Any]` context, of one of the types the page contexts
/// hold, found by comparing its type once instead of casting it to each of
/// swift-mustache's protocols at every lookup.
///
/// A value of any other type (an Optional, a struct read through Mirror, a lambda)
/// is `Unsupported`: the page is then rendered by swift-mustache, which knows them.
enum TemplateValue {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case dictionary([String: Any])
    case dictionaries([[String: Any]])
    case strings([String])
    case values([Any])

    struct Unsupported: Error {}

    init(_ value: Any) throws(Unsupported) {
        // Passed to a generic function, the `Any` is opened: `Value` is its dynamic type.
        guard let made = Self.value(of: value) else { throw Unsupported() }
        self = made
    }

    /// `value` by its type, compared once: the type is known, so the value is taken as
    /// it is, where `as!` went through the runtime's dynamic cast on every lookup (about
    /// four times as long, measured apart). Ordered by how often the contexts hold each.
    private static func value<Value>(of value: Value) -> TemplateValue? {
        if Value.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if Value.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if Value.self == [String: Any].self { return .dictionary(unsafeBitCast(value, to: [String: Any].self)) }
        if Value.self == [[String: Any]].self { return .dictionaries(unsafeBitCast(value, to: [[String: Any]].self)) }
        if Value.self == Int.self { return .int(unsafeBitCast(value, to: Int.self)) }
        if Value.self == [String].self { return .strings(unsafeBitCast(value, to: [String].self)) }
        if Value.self == [Any].self { return .values(unsafeBitCast(value, to: [Any].self)) }
        if Value.self == Double.self { return .double(unsafeBitCast(value, to: Double.self)) }
        return nil
    }

    /// The value named `name` in this one: only a dictionary has any (swift-mustache
    /// reads other values through Mirror, which finds no labelled child in these types).
    func child(_ name: String) throws(Unsupported) -> TemplateValue? {
        guard case .dictionary(let dictionary) = self, let child = dictionary[name] else { return nil }
        return try TemplateValue(child)
    }

    /// The elements when this is a list (swift-mustache's `MustacheSequence`).
    var count: Int? {
        switch self {
        case .dictionaries(let list): list.count
        case .strings(let list): list.count
        case .values(let list): list.count
        default: nil
        }
    }

    func element(_ index: Int) throws(Unsupported) -> TemplateValue {
        switch self {
        case .dictionaries(let list): return .dictionary(list[index])
        case .strings(let list): return .string(list[index])
        case .values(let list): return try TemplateValue(list[index])
        default: preconditionFailure("element of a value that is not a list")
        }
    }
}

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
        let type = type(of: value)
        // Ordered by how often the contexts hold each.
        if type == String.self {
            self = .string(value as! String)
        } else if type == Bool.self {
            self = .bool(value as! Bool)
        } else if type == [String: Any].self {
            self = .dictionary(value as! [String: Any])
        } else if type == [[String: Any]].self {
            self = .dictionaries(value as! [[String: Any]])
        } else if type == Int.self {
            self = .int(value as! Int)
        } else if type == [String].self {
            self = .strings(value as! [String])
        } else if type == [Any].self {
            self = .values(value as! [Any])
        } else if type == Double.self {
            self = .double(value as! Double)
        } else {
            throw Unsupported()
        }
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

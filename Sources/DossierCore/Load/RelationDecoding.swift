import Yams

extension YAMLReader {
    mutating func relations(_ node: Node) -> [RelationDeclaration] {
        var result: [RelationDeclaration] = []
        for item in items(node, key: "relations") {
            guard let fields = entries(item, what: "a relation") else { continue }
            var type: Located<String>?, target: Located<String>?, since: PartialDate?, until: PartialDate?
            var note: String?, source: String?
            for (key, keyNode, value) in fields {
                switch key {
                case "type": type = requiredString(value, key: key).map { Located($0, at: location(value)) }
                case "target": target = requiredString(value, key: key).map { Located($0, at: location(value)) }
                case "since": since = date(value, key: key)
                case "until": until = date(value, key: key)
                case "note": note = string(value, key: key)
                case "source": source = string(value, key: key)
                default: warning("unknown key '\(key)' in a relation (expected type, target, since, until, note, source)", at: keyNode)
                }
            }
            if !fields.contains(where: { $0.key == "type" }) { error("a relation needs a 'type'", at: item) }
            if !fields.contains(where: { $0.key == "target" }) { error("a relation needs a 'target'", at: item) }
            if let since, let until, until < since {
                error("relation ends ('until: \(until)') before it starts ('since: \(since)')", at: item)
            }
            if let type, let target {
                result.append(RelationDeclaration(
                    type: type, target: target, since: since, until: until, note: note, source: source, location: location(item)))
            }
        }
        return result
    }
}

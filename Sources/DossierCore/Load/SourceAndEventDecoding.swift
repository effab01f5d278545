import Yams

extension YAMLReader {
    mutating func sources(_ node: Node) -> [Source] {
        var result: [Source] = []
        for item in items(node, key: "sources") {
            guard let fields = entries(item, what: "a source") else { continue }
            var id: String?, title: String?, publisher: String?, url: String?, date: PartialDate?
            for (key, keyNode, value) in fields {
                switch key {
                case "id": id = requiredString(value, key: "id")
                case "title": title = requiredString(value, key: "title")
                case "publisher": publisher = string(value, key: key)
                case "url":
                    url = string(value, key: key)
                    if let url { checkLink(url, key: key, at: value) }
                case "date": date = self.date(value, key: key)
                default: warning("unknown key '\(key)' in a source (expected id, title, publisher, url, date)", at: keyNode)
                }
            }
            if title == nil, !fields.contains(where: { $0.key == "title" }) { error("a source needs a 'title'", at: item) }
            if let id, !SlugRules.isValid(id) {
                error("invalid source id '\(id)': use lowercase letters, digits and '-'", at: item)
            }
            if let title, id != nil || !fields.contains(where: { $0.key == "id" }) {
                result.append(Source(id: id, title: title, publisher: publisher, url: url, date: date, location: location(item)))
            }
        }
        var seen: Set<String> = []
        for source in result {
            if let id = source.id, !seen.insert(id).inserted {
                diagnostics.append(.error("duplicate source id '\(id)'", at: source.location))
            }
        }
        return result
    }

    mutating func events(_ node: Node) -> [Event] {
        var result: [Event] = []
        for item in items(node, key: "events") {
            guard let fields = entries(item, what: "an event") else { continue }
            var date: PartialDate?, title: String?, actors: [Located<String>] = [], place: Located<String>?
            var source: String?
            for (key, keyNode, value) in fields {
                switch key {
                case "date": date = self.date(value, key: key)
                case "title": title = requiredString(value, key: key)
                case "actors": actors = locatedStrings(value, key: key)
                case "place": place = string(value, key: key).map { Located($0, at: location(value)) }
                case "source": source = string(value, key: key)
                default: warning("unknown key '\(key)' in an event (expected date, title, actors, place, source)", at: keyNode)
                }
            }
            if !fields.contains(where: { $0.key == "date" }) { error("an event needs a 'date'", at: item) }
            if !fields.contains(where: { $0.key == "title" }) { error("an event needs a 'title'", at: item) }
            if let date, let title {
                result.append(Event(date: date, title: title, actors: actors, place: place, source: source, location: location(item)))
            }
        }
        return result
    }

    /// Checks that every `source:` named by events or relations is a source of this file.
    mutating func checkSourceReferences(_ names: [(String, SourceLocation)], sources: [Source]) {
        let ids = sources.compactMap(\.id)
        for (name, location) in names where !ids.contains(name) {
            diagnostics.append(.error(
                "unknown source '\(name)'\(Suggestion.didYouMean(name, in: ids)); list it under 'sources'", at: location))
        }
    }
}

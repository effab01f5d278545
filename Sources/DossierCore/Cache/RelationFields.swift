/// Every field of a relation that a page or file shows — its type with both labels,
/// its period, note and source — for the keys of what shows a relation at the end
/// that did not declare it: that end reads the relation as the model holds it, not
/// the declaring actor's fingerprint, which an alias edit changes.
enum RelationFields {
    static func combine(_ relation: Relation, into hasher: inout StableHasher) {
        for field in [relation.type.name, relation.type.label, relation.type.inverseLabel] { hasher.combine(field) }
        hasher.combine(relation.type.symmetric)
        for field in [relation.since?.text, relation.until?.text, relation.note] { hasher.combine(field) }
        hasher.combine(relation.source != nil)
        if let source = relation.source {
            for field in [source.id, source.title, source.publisher, source.url, source.date?.text] { hasher.combine(field) }
        }
    }
}

import Foundation

/// Writes `data/entities.json` in two parts, each keyed on what it reads: the actors'
/// array (`AggregateKeys.entitiesActors`, a tenth of the file) and the rest — briefings,
/// events, relations, site (`AggregateKeys.entitiesRest`). An actor's edit others do not
/// see in any page (an alias) still shows here; at 10,000 briefings making the whole
/// 7 MB file again for it cost 80–150 ms of CPU. So the manifest keeps, as the file's
/// inputs, the rest's key and where it lies in the file (`Layout`); a build whose rest
/// has that key makes the actors' array and copies the rest from the previous file,
/// byte for byte. A layout that is missing, damaged or does not describe the previous
/// file as it is on disk makes the whole file.
enum EntitiesExportWriter {
    /// The file's parts as the manifest keeps them: `FORMAT REST_KEY HEAD_LENGTH REST_LENGTH`.
    struct Layout: Equatable {
        static let format = "entities.json parts 1"
        var restKey: String
        /// Bytes of `{"actors":[…]`, where the rest starts.
        var headLength: Int
        var restLength: Int

        var text: String { "\(Self.format)\n\(restKey) \(headLength) \(restLength)" }

        init(restKey: String, headLength: Int, restLength: Int) {
            self.restKey = restKey
            self.headLength = headLength
            self.restLength = restLength
        }

        init?(_ text: String?) {
            guard let lines = text?.split(separator: "\n", omittingEmptySubsequences: false), lines.count == 2, lines[0] == Self.format
            else { return nil }
            let fields = lines[1].split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 3, !fields[0].isEmpty, let head = Int(fields[1]), let rest = Int(fields[2]), head > 0, rest > 0 else { return nil }
            self.init(restKey: String(fields[0]), headLength: head, restLength: rest)
        }
    }

    /// `unchanged`: nothing the file reads changed since the previous build
    /// (`SitePageRekeying.nothingChanged`): the previous file is taken with its layout, unkeyed.
    static func write(
        _ model: SiteModel, urls: SiteURLs, to sink: OutputSink, fingerprints: DocumentFingerprints, unchanged: Bool = false
    ) -> Diagnostic? {
        let path = urls.file(.data("entities.json"))
        let previous = sink.previousOutput(path)
        if unchanged, let previous, sink.reuse(path, madeFrom: previous.key, inputs: previous.inputs) { return nil }
        guard let actorsKey = AggregateKeys.entitiesActors(model, fingerprints: fingerprints),
              let restKey = AggregateKeys.entitiesRest(model, fingerprints: fingerprints) else {
            return SiteRenderer.write(OutputFile(path: path, contents: EntitiesExport.json(model, urls: urls)), to: sink)
        }
        let key = AggregateKeys.entities(actors: actorsKey, rest: restKey)
        if let previous, previous.key == key, sink.reuse(path, madeFrom: key, inputs: previous.inputs) { return nil }
        let carried = previous.flatMap { previous -> (file: String, layout: Layout)? in
            guard let layout = Layout(previous.inputs), layout.restKey == restKey, fileSize(previous.file) == layout.headLength + layout.restLength
            else { return nil }
            return (previous.file, layout)
        }
        do {
            try sink.writeStreamed(path) { stream in
                let head = EntitiesExport.actorsPart(model, urls: urls)
                try stream.append(head)
                let restLength: Int
                if let carried {
                    try stream.append(contentsOf: carried.file, offset: carried.layout.headLength, count: carried.layout.restLength)
                    restLength = carried.layout.restLength
                } else {
                    let rest = EntitiesExport.restPart(model, urls: urls)
                    try rest.withUnsafeBytes { try stream.append($0) }
                    restLength = rest.count
                }
                return StreamedFile.Memo(key: key, inputs: Layout(restKey: restKey, headLength: head.count, restLength: restLength).text)
            }
            return nil
        } catch {
            return .error("\(error)", at: SourceLocation(path: path))
        }
    }

    private static func fileSize(_ path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }
}

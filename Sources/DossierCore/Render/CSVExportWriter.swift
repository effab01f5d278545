import Foundation

/// Writes `data/mentions.csv` into the sink as a stream, one document's rows at a
/// time (131 MB at 10,000 briefings is never held whole), and in a cached build makes
/// only the rows of the documents that changed:
///
/// The file is its header and then each document's rows, one document after another
/// (`CSVExport.mentionRows`). Beside the file the manifest keeps its `RowTable` (as
/// the file's inputs): for each document in order, the key of what its rows are made
/// from (`AggregateKeys.mentionRows`), a hash of their bytes and their length. The
/// next build copies the rows of each document whose key is in the table straight
/// from the previous file, and makes the others. When the rows it made hash as before
/// (a body edit that changed no mention), the file's key (a hash of every document's
/// row hash) is the previous one and the previous file is taken as it is.
enum CSVExportWriter {
    /// Bytes of made rows held back to see whether the file is unchanged; a build that
    /// changes more rows than this streams them instead.
    static let heldBackBytes = 8 << 20

    /// One document's stretch of rows.
    struct Run {
        var document: DocumentID
        var mentions: Range<Int>
        /// `AggregateKeys.mentionRows`; nil when the document has no fingerprint.
        var key: String?
    }

    /// The previous table, row by row, with each document's offset in the file.
    struct RowTable {
        struct Row: Equatable {
            var key: String
            var hash: String
            var length: Int
        }

        static let format = "mentions.csv rows 1"
        var headerLength: Int
        var rows: [Row]

        var text: String {
            var lines = [Self.format, String(headerLength)]
            lines += rows.map { "\($0.key) \($0.hash) \($0.length)" }
            return lines.joined(separator: "\n")
        }

        init(headerLength: Int, rows: [Row]) {
            self.headerLength = headerLength
            self.rows = rows
        }

        init?(_ text: String) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count >= 2, lines[0] == Self.format, let headerLength = Int(lines[1]) else { return nil }
            var rows: [Row] = []
            rows.reserveCapacity(lines.count - 2)
            for line in lines.dropFirst(2) {
                let fields = line.split(separator: " ")
                guard fields.count == 3, let length = Int(fields[2]), length >= 0 else { return nil }
                rows.append(Row(key: String(fields[0]), hash: String(fields[1]), length: length))
            }
            self.init(headerLength: headerLength, rows: rows)
        }

        /// The file's key: what it holds, in order, whatever the rows were made from.
        func fileKey(header: Data) -> String {
            var hasher = StableHasher()
            hasher.combine("data/mentions.csv")
            header.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(headerLength)
            hasher.combine(rows.count)
            for row in rows {
                hasher.combine(row.hash)
                hasher.combine(row.length)
            }
            return hasher.finalize()
        }
    }

    /// Where each key's rows are in the previous file; keys found twice are left out.
    struct PreviousRows {
        var file: String
        var ranges: [String: (offset: Int, row: RowTable.Row)]

        init?(_ previous: PreviousOutput?, header: Data) {
            guard let previous, let inputs = previous.inputs, let table = RowTable(inputs), table.headerLength == header.count else { return nil }
            var ranges: [String: (offset: Int, row: RowTable.Row)] = [:]
            var repeated: Set<String> = []
            var offset = table.headerLength
            for row in table.rows {
                if ranges.updateValue((offset, row), forKey: row.key) != nil { repeated.insert(row.key) }
                offset += row.length
            }
            for key in repeated { ranges[key] = nil }
            // A table that does not describe the file as it is would copy the wrong bytes.
            var status = stat()
            guard stat(previous.file, &status) == 0, Int(status.st_size) == offset else { return nil }
            file = previous.file
            self.ranges = ranges
        }
    }

    /// `changed`: the documents that changed since the previous build, nil if unknown;
    /// none changed: the previous file is taken as it is, its table unread.
    /// `documents`: the model's mentions' stretches, when the caller has them.
    static func write(
        _ model: SiteModel, urls: SiteURLs, path: String, to sink: OutputSink, fingerprints: DocumentFingerprints,
        changed: Set<DocumentID>? = nil, documents mentionDocuments: AggregateKeys.MentionDocuments? = nil
    ) -> Diagnostic? {
        if changed?.isEmpty == true, let previous = sink.previousOutput(path), previous.inputs != nil,
           sink.reuse(path, madeFrom: previous.key, inputs: previous.inputs) { return nil }
        let runs = mentionDocuments.map { self.runs($0, mentionCount: model.mentionList.count, fingerprints: fingerprints) }
            ?? self.runs(model, fingerprints: fingerprints)
        let documents = CSVExport.mentionDocuments(model)
        let header = CSVExport.mentionHeader
        let previous = PreviousRows(sink.previousOutput(path), header: header)
        // Only the documents whose rows are made again decode their mentions (`SiteMentionList`).
        func rows(_ run: Run) -> Data { CSVExport.mentionRows(model.mentionList.slice(run.mentions), documents: documents, urls: urls) }
        func carried(_ run: Run) -> (offset: Int, row: RowTable.Row)? { run.key.flatMap { previous?.ranges[$0] } }

        // Rows made before writing, to see whether the file comes out as it was.
        var made: [Int: Data] = [:]
        if previous != nil {
            var heldBack = 0
            for (position, run) in runs.enumerated() where carried(run) == nil {
                let bytes = rows(run)
                heldBack += bytes.count
                guard heldBack <= heldBackBytes else {
                    made = [:]
                    break
                }
                made[position] = bytes
            }
            if made.count == runs.count(where: { carried($0) == nil }) {
                let table = RowTable(headerLength: header.count, rows: runs.enumerated().map { position, run in
                    if let carried = carried(run) { return RowTable.Row(key: run.key!, hash: carried.row.hash, length: carried.row.length) }
                    return row(run.key, made[position]!)
                })
                if table.rows.allSatisfy({ !$0.key.isEmpty }), sink.reuse(path, madeFrom: table.fileKey(header: header), inputs: table.text) { return nil }
            }
        }

        do {
            try sink.writeStreamed(path) { stream in
                try stream.append(header)
                var tableRows: [RowTable.Row] = []
                tableRows.reserveCapacity(runs.count)
                // Consecutive carried rows are one copy.
                var pendingCopy: (offset: Int, count: Int)?
                func copyPending() throws {
                    guard let copy = pendingCopy, let previous else { return }
                    try stream.append(contentsOf: previous.file, offset: copy.offset, count: copy.count)
                    pendingCopy = nil
                }
                for (position, run) in runs.enumerated() {
                    if let carried = carried(run) {
                        tableRows.append(RowTable.Row(key: run.key!, hash: carried.row.hash, length: carried.row.length))
                        if let copy = pendingCopy, copy.offset + copy.count == carried.offset {
                            pendingCopy = (copy.offset, copy.count + carried.row.length)
                        } else {
                            try copyPending()
                            pendingCopy = (carried.offset, carried.row.length)
                        }
                        continue
                    }
                    try copyPending()
                    let bytes = made.removeValue(forKey: position) ?? rows(run)
                    tableRows.append(row(run.key, bytes))
                    try stream.append(bytes)
                }
                try copyPending()
                guard tableRows.allSatisfy({ !$0.key.isEmpty }) else { return nil }
                let table = RowTable(headerLength: header.count, rows: tableRows)
                return StreamedFile.Memo(key: table.fileKey(header: header), inputs: table.text)
            }
            return nil
        } catch {
            return .error("\(error)", at: SourceLocation(path: path))
        }
    }

    /// Each document's stretch of the model's mentions, in order.
    static func runs(_ model: SiteModel, fingerprints: DocumentFingerprints) -> [Run] {
        // From the model's list of documents, without making the list of mentions (`SiteMentionList`).
        let list = model.mentionList
        return list.documents.indices.map { stretch in
            Run(document: list.documents[stretch], mentions: list.positions(ofStretch: stretch),
                key: AggregateKeys.mentionRows(list.documents[stretch], fingerprints: fingerprints))
        }
    }

    /// `runs(_:fingerprints:)` from the stretches the render stage has already found.
    static func runs(_ documents: AggregateKeys.MentionDocuments, mentionCount: Int, fingerprints: DocumentFingerprints) -> [Run] {
        documents.ids.indices.map { index in
            let end = index + 1 < documents.starts.count ? documents.starts[index + 1] : mentionCount
            return Run(document: documents.ids[index], mentions: documents.starts[index]..<end,
                       key: AggregateKeys.mentionRows(documents.ids[index], fingerprints: fingerprints))
        }
    }

    /// A table row for rows made under `key`; an empty key (no fingerprint) keeps the
    /// whole table from being recorded.
    private static func row(_ key: String?, _ bytes: Data) -> RowTable.Row {
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return RowTable.Row(key: key ?? "", hash: hasher.finalize(), length: bytes.count)
    }
}

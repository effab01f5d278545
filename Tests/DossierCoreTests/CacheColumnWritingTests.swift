import Foundation
import Testing
@testable import DossierCore

/// Columns written straight into the encoder (the model memo's co-mention pairs) and
/// memos stored without copying their body.
@Suite struct CacheColumnWritingTests {
    @Test func aColumnWrittenFromAFunctionIsTheBytesOfTheSameArray() throws {
        let values: [Int32] = [0, 1, -1, .max, .min, 0x0102_0304, 7]
        var fromArray = CacheEncoder()
        fromArray.string("before")
        fromArray.int32s(values)
        var fromFunction = CacheEncoder()
        fromFunction.string("before")
        fromFunction.int32s(count: values.count) { values[$0] }
        #expect(fromArray.bytes == fromFunction.bytes)
        // Little-endian, four bytes a value, after the count.
        #expect(Array(fromArray.bytes.suffix(4 * values.count).prefix(8)) == [0, 0, 0, 0, 1, 0, 0, 0])
        var decoder = CacheDecoder(fromFunction.bytes)
        #expect(try decoder.string() == "before")
        #expect(try decoder.int32s() == values)
    }

    @Test func manyColumnsInARowDecodeInOrder() throws {
        var encoder = CacheEncoder()
        let columns = (0..<40).map { column in (0..<(column * 37)).map { Int32($0 * column - 500) } }
        for column in columns { encoder.int32s(count: column.count) { column[$0] } }
        var decoder = CacheDecoder(encoder.bytes)
        for column in columns { #expect(try decoder.int32s() == column) }
        #expect(decoder.isAtEnd)
    }

    @Test func aMemoStoredFromItsOwnEncoderReadsBackAsOneStoredWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-columns-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(folder: folder)
        var body = CacheEncoder()
        body.string("key")
        body.int32s([3, 4, 5])
        cache.storeMemo(body, kind: "whole", name: "memo")
        var encoder = BuildCache.memoEncoder(kind: "taken", name: "memo")
        encoder.string("key")
        encoder.int32s(count: 3) { Int32($0 + 3) }
        cache.storeMemo(encoded: &encoder, kind: "taken", name: "memo")
        #expect(encoder.bytes.isEmpty, "the bytes were taken, not copied")
        for kind in ["whole", "taken"] {
            var decoder = try #require(cache.memo(kind: kind, name: "memo"), "\(kind) did not read back")
            #expect(try decoder.string() == "key")
            #expect(try decoder.int32s() == [3, 4, 5])
            #expect(decoder.isAtEnd)
        }
    }
}

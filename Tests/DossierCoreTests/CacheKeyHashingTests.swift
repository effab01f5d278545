import Foundation
import Testing
@testable import DossierCore

/// The hashes under the build cache's keys, as made cheaper for a clean build: the
/// hasher's four-lane path for long inputs, render keys over dictionaries without
/// sorting their keys, and link entries whose text and HTML are read once.
@Suite struct CacheKeyHashingTests {
    static func hash(_ bytes: [UInt8]) -> String {
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    // MARK: StableHasher

    /// Long enough for several stripes and a tail: every byte, in a lane or the tail,
    /// reaches the hash.
    @Test func changingAnyOneByteOfALongInputChangesItsHash() {
        let base = (0..<103).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let original = Self.hash(base)
        var seen: Set<String> = [original]
        for position in base.indices {
            var changed = base
            changed[position] ^= 0x01
            seen.insert(Self.hash(changed))
        }
        #expect(seen.count == base.count + 1)
    }

    /// Two words swapped between lanes, or a stripe's words in another order, are
    /// another input.
    @Test func wordsSwappedBetweenLanesGiveAnotherHash() {
        let words: [[UInt8]] = (0..<4).map { word in Array(repeating: UInt8(word + 1), count: 8) }
        let inOrder = words.flatMap { $0 }
        let swapped = [words[1], words[0], words[2], words[3]].flatMap { $0 }
        let rotated = [words[1], words[2], words[3], words[0]].flatMap { $0 }
        #expect(Set([Self.hash(inOrder), Self.hash(swapped), Self.hash(rotated)]).count == 3)
    }

    /// Hashes as the hasher made them with its tail taken a byte at a time: a part-word
    /// tail now read in one load of the input's last word must give the same bits.
    @Test func aTailOfOneToSevenBytesHashesAsItDidByteByByte() {
        let expected: [Int: String] = [
            0: "af2a59084670eb507a56bc4729c7b09e",
            1: "c5b688a6f8b490cfa13dcf91177c0063",
            7: "0a3b2829edb61017e7a11a5c7af4c7d6",
            8: "a5bc7735d3b85baa278f41dea99754de",
            9: "d5b150a2eecefc86cfdb748272c184d9",
            15: "28021c9b7c4fba9505d3461e2fa04310",
            16: "6710944e783c115f1edd74659105014f",
            17: "bf67dcdf6afea91b10e04b3b06449fe8",
            31: "71133fd470dd9b3c43cc36837db7b959",
            32: "7f2db68b60d548216ee1200183f71a4c",
            33: "a11c77c7ff115689a860fad832f69507",
            39: "028b8bab0789d04dafbd15550d8f3e71",
            40: "63356deb36798404266f40192cc89f4b",
            63: "b9dd01a13d6d2623082ed8b220066737",
            71: "13f2fa6e55137d7719a6721ad7540e8f",
        ]
        for (length, hash) in expected {
            #expect(Self.hash((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }) == hash, "length \(length)")
        }
        var hasher = StableHasher()
        hasher.combine("héllo, wörld")
        hasher.combine("ab")
        #expect(hasher.finalize() == "69f49b1dcb33660cfe3171362404cc1e")
    }

    @Test func everyLengthOfZerosHashesApart() {
        let hashes = (0...80).map { Self.hash(Array(repeating: 0, count: $0)) }
        #expect(Set(hashes).count == hashes.count)
    }

    @Test func theChecksumIsTheLowHalfOfTheDigestAndTheDigestIsTheHexHash() {
        var hasher = StableHasher()
        hasher.combine(String(repeating: "passage text ", count: 40))
        let digest = hasher.digest()
        #expect(hasher.checksum() == digest.low)
        let hex = hasher.finalize()
        #expect(hex == String(repeating: "0", count: 16 - String(digest.high, radix: 16).count) + String(digest.high, radix: 16)
            + String(repeating: "0", count: 16 - String(digest.low, radix: 16).count) + String(digest.low, radix: 16))
    }

    // MARK: RenderKey

    static func key(_ context: [String: Any]) -> String? {
        RenderKey.key(template: "page", context: context, templatesFingerprint: "t")
    }

    /// Entries are hashed apart and added: a key stays bound to its own value.
    @Test func valuesSwappedBetweenKeysGiveAnotherKey() {
        let first = Self.key(["title": "A", "summary": "B"])
        let swapped = Self.key(["title": "B", "summary": "A"])
        #expect(first != nil && swapped != nil)
        #expect(first != swapped)
    }

    @Test func anEntryMovedIntoANestedMapGivesAnotherKey() {
        let flat = Self.key(["title": "A", "actor": ["slug": "x"] as [String: Any]])
        let nested = Self.key(["actor": ["slug": "x", "title": "A"] as [String: Any]])
        let emptied = Self.key(["title": "A", "actor": [:] as [String: Any]])
        #expect(Set([flat, nested, emptied].compactMap { $0 }).count == 3)
    }

    @Test func aMapWithAnEntryTwiceOverDiffersFromOneWithout() {
        let one = Self.key(["items": [["a": "1"], ["a": "1"]] as [[String: Any]]])
        let two = Self.key(["items": [["a": "1"]] as [[String: Any]]])
        let none = Self.key(["items": [[:], [:]] as [[String: Any]]])
        #expect(Set([one, two, none].compactMap { $0 }).count == 3)
    }

    /// A value of a type the walk does not name exactly goes through the casts, and
    /// is hashed as the exact type it stands for.
    @Test func optionalsAndGeneralListsKeyLikeTheValuesTheyHold() {
        let text: String? = "A"
        #expect(Self.key(["v": text as Any]) == Self.key(["v": "A"]))
        #expect(Self.key(["v": ["a", "b"] as [Any]]) == Self.key(["v": ["a", "b"] as [String]]))
        #expect(Self.key(["v": [["a": "1"]] as [Any]]) == Self.key(["v": [["a": "1"]] as [[String: Any]]]))
        let number: Int? = 3
        #expect(Self.key(["v": number as Any]) == Self.key(["v": 3]))
        let missing: String? = nil
        #expect(Self.key(["v": missing as Any]) == nil)
    }

    // MARK: LinkedEntryFile

    static func entry(_ document: LinkedDocument) -> LinkedEntryFile {
        LinkedEntryFile(key: "k", namesKey: "n", result: LinkResult(document: document, diagnostics: []))
    }

    @Test func theLinkedFormFollowsTheHTMLAndTheTextEachAlone() throws {
        let document = try SpilledTextTests().link()
        var otherHTML = document
        otherHTML.html = document.html + " "
        var otherText = document
        otherText.text = document.text + " "
        let forms = [document, otherHTML, otherText].map { Self.entry($0).linkedForm }
        #expect(Set(forms).count == 3)
        #expect(Self.entry(document).linkedForm == Self.entry(try SpilledTextTests().link()).linkedForm)
    }

    /// The checksums recorded in the one pass are those the readers check the text
    /// and the HTML against: the entry reads back whole.
    @Test func anEntryWrittenInOnePassReadsBackWithItsTextAndHTML() throws {
        let document = try SpilledTextTests().link()
        let file = Self.entry(document)
        let folder = try makeTemporaryFolder("dossier-entry-one-pass")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("entry").path
        try Data(file.bytes).write(to: URL(fileURLWithPath: path))
        let read = try #require(LinkedEntryFile.read(path: path, key: "k", relink: nil))
        #expect(read.linkedForm == file.linkedForm)
        #expect(read.result.document.html == document.html)
        #expect(read.result.document.text == document.text)
    }
}

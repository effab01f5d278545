import Testing
@testable import DossierCore
@testable import DossierMarkdown

/// The fourteenth round's linker reads each text run's scalars once, from its block's
/// text, and decodes UTF-8 where it lies: each shortcut gives what the string-based
/// code it replaced gave, which is kept here as the reference.
@Suite struct LinkDecodingTests {
    static let texts = [
        "", "Iran", "The Islamic Republic\nof Iran's envoy", "ایـران و ايران‌ها", "東京でIAEAは伊朗和俄罗斯",
        "e\u{301}\u{200D}👩‍👩‍👧 Qatar\nand\tOman", "ÎRAN  iran’s IRAN-iran", String(repeating: "ß\nIran ", count: 300),
    ]

    static let matcher = MentionMatcher(
        names: [("Iran", 0), ("Islamic Republic of Iran", 1), ("ایران", 2), ("伊朗", 3), ("IAEA", 4), ("Qatar", 5), ("Oman", 6)],
        caseSensitive: false)

    @Test(arguments: texts)
    func aRunsScalarsMatchAsItsTextDoes(text: String) {
        // As the block's text holds them: line breaks as spaces, inside a larger buffer.
        let buffer = Array("prefix ".unicodeScalars) + text.unicodeScalars.map { $0 == "\n" ? " " : $0 } + Array(" suffix".unicodeScalars)
        let slice = buffer[7..<(buffer.count - 7)]
        #expect(Self.matcher.matches(in: slice) == Self.matcher.matches(in: text))
    }

    @Test(arguments: texts)
    func aBlocksTextIsItsRunsScalarsWithLineBreaksAsSpaces(text: String) throws {
        // A backslash or star would make markup; these texts hold none.
        let document = MarkdownParser.parse("Before " + text + " after\n")
        let expected = Array(("Before " + text + " after").unicodeScalars.map { $0 == "\n" ? " " : $0 })
        let block = try #require(document.blocks.first)
        #expect(Array(block.plainTextScalars) == expected)
        for run in document.textRuns {
            let scalars = try #require(run.plainTextScalars)
            #expect(Array(scalars) == run.text.unicodeScalars.map { $0 == "\n" ? " " : $0 })
            #expect(Array(PlainText.scalars(of: run)) == Array(run.text.unicodeScalars))
        }
    }

    @Test func aRunOutsideEveryBlockHasNoScalarsAndIsDecoded() throws {
        // A tight list's paragraph is no block, but its item is; an HTML block holds no run.
        let document = MarkdownParser.parse("- Iran\n- Qatar\n")
        #expect(document.textRuns.allSatisfy { $0.plainTextScalars != nil })
        let run = MarkdownTextRun(index: 0, text: "Iran\nand Oman", blockIndex: nil, offsetInBlock: 0, isLinkable: true,
                                  isInFootnote: false, line: 1, column: 1)
        #expect(Array(PlainText.scalars(of: run)) == Array("Iran\nand Oman".unicodeScalars))
    }

    @Test func aNameAcrossALineBreakKeepsTheBreakInItsLink() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Test
        -- content/actors/iran.md --
        ---
        title: Islamic Republic of Iran
        kind: state
        ---
        """)
        defer { project.remove() }
        let (index, _) = EntityIndexer.build(ProjectLoader.load(root: project.root))
        let markdown = "Talks with the Islamic Republic\nof Iran began.\n"
        let (linked, _) = DocumentLinker.link(
            MarkdownParser.parse(markdown), id: DocumentID(.briefing, "b"), path: "content/briefings/b.md",
            body: Body(text: markdown, firstLine: 1), index: index, settings: LinkSettings(mode: .all, urlStyle: .disk))
        #expect(linked.mentions.map(\.text) == ["Islamic Republic\nof Iran"])
        #expect(linked.html.contains(">Islamic Republic\nof Iran</a> began."))
    }

    @Test(arguments: texts)
    func theNameFilterIsTheOneTheDecodedStringGives(text: String) {
        var text = text
        #expect(text.withUTF8 { NameSignature.of(text: $0) } == Self.referenceSignature(Array(text.utf8)))
    }

    @Test func theNameFilterReadsIllFormedBytesAsTheStringDecoderDoes() {
        let cases: [[UInt8]] = [
            [0x49, 0xFF, 0x72, 0x61, 0x6E], [0xE6, 0x9D, 0x49, 0x72], [0xF0, 0x9F, 0x98], [0xC0, 0xAF, 0x41],
            [0xED, 0xA0, 0x80, 0x41], Array("Iran".utf8) + [0xE2, 0x80] + Array("Oman".utf8),
        ]
        for bytes in cases {
            let signature = bytes.withUnsafeBufferPointer { NameSignature.of(text: $0) }
            #expect(signature == Self.referenceSignature(bytes), "\(bytes)")
        }
    }

    /// The filter as it was made before: through a decoded string.
    static func referenceSignature(_ bytes: [UInt8]) -> [UInt8] {
        var bits = [UInt8](repeating: 0, count: NameSignature.byteCount)
        func set(_ slot: Int) { bits[slot >> 3] |= 1 << UInt8(slot & 7) }
        var previous: UInt32?
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let value = NameFolding.fold(scalar, caseSensitive: false)
            if value == NameFolding.transparent { continue }
            set(NameSignature.slot(single: value))
            if let previous { set(NameSignature.slot(previous, value)) }
            previous = value
        }
        return bits
    }
}

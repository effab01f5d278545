import Testing
@testable import DossierCore

/// Names in every script (issue 15, item 2): in scripts written without spaces a
/// name is found inside a run of letters; in Arabic script the letters people type
/// either way fold together; spaced scripts keep their word boundaries. Every case
/// is a short factual sentence in its language.
@Suite struct ScriptMatchingTests {
    /// The matched texts, each with its owner's first name, read from the original
    /// text at the offsets the matcher returned.
    func find(_ text: String, _ names: [[String]], caseSensitive: Bool = true) -> [String] {
        var entries: [(name: String, owner: Int)] = []
        for (owner, spellings) in names.enumerated() {
            for spelling in spellings { entries.append((spelling, owner)) }
        }
        let matcher = MentionMatcher(names: entries, caseSensitive: caseSensitive)
        let scalars = Array(text.unicodeScalars)
        return matcher.matches(in: text).map { match in
            String(String.UnicodeScalarView(scalars[match.start..<match.end])) + "→" + names[match.owner][0]
        }
    }

    // MARK: Unspaced scripts

    @Test func chineseNamesAreFoundInsideARunOfHan() {
        #expect(find("伊朗和俄罗斯签署了条约", [["伊朗"], ["俄罗斯"]]) == ["伊朗→伊朗", "俄罗斯→俄罗斯"])
        let sentence = "2025年1月17日，伊朗和俄罗斯在莫斯科签署了为期二十年的全面战略伙伴关系条约。"
        #expect(find(sentence, [["伊朗"], ["俄罗斯"], ["莫斯科"]]) == ["伊朗→伊朗", "俄罗斯→俄罗斯", "莫斯科→莫斯科"])
        #expect(find("沙特阿拉伯受邀加入金砖国家，中国已是成员。", [["沙特阿拉伯", "沙特"], ["金砖国家"], ["中国"]])
            == ["沙特阿拉伯→沙特阿拉伯", "金砖国家→金砖国家", "中国→中国"])
    }

    @Test func theLongestChineseNameWinsInsideARun() {
        #expect(find("中国是上海合作组织的成员国。", [["中国"], ["上海合作组织"], ["上海"]]) == ["中国→中国", "上海合作组织→上海合作组织"])
    }

    @Test func japaneseNamesAreFoundBetweenKanaAndKanji() {
        let sentence = "イランとロシアは2025年1月、モスクワで包括的戦略パートナーシップ条約に署名した。"
        #expect(find(sentence, [["イラン"], ["ロシア"], ["モスクワ"]]) == ["イラン→イラン", "ロシア→ロシア", "モスクワ→モスクワ"])
        #expect(find("中国は上海協力機構の加盟国である。", [["中国"], ["上海協力機構"]]) == ["中国→中国", "上海協力機構→上海協力機構"])
        // The longer name wins where Katakana runs into Han.
        #expect(find("ロシア連邦はイランと条約を結んだ。", [["ロシア", "ロシア連邦"], ["イラン"]]) == ["ロシア連邦→ロシア", "イラン→イラン"])
    }

    @Test func latinNamesAreFoundNextToUnspacedScripts() {
        // Japanese and Chinese write Latin abbreviations without spaces around them.
        #expect(find("イランはIAEAとの協力を停止した。", [["IAEA"], ["イラン"]]) == ["イラン→イラン", "IAEA→IAEA"])
        #expect(find("伊朗与IAEA达成协议", [["IAEA"]]) == ["IAEA→IAEA"])
        // Between two Latin letters the word rule still holds.
        #expect(find("伊朗与IAEAX达成协议", [["IAEA"]]) == [])
    }

    @Test func thaiNamesAreFoundInsideARunOfThai() {
        let sentence = "อิหร่านและรัสเซียลงนามสนธิสัญญาหุ้นส่วนยุทธศาสตร์ที่กรุงมอสโกเมื่อเดือนมกราคม 2025"
        #expect(find(sentence, [["อิหร่าน"], ["รัสเซีย"], ["มอสโก"]]) == ["อิหร่าน→อิหร่าน", "รัสเซีย→รัสเซีย", "มอสโก→มอสโก"])
        #expect(find("จีนเป็นสมาชิกขององค์การความร่วมมือเซี่ยงไฮ้", [["จีน"], ["องค์การความร่วมมือเซี่ยงไฮ้"]])
            == ["จีน→จีน", "องค์การความร่วมมือเซี่ยงไฮ้→องค์การความร่วมมือเซี่ยงไฮ้"])
    }

    @Test func laoNamesAreFoundInsideARunOfLao() {
        #expect(find("ອີຣານແລະລັດເຊຍໄດ້ລົງນາມສົນທິສັນຍາໃນປີ 2025", [["ອີຣານ"], ["ລັດເຊຍ"]]) == ["ອີຣານ→ອີຣານ", "ລັດເຊຍ→ລັດເຊຍ"])
        #expect(find("ປະເທດຈີນເປັນຄູ່ຮ່ວມມືຍຸດທະສາດຂອງລັດເຊຍ", [["ຈີນ"], ["ລັດເຊຍ"]]) == ["ຈີນ→ຈີນ", "ລັດເຊຍ→ລັດເຊຍ"])
    }

    @Test func khmerNamesAreFoundInsideARunOfKhmer() {
        let sentence = "អ៊ីរ៉ង់និងរុស្ស៊ីបានចុះហត្ថលេខាលើសន្ធិសញ្ញាភាពជាដៃគូយុទ្ធសាស្ត្រនៅទីក្រុងមូស្គូ"
        #expect(find(sentence, [["អ៊ីរ៉ង់"], ["រុស្ស៊ី"], ["មូស្គូ"]]) == ["អ៊ីរ៉ង់→អ៊ីរ៉ង់", "រុស្ស៊ី→រុស្ស៊ី", "មូស្គូ→មូស្គូ"])
        #expect(find("ប្រទេសចិនជាសមាជិកនៃអង្គការសហប្រតិបត្តិការសៀងហៃ", [["ចិន"]]) == ["ចិន→ចិន"])
    }

    @Test func myanmarNamesAreFoundInsideARunOfMyanmar() {
        let sentence = "အီရန်နှင့်ရုရှားတို့သည် မော်စကိုမြို့တွင် မဟာဗျူဟာမိတ်ဖက်စာချုပ်ကို လက်မှတ်ရေးထိုးခဲ့ကြသည်။"
        #expect(find(sentence, [["အီရန်"], ["ရုရှား"], ["မော်စကို"]]) == ["အီရန်→အီရန်", "ရုရှား→ရုရှား", "မော်စကို→မော်စကို"])
        #expect(find("တရုတ်နိုင်ငံသည် ရှန်ဟိုင်းပူးပေါင်းဆောင်ရွက်ရေးအဖွဲ့၏ အဖွဲ့ဝင်ဖြစ်သည်။", [["တရုတ်"]]) == ["တရုတ်→တရုတ်"])
    }

    @Test func aNameNeverCutsAWrittenSyllable() {
        // Thai: not before a vowel or tone mark (กรุงเทพ), not after a vowel written before its consonant (เกาหลี).
        #expect(find("กรุงเทพเป็นเมืองหลวงของไทย", [["กร"], ["ไทย"]]) == ["ไทย→ไทย"])
        #expect(find("เกาหลีเหนือลงนามสนธิสัญญากับรัสเซีย", [["กา"], ["รัสเซีย"]]) == ["รัสเซีย→รัสเซีย"])
        // Khmer: not after the coeng, which puts the next consonant beneath (រុស្ស៊ី).
        #expect(find("រុស្ស៊ី", [["ស៊ី"]]) == [])
        // Myanmar: not after the virama that stacks consonants (မန္တလေး, Mandalay).
        #expect(find("မန္တလေးမြို့", [["တလေး"]]) == [])
        #expect(find("မန္တလေးမြို့", [["မန္တလေး"]]) == ["မန္တလေး→မန္တလေး"])
        // Japanese: not before a combining voicing mark (バ written as ハ and ゙).
        #expect(find("ハ\u{3099}ク", [["ハ"]]) == [])
    }

    // MARK: Arabic script

    @Test func persianNamesMatchTextTypedWithArabicLetters() {
        let names = [["ایران"], ["روسیه"], ["مسکو"], ["پیمان مشارکت راهبردی جامع"]]
        let persian = "ایران و روسیه در ژانویهٔ ۲۰۲۵ در مسکو پیمان مشارکت راهبردی جامع را امضا کردند."
        let arabicKeyboard = "ايران و روسيه در ژانويهٔ ۲۰۲۵ در مسكو پيمان مشاركت راهبردي جامع را امضا كردند."
        #expect(find(persian, names) == ["ایران→ایران", "روسیه→روسیه", "مسکو→مسکو", "پیمان مشارکت راهبردی جامع→پیمان مشارکت راهبردی جامع"])
        // The linked text is what the author typed, not the folded form.
        #expect(find(arabicKeyboard, names) == ["ايران→ایران", "روسيه→روسیه", "مسكو→مسکو", "پيمان مشاركت راهبردي جامع→پیمان مشارکت راهبردی جامع"])
    }

    @Test func arabicNamesMatchTextTypedWithPersianLetters() {
        let names = [["المملكة العربية السعودية", "السعودية"], ["بريكس"], ["مصطفى مدبولي"], ["مصر"]]
        #expect(find("أعلنت المملكة العربية السعودية أنها تدرس الانضمام إلى بريكس.", names)
            == ["المملكة العربية السعودية→المملكة العربية السعودية", "بريكس→بريكس"])
        #expect(find("عربستان سعودی: السعودیة در بریکس", names) == ["السعودیة→المملكة العربية السعودية", "بریکس→بريكس"])
        // Alef maksura and Persian yeh are one letter for matching: مصطفى / مصطفی.
        #expect(find("مصطفی مدبولی نخست‌وزیر مصر است.", names) == ["مصطفی مدبولی→مصطفى مدبولي", "مصر→مصر"])
    }

    @Test func zeroWidthNonJoinerIsOptional() {
        let agency = ["آژانس بین‌المللی انرژی اتمی"]
        #expect(find("ایران با آژانس بین‌المللی انرژی اتمی توافق کرد.", [agency]) == ["آژانس بین‌المللی انرژی اتمی→آژانس بین‌المللی انرژی اتمی"])
        #expect(find("ایران با آژانس بینالمللی انرژی اتمی توافق کرد.", [agency]) == ["آژانس بینالمللی انرژی اتمی→آژانس بین‌المللی انرژی اتمی"])
        // And a name typed without it finds text written with it.
        #expect(find("آژانس بین‌المللی انرژی اتمی", [["آژانس بینالمللی انرژی اتمی"]]).count == 1)
    }

    @Test func tatweelIsIgnoredAndKeptInTheLinkedText() {
        #expect(find("پیمان ایـــران و روسیه", [["ایران"], ["روسیه"]]) == ["ایـــران→ایران", "روسیه→روسیه"])
    }

    @Test func persianWordBoundariesStillHold() {
        // "ایرانی" is "Iranian", "ایران‌ها" a plural: neither is the name, as "Iranian" is not "Iran".
        #expect(find("دولت ایرانی و ایران‌ها", [["ایران"]]) == [])
        #expect(find("تـایران ایران", [["ایران"]]) == ["ایران→ایران"])
    }

    @Test func noSilentFoldingOfOtherArabicLetters() {
        // Hamza forms and vowel marks are letters of their own: إيران is not ایران unless listed.
        #expect(find("وقعت إيران معاهدة مع روسيا", [["ایران"], ["روسيا"]]) == ["روسيا→روسيا"])
        #expect(find("إيرانَ", [["إيران"]]) == [])
    }

    @Test func offsetsPointIntoTheOriginalText() {
        let text = "در‌باره ایـران و آژانس بین‌المللی"
        let matcher = MentionMatcher(names: [("ایران", 0), ("آژانس بینالمللی", 1)], caseSensitive: true)
        let scalars = Array(text.unicodeScalars)
        let found = matcher.matches(in: text)
        #expect(found.count == 2)
        for match in found {
            let original = String(String.UnicodeScalarView(scalars[match.start..<match.end]))
            #expect(original == (match.owner == 0 ? "ایـران" : "آژانس بین‌المللی"))
        }
        #expect(found.first?.start == 8)
    }

    // MARK: Spaced scripts keep their rules

    @Test func cyrillicKeepsWordBoundaries() {
        #expect(find("Иран и Россия подписали договор в Москве.", [["Иран"], ["Россия"], ["Москва"]]) == ["Иран→Иран", "Россия→Россия"])
        #expect(find("позиция Ирана", [["Иран"]]) == [])
    }

    @Test func foldedVariantsAreOneNameInTheIndex() {
        #expect(NameFolding.key("ايران", caseSensitive: true) == NameFolding.key("ایران", caseSensitive: true))
        #expect(NameFolding.key("بين‌المللي", caseSensitive: true) == NameFolding.key("بینالمللی", caseSensitive: true))
        #expect(NameFolding.key("Cote", caseSensitive: true) != NameFolding.key("Côte", caseSensitive: true))
    }

    @Test func aliasesThatDifferOnlyInFoldedLettersAreOneName() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Desk
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        aliases: ["ایران", "ايران"]
        ---
        -- content/actors/persia.md --
        ---
        title: Persia
        kind: state
        aliases: ["اي‌ران"]
        ---
        """)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        let diagnostics = (loaded.diagnostics + EntityIndexer.build(loaded).diagnostics).sorted().lines
        #expect(diagnostics == [
            "content/actors/iran.md:4:20: warning: alias 'ايران' repeats a name of this actor",
            "content/actors/persia.md:4:11: error: the alias 'اي‌ران' of 'persia' is also an alias of 'iran' (content/actors/iran.md); remove one, or set 'autolink: false' on one of them",
        ])
    }

    @Test func theFoldingTablesDescribeTheFolding() {
        for (variant, folded) in NameFolding.arabicLetterVariants {
            #expect(NameFolding.fold(Unicode.Scalar(variant)!, caseSensitive: true) == folded)
            #expect(NameFolding.fold(Unicode.Scalar(folded)!, caseSensitive: true) == folded)
        }
        for scalar in NameFolding.transparentScalars {
            #expect(NameFolding.fold(Unicode.Scalar(scalar)!, caseSensitive: false) == NameFolding.transparent)
        }
    }
}

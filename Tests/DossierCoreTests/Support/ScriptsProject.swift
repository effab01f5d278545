/// A project whose actors carry their names in nine scripts and whose briefings are
/// short factual texts in Chinese, Japanese, Thai, Lao, Khmer, Myanmar, Persian (partly
/// typed with Arabic letters, as when copied from an Arabic source) and Arabic.
/// Shared by the linking and the in-browser search tests of issue 15.
enum ScriptsProject {
    static let text = """
    -- dossier.yml --
    title: Desk
    language: en
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: ["ایران", "إيران", "Иран", "伊朗", "イラン", "อิหร่าน", "ອີຣານ", "អ៊ីរ៉ង់", "အီရန်"]
    summary: A West Asian state.
    ---
    A West Asian state.
    -- content/actors/russia.md --
    ---
    title: Russia
    kind: state
    aliases: ["روسیه", "روسيا", "Россия", "俄罗斯", "ロシア", "รัสเซีย", "ລັດເຊຍ", "រុស្ស៊ី", "ရုရှား"]
    ---
    A Eurasian state.
    -- content/actors/china.md --
    ---
    title: China
    kind: state
    aliases: ["چین", "الصين", "中国", "จีน", "ຈີນ", "ចិន", "တရုတ်"]
    ---
    An East Asian state.
    -- content/actors/saudi-arabia.md --
    ---
    title: Saudi Arabia
    kind: state
    aliases: ["عربستان سعودی", "المملكة العربية السعودية", "沙特阿拉伯", "サウジアラビア"]
    ---
    A Gulf state.
    -- content/actors/moscow.md --
    ---
    title: Moscow
    kind: place
    aliases: ["مسکو", "موسكو", "Москва", "莫斯科", "モスクワ", "มอสโก", "មូស្គូ", "မော်စကို"]
    ---
    Capital of Russia.
    -- content/briefings/zh-treaty.md --
    ---
    title: 伊朗与俄罗斯的条约
    date: 2025-01-20
    language: zh
    summary: 一项为期二十年的伙伴关系。
    ---
    2025年1月17日，伊朗和俄罗斯在莫斯科签署了为期二十年的全面战略伙伴关系条约。条约没有共同防御条款。

    沙特阿拉伯受邀加入金砖国家，中国已是成员。
    -- content/briefings/zh-energy.md --
    ---
    title: 中国的能源进口
    date: 2025-02-01
    language: zh
    summary: 石油贸易。
    ---
    中国从沙特阿拉伯和伊朗进口石油。
    -- content/briefings/ja-treaty.md --
    ---
    title: イランとロシアの条約
    date: 2025-01-21
    language: ja
    ---
    イランとロシアは2025年1月、モスクワで包括的戦略パートナーシップ条約に署名した。中国は上海協力機構の加盟国である。
    -- content/briefings/th-treaty.md --
    ---
    title: สนธิสัญญาอิหร่าน–รัสเซีย
    date: 2025-01-22
    language: th
    ---
    อิหร่านและรัสเซียลงนามสนธิสัญญาหุ้นส่วนยุทธศาสตร์ที่กรุงมอสโกเมื่อเดือนมกราคม 2025
    -- content/briefings/lo-treaty.md --
    ---
    title: ສົນທິສັນຍາ
    date: 2025-01-23
    language: lo
    ---
    ອີຣານແລະລັດເຊຍໄດ້ລົງນາມສົນທິສັນຍາໃນປີ 2025 ປະເທດຈີນເປັນຄູ່ຮ່ວມມືຍຸດທະສາດຂອງລັດເຊຍ
    -- content/briefings/km-treaty.md --
    ---
    title: សន្ធិសញ្ញា
    date: 2025-01-24
    language: km
    ---
    អ៊ីរ៉ង់និងរុស្ស៊ីបានចុះហត្ថលេខាលើសន្ធិសញ្ញាភាពជាដៃគូយុទ្ធសាស្ត្រនៅទីក្រុងមូស្គូ។ ប្រទេសចិនជាសមាជិកនៃអង្គការសហប្រតិបត្តិការសៀងហៃ។
    -- content/briefings/my-treaty.md --
    ---
    title: စာချုပ်
    date: 2025-01-25
    language: my
    ---
    အီရန်နှင့်ရုရှားတို့သည် မော်စကိုမြို့တွင် မဟာဗျူဟာမိတ်ဖက်စာချုပ်ကို လက်မှတ်ရေးထိုးခဲ့ကြသည်။ တရုတ်နိုင်ငံသည် ရှန်ဟိုင်းပူးပေါင်းဆောင်ရွက်ရေးအဖွဲ့၏ အဖွဲ့ဝင်ဖြစ်သည်။
    -- content/briefings/fa-treaty.md --
    ---
    title: پیمان ایران و روسیه
    date: 2025-01-26
    language: fa
    summary: پیمانی بیست‌ساله.
    ---
    ايران و روسيه در ژانویهٔ ۲۰۲۵ در مسكو پیمان مشارکت راهبردی جامع را امضا کردند.

    این پیمان همکاری نظامی را گسترش می‌دهد اما بند دفاع متقابل ندارد. چین نیز شریک هر دو کشور است.
    -- content/briefings/ar-treaty.md --
    ---
    title: معاهدة إيران وروسيا
    date: 2025-01-27
    language: ar
    ---
    وقعت إيران معاهدة شراكة استراتيجية مع روسيا في موسكو. وتقيم المملكة العربية السعودية علاقات وثيقة مع الصين.
    """
}

import CasesModel
import Kernel
import Testing

@Suite struct FormValidationTests {
    let schema = FormSchema(fields: [
        FormField(key: "name", label: "申请人姓名"),
        FormField(key: "area", label: "经营场所面积", type: .number, minimum: 1, maximum: 10000),
        FormField(key: "opened", label: "开业日期", type: .date, required: false),
        FormField(key: "kind", label: "经营类别", type: .choice, options: ["食品销售", "餐饮服务"]),
        FormField(key: "idNumber", label: "法定代表人身份证号", type: .idNumber),
        FormField(key: "phone", label: "联系电话", type: .phone),
        FormField(key: "creditCode", label: "统一社会信用代码", type: .creditCode),
        FormField(key: "delivery", label: "是否邮寄", type: .flag),
        FormField(key: "note", label: "备注", type: .multiline, required: false),
        FormField(key: "short", label: "简称", required: false, maxLength: 5),
    ])
    let today = Self.day("2026-03-01")
    let valid: FormData = [
        "name": "张三", "area": "120.5", "opened": "2026-02-14", "kind": "餐饮服务", "idNumber": "130102199003070011",
        "phone": "13800138000", "creditCode": "91130102MA0CXXXX1J", "delivery": "true", "note": "第一行\n第二行\t缩进",
        "short": "张记",
    ]

    @Test func acceptsACompleteForm() {
        // Act
        let problems = schema.validate(valid, today: today)
        let withoutOptional = schema.validate(
            valid.filter { !["opened", "note", "short"].contains($0.key) }, today: today)

        // Verify
        #expect(problems == [])
        #expect(withoutOptional == [])
        #expect(schema.validate(valid) == [])  // today's date: every birth date above lies in the past
    }

    @Test func requiredFieldsMustBeFilledIn() {
        // Setup: one missing, one blank, one only whitespace and line breaks.
        var data = valid
        data["name"] = nil
        data["kind"] = ""
        data["phone"] = "  \n "
        data["opened"] = "   "

        // Act
        let problems = schema.validate(data, today: today)

        // Verify: a blank optional field is fine.
        #expect(
            problems == [
                FieldProblem(key: "name", message: "请填写申请人姓名"),
                FieldProblem(key: "kind", message: "请填写经营类别"),
                FieldProblem(key: "phone", message: "请填写联系电话"),
            ])
    }

    @Test func unknownKeysComeLastAndSorted() {
        // Setup
        var data = valid
        data["zeta"] = "1"
        data["alpha"] = "2"
        data["area"] = "abc"

        // Act
        let problems = schema.validate(data, today: today)

        // Verify
        #expect(problems.map(\.key) == ["area", "alpha", "zeta"])
        #expect(problems.dropFirst().allSatisfy { $0.message.contains("未知字段") })
    }

    @Test func problemsFollowFieldOrder() {
        // Setup: break fields from last to first.
        var data = valid
        data["short"] = "一二三四五六"
        data["delivery"] = "yes"
        data["phone"] = "123"
        data["name"] = nil

        // Act
        let problems = schema.validate(data, today: today)

        // Verify
        #expect(problems.map(\.key) == ["name", "phone", "delivery", "short"])
    }

    @Test(arguments: [
        ("一二三四五", true), ("  一二三四五  ", true), ("一二三四五六", false), ("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", true),
    ])
    func explicitMaxLengthCountsCharacters(text: String, accepted: Bool) {
        // Act
        let problems = problems(of: "short", text)

        // Verify
        #expect(problems.isEmpty == accepted)
        #expect(accepted || problems.first?.message == "简称最多5个字，现在是6个字。")
    }

    @Test(arguments: [("name", 500), ("note", 2000)])
    func defaultMaxLengthDependsOnTheType(key: String, limit: Int) {
        // Act
        let atLimit = problems(of: key, String(repeating: "字", count: limit))
        let over = problems(of: key, String(repeating: "字", count: limit + 1))

        // Verify
        #expect(atLimit.isEmpty)
        #expect(over.first?.message.contains("最多\(limit)个字") == true)
    }

    @Test(arguments: ["1", "12", "120.5", "10000", " 99 ", "0001.50"])
    func acceptsDecimalNumbersInRange(text: String) {
        // Verify
        #expect(problems(of: "area", text).isEmpty)
    }

    @Test(arguments: ["12abc", "1e3", "1,000", ".5", "5.", "--1", "+1", "1.2.3", "１２", "NaN", "inf", "- 1"])
    func refusesWhatIsNotADecimal(text: String) {
        // Verify
        #expect(problems(of: "area", text).first?.message == "经营场所面积应为数字，如 12 或 12.5。")
    }

    @Test(arguments: [("0.5", "经营场所面积不能小于1。"), ("-3", "经营场所面积不能小于1。"), ("10000.01", "经营场所面积不能大于10000。")])
    func refusesNumbersOutOfRange(text: String, message: String) {
        // Verify
        #expect(problems(of: "area", text).first?.message == message)
    }

    @Test(arguments: [("2024-02-29", true), ("2026-02-29", false), ("2026-2-1", false), ("2026/02/01", false)])
    func datesMustBeRealDays(text: String, accepted: Bool) {
        // Verify
        #expect(problems(of: "opened", text).isEmpty == accepted)
    }

    @Test(arguments: [("食品销售", true), ("餐饮服务", true), ("其他", false), ("食品", false)])
    func choicesMustBeOptions(text: String, accepted: Bool) {
        // Verify
        #expect(problems(of: "kind", text).isEmpty == accepted)
    }

    @Test(arguments: [
        ("130102199003070011", true), ("13010219880315004x", true), ("130102199003070012", false),
        ("13010219900307001", false),
    ])
    func idNumbersAreCheckedByGB11643(text: String, accepted: Bool) {
        // Act
        let problems = problems(of: "idNumber", text)

        // Verify: the message names the field and keeps the Kernel's explanation.
        #expect(problems.isEmpty == accepted)
        #expect(accepted || problems.first?.message.hasPrefix("法定代表人身份证号：身份证号") == true)
    }

    @Test func idNumberBirthDatesAreJudgedAgainstToday() {
        // Setup
        var data = valid
        data["idNumber"] = "110105200002290021"

        // Act
        let before = schema.validate(data, today: Self.day("1999-12-31"))
        let after = schema.validate(data, today: Self.day("2000-02-29"))

        // Verify
        #expect(before.map(\.key) == ["idNumber"])
        #expect(after.isEmpty)
    }

    @Test(arguments: [
        ("13800138000", true), ("19912345678", true), ("12800138000", false), ("1380013800", false),
        ("138001380001", false), ("+8613800138000", false), ("1380013800a", false), ("１3800138000", false),
    ])
    func phonesAreMainlandMobileNumbers(text: String, accepted: Bool) {
        // Verify
        #expect(problems(of: "phone", text).isEmpty == accepted)
    }

    @Test(arguments: [
        ("91130102MA0CXXXX1J", true), ("91130102ma0cxxxx1j", true), ("91130102MA0CXXXX1K", false),
        ("91130102MA0CXXXX1", false),
    ])
    func creditCodesAreCheckedByGB32100(text: String, accepted: Bool) {
        // Act
        let problems = problems(of: "creditCode", text)

        // Verify
        #expect(problems.isEmpty == accepted)
        #expect(accepted || problems.first?.message.hasPrefix("统一社会信用代码：") == true)
    }

    @Test(arguments: [("true", true), ("false", true), ("True", false), ("yes", false), ("1", false)])
    func flagsAreTrueOrFalse(text: String, accepted: Bool) {
        // Verify
        #expect(problems(of: "delivery", text).isEmpty == accepted)
    }

    @Test(arguments: [
        ("name", "张\u{0007}三"), ("name", "张三\u{0000}"), ("name", "第一行\n第二行"), ("note", "备注\u{001B}[31m"),
        ("kind", "餐饮服务\u{007F}"), ("short", "a\u{0085}b"),
    ])
    func controlCharactersAreRefused(key: String, text: String) {
        // Act
        let problems = problems(of: key, text)

        // Verify
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("控制字符") == true)
    }

    // MARK: helpers

    private func problems(of key: String, _ value: String) -> [FieldProblem] {
        var data = valid
        data[key] = value
        return schema.validate(data, today: today)
    }

    private static func day(_ text: String) -> CalendarDay {
        try! CalendarDay(parsing: text)
    }
}

import CatalogModel
import Foundation
import Kernel
import Testing

@testable import CasesModel

/// The process files shipped with `Cases`, and a small valid file that tests break one rule at a time.
enum ProcessFixtures {
    /// The bytes of a shipped process file, found from this source file.
    static func resource(_ name: String) throws -> Data {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try Data(contentsOf: root.appendingPathComponent("Sources/Cases/Resources/processes/\(name)"))
    }

    /// A shipped process file, loaded.
    static func load(_ name: String) throws -> ProcessDefinition {
        try ProcessDefinitionLoader.load(try resource(name), source: name)
    }

    /// A valid file using every feature, one step per line so that edits can target one step.
    static let base = """
        {"format": "zhengtong.process/1", "id": "test", "revision": 1, "name": "测试流程", "items": [],
         "form": {"fields": [
          {"key": "area", "label": "面积", "type": "number"},
          {"key": "kind", "label": "类别", "type": "choice", "options": ["甲", "乙"]}
         ]},
         "steps": [
          {"id": "receive", "kind": "receive", "name": "收件", "actor": {"permission": "cases.intake"}},
          {"id": "accept", "kind": "accept", "name": "受理", "actor": {"permission": "cases.intake"}},
          {"id": "review", "kind": "review", "name": "审查", "actor": {"permission": "cases.handle"},
           "next": [{"to": "joint", "when": {"field": "area", "op": "gt", "values": ["500"]}}, {"to": "decide"}]},
          {"id": "joint", "kind": "review", "name": "联审", "actor": {"permission": "cases.handle"},
           "signing": "all", "branches": [
            {"id": "b1", "name": "甲科", "actor": {"permission": "cases.handle"}},
            {"id": "b2", "name": "乙科", "actor": {"permission": "cases.handle"}}]},
          {"id": "decide", "kind": "decide", "name": "决定", "actor": {"permission": "cases.approve"},
           "returnTo": ["review"], "timeLimit": {"days": 5, "unit": "workingDays"}},
          {"id": "conclude", "kind": "conclude", "name": "办结",
           "actor": {"permission": "cases.handle", "department": "SJZ-SCJGJ"}}
         ]}
        """

    /// The error detail of `base` with each pair's text replaced, or nil when the file still loads.
    static func problems(_ edits: [(String, String)]) -> String? {
        var text = base
        for (old, new) in edits {
            text = text.replacingOccurrences(of: old, with: new)
        }
        do throws(DomainError) {
            _ = try ProcessDefinitionLoader.load(Data(text.utf8), source: "test.json")
            return nil
        } catch {
            return error.detail
        }
    }
}

@Suite struct ProcessDefinitionLoaderTests {
    @Test func loadsTheDefaultProcess() throws {
        let definition = try ProcessFixtures.load("default.json")

        #expect(definition.id == "default")
        #expect(definition.itemCodes.isEmpty)
        #expect(definition.steps.map(\.kind) == [.receive, .accept, .review, .decide, .conclude])
        #expect(definition.step("review")?.actor == StepActor(permission: "cases.handle"))
        #expect(definition.step("review")?.signing == .single)
        #expect(definition.form.field("remarks")?.required == false)
        #expect(definition.form.field("applicantName")?.maxLength == 50)
        #expect(definition.step("accept")?.timeLimit == TimeLimit(days: 5, unit: .workingDays))
    }

    @Test func loadsTheFoodBusinessPermitProcess() throws {
        let definition = try ProcessFixtures.load("food-business-permit.json")

        #expect(definition.itemCodes == ["111301000000135718300011100800001"])
        let inspection = try #require(definition.step("site-inspection"))
        #expect(inspection.signing == .quorum(2))
        #expect(inspection.branches.count == 3)
        #expect(definition.step(after: "review", data: ["businessArea": "800"])?.id == "site-inspection")
        #expect(definition.step(after: "review", data: ["businessArea": "120"])?.id == "decide")
        #expect(definition.step("decide")?.returnTo == ["review"])
        #expect(definition.form.field("businessType")?.options.count == 4)
    }

    @Test(arguments: ["default.json", "food-business-permit.json"])
    func encodedFilesLoadBackEqual(name: String) throws {
        let definition = try ProcessFixtures.load(name)

        let encoded = try ProcessDefinitionLoader.encode(definition)
        let reloaded = try ProcessDefinitionLoader.load(encoded, source: "encoded")

        #expect(reloaded == definition)
        #expect(try ProcessDefinitionLoader.encode(reloaded) == encoded)
    }

    @Test func theExampleInTheFormatReferenceLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/process-format.md"), encoding: .utf8)
        let start = try #require(document.range(of: "```json\n"))
        let end = try #require(document.range(of: "```", range: start.upperBound..<document.endIndex))

        let definition = try ProcessDefinitionLoader.load(
            Data(document[start.upperBound..<end.lowerBound].utf8), source: "process-format.md")

        #expect(definition.id == "food-business-permit")
        #expect(definition.step("conclude")?.timeLimit == TimeLimit(days: 0, unit: .workingDays))
    }

    @Test func theBaseFixtureIsValid() {
        #expect(ProcessFixtures.problems([]) == nil)
    }

    @Test func omittedKeysTakeTheirDefaults() throws {
        let definition = try ProcessDefinitionLoader.load(Data(ProcessFixtures.base.utf8), source: "test.json")

        #expect(definition.form.field("area")?.required == true)
        #expect(definition.form.field("area")?.hint == "")
        #expect(definition.step("accept")?.next == [])
        #expect(definition.step("accept")?.returnTo == [])
        #expect(definition.step("accept")?.timeLimit == nil)
        #expect(definition.step("conclude")?.actor.department == "SJZ-SCJGJ")
        #expect(definition.step("review")?.actor.department == nil)
    }

    @Test func reportsEveryProblemTogetherUnderTheSource() throws {
        let text = ProcessFixtures.base.replacingOccurrences(of: "\"revision\": 1", with: "\"revision\": 0")
            .replacingOccurrences(of: "\"name\": \"测试流程\"", with: "\"name\": \"\"")
            .replacingOccurrences(of: "\"returnTo\": [\"review\"]", with: "\"returnTo\": [\"nowhere\"]")

        let error = #expect(throws: DomainError.self) {
            try ProcessDefinitionLoader.load(Data(text.utf8), source: "broken.json")
        }

        let thrown = try #require(error)
        #expect(thrown.kind == .invalid)
        #expect(thrown.code == "cases.process-invalid")
        #expect(thrown.title == "流程定义有误")
        let lines = thrown.detail.split(separator: "\n").map(String.init)
        #expect(lines.first == "broken.json：")
        #expect(lines.contains { $0.hasPrefix("$.revision：") })
        #expect(lines.contains { $0.hasPrefix("$.name：不能为空") })
        #expect(lines.contains { $0.hasPrefix("$.steps[4].returnTo[0]：没有标识为“nowhere”的环节") })
        #expect(lines.count == 4)
    }

    /// One broken rule: the edits that break it and the start of the line that must report it.
    static let rules: [(edits: [(String, String)], line: String)] = [
        ([("\"format\"", "{")], "$：不是有效的 JSON"),
        ([("zhengtong.process/1", "zhengtong.process/2")], "$.format：格式标记应为"),
        ([("\"id\": \"test\"", "\"id\": \"\"")], "$.id：不能为空"),
        ([("\"revision\": 1", "\"revision\": 0")], "$.revision：修订号应为正整数"),
        ([("\"name\": \"测试流程\"", "\"name\": \" \"")], "$.name：不能为空"),
        ([("\"items\": []", "\"items\": [\"12345\"]")], "$.items[0]：“12345”不是有效的业务办理项编码"),
        ([("\"returnTo\"", "\"retrunTo\"")], "$.steps[4].retrunTo：未知的键"),
        ([("\"key\": \"kind\"", "\"key\": \"area\"")], "$.form.fields[1].key：字段标识“area”与 $.form.fields[0].key 重复"),
        ([("\"key\": \"kind\"", "\"key\": \"1kind\"")], "$.form.fields[1].key：“1kind”不是有效的标识"),
        ([("[\"甲\", \"乙\"]", "[]")], "$.form.fields[1].options：选择字段（choice）至少需要一个选项"),
        ([("\"type\": \"number\"", "\"type\": \"decimal\"")], "$.form.fields[0].type：未知的字段类型“decimal”"),
        ([("\"id\": \"conclude\"", "\"id\": \"decide\"")], "$.steps[5].id：环节标识“decide”与 $.steps[4].id 重复"),
        ([("\"id\": \"b2\"", "\"id\": \"b1\"")], "$.steps[3].branches[1].id：分支标识“b1”与"),
        ([("\"kind\": \"receive\"", "\"kind\": \"review\"")], "$.steps[0].kind：第一个环节必须是收件"),
        ([("\"kind\": \"conclude\"", "\"kind\": \"receive\"")], "$.steps[5].kind：只能有一个收件"),
        ([("\"kind\": \"accept\"", "\"kind\": \"review\"")], "$.steps：缺少受理（accept）环节"),
        (
            [
                ("\"kind\": \"accept\", \"name\": \"受理\"", "\"kind\": \"review\", \"name\": \"受理\""),
                (
                    "\"kind\": \"review\", \"name\": \"审查\", \"actor\": {\"permission\": \"cases.handle\"}",
                    "\"kind\": \"accept\", \"name\": \"审查\", \"actor\": {\"permission\": \"cases.intake\"}"
                ),
            ], "$.steps[2].kind：受理（accept）环节必须紧跟在收件环节之后"
        ),
        ([("\"kind\": \"decide\"", "\"kind\": \"review\"")], "$.steps：至少需要一个决定（decide）环节"),
        ([("\"kind\": \"conclude\"", "\"kind\": \"accept\"")], "$.steps[5].kind：只能有一个受理"),
        (
            [("\"kind\": \"review\", \"name\": \"联审\"", "\"kind\": \"conclude\", \"name\": \"联审\"")],
            "$.steps[4].kind：环节应按 收件→受理→审查→决定→办结→送达 的顺序排列，决定不能排在办结之后"
        ),
        ([("{\"to\": \"decide\"}", "{\"to\": \"nowhere\"}")], "$.steps[2].next[1].to：没有标识为“nowhere”的环节"),
        ([("{\"to\": \"decide\"}", "{\"to\": \"accept\"}")], "$.steps[2].next[1].to：只能转到后面的环节"),
        ([("[\"review\"]", "[\"nowhere\"]")], "$.steps[4].returnTo[0]：没有标识为“nowhere”的环节"),
        ([("[\"review\"]", "[\"conclude\"]")], "$.steps[4].returnTo[0]：只能退回到前面的环节"),
        ([("[\"review\"]", "[\"receive\"]")], "$.steps[4].returnTo[0]：不能退回到收件环节"),
        ([(", {\"to\": \"decide\"}]", "]")], "$.steps[2].next[0]：最后一个转移不能带条件"),
        (
            [("[{\"to\": \"joint\", ", "[{\"to\": \"decide\"}, {\"to\": \"joint\", ")],
            "$.steps[2].next[0]：此转移不带条件，它后面的转移永远不会被选用"
        ),
        ([("\"field\": \"area\"", "\"field\": \"size\"")], "$.steps[2].next[0].when.field：表单中没有字段“size”"),
        ([("\"op\": \"gt\"", "\"op\": \"bigger\"")], "$.steps[2].next[0].when.op：未知的比较方式“bigger”"),
        ([("[\"500\"]", "[\"500\", \"600\"]")], "$.steps[2].next[0].when.values：gt 需要恰好一个值"),
        ([("\"op\": \"gt\"", "\"op\": \"present\"")], "$.steps[2].next[0].when.values：present 不需要值"),
        (
            [("\"op\": \"gt\", \"values\": [\"500\"]", "\"op\": \"in\", \"values\": []")],
            "$.steps[2].next[0].when.values：in 至少需要一个值"
        ),
        (
            [
                (
                    "\"field\": \"area\", \"op\": \"gt\", \"values\": [\"500\"]",
                    "\"field\": \"kind\", \"op\": \"gt\", \"values\": [\"甲\"]"
                )
            ],
            "$.steps[2].next[0].when.field：gt 只能比较数字字段"
        ),
        ([("[\"500\"]", "[\"很大\"]")], "$.steps[2].next[0].when.values[0]：“area”是数字字段，“很大”不是数字"),
        (
            [
                (
                    "\"field\": \"area\", \"op\": \"gt\", \"values\": [\"500\"]",
                    "\"field\": \"kind\", \"op\": \"eq\", \"values\": [\"丙\"]"
                )
            ],
            "$.steps[2].next[0].when.values[0]：“丙”不是字段“kind”的选项"
        ),
        ([("\"signing\": \"all\", ", "")], "$.steps[3].branches：单人办理的环节"),
        (
            [(",\n    {\"id\": \"b2\", \"name\": \"乙科\", \"actor\": {\"permission\": \"cases.handle\"}}", "")],
            "$.steps[3].branches：会签、或签和多人签至少需要两个分支，实际有1个"
        ),
        ([("\"signing\": \"all\"", "\"signing\": {\"quorum\": 3}")], "$.steps[3].signing.quorum：签署人数应在2到分支数（2）之间"),
        ([("\"signing\": \"all\"", "\"signing\": \"most\"")], "$.steps[3].signing：应为 \"single\""),
        (
            [("\"cases.handle\", \"department\"", "\"cases.admin\", \"department\"")],
            "$.steps[5].actor.permission：未知的权限“cases.admin”"
        ),
        (
            [
                (
                    "\"name\": \"受理\", \"actor\": {\"permission\": \"cases.intake\"}",
                    "\"name\": \"受理\", \"actor\": {\"permission\": \"cases.handle\"}"
                )
            ],
            "$.steps[1].actor.permission：受理环节须由持 cases.intake 权限的人员办理"
        ),
        (
            [
                (
                    "\"name\": \"决定\", \"actor\": {\"permission\": \"cases.approve\"}",
                    "\"name\": \"决定\", \"actor\": {\"permission\": \"cases.handle\"}"
                )
            ],
            "$.steps[4].actor.permission：决定环节须由持 cases.approve 权限的人员办理"
        ),
        ([("\"SJZ-SCJGJ\"", "\"市场监管局\"")], "$.steps[5].actor.department：部门编码应为1到40个"),
        ([("\"days\": 5", "\"days\": 366")], "$.steps[4].timeLimit.days：天数应在0到365之间"),
        ([("\"days\": 5", "\"days\": 2.5")], "$.steps[4].timeLimit.days：应为整数"),
        ([("\"workingDays\"", "\"weeks\"")], "$.steps[4].timeLimit.unit：未知的计时方式“weeks”"),
        ([("\"to\": \"joint\"", "\"to\": \"decide\"")], "$.steps[3]：从收件出发到不了此环节（joint）"),
        ([("{\"to\": \"decide\"}", "{\"to\": \"conclude\"}")], "$.steps：有一条路径不经过任何决定（decide）环节"),
    ]

    @Test(arguments: rules)
    func rejectsABrokenRule(edits: [(String, String)], line: String) throws {
        for (old, _) in edits {
            #expect(ProcessFixtures.base.contains(old), "the fixture must contain \(old)")
        }

        let detail = try #require(ProcessFixtures.problems(edits))

        #expect(detail.hasPrefix("test.json：\n"))
        #expect(detail.split(separator: "\n").contains { $0.hasPrefix(line) }, "\(detail)")
    }
}

import Foundation
import Testing

@testable import CasesModel

@Suite struct ProcessDiagramTests {
    @Test func drawsEveryStepOfTheShippedProcesses() throws {
        for name in ["default.json", "food-business-permit.json"] {
            let definition = try ProcessFixtures.load(name)

            let svg = ProcessDiagram.svg(definition)

            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("<title id=\"zt-process-\(definition.id)-title\">流程图：\(definition.name)"))
            for step in definition.steps {
                #expect(svg.contains(">\(step.name)</text>"), "\(step.name)")
                #expect(svg.contains(">\(step.kind.label) · "), "\(step.kind)")
            }
            #expect(!svg.lowercased().contains("<script"))
            #expect(!svg.contains(" on"))
        }
    }

    @Test func labelsBranchesConditionsReturnsAndTimeLimits() throws {
        let definition = try ProcessFixtures.load("food-business-permit.json")

        let svg = ProcessDiagram.svg(definition)

        #expect(svg.contains("审查 · 2人签"))
        for branch in try #require(definition.step("site-inspection")).branches {
            #expect(svg.contains(">\(branch.name)</text>"))
        }
        #expect(svg.contains(">经营场所面积（平方米） &gt; 500</text>"))
        #expect(svg.contains(">其他情况</text>"))
        #expect(svg.contains("stroke-dasharray"))
        #expect(svg.contains(">退回</text>"))
        #expect(svg.contains(">时限：10个自然日</text>"))
        #expect(svg.contains(">时限：即办</text>"))
    }

    @Test func labelsCountersigningAndOrSigning() {
        let all = ProcessDiagram.svg(Self.definition(signing: .all))
        let any = ProcessDiagram.svg(Self.definition(signing: .any))

        #expect(all.contains("审查 · 会签"))
        #expect(all.contains("会签，2个分支全部同意"))
        #expect(any.contains("审查 · 或签"))
    }

    @Test func escapesText() {
        var definition = Self.definition(signing: .all)
        definition.name = "A<&B"
        definition.steps[0].name = "<审查&\"'>"

        let svg = ProcessDiagram.svg(definition)

        #expect(svg.contains("流程图：A&lt;&amp;B"))
        #expect(svg.contains(">&lt;审查&amp;&quot;&#39;&gt;</text>"))
        #expect(!svg.contains("<审查"))
        #expect(!svg.contains("A<&B"))
    }

    @Test func marksTheCurrentStepsInColourAndInWords() throws {
        let definition = try ProcessFixtures.load("food-business-permit.json")

        let svg = ProcessDiagram.svg(definition, highlight: ["review"])

        #expect(svg.contains("<g class=\"step current\" data-step=\"review\">"))
        #expect(svg.contains("<g class=\"step\" data-step=\"decide\">"))
        #expect(svg.components(separatedBy: "class=\"step current\"").count == 2)
        #expect(svg.contains(">当前环节</text>"))
        #expect(svg.contains("初审（审查，经办人员，时限2个工作日，当前环节）"))
        #expect(!ProcessDiagram.svg(definition).contains("当前环节"))
    }

    @Test func theSameDefinitionDrawsTheSameDiagram() throws {
        let definition = try ProcessFixtures.load("food-business-permit.json")

        #expect(
            ProcessDiagram.svg(definition, highlight: ["decide", "review"])
                == ProcessDiagram.svg(definition, highlight: ["review", "decide"]))
    }

    /// Receive, a two-branch review with `signing`, and decide.
    static func definition(signing: SigningRule) -> ProcessDefinition {
        let actor = StepActor(permission: "cases.handle")
        return ProcessDefinition(
            id: "t", revision: 1, name: "测试", itemCodes: [], form: FormSchema(fields: []),
            steps: [
                ProcessStepDefinition(
                    id: "joint", kind: .review, name: "联审", actor: actor, signing: signing,
                    branches: [
                        StepBranch(id: "a", name: "甲科", actor: actor),
                        StepBranch(id: "b", name: "乙科", actor: StepActor(permission: "cases.handle", department: "X")),
                    ]),
                ProcessStepDefinition(
                    id: "decide", kind: .decide, name: "决定", actor: StepActor(permission: "cases.approve")),
            ])
    }
}

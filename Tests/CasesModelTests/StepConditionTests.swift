import Testing

@testable import CasesModel

@Suite struct StepConditionTests {
    @Test func equalityComparesNumbersAsNumbersAndTextAsText() {
        let area = StepCondition(field: "area", op: .equals, values: ["500"])
        let kind = StepCondition(field: "kind", op: .equals, values: ["热食类食品制售"])

        #expect(area.holds(for: ["area": "500.0"]))
        #expect(area.holds(for: ["area": " 500 "]))
        #expect(!area.holds(for: ["area": "501"]))
        #expect(kind.holds(for: ["kind": "热食类食品制售"]))
        #expect(!kind.holds(for: ["kind": "冷食类食品制售"]))
    }

    @Test func aMissingOrBlankFieldFailsEveryOperatorButNotEquals() {
        let operators: [(ConditionOperator, [String])] = [
            (.equals, ["1"]), (.greaterThan, ["1"]), (.greaterOrEqual, ["1"]), (.lessThan, ["1"]),
            (.lessOrEqual, ["1"]), (.oneOf, ["1", ""]), (.present, []),
        ]

        for (op, values) in operators {
            let condition = StepCondition(field: "area", op: op, values: values)
            #expect(!condition.holds(for: [:]), "\(op)")
            #expect(!condition.holds(for: ["area": "  "]), "\(op)")
        }
        #expect(StepCondition(field: "area", op: .notEquals, values: ["1"]).holds(for: [:]))
        #expect(StepCondition(field: "area", op: .notEquals, values: ["1"]).holds(for: ["area": ""]))
    }

    @Test func notEqualsHoldsOnlyForADifferentValue() {
        let condition = StepCondition(field: "area", op: .notEquals, values: ["500"])

        #expect(condition.holds(for: ["area": "400"]))
        #expect(!condition.holds(for: ["area": "500.00"]))
    }

    @Test func orderingComparesNumbers() {
        let data: FormData = ["area": "500"]

        #expect(StepCondition(field: "area", op: .greaterThan, values: ["499.5"]).holds(for: data))
        #expect(!StepCondition(field: "area", op: .greaterThan, values: ["500"]).holds(for: data))
        #expect(StepCondition(field: "area", op: .greaterOrEqual, values: ["500"]).holds(for: data))
        #expect(StepCondition(field: "area", op: .lessThan, values: ["1e3"]).holds(for: data))
        #expect(!StepCondition(field: "area", op: .lessThan, values: ["500"]).holds(for: data))
        #expect(StepCondition(field: "area", op: .lessOrEqual, values: ["500"]).holds(for: data))
        // As text "9" > "10"; as numbers it is not.
        #expect(!StepCondition(field: "area", op: .greaterThan, values: ["10"]).holds(for: ["area": "9"]))
    }

    @Test func orderingIsFalseWhenEitherSideIsNotANumber() {
        let greater = StepCondition(field: "area", op: .greaterThan, values: ["1"])

        #expect(!greater.holds(for: ["area": "很大"]))
        #expect(!greater.holds(for: ["area": "0x10"]))
        #expect(!greater.holds(for: ["area": "inf"]))
        #expect(!greater.holds(for: ["area": "nan"]))
        #expect(!StepCondition(field: "area", op: .lessThan, values: ["abc"]).holds(for: ["area": "1"]))
    }

    @Test func oneOfIsMembership() {
        let condition = StepCondition(field: "kind", op: .oneOf, values: ["散装食品销售", "热食类食品制售", "10"])

        #expect(condition.holds(for: ["kind": "热食类食品制售"]))
        #expect(condition.holds(for: ["kind": "10.0"]))
        #expect(!condition.holds(for: ["kind": "预包装食品销售"]))
    }

    @Test func presentMeansFilledInAfterTrimming() {
        let condition = StepCondition(field: "remarks", op: .present)

        #expect(condition.holds(for: ["remarks": " 有 "]))
        #expect(!condition.holds(for: ["remarks": " \n "]))
        #expect(!condition.holds(for: ["other": "有"]))
    }

    @Test func theProcessFollowsTheFirstTransitionThatHolds() {
        let actor = StepActor(permission: "cases.handle")
        let definition = ProcessDefinition(
            id: "t", revision: 1, name: "测试", itemCodes: [], form: FormSchema(fields: []),
            steps: [
                ProcessStepDefinition(
                    id: "review", kind: .review, name: "审查", actor: actor,
                    next: [
                        Transition(to: "big", when: StepCondition(field: "area", op: .greaterThan, values: ["500"])),
                        Transition(to: "small", when: StepCondition(field: "area", op: .present)),
                        Transition(to: "decide"),
                    ]),
                ProcessStepDefinition(id: "big", kind: .review, name: "大", actor: actor),
                ProcessStepDefinition(id: "small", kind: .review, name: "小", actor: actor),
                ProcessStepDefinition(id: "decide", kind: .decide, name: "决定", actor: actor),
            ])

        #expect(definition.step(after: "review", data: ["area": "900"])?.id == "big")
        #expect(definition.step(after: "review", data: ["area": "90"])?.id == "small")
        #expect(definition.step(after: "review", data: [:])?.id == "decide")
        #expect(definition.step(after: "big", data: [:])?.id == "small")
        #expect(definition.step(after: "decide", data: [:]) == nil)
    }
}

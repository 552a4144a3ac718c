extension ProcessFileReader {
    /// The step's transitions: each to a later step, the last one unconditional so that a case
    /// always has somewhere to go.
    mutating func transitions(
        _ object: ProcessObject, index: Int, of outlines: [StepOutline], form: FormSchema
    ) -> [Transition] {
        let entries = array(object, "next")
        var transitions: [Transition] = []
        for (position, (value, path)) in entries.enumerated() {
            guard let entry = self.object(value, at: path, keys: ["to", "when"]) else { continue }
            let target = string(entry, "to")
            if let target {
                checkForward(target, at: entry.path("to"), index: index, of: outlines)
            }
            let when = entry["when"].flatMap { self.condition($0, at: entry.path("when"), form: form) }
            let isLast = position == entries.count - 1
            if isLast, entry["when"] != nil {
                report(path, "最后一个转移不能带条件（when），否则条件都不成立时办件无处可去；请再加一个不带条件的转移")
            } else if !isLast, entry["when"] == nil {
                report(path, "此转移不带条件，它后面的转移永远不会被选用；不带条件的转移应放在最后")
            }
            if let target {
                transitions.append(Transition(to: target, when: when))
            }
        }
        return transitions
    }

    /// A transition goes forward; cycles are only allowed through `returnTo`.
    private mutating func checkForward(_ target: String, at path: String, index: Int, of outlines: [StepOutline]) {
        guard let targetIndex = outlines.firstIndex(where: { $0.id == target }) else {
            report(path, "没有标识为“\(target)”的环节")
            return
        }
        if targetIndex <= index {
            report(path, "只能转到后面的环节，“\(target)”不在此环节之后；要回到前面的环节请用 returnTo（退回）")
        }
    }

    /// The steps this one may send a case back to: earlier ones, never receive.
    mutating func returns(_ object: ProcessObject, index: Int, of outlines: [StepOutline]) -> [String] {
        var seen: Set<String> = []
        return strings(object, "returnTo").map { target, path in
            if !seen.insert(target).inserted {
                report(path, "退回目标“\(target)”重复")
            } else if let targetIndex = outlines.firstIndex(where: { $0.id == target }) {
                if targetIndex >= index {
                    report(path, "只能退回到前面的环节，“\(target)”不在此环节之前")
                } else if outlines[targetIndex].kind == .receive {
                    report(path, "不能退回到收件环节；需要申请人改材料时请用补正")
                }
            } else {
                report(path, "没有标识为“\(target)”的环节")
            }
            return target
        }
    }

    /// A condition on a form field, its operands matching the operator and the field's type.
    private mutating func condition(_ value: ProcessJSON, at path: String, form: FormSchema) -> StepCondition? {
        guard let object = object(value, at: path, keys: ["field", "op", "values"]) else { return nil }
        let key = string(object, "field")
        let opName = string(object, "op")
        let operands = strings(object, "values")
        let op = opName.flatMap(ConditionOperator.init(rawValue:))
        if let opName, op == nil {
            let known = ConditionOperator.allCases.map(\.rawValue).joined(separator: "、")
            report(object.path("op"), "未知的比较方式“\(opName)”；可用：\(known)")
        }
        let field = key.flatMap(form.field)
        if let key, field == nil {
            report(object.path("field"), "表单中没有字段“\(key)”")
        }
        if let op {
            checkCount(operands.count, of: op, at: object.path("values"))
            if let field {
                check(operands, of: op, against: field, at: object)
            }
        }
        guard let key, let op else { return nil }
        return StepCondition(field: key, op: op, values: operands.map(\.0))
    }

    /// `in` takes one operand or more, `present` none, the rest exactly one.
    private mutating func checkCount(_ count: Int, of op: ConditionOperator, at path: String) {
        switch op {
        case .oneOf where count == 0:
            report(path, "in 至少需要一个值")
        case .present where count != 0:
            report(path, "present 不需要值，请删去 values")
        case .equals, .notEquals, .greaterThan, .greaterOrEqual, .lessThan, .lessOrEqual:
            if count != 1 { report(path, "\(op.rawValue) 需要恰好一个值，实际有\(count)个") }
        case .oneOf, .present:
            break
        }
    }

    /// Operands must be comparable with the field: numbers for a number field and for ordering,
    /// options for a choice field, so that a typo cannot make a branch silently unreachable.
    private mutating func check(
        _ operands: [(String, String)], of op: ConditionOperator, against field: FormField, at object: ProcessObject
    ) {
        let ordering: Set<ConditionOperator> = [.greaterThan, .greaterOrEqual, .lessThan, .lessOrEqual]
        if ordering.contains(op), field.type != .number {
            report(object.path("field"), "\(op.rawValue) 只能比较数字字段，“\(field.key)”是 \(field.type.rawValue) 字段")
            return
        }
        for (operand, path) in operands {
            if field.type == .number, StepCondition.number(operand) == nil {
                report(path, "“\(field.key)”是数字字段，“\(operand)”不是数字")
            } else if field.type == .choice, !field.options.contains(operand) {
                report(path, "“\(operand)”不是字段“\(field.key)”的选项；可用：\(field.options.joined(separator: "、"))")
            }
        }
    }
}

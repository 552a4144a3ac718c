import CasesModel
import Foundation

/// A process definition's rules in Chinese words for its admin page.
struct CaseAdminProcessWords {
    var definition: ProcessDefinition

    /// Who acts: the role that the permission stands for, and the department when named.
    func actor(_ actor: StepActor) -> String {
        let role =
            switch actor.permission {
            case "cases.intake": "受理人员"
            case "cases.handle": "经办人员"
            case "cases.approve": "审批人员"
            default: actor.permission
            }
        return "\(role)（\(actor.permission)）" + (actor.department.map { "，部门 \($0)" } ?? "，事项所属部门")
    }

    /// The signing rule spelt out.
    func signing(_ rule: SigningRule, branchCount: Int) -> String {
        switch rule {
        case .single: "单人办理"
        case .all: "会签：\(branchCount)个分支全部同意"
        case .any: "或签：任一分支决定"
        case .quorum(let n): "\(n)人签：\(branchCount)个分支中\(n)个同意"
        }
    }

    /// Where the step goes: each transition with its condition, or the following step.
    func transitions(_ step: ProcessStepDefinition) -> [String] {
        guard !step.next.isEmpty else {
            guard let index = definition.steps.firstIndex(where: { $0.id == step.id }),
                index + 1 < definition.steps.count
            else { return ["流程结束"] }
            return ["下一环节：\(definition.steps[index + 1].name)"]
        }
        return step.next.map { transition in
            let target = stepNames([transition.to])
            guard let when = transition.when else { return "否则 → \(target)" }
            return "当 \(condition(when)) → \(target)"
        }
    }

    /// A condition in words, naming the field by its label.
    func condition(_ condition: StepCondition) -> String {
        let field = definition.form.field(condition.field)?.label ?? condition.field
        let values = condition.values.joined(separator: "、")
        return switch condition.op {
        case .equals: "\(field) = \(values)"
        case .notEquals: "\(field) ≠ \(values)"
        case .greaterThan: "\(field) > \(values)"
        case .greaterOrEqual: "\(field) ≥ \(values)"
        case .lessThan: "\(field) < \(values)"
        case .lessOrEqual: "\(field) ≤ \(values)"
        case .oneOf: "\(field) 为 \(values) 之一"
        case .present: "已填写\(field)"
        }
    }

    /// Step ids as their names, joined; "—" for none.
    func stepNames(_ ids: [String]) -> String {
        guard !ids.isEmpty else { return "—" }
        return ids.map { id in definition.step(id)?.name ?? id }.joined(separator: "、")
    }

    /// A form field's checks in words.
    func rules(_ field: FormField) -> String {
        var rules: [String] = []
        if !field.options.isEmpty { rules.append("可选：" + field.options.joined(separator: "、")) }
        if let maxLength = field.maxLength { rules.append("最多\(maxLength)字") }
        if let minimum = field.minimum { rules.append("最小 \(Self.number(minimum))") }
        if let maximum = field.maximum { rules.append("最大 \(Self.number(maximum))") }
        if !field.hint.isEmpty { rules.append(field.hint) }
        return rules.isEmpty ? "—" : rules.joined(separator: "；")
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

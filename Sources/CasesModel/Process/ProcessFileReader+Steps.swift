import CatalogModel

extension ProcessFileReader {
    /// The permissions a step's actor may need.
    static let permissions = ["cases.intake", "cases.handle", "cases.approve"]

    /// The first pass: each step's object, id (unique) and kind.
    mutating func outlines(_ entries: [(ProcessJSON, String)]) -> [StepOutline] {
        let keys = ["id", "kind", "name", "actor", "signing", "branches", "next", "returnTo", "timeLimit"]
        var seen: [String: String] = [:]
        return entries.map { value, path in
            guard let object = object(value, at: path, keys: keys) else {
                return StepOutline(object: nil, id: nil, kind: nil, path: path)
            }
            let id = identifier(object, "id")
            if let id {
                if let earlier = seen[id] {
                    report(object.path("id"), "环节标识“\(id)”与 \(earlier) 重复")
                } else {
                    seen[id] = object.path("id")
                }
            }
            return StepOutline(object: object, id: id, kind: stepKind(object), path: path)
        }
    }

    /// The second pass over step `index`: everything else, checked against the other steps and the form.
    mutating func step(_ index: Int, of outlines: [StepOutline], form: FormSchema) -> ProcessStepDefinition? {
        let outline = outlines[index]
        guard let object = outline.object else { return nil }
        let name = filledString(object, "name")
        var actor: StepActor?
        if let value = object["actor"] {
            actor = self.actor(value, at: object.path("actor"), kind: outline.kind)
        } else {
            report(object.path("actor"), "缺少此项")
        }
        let branches = self.branches(object, kind: outline.kind)
        let signing = self.signing(object, branchCount: branches.count)
        let next = transitions(object, index: index, of: outlines, form: form)
        let returnTo = returns(object, index: index, of: outlines)
        let timeLimit = object["timeLimit"].flatMap { self.timeLimit($0, at: object.path("timeLimit")) }
        guard let id = outline.id, let kind = outline.kind, let name, let actor, let signing else { return nil }
        return ProcessStepDefinition(
            id: id, kind: kind, name: name, actor: actor, signing: signing, branches: branches, next: next,
            returnTo: returnTo, timeLimit: timeLimit)
    }

    /// The step's kind.
    private mutating func stepKind(_ object: ProcessObject) -> StepKind? {
        guard let name = string(object, "kind") else { return nil }
        guard let kind = StepKind(rawValue: name) else {
            let known = StepKind.allCases.map(\.rawValue).joined(separator: "、")
            report(object.path("kind"), "未知的环节类型“\(name)”；可用：\(known)")
            return nil
        }
        return kind
    }

    /// An actor; accept steps are intake's and decide steps the approver's, whatever the file says.
    private mutating func actor(_ value: ProcessJSON, at path: String, kind: StepKind?) -> StepActor? {
        guard let object = object(value, at: path, keys: ["permission", "department"]) else { return nil }
        let department = string(object, "department", default: "")
        var permission = string(object, "permission")
        if let known = permission {
            if !Self.permissions.contains(known) {
                report(object.path("permission"), "未知的权限“\(known)”；可用：\(Self.permissions.joined(separator: "、"))")
                permission = nil
            } else if let kind, let needed = Self.permission(for: kind), known != needed {
                report(object.path("permission"), "\(kind.label)环节须由持 \(needed) 权限的人员办理，不能是 \(known)")
            }
        }
        if let department, object["department"] != nil {
            let printable = department.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 32 && $0.value < 127 }
            if department.isEmpty || department.count > 40 || !printable {
                report(object.path("department"), "部门编码应为1到40个英文字母、数字或符号，不含空格和中文")
            }
        }
        guard let permission, let department else { return nil }
        return StepActor(permission: permission, department: department.isEmpty ? nil : department)
    }

    /// The permission a kind of step demands, if it demands one.
    static func permission(for kind: StepKind) -> String? {
        switch kind {
        case .accept: "cases.intake"
        case .decide: "cases.approve"
        case .receive, .review, .pay, .conclude, .deliver: nil
        }
    }

    /// The parallel branches, ids unique within the step.
    private mutating func branches(_ object: ProcessObject, kind: StepKind?) -> [StepBranch] {
        var seen: [String: String] = [:]
        return array(object, "branches").compactMap { value, path in
            guard let branch = self.object(value, at: path, keys: ["id", "name", "actor"]) else { return nil }
            let id = identifier(branch, "id")
            if let id {
                if let earlier = seen[id] {
                    report(branch.path("id"), "分支标识“\(id)”与 \(earlier) 重复")
                } else {
                    seen[id] = branch.path("id")
                }
            }
            let name = filledString(branch, "name")
            var actor: StepActor?
            if let value = branch["actor"] {
                actor = self.actor(value, at: branch.path("actor"), kind: kind)
            } else {
                report(branch.path("actor"), "缺少此项")
            }
            guard let id, let name, let actor else { return nil }
            return StepBranch(id: id, name: name, actor: actor)
        }
    }

    /// The signing rule, `single` when omitted, checked against the number of branches.
    private mutating func signing(_ object: ProcessObject, branchCount: Int) -> SigningRule? {
        guard let rule = signingRule(object) else { return nil }
        if rule == .single, branchCount > 0 {
            report(
                object.path("branches"),
                "单人办理的环节（signing 为 single 或省略）不能有分支；会签请把 signing 设为 all、any 或 {\"quorum\": n}")
        } else if rule != .single, branchCount < 2 {
            report(object.path("branches"), "会签、或签和多人签至少需要两个分支，实际有\(branchCount)个")
        } else if case .quorum(let n) = rule, n < 2 || n > branchCount {
            report(object.path("signing") + ".quorum", "签署人数应在2到分支数（\(branchCount)）之间，实际是\(n)")
        }
        return rule
    }

    /// The signing rule as written.
    private mutating func signingRule(_ object: ProcessObject) -> SigningRule? {
        let path = object.path("signing")
        guard let value = object["signing"] else { return .single }
        switch value {
        case .string("single"): return .single
        case .string("all"): return .all
        case .string("any"): return .any
        case .object(let members) where members.keys.sorted() == ["quorum"]:
            guard case .number(let number)? = members["quorum"] else {
                report("\(path).quorum", "应为整数")
                return nil
            }
            return integer(number, at: "\(path).quorum").map(SigningRule.quorum)
        default:
            report(path, "应为 \"single\"、\"all\"、\"any\" 或 {\"quorum\": n}")
            return nil
        }
    }

    /// The step's own time limit.
    private mutating func timeLimit(_ value: ProcessJSON, at path: String) -> TimeLimit? {
        guard let object = object(value, at: path, keys: ["days", "unit"]) else { return nil }
        let days = integer(object, "days", required: true)
        let unitName = string(object, "unit", default: TimeLimit.Unit.workingDays.rawValue)
        let unit = unitName.flatMap(TimeLimit.Unit.init(rawValue:))
        if let unitName, unit == nil {
            report(object.path("unit"), "未知的计时方式“\(unitName)”；可用：workingDays（工作日）、naturalDays（自然日）")
        }
        if let days, !(0...365).contains(days) {
            report(object.path("days"), "天数应在0到365之间（0表示即办），实际是\(days)")
        }
        guard let days, let unit else { return nil }
        return TimeLimit(days: days, unit: unit)
    }
}

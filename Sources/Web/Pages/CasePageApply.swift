import CasesModel
import CatalogModel
import Foundation
import Kernel

/// The view model of an application form (网上申请, and the window's form for a walk-in): the
/// item's form fields with their values and problems, the situations, and the materials.
struct CasePageApply {
    /// One choice of a select.
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    /// One form field as the template draws it.
    struct Field {
        var key: String
        var id: String
        var label: String
        var hint: String?
        var value: String
        var fieldError: String?
        var required: Bool
        var isMultiline: Bool
        var isSelect: Bool
        var inputType: String
        var inputMode: String?
        var options: [Option]
    }

    /// One situation group (经营项目 …): one answer at most.
    struct SituationGroup {
        var id: String
        var name: String
        var options: [Option]
    }

    /// One material of the guide.
    struct Material {
        var code: String
        var name: String
        var notes: String?
        var situations: String
        var required: Bool
        var fromApplicant: Bool
        var checked: Bool
    }

    var layout: Layout
    var action: String
    var itemCode: String
    var itemName: String
    var department: String
    var promisedLimit: String
    var fields: [Field]
    var situationGroups: [SituationGroup]
    var materials: [Material]
    var error: DomainError?
    var problemCount: Int = 0
    /// The window's form: the applicant is typed in and paper materials are ticked.
    var counter: Bool = false
    var accountID: String?
    var accountLabel: String = ""
    var applicantName: String = ""
    var applicantID: String = ""
    var applicantPhone: String = ""

    /// The form of `item` with `form` filled in, `chosen` situations and `problems` by field.
    init(
        layout: Layout, action: String, item: PublishedItem, schema: FormSchema, form: FormData, chosen: Set<String>,
        problems: [FieldProblem], paper: Set<String> = []
    ) {
        let guide = item.guide
        self.layout = layout
        self.action = action
        itemCode = item.item.businessCode.rawValue
        itemName = guide.name
        department = item.departmentName
        promisedLimit = guide.promisedTimeLimit.label
        fields = Self.fields(schema, form: form, problems: problems)
        problemCount = problems.count
        var groups: [SituationGroup] = []
        for situation in guide.situations {
            let option = Option(value: situation.code, label: situation.name, selected: chosen.contains(situation.code))
            if let index = groups.firstIndex(where: { $0.name == situation.group }) {
                groups[index].options.append(option)
            } else {
                groups.append(
                    SituationGroup(id: "situation-\(groups.count + 1)", name: situation.group, options: [option]))
            }
        }
        situationGroups = groups
        let names = Dictionary(guide.situations.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        materials = guide.materials.map { material in
            Material(
                code: material.code, name: material.name, notes: CasePageFormat.nonEmpty(material.notes),
                situations: material.situations.isEmpty
                    ? "所有情形" : material.situations.map { names[$0] ?? $0 }.joined(separator: "、"),
                required: material.required && !material.exempt, fromApplicant: material.source == .applicant,
                checked: paper.contains(material.code))
        }
    }

    /// The fields of `schema` filled with `form`, each with its first problem.
    static func fields(_ schema: FormSchema, form: FormData, problems: [FieldProblem]) -> [Field] {
        let messages = Dictionary(problems.map { ($0.key, $0.message) }, uniquingKeysWith: { first, _ in first })
        return schema.fields.map { field($0, value: form[$0.key] ?? "", error: messages[$0.key]) }
    }

    private static func field(_ field: FormField, value: String, error: String?) -> Field {
        var options: [Option] = []
        var isSelect = false
        switch field.type {
        case .choice:
            isSelect = true
            options =
                [Option(value: "", label: "请选择", selected: value.isEmpty)]
                + field.options.map { Option(value: $0, label: $0, selected: $0 == value) }
        case .flag:
            isSelect = true
            options = [
                Option(value: "", label: "请选择", selected: value.isEmpty),
                Option(value: "true", label: "是", selected: value == "true"),
                Option(value: "false", label: "否", selected: value == "false"),
            ]
        default: break
        }
        let (inputType, inputMode): (String, String?) =
            switch field.type {
            case .number: ("text", "decimal")
            case .date: ("date", nil)
            case .phone: ("tel", "numeric")
            default: ("text", nil)
            }
        return Field(
            key: field.key, id: "field-\(field.key)", label: field.label, hint: CasePageFormat.nonEmpty(field.hint),
            value: value, fieldError: error,
            required: field.required, isMultiline: field.type == .multiline, isSelect: isSelect, inputType: inputType,
            inputMode: inputMode, options: options)
    }

    /// The form data a post carries for `schema`: only its keys, so a stray field never counts.
    static func formData(_ pairs: [(String, String)], schema: FormSchema) -> FormData {
        var data: FormData = [:]
        for (key, value) in pairs where schema.field(key) != nil { data[key] = value }
        return data
    }

    /// The situations a post or a query chose, only those of the guide, once each.
    static func situations(_ values: [String], guide: ItemGuide) -> [String] {
        let known = Set(guide.situations.map(\.code))
        var seen = Set<String>()
        return values.filter { known.contains($0) && seen.insert($0).inserted }
    }
}

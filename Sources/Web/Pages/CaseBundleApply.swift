import CasesModel
import CatalogModel
import Foundation
import Kernel

/// The view model of 一件事 网上申请: one form with the fields of every part's process, the items
/// with their departments, and the merged material list naming the items that use each material.
struct CaseBundleApply {
    /// One item of the bundle.
    struct Item {
        var name: String
        var department: String
    }

    /// One material of the merged list.
    struct Material {
        var name: String
        var notes: String?
        var usedBy: String
        var required: Bool
        var fromApplicant: Bool
    }

    var layout: Layout
    var action: String
    var code: String
    var name: String
    var limit: String
    var items: [Item]
    var fields: [CasePageApply.Field]
    var materials: [Material]
    var error: DomainError?
    var problemCount: Int

    /// The form of `guide` over `schema` (the union form) with `form` filled in and `problems` by field.
    init(
        layout: Layout, action: String, guide: BundleGuide, schema: FormSchema, form: FormData,
        problems: [FieldProblem]
    ) {
        self.layout = layout
        self.action = action
        code = guide.bundle.code
        name = guide.bundle.name
        limit = guide.overallTimeLimit.label
        items = guide.items.map { Item(name: $0.guide.name, department: $0.departmentName) }
        fields = CasePageApply.fields(schema, form: form, problems: problems)
        materials = guide.materials.map { shared in
            Material(
                name: shared.material.name, notes: CasePageFormat.nonEmpty(shared.material.notes),
                usedBy: shared.usedBy.joined(separator: "、"),
                required: shared.material.required && !shared.material.exempt,
                fromApplicant: shared.material.source == .applicant)
        }
        problemCount = problems.count
    }

    /// The union of the parts' forms: each key once, as the first part that asks for it words it.
    static func schema(_ processes: [ProcessDefinition]) -> FormSchema {
        var seen = Set<String>()
        return FormSchema(fields: processes.flatMap(\.form.fields).filter { seen.insert($0.key).inserted })
    }
}

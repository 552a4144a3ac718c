import CasesModel
import CatalogModel
import Foundation
import Kernel

/// The view model of the applicant's 一件事 page: the parts with their states and numbers, one
/// upload per shared material while it is a draft, and the submit button.
struct CaseBundleDetail {
    /// One part case.
    struct Part {
        var href: String
        var itemName: String
        var department: String
        var state: String
        var number: String
        var hasNumber: Bool
    }

    /// One material to upload once for every part that asks for it.
    struct Slot {
        var fieldID: String
        var name: String
        var notes: String?
        var usedBy: String
        var required: Bool
        /// 免提交: the department can fetch it (证照库, shared data); uploading it is optional.
        var exempt: Bool
        var uploaded: Bool
    }

    var layout: Layout
    var id: String
    var name: String
    var state: String
    var createdAt: String
    var submittedAt: String?
    var concludedAt: String?
    var parts: [Part]
    var slots: [Slot]
    var isDraft: Bool
    var notice: String?
    var error: DomainError?

    /// The page of `bundle`; `guides` and `received` are by part id, `departments` by department id.
    init(
        layout: Layout, bundle: CaseBundle, guides: [UUID: ItemGuide], received: [UUID: [CaseMaterial]],
        departments: [UUID: String]
    ) {
        self.layout = layout
        id = bundle.id.uuidString
        name = bundle.name
        state = bundle.state.label
        createdAt = CasePageFormat.time(bundle.createdAt)
        submittedAt = CasePageFormat.time(bundle.submittedAt)
        concludedAt = CasePageFormat.time(bundle.concludedAt)
        isDraft = bundle.state == .draft
        parts = bundle.parts.map { part in
            Part(
                href: "/me/cases/\(part.id.uuidString)", itemName: part.itemName,
                department: departments[part.departmentID] ?? "", state: part.state.label,
                number: CasePageFormat.grouped(part.number), hasNumber: part.number != nil)
        }
        slots = Self.slots(bundle.parts, guides: guides, received: received)
    }

    /// The materials of every part, merged by name in the parts' order, but for those only the
    /// department provides; uploaded when every part that asks for it has a file of that name.
    /// Exempt ones stay offered: a shared 营业执照 is exactly what a bundle hands in once.
    static func slots(_ parts: [CaseRecord], guides: [UUID: ItemGuide], received: [UUID: [CaseMaterial]]) -> [Slot] {
        var slots: [Slot] = []
        var users: [[String]] = []
        for part in parts {
            guard let guide = guides[part.id] else { continue }
            let have = Set((received[part.id] ?? []).map(\.name))
            for material in guide.materials(for: Set(part.situations))
            where material.source != .department {
                let exempt = material.exempt || material.source != .applicant
                if let index = slots.firstIndex(where: { $0.name == material.name }) {
                    users[index].append(part.itemName)
                    slots[index].required = slots[index].required || (material.required && !exempt)
                    slots[index].exempt = slots[index].exempt && exempt
                    slots[index].uploaded = slots[index].uploaded && have.contains(material.name)
                } else {
                    users.append([part.itemName])
                    slots.append(
                        Slot(
                            fieldID: "material-\(slots.count + 1)", name: material.name,
                            notes: CasePageFormat.nonEmpty(material.notes), usedBy: "",
                            required: material.required && !exempt, exempt: exempt,
                            uploaded: have.contains(material.name)))
                }
            }
        }
        for index in slots.indices { slots[index].usedBy = users[index].joined(separator: "、") }
        return slots
    }
}

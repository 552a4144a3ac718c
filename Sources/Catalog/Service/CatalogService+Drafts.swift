public import CatalogModel
public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension CatalogService {
    /// Adds an item to a department's implementation list with its first draft (version 1).
    public func createItem(_ command: CreateItem, by staff: StaffActor) async throws -> ItemVersion {
        try command.guide.validate()
        try await organisation.authorize(staff, .catalogManage, department: command.departmentID)
        let now = clock.now()
        let item = ServiceItem(
            id: UUID(), businessCode: command.businessCode, departmentID: command.departmentID,
            divisionCode: command.divisionCode)
        let version = ItemVersion(
            id: UUID(), itemID: item.id, number: 1, status: .draft, effectiveFrom: nil, effectiveUntil: nil,
            guide: command.guide, editedBy: staff.auditActor.id, editedAt: now, publishedBy: nil, publishedAt: nil)
        return try await database.transaction { tx in
            guard try await Self.item(code: command.businessCode, sql: tx.sql) == nil else {
                throw Self.conflict("duplicate-code", "业务办理项编码 \(command.businessCode) 已存在，请修改已有事项。")
            }
            try await ItemRow.insert(item, at: now, sql: tx.sql)
            try await VersionRow.insert(version, sql: tx.sql)
            try await audit.append(
                staff.auditActor.entry(
                    action: "catalog.item-create", objectType: "catalog-item", objectID: item.id.uuidString,
                    changeDigest: try audit.digest(of: version.guide)), in: tx)
            return version
        }
    }

    /// Saves `guide` as the item's draft: replaces the open draft, or opens a new one numbered after
    /// the last version.
    public func saveDraft(itemID: UUID, guide: ItemGuide, by staff: StaffActor) async throws -> ItemVersion {
        try guide.validate()
        let item = try await item(id: itemID)
        try await organisation.authorize(staff, .catalogManage, department: item.departmentID)
        let now = clock.now()
        return try await database.transaction { tx in
            let versions = try await Self.versions(of: itemID, sql: tx.sql)
            var draft: ItemVersion
            if var open = versions.first(where: { $0.status == .draft }) {
                try await VersionRow.updateDraft(open.id, guide: guide, by: staff.auditActor.id, at: now, sql: tx.sql)
                open.guide = guide
                open.editedBy = staff.auditActor.id
                open.editedAt = now
                draft = open
            } else {
                draft = ItemVersion(
                    id: UUID(), itemID: itemID, number: (versions.map(\.number).max() ?? 0) + 1, status: .draft,
                    effectiveFrom: nil, effectiveUntil: nil, guide: guide, editedBy: staff.auditActor.id,
                    editedAt: now, publishedBy: nil, publishedAt: nil)
                try await VersionRow.insert(draft, sql: tx.sql)
            }
            try await audit.append(
                staff.auditActor.entry(
                    action: "catalog.draft-save", objectType: "catalog-item", objectID: itemID.uuidString,
                    changeDigest: try audit.digest(of: guide)), in: tx)
            return draft
        }
    }

    /// Throws the open draft away; the published version, if any, stays in force.
    public func discardDraft(itemID: UUID, by staff: StaffActor) async throws {
        let item = try await item(id: itemID)
        try await organisation.authorize(staff, .catalogManage, department: item.departmentID)
        try await database.transaction { tx in
            guard let draft = try await Self.versions(of: itemID, sql: tx.sql).first(where: { $0.status == .draft })
            else { throw Self.conflict("no-draft", "该事项没有待编辑的草稿。") }
            if draft.number == 1 {
                throw Self.conflict("first-draft", "事项的第一版草稿不能丢弃；如不再需要，请联系审核员撤销事项。")
            }
            try await tx.sql.raw("DELETE FROM cat_versions WHERE id = \(bind: draft.id)").run()
            try await audit.append(
                staff.auditActor.entry(
                    action: "catalog.draft-discard", objectType: "catalog-item", objectID: itemID.uuidString,
                    changeDigest: try audit.digest(of: ["version": draft.number])), in: tx)
        }
    }
}

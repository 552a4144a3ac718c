public import CatalogModel
public import Foundation
public import Identity
public import Kernel
import SQLKit
import Storage

extension CatalogService {
    /// Publishes the item's draft, in force from `effectiveFrom` (today when nil); the version in
    /// force until then is retired on that day.
    ///
    /// The reviewer needs `catalog.publish` for the item's department and must not be the draft's
    /// last editor: a second pair of eyes reads every change before the public does.
    public func publish(itemID: UUID, effectiveFrom: CalendarDay? = nil, by staff: StaffActor) async throws
        -> ItemVersion
    {
        let item = try await item(id: itemID)
        try await organisation.authorize(staff, .catalogPublish, department: item.departmentID)
        let day = effectiveFrom ?? today
        guard day >= today else {
            throw DomainError(
                .invalid, code: "catalog.effective-in-past", title: "生效日期有误", detail: "生效日期不能早于今天（\(today)）。")
        }
        let now = clock.now()
        let reviewer = staff.auditActor.id
        // Read before the transaction: SQLite has one writer, and this read must not wait on it.
        let department = try await departmentName(item.departmentID)
        let version = try await database.transaction { tx in
            let versions = try await Self.versions(of: itemID, sql: tx.sql)
            guard var draft = versions.first(where: { $0.status == .draft }) else {
                throw Self.conflict("no-draft", "该事项没有待发布的草稿。")
            }
            guard draft.editedBy != reviewer else {
                throw Self.conflict("own-draft", "不能发布自己编辑的草稿，请由另一位审核员审核发布。")
            }
            let published = versions.filter { $0.status == .published }
            // A version starting the same day is replaced before anyone could rely on it (a same-day
            // correction); one starting later must be retired or superseded first.
            if let later = published.first(where: { ($0.effectiveFrom ?? day) > day }) {
                throw Self.conflict(
                    "later-version",
                    "第\(later.number)版已定于\(later.effectiveFrom.map(String.init(describing:)) ?? "")生效，新版本的生效日期应晚于它。")
            }
            for previous in published {
                try await tx.sql.raw(
                    """
                    UPDATE cat_versions SET status = 'retired', effective_until = \(bind: day.dayNumber)
                    WHERE id = \(bind: previous.id) AND (effective_until IS NULL OR effective_until > \(bind: day.dayNumber))
                    """
                ).run()
            }
            try await tx.sql.raw(
                """
                UPDATE cat_versions SET status = 'published', effective_from = \(bind: day.dayNumber),
                    published_by = \(bind: reviewer), published_at = \(bind: now)
                WHERE id = \(bind: draft.id)
                """
            ).run()
            draft.status = .published
            draft.effectiveFrom = day
            draft.publishedBy = reviewer
            draft.publishedAt = now
            try await SearchIndex.index(version: draft, item: item, departmentName: department, sql: tx.sql)
            try await audit.append(
                staff.auditActor.entry(
                    action: "catalog.publish", objectType: "catalog-item", objectID: itemID.uuidString,
                    changeDigest: try audit.digest(of: draft.guide)), in: tx)
            try await tx.publish(
                DomainEvent(
                    type: CatalogEvents.itemPublished, aggregateType: "catalog-item", aggregateID: itemID.uuidString,
                    value: ItemPublished(
                        itemID: itemID, businessCode: item.businessCode.rawValue, version: draft.number,
                        effectiveFrom: day.description),
                    occurredAt: now))
            return draft
        }
        return version
    }

    /// Withdraws the item from the public from `day` (取消事项): the version in force ends then.
    public func retire(itemID: UUID, from day: CalendarDay? = nil, reason: String, by staff: StaffActor) async throws {
        let item = try await item(id: itemID)
        try await organisation.authorize(staff, .catalogPublish, department: item.departmentID)
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 200,
            !reason.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw DomainError(.invalid, code: "catalog.reason-required", title: "请填写原因", detail: "撤销事项须说明原因（200字以内）。")
        }
        let day = day ?? today
        guard day >= today else {
            throw DomainError(
                .invalid, code: "catalog.effective-in-past", title: "生效日期有误", detail: "撤销日期不能早于今天（\(today)）。")
        }
        try await database.transaction { tx in
            let published = try await Self.versions(of: itemID, sql: tx.sql).filter { $0.status == .published }
            guard !published.isEmpty else { throw Self.conflict("not-published", "该事项没有已发布的版本，无需撤销。") }
            try await tx.sql.raw(
                """
                UPDATE cat_versions SET status = 'retired', effective_until = \(bind: day.dayNumber)
                WHERE item_id = \(bind: itemID) AND status = 'published'
                """
            ).run()
            try await audit.append(
                staff.auditActor.entry(
                    action: "catalog.retire", objectType: "catalog-item", objectID: itemID.uuidString,
                    changeDigest: try audit.digest(of: ["from": day.description, "reason": reason])), in: tx)
        }
    }
}

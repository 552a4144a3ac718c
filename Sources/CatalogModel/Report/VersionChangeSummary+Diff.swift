public import Foundation
public import Kernel

extension VersionChangeSummary {
    /// Summarises `current` against `previous` (nil for an item's first public version).
    public init(
        itemID: UUID, businessCode: String, department: UUID, departmentName: String, version: Int,
        effectiveFrom: CalendarDay, previous: ItemGuide?, current: ItemGuide
    ) {
        let changes = previous.map { GuideDiff.changes(from: $0, to: current) } ?? []
        let materials = changes.filter { $0.field == "申请材料" }
        var fields: [String] = []
        for change in changes where !fields.contains(change.field) { fields.append(change.field) }
        self.init(
            itemID: itemID, businessCode: businessCode, itemName: current.name, departmentID: department,
            departmentName: departmentName, version: version, effectiveFrom: effectiveFrom, isNewItem: previous == nil,
            changeCount: changes.count, changedFields: fields,
            materialsAdded: materials.filter { $0.kind == .added }.count,
            materialsRemoved: materials.filter { $0.kind == .removed }.count,
            materialsChanged: materials.filter { $0.kind == .changed }.count,
            legalLimitBefore: previous.map { $0.legalTimeLimit?.label ?? "无" },
            legalLimitAfter: current.legalTimeLimit?.label ?? "无",
            promisedLimitBefore: previous?.promisedTimeLimit.label, promisedLimitAfter: current.promisedTimeLimit.label,
            visitsBefore: previous?.visitsRequired, visitsAfter: current.visitsRequired,
            onlineDepthBefore: previous?.onlineDepth.rawValue, onlineDepthAfter: current.onlineDepth.rawValue)
    }
}

import Catalog
import CatalogModel
import Foundation
import Identity
import Kernel

/// The view model of one item for staff: its versions, a diff between two of them, and the
/// review actions their permissions open (the service checks each action again).
struct CatalogAdminItemPage {
    struct Version {
        var number: Int
        var status: String
        var statusClass: String
        var from: String
        var until: String
        var editedAt: String
        var publishedAt: String
    }

    struct Change {
        var field: String
        var before: String
        var after: String
        var kind: String
        var kindLabel: String
    }

    struct Option {
        var value: Int
        var label: String
        var selected: Bool
    }

    var layout: Layout
    var id: String
    var code: String
    var name: String
    var department: String
    var division: String
    var versions: [Version]
    var diffFrom: [Option]
    var diffTo: [Option]
    var diffTitle: String?
    var changes: [Change]
    var hasChanges: Bool
    var hasDraft: Bool
    var canEdit: Bool
    var canPublish: Bool
    var canRetire: Bool
    var canDiscard: Bool
    var today: String
    var notice: String?
    var error: DomainError?

    init(
        layout: Layout, item: ServiceItem, department: String, versions: [ItemVersion], diff: (from: Int, to: Int)?,
        changes: [GuideChange], permissions: Set<Permission>, today: CalendarDay
    ) {
        self.layout = layout
        id = item.id.uuidString
        code = item.businessCode.rawValue
        name = versions.last?.guide.name ?? ""
        self.department = department
        division = item.divisionCode.rawValue
        self.versions = versions.reversed().map { version in
            Version(
                number: version.number, status: version.status.label, statusClass: "status-\(version.status.rawValue)",
                from: version.effectiveFrom?.description ?? "", until: version.effectiveUntil?.description ?? "",
                editedAt: BeijingTime.format(version.editedAt),
                publishedAt: version.publishedAt.map(BeijingTime.format) ?? "")
        }
        diffFrom = versions.map {
            Option(value: $0.number, label: "第\($0.number)版（\($0.status.label)）", selected: $0.number == diff?.from)
        }
        diffTo = versions.map {
            Option(value: $0.number, label: "第\($0.number)版（\($0.status.label)）", selected: $0.number == diff?.to)
        }
        diffTitle = diff.map { "第\($0.from)版 → 第\($0.to)版" }
        self.changes = changes.map { change in
            let label =
                switch change.kind {
                case .added: "新增"
                case .removed: "删除"
                case .changed: "修改"
                }
            return Change(
                field: change.field, before: change.before, after: change.after, kind: "diff-\(change.kind.rawValue)",
                kindLabel: label)
        }
        hasChanges = !changes.isEmpty
        let draft = versions.first { $0.status == .draft }
        hasDraft = draft != nil
        canEdit = permissions.contains(.catalogManage)
        canPublish = permissions.contains(.catalogPublish) && draft != nil
        canRetire = permissions.contains(.catalogPublish) && versions.contains { $0.status == .published }
        canDiscard = permissions.contains(.catalogManage) && (draft?.number ?? 1) > 1
        self.today = today.description
    }

    /// The versions compared by default: the latest public version against the open draft, or
    /// the two latest versions; nil when there is only one.
    static func defaultDiff(_ versions: [ItemVersion]) -> (from: Int, to: Int)? {
        if let draft = versions.first(where: { $0.status == .draft }),
            let base = versions.last(where: { $0.status != .draft && $0.number < draft.number })
        {
            return (base.number, draft.number)
        }
        guard versions.count >= 2 else { return nil }
        return (versions[versions.count - 2].number, versions[versions.count - 1].number)
    }
}

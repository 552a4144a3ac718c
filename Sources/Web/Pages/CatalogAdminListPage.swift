import Catalog
import CatalogModel
import Foundation

/// The view model of 事项管理: the items of the staff member's departments with their status.
struct CatalogAdminListPage {
    struct Row {
        var id: String
        var code: String
        var name: String
        var department: String
        var version: Int
        var published: Bool
        var draft: Bool
        var retired: Bool
    }

    var layout: Layout
    var rows: [Row]
    var canCreate: Bool
    var count: Int

    init(layout: Layout, entries: [CatalogService.StaffListEntry], canCreate: Bool) {
        self.layout = layout
        rows = entries.map {
            Row(
                id: $0.itemID.uuidString, code: $0.businessCode, name: $0.name, department: $0.departmentName,
                version: $0.latestVersion, published: $0.isPublished, draft: $0.hasDraft,
                retired: $0.status == .retired)
        }
        self.canCreate = canCreate
        count = rows.count
    }
}

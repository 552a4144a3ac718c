import Catalog
import CatalogModel
import Foundation
import Identity
import Kernel

/// The view model of 事项浏览: the filters as a form, the items and the link to the next page.
struct ServiceHallBrowsePage {
    /// One item of the list.
    struct Row {
        var href: String
        var name: String
        var department: String
        var type: String
        var depth: String
        var visits: String
    }

    var layout: Layout
    var heading: String
    var error: DomainError?
    var rows: [Row] = []
    var isEmpty = false
    var next: String?
    var first: String?
    var audiences: [ServiceHallFormat.Option]
    var events: [ServiceHallFormat.Option]
    var types: [ServiceHallFormat.Option]
    var departments: [ServiceHallFormat.Option]
    var theme: String

    init(layout: Layout, filter: CatalogFilter, departments: [Department]) {
        self.layout = layout
        audiences = ServiceHallFormat.audienceOptions(filter.audience)
        events = ServiceHallFormat.eventOptions(filter.lifeEvent)
        types = ServiceHallFormat.typeOptions(filter.itemType)
        self.departments = departments.map {
            ServiceHallFormat.Option(value: $0.id.uuidString, label: $0.name, selected: $0.id == filter.departmentID)
        }
        theme = filter.theme ?? ""
        var parts: [String] = []
        if let audience = filter.audience { parts.append(ServiceHallFormat.audienceLabel(audience)) }
        if let event = filter.lifeEvent { parts.append(event.label) }
        if let id = filter.departmentID { parts.append(departments.first { $0.id == id }?.name ?? "指定部门") }
        if let theme = filter.theme { parts.append("主题：\(theme)") }
        if let type = filter.itemType { parts.append(type.label) }
        heading = parts.isEmpty ? "全部事项" : parts.joined(separator: " · ")
    }

    /// Shows one page of items; `current` is the query of this page, without its position.
    mutating func show(_ page: Page<ItemSummary>, filter: CatalogFilter, isFirstPage: Bool) {
        rows = page.items.map { item in
            Row(
                href: ServiceHallFormat.itemHref(item.businessCode), name: item.name, department: item.departmentName,
                type: item.itemType.label, depth: item.onlineDepth.label,
                visits: ServiceHallFormat.visits(item.visitsRequired))
        }
        isEmpty = rows.isEmpty
        let pairs: [(String, String?)] = [
            ("audience", filter.audience?.rawValue), ("event", filter.lifeEvent?.rawValue),
            ("department", filter.departmentID?.uuidString), ("theme", filter.theme),
            ("type", filter.itemType?.rawValue),
        ]
        if let request = page.next, case .after(let cursor) = request.position {
            next = "/services/browse" + ServiceHallFormat.query(pairs + [("cursor", cursor.token)])
        }
        if !isFirstPage { first = "/services/browse" + ServiceHallFormat.query(pairs) }
    }
}

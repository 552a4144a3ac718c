import Catalog
import CatalogModel
import Foundation
import Identity

/// The view model of 网上办事大厅, the service hall's home: search, and every way to browse.
struct ServiceHallHomePage {
    /// A browse link with the number of items behind it.
    struct Link {
        var label: String
        var href: String
        var count: Int
    }

    /// A 一件事 bundle on the home page.
    struct BundleCard {
        var name: String
        var summary: String
        var href: String
        var itemCount: Int
    }

    var layout: Layout
    var total: Int
    var audiences: [Link]
    var personEvents: [Link]
    var enterpriseEvents: [Link]
    var departments: [Link]
    var themes: [Link]
    var bundles: [BundleCard]
    var hasBundles: Bool

    init(layout: Layout, facets: CatalogService.Facets, departments: [Department], bundles: [ServiceBundle]) {
        self.layout = layout
        total = facets.total
        audiences = Audience.allCases.map { audience in
            Link(
                label: ServiceHallFormat.audienceLabel(audience),
                href: "/services/browse" + ServiceHallFormat.query([("audience", audience.rawValue)]),
                count: facets.audiences[audience] ?? 0)
        }
        func events(_ audience: Audience) -> [Link] {
            LifeEvent.allCases.filter { $0.audience == audience }.map { event in
                Link(
                    label: event.label, href: "/services/browse" + ServiceHallFormat.query([("event", event.rawValue)]),
                    count: facets.lifeEvents[event] ?? 0)
            }
        }
        personEvents = events(.person)
        enterpriseEvents = events(.enterprise)
        // Departments without published items would lead to an empty list.
        self.departments = departments.compactMap { department in
            guard let count = facets.departments[department.id], count > 0 else { return nil }
            return Link(
                label: department.name,
                href: "/services/browse" + ServiceHallFormat.query([("department", department.id.uuidString)]),
                count: count)
        }
        themes = facets.themes.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { theme, count in
            Link(label: theme, href: "/services/browse" + ServiceHallFormat.query([("theme", theme)]), count: count)
        }
        self.bundles = bundles.map { bundle in
            BundleCard(
                name: bundle.name, summary: bundle.summary, href: "/services/bundles/" + bundle.code,
                itemCount: bundle.itemCodes.count)
        }
        hasBundles = !bundles.isEmpty
    }
}

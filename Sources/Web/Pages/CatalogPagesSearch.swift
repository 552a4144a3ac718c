import Catalog
import CatalogModel
import Foundation
import Kernel

/// The view model of 事项搜索: the form, the hits with their matched parts marked, and paging.
struct ServiceHallSearchPage {
    /// A piece of a name, marked when it matched.
    struct Segment {
        var text: String
        var matched: Bool
    }

    /// One hit.
    struct Hit {
        var href: String
        var segments: [Segment]
        var department: String
        var type: String
        var depth: String
        var visits: String
        var matchedIn: String
    }

    var layout: Layout
    var query = ""
    var error: DomainError?
    var searched = false
    var hits: [Hit] = []
    var total = 0
    var range = ""
    var expanded: String?
    var previous: String?
    var next: String?
    var audiences: [ServiceHallFormat.Option]
    var types: [ServiceHallFormat.Option]

    init(layout: Layout, filter: CatalogFilter) {
        self.layout = layout
        audiences = ServiceHallFormat.audienceOptions(filter.audience)
        types = ServiceHallFormat.typeOptions(filter.itemType)
    }

    /// Shows `results`, found from `offset` with pages of `limit`.
    mutating func show(_ results: SearchResults, offset: Int, limit: Int, filter: CatalogFilter) {
        searched = true
        total = results.total
        hits = results.hits.map { hit in
            Hit(
                href: ServiceHallFormat.itemHref(hit.summary.businessCode),
                segments: hit.highlightedName.map { Segment(text: $0.text, matched: $0.matched) },
                department: hit.summary.departmentName, type: hit.summary.itemType.label,
                depth: hit.summary.onlineDepth.label, visits: ServiceHallFormat.visits(hit.summary.visitsRequired),
                matchedIn: hit.matchedIn.joined(separator: "、"))
        }
        if !hits.isEmpty { range = "第\(offset + 1)–\(offset + hits.count)条" }
        let extra = results.expandedTerms.filter { $0 != results.query && $0 != query }
        expanded = extra.isEmpty ? nil : extra.joined(separator: "、")
        func link(_ start: Int) -> String {
            "/services/search"
                + ServiceHallFormat.query([
                    ("q", query), ("audience", filter.audience?.rawValue), ("type", filter.itemType?.rawValue),
                    ("offset", start == 0 ? nil : String(start)),
                ])
        }
        previous = offset > 0 ? link(max(0, offset - limit)) : nil
        next = results.nextOffset.map(link)
    }
}

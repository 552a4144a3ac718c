import Catalog
import CatalogModel
import Foundation

/// The view model of 一件事 list.
struct ServiceHallBundlesPage {
    var layout: Layout
    var bundles: [ServiceHallHomePage.BundleCard]
    var isEmpty: Bool

    init(layout: Layout, bundles: [ServiceBundle]) {
        self.layout = layout
        self.bundles = bundles.map { bundle in
            ServiceHallHomePage.BundleCard(
                name: bundle.name, summary: bundle.summary, href: "/services/bundles/" + bundle.code,
                itemCount: bundle.itemCodes.count)
        }
        isEmpty = bundles.isEmpty
    }
}

/// The view model of one bundle's combined guide: its items, the materials handed in once each,
/// one fee total and the overall limit.
struct BundleGuidePage {
    /// An item of the bundle.
    struct Item {
        var href: String
        var name: String
        var department: String
        var limit: String
        var fee: String
    }

    /// A material of the combined list.
    struct Material {
        var name: String
        var form: String
        var copies: Int
        var source: String
        var exempt: Bool
        var usedBy: String
        var sharedCount: Int
    }

    var layout: Layout
    /// The bundle's code, for the link to apply online.
    var code: String
    var name: String
    var summary: String
    var audience: String
    var event: String
    var items: [Item]
    var itemCount: Int
    var materials: [Material]
    var materialCount: Int
    var askedCount: Int
    var feeTotal: String
    var limit: String
    var visits: String

    init(layout: Layout, guide: BundleGuide) {
        self.layout = layout
        code = guide.bundle.code
        name = guide.bundle.name
        summary = guide.bundle.summary
        audience = ServiceHallFormat.audienceLabel(guide.bundle.audience)
        event = guide.bundle.lifeEvent.label
        items = guide.items.map { item in
            Item(
                href: ServiceHallFormat.itemHref(item.item.businessCode.rawValue), name: item.guide.name,
                department: item.departmentName, limit: item.guide.promisedTimeLimit.label,
                fee: item.guide.totalFeeFen == 0 ? "不收费" : ServiceHallFormat.yuan(item.guide.totalFeeFen))
        }
        itemCount = items.count
        materials = guide.materials.map { shared in
            Material(
                name: shared.material.name, form: shared.material.form.label, copies: shared.material.copies,
                source: shared.material.source.label, exempt: shared.material.exempt,
                usedBy: shared.usedBy.joined(separator: "、"), sharedCount: shared.usedBy.count)
        }
        materialCount = materials.count
        askedCount = guide.items.reduce(0) { $0 + $1.guide.materials.count }
        feeTotal = guide.totalFeeFen == 0 ? "不收费" : ServiceHallFormat.yuan(guide.totalFeeFen)
        limit = guide.overallTimeLimit.label
        visits = ServiceHallFormat.visits(guide.visitsRequired)
    }
}

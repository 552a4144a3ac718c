import Catalog
import CatalogModel
import Foundation
import Identity
import Kernel

/// The JSON bodies of the public catalog API (`/api/v1/catalog/…`), as openapi.json describes them.
enum ServiceHallAPIModels {
    /// A page of item summaries.
    struct ItemList: Encodable {
        var items: [ItemSummary]
        var nextCursor: String?
        var nextOffset: Int?
    }

    /// An item with its guide in force.
    struct ItemDetail: Encodable {
        var businessCode: String
        var implementationCode: String
        var baseCode: String
        var departmentID: UUID
        var departmentName: String
        var divisionCode: String
        var version: Int
        var effectiveFrom: String?
        var effectiveUntil: String?
        var guide: ItemGuide

        init(_ item: PublishedItem) {
            businessCode = item.item.businessCode.rawValue
            implementationCode = item.item.implementationCode.rawValue
            baseCode = item.item.baseCode.rawValue
            departmentID = item.item.departmentID
            departmentName = item.departmentName
            divisionCode = item.item.divisionCode.rawValue
            version = item.version.number
            effectiveFrom = item.version.effectiveFrom?.description
            effectiveUntil = item.version.effectiveUntil?.description
            guide = item.guide
        }
    }

    /// A department and how many published items it implements.
    struct DepartmentCount: Encodable {
        var id: UUID
        var code: String
        var name: String
        var itemCount: Int
    }

    /// The departments list.
    struct DepartmentList: Encodable {
        var items: [DepartmentCount]
    }

    /// A bundle as listed.
    struct Bundle: Encodable {
        var code: String
        var name: String
        var audience: String
        var lifeEvent: String
        var summary: String
        var itemCodes: [String]

        init(_ bundle: ServiceBundle) {
            code = bundle.code
            name = bundle.name
            audience = bundle.audience.rawValue
            lifeEvent = bundle.lifeEvent.rawValue
            summary = bundle.summary
            itemCodes = bundle.itemCodes.map(\.rawValue)
        }
    }

    /// The bundles list.
    struct BundleList: Encodable {
        var items: [Bundle]
    }

    /// An item of a bundle's combined guide.
    struct BundleItem: Encodable {
        var businessCode: String
        var name: String
        var departmentName: String
        var promisedTimeLimit: TimeLimit
        var visitsRequired: Int
        var totalFeeFen: Int
    }

    /// A material of a bundle's combined guide, with the items that ask for it.
    struct BundleMaterial: Encodable {
        var name: String
        var form: String
        var copies: Int
        var source: String
        var exempt: Bool
        var usedBy: [String]
    }

    /// A bundle's combined guide.
    struct BundleDetail: Encodable {
        var bundle: Bundle
        var items: [BundleItem]
        var materials: [BundleMaterial]
        var totalFeeFen: Int
        var overallTimeLimit: TimeLimit
        var visitsRequired: Int

        init(_ guide: BundleGuide) {
            bundle = Bundle(guide.bundle)
            items = guide.items.map { item in
                BundleItem(
                    businessCode: item.item.businessCode.rawValue, name: item.guide.name,
                    departmentName: item.departmentName, promisedTimeLimit: item.guide.promisedTimeLimit,
                    visitsRequired: item.guide.visitsRequired, totalFeeFen: item.guide.totalFeeFen)
            }
            materials = guide.materials.map { shared in
                BundleMaterial(
                    name: shared.material.name, form: shared.material.form.rawValue, copies: shared.material.copies,
                    source: shared.material.source.rawValue, exempt: shared.material.exempt, usedBy: shared.usedBy)
            }
            totalFeeFen = guide.totalFeeFen
            overallTimeLimit = guide.overallTimeLimit
            visitsRequired = guide.visitsRequired
        }
    }

    /// A service location.
    struct Location: Encodable {
        var code: String
        var name: String
        var divisionCode: String
        var address: String
        var hours: String
        var phone: String
        var windows: Int
        var latitude: Double
        var longitude: Double
        var metres: Double?
        var distanceLabel: String?

        init(_ location: ServiceLocation, distance: NearbyLocation? = nil) {
            code = location.code
            name = location.name
            divisionCode = location.divisionCode.rawValue
            address = location.address
            hours = location.hours
            phone = location.phone
            windows = location.windows
            latitude = location.latitude
            longitude = location.longitude
            metres = distance.map { ($0.metres * 10).rounded() / 10 }
            distanceLabel = distance?.distanceLabel
        }
    }

    /// A list of locations.
    struct LocationList: Encodable {
        var items: [Location]
    }
}

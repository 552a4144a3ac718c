import Catalog
import CatalogModel
import Foundation
import Kernel

/// The view model of 就近办: locations by distance from a point, or by division without one.
struct NearbyPage {
    /// A location of the list.
    struct Place {
        var rank: Int
        var name: String
        var address: String
        var hours: String
        var phone: String
        var windows: Int
        var division: String
        var distance: String?
        var metres: String?
    }

    var layout: Layout
    var error: DomainError?
    var divisions: [ServiceHallFormat.Option]
    var item = ""
    var itemName: String?
    var byDistance = false
    var places: [Place] = []
    var isEmpty = false

    init(layout: Layout, divisions: [ServiceHallFormat.Option]) {
        self.layout = layout
        self.divisions = divisions
    }

    /// Lists locations nearest first.
    mutating func show(_ nearby: [NearbyLocation], divisionNames: [DivisionCode: String]) {
        byDistance = true
        places = nearby.enumerated().map { index, entry in
            Self.place(
                entry.location, rank: index + 1, division: divisionNames[entry.location.divisionCode],
                distance: entry.distanceLabel, metres: String(Int(entry.metres.rounded())))
        }
        isEmpty = places.isEmpty
    }

    /// Lists locations by division.
    mutating func show(_ locations: [ServiceLocation], divisionNames: [DivisionCode: String]) {
        places = locations.enumerated().map { index, location in
            Self.place(
                location, rank: index + 1, division: divisionNames[location.divisionCode], distance: nil, metres: nil)
        }
        isEmpty = places.isEmpty
    }

    static func place(_ location: ServiceLocation, rank: Int, division: String?, distance: String?, metres: String?)
        -> Place
    {
        Place(
            rank: rank, name: location.name, address: location.address, hours: location.hours, phone: location.phone,
            windows: location.windows, division: division ?? location.divisionCode.rawValue, distance: distance,
            metres: metres)
    }
}

import Catalog
import CatalogModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Service locations (就近办)")
struct LocationTests {
    static func location(_ code: String, _ division: String, _ lat: Double, _ lon: Double) throws -> ServiceLocation {
        ServiceLocation(
            code: code, name: code + "政务服务中心", divisionCode: try DivisionCode(division), address: "测试路1号",
            hours: "周一至周五 9:00-17:00", phone: "0311-12345678", windows: 10, latitude: lat, longitude: lon)
    }

    @Test("haversine distance matches a known pair of points")
    func distance() throws {
        // One degree of latitude is 111.2 km on the mean-radius sphere.
        let here = try Self.location("A", "130102", 38.0, 114.5)
        #expect(abs(here.distance(toLatitude: 39.0, longitude: 114.5) - 111_195) < 10)
        #expect(here.distance(toLatitude: 38.0, longitude: 114.5) == 0)
    }

    @Test("nearby sorts by distance and keeps only the item's locations when asked", arguments: TestDatabase.available)
    func nearby(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let admin = fixture.actor("scj-admin")
            var near = try Self.location("NEAR", "130102", 38.041, 114.514)
            near.departmentID = fixture.department("SJZ-SCJGJ").id
            var far = try Self.location("FAR", "130108", 38.000, 114.600)
            far.departmentID = fixture.department("SJZ-SCJGJ").id
            var centre = try Self.location("SJZ-ZWZX", "130104", 38.030, 114.480)
            centre.departmentID = fixture.department("SJZ-SCJGJ").id
            for place in [far, near, centre] { _ = try await fixture.service.saveLocation(place, by: admin) }
            try await fixture.publishedItem()  // handled only at SJZ-ZWZX

            let all = try await fixture.service.nearby(latitude: 38.04, longitude: 114.51)
            let forItem = try await fixture.service.nearby(
                latitude: 38.04, longitude: 114.51, itemCode: CatalogFixture.code().rawValue)

            #expect(all.map(\.location.code) == ["NEAR", "SJZ-ZWZX", "FAR"])
            #expect(all[0].distanceLabel.hasSuffix("米"))
            #expect(forItem.map(\.location.code) == ["SJZ-ZWZX"])
            #expect(try await fixture.service.locations(in: DivisionCode("130108")).map(\.code) == ["FAR"])
            #expect(try await fixture.service.locations(in: DivisionCode("130100")).count == 3)
        }
    }

    @Test(
        "bad coordinates and codes are refused, and a code saved twice updates one location",
        arguments: TestDatabase.available)
    func validation(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let admin = fixture.actor("scj-admin")
            var place = try Self.location("X-1", "130102", 38.0, 114.5)
            place.departmentID = fixture.department("SJZ-SCJGJ").id
            var bad = place
            bad.latitude = 95
            await #expect(throws: DomainError.self) { try await fixture.service.saveLocation(bad, by: admin) }
            await #expect(throws: DomainError.self) {
                try await fixture.service.nearby(latitude: 0, longitude: 200)
            }
            let saved = try await fixture.service.saveLocation(place, by: admin)
            place.id = UUID()
            place.windows = 3
            let again = try await fixture.service.saveLocation(place, by: admin)
            #expect(again.id == saved.id)
            #expect(try await fixture.service.locations().map(\.windows) == [3])
        }
    }
}

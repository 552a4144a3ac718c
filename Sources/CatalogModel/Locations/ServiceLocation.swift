public import Foundation
public import Kernel

/// A place where items are handled in person (服务场所): a service hall, a department's window,
/// a street's convenience centre.
public struct ServiceLocation: Codable, Sendable, Hashable {
    /// The location's id.
    public var id: UUID
    /// A stable public code, such as `SJZ-ZWZX`; guides refer to it.
    public var code: String
    /// The name, such as 石家庄市政务服务中心.
    public var name: String
    /// The division it lies in.
    public var divisionCode: DivisionCode
    /// The department that runs it, if one does.
    public var departmentID: UUID?
    /// The street address.
    public var address: String
    /// Opening hours as people read them, such as 周一至周五 9:00-17:00.
    public var hours: String
    /// The telephone.
    public var phone: String
    /// How many counters (窗口) it has.
    public var windows: Int
    /// WGS-84 latitude in degrees.
    public var latitude: Double
    /// WGS-84 longitude in degrees.
    public var longitude: Double

    /// Creates a location.
    public init(
        id: UUID = UUID(), code: String, name: String, divisionCode: DivisionCode, departmentID: UUID? = nil,
        address: String, hours: String, phone: String, windows: Int, latitude: Double, longitude: Double
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.divisionCode = divisionCode
        self.departmentID = departmentID
        self.address = address
        self.hours = hours
        self.phone = phone
        self.windows = windows
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The great-circle distance in metres to a point, by the haversine formula on a sphere of the
    /// mean Earth radius; good to a few metres at city scale, which is all 就近办 needs.
    public func distance(toLatitude lat: Double, longitude lon: Double) -> Double {
        let radius = 6_371_008.8
        let φ1 = latitude * .pi / 180
        let φ2 = lat * .pi / 180
        let Δφ = (lat - latitude) * .pi / 180
        let Δλ = (lon - longitude) * .pi / 180
        let a = sin(Δφ / 2) * sin(Δφ / 2) + cos(φ1) * cos(φ2) * sin(Δλ / 2) * sin(Δλ / 2)
        return 2 * radius * atan2(a.squareRoot(), (1 - a).squareRoot())
    }
}

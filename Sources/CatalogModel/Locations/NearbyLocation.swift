/// A location and how far it is from the point asked about.
public struct NearbyLocation: Sendable, Hashable {
    /// The location.
    public var location: ServiceLocation
    /// The distance in metres.
    public var metres: Double

    /// Creates the pair.
    public init(location: ServiceLocation, metres: Double) {
        self.location = location
        self.metres = metres
    }

    /// The distance as people read it: 850米 or 3.2公里.
    public var distanceLabel: String {
        if metres < 1000 { return "\(Int(metres.rounded()))米" }
        let tenths = Int((metres / 100).rounded())
        return "\(tenths / 10).\(tenths % 10)公里"
    }
}

/// How many counter appointments (预约) an item offers.
public struct AppointmentCapacity: Codable, Sendable, Hashable {
    /// Appointments per working day.
    public var slotsPerDay: Int
    /// How many days ahead one may book.
    public var advanceDays: Int

    /// Creates a capacity.
    public init(slotsPerDay: Int, advanceDays: Int) {
        self.slotsPerDay = slotsPerDay
        self.advanceDays = advanceDays
    }
}

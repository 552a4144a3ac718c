import Foundation
import Messaging
import Testing

@Suite("SMS quiet hours")
struct QuietHoursTests {
    /// An instant given in Beijing time.
    static func beijing(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        var components = DateComponents(year: 2026, month: 3, day: day, hour: hour, minute: minute)
        components.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return Calendar(identifier: .gregorian).date(from: components)!
    }

    @Test("daytime messages go at once; night ones wait for 08:00 Beijing time")
    func nextAllowed() {
        let rule = QuietHours()
        #expect(rule.nextAllowed(after: Self.beijing(10, 12)) == Self.beijing(10, 12))
        #expect(rule.nextAllowed(after: Self.beijing(10, 21, 59)) == Self.beijing(10, 21, 59))
        #expect(rule.nextAllowed(after: Self.beijing(10, 22)) == Self.beijing(11, 8))
        #expect(rule.nextAllowed(after: Self.beijing(10, 23, 30)) == Self.beijing(11, 8))
        #expect(rule.nextAllowed(after: Self.beijing(11, 7, 59)) == Self.beijing(11, 8))
        #expect(rule.nextAllowed(after: Self.beijing(11, 8)) == Self.beijing(11, 8))
    }
}

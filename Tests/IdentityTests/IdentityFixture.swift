import Foundation
import Identity
import Kernel
import Storage
import StorageTesting

/// An identity service over a test database, a pinned clock and a cheap bcrypt cost.
struct IdentityFixture {
    let database: any Database
    let clock: FixedClock
    let service: IdentityService

    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let web = LoginContext(
        channel: "web", clientAddress: "192.0.2.10", userAgent: "Mozilla/5.0 (X11; Linux) Chrome/120")

    init(database: any Database, sessions: SessionPolicy = SessionPolicy()) throws {
        self.database = database
        clock = FixedClock(Self.start)
        service = IdentityService(
            database: database, audit: AuditLog(algorithm: .sm3, clock: clock),
            sealer: try FieldSealer(masterKey: Array(repeating: 9, count: 32)), clock: clock,
            hasher: PasswordHasher(cost: 4), sessions: sessions, divisions: try DivisionTable.standard())
    }

    static let zhang = RegisterPerson(
        name: "张三", idNumber: "130102199003071233", phone: "13800000000", password: "政通演示2026")
}

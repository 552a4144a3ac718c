import Cases
import Foundation
import Identity
import SQLKit
import Storage

/// The people the benchmark acts as: a registered citizen and three demo staff of 市场监管局.
struct BenchActors: Sendable {
    let applicant: CaseActor
    let intake: StaffActor
    let reviewer: StaffActor
    let approver: StaffActor

    static func load(_ platform: BenchPlatform) async throws -> BenchActors {
        let person = try await platform.identity.register(
            RegisterPerson(name: "张三", idNumber: "130102199003071233", phone: "13800000000", password: "政通演示2026"),
            context: LoginContext(channel: "web", clientAddress: "127.0.0.1", userAgent: "cases-bench"))
        func staff(_ username: String) async throws -> StaffActor {
            let id = try await platform.database.read { sql in
                try await sql.raw("SELECT id FROM idn_staff WHERE username = \(bind: username)").first()?
                    .decode(column: "id", as: UUID.self)
            }
            guard let id else { throw BenchError("demo staff \(username) is missing") }
            return StaffActor(staffID: id, channel: "web", clientAddress: "127.0.0.1")
        }
        return BenchActors(
            applicant: .applicant(accountID: person.id, channel: .pc, clientAddress: "127.0.0.1"),
            intake: try await staff("scj-sl01"), reviewer: try await staff("scj-sp01"),
            approver: try await staff("scj-sp02"))
    }
}

/// A setup failure, said in one line.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

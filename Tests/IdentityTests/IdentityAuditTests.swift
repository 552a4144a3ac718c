import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Identity audit trail")
struct IdentityAuditTests {
    @Test(
        "register, login, failed login, logout and 退出所有设备 are audited in an intact chain",
        arguments: TestDatabase.available)
    func trail(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let zhang = IdentityFixture.zhang
            let person = try await fixture.register(zhang)
            let session = try await fixture.login(zhang.phone, zhang.password)
            _ = await domainError { try await fixture.login(zhang.phone, "not-the-password") }
            try await fixture.service.logout(token: session.token, by: IdentityFixture.actor(person.id))
            try await fixture.service.logoutEverywhere(personID: person.id, by: IdentityFixture.actor(person.id))

            let rows = try await fixture.database.read { sql in
                try await sql.raw("SELECT action, actor, object_id, client_address FROM zt_audit_log ORDER BY seq")
                    .all()
            }
            let actions = try rows.map { try $0.decode(column: "action", as: String.self) }
            let actors = try rows.map { try $0.decode(column: "actor", as: String.self) }
            let objects = try rows.map { try $0.decode(column: "object_id", as: String.self) }

            #expect(
                actions == [
                    "identity.register", "identity.login", "identity.login-failed", "identity.logout",
                    "identity.logout-everywhere",
                ])
            let me = person.id.uuidString
            #expect(actors == [me, me, "anonymous", me, me])
            #expect(objects[1] == session.info.id.uuidString)
            #expect(!objects[2].contains(zhang.phone), "a failed login names a blind index, not the number")
            #expect(try rows.allSatisfy { try $0.decode(column: "client_address", as: String.self) == "192.0.2.10" })
            #expect(try await AuditVerifier(database: fixture.database).verify().entryCount == 5)
        }
    }

    @Test("logging out a token twice, or an unknown one, writes nothing", arguments: TestDatabase.available)
    func noEmptyLogout(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let person = try await fixture.register(IdentityFixture.zhang)
            let session = try await fixture.login(IdentityFixture.zhang.phone, IdentityFixture.zhang.password)
            let actor = IdentityFixture.actor(person.id)

            try await fixture.service.logout(token: session.token, by: actor)
            try await fixture.service.logout(token: session.token, by: actor)
            try await fixture.service.logout(token: "unknown", by: actor)

            #expect(try await fixture.auditActions() == ["identity.register", "identity.login", "identity.logout"])
        }
    }
}

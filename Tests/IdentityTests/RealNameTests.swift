import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Real-name levels")
struct RealNameTests {
    static let export = """
        name,id_number
        张三,130102199003071233
        王五,13010219900307125X
        not-a-row
        赵六,1234
        """

    static func owner(_ person: PersonProfile) -> Actor {
        Actor(id: person.id.uuidString, channel: "web", clientAddress: "192.0.2.10")
    }

    @Test(
        "a registry match raises L1 to L2, recorded with method and time, and audited",
        arguments: TestDatabase.available)
    func registryMatch(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            // setup
            let loaded = try await fixture.registry.load(csv: Self.export)
            let person = try await fixture.service.register(IdentityFixture.zhang, context: IdentityFixture.web)
            fixture.clock.advance(by: 60)
            // act
            let level = try await fixture.service.raiseByRegistry(personID: person.id, by: Self.owner(person))
            let again = try await fixture.service.raiseByRegistry(personID: person.id, by: Self.owner(person))
            // verify
            #expect(loaded.loaded == 2)
            #expect(loaded.rejected.map(\.line) == [4, 5])
            #expect(level == .registryMatched)
            #expect(again == .registryMatched)
            #expect(try await fixture.service.profile(person.id).realNameLevel == .registryMatched)
            let history = try await fixture.service.realNameHistory(person.id)
            #expect(history.map(\.level) == [.selfDeclared, .registryMatched])
            #expect(history.map(\.method) == ["self-declared", "registry:database"])
            #expect(history.last?.occurredAt == IdentityFixture.start.addingTimeInterval(60))
            #expect(try await AuditVerifier(database: fixture.database).verify().entryCount == 2)
        }
    }

    @Test(
        "a name that differs, or a number the registry lacks, leaves the level at L1", arguments: TestDatabase.available
    )
    func registryRefusals(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            _ = try await fixture.registry.load(csv: Self.export)
            // 李四's number is in the registry under 王五.
            let li = try await fixture.service.register(IdentityFixture.li, context: IdentityFixture.web)
            let zhang = try await fixture.service.register(IdentityFixture.zhang, context: IdentityFixture.web)
            _ = try await fixture.registry.load(csv: "name,id_number\n张三丰,130102199003071233")

            await #expect(throws: DomainError.self) {
                try await fixture.service.raiseByRegistry(personID: li.id, by: Self.owner(li))
            }
            do {
                try await fixture.service.raiseByRegistry(personID: zhang.id, by: Self.owner(zhang))
                Issue.record("a replaced registry entry still matched")
            } catch let error as DomainError {
                #expect(error.code == "identity.registry-mismatch")
                #expect(error.detail.contains("窗口"))
            }
            #expect(try await fixture.service.profile(li.id).realNameLevel == .selfDeclared)
            #expect(try await fixture.service.realNameHistory(zhang.id).count == 1)
        }
    }

    @Test("nobody may raise another person's level")
    func onlyTheOwner() async throws {
        try await IdentityFixture.with(.sqlite) { fixture in
            _ = try await fixture.registry.load(csv: Self.export)
            let person = try await fixture.service.register(IdentityFixture.zhang, context: IdentityFixture.web)
            let stranger = Actor(id: UUID().uuidString, channel: "web", clientAddress: "192.0.2.99")
            await #expect(throws: DomainError.self) {
                try await fixture.service.raiseByRegistry(personID: person.id, by: stranger)
            }
            #expect(try await fixture.service.profile(person.id).realNameLevel == .selfDeclared)
        }
    }

    @Test("the registry table holds hashes, never a name or a number")
    func registryHoldsNoClearData() async throws {
        try await IdentityFixture.with(.sqlite) { fixture in
            _ = try await fixture.registry.load(csv: Self.export)
            let rows = try await fixture.database.read { sql in
                try await sql.raw("SELECT id_number_index, name_index FROM idn_registry_entries").all()
            }
            let text = try rows.map {
                try $0.decode(column: "id_number_index", as: String.self)
                    + $0.decode(column: "name_index", as: String.self)
            }.joined()
            #expect(rows.count == 2)
            #expect(!text.contains("130102199003071233") && !text.contains("张三"))
        }
    }
}

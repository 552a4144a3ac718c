import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Registration")
struct RegistrationTests {
    @Test("a person registers at L1 with numbers sealed and masked", arguments: TestDatabase.available)
    func register(kind: TestDatabase) async throws {
        try await kind.withDatabase(migrations: IdentityModule.migrations) { database in
            let fixture = try IdentityFixture(database: database)
            let person = try await fixture.service.register(IdentityFixture.zhang, context: IdentityFixture.web)
            #expect(person.realNameLevel == .selfDeclared)
            #expect(person.nameMasked == "张*")
            #expect(person.idNumberMasked == "130***********1233")
            #expect(person.phoneMasked == "138****0000")
            let raw = try await database.read { sql in
                try await sql.raw("SELECT id_number_sealed, phone_sealed, password_hash FROM idn_people").first()!
            }
            let sealed =
                try raw.decode(column: "id_number_sealed", as: Data.self)
                + raw.decode(column: "phone_sealed", as: Data.self)
            #expect(!String(decoding: sealed, as: UTF8.self).contains("130102199003071233"))
            #expect(try raw.decode(column: "password_hash", as: String.self).hasPrefix("$2"))
            #expect(try await fixture.service.profile(person.id) == person)
        }
    }
}

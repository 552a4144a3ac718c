import Evaluation
import Foundation
import Identity
import Kernel
import SQLKit
import StorageTesting
import Testing

@Suite("Privacy: who rated is hidden, the contact is sealed, revealing it is audited")
struct PrivacyTests {
    @Test(
        "the rater is named only to staff who reach the ratings and hold person.read-clear",
        arguments: TestDatabase.available)
    func raterShownOnlyWithClearRead(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let (rating, _) = try await fixture.badReview()
            let clerk = fixture.staff("scj-sl01")

            // Act / verify: the department admin and the supervisor see the rating, not the rater.
            for username in ["scj-admin", "zwj-jd01"] {
                let seen = try await fixture.service.ratings(by: fixture.staff(username))
                #expect(seen.map(\.id) == [rating.id], "\(username)")
                #expect(seen.first?.raterAccount == nil, "\(username)")
            }
            #expect(try await fixture.service.ratings(badOnly: true, by: fixture.staff("scj-admin")).count == 1)

            // Other departments' staff see none; the clerk holds person.read-clear but no
            // evaluation permission, so the list is empty for them too.
            #expect(try await fixture.service.ratings(by: fixture.staff("rsj-admin")).isEmpty)
            #expect(try await fixture.service.ratings(by: clerk).isEmpty)

            // Once the clerk is made the department's supervisor, the rater is shown to them.
            _ = try await fixture.world.organisation.assignRole(
                BuiltInRole.serviceSupervisor.rawValue, to: clerk.staffID, scope: .department,
                by: fixture.staff("admin"))
            let named = try await fixture.service.ratings(by: clerk)
            #expect(named.map(\.id) == [rating.id])
            #expect(named.first?.raterAccount == fixture.world.applicantID)
        }
    }

    @Test("the contact is sealed at rest and only its masked phone is in clear", arguments: TestDatabase.available)
    func contactSealed(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup / act
            let (_, ticket) = try await fixture.badReview()

            // Verify
            let row = try #require(
                try await fixture.database.read { sql in
                    try await sql.raw(
                        "SELECT contact_sealed, contact_phone_masked FROM eva_rectifications WHERE id = \(bind: ticket.id)"
                    ).first()
                })
            let sealed = try #require(try row.decode(column: "contact_sealed", as: Data?.self))
            #expect(!sealed.isEmpty)
            #expect(sealed.range(of: Data(EvaluationFixture.applicantPhone.utf8)) == nil)
            #expect(sealed.range(of: Data("张三".utf8)) == nil)
            #expect(try row.decode(column: "contact_phone_masked", as: String.self) == "138****0000")
        }
    }

    @Test("revealing the contact returns it and writes an audit entry", arguments: TestDatabase.available)
    func revealAudited(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let (_, ticket) = try await fixture.badReview()
            let admin = fixture.staff("scj-admin")

            // Act / verify: another department is refused and leaves no trace.
            await expectDomainError("identity.forbidden", kind: .forbidden) {
                try await fixture.service.revealContact(ticket.id, by: fixture.staff("rsj-admin"))
            }
            #expect(try await fixture.auditEntries(prefix: "evaluation.contact-revealed").isEmpty)
            let contact = try await fixture.service.revealContact(ticket.id, by: admin)

            // Verify
            #expect(contact.name == "张三")
            #expect(contact.phone == EvaluationFixture.applicantPhone)
            let entries = try await fixture.auditEntries(prefix: "evaluation.contact-revealed")
            #expect(
                entries == [
                    AuditLine(
                        action: "evaluation.contact-revealed", objectID: ticket.id.uuidString,
                        actor: admin.auditActor.id)
                ])
        }
    }
}

import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("In-person verification (L4)")
struct InPersonVerificationTests {
    static let evidence = "核验居民身份证原件，人证一致"

    @Test(
        "a counter clerk raises an account to L4; the check is sealed, recorded and audited under the clerk",
        arguments: TestDatabase.available)
    func counterClerk(kind: TestDatabase) async throws {
        try await RealNameFixture.with(kind) { fixture in
            // setup
            let person = try await fixture.identity.register(IdentityFixture.zhang)
            let clerk = fixture.staff("window01")
            fixture.clock.advance(by: 30)
            // act
            let level = try await fixture.service.raiseInPerson(
                personID: person.id, staff: clerk, evidence: Self.evidence)
            let again = try await fixture.service.raiseInPerson(
                personID: person.id, staff: clerk, evidence: Self.evidence)
            // verify
            #expect(level == .inPerson && again == .inPerson)
            #expect(try await fixture.identity.service.profile(person.id).realNameLevel == .inPerson)
            let history = try await fixture.identity.service.realNameHistory(person.id)
            #expect(history.map(\.method) == ["self-declared", "in-person:counter"])
            #expect(history.last?.occurredAt == IdentityFixture.start.addingTimeInterval(30))
            let last = try #require(try await fixture.audit().last)
            #expect(last.actor == "staff:" + clerk.staffID.uuidString && last.action == "identity.real-name-raised")
            let rows = try await fixture.database.read { sql in
                try await sql.raw("SELECT staff_id, evidence_sealed FROM idn_in_person_checks").all()
            }
            #expect(rows.count == 1)
            #expect(try rows.first?.decode(column: "staff_id", as: UUID.self) == clerk.staffID)
            let sealed = try rows.first?.decode(column: "evidence_sealed", as: Data.self) ?? Data()
            #expect(!String(decoding: sealed, as: UTF8.self).contains("身份证"))
            #expect(try await AuditVerifier(database: fixture.database).verify().entryCount ?? 0 > 0)
        }
    }

    @Test(
        "staff without person.read-clear or cases.intake cannot, nor can a clerk without evidence",
        arguments: TestDatabase.available)
    func refusals(kind: TestDatabase) async throws {
        try await RealNameFixture.with(kind) { fixture in
            let person = try await fixture.zhangAtL2()
            // 审批人员 and the system administrator hold neither permission (三员分立).
            for username in ["rsj-jy01", "admin", "audit"] {
                let error = await domainError {
                    try await fixture.service.raiseInPerson(
                        personID: person.id, staff: fixture.staff(username), evidence: Self.evidence)
                }
                #expect(error?.kind == .forbidden, "\(username)")
                #expect(error?.detail.contains("窗口收件受理") == true)
            }
            let stranger = StaffActor(staffID: UUID(), channel: "counter", clientAddress: "10.0.0.9")
            let inactive = await domainError {
                try await fixture.service.raiseInPerson(personID: person.id, staff: stranger, evidence: Self.evidence)
            }
            let noEvidence = await domainError {
                try await fixture.service.raiseInPerson(
                    personID: person.id, staff: fixture.staff("window01"), evidence: " ")
            }
            let nobody = await domainError {
                try await fixture.service.raiseInPerson(
                    personID: UUID(), staff: fixture.staff("window01"), evidence: Self.evidence)
            }
            #expect(inactive?.code == "identity.staff-inactive")
            #expect(noEvidence?.code == "identity.bad-evidence")
            #expect(nobody?.kind == .notFound)
            #expect(try await fixture.identity.service.profile(person.id).realNameLevel == .registryMatched)
        }
    }

    @Test("an account raised in person is not offered face verification", arguments: TestDatabase.available)
    func noFaceAfterL4(kind: TestDatabase) async throws {
        try await RealNameFixture.with(kind) { fixture in
            let person = try await fixture.zhangAtL2()
            try await fixture.service.raiseInPerson(
                personID: person.id, staff: fixture.staff("gaj-hz01"), evidence: Self.evidence)
            let error = await domainError {
                try await fixture.service.startFaceVerification(
                    personID: person.id, by: IdentityFixture.actor(person.id))
            }
            #expect(error?.code == "identity.face-not-needed")
        }
    }
}

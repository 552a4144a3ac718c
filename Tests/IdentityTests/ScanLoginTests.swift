import Foundation
import Identity
import Kernel
import Storage
import StorageTesting
import Testing

@Suite("Scan-to-login")
struct ScanLoginTests {
    static let computer = LoginContext(
        channel: "web", clientAddress: "203.0.113.5", userAgent: "Mozilla/5.0 (Windows NT 10.0) Chrome/120")

    @Test("the phone confirms, the computer collects one session with amr scan", arguments: TestDatabase.available)
    func confirmAndCollect(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            // setup
            let person = try await fixture.register(IdentityFixture.zhang)
            let ticket = try await fixture.service.startScanLogin(context: Self.computer)
            let shown = try await fixture.service.scanLoginRequest(code: ticket.code)
            // act
            try await fixture.service.answerScanLogin(
                code: ticket.code, confirm: true, personID: person.id, by: IdentityFixture.actor(person.id))
            let status = try await fixture.service.scanLoginStatus(id: ticket.id, browserSecret: ticket.browserSecret)
            let session = try await fixture.service.completeScanLogin(
                id: ticket.id, browserSecret: ticket.browserSecret, context: Self.computer)
            // verify
            #expect(shown?.requesterAddress == "203.0.113.5" && shown?.status == .pending)
            #expect(status == .confirmed)
            #expect(session.info.personID == person.id && session.info.authMethod == "scan")
            #expect(session.info.clientAddress == "203.0.113.5")
            let again = await domainError {
                try await fixture.service.completeScanLogin(
                    id: ticket.id, browserSecret: ticket.browserSecret, context: Self.computer)
            }
            #expect(again?.code == "identity.scan-not-confirmed")
            #expect(
                try await fixture.service.scanLoginStatus(id: ticket.id, browserSecret: ticket.browserSecret) == .used)
            let actions = try await fixture.auditActions()
            #expect(actions.contains("identity.scan-login.confirm") && actions.last == "identity.login")
        }
    }

    @Test("only the browser that asked can collect, and only after confirmation", arguments: TestDatabase.available)
    func browserBinding(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let person = try await fixture.register(IdentityFixture.zhang)
            let ticket = try await fixture.service.startScanLogin(context: Self.computer)
            let early = await domainError {
                try await fixture.service.completeScanLogin(
                    id: ticket.id, browserSecret: ticket.browserSecret, context: Self.computer)
            }
            try await fixture.service.answerScanLogin(
                code: ticket.code, confirm: true, personID: person.id, by: IdentityFixture.actor(person.id))

            let stranger = await domainError {
                try await fixture.service.completeScanLogin(
                    id: ticket.id, browserSecret: RandomToken.make(), context: Self.computer)
            }

            #expect(early?.code == "identity.scan-not-confirmed")
            #expect(stranger?.code == "identity.scan-not-confirmed")
            #expect(try await fixture.service.scanLoginStatus(id: ticket.id, browserSecret: "wrong") == nil)
        }
    }

    @Test("declined, answered twice, expired, or answered for someone else: refused", arguments: TestDatabase.available)
    func refusals(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let person = try await fixture.register(IdentityFixture.zhang)
            let actor = IdentityFixture.actor(person.id)
            let declined = try await fixture.service.startScanLogin(context: Self.computer)
            try await fixture.service.answerScanLogin(
                code: declined.code, confirm: false, personID: person.id, by: actor)
            #expect(
                try await fixture.service.scanLoginStatus(id: declined.id, browserSecret: declined.browserSecret)
                    == .declined)
            let twice = await domainError {
                try await fixture.service.answerScanLogin(
                    code: declined.code, confirm: true, personID: person.id, by: actor)
            }
            #expect(twice?.code == "identity.scan-expired")
            let other = await domainError {
                try await fixture.service.answerScanLogin(
                    code: declined.code, confirm: true, personID: person.id, by: IdentityFixture.actor(UUID()))
            }
            #expect(other?.kind == .forbidden)

            let late = try await fixture.service.startScanLogin(context: Self.computer)
            fixture.clock.advance(by: 121)
            #expect(
                try await fixture.service.scanLoginStatus(id: late.id, browserSecret: late.browserSecret) == .expired)
            let expired = await domainError {
                try await fixture.service.answerScanLogin(
                    code: late.code, confirm: true, personID: person.id, by: actor)
            }
            #expect(expired?.code == "identity.scan-expired")
            #expect(try await fixture.service.scanLoginRequest(code: "unknown") == nil)
        }
    }
}

import Foundation
import Identity
import Kernel
import Storage
import StorageTesting
import Testing

@Suite("SMS login codes")
struct LoginCodeTests {
    static let phone = IdentityFixture.zhang.phone

    @Test("a code sent to a registered phone logs in once", arguments: TestDatabase.available)
    func codeLogsInOnce(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            // setup
            let person = try await fixture.register(IdentityFixture.zhang)
            // act
            try await fixture.service.requestLoginCode(phone: Self.phone, context: IdentityFixture.web)
            let code = try #require(fixture.codes.all.last?.code)
            let session = try await fixture.service.loginWithCode(
                phone: Self.phone, code: code, context: IdentityFixture.web)
            // verify
            #expect(fixture.codes.all.map(\.phone) == [Self.phone])
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))
            #expect(session.info.personID == person.id)
            await #expect(throws: DomainError.self) {
                try await fixture.service.loginWithCode(phone: Self.phone, code: code, context: IdentityFixture.web)
            }
        }
    }

    @Test("an unregistered phone gets the same answer and no SMS")
    func unregistered() async throws {
        try await IdentityFixture.with(.sqlite) { fixture in
            try await fixture.service.requestLoginCode(phone: "13700000000", context: IdentityFixture.web)
            #expect(fixture.codes.all.isEmpty)
            await #expect(throws: DomainError.self) {
                try await fixture.service.loginWithCode(
                    phone: "13700000000", code: "000000", context: IdentityFixture.web)
            }
        }
    }

    @Test("a code expires after five minutes")
    func expiry() async throws {
        try await IdentityFixture.with(.sqlite) { fixture in
            try await fixture.register(IdentityFixture.zhang)
            try await fixture.service.requestLoginCode(phone: Self.phone, context: IdentityFixture.web)
            let code = try #require(fixture.codes.all.last?.code)
            fixture.clock.advance(by: 5 * 60 + 1)
            await #expect(throws: DomainError.self) {
                try await fixture.service.loginWithCode(phone: Self.phone, code: code, context: IdentityFixture.web)
            }
        }
    }

    @Test("five wrong guesses burn the code, even for the right one afterwards")
    func guessesBurnTheCode() async throws {
        try await IdentityFixture.with(.sqlite) { fixture in
            try await fixture.register(IdentityFixture.zhang)
            try await fixture.service.requestLoginCode(phone: Self.phone, context: IdentityFixture.web)
            let code = try #require(fixture.codes.all.last?.code)
            let wrong = code == "000000" ? "111111" : "000000"
            for _ in 0..<5 {
                await #expect(throws: DomainError.self) {
                    try await fixture.service.loginWithCode(
                        phone: Self.phone, code: wrong, context: IdentityFixture.web)
                }
            }
            await #expect(throws: DomainError.self) {
                try await fixture.service.loginWithCode(phone: Self.phone, code: code, context: IdentityFixture.web)
            }
        }
    }

    @Test("one code a minute and ten a day per phone")
    func rateLimits() async throws {
        try await IdentityFixture.with(.sqlite) { fixture in
            try await fixture.register(IdentityFixture.zhang)
            try await fixture.service.requestLoginCode(phone: Self.phone, context: IdentityFixture.web)
            do {
                try await fixture.service.requestLoginCode(phone: Self.phone, context: IdentityFixture.web)
                Issue.record("a second code within a minute was sent")
            } catch let error as DomainError {
                #expect(error.code == "identity.code-too-soon")
            }
            for _ in 0..<9 {
                fixture.clock.advance(by: 61)
                try await fixture.service.requestLoginCode(phone: Self.phone, context: IdentityFixture.web)
            }
            fixture.clock.advance(by: 61)
            do {
                try await fixture.service.requestLoginCode(phone: Self.phone, context: IdentityFixture.web)
                Issue.record("an eleventh code in a day was sent")
            } catch let error as DomainError {
                #expect(error.code == "identity.code-daily-limit")
            }
            #expect(fixture.codes.all.count == 10)
        }
    }
}

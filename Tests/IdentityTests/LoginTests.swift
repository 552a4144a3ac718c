import Foundation
import Identity
import Kernel
import StorageTesting
import Testing

@Suite("Login")
struct LoginTests {
    @Test("a person logs in with the mobile number", arguments: TestDatabase.available)
    func byPhone(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let person = try await fixture.register(IdentityFixture.zhang)

            let issued = try await fixture.login(" 13800000000 ", "政通演示2026")

            #expect(issued.info.personID == person.id)
            #expect(issued.info.createdAt == IdentityFixture.start)
            #expect(issued.info.expiresAt == IdentityFixture.start.addingTimeInterval(12 * 3600))
            #expect(issued.info.clientAddress == "192.0.2.10")
            #expect(issued.token.count >= 43)
        }
    }

    @Test("a person logs in with the 身份证号, a lower-case x accepted", arguments: TestDatabase.available)
    func byIDNumber(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let zhang = try await fixture.register(IdentityFixture.zhang)
            let li = try await fixture.register(IdentityFixture.li)

            let first = try await fixture.login("130102199003071233", IdentityFixture.zhang.password)
            let lower = try await fixture.login("13010219900307125x", IdentityFixture.li.password)
            let upper = try await fixture.login("13010219900307125X", IdentityFixture.li.password)

            #expect(first.info.personID == zhang.id)
            #expect(lower.info.personID == li.id)
            #expect(upper.info.personID == li.id)
            #expect(lower.token != upper.token)
        }
    }

    @Test("a wrong password and an unknown account get the very same answer", arguments: TestDatabase.available)
    func sameErrorEitherWay(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            try await fixture.register(IdentityFixture.zhang)

            let wrongPassword = await domainError { try await fixture.login("13800000000", "不是这个密码2026") }
            let unknownPhone = await domainError { try await fixture.login("13999999999", "政通演示2026") }
            let unknownID = await domainError { try await fixture.login("130102198511200025", "政通演示2026") }

            #expect(wrongPassword?.kind == .unauthenticated)
            #expect(wrongPassword?.code == "identity.bad-credentials")
            #expect(wrongPassword?.detail.containsChinese == true)
            #expect(unknownPhone == wrongPassword)
            #expect(unknownID == wrongPassword)
        }
    }

    @Test("one person's password does not open another's account", arguments: TestDatabase.available)
    func passwordsAreNotShared(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            try await fixture.register(IdentityFixture.zhang)
            try await fixture.register(IdentityFixture.li)

            let error = await domainError { try await fixture.login("13912345678", IdentityFixture.zhang.password) }

            #expect(error?.code == "identity.bad-credentials")
        }
    }

    @Test("registering and signing in at once works from a locked address", arguments: TestDatabase.available)
    func registerAndSignIn(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            for n in 0..<5 {
                _ = await domainError { try await fixture.login("1390000000\(n)", "guess-\(n)") }
            }

            let (person, issued) = try await fixture.service.registerAndSignIn(
                IdentityFixture.zhang, context: IdentityFixture.web)

            #expect(issued.info.personID == person.id)
            #expect(try await fixture.service.session(token: issued.token)?.personID == person.id)
            let error = await domainError {
                try await fixture.login(IdentityFixture.zhang.phone, IdentityFixture.zhang.password)
            }
            #expect(error?.code == "identity.locked", "the address lock still holds for password logins")
            #expect(Array(try await fixture.auditActions().suffix(2)) == ["identity.register", "identity.login"])
        }
    }
}

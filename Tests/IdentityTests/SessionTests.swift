import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Sessions")
struct SessionTests {
    static let zhang = IdentityFixture.zhang

    /// 张三 registered and logged in once.
    static func signedIn(_ fixture: IdentityFixture) async throws -> (PersonProfile, IssuedSession) {
        let person = try await fixture.register(zhang)
        return (person, try await fixture.login(zhang.phone, zhang.password))
    }

    @Test("the cookie token resolves to the session; other tokens to nothing", arguments: TestDatabase.available)
    func resolves(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let (person, issued) = try await Self.signedIn(fixture)

            let found = try await fixture.service.session(token: issued.token)

            #expect(found == issued.info)
            #expect(found?.personID == person.id)
            #expect(try await fixture.service.session(token: issued.token + "x") == nil)
            #expect(try await fixture.service.session(token: "") == nil)
            #expect(try await fixture.service.session(token: String(repeating: "a", count: 500)) == nil)
            let stored = try await fixture.database.read { sql in
                try await sql.raw("SELECT token_hash FROM idn_sessions").first()!.decode(
                    column: "token_hash", as: String.self)
            }
            #expect(stored != issued.token, "only a hash of the token is stored")
        }
    }

    @Test("a session unused for 30 minutes ends", arguments: TestDatabase.available)
    func idleTimeout(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let (_, issued) = try await Self.signedIn(fixture)
            fixture.clock.advance(by: 29 * 60 + 59)
            #expect(try await fixture.service.session(token: issued.token) != nil, "used 1 s before the limit")

            fixture.clock.advance(by: 30 * 60)

            #expect(try await fixture.service.session(token: issued.token) == nil)
        }
    }

    @Test("a session in constant use still ends at the absolute limit", arguments: TestDatabase.available)
    func absoluteTimeout(kind: TestDatabase) async throws {
        let policy = SessionPolicy(idleTimeout: 30 * 60, absoluteTimeout: 3600)
        try await IdentityFixture.with(kind, sessions: policy) { fixture in
            let (_, issued) = try await Self.signedIn(fixture)
            for _ in 0..<3 {
                fixture.clock.advance(by: 19 * 60)
                #expect(try await fixture.service.session(token: issued.token) != nil)
            }

            fixture.clock.advance(by: 3 * 60)

            #expect(try await fixture.service.session(token: issued.token) == nil)
        }
    }

    @Test("last use is written at most once a minute", arguments: TestDatabase.available)
    func lastSeenRefresh(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let (_, issued) = try await Self.signedIn(fixture)
            let start = IdentityFixture.start

            fixture.clock.advance(by: 59)
            let early = try await fixture.service.session(token: issued.token)
            fixture.clock.advance(by: 1)
            let due = try await fixture.service.session(token: issued.token)
            fixture.clock.advance(by: 30)
            let after = try await fixture.service.session(token: issued.token)

            #expect(early?.lastSeenAt == start)
            #expect(due?.lastSeenAt == start.addingTimeInterval(60))
            #expect(after?.lastSeenAt == start.addingTimeInterval(60), "stored, not just returned")
        }
    }

    @Test("logging out revokes the session and only that one", arguments: TestDatabase.available)
    func logout(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let (person, issued) = try await Self.signedIn(fixture)
            let phone = try await fixture.login(
                Self.zhang.phone, Self.zhang.password, from: IdentityFixture.from("10.0.0.2"))

            try await fixture.service.logout(token: issued.token, by: IdentityFixture.actor(person.id))

            #expect(try await fixture.service.session(token: issued.token) == nil)
            #expect(try await fixture.service.session(token: phone.token) != nil)
            let listed = try await fixture.service.sessions(of: person.id, by: IdentityFixture.actor(person.id))
            #expect(listed.map(\.id) == [phone.info.id])
        }
    }

    @Test("退出所有设备 revokes every session of the account", arguments: TestDatabase.available)
    func logoutEverywhere(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let (person, first) = try await Self.signedIn(fixture)
            fixture.clock.advance(by: 5)
            let second = try await fixture.login(Self.zhang.phone, Self.zhang.password)
            try await fixture.register(IdentityFixture.li)
            let other = try await fixture.login(IdentityFixture.li.phone, IdentityFixture.li.password)

            let ended = try await fixture.service.logoutEverywhere(
                personID: person.id, by: IdentityFixture.actor(person.id))

            #expect(ended == 2)
            #expect(try await fixture.service.session(token: first.token) == nil)
            #expect(try await fixture.service.session(token: second.token) == nil)
            #expect(try await fixture.service.session(token: other.token) != nil, "李四 stays signed in")
        }
    }

    @Test("nobody else may end or list a person's sessions", arguments: TestDatabase.available)
    func onlyTheAccountItself(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let (zhang, issued) = try await Self.signedIn(fixture)
            let li = try await fixture.register(IdentityFixture.li)
            let liActor = IdentityFixture.actor(li.id)
            let operatorActor = Storage.Actor(id: "operator", channel: "web", clientAddress: "-", roles: ["operator"])

            for actor in [liActor, operatorActor] {
                let ending = await domainError {
                    try await fixture.service.logoutEverywhere(personID: zhang.id, by: actor)
                }
                let listing = await domainError { try await fixture.service.sessions(of: zhang.id, by: actor) }
                #expect(ending?.kind == .forbidden)
                #expect(listing?.kind == .forbidden)
                #expect(ending?.detail.containsChinese == true)
            }
            #expect(try await fixture.service.session(token: issued.token) != nil)
        }
    }

    @Test("a person's device list holds only their own live sessions, newest first", arguments: TestDatabase.available)
    func listOwnLive(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let (zhang, idle) = try await Self.signedIn(fixture)
            try await fixture.register(IdentityFixture.li)
            _ = try await fixture.login(IdentityFixture.li.phone, IdentityFixture.li.password)
            fixture.clock.advance(by: 20 * 60)
            let older = try await fixture.login(Self.zhang.phone, Self.zhang.password)
            fixture.clock.advance(by: 60)
            let newer = try await fixture.login(
                Self.zhang.phone, Self.zhang.password, from: IdentityFixture.from("10.0.0.3"))
            fixture.clock.advance(by: 10 * 60)  // the first session is now idle for 31 minutes

            let listed = try await fixture.service.sessions(of: zhang.id, by: IdentityFixture.actor(zhang.id))

            #expect(listed.map(\.id) == [newer.info.id, older.info.id])
            #expect(!listed.contains { $0.id == idle.info.id })
            #expect(listed.allSatisfy { $0.personID == zhang.id })
            #expect(listed.first?.userAgent.contains("iPhone") == true)
        }
    }
}

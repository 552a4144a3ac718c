import Foundation
import Identity
import Kernel
import SQLKit
import StorageTesting
import Testing

/// Password guessing is slowed per account and per client address.
///
/// Each failure in the account tests comes from its own address, so only the account's key can be
/// what locks; the address test spreads its failures over many accounts for the same reason.
@Suite("Login throttling")
struct LoginThrottleTests {
    static let phone = IdentityFixture.zhang.phone
    static let password = IdentityFixture.zhang.password

    /// `count` wrong passwords for 张三, each from a new address (198.51.100.`first`…).
    static func fail(_ fixture: IdentityFixture, _ count: Int, first: Int = 1) async {
        for n in first..<(first + count) {
            let error = await domainError {
                try await fixture.login(phone, "wrong-password-\(n)", from: IdentityFixture.from("198.51.100.\(n)"))
            }
            #expect(error?.code == "identity.bad-credentials", "failure \(n)")
        }
    }

    /// The refusal of a correct login from a fresh address, or nil if it succeeds.
    static func lock(_ fixture: IdentityFixture, from address: String = "203.0.113.99") async throws -> DomainError? {
        do {
            _ = try await fixture.login(phone, password, from: IdentityFixture.from(address))
            return nil
        } catch let error as DomainError {
            return error
        }
    }

    @Test("five failures lock the account, even against the right password", arguments: TestDatabase.available)
    func fiveFailuresLock(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            try await fixture.register(IdentityFixture.zhang)
            await Self.fail(fixture, 4)
            #expect(try await Self.lock(fixture, from: "203.0.113.1") == nil, "four failures are still free")
            await Self.fail(fixture, 5, first: 10)

            let error = try await Self.lock(fixture)

            #expect(error?.kind == .rateLimited)
            #expect(error?.code == "identity.locked")
            #expect(error?.title == "登录尝试过多")
            #expect(error?.detail.contains("请 1 分钟后再试") == true)
        }
    }

    @Test("each failure after a lock doubles it, up to an hour, and it ends on time", arguments: TestDatabase.available)
    func lockDoubles(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            try await fixture.register(IdentityFixture.zhang)
            await Self.fail(fixture, 5)
            // Lock lengths after the 5th, 6th … 13th failure; from the 12th on, 3,840 s and more without the cap.
            let lengths = [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]
            for (step, seconds) in lengths.enumerated() {
                let minutes = Int((Double(seconds) / 60).rounded(.up))
                let fresh = try await Self.lock(fixture)
                #expect(fresh?.detail.contains("请 \(minutes) 分钟后再试") == true, "\(seconds) s lock")
                fixture.clock.advance(by: TimeInterval(seconds - 1))
                #expect(try await Self.lock(fixture)?.code == "identity.locked", "\(seconds) s lock, 1 s left")
                fixture.clock.advance(by: 1)
                if step < lengths.count - 1 { await Self.fail(fixture, 1, first: 10 + step) }
            }
            #expect(try await Self.lock(fixture) == nil, "the lock ends with the clock")
        }
    }

    @Test("attempts while locked neither succeed nor lengthen the lock", arguments: TestDatabase.available)
    func hammeringDoesNotExtend(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            try await fixture.register(IdentityFixture.zhang)
            await Self.fail(fixture, 5)
            for n in 0..<5 {
                let error = await domainError {
                    try await fixture.login(Self.phone, "guess-\(n)", from: IdentityFixture.from("203.0.113.\(n)"))
                }
                #expect(error?.code == "identity.locked")
            }

            fixture.clock.advance(by: 30)

            #expect(try await Self.lock(fixture) == nil)
        }
    }

    @Test("a successful login forgets the account's failures", arguments: TestDatabase.available)
    func successClears(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            try await fixture.register(IdentityFixture.zhang)
            await Self.fail(fixture, 4)
            #expect(try await Self.lock(fixture, from: "203.0.113.1") == nil)

            await Self.fail(fixture, 4, first: 10)

            #expect(try await Self.lock(fixture, from: "203.0.113.2") == nil, "8 failures, but only 4 since success")
        }
    }

    @Test(
        "a success does not forgive its address: spraying cannot be reset with an account of one's own",
        arguments: TestDatabase.available)
    func successKeepsAddressCount(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            // setup: the sprayer owns 张三's account and guesses at four others from one address
            try await fixture.register(IdentityFixture.zhang)
            let sprayer = IdentityFixture.from("203.0.113.77")
            for n in 0..<4 {
                _ = await domainError { try await fixture.login("1390000000\(n)", "guess", from: sprayer) }
            }
            _ = try await fixture.login(Self.phone, Self.password, from: sprayer)
            // act: the fifth guess from that address
            _ = await domainError { try await fixture.login("13900000009", "guess", from: sprayer) }
            // verify
            let locked = await domainError { try await fixture.login(Self.phone, Self.password, from: sprayer) }
            #expect(locked?.code == "identity.locked")
        }
    }

    @Test("an address's failures are forgotten after an hour without one", arguments: TestDatabase.available)
    func addressCountDecays(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            try await fixture.register(IdentityFixture.zhang)
            let shared = IdentityFixture.from("203.0.113.88")
            for n in 0..<4 {
                _ = await domainError { try await fixture.login("1390000000\(n)", "guess", from: shared) }
            }
            fixture.clock.advance(by: 3601)

            for n in 4..<8 {
                _ = await domainError { try await fixture.login("1390000000\(n)", "guess", from: shared) }
            }

            #expect(try await Self.lock(fixture, from: "203.0.113.88") == nil, "four recent failures, not eight")
        }
    }

    @Test("five failures from one address lock it for every account", arguments: TestDatabase.available)
    func addressLock(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            try await fixture.register(IdentityFixture.zhang)
            let attacker = IdentityFixture.from("203.0.113.66")
            for n in 0..<5 {
                // A different (unknown) account each time: no account key reaches five.
                let error = await domainError {
                    try await fixture.login("1390000000\(n)", "guess-\(n)", from: attacker)
                }
                #expect(error?.code == "identity.bad-credentials")
            }

            let locked = await domainError { try await fixture.login(Self.phone, Self.password, from: attacker) }
            let elsewhere = try await fixture.login(
                Self.phone, Self.password, from: IdentityFixture.from("203.0.113.7"))

            #expect(locked?.code == "identity.locked")
            #expect(elsewhere.info.clientAddress == "203.0.113.7")
            fixture.clock.advance(by: 30)
            _ = try await fixture.login(Self.phone, Self.password, from: attacker)
        }
    }

    @Test("concurrent failures are each counted and answered as bad credentials", arguments: TestDatabase.available)
    func concurrentFailures(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            try await fixture.register(IdentityFixture.zhang)
            let answers = await withTaskGroup(of: String.self) { group in
                for n in 0..<4 {
                    group.addTask {
                        do {
                            _ = try await fixture.login(
                                Self.phone, "wrong-\(n)", from: IdentityFixture.from("192.0.2.77"))
                            return "signed in"
                        } catch let error as DomainError {
                            return error.code
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }

            #expect(answers == Array(repeating: "identity.bad-credentials", count: 4))
            let counts = try await fixture.database.read { sql in
                try await sql.raw("SELECT failures FROM idn_login_failures ORDER BY throttle_key").all()
            }.map { try $0.decode(column: "failures", as: Int.self) }
            #expect(counts == [4, 4], "the account's and the address's failures, none lost")
        }
    }
}

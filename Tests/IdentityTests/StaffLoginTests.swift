import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Staff login with TOTP")
struct StaffLoginTests {
    static let password = OrganisationService.demoPassword

    @Test("password, then the authenticator's code, opens a staff session", arguments: TestDatabase.available)
    func twoSteps(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let challenge = try await fixture.service.beginStaffLogin(
                username: " RSJ-Admin ", password: Self.password, context: OrganisationFixture.web)
            #expect(challenge.enrolment == nil, "demo staff are enrolled")
            #expect(challenge.expiresAt == IdentityFixture.start.addingTimeInterval(300))

            let session = try await fixture.service.completeStaffLogin(
                challenge: challenge.token, code: fixture.code(fixture.staff("rsj-admin").totpSecret),
                context: OrganisationFixture.web)

            let found = try await fixture.service.staffSession(token: session.token)
            #expect(found == session.info)
            #expect(found?.staffID == fixture.staff("rsj-admin").member.id)
            #expect(try await fixture.service.staffSession(token: challenge.token) == nil, "a ticket is not a session")
            let stored = try await fixture.database.read { sql in
                try await sql.raw("SELECT token_hash FROM idn_staff_sessions").all()
            }.map { try $0.decode(column: "token_hash", as: String.self) }
            #expect(stored.count == 1 && stored[0] != session.token, "only a hash of the token is stored")
            #expect(try await fixture.auditActions().last == "identity.staff-login")
        }
    }

    @Test(
        "a staff member without TOTP enrols with the first good code before any session",
        arguments: TestDatabase.available)
    func enrolment(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let clerk = try await fixture.hire("window02", in: "SJZ-ZWJ-ZWFWK", role: .counterClerk, scope: .department)
            let first = try await fixture.service.beginStaffLogin(
                username: "window02", password: Self.password, context: OrganisationFixture.web)
            let enrolment = try #require(first.enrolment)
            #expect(enrolment.uri.hasPrefix("otpauth://totp/%E6%94%BF%E9%80%9A:window02?secret=\(enrolment.secret)&"))
            #expect(Base32.decode(enrolment.secret)?.count == 20)

            let wrong = await domainError {
                try await fixture.service.completeStaffLogin(
                    challenge: first.token, code: "000000", context: OrganisationFixture.web)
            }
            #expect(wrong?.code == "identity.bad-totp")
            #expect(
                try await fixture.service.staffMember(clerk.staffID, by: fixture.actor("admin")).totpEnrolled == false)

            let session = try await fixture.service.completeStaffLogin(
                challenge: first.token, code: fixture.code(enrolment.secret), context: OrganisationFixture.web)

            #expect(session.info.staffID == clerk.staffID)
            #expect(try await fixture.service.staffMember(clerk.staffID, by: fixture.actor("admin")).totpEnrolled)
            fixture.clock.advance(by: 30)
            let next = try await fixture.service.beginStaffLogin(
                username: "window02", password: Self.password, context: OrganisationFixture.web)
            #expect(next.enrolment == nil, "the secret is shown once")
            _ = try await fixture.service.completeStaffLogin(
                challenge: next.token, code: fixture.code(enrolment.secret), context: OrganisationFixture.web)
            #expect(
                try await fixture.auditActions().suffix(3) == [
                    "identity.staff-totp-enrol", "identity.staff-login", "identity.staff-login",
                ])
        }
    }

    @Test("a code's time step works once, also across logins, and older steps never", arguments: TestDatabase.available)
    func replay(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let secret = fixture.staff("rsj-jy01").totpSecret
            let earlier = fixture.code(secret)
            fixture.clock.advance(by: 30)
            let used = fixture.code(secret)
            _ = try await fixture.login("rsj-jy01")
            let again = try await fixture.service.beginStaffLogin(
                username: "rsj-jy01", password: Self.password, context: OrganisationFixture.web)

            let replayed = await domainError {
                try await fixture.service.completeStaffLogin(
                    challenge: again.token, code: used, context: OrganisationFixture.web)
            }
            let older = await domainError {
                try await fixture.service.completeStaffLogin(
                    challenge: again.token, code: earlier, context: OrganisationFixture.web)
            }

            #expect(replayed?.code == "identity.bad-totp")
            #expect(older?.code == "identity.bad-totp", "still in the window, but older than the step last used")
            fixture.clock.advance(by: 30)
            let session = try await fixture.service.completeStaffLogin(
                challenge: again.token, code: fixture.code(secret), context: OrganisationFixture.web)
            #expect(session.info.staffID == fixture.staff("rsj-jy01").member.id)
        }
    }

    @Test("a ticket works once and for five minutes", arguments: TestDatabase.available)
    func ticket(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let secret = fixture.staff("audit").totpSecret
            let used = try await fixture.service.beginStaffLogin(
                username: "audit", password: Self.password, context: OrganisationFixture.web)
            _ = try await fixture.service.completeStaffLogin(
                challenge: used.token, code: fixture.code(secret), context: OrganisationFixture.web)
            let stale = try await fixture.service.beginStaffLogin(
                username: "audit", password: Self.password, context: OrganisationFixture.web)
            fixture.clock.advance(by: 300)

            let reused = await domainError {
                try await fixture.service.completeStaffLogin(
                    challenge: used.token, code: fixture.code(secret), context: OrganisationFixture.web)
            }
            let expired = await domainError {
                try await fixture.service.completeStaffLogin(
                    challenge: stale.token, code: fixture.code(secret), context: OrganisationFixture.web)
            }
            let forged = await domainError {
                try await fixture.service.completeStaffLogin(
                    challenge: "not-a-ticket", code: fixture.code(secret), context: OrganisationFixture.web)
            }

            #expect(reused?.code == "identity.challenge-expired")
            #expect(expired?.code == "identity.challenge-expired")
            #expect(forged?.code == "identity.challenge-expired")
            #expect(expired?.kind == .unauthenticated)
        }
    }

    @Test("wrong passwords and unknown usernames get the same answer", arguments: TestDatabase.available)
    func badPassword(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let wrong = await domainError {
                try await fixture.service.beginStaffLogin(
                    username: "admin", password: "not-the-password", context: OrganisationFixture.web)
            }
            let unknown = await domainError {
                try await fixture.service.beginStaffLogin(
                    username: "nobody", password: Self.password, context: OrganisationFixture.web)
            }

            let actions = try await fixture.auditActions()
            #expect(wrong == unknown)
            #expect(wrong?.code == "identity.bad-credentials")
            #expect(actions.suffix(2) == ["identity.staff-login-failed", "identity.staff-login-failed"])
        }
    }

    @Test("wrong TOTP codes count as failed logins and lock the account", arguments: TestDatabase.available)
    func wrongCodesThrottle(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let challenge = try await fixture.service.beginStaffLogin(
                username: "gaj-hz01", password: Self.password, context: OrganisationFixture.web)
            for n in 0..<5 {
                let error = await domainError {
                    try await fixture.service.completeStaffLogin(
                        challenge: challenge.token, code: String(format: "%06d", n),
                        context: IdentityFixture.from("198.51.100.\(n)"))
                }
                #expect(error?.code == "identity.bad-totp")
            }

            let locked = await domainError {
                try await fixture.service.beginStaffLogin(
                    username: "gaj-hz01", password: Self.password, context: IdentityFixture.from("203.0.113.5"))
            }

            #expect(locked?.code == "identity.locked")
            #expect(locked?.kind == .rateLimited)
            let keys = try await fixture.database.read { sql in
                try await sql.raw("SELECT throttle_key FROM idn_login_failures ORDER BY throttle_key").all()
            }.map { try $0.decode(column: "throttle_key", as: String.self) }
            #expect(keys.contains("staff:" + fixture.staff("gaj-hz01").member.id.uuidString))
            #expect(keys.contains("staff-address:198.51.100.0"))
            #expect(!keys.contains { $0.hasPrefix("account:") || $0.hasPrefix("address:") }, "apart from citizens")
            fixture.clock.advance(by: 30)
            _ = try await fixture.login("gaj-hz01", from: IdentityFixture.from("203.0.113.5"))
        }
    }

    @Test("a disabled staff member cannot log in, and their sessions end", arguments: TestDatabase.available)
    func disabled(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let clerk = fixture.staff("window01").member
            let session = try await fixture.login("window01")
            let pending = try await fixture.service.beginStaffLogin(
                username: "window01", password: Self.password, context: OrganisationFixture.web)

            let updated = try await fixture.service.setStaffStatus(clerk.id, .disabled, by: fixture.actor("admin"))

            #expect(updated.status == .disabled)
            #expect(try await fixture.service.staffSession(token: session.token) == nil)
            fixture.clock.advance(by: 30)
            let refused = await domainError {
                try await fixture.service.beginStaffLogin(
                    username: "window01", password: Self.password, context: OrganisationFixture.web)
            }
            let finishing = await domainError {
                try await fixture.service.completeStaffLogin(
                    challenge: pending.token, code: fixture.code(fixture.staff("window01").totpSecret),
                    context: OrganisationFixture.web)
            }
            #expect(refused?.code == "identity.staff-disabled")
            #expect(finishing?.code == "identity.challenge-expired")
            let acting = await domainError {
                try await fixture.service.departmentTree(by: fixture.actor("window01"))
            }
            #expect(acting?.code == "identity.staff-inactive")

            _ = try await fixture.service.setStaffStatus(clerk.id, .active, by: fixture.actor("admin"))
            _ = try await fixture.login("window01")
        }
    }

    @Test("staff sessions end after 15 idle minutes, and at logout", arguments: TestDatabase.available)
    func sessionLimits(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let idle = try await fixture.login("admin")
            fixture.clock.advance(by: 30)
            let other = try await fixture.login("admin")
            fixture.clock.advance(by: 14 * 60 + 31)
            #expect(try await fixture.service.staffSession(token: other.token) != nil)
            #expect(try await fixture.service.staffSession(token: idle.token) == nil, "15 minutes unused")

            try await fixture.service.staffLogout(token: other.token, by: StaffActor(session: other.info))
            try await fixture.service.staffLogout(token: other.token, by: StaffActor(session: other.info))

            #expect(try await fixture.service.staffSession(token: other.token) == nil)
            #expect(try await fixture.auditActions().filter { $0 == "identity.staff-logout" }.count == 1)
        }
    }

    @Test("a reset authenticator must be enrolled again", arguments: TestDatabase.available)
    func resetTOTP(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let approver = fixture.staff("rsj-jy01").member
            let session = try await fixture.login("rsj-jy01")

            let reset = try await fixture.service.resetStaffTOTP(approver.id, by: fixture.actor("rsj-admin"))

            #expect(reset.totpEnrolled == false)
            #expect(try await fixture.service.staffSession(token: session.token) == nil)
            let next = try await fixture.service.beginStaffLogin(
                username: "rsj-jy01", password: Self.password, context: OrganisationFixture.web)
            #expect(next.enrolment != nil)
            let old = await domainError {
                try await fixture.service.completeStaffLogin(
                    challenge: next.token, code: fixture.code(fixture.staff("rsj-jy01").totpSecret),
                    context: OrganisationFixture.web)
            }
            #expect(old?.code == "identity.bad-totp", "the old secret no longer works")
        }
    }
}

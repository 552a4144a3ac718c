import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Face verification (L3)")
struct FaceVerificationTests {
    static func owner(_ person: PersonProfile) -> Actor { IdentityFixture.actor(person.id) }

    @Test(
        "a passed face check raises L2 to L3, recorded with method and time, and audited",
        arguments: TestDatabase.available)
    func passed(kind: TestDatabase) async throws {
        try await RealNameFixture.with(kind) { fixture in
            // setup
            let person = try await fixture.zhangAtL2()
            fixture.clock.advance(by: 60)
            // act
            let attempt = try await fixture.service.startFaceVerification(
                personID: person.id, by: Self.owner(person), returnURL: "https://zw.example.test/face/{attempt}")
            let early = try await fixture.service.completeFaceVerification(
                attemptID: attempt.attemptID, by: Self.owner(person))
            fixture.provider.finish("fs-1", status: "passed", score: 0.97, passedAt: "2026-09-21T08:30:00Z")
            fixture.clock.advance(by: 120)
            let done = try await fixture.service.completeFaceVerification(
                attemptID: attempt.attemptID, by: Self.owner(person))
            let again = try await fixture.service.completeFaceVerification(
                attemptID: attempt.attemptID, by: Self.owner(person))
            // verify
            #expect(attempt.verifyURL == "https://face.example.test/liveness/fs-1")
            #expect(attempt.expiresAt == IdentityFixture.start.addingTimeInterval(60 + 600))
            #expect(attempt.notice == nil)
            let session = try #require(fixture.provider.sessions["fs-1"])
            #expect(session.name == "张三" && session.idNumber == "130102199003071233")
            #expect(session.reference == attempt.attemptID.uuidString)
            #expect(session.returnURL == "https://zw.example.test/face/\(attempt.attemptID.uuidString)")
            #expect([early, done, again] == [.pending, .passed, .passed])
            #expect(try await fixture.identity.service.profile(person.id).realNameLevel == .faceVerified)
            let history = try await fixture.identity.service.realNameHistory(person.id)
            #expect(history.map(\.level) == [.selfDeclared, .registryMatched, .faceVerified])
            #expect(history.map(\.method) == ["self-declared", "registry:database", "face:http"])
            #expect(history.last?.occurredAt == IdentityFixture.start.addingTimeInterval(180))
            let actions = try await fixture.audit().map(\.action)
            #expect(Array(actions.suffix(2)) == ["identity.face-verification-started", "identity.real-name-raised"])
            #expect(try await AuditVerifier(database: fixture.database).verify().entryCount == Int64(actions.count))
            let row = try await fixture.database.read { sql in
                try await sql.raw("SELECT status, score, provider_passed_at FROM idn_face_attempts").first()
            }
            #expect(try row?.decode(column: "status", as: String.self) == "passed")
            #expect(try row?.decode(column: "score", as: Double.self) == 0.97)
            #expect(
                try row?.decode(column: "provider_passed_at", as: Date.self)
                    == Date(timeIntervalSince1970: 1_789_979_400))
        }
    }

    @Test(
        "a failed or provider-expired check leaves the account at L2, and stays closed",
        arguments: TestDatabase.available)
    func failedAndExpired(kind: TestDatabase) async throws {
        try await RealNameFixture.with(kind) { fixture in
            let person = try await fixture.zhangAtL2()
            let first = try await fixture.service.startFaceVerification(personID: person.id, by: Self.owner(person))
            let second = try await fixture.service.startFaceVerification(personID: person.id, by: Self.owner(person))
            fixture.provider.finish("fs-1", status: "failed", score: 0.31)
            fixture.provider.finish("fs-2", status: "expired")

            let failed = await domainError {
                try await fixture.service.completeFaceVerification(attemptID: first.attemptID, by: Self.owner(person))
            }
            // The provider cannot reopen a closed attempt.
            fixture.provider.finish("fs-1", status: "passed")
            let stillFailed = await domainError {
                try await fixture.service.completeFaceVerification(attemptID: first.attemptID, by: Self.owner(person))
            }
            let expired = await domainError {
                try await fixture.service.completeFaceVerification(attemptID: second.attemptID, by: Self.owner(person))
            }

            #expect(failed?.code == "identity.face-failed" && failed?.detail.containsChinese == true)
            #expect(stillFailed?.code == "identity.face-failed")
            #expect(expired?.code == "identity.face-expired")
            #expect(try await fixture.identity.service.profile(person.id).realNameLevel == .registryMatched)
            let actions = try await fixture.audit().map(\.action)
            #expect(actions.contains("identity.face-verification-failed"))
            #expect(actions.contains("identity.face-verification-expired"))
            // Only the registry's raise.
            #expect(actions.filter { $0 == "identity.real-name-raised" }.count == 1)
        }
    }

    @Test("an attempt past its 10 minutes fails, even when the provider says passed", arguments: TestDatabase.available)
    func lapsed(kind: TestDatabase) async throws {
        try await RealNameFixture.with(kind) { fixture in
            // setup
            let person = try await fixture.zhangAtL2()
            let attempt = try await fixture.service.startFaceVerification(personID: person.id, by: Self.owner(person))
            fixture.provider.finish("fs-1", status: "passed", score: 0.99)
            fixture.clock.advance(by: 601)
            // act
            let error = await domainError {
                try await fixture.service.completeFaceVerification(attemptID: attempt.attemptID, by: Self.owner(person))
            }
            // verify
            #expect(error?.code == "identity.face-expired")
            #expect(try await fixture.identity.service.profile(person.id).realNameLevel == .registryMatched)
            // The provider was asked nothing after the start.
            #expect(fixture.provider.received.count == 1)
        }
    }

    @Test("an L1 account cannot start face verification", arguments: TestDatabase.available)
    func needsL2(kind: TestDatabase) async throws {
        try await RealNameFixture.with(kind) { fixture in
            let person = try await fixture.identity.register(IdentityFixture.li)
            let error = await domainError {
                try await fixture.service.startFaceVerification(personID: person.id, by: Self.owner(person))
            }
            #expect(error?.code == "identity.face-needs-registry")
            #expect(error?.detail.containsChinese == true)
            #expect(fixture.provider.received.isEmpty)
        }
    }

    @Test("nobody else can start or complete your attempt", arguments: TestDatabase.available)
    func onlyTheOwner(kind: TestDatabase) async throws {
        try await RealNameFixture.with(kind) { fixture in
            // setup
            let person = try await fixture.zhangAtL2()
            let other = try await fixture.identity.register(IdentityFixture.li)
            let attempt = try await fixture.service.startFaceVerification(personID: person.id, by: Self.owner(person))
            fixture.provider.finish("fs-1", status: "passed")
            // act
            let startForOther = await domainError {
                try await fixture.service.startFaceVerification(personID: person.id, by: Self.owner(other))
            }
            let completeForOther = await domainError {
                try await fixture.service.completeFaceVerification(attemptID: attempt.attemptID, by: Self.owner(other))
            }
            let unknown = await domainError {
                try await fixture.service.completeFaceVerification(attemptID: UUID(), by: Self.owner(person))
            }
            // verify
            #expect(startForOther?.kind == .forbidden)
            #expect(completeForOther?.kind == .forbidden)
            #expect(unknown?.kind == .notFound)
            #expect(try await fixture.identity.service.profile(person.id).realNameLevel == .registryMatched)
            #expect(try await fixture.identity.service.profile(other.id).realNameLevel == .selfDeclared)
        }
    }

    @Test(
        "the development verifier passes, says so, and is recorded as face:development",
        arguments: TestDatabase.available)
    func development(kind: TestDatabase) async throws {
        try await RealNameFixture.with(kind, verifier: .development) { fixture in
            let person = try await fixture.zhangAtL2()
            let attempt = try await fixture.service.startFaceVerification(personID: person.id, by: Self.owner(person))
            let status = try await fixture.service.completeFaceVerification(
                attemptID: attempt.attemptID, by: Self.owner(person))

            #expect(attempt.notice == "演示环境，未进行真实人脸核验")
            #expect(fixture.service.faceNotice == "演示环境，未进行真实人脸核验")
            #expect(status == .passed)
            #expect(try await fixture.identity.service.realNameHistory(person.id).last?.method == "face:development")
        }
    }

    @Test("without a verifier, or past five attempts a day, no attempt starts", arguments: TestDatabase.available)
    func refusals(kind: TestDatabase) async throws {
        try await RealNameFixture.with(kind, verifier: .none) { fixture in
            let person = try await fixture.zhangAtL2()
            let error = await domainError {
                try await fixture.service.startFaceVerification(personID: person.id, by: Self.owner(person))
            }
            #expect(error?.kind == .unavailable && error?.code == "identity.no-face-verifier")
            #expect(!fixture.service.offersFaceVerification)
        }
        try await RealNameFixture.with(kind) { fixture in
            let person = try await fixture.zhangAtL2()
            for _ in 0..<RealNameService.attemptsPerDay {
                _ = try await fixture.service.startFaceVerification(personID: person.id, by: Self.owner(person))
            }
            let error = await domainError {
                try await fixture.service.startFaceVerification(personID: person.id, by: Self.owner(person))
            }
            #expect(error?.kind == .rateLimited)
            fixture.clock.advance(by: 24 * 3600 + 1)
            _ = try await fixture.service.startFaceVerification(personID: person.id, by: Self.owner(person))
        }
    }

    @Test("a provider outage while completing leaves the attempt open", arguments: TestDatabase.available)
    func outage(kind: TestDatabase) async throws {
        try await kind.withDatabase(migrations: IdentityModule.migrations) { database in
            let identity = try IdentityFixture(database: database)
            let sealer = try FieldSealer(masterKey: Array(repeating: 9, count: 32))
            let organisation = OrganisationService(
                database: database, audit: AuditLog(algorithm: .sm3, clock: identity.clock), sealer: sealer,
                clock: identity.clock, divisions: try DivisionTable.standard())
            let service = RealNameService(
                database: database, audit: AuditLog(algorithm: .sm3, clock: identity.clock), sealer: sealer,
                clock: identity.clock, faceVerifier: FlakyVerifier(), organisation: organisation)
            _ = try await identity.registry.load(csv: "name,id_number\n张三,130102199003071233")
            let person = try await identity.register(IdentityFixture.zhang)
            try await identity.service.raiseByRegistry(personID: person.id, by: Self.owner(person))
            let attempt = try await service.startFaceVerification(personID: person.id, by: Self.owner(person))

            let error = await domainError {
                try await service.completeFaceVerification(attemptID: attempt.attemptID, by: Self.owner(person))
            }
            #expect(error?.kind == .unavailable)
            let status = try await database.read { sql in
                try await sql.raw("SELECT status FROM idn_face_attempts").first()?.decode(
                    column: "status", as: String.self)
            }
            #expect(status == "pending")
        }
    }
}

/// Opens sessions, then cannot be reached.
struct FlakyVerifier: FaceVerifier {
    let method = "face:flaky"
    let isDevelopment = false
    let notice: String? = nil

    func start(_ request: FaceCheckRequest) async throws -> FaceSession {
        FaceSession(sessionID: "flaky-1", verifyURL: "https://face.example.test/flaky-1")
    }

    func result(sessionID: String) async throws -> FaceResult {
        throw DomainError(.unavailable, code: "identity.face-unavailable", title: "人脸核验服务暂不可用", detail: "请稍后再试。")
    }
}

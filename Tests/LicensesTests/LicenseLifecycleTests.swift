import Foundation
import Identity
import Kernel
import Licenses
import Signing
import Storage
import StorageTesting
import Testing

@Suite("Licenses: issue, verify, status, renewal, keys")
struct LicenseLifecycleTests {
    @Test(
        "a license issued by hand verifies, and its code carries masked personal data",
        arguments: TestDatabase.available)
    func issueAndVerify(database: TestDatabase) async throws {
        try await LicensesFixture.with(database) { fixture in
            // Act
            let license = try await fixture.issuedFoodPermit()
            let verification = try await fixture.licenses.verify(license.code)

            // Verify
            #expect(license.code.hasPrefix("ZT1:"))
            #expect(try LicenseIdentifier(license.identifier.description) == license.identifier)
            #expect(license.validUntil?.description == "2031-04-27")
            #expect(verification.verdict == .valid, "\(verification.reason)")
            #expect(verification.statusChecked)
            #expect(verification.algorithm == "SM2")
            let claims = try #require(verification.claims)
            #expect(claims.identifier == license.identifier)
            #expect(claims.fields.contains(["经办人", "张*"]) || claims.fields.contains(["经办人", "*三"]))
            #expect(!claims.fields.flatMap { $0 }.contains("张三"))
            #expect(verification.issuerName == "市市场监督管理局")
        }
    }

    @Test("a changed character of the code fails with a reason, never a crash", arguments: TestDatabase.available)
    func tamper(database: TestDatabase) async throws {
        try await LicensesFixture.with(database) { fixture in
            // Setup
            let code = try await fixture.issuedFoodPermit().code
            let verifier = try await fixture.licenses.verifier()
            let body = Array(code)

            // Act: change each of 40 positions across the Base45 text to another Base45 character.
            var verdicts: [LicenseVerification.Verdict] = []
            for position in stride(from: 4, to: body.count, by: max(1, body.count / 40)) {
                var forged = body
                forged[position] = forged[position] == "A" ? "B" : "A"
                verdicts.append(verifier.verify(String(forged), now: LicensesFixture.start).verdict)
            }

            // Verify
            #expect(!verdicts.isEmpty)
            #expect(verdicts.allSatisfy { $0 != .valid })
            #expect(verifier.verify("HC1:NCFOXN", now: LicensesFixture.start).verdict == .malformed)
            #expect(verifier.verify("ZT1:", now: LicensesFixture.start).verdict == .malformed)
        }
    }

    @Test(
        "suspended, revoked and superseded licenses fail verification with their reason",
        arguments: TestDatabase.available)
    func statuses(database: TestDatabase) async throws {
        try await LicensesFixture.with(database) { fixture in
            // Setup
            let approver = fixture.staff("scj-sp01")
            let first = try await fixture.issuedFoodPermit()
            let second = try await fixture.issuedFoodPermit()

            // Act
            _ = try await fixture.licenses.change(first.id, .suspend, reason: "经营场所核查中", by: approver)
            let suspended = try await fixture.licenses.verify(first.code)
            _ = try await fixture.licenses.change(first.id, .reinstate, reason: "核查通过", by: approver)
            let reinstated = try await fixture.licenses.verify(first.code)
            _ = try await fixture.licenses.change(first.id, .revoke, reason: "申请注销", by: approver)
            let revoked = try await fixture.licenses.verify(first.code)
            let renewed = try await fixture.licenses.renew(second.id, fields: ["premisesArea": "150"], by: approver)

            // Verify
            #expect(suspended.verdict == .suspended)
            #expect(suspended.reason.contains("经营场所核查中"))
            #expect(reinstated.verdict == .valid)
            #expect(revoked.verdict == .revoked)
            await #expect(throws: DomainError.self) {
                try await fixture.licenses.change(first.id, .reinstate, reason: "想恢复", by: approver)
            }
            #expect(renewed.identifier.serial == second.identifier.serial)
            #expect(renewed.identifier.version == 2)
            #expect(renewed.fields["premisesArea"] == "150")
            #expect(try await fixture.licenses.verify(second.code).verdict == .superseded)
            #expect(try await fixture.licenses.verify(renewed.code).verdict == .valid)
            let list = try await fixture.licenses.statusList()
            #expect(Set(list.map(\.identifier)) == [first.identifier.description, second.identifier.description])
            let history = try await fixture.licenses.history(first.id, by: approver).map(\.action)
            #expect(history == ["issued", "suspend", "reinstate", "revoke"])
        }
    }

    @Test(
        "staff of another department cannot issue or even see the market regulator's licenses",
        arguments: TestDatabase.available)
    func scope(database: TestDatabase) async throws {
        try await LicensesFixture.with(database) { fixture in
            // Setup
            let license = try await fixture.issuedFoodPermit()
            let outsider = "gaj-hz01"  // an approver of the public security bureau

            // Act / verify
            await #expect(throws: DomainError.self) {
                try await fixture.licenses.license(license.id, by: fixture.staff(outsider))
            }
            await #expect(throws: DomainError.self) {
                try await fixture.licenses.change(license.id, .revoke, reason: "越权注销", by: fixture.staff(outsider))
            }
            #expect(try await fixture.licenses.issued(by: fixture.staff(outsider)).isEmpty)
            #expect(try await fixture.licenses.issued(by: fixture.staff("scj-sp01")).map(\.id) == [license.id])
        }
    }

    @Test(
        "a rotated key keeps old licenses valid; a revoked key makes them unverifiable",
        arguments: TestDatabase.available)
    func keys(database: TestDatabase) async throws {
        try await LicensesFixture.with(database) { fixture in
            // Setup
            let before = try await fixture.issuedFoodPermit()
            let issuer = try #require(before.identifier.issuerCode as String?)
            let oldKid = try await fixture.keys.signingKey(issuer: issuer, algorithm: .sm2).kid

            // Act
            _ = try await fixture.database.transaction { tx in
                try await fixture.keys.rotate(issuer: issuer, algorithm: .sm2, in: tx)
            }
            let after = try await fixture.issuedFoodPermit()
            let beforeAfterRotation = try await fixture.licenses.verify(before.code)
            try await fixture.database.transaction { tx in
                try await fixture.keys.revoke(kid: oldKid, reason: "私钥泄露", in: tx)
            }

            // Verify
            #expect(beforeAfterRotation.verdict == .valid)
            #expect(beforeAfterRotation.kid == oldKid)
            #expect(try await fixture.licenses.verify(after.code).kid != oldKid)
            #expect(try await fixture.licenses.verify(before.code).verdict == .unknownKey)
            #expect(try await fixture.licenses.verify(after.code).verdict == .valid)
            let published = try await fixture.licenses.publishedKeys()
            #expect(!published.contains { $0.jwk.kid == oldKid })
            #expect(published.contains { $0.issuer == issuer && $0.retiredAt == nil })
        }
    }

    @Test("invalid fields are refused together, and nothing is stored", arguments: TestDatabase.available)
    func invalidFields(database: TestDatabase) async throws {
        try await LicensesFixture.with(database) { fixture in
            // Act
            let error = await #expect(throws: DomainError.self) {
                try await fixture.licenses.issue(
                    IssueLicense(
                        typeKey: "food-business-permit",
                        fields: [
                            "operatorName": "某店", "creditCode": "91130102MA0G8XKQ5X", "premisesArea": "很大", "x": "1",
                        ]),
                    by: fixture.staff("scj-sp01"))
            }

            // Verify
            #expect(error?.code == "licenses.fields-invalid")
            for part in ["统一社会信用代码", "应为数字", "经营项目不能为空", "“x”"] {
                #expect(error?.detail.contains(part) == true, "\(part)")
            }
            let stored = try await fixture.licenses.issued(by: fixture.staff("scj-sp01"))
            #expect(stored.isEmpty)
        }
    }
}

import Cases
import CasesModel
import Foundation
import Kernel
import SQLKit
import StorageTesting
import Testing

@Suite("一件事 bundles")
struct BundleTests {
    static let form: FormData = ["applicantName": "张三", "contactPhone": "13800000000", "remarks": "新设有限公司"]
    static let businessLicence = "111301000000135718300011100100001"

    @Test("a bundle fans out one part per item and shares one upload", arguments: TestDatabase.available)
    func fanOut(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            await expectDomainError("cases.form-invalid") {
                try await fixture.service.startBundle(
                    code: "business-start", form: ["registeredCapital": "100"], by: fixture.applicant)
            }

            // act
            let bundle = try await fixture.service.startBundle(
                code: "business-start", form: Self.form, by: fixture.applicant)
            let shared = Data("%PDF-1.7\n身份证\n".utf8)
            let attached = try await fixture.service.attachBundleMaterial(
                bundle.id, materialName: "居民身份证", fileName: "身份证.pdf", mediaType: "application/pdf",
                content: shared, by: fixture.applicant)

            // verify: five departments, one blob for all five parts
            #expect(bundle.name == "企业开办一件事")
            #expect(bundle.state == .draft)
            #expect(bundle.parts.count == 5)
            #expect(Set(bundle.parts.map(\.departmentID)).count == 5)
            #expect(bundle.parts.allSatisfy { $0.state == .draft && $0.parentID == bundle.id })
            var hashes: Set<String> = []
            for part in attached.parts {
                let materials = try await fixture.service.materials(part.id, by: fixture.applicant)
                #expect(materials.map(\.name) == ["居民身份证"])
                hashes.formUnion(materials.compactMap(\.sha256))
            }
            #expect(hashes.count == 1)
            let blobs = try await fixture.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM zt_blobs").first()?.decode(column: "n", as: Int.self)
            }
            #expect(blobs == 1)
            await expectDomainError("cases.unknown-material") {
                try await fixture.service.attachBundleMaterial(
                    bundle.id, materialName: "结婚证", fileName: "a.pdf", mediaType: "application/pdf",
                    content: shared, by: fixture.applicant)
            }
        }
    }

    @Test("a shared upload reaches only the parts whose situations ask for it", arguments: TestDatabase.available)
    func situationsDecideTheParts(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup: in 新生儿出生一件事 only 出生登记 asks for 户口簿 unconditionally; three other
            // items ask for it only in a situation (S01 or S02) that no part has chosen.
            let bundle = try await fixture.service.startBundle(
                code: "newborn", form: [:], by: fixture.applicant)

            // act
            let attached = try await fixture.service.attachBundleMaterial(
                bundle.id, materialName: "户口簿", fileName: "户口簿.pdf", mediaType: "application/pdf",
                content: Data("%PDF-1.7\n户口簿\n".utf8), by: fixture.applicant)

            // verify
            var holders: [String] = []
            for part in attached.parts {
                let materials = try await fixture.service.materials(part.id, by: fixture.applicant)
                if materials.contains(where: { $0.name == "户口簿" }) { holders.append(part.itemName) }
            }
            #expect(attached.parts.count == 5)
            #expect(holders == ["出生登记（新生儿落户）"])
        }
    }

    @Test("a bundle submits all its parts or none", arguments: TestDatabase.available)
    func allOrNone(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup: the business licence part still lacks its 公司章程
            let bundle = try await fixture.service.startBundle(
                code: "business-start", form: Self.form, by: fixture.applicant)

            // act + verify: refused, nothing submitted
            await expectDomainError("cases.materials-missing") {
                try await fixture.service.submitBundle(bundle.id, by: fixture.applicant)
            }
            let refused = try await fixture.service.bundle(bundle.id, by: fixture.applicant)
            #expect(refused.state == .draft)
            #expect(refused.parts.allSatisfy { $0.state == .draft && $0.number == nil })

            // act: with the articles it goes through
            _ = try await fixture.service.attachBundleMaterial(
                bundle.id, materialName: "公司章程", fileName: "章程.pdf", mediaType: "application/pdf",
                content: CasesFixture.pdf, by: fixture.applicant)
            let submitted = try await fixture.service.submitBundle(bundle.id, by: fixture.applicant)

            // verify
            #expect(submitted.state == .submitted)
            #expect(submitted.submittedAt == CasesFixture.start)
            #expect(submitted.parts.allSatisfy { $0.state == .submitted && $0.number != nil })
            #expect(Set(submitted.parts.compactMap(\.number)).count == 5)
            await expectDomainError("cases.not-draft") {
                try await fixture.service.submitBundle(bundle.id, by: fixture.applicant)
            }
        }
    }

    @Test("a bundle concludes when its last part ends", arguments: TestDatabase.available)
    func concludes(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let started = try await fixture.service.startBundle(
                code: "business-start", form: Self.form, by: fixture.applicant)
            _ = try await fixture.service.attachBundleMaterial(
                started.id, materialName: "公司章程", fileName: "章程.pdf", mediaType: "application/pdf",
                content: CasesFixture.pdf, by: fixture.applicant)
            let bundle = try await fixture.service.submitBundle(started.id, by: fixture.applicant)
            let licence = try #require(bundle.parts.filter { $0.itemCode == Self.businessLicence }.first?.id)
            let others = bundle.parts.map(\.id).filter { $0 != licence }
            let last = try #require(others.last)

            // act: the licence is granted, then the applicant withdraws the other parts one by one
            _ = try await fixture.service.accept(licence, by: fixture.staff("scj-sl01"))
            try await fixture.decide(licence, step: "review", as: "scj-sp01")
            try await fixture.decide(licence, step: "decide", as: "scj-sp02")
            let granted = try await fixture.decide(licence, step: "conclude", as: "scj-sp01")
            for part in others where part != last {
                _ = try await fixture.service.withdraw(part, reason: "暂不办理", by: fixture.applicant)
            }
            let beforeLast = try await fixture.service.bundle(bundle.id, by: fixture.applicant)
            fixture.moveTo(try .y2026(4, 29))
            _ = try await fixture.service.withdraw(last, reason: "暂不办理", by: fixture.applicant)
            let after = try await fixture.service.bundle(bundle.id, by: fixture.applicant)

            // verify
            #expect(granted.state == .concluded)
            #expect(beforeLast.state == .submitted)
            #expect(beforeLast.concludedAt == nil)
            #expect(after.state == .concluded)
            #expect(after.concludedAt == (try CalendarDay.y2026(4, 29)).startDate.addingTimeInterval(36_000))
            await expectDomainError("cases.not-found") {
                try await fixture.service.bundle(bundle.id, by: .staff(fixture.staff("scj-sp01")))
            }
        }
    }
}

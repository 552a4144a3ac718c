import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Enterprise registration")
struct EnterpriseRegistrationTests {
    @Test("an L2 representative confirmed by the registry registers the enterprise", arguments: TestDatabase.available)
    func confirmed(kind: TestDatabase) async throws {
        try await EnterpriseFixture.with(kind) { fixture in
            // setup
            let zhang = try await fixture.person(EnterpriseFixture.zhang)
            fixture.clock.advance(by: 60)
            // act
            let enterprise = try await fixture.service.registerEnterprise(
                RegisterEnterprise(creditCode: " 91130100ma0demx21e ", name: " 演示市政通科技有限公司 "),
                by: EnterpriseFixture.actor(zhang))
            // verify
            #expect(enterprise.creditCode == EnterpriseFixture.companyCode)
            #expect(enterprise.name == EnterpriseFixture.companyName)
            #expect(enterprise.representativeID == zhang.id)
            #expect(enterprise.representativeNameMasked == "张*")
            #expect(enterprise.status == .active)
            #expect(enterprise.confirmedBy == "registry:database")
            #expect(enterprise.createdAt == IdentityFixture.start.addingTimeInterval(60))
            let mine = try await fixture.service.myEnterprises(by: EnterpriseFixture.actor(zhang))
            #expect(mine.map(\.enterprise) == [enterprise])
            #expect(mine.map(\.role) == [.representative])
            #expect(mine.first?.grant == nil)
            #expect(
                try await fixture.service.enterprise(enterprise.id, by: EnterpriseFixture.actor(zhang)) == enterprise)
            let last = try await fixture.lastAudit()
            #expect(last.actor == zhang.id.uuidString)
            #expect(last.action == "identity.enterprise-register")
            #expect(last.objectID == enterprise.id.uuidString)
            #expect(try await AuditVerifier(database: fixture.database).verify().entryCount != nil)
        }
    }

    @Test(
        "the registry refuses an unknown code, another name, or someone who is not the representative",
        arguments: TestDatabase.available)
    func refusedByRegistry(kind: TestDatabase) async throws {
        try await EnterpriseFixture.with(kind) { fixture in
            // setup
            let zhang = try await fixture.person(EnterpriseFixture.zhang)
            let wang = try await fixture.person(EnterpriseFixture.wang)
            let before = try await fixture.auditActions()
            let attempts: [(String, RegisterEnterprise, PersonProfile)] = [
                (
                    "identity.enterprise-not-found",
                    RegisterEnterprise(creditCode: DemoEnterpriseRegistry.generatedCode(99), name: "某公司"), zhang
                ),
                (
                    "identity.enterprise-name-mismatch",
                    RegisterEnterprise(creditCode: EnterpriseFixture.companyCode, name: "演示市政通科技公司"), zhang
                ),
                (
                    "identity.not-representative",
                    RegisterEnterprise(creditCode: EnterpriseFixture.companyCode, name: EnterpriseFixture.companyName),
                    wang
                ),
            ]
            for (code, command, person) in attempts {
                // act
                let error = await domainError {
                    try await fixture.service.registerEnterprise(command, by: EnterpriseFixture.actor(person))
                }
                // verify
                #expect(error?.code == code)
                #expect(error?.detail.containsChinese == true)
            }
            #expect(try await fixture.service.myEnterprises(by: EnterpriseFixture.actor(zhang)).isEmpty)
            #expect(try await fixture.service.myEnterprises(by: EnterpriseFixture.actor(wang)).isEmpty)
            #expect(try await fixture.auditActions() == before)
        }
    }

    @Test("a credit code is registered once", arguments: TestDatabase.available)
    func duplicate(kind: TestDatabase) async throws {
        try await EnterpriseFixture.with(kind) { fixture in
            // setup
            let (zhang, _) = try await fixture.company()
            // act
            let error = await domainError {
                try await fixture.service.registerEnterprise(
                    RegisterEnterprise(creditCode: EnterpriseFixture.companyCode, name: EnterpriseFixture.companyName),
                    by: EnterpriseFixture.actor(zhang))
            }
            // verify
            #expect(error?.kind == .conflict)
            #expect(error?.code == "identity.enterprise-exists")
            #expect(try await fixture.service.myEnterprises(by: EnterpriseFixture.actor(zhang)).count == 1)
        }
    }

    @Test("an L1 person may not register an enterprise, even their own", arguments: TestDatabase.available)
    func levelOne(kind: TestDatabase) async throws {
        try await EnterpriseFixture.with(kind) { fixture in
            // setup
            let zhang = try await fixture.person(EnterpriseFixture.zhang, level2: false)
            // act
            let error = await domainError {
                try await fixture.service.registerEnterprise(
                    RegisterEnterprise(creditCode: EnterpriseFixture.companyCode, name: EnterpriseFixture.companyName),
                    by: EnterpriseFixture.actor(zhang))
            }
            // verify
            #expect(error?.kind == .forbidden)
            #expect(error?.code == "identity.enterprise-level")
            #expect(error?.detail.contains("L2") == true)
        }
    }

    @Test("a malformed credit code, a staff actor, or no registry are refused before anything is stored")
    func refusedEarly() async throws {
        try await EnterpriseFixture.with(.sqlite, registry: false) { fixture in
            // setup
            let zhang = try await fixture.person(EnterpriseFixture.zhang)
            let valid = RegisterEnterprise(
                creditCode: EnterpriseFixture.companyCode, name: EnterpriseFixture.companyName)
            var typo = valid
            typo.creditCode = "91130100MA0DEMX21F"
            // act
            let badCode = await domainError {
                try await fixture.service.registerEnterprise(typo, by: EnterpriseFixture.actor(zhang))
            }
            let staff = await domainError {
                try await fixture.service.registerEnterprise(valid, by: fixture.staff("window01").auditActor)
            }
            let noRegistry = await domainError {
                try await fixture.service.registerEnterprise(valid, by: EnterpriseFixture.actor(zhang))
            }
            // verify
            #expect(badCode?.code == "credit-code.invalid-check-character")
            #expect(staff?.kind == .forbidden)
            #expect(noRegistry?.kind == .unavailable)
            #expect(try await fixture.service.myEnterprises(by: EnterpriseFixture.actor(zhang)).isEmpty)
        }
    }

    @Test("the registry export is loaded as keyed hashes, rejecting malformed lines", arguments: TestDatabase.available)
    func registryLoad(kind: TestDatabase) async throws {
        try await EnterpriseFixture.with(kind) { fixture in
            // setup
            let export = """
                credit_code,representative_id_number,name
                \(DemoEnterpriseRegistry.generatedCode(5)),130104198505051230,石家庄某某（集团）有限公司,第一分公司
                91130100MA0DEMX21F,130104198505051230,校验码错误
                \(DemoEnterpriseRegistry.generatedCode(6)),1234,号码太短
                only-one-field
                """
            // act
            let result = try await fixture.registry.load(csv: export)
            let answer = try await fixture.registry.check(
                creditCode: DemoEnterpriseRegistry.generatedCode(5).lowercased(), name: "石家庄某某（集团）有限公司,第一分公司",
                representativeIDNumber: "130104198505051230")
            // verify
            #expect(result.loaded == 1)
            #expect(result.rejected.map(\.line) == [3, 4, 5])
            #expect(answer == .match)
            let stored = try await fixture.database.read { sql in
                try await sql.raw(
                    "SELECT credit_code_index, name_index, representative_index FROM idn_enterprise_registry"
                ).all()
            }
            #expect(stored.count == 3)
            for row in stored {
                for column in ["credit_code_index", "name_index", "representative_index"] {
                    let value = try row.decode(column: column, as: String.self)
                    #expect(value.count == 64 && value.allSatisfy(\.isHexDigit))
                }
            }
        }
    }

    @Test("the demo export's codes are valid 统一社会信用代码")
    func demoCodes() throws {
        let lines = DemoEnterpriseRegistry.csv(representatives: Array(repeating: "130104198505051230", count: 50))
            .split(separator: "\n").dropFirst()
        let codes = try lines.map { try UnifiedSocialCreditCode(String($0.prefix(18))) }
        #expect(codes.count == 51)
        #expect(Set(codes).count == 51)
        #expect(codes.allSatisfy { $0.organizationTypeName == "企业" })
    }
}

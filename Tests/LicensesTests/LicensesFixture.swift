import Cases
import CasesModel
import CasesTesting
import Catalog
import CatalogInterchange
import Foundation
import Identity
import Kernel
import Licenses
import SQLKit
import Storage
import StorageTesting
import Testing

/// A license service beside a case service, over a test database with the demo organisation and
/// catalog, registered demo issuers, and a pinned clock (Tuesday 2026-04-28 10:00 in Shanghai).
struct LicensesFixture {
    let database: any Database
    let clock: FixedClock
    let licenses: LicenseService
    let cases: CaseService
    let keys: IssuerKeyRing
    let demo: DemoOrganisation
    let applicantID: UUID
    let identity: IdentityService
    /// The demo enterprise: 张三 (the applicant) represents it, 王伟 is its agent.
    let enterprise: DemoEnterprise

    static let start = CaseWorld.start
    static let foodPermit = "111301000000135718300011100800001"

    /// Runs `body` with a fresh fixture on `kind`.
    static func with(_ kind: TestDatabase, _ body: @Sendable (LicensesFixture) async throws -> Void) async throws {
        try await kind.withDatabase(
            migrations: IdentityModule.migrations + CatalogModule.migrations + CasesModule.migrations
                + LicensesModule.migrations
        ) { database in
            let world = try await CaseWorld.make(database: database, keyByte: 9)
            let enterprises = EnterpriseService(
                database: database, audit: world.audit, sealer: world.sealer, clock: world.clock, registry: nil,
                organisation: world.organisation)
            let enterprise = try await enterprises.seedDemoEnterprise(identity: world.identity)
            let keys = IssuerKeyRing(database: database, sealer: world.sealer, clock: world.clock)
            let licenses = LicenseService(
                database: database, audit: world.audit, clock: world.clock, organisation: world.organisation,
                identity: world.identity, cases: world.cases, enterprises: enterprises, sealer: world.sealer,
                keys: keys,
                catalogue: try LicenseTypeCatalogue.bundled())
            try await licenses.registerDemoIssuers()
            try await body(
                LicensesFixture(
                    database: database, clock: world.clock, licenses: licenses, cases: world.cases, keys: keys,
                    demo: world.demo, applicantID: world.applicantID, identity: world.identity, enterprise: enterprise))
        }
    }

    /// The demo staff member `username`.
    func staff(_ username: String) -> StaffActor {
        let member = demo.staff.first { $0.member.username == username }!.member
        return StaffActor(staffID: member.id, channel: "web", clientAddress: "10.0.0.8")
    }

    /// A food-business permit issued by hand by the market regulator's approver.
    func issuedFoodPermit() async throws -> License {
        try await licenses.issue(
            IssueLicense(
                typeKey: "food-business-permit",
                fields: [
                    "operatorName": "石家庄市长安区张三小吃店", "creditCode": "91130102MA0G8XKQ5Q", "businessType": "热食类食品制售",
                    "premisesArea": "120", "handledBy": "张三",
                ]), by: staff("scj-sp01"))
    }

    /// A business license of the demo citizen's shop, the citizen its legal representative.
    func issuedBusinessLicense() async throws -> License {
        try await licenses.issue(
            IssueLicense(
                typeKey: "business-license",
                fields: [
                    "name": "石家庄市长安区张三小吃店", "creditCode": "91130102MA0G8XKQ5Q", "entityType": "个体工商户",
                    "legalRepresentative": "张三", "legalRepresentativeIDNumber": "130102199003071233",
                    "registeredCapital": "10万元", "establishedOn": "2024-03-01", "address": "石家庄市长安区建设北大街1号",
                ]), by: staff("scj-sp01"))
    }

    /// Runs the license subscriber on every `cases.case-concluded` event in the outbox, as the dispatcher would.
    func deliverConcludedEvents() async throws {
        let subscriber = licenses.issueOnConclusion()
        let events = try await database.outboxEvents(ofType: "cases.case-concluded")
        for event in events {
            try await database.transaction { tx in try await subscriber.handle(event, tx) }
        }
    }
}

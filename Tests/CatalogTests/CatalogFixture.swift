import Catalog
import CatalogModel
import Foundation
import Identity
import Kernel
import Storage
import StorageTesting
import Testing

/// A catalog service over a test database with the demo organisation, a pinned clock
/// (2026-03-02 10:00 in Shanghai, a Monday) and a few helpers for items and guides.
struct CatalogFixture {
    let database: any Database
    let clock: FixedClock
    let service: CatalogService
    let organisation: OrganisationService
    let demo: DemoOrganisation

    /// 2026-03-02 02:00 UTC, 10:00 in Shanghai.
    static let start = Date(timeIntervalSince1970: 1_772_416_800)

    /// Runs `body` with a fresh fixture on `kind`.
    static func with(_ kind: TestDatabase, _ body: @Sendable (CatalogFixture) async throws -> Void) async throws {
        try await kind.withDatabase(migrations: IdentityModule.migrations + CatalogModule.migrations) { database in
            let clock = FixedClock(start)
            let sealer = try FieldSealer(masterKey: Array(repeating: 7, count: 32))
            let audit = AuditLog(algorithm: .sm3, clock: clock)
            let organisation = OrganisationService(
                database: database, audit: audit, sealer: sealer, clock: clock, hasher: PasswordHasher(cost: 4),
                divisions: try DivisionTable.standard())
            let demo = try await organisation.seedDemoOrganisation()
            let service = CatalogService(database: database, audit: audit, clock: clock, organisation: organisation)
            try await body(
                CatalogFixture(
                    database: database, clock: clock, service: service, organisation: organisation, demo: demo))
        }
    }

    /// The demo department with `code`.
    func department(_ code: String) -> Department {
        demo.departments.first { $0.code == code }!
    }

    /// The demo staff member `username` acting from the web.
    func actor(_ username: String) -> StaffActor {
        let member = demo.staff.first { $0.member.username == username }!.member
        return StaffActor(staffID: member.id, channel: "web", clientAddress: "192.0.2.10")
    }

    /// Today in Shanghai.
    var today: CalendarDay { CalendarDay(clock.now()) }

    /// A business item code of the market-regulation bureau's authority code, for `base` and
    /// sequence `sequence`.
    static func code(base: String = "000111008000", sequence: Int = 1) -> BusinessItemCode {
        let implementation = ImplementationCode(
            authority: try! UnifiedSocialCreditCode("111301000000135718"), level: .city, base: try! BaseItemCode(base))
        return try! BusinessItemCode(implementation: implementation, sequence: sequence)
    }

    /// A plausible guide named `name`.
    static func guide(_ name: String = "食品经营许可（新办）") -> ItemGuide {
        ItemGuide(
            name: name, itemType: .licensing, audiences: [.enterprise], themes: ["市场监管"], lifeEvents: [.operation],
            keywords: ["开饭店", "餐饮"], legalBasis: ["《中华人民共和国食品安全法》第三十五条"],
            conditions: ["具有与经营的食品品种、数量相适应的经营场所"],
            situations: [Situation(code: "S01", group: "经营类型", name: "餐饮服务")],
            materials: [
                RequiredMaterial(code: "M01", name: "食品经营许可申请书"),
                RequiredMaterial(
                    code: "M02", name: "营业执照", source: .licenseLibrary, exempt: true, licenseType: "business-license"),
                RequiredMaterial(code: "M03", name: "餐饮服务场所平面图", situations: ["S01"]),
            ],
            fees: [], legalTimeLimit: TimeLimit(days: 20), promisedTimeLimit: TimeLimit(days: 5), visitsRequired: 0,
            onlineDepth: .full, channels: [.online, .mobile, .window],
            steps: [
                ProcessStep(name: "申请", description: "网上提交申请"), ProcessStep(name: "受理", description: "审查材料"),
                ProcessStep(name: "决定", description: "作出许可决定"),
            ],
            result: ItemResult(kind: .license, name: "食品经营许可证"), locationCodes: ["SJZ-ZWZX"])
    }

    /// Creates an item in the market-regulation bureau as its administrator and publishes it as
    /// the reviewer; returns the published version.
    @discardableResult
    func publishedItem(_ guide: ItemGuide = CatalogFixture.guide(), code: BusinessItemCode = CatalogFixture.code())
        async throws -> ItemVersion
    {
        let draft = try await service.createItem(
            CreateItem(
                businessCode: code, departmentID: department("SJZ-SCJGJ").id, divisionCode: try DivisionCode("130100"),
                guide: guide), by: actor("scj-admin"))
        return try await service.publish(itemID: draft.itemID, by: actor("review01"))
    }
}

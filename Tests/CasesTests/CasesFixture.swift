import Cases
import CasesModel
import CasesTesting
import Catalog
import CatalogInterchange
import Foundation
import Identity
import Kernel
import Messaging
import SQLKit
import Storage
import StorageTesting
import Testing

/// A case service over a test database with the demo organisation and catalog, a pinned clock
/// (Tuesday 2026-04-28 10:00 in Shanghai, just before the Labour Day holiday and its 调休
/// Saturday 2026-05-09) and a registered applicant.
struct CasesFixture {
    let database: any Database
    let clock: FixedClock
    let service: CaseService
    let organisation: OrganisationService
    let identity: IdentityService
    let demo: DemoOrganisation
    let applicantID: UUID

    /// 2026-04-28 02:00 UTC, 10:00 in Shanghai.
    static let start = CaseWorld.start
    /// 食品经营许可（新办） of 市市场监督管理局: its own process with a countersigned site inspection.
    static let foodPermit = "111301000000135718300011100800001"
    /// A PDF's first bytes, enough for the content check.
    static let pdf = Data("%PDF-1.7\n%zhengtong test\n".utf8)

    /// Runs `body` with a fresh fixture on `kind`.
    static func with(_ kind: TestDatabase, _ body: @Sendable (CasesFixture) async throws -> Void) async throws {
        try await kind.withDatabase(
            migrations: IdentityModule.migrations + CatalogModule.migrations + CasesModule.migrations
                + MessagingModule.migrations
        ) { database in
            let world = try await CaseWorld.make(database: database, keyByte: 7)
            try await body(
                CasesFixture(
                    database: database, clock: world.clock, service: world.cases, organisation: world.organisation,
                    identity: world.identity, demo: world.demo, applicantID: world.applicantID))
        }
    }

    /// The applicant acting from a computer.
    var applicant: CaseActor { .applicant(accountID: applicantID, channel: .pc, clientAddress: "192.0.2.10") }

    /// The demo staff member `username` acting from the web (or `channel`).
    func staff(_ username: String, channel: String = "web") -> StaffActor {
        let member = demo.staff.first { $0.member.username == username }!.member
        return StaffActor(staffID: member.id, channel: channel, clientAddress: "10.0.0.8")
    }

    /// A valid food-permit form; `area` above 500 m² sends the case to the site inspection.
    static func foodForm(area: Int = 120) -> FormData {
        [
            "businessName": "石家庄市长安区张三小吃店", "creditCode": "91130102MA0G8XKQ5Q",
            "businessArea": String(area), "businessType": "热食类食品制售", "contactPhone": "13800000000",
        ]
    }

    /// A food-permit draft with every required material uploaded, submitted by the applicant.
    func submittedFoodCase(area: Int = 120) async throws -> CaseRecord {
        let draft = try await service.saveDraft(
            CaseApplication(itemCode: Self.foodPermit, form: Self.foodForm(area: area), situations: ["S01"]),
            by: applicant)
        for code in ["M03", "M04"] {
            try await service.attachMaterial(
                draft.id, materialCode: code, fileName: "\(code).pdf", mediaType: "application/pdf", content: Self.pdf,
                by: applicant)
        }
        return try await service.submit(draft.id, by: applicant)
    }

    /// A submitted food-permit case accepted by the department's intake clerk.
    func acceptedFoodCase(area: Int = 120) async throws -> CaseRecord {
        let submitted = try await submittedFoodCase(area: area)
        return try await service.accept(submitted.id, by: staff("scj-sl01"))
    }

    /// The open tasks of a case.
    func openTasks(_ caseID: UUID) async throws -> [CaseTask] {
        try await service.detail(caseID, by: .system).tasks.filter { $0.state == .open || $0.state == .claimed }
    }

    /// The kinds of the case's events, in order.
    func eventKinds(_ caseID: UUID) async throws -> [CaseEventKind] {
        try await service.detail(caseID, by: .system).events.map(\.kind)
    }

    /// The outbox event types written so far, oldest first.
    func outboxTypes() async throws -> [String] {
        try await database.read { sql in
            try await sql.raw("SELECT event_type FROM zt_outbox ORDER BY occurred_at, event_type").all()
        }.map { try $0.decode(column: "event_type", as: String.self) }
    }

    /// Advances the clock to `hour`:00 in Shanghai on `day`.
    func moveTo(_ day: CalendarDay, hour: Int = 10) {
        clock.set(day.startDate.addingTimeInterval(TimeInterval(hour * 3600)))
    }
}

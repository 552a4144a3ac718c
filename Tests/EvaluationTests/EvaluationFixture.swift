import Cases
import CasesModel
import CasesTesting
import Catalog
import Evaluation
import Foundation
import Identity
import Kernel
import Messaging
import SQLKit
import Storage
import StorageTesting
import Testing

/// An evaluation service beside a case service, over a test database with the demo organisation
/// and catalog, a registered applicant (张三, 13800000000) and a pinned clock (Tuesday 2026-04-28
/// 10:00 in Shanghai, just before the Labour Day holiday of May 1–5 and its 调休 Saturday May 9).
struct EvaluationFixture: Sendable {
    let database: any Database
    let clock: FixedClock
    let service: EvaluationService
    let world: CaseWorld

    static let start = CaseWorld.start
    /// 食品经营许可（新办） of 市市场监督管理局 (SJZ-SCJGJ).
    static let foodPermit = "111301000000135718300011100800001"
    /// The applicant's phone, as CaseWorld registers it and the form gives it.
    static let applicantPhone = "13800000000"

    /// Runs `body` with a fresh fixture on `kind`, with `settings` for the evaluation service.
    static func with(
        _ kind: TestDatabase, settings: EvaluationSettings = EvaluationSettings(),
        _ body: @Sendable (EvaluationFixture) async throws -> Void
    ) async throws {
        try await kind.withDatabase(
            migrations: IdentityModule.migrations + CatalogModule.migrations + CasesModule.migrations
                + EvaluationModule.migrations + MessagingModule.migrations
        ) { database in
            let world = try await CaseWorld.make(database: database, keyByte: 11)
            let service = EvaluationService(
                database: database, audit: world.audit, clock: world.clock, organisation: world.organisation,
                catalog: world.catalog, cases: world.cases, calendar: try WorkCalendar.national(),
                sealer: world.sealer, settings: settings)
            try await body(EvaluationFixture(database: database, clock: world.clock, service: service, world: world))
        }
    }

    /// The applicant (张三) acting from a computer.
    var applicant: Citizen { Citizen(accountID: world.applicantID, clientAddress: "192.0.2.10") }

    /// The demo staff member `username` acting from the web.
    func staff(_ username: String) -> StaffActor { world.staff(username) }

    /// Registers another person and returns them as a citizen.
    func registerCitizen(name: String, idNumber: String, phone: String) async throws -> Citizen {
        let person = try await world.identity.register(
            RegisterPerson(name: name, idNumber: idNumber, phone: phone, password: "政通演示2026"),
            context: LoginContext(channel: "web", clientAddress: "192.0.2.11", userAgent: "test"))
        return Citizen(accountID: person.id, clientAddress: "192.0.2.11")
    }

    /// A food-permit case filed online by the applicant and walked to an approved conclusion
    /// (intake by scj-sl01, review and conclusion by scj-sp01, decision by scj-sp02), with the
    /// `cases.case-concluded` events delivered to the evaluation subscriber.
    func concludedCase() async throws -> CaseRecord {
        let cases = world.cases
        let applicant = world.applicant
        let form: FormData = [
            "businessName": "石家庄市长安区张三小吃店", "creditCode": "91130102MA0G8XKQ5Q", "businessArea": "120",
            "businessType": "热食类食品制售", "contactPhone": Self.applicantPhone,
        ]
        let draft = try await cases.saveDraft(
            CaseApplication(itemCode: Self.foodPermit, form: form, situations: ["S01"]), by: applicant)
        for code in ["M03", "M04"] {
            try await cases.attachMaterial(
                draft.id, materialCode: code, fileName: "\(code).pdf", mediaType: "application/pdf",
                content: Data("%PDF-1.7\n%zhengtong test\n".utf8), by: applicant)
        }
        let submitted = try await cases.submit(draft.id, by: applicant)
        _ = try await cases.accept(submitted.id, by: staff("scj-sl01"))
        var record = submitted
        for (step, username) in [("review", "scj-sp01"), ("decide", "scj-sp02"), ("conclude", "scj-sp01")] {
            let tasks = try await cases.detail(submitted.id, by: .system).tasks
            let task = try #require(
                tasks.first { $0.stepID == step && ($0.state == .open || $0.state == .claimed) })
            record = try await cases.decide(task.id, .approve, comment: "同意", by: staff(username))
        }
        try #require(record.state == .concluded)
        try await deliverConcluded()
        return record
    }

    /// Runs the evaluation subscribers on every `cases.case-concluded` outbox event, as the
    /// dispatcher would.
    func deliverConcluded() async throws {
        let type = "cases.case-concluded"
        let subscribers = service.subscribers().filter { $0.eventTypes.contains(type) }
        for event in try await database.outboxEvents(ofType: type) {
            for subscriber in subscribers {
                try await database.transaction { tx in try await subscriber.handle(event, tx) }
            }
        }
    }

    /// The applicant's online rating of `caseID`.
    func onlineRating(of caseID: UUID) async throws -> Rating {
        try #require(try await service.myRatings(applicant).first { $0.caseID == caseID && $0.channel == .online })
    }

    /// A concluded case rated 不满意 online with a comment, and the ticket it opened.
    func badReview(comment: String = "窗口让我跑了三趟才办完") async throws -> (Rating, Rectification) {
        let record = try await concludedCase()
        let rating = try await service.rate(
            try await onlineRating(of: record.id).id, .init(level: .dissatisfied, comment: comment), by: applicant)
        let ticket = try #require(try await service.rectification(ofRating: rating.id, by: applicant))
        return (rating, ticket)
    }

    /// How many rows `table` has matching `condition`.
    func count(_ table: String, where condition: String = "1 = 1") async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(unsafeRaw: condition)").first()?
                .decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// The audit entries whose action starts with `prefix`, oldest first, as (action, object id, actor).
    func auditEntries(prefix: String = "evaluation.") async throws -> [AuditLine] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT action, object_id, actor FROM zt_audit_log WHERE action LIKE \(bind: prefix + "%") ORDER BY seq
                """
            ).all()
        }.map { row in
            AuditLine(
                action: try row.decode(column: "action", as: String.self),
                objectID: try row.decode(column: "object_id", as: String.self),
                actor: try row.decode(column: "actor", as: String.self))
        }
    }

    /// Moves the clock to `hour`:`minute` in Shanghai on `day`.
    func moveTo(_ day: CalendarDay, hour: Int = 10, minute: Int = 0) {
        clock.set(day.startDate.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60)))
    }
}

/// One audit entry as the log holds it.
struct AuditLine: Equatable {
    var action: String
    var objectID: String
    var actor: String
}

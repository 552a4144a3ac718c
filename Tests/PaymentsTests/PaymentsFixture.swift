import Cases
import CasesModel
import CasesTesting
import Catalog
import CatalogInterchange
import Foundation
import Identity
import Kernel
import PaymentChannels
import SQLKit
import Storage
import StorageTesting
import Testing

@testable import Payments

/// A payment service beside a case service, over a test database with the demo organisation and
/// catalog, the sandbox channel and a scripted channel, and a pinned clock (Tuesday 2026-04-28
/// 10:00 in Shanghai).
struct PaymentsFixture {
    let database: any Database
    let clock: FixedClock
    let payments: PaymentService
    let cases: CaseService
    let sandbox: SandboxChannel
    let scripted: ScriptedChannel
    let jobs: JobQueue
    let keys: IssuerKeyRing
    let demo: DemoOrganisation
    let applicantID: UUID

    static let start = CaseWorld.start
    /// 居民身份证换领: 工本费 20元, with a declared reduction; its process has a payment step.
    static let idCardRenewal = "1113010000001358X0306111000200001"
    static let sandboxSecret = Data("sandbox-secret-for-tests".utf8)

    /// Runs `body` with a fresh fixture on `kind`.
    static func with(_ kind: TestDatabase, _ body: @Sendable (PaymentsFixture) async throws -> Void) async throws {
        try await kind.withDatabase(
            migrations: IdentityModule.migrations + CatalogModule.migrations + CasesModule.migrations
                + PaymentsModule.migrations
        ) { database in
            let world = try await CaseWorld.make(database: database, keyByte: 9)
            let keys = IssuerKeyRing(database: database, sealer: world.sealer, clock: world.clock)
            let sandbox = SandboxChannel(
                database: database, clock: world.clock, secret: sandboxSecret,
                payerPageBase: { URL(string: "http://127.0.0.1:8080/payments/sandbox")! })
            let scripted = ScriptedChannel()
            var channels = PaymentChannelRegistry()
            channels.register(sandbox)
            channels.register(scripted)
            let payments = PaymentService(
                database: database, audit: world.audit, clock: world.clock, organisation: world.organisation,
                catalog: world.catalog, cases: world.cases, keys: keys, jobs: world.jobs, channels: channels,
                settings: PaymentSettings(publicBaseURL: URL(string: "http://127.0.0.1:8080")!))
            try await body(
                PaymentsFixture(
                    database: database, clock: world.clock, payments: payments, cases: world.cases, sandbox: sandbox,
                    scripted: scripted, jobs: world.jobs, keys: keys, demo: world.demo, applicantID: world.applicantID))
        }
    }

    /// The demo staff member `username`.
    func staff(_ username: String) -> StaffActor {
        let member = demo.staff.first { $0.member.username == username }!.member
        return StaffActor(staffID: member.id, channel: "web", clientAddress: "10.0.0.8")
    }

    var applicant: CaseActor { .applicant(accountID: applicantID, channel: .pc, clientAddress: "192.0.2.10") }

    /// An 居民身份证换领 case, submitted and accepted, so it waits at its payment step; with the
    /// `cases.payment-due` event delivered, so its order exists.
    func caseAwaitingPayment() async throws -> (caseID: UUID, order: PaymentOrder) {
        let form: FormData = ["applicantName": "张三", "contactPhone": "13800000000"]
        let draft = try await cases.saveDraft(
            CaseApplication(itemCode: Self.idCardRenewal, form: form), by: applicant)
        for code in ["M01", "M02", "M03"] {
            try await cases.attachMaterial(
                draft.id, materialCode: code, fileName: "\(code).pdf", mediaType: "application/pdf",
                content: Data("%PDF-1.7\n%zhengtong test\n".utf8), by: applicant)
        }
        let submitted = try await cases.submit(draft.id, by: applicant)
        _ = try await cases.accept(submitted.id, by: staff("gaj-sl01"))
        try await deliver("cases.payment-due")
        let orders = try await payments.orders(ofCase: submitted.id, by: .system)
        let order = try #require(orders.first)
        return (submitted.id, order)
    }

    /// Runs the payment subscribers on every outbox event of `type`, as the dispatcher would
    /// (receipts make a second delivery a no-op only through the dispatcher; the subscribers
    /// themselves are idempotent, which the tests rely on when they deliver twice).
    func deliver(_ type: String) async throws {
        let subscribers = payments.subscribers().filter { $0.eventTypes.contains(type) }
        let events = try await database.outboxEvents(ofType: type)
        for event in events {
            for subscriber in subscribers {
                try await database.transaction { tx in try await subscriber.handle(event, tx) }
            }
        }
    }

    /// Runs every due job of `kind` once, as the worker would; returns how many ran.
    @discardableResult
    func runJobs(_ kind: String) async throws -> Int {
        let handler = try #require(payments.jobHandlers().first { $0.kind == kind })
        let due = try await database.read { sql in
            try await sql.raw(
                """
                SELECT id, payload FROM zt_jobs
                WHERE kind = \(bind: kind) AND state = 'ready' AND run_at <= \(bind: clock.now()) ORDER BY run_at
                """
            ).all().map {
                (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "payload", as: String.self))
            }
        }
        for (id, payload) in due {
            // Marked done first, as a worker's claim would take it, so jobs a handler enqueues run next time.
            try await database.transaction { tx in
                try await tx.sql.raw("UPDATE zt_jobs SET state = 'succeeded' WHERE id = \(bind: id)").run()
            }
            try await handler.run(
                Job(id: id, kind: kind, payload: payload, attempt: 1, maxAttempts: 8, now: clock.now()))
        }
        return due.count
    }

    /// How many rows `table` has matching `condition`.
    func count(_ table: String, where condition: String = "1 = 1") async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(unsafeRaw: condition)").first()?
                .decode(column: "n", as: Int.self) ?? 0
        }
    }
}

import Evaluation
import Foundation
import Kernel
import Storage
import StorageTesting
import Testing

@Suite("Audit: every step of the rating and its rectification is logged, in one chain")
struct AuditTrailTests {
    @Test("the whole loop leaves one entry per command, by whoever acted", arguments: TestDatabase.available)
    func everyCommandAudited(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup / act: rate badly, call back, answer, appeal, and have the appeal decided.
            let (rating, ticket) = try await fixture.badReview()
            let admin = fixture.staff("scj-admin")
            let supervisor = fixture.staff("zwj-jd01")
            _ = try await fixture.service.callBack(
                ticket.id, verified: true, note: "申请人反映属实", plan: "统一材料口径", by: admin)
            _ = try await fixture.service.answer(ticket.id, feedback: "已统一材料口径并公开", by: admin)
            _ = try await fixture.service.appeal(ticket.id, reason: "其他窗口仍然口径不一", by: fixture.applicant)
            _ = try await fixture.service.decideAppeal(ticket.id, upheld: false, note: "经复核整改已落实", by: supervisor)

            // Verify: each command once, in order, naming the object and the actor.
            let ratingID = rating.id.uuidString
            let ticketID = ticket.id.uuidString
            let citizen = fixture.applicant.auditActor.id
            let expected = [
                AuditLine(action: "evaluation.rating-opened", objectID: ratingID, actor: "system"),
                AuditLine(action: "evaluation.rated", objectID: ratingID, actor: citizen),
                AuditLine(action: "evaluation.rectification-opened", objectID: ticketID, actor: "system"),
                AuditLine(action: "evaluation.called-back", objectID: ticketID, actor: admin.auditActor.id),
                AuditLine(action: "evaluation.answered", objectID: ticketID, actor: admin.auditActor.id),
                AuditLine(action: "evaluation.appealed", objectID: ticketID, actor: citizen),
                AuditLine(action: "evaluation.appeal-decided", objectID: ticketID, actor: supervisor.auditActor.id),
            ]
            #expect(try await fixture.auditEntries() == expected)
            #expect(citizen == fixture.world.applicantID.uuidString)

            // The entries are chained with the rest of the log.
            let verification = try await AuditVerifier(database: fixture.database).verify()
            guard case .intact = verification else {
                Issue.record("audit chain broken: \(verification)")
                return
            }
        }
    }

    @Test("refused commands leave no entry", arguments: TestDatabase.available)
    func refusalsNotAudited(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let (_, ticket) = try await fixture.badReview()
            let before = try await fixture.auditEntries()

            // Act: a forbidden call-back, an out-of-state answer, an early accept.
            await expectDomainError("identity.forbidden", kind: .forbidden) {
                try await fixture.service.callBack(
                    ticket.id, verified: false, note: "越权回访", by: fixture.staff("gaj-sl01"))
            }
            await expectDomainError("evaluation.rectification-state", kind: .conflict) {
                try await fixture.service.answer(ticket.id, feedback: "未回访先反馈", by: fixture.staff("scj-admin"))
            }
            await expectDomainError("evaluation.rectification-state", kind: .conflict) {
                try await fixture.service.accept(ticket.id, by: fixture.applicant)
            }

            // Verify
            #expect(try await fixture.auditEntries() == before)
        }
    }
}

import Evaluation
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("FAQ: answered consultations about an item become its 常见问题")
struct FAQTests {
    @Test(
        "publish once from an answered consultation, list it on the item, withdraw it",
        arguments: TestDatabase.available)
    func publishAndWithdraw(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let admin = fixture.staff("scj-admin")
            let asked = try await fixture.service.submit(InteractionTests.question, by: fixture.applicant)
            await expectDomainError("evaluation.faq-unanswered", kind: .conflict) {
                try await fixture.service.publishFAQ(
                    from: asked.id, question: "经营面积包含仓库吗？", answer: "包含与经营有关的场所。", by: admin)
            }
            _ = try await fixture.service.answer(message: asked.id, "经营面积包含仓库等与经营有关的场所面积。", by: admin)

            // Act
            let entry = try await fixture.service.publishFAQ(
                from: asked.id, question: "经营面积包含仓库吗？", answer: "包含仓库等与经营有关的场所面积。", by: admin)

            // Verify
            #expect(try await fixture.service.faq(itemCode: EvaluationFixture.foodPermit) == [entry])
            #expect(try await fixture.service.message(asked.id, by: admin).faqID == entry.id)
            await expectDomainError("evaluation.faq-exists", kind: .conflict) {
                try await fixture.service.publishFAQ(
                    from: asked.id, question: "再发一次可以吗？", answer: "不可以重复发布。", by: admin)
            }
            await expectDomainError("identity.forbidden", kind: .forbidden) {
                try await fixture.service.withdrawFAQ(entry.id, by: fixture.staff("rsj-admin"))
            }
            try await fixture.service.withdrawFAQ(entry.id, by: admin)
            #expect(try await fixture.service.faq(itemCode: EvaluationFixture.foodPermit).isEmpty)
        }
    }

    @Test("complaints and messages about a department cannot become an item's FAQ", arguments: TestDatabase.available)
    func onlyItemConsultations(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            let admin = fixture.staff("scj-admin")
            var complaint = InteractionTests.question
            complaint.kind = .complaint
            let filed = try await fixture.service.submit(complaint, by: fixture.applicant)
            _ = try await fixture.service.answer(message: filed.id, "已核实并改进窗口服务。", by: admin)

            await expectDomainError("evaluation.faq-source", kind: .conflict) {
                try await fixture.service.publishFAQ(
                    from: filed.id, question: "投诉能公开吗？", answer: "投诉不转为常见问题。", by: admin)
            }
            #expect(try await fixture.count("eva_faqs") == 0)
        }
    }
}

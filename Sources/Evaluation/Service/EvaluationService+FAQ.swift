public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// Publishes an answered consultation about an item as a question and answer of the item's
    /// guide; staff reword both so nothing personal is published. Once per consultation.
    public func publishFAQ(from messageID: UUID, question: String, answer: String, by staff: StaffActor) async throws
        -> FAQEntry
    {
        let question = try Self.text(question, "问题", 5...200, code: "faq-question")
        let answer = try Self.text(answer, "解答", 5...2000, code: "faq-answer")
        let now = clock.now()
        return try await database.transaction { tx in
            guard let row = try await InteractionRow.load(messageID, sql: tx.sql, lock: tx.forUpdate) else {
                throw Self.notFound("留言")
            }
            let message = try InteractionRow.interaction(row)
            try await authorize(staff, .evaluationRespond, department: message.departmentID, tx: tx)
            guard message.kind == .consultation, let itemCode = message.itemCode, let itemName = message.itemName
            else {
                throw Self.conflict("faq-source", "只有针对具体事项的咨询才能转为该事项的常见问题。")
            }
            guard message.state != .open else { throw Self.conflict("faq-unanswered", "请先答复该咨询，再转为常见问题。") }
            guard message.faqID == nil else { throw Self.conflict("faq-exists", "该咨询已转为常见问题。") }
            let id = UUID()
            try await tx.sql.raw(
                """
                INSERT INTO eva_faqs (id, item_code, item_name, department_id, question, answer, source_interaction_id,
                    published_by, published_at)
                VALUES (\(bind: id), \(bind: itemCode), \(bind: itemName), \(bind: message.departmentID),
                    \(bind: question), \(bind: answer), \(bind: messageID), \(bind: staff.auditActor.id), \(bind: now))
                """
            ).run()
            try await tx.sql.raw(
                "UPDATE eva_interactions SET faq_id = \(bind: id), revision = revision + 1 WHERE id = \(bind: messageID)"
            ).run()
            try await audit.append(
                staff.auditActor.entry(
                    action: "evaluation.faq-published", objectType: "faq", objectID: id.uuidString,
                    changeDigest: message.number), in: tx)
            return FAQEntry(
                id: id, itemCode: itemCode, itemName: itemName, question: question, answer: answer,
                sourceInteractionID: messageID, publishedAt: now)
        }
    }

    /// Withdraws a published entry (it no longer shows on the guide).
    public func withdrawFAQ(_ id: UUID, by staff: StaffActor) async throws {
        let now = clock.now()
        try await database.transaction { tx in
            guard
                let row = try await tx.sql.raw(
                    "SELECT department_id, withdrawn_at FROM eva_faqs WHERE id = \(bind: id)\(unsafeRaw: tx.forUpdate)"
                ).first()
            else { throw Self.notFound("常见问题") }
            try await authorize(
                staff, .evaluationRespond, department: try row.decode(column: "department_id", as: UUID.self), tx: tx)
            guard try row.decode(column: "withdrawn_at", as: Date?.self) == nil else {
                throw Self.conflict("faq-withdrawn", "该常见问题已撤下。")
            }
            try await tx.sql.raw("UPDATE eva_faqs SET withdrawn_at = \(bind: now) WHERE id = \(bind: id)").run()
            try await audit.append(
                staff.auditActor.entry(
                    action: "evaluation.faq-withdrawn", objectType: "faq", objectID: id.uuidString, changeDigest: "-"),
                in: tx)
        }
    }

    /// The published questions and answers of an item, oldest first, for its guide page.
    public func faq(itemCode: String) async throws -> [FAQEntry] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT * FROM eva_faqs WHERE item_code = \(bind: itemCode) AND withdrawn_at IS NULL
                ORDER BY published_at, id LIMIT 200
                """
            ).all().map { row in
                FAQEntry(
                    id: try row.decode(column: "id", as: UUID.self),
                    itemCode: try row.decode(column: "item_code", as: String.self),
                    itemName: try row.decode(column: "item_name", as: String.self),
                    question: try row.decode(column: "question", as: String.self),
                    answer: try row.decode(column: "answer", as: String.self),
                    sourceInteractionID: try row.decode(column: "source_interaction_id", as: UUID?.self),
                    publishedAt: try row.decode(column: "published_at", as: Date.self))
            }
        }
    }
}

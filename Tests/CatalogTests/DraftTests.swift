import Catalog
import CatalogModel
import Foundation
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Drafts and the audit trail")
struct DraftTests {
    @Test(
        "saving twice edits one draft; publishing opens the next number; discarding keeps the published one",
        arguments: TestDatabase.available)
    func draftNumbers(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let admin = fixture.actor("scj-admin")
            let first = try await fixture.publishedItem()
            var guide = CatalogFixture.guide()
            guide.visitsRequired = 1
            let draft = try await fixture.service.saveDraft(itemID: first.itemID, guide: guide, by: admin)
            guide.visitsRequired = 2
            let again = try await fixture.service.saveDraft(itemID: first.itemID, guide: guide, by: admin)

            #expect(draft.number == 2)
            #expect(again.id == draft.id)
            let versions = try await fixture.service.versions(itemID: first.itemID, by: admin)
            #expect(versions.map(\.status) == [.published, .draft])
            #expect(versions[1].guide.visitsRequired == 2)

            try await fixture.service.discardDraft(itemID: first.itemID, by: admin)
            #expect(try await fixture.service.versions(itemID: first.itemID, by: admin).map(\.number) == [1])
            #expect(try await fixture.service.publishedItem(code: CatalogFixture.code().rawValue).version.number == 1)
        }
    }

    @Test("a duplicate code and an invalid guide change nothing", arguments: TestDatabase.available)
    func refusals(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            try await fixture.publishedItem()
            let duplicate = await #expect(throws: DomainError.self) {
                try await fixture.publishedItem()
            }
            #expect(duplicate?.kind == .conflict)
            var bad = CatalogFixture.guide()
            bad.promisedTimeLimit = TimeLimit(days: 40)
            await #expect(throws: DomainError.self) {
                try await fixture.publishedItem(bad, code: CatalogFixture.code(sequence: 2))
            }
            let counts = try await fixture.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM cat_versions").first()!.decode(column: "n", as: Int.self)
            }
            #expect(counts == 1)
        }
    }

    @Test("every command is in the audit log under the staff member who ran it", arguments: TestDatabase.available)
    func audited(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            let version = try await fixture.publishedItem()
            try await fixture.service.retire(itemID: version.itemID, reason: "合并到其他事项", by: fixture.actor("review01"))

            let rows = try await fixture.database.read { sql in
                try await sql.raw(
                    "SELECT actor, action FROM zt_audit_log WHERE object_id = \(bind: version.itemID.uuidString) ORDER BY seq"
                ).all()
            }
            let actions = try rows.map { try $0.decode(column: "action", as: String.self) }
            let actors = try rows.map { try $0.decode(column: "actor", as: String.self) }
            #expect(actions == ["catalog.item-create", "catalog.publish", "catalog.retire"])
            #expect(actors[0] == fixture.actor("scj-admin").auditActor.id)
            #expect(actors[1] == fixture.actor("review01").auditActor.id)
        }
    }
}

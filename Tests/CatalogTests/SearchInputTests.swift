import Catalog
import CatalogModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Search input that is odd, hostile or out of bounds")
struct SearchInputTests {
    static let syntax = [
        "\"", "*", "OR", "AND", "NOT", "NEAR(a b)", "-x", "a:b", "\\", "😀", "^", "()", "(", "'", "''", "a'b", "%", "_",
        "{name}: x", "x\u{0}y", "𠀀𠀁", "𠀀", "：", "营业'执照", "!!", "|", "&", "<->", ":*", "\"\"*",
        "a AND NOT b", "ＯＲ", "é", "٣", "\u{FE0F}",
    ]

    @Test("FTS syntax and odd characters give results or none, never an error", arguments: TestDatabase.available)
    func syntaxIsText(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            try await fixture.publishSearchBasics()
            for query in Self.syntax {
                _ = try await fixture.service.search(query)
            }
        }
    }

    @Test("syntax around real words is ignored and the words still match", arguments: TestDatabase.available)
    func syntaxAroundWords(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            try await fixture.publishSearchBasics()
            for query in ["\"营业执照", "营业执照*", "营业 OR 执照", "NEAR(营业 执照)", "-营业执照", "营业:执照", "(营业执照)", "营业\\执照"] {
                let results = try await fixture.service.search(query)
                #expect(results.hits.first?.summary.name == "营业执照设立登记", "\(query)")
            }
        }
    }

    @Test("an empty or over-long query is refused with a clear error", arguments: TestDatabase.available)
    func invalid(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            // Control and zero-width characters alone are as empty as spaces.
            for query in ["", "   ", "\n\t　", "\u{0}", "\u{1}\u{7f}", "\u{200b}", String(repeating: "证", count: 101)] {
                let expected = query.count > 100 ? "catalog.query-too-long" : "catalog.empty-query"
                let error = await #expect(throws: DomainError.self) { try await fixture.service.search(query) }
                #expect(error?.kind == .invalid)
                #expect(error?.code == expected)
            }
            // A hundred characters are still a query.
            _ = try await fixture.service.search(String(repeating: "营业执照", count: 25))
        }
    }

    @Test(
        "letters are matched as lower-cased words, full-width forms as their ASCII", arguments: TestDatabase.available)
    func asciiWords(kind: TestDatabase) async throws {
        try await CatalogFixture.with(kind) { fixture in
            try await fixture.published("ISO9001质量管理体系认证备案", sequence: 1)

            let plain = try await fixture.service.search("iso9001")
            let wide = try await fixture.service.search("ＩＳＯ")

            #expect(plain.hits.first?.highlightedName.first == HighlightSegment(text: "ISO9001", matched: true))
            #expect(wide.total == 1)
        }
    }
}

import Kernel
import Testing

@Suite struct PagingTests {
    @Test func defaultsAreTheFirstPageOfTwenty() throws {
        // Act
        let request = try PageRequest(limit: nil, cursor: nil, offset: nil)

        // Verify
        #expect(request == PageRequest.first)
        #expect(request.limit == 20)
        #expect(request.position == .offset(0))
        #expect(request.fetchLimit == 21)
    }

    @Test(
        arguments: [
            ("0", nil, nil, "paging.invalid-limit"),
            ("101", nil, nil, "paging.invalid-limit"),
            ("ten", nil, nil, "paging.invalid-limit"),
            (nil, nil, "-1", "paging.invalid-offset"),
            (nil, "!!", nil, "paging.invalid-cursor"),
            (nil, "YQ", "5", "paging.conflicting-position"),
        ] as [(String?, String?, String?, String)])
    func badQueryParametersAreRefused(limit: String?, cursor: String?, offset: String?, expected: String) {
        // Act
        let code = errorCode { () throws(DomainError) in try PageRequest(limit: limit, cursor: cursor, offset: offset) }

        // Verify
        #expect(code == expected)
    }

    @Test func theMaximumLimitIsAllowed() throws {
        // Act
        let request = try PageRequest(limit: "100", cursor: nil, offset: "40")

        // Verify
        #expect(request.limit == PageRequest.maximumLimit)
        #expect(request.position == .offset(40))
    }

    @Test(arguments: ["2026-02-14|0193a0c4", "办件/甲+乙=?", "a"])
    func cursorCarriesItsKeyThroughAToken(key: String) throws {
        // Act
        let cursor = PageCursor(key: key)
        let back = try PageCursor(token: cursor.token)

        // Verify
        #expect(back.key == key)
        #expect(cursor.token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test func offsetPagingContinuesAtTheNextOffset() throws {
        // Setup: the store fetched limit + 1 rows.
        let request = try PageRequest(limit: 2, position: .offset(4))

        // Act
        let page = Page(fetched: [5, 6, 7], for: request) { PageCursor(key: String($0)) }

        // Verify
        #expect(page.items == [5, 6])
        #expect(page.next == (try PageRequest(limit: 2, position: .offset(6))))
    }

    @Test func cursorPagingContinuesAfterTheLastItemKept() throws {
        // Setup
        let request = try PageRequest(limit: 2, position: .after(PageCursor(key: "4")))

        // Act
        let page = Page(fetched: [5, 6, 7], for: request) { PageCursor(key: String($0)) }

        // Verify
        #expect(page.items == [5, 6])
        #expect(page.next?.position == .after(PageCursor(key: "6")))
    }

    @Test func theLastPageHasNoNext() throws {
        // Setup
        let request = try PageRequest(limit: 2, position: .offset(0))

        // Act
        let page = Page(fetched: [1, 2], for: request) { PageCursor(key: String($0)) }

        // Verify
        #expect(page.items == [1, 2])
        #expect(page.next == nil)
    }

    @Test func mapKeepsTheNextRequest() throws {
        // Setup
        let page = Page(items: [1, 2], next: try PageRequest(limit: 2, position: .offset(2)))

        // Act
        let mapped = page.map { "第\($0)件" }

        // Verify
        #expect(mapped.items == ["第1件", "第2件"])
        #expect(mapped.next == page.next)
    }
}

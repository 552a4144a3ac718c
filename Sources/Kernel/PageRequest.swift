/// Which page of a list a caller wants: how many items, and from where.
public struct PageRequest: Hashable, Sendable {
    /// Where the page starts.
    public enum Position: Hashable, Sendable {
        /// Skip this many items; simple, for short lists and page numbers.
        case offset(Int)
        /// Continue after the item the cursor marks; stable while rows are added.
        case after(PageCursor)
    }

    /// Items per page when the caller does not say.
    public static let defaultLimit = 20
    /// The most items one page may hold, so that no request can ask for a whole table.
    public static let maximumLimit = 100

    /// The first page with the default limit.
    public static let first = PageRequest(checkedLimit: defaultLimit, position: .offset(0))

    /// How many items the page holds at most.
    public let limit: Int
    /// Where the page starts.
    public let position: Position

    /// Creates a request; throws if `limit` is outside 1…`maximumLimit` or the offset is negative.
    public init(limit: Int = PageRequest.defaultLimit, position: Position = .offset(0)) throws(DomainError) {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw DomainError(
                .invalid, code: "paging.invalid-limit", title: "每页条数无效",
                detail: "每页条数 limit 应在 1 到 \(Self.maximumLimit) 之间（收到 \(limit)）。")
        }
        if case .offset(let offset) = position, offset < 0 {
            throw DomainError(
                .invalid, code: "paging.invalid-offset", title: "分页偏移无效",
                detail: "分页偏移 offset 不能为负数（收到 \(offset)）。")
        }
        self.init(checkedLimit: limit, position: position)
    }

    /// Reads a request from query parameters `limit`, `cursor` and `offset`, any of them absent.
    public init(limit: String?, cursor: String?, offset: String?) throws(DomainError) {
        func number(_ text: String?, _ name: String, default value: Int) throws(DomainError) -> Int {
            guard let text else { return value }
            guard let number = Int(text) else {
                throw DomainError(
                    .invalid, code: "paging.invalid-\(name)", title: "分页参数无效",
                    detail: "分页参数 \(name) 应为整数（收到“\(text)”）。")
            }
            return number
        }
        let size = try number(limit, "limit", default: Self.defaultLimit)
        switch (cursor, offset) {
        case (let cursor?, nil): try self.init(limit: size, position: .after(PageCursor(token: cursor)))
        case (nil, let offset): try self.init(limit: size, position: .offset(number(offset, "offset", default: 0)))
        case (_?, _?):
            throw DomainError(
                .invalid, code: "paging.conflicting-position", title: "分页参数冲突",
                detail: "cursor 与 offset 只能使用其中一个。")
        }
    }

    private init(checkedLimit: Int, position: Position) {
        self.limit = checkedLimit
        self.position = position
    }

    /// How many rows a store should fetch: one more than the limit tells whether another page exists.
    public var fetchLimit: Int { limit + 1 }
}

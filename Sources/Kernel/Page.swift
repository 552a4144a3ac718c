/// One page of a list, with the request for the page after it.
public struct Page<Item: Sendable>: Sendable {
    /// The items on this page, at most the request's limit.
    public var items: [Item]
    /// The request for the following page, or nil if this is the last page.
    public var next: PageRequest?

    /// Creates a page from its parts.
    public init(items: [Item], next: PageRequest?) {
        self.items = items
        self.next = next
    }

    /// Builds a page from up to `request.fetchLimit` fetched rows.
    ///
    /// The extra row only proves that more follow and is dropped. The next request continues
    /// the way this one was made: after the cursor of the last item kept, or at the next offset.
    public init(fetched: [Item], for request: PageRequest, cursor: (Item) -> PageCursor) {
        let kept = Array(fetched.prefix(request.limit))
        items = kept
        guard fetched.count > request.limit, let last = kept.last else {
            next = nil
            return
        }
        switch request.position {
        case .offset(let offset):
            next = try? PageRequest(limit: request.limit, position: .offset(offset + kept.count))
        case .after:
            next = try? PageRequest(limit: request.limit, position: .after(cursor(last)))
        }
    }

    /// The same page with each item transformed, such as rows into view models.
    public func map<Other: Sendable>(_ transform: (Item) throws -> Other) rethrows -> Page<Other> {
        Page<Other>(items: try items.map(transform), next: next)
    }
}

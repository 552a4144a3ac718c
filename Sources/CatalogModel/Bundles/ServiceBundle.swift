public import Foundation

/// A 一件事 bundle: several items of several departments applied for together.
public struct ServiceBundle: Codable, Sendable, Hashable {
    /// The bundle's id.
    public var id: UUID
    /// A stable public code, such as `newborn`.
    public var code: String
    /// The name, such as 新生儿出生一件事.
    public var name: String
    /// Whom it serves.
    public var audience: Audience
    /// The life event it belongs to.
    public var lifeEvent: LifeEvent
    /// What it is for, in a sentence or two.
    public var summary: String
    /// The items it combines, in the order the guide lists them.
    public var itemCodes: [BusinessItemCode]
    /// Whether the public sees it.
    public var isPublished: Bool

    /// Creates a bundle.
    public init(
        id: UUID = UUID(), code: String, name: String, audience: Audience, lifeEvent: LifeEvent, summary: String,
        itemCodes: [BusinessItemCode], isPublished: Bool = true
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.audience = audience
        self.lifeEvent = lifeEvent
        self.summary = summary
        self.itemCodes = itemCodes
        self.isPublished = isPublished
    }
}

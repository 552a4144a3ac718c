public import Foundation

/// A question and answer published on an item's guide (常见问题), made by staff from an answered
/// consultation.
public struct FAQEntry: Sendable, Equatable, Codable {
    /// The entry.
    public var id: UUID
    /// The item's 业务办理项编码.
    public var itemCode: String
    /// The item's name.
    public var itemName: String
    /// The question as published (staff may reword it and remove anything personal).
    public var question: String
    /// The answer as published.
    public var answer: String
    /// The consultation it came from.
    public var sourceInteractionID: UUID?
    /// When it was published.
    public var publishedAt: Date
}

public import Foundation

/// A 一件事 application: one form, one part case per item, concluded when all parts have ended.
public struct CaseBundle: Sendable, Equatable {
    /// Where the whole stands.
    public enum State: String, Codable, Sendable {
        /// Being filled in.
        case draft
        /// Submitted; the parts run in parallel.
        case submitted
        /// Every part has ended.
        case concluded

        /// The Chinese name.
        public var label: String {
            switch self {
            case .draft: "草稿"
            case .submitted: "办理中"
            case .concluded: "已办结"
            }
        }
    }

    /// The id.
    public var id: UUID
    /// The bundle's code in the catalog.
    public var code: String
    /// The bundle's name, such as 企业开办一件事.
    public var name: String
    /// Where it stands.
    public var state: State
    /// When it was started.
    public var createdAt: Date
    /// When it was submitted.
    public var submittedAt: Date?
    /// When the last part ended.
    public var concludedAt: Date?
    /// The part cases, one per item.
    public var parts: [CaseRecord]

    /// Creates a bundle value.
    public init(
        id: UUID, code: String, name: String, state: State, createdAt: Date, submittedAt: Date?, concludedAt: Date?,
        parts: [CaseRecord]
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.state = state
        self.createdAt = createdAt
        self.submittedAt = submittedAt
        self.concludedAt = concludedAt
        self.parts = parts
    }
}

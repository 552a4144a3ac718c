public import Foundation

/// What the progress query without login shows (办件进度查询): no personal data beyond the masked
/// name, no comments, no materials.
public struct CaseProgress: Codable, Sendable, Equatable {
    /// One line of the public timeline.
    public struct Line: Codable, Sendable, Equatable {
        /// What happened, in Chinese.
        public var label: String
        /// When.
        public var at: Date

        /// Creates a line.
        public init(label: String, at: Date) {
            self.label = label
            self.at = at
        }
    }

    /// The 办件编号.
    public var number: String
    /// The item's name.
    public var itemName: String
    /// The state.
    public var state: CaseState
    /// The outcome, once concluded.
    public var outcome: CaseOutcome?
    /// The applicant's masked name.
    public var applicantNameMasked: String
    /// The promised deadline, `yyyy-MM-dd`, once accepted.
    public var deadline: String?
    /// The public timeline.
    public var timeline: [Line]

    /// Creates a progress value.
    public init(
        number: String, itemName: String, state: CaseState, outcome: CaseOutcome?, applicantNameMasked: String,
        deadline: String?, timeline: [Line]
    ) {
        self.number = number
        self.itemName = itemName
        self.state = state
        self.outcome = outcome
        self.applicantNameMasked = applicantNameMasked
        self.deadline = deadline
        self.timeline = timeline
    }
}

/// What an event carries besides its kind; each kind fills the fields it needs.
public struct CaseEventDetail: Codable, Sendable, Hashable {
    /// A reason (rejection, return, pause, extension, withdrawal).
    public var reason: String?
    /// A clerk's comment.
    public var comment: String?
    /// A task decision's code.
    public var decision: String?
    /// The lines of a correction notice.
    public var items: [CorrectionItem]?
    /// Days (an extension).
    public var days: Int?
    /// Why the clock stopped.
    public var pauseReason: PauseReason?
    /// How a concluded case ended.
    public var outcome: CaseOutcome?
    /// The branch of a countersigned step.
    public var branchID: String?
    /// The step the case moved to.
    public var toStep: String?
    /// Material codes (pending under 容缺, or received).
    public var materials: [String]?
    /// A due day, `yyyy-MM-dd` (a 容缺 follow-up deadline).
    public var dueDay: String?
    /// A warning's colour.
    public var colour: String?
    /// A channel (the new one, for `channel-changed`).
    public var channel: CaseChannel?
    /// The promise the applicant signed for 容缺受理.
    public var promise: String?
    /// The result data of a concluded case, such as a permit number.
    public var result: [String: String]?

    /// An empty detail.
    public init(
        reason: String? = nil, comment: String? = nil, decision: String? = nil, items: [CorrectionItem]? = nil,
        days: Int? = nil, pauseReason: PauseReason? = nil, outcome: CaseOutcome? = nil, branchID: String? = nil,
        toStep: String? = nil, materials: [String]? = nil, dueDay: String? = nil, colour: String? = nil,
        channel: CaseChannel? = nil, promise: String? = nil, result: [String: String]? = nil
    ) {
        self.reason = reason
        self.comment = comment
        self.decision = decision
        self.items = items
        self.days = days
        self.pauseReason = pauseReason
        self.outcome = outcome
        self.branchID = branchID
        self.toStep = toStep
        self.materials = materials
        self.dueDay = dueDay
        self.colour = colour
        self.channel = channel
        self.promise = promise
        self.result = result
    }
}

/// Everything a case page shows: the case, its timeline, tasks, materials and clocks.
public struct CaseDetail: Sendable, Equatable {
    /// The case, masked.
    public var record: CaseRecord
    /// The timeline, oldest first.
    public var events: [CaseEventRecord]
    /// The tasks, open and done.
    public var tasks: [CaseTask]
    /// The materials received.
    public var materials: [CaseMaterial]
    /// The promised and legal clocks now; nil before acceptance.
    public var clocks: CaseClocks?
    /// The lines of the latest correction notice while the case waits for correction.
    public var correction: [CorrectionItem]
    /// Material codes accepted as pending (容缺) and not yet received, with their due day.
    public var pending: [String]
    /// The due day of the pending materials, `yyyy-MM-dd`.
    public var pendingDue: String?

    /// Creates a detail.
    public init(
        record: CaseRecord, events: [CaseEventRecord], tasks: [CaseTask], materials: [CaseMaterial],
        clocks: CaseClocks?, correction: [CorrectionItem], pending: [String], pendingDue: String?
    ) {
        self.record = record
        self.events = events
        self.tasks = tasks
        self.materials = materials
        self.clocks = clocks
        self.correction = correction
        self.pending = pending
        self.pendingDue = pendingDue
    }
}

public import Foundation

/// One entry of a case's history (办件轨迹).
public struct CaseEventRecord: Sendable, Equatable {
    /// Its place in the case's history, from 1.
    public var seq: Int
    /// What happened.
    public var kind: CaseEventKind
    /// The step it happened at, if any.
    public var stepID: String?
    /// Who: `person:<id>`, `staff:<id>` or `system`.
    public var actor: String
    /// Through which channel (`pc`, `window`, `system` …).
    public var channel: String
    /// When.
    public var at: Date
    /// The rest.
    public var detail: CaseEventDetail

    /// Creates an entry.
    public init(
        seq: Int, kind: CaseEventKind, stepID: String?, actor: String, channel: String, at: Date,
        detail: CaseEventDetail
    ) {
        self.seq = seq
        self.kind = kind
        self.stepID = stepID
        self.actor = actor
        self.channel = channel
        self.at = at
        self.detail = detail
    }

    /// The clock entry this event makes, if it moves the clock; `accepted` tells whether the case was
    /// accepted before it, since a correction before acceptance does not stop a clock not yet running.
    public func clockEvent(afterAcceptance accepted: Bool) -> ClockEvent? {
        switch kind {
        case .accepted, .acceptedPending, .autoAccepted: ClockEvent(kind: .start, at: at)
        case .correctionRequested: accepted ? ClockEvent(kind: .pause, at: at, pauseReason: .correction) : nil
        case .corrected: accepted ? ClockEvent(kind: .resume, at: at) : nil
        case .paused: ClockEvent(kind: .pause, at: at, pauseReason: detail.pauseReason ?? .suspension)
        case .resumed: ClockEvent(kind: .resume, at: at)
        case .extended: ClockEvent(kind: .extend, at: at, days: detail.days)
        case .concluded, .withdrawn: ClockEvent(kind: .stop, at: at)
        default: nil
        }
    }
}

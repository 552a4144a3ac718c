/// A case's history turned into what its statutory clock needs.
public enum CaseHistory {
    /// The clock entries of `events`, in order.
    public static func clockEvents(_ events: [CaseEventRecord]) -> [ClockEvent] {
        var accepted = false
        var result: [ClockEvent] = []
        for event in events.sorted(by: { $0.seq < $1.seq }) {
            if let entry = event.clockEvent(afterAcceptance: accepted) { result.append(entry) }
            if [.accepted, .acceptedPending, .autoAccepted].contains(event.kind) { accepted = true }
        }
        return result
    }
}

import CasesModel
import Foundation
public import Storage

extension EvaluationService {
    /// The subscriber that opens the online rating of a case when it concludes, for the applicant
    /// who filed it through their account. Delivering the event again changes nothing.
    public func subscribers() -> [EventSubscriber] {
        [
            EventSubscriber(name: "evaluation.open-on-conclusion", eventTypes: [CaseEventType.concluded.rawValue]) {
                event, tx in
                let payload = try event.decode(CaseEventPayload.self)
                guard payload.applicantAccount != nil else { return }
                try await openRating(caseID: payload.caseID, channel: .online, window: nil, by: .system, tx: tx)
            }
        ]
    }
}

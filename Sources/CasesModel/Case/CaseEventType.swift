/// The names of the case events written to the outbox.
public enum CaseEventType: String, Sendable, CaseIterable {
    /// CaseSubmitted.
    case submitted = "cases.case-submitted"
    /// CaseAccepted (also automatic and 容缺 acceptance).
    case accepted = "cases.case-accepted"
    /// CaseRejected (不予受理).
    case rejected = "cases.case-rejected"
    /// CaseCorrectionRequested (一次性告知).
    case correctionRequested = "cases.case-correction-requested"
    /// CaseCorrected.
    case corrected = "cases.case-corrected"
    /// CaseReturned: sent back to an earlier step.
    case returned = "cases.case-returned"
    /// CasePaused and CaseResumed.
    case paused = "cases.case-paused"
    /// The clock runs again.
    case resumed = "cases.case-resumed"
    /// CaseExtended.
    case extended = "cases.case-extended"
    /// CaseDeadlineWarning: a yellow or red warning or an overdue case.
    case deadlineWarning = "cases.deadline-warning"
    /// CasePaymentDue: the case reached a payment step; `result` carries `stepID`.
    case paymentDue = "cases.payment-due"
    /// CaseConcluded, approved or denied, with result data.
    case concluded = "cases.case-concluded"
    /// CaseWithdrawn.
    case withdrawn = "cases.case-withdrawn"
}

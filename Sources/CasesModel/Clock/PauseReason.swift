/// Why the statutory clock stopped.
public enum PauseReason: String, Codable, Sendable, CaseIterable {
    /// 补正: waiting for the applicant's corrected materials.
    case correction
    /// 特别程序: a hearing, inspection or expert review, which the law does not count.
    case specialProcedure = "special-procedure"
    /// 中止: the case is suspended.
    case suspension
    /// 待缴费: waiting for the applicant to pay the fees, which the promised limit does not count.
    case payment

    /// The Chinese name.
    public var label: String {
        switch self {
        case .correction: "补正"
        case .specialProcedure: "特别程序"
        case .suspension: "中止"
        case .payment: "待缴费"
        }
    }
}

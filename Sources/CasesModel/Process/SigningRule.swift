/// How the parallel branches of one step must sign before the step is done.
public enum SigningRule: Sendable, Hashable {
    /// One actor acts; the step has no branches.
    case single
    /// 会签: every branch must approve.
    case all
    /// 或签: the first branch to decide decides for all.
    case any
    /// A quorum: `n` branches must approve.
    case quorum(Int)

    /// How many approvals complete a step of `branchCount` branches.
    public func approvalsNeeded(branchCount: Int) -> Int {
        switch self {
        case .single, .any: 1
        case .all: branchCount
        case .quorum(let n): n
        }
    }
}

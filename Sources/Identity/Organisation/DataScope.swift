import Foundation

/// Which departments a role assignment reaches, measured from the staff member's own department.
public enum DataScope: String, Sendable, Codable, CaseIterable {
    /// The staff member's own department only, not the departments under it.
    case department
    /// The own department and every department below it.
    case subtree
    /// Every department.
    case all

    /// The Chinese label.
    public var label: String {
        switch self {
        case .department: "本部门"
        case .subtree: "本部门及下级"
        case .all: "全部"
        }
    }

    /// Whether this scope, held by staff of the department `own` at `ownPath`, reaches the
    /// department `target` at `targetPath` (paths are materialised, so a subtree is a prefix).
    func reaches(_ target: UUID, path targetPath: String, from own: UUID, path ownPath: String) -> Bool {
        switch self {
        case .all: true
        case .subtree: targetPath.hasPrefix(ownPath)
        case .department: target == own
        }
    }

    /// Whether this scope reaches at least as far as `other` from the same department.
    func covers(_ other: DataScope) -> Bool {
        switch (self, other) {
        case (.all, _), (.subtree, .subtree), (.subtree, .department), (.department, .department): true
        default: false
        }
    }
}

/// Whether a staff account may log in.
public enum StaffStatus: String, Sendable, Codable, CaseIterable {
    /// May log in.
    case active
    /// May not log in; kept for the record (staff accounts are never deleted).
    case disabled
}

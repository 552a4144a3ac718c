/// The enterprise registry's answer; like the population registry it returns no data, only
/// whether what was asked matches.
public enum EnterpriseRegistryAnswer: String, Sendable, Equatable {
    /// The code, name and representative all match.
    case match
    /// The code exists under another name.
    case nameMismatch
    /// The code and name match, but the representative is someone else.
    case representativeMismatch
    /// The registry has no such code.
    case notFound
}

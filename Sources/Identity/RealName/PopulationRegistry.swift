/// A population registry (人口库) that answers whether a name and 身份证号 belong together.
///
/// Adapters: `DatabasePopulationRegistry`, loaded from a department's export; an HTTP adapter for
/// an external registry comes with the next identity slice.
public protocol PopulationRegistry: Sendable {
    /// A short name recorded with every real-name raise, such as `registry:database`.
    var method: String { get }

    /// Looks the pair up.
    func check(name: String, idNumber: String) async throws -> RegistryAnswer
}

/// The registry's answer; it never returns the person's data, only whether the pair matches.
public enum RegistryAnswer: String, Sendable, Equatable {
    /// The name belongs to that ID number.
    case match
    /// The ID number exists under another name.
    case nameMismatch
    /// The registry has no such ID number.
    case notFound
}

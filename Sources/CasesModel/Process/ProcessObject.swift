/// A JSON object of a process file together with its path, so that each member read from it can be
/// reported where it stands.
struct ProcessObject {
    var members: [String: ProcessJSON]
    var path: String

    /// The path of one member.
    func path(_ key: String) -> String { "\(path).\(key)" }

    /// The member, treating an explicit `null` as an omitted key.
    subscript(_ key: String) -> ProcessJSON? {
        if case .null = members[key] { return nil }
        return members[key]
    }
}

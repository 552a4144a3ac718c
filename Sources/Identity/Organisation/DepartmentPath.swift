import Foundation

/// The materialised path of a department: the ids from the top down, 32 lower-case hex digits each.
///
/// Fixed-width segments need no separator, and hex digits sort alike under every collation, so the
/// subtree of `path` is exactly the range `path ... path + "g"` on the path index.
enum DepartmentPath {
    static func segment(_ id: UUID) -> String {
        id.uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    static func child(_ id: UUID, of parent: String?) -> String {
        (parent ?? "") + segment(id)
    }

    /// The exclusive upper end of the subtree range.
    static func upperBound(_ path: String) -> String {
        path + "g"
    }

    static func depth(_ path: String) -> Int {
        path.count / 32 - 1
    }
}

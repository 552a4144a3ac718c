import Catalog
import CatalogModel
import Kernel

/// The problems found in an import file, each with where it is, turned into one error.
struct ImportProblems: Sendable {
    /// How many problems the error's detail lists.
    static let shownLimit = 20

    private(set) var all: [String] = []

    var isEmpty: Bool { all.isEmpty }

    /// Records a problem at `path`, such as `items[3].versions[0].guide.materials[1]`.
    mutating func add(_ path: String, _ problem: String) {
        all.append(path.isEmpty ? problem : "\(path)：\(problem)")
    }

    /// Throws the collected problems as one `invalid` error, if there are any.
    func throwIfAny() throws(DomainError) {
        guard !all.isEmpty else { return }
        throw Self.error(all)
    }

    /// The error naming the first problems of `list`.
    static func error(_ list: [String]) -> DomainError {
        let shown = list.prefix(shownLimit).enumerated().map { "\($0.offset + 1). \($0.element)" }
        let head =
            list.count > shownLimit
            ? "导入文件有 \(list.count) 处问题，以下是前 \(shownLimit) 处；请修改后重新导入，目录未作任何改动。"
            : "导入文件有 \(list.count) 处问题；请修改后重新导入，目录未作任何改动。"
        return DomainError(
            .invalid, code: "catalog.invalid-import", title: "导入文件有误", detail: ([head] + shown).joined(separator: "\n"))
    }

    /// The error for a file that cannot be read at all.
    static func unreadable(_ detail: String) -> DomainError {
        error([detail])
    }
}

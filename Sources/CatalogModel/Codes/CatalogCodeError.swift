import Kernel

/// The errors code parsing raises, in one wording.
enum CatalogCodeError {
    /// A code that does not have its documented form.
    static func malformed(_ kind: String, _ text: String, _ reason: String) -> DomainError {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return DomainError(
            .invalid, code: "catalog.malformed-code", title: "\(kind)格式有误",
            detail: "“\(shown)”不是有效的\(kind)：\(reason)。")
    }
}

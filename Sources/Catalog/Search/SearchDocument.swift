import CatalogModel

/// The tokens one published version is found by, field by field, space-separated.
struct SearchDocument: Sendable, Hashable {
    /// The item's name: the strongest field.
    var name: String
    /// Its keywords, the words people search with that the name lacks.
    var keywords: String
    /// The implementing department's name.
    var department: String
    /// Its themes and the labels of its life events.
    var themes: String
    /// The names of its materials.
    var materials: String

    /// The document of `guide` implemented by the department named `departmentName`.
    init(guide: ItemGuide, departmentName: String) {
        name = Self.joined(SearchTokenizer.tokens(guide.name))
        keywords = Self.joined(SearchTokenizer.tokens(guide.keywords))
        department = Self.joined(SearchTokenizer.tokens(departmentName))
        themes = Self.joined(SearchTokenizer.tokens(guide.themes + guide.lifeEvents.map(\.label)))
        materials = Self.joined(SearchTokenizer.tokens(guide.materials.map(\.name)))
    }

    /// A document read back from the index.
    init(name: String, keywords: String, department: String, themes: String, materials: String) {
        self.name = name
        self.keywords = keywords
        self.department = department
        self.themes = themes
        self.materials = materials
    }

    /// The fields other than the name that hold a token `query` matches, by their Chinese labels.
    func matchedFields(_ query: SearchQuery) -> [String] {
        [(keywords, "关键词"), (department, "实施部门"), (themes, "主题"), (materials, "申请材料")].compactMap {
            field, label in
            field.split(separator: " ").contains { query.matches(String($0)) } ? label : nil
        }
    }

    private static func joined(_ tokens: [String]) -> String {
        tokens.joined(separator: " ")
    }
}

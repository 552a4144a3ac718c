/// One line of a 一次性告知 (one-time correction notice): a material and what is wrong with it.
public struct CorrectionItem: Codable, Sendable, Hashable {
    /// The material's code in the guide, such as `M02`.
    public var materialCode: String
    /// The material's name.
    public var materialName: String
    /// What is missing or wrong, such as 缺少法定代表人签字.
    public var problem: String

    /// Creates a line.
    public init(materialCode: String, materialName: String, problem: String) {
        self.materialCode = materialCode
        self.materialName = materialName
        self.problem = problem
    }
}

/// One charge of an item (收费项目).
public struct Fee: Codable, Sendable, Hashable {
    /// The charge's name, such as 工本费.
    public var name: String
    /// The standard amount in fen.
    public var amountFen: Int
    /// The standard as the document states it, such as 每证20元.
    public var standard: String
    /// The legal basis of the charge.
    public var basis: String
    /// Who pays less or nothing (减免政策), possibly empty.
    public var reductions: [String]

    /// Creates a fee.
    public init(name: String, amountFen: Int, standard: String, basis: String, reductions: [String] = []) {
        self.name = name
        self.amountFen = amountFen
        self.standard = standard
        self.basis = basis
        self.reductions = reductions
    }
}

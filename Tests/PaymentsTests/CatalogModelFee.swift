import CatalogModel

/// Builds catalog fees for the arithmetic tests.
enum CatalogModelFee {
    static func make(name: String, fen: Int, reductions: [String]) -> Fee {
        Fee(name: name, amountFen: fen, standard: "每件\(fen / 100)元", basis: "测试依据", reductions: reductions)
    }
}

import Catalog
import CatalogModel

/// A large made-up catalog for benchmarks, built from the demo catalog: deterministic, every item
/// distinct and valid.
public enum SyntheticCatalog {
    /// `count` items made by varying the demo's items — the business-item sequence (01…99) and the
    /// base code's sub-item digits give each copy its own code, and its name gets a suffix such as
    /// （长安区） or （第12类） — with the demo's locations and no bundles.
    public static func document(count: Int, from demo: CatalogDocument) -> CatalogDocument {
        let templates = demo.items.filter { !$0.versions.isEmpty && $0.businessCode.utf8.count == 33 }
        guard count > 0, !templates.isEmpty else { return CatalogDocument(locations: demo.locations) }
        let districts = ["长安区", "桥西区", "新华区", "裕华区", "藁城区", "鹿泉区", "栾城区", "正定县", "井陉矿区", "辛集市"]
        var items: [CatalogDocument.ItemEntry] = []
        items.reserveCapacity(count)
        var used = Set(demo.items.map(\.businessCode))
        var round = 0
        while items.count < count {
            round += 1
            for template in templates where items.count < count {
                // Sub-item 001…999 and sequence 01…99 give 98,901 variants of each template.
                let subItem = 1 + (round - 1) / 99 % 999
                let sequence = 1 + (round - 1) % 99
                let code = variant(of: template.businessCode, subItem: subItem, sequence: sequence)
                guard used.insert(code).inserted else { continue }
                var entry = template
                entry.businessCode = code
                let suffix =
                    round % 2 == 0 && round <= 2 * districts.count
                    ? "（\(districts[round / 2 - 1])）" : "（第\(round)类）"
                entry.versions = template.versions.map { version in
                    var copy = version
                    copy.guide.name = String((version.guide.name + suffix).prefix(100))
                    return copy
                }
                items.append(entry)
            }
            if round > 98_901 { break }
        }
        return CatalogDocument(items: items, locations: demo.locations)
    }

    /// The code with the base code's last three digits set to `subItem` and the last two to
    /// `sequence`.
    static func variant(of code: String, subItem: Int, sequence: Int) -> String {
        let characters = Array(code)
        let head = String(characters[0..<28])
        return head + padded(subItem, 3) + padded(sequence, 2)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

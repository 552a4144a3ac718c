import Catalog
import CatalogModel
import Foundation
import Kernel

/// How the service hall writes amounts, limits and links.
enum ServiceHallFormat {
    /// Fen as yuan: 20.00元.
    static func yuan(_ fen: Int) -> String {
        Money(fen: Int64(fen)).formatted(.yuan)
    }

    /// The visits line of a guide: 0 is the 零跑动 people look for.
    static func visits(_ count: Int) -> String {
        count == 0 ? "0次（全程网办，无需到现场）" : "\(count)次"
    }

    /// A query string from pairs, each value percent-encoded; pairs with an empty value are left out.
    static func query(_ pairs: [(String, String?)]) -> String {
        let parts = pairs.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return name + "=" + encoded(value)
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// A value percent-encoded for a query string (`&`, `=`, `+` and `#` too).
    static func encoded(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#?/")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The guide page of an item.
    static func itemHref(_ code: String) -> String { "/services/items/" + code }

    /// One choice of a select, and whether it is the current one.
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    /// The choices of the audience select.
    static func audienceOptions(_ current: Audience?) -> [Option] {
        Audience.allCases.map { Option(value: $0.rawValue, label: audienceLabel($0), selected: $0 == current) }
    }

    /// The choices of the item-type select.
    static func typeOptions(_ current: ItemType?) -> [Option] {
        ItemType.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == current) }
    }

    /// The choices of the life-event select.
    static func eventOptions(_ current: LifeEvent?) -> [Option] {
        LifeEvent.allCases.map {
            Option(value: $0.rawValue, label: "\(audienceLabel($0.audience))·\($0.label)", selected: $0 == current)
        }
    }

    /// 个人办事 / 法人办事, as the hall names its two halves.
    static func audienceLabel(_ audience: Audience) -> String {
        audience == .person ? "个人办事" : "法人办事"
    }
}

public import Kernel

/// The service items (事项) an agent may handle for an enterprise: all of them, or a list of codes.
public enum AgentScope: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Every item, now and to come (`*`).
    case allItems
    /// Only these item codes.
    case items(Set<String>)

    /// The most codes one grant may list; beyond that, grant all items.
    public static let maximumItems = 200

    /// Parses `*`, or item codes separated by commas, spaces or newlines, as typed on a form.
    ///
    /// Codes are letters, digits, `-`, `_` and `.`, up to 64 characters, because catalogue codes
    /// are stored that way and a comma inside one would break the stored list.
    public init(parsing text: String) throws(DomainError) {
        let parts = text.split { $0 == "," || $0 == "，" || $0.isWhitespace }.map(String.init)
        if parts == ["*"] {
            self = .allItems
            return
        }
        guard !parts.isEmpty else {
            throw Self.invalid("请填写授权办理的事项编码，或填写 * 表示全部事项。")
        }
        guard parts.count <= Self.maximumItems else {
            throw Self.invalid("一次最多授权 \(Self.maximumItems) 个事项；如需更多，请授权全部事项（*）。")
        }
        for code in parts where !Self.isItemCode(code) {
            throw Self.invalid("事项编码“\(code)”格式不正确：只能包含字母、数字、-、_ 和 .，不超过 64 个字符。")
        }
        self = .items(Set(parts))
    }

    /// Whether the scope covers the item with `code`.
    public func covers(_ code: String) -> Bool {
        switch self {
        case .allItems: true
        case .items(let codes): codes.contains(code)
        }
    }

    /// `*`, or the codes sorted and joined by commas: also the stored form.
    public var description: String {
        switch self {
        case .allItems: "*"
        case .items(let codes): codes.sorted().joined(separator: ",")
        }
    }

    /// Decodes the stored form.
    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the stored form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func isItemCode(_ code: String) -> Bool {
        (1...64).contains(code.utf8.count)
            && code.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "-_.".unicodeScalars.contains(scalar))
            }
    }

    private static func invalid(_ detail: String) -> DomainError {
        DomainError(.invalid, code: "identity.agent-scope", title: "授权事项不正确", detail: detail)
    }
}

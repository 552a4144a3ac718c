import Kernel

/// Escaping for text and attribute values inside server-drawn SVG.
enum SVGText {
    /// `text` safe inside an element or a double-quoted attribute.
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// A number for a coordinate, with at most one decimal.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

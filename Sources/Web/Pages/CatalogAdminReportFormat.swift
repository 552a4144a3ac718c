import Foundation

/// How the re-engineering report writes its figures for people.
enum CatalogReportFormat {
    /// A share as a percentage with one decimal: 66.7%.
    static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }

    /// An average with two decimals: 2.33.
    static func decimal(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// A change of a share in percentage points, signed: +50.0个百分点.
    static func points(_ change: Double) -> String {
        signed(String(format: "%.1f", change * 100), change) + "个百分点"
    }

    /// A change of an average, signed: +0.50.
    static func delta(_ change: Double) -> String {
        signed(String(format: "%.2f", change), change)
    }

    private static func signed(_ text: String, _ value: Double) -> String {
        if text.hasPrefix("-") { return abs(value) < 0.0005 ? String(text.dropFirst()) : text }
        return value > 0.0005 ? "+" + text : text
    }
}

/// A small horizontal bar showing one share from 0 to 1, for table cells; the share is also
/// written out, so the bar only illustrates it.
struct SVGPercentBar {
    var label: String
    var share: Double

    /// The bar as an accessible `<svg>` element.
    var svg: String {
        let clamped = share.isFinite ? min(1, max(0, share)) : 0
        let text = SVGText.escape("\(label)：\(CatalogReportFormat.percent(clamped))")
        return
            #"<svg class="percent-bar" role="img" viewBox="0 0 100 8" width="100" height="8" xmlns="http://www.w3.org/2000/svg">"#
            + "<title>\(text)</title>"
            + #"<rect class="percent-track" x="0" y="0" width="100" height="8"/>"#
            + #"<rect class="percent-fill" x="0" y="0" width="\#(SVGText.number(clamped * 100))" height="8"/></svg>"#
    }
}

import Foundation

/// The issuer's seal on a rendered license: a red ring, the issuer's name along the upper arc and a
/// five-pointed star, as on a paper certificate.
///
/// It is decoration, not proof: the signature behind the QR code is what a verifier checks, which is
/// why the seal carries the words 电子证照 and nothing a forger could not draw.
enum LicenseSeal {
    /// The seal of `issuer` as inline SVG; `id` keeps the arc's element id unique on the page.
    static func svg(issuer: String, id: String) -> String {
        let name = SVGText.escape(String(issuer.prefix(20)))
        let arc = "seal-arc-" + id.filter { $0.isLetter || $0.isNumber }
        // The name runs along a circle of radius 62 from the lower left, over the top, to the lower right.
        let fontSize = issuer.count > 12 ? 13 : issuer.count > 9 ? 16 : 19
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" class="license-seal" role="img" \
            aria-label="\(name)电子印章"><defs><path id="\(arc)" d="M 50.5 149.5 A 70 70 0 1 1 149.5 149.5"/></defs>\
            <circle cx="100" cy="100" r="92" fill="none" stroke="#c8161d" stroke-width="6"/>\
            <text font-size="\(fontSize)" font-weight="700" fill="#c8161d" text-anchor="middle">\
            <textPath href="#\(arc)" startOffset="50%">\(name)</textPath></text>\
            <polygon points="\(star(cx: 100, cy: 100, outer: 28, inner: 11))" fill="#c8161d"/>\
            <text x="100" y="152" font-size="14" fill="#c8161d" text-anchor="middle">电子证照专用章</text></svg>
            """
    }

    /// The points of a five-pointed star centred on (`cx`, `cy`), one point straight up.
    static func star(cx: Double, cy: Double, outer: Double, inner: Double) -> String {
        (0..<10).map { index in
            let radius = index.isMultiple(of: 2) ? outer : inner
            let angle = Double(index) * Double.pi / 5 - Double.pi / 2
            return SVGText.number(cx + radius * cos(angle)) + "," + SVGText.number(cy + radius * sin(angle))
        }.joined(separator: " ")
    }
}

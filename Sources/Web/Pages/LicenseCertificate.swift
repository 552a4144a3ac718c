import Foundation
import Kernel
import Licenses

/// A license drawn as a certificate: the type's name as title, its fields with their labels in the
/// type's order, issuer, identifier, validity, status, the QR code of the signed payload and the seal.
///
/// The holder's wallet page, the printable view and the issuing staff's page all show this one view.
struct LicenseCertificate {
    /// One labelled value.
    struct Field {
        var label: String
        var value: String
    }

    var id: String
    var title: String
    var identifier: String
    var issuerName: String
    var holderKind: String
    var holderName: String
    var fields: [Field]
    var status: String
    var statusReason: String?
    /// Whether the status is 有效 today (not suspended, revoked, superseded or past its last day).
    var isValid: Bool
    var issuedOn: String
    var validUntil: String
    var code: String
    /// The QR code of `code` as SVG, nil if it could not be drawn.
    var qr: String?
    var seal: String
    /// Whether the certificate sits inside a page with its own heading (the clerk's case view), so its
    /// title is a second-level heading and the page keeps one `h1`.
    var embedded = false

    /// The certificate of `license` with every value in clear: only its holder, its issuing department
    /// and a clerk the holder authorised see this view; strangers see the code's masked claims.
    init(_ license: License, type: LicenseType?, today: CalendarDay) {
        id = license.id.uuidString
        title = license.typeName
        identifier = license.identifier.description
        issuerName = license.issuerName
        holderKind = license.holderKind.label
        holderName = license.holderNameMasked
        fields = Self.fields(license.fields, type: type)
        if let type, let name = license.fields[type.holderNameField] { holderName = name }
        status = license.effectiveStatusLabel(on: today)
        statusReason = license.statusReason
        isValid = license.status == .valid && !license.isExpired(on: today)
        issuedOn = license.issuedOn.description
        validUntil = license.validUntil?.description ?? "长期"
        code = license.code
        qr = try? QRCode(text: license.code, level: .medium).svg(label: "\(license.typeName)验证二维码，请用证照核验页面扫描")
        seal = LicenseSeal.svg(issuer: license.issuerName, id: license.id.uuidString)
    }

    /// The values in the type's print order; keys the type does not know (a type changed since issue)
    /// follow in key order under their key.
    static func fields(_ values: [String: String], type: LicenseType?) -> [Field] {
        let known = type?.fields ?? []
        var rows: [Field] = known.compactMap { field in
            guard let value = values[field.key], !value.isEmpty else { return nil }
            return Field(label: field.label, value: value)
        }
        let knownKeys = Set(known.map(\.key))
        for key in values.keys.sorted() where !knownKeys.contains(key) {
            rows.append(Field(label: key, value: values[key] ?? ""))
        }
        return rows
    }
}

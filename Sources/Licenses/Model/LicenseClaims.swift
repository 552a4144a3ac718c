public import Foundation
public import Kernel
import Signing

/// What a license's QR code asserts, signed by its issuer: a CWT claims set (RFC 8392).
///
/// Standard claims: 1 `iss` (the issuer's credit code), 6 `iat`, 4 `exp` (end of the last valid day,
/// absent for 长期). The license itself sits under the private claim −65 537 as a map: `id` the
/// identifier, `k` the type key, `n` the type name, `h` the holder's masked name, `f` the fields the
/// type puts in the code as `[label, value]` pairs, personal values masked. Labels travel with the
/// values so an offline verifier needs no type catalogue.
public struct LicenseClaims: Sendable, Equatable {
    /// The private CWT claim key holding the license.
    static let licenseClaim: Int64 = -65_537

    /// The issuer's unified social credit code.
    public var issuer: String
    /// When it was signed.
    public var issuedAt: Date
    /// The end of its last valid day, nil for 长期.
    public var expiresAt: Date?
    /// The license identifier.
    public var identifier: LicenseIdentifier
    /// The type key.
    public var typeKey: String
    /// The type name.
    public var typeName: String
    /// The holder's name, masked.
    public var holderNameMasked: String
    /// Label and value of each field in the code, in print order.
    public var fields: [[String]]

    /// Describes a claims set.
    public init(
        issuer: String, issuedAt: Date, expiresAt: Date?, identifier: LicenseIdentifier, typeKey: String,
        typeName: String, holderNameMasked: String, fields: [[String]]
    ) {
        self.issuer = issuer
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.identifier = identifier
        self.typeKey = typeKey
        self.typeName = typeName
        self.holderNameMasked = holderNameMasked
        self.fields = fields
    }

    /// The claims as CBOR bytes, the COSE payload.
    public func encoded() -> [UInt8] {
        var license: [CBORValue: CBORValue] = [
            .text("id"): .text(identifier.description), .text("k"): .text(typeKey), .text("n"): .text(typeName),
            .text("h"): .text(holderNameMasked),
            .text("f"): .array(fields.map { .array($0.map(CBORValue.text)) }),
        ]
        license[.text("v")] = .unsigned(1)
        var claims: [CBORValue: CBORValue] = [
            .integer(1): .text(issuer), .integer(6): .integer(Int64(issuedAt.timeIntervalSince1970)),
            .integer(Self.licenseClaim): .map(license),
        ]
        if let expiresAt { claims[.integer(4)] = .integer(Int64(expiresAt.timeIntervalSince1970)) }
        return CBORValue.map(claims).encoded()
    }

    /// Reads claims from a verified COSE payload; nil when the shape is not ours.
    public init?(cbor bytes: [UInt8]) {
        guard let claims = (try? CBORValue(decoding: bytes))?.mapValue,
            let issuer = claims[.integer(1)]?.textValue,
            let issuedAt = claims[.integer(6)]?.integerValue,
            let license = claims[.integer(Self.licenseClaim)]?.mapValue,
            let idText = license[.text("id")]?.textValue, let identifier = try? LicenseIdentifier(idText),
            let typeKey = license[.text("k")]?.textValue, let typeName = license[.text("n")]?.textValue,
            let holder = license[.text("h")]?.textValue, let fieldItems = license[.text("f")]?.arrayValue
        else { return nil }
        let fields = fieldItems.compactMap { $0.arrayValue?.compactMap(\.textValue) }
        guard fields.count == fieldItems.count, fields.allSatisfy({ $0.count == 2 }) else { return nil }
        let expiry = claims[.integer(4)]
        if expiry != nil && expiry?.integerValue == nil { return nil }
        self.init(
            issuer: issuer, issuedAt: Date(timeIntervalSince1970: TimeInterval(issuedAt)),
            expiresAt: expiry?.integerValue.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            identifier: identifier, typeKey: typeKey, typeName: typeName, holderNameMasked: holder, fields: fields)
    }
}

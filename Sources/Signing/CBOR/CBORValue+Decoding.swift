extension CBORValue {
    /// The nesting limit when none is given: signed-code claims are a few levels deep.
    public static let defaultMaxDepth = 16

    /// Decodes `bytes`, which must hold exactly one well-formed item; safe on hostile input.
    ///
    /// Indefinite lengths, floats and simple values other than false/true/null are rejected; see
    /// docs/signed-codes.md.
    public init(decoding bytes: [UInt8], maxDepth: Int = CBORValue.defaultMaxDepth) throws(CBORError) {
        var decoder = CBORDecoder(bytes, maxDepth: maxDepth)
        self = try decoder.decodeWhole()
    }
}

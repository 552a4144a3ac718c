/// A QR code (ISO/IEC 18004, model 2): versions 1–40, error-correction levels L, M, Q and H,
/// alphanumeric or byte mode.
///
/// Written here because none of the permitted packages draws QR codes; scan-to-login and e-licence
/// verification need them. Text made only of the alphanumeric set (0–9, A–Z, space, $ % * + - . / :)
/// such as Base45 takes 5.5 bits a character, other text 8 bits a UTF-8 byte. Version 40 holds
/// 3391 alphanumeric characters or 2331 bytes at the default level M.
public struct QRCode: Sendable, Equatable {
    /// The version, 1 to 40: the symbol is `17 + 4 × version` modules square.
    public let version: Int
    /// The error-correction level.
    public let level: QRErrorCorrection
    /// The mask pattern applied, 0 to 7.
    public let mask: Int
    /// The modules, row by row; `true` is dark.
    public let modules: [[Bool]]

    /// The number of modules along one side.
    public var size: Int { modules.count }

    /// The most bytes any input can have: alphanumeric characters at version 40, level L. Longer input
    /// is refused before any work is done on it.
    static let maximumInput = 4296

    /// Encodes `bytes` in byte mode as they are, in the smallest version that holds them unless
    /// `version` is given, with the mask of least penalty unless `mask` is given (tests pin both to
    /// compare with other encoders).
    public init(
        bytes: [UInt8], level: QRErrorCorrection = .medium, version: Int? = nil, mask: Int? = nil
    ) throws(QRCodeError) {
        try self.init(
            segments: bytes.count <= Self.maximumInput ? [.byte(bytes)] : nil, length: bytes.count,
            level: level, version: version, mask: mask)
    }

    /// Encodes `text`: in alphanumeric mode when every character is in that set, otherwise its UTF-8
    /// bytes, announced as UTF-8 by an ECI when any is outside ASCII.
    public init(
        text: String, level: QRErrorCorrection = .medium, version: Int? = nil, mask: Int? = nil
    ) throws(QRCodeError) {
        let length = text.utf8.count
        try self.init(
            segments: length <= Self.maximumInput ? QRSegment.segments(for: Array(text.utf8)) : nil,
            length: length, level: level, version: version, mask: mask)
    }

    /// `segments` is nil for input too long for any symbol; `length` is the input's size in bytes.
    private init(
        segments: [QRSegment]?, length: Int, level: QRErrorCorrection, version: Int?, mask: Int?
    ) throws(QRCodeError) {
        if let version, !(1...40).contains(version) { throw .badVersion(version) }
        if let mask, !(0...7).contains(mask) { throw .badMask(mask) }
        guard let segments else { throw .tooLong(length) }
        let fitting =
            if let version {
                QRCodewords.fits(segments, version: version, level: level) ? version : nil
            } else {
                QRCodewords.smallestVersion(for: segments, level: level)
            }
        guard let chosen = fitting else { throw .tooLong(length) }
        let codewords = QRCodewords.interleaved(
            data: QRCodewords.data(segments, version: chosen, level: level), version: chosen, level: level)
        let template = QRMatrix(version: chosen)
        var best: (mask: Int, matrix: QRMatrix, penalty: Int)?
        for candidate in mask.map({ [$0] }) ?? Array(0...7) {
            let matrix = template.filled(with: codewords, level: level, mask: candidate)
            let penalty = mask == nil ? matrix.penalty : 0
            if let current = best, current.penalty <= penalty { continue }
            best = (candidate, matrix, penalty)
        }
        let chosenMask = best?.mask ?? 0
        self.version = chosen
        self.level = level
        self.mask = chosenMask
        self.modules = (best?.matrix ?? template.filled(with: codewords, level: level, mask: chosenMask)).rows
    }
}

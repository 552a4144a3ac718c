/// Branch-free helpers for comparing secrets.
enum ConstantTime {
    /// Compares two byte arrays without exiting early on the first difference (lengths are public).
    static func equals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }
}

/// The mainland mobile-number rule shared by accounts, SMS, application forms and walk-in
/// applicants: 11 ASCII digits, `1` then `3`–`9`.
public enum MobileNumber {
    /// Whether `text` (already trimmed) is a mainland mobile number.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 11 && bytes[0] == UInt8(ascii: "1")
            && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[1])
            && bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}

/// Carry-propagating 64-bit limb primitives shared by the field and scalar arithmetic.
enum Limb {
    /// Returns the low word of a + b·c + carry and leaves the high word in `carry` (cannot overflow 128 bits).
    @inline(__always)
    static func mulAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ carry: inout UInt64) -> UInt64 {
        let product = b.multipliedFullWidth(by: c)
        let (s1, o1) = product.low.addingReportingOverflow(a)
        let (s2, o2) = s1.addingReportingOverflow(carry)
        carry = product.high &+ UInt64(o1 ? 1 : 0) &+ UInt64(o2 ? 1 : 0)
        return s2
    }

    /// Returns a + b + carry and sets `carry` to the carry out.
    @inline(__always)
    static func add(_ a: UInt64, _ b: UInt64, _ carry: inout UInt64) -> UInt64 {
        let (s1, o1) = a.addingReportingOverflow(b)
        let (s2, o2) = s1.addingReportingOverflow(carry)
        carry = UInt64(o1 ? 1 : 0) | UInt64(o2 ? 1 : 0)
        return s2
    }

    /// Returns a - b - borrow and sets `borrow` to the borrow out.
    @inline(__always)
    static func sub(_ a: UInt64, _ b: UInt64, _ borrow: inout UInt64) -> UInt64 {
        let (d1, o1) = a.subtractingReportingOverflow(b)
        let (d2, o2) = d1.subtractingReportingOverflow(borrow)
        borrow = UInt64(o1 ? 1 : 0) | UInt64(o2 ? 1 : 0)
        return d2
    }
}

/// A point in Jacobian coordinates (X/Z², Y/Z³) on y² = x³ − 3x + b, coordinates in Montgomery form.
///
/// The formulas never branch; the point at infinity (Z = 0) is tracked by callers with masks.
struct JacobianPoint: Sendable {
    var x: U256
    var y: U256
    var z: U256

    init(x: U256, y: U256, z: U256) {
        self.x = x
        self.y = y
        self.z = z
    }

    init(_ point: AffinePoint) {
        self.init(x: point.x, y: point.y, z: SM2Field.one)
    }

    static let infinity = JacobianPoint(x: SM2Field.one, y: SM2Field.one, z: .zero)

    var isInfinity: Bool { z.isZeroMask != 0 }

    /// Converts to affine; nil for the point at infinity. One field inversion.
    var affine: AffinePoint? {
        guard !isInfinity else { return nil }
        let zInv = SM2Field.invert(z)
        let zInv2 = SM2Field.sqr(zInv)
        return AffinePoint(x: SM2Field.mul(x, zInv2), y: SM2Field.mul(y, SM2Field.mul(zInv2, zInv)))
    }

    /// 2P using a = −3 ("dbl-2001-b"); maps infinity to infinity.
    @inline(__always)
    func doubled() -> JacobianPoint {
        let delta = SM2Field.sqr(z)
        let gamma = SM2Field.sqr(y)
        let beta = SM2Field.mul(x, gamma)
        let t = SM2Field.mul(SM2Field.sub(x, delta), SM2Field.add(x, delta))
        let alpha = SM2Field.add(SM2Field.add(t, t), t)
        let beta2 = SM2Field.add(beta, beta)
        let beta4 = SM2Field.add(beta2, beta2)
        let beta8 = SM2Field.add(beta4, beta4)
        let x3 = SM2Field.sub(SM2Field.sqr(alpha), beta8)
        let yz = SM2Field.add(y, z)
        let z3 = SM2Field.sub(SM2Field.sub(SM2Field.sqr(yz), gamma), delta)
        let gamma2 = SM2Field.sqr(gamma)
        let gamma2x2 = SM2Field.add(gamma2, gamma2)
        let gamma2x4 = SM2Field.add(gamma2x2, gamma2x2)
        let gamma2x8 = SM2Field.add(gamma2x4, gamma2x4)
        let y3 = SM2Field.sub(SM2Field.mul(alpha, SM2Field.sub(beta4, x3)), gamma2x8)
        return JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// P + Q ("add-2007-bl"); only valid when P ≠ ±Q and neither is infinity, which callers guarantee or mask.
    @inline(__always)
    func adding(_ other: JacobianPoint) -> JacobianPoint {
        let z1z1 = SM2Field.sqr(z)
        let z2z2 = SM2Field.sqr(other.z)
        let u1 = SM2Field.mul(x, z2z2)
        let u2 = SM2Field.mul(other.x, z1z1)
        let s1 = SM2Field.mul(SM2Field.mul(y, other.z), z2z2)
        let s2 = SM2Field.mul(SM2Field.mul(other.y, z), z1z1)
        let h = SM2Field.sub(u2, u1)
        let h2 = SM2Field.add(h, h)
        let i = SM2Field.sqr(h2)
        let j = SM2Field.mul(h, i)
        let rHalf = SM2Field.sub(s2, s1)
        let r = SM2Field.add(rHalf, rHalf)
        let v = SM2Field.mul(u1, i)
        let x3 = SM2Field.sub(SM2Field.sub(SM2Field.sqr(r), j), SM2Field.add(v, v))
        let s1j = SM2Field.mul(s1, j)
        let y3 = SM2Field.sub(SM2Field.mul(r, SM2Field.sub(v, x3)), SM2Field.add(s1j, s1j))
        let zSum = SM2Field.add(z, other.z)
        let z3 = SM2Field.mul(SM2Field.sub(SM2Field.sub(SM2Field.sqr(zSum), z1z1), z2z2), h)
        return JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// P + Q for an affine Q ("madd-2007-bl"); same exceptional cases as `adding`.
    @inline(__always)
    func adding(_ other: AffinePoint) -> JacobianPoint {
        let z1z1 = SM2Field.sqr(z)
        let u2 = SM2Field.mul(other.x, z1z1)
        let s2 = SM2Field.mul(SM2Field.mul(other.y, z), z1z1)
        let h = SM2Field.sub(u2, x)
        let hh = SM2Field.sqr(h)
        let hh2 = SM2Field.add(hh, hh)
        let i = SM2Field.add(hh2, hh2)
        let j = SM2Field.mul(h, i)
        let rHalf = SM2Field.sub(s2, y)
        let r = SM2Field.add(rHalf, rHalf)
        let v = SM2Field.mul(x, i)
        let x3 = SM2Field.sub(SM2Field.sub(SM2Field.sqr(r), j), SM2Field.add(v, v))
        let yj = SM2Field.mul(y, j)
        let y3 = SM2Field.sub(SM2Field.mul(r, SM2Field.sub(v, x3)), SM2Field.add(yj, yj))
        let zh = SM2Field.add(z, h)
        let z3 = SM2Field.sub(SM2Field.sub(SM2Field.sqr(zh), z1z1), hh)
        return JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// P + Q handling every case, for public points only (it branches on the inputs).
    func addingPublic(_ other: JacobianPoint) -> JacobianPoint {
        if isInfinity { return other }
        if other.isInfinity { return self }
        let z1z1 = SM2Field.sqr(z)
        let z2z2 = SM2Field.sqr(other.z)
        let sameX = SM2Field.mul(x, z2z2) == SM2Field.mul(other.x, z1z1)
        let sameY = SM2Field.mul(SM2Field.mul(y, other.z), z2z2) == SM2Field.mul(SM2Field.mul(other.y, z), z1z1)
        if sameX {
            return sameY ? doubled() : .infinity
        }
        return adding(other)
    }

    /// `mask` all ones picks `a`, all zeros picks `b`.
    @inline(__always)
    static func select(_ mask: UInt64, _ a: JacobianPoint, _ b: JacobianPoint) -> JacobianPoint {
        JacobianPoint(x: U256.select(mask, a.x, b.x), y: U256.select(mask, a.y, b.y), z: U256.select(mask, a.z, b.z))
    }
}

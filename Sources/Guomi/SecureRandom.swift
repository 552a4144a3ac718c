/// Bytes from the operating system CSPRNG (`SystemRandomNumberGenerator` uses getrandom(2) on Linux).
enum SecureRandom {
    static func bytes(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var output = [UInt8]()
        output.reserveCapacity(count + 8)
        while output.count < count {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) {
                output.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return Array(output.prefix(count))
    }
}

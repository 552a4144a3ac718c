/// Wall-clock throughput measurement: repeat an operation until a time budget is spent.
enum Measure {
    /// Runs `body` repeatedly for about `seconds` after a short warm-up and returns calls per second.
    static func rate(seconds: Double, _ body: () throws -> Void) rethrows -> Double {
        for _ in 0..<3 { try body() }
        let clock = ContinuousClock()
        let start = clock.now
        var calls = 0
        var elapsed = Duration.zero
        repeat {
            try body()
            calls += 1
            elapsed = clock.now - start
        } while elapsed < .milliseconds(Int(seconds * 1000))
        let components = elapsed.components
        return Double(calls) / (Double(components.seconds) + Double(components.attoseconds) * 1e-18)
    }
}

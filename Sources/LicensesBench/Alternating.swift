/// Throughput of two operations measured in short alternating rounds, so that a slow spell of the shared
/// machine (another build, a noisy neighbour) hits both figures alike and their ratio stays meaningful.
struct Alternating {
    /// The two rates, in calls per second.
    struct Rates {
        /// The reference operation's rate.
        var baseline: Double
        /// The measured operation's rate.
        var measured: Double
        /// measured / baseline.
        var ratio: Double { measured / baseline }
    }

    /// Seconds of timing per operation, summed over its rounds.
    var seconds: Double
    /// Length of one round of one operation.
    var round: Duration = .milliseconds(250)

    /// Times `baseline` and `measured` in turns (ABBA order, so neither always runs first) for about
    /// `seconds` each, after a warm-up.
    ///
    /// Each closure reports whether its call succeeded; the first failure ends the measurement with a
    /// `BenchFailure`, because a rate of failures says nothing about the real path.
    func rates(baseline: () -> Bool, measured: () -> Bool) throws(BenchFailure) -> Rates {
        for _ in 0..<20 {
            guard baseline() else { throw BenchFailure("the baseline failed during warm-up") }
            guard measured() else { throw BenchFailure("the measured operation failed during warm-up") }
        }
        var totals = [(calls: 0, time: Duration.zero), (calls: 0, time: Duration.zero)]
        let rounds = max(1, Int((seconds / Self.seconds(round)).rounded()))
        for index in 0..<rounds {
            let order = index % 2 == 0 ? [0, 1] : [1, 0]
            for side in order {
                let operation = side == 0 ? baseline : measured
                let (calls, time) = try timed(operation, name: side == 0 ? "the baseline" : "the measured operation")
                totals[side].calls += calls
                totals[side].time += time
            }
        }
        return Rates(
            baseline: Double(totals[0].calls) / Self.seconds(totals[0].time),
            measured: Double(totals[1].calls) / Self.seconds(totals[1].time))
    }

    /// Calls `operation` until one round has passed; returns the calls made and the time they took.
    private func timed(_ operation: () -> Bool, name: String) throws(BenchFailure) -> (Int, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        var calls = 0
        var elapsed = Duration.zero
        repeat {
            guard operation() else { throw BenchFailure("\(name) failed after \(calls) successful calls") }
            calls += 1
            elapsed = clock.now - start
        } while elapsed < round
        return (calls, elapsed)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let components = duration.components
        return Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}

/// Why the bench stopped: a verification that should have succeeded did not.
struct BenchFailure: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

import Foundation

/// Background work (delivery jobs) finishes on its own schedule; tests wait for it, with a limit.
enum Polling {
    /// Calls `probe` every 20 ms until it returns a value, or gives up after `timeout` with nil.
    static func until<T: Sendable>(
        timeout: Duration = .seconds(10), _ probe: @Sendable () async throws -> T?
    ) async throws -> T? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if let value = try await probe() { return value }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }
}

import Synchronization

/// A counting semaphore that caps how many PostgreSQL test schemas are open at once.
///
/// Swift Testing runs hundreds of tests side by side; each open schema holds a small pool, and
/// together they would pass the server's `max_connections` ("sorry, too many clients already").
final class TestSlots: Sendable {
    private struct State {
        var free: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    /// Slots for the PostgreSQL tests of this process.
    static let postgres = TestSlots(12)

    init(_ count: Int) {
        state = Mutex(State(free: count))
    }

    /// Runs `body` while holding one slot.
    func withSlot<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { state -> Bool in
                guard state.free > 0 else {
                    state.waiters.append(continuation)
                    return false
                }
                state.free -= 1
                return true
            }
            if granted { continuation.resume() }
        }
        defer {
            let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if state.waiters.isEmpty {
                    state.free += 1
                    return nil
                }
                return state.waiters.removeFirst()
            }
            next?.resume()
        }
        return try await body()
    }
}

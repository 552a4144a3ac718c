import Synchronization

/// Holds background services back until the database is migrated.
///
/// Services start beside the HTTP server's prelude, which is where migrations run; without the
/// gate a worker would poll tables that do not exist yet.
public final class StartGate: Sendable {
    private struct State {
        var isOpen = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Creates a gate, closed unless `open` is true.
    public init(open: Bool = false) {
        if open { state.withLock { $0.isOpen = true } }
    }

    /// Lets everyone waiting, and everyone who comes later, through.
    public func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the gate is open.
    public func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let passNow = state.withLock { state -> Bool in
                if state.isOpen { return true }
                state.waiters.append(continuation)
                return false
            }
            if passNow { continuation.resume() }
        }
    }
}

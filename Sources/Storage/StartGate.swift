import Foundation
import Synchronization

/// Holds background services back until the database is migrated.
///
/// Services start beside the HTTP server's prelude, which is where migrations run; without the
/// gate a worker would poll tables that do not exist yet. Waiting ends on cancellation too, so a
/// start-up that fails before opening the gate still shuts down.
public final class StartGate: Sendable {
    private struct State {
        var isOpen = false
        var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
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
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Whether the gate has been opened.
    public var isOpen: Bool { state.withLock { $0.isOpen } }

    /// Returns once the gate is open or the task is cancelled; check `isOpen` afterwards.
    public func wait() async {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let passNow = state.withLock { state -> Bool in
                    if state.isOpen || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if passNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}

import Kernel
import Testing

/// A day that must be valid; tests only use days that exist.
func day(_ text: String) -> CalendarDay {
    try! CalendarDay(parsing: text)
}

/// The code of the `DomainError` that `body` throws, or nil if it succeeds.
func errorCode<T>(_ body: () throws(DomainError) -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.code
    }
}

import Kernel
import Testing

/// Expects `body` to fail with the domain error `code`, and of `kind` when given.
func expectDomainError<T>(
    _ code: String, kind: DomainError.Kind? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> T
) async {
    do {
        _ = try await body()
        Issue.record("expected \(code), but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as DomainError {
        #expect(error.code == code, "\(error.title)：\(error.detail)", sourceLocation: sourceLocation)
        if let kind {
            #expect(error.kind == kind, "\(error.code)", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
}

import CompressNIO
import NIOCore

/// zlib (RFC 1950) through CompressNIO, with the output bounded before a byte is inflated.
enum Zlib {
    /// `bytes` compressed at the best level: codes are made once and scanned many times.
    static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        let output = try input.compress(with: .zlib, configuration: .init(compressionLevel: .bestCompression))
        return Array(output.readableBytesView)
    }

    /// The inflated bytes of one complete zlib stream that inflates to at most `limit` bytes.
    static func decompress(_ bytes: [UInt8], limit: Int) throws(SignedCodeError) -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        // One fixed buffer: zlib stops when it is full, so a bomb costs at most this much memory.
        var output = ByteBufferAllocator().buffer(capacity: limit + 1)
        do {
            let decompressor = try ZlibDecompressor(algorithm: .zlib)
            try decompressor.inflate(from: &input, to: &output)
            // A truncated stream inflates without complaint; a second call with no input asks zlib whether
            // it reached the end (it then reports the end again, else that it needs more input).
            guard input.readableBytes == 0 else { throw SignedCodeError.badCompression }
            var empty = ByteBufferAllocator().buffer(capacity: 1)
            try decompressor.inflate(from: &empty, to: &output)
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw .tooLarge(limit: limit)
        } catch {
            throw .badCompression
        }
        guard output.readableBytes <= limit else { throw .tooLarge(limit: limit) }
        return Array(output.readableBytesView)
    }
}

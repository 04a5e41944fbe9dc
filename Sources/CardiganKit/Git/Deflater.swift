internal import CZlib

/// zlib's deflate, one stream reused for many small inputs; owns the `z_stream` and ends it in
/// `deinit`. Each input becomes one complete zlib stream (header, data, Adler-32), as a git
/// pack stores an object.
final class Deflater {
    /// The stream. zlib keeps a pointer back to it, so it never moves.
    private let stream: UnsafeMutablePointer<z_stream>

    /// A deflater at zlib's fastest level, the one git writes loose objects at
    /// (`core.looseCompression`): the objects of one commit take its place. On 1,000 generated
    /// cards (9.4 MB), level 1 deflated in 42% of the time of zlib's default level 6, into 9%
    /// more bytes.
    init() throws {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = cardigan_deflate_init(stream, Z_BEST_SPEED)
        guard code == Z_OK else {
            stream.deallocate()
            throw GitError.libgit2(function: "deflateInit", code: code, message: "zlib could not start")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Appends `input`, deflated as one zlib stream, to `output`.
    func deflate(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws {
        var code = deflateReset(stream)
        guard code == Z_OK else { throw Self.failure("deflateReset", code) }
        let bound = Int(deflateBound(stream, uLong(input.count)))
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: bound))
        var left = bound
        code = output.withUnsafeMutableBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return Z_BUF_ERROR }
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(input.count)
            stream.pointee.next_out = (base + start).assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(bound)
            let result = CZlib.deflate(stream, Z_FINISH)
            left = Int(stream.pointee.avail_out)
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
            return result
        }
        guard code == Z_STREAM_END else {
            output.removeLast(bound)
            throw Self.failure("deflate", code)
        }
        output.removeLast(left)
    }

    private static func failure(_ function: String, _ code: Int32) -> GitError {
        .libgit2(function: function, code: code, message: "zlib could not deflate an object")
    }
}

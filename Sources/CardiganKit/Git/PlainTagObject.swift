/// The message of a tag object read from its raw bytes, for reading tag objects on several
/// threads through ``ObjectDatabase`` (libgit2's tag parser needs a ``Repository``, one thread).
///
/// Only the plain form that git and cardigan write is read here; for any other header the
/// answer is nil and ``Repository/tag(_:)`` decides, so a tag libgit2 would refuse is refused
/// with libgit2's error, as before.
enum PlainTagObject {
    /// The message of tag object `bytes`, as `git_tag_message` gives it and ``Repository/tag(_:)``
    /// reads it (up to its first NUL, ill-formed UTF-8 repaired); nil unless the header is
    /// `object` and 40 lowercase hex digits, `type commit`, `tag` and a name, an optional
    /// `tagger` line of a name, `<email>`, seconds and a `+hhmm`/`-hhmm` zone, then a blank line
    /// or the end.
    static func message(_ bytes: UnsafeRawBufferPointer) -> String? {
        var reader = HeaderReader(bytes: bytes)
        guard reader.skip("object "), reader.skipHex(count: 40), reader.skip("\n"), reader.skip("type commit\n"),
            reader.skip("tag "), reader.skipName(), reader.skip("\n")
        else { return nil }
        if reader.skip("tagger ") {
            guard reader.skipTagger() else { return nil }
        }
        guard !reader.atEnd else { return "" }
        guard reader.skip("\n") else { return nil }
        let message = UnsafeRawBufferPointer(rebasing: bytes[reader.offset...])
        let end = message.firstIndex(of: 0) ?? message.count
        return String(decoding: message[..<end], as: UTF8.self)
    }

    /// A cursor over a tag object's header.
    private struct HeaderReader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        /// Steps over `text` when the bytes at the cursor are exactly it.
        mutating func skip(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard bytes.count - offset >= count else { return false }
            let expected = UnsafeBufferPointer(start: text.utf8Start, count: count)
            for index in 0..<count where bytes[offset + index] != expected[index] { return false }
            offset += count
            return true
        }

        /// Steps over `count` lowercase hex digits.
        mutating func skipHex(count: Int) -> Bool {
            guard bytes.count - offset >= count else { return false }
            for byte in bytes[offset..<(offset + count)] {
                guard (48...57).contains(byte) || (97...102).contains(byte) else { return false }
            }
            offset += count
            return true
        }

        /// Steps over a tag name: one or more bytes up to the line's end, no NUL.
        mutating func skipName() -> Bool {
            let start = offset
            while offset < bytes.count, bytes[offset] != 0x0A {
                guard bytes[offset] != 0 else { return false }
                offset += 1
            }
            return offset > start
        }

        /// Steps over the rest of a `tagger` line and its newline: `Name <email> 1700000000 +0100`,
        /// with no `<`, `>`, NUL or newline in the name or the email, and seconds that fit in 64
        /// bits (libgit2 refuses a tag whose seconds overflow).
        mutating func skipTagger() -> Bool {
            guard skipPlain(upTo: 0x3C), skip("<"), skipPlain(upTo: 0x3E), skip("> "), skipDigits(atMost: 18),
                skip(" ")
            else { return false }
            guard offset < bytes.count, bytes[offset] == 0x2B || bytes[offset] == 0x2D else { return false }
            offset += 1
            let zone = offset
            guard skipDigits(atMost: 4), offset - zone == 4 else { return false }
            return skip("\n")
        }

        /// Steps over bytes up to `stop`, none of them `<`, `>`, NUL or a newline.
        private mutating func skipPlain(upTo stop: UInt8) -> Bool {
            while offset < bytes.count, bytes[offset] != stop {
                let byte = bytes[offset]
                guard byte != 0x3C, byte != 0x3E, byte != 0, byte != 0x0A else { return false }
                offset += 1
            }
            return offset < bytes.count
        }

        /// Steps over one to `atMost` decimal digits.
        private mutating func skipDigits(atMost limit: Int) -> Bool {
            let start = offset
            while offset < bytes.count, offset - start < limit, (48...57).contains(bytes[offset]) { offset += 1 }
            return offset > start
        }
    }
}

/// An object id as its 20 bytes: a dictionary key that costs no allocation and hashes fast.
struct RawObjectID: Hashable {
    var high: UInt64
    var middle: UInt64
    var low: UInt32

    /// The id in `bytes` at `offset` (20 bytes).
    init(_ bytes: [UInt8], at offset: Int) {
        high = (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[offset + $1]) }
        middle = (8..<16).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[offset + $1]) }
        low = (16..<20).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[offset + $1]) }
    }

    /// The id of 40 lowercase hex digits; nil for anything else. Read digit by digit into the
    /// three words, with no array on the way: a warm `verify` turns 100,000 blob ids into keys.
    init?(hex: String) {
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        for digit in hex.utf8 {
            let value: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = digit - UInt8(ascii: "a") + 10
            default: return nil
            }
            switch count {
            case 0..<16: words.0 = words.0 << 4 | UInt64(value)
            case 16..<32: words.1 = words.1 << 4 | UInt64(value)
            case 32..<40: words.2 = words.2 << 4 | UInt64(value)
            default: return nil
            }
            count += 1
        }
        guard count == 40 else { return nil }
        high = words.0
        middle = words.1
        low = UInt32(truncatingIfNeeded: words.2)
    }

    /// Appends the 20 bytes to `bytes`.
    func append(to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: high >> UInt64(shift)))
        }
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: middle >> UInt64(shift)))
        }
        for shift in stride(from: 24, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: low >> UInt32(shift)))
        }
    }

    /// The 40 hex digits of the 20 bytes in `bytes` at `offset`, written straight into the
    /// string's storage: one allocation per id.
    static func hex(_ bytes: [UInt8], at offset: Int) -> String {
        String(unsafeUninitializedCapacity: 40) { text in
            for index in 0..<20 {
                let byte = bytes[offset + index]
                text[2 * index] = digit(byte >> 4)
                text[2 * index + 1] = digit(byte & 0x0F)
            }
            return 40
        }
    }

    /// The lowercase hex digit of `value` (0–15).
    private static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}

/// Numbers as ECMAScript's `Number.prototype.toString` writes a double, which is what RFC 8785
/// (JCS) prescribes: the shortest digits that read back to the same double, plain notation for
/// decimal exponents from -6 to 21, `e+`/`e-` notation outside them, `-0` as `0`.
public enum ECMAScriptNumber {
    /// The largest integer magnitude a double holds exactly with all smaller ones (2^53 - 1),
    /// the I-JSON range RFC 8785 assumes.
    public static let maximumExactInteger = 9_007_199_254_740_991

    /// Whether `value` is written as itself (within the I-JSON range).
    public static func isExactInteger(_ value: Int) -> Bool { value.magnitude <= UInt(maximumExactInteger) }

    /// The text of `value`; a non-finite value (which JSON cannot hold) is written as Swift
    /// writes it, so a digest stays defined.
    public static func text(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value == 0 { return "0" }
        // The common cases, without taking the digits apart (digests are written on hot paths):
        // integers below 2^53, and decimals Swift writes plainly, with the same shortest digits.
        let magnitude = value.magnitude
        if magnitude < 9_007_199_254_740_992, value.rounded() == value { return String(Int64(value)) }
        if magnitude >= 1e-4, magnitude < 1e15 { return value.description }
        let (digits, exponent) = shortestDigits(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let k = digits.count
        let n = exponent  // value = 0.d1…dk × 10^n
        if k <= n, n <= 21 {
            return sign + digits + String(repeating: "0", count: n - k)
        }
        if 0 < n, n <= 21 {
            return sign + digits.prefix(n) + "." + digits.dropFirst(n)
        }
        if -6 < n, n <= 0 {
            return sign + "0." + String(repeating: "0", count: -n) + digits
        }
        let e = n - 1
        let mantissa = k == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
        return sign + mantissa + "e" + (e < 0 ? "-" : "+") + String(e.magnitude)
    }

    /// The shortest round-tripping decimal digits of a positive finite `value` (no leading or
    /// trailing zeros) and the exponent n with value = 0.digits × 10^n, from Swift's
    /// `description`, which gives the shortest digits closest to the value.
    static func shortestDigits(_ value: Double) -> (digits: String, exponent: Int) {
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fraction: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fraction = mantissa[mantissa.index(after: dot)...]
        }
        var digits = Array(integerPart + fraction)
        var point = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (String(digits), point)
    }
}

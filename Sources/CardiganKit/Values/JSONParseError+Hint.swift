import Foundation

extension JSONParseError {
    /// What JSON wants at the place of this error in `text`, for a person who wrote the JSON by
    /// hand with the habits of JavaScript, Python or YAML: single quotes, bare keys or words, a
    /// comma after the last member, comments. Nil when the error is none of these.
    public func hint(in text: Data) -> String? {
        guard let offset, offset < text.count else { return nil }
        let bytes = Array(text)
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "'"):
            return #"JSON writes keys and strings in double quotes: "model_description": "…", never '…'"#
        case UInt8(ascii: "/"), UInt8(ascii: "#"):
            return "JSON has no comments: remove it"
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            let before = bytes[..<offset].last { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            guard before == UInt8(ascii: ",") else { return nil }
            return "JSON has no comma after the last member of an object or element of an array: remove that ','"
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            return
                #"JSON writes keys and strings in double quotes ("risk_rating": "High"); its only bare words are true, false and null"#
        default:
            return nil
        }
    }
}

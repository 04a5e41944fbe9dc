/// The rules for a card's name, its identity: `^[a-z0-9](-?[a-z0-9]){0,62}$`.
public enum CardName {
    /// The longest name allowed.
    public static let maximumLength = 63

    /// Whether `name` is a valid card name: lowercase letters and digits, single hyphens
    /// between them, at most 63 characters.
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard isAlphanumeric(bytes[0]), isAlphanumeric(bytes[bytes.count - 1]) else { return false }
        for index in 1..<bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "-") {
                if bytes[index - 1] == UInt8(ascii: "-") { return false }
            } else if !isAlphanumeric(byte) {
                return false
            }
        }
        return true
    }

    /// Throws a clear error when `name`, given to a command, is not a card name: a file named
    /// with other characters is never a card, and its name never reaches a git reference.
    public static func require(_ name: String) throws {
        guard let problem = problem(with: name) else { return }
        throw CardiganError(
            problem,
            hint: "a file in the cards folder whose name is not a card name is not a card; rename it to '<name>.yaml'")
    }

    /// Why `name` is not valid, in a sentence fragment for a message; nil when it is valid.
    public static func problem(with name: String) -> String? {
        if isValid(name) { return nil }
        if name.isEmpty { return "a card name cannot be empty" }
        if name.count > maximumLength { return "'\(name)' is longer than \(maximumLength) characters" }
        return "'\(name)' is not a valid card name: use lowercase letters, digits and single hyphens, "
            + "starting and ending with a letter or digit"
    }
}

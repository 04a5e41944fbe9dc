/// The rules for a card's name, its identity: `^[a-z0-9](-?[a-z0-9]){0,62}$`, and not a name
/// Windows reserves for a device.
public enum CardName {
    /// The longest name allowed.
    public static let maximumLength = 63

    /// Whether `name` is a valid card name: lowercase letters and digits, single hyphens
    /// between them, at most 63 characters, not a Windows device name.
    public static func isValid(_ name: String) -> Bool {
        // Read in place: the pre-commit hook checks every staged file name, 10,000 at 10,000 cards.
        let bytes = name.utf8
        guard let first = bytes.first, let last = bytes.last, bytes.count <= maximumLength,
            isAlphanumeric(first), isAlphanumeric(last)
        else { return false }
        var previous = first
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: "-") {
                if previous == UInt8(ascii: "-") { return false }
            } else if !isAlphanumeric(byte) {
                return false
            }
            previous = byte
        }
        return bytes.count > 4 || !isReservedOnWindows(name)  // device names have 3 or 4 letters
    }

    /// Whether `byte` is a lowercase ASCII letter or a digit.
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Throws a clear error when `name`, given to a command, is not a card name: a file named
    /// with other characters is never a card, and its name never reaches a git reference.
    public static func require(_ name: String) throws {
        guard let problem = problem(with: name) else { return }
        throw CardiganError(
            problem,
            hint: "a file in the cards folder whose name is not a card name is not a card; rename it to '<name>.yaml'")
    }

    /// Whether Windows reserves `name` for a device (`con`, `prn`, `aux`, `nul`, `com1`–`com9`,
    /// `lpt1`–`lpt9`): a file `cards/con.yaml` cannot be checked out there.
    public static func isReservedOnWindows(_ name: String) -> Bool {
        if ["con", "prn", "aux", "nul"].contains(name) { return true }
        guard name.utf8.count == 4, name.hasPrefix("com") || name.hasPrefix("lpt"), let last = name.last else {
            return false
        }
        return ("1"..."9").contains(last)
    }

    /// Why `name` is not valid, in a sentence fragment for a message; nil when it is valid.
    public static func problem(with name: String) -> String? {
        if isValid(name) { return nil }
        if name.isEmpty { return "a card name cannot be empty" }
        let shown = DisplayText.quoted(name)
        if name.count > maximumLength { return "'\(shown)' is longer than \(maximumLength) characters" }
        if isReservedOnWindows(name) {
            return "'\(shown)' is a device name on Windows, where 'cards/\(shown).yaml' cannot be checked out"
        }
        return "'\(shown)' is not a valid card name: use lowercase letters, digits and single hyphens, "
            + "starting and ending with a letter or digit"
    }
}

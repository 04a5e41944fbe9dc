/// Where cards live and how their file names relate to their names.
public enum CardPaths {
    /// The extension of a card file.
    public static let fileExtension = ".yaml"

    /// The card name a file name gives: `customer-churn.yaml` → `customer-churn`; nil for a
    /// file that is not a card (no `.yaml` extension).
    public static func cardName(forFileName fileName: String) -> String? {
        guard fileName.hasSuffix(fileExtension) else { return nil }
        return String(fileName.dropLast(fileExtension.count))
    }

    /// The repository-relative path of card `name` in `directory`: `cards/customer-churn.yaml`.
    public static func path(of name: String, in directory: String = "cards") -> String {
        directory + "/" + name + fileExtension
    }
}

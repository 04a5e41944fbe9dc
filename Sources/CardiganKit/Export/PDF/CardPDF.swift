/// Placeholder until the PDF layout lands.
enum CardPDF {
    static func render(_ document: CardDocument) -> [UInt8] { [] }
}

import Foundation

/// A TrueType font read for embedding in a PDF: its character map, glyph advances and the
/// metrics a font descriptor needs, and a subset of its glyphs as a font program.
struct TrueTypeFont: Sendable {
    /// The PostScript name (name table id 6).
    let postScriptName: String
    let unitsPerEm: Int
    let ascent: Int
    let descent: Int
    let capHeight: Int
    let boundingBox: [Int]
    let isBold: Bool
    private let bytes: [UInt8]
    private let tables: [String: Range<Int>]
    private let headRange: Range<Int>
    private let glyfRange: Range<Int>
    private let advances: [UInt16]
    private let glyphOffsets: [Int]
    private let characterMap: [UInt32: UInt16]

    /// Why a font file cannot be used.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads the font in `data`; `name` names it in errors.
    init(_ data: [UInt8], name: String) throws {
        bytes = data
        func fail(_ what: String) -> Problem { Problem(description: "'\(name)' \(what)") }
        guard data.count > 12, [0x0001_0000, 0x7472_7565].contains(Self.u32(data, 0)) else {
            throw fail("is not a TrueType font (an OpenType font with CFF outlines or a collection cannot be embedded)")
        }
        var tables: [String: Range<Int>] = [:]
        for index in 0..<Int(Self.u16(data, 4)) {
            let entry = 12 + 16 * index
            guard entry + 16 <= data.count else { throw fail("has a truncated table directory") }
            let tag = String(decoding: data[entry..<entry + 4], as: UTF8.self)
            let offset = Int(Self.u32(data, entry + 8))
            let length = Int(Self.u32(data, entry + 12))
            guard offset + length <= data.count else { throw fail("has a table '\(tag)' past its end") }
            tables[tag] = offset..<offset + length
        }
        for tag in ["head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"] where tables[tag] == nil {
            throw fail("has no '\(tag)' table")
        }
        guard let headRange = tables["head"], let hheaRange = tables["hhea"], let maxpRange = tables["maxp"],
            let hmtxRange = tables["hmtx"], let locaRange = tables["loca"], let glyfRange = tables["glyf"],
            let cmapRange = tables["cmap"], headRange.count >= 54
        else { throw fail("has a table missing or too short") }
        self.tables = tables
        self.headRange = headRange
        self.glyfRange = glyfRange
        let head = headRange.lowerBound
        unitsPerEm = Int(Self.u16(data, head + 18))
        boundingBox = [18 + 18, 18 + 20, 18 + 22, 18 + 24].map { Int(Int16(bitPattern: Self.u16(data, head + $0))) }
        isBold = Self.u16(data, head + 44) & 1 != 0
        let longOffsets = Self.u16(data, head + 50) == 1
        if let os2 = tables["OS/2"], os2.count >= 10 {
            // fsType: bit 1 alone means the licence restricts embedding.
            if Self.u16(data, os2.lowerBound + 8) & 0x000F == 0x0002 {
                throw fail("may not be embedded (its licence restricts embedding: OS/2 fsType)")
            }
        }
        let hhea = hheaRange.lowerBound
        ascent = Int(Int16(bitPattern: Self.u16(data, hhea + 4)))
        descent = Int(Int16(bitPattern: Self.u16(data, hhea + 6)))
        if let os2 = tables["OS/2"], os2.count >= 90 {
            capHeight = Int(Int16(bitPattern: Self.u16(data, os2.lowerBound + 88)))
        } else {
            capHeight = ascent
        }
        let metricsCount = Int(Self.u16(data, hhea + 34))
        let glyphCount = Int(Self.u16(data, maxpRange.lowerBound + 4))
        let hmtx = hmtxRange.lowerBound
        var advances: [UInt16] = []
        for glyph in 0..<glyphCount {
            advances.append(Self.u16(data, hmtx + 4 * min(glyph, max(metricsCount - 1, 0))))
        }
        self.advances = advances
        let loca = locaRange.lowerBound
        glyphOffsets = (0...glyphCount).map {
            longOffsets ? Int(Self.u32(data, loca + 4 * $0)) : Int(Self.u16(data, loca + 2 * $0)) * 2
        }
        characterMap = Self.readCharacterMap(data, cmapRange)
        postScriptName = Self.readPostScriptName(data, tables["name"]) ?? "EmbeddedFont"
    }

    /// The glyph of `scalar`, or nil when the font has none.
    func glyph(for scalar: Unicode.Scalar) -> UInt16? {
        guard let glyph = characterMap[scalar.value], glyph != 0 else { return nil }
        return glyph
    }

    /// The advance of `glyph` in thousandths of the font size.
    func advance(_ glyph: UInt16) -> Double {
        Double(advances[min(Int(glyph), advances.count - 1)]) * 1000 / Double(unitsPerEm)
    }

    /// A font program holding only `glyphs` (and the glyphs their composites use, and glyph 0),
    /// each at its original glyph id, so a PDF can name glyphs by their ids.
    func subset(_ glyphs: Set<UInt16>) -> [UInt8] {
        var keep = glyphs.union([0])
        var queue = Array(keep)
        let glyf = glyfRange.lowerBound
        while let glyph = queue.popLast() {
            for component in components(of: glyph, glyf: glyf) where keep.insert(component).inserted {
                queue.append(component)
            }
        }
        var glyphData: [UInt8] = []
        var loca: [UInt8] = []
        for glyph in 0..<advances.count {
            Self.append32(UInt32(glyphData.count), to: &loca)
            let start = glyf + glyphOffsets[glyph]
            let end = glyf + glyphOffsets[glyph + 1]
            if keep.contains(UInt16(glyph)), start <= end, end <= glyfRange.upperBound {
                glyphData += bytes[start..<end]
                while glyphData.count % 4 != 0 { glyphData.append(0) }
            }
        }
        Self.append32(UInt32(glyphData.count), to: &loca)
        var head = Array(bytes[headRange])
        head[8..<12] = [0, 0, 0, 0]  // checkSumAdjustment: not used by PDF readers
        head[50..<52] = [0, 1]  // long loca offsets
        var out: [(String, [UInt8])] = [("glyf", glyphData), ("head", head), ("loca", loca)]
        for tag in ["cvt ", "fpgm", "hhea", "hmtx", "maxp", "prep"] {
            if let range = tables[tag] { out.append((tag, Array(bytes[range]))) }
        }
        return Self.fontFile(out.sorted { $0.0 < $1.0 })
    }

    private func components(of glyph: UInt16, glyf: Int) -> [UInt16] {
        let start = glyf + glyphOffsets[Int(glyph)]
        guard glyphOffsets[Int(glyph) + 1] > glyphOffsets[Int(glyph)],
            Int16(bitPattern: Self.u16(bytes, start)) < 0
        else { return [] }
        var found: [UInt16] = []
        var offset = start + 10
        while offset + 4 <= bytes.count {
            let flags = Self.u16(bytes, offset)
            found.append(Self.u16(bytes, offset + 2))
            offset += 4 + (flags & 0x0001 != 0 ? 4 : 2)
            if flags & 0x0008 != 0 {
                offset += 2
            } else if flags & 0x0040 != 0 {
                offset += 4
            } else if flags & 0x0080 != 0 {
                offset += 8
            }
            if flags & 0x0020 == 0 { break }
        }
        return found
    }

    private static func fontFile(_ tables: [(String, [UInt8])]) -> [UInt8] {
        var output: [UInt8] = []
        append32(0x0001_0000, to: &output)
        var power = 1
        var log = 0
        while power * 2 <= tables.count {
            power *= 2
            log += 1
        }
        for value in [tables.count, power * 16, log, tables.count * 16 - power * 16] {
            append16(UInt16(value), to: &output)
        }
        let directoryEnd = 12 + 16 * tables.count
        var body: [UInt8] = []
        for (tag, data) in tables {
            output += Array(tag.utf8)
            var padded = data
            while padded.count % 4 != 0 { padded.append(0) }
            append32(checksum(padded), to: &output)
            append32(UInt32(directoryEnd + body.count), to: &output)
            append32(UInt32(data.count), to: &output)
            body += padded
        }
        return output + body
    }

    private static func checksum(_ data: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        for index in stride(from: 0, to: data.count, by: 4) { sum &+= u32(data, index) }
        return sum
    }

    private static func readCharacterMap(_ data: [UInt8], _ range: Range<Int>) -> [UInt32: UInt16] {
        let cmap = range.lowerBound
        var best: (format: UInt16, offset: Int)?
        for index in 0..<Int(u16(data, cmap + 2)) {
            let record = cmap + 4 + 8 * index
            let platform = u16(data, record)
            let encoding = u16(data, record + 2)
            let offset = cmap + Int(u32(data, record + 4))
            guard offset + 2 <= range.upperBound else { continue }
            let format = u16(data, offset)
            let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard unicode, format == 4 || format == 12 else { continue }
            if best == nil || (format == 12 && best?.format == 4) { best = (format, offset) }
        }
        guard let best else { return [:] }
        var map: [UInt32: UInt16] = [:]
        if best.format == 12 {
            for group in 0..<Int(u32(data, best.offset + 12)) {
                let entry = best.offset + 16 + 12 * group
                let start = u32(data, entry)
                let end = u32(data, entry + 4)
                let glyph = u32(data, entry + 8)
                guard end >= start, end - start < 0x11_0000 else { continue }
                for code in start...end { map[code] = UInt16(truncatingIfNeeded: glyph + code - start) }
            }
            return map
        }
        let segments = Int(u16(data, best.offset + 6)) / 2
        let ends = best.offset + 14
        let starts = ends + 2 * segments + 2
        let deltas = starts + 2 * segments
        let rangeOffsets = deltas + 2 * segments
        for segment in 0..<segments {
            let start = UInt32(u16(data, starts + 2 * segment))
            let end = UInt32(u16(data, ends + 2 * segment))
            let delta = u16(data, deltas + 2 * segment)
            let rangeOffset = Int(u16(data, rangeOffsets + 2 * segment))
            guard end >= start, end != 0xFFFF || start != 0xFFFF else { continue }
            for code in start...end {
                var glyph: UInt16
                if rangeOffset == 0 {
                    glyph = UInt16(truncatingIfNeeded: code) &+ delta
                } else {
                    let address = rangeOffsets + 2 * segment + rangeOffset + 2 * Int(code - start)
                    guard address + 2 <= data.count else { continue }
                    glyph = u16(data, address)
                    if glyph != 0 { glyph = glyph &+ delta }
                }
                if glyph != 0 { map[code] = glyph }
            }
        }
        return map
    }

    private static func readPostScriptName(_ data: [UInt8], _ range: Range<Int>?) -> String? {
        guard let range else { return nil }
        let table = range.lowerBound
        let strings = table + Int(u16(data, table + 4))
        for index in 0..<Int(u16(data, table + 2)) {
            let record = table + 6 + 12 * index
            guard u16(data, record + 6) == 6 else { continue }
            let length = Int(u16(data, record + 8))
            let offset = strings + Int(u16(data, record + 10))
            guard offset + length <= data.count else { continue }
            let raw = data[offset..<offset + length]
            let text =
                u16(data, record) == 3
                ? String(
                    decoding: stride(from: raw.startIndex, to: raw.endIndex - 1, by: 2).map { u16(data, $0) },
                    as: UTF16.self)
                : String(decoding: raw, as: UTF8.self)
            let clean = text.unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
            }
            if !clean.isEmpty { return String(String.UnicodeScalarView(clean)) }
        }
        return nil
    }

    static func u16(_ data: [UInt8], _ offset: Int) -> UInt16 {
        guard offset + 2 <= data.count, offset >= 0 else { return 0 }
        return UInt16(data[offset]) << 8 | UInt16(data[offset + 1])
    }

    static func u32(_ data: [UInt8], _ offset: Int) -> UInt32 {
        guard offset + 4 <= data.count, offset >= 0 else { return 0 }
        return UInt32(u16(data, offset)) << 16 | UInt32(u16(data, offset + 2))
    }

    static func append16(_ value: UInt16, to output: inout [UInt8]) {
        output += [UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    static func append32(_ value: UInt32, to output: inout [UInt8]) {
        output += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}

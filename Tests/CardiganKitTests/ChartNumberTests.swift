import Foundation
import Testing

@testable import CardiganKit

/// The charts' SVG writes numbers and colours itself; it must write exactly what
/// `String(format:)` wrote before, or every export and site page would change.
@Suite struct ChartNumberTests {
    @Test func oneDecimalMatchesPrintfDigitForDigit() {
        var values: [Double] = [
            0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, -0.05, -0.04, 0.04, 0.95, 9.95, 99.95, 1.25, 2.675, 1e-9, -1e-9,
            123.456, 360, 480.0, 999_999.95, 1_000_000, 1e20, -1e20, .infinity, -.infinity, .nan, 0.1 + 0.2,
            Double.ulpOfOne, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
        ]
        // Every tie and near-tie of tenths up to 1,000, and chart-like coordinates.
        for hundredths in stride(from: 0, through: 100_000, by: 5) {
            let value = Double(hundredths) / 100
            values += [value, -value, value.nextUp, value.nextDown]
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            values.append(Double.random(in: -2_000...2_000, using: &generator))
            values.append(Double.random(in: 0...1, using: &generator) * 640 / 7)
        }
        var mismatches: [String] = []
        for value in values where ChartDrawing.oneDecimal(value) != String(format: "%.1f", value) {
            mismatches.append("\(value): \(ChartDrawing.oneDecimal(value)) != \(String(format: "%.1f", value))")
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func hexMatchesPrintf() {
        var mismatches: [String] = []
        for step in 0...1_000 {
            let amount = Double(step) / 1_000
            let colors = [
                ChartDrawing.Color.heat(amount), ChartDrawing.Color(red: amount, green: 1 - amount, blue: amount / 3),
            ]
            for color in colors {
                let expected = String(
                    format: "#%02x%02x%02x", Int(color.red * 255 + 0.5), Int(color.green * 255 + 0.5),
                    Int(color.blue * 255 + 0.5))
                if color.hex != expected { mismatches.append("\(color): \(color.hex) != \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(ChartDrawing.Color.accent.hex == "#2663eb")
        #expect(ChartDrawing.Color(red: 2, green: 0, blue: 0).hex == String(format: "#%02x%02x%02x", 510, 0, 0))
    }
}

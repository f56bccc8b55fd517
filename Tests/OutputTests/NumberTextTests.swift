import Output
import Testing

/// Reals never with exponents, and the text reads back as the same double.
@Suite struct NumberTextTests {
    @Test(arguments: [
        (1.5e9, "1500000000.0"), (1e16, "10000000000000000.0"), (1.5e16, "15000000000000000.0"),
        (-2.5e20, "-250000000000000000000.0"), (1.5e-7, "0.00000015"), (1e-5, "0.00001"), (0.1, "0.1"),
        (0.0, "0.0"), (-0.0, "-0.0"), (123.456, "123.456"), (6.6e9, "6600000000.0"),
    ] as [(Double, String)])
    func realsWithoutExponents(value: Double, text: String) {
        #expect(NumberText.formatReal(value) == text)
    }

    @Test(arguments: [
        1.5e9, 1e16, 1.2345678901234567e25, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, -Double.pi * 1e-12, 0.1 + 0.2, 1e22,
    ])
    func realsReadBackExactly(value: Double) {
        let text = NumberText.formatReal(value)
        #expect(!text.contains("e") && !text.contains("E"))
        #expect(Double(text)?.bitPattern == value.bitPattern, "\(text)")
    }

    @Test func infinitiesAndNaNHaveNames() {
        #expect(NumberText.formatReal(.infinity) == "Infinity")
        #expect(NumberText.formatReal(-.infinity) == "-Infinity")
        #expect(NumberText.formatReal(.nan) == "NaN")
    }
}

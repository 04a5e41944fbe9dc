import Foundation

// libFuzzer entry points for cardigan's parsers of untrusted input. `scripts/fuzz.sh` compiles
// them with CardiganKit's sources into one module (`-sanitize=fuzzer,address -D CARDIGAN_FUZZ`),
// linked against the dependencies `swift build` already made; the normal build makes a replayer
// that runs saved inputs through a target.
#if !CARDIGAN_FUZZ
    @testable import CardiganKit  // the fuzzing build compiles the library's sources in this module
#endif

/// The parsers a fuzz run can drive, chosen by `CARDIGAN_FUZZ_TARGET`.
enum FuzzTarget: String, CaseIterable {
    case yaml, json, schema, validator, trailers
    case tagMessage = "tag-message"
    case checkpoint
    case preReceive = "pre-receive"
    case listedFields = "listed-fields"

    /// Runs one input through the target. Anything but a crash, a hang or a sanitizer report is
    /// a pass: errors and findings are what bad input should get.
    func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        switch self {
        case .yaml:
            _ = SafeYAMLLoader.load(data, path: "cards/fuzz.yaml")
        case .json:
            _ = try? JSONParser.parse(data)
        case .schema:
            // The input as a schema, compiled, then used on a real card.
            guard let schema = try? JSONSchema(JSONParser.parse(data)) else { return }
            _ = CardValidator(schema: schema).validate(FuzzSeeds.card, path: "cards/customer-churn.yaml")
        case .validator:
            _ = FuzzSeeds.validator?.validate(data, path: "cards/fuzz.yaml")
        case .trailers:
            guard let repository = FuzzSeeds.repository, let trailers = try? repository.trailers(of: text) else {
                return
            }
            _ = CardRecord.parse(trailers: trailers)
        case .tagMessage:
            let fields = VersionTag.fields(inMessage: text)
            _ = CardRecord.parse(trailers: fields)
            _ = VersionTag.parse(reference: text)
            _ = ModelPackage.parse(reference: text)
        case .checkpoint:
            _ = try? Checkpoint.parse(text, path: "checkpoint.txt")
        case .preReceive:
            _ = CardStore.parseRefUpdates(text, prePush: false)
            _ = CardStore.parseRefUpdates(text, prePush: true)
        case .listedFields:
            // A differential target: `list`'s partial reading must agree with the whole tree.
            let bytes = [UInt8](data)
            let fast = ListedFields.read(bytes, path: "cards/fuzz.yaml")
            let whole = ListedFields.readWhole(bytes, path: "cards/fuzz.yaml")
            if fast != whole { fatalError("list's partial reading gives \(fast), the whole tree \(whole)") }
        }
    }
}

/// What the targets need besides the input, made once.
enum FuzzSeeds {
    /// A valid card for the schema target.
    static let card = Data(EmbeddedTemplates.files["cards/minimal.yaml"]?.utf8 ?? "name: x\n".utf8)
    /// The built-in schema's validator.
    static let validator = try? CardValidator(schema: Workspace.builtInSchema())
    /// A repository for libgit2's trailer parser (`CARDIGAN_FUZZ_REPO`, made by the script).
    nonisolated(unsafe) static let repository = ProcessInfo.processInfo.environment["CARDIGAN_FUZZ_REPO"].flatMap {
        try? Repository.open(at: $0)
    }
    /// The target this process runs.
    static let target: FuzzTarget? = ProcessInfo.processInfo.environment["CARDIGAN_FUZZ_TARGET"].flatMap(
        FuzzTarget.init(rawValue:))
}

#if CARDIGAN_FUZZ
    /// libFuzzer's entry point.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
        guard let target = FuzzSeeds.target else {
            fatalError("set CARDIGAN_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue))")
        }
        let data = start.map { Data(bytes: $0, count: count) } ?? Data()
        target.run(data)
        return 0
    }
#else
    /// Without the fuzzing build, each input file named on the command line is run through the
    /// target once: how a crash found by a fuzz run is replayed in a normal build.
    @main
    enum FuzzReplay {
        static func main() throws {
            guard let target = FuzzSeeds.target else {
                print(
                    "usage: CARDIGAN_FUZZ_TARGET=<\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|"))> cardigan-fuzz <file>…"
                )
                print("fuzzing itself: scripts/fuzz.sh <target> <seconds>")
                return
            }
            for path in CommandLine.arguments.dropFirst() {
                target.run(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
        }
    }
#endif

import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The one writer of new card files (`new`, `clone`, `import`): the name checked and an existing
/// card refused before any work, the text written whole, and a card that appears in between kept.
@Suite struct NewCardFileTests {
    private let repo: ScratchRepository
    private let workspace: Workspace

    init() throws {
        repo = try ScratchRepository()
        workspace = Workspace(rootPath: repo.path)
    }

    /// The names in the cards folder, hidden ones included (a temporary file would be one).
    private func cardsFolder() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: workspace.cardsDirectoryPath).sorted()
    }

    @Test func writesTheWholeTextWithTheModeOpenGivesAndNoTemporaryFileLeft() throws {
        let file = try NewCardFile(name: "churn", in: workspace)
        #expect(file.path == "cards/churn.yaml")
        try file.write("name: churn\nstatus: Draft\n")
        #expect(
            try String(contentsOfFile: repo.path + "/cards/churn.yaml", encoding: .utf8)
                == "name: churn\nstatus: Draft\n")
        #expect(try cardsFolder() == ["churn.yaml"])
        let mask = umask(0)
        umask(mask)
        let attributes = try FileManager.default.attributesOfItem(atPath: repo.path + "/cards/churn.yaml")
        #expect((attributes[.posixPermissions] as? Int) == Int(0o666 & ~mask))
    }

    @Test func refusesAnExistingCardOrALinkInItsPlaceBeforeAnyWork() throws {
        try FileManager.default.createDirectory(atPath: workspace.cardsDirectoryPath, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: repo.path + "/cards/churn.yaml"))
        try FileManager.default.createSymbolicLink(
            atPath: repo.path + "/cards/gone.yaml", withDestinationPath: "nowhere")
        for name in ["churn", "gone"] {
            let error = #expect(throws: CardiganError.self) { try NewCardFile(name: name, in: workspace) }
            #expect(error?.message == "card '\(name)' already exists at 'cards/\(name).yaml'")
            #expect(error?.hint?.contains("choose another name") == true)
        }
        #expect(try String(contentsOfFile: repo.path + "/cards/churn.yaml", encoding: .utf8) == "mine\n")
    }

    @Test func keepsACardThatAppearedSinceTheCheck() throws {
        let file = try NewCardFile(name: "churn", in: workspace)
        try FileManager.default.createDirectory(atPath: workspace.cardsDirectoryPath, withIntermediateDirectories: true)
        try Data("written by hand meanwhile\n".utf8).write(to: URL(fileURLWithPath: repo.path + "/cards/churn.yaml"))
        let error = #expect(throws: CardiganError.self) { try file.write("name: churn\n") }
        #expect(error?.message == "card 'churn' already exists at 'cards/churn.yaml'")
        #expect(
            try String(contentsOfFile: repo.path + "/cards/churn.yaml", encoding: .utf8)
                == "written by hand meanwhile\n")
        #expect(try cardsFolder() == ["churn.yaml"])
    }

    @Test func refusesANameThatIsNoCardName() throws {
        let error = #expect(throws: CardiganError.self) { try NewCardFile(name: "Bad Name", in: workspace) }
        #expect(error?.message.hasPrefix("'Bad Name' is not a valid card name") == true)
        #expect(error?.hint == "for example 'customer-churn' or 'credit-risk-v2'")
        #expect(!FileManager.default.fileExists(atPath: workspace.cardsDirectoryPath))
    }
}

import ArgumentParser
import Concord
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",  // named, not derived from the type at every start
        abstract: "Write a commented default .concord.yml in the current folder."
    )

    @Flag(name: .long, help: "Replace an existing .concord.yml.")
    var force = false

    func run() throws {
        let path = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(Configuration.fileName)
        if FileManager.default.fileExists(atPath: path) && !force {
            FileHandle.standardError.write(Data("\(path): error: already exists (use --force to replace it)\n".utf8))
            throw ExitCode(ExitStatus.inputError)  // a command line that cannot be carried out, not unusable rules
        }
        try emit(Configuration.template, to: path)
        FileHandle.standardOutput.write(Data("wrote \(Configuration.fileName)\n".utf8))
    }
}

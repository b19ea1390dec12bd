using System.Runtime.Versioning;
using Promptmark.Api.Infrastructure.Database;

namespace Promptmark.Api.Tests.Infrastructure;

[UnsupportedOSPlatform("windows")]
public sealed class PostgresBinariesTests : IDisposable
{
    readonly DirectoryInfo _installRoot = Directory.CreateTempSubdirectory("promptmark-pg-install-");

    public void Dispose() => _installRoot.Delete(recursive: true);

    [Fact]
    public void Missing_binaries_are_reported_in_one_sentence_that_says_what_to_do()
    {
        var missing = Should.Throw<PostgresBinariesNotFoundException>(() =>
            PostgresBinaries.Locate(pathVariable: "/nonexistent/bin", installRoot: _installRoot.FullName));

        missing.Message.ShouldBe(
            $"PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under {_installRoot.FullName}/*/bin: " +
            "install PostgreSQL (Debian: apt-get install postgresql) or set ConnectionStrings__Promptmark to an existing database.");
    }

    [Fact]
    public void Picks_the_highest_installed_version_unless_the_cluster_needs_another()
    {
        var v9 = FakeInstall("9.6");
        var v15 = FakeInstall("15");
        var v16 = FakeInstall("16");

        PostgresBinaries.Locate(pathVariable: "", _installRoot.FullName).BinDirectory.ShouldBe(v16);
        PostgresBinaries.Locate(pathVariable: "", _installRoot.FullName, clusterMajorVersion: "15").BinDirectory.ShouldBe(v15);
        PostgresBinaries.Locate(pathVariable: v9, _installRoot.FullName).BinDirectory.ShouldBe(v9);
    }

    string FakeInstall(string version)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_installRoot.FullName, version, "bin")).FullName;
        foreach (var program in new[] { "initdb", "pg_ctl", "postgres" })
        {
            var path = Path.Combine(bin, program);
            File.WriteAllText(path, "");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        return bin;
    }
}

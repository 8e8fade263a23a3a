using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
#pragma warning disable EF1001 // DbContextOperations is what `dotnet ef dbcontext optimize` runs; the test runs the same code.
using Microsoft.EntityFrameworkCore.Design.Internal;
using Shouldly;
using Wane.Data;

namespace Wane.Tests.Data;

/// <summary>
/// The committed compiled model (src/Wane.Data/CompiledModel/Sqlite) is what EF uses for every SQLite context
/// (ADR 0023). It must equal what the model built from the code scaffolds today, or a new table or column
/// would be missing at run time.
/// </summary>
public sealed partial class CompiledModelTests : IDisposable
{
    private const string Fix = "The compiled model is stale: run scripts/regen-compiled-model and commit src/Wane.Data/CompiledModel/Sqlite.";
    private readonly string _out = Path.Combine(Path.GetTempPath(), "wane-compiled-model", Guid.NewGuid().ToString("N"));

    [Fact]
    public void CommittedCompiledModel_EqualsTheModelBuiltFromCode()
    {
        var committed = Path.Combine(RepoRoot(), "src", "Wane.Data", "CompiledModel", "Sqlite");
        Directory.Exists(committed).ShouldBeTrue(Fix);
        var assembly = typeof(SqliteWaneDb).Assembly;
        var operations = new DbContextOperations(new OperationReporter(null), assembly, assembly,
            project: "Wane.Data.csproj", projectDir: _out, rootNamespace: "Wane.Data", language: "C#", nullable: true, args: []);
        // The same call `dotnet ef dbcontext optimize` makes, scaffolding from the model OnModelCreating builds.
        operations.Optimize(_out, "Wane.Data.CompiledModel.Sqlite", nameof(SqliteWaneDb), suffix: null,
            scaffoldModel: true, precompileQueries: false, nativeAot: false);
        var expected = Files(_out);
        var actual = Files(committed);
        actual.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal), Fix);
        foreach (var (name, text) in expected)
        {
            actual[name].ShouldBe(text, $"{name}: {Fix}");
        }
    }

    [Fact]
    public void SqliteContexts_UseTheCompiledModel()
    {
        using var db = new SqliteWaneDb(new DbContextOptionsBuilder<SqliteWaneDb>().UseSqlite("Data Source=:memory:").Options);
        db.Model.GetType().Namespace.ShouldBe("Wane.Data.CompiledModel.Sqlite");
        // The model from code, as the migrations see it, has the same tables.
        var fromCode = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        db.Model.GetEntityTypes().Select(e => e.GetTableName()).Order(StringComparer.Ordinal)
            .ShouldBe(fromCode.GetEntityTypes().Select(e => e.GetTableName()).Order(StringComparer.Ordinal));
    }

    // Byte for byte, but for line endings (a checkout may convert them) and the model id, a new GUID on every run.
    private static Dictionary<string, string> Files(string dir) =>
        Directory.GetFiles(dir, "*.cs").ToDictionary(f => Path.GetFileName(f),
            f => ModelId().Replace(File.ReadAllText(f).ReplaceLineEndings("\n").TrimStart('\uFEFF'), "modelId: new Guid(\"…\")"), StringComparer.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex("modelId: new Guid\\(\"[0-9a-f-]{36}\"\\)")]
    private static partial System.Text.RegularExpressions.Regex ModelId();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wane.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Wane.slnx not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }
}

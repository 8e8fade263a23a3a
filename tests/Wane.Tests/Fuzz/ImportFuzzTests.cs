using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Features.Import;
using Wane.Tests.Support;

namespace Wane.Tests.Fuzz;

/// <summary>
/// Fuzzing the importers with malformed files generated from valid ones (cut short, bytes flipped,
/// inserted or repeated, invalid UTF-8, random bytes): every file is a report or a refusal of the
/// file naming a field (<see cref="ImportFileException"/>), never any other exception. Dry runs, so
/// nothing is stored. <c>WANE_IMPORT_FUZZ</c> sets the files per format (default 300; bench/import-fuzz.sh runs more).
/// </summary>
public sealed class ImportFuzzTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static long Files => long.TryParse(Environment.GetEnvironmentVariable("WANE_IMPORT_FUZZ"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 300;

    private const string Csv = "taken_at,local_date,local_time,product,kind,amount,unit,meal,reason,pain_before,note,client_id\n"
        + "2026-11-24T13:30:00Z,,,Red Bali,kratom,2.5,g,before,pain,3,\"a, note\",\n,2026-11-24,08:30,Oxycodone,,5,mg,,,,,0b7f3a52-3f9e-4c1e-9d36-1f0a4f0e2c11\n";

    private const string Journal = """{"experiences":[{"title":"t","text":"","creationDate":1795519800000,"sortDate":1795519800000,"ingestions":[{"substanceName":"Kratom","time":1795519800000,"administrationRoute":"ORAL","dose":3.5,"isDoseAnEstimate":false,"units":"g","notes":"n","consumerName":null,"customUnitId":null},{"substanceName":"Oxycodone","time":1795520800000,"dose":5,"units":"mg"}],"location":null}],"substanceCompanions":[],"customSubstances":[]}""";

    /// <summary>One change to a file: cut it short, overwrite, insert or repeat a stretch of bytes.</summary>
    private static readonly Gen<Func<byte[], byte[]>> Change = Gen.Select(Gen.Int[0, 3], Gen.Double[0, 1], Gen.Byte.Array[1, 8], Gen.Int[1, 5], Gen.Double[0, 1])
        .Select((kind, where, bytes, times, span) => (Func<byte[], byte[]>)(seed =>
        {
            var at = (int)(where * seed.Length);
            var list = new List<byte>(seed);
            switch (kind)
            {
                case 0:
                    return seed[..at];
                case 1:
                    for (var i = 0; i < bytes.Length && at + i < list.Count; i++)
                    {
                        list[at + i] = bytes[i];
                    }
                    return [.. list];
                case 2:
                    list.InsertRange(at, bytes);
                    return [.. list];
                default:
                    var part = seed.AsSpan(at, (int)(span * (seed.Length - at))).ToArray();
                    for (var i = 0; i < times; i++)
                    {
                        list.InsertRange(at, part);
                    }
                    return [.. list];
            }
        }));

    private static Gen<byte[]> Mutated(byte[] seed) => Gen.Frequency(
        (6, Change.Select(c => c(seed))),
        (3, Gen.Select(Change, Change, Change).Select((a, b, c) => c(b(a(seed))))),
        (1, Gen.Byte.Array[0, 200]));

    private static (ImportFormat Format, byte[] Bytes)[] Seeds { get; } =
    [
        (ImportFormat.Wane, Encoding.UTF8.GetBytes(FuzzEndpoint.All.Single(e => e.Path == "/api/v1/import").Templates[0].Replace("\"__CLIENT__\"", "null", StringComparison.Ordinal))),
        (ImportFormat.Csv, Encoding.UTF8.GetBytes(Csv)),
        (ImportFormat.PsychonautWiki, Encoding.UTF8.GetBytes(Journal)),
    ];

    [Theory]
    [InlineData("wane")]
    [InlineData("csv")]
    [InlineData("psychonautwiki")]
    public async Task MalformedFiles_AreAReportOrARefusal_NeverACrash(string name)
    {
        var format = ((Wane.Features.Common.Outcome<ImportFormat>.Ok)ImportFile.ParseFormat(name)).Value;
        var userId = await app.NewUserIdAsync();
        long files = 0, refused = 0;
        var clock = Stopwatch.StartNew();
        var seed = Seeds.Single(s => s.Format == format).Bytes;
        var gen = Mutated(seed);
        await gen.SampleAsync(async bytes =>
        {
            files++;
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ImportFile>().HandleAsync(userId, format, bytes, new ImportOptions(DryRun: true, ValidOnly: false), CancellationToken.None);
            }
            catch (ImportFileException e)
            {
                e.Error.Field.ShouldNotBeNullOrWhiteSpace();
                refused++;
            }
        }, iter: Files, threads: 1, seed: Environment.GetEnvironmentVariable("WANE_FUZZ_SEED"));

        var line = string.Create(CultureInfo.InvariantCulture, $"import {format}\tfiles={files}\tcrashes=0\trefused={refused}\tseconds={clock.Elapsed.TotalSeconds:F1}");
        TestContext.Current.SendDiagnosticMessage(line);
        if (Environment.GetEnvironmentVariable("WANE_FUZZ_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, line + "\n");
        }
        files.ShouldBeGreaterThanOrEqualTo(Files);
        refused.ShouldBeGreaterThan(0);
    }
}

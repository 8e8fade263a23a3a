using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Journal;
using Wane.Domain.Units;

namespace Wane.Bench;

/// <summary>
/// <c>POST /api/v1/doses</c> through real Kestrel on loopback, with a bearer token, over a SQLite file
/// built by the migrations: validation, the guardrail window read, evaluation, the insert.
/// <list type="bullet">
/// <item><c>None</c>: an empty journal.</item>
/// <item><c>Recent</c>: 150 days of 5 doses a day (750 doses), all inside the guardrails' window.</item>
/// <item><c>Years</c>: the same 150 days plus 49,250 older doses (50,000 in all, about 27 years).</item>
/// </list>
/// Years against Recent shows whether cost grows with years of history; Recent against None is the
/// price of the window itself.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Maintainability", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet runs only public benchmark classes.")]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class HttpLogPath
{
    /// <summary>How much history the person has.</summary>
    public enum History
    {
        None,
        Recent,
        Years,
    }

    private const int PerDay = 5;
    private const int RecentDays = 150;
    private const int YearsTotal = 50_000;

    private BenchServer _server = null!;
    private object _body = null!;

    [Params(History.None, History.Recent, History.Years)]
    public History Past { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _server = await BenchServer.StartAsync("wane-bench-http", "UTC");
        await using (var scope = _server.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
            await SeedAsync(db, _server.UserId, _server.ProductId, Past switch { History.None => 0, History.Recent => PerDay * RecentDays, _ => YearsTotal });
        }
        _body = new { productId = _server.ProductId, amount = 2.5m, unit = "g", meal = "before" };
    }

    /// <summary>Doses every 4.8 hours going back from yesterday, newest first.</summary>
    private static async Task SeedAsync(WaneDb db, string userId, long productId, int count)
    {
        var start = SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(1);
        for (var i = 0; i < count; i += 5_000)
        {
            for (var j = i; j < Math.Min(count, i + 5_000); j++)
            {
                var at = start - Duration.FromMinutes(j * (24 * 60 / PerDay));
                db.Doses.Add(new Dose
                {
                    UserId = userId, ProductId = productId, Kind = ProductKind.Kratom, Amount = 2m, Unit = DoseUnit.Gram, TakenAt = at,
                    NormalizedAmount = 2m, NormalizedUnit = NormalUnit.Grams, CreatedAt = at, UpdatedAt = at,
                });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    [Benchmark]
    public async Task<int> LogDose()
    {
        using var response = await _server.Client.PostAsJsonAsync("/api/v1/doses", _body);
        return response.IsSuccessStatusCode ? 1 : throw new InvalidOperationException($"POST /api/v1/doses answered {(int)response.StatusCode}.");
    }

    [GlobalCleanup]
    public void Cleanup() => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Journal;
using Wane.Domain.Units;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Hosting;
using Wane.Web;

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

    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private string _dataDir = null!;
    private object _body = null!;

    [Params(History.None, History.Recent, History.Years)]
    public History Past { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _dataDir = Path.Combine(Path.GetTempPath(), "wane-bench-http", Guid.NewGuid().ToString("N"));
        _app = WaneWeb.Build(["--urls", "http://127.0.0.1:0", "--DataDir", _dataDir, "--RateLimits:Api:PermitLimit", "0"], b => b.Logging.ClearProviders());
        await CoreServices.MigrateAsync(_app.Services, NullLogger.Instance);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var scope = _app.Services.CreateAsyncScope();
        var user = ((Outcome<WaneUser>.Ok)await scope.ServiceProvider.GetRequiredService<Accounts>().CreateAsync("bench", "benchmark password", "UTC")).Value;
        var token = ((Outcome<(string Token, AccessToken)>.Ok)await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreateAsync(user.Id, "bench", CancellationToken.None)).Value.Token;
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var product = new Product { UserId = user.Id, Name = "Red Bali", Kind = ProductKind.Kratom, Form = ProductForm.Powder, Strain = "red" };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        await SeedAsync(db, user.Id, product.Id, Past switch { History.None => 0, History.Recent => PerDay * RecentDays, _ => YearsTotal });

        _client = new HttpClient { BaseAddress = new Uri(address) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _body = new { productId = product.Id, amount = 2.5m, unit = "g", meal = "before" };
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
        using var response = await _client.PostAsJsonAsync("/api/v1/doses", _body);
        return response.IsSuccessStatusCode ? 1 : throw new InvalidOperationException($"POST /api/v1/doses answered {(int)response.StatusCode}.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDir, recursive: true);
    }
}

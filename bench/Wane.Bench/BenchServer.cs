using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Journal;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Hosting;
using Wane.Web;

namespace Wane.Bench;

/// <summary>
/// A real <c>wane</c> on loopback Kestrel over a new SQLite file built by the migrations (API rate limit off), with
/// one person in <c>zone</c>, a client holding their bearer token and one kratom product: what the HTTP benchmarks
/// share before each seeds its own history.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;

    private BenchServer(WebApplication app, string dataDir, HttpClient client, string userId, long productId)
    {
        (_app, _dataDir, Client, UserId, ProductId) = (app, dataDir, client, userId, productId);
    }

    public HttpClient Client { get; }

    public string UserId { get; }

    public long ProductId { get; }

    public static async Task<BenchServer> StartAsync(string folder, string zone)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), folder, Guid.NewGuid().ToString("N"));
        var app = WaneWeb.Build(["--urls", "http://127.0.0.1:0", "--DataDir", dataDir, "--RateLimits:Api:PermitLimit", "0"], b => b.Logging.ClearProviders());
        await CoreServices.MigrateAsync(app.Services, NullLogger.Instance);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var scope = app.Services.CreateAsyncScope();
        var user = ((Outcome<WaneUser>.Ok)await scope.ServiceProvider.GetRequiredService<Accounts>().CreateAsync("bench", "benchmark password", zone)).Value;
        var token = ((Outcome<(string Token, AccessToken)>.Ok)await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreateAsync(user.Id, "bench", CancellationToken.None)).Value.Token;
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var product = new Product { UserId = user.Id, Name = "Red Bali", Kind = ProductKind.Kratom, Form = ProductForm.Powder, Strain = "red" };
        db.Products.Add(product);
        await db.SaveChangesAsync();

        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new BenchServer(app, dataDir, client, user.Id, product.Id);
    }

    /// <summary>A scope of the running app, for seeding its database.</summary>
    public AsyncServiceScope CreateScope() => _app.Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDir, recursive: true);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using CsCheck;
using Microsoft.Data.Sqlite;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of every JSON body the API reads: whatever is sent, the answer is never a 5xx,
/// a 400 is problem details, and a rejected request commits nothing to the database (SQLite's
/// <c>PRAGMA data_version</c>, read on a connection of our own, changes with every commit by any other
/// connection). <c>WANE_FUZZ_BODIES</c> sets the bodies per endpoint (default 300; bench/fuzz.sh runs 100,000),
/// <c>WANE_FUZZ_SEED</c> replays a run, <c>WANE_FUZZ_REPORT</c> names a file to append figures to, and
/// <c>WANE_FUZZ_ONLY</c> (routes as listed, separated by commas, e.g. "POST /api/v1/shares") runs only those.
/// </summary>
// Watches SQLite's data_version to see a commit; the handlers under test are the same on both providers.
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public sealed class BodyFuzzTests(WaneApp app) : IClassFixture<WaneApp>
{
    private const int BodiesPerUser = 1_000;

    private static long Bodies => long.TryParse(Environment.GetEnvironmentVariable("WANE_FUZZ_BODIES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 300;

    public static TheoryData<string> Routes => new(FuzzEndpoint.All.Select(e => e.Route));

    [Fact]
    public async Task Endpoints_CoverEveryJsonBodyInTheOpenApiDocument()
    {
        using var client = app.Client();
        var doc = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");
        var withBodies = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == System.Text.Json.JsonValueKind.Object && o.Value.TryGetProperty("requestBody", out _)))
            {
                withBodies.Add(op.Name.ToUpperInvariant() + " " + System.Text.RegularExpressions.Regex.Replace(path.Name, "\\{[^}]+\\}", "{id}"));
            }
        }

        withBodies.Count.ShouldBeGreaterThan(5);
        string.Join("\n", FuzzEndpoint.All.Select(e => e.Route).Order(StringComparer.Ordinal)).ShouldBe(string.Join("\n", withBodies));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Endpoint_GeneratedBodies_NeverA500AndRejectedOnesStoreNothing(string route)
    {
        var endpoint = FuzzEndpoint.All.Single(e => e.Route == route);
        if (Environment.GetEnvironmentVariable("WANE_FUZZ_ONLY") is { Length: > 0 } only
            && !only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(route, StringComparer.Ordinal))
        {
            Assert.Skip($"WANE_FUZZ_ONLY leaves out {route}.");
        }
        var stores = !endpoint.Path.EndsWith("/preview", StringComparison.Ordinal);
        await using var watch = new SqliteConnection($"Data Source={Path.Combine(app.DataDir, "wane.db")};Mode=ReadOnly;Pooling=False");
        await watch.OpenAsync();
        Subject? subject = null;
        long sent = 0, committed = 0;
        var statuses = new SortedDictionary<int, long>();
        var clock = Stopwatch.StartNew();

        await BodyGen.For(endpoint).SampleAsync(async body =>
        {
            if (subject is null || sent % BodiesPerUser == 0)
            {
                subject?.Dispose();
                subject = await Subject.CreateAsync(app);
            }
            sent++;
            var before = await DataVersionAsync(watch);
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), subject.Fill(endpoint.Path))
            {
                Content = new StringContent(subject.Fill(body), Encoding.UTF8, "application/json"),
            };
            using var response = await subject.Api.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var changed = await DataVersionAsync(watch) != before;
            if (status >= 500)
            {
                throw new InvalidOperationException($"{status} for {body}: {await response.Content.ReadAsStringAsync()}");
            }
            if (status >= 400 && changed)
            {
                throw new InvalidOperationException($"{status} but the database changed, for {body}");
            }
            if (status == 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                throw new InvalidOperationException($"400 without problem details for {body}");
            }
            if (!stores && changed)
            {
                throw new InvalidOperationException($"A preview changed the database, for {body}");
            }
            committed += changed ? 1 : 0;
            if (status == 204 && endpoint.Path == "/api/v1/me/delete")
            {
                // The subject deleted itself (the right password): the next body needs a new one.
                subject.Dispose();
                subject = null;
            }
        }, iter: Bodies, threads: 1, seed: Environment.GetEnvironmentVariable("WANE_FUZZ_SEED"));
        subject?.Dispose();

        var seconds = clock.Elapsed.TotalSeconds;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{route}\tbodies={sent}\t5xx={statuses.Where(s => s.Key >= 500).Sum(s => s.Value)}\tcommitted={committed}\tseconds={seconds:F1}\tstatuses={string.Join(",", statuses.Select(s => $"{s.Key}:{s.Value}"))}");
        TestContext.Current.SendDiagnosticMessage(line);
        if (Environment.GetEnvironmentVariable("WANE_FUZZ_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, line + "\n");
        }
        sent.ShouldBeGreaterThanOrEqualTo(Bodies);
        // The watch must be able to see a commit, or "nothing stored" would hold vacuously.
        if (stores)
        {
            committed.ShouldBeGreaterThan(0, line);
        }
        statuses.Keys.ShouldContain(400, line);
    }

    private static async Task<long> DataVersionAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A user with a product, a dose and a plan to aim the bodies at; replaced every <see cref="BodiesPerUser"/> bodies so no history grows large.</summary>
    private sealed class Subject : IDisposable
    {
        private readonly Dictionary<string, string> _ids;

        private Subject(HttpClient api, Dictionary<string, string> ids) => (Api, _ids) = (api, ids);

        public HttpClient Api { get; }

        public static async Task<Subject> CreateAsync(WaneApp app)
        {
            var name = "fuzz-" + Guid.NewGuid().ToString("N")[..8];
            var api = await app.NewUserClientAsync("America/New_York", name);
            // Someone shares with the subject and lets them enter a COWS: the one viewer write.
            using var owner = await app.NewUserClientAsync("UTC");
            var share = (await (await owner.PostAsJsonAsync("/api/v1/shares", new { to = name, scopes = new[] { "checkins" }, mayEnterCows = true })).JsonAsync())
                .GetProperty("share").GetProperty("id").GetInt64();
            var product = await api.CreateProductAsync(Intents.RedBali);
            var dose = (await api.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g", takenAt = "2026-11-25T08:00:00-05:00" })).GetProperty("id").GetInt64();
            var plan = await (await api.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 12, unit = "g", pace = new { kind = "percent", percent = 10 }, startDate = "2026-12-01" })).JsonAsync();
            return new Subject(api, new()
            {
                ["__PRODUCT__"] = product.ToString(CultureInfo.InvariantCulture),
                ["__DOSE__"] = dose.ToString(CultureInfo.InvariantCulture),
                ["__PLAN__"] = plan.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture),
                ["__SHARE__"] = share.ToString(CultureInfo.InvariantCulture),
            });
        }

        /// <summary>Puts the ids in: <c>"__PRODUCT__"</c> (quoted, in a body) becomes a number, bare in a path.</summary>
        public string Fill(string text)
        {
            foreach (var (marker, id) in _ids)
            {
                text = text.Replace("\"" + marker + "\"", id, StringComparison.Ordinal).Replace(marker, id, StringComparison.Ordinal);
            }
            return text.Replace("__CLIENT__", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        }

        public void Dispose() => Api.Dispose();
    }
}

using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Tests.Support;

namespace Wane.Tests.Data;

/// <summary>
/// Deleting an account leaves no row of that person in any table. The tables are read from the database
/// itself, so a table added later is checked too: a table with a <c>UserId</c> column is attributed by it,
/// a few are attributed by their own key, a short list holds no one's data (each with its reason), and any
/// other table fails the test until someone says how its rows belong to people.
/// </summary>
public sealed class AccountErasureTests
{
    private const string Password = "correct horse battery";

    /// <summary>Tables that hold no person's data, and why.</summary>
    private static readonly Dictionary<string, string> NotPersonal = new(StringComparer.Ordinal)
    {
        ["__EFMigrationsHistory"] = "the schema's migrations",
        ["__EFMigrationsLock"] = "EF's lock while migrations run",
        ["sqlite_sequence"] = "SQLite's id counters, one per table",
        ["DataProtectionKeys"] = "the server's cookie-encryption keys",
        ["AspNetRoles"] = "role definitions (a person's membership of one is in AspNetUserRoles)",
        ["AspNetRoleClaims"] = "claims of a role, not of a person",
        ["invitations"] = "the admins' sign-up links; the account that made or used one is cleared from it (the text search below would find its id)",
    };

    private sealed record Person(string Id, string Name, string Marker);

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    [InlineData("cli")]
    public async Task DeleteAccount_PersonWithEveryKindOfRow_LeavesNoRowOrTextOfThemInAnyTable(string surface)
    {
        await using var app = new WaneApp();
        await app.InitializeAsync();
        var (alice, aliceApi, aliceBrowser) = await FullPersonAsync(app);
        var (bob, bobApi, bobBrowser) = await FullPersonAsync(app);
        using var _1 = aliceApi;
        using var _2 = aliceBrowser;
        using var _3 = bobApi;
        using var _4 = bobBrowser;

        await ShareBothWaysAsync(alice, aliceApi, bob, bobApi);

        var before = await OwnersAsync(app.DataDir, alice, bob);
        var attributable = before.Keys.Where(t => !NotPersonal.ContainsKey(t)).ToList();
        attributable.ShouldNotBeEmpty();
        foreach (var table in attributable)
        {
            before[table].Count(o => o == alice.Id).ShouldBeGreaterThan(0, $"give the person a row in {table}, so the test can see it go");
            before[table].Count(o => o == bob.Id).ShouldBeGreaterThan(0, $"give the other person a row in {table}, so the test can see it stay");
        }
        (await TextHitsAsync(app.DataDir, alice)).ShouldNotBeEmpty();

        await DeleteAsync(app, surface, alice, aliceApi, aliceBrowser);

        var after = await OwnersAsync(app.DataDir, alice, bob);
        foreach (var (table, owners) in after.Where(t => !NotPersonal.ContainsKey(t.Key)))
        {
            owners.ShouldAllBe(o => o == bob.Id, $"{table} still holds rows not of the other person");
            owners.Count.ShouldBe(before[table].Count(o => o == bob.Id), $"{table} lost rows of the other person");
        }
        (await TextHitsAsync(app.DataDir, alice)).ShouldBeEmpty();
        (await TextHitsAsync(app.DataDir, bob)).ShouldNotBeEmpty();
        (await bobApi.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bobBrowser.LandsOnAsync("/")).ShouldBe("/");
    }

    private static async Task DeleteAsync(WaneApp app, string surface, Person alice, HttpClient api, Browserless browser)
    {
        switch (surface)
        {
            case "api":
                (await api.PostAsJsonAsync("/api/v1/me/delete", new { password = Password })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                break;
            case "web":
                var (response, _) = await browser.SubmitAsync("/profile", new Dictionary<string, string> { ["Password"] = Password }, action: "/account/delete");
                response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/deleted");
                break;
            default:
                var (exit, _, error) = await CliRun.RunAsync(["user", "delete", alice.Name, "--yes"], app.DataDir, app.Clock);
                exit.ShouldBe(0, error);
                break;
        }
    }

    /// <summary>
    /// Shares both ways: each shares with the other and looks; the other person enters a COWS for the first (a check-in of
    /// the first's, which stays theirs).
    /// </summary>
    private static async Task ShareBothWaysAsync(Person alice, HttpClient aliceApi, Person bob, HttpClient bobApi)
    {
        (await aliceApi.PostAsJsonAsync("/api/v1/shares", new { to = bob.Name, scopes = new[] { "plan" } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var toAlice = (await (await bobApi.PostAsJsonAsync("/api/v1/shares", new { to = alice.Name, scopes = new[] { "checkins" }, mayEnterCows = true })).JsonAsync())
            .GetProperty("share").GetProperty("id").GetInt64();
        var toBob = (await bobApi.GetJsonAsync("/api/v1/shared")).GetProperty("people")[0].GetProperty("shareId").GetInt64();
        (await bobApi.GetAsync($"/api/v1/shared/{toBob}/status")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await aliceApi.GetAsync($"/api/v1/shared/{toAlice}/checkins")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await aliceApi.PostAsJsonAsync($"/api/v1/shared/{toAlice}/checkins", new { instrument = "cows", answers = new[] { 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>A person with a row of every kind, a marker in every free-text field and in their name.</summary>
    private static async Task<(Person, HttpClient, Browserless)> FullPersonAsync(WaneApp app)
    {
        var marker = "mk" + Guid.NewGuid().ToString("N")[..12];
        var name = "erase-" + marker;
        var api = await app.NewUserClientAsync("America/New_York", name);
        var product = await api.CreateProductAsync(new { name = "Bali " + marker, kind = "kratom", form = "powder", strain = "red " + marker, batch = "lot " + marker, gramsPerTeaspoon = 2.5 });
        (await api.PutAsJsonAsync($"/api/v1/products/{product}/favourites", new { favourites = new[] { new { amount = 2, unit = "g" } } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var dose = (await api.LogDoseOkAsync(new { productId = product, amount = 2, unit = "g", note = "note " + marker, clientId = Guid.NewGuid() })).GetProperty("id").GetInt64();
        (await api.PutAsJsonAsync($"/api/v1/doses/{dose}", new { amount = 3, unit = "g", note = "edited " + marker })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var gone = (await api.LogDoseOkAsync(new { productId = product, amount = 1, unit = "g", note = "gone " + marker, clientId = Guid.NewGuid() })).GetProperty("id").GetInt64();
        (await api.DeleteAsync($"/api/v1/doses/{gone}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.PutAsJsonAsync("/api/v1/guardrails", new Dictionary<string, object> { ["R1"] = new { values = new { interval = 5 } } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsJsonAsync("/api/v1/breaks", new { from = "2026-12-01", to = "2026-12-03", note = "break " + marker })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var plan = (await (await api.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 10, pace = new { kind = "percent", percent = 10 }, startDate = "2026-11-20" })).JsonAsync()).GetProperty("id").GetInt64();
        (await api.PostAsJsonAsync($"/api/v1/plans/{plan}/hold", new { from = "2026-11-23", reason = "hold " + marker })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsync("/api/v1/calendar/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers = new[] { 4, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 3, sleep = 3, mood = 3, craving = 2, note = "day " + marker } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var link = new Uri((await (await api.PostAsJsonAsync("/api/v1/shares", new { link = true, expires = "2026-12-31", label = "link " + marker, pin = "1357", scopes = new[] { "plan" } })).JsonAsync())
            .GetProperty("url").GetString()!).PathAndQuery;
        using (var visitor = new Browserless(app.BaseAddress))
        {
            var (_, pinForm) = await visitor.GetAsync(link);
            (await visitor.PostFromAsync(pinForm, link, new Dictionary<string, string> { ["Pin"] = "1357" })).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var browser = new Browserless(app.BaseAddress, userAgent: "Browser " + marker);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = Password });
        (await browser.LandsOnAsync("/")).ShouldBe("/");
        // A file checked on the import page and not yet confirmed waits in pending_imports.
        var csv = Encoding.UTF8.GetBytes("taken_at,product,kind,amount,unit\n2026-11-25T08:00:00Z,Bali " + marker + ",kratom,2,g\n");
        (await browser.UploadAsync("/import", "/import?handler=Check", new Dictionary<string, string> { ["format"] = "csv" }, "file", "doses.csv", csv))
            .Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var stranger = new Browserless(app.BaseAddress))
        {
            await stranger.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "wrong " + marker });
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WaneUser>>();
        var user = (await users.FindByNameAsync(name)).ShouldNotBeNull();
        (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.ShouldBeTrue();
        (await users.AddClaimAsync(user, new Claim("wane:test", "claim " + marker))).Succeeded.ShouldBeTrue();
        (await users.AddLoginAsync(user, new UserLoginInfo("test-" + marker, "key-" + marker, "login " + marker))).Succeeded.ShouldBeTrue();
        var passkey = new UserPasskeyInfo(RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(77), DateTimeOffset.UnixEpoch, 0, ["internal"],
            isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [1], clientDataJson: [2]) { Name = "key " + marker };
        (await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded.ShouldBeTrue();
        await scope.ServiceProvider.GetRequiredService<SignInGate>().CheckSecondFactorAsync(user, () => Task.FromResult(false), CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        // A role is not a person's (AspNetRoles is in NotPersonal), so its name carries no marker; the membership does count.
        var role = new IdentityRole("role-" + Guid.NewGuid().ToString("N")[..8]);
        db.Roles.Add(role);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        // An invitation the person made (as an admin) and one they signed up with: both keep no trace of them.
        db.Invitations.Add(new Invitation { SecretHash = Guid.NewGuid().ToString("N"), CreatedById = user.Id, CreatedAt = app.Clock.GetCurrentInstant(), ExpiresAt = app.Clock.GetCurrentInstant() });
        db.Invitations.Add(new Invitation { SecretHash = Guid.NewGuid().ToString("N"), UsedById = user.Id, CreatedAt = app.Clock.GetCurrentInstant(), ExpiresAt = app.Clock.GetCurrentInstant() });
        await db.SaveChangesAsync();
        return (new Person(user.Id, name, marker), api, browser);
    }

    /// <summary>For each table, whose each row is: a user id, or null for a table of <see cref="NotPersonal"/>. Fails on a table it cannot attribute.</summary>
    private static async Task<Dictionary<string, List<string?>>> OwnersAsync(string dataDir, params Person[] people)
    {
        await using var connection = await OpenAsync(dataDir);
        var failureKeys = people.SelectMany(p => new[]
        {
            (Key: SignInGate.NameKey(p.Name.ToUpperInvariant()), p.Id),
            (Key: SignInGate.NameKey("second-factor:" + p.Id), p.Id),
        }).ToDictionary(k => k.Key, k => k.Id);
        var owners = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        foreach (var table in await TablesAsync(connection))
        {
            var columns = await ColumnsAsync(connection, table);
            var (column, map) = table switch
            {
                _ when NotPersonal.ContainsKey(table) => ((string?)null, (Func<string, string?>)(_ => null)),
                "AspNetUsers" => ("Id", v => v),
                "signin_failures" => ("NameHash", v => failureKeys.GetValueOrDefault(v, "unknown name " + v)),
                // A share given to the person deleted goes with them, as their own shares do; so do the looks through it.
                "shares" => ($"CASE WHEN \"GranteeId\" = '{people[0].Id}' THEN \"GranteeId\" ELSE \"UserId\" END", v => v),
                "share_accesses" => ($"CASE WHEN (SELECT s.\"GranteeId\" FROM shares s WHERE s.\"Id\" = \"ShareId\") = '{people[0].Id}' THEN '{people[0].Id}' ELSE \"UserId\" END", v => v),
                _ when columns.Contains("UserId") => ("UserId", v => v),
                _ => throw new ShouldAssertException($"Table {table} has no UserId column and the erasure test does not know whose its rows are: delete them in DeleteAccount and say here how to attribute them (or why they are no one's)."),
            };
            var list = new List<string?>();
            await using var command = connection.CreateCommand();
            command.CommandText = column is null ? $"SELECT NULL FROM \"{table}\""
                : column.StartsWith("CASE", StringComparison.Ordinal) ? $"SELECT {column} FROM \"{table}\"" : $"SELECT \"{column}\" FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                list.Add(column is null ? null : map(reader.GetString(0)));
            }
            owners[table] = list;
        }
        return owners;
    }

    /// <summary>Every value in any column of any table that holds the person's marker or user id, as "table.column".</summary>
    private static async Task<List<string>> TextHitsAsync(string dataDir, Person person)
    {
        await using var connection = await OpenAsync(dataDir);
        var hits = new List<string>();
        foreach (var table in await TablesAsync(connection))
        {
            var columns = await ColumnsAsync(connection, table);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var text = reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    if (text.Contains(person.Marker, StringComparison.OrdinalIgnoreCase) || text.Contains(person.Id, StringComparison.OrdinalIgnoreCase))
                    {
                        hits.Add($"{table}.{columns[i]}");
                    }
                }
            }
        }
        return hits;
    }

    private static Task<DbConnection> OpenAsync(string dataDir) => TestDatabase.OpenAsync(dataDir, readOnly: true);

    /// <summary>The tables as the database lists them: sqlite_master, or PostgreSQL's information schema.</summary>
    private static Task<List<string>> TablesAsync(DbConnection connection) => ListAsync(connection, TestDatabase.IsPostgres
        ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");

    /// <summary>A table's columns in the order <c>SELECT *</c> returns them.</summary>
    private static Task<List<string>> ColumnsAsync(DbConnection connection, string table) => ListAsync(connection, TestDatabase.IsPostgres
        ? $"SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY ordinal_position"
        : $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid");

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        var names = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}

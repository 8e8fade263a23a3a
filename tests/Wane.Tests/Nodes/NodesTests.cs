using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Data;
using Wane.Features.Accounts;
using Wane.Hosting;
using Wane.Tests.Support;
using static Wane.Tests.Security.Replay;

namespace Wane.Tests.Nodes;

/// <summary>
/// Two nodes on one PostgreSQL database behave as one (ADR 0022): sessions, antiforgery, data-protection keys,
/// retried and concurrent writes, and the sign-in slow-down are shared through the database.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.PostgresOnly)]
public class NodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private const string Password = "correct horse battery";

    private static void SkipOnSqlite() => Assert.SkipUnless(TestDatabase.IsPostgres, TwoNodes.SkipReason);

    private static string Landed((HttpResponseMessage Response, string Html) r) => r.Response.RequestMessage!.RequestUri!.AbsolutePath;

    private async Task<(string Name, Browserless OnA)> SignedInOnAAsync()
    {
        var name = "n-" + Guid.NewGuid().ToString("N")[..8];
        using var _ = await nodes.A.NewUserClientAsync("UTC", name);
        var onA = new Browserless(nodes.A.BaseAddress);
        Landed(await onA.SubmitAsync("/signin", SignIn(name, Password))).ShouldBe("/");
        return (name, onA);
    }

    /// <summary>One person's API clients, one per node, with the same token.</summary>
    private async Task<(HttpClient A, HttpClient B)> ClientsAsync()
    {
        var a = await nodes.A.NewUserClientAsync();
        var b = nodes.B.Client();
        b.DefaultRequestHeaders.Authorization = a.DefaultRequestHeaders.Authorization;
        return (a, b);
    }

    [Fact]
    public async Task SignInOnA_IsSignedInOnB_AndSignOutOnA_EndsItOnBAtOnce()
    {
        SkipOnSqlite();
        var (_, onA) = await SignedInOnAAsync();
        using var _ = onA;
        var cookie = onA.CookieHeader;

        (await GetAsync(nodes.B.BaseAddress, cookie)).Status.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(nodes.B.BaseAddress, cookie, "/sessions")).Status.ShouldBe(HttpStatusCode.OK);

        var (signedOut, _) = await onA.SubmitAsync("/profile", new Dictionary<string, string>(), action: "/signout");
        signedOut.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/signin");

        var onB = await GetAsync(nodes.B.BaseAddress, cookie);
        onB.Status.ShouldBe(HttpStatusCode.Redirect);
        onB.Location.ShouldBe("/signin");
    }

    [Fact]
    public async Task AntiforgeryTokenFromA_IsAcceptedByBOnAFormPost_AndNoTokenIsRefused()
    {
        SkipOnSqlite();
        var (_, onA) = await SignedInOnAAsync();
        using var _ = onA;
        var (_, page) = await onA.GetAsync("/profile");
        var token = Browserless.TokenIn(page).ShouldNotBeNull();
        using var toB = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = nodes.B.BaseAddress };

        async Task<HttpResponseMessage> SignOutOnB(Dictionary<string, string> form)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("Cookie", onA.CookieHeader);
            return await toB.SendAsync(request);
        }

        using (var without = await SignOutOnB([]))
        {
            without.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        (await GetAsync(nodes.A.BaseAddress, onA.CookieHeader)).Status.ShouldBe(HttpStatusCode.OK);

        using var with = await SignOutOnB(new() { ["__RequestVerificationToken"] = token });

        with.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        with.Headers.Location!.OriginalString.ShouldBe("/signin");
        (await GetAsync(nodes.A.BaseAddress, onA.CookieHeader)).Location.ShouldBe("/signin");
    }

    [Fact]
    public async Task DataProtectionKeys_AreSharedThroughTheDatabase_EncryptedWithTheCertificate()
    {
        SkipOnSqlite();
        TwoNodes.RoundTrip(nodes.A, nodes.B, "from A").ShouldBe("from A");
        TwoNodes.RoundTrip(nodes.B, nodes.A, "from B").ShouldBe("from B");

        await using var scope = nodes.A.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<WaneDb>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(nodes.CertificatePath, null);
        var der = Convert.ToBase64String(certificate.RawData);

        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml.Contains("<encryptedSecret") && xml.Contains("EncryptedData") && xml.Contains(der) && !xml.Contains("<value>"));
    }

    [Fact]
    public async Task ANodeWithAnotherCertificate_RefusesToStart_NamingBothCertificates()
    {
        SkipOnSqlite();
        TwoNodes.RoundTrip(nodes.A, nodes.B, "a key exists").ShouldBe("a key exists");
        await using var scope = nodes.A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var before = await db.DataProtectionKeys.CountAsync();
        var shared = nodes.A.Services.GetRequiredService<KeyEncryption.Loaded>().Certificate.Thumbprint;
        // No DataProtection:Certificate:Path: this node makes dataprotection.pfx in its own folder, as a node set up alone would.
        var stranger = nodes.Node([]);

        var refused = await Should.ThrowAsync<KeyEncryptionMismatchException>(() => stranger.InitializeAsync().AsTask());
        var own = await File.ReadAllBytesAsync(Path.Combine(stranger.DataDir, KeyEncryption.FileName));
        await stranger.DisposeAsync();

        refused.Message.ShouldContain(shared);
        using var strangers = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(own, null);
        refused.Message.ShouldContain(strangers.Thumbprint);
        refused.Message.ShouldContain("DataProtection:Certificate:Path");
        (await db.DataProtectionKeys.CountAsync()).ShouldBe(before);
        TwoNodes.RoundTrip(nodes.B, nodes.A, "still one key ring").ShouldBe("still one key ring");
    }

    [Fact]
    public async Task SameClientId_PostedToBothNodesAtOnce_YieldsOneDose()
    {
        SkipOnSqlite();
        var (a, b) = await ClientsAsync();
        using var _ = a;
        using var __ = b;
        var product = await a.CreateProductAsync(Intents.RedBali);

        for (var round = 0; round < 20; round++)
        {
            var body = new { productId = product, amount = 1, unit = "g", clientId = Guid.NewGuid() };
            var answers = await Task.WhenAll(a.LogDoseAsync(body), b.LogDoseAsync(body));

            answers.Select(r => (int)r.StatusCode).Order().ToArray().ShouldBe([200, 201], $"round {round}");
            var ids = await Task.WhenAll(answers.Select(async r => (await r.JsonAsync()).GetProperty("dose").GetProperty("id").GetInt64()));
            ids.Distinct().Count().ShouldBe(1);
        }
        (await b.DoseCountAsync()).ShouldBe(20);
    }

    [Fact]
    public async Task ConcurrentWrites_FromBothNodes_LoseNothing()
    {
        SkipOnSqlite();
        var (a, b) = await ClientsAsync();
        using var _ = a;
        using var __ = b;
        var product = await a.CreateProductAsync(Intents.RedBali);
        const int PerNode = 200;
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
        var work = Enumerable.Range(0, 2 * PerNode).Select(i => (Client: i % 2 == 0 ? a : b, MinutesAgo: i));

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (w, ct) =>
        {
            var takenAt = WaneApp.Now.Minus(NodaTime.Duration.FromMinutes(w.MinutesAgo)).ToString();
            using var response = await w.Client.LogDoseAsync(new { productId = product, amount = 0.5, unit = "g", takenAt });
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
            ids.Add((await response.JsonAsync()).GetProperty("dose").GetProperty("id").GetInt64());
        });

        ids.Distinct().Count().ShouldBe(2 * PerNode);
        (await a.DoseCountAsync()).ShouldBe(2 * PerNode);
        var day = await b.GetJsonAsync("/api/v1/days/2026-11-25");
        var total = day.GetProperty("totals")[0];
        total.GetProperty("amount").GetDecimal().ShouldBe(PerNode * 1.0m);
        total.GetProperty("doses").GetInt32().ShouldBe(2 * PerNode);
    }

    [Fact]
    public async Task SignInFailures_OnBothNodes_CountTowardsOneSlowDown()
    {
        SkipOnSqlite();
        var name = "t-" + Guid.NewGuid().ToString("N")[..8];
        using var _ = await nodes.A.NewUserClientAsync("UTC", name);
        using var onA = new Browserless(nodes.A.BaseAddress);
        using var onB = new Browserless(nodes.B.BaseAddress);

        for (var i = 0; i < 5; i++)
        {
            (await (i % 2 == 0 ? onA : onB).SubmitAsync("/signin", SignIn(name, "guess " + i))).Html.ShouldContain("do not match");
        }

        foreach (var browser in new[] { onA, onB })
        {
            var waiting = await browser.SubmitAsync("/signin", SignIn(name, Password));
            waiting.Html.ShouldContain("Too many failed attempts for this name");
            Landed(waiting).ShouldBe("/signin");
        }
    }

    [Fact]
    public async Task SignInFailures_AtTheSameMomentOnBothNodes_EachCount()
    {
        SkipOnSqlite();
        var name = "c-" + Guid.NewGuid().ToString("N")[..8];
        using var _ = await nodes.A.NewUserClientAsync("UTC", name);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var browser = new Browserless((i % 2 == 0 ? nodes.A : nodes.B).BaseAddress);
            return (await browser.SubmitAsync("/signin", SignIn(name, "wrong " + i))).Html;
        }));

        var counted = answers.Count(h => h.Contains("do not match", StringComparison.Ordinal));
        answers.Count(h => h.Contains("Too many failed attempts", StringComparison.Ordinal)).ShouldBe(10 - counted);
        await using var scope = nodes.B.Services.CreateAsyncScope();
        var key = SignInGate.NameKey(name.ToUpperInvariant());
        var stored = await scope.ServiceProvider.GetRequiredService<WaneDb>().SigninFailures.AsNoTracking().SingleAsync(f => f.NameHash == key);
        stored.Count.ShouldBe(counted);
    }

    [Fact]
    public async Task ImportCheckedOnA_IsConfirmedOnB()
    {
        SkipOnSqlite();
        var (name, onA) = await SignedInOnAAsync();
        using var _ = onA;
        var csv = System.Text.Encoding.UTF8.GetBytes("taken_at,product,kind,amount,unit\n2026-11-24T13:30:00Z,Red Bali,kratom,2.5,g\n");
        var (_, report) = await onA.UploadAsync("/import", "/import?handler=Check", new Dictionary<string, string> { ["format"] = "csv" }, "file", "doses.csv", csv);
        var key = System.Text.RegularExpressions.Regex.Match(report, "name=\"key\" value=\"([0-9A-F]+)\"").Groups[1].Value;
        key.ShouldNotBeEmpty(report);
        using var toB = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = nodes.B.BaseAddress };
        using var confirm = new HttpRequestMessage(HttpMethod.Post, "/import?handler=Confirm")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["__RequestVerificationToken"] = Browserless.TokenIn(report)! }),
        };
        confirm.Headers.Add("Cookie", onA.CookieHeader);

        using var done = await toB.SendAsync(confirm);

        var html = await done.Content.ReadAsStringAsync();
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Imported");
        await using var scope = nodes.B.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var userId = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
        (await db.Doses.CountAsync(d => d.UserId == userId)).ShouldBe(1);
        (await db.PendingImports.CountAsync(p => p.UserId == userId)).ShouldBe(0);
    }

    [Fact]
    public async Task Readyz_OnEachNode_IsReady()
    {
        SkipOnSqlite();
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            using var http = new HttpClient { BaseAddress = node.BaseAddress };
            using var response = await http.GetAsync("/readyz");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString().ShouldBe("ready");
        }
    }
}

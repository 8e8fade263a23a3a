using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NodaTime;
using Shouldly;
using Wane.Tests.Support;
using static Wane.Tests.Security.Replay;

namespace Wane.Tests.Security;

public class SignInAbuseTests(WaneApp app) : IClassFixture<WaneApp>
{
    private const string Password = "correct horse battery";

    private static string Landed((HttpResponseMessage Response, string Html) r) => r.Response.RequestMessage!.RequestUri!.AbsolutePath;

    [Fact]
    public async Task SignIn_AStrangersFailures_SlowTheNameButNeverLockOutTheOwnersBrowser()
    {
        var name = "owner-" + Guid.NewGuid().ToString("N")[..6];
        using var _ = await app.NewUserClientAsync("UTC", name);
        using var owner = new Browserless(app.BaseAddress);
        Landed(await owner.SubmitAsync("/signin", SignIn(name, Password))).ShouldBe("/");
        await owner.SubmitAsync("/profile", new Dictionary<string, string>(), action: "/signout");
        using var stranger = new Browserless(app.BaseAddress);

        for (var i = 0; i < 5; i++)
        {
            (await stranger.SubmitAsync("/signin", SignIn(name, "guess " + i))).Html.ShouldContain("do not match");
        }
        var waiting = await stranger.SubmitAsync("/signin", SignIn(name, Password));

        waiting.Html.ShouldContain("Wait 1 second and try again");
        Landed(waiting).ShouldBe("/signin");
        Landed(await owner.SubmitAsync("/signin", SignIn(name, Password))).ShouldBe("/");
        app.Clock.Advance(Duration.FromSeconds(2));
        Landed(await stranger.SubmitAsync("/signin", SignIn(name, Password))).ShouldBe("/");
        app.Clock.Reset(WaneApp.Now);
    }

    [Fact]
    public async Task SignIn_KnownAndUnknownNames_AnswerFailuresAlike()
    {
        var known = "known-" + Guid.NewGuid().ToString("N")[..6];
        using var _ = await app.NewUserClientAsync("UTC", known);
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..6];
        using var browser = new Browserless(app.BaseAddress);

        async Task<List<string>> AnswersAsync(string name)
        {
            var answers = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                var html = (await browser.SubmitAsync("/signin", SignIn(name, "wrong " + i))).Html;
                answers.Add(html.Contains("do not match", StringComparison.Ordinal) ? "mismatch" : html.Contains("Wait ", StringComparison.Ordinal) ? "wait" : "other");
            }
            return answers;
        }

        var forKnown = await AnswersAsync(known);
        var forUnknown = await AnswersAsync(unknown);

        forKnown.ShouldBe(forUnknown);
        forKnown.ShouldBe(["mismatch", "mismatch", "mismatch", "mismatch", "mismatch", "wait", "wait", "wait"]);
    }

    [Fact]
    public async Task RateLimits_SignInFeedAndApi_Answer429ProblemDetailsWithRetryAfter()
    {
        await using var limited = new WaneApp
        {
            Settings = ["--RateLimits:SignIn:PermitLimit", "3", "--RateLimits:Feed:PermitLimit", "2", "--RateLimits:Api:PermitLimit", "3", "--RateLimits:Api:WindowSeconds", "600"],
        };
        await limited.InitializeAsync();
        using var api = await limited.NewUserClientAsync("UTC", "limited");
        using var second = await limited.NewUserClientAsync("UTC", "second");
        using var browser = new Browserless(limited.BaseAddress);
        using var anonymous = limited.Client();
        anonymous.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        for (var i = 0; i < 3; i++)
        {
            (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await browser.SubmitAsync("/signin", SignIn("limited", "wrong"))).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        for (var i = 0; i < 2; i++)
        {
            (await anonymous.GetAsync("/calendar/00000000000000000000000000000000.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        var apiRefused = await api.GetAsync("/api/v1/me");
        var signInRefused = await anonymous.PostAsync("/signin", new FormUrlEncodedContent(SignIn("limited", Password)));
        var feedRefused = await anonymous.GetAsync("/calendar/00000000000000000000000000000000.ics");

        foreach (var refused in new[] { apiRefused, signInRefused, feedRefused })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            problem.RootElement.GetProperty("status").GetInt32().ShouldBe(429);
        }
        apiRefused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(60);
        (await second.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RateLimits_TokensThatDoNotAuthenticate_AreCountedPerClientAddress_NotPerToken()
    {
        await using var limited = new WaneApp { Settings = ["--RateLimits:BadToken:PermitLimit", "3", "--RateLimits:BadToken:WindowSeconds", "600"] };
        await limited.InitializeAsync();
        using var good = await limited.NewUserClientAsync("UTC", "good");
        using var guesser = limited.Client();
        async Task<HttpResponseMessage> GuessAsync(string header)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.TryAddWithoutValidation("Authorization", header);
            return await guesser.SendAsync(request);
        }

        // Each a different made-up token, so each has a per-token window of its own.
        for (var i = 0; i < 3; i++)
        {
            (await GuessAsync($"Bearer made-up-{Guid.NewGuid():N}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        var refused = new[] { await GuessAsync($"Bearer made-up-{Guid.NewGuid():N}"), await GuessAsync("Basic " + Guid.NewGuid().ToString("N")) };

        foreach (var response in refused)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(60);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            problem.RootElement.GetProperty("status").GetInt32().ShouldBe(429);
        }
        // A token that authenticates, from the same address, is not held back.
        (await good.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

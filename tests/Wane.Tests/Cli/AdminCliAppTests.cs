using System.Net;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary>The admin's verbs against the data folder of a running app: what they do is seen at once over HTTP.</summary>
public sealed class AdminCliAppTests(WaneApp app) : IClassFixture<WaneApp>
{
    private async Task<(int Exit, string Out, string Err)> WaneAsync(params string[] args) =>
        await CliRun.RunAsync(args, app.DataDir, app.Clock, "a long new password\n");

    [Fact]
    public async Task UserDisable_RefusesTheTokenAtOnce_EnableRestoresSignIn()
    {
        await Admins.EnsureOperatorAsync(app);
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        using var api = await app.NewUserClientAsync("UTC", name);
        using var browser = await Admins.SignedInAsync(app, name);

        var run = await WaneAsync("user", "disable", name);

        run.Exit.ShouldBe(0, run.Err);
        run.Out.ShouldContain("1 session ended");
        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.LandsOnAsync("/")).ShouldBe("/signin");
        (await WaneAsync("user", "enable", name)).Exit.ShouldBe(0);
        (await Admins.SignedInAsync(app, name)).Dispose();
    }

    [Fact]
    public async Task UserResetPassword_TheLinkSetsANewPasswordOnce()
    {
        await Admins.EnsureOperatorAsync(app);
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        using var _ = await app.NewUserClientAsync("UTC", name);
        using var signedIn = await Admins.SignedInAsync(app, name);

        var run = await WaneAsync("user", "reset-password", name);

        run.Exit.ShouldBe(0, run.Err);
        (await signedIn.LandsOnAsync("/")).ShouldBe("/signin");
        var link = new Uri(run.Out.Trim()).PathAndQuery;
        using var browser = new Browserless(app.BaseAddress);
        var fields = new Dictionary<string, string> { ["Password"] = "a long new password", ["Confirm"] = "a long new password" };
        (await browser.SubmitAsync(link, fields)).Response.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/signin?reset=done");
        (await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "a long new password" }))
            .Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        (await browser.GetAsync(link)).Response.StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task UserResetPassword_LinkExpiresAfter24Hours()
    {
        await Admins.EnsureOperatorAsync(app);
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        using var _ = await app.NewUserClientAsync("UTC", name);
        var link = new Uri((await WaneAsync("user", "reset-password", name)).Out.Trim()).PathAndQuery;
        using var browser = new Browserless(app.BaseAddress);
        var (open, form) = await browser.GetAsync(link);
        open.StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Clock.Advance(NodaTime.Duration.FromHours(24));

        (await browser.GetAsync(link)).Response.StatusCode.ShouldBe(HttpStatusCode.Gone);
        var fields = new Dictionary<string, string> { ["Password"] = "a long new password", ["Confirm"] = "a long new password", ["Token"] = link.Split('=')[1] };
        var (posted, _) = await browser.PostFromAsync(form, "/reset-password", fields);
        posted.StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task UserResetPassword_Set_SetsItAndEndsSessions()
    {
        await Admins.EnsureOperatorAsync(app);
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        using var _ = await app.NewUserClientAsync("UTC", name);
        using var signedIn = await Admins.SignedInAsync(app, name);

        var run = await WaneAsync("user", "reset-password", name, "--set", "--password-stdin");

        run.Exit.ShouldBe(0, run.Err);
        run.Out.ShouldContain("1 session ended");
        (await signedIn.LandsOnAsync("/")).ShouldBe("/signin");
        using var browser = new Browserless(app.BaseAddress);
        (await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "a long new password" }))
            .Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
    }
}

using Shouldly;
using Wane.Tests.Support;
using static Wane.Tests.Security.Replay;

namespace Wane.Tests.Security;

/// <summary><c>wane user password NAME</c> against the data folder of a running app.</summary>
public class UserPasswordCliTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Fact]
    public async Task UserPassword_SetsTheNewPassword_AndEndsEverySession()
    {
        using var _ = await app.NewUserClientAsync("UTC", "forgetful");
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", SignIn("forgetful", "correct horse battery"));
        (await browser.LandsOnAsync("/")).ShouldBe("/");

        var (exit, output, error) = await CliRun.RunAsync(["user", "password", "forgetful", "--password-stdin"], app.DataDir, app.Clock, "a long new password\n");

        exit.ShouldBe(0, error);
        output.ShouldContain("1 session ended");
        (await browser.LandsOnAsync("/")).ShouldBe("/signin");
        (await browser.SubmitAsync("/signin", SignIn("forgetful", "correct horse battery"))).Html.ShouldContain("do not match");
        (await browser.SubmitAsync("/signin", SignIn("forgetful", "a long new password"))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
    }

    [Fact]
    public async Task UserPassword_TooShort_ExitsOneNamingThePasswordAndKeepsTheOldOne()
    {
        using var _ = await app.NewUserClientAsync("UTC", "keeper");

        var (exit, _, error) = await CliRun.RunAsync(["user", "password", "keeper", "--password-stdin"], app.DataDir, app.Clock, "short\n");

        exit.ShouldBe(1);
        error.ShouldContain("password:");
        using var browser = new Browserless(app.BaseAddress);
        (await browser.SubmitAsync("/signin", SignIn("keeper", "correct horse battery"))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
    }
}

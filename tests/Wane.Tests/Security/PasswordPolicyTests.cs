using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Tests.Support;
using static Wane.Tests.Security.Replay;

namespace Wane.Tests.Security;

/// <summary>New passwords: at least 12 characters and not on the common list; old accounts keep signing in.</summary>
public class PasswordPolicyTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static string NewName() => "p-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<Outcome<WaneUser>> CreateAsync(string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Accounts>().CreateAsync(NewName(), password, "UTC");
    }

    private async Task<int> UserCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WaneDb>().Users.CountAsync();
    }

    [Theory]
    [InlineData("elevenchars")]
    [InlineData("abcdefgh")]
    public async Task Create_ShorterThanTwelve_IsRefusedOnThePasswordField(string password)
    {
        var before = await UserCountAsync();

        var error = (await CreateAsync(password)).ShouldBeOfType<Outcome<WaneUser>.Invalid>().Errors.ShouldHaveSingleItem();

        error.Field.ShouldBe("password");
        error.Message.ShouldContain("12");
        (await UserCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password 1234")]
    [InlineData("QWERTYUIOPAS")]
    [InlineData("123456789012")]
    public async Task Create_ACommonPassword_IsRefusedOnThePasswordField(string password)
    {
        var error = (await CreateAsync(password)).ShouldBeOfType<Outcome<WaneUser>.Invalid>().Errors.ShouldHaveSingleItem();

        error.Field.ShouldBe("password");
        error.Message.ShouldBe(PasswordPolicy.CommonMessage);
    }

    [Fact]
    public async Task Create_TwelveUncommonCharacters_IsAccepted() =>
        (await CreateAsync("twelve chars")).ShouldBeOfType<Outcome<WaneUser>.Ok>();

    [Fact]
    public async Task Create_UpTo128Characters_IsAccepted_AndLongerRefused()
    {
        (await CreateAsync(new string('w', 64) + new string('x', 64))).ShouldBeOfType<Outcome<WaneUser>.Ok>();

        var error = (await CreateAsync(new string('w', 64) + new string('x', 65))).ShouldBeOfType<Outcome<WaneUser>.Invalid>().Errors.ShouldHaveSingleItem();

        error.Field.ShouldBe("password");
        error.Message.ShouldBe(PasswordPolicy.TooLongMessage);
    }

    [Fact]
    public void CommonList_HoldsOnlyLowerCasePasswordsOfTwelveOrMore_WithoutSpaces()
    {
        PasswordPolicy.Common.Count.ShouldBeGreaterThan(100);
        foreach (var p in PasswordPolicy.Common)
        {
            p.Length.ShouldBeGreaterThanOrEqualTo(PasswordPolicy.MinLength, p);
            p.ShouldBe(p.ToLowerInvariant());
            p.Any(char.IsWhiteSpace).ShouldBeFalse(p);
        }
    }

    [Fact]
    public async Task ChangePassword_ToACommonOne_NamesTheNewField_AndKeepsTheOld()
    {
        var name = NewName();
        using var _ = await app.NewUserClientAsync("UTC", name);
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", SignIn(name, "correct horse battery"));

        var (_, common) = await browser.SubmitAsync("/password", new Dictionary<string, string> { ["Current"] = "correct horse battery", ["New"] = "iloveyou1234", ["Confirm"] = "iloveyou1234" });
        var (_, shortOne) = await browser.SubmitAsync("/password", new Dictionary<string, string> { ["Current"] = "correct horse battery", ["New"] = "eleven char", ["Confirm"] = "eleven char" });

        common.ShouldContain("id=\"new-error\"");
        common.ShouldContain("one of the most common ones");
        shortOne.ShouldContain("id=\"new-error\"");
        shortOne.ShouldContain("must be at least 12 characters");
        using var fresh = new Browserless(app.BaseAddress);
        (await fresh.SubmitAsync("/signin", SignIn(name, "iloveyou1234"))).Html.ShouldContain("do not match");
        (await fresh.SubmitAsync("/signin", SignIn(name, "correct horse battery"))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
    }

    [Theory]
    [InlineData("add")]
    [InlineData("password")]
    public async Task Cli_ShortOrCommonPassword_ExitsOneNamingThePassword(string verb)
    {
        var name = NewName();
        if (verb == "password")
        {
            using var _ = await app.NewUserClientAsync("UTC", name);
        }
        string[] args = verb == "add" ? ["user", "add", name, "--time-zone", "UTC", "--password-stdin"] : ["user", "password", name, "--password-stdin"];

        var common = await CliRun.RunAsync(args, app.DataDir, app.Clock, "qwertyuiopas\n");
        var tooShort = await CliRun.RunAsync(args, app.DataDir, app.Clock, "elevenchars\n");

        common.Exit.ShouldBe(1);
        common.Err.ShouldContain("password: " + PasswordPolicy.CommonMessage);
        tooShort.Exit.ShouldBe(1);
        tooShort.Err.ShouldContain("password:");
        tooShort.Err.ShouldContain("12");
    }

    [Fact]
    public async Task AnAccountWithAnEightCharacterPasswordFromBefore_StillSignsIn()
    {
        var name = NewName();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaneUser>>();
            var user = ((Outcome<WaneUser>.Ok)await scope.ServiceProvider.GetRequiredService<Accounts>().CreateAsync(name, "correct horse battery", "UTC")).Value;
            // As the 8-character rule stored it: the hash alone, no validator in the way.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, "8chars!!");
            (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        }
        using var browser = new Browserless(app.BaseAddress);

        var (response, _) = await browser.SubmitAsync("/signin", SignIn(name, "8chars!!"));

        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
    }
}

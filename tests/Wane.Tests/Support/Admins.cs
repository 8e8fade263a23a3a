using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.Admin;
using Wane.Features.Common;

namespace Wane.Tests.Support;

/// <summary>Admin intents for tests on a shared app.</summary>
internal static class Admins
{
    public const string Password = "correct horse battery";

    /// <summary>
    /// The instance's first account, "operator" (the admin), made when the app has no account yet, so the people a
    /// test makes afterwards are ordinary accounts in whatever order tests run.
    /// </summary>
    public static async Task EnsureOperatorAsync(WaneApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
        if (!await accounts.AnyAsync(CancellationToken.None))
        {
            (await accounts.CreateAsync("operator", Password, "UTC")).ShouldBeOfType<Outcome<WaneUser>.Ok>().Value.IsAdmin.ShouldBeTrue();
        }
    }

    /// <summary>A browser signed in as <paramref name="name"/>.</summary>
    public static async Task<Browserless> SignedInAsync(WaneApp app, string name)
    {
        var browser = new Browserless(app.BaseAddress);
        var (response, _) = await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = Password });
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        return browser;
    }

    public static async Task<string> IdOfAsync(WaneApp app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Accounts>().FindAsync(name)).ShouldNotBeNull().Id;
    }

    public static async Task DisableAsync(WaneApp app, string name)
    {
        var id = await IdOfAsync(app, name);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<DisableAccount>().DisableAsync(id, CancellationToken.None))
            .ShouldBeOfType<Outcome<DisableAccount.Result>.Ok>().Value.Changed.ShouldBeTrue();
    }

    public static async Task EnableAsync(WaneApp app, string name)
    {
        var id = await IdOfAsync(app, name);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<DisableAccount>().EnableAsync(id, CancellationToken.None))
            .ShouldBeOfType<Outcome<bool>.Ok>().Value.ShouldBeTrue();
    }
}

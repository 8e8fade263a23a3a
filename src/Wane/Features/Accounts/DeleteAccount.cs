using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>Deleting one's account: the password, typed again.</summary>
public sealed record DeleteAccountBody([property: Required] string? Password);

/// <summary>
/// Deletes an account and every row that belongs to it, in one transaction: doses and their audit trail
/// (with the client ids a retry is answered 410 by), products, plans and holds, check-ins, breaks,
/// guardrail settings, access tokens, the calendar feed, shares both ways (given and received) with their access logs, sign-in sessions, password-reset links and the failures counted
/// against the name and its second factor, and Identity's rows (claims, logins, tokens such as the
/// authenticator key and recovery codes, roles). Every session and token ends with it, at once: both are
/// looked up on each request. <c>AccountErasureTests</c> proves no row of the person is left in any table.
/// </summary>
internal sealed class DeleteAccount(WaneDb db, UserManager<WaneUser> users)
{
    public const string WrongPassword = "That is not your password; nothing was deleted.";

    /// <summary>The person's own deletion (web page, API): only with their password.</summary>
    public async Task<Outcome<int>> WithPasswordAsync(string userId, string? password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
        {
            return new Outcome<int>.NotFound("User");
        }
        if (string.IsNullOrEmpty(password))
        {
            return Outcome<int>.Fail("password", "Type your password to confirm; nothing was deleted.");
        }
        // Checked without counting a failure: a wrong password here stores nothing (the form is rate-limited
        // as the password form is, the API per token).
        if (!await users.CheckPasswordAsync(user, password).ConfigureAwait(false))
        {
            return Outcome<int>.Fail("password", WrongPassword);
        }
        return await EraseAsync(user, ct).ConfigureAwait(false);
    }

    /// <summary>Deletes the account and everything of it; returns how many rows were deleted.</summary>
    public async Task<int> EraseAsync(WaneUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.Id;
        var nameKeys = new[] { SignInGate.NameKey(user.NormalizedUserName ?? ""), SignInGate.NameKey("second-factor:" + id) };
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var rows = 0;
        // Children before parents, so no foreign key (dose → product is Restrict) and no cascade is relied on.
        // Shares both ways: the person's own (with their access logs), and those others gave the person, whose logs
        // record the person's looks. A COWS the person entered for someone keeps its check-in, which then says its
        // viewer's account is gone.
        var shares = db.Shares.Where(s => s.UserId == id || s.GranteeId == id).Select(s => s.Id);
        rows += await db.ShareAccesses.Where(a => a.UserId == id || shares.Contains(a.ShareId)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.Shares.Where(s => s.UserId == id || s.GranteeId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.PlanHolds.Where(h => h.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.Plans.Where(p => p.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.CheckIns.Where(c => c.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.Breaks.Where(b => b.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.GuardrailSettings.Where(g => g.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.DoseAudits.Where(a => a.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.Doses.Where(d => d.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.Products.Where(p => p.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.CalendarFeeds.Where(c => c.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.AccessTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.SigninSessions.Where(s => s.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.PendingImports.Where(p => p.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.SigninFailures.Where(f => nameKeys.Contains(f.NameHash)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.UserTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.UserLogins.Where(l => l.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.UserClaims.Where(c => c.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.UserPasskeys.Where(p => p.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        rows += await db.UserRoles.Where(r => r.UserId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        // Invitations are the admins', not the person's: they stay, without the account that made or used one.
        await db.Invitations.Where(i => i.UsedById == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.UsedById, (string?)null), ct).ConfigureAwait(false);
        await db.Invitations.Where(i => i.CreatedById == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.CreatedById, (string?)null), ct).ConfigureAwait(false);
        rows += await db.Users.Where(u => u.Id == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return rows;
    }
}

internal static class DeleteAccountEndpoint
{
    public static RouteGroupBuilder MapDeleteAccountEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/me/delete", Handle).WithName("DeleteMe").WithTags("Profile")
            .WithSummary("Delete your account and everything in it (your password confirms it)")
            .WithDescription("Deletes the account and every row of it: doses and their audit trail, products, plans, check-ins, breaks, settings, tokens (this one too), the calendar feed and sign-in sessions. It cannot be undone; export first (GET /api/v1/export). A missing or wrong password answers 400 naming password, and nothing is deleted.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Handle(
        DeleteAccountBody body, HttpContext http, DeleteAccount handler, CancellationToken ct) =>
        await handler.WithPasswordAsync(http.User.Id(), body.Password, ct).ConfigureAwait(false) switch
        {
            Outcome<int>.Ok => TypedResults.NoContent(),
            Outcome<int>.Invalid bad => ApiResults.Invalid(bad.Errors),
            _ => ApiResults.NotFound("User"),
        };
}

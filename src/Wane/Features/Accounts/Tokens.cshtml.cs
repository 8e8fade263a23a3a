using Microsoft.AspNetCore.Mvc;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

internal sealed class TokensModel(AccessTokens tokens) : FormPage
{
    public IReadOnlyList<AccessTokens.TokenView> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(User.Id(), ct);

    public async Task<IActionResult> OnPostCreateAsync(string? tokenName, CancellationToken ct)
    {
        switch (await tokens.CreateAsync(User.Id(), tokenName, ct))
        {
            case Outcome<(string Token, Data.Entities.AccessToken)>.Ok ok:
                NewToken = ok.Value.Token;
                break;
            case Outcome<(string, Data.Entities.AccessToken)>.Invalid bad:
                AddErrors(bad.Errors);
                break;
        }
        Tokens = await tokens.ListAsync(User.Id(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        await tokens.RevokeAsync(User.Id(), id, ct);
        return Redirect("/tokens");
    }
}

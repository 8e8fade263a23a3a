using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Wane.Data.Entities;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>First run: create the first account. Afterwards, sign-up only when the admin allows it.</summary>
internal sealed class SetupModel(Accounts accounts, SignInManager<WaneUser> signIn, SignUpPolicy policy) : FormPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    [BindProperty] public string? TimeZone { get; set; } = Accounts.MachineZone();

    public bool FirstAccount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FirstAccount = !await accounts.AnyAsync(ct);
        return FirstAccount || policy.Allowed ? Page() : Redirect("/signin");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        FirstAccount = !await accounts.AnyAsync(ct);
        if (!FirstAccount && !policy.Allowed)
        {
            return Redirect("/signin");
        }
        if (Password != Confirm)
        {
            AddErrors([new("confirm", "The two passwords differ.")]);
            return Page();
        }
        switch (await accounts.CreateAsync(Name, Password, TimeZone))
        {
            case Outcome<WaneUser>.Ok ok:
                await signIn.SignInAsync(ok.Value, isPersistent: true);
                return Redirect("/products?welcome=true");
            case Outcome<WaneUser>.Invalid bad:
                AddErrors(bad.Errors);
                return Page();
            default:
                throw new InvalidOperationException();
        }
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wane.Data.Entities;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>
/// A person's passkeys: the list (name, added on), adding one (the browser makes it: <c>/assets/passkeys.js</c> asks for
/// options, calls <c>navigator.credentials.create</c> and posts the answer back), renaming and removing. Adding needs
/// JavaScript; renaming and removing are plain forms.
/// </summary>
internal sealed class PasskeysModel(UserManager<WaneUser> users, SignInManager<WaneUser> signIn, Passkeys passkeys) : FormPage
{
    [BindProperty] public string? Credential { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public IReadOnlyList<Passkeys.PasskeyView> List { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() is null ? Redirect("/signin") : Page();

    /// <summary>The options for <c>navigator.credentials.create</c>, as JSON; the challenge waits in a short-lived cookie.</summary>
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Unauthorized();
        }
        var name = await users.GetUserNameAsync(user) ?? "";
        var json = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = name, DisplayName = name });
        return Content(json, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Redirect("/signin");
        }
        var name = Passkeys.CheckName(Name, DeviceName.From(Request.Headers.UserAgent.ToString()));
        if (name is Outcome<string>.Invalid bad)
        {
            return Refuse(bad.Errors);
        }
        if (string.IsNullOrWhiteSpace(Credential) || Credential.Length > Passkeys.MaxCredentialJsonLength)
        {
            return Refuse([new("credential", "No passkey came back from the browser. Try again with \"Add a passkey\".")]);
        }
        PasskeyAttestationResult result;
        try
        {
            result = await signIn.PerformPasskeyAttestationAsync(Credential);
        }
        catch (InvalidOperationException)
        {
            // No ceremony under way (its cookie expired or was never set): nothing to check the answer against.
            return Refuse([new("credential", "That took too long or was started elsewhere. Try again with \"Add a passkey\".")]);
        }
        if (!result.Succeeded)
        {
            return Refuse([new("credential", "That passkey could not be added: the browser's answer did not check out. Try again; nothing was stored.")]);
        }
        var passkey = result.Passkey;
        passkey.Name = ((Outcome<string>.Ok)name).Value;
        var stored = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!stored.Succeeded)
        {
            return Refuse([new("credential", "That passkey could not be stored. Try again.")]);
        }
        return Redirect("/passkeys?done=added");
    }

    public async Task<IActionResult> OnPostRenameAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Redirect("/signin");
        }
        if (await passkeys.FindAsync(user, Id) is not { } passkey)
        {
            return NotFound();
        }
        var name = Passkeys.CheckName(Name, passkey.Name ?? "Passkey");
        if (name is Outcome<string>.Invalid bad)
        {
            return Refuse([.. bad.Errors.Select(e => e with { Field = "name-" + Id })]);
        }
        await passkeys.RenameAsync(user, passkey, ((Outcome<string>.Ok)name).Value);
        return Redirect("/passkeys?done=renamed");
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Redirect("/signin");
        }
        if (await passkeys.FindAsync(user, Id) is not { } passkey)
        {
            return NotFound();
        }
        await passkeys.RemoveAsync(user, passkey);
        return Redirect("/passkeys?done=removed");
    }

    private PageResult Refuse(IEnumerable<Wane.Domain.FieldError> errors)
    {
        AddErrors(errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<WaneUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            List = await passkeys.ListAsync(user);
        }
        return user;
    }
}

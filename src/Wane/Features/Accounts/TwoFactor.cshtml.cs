using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>
/// Optional two-factor sign-in with an authenticator app (TOTP, RFC 6238, through Identity's authenticator
/// support), with ten single-use recovery codes shown once. Turning it off or making new codes asks for the
/// password.
/// </summary>
internal sealed class TwoFactorModel(UserManager<WaneUser> users, Accounts accounts) : FormPage
{
    private const int RecoveryCodeCount = 10;

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string? Key { get; private set; }
    public string? SetupUri { get; private set; }
    public string? QrDataUrl { get; private set; }
    public IReadOnlyList<string> NewCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() is null ? Redirect("/signin") : Page();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Redirect("/signin");
        }
        var code = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (Enabled)
        {
            return Redirect("/two-factor");
        }
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            AddErrors([new FieldError("code", "That code did not match. Enter the six digits the app shows now (they change every 30 seconds); check that the phone's clock is right.")]);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCodesAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Redirect("/signin");
        }
        if (!Enabled || !await PasswordMatchesAsync(user, "codesPassword"))
        {
            return Page();
        }
        NewCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Redirect("/signin");
        }
        if (!Enabled || !await PasswordMatchesAsync(user, "offPassword"))
        {
            return Page();
        }
        await accounts.TurnOffTwoFactorAsync(user.Id);
        return Redirect("/two-factor?done=off");
    }

    private async Task<bool> PasswordMatchesAsync(WaneUser user, string field)
    {
        if (await users.CheckPasswordAsync(user, Password ?? ""))
        {
            return true;
        }
        AddErrors([new FieldError(field, "That is not your password.")]);
        return false;
    }

    private async Task<WaneUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            Key = SetupUri = QrDataUrl = null;
            return user;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        Key = Grouped(key);
        var name = await users.GetUserNameAsync(user) ?? "";
        SetupUri = $"otpauth://totp/{Uri.EscapeDataString("Wane:" + name)}?secret={key}&issuer=Wane&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(SetupUri, QRCodeGenerator.ECCLevel.M);
        QrDataUrl = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(4));
        return user;
    }

    private static string Grouped(string key)
    {
        var sb = new StringBuilder(key.Length + key.Length / 4);
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                sb.Append(' ');
            }
            sb.Append(char.ToLowerInvariant(key[i]));
        }
        return sb.ToString();
    }
}

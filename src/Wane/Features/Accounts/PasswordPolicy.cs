using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Wane.Data.Entities;

namespace Wane.Features.Accounts;

/// <summary>
/// What a new password must be (OWASP ASVS 2.1.1, 2.1.2 and 2.1.7): at least <see cref="MinLength"/> characters
/// (Identity's own check, set from here), at most <see cref="MaxLength"/>, and not one of a short list of the
/// passwords people pick most often. Only new passwords are checked (first run, invitations, sign-up, change, reset, <c>wane user
/// add|password|reset-password</c>); an account made under the old 8-character rule still signs in.
/// </summary>
/// <remarks>
/// The list is written for Wane and shipped inside it: common words, keyboard rows and number runs of 12
/// characters or more. It is not a breached-password corpus (Wane makes no outbound calls, so it cannot ask
/// one), and it is compared after lower-casing and removing spaces, so "Password 1234" is refused too.
/// </remarks>
internal sealed class PasswordPolicy : IPasswordValidator<WaneUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;
    public const string TooLongCode = "PasswordTooLong";

    /// <summary>The error code: it starts with "Password" so every form puts it on its password field.</summary>
    public const string CommonCode = "PasswordCommon";

    public const string CommonMessage = "That password is one of the most common ones, which are guessed first. Choose another: a few unrelated words make a good one.";

    public static string TooShortMessage => $"Choose a password of at least {MinLength} characters.";

    public static string TooLongMessage => $"Keep the password to {MaxLength} characters or fewer.";

    public Task<IdentityResult> ValidateAsync(UserManager<WaneUser> manager, WaneUser user, string? password) =>
        Task.FromResult(
            password is { Length: > MaxLength } ? IdentityResult.Failed(new IdentityError { Code = TooLongCode, Description = TooLongMessage })
            : IsCommon(password) ? IdentityResult.Failed(new IdentityError { Code = CommonCode, Description = CommonMessage })
            : IdentityResult.Success);

    public static bool IsCommon(string? password) =>
        password is not null && Common.Contains(string.Concat(password.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant());

    // Lower case, without spaces; at least 12 characters each (shorter ones fail the length rule anyway).
    internal static readonly FrozenSet<string> Common = new[]
    {
        "password1234", "password12345", "password123456", "password1234567", "password12345678",
        "passwordpassword", "password123!", "password1234!", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234",
        "mypassword123", "mypassword1234", "newpassword123", "newpassword1234", "passwordqwerty",
        "123456789012", "1234567890123", "12345678901234", "123456789012345", "1234567890123456",
        "123456789123", "1234567891011", "123123123123", "123412341234", "121212121212", "123321123321",
        "987654321098", "098765432109", "0987654321098", "147258369147", "159357159357", "135792468013",
        "111111111111", "000000000000", "222222222222", "666666666666", "888888888888", "999999999999",
        "aaaaaaaaaaaa", "abcdefghijkl", "abcdefghijklm", "abcdefghijklmnop", "abcd12345678", "abc123456789",
        "abcabcabcabc", "abc123abc123",
        "qwertyuiopas", "qwertyuiop12", "qwertyuiop123", "qwertyuiop1234", "qwertyuiopasdf", "qwertyuiopasdfghjkl",
        "qwerty123456", "qwerty1234567", "123456qwerty", "qwertyqwerty", "qwerty123qwerty", "1234qwerasdf",
        "1234567890qwerty", "qwertyuiop[]", "asdfghjkl123", "asdfasdfasdf", "zxcvbnm12345",
        "zxcvbnm123456", "1q2w3e4r5t6y", "1q2w3e4r5t6y7u", "q1w2e3r4t5y6", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv",
        "qazwsxedcrfv", "qazwsxedcrfvtgb", "zaq12wsxcde3", "zaq1zaq1zaq1", "!qaz2wsx3edc",
        "iloveyou1234", "iloveyou12345", "iloveyouforever", "iloveyouiloveyou", "letmein12345", "letmeinplease",
        "welcome12345", "welcome123456", "welcometomyworld", "changeme1234", "changemenow1", "administrator",
        "administrator1", "adminadmin123", "admin1234567", "admin123456789", "rootpassword", "trustno1trustno1",
        "football1234", "baseball1234", "basketball12", "superman1234", "batman123456", "spiderman123",
        "sunshine1234", "princess1234", "starwars1234", "dragon123456", "monkey123456", "shadow123456",
        "master123456", "whatever1234", "computer1234", "internet1234", "liverpool123", "chelsea12345",
        "correcthorsebatterystaple", "thequickbrownfox", "thequickbrownfoxjumpsoverthelazydog",
        "secretpassword", "supersecret123", "opensesame123", "helloworld123", "hellohello12",
    }.ToFrozenSet(StringComparer.Ordinal);
}

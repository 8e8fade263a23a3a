namespace Wane.Features.Accounts;

/// <summary>Whether people may create their own accounts after the first one (setting Accounts:AllowSignUp).</summary>
internal sealed record SignUpPolicy(bool Allowed);

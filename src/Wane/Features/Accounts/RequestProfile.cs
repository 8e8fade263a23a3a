using Wane.Domain.Time;

namespace Wane.Features.Accounts;

/// <summary>
/// What the API's token lookup read about the signed-in person, remembered for one request (scope): their
/// local days and their stored guardrail settings, which logging a dose needs. Reading them with the token
/// saves a query each, on every request.
/// </summary>
internal sealed class RequestProfile
{
    private (string UserId, LocalDays Days)? _days;
    private (string UserId, string? Json)? _guardrails;

    public void Remember(string userId, LocalDays days) => _days = (userId, days);

    /// <summary>Remembers the person's stored guardrail settings (null: the defaults).</summary>
    public void RememberGuardrails(string userId, string? json) => _guardrails = (userId, json);

    public LocalDays? DaysOf(string userId) => _days is { } k && k.UserId == userId ? k.Days : null;

    /// <summary>Whether the settings are known; <paramref name="json"/> is then the stored settings, or null for the defaults.</summary>
    public bool TryGuardrails(string userId, out string? json)
    {
        var known = _guardrails is { } g && g.UserId == userId;
        json = known ? _guardrails!.Value.Json : null;
        return known;
    }

    public void ForgetDays() => _days = null;

    public void ForgetGuardrails() => _guardrails = null;
}

namespace Wane.Domain.CheckIns;

/// <summary>What to show, at once, for the red flags reported in a check-in.</summary>
public static class RedFlags
{
    /// <summary>The resources for these flags: distinct, most urgent first; never empty for a non-empty input.</summary>
    public static IReadOnlyList<CrisisResource> ResourcesFor(IEnumerable<RedFlag> flags) =>
        throw new NotImplementedException();
}

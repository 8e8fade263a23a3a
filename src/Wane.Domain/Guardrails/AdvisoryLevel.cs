namespace Wane.Domain.Guardrails;

/// <summary>How serious an advisory is. Advisories never refuse a dose; they inform the person.</summary>
public enum AdvisoryLevel
{
    /// <summary>Worth knowing; shown after logging.</summary>
    Info,
    /// <summary>Worth a second thought; the web and CLI ask before logging.</summary>
    Caution,
    /// <summary>A real hazard (overdose, dangerous combination); the web and CLI ask before logging.</summary>
    Danger,
}

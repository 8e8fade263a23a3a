namespace Wane.Domain.Journal;

/// <summary>The class of a non-kratom, non-opioid product; several are CNS depressants that matter for safety.</summary>
public enum OtherClass
{
    /// <summary>Alcohol (a CNS depressant).</summary>
    Alcohol,
    /// <summary>A benzodiazepine (a CNS depressant).</summary>
    Benzodiazepine,
    /// <summary>Gabapentin or pregabalin (a CNS depressant).</summary>
    Gabapentinoid,
    /// <summary>A stimulant.</summary>
    Stimulant,
    /// <summary>Cannabis.</summary>
    Cannabis,
    /// <summary>Anything else.</summary>
    Other,
}

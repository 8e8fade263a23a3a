namespace Wane.Domain.Tapering;

/// <summary>The shape of a taper (see reference/tapering.md, "Shapes of a taper").</summary>
public enum PaceKind
{
    /// <summary>The same absolute cut each step: D_n = D_0 − n·amount.</summary>
    Linear,
    /// <summary>
    /// A percent of the current amount each step: D_n = D_0·(1 − p)^n. The cuts shrink as the
    /// amount falls, which is the "hyperbolic-style" option: it approximates equal steps of effect
    /// (Horowitz &amp; Taylor 2019, SSRIs) without pretending to compute receptor occupancy, for which
    /// no human data exist for kratom alkaloids.
    /// </summary>
    Percent,
    /// <summary>
    /// CDC 2022 for opioids used weeks to months: cut 10% of the original amount each step until
    /// about 30% of it remains, then 10% of the remaining amount each step.
    /// </summary>
    CdcShort,
    /// <summary>An explicit list of daily amounts, one per step after the start amount; never increasing.</summary>
    Steps,
}

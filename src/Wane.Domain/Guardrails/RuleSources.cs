namespace Wane.Domain.Guardrails;

/// <summary>The sources behind the rules (Wane's reference files, restated).</summary>
public static class RuleSources
{
    /// <summary>The method's own rules: community self-help practice, not validated.</summary>
    public static readonly Source Method = new(
        "The kratom substitution-and-taper self-help method's five rules (community practice; not validated in studies)");

    /// <summary>How long oral kratom's effects last.</summary>
    public static readonly Source Duration = new(
        "Oral kratom: effects 2–5 h (DEA Drug Fact Sheet: Kratom); offset 3–6 h (PsychonautWiki); after-effects 1–12 h (TripSit)");

    /// <summary>Tolerance and dependence.</summary>
    public static readonly Source Tolerance = new(
        "Tolerance builds with repeated use, about half gone in 3–7 days (PsychonautWiki, community-reported); regular use is linked to dependence and withdrawal (Singh et al., Drug Alcohol Depend 2014;139:132–7)");

    /// <summary>How much alkaloid content varies between products.</summary>
    public static readonly Source Potency = new(
        "Mitragynine content varies: commercial leaf 2.8–20 mg/g, products with extracts 13.9–270 mg/g (Fowble & Musah, Forensic Sci Int 2019;299:195–202)");

    /// <summary>Dangerous combinations.</summary>
    public static readonly Source Interactions = new(
        "Interaction levels restated from TripSit (opioid class) and PsychonautWiki's kratom page (CC BY-SA 4.0); CDC 2022 warns against combining opioids and benzodiazepines");

    /// <summary>Lost tolerance after a pause.</summary>
    public static readonly Source LostTolerance = new(
        "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022 (returning to a former dose after tolerance falls can cause a fatal overdose); naloxone is sold over the counter in the US since 29 Mar 2023",
        Source.Cdc2022.Url);

    /// <summary>Concentrated 7-OH products.</summary>
    public static readonly Source SevenOh = new(
        "HHS/FDA recommendation of 29 Jul 2025 to place concentrated 7-hydroxymitragynine products in Schedule I; DEA notice of intent of 1 Jul 2026 (whether in effect: unverified)");

    /// <summary>CDC 2022 on daily opioid totals of 50 MME or more.</summary>
    public static readonly Source HighDose = new(
        "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022: at 50 MME/day or more, extra precautions and offering naloxone",
        Source.Cdc2022.Url);
}

namespace Wane.Domain.CheckIns;

/// <summary>When withdrawal scores suggest holding the current taper step.</summary>
/// <param name="Threshold">Hold when the latest SOWS total is at least this (default 11: the start of the "moderate" band used in NIDA CTN research, not a clinical cut-off).</param>
/// <param name="Rise">Hold when the latest SOWS total is at least this many points above the plan's baseline (the median of the first three SOWS during the plan).</param>
public sealed record HoldSettings(int Threshold = 11, int Rise = 6);

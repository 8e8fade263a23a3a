namespace Wane.Domain.Journal;

/// <summary>When a dose was taken relative to food (rule R5: dose before meals).</summary>
public enum MealTiming
{
    /// <summary>On an empty stomach.</summary>
    Empty,
    /// <summary>Before a meal.</summary>
    Before,
    /// <summary>With a meal.</summary>
    With,
    /// <summary>After a large meal.</summary>
    AfterLarge,
}

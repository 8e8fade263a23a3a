using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wane.Domain;

namespace Wane.Data;

/// <summary>
/// An enum stored under its wire name (<see cref="WireName"/>: "active", "sows"), for the columns that held those
/// strings before they were typed, so rows already stored read back unchanged.
/// </summary>
public sealed class WireNameConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => WireName.Of(value),
    text => Read(text))
    where TEnum : struct, Enum
{
    private static TEnum Read(string text) =>
        WireName.TryParse<TEnum>(text, out var value) ? value.Value : throw new InvalidOperationException($"Unknown {typeof(TEnum).Name} \"{text}\" in the database.");
}

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Wane.Data;

/// <summary>Stores an <see cref="Instant"/> as a UTC <see cref="DateTime"/>, which every provider orders and compares natively.</summary>
public sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    i => i.ToDateTimeUtc(),
    d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));

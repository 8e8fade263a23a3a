using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Wane.Data;

/// <summary>
/// Stores an <see cref="Instant"/> as a UTC <see cref="DateTime"/>, which every provider orders and compares
/// natively, to the whole microsecond (<see cref="StoredPrecision.Instant"/>): PostgreSQL keeps microseconds,
/// so finer digits are dropped on every provider and a value reads back the same on each (ADR 0017).
/// </summary>
public sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    i => StoredPrecision.Instant(i).ToDateTimeUtc(),
    d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));

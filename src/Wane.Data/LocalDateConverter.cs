using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Wane.Data;

/// <summary>Stores a <see cref="LocalDate"/> as a <see cref="DateOnly"/> (a date column on every provider).</summary>
public sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(
    d => d.ToDateOnly(),
    d => LocalDate.FromDateOnly(d));

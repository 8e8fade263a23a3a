using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Wane.Data;

/// <summary>A decimal in PostgreSQL's unconstrained numeric, read back in the form SQLite reads it (<see cref="StoredPrecision.Number"/>).</summary>
public sealed class DecimalConverter() : ValueConverter<decimal, decimal>(
    d => d,
    d => StoredPrecision.Number(d));

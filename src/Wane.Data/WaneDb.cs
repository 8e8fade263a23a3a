using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Wane.Data.Entities;
using Wane.Domain.CheckIns;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;
using Wane.Domain.Tapering;
using Wane.Domain.Units;

namespace Wane.Data;

/// <summary>
/// The one database. The model is provider-neutral; each provider has its own subclass so that it
/// can keep its own migrations (<see cref="SqliteWaneDb"/>).
/// </summary>
public abstract partial class WaneDb(DbContextOptions options) : IdentityDbContext<WaneUser>(options), IDataProtectionKeyContext
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Dose> Doses => Set<Dose>();
    public DbSet<DoseAudit> DoseAudits => Set<DoseAudit>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<GuardrailSettingsRow> GuardrailSettings => Set<GuardrailSettingsRow>();
    public DbSet<Break> Breaks => Set<Break>();
    public DbSet<PlanRow> Plans => Set<PlanRow>();
    public DbSet<PlanHold> PlanHolds => Set<PlanHold>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<CheckInRow> CheckIns => Set<CheckInRow>();
    public DbSet<SigninSession> SigninSessions => Set<SigninSession>();
    public DbSet<SigninFailure> SigninFailures => Set<SigninFailure>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Share> Shares => Set<Share>();
    public DbSet<ShareAccess> ShareAccesses => Set<ShareAccess>();

    /// <summary>
    /// Identity's schema version: 3 has the passkeys table. Identity reads it from <see cref="IdentityOptions"/> in the
    /// application's services when it builds the model, so the app sets it there (<c>Stores.SchemaVersion</c>) from this
    /// value, and a WaneDb made without the app's services (the design-time factory, tests) is given it in
    /// <see cref="OnConfiguring"/>: every model of WaneDb, and so every migration, is the same.
    /// </summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    private static readonly Lazy<IServiceProvider> IdentityDefaults = new(() => new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchema)
        .BuildServiceProvider());

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentityDefaults.Value);
        }
        base.OnConfiguring(optionsBuilder);
    }

    /// <summary>
    /// A person's doses with <c>from ≤ TakenAt &lt; until</c>, oldest first (ties by id), leaving out the dose
    /// <paramref name="excludedId"/> (0 leaves out none). Every dose logged reads such a window, so a provider
    /// may read it faster; this is the provider-neutral query.
    /// </summary>
    public virtual Task<List<DoseWindowRow>> DoseWindowAsync(string userId, Instant from, Instant until, long excludedId, CancellationToken ct) =>
        DoseWindowQueryAsync(userId, from, until, excludedId, ct);

    /// <summary>The provider-neutral form of <see cref="DoseWindowAsync"/>, through EF's query pipeline.</summary>
    public async Task<List<DoseWindowRow>> DoseWindowQueryAsync(string userId, Instant from, Instant until, long excludedId, CancellationToken ct)
    {
        var rows = new List<DoseWindowRow>();
        var read = ReadDoseWindow.GetOrAdd(GetType(), _ => CompileDoseWindow());
        await foreach (var row in read(this, userId, from, until, excludedId).WithCancellation(ct).ConfigureAwait(false))
        {
            rows.Add(row);
        }
        return rows;
    }

    // A compiled query belongs to one model, and each provider's context has its own: one per context type.
    private static readonly ConcurrentDictionary<Type, Func<WaneDb, string, Instant, Instant, long, IAsyncEnumerable<DoseWindowRow>>> ReadDoseWindow = new();

    private static Func<WaneDb, string, Instant, Instant, long, IAsyncEnumerable<DoseWindowRow>> CompileDoseWindow() =>
        EF.CompileAsyncQuery((WaneDb db, string userId, Instant from, Instant until, long excludedId) =>
            db.Doses.AsNoTracking()
                .Where(d => d.UserId == userId && d.TakenAt >= from && d.TakenAt < until && d.Id != excludedId)
                .OrderBy(d => d.TakenAt).ThenBy(d => d.Id)
                .Select(d => new DoseWindowRow(d.TakenAt, d.ProductId, d.Kind, d.Amount, d.Unit, d.NormalizedAmount, d.NormalizedUnit,
                    d.NormalizationNote, d.Meal, d.Reason, d.PainBefore)));

    /// <summary>
    /// Stores a new dose and sets its id. A <see cref="DbUpdateException"/> means a constraint refused it (a
    /// client id already used). Every dose logged comes through here, so a provider may store it faster;
    /// this is the provider-neutral way.
    /// </summary>
    public virtual Task AddDoseAsync(Dose dose, CancellationToken ct) => AddDoseThroughChangeTrackerAsync(dose, ct);

    /// <summary>
    /// Whether a save was refused by a unique index (a client id, a name already counted), as opposed to any other
    /// constraint: the caller may then read the row that won. Each provider names it its own way.
    /// </summary>
    public abstract bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>The provider-neutral form of <see cref="AddDoseAsync"/>: EF's change tracker and SaveChanges.</summary>
    public async Task AddDoseThroughChangeTrackerAsync(Dose dose, CancellationToken ct)
    {
        Doses.Add(dose);
        try
        {
            await SaveChangesAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            Entry(dose).State = EntityState.Detached;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        // Enums are stored by name: readable in the database and stable if members are reordered.
        configurationBuilder.Properties<ProductKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ProductForm>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OpioidName>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OtherClass>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DoseUnit>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MealTiming>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DoseReason>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<NormalUnit>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<NormalizationNote>().HaveConversion<string>().HaveMaxLength(16);
        ConfigureDecimals(configurationBuilder);
    }

    /// <summary>How decimals are stored; a provider whose column would change a value stores them its own way.</summary>
    protected virtual void ConfigureDecimals(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<WaneUser>(u =>
        {
            u.Property(x => x.TimeZone).HasMaxLength(64);
            u.Property(x => x.PreferredUnit).HasMaxLength(16);
            u.Property(x => x.HoldThreshold).HasDefaultValue(11);
            u.Property(x => x.HoldRise).HasDefaultValue(6);
            // Identity's store saves the whole user; it must never write back a stale step (a code used twice).
            u.Property(x => x.TotpLastStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
            // Nor may a profile or password save undo an admin's disable or a change of admins made meanwhile.
            u.Property(x => x.IsAdmin).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
            u.Property(x => x.DisabledAt).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
            u.Property(x => x.LastSignInAt).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        });

        builder.Entity<Product>(p =>
        {
            p.ToTable("products");
            p.Property(x => x.UserId).HasMaxLength(64);
            p.Property(x => x.Name).HasMaxLength(ProductRules.MaxLabelLength);
            p.Property(x => x.Strain).HasMaxLength(ProductRules.MaxLabelLength);
            p.Property(x => x.Batch).HasMaxLength(ProductRules.MaxLabelLength);
            p.Property(x => x.Favourites).HasMaxLength(FavouriteAmounts.MaxStoredLength);
            p.HasIndex(x => new { x.UserId, x.Name });
            p.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Dose>(d =>
        {
            d.ToTable("doses");
            d.Property(x => x.UserId).HasMaxLength(64);
            d.Property(x => x.Note).HasMaxLength(DoseRules.MaxNoteLength);
            d.HasIndex(x => new { x.UserId, x.TakenAt });
            d.HasIndex(x => new { x.UserId, x.ClientId }).IsUnique();
            d.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
            d.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            d.Ignore(x => x.Normalized);
        });

        builder.Entity<DoseAudit>(a =>
        {
            a.ToTable("dose_audits");
            a.Property(x => x.UserId).HasMaxLength(64);
            a.Property(x => x.Action).HasMaxLength(16);
            a.HasIndex(x => new { x.UserId, x.DoseId });
            a.HasIndex(x => new { x.UserId, x.ClientId });
            a.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<GuardrailSettingsRow>(g =>
        {
            g.ToTable("guardrail_settings");
            g.HasKey(x => x.UserId);
            g.Property(x => x.UserId).HasMaxLength(64);
            g.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Break>(b =>
        {
            b.ToTable("breaks");
            b.Property(x => x.UserId).HasMaxLength(64);
            b.Property(x => x.Note).HasMaxLength(200);
            b.HasIndex(x => new { x.UserId, x.From });
            b.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PlanRow>(p =>
        {
            p.ToTable("plans");
            p.Property(x => x.UserId).HasMaxLength(64);
            p.Property(x => x.Status).HasConversion<WireNameConverter<PlanStatus>>().HasMaxLength(16);
            p.HasIndex(x => new { x.UserId, x.Status });
            p.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PlanHold>(h =>
        {
            h.ToTable("plan_holds");
            h.Property(x => x.UserId).HasMaxLength(64);
            h.Property(x => x.Reason).HasMaxLength(200);
            h.HasIndex(x => new { x.UserId, x.PlanId });
            h.HasOne<PlanRow>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CalendarFeed>(c =>
        {
            c.ToTable("calendar_feeds");
            c.HasKey(x => x.UserId);
            c.Property(x => x.UserId).HasMaxLength(64);
            c.Property(x => x.SecretHash).HasMaxLength(64);
            c.HasIndex(x => x.SecretHash).IsUnique();
            c.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CheckInRow>(c =>
        {
            c.ToTable("checkins");
            c.Property(x => x.UserId).HasMaxLength(64);
            c.Property(x => x.Instrument).HasConversion<WireNameConverter<InstrumentKind>>().HasMaxLength(8);
            c.Property(x => x.Band).HasMaxLength(32);
            c.Property(x => x.RedFlags).HasMaxLength(100);
            c.HasIndex(x => new { x.UserId, x.TakenAt });
            c.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        ConfigureSharing(builder);

        builder.Entity<SigninSession>(s =>
        {
            s.ToTable("signin_sessions");
            s.Property(x => x.UserId).HasMaxLength(64);
            s.Property(x => x.KeyHash).HasMaxLength(64);
            s.Property(x => x.UserAgent).HasMaxLength(256);
            s.HasIndex(x => x.KeyHash).IsUnique();
            s.HasIndex(x => x.UserId);
            s.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        ConfigureImportsAndInvitations(builder);

        builder.Entity<SigninFailure>(f =>
        {
            f.ToTable("signin_failures");
            f.HasKey(x => x.NameHash);
            f.Property(x => x.NameHash).HasMaxLength(64);
        });

        builder.Entity<AccessToken>(t =>
        {
            t.ToTable("access_tokens");
            t.Property(x => x.UserId).HasMaxLength(64);
            t.Property(x => x.Name).HasMaxLength(100);
            t.Property(x => x.Hash).HasMaxLength(64);
            t.Property(x => x.Prefix).HasMaxLength(16);
            t.HasIndex(x => x.Hash).IsUnique();
            t.HasIndex(x => x.UserId);
            t.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

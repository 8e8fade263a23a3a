using Microsoft.EntityFrameworkCore;
using Wane.Data.Entities;

namespace Wane.Data;

public abstract partial class WaneDb
{
    private static void ConfigureSharing(ModelBuilder builder)
    {
        builder.Entity<Share>(s =>
        {
            s.ToTable("shares");
            s.Property(x => x.UserId).HasMaxLength(64);
            s.Property(x => x.GranteeId).HasMaxLength(64);
            s.Property(x => x.SecretHash).HasMaxLength(64);
            s.Property(x => x.Label).HasMaxLength(100);
            s.Property(x => x.PinHash).HasMaxLength(256);
            s.Property(x => x.Scopes).HasMaxLength(64);
            s.HasIndex(x => x.UserId);
            s.HasIndex(x => x.GranteeId);
            s.HasIndex(x => x.SecretHash).IsUnique();
            s.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            s.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.GranteeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ShareAccess>(a =>
        {
            a.ToTable("share_accesses");
            a.Property(x => x.UserId).HasMaxLength(64);
            a.Property(x => x.What).HasMaxLength(16);
            a.HasIndex(x => new { x.ShareId, x.At });
            a.HasIndex(x => x.UserId);
            a.HasOne<Share>().WithMany().HasForeignKey(x => x.ShareId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

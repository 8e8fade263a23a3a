using Microsoft.EntityFrameworkCore;
using Wane.Data.Entities;

namespace Wane.Data;

public abstract partial class WaneDb
{
    /// <summary>Files checked on the import page and waiting for their confirmation, and the admins' sign-up invitations.</summary>
    private static void ConfigureImportsAndInvitations(ModelBuilder builder)
    {
        builder.Entity<PendingImport>(p =>
        {
            p.ToTable("pending_imports");
            p.Property(x => x.UserId).HasMaxLength(64);
            p.Property(x => x.KeyHash).HasMaxLength(64);
            p.Property(x => x.Format).HasMaxLength(16);
            p.HasIndex(x => x.KeyHash).IsUnique();
            p.HasIndex(x => x.UserId);
            p.HasIndex(x => x.ExpiresAt);
            p.HasOne<WaneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Invitation>(i =>
        {
            i.ToTable("invitations");
            i.Property(x => x.SecretHash).HasMaxLength(64);
            i.Property(x => x.Note).HasMaxLength(Invitation.MaxNoteLength);
            i.Property(x => x.CreatedById).HasMaxLength(64);
            i.Property(x => x.UsedById).HasMaxLength(64);
            i.HasIndex(x => x.SecretHash).IsUnique();
        });
    }
}

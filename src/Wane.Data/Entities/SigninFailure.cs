using NodaTime;

namespace Wane.Data.Entities;

/// <summary>
/// Failed sign-ins for one typed name, existing or not (keyed by a hash of the normalized name, so the
/// table neither lists nor reveals which names exist). Reset by a successful sign-in.
/// </summary>
public class SigninFailure
{
    public required string NameHash { get; set; }
    public int Count { get; set; }
    public Instant LastAt { get; set; }
}

namespace Wane.Domain.Journal;

/// <summary>The physical form of a product, which decides the units that fit it.</summary>
public enum ProductForm
{
    /// <summary>Loose powder or leaf.</summary>
    Powder,
    /// <summary>Capsules.</summary>
    Capsule,
    /// <summary>An extract (resin, concentrate, shot).</summary>
    Extract,
    /// <summary>Tablets.</summary>
    Tablet,
    /// <summary>A liquid.</summary>
    Liquid,
    /// <summary>A transdermal patch.</summary>
    Patch,
    /// <summary>Anything else.</summary>
    Other,
}

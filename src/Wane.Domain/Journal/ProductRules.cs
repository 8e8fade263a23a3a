using Wane.Domain.Opioids;

namespace Wane.Domain.Journal;

/// <summary>Validation of products (the person's stash).</summary>
public static class ProductRules
{
    /// <summary>Longest product name, strain or batch label.</summary>
    public const int MaxLabelLength = 100;

    /// <summary>Checks a draft; returns the product or every problem found.</summary>
    public static (ValidProduct? Product, IReadOnlyList<FieldError> Errors) Validate(ProductDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        var name = Label(draft.Name, "name", required: true, errors);
        var strain = Label(draft.Strain, "strain", required: false, errors);
        var batch = Label(draft.Batch, "batch", required: false, errors);

        ProductKind? kind = null;
        if (WireName.TryParse<ProductKind>(draft.Kind, out var k))
        {
            kind = k;
        }
        else
        {
            errors.Add(new("kind", OneOf(draft.Kind, WireName.All<ProductKind>())));
        }

        ProductForm? form = null;
        if (WireName.TryParse<ProductForm>(draft.Form, out var f))
        {
            form = f;
        }
        else
        {
            errors.Add(new("form", OneOf(draft.Form, WireName.All<ProductForm>())));
        }

        OpioidName? opioid = null;
        if (!string.IsNullOrWhiteSpace(draft.Opioid))
        {
            if (WireName.TryParse<OpioidName>(draft.Opioid, out var o))
            {
                opioid = o;
            }
            else
            {
                errors.Add(new("opioid", OneOf(draft.Opioid, WireName.All<OpioidName>()) + " Buprenorphine has no CDC conversion factor, so it can be recorded as kind \"other\"."));
            }
        }

        OtherClass? otherClass = null;
        if (!string.IsNullOrWhiteSpace(draft.OtherClass))
        {
            if (WireName.TryParse<OtherClass>(draft.OtherClass, out var c))
            {
                otherClass = c;
            }
            else
            {
                errors.Add(new("otherClass", OneOf(draft.OtherClass, WireName.All<OtherClass>())));
            }
        }

        if (kind == ProductKind.Opioid && opioid is null && string.IsNullOrWhiteSpace(draft.Opioid))
        {
            errors.Add(new("opioid", "Say which opioid this is: " + string.Join(", ", WireName.All<OpioidName>()) + "."));
        }
        if (kind is not null and not ProductKind.Opioid && opioid is not null)
        {
            errors.Add(new("opioid", "Only an opioid product names an opioid; set kind to \"opioid\" or leave this empty."));
        }
        if (kind is not null and not ProductKind.Other && otherClass is not null)
        {
            errors.Add(new("otherClass", "Only a product of kind \"other\" has a class; leave this empty."));
        }
        if (form == ProductForm.Patch && kind is not null && kind != ProductKind.Other && opioid != OpioidName.Fentanyl)
        {
            errors.Add(new("form", "CDC 2022 gives a patch conversion factor only for fentanyl; a kratom or other opioid product cannot be a patch."));
        }

        Strength(draft.GramsPerCapsule, "gramsPerCapsule", 5m, "g", errors);
        Strength(draft.GramsPerTeaspoon, "gramsPerTeaspoon", 20m, "g", errors);
        Strength(draft.MgPerTablet, "mgPerTablet", 5000m, "mg", errors);
        Strength(draft.MgPerMl, "mgPerMl", 1000m, "mg", errors);

        if (errors.Count > 0 || kind is null || form is null || name is null)
        {
            return (null, errors);
        }
        var spec = new ProductSpec(
            kind.Value,
            form.Value,
            opioid,
            kind == ProductKind.Other ? otherClass ?? Journal.OtherClass.Other : null,
            draft.GramsPerCapsule,
            draft.GramsPerTeaspoon,
            draft.MgPerTablet,
            draft.MgPerMl,
            draft.Concentrated7OH);
        return (new ValidProduct(name, strain, batch, draft.InStock, spec), errors);
    }

    private static string? Label(string? value, string field, bool required, List<FieldError> errors)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            if (required)
            {
                errors.Add(new(field, "Give the product a name, for example \"Red Bali\"."));
            }
            return null;
        }
        if (v.Length > MaxLabelLength)
        {
            errors.Add(new(field, $"Keep this to {MaxLabelLength} characters or fewer (it has {v.Length})."));
            return null;
        }
        if (FreeText.HasLineControl(v))
        {
            errors.Add(new(field, FreeText.LineControlMessage));
            return null;
        }
        return v;
    }

    private static void Strength(decimal? value, string field, decimal max, string unit, List<FieldError> errors)
    {
        if (value is { } v && (v <= 0 || v > max))
        {
            errors.Add(new(field, $"Must be more than 0 and at most {max} {unit}."));
        }
    }

    internal static string OneOf(string? got, IReadOnlyList<string> allowed) =>
        (string.IsNullOrWhiteSpace(got) ? "Missing." : $"\"{Short(got)}\" is not known.") + " Use one of: " + string.Join(", ", allowed) + ".";

    private static string Short(string t) => t.Length <= 30 ? t : t[..30] + "…";
}

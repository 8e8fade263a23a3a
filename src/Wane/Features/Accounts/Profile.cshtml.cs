using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Wane.Domain;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

internal sealed class ProfileModel(Profile profile) : FormPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? TimeZone { get; set; }
    [BindProperty] public string? DayStartHour { get; set; }
    [BindProperty] public string? PreferredUnit { get; set; }
    [BindProperty] public string? HoldThreshold { get; set; }
    [BindProperty] public string? HoldRise { get; set; }

    public bool Saved { get; private set; }

    /// <summary>Whether the person administers the instance (the profile links to /admin then).</summary>
    public bool IsAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        var user = await profile.UserAsync(User.Id(), ct);
        if (user is null)
        {
            return Redirect("/signin");
        }
        Saved = saved;
        IsAdmin = user.IsAdmin;
        Name = user.UserName;
        TimeZone = user.TimeZone;
        DayStartHour = user.DayStartHour.ToString(CultureInfo.InvariantCulture);
        PreferredUnit = user.PreferredUnit;
        HoldThreshold = user.HoldThreshold.ToString(CultureInfo.InvariantCulture);
        HoldRise = user.HoldRise.ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        int? hour = null;
        if (int.TryParse(DayStartHour, NumberStyles.Integer, CultureInfo.InvariantCulture, out var h))
        {
            hour = h;
        }
        else
        {
            AddErrors([new FieldError("dayStartHour", "The day-start hour is a whole hour from 0 to 23.")]);
            return Page();
        }
        int? Whole(string? text, string field)
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            {
                return v;
            }
            AddErrors([new FieldError(field, "Use a whole number from 1 to 64.")]);
            return null;
        }
        var threshold = Whole(HoldThreshold, "holdThreshold");
        var rise = Whole(HoldRise, "holdRise");
        if (Errors.Count > 0)
        {
            return Page();
        }
        switch (await profile.UpdateAsync(User.Id(), new MeBody(Name, TimeZone, hour, PreferredUnit, threshold, rise), ct))
        {
            case Outcome<MeView>.Ok:
                return Redirect("/profile?saved=true");
            case Outcome<MeView>.Invalid bad:
                AddErrors(bad.Errors);
                return Page();
            default:
                return Redirect("/signin");
        }
    }
}

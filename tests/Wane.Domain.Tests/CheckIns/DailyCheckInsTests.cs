using Shouldly;
using Wane.Domain.CheckIns;

namespace Wane.Domain.Tests.CheckIns;

public class DailyCheckInsTests
{
    private static readonly DailyDraft Good = new(3, 4, 2, 6, "Slept badly.", ["liver"]);

    private static FieldError OneError(DailyDraft draft)
    {
        var (checkIn, errors) = DailyCheckIns.Validate(draft);
        checkIn.ShouldBeNull();
        return errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void Validate_Valid_CheckIn()
    {
        var (checkIn, errors) = DailyCheckIns.Validate(Good);
        errors.ShouldBeEmpty();
        var c = checkIn.ShouldNotBeNull();
        (c.Pain, c.Sleep, c.Mood, c.Craving, c.Note).ShouldBe((3, 4, 2, 6, "Slept badly."));
        c.RedFlags.ShouldBe([RedFlag.Liver]);
    }

    [Theory]
    [InlineData(0, 1, 1, 0)]
    [InlineData(10, 5, 5, 10)]
    public void Validate_RangeEnds_Accepted(int pain, int sleep, int mood, int craving) =>
        DailyCheckIns.Validate(new(pain, sleep, mood, craving, null, null)).CheckIn.ShouldNotBeNull();

    [Theory]
    [InlineData(-1, 3, 3, 3, "answers.pain")]
    [InlineData(11, 3, 3, 3, "answers.pain")]
    [InlineData(3, 0, 3, 3, "answers.sleep")]
    [InlineData(3, 6, 3, 3, "answers.sleep")]
    [InlineData(3, 3, 0, 3, "answers.mood")]
    [InlineData(3, 3, 6, 3, "answers.mood")]
    [InlineData(3, 3, 3, -1, "answers.craving")]
    [InlineData(3, 3, 3, 11, "answers.craving")]
    public void Validate_OutOfRange_ErrorOnThatAnswer(int pain, int sleep, int mood, int craving, string field) =>
        OneError(new(pain, sleep, mood, craving, null, null)).Field.ShouldBe(field);

    [Fact]
    public void Validate_AllMissing_FourErrors()
    {
        var (checkIn, errors) = DailyCheckIns.Validate(new(null, null, null, null, null, null));
        checkIn.ShouldBeNull();
        errors.Select(e => e.Field).ShouldBe(["answers.pain", "answers.sleep", "answers.mood", "answers.craving"]);
        errors.ShouldAllBe(e => e.Message.StartsWith("Missing.", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoteAtTheLimit_Accepted() =>
        DailyCheckIns.Validate(Good with { Note = new string('a', DailyCheckIns.MaxNoteLength) })
            .CheckIn.ShouldNotBeNull().Note!.Length.ShouldBe(2000);

    [Fact]
    public void Validate_NoteOverTheLimit_ErrorOnNote() =>
        OneError(Good with { Note = new string('a', DailyCheckIns.MaxNoteLength + 1) }).Field.ShouldBe("note");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_BlankNote_Null(string? note) =>
        DailyCheckIns.Validate(Good with { Note = note }).CheckIn.ShouldNotBeNull().Note.ShouldBeNull();

    [Fact]
    public void Validate_NoteWithSpaces_Trimmed() =>
        DailyCheckIns.Validate(Good with { Note = "  ok  " }).CheckIn.ShouldNotBeNull().Note.ShouldBe("ok");

    [Theory]
    [InlineData("suicide")]
    [InlineData("")]
    [InlineData("chest pain")]
    public void Validate_UnknownRedFlag_ErrorOnRedFlags(string flag)
    {
        var error = OneError(Good with { RedFlags = ["seizure", flag] });
        error.Field.ShouldBe("redFlags");
        error.Message.ShouldContain("self-harm, seizure, fainting, chest-pain, breathing, confusion, liver");
    }

    [Fact]
    public void Validate_EveryRedFlagWireName_ParsedDistinctInOrder()
    {
        var (checkIn, _) = DailyCheckIns.Validate(Good with { RedFlags = ["liver", "SELF-HARM", "seizure", "fainting", "chest-pain", "breathing", "confusion", " liver "] });
        checkIn.ShouldNotBeNull().RedFlags.ShouldBe([RedFlag.Liver, RedFlag.SelfHarm, RedFlag.Seizure, RedFlag.Fainting, RedFlag.ChestPain, RedFlag.Breathing, RedFlag.Confusion]);
    }

    [Fact]
    public void Validate_NullRedFlags_Empty() =>
        DailyCheckIns.Validate(Good with { RedFlags = null }).CheckIn.ShouldNotBeNull().RedFlags.ShouldBeEmpty();

    [Theory]
    [InlineData("self-harm")]
    [InlineData("seizure")]
    [InlineData("fainting")]
    [InlineData("chest-pain")]
    [InlineData("breathing")]
    [InlineData("confusion")]
    [InlineData("liver")]
    public void Validate_LoneRedFlag_SavedWithoutRatings(string flag)
    {
        var (checkIn, errors) = DailyCheckIns.Validate(new(null, null, null, null, null, [flag]));

        errors.ShouldBeEmpty();
        var c = checkIn.ShouldNotBeNull();
        (c.Pain, c.Sleep, c.Mood, c.Craving).ShouldBe((null, null, null, null));
        c.RedFlags.Select(WireName.Of).ShouldBe([flag]);
    }

    [Fact]
    public void Validate_RedFlagWithSomeRatings_KeepsThoseGiven()
    {
        var c = DailyCheckIns.Validate(new(7, null, 1, null, null, ["self-harm"])).CheckIn.ShouldNotBeNull();
        (c.Pain, c.Sleep, c.Mood, c.Craving).ShouldBe((7, null, 1, null));
    }

    [Fact]
    public void Validate_RedFlagWithARatingOutOfRange_StillAnError() =>
        OneError(new(11, null, null, null, null, ["self-harm"])).Field.ShouldBe("answers.pain");

    [Fact]
    public void Validate_OnlyUnknownRedFlag_RatingsStillRequired()
    {
        var (checkIn, errors) = DailyCheckIns.Validate(new(null, null, null, null, null, ["headache"]));
        checkIn.ShouldBeNull();
        errors.Select(e => e.Field).ShouldBe(["answers.pain", "answers.sleep", "answers.mood", "answers.craving", "redFlags"]);
    }

    [Fact]
    public void KnownFlags_SkipsUnknownNames_KeepsOrder() =>
        DailyCheckIns.KnownFlags(["headache", "confusion", "self-harm", "confusion"]).ShouldBe([RedFlag.Confusion, RedFlag.SelfHarm]);
}

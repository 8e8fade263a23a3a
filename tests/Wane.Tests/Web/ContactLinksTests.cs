using Shouldly;
using Wane.Features.Help;

namespace Wane.Tests.Web;

public class ContactLinksTests
{
    private static string Html(string text) => ContactLinks.Html(text).ToString()!;

    [Theory]
    [InlineData("Call 911 now.", "Call <a href=\"tel:911\">911</a> now.")]
    [InlineData("call or text 988", "call or text <a href=\"tel:988\">988</a>")]
    [InlineData("Text 988.", "Text <a href=\"sms:988\">988</a>.")]
    [InlineData("SAMHSA on 1-800-662-4357 (free)", "SAMHSA on <a href=\"tel:+1-800-662-4357\">1-800-662-4357</a> (free)")]
    [InlineData("Poison Control 1-800-222-1222", "Poison Control <a href=\"tel:+1-800-222-1222\">1-800-222-1222</a>")]
    [InlineData("chat at 988lifeline.org", "chat at <a href=\"https://988lifeline.org\">988lifeline.org</a>")]
    public void Html_NumbersAndSites_BecomeLinks(string text, string html) => Html(text).ShouldBe(html);

    [Theory]
    [InlineData("988 mg is far above your usual amount")]
    [InlineData("A total of 911 MME today")]
    [InlineData("call 988 mg")]
    [InlineData("Dose 911")]
    public void Html_AmountsThatLookLikeNumbers_StayText(string text) => Html(text).ShouldNotContain("<a ");

    [Fact]
    public void Html_EncodesEverythingElse() =>
        Html("<script>call 911</script>").ShouldBe("&lt;script&gt;call <a href=\"tel:911\">911</a>&lt;/script&gt;");
}

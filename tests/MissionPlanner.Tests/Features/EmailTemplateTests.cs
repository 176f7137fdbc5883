using MissionPlanner.Messaging;

namespace MissionPlanner.Tests.Features;

public sealed class EmailTemplateTests
{
    public static TheoryData<string> Templates => new(EmailTemplates.Builtin.Keys.Order());

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryTemplate_RendersItsSample_InAllThreeParts_WithNothingLeftBlank(string template)
    {
        EmailModels.Samples.Should().ContainKey(template, "every template has a sample model");
        var json = System.Text.Json.JsonSerializer.Serialize(EmailModels.Samples[template], EmailModels.Samples[template].GetType(), EmailTemplates.ModelJson);

        var rendered = EmailTemplates.Render(template, EmailTemplates.Builtin[template], json);

        rendered.Subject.Should().NotBeNullOrWhiteSpace().And.NotContain("{{").And.NotContain("\n");
        rendered.Text.Should().NotContain("{{").And.Contain("Ann de Vries");
        rendered.Html.Should().NotContain("{{").And.Contain("Ann de Vries").And.StartWith("<!DOCTYPE html>");
    }

    [Fact]
    public void AnUnknownPlaceholder_IsAnErrorNamingTheTemplateAndPart()
    {
        var broken = EmailTemplates.Builtin["sign-in-link"] with { Text = "Hello {{name}}, your code is {{signInCode}}." };
        var json = System.Text.Json.JsonSerializer.Serialize(EmailModels.Samples["sign-in-link"], EmailModels.Samples["sign-in-link"].GetType(), EmailTemplates.ModelJson);

        var act = () => EmailTemplates.Render("sign-in-link", broken, json);

        act.Should().Throw<TemplateException>().WithMessage("*sign-in-link.txt*signInCode*");
    }

    [Fact]
    public void HtmlParts_EncodeTheModel_TextPartsDoNot()
    {
        var json = """{"name":"<script>alert(1)</script> & Co","link":"https://x.example/?a=1&b=2","validMinutes":30}""";

        var rendered = EmailTemplates.Render("sign-in-link", EmailTemplates.Builtin["sign-in-link"], json);

        rendered.Html.Should().Contain("&lt;script&gt;").And.NotContain("<script>");
        rendered.Text.Should().Contain("<script>alert(1)</script> & Co").And.Contain("https://x.example/?a=1&b=2");
    }
}

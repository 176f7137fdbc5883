using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MissionPlanner.Web.Tests.Infrastructure;

/// <summary>A browser-like client: keeps cookies and posts forms with the page's antiforgery token.</summary>
public sealed partial class WebSession(AppFactory app)
{
    private readonly HttpClient client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient Client => client;

    public string LastHtml { get; private set; } = "";

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        LastHtml = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>Opens the page, then submits its form with these fields (and the page's token).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IDictionary<string, string> fields, string? handler = null)
    {
        var page = await GetAsync(url);
        page.StatusCode.Should().Be(HttpStatusCode.OK, $"the form at {url} should open");
        return await PostAsync(url + (handler is null ? "" : $"?handler={handler}"), fields, AntiforgeryToken());
    }

    public async Task<HttpResponseMessage> PostAsync(string url, IDictionary<string, string> fields, string? token)
    {
        var form = new Dictionary<string, string>(fields);
        if (token is not null)
        {
            form["__RequestVerificationToken"] = token;
        }

        var response = await client.PostAsync(url, new FormUrlEncodedContent(form));
        LastHtml = await response.Content.ReadAsStringAsync();
        return response;
    }

    public string AntiforgeryToken() => Token().Match(LastHtml).Groups[1].Value;

    public async Task SignInAsync(string signInToken)
    {
        var response = await SubmitAsync($"/signin/link?token={signInToken}", new Dictionary<string, string> { ["Token"] = signInToken });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, LastHtml);
    }

    /// <summary>The validation message shown next to a form field, if any.</summary>
    public string? FieldError(string field)
    {
        var match = Regex.Match(LastHtml, $"<span class=\"error field-validation-error\" data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>([^<]*)</span>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

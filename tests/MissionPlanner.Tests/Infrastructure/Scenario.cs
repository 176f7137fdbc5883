using System.Text;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Invitations;
using MissionPlanner.Features.Missions;
using MissionPlanner.Features.Registrations;

namespace MissionPlanner.Tests.Infrastructure;

/// <summary>
/// A mission set up the way organisers and delegates do it, through the real commands: created and
/// opened, people invited by email, and registered through the link in their invitation. Tests add
/// what is particular to them (venues, programme, visits) on <see cref="App"/>.
/// </summary>
public sealed class Scenario : IAsyncDisposable
{
    /// <summary>Where links in emails point (Auth:PublicBaseUrl).</summary>
    public const string PublicBaseUrl = "https://mp.example";

    private readonly Dictionary<string, string> invitationTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly List<string> invited = [];

    private Scenario(Slice app, Guid mission, DateOnly start)
    {
        App = app;
        Mission = mission;
        Start = start;
    }

    public Slice App { get; }
    public Guid Mission { get; }
    public DateOnly Start { get; }

    /// <summary>The token of each invitee's invitation link, by email address.</summary>
    public IReadOnlyDictionary<string, string> InvitationTokens => invitationTokens;

    /// <summary>The token of each registered person's personal link, by name.</summary>
    public Dictionary<string, string> RegistrationTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Each registered person's registration id, by name.</summary>
    public Dictionary<string, Guid> RegistrationIds { get; } = new(StringComparer.Ordinal);

    /// <summary>A mission of <paramref name="days"/> days from <paramref name="start"/> (default: 30 days from the test clock), open for registration.</summary>
    public static async Task<Scenario> MissionAsync(DatabaseProvider provider, DateOnly? start = null, string title = "NL–UK mission",
        string? summary = null, string city = "London", int days = 4, bool open = true, int? capacity = null,
        IDictionary<string, string?>? settings = null, string zone = "Europe/London")
    {
        var all = new Dictionary<string, string?> { ["Auth:PublicBaseUrl"] = PublicBaseUrl };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = await Slice.CreateAsync(provider, all);
        var first = start ?? DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30);
        var mission = await app.SendAsync(new CreateMissionCommand(title, summary, "United Kingdom", city, zone, first, first.AddDays(days - 1)));
        if (open)
        {
            await app.SendAsync(new ChangeMissionStatusCommand(MissionStatus.Open) { MissionId = mission });
        }

        if (capacity is not null)
        {
            await app.SendAsync(new SetCapacityCommand(capacity) { MissionId = mission });
        }

        return new Scenario(app, mission, first);
    }

    /// <summary>Invites people in one import (as organisers do with a spreadsheet) and keeps the token of each one's emailed link.</summary>
    public async Task InviteAsync(params (string Email, string Name)[] people)
    {
        var csv = new StringBuilder("email,name\n");
        foreach (var (email, name) in people)
        {
            csv.Append($"{email},{name}\n");
            names[email] = name;
            invited.Add(email);
        }

        await App.SendAsync(new ImportInvitationsCommand(csv.ToString()) { MissionId = Mission });
        var emails = people.Select(p => p.Email).ToList();
        foreach (var message in await App.QueryAsync(db => db.OutboxMessages.AsNoTracking()
                     .Where(m => m.Template == "invitation" && emails.Contains(m.ToAddress)).ToListAsync()))
        {
            invitationTokens[message.ToAddress] = EmailLinks.TokenOf(message.TextBody, LinkKind.Invitation);
        }
    }

    /// <summary>Invites <paramref name="count"/> people: p0@example.org "Person 0", … (the number padded to <paramref name="digits"/>).</summary>
    public Task InviteAsync(int count, int digits = 1) =>
        InviteAsync(Enumerable.Range(0, count).Select(i => ($"p{i.ToString($"D{digits}")}@example.org", $"Person {i}")).ToArray());

    /// <summary>Registers an invitee through their invitation link; <paramref name="details"/> default to a consenting academic of TU Delft.</summary>
    public async Task<RegisterResult> RegisterAsync(string email, Func<string, RegistrationDetails>? details = null)
    {
        var name = names[email];
        var result = await App.SendAsync(new RegisterByInvitationCommand(invitationTokens[email],
            details?.Invoke(name) ?? new RegistrationDetails(name, "TU Delft", Sector.Academia, DelegationRole.Member, ConsentProcessing: true)));
        if (result.Token is { } token)
        {
            RegistrationTokens[name] = token;
        }

        RegistrationIds[name] = await App.QueryAsync(db => db.Registrations.Where(r => r.MissionId == Mission && r.Email == email).Select(r => r.Id).SingleAsync());
        return result;
    }

    /// <summary>Registers every invitee, in the order they were invited.</summary>
    public async Task RegisterAllAsync(Func<string, RegistrationDetails>? details = null)
    {
        foreach (var email in invited.ToList())
        {
            await RegisterAsync(email, details);
        }
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

using System.Text;
using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Registrations;

/// <summary>What happens to a registration; each is one row of <see cref="RegistrationLifecycle.Rules"/>.</summary>
public enum RegistrationAction
{
    Register,
    RegisterAgain,
    Approve,
    Decline,
    Confirm,
    MoveToWaitlist,
    Promote,
    Reinstate,
    Cancel,
    Erase,
}

/// <summary>One row of the lifecycle: from which statuses, to what, who may, when, and who is emailed what.</summary>
public sealed record LifecycleRule(RegistrationAction Action, IReadOnlyList<RegistrationStatus> From, string To, string Who, string When, string Emailed);

/// <summary>
/// The registration lifecycle as one table: <see cref="Registration"/>'s transitions check it
/// (<see cref="Ensure"/>) and the README prints it (<see cref="Markdown"/>; a test keeps the two
/// equal). "Place" is: confirmed if the capacity has room, else the end of the waitlist; a
/// registration that needs the organisers' approval waits as pending instead.
/// </summary>
public static class RegistrationLifecycle
{
    private static readonly RegistrationStatus[] Active = [RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted, RegistrationStatus.Pending];

    public static readonly IReadOnlyList<LifecycleRule> Rules =
    [
        new(RegistrationAction.Register, [], "a place, with a new arrival number", "the person (invitation link or open form); organisers (import)",
            "registration open (import: until the mission ends)", "the person: their status and personal link (a confirmation carries programme.ics)"),
        new(RegistrationAction.RegisterAgain, [RegistrationStatus.Cancelled], "a place, with a new arrival number",
            "the person, after cancelling themselves", "registration open", "the person: their status and a new personal link"),
        new(RegistrationAction.RegisterAgain, [.. Active, RegistrationStatus.Declined], "unchanged", "the person",
            "registration open", "the person: their personal link again"),
        new(RegistrationAction.Approve, [RegistrationStatus.Pending], "a place, with a new arrival number", "organisers", "any time",
            "the person: their status"),
        new(RegistrationAction.Decline, [RegistrationStatus.Pending], "declined", "organisers", "any time", "the person: the organisers' message"),
        new(RegistrationAction.Confirm, [RegistrationStatus.Waitlisted], "confirmed, even beyond capacity", "organisers", "any time",
            "the person: confirmed"),
        new(RegistrationAction.MoveToWaitlist, [RegistrationStatus.Confirmed], "the end of the waitlist", "organisers", "any time",
            "the person: waitlisted; the first in line is promoted"),
        new(RegistrationAction.Promote, [RegistrationStatus.Waitlisted], "confirmed, first in arrival order",
            "the system, when a place frees or the organisers raise the capacity", "a freed place: before the mission starts; more capacity: any time",
            "each person promoted: confirmed"),
        new(RegistrationAction.Reinstate, [RegistrationStatus.Cancelled], "a place, with a new arrival number", "organisers (or importing the person again)",
            "until the mission ends; never once erased", "the person: their status and a new personal link"),
        new(RegistrationAction.Cancel, Active, "cancelled", "the person (their link); organisers",
            "the person: until the mission ends; organisers: any time", "the person: cancelled; before the mission starts their place goes to the first in line, who is emailed"),
        new(RegistrationAction.Erase, [.. Active, RegistrationStatus.Cancelled, RegistrationStatus.Declined], "cancelled, anonymised", "organisers (on the person's request)",
            "any time", "nobody; before the mission starts a place freed goes to the first in line, who is emailed"),
    ];

    /// <summary>Refuses <paramref name="action"/> from <paramref name="from"/> when no rule allows it, naming the statuses that would.</summary>
    /// <exception cref="DomainException">On <c>Status</c>.</exception>
    public static void Ensure(RegistrationAction action, RegistrationStatus from)
    {
        var rules = Rules.Where(r => r.Action == action).ToList();
        if (rules.Any(r => r.From.Contains(from)))
        {
            return;
        }

        var allowed = rules.SelectMany(r => r.From).Distinct().Select(s => s.ToString().ToLowerInvariant()).ToList();
        var hint = from == RegistrationStatus.Cancelled && action is RegistrationAction.Confirm or RegistrationAction.Approve
            ? " Reinstate it instead: it takes a place if there is one, else joins the end of the waitlist."
            : "";
        throw new DomainException("Status",
            $"A {from.ToString().ToLowerInvariant()} registration cannot be {Verb(action)}; only a {string.Join(" or ", allowed)} one can.{hint}");
    }

    /// <summary>The table as Markdown, as the README shows it.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder("| Action | From | To | Who | When | Emailed |\n|---|---|---|---|---|---|\n");
        foreach (var r in Rules)
        {
            var from = r.From.Count == 0 ? "—" : string.Join(", ", r.From.Select(s => s.ToString().ToLowerInvariant()));
            text.Append($"| {Verb(r.Action)} | {from} | {r.To} | {r.Who} | {r.When} | {r.Emailed} |\n");
        }

        return text.ToString();
    }

    private static string Verb(RegistrationAction action) => action switch
    {
        RegistrationAction.Register => "registered",
        RegistrationAction.RegisterAgain => "registered again",
        RegistrationAction.Approve => "approved",
        RegistrationAction.Decline => "declined",
        RegistrationAction.Confirm => "confirmed",
        RegistrationAction.MoveToWaitlist => "moved to the waitlist",
        RegistrationAction.Promote => "promoted",
        RegistrationAction.Reinstate => "reinstated",
        RegistrationAction.Cancel => "cancelled",
        RegistrationAction.Erase => "erased",
        _ => action.ToString(),
    };
}

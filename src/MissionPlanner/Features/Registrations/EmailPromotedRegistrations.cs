using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Features.Itinerary;
using MissionPlanner.Features.Links;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Registrations;

/// <summary>
/// Whoever freed the place (a cancellation, more capacity, an organiser's decision, an erasure), a
/// person promoted from the waitlist is emailed in the same save: their confirmation with a fresh
/// personal link (the one before stops working) and their programme as an .ics attachment.
/// </summary>
internal sealed class EmailPromotedRegistrations(LinkExpiry expiry, CalendarLinks calendar, LinkUses uses, PublicLinks links, TimeProvider clock,
    IOptions<EmailOptions> email) : DomainEventHandler<RegistrationPromoted>
{
    protected override async Task HandleAsync(AppDbContext db, IReadOnlyList<RegistrationPromoted> events, CancellationToken ct)
    {
        // Built over the context of this save, so that what they add is written by it.
        var outbox = new OutboxWriter(db, clock, email);
        var personalLinks = new PersonalLinks(db, expiry, calendar, uses, clock);
        foreach (var promoted in events.Select(e => e.Registration).DistinctBy(r => r.Id).GroupBy(r => r.MissionId))
        {
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == promoted.Key, ct);
            var tokens = await personalLinks.IssueManyAsync(mission, LinkPurpose.Registration, promoted.Select(r => r.Id).ToList(), ct);
            foreach (var registration in promoted)
            {
                await RegistrationPlaces.EnqueueStatusAsync(db, outbox, mission, registration, links.Registration(tokens[registration.Id]), 0, null, ct);
            }
        }
    }
}

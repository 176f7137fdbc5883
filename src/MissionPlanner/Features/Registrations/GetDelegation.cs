using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registrations;

/// <summary>The delegation for organisers: filters, counts per sector, waitlist in order.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record GetDelegationQuery(Guid MissionId, RegistrationStatus? Status = null, Sector? Sector = null, string? Organisation = null)
    : IRequest<DelegationView>, IMissionRequest;

public sealed class GetDelegationHandler(AppDbContext db) : IRequestHandler<GetDelegationQuery, DelegationView>
{
    public async Task<DelegationView> Handle(GetDelegationQuery request, CancellationToken cancellationToken)
    {
        var all = db.Registrations.AsNoTracking().Where(r => r.MissionId == request.MissionId);
        var counts = (await all.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);
        var bySector = (await all.Where(r => r.Status == RegistrationStatus.Confirmed).GroupBy(r => r.Sector)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken)).ToDictionary(x => x.Key, x => x.Count);
        var organisation = request.Organisation?.Trim();
        var people = await all
            .Where(r => request.Status == null || r.Status == request.Status)
            .Where(r => request.Sector == null || r.Sector == request.Sector)
            .Where(r => string.IsNullOrEmpty(organisation) || r.Organisation == organisation)
            .Select(r => new DelegateRow(r.Id, r.Name, r.Email, r.Organisation, r.Sector, r.JobTitle, r.Role, r.Status, r.Arrival,
                r.Dietary, r.Accessibility, r.ConsentListing, r.CreatedAt, r.PrecedenceRank)
            { Answers = r.Answers, IdDetailsOnFile = r.IdDetails != null, Erased = r.ErasedAt != null })
            .ToListAsync(cancellationToken);
        // Confirmed in order of precedence, then the waitlist in order of arrival, then the rest (pending first).
        people = [.. people.OrderBy(p => p.Status).ThenBy(p => p.Status == RegistrationStatus.Confirmed ? p.Precedence : 0)
            .ThenBy(p => p.Status == RegistrationStatus.Confirmed ? p.Name : "").ThenBy(p => p.Arrival)];
        var confirmed = await all.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => new { r.Dietary, r.Accessibility }).ToListAsync(cancellationToken);
        var capacity = await db.Missions.Where(m => m.Id == request.MissionId).Select(m => m.Capacity).FirstAsync(cancellationToken);
        return new DelegationView(capacity, counts.GetValueOrDefault(RegistrationStatus.Confirmed), counts.GetValueOrDefault(RegistrationStatus.Waitlisted),
            counts.GetValueOrDefault(RegistrationStatus.Cancelled), bySector, people, Catering(confirmed.Select(c => (c.Dietary, c.Accessibility))))
        {
            Pending = counts.GetValueOrDefault(RegistrationStatus.Pending),
            Questions = (await RegistrationIntake.QuestionsAsync(db, request.MissionId, cancellationToken)).Select(RegistrationIntake.View).ToList(),
            AsksIdDetails = await RegistrationIntake.AsksIdDetailsAsync(db, request.MissionId, cancellationToken),
        };
    }

    private static CateringSummary Catering(IEnumerable<(string? Dietary, string? Accessibility)> people)
    {
        var dietary = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var allergies = new List<string>();
        var accessibility = new List<string>();
        foreach (var (diet, access) in people)
        {
            foreach (var part in (diet ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.StartsWith("allergies:", StringComparison.OrdinalIgnoreCase))
                {
                    allergies.Add(part["allergies:".Length..].Trim());
                }
                else
                {
                    dietary[part.ToLowerInvariant()] = dietary.GetValueOrDefault(part.ToLowerInvariant()) + 1;
                }
            }

            if (!string.IsNullOrWhiteSpace(access))
            {
                accessibility.Add(access);
            }
        }

        return new CateringSummary(dietary, allergies, accessibility);
    }
}

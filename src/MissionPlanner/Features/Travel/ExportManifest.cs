using System.Globalization;
using MediatR;
using MissionPlanner.Common;
using MissionPlanner.Domain.Organisers;

namespace MissionPlanner.Features.Travel;

/// <summary>
/// The manifest as one table to download (CSV or Excel), one row per person arriving or leaving: date, hub, arrival
/// or departure, local time, name, organisation, mode, carrier and number, from or to, mobile (where shared),
/// accessibility needs.
/// </summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record ExportManifestQuery(Guid MissionId, ExportFormat Format) : IRequest<ExportFile>, IMissionRequest;

public sealed class ExportManifestHandler(IMediator mediator) : IRequestHandler<ExportManifestQuery, ExportFile>
{
    public async Task<ExportFile> Handle(ExportManifestQuery request, CancellationToken cancellationToken)
    {
        var days = await mediator.Send(new GetManifestQuery(request.MissionId), cancellationToken);
        string[] header = ["Date", "Airport or station", "Arrival or departure", "Time (local)", "Name", "Organisation", "By", "Carrier and number",
            "From or to", "Mobile", "Accessibility"];
        var rows = days.SelectMany(d => d.Arrivals.Concat(d.Departures).OrderBy(e => e.At).Select(e => (IReadOnlyList<object?>)
        [
            d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Hub, e.Direction.ToString().ToLowerInvariant(),
            e.Local.ToString("HH:mm", CultureInfo.InvariantCulture), e.Name, e.Organisation, e.Mode.ToString().ToLowerInvariant(), e.Service, e.OtherEnd,
            e.Mobile, e.Accessibility,
        ])).ToList();
        return ExportFile.Of(request.Format, "manifest", "Manifest", header, rows);
    }
}

using System.Globalization;
using MediatR;
using MissionPlanner.Documents;

namespace MissionPlanner.Features.Itinerary;

/// <summary>The participant's itinerary as a PDF, printed on demand from their personal link.</summary>
public sealed record GetMyItineraryPdfQuery(string Token) : IRequest<byte[]>;

public sealed class GetMyItineraryPdfHandler(IMediator mediator, PdfRenderer renderer) : IRequestHandler<GetMyItineraryPdfQuery, byte[]>
{
    public async Task<byte[]> Handle(GetMyItineraryPdfQuery request, CancellationToken cancellationToken)
    {
        var itinerary = await mediator.Send(new GetMyItineraryQuery(request.Token), cancellationToken);
        return await renderer.RenderAsync(ItineraryDocument.Html(itinerary),
            new PdfLayout(Header: $"{itinerary.MissionTitle} · {itinerary.Name}"), cancellationToken);
    }
}

public static class ItineraryDocument
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Html(ItineraryView itinerary, string? template = null) =>
        DocumentTemplates.Render("itinerary", new
        {
            itinerary.Name,
            itinerary.MissionTitle,
            itinerary.Where,
            itinerary.When,
            itinerary.TimeZoneId,
            Days = itinerary.Items.GroupBy(i => DateOnly.FromDateTime(i.StartsLocal)).Select(day => new
            {
                Label = day.Key.ToString("dddd d MMMM yyyy", English),
                Items = day.Select(i => new
                {
                    i.Title,
                    From = i.StartsLocal.ToString("HH:mm", English),
                    To = i.EndsLocal.ToString("HH:mm", English),
                    Venue = string.Join(", ", new[] { i.VenueName, i.VenueAddress, i.VenueCity }.Where(p => !string.IsNullOrWhiteSpace(p))),
                    i.DressCode,
                    i.Contact,
                    i.Travel,
                    i.OccurrenceNote,
                    i.Description,
                    i.Cancelled,
                }).ToList(),
            }).ToList(),
        }, template);
}

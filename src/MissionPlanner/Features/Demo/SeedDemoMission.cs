using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Ceremonies;
using MissionPlanner.Domain.Links;
using MissionPlanner.Domain.Missions;
using MissionPlanner.Domain.Registrations;
using MissionPlanner.Domain.Visits;
using MissionPlanner.Features.Links;
using static MissionPlanner.Domain.Missions.ProgrammeItemKind;

namespace MissionPlanner.Features.Demo;

/// <summary>
/// Seeds the demo mission from the NL–UK neuromorphic-computing innovation mission: a London
/// symposium at the embassy with a signing ceremony, then Cambridge lab tours and company visits,
/// and a closing strategic session. It is placed on the first Monday at least eight weeks ahead,
/// so that it is always a mission still to be planned. Does nothing when a demo mission exists.
/// </summary>
public sealed record SeedDemoMissionCommand : IRequest<Guid?>;

public sealed class SeedDemoMissionHandler(AppDbContext db, PersonalLinks links, TimeProvider clock) : IRequestHandler<SeedDemoMissionCommand, Guid?>
{
    public const string Title = "Innovation Mission to the UK: Neuromorphic Computing";

    /// <summary>Forty synthetic delegates (no real people) across the four sectors, in the order they registered.</summary>
    private static readonly (string Name, string Organisation, Sector Sector, string Title, DelegationRole Role, string? Dietary)[] Delegates =
    [
        ("Marieke van Dalen", "Topsector ICT", Sector.Government, "Director", DelegationRole.HeadOfDelegation, null),
        ("Pieter Hoekstra", "Ministry of Economic Affairs", Sector.Government, "Senior policy officer", DelegationRole.Deputy, null),
        ("Sanne de Wit", "Netherlands Innovation Network UK", Sector.Government, "Innovation attaché", DelegationRole.Organiser, null),
        ("Thomas Visser", "Netherlands Innovation Network UK", Sector.Government, "Policy officer", DelegationRole.Organiser, "vegetarian"),
        ("Eva Jansen", "SURF", Sector.Other, "Programme manager", DelegationRole.Member, null),
        ("Lars Bakker", "University of Groningen (CogniGron)", Sector.Academia, "Professor of neuromorphic materials", DelegationRole.Member, null),
        ("Anouk Smit", "University of Groningen (CogniGron)", Sector.Academia, "Postdoctoral researcher", DelegationRole.Member, "vegan"),
        ("Daan Meijer", "University of Twente", Sector.Academia, "Associate professor", DelegationRole.Member, null),
        ("Femke de Boer", "University of Twente", Sector.Academia, "PhD candidate", DelegationRole.Member, "vegetarian"),
        ("Ruben Mulder", "Eindhoven University of Technology", Sector.Academia, "Professor of photonics", DelegationRole.Member, null),
        ("Lotte de Groot", "Eindhoven University of Technology", Sector.Academia, "Assistant professor", DelegationRole.Member, "gluten-free"),
        ("Bram Bos", "Delft University of Technology", Sector.Academia, "Professor of computer engineering", DelegationRole.Member, null),
        ("Iris Vos", "Delft University of Technology", Sector.Academia, "Researcher", DelegationRole.Member, null),
        ("Jesse Peters", "Delft University of Technology", Sector.Academia, "Valorisation manager", DelegationRole.Member, "halal"),
        ("Noor Hendriks", "Radboud University", Sector.Academia, "Professor of neuroinformatics", DelegationRole.Member, null),
        ("Sem van Leeuwen", "University of Amsterdam", Sector.Academia, "Associate professor of AI", DelegationRole.Member, "vegetarian"),
        ("Julia Dekker", "Leiden University", Sector.Academia, "Assistant professor", DelegationRole.Member, null),
        ("Milan Brouwer", "Innatera", Sector.StartUp, "Chief technology officer", DelegationRole.Member, null),
        ("Sophie de Vries", "Innatera", Sector.StartUp, "Business development lead", DelegationRole.Member, "lactose-free"),
        ("Luuk van der Meer", "OPT/NET BV", Sector.Industry, "Chief executive", DelegationRole.Member, null),
        ("Fleur Kok", "OPT/NET BV", Sector.Industry, "Head of research", DelegationRole.Member, null),
        ("Thijs Jacobs", "NXP Semiconductors", Sector.Industry, "Principal engineer", DelegationRole.Member, null),
        ("Emma van Dijk", "NXP Semiconductors", Sector.Industry, "Innovation manager", DelegationRole.Member, "vegetarian"),
        ("Stijn de Haan", "ASML", Sector.Industry, "Research strategist", DelegationRole.Member, null),
        ("Lisa Koster", "Philips", Sector.Industry, "Senior scientist", DelegationRole.Member, "kosher"),
        ("Gijs Prins", "imec Netherlands", Sector.Industry, "Programme director", DelegationRole.Member, null),
        ("Roos Verbeek", "TNO", Sector.Other, "Senior researcher", DelegationRole.Member, null),
        ("Koen Willems", "TNO", Sector.Other, "Business developer", DelegationRole.Member, "vegetarian"),
        ("Maud Sanders", "SynSense Europe", Sector.StartUp, "Founder", DelegationRole.Member, null),
        ("Niels van Beek", "Axelera AI", Sector.StartUp, "Product manager", DelegationRole.Member, null),
        ("Yara Claassen", "Axelera AI", Sector.StartUp, "Hardware engineer", DelegationRole.Member, "vegan"),
        ("Jasper Schouten", "QuiX Quantum", Sector.StartUp, "Chief operating officer", DelegationRole.Member, null),
        ("Floor Huisman", "Photon Delta", Sector.Industry, "Ecosystem manager", DelegationRole.Member, null),
        ("Tim Kuipers", "Holland High Tech", Sector.Government, "Programme lead", DelegationRole.Member, null),
        ("Vera Postma", "Netherlands Enterprise Agency", Sector.Government, "Advisor international innovation", DelegationRole.Member, "vegetarian"),
        ("Sven Dijkstra", "NWO", Sector.Government, "Programme officer", DelegationRole.Member, null),
        ("Lieke Bosman", "Brainport Development", Sector.Government, "Internationalisation manager", DelegationRole.Member, null),
        ("Olivier Wouters", "SURF", Sector.Other, "Technical lead HPC", DelegationRole.Member, null),
        ("Hanna Evers", "Computable", Sector.Other, "Technology journalist", DelegationRole.Press, null),
        ("Joost Maas", "Innatera", Sector.StartUp, "Applications engineer", DelegationRole.Member, "allergies: peanuts"),
    ];

    public async Task<Guid?> Handle(SeedDemoMissionCommand request, CancellationToken cancellationToken)
    {
        if (await db.Missions.AnyAsync(m => m.IsDemo, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var start = DateOnly.FromDateTime(now).AddDays(56);
        while (start.DayOfWeek != DayOfWeek.Monday)
        {
            start = start.AddDays(1);
        }

        var mission = new Mission(Title,
            "A Dutch delegation from academia, industry, start-ups and government travels to the UK for four days " +
            "to connect the two neuromorphic-computing ecosystems: a bilateral symposium at the Dutch Embassy in London, " +
            "lab tours and company visits in Cambridge, and a strategic session on next steps.",
            "United Kingdom", "London", "Europe/London", start, start.AddDays(3), now);
        mission.MarkAsDemo();
        mission.MoveTo(MissionStatus.Open);
        db.Missions.Add(mission);

        var v = new Dictionary<string, Venue>();
        void AddVenue(string key, string name, string address, string city, VenueKind kind, double lat, double lon) =>
            v[key] = db.Venues.Add(new Venue(mission.Id, name, address, city, kind, lat, lon)).Entity;

        AddVenue("embassy", "Embassy of the Kingdom of the Netherlands", "38 Hyde Park Gate, London SW7 5DP", "London", VenueKind.Embassy, 51.5013, -0.1834);
        AddVenue("londonHotel", "Delegation hotel, Kensington", "Wrights Lane, London W8 5SP", "London", VenueKind.Hotel, 51.4994, -0.1925);
        AddVenue("kingsCross", "London King's Cross station", "Euston Road, London N1 9AL", "London", VenueKind.Other, 51.5320, -0.1233);
        AddVenue("materials", "Department of Materials Science & Metallurgy, University of Cambridge", "27 Charles Babbage Road, Cambridge CB3 0FS", "Cambridge", VenueKind.Lab, 52.2098, 0.0906);
        AddVenue("cleanroom", "Electrical Engineering cleanroom, University of Cambridge", "9 JJ Thomson Avenue, Cambridge CB3 0FA", "Cambridge", VenueKind.Lab, 52.2106, 0.0918);
        AddVenue("maxwell", "Maxwell Centre (NanoPrint Innovations)", "JJ Thomson Avenue, Cambridge CB3 0HE", "Cambridge", VenueKind.Company, 52.2096, 0.0933);
        AddVenue("paragraf", "Paragraf", "7-8 West Newlands Industrial Park, Somersham PE28 3EB", "Somersham", VenueKind.Company, 52.3826, 0.0006);
        AddVenue("enterprise", "Cambridge Enterprise, Hauser Forum", "3 Charles Babbage Road, Cambridge CB3 0GT", "Cambridge", VenueKind.University, 52.2093, 0.0889);
        AddVenue("moller", "Møller Institute, Churchill College", "Storey's Way, Cambridge CB3 0DE", "Cambridge", VenueKind.ConferenceCentre, 52.2125, 0.1009);

        void Item(int day, string from, string to, ProgrammeItemKind kind, string title, string venue, string description = "",
            int? capacity = null, bool parallel = false)
        {
            var date = start.AddDays(day);
            var zone = mission.TimeZone;
            var startsAt = MissionTime.ToUtc(date.ToDateTime(TimeOnly.Parse(from)), zone);
            var endsAt = MissionTime.ToUtc(date.ToDateTime(TimeOnly.Parse(to)), zone);
            db.ProgrammeItems.Add(new ProgrammeItem(mission, title, description, kind, startsAt, endsAt, v[venue].Id, capacity, parallel));
        }

        // Day 1 — bilateral symposium, London
        Item(0, "08:30", "09:15", Meal, "Registration and welcome coffee", "embassy");
        Item(0, "09:15", "09:30", Talk, "Opening by the Ambassador of the Kingdom of the Netherlands", "embassy");
        Item(0, "09:30", "10:00", Talk, "The Dutch neuromorphic ecosystem: characteristics, challenges, opportunities", "embassy");
        Item(0, "10:00", "10:30", Talk, "The UK neuromorphic ecosystem: characteristics, challenges, opportunities", "embassy");
        Item(0, "10:30", "10:50", Meal, "Coffee break", "embassy");
        Item(0, "10:50", "12:00", SymposiumSession, "Funding mechanisms for NL–UK collaboration",
            "embassy", "Bilateral opportunities and European avenues such as Horizon Europe.");
        Item(0, "12:00", "13:00", Meal, "Lunch", "embassy");
        Item(0, "13:00", "14:15", Spotlight, "Spotlights: neuromorphic initiatives in the Netherlands and the UK", "embassy");
        Item(0, "14:15", "15:15", Panel, "Panel: neuromorphic computing and its overlap with AI, photonics and semiconductors", "embassy");
        Item(0, "15:30", "16:00", SigningCeremony, "Signing ceremony: OPT/NET BV establishes its UK entity", "embassy",
            "With the Ambassador, the director of Topsector ICT and the Ministry of Economic Affairs.", capacity: 80);
        Item(0, "16:00", "18:00", Reception, "Networking reception", "embassy");

        // Day 2 — to Cambridge, first round of lab tours and visits
        Item(1, "08:15", "09:45", TravelLeg, "Train London King's Cross → Cambridge", "kingsCross",
            "Meet at the departure board at 08:00; reserved coach.");
        Item(1, "12:30", "13:30", Meal, "Lunch", "enterprise");
        Item(1, "16:00", "17:30", SymposiumSession, "Commercialisation pathways with Cambridge Enterprise", "enterprise");

        // Day 3 — second round of visits (see SeedVisits), so everyone sees what they ranked
        Item(2, "12:00", "13:00", Meal, "Lunch", "moller");
        Item(2, "19:00", "21:30", Meal, "Delegation dinner", "moller");

        // Day 4 — charting the future
        Item(3, "09:30", "12:00", StrategicSession, "Strategic session: key takeaways and next steps", "moller");
        Item(3, "12:00", "13:00", Meal, "Closing lunch", "moller");
        Item(3, "13:30", "15:00", TravelLeg, "Coach Cambridge → London (Heathrow and St Pancras)", "moller");

        var organisations = new (string Name, string Country, Sector Sector)[]
        {
            ("OPT/NET BV", "Netherlands", Sector.Industry),
            ("Topsector ICT", "Netherlands", Sector.Government),
            ("Ministry of Economic Affairs", "Netherlands", Sector.Government),
            ("Netherlands Innovation Network UK", "United Kingdom", Sector.Government),
            ("SURF", "Netherlands", Sector.Other),
            ("University of Groningen (CogniGron)", "Netherlands", Sector.Academia),
            ("University of Twente", "Netherlands", Sector.Academia),
            ("Eindhoven University of Technology", "Netherlands", Sector.Academia),
            ("Delft University of Technology", "Netherlands", Sector.Academia),
            ("Innatera", "Netherlands", Sector.StartUp),
            ("University of Cambridge", "United Kingdom", Sector.Academia),
            ("Cambridge Enterprise", "United Kingdom", Sector.Academia),
            ("NanoPrint Innovations", "United Kingdom", Sector.StartUp),
            ("Paragraf", "United Kingdom", Sector.Industry),
        };
        foreach (var (name, country, sector) in organisations)
        {
            db.Organisations.Add(new Organisation(mission.Id, name, country, sector));
        }

        var delegates = SeedDelegates(mission, now);
        SeedVisits(mission, v, delegates);
        SeedCeremony(mission, delegates);
        SeedSurveys(mission, now);
        SeedRoomsAndLetter(mission, v["londonHotel"]);
        await db.SaveChangesAsync(cancellationToken);
        await db.Missions.Where(m => m.Id == mission.Id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Capacity, 60)
            .SetProperty(m => m.ConfirmedCount, Delegates.Length)
            .SetProperty(m => m.RegistrationSequence, Delegates.Length), cancellationToken);
        return mission.Id;
    }

    /// <summary>
    /// The Cambridge lab tours and company visits as visits to schedule: each offered twice (day 2
    /// and day 3), in small groups, with their hosts; every delegate has ranked them, and each gets
    /// two (a lab in the morning, a company in the afternoon) once the organisers make the groups.
    /// </summary>
    private void SeedVisits(Mission mission, Dictionary<string, Venue> v, List<Registration> delegates)
    {
        var zone = mission.TimeZone;
        (DateTime, DateTime) Window(int day, string from, string to) =>
            (MissionTime.ToUtc(mission.StartDate.AddDays(day).ToDateTime(TimeOnly.Parse(from)), zone),
             MissionTime.ToUtc(mission.StartDate.AddDays(day).ToDateTime(TimeOnly.Parse(to)), zone));
        VisitHost Host(string name, string contact, string email, string? phone) =>
            db.VisitHosts.Add(new VisitHost(mission.Id, name, contact, email, phone)).Entity;
        var materials = Host("Department of Materials Science & Metallurgy, University of Cambridge", "Lab manager (demo)", "materials.host@example.org", "+44 1223 000001");
        var electrical = Host("Electrical Engineering Division, University of Cambridge", "Cleanroom manager (demo)", "cleanroom.host@example.org", "+44 1223 000002");
        var nanoprint = Host("NanoPrint Innovations", "Chief executive (demo)", "nanoprint.host@example.org", null);
        var paragraf = Host("Paragraf", "Partnerships lead (demo)", "paragraf.host@example.org", null);
        Visit Add(VisitHost host, string venue, string title, ProgrammeItemKind kind, int minutes, int min, int max, VisitRequirements requirements,
            string notes, params (DateTime, DateTime)[] windows)
        {
            var visit = new Visit(mission.Id, host.Id);
            visit.Update(mission, title, kind, v[venue].Id, minutes, min, max, 1, requirements, 0, notes, windows);
            return db.Visits.Add(visit).Entity;
        }

        var labs = new[]
        {
            Add(materials, "materials", "Lab tour: deposition techniques", LabTour, 120, 4, 12, VisitRequirements.SafetyBriefing,
                "Thin-film deposition for neuromorphic devices.", Window(1, "10:15", "12:15"), Window(2, "09:30", "11:30")),
            Add(electrical, "cleanroom", "Lab tour: cleanroom facilities", LabTour, 120, 3, 6, VisitRequirements.Gowning | VisitRequirements.ClosedShoes,
                "Gowning is provided.", Window(1, "10:15", "12:15"), Window(2, "09:30", "11:30")),
            Add(materials, "materials", "Lab tour: advanced measurement tools", LabTour, 120, 4, 10, VisitRequirements.None,
                "", Window(1, "10:15", "12:15"), Window(2, "09:30", "11:30")),
        };
        var companies = new[]
        {
            Add(nanoprint, "maxwell", "Visit: NanoPrint Innovations (spin-out of Judith Driscoll's group)", CompanyVisit, 90, 4, 12, VisitRequirements.NoPhotos,
                "", Window(1, "14:00", "15:30"), Window(2, "13:30", "15:00")),
            Add(paragraf, "paragraf", "Visit: Paragraf, graphene semiconductors", CompanyVisit, 90, 4, 15, VisitRequirements.Nda,
                "Everyone signs the NDA on arrival.", Window(1, "14:00", "15:30"), Window(2, "13:30", "15:00")),
        };
        // Minutes between the Cambridge venues, so no one is sent where they cannot arrive in time.
        foreach (var (a, b, minutes) in new[]
                 {
                     ("materials", "cleanroom", 10), ("materials", "enterprise", 5), ("cleanroom", "enterprise", 10), ("maxwell", "enterprise", 10),
                     ("paragraf", "enterprise", 25), ("paragraf", "moller", 25), ("maxwell", "moller", 10), ("materials", "moller", 10), ("cleanroom", "moller", 10),
                 })
        {
            db.VenueTravelTimes.Add(new VenueTravelTime(mission.Id, v[a].Id, v[b].Id, minutes));
        }

        // Everyone ranks all five, in a spread of orders: most want the cleanroom, which takes six at a time.
        for (var i = 0; i < delegates.Count; i++)
        {
            var order = labs.OrderBy(l => (l.Title.Length * 7 + i * (l.Title.Length % 5 + 1)) % 11).ToList();
            if (i % 3 != 2)
            {
                order.Remove(labs[1]);
                order.Insert(0, labs[1]);
            }

            var ranked = order.Cast<Visit>().ToList();
            ranked.Insert(i % 2 == 0 ? 1 : 2, companies[i % 2]);
            ranked.Add(companies[(i + 1) % 2]);
            for (var r = 0; r < ranked.Count; r++)
            {
                db.VisitPreferences.Add(new VisitPreference(mission.Id, delegates[i].Id, ranked[r].Id, r + 1));
            }
        }

        var plan = new VisitPlan(mission.Id);
        plan.Configure(MissionTime.ToUtc(mission.StartDate.AddDays(-14).ToDateTime(new TimeOnly(23, 59)), zone), 2);
        db.VisitPlans.Add(plan);
    }

    /// <summary>The signing at the embassy: parties, signatory, dignitaries, agreement and the usual checklist.</summary>
    /// <summary>The feedback survey most missions send: anonymous, about the whole mission, scheduled (it goes out after the strategic session).</summary>
    /// <summary>Rooms held at the delegation hotel from the night before the symposium (not yet assigned: "Propose rooms" does it), and the mission's visa letter.</summary>
    private void SeedRoomsAndLetter(Mission mission, Venue hotel)
    {
        var first = mission.StartDate.AddDays(-1);
        foreach (var (type, accessible, rooms, rate, name) in new[]
                 {
                     (Domain.Travel.RoomType.Single, false, 30, 189m, "Single rooms"), (Domain.Travel.RoomType.Twin, false, 5, 215m, "Twin rooms"),
                     (Domain.Travel.RoomType.Single, true, 2, 189m, "Accessible single rooms"),
                 })
        {
            var block = new Domain.Travel.RoomBlock(mission.Id, hotel.Id);
            block.Change(name, type, accessible, first, mission.EndDate.AddDays(-1), rooms, rate, "GBP", first.AddDays(-21),
                $"NL-NEURO-{type.ToString().ToUpperInvariant()}{(accessible ? "-A" : "")}", mission.StartDate, mission.EndDate);
            db.RoomBlocks.Add(block);
        }

        var letter = new Domain.Letters.LetterTemplate(mission.Id);
        letter.Change("Netherlands Enterprise Agency (RVO)\nPrinses Beatrixlaan 2, 2595 AL The Hague, the Netherlands\n+31 88 042 42 42 · missions@rvo.example",
            Domain.Letters.LetterTemplate.DefaultWording, "Marieke de Groot", "Head of Mission, Netherlands Enterprise Agency");
        db.LetterTemplates.Add(letter);
    }

    private void SeedSurveys(Mission mission, DateTime now)
    {
        var survey = new Domain.Surveys.Survey(mission.Id, null, null, now);
        survey.Define("The NL–UK neuromorphic mission: your view", "Five minutes. The organisers report the results to the mission's funders, as counts.",
            anonymous: true, openDays: 14,
        [
            new(Domain.Surveys.SurveyQuestionKind.Rating, "How would you rate the mission as a whole?", null, true),
            new(Domain.Surveys.SurveyQuestionKind.SeveralChoices, "What was most useful to you?", ["Bilateral symposium", "Lab tours and company visits", "B2B meetings", "Signing ceremony", "Strategic session"], false),
            new(Domain.Surveys.SurveyQuestionKind.OneChoice, "Would you join a next mission?", ["Yes", "Maybe", "No"], false),
            new(Domain.Surveys.SurveyQuestionKind.Text, "What should we do differently next time?", null, false),
        ]);
        survey.Schedule(true);
        db.Surveys.Add(survey);
    }

    private void SeedCeremony(Mission mission, List<Registration> delegates)
    {
        var item = db.ProgrammeItems.Local.Single(p => p.MissionId == mission.Id && p.Kind == SigningCeremony);
        var ceremony = db.Ceremonies.Add(new Ceremony(mission.Id, item.Id)).Entity;
        var optNet = db.CeremonyParties.Add(new CeremonyParty(ceremony.Id, "OPT/NET BV")).Entity;
        var uk = db.CeremonyParties.Add(new CeremonyParty(ceremony.Id, "OPT/NET UK Ltd")).Entity;
        ceremony.Configure(SeatingConvention.HostOnTheRight, null, uk.Id, 8);
        Registration Delegate(string name) => delegates.Single(d => d.Name == name);
        void Person(CeremonyRole role, string name, string? title, string organisation, string? email, Registration? registration = null,
            CeremonyParty? party = null, int? tieBreak = null, bool speaks = false)
        {
            var person = db.CeremonyPeople.Add(new CeremonyPerson(ceremony.Id, role, name, title, organisation, email ?? registration?.Email, registration?.Id)).Entity;
            person.Place(party?.Id, null, tieBreak, speaks);
        }

        Person(CeremonyRole.Signatory, "Luuk van der Meer", "Chief executive", "OPT/NET BV", null, Delegate("Luuk van der Meer"), optNet, 1, speaks: true);
        Person(CeremonyRole.Signatory, "Fleur Kok", "Director, OPT/NET UK Ltd", "OPT/NET BV", null, Delegate("Fleur Kok"), uk, 2);
        Person(CeremonyRole.HeadOfMission, "Ambassador of the Kingdom of the Netherlands (demo)", "Ambassador", "Embassy of the Kingdom of the Netherlands",
            "ambassador.demo@example.org", speaks: true);
        Person(CeremonyRole.Director, "Marieke van Dalen", "Director", "Topsector ICT", null, Delegate("Marieke van Dalen"), speaks: true);
        Person(CeremonyRole.Dignitary, "Pieter Hoekstra", "Senior policy officer", "Ministry of Economic Affairs", null, Delegate("Pieter Hoekstra"));
        Person(CeremonyRole.MasterOfCeremonies, "Sanne de Wit", "Innovation attaché", "Netherlands Innovation Network UK", null, Delegate("Sanne de Wit"));
        Person(CeremonyRole.Press, "Hanna Evers", "Technology journalist", "Computable", null, Delegate("Hanna Evers"));
        var agreement = new CeremonyAgreement(ceremony.Id, "Establishment of OPT/NET UK Ltd: shareholder resolution", "English", 2, "Fleur Kok");
        agreement.Change(agreement.Title, agreement.Languages, agreement.Originals, agreement.BroughtBy, AgreementStatus.Final);
        db.CeremonyAgreements.Add(agreement);
        foreach (var (title, owner, days) in new[]
                 {
                     ("Press invitations", "Sanne de Wit", 14), ("Name cards for the signing table", "Thomas Visser", 3),
                     ("Dutch and British table flags", "Thomas Visser", 2), ("Signing pens and blotters", "Sanne de Wit", 1),
                 })
        {
            db.CeremonyTasks.Add(new CeremonyTask(ceremony.Id, title, owner, $"{owner.ToLowerInvariant().Replace(' ', '.')}@example.org", mission.StartDate.AddDays(-days)));
        }

        var lines = new (string Title, string Owner, int Minutes)[]
        {
            ("Arrival of guests and signatories", "Sanne de Wit", 5), ("Welcome by the master of ceremonies", "Sanne de Wit", 2),
            ("Remarks by Luuk van der Meer, Chief executive", "Luuk van der Meer", 3), ("Remarks by Marieke van Dalen, Director", "Marieke van Dalen", 3),
            ("Remarks by the Ambassador", "Ambassador", 4), ("Signing", "Signatories", 5), ("Exchange of documents", "Signatories", 2),
            ("Official photograph", "Photographer", 3), ("Toast", "Ambassador", 3),
        };
        for (var i = 0; i < lines.Length; i++)
        {
            db.RunOfShowLines.Add(new RunOfShowLine(ceremony.Id, i + 1, lines[i].Title, lines[i].Owner, 0, lines[i].Minutes));
        }
    }

    private List<Registration> SeedDelegates(Mission mission, DateTime now)
    {
        var people = new List<Registration>();
        for (var i = 0; i < Delegates.Length; i++)
        {
            var (name, organisation, sector, title, role, dietary) = Delegates[i];
            var email = $"{name.ToLowerInvariant().Replace(' ', '.')}@example.org";
            var person = new Registration(mission.Id, null, email, i + 1, now.AddMinutes(i));
            person.Fill(name, null, organisation, sector, title, role, dietary, name == "Noor Hendriks" ? "Wheelchair user: step-free access" : null,
                consentPhotos: i % 3 != 0, consentListing: i % 5 != 4, now);
            // Everyone but the two who work in London needs a hotel room; two pairs of colleagues asked to share.
            person.SetTravel(null, null, null, null, accommodationNeeded: organisation != "Netherlands Innovation Network UK", null);
            person.SetRoomSharing(name switch
            {
                "Anouk Smit" => "Femke de Boer",
                "Femke de Boer" => "anouk.smit@example.org",
                "Iris Vos" => "Julia Dekker",
                "Julia Dekker" => "Iris Vos",
                _ => null,
            });
            person.Place(confirmed: true);
            // Their links exist like anyone's; the demo emails nobody, so the secrets go unused.
            links.IssueFirst(mission, LinkPurpose.Registration, person.Id);
            links.IssueFirstCalendar(mission, person.Id);
            db.Registrations.Add(person);
            people.Add(person);
        }

        return people;
    }
}

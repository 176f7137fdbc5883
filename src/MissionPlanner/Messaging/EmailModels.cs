namespace MissionPlanner.Messaging;

/// <summary>The model of each email template; their properties are the placeholders the templates may use.</summary>
public static class EmailModels
{
    public sealed record SignInLink(string Name, string Link, int ValidMinutes);

    public sealed record Invitation(
        string RecipientName, string MissionTitle, string MissionSummary, string Where, string When, string Link,
        string? Deadline, string? Message);

    public sealed record InvitationReminder(
        string RecipientName, string MissionTitle, string Where, string When, string Link, string Deadline, int DaysLeft);

    public sealed record RegistrationStatus(
        string Name, string MissionTitle, string Where, string When, string Status, bool Confirmed, bool Waitlisted,
        int WaitlistPosition, string? Link)
    {
        /// <summary>Awaiting the organisers' approval.</summary>
        public bool Pending { get; init; }

        public bool Declined { get; init; }

        /// <summary>The organisers' message with a decision, if any.</summary>
        public string? Message { get; init; }
    }

    /// <summary>What changed in the programme for one person, with their calendar's address.</summary>
    public sealed record ProgrammeChanges(string Name, string MissionTitle, string Where, IReadOnlyList<string> Changes, string? CalendarLink);

    /// <summary>A host is asked to confirm the visits it receives (or reminded), with its personal link.</summary>
    /// <summary>A B2B counterpart is invited to their personal page (/m/…).</summary>
    public sealed record CounterpartInvitation(
        string RecipientName, string Organisation, string MissionTitle, string Where, string When, string Link, string? Message);

    /// <summary>Someone asks the recipient for a B2B meeting; the link opens the recipient's own page to answer.</summary>
    public sealed record MeetingRequest(
        string RecipientName, string RequesterName, string RequesterOrganisation, string MissionTitle, string When, string? Message, string Link)
    {
        /// <summary>Sent again because it is still unanswered.</summary>
        public bool Reminder { get; init; }
    }

    /// <summary>The answer to the recipient's meeting request.</summary>
    public sealed record MeetingAnswer(
        string RecipientName, string AnswererName, string AnswererOrganisation, string MissionTitle, bool Accepted, string? Reply, string Link);

    /// <summary>A counterpart's B2B meetings as published (or changed since), each line saying when, where and with whom.</summary>
    public sealed record MeetingSchedule(string RecipientName, string MissionTitle, string Where, IReadOnlyList<string> Meetings, bool Changed, string Link);

    /// <summary>Asks one side of a held B2B meeting what came of it (right after, or months later), with their link.</summary>
    public sealed record MeetingOutcomeRequest(
        string RecipientName, string MissionTitle, string With, string When, bool FollowUp, bool Reminder, string Link);

    public sealed record HostRequest(
        string ContactName, string HostName, string MissionTitle, string Where, string When, IReadOnlyList<string> Visits, string Link, bool Reminder);

    /// <summary>A participant's visit changes because of its host.</summary>
    public sealed record VisitUpdate(string Name, string MissionTitle, string VisitTitle, string Change);

    /// <summary>A signatory or dignitary is asked (or reminded) to confirm they attend a ceremony.</summary>
    public sealed record CeremonyConfirmation(
        string Name, string Role, string CeremonyTitle, string MissionTitle, string When, string Where, string Link, bool Reminder);

    /// <summary>A ceremony task is past its due day and not done.</summary>
    public sealed record CeremonyTaskOverdue(string Owner, string Task, string CeremonyTitle, string MissionTitle, string Due);

    /// <summary>A follow-up action is due in a few days (<paramref name="Today"/> false) or today.</summary>
    public sealed record ActionReminder(string Owner, string Action, string? Notes, string MissionTitle, string Due, bool Today);

    /// <summary>A delegate changed their arrival or departure after the registration deadline.</summary>
    public sealed record TravelChanged(string RecipientName, string Delegate, string MissionTitle, string Direction, string Service, string Hub, string When);

    /// <summary>A room block's release date is near: its use per night (<paramref name="Nights"/>, in words) and how many delegates still need a room.</summary>
    public sealed record RoomBlockRelease(
        string RecipientName, string MissionTitle, string Hotel, string Block, string BookingReference, string ReleaseDate, IReadOnlyList<string> Nights, int Unhoused);

    /// <summary>A visa or support letter was issued (<paramref name="Issued"/>, the PDF attached) or declined with <paramref name="Reason"/>; <paramref name="Link"/> is the delegate's letter page.</summary>
    public sealed record VisaLetterDecision(string RecipientName, string MissionTitle, bool Issued, string? Reason, string Link);

    /// <summary>A feedback survey to answer (or a reminder of it); <paramref name="About"/> is what it asks about in words ("the mission", "'Cleanroom tour'").</summary>
    /// <param name="Questions">How many, in words: "4 questions".</param>
    /// <param name="LastDay">The last day to answer, mission time.</param>
    public sealed record SurveyRequest(
        string RecipientName, string MissionTitle, string SurveyTitle, string? Intro, string About, string Questions, bool Anonymous, string LastDay, bool Reminder,
        string Link);

    /// <summary>Realistic examples, for previews and for the test that renders every template.</summary>
    public static IReadOnlyDictionary<string, object> Samples { get; } = new Dictionary<string, object>
    {
        ["sign-in-link"] = new SignInLink("Ann de Vries", "https://missionplanner.example/signin/link?token=abc", 30),
        ["invitation"] = new Invitation("Ann de Vries", "Innovation Mission to the UK: Neuromorphic Computing",
            "Four days of symposium, lab tours and company visits.", "London and Cambridge, United Kingdom",
            "Monday 18 – Thursday 21 January 2027", "https://missionplanner.example/i/abc", "Friday 1 January 2027",
            "We would be glad to have you in the delegation."),
        ["invitation-reminder"] = new InvitationReminder("Ann de Vries", "Innovation Mission to the UK: Neuromorphic Computing",
            "London and Cambridge, United Kingdom", "Monday 18 – Thursday 21 January 2027", "https://missionplanner.example/i/abc",
            "Friday 1 January 2027", 7),
        ["registration-status"] = new RegistrationStatus("Ann de Vries", "Innovation Mission to the UK: Neuromorphic Computing",
            "London and Cambridge, United Kingdom", "Monday 18 – Thursday 21 January 2027", "Waitlisted", false, true, 3,
            "https://missionplanner.example/r/abc"),
        ["programme-changes"] = new ProgrammeChanges("Ann de Vries", "Innovation Mission to the UK: Neuromorphic Computing",
            "London and Cambridge, United Kingdom",
            ["'Cleanroom tour' moves to Tuesday 19 January, 14:00–16:00 at Cavendish Laboratory.", "'Dinner at the residence' is cancelled."],
            "https://missionplanner.example/c/abc.ics"),
        ["counterpart-invitation"] = new CounterpartInvitation("Ann de Vries", "Rolls-Royce", "Innovation Mission to the UK: Neuromorphic Computing",
            "London and Cambridge, United Kingdom", "Monday 18 – Thursday 21 January 2027", "https://missionplanner.example/m/abc",
            "We would be glad to introduce you to the Dutch neuromorphic start-ups."),
        ["meeting-request"] = new MeetingRequest("Ann de Vries", "Sam Patel", "Rolls-Royce", "Innovation Mission to the UK: Neuromorphic Computing",
            "Monday 18 – Thursday 21 January 2027", "We test neuromorphic chips for engine monitoring.", "https://missionplanner.example/r/abc"),
        ["meeting-answer"] = new MeetingAnswer("Ann de Vries", "Sam Patel", "Rolls-Royce", "Innovation Mission to the UK: Neuromorphic Computing", true,
            "Glad to: see you in London.", "https://missionplanner.example/m/abc"),
        ["meeting-schedule"] = new MeetingSchedule("Ann de Vries", "Innovation Mission to the UK: Neuromorphic Computing",
            "London and Cambridge, United Kingdom",
            ["table 4 in 'B2B meetings', Tue 19 Jan 14:00–14:20 · with Sam Patel (Innatera)", "Embassy library, Wed 20 Jan 09:00–09:30 · with Lise Bakker (TNO)"],
            false, "https://missionplanner.example/m/abc"),
        ["meeting-outcome"] = new MeetingOutcomeRequest("Ann de Vries", "Innovation Mission to the UK: Neuromorphic Computing", "Sam Patel (Rolls-Royce)",
            "Tuesday 19 January 2027, 14:00", false, false, "https://missionplanner.example/r/abc/meetings"),
        ["host-request"] = new HostRequest("Ann de Vries", "Cavendish Laboratory", "Innovation Mission to the UK: Neuromorphic Computing",
            "London and Cambridge, United Kingdom", "Monday 18 – Thursday 21 January 2027",
            ["Cleanroom tour: Tue 19 Jan 10:00–12:00", "Measurement lab: Tue 19 Jan 14:00–16:00"], "https://missionplanner.example/h/abc", false),
        ["ceremony-confirmation"] = new CeremonyConfirmation("Ann de Vries", "signatory", "Signing ceremony: OPT/NET BV establishes its UK entity",
            "Innovation Mission to the UK: Neuromorphic Computing", "Monday 18 January 2027, 15:30–16:00", "Embassy of the Kingdom of the Netherlands",
            "https://missionplanner.example/s/abc", false),
        ["action-reminder"] = new ActionReminder("Ann de Vries", "Send the draft research agreement to the University of Manchester",
            "Agreed at the strategic session: a first draft within a month.", "Innovation Mission to the UK: Neuromorphic Computing", "Friday 19 February 2027", false),
        ["ceremony-task-overdue"] = new CeremonyTaskOverdue("Ann de Vries", "Bring the signing pens", "Signing ceremony: OPT/NET BV establishes its UK entity",
            "Innovation Mission to the UK: Neuromorphic Computing", "Friday 15 January 2027"),
        ["travel-changed"] = new TravelChanged("Ann de Vries", "Luuk van der Meer", "Innovation Mission to the UK: Neuromorphic Computing", "arrival",
            "flight KLM KL1007", "London Heathrow (LHR)", "Monday 18 January 2027, 08:35"),
        ["room-block-release"] = new RoomBlockRelease("Ann de Vries", "Innovation Mission to the UK: Neuromorphic Computing", "Hotel Russell",
            "Twin rooms", "GRP-48213", "Friday 1 January 2027", ["Sun 17 Jan: 12 used, 15 held: 3 to release or fill", "Mon 18 Jan: all 15 used"], 2),
        ["visa-letter"] = new VisaLetterDecision("Ann de Vries", "Innovation Mission to the UK: Neuromorphic Computing", true, null,
            "https://missionplanner.example/r/abc/letter"),
        ["survey-request"] = new SurveyRequest("Ann de Vries", "Innovation Mission to the UK: Neuromorphic Computing", "How was the cleanroom tour?",
            "Five minutes; the programme committee reads every answer.", "'Cleanroom tour' (Tuesday 19 January 2027)", "4 questions", true, "Tuesday 2 February 2027", false, "https://missionplanner.example/r/abc/surveys/0f8fad5bd9cb469fa16570867728950e"),
        ["visit-update"] = new VisitUpdate("Ann de Vries", "Innovation Mission to the UK: Neuromorphic Computing", "Cleanroom tour",
            "The host has asked to change this visit. The organisers will confirm your time; until then your programme may change."),
    };
}

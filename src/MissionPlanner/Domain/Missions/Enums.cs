namespace MissionPlanner.Domain.Missions;

public enum MissionStatus
{
    Draft,
    Open,
    Closed,
    Completed,
}

public enum VenueKind
{
    University,
    Lab,
    Company,
    Embassy,
    Hotel,
    ConferenceCentre,
    Other,
}

public enum Sector
{
    Academia,
    Industry,
    StartUp,
    Government,
    Other,
}

public enum ProgrammeItemKind
{
    Talk,
    Panel,
    Spotlight,
    SymposiumSession,
    LabTour,
    CompanyVisit,
    SigningCeremony,
    Reception,
    Meal,
    StrategicSession,
    TravelLeg,
    FreeTime,

    /// <summary>A B2B meetings session: slots of one-to-one meetings at tables (<see cref="Meetings.MeetingSession"/>).</summary>
    B2BMeetings,

    /// <summary>One published B2B meeting, in the itineraries of the delegates who meet (<see cref="Meetings.Meeting"/>).</summary>
    B2BMeeting,
}

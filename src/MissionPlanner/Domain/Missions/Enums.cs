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
}
